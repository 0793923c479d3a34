//! bytes functions that build new slices (Map, ToUpper, Repeat, Replace,
//! Join, Runes, ToValidUTF8, Title) and NewBuffer/NewBufferString, with
//! gc's capacities: `make([]byte, n)` has cap n, `append([]byte(nil),
//! s...)` is nil for an empty s and rounded up to a size class
//! otherwise, and appends grow as growslice ([`GoBytes`]).

use super::bytes::{slices, Bs};
use super::strfunc::GoFn;
use super::{native, Ctx, Native};
use crate::error::RuntimeError;
use crate::mem;
use crate::sizeclasses::roundupsize;
use crate::slice::nextcap;
use crate::stdlib::unicode;
use crate::stdlib::utf8 as u8x;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// A []byte being appended to as Go code would: the bytes and the
/// capacity gc's growslice would have given it.
struct GoBytes {
    buf: Vec<u8>,
    cap: usize,
    nil: bool,
}

impl GoBytes {
    /// `make([]byte, 0, cap)`.
    fn with_cap(cap: usize) -> Self {
        GoBytes {
            buf: Vec::with_capacity(cap),
            cap,
            nil: false,
        }
    }

    /// `[]byte(nil)`.
    fn nil() -> Self {
        GoBytes {
            buf: Vec::new(),
            cap: 0,
            nil: true,
        }
    }

    /// `make([]byte, len(b))` filled with b.
    fn exact(b: Vec<u8>) -> Self {
        GoBytes {
            cap: b.len(),
            buf: b,
            nil: false,
        }
    }

    /// `append(b, more...)`.
    fn append(&mut self, more: &[u8]) {
        if more.is_empty() {
            return;
        }
        let need = self.buf.len() + more.len();
        if need > self.cap {
            self.cap = roundupsize(nextcap(self.cap, need));
        }
        self.nil = false;
        self.buf.extend_from_slice(more);
    }

    /// Allocates the slice and writes it to slots `i..i+3`.
    fn set(self, c: &mut Ctx<'_, '_>, i: u32) {
        if self.nil {
            Bs::NIL.set(c, i);
            return;
        }
        let p = if self.cap == 0 {
            crate::malloc::zerobase()
        } else {
            crate::malloc::mallocgc(self.cap, None, true)
        };
        if !self.buf.is_empty() {
            mem::bytes_mut(p, self.buf.len()).copy_from_slice(&self.buf);
        }
        c.set(i, p);
        c.set(i + 1, self.buf.len() as u64);
        c.set(i + 2, self.cap as u64);
    }
}

/// `append([]byte(nil), s...)`.
fn copy_of(s: &[u8]) -> GoBytes {
    let mut b = GoBytes::nil();
    b.append(s);
    b
}

/// Go 1.19's bytes.Map: every rune (invalid bytes as U+FFFD) mapped by
/// `f`, dropped when negative, into `make([]byte, len(s))`, which is
/// replaced by one of `2*max + UTFMax` bytes when full.
fn map_bytes(s: &[u8], mut f: impl FnMut(i32) -> i32) -> GoBytes {
    let mut buf = Vec::with_capacity(s.len());
    let mut max = s.len();
    let mut i = 0;
    while i < s.len() {
        let (r, w) = u8x::decode_rune(&s[i..]);
        let r = f(r);
        if r >= 0 {
            let rl = u8x::rune_len(r);
            let rl = if rl < 0 { 3 } else { rl as usize };
            if buf.len() + rl > max {
                max = max * 2 + 4;
            }
            u8x::append_rune(&mut buf, r);
        }
        i += w;
    }
    GoBytes {
        buf,
        cap: max,
        nil: false,
    }
}

fn map(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 1).bytes();
    let mut f = GoFn::new(c.vm, c.arg(0));
    let b = map_bytes(s, |r| f.map(r));
    f.finish()?;
    b.set(c, 4);
    Ok(())
}

