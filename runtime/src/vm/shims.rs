//! The VM's small helpers: a Go string from Rust bytes (fmt's Sprint,
//! run-time error texts) and the bounds-error constructors. Slices use
//! slice.rs, strings string.rs.

use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::malloc::mallocgc;
use crate::mem;

/// rawstring: a new string of `n` bytes, uninitialized (noscan).
fn rawstring(n: usize) -> u64 {
    mallocgc(n, None, false)
}

/// A new string holding `bytes`.
#[allow(dead_code)] // the natives' API for Go strings made in Rust
pub fn gostring(bytes: &[u8]) -> (u64, u64) {
    if bytes.is_empty() {
        return (0, 0);
    }
    let p = rawstring(bytes.len());
    mem::bytes_mut(p, bytes.len()).copy_from_slice(bytes);
    (p, bytes.len() as u64)
}

/// A new Go string of the concatenated `parts`.
pub fn gostring_concat(parts: &[&[u8]]) -> (u64, u64) {
    let n: usize = parts.iter().map(|b| b.len()).sum();
    if n == 0 {
        return (0, 0);
    }
    let p = rawstring(n);
    let dst = mem::bytes_mut(p, n);
    let mut at = 0;
    for b in parts {
        dst[at..at + b.len()].copy_from_slice(b);
        at += b.len();
    }
    (p, n as u64)
}

/// The bounds error for `x[i]` with length `n` (panicIndex).
pub fn index_error(i: i64, n: i64) -> RuntimeError {
    // gc's boundsNegErrorFmt leaves the length out for a negative index.
    let msg = if i < 0 {
        format!("index out of range [{i}]")
    } else {
        format!("index out of range [{i}] with length {n}")
    };
    RuntimeError::new(RuntimeErrorKind::Bounds, msg)
}

/// The bounds errors of `x[lo:hi]` checked against `max` (length for
/// strings and arrays, capacity for slices): gc checks hi first.
pub fn slice_error(lo: i64, hi: i64, max: i64, cap: bool) -> Option<RuntimeError> {
    let what = if cap { "capacity" } else { "length" };
    if (hi as u64) > (max as u64) {
        return Some(RuntimeError::new(
            RuntimeErrorKind::Bounds,
            format!("slice bounds out of range [:{hi}] with {what} {max}"),
        ));
    }
    if (lo as u64) > (hi as u64) {
        return Some(RuntimeError::new(
            RuntimeErrorKind::Bounds,
            format!("slice bounds out of range [{lo}:{hi}]"),
        ));
    }
    None
}

/// The bounds errors of `x[lo:hi:max]` against capacity `cap`.
pub fn slice3_error(lo: i64, hi: i64, max: i64, cap: i64) -> Option<RuntimeError> {
    let e = |m: String| Some(RuntimeError::new(RuntimeErrorKind::Bounds, m));
    if (max as u64) > (cap as u64) {
        return e(format!(
            "slice bounds out of range [::{max}] with capacity {cap}"
        ));
    }
    if (hi as u64) > (max as u64) {
        return e(format!("slice bounds out of range [:{hi}:{max}]"));
    }
    if (lo as u64) > (hi as u64) {
        return e(format!("slice bounds out of range [{lo}:{hi}:]"));
    }
    None
}
