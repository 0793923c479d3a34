//! Value.Call (reflect/value.go's call) and Value.Convert (convertOp):
//! a call moves each argument Value into the callee's parameter slots
//! (docs/vm.md section 2: scalars canonical, other values in their memory
//! layout), runs the function through `Vm::call_go`, and boxes each
//! result slot group as a new Value.

use super::super::reflect::value_error;
use super::super::{panic_string, Ctx};
use super::*;

/// The slots a value of type `t` occupies (gc's size in words).
fn slots_of(t: &Type) -> usize {
    t.size.div_ceil(8)
}

/// Appends the slots of the value `v` (of type `t`) to `out`.
fn push_slots(v: RValue, t: &'static Type, out: &mut Vec<u64>) {
    if v.flag & FLAG_INDIR == 0 {
        out.push(v.ptr);
        return;
    }
    let p = v.ptr;
    match t.kind {
        Kind::Int8 | Kind::Int16 | Kind::Int32 => out.push(load_int(t, p) as u64),
        Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Bool => out.push(load_uint(t, p)),
        Kind::Float32 => out.push(mem::load_u32(p) as u64),
        _ => {
            let n = t.size;
            for k in 0..slots_of(t) {
                let off = 8 * k;
                let w = if off + 8 <= n {
                    mem::load_u64(p + off as u64)
                } else {
                    let mut b = [0u8; 8];
                    b[..n - off].copy_from_slice(mem::bytes(p + off as u64, n - off));
                    u64::from_le_bytes(b)
                };
                out.push(w);
            }
        }
    }
}

/// A new Value of type `t` holding the slots `w`.
fn value_from_slots(t: &'static Type, w: &[u64]) -> RValue {
    if t.is_direct_iface() {
        return RValue {
            typ: Some(t),
            ptr: w.first().copied().unwrap_or(0),
            flag: t.kind as u64,
        };
    }
    let p = unsafe_new(t);
    let n = t.size;
    for (k, word) in w.iter().enumerate() {
        let off = 8 * k;
        if off >= n {
            break;
        }
        let len = (n - off).min(8);
        mem::bytes_mut(p + off as u64, len).copy_from_slice(&word.to_le_bytes()[..len]);
    }
    RValue {
        typ: Some(t),
        ptr: p,
        flag: t.kind as u64 | FLAG_INDIR,
    }
}

impl RValue {
    /// gc's Value.Call: calls the func Value with `args`.
    pub fn call(self, c: &mut Ctx<'_, '_>, args: &[RValue]) -> Result<Vec<RValue>, Raise> {
        self.must_be(c, Kind::Func, "reflect.Value.Call")?;
        self.must_be_exported(c, "reflect.Value.Call")?;
        let t = self.t();
        let TypeExtra::Func {
            params,
            results,
            variadic,
        } = t.extra
        else {
            return Err(value_error(c, "reflect.Value.Call", self.kind()));
        };
        let fv = self.pointer();
        if fv == 0 {
            return Err(panic_string("reflect: call of nil function"));
        }
        let n = params.len();
        if variadic {
            if args.len() < n - 1 {
                return Err(panic_string("reflect: Call with too few input arguments"));
            }
        } else {
            if args.len() < n {
                return Err(panic_string("reflect: Call with too few input arguments"));
            }
            if args.len() > n {
                return Err(panic_string("reflect: Call with too many input arguments"));
            }
        }
        let mut words = Vec::new();
        let fixed = if variadic { n - 1 } else { n };
        for (a, pt) in args.iter().zip(params.iter()).take(fixed) {
            a.must_be_exported(c, "reflect.Value.Call")?;
            let pt = pt.get();
            let xt = a.t();
            if !directly_assignable(pt, xt) && !implements(pt, xt) {
                return Err(panic_string(&format!(
                    "reflect: Call using {} as type {}",
                    xt.str, pt.str
                )));
            }
            let x = a.assign_to(c, "reflect.Value.Call", pt, 0)?;
            push_slots(x, pt, &mut words);
        }
        if variadic {
            // The extra arguments become the final []T.
            let st = params[n - 1].get();
            let et = st.elem().unwrap_or(&crate::types::UNSET);
            let extra = &args[fixed..];
            let m = extra.len();
            let arr = if m == 0 || et.size == 0 {
                crate::malloc::zerobase()
            } else {
                crate::malloc::mallocgc(m * et.size, Some(et), true)
            };
            for (k, a) in extra.iter().enumerate() {
                let xt = a.t();
                if !directly_assignable(et, xt) && !implements(et, xt) {
                    return Err(panic_string(&format!(
                        "reflect: cannot use {} as type {} in reflect.Value.Call",
                        xt.str, et.str
                    )));
                }
                let x = a.assign_to(c, "reflect.Value.Call", et, 0)?;
                let dst = arr + (k * et.size) as u64;
                if x.flag & FLAG_INDIR != 0 {
                    mem::memmove(dst, x.ptr, et.size);
                } else {
                    mem::store_u64(dst, x.ptr);
                }
            }
            words.extend([arr, m as u64, m as u64]);
        }
        let nres: usize = results.iter().map(|r| slots_of(r.get())).sum();
        let fid = mem::load_u64(fv) as u32;
        let out = c.vm.call_go(fid, fv, &words, nres as u32)?;
        let mut at = 0;
        let mut vs = Vec::new();
        for r in results.iter() {
            let rt = r.get();
            let k = slots_of(rt);
            vs.push(value_from_slots(rt, &out[at..(at + k).min(out.len())]));
            at += k;
        }
        Ok(vs)
    }

