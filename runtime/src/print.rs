//! The print and println builtins (runtime/print.go): formatting exactly as
//! gc's, written to standard error.
//!
//! gc writes each piece unbuffered; goscope collects a line in a buffer and
//! writes it at the newline (or before anything else is written), which
//! gives the same bytes on the file descriptor.

use std::io::Write;

/// printfloat: `+d.dddddde+ddd`, NaN, +Inf, -Inf.
pub fn printfloat(out: &mut Vec<u8>, mut v: f64) {
    if v.is_nan() {
        out.extend_from_slice(b"NaN");
        return;
    }
    if v + v == v && v > 0.0 {
        out.extend_from_slice(b"+Inf");
        return;
    }
    if v + v == v && v < 0.0 {
        out.extend_from_slice(b"-Inf");
        return;
    }
    const N: usize = 7;
    let mut buf = [0u8; N + 7];
    buf[0] = b'+';
    let mut e: i32 = 0;
    if v == 0.0 {
        if (1.0 / v) < 0.0 {
            buf[0] = b'-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            buf[0] = b'-';
        }
        while v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            e -= 1;
            v *= 10.0;
        }
        let mut h = 5.0;
        for _ in 0..N {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
    }
    for i in 0..N {
        let s = v as i64;
        buf[i + 2] = (s as u8).wrapping_add(b'0');
        v -= s as f64;
        v *= 10.0;
    }
    buf[1] = buf[2];
    buf[2] = b'.';
    buf[N + 2] = b'e';
    buf[N + 3] = b'+';
    if e < 0 {
        e = -e;
        buf[N + 3] = b'-';
    }
    buf[N + 4] = (e / 100) as u8 + b'0';
    buf[N + 5] = ((e / 10) % 10) as u8 + b'0';
    buf[N + 6] = (e % 10) as u8 + b'0';
    out.extend_from_slice(&buf);
}

/// printcomplex: `(` real imag `i)`.
pub fn printcomplex(out: &mut Vec<u8>, re: f64, im: f64) {
    out.push(b'(');
    printfloat(out, re);
    printfloat(out, im);
    out.extend_from_slice(b"i)");
}

/// printint.
pub fn printint(out: &mut Vec<u8>, v: i64) {
    let _ = write!(out, "{v}");
}

/// printuint.
pub fn printuint(out: &mut Vec<u8>, v: u64) {
    let _ = write!(out, "{v}");
}

/// printbool.
pub fn printbool(out: &mut Vec<u8>, v: bool) {
    out.extend_from_slice(if v { b"true" } else { b"false" });
}

/// printpointer / printhex: `0x` and lower-case hex digits.
pub fn printhex(out: &mut Vec<u8>, v: u64) {
    let _ = write!(out, "{v:#x}");
}

/// printslice: `[len/cap]0xptr`.
pub fn printslice(out: &mut Vec<u8>, ptr: u64, len: i64, cap: i64) {
    let _ = write!(out, "[{len}/{cap}]");
    printhex(out, ptr);
}

/// printeface / printiface: `(0xtype,0xdata)`.
pub fn printeface(out: &mut Vec<u8>, t: u64, data: u64) {
    out.push(b'(');
    printhex(out, t);
    out.push(b',');
    printhex(out, data);
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64) -> String {
        let mut b = Vec::new();
        printfloat(&mut b, v);
        String::from_utf8(b).unwrap_or_default()
    }

    #[test]
    fn floats_as_gc_prints_them() {
        assert_eq!(f(1.0), "+1.000000e+000");
        assert_eq!(f(-0.0), "-0.000000e+000");
        assert_eq!(f(3.5e-10), "+3.500000e-010");
        assert_eq!(f(f64::INFINITY), "+Inf");
        assert_eq!(f(f64::NAN), "NaN");
    }
}
