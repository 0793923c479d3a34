//! Function signatures (types2's signature.go): receivers (with the type
//! parameters of a generic receiver type), type parameters, parameters
//! and results.

use super::check::Checker;
use super::errors::{ErrorBuilder, INVALID_AST};
use super::object::ObjId;
use super::operand::Mode;
use super::scope::ScopeId;
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind, Field, FuncType};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Fills in the signature type `sig` (types2's funcType).
    pub fn func_type(
        &mut self,
        sig: TypeId,
        recv_par: Option<&'a Field>,
        tparams: &'a [Field],
        ftyp: &'a FuncType,
    ) {
        self.open_scope(ftyp.pos, Pos::NONE, "function");
        let fscope = self.scope();
        self.scopes.get_mut(fscope).is_func = true;
        if let Some(s) = self.types.signature_mut(sig) {
            s.scope = Some(fscope);
        }

        if let Some(recv) = recv_par {
            let (_, rname, rparams) = self.unpack_recv(&recv.ty, true);
            if !rparams.is_empty() {
                let tps: Vec<TypeId> = rparams
                    .iter()
                    .map(|&(pos, name, id)| self.declare_type_param(pos, name, id))
                    .collect();
                for (i, &tp) in tps.iter().enumerate() {
                    if let Some(t) = self.types.type_param_mut(tp) {
                        t.index = i as i32;
                    }
                }
                for (i, &(_, name, id)) in rparams.iter().enumerate() {
                    if name.is_blank() {
                        if let Some(id) = id {
                            self.st.recv_tparam_map.insert(id, tps[i]);
                        }
                    }
                }
                if let Some(s) = self.types.signature_mut(sig) {
                    s.rparams = tps.clone();
                }
                let mut recv_tparams = Vec::new();
                if let Some(rname) = rname {
                    let g = self.generic_type(rname, false);
                    if let Some(n) = self.types.named(g) {
                        recv_tparams = n.tparams.clone();
                    }
                }
                if tps.len() == recv_tparams.len() {
                    let smap = self.make_subst_map(&recv_tparams, &tps);
                    for (i, &tp) in tps.iter().enumerate() {
                        let rb = self
                            .types
                            .type_param(recv_tparams[i])
                            .map(|t| t.bound)
                            .unwrap_or(TypeId::INVALID);
                        self.mono_record_canon(tp, recv_tparams[i]);
                        let pos = self
                            .obj(self.types.type_param(tp).map(|t| t.obj).unwrap_or(ObjId(0)))
                            .pos;
                        let b = self.subst(pos, rb, &smap);
                        if let Some(t) = self.types.type_param_mut(tp) {
                            t.bound = b;
                        }
                    }
                } else if tps.len() < recv_tparams.len() {
                    let got = super::assignments::measure(tps.len(), "type parameter");
                    self.error(
                        recv.pos,
                        format!(
                            "got {got}, but receiver base type declares {}",
                            recv_tparams.len()
                        ),
                    );
                }
            }
        }

        if !tparams.is_empty() {
            let tps = self.collect_type_params(tparams);
            if let Some(s) = self.types.signature_mut(sig) {
                s.tparams = tps;
            }
        }

        // Parameters are declared in a temporary scope squashed into the
        // function scope, so that they are visible only in the body.
        let tmp = self.scopes.new_scope(
            Some(fscope),
            Pos::NONE,
            Pos::NONE,
            "function body (temp. scope)",
        );
        let recv_list = match recv_par {
            Some(r) => self.collect_params(tmp, std::slice::from_ref(r), false).0,
            None => Vec::new(),
        };
        let (params, variadic) = self.collect_params(tmp, &ftyp.params, true);
        let (results, _) = self.collect_params(tmp, &ftyp.results, false);
        self.squash_scope(tmp);

        if recv_par.is_some() {
            let recv = match recv_list.len() {
                0 => self.new_param(Pos::NONE, None, Symbol::intern(""), TypeId::INVALID),
                1 => recv_list[0],
                _ => {
                    let last = *recv_list.last().unwrap_or(&recv_list[0]);
                    self.error(
                        self.obj(last).pos,
                        "method must have exactly one receiver".into(),
                    );
                    recv_list[0]
                }
            };
            if let Some(s) = self.types.signature_mut(sig) {
                s.recv = Some(recv);
            }
            self.later(move |c: &mut Checker<'a>| c.validate_recv(sig, recv));
        }

        let pt = self.types.tuple(params);
        let rt = self.types.tuple(results);
        if let Some(s) = self.types.signature_mut(sig) {
            s.params = pt;
            s.results = rt;
            s.variadic = variadic;
        }
        self.close_scope();
    }

    fn validate_recv(&mut self, sig: TypeId, recv: ObjId) {
        let rt = self.obj_type(recv);
        let (rtyp, _) = self.types.deref(rt);
        if rtyp == TypeId::INVALID {
            return;
        }
        let pos = self.obj(recv).pos;
        // Not a clone of the type: a Named type carries its methods, and
        // this runs once per method.
        let named = match self.types.get(rtyp) {
            Type::Named(n) => Some((n.orig.is_some(), n.obj)),
            _ => None,
        };
        let basic = matches!(self.types.get(rtyp), Type::Basic { .. });
        match (named, basic) {
            (Some((instance, nobj)), _) => {
                let has_rparams = self
                    .types
                    .signature(sig)
                    .is_some_and(|s| !s.rparams.is_empty());
                if instance && !has_rparams {
                    let ts = self.type_string(rtyp);
                    self.error(
                        pos,
                        format!("cannot define new methods on instantiated type {ts}"),
                    );
                    return;
                }
                if self.obj(nobj).pkg != Some(self.pkg) {
                    let ts = self.type_string(rtyp);
                    self.error(
                        pos,
                        format!("cannot define new methods on non-local type {ts}"),
                    );
                    return;
                }
                let u = self.under(rtyp);
                let cause = match self.types.get(u) {
                    Type::Basic {
                        kind: super::basic::BasicKind::UnsafePointer,
                        ..
                    } => "unsafe.Pointer",
                    Type::Pointer(_) | Type::Interface(_) => "pointer or interface type",
                    _ => "",
                };
                if !cause.is_empty() {
                    let ts = self.type_string(rtyp);
                    self.error(pos, format!("invalid receiver type {ts} ({cause})"));
                }
            }
            (None, true) => {
                let ts = self.type_string(rtyp);
                self.error(
                    pos,
                    format!("cannot define new methods on non-local type {ts}"),
                );
            }
            _ => {
                let ts = self.type_string(rt);
                self.error(pos, format!("invalid receiver type {ts}"));
            }
        }
    }

    /// Declares the parameters of a list in `scope`; returns them and
    /// whether the last one is variadic.
    pub fn collect_params(
        &mut self,
        scope: ScopeId,
        list: &'a [Field],
        variadic_ok: bool,
    ) -> (Vec<ObjId>, bool) {
        let mut params = Vec::with_capacity(list.len());
        let mut variadic = false;
        let (mut named, mut anonymous) = (false, false);
        let mut typ = TypeId::INVALID;
        let mut prev: Option<&std::sync::Arc<Expr>> = None;
        for (i, field) in list.iter().enumerate() {
            if prev.is_none_or(|p| !std::sync::Arc::ptr_eq(p, &field.ty)) {
                prev = Some(&field.ty);
                let mut ftype: &'a Expr = &field.ty;
                if let ExprKind::DotsType(elem) = &ftype.kind {
                    ftype = elem;
                    if variadic_ok && i == list.len() - 1 {
                        variadic = true;
                    } else {
                        self.soft_error(
                            start_pos(&field.ty),
                            "can only use ... with final parameter in list".into(),
                        );
                    }
                }
                typ = self.var_type(ftype);
            }
            match &field.name {
                Some(name) => {
                    if name.sym.as_str().is_empty() {
                        self.error(name.pos, format!("{INVALID_AST}anonymous parameter"));
                    }
                    let pkg = Some(self.pkg);
                    let par = self.new_param(name.pos, pkg, name.sym, typ);
                    let spos = self.scopes.get(scope).pos;
                    self.declare(scope, Some(name.id), par, spos);
                    params.push(par);
                    named = true;
                }
                None => {
                    let pkg = Some(self.pkg);
                    let par = self.new_param(field.pos, pkg, Symbol::intern(""), typ);
                    self.record_implicit(field.pos, par);
                    params.push(par);
                    anonymous = true;
                }
            }
        }
        if named && anonymous {
            self.error(
                list[0].pos,
                format!("{INVALID_AST}list contains both named and anonymous parameters"),
            );
        }
        if variadic {
            if let Some(&last) = params.last() {
                let lt = self.obj_type(last);
                let st = self.types.slice(lt);
                self.obj_mut(last).ty = Some(st);
                if let Some(f) = list.last() {
                    self.record_type_and_value(f.ty.id, Mode::TypExpr, st, None);
                }
            }
        }
        (params, variadic)
    }

    /// Moves a temporary scope's objects into its parent (types2's Squash),
    /// reporting duplicates.
    fn squash_scope(&mut self, s: ScopeId) {
        let Some(parent) = self.scopes.get(s).parent else {
            return;
        };
        let mut elems: Vec<(Symbol, ObjId)> = self
            .scopes
            .get(s)
            .elems
            .iter()
            .map(|(k, v)| (*k, *v))
            .collect();
        elems.sort_by_key(|(_, o)| self.obj(*o).pos);
        for (name, obj) in elems {
            self.obj_mut(obj).parent = None;
            if let Some(alt) = self.scopes.insert(parent, name, obj) {
                let mut err = ErrorBuilder::new();
                err.add(
                    self.obj(obj).pos,
                    format!("{name} redeclared in this block"),
                );
                self.record_alt_decl(&mut err, alt);
                self.report(err);
            } else {
                self.obj_mut(obj).parent = Some(parent);
            }
        }
        self.scopes.remove_child(parent, s);
        self.scopes.move_children(s, parent);
        self.scopes.get_mut(s).elems.clear();
    }
}
