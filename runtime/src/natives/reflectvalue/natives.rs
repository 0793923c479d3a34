//! The reflect.Value natives (`reflect.ValueOf`, `reflect.Value.Int`,
//! ...): each reads its receiver Value from slots 0..3, calls the
//! [`RValue`] method of the same name and writes the result.

use super::super::reflect::{set_type, value_error};
use super::super::{native, panic_string, Ctx, Native};
use super::*;

/// Writes a new `[]Value` of `vs` to slots `i..i+3`.
fn set_values(c: &mut Ctx<'_, '_>, i: u32, vs: &[RValue]) {
    let n = vs.len();
    let arr = if n == 0 {
        crate::malloc::zerobase()
    } else {
        crate::malloc::mallocgc(24 * n, Some(value_shape()), true)
    };
    for (k, v) in vs.iter().enumerate() {
        v.store_mem(arr + 24 * k as u64);
    }
    c.set(i, arr);
    c.set(i + 1, n as u64);
    c.set(i + 2, n as u64);
}

fn value_of(c: &mut Ctx<'_, '_>) -> R {
    RValue::from_eface((c.arg(0), c.arg(1))).store(c, 2);
    Ok(())
}

fn v_kind(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    c.set(3, v.kind());
    Ok(())
}

fn v_type(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    if v.flag == 0 {
        return Err(value_error(c, "reflect.Value.Type", 0));
    }
    set_type(c, 3, v.typ)
}

fn v_int(c: &mut Ctx<'_, '_>) -> R {
    let x = RValue::load(c, 0).int(c)?;
    c.set(3, x as u64);
    Ok(())
}

fn v_uint(c: &mut Ctx<'_, '_>) -> R {
    let x = RValue::load(c, 0).uint(c)?;
    c.set(3, x);
    Ok(())
}

fn v_float(c: &mut Ctx<'_, '_>) -> R {
    let x = RValue::load(c, 0).float(c)?;
    c.set_f64(3, x);
    Ok(())
}

fn v_complex(c: &mut Ctx<'_, '_>) -> R {
    let (re, im) = RValue::load(c, 0).complex(c)?;
    c.set_f64(3, re);
    c.set_f64(4, im);
    Ok(())
}

fn v_bool(c: &mut Ctx<'_, '_>) -> R {
    let x = RValue::load(c, 0).bool(c)?;
    c.set_bool(3, x);
    Ok(())
}

fn v_string(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    if v.is(Kind::String) {
        // The string itself, not a copy.
        c.set(3, mem::load_u64(v.ptr));
        c.set(4, mem::load_u64(v.ptr + 8));
        return Ok(());
    }
    let s = v.string();
    c.set_str(3, &s);
    Ok(())
}

fn v_len(c: &mut Ctx<'_, '_>) -> R {
    let n = RValue::load(c, 0).len(c)?;
    c.set(3, n as u64);
    Ok(())
}

fn v_cap(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let t = v.t();
    let n = match t.kind {
        _ if v.flag == 0 => return Err(value_error(c, "reflect.Value.Cap", 0)),
        Kind::Array => v.len(c)?,
        Kind::Slice => mem::load_u64(v.ptr + 16) as i64,
        Kind::Chan => {
            let p = v.pointer();
            if p == 0 {
                0
            } else {
                mem::load_u64(p + 8) as i64
            }
        }
        Kind::Pointer if matches!(t.elem().map(|e| e.kind), Some(Kind::Array)) => v.len(c)?,
        _ => return Err(value_error(c, "reflect.Value.Cap", v.kind())),
    };
    c.set(3, n as u64);
    Ok(())
}

fn v_index(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0).index(c, c.arg(3) as i64)?;
    v.store(c, 4);
    Ok(())
}

fn v_field(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0).field(c, c.arg(3) as i64)?;
    v.store(c, 4);
    Ok(())
}

fn v_field_by_name(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be(c, Kind::Struct, "reflect.Value.FieldByName")?;
    let name = String::from_utf8_lossy(c.str(3)).into_owned();
    let mut r = INVALID;
    if let Some((_, path)) = super::super::reflect::field_by_name(v.t(), &name) {
        r = v;
        for (k, &i) in path.iter().enumerate() {
            if k > 0 && r.is(Kind::Pointer) {
                if r.pointer() == 0 {
                    return Err(panic_string(
                        "reflect: indirection through nil pointer to embedded struct",
                    ));
                }
                r = r.elem(c)?;
            }
            r = r.field(c, i as i64)?;
        }
    }
    r.store(c, 5);
    Ok(())
}

