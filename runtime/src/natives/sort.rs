//! sort natives over sortalg.rs (Go 1.19's algorithms): Ints, Strings,
//! Float64s sort memory directly; Slice/SliceStable call the less funcval
//! and swap elements by the slice's element type (reflect's Swapper);
//! Sort/Stable call Len/Less/Swap through the sort.Interface itab, whose
//! `fun` is in method-name order (Len, Less, Swap). Search and
//! SearchInts/Strings/Float64s are Go's binary search.

use super::sortalg::{self, LessSwap};
use super::{native, Ctx, Native};
use crate::mem;
use crate::types::{type_from_addr, TypeExtra};
use crate::vm::{Raise, Vm};

type R = Result<(), Raise>;

/// A slice in memory: element `i` at `ptr + i*size`.
struct Mem<F: Fn(u64, u64) -> bool> {
    ptr: u64,
    size: u64,
    less: F,
}

impl<F: Fn(u64, u64) -> bool> LessSwap for Mem<F> {
    fn less(&mut self, i: i64, j: i64) -> Result<bool, Raise> {
        let (a, b) = (
            self.ptr + i as u64 * self.size,
            self.ptr + j as u64 * self.size,
        );
        Ok((self.less)(a, b))
    }
    fn swap(&mut self, i: i64, j: i64) -> R {
        swap_elems(self.ptr, self.size, i, j);
        Ok(())
    }
}

/// Swaps elements i and j of `size` bytes at `ptr`.
pub(super) fn swap_elems(ptr: u64, size: u64, i: i64, j: i64) {
    let (a, b) = (ptr + i as u64 * size, ptr + j as u64 * size);
    let tmp = mem::bytes(a, size as usize).to_vec();
    mem::memmove(a, b, size as usize);
    mem::bytes_mut(b, size as usize).copy_from_slice(&tmp);
}

pub(super) fn go_str(p: u64) -> &'static [u8] {
    let (s, l) = (mem::load_u64(p), mem::load_u64(p + 8));
    if l == 0 {
        &[]
    } else {
        mem::bytes(s, l as usize)
    }
}

fn int_less(a: u64, b: u64) -> bool {
    (mem::load_u64(a) as i64) < (mem::load_u64(b) as i64)
}

fn f64_less(a: u64, b: u64) -> bool {
    let (x, y) = (
        f64::from_bits(mem::load_u64(a)),
        f64::from_bits(mem::load_u64(b)),
    );
    x < y || (x.is_nan() && !y.is_nan())
}

fn str_less(a: u64, b: u64) -> bool {
    go_str(a) < go_str(b)
}

/// Sorts the slice (ptr, len) at slots 0 and 1 of elements of `size`
/// bytes ordered by `less`.
fn sort_slice(c: &mut Ctx<'_, '_>, size: u64, less: fn(u64, u64) -> bool) -> R {
    let mut d = Mem {
        ptr: c.arg(0),
        size,
        less,
    };
    sortalg::sort(&mut d, c.arg(1) as i64)
}

pub(super) fn ints(c: &mut Ctx<'_, '_>) -> R {
    sort_slice(c, 8, int_less)
}

pub(super) fn float64s(c: &mut Ctx<'_, '_>) -> R {
    sort_slice(c, 8, f64_less)
}

pub(super) fn strings(c: &mut Ctx<'_, '_>) -> R {
    sort_slice(c, 16, str_less)
}

fn is_sorted(c: &mut Ctx<'_, '_>, size: u64, less: fn(u64, u64) -> bool) -> R {
    let (p, n) = (c.arg(0), c.arg(1));
    let sorted = (1..n.max(1))
        .rev()
        .all(|i| !less(p + i * size, p + (i - 1) * size));
    c.set_bool(3, sorted);
    Ok(())
}

fn ints_are_sorted(c: &mut Ctx<'_, '_>) -> R {
    is_sorted(c, 8, int_less)
}

fn float64s_are_sorted(c: &mut Ctx<'_, '_>) -> R {
    is_sorted(c, 8, f64_less)
}

