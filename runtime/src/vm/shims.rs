//! The VM's own slice helpers until its ops carry `_type` descriptors
//! (src/compile/rtype.rs): makeslice and growslice over an element size
//! (runtime/src/slice.rs has gc's versions over `&Type`, which the VM will
//! call then), and the bounds-error constructors. Strings use string.rs.

use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::malloc::mallocgc;
use crate::mem;
use crate::sizeclasses::roundupsize;

/// gc's maxAlloc on linux/amd64 (1 << 48).
const MAX_ALLOC: u64 = 1 << 48;

/// rawstring: a new string of `n` bytes, uninitialized (noscan).
fn rawstring(n: usize) -> u64 {
    mallocgc(n, None, false)
}

/// A new string holding `bytes`.
pub fn gostring(bytes: &[u8]) -> (u64, u64) {
    if bytes.is_empty() {
        return (0, 0);
    }
    let p = rawstring(bytes.len());
    mem::bytes_mut(p, bytes.len()).copy_from_slice(bytes);
    (p, bytes.len() as u64)
}

/// makeslice: the array of a `make([]T, len, cap)`.
pub fn makeslice(elem_size: u64, len: i64, cap: i64, ptrs: bool) -> Result<u64, RuntimeError> {
    let mem_of = |n: i64| {
        (n as u64)
            .checked_mul(elem_size)
            .filter(|m| *m <= MAX_ALLOC)
    };
    if len < 0 || mem_of(len).is_none() {
        return Err(RuntimeError::error_string("makeslice: len out of range"));
    }
    if cap < len || mem_of(cap).is_none() {
        return Err(RuntimeError::error_string("makeslice: cap out of range"));
    }
    let size = (cap as u64 * elem_size) as usize;
    let _ = ptrs;
    Ok(mallocgc(size, None, true))
}

/// growslice: a new array for a slice of (ptr, len, cap) that must hold
/// `newlen` elements; returns (ptr, cap). gc 1.19's growth: double below
/// 256 elements, then by (newcap + 3*256)/4 each step, rounded up to a size
/// class.
pub fn growslice(old: (u64, u64, u64), newlen: u64, elem_size: u64) -> (u64, u64) {
    let (oldptr, oldlen, oldcap) = old;
    let mut newcap = oldcap;
    let doublecap = newcap + newcap;
    if newlen > doublecap {
        newcap = newlen;
    } else {
        const THRESHOLD: u64 = 256;
        if oldcap < THRESHOLD {
            newcap = doublecap;
        } else {
            while newcap > 0 && newcap < newlen {
                newcap += (newcap + 3 * THRESHOLD) / 4;
            }
            if newcap == 0 {
                newcap = newlen;
            }
        }
    }
    let capmem = if elem_size == 0 {
        return (oldptr, newcap);
    } else {
        roundupsize((newcap * elem_size) as usize) as u64
    };
    newcap = capmem / elem_size;
    let p = mallocgc(capmem as usize, None, true);
    mem::memmove(p, oldptr, (oldlen * elem_size) as usize);
    (p, newcap)
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
