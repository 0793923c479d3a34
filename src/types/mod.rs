//! The type checker, after gc's types2.

pub mod basic;
