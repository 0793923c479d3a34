//! Type parameters (types2's typeparam.go): the constraint interface of a
//! type parameter, and iteration over the terms of its type set.

use super::check::Checker;
use super::ty::{InterfaceType, Term, Type, TypeId};

impl<'a> Checker<'a> {
    /// The constraint interface of a type parameter (types2's iface()): its
    /// bound's underlying interface, or for a bound that is not an
    /// interface (`[P int]` after an error, or a bound written as `~T`)
    /// an implicit interface embedding it, which then replaces the bound.
    /// Its type set is computed here, so that errors in it are reported.
    pub fn tparam_iface(&mut self, tp: TypeId) -> TypeId {
        let Some(t) = self.types.type_param(tp) else {
            return self.empty_interface();
        };
        let (bound, obj) = (t.bound, t.obj);
        let u = self.under(bound);
        let ityp = match self.types.get(u) {
            Type::Basic { .. } if u == TypeId::INVALID => return self.empty_interface(),
            Type::Interface(_) => {
                if self.types.is_type_param(bound) {
                    return self.empty_interface();
                }
                u
            }
            _ => {
                let i = self.types.add(Type::Interface(Box::new(InterfaceType {
                    embeddeds: vec![bound],
                    implicit: true,
                    complete: true,
                    ..Default::default()
                })));
                if let Some(t) = self.types.type_param_mut(tp) {
                    t.bound = i;
                }
                i
            }
        };
        if self.types.interface(ityp).is_some_and(|i| i.tset.is_none()) {
            let pos = match self.types.named(bound) {
                Some(n) => self.obj(n.obj).pos,
                None => self.obj(obj).pos,
            };
            self.compute_interface_type_set(pos, ityp);
        }
        ityp
    }

    /// The terms of the type parameter's type set, when it has specific
    /// ones (types2's hasTerms); None for all types or the empty set.
    pub fn tparam_terms(&mut self, tp: TypeId) -> Option<Vec<Term>> {
        let iface = self.tparam_iface(tp);
        let set = self.interface_type_set(iface);
        if !Self::type_set_has_terms(&set) {
            return None;
        }
        Some(set.terms.clone())
    }
}
