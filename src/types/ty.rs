//! Types: the arena every type of a checking session lives in.
//!
//! A [`TypeId`] indexes [`TypeTable`]; types are never freed during a
//! session. The shapes follow types2 (type.go and one file per kind there):
//! Basic, Array, Slice, Struct, Pointer, Tuple, Signature, Union, Interface,
//! Map, Chan, Named, TypeParam.
//!
//! Invariants:
//! - The basic types occupy the first ids, in [`BasicKind`] order, so
//!   `TypeId::basic(k)` needs no lookup; `byte` and `rune` follow as distinct
//!   types of kind Uint8/Int32 that print under their own names (types2's
//!   universeByte/universeRune).
//! - Pointer, slice, array, map and chan types are hash-consed: building the
//!   same one twice gives the same id. Identity of types is still decided by
//!   [`crate::types::predicates`]'s `identical`, as in types2; the hash-consing
//!   only makes it cheap in the common case.
//! - A Named type's `underlying` is None only while its declaration is being
//!   checked or, for an instance, until it is expanded on first use.

use crate::fxhash::FxHashMap;

use super::basic::BasicKind;
use super::object::ObjId;
use super::scope::ScopeId;
use crate::syntax::ast::ChanDir;
use crate::syntax::pos::Pos;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Default)]
pub struct TypeId(pub u32);

impl TypeId {
    pub const INVALID: TypeId = TypeId(0);
    pub const BYTE: TypeId = TypeId(BasicKind::ALL.len() as u32);
    pub const RUNE: TypeId = TypeId(BasicKind::ALL.len() as u32 + 1);

    pub const fn basic(kind: BasicKind) -> TypeId {
        TypeId(kind as u32)
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A term of a union or type set: `T` or `~T`. `ty` None is the set of all
/// types (types2's 𝓤), used only inside type-set computations.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Term {
    pub tilde: bool,
    pub ty: Option<TypeId>,
}

#[derive(Clone, Debug)]
pub struct StructType {
    /// Field objects (Var with is_field), in declaration order.
    pub fields: Vec<ObjId>,
    /// The tag of each field ("" when absent), as its value (unquoted).
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// Receiver type parameters, for methods of generic types.
    pub rparams: Vec<TypeId>,
    pub tparams: Vec<TypeId>,
    /// The function scope, for signatures declared in the package.
    pub scope: Option<ScopeId>,
    pub recv: Option<ObjId>,
    /// A Tuple type.
    pub params: TypeId,
    /// A Tuple type.
    pub results: TypeId,
    pub variadic: bool,
}

/// A computed type set (types2's _TypeSet): the methods (sorted by Id), the
/// terms (an empty list is the empty set; a single term with `ty` None is
/// all types) and whether only comparable types are admitted.
#[derive(Clone, Debug)]
pub struct TypeSet {
    pub methods: Vec<ObjId>,
    pub terms: Vec<Term>,
    pub comparable: bool,
}

impl TypeSet {
    pub fn all() -> TypeSet {
        TypeSet {
            methods: Vec::new(),
            terms: vec![Term {
                tilde: false,
                ty: None,
            }],
            comparable: false,
        }
    }
    pub fn is_all_terms(&self) -> bool {
        self.terms.len() == 1 && self.terms[0].ty.is_none()
    }
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// A method set only: no type terms, no `comparable`.
    pub fn is_method_set(&self) -> bool {
        !self.comparable && self.is_all_terms()
    }
}

#[derive(Clone, Debug, Default)]
pub struct InterfaceType {
    /// Explicitly declared methods (Func objects), in source order.
    pub methods: Vec<ObjId>,
    /// Embedded elements: interfaces, types, unions.
    pub embeddeds: Vec<TypeId>,
    /// Position of each embedded element, for error messages.
    pub embed_pos: Vec<Pos>,
    /// Interface written as a bare constraint `[T ~int]`.
    pub implicit: bool,
    /// All methods and embedded elements are collected: the type set may
    /// be computed (before that it is taken to be all types, uncached).
    pub complete: bool,
    /// Lazily computed type set.
    pub tset: Option<std::rc::Rc<TypeSet>>,
}

/// How far a Named type has been set up.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NamedState {
    Unresolved,
    Resolved,
    Complete,
}

