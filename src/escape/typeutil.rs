//! The questions escape analysis asks of types (gc's types.Type methods:
//! HasPointers, IsDirectIface, Size, Alignment, IsInterface, ...), answered
//! read-only from a finished [`Checker`].
//!
//! The checker's own `under`/`sizeof` take `&mut self` because they may
//! expand a generic instance lazily. Escape analysis runs after checking on
//! a shared `&Checker`, so this module follows the recorded `underlying`
//! links itself; an instance never expanded falls back to its origin's
//! underlying type (only generic code reaches that, and there sizes and
//! pointer-ness are approximations either way).
//!
//! Inside one instantiation of a generic function (gc analyses generic code
//! per shape instantiation) the queries see through the type parameters:
//! `subst` maps each type parameter in scope to the instantiation's type
//! argument.
//!
//! Invariant: every function terminates on any type graph, including the
//! invalid cyclic ones of an erroneous program (depth bound), and never
//! panics.

use std::collections::HashMap;
use std::rc::Rc;

use crate::types::basic::BasicKind;
use crate::types::object::ObjId;
use crate::types::sizes::{rnd, PTR_SIZE, REG_SIZE};
use crate::types::ty::{Type, TypeId};
use crate::types::Checker;

/// Deeper than any valid type; cuts off invalid cycles.
const MAX_DEPTH: u32 = 1000;

/// Type parameters to the type arguments of one instantiation.
pub type Subst = HashMap<TypeId, TypeId>;

/// Read-only type queries over a checked package.
#[derive(Clone)]
pub struct Types<'c, 'a> {
    pub c: &'c Checker<'a>,
    pub subst: Option<Rc<Subst>>,
}

impl<'c, 'a> Types<'c, 'a> {
    pub fn new(c: &'c Checker<'a>) -> Self {
        Types { c, subst: None }
    }

    /// The same queries inside an instantiation.
    pub fn with_subst(&self, subst: Option<Rc<Subst>>) -> Self {
        Types { c: self.c, subst }
    }

    /// A type parameter's argument in the current instantiation.
    pub fn resolve(&self, mut t: TypeId) -> TypeId {
        if let Some(s) = &self.subst {
            for _ in 0..MAX_DEPTH {
                match s.get(&t) {
                    Some(&a) if a != t => t = a,
                    _ => break,
                }
            }
        }
        t
    }

