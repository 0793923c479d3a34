//! Value.MapRange and *MapIter (reflect/value.go): a MapIter is gc's
//! {m Value, hiter} (24 + 96 bytes), its hiter the runtime's [`HIter`]
//! in memory, so the map's iteration order is the `range` order.

use std::sync::OnceLock;

use super::super::reflect::value_error;
use super::super::{native, panic_string, Ctx, Native};
use super::*;
use crate::map::{HIter, HITER_PTRMASK, HITER_SIZE};

/// Byte offset of the hiter in a MapIter.
const HITER_OFF: u64 = 24;

/// The allocation shape of a MapIter: Value.ptr and the hiter's pointers.
fn mapiter_shape() -> &'static Type {
    static T: OnceLock<&'static Type> = OnceLock::new();
    T.get_or_init(|| {
        let mask: u32 = 0b10 | ((HITER_PTRMASK as u32) << 3);
        let words = 3 + HITER_SIZE / 8;
        Box::leak(Box::new(Type {
            size: 8 * words,
            ptrdata: 8 * (32 - mask.leading_zeros() as usize),
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Struct,
            gcdata: Box::leak(mask.to_le_bytes().to_vec().into_boxed_slice()),
            str: "reflect.MapIter",
            extra: TypeExtra::None,
            uncommon: None,
        }))
    })
}

fn map_range(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    if v.kind() != Kind::Map as u64 {
        return Err(value_error(c, "reflect.Value.MapRange", v.kind()));
    }
    let p = crate::malloc::mallocgc(mapiter_shape().size, Some(mapiter_shape()), true);
    v.store_mem(p);
    c.set(3, p);
    Ok(())
}

/// The iterator's map Value and hiter.
fn load(c: &Ctx<'_, '_>) -> Result<(u64, RValue, HIter), Raise> {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let m = RValue {
        typ: type_from_addr(mem::load_u64(p)),
        ptr: mem::load_u64(p + 8),
        flag: mem::load_u64(p + 16),
    };
    Ok((p, m, HIter::load(p + HITER_OFF)))
}

fn next(c: &mut Ctx<'_, '_>) -> R {
    let (p, m, mut it) = load(c)?;
    if m.flag == 0 {
        return Err(panic_string(
            "MapIter.Next called on an iterator that does not have an associated map Value",
        ));
    }
    if it.t == 0 {
        it = HIter::init(m.t(), m.pointer());
    } else {
        if it.key == 0 {
            return Err(panic_string("MapIter.Next called on exhausted iterator"));
        }
        it.next();
    }
    it.store(p + HITER_OFF);
    c.set_bool(1, it.key != 0);
    Ok(())
}

/// Key (`elem` false) or Value (true) of the current entry.
fn entry(c: &mut Ctx<'_, '_>, elem: bool) -> R {
    let (_, m, it) = load(c)?;
    let what = if elem { "Value" } else { "Key" };
    if it.t == 0 {
        return Err(panic_string(&format!("MapIter.{what} called before Next")));
    }
    let at = if elem { it.elem } else { it.key };
    if it.key == 0 {
        return Err(panic_string(&format!(
            "MapIter.{what} called on exhausted iterator"
        )));
    }
    let TypeExtra::Map { key, elem: et, .. } = m.t().extra else {
        return Ok(());
    };
    let t = if elem { et } else { key };
    copy_val(t, m.ro() | t.kind as u64, at).store(c, 1);
    Ok(())
}

fn key(c: &mut Ctx<'_, '_>) -> R {
    entry(c, false)
}

fn value(c: &mut Ctx<'_, '_>) -> R {
    entry(c, true)
}

pub(in crate::natives) const NATIVES: &[Native] = &[
    native("reflect.Value.MapRange", 3, 1, map_range),
    native("reflect.(*MapIter).Next", 1, 1, next),
    native("reflect.(*MapIter).Key", 1, 3, key),
    native("reflect.(*MapIter).Value", 1, 3, value),
];
