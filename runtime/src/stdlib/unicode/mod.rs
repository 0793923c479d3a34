//! Go 1.19's unicode package over its own Unicode 13.0.0 tables (tables/), not Rust's
//! char methods: Rust follows a newer Unicode (runes added since 13.0 are letters there,
//! not in Go) and its to_uppercase is the full mapping ('ß' → "SS") where Go's ToUpper
//! is the simple one ('ß' stays 'ß'). Runes are i32 as in Go; negative and too-large
//! runes are in no class and map to themselves.
//!
//! Example: `to_upper(0x01C6)` (dž) is 0x01C4 (DŽ) and `to_title(0x01C6)` is 0x01C5 (Dž);
//! `simple_fold(b'K' as i32)` is 'k', whose fold is U+212A (Kelvin sign).

mod tables;

use tables::*;

/// Go's unicode.MaxRune.
pub const MAX_RUNE: i32 = 0x10FFFF;
/// Go's unicode.UpperCase, LowerCase and TitleCase, for [`to`].
pub const UPPER_CASE: usize = 0;
pub const LOWER_CASE: usize = 1;
pub const TITLE_CASE: usize = 2;

/// Go's Is: whether r is in the table (the ranges are sorted and disjoint).
fn is(table: &[(u32, u32, u32)], r: i32) -> bool {
    if r < 0 {
        return false;
    }
    let r = r as u32;
    let i = table.partition_point(|&(_, hi, _)| hi < r);
    match table.get(i) {
        Some(&(lo, _, stride)) => lo <= r && (stride == 1 || (r - lo).is_multiple_of(stride)),
        None => false,
    }
}

fn is_latin1(r: i32) -> bool {
    (0..=0xFF).contains(&r)
}

/// Go's unicode.IsLetter (category L).
pub fn is_letter(r: i32) -> bool {
    is(&LETTER, r)
}

/// Go's unicode.IsUpper (Lu).
pub fn is_upper(r: i32) -> bool {
    is(&UPPER, r)
}

/// Go's unicode.IsLower (Ll).
pub fn is_lower(r: i32) -> bool {
    is(&LOWER, r)
}

/// Go's unicode.IsTitle (Lt).
pub fn is_title(r: i32) -> bool {
    is(&TITLE, r)
}

/// Go's unicode.IsMark (M).
pub fn is_mark(r: i32) -> bool {
    is(&MARK, r)
}

/// Go's unicode.IsNumber (N).
pub fn is_number(r: i32) -> bool {
    is(&NUMBER, r)
}

/// Go's unicode.IsDigit (Nd).
pub fn is_digit(r: i32) -> bool {
    is(&DIGIT, r)
}

/// Go's unicode.IsPunct (P).
pub fn is_punct(r: i32) -> bool {
    is(&PUNCT, r)
}

/// Go's unicode.IsSymbol (S).
pub fn is_symbol(r: i32) -> bool {
    is(&SYMBOL, r)
}

/// Go's unicode.IsSpace: Latin-1's '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0,
/// beyond it the White_Space property.
pub fn is_space(r: i32) -> bool {
    if is_latin1(r) {
        return matches!(r, 0x09..=0x0D | 0x20 | 0x85 | 0xA0);
    }
    is(&WHITE_SPACE, r)
}

/// Go's unicode.IsControl: only the Latin-1 C0 and C1 controls.
pub fn is_control(r: i32) -> bool {
    (0..0x20).contains(&r) || (0x7F..=0x9F).contains(&r)
}

/// Go's unicode.IsPrint: L, M, N, P, S and ASCII space.
pub fn is_print(r: i32) -> bool {
    r == 0x20 || is_letter(r) || is_mark(r) || is_number(r) || is_punct(r) || is_symbol(r)
}

/// Go's unicode.IsGraphic: L, M, N, P, S, Zs.
pub fn is_graphic(r: i32) -> bool {
    is(&ZS, r) || is_letter(r) || is_mark(r) || is_number(r) || is_punct(r) || is_symbol(r)
}

/// Go's unexported to: r mapped to `case` by CaseRanges, and whether a range held it.
fn to_case(case: usize, r: i32) -> (i32, bool) {
    if case > TITLE_CASE {
        return (0xFFFD, false);
    }
    if r < 0 {
        return (r, false);
    }
    let u = r as u32;
    let i = CASE_RANGES.partition_point(|&(_, hi, _)| hi < u);
    match CASE_RANGES.get(i) {
        Some(&(lo, _, delta)) if lo <= u => {
            let d = delta[case];
            if d > MAX_RUNE {
                // Alternating upper/lower pairs starting at lo.
                let lo = lo as i32;
                (lo + (((r - lo) & !1) | (case as i32 & 1)), true)
            } else {
                (r + d, true)
            }
        }
        _ => (r, false),
    }
}

/// Go's unicode.To.
pub fn to(case: usize, r: i32) -> i32 {
    to_case(case, r).0
}

/// Go's unicode.ToUpper (simple mapping).
pub fn to_upper(r: i32) -> i32 {
    if r <= 0x7F {
        return if (0x61..=0x7A).contains(&r) {
            r - 32
        } else {
            r
        };
    }
    to(UPPER_CASE, r)
}

/// Go's unicode.ToLower (simple mapping).
pub fn to_lower(r: i32) -> i32 {
    if r <= 0x7F {
        return if (0x41..=0x5A).contains(&r) {
            r + 32
        } else {
            r
        };
    }
    to(LOWER_CASE, r)
}

/// Go's unicode.ToTitle (simple mapping).
pub fn to_title(r: i32) -> i32 {
    if r <= 0x7F {
        return if (0x61..=0x7A).contains(&r) {
            r - 32
        } else {
            r
        };
    }
    to(TITLE_CASE, r)
}

/// Go's unicode.SimpleFold: the next rune in r's case-folding orbit.
pub fn simple_fold(r: i32) -> i32 {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    if r < 0x80 {
        return i32::from(ASCII_FOLD[r as usize]);
    }
    let u = r as u32;
    let i = CASE_ORBIT.partition_point(|&(from, _)| from < u);
    if let Some(&(from, to)) = CASE_ORBIT.get(i) {
        if from == u {
            return to as i32;
        }
    }
    let l = to_lower(r);
    if l != r {
        return l;
    }
    to_upper(r)
}
