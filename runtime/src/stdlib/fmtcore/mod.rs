//! The core of Go's fmt package, without reflection: format.rs is fmt/format.go's `fmt`
//! (one operand's layout), print.rs is fmt/print.go's driver (Printf's parser and error
//! forms, Print's spacing) over the [`Arg`] trait, basic.rs is Arg for predeclared types.
//!
//! How the VM prints a Go value: implement [`Arg`] for its interface value (eface). In
//! `format`, do what Go's printArg/handleMethods/printValue do — call Error/String/Format
//! when the method set has them and `!p.erroring` (that needs Go code or VM glue, since a
//! native never calls back into Go), print composite values element by element, and for
//! a basic kind call [`Basic::print`] (or the Printer's fmt_* functions) directly.

mod basic;
mod format;
mod print;

pub use basic::{Basic, Named};
pub use format::{Flags, Fmt, LDIGITS, UDIGITS};
pub use print::{sprint, sprintf, sprintln, Arg, IntValue, Kind, Printer};
