//! Operations on constants: go/constant's UnaryOp, BinaryOp, Shift and
//! Compare.
//!
//! Binary operations first bring both operands to the same representation
//! (go/constant's `match`), ordered i64 < BigInt < fraction < 512-bit float
//! < complex: `1 + 2.5` adds two fractions, `1 + 1e5000` two 512-bit floats.
//! Integer arithmetic is exact; fractions are exact until a component
//! reaches 4096 bits, then the result is a 512-bit float.
//!
//! Go's operations panic on operands they are not defined for and on
//! division by zero; here those give Unknown. The checker tests for zero
//! divisors before calling (types2: "invalid operation: division by zero").

use super::float::{BigFloat, Ext, PREC};
use super::{FloatRep, IntRep, Value};
use crate::syntax::ast::Operator;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;
use std::cmp::Ordering;
use std::rc::Rc;

/// Results of a left shift may have at most this many bits. types2 bounds
/// shift counts (at 1074) long before this; the cap keeps a direct caller
/// from asking for gigabytes.
const MAX_SHIFT_BITS: u64 = 1 << 24;

/// A value in one of go/constant's internal representations, ordered as
/// go/constant's `ord` orders them.
#[derive(Clone)]
enum Rep {
    Unknown,
    Bool(bool),
    Str(super::StrVal),
    I64(i64),
    Int(Rc<BigInt>),
    Rat(Rc<BigRational>),
    Float(Rc<BigFloat>),
    Complex(Value, Value),
}

impl Rep {
    fn of(v: &Value) -> Rep {
        match v {
            Value::Unknown => Rep::Unknown,
            Value::Bool(b) => Rep::Bool(*b),
            Value::String(s) => Rep::Str(s.clone()),
            Value::Int(i) => match &i.0 {
                IntRep::Small(x) => Rep::I64(*x),
                IntRep::Big(x) => Rep::Int(x.clone()),
            },
            Value::Float(f) => match &f.0 {
                FloatRep::Rat(r) => Rep::Rat(r.clone()),
                FloatRep::Big(x) => Rep::Float(x.clone()),
            },
            Value::Complex(c) => Rep::Complex(c.0 .0.clone(), c.0 .1.clone()),
        }
    }

    fn ord(&self) -> u8 {
        match self {
            Rep::Unknown => 0,
            Rep::Bool(_) | Rep::Str(_) => 1,
            Rep::I64(_) => 2,
            Rep::Int(_) => 3,
            Rep::Rat(_) => 4,
            Rep::Float(_) => 5,
            Rep::Complex(..) => 6,
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Rep::Unknown => Value::Unknown,
            Rep::Bool(b) => Value::Bool(*b),
            Rep::Str(s) => Value::String(s.clone()),
            Rep::I64(x) => Value::make_int64(*x),
            Rep::Int(x) => Value::make_int((**x).clone()),
            Rep::Rat(x) => Value::from_rat_exact((**x).clone()),
            Rep::Float(x) => Value::from_big_float((**x).clone()),
            Rep::Complex(re, im) => Value::make_complex(re.clone(), im.clone()),
        }
    }
}

/// go/constant's match: both operands in the same representation, the
/// lower-ordered one converted up. Go's quirks are kept: a pair that cannot
/// be matched (Bool and Int, or String and Int) becomes two copies of the
/// lower-ordered operand, so `"a" + 1` is "aa" and `true == 1` is true, and
/// anything paired with a Complex becomes a Complex.
fn match_reps(x: &Value, y: &Value) -> (Rep, Rep) {
    let (x, y) = (Rep::of(x), Rep::of(y));
    match x.ord().cmp(&y.ord()) {
        Ordering::Less => match0(x, y),
        Ordering::Greater => {
            let (b, a) = match0(y, x);
            (a, b)
        }
        Ordering::Equal => (x, y),
    }
}

