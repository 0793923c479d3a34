//! Exact constant arithmetic: a port of Go's go/constant package, plus the
//! representability rules of types2 (const.go / expr.go) that decide whether
//! a constant fits a basic type.
//!
//! A [`Value`] is Unknown, a Bool, a String (a byte sequence: Go strings need
//! not be UTF-8), an Int, a Float or a Complex. Like go/constant, each
//! numeric kind has two representations, and the smaller or more precise one
//! is chosen whenever possible:
//!
//! * Int: an `i64` when the value fits, else a `BigInt`. An Int is never
//!   stored as a `BigInt` if it fits an `i64` (so equal values have equal
//!   representations).
//! * Float: an exact fraction (`BigRational`) while numerator and denominator
//!   have fewer than 4096 bits, else a `BigFloat` (float.rs) with a 512-bit
//!   mantissa, correctly rounded. Once a value is a BigFloat it stays one:
//!   returning to a fraction would claim a precision that is not there.
//! * Complex: a pair of Int or Float values.
//!
//! Invariants: no value is ever ±Inf or NaN (operations that would produce
//! one yield Unknown); zero floats are never negative; an operation on an
//! Unknown operand yields Unknown. Nothing here panics on any input: where
//! go/constant panics (an operation undefined for its operands, division by
//! zero) the result is Unknown, and the type checker, which rejects those
//! cases first (as types2 does), never sees the difference.
//!
//! Worked example: `1/3 * 3` for untyped float constants is
//! `Rat(1/3) * Int(3)`; the Int is matched to a fraction and the product is
//! exactly `Rat(1)`, whose ExactString is "1". `1e-1300` is too small for a
//! fraction of under 4096 bits, so `1e-1300 / 11 * 11 / 1e-1300` is computed
//! with 512-bit floats and comes out as 1 + 2^-511; [`Value::to_int`] still
//! accepts it as 1, as go/constant does, taking the difference for rounding
//! error. `1 << 600` is an exact 601-bit Int, which types2 then reports as
//! "constant shift overflow" because untyped integers may not exceed 512
//! bits ([`check_overflow`]).
//!
//! Code map: `literal` (MakeFromLiteral and the scanners of strconv and
//! math/big it relies on), `ops` (UnaryOp, BinaryOp, Shift, Compare),
//! `float` (the 512-bit float), `rat` (fractions to float32/float64, as
//! big.Rat rounds them), `format` (String, ExactString, strconv.Quote,
//! `%.6g`), `represent` (types2's representability and overflow checks and
//! their messages), `strval` (string values), `utf8`, `isprint` (generated).
//! The tests compare against results produced by Go itself: see gen/ and
//! testdata/.

mod float;
mod format;
mod isprint;
mod literal;
mod ops;
mod rat;
mod represent;
mod strval;
mod utf8;

#[cfg(test)]
mod tests;

pub use literal::make_from_literal;
pub use ops::{binary_op, compare, quo_int, shift, unary_op};
pub use represent::{
    check_overflow, convert, long_literal_message, malformed_message, operand_string,
    overflow_op_name, representable, representable_const, round_float32, round_float64,
    untyped_int_overflows, OverflowErr, RepresentErr, MAX_LITERAL_LEN,
};
pub use strval::StrVal;

use float::{BigFloat, Ext, Mode, PREC};
use literal::MAX_EXP;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive};
use std::rc::Rc;

/// The kind of a constant value (go/constant.Kind).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Kind {
    Unknown,
    Bool,
    String,
    Int,
    Float,
    Complex,
}

/// The value of a Go constant (go/constant.Value).
///
/// Equality (`==`) is mathematical equality of two values of the same kind
/// (an Int never equals a Float; use [`compare`] for Go's mixed comparison).
#[derive(Clone, Debug)]
pub enum Value {
    Unknown,
    Bool(bool),
    String(StrVal),
    Int(IntVal),
    Float(FloatVal),
    Complex(ComplexVal),
}

/// An integer: an `i64` when it fits, else a big integer.
#[derive(Clone, Debug)]
pub struct IntVal(IntRep);

#[derive(Clone, Debug)]
enum IntRep {
    Small(i64),
    Big(Rc<BigInt>),
}

/// A floating-point value: an exact fraction when small, else a 512-bit float.
#[derive(Clone, Debug)]
pub struct FloatVal(FloatRep);

#[derive(Clone, Debug)]
enum FloatRep {
    Rat(Rc<BigRational>),
    Big(Rc<BigFloat>),
}

