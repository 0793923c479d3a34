//! Arithmetic and error-value helpers of the interpreter loop's ops: Go's
//! semantics where Rust's differ (float-to-int conversion, division by
//! powers of two) and the efaces runtime errors panic with.

use super::*;

/// An immediate operand, sign-extended to a slot word.
#[inline(always)]
pub(super) fn imm(i: u32) -> u64 {
    i as i32 as i64 as u64
}

/// `x / 2**s` rounded toward zero, for 0 < s < 64: gc's shifts (the
/// sign bits, shifted down, add 2**s - 1 to a negative dividend).
#[inline(always)]
pub(super) fn div_s_p2(x: i64, s: u32) -> i64 {
    let s = s & 63;
    let bias = ((x >> 63) as u64 >> ((64 - s) & 63)) as i64;
    x.wrapping_add(bias) >> s
}

/// Go's float-to-int conversion for out-of-range values (amd64's CVTTSD2SQ
/// gives the "integer indefinite" 0x8000000000000000).
pub(super) fn f2s(v: f64) -> i64 {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if v.is_nan() || !(-TWO63..TWO63).contains(&v) {
        i64::MIN
    } else {
        v as i64
    }
}

/// float to uint64 as gc compiles it on amd64.
pub(super) fn f2u(v: f64) -> u64 {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if v < TWO63 {
        f2s(v) as u64
    } else {
        (f2s(v - TWO63) as u64) ^ 0x8000_0000_0000_0000
    }
}

/// The eface of a run-time error: the program's runtime.Error type
/// (natives::rterrors) or, in a program without them, the bridge type
/// whose data is a string header holding its Error() text.
#[cold]
#[inline(never)]
pub(super) fn runtime_error_eface(prog: &Program, e: &RuntimeError) -> (u64, u64) {
    if let Some(arg) = crate::natives::rterrors::runtime_error_eface(&prog.rt_errors, e) {
        return arg;
    }
    let t = crate::iface::runtime_error_type();
    // The Error() text written straight into Go memory (no Rust String).
    let (p, l) = shims::gostring_concat(&[e.error_prefix().as_bytes(), e.msg.as_bytes()]);
    let data = crate::iface::convT(t, &[p, l]);
    (t as *const crate::types::Type as u64, data)
}

/// gc's divideError: one static runtime.Error value for every integer
/// division by zero, so a program that recovers from many allocates
/// nothing (its string header and text are static data, which the
/// collector ignores).
pub(super) fn divide_error_eface(prog: &Program) -> (u64, u64) {
    if let Some(arg) = crate::natives::rterrors::divide_error_eface(&prog.rt_errors) {
        return arg;
    }
    static E: std::sync::OnceLock<(u64, u64)> = std::sync::OnceLock::new();
    *E.get_or_init(|| {
        let text: &'static str = "runtime error: integer divide by zero";
        let hdr: &'static [u64; 2] = Box::leak(Box::new([text.as_ptr() as u64, text.len() as u64]));
        let t = crate::iface::runtime_error_type();
        (t as *const crate::types::Type as u64, hdr.as_ptr() as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::div_s_p2;

    #[test]
    fn power_of_two_division_is_go_division() {
        let xs = [
            0i64,
            1,
            -1,
            2,
            -2,
            7,
            -7,
            8,
            -8,
            1_000_000_007,
            -1_000_000_009,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ];
        for &x in &xs {
            for s in 1..63u32 {
                let k = 1i64 << s;
                let q = div_s_p2(x, s);
                assert_eq!(q, x.wrapping_div(k), "{x} / 2**{s}");
                assert_eq!(x.wrapping_sub(q << s), x.wrapping_rem(k), "{x} % 2**{s}");
            }
        }
    }
}
