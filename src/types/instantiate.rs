//! Instantiation (types2's instantiate.go and typexpr.go's
//! instantiatedType): making instances of generic types and functions,
//! verifying type arguments against their constraints, and the
//! `implements` relation that also decides interface satisfaction for
//! assignments and type assertions.

use super::call::instantiated_ident;
use super::check::Checker;
use super::ty::{Term, Type, TypeId};
use crate::syntax::ast::Expr;
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;

impl<'a> Checker<'a> {
    /// Instantiates a generic named type or signature with type arguments
    /// (types2's instance); the same origin and identical type arguments
    /// give the same instance. A named instance is expanded lazily.
    pub fn instance(&mut self, pos: Pos, orig: TypeId, targs: &[TypeId]) -> TypeId {
        self.instance_expanding(pos, orig, targs, None)
    }

    /// `instance` on behalf of the expansion of instance `expanding`.
    pub fn instance_expanding(
        &mut self,
        pos: Pos,
        orig: TypeId,
        targs: &[TypeId],
        expanding: Option<TypeId>,
    ) -> TypeId {
        let _ = expanding;
        if let Some(inst) = self.ctxt_lookup(orig, targs) {
            return inst;
        }
        let res = match self.types.get(orig) {
            Type::Named(_) => self.new_named_instance(pos, orig, targs),
            Type::Signature(sig) => {
                let tparams = sig.tparams.clone();
                if !self.validate_targ_len(pos, tparams.len(), targs.len()) {
                    return TypeId::INVALID;
                }
                if tparams.is_empty() {
                    return orig;
                }
                let smap = self.make_subst_map(&tparams, targs);
                let mut sig = self.subst(pos, orig, &smap);
                if sig == orig {
                    let copy = self.types.signature(orig).cloned().unwrap_or_default();
                    sig = self.types.add(Type::Signature(Box::new(copy)));
                }
                if let Some(s) = self.types.signature_mut(sig) {
                    s.tparams = Vec::new();
                }
                sig
            }
            _ => return TypeId::INVALID,
        };
        self.ctxt_update(orig, targs, res)
    }

    /// Reports a mismatch between the numbers of type parameters and
    /// arguments.
    pub fn validate_targ_len(&mut self, pos: Pos, ntparams: usize, ntargs: usize) -> bool {
        if ntargs != ntparams {
            self.error(
                pos,
                format!("got {ntargs} arguments but {ntparams} type parameters"),
            );
            return false;
        }
        true
    }

    /// Verifies type arguments against their constraints: Err((index of
    /// the failing argument, message)).
    pub fn verify(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[TypeId],
    ) -> Result<(), (usize, String)> {
        let smap = self.make_subst_map(tparams, targs);
        for (i, &tpar) in tparams.iter().enumerate() {
            // Ensure the bound is an interface (iface() may update it).
            self.tparam_iface(tpar);
            let bound = self
                .types
                .type_param(tpar)
                .map(|t| t.bound)
                .unwrap_or(TypeId::INVALID);
            let bound = self.subst(pos, bound, &smap);
            let Some(&targ) = targs.get(i) else { break };
            if let Err(msg) = self.implements(targ, bound) {
                return Err((i, msg));
            }
        }
        Ok(())
    }

    /// Whether V implements T (Err: the reason, in gc's words). This is
    /// constraint satisfaction for type arguments and interface
    /// satisfaction for assignments.
    pub fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let vu = self.under(v);
        let tu = self.under(t);
        if vu == TypeId::INVALID || tu == TypeId::INVALID {
            return Ok(());
        }
        if let Type::Pointer(base) = *self.types.get(vu) {
            if self.under(base) == TypeId::INVALID {
                return Ok(());
            }
        }
        // The type strings are built only for a failure's message.
        let names = |c: &mut Self| (c.type_string(v), c.type_string(t));
        if !matches!(self.types.get(tu), Type::Interface(_)) {
            let (vs, ts) = names(self);
            let cause = if self.is_interface_ptr(tu) {
                format!("type {ts} is pointer to interface, not interface")
            } else {
                format!("{ts} is not an interface")
            };
            return Err(format!("{vs} does not implement {ts} ({cause})"));
        }
        // Every type satisfies the empty interface.
        if self.interface_is_all(tu) {
            return Ok(());
        }
        // An interface V with an empty type set satisfies any interface.
        let vi = matches!(self.types.get(vu), Type::Interface(_));
        if vi && self.interface_is_empty_set(vu) {
            return Ok(());
        }
        let tset = self.interface_type_set(tu);
        if tset.is_empty() {
            let (_, ts) = names(self);
            return Err(format!("cannot implement {ts} (empty type set)"));
        }
        if let Some((m, wrong)) = self.missing_method(v, tu, true) {
            let reason = self.missing_method_reason(v, t, m, wrong);
            let (vs, ts) = names(self);
            return Err(format!("{vs} does not implement {ts} {reason}"));
        }

