//! unicode/utf8's decoding and encoding as Go does them: an invalid or short sequence
//! decodes to (RUNE_ERROR, 1), surrogates and overlong forms are invalid, and encoding an
//! invalid rune writes U+FFFD. strconv, fmt and strings build on these.

/// utf8.RuneError, U+FFFD.
pub const RUNE_ERROR: i32 = 0xFFFD;
/// utf8.RuneSelf: runes below it are one byte.
pub const RUNE_SELF: i32 = 0x80;
/// utf8.MaxRune.
pub const MAX_RUNE: i32 = 0x10FFFF;

/// Go's utf8.DecodeRune: the first rune of `s` and its width; (RUNE_ERROR, 0) when empty,
/// (RUNE_ERROR, 1) when the encoding is invalid.
pub fn decode_rune(s: &[u8]) -> (i32, usize) {
    let Some(&c0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if c0 < 0x80 {
        return (i32::from(c0), 1);
    }
    let (n, min, lo, hi) = match c0 {
        0xC2..=0xDF => (2, 0x80, 0x80, 0xBF),
        0xE0 => (3, 0x800, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x800, 0x80, 0xBF),
        0xED => (3, 0x800, 0x80, 0x9F),
        0xF0 => (4, 0x10000, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x10000, 0x80, 0xBF),
        0xF4 => (4, 0x10000, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if s.len() < n || !(lo..=hi).contains(&s[1]) {
        return (RUNE_ERROR, 1);
    }
    let mut r = i32::from(c0) & (0x7F >> n);
    for (i, &c) in s[1..n].iter().enumerate() {
        if i > 0 && !(0x80..=0xBF).contains(&c) {
            return (RUNE_ERROR, 1);
        }
        r = r << 6 | i32::from(c & 0x3F);
    }
    debug_assert!(r >= min);
    (r, n)
}

/// Go's utf8.DecodeLastRune: the last rune of `s` and its width.
pub fn decode_last_rune(s: &[u8]) -> (i32, usize) {
    let end = s.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    if s[end - 1] < 0x80 {
        return (i32::from(s[end - 1]), 1);
    }
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    while start > lim && s[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let (r, size) = decode_rune(&s[start..end]);
    if start + size != end {
        return (RUNE_ERROR, 1);
    }
    (r, size)
}

/// Go's utf8.ValidRune.
pub fn valid_rune(r: i32) -> bool {
    (0..0xD800).contains(&r) || (0xE000..=MAX_RUNE).contains(&r)
}

/// Go's utf8.ValidString.
pub fn valid_string(mut s: &[u8]) -> bool {
    while !s.is_empty() {
        let (r, n) = decode_rune(s);
        if r == RUNE_ERROR && n == 1 {
            return false;
        }
        s = &s[n..];
    }
    true
}

/// Go's utf8.AppendRune: appends r's encoding, U+FFFD for an invalid rune.
pub fn append_rune(dst: &mut Vec<u8>, r: i32) {
    let c = if valid_rune(r) {
        char::from_u32(r as u32).unwrap_or(char::REPLACEMENT_CHARACTER)
    } else {
        char::REPLACEMENT_CHARACTER
    };
    let mut buf = [0u8; 4];
    dst.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Go's utf8.RuneLen: bytes to encode r, -1 when invalid.
pub fn rune_len(r: i32) -> i32 {
    match r {
        _ if r < 0 => -1,
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0xD800..=0xDFFF => -1,
        0x800..=0xFFFF => 3,
        0x10000..=MAX_RUNE => 4,
        _ => -1,
    }
}

/// Go's utf8.RuneCount.
pub fn rune_count(mut s: &[u8]) -> usize {
    let mut n = 0;
    while !s.is_empty() {
        let (_, w) = decode_rune(s);
        s = &s[w..];
        n += 1;
    }
    n
}
