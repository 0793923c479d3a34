//! unicode/utf8 natives over stdlib::utf8.

use super::{native, Ctx, Native};
use crate::stdlib::utf8 as u8x;
use crate::vm::Raise;

type R = Result<(), Raise>;

fn rune_count_in_string(c: &mut Ctx<'_, '_>) -> R {
    let n = u8x::rune_count(c.str(0));
    c.set(2, n as u64);
    Ok(())
}

fn rune_len(c: &mut Ctx<'_, '_>) -> R {
    let n = u8x::rune_len(c.arg(0) as i32);
    c.set(1, n as i64 as u64);
    Ok(())
}

fn valid_string(c: &mut Ctx<'_, '_>) -> R {
    let v = u8x::valid_string(c.str(0));
    c.set_bool(2, v);
    Ok(())
}

fn valid_rune(c: &mut Ctx<'_, '_>) -> R {
    let v = u8x::valid_rune(c.arg(0) as i32);
    c.set_bool(1, v);
    Ok(())
}

fn decode_rune_in_string(c: &mut Ctx<'_, '_>) -> R {
    let (r, n) = u8x::decode_rune(c.str(0));
    c.set(2, r as i64 as u64);
    c.set(3, n as u64);
    Ok(())
}

fn decode_last_rune_in_string(c: &mut Ctx<'_, '_>) -> R {
    let (r, n) = u8x::decode_last_rune(c.str(0));
    c.set(2, r as i64 as u64);
    c.set(3, n as u64);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("unicode/utf8.RuneCountInString", 2, 1, rune_count_in_string),
    native("unicode/utf8.RuneLen", 1, 1, rune_len),
    native("unicode/utf8.ValidString", 2, 1, valid_string),
    native("unicode/utf8.ValidRune", 1, 1, valid_rune),
    native(
        "unicode/utf8.DecodeRuneInString",
        2,
        2,
        decode_rune_in_string,
    ),
    native(
        "unicode/utf8.DecodeLastRuneInString",
        2,
        2,
        decode_last_rune_in_string,
    ),
];
