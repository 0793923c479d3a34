//! Printing constants as go/constant does: `String()` (via `Display`), the
//! short, human-readable form that types2 puts in error messages, and
//! [`Value::exact_string`].
//!
//! Short forms: floats print like `fmt.Sprintf("%.6g", x)` of the nearest
//! float64 ("1e+100", "0.333333"); values beyond float64's range use an
//! approximate decimal exponent ("1e+1000"); strings are quoted with
//! strconv.Quote's escapes and cut to 72 characters ("\"aaa...\"..." );
//! complex values print as "(re + imi)". Exact forms: fractions as "a/b",
//! 512-bit floats in `%p` hex form ("0x.8p+1"), complete quoted strings.

use super::float::{BigFloat, Ext, PREC};
use super::{isprint, utf8, FloatRep, IntRep, Value};
use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};
use std::fmt;

impl fmt::Display for Value {
    /// go/constant's String().
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unknown => f.write_str("unknown"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::String(s) => f.write_str(&s.with_bytes(short_quote)),
            Value::Int(i) => match &i.0 {
                IntRep::Small(x) => write!(f, "{x}"),
                IntRep::Big(x) => write!(f, "{x}"),
            },
            Value::Float(x) => match &x.0 {
                FloatRep::Rat(r) => match BigFloat::from_rat(r, PREC) {
                    Ext::Fin(b) => f.write_str(&float_string(&b)),
                    Ext::Inf(neg) => f.write_str(if neg { "-Inf" } else { "+Inf" }),
                },
                FloatRep::Big(b) => f.write_str(&float_string(b)),
            },
            Value::Complex(c) => write!(f, "({} + {}i)", c.0 .0, c.0 .1),
        }
    }
}

impl Value {
    /// go/constant's ExactString(): an exact, quoted form of the value.
    pub fn exact_string(&self) -> String {
        match self {
            Value::String(s) => s.with_bytes(quote),
            Value::Float(x) => match &x.0 {
                FloatRep::Rat(r) if r.denom().is_one() => r.numer().to_string(),
                FloatRep::Rat(r) => format!("{}/{}", r.numer(), r.denom()),
                FloatRep::Big(b) => b.text_p(),
            },
            Value::Complex(c) => {
                format!("({} + {}i)", c.0 .0.exact_string(), c.0 .1.exact_string())
            }
            _ => self.to_string(),
        }
    }
}

/// strconv.Quote shortened to 72 characters: longer results keep their
/// first 69 characters and end in "...".
fn short_quote(s: &[u8]) -> String {
    const MAX_LEN: usize = 72;
    let q = quote(s);
    if q.chars().count() <= MAX_LEN {
        return q;
    }
    let mut short: String = q.chars().take(MAX_LEN - 3).collect();
    short.push_str("...");
    short
}

/// strconv.Quote: a double-quoted Go string literal for the bytes, with
/// non-printable characters escaped and invalid UTF-8 bytes as `\xNN`.
pub fn quote(mut s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    while !s.is_empty() {
        let (r, width) = utf8::decode(s);
        if width == 1 && r == utf8::RUNE_ERROR {
            out.push_str(&format!("\\x{:02x}", s[0]));
        } else {
            escape_rune(r, &mut out);
        }
        s = &s[width..];
    }
    out.push('"');
    out
}

/// strconv's appendEscapedRune for a double-quoted string.
fn escape_rune(r: u32, out: &mut String) {
    let c = char::from_u32(r).unwrap_or(char::REPLACEMENT_CHARACTER);
    if c == '"' || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if isprint::is_print(r) {
        out.push(c);
        return;
    }
    let s = match c {
        '\x07' => "\\a",
        '\x08' => "\\b",
        '\x0c' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\x0b' => "\\v",
        _ if r < 0x20 || r == 0x7f => return out.push_str(&format!("\\x{r:02x}")),
        _ if r < 0x10000 => return out.push_str(&format!("\\u{r:04x}")),
        _ => return out.push_str(&format!("\\U{r:08x}")),
    };
    out.push_str(s);
}

/// go/constant's floatVal.String(): `%.6g` of the nearest float64 when that
/// neither overflows nor underflows, else an approximate decimal form
/// `%.6ge%+d` computed from the binary exponent.
fn float_string(f: &BigFloat) -> String {
    let (x, _) = f.to_f64();
    if (f.is_zero() == (x == 0.0)) && x.is_finite() {
        return fmt_g(x, 6);
    }
    let (m, _) = f.mantissa().to_f64(); // 0.5 <= |m| < 1
    let d = f.mant_exp() as f64 * std::f64::consts::LOG10_2;
    let mut e = d as i64;
    // Approximation: Rust's powf may differ from Go's math.Pow in the last
    // bit, which can only matter when m sits on a 6-digit rounding boundary.
    let mut m = m * 10f64.powf(d - e as f64);
    let am = m.abs();
    if am < 0.9999995 {
        m *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}e{:+}", fmt_g(m, 6), e)
}

