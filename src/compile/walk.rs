//! A read-only walk over the syntax tree: every expression of a statement
//! list, in source order, function literal bodies included. The compiler's
//! pre-passes use it (which variables have their address taken, whether an
//! expression contains a call).

use crate::syntax::ast::{Decl, Expr, ExprKind, Stmt, StmtKind};

pub fn stmts<'t>(list: &'t [Stmt], f: &mut dyn FnMut(&'t Expr)) {
    for s in list {
        stmt(s, f);
    }
}

pub fn stmt<'t>(s: &'t Stmt, f: &mut dyn FnMut(&'t Expr)) {
    let opt = |e: &'t Option<Expr>, f: &mut dyn FnMut(&'t Expr)| {
        if let Some(e) = e {
            expr(e, f);
        }
    };
    match &s.kind {
        StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Labeled { stmt: st, .. } => stmt(st, f),
        StmtKind::Block(b) => stmts(&b.stmts, f),
        StmtKind::Expr(e) => expr(e, f),
        StmtKind::Send { chan, value } => {
            expr(chan, f);
            expr(value, f);
        }
        StmtKind::Decl(ds) => {
            for d in ds {
                if let Decl::Var(v) = d {
                    opt(&v.values, f);
                }
            }
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            expr(lhs, f);
            opt(rhs, f);
        }
        StmtKind::Call { call, .. } => expr(call, f),
        StmtKind::Return { results } => opt(results, f),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                stmt(i, f);
            }
            opt(cond, f);
            stmts(&then.stmts, f);
            if let Some(e) = els {
                stmt(e, f);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                stmt(i, f);
            }
            opt(cond, f);
            if let Some(p) = post {
                stmt(p, f);
            }
            stmts(&body.stmts, f);
        }
        StmtKind::Range { lhs, x, .. } => {
            opt(lhs, f);
            expr(x, f);
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => {
            if let Some(i) = init {
                stmt(i, f);
            }
            opt(tag, f);
            for c in body {
                opt(&c.cases, f);
                stmts(&c.body, f);
            }
        }
        StmtKind::Select { body, .. } => {
            for c in body {
                if let Some(s) = &c.comm {
                    stmt(s, f);
                }
                stmts(&c.body, f);
            }
        }
    }
}

pub fn expr<'t>(e: &'t Expr, f: &mut dyn FnMut(&'t Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Bad
        | ExprKind::Name(_)
        | ExprKind::BasicLit(_)
        | ExprKind::ArrayType { .. }
        | ExprKind::SliceType(_)
        | ExprKind::DotsType(_)
        | ExprKind::StructType(_)
        | ExprKind::InterfaceType { .. }
        | ExprKind::FuncType(_)
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => {}
        ExprKind::CompositeLit(lit) => {
            for x in &lit.elems {
                expr(x, f);
            }
        }
        ExprKind::KeyValue { key, value } => {
            expr(key, f);
            expr(value, f);
        }
        ExprKind::FuncLit { body, .. } => stmts(&body.stmts, f),
        ExprKind::Paren(x) => expr(x, f),
        ExprKind::Selector { x, .. } => expr(x, f),
        ExprKind::Index { x, index } => {
            expr(x, f);
            expr(index, f);
        }
        ExprKind::Slice { x, index, .. } => {
            expr(x, f);
            for i in index.iter().flatten() {
                expr(i, f);
            }
        }
        ExprKind::Assert { x, .. } => expr(x, f),
        ExprKind::TypeSwitchGuard { x, .. } => expr(x, f),
        ExprKind::Operation { x, y, .. } => {
            expr(x, f);
            if let Some(y) = y {
                expr(y, f);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            expr(fun, f);
            for a in args {
                expr(a, f);
            }
        }
        ExprKind::List(l) => {
            for x in l {
                expr(x, f);
            }
        }
    }
}

/// Whether evaluating `e` may call a function (or otherwise use a call
/// window).
pub fn has_call(e: &Expr) -> bool {
    let mut found = false;
    expr(e, &mut |x| {
        if matches!(x.kind, ExprKind::Call { .. } | ExprKind::FuncLit { .. }) {
            found = true;
        }
    });
    found
}
