//! Fractions to machine floats, exactly as math/big's Rat.Float32 and
//! Rat.Float64 do it: quotToFloat32/64 round the quotient to 24/53 bits and
//! then call math.Ldexp, which for tiny results rounds a second time. The
//! double rounding is gc's behaviour, so it is reproduced, not repaired.

use num_bigint::BigUint;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::Zero;

/// The layout constants of quotToFloat for one float size.
struct Quot {
    msize: i64,
    ebias: i64,
}

const Q64: Quot = Quot {
    msize: 52,
    ebias: 1023,
};
const Q32: Quot = Quot {
    msize: 23,
    ebias: 127,
};

/// Rat.Float64: the nearest float64 and whether it is exact.
pub fn rat_to_f64(x: &BigRational) -> (f64, bool) {
    let (f, exact) = quot_to_float(x.numer().magnitude(), x.denom().magnitude(), &Q64);
    let neg = x.numer().sign() == num_bigint::Sign::Minus;
    (if neg { -f } else { f }, exact)
}

/// Rat.Float32: the nearest float32 and whether it is exact.
pub fn rat_to_f32(x: &BigRational) -> (f32, bool) {
    let (f, mut exact) = quot_to_float(x.numer().magnitude(), x.denom().magnitude(), &Q32);
    let f = f as f32;
    if f.is_infinite() {
        exact = false;
    }
    let neg = x.numer().sign() == num_bigint::Sign::Minus;
    (if neg { -f } else { f }, exact)
}

/// quotToFloat64/32 for a/b (b nonzero, a and b coprime); the float32
/// variant returns the float64 that Go then converts with float32(...).
fn quot_to_float(a: &BigUint, b: &BigUint, q: &Quot) -> (f64, bool) {
    let (msize1, msize2) = (q.msize + 1, q.msize + 2);
    let emin = 1 - q.ebias;
    if a.is_zero() || b.is_zero() {
        return (0.0, a.is_zero());
    }
    let mut exp = a.bits() as i64 - b.bits() as i64;
    let shift = msize2 - exp;
    let (a2, b2) = if shift > 0 {
        (a << shift as u64, b.clone())
    } else {
        (a.clone(), b << shift.unsigned_abs())
    };
    let (quo, rem) = a2.div_rem(&b2);
    let mut mantissa = quo.iter_u64_digits().next().unwrap_or(0);
    let mut have_rem = !rem.is_zero();
    if mantissa >> msize2 == 1 {
        have_rem |= mantissa & 1 == 1;
        mantissa >>= 1;
        exp += 1;
    }
    if emin - q.msize <= exp && exp <= emin {
        let shift = (emin - (exp - 1)) as u32;
        have_rem |= mantissa & ((1u64 << shift) - 1) != 0;
        mantissa >>= shift;
        exp = 2 - q.ebias;
    }
    let mut exact = !have_rem;
    if mantissa & 1 != 0 {
        exact = false;
        if have_rem || mantissa & 2 != 0 {
            mantissa += 1;
            if mantissa >= 1u64 << msize2 {
                mantissa >>= 1;
                exp += 1;
            }
        }
    }
    mantissa >>= 1;
    let f = ldexp(mantissa as f64, exp - msize1);
    (f, exact && !f.is_infinite())
}

/// Go's math.Ldexp (the portable version amd64 uses): frac · 2^exp, where a
/// denormal result is produced by one final multiplication (and rounding).
pub fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || !frac.is_finite() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    let x = frac.to_bits();
    let exp = exp + e + ((x >> 52) & 0x7FF) as i64 - 1023;
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let (exp, m) = if exp < -1022 {
        (exp + 53, 1.0 / (1u64 << 53) as f64)
    } else {
        (exp, 1.0)
    };
    let x = (x & !(0x7FFu64 << 52)) | ((exp + 1023) as u64) << 52;
    m * f64::from_bits(x)
}

/// math.normalize: scales a denormal into the normal range.
fn normalize(x: f64) -> (f64, i64) {
    const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;
    if x.abs() < SMALLEST_NORMAL {
        return (x * (1u64 << 52) as f64, -52);
    }
    (x, 0)
}

/// The exact value of a finite float64 (big.Rat.SetFloat64).
pub fn rat_from_f64(f: f64) -> BigRational {
    let bits = f.to_bits();
    let neg = bits >> 63 != 0;
    let e = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if e == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, e - 1075)
    };
    let mut num = num_bigint::BigInt::from(mant);
    if neg {
        num = -num;
    }
    let one = num_bigint::BigInt::from(1);
    if exp >= 0 {
        BigRational::from_integer(num << exp as u64)
    } else {
        BigRational::new(num, one << exp.unsigned_abs())
    }
}
