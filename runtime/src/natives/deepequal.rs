//! reflect.DeepEqual (reflect/deepequal.go) over [`RValue`]s: the same
//! walk, the same visited set of (addr1, addr2, type) for the kinds that
//! can close a cycle (pointers, maps, slices, interfaces), so cyclic
//! values compare equal where gc's do.

use std::collections::HashSet;

use super::reflectvalue::RValue;
use super::{native, Ctx, Native};
use crate::mem;
use crate::types::{Kind, Type};
use crate::vm::Raise;

/// Visited comparisons: (lower address, higher address, type).
type Visited = HashSet<(u64, u64, usize)>;

fn same_type(a: RValue, b: RValue) -> bool {
    match (a.typ, b.typ) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        (None, None) => true,
        _ => false,
    }
}

fn kind_of(v: RValue) -> Kind {
    v.typ.map_or(Kind::Invalid, |t| t.kind)
}

/// gc's deepValueEqual.
fn deep_value_equal(
    c: &Ctx<'_, '_>,
    v1: RValue,
    v2: RValue,
    visited: &mut Visited,
) -> Result<bool, Raise> {
    if v1.flag == 0 || v2.flag == 0 {
        return Ok((v1.flag == 0) == (v2.flag == 0));
    }
    if !same_type(v1, v2) {
        return Ok(false);
    }
    let t: &'static Type = match v1.typ {
        Some(t) => t,
        None => return Ok(true),
    };
    let k = kind_of(v1);
    let hard = match k {
        Kind::Pointer if t.ptrdata == 0 => false,
        Kind::Pointer | Kind::Map | Kind::Slice | Kind::Interface => {
            !v1.is_nil(c)? && !v2.is_nil(c)?
        }
        _ => false,
    };
    if hard {
        let ptrval = |v: RValue| match k {
            Kind::Pointer | Kind::Map => v.pointer(),
            _ => v.ptr,
        };
        let (mut a1, mut a2) = (ptrval(v1), ptrval(v2));
        if a1 > a2 {
            std::mem::swap(&mut a1, &mut a2);
        }
        if !visited.insert((a1, a2, t as *const Type as usize)) {
            return Ok(true);
        }
    }
    match k {
        Kind::Array => {
            for i in 0..v1.len(c)? {
                if !deep_value_equal(c, v1.index(c, i)?, v2.index(c, i)?, visited)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Kind::Slice => {
            if v1.is_nil(c)? != v2.is_nil(c)? {
                return Ok(false);
            }
            let n = v1.len(c)?;
            if n != v2.len(c)? {
                return Ok(false);
            }
            let (d1, d2) = (mem::load_u64(v1.ptr), mem::load_u64(v2.ptr));
            if d1 == d2 {
                return Ok(true);
            }
            if t.elem().map(|e| e.kind) == Some(Kind::Uint8) {
                return Ok(n == 0 || mem::memequal(d1, d2, n as usize));
            }
            for i in 0..n {
                if !deep_value_equal(c, v1.index(c, i)?, v2.index(c, i)?, visited)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Kind::Interface => {
            let (n1, n2) = (v1.is_nil(c)?, v2.is_nil(c)?);
            if n1 || n2 {
                return Ok(n1 == n2);
            }
            deep_value_equal(c, v1.elem(c)?, v2.elem(c)?, visited)
        }
        Kind::Pointer => {
            if v1.pointer() == v2.pointer() {
                return Ok(true);
            }
            deep_value_equal(c, v1.elem(c)?, v2.elem(c)?, visited)
        }
        Kind::Struct => {
            for i in 0..v1.num_field(c)? {
                let (f1, f2) = (v1.field(c, i as i64)?, v2.field(c, i as i64)?);
                if !deep_value_equal(c, f1, f2, visited)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Kind::Map => {
            if v1.is_nil(c)? != v2.is_nil(c)? {
                return Ok(false);
            }
            if v1.len(c)? != v2.len(c)? {
                return Ok(false);
            }
            if v1.pointer() == v2.pointer() {
                return Ok(true);
            }
            for key in v1.map_keys(c)? {
                let (e1, e2) = (v1.map_index(c, key)?, v2.map_index(c, key)?);
                if e1.flag == 0 || e2.flag == 0 || !deep_value_equal(c, e1, e2, visited)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Kind::Func => Ok(v1.is_nil(c)? && v2.is_nil(c)?),
        Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
            Ok(v1.int(c)? == v2.int(c)?)
        }
        Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
            Ok(v1.uint(c)? == v2.uint(c)?)
        }
        Kind::String => Ok(v1.str_bytes() == v2.str_bytes()),
        Kind::Bool => Ok(v1.bool(c)? == v2.bool(c)?),
        Kind::Float32 | Kind::Float64 => Ok(v1.float(c)? == v2.float(c)?),
        Kind::Complex64 | Kind::Complex128 => Ok(v1.complex(c)? == v2.complex(c)?),
        // Chan, UnsafePointer: normal equality, of the pointer words.
        _ => Ok(v1.pointer() == v2.pointer()),
    }
}

/// reflect.DeepEqual(x, y any) bool.
fn deep_equal(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let (x, y) = ((c.arg(0), c.arg(1)), (c.arg(2), c.arg(3)));
    let r = if x.0 == 0 || y.0 == 0 {
        x.0 == 0 && y.0 == 0
    } else if x.0 != y.0 {
        false
    } else {
        let mut visited = Visited::new();
        deep_value_equal(
            c,
            RValue::from_eface(x),
            RValue::from_eface(y),
            &mut visited,
        )?
    };
    c.set_bool(4, r);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[native("reflect.DeepEqual", 4, 1, deep_equal)];
