//! Conversions `T(x)` (types2's conversions.go). PORT IN PROGRESS.

use super::check::Checker;
use super::operand::Operand;
use super::ty::TypeId;

impl<'a> Checker<'a> {
    /// Converts x to type t, or reports why not.
    pub fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId) {
        x.ty = t;
        x.mode = super::operand::Mode::Value;
    }
}
