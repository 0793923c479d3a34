//! Type.Method and Type.MethodByName (reflect/type.go) and PointerTo.
//!
//! A concrete type's reflect.Method has Func, a func Value of the method
//! expression `T.M` (the receiver first). gc calls the method's `tfn`;
//! goscope's descriptors keep only `ifn` (the code taking a pointer-shaped
//! receiver), which is that function for pointer receivers and
//! pointer-shaped types. For a value method of any other type the
//! declared method itself takes the receiver by value: it is found by
//! its gc name (`main.T.M`) in the program.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::reflect::{set_type, type_iface};
use super::{native, panic_string, Ctx, Native};
use crate::types::{type_from_addr, Kind, Method, Type, TypeExtra, TypeRef};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The exported methods of a concrete type (gc's exportedMethods).
fn exported(t: &Type) -> Vec<&'static Method> {
    t.uncommon.as_ref().map_or(Vec::new(), |u| {
        u.methods
            .iter()
            .filter(|m| m.name.starts_with(|ch: char| ch.is_uppercase()))
            .collect()
    })
}

/// The code of the method expression `T.M` (receiver first).
fn tfn(c: &Ctx<'_, '_>, t: &Type, m: &Method) -> u32 {
    if t.kind == Kind::Pointer || t.is_direct_iface() {
        return m.ifn;
    }
    let name = format!("{}.{}", t.str, m.name);
    c.vm.program()
        .funcs
        .iter()
        .position(|f| f.name == name && !f.wrapper)
        .map_or(m.ifn, |i| i as u32)
}

/// A static funcval {fn} for the function `fid` (one per function).
fn static_funcval(fid: u32) -> u64 {
    static CELLS: OnceLock<Mutex<HashMap<u32, u64>>> = OnceLock::new();
    let cells = CELLS.get_or_init(Default::default);
    let mut m = cells.lock().unwrap_or_else(|e| e.into_inner());
    *m.entry(fid)
        .or_insert_with(|| Box::leak(Box::new(fid as u64)) as *const u64 as u64)
}

/// The descriptor of `func(T, params...) results` for method type
/// `mtyp` of `t`: the program's own when it has one (so a type assertion
/// to it matches), else a new one.
fn method_expr_type(c: &Ctx<'_, '_>, t: &'static Type, mtyp: &'static Type) -> &'static Type {
    let TypeExtra::Func {
        params,
        results,
        variadic,
    } = mtyp.extra
    else {
        return mtyp;
    };
    let rest = mtyp.str.strip_prefix("func(").unwrap_or("");
    let str = if params.is_empty() {
        format!("func({}{rest}", t.str)
    } else {
        format!("func({}, {rest}", t.str)
    };
    if let Some(&p) =
        c.vm.program()
            .types
            .iter()
            .find(|p| p.kind == Kind::Func && p.str == str)
    {
        return p;
    }
    static MADE: OnceLock<Mutex<HashMap<String, &'static Type>>> = OnceLock::new();
    let made = MADE.get_or_init(Default::default);
    let mut m = made.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&p) = m.get(&str) {
        return p;
    }
    let mut ps = vec![TypeRef::new(t)];
    ps.extend(params.iter().copied());
    let d: &'static Type = Box::leak(Box::new(Type {
        size: 8,
        ptrdata: 8,
        hash: mtyp.hash.rotate_left(11) ^ t.hash,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Func,
        gcdata: &[1],
        str: Box::leak(str.clone().into_boxed_str()),
        extra: TypeExtra::Func {
            params: Box::leak(ps.into_boxed_slice()),
            results,
            variadic,
        },
        uncommon: None,
    }));
    m.insert(str, d);
    d
}

/// Writes method `i` of `t` as a reflect.Method to the 10 slots at `at`.
fn set_method(c: &mut Ctx<'_, '_>, at: u32, t: &'static Type, i: usize) -> R {
    if let TypeExtra::Interface { methods } = t.extra {
        let Some(m) = methods.get(i) else {
            return Err(panic_string("reflect: Method index out of range"));
        };
        c.set_str(at, m.name.as_bytes());
        c.set_str(at + 2, m.pkgpath.as_bytes());
        set_type(c, at + 4, Some(m.typ))?;
        for k in 6..9 {
            c.set(at + k, 0);
        }
        c.set(at + 9, i as u64);
        return Ok(());
    }
    let ms = exported(t);
    let Some(m) = ms.get(i) else {
        return Err(panic_string("reflect: Method index out of range"));
    };
    let mt = method_expr_type(c, t, m.mtyp);
    let fv = static_funcval(tfn(c, t, m));
    c.set_str(at, m.name.as_bytes());
    c.set_str(at + 2, b"");
    let (a, b) = type_iface(c, Some(mt))?;
    c.set(at + 4, a);
    c.set(at + 5, b);
    c.set(at + 6, mt.addr());
    c.set(at + 7, fv);
    c.set(at + 8, Kind::Func as u64);
    c.set(at + 9, i as u64);
    Ok(())
}

fn recv(c: &Ctx<'_, '_>) -> Result<&'static Type, Raise> {
    type_from_addr(c.arg(0)).ok_or_else(|| Raise::Error(crate::error::RuntimeError::nil_deref()))
}

fn method(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let i = c.arg(1) as i64;
    if i < 0 {
        return Err(panic_string("reflect: Method index out of range"));
    }
    set_method(c, 2, t, i as usize)
}

fn method_by_name(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let name = c.str(1).to_vec();
    let i = match t.extra {
        TypeExtra::Interface { methods } => methods.iter().position(|m| m.name.as_bytes() == name),
        _ => exported(t).iter().position(|m| m.name.as_bytes() == name),
    };
    match i {
        Some(i) => {
            set_method(c, 3, t, i)?;
            c.set_bool(13, true);
        }
        None => {
            for k in 3..14 {
                c.set(k, 0);
            }
        }
    }
    Ok(())
}

/// reflect.PointerTo / PtrTo.
fn pointer_to(c: &mut Ctx<'_, '_>) -> R {
    let Some(t) = type_from_addr(c.arg(1)) else {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    };
    let p = super::reflectvalue::ptr_to(c, t);
    set_type(c, 2, Some(p))
}

pub(super) const NATIVES: &[Native] = &[
    native("reflect.(*rtype).Method", 2, 10, method),
    native("reflect.(*rtype).MethodByName", 3, 11, method_by_name),
    native("reflect.PointerTo", 2, 2, pointer_to),
    native("reflect.PtrTo", 2, 2, pointer_to),
];
