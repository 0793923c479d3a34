//! sort's slice types (IntSlice, Float64Slice, StringSlice: value
//! methods Len/Less/Swap/Sort/Search on the slice's 3 slots) and
//! sort.Reverse, whose `*sort.reverse` (Go's `struct{ Interface }` with
//! Less reversed) is made here: the compiler makes one Go function per
//! [`REVERSE_METHODS`] entry and gets the `sort.Interface` itab from
//! [`reverse_itab`] into `Program::std_itabs` when the program calls
//! sort.Reverse.

use super::errors::{field, named_ptr};
use super::sort as sortn;
use super::{native, Ctx, Native};
use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::itab::{getitab, itab_from_addr, Itab};
use crate::mem;
use crate::types::{Method, Type, TypeExtra};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// `x[i]`'s bounds check (gc's panicIndex text).
fn check_index(i: i64, n: i64) -> R {
    if (i as u64) < (n as u64) {
        return Ok(());
    }
    let msg = if i < 0 {
        format!("index out of range [{i}]")
    } else {
        format!("index out of range [{i}] with length {n}")
    };
    Err(Raise::Error(RuntimeError::new(
        RuntimeErrorKind::Bounds,
        msg,
    )))
}

fn slice_len(c: &mut Ctx<'_, '_>) -> R {
    c.set(3, c.arg(1));
    Ok(())
}

/// The addresses of x[i] and x[j] (slots 3, 4) of elements of `size`,
/// bounds-checked in gc's order (i first).
fn elems(c: &Ctx<'_, '_>, size: u64) -> Result<(u64, u64), Raise> {
    let (p, n) = (c.arg(0), c.arg(1) as i64);
    let (i, j) = (c.arg(3) as i64, c.arg(4) as i64);
    check_index(i, n)?;
    check_index(j, n)?;
    Ok((p + i as u64 * size, p + j as u64 * size))
}

fn int_less(c: &mut Ctx<'_, '_>) -> R {
    let (a, b) = elems(c, 8)?;
    c.set_bool(5, (mem::load_u64(a) as i64) < (mem::load_u64(b) as i64));
    Ok(())
}

fn float64_less(c: &mut Ctx<'_, '_>) -> R {
    let (a, b) = elems(c, 8)?;
    let (x, y) = (
        f64::from_bits(mem::load_u64(a)),
        f64::from_bits(mem::load_u64(b)),
    );
    c.set_bool(5, x < y || (x.is_nan() && !y.is_nan()));
    Ok(())
}

fn string_less(c: &mut Ctx<'_, '_>) -> R {
    let (a, b) = elems(c, 16)?;
    let v = sortn::go_str(a) < sortn::go_str(b);
    c.set_bool(5, v);
    Ok(())
}

/// x[i], x[j] = x[j], x[i] (gc checks x[j] then x[i] for the reads).
fn swap(c: &mut Ctx<'_, '_>, size: u64) -> R {
    let (p, n) = (c.arg(0), c.arg(1) as i64);
    let (i, j) = (c.arg(3) as i64, c.arg(4) as i64);
    check_index(j, n)?;
    check_index(i, n)?;
    sortn::swap_elems(p, size, i, j);
    Ok(())
}

fn swap8(c: &mut Ctx<'_, '_>) -> R {
    swap(c, 8)
}

fn swap16(c: &mut Ctx<'_, '_>) -> R {
    swap(c, 16)
}

/// The methods of `*sort.reverse`: (native name, parameter slots, result
/// slots), in method-name order.
pub const REVERSE_METHODS: &[(&str, u32, u32)] = &[
    ("sort.(*reverse).Len", 1, 1),
    ("sort.(*reverse).Less", 3, 1),
    ("sort.(*reverse).Swap", 3, 0),
];

/// The `sort.Interface` itab of `*sort.reverse`: `inter` is the
/// program's sort.Interface descriptor; `ifn` gives the function id the
/// compiler made for a [`REVERSE_METHODS`] entry.
pub fn reverse_itab(
    inter: &'static Type,
    ifn: &mut dyn FnMut(&str) -> u32,
) -> Result<&'static Itab, &'static str> {
    let TypeExtra::Interface { methods } = &inter.extra else {
        return Err("Len");
    };
    if methods.len() != REVERSE_METHODS.len() {
        return Err("Len");
    }
    let mut ms = Vec::new();
    for (im, &(name, _, _)) in methods.iter().zip(REVERSE_METHODS) {
        ms.push(Method {
            name: im.name,
            pkgpath: "",
            mtyp: im.typ,
            ifn: ifn(name),
        });
    }
    let mut f = field("Interface", inter, 0);
    f.embedded = true;
    f.exported = true;
    let t = named_ptr("sort", "sort.reverse", 16, &[0b11], vec![f], ms);
    getitab(inter, t)
}

