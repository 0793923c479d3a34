//! Type argument inference (types2's infer.go): function argument type
//! inference (FTI) from typed arguments, constraint type inference (CTI)
//! from core types of constraints, then FTI again with the default types
//! of untyped arguments, then CTI again; the first step that leaves no
//! type argument unknown ends it.

use std::collections::HashMap;

use super::check::Checker;
use super::object::{ObjKind, Object};
use super::operand::{Mode, Operand};
use super::subst::SubstMap;
use super::ty::{Term, Type, TypeId};
use super::unify::Unifier;
use crate::syntax::pos::Pos;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// Infers the missing type arguments of a generic function from the
    /// given ones (`targs`, a prefix), the parameters and the arguments
    /// (params None: no arguments). None if inference failed; the error
    /// was reported.
    pub fn infer(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[TypeId],
        params: Option<TypeId>,
        args: &[Operand<'a>],
    ) -> Option<Vec<TypeId>> {
        let n = tparams.len();
        if n == 0 || targs.len() == n {
            return Some(targs.to_vec());
        }
        let mut tparams = tparams.to_vec();
        let mut params: Vec<TypeId> = match params {
            Some(p) => self
                .types
                .tuple_vars(p)
                .iter()
                .map(|&v| self.obj_type(v))
                .collect(),
            None => Vec::new(),
        };
        let mut args: Vec<&Operand<'a>> = args.iter().collect();

        // In a self-recursive call, the type parameters being inferred are
        // renamed, so that they differ from the (same) type parameters that
        // occur in the arguments.
        let self_recursive = self
            .st
            .env
            .sig
            .and_then(|s| self.types.signature(s))
            .and_then(|s| s.tparams.first().copied())
            == Some(tparams[0]);
        if self_recursive {
            let mut tparams2 = Vec::with_capacity(n);
            for (i, &tp) in tparams.iter().enumerate() {
                let tobj = self.types.type_param(tp).map(|t| t.obj);
                let (opos, opkg, oname) = match tobj {
                    Some(o) => (self.obj(o).pos, self.obj(o).pkg, self.obj(o).name),
                    None => continue,
                };
                let tname = self.new_obj(Object::new(ObjKind::TypeName, opos, opkg, oname, None));
                let tp2 = self.types.new_type_param(tname, TypeId::INVALID);
                self.obj_mut(tname).ty = Some(tp2);
                if let Some(t) = self.types.type_param_mut(tp2) {
                    t.index = i as i32;
                }
                tparams2.push(tp2);
            }
            if tparams2.len() == n {
                let rename = self.make_subst_map(&tparams, &tparams2);
                for (i, &tp) in tparams.iter().enumerate() {
                    let b = self
                        .types
                        .type_param(tp)
                        .map(|t| t.bound)
                        .unwrap_or(TypeId::INVALID);
                    let nb = self.subst(pos, b, &rename);
                    if let Some(t) = self.types.type_param_mut(tparams2[i]) {
                        t.bound = nb;
                    }
                }
                tparams = tparams2;
                params = params
                    .iter()
                    .map(|&p| self.subst(pos, p, &rename))
                    .collect();
            }
        }

        // Arguments of named types go first, so that the result does not
        // depend on the order of named and unnamed arguments (issue #43056).
        if args.len() >= 2 {
            let (mut named, mut unnamed) = (Vec::new(), Vec::new());
            for (i, a) in args.iter().enumerate() {
                if self.types.has_name(a.ty) {
                    named.push(i);
                } else {
                    unnamed.push(i);
                }
            }
            if !named.is_empty() && !unnamed.is_empty() {
                let order: Vec<usize> = named.into_iter().chain(unnamed).collect();
                params = order
                    .iter()
                    .map(|&j| params.get(j).copied().unwrap_or(TypeId::INVALID))
                    .collect();
                args = order.iter().map(|&j| args[j]).collect();
            }
        }

        // --- 1: typed arguments ---
        // Substitute the known type arguments into the parameters.
        let mut known: Vec<Option<TypeId>> = vec![None; n];
        for (i, &t) in targs.iter().enumerate() {
            known[i] = Some(t);
        }
        if !params.is_empty() {
            let smap = partial_subst_map(&tparams, &known);
            params = params
                .iter()
                .map(|&p| self.subst(Pos::NONE, p, &smap))
                .collect();
        }

        let mut u = Unifier::new(false);
        u.init_x(&tparams);
        for (i, &t) in targs.iter().enumerate() {
            u.set(i, t);
        }

        let mut indices = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            let Some(&par) = params.get(i) else { break };
            if !self.is_parameterized(&tparams, par) {
                continue;
            }
            if arg.mode == Mode::Invalid {
                continue;
            }
            if self.types.is_typed(arg.ty) {
                if !self.unify(&mut u, par, arg.ty) {
                    self.infer_error(&u, &tparams, "type", par, arg.ty, arg);
                    return None;
                }
            } else if self.types.is_type_param(par) {
                // An untyped argument can only match a bare type parameter.
                indices.push(i);
            }
        }

        let (mut targs, mut index) = u.types();
        if index.is_none() {
            return Some(targs.into_iter().flatten().collect());
        }

        // --- 2: constraint type inference ---
        let (t2, i2) = self.infer_b(pos, &tparams, &targs)?;
        if i2.is_none() {
            return Some(t2.into_iter().flatten().collect());
        }

        // --- 3: untyped arguments, with their default types ---
        for &i in &indices {
            let tpar = params[i];
            let Some(k) = self.tparam_index(&tparams, tpar) else {
                continue;
            };
            if t2.get(k).copied().flatten().is_none() {
                let arg = args[i];
                let targ = self.default_type(arg.ty);
                if self.types.is_typed(targ) && !self.unify(&mut u, tpar, targ) {
                    self.infer_error(&u, &tparams, "default type", tpar, targ, arg);
                    return None;
                }
            }
        }
        (targs, index) = u.types();
        if index.is_none() {
            return Some(targs.into_iter().flatten().collect());
        }

        // --- 4: constraint type inference again ---
        let (t4, i4) = self.infer_b(pos, &tparams, &targs)?;
        let Some(index) = i4 else {
            return Some(t4.into_iter().flatten().collect());
        };
        let tpar = tparams[index];
        let (name, tpos) = match self.types.type_param(tpar) {
            Some(t) => (self.obj(t.obj).name, self.obj(t.obj).pos),
            None => return None,
        };
        let at = self.sources.position(tpos);
        self.error(pos, format!("cannot infer {name} ({at})"));
        None
    }

    /// Reports an argument whose type does not match its parameter.
    fn infer_error(
        &mut self,
        u: &Unifier,
        tparams: &[TypeId],
        kind: &str,
        tpar: TypeId,
        targ: TypeId,
        arg: &Operand<'a>,
    ) {
        let (targs, index) = u.types();
        let es = arg.expr.map(expr_string).unwrap_or_default();
        let (ts, ps) = (self.type_string(targ), self.type_string(tpar));
        if index == Some(0) && targs.iter().all(|t| t.is_none()) {
            let names = self.type_params_string(tparams);
            self.error(
                arg.pos(),
                format!("{kind} {ts} of {es} does not match {ps} (cannot infer {names})"),
            );
            return;
        }
        let smap = partial_subst_map(tparams, &targs);
        let inferred = self.subst(arg.pos(), tpar, &smap);
        if inferred != tpar {
            let is = self.type_string(inferred);
            self.error(
                arg.pos(),
                format!("{kind} {ts} of {es} does not match inferred type {is} for {ps}"),
            );
        } else {
            self.error(
                arg.pos(),
                format!("{kind} {ts} of {es} does not match {ps}"),
            );
        }
    }

    /// `P`, `P and Q`, `P, Q, and R`.
    fn type_params_string(&self, list: &[TypeId]) -> String {
        let names: Vec<String> = list
            .iter()
            .filter_map(|&t| self.types.type_param(t))
            .map(|t| self.obj(t.obj).name.as_str().to_string())
            .collect();
        match names.len() {
            0 => String::new(),
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
        }
    }

    /// Constraint type inference (types2's inferB): unifies each type
    /// parameter with the core type of its constraint, then substitutes
    /// the inferred types into each other. Returns the type arguments and
    /// the index of the first unknown one; None if unification failed
    /// (reported).
    #[allow(clippy::type_complexity)]
    fn infer_b(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[Option<TypeId>],
    ) -> Option<(Vec<Option<TypeId>>, Option<usize>)> {
        let mut u = Unifier::new(false);
        u.init_x(tparams);
        u.share_y();
        for (i, t) in targs.iter().enumerate() {
            if let Some(t) = *t {
                u.set(i, t);
            }
        }

        let mut n = u.unknowns();
        while n > 0 {
            let mut nn = n;
            for (i, &tpar) in tparams.iter().enumerate() {
                let Some((core, single)) = self.core_term(tpar) else {
                    continue;
                };
                let Some(cty) = core.ty else { continue };
                match u.at(i) {
                    Some(mut tx) => {
                        if core.tilde && !self.types.is_type_param(tx) {
                            tx = self.under(tx);
                        }
                        if !self.unify(&mut u, tx, cty) {
                            let tilde = if core.tilde { "~" } else { "" };
                            let (ps, cs) = (self.type_string(tpar), self.type_string(cty));
                            self.error(pos, format!("{ps} does not match {tilde}{cs}"));
                            return None;
                        }
                    }
                    None if single && !core.tilde => u.set(i, cty),
                    None => continue,
                }
                nn = u.unknowns();
                if nn == 0 {
                    break;
                }
            }
            if nn == n {
                break;
            }
            n = nn;
        }

        let (mut types, _) = u.types();

        // Kill cycles through type parameters (A = *A would expand
        // forever).
        {
            let mut seen = Vec::new();
            for &t in tparams {
                self.cycle_finder(tparams, &mut types, &mut seen, t);
            }
        }

        // Substitute the inferred types into each other until nothing
        // changes.
        let mut dirty: Vec<usize> = types
            .iter()
            .enumerate()
            .filter(|&(i, t)| t.is_some() && targs.get(i).copied().flatten().is_none())
            .map(|(i, _)| i)
            .collect();
        let mut rounds = 0;
        while !dirty.is_empty() && rounds < 1000 {
            rounds += 1;
            let smap = partial_subst_map(tparams, &types);
            let mut next = Vec::new();
            for &index in &dirty {
                let Some(t0) = types[index] else { continue };
                let t1 = self.subst(Pos::NONE, t0, &smap);
                if t1 != t0 {
                    types[index] = Some(t1);
                    next.push(index);
                }
            }
            dirty = next;
        }

        // Type parameters left over cannot be inferred (issue #45548).
        for t in types.iter_mut() {
            if let Some(ty) = *t {
                if self.is_parameterized(tparams, ty) {
                    *t = None;
                }
            }
        }
        let index = types.iter().position(|t| t.is_none());
        Some((types, index))
    }

    /// The single specific term of a type parameter (and true), or a term
    /// for its core type, with a tilde if any term has one (and false)
    /// (types2's coreTerm).
    fn core_term(&mut self, tpar: TypeId) -> Option<(Term, bool)> {
        let terms = self.tparam_terms(tpar).unwrap_or_default();
        if terms.len() == 1 {
            return Some((terms[0], true));
        }
        let tilde = terms.iter().any(|t| t.tilde);
        let typ = self.core_type(tpar)?;
        Some((
            Term {
                tilde,
                ty: Some(typ),
            },
            false,
        ))
    }

    /// Walks typ, nilling out the inferred type of any type parameter
    /// reached again through itself (types2's cycleFinder).
    fn cycle_finder(
        &mut self,
        tparams: &[TypeId],
        types: &mut [Option<TypeId>],
        seen: &mut Vec<TypeId>,
        typ: TypeId,
    ) {
        if seen.contains(&typ) {
            if let Some(i) = self.tparam_index(tparams, typ) {
                types[i] = None;
            }
            return;
        }
        seen.push(typ);
        match self.types.get(typ).clone() {
            Type::Basic { .. } | Type::Tuple(_) => {}
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Chan { elem, .. } => {
                self.cycle_finder(tparams, types, seen, elem)
            }
            Type::Pointer(b) => self.cycle_finder(tparams, types, seen, b),
            Type::Struct(st) => {
                for f in st.fields {
                    let ft = self.obj_type(f);
                    self.cycle_finder(tparams, types, seen, ft);
                }
            }
            Type::Signature(sig) => {
                for tup in [sig.params, sig.results] {
                    for v in self.types.tuple_vars(tup).to_vec() {
                        let vt = self.obj_type(v);
                        self.cycle_finder(tparams, types, seen, vt);
                    }
                }
            }
            Type::Union(terms) => {
                for t in terms.iter().filter_map(|t| t.ty) {
                    self.cycle_finder(tparams, types, seen, t);
                }
            }
            Type::Interface(it) => {
                for m in it.methods {
                    let mt = self.obj_type(m);
                    self.cycle_finder(tparams, types, seen, mt);
                }
                for e in it.embeddeds {
                    self.cycle_finder(tparams, types, seen, e);
                }
            }
            Type::Map { key, elem } => {
                self.cycle_finder(tparams, types, seen, key);
                self.cycle_finder(tparams, types, seen, elem);
            }
            Type::Named(n) => {
                for t in n.targs {
                    self.cycle_finder(tparams, types, seen, t);
                }
            }
            Type::TypeParam(_) => {
                if let Some(i) = self.tparam_index(tparams, typ) {
                    if let Some(t) = types[i] {
                        self.cycle_finder(tparams, types, seen, t);
                    }
                }
            }
        }
        seen.pop();
    }

    /// Whether t mentions any of the type parameters (types2's
    /// isParameterized).
    pub fn is_parameterized(&mut self, tparams: &[TypeId], t: TypeId) -> bool {
        let mut seen = HashMap::new();
        self.is_parameterized0(tparams, t, &mut seen)
    }

    fn is_parameterized0(
        &mut self,
        tparams: &[TypeId],
        t: TypeId,
        seen: &mut HashMap<TypeId, bool>,
    ) -> bool {
        if let Some(&r) = seen.get(&t) {
            return r;
        }
        seen.insert(t, false);
        let r = match self.types.get(t).clone() {
            Type::Basic { .. } => false,
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Chan { elem, .. } => {
                self.is_parameterized0(tparams, elem, seen)
            }
            Type::Pointer(b) => self.is_parameterized0(tparams, b, seen),
            Type::Struct(st) => st.fields.iter().any(|&f| {
                let ft = self.obj_type(f);
                self.is_parameterized0(tparams, ft, seen)
            }),
            Type::Tuple(vars) => vars.iter().any(|&v| {
                let vt = self.obj_type(v);
                self.is_parameterized0(tparams, vt, seen)
            }),
            Type::Signature(sig) => {
                self.is_parameterized0(tparams, sig.params, seen)
                    || self.is_parameterized0(tparams, sig.results, seen)
            }
            Type::Interface(_) => {
                let tset = self.interface_type_set(t);
                tset.methods.iter().any(|&m| {
                    let mt = self.obj_type(m);
                    self.is_parameterized0(tparams, mt, seen)
                }) || (Self::type_set_has_terms(&tset)
                    && tset.terms.iter().all(|term| {
                        term.ty
                            .is_some_and(|ty| self.is_parameterized0(tparams, ty, seen))
                    }))
            }
            Type::Union(_) => false,
            Type::Map { key, elem } => {
                self.is_parameterized0(tparams, key, seen)
                    || self.is_parameterized0(tparams, elem, seen)
            }
            Type::Named(n) => n
                .targs
                .iter()
                .any(|&a| self.is_parameterized0(tparams, a, seen)),
            Type::TypeParam(_) => self.tparam_index(tparams, t).is_some(),
        };
        seen.insert(t, r);
        r
    }
}

/// The substitution of the known entries of `targs` for their type
/// parameters (types2 ignores nil type arguments in a substMap).
fn partial_subst_map(tparams: &[TypeId], targs: &[Option<TypeId>]) -> SubstMap {
    tparams
        .iter()
        .zip(targs.iter())
        .filter_map(|(&p, &a)| a.map(|a| (p, a)))
        .collect()
}
