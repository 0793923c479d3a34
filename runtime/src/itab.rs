//! itabs and type assertions (runtime/iface.go): the method table of a
//! (non-empty interface, concrete type) pair, built on demand by
//! [`getitab`] and kept for the process in a table keyed by the pair (gc's
//! itabTable), and the checks behind `x.(T)` with gc's
//! `*runtime.TypeAssertionError` texts.
//!
//! Invariant: an iface's first word is 0 or the address of a leaked
//! [`Itab`] made here, so [`itab_from_addr`] may read it; the layout is
//! gc's (inter, _type, hash, fun) so alg.rs finds `_type` at offset 8.
//!
//! Example: `var s fmt.Stringer = T{}` uses getitab(Stringer, T), whose
//! `fun[0]` is the function id of `main.(*T).String` (the wrapper taking
//! the boxed value's address) from T's method set.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::types::{Type, TypeExtra};

/// gc's itab: the interface, the concrete type, its hash and the function
/// id of each interface method's code for that type (interface order).
#[repr(C)]
#[derive(Debug)]
pub struct Itab {
    pub inter: &'static Type,
    pub typ: &'static Type,
    pub hash: u32,
    pub fun: &'static [u32],
}

impl Itab {
    /// The itab's address: what an iface's first word holds.
    pub fn addr(&'static self) -> u64 {
        self as *const Itab as u64
    }
}

/// The itab at an iface's first word; None for 0 (a nil interface).
pub fn itab_from_addr(addr: u64) -> Option<&'static Itab> {
    if addr == 0 {
        return None;
    }
    // SAFETY: a non-zero itab word is the address of a leaked `Itab` made
    // by `getitab` (the module invariant), valid and aligned forever.
    Some(unsafe { &*(addr as usize as *const Itab) })
}

/// The table: (interface, type) descriptor addresses -> the itab, or the
/// name of the first missing method (gc caches negative results too).
type ItabTable = HashMap<(usize, usize), Result<&'static Itab, &'static str>>;

static ITAB_TABLE: Mutex<Option<ItabTable>> = Mutex::new(None);

/// getitab: the itab of `typ` for interface `inter`, or the name of the
/// first method (in the interface's order) that `typ` lacks.
pub fn getitab(inter: &'static Type, typ: &'static Type) -> Result<&'static Itab, &'static str> {
    let key = (inter as *const Type as usize, typ as *const Type as usize);
    let mut guard = ITAB_TABLE.lock().unwrap_or_else(|e| e.into_inner());
    let table = guard.get_or_insert_with(HashMap::new);
    if let Some(r) = table.get(&key) {
        return *r;
    }
    let r = itab_init(inter, typ);
    table.insert(key, r);
    r
}

/// itabInit: matches the interface's methods against the type's method
/// set (both sorted by name, so one merge pass, as gc's).
fn itab_init(inter: &'static Type, typ: &'static Type) -> Result<&'static Itab, &'static str> {
    let imethods = match &inter.extra {
        TypeExtra::Interface { methods } => *methods,
        _ => &[],
    };
    let tmethods = typ.uncommon.as_ref().map_or(&[][..], |u| u.methods);
    let mut fun = Vec::with_capacity(imethods.len());
    let mut j = 0;
    'imethods: for im in imethods {
        while j < tmethods.len() {
            let tm = &tmethods[j];
            j += 1;
            if tm.name == im.name && tm.pkgpath == im.pkgpath && std::ptr::eq(tm.mtyp, im.typ) {
                fun.push(tm.ifn);
                continue 'imethods;
            }
        }
        return Err(im.name);
    }
    Ok(Box::leak(Box::new(Itab {
        inter,
        typ,
        hash: typ.hash,
        fun: Box::leak(fun.into_boxed_slice()),
    })))
}

/// Whether `t` is an interface type with methods (its values are ifaces).
pub fn is_iface(t: &Type) -> bool {
    matches!(&t.extra, TypeExtra::Interface { methods } if !methods.is_empty())
}

