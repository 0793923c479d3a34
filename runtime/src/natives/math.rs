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

pub(super) const NATIVES: &[Native] = &[
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