/// ToUpper/ToLower: ASCII input is copied (`append([]byte(""), s...)`)
/// or mapped byte by byte into `make([]byte, len(s))`, other input goes
/// through Map.
fn ascii_or_map(c: &mut Ctx<'_, '_>, upper: bool) -> R {
    let s = Bs::at(c, 0).bytes();
    let b = if s.is_ascii() {
        let changes = if upper {
            s.iter().any(u8::is_ascii_lowercase)
        } else {
            s.iter().any(u8::is_ascii_uppercase)
        };
        if changes {
            GoBytes::exact(if upper {
                s.to_ascii_uppercase()
            } else {
                s.to_ascii_lowercase()
            })
        } else {
            let mut b = GoBytes::with_cap(0);
            b.append(s);
            b
        }
    } else if upper {
        map_bytes(s, unicode::to_upper)
    } else {
        map_bytes(s, unicode::to_lower)
    };
    b.set(c, 3);
    Ok(())
}

fn to_upper(c: &mut Ctx<'_, '_>) -> R {
    ascii_or_map(c, true)
}

fn to_lower(c: &mut Ctx<'_, '_>) -> R {
    ascii_or_map(c, false)
}

fn to_title(c: &mut Ctx<'_, '_>) -> R {
    let b = map_bytes(Bs::at(c, 0).bytes(), unicode::to_title);
    b.set(c, 3);
    Ok(())
}

/// Go's isSeparator (Title's word boundary).
fn is_separator(r: i32) -> bool {
    if r <= 0x7F {
        let c = r as u8;
        return !(c.is_ascii_alphanumeric() || c == b'_');
    }
    if unicode::is_letter(r) || unicode::is_digit(r) {
        return false;
    }
    unicode::is_space(r)
}

fn title(c: &mut Ctx<'_, '_>) -> R {
    let mut prev = 0x20;
    let b = map_bytes(Bs::at(c, 0).bytes(), |r| {
        let out = if is_separator(prev) {
            unicode::to_title(r)
        } else {
            r
        };
        prev = r;
        out
    });
    b.set(c, 3);
    Ok(())
}

fn repeat(c: &mut Ctx<'_, '_>) -> R {
    let b = Bs::at(c, 0).bytes();
    let count = c.arg(3) as i64;
    if count == 0 {
        GoBytes::exact(Vec::new()).set(c, 4);
        return Ok(());
    }
    if count < 0 {
        return Err(super::panic_string("bytes: negative Repeat count"));
    }
    let n = (b.len() as i64).wrapping_mul(count);
    if n / count != b.len() as i64 {
        return Err(super::panic_string("bytes: Repeat count causes overflow"));
    }
    if n > 1 << 40 {
        return Err(Raise::Error(RuntimeError::error_string(
            "makeslice: len out of range",
        )));
    }
    GoBytes::exact(b.repeat(count as usize)).set(c, 4);
    Ok(())
}

/// bytes.Replace: a copy when nothing is replaced.
fn replace_at(c: &mut Ctx<'_, '_>, n: i64, res: u32) -> R {
    let s = Bs::at(c, 0).bytes();
    let (old, new) = (Bs::at(c, 3).bytes(), Bs::at(c, 6).bytes());
    let m = if n != 0 {
        crate::stdlib::strings::count(s, old)
    } else {
        0
    };
    let b = if m == 0 {
        copy_of(s)
    } else {
        GoBytes::exact(crate::stdlib::strings::replace(s, old, new, n).into_owned())
    };
    b.set(c, res);
    Ok(())
}

fn replace(c: &mut Ctx<'_, '_>) -> R {
    let n = c.arg(9) as i64;
    replace_at(c, n, 10)
}

fn replace_all(c: &mut Ctx<'_, '_>) -> R {
    replace_at(c, -1, 9)
}

fn join(c: &mut Ctx<'_, '_>) -> R {
    let parts = slices(c, 0);
    let sep = Bs::at(c, 3).bytes();
    let b = match parts.len() {
        0 => GoBytes::exact(Vec::new()),
        1 => copy_of(parts[0].bytes()),
        _ => {
            let v: Vec<&[u8]> = parts.iter().map(|p| p.bytes()).collect();
            GoBytes::exact(v.join(sep))
        }
    };
    b.set(c, 6);
    Ok(())
}

