//! math/bits on uint64 (the narrower widths are these on zero-extended values, with the
//! width's own Len and rotations computed by the caller's mask). Rust's intrinsics give
//! Go's results; Div64's panics are returned as [`BitsError`] for the VM to raise.

/// Go's runtime errors from Div64 and Rem64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitsError {
    /// "runtime error: integer divide by zero"
    DivideByZero,
    /// "runtime error: integer overflow"
    Overflow,
}

impl BitsError {
    pub fn message(self) -> &'static str {
        match self {
            BitsError::DivideByZero => "runtime error: integer divide by zero",
            BitsError::Overflow => "runtime error: integer overflow",
        }
    }
}

/// Go's bits.Len64: the minimum number of bits to represent x.
pub fn len64(x: u64) -> i64 {
    i64::from(64 - x.leading_zeros())
}

/// Go's bits.LeadingZeros64.
pub fn leading_zeros64(x: u64) -> i64 {
    i64::from(x.leading_zeros())
}

/// Go's bits.TrailingZeros64 (64 for 0).
pub fn trailing_zeros64(x: u64) -> i64 {
    i64::from(x.trailing_zeros())
}

/// Go's bits.OnesCount64.
pub fn ones_count64(x: u64) -> i64 {
    i64::from(x.count_ones())
}

/// Go's bits.RotateLeft64: k < 0 rotates right.
pub fn rotate_left64(x: u64, k: i64) -> u64 {
    x.rotate_left((k & 63) as u32)
}

/// Go's bits.Reverse64.
pub fn reverse64(x: u64) -> u64 {
    x.reverse_bits()
}

/// Go's bits.ReverseBytes64.
pub fn reverse_bytes64(x: u64) -> u64 {
    x.swap_bytes()
}

/// Go's bits.Add64: (sum, carry out).
pub fn add64(x: u64, y: u64, carry: u64) -> (u64, u64) {
    let sum = x.wrapping_add(y).wrapping_add(carry);
    let carry_out = ((x & y) | ((x | y) & !sum)) >> 63;
    (sum, carry_out)
}

/// Go's bits.Sub64: (difference, borrow out).
pub fn sub64(x: u64, y: u64, borrow: u64) -> (u64, u64) {
    let diff = x.wrapping_sub(y).wrapping_sub(borrow);
    let borrow_out = ((!x & y) | (!(x ^ y) & diff)) >> 63;
    (diff, borrow_out)
}

/// Go's bits.Mul64: (hi, lo) of the 128-bit product.
pub fn mul64(x: u64, y: u64) -> (u64, u64) {
    let p = u128::from(x) * u128::from(y);
    ((p >> 64) as u64, p as u64)
}

/// Go's bits.Div64: (quo, rem) of (hi, lo) / y; y == 0 and y <= hi panic in Go.
pub fn div64(hi: u64, lo: u64, y: u64) -> Result<(u64, u64), BitsError> {
    if y == 0 {
        return Err(BitsError::DivideByZero);
    }
    if y <= hi {
        return Err(BitsError::Overflow);
    }
    let n = u128::from(hi) << 64 | u128::from(lo);
    Ok(((n / u128::from(y)) as u64, (n % u128::from(y)) as u64))
}

/// Go's bits.Rem64: (hi, lo) mod y, which never overflows; y == 0 panics in Go.
pub fn rem64(hi: u64, lo: u64, y: u64) -> Result<u64, BitsError> {
    if y == 0 {
        return Err(BitsError::DivideByZero);
    }
    let n = u128::from(hi) << 64 | u128::from(lo);
    Ok((n % u128::from(y)) as u64)
}