/// match0 for ord(x) < ord(y).
fn match0(x: Rep, y: Rep) -> (Rep, Rep) {
    let rat = |i: BigInt| Rep::Rat(Rc::new(BigRational::from_integer(i)));
    let float = |f: Ext| f.finite().map_or(Rep::Unknown, |f| Rep::Float(Rc::new(f)));
    let x2 = match (&x, &y) {
        (Rep::I64(a), Rep::Int(_)) => Rep::Int(Rc::new(BigInt::from(*a))),
        (Rep::I64(a), Rep::Rat(_)) => rat(BigInt::from(*a)),
        (Rep::Int(a), Rep::Rat(_)) => rat((**a).clone()),
        (Rep::I64(a), Rep::Float(_)) => Rep::Float(Rc::new(BigFloat::from_i64(*a))),
        (Rep::Int(a), Rep::Float(_)) => float(BigFloat::from_bigint(a, PREC)),
        (Rep::Rat(a), Rep::Float(_)) => float(BigFloat::from_rat(a, PREC)),
        (_, Rep::Complex(..)) => Rep::Complex(x.to_value(), Value::make_int64(0)),
        _ => return (x.clone(), x),
    };
    (x2, y)
}

/// The result of the unary expression `op x` (op is Add, Sub, Xor or Not).
/// For Xor, a nonzero `prec` is the bit size of the unsigned type: `^x` is
/// then taken modulo 2^prec. Unknown if x is Unknown or op is undefined
/// for it.
pub fn unary_op(op: Operator, x: &Value, prec: u32) -> Value {
    match (op, Rep::of(x)) {
        (_, Rep::Unknown) => Value::Unknown,
        (Operator::Add, Rep::Bool(_) | Rep::Str(_)) => Value::Unknown,
        (Operator::Add, _) => x.clone(),
        (Operator::Sub, r) => negate(r),
        (Operator::Xor, Rep::I64(v)) => complement(BigInt::from(v), prec),
        (Operator::Xor, Rep::Int(v)) => complement((*v).clone(), prec),
        (Operator::Not, Rep::Bool(b)) => Value::Bool(!b),
        _ => Value::Unknown,
    }
}

fn negate(r: Rep) -> Value {
    match r {
        Rep::I64(v) => match v.checked_neg() {
            Some(n) => Value::make_int64(n),
            None => Value::make_int(-BigInt::from(v)),
        },
        Rep::Int(v) => Value::make_int(-(*v).clone()),
        Rep::Rat(v) => Value::make_rat(-(*v).clone()),
        Rep::Float(v) => Value::from_big_float(v.neg()),
        Rep::Complex(re, im) => Value::make_complex(
            unary_op(Operator::Sub, &re, 0),
            unary_op(Operator::Sub, &im, 0),
        ),
        _ => Value::Unknown,
    }
}

/// `^v`, limited to `prec` bits when prec > 0 (unsigned types; Unknown for
/// absurd sizes, which no type has).
fn complement(v: BigInt, prec: u32) -> Value {
    let z = !v;
    if prec == 0 {
        return Value::make_int(z);
    }
    if prec as u64 > MAX_SHIFT_BITS {
        return Value::Unknown;
    }
    let mask = (BigInt::from(1) << prec as u64) - 1;
    Value::make_int(z & mask)
}

/// The result of the binary expression `x op y` for op in Add, Sub, Mul,
/// Div, Rem, And, Or, Xor, AndNot, AndAnd, OrOr. Div of two Ints is exact
/// division giving a Float (use [`quo_int`] for integer division). Unknown
/// if either operand is Unknown, op is undefined for the operands (where Go
/// panics), or the divisor is zero (the caller reports division by zero
/// before getting here, as types2 does). Operands of different kinds are
/// matched as go/constant matches them, quirks included: `"a" + 1` is "aa".
pub fn binary_op(x: &Value, op: Operator, y: &Value) -> Value {
    binop(x, Op::Go(op), y)
}

/// Integer division `x / y` of two Ints, truncated toward zero (go/constant's
/// BinaryOp with token.QUO_ASSIGN). Like Go, `-1<<63 / -1` wraps to
/// `-1<<63`. Unknown for non-Int operands or a zero divisor.
pub fn quo_int(x: &Value, y: &Value) -> Value {
    binop(x, Op::QuoInt, y)
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Go(Operator),
    QuoInt,
}

