//! bytes package functions (bytes/bytes.go) over the strings cores
//! (stdlib::strings works on byte strings). Results that Go slices out
//! of the argument (Trim*, Split*, Fields, Cut, TrimPrefix) alias it here
//! too, with Go's capacities (`s[i:j:j]` where Go uses a full slice
//! expression) and Go's nil results (Trim of an empty or fully trimmed
//! slice is nil). Functions building new slices are in bytesnew.rs.

use super::strfunc::GoFn;
use super::{native, Ctx, Native};
use crate::mem;
use crate::stdlib::strings as st;
use crate::stdlib::utf8 as u8x;
use crate::types::{Kind, Type, TypeExtra, TypeRef};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// `[]byte`, the element type of a `[][]byte`'s array.
static BYTE_SLICE: Type = Type {
    size: 24,
    ptrdata: 8,
    hash: 0,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: Kind::Slice,
    gcdata: &[1],
    str: "[]uint8",
    extra: TypeExtra::Slice {
        elem: TypeRef::new(&super::builder::BYTE),
    },
    uncommon: None,
};

/// A `[]byte` argument: its header words.
#[derive(Clone, Copy)]
pub(super) struct Bs {
    pub p: u64,
    pub len: u64,
    pub cap: u64,
}

impl Bs {
    /// The slice at window slots `i..i+3`.
    pub(super) fn at(c: &Ctx<'_, '_>, i: u32) -> Bs {
        Bs {
            p: c.arg(i),
            len: c.arg(i + 1),
            cap: c.arg(i + 2),
        }
    }

    pub(super) fn bytes(&self) -> &'static [u8] {
        if self.len == 0 {
            &[]
        } else {
            mem::bytes(self.p, self.len as usize)
        }
    }

    /// `s[lo:hi:max]` (gc keeps the base pointer when the new capacity
    /// is 0 rather than point past the array).
    pub(super) fn sub3(&self, lo: u64, hi: u64, max: u64) -> Bs {
        let cap = max - lo;
        Bs {
            p: if cap == 0 { self.p } else { self.p + lo },
            len: hi - lo,
            cap,
        }
    }

    /// `s[lo:hi]`.
    pub(super) fn sub(&self, lo: u64, hi: u64) -> Bs {
        self.sub3(lo, hi, self.cap)
    }

    /// The subslice `part` (a slice of `self.bytes()`): its offsets.
    fn range_of(&self, part: &[u8]) -> (u64, u64) {
        let off = (part.as_ptr() as u64).wrapping_sub(self.bytes().as_ptr() as u64);
        // An empty part need not point into s (`&[]`): take it as s[0:0].
        let lo = if self.len == 0 || off > self.len {
            0
        } else {
            off
        };
        (lo, lo + part.len() as u64)
    }

    /// `s[lo:hi]` for the subslice `part`.
    fn sub_of(&self, part: &[u8]) -> Bs {
        let (lo, hi) = self.range_of(part);
        self.sub(lo, hi)
    }

    pub(super) const NIL: Bs = Bs {
        p: 0,
        len: 0,
        cap: 0,
    };

    pub(super) fn set(self, c: &mut Ctx<'_, '_>, i: u32) {
        c.set(i, self.p);
        c.set(i + 1, self.len);
        c.set(i + 2, self.cap);
    }

    /// The slice, or nil when it is empty (Go's "historical" Trim result).
    fn or_nil(self) -> Bs {
        if self.len == 0 {
            Bs::NIL
        } else {
            self
        }
    }
}

/// Writes a new `[][]byte` of `parts` (cap = len) to slots `i..i+3`.
fn set_slices(c: &mut Ctx<'_, '_>, i: u32, parts: &[Bs]) {
    let n = parts.len() as u64;
    let arr = if n == 0 {
        crate::malloc::zerobase()
    } else {
        crate::malloc::mallocgc(24 * parts.len(), Some(&BYTE_SLICE), true)
    };
    for (k, b) in parts.iter().enumerate() {
        let at = arr + 24 * k as u64;
        mem::store_u64(at, b.p);
        mem::store_u64(at + 8, b.len);
        mem::store_u64(at + 16, b.cap);
    }
    c.set(i, arr);
    c.set(i + 1, n);
    c.set(i + 2, n);
}

