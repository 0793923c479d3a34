//! Go's fmt/format.go: the `fmt` struct that lays out one operand — flags, width,
//! precision and padding — into the output buffer. It knows nothing of Go values beyond
//! bools, integers, floats and byte strings; print.rs chooses which of these to call.
//!
//! Padding rules (as Go): width counts runes; zero padding applies only to numbers and
//! is off with '-'; precision truncates strings by runes and sets minimum digits for
//! integers. Example: with `zero` and width 6, `fmt_integer(-42 as u64, 10, true, 'd',
//! LDIGITS)` writes "-00042".

use crate::stdlib::strconv::{
    append_float, append_quote, append_quote_rune, append_quote_rune_to_ascii,
    append_quote_to_ascii, can_backquote, is_print,
};
use crate::stdlib::utf8::{append_rune, decode_rune, rune_count, MAX_RUNE, RUNE_ERROR};

/// Go's ldigits: lower-case digits, then the 'x' of a 0x prefix.
pub const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
/// Go's udigits.
pub const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Go's fmtFlags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    /// %+v: print struct field names (plus is cleared).
    pub plus_v: bool,
    /// %#v: Go syntax (sharp is cleared).
    pub sharp_v: bool,
}

impl Flags {
    /// The flags as one word for a native's argument window: bit 0 wid_present, 1
    /// prec_present, 2 minus, 3 plus, 4 sharp, 5 space, 6 zero, 7 plus_v, 8 sharp_v.
    pub fn to_bits(self) -> u32 {
        [
            self.wid_present,
            self.prec_present,
            self.minus,
            self.plus,
            self.sharp,
            self.space,
            self.zero,
            self.plus_v,
            self.sharp_v,
        ]
        .iter()
        .enumerate()
        .fold(0, |acc, (i, &b)| acc | (u32::from(b) << i))
    }

    /// The inverse of [`Flags::to_bits`].
    pub fn from_bits(bits: u32) -> Flags {
        let b = |i: u32| bits & (1 << i) != 0;
        Flags {
            wid_present: b(0),
            prec_present: b(1),
            minus: b(2),
            plus: b(3),
            sharp: b(4),
            space: b(5),
            zero: b(6),
            plus_v: b(7),
            sharp_v: b(8),
        }
    }
}

/// Go's `fmt`: flags, width and precision, writing into `buf`.
#[derive(Debug, Default)]
pub struct Fmt {
    pub buf: Vec<u8>,
    pub flags: Flags,
    pub wid: i64,
    pub prec: i64,
}

impl Fmt {
    /// A `fmt` in the state a Printf directive left it: for a native that formats one
    /// operand for Go code (flags as [`Flags::to_bits`]).
    pub fn with_flags(flags: u32, wid: i64, prec: i64) -> Fmt {
        Fmt {
            buf: Vec::new(),
            flags: Flags::from_bits(flags),
            wid,
            prec,
        }
    }

    /// Go's clearflags.
    pub fn clear_flags(&mut self) {
        self.flags = Flags::default();
        self.wid = 0;
        self.prec = 0;
    }