/// The dynamic type of an interface value of static type `src` whose
/// first word is `w0` (an eface's type word, an iface's itab word).
pub fn dynamic_type(src: &Type, w0: u64) -> Option<&'static Type> {
    if is_iface(src) {
        itab_from_addr(w0).map(|t| t.typ)
    } else {
        crate::types::type_from_addr(w0)
    }
}

/// The first word of an interface value of type `dst` holding a value of
/// dynamic type `t` (the type itself for an eface, the itab for an iface),
/// or the TypeAssertionError of `x.(dst)` for an `x` of type `src`.
pub fn iface_word(src: &Type, dst: &'static Type, t: &'static Type) -> Result<u64, RuntimeError> {
    if !is_iface(dst) {
        return Ok(t.addr());
    }
    match getitab(dst, t) {
        Ok(tab) => Ok(tab.addr()),
        Err(missing) => {
            let _ = src;
            Err(type_assertion_error(None, Some(t), dst, missing))
        }
    }
}

/// gc's `*runtime.TypeAssertionError` (runtime/error.go): `inter` is the
/// static type of the asserted operand (None: "interface"), `concrete`
/// its dynamic type (None: nil), `asserted` the target, `missing` a
/// method the target needs that the concrete type lacks ("" if none).
pub fn type_assertion_error(
    inter: Option<&Type>,
    concrete: Option<&Type>,
    asserted: &Type,
    missing: &str,
) -> RuntimeError {
    let inter = inter.map_or("interface", |t| t.str);
    let as_ = asserted.str;
    let msg = match concrete {
        None => format!("interface conversion: {inter} is nil, not {as_}"),
        Some(c) if missing.is_empty() => {
            let mut m = format!("interface conversion: {inter} is {}, not {as_}", c.str);
            if c.str == as_ {
                let pkg = |t: &Type| t.uncommon.as_ref().map_or("", |u| u.pkgpath);
                m += if pkg(c) != pkg(asserted) {
                    " (types from different packages)"
                } else {
                    " (types from different scopes)"
                };
            }
            m
        }
        Some(c) => format!(
            "interface conversion: {} is not {as_}: missing method {missing}",
            c.str
        ),
    };
    RuntimeError::new(RuntimeErrorKind::TypeAssertion, msg)
}

/// Whether x's dynamic type is `want` (`v, ok := x.(T)`, type switch
/// cases), without building the error a failed `x.(T)` panics with.
pub fn has_type(src: &Type, w0: u64, want: &'static Type) -> bool {
    dynamic_type(src, w0).is_some_and(|t| std::ptr::eq(t, want))
}

/// `x.(T)` for a concrete T: x's dynamic type must be `want` (gc's
/// panicdottypeE/I on failure). `src` is x's static type.
pub fn assert_type(src: &Type, w0: u64, want: &'static Type) -> Result<(), RuntimeError> {
    match dynamic_type(src, w0) {
        Some(t) if std::ptr::eq(t, want) => Ok(()),
        have => Err(type_assertion_error(Some(src), have, want, "")),
    }
}

/// `x.(I)` for an interface I (gc's assertE2I / assertI2I): the first
/// word of the result; a nil x fails with "interface is nil".
pub fn assert_iface(src: &Type, w0: u64, dst: &'static Type) -> Result<u64, RuntimeError> {
    match dynamic_type(src, w0) {
        None => Err(type_assertion_error(None, None, dst, "")),
        Some(t) => iface_word(src, dst, t),
    }
}

/// `v, ok := x.(I)` (gc's assertE2I2 / assertI2I2): the first word, or
/// None when x is nil or its type lacks a method.
pub fn assert_iface2(src: &Type, w0: u64, dst: &'static Type) -> Option<u64> {
    let t = dynamic_type(src, w0)?;
    // No error value on failure: a type switch tries many cases.
    if !is_iface(dst) {
        return Some(t.addr());
    }
    getitab(dst, t).ok().map(|tab| tab.addr())
}

/// convI2I: an implicit conversion between interface types (a nil value
/// stays nil; the conversion is statically known to succeed otherwise).
pub fn conv_iface(src: &Type, w0: u64, dst: &'static Type) -> Result<u64, RuntimeError> {
    match dynamic_type(src, w0) {
        None => Ok(0),
        Some(t) => iface_word(src, dst, t),
    }
}
