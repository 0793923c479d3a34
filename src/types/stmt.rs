//! Statements and function bodies (types2's stmt.go). PORT IN PROGRESS.

use super::check::{Checker, DeclId};
use super::constant::Value;
use super::ty::TypeId;
use crate::syntax::ast::Block;

impl<'a> Checker<'a> {
    /// Checks a function body with the given signature.
    pub fn func_body(
        &mut self,
        decl: Option<DeclId>,
        name: &str,
        sig: TypeId,
        body: &'a Block,
        iota: Option<Value>,
    ) {
        let _ = (decl, name, sig, body, iota);
    }
}
