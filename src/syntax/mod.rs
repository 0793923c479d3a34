//! Lexing and parsing of Go source into the tree of [`ast`].

pub mod ast;
pub mod pos;
pub mod symbol;
