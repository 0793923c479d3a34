//! math/bits natives over stdlib::bits. Arguments arrive canonical (an
//! unsigned value zero-extended in its slot), so the narrower widths are
//! the 64-bit functions on the value, with Len/LeadingZeros/rotations
//! and reversals adjusted to the width; results are stored zero-extended
//! as the VM expects. Div and Rem panic as gc's (runtime errors
//! `integer divide by zero` and `integer overflow`).

use super::{native, Ctx, Native};
use crate::error::RuntimeError;
use crate::stdlib::bits as b;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The mask of a `w`-bit value.
const fn mask(w: u32) -> u64 {
    if w >= 64 {
        u64::MAX
    } else {
        (1u64 << w) - 1
    }
}

/// (x uintW) -> int: `f(x, w)`.
macro_rules! count {
    ($name:ident, $w:expr, $f:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(u64, u32) -> i64 = $f;
            let v = f(c.arg(0) & mask($w), $w);
            c.set(1, v as u64);
            Ok(())
        }
    };
}

fn len_w(x: u64, _w: u32) -> i64 {
    b::len64(x)
}

fn leading_zeros_w(x: u64, w: u32) -> i64 {
    i64::from(w) - b::len64(x)
}

fn trailing_zeros_w(x: u64, w: u32) -> i64 {
    if x == 0 {
        i64::from(w)
    } else {
        b::trailing_zeros64(x)
    }
}

fn ones_count_w(x: u64, _w: u32) -> i64 {
    b::ones_count64(x)
}

count!(len, 64, len_w);
count!(len8, 8, len_w);
count!(len16, 16, len_w);
count!(len32, 32, len_w);
count!(leading_zeros, 64, leading_zeros_w);
count!(leading_zeros8, 8, leading_zeros_w);
count!(leading_zeros16, 16, leading_zeros_w);
count!(leading_zeros32, 32, leading_zeros_w);
count!(trailing_zeros, 64, trailing_zeros_w);
count!(trailing_zeros8, 8, trailing_zeros_w);
count!(trailing_zeros16, 16, trailing_zeros_w);
count!(trailing_zeros32, 32, trailing_zeros_w);
count!(ones_count, 64, ones_count_w);
count!(ones_count8, 8, ones_count_w);
count!(ones_count16, 16, ones_count_w);
count!(ones_count32, 32, ones_count_w);

/// (x uintW) -> uintW: `f(x, w)` masked to the width.
macro_rules! unary {
    ($name:ident, $w:expr, $f:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(u64, u32) -> u64 = $f;
            let v = f(c.arg(0) & mask($w), $w);
            c.set(1, v & mask($w));
            Ok(())
        }
    };
}

fn reverse_w(x: u64, w: u32) -> u64 {
    b::reverse64(x) >> (64 - w)
}

fn reverse_bytes_w(x: u64, w: u32) -> u64 {
    b::reverse_bytes64(x) >> (64 - w)
}

unary!(reverse, 64, reverse_w);
unary!(reverse8, 8, reverse_w);
unary!(reverse16, 16, reverse_w);
unary!(reverse32, 32, reverse_w);
unary!(reverse_bytes, 64, reverse_bytes_w);
unary!(reverse_bytes16, 16, reverse_bytes_w);
unary!(reverse_bytes32, 32, reverse_bytes_w);

/// (x uintW, k int) -> uintW: Go's RotateLeftW (k < 0 rotates right).
macro_rules! rotate {
    ($name:ident, $w:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let (x, k) = (c.arg(0) & mask($w), c.arg(1) as i64);
            let s = (k & ($w - 1)) as u32;
            let v = if s == 0 {
                x
            } else {
                (x << s | x >> ($w - s)) & mask($w)
            };
            c.set(2, v);
            Ok(())
        }
    };
}

rotate!(rotate_left, 64);
rotate!(rotate_left8, 8);
rotate!(rotate_left16, 16);
rotate!(rotate_left32, 32);

fn add64(c: &mut Ctx<'_, '_>) -> R {
    let (s, co) = b::add64(c.arg(0), c.arg(1), c.arg(2));
    c.set(3, s);
    c.set(4, co);
    Ok(())
}

fn add32(c: &mut Ctx<'_, '_>) -> R {
    let sum = (c.arg(0) & mask(32)) + (c.arg(1) & mask(32)) + (c.arg(2) & mask(32));
    c.set(3, sum & mask(32));
    c.set(4, sum >> 32 & 1);
    Ok(())
}

fn sub64(c: &mut Ctx<'_, '_>) -> R {
    let (d, bo) = b::sub64(c.arg(0), c.arg(1), c.arg(2));
    c.set(3, d);
    c.set(4, bo);
    Ok(())
}

fn sub32(c: &mut Ctx<'_, '_>) -> R {
    let (x, y, borrow) = (c.arg(0) as u32, c.arg(1) as u32, c.arg(2) as u32);
    let diff = x.wrapping_sub(y).wrapping_sub(borrow);
    let bo = ((!x & y) | (!(x ^ y) & diff)) >> 31;
    c.set(3, u64::from(diff));
    c.set(4, u64::from(bo));
    Ok(())
}

fn mul64(c: &mut Ctx<'_, '_>) -> R {
    let (hi, lo) = b::mul64(c.arg(0), c.arg(1));
    c.set(2, hi);
    c.set(3, lo);
    Ok(())
}

