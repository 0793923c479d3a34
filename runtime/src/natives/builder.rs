//! strings.Builder methods (strings/builder.go) over the std layout
//! `struct{ addr *Builder; buf []byte }`: addr at 0, buf at 8..32.
//! Appends grow as gc's `append` (growslice), Grow as gc's make of
//! `2*cap+n`, so Cap() agrees with gc.

use super::bytewriter::{write, write_byte, write_string, ByteWriter};
use super::{native, Ctx, Native};
use crate::mem;
use crate::slice::{growslice, SliceHeader};
use crate::types::{Kind, Type, TypeExtra};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// `byte`, as growslice needs an element type.
pub(super) static BYTE: Type = Type {
    size: 1,
    ptrdata: 0,
    hash: 0,
    tflag: 0,
    align: 1,
    field_align: 1,
    kind: Kind::Uint8,
    gcdata: &[],
    str: "uint8",
    extra: TypeExtra::None,
    uncommon: None,
};

/// The receiver at slot 0, after Go's copyCheck.
fn recv(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
    let b = c.arg(0);
    if b < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let addr = mem::load_u64(b);
    if addr == 0 {
        mem::store_u64(b, b);
    } else if addr != b {
        return Err(super::panic_string(
            "strings: illegal use of non-zero Builder copied by value",
        ));
    }
    Ok(b)
}

fn buf(b: u64) -> SliceHeader {
    SliceHeader {
        array: mem::load_u64(b + 8),
        len: mem::load_u64(b + 16) as usize,
        cap: mem::load_u64(b + 24) as usize,
    }
}

fn set_buf(b: u64, s: &SliceHeader) {
    mem::store_u64(b + 8, s.array);
    mem::store_u64(b + 16, s.len as u64);
    mem::store_u64(b + 24, s.cap as u64);
}

/// `b.buf = append(b.buf, bytes...)`; `bytes` stays rooted by the caller.
fn append(b: u64, bytes: &[u8]) -> R {
    let mut s = buf(b);
    let need = s.len + bytes.len();
    if need > s.cap {
        s = growslice(&BYTE, s, need).map_err(Raise::Error)?;
    }
    if !bytes.is_empty() {
        mem::bytes_mut(s.array + s.len as u64, bytes.len()).copy_from_slice(bytes);
    }
    s.len = need;
    set_buf(b, &s);
    Ok(())
}

/// Go's b.grow(n): a new buffer of cap 2*cap+n holding the bytes.
fn grow(b: u64, n: usize) {
    let s = buf(b);
    let cap = 2 * s.cap + n;
    let p = crate::malloc::mallocgc(cap, None, true);
    mem::memmove(p, s.array, s.len);
    set_buf(
        b,
        &SliceHeader {
            array: p,
            len: s.len,
            cap,
        },
    );
}

/// strings.Builder as a [`ByteWriter`].
struct Builder;

impl ByteWriter for Builder {
    fn recv(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
        recv(c)
    }
    fn append(b: u64, bytes: &[u8]) -> Result<(), Raise> {
        append(b, bytes)
    }
}

fn write_rune(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    let r = c.arg(1) as u32;
    let n = if r < 0x80 {
        append(b, &[r as u8])?;
        1
    } else {
        let s = buf(b);
        if s.cap - s.len < 4 {
            grow(b, 4);
        }
        let ch = char::from_u32(r).unwrap_or('\u{FFFD}');
        let mut tmp = [0u8; 4];
        let enc = ch.encode_utf8(&mut tmp);
        let mut s = buf(b);
        mem::bytes_mut(s.array + s.len as u64, enc.len()).copy_from_slice(enc.as_bytes());
        s.len += enc.len();
        set_buf(b, &s);
        enc.len()
    };
    c.set(2, n as u64);
    c.set(3, 0);
    c.set(4, 0);
    Ok(())
}

fn string(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(0);
    if b < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let s = buf(b);
    c.set(1, if s.len == 0 { 0 } else { s.array });
    c.set(2, s.len as u64);
    Ok(())
}

fn len(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(0);
    if b < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    c.set(1, buf(b).len as u64);
    Ok(())
}

fn cap(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(0);
    if b < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    c.set(1, buf(b).cap as u64);
    Ok(())
}

fn reset(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(0);
    if b < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    for off in [0, 8, 16, 24] {
        mem::store_u64(b + off, 0);
    }
    Ok(())
}

fn grow_native(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    let n = c.arg(1) as i64;
    if n < 0 {
        return Err(super::panic_string("strings.Builder.Grow: negative count"));
    }
    let s = buf(b);
    if ((s.cap - s.len) as i64) < n {
        grow(b, n as usize);
    }
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native(
        "strings.(*Builder).WriteString",
        3,
        3,
        write_string::<Builder>,
    ),
    native("strings.(*Builder).Write", 4, 3, write::<Builder>),
    native("strings.(*Builder).WriteByte", 2, 2, write_byte::<Builder>),
    native("strings.(*Builder).WriteRune", 2, 3, write_rune),
    native("strings.(*Builder).String", 1, 2, string),
    native("strings.(*Builder).Len", 1, 1, len),
    native("strings.(*Builder).Cap", 1, 1, cap),
    native("strings.(*Builder).Reset", 1, 0, reset),
    native("strings.(*Builder).Grow", 2, 0, grow_native),
];
