//! Calls into the escape IR: conversions, builtins, function calls and
//! method calls, with typecheck's rewrites that escape analysis relies on:
//! FixMethodCall (the receiver becomes the first argument of a call to the
//! method itself), FixVariadicCall (the extra arguments of a variadic call
//! become one implicit slice literal, gc's "... argument"), and
//! RewriteMultiValueCall (`f(g())` assigns g's results to temporaries).
//!
//! Invariant: a call node's `sig` is the signature escape analysis pairs
//! the arguments with: the method's own (with receiver) for a method call,
//! the callee expression's type otherwise.

use super::ir::*;
use super::lower::Lower;
use crate::syntax::ast::{self, ExprKind as AK};
use crate::types::builtins::BuiltinId;
use crate::types::info::SelectionKind;
use crate::types::object::ObjKind;
use crate::types::ty::{Type, TypeId};

impl<'c, 'a> Lower<'c, 'a> {
    pub fn call_expr(
        &mut self,
        e: &'a ast::Expr,
        fun: &'a ast::Expr,
        args: &'a [ast::Expr],
        has_dots: bool,
        ty: TypeId,
    ) -> Expr<'a> {
        let fun_tv = self.info.type_of(fun.id);
        if fun_tv.is_some_and(|tv| tv.is_type()) {
            return self.conversion(e, fun, args, ty);
        }
        if let Some(b) = self.builtin_of(fun) {
            return self.builtin(e, b, args, has_dots, ty);
        }
        let u = fun.unparen();
        if let AK::Selector { x, .. } = &u.kind {
            if let Some(s) = self.info.selections.get(&u.id) {
                if s.kind == SelectionKind::MethodVal {
                    let (obj, index) = (s.obj, s.index.clone());
                    let (recv, iface) = self.method_recv(x, obj, &index, u.pos);
                    let mut init = Vec::new();
                    let recv = self.rewrite_non_name(recv, &mut init, e, Some(x));
                    if iface {
                        let sig = self.type_of(fun);
                        let args = self.call_args(e, sig, args, has_dots, &mut init);
                        return self.call_node(
                            e,
                            ty,
                            init,
                            Call {
                                kind: CallKind::Inter,
                                fun: None,
                                recv: Some(recv),
                                args,
                                ddd: has_dots,
                                sig,
                                method: None,
                                iface_method: Some(obj),
                                syntax: Some(e),
                            },
                        );
                    }
                    let sig = self.c.obj_type(obj);
                    let args = self.call_args(e, sig, args, has_dots, &mut init);
                    let recv_ty = self
                        .info
                        .selections
                        .get(&u.id)
                        .map(|s| s.recv)
                        .unwrap_or(TypeId::INVALID);
                    let kind = match self.generic_method(obj, recv_ty) {
                        Some(f) => ExprKind::FuncRef(f),
                        None => ExprKind::MethodExpr(obj),
                    };
                    let fun_ir = Expr::leaf(kind, u.pos, sig, Src::Expr(u), u.id);
                    return self.call_node(
                        e,
                        ty,
                        init,
                        Call {
                            kind: CallKind::Func,
                            fun: Some(fun_ir),
                            recv: Some(recv),
                            args,
                            ddd: has_dots,
                            sig,
                            method: Some(obj),
                            iface_method: None,
                            syntax: Some(e),
                        },
                    );
                }
            }
        }
        let fun_ir = self.expr(fun);
        let sig = self.type_of(fun);
        let mut init = Vec::new();
        let fun_ir = self.rewrite_non_name(fun_ir, &mut init, e, None);
        // A method expression T.M called: the receiver is the first argument.
        let args = self.call_args(e, sig, args, has_dots, &mut init);
        let closure_called = matches!(fun_ir.kind, ExprKind::Closure(_));
        if let ExprKind::Closure(f) = fun_ir.kind {
            if closure_called {
                self.ir.funcs[f.index()].closure_called = true;
            }
        }
        self.call_node(
            e,
            ty,
            init,
            Call {
                kind: CallKind::Func,
                fun: Some(fun_ir),
                recv: None,
                args,
                ddd: has_dots,
                sig,
                method: None,
                iface_method: None,
                syntax: Some(e),
            },
        )
    }

    fn call_node(
        &mut self,
        e: &'a ast::Expr,
        ty: TypeId,
        init: Vec<Stmt<'a>>,
        call: Call<'a>,
    ) -> Expr<'a> {
        if matches!(call.kind, CallKind::Func | CallKind::Inter) {
            // transformCall's ir.SetPos(n): base.Pos is the call's
            // position once it is built.
            self.base_pos = e.pos;
        }
        Expr {
            kind: ExprKind::Call(Box::new(call)),
            pos: e.pos,
            ty,
            src: Src::Expr(e),
            node: e.id,
            init,
        }
    }

    /// The arguments paired with the parameters of `sig`: a multi-value
    /// argument spread through temporaries, the variadic tail packed into
    /// the implicit "... argument" slice.
    fn call_args(
        &mut self,
        e: &'a ast::Expr,
        sig: TypeId,
        args: &'a [ast::Expr],
        has_dots: bool,
        init: &mut Vec<Stmt<'a>>,
    ) -> Vec<Expr<'a>> {
        let Some(s) = self.t.signature(sig) else {
            return args.iter().map(|a| self.expr(a)).collect();
        };
        let params = self.t.tuple(s.params).to_vec();
        let variadic = s.variadic;
        let mut list: Vec<Expr<'a>> = if args.len() == 1
            && self.t.c.types.is_tuple(self.type_of(&args[0]))
            && self.t.tuple(self.type_of(&args[0])).len() > 1
        {
            let mut temps = self.multi_value(&args[0], init);
            // Convert the temporaries where the parameter is an interface.
            for (i, t) in temps.iter_mut().enumerate() {
                let pt = match params.get(i) {
                    Some(&p) if !(variadic && i + 1 >= params.len()) => self.c.obj_type(p),
                    _ => match params.last() {
                        Some(&p) if variadic => self.t.elem(self.c.obj_type(p)),
                        _ => continue,
                    },
                };
                if self.t.is_interface(pt) && !self.t.is_interface(t.ty) {
                    let x = std::mem::replace(
                        t,
                        Expr::leaf(ExprKind::Nil, e.pos, TypeId::INVALID, Src::None, e.id),
                    );
                    // gc converts the temporary: ".autotmp_0 escapes to heap".
                    let src = x.src;
                    *t = Expr {
                        kind: ExprKind::ConvIface(Box::new(x)),
                        pos: e.pos,
                        ty: pt,
                        src,
                        node: args[0].id,
                        init: Vec::new(),
                    };
                }
            }
            temps
        } else {
            // typecheckaste: each argument's conversion is placed at the
            // last argument so far with a position of its own (not a
            // name), else at the call.
            let lowered: Vec<Expr<'a>> = args.iter().map(|a| self.expr_noconv(a)).collect();
            let list: Vec<&'a ast::Expr> = args.iter().collect();
            self.conv_list(&list, lowered, e.pos)
        };
        if variadic && !has_dots && !params.is_empty() {
            let fixed = params.len() - 1;
            let slice_ty = params
                .last()
                .map(|&p| self.c.obj_type(p))
                .unwrap_or(TypeId::INVALID);
            let extra: Vec<Expr<'a>> = if list.len() > fixed {
                list.split_off(fixed)
            } else {
                Vec::new()
            };
            let dots = if extra.is_empty() {
                Expr::leaf(ExprKind::Nil, e.pos, slice_ty, Src::None, e.id)
            } else {
                Expr::leaf(
                    ExprKind::SliceLit(extra),
                    e.pos,
                    slice_ty,
                    Src::DotDotDot(e),
                    e.id,
                )
            };
            list.push(dots);
        }
        list
    }

    /// typecheck.RewriteNonNameCall: a callee expression (or method
    /// receiver) that calls or receives is evaluated first into a
    /// temporary, `t := f(); t(x)`.
    /// `recv` is the receiver's syntax for a method call (None: the
    /// callee of a function call is rewritten).
    fn rewrite_non_name(
        &mut self,
        x: Expr<'a>,
        init: &mut Vec<Stmt<'a>>,
        call: &'a ast::Expr,
        recv: Option<&'a ast::Expr>,
    ) -> Expr<'a> {
        if !calls_or_receives(&x) {
            return x;
        }
        let (pos, ty) = (self.base_pos, x.ty);
        let t = self.temp(pos, ty);
        // gc prints the call with the temporary in place.
        let tname = self.ir.vars[t.index()].name.clone();
        let text = super::fmt::node_string(call, self.c);
        let replaced = match (recv, &call.kind) {
            (Some(r), _) => {
                let rs = super::fmt::node_string(r, self.c);
                match text.find(&format!("({rs}")) {
                    Some(i) => format!("{}({tname}{}", &text[..i], &text[i + 1 + rs.len()..]),
                    None => text.replacen(&rs, &tname, 1),
                }
            }
            (None, ast::ExprKind::Call { fun, .. }) => {
                let fs = super::fmt::node_string(fun, self.c);
                match text.strip_prefix(&fs) {
                    Some(rest) => format!("{tname}{rest}"),
                    None => text,
                }
            }
            _ => text,
        };
        self.ir.print_override.insert(call.id, replaced);
        let d = Stmt {
            kind: StmtKind::Dcl(t),
            pos,
            src: Src::None,
            init: Vec::new(),
            sid: self.sid(),
        };
        init.push(d);
        let lhs = vec![Some(self.name_expr(t, pos))];
        let sid = self.sid();
        init.push(Stmt {
            kind: StmtKind::Assign {
                op: AsOp::As,
                lhs,
                rhs: vec![x],
            },
            pos,
            src: Src::None,
            init: Vec::new(),
            sid,
        });
        self.name_expr(t, pos)
    }

    /// typecheckaste's positions for the implicit conversions of a list
    /// (arguments, results): each at the last element so far that has a
    /// position of its own (ir.HasUniquePos: not a name), else at `start`.
    pub fn conv_list(
        &self,
        list: &[&'a ast::Expr],
        lowered: Vec<Expr<'a>>,
        start: crate::syntax::pos::Pos,
    ) -> Vec<Expr<'a>> {
        let mut cur = start;
        list.iter()
            .zip(lowered)
            .map(|(a, x)| {
                if !matches!(
                    x.kind,
                    ExprKind::Name(_) | ExprKind::Global | ExprKind::FuncName(_)
                ) {
                    cur = a.unparen().pos;
                }
                self.conv(a, x, cur)
            })
            .collect()
    }

    /// The builtin a callee names, if any.
    fn builtin_of(&self, fun: &ast::Expr) -> Option<BuiltinId> {
        let u = fun.unparen();
        let id = match &u.kind {
            AK::Name(_) => u.id,
            AK::Selector { sel, .. } if !self.info.selections.contains_key(&u.id) => sel.id,
            _ => return None,
        };
        let obj = self.info.object_of(id)?;
        match self.c.obj(obj).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        }
    }

    fn builtin(
        &mut self,
        e: &'a ast::Expr,
        b: BuiltinId,
        args: &'a [ast::Expr],
        has_dots: bool,
        ty: TypeId,
    ) -> Expr<'a> {
        let node = |_l: &Self, kind: ExprKind<'a>| Expr::leaf(kind, e.pos, ty, Src::Expr(e), e.id);
        let call = |l: &mut Self, kind: Builtin, args: Vec<Expr<'a>>| {
            let c = Call {
                kind: CallKind::Builtin(kind),
                fun: None,
                recv: None,
                args,
                ddd: has_dots,
                sig: TypeId::INVALID,
                method: None,
                iface_method: None,
                syntax: Some(e),
            };
            l.call_node(e, ty, Vec::new(), c)
        };
        let lowered = |l: &mut Self| -> Vec<Expr<'a>> { args.iter().map(|a| l.expr(a)).collect() };
        match b {
            BuiltinId::Append => {
                let a = lowered(self);
                call(self, Builtin::Append, a)
            }
            BuiltinId::Copy => {
                let a = lowered(self);
                call(self, Builtin::Copy, a)
            }
            BuiltinId::Panic => {
                let a = lowered(self);
                call(self, Builtin::Panic, a)
            }
            BuiltinId::Complex => {
                let a = lowered(self);
                call(self, Builtin::Complex, a)
            }
            BuiltinId::Delete | BuiltinId::Print | BuiltinId::Println | BuiltinId::Recover => {
                let a = lowered(self);
                call(self, Builtin::DiscardArgs, a)
            }
            BuiltinId::Len
            | BuiltinId::Cap
            | BuiltinId::Real
            | BuiltinId::Imag
            | BuiltinId::Close => {
                let a = lowered(self);
                call(self, Builtin::DiscardOne, a)
            }
            BuiltinId::Add => {
                let a = lowered(self);
                call(self, Builtin::UnsafeAdd, a)
            }
            BuiltinId::Slice => {
                let a = lowered(self);
                call(self, Builtin::UnsafeSlice, a)
            }
            BuiltinId::New => node(self, ExprKind::New),
            BuiltinId::Make => {
                let t = args
                    .first()
                    .map(|a| self.type_of(a))
                    .unwrap_or(TypeId::INVALID);
                let size = args.get(2).or(args.get(1)).and_then(|r| {
                    let v = self.info.value_of(r.id)?;
                    let (x, exact) = v.int64_val();
                    (exact
                        && matches!(v, crate::types::constant::Value::Int(_))
                        && i32::try_from(x).is_ok())
                    .then_some(x)
                });
                let mut rest = args.iter().skip(1).map(|a| Box::new(self.expr(a)));
                let (a1, a2) = (rest.next(), rest.next());
                let kind = match self.t.under_type(t) {
                    Type::Slice(_) => match a1 {
                        Some(len) => ExprKind::MakeSlice { len, cap: a2, size },
                        None => ExprKind::Literal,
                    },
                    Type::Map { .. } => ExprKind::MakeMap(a1),
                    Type::Chan { .. } => ExprKind::MakeChan(a1),
                    _ => ExprKind::Literal,
                };
                node(self, kind)
            }
            _ => node(self, ExprKind::Literal),
        }
    }

    /// An explicit conversion `T(x)`.
    fn conversion(
        &mut self,
        e: &'a ast::Expr,
        fun: &'a ast::Expr,
        args: &'a [ast::Expr],
        ty: TypeId,
    ) -> Expr<'a> {
        let Some(x) = args.first() else {
            return Expr::leaf(ExprKind::Literal, e.pos, ty, Src::Expr(e), e.id);
        };
        let t = self.type_of(fun);
        let s = self.type_of(x);
        let xi = Box::new(self.expr(x));
        let kind = if self.t.is_interface(t) {
            ExprKind::ConvIface(xi)
        } else if self.t.is_string(t) {
            match self.t.under_type(s) {
                Type::Slice(el)
                    if self
                        .t
                        .basic_kind(*el)
                        .is_some_and(|k| k == crate::types::basic::BasicKind::Int32) =>
                {
                    ExprKind::StrConv(StrConv::Runes2Str, xi)
                }
                Type::Slice(_) => ExprKind::StrConv(StrConv::Bytes2Str, xi),
                _ if self.t.is_integer(s) => ExprKind::StrConv(StrConv::RuneStr, xi),
                _ => ExprKind::Conv(xi),
            }
        } else if self.t.is_string(s) {
            match self.t.under_type(t) {
                Type::Slice(el)
                    if self
                        .t
                        .basic_kind(*el)
                        .is_some_and(|k| k == crate::types::basic::BasicKind::Int32) =>
                {
                    ExprKind::StrConv(StrConv::Str2Runes, xi)
                }
                Type::Slice(_) => ExprKind::StrConv(StrConv::Str2Bytes, xi),
                _ => ExprKind::Conv(xi),
            }
        } else if self.t.ptr_to_array(t) && self.t.is_slice(s) {
            ExprKind::Slice2ArrPtr(xi)
        } else {
            ExprKind::Conv(xi)
        };
        Expr::leaf(kind, e.pos, ty, Src::Expr(e), e.id)
    }
}

/// typecheck's callOrChan over a tree (ir.Any), `new` excepted.
fn calls_or_receives(x: &Expr<'_>) -> bool {
    struct Find(bool);
    impl<'a> super::visit::Visitor<'a> for Find {
        fn expr(&mut self, e: &Expr<'a>) {
            if matches!(
                e.kind,
                ExprKind::Call(_)
                    | ExprKind::Recv(_)
                    | ExprKind::MakeSlice { .. }
                    | ExprKind::MakeMap(_)
                    | ExprKind::MakeChan(_)
            ) {
                self.0 = true;
            }
        }
    }
    let mut f = Find(false);
    super::visit::expr(&mut f, x);
    f.0
}