fn runes(c: &mut Ctx<'_, '_>) -> R {
    let mut s = Bs::at(c, 0).bytes();
    let mut rs = Vec::new();
    while !s.is_empty() {
        let (r, w) = u8x::decode_rune(s);
        rs.push(r);
        s = &s[w..];
    }
    let n = rs.len();
    let p = if n == 0 {
        crate::malloc::zerobase()
    } else {
        crate::malloc::mallocgc(4 * n, None, true)
    };
    for (k, r) in rs.iter().enumerate() {
        mem::bytes_mut(p + 4 * k as u64, 4).copy_from_slice(&r.to_le_bytes());
    }
    c.set(3, p);
    c.set(4, n as u64);
    c.set(5, n as u64);
    Ok(())
}

fn to_valid_utf8(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0).bytes();
    let rep = Bs::at(c, 3).bytes();
    let mut b = GoBytes::with_cap(s.len() + rep.len());
    super::strfunc::to_valid_utf8_into(s, rep, |piece| b.append(piece));
    b.set(c, 6);
    Ok(())
}

/// A new `bytes.Buffer{buf: buf}` (`struct{ buf []byte; off int;
/// lastRead readOp }`, 40 bytes, the buf pointer its only pointer).
fn new_buffer_of(c: &mut Ctx<'_, '_>, buf: (u64, u64, u64), res: u32) {
    static T: std::sync::OnceLock<&'static crate::types::Type> = std::sync::OnceLock::new();
    let pt = T.get_or_init(|| {
        super::errors::named_ptr("bytes", "bytes.Buffer", 40, &[1], vec![], vec![])
    });
    let b = crate::malloc::mallocgc(40, pt.elem(), true);
    mem::store_u64(b, buf.0);
    mem::store_u64(b + 8, buf.1);
    mem::store_u64(b + 16, buf.2);
    c.set(res, b);
}

fn new_buffer(c: &mut Ctx<'_, '_>) -> R {
    let buf = (c.arg(0), c.arg(1), c.arg(2));
    new_buffer_of(c, buf, 3);
    Ok(())
}

/// NewBufferString(s): buf is `[]byte(s)`. Its capacity depends on gc's
/// escape analysis: a Buffer that does not escape (the usual local
/// buffer) converts into a 32-byte stack buffer when s fits; otherwise
/// the allocation is rounded up to its size class. The first is assumed.
fn new_buffer_string(c: &mut Ctx<'_, '_>) -> R {
    const TMP_BUF_SIZE: usize = 32;
    let s = c.str(0);
    let cap = if s.len() <= TMP_BUF_SIZE {
        TMP_BUF_SIZE
    } else {
        roundupsize(s.len())
    };
    let p = if cap == 0 {
        crate::malloc::zerobase()
    } else {
        crate::malloc::mallocgc(cap, None, true)
    };
    if !s.is_empty() {
        mem::bytes_mut(p, s.len()).copy_from_slice(s);
    }
    // Rooted through the window while the Buffer is allocated.
    c.set(2, p);
    new_buffer_of(c, (p, s.len() as u64, cap as u64), 2);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("bytes.Map", 4, 3, map),
    native("bytes.ToUpper", 3, 3, to_upper),
    native("bytes.ToLower", 3, 3, to_lower),
    native("bytes.ToTitle", 3, 3, to_title),
    native("bytes.Title", 3, 3, title),
    native("bytes.Repeat", 4, 3, repeat),
    native("bytes.Replace", 10, 3, replace),
    native("bytes.ReplaceAll", 9, 3, replace_all),
    native("bytes.Join", 6, 3, join),
    native("bytes.Runes", 3, 3, runes),
    native("bytes.ToValidUTF8", 6, 3, to_valid_utf8),
    native("bytes.NewBuffer", 3, 1, new_buffer),
    native("bytes.NewBufferString", 2, 1, new_buffer_string),
];