fn binop(x: &Value, op: Op, y: &Value) -> Value {
    let r = match match_reps(x, y) {
        (Rep::Bool(a), Rep::Bool(b)) => bool_op(a, op, b),
        (Rep::Str(a), Rep::Str(b)) if op == Op::Go(Operator::Add) => {
            Some(Value::String(a.concat(&b)))
        }
        (Rep::I64(a), Rep::I64(b)) => i64_op(a, op, b),
        (Rep::Int(a), Rep::Int(b)) => int_op(&a, op, &b),
        (Rep::Rat(a), Rep::Rat(b)) => rat_op(&a, op, &b),
        (Rep::Float(a), Rep::Float(b)) => float_op(&a, op, &b),
        (Rep::Complex(a, b), Rep::Complex(c, d)) => complex_op([&a, &b, &c, &d], op),
        _ => None,
    };
    r.unwrap_or(Value::Unknown)
}

fn bool_op(a: bool, op: Op, b: bool) -> Option<Value> {
    match op {
        Op::Go(Operator::AndAnd) => Some(Value::Bool(a && b)),
        Op::Go(Operator::OrOr) => Some(Value::Bool(a || b)),
        _ => None,
    }
}

/// Whether x fits in `bits` bits as a signed value (go/constant's is32bit
/// and is63bit, which decide when the i64 fast path cannot overflow).
fn fits(x: i64, bits: u32) -> bool {
    let lim = 1i64 << (bits - 1);
    -lim <= x && x < lim
}

fn i64_op(a: i64, op: Op, b: i64) -> Option<Value> {
    use Operator::*;
    let c = match op {
        Op::Go(Add) if !fits(a, 63) || !fits(b, 63) => {
            return Some(Value::make_int(BigInt::from(a) + b))
        }
        Op::Go(Sub) if !fits(a, 63) || !fits(b, 63) => {
            return Some(Value::make_int(BigInt::from(a) - b))
        }
        Op::Go(Mul) if !fits(a, 32) || !fits(b, 32) => {
            return Some(Value::make_int(BigInt::from(a) * b))
        }
        Op::Go(Add) => a + b,
        Op::Go(Sub) => a - b,
        Op::Go(Mul) => a * b,
        Op::Go(Div) if b != 0 => {
            return Some(Value::make_rat(BigRational::new(a.into(), b.into())))
        }
        Op::QuoInt if b != 0 => a.wrapping_div(b),
        Op::Go(Rem) if b != 0 => a.wrapping_rem(b),
        Op::Go(And) => a & b,
        Op::Go(Or) => a | b,
        Op::Go(Xor) => a ^ b,
        Op::Go(AndNot) => a & !b,
        _ => return None,
    };
    Some(Value::make_int64(c))
}

fn int_op(a: &BigInt, op: Op, b: &BigInt) -> Option<Value> {
    use Operator::*;
    let c = match op {
        Op::Go(Add) => a + b,
        Op::Go(Sub) => a - b,
        Op::Go(Mul) => a * b,
        Op::Go(Div) if !b.is_zero() => {
            return Some(Value::make_rat(BigRational::new(a.clone(), b.clone())))
        }
        Op::QuoInt if !b.is_zero() => a / b,
        Op::Go(Rem) if !b.is_zero() => a % b,
        Op::Go(And) => a & b,
        Op::Go(Or) => a | b,
        Op::Go(Xor) => a ^ b,
        Op::Go(AndNot) => a & !b,
        _ => return None,
    };
    Some(Value::make_int(c))
}

fn rat_op(a: &BigRational, op: Op, b: &BigRational) -> Option<Value> {
    let c = match op {
        Op::Go(Operator::Add) => a + b,
        Op::Go(Operator::Sub) => a - b,
        Op::Go(Operator::Mul) => a * b,
        Op::Go(Operator::Div) if !b.is_zero() => a / b,
        _ => return None,
    };
    Some(Value::make_rat(c))
}

fn float_op(a: &BigFloat, op: Op, b: &BigFloat) -> Option<Value> {
    let c: Ext = match op {
        Op::Go(Operator::Add) => a.add(b, PREC),
        Op::Go(Operator::Sub) => a.sub(b, PREC),
        Op::Go(Operator::Mul) => a.mul(b, PREC),
        Op::Go(Operator::Div) => a.quo(b, PREC)?,
        _ => return None,
    };
    Some(Value::from_ext(c))
}