/// The `[][]byte` at slots `i..i+3`.
pub(super) fn slices(c: &Ctx<'_, '_>, i: u32) -> Vec<Bs> {
    let (arr, n) = (c.arg(i), c.arg(i + 1));
    (0..n)
        .map(|k| Bs {
            p: mem::load_u64(arr + 24 * k),
            len: mem::load_u64(arr + 24 * k + 8),
            cap: mem::load_u64(arr + 24 * k + 16),
        })
        .collect()
}

/// (a, b []byte) -> bool
macro_rules! bb_bool {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(&[u8], &[u8]) -> bool = $e;
            let v = f(Bs::at(c, 0).bytes(), Bs::at(c, 3).bytes());
            c.set_bool(6, v);
            Ok(())
        }
    };
}

/// (a, b []byte) -> int
macro_rules! bb_int {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(&[u8], &[u8]) -> i64 = $e;
            let v = f(Bs::at(c, 0).bytes(), Bs::at(c, 3).bytes());
            c.set(6, v as u64);
            Ok(())
        }
    };
}

/// (s []byte, chars string) -> int
macro_rules! bs_int {
    ($name:ident, $e:expr) => {
        fn $name(c: &mut Ctx<'_, '_>) -> R {
            let f: fn(&[u8], &[u8]) -> i64 = $e;
            let v = f(Bs::at(c, 0).bytes(), c.str(3));
            c.set(5, v as u64);
            Ok(())
        }
    };
}

bb_bool!(equal, |a, b| a == b);
bb_bool!(contains, st::contains);
bb_bool!(has_prefix, |s, p| s.starts_with(p));
bb_bool!(has_suffix, |s, p| s.ends_with(p));
bb_bool!(equal_fold, st::equal_fold);
bb_int!(compare, |a, b| match a.cmp(b) {
    std::cmp::Ordering::Less => -1,
    std::cmp::Ordering::Equal => 0,
    std::cmp::Ordering::Greater => 1,
});
bb_int!(index, st::index);
bb_int!(last_index, st::last_index);
bb_int!(count, st::count);
bs_int!(index_any, st::index_any);
bs_int!(last_index_any, st::last_index_any);

fn contains_any(c: &mut Ctx<'_, '_>) -> R {
    let v = st::index_any(Bs::at(c, 0).bytes(), c.str(3)) >= 0;
    c.set_bool(5, v);
    Ok(())
}

fn contains_rune(c: &mut Ctx<'_, '_>) -> R {
    let v = st::index_rune(Bs::at(c, 0).bytes(), c.arg(3) as i32) >= 0;
    c.set_bool(4, v);
    Ok(())
}

fn index_byte(c: &mut Ctx<'_, '_>) -> R {
    let v = st::index_byte(Bs::at(c, 0).bytes(), c.arg(3) as u8);
    c.set(4, v as u64);
    Ok(())
}

fn last_index_byte(c: &mut Ctx<'_, '_>) -> R {
    let v = st::last_index_byte(Bs::at(c, 0).bytes(), c.arg(3) as u8);
    c.set(4, v as u64);
    Ok(())
}

fn index_rune(c: &mut Ctx<'_, '_>) -> R {
    let v = st::index_rune(Bs::at(c, 0).bytes(), c.arg(3) as i32);
    c.set(4, v as u64);
    Ok(())
}

/// Go's bytes.IndexFunc / LastIndexFunc.
fn index_func_at(c: &mut Ctx<'_, '_>, last: bool) -> R {
    let s = Bs::at(c, 0).bytes();
    let mut f = GoFn::new(c.vm, c.arg(3));
    let at = if last {
        st::last_index_func(s, |r| f.pred(r))
    } else {
        st::index_func(s, |r| f.pred(r))
    };
    f.finish()?;
    c.set(4, at as u64);
    Ok(())
}

fn index_func(c: &mut Ctx<'_, '_>) -> R {
    index_func_at(c, false)
}

fn last_index_func(c: &mut Ctx<'_, '_>) -> R {
    index_func_at(c, true)
}

fn cut(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    let sep = Bs::at(c, 3).bytes();
    let i = st::index(s.bytes(), sep);
    if i >= 0 {
        let i = i as u64;
        s.sub(0, i).set(c, 6);
        s.sub(i + sep.len() as u64, s.len).set(c, 9);
        c.set_bool(12, true);
    } else {
        s.set(c, 6);
        Bs::NIL.set(c, 9);
        c.set_bool(12, false);
    }
    Ok(())
}

