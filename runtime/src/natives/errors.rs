//! errors natives (New, Unwrap, Is) and the std error types natives
//! return: `*errors.errorString` (errors.New, fmt.Errorf without %w) and
//! `*fmt.wrapError` (fmt.Errorf with %w), with Go's layouts
//! (`struct{ s string }`, `struct{ msg string; err error }`).
//!
//! Their descriptors are made here; their methods are Go functions the
//! compiler makes (one `CallNative` of the method's native, e.g.
//! `errors.(*errorString).Error`, and `Ret`) so itabs and fmt call them
//! as any method. The compiler builds the `error` itabs with
//! [`std_error_itabs`] when the program calls a native that can return
//! one ([`makes_errors`]) and keeps them in `Program::std_itabs`.

use super::{native, Ctx, Native};
use crate::itab::{getitab, itab_from_addr, Itab};
use crate::mem;
use crate::types::{tflag, Kind, Method, StructField, Type, TypeExtra, TypeRef, Uncommon};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The methods of the std error types: (native name, result slots). The
/// compiler makes one Go function per entry, taking the receiver pointer.
pub const STD_METHODS: &[(&str, u32)] = &[
    ("errors.(*errorString).Error", 2),
    ("fmt.(*wrapError).Error", 2),
    ("fmt.(*wrapError).Unwrap", 2),
];

/// Whether the native `name` may return a std error value (so the
/// program needs [`std_error_itabs`]).
pub fn makes_errors(name: &str) -> bool {
    matches!(
        name,
        "errors.New"
            | "io.EOF"
            | "fmt.Errorf"
            | "strconv.Atoi"
            | "strconv.ParseInt"
            | "strconv.ParseUint"
            | "strconv.ParseFloat"
            | "strconv.ParseBool"
    )
}

/// Std error types the checker declares, whose methods are natives
/// (named as their native's prefix): the compiler adds their `error`
/// itabs to `Program::std_itabs`.
pub const STD_ERROR_TYPES: &[&str] = &["strconv.(*NumError)."];

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

/// FNV-1a of the type's name (as the compiler hashes its descriptors).
fn hash(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A named struct `pkg.name` with `fields` and a pointer type to it
/// whose method set is `methods`.
pub(super) fn named_ptr(
    pkg: &'static str,
    name: &'static str,
    size: usize,
    gcdata: &'static [u8],
    fields: Vec<StructField>,
    methods: Vec<Method>,
) -> &'static Type {
    let ptrdata = 8 * (8 - gcdata[0].leading_zeros() as usize);
    let st: &'static Type = leak(Type {
        size,
        ptrdata,
        hash: hash(name),
        tflag: tflag::UNCOMMON | tflag::NAMED,
        align: 8,
        field_align: 8,
        kind: Kind::Struct,
        gcdata,
        str: name,
        extra: TypeExtra::Struct {
            pkgpath: pkg,
            fields: Box::leak(fields.into_boxed_slice()),
        },
        uncommon: Some(Uncommon {
            pkgpath: pkg,
            methods: &[],
        }),
    });
    let pname: &'static str = Box::leak(format!("*{name}").into_boxed_str());
    leak(Type {
        size: 8,
        ptrdata: 8,
        hash: hash(pname),
        tflag: tflag::UNCOMMON | tflag::REGULAR_MEMORY,
        align: 8,
        field_align: 8,
        kind: Kind::Pointer,
        gcdata: &[1],
        str: pname,
        extra: TypeExtra::Pointer {
            elem: TypeRef::new(st),
        },
        uncommon: Some(Uncommon {
            pkgpath: pkg,
            methods: Box::leak(methods.into_boxed_slice()),
        }),
    })
}

pub(super) fn field(name: &'static str, typ: &'static Type, offset: usize) -> StructField {
    StructField {
        name,
        typ,
        offset,
        embedded: false,
        exported: false,
        tag: "",
    }
}

/// The `error` itabs of `*errors.errorString` and `*fmt.wrapError`.
/// `error` is the program's `error` descriptor, `func_error` its
/// `func() error`; `ifn` gives the function id the compiler made for a
/// [`STD_METHODS`] entry.
pub fn std_error_itabs(
    error: &'static Type,
    func_error: &'static Type,
    ifn: &mut dyn FnMut(&str) -> u32,
) -> Result<Vec<&'static Itab>, &'static str> {
    let func_string = match &error.extra {
        TypeExtra::Interface { methods } if methods.len() == 1 => methods[0].typ,
        _ => return Err("Error"),
    };
    let string = crate::iface::basic_type(crate::vm::fmtv::kind::STRING, "string");
    let method = |name: &'static str, mtyp: &'static Type, id: u32| Method {
        name,
        pkgpath: "",
        mtyp,
        ifn: id,
    };
    let es = named_ptr(
        "errors",
        "errors.errorString",
        16,
        &[1],
        vec![field("s", string, 0)],
        vec![method(
            "Error",
            func_string,
            ifn("errors.(*errorString).Error"),
        )],
    );
    let we = named_ptr(
        "fmt",
        "fmt.wrapError",
        32,
        &[0b1101],
        vec![field("msg", string, 0), field("err", error, 16)],
        vec![
            method("Error", func_string, ifn("fmt.(*wrapError).Error")),
            method("Unwrap", func_error, ifn("fmt.(*wrapError).Unwrap")),
        ],
    );
    Ok(vec![getitab(error, es)?, getitab(error, we)?])
}

