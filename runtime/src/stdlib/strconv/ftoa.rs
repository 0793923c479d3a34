//! FormatFloat and AppendFloat (Go's strconv/ftoa.go): a float's bits split into sign,
//! mantissa and exponent, its digits found by Ryū (ryu.rs: the shortest round-tripping
//! digits, or up to 18 digits) or by expanding its exact value in a [`Decimal`] (more
//! digits, and %f with a precision), as Go chooses, then laid out by fmtE, fmtF, fmtB or
//! fmtX as Go does.
//!
//! Example: `format_float(1e21, b'g', -1, 64)` is "1e+21"; `format_float(0.1, b'f', 20, 64)`
//! is "0.10000000000000000555".

use super::decimal::Decimal;
use super::itoa::format_bits;
use super::ryu::{ryu_ftoa_fixed32, ryu_ftoa_fixed64, ryu_ftoa_shortest, DecSlice};

/// Go's floatInfo: mantissa bits, exponent bits, bias.
pub(crate) struct FloatInfo {
    pub mantbits: u32,
    pub expbits: u32,
    pub bias: i32,
}

pub(crate) const FLOAT32INFO: FloatInfo = FloatInfo {
    mantbits: 23,
    expbits: 8,
    bias: -127,
};
pub(crate) const FLOAT64INFO: FloatInfo = FloatInfo {
    mantbits: 52,
    expbits: 11,
    bias: -1023,
};

/// Go's strconv.FormatFloat. `bit_size` must be 32 or 64 (Go panics with
/// "strconv: illegal AppendFloat/FormatFloat bitSize" otherwise; here 32 means 32 and
/// anything else 64, and the VM raises the panic before calling).
pub fn format_float(f: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let mut dst = Vec::with_capacity(prec.clamp(0, 1 << 20) as usize + 24);
    append_float(&mut dst, f, fmt, prec, bit_size);
    // Every byte appended is ASCII.
    String::from_utf8_lossy(&dst).into_owned()
}

/// Go's strconv.AppendFloat: appends to `dst`. Precisions above 2^30 digits are cut to
/// 2^30 (gc would run out of memory) so that index arithmetic cannot overflow.
pub fn append_float(dst: &mut Vec<u8>, val: f64, fmt: u8, prec: i32, bit_size: u32) {
    let prec = prec.min(1 << 30);
    let (bits, flt) = if bit_size == 32 {
        (u64::from((val as f32).to_bits()), &FLOAT32INFO)
    } else {
        (val.to_bits(), &FLOAT64INFO)
    };
    let neg = bits >> (flt.expbits + flt.mantbits) != 0;
    let mut exp = ((bits >> flt.mantbits) & ((1 << flt.expbits) - 1)) as i32;
    let mut mant = bits & ((1u64 << flt.mantbits) - 1);
    if exp == (1 << flt.expbits) - 1 {
        let s: &[u8] = if mant != 0 {
            b"NaN"
        } else if neg {
            b"-Inf"
        } else {
            b"+Inf"
        };
        dst.extend_from_slice(s);
        return;
    } else if exp == 0 {
        exp += 1;
    } else {
        mant |= 1u64 << flt.mantbits;
    }
    exp += flt.bias;
    match fmt {
        b'b' => fmt_b(dst, neg, mant, exp, flt),
        b'x' | b'X' => fmt_x(dst, prec, fmt, neg, mant, exp, flt),
        _ => ryu_ftoa(dst, prec, fmt, neg, mant, exp, flt, bit_size),
    }
}

/// genericFtoa's choice: Ryū for the shortest digits or for at most 18 (9 for float32)
/// %e/%g digits, the multiprecision decimal otherwise (and always for %f with a
/// precision).
#[allow(clippy::too_many_arguments)]
fn ryu_ftoa(
    dst: &mut Vec<u8>,
    mut prec: i32,
    fmt: u8,
    neg: bool,
    mant: u64,
    exp: i32,
    flt: &FloatInfo,
    bit_size: u32,
) {
    let mut digs = DecSlice::new();
    let shortest = prec < 0;
    let e2 = exp - flt.mantbits as i32;
    if shortest {
        ryu_ftoa_shortest(&mut digs, mant, e2, flt);
        prec = match fmt {
            b'e' | b'E' => (digs.nd - 1).max(0),
            b'f' => (digs.nd - digs.dp).max(0),
            b'g' | b'G' => digs.nd,
            _ => prec,
        };
    } else if fmt != b'f' {
        // Fixed number of digits.
        let digits = match fmt {
            b'e' | b'E' => prec + 1,
            b'g' | b'G' => {
                if prec == 0 {
                    prec = 1;
                }
                prec
            }
            _ => 1,
        };
        if bit_size == 32 && digits <= 9 {
            ryu_ftoa_fixed32(&mut digs, mant as u32, e2, digits);
        } else if digits <= 18 {
            ryu_ftoa_fixed64(&mut digs, mant, e2, digits);
        } else {
            return big_ftoa(dst, prec, fmt, neg, mant, exp, flt);
        }
    } else {
        return big_ftoa(dst, prec, fmt, neg, mant, exp, flt);
    }
    let d = Digits {
        d: digs.digits(),
        nd: digs.nd,
        dp: digs.dp,
    };
    format_digits(dst, shortest, neg, &d, prec, fmt);
}

