//! Named types and instantiation (types2's named.go, subst.go,
//! instantiate.go, infer.go, unify.go, validtype.go, mono.go). PORT IN PROGRESS.

use std::collections::HashMap;

use super::check::Checker;
use super::object::ObjId;
use super::operand::Operand;
use super::ty::{Type, TypeId};
use crate::syntax::ast::Expr;
use crate::syntax::pos::Pos;

/// A substitution of type parameters by types.
pub type SubstMap = HashMap<TypeId, TypeId>;

impl<'a> Checker<'a> {
    /// The underlying type of a named type (resolving chains, expanding
    /// instances).
    pub fn named_under(&mut self, t: TypeId) -> TypeId {
        let mut cur = t;
        for _ in 0..100 {
            match self.types.get(cur) {
                Type::Named(n) => match n.underlying {
                    Some(u) => cur = u,
                    None => return TypeId::INVALID,
                },
                _ => return cur,
            }
        }
        TypeId::INVALID
    }

    /// The methods of a named type (for an instance, its expanded methods).
    pub fn named_methods(&mut self, t: TypeId) -> Vec<ObjId> {
        self.types
            .named(t)
            .map(|n| n.methods.iter().flatten().copied().collect())
            .unwrap_or_default()
    }

    pub fn make_subst_map(&self, from: &[TypeId], to: &[TypeId]) -> SubstMap {
        from.iter().copied().zip(to.iter().copied()).collect()
    }

    pub fn subst(&mut self, pos: Pos, t: TypeId, smap: &SubstMap) -> TypeId {
        let _ = pos;
        smap.get(&t).copied().unwrap_or(t)
    }

    /// Instantiates a generic named type or signature with type arguments.
    pub fn instance(&mut self, pos: Pos, orig: TypeId, targs: &[TypeId]) -> TypeId {
        let _ = (pos, targs);
        orig
    }

    /// Verifies type arguments against their constraints: Err((index, message)).
    pub fn verify(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[TypeId],
    ) -> Result<(), (usize, String)> {
        let _ = (pos, tparams, targs);
        Ok(())
    }

    /// Infers missing type arguments from function arguments.
    pub fn infer(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[TypeId],
        params: Option<TypeId>,
        args: &[Operand<'a>],
    ) -> Option<Vec<TypeId>> {
        let _ = (pos, params, args);
        if targs.len() == tparams.len() {
            return Some(targs.to_vec());
        }
        None
    }

    /// Whether t mentions any of the type parameters.
    pub fn is_parameterized(&mut self, tparams: &[TypeId], t: TypeId) -> bool {
        let _ = (tparams, t);
        false
    }

    /// `G[A, B]` as a type.
    pub fn instantiated_type(
        &mut self,
        x: &'a Expr,
        xlist: &'a [Expr],
        def: Option<TypeId>,
    ) -> TypeId {
        let _ = (x, xlist, def);
        TypeId::INVALID
    }

    /// Reports invalid recursive types (types2's validType).
    pub fn valid_type(&mut self, t: TypeId) {
        let _ = t;
    }

    pub fn mono_record_instance(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[TypeId],
        xlist: &'a [Expr],
    ) {
        let _ = (pos, tparams, targs, xlist);
    }

    pub fn mono_record_canon(&mut self, tp: TypeId, canon: TypeId) {
        let _ = (tp, canon);
    }

    /// Reports non-monomorphizable instantiation cycles (types2's mono.go).
    pub fn monomorph(&mut self) {}
}
