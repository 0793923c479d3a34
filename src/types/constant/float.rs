//! A binary floating-point number with a 512-bit mantissa: the part of Go's
//! `math/big.Float` that go/constant uses for values too large or too small
//! to keep as fractions.
//!
//! Invariants: a `BigFloat` is finite; its value is `(-1)^neg · mant · 2^exp`
//! with `mant` odd (canonical, so derived equality is value equality), or it
//! is zero (`mant == 0`, `neg == false`, `exp == 0`). Every operation is
//! correctly rounded (round half to even unless a [`Mode`] says otherwise) to
//! the requested precision, exactly as big.Float's Add, Sub, Mul and Quo are,
//! so results agree with gc bit for bit. Exponents live in big.Float's range:
//! `MantExp` (the exponent of the form 0.5 ≤ m < 1) stays within `i32`; a
//! larger result is ±Inf ([`Ext::Inf`]) and a smaller one underflows to zero.
//!
//! Cost is bounded by the precision, not by the exponent: adding 2^1000000 and
//! 2^-1000000 does not build a two-million-bit integer (big.Float would; the
//! far smaller operand only contributes a sticky bit, which gives the same
//! correctly rounded result).
//!
//! Example: `1e1000` is `mant · 2^exp` with a 512-bit `mant` and `exp` = 2810,
//! and prints in `%p` form as `0x.a7ce...p+3322`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};
use std::cmp::Ordering;

/// go/constant's precision for untyped floating-point values.
pub const PREC: u32 = 512;

/// big.Float's exponent range (`MaxExp`, `MinExp`) for the 0.5 ≤ m < 1 form.
const MAX_EXP: i64 = i32::MAX as i64;
const MIN_EXP: i64 = i32::MIN as i64;

/// Rounding modes used by go/constant (big.ToNearestEven, ToZero, AwayFromZero).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    NearestEven,
    ToZero,
    AwayFromZero,
}

/// A finite binary floating-point number (see the module comment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigFloat {
    neg: bool,
    mant: BigUint,
    exp: i64,
}

/// A rounded result: finite, or an overflow to ±Inf (true: negative).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ext {
    Fin(BigFloat),
    Inf(bool),
}

impl Ext {
    /// The finite value, or None for an infinity.
    pub fn finite(self) -> Option<BigFloat> {
        match self {
            Ext::Fin(f) => Some(f),
            Ext::Inf(_) => None,
        }
    }
}

/// Rounds the exact value `±(mant · 2^exp + tiny)` to `prec` bits, where
/// `sticky` says whether a `tiny` with 0 < tiny < 2^exp is present. Callers
/// that set `sticky` pass at least `prec + 2` mantissa bits, so the tiny part
/// lies strictly below the rounding bit.
pub fn round(neg: bool, mant: BigUint, exp: i64, sticky: bool, prec: u32, mode: Mode) -> Ext {
    if mant.is_zero() {
        return Ext::Fin(BigFloat::zero());
    }
    let n = mant.bits() as i64;
    let go_exp = exp + n;
    if go_exp < MIN_EXP {
        return Ext::Fin(BigFloat::zero());
    }
    if go_exp > MAX_EXP {
        return Ext::Inf(neg);
    }
    let (mut r, mut exp) = (mant, exp);
    let drop = n - prec as i64;
    if drop > 0 {
        let d = drop as u64;
        let half = r.bit(d - 1);
        let rest = sticky || r.trailing_zeros().is_some_and(|tz| tz < d - 1);
        r >>= d;
        exp += drop;
        let up = match mode {
            Mode::NearestEven => half && (rest || r.bit(0)),
            Mode::ToZero => false,
            Mode::AwayFromZero => half || rest,
        };
        if up {
            r += 1u32;
        }
    }
    if exp + r.bits() as i64 > MAX_EXP {
        return Ext::Inf(neg);
    }
    Ext::Fin(BigFloat::canonical(neg, r, exp))
}

impl BigFloat {
    pub fn zero() -> BigFloat {
        BigFloat {
            neg: false,
            mant: BigUint::zero(),
            exp: 0,
        }
    }

    /// Strips trailing zero bits so that equal values compare equal.
    fn canonical(neg: bool, mant: BigUint, exp: i64) -> BigFloat {
        match mant.trailing_zeros() {
            None => BigFloat::zero(),
            Some(tz) => BigFloat {
                neg,
                mant: mant >> tz,
                exp: exp + tz as i64,
            },
        }
    }