/// `fmt.Sprintf("%.*g", prec, x)` for a finite x (strconv's 'g' format with
/// an explicit precision: at most `prec` significant digits, trailing zeros
/// removed, exponent form when the exponent is < -4 or ≥ the precision).
pub fn fmt_g(x: f64, prec: usize) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (digits, dp) = decimal_digits(x.abs(), prec);
    let nd = digits.len() as i64;
    let mut eprec = prec as i64;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    let exp = dp - 1;
    let body = if exp < -4 || exp >= eprec {
        fmt_e(&digits, dp, (prec as i64).min(nd) - 1)
    } else {
        let p = if prec as i64 > dp { nd } else { prec as i64 };
        fmt_f(&digits, dp, (p - dp).max(0))
    };
    format!("{sign}{body}")
}

/// strconv's fmtE: d.ddddde±dd with `prec` digits after the point.
fn fmt_e(digits: &[u8], dp: i64, prec: i64) -> String {
    let mut s = String::new();
    s.push(digits.first().map_or('0', |&d| d as char));
    if prec > 0 {
        s.push('.');
        for i in 1..=prec as usize {
            s.push(digits.get(i).map_or('0', |&d| d as char));
        }
    }
    let exp = if digits.is_empty() { 0 } else { dp - 1 };
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{s}e{sign}{:02}", exp.abs())
}

/// strconv's fmtF: %f with `prec` digits after the point.
fn fmt_f(digits: &[u8], dp: i64, prec: i64) -> String {
    let digit = |j: i64| -> char {
        if 0 <= j && j < digits.len() as i64 {
            digits[j as usize] as char
        } else {
            '0'
        }
    };
    let mut s = String::new();
    if dp > 0 {
        (0..dp).for_each(|j| s.push(digit(j)));
    } else {
        s.push('0');
    }
    if prec > 0 {
        s.push('.');
        (0..prec).for_each(|i| s.push(digit(dp + i)));
    }
    s
}

/// The decimal digits of x ≥ 0 rounded (half to even) to `prec` significant
/// digits, trailing zeros removed, and the decimal point position: x ≈
/// 0.d1d2... · 10^dp. Zero has no digits.
fn decimal_digits(x: f64, prec: usize) -> (Vec<u8>, i64) {
    if x == 0.0 {
        return (Vec::new(), 0);
    }
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp2) = if e == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, e - 1075)
    };
    let (num, den) = if exp2 >= 0 {
        (BigUint::from(mant) << exp2 as u64, BigUint::one())
    } else {
        (BigUint::from(mant), BigUint::one() << exp2.unsigned_abs())
    };
    let mut k = x.log10().floor() as i64; // estimate of the decimal exponent
    loop {
        let q = scaled(&num, &den, prec as i64 - 1 - k);
        let lo = BigUint::from(10u32).pow(prec as u32 - 1);
        if q.0 >= lo.clone() * 10u32 {
            k += 1;
        } else if q.0 < lo {
            k -= 1;
        } else {
            return round_digits(q, &lo, prec, k);
        }
    }
}

/// ⌊num/den · 10^s⌋ and whether the dropped part is (below, at, above) half.
fn scaled(num: &BigUint, den: &BigUint, s: i64) -> (BigUint, std::cmp::Ordering) {
    let p = BigUint::from(10u32).pow(s.unsigned_abs() as u32);
    let (n, d) = if s >= 0 {
        (num * p, den.clone())
    } else {
        (num.clone(), den * p)
    };
    let (q, r) = n.div_rem(&d);
    (q, (r * 2u32).cmp(&d))
}

/// Rounds the `prec`-digit integer half to even and returns its digits
/// without trailing zeros, with the decimal point after digit `k + 1`.
fn round_digits(
    (mut q, half): (BigUint, std::cmp::Ordering),
    lo: &BigUint,
    prec: usize,
    mut k: i64,
) -> (Vec<u8>, i64) {
    let odd = q.is_odd();
    if half.is_gt() || half.is_eq() && odd {
        q += 1u32;
        if q >= lo * 10u32 {
            q = lo.clone();
            k += 1;
        }
    }
    let mut digits = q.to_str_radix(10).into_bytes();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    debug_assert!(digits.len() <= prec);
    if q.is_zero() {
        digits.clear();
    }
    (digits, k + 1)
}
