//! Go's `_type` descriptors (runtime/type.go): size, ptrdata, hash, kind,
//! alignment, the pointer bitmap `gcdata`, and the kind-specific parts.
//!
//! The bytecode compiler builds one [`Type`] per Go type a program uses
//! (from the checker's types, with gc's sizes and layouts) and leaks it, so
//! a `&'static Type` is the first word of an eface and what `mallocgc`,
//! the maps, the collector, interfaces and fmt all read. Identity of types
//! is identity of descriptors: the compiler makes exactly one per type.
//! Edges that can close a cycle of types are [`TypeRef`]s, set once the
//! target exists.

use std::sync::OnceLock;

/// reflect.Kind, with Go's numbering (what `%v` of a reflect.Kind and
/// the runtime's kind switch use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    Invalid = 0,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    Array,
    Chan,
    Func,
    Interface,
    Map,
    Pointer,
    Slice,
    String,
    Struct,
    UnsafePointer,
}

/// tflag bits (runtime/type.go).
pub mod tflag {
    /// The type has an [`super::Uncommon`] part (methods or a package path).
    pub const UNCOMMON: u8 = 1 << 0;
    /// The name in `str` is `*T`'s with the star dropped (unused here:
    /// goscope stores every name whole).
    pub const EXTRA_STAR: u8 = 1 << 1;
    /// The type has a name (a defined type, or a predeclared one).
    pub const NAMED: u8 = 1 << 2;
    /// Equality and hashing may treat the value as plain memory.
    pub const REGULAR_MEMORY: u8 = 1 << 3;
}

/// A Go type as the runtime sees it.
#[derive(Debug)]
pub struct Type {
    /// Size in bytes (gc's `unsafe.Sizeof`).
    pub size: usize,
    /// Bytes from the start that may contain pointers (0: no pointers).
    pub ptrdata: usize,
    /// A hash of the type (for type switches and the itab table).
    pub hash: u32,
    /// [`tflag`] bits.
    pub tflag: u8,
    /// Alignment of a variable of this type.
    pub align: u8,
    /// Alignment of a struct field of this type.
    pub field_align: u8,
    pub kind: Kind,
    /// Pointer mask: bit i (of byte i/8, LSB first) set when word i of the
    /// first `ptrdata` bytes is a pointer.
    pub gcdata: &'static [u8],
    /// The type's name as `%T` prints it (`int`, `main.T`, `*main.T`,
    /// `[]string`, `map[string]int`, `struct { X int }`, `func(int) string`).
    pub str: &'static str,
    /// The kind-specific part.
    pub extra: TypeExtra,
    /// Package path and methods of a defined type (or a pointer to one).
    pub uncommon: Option<Uncommon>,
}

/// The kind-specific part of a [`Type`] (gc's arraytype, chantype, ...).
#[derive(Debug)]
pub enum TypeExtra {
    /// Basic kinds and unsafe.Pointer.
    None,
    Array {
        elem: &'static Type,
        len: usize,
    },
    Chan {
        elem: TypeRef,
        /// 1 receive-only, 2 send-only, 3 both (reflect.ChanDir).
        dir: u8,
    },
    Func {
        params: &'static [TypeRef],
        results: &'static [TypeRef],
        variadic: bool,
    },
    Interface {
        /// Sorted by name, as in gc (unexported names qualified by package).
        methods: &'static [IMethod],
    },
    Map {
        key: &'static Type,
        elem: &'static Type,
        /// The bucket type: tophash [8]uint8, keys [8]K, elems [8]E,
        /// overflow pointer (keys/elems over 128 bytes stored indirectly).
        bucket: &'static Type,
        /// Size of a key slot in the bucket (a pointer when indirect).
        keysize: u8,
        /// Size of an elem slot in the bucket (a pointer when indirect).
        elemsize: u8,
        bucketsize: u16,
        /// maptype flags: 1 indirect key, 2 indirect elem, 4 reflexive key,
        /// 8 need key update, 16 hash might panic.
        flags: u32,
    },
    Pointer {
        elem: TypeRef,
    },
    Slice {
        elem: TypeRef,
    },
    Struct {
        /// Package path of the struct's unexported field names.
        pkgpath: &'static str,
        fields: &'static [StructField],
    },
}