/// Complex arithmetic on (a + bi) and (c + di), part by part.
fn complex_op([a, b, c, d]: [&Value; 4], op: Op) -> Option<Value> {
    let f = |x: &Value, o: Operator, y: &Value| binary_op(x, o, y);
    use Operator::*;
    let (re, im) = match op {
        Op::Go(Add) => (f(a, Add, c), f(b, Add, d)),
        Op::Go(Sub) => (f(a, Sub, c), f(b, Sub, d)),
        Op::Go(Mul) => {
            let (ac, bd, bc, ad) = (f(a, Mul, c), f(b, Mul, d), f(b, Mul, c), f(a, Mul, d));
            (f(&ac, Sub, &bd), f(&bc, Add, &ad))
        }
        Op::Go(Div) => {
            let (ac, bd, bc, ad) = (f(a, Mul, c), f(b, Mul, d), f(b, Mul, c), f(a, Mul, d));
            let s = f(&f(c, Mul, c), Add, &f(d, Mul, d));
            (f(&f(&ac, Add, &bd), Div, &s), f(&f(&bc, Sub, &ad), Div, &s))
        }
        _ => return None,
    };
    Some(Value::make_complex(re, im))
}

/// The result of `x << s` or `x >> s` (op Shl or Shr) for an Int x;
/// Unknown for other operands, and for left shifts whose result would
/// exceed 2^24 bits (far beyond anything types2 allows).
pub fn shift(x: &Value, op: Operator, s: u32) -> Value {
    match (Rep::of(x), op) {
        (Rep::I64(_) | Rep::Int(_), _) if s == 0 => x.clone(),
        (Rep::I64(v), Operator::Shr) => Value::make_int64(v >> s.min(63)),
        (Rep::Int(v), Operator::Shr) => Value::make_int(&*v >> s as u64),
        (Rep::I64(_) | Rep::Int(_), Operator::Shl) if x.bit_len() + s as u64 > MAX_SHIFT_BITS => {
            Value::Unknown
        }
        (Rep::I64(v), Operator::Shl) => Value::make_int(BigInt::from(v) << s as u64),
        (Rep::Int(v), Operator::Shl) => Value::make_int(&*v << s as u64),
        _ => Value::Unknown,
    }
}

/// The result of the comparison `x op y` (op is Eql, Neq, Lss, Leq, Gtr,
/// Geq). False if either operand is Unknown or the comparison is undefined
/// (ordering of Bools or Complex values), with go/constant's quirks kept:
/// mismatched kinds are matched as in [`binary_op`] (`true == 1` holds) and
/// a Complex compares unequal (`!=`) to an Unknown.
pub fn compare(x: &Value, op: Operator, y: &Value) -> bool {
    let ord = match match_reps(x, y) {
        (Rep::Bool(a), Rep::Bool(b)) => return eq_only(a == b, op),
        (Rep::Complex(a, b), Rep::Complex(c, d)) => {
            let eq = compare(&a, Operator::Eql, &c) && compare(&b, Operator::Eql, &d);
            return eq_only(eq, op);
        }
        (Rep::Str(a), Rep::Str(b)) => a.with_bytes(|a| b.with_bytes(|b| a.cmp(b))),
        (Rep::I64(a), Rep::I64(b)) => a.cmp(&b),
        (Rep::Int(a), Rep::Int(b)) => a.cmp(&b),
        (Rep::Rat(a), Rep::Rat(b)) => a.cmp(&b),
        (Rep::Float(a), Rep::Float(b)) => a.cmp(&b),
        _ => return false,
    };
    cmp_holds(ord, op)
}

/// == and != only (for bools and complex values).
fn eq_only(eq: bool, op: Operator) -> bool {
    match op {
        Operator::Eql => eq,
        Operator::Neq => !eq,
        _ => false,
    }
}

fn cmp_holds(o: Ordering, op: Operator) -> bool {
    match op {
        Operator::Eql => o.is_eq(),
        Operator::Neq => o.is_ne(),
        Operator::Lss => o.is_lt(),
        Operator::Leq => o.is_le(),
        Operator::Gtr => o.is_gt(),
        Operator::Geq => o.is_ge(),
        _ => false,
    }
}
