//! reflect.MapOf, ArrayOf and SliceOf: the program's descriptor of the
//! type when it has one (gc also reuses the binary's types, so identity
//! holds), else a new one made as the compiler makes them (rtype.rs),
//! cached by its name so each type gets one descriptor.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::reflect::set_type;
use super::{native, panic_string, Ctx, Native};
use crate::map::{add_ptrmask, bucket_layout, ptrdata_of};
use crate::types::{tflag, type_from_addr, Kind, Type, TypeExtra, TypeRef};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The descriptor named `name` satisfying `same`: the program's, one made
/// before, or `make()`'s.
fn lookup_or_make(
    c: &Ctx<'_, '_>,
    name: &str,
    same: impl Fn(&Type) -> bool,
    make: impl FnOnce() -> Type,
) -> &'static Type {
    if let Some(&t) = c.vm.program().types.iter().find(|t| same(t)) {
        return t;
    }
    static MADE: OnceLock<Mutex<HashMap<String, &'static Type>>> = OnceLock::new();
    let made = MADE.get_or_init(Default::default);
    let mut m = made.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&t) = m.get(name) {
        return t;
    }
    let t: &'static Type = Box::leak(Box::new(make()));
    m.insert(name.to_string(), t);
    t
}

fn type_arg(c: &Ctx<'_, '_>, i: u32) -> Result<&'static Type, Raise> {
    type_from_addr(c.arg(i)).ok_or_else(|| Raise::Error(crate::error::RuntimeError::nil_deref()))
}

fn map_of(c: &mut Ctx<'_, '_>) -> R {
    let (k, e) = (type_arg(c, 1)?, type_arg(c, 3)?);
    if !crate::alg::is_comparable(k) {
        return Err(panic_string(&format!(
            "reflect.MapOf: invalid key type {}",
            k.str
        )));
    }
    let name = format!("map[{}]{}", k.str, e.str);
    let same = |t: &Type| {
        t.tflag & tflag::NAMED == 0
            && matches!(t.extra, TypeExtra::Map { key, elem, .. }
                if std::ptr::eq(key, k) && std::ptr::eq(elem, e))
    };
    let t = lookup_or_make(c, &name, same, || {
        let l = bucket_layout(k, e);
        let bucket: &'static Type = Box::leak(Box::new(Type {
            size: l.bucketsize,
            ptrdata: l.ptrdata,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Struct,
            gcdata: Box::leak(l.gcdata.into_boxed_slice()),
            str: Box::leak(format!("map.bucket[{}]{}", k.str, e.str).into_boxed_str()),
            extra: TypeExtra::Struct {
                pkgpath: "runtime",
                fields: &[],
            },
            uncommon: None,
        }));
        Type {
            size: 8,
            ptrdata: 8,
            hash: crate::types::type_hash(&name),
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Map,
            gcdata: &[1],
            str: Box::leak(name.clone().into_boxed_str()),
            extra: TypeExtra::Map {
                key: k,
                elem: e,
                bucket,
                keysize: l.keysize as u8,
                elemsize: l.elemsize as u8,
                bucketsize: l.bucketsize as u16,
                flags: l.flags,
            },
            uncommon: None,
        }
    });
    set_type(c, 4, Some(t))
}

fn array_of(c: &mut Ctx<'_, '_>) -> R {
    let n = c.arg(0) as i64;
    let e = type_arg(c, 2)?;
    if n < 0 {
        return Err(panic_string("reflect: negative length passed to ArrayOf"));
    }
    let n = n as usize;
    if e.size > 0 && n > (isize::MAX as usize) / e.size {
        return Err(panic_string(
            "reflect.ArrayOf: array size would exceed virtual address space",
        ));
    }
    let name = format!("[{n}]{}", e.str);
    let same = |t: &Type| {
        t.tflag & tflag::NAMED == 0
            && matches!(t.extra, TypeExtra::Array { elem, len } if len == n && std::ptr::eq(elem, e))
    };
    let t = lookup_or_make(c, &name, same, || {
        let mut mask = Vec::new();
        if e.has_pointers() {
            for i in 0..n {
                add_ptrmask(&mut mask, e, i * e.size);
            }
        }
        let ptrdata = ptrdata_of(&mask);
        mask.truncate(ptrdata.div_ceil(64));
        let regular = e.tflag & tflag::REGULAR_MEMORY != 0 || n == 0;
        Type {
            size: e.size * n,
            ptrdata,
            hash: crate::types::type_hash(&name),
            tflag: if regular { tflag::REGULAR_MEMORY } else { 0 },
            align: e.align,
            field_align: e.field_align,
            kind: Kind::Array,
            gcdata: Box::leak(mask.into_boxed_slice()),
            str: Box::leak(name.clone().into_boxed_str()),
            extra: TypeExtra::Array { elem: e, len: n },
            uncommon: None,
        }
    });
    set_type(c, 3, Some(t))
}

fn slice_of(c: &mut Ctx<'_, '_>) -> R {
    let e = type_arg(c, 1)?;
    let t = slice_type(c, e);
    set_type(c, 2, Some(t))
}

/// The descriptor of `[]e`.
pub(super) fn slice_type(c: &Ctx<'_, '_>, e: &'static Type) -> &'static Type {
    let name = format!("[]{}", e.str);
    let same = |t: &Type| {
        t.tflag & tflag::NAMED == 0
            && matches!(t.extra, TypeExtra::Slice { elem } if std::ptr::eq(elem.get(), e))
    };
    lookup_or_make(c, &name, same, || Type {
        size: 24,
        ptrdata: 8,
        hash: crate::types::type_hash(&name),
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Slice,
        gcdata: &[1],
        str: Box::leak(name.clone().into_boxed_str()),
        extra: TypeExtra::Slice {
            elem: TypeRef::new(e),
        },
        uncommon: None,
    })
}

pub(super) const NATIVES: &[Native] = &[
    native("reflect.MapOf", 4, 2, map_of),
    native("reflect.ArrayOf", 3, 2, array_of),
    native("reflect.SliceOf", 2, 2, slice_of),
];