/// A complex value: real and imaginary parts, each an Int or a Float.
#[derive(Clone, Debug)]
pub struct ComplexVal(Rc<(Value, Value)>);

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Unknown, Value::Unknown) => true,
            _ if self.kind() != other.kind() => false,
            _ => compare(self, crate::syntax::ast::Operator::Eql, other),
        }
    }
}

impl Value {
    /// Whether the value is Unknown (the result of an invalid operation).
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown)
    }

    /// The value's kind.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Unknown => Kind::Unknown,
            Value::Bool(_) => Kind::Bool,
            Value::String(_) => Kind::String,
            Value::Int(_) => Kind::Int,
            Value::Float(_) => Kind::Float,
            Value::Complex(_) => Kind::Complex,
        }
    }

    pub fn make_bool(b: bool) -> Value {
        Value::Bool(b)
    }

    /// A String value holding `bytes` (not necessarily UTF-8).
    pub fn make_string(bytes: &[u8]) -> Value {
        Value::String(StrVal::new(bytes))
    }

    pub fn make_int64(x: i64) -> Value {
        Value::Int(IntVal(IntRep::Small(x)))
    }

    pub fn make_uint64(x: u64) -> Value {
        Value::make_int(BigInt::from(x))
    }

    /// An Int from a big integer (go/constant.Make with a *big.Int).
    pub fn make_int(x: BigInt) -> Value {
        match x.to_i64() {
            Some(v) => Value::make_int64(v),
            None => Value::Int(IntVal(IntRep::Big(Rc::new(x)))),
        }
    }

    /// A Float from a fraction (go/constant.Make with a *big.Rat): kept
    /// exact while its components have fewer than 4096 bits, else rounded
    /// to 512 bits.
    pub fn make_rat(x: BigRational) -> Value {
        let small = |b: &BigInt| (b.bits() as i64) < MAX_EXP;
        if small(x.numer()) && small(x.denom()) {
            return Value::from_rat_exact(x);
        }
        Value::from_ext(BigFloat::from_rat(&x, PREC))
    }

    /// A Float for `x`; Unknown for ±Inf and NaN; -0.0 becomes 0.
    pub fn make_float64(x: f64) -> Value {
        if !x.is_finite() {
            return Value::Unknown;
        }
        Value::from_rat_exact(rat::rat_from_f64(x + 0.0))
    }

    /// The Complex value `x·i` for an Int or Float `x`; Unknown otherwise.
    pub fn make_imag(x: &Value) -> Value {
        match x {
            Value::Int(_) | Value::Float(_) => Value::make_complex(Value::make_int64(0), x.clone()),
            _ => Value::Unknown,
        }
    }

    /// A Float holding the fraction as is (no size check).
    pub(super) fn from_rat_exact(x: BigRational) -> Value {
        Value::Float(FloatVal(FloatRep::Rat(Rc::new(x))))
    }

    /// go/constant's makeFloat for a finite 512-bit float.
    fn from_big_float(x: BigFloat) -> Value {
        Value::Float(FloatVal(FloatRep::Big(Rc::new(x))))
    }

    /// makeFloat: an infinite result is Unknown.
    fn from_ext(x: Ext) -> Value {
        match x {
            Ext::Fin(f) => Value::from_big_float(f),
            Ext::Inf(_) => Value::Unknown,
        }
    }

    /// makeComplex: Unknown if either part is.
    fn make_complex(re: Value, im: Value) -> Value {
        if re.kind() == Kind::Unknown || im.kind() == Kind::Unknown {
            return Value::Unknown;
        }
        Value::Complex(ComplexVal(Rc::new((re, im))))
    }

    /// The boolean; false unless a Bool.
    pub fn bool_val(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// The string's length in bytes; 0 unless a String.
    pub fn string_len(&self) -> usize {
        match self {
            Value::String(s) => s.len(),
            _ => 0,
        }
    }

    /// The string's bytes; empty unless a String.
    pub fn string_val(&self) -> Vec<u8> {
        match self {
            Value::String(s) => s.to_vec(),
            _ => Vec::new(),
        }
    }

    /// The value as an i64 and whether that is exact; (0, false) unless an
    /// Int. For a big Int the result is its low 64 bits (with the sign
    /// applied), as big.Int.Int64 gives, and not exact.
    pub fn int64_val(&self) -> (i64, bool) {
        match self.int_rep() {
            Some(IntRep::Small(x)) => (*x, true),
            Some(IntRep::Big(x)) => {
                let low = x.magnitude().iter_u64_digits().next().unwrap_or(0) as i64;
                (
                    if x.is_negative() {
                        low.wrapping_neg()
                    } else {
                        low
                    },
                    false,
                )
            }
            None => (0, false),
        }
    }

    /// The value as a u64 and whether that is exact; (0, false) unless an
    /// Int. Inexact results are the low 64 bits of the magnitude (two's
    /// complement for a negative i64), as Go gives.
    pub fn uint64_val(&self) -> (u64, bool) {
        match self.int_rep() {
            Some(IntRep::Small(x)) => (*x as u64, *x >= 0),
            Some(IntRep::Big(x)) => {
                let low = x.magnitude().iter_u64_digits().next().unwrap_or(0);
                (low, !x.is_negative() && x.bits() <= 64)
            }
            None => (0, false),
        }
    }

    /// The nearest float64 and whether it is exact, for Int and Float
    /// values; (0, false) otherwise. Tiny values underflow to ±0 and huge
    /// ones give ±Inf (not exact).
    pub fn float64_val(&self) -> (f64, bool) {
        match self {
            Value::Int(IntVal(IntRep::Small(x))) => {
                let f = *x as f64;
                (f, fits_i64(f) && f as i64 == *x)
            }
            Value::Int(IntVal(IntRep::Big(x))) => match BigFloat::from_bigint(x, PREC) {
                Ext::Fin(f) => f.to_f64(),
                Ext::Inf(neg) => (
                    if neg {
                        f64::NEG_INFINITY
                    } else {
                        f64::INFINITY
                    },
                    false,
                ),
            },
            Value::Float(FloatVal(FloatRep::Rat(r))) => rat::rat_to_f64(r),
            Value::Float(FloatVal(FloatRep::Big(f))) => f.to_f64(),
            _ => (0.0, false),
        }
    }

    /// Like [`Value::float64_val`] for float32.
    pub fn float32_val(&self) -> (f32, bool) {
        match self {
            Value::Int(IntVal(IntRep::Small(x))) => {
                let f = *x as f32;
                (f, fits_i64(f as f64) && f as i64 == *x)
            }
            Value::Int(IntVal(IntRep::Big(x))) => match BigFloat::from_bigint(x, PREC) {
                Ext::Fin(f) => f.to_f32(),
                Ext::Inf(neg) => (
                    if neg {
                        f32::NEG_INFINITY
                    } else {
                        f32::INFINITY
                    },
                    false,
                ),
            },
            Value::Float(FloatVal(FloatRep::Rat(r))) => rat::rat_to_f32(r),
            Value::Float(FloatVal(FloatRep::Big(f))) => f.to_f32(),
            _ => (0.0, false),
        }
    }

    /// The number of bits of |x| for an Int; 0 otherwise.
    pub fn bit_len(&self) -> u64 {
        match self.int_rep() {
            Some(IntRep::Small(x)) => 64 - x.unsigned_abs().leading_zeros() as u64,
            Some(IntRep::Big(x)) => x.bits(),
            None => 0,
        }
    }

    /// -1, 0 or 1 for x < 0, x == 0, x > 0. For a Complex, 0 iff both parts
    /// are 0 (the parts' signs or'ed, as in Go). 1 for Unknown, so that an
    /// Unknown divisor causes no spurious division-by-zero error; 0 for
    /// Bool and String.
    pub fn sign(&self) -> i32 {
        match self {
            Value::Unknown => 1,
            Value::Int(IntVal(IntRep::Small(x))) => x.signum() as i32,
            Value::Int(IntVal(IntRep::Big(x))) => x.signum().to_i32().unwrap_or(0),
            Value::Float(FloatVal(FloatRep::Rat(r))) => r.numer().signum().to_i32().unwrap_or(0),
            Value::Float(FloatVal(FloatRep::Big(f))) => f.sign(),
            Value::Complex(c) => c.0 .0.sign() | c.0 .1.sign(),
            Value::Bool(_) | Value::String(_) => 0,
        }
    }

    /// The numerator of an Int or Float (with the sign of x); Unknown for
    /// other kinds and for floats too large or small to be fractions.
    pub fn num(&self) -> Value {
        match self.to_rational() {
            Some(r) => Value::make_int(r.numer().clone()),
            None => Value::Unknown,
        }
    }

    /// The denominator (≥ 1) of an Int or Float; Unknown as for `num`.
    pub fn denom(&self) -> Value {
        match self.to_rational() {
            Some(r) => Value::make_int(r.denom().clone()),
            None => Value::Unknown,
        }
    }

    /// The value as an exact fraction, if it is numeric and not a Complex
    /// and not a float outside the fraction range.
    fn to_rational(&self) -> Option<BigRational> {
        match self {
            Value::Int(_) => Some(BigRational::from_integer(self.big_int()?)),
            Value::Float(FloatVal(FloatRep::Rat(r))) => Some((**r).clone()),
            Value::Float(FloatVal(FloatRep::Big(f))) if small_float(f) => {
                f.to_rat(MAX_EXP + PREC as i64)
            }
            _ => None,
        }
    }

    /// The real part of a numeric value (the value itself unless Complex).
    pub fn real(&self) -> Value {
        match self {
            Value::Int(_) | Value::Float(_) => self.clone(),
            Value::Complex(c) => c.0 .0.clone(),
            _ => Value::Unknown,
        }
    }

    /// The imaginary part of a numeric value (0 unless Complex).
    pub fn imag(&self) -> Value {
        match self {
            Value::Int(_) | Value::Float(_) => Value::make_int64(0),
            Value::Complex(c) => c.0 .1.clone(),
            _ => Value::Unknown,
        }
    }

    /// The value as an Int if it is an integer; otherwise Unknown. A Float
    /// within a few bits of rounding error of an integer counts as that
    /// integer (as in go/constant: such a value is taken to be an integer
    /// that lost exactness in earlier operations). Huge floats are Unknown.
    pub fn to_int(&self) -> Value {
        match self {
            Value::Int(_) => self.clone(),
            Value::Float(FloatVal(FloatRep::Rat(r))) if r.is_integer() => {
                Value::make_int(r.numer().clone())
            }
            Value::Float(FloatVal(FloatRep::Big(f))) if small_float(f) => big_float_to_int(f),
            Value::Complex(_) => match self.to_float() {
                f @ Value::Float(_) => f.to_int(),
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    /// The value as a Float if it is a real number; otherwise Unknown.
    pub fn to_float(&self) -> Value {
        match self {
            Value::Int(IntVal(IntRep::Small(x))) => {
                Value::from_rat_exact(BigRational::from_integer((*x).into()))
            }
            Value::Int(IntVal(IntRep::Big(x))) if (x.bits() as i64) < MAX_EXP => {
                Value::from_rat_exact(BigRational::from_integer((**x).clone()))
            }
            Value::Int(IntVal(IntRep::Big(x))) => Value::from_ext(BigFloat::from_bigint(x, PREC)),
            Value::Float(_) => self.clone(),
            Value::Complex(c) if c.0 .1.sign() == 0 => c.0 .0.to_float(),
            _ => Value::Unknown,
        }
    }

    /// The value as a Complex if it is numeric; otherwise Unknown.
    pub fn to_complex(&self) -> Value {
        match self {
            Value::Int(_) | Value::Float(_) => {
                Value::make_complex(self.clone(), Value::make_int64(0))
            }
            Value::Complex(_) => self.clone(),
            _ => Value::Unknown,
        }
    }

    fn int_rep(&self) -> Option<&IntRep> {
        match self {
            Value::Int(IntVal(r)) => Some(r),
            _ => None,
        }
    }

    /// An Int's value as a BigInt.
    fn big_int(&self) -> Option<BigInt> {
        match self.int_rep()? {
            IntRep::Small(x) => Some(BigInt::from(*x)),
            IntRep::Big(x) => Some((**x).clone()),
        }
    }
}

/// go/constant's smallFloat: the binary exponent is within ±4096, so the
/// value is a fraction of reasonable size.
fn small_float(f: &BigFloat) -> bool {
    let e = f.mant_exp();
    -MAX_EXP < e && e < MAX_EXP
}

/// ToInt for a small 512-bit float: exact, or within rounding error of an
/// integer when rounded to 508 bits toward zero or away from zero.
fn big_float_to_int(f: &BigFloat) -> Value {
    for mode in [None, Some(Mode::ToZero), Some(Mode::AwayFromZero)] {
        let t = match mode {
            None => Some(f.clone()),
            Some(m) => f.round_to(PREC - 4, m).finite(),
        };
        if let Some((i, true)) = t.and_then(|t| t.to_int(MAX_EXP + 1)) {
            return Value::make_int(i);
        }
    }
    Value::Unknown
}

/// 2^63, the bound of the int64 range, exactly.
const TWO63: f64 = 9223372036854775808.0;

/// Whether converting `f` to int64 is defined (on amd64 an out-of-range
/// conversion yields i64::MIN, which Go then compares with the original).
fn fits_i64(f: f64) -> bool {
    (-TWO63..TWO63).contains(&f)
}

impl IntVal {
    /// The value as a BigInt.
    pub fn to_bigint(&self) -> BigInt {
        match &self.0 {
            IntRep::Small(x) => BigInt::from(*x),
            IntRep::Big(x) => (**x).clone(),
        }
    }
}
