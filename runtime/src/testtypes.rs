//! Type descriptors built by hand for the runtime's unit tests, with the
//! values gc's compiler gives them (sizes, tflags, map bucket layout and
//! maptype flags as cmd/compile/internal/reflectdata computes them).

use crate::map::{
    FLAG_HASH_MIGHT_PANIC, FLAG_INDIRECT_ELEM, FLAG_INDIRECT_KEY, FLAG_NEED_KEY_UPDATE,
    FLAG_REFLEXIVE_KEY, MAX_ELEM_SIZE, MAX_KEY_SIZE,
};
use crate::types::{tflag, IMethod, Kind, StructField, Type, TypeExtra};

pub fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A descriptor with the common fields filled.
fn mk(
    kind: Kind,
    size: usize,
    align: u8,
    mask: Vec<u8>,
    ptrdata: usize,
    tf: u8,
    name: String,
    extra: TypeExtra,
) -> &'static Type {
    leak(Type {
        size,
        ptrdata,
        hash: 0,
        tflag: tf,
        align,
        field_align: align,
        kind,
        gcdata: Box::leak(mask.into_boxed_slice()),
        str: leak_str(name),
        extra,
        uncommon: None,
    })
}

/// A predeclared scalar type (int, uint8, float64, bool, ...).
pub fn scalar(kind: Kind, size: usize, name: &str) -> &'static Type {
    let regular = !matches!(
        kind,
        Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128
    );
    let tf = tflag::NAMED | if regular { tflag::REGULAR_MEMORY } else { 0 };
    let align = size.clamp(1, 8) as u8;
    let align = if kind == Kind::Complex128 { 8 } else { align };
    mk(
        kind,
        size,
        align,
        vec![],
        0,
        tf,
        name.into(),
        TypeExtra::None,
    )
}

pub fn int() -> &'static Type {
    scalar(Kind::Int, 8, "int")
}

pub fn string() -> &'static Type {
    mk(
        Kind::String,
        16,
        8,
        vec![1],
        8,
        tflag::NAMED,
        "string".into(),
        TypeExtra::None,
    )
}

pub fn pointer(elem: &'static Type) -> &'static Type {
    mk(
        Kind::Pointer,
        8,
        8,
        vec![1],
        8,
        tflag::REGULAR_MEMORY,
        format!("*{}", elem.str),
        TypeExtra::Pointer { elem },
    )
}

pub fn slice(elem: &'static Type) -> &'static Type {
    mk(
        Kind::Slice,
        24,
        8,
        vec![1],
        8,
        0,
        format!("[]{}", elem.str),
        TypeExtra::Slice { elem },
    )
}

/// interface{} (no methods) or an interface with one method `M()`.
pub fn interface(with_method: bool) -> &'static Type {
    let methods: &'static [IMethod] = if with_method {
        let sig = mk(
            Kind::Func,
            8,
            8,
            vec![1],
            8,
            0,
            "func()".into(),
            TypeExtra::Func {
                params: &[],
                results: &[],
                variadic: false,
            },
        );
        Box::leak(Box::new([IMethod {
            name: "M",
            pkgpath: "",
            typ: sig,
        }]))
    } else {
        &[]
    };
    let name = if with_method {
        "interface { M() }"
    } else {
        "interface {}"
    };
    mk(
        Kind::Interface,
        16,
        8,
        vec![0b11],
        16,
        0,
        name.into(),
        TypeExtra::Interface { methods },
    )
}

/// Sets the pointer bits of a value of type `t` at byte `off` in `mask`.
fn add_mask(mask: &mut Vec<u8>, t: &Type, off: usize) {
    for w in 0..t.ptrdata.div_ceil(8) {
        if t.word_is_pointer(w) {
            let bit = off / 8 + w;
            if mask.len() <= bit / 8 {
                mask.resize(bit / 8 + 1, 0);
            }
            mask[bit / 8] |= 1 << (bit % 8);
        }
    }
}

fn ptrdata_of(mask: &[u8]) -> usize {
    (0..mask.len() * 8)
        .rev()
        .find(|&b| mask[b / 8] & (1 << (b % 8)) != 0)
        .map_or(0, |b| (b + 1) * 8)
}

