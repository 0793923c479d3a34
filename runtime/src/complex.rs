//! Complex arithmetic as gc compiles it: addition and subtraction in the
//! element float type, multiplication computed in float64 (and narrowed
//! for complex64, cmd/compile/internal/ssagen "minimize cancellation
//! error"), division by runtime.complex128div (complex64 operands are
//! widened first).

/// A complex value as its two parts.
pub type C128 = (f64, f64);

/// The operations of the `C128*`/`C64*` arithmetic instructions.
pub mod op {
    pub const ADD: u32 = 0;
    pub const SUB: u32 = 1;
    pub const MUL: u32 = 2;
    pub const DIV: u32 = 3;
    /// Negation (the second operand is ignored).
    pub const NEG: u32 = 4;
}

/// inf2one: a signed 1 if f is an infinity, a signed 0 otherwise.
fn inf2one(f: f64) -> f64 {
    let g: f64 = if f.is_infinite() { 1.0 } else { 0.0 };
    g.copysign(f)
}

/// runtime.complex128div: Smith's algorithm with C99's corrections for
/// infinities and zeros.
pub fn complex128div(n: C128, m: C128) -> C128 {
    let (e, f);
    if m.0.abs() >= m.1.abs() {
        let ratio = m.1 / m.0;
        let denom = m.0 + ratio * m.1;
        e = (n.0 + n.1 * ratio) / denom;
        f = (n.1 - n.0 * ratio) / denom;
    } else {
        let ratio = m.0 / m.1;
        let denom = m.1 + ratio * m.0;
        e = (n.0 * ratio + n.1) / denom;
        f = (n.1 * ratio - n.0) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let (mut a, mut b) = n;
        let (mut c, mut d) = m;
        let inf = f64::INFINITY;
        if m.0 == 0.0 && m.1 == 0.0 && (!a.is_nan() || !b.is_nan()) {
            return (inf.copysign(c) * a, inf.copysign(c) * b);
        }
        if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            a = inf2one(a);
            b = inf2one(b);
            return (inf * (a * c + b * d), inf * (b * c - a * d));
        }
        if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            c = inf2one(c);
            d = inf2one(d);
            return (0.0 * (a * c + b * d), 0.0 * (b * c - a * d));
        }
    }
    (e, f)
}

/// `x op y` for complex128.
pub fn c128_op(op: u32, x: C128, y: C128) -> C128 {
    match op {
        op::ADD => (x.0 + y.0, x.1 + y.1),
        op::SUB => (x.0 - y.0, x.1 - y.1),
        op::MUL => (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0),
        op::DIV => complex128div(x, y),
        _ => (-x.0, -x.1),
    }
}

/// A complex64 slot word: the real part's bits low, the imaginary high.
pub fn c64_parts(w: u64) -> (f32, f32) {
    (f32::from_bits(w as u32), f32::from_bits((w >> 32) as u32))
}

/// The slot word of complex64(re, im).
pub fn c64_word(re: f32, im: f32) -> u64 {
    re.to_bits() as u64 | (im.to_bits() as u64) << 32
}

/// `x op y` for complex64 slot words.
pub fn c64_op(op: u32, x: u64, y: u64) -> u64 {
    let (a, b) = c64_parts(x);
    let (c, d) = c64_parts(y);
    match op {
        op::ADD => c64_word(a + c, b + d),
        op::SUB => c64_word(a - c, b - d),
        op::MUL => {
            let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
            c64_word((a * c - b * d) as f32, (a * d + b * c) as f32)
        }
        op::DIV => {
            let (e, f) = complex128div((a as f64, b as f64), (c as f64, d as f64));
            c64_word(e as f32, f as f32)
        }
        _ => c64_word(-a, -b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected bits from gc 1.19 (`p[0] / p[1]` printed with Float64bits).
    #[test]
    fn division_follows_smith_and_c99() {
        let z = complex128div((1.0, 2.0), (3.0, 4.0));
        assert_eq!(
            (z.0.to_bits(), z.1.to_bits()),
            (0x3fdc28f5c28f5c29, 0x3fb47ae147ae147b)
        );
        let z = complex128div((1.0, 1.0), (0.0, 0.0));
        assert_eq!(z, (f64::INFINITY, f64::INFINITY));
        let z = complex128div((f64::INFINITY, 0.0), (1.0, 1.0));
        assert_eq!(z, (f64::INFINITY, f64::NEG_INFINITY));
        let z = complex128div((1.0, 1.0), (f64::INFINITY, 0.0));
        assert_eq!(z, (0.0, 0.0));
    }

    #[test]
    fn complex64_words_round_trip() {
        let w = c64_word(1.5, -2.0);
        assert_eq!(c64_parts(w), (1.5, -2.0));
        assert_eq!(c64_parts(c64_op(op::MUL, w, w)), (-1.75, -6.0));
        assert_eq!(c64_parts(c64_op(op::NEG, w, 0)), (-1.5, 2.0));
    }
}
