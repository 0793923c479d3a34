//! math natives: float64 in, float64 out, through stdlib::math (gc's
//! exact algorithms where libms differ) or Rust's exact operations.

use super::{native, Ctx, Native};
use crate::stdlib::math as m;
use crate::vm::Raise;

macro_rules! f1 {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
            let f: fn(f64) -> f64 = $e;
            let v = f(c.f64(0));
            c.set_f64(1, v);
            Ok(())
        }
    };
}

macro_rules! f2 {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
            let f: fn(f64, f64) -> f64 = $e;
            let v = f(c.f64(0), c.f64(1));
            c.set_f64(2, v);
            Ok(())
        }
    };
}

f1!(sqrt, f64::sqrt);
f1!(abs, f64::abs);
f1!(floor, f64::floor);
f1!(ceil, f64::ceil);
f1!(trunc, f64::trunc);
f1!(exp, m::exp);
f1!(log, m::log);
f1!(log2, m::log2);
f1!(log10, m::log10);
f1!(sin, m::sin);
f1!(cos, m::cos);
f1!(tan, m::tan);
f1!(atan, m::atan);
f1!(cbrt, m::cbrt);
f2!(pow, m::pow);
f2!(max, m::max);
f2!(min, m::min);
f2!(fmod, m::fmod);
f2!(atan2, m::atan2);
f2!(hypot, m::hypot);

/// math.Round: half away from zero (Rust's round is the same).
fn round(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = c.f64(0).round();
    c.set_f64(1, v);
    Ok(())
}

fn inf(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = if (c.arg(0) as i64) >= 0 {
        f64::INFINITY
    } else {
        f64::NEG_INFINITY
    };
    c.set_f64(1, v);
    Ok(())
}

fn nan(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    c.set_f64(0, m::nan());
    Ok(())
}

fn is_nan(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = c.f64(0).is_nan();
    c.set_bool(1, v);
    Ok(())
}

fn is_inf(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let (f, sign) = (c.f64(0), c.arg(1) as i64);
    let v = (sign >= 0 && f == f64::INFINITY) || (sign <= 0 && f == f64::NEG_INFINITY);
    c.set_bool(2, v);
    Ok(())
}

fn float64bits(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = c.arg(0);
    c.set(1, v);
    Ok(())
}

f1!(asin, m::asin);
f1!(acos, m::acos);
f1!(sinh, m::sinh);
f1!(cosh, m::cosh);
f1!(tanh, m::tanh);
f1!(log1p, m::log1p);
f1!(expm1, m::expm1);
f1!(exp2, m::exp2);
f1!(asinh, m::asinh);
f1!(acosh, m::acosh);
f1!(atanh, m::atanh);
f2!(remainder, m::remainder);
f2!(dim, m::dim);
f2!(copysign, f64::copysign);

/// Float32bits and Float32frombits: a float32 slot holds its bits in
/// the low 32 bits, as a uint32 does.
fn float32bits(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    c.set(1, c.arg(0) & 0xffff_ffff);
    Ok(())
}

fn signbit(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    c.set_bool(1, c.f64(0).is_sign_negative());
    Ok(())
}

fn modf(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let (i, f) = m::modf(c.f64(0));
    c.set_f64(1, i);
    c.set_f64(2, f);
    Ok(())
}

fn frexp(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let (f, e) = m::frexp(c.f64(0));
    c.set_f64(1, f);
    c.set(2, e as i64 as u64);
    Ok(())
}

fn ldexp(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = m::ldexp(c.f64(0), c.arg(1) as i64);
    c.set_f64(2, v);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("math.Asin", 1, 1, asin),
    native("math.Acos", 1, 1, acos),
    native("math.Sinh", 1, 1, sinh),
    native("math.Cosh", 1, 1, cosh),
    native("math.Tanh", 1, 1, tanh),
    native("math.Log1p", 1, 1, log1p),
    native("math.Expm1", 1, 1, expm1),
    native("math.Exp2", 1, 1, exp2),
    native("math.Asinh", 1, 1, asinh),
    native("math.Acosh", 1, 1, acosh),
    native("math.Atanh", 1, 1, atanh),
    native("math.Remainder", 2, 1, remainder),
    native("math.Dim", 2, 1, dim),
    native("math.Copysign", 2, 1, copysign),
    native("math.Float32bits", 1, 1, float32bits),
    native("math.Float32frombits", 1, 1, float32bits),
    native("math.Signbit", 1, 1, signbit),
    native("math.Modf", 1, 2, modf),
    native("math.Frexp", 1, 2, frexp),
    native("math.Ldexp", 2, 1, ldexp),
    native("math.Sqrt", 1, 1, sqrt),
    native("math.Abs", 1, 1, abs),
    native("math.Floor", 1, 1, floor),
    native("math.Ceil", 1, 1, ceil),
    native("math.Trunc", 1, 1, trunc),
    native("math.Round", 1, 1, round),
    native("math.Exp", 1, 1, exp),
    native("math.Log", 1, 1, log),
    native("math.Log2", 1, 1, log2),
    native("math.Log10", 1, 1, log10),
    native("math.Sin", 1, 1, sin),
    native("math.Cos", 1, 1, cos),
    native("math.Tan", 1, 1, tan),
    native("math.Atan", 1, 1, atan),
    native("math.Cbrt", 1, 1, cbrt),
    native("math.Pow", 2, 1, pow),
    native("math.Max", 2, 1, max),
    native("math.Min", 2, 1, min),
    native("math.Mod", 2, 1, fmod),
    native("math.Atan2", 2, 1, atan2),
    native("math.Hypot", 2, 1, hypot),
    native("math.Inf", 1, 1, inf),
    native("math.NaN", 0, 1, nan),
    native("math.IsNaN", 1, 1, is_nan),
    native("math.IsInf", 2, 1, is_inf),
    native("math.Float64bits", 1, 1, float64bits),
    native("math.Float64frombits", 1, 1, float64bits),
];
