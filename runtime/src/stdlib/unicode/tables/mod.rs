//! Go 1.19's Unicode 13.0.0 tables (unicode/tables.go), generated from Go's source:
//! ranges (lo, hi, stride) of each category or property, the CaseRanges deltas
//! (upper, lower, title; UPPER_LOWER marks alternating pairs), caseOrbit and asciiFold.
//! Facts; do not edit by hand.
//!
//! Split by concept: letters (L, Lu, Ll, Lt), marks_numbers (M, N, Nd), punct_symbols
//! (P, S), space (Zs, White_Space) and case (UpperLower, CaseRanges, caseOrbit, asciiFold).

mod case;
mod letters;
mod marks_numbers;
mod punct_symbols;
mod space;

pub(super) use case::*;
pub(super) use letters::*;
pub(super) use marks_numbers::*;
pub(super) use punct_symbols::*;
pub(super) use space::*;
