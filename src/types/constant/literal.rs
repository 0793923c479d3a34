//! Literal text to constant values: go/constant's MakeFromLiteral with the
//! scanners it relies on (strconv.ParseInt and big.Int.SetString for
//! integers, big.Float.SetString then big.Rat.SetString for floats,
//! strconv.UnquoteChar and strconv.Unquote for runes and strings).
//!
//! The syntax accepted is the union those functions accept, so malformed text
//! yields Unknown exactly where gc's constant package gives up; the lexer has
//! already reported the syntax error. Work is linear in the text for strings
//! and runes and at worst quadratic in the digit count for numbers (types2
//! rejects numeric literals longer than 10000 characters before they get
//! here); exponents cost nothing however large, because values whose binary
//! exponent exceeds ±4096 are kept as 512-bit floats, never as fractions.
//!
//! Example: `0x1p-2` is the fraction 1/4; `1e1000000` is a 512-bit float;
//! `1e-3000000000` is Unknown because its binary exponent leaves big.Float's
//! range ("malformed constant" in gc), while `1e-2000000000` underflows to 0.

use super::float::{BigFloat, Ext};
use super::{utf8, Value};
use crate::syntax::ast::LitKind;
use num_bigint::{BigInt, BigUint, Sign};
use num_rational::BigRational;
use num_traits::{One, Zero};

/// Fractions may have components of up to this many bits (go/constant maxExp).
pub(crate) const MAX_EXP: i64 = 4 << 10;

/// The value of a Go literal of the given kind; Unknown if the text is not a
/// valid literal or its value is out of range.
pub fn make_from_literal(lit: &str, kind: LitKind) -> Value {
    make_from_literal_bytes(lit.as_bytes(), kind)
}

/// [`make_from_literal`] for text that need not be UTF-8 (Go's functions
/// take such text too; the tests compare the two on it).
pub(super) fn make_from_literal_bytes(b: &[u8], kind: LitKind) -> Value {
    let v = match kind {
        LitKind::Int => int_literal(b),
        LitKind::Float => float_literal(b),
        LitKind::Imag => imag_literal(b),
        LitKind::Rune => rune_literal(b),
        LitKind::String => unquote(b).map(|s| Value::make_string(&s)),
    };
    v.unwrap_or(Value::Unknown)
}

/// The value of a plain decimal (`[1-9][0-9]*` or `0`) or hexadecimal
/// (`0x` digits) literal that fits in an i64, without big arithmetic;
/// None for anything else (octal, binary, separators, signs, big values),
/// which the general scanner handles.
fn small_int_literal(b: &[u8]) -> Option<i64> {
    let (digits, base) = match b {
        [b'0', b'x' | b'X', rest @ ..] if (1..=15).contains(&rest.len()) => (rest, 16),
        [b'1'..=b'9', ..] if b.len() <= 18 => (b, 10),
        [b'0'] => return Some(0),
        _ => return None,
    };
    let mut v: i64 = 0;
    for &c in digits {
        let d = (c as char).to_digit(base)?;
        v = v * base as i64 + d as i64;
    }
    Some(v)
}

/// The exact value of a plain decimal float literal (`12.5`, `.5`, `3.`:
/// at most 18 digits, no exponent or separators), as go/constant computes
/// it for small literals (the fraction, reduced); None for anything else.
fn small_float_literal(b: &[u8]) -> Option<BigRational> {
    let dot = b.iter().position(|&c| c == b'.')?;
    let (int, frac) = (&b[..dot], &b[dot + 1..]);
    if int.len() + frac.len() > 18
        || int.len() + frac.len() == 0
        || !int.iter().chain(frac).all(u8::is_ascii_digit)
    {
        return None;
    }
    let mut num: i64 = 0;
    for &c in int.iter().chain(frac) {
        num = num * 10 + (c - b'0') as i64;
    }
    let den = 10i64.pow(frac.len() as u32);
    Some(BigRational::new(BigInt::from(num), BigInt::from(den)))
}

