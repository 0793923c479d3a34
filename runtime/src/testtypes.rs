//! Type descriptors built by hand for the runtime's unit tests, with the
//! values gc's compiler gives them (sizes, tflags, map bucket layout and
//! maptype flags as cmd/compile/internal/reflectdata computes them).

use crate::map::{add_ptrmask as add_mask, bucket_layout, ptrdata_of};
use crate::types::{tflag, IMethod, Kind, StructField, Type, TypeExtra, TypeRef};

pub fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A descriptor with the common fields filled (one argument per field of
/// gc's descriptor that the tests vary).
#[allow(clippy::too_many_arguments)]
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

pub fn slice(elem: &'static Type) -> &'static Type {
    mk(
        Kind::Slice,
        24,
        8,
        vec![1],
        8,
        0,
        format!("[]{}", elem.str),
        TypeExtra::Slice {
            elem: TypeRef::new(elem),
        },
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

/// `map[key]elem` with gc's bucket type and maptype flags.
pub fn map(key: &'static Type, elem: &'static Type) -> &'static Type {
    let l = bucket_layout(key, elem);
    let bucket = mk(
        Kind::Struct,
        l.bucketsize,
        8,
        l.gcdata,
        l.ptrdata,
        0,
        format!("map.bucket[{}]{}", key.str, elem.str),
        TypeExtra::Struct {
            pkgpath: "runtime",
            fields: &[],
        },
    );
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
            keysize: l.keysize as u8,
            elemsize: l.elemsize as u8,
            bucketsize: l.bucketsize as u16,
            flags: l.flags,
        },
    )
}
