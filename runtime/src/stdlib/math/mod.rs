//! Go 1.19's math functions whose last bit differs between libms, as gc computes them
//! on amd64: Exp and Log are ports of gc's assembly (exp_amd64.s, log_amd64.s; Exp takes
//! its FMA path when the CPU has AVX and FMA, as gc does), Pow, Frexp, Ldexp, Modf and
//! Mod of Go's pure-Go code, and Max/Min with Go's NaN and signed-zero rules. Sqrt,
//! Floor, Ceil, Trunc, Round and RoundToEven are exact in both, so Rust's serve.
//! trig.rs has Sin, Cos, Tan, Atan, Asin, Acos and Atan2; extra.rs Hypot, Cbrt, Sinh,
//! Cosh, Tanh, Log1p, Expm1 and Exp2.
//!
//! Example: `pow(2.0, 0.5)` is `sqrt(2)`; `log(0.0)` is -Inf; `exp(1.0)` is
//! 2.718281828459045 as gc prints it.

// Constants are Go's literals, kept as written in its sources.
#![allow(clippy::excessive_precision)]

use std::cell::Cell;

mod extra;
mod trig;

pub use extra::{
    acosh, asinh, atanh, cbrt, cosh, dim, exp2, expm1, hypot, log1p, nextafter, nextafter32,
    remainder, sinh, tanh,
};
pub use trig::{acos, asin, atan, atan2, cos, sin, tan};

/// Go's math.NaN(): the bits 0x7FF8000000000001.
pub fn nan() -> f64 {
    f64::from_bits(0x7FF8_0000_0000_0001)
}

/// CVTSD2SL: round to nearest even, the "integer indefinite" i32::MIN when out of range.
fn cvtsd2sl(x: f64) -> i32 {
    let r = x.round_ties_even();
    if (-2147483648.0..=2147483647.0).contains(&r) {
        r as i32
    } else {
        i32::MIN
    }
}