/// FormatFloat by the multiprecision decimal only (Go's `optimize = false`), for tests
/// that check the Ryū paths against it as Go's TestFtoaRandom does.
#[doc(hidden)]
pub fn format_float_decimal(f: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let (bits, flt) = if bit_size == 32 {
        (u64::from((f as f32).to_bits()), &FLOAT32INFO)
    } else {
        (f.to_bits(), &FLOAT64INFO)
    };
    let neg = bits >> (flt.expbits + flt.mantbits) != 0;
    let mut exp = ((bits >> flt.mantbits) & ((1 << flt.expbits) - 1)) as i32;
    let mut mant = bits & ((1u64 << flt.mantbits) - 1);
    if exp == (1 << flt.expbits) - 1 || !matches!(fmt, b'e' | b'E' | b'f' | b'g' | b'G') {
        return format_float(f, fmt, prec, bit_size);
    }
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1u64 << flt.mantbits;
    }
    let mut dst = Vec::new();
    big_ftoa(&mut dst, prec, fmt, neg, mant, exp + flt.bias, flt);
    String::from_utf8_lossy(&dst).into_owned()
}

/// The digits of a rounded decimal, Go's decimalSlice: value 0.d[..nd] × 10^dp.
struct Digits<'a> {
    d: &'a [u8],
    nd: i32,
    dp: i32,
}

/// Go's bigFtoa: exact decimal expansion, then rounding.
fn big_ftoa(
    dst: &mut Vec<u8>,
    mut prec: i32,
    fmt: u8,
    neg: bool,
    mant: u64,
    exp: i32,
    flt: &FloatInfo,
) {
    let mut d = Decimal::new();
    d.assign(mant);
    d.shift(exp - flt.mantbits as i32);
    let shortest = prec < 0;
    if shortest {
        round_shortest(&mut d, mant, exp, flt);
        prec = match fmt {
            b'e' | b'E' => d.nd - 1,
            b'f' => (d.nd - d.dp).max(0),
            b'g' | b'G' => d.nd,
            _ => prec,
        };
    } else {
        match fmt {
            b'e' | b'E' => d.round(prec + 1),
            b'f' => d.round(d.dp + prec),
            b'g' | b'G' => {
                if prec == 0 {
                    prec = 1;
                }
                d.round(prec);
            }
            _ => {}
        }
    }
    let digs = Digits {
        d: &d.d,
        nd: d.nd,
        dp: d.dp,
    };
    format_digits(dst, shortest, neg, &digs, prec, fmt);
}

/// Go's formatDigits: %e, %f or %g layout of rounded digits.
fn format_digits(dst: &mut Vec<u8>, shortest: bool, neg: bool, digs: &Digits, prec: i32, fmt: u8) {
    match fmt {
        b'e' | b'E' => fmt_e(dst, neg, digs, prec, fmt),
        b'f' => fmt_f(dst, neg, digs, prec),
        b'g' | b'G' => {
            let mut prec = prec;
            let mut eprec = prec;
            if eprec > digs.nd && digs.nd >= digs.dp {
                eprec = digs.nd;
            }
            // %e is used if the exponent from the conversion is less than -4 or greater
            // than or equal to the precision. If precision was the shortest possible,
            // use precision 6 for this decision.
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > digs.nd {
                    prec = digs.nd;
                }
                return fmt_e(dst, neg, digs, prec - 1, fmt + b'e' - b'g');
            }
            if prec > digs.dp {
                prec = digs.nd;
            }
            fmt_f(dst, neg, digs, (prec - digs.dp).max(0));
        }
        _ => dst.extend_from_slice(&[b'%', fmt]),
    }
}

/// Go's roundShortest: round d to the fewest digits that still read back as the same
/// float, choosing the nearest when several do.
fn round_shortest(d: &mut Decimal, mant: u64, exp: i32, flt: &FloatInfo) {
    if mant == 0 {
        d.nd = 0;
        return;
    }
    let minexp = flt.bias + 1;
    if exp > minexp && 332 * (d.dp - d.nd) >= 100 * (exp - flt.mantbits as i32) {
        // The number is already shortest.
        return;
    }
    let mut upper = Decimal::new();
    upper.assign(mant * 2 + 1);
    upper.shift(exp - flt.mantbits as i32 - 1);
    let (mantlo, explo) = if mant > 1 << flt.mantbits || exp == minexp {
        (mant - 1, exp)
    } else {
        (mant * 2 - 1, exp - 1)
    };
    let mut lower = Decimal::new();
    lower.assign(mantlo * 2 + 1);
    lower.shift(explo - flt.mantbits as i32 - 1);
    let inclusive = mant.is_multiple_of(2);
    let mut upperdelta = 0u8;
    let mut ui = 0i32;
    loop {
        let mi = ui - upper.dp + d.dp;
        if mi >= d.nd {
            break;
        }
        let li = ui - upper.dp + lower.dp;
        let l = if li >= 0 && li < lower.nd {
            lower.d[li as usize]
        } else {
            b'0'
        };
        let m = if mi >= 0 { d.d[mi as usize] } else { b'0' };
        let u = if ui < upper.nd {
            upper.d[ui as usize]
        } else {
            b'0'
        };
        let okdown = l != m || inclusive && li + 1 == lower.nd;
        if upperdelta == 0 && m + 1 < u {
            upperdelta = 2;
        } else if upperdelta == 0 && m != u {
            upperdelta = 1;
        } else if upperdelta == 1 && (m != b'9' || u != b'0') {
            upperdelta = 2;
        }
        let okup = upperdelta > 0 && (inclusive || upperdelta > 1 || ui + 1 < upper.nd);
        if okdown && okup {
            d.round(mi + 1);
            return;
        } else if okdown {
            d.round_down(mi + 1);
            return;
        } else if okup {
            d.round_up(mi + 1);
            return;
        }
        ui += 1;
    }
}

