//! gc's runtime.Error types (runtime/error.go): the dynamic types of the
//! values a program recovers from a run-time panic. `%T` prints
//! `runtime.boundsError` (index, slice and slice-to-array-pointer
//! bounds), `runtime.errorString` (divide by zero, nil dereference,
//! makeslice, negative shift), `runtime.plainError` (nil map write,
//! channel misuse) and `*runtime.TypeAssertionError`; each has the
//! methods Error and RuntimeError, so `r.(error)`, `r.(runtime.Error)`,
//! `err.Error()` and fmt behave as in gc.
//!
//! Layout: every value's data word points to a string header {ptr, len}
//! holding the message without the "runtime error: " prefix that Error()
//! adds. errorString and plainError are Go strings, as in gc (so `==`
//! compares their texts); boundsError is `struct{ msg string }` and
//! TypeAssertionError a pointer to one. Deviation: gc's boundsError keeps
//! the operands {x, y, signed, code} and TypeAssertionError the three
//! types and the missing method, which only `%#v` would show.
//!
//! The descriptors are made here; their methods are Go functions the
//! compiler makes (one `CallNative` of the method's native and `Ret`,
//! natives::errors does the same for errors.New's type), and the program
//! keeps the descriptors in `Program::rt_errors`, in
//! [`RuntimeErrorKind`] order.
//!
//! Example: `s[5]` on a 3-element slice panics with the eface
//! {runtime.boundsError, &{"index out of range [5] with length 3"}};
//! `fmt.Println(recover())` calls `runtime.(*boundsError).Error`, which
//! returns "runtime error: index out of range [5] with length 3".

use super::{native, Ctx, Native};
use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::mem;
use crate::types::{tflag, IMethod, Kind, Method, StructField, Type, TypeExtra, TypeRef, Uncommon};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The methods of the runtime error types: (native name, result slots),
/// Error then RuntimeError per type, types in [`RuntimeErrorKind`]
/// order. The compiler makes one Go function per entry, taking the
/// receiver pointer.
pub const RT_ERROR_METHODS: &[(&str, u32)] = &[
    ("runtime.(*boundsError).Error", 2),
    ("runtime.(*boundsError).RuntimeError", 0),
    ("runtime.(*errorString).Error", 2),
    ("runtime.(*errorString).RuntimeError", 0),
    ("runtime.(*plainError).Error", 2),
    ("runtime.(*plainError).RuntimeError", 0),
    // Lower-case: the checker's own *runtime.TypeAssertionError (std
    // API) has gc's layout, which these natives do not read.
    ("runtime.(*typeAssertionError).Error", 2),
    ("runtime.(*typeAssertionError).RuntimeError", 0),
];

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

/// A named type `name` of `kind` over a string header (a string, or a
/// struct whose one field `msg` is one) with `methods`.
fn named(
    name: &'static str,
    kind: Kind,
    string: &'static Type,
    methods: &'static [Method],
) -> Type {
    let extra = match kind {
        Kind::Struct => TypeExtra::Struct {
            pkgpath: "runtime",
            fields: Box::leak(Box::new([StructField {
                name: "msg",
                typ: string,
                offset: 0,
                embedded: false,
                exported: false,
                tag: "",
            }])),
        },
        _ => TypeExtra::None,
    };
    Type {
        size: 16,
        ptrdata: 8,
        hash: crate::types::type_hash(name),
        tflag: tflag::UNCOMMON | tflag::NAMED,
        align: 8,
        field_align: 8,
        kind,
        gcdata: &[1],
        str: name,
        extra,
        uncommon: Some(Uncommon {
            pkgpath: "runtime",
            methods,
        }),
    }
}