    pub fn is_zero(&self) -> bool {
        self.mant.is_zero()
    }

    /// -1, 0 or 1.
    pub fn sign(&self) -> i32 {
        match (self.is_zero(), self.neg) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        }
    }

    pub fn neg(&self) -> BigFloat {
        let mut z = self.clone();
        z.neg = !z.is_zero() && !z.neg;
        z
    }

    /// big.Float's MantExp exponent: x = m · 2^e with 0.5 ≤ |m| < 1 (0 for zero).
    pub fn mant_exp(&self) -> i64 {
        if self.is_zero() {
            0
        } else {
            self.exp + self.mant.bits() as i64
        }
    }

    /// x scaled into 0.5 ≤ |m| < 1 (the mantissa part of MantExp).
    pub fn mantissa(&self) -> BigFloat {
        let mut m = self.clone();
        if !m.is_zero() {
            m.exp = -(m.mant.bits() as i64);
        }
        m
    }

    /// `x` rounded to `prec` bits (big.Float.SetInt with precision `prec`).
    pub fn from_bigint(x: &BigInt, prec: u32) -> Ext {
        round(
            x.sign() == Sign::Minus,
            x.magnitude().clone(),
            0,
            false,
            prec,
            Mode::NearestEven,
        )
    }

    /// `x` exactly (all i64 values fit in 512 bits).
    pub fn from_i64(x: i64) -> BigFloat {
        BigFloat::canonical(x < 0, BigUint::from(x.unsigned_abs()), 0)
    }

    /// `x` rounded to `prec` bits (big.Float.SetRat).
    pub fn from_rat(x: &BigRational, prec: u32) -> Ext {
        let neg = x.numer().sign() == Sign::Minus;
        quo_parts(
            neg,
            x.numer().magnitude(),
            0,
            x.denom().magnitude(),
            0,
            prec,
        )
    }

    /// Rounds to `prec` bits with `mode` (big.Float.Set into a Float of that
    /// precision and mode).
    pub fn round_to(&self, prec: u32, mode: Mode) -> Ext {
        round(self.neg, self.mant.clone(), self.exp, false, prec, mode)
    }

    pub fn add(&self, y: &BigFloat, prec: u32) -> Ext {
        add_signed(self, y, y.neg, prec)
    }

    pub fn sub(&self, y: &BigFloat, prec: u32) -> Ext {
        add_signed(self, y, !y.is_zero() && !y.neg, prec)
    }

    pub fn mul(&self, y: &BigFloat, prec: u32) -> Ext {
        let mant = &self.mant * &y.mant;
        round(
            self.neg != y.neg,
            mant,
            self.exp + y.exp,
            false,
            prec,
            Mode::NearestEven,
        )
    }

    /// x / y correctly rounded; None when y is zero (division by zero).
    pub fn quo(&self, y: &BigFloat, prec: u32) -> Option<Ext> {
        if y.is_zero() {
            return None;
        }
        Some(quo_parts(
            self.neg != y.neg,
            &self.mant,
            self.exp,
            &y.mant,
            y.exp,
            prec,
        ))
    }

    pub fn cmp(&self, y: &BigFloat) -> Ordering {
        match self.sign().cmp(&y.sign()) {
            Ordering::Equal => {}
            o => return o,
        }
        let mag = cmp_abs(self, y);
        if self.neg {
            mag.reverse()
        } else {
            mag
        }
    }

    /// The integer part (truncated toward zero) and whether it is exact, for
    /// values with a reasonable exponent; None when the integer would have
    /// more than `max_bits` bits.
    pub fn to_int(&self, max_bits: i64) -> Option<(BigInt, bool)> {
        if self.mant_exp() > max_bits {
            return None;
        }
        let sign = if self.neg { Sign::Minus } else { Sign::Plus };
        if self.exp >= 0 {
            let m = &self.mant << self.exp as u64;
            return Some((BigInt::from_biguint(sign, m), true));
        }
        let m = &self.mant >> self.exp.unsigned_abs();
        Some((BigInt::from_biguint(sign, m), self.is_zero()))
    }

    /// The exact value as a fraction, when the exponent is within `max_bits`.
    pub fn to_rat(&self, max_bits: i64) -> Option<BigRational> {
        if self.exp.abs() > max_bits {
            return None;
        }
        let sign = if self.neg { Sign::Minus } else { Sign::Plus };
        let m = BigInt::from_biguint(sign, self.mant.clone());
        let p = BigInt::one() << self.exp.unsigned_abs();
        Some(if self.exp >= 0 {
            BigRational::from_integer(m * p)
        } else {
            BigRational::new(m, p)
        })
    }

    /// Nearest float64 and whether it is exact (big.Float.Float64).
    pub fn to_f64(&self) -> (f64, bool) {
        let (bits, exact) = self.to_ieee(&F64);
        (f64::from_bits(bits), exact)
    }

    /// Nearest float32 and whether it is exact (big.Float.Float32).
    pub fn to_f32(&self) -> (f32, bool) {
        let (bits, exact) = self.to_ieee(&F32);
        (f32::from_bits(bits as u32), exact)
    }

    /// Rounds to an IEEE binary format, round half to even, with denormals;
    /// overflow gives ±Inf. Returns the format's bits and exactness.
    fn to_ieee(&self, f: &Ieee) -> (u64, bool) {
        if self.is_zero() {
            return (0, true);
        }
        let sign = u64::from(self.neg) << (f.mbits + f.ebits);
        // The exponent for 1 ≤ m < 2, computed in int32 as big.Float does:
        // at MinExp it wraps around and the result overflows to ±Inf.
        let e = (self.mant_exp() as i32).wrapping_sub(1) as i64;
        let mut p = f.mbits as i64 + 1;
        if e < f.emin {
            p = f.mbits as i64 + 1 - f.emin + e;
            let half = self.mant.is_one(); // m == 0.5 exactly
            if p < 0 || p == 0 && half {
                return (sign, false);
            }
            if p == 0 {
                return (sign | 1, false);
            }
        }
        let r = match self.round_to(p as u32, Mode::NearestEven) {
            Ext::Fin(r) if (r.mant_exp() as i32).wrapping_sub(1) as i64 <= f.emax => r,
            _ => return (sign | f.inf_bits(), false),
        };
        let exact = r == *self;
        let e = r.mant_exp() - 1;
        let field = if e < f.emin {
            // Denormal: the value is mant · 2^exp with exp ≥ emin - mbits.
            (&r.mant << (r.exp - (f.emin - f.mbits as i64)) as u64)
                .to_u64()
                .unwrap_or(0)
        } else {
            let shift = (f.mbits as i64 - (r.mant.bits() as i64 - 1)).clamp(0, 64);
            let frac = &r.mant << shift as u64;
            let frac = frac.to_u64().unwrap_or(0) & ((1u64 << f.mbits) - 1);
            ((e + f.bias) as u64) << f.mbits | frac
        };
        (sign | field, exact)
    }

    /// big.Float.Text('p', 0): "0x.<hex mantissa>p<exponent>", e.g. "0x.8p+1".
    pub fn text_p(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let n = self.mant.bits();
        let pad = (4 - n % 4) % 4;
        let hex = (&self.mant << pad).to_str_radix(16);
        let hex = hex.trim_end_matches('0');
        let sign = if self.neg { "-" } else { "" };
        format!("{sign}0x.{hex}p{:+}", self.mant_exp())
    }

    /// Builds the float from the pieces big.Float's scanner found: the
    /// digits' value `mant`, big.Float's exponent `go_exp2` (the bit length of
    /// `mant` plus the binary exponent) and a power of five. None when
    /// `go_exp2` is out of range (big.Float's "exponent overflow").
    pub(crate) fn from_scan(neg: bool, mant: BigUint, go_exp2: i64, exp5: i64) -> Option<Ext> {
        if !(MIN_EXP..=MAX_EXP).contains(&go_exp2) {
            return None;
        }
        let exp = go_exp2 - mant.bits() as i64;
        if exp5 == 0 {
            return Some(round(neg, mant, exp, false, PREC, Mode::NearestEven));
        }
        let z = BigFloat { neg, mant, exp };
        Some(match pow5(exp5.unsigned_abs(), PREC + 64) {
            Ext::Inf(_) if exp5 < 0 => Ext::Fin(BigFloat::zero()),
            Ext::Inf(_) => Ext::Inf(neg),
            Ext::Fin(p) if exp5 < 0 => quo_parts(neg, &z.mant, z.exp, &p.mant, p.exp, PREC),
            Ext::Fin(p) => z.mul(&p, PREC),
        })
    }
}

