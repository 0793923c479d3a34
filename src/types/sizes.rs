//! Sizes and alignments of types on linux/amd64 as gc lays them out
//! (types2's sizes.go with gc's rules). PORT IN PROGRESS.

use super::check::Checker;
use super::ty::TypeId;

impl<'a> Checker<'a> {
    pub fn sizeof(&mut self, t: TypeId) -> i64 {
        let u = self.under(t);
        self.types
            .basic_kind(u)
            .map(|k| k.size() as i64)
            .unwrap_or(8)
    }
}
