//! The strings functions natives.rs's first table lacks: those taking a
//! Go func (Map, FieldsFunc, IndexFunc, TrimFunc, ...), which call it
//! back through [`GoFn`], and the remaining plain ones (Cut, SplitAfter,
//! LastIndexAny, ToTitle, Compare, ToValidUTF8, ...).

use super::{native, Ctx, Native};
use crate::error::RuntimeError;
use crate::mem;
use crate::stdlib::strings as st;
use crate::stdlib::utf8 as u8x;
use crate::vm::{Raise, Vm};

type R = Result<(), Raise>;

/// A Go func value called from a native with one-slot arguments and one
/// result slot. The first panic (or exit) is kept and later calls are
/// skipped, returning 0, so Rust loops over callbacks stay infallible;
/// the native returns [`GoFn::finish`] before writing results.
pub(super) struct GoFn<'v, 'p> {
    vm: &'v mut Vm<'p>,
    fv: u64,
    err: Option<Raise>,
}

impl<'v, 'p> GoFn<'v, 'p> {
    pub(super) fn new(vm: &'v mut Vm<'p>, fv: u64) -> Self {
        GoFn { vm, fv, err: None }
    }

    /// f(args...)'s result slot (0 once a call has failed). Calling a nil
    /// func is gc's nil dereference.
    pub(super) fn call(&mut self, args: &[u64]) -> u64 {
        if self.err.is_some() {
            return 0;
        }
        if self.fv < 4096 {
            self.err = Some(Raise::Error(RuntimeError::nil_deref()));
            return 0;
        }
        let fid = mem::load_u64(self.fv) as u32;
        match self.vm.call_go(fid, self.fv, args, 1) {
            Ok(r) => r.first().copied().unwrap_or(0),
            Err(e) => {
                self.err = Some(Raise::from(e));
                0
            }
        }
    }

    /// f(r) for a `func(rune) bool`.
    pub(super) fn pred(&mut self, r: i32) -> bool {
        self.call(&[i64::from(r) as u64]) & 1 != 0
    }

    /// f(r) for a `func(rune) rune`.
    pub(super) fn map(&mut self, r: i32) -> i32 {
        self.call(&[i64::from(r) as u64]) as i32
    }

    /// Whether every call returned.
    pub(super) fn finish(self) -> R {
        match self.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn map(c: &mut Ctx<'_, '_>) -> R {
    let s = c.str(1);
    let mut f = GoFn::new(c.vm, c.arg(0));
    let v = st::map(s, |r| f.map(r)).into_owned();
    f.finish()?;
    c.set_str(3, &v);
    Ok(())
}

fn fields_func(c: &mut Ctx<'_, '_>) -> R {
    let s = c.str(0);
    let mut f = GoFn::new(c.vm, c.arg(2));
    let v = st::fields_func(s, |r| f.pred(r));
    f.finish()?;
    c.set_strings(3, &v);
    Ok(())
}

/// Go's strings.IndexFunc / LastIndexFunc.
fn index_func_at(c: &mut Ctx<'_, '_>, last: bool) -> R {
    let s = c.str(0);
    let mut f = GoFn::new(c.vm, c.arg(2));
    let at = if last {
        st::last_index_func(s, |r| f.pred(r))
    } else {
        st::index_func(s, |r| f.pred(r))
    };
    f.finish()?;
    c.set(3, at as u64);
    Ok(())
}

fn index_func(c: &mut Ctx<'_, '_>) -> R {
    index_func_at(c, false)
}

fn last_index_func(c: &mut Ctx<'_, '_>) -> R {
    index_func_at(c, true)
}

/// (s string, f func(rune) bool) -> string
macro_rules! trim_fn {
    ($name:ident, $core:path) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let s = c.str(0);
            let mut f = GoFn::new(c.vm, c.arg(2));
            let v = $core(s, |r| f.pred(r));
            f.finish()?;
            let v = v.to_vec();
            c.set_str(3, &v);
            Ok(())
        }
    };
}

