//! gc's desugar.go rewrites `recover()` into an ORECOVERFP call with the
//! caller's frame pointer as an explicit argument before analysing it.
//! That argument is a conversion of a stack-pointer read to `*int32`,
//! which points to no allocation and is discarded like every argument of
//! recover, so the rewrite changes nothing in the graph: the escape IR
//! keeps `recover()` as a builtin call whose (absent) arguments are
//! discarded (call.rs, `Builtin::DiscardArgs`).
//!
//! Invariant kept by this choice: a `recover()` call adds no location and
//! no edge.
