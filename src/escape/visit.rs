//! Read-only traversal of the escape IR (gc's ir.Visit): every statement
//! and expression of a function body in source order, statement inits
//! included, closure bodies excluded (a closure is its own function, met
//! through its `Closure` node).

use super::ir::*;

/// Callbacks of a traversal; both default to doing nothing.
pub trait Visitor<'a> {
    fn stmt(&mut self, _s: &Stmt<'a>) {}
    fn expr(&mut self, _e: &Expr<'a>) {}
}

pub fn stmts<'a>(v: &mut impl Visitor<'a>, list: &[Stmt<'a>]) {
    for s in list {
        stmt(v, s);
    }
}

pub fn stmt<'a>(v: &mut impl Visitor<'a>, s: &Stmt<'a>) {
    stmts(v, &s.init);
    v.stmt(s);
    match &s.kind {
        StmtKind::Nop | StmtKind::Dcl(_) | StmtKind::Label(_) | StmtKind::Goto(_) => {}
        StmtKind::Block(b) => stmts(v, b),
        StmtKind::If {
            cond, body, els, ..
        } => {
            expr(v, cond);
            stmts(v, body);
            stmts(v, els);
        }
        StmtKind::For { cond, post, body } => {
            if let Some(c) = cond {
                expr(v, c);
            }
            if let Some(p) = post {
                stmt(v, p);
            }
            stmts(v, body);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
        } => {
            for e in [key, value].into_iter().flatten() {
                expr(v, e);
            }
            expr(v, x);
            stmts(v, body);
        }
        StmtKind::Switch { tag, guard, cases } => {
            if let Some(t) = tag {
                expr(v, t);
            }
            if let Some((g, _)) = guard {
                expr(v, g);
            }
            for c in cases {
                exprs(v, &c.list);
                stmts(v, &c.body);
            }
        }
        StmtKind::Select(cases) => {
            for (c, b) in cases {
                if let Some(c) = c {
                    stmt(v, c);
                }
                stmts(v, b);
            }
        }
        StmtKind::Recv(e) | StmtKind::Call(e) => expr(v, e),
        StmtKind::GoDefer { call, .. } => expr(v, call),
        StmtKind::Send { ch, value } => {
            expr(v, ch);
            expr(v, value);
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            for l in lhs.iter().flatten() {
                expr(v, l);
            }
            exprs(v, rhs);
        }
        StmtKind::Return(list) => exprs(v, list),
    }
}

pub fn exprs<'a>(v: &mut impl Visitor<'a>, list: &[Expr<'a>]) {
    for e in list {
        expr(v, e);
    }
}

pub fn expr<'a>(v: &mut impl Visitor<'a>, e: &Expr<'a>) {
    stmts(v, &e.init);
    v.expr(e);
    match &e.kind {
        ExprKind::Literal
        | ExprKind::Nil
        | ExprKind::Global
        | ExprKind::FuncName(_)
        | ExprKind::FuncRef(_)
        | ExprKind::MethodExpr(_)
        | ExprKind::Name(_)
        | ExprKind::New
        | ExprKind::Closure(_) => {}
        ExprKind::Unary(x)
        | ExprKind::Addr(x)
        | ExprKind::Deref(x)
        | ExprKind::Dot { x, .. }
        | ExprKind::DotType(x)
        | ExprKind::Conv(x)
        | ExprKind::ConvIface(x)
        | ExprKind::StrConv(_, x)
        | ExprKind::Slice2ArrPtr(x)
        | ExprKind::Recv(x)
        | ExprKind::PtrLit(x)
        | ExprKind::MethValue { x, .. } => expr(v, x),
        ExprKind::Binary(x, y) | ExprKind::Logical(x, y) => {
            expr(v, x);
            expr(v, y);
        }
        ExprKind::Index { x, index, .. } | ExprKind::IndexMap { x, index } => {
            expr(v, x);
            expr(v, index);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(v, x);
            for i in [lo, hi, max].into_iter().flatten() {
                expr(v, i);
            }
        }
        ExprKind::Call(c) => {
            if let Some(f) = &c.fun {
                expr(v, f);
            }
            if let Some(r) = &c.recv {
                expr(v, r);
            }
            exprs(v, &c.args);
        }
        ExprKind::MakeSlice { len, cap, .. } => {
            expr(v, len);
            if let Some(c) = cap {
                expr(v, c);
            }
        }
        ExprKind::MakeChan(l) | ExprKind::MakeMap(l) => {
            if let Some(l) = l {
                expr(v, l);
            }
        }
        ExprKind::ArrayLit(l)
        | ExprKind::SliceLit(l)
        | ExprKind::StructLit(l)
        | ExprKind::AddStr(l) => exprs(v, l),
        ExprKind::MapLit(pairs) => {
            for (k, x) in pairs {
                expr(v, k);
                expr(v, x);
            }
        }
    }
}