fn v_num_field(c: &mut Ctx<'_, '_>) -> R {
    let n = RValue::load(c, 0).num_field(c)?;
    c.set(3, n as u64);
    Ok(())
}

fn v_elem(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0).elem(c)?;
    v.store(c, 3);
    Ok(())
}

fn indirect(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let r = if v.is(Kind::Pointer) { v.elem(c)? } else { v };
    r.store(c, 3);
    Ok(())
}

fn v_is_nil(c: &mut Ctx<'_, '_>) -> R {
    let b = RValue::load(c, 0).is_nil(c)?;
    c.set_bool(3, b);
    Ok(())
}

fn v_is_valid(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    c.set_bool(3, v.flag != 0);
    Ok(())
}

fn v_is_zero(c: &mut Ctx<'_, '_>) -> R {
    let b = RValue::load(c, 0).is_zero(c)?;
    c.set_bool(3, b);
    Ok(())
}

fn v_interface(c: &mut Ctx<'_, '_>) -> R {
    let (a, b) = RValue::load(c, 0).interface(c, true)?;
    c.set(3, a);
    c.set(4, b);
    Ok(())
}

fn v_can_interface(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    if v.flag == 0 {
        return Err(value_error(c, "reflect.Value.CanInterface", 0));
    }
    c.set_bool(3, v.flag & FLAG_RO == 0);
    Ok(())
}

fn v_can_addr(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    c.set_bool(3, v.flag & FLAG_ADDR != 0);
    Ok(())
}

fn v_can_set(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    c.set_bool(3, v.flag & (FLAG_ADDR | FLAG_RO) == FLAG_ADDR);
    Ok(())
}

/// CanInt, CanUint, CanFloat, CanComplex: the kind is in `kinds`.
fn can_kind(c: &mut Ctx<'_, '_>, kinds: &[Kind]) -> R {
    let v = RValue::load(c, 0);
    c.set_bool(3, kinds.iter().any(|&k| v.is(k)));
    Ok(())
}

fn v_can_int(c: &mut Ctx<'_, '_>) -> R {
    use Kind::*;
    can_kind(c, &[Int, Int8, Int16, Int32, Int64])
}

fn v_can_uint(c: &mut Ctx<'_, '_>) -> R {
    use Kind::*;
    can_kind(c, &[Uint, Uint8, Uint16, Uint32, Uint64, Uintptr])
}

fn v_can_float(c: &mut Ctx<'_, '_>) -> R {
    can_kind(c, &[Kind::Float32, Kind::Float64])
}

fn v_can_complex(c: &mut Ctx<'_, '_>) -> R {
    can_kind(c, &[Kind::Complex64, Kind::Complex128])
}

fn v_pointer(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let p = match v.t().kind {
        _ if v.flag == 0 => return Err(value_error(c, "reflect.Value.Pointer", 0)),
        Kind::Pointer | Kind::Chan | Kind::Map | Kind::UnsafePointer | Kind::Func => v.pointer(),
        Kind::Slice => mem::load_u64(v.ptr),
        _ => return Err(value_error(c, "reflect.Value.Pointer", v.kind())),
    };
    c.set(3, p);
    Ok(())
}

fn v_unsafe_addr(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    if v.flag == 0 {
        return Err(value_error(c, "reflect.Value.UnsafeAddr", 0));
    }
    if v.flag & FLAG_ADDR == 0 {
        return Err(panic_string(
            "reflect.Value.UnsafeAddr of unaddressable value",
        ));
    }
    c.set(3, v.ptr);
    Ok(())
}

fn v_addr(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    if v.flag & FLAG_ADDR == 0 {
        return Err(panic_string("reflect.Value.Addr of unaddressable value"));
    }
    RValue {
        typ: Some(ptr_to(c, v.t())),
        ptr: v.ptr,
        flag: v.flag & FLAG_RO | Kind::Pointer as u64,
    }
    .store(c, 3);
    Ok(())
}

