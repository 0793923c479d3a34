//! The type checker: a port of gc's types2 (cmd/compile/internal/types2)
//! onto goscope's syntax tree, with gc's error messages.
//!
//! Entry point: [`check_file`]. The result's [`Info`] tables are what
//! escape analysis and the bytecode compiler consume.

pub mod assignments;
pub mod basic;
pub mod binary;
pub mod builtins;
pub mod call;
pub mod check;
pub mod complit;
pub mod constant;
pub mod context;
pub mod conversions;
pub mod decl;
pub mod errors;
pub mod expr;
pub mod index;
pub mod infer;
pub mod info;
pub mod initorder;
pub mod instantiate;
pub mod interface;
pub mod labels;
pub mod lookup;
pub mod mono;
pub mod named;
pub mod object;
pub mod operand;
pub mod package;
pub mod predicates;
pub mod range;
pub mod resolver;
pub mod returns;
pub mod scope;
pub mod signature;
pub mod sizes;
pub mod split;
pub mod stdlib;
pub mod stmt;
pub mod structs;
pub mod subst;
pub mod switches;
pub mod termlist;
#[cfg(test)]
mod tests;
pub mod ty;
pub mod typeparam;
pub mod typeset;
pub mod typestring;
pub mod typexpr;
pub mod unify;
pub mod union;
pub mod universe;
pub mod unsafe_builtins;
pub mod untyped;
pub mod validtype;

pub use check::Checker;
pub use info::Info;
#[cfg(test)]
mod generics_tests;
