//! Slices through reflect (reflect/value.go): MakeSlice, Value.Slice,
//! Copy, Append and AppendSlice, with gc's growth rule and panics.

use super::super::reflect::value_error;
use super::super::{native, panic_string, Ctx, Native};
use super::*;

/// A new slice header cell {data, len, cap} as a Value of slice type `t`.
fn slice_value(t: &'static Type, data: u64, len: u64, cap: u64, ro: u64) -> RValue {
    let h = unsafe_new(t);
    mem::store_u64(h, data);
    mem::store_u64(h + 8, len);
    mem::store_u64(h + 16, cap);
    RValue {
        typ: Some(t),
        ptr: h,
        flag: ro | FLAG_INDIR | Kind::Slice as u64,
    }
}

/// gc's MakeSlice.
fn make_slice_value(t: &'static Type, len: i64, cap: i64) -> Result<RValue, Raise> {
    if t.kind != Kind::Slice {
        return Err(panic_string("reflect.MakeSlice of non-slice type"));
    }
    if len < 0 {
        return Err(panic_string("reflect.MakeSlice: negative len"));
    }
    if cap < 0 {
        return Err(panic_string("reflect.MakeSlice: negative cap"));
    }
    if len > cap {
        return Err(panic_string("reflect.MakeSlice: len > cap"));
    }
    let et = t.elem().unwrap_or(&crate::types::UNSET);
    let data = crate::slice::makeslice(et, cap, cap).map_err(Raise::Error)?;
    Ok(slice_value(t, data, len as u64, cap as u64, 0))
}

impl RValue {
    /// gc's Value.Slice.
    fn slice(self, c: &Ctx<'_, '_>, i: i64, j: i64) -> Result<RValue, Raise> {
        let t = self.t();
        let (st, base, cap) = match self.kind() {
            k if k == Kind::Array as u64 => {
                if self.flag & FLAG_ADDR == 0 {
                    return Err(panic_string(
                        "reflect.Value.Slice: slice of unaddressable array",
                    ));
                }
                let TypeExtra::Array { elem, len } = t.extra else {
                    return Err(value_error(c, "reflect.Value.Slice", k));
                };
                let st = super::super::reflectof::slice_type(c, elem);
                (st, self.ptr, len as i64)
            }
            k if k == Kind::Slice as u64 => (
                t,
                mem::load_u64(self.ptr),
                mem::load_u64(self.ptr + 16) as i64,
            ),
            k if k == Kind::String as u64 => {
                let n = mem::load_u64(self.ptr + 8) as i64;
                if i < 0 || j < i || j > n {
                    return Err(panic_string(
                        "reflect.Value.Slice: string slice index out of bounds",
                    ));
                }
                let h = unsafe_new(t);
                if i < n {
                    mem::store_u64(h, mem::load_u64(self.ptr) + i as u64);
                    mem::store_u64(h + 8, (j - i) as u64);
                }
                return Ok(RValue { ptr: h, ..self });
            }
            k => return Err(value_error(c, "reflect.Value.Slice", k)),
        };
        if i < 0 || j < i || j > cap {
            return Err(panic_string(
                "reflect.Value.Slice: slice index out of bounds",
            ));
        }
        let esize = st.elem().map_or(0, |e| e.size) as u64;
        let data = if cap - i > 0 {
            base + i as u64 * esize
        } else {
            base
        };
        Ok(slice_value(
            st,
            data,
            (j - i) as u64,
            (cap - i) as u64,
            self.ro(),
        ))
    }
}

/// gc's typesMustMatch.
fn types_must_match(what: &str, a: &'static Type, b: &'static Type) -> Result<(), Raise> {
    if std::ptr::eq(a, b) {
        Ok(())
    } else {
        Err(panic_string(&format!("{what}: {} != {}", a.str, b.str)))
    }
}

/// gc's Copy: the number of elements copied.
fn copy_values(c: &Ctx<'_, '_>, dst: RValue, src: RValue) -> Result<i64, Raise> {
    let dk = dst.kind();
    if dk != Kind::Array as u64 && dk != Kind::Slice as u64 {
        return Err(value_error(c, "reflect.Copy", dk));
    }
    if dk == Kind::Array as u64 {
        dst.must_be_assignable(c, "reflect.Copy")?;
    }
    dst.must_be_exported(c, "reflect.Copy")?;
    let de = dst.t().elem().unwrap_or(&crate::types::UNSET);
    let sk = src.kind();
    let string_copy = sk == Kind::String as u64 && de.kind == Kind::Uint8;
    if sk != Kind::Array as u64 && sk != Kind::Slice as u64 && !string_copy {
        return Err(value_error(c, "reflect.Copy", sk));
    }
    src.must_be_exported(c, "reflect.Copy")?;
    if !string_copy {
        let se = src.t().elem().unwrap_or(&crate::types::UNSET);
        types_must_match("reflect.Copy", de, se)?;
    }
    let header = |v: RValue, k: u64| -> Result<(u64, i64), Raise> {
        if k == Kind::Array as u64 {
            Ok((v.ptr, v.len(c)?))
        } else {
            Ok((mem::load_u64(v.ptr), mem::load_u64(v.ptr + 8) as i64))
        }
    };
    let (dp, dn) = header(dst, dk)?;
    let (sp, sn) = header(src, sk)?;
    let n = dn.min(sn);
    if n > 0 && de.size > 0 {
        mem::memmove(dp, sp, n as usize * de.size);
    }
    Ok(n)
}