fn v_bytes(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let t = v.t();
    let (p, n) = match v.t().kind {
        Kind::Slice if v.flag != 0 => {
            if t.elem().map(|e| e.kind) != Some(Kind::Uint8) {
                return Err(panic_string("reflect.Value.Bytes of non-byte slice"));
            }
            c.set(5, mem::load_u64(v.ptr + 16));
            (mem::load_u64(v.ptr), mem::load_u64(v.ptr + 8))
        }
        Kind::Array if v.flag != 0 => {
            if t.elem().map(|e| e.kind) != Some(Kind::Uint8) {
                return Err(panic_string("reflect.Value.Bytes of non-byte array"));
            }
            if v.flag & FLAG_ADDR == 0 {
                return Err(panic_string(
                    "reflect.Value.Bytes of unaddressable byte array",
                ));
            }
            let n = t.size as u64;
            c.set(5, n);
            (v.ptr, n)
        }
        _ => return Err(value_error(c, "reflect.Value.Bytes", v.kind())),
    };
    c.set(3, p);
    c.set(4, n);
    Ok(())
}

fn v_map_index(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let k = RValue::load(c, 3);
    let r = v.map_index(c, k)?;
    r.store(c, 6);
    Ok(())
}

fn v_map_keys(c: &mut Ctx<'_, '_>) -> R {
    let keys = RValue::load(c, 0).map_keys(c)?;
    set_values(c, 3, &keys);
    Ok(())
}

fn v_set_map_index(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let (key, elem) = (RValue::load(c, 3), RValue::load(c, 6));
    v.must_be(c, Kind::Map, "reflect.Value.SetMapIndex")?;
    v.must_be_exported(c, "reflect.Value.SetMapIndex")?;
    key.must_be_exported(c, "reflect.Value.SetMapIndex")?;
    let t = v.t();
    let TypeExtra::Map {
        key: kt, elem: et, ..
    } = t.extra
    else {
        return Ok(());
    };
    let key = key.assign_to(c, "reflect.Value.SetMapIndex", kt, 0)?;
    let kcell = Box::new(key.ptr);
    let k = if key.flag & FLAG_INDIR != 0 {
        key.ptr
    } else {
        &*kcell as *const u64 as u64
    };
    let h = v.pointer();
    if elem.typ.is_none() {
        return crate::map::mapdelete(t, h, k).map_err(Raise::Error);
    }
    elem.must_be_exported(c, "reflect.Value.SetMapIndex")?;
    let elem = elem.assign_to(c, "reflect.Value.SetMapIndex", et, 0)?;
    let e = crate::map::mapassign(t, h, k).map_err(Raise::Error)?;
    if elem.flag & FLAG_INDIR != 0 {
        mem::memmove(e, elem.ptr, et.size);
    } else {
        mem::store_u64(e, elem.ptr);
    }
    Ok(())
}

fn v_set(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let x = RValue::load(c, 3);
    v.must_be_assignable(c, "reflect.Value.Set")?;
    x.must_be_exported(c, "reflect.Value.Set")?;
    let target = if v.is(Kind::Interface) { v.ptr } else { 0 };
    let x = x.assign_to(c, "reflect.Set", v.t(), target)?;
    if x.flag & FLAG_INDIR != 0 {
        if x.ptr != v.ptr {
            mem::memmove(v.ptr, x.ptr, v.t().size);
        }
    } else {
        mem::store_u64(v.ptr, x.ptr);
    }
    Ok(())
}

fn v_set_int(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be_assignable(c, "reflect.Value.SetInt")?;
    let x = c.arg(3);
    match v.t().kind {
        Kind::Int | Kind::Int64 => mem::store_u64(v.ptr, x),
        Kind::Int32 => mem::store_u32(v.ptr, x as u32),
        Kind::Int16 => mem::store_u16(v.ptr, x as u16),
        Kind::Int8 => mem::store_u8(v.ptr, x as u8),
        _ => return Err(value_error(c, "reflect.Value.SetInt", v.kind())),
    }
    Ok(())
}

fn v_set_uint(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be_assignable(c, "reflect.Value.SetUint")?;
    let x = c.arg(3);
    match v.t().kind {
        Kind::Uint | Kind::Uint64 | Kind::Uintptr => mem::store_u64(v.ptr, x),
        Kind::Uint32 => mem::store_u32(v.ptr, x as u32),
        Kind::Uint16 => mem::store_u16(v.ptr, x as u16),
        Kind::Uint8 => mem::store_u8(v.ptr, x as u8),
        _ => return Err(value_error(c, "reflect.Value.SetUint", v.kind())),
    }
    Ok(())
}

fn v_set_float(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be_assignable(c, "reflect.Value.SetFloat")?;
    let x = c.f64(3);
    match v.t().kind {
        Kind::Float32 => mem::store_u32(v.ptr, (x as f32).to_bits()),
        Kind::Float64 => mem::store_u64(v.ptr, x.to_bits()),
        _ => return Err(value_error(c, "reflect.Value.SetFloat", v.kind())),
    }
    Ok(())
}

