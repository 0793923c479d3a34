//! ParseFloat (Go's strconv/atof.go): Go's syntax (sign, "inf"/"infinity"/"nan" in any
//! case, underscores only after a base prefix or between digits, hex mantissas with a 'p'
//! exponent) checked by a port of readFloat; decimal values are then converted by Rust's
//! correctly rounded parser (Go's Eisel-Lemire and decimal paths are correctly rounded
//! too, so the bits agree) and hex values by a port of atofHex.
//!
//! Example: `parse_float(b"1e400", 64)` is Err((+Inf, NumError{ParseFloat, "1e400",
//! Range})); `parse_float(b"0x1p-2", 64)` is Ok(0.25).

use super::atoi::{lower, underscore_ok, NumError, NumErrorKind};
use super::ftoa::{FloatInfo, FLOAT32INFO, FLOAT64INFO};

const F: &str = "ParseFloat";

/// Go's math.NaN(): Float64frombits(0x7FF8000000000001), not Rust's f64::NAN.
pub fn go_nan() -> f64 {
    f64::from_bits(0x7FF8_0000_0000_0001)
}

/// What readFloat found: the mantissa's leading digits, its exponent, and where it ended.
struct ReadFloat {
    mantissa: u64,
    exp: i32,
    neg: bool,
    trunc: bool,
    hex: bool,
    /// Bytes consumed.
    n: usize,
}

/// Go's special: a leading "inf", "infinity" or "nan" (signed infinity only), and its length.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    let first = *s.first()?;
    let (sign, nsign, rest) = match first {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        _ => (1.0, 0, s),
    };
    let prefix = |word: &[u8]| {
        rest.iter()
            .zip(word)
            .take_while(|(a, b)| a.to_ascii_lowercase() == **b)
            .count()
    };
    match rest.first().map(u8::to_ascii_lowercase) {
        Some(b'i') => {
            let mut n = prefix(b"infinity");
            if 3 < n && n < 8 {
                n = 3;
            }
            if n == 3 || n == 8 {
                return Some((sign * f64::INFINITY, nsign + n));
            }
        }
        Some(b'n') if nsign == 0 && prefix(b"nan") == 3 => return Some((go_nan(), 3)),
        _ => {}
    }
    None
}

/// Go's readFloat: None on a syntax error.
fn read_float(s: &[u8]) -> Option<ReadFloat> {
    let mut r = ReadFloat {
        mantissa: 0,
        exp: 0,
        neg: false,
        trunc: false,
        hex: false,
        n: 0,
    };
    let mut i = 0;
    let mut underscores = false;
    match s.first() {
        None => return None,
        Some(b'+') => i += 1,
        Some(b'-') => {
            r.neg = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = 10u64;
    let mut max_mant_digits = 19;
    let mut exp_char = b'e';
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        base = 16;
        max_mant_digits = 16;
        i += 2;
        exp_char = b'p';
        r.hex = true;
    }
    let (mut sawdot, mut sawdigits) = (false, false);
    let (mut nd, mut nd_mant, mut dp) = (0i32, 0i32, 0i32);
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
            dp = nd;
        } else if c.is_ascii_digit() {
            sawdigits = true;
            if c == b'0' && nd == 0 {
                dp -= 1;
            } else {
                nd += 1;
                if nd_mant < max_mant_digits {
                    r.mantissa = r.mantissa * base + u64::from(c - b'0');
                    nd_mant += 1;
                } else if c != b'0' {
                    r.trunc = true;
                }
            }
        } else if base == 16 && (b'a'..=b'f').contains(&lower(c)) {
            sawdigits = true;
            nd += 1;
            if nd_mant < max_mant_digits {
                r.mantissa = r.mantissa * 16 + u64::from(lower(c) - b'a' + 10);
                nd_mant += 1;
            } else {
                r.trunc = true;
            }
        } else {
            break;
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    if !sawdot {
        dp = nd;
    }
    if base == 16 {
        dp *= 4;
        nd_mant *= 4;
    }
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        let mut esign = 1;
        match s.get(i) {
            None => return None,
            Some(b'+') => i += 1,
            Some(b'-') => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !s.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut e = 0i32;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i32::from(s[i] - b'0');
            }
            i += 1;
        }
        dp += e * esign;
    } else if base == 16 {
        return None;
    }
    if r.mantissa != 0 {
        r.exp = dp - nd_mant;
    }
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    r.n = i;
    Some(r)
}

/// Go's atofHex: round a hex mantissa × 2^exp to the float format, half to even.
fn atof_hex(r: &ReadFloat, flt: &FloatInfo) -> (f64, bool) {
    let max_exp = (1 << flt.expbits) + flt.bias - 2;
    let min_exp = flt.bias + 1;
    let mut mantissa = r.mantissa;
    let mut exp = r.exp + flt.mantbits as i32;
    while mantissa != 0 && mantissa >> (flt.mantbits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if r.trunc {
        mantissa |= 1;
    }
    while mantissa >> (1 + flt.mantbits + 2) != 0 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    // If exponent is too negative, denormalize in hopes of making it representable.
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1;
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (1 + flt.mantbits) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> flt.mantbits == 0 {
        exp = flt.bias;
    }
    let mut range = false;
    if exp > max_exp {
        mantissa = 1 << flt.mantbits;
        exp = max_exp + 1;
        range = true;
    }
    let mut bits = mantissa & ((1 << flt.mantbits) - 1);
    bits |= (((exp - flt.bias) & ((1 << flt.expbits) - 1)) as u64) << flt.mantbits;
    if r.neg {
        bits |= 1 << flt.mantbits << flt.expbits;
    }
    let f = if flt.mantbits == FLOAT32INFO.mantbits {
        f64::from(f32::from_bits(bits as u32))
    } else {
        f64::from_bits(bits)
    };
    (f, range)
}

/// Go's parseFloatPrefix: the value, the bytes consumed and whether it overflowed, or
/// None on a syntax error.
pub(crate) fn parse_float_prefix(s: &[u8], bit_size: i64) -> Option<(f64, usize, bool)> {
    if let Some((f, n)) = special(s) {
        // atof32 narrows its special value: NaN loses Go's payload bit.
        let f = if bit_size == 32 {
            f64::from(f as f32)
        } else {
            f
        };
        return Some((f, n, false));
    }
    let r = read_float(s)?;
    let flt = if bit_size == 32 {
        &FLOAT32INFO
    } else {
        &FLOAT64INFO
    };
    if r.hex {
        let (f, range) = atof_hex(&r, flt);
        return Some((f, r.n, range));
    }
    let text: String = s[..r.n]
        .iter()
        .filter(|&&c| c != b'_')
        .map(|&c| c as char)
        .collect();
    let f = if bit_size == 32 {
        f64::from(text.parse::<f32>().ok()?)
    } else {
        text.parse::<f64>().ok()?
    };
    Some((f, r.n, f.is_infinite()))
}

/// Go's strconv.ParseFloat. bitSize 32 rounds to float32 (returned widened); on a range
/// error the value is ±Inf, as Go returns it.
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    let syntax = || {
        (
            0.0,
            NumError {
                func: F,
                num: s.to_vec(),
                err: NumErrorKind::Syntax,
            },
        )
    };
    match parse_float_prefix(s, bit_size) {
        None => Err(syntax()),
        Some((_, n, _)) if n != s.len() => Err(syntax()),
        Some((f, _, true)) => Err((
            f,
            NumError {
                func: F,
                num: s.to_vec(),
                err: NumErrorKind::Range,
            },
        )),
        Some((f, _, false)) => Ok(f),
    }
}
