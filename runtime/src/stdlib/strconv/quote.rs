//! Quote, QuoteToASCII, QuoteToGraphic, QuoteRune*, CanBackquote, UnquoteChar, Unquote and
//! IsPrint/IsGraphic (Go's strconv/quote.go). Strings are byte slices: a Go string may hold
//! invalid UTF-8, which Quote writes as `\x..` escapes.
//!
//! Example: `quote(b"a\tb\xff\u{263a}")` is `"a\tb\xff☺"`; with `quote_to_ascii` the
//! smiley becomes `\u263a`.

use super::isprint::{IS_GRAPHIC, IS_NOT_PRINT16, IS_NOT_PRINT32, IS_PRINT16, IS_PRINT32};
use crate::stdlib::utf8::{
    append_rune, decode_rune, valid_rune, valid_string, RUNE_ERROR, RUNE_SELF,
};

/// Go's strconv.ErrSyntax ("invalid syntax"), the error Unquote and UnquoteChar return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrSyntax;

const LOWERHEX: &[u8; 16] = b"0123456789abcdef";

/// Go's appendQuotedWith.
fn append_quoted_with(
    buf: &mut Vec<u8>,
    mut s: &[u8],
    quote: u8,
    ascii_only: bool,
    graphic_only: bool,
) {
    buf.push(quote);
    while !s.is_empty() {
        let (r, width) = decode_rune(s);
        if width == 1 && r == RUNE_ERROR {
            buf.extend_from_slice(b"\\x");
            buf.push(LOWERHEX[(s[0] >> 4) as usize]);
            buf.push(LOWERHEX[(s[0] & 0xF) as usize]);
        } else {
            append_escaped_rune(buf, r, quote, ascii_only, graphic_only);
        }
        s = &s[width..];
    }
    buf.push(quote);
}

/// Go's appendQuotedRuneWith.
fn append_quoted_rune_with(
    buf: &mut Vec<u8>,
    r: i32,
    quote: u8,
    ascii_only: bool,
    graphic_only: bool,
) {
    buf.push(quote);
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    append_escaped_rune(buf, r, quote, ascii_only, graphic_only);
    buf.push(quote);
}

/// Go's appendEscapedRune: r as itself when printable, else its shortest escape.
pub(crate) fn append_escaped_rune(
    buf: &mut Vec<u8>,
    r: i32,
    quote: u8,
    ascii_only: bool,
    graphic_only: bool,
) {
    if r == i32::from(quote) || r == i32::from(b'\\') {
        buf.push(b'\\');
        buf.push(r as u8);
        return;
    }
    if ascii_only {
        if r < RUNE_SELF && is_print(r) {
            buf.push(r as u8);
            return;
        }
    } else if is_print(r) || graphic_only && is_in_graphic_list(r) {
        append_rune(buf, r);
        return;
    }
    let esc: &[u8] = match r {
        0x07 => b"\\a",
        0x08 => b"\\b",
        0x0C => b"\\f",
        0x0A => b"\\n",
        0x0D => b"\\r",
        0x09 => b"\\t",
        0x0B => b"\\v",
        _ => b"",
    };
    if !esc.is_empty() {
        buf.extend_from_slice(esc);
    } else if (0..0x20).contains(&r) || r == 0x7f {
        buf.extend_from_slice(b"\\x");
        buf.push(LOWERHEX[(r >> 4 & 0xF) as usize]);
        buf.push(LOWERHEX[(r & 0xF) as usize]);
    } else {
        let r = if valid_rune(r) { r } else { 0xFFFD };
        let (prefix, top): (&[u8], i32) = if r < 0x10000 {
            (b"\\u", 12)
        } else {
            (b"\\U", 28)
        };
        buf.extend_from_slice(prefix);
        let mut s = top;
        while s >= 0 {
            buf.push(LOWERHEX[(r >> s & 0xF) as usize]);
            s -= 4;
        }
    }
}

/// Go's strconv.Quote.
pub fn quote(s: &[u8]) -> String {
    let mut b = Vec::with_capacity(s.len() + 2);
    append_quoted_with(&mut b, s, b'"', false, false);
    String::from_utf8_lossy(&b).into_owned()
}

/// Go's strconv.AppendQuote.
pub fn append_quote(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', false, false);
}

/// Go's strconv.QuoteToASCII.
pub fn quote_to_ascii(s: &[u8]) -> String {
    let mut b = Vec::with_capacity(s.len() + 2);
    append_quote_to_ascii(&mut b, s);
    String::from_utf8_lossy(&b).into_owned()
}