/// 5^n at precision `prec`, computed exactly as big.Float's pow5 does (by
/// repeated squaring with rounding), so that parsed literals agree with gc.
fn pow5(n: u64, prec: u32) -> Ext {
    const TAB: u64 = 27; // 5^27 is the largest power of five in a uint64
    if n <= TAB {
        return Ext::Fin(BigFloat::from_i64(5i64.pow(n as u32)));
    }
    let mut z = Ext::Fin(BigFloat::from_i64(5i64.pow(TAB as u32)));
    let mut f = Ext::Fin(BigFloat::from_i64(5));
    let mut n = n - TAB;
    while n > 0 {
        if n & 1 != 0 {
            z = mul_ext(&z, &f, prec);
        }
        f = mul_ext(&f, &f, prec + 64);
        n >>= 1;
    }
    z
}

/// Multiplication of positive values that may have overflowed.
fn mul_ext(x: &Ext, y: &Ext, prec: u32) -> Ext {
    match (x, y) {
        (Ext::Fin(a), Ext::Fin(b)) => a.mul(b, prec),
        _ => Ext::Inf(false),
    }
}

/// Correctly rounded `±(a·2^ea) / (b·2^eb)`; b must be nonzero.
fn quo_parts(neg: bool, a: &BigUint, ea: i64, b: &BigUint, eb: i64, prec: u32) -> Ext {
    let want = prec as i64 + 2 + b.bits() as i64 - a.bits() as i64;
    let s = want.max(0) as u64;
    let (q, r) = (a << s).div_rem(b);
    round(
        neg,
        q,
        ea - eb - s as i64,
        !r.is_zero(),
        prec,
        Mode::NearestEven,
    )
}

