//! Sizes, alignments and slot shapes of types as the VM lays them out
//! (gc's layout, docs/vm.md section 1), and the classification of a type
//! into the kind of instructions it needs.
//!
//! The checker's `sizeof` needs `&mut Checker`; the compiler gets a shared
//! one, so it recomputes gc's rules here with its own memo (the same rules
//! as src/types/sizes.rs: arrays are n*elem, structs round to their
//! alignment, a trailing zero-size field counts as one byte).

use std::collections::HashMap;

use crate::types::basic::BasicKind;
use crate::types::ty::{Type, TypeId};
use crate::types::Checker;

/// How values of a type are operated on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum K {
    Bool,
    /// An integer of `bits` width (64 for int, uint, uintptr).
    Int {
        bits: u8,
        signed: bool,
    },
    F32,
    F64,
    C64,
    C128,
    Str,
    /// One pointer word: pointers, maps, chans, funcs, unsafe.Pointer.
    Ptr,
    Slice,
    Iface,
    /// Structs and arrays: `size` bytes in memory layout.
    Agg,
}

/// Type facts, memoized.
pub struct Layout<'c, 'a> {
    pub c: &'c Checker<'a>,
    memo: HashMap<TypeId, (i64, i64)>,
}

impl<'c, 'a> Layout<'c, 'a> {
    pub fn new(c: &'c Checker<'a>) -> Self {
        Layout {
            c,
            memo: HashMap::new(),
        }
    }

    /// The underlying type.
    pub fn under(&self, t: TypeId) -> TypeId {
        let mut t = t;
        for _ in 0..100 {
            let u = self.c.under_no_resolve(t);
            if u == t {
                return t;
            }
            t = u;
        }
        t
    }

    /// The basic kind of the underlying type, with untyped kinds
    /// defaulted.
    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        let k = self.c.types.basic_kind(self.under(t))?;
        Some(match k {
            BasicKind::UntypedBool => BasicKind::Bool,
            BasicKind::UntypedInt => BasicKind::Int,
            BasicKind::UntypedRune => BasicKind::Int32,
            BasicKind::UntypedFloat => BasicKind::Float64,
            BasicKind::UntypedComplex => BasicKind::Complex128,
            BasicKind::UntypedString => BasicKind::String,
            BasicKind::UntypedNil => BasicKind::UnsafePointer,
            k => k,
        })
    }

    pub fn kind(&self, t: TypeId) -> K {
        use BasicKind::*;
        if let Some(b) = self.basic(t) {
            return match b {
                Bool => K::Bool,
                Int | Int64 => K::Int {
                    bits: 64,
                    signed: true,
                },
                Int8 => K::Int {
                    bits: 8,
                    signed: true,
                },
                Int16 => K::Int {
                    bits: 16,
                    signed: true,
                },
                Int32 => K::Int {
                    bits: 32,
                    signed: true,
                },
                Uint | Uint64 | Uintptr => K::Int {
                    bits: 64,
                    signed: false,
                },
                Uint8 => K::Int {
                    bits: 8,
                    signed: false,
                },
                Uint16 => K::Int {
                    bits: 16,
                    signed: false,
                },
                Uint32 => K::Int {
                    bits: 32,
                    signed: false,
                },
                Float32 => K::F32,
                Float64 => K::F64,
                Complex64 => K::C64,
                Complex128 => K::C128,
                String => K::Str,
                _ => K::Ptr,
            };
        }
        match self.c.types.get(self.under(t)) {
            Type::Slice(_) => K::Slice,
            Type::Interface(_) => K::Iface,
            Type::Struct(_) | Type::Array { .. } => K::Agg,
            _ => K::Ptr,
        }
    }

    /// (size, align) in bytes.
    pub fn size_align(&mut self, t: TypeId) -> (i64, i64) {
        if let Some(v) = self.memo.get(&t) {
            return *v;
        }
        let v = self.compute(t, 0);
        self.memo.insert(t, v);
        v
    }

    pub fn size(&mut self, t: TypeId) -> i64 {
        self.size_align(t).0
    }

    /// Slots a value of the type occupies in a frame.
    pub fn slots(&mut self, t: TypeId) -> u32 {
        if self.c.types.is_tuple(t) {
            let vars = self.c.types.tuple_vars(t).to_vec();
            return vars.iter().map(|v| self.slots(self.c.obj_type(*v))).sum();
        }
        (self.size(t).max(0) as u64).div_ceil(8) as u32
    }

    fn compute(&mut self, t: TypeId, depth: u32) -> (i64, i64) {
        use BasicKind::*;
        if depth > 1000 {
            return (8, 8);
        }
        if let Some(b) = self.basic(t) {
            let s = match b {
                Bool | Int8 | Uint8 => 1,
                Int16 | Uint16 => 2,
                Int32 | Uint32 | Float32 => 4,
                Complex64 => return (8, 4),
                Complex128 => return (16, 8),
                String => return (16, 8),
                _ => 8,
            };
            return (s, s);
        }
        let u = self.under(t);
        match self.c.types.get(u).clone() {
            Type::Slice(_) => (24, 8),
            Type::Interface(_) => (16, 8),
            Type::Array { len, elem } => {
                let (s, a) = self.compute(elem, depth + 1);
                (s.wrapping_mul(len.max(0)), a)
            }
            Type::Struct(st) => {
                let mut off = 0i64;
                let mut align = 1i64;
                let n = st.fields.len();
                for (i, f) in st.fields.iter().enumerate() {
                    let (mut s, a) = self.compute(self.c.obj_type(*f), depth + 1);
                    align = align.max(a);
                    off = crate::types::sizes::rnd(off, a);
                    if i + 1 == n && s == 0 && off > 0 {
                        s = 1;
                    }
                    off += s;
                }
                (crate::types::sizes::rnd(off, align), align)
            }
            _ => (8, 8),
        }
    }

    /// Field offsets of a struct type.
    pub fn offsets(&mut self, t: TypeId) -> Vec<i64> {
        let u = self.under(t);
        let Type::Struct(st) = self.c.types.get(u).clone() else {
            return Vec::new();
        };
        let mut off = 0i64;
        let mut v = Vec::new();
        for f in &st.fields {
            let (s, a) = self.size_align(self.c.obj_type(*f));
            off = crate::types::sizes::rnd(off, a);
            v.push(off);
            off += s;
        }
        v
    }

    /// Whether any word of the value may be a pointer (for pointer maps;
    /// a conservative answer is safe).
    pub fn has_pointers(&self, t: TypeId) -> bool {
        match self.kind(t) {
            K::Bool | K::Int { .. } | K::F32 | K::F64 | K::C64 | K::C128 => false,
            K::Agg => true,
            _ => true,
        }
    }
}