fn trim(c: &mut Ctx<'_, '_>) -> R {
    trim_both_or_left(c, st::trim)
}

fn trim_left(c: &mut Ctx<'_, '_>) -> R {
    trim_both_or_left(c, st::trim_left)
}

/// bytes.Trim and TrimLeft: an empty slice gives nil, an empty cutset the
/// slice itself, and an all-trimmed slice nil (as Go's do).
fn trim_both_or_left(c: &mut Ctx<'_, '_>, cut: for<'a> fn(&'a [u8], &[u8]) -> &'a [u8]) -> R {
    let s = Bs::at(c, 0);
    let cutset = c.str(3);
    let v = if s.len == 0 {
        Bs::NIL
    } else if cutset.is_empty() {
        s
    } else {
        s.sub_of(cut(s.bytes(), cutset)).or_nil()
    };
    v.set(c, 5);
    Ok(())
}

fn trim_right(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    let cutset = c.str(3);
    let v = if s.len == 0 || cutset.is_empty() {
        s
    } else {
        s.sub_of(st::trim_right(s.bytes(), cutset))
    };
    v.set(c, 5);
    Ok(())
}

fn trim_space(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    s.sub_of(st::trim_space(s.bytes())).or_nil().set(c, 3);
    Ok(())
}

fn trim_prefix(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    let p = Bs::at(c, 3).bytes();
    let v = if s.bytes().starts_with(p) {
        s.sub(p.len() as u64, s.len)
    } else {
        s
    };
    v.set(c, 6);
    Ok(())
}

fn trim_suffix(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    let p = Bs::at(c, 3).bytes();
    let v = if s.bytes().ends_with(p) {
        s.sub(0, s.len - p.len() as u64)
    } else {
        s
    };
    v.set(c, 6);
    Ok(())
}

/// TrimLeftFunc (nil when all is trimmed), TrimRightFunc, TrimFunc.
fn trim_func_at(c: &mut Ctx<'_, '_>, left: bool, right: bool) -> R {
    let s = Bs::at(c, 0);
    let mut f = GoFn::new(c.vm, c.arg(3));
    let mut v = s;
    if left {
        let t = st::trim_left_func(v.bytes(), |r| f.pred(r));
        v = if t.is_empty() { Bs::NIL } else { v.sub_of(t) };
    }
    if right {
        let t = st::trim_right_func(v.bytes(), |r| f.pred(r));
        v = if v.len == 0 { v } else { v.sub_of(t) };
    }
    f.finish()?;
    v.set(c, 4);
    Ok(())
}

fn trim_func(c: &mut Ctx<'_, '_>) -> R {
    trim_func_at(c, true, true)
}

fn trim_left_func(c: &mut Ctx<'_, '_>) -> R {
    trim_func_at(c, true, false)
}

fn trim_right_func(c: &mut Ctx<'_, '_>) -> R {
    trim_func_at(c, false, true)
}

/// Go's bytes.genSplit (and explode for an empty sep, which keeps
/// invalid bytes as they are): the pieces are `s[i:j:j]` but the last,
/// which keeps s's capacity.
fn gen_split(s: Bs, sep: &[u8], sep_save: u64, n: i64) -> Option<Vec<Bs>> {
    if n == 0 {
        return None;
    }
    let b = s.bytes();
    let mut out = Vec::new();
    if sep.is_empty() {
        let n = if n <= 0 || n as u64 > s.len {
            s.len
        } else {
            n as u64
        };
        let mut at = 0u64;
        while at < s.len {
            if out.len() as u64 + 1 >= n {
                out.push(s.sub(at, s.len));
                break;
            }
            let (_, w) = u8x::decode_rune(&b[at as usize..]);
            let w = w as u64;
            out.push(s.sub3(at, at + w, at + w));
            at += w;
        }
        return Some(out);
    }
    let mut n = if n < 0 { st::count(b, sep) + 1 } else { n };
    n = n.min(b.len() as i64 + 1);
    let mut at = 0u64;
    while (out.len() as i64) < n - 1 {
        let m = st::index(&b[at as usize..], sep);
        if m < 0 {
            break;
        }
        let end = at + m as u64 + sep_save;
        out.push(s.sub3(at, end, end));
        at += m as u64 + sep.len() as u64;
    }
    out.push(s.sub(at, s.len));
    Some(out)
}