/// x + y where y's sign is taken to be `yneg`.
fn add_signed(x: &BigFloat, y: &BigFloat, yneg: bool, prec: u32) -> Ext {
    if y.is_zero() {
        return x.round_to(prec, Mode::NearestEven);
    }
    if x.is_zero() {
        return round(yneg, y.mant.clone(), y.exp, false, prec, Mode::NearestEven);
    }
    let (big, bneg, small, sneg) = if cmp_abs(x, y) == Ordering::Less {
        (y, yneg, x, x.neg)
    } else {
        (x, x.neg, y, yneg)
    };
    let top = big.mant_exp();
    // Below bit `cut`, `small` can only act as a sticky bit.
    let cut = big.exp.min(top - prec as i64 - 3);
    if small.mant_exp() <= cut {
        let m = &big.mant << (big.exp - cut) as u64;
        let m = if bneg == sneg { m } else { m - 1u32 };
        return round(bneg, m, cut, true, prec, Mode::NearestEven);
    }
    let low = big.exp.min(small.exp);
    let a = &big.mant << (big.exp - low) as u64;
    let b = &small.mant << (small.exp - low) as u64;
    let m = if bneg == sneg { a + b } else { a - b };
    round(bneg, m, low, false, prec, Mode::NearestEven)
}

/// Compares |x| and |y|.
fn cmp_abs(x: &BigFloat, y: &BigFloat) -> Ordering {
    match (x.is_zero(), y.is_zero()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    match x.mant_exp().cmp(&y.mant_exp()) {
        Ordering::Equal => {}
        o => return o,
    }
    // Same top bit: the shifts are bounded by the mantissa lengths.
    let low = x.exp.min(y.exp);
    let a = &x.mant << (x.exp - low) as u64;
    let b = &y.mant << (y.exp - low) as u64;
    a.cmp(&b)
}

/// An IEEE 754 binary format.
struct Ieee {
    mbits: u32,
    ebits: u32,
    bias: i64,
    emin: i64,
    emax: i64,
}

impl Ieee {
    fn inf_bits(&self) -> u64 {
        ((1u64 << self.ebits) - 1) << self.mbits
    }
}

const F64: Ieee = Ieee {
    mbits: 52,
    ebits: 11,
    bias: 1023,
    emin: -1022,
    emax: 1023,
};
const F32: Ieee = Ieee {
    mbits: 23,
    ebits: 8,
    bias: 127,
    emin: -126,
    emax: 127,
};
