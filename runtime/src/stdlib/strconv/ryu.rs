//! Go's Ryū paths of FormatFloat (strconv/ftoaryu.go): the shortest digits, and up to 18
//! fixed digits, by 64×128-bit multiplication with a power of ten instead of the
//! multiprecision [`super::decimal::Decimal`]. Go's tests check both paths give the same
//! digits; here they are kept because the decimal path costs microseconds per number.
//!
//! A [`DecSlice`] is Go's decimalSlice: digits `d[start..start+nd]`, value 0.d × 10^dp.

use super::ftoa::FloatInfo;
use super::pow10tab::{
    DETAILED_POWERS_OF_TEN, DETAILED_POWERS_OF_TEN_MAX_EXP10, DETAILED_POWERS_OF_TEN_MIN_EXP10,
};

/// Go's decimalSlice over a fixed buffer; `start` is where ryuDigits re-sliced it.
pub(crate) struct DecSlice {
    pub buf: [u8; 32],
    pub start: usize,
    pub nd: i32,
    pub dp: i32,
}

impl DecSlice {
    pub fn new() -> DecSlice {
        DecSlice {
            buf: [0; 32],
            start: 0,
            nd: 0,
            dp: 0,
        }
    }

    /// The digits.
    pub fn digits(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    fn set(&mut self, i: usize, c: u8) {
        self.buf[self.start + i] = c;
    }

    fn get(&self, i: usize) -> u8 {
        self.buf[self.start + i]
    }
}

fn mul64(a: u64, b: u64) -> (u64, u64) {
    let p = u128::from(a) * u128::from(b);
    ((p >> 64) as u64, p as u64)
}

/// Go's ryuFtoaFixed32: `prec` (≤ 9) correctly rounded digits of mant × 2^exp.
pub(crate) fn ryu_ftoa_fixed32(d: &mut DecSlice, mut mant: u32, exp: i32, prec: i32) {
    if mant == 0 {
        d.nd = 0;
        d.dp = 0;
        return;
    }
    let mut e2 = exp;
    let b = 32 - mant.leading_zeros() as i32;
    if b < 25 {
        mant <<= 25 - b;
        e2 += b - 25;
    }
    let q = -mul_by_log2_log10(e2 + 24) + prec - 1;
    let mut exact = (0..=27).contains(&q);
    let (di, dexp2, mut d0) = mult64bit_pow10(mant, e2, q);
    if (-10..0).contains(&q) && divisible_by_power5(u64::from(mant), -q) {
        exact = true;
        d0 = true;
    }
    let extra = (-dexp2) as u32;
    let extra_mask = (1u32 << extra) - 1;
    let (di, dfrac) = (di >> extra, di & extra_mask);
    let half = 1u32 << (extra - 1);
    let round_up = if exact {
        dfrac > half || dfrac == half && (!d0 || di & 1 == 1)
    } else {
        dfrac >> (extra - 1) == 1
    };
    if dfrac != 0 {
        d0 = false;
    }
    format_decimal(d, u64::from(di), !d0, round_up, prec);
    d.dp -= q;
}

/// Go's ryuFtoaFixed64: `prec` (≤ 18) correctly rounded digits of mant × 2^exp.
pub(crate) fn ryu_ftoa_fixed64(d: &mut DecSlice, mut mant: u64, exp: i32, prec: i32) {
    if mant == 0 {
        d.nd = 0;
        d.dp = 0;
        return;
    }
    let mut e2 = exp;
    let b = 64 - mant.leading_zeros() as i32;
    if b < 55 {
        mant <<= 55 - b;
        e2 += b - 55;
    }
    let q = -mul_by_log2_log10(e2 + 54) + prec - 1;
    let mut exact = (0..=55).contains(&q);
    let (di, dexp2, mut d0) = mult128bit_pow10(mant, e2, q);
    if (-22..0).contains(&q) && divisible_by_power5(mant, -q) {
        exact = true;
        d0 = true;
    }
    let extra = (-dexp2) as u32;
    let extra_mask = (1u64 << extra) - 1;
    let (di, dfrac) = (di >> extra, di & extra_mask);
    let half = 1u64 << (extra - 1);
    let round_up = if exact {
        dfrac > half || dfrac == half && (!d0 || di & 1 == 1)
    } else {
        dfrac >> (extra - 1) == 1
    };
    if dfrac != 0 {
        d0 = false;
    }
    format_decimal(d, di, !d0, round_up, prec);
    d.dp -= q;
}

/// Go's formatDecimal: m rounded to `prec` digits into d.
fn format_decimal(d: &mut DecSlice, mut m: u64, mut trunc: bool, mut round_up: bool, prec: i32) {
    let max = 10u64.pow(prec as u32);
    let mut trimmed = 0;
    while m >= max {
        let (a, b) = (m / 10, m % 10);
        m = a;
        trimmed += 1;
        if b > 5 {
            round_up = true;
        } else if b < 5 {
            round_up = false;
        } else {
            // b == 5: round to even unless there were nonzero digits below.
            round_up = trunc || m & 1 == 1;
        }
        if b != 0 {
            trunc = true;
        }
    }
    if round_up {
        m += 1;
    }
    if m >= max {
        // Happens if di was originally 99999....xx
        m /= 10;
        trimmed += 1;
    }
    // render digits (similar to formatBits)
    d.nd = prec;
    let mut n = prec as usize;
    let mut v = m;
    while n > 0 {
        n -= 1;
        d.set(n, (v % 10) as u8 + b'0');
        v /= 10;
    }
    while d.get(d.nd as usize - 1) == b'0' {
        d.nd -= 1;
        trimmed += 1;
    }
    d.dp = d.nd + trimmed;
}

/// Go's ryuFtoaShortest: the shortest digits that read back as mant × 2^exp.
pub(crate) fn ryu_ftoa_shortest(d: &mut DecSlice, mut mant: u64, exp: i32, flt: &FloatInfo) {
    if mant == 0 {
        d.nd = 0;
        d.dp = 0;
        return;
    }
    // If input is an exact integer with fewer bits than the mantissa,
    // the previous and next integer are not admissible representations.
    if exp <= 0 && mant.trailing_zeros() as i32 >= -exp {
        mant >>= -exp;
        ryu_digits(d, mant, mant, mant, true, false);
        return;
    }
    let (ml, mc, mu, mut e2) = compute_bounds(mant, exp, flt);
    if e2 == 0 {
        ryu_digits(d, ml, mc, mu, true, false);
        return;
    }
    // Find 10^q *larger* than 2^-e2
    let q = mul_by_log2_log10(-e2) + 1;
    let (mut dl, mut dc, mut du);
    let (mut dl0, mut dc0, mut du0);
    if flt.mantbits == 23 {
        let (l, _, l0) = mult64bit_pow10(ml as u32, e2, q);
        let (c, _, c0) = mult64bit_pow10(mc as u32, e2, q);
        let (u, e, u0) = mult64bit_pow10(mu as u32, e2, q);
        (dl, dc, du, e2) = (u64::from(l), u64::from(c), u64::from(u), e);
        (dl0, dc0, du0) = (l0, c0, u0);
    } else {
        let (l, _, l0) = mult128bit_pow10(ml, e2, q);
        let (c, _, c0) = mult128bit_pow10(mc, e2, q);
        let (u, e, u0) = mult128bit_pow10(mu, e2, q);
        (dl, dc, du, e2) = (l, c, u, e);
        (dl0, dc0, du0) = (l0, c0, u0);
    }
    // Is it an exact computation?
    if q > 55 {
        // Large positive powers of ten are not exact
        (dl0, dc0, du0) = (false, false, false);
    }
    if (-24..0).contains(&q) {
        // Division by a power of ten may be exact.
        if divisible_by_power5(ml, -q) {
            dl0 = true;
        }
        if divisible_by_power5(mc, -q) {
            dc0 = true;
        }
        if divisible_by_power5(mu, -q) {
            du0 = true;
        }
    }
    // Express the results (dl, dc, du)*2^e2 as integers.
    let extra = (-e2) as u32;
    let extra_mask = (1u64 << extra) - 1;
    let fracl;
    let fracc;
    let fracu;
    (dl, fracl) = (dl >> extra, dl & extra_mask);
    (dc, fracc) = (dc >> extra, dc & extra_mask);
    (du, fracu) = (du >> extra, du & extra_mask);
    // Is it allowed to use 'du' as a result?
    let mut uok = !du0 || fracu > 0;
    if du0 && fracu == 0 {
        uok = mant & 1 == 0;
    }
    if !uok {
        du -= 1;
    }
    // Is 'dc' the correctly rounded base 10 mantissa?
    let half = 1u64 << (extra - 1);
    let cup = if dc0 {
        fracc > half || (fracc == half && dc & 1 == 1)
    } else {
        fracc >> (extra - 1) == 1
    };
    // Is 'dl' an allowed representation?
    let lok = dl0 && fracl == 0 && (mant & 1 == 0);
    if !lok {
        dl += 1;
    }
    // We need to remember whether the trimmed digits of 'dc' are zero.
    let c0 = dc0 && fracc == 0;
    // render digits
    ryu_digits(d, dl, dc, du, c0, cup);
    d.dp -= q;
}

/// Go's mulByLog2Log10: floor(x × log10(2)) for |x| < 1600.
fn mul_by_log2_log10(x: i32) -> i32 {
    (x * 78913) >> 18
}

/// Go's mulByLog10Log2: floor(x × log2(10)) for |x| < 500.
fn mul_by_log10_log2(x: i32) -> i32 {
    (x * 108853) >> 15
}

/// Go's computeBounds: the halfway points to the neighbouring floats, scaled.
fn compute_bounds(mant: u64, exp: i32, flt: &FloatInfo) -> (u64, u64, u64, i32) {
    if mant != 1 << flt.mantbits || exp == flt.bias + 1 - flt.mantbits as i32 {
        // regular case (or denormals)
        (2 * mant - 1, 2 * mant, 2 * mant + 1, exp - 1)
    } else {
        // border of an exponent
        (4 * mant - 1, 4 * mant, 4 * mant + 2, exp - 2)
    }
}

/// Go's ryuDigits.
fn ryu_digits(d: &mut DecSlice, lower: u64, central: u64, upper: u64, mut c0: bool, mut cup: bool) {
    let (mut lhi, llo) = divmod1e9(lower);
    let (chi, clo) = divmod1e9(central);
    let (uhi, ulo) = divmod1e9(upper);
    if uhi == 0 {
        // only low digits (for denormals)
        ryu_digits32(d, llo, clo, ulo, c0, cup, 8);
    } else if lhi < uhi {
        // truncate 9 digits at once.
        if llo != 0 {
            lhi += 1;
        }
        c0 = c0 && clo == 0;
        cup = (clo > 500_000_000) || (clo == 500_000_000 && cup);
        ryu_digits32(d, lhi, chi, uhi, c0, cup, 8);
        d.dp += 9;
    } else {
        d.nd = 0;
        // emit high part
        let mut n = 9usize;
        let mut v = chi;
        while v > 0 {
            n -= 1;
            d.set(n, (v % 10) as u8 + b'0');
            v /= 10;
        }
        d.start += n;
        d.nd = (9 - n) as i32;
        // emit low part
        let end = d.nd + 8;
        ryu_digits32(d, llo, clo, ulo, c0, cup, end);
    }
    // trim trailing zeros
    while d.nd > 0 && d.get(d.nd as usize - 1) == b'0' {
        d.nd -= 1;
    }
    // trim initial zeros
    while d.nd > 0 && d.get(0) == b'0' {
        d.nd -= 1;
        d.dp -= 1;
        d.start += 1;
    }
}

/// Go's ryuDigits32: the digits of `central` trimmed while (lower, upper) allow it,
/// written ending at index `endindex`.
fn ryu_digits32(
    d: &mut DecSlice,
    mut lower: u32,
    mut central: u32,
    mut upper: u32,
    mut c0: bool,
    mut cup: bool,
    mut endindex: i32,
) {
    if upper == 0 {
        d.dp = endindex + 1;
        return;
    }
    let mut trimmed = 0;
    // Remember last trimmed digit to check for round-up.
    // c0 will be used to remember zeroness of following digits.
    let mut c_next_digit = 0;
    while upper > 0 {
        // Repeatedly compute:
        // l = Ceil(lower / 10^k)
        // c = Round(central / 10^k)
        // u = Floor(upper / 10^k)
        // and stop when c goes out of the (l, u) interval.
        let l = lower.div_ceil(10);
        let (mut c, mut cdigit) = (central / 10, central % 10);
        let u = upper / 10;
        if l > u {
            // don't trim the last digit as it is forbidden to go below l
            // other, trim and exit now.
            break;
        }
        // Check that we didn't cross the lower boundary.
        // The case where l < u but c == l-1 is essentially impossible,
        // but may happen if:
        //    lower   = ..11
        //    central = ..19
        //    upper   = ..31
        // and means that 'central' is very close but less than
        // an integer ending with many zeros, and usually
        // the "round-up" logic hides the problem.
        if l == c + 1 && c < u {
            c += 1;
            cdigit = 0;
            cup = false;
        }
        trimmed += 1;
        // Remember trimmed digits of c
        c0 = c0 && c_next_digit == 0;
        c_next_digit = cdigit;
        (lower, central, upper) = (l, c, u);
    }
    // should we round up?
    if trimmed > 0 {
        cup = c_next_digit > 5 || c_next_digit == 5 && (!c0 || central & 1 == 1);
    }
    if central < upper && cup {
        central += 1;
    }
    // We know where the number ends, fill directly
    endindex -= trimmed;
    let mut v = central;
    let mut n = endindex;
    while n > d.nd {
        let (v1, v2) = (v / 100, v % 100);
        d.set(n as usize, (v2 % 10) as u8 + b'0');
        d.set(n as usize - 1, (v2 / 10) as u8 + b'0');
        n -= 2;
        v = v1;
    }
    if n == d.nd {
        d.set(n as usize, v as u8 + b'0');
    }
    d.nd = endindex + 1;
    d.dp = d.nd + trimmed;
}

/// Go's mult64bitPow10: m × 10^q as a 32-bit mantissa and binary exponent, and whether
/// the result is exact.
fn mult64bit_pow10(m: u32, mut e2: i32, q: i32) -> (u32, i32, bool) {
    if q == 0 {
        // P == 1<<63
        return (m << 6, e2 - 6, true);
    }
    let i = q.clamp(
        DETAILED_POWERS_OF_TEN_MIN_EXP10,
        DETAILED_POWERS_OF_TEN_MAX_EXP10,
    ) - DETAILED_POWERS_OF_TEN_MIN_EXP10;
    let mut pow = DETAILED_POWERS_OF_TEN[i as usize][1];
    if q < 0 {
        // Inverse powers of ten must be rounded up.
        pow = pow.wrapping_add(1);
    }
    let (hi, lo) = mul64(u64::from(m), pow);
    e2 += mul_by_log10_log2(q) - 63 + 57;
    ((hi << 7 | lo >> 57) as u32, e2, lo << 7 == 0)
}

/// Go's mult128bitPow10: m × 10^q as a 64-bit mantissa and binary exponent, and whether
/// the result is exact.
fn mult128bit_pow10(m: u64, mut e2: i32, q: i32) -> (u64, i32, bool) {
    if q == 0 {
        // P == 1<<127
        return (m << 8, e2 - 8, true);
    }
    let i = q.clamp(
        DETAILED_POWERS_OF_TEN_MIN_EXP10,
        DETAILED_POWERS_OF_TEN_MAX_EXP10,
    ) - DETAILED_POWERS_OF_TEN_MIN_EXP10;
    let mut pow = DETAILED_POWERS_OF_TEN[i as usize];
    if q < 0 {
        // Inverse powers of ten must be rounded up.
        pow[0] = pow[0].wrapping_add(1);
    }
    e2 += mul_by_log10_log2(q) - 127 + 119;
    // long multiplication
    let (l1, l0) = mul64(m, pow[0]);
    let (mut h1, h0) = mul64(m, pow[1]);
    let (mid, carry) = l1.overflowing_add(h0);
    h1 = h1.wrapping_add(u64::from(carry));
    (h1 << 9 | mid >> 55, e2, mid << 9 == 0 && l0 == 0)
}

/// Go's divisibleByPower5.
fn divisible_by_power5(mut m: u64, k: i32) -> bool {
    if m == 0 {
        return true;
    }
    for _ in 0..k {
        if !m.is_multiple_of(5) {
            return false;
        }
        m /= 5;
    }
    true
}

/// Go's divmod1e9.
fn divmod1e9(x: u64) -> (u32, u32) {
    ((x / 1_000_000_000) as u32, (x % 1_000_000_000) as u32)
}