/// The program's `error` itab of the std type named `name`.
pub(super) fn std_itab(c: &Ctx<'_, '_>, name: &str) -> Result<&'static Itab, Raise> {
    c.vm.program()
        .std_itabs
        .iter()
        .copied()
        .find(|t| t.typ.str == name)
        .ok_or_else(|| {
            Raise::Error(crate::error::RuntimeError::error_string(
                "goscope: internal error: std error types not built",
            ))
        })
}

/// Returns `&errorString{msg}` as the error at window slots `res..res+2`
/// (the struct is rooted in the window before the string is made).
pub(super) fn new_error_string(c: &mut Ctx<'_, '_>, msg: &[u8], res: u32) -> R {
    let tab = std_itab(c, "*errors.errorString")?;
    let p = crate::malloc::mallocgc(16, tab.typ.elem(), true);
    c.set(res, tab.addr());
    c.set(res + 1, p);
    let (sp, sl) = super::gostring(msg);
    mem::store_u64(p, sp);
    mem::store_u64(p + 8, sl);
    Ok(())
}

/// Returns `&wrapError{msg, err}` (err: an eface's words) at `res`.
pub(super) fn new_wrap_error(c: &mut Ctx<'_, '_>, msg: &[u8], err: (u64, u64), res: u32) -> R {
    let tab = std_itab(c, "*fmt.wrapError")?;
    let Some(et) = crate::types::type_from_addr(err.0) else {
        return new_error_string(c, msg, res);
    };
    let etab = getitab(tab.inter, et).map_err(|_| {
        Raise::Error(crate::error::RuntimeError::error_string(
            "goscope: internal error: %w operand is not an error",
        ))
    })?;
    let p = crate::malloc::mallocgc(32, tab.typ.elem(), true);
    mem::store_u64(p + 16, etab.addr());
    mem::store_u64(p + 24, err.1);
    c.set(res, tab.addr());
    c.set(res + 1, p);
    let (sp, sl) = super::gostring(msg);
    mem::store_u64(p, sp);
    mem::store_u64(p + 8, sl);
    Ok(())
}

fn new(c: &mut Ctx<'_, '_>) -> R {
    let s = c.str(0).to_vec();
    new_error_string(c, &s, 2)
}

/// `(*errorString).Error` and `(*wrapError).Error`: the string field.
fn error_field0(c: &mut Ctx<'_, '_>) -> R {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    c.set(1, mem::load_u64(p));
    c.set(2, mem::load_u64(p + 8));
    Ok(())
}

fn wrap_unwrap(c: &mut Ctx<'_, '_>) -> R {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    c.set(1, mem::load_u64(p + 16));
    c.set(2, mem::load_u64(p + 24));
    Ok(())
}

/// The method `name` of `typ`'s method set with `nparams` params and
/// one result of kind `res`: its function id.
fn method_of(typ: &Type, name: &str, nparams: usize, res: Kind) -> Option<u32> {
    let m = typ
        .uncommon
        .as_ref()?
        .methods
        .iter()
        .find(|m| m.name == name)?;
    match &m.mtyp.extra {
        TypeExtra::Func {
            params, results, ..
        } if params.len() == nparams && results.len() == 1 && results[0].kind == res => Some(m.ifn),
        _ => None,
    }
}

/// Go's errors.Unwrap on the iface (itab, data): the Unwrap method's
/// result, or nil.
fn unwrap_words(c: &mut Ctx<'_, '_>, e: (u64, u64)) -> Result<(u64, u64), Raise> {
    let Some(tab) = itab_from_addr(e.0) else {
        return Ok((0, 0));
    };
    let Some(fid) = method_of(tab.typ, "Unwrap", 0, Kind::Interface) else {
        return Ok((0, 0));
    };
    let r = c.vm.call_go(fid, 0, &[e.1], 2).map_err(Raise::from)?;
    // The result is an error value; its itab is for `error` unless the
    // method's result type is another interface: convert by dynamic type.
    match itab_from_addr(r[0]) {
        None => Ok((0, 0)),
        Some(t) if std::ptr::eq(t.inter, tab.inter) => Ok((r[0], r[1])),
        Some(t) => match getitab(tab.inter, t.typ) {
            Ok(et) => Ok((et.addr(), r[1])),
            Err(_) => Ok((0, 0)),
        },
    }
}

