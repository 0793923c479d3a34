//! gc's notion of where a node starts (syntax/positions.go StartPos).
//!
//! It is not always the leftmost byte: gc descends only through the nodes
//! whose position is not their start (selectors, calls, binary operations,
//! ...) and takes the node's own position for the others, so a key:value
//! element "starts" at its colon and a slice expression at its `[`. Errors
//! reported "at" an expression use this position, so goscope must too.

use super::ast::{Expr, ExprKind};
use super::pos::Pos;

/// gc's StartPos for an expression.
pub fn start_pos(mut e: &Expr) -> Pos {
    loop {
        if let ExprKind::CompositeLit(lit) = &e.kind {
            if let Some(t) = &lit.ty {
                e = t;
                continue;
            }
        }
        match &e.kind {
            ExprKind::Selector { x, .. }
            | ExprKind::Index { x, .. }
            | ExprKind::Assert { x, .. } => e = x,
            ExprKind::TypeSwitchGuard { lhs: Some(l), .. } => return l.pos,
            ExprKind::TypeSwitchGuard { lhs: None, x } => e = x,
            ExprKind::Operation { x, y: Some(_), .. } => e = x,
            ExprKind::Call { fun, .. } => e = fun,
            ExprKind::List(list) if !list.is_empty() => e = &list[0],
            _ => return e.pos,
        }
    }
}
