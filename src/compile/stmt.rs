//! Statements and control flow: blocks, if, for, switch, labels and
//! branches, returns (assignments: assign.rs; conditions: cond.rs; range
//! loops: range.rs).
//!
//! Temporaries a statement allocates are released when it ends (the slot
//! counter goes back to its mark); variables declared inside live until
//! their enclosing statement ends, which is their scope.

use goscope_runtime::vm::Op;

use super::func::{Loc, Target};
use super::{CResult, Compiler};
use crate::syntax::ast::{BranchTok, Decl, Expr, ExprKind, Operator, Stmt, StmtKind};
use crate::types::object::ObjId;

impl<'c, 'a> Compiler<'c, 'a> {
    pub(super) fn block(&mut self, stmts: &[Stmt]) -> CResult<()> {
        let mark = self.f.next;
        for s in stmts {
            self.stmt(s, None)?;
        }
        self.f.next = mark;
        Ok(())
    }

    /// A loop's body, with `break` and `continue` (unlabeled, or labeled
    /// `label`) going to `brk` and `cont`; `cont` is placed after it.
    pub(super) fn loop_body(
        &mut self,
        label: Option<String>,
        brk: usize,
        cont: usize,
        body: &[Stmt],
    ) -> CResult<()> {
        self.f.targets.push(Target {
            label,
            brk,
            cont: Some(cont),
        });
        self.block(body)?;
        self.f.targets.pop();
        self.f.place(cont);
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &Stmt, label: Option<String>) -> CResult<()> {
        self.set_line(s.pos);
        let mark = self.f.next;
        let hoisted = self.order_stmt(s)?;
        let r = self.stmt_inner(s, label);
        self.unorder(hoisted);
        // Variables declared by this statement stay; its temporaries go.
        if !matches!(
            s.kind,
            StmtKind::Decl(_)
                | StmtKind::Assign {
                    op: Some(Operator::Def),
                    ..
                }
        ) {
            self.f.next = mark;
        }
        r
    }

    /// Evaluates ahead what gc's order pass evaluates ahead of a simple
    /// statement (order.rs); compound statements order their conditions
    /// where they are evaluated.
    fn order_stmt(&mut self, s: &Stmt) -> CResult<super::order::Hoisted> {
        match &s.kind {
            StmtKind::Expr(e) => self.order_in_place(&[e]),
            StmtKind::Decl(ds) => match &ds[..] {
                [Decl::Var(v)] => {
                    let values: Vec<&Expr> = v
                        .values
                        .as_ref()
                        .map(|x| x.unpack_list().iter().collect())
                        .unwrap_or_default();
                    self.order_in_place(&values)
                }
                _ => Ok(Default::default()),
            },
            StmtKind::Assign {
                op: op @ (None | Some(Operator::Def)),
                lhs,
                rhs: Some(rhs),
            } => {
                let values: Vec<&Expr> = rhs.unpack_list().iter().collect();
                let places: Vec<&Expr> = lhs
                    .unpack_list()
                    .iter()
                    .filter(|l| op.is_none() && l.unparen().as_name().is_none())
                    .collect();
                if places.is_empty() {
                    self.order_in_place(&values)
                } else {
                    // `a[i] = f()`: f runs before a and i are read.
                    let all: Vec<&Expr> = places.into_iter().chain(values).collect();
                    self.order(&all, None)
                }
            }
            StmtKind::Return { results: Some(r) } => {
                let values: Vec<&Expr> = r.unpack_list().iter().collect();
                self.order_in_place(&values)
            }
            // go and defer: gc first copies each argument into a
            // temporary of its own, left to right (wrapGoDefer).
            _ => Ok(Default::default()),
        }
    }

