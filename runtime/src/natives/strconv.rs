//! strconv natives over stdlib::strconv. The Parse functions (which
//! return a *strconv.NumError) come with the error types.

use super::{native, Ctx, Native};
use crate::stdlib::strconv as sc;
use crate::vm::Raise;

fn itoa(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let s = sc::itoa(c.arg(0) as i64);
    c.set_str(1, s.as_bytes());
    Ok(())
}

fn format_int(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let base = c.arg(1) as i64;
    if !sc::valid_int_base(base) {
        return Err(super::panic_string(
            "strconv: illegal AppendInt/FormatInt base",
        ));
    }
    let s = sc::format_int(c.arg(0) as i64, base as u32);
    c.set_str(2, s.as_bytes());
    Ok(())
}

fn format_uint(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let base = c.arg(1) as i64;
    if !sc::valid_int_base(base) {
        return Err(super::panic_string(
            "strconv: illegal AppendInt/FormatInt base",
        ));
    }
    let s = sc::format_uint(c.arg(0), base as u32);
    c.set_str(2, s.as_bytes());
    Ok(())
}

fn format_float(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let s = sc::format_float(
        c.f64(0),
        c.arg(1) as u8,
        c.arg(2) as i64 as i32,
        c.arg(3) as u32,
    );
    c.set_str(4, s.as_bytes());
    Ok(())
}

fn format_bool(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let s = sc::format_bool(c.arg(0) != 0);
    c.set_str(1, s.as_bytes());
    Ok(())
}

fn quote(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let s = sc::quote(c.str(0));
    c.set_str(2, s.as_bytes());
    Ok(())
}

fn quote_rune(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let s = sc::quote_rune(c.arg(0) as i32);
    c.set_str(1, s.as_bytes());
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("strconv.Itoa", 1, 2, itoa),
    native("strconv.FormatInt", 2, 2, format_int),
    native("strconv.FormatUint", 2, 2, format_uint),
    native("strconv.FormatFloat", 4, 2, format_float),
    native("strconv.FormatBool", 1, 2, format_bool),
    native("strconv.Quote", 2, 2, quote),
    native("strconv.QuoteRune", 1, 2, quote_rune),
];