fn unwrap(c: &mut Ctx<'_, '_>) -> R {
    let (t, d) = unwrap_words(c, (c.arg(0), c.arg(1)))?;
    c.set(2, t);
    c.set(3, d);
    Ok(())
}

/// errors.Is: walks the Unwrap chain comparing with `==` (when the
/// target's type is comparable) and asking `Is` methods.
fn is(c: &mut Ctx<'_, '_>) -> R {
    let (mut e, target) = ((c.arg(0), c.arg(1)), (c.arg(2), c.arg(3)));
    if target.0 == 0 {
        c.set_bool(4, e.0 == 0);
        return Ok(());
    }
    let comparable = itab_from_addr(target.0).is_some_and(|t| crate::alg::is_comparable(t.typ));
    for _ in 0..1_000_000 {
        let Some(tab) = itab_from_addr(e.0) else {
            break;
        };
        if comparable
            && std::ptr::eq(tab.typ, itab_from_addr(target.0).map_or(tab.typ, |t| t.typ))
            && crate::alg::ifaceeq(e.0, e.1, target.1).map_err(Raise::Error)?
        {
            c.set_bool(4, true);
            return Ok(());
        }
        if let Some(fid) = method_of(tab.typ, "Is", 1, Kind::Bool) {
            // A panic in the method unwinds through this call (`?`).
            if c.vm.call_go(fid, 0, &[e.1, target.0, target.1], 1)?[0] & 1 != 0 {
                c.set_bool(4, true);
                return Ok(());
            }
        }
        e = unwrap_words(c, e)?;
    }
    c.set_bool(4, false);
    Ok(())
}

/// errors.As: finds the first error in the Unwrap chain assignable to
/// the type the pointer `target` points to and stores it there (or asks
/// `As` methods). Panics as Go does on a nil or non-pointer target.
fn as_(c: &mut Ctx<'_, '_>) -> R {
    let (mut e, target) = ((c.arg(0), c.arg(1)), (c.arg(2), c.arg(3)));
    let tt = crate::types::type_from_addr(target.0);
    let Some(pt) = tt else {
        return Err(super::panic_string("errors: target cannot be nil"));
    };
    let elem = match (&pt.extra, pt.kind) {
        (TypeExtra::Pointer { elem }, Kind::Pointer) if target.1 != 0 => elem.get(),
        _ => {
            return Err(super::panic_string(
                "errors: target must be a non-nil pointer",
            ))
        }
    };
    let is_iface = matches!(elem.extra, TypeExtra::Interface { .. });
    let implements_error = method_of(elem, "Error", 0, Kind::String).is_some();
    if !is_iface && !implements_error {
        return Err(super::panic_string(
            "errors: *target must be interface or implement error",
        ));
    }
    for _ in 0..1_000_000 {
        let Some(tab) = itab_from_addr(e.0) else {
            break;
        };
        if is_iface {
            if let Ok(t) = getitab_or_eface(elem, tab.typ) {
                mem::store_u64(target.1, t);
                mem::store_u64(target.1 + 8, e.1);
                c.set_bool(4, true);
                return Ok(());
            }
        } else if std::ptr::eq(tab.typ, elem) {
            if elem.is_direct_iface() {
                mem::store_u64(target.1, e.1);
            } else {
                mem::memmove(target.1, e.1, elem.size);
            }
            c.set_bool(4, true);
            return Ok(());
        }
        if let Some(fid) = method_of(tab.typ, "As", 1, Kind::Bool) {
            // A panic in the method unwinds through this call (`?`).
            if c.vm.call_go(fid, 0, &[e.1, target.0, target.1], 1)?[0] & 1 != 0 {
                c.set_bool(4, true);
                return Ok(());
            }
        }
        e = unwrap_words(c, e)?;
    }
    c.set_bool(4, false);
    Ok(())
}

/// The first word of an interface of type `inter` holding a `typ`: the
/// type itself for `any`, else the itab.
fn getitab_or_eface(inter: &'static Type, typ: &'static Type) -> Result<u64, &'static str> {
    if crate::itab::is_iface(inter) {
        getitab(inter, typ).map(|t| t.addr())
    } else {
        Ok(typ.addr())
    }
}

pub(super) const NATIVES: &[Native] = &[
    native("errors.As", 4, 1, as_),
    native("errors.New", 2, 2, new),
    native("errors.Unwrap", 2, 2, unwrap),
    native("errors.Is", 4, 1, is),
    native("errors.(*errorString).Error", 1, 2, error_field0),
    native("fmt.(*wrapError).Error", 1, 2, error_field0),
    native("fmt.(*wrapError).Unwrap", 1, 2, wrap_unwrap),
];