fn int_literal(b: &[u8]) -> Option<Value> {
    if let Some(v) = small_int_literal(b) {
        return Some(Value::make_int64(v));
    }
    let mut s = Scanner { b, i: 0 };
    let neg = s.sign();
    let m = s.mantissa(false).ok()?;
    if !s.at_end() {
        return None;
    }
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    Some(Value::make_int(BigInt::from_biguint(sign, m.value)))
}

fn imag_literal(b: &[u8]) -> Option<Value> {
    let (&last, rest) = b.split_last()?;
    if last != b'i' {
        return None;
    }
    let im = float_literal(rest)?;
    Some(Value::make_complex(Value::make_int64(0), im))
}

/// go/constant's makeFloatFromLiteral: parse as a 512-bit float; if the
/// result is "small" (binary exponent within ±4096), parse again as an exact
/// fraction. None if big.Float rejects the text.
fn float_literal(b: &[u8]) -> Option<Value> {
    let body = b
        .strip_prefix(b"+")
        .or_else(|| b.strip_prefix(b"-"))
        .unwrap_or(b);
    if body == b"Inf" || body == b"inf" {
        return Some(Value::Unknown); // big.Float accepts it; makeFloat rejects ±Inf
    }
    if let Some(r) = small_float_literal(b) {
        return Some(Value::from_rat_exact(r));
    }
    let num = scan_float(b)?;
    let f = match num.to_float()? {
        Ext::Fin(f) => f,
        Ext::Inf(_) => return Some(Value::Unknown),
    };
    let e = f.mant_exp();
    if -MAX_EXP < e && e < MAX_EXP {
        if f.is_zero() {
            // Issue 20228: an underflow to zero is parsed as plain "0".
            return Some(Value::from_rat_exact(BigRational::zero()));
        }
        if let Some(r) = num.to_rat() {
            return Some(Value::from_rat_exact(r));
        }
    }
    Some(Value::from_big_float(f))
}

/// A scanned floating-point literal: `±mant · base^fcount · ebase^exp`
/// (`fcount` only counts when negative: digits after the radix point).
struct FloatNum {
    neg: bool,
    mant: BigUint,
    base: u32,
    fcount: i64,
    exp: i64,
    ebase: u32,
}

/// big.Float.Parse(s, 0) up to the conversion; None on a syntax error.
fn scan_float(b: &[u8]) -> Option<FloatNum> {
    let mut s = Scanner { b, i: 0 };
    let neg = s.sign();
    let m = s.mantissa(true).ok()?;
    let (exp, ebase) = s.exponent()?;
    if !s.at_end() {
        return None;
    }
    Some(FloatNum {
        neg,
        mant: m.value,
        base: m.base,
        fcount: m.fcount,
        exp,
        ebase,
    })
}

impl FloatNum {
    /// Binary and decimal exponent contributions of the radix point and the
    /// exponent, with Go's wrapping int64 arithmetic.
    fn exponents(&self) -> (i64, i64) {
        let d = self.fcount.min(0);
        let (mut e2, mut e5) = match self.base {
            10 => (d, d),
            8 => (d.wrapping_mul(3), 0),
            16 => (d.wrapping_mul(4), 0),
            _ => (d, 0),
        };
        if self.ebase == 10 {
            e5 = e5.wrapping_add(self.exp);
        }
        e2 = e2.wrapping_add(self.exp);
        (e2, e5)
    }

    /// The value rounded to 512 bits (None: big.Float's "exponent overflow").
    fn to_float(&self) -> Option<Ext> {
        if self.mant.is_zero() {
            return Some(Ext::Fin(BigFloat::zero()));
        }
        let (e2, e5) = self.exponents();
        let go_exp2 = (self.mant.bits() as i64).wrapping_add(e2);
        BigFloat::from_scan(self.neg, self.mant.clone(), go_exp2, e5)
    }

