//! The type checker, after gc's types2.

pub mod basic;
pub mod constant;