        // A comparable constraint needs a comparable type argument.
        let mut pending = Ok(());
        let t_comparable = self.type_set_is_comparable(tu, &mut Default::default());
        if t_comparable && !self.comparable_impl(v, false, &mut Default::default(), &mut None) {
            let (vs, _) = names(self);
            pending = Err(format!("{vs} does not implement comparable"));
        }
        if !Self::type_set_has_terms(&tset) {
            return pending;
        }
        // V's type set must be a subset of T's.
        if vi {
            let vset = self.interface_type_set(vu);
            if !self.termlist_subset_of(&vset.terms, &tset.terms) {
                let (vs, ts) = names(self);
                return Err(format!("{vs} does not implement {ts}"));
            }
            return pending;
        }
        // Otherwise V must be in T's type set. Suggest a missing ~ if it
        // would have been.
        let mut alt: Option<TypeId> = None;
        let mut included = false;
        for &term in &tset.terms {
            if self.term_includes(Some(term), v) {
                included = true;
                break;
            }
            if let (None, Some(tt), false) = (alt, term.ty, term.tilde) {
                let utt = self.under(tt);
                if self.identical(tt, utt)
                    && self.term_includes(
                        Some(Term {
                            tilde: true,
                            ty: Some(tt),
                        }),
                        v,
                    )
                {
                    alt = Some(tt);
                }
            }
        }
        if !included {
            let (vs, ts) = names(self);
            if let Some(alt) = alt {
                let als = self.type_string(alt);
                return Err(format!(
                    "{vs} does not implement {ts} (possibly missing ~ for {als} in constraint {ts})"
                ));
            }
            let tl = self.termlist_string(&tset.terms);
            return Err(format!(
                "{vs} does not implement {ts} ({vs} missing in {tl})"
            ));
        }
        pending
    }

    /// `G[A, B]` as a type (types2's instantiatedType).
    pub fn instantiated_type(
        &mut self,
        x: &'a Expr,
        xlist: &'a [Expr],
        def: Option<TypeId>,
    ) -> TypeId {
        let gtyp = self.generic_type(x, true);
        if gtyp == TypeId::INVALID {
            return gtyp;
        }
        if !self.types.is_named(gtyp) {
            return TypeId::INVALID;
        }
        let Some(targs) = self.type_list(xlist) else {
            self.set_def_underlying(def, TypeId::INVALID);
            return TypeId::INVALID;
        };
        let pos = x.pos;
        let inst = self.instance(pos, gtyp, &targs);
        self.set_def_underlying(def, inst);

        // The origin's type parameters may not be set up yet: verify later.
        self.later(move |c: &mut Checker<'a>| {
            let targs = c.named_targs(inst);
            if let Some(id) = instantiated_ident(x) {
                c.record_instance(id, targs.clone(), inst);
            }
            let tparams = c.named_tparams(inst);
            if c.validate_targ_len(pos, tparams.len(), targs.len()) {
                match c.verify(pos, &tparams, &targs) {
                    Err((i, msg)) => {
                        let p = xlist.get(i).map(start_pos).unwrap_or(pos);
                        c.soft_error(p, msg);
                    }
                    Ok(()) => c.mono_record_instance(pos, &tparams, &targs, xlist),
                }
            }
            c.valid_type(inst);
        });
        inst
    }
}