fn strings_are_sorted(c: &mut Ctx<'_, '_>) -> R {
    is_sorted(c, 16, str_less)
}

/// sort.Slice's data: the slice (in an eface at window slots 0, 1) and
/// the less funcval at slot 2.
struct Callback<'v, 'p> {
    vm: &'v mut Vm<'p>,
    ptr: u64,
    size: u64,
    fv: u64,
}

impl LessSwap for Callback<'_, '_> {
    fn less(&mut self, i: i64, j: i64) -> Result<bool, Raise> {
        let fid = mem::load_u64(self.fv) as u32;
        let r = self
            .vm
            .call_go(fid, self.fv, &[i as u64, j as u64], 1)
            .map_err(Raise::from)?;
        Ok(r[0] & 1 != 0)
    }
    fn swap(&mut self, i: i64, j: i64) -> R {
        swap_elems(self.ptr, self.size, i, j);
        Ok(())
    }
}

/// The slice in the eface at slots 0, 1: (array, len, element size).
fn slice_arg(c: &Ctx<'_, '_>) -> Result<(u64, u64, u64), Raise> {
    let t = type_from_addr(c.arg(0));
    match t.map(|t| &t.extra) {
        Some(TypeExtra::Slice { elem }) => {
            let hdr = c.arg(1);
            Ok((mem::load_u64(hdr), mem::load_u64(hdr + 8), elem.size as u64))
        }
        _ => {
            let name = t.map_or("nil", |t| t.str);
            Err(Raise::Error(crate::error::RuntimeError::error_string(
                format!(
                    "reflect: call of Swapper on {} Value",
                    if name == "nil" { "zero" } else { name }
                ),
            )))
        }
    }
}

fn slice_sort(c: &mut Ctx<'_, '_>, stable: bool) -> R {
    let (ptr, n, size) = slice_arg(c)?;
    let fv = c.arg(2);
    if fv < 4096 && n > 1 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let mut d = Callback {
        vm: c.vm,
        ptr,
        size,
        fv,
    };
    if stable {
        sortalg::stable(&mut d, n as i64)
    } else {
        sortalg::sort(&mut d, n as i64)
    }
}

fn slice(c: &mut Ctx<'_, '_>) -> R {
    slice_sort(c, false)
}

fn slice_stable(c: &mut Ctx<'_, '_>) -> R {
    slice_sort(c, true)
}

fn slice_is_sorted(c: &mut Ctx<'_, '_>) -> R {
    let (ptr, n, size) = slice_arg(c)?;
    let fv = c.arg(2);
    let mut d = Callback {
        vm: c.vm,
        ptr,
        size,
        fv,
    };
    let mut i = n as i64 - 1;
    while i > 0 {
        if d.less(i, i - 1)? {
            c.set_bool(3, false);
            return Ok(());
        }
        i -= 1;
    }
    c.set_bool(3, true);
    Ok(())
}

/// A sort.Interface value (itab, data) called through its itab.
struct Iface<'v, 'p> {
    vm: &'v mut Vm<'p>,
    fun: [u32; 3],
    data: u64,
}

impl<'v, 'p> Iface<'v, 'p> {
    fn new(vm: &'v mut Vm<'p>, tab: u64, data: u64) -> Result<Self, Raise> {
        let Some(it) = crate::itab::itab_from_addr(tab) else {
            return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
        };
        let f = |k: usize| it.fun.get(k).copied().unwrap_or(0);
        Ok(Iface {
            vm,
            fun: [f(0), f(1), f(2)],
            data,
        })
    }

    fn len(&mut self) -> Result<i64, Raise> {
        let r = self
            .vm
            .call_go(self.fun[0], 0, &[self.data], 1)
            .map_err(Raise::from)?;
        Ok(r[0] as i64)
    }
}

impl LessSwap for Iface<'_, '_> {
    fn less(&mut self, i: i64, j: i64) -> Result<bool, Raise> {
        let r = self
            .vm
            .call_go(self.fun[1], 0, &[self.data, i as u64, j as u64], 1)
            .map_err(Raise::from)?;
        Ok(r[0] & 1 != 0)
    }
    fn swap(&mut self, i: i64, j: i64) -> R {
        self.vm
            .call_go(self.fun[2], 0, &[self.data, i as u64, j as u64], 0)
            .map_err(Raise::from)?;
        Ok(())
    }
}

