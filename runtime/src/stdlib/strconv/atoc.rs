//! ParseComplex and FormatComplex (Go's strconv/atoc.go, ctoa.go): "(re+imi)" forms
//! built from ParseFloat's prefix parser and FormatFloat.
//!
//! Example: `parse_complex(b"(1+2i)", 128)` is Ok((1.0, 2.0)); `format_complex(1.0,
//! -2.0, b'g', -1, 128)` is "(1-2i)".

use super::atof::parse_float_prefix;
use super::atoi::{NumError, NumErrorKind};
use super::ftoa::format_float;

const F: &str = "ParseComplex";

/// Go's strconv.FormatComplex; `bit_size` 64 (complex64) or 128. Go panics "invalid
/// bitSize" for other sizes; the caller checks.
pub fn format_complex(re: f64, im: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let size = bit_size >> 1;
    let mut ims = format_float(im, fmt, prec, size);
    if !ims.starts_with(['+', '-']) {
        ims.insert(0, '+');
    }
    format!("({}{ims}i)", format_float(re, fmt, prec, size))
}

/// Go's strconv.ParseComplex: Ok((re, im)), or the NumError with the value Go returns
/// alongside it (±Inf parts on a range error, 0 on a syntax error).
pub fn parse_complex(s: &[u8], bit_size: i64) -> Result<(f64, f64), ((f64, f64), NumError)> {
    let size = if bit_size == 64 { 32 } else { 64 };
    let orig = s;
    let err = |kind| NumError {
        func: F,
        num: orig.to_vec(),
        err: kind,
    };
    let syntax = || Err(((0.0, 0.0), err(NumErrorKind::Syntax)));
    let mut s = s;
    if s.len() >= 2 && s[0] == b'(' && s[s.len() - 1] == b')' {
        s = &s[1..s.len() - 1];
    }
    let Some((re, n, mut range)) = parse_float_prefix(s, size) else {
        return syntax();
    };
    s = &s[n..];
    let done = |v: (f64, f64), range: bool| {
        if range {
            Err((v, err(NumErrorKind::Range)))
        } else {
            Ok(v)
        }
    };
    match s.first() {
        None => return done((re, 0.0), range),
        Some(b'+') => {
            if s.len() > 1 && s[1] != b'+' {
                s = &s[1..];
            }
        }
        Some(b'-') => {}
        Some(b'i') if s.len() == 1 => return done((0.0, re), range),
        _ => return syntax(),
    }
    let Some((im, n, range_im)) = parse_float_prefix(s, size) else {
        return syntax();
    };
    range |= range_im;
    if &s[n..] != b"i" {
        return syntax();
    }
    done((re, im), range)
}
