//! Representability: whether a constant fits a basic type, and its value
//! once it does (types2's representableConst, representation,
//! roundFloat32/64 and the untyped overflow check), plus the wording gc
//! gives those failures.
//!
//! Sizes are linux/amd64's: int, uint and uintptr have 64 bits. Integer
//! types accept Ints and integral Floats (within rounding error, see
//! [`Value::to_int`]); float types accept any real value whose rounding to
//! float32/float64 does not overflow to infinity (tiny values round to 0,
//! which is accepted, as in Go); complex types need both parts to fit.
//! Untyped targets accept every value of their class unchanged.
//!
//! Example: 300 is not representable as uint8 (`RepresentErr::Overflow`, "cannot
//! use 300 (untyped int constant) as uint8 value in variable declaration
//! (overflows)"); 1.5 as int is `Truncated`; 1e39 as float32 is `Overflow`;
//! 0.1 as float32 is representable and rounds to 13421773/134217728.

use super::{binary_op, utf8, Kind, Value};
use crate::syntax::ast::Operator;
use crate::types::basic::BasicKind;

/// Why a constant is not representable (types2's error codes
/// _TruncatedFloat, _NumericOverflow, _InvalidConstVal).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RepresentErr {
    /// A non-integer value for an integer type.
    Truncated,
    /// A numeric value out of the type's range.
    Overflow,
    /// Any other mismatch (a string for an int, ...).
    Other,
}

impl RepresentErr {
    /// The suffix types2 appends to "cannot use x as T value in context".
    pub fn assign_suffix(self) -> &'static str {
        match self {
            RepresentErr::Truncated => " (truncated)",
            RepresentErr::Overflow => " (overflows)",
            RepresentErr::Other => "",
        }
    }

    /// types2's invalidConversion message for `operand` (see
    /// [`operand_string`]) and the target type's name.
    pub fn message(self, operand: &str, target: &str) -> String {
        match self {
            RepresentErr::Truncated => format!("{operand} truncated to {target}"),
            RepresentErr::Overflow => format!("{operand} overflows {target}"),
            RepresentErr::Other => format!("cannot convert {operand} to {target}"),
        }
    }
}

/// types2's representableConst: the value of `x` as a constant of basic
/// type `to` (rounded for floats, an Int for integer types). Unknown is
/// representable as anything (to avoid follow-up errors).
///
/// On failure the error holds the value types2 leaves in the operand it
/// passed as `rounded`: for integer targets, `x` as an Int when it is
/// integral (gc then prints `int(1e100)`'s operand as 1000...0), else `x`.
pub fn representable_const(x: &Value, to: BasicKind) -> Result<Value, Value> {
    if x.kind() == Kind::Unknown {
        return Ok(x.clone());
    }
    let fits = if to.is_integer() {
        let i = x.to_int();
        if i.kind() == Kind::Int {
            return if int_fits(&i, to) { Ok(i) } else { Err(i) };
        }
        None
    } else if to.is_float() {
        let f = x.to_float();
        match to {
            _ if f.kind() != Kind::Float => None,
            BasicKind::Float32 => round_float32(&f),
            BasicKind::Float64 => round_float64(&f),
            _ => Some(x.clone()),
        }
    } else if to.is_complex() {
        complex_fits(x, to)
    } else {
        let ok =
            to.is_string() && x.kind() == Kind::String || to.is_boolean() && x.kind() == Kind::Bool;
        ok.then(|| x.clone())
    };
    fits.ok_or_else(|| x.clone())
}

/// Whether the Int `x` fits integer type `to`. (types2 never asks about
/// untyped rune targets; they are treated as untyped int.)
fn int_fits(x: &Value, to: BasicKind) -> bool {
    use BasicKind::*;
    if x.kind() != Kind::Int {
        return false;
    }
    let (v, exact) = x.int64_val();
    if !exact {
        let unsigned64 = matches!(to, Uint | Uint64 | Uintptr);
        return unsigned64 && x.sign() >= 0 && x.bit_len() <= 64
            || matches!(to, UntypedInt | UntypedRune);
    }
    let signed = |bits: u32| -(1i64 << (bits - 1)) <= v && v < (1i64 << (bits - 1));
    let unsigned = |bits: u32| 0 <= v && v < (1i64 << bits);
    match to {
        Int8 => signed(8),
        Int16 => signed(16),
        Int32 => signed(32),
        Uint8 => unsigned(8),
        Uint16 => unsigned(16),
        Uint32 => unsigned(32),
        Uint | Uint64 | Uintptr => v >= 0,
        _ => true, // Int, Int64, UntypedInt, UntypedRune
    }
}

/// The complex case of representableConst.
fn complex_fits(x: &Value, to: BasicKind) -> Option<Value> {
    let c = x.to_complex();
    if c.kind() != Kind::Complex {
        return None;
    }
    let round = match to {
        BasicKind::Complex64 => round_float32,
        BasicKind::Complex128 => round_float64,
        _ => return Some(x.clone()),
    };
    let re = round(&c.real())?;
    let im = round(&c.imag())?;
    Some(binary_op(&re, Operator::Add, &Value::make_imag(&im)))
}

/// types2's roundFloat32: `x` (an Int or Float) rounded to float32
/// precision, as a Float; None if it overflows to infinity or x is not a
/// real number (where Go's Float32Val would panic).
pub fn round_float32(x: &Value) -> Option<Value> {
    if matches!(x.kind(), Kind::Complex | Kind::Bool | Kind::String) {
        return None;
    }
    let (f, _) = x.float32_val();
    f.is_finite().then(|| Value::make_float64(f as f64))
}

