//! The minimal fmt bridge: `%v` of basic values, as fmt.Println prints
//! them, until the std formatting core (runtime/src/stdlib) takes over.
//! The compiler lowers `fmt.Println(a, b)` with basic-typed arguments to
//! `FmtValue` ops naming each argument's kind.

use std::io::Write;

/// The basic kinds `FmtValue` formats (the constant operand's value).
pub mod kind {
    pub const INT: u64 = 0;
    pub const UINT: u64 = 1;
    pub const FLOAT64: u64 = 2;
    pub const FLOAT32: u64 = 3;
    pub const BOOL: u64 = 4;
    pub const STRING: u64 = 5;
    pub const POINTER: u64 = 6;
    pub const COMPLEX128: u64 = 7;
    pub const COMPLEX64: u64 = 8;
    /// A nil interface or a nil pointer printed as `<nil>`.
    pub const NIL: u64 = 9;
}

/// fmt's `%v` of a float: the shortest decimal that rounds back ('g' with
/// precision -1), in exponent form when the exponent is < -4 or >= 21.
pub fn fmt_float(out: &mut Vec<u8>, v: f64, bits32: bool) {
    if v.is_nan() {
        out.extend_from_slice(b"NaN");
        return;
    }
    if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 { b"+Inf" } else { b"-Inf" });
        return;
    }
    // Rust's `{:e}` gives the shortest round-trip digits and the exponent.
    let s = if bits32 {
        format!("{:e}", v as f32)
    } else {
        format!("{v:e}")
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if neg {
        out.push(b'-');
    }
    if !(-4..21).contains(&exp) {
        out.extend_from_slice(&digits.as_bytes()[..1]);
        if digits.len() > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits.as_bytes()[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if exp < 0 {
        out.extend_from_slice(b"0.");
        for _ in 0..(-exp - 1) {
            out.push(b'0');
        }
        out.extend_from_slice(digits.as_bytes());
    } else {
        let e = exp as usize;
        if digits.len() <= e + 1 {
            out.extend_from_slice(digits.as_bytes());
            for _ in digits.len()..e + 1 {
                out.push(b'0');
            }
        } else {
            out.extend_from_slice(&digits.as_bytes()[..e + 1]);
            out.push(b'.');
            out.extend_from_slice(&digits.as_bytes()[e + 1..]);
        }
    }
}

/// fmt's `%v` of a complex: `(re+imi)`.
pub fn fmt_complex(out: &mut Vec<u8>, re: f64, im: f64, bits32: bool) {
    out.push(b'(');
    fmt_float(out, re, bits32);
    if im.is_nan() || (!im.is_sign_negative() && !im.is_infinite()) {
        out.push(b'+');
    }
    fmt_float(out, im, bits32);
    out.extend_from_slice(b"i)");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(v: f64) -> String {
        let mut b = Vec::new();
        fmt_float(&mut b, v, false);
        String::from_utf8(b).unwrap_or_default()
    }

    #[test]
    fn floats_as_fmt_prints_them() {
        assert_eq!(g(1.0), "1");
        assert_eq!(g(0.1), "0.1");
        assert_eq!(g(123456.5), "123456.5");
        assert_eq!(g(1e21), "1e+21");
        assert_eq!(g(1e20), "100000000000000000000");
        assert_eq!(g(0.0001), "0.0001");
        assert_eq!(g(0.00001), "1e-05");
        assert_eq!(g(-2.5e-7), "-2.5e-07");
        assert_eq!(g(3.0), "3");
    }
}
