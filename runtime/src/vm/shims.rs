//! Private minimal versions of the string and slice runtime functions
//! (string.go, slice.go, utf8.go) the VM needs before the maps/slices/
//! strings engineer's runtime/src/string.rs and slice.rs land; same names
//! and contracts, replaced at merge.

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

/// concatstrings: the concatenation of the (ptr, len) strings.
pub fn concatstrings(parts: &[(u64, u64)]) -> (u64, u64) {
    let total: u64 = parts.iter().map(|p| p.1).sum();
    let nonempty: Vec<_> = parts.iter().filter(|p| p.1 != 0).collect();
    if nonempty.len() == 1 {
        return *nonempty[0];
    }
    if total == 0 {
        return (0, 0);
    }
    let p = rawstring(total as usize);
    let mut at = p;
    for (ptr, len) in parts {
        mem::memmove(at, *ptr, *len as usize);
        at += len;
    }
    (p, total)
}

/// cmpstring: -1, 0 or 1.
pub fn cmpstring(a: (u64, u64), b: (u64, u64)) -> i64 {
    let x = mem::bytes(a.0, a.1 as usize);
    let y = mem::bytes(b.0, b.1 as usize);
    match x.cmp(y) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
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

/// slicebytetostring.
pub fn slicebytetostring(ptr: u64, n: u64) -> (u64, u64) {
    let b = mem::bytes(ptr, n as usize).to_vec();
    gostring(&b)
}

/// stringtoslicebyte: (array, len, cap).
pub fn stringtoslicebyte(s: (u64, u64)) -> (u64, u64, u64) {
    let cap = roundupsize(s.1 as usize) as u64;
    let p = mallocgc(cap as usize, None, true);
    mem::memmove(p, s.0, s.1 as usize);
    (p, s.1, cap)
}

/// The UTF-8 encoding of rune `r` (invalid runes as U+FFFD).
pub fn encoderune(r: i64, out: &mut Vec<u8>) {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut b = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
}

/// intstring: string(rune).
pub fn intstring(r: i64) -> (u64, u64) {
    let mut b = Vec::new();
    encoderune(r, &mut b);
    gostring(&b)
}

/// decoderune: the rune at byte `k` of `s` and the index after it; an
/// invalid encoding decodes as U+FFFD of width 1 (utf8.go).
pub fn decoderune(s: &[u8], k: usize) -> (i64, usize) {
    let rest = &s[k.min(s.len())..];
    let n = rest.len().min(4);
    for w in 1..=n {
        if let Ok(t) = std::str::from_utf8(&rest[..w]) {
            if let Some(c) = t.chars().next() {
                return (c as i64, k + w);
            }
        }
    }
    (0xFFFD, k + 1)
}

/// stringtoslicerune: []rune(s).
pub fn stringtoslicerune(s: (u64, u64)) -> (u64, u64, u64) {
    let bytes = mem::bytes(s.0, s.1 as usize).to_vec();
    let mut runes = Vec::new();
    let mut k = 0;
    while k < bytes.len() {
        let (r, next) = decoderune(&bytes, k);
        runes.push(r as i32);
        k = next;
    }
    let cap = roundupsize(runes.len() * 4) / 4;
    let p = mallocgc(cap * 4, None, true);
    for (i, r) in runes.iter().enumerate() {
        mem::store_u32(p + 4 * i as u64, *r as u32);
    }
    (p, runes.len() as u64, cap as u64)
}

/// slicerunetostring.
pub fn slicerunetostring(ptr: u64, n: u64) -> (u64, u64) {
    let mut b = Vec::new();
    for i in 0..n {
        encoderune(mem::load_u32(ptr + 4 * i) as i32 as i64, &mut b);
    }
    gostring(&b)
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
    RuntimeError::new(
        RuntimeErrorKind::Bounds,
        format!("index out of range [{i}] with length {n}"),
    )
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
