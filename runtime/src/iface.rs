//! Interfaces (runtime/iface.go): eface = {&Type, data}, iface = {&Itab,
//! data} (itabs and assertions: itab.rs).
//!
//! The data word: [`conv_t`] is gc's convT family as the compiler picks
//! it (walk/convert.go dataWordFuncName): pointer-shaped values are the
//! word itself; zero-size values point at zerobase; bools and one-byte
//! integers, and 2-, 4- and 8-byte scalars below 256, point into the
//! static [`STATIC_UINT64S`]; empty strings and nil slices point at the
//! static zero value; anything else is copied into a new heap object. So a
//! program's Mallocs count agrees with gc's.
//!
//! [`basic_type`] is the older bridge for values made without a compiler
//! descriptor (the runtime's own errors): a `_type` per basic kind and
//! name, built on first use.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::types::{tflag, Kind, Type, TypeExtra};
use crate::vm::fmtv::kind as fk;

/// Types made so far, by (FmtValue kind, name).
static TYPES: Mutex<Option<HashMap<(u64, String), &'static Type>>> = Mutex::new(None);

/// The runtime error types' names, by RuntimeErrorKind order.
pub const RUNTIME_ERROR: u64 = 100;

/// The descriptor of gc's runtime.Error values (the runtime's own panics),
/// looked up once: panics that programs recover in loops need it each time.
pub fn runtime_error_type() -> &'static Type {
    static T: std::sync::OnceLock<&'static Type> = std::sync::OnceLock::new();
    T.get_or_init(|| basic_type(RUNTIME_ERROR, "runtime.Error"))
}

/// The `_type` of a basic value of FmtValue kind `k` named `name`
/// (`int`, `main.MyInt`); `RUNTIME_ERROR` for gc's runtime.Error values,
/// whose data is a pointer to the Error() text as a string header.
pub fn basic_type(k: u64, name: &str) -> &'static Type {
    if let Some(t) = predeclared(name).filter(|t| kind_code(t) == k) {
        return t;
    }
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

/// The descriptor of the predeclared type `name` (`int`, `string`,
/// `uint8`, `unsafe.Pointer`; byte and rune are `uint8` and `int32`):
/// one per process, shared by the compiler (which uses it for these
/// types) and the natives (`panic("...")` of std code is a `string`
/// that `recover().(string)` accepts). Built as the compiler builds
/// descriptors: named, with an empty uncommon part, regular memory
/// unless floating-point or a string.
pub fn predeclared(name: &str) -> Option<&'static Type> {
    static TABLE: std::sync::OnceLock<Vec<&'static Type>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        use Kind::*;
        let kinds = [
            (Bool, "bool", 1),
            (Int, "int", 8),
            (Int8, "int8", 1),
            (Int16, "int16", 2),
            (Int32, "int32", 4),
            (Int64, "int64", 8),
            (Uint, "uint", 8),
            (Uint8, "uint8", 1),
            (Uint16, "uint16", 2),
            (Uint32, "uint32", 4),
            (Uint64, "uint64", 8),
            (Uintptr, "uintptr", 8),
            (Float32, "float32", 4),
            (Float64, "float64", 8),
            (Complex64, "complex64", 8),
            (Complex128, "complex128", 16),
            (String, "string", 16),
            (UnsafePointer, "unsafe.Pointer", 8),
        ];
        kinds
            .iter()
            .map(|&(kind, name, size)| {
                let ptr = matches!(kind, String | UnsafePointer);
                let regular = !matches!(kind, Float32 | Float64 | Complex64 | Complex128 | String);
                let t: &'static Type = Box::leak(Box::new(Type {
                    size,
                    ptrdata: if ptr { 8 } else { 0 },
                    hash: crate::types::type_hash(name),
                    tflag: tflag::NAMED
                        | tflag::UNCOMMON
                        | if regular { tflag::REGULAR_MEMORY } else { 0 },
                    align: if kind == Complex64 {
                        4
                    } else {
                        size.min(8) as u8
                    },
                    field_align: if kind == Complex64 {
                        4
                    } else {
                        size.min(8) as u8
                    },
                    kind,
                    gcdata: if ptr { &[1] } else { &[] },
                    str: name,
                    extra: TypeExtra::None,
                    uncommon: Some(crate::types::Uncommon {
                        pkgpath: "",
                        methods: &[],
                    }),
                }));
                t
            })
            .collect()
    });
    table.iter().copied().find(|t| t.str == name)
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

/// The `_type` at an eface's type word (every type word the VM stores is
/// a leaked descriptor's address).
pub fn type_at(word: u64) -> &'static Type {
    crate::types::type_from_addr(word).unwrap_or_else(|| basic_type(RUNTIME_ERROR, "?"))
}

/// gc's staticuint64s: the data of small integers and bools in
/// interfaces (`any(3)` points at entry 3, not at a new allocation).
pub static STATIC_UINT64S: [u64; 256] = {
    let mut a = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        a[i] = i as u64;
        i += 1;
    }
    a
};

/// Bytes of [`ZERO_VAL`].
pub const ZERO_VAL_SIZE: usize = 1 << 16;

/// gc's zeroVal: the data of empty strings and nil slices in interfaces,
/// and what a failed comma-ok assertion reads its zero value from.
pub static ZERO_VAL: [u64; ZERO_VAL_SIZE / 8] = [0; ZERO_VAL_SIZE / 8];

/// The address of [`ZERO_VAL`].
pub fn zero_val() -> u64 {
    ZERO_VAL.as_ptr() as u64
}

fn static_uint64(v: u64) -> u64 {
    STATIC_UINT64S.as_ptr() as u64 + 8 * v
}

/// gc's SoleComponent: the only non-struct, non-array part of `t` (a
/// struct of one field, an array of one element), or `t` itself.
fn sole_component(t: &'static Type) -> &'static Type {
    match &t.extra {
        TypeExtra::Struct { fields, .. } if fields.len() == 1 => sole_component(fields[0].typ),
        TypeExtra::Array { elem, len: 1 } => sole_component(elem),
        _ => t,
    }
}

/// The data word of an interface holding the value of type `t` stored at
/// `src` (in memory layout): gc's convT16/32/64, convTstring, convTslice,
/// convT and convTnoptr, and the shortcuts of the module comment.
pub fn conv_t(t: &'static Type, src: u64) -> u64 {
    use crate::mem;
    if t.is_direct_iface() {
        return mem::load_u64(src);
    }
    if t.size == 0 {
        return crate::malloc::zerobase();
    }
    let int_like = matches!(t.kind, Kind::Bool | Kind::Int8 | Kind::Uint8);
    if t.size == 1 && int_like {
        return static_uint64(mem::load_u8(src) as u64);
    }
    let small = match (t.size, t.align) {
        (2, 2) => Some(mem::load_u16(src) as u64),
        (4, 4) if !t.has_pointers() => Some(mem::load_u32(src) as u64),
        (8, 8) if !t.has_pointers() => Some(mem::load_u64(src)),
        _ => None,
    };
    if let Some(v) = small {
        if v < 256 {
            return static_uint64(v);
        }
        let p = crate::malloc::mallocgc(t.size, None, false);
        mem::memmove(p, src, t.size);
        return p;
    }
    let sole = sole_component(t);
    match sole.kind {
        Kind::String if mem::load_u64(src + 8) == 0 => return zero_val(),
        Kind::Slice if mem::load_u64(src) == 0 => return zero_val(),
        _ => {}
    }
    let p = crate::malloc::mallocgc(t.size, Some(t), t.has_pointers());
    mem::memmove(p, src, t.size);
    p
}
