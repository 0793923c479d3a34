//! Calls, conversions written as calls, and selectors (types2's call.go).

use super::basic::BasicKind;
use super::check::Checker;
use super::errors::{ErrorBuilder, INVALID_OP};
use super::expr::ExprClass;
use super::info::SelectionKind;
use super::object::{ObjKind, Object};
use super::operand::{Mode, Operand};
use super::ty::{Signature, Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// `f[T1, T2]` used as a value: explicit (possibly partial) function
    /// instantiation.
    pub fn func_inst(&mut self, x: &mut Operand<'a>, inst: &'a Expr) {
        let ExprKind::Index { index, .. } = &inst.kind else {
            return;
        };
        let xlist = index.unpack_list();
        let Some(mut targs) = self.type_list(xlist) else {
            x.mode = Mode::Invalid;
            x.expr = Some(inst);
            return;
        };
        let Some(sig) = self.types.signature(x.ty).cloned() else {
            x.mode = Mode::Invalid;
            x.expr = Some(inst);
            return;
        };
        let (got, want) = (targs.len(), sig.tparams.len());
        if got > want {
            self.error(
                start_pos(&xlist[got - 1]),
                format!("got {got} type arguments but want {want}"),
            );
            x.mode = Mode::Invalid;
            x.expr = Some(inst);
            return;
        }
        if got < want {
            match self.infer(inst.pos, &sig.tparams, &targs, None, &[]) {
                Some(t) => targs = t,
                None => {
                    x.mode = Mode::Invalid;
                    x.expr = Some(inst);
                    return;
                }
            }
        }
        let res = self.instantiate_signature(x.pos(), x.ty, &targs, xlist);
        if let ExprKind::Index { x: fun, .. } = &inst.kind {
            if let Some(id) = instantiated_ident(fun) {
                self.record_instance(id, targs, res);
            }
        }
        x.ty = res;
        x.mode = Mode::Value;
        x.expr = Some(inst);
    }

    /// Instantiates a generic signature and schedules the verification of
    /// the type arguments against their constraints.
    pub fn instantiate_signature(
        &mut self,
        pos: Pos,
        sig: TypeId,
        targs: &[TypeId],
        xlist: &'a [Expr],
    ) -> TypeId {
        let inst = self.instance(pos, sig, targs);
        let tparams = self
            .types
            .signature(sig)
            .map(|s| s.tparams.clone())
            .unwrap_or_default();
        let targs = targs.to_vec();
        self.later(move |c: &mut Checker<'a>| {
            if let Err((i, msg)) = c.verify(pos, &tparams, &targs) {
                let p = xlist.get(i).map(start_pos).unwrap_or(pos);
                c.soft_error(p, msg);
            } else {
                c.mono_record_instance(pos, &tparams, &targs, xlist);
            }
        });
        inst
    }

    pub fn call_expr(&mut self, x: &mut Operand<'a>, call: &'a Expr) -> ExprClass {
        let ExprKind::Call {
            fun,
            args,
            has_dots,
        } = &call.kind
        else {
            return ExprClass::Statement;
        };
        let mut inst: Option<&'a Expr> = None;
        if let ExprKind::Index { .. } = &fun.kind {
            if self.index_expr(x, fun) {
                inst = Some(fun);
            }
            x.expr = Some(fun);
            self.record(x);
        } else {
            self.expr_or_type(x, fun, true);
        }

        match x.mode {
            Mode::Invalid => {
                self.use_exprs(args);
                x.expr = Some(call);
                return ExprClass::Statement;
            }
            Mode::TypExpr => {
                self.non_generic_type(x);
                if x.mode == Mode::Invalid {
                    return ExprClass::Conversion;
                }
                let t = x.ty;
                x.mode = Mode::Invalid;
                match args.len() {
                    0 => {
                        let ts = self.type_string(t);
                        self.error(
                            start_pos(call),
                            format!("missing argument in conversion to {ts}"),
                        );
                    }
                    1 => {
                        self.expr(x, &args[0]);
                        if x.mode != Mode::Invalid {
                            let u = self.under(t);
                            let mut done = false;
                            if matches!(self.types.get(u), Type::Interface(_))
                                && !self.types.is_type_param(t)
                            {
                                let set = self.interface_type_set(u);
                                if !set.is_method_set() {
                                    let ts = self.type_string(t);
                                    self.error(
                                        start_pos(call),
                                        format!("cannot use interface {ts} in conversion (contains specific type constraints or is comparable)"),
                                    );
                                    done = true;
                                }
                            }
                            if !done && *has_dots {
                                let ts = self.type_string(t);
                                self.error(
                                    start_pos(&args[0]),
                                    format!("invalid use of ... in type conversion to {ts}"),
                                );
                                done = true;
                            }
                            if !done {
                                self.conversion(x, t);
                            }
                        }
                    }
                    n => {
                        self.use_exprs(args);
                        let ts = self.type_string(t);
                        self.error(
                            start_pos(&args[n - 1]),
                            format!("too many arguments in conversion to {ts}"),
                        );
                    }
                }
                x.expr = Some(call);
                return ExprClass::Conversion;
            }
            Mode::Builtin => {
                let id = x.id;
                if !self.builtin(x, call, id) {
                    x.mode = Mode::Invalid;
                }
                x.expr = Some(call);
                if x.mode != Mode::Invalid && x.mode != Mode::Constant {
                    self.st.env.has_call_or_recv = true;
                }
                return id.expr_class();
            }
            _ => {}
        }

        let sig_t = self
            .core_type(x.ty)
            .filter(|&t| self.types.signature(t).is_some());
        let Some(sig_t) = sig_t else {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("{INVALID_OP}cannot call non-function {xs}"),
            );
            x.mode = Mode::Invalid;
            x.expr = Some(call);
            return ExprClass::Statement;
        };

        let mut xlist: &'a [Expr] = &[];
        let mut targs: Vec<TypeId> = Vec::new();
        if let Some(inst) = inst {
            if let ExprKind::Index { index, .. } = &inst.kind {
                xlist = index.unpack_list();
            }
            let Some(t) = self.type_list(xlist) else {
                self.use_exprs(args);
                x.mode = Mode::Invalid;
                x.expr = Some(call);
                return ExprClass::Statement;
            };
            targs = t;
            let want = self
                .types
                .signature(sig_t)
                .map(|s| s.tparams.len())
                .unwrap_or(0);
            if targs.len() > want {
                self.error(
                    start_pos(&xlist[want]),
                    format!("got {} type arguments but want {want}", targs.len()),
                );
                self.use_exprs(args);
                x.mode = Mode::Invalid;
                x.expr = Some(call);
                return ExprClass::Statement;
            }
        }

        let (arg_ops, _) = self.expr_list(args, false);
        let is_generic = self
            .types
            .signature(sig_t)
            .is_some_and(|s| !s.tparams.is_empty());
        let sig_t = self.arguments(call, sig_t, &targs, &arg_ops, xlist);
        let (sig_results, tparams) = match self.types.signature(sig_t) {
            Some(s) => (s.results, s.tparams.clone()),
            None => (TypeId::default(), Vec::new()),
        };
        if is_generic && tparams.is_empty() {
            self.record_type_and_value(fun.id, Mode::Value, sig_t, None);
        }
        let results = self.types.tuple_vars(sig_results);
        match (results.len(), results.first().copied()) {
            (0, _) => x.mode = Mode::NoValue,
            (1, Some(r)) => {
                x.mode = if x.mode == Mode::CgoFunc {
                    Mode::CommaErr
                } else {
                    Mode::Value
                };
                x.ty = self.obj_type(r);
            }
            _ => {
                x.mode = Mode::Value;
                x.ty = sig_results;
            }
        }
        x.expr = Some(call);
        self.st.env.has_call_or_recv = true;
        if x.mode == Mode::Value && !tparams.is_empty() && self.is_parameterized(&tparams, x.ty) {
            x.mode = Mode::Invalid;
        }
        ExprClass::Statement
    }

    /// nonGeneric for the function position of a conversion.
    fn non_generic_type(&mut self, x: &mut Operand<'a>) {
        if x.mode == Mode::TypExpr && self.is_generic(x.ty) {
            let es = x.expr.map(expr_string).unwrap_or_default();
            self.error(
                x.pos(),
                format!("cannot use generic type {es} without instantiation"),
            );
            x.mode = Mode::Invalid;
            x.ty = TypeId::INVALID;
        }
    }

    /// Evaluates a list of expressions; a single multi-valued call expands
    /// to its results, and with `allow_comma_ok` a single comma-ok
    /// expression yields a second, boolean operand.
    pub fn expr_list(
        &mut self,
        elist: &'a [Expr],
        allow_comma_ok: bool,
    ) -> (Vec<Operand<'a>>, bool) {
        match elist.len() {
            0 => (Vec::new(), false),
            1 => {
                let e = &elist[0];
                let mut x = Operand::invalid();
                self.multi_expr(&mut x, e);
                if x.mode != Mode::Invalid && self.types.is_tuple(x.ty) {
                    let vars = self.types.tuple_vars(x.ty).to_vec();
                    let list = vars
                        .iter()
                        .map(|&v| Operand::new(Mode::Value, Some(e), self.obj_type(v)))
                        .collect();
                    return (list, false);
                }
                if allow_comma_ok
                    && matches!(x.mode, Mode::MapIndex | Mode::CommaOk | Mode::CommaErr)
                {
                    x.mode = Mode::Value;
                    let ok =
                        Operand::new(Mode::Value, Some(e), TypeId::basic(BasicKind::UntypedBool));
                    return (vec![x, ok], true);
                }
                (vec![x], false)
            }
            _ => {
                let list = elist
                    .iter()
                    .map(|e| {
                        let mut x = Operand::invalid();
                        self.expr(&mut x, e);
                        x
                    })
                    .collect();
                (list, false)
            }
        }
    }

    /// Checks call arguments against the signature, inferring type
    /// arguments of a generic function; returns the (instantiated)
    /// signature.
    pub fn arguments(
        &mut self,
        call: &'a Expr,
        sig_t: TypeId,
        targs: &[TypeId],
        args: &[Operand<'a>],
        xlist: &'a [Expr],
    ) -> TypeId {
        let ExprKind::Call {
            fun,
            args: arg_exprs,
            has_dots,
        } = &call.kind
        else {
            return sig_t;
        };
        for a in args {
            match a.mode {
                Mode::TypExpr => {
                    let s = self.operand_string(a);
                    self.error(a.pos(), format!("{s} used as value"));
                    return sig_t;
                }
                Mode::Invalid => return sig_t,
                _ => {}
            }
        }
        let sig = self.types.signature(sig_t).cloned().unwrap_or_default();
        let nargs = args.len();
        let mut npars = self.types.tuple_vars(sig.params).len();
        let mut sig_params = sig.params;
        let mut adjusted = false;
        // For a non-generic variadic call without `...`: the index of the
        // first argument of the variadic parameter and its element type.
        // Only the argument types matter then, so no adjusted signature
        // (a parameter object per argument, and a tuple) is made.
        let mut variadic_elem: Option<(usize, TypeId)> = None;
        if sig.variadic {
            if *has_dots {
                if arg_exprs.len() == 1 && nargs > 1 {
                    let es = expr_string(&arg_exprs[0]);
                    self.error(
                        start_pos(call),
                        format!("cannot use ... with {nargs}-valued {es}"),
                    );
                    return sig_t;
                }
            } else if nargs + 1 >= npars {
                let last = self.types.tuple_vars(sig.params)[npars - 1];
                let lt = self.obj_type(last);
                let elem = match self.types.get(lt) {
                    Type::Slice(e) => *e,
                    _ => lt,
                };
                if sig.tparams.is_empty() {
                    variadic_elem = Some((npars - 1, elem));
                } else {
                    let mut vars = self.types.tuple_vars(sig.params)[..npars - 1].to_vec();
                    let (lpos, lpkg, lname) =
                        (self.obj(last).pos, self.obj(last).pkg, self.obj(last).name);
                    while vars.len() < nargs {
                        vars.push(self.new_param(lpos, lpkg, lname, elem));
                    }
                    sig_params = self.types.tuple(vars);
                    adjusted = true;
                }
                npars = nargs;
            } else {
                npars -= 1;
            }
        } else if *has_dots {
            let fs = expr_string(fun);
            self.error(
                start_pos(call),
                format!("cannot use ... in call to non-variadic {fs}"),
            );
            return sig_t;
        }

        if nargs != npars {
            let mut at = start_pos(call);
            let qualifier = if nargs > npars {
                at = args[npars].pos();
                "too many"
            } else {
                if nargs > 0 {
                    at = args[nargs - 1].pos();
                }
                "not enough"
            };
            let param_types: Vec<TypeId> = self
                .types
                .tuple_vars(sig.params)
                .iter()
                .map(|&v| self.obj_type(v))
                .collect();
            let arg_types: Vec<TypeId> = args.iter().map(|a| a.ty).collect();
            let mut err = ErrorBuilder::new();
            err.add(
                at,
                format!("{qualifier} arguments in call to {}", expr_string(fun)),
            );
            err.add(
                Pos::NONE,
                format!("have {}", self.types_summary(&arg_types, false)),
            );
            err.add(
                Pos::NONE,
                format!("want {}", self.types_summary(&param_types, sig.variadic)),
            );
            self.report(err);
            return sig_t;
        }

        let mut rsig = sig_t;
        if !sig.tparams.is_empty() {
            let Some(targs) = self.infer(call.pos, &sig.tparams, targs, Some(sig_params), args)
            else {
                return sig_t;
            };
            rsig = self.instantiate_signature(call.pos, sig_t, &targs, xlist);
            if let Some(id) = instantiated_ident(fun) {
                self.record_instance(id, targs.clone(), rsig);
            }
            if adjusted {
                let smap = self.make_subst_map(&sig.tparams, &targs);
                sig_params = self.subst(call.pos, sig_params, &smap);
            } else {
                sig_params = self
                    .types
                    .signature(rsig)
                    .map(|s| s.params)
                    .unwrap_or(sig_params);
            }
        }

        if !args.is_empty() {
            // Formatted only if an argument is in error.
            let context = ArgumentTo(fun);
            for (i, a) in args.iter().enumerate() {
                let mut a = a.clone();
                let pt = match (variadic_elem, self.types.tuple_vars(sig_params).get(i)) {
                    (Some((first, elem)), _) if i >= first => elem,
                    (_, Some(&v)) => self.obj_type(v),
                    (_, None) => TypeId::INVALID,
                };
                self.assignment(&mut a, Some(pt), &context);
            }
        }
        rsig
    }

    /// A parameter variable (always "used").
    pub fn new_param(
        &mut self,
        pos: Pos,
        pkg: Option<super::package::PkgId>,
        name: crate::syntax::symbol::Symbol,
        ty: TypeId,
    ) -> super::object::ObjId {
        self.new_obj(Object::new(
            ObjKind::Var {
                embedded: false,
                is_field: false,
                used: true,
                is_param: true,
                origin: None,
            },
            pos,
            pkg,
            name,
            Some(ty),
        ))
    }

    /// `(int, string)` / `(number, ...int)` summaries in arity errors.
    pub fn types_summary(&mut self, list: &[TypeId], variadic: bool) -> String {
        let mut res = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let s = if t == TypeId::INVALID {
                "<T>".to_string()
            } else if self.types.is_untyped(t) {
                if self.is_numeric(t) {
                    "number".to_string()
                } else {
                    self.types
                        .basic_kind(t)
                        .map(|k| k.name())
                        .unwrap_or("")
                        .replace("untyped ", "")
                }
            } else if variadic && i == list.len() - 1 {
                match self.types.get(t) {
                    Type::Slice(e) => format!("...{}", self.type_string(*e)),
                    _ => self.type_string(t),
                }
            } else {
                self.type_string(t)
            };
            res.push(s);
        }
        format!("({})", res.join(", "))
    }

    /// `x.sel`: a qualified identifier, field, method value or method
    /// expression.
    pub fn selector(&mut self, x: &mut Operand<'a>, e: &'a Expr, def: Option<TypeId>) {
        let ExprKind::Selector { x: base, sel } = &e.kind else {
            return;
        };
        let name = sel.sym;
        if let ExprKind::Name(ident) = &base.kind {
            if let Some(obj) = self.lookup(*ident) {
                if let ObjKind::PkgName { imported, .. } = self.obj(obj).kind {
                    self.record_use(base.id, obj);
                    self.obj_mut(obj).set_used();
                    let pkg = imported;
                    let pscope = self.package(pkg).scope;
                    let pname = self.package(pkg).name;
                    let Some(exp) = self.scopes.lookup(pscope, name) else {
                        if !self.package(pkg).fake {
                            self.error(sel.pos, format!("undefined: {pname}.{name}"));
                        }
                        x.mode = Mode::Invalid;
                        x.expr = Some(e);
                        return;
                    };
                    if !self.obj(exp).exported() {
                        self.error(sel.pos, format!("{name} not exported by package {pname}"));
                    }
                    self.record_use(sel.id, exp);
                    let o = self.obj(exp).clone();
                    match &o.kind {
                        ObjKind::Const { val } => {
                            x.mode = Mode::Constant;
                            x.ty = o.ty.unwrap_or(TypeId::INVALID);
                            x.val = val.clone();
                        }
                        ObjKind::TypeName => {
                            x.mode = Mode::TypExpr;
                            x.ty = o.ty.unwrap_or(TypeId::INVALID);
                        }
                        ObjKind::Var { .. } => {
                            x.mode = Mode::Variable;
                            x.ty = o.ty.unwrap_or(TypeId::INVALID);
                        }
                        ObjKind::Func { .. } => {
                            x.mode = Mode::Value;
                            x.ty = o.ty.unwrap_or(TypeId::INVALID);
                        }
                        ObjKind::Builtin(id) => {
                            x.mode = Mode::Builtin;
                            x.ty = o.ty.unwrap_or(TypeId::INVALID);
                            x.id = *id;
                        }
                        _ => {
                            x.mode = Mode::Invalid;
                        }
                    }
                    x.expr = Some(e);
                    return;
                }
            }
        }

        self.expr_or_type(x, base, false);
        match x.mode {
            Mode::TypExpr => {
                if let Some(d) = def {
                    if x.ty == d {
                        let obj = self.types.named(d).map(|n| n.obj);
                        if let Some(obj) = obj {
                            self.cycle_error(&[obj]);
                        }
                        x.mode = Mode::Invalid;
                        x.expr = Some(e);
                        return;
                    }
                }
            }
            Mode::Builtin => {
                let xs = self.operand_string(x);
                self.error(e.pos, format!("cannot select on {xs}"));
                x.mode = Mode::Invalid;
                x.expr = Some(e);
                return;
            }
            Mode::Invalid => {
                x.expr = Some(e);
                return;
            }
            _ => {}
        }

        let pkg = Some(self.pkg);
        let (obj, index, indirect) =
            self.lookup_field_or_method(x.ty, x.mode == Mode::Variable, pkg, name);
        let Some(obj) = obj else {
            let u = self.under(x.ty);
            if u != TypeId::INVALID {
                let xe = x.expr.map(expr_string).unwrap_or_default();
                if index.is_some() {
                    self.error(sel.pos, format!("ambiguous selector {xe}.{name}"));
                } else if indirect {
                    let ts = self.type_string(x.ty);
                    self.error(
                        sel.pos,
                        format!("cannot call pointer method {name} on {ts}"),
                    );
                } else {
                    let why = if self.is_interface_ptr(x.ty) {
                        self.interface_ptr_error(x.ty)
                    } else {
                        let mut why = format!(
                            "type {} has no field or method {name}",
                            self.type_string(x.ty)
                        );
                        let s = name.as_str();
                        if let Some(first) = s.chars().next() {
                            let rest = &s[first.len_utf8()..];
                            let changed: String = if first.is_uppercase() {
                                first.to_lowercase().chain(rest.chars()).collect()
                            } else {
                                first.to_uppercase().chain(rest.chars()).collect()
                            };
                            let cs = crate::syntax::symbol::Symbol::intern(&changed);
                            if self
                                .lookup_field_or_method(x.ty, x.mode == Mode::Variable, pkg, cs)
                                .0
                                .is_some()
                            {
                                why.push_str(", but does have ");
                                why.push_str(&changed);
                            }
                        }
                        why
                    };
                    self.error(sel.pos, format!("{xe}.{name} undefined ({why})"));
                }
            }
            x.mode = Mode::Invalid;
            x.expr = Some(e);
            return;
        };

        if self.obj(obj).is_func() {
            self.obj_decl(obj, None);
        }

        if x.mode == Mode::TypExpr {
            if !self.obj(obj).is_func() {
                let xe = x.expr.map(expr_string).unwrap_or_default();
                let ts = self.type_string(x.ty);
                self.error(
                    sel.pos,
                    format!("{xe}.{name} undefined (type {ts} has no method {name})"),
                );
                x.mode = Mode::Invalid;
                x.expr = Some(e);
                return;
            }
            self.record_selection(
                e,
                sel.id,
                SelectionKind::MethodExpr,
                x.ty,
                obj,
                index.unwrap_or_default(),
                indirect,
            );
            let mt = self.obj_type(obj);
            let Some(sig) = self.types.signature(mt).cloned() else {
                x.mode = Mode::Invalid;
                x.expr = Some(e);
                return;
            };
            let Some(recv) = sig.recv else {
                self.error(start_pos(e), "illegal cycle in method declaration".into());
                x.mode = Mode::Invalid;
                x.expr = Some(e);
                return;
            };
            let mut params = self.types.tuple_vars(sig.params).to_vec();
            let mut rname = crate::syntax::symbol::Symbol::intern("");
            if let Some(&p0) = params.first() {
                if !self.obj(p0).name.as_str().is_empty() {
                    rname = self.obj(recv).name;
                    if rname.as_str().is_empty() {
                        rname = crate::syntax::symbol::Symbol::intern("_");
                    }
                }
            }
            let (rpos, rpkg) = (self.obj(recv).pos, self.obj(recv).pkg);
            let recv_var = self.new_obj(Object::new(
                ObjKind::Var {
                    embedded: false,
                    is_field: false,
                    used: false,
                    is_param: false,
                    origin: None,
                },
                rpos,
                rpkg,
                rname,
                Some(x.ty),
            ));
            params.insert(0, recv_var);
            let ptuple = self.types.tuple(params);
            x.mode = Mode::Value;
            x.ty = self.types.add(Type::Signature(Box::new(Signature {
                tparams: sig.tparams.clone(),
                params: ptuple,
                results: sig.results,
                variadic: sig.variadic,
                ..Default::default()
            })));
            self.add_decl_dep(obj);
        } else if self.obj(obj).is_var() {
            self.record_selection(
                e,
                sel.id,
                SelectionKind::FieldVal,
                x.ty,
                obj,
                index.unwrap_or_default(),
                indirect,
            );
            x.mode = if x.mode == Mode::Variable || indirect {
                Mode::Variable
            } else {
                Mode::Value
            };
            x.ty = self.obj_type(obj);
        } else {
            self.record_selection(
                e,
                sel.id,
                SelectionKind::MethodVal,
                x.ty,
                obj,
                index.unwrap_or_default(),
                indirect,
            );
            x.mode = Mode::Value;
            let mt = self.obj_type(obj);
            let mut sig = self.types.signature(mt).cloned().unwrap_or_default();
            sig.recv = None;
            x.ty = self.types.add(Type::Signature(Box::new(sig)));
            self.add_decl_dep(obj);
        }
        x.expr = Some(e);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn record_selection(
        &mut self,
        e: &Expr,
        sel: crate::syntax::ast::NodeId,
        kind: SelectionKind,
        recv: TypeId,
        obj: super::object::ObjId,
        index: Vec<usize>,
        indirect: bool,
    ) {
        self.record_use(sel, obj);
        if !self.info.recording() {
            return;
        }
        self.info.selections.insert(
            e.id,
            super::info::Selection {
                kind,
                recv,
                obj,
                index,
                indirect,
            },
        );
    }

    /// Evaluates expressions only for their side effects on the tables and
    /// to report errors in them (types2's use).
    pub fn use_exprs(&mut self, args: &'a [Expr]) {
        for e in args {
            self.use_expr(e);
        }
    }

    pub fn use_expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Name(n) if n.is_blank() => {}
            ExprKind::List(list) => self.use_exprs(list),
            _ => {
                let mut x = Operand::invalid();
                self.raw_expr(&mut x, e, None, false);
            }
        }
    }
}

/// The name whose instantiation an expression denotes: `f` in `f[int]`,
/// `Sel` in `pkg.f`.
pub fn instantiated_ident(e: &Expr) -> Option<crate::syntax::ast::NodeId> {
    let e = match &e.kind {
        ExprKind::Index { x, .. } => x,
        _ => e,
    };
    match &e.kind {
        ExprKind::Name(_) => Some(e.id),
        ExprKind::Selector { sel, .. } => Some(sel.id),
        _ => None,
    }
}

/// The context "argument to F" of a call's argument checks, formatted
/// only when a message needs it.
struct ArgumentTo<'e>(&'e Expr);

impl std::fmt::Display for ArgumentTo<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "argument to {}", expr_string(self.0))
    }
}