fn set_split(c: &mut Ctx<'_, '_>, v: Option<Vec<Bs>>, i: u32) {
    match v {
        Some(parts) => set_slices(c, i, &parts),
        None => Bs::NIL.set(c, i),
    }
}

fn split(c: &mut Ctx<'_, '_>) -> R {
    let sep = Bs::at(c, 3).bytes();
    let v = gen_split(Bs::at(c, 0), sep, 0, -1);
    set_split(c, v, 6);
    Ok(())
}

fn split_n(c: &mut Ctx<'_, '_>) -> R {
    let sep = Bs::at(c, 3).bytes();
    let v = gen_split(Bs::at(c, 0), sep, 0, c.arg(6) as i64);
    set_split(c, v, 7);
    Ok(())
}

fn split_after(c: &mut Ctx<'_, '_>) -> R {
    let sep = Bs::at(c, 3).bytes();
    let v = gen_split(Bs::at(c, 0), sep, sep.len() as u64, -1);
    set_split(c, v, 6);
    Ok(())
}

fn split_after_n(c: &mut Ctx<'_, '_>) -> R {
    let sep = Bs::at(c, 3).bytes();
    let v = gen_split(Bs::at(c, 0), sep, sep.len() as u64, c.arg(6) as i64);
    set_split(c, v, 7);
    Ok(())
}

/// Fields/FieldsFunc: each field is `s[i:j:j]`.
fn set_fields(c: &mut Ctx<'_, '_>, s: Bs, parts: &[&[u8]], i: u32) {
    let v: Vec<Bs> = parts
        .iter()
        .map(|p| {
            let (lo, hi) = s.range_of(p);
            s.sub3(lo, hi, hi)
        })
        .collect();
    set_slices(c, i, &v);
}

fn fields(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    let parts = st::fields(s.bytes());
    set_fields(c, s, &parts, 3);
    Ok(())
}

fn fields_func(c: &mut Ctx<'_, '_>) -> R {
    let s = Bs::at(c, 0);
    let mut f = GoFn::new(c.vm, c.arg(3));
    let parts = st::fields_func(s.bytes(), |r| f.pred(r));
    f.finish()?;
    set_fields(c, s, &parts, 4);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("bytes.Equal", 6, 1, equal),
    native("bytes.Compare", 6, 1, compare),
    native("bytes.Contains", 6, 1, contains),
    native("bytes.ContainsAny", 5, 1, contains_any),
    native("bytes.ContainsRune", 4, 1, contains_rune),
    native("bytes.Count", 6, 1, count),
    native("bytes.EqualFold", 6, 1, equal_fold),
    native("bytes.HasPrefix", 6, 1, has_prefix),
    native("bytes.HasSuffix", 6, 1, has_suffix),
    native("bytes.Index", 6, 1, index),
    native("bytes.IndexAny", 5, 1, index_any),
    native("bytes.IndexByte", 4, 1, index_byte),
    native("bytes.IndexFunc", 4, 1, index_func),
    native("bytes.IndexRune", 4, 1, index_rune),
    native("bytes.LastIndex", 6, 1, last_index),
    native("bytes.LastIndexAny", 5, 1, last_index_any),
    native("bytes.LastIndexByte", 4, 1, last_index_byte),
    native("bytes.LastIndexFunc", 4, 1, last_index_func),
    native("bytes.Cut", 6, 7, cut),
    native("bytes.Trim", 5, 3, trim),
    native("bytes.TrimLeft", 5, 3, trim_left),
    native("bytes.TrimRight", 5, 3, trim_right),
    native("bytes.TrimSpace", 3, 3, trim_space),
    native("bytes.TrimPrefix", 6, 3, trim_prefix),
    native("bytes.TrimSuffix", 6, 3, trim_suffix),
    native("bytes.TrimFunc", 4, 3, trim_func),
    native("bytes.TrimLeftFunc", 4, 3, trim_left_func),
    native("bytes.TrimRightFunc", 4, 3, trim_right_func),
    native("bytes.Split", 6, 3, split),
    native("bytes.SplitN", 7, 3, split_n),
    native("bytes.SplitAfter", 6, 3, split_after),
    native("bytes.SplitAfterN", 7, 3, split_after_n),
    native("bytes.Fields", 3, 3, fields),
    native("bytes.FieldsFunc", 4, 3, fields_func),
];
