//! Statements into the escape IR (gc's noder/stmt.go), with the dead-code
//! elimination gc runs before escape analysis (deadcode.go): the branch of
//! an `if` with a constant condition that can never run is dropped, and so
//! is the rest of a block after an always-taken branch that returns or
//! panics. Code that gc drops is never analysed and gets no diagnostics.
//!
//! Invariants: a nested block, a declaration statement and a labeled
//! statement are spliced into the enclosing list, as irgen's `stmts` does
//! (so a looping label raises the loop depth until the end of the
//! enclosing block); `x := v` and `var x = v` put the variables' `Dcl` in
//! the assignment's `init` and make the assignment their `Defn`.

use super::ir::*;
use super::lower::Lower;
use crate::syntax::ast::{self, BranchTok, CallTok, ExprKind as AK, Operator, StmtKind as SK};
use crate::syntax::pos::Pos;
use crate::types::constant::Value;
use crate::types::ty::TypeId;

impl<'c, 'a> Lower<'c, 'a> {
    /// Lowers a statement list, splicing blocks and removing dead code.
    pub fn block(&mut self, stmts: &'a [ast::Stmt]) -> Vec<Stmt<'a>> {
        let mut out = Vec::new();
        for s in stmts {
            self.stmt(s, &mut out);
        }
        deadcode_cut(&mut out);
        out
    }

    fn mk(&mut self, kind: StmtKind<'a>, pos: Pos, src: Src<'a>) -> Stmt<'a> {
        let sid = self.sid();
        Stmt {
            kind,
            pos,
            src,
            init: Vec::new(),
            sid,
        }
    }

    fn stmt(&mut self, s: &'a ast::Stmt, out: &mut Vec<Stmt<'a>>) {
        let src = Src::Stmt(s);
        match &s.kind {
            SK::Empty => {}
            SK::Labeled { label, stmt } => {
                let l = self.mk(StmtKind::Label(label.sym), s.pos, src);
                out.push(l);
                self.stmt(stmt, out);
            }
            SK::Block(b) => {
                for x in &b.stmts {
                    self.stmt(x, out);
                }
            }
            SK::Expr(e) => {
                let x = self.expr(e);
                let kind = match x.kind {
                    ExprKind::Recv(_) => StmtKind::Recv(x),
                    _ => StmtKind::Call(x),
                };
                let st = self.mk(kind, s.pos, src);
                out.push(st);
            }
            SK::Send { chan, value } => {
                let ch = self.expr(chan);
                let value = self.expr(value);
                let st = self.mk(StmtKind::Send { ch, value }, s.pos, src);
                out.push(st);
            }
            SK::Decl(decls) => {
                for d in decls {
                    if let ast::Decl::Var(vd) = d {
                        self.var_decl(vd, out);
                    }
                }
            }
            SK::Assign { op, lhs, rhs } => self.assign(s, *op, lhs, rhs.as_ref(), out),
            SK::Branch { tok, label } => {
                let kind = match (tok, label) {
                    (BranchTok::Goto, Some(l)) => StmtKind::Goto(l.sym),
                    _ => StmtKind::Nop,
                };
                let st = self.mk(kind, s.pos, src);
                out.push(st);
            }
            SK::Call { tok, call } => {
                let call = self.expr(call);
                let st = self.mk(
                    StmtKind::GoDefer {
                        defer: *tok == CallTok::Defer,
                        call,
                    },
                    s.pos,
                    src,
                );
                out.push(st);
            }
            SK::Return { results } => {
                let st = self.return_stmt(s, results.as_ref());
                out.push(st);
            }
            SK::If { .. } => {
                let st = self.if_stmt(s);
                out.push(st);
            }
            SK::For {
                init,
                cond,
                post,
                body,
            } => {
                let st = self.for_stmt(s, init.as_deref(), cond.as_ref(), post.as_deref(), body);
                out.push(st);
            }
            SK::Range { .. } => {}
            SK::Switch {
                init, tag, body, ..
            } => {
                let st = self.switch_stmt(s, init.as_deref(), tag.as_ref(), body);
                out.push(st);
            }
            SK::Select { body, .. } => {
                let mut cases = Vec::new();
                for cl in body {
                    let comm = cl.comm.as_deref().and_then(|c| self.comm(c));
                    let b = self.block(&cl.body);
                    cases.push((comm, b));
                }
                let st = self.mk(StmtKind::Select(cases), s.pos, src);
                out.push(st);
            }
        }
    }