    pub fn get(&self, t: TypeId) -> &'c Type {
        self.c.types.get(self.resolve(t))
    }

    /// The underlying type (types2's under), without expanding anything.
    pub fn under(&self, t: TypeId) -> TypeId {
        let mut t = self.resolve(t);
        for _ in 0..MAX_DEPTH {
            match self.c.types.get(t) {
                Type::Named(n) => match (n.underlying, n.orig) {
                    (Some(u), _) => t = self.resolve(u),
                    (None, Some(o)) if o != t => t = o,
                    _ => return TypeId::INVALID,
                },
                _ => return t,
            }
        }
        TypeId::INVALID
    }

    pub fn under_type(&self, t: TypeId) -> &'c Type {
        self.get(self.under(t))
    }

    pub fn obj_type(&self, o: ObjId) -> TypeId {
        self.c.obj_type(o)
    }

    pub fn basic_kind(&self, t: TypeId) -> Option<BasicKind> {
        match self.under_type(t) {
            Type::Basic { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under_type(t), Type::Interface(_))
    }
    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::TypeParam(_))
    }

    /// Whether t mentions a type parameter not resolved by the current
    /// instantiation (a type argument that is still generic).
    pub fn has_type_params(&self, t: TypeId) -> bool {
        self.has_tparams_depth(t, 0)
    }

    fn has_tparams_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        let d = depth + 1;
        match self.get(t) {
            Type::TypeParam(_) => true,
            Type::Pointer(e) | Type::Slice(e) => self.has_tparams_depth(*e, d),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => self.has_tparams_depth(*elem, d),
            Type::Map { key, elem } => {
                self.has_tparams_depth(*key, d) || self.has_tparams_depth(*elem, d)
            }
            Type::Named(n) => n.targs.iter().any(|&a| self.has_tparams_depth(a, d)),
            Type::Struct(st) => st
                .fields
                .iter()
                .any(|&f| self.has_tparams_depth(self.obj_type(f), d)),
            Type::Tuple(vs) => vs
                .iter()
                .any(|&v| self.has_tparams_depth(self.obj_type(v), d)),
            Type::Signature(sig) => {
                self.has_tparams_depth(sig.params, d) || self.has_tparams_depth(sig.results, d)
            }
            _ => false,
        }
    }
    pub fn is_ptr(&self, t: TypeId) -> bool {
        matches!(self.under_type(t), Type::Pointer(_))
    }
    pub fn is_slice(&self, t: TypeId) -> bool {
        matches!(self.under_type(t), Type::Slice(_))
    }
    pub fn is_array(&self, t: TypeId) -> bool {
        matches!(self.under_type(t), Type::Array { .. })
    }
    pub fn is_map(&self, t: TypeId) -> bool {
        matches!(self.under_type(t), Type::Map { .. })
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_string())
    }
    pub fn is_uintptr(&self, t: TypeId) -> bool {
        self.basic_kind(t) == Some(BasicKind::Uintptr)
    }
    pub fn is_unsafe_ptr(&self, t: TypeId) -> bool {
        self.basic_kind(t) == Some(BasicKind::UnsafePointer)
    }
    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Basic { kind, .. } if kind.is_untyped())
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_integer())
    }

    /// The element type of a pointer, slice, array, map (value), or chan.
    pub fn elem(&self, t: TypeId) -> TypeId {
        match self.under_type(t) {
            Type::Pointer(e) | Type::Slice(e) => *e,
            Type::Array { elem, .. } | Type::Map { elem, .. } | Type::Chan { elem, .. } => *elem,
            _ => TypeId::INVALID,
        }
    }

    /// For `*[N]T`, `[N]T`.
    pub fn ptr_to_array(&self, t: TypeId) -> bool {
        match self.under_type(t) {
            Type::Pointer(e) => self.is_array(*e),
            _ => false,
        }
    }

    /// gc's Type.HasPointers: whether values of t contain pointers the
    /// collector must see.
    pub fn has_pointers(&self, t: TypeId) -> bool {
        self.has_pointers_depth(t, 0)
    }

    fn has_pointers_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return true;
        }
        if self.is_type_param(t) {
            return true;
        }
        match self.under_type(t) {
            Type::Basic { kind, .. } => {
                matches!(
                    kind,
                    BasicKind::String | BasicKind::UnsafePointer | BasicKind::UntypedNil
                ) || *kind == BasicKind::UntypedString
            }
            Type::Array { len, elem } => *len > 0 && self.has_pointers_depth(*elem, depth + 1),
            Type::Struct(st) => st
                .fields
                .iter()
                .any(|&f| self.has_pointers_depth(self.obj_type(f), depth + 1)),
            Type::Tuple(vars) => vars
                .iter()
                .any(|&v| self.has_pointers_depth(self.obj_type(v), depth + 1)),
            _ => true,
        }
    }

    /// gc's types.IsDirectIface: whether a value of t is stored directly in
    /// an interface's data word (pointer-shaped), so converting it to an
    /// interface allocates nothing.
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        self.is_direct_iface_depth(t, 0)
    }

    fn is_direct_iface_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > MAX_DEPTH || self.is_type_param(t) {
            return false;
        }
        match self.under_type(t) {
            Type::Pointer(_) | Type::Chan { .. } | Type::Map { .. } | Type::Signature(_) => true,
            Type::Basic { kind, .. } => *kind == BasicKind::UnsafePointer,
            Type::Array { len, elem } => *len == 1 && self.is_direct_iface_depth(*elem, depth + 1),
            Type::Struct(st) => {
                st.fields.len() == 1
                    && self.is_direct_iface_depth(self.obj_type(st.fields[0]), depth + 1)
            }
            _ => false,
        }
    }

    /// The size in bytes of a value of t (gc's layout on amd64).
    pub fn size(&self, t: TypeId) -> i64 {
        self.size_depth(t, 0)
    }

    /// The alignment of a value of t.
    pub fn align(&self, t: TypeId) -> i64 {
        self.align_depth(t, 0)
    }

    fn size_depth(&self, t: TypeId, depth: u32) -> i64 {
        if depth > MAX_DEPTH {
            return 0;
        }
        match self.under_type(t) {
            Type::Basic { kind, .. } => basic_size(*kind),
            Type::Array { len, elem } => {
                if *len <= 0 {
                    return 0;
                }
                self.size_depth(*elem, depth + 1).saturating_mul(*len)
            }
            Type::Slice(_) => 3 * PTR_SIZE,
            Type::Interface(_) => 2 * PTR_SIZE,
            Type::Struct(st) => {
                let mut o: i64 = 0;
                let mut last_size = 0;
                for &f in &st.fields {
                    let ft = self.obj_type(f);
                    o = rnd(o, self.align_depth(ft, depth + 1));
                    last_size = self.size_depth(ft, depth + 1);
                    o = o.saturating_add(last_size);
                }
                // gc: the last field of a non-empty struct may not have size 0.
                if !st.fields.is_empty() && last_size == 0 && o > 0 {
                    o = o.saturating_add(1);
                }
                rnd(o, self.align_depth(t, depth + 1))
            }
            Type::Tuple(vars) => {
                let mut o: i64 = 0;
                for &v in vars {
                    let vt = self.obj_type(v);
                    o = rnd(o, self.align_depth(vt, depth + 1));
                    o = o.saturating_add(self.size_depth(vt, depth + 1));
                }
                o
            }
            _ => PTR_SIZE,
        }
    }

    fn align_depth(&self, t: TypeId, depth: u32) -> i64 {
        if depth > MAX_DEPTH {
            return 1;
        }
        match self.under_type(t) {
            Type::Array { elem, .. } => self.align_depth(*elem, depth + 1),
            Type::Struct(st) => {
                if st.fields.is_empty() && self.is_align64(t) {
                    return 8;
                }
                st.fields
                    .iter()
                    .map(|&f| self.align_depth(self.obj_type(f), depth + 1))
                    .max()
                    .unwrap_or(1)
                    .max(1)
            }
            Type::Slice(_) | Type::Interface(_) => PTR_SIZE,
            Type::Basic { kind, .. } if kind.is_string() => PTR_SIZE,
            Type::Basic { kind, .. } => {
                let mut a = basic_size(*kind);
                if kind.is_complex() {
                    a /= 2;
                }
                a.clamp(1, REG_SIZE)
            }
            _ => PTR_SIZE,
        }
    }

    /// sync/atomic's align64 marker.
    fn is_align64(&self, t: TypeId) -> bool {
        let Some(n) = self.c.types.named(t) else {
            return false;
        };
        let obj = self.c.obj(n.obj);
        obj.name.as_str() == "align64"
            && obj.pkg.is_some_and(|p| {
                let path = self.c.package(p).path.as_str();
                path == "sync/atomic" || path == "runtime/internal/atomic"
            })
    }

    /// The signature type of t (after under), if it is a function type.
    pub fn signature(&self, t: TypeId) -> Option<&'c crate::types::ty::Signature> {
        match self.under_type(t) {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }

    /// The variables of a tuple type.
    pub fn tuple(&self, t: TypeId) -> &'c [ObjId] {
        self.c.types.tuple_vars(t)
    }

    /// The field objects of a struct type (after under).
    pub fn struct_fields(&self, t: TypeId) -> &'c [ObjId] {
        match self.under_type(t) {
            Type::Struct(st) => &st.fields,
            _ => &[],
        }
    }
}

fn basic_size(k: BasicKind) -> i64 {
    use BasicKind::*;
    match k {
        Bool | Int8 | Uint8 => 1,
        Int16 | Uint16 => 2,
        Int32 | Uint32 | Float32 => 4,
        Int64 | Uint64 | Float64 | Complex64 => 8,
        Complex128 => 16,
        String | UntypedString => 2 * PTR_SIZE,
        _ => PTR_SIZE,
    }
}
