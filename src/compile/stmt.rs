//! Statements: declarations, assignments, control flow, returns.
//!
//! Temporaries a statement allocates are released when it ends (the slot
//! counter goes back to its mark); variables declared inside live until
//! their enclosing statement ends, which is their scope.

use goscope_runtime::vm::Op;

use super::expr::LV;
use super::func::{Loc, Target};
use super::layout::K;
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

    fn stmt(&mut self, s: &Stmt, label: Option<String>) -> CResult<()> {
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
                self.f.targets.push(Target {
                    label,
                    brk,
                    cont: Some(cont),
                });
                self.block(&body.stmts)?;
                self.f.targets.pop();
                self.f.place(cont);
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

    /// `case c:` of a switch on the value in `v`: jump to `body` if equal.
    fn case_eq(
        &mut self,
        v: u32,
        tag: crate::types::ty::TypeId,
        c: &Expr,
        body: usize,
    ) -> CResult<()> {
        let hoisted = self.order_in_place(&[c])?;
        let r = self.case_eq_inner(v, tag, c, body);
        self.unorder(hoisted);
        r
    }

    fn case_eq_inner(
        &mut self,
        v: u32,
        tag: crate::types::ty::TypeId,
        c: &Expr,
        body: usize,
    ) -> CResult<()> {
        let k = self.lay.kind(tag);
        if self.is_nil(c) {
            // A nil interface, slice, map, func, chan or pointer: its
            // first word is 0.
            self.f.emit(Op::JEqK {
                a: v,
                i: 0,
                t: body as u32,
            });
            return Ok(());
        }
        if k == K::Iface || self.lay.kind(self.ty(c)) == K::Iface || self.conv_target(c).is_some() {
            return self.case_eq_iface(v, tag, c, body);
        }
        let x = self.expr(c)?;
        match k {
            K::Int { .. } | K::Bool | K::Ptr => {
                self.f.emit(Op::JEq {
                    a: v,
                    b: x,
                    t: body as u32,
                });
            }
            K::Str => {
                let d = self.f.alloc(1, false);
                self.f.emit(Op::EqString { a: d, b: v, c: x });
                self.f.emit(Op::JmpIf {
                    a: d,
                    t: body as u32,
                });
            }
            K::F64 | K::F32 => {
                let d = self.f.alloc(1, false);
                if k == K::F64 {
                    self.f.emit(Op::EqF { a: d, b: v, c: x });
                } else {
                    self.f.emit(Op::EqF32 { a: d, b: v, c: x });
                }
                self.f.emit(Op::JmpIf {
                    a: d,
                    t: body as u32,
                });
            }
            K::Agg | K::C64 | K::C128 => {
                let d = self.f.alloc(1, false);
                self.equal_values(tag, d, v, x)?;
                self.f.emit(Op::JmpIf {
                    a: d,
                    t: body as u32,
                });
            }
            _ => return Err(self.unsupported(c.pos, "switch on this type")),
        }
        Ok(())
    }

    /// `case c:` where the tag or `c` is an interface: the other is
    /// converted to its type (two different interface types both to
    /// `any`) and compared as gc's efaceeq / ifaceeq.
    fn case_eq_iface(
        &mut self,
        v: u32,
        tt: crate::types::ty::TypeId,
        c: &Expr,
        body: usize,
    ) -> CResult<()> {
        // `c`'s type as expr() yields it (after an implicit conversion).
        let ct = self.conv_target(c).unwrap_or(self.ty(c));
        let (tk, ck) = (self.lay.kind(tt), self.lay.kind(ct));
        let (a, b) = (self.f.alloc(2, true), self.f.alloc(2, true));
        let it = if tk == K::Iface && ck == K::Iface {
            let any = self.c.universe.any_type;
            let same = std::ptr::eq(self.rtype(tt)?, self.rtype(ct)?);
            let it = if same { tt } else { any };
            self.conv_iface_value(v, tt, it, a)?;
            let cv = self.expr(c)?;
            self.conv_iface_value(cv, ct, it, b)?;
            it
        } else if tk == K::Iface {
            self.mov(a, v, 2);
            self.conv_iface_to(c, tt, b)?;
            tt
        } else {
            let cv = self.expr(c)?;
            self.mov(b, cv, 2);
            self.box_value(v, tt, ct, a)?;
            ct
        };
        let d = self.f.alloc(1, false);
        if self.is_nonempty_iface(it) {
            self.f.emit(Op::EqIface { a: d, b: a, c: b });
        } else {
            self.f.emit(Op::EqEface { a: d, b: a, c: b });
        }
        self.f.emit(Op::JmpIf {
            a: d,
            t: body as u32,
        });
        Ok(())
    }

    /// Jumps to `l` when `e` evaluates to `when`; comparisons of integers
    /// become one fused compare-and-branch.
    pub(super) fn cond_jump(&mut self, e: &Expr, when: bool, l: usize) -> CResult<()> {
        // `!x`, `x && y` and `x || y` order each operand where it is
        // evaluated (cond_jump_leaf).
        if let ExprKind::Operation {
            op: Operator::Not | Operator::AndAnd | Operator::OrOr,
            ..
        } = &e.unparen().kind
        {
            return self.cond_jump_leaf(e, when, l);
        }
        let hoisted = self.order_in_place(&[e])?;
        let r = self.cond_jump_leaf(e, when, l);
        self.unorder(hoisted);
        r
    }

    fn cond_jump_leaf(&mut self, e: &Expr, when: bool, l: usize) -> CResult<()> {
        use Operator::*;
        let e = e.unparen();
        let t = l as u32;
        if self.c.info.value_of(e.id).is_none() {
            match &e.kind {
                ExprKind::Operation {
                    op: Not,
                    x,
                    y: None,
                } => return self.cond_jump(x, !when, l),
                ExprKind::Operation {
                    op: op @ (AndAnd | OrOr),
                    x,
                    y: Some(y),
                } => {
                    // when true for &&: both; when false for ||: both.
                    if (*op == AndAnd) == when {
                        let skip = self.f.new_label();
                        self.cond_jump(x, !when, skip)?;
                        self.cond_jump(y, when, l)?;
                        self.f.place(skip);
                    } else {
                        self.cond_jump(x, when, l)?;
                        self.cond_jump(y, when, l)?;
                    }
                    return Ok(());
                }
                ExprKind::Operation {
                    op: op @ (Eql | Neq | Lss | Leq | Gtr | Geq),
                    x,
                    y: Some(y),
                } => {
                    // A constant goes on the right (and the type is the
                    // other operand's).
                    let (x, y, op) = if self.small_const(x).is_some() {
                        (y, x, swap(*op))
                    } else {
                        (x, y, *op)
                    };
                    let k = self.lay.kind(self.ty(x));
                    if let K::Int { signed, .. } = k {
                        // Normalize to "jump if a OP b" with OP in {==, !=, <, <=}.
                        let op = if when { op } else { negate(op) };
                        if let (Eql | Neq, Some(c)) = (op, self.small_const(y)) {
                            let a = self.expr(x)?;
                            self.f.emit(if op == Eql {
                                Op::JEqK { a, i: c as u32, t }
                            } else {
                                Op::JNeK { a, i: c as u32, t }
                            });
                            return Ok(());
                        }
                        // x <= c is x < c+1; x > c is x >= c+1.
                        let (op, bump) = match op {
                            Leq if signed => (Lss, 1),
                            Gtr if signed => (Geq, 1),
                            o => (o, 0),
                        };
                        let konst = self.small_const(y).and_then(|c| c.checked_add(bump));
                        let op = if konst.is_none() && bump == 1 {
                            if op == Lss {
                                Leq
                            } else {
                                Gtr
                            }
                        } else {
                            op
                        };
                        if signed && matches!(op, Lss | Geq) && konst.is_some() {
                            if let Some(c) = konst {
                                let a = self.expr(x)?;
                                if op == Lss {
                                    self.f.emit(Op::JLtSK { a, i: c as u32, t });
                                } else {
                                    self.f.emit(Op::JGeSK { a, i: c as u32, t });
                                }
                                return Ok(());
                            }
                        }
                        let (a, b) = self.cmp_operands(x, y)?;
                        let ins = match (op, signed) {
                            (Eql, _) => Op::JEq { a, b, t },
                            (Neq, _) => Op::JNe { a, b, t },
                            (Lss, true) => Op::JLtS { a, b, t },
                            (Leq, true) => Op::JLeS { a, b, t },
                            (Gtr, true) => Op::JLtS { a: b, b: a, t },
                            (Geq, true) => Op::JLeS { a: b, b: a, t },
                            (Lss, false) => Op::JLtU { a, b, t },
                            (Leq, false) => Op::JLeU { a, b, t },
                            (Gtr, false) => Op::JLtU { a: b, b: a, t },
                            _ => Op::JLeU { a: b, b: a, t },
                        };
                        self.f.emit(ins);
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let v = self.expr(e)?;
        if when {
            self.f.emit(Op::JmpIf { a: v, t });
        } else {
            self.f.emit(Op::JmpIfNot { a: v, t });
        }
        Ok(())
    }

    fn cmp_operands(&mut self, x: &Expr, y: &Expr) -> CResult<(u32, u32)> {
        let a = self.expr(x)?;
        let a = if self.has_live_call(y) {
            let c = self.f.alloc(1, false);
            self.f.emit(Op::Move { a: c, b: a });
            c
        } else {
            a
        };
        Ok((a, self.expr(y)?))
    }

    pub(super) fn small_const(&self, e: &Expr) -> Option<i32> {
        let v = self.c.info.value_of(e.unparen().id)?;
        let (i, exact) = v.int64_val();
        (exact && i >= i32::MIN as i64 && i <= i32::MAX as i64).then_some(i as i32)
    }

    /// Declares variables (`var` or `:=`) and initializes them.
    fn define(&mut self, objs: &[Option<ObjId>], values: &[&Expr], s: &Stmt) -> CResult<()> {
        // Multi-value call: results land in the call window.
        if values.len() == 1 && objs.len() > 1 {
            // The values are converted one by one below, not as a tuple.
            let saved = self.conv_ok.replace(values[0].unparen().id);
            let r = self.call(values[0]);
            self.conv_ok = saved;
            let mut at = r?;
            let tuple = self.ty(values[0]);
            let vars = self.c.types.tuple_vars(tuple).to_vec();
            let mut tmps = Vec::new();
            for v in &vars {
                let t = self.obj_type(*v);
                let n = self.lay.slots(t);
                let tmp = self.temp(t);
                self.mov(tmp, at, n);
                tmps.push((tmp, t));
                at += n;
            }
            for (o, (tmp, t)) in objs.iter().zip(tmps) {
                if let Some(o) = o {
                    let v = self.assignable_value(tmp, t, self.obj_type(*o))?;
                    self.declare(*o, Some(v), s)?;
                }
            }
            return Ok(());
        }
        if values.is_empty() {
            for o in objs.iter().flatten() {
                self.declare(*o, None, s)?;
            }
            return Ok(());
        }
        if objs.len() == 1 {
            if let Some(o) = objs[0] {
                if !self.needs_cell(o) {
                    let t = self.obj_type(o);
                    let d = self.temp(t);
                    self.expr_to(values[0], d)?;
                    self.f.vars.insert(o, Loc::Reg(d));
                    return Ok(());
                }
            }
        }
        let mut tmps = Vec::new();
        for v in values {
            tmps.push(self.expr_copy(v)?);
        }
        for (o, tmp) in objs.iter().zip(tmps) {
            if let Some(o) = o {
                self.declare(*o, Some(tmp), s)?;
            }
        }
        Ok(())
    }

    /// The value of `e` in fresh slots (never a variable's own).
    fn expr_copy(&mut self, e: &Expr) -> CResult<u32> {
        let t = self.ty(e);
        let d = self.temp(t);
        self.expr_to(e, d)?;
        Ok(d)
    }

    /// Gives a variable its storage, initialized from `init` or zero.
    pub(super) fn declare(&mut self, o: ObjId, init: Option<u32>, _s: &Stmt) -> CResult<()> {
        let t = self.obj_type(o);
        if self.needs_cell(o) {
            let p = self.new_cell(t);
            if let Some(v) = init {
                self.store_mem(p, 0, v, t);
            }
            self.f.vars.insert(o, Loc::Ind(p));
        } else {
            let d = self.temp(t);
            match init {
                Some(v) => {
                    let n = self.lay.slots(t);
                    self.mov(d, v, n)
                }
                None => {
                    let n = self.lay.slots(t);
                    if n > 0 {
                        self.f.emit(Op::Zero { a: d, n });
                    }
                }
            }
            self.f.vars.insert(o, Loc::Reg(d));
        }
        Ok(())
    }

    fn assign(
        &mut self,
        s: &Stmt,
        op: Option<Operator>,
        lhs: &Expr,
        rhs: Option<&Expr>,
    ) -> CResult<()> {
        match op {
            Some(Operator::Def) => {
                let values: Vec<&Expr> = rhs
                    .map(|r| r.unpack_list().iter().collect())
                    .unwrap_or_default();
                let mut objs = Vec::new();
                let mut redecl = Vec::new();
                for l in lhs.unpack_list() {
                    match self.c.info.def_of(l.id) {
                        Some(Some(o)) => objs.push(Some(o)),
                        _ => {
                            // A redeclared variable: assigned, not declared.
                            objs.push(None);
                            redecl.push(l);
                        }
                    }
                }
                if redecl
                    .iter()
                    .all(|l| l.as_name().is_some_and(|n| n.as_str() == "_"))
                {
                    return self.define(&objs, &values, s);
                }
                // Mixed := : evaluate as an assignment to fresh and old.
                for (i, o) in objs.iter().enumerate() {
                    if let Some(o) = o {
                        self.declare(*o, None, s)?;
                    }
                    let _ = i;
                }
                self.assign_list(lhs.unpack_list(), &values)
            }
            None => {
                let values: Vec<&Expr> = rhs
                    .map(|r| r.unpack_list().iter().collect())
                    .unwrap_or_default();
                self.assign_list(lhs.unpack_list(), &values)
            }
            Some(op) => {
                // x op= y, x++ and x--. (gc evaluates a y with calls
                // before it loads x[i]: that keeps the general place.)
                let lv = if rhs.is_some_and(super::walk::has_call) {
                    self.lvalue(lhs)?
                } else {
                    self.lvalue_single(lhs)?
                };
                let lv = self.map_op_assign_place(lv, op, rhs)?;
                let t = self.ty(lhs);
                let k = self.lay.kind(t);
                let cur = self.load_lv(lv);
                let d = match lv {
                    LV::Reg(s, _) => s,
                    _ => cur,
                };
                match rhs {
                    None => {
                        let delta: i32 = if op == Operator::Add { 1 } else { -1 };
                        match k {
                            K::Int { .. } => {
                                self.f.emit(Op::AddIK {
                                    a: d,
                                    b: cur,
                                    i: delta as u32,
                                });
                                self.ext(k, d);
                            }
                            K::F64 | K::F32 => {
                                let one = self.f.alloc(1, false);
                                let bits = if k == K::F64 {
                                    1f64.to_bits()
                                } else {
                                    1f32.to_bits() as u64
                                };
                                self.load_word(one, bits);
                                let ins = match (k, op) {
                                    (K::F64, Operator::Add) => Op::AddF {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                    (K::F64, _) => Op::SubF {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                    (_, Operator::Add) => Op::AddF32 {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                    _ => Op::SubF32 {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                };
                                self.f.emit(ins);
                            }
                            _ => return Err(self.unsupported(s.pos, "++ on this type")),
                        }
                    }
                    Some(y) => {
                        // Build `x op y` with x's current value in `cur`.
                        self.op_assign(op, cur, y, t, d, s)?;
                    }
                }
                if !matches!(lv, LV::Reg(..)) {
                    self.store(lv, d);
                }
                Ok(())
            }
        }
    }

    fn assign_list(&mut self, lhs: &[Expr], values: &[&Expr]) -> CResult<()> {
        if values.len() == 1 && lhs.len() > 1 {
            let lvs: Vec<LV> = lhs.iter().map(|l| self.lvalue(l)).collect::<CResult<_>>()?;
            // The values are converted one by one below, not as a tuple.
            let saved = self.conv_ok.replace(values[0].unparen().id);
            let r = self.call(values[0]);
            self.conv_ok = saved;
            let r = r?;
            let tuple = self.ty(values[0]);
            let vars = self.c.types.tuple_vars(tuple).to_vec();
            let mut at = r;
            let mut tmps = Vec::new();
            for v in &vars {
                let t = self.obj_type(*v);
                let n = self.lay.slots(t);
                let tmp = self.temp(t);
                self.mov(tmp, at, n);
                tmps.push((tmp, t));
                at += n;
            }
            // `v, ok = m[k]` / `x, y = f()` into interface-typed places
            // converts each value (maps.rs).
            for (lv, (tmp, t)) in lvs.into_iter().zip(tmps) {
                self.store_assignable(lv, tmp, t)?;
            }
            return Ok(());
        }
        if lhs.len() == 1 {
            let lv = self.lvalue_single(&lhs[0])?;
            match lv {
                LV::Reg(d, _) => {
                    // Evaluating straight into the variable is safe when
                    // every instruction reads the old value before it
                    // writes; a composite literal and && / || write the
                    // destination before reading the rest.
                    let v = values[0].unparen();
                    let writes_early = matches!(
                        v.kind,
                        ExprKind::CompositeLit(_)
                            | ExprKind::Operation {
                                op: Operator::AndAnd | Operator::OrOr,
                                ..
                            }
                    );
                    if writes_early {
                        let v = self.expr_copy(values[0])?;
                        self.store(lv, v);
                    } else {
                        self.expr_to(values[0], d)?;
                    }
                }
                _ => {
                    let v = self.expr(values[0])?;
                    self.store(lv, v);
                }
            }
            return Ok(());
        }
        let lvs: Vec<LV> = lhs.iter().map(|l| self.lvalue(l)).collect::<CResult<_>>()?;
        let mut tmps = Vec::new();
        for v in values {
            tmps.push(self.expr_copy(v)?);
        }
        for (lv, tmp) in lvs.into_iter().zip(tmps) {
            self.store(lv, tmp);
        }
        Ok(())
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

/// `op` with its operands swapped: `x < y` is `y > x`.
fn swap(op: Operator) -> Operator {
    use Operator::*;
    match op {
        Lss => Gtr,
        Leq => Geq,
        Gtr => Lss,
        Geq => Leq,
        o => o,
    }
}

fn negate(op: Operator) -> Operator {
    use Operator::*;
    match op {
        Eql => Neq,
        Neq => Eql,
        Lss => Geq,
        Leq => Gtr,
        Gtr => Leq,
        Geq => Lss,
        o => o,
    }
}

impl<'c, 'a> Compiler<'c, 'a> {
    /// `for k, v := range x` over slices, arrays, strings (and integers
    /// never: Go 1.19 has no range over int).
    fn range(
        &mut self,
        lhs: Option<&Expr>,
        def: bool,
        x: &Expr,
        body: &[Stmt],
        label: Option<String>,
    ) -> CResult<()> {
        use crate::types::ty::Type;
        let xt = self.ty(x);
        let u = self.lay.under(xt);
        let lhs: Vec<&Expr> = lhs
            .map(|l| l.unpack_list().iter().collect())
            .unwrap_or_default();
        if self.map_types(xt).is_some() {
            return self.range_map(&lhs, def, x, body, label);
        }
        // hdr: ptr, len (and cap) of the ranged value, evaluated once.
        let hdr = self.f.alloc(3, true);
        // direct: hdr is {ptr, len} of the elements, ptr non-nil when len
        // is not 0 (a slice, or an array copy's address).
        let (elem, is_str, direct) = match self.c.types.get(u).clone() {
            Type::Slice(elem) => {
                self.expr_to(x, hdr)?;
                (Some(elem), false, true)
            }
            Type::Basic { .. } => {
                self.expr_to(x, hdr)?;
                (None, true, false)
            }
            Type::Array { len, elem } => {
                if lhs.len() >= 2 {
                    // Range over a copy of the array.
                    let v = self.expr_copy_pub(x)?;
                    self.f.emit(Op::FrameAddr { a: hdr, b: v });
                } else {
                    self.f.emit(Op::LoadI { a: hdr, i: 0 });
                }
                self.load_word(hdr + 1, len as u64);
                (Some(elem), false, lhs.len() >= 2)
            }
            Type::Pointer(base) => {
                let Type::Array { len, elem } = self.c.types.get(self.lay.under(base)).clone()
                else {
                    return Err(self.unsupported(x.pos, "range"));
                };
                self.expr_to(x, hdr)?;
                self.load_word(hdr + 1, len as u64);
                (Some(elem), false, false)
            }
            _ => return Err(self.unsupported(x.pos, "range over maps and channels")),
        };
        let idx = self.f.alloc(1, false);
        let next = self.f.alloc(2, false); // rune, next index (strings)
        self.f.emit(Op::LoadI { a: idx, i: 0 });
        // Loop variables: one per loop (Go 1.19 semantics).
        // Declared variables exist once per loop (Go 1.19); assigned places
        // (`for a[f()] = range x`) are evaluated on every iteration.
        let kv_def = if def {
            Some(self.range_vars(&lhs, true)?)
        } else {
            None
        };
        let top = self.f.new_label();
        let test = self.f.new_label();
        let cont = self.f.new_label();
        let brk = self.f.new_label();
        self.f.jmp(test);
        self.f.place(top);
        if is_str {
            self.f.emit(Op::DecodeRune {
                a: next,
                b: hdr,
                c: idx,
            });
        }
        let kv = match kv_def {
            Some(kv) => kv,
            None => self.range_vars(&lhs, false)?,
        };
        if let Some(k) = kv.0 {
            self.store(k, idx);
        }
        if let Some(v) = kv.1 {
            if is_str {
                self.store(v, next);
            } else if let Some((elem, acc)) = elem
                .filter(|_| direct)
                .and_then(|e| Some((e, super::fused::access(self.lay.kind(e))?)))
            {
                // One load straight into the variable: hdr is a non-nil
                // {ptr, len} and idx < len.
                match v {
                    LV::Reg(s, _) => self.f.emit((acc.load_idx)(s, hdr, idx)),
                    _ => {
                        let val = self.temp(elem);
                        self.f.emit((acc.load_idx)(val, hdr, idx));
                        self.store(v, val);
                    }
                }
            } else if let Some(elem) = elem {
                let esize = self.lay.size(elem) as u32;
                let p = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: p, b: hdr });
                self.f.emit(Op::IndexAddr {
                    a: p,
                    b: idx,
                    n: esize,
                });
                match v {
                    LV::Reg(s, _) => self.load_mem(s, p, 0, elem),
                    _ => {
                        let val = self.temp(elem);
                        self.load_mem(val, p, 0, elem);
                        self.store(v, val);
                    }
                }
            }
        }
        self.f.targets.push(Target {
            label,
            brk,
            cont: Some(cont),
        });
        self.block(body)?;
        self.f.targets.pop();
        self.f.place(cont);
        if is_str {
            self.f.emit(Op::Move {
                a: idx,
                b: next + 1,
            });
        } else {
            self.f.emit(Op::AddIK {
                a: idx,
                b: idx,
                i: 1,
            });
        }
        self.f.place(test);
        self.f.emit(Op::JLtS {
            a: idx,
            b: hdr + 1,
            t: top as u32,
        });
        self.f.place(brk);
        Ok(())
    }

    /// The places the key and value of a range loop go.
    pub(super) fn range_vars(
        &mut self,
        lhs: &[&Expr],
        def: bool,
    ) -> CResult<(Option<LV>, Option<LV>)> {
        let mut out = [None, None];
        for (i, l) in lhs.iter().enumerate().take(2) {
            if l.as_name().is_some_and(|n| n.as_str() == "_") {
                continue;
            }
            if def {
                if let Some(Some(o)) = self.c.info.def_of(l.id) {
                    let t = self.obj_type(o);
                    if self.needs_cell(o) {
                        let p = self.new_cell(t);
                        self.f.vars.insert(o, Loc::Ind(p));
                        out[i] = Some(LV::Mem { p, off: 0, t });
                    } else {
                        let s = self.temp(t);
                        self.f.vars.insert(o, Loc::Reg(s));
                        out[i] = Some(LV::Reg(s, t));
                    }
                }
            } else {
                out[i] = Some(self.lvalue(l)?);
            }
        }
        let [a, b] = out;
        Ok((a, b))
    }

    /// One package-level initializer `var a, b = rhs`.
    pub(super) fn init_global(&mut self, init: &crate::types::info::Initializer) -> CResult<()> {
        let Some(rhs) = self.find_expr(init.rhs) else {
            return Ok(());
        };
        let offs: Vec<Option<u32>> = init
            .lhs
            .iter()
            .map(|o| self.globals.get(o).copied())
            .collect();
        let types: Vec<_> = init.lhs.iter().map(|o| self.obj_type(*o)).collect();
        self.set_line(rhs.pos);
        let vals: Vec<u32> = if init.lhs.len() > 1 {
            // The values are converted one by one, not as a tuple.
            let saved = self.conv_ok.replace(rhs.unparen().id);
            let r = self.call(rhs);
            self.conv_ok = saved;
            let mut at = r?;
            let tuple = self.ty(rhs);
            let rtypes: Vec<crate::types::ty::TypeId> =
                (self.c.types.tuple_vars(tuple).to_vec().iter())
                    .map(|r| self.obj_type(*r))
                    .collect();
            let mut v = Vec::new();
            for (t, rt) in types.iter().zip(rtypes) {
                let n = self.lay.slots(rt);
                let tmp = self.temp(rt);
                self.mov(tmp, at, n);
                v.push(self.assignable_value(tmp, rt, *t)?);
                at += n;
            }
            v
        } else {
            if let [Some(off)] = offs[..] {
                let p = self.f.alloc(1, true);
                self.f.emit(Op::GlobalAddr { a: p, off });
                if self.composite_into_zeroed(rhs, types[0], p)? {
                    return Ok(());
                }
            }
            vec![self.expr_copy(rhs)?]
        };
        for ((off, t), v) in offs.into_iter().zip(types).zip(vals) {
            if let Some(off) = off {
                let p = self.f.alloc(1, true);
                self.f.emit(Op::GlobalAddr { a: p, off });
                self.store_mem(p, 0, v, t);
            }
        }
        Ok(())
    }
}