/// gc's grow: `s` with room for `extra` more elements, and the range
/// [i0, i1) they take.
fn grow(c: &Ctx<'_, '_>, s: RValue, extra: i64) -> Result<(RValue, i64, i64), Raise> {
    let i0 = s.len(c)?;
    let i1 = i0
        .checked_add(extra)
        .ok_or_else(|| panic_string("reflect.Append: slice overflow"))?;
    let mut m = mem::load_u64(s.ptr + 16) as i64;
    if i1 <= m {
        return Ok((s.slice(c, 0, i1)?, i0, i1));
    }
    if m == 0 {
        m = extra;
    } else {
        const THRESHOLD: i64 = 256;
        while m < i1 {
            if i0 < THRESHOLD {
                m += m;
            } else {
                m += (m + 3 * THRESHOLD) / 4;
            }
        }
    }
    let t = make_slice_value(s.t(), i1, m)?;
    copy_values(c, t, s)?;
    Ok((t, i0, i1))
}

fn make_slice(c: &mut Ctx<'_, '_>) -> R {
    let Some(t) = type_from_addr(c.arg(1)) else {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    };
    let v = make_slice_value(t, c.arg(2) as i64, c.arg(3) as i64)?;
    v.store(c, 4);
    Ok(())
}

fn v_slice(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0).slice(c, c.arg(3) as i64, c.arg(4) as i64)?;
    v.store(c, 5);
    Ok(())
}

fn copy(c: &mut Ctx<'_, '_>) -> R {
    let n = copy_values(c, RValue::load(c, 0), RValue::load(c, 3))?;
    c.set(6, n as u64);
    Ok(())
}

/// The `[]Value` at slots `i..i+3`.
fn values_arg(c: &Ctx<'_, '_>, i: u32) -> Vec<RValue> {
    let (arr, n) = (c.arg(i), c.arg(i + 1));
    (0..n)
        .map(|k| {
            let p = arr + 24 * k;
            RValue {
                typ: type_from_addr(mem::load_u64(p)),
                ptr: mem::load_u64(p + 8),
                flag: mem::load_u64(p + 16),
            }
        })
        .collect()
}

fn append(c: &mut Ctx<'_, '_>) -> R {
    let s = RValue::load(c, 0);
    s.must_be(c, Kind::Slice, "reflect.Append")?;
    let xs = values_arg(c, 3);
    let (s, i0, i1) = grow(c, s, xs.len() as i64)?;
    let et = s.t().elem().unwrap_or(&crate::types::UNSET);
    for (i, x) in (i0..i1).zip(xs) {
        let dst = s.index(c, i)?;
        x.must_be_exported(c, "reflect.Value.Set")?;
        let x = x.assign_to(c, "reflect.Set", et, 0)?;
        if x.flag & FLAG_INDIR != 0 {
            mem::memmove(dst.ptr, x.ptr, et.size);
        } else {
            mem::store_u64(dst.ptr, x.ptr);
        }
    }
    s.store(c, 6);
    Ok(())
}

fn append_slice(c: &mut Ctx<'_, '_>) -> R {
    let (s, t) = (RValue::load(c, 0), RValue::load(c, 3));
    s.must_be(c, Kind::Slice, "reflect.AppendSlice")?;
    t.must_be(c, Kind::Slice, "reflect.AppendSlice")?;
    let (se, te) = (s.t().elem(), t.t().elem());
    if let (Some(a), Some(b)) = (se, te) {
        types_must_match("reflect.AppendSlice", a, b)?;
    }
    let (s, i0, i1) = grow(c, s, t.len(c)?)?;
    copy_values(c, s.slice(c, i0, i1)?, t)?;
    s.store(c, 6);
    Ok(())
}

pub(in crate::natives) const NATIVES: &[Native] = &[
    native("reflect.MakeSlice", 4, 3, make_slice),
    native("reflect.Value.Slice", 5, 3, v_slice),
    native("reflect.Copy", 6, 1, copy),
    native("reflect.Append", 6, 3, append),
    native("reflect.AppendSlice", 6, 3, append_slice),
];
