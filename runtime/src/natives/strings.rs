//! strings natives over stdlib::strings.

use super::{native, Ctx, Native};
use crate::stdlib::strings as st;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// (s, t string) -> bool
macro_rules! ss_bool {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(&[u8], &[u8]) -> bool = $e;
            let v = f(c.str(0), c.str(2));
            c.set_bool(4, v);
            Ok(())
        }
    };
}

/// (s, t string) -> int
macro_rules! ss_int {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(&[u8], &[u8]) -> i64 = $e;
            let v = f(c.str(0), c.str(2));
            c.set(4, v as u64);
            Ok(())
        }
    };
}

/// (s, t string) -> string
macro_rules! ss_str {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let v = ($e)(c.str(0), c.str(2)).to_vec();
            c.set_str(4, &v);
            Ok(())
        }
    };
}

/// (s string) -> string
macro_rules! s_str {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let v = ($e)(c.str(0)).to_vec();
            c.set_str(2, &v);
            Ok(())
        }
    };
}

ss_bool!(contains, st::contains);
ss_bool!(contains_any, st::contains_any);
ss_bool!(has_prefix, |s, p| s.starts_with(p));
ss_bool!(has_suffix, |s, p| s.ends_with(p));
ss_bool!(equal_fold, st::equal_fold);
ss_int!(index, st::index);
ss_int!(last_index, st::last_index);
ss_int!(index_any, st::index_any);
ss_int!(count, st::count);
ss_str!(trim, st::trim);
ss_str!(trim_left, st::trim_left);
ss_str!(trim_right, st::trim_right);
ss_str!(trim_prefix, st::trim_prefix);
ss_str!(trim_suffix, st::trim_suffix);
s_str!(to_upper, |s| st::to_upper(s).into_owned());
s_str!(to_lower, |s| st::to_lower(s).into_owned());
s_str!(title, |s| st::title(s).into_owned());
s_str!(trim_space, st::trim_space);

fn contains_rune(c: &mut Ctx<'_, '_>) -> R {
    let v = st::contains_rune(c.str(0), c.arg(2) as i32);
    c.set_bool(3, v);
    Ok(())
}

fn index_byte(c: &mut Ctx<'_, '_>) -> R {
    let v = st::index_byte(c.str(0), c.arg(2) as u8);
    c.set(3, v as u64);
    Ok(())
}

fn index_rune(c: &mut Ctx<'_, '_>) -> R {
    let v = st::index_rune(c.str(0), c.arg(2) as i32);
    c.set(3, v as u64);
    Ok(())
}

fn repeat(c: &mut Ctx<'_, '_>) -> R {
    match st::repeat(c.str(0), c.arg(2) as i64) {
        Ok(v) => {
            c.set_str(3, &v);
            Ok(())
        }
        Err(st::RepeatError::CapOutOfRange) => Err(Raise::Error(
            crate::error::RuntimeError::error_string("makeslice: cap out of range"),
        )),
        Err(e) => Err(super::panic_string(e.message())),
    }
}

fn replace(c: &mut Ctx<'_, '_>) -> R {
    let v = st::replace(c.str(0), c.str(2), c.str(4), c.arg(6) as i64).into_owned();
    c.set_str(7, &v);
    Ok(())
}

fn replace_all(c: &mut Ctx<'_, '_>) -> R {
    let v = st::replace_all(c.str(0), c.str(2), c.str(4)).into_owned();
    c.set_str(6, &v);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("strings.Contains", 4, 1, contains),
    native("strings.ContainsAny", 4, 1, contains_any),
    native("strings.ContainsRune", 3, 1, contains_rune),
    native("strings.HasPrefix", 4, 1, has_prefix),
    native("strings.HasSuffix", 4, 1, has_suffix),
    native("strings.EqualFold", 4, 1, equal_fold),
    native("strings.Index", 4, 1, index),
    native("strings.LastIndex", 4, 1, last_index),
    native("strings.IndexAny", 4, 1, index_any),
    native("strings.IndexByte", 3, 1, index_byte),
    native("strings.IndexRune", 3, 1, index_rune),
    native("strings.Count", 4, 1, count),
    native("strings.Trim", 4, 2, trim),
    native("strings.TrimLeft", 4, 2, trim_left),
    native("strings.TrimRight", 4, 2, trim_right),
    native("strings.TrimPrefix", 4, 2, trim_prefix),
    native("strings.TrimSuffix", 4, 2, trim_suffix),
    native("strings.TrimSpace", 2, 2, trim_space),
    native("strings.ToUpper", 2, 2, to_upper),
    native("strings.ToLower", 2, 2, to_lower),
    native("strings.Title", 2, 2, title),
    native("strings.Repeat", 3, 2, repeat),
    native("strings.Replace", 7, 2, replace),
    native("strings.ReplaceAll", 6, 2, replace_all),
];