    /// `var a, b T = x, y` inside a function.
    fn var_decl(&mut self, vd: &'a ast::VarDecl, out: &mut Vec<Stmt<'a>>) {
        let vars: Vec<Option<VarId>> = vd
            .names
            .iter()
            .map(|n| {
                let obj = self.info.def_of(n.id).flatten()?;
                if n.is_blank() {
                    return None;
                }
                Some(self.local(obj))
            })
            .collect();
        let values: Vec<&'a ast::Expr> = vd
            .values
            .as_ref()
            .map(|v| v.unpack_list().iter().collect())
            .unwrap_or_default();
        if !values.is_empty() && values.len() != vars.len() {
            // var a, b = f()
            let op = self.as2_op(values[0]);
            let sid = self.sid();
            let value = self.expr_noconv(values[0]);
            let mut lhs = Vec::new();
            for v in &vars {
                if let Some(v) = *v {
                    let d = self.mk(StmtKind::Dcl(v), vd.pos, Src::None);
                    out.push(d);
                    self.ir.vars[v.index()].defn = Defn::Stmt(sid);
                }
                lhs.push(v.map(|v| self.name_expr(v, vd.pos)));
            }
            let mut op = op;
            let mut init = Vec::new();
            let mut rhs = vec![value];
            if op == AsOp::As2Func {
                let lhs_types: Vec<Option<TypeId>> = vd
                    .names
                    .iter()
                    .map(|n| self.info.def_of(n.id).flatten().map(|o| self.c.obj_type(o)))
                    .collect();
                if let Some(call) = rhs.pop() {
                    match self.mismatched_multi(&lhs_types, values[0], call, &mut init) {
                        Ok(list) => {
                            op = AsOp::As2;
                            rhs = list;
                        }
                        Err(call) => rhs.push(call),
                    }
                }
            }
            out.push(Stmt {
                kind: StmtKind::Assign { op, lhs, rhs },
                pos: vd.pos,
                src: Src::VarSpec(vd),
                init,
                sid,
            });
            return;
        }
        let mut lowered: Vec<Option<Expr<'a>>> =
            values.iter().map(|x| Some(self.expr_noconv(x))).collect();
        let pos = self.base_pos;
        for (i, v) in vars.iter().enumerate() {
            if let Some(v) = *v {
                let d = self.mk(StmtKind::Dcl(v), vd.pos, Src::None);
                out.push(d);
            }
            let sid = self.sid();
            let rhs: Vec<Expr<'a>> =
                match (values.get(i), lowered.get_mut(i).and_then(|x| x.take())) {
                    (Some(x), Some(xi)) => {
                        let xi = self.conv(x, xi, pos);
                        if let Some(v) = *v {
                            self.ir.vars[v.index()].defn = Defn::Stmt(sid);
                            let srhs = self.static_rhs(x);
                            self.ir.vars[v.index()].static_rhs = Some(srhs);
                        }
                        vec![xi]
                    }
                    _ => Vec::new(),
                };
            let lhs = vec![v.map(|v| self.name_expr(v, vd.pos))];
            out.push(Stmt {
                kind: StmtKind::Assign {
                    op: AsOp::As,
                    lhs,
                    rhs,
                },
                pos: vd.pos,
                src: Src::VarSpec(vd),
                init: Vec::new(),
                sid,
            });
        }
    }