/// CVTTSD2SQ, gc's float64 → int64 conversion: truncation, i64::MIN when out of range.
fn cvttsd2sq(x: f64) -> i64 {
    if (-9223372036854775808.0..9223372036854775808.0).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

/// Whether gc's Exp takes its FMA path on this CPU (internal/cpu: HasAVX && HasFMA).
pub fn use_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx") && std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

thread_local! {
    /// Exp's path when set by [`with_exp_path`], instead of this CPU's.
    static EXP_PATH: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Runs `f` with Exp (and Pow, Sinh, Cosh, Tanh through it) on the FMA path or not, as gc
/// would on a machine with or without FMA: tests pin the path their gc data came from.
pub fn with_exp_path<R>(fma: bool, f: impl FnOnce() -> R) -> R {
    let old = EXP_PATH.with(|p| p.replace(Some(fma)));
    let r = f();
    EXP_PATH.with(|p| p.set(old));
    r
}

/// Go's math.Exp (archExp of exp_amd64.s, step by step), on this CPU's path.
pub fn exp(x: f64) -> f64 {
    exp_fma(x, EXP_PATH.with(|p| p.get()).unwrap_or_else(use_fma))
}

/// Go's archExp with its FMA path chosen by `fma` (gc chooses by the CPU, so its output
/// differs in the last bit between machines; tests pin the path).
pub fn exp_fma(x: f64, fma: bool) -> f64 {
    const LOG2E: f64 = std::f64::consts::LOG2_E;
    const LN2U: f64 = 0.69314718055966295651160180568695068359375;
    const LN2L: f64 = 0.28235290563031577122588448175013436025525412068e-12;
    const OVERFLOW: f64 = 7.09782712893384e+02;
    const C: [f64; 6] = [
        1.6666666666666666667e-1,
        4.1666666666666666667e-2,
        8.3333333333333333333e-3,
        1.3888888888888888889e-3,
        1.9841269841269841270e-4,
        2.4801587301587301587e-5,
    ];
    let bits = x.to_bits();
    if bits & !(1 << 63) >= 0x7FF0_0000_0000_0000 {
        // NaN or ±Inf: exp(-Inf) = 0, others themselves.
        return if bits == 0xFFF0_0000_0000_0000 {
            0.0
        } else {
            x
        };
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    let bx = cvtsd2sl(LOG2E * x);
    let k = f64::from(bx);
    let mut x0;
    let mut x1;
    if fma {
        x0 = (-k).mul_add(LN2U, x);
        x0 = (-k).mul_add(LN2L, x0);
        x0 *= 0.0625;
        x1 = C[5];
        for c in [C[4], C[3], C[2], C[1], C[0], 0.5, 1.0] {
            x1 = x1.mul_add(x0, c);
        }
        x0 *= x1;
        for _ in 0..3 {
            x1 = x0 + 2.0;
            x0 *= x1;
        }
        x1 = x0 + 2.0;
        x0 = x0.mul_add(x1, 1.0);
    } else {
        x0 = x - LN2U * k;
        x0 -= LN2L * k;
        x0 *= 0.0625;
        x1 = C[5] * x0;
        for c in [C[4], C[3], C[2], C[1], C[0], 0.5] {
            x1 += c;
            x1 *= x0;
        }
        x1 += 1.0;
        x0 *= x1;
        for _ in 0..4 {
            x1 = 2.0 + x0;
            x0 *= x1;
        }
        x0 += 1.0;
    }
    // ldexp: multiply by 2^bx through the exponent bits.
    let mut e = bx.wrapping_add(0x3FF);
    if e <= 0 {
        if e < -52 {
            return 0.0;
        }
        e += 0x3FE;
        x0 *= f64::from_bits((e as u64) << 52);
        e = 1;
    } else if e >= 0x7FF {
        return f64::INFINITY;
    }
    x0 * f64::from_bits((e as u64) << 52)
}

/// Go's math.Log (archLog of log_amd64.s: its frexp by bit masking, even for subnormals).
pub fn log(x: f64) -> f64 {
    const HSQRT2: f64 = std::f64::consts::FRAC_1_SQRT_2;
    const LN2HI: f64 = 6.93147180369123816490e-01;
    const LN2LO: f64 = 1.90821492927058770002e-10;
    const L: [f64; 7] = [
        6.666666666666735130e-01,
        3.999999999940941908e-01,
        2.857142874366239149e-01,
        2.222219843214978396e-01,
        1.818357216161805012e-01,
        1.531383769920937332e-01,
        1.479819860511658591e-01,
    ];
    let bits = x.to_bits();
    if bits & !(1 << 63) == 0 {
        return f64::NEG_INFINITY;
    }
    if (bits as i64) < 0 {
        return nan();
    }
    if bits >= 0x7FF0_0000_0000_0000 {
        return x;
    }
    let mut f1 = f64::from_bits(bits & 0x000F_FFFF_FFFF_FFFF | 0x3FE0_0000_0000_0000);
    let mut k = f64::from(((bits >> 52) & 0x7FF) as i32 - 0x3FE);
    if f1 <= HSQRT2 {
        k -= 1.0;
        f1 *= 2.0;
    }
    let f = f1 - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (((L[6] * s4 + L[4]) * s4 + L[2]) * s4 + L[0]);
    let t2 = s4 * ((L[5] * s4 + L[3]) * s4 + L[1]);
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    k * LN2HI - ((hfsq - (s * (hfsq + r) + k * LN2LO)) - f)
}

/// Go's math.Log10.
pub fn log10(x: f64) -> f64 {
    // Go folds the constant 1/Ln10 exactly: LOG10_E, not 1.0 / LN_10.
    log(x) * std::f64::consts::LOG10_E
}

/// Go's math.Log2: exact for powers of two.
pub fn log2(x: f64) -> f64 {
    let (frac, exp) = frexp(x);
    if frac == 0.5 {
        return f64::from(exp - 1);
    }
    log(frac) * std::f64::consts::LOG2_E + f64::from(exp)
}

/// Go's normalize: a subnormal scaled to a normal and its exponent adjustment.
fn normalize(x: f64) -> (f64, i32) {
    const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;
    if x.abs() < SMALLEST_NORMAL {
        return (x * (1u64 << 52) as f64, -52);
    }
    (x, 0)
}

/// Go's math.Frexp: frac in [½, 1) and exp with f == frac × 2^exp.
pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (f, mut exp) = normalize(f);
    let mut x = f.to_bits();
    exp += ((x >> 52) & 0x7FF) as i32 - 1023 + 1;
    x &= !(0x7FF << 52);
    x |= 1022 << 52;
    (f64::from_bits(x), exp)
}

/// Go's math.Ldexp: frac × 2^exp.
pub fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    // Go's int arithmetic wraps (Ldexp(x, MinInt64) is ±Inf under gc).
    let mut exp = exp.wrapping_add(i64::from(e));
    let mut x = frac.to_bits();
    exp = exp.wrapping_add(((x >> 52) & 0x7FF) as i64 - 1023);
    if exp < -1075 {
        return 0.0_f64.copysign(frac);
    }
    if exp > 1023 {
        return if frac < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    x &= !(0x7FF << 52);
    x |= ((exp + 1023) as u64) << 52;
    m * f64::from_bits(x)
}

/// Go's math.Modf: (integer part, fractional part), both with f's sign.
pub fn modf(f: f64) -> (f64, f64) {
    if f < 1.0 {
        if f < 0.0 {
            let (i, fr) = modf(-f);
            return (-i, -fr);
        }
        if f == 0.0 {
            return (f, f);
        }
        return (0.0, f);
    }
    let mut x = f.to_bits();
    let e = ((x >> 52) & 0x7FF) as i64 - 1023;
    if e < 64 - 12 {
        x &= !((1u64 << (64 - 12 - e)) - 1);
    }
    let i = f64::from_bits(x);
    (i, f - i)
}

/// Go's isOddInt.
fn is_odd_int(x: f64) -> bool {
    let (xi, xf) = modf(x);
    xf == 0.0 && cvttsd2sq(xi) & 1 == 1
}

/// Go's math.Pow.
pub fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return nan();
    }
    if x == 0.0 {
        if y < 0.0 {
            return if is_odd_int(y) {
                f64::INFINITY.copysign(x)
            } else {
                f64::INFINITY
            };
        }
        return if is_odd_int(y) { x } else { 0.0 };
    }
    if y.is_infinite() {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if x.is_infinite() {
        if x < 0.0 {
            return pow(1.0 / x, -y); // Pow(-0, -y)
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let (mut yi, mut yf) = modf(y.abs());
    if yf != 0.0 && x < 0.0 {
        return nan();
    }
    if yi >= 9223372036854775808.0 {
        // yi is a large even int that will lead to overflow (or underflow to 0)
        // for all x except -1 (x == 1 was handled earlier).
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = exp(yf * log(x));
    }
    let (mut x1, xe) = frexp(x);
    let mut xe = i64::from(xe);
    let mut i = yi as i64;
    while i != 0 {
        if !(-1 << 12..=1 << 12).contains(&xe) {
            // Catastrophic overflow; ldexp will handle it.
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

/// Go's math.Mod: x - n*y with n = trunc(x/y), exactly, by repeated subtraction.
pub fn fmod(x: f64, y: f64) -> f64 {
    if y == 0.0 || x.is_infinite() || x.is_nan() || y.is_nan() {
        return nan();
    }
    let y = y.abs();
    let (yfr, yexp) = frexp(y);
    let mut r = if x < 0.0 { -x } else { x }; // keeps -0
    while r >= y {
        let (rfr, mut rexp) = frexp(r);
        if rfr < yfr {
            rexp -= 1;
        }
        r -= ldexp(y, i64::from(rexp - yexp));
    }
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// Go's math.Max: +Inf wins, then NaN, and +0 over -0.
pub fn max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return nan();
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// Go's math.Min: -Inf wins, then NaN, and -0 over +0.
pub fn min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return nan();
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}