fn mul32(c: &mut Ctx<'_, '_>) -> R {
    let p = (c.arg(0) & mask(32)) * (c.arg(1) & mask(32));
    c.set(2, p >> 32);
    c.set(3, p & mask(32));
    Ok(())
}

fn bits_error(e: b::BitsError) -> Raise {
    let msg = e.message();
    Raise::Error(RuntimeError::error_string(
        msg.strip_prefix("runtime error: ").unwrap_or(msg),
    ))
}

fn div64(c: &mut Ctx<'_, '_>) -> R {
    let (q, r) = b::div64(c.arg(0), c.arg(1), c.arg(2)).map_err(bits_error)?;
    c.set(3, q);
    c.set(4, r);
    Ok(())
}

fn div32(c: &mut Ctx<'_, '_>) -> R {
    let (hi, lo, y) = (
        c.arg(0) & mask(32),
        c.arg(1) & mask(32),
        c.arg(2) & mask(32),
    );
    if y == 0 {
        return Err(bits_error(b::BitsError::DivideByZero));
    }
    if y <= hi {
        return Err(bits_error(b::BitsError::Overflow));
    }
    let z = hi << 32 | lo;
    c.set(3, (z / y) & mask(32));
    c.set(4, (z % y) & mask(32));
    Ok(())
}

fn rem64(c: &mut Ctx<'_, '_>) -> R {
    let r = b::rem64(c.arg(0), c.arg(1), c.arg(2)).map_err(bits_error)?;
    c.set(3, r);
    Ok(())
}

fn rem32(c: &mut Ctx<'_, '_>) -> R {
    let (hi, lo, y) = (
        c.arg(0) & mask(32),
        c.arg(1) & mask(32),
        c.arg(2) & mask(32),
    );
    if y == 0 {
        return Err(bits_error(b::BitsError::DivideByZero));
    }
    c.set(3, (hi << 32 | lo) % y);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("math/bits.Len", 1, 1, len),
    native("math/bits.Len8", 1, 1, len8),
    native("math/bits.Len16", 1, 1, len16),
    native("math/bits.Len32", 1, 1, len32),
    native("math/bits.Len64", 1, 1, len),
    native("math/bits.LeadingZeros", 1, 1, leading_zeros),
    native("math/bits.LeadingZeros8", 1, 1, leading_zeros8),
    native("math/bits.LeadingZeros16", 1, 1, leading_zeros16),
    native("math/bits.LeadingZeros32", 1, 1, leading_zeros32),
    native("math/bits.LeadingZeros64", 1, 1, leading_zeros),
    native("math/bits.TrailingZeros", 1, 1, trailing_zeros),
    native("math/bits.TrailingZeros8", 1, 1, trailing_zeros8),
    native("math/bits.TrailingZeros16", 1, 1, trailing_zeros16),
    native("math/bits.TrailingZeros32", 1, 1, trailing_zeros32),
    native("math/bits.TrailingZeros64", 1, 1, trailing_zeros),
    native("math/bits.OnesCount", 1, 1, ones_count),
    native("math/bits.OnesCount8", 1, 1, ones_count8),
    native("math/bits.OnesCount16", 1, 1, ones_count16),
    native("math/bits.OnesCount32", 1, 1, ones_count32),
    native("math/bits.OnesCount64", 1, 1, ones_count),
    native("math/bits.Reverse", 1, 1, reverse),
    native("math/bits.Reverse8", 1, 1, reverse8),
    native("math/bits.Reverse16", 1, 1, reverse16),
    native("math/bits.Reverse32", 1, 1, reverse32),
    native("math/bits.Reverse64", 1, 1, reverse),
    native("math/bits.ReverseBytes", 1, 1, reverse_bytes),
    native("math/bits.ReverseBytes16", 1, 1, reverse_bytes16),
    native("math/bits.ReverseBytes32", 1, 1, reverse_bytes32),
    native("math/bits.ReverseBytes64", 1, 1, reverse_bytes),
    native("math/bits.RotateLeft", 2, 1, rotate_left),
    native("math/bits.RotateLeft8", 2, 1, rotate_left8),
    native("math/bits.RotateLeft16", 2, 1, rotate_left16),
    native("math/bits.RotateLeft32", 2, 1, rotate_left32),
    native("math/bits.RotateLeft64", 2, 1, rotate_left),
    native("math/bits.Add", 3, 2, add64),
    native("math/bits.Add32", 3, 2, add32),
    native("math/bits.Add64", 3, 2, add64),
    native("math/bits.Sub", 3, 2, sub64),
    native("math/bits.Sub32", 3, 2, sub32),
    native("math/bits.Sub64", 3, 2, sub64),
    native("math/bits.Mul", 2, 2, mul64),
    native("math/bits.Mul32", 2, 2, mul32),
    native("math/bits.Mul64", 2, 2, mul64),
    native("math/bits.Div", 3, 2, div64),
    native("math/bits.Div32", 3, 2, div32),
    native("math/bits.Div64", 3, 2, div64),
    native("math/bits.Rem", 3, 1, rem64),
    native("math/bits.Rem32", 3, 1, rem32),
    native("math/bits.Rem64", 3, 1, rem64),
];