    /// The exact fraction (big.Rat.SetString), None where Rat gives up on
    /// excessively large exponents.
    fn to_rat(&self) -> Option<BigRational> {
        if self.mant.is_zero() {
            return Some(BigRational::zero());
        }
        let (e2, e5) = self.exponents();
        if e5 == i64::MIN || e5.abs() > 1_000_000 || !(-10_000_000..=10_000_000).contains(&e2) {
            return None;
        }
        let sign = if self.neg { Sign::Minus } else { Sign::Plus };
        let mut num = BigInt::from_biguint(sign, self.mant.clone());
        let mut den = BigInt::one();
        let p5 = num_traits::pow(BigInt::from(5), e5.unsigned_abs() as usize);
        if e5 > 0 {
            num *= p5;
        } else {
            den = p5;
        }
        if e2 > 0 {
            num <<= e2 as u64;
        } else {
            den <<= e2.unsigned_abs();
        }
        Some(BigRational::new(num, den))
    }
}

/// A scanned mantissa: its digits' value, base (2, 8, 10, 16; 0 never), the
/// negated count of digits after the radix point (positive: no point).
struct Mantissa {
    value: BigUint,
    base: u32,
    fcount: i64,
}

/// Why a mantissa scan failed (big's errNoDigits, errInvalSep).
#[derive(Debug)]
enum ScanErr {
    NoDigits,
    InvalSep,
}

/// A cursor over literal bytes, following math/big's scanners.
struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    /// scanSign: an optional '+' or '-'.
    fn sign(&mut self) -> bool {
        match self.peek() {
            Some(b'-') => {
                self.i += 1;
                true
            }
            Some(b'+') => {
                self.i += 1;
                false
            }
            _ => false,
        }
    }

    /// big's nat.scan with base 0: a base prefix (0b, 0o, 0x, or for
    /// integers a legacy octal 0), digits with '_' separators, and for
    /// floats one radix point.
    fn mantissa(&mut self, frac_ok: bool) -> Result<Mantissa, ScanErr> {
        let (base, prefix, mut count, mut prev) = self.prefix(frac_ok);
        let mut digits = Vec::new();
        let (mut frac_ok, mut inval_sep, mut dp) = (frac_ok, false, -1i64);
        while let Some(ch) = self.peek() {
            if ch == b'.' && frac_ok {
                frac_ok = false;
                inval_sep |= prev == b'_';
                prev = b'.';
                dp = count;
            } else if ch == b'_' {
                inval_sep |= prev != b'0';
                prev = b'_';
            } else {
                let d = digit_value(ch);
                if d >= base {
                    break;
                }
                prev = b'0';
                count += 1;
                digits.push(d as u8);
            }
            self.i += 1;
        }
        let err = if inval_sep || prev == b'_' {
            Some(ScanErr::InvalSep)
        } else {
            None
        };
        if count == 0 {
            if prefix == b'0' {
                return match err {
                    Some(e) => Err(e),
                    None => Ok(Mantissa {
                        value: BigUint::zero(),
                        base: 10,
                        fcount: 1,
                    }),
                };
            }
            return Err(ScanErr::NoDigits);
        }
        if let Some(e) = err {
            return Err(e);
        }
        let value = BigUint::from_radix_be(&digits, base).unwrap_or_default();
        let fcount = if dp >= 0 { dp - count } else { count };
        Ok(Mantissa {
            value,
            base,
            fcount,
        })
    }

    /// The base prefix: returns (base, prefix, digit count so far, prev).
    fn prefix(&mut self, frac_ok: bool) -> (u32, u8, i64, u8) {
        if self.peek() != Some(b'0') {
            return (10, 0, 0, b'.');
        }
        self.i += 1;
        let (base, prefix) = match self.peek() {
            None => return (10, 0, 1, b'0'),
            Some(b'b' | b'B') => (2, b'b'),
            Some(b'o' | b'O') => (8, b'o'),
            Some(b'x' | b'X') => (16, b'x'),
            Some(_) if !frac_ok => return (8, b'0', 0, b'0'),
            Some(_) => return (10, 0, 1, b'0'),
        };
        self.i += 1;
        (base, prefix, 0, b'0')
    }

    /// big's scanExponent with base-2 exponents and separators allowed.
    /// Returns (exponent, base); None on a syntax or range error.
    fn exponent(&mut self) -> Option<(i64, u32)> {
        let ebase = match self.peek() {
            Some(b'e' | b'E') => 10,
            Some(b'p' | b'P') => 2,
            _ => return Some((0, 10)),
        };
        self.i += 1;
        let mut digits = String::new();
        if let Some(c @ (b'+' | b'-')) = self.peek() {
            if c == b'-' {
                digits.push('-');
            }
            self.i += 1;
        }
        let (mut prev, mut inval_sep, mut has_digits) = (b'.', false, false);
        while let Some(ch) = self.peek() {
            if ch.is_ascii_digit() {
                digits.push(ch as char);
                prev = b'0';
                has_digits = true;
            } else if ch == b'_' {
                inval_sep |= prev != b'0';
                prev = b'_';
            } else {
                break;
            }
            self.i += 1;
        }
        if !has_digits || inval_sep || prev == b'_' {
            return None;
        }
        Some((digits.parse::<i64>().ok()?, ebase))
    }
}

