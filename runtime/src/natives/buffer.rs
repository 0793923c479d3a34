//! bytes.Buffer methods (bytes/buffer.go) over the std layout
//! `struct{ buf []byte; off int; lastRead readOp }` (buf at 0..24, off
//! at 24, lastRead an int8 at 32), growing exactly as Go's grow and
//! growSlice so Cap() agrees with gc.

use super::builder::BYTE;
use super::bytewriter::{write, write_byte, write_string, ByteWriter};
use super::{native, Ctx, Native};
use crate::mem;
use crate::slice::{growslice, SliceHeader};
use crate::vm::Raise;

type R = Result<(), Raise>;

const SMALL_BUFFER_SIZE: usize = 64;
const UTF_MAX: usize = 4;

/// The receiver at slot 0 (nil: a nil dereference, as gc's).
pub(super) fn recv(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
    let b = c.arg(0);
    if b < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    Ok(b)
}

/// b.buf (at offset 0).
pub(super) fn buf(b: u64) -> SliceHeader {
    SliceHeader {
        array: mem::load_u64(b),
        len: mem::load_u64(b + 8) as usize,
        cap: mem::load_u64(b + 16) as usize,
    }
}

pub(super) fn set_buf(b: u64, s: &SliceHeader) {
    mem::store_u64(b, s.array);
    mem::store_u64(b + 8, s.len as u64);
    mem::store_u64(b + 16, s.cap as u64);
}

pub(super) fn off(b: u64) -> usize {
    mem::load_u64(b + 24) as usize
}

pub(super) fn set_off(b: u64, o: usize) {
    mem::store_u64(b + 24, o as u64);
}

fn clear_last_read(b: u64) {
    mem::bytes_mut(b + 32, 1)[0] = 0;
}

pub(super) fn reset_buf(b: u64) {
    let mut s = buf(b);
    s.len = 0;
    set_buf(b, &s);
    set_off(b, 0);
    clear_last_read(b);
}

/// tryGrowByReslice: Some(old len) when n bytes fit in the capacity.
fn try_grow_by_reslice(b: u64, n: usize) -> Option<usize> {
    let mut s = buf(b);
    let l = s.len;
    if n <= s.cap - l {
        s.len = l + n;
        set_buf(b, &s);
        return Some(l);
    }
    None
}

/// Go's grow: room for n more bytes; returns where they go.
fn grow(b: u64, n: usize) -> Result<usize, Raise> {
    let m = buf(b).len - off(b);
    if m == 0 && off(b) != 0 {
        reset_buf(b);
    }
    if let Some(i) = try_grow_by_reslice(b, n) {
        return Ok(i);
    }
    let s = buf(b);
    if s.array == 0 && n <= SMALL_BUFFER_SIZE {
        let p = crate::malloc::mallocgc(SMALL_BUFFER_SIZE, None, true);
        set_buf(
            b,
            &SliceHeader {
                array: p,
                len: n,
                cap: SMALL_BUFFER_SIZE,
            },
        );
        return Ok(0);
    }
    let c = s.cap;
    let o = off(b);
    let mut s = if n + m <= c / 2 {
        mem::memmove(s.array, s.array + o as u64, m);
        s
    } else {
        // growSlice(b.buf[b.off:], b.off+n)
        let want = (m + o + n).max(2 * (c - o));
        let empty = SliceHeader {
            array: 0,
            len: 0,
            cap: 0,
        };
        let mut g = growslice(&BYTE, empty, want).map_err(Raise::Error)?;
        mem::memmove(g.array, s.array + o as u64, m);
        g.len = m;
        g
    };
    set_off(b, 0);
    s.len = m + n;
    set_buf(b, &s);
    Ok(m)
}

/// Writes `bytes` (rooted by the caller) as Write/WriteString do.
fn write_bytes(b: u64, bytes: &[u8]) -> Result<(), Raise> {
    clear_last_read(b);
    let m = match try_grow_by_reslice(b, bytes.len()) {
        Some(m) => m,
        None => grow(b, bytes.len())?,
    };
    if !bytes.is_empty() {
        mem::bytes_mut(buf(b).array + m as u64, bytes.len()).copy_from_slice(bytes);
    }
    Ok(())
}

/// bytes.Buffer as a [`ByteWriter`].
struct Buffer;

impl ByteWriter for Buffer {
    fn recv(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
        recv(c)
    }
    fn append(b: u64, bytes: &[u8]) -> Result<(), Raise> {
        write_bytes(b, bytes)
    }
}

fn write_rune(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    let r = c.arg(1) as u32;
    if r < 0x80 {
        write_bytes(b, &[r as u8])?;
        c.set(2, 1);
    } else {
        clear_last_read(b);
        let m = match try_grow_by_reslice(b, UTF_MAX) {
            Some(m) => m,
            None => grow(b, UTF_MAX)?,
        };
        let ch = char::from_u32(r).unwrap_or('\u{FFFD}');
        let mut tmp = [0u8; 4];
        let enc = ch.encode_utf8(&mut tmp);
        let mut s = buf(b);
        mem::bytes_mut(s.array + m as u64, enc.len()).copy_from_slice(enc.as_bytes());
        s.len = m + enc.len();
        set_buf(b, &s);
        c.set(2, enc.len() as u64);
    }
    c.set(3, 0);
    c.set(4, 0);
    Ok(())
}

fn string(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(0);
    if b == 0 {
        c.set_str(1, b"<nil>");
        return Ok(());
    }
    let b = recv(c)?;
    let (s, o) = (buf(b), off(b));
    let bytes = if s.len == o {
        Vec::new()
    } else {
        mem::bytes(s.array + o as u64, s.len - o).to_vec()
    };
    c.set_str(1, &bytes);
    Ok(())
}

fn bytes(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    let (s, o) = (buf(b), off(b));
    c.set(1, if s.array == 0 { 0 } else { s.array + o as u64 });
    c.set(2, (s.len - o) as u64);
    c.set(3, (s.cap - o) as u64);
    Ok(())
}

fn len(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    c.set(1, (buf(b).len - off(b)) as u64);
    Ok(())
}

fn cap(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    c.set(1, buf(b).cap as u64);
    Ok(())
}

fn reset(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    reset_buf(b);
    Ok(())
}

fn grow_native(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    let n = c.arg(1) as i64;
    if n < 0 {
        return Err(super::panic_string("bytes.Buffer.Grow: negative count"));
    }
    let m = grow(b, n as usize)?;
    let mut s = buf(b);
    s.len = m;
    set_buf(b, &s);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("bytes.(*Buffer).WriteString", 3, 3, write_string::<Buffer>),
    native("bytes.(*Buffer).Write", 4, 3, write::<Buffer>),
    native("bytes.(*Buffer).WriteByte", 2, 2, write_byte::<Buffer>),
    native("bytes.(*Buffer).WriteRune", 2, 3, write_rune),
    native("bytes.(*Buffer).String", 1, 2, string),
    native("bytes.(*Buffer).Bytes", 1, 3, bytes),
    native("bytes.(*Buffer).Len", 1, 1, len),
    native("bytes.(*Buffer).Cap", 1, 1, cap),
    native("bytes.(*Buffer).Reset", 1, 0, reset),
    native("bytes.(*Buffer).Grow", 2, 0, grow_native),
];
