//! Strings (runtime/string.go, utf8.go): concatenation, conversions to and
//! from []byte and []rune, rune decoding.
//!
//! A string is the header {ptr, len} ([`StringHeader`], 16 bytes); its
//! bytes are immutable and shared by every substring, so converting to a
//! string copies and slicing does not. The empty string has ptr 0.
//! Invariants from gc that programs can observe:
//! - `[]byte(s)` of an escaping result has cap `roundupsize(len(s))`, and
//!   of a non-escaping one (the compiler passes a 32-byte `buf`) cap 32;
//! - a one-byte string made from a byte slice does not allocate (it
//!   points into `staticuint64s`), so Mallocs counts agree;
//! - invalid UTF-8 decodes as U+FFFD with width 1; encoding a surrogate or
//!   an out-of-range rune writes U+FFFD.
//!
//! Example: `string([]rune{0x65e5, -1})` is "日\u{FFFD}" (6 bytes), and
//! ranging over "a\xffb" yields 'a', U+FFFD at 1, 'b' at 2.

use crate::malloc::mallocgc;
use crate::mem;
use crate::sizeclasses::roundupsize;
use crate::slice::{SliceHeader, MAX_ALLOC};

/// The size of the compiler's temporary buffers (tmpBuf) for results
/// that do not escape.
pub const TMP_STRING_BUF_SIZE: usize = 32;

/// U+FFFD, what invalid UTF-8 decodes to.
pub const RUNE_ERROR: i32 = 0xFFFD;

/// A string as it lies in memory: {ptr, len}.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StringHeader {
    pub ptr: u64,
    pub len: usize,
}

impl StringHeader {
    /// Reads the string header at `addr`.
    pub fn load(addr: u64) -> StringHeader {
        StringHeader {
            ptr: mem::load_u64(addr),
            len: mem::load_u64(addr + 8) as usize,
        }
    }

    /// Writes the string header at `addr`.
    pub fn store(self, addr: u64) {
        mem::store_u64(addr, self.ptr);
        mem::store_u64(addr + 8, self.len as u64);
    }

    /// The string's bytes. Not to be held across a collection.
    pub fn bytes<'a>(self) -> &'a [u8] {
        mem::bytes(self.ptr, self.len)
    }

    /// `s[:n]`.
    fn prefix(self, n: usize) -> StringHeader {
        StringHeader {
            ptr: self.ptr,
            len: n,
        }
    }
}

/// gc's staticuint64s: the values 0..255 as words, so a one-byte string
/// (or a small integer in an interface) needs no allocation.
pub static STATICUINT64S: [u64; 256] = {
    let mut a = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        a[i] = i as u64;
        i += 1;
    }
    a
};

/// rawstring: a new string of `size` bytes, returned with its (writable)
/// data address. The caller fills every byte.
pub fn rawstring(size: usize) -> StringHeader {
    StringHeader {
        ptr: mallocgc(size, None, false),
        len: size,
    }
}

/// rawstringtmp: the compiler's buffer when it is given and big enough,
/// else a new string.
fn rawstringtmp(buf: Option<u64>, size: usize) -> StringHeader {
    match buf {
        Some(b) if size <= TMP_STRING_BUF_SIZE => StringHeader { ptr: b, len: size },
        _ => rawstring(size),
    }
}

/// concatstrings: `a[0] + a[1] + ...`. A single non-empty operand is
/// returned as is (no copy). `buf` is the compiler's 32-byte buffer for a
/// result that does not escape.
pub fn concatstrings(buf: Option<u64>, a: &[StringHeader]) -> StringHeader {
    let nonempty = a.iter().filter(|s| s.len > 0);
    let total: usize = nonempty.clone().map(|s| s.len).sum();
    match nonempty.clone().count() {
        0 => return StringHeader::default(),
        1 => return nonempty.copied().next().unwrap_or_default(),
        _ => {}
    }
    let s = rawstringtmp(buf, total);
    let mut at = s.ptr;
    for x in a {
        mem::memmove(at, x.ptr, x.len);
        at += x.len as u64;
    }
    s
}

