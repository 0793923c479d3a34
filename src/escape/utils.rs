//! Predicates on expressions (gc's utils.go): assignments that cannot
//! change where anything points, and so add no edges.
//!
//! Invariant: these only ever make the analysis drop an assignment that is
//! a no-op for escape purposes (`b.buf = b.buf[1:2]`, `val.x = val.y`);
//! any doubt answers "not a self-assignment".

use super::ir::*;

/// `*p = (*p)[a:b]`, `b.buf = b.buf[a:b]` (gc's isSliceSelfAssign): the
/// slice stores no pointer into b that was not there already.
fn is_slice_self_assign(dst: &Expr<'_>, src: &Expr<'_>) -> bool {
    let dst_x = match &dst.kind {
        ExprKind::Deref(x) | ExprKind::Dot { x, ptr: true, .. } => x,
        _ => return false,
    };
    let ExprKind::Name(dv) = dst_x.kind else {
        return false;
    };
    let ExprKind::Slice { x: base, kind, .. } = &src.kind else {
        return false;
    };
    // Slicing an array value stores a pointer to b itself.
    if *kind == SliceKind::Arr && matches!(base.kind, ExprKind::Addr(_)) {
        return false;
    }
    let base_x = match &base.kind {
        ExprKind::Deref(x) | ExprKind::Dot { x, ptr: true, .. } => x,
        _ => return false,
    };
    matches!(base_x.kind, ExprKind::Name(bv) if bv == dv)
}

/// Whether the assignment dst = src can be ignored (gc's isSelfAssign).
pub fn is_self_assign(dst: &Expr<'_>, src: &Expr<'_>) -> bool {
    if is_slice_self_assign(dst, src) {
        return true;
    }
    match (&dst.kind, &src.kind) {
        (ExprKind::Dot { x: dx, ptr: dp, .. }, ExprKind::Dot { x: sx, ptr: sp, .. })
            if dp == sp =>
        {
            same_safe_expr(dx, sx)
        }
        (
            ExprKind::Index {
                x: dx,
                index: di,
                array: da,
            },
            ExprKind::Index {
                x: sx,
                index: si,
                array: sa,
            },
        ) if da == sa => {
            if may_affect_memory(di) || may_affect_memory(si) {
                return false;
            }
            same_safe_expr(dx, sx)
        }
        _ => false,
    }
}

/// ir.SameSafeExpr: two expressions that certainly denote the same
/// storage and have no side effects.
fn same_safe_expr(l: &Expr<'_>, r: &Expr<'_>) -> bool {
    if l.ty != r.ty {
        return false;
    }
    match (&l.kind, &r.kind) {
        (ExprKind::Name(a), ExprKind::Name(b)) => a == b,
        (
            ExprKind::Dot {
                x: lx,
                ptr: lp,
                field: lf,
            },
            ExprKind::Dot {
                x: rx,
                ptr: rp,
                field: rf,
            },
        ) => lp == rp && lf == rf && same_safe_expr(lx, rx),
        (ExprKind::Deref(a), ExprKind::Deref(b))
        | (ExprKind::Unary(a), ExprKind::Unary(b))
        | (ExprKind::Conv(a), ExprKind::Conv(b)) => same_safe_expr(a, b),
        (
            ExprKind::Index {
                x: lx, index: li, ..
            },
            ExprKind::Index {
                x: rx, index: ri, ..
            },
        )
        | (ExprKind::IndexMap { x: lx, index: li }, ExprKind::IndexMap { x: rx, index: ri }) => {
            same_safe_expr(lx, rx) && same_safe_expr(li, ri)
        }
        (ExprKind::Binary(a, b), ExprKind::Binary(c, d)) => {
            same_safe_expr(a, c) && same_safe_expr(b, d)
        }
        (ExprKind::Nil, ExprKind::Nil) => true,
        _ => false,
    }
}

/// Whether evaluating n may change memory (gc's mayAffectMemory): only
/// names, constants and arithmetic, indexing, field and pointer reads of
/// them are known not to.
fn may_affect_memory(n: &Expr<'_>) -> bool {
    match &n.kind {
        ExprKind::Name(_) | ExprKind::Literal | ExprKind::Nil => false,
        ExprKind::Binary(x, y) | ExprKind::Index { x, index: y, .. } => {
            may_affect_memory(x) || may_affect_memory(y)
        }
        ExprKind::Conv(x) | ExprKind::Unary(x) | ExprKind::Dot { x, .. } | ExprKind::Deref(x) => {
            may_affect_memory(x)
        }
        ExprKind::Call(c) if c.kind == CallKind::Builtin(Builtin::DiscardOne) => {
            c.args.iter().any(may_affect_memory)
        }
        _ => true,
    }
}