fn v_set_complex(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be_assignable(c, "reflect.Value.SetComplex")?;
    let (re, im) = (c.f64(3), c.f64(4));
    match v.t().kind {
        Kind::Complex64 => {
            mem::store_u32(v.ptr, (re as f32).to_bits());
            mem::store_u32(v.ptr + 4, (im as f32).to_bits());
        }
        Kind::Complex128 => {
            mem::store_u64(v.ptr, re.to_bits());
            mem::store_u64(v.ptr + 8, im.to_bits());
        }
        _ => return Err(value_error(c, "reflect.Value.SetComplex", v.kind())),
    }
    Ok(())
}

fn v_set_bool(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be_assignable(c, "reflect.Value.SetBool")?;
    v.must_be(c, Kind::Bool, "reflect.Value.SetBool")?;
    mem::store_u8(v.ptr, (c.arg(3) & 1) as u8);
    Ok(())
}

fn v_set_string(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    v.must_be_assignable(c, "reflect.Value.SetString")?;
    v.must_be(c, Kind::String, "reflect.Value.SetString")?;
    mem::store_u64(v.ptr, c.arg(3));
    mem::store_u64(v.ptr + 8, c.arg(4));
    Ok(())
}

fn v_overflow_int(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    match v.t().kind {
        Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 if v.flag != 0 => {
            let x = c.arg(3) as i64;
            let bits = 64 - 8 * v.t().size as u32;
            let trunc = x.wrapping_shl(bits).wrapping_shr(bits);
            c.set_bool(4, x != trunc);
            Ok(())
        }
        _ => Err(value_error(c, "reflect.Value.OverflowInt", v.kind())),
    }
}

fn v_overflow_uint(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    match v.t().kind {
        Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr
            if v.flag != 0 =>
        {
            let x = c.arg(3);
            let bits = 64 - 8 * v.t().size as u32;
            let trunc = x.wrapping_shl(bits).wrapping_shr(bits);
            c.set_bool(4, x != trunc);
            Ok(())
        }
        _ => Err(value_error(c, "reflect.Value.OverflowUint", v.kind())),
    }
}

fn v_overflow_float(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    match v.t().kind {
        Kind::Float32 if v.flag != 0 => {
            let x = c.f64(3).abs();
            c.set_bool(4, (f32::MAX as f64) < x && x <= f64::MAX);
            Ok(())
        }
        Kind::Float64 if v.flag != 0 => {
            c.set_bool(4, false);
            Ok(())
        }
        _ => Err(value_error(c, "reflect.Value.OverflowFloat", v.kind())),
    }
}

fn zero(c: &mut Ctx<'_, '_>) -> R {
    let Some(t) = type_from_addr(c.arg(1)) else {
        return Err(panic_string("reflect: Zero(nil)"));
    };
    let v = if t.is_direct_iface() {
        RValue {
            typ: Some(t),
            ptr: 0,
            flag: t.kind as u64,
        }
    } else {
        RValue {
            typ: Some(t),
            ptr: unsafe_new(t),
            flag: t.kind as u64 | FLAG_INDIR,
        }
    };
    v.store(c, 2);
    Ok(())
}

fn new(c: &mut Ctx<'_, '_>) -> R {
    let Some(t) = type_from_addr(c.arg(1)) else {
        return Err(panic_string("reflect: New(nil)"));
    };
    let p = unsafe_new(t);
    RValue {
        typ: Some(ptr_to(c, t)),
        ptr: p,
        flag: Kind::Pointer as u64,
    }
    .store(c, 2);
    Ok(())
}

fn make_map(c: &mut Ctx<'_, '_>) -> R {
    let v = make_map_sized(c, 0)?;
    v.store(c, 2);
    Ok(())
}

fn make_map_with_size(c: &mut Ctx<'_, '_>) -> R {
    let v = make_map_sized(c, c.arg(2) as i64)?;
    v.store(c, 3);
    Ok(())
}

/// reflect.MakeMapWithSize of the Type at slots 0, 1.
fn make_map_sized(c: &Ctx<'_, '_>, n: i64) -> Result<RValue, Raise> {
    let Some(t) = type_from_addr(c.arg(1)) else {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    };
    if t.kind != Kind::Map {
        return Err(panic_string("reflect.MakeMapWithSize of non-map type"));
    }
    let h = crate::map::makemap(t, n).map_err(Raise::Error)?;
    Ok(RValue {
        typ: Some(t),
        ptr: h,
        flag: Kind::Map as u64,
    })
}