/// slicebytetostring: `string(b)` for the `n` bytes at `ptr`.
pub fn slicebytetostring(buf: Option<u64>, ptr: u64, n: usize) -> StringHeader {
    if n == 0 {
        return StringHeader::default();
    }
    if n == 1 {
        let b = mem::load_u8(ptr) as usize;
        return StringHeader {
            ptr: &STATICUINT64S[b] as *const u64 as u64,
            len: 1,
        };
    }
    let s = rawstringtmp(buf, n);
    mem::memmove(s.ptr, ptr, n);
    s
}

/// slicebytetostringtmp: `string(b)` where the compiler knows the string
/// does not outlive an unchanged `b` (map lookups `m[string(b)]`,
/// comparisons, concatenation operands): no copy.
pub fn slicebytetostringtmp(ptr: u64, n: usize) -> StringHeader {
    StringHeader { ptr, len: n }
}

/// rawbyteslice: a []byte of length `size` and capacity rounded up to a
/// size class, the tail past `size` zeroed.
fn rawbyteslice(size: usize) -> SliceHeader {
    let cap = roundupsize(size);
    let p = mallocgc(cap, None, false);
    mem::memclr(p + size as u64, cap - size);
    SliceHeader {
        array: p,
        len: size,
        cap,
    }
}

/// stringtoslicebyte: `[]byte(s)`, a fresh copy.
pub fn stringtoslicebyte(buf: Option<u64>, s: StringHeader) -> SliceHeader {
    let b = match buf {
        Some(b) if s.len <= TMP_STRING_BUF_SIZE => {
            mem::memclr(b, TMP_STRING_BUF_SIZE);
            SliceHeader {
                array: b,
                len: s.len,
                cap: TMP_STRING_BUF_SIZE,
            }
        }
        _ => rawbyteslice(s.len),
    };
    mem::memmove(b.array, s.ptr, s.len);
    b
}

/// The number of runes `for range s` yields (gc's countrunes).
pub fn countrunes(s: &[u8]) -> usize {
    let mut n = 0;
    let mut k = 0;
    while k < s.len() {
        k = decoderune(s, k).1;
        n += 1;
    }
    n
}

/// stringtoslicerune: `[]rune(s)`. `buf` is the compiler's [32]rune
/// buffer for a non-escaping result.
pub fn stringtoslicerune(buf: Option<u64>, s: StringHeader) -> SliceHeader {
    let bytes = s.bytes();
    let n = countrunes(bytes);
    let a = match buf {
        Some(b) if n <= TMP_STRING_BUF_SIZE => {
            mem::memclr(b, TMP_STRING_BUF_SIZE * 4);
            SliceHeader {
                array: b,
                len: n,
                cap: TMP_STRING_BUF_SIZE,
            }
        }
        _ => rawruneslice(n),
    };
    let (mut k, mut i) = (0, 0u64);
    while k < bytes.len() {
        let (r, next) = decoderune(bytes, k);
        mem::store_u32(a.array + 4 * i, r as u32);
        i += 1;
        k = next;
    }
    a
}

/// rawruneslice: a []rune of length `size`, capacity rounded up.
fn rawruneslice(size: usize) -> SliceHeader {
    let size = size.min(MAX_ALLOC / 4);
    let mem = roundupsize(size * 4);
    let p = mallocgc(mem, None, false);
    mem::memclr(p + (size * 4) as u64, mem - size * 4);
    SliceHeader {
        array: p,
        len: size,
        cap: mem / 4,
    }
}

/// slicerunetostring: `string(runes)` for the `n` runes at `ptr`.
pub fn slicerunetostring(buf: Option<u64>, ptr: u64, n: usize) -> StringHeader {
    let rune = |i: usize| mem::load_u32(ptr + 4 * i as u64) as i32;
    let mut dum = [0u8; 4];
    let size1: usize = (0..n).map(|i| encoderune(&mut dum, rune(i))).sum();
    let s = rawstringtmp(buf, size1 + 3);
    let out = mem::bytes_mut(s.ptr, s.len);
    let mut size2 = 0;
    for i in 0..n {
        if size2 >= size1 {
            break;
        }
        size2 += encoderune(&mut out[size2..], rune(i));
    }
    s.prefix(size2)
}

