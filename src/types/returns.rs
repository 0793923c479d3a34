//! Terminating statements (types2's return.go): the spec's rules that
//! decide whether a function with results may end without a `return`.
//!
//! A statement list is terminating if its last non-empty statement is; a
//! statement is terminating if it is a `return` or `goto`, a call of the
//! predeclared `panic` (the builtin check records those calls in
//! `env.is_panic`), a block or labeled statement whose content is, an `if`
//! with an `else` whose branches both are, a `for` without condition or
//! range clause and without a `break` that refers to it, or a `switch` /
//! `select` whose clauses all are (a `switch` also needs a `default`) and
//! contain no `break` that refers to it.
//!
//! Example: in
//!
//! ```go
//! func f() int {
//! L:
//!     for {
//!         break L
//!     }
//! }
//! ```
//!
//! the loop has no condition but `break L` leaves it, so the body is not
//! terminating and gc reports `missing return` at the closing brace.

use super::check::Checker;
use crate::syntax::ast::{BranchTok, CaseClause, CommClause, ExprKind, Stmt, StmtKind};
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Whether `s` is a terminating statement; `label` is the label of `s`
    /// when it is labeled (types2's isTerminating).
    pub fn is_terminating(&self, s: &Stmt, label: Option<Symbol>) -> bool {
        match &s.kind {
            StmtKind::Labeled { label, stmt } => self.is_terminating(stmt, Some(label.sym)),
            StmtKind::Expr(e) => {
                // A call of the predeclared (possibly parenthesized) panic.
                let e = e.unparen();
                matches!(e.kind, ExprKind::Call { .. }) && self.st.env.is_panic.contains(&e.id)
            }
            StmtKind::Return { .. } => true,
            StmtKind::Branch { tok, .. } => matches!(tok, BranchTok::Goto | BranchTok::Fallthrough),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, None),
            StmtKind::If { then, els, .. } => match els {
                Some(els) => {
                    self.is_terminating_list(&then.stmts, None) && self.is_terminating(els, None)
                }
                None => false,
            },
            StmtKind::Switch { body, .. } => self.is_terminating_switch(body, label),
            StmtKind::Select { body, .. } => body.iter().all(|cc| {
                self.is_terminating_list(&cc.body, None) && !has_break_list(&cc.body, label, true)
            }),
            StmtKind::For {
                init, cond, body, ..
            } => {
                // A range loop always ends, so it is never terminating
                // (issue 49003).
                let is_range = init
                    .as_ref()
                    .is_some_and(|i| matches!(i.kind, StmtKind::Range { .. }));
                !is_range && cond.is_none() && !has_break_list(&body.stmts, label, true)
            }
            StmtKind::Empty
            | StmtKind::Send { .. }
            | StmtKind::Decl(_)
            | StmtKind::Assign { .. }
            | StmtKind::Call { .. }
            | StmtKind::Range { .. } => false,
        }
    }

    /// Whether the last non-empty statement of `list` is terminating
    /// (trailing empty statements are permitted).
    pub fn is_terminating_list(&self, list: &[Stmt], label: Option<Symbol>) -> bool {
        match list
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty))
        {
            Some(last) => self.is_terminating(last, label),
            None => false,
        }
    }

    fn is_terminating_switch(&self, body: &[CaseClause], label: Option<Symbol>) -> bool {
        let mut has_default = false;
        for cc in body {
            if cc.cases.is_none() {
                has_default = true;
            }
            if !self.is_terminating_list(&cc.body, None) || has_break_list(&cc.body, label, true) {
                return false;
            }
        }
        has_default
    }
}

/// Whether `s` is or contains a `break` that refers to the statement
/// labeled `label`, or, if `implicit`, to the closest enclosing breakable
/// statement (types2's hasBreak).
fn has_break(s: &Stmt, label: Option<Symbol>, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Labeled { stmt, .. } => has_break(stmt, label, implicit),
        StmtKind::Branch {
            tok: BranchTok::Break,
            label: l,
        } => match l {
            None => implicit,
            Some(l) => Some(l.sym) == label,
        },
        StmtKind::Block(b) => has_break_list(&b.stmts, label, implicit),
        StmtKind::If { then, els, .. } => {
            has_break_list(&then.stmts, label, implicit)
                || els.as_ref().is_some_and(|e| has_break(e, label, implicit))
        }
        // Inside a nested breakable statement, an unlabeled break refers
        // to that statement: only labeled breaks count.
        StmtKind::Switch { body, .. } => label.is_some() && has_break_case_list(body, label),
        StmtKind::Select { body, .. } => label.is_some() && has_break_comm_list(body, label),
        StmtKind::For { body, .. } => label.is_some() && has_break_list(&body.stmts, label, false),
        _ => false,
    }
}

fn has_break_list(list: &[Stmt], label: Option<Symbol>, implicit: bool) -> bool {
    list.iter().any(|s| has_break(s, label, implicit))
}

fn has_break_case_list(list: &[CaseClause], label: Option<Symbol>) -> bool {
    list.iter().any(|c| has_break_list(&c.body, label, false))
}

fn has_break_comm_list(list: &[CommClause], label: Option<Symbol>) -> bool {
    list.iter().any(|c| has_break_list(&c.body, label, false))
}
