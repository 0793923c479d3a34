//! Package-level initialization order (types2's initorder.go). PORT IN PROGRESS.

use super::check::Checker;

impl<'a> Checker<'a> {
    pub fn init_order(&mut self) {}
}