/// intstring: `string(rune(v))` for an integer `v`; values outside the
/// rune range give U+FFFD. `buf` is the compiler's [4]byte buffer.
pub fn intstring(buf: Option<u64>, v: i64) -> StringHeader {
    let s = match buf {
        Some(b) => StringHeader { ptr: b, len: 4 },
        None => rawstring(4),
    };
    let r = i32::try_from(v).unwrap_or(RUNE_ERROR);
    let n = encoderune(mem::bytes_mut(s.ptr, 4), r);
    s.prefix(n)
}

/// decoderune: the rune starting at byte `k` of `s` and the index after
/// it; invalid UTF-8 (and k past the end) is U+FFFD with width 1. Unlike
/// gc's (which the compiler calls only for bytes >= 0x80) this also
/// decodes ASCII.
pub fn decoderune(s: &[u8], k: usize) -> (i32, usize) {
    let Some(rest) = s.get(k..).filter(|r| !r.is_empty()) else {
        return (RUNE_ERROR, k + 1);
    };
    let b0 = rest[0];
    if b0 < 0x80 {
        return (b0 as i32, k + 1);
    }
    let cont = |i: usize| rest.get(i).is_some_and(|&b| (0x80..=0xBF).contains(&b));
    let cx = |i: usize| (rest[i] & 0x3F) as i32;
    if (0xC0..0xE0).contains(&b0) && cont(1) {
        let r = ((b0 & 0x1F) as i32) << 6 | cx(1);
        if r > 0x7F {
            return (r, k + 2);
        }
    } else if (0xE0..0xF0).contains(&b0) && cont(1) && cont(2) {
        let r = ((b0 & 0x0F) as i32) << 12 | cx(1) << 6 | cx(2);
        if r > 0x7FF && !(0xD800..=0xDFFF).contains(&r) {
            return (r, k + 3);
        }
    } else if (0xF0..0xF8).contains(&b0) && cont(1) && cont(2) && cont(3) {
        let r = ((b0 & 0x07) as i32) << 18 | cx(1) << 12 | cx(2) << 6 | cx(3);
        if r > 0xFFFF && r <= 0x10FFFF {
            return (r, k + 4);
        }
    }
    (RUNE_ERROR, k + 1)
}

/// encoderune: writes the UTF-8 encoding of `r` into `p` (at least 4
/// bytes, or as many as the encoding needs) and returns its length;
/// surrogates and runes outside Unicode encode U+FFFD.
pub fn encoderune(p: &mut [u8], r: i32) -> usize {
    let i = r as u32;
    if i <= 0x7F {
        p[0] = i as u8;
        return 1;
    }
    if i <= 0x7FF {
        p[0] = 0xC0 | (i >> 6) as u8;
        p[1] = 0x80 | (i & 0x3F) as u8;
        return 2;
    }
    let i = if i > 0x10FFFF || (0xD800..=0xDFFF).contains(&i) {
        RUNE_ERROR as u32
    } else {
        i
    };
    if i <= 0xFFFF {
        p[0] = 0xE0 | (i >> 12) as u8;
        p[1] = 0x80 | ((i >> 6) & 0x3F) as u8;
        p[2] = 0x80 | (i & 0x3F) as u8;
        return 3;
    }
    p[0] = 0xF0 | (i >> 18) as u8;
    p[1] = 0x80 | ((i >> 12) & 0x3F) as u8;
    p[2] = 0x80 | ((i >> 6) & 0x3F) as u8;
    p[3] = 0x80 | (i & 0x3F) as u8;
    4
}

/// cmpstring: -1, 0 or +1 as `a` sorts before, equal to or after `b`
/// (bytewise).
pub fn cmpstring(a: StringHeader, b: StringHeader) -> i64 {
    match a.bytes().cmp(b.bytes()) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

#[cfg(test)]
#[path = "string_tests.rs"]
mod tests;
