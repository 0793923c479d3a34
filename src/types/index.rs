//! Index and slice expressions (types2's index.go). PORT IN PROGRESS.

use super::check::Checker;
use super::operand::{Mode, Operand};
use super::ty::TypeId;
use crate::syntax::ast::Expr;

impl<'a> Checker<'a> {
    /// `x[i]`; returns true if x is a generic function to instantiate.
    pub fn index_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) -> bool {
        let _ = e;
        x.mode = Mode::Invalid;
        false
    }

    /// `x[lo:hi:max]`.
    pub fn slice_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        let _ = e;
        x.mode = Mode::Invalid;
    }

    /// A constant or variable index below `max` (if max >= 0): its type
    /// (INVALID on error) and constant value (-1 if not constant).
    pub fn index(&mut self, index: &'a Expr, max: i64) -> (TypeId, i64) {
        let _ = (index, max);
        (TypeId::INVALID, -1)
    }
}