/// Go's fmtE: %e is -d.ddddde±dd.
fn fmt_e(dst: &mut Vec<u8>, neg: bool, d: &Digits, prec: i32, fmt: u8) {
    if neg {
        dst.push(b'-');
    }
    dst.push(if d.nd != 0 { d.d[0] } else { b'0' });
    if prec > 0 {
        dst.push(b'.');
        let mut i = 1;
        let m = d.nd.min(prec + 1);
        if i < m {
            dst.extend_from_slice(&d.d[i as usize..m as usize]);
            i = m;
        }
        while i <= prec {
            dst.push(b'0');
            i += 1;
        }
    }
    dst.push(fmt);
    let mut exp = if d.nd == 0 { 0 } else { d.dp - 1 };
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    let exp = exp as u32;
    if exp < 10 {
        dst.extend_from_slice(&[b'0', exp as u8 + b'0']);
    } else if exp < 100 {
        dst.extend_from_slice(&[(exp / 10) as u8 + b'0', (exp % 10) as u8 + b'0']);
    } else {
        dst.extend_from_slice(&[
            (exp / 100) as u8 + b'0',
            (exp / 10 % 10) as u8 + b'0',
            (exp % 10) as u8 + b'0',
        ]);
    }
}

/// Go's fmtF: %f is -ddddddd.ddddd.
fn fmt_f(dst: &mut Vec<u8>, neg: bool, d: &Digits, prec: i32) {
    if neg {
        dst.push(b'-');
    }
    if d.dp > 0 {
        let m = d.nd.min(d.dp);
        dst.extend_from_slice(&d.d[..m as usize]);
        for _ in m..d.dp {
            dst.push(b'0');
        }
    } else {
        dst.push(b'0');
    }
    if prec > 0 {
        dst.push(b'.');
        for i in 0..prec {
            let j = d.dp + i;
            dst.push(if 0 <= j && j < d.nd {
                d.d[j as usize]
            } else {
                b'0'
            });
        }
    }
}

/// Go's fmtB: %b is -ddddddddp±ddd (decimal mantissa, binary exponent).
fn fmt_b(dst: &mut Vec<u8>, neg: bool, mant: u64, exp: i32, flt: &FloatInfo) {
    if neg {
        dst.push(b'-');
    }
    format_bits(dst, mant, 10, false);
    dst.push(b'p');
    let exp = exp - flt.mantbits as i32;
    if exp >= 0 {
        dst.push(b'+');
    }
    format_bits(dst, u64::from(exp.unsigned_abs()), 10, exp < 0);
}

/// Go's fmtX: %x is -0x1.yyyyyyyyp±ddd (hex mantissa, binary exponent).
fn fmt_x(
    dst: &mut Vec<u8>,
    prec: i32,
    fmt: u8,
    neg: bool,
    mut mant: u64,
    mut exp: i32,
    flt: &FloatInfo,
) {
    if mant == 0 {
        exp = 0;
    }
    // Shift digits so leading 1 (if any) is at bit 1<<60.
    mant <<= 60 - flt.mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    // Round if requested.
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            // Wrapped around.
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        dst.push(b'-');
    }
    dst.extend_from_slice(&[b'0', fmt, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4; // remove leading 0 or 1
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    dst.push(if fmt == b'X' { b'P' } else { b'p' });
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    let exp = exp as u32;
    if exp < 100 {
        dst.extend_from_slice(&[(exp / 10) as u8 + b'0', (exp % 10) as u8 + b'0']);
    } else if exp < 1000 {
        dst.extend_from_slice(&[
            (exp / 100) as u8 + b'0',
            (exp / 10 % 10) as u8 + b'0',
            (exp % 10) as u8 + b'0',
        ]);
    } else {
        dst.extend_from_slice(&[
            (exp / 1000) as u8 + b'0',
            (exp / 100 % 10) as u8 + b'0',
            (exp / 10 % 10) as u8 + b'0',
            (exp % 10) as u8 + b'0',
        ]);
    }
}