/// A digit's value in bases up to 36; 99 for anything else.
fn digit_value(ch: u8) -> u32 {
    match ch {
        b'0'..=b'9' => (ch - b'0') as u32,
        b'a'..=b'z' => (ch - b'a') as u32 + 10,
        b'A'..=b'Z' => (ch - b'A') as u32 + 10,
        _ => 99,
    }
}

/// go/constant's CHAR case: the first character or escape between the
/// quotes (strconv.UnquoteChar); anything after it is ignored, as in Go.
fn rune_literal(b: &[u8]) -> Option<Value> {
    if b.len() < 2 {
        return None;
    }
    let (r, _, _) = unquote_char(&b[1..b.len() - 1], b'\'')?;
    Some(Value::make_int64(r as i64))
}

/// strconv.UnquoteChar: the first character or escape sequence of `s` as a
/// code point, whether it must be UTF-8 encoded (false for \x and octal
/// escapes, which denote single bytes), and the rest of `s`.
pub(crate) fn unquote_char(s: &[u8], quote: u8) -> Option<(u32, bool, &[u8])> {
    let &c = s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, size) = utf8::decode(s);
        return Some((r, true, &s[size..]));
    }
    if c != b'\\' {
        return Some((c as u32, false, &s[1..]));
    }
    let &e = s.get(1)?;
    let s = &s[2..];
    let simple = match e {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\' as u32),
        b'\'' | b'"' if e == quote => Some(e as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return Some((v, false, s));
    }
    match e {
        b'x' => hex_escape(s, 2).map(|(v, t)| (v, false, t)),
        b'u' => hex_escape(s, 4)
            .filter(|&(v, _)| utf8::valid_rune(v))
            .map(|(v, t)| (v, true, t)),
        b'U' => hex_escape(s, 8)
            .filter(|&(v, _)| utf8::valid_rune(v))
            .map(|(v, t)| (v, true, t)),
        b'0'..=b'7' => octal_escape(e, s),
        _ => None,
    }
}

/// `n` hex digits.
fn hex_escape(s: &[u8], n: usize) -> Option<(u32, &[u8])> {
    let digits = s.get(..n)?;
    let mut v = 0u32;
    for &d in digits {
        v = v << 4 | (d as char).to_digit(16)?;
    }
    Some((v, &s[n..]))
}

/// A backslash, `first`, and two more octal digits; at most 255.
fn octal_escape(first: u8, s: &[u8]) -> Option<(u32, bool, &[u8])> {
    let digits = s.get(..2)?;
    let mut v = (first - b'0') as u32;
    for &d in digits {
        if !(b'0'..=b'7').contains(&d) {
            return None;
        }
        v = v << 3 | (d - b'0') as u32;
    }
    (v <= 255).then_some((v, false, &s[2..]))
}

