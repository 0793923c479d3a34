//! Interfaces, unions and their type sets (types2's interface.go,
//! typeset.go, union.go, typeterm.go, termlist.go). PORT IN PROGRESS.

use std::rc::Rc;

use super::check::Checker;
use super::object::ObjId;
use super::package::PkgId;
use super::ty::{Term, Type, TypeId, TypeSet};
use crate::syntax::ast::Expr;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// The type set of an interface type (computing it on first use).
    pub fn interface_type_set(&mut self, iface: TypeId) -> Rc<TypeSet> {
        if let Type::Interface(it) = self.types.get(iface) {
            if let Some(ts) = &it.tset {
                return ts.clone();
            }
            let methods = it.methods.clone();
            let ts = Rc::new(TypeSet {
                methods,
                terms: TypeSet::all().terms,
                comparable: false,
            });
            if let Some(i) = self.types.interface_mut(iface) {
                i.tset = Some(ts.clone());
            }
            return ts;
        }
        Rc::new(TypeSet::all())
    }

    pub fn type_set_is_comparable(
        &mut self,
        iface: TypeId,
        seen: &mut std::collections::HashSet<TypeId>,
    ) -> bool {
        let _ = seen;
        self.interface_type_set(iface).comparable
    }

    /// A method of an interface's type set: its index and object.
    pub fn lookup_method_in_type_set(
        &mut self,
        iface: TypeId,
        pkg: Option<PkgId>,
        name: Symbol,
        fold_case: bool,
    ) -> Option<(usize, ObjId)> {
        let set = self.interface_type_set(iface);
        for (i, &m) in set.methods.iter().enumerate() {
            let mname = self.obj(m).name;
            if (mname == name || (fold_case && mname.as_str().eq_ignore_ascii_case(name.as_str())))
                && self.same_id(m, pkg, mname)
            {
                return Some((i, m));
            }
        }
        None
    }

    /// The constraint interface of a type parameter (types2's iface()).
    pub fn tparam_iface(&mut self, tp: TypeId) -> TypeId {
        let bound = self
            .types
            .type_param(tp)
            .map(|t| t.bound)
            .unwrap_or(TypeId::INVALID);
        let u = self.under(bound);
        if self.types.interface(u).is_some() {
            return u;
        }
        self.universe.any_type
    }

    pub fn union_terms(&mut self, u: TypeId) -> Vec<Term> {
        match self.types.get(u) {
            Type::Union(t) => t.clone(),
            _ => Vec::new(),
        }
    }

    pub fn termlists_equal(&mut self, a: &[Term], b: &[Term]) -> bool {
        a == b
    }

    /// Fills in interface type `ityp` from its literal.
    pub fn interface_type(&mut self, ityp: TypeId, e: &'a Expr, def: Option<TypeId>) {
        let _ = (ityp, e, def);
    }

    /// The implicit interface of a constraint written as `~T` or `A | B`.
    pub fn implicit_interface(&mut self, ityp: TypeId, e: &'a Expr) {
        let _ = (ityp, e);
    }

    /// Whether V implements T (Err: the reason, in gc's words).
    pub fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let _ = (v, t);
        Ok(())
    }
}