fn reverse(c: &mut Ctx<'_, '_>) -> R {
    let tab =
        c.vm.program()
            .std_itabs
            .iter()
            .copied()
            .find(|t| t.typ.str == "*sort.reverse")
            .ok_or_else(|| {
                Raise::Error(RuntimeError::error_string(
                    "goscope: internal error: sort.reverse not built",
                ))
            })?;
    let p = crate::malloc::mallocgc(16, tab.typ.elem(), true);
    mem::store_u64(p, c.arg(0));
    mem::store_u64(p + 8, c.arg(1));
    c.set(2, tab.addr());
    c.set(3, p);
    Ok(())
}

/// Calls method `m` (0 Len, 1 Less, 2 Swap) of the Interface embedded
/// in the `*sort.reverse` at slot 0.
fn inner(c: &mut Ctx<'_, '_>, m: usize, args: &[u64], nres: u32) -> Result<Vec<u64>, Raise> {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(RuntimeError::nil_deref()));
    }
    let Some(it) = itab_from_addr(mem::load_u64(p)) else {
        return Err(Raise::Error(RuntimeError::nil_deref()));
    };
    let fid = it.fun.get(m).copied().unwrap_or(0);
    let mut a = vec![mem::load_u64(p + 8)];
    a.extend_from_slice(args);
    c.vm.call_go(fid, 0, &a, nres).map_err(Raise::from)
}

fn reverse_len(c: &mut Ctx<'_, '_>) -> R {
    let r = inner(c, 0, &[], 1)?;
    c.set(1, r.first().copied().unwrap_or(0));
    Ok(())
}

fn reverse_less(c: &mut Ctx<'_, '_>) -> R {
    let (i, j) = (c.arg(1), c.arg(2));
    let r = inner(c, 1, &[j, i], 1)?;
    c.set(3, r.first().copied().unwrap_or(0));
    Ok(())
}

fn reverse_swap(c: &mut Ctx<'_, '_>) -> R {
    let (i, j) = (c.arg(1), c.arg(2));
    inner(c, 2, &[i, j], 0)?;
    Ok(())
}

/// sort.Find: the smallest i in [0, n) with cmp(i) <= 0, and whether
/// cmp(i) == 0 there.
fn find(c: &mut Ctx<'_, '_>) -> R {
    let n = c.arg(0) as i64;
    let mut f = super::strfunc::GoFn::new(c.vm, c.arg(1));
    let (mut i, mut j) = (0i64, n);
    while i < j {
        let h = ((i + j) as u64 >> 1) as i64;
        if (f.call(&[h as u64]) as i64) > 0 {
            i = h + 1;
        } else {
            j = h;
        }
    }
    let found = i < n && f.call(&[i as u64]) == 0;
    f.finish()?;
    c.set(2, i as u64);
    c.set_bool(3, found);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("sort.IntSlice.Len", 3, 1, slice_len),
    native("sort.IntSlice.Less", 5, 1, int_less),
    native("sort.IntSlice.Swap", 5, 0, swap8),
    native("sort.IntSlice.Sort", 3, 0, sortn::ints),
    native("sort.IntSlice.Search", 4, 1, sortn::search_ints),
    native("sort.Float64Slice.Len", 3, 1, slice_len),
    native("sort.Float64Slice.Less", 5, 1, float64_less),
    native("sort.Float64Slice.Swap", 5, 0, swap8),
    native("sort.Float64Slice.Sort", 3, 0, sortn::float64s),
    native("sort.Float64Slice.Search", 4, 1, sortn::search_float64s),
    native("sort.StringSlice.Len", 3, 1, slice_len),
    native("sort.StringSlice.Less", 5, 1, string_less),
    native("sort.StringSlice.Swap", 5, 0, swap16),
    native("sort.StringSlice.Sort", 3, 0, sortn::strings),
    native("sort.StringSlice.Search", 5, 1, sortn::search_strings),
    native("sort.Find", 2, 2, find),
    native("sort.Reverse", 2, 2, reverse),
    native("sort.(*reverse).Len", 1, 1, reverse_len),
    native("sort.(*reverse).Less", 3, 1, reverse_less),
    native("sort.(*reverse).Swap", 3, 0, reverse_swap),
];
