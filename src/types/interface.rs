//! Interface type expressions (types2's interface.go): explicit methods,
//! embedded elements (interfaces, types, `~T` terms, unions), and the
//! implicit interface a constraint `[P ~int | string]` stands for.
//!
//! The type set is computed later (once the embedded types are set up);
//! until then the interface counts as not `complete`.

use super::check::Checker;
use super::errors::INVALID_AST;
use super::object::{ObjId, ObjKind, Object};
use super::ty::{TypeId, TypeSet};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Fills in interface type `ityp` from its literal `e`; `def` is the
    /// Named type being declared, if any, used as the methods' receiver
    /// type for better messages.
    pub fn interface_type(&mut self, ityp: TypeId, e: &'a Expr, def: Option<TypeId>) {
        let ExprKind::InterfaceType { methods: fields } = &e.kind else {
            return;
        };
        let mut methods = Vec::new();
        for f in fields {
            let Some(name) = &f.name else {
                let t = self.parse_union(&f.ty);
                self.add_embedded(ityp, start_pos(&f.ty), t);
                continue;
            };
            if name.is_blank() {
                self.error(name.pos, "methods must have a unique non-blank name".into());
                continue;
            }
            let typ = self.typ(&f.ty);
            if self.types.signature(typ).is_none() {
                if typ != TypeId::INVALID {
                    let ts = self.type_string(typ);
                    self.error(
                        start_pos(&f.ty),
                        format!("{INVALID_AST}{ts} is not a method signature"),
                    );
                }
                continue;
            }
            let recv_typ = def.unwrap_or(ityp);
            let pkg = Some(self.pkg);
            let recv = self.new_obj(Object::new(
                ObjKind::Var {
                    embedded: false,
                    is_field: false,
                    used: true,
                    is_param: false,
                    origin: None,
                },
                name.pos,
                pkg,
                Symbol::intern(""),
                Some(recv_typ),
            ));
            if let Some(s) = self.types.signature_mut(typ) {
                s.recv = Some(recv);
            }
            let m = self.new_obj(Object::new(
                ObjKind::Func {
                    has_ptr_recv: false,
                    origin: None,
                },
                name.pos,
                pkg,
                name.sym,
                Some(typ),
            ));
            self.record_def(name.id, Some(m));
            methods.push(m);
        }
        self.finish_interface(ityp, methods, e.pos);
    }

    /// The implicit interface of a constraint written as `~T` or `A | B`:
    /// `interface{ e }`, marked implicit (types2's bound).
    pub fn implicit_interface(&mut self, ityp: TypeId, e: &'a Expr) {
        let t = self.parse_union(e);
        self.add_embedded(ityp, start_pos(e), t);
        self.finish_interface(ityp, Vec::new(), start_pos(e));
        if let Some(i) = self.types.interface_mut(ityp) {
            i.implicit = true;
        }
    }

    fn add_embedded(&mut self, ityp: TypeId, pos: Pos, t: TypeId) {
        if let Some(i) = self.types.interface_mut(ityp) {
            i.embeddeds.push(t);
            i.embed_pos.push(pos);
        }
    }

    /// Marks the interface complete, sorts its methods, and schedules the
    /// computation of its type set (to report errors in it).
    fn finish_interface(&mut self, ityp: TypeId, mut methods: Vec<ObjId>, pos: Pos) {
        self.sort_methods(&mut methods);
        let empty = methods.is_empty()
            && self
                .types
                .interface(ityp)
                .is_some_and(|i| i.embeddeds.is_empty());
        if let Some(i) = self.types.interface_mut(ityp) {
            i.methods = methods;
            i.complete = true;
            if empty {
                i.tset = Some(std::rc::Rc::new(TypeSet::all()));
            }
        }
        if empty {
            return;
        }
        self.later(move |c: &mut Checker<'a>| {
            c.compute_interface_type_set(pos, ityp);
        });
    }

    /// Whether t is an interface type (not a type parameter) whose type
    /// set is all types and no methods (types2's Interface.Empty).
    pub fn interface_is_all(&mut self, iface: TypeId) -> bool {
        let set = self.interface_type_set(iface);
        set.is_method_set() && set.methods.is_empty()
    }
}
