//! TEMPORARY stand-in for the exact constant arithmetic (being ported from
//! go/constant in its own branch); only here so the checker compiles.

use std::fmt;
use std::rc::Rc;

use super::basic::BasicKind;
use crate::syntax::ast::{LitKind, Operator};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Unknown,
    Bool,
    String,
    Int,
    Float,
    Complex,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Unknown,
    Bool(bool),
    String(Rc<[u8]>),
    Int(i128),
    Float(f64),
}

#[derive(Debug)]
pub struct RepresentErr;

impl Value {
    pub fn make_bool(b: bool) -> Value {
        Value::Bool(b)
    }
    pub fn make_int64(i: i64) -> Value {
        Value::Int(i as i128)
    }
    pub fn make_from_literal(lit: &str, kind: LitKind) -> Value {
        match kind {
            LitKind::Int => lit
                .replace('_', "")
                .parse::<i128>()
                .map(Value::Int)
                .unwrap_or(Value::Unknown),
            LitKind::Float => lit
                .parse::<f64>()
                .map(Value::Float)
                .unwrap_or(Value::Unknown),
            LitKind::String => Value::String(Rc::from(lit.trim_matches('"').as_bytes())),
            LitKind::Rune => Value::Int(
                lit.trim_matches('\'')
                    .chars()
                    .next()
                    .map(|c| c as i128)
                    .unwrap_or(0),
            ),
            LitKind::Imag => Value::Unknown,
        }
    }
    /// A String value holding `bytes` (const branch: same signature).
    pub fn make_string(bytes: &[u8]) -> Value {
        Value::String(Rc::from(bytes))
    }
    /// The Complex value `x·i` (the stand-in has no complex values).
    pub fn make_imag(x: &Value) -> Value {
        let _ = x;
        Value::Unknown
    }
    /// The string's bytes; empty unless a String.
    pub fn string_val(&self) -> Vec<u8> {
        match self {
            Value::String(s) => s.to_vec(),
            _ => Vec::new(),
        }
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown)
    }
    pub fn kind(&self) -> Kind {
        match self {
            Value::Unknown => Kind::Unknown,
            Value::Bool(_) => Kind::Bool,
            Value::String(_) => Kind::String,
            Value::Int(_) => Kind::Int,
            Value::Float(_) => Kind::Float,
        }
    }
    pub fn to_int(&self) -> Value {
        match self {
            Value::Float(f) if f.fract() == 0.0 => Value::Int(*f as i128),
            Value::Int(_) => self.clone(),
            _ => Value::Unknown,
        }
    }
    pub fn to_float(&self) -> Value {
        match self {
            Value::Int(i) => Value::Float(*i as f64),
            Value::Float(_) => self.clone(),
            _ => Value::Unknown,
        }
    }
    pub fn sign(&self) -> i32 {
        match self {
            Value::Int(i) => i.signum() as i32,
            Value::Float(f) => {
                if *f > 0.0 {
                    1
                } else if *f < 0.0 {
                    -1
                } else {
                    0
                }
            }
            _ => 1,
        }
    }
    pub fn bit_len(&self) -> usize {
        match self {
            Value::Int(i) => 128 - i.unsigned_abs().leading_zeros() as usize,
            _ => 0,
        }
    }
    pub fn int64_val(&self) -> (i64, bool) {
        match self {
            Value::Int(i) => (*i as i64, i64::try_from(*i).is_ok()),
            _ => (0, false),
        }
    }
    pub fn uint64_val(&self) -> (u64, bool) {
        match self {
            Value::Int(i) => (*i as u64, u64::try_from(*i).is_ok()),
            _ => (0, false),
        }
    }
    pub fn real(&self) -> Value {
        self.clone()
    }
    pub fn imag(&self) -> Value {
        Value::Int(0)
    }
    pub fn exact_string(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unknown => write!(f, "unknown"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::String(s) => write!(f, "{:?}", String::from_utf8_lossy(s)),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
        }
    }
}

pub fn unary_op(op: Operator, x: &Value, _prec: u32) -> Value {
    match (op, x) {
        (Operator::Sub, Value::Int(i)) => Value::Int(-i),
        (Operator::Not, Value::Bool(b)) => Value::Bool(!b),
        _ => x.clone(),
    }
}

pub fn binary_op(x: &Value, op: Operator, y: &Value, _int_div: bool) -> Value {
    match (x, y) {
        (Value::Int(a), Value::Int(b)) => match op {
            Operator::Add => Value::Int(a + b),
            Operator::Sub => Value::Int(a - b),
            Operator::Mul => Value::Int(a.wrapping_mul(*b)),
            Operator::Div if *b != 0 => Value::Int(a / b),
            _ => Value::Unknown,
        },
        _ => Value::Unknown,
    }
}

pub fn shift(x: &Value, op: Operator, s: u32) -> Value {
    match x {
        Value::Int(i) if s < 100 => match op {
            Operator::Shl => Value::Int(i << s),
            _ => Value::Int(i >> s),
        },
        _ => Value::Unknown,
    }
}

pub fn compare(x: &Value, op: Operator, y: &Value) -> bool {
    match op {
        Operator::Eql => x == y,
        Operator::Neq => x != y,
        _ => false,
    }
}

/// types2's representableConst: x as a constant of basic kind `to`, or
/// None (const branch: same signature).
pub fn representable_const(x: &Value, to: BasicKind) -> Option<Value> {
    if to.is_integer() {
        let i = x.to_int();
        let Value::Int(v) = i else {
            return if x.is_unknown() {
                Some(Value::Unknown)
            } else {
                None
            };
        };
        let bits = (to.size() * 8) as u32;
        let fits = if bits == 0 {
            true
        } else if to.is_unsigned() {
            v >= 0 && (bits >= 128 || v < (1i128 << bits))
        } else {
            let h = 1i128 << (bits - 1);
            -h <= v && v < h
        };
        return fits.then_some(Value::Int(v));
    }
    representable(x, to).ok()
}

pub fn representable(x: &Value, kind: BasicKind) -> Result<Value, RepresentErr> {
    match (x, kind.is_integer(), kind.is_string(), kind.is_boolean()) {
        (Value::Int(_), true, _, _)
        | (Value::String(_), _, true, _)
        | (Value::Bool(_), _, _, true) => Ok(x.clone()),
        (Value::Int(_) | Value::Float(_), _, _, _) if kind.is_numeric() => Ok(x.clone()),
        (Value::Unknown, _, _, _) => Ok(Value::Unknown),
        _ => Err(RepresentErr),
    }
}
