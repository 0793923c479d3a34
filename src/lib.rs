//! goscope: a Go 1.19 interpreter that lets its user look inside the runtime.
//!
//! The front end: `syntax` (lexer, parser, tree), `types` (the checker),
//! `diag` (diagnostics). See ARCHITECTURE.md for the code map.

pub mod compile;
pub mod diag;
pub mod driver;
pub mod escape;
pub mod frontalloc;
pub mod fxhash;
pub mod signals;
pub mod syntax;
pub mod types;