/// types2's roundFloat64: like [`round_float32`] for float64.
pub fn round_float64(x: &Value) -> Option<Value> {
    if matches!(x.kind(), Kind::Complex | Kind::Bool | Kind::String) {
        return None;
    }
    let (f, _) = x.float64_val();
    f.is_finite().then(|| Value::make_float64(f))
}

/// types2's representation: the value of constant `x`, whose type has
/// underlying basic kind `from`, as a constant of basic kind `to`, or why it
/// cannot be one. The error depends on the types: integer to integer
/// overflows, float to integer is truncated, float to float overflows.
pub fn representable(x: &Value, from: BasicKind, to: BasicKind) -> Result<Value, RepresentErr> {
    if let Ok(v) = representable_const(x, to) {
        return Ok(v);
    }
    Err(match () {
        _ if !(from.is_numeric() && to.is_numeric()) => RepresentErr::Other,
        _ if !from.is_integer() && to.is_integer() => RepresentErr::Truncated,
        _ => RepresentErr::Overflow,
    })
}

/// The value of the constant conversion `to(x)` (types2's
/// constConvertibleTo): a representable value, or for an integer converted
/// to a string type, the UTF-8 encoding of that code point (U+FFFD when it
/// is not a valid one). If the conversion is invalid, the error holds the
/// operand's value for the message, as in [`representable_const`].
pub fn convert(x: &Value, from: BasicKind, to: BasicKind) -> Result<Value, Value> {
    let left = match representable_const(x, to) {
        Ok(v) => return Ok(v),
        Err(left) => left,
    };
    if !(from.is_integer() && to.is_string()) {
        return Err(left);
    }
    let (r, exact) = x.uint64_val();
    let r = if exact && r <= 0x10FFFF {
        r as u32
    } else {
        utf8::RUNE_ERROR
    };
    let mut s = Vec::new();
    utf8::encode(r, &mut s);
    Ok(Value::make_string(&s))
}

/// Untyped integer constants may not exceed 512 bits (types2's overflow
/// check, reported as `constant <op> overflow`).
pub fn untyped_int_overflows(x: &Value) -> bool {
    x.kind() == Kind::Int && x.bit_len() > 512
}

/// Why a constant operation's result is rejected (see [`check_overflow`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OverflowErr {
    /// The result is Unknown (e.g. a float beyond big.Float's exponent
    /// range): "constant result is not representable".
    NotRepresentable,
    /// An untyped integer exceeds 512 bits: `constant <op> overflow`.
    Untyped,
    /// A typed constant does not fit its type: `<operand> overflows <type>`.
    Typed(RepresentErr),
}

impl OverflowErr {
    /// gc's message, given the operation's name ([`overflow_op_name`]) and
    /// for typed results the operand and type as [`RepresentErr::message`]
    /// takes them.
    pub fn message(self, op_name: &str, operand: &str, typ: &str) -> String {
        match self {
            OverflowErr::NotRepresentable => "constant result is not representable".to_string(),
            OverflowErr::Untyped => format!("constant {op_name} overflow"),
            OverflowErr::Typed(e) => e.message(operand, typ),
        }
    }
}

/// types2's overflow check after each constant operation: a typed result
/// must be representable in its type (basic kind `typ`; the result is then
/// the rounded value), an untyped integer may not exceed 512 bits, and an
/// Unknown result is an error. (types2 replaces a rejected untyped value by
/// Unknown, so the error is reported once.)
pub fn check_overflow(x: &Value, typ: BasicKind) -> Result<Value, OverflowErr> {
    if x.kind() == Kind::Unknown {
        return Err(OverflowErr::NotRepresentable);
    }
    if !typ.is_untyped() {
        return representable(x, typ, typ).map_err(OverflowErr::Typed);
    }
    if untyped_int_overflows(x) {
        return Err(OverflowErr::Untyped);
    }
    Ok(x.clone())
}

/// The operation's name in "constant %s overflow" (types2's opName): only
/// operations that can make an integer grow have one.
pub fn overflow_op_name(op: Operator, binary: bool) -> &'static str {
    match (op, binary) {
        (Operator::Xor, false) => "bitwise complement",
        (Operator::Add, true) => "addition",
        (Operator::Sub, true) => "subtraction",
        (Operator::Xor, true) => "bitwise XOR",
        (Operator::Mul, true) => "multiplication",
        (Operator::Shl, true) => "shift",
        _ => "",
    }
}

/// types2's operandString for a constant operand: `expr (untyped int
/// constant)` or `expr (constant 256 of type uint8)`. `typ` is the type's
/// name; the value is shown only when it reads differently from `expr`
/// (pass the value's own string as `expr` when there is no expression).
pub fn operand_string(expr: &str, typ: &str, untyped: bool, val: &Value) -> String {
    let mut s = format!("{expr} (");
    if untyped {
        s.push_str(typ);
        s.push(' ');
    }
    s.push_str("constant");
    let v = val.to_string();
    if v != expr {
        s.push(' ');
        s.push_str(&v);
    }
    if !untyped {
        s.push_str(" of type ");
        s.push_str(typ);
    }
    s.push(')');
    s
}

/// types2 rejects numeric literals longer than this many bytes before
/// evaluating them. Callers of [`super::make_from_literal`] must do the same:
/// its cost grows with the square of the number of digits.
pub const MAX_LITERAL_LEN: usize = 10000;

/// types2's message for a numeric literal longer than [`MAX_LITERAL_LEN`].
pub fn long_literal_message(lit: &str) -> String {
    let head: String = lit.chars().take(10).collect();
    format!("excessively long constant: {head}... ({} chars)", lit.len())
}

/// types2's message for a literal whose value is Unknown (out of range).
pub fn malformed_message(lit: &str) -> String {
    format!("malformed constant: {lit}")
}