    /// A reference to variable v.
    pub fn name_expr(&mut self, v: VarId, pos: Pos) -> Expr<'a> {
        self.capture(v, pos);
        let ty = self.ir.vars[v.index()].ty;
        Expr::leaf(ExprKind::Name(v), pos, ty, Src::Var(v), ast::NodeId(0))
    }

    /// The destinations of an assignment; with `def`, new names are
    /// declared (their Dcl appended to `init`, their Defn set to `sid`).
    fn assign_lhs(
        &mut self,
        lhs: &'a ast::Expr,
        def: bool,
        sid: u32,
        init: &mut Vec<Stmt<'a>>,
    ) -> Vec<Option<Expr<'a>>> {
        let mut out = Vec::new();
        for x in lhs.unpack_list() {
            if let AK::Name(sym) = &x.kind {
                if sym.as_str() == "_" {
                    out.push(None);
                    continue;
                }
                if def {
                    if let Some(Some(obj)) = self.info.def_of(x.id) {
                        let v = self.local(obj);
                        let d = self.mk(StmtKind::Dcl(v), x.pos, Src::None);
                        init.push(d);
                        self.ir.vars[v.index()].defn = Defn::Stmt(sid);
                        out.push(Some(self.name_expr(v, x.pos)));
                        continue;
                    }
                }
            }
            out.push(Some(self.expr(x)));
        }
        out
    }

    fn assign(
        &mut self,
        s: &'a ast::Stmt,
        op: Option<Operator>,
        lhs: &'a ast::Expr,
        rhs: Option<&'a ast::Expr>,
        out: &mut Vec<Stmt<'a>>,
    ) {
        let src = Src::Stmt(s);
        match op {
            Some(Operator::Def) | None => {}
            Some(_) => {
                // x op= y, x++, x--
                let y = match rhs {
                    Some(r) => self.expr(r),
                    None => Expr::leaf(
                        ExprKind::Literal,
                        s.pos,
                        TypeId::INVALID,
                        Src::None,
                        ast::NodeId(0),
                    ),
                };
                let x = self.expr(lhs);
                let st = self.mk(
                    StmtKind::Assign {
                        op: AsOp::AsOp,
                        lhs: vec![Some(x)],
                        rhs: vec![y],
                    },
                    s.pos,
                    src,
                );
                out.push(st);
                return;
            }
        }
        let Some(rhs) = rhs else {
            return;
        };
        let def = op == Some(Operator::Def);
        let sid = self.sid();
        let rhs_list = rhs.unpack_list();
        // Evaluate the sources first, as irgen does; their implicit
        // conversions are made after the destinations (transformAssign).
        let rhs_ir: Vec<Expr<'a>> = rhs_list.iter().map(|r| self.expr_noconv(r)).collect();
        let mut init = Vec::new();
        let lhs_ir = self.assign_lhs(lhs, def, sid, &mut init);
        let op = if lhs_ir.len() == 1 && rhs_ir.len() == 1 {
            AsOp::As
        } else if lhs_ir.len() == rhs_ir.len() {
            AsOp::As2
        } else {
            rhs_list
                .first()
                .map(|r| self.as2_op(r))
                .unwrap_or(AsOp::As2)
        };
        let mut op = op;
        let mut rhs_ir = rhs_ir;
        if op == AsOp::As2Func {
            let lhs_types: Vec<Option<TypeId>> =
                lhs_ir.iter().map(|l| l.as_ref().map(|x| x.ty)).collect();
            if let Some(call) = rhs_ir.pop() {
                match self.mismatched_multi(&lhs_types, &rhs_list[0], call, &mut init) {
                    Ok(list) => {
                        op = AsOp::As2;
                        rhs_ir = list;
                    }
                    Err(call) => rhs_ir.push(call),
                }
            }
        }
        let rhs_ir: Vec<Expr<'a>> =
            if matches!(op, AsOp::As | AsOp::As2) && rhs_ir.len() == rhs_list.len() {
                let pos = self.base_pos;
                rhs_list
                    .iter()
                    .zip(rhs_ir)
                    .map(|(r, x)| self.conv(r, x, pos))
                    .collect()
            } else {
                // v, ok = x.(T) / m[k] / <-c: the conversion happens after
                // escape analysis (order's as2ok).
                rhs_ir
            };
        if matches!(op, AsOp::As | AsOp::As2) {
            for (l, r) in lhs.unpack_list().iter().zip(rhs_list) {
                if let Some(Some(obj)) = self.info.def_of(l.id) {
                    if let Some(&v) = self.var_of_obj.get(&obj) {
                        if self.ir.vars[v.index()].defn == Defn::Stmt(sid) {
                            let srhs = self.static_rhs(r);
                            self.ir.vars[v.index()].static_rhs = Some(srhs);
                        }
                    }
                }
            }
        }
        out.push(Stmt {
            kind: StmtKind::Assign {
                op,
                lhs: lhs_ir,
                rhs: rhs_ir,
            },
            pos: s.pos,
            src,
            init,
            sid,
        });
    }

    fn return_stmt(&mut self, s: &'a ast::Stmt, results: Option<&'a ast::Expr>) -> Stmt<'a> {
        let list: Vec<&'a ast::Expr> = results
            .map(|r| r.unpack_list().iter().collect())
            .unwrap_or_default();
        let nres = self.ir.funcs[self.cur.index()].results.len();
        let mut init = Vec::new();
        let res = if list.len() == 1 && nres > 1 {
            // return f(): t1, t2 := f(); return t1, t2
            self.multi_value(list[0], &mut init)
        } else {
            // typecheckaste(ORETURN): conversions at the last result so far
            // with a position of its own, else where lowering left off.
            let lowered: Vec<Expr<'a>> = list.iter().map(|r| self.expr_noconv(r)).collect();
            let start = self.base_pos;
            self.conv_list(&list, lowered, start)
        };
        let mut st = self.mk(StmtKind::Return(res), s.pos, Src::Stmt(s));
        st.init = init;
        st
    }

    /// typecheck.RewriteMultiValueCall for `a, b = f()` whose destinations
    /// do not have exactly f's result types: the results go to temporaries
    /// first (an OAS2FUNC in `init`), then are assigned, converted, to the
    /// destinations. Err gives the call back when no rewrite is needed.
    fn mismatched_multi(
        &mut self,
        lhs_types: &[Option<TypeId>],
        call_syn: &'a ast::Expr,
        call: Expr<'a>,
        init: &mut Vec<Stmt<'a>>,
    ) -> Result<Vec<Expr<'a>>, Expr<'a>> {
        let results = self.t.tuple(self.type_of(call_syn)).to_vec();
        let mismatch = lhs_types
            .iter()
            .zip(&results)
            .any(|(l, &r)| l.is_some_and(|l| l != self.c.obj_type(r)));
        if !mismatch || results.len() != lhs_types.len() {
            return Err(call);
        }
        let pos = self.base_pos;
        let sid = self.sid();
        let mut temps = Vec::new();
        for &r in &results {
            let t = self.temp(pos, self.c.obj_type(r));
            self.ir.vars[t.index()].defn = Defn::Stmt(sid);
            let d = self.mk(StmtKind::Dcl(t), pos, Src::None);
            init.push(d);
            temps.push(t);
        }
        let lhs = temps
            .iter()
            .map(|&t| Some(self.name_expr(t, pos)))
            .collect();
        init.push(Stmt {
            kind: StmtKind::Assign {
                op: AsOp::As2Func,
                lhs,
                rhs: vec![call],
            },
            pos,
            src: Src::None,
            init: Vec::new(),
            sid,
        });
        let mut out = Vec::new();
        for (i, &t) in temps.iter().enumerate() {
            let x = self.name_expr(t, pos);
            let lt = lhs_types.get(i).copied().flatten();
            let converted =
                lt.is_some_and(|lt| self.t.is_interface(lt) && !self.t.is_interface(x.ty));
            out.push(if converted {
                let src = x.src;
                Expr {
                    kind: ExprKind::ConvIface(Box::new(x)),
                    pos,
                    ty: lt.unwrap_or(TypeId::INVALID),
                    src,
                    node: call_syn.id,
                    init: Vec::new(),
                }
            } else {
                x
            });
        }
        Ok(out)
    }

    /// typecheck.RewriteMultiValueCall: the results of a multi-value call
    /// go to temporaries (an OAS2FUNC in `init`), which are used instead.
    pub fn multi_value(&mut self, call: &'a ast::Expr, init: &mut Vec<Stmt<'a>>) -> Vec<Expr<'a>> {
        let ty = self.type_of(call);
        let vars = self.t.tuple(ty).to_vec();
        let pos = call.pos;
        let mut temps = Vec::new();
        for v in vars {
            let vt = self.c.obj_type(v);
            temps.push(self.temp(pos, vt));
        }
        let rhs = vec![self.expr(call)];
        let sid = self.sid();
        let mut lhs = Vec::new();
        for &t in &temps {
            self.ir.vars[t.index()].defn = Defn::Stmt(sid);
            let d = self.mk(StmtKind::Dcl(t), pos, Src::None);
            init.push(d);
            lhs.push(Some(self.name_expr(t, pos)));
        }
        init.push(Stmt {
            kind: StmtKind::Assign {
                op: AsOp::As2Func,
                lhs,
                rhs,
            },
            pos,
            src: Src::None,
            init: Vec::new(),
            sid,
        });
        temps.into_iter().map(|t| self.name_expr(t, pos)).collect()
    }

    fn if_stmt(&mut self, s: &'a ast::Stmt) -> Stmt<'a> {
        let SK::If {
            init,
            cond,
            then,
            els,
        } = &s.kind
        else {
            return self.mk(StmtKind::Nop, s.pos, Src::None);
        };
        let mut init_out = Vec::new();
        if let Some(i) = init {
            self.stmt(i, &mut init_out);
        }
        let known = cond.as_ref().and_then(|c| self.const_bool(c));
        let cond_ir = match cond {
            Some(c) if known.is_none() => self.expr(c),
            _ => Expr::leaf(
                ExprKind::Literal,
                s.pos,
                TypeId::INVALID,
                Src::None,
                ast::NodeId(0),
            ),
        };
        let body = if known == Some(false) {
            Vec::new()
        } else {
            self.block(&then.stmts)
        };
        let els_ir = match (els, known) {
            (Some(_), Some(true)) | (None, _) => Vec::new(),
            (Some(e), _) => {
                let mut v = Vec::new();
                self.stmt(e, &mut v);
                deadcode_cut(&mut v);
                v
            }
        };
        let mut st = self.mk(
            StmtKind::If {
                cond: cond_ir,
                body,
                els: els_ir,
                known,
            },
            s.pos,
            Src::Stmt(s),
        );
        st.init = init_out;
        st
    }

    /// deadcode.expr and ir.IsConst: the value of a condition gc knows
    /// before escape analysis.
    fn const_bool(&self, e: &ast::Expr) -> Option<bool> {
        if let Some(Value::Bool(b)) = self.info.value_of(e.id) {
            return Some(*b);
        }
        match &e.kind {
            AK::Paren(x) => self.const_bool(x),
            AK::Operation {
                op: Operator::AndAnd,
                x,
                y: Some(y),
            } => match self.const_bool(x)? {
                true => self.const_bool(y),
                false => Some(false),
            },
            AK::Operation {
                op: Operator::OrOr,
                x,
                y: Some(y),
            } => match self.const_bool(x)? {
                true => Some(true),
                false => self.const_bool(y),
            },
            _ => None,
        }
    }

    fn for_stmt(
        &mut self,
        s: &'a ast::Stmt,
        init: Option<&'a ast::Stmt>,
        cond: Option<&'a ast::Expr>,
        post: Option<&'a ast::Stmt>,
        body: &'a ast::Block,
    ) -> Stmt<'a> {
        if let Some(ast::Stmt {
            kind: SK::Range { lhs, def, x },
            pos,
            ..
        }) = init
        {
            let sid = self.sid();
            let x_ir = self.expr(x);
            let mut init_out = Vec::new();
            let mut kv = match lhs {
                Some(l) => self.assign_lhs(l, *def, sid, &mut init_out),
                None => Vec::new(),
            };
            kv.resize_with(2, || None);
            let value = kv.pop().flatten();
            let key = kv.pop().flatten();
            let body = self.block(&body.stmts);
            return Stmt {
                kind: StmtKind::Range {
                    key,
                    value,
                    x: x_ir,
                    body,
                },
                pos: *pos,
                src: Src::Stmt(s),
                init: init_out,
                sid,
            };
        }
        let mut init_out = Vec::new();
        if let Some(i) = init {
            self.stmt(i, &mut init_out);
        }
        let cond = cond.map(|c| self.expr(c));
        let post = post.and_then(|p| {
            let mut v = Vec::new();
            self.stmt(p, &mut v);
            v.pop().map(Box::new)
        });
        let body = self.block(&body.stmts);
        let mut st = self.mk(StmtKind::For { cond, post, body }, s.pos, Src::Stmt(s));
        st.init = init_out;
        st
    }

    fn switch_stmt(
        &mut self,
        s: &'a ast::Stmt,
        init: Option<&'a ast::Stmt>,
        tag: Option<&'a ast::Expr>,
        body: &'a [ast::CaseClause],
    ) -> Stmt<'a> {
        let mut init_out = Vec::new();
        if let Some(i) = init {
            self.stmt(i, &mut init_out);
        }
        let mut guard = None;
        let mut tag_ir = None;
        match tag {
            Some(ast::Expr {
                kind: AK::TypeSwitchGuard { lhs, x },
                ..
            }) => guard = Some((self.expr(x), lhs.is_some())),
            Some(t) => tag_ir = Some(self.expr(t)),
            None => {}
        }
        let sid = self.sid();
        let mut cases = Vec::new();
        // deadcode.go: a switch on a constant keeps only the case that
        // matches (or default, or nothing); the items of that case other
        // than the matching one go too.
        let live = if guard.is_none() {
            self.const_switch(tag, body)
        } else {
            None
        };
        for (ci, cl) in body.iter().enumerate() {
            let only_item = match &live {
                Some(l) if l.0 != Some(ci) => continue,
                Some(l) => l.1,
                None => None,
            };
            let var = if guard.is_some() {
                self.info.implicits.get(&cl.pos).map(|&obj| {
                    let v = self.local(obj);
                    self.ir.vars[v.index()].pos = cl.colon;
                    self.ir.vars[v.index()].defn = Defn::Stmt(sid);
                    v
                })
            } else {
                None
            };
            let list = match &cl.cases {
                Some(c) => c
                    .unpack_list()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| only_item.is_none_or(|o| o == *i))
                    .map(|(_, x)| self.expr(x))
                    .collect(),
                None => Vec::new(),
            };
            let b = self.block(&cl.body);
            cases.push(Case {
                list,
                body: b,
                var,
                pos: cl.pos,
                syntax: Some(cl),
            });
        }
        Stmt {
            kind: StmtKind::Switch {
                tag: tag_ir,
                guard,
                cases,
            },
            pos: s.pos,
            src: Src::Stmt(s),
            init: init_out,
            sid,
        }
    }

    /// deadcode's constant switch: Some((clause kept or None, item kept))
    /// when the tag (true if absent) and every case are constants.
    fn const_switch(
        &self,
        tag: Option<&'a ast::Expr>,
        body: &'a [ast::CaseClause],
    ) -> Option<(Option<usize>, Option<usize>)> {
        let x = match tag {
            Some(t) => self.info.type_of(t.id)?.val.clone()?,
            None => Value::Bool(true),
        };
        let has_fall = |cl: &ast::CaseClause| {
            cl.body.iter().any(|s| {
                matches!(
                    s.kind,
                    SK::Branch {
                        tok: BranchTok::Fallthrough,
                        ..
                    }
                )
            })
        };
        let mut default = None;
        for (ci, cl) in body.iter().enumerate() {
            let Some(list) = &cl.cases else {
                default = Some(ci);
                continue;
            };
            for (i, c) in list.unpack_list().iter().enumerate() {
                let v = self.info.value_of(c.id)?;
                if const_eq(&x, v)? {
                    if has_fall(cl) {
                        return None;
                    }
                    return Some((Some(ci), Some(i)));
                }
            }
        }
        if let Some(d) = default {
            if has_fall(&body[d]) {
                return None;
            }
            return Some((Some(d), None));
        }
        Some((None, None))
    }

    /// The communication of a select case.
    fn comm(&mut self, c: &'a ast::Stmt) -> Option<Stmt<'a>> {
        match &c.kind {
            SK::Assign {
                op,
                lhs,
                rhs: Some(rhs),
            } if matches!(op, None | Some(Operator::Def)) => {
                let sid = self.sid();
                // The received value is converted later (walk), not here.
                let r = self.expr_noconv(rhs);
                let mut init = Vec::new();
                let mut l = self.assign_lhs(lhs, *op == Some(Operator::Def), sid, &mut init);
                l.resize_with(2, || None);
                Some(Stmt {
                    kind: StmtKind::Assign {
                        op: AsOp::SelRecv2,
                        lhs: l,
                        rhs: vec![r],
                    },
                    pos: c.pos,
                    src: Src::Stmt(c),
                    init,
                    sid,
                })
            }
            _ => {
                let mut v = Vec::new();
                self.stmt(c, &mut v);
                v.pop()
            }
        }
    }
}

