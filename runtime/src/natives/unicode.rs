//! unicode natives over stdlib::unicode (Go 1.19's Unicode 13.0.0
//! tables, checked against gc over every rune by
//! runtime/tests/stdlib_unicode.rs). Runes arrive sign-extended.

use super::{native, Ctx, Native};
use crate::stdlib::unicode as u;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// (r rune) -> bool
macro_rules! pred {
    ($name:ident, $f:path) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let v = $f(c.arg(0) as i32);
            c.set_bool(1, v);
            Ok(())
        }
    };
}

/// (r rune) -> rune
macro_rules! map {
    ($name:ident, $f:path) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let v = $f(c.arg(0) as i32);
            c.set(1, i64::from(v) as u64);
            Ok(())
        }
    };
}

pred!(is_control, u::is_control);
pred!(is_digit, u::is_digit);
pred!(is_graphic, u::is_graphic);
pred!(is_letter, u::is_letter);
pred!(is_lower, u::is_lower);
pred!(is_mark, u::is_mark);
pred!(is_number, u::is_number);
pred!(is_print, u::is_print);
pred!(is_punct, u::is_punct);
pred!(is_space, u::is_space);
pred!(is_symbol, u::is_symbol);
pred!(is_title, u::is_title);
pred!(is_upper, u::is_upper);
map!(simple_fold, u::simple_fold);
map!(to_lower, u::to_lower);
map!(to_title, u::to_title);
map!(to_upper, u::to_upper);

/// unicode.To(case, r): U+FFFD for a case outside [0, MaxCase).
fn to(c: &mut Ctx<'_, '_>) -> R {
    let case = c.arg(0) as i64;
    let r = c.arg(1) as i32;
    let v = if (0..=u::TITLE_CASE as i64).contains(&case) {
        u::to(case as usize, r)
    } else {
        0xFFFD
    };
    c.set(2, i64::from(v) as u64);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("unicode.IsControl", 1, 1, is_control),
    native("unicode.IsDigit", 1, 1, is_digit),
    native("unicode.IsGraphic", 1, 1, is_graphic),
    native("unicode.IsLetter", 1, 1, is_letter),
    native("unicode.IsLower", 1, 1, is_lower),
    native("unicode.IsMark", 1, 1, is_mark),
    native("unicode.IsNumber", 1, 1, is_number),
    native("unicode.IsPrint", 1, 1, is_print),
    native("unicode.IsPunct", 1, 1, is_punct),
    native("unicode.IsSpace", 1, 1, is_space),
    native("unicode.IsSymbol", 1, 1, is_symbol),
    native("unicode.IsTitle", 1, 1, is_title),
    native("unicode.IsUpper", 1, 1, is_upper),
    native("unicode.SimpleFold", 1, 1, simple_fold),
    native("unicode.To", 2, 1, to),
    native("unicode.ToLower", 1, 1, to_lower),
    native("unicode.ToTitle", 1, 1, to_title),
    native("unicode.ToUpper", 1, 1, to_upper),
];
