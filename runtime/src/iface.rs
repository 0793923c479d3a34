//! Interfaces (runtime/iface.go): eface = {&Type, data}. For now the VM
//! makes efaces of basic values only (panic values, recover's result):
//! [`basic_type`] gives the one `_type` of a basic kind (or of a defined
//! type over one), built on first use and kept for the process, and
//! [`convT`] boxes a value as gc's convT does (values are always boxed
//! here; gc's pointer-shaped and small-integer shortcuts come with the
//! compiler's type descriptors).

use std::collections::HashMap;
use std::sync::Mutex;

use crate::types::{tflag, Kind, Type, TypeExtra};
use crate::vm::fmtv::kind as fk;

/// Types made so far, by (FmtValue kind, name).
static TYPES: Mutex<Option<HashMap<(u64, String), &'static Type>>> = Mutex::new(None);

/// The runtime error types' names, by RuntimeErrorKind order.
pub const RUNTIME_ERROR: u64 = 100;

/// The `_type` of a basic value of FmtValue kind `k` named `name`
/// (`int`, `main.MyInt`); `RUNTIME_ERROR` for gc's runtime.Error values,
/// whose data is a pointer to the Error() text as a string header.
pub fn basic_type(k: u64, name: &str) -> &'static Type {
    let mut guard = TYPES.lock().unwrap_or_else(|e| e.into_inner());
    let map = guard.get_or_insert_with(HashMap::new);
    if let Some(t) = map.get(&(k, name.to_string())) {
        return t;
    }
    let (kind, size) = match k {
        fk::INT => (Kind::Int, 8),
        fk::UINT => (Kind::Uint, 8),
        fk::FLOAT64 => (Kind::Float64, 8),
        fk::FLOAT32 => (Kind::Float32, 4),
        fk::BOOL => (Kind::Bool, 1),
        fk::STRING => (Kind::String, 16),
        fk::COMPLEX128 => (Kind::Complex128, 16),
        fk::COMPLEX64 => (Kind::Complex64, 8),
        fk::POINTER => (Kind::Pointer, 8),
        _ => (Kind::Struct, 16),
    };
    let ptr = matches!(kind, Kind::String | Kind::Pointer | Kind::Struct);
    let t: &'static Type = Box::leak(Box::new(Type {
        size,
        ptrdata: if ptr { 8 } else { 0 },
        hash: map.len() as u32 + 1,
        tflag: tflag::NAMED,
        align: size.min(8) as u8,
        field_align: size.min(8) as u8,
        kind,
        gcdata: if ptr { &[1] } else { &[] },
        str: Box::leak(name.to_string().into_boxed_str()),
        extra: TypeExtra::None,
        uncommon: None,
    }));
    map.insert((k, name.to_string()), t);
    t
}

/// The FmtValue kind a basic type was made for (see [`basic_type`]).
pub fn kind_code(t: &Type) -> u64 {
    match t.kind {
        Kind::Int => fk::INT,
        Kind::Uint => fk::UINT,
        Kind::Float64 => fk::FLOAT64,
        Kind::Float32 => fk::FLOAT32,
        Kind::Bool => fk::BOOL,
        Kind::String => fk::STRING,
        Kind::Complex128 => fk::COMPLEX128,
        Kind::Complex64 => fk::COMPLEX64,
        Kind::Pointer => fk::POINTER,
        _ => RUNTIME_ERROR,
    }
}

/// convT: boxes `words` (the value's slots) in a new heap object.
#[allow(non_snake_case)]
pub fn convT(t: &'static Type, words: &[u64]) -> u64 {
    let p = crate::malloc::mallocgc(words.len() * 8, t.has_pointers().then_some(t), true);
    for (i, w) in words.iter().enumerate() {
        crate::mem::store_u64(p + 8 * i as u64, *w);
    }
    p
}

/// The `_type` at an eface's type word. Every type word the VM stores is
/// the address of a `&'static Type` from [`basic_type`]; this finds it in
/// the table (a safe lookup rather than a pointer cast).
pub fn type_at(word: u64) -> &'static Type {
    let guard = TYPES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(map) = guard.as_ref() {
        for t in map.values() {
            if *t as *const Type as u64 == word {
                return t;
            }
        }
    }
    drop(guard);
    basic_type(RUNTIME_ERROR, "?")
}