/// Go's strconv.AppendQuoteToASCII.
pub fn append_quote_to_ascii(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', true, false);
}

/// Go's strconv.QuoteToGraphic.
pub fn quote_to_graphic(s: &[u8]) -> String {
    let mut b = Vec::with_capacity(s.len() + 2);
    append_quoted_with(&mut b, s, b'"', false, true);
    String::from_utf8_lossy(&b).into_owned()
}

/// Go's strconv.QuoteRune.
pub fn quote_rune(r: i32) -> String {
    let mut b = Vec::new();
    append_quote_rune(&mut b, r);
    String::from_utf8_lossy(&b).into_owned()
}

/// Go's strconv.AppendQuoteRune.
pub fn append_quote_rune(dst: &mut Vec<u8>, r: i32) {
    append_quoted_rune_with(dst, r, b'\'', false, false);
}

/// Go's strconv.QuoteRuneToASCII.
pub fn quote_rune_to_ascii(r: i32) -> String {
    let mut b = Vec::new();
    append_quote_rune_to_ascii(&mut b, r);
    String::from_utf8_lossy(&b).into_owned()
}

/// Go's strconv.AppendQuoteRuneToASCII.
pub fn append_quote_rune_to_ascii(dst: &mut Vec<u8>, r: i32) {
    append_quoted_rune_with(dst, r, b'\'', true, false);
}

/// Go's strconv.QuoteRuneToGraphic.
pub fn quote_rune_to_graphic(r: i32) -> String {
    let mut b = Vec::new();
    append_quoted_rune_with(&mut b, r, b'\'', false, true);
    String::from_utf8_lossy(&b).into_owned()
}

/// Go's strconv.CanBackquote: s can be a raw string literal unchanged.
pub fn can_backquote(mut s: &[u8]) -> bool {
    while !s.is_empty() {
        let (r, wid) = decode_rune(s);
        s = &s[wid..];
        if wid > 1 {
            if r == 0xFEFF {
                return false; // BOMs are invisible and should not be quoted.
            }
            continue;
        }
        if r == RUNE_ERROR {
            return false;
        }
        if (r < 0x20 && r != 0x09) || r == 0x60 || r == 0x7F {
            return false;
        }
    }
    true
}

/// Go's unhex.
fn unhex(b: u8) -> Option<i32> {
    match b {
        b'0'..=b'9' => Some(i32::from(b - b'0')),
        b'a'..=b'f' => Some(i32::from(b - b'a' + 10)),
        b'A'..=b'F' => Some(i32::from(b - b'A' + 10)),
        _ => None,
    }
}

/// Go's strconv.UnquoteChar: the first character or escape of `s` inside a literal quoted
/// with `quote`, as (value, multibyte, tail); Err is strconv.ErrSyntax.
pub fn unquote_char(s: &[u8], quote: u8) -> Result<(i32, bool, &[u8]), ErrSyntax> {
    let Some(&c) = s.first() else {
        return Err(ErrSyntax);
    };
    if c == quote && (quote == b'\'' || quote == b'"') {
        return Err(ErrSyntax);
    }
    if i32::from(c) >= RUNE_SELF {
        let (r, size) = decode_rune(s);
        return Ok((r, true, &s[size..]));
    }
    if c != b'\\' {
        return Ok((i32::from(c), false, &s[1..]));
    }
    if s.len() <= 1 {
        return Err(ErrSyntax);
    }
    let c = s[1];
    let mut s = &s[2..];
    let mut multibyte = false;
    let value = match c {
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if s.len() < n {
                return Err(ErrSyntax);
            }
            let mut v: i32 = 0;
            for &b in &s[..n] {
                v = v.wrapping_shl(4) | unhex(b).ok_or(ErrSyntax)?;
            }
            s = &s[n..];
            if c != b'x' {
                if !valid_rune(v) {
                    return Err(ErrSyntax);
                }
                multibyte = true;
            }
            v
        }
        b'0'..=b'7' => {
            let mut v = i32::from(c - b'0');
            if s.len() < 2 {
                return Err(ErrSyntax);
            }
            for &b in &s[..2] {
                if !(b'0'..=b'7').contains(&b) {
                    return Err(ErrSyntax);
                }
                v = v << 3 | i32::from(b - b'0');
            }
            s = &s[2..];
            if v > 255 {
                return Err(ErrSyntax);
            }
            v
        }
        b'\\' => i32::from(b'\\'),
        b'\'' | b'"' => {
            if c != quote {
                return Err(ErrSyntax);
            }
            i32::from(c)
        }
        _ => return Err(ErrSyntax),
    };
    Ok((value, multibyte, s))
}