/// An edge to another descriptor that may close a cycle: the element of
/// a pointer, slice or chan type and the parameters and results of a
/// func type. `type L struct{ next *L }` needs `*L`'s descriptor while
/// `L`'s is being built, so the builder gives `*L` an unset edge and sets
/// it once `L` exists (the cell is leaked, so setting it through a shared
/// `&'static` reference is sound). Reads see the target through
/// [`TypeRef::get`] or `Deref`; an edge is only ever unset while the
/// compiler builds descriptors, and then reads [`UNSET`].
#[derive(Clone, Copy)]
pub enum TypeRef {
    /// An edge known when the descriptor is made.
    Fixed(&'static Type),
    /// An edge set once its target exists.
    Lazy(&'static OnceLock<&'static Type>),
}

impl TypeRef {
    /// An edge to `t`.
    pub const fn new(t: &'static Type) -> TypeRef {
        TypeRef::Fixed(t)
    }

    /// An edge whose target is set later ([`TypeRef::set`]).
    pub fn pending() -> TypeRef {
        TypeRef::Lazy(Box::leak(Box::new(OnceLock::new())))
    }

    /// Sets a pending edge; false if it was already set.
    pub fn set(&self, t: &'static Type) -> bool {
        match self {
            TypeRef::Fixed(_) => false,
            TypeRef::Lazy(cell) => cell.set(t).is_ok(),
        }
    }

    /// The target descriptor ([`UNSET`] while pending).
    pub fn get(&self) -> &'static Type {
        match self {
            TypeRef::Fixed(t) => t,
            TypeRef::Lazy(cell) => cell.get().copied().unwrap_or(&UNSET),
        }
    }
}

impl std::ops::Deref for TypeRef {
    type Target = Type;
    fn deref(&self) -> &Type {
        self.get()
    }
}

impl std::fmt::Debug for TypeRef {
    /// The target's name only: following edges could loop forever.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TypeRef({})", self.get().str)
    }
}

/// What a pending [`TypeRef`] reads: an invalid, empty type.
pub static UNSET: Type = Type {
    size: 0,
    ptrdata: 0,
    hash: 0,
    tflag: 0,
    align: 1,
    field_align: 1,
    kind: Kind::Invalid,
    gcdata: &[],
    str: "<unset>",
    extra: TypeExtra::None,
    uncommon: None,
};

/// A method of an interface type.
#[derive(Debug)]
pub struct IMethod {
    pub name: &'static str,
    /// Package path for an unexported name, "" otherwise.
    pub pkgpath: &'static str,
    /// The method's signature (a `Kind::Func` type without receiver).
    pub typ: &'static Type,
}

/// A field of a struct type.
#[derive(Debug)]
pub struct StructField {
    pub name: &'static str,
    pub typ: &'static Type,
    pub offset: usize,
    pub embedded: bool,
    pub exported: bool,
    /// The field's tag, "" when none.
    pub tag: &'static str,
}

/// The uncommon part: package path and method set (gc's uncommontype).
#[derive(Debug)]
pub struct Uncommon {
    pub pkgpath: &'static str,
    /// The type's method set, sorted by name as gc sorts it; each entry's
    /// code takes a pointer-shaped receiver (what an itab's `fun` holds).
    pub methods: &'static [Method],
}

/// One method of a type's method set.
#[derive(Debug)]
pub struct Method {
    pub name: &'static str,
    pub pkgpath: &'static str,
    /// The signature without receiver.
    pub mtyp: &'static Type,
    /// The code called through an interface: a function id of the VM's
    /// program (for value methods of non-pointer-shaped types, gc's
    /// `(*T).M` wrapper).
    pub ifn: u32,
}

impl Type {
    /// Whether values of this type contain pointers the collector follows.
    pub fn has_pointers(&self) -> bool {
        self.ptrdata != 0
    }

