//! Builtin functions (types2's builtins.go and the builtin table of
//! universe.go): append, cap, close, complex, copy, delete, imag, len,
//! make, new, panic, print, println, real, recover, and unsafe's Add,
//! Alignof, Offsetof, Sizeof, Slice.

use super::check::Checker;
use super::expr::ExprClass;
use super::operand::Operand;
use crate::syntax::ast::Expr;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BuiltinId {
    Append,
    Cap,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    Assert,
    Trace,
}

impl BuiltinId {
    pub const ALL: [BuiltinId; 22] = [
        BuiltinId::Append,
        BuiltinId::Cap,
        BuiltinId::Close,
        BuiltinId::Complex,
        BuiltinId::Copy,
        BuiltinId::Delete,
        BuiltinId::Imag,
        BuiltinId::Len,
        BuiltinId::Make,
        BuiltinId::New,
        BuiltinId::Panic,
        BuiltinId::Print,
        BuiltinId::Println,
        BuiltinId::Real,
        BuiltinId::Recover,
        BuiltinId::Add,
        BuiltinId::Alignof,
        BuiltinId::Offsetof,
        BuiltinId::Sizeof,
        BuiltinId::Slice,
        BuiltinId::Assert,
        BuiltinId::Trace,
    ];

    /// (name, minimum argument count, variadic, how the call may be used)
    fn info(self) -> (&'static str, usize, bool, ExprClass) {
        use BuiltinId::*;
        use ExprClass::{Expression as E, Statement as S};
        match self {
            Append => ("append", 1, true, E),
            Cap => ("cap", 1, false, E),
            Close => ("close", 1, false, S),
            Complex => ("complex", 2, false, E),
            Copy => ("copy", 2, false, S),
            Delete => ("delete", 2, false, S),
            Imag => ("imag", 1, false, E),
            Len => ("len", 1, false, E),
            Make => ("make", 1, true, E),
            New => ("new", 1, false, E),
            Panic => ("panic", 1, false, S),
            Print => ("print", 0, true, S),
            Println => ("println", 0, true, S),
            Real => ("real", 1, false, E),
            Recover => ("recover", 0, false, S),
            Add => ("Add", 2, false, E),
            Alignof => ("Alignof", 1, false, E),
            Offsetof => ("Offsetof", 1, false, E),
            Sizeof => ("Sizeof", 1, false, E),
            Slice => ("Slice", 2, false, E),
            Assert => ("assert", 1, false, S),
            Trace => ("trace", 0, true, S),
        }
    }

    pub fn name(self) -> &'static str {
        self.info().0
    }
    pub fn nargs(self) -> usize {
        self.info().1
    }
    pub fn variadic(self) -> bool {
        self.info().2
    }
    pub fn expr_class(self) -> ExprClass {
        self.info().3
    }
}

impl<'a> Checker<'a> {
    /// Checks a call of a builtin; false if the call is invalid.
    /// PORT IN PROGRESS (builtins.go).
    pub fn builtin(&mut self, x: &mut Operand<'a>, call: &'a Expr, id: BuiltinId) -> bool {
        let _ = (x, call, id);
        false
    }
}