/// Go's strconv.Unquote; Err is strconv.ErrSyntax ("invalid syntax").
pub fn unquote(s: &[u8]) -> Result<Vec<u8>, ErrSyntax> {
    match unquote_prefix(s, true) {
        Ok((out, b"")) => Ok(out),
        _ => Err(ErrSyntax),
    }
}

/// Go's strconv.QuotedPrefix: the quoted literal at the start of s, quotes included.
pub fn quoted_prefix(s: &[u8]) -> Result<Vec<u8>, ErrSyntax> {
    unquote_prefix(s, false).map(|(out, _)| out)
}

/// Go's unquote: (literal or its value, rest of the input).
fn unquote_prefix(input: &[u8], unescape: bool) -> Result<(Vec<u8>, &[u8]), ErrSyntax> {
    if input.len() < 2 {
        return Err(ErrSyntax);
    }
    let quote = input[0];
    let end = input[1..]
        .iter()
        .position(|&c| c == quote)
        .ok_or(ErrSyntax)?
        + 2;
    match quote {
        b'`' => {
            let out = if !unescape {
                input[..end].to_vec()
            } else {
                input[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&c| c != b'\r')
                    .collect()
            };
            Ok((out, &input[end..]))
        }
        b'"' | b'\'' => {
            let lit = &input[..end];
            if !lit.contains(&b'\\') && !lit.contains(&b'\n') {
                let body = &input[1..end - 1];
                let valid = if quote == b'"' {
                    valid_string(body)
                } else {
                    let (r, n) = decode_rune(body);
                    2 + n == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    let out = if unescape { body } else { lit };
                    return Ok((out.to_vec(), &input[end..]));
                }
            }
            let mut buf = Vec::with_capacity(3 * end / 2);
            let mut rest = &input[1..];
            while !rest.is_empty() && rest[0] != quote {
                if rest[0] == b'\n' {
                    return Err(ErrSyntax);
                }
                let (r, multibyte, tail) = unquote_char(rest, quote)?;
                rest = tail;
                if unescape {
                    if r < RUNE_SELF || !multibyte {
                        buf.push(r as u8);
                    } else {
                        append_rune(&mut buf, r);
                    }
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return Err(ErrSyntax);
            }
            rest = &rest[1..];
            if unescape {
                Ok((buf, rest))
            } else {
                Ok((input[..input.len() - rest.len()].to_vec(), rest))
            }
        }
        _ => Err(ErrSyntax),
    }
}

/// Go's bsearch: the first index i with a[i] >= x.
fn bsearch<T: Ord + Copy>(a: &[T], x: T) -> usize {
    a.partition_point(|&v| v < x)
}

/// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space,
/// per Go 1.19's tables (Unicode 13).
pub fn is_print(r: i32) -> bool {
    if r <= 0xFF {
        if (0x20..=0x7E).contains(&r) {
            return true;
        }
        if (0xA1..=0xFF).contains(&r) {
            return r != 0xAD;
        }
        return false;
    }
    if (0..1 << 16).contains(&r) {
        let rr = r as u16;
        let i = bsearch(&IS_PRINT16, rr);
        if i >= IS_PRINT16.len() || rr < IS_PRINT16[i & !1] || IS_PRINT16[i | 1] < rr {
            return false;
        }
        let j = bsearch(&IS_NOT_PRINT16, rr);
        return j >= IS_NOT_PRINT16.len() || IS_NOT_PRINT16[j] != rr;
    }
    if r < 0 {
        return false;
    }
    let rr = r as u32;
    let i = bsearch(&IS_PRINT32, rr);
    if i >= IS_PRINT32.len() || rr < IS_PRINT32[i & !1] || IS_PRINT32[i | 1] < rr {
        return false;
    }
    if r >= 0x20000 {
        return true;
    }
    let r16 = (r - 0x10000) as u16;
    let j = bsearch(&IS_NOT_PRINT32, r16);
    j >= IS_NOT_PRINT32.len() || IS_NOT_PRINT32[j] != r16
}

/// Go's strconv.IsGraphic: IsPrint plus the Unicode spaces.
pub fn is_graphic(r: i32) -> bool {
    is_print(r) || is_in_graphic_list(r)
}

/// Go's isInGraphicList.
fn is_in_graphic_list(r: i32) -> bool {
    if !(0..=0xFFFF).contains(&r) {
        return false;
    }
    let rr = r as u16;
    let i = bsearch(&IS_GRAPHIC, rr);
    i < IS_GRAPHIC.len() && rr == IS_GRAPHIC[i]
}
