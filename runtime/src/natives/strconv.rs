//! strconv natives over stdlib::strconv. The Parse functions (which
//! return a *strconv.NumError) come with the error types.

use super::{native, Ctx, Native};
use crate::mem;
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

/// Writes the error of a failed parse at `res`: a `*strconv.NumError`
/// {Func, Num (the input at window slots 0, 1), Err} whose Err is a new
/// `*errors.errorString` (gc's ErrSyntax/ErrRange are shared values).
fn num_error(c: &mut Ctx<'_, '_>, e: &sc::NumError, res: u32) -> Result<(), Raise> {
    let tab = super::errors::std_itab(c, "*strconv.NumError")?;
    let es = super::errors::std_itab(c, "*errors.errorString")?;
    let p = crate::malloc::mallocgc(48, tab.typ.elem(), true);
    c.set(res, tab.addr());
    c.set(res + 1, p);
    let (np, nl) = if e.num.as_slice() == c.str(0) {
        (c.arg(0), c.arg(1))
    } else {
        super::gostring(&e.num)
    };
    mem::store_u64(p + 16, np);
    mem::store_u64(p + 24, nl);
    let q = crate::malloc::mallocgc(16, es.typ.elem(), true);
    mem::store_u64(p + 32, es.addr());
    mem::store_u64(p + 40, q);
    let (fp, fl) = super::gostring(e.func.as_bytes());
    mem::store_u64(p, fp);
    mem::store_u64(p + 8, fl);
    let (mp, ml) = super::gostring(e.err.message().as_bytes());
    mem::store_u64(q, mp);
    mem::store_u64(q + 8, ml);
    Ok(())
}

/// Writes a nil error at `res`.
fn no_error(c: &mut Ctx<'_, '_>, res: u32) {
    c.set(res, 0);
    c.set(res + 1, 0);
}

fn atoi(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    match sc::atoi(c.str(0)) {
        Ok(v) => {
            c.set(2, v as u64);
            no_error(c, 3);
            Ok(())
        }
        Err((v, e)) => {
            c.set(2, v as u64);
            num_error(c, &e, 3)
        }
    }
}

fn parse_int(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let r = sc::parse_int(c.str(0), c.arg(2) as i64, c.arg(3) as i64);
    match r {
        Ok(v) => {
            c.set(4, v as u64);
            no_error(c, 5);
            Ok(())
        }
        Err((v, e)) => {
            c.set(4, v as u64);
            num_error(c, &e, 5)
        }
    }
}

fn parse_uint(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let r = sc::parse_uint(c.str(0), c.arg(2) as i64, c.arg(3) as i64);
    match r {
        Ok(v) => {
            c.set(4, v);
            no_error(c, 5);
            Ok(())
        }
        Err((v, e)) => {
            c.set(4, v);
            num_error(c, &e, 5)
        }
    }
}

fn parse_float(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    match sc::parse_float(c.str(0), c.arg(2) as i64) {
        Ok(v) => {
            c.set_f64(3, v);
            no_error(c, 4);
            Ok(())
        }
        Err((v, e)) => {
            c.set_f64(3, v);
            num_error(c, &e, 4)
        }
    }
}

fn parse_bool(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    match sc::parse_bool(c.str(0)) {
        Ok(v) => {
            c.set_bool(2, v);
            no_error(c, 3);
            Ok(())
        }
        Err(e) => {
            c.set_bool(2, false);
            num_error(c, &e, 3)
        }
    }
}

/// `(*NumError).Error`: "strconv." + Func + ": parsing " + Quote(Num) +
/// ": " + Err.Error().
fn num_error_error(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let field = |off: u64| {
        let (sp, sl) = (mem::load_u64(p + off), mem::load_u64(p + off + 8));
        if sl == 0 {
            Vec::new()
        } else {
            mem::bytes(sp, sl as usize).to_vec()
        }
    };
    let (func, num) = (field(0), field(16));
    let mut out = b"strconv.".to_vec();
    out.extend_from_slice(&func);
    out.extend_from_slice(b": parsing ");
    out.extend_from_slice(sc::quote(&num).as_bytes());
    out.extend_from_slice(b": ");
    let (et, ed) = (mem::load_u64(p + 32), mem::load_u64(p + 40));
    match crate::itab::itab_from_addr(et) {
        None => return Err(Raise::Error(crate::error::RuntimeError::nil_deref())),
        Some(tab) => {
            let fid = tab.fun.first().copied().unwrap_or(0);
            let r = c.vm.call_go(fid, 0, &[ed], 2).map_err(Raise::from)?;
            if r[1] != 0 {
                out.extend_from_slice(mem::bytes(r[0], r[1] as usize));
            }
        }
    }
    c.set_str(1, &out);
    Ok(())
}

fn num_error_unwrap(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    c.set(1, mem::load_u64(p + 32));
    c.set(2, mem::load_u64(p + 40));
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("strconv.Atoi", 2, 3, atoi),
    native("strconv.ParseInt", 4, 3, parse_int),
    native("strconv.ParseUint", 4, 3, parse_uint),
    native("strconv.ParseFloat", 3, 3, parse_float),
    native("strconv.ParseBool", 2, 3, parse_bool),
    native("strconv.(*NumError).Error", 1, 2, num_error_error),
    native("strconv.(*NumError).Unwrap", 1, 2, num_error_unwrap),
    native("strconv.Itoa", 1, 2, itoa),
    native("strconv.FormatInt", 2, 2, format_int),
    native("strconv.FormatUint", 2, 2, format_uint),
    native("strconv.FormatFloat", 4, 2, format_float),
    native("strconv.FormatBool", 1, 2, format_bool),
    native("strconv.Quote", 2, 2, quote),
    native("strconv.QuoteRune", 1, 2, quote_rune),
];
