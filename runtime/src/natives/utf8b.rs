//! unicode/utf8 natives on byte slices (DecodeRune, EncodeRune,
//! AppendRune, RuneCount, Valid, FullRune, ...); utf8.rs has the string
//! forms.

use super::builder::BYTE;
use super::bytes::Bs;
use super::{native, Ctx, Native};
use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::mem;
use crate::slice::{growslice, SliceHeader};
use crate::stdlib::utf8 as u8x;
use crate::vm::Raise;

type R = Result<(), Raise>;

fn decode_rune(c: &mut Ctx<'_, '_>) -> R {
    let (r, n) = u8x::decode_rune(Bs::at(c, 0).bytes());
    c.set(3, i64::from(r) as u64);
    c.set(4, n as u64);
    Ok(())
}

fn decode_last_rune(c: &mut Ctx<'_, '_>) -> R {
    let (r, n) = u8x::decode_last_rune(Bs::at(c, 0).bytes());
    c.set(3, i64::from(r) as u64);
    c.set(4, n as u64);
    Ok(())
}

fn rune_count(c: &mut Ctx<'_, '_>) -> R {
    let n = u8x::rune_count(Bs::at(c, 0).bytes());
    c.set(3, n as u64);
    Ok(())
}

fn valid(c: &mut Ctx<'_, '_>) -> R {
    let v = u8x::valid_string(Bs::at(c, 0).bytes());
    c.set_bool(3, v);
    Ok(())
}

fn rune_start(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(0) as u8;
    c.set_bool(1, b & 0xC0 != 0x80);
    Ok(())
}

/// Go's FullRune: whether p begins with a whole encoding (or an invalid
/// one, which decodes as a one-byte error) rather than a short prefix.
fn full_rune_of(p: &[u8]) -> bool {
    let Some(&b0) = p.first() else {
        return false;
    };
    let (need, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return true,
    };
    if p.len() >= need {
        return true;
    }
    if p.len() > 1 && !(lo..=hi).contains(&p[1]) {
        return true;
    }
    p.len() > 2 && !(0x80..=0xBF).contains(&p[2])
}

fn full_rune(c: &mut Ctx<'_, '_>) -> R {
    let v = full_rune_of(Bs::at(c, 0).bytes());
    c.set_bool(3, v);
    Ok(())
}

fn full_rune_in_string(c: &mut Ctx<'_, '_>) -> R {
    let v = full_rune_of(c.str(0));
    c.set_bool(2, v);
    Ok(())
}

/// The encoding EncodeRune writes (U+FFFD for invalid runes).
fn encoding(r: i32) -> Vec<u8> {
    let mut b = Vec::with_capacity(4);
    u8x::append_rune(&mut b, r);
    b
}

fn encode_rune(c: &mut Ctx<'_, '_>) -> R {
    let p = Bs::at(c, 0);
    let e = encoding(c.arg(3) as i32);
    // Go checks p[len-1] (`_ = p[3]`) or writes p[0]: the last index.
    let last = e.len() as u64 - 1;
    if last >= p.len {
        return Err(Raise::Error(RuntimeError::new(
            RuntimeErrorKind::Bounds,
            format!("index out of range [{last}] with length {}", p.len),
        )));
    }
    mem::bytes_mut(p.p, e.len()).copy_from_slice(&e);
    c.set(4, e.len() as u64);
    Ok(())
}

/// AppendRune: `append(p, encoding...)`, growing as append does.
fn append_rune(c: &mut Ctx<'_, '_>) -> R {
    let p = Bs::at(c, 0);
    let e = encoding(c.arg(3) as i32);
    let need = (p.len as usize) + e.len();
    let mut h = SliceHeader {
        array: p.p,
        len: p.len as usize,
        cap: p.cap as usize,
    };
    if need > h.cap {
        h = growslice(&BYTE, h, need).map_err(Raise::Error)?;
    }
    mem::bytes_mut(h.array + h.len as u64, e.len()).copy_from_slice(&e);
    c.set(4, h.array);
    c.set(5, need as u64);
    c.set(6, h.cap as u64);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("unicode/utf8.DecodeRune", 3, 2, decode_rune),
    native("unicode/utf8.DecodeLastRune", 3, 2, decode_last_rune),
    native("unicode/utf8.RuneCount", 3, 1, rune_count),
    native("unicode/utf8.Valid", 3, 1, valid),
    native("unicode/utf8.RuneStart", 1, 1, rune_start),
    native("unicode/utf8.FullRune", 3, 1, full_rune),
    native("unicode/utf8.FullRuneInString", 2, 1, full_rune_in_string),
    native("unicode/utf8.EncodeRune", 4, 1, encode_rune),
    native("unicode/utf8.AppendRune", 4, 3, append_rune),
];