/// strconv.Unquote: the bytes of a quoted ("..."), raw (`...`) or
/// single-quoted literal; None if it is malformed. Carriage returns are
/// dropped from raw strings; invalid UTF-8 in a quoted string becomes U+FFFD,
/// as strconv decodes it.
pub(crate) fn unquote(b: &[u8]) -> Option<Vec<u8>> {
    if b.len() < 2 {
        return None;
    }
    let quote = b[0];
    let end = b[1..].iter().position(|&c| c == quote)? + 2;
    match quote {
        b'`' => (end == b.len()).then(|| {
            b[1..end - 1]
                .iter()
                .copied()
                .filter(|&c| c != b'\r')
                .collect()
        }),
        b'"' | b'\'' => unquote_escaped(b, quote, end),
        _ => None,
    }
}

/// The quoted-string case of strconv.unquote.
fn unquote_escaped(b: &[u8], quote: u8, end: usize) -> Option<Vec<u8>> {
    let inner = &b[1..end - 1];
    if !inner.contains(&b'\\') && !inner.contains(&b'\n') {
        let valid = match quote {
            b'"' => std::str::from_utf8(inner).is_ok(),
            _ => {
                let (r, n) = utf8::decode(inner);
                n == inner.len() && (r != utf8::RUNE_ERROR || n != 1)
            }
        };
        if valid {
            return (end == b.len()).then(|| inner.to_vec());
        }
    }
    let mut out = Vec::new();
    let mut rest = &b[1..];
    while let Some(&c) = rest.first() {
        if c == quote {
            break;
        }
        let (r, multibyte, tail) = unquote_char(rest, quote)?;
        if c == b'\n' {
            return None;
        }
        rest = tail;
        if r < 0x80 || !multibyte {
            out.push(r as u8);
        } else {
            utf8::encode(r, &mut out);
        }
        if quote == b'\'' {
            break;
        }
    }
    (rest == [quote]).then_some(out)
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The general scanner's result, bypassing the fast paths.
    fn slow_int(b: &[u8]) -> Option<BigInt> {
        let mut s = Scanner { b, i: 0 };
        let neg = s.sign();
        let m = s.mantissa(false).ok()?;
        let sign = if neg { Sign::Minus } else { Sign::Plus };
        s.at_end().then(|| BigInt::from_biguint(sign, m.value))
    }

    #[test]
    fn small_literals_match_the_general_scanner() {
        for lit in [
            "0",
            "1",
            "7",
            "42",
            "100",
            "255",
            "999999999999999999",
            "0x0",
            "0xff",
            "0XFF",
            "0x7ffffffffffffff",
            "0x123456789abcdef",
        ] {
            let fast = small_int_literal(lit.as_bytes()).map(BigInt::from);
            assert_eq!(fast, slow_int(lit.as_bytes()), "{lit}");
        }
        for lit in [
            "07",
            "0b1",
            "0o7",
            "1_000",
            "-1",
            "0x",
            "9999999999999999999",
            "0x7fffffffffffffff",
        ] {
            assert_eq!(small_int_literal(lit.as_bytes()), None, "{lit}");
        }
        for lit in [
            "0.5",
            "1.5",
            "3.25",
            "0.0",
            "00.10",
            ".5",
            "3.",
            "123456789.123456789",
            "2.50",
        ] {
            let fast = small_float_literal(lit.as_bytes());
            let slow = scan_float(lit.as_bytes()).and_then(|n| n.to_rat());
            assert!(fast.is_some(), "{lit}");
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{lit}");
        }
        for lit in [
            "1e3",
            "1.5e3",
            "0x1p1",
            "1_0.5",
            ".",
            "1234567890.1234567890",
        ] {
            assert!(small_float_literal(lit.as_bytes()).is_none(), "{lit}");
        }
    }
}
