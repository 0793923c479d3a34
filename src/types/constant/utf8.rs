//! UTF-8 as Go's unicode/utf8 sees it: decoding never fails but yields
//! U+FFFD with width 1 for each byte that does not start a valid encoding
//! (surrogates and overlong forms included), so every byte sequence is a
//! sequence of (rune, width) pairs.

/// U+FFFD, utf8.RuneError.
pub const RUNE_ERROR: u32 = 0xFFFD;

/// utf8.DecodeRune: the first rune of `s` and its width; (RUNE_ERROR, 0)
/// for empty input and (RUNE_ERROR, 1) for an invalid encoding.
pub fn decode(s: &[u8]) -> (u32, usize) {
    let Some(&b0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let width = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (RUNE_ERROR, 1),
    };
    match s.get(..width).and_then(|b| std::str::from_utf8(b).ok()) {
        Some(t) => (t.chars().next().map_or(RUNE_ERROR, |c| c as u32), width),
        None => (RUNE_ERROR, 1),
    }
}

/// utf8.ValidRune: a Unicode scalar value (no surrogates, at most U+10FFFF).
pub fn valid_rune(r: u32) -> bool {
    char::from_u32(r).is_some()
}

/// utf8.EncodeRune appended to `out`; invalid runes encode U+FFFD.
pub fn encode(r: u32, out: &mut Vec<u8>) {
    let c = char::from_u32(r).unwrap_or(char::REPLACEMENT_CHARACTER);
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}
