//! internal/fmtsort's key order for printing maps: integers, floats (NaN
//! first), strings, bools (false first), pointers and channels by address,
//! structs and arrays field by field, interfaces nil first, then by type,
//! then by value. Keys are addresses of values of type `t`.

use std::cmp::Ordering;

use super::fmtvalue::{go_bytes, load_int, load_uint};
use crate::mem;
use crate::types::{type_from_addr, Kind, Type, TypeExtra};

/// fmtsort.compare for two keys of type `t` at addresses `a` and `b`.
pub fn compare(t: &'static Type, a: u64, b: u64) -> Ordering {
    let w = |p: u64, off: u64| mem::load_u64(p + off);
    match t.kind {
        Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
            load_int(t, a).cmp(&load_int(t, b))
        }
        Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
            load_uint(t, a).cmp(&load_uint(t, b))
        }
        Kind::String => go_bytes(w(a, 0), w(a, 8)).cmp(go_bytes(w(b, 0), w(b, 8))),
        Kind::Float32 => float_compare(
            f32::from_bits(mem::load_u32(a)) as f64,
            f32::from_bits(mem::load_u32(b)) as f64,
        ),
        Kind::Float64 => float_compare(f64::from_bits(w(a, 0)), f64::from_bits(w(b, 0))),
        Kind::Complex64 => float_compare(
            f32::from_bits(mem::load_u32(a)) as f64,
            f32::from_bits(mem::load_u32(b)) as f64,
        )
        .then_with(|| {
            float_compare(
                f32::from_bits(mem::load_u32(a + 4)) as f64,
                f32::from_bits(mem::load_u32(b + 4)) as f64,
            )
        }),
        Kind::Complex128 => float_compare(f64::from_bits(w(a, 0)), f64::from_bits(w(b, 0)))
            .then_with(|| float_compare(f64::from_bits(w(a, 8)), f64::from_bits(w(b, 8)))),
        Kind::Bool => mem::load_u8(a).cmp(&mem::load_u8(b)),
        Kind::Pointer | Kind::UnsafePointer | Kind::Chan => w(a, 0).cmp(&w(b, 0)),
        Kind::Struct => match &t.extra {
            TypeExtra::Struct { fields, .. } => {
                for f in fields.iter() {
                    let off = f.offset as u64;
                    let c = compare(f.typ, a + off, b + off);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            _ => Ordering::Equal,
        },
        Kind::Array => match t.extra {
            TypeExtra::Array { elem, len } => {
                for i in 0..len as u64 {
                    let off = i * elem.size as u64;
                    let c = compare(elem, a + off, b + off);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            _ => Ordering::Equal,
        },
        Kind::Interface => {
            let (ta, tb) = (w(a, 0), w(b, 0));
            match (ta == 0, tb == 0) {
                (true, true) => return Ordering::Equal,
                (true, false) => return Ordering::Less,
                (false, true) => return Ordering::Greater,
                _ => {}
            }
            let c = ta.cmp(&tb);
            if c != Ordering::Equal {
                return c;
            }
            let Some(et) = type_from_addr(ta) else {
                return Ordering::Equal;
            };
            let (pa, pb) = if et.is_direct_iface() {
                (a + 8, b + 8)
            } else {
                (w(a, 8), w(b, 8))
            };
            compare(et, pa, pb)
        }
        _ => Ordering::Less,
    }
}

/// fmtsort's floatCompare: NaN sorts before everything.
fn float_compare(a: f64, b: f64) -> Ordering {
    if a.is_nan() {
        Ordering::Less
    } else if b.is_nan() {
        Ordering::Greater
    } else if a < b {
        Ordering::Less
    } else if a > b {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// Sorts stably by `less` alone, as sort.Stable does (insertion sort for
/// short runs; a merge sort above). Never panics on an inconsistent order
/// (NaN keys compare less both ways).
pub fn stable_sort<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    if v.len() <= 20 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(&v[j], &v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = v.len() / 2;
    stable_sort(&mut v[..mid], less);
    stable_sort(&mut v[mid..], less);
    let mut out = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if less(&v[j], &v[i]) {
            out.push(v[j]);
            j += 1;
        } else {
            out.push(v[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&v[i..mid]);
    out.extend_from_slice(&v[j..]);
    v.copy_from_slice(&out);
}