trim_fn!(trim_func, st::trim_func);
trim_fn!(trim_left_func, st::trim_left_func);
trim_fn!(trim_right_func, st::trim_right_func);

fn cut(c: &mut Ctx<'_, '_>) -> R {
    let (b, a, found) = st::cut(c.str(0), c.str(2));
    let (b, a) = (b.to_vec(), a.to_vec());
    c.set_str(4, &b);
    c.set_str(6, &a);
    c.set_bool(8, found);
    Ok(())
}

fn split_after(c: &mut Ctx<'_, '_>) -> R {
    let v = st::split_after(c.str(0), c.str(2));
    c.set_strings(4, &v);
    Ok(())
}

fn split_after_n(c: &mut Ctx<'_, '_>) -> R {
    let v = st::split_after_n(c.str(0), c.str(2), c.arg(4) as i64);
    c.set_strings(5, &v);
    Ok(())
}

fn last_index_any(c: &mut Ctx<'_, '_>) -> R {
    let v = st::last_index_any(c.str(0), c.str(2));
    c.set(4, v as u64);
    Ok(())
}

fn last_index_byte(c: &mut Ctx<'_, '_>) -> R {
    let v = st::last_index_byte(c.str(0), c.arg(2) as u8);
    c.set(3, v as u64);
    Ok(())
}

fn to_title(c: &mut Ctx<'_, '_>) -> R {
    let v = st::to_title(c.str(0)).into_owned();
    c.set_str(2, &v);
    Ok(())
}

fn compare(c: &mut Ctx<'_, '_>) -> R {
    let v = match c.str(0).cmp(c.str(2)) {
        std::cmp::Ordering::Less => -1i64,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    };
    c.set(4, v as u64);
    Ok(())
}

fn clone(c: &mut Ctx<'_, '_>) -> R {
    let v = c.str(0).to_vec();
    c.set_str(2, &v);
    Ok(())
}

/// Go's strings.ToValidUTF8: each run of invalid bytes replaced once.
pub(super) fn to_valid_utf8(s: &[u8], replacement: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(s.len());
    let mut invalid = false;
    let mut i = 0;
    while i < s.len() {
        let ch = s[i];
        if ch < 0x80 {
            i += 1;
            invalid = false;
            b.push(ch);
            continue;
        }
        let (_, w) = u8x::decode_rune(&s[i..]);
        if w == 1 {
            i += 1;
            if !invalid {
                invalid = true;
                b.extend_from_slice(replacement);
            }
            continue;
        }
        invalid = false;
        b.extend_from_slice(&s[i..i + w]);
        i += w;
    }
    b
}

fn to_valid_utf8_native(c: &mut Ctx<'_, '_>) -> R {
    let v = to_valid_utf8(c.str(0), c.str(2));
    c.set_str(4, &v);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("strings.Map", 3, 2, map),
    native("strings.FieldsFunc", 3, 3, fields_func),
    native("strings.IndexFunc", 3, 1, index_func),
    native("strings.LastIndexFunc", 3, 1, last_index_func),
    native("strings.TrimFunc", 3, 2, trim_func),
    native("strings.TrimLeftFunc", 3, 2, trim_left_func),
    native("strings.TrimRightFunc", 3, 2, trim_right_func),
    native("strings.Cut", 4, 5, cut),
    native("strings.SplitAfter", 4, 3, split_after),
    native("strings.SplitAfterN", 5, 3, split_after_n),
    native("strings.LastIndexAny", 4, 1, last_index_any),
    native("strings.LastIndexByte", 3, 1, last_index_byte),
    native("strings.ToTitle", 2, 2, to_title),
    native("strings.Compare", 4, 1, compare),
    native("strings.Clone", 2, 2, clone),
    native("strings.ToValidUTF8", 4, 2, to_valid_utf8_native),
];
