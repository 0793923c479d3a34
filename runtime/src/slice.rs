//! Slices (runtime/slice.go): makeslice, growslice, slicecopy.
//!
//! A slice is the header {array, len, cap} (24 bytes, [`SliceHeader`]);
//! the array is shared by every slice of it. `append` calls growslice only
//! when the new length exceeds the capacity; growslice then follows Go
//! 1.19 exactly, because programs print `cap(s)`:
//!
//! 1. the wanted capacity is the new length; if it is more than double
//!    the old cap, take it;
//! 2. otherwise double below 256 elements, and above grow by
//!    `(newcap + 3*256) / 4` until enough;
//! 3. round the byte size up to a malloc size class and give the slack
//!    to the capacity.
//!
//! Example: appending ints one at a time gives caps 1 2 4 8 ... 256 512
//! 848 1280 1792 2560 3408 5120; `append([]int{1, 2}, 3, 4, 5)` asks for
//! 5 > 2*2, 40 bytes round up to the 48-byte class: cap 6.

use crate::error::RuntimeError;
use crate::malloc::mallocgc;
use crate::mem;
use crate::sizeclasses::roundupsize;
use crate::types::Type;

pub use crate::malloc::MAX_ALLOC;

/// A slice as it lies in memory: {array, len, cap}.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SliceHeader {
    pub array: u64,
    pub len: usize,
    pub cap: usize,
}

impl SliceHeader {
    /// Reads the slice header at `addr`.
    pub fn load(addr: u64) -> SliceHeader {
        SliceHeader {
            array: mem::load_u64(addr),
            len: mem::load_u64(addr + 8) as usize,
            cap: mem::load_u64(addr + 16) as usize,
        }
    }

    /// Writes the slice header at `addr`.
    pub fn store(self, addr: u64) {
        mem::store_u64(addr, self.array);
        mem::store_u64(addr + 8, self.len as u64);
        mem::store_u64(addr + 16, self.cap as u64);
    }
}

/// The type to allocate `et` values with: None when they hold no pointers
/// (noscan memory).
fn scan_type(et: &'static Type) -> Option<&'static Type> {
    et.has_pointers().then_some(et)
}

/// makeslice: allocates the zeroed array of `make([]T, len, cap)`.
/// gc reports an impossible len before an impossible cap.
pub fn makeslice(et: &'static Type, len: i64, cap: i64) -> Result<u64, RuntimeError> {
    let bytes = |n: i64| -> Option<usize> {
        let n = usize::try_from(n).ok()?;
        et.size.checked_mul(n).filter(|&m| m <= MAX_ALLOC)
    };
    match bytes(cap) {
        Some(mem) if len >= 0 && len <= cap => Ok(mallocgc(mem, scan_type(et), true)),
        _ if bytes(len).is_none() => Err(RuntimeError::error_string("makeslice: len out of range")),
        _ => Err(RuntimeError::error_string("makeslice: cap out of range")),
    }
}

/// The capacity growslice chooses for `old_cap` growing to hold `needed`
/// (steps 1 and 2 of the module doc, before size-class rounding).
pub(crate) fn nextcap(old_cap: usize, needed: usize) -> usize {
    let doublecap = old_cap.saturating_mul(2);
    if needed > doublecap {
        return needed;
    }
    const THRESHOLD: usize = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    let mut newcap = old_cap as i64;
    while 0 < newcap && (newcap as usize) < needed {
        newcap += (newcap + 3 * THRESHOLD as i64) / 4;
    }
    if newcap <= 0 {
        needed
    } else {
        newcap as usize
    }
}

/// growslice: a new array for `old` (of `et` elements) with room for at
/// least `needed` elements (Go 1.19's `cap` argument: the length the
/// append produces); copies the old elements and returns {array, old.len,
/// newcap}. The caller stores the appended values and sets the length.
pub fn growslice(
    et: &'static Type,
    old: SliceHeader,
    needed: usize,
) -> Result<SliceHeader, RuntimeError> {
    let cap_out_of_range = || RuntimeError::error_string("growslice: cap out of range");
    // gc's cap is an int: a length sum that overflowed is negative.
    if needed < old.cap || needed > isize::MAX as usize {
        return Err(cap_out_of_range());
    }
    if et.size == 0 {
        // gc returns &zerobase: append must not create a nil slice with a
        // non-zero length.
        return Ok(SliceHeader {
            array: crate::malloc::zerobase(),
            len: old.len,
            cap: needed,
        });
    }
    let newcap = nextcap(old.cap, needed);
    let (capmem, overflow) = match newcap.checked_mul(et.size) {
        Some(m) => (roundupsize(m), newcap > MAX_ALLOC / et.size),
        None => (0, true),
    };
    if overflow || capmem > MAX_ALLOC {
        return Err(cap_out_of_range());
    }
    let newcap = capmem / et.size;
    let lenmem = old.len * et.size;
    let p = if et.has_pointers() {
        mallocgc(capmem, Some(et), true)
    } else {
        // The append overwrites [old.len, needed); clear only the rest.
        let p = mallocgc(capmem, None, false);
        let newlenmem = needed * et.size;
        mem::memclr(p + newlenmem as u64, capmem - newlenmem);
        p
    };
    mem::memmove(p, old.array, lenmem);
    Ok(SliceHeader {
        array: p,
        len: old.len,
        cap: newcap,
    })
}

/// slicecopy: `copy(to, from)` of elements `width` bytes wide; copies
/// min(len) elements (overlap allowed) and returns that count.
pub fn slicecopy(to: u64, to_len: usize, from: u64, from_len: usize, width: usize) -> usize {
    let n = to_len.min(from_len);
    if n == 0 || width == 0 {
        return n;
    }
    if to != from {
        mem::memmove(to, from, n * width);
    }
    n
}

#[cfg(test)]
#[path = "slice_tests.rs"]
mod tests;
