//! goscope-runtime: the Go runtime that goscope's bytecode runs on.
//!
//! File and function names follow Go's runtime (src/runtime of Go 1.19), so
//! `mapassign` in map.rs is where a reader of the seed documents looks for it.
//! docs/vm.md is the contract between this crate and the bytecode compiler.

pub mod alg;
pub mod complex;
pub mod debug;
pub mod error;
pub mod iface;
pub mod itab;
pub mod malloc;
pub mod map;
pub mod mcache;
pub mod mem;
pub mod mfinal;
pub mod mgc;
pub mod mgcmark;
pub mod mheap;
pub mod mstats;
pub mod natives;
pub mod panic;
pub mod panicval;
pub mod print;
pub mod sizeclasses;
pub mod slice;
pub mod stdlib;
pub mod string;
#[cfg(test)]
pub(crate) mod testtypes;
pub mod types;
pub mod vm;
