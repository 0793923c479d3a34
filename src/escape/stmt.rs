//! Statements (gc's stmt.go): each statement's data flow into the graph.
//!
//! Invariants: the loop depth rises inside `for` and range bodies and at a
//! label that a later goto jumps back to, and `block` restores it at the
//! end of every statement list; a variable's location records the depth
//! of its declaration (`dcl`), which is what makes `var p *int; for { p =
//! new(int) }` escape (the variable outlives the loop iteration).

use std::collections::HashMap;

use super::escape::{Escape, LabelState};
use super::graph::{Hole, LocN};
use super::ir::*;
use crate::syntax::symbol::Symbol;

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    pub fn stmt(&mut self, n: &'b Stmt<'a>) {
        self.stmts(&n.init);
        let (src, pos) = (n.src, n.pos);
        match &n.kind {
            StmtKind::Nop | StmtKind::Goto(_) => {}
            StmtKind::Block(list) => self.stmts(list),
            StmtKind::Dcl(v) => {
                if !self.ir.var(*v).blank {
                    self.dcl(*v);
                }
            }
            StmtKind::Label(l) => {
                if l.as_str() != "_" {
                    if self.labels.get(l) == Some(&LabelState::Looping) {
                        self.loop_depth += 1;
                    }
                    self.labels.remove(l);
                }
            }
            StmtKind::If {
                cond, body, els, ..
            } => {
                self.discard(cond);
                self.block(body);
                self.block(els);
            }
            StmtKind::For { cond, post, body } => {
                self.loop_depth += 1;
                if let Some(c) = cond {
                    self.discard(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
            } => {
                // X is evaluated outside the loop.
                let tmp = self.new_loc(LocN::None, false);
                self.expr(Hole::of(tmp), x);
                self.loop_depth += 1;
                let ks = self.addrs(&[key.as_ref(), value.as_ref()]);
                let k1 = ks[1].clone();
                if self.t.is_array(x.ty) {
                    let k = self.note(k1, src, pos, "range");
                    self.flow(k, tmp);
                } else {
                    let k = self.deref(k1, src, pos, "range-deref");
                    self.flow(k, tmp);
                }
                self.reassigned_holes(&ks, n, &[key.as_ref(), value.as_ref()]);
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Switch { tag, guard, cases } => {
                if let Some((x, has_var)) = guard {
                    let mut ks = Vec::new();
                    if *has_var {
                        for cas in cases {
                            let Some(cv) = cas.var else {
                                continue;
                            };
                            let k = self.dcl(cv); // type switch variables have no ODCL.
                            let cvt = self.ir.var(cv).ty;
                            if self.t.has_pointers(cvt) {
                                let cs = cas.syntax.map(Src::Case).unwrap_or(src);
                                let k = self.dot_type(k, cvt, cs, cas.pos, "switch case");
                                ks.push(k);
                            }
                        }
                    }
                    let k = self.tee_hole(ks);
                    self.expr(k, x);
                } else if let Some(t) = tag {
                    self.discard(t);
                }
                for cas in cases {
                    self.discards(&cas.list);
                    self.block(&cas.body);
                }
            }
            StmtKind::Select(cases) => {
                for (comm, body) in cases {
                    if let Some(c) = comm {
                        self.stmt(c);
                    }
                    self.block(body);
                }
            }
            StmtKind::Recv(x) => {
                // Already visited x's init.
                let k = self.discard_hole();
                self.expr_skip_init(k, x);
            }
            StmtKind::Send { ch, value } => {
                self.discard(ch);
                self.assign_heap(value, "send", src, pos);
            }
            StmtKind::Assign { op, lhs, rhs } => {
                let why = match op {
                    AsOp::As | AsOp::AsOp => "assign",
                    AsOp::As2 => "assign-pair",
                    AsOp::As2DotType => "assign-pair-dot-type",
                    AsOp::As2MapR => "assign-pair-mapr",
                    AsOp::As2Recv | AsOp::SelRecv2 => "assign-pair-receive",
                    AsOp::As2Func => "",
                };
                if *op == AsOp::As2Func {
                    let Some(call) = rhs.first() else {
                        return;
                    };
                    self.stmts(&call.init);
                    let dsts: Vec<Option<&'b Expr<'a>>> = lhs.iter().map(|l| l.as_ref()).collect();
                    let ks = self.addrs(&dsts);
                    self.call(Some(ks.clone()), call);
                    self.reassigned_holes(&ks, n, &dsts);
                } else {
                    let dsts: Vec<Option<&'b Expr<'a>>> = lhs.iter().map(|l| l.as_ref()).collect();
                    self.assign_list(&dsts, rhs, why, n);
                }
            }
            StmtKind::Return(results) => {
                let f = self.ir.func(self.curfn);
                let dsts: Vec<ReturnDst> = f.results.iter().map(|r| r.var).collect();
                self.assign_return(&dsts, results, n);
            }
            StmtKind::Call(x) => match &x.kind {
                ExprKind::Call(_) => {
                    self.stmts(&x.init);
                    self.call(None, x);
                }
                _ => self.discard(x),
            },
            StmtKind::GoDefer { defer, call } => self.go_defer_stmt(*defer, call, n),
        }
    }

    pub fn stmts(&mut self, l: &'b [Stmt<'a>]) {
        for n in l {
            self.stmt(n);
        }
    }

    /// Like stmts, but restores the loop depth.
    pub fn block(&mut self, l: &'b [Stmt<'a>]) {
        let old = self.loop_depth;
        self.stmts(l);
        self.loop_depth = old;
    }

    /// Records the loop depth at a variable's declaration.
    pub fn dcl(&mut self, v: VarId) -> Hole<'a> {
        let loc = self.old_loc(v);
        let d = self.loop_depth;
        self.loc_mut(loc).loop_depth = d;
        Hole::of(loc)
    }
}

/// A result variable a return statement assigns (None: unnamed and
/// without variable, impossible in gc, where every result has a name).
pub type ReturnDst = Option<VarId>;

/// Marks the labels of a function body: a label visited before a goto to
/// it heads a loop (gc's walkFunc prologue). Closures are not entered.
pub fn visit_labels(list: &[Stmt<'_>], labels: &mut HashMap<Symbol, LabelState>) {
    for s in list {
        visit_labels(&s.init, labels);
        match &s.kind {
            StmtKind::Label(l) if l.as_str() != "_" => {
                labels.insert(*l, LabelState::NonLooping);
            }
            StmtKind::Goto(l) if labels.get(l) == Some(&LabelState::NonLooping) => {
                labels.insert(*l, LabelState::Looping);
            }
            StmtKind::Block(b) => visit_labels(b, labels),
            StmtKind::If { body, els, .. } => {
                visit_labels(body, labels);
                visit_labels(els, labels);
            }
            StmtKind::For { post, body, .. } => {
                if let Some(p) = post {
                    visit_labels(std::slice::from_ref(p), labels);
                }
                visit_labels(body, labels);
            }
            StmtKind::Range { body, .. } => visit_labels(body, labels),
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    visit_labels(&c.body, labels);
                }
            }
            StmtKind::Select(cases) => {
                for (c, b) in cases {
                    if let Some(c) = c {
                        visit_labels(std::slice::from_ref(c), labels);
                    }
                    visit_labels(b, labels);
                }
            }
            _ => {}
        }
    }
}
