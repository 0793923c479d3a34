//! The standard packages' natives (DESIGN.md's runtime/lib/; `lib` is taken by the crate root):
//! (docs/vm.md section 3, "Natives").
//!
//! Pure Rust cores with gc 1.19's exact results, each checked against output gc wrote
//! (runtime/tests/stdlib_*.rs and their data/*/gen.go). A native reads its arguments from
//! the call window, calls one of these and writes the results back; none calls Go code.
//! Go strings arrive as byte slices (`&[u8]`, possibly invalid UTF-8) and runes as `i32`.
//!
//! - [`strconv`]: Format/Parse of ints, floats (Ryū and the multiprecision decimal, as Go
//!   chooses), complex numbers and bools, Quote/Unquote with Go's IsPrint tables;
//!   errors are [`strconv::NumError`] for the VM to turn into `*strconv.NumError`.
//! - [`fmtcore`]: fmt's `fmt` struct (one operand's layout) and the Printf driver over the
//!   [`fmtcore::Arg`] trait.
//! - [`rand`]: math/rand's generator and derived functions; `Rand::new(1)` is the
//!   package-level source of Go 1.19.
//! - [`math`]: the functions whose last bit differs between libms, as gc computes them;
//!   [`bits`]: math/bits on uint64.
//! - [`unicode`], [`utf8`], [`strings`]: Go 1.19's Unicode 13 tables and the string
//!   functions built on them.
//!
//! Go's panics for bad arguments are returned as values (`rand::InvalidArgument`,
//! `strings::RepeatError`) or documented as the caller's check; no function here panics
//! on any input.

pub mod bits;
pub mod fmtcore;
pub mod math;
pub mod rand;
pub mod strconv;
pub mod strings;
pub mod unicode;
pub mod utf8;