/// The runtime error descriptors, in [`RuntimeErrorKind`] order.
/// `string` is the program's `string` descriptor, `error` its `error`
/// (whose method gives `func() string`), `func_void` its `func()`; `ifn`
/// gives the function id the compiler made for a [`RT_ERROR_METHODS`]
/// entry.
pub fn runtime_error_types(
    string: &'static Type,
    error: &'static Type,
    func_void: &'static Type,
    ifn: &mut dyn FnMut(&str) -> u32,
) -> Result<Vec<&'static Type>, &'static str> {
    let func_string = match &error.extra {
        TypeExtra::Interface {
            methods: [IMethod { typ, .. }],
        } => *typ,
        _ => return Err("Error"),
    };
    let mut methods = |i: usize| -> &'static [Method] {
        let (err, rt) = (RT_ERROR_METHODS[2 * i].0, RT_ERROR_METHODS[2 * i + 1].0);
        Box::leak(Box::new([
            Method {
                name: "Error",
                pkgpath: "",
                mtyp: func_string,
                ifn: ifn(err),
            },
            Method {
                name: "RuntimeError",
                pkgpath: "",
                mtyp: func_void,
                ifn: ifn(rt),
            },
        ]))
    };
    let bounds = leak(named(
        "runtime.boundsError",
        Kind::Struct,
        string,
        methods(0),
    ));
    let error_string = leak(named(
        "runtime.errorString",
        Kind::String,
        string,
        methods(1),
    ));
    let plain = leak(named(
        "runtime.plainError",
        Kind::String,
        string,
        methods(2),
    ));
    let tae = leak(named(
        "runtime.TypeAssertionError",
        Kind::Struct,
        string,
        &[],
    ));
    let tae_ptr = leak(Type {
        size: 8,
        ptrdata: 8,
        hash: crate::types::type_hash("*runtime.TypeAssertionError"),
        tflag: tflag::UNCOMMON | tflag::REGULAR_MEMORY,
        align: 8,
        field_align: 8,
        kind: Kind::Pointer,
        gcdata: &[1],
        str: "*runtime.TypeAssertionError",
        extra: TypeExtra::Pointer {
            elem: TypeRef::new(tae),
        },
        uncommon: Some(Uncommon {
            pkgpath: "runtime",
            methods: methods(3),
        }),
    });
    Ok(vec![bounds, error_string, plain, tae_ptr])
}

/// The eface {type, data} of run-time error `e` with the program's
/// descriptors `types` (from [`runtime_error_types`]); None when the
/// program has none (a program built without the compiler).
pub fn runtime_error_eface(types: &[&'static Type], e: &RuntimeError) -> Option<(u64, u64)> {
    let t = *types.get(e.kind as usize)?;
    let (p, l) = super::gostring(e.msg.as_bytes());
    let data = match &t.extra {
        // *TypeAssertionError: the pointer is the data word.
        TypeExtra::Pointer { elem } => crate::iface::convT(elem.get(), &[p, l]),
        _ => crate::iface::convT(t, &[p, l]),
    };
    Some((t.addr(), data))
}

/// gc's divideError (and its other static errorString values): the
/// errorString "integer divide by zero" in static memory, so recovering
/// from many divisions allocates nothing.
pub fn divide_error_eface(types: &[&'static Type]) -> Option<(u64, u64)> {
    static HDR: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let t = *types.get(RuntimeErrorKind::ErrorString as usize)?;
    let hdr = *HDR.get_or_init(|| {
        let text: &'static str = "integer divide by zero";
        let hdr: &'static [u64; 2] = leak([text.as_ptr() as u64, text.len() as u64]);
        hdr.as_ptr() as u64
    });
    Some((t.addr(), hdr))
}

/// The message at the receiver (every type's data is a string header).
fn msg(c: &Ctx<'_, '_>) -> Result<(u64, u64), Raise> {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(RuntimeError::nil_deref()));
    }
    Ok((mem::load_u64(p), mem::load_u64(p + 8)))
}

/// Error of boundsError and errorString: "runtime error: " + msg.
fn error_prefixed(c: &mut Ctx<'_, '_>) -> R {
    let (p, l) = msg(c)?;
    let text = if l == 0 {
        &[][..]
    } else {
        mem::bytes(p, l as usize)
    };
    let (sp, sl) = {
        let mut b = b"runtime error: ".to_vec();
        b.extend_from_slice(text);
        super::gostring(&b)
    };
    c.set(1, sp);
    c.set(2, sl);
    Ok(())
}

/// Error of plainError and TypeAssertionError: msg itself.
fn error_plain(c: &mut Ctx<'_, '_>) -> R {
    let (p, l) = msg(c)?;
    c.set(1, p);
    c.set(2, l);
    Ok(())
}

/// RuntimeError: a marker method.
fn runtime_error(c: &mut Ctx<'_, '_>) -> R {
    msg(c).map(|_| ())
}

pub const NATIVES: &[Native] = &[
    native(RT_ERROR_METHODS[0].0, 1, 2, error_prefixed),
    native(RT_ERROR_METHODS[1].0, 1, 0, runtime_error),
    native(RT_ERROR_METHODS[2].0, 1, 2, error_prefixed),
    native(RT_ERROR_METHODS[3].0, 1, 0, runtime_error),
    native(RT_ERROR_METHODS[4].0, 1, 2, error_plain),
    native(RT_ERROR_METHODS[5].0, 1, 0, runtime_error),
    native(RT_ERROR_METHODS[6].0, 1, 2, error_plain),
    native(RT_ERROR_METHODS[7].0, 1, 0, runtime_error),
];