/// deadcode.stmts' cut: after an `if` with a constant condition whose live
/// branch ends in a return or panic, the rest of the list is dead (unless
/// a label follows, which a goto may target).
fn deadcode_cut(list: &mut Vec<Stmt<'_>>) {
    let last_label = list
        .iter()
        .rposition(|s| matches!(s.kind, StmtKind::Label(_)));
    let mut cut_at = None;
    for (i, s) in list.iter().enumerate() {
        let StmtKind::If {
            body, els, known, ..
        } = &s.kind
        else {
            continue;
        };
        let live = match known {
            Some(true) => body,
            Some(false) => els,
            None => continue,
        };
        let ends = live.last().is_some_and(|l| match &l.kind {
            StmtKind::Return(_) => true,
            StmtKind::Call(e) => {
                matches!(&e.kind, ExprKind::Call(c) if c.kind == CallKind::Builtin(Builtin::Panic))
            }
            _ => false,
        });
        if ends && last_label.is_none_or(|l| i > l) {
            cut_at = Some(i + 1);
            break;
        }
    }
    if let Some(n) = cut_at {
        list.truncate(n);
    }
}

/// constant.Compare(x, ==, y) for the kinds a switch compares; None when
/// the kinds are not comparable here.
fn const_eq(x: &Value, y: &Value) -> Option<bool> {
    match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => Some(a == b),
        (Value::Int(_), Value::Int(_)) => {
            let ((a, ea), (b, eb)) = (x.int64_val(), y.int64_val());
            (ea && eb).then_some(a == b)
        }
        (Value::String(_), Value::String(_)) => Some(x.string_val() == y.string_val()),
        _ => None,
    }
}