#[derive(Clone, Debug)]
pub struct NamedType {
    /// The declared TypeName (for an instance: a TypeName made for it).
    pub obj: ObjId,
    /// The type of the declaration's right-hand side, for cycle detection.
    pub from_rhs: Option<TypeId>,
    /// For an instance, the generic type it instantiates.
    pub orig: Option<TypeId>,
    pub targs: Vec<TypeId>,
    pub tparams: Vec<TypeId>,
    pub underlying: Option<TypeId>,
    /// Methods declared with this type as receiver (Func objects). For an
    /// instance, filled lazily from `orig`'s (None = not yet expanded).
    pub methods: Vec<Option<ObjId>>,
    pub state: NamedState,
}

#[derive(Clone, Debug)]
pub struct TypeParamType {
    pub obj: ObjId,
    /// Index in its type parameter list (-1 until bound).
    pub index: i32,
    /// The constraint; its underlying type is an interface for valid code.
    pub bound: TypeId,
    /// Unique number, for debugging and stable hashing.
    pub id: u32,
}

#[derive(Clone, Debug)]
pub enum Type {
    Basic {
        kind: BasicKind,
        name: &'static str,
    },
    /// `len` is -1 when unknown (an invalid length expression).
    Array {
        len: i64,
        elem: TypeId,
    },
    Slice(TypeId),
    Struct(Box<StructType>),
    Pointer(TypeId),
    /// Variables (Var objects): parameters, results, or multiple values.
    Tuple(Vec<ObjId>),
    Signature(Box<Signature>),
    Union(Vec<Term>),
    Interface(Box<InterfaceType>),
    Map {
        key: TypeId,
        elem: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Named(Box<NamedType>),
    TypeParam(Box<TypeParamType>),
}

/// The arena of types.
#[derive(Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    pointers: FxHashMap<TypeId, TypeId>,
    slices: FxHashMap<TypeId, TypeId>,
    arrays: FxHashMap<(TypeId, i64), TypeId>,
    maps: FxHashMap<(TypeId, TypeId), TypeId>,
    chans: FxHashMap<(u8, TypeId), TypeId>,
    empty_tuple: TypeId,
    next_tparam_id: u32,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut types: Vec<Type> = BasicKind::ALL
            .iter()
            .map(|&kind| Type::Basic {
                kind,
                name: kind.name(),
            })
            .collect();
        types.push(Type::Basic {
            kind: BasicKind::Uint8,
            name: "byte",
        });
        types.push(Type::Basic {
            kind: BasicKind::Int32,
            name: "rune",
        });
        // unsafe.Pointer prints through its TypeName in package unsafe;
        // its bare name is "Pointer", as in types2.
        types[BasicKind::UnsafePointer as usize] = Type::Basic {
            kind: BasicKind::UnsafePointer,
            name: "Pointer",
        };
        let empty_tuple = TypeId(types.len() as u32);
        types.push(Type::Tuple(Vec::new()));
        TypeTable {
            types,
            pointers: FxHashMap::default(),
            slices: FxHashMap::default(),
            arrays: FxHashMap::default(),
            maps: FxHashMap::default(),
            chans: FxHashMap::default(),
            empty_tuple,
            next_tparam_id: 0,
        }
    }

    pub fn get(&self, id: TypeId) -> &Type {
        &self.types[id.index()]
    }

    pub fn get_mut(&mut self, id: TypeId) -> &mut Type {
        &mut self.types[id.index()]
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// Makes room for `n` types in all (see [`super::check::reserve_to`]).
    pub fn reserve_to(&mut self, n: usize) {
        super::check::reserve_to(&mut self.types, n);
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// Adds a type that is never shared (struct, signature, interface,
    /// named, type parameter, tuple, union).
    pub fn add(&mut self, t: Type) -> TypeId {
        let id = TypeId(self.types.len() as u32);
        self.types.push(t);
        id
    }

    pub fn pointer(&mut self, base: TypeId) -> TypeId {
        if let Some(&id) = self.pointers.get(&base) {
            return id;
        }
        let id = self.add(Type::Pointer(base));
        self.pointers.insert(base, id);
        id
    }

    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        if let Some(&id) = self.slices.get(&elem) {
            return id;
        }
        let id = self.add(Type::Slice(elem));
        self.slices.insert(elem, id);
        id
    }

    pub fn array(&mut self, elem: TypeId, len: i64) -> TypeId {
        if let Some(&id) = self.arrays.get(&(elem, len)) {
            return id;
        }
        let id = self.add(Type::Array { len, elem });
        self.arrays.insert((elem, len), id);
        id
    }

    pub fn map(&mut self, key: TypeId, elem: TypeId) -> TypeId {
        if let Some(&id) = self.maps.get(&(key, elem)) {
            return id;
        }
        let id = self.add(Type::Map { key, elem });
        self.maps.insert((key, elem), id);
        id
    }

    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        let d = dir as u8;
        if let Some(&id) = self.chans.get(&(d, elem)) {
            return id;
        }
        let id = self.add(Type::Chan { dir, elem });
        self.chans.insert((d, elem), id);
        id
    }

    pub fn tuple(&mut self, vars: Vec<ObjId>) -> TypeId {
        if vars.is_empty() {
            return self.empty_tuple;
        }
        self.add(Type::Tuple(vars))
    }

    pub fn empty_tuple(&self) -> TypeId {
        self.empty_tuple
    }

    pub fn new_type_param(&mut self, obj: ObjId, bound: TypeId) -> TypeId {
        self.next_tparam_id += 1;
        let id = self.next_tparam_id;
        self.add(Type::TypeParam(Box::new(TypeParamType {
            obj,
            index: -1,
            bound,
            id,
        })))
    }

    // --- shape accessors (no underlying-type resolution) ---

    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.get(id) {
            Type::Basic { kind, .. } => Some(*kind),
            _ => None,
        }
    }
    pub fn named(&self, id: TypeId) -> Option<&NamedType> {
        match self.get(id) {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }
    pub fn named_mut(&mut self, id: TypeId) -> Option<&mut NamedType> {
        match self.get_mut(id) {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }
    pub fn type_param(&self, id: TypeId) -> Option<&TypeParamType> {
        match self.get(id) {
            Type::TypeParam(t) => Some(t),
            _ => None,
        }
    }
    pub fn type_param_mut(&mut self, id: TypeId) -> Option<&mut TypeParamType> {
        match self.get_mut(id) {
            Type::TypeParam(t) => Some(t),
            _ => None,
        }
    }
    pub fn signature(&self, id: TypeId) -> Option<&Signature> {
        match self.get(id) {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }
    pub fn signature_mut(&mut self, id: TypeId) -> Option<&mut Signature> {
        match self.get_mut(id) {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }
    pub fn interface(&self, id: TypeId) -> Option<&InterfaceType> {
        match self.get(id) {
            Type::Interface(i) => Some(i),
            _ => None,
        }
    }
    pub fn interface_mut(&mut self, id: TypeId) -> Option<&mut InterfaceType> {
        match self.get_mut(id) {
            Type::Interface(i) => Some(i),
            _ => None,
        }
    }
    pub fn struct_type(&self, id: TypeId) -> Option<&StructType> {
        match self.get(id) {
            Type::Struct(s) => Some(s),
            _ => None,
        }
    }
    pub fn tuple_vars(&self, id: TypeId) -> &[ObjId] {
        match self.get(id) {
            Type::Tuple(v) => v,
            _ => &[],
        }
    }
    pub fn is_tuple(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Tuple(_))
    }
    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Named(_))
    }
    pub fn is_type_param(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::TypeParam(_))
    }
    pub fn pointer_base(&self, id: TypeId) -> Option<TypeId> {
        match self.get(id) {
            Type::Pointer(b) => Some(*b),
            _ => None,
        }
    }

    /// `*T` → (T, true); otherwise (t, false). types2's deref.
    pub fn deref(&self, id: TypeId) -> (TypeId, bool) {
        match self.get(id) {
            Type::Pointer(b) => (*b, true),
            _ => (id, false),
        }
    }

    /// Whether the type has a name: basic, named or type parameter (types2's
    /// hasName).
    pub fn has_name(&self, id: TypeId) -> bool {
        matches!(
            self.get(id),
            Type::Basic { .. } | Type::Named(_) | Type::TypeParam(_)
        )
    }

    /// Whether a type is typed (not an untyped basic type).
    pub fn is_typed(&self, id: TypeId) -> bool {
        match self.get(id) {
            Type::Basic { kind, .. } => !kind.is_untyped(),
            _ => true,
        }
    }

    pub fn is_untyped(&self, id: TypeId) -> bool {
        !self.is_typed(id)
    }
}