    /// Go's writePadding: n pad bytes, '0' when zero padding, else ' '.
    pub fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let b = if self.flags.zero { b'0' } else { b' ' };
        self.buf.resize(self.buf.len() + n as usize, b);
    }

    /// Go's pad (and padString): b padded to the width, left or right.
    pub fn pad(&mut self, b: &[u8]) {
        if !self.flags.wid_present || self.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.wid - rune_count(b) as i64;
        if !self.flags.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    /// `pad` with zero padding off, as Go does around non-numbers.
    fn pad_no_zero(&mut self, b: &[u8]) {
        let old = self.flags.zero;
        self.flags.zero = false;
        self.pad(b);
        self.flags.zero = old;
    }

    /// Go's fmtBoolean.
    pub fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// Go's fmtUnicode: %U is "U+0078", with '#' "U+0078 'x'".
    pub fn fmt_unicode(&mut self, mut u: u64) {
        let mut prec = if self.flags.prec_present && self.prec > 4 {
            self.prec
        } else {
            4
        };
        let mut rev = Vec::new(); // built backwards, as Go fills intbuf from the end
        if self.flags.sharp && u <= MAX_RUNE as u64 && is_print(u as i32) {
            rev.push(b'\'');
            let mut enc = Vec::new();
            append_rune(&mut enc, u as i32);
            rev.extend(enc.iter().rev());
            rev.extend_from_slice(b"' ");
        }
        while u >= 16 {
            rev.push(UDIGITS[(u & 0xF) as usize]);
            prec -= 1;
            u >>= 4;
        }
        rev.push(UDIGITS[u as usize]);
        prec -= 1;
        while prec > 0 {
            rev.push(b'0');
            prec -= 1;
        }
        rev.extend_from_slice(b"+U");
        rev.reverse();
        self.pad_no_zero(&rev);
    }

    /// Go's fmtInteger: u (two's complement when `is_signed`) in base 2, 8, 10 or 16.
    pub fn fmt_integer(
        &mut self,
        u: u64,
        base: u32,
        is_signed: bool,
        verb: char,
        digits: &[u8; 17],
    ) {
        let negative = is_signed && (u as i64) < 0;
        let mut u = if negative { u.wrapping_neg() } else { u };
        let mut prec = 0;
        if self.flags.prec_present {
            prec = self.prec;
            // Precision of 0 and value of 0 means "print nothing" but padding.
            if prec == 0 && u == 0 {
                let old = self.flags.zero;
                self.flags.zero = false;
                self.write_padding(self.wid);
                self.flags.zero = old;
                return;
            }
        } else if self.flags.zero && self.flags.wid_present {
            prec = self.wid;
            if negative || self.flags.plus || self.flags.space {
                prec -= 1; // leave room for sign
            }
        }
        let mut rev = Vec::with_capacity(24);
        let b = u64::from(base);
        while u >= b {
            rev.push(digits[(u % b) as usize]);
            u /= b;
        }
        rev.push(digits[u as usize]);
        while prec > rev.len() as i64 {
            rev.push(b'0');
        }
        if self.flags.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => {
                    rev.push(digits[16]);
                    rev.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.flags.plus {
            rev.push(b'+');
        } else if self.flags.space {
            rev.push(b' ');
        }
        rev.reverse();
        self.pad_no_zero(&rev);
    }

    /// Go's truncate (and truncateString): at most `prec` runes.
    fn truncate<'a>(&self, b: &'a [u8]) -> &'a [u8] {
        if self.flags.prec_present {
            let mut n = self.prec;
            let mut i = 0;
            while i < b.len() {
                n -= 1;
                if n < 0 {
                    return &b[..i];
                }
                i += if b[i] < 0x80 {
                    1
                } else {
                    decode_rune(&b[i..]).1
                };
            }
        }
        b
    }

    /// Go's fmtS and fmtBs: a string or byte slice, truncated then padded.
    pub fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// Go's fmtSbx (fmtSx, fmtBx): hex of each byte; ' ' separates, '#' adds 0x.
    pub fn fmt_sbx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.flags.prec_present && self.prec < length {
            length = self.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.flags.space {
                if self.flags.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.flags.sharp {
                width += 2;
            }
        } else {
            if self.flags.wid_present {
                self.write_padding(self.wid);
            }
            return;
        }
        if self.flags.wid_present && self.wid > width && !self.flags.minus {
            self.write_padding(self.wid - width);
        }
        if self.flags.sharp {
            self.buf.extend_from_slice(&[b'0', digits[16]]);
        }
        for (i, &c) in s[..length as usize].iter().enumerate() {
            if self.flags.space && i > 0 {
                self.buf.push(b' ');
                if self.flags.sharp {
                    self.buf.extend_from_slice(&[b'0', digits[16]]);
                }
            }
            self.buf
                .extend_from_slice(&[digits[(c >> 4) as usize], digits[(c & 0xF) as usize]]);
        }
        if self.flags.wid_present && self.wid > width && self.flags.minus {
            self.write_padding(self.wid - width);
        }
    }

    /// Go's fmtQ: a double-quoted string ('+' ASCII only), or back-quoted with '#'.
    pub fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.flags.sharp && can_backquote(s) {
            let mut b = Vec::with_capacity(s.len() + 2);
            b.push(b'`');
            b.extend_from_slice(s);
            b.push(b'`');
            self.pad(&b);
            return;
        }
        let mut b = Vec::with_capacity(s.len() + 2);
        if self.flags.plus {
            append_quote_to_ascii(&mut b, s);
        } else {
            append_quote(&mut b, s);
        }
        self.pad(&b);
    }

    /// Go's fmtC: the rune c (U+FFFD when out of range).
    pub fn fmt_c(&mut self, c: u64) {
        let r = if c > MAX_RUNE as u64 {
            RUNE_ERROR
        } else {
            c as i32
        };
        let mut b = Vec::with_capacity(4);
        append_rune(&mut b, r);
        self.pad(&b);
    }

    /// Go's fmtQc: a single-quoted rune ('+' ASCII only).
    pub fn fmt_qc(&mut self, c: u64) {
        let r = if c > MAX_RUNE as u64 {
            RUNE_ERROR
        } else {
            c as i32
        };
        let mut b = Vec::with_capacity(8);
        if self.flags.plus {
            append_quote_rune_to_ascii(&mut b, r);
        } else {
            append_quote_rune(&mut b, r);
        }
        self.pad(&b);
    }

    /// Go's fmtFloat: v with strconv's `verb` ('e','f','g','b','x' ...), `size` 32 or
    /// 64, default precision `prec` (overruled by an explicit one); signs, '#' and
    /// zero padding as Go.
    pub fn fmt_float(&mut self, v: f64, size: u32, verb: char, prec: i64) {
        let prec = if self.flags.prec_present {
            self.prec
        } else {
            prec
        };
        let mut num = vec![b'+'];
        append_float(
            &mut num,
            v,
            verb as u8,
            prec.clamp(-1, i32::MAX as i64) as i32,
            size,
        );
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.flags.space && num[0] == b'+' && !self.flags.plus {
            num[0] = b' ';
        }
        // Infinities and NaN don't look like numbers: no zero padding.
        if num[1] == b'I' || num[1] == b'N' {
            if num[1] == b'N' && !self.flags.space && !self.flags.plus {
                num.remove(0);
            }
            self.pad_no_zero(&num);
            return;
        }
        if self.flags.sharp && verb != 'b' {
            self.sharp_float(&mut num, verb, prec);
        }
        if self.flags.plus || num[0] != b'+' {
            // If we're zero padding to the left we want the sign before the leading zeros.
            if self.flags.zero && self.flags.wid_present && self.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    /// fmtFloat's '#' part: force a decimal point and keep trailing zeros.
    fn sharp_float(&self, num: &mut Vec<u8>, verb: char, prec: i64) {
        let mut digits = match verb {
            'v' | 'g' | 'G' | 'x' => {
                if prec == -1 {
                    6
                } else {
                    prec
                }
            }
            _ => 0,
        };
        let mut tail = Vec::new();
        let mut has_decimal_point = false;
        let mut saw_nonzero_digit = false;
        let mut i = 1;
        while i < num.len() {
            let c = num[i];
            let is_exp =
                matches!(c, b'p' | b'P') || matches!(c, b'e' | b'E') && verb != 'x' && verb != 'X';
            if c == b'.' {
                has_decimal_point = true;
            } else if is_exp {
                tail.extend_from_slice(&num[i..]);
                num.truncate(i);
            } else {
                if c != b'0' {
                    saw_nonzero_digit = true;
                }
                // Count significant digits after the first non-zero digit.
                if saw_nonzero_digit {
                    digits -= 1;
                }
            }
            i += 1;
        }
        if !has_decimal_point {
            // Leading digit 0 should contribute once to digits.
            if num.len() == 2 && num[1] == b'0' {
                digits -= 1;
            }
            num.push(b'.');
        }
        while digits > 0 {
            num.push(b'0');
            digits -= 1;
        }
        num.extend_from_slice(&tail);
    }
}

#[cfg(test)]
mod tests {
    use super::Flags;

    #[test]
    fn flags_round_trip_through_bits() {
        for bits in 0..1u32 << 9 {
            assert_eq!(Flags::from_bits(bits).to_bits(), bits);
        }
        let f = Flags {
            minus: true,
            sharp_v: true,
            ..Flags::default()
        };
        assert_eq!(f.to_bits(), 1 << 2 | 1 << 8);
    }
}