    fn stmt_inner(&mut self, s: &Stmt, label: Option<String>) -> CResult<()> {
        match &s.kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::Expr(e) => {
                if let ExprKind::Call { .. } = &e.unparen().kind {
                    self.call(e)?;
                    Ok(())
                } else {
                    self.expr(e).map(|_| ())
                }
            }
            StmtKind::Decl(ds) => {
                for d in ds {
                    if let Decl::Var(v) = d {
                        let objs: Vec<Option<ObjId>> = v
                            .names
                            .iter()
                            .map(|n| self.c.info.def_of(n.id).flatten())
                            .collect();
                        let values: Vec<&Expr> = v
                            .values
                            .as_ref()
                            .map(|x| x.unpack_list().iter().collect())
                            .unwrap_or_default();
                        self.define(&objs, &values, s)?;
                    }
                }
                Ok(())
            }
            StmtKind::Assign { op, lhs, rhs } => self.assign(s, *op, lhs, rhs.as_ref()),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                let mark = self.f.next;
                if let Some(i) = init {
                    self.stmt(i, None)?;
                }
                if let (Some(c), None) = (cond, els) {
                    if self.if_branch(c, &then.stmts)? {
                        self.f.next = mark;
                        return Ok(());
                    }
                }
                let else_l = self.f.new_label();
                let end = self.f.new_label();
                if let Some(c) = cond {
                    self.cond_jump(c, false, else_l)?;
                }
                self.block(&then.stmts)?;
                if els.is_some() {
                    self.f.jmp(end);
                }
                self.f.place(else_l);
                if let Some(e) = els {
                    self.stmt(e, None)?;
                }
                self.f.place(end);
                self.f.next = mark;
                Ok(())
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    if let StmtKind::Range { lhs, def, x } = &i.kind {
                        return self.range(lhs.as_ref(), *def, x, &body.stmts, label);
                    }
                    self.stmt(i, None)?;
                }
                let top = self.f.new_label();
                let test = self.f.new_label();
                let cont = self.f.new_label();
                let brk = self.f.new_label();
                self.f.jmp(test);
                self.f.place(top);
                self.loop_body(label, brk, cont, &body.stmts)?;
                if let Some(p) = post {
                    self.stmt(p, None)?;
                }
                self.f.place(test);
                match cond {
                    Some(c) => {
                        self.set_line(c.pos);
                        self.cond_jump(c, true, top)?
                    }
                    None => self.f.jmp(top),
                }
                self.f.place(brk);
                Ok(())
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i, None)?;
                }
                if let Some(
                    g @ Expr {
                        kind: ExprKind::TypeSwitchGuard { .. },
                        ..
                    },
                ) = tag
                {
                    return self.type_switch(s, g, body, label);
                }
                let tagv = match tag {
                    Some(t) => {
                        // The tag may be converted to an interface (a case
                        // is one): its value has the converted type.
                        let ty = self.conv_target(t).unwrap_or(self.ty(t));
                        let v = self.temp(ty);
                        let hoisted = self.order_in_place(&[t])?;
                        self.expr_to(t, v)?;
                        self.unorder(hoisted);
                        Some((v, ty))
                    }
                    None => None,
                };
                let end = self.f.new_label();
                let bodies: Vec<usize> = body.iter().map(|_| self.f.new_label()).collect();
                let mut default = None;
                for (i, cl) in body.iter().enumerate() {
                    let Some(cases) = &cl.cases else {
                        default = Some(bodies[i]);
                        continue;
                    };
                    for c in cases.unpack_list() {
                        self.set_line(c.pos);
                        match tagv {
                            Some((v, t)) => self.case_eq(v, t, c, bodies[i])?,
                            None => self.cond_jump(c, true, bodies[i])?,
                        }
                    }
                }
                self.f.jmp(default.unwrap_or(end));
                self.f.targets.push(Target {
                    label,
                    brk: end,
                    cont: None,
                });
                for (i, cl) in body.iter().enumerate() {
                    self.f.place(bodies[i]);
                    let falls = matches!(
                        cl.body.last(),
                        Some(Stmt {
                            kind: StmtKind::Branch {
                                tok: BranchTok::Fallthrough,
                                ..
                            },
                            ..
                        })
                    );
                    self.f.fallthrough_to = bodies.get(i + 1).copied();
                    self.block(&cl.body)?;
                    if !falls {
                        self.f.jmp(end);
                    }
                }
                self.f.targets.pop();
                self.f.place(end);
                Ok(())
            }
            StmtKind::Labeled { label: l, stmt } => {
                let name = l.sym.as_str().to_string();
                let at = self.goto_label(&name);
                self.f.place(at);
                self.stmt(stmt, Some(name))
            }
            StmtKind::Branch { tok, label } => {
                let name = label.as_ref().map(|l| l.sym.as_str().to_string());
                match self.branch_target(*tok, name) {
                    Some(l) => {
                        self.f.jmp(l);
                        Ok(())
                    }
                    None => Err(self.unsupported(s.pos, "this branch")),
                }
            }
            StmtKind::Return { results } => {
                let rs: Vec<&Expr> = results
                    .as_ref()
                    .map(|r| r.unpack_list().iter().collect())
                    .unwrap_or_default();
                self.return_stmt(&rs)
            }
            StmtKind::Call {
                tok: crate::syntax::ast::CallTok::Defer,
                call,
            } => self.defer_stmt(call),
            StmtKind::Call { .. } => Err(self.unsupported(s.pos, "goroutines")),
            StmtKind::Send { .. } | StmtKind::Select { .. } => {
                Err(self.unsupported(s.pos, "channels"))
            }
            StmtKind::Range { .. } => Err(self.unsupported(s.pos, "range")),
        }
    }

    /// The label a branch statement jumps to.
    fn branch_target(&mut self, tok: BranchTok, name: Option<String>) -> Option<usize> {
        match tok {
            BranchTok::Goto => Some(self.goto_label(name.as_deref().unwrap_or(""))),
            BranchTok::Fallthrough => self.f.fallthrough_to,
            BranchTok::Break => self
                .f
                .targets
                .iter()
                .rev()
                .find(|t| name.is_none() || t.label == name)
                .map(|t| t.brk),
            BranchTok::Continue => self
                .f
                .targets
                .iter()
                .rev()
                .filter(|t| t.cont.is_some())
                .find(|t| name.is_none() || t.label == name)
                .and_then(|t| t.cont),
        }
    }

    /// `if cond { break }` (or continue, goto): one conditional jump to
    /// the branch's target; false, with nothing emitted, for other ifs.
    fn if_branch(&mut self, cond: &Expr, then: &[Stmt]) -> CResult<bool> {
        let [Stmt {
            kind: StmtKind::Branch { tok, label },
            ..
        }] = then
        else {
            return Ok(false);
        };
        if *tok == BranchTok::Fallthrough {
            return Ok(false);
        }
        let name = label.as_ref().map(|l| l.sym.as_str().to_string());
        let Some(l) = self.branch_target(*tok, name) else {
            return Ok(false);
        };
        self.cond_jump(cond, true, l)?;
        Ok(true)
    }

    fn goto_label(&mut self, name: &str) -> usize {
        if let Some(l) = self.f.goto_labels.get(name) {
            return *l;
        }
        let l = self.f.new_label();
        self.f.goto_labels.insert(name.to_string(), l);
        l
    }

    /// Returns: results into the result slots, then Ret.
    fn return_stmt(&mut self, rs: &[&Expr]) -> CResult<()> {
        let slots: Vec<(ObjId, u32)> = self.f.results.clone();
        if rs.len() == 1 && slots.len() > 1 {
            // return g(): each of g's results converted to the result's
            // type (an interface result boxes a concrete one).
            let rtypes: Vec<crate::types::ty::TypeId> =
                slots.iter().map(|(o, _)| self.obj_type(*o)).collect();
            let vals = self.multi_args(rs[0], &rtypes, false)?;
            for (((_, s), v), t) in slots.iter().zip(vals).zip(&rtypes) {
                let n = self.lay.slots(*t);
                self.mov(*s, v, n);
            }
            // Results in cells (captured by a deferred closure) get the
            // values too: the epilogue reloads the slots from them.
            for (o, s) in &slots {
                if let Some(Loc::Ind(p)) = self.f.vars.get(o).copied() {
                    let t = self.obj_type(*o);
                    self.store_mem(p, 0, *s, t);
                }
            }
            return self.emit_return();
        }
        if !rs.is_empty() {
            let named = slots
                .iter()
                .any(|(o, _)| !self.c.obj(*o).name.as_str().is_empty());
            if named || rs.len() > 1 {
                let mut tmps = Vec::new();
                for e in rs {
                    tmps.push(self.expr_copy(e)?);
                }
                for ((o, s), tmp) in slots.iter().zip(tmps) {
                    let t = self.obj_type(*o);
                    let n = self.lay.slots(t);
                    self.mov(*s, tmp, n);
                    if let Some(Loc::Ind(p)) = self.f.vars.get(o).copied() {
                        self.store_mem(p, 0, *s, t);
                    }
                }
            } else {
                self.expr_to(rs[0], slots[0].1)?;
                if let Some(Loc::Ind(p)) = self.f.vars.get(&slots[0].0).copied() {
                    let t = self.obj_type(slots[0].0);
                    self.store_mem(p, 0, slots[0].1, t);
                }
            }
        }
        self.emit_return()
    }

    /// Copies heap-allocated named results back into the result slots and
    /// returns.
    pub(super) fn emit_return(&mut self) -> CResult<()> {
        for (o, s) in self.f.results.clone() {
            if let Some(Loc::Ind(p)) = self.f.vars.get(&o).copied() {
                let t = self.obj_type(o);
                self.load_mem(s, p, 0, t);
            }
        }
        self.emit_return_raw()
    }

    fn emit_return_raw(&mut self) -> CResult<()> {
        self.f.emit(Op::Ret {});
        Ok(())
    }
}