fn sort(c: &mut Ctx<'_, '_>) -> R {
    let mut d = Iface::new(c.vm, c.arg(0), c.arg(1))?;
    let n = d.len()?;
    sortalg::sort(&mut d, n)
}

fn stable(c: &mut Ctx<'_, '_>) -> R {
    let mut d = Iface::new(c.vm, c.arg(0), c.arg(1))?;
    let n = d.len()?;
    sortalg::stable(&mut d, n)
}

fn iface_is_sorted(c: &mut Ctx<'_, '_>) -> R {
    let mut d = Iface::new(c.vm, c.arg(0), c.arg(1))?;
    let mut i = d.len()? - 1;
    while i > 0 {
        if d.less(i, i - 1)? {
            c.set_bool(2, false);
            return Ok(());
        }
        i -= 1;
    }
    c.set_bool(2, true);
    Ok(())
}

/// sort.Search: the smallest i in [0, n) with f(i) true (n if none).
fn search(c: &mut Ctx<'_, '_>) -> R {
    let (n, fv) = (c.arg(0) as i64, c.arg(1));
    let (mut i, mut j) = (0i64, n);
    while i < j {
        let h = ((i + j) as u64 >> 1) as i64;
        let fid = mem::load_u64(fv) as u32;
        let r = c.vm.call_go(fid, fv, &[h as u64], 1).map_err(Raise::from)?;
        if r[0] & 1 == 0 {
            i = h + 1;
        } else {
            j = h;
        }
    }
    c.set(2, i as u64);
    Ok(())
}

/// The binary search of SearchInts/Float64s/Strings: the first index
/// whose element is not less than x (`ge(elem address)`).
fn search_mem(c: &mut Ctx<'_, '_>, size: u64, res: u32, ge: impl Fn(u64) -> bool) -> R {
    let (p, n) = (c.arg(0), c.arg(1) as i64);
    let (mut i, mut j) = (0i64, n);
    while i < j {
        let h = ((i + j) as u64 >> 1) as i64;
        if !ge(p + h as u64 * size) {
            i = h + 1;
        } else {
            j = h;
        }
    }
    c.set(res, i as u64);
    Ok(())
}

pub(super) fn search_ints(c: &mut Ctx<'_, '_>) -> R {
    let x = c.arg(3) as i64;
    search_mem(c, 8, 4, |a| mem::load_u64(a) as i64 >= x)
}

pub(super) fn search_float64s(c: &mut Ctx<'_, '_>) -> R {
    let x = c.f64(3);
    search_mem(c, 8, 4, |a| f64::from_bits(mem::load_u64(a)) >= x)
}

pub(super) fn search_strings(c: &mut Ctx<'_, '_>) -> R {
    let x = c.str(3);
    search_mem(c, 16, 5, |a| go_str(a) >= x)
}

pub(super) const NATIVES: &[Native] = &[
    native("sort.Ints", 3, 0, ints),
    native("sort.Float64s", 3, 0, float64s),
    native("sort.Strings", 3, 0, strings),
    native("sort.IntsAreSorted", 3, 1, ints_are_sorted),
    native("sort.Float64sAreSorted", 3, 1, float64s_are_sorted),
    native("sort.StringsAreSorted", 3, 1, strings_are_sorted),
    native("sort.Slice", 3, 0, slice),
    native("sort.SliceStable", 3, 0, slice_stable),
    native("sort.SliceIsSorted", 3, 1, slice_is_sorted),
    native("sort.Sort", 2, 0, sort),
    native("sort.Stable", 2, 0, stable),
    native("sort.IsSorted", 2, 1, iface_is_sorted),
    native("sort.Search", 2, 1, search),
    native("sort.SearchInts", 4, 1, search_ints),
    native("sort.SearchFloat64s", 4, 1, search_float64s),
    native("sort.SearchStrings", 5, 1, search_strings),
];