/// `[len]elem`.
pub fn array(elem: &'static Type, len: usize) -> &'static Type {
    let mut mask = vec![];
    for i in 0..len {
        add_mask(&mut mask, elem, i * elem.size);
    }
    let tf = if elem.tflag & tflag::REGULAR_MEMORY != 0 {
        tflag::REGULAR_MEMORY
    } else {
        0
    };
    let ptrdata = ptrdata_of(&mask);
    mk(
        Kind::Array,
        elem.size * len,
        elem.align,
        mask,
        ptrdata,
        tf,
        format!("[{len}]{}", elem.str),
        TypeExtra::Array { elem, len },
    )
}

/// A struct with the given (name, type) fields laid out as gc does.
pub fn structure(fields: &[(&'static str, &'static Type)]) -> &'static Type {
    let mut off = 0;
    let mut align = 1u8;
    let mut out = vec![];
    let mut mask = vec![];
    let mut regular = true;
    for &(name, typ) in fields {
        let a = typ.align.max(1) as usize;
        if off % a != 0 {
            regular = false;
        }
        off = off.next_multiple_of(a);
        align = align.max(typ.align);
        add_mask(&mut mask, typ, off);
        regular &= typ.tflag & tflag::REGULAR_MEMORY != 0 && name != "_";
        out.push(StructField {
            name,
            typ,
            offset: off,
            embedded: false,
            exported: false,
            tag: "",
        });
        off += typ.size;
    }
    let size = off.next_multiple_of(align as usize);
    regular &= size == off;
    let names: Vec<String> = fields
        .iter()
        .map(|(n, t)| format!("{n} {}", t.str))
        .collect();
    let ptrdata = ptrdata_of(&mask);
    mk(
        Kind::Struct,
        size,
        align,
        mask,
        ptrdata,
        if regular { tflag::REGULAR_MEMORY } else { 0 },
        format!("struct {{ {} }}", names.join("; ")),
        TypeExtra::Struct {
            pkgpath: "main",
            fields: Box::leak(out.into_boxed_slice()),
        },
    )
}

/// Whether `k == k` for every value (no floats or interfaces inside).
fn is_reflexive(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (_, Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128) => false,
        (_, Kind::Interface) => false,
        (TypeExtra::Array { elem, .. }, _) => is_reflexive(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().all(|f| is_reflexive(f.typ)),
        _ => true,
    }
}

/// Whether assigning an equal key must overwrite the stored one.
fn need_key_update(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (
            _,
            Kind::Float32
            | Kind::Float64
            | Kind::Complex64
            | Kind::Complex128
            | Kind::Interface
            | Kind::String,
        ) => true,
        (TypeExtra::Array { elem, .. }, _) => need_key_update(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().any(|f| need_key_update(f.typ)),
        _ => false,
    }
}

/// Whether hashing may panic (an interface inside).
fn hash_might_panic(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (_, Kind::Interface) => true,
        (TypeExtra::Array { elem, .. }, _) => hash_might_panic(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().any(|f| hash_might_panic(f.typ)),
        _ => false,
    }
}

/// `map[key]elem` with gc's bucket type and maptype flags.
pub fn map(key: &'static Type, elem: &'static Type) -> &'static Type {
    let kslot = if key.size > MAX_KEY_SIZE {
        pointer(key)
    } else {
        key
    };
    let eslot = if elem.size > MAX_ELEM_SIZE {
        pointer(elem)
    } else {
        elem
    };
    let mut mask = vec![];
    for i in 0..8 {
        add_mask(&mut mask, kslot, 8 + i * kslot.size);
        add_mask(&mut mask, eslot, 8 + 8 * kslot.size + i * eslot.size);
    }
    let ovf_off = (8 + 8 * kslot.size + 8 * eslot.size).next_multiple_of(8);
    if kslot.has_pointers() || eslot.has_pointers() {
        let ovf = pointer(int());
        add_mask(&mut mask, ovf, ovf_off);
    }
    let bucketsize = ovf_off + 8;
    let ptrdata = ptrdata_of(&mask);
    let bucket = mk(
        Kind::Struct,
        bucketsize,
        8,
        mask,
        ptrdata,
        0,
        format!("map.bucket[{}]{}", key.str, elem.str),
        TypeExtra::Struct {
            pkgpath: "runtime",
            fields: &[],
        },
    );
    let mut flags = 0;
    if key.size > MAX_KEY_SIZE {
        flags |= FLAG_INDIRECT_KEY;
    }
    if elem.size > MAX_ELEM_SIZE {
        flags |= FLAG_INDIRECT_ELEM;
    }
    if is_reflexive(key) {
        flags |= FLAG_REFLEXIVE_KEY;
    }
    if need_key_update(key) {
        flags |= FLAG_NEED_KEY_UPDATE;
    }
    if hash_might_panic(key) {
        flags |= FLAG_HASH_MIGHT_PANIC;
    }
    mk(
        Kind::Map,
        8,
        8,
        vec![1],
        8,
        0,
        format!("map[{}]{}", key.str, elem.str),
        TypeExtra::Map {
            key,
            elem,
            bucket,
            keysize: kslot.size as u8,
            elemsize: eslot.size as u8,
            bucketsize: bucketsize as u16,
            flags,
        },
    )
}