    /// Whether word `i` (of 8 bytes) of a value may hold a pointer.
    pub fn word_is_pointer(&self, i: usize) -> bool {
        i * 8 < self.ptrdata
            && self
                .gcdata
                .get(i / 8)
                .is_some_and(|b| b & (1 << (i % 8)) != 0)
    }

    /// gc's isdirectiface: values stored directly in an interface's data
    /// word (pointers, maps, chans, funcs, unsafe.Pointer, and arrays or
    /// structs of exactly one such value).
    pub fn is_direct_iface(&self) -> bool {
        match self.kind {
            Kind::Pointer | Kind::Map | Kind::Chan | Kind::Func | Kind::UnsafePointer => true,
            Kind::Array => {
                matches!(self.extra, TypeExtra::Array { elem, len: 1 } if elem.is_direct_iface())
            }
            Kind::Struct => match &self.extra {
                TypeExtra::Struct { fields, .. } => {
                    fields.len() == 1 && fields[0].typ.is_direct_iface()
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// The element type of an array, chan, map, pointer or slice.
    pub fn elem(&self) -> Option<&'static Type> {
        match self.extra {
            TypeExtra::Array { elem, .. } | TypeExtra::Map { elem, .. } => Some(elem),
            TypeExtra::Chan { elem, .. }
            | TypeExtra::Pointer { elem }
            | TypeExtra::Slice { elem } => Some(elem.get()),
            _ => None,
        }
    }
}

/// A type's `hash`: FNV-1a of its identity string. gc uses the md5 of
/// the link string; what matters is that equal types hash equally, so the
/// compiler's descriptors and the ones the runtime makes (reflect, std
/// error types) must use this one function.
pub fn type_hash(identity: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in identity.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The descriptor whose address is `addr` (a type word of an eface, an
/// itab's `_type`, a maptype stored in a map iterator); None for 0.
///
/// Type words are only ever written from `Type::addr` of a leaked
/// (`&'static`) descriptor, by the runtime or the compiler's static data.
pub fn type_from_addr(addr: u64) -> Option<&'static Type> {
    if addr == 0 {
        return None;
    }
    // SAFETY: a non-zero type word is the address of a `&'static Type`
    // (the invariant above), so it is valid, aligned and lives forever.
    Some(unsafe { &*(addr as usize as *const Type) })
}

impl Type {
    /// The descriptor's address: what a type word holds.
    pub fn addr(&'static self) -> u64 {
        self as *const Type as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(t: Type) -> &'static Type {
        Box::leak(Box::new(t))
    }

    fn basic(kind: Kind, size: usize, name: &'static str, ptr: bool) -> &'static Type {
        leak(Type {
            size,
            ptrdata: if ptr { 8 } else { 0 },
            hash: 0,
            tflag: tflag::NAMED,
            align: size.clamp(1, 8) as u8,
            field_align: size.clamp(1, 8) as u8,
            kind,
            gcdata: if ptr { &[1] } else { &[] },
            str: name,
            extra: TypeExtra::None,
            uncommon: None,
        })
    }

    #[test]
    fn direct_iface_follows_gc() {
        let int = basic(Kind::Int, 8, "int", false);
        let ptr = leak(Type {
            size: 8,
            ptrdata: 8,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Pointer,
            gcdata: &[1],
            str: "*int",
            extra: TypeExtra::Pointer {
                elem: TypeRef::new(int),
            },
            uncommon: None,
        });
        assert!(!int.is_direct_iface());
        assert!(ptr.is_direct_iface());
        let fields: &'static [StructField] = Box::leak(Box::new([StructField {
            name: "p",
            typ: ptr,
            offset: 0,
            embedded: false,
            exported: false,
            tag: "",
        }]));
        let st = leak(Type {
            size: 8,
            ptrdata: 8,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Struct,
            gcdata: &[1],
            str: "struct { p *int }",
            extra: TypeExtra::Struct {
                pkgpath: "main",
                fields,
            },
            uncommon: None,
        });
        assert!(st.is_direct_iface());
        assert!(st.word_is_pointer(0));
        assert!(!st.word_is_pointer(1));
        assert_eq!(st.elem().map(|t| t.str), None);
        assert_eq!(ptr.elem().map(|t| t.str), Some("int"));
    }
}