    /// gc's Value.Convert for the conversions between basic kinds, to and
    /// from string, and between types of one underlying type.
    pub fn convert(self, c: &Ctx<'_, '_>, t: &'static Type) -> Result<RValue, Raise> {
        if self.flag == 0 {
            return Err(value_error(c, "reflect.Value.Convert", 0));
        }
        let vt = self.t();
        let bad = || {
            panic_string(&format!(
                "reflect.Value.Convert: value of type {} cannot be converted to type {}",
                vt.str, t.str
            ))
        };
        let ro = self.ro();
        let num = |v: RValue| -> Option<Num> {
            Some(match v.t().kind {
                Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                    Num::I(load_int(v.t(), v.ptr))
                }
                Kind::Uint
                | Kind::Uint8
                | Kind::Uint16
                | Kind::Uint32
                | Kind::Uint64
                | Kind::Uintptr => Num::U(load_uint(v.t(), v.ptr)),
                Kind::Float32 => Num::F(f32::from_bits(mem::load_u32(v.ptr)) as f64),
                Kind::Float64 => Num::F(f64::from_bits(mem::load_u64(v.ptr))),
                _ => return None,
            })
        };
        let is_int = |k: Kind| {
            matches!(
                k,
                Kind::Int
                    | Kind::Int8
                    | Kind::Int16
                    | Kind::Int32
                    | Kind::Int64
                    | Kind::Uint
                    | Kind::Uint8
                    | Kind::Uint16
                    | Kind::Uint32
                    | Kind::Uint64
                    | Kind::Uintptr
            )
        };
        let p = unsafe_new(t);
        let out = RValue {
            typ: Some(t),
            ptr: p,
            flag: ro | FLAG_INDIR | t.kind as u64,
        };
        let store_bits = |bits: u64| match t.size {
            1 => mem::store_u8(p, bits as u8),
            2 => mem::store_u16(p, bits as u16),
            4 => mem::store_u32(p, bits as u32),
            _ => mem::store_u64(p, bits),
        };
        if let Some(n) = num(self) {
            match t.kind {
                k if is_int(k) => {
                    store_bits(match n {
                        Num::I(x) => x as u64,
                        Num::U(x) => x,
                        Num::F(x)
                            if matches!(
                                k,
                                Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64
                            ) =>
                        {
                            x as i64 as u64
                        }
                        Num::F(x) => x as u64,
                    });
                    return Ok(out);
                }
                Kind::Float32 | Kind::Float64 => {
                    let f = match n {
                        Num::I(x) => x as f64,
                        Num::U(x) => x as f64,
                        Num::F(x) => x,
                    };
                    if t.kind == Kind::Float32 {
                        mem::store_u32(p, (f as f32).to_bits());
                    } else {
                        mem::store_u64(p, f.to_bits());
                    }
                    return Ok(out);
                }
                Kind::String if !matches!(n, Num::F(_)) => {
                    let r = match n {
                        Num::I(x) => x,
                        Num::U(x) => x.min(i64::MAX as u64) as i64,
                        Num::F(_) => 0,
                    };
                    let ch = u32::try_from(r)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    let (sp, sl) = super::super::gostring(ch.to_string().as_bytes());
                    mem::store_u64(p, sp);
                    mem::store_u64(p + 8, sl);
                    return Ok(out);
                }
                _ => {}
            }
        }
        match (vt.kind, t.kind) {
            (Kind::Complex64 | Kind::Complex128, Kind::Complex64 | Kind::Complex128) => {
                let (re, im) = self.complex(c)?;
                if t.kind == Kind::Complex64 {
                    mem::store_u32(p, (re as f32).to_bits());
                    mem::store_u32(p + 4, (im as f32).to_bits());
                } else {
                    mem::store_u64(p, re.to_bits());
                    mem::store_u64(p + 8, im.to_bits());
                }
                return Ok(out);
            }
            (Kind::String, Kind::Slice) if t.elem().map(|e| e.kind) == Some(Kind::Uint8) => {
                let b = self.str_bytes();
                let et = t.elem().unwrap_or(&crate::types::UNSET);
                let arr = if b.is_empty() {
                    crate::malloc::zerobase()
                } else {
                    crate::malloc::mallocgc(b.len(), Some(et), false)
                };
                if !b.is_empty() {
                    mem::bytes_mut(arr, b.len()).copy_from_slice(b);
                }
                mem::store_u64(p, arr);
                mem::store_u64(p + 8, b.len() as u64);
                mem::store_u64(p + 16, b.len() as u64);
                return Ok(out);
            }
            (Kind::Slice, Kind::String) if vt.elem().map(|e| e.kind) == Some(Kind::Uint8) => {
                let b = go_bytes(mem::load_u64(self.ptr), mem::load_u64(self.ptr + 8)).to_vec();
                let (sp, sl) = super::super::gostring(&b);
                mem::store_u64(p, sp);
                mem::store_u64(p + 8, sl);
                return Ok(out);
            }
            _ => {}
        }
        if super::super::reflect::same_underlying(t, vt) {
            if t.is_direct_iface() {
                return Ok(RValue {
                    typ: Some(t),
                    ptr: self.pointer(),
                    flag: ro | t.kind as u64,
                });
            }
            mem::memmove(p, self.ptr, t.size);
            return Ok(out);
        }
        if t.kind == Kind::Interface && super::super::reflect::implements(t, vt) {
            let target = unsafe_new(t);
            let x = self.assign_to(c, "reflect.Value.Convert", t, target)?;
            return Ok(RValue {
                flag: x.flag | ro,
                ..x
            });
        }
        Err(bad())
    }
}

/// A numeric operand of Convert.
#[derive(Clone, Copy)]
enum Num {
    I(i64),
    U(u64),
    F(f64),
}