fn v_call(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let (arr, n) = (c.arg(3), c.arg(4));
    let args: Vec<RValue> = (0..n)
        .map(|k| {
            let p = arr + 24 * k;
            RValue {
                typ: type_from_addr(mem::load_u64(p)),
                ptr: mem::load_u64(p + 8),
                flag: mem::load_u64(p + 16),
            }
        })
        .collect();
    let out = v.call(c, &args)?;
    set_values(c, 6, &out);
    Ok(())
}

fn v_convert(c: &mut Ctx<'_, '_>) -> R {
    let v = RValue::load(c, 0);
    let Some(t) = type_from_addr(c.arg(4)) else {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    };
    let r = v.convert(c, t)?;
    r.store(c, 5);
    Ok(())
}

pub(in crate::natives) const NATIVES: &[Native] = &[
    native("reflect.ValueOf", 2, 3, value_of),
    native("reflect.Zero", 2, 3, zero),
    native("reflect.New", 2, 3, new),
    native("reflect.Indirect", 3, 3, indirect),
    native("reflect.MakeMap", 2, 3, make_map),
    native("reflect.MakeMapWithSize", 3, 3, make_map_with_size),
    native("reflect.Value.Kind", 3, 1, v_kind),
    native("reflect.Value.Call", 6, 3, v_call),
    native("reflect.Value.Convert", 5, 3, v_convert),
    native("reflect.Value.Type", 3, 2, v_type),
    native("reflect.Value.Int", 3, 1, v_int),
    native("reflect.Value.Uint", 3, 1, v_uint),
    native("reflect.Value.Float", 3, 1, v_float),
    native("reflect.Value.Complex", 3, 2, v_complex),
    native("reflect.Value.Bool", 3, 1, v_bool),
    native("reflect.Value.String", 3, 2, v_string),
    native("reflect.Value.Len", 3, 1, v_len),
    native("reflect.Value.Cap", 3, 1, v_cap),
    native("reflect.Value.Index", 4, 3, v_index),
    native("reflect.Value.Field", 4, 3, v_field),
    native("reflect.Value.FieldByName", 5, 3, v_field_by_name),
    native("reflect.Value.NumField", 3, 1, v_num_field),
    native("reflect.Value.Elem", 3, 3, v_elem),
    native("reflect.Value.IsNil", 3, 1, v_is_nil),
    native("reflect.Value.IsValid", 3, 1, v_is_valid),
    native("reflect.Value.IsZero", 3, 1, v_is_zero),
    native("reflect.Value.Interface", 3, 2, v_interface),
    native("reflect.Value.CanInterface", 3, 1, v_can_interface),
    native("reflect.Value.CanAddr", 3, 1, v_can_addr),
    native("reflect.Value.CanSet", 3, 1, v_can_set),
    native("reflect.Value.CanInt", 3, 1, v_can_int),
    native("reflect.Value.CanUint", 3, 1, v_can_uint),
    native("reflect.Value.CanFloat", 3, 1, v_can_float),
    native("reflect.Value.CanComplex", 3, 1, v_can_complex),
    native("reflect.Value.Pointer", 3, 1, v_pointer),
    native("reflect.Value.UnsafeAddr", 3, 1, v_unsafe_addr),
    native("reflect.Value.Addr", 3, 3, v_addr),
    native("reflect.Value.Bytes", 3, 3, v_bytes),
    native("reflect.Value.MapIndex", 6, 3, v_map_index),
    native("reflect.Value.MapKeys", 3, 3, v_map_keys),
    native("reflect.Value.SetMapIndex", 9, 0, v_set_map_index),
    native("reflect.Value.Set", 6, 0, v_set),
    native("reflect.Value.SetInt", 4, 0, v_set_int),
    native("reflect.Value.SetUint", 4, 0, v_set_uint),
    native("reflect.Value.SetFloat", 4, 0, v_set_float),
    native("reflect.Value.SetComplex", 5, 0, v_set_complex),
    native("reflect.Value.SetBool", 4, 0, v_set_bool),
    native("reflect.Value.SetString", 5, 0, v_set_string),
    native("reflect.Value.OverflowInt", 4, 1, v_overflow_int),
    native("reflect.Value.OverflowUint", 4, 1, v_overflow_uint),
    native("reflect.Value.OverflowFloat", 4, 1, v_overflow_float),
];
