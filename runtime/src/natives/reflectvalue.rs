//! reflect.Value (reflect/value.go) as natives. A Value has gc's layout
//! {typ *rtype, ptr unsafe.Pointer, flag} (3 slots): `typ` is a descriptor
//! address, `flag` gc's bits (kind in the low 5, then stickyRO, embedRO,
//! indir, addr, method), and `ptr` the value itself for pointer-shaped
//! types without flagIndir, else the address of the value's memory.
//!
//! [`RValue`] holds one in Rust; its methods are gc's (Elem, Field, Index,
//! Int, ...) with gc's panics (`*reflect.ValueError`, `reflect: slice
//! index out of range`), shared with deepequal.rs.

use std::sync::OnceLock;

use super::reflect::{directly_assignable, implements, value_error};
use super::{panic_string, Ctx};
use crate::itab::{getitab, itab_from_addr};
use crate::mem;
use crate::natives::fmtvalue::{go_bytes, load_int, load_uint};
use crate::types::{tflag, type_from_addr, Kind, Type, TypeExtra, TypeRef};
use crate::vm::Raise;

mod call;
mod mapiter;
mod natives;
mod slices;
pub(super) use mapiter::NATIVES as MAPITER_NATIVES;
pub(super) use natives::NATIVES;
pub(super) use slices::NATIVES as SLICE_NATIVES;

type R = Result<(), Raise>;

const FLAG_KIND_MASK: u64 = 0x1f;
const FLAG_STICKY_RO: u64 = 1 << 5;
const FLAG_EMBED_RO: u64 = 1 << 6;
const FLAG_INDIR: u64 = 1 << 7;
const FLAG_ADDR: u64 = 1 << 8;
const FLAG_RO: u64 = FLAG_STICKY_RO | FLAG_EMBED_RO;

/// One reflect.Value.
#[derive(Clone, Copy, Debug)]
pub(super) struct RValue {
    pub typ: Option<&'static Type>,
    pub ptr: u64,
    pub flag: u64,
}

/// The invalid (zero) Value.
pub(super) const INVALID: RValue = RValue {
    typ: None,
    ptr: 0,
    flag: 0,
};

impl RValue {
    /// The Value at slots `i..i+3`.
    pub fn load(c: &Ctx<'_, '_>, i: u32) -> RValue {
        RValue {
            typ: type_from_addr(c.arg(i)),
            ptr: c.arg(i + 1),
            flag: c.arg(i + 2),
        }
    }

    /// Writes the Value to slots `i..i+3`.
    pub fn store(self, c: &mut Ctx<'_, '_>, i: u32) {
        c.set(i, self.typ.map_or(0, |t| t.addr()));
        c.set(i + 1, self.ptr);
        c.set(i + 2, self.flag);
    }

    /// Writes the Value to memory at `p` (24 bytes).
    fn store_mem(self, p: u64) {
        mem::store_u64(p, self.typ.map_or(0, |t| t.addr()));
        mem::store_u64(p + 8, self.ptr);
        mem::store_u64(p + 16, self.flag);
    }

    pub fn kind(self) -> u64 {
        self.flag & FLAG_KIND_MASK
    }

    fn ro(self) -> u64 {
        if self.flag & FLAG_RO != 0 {
            FLAG_STICKY_RO
        } else {
            0
        }
    }

    fn is(self, k: Kind) -> bool {
        self.kind() == k as u64
    }

    /// The type of a valid Value (callers check the kind first).
    fn t(self) -> &'static Type {
        self.typ.unwrap_or(&crate::types::UNSET)
    }

    /// gc's pointer(): the word of a pointer-shaped value.
    pub fn pointer(self) -> u64 {
        if self.flag & FLAG_INDIR != 0 {
            mem::load_u64(self.ptr)
        } else {
            self.ptr
        }
    }

    /// `panic(&ValueError{method, v.kind()})` unless the kind is `k`.
    fn must_be(self, c: &Ctx<'_, '_>, k: Kind, method: &str) -> R {
        if self.is(k) {
            Ok(())
        } else {
            Err(value_error(c, method, self.kind()))
        }
    }

    /// gc's mustBeExported.
    fn must_be_exported(self, c: &Ctx<'_, '_>, method: &str) -> R {
        if self.flag == 0 {
            return Err(value_error(c, method, 0));
        }
        if self.flag & FLAG_RO != 0 {
            return Err(panic_string(&format!(
                "reflect: {method} using value obtained using unexported field"
            )));
        }
        Ok(())
    }

    /// gc's mustBeAssignable.
    fn must_be_assignable(self, c: &Ctx<'_, '_>, method: &str) -> R {
        if self.flag & FLAG_RO != 0 || self.flag & FLAG_ADDR == 0 {
            if self.flag == 0 {
                return Err(value_error(c, method, 0));
            }
            if self.flag & FLAG_RO != 0 {
                return Err(panic_string(&format!(
                    "reflect: {method} using value obtained using unexported field"
                )));
            }
            return Err(panic_string(&format!(
                "reflect: {method} using unaddressable value"
            )));
        }
        Ok(())
    }

    /// gc's unpackEface of the eface words (type, data).
    pub fn from_eface(e: (u64, u64)) -> RValue {
        let Some(t) = type_from_addr(e.0) else {
            return INVALID;
        };
        let mut f = t.kind as u64;
        if !t.is_direct_iface() {
            f |= FLAG_INDIR;
        }
        RValue {
            typ: Some(t),
            ptr: e.1,
            flag: f,
        }
    }

    /// The eface held by the interface value at `p` of interface type `t`.
    fn iface_words(t: &Type, p: u64) -> (u64, u64) {
        let (w0, w1) = (mem::load_u64(p), mem::load_u64(p + 8));
        match &t.extra {
            TypeExtra::Interface { methods } if !methods.is_empty() => {
                (itab_from_addr(w0).map_or(0, |tab| tab.typ.addr()), w1)
            }
            _ => (w0, w1),
        }
    }

    /// gc's packEface: the eface of a valid, non-interface Value.
    fn pack_eface(self) -> (u64, u64) {
        let t = self.t();
        if !t.is_direct_iface() {
            let mut p = self.ptr;
            if self.flag & FLAG_ADDR != 0 {
                let c = unsafe_new(t);
                mem::memmove(c, p, t.size);
                p = c;
            }
            (t.addr(), p)
        } else if self.flag & FLAG_INDIR != 0 {
            (t.addr(), mem::load_u64(self.ptr))
        } else {
            (t.addr(), self.ptr)
        }
    }

    /// gc's valueInterface.
    pub fn interface(self, c: &Ctx<'_, '_>, safe: bool) -> Result<(u64, u64), Raise> {
        if self.flag == 0 {
            return Err(value_error(c, "reflect.Value.Interface", 0));
        }
        if safe && self.flag & FLAG_RO != 0 {
            return Err(panic_string(
                "reflect.Value.Interface: cannot return value obtained from unexported field or method",
            ));
        }
        if self.is(Kind::Interface) {
            return Ok(RValue::iface_words(self.t(), self.ptr));
        }
        Ok(self.pack_eface())
    }

    /// gc's Elem.
    pub fn elem(self, c: &Ctx<'_, '_>) -> Result<RValue, Raise> {
        match self.kind() {
            k if k == Kind::Interface as u64 => {
                let mut x = RValue::from_eface(RValue::iface_words(self.t(), self.ptr));
                if x.flag != 0 {
                    x.flag |= self.ro();
                }
                Ok(x)
            }
            k if k == Kind::Pointer as u64 => {
                let p = self.pointer();
                if p == 0 {
                    return Ok(INVALID);
                }
                let Some(t) = self.t().elem() else {
                    return Ok(INVALID);
                };
                Ok(RValue {
                    typ: Some(t),
                    ptr: p,
                    flag: self.flag & FLAG_RO | FLAG_INDIR | FLAG_ADDR | t.kind as u64,
                })
            }
            k => Err(value_error(c, "reflect.Value.Elem", k)),
        }
    }

    /// gc's Field.
    pub fn field(self, c: &Ctx<'_, '_>, i: i64) -> Result<RValue, Raise> {
        self.must_be(c, Kind::Struct, "reflect.Value.Field")?;
        let fields = super::reflect::fields(self.t()).unwrap_or(&[]);
        let Some(f) = usize::try_from(i).ok().and_then(|i| fields.get(i)) else {
            return Err(panic_string("reflect: Field index out of range"));
        };
        let mut fl = self.flag & (FLAG_STICKY_RO | FLAG_INDIR | FLAG_ADDR) | f.typ.kind as u64;
        if !f.exported {
            fl |= if f.embedded {
                FLAG_EMBED_RO
            } else {
                FLAG_STICKY_RO
            };
        }
        Ok(RValue {
            typ: Some(f.typ),
            ptr: self.ptr + f.offset as u64,
            flag: fl,
        })
    }

    /// gc's NumField.
    pub fn num_field(self, c: &Ctx<'_, '_>) -> Result<usize, Raise> {
        self.must_be(c, Kind::Struct, "reflect.Value.NumField")?;
        Ok(super::reflect::fields(self.t()).map_or(0, |f| f.len()))
    }

    /// gc's Index.
    pub fn index(self, c: &Ctx<'_, '_>, i: i64) -> Result<RValue, Raise> {
        let t = self.t();
        match self.kind() {
            k if k == Kind::Array as u64 => {
                let TypeExtra::Array { elem, len } = t.extra else {
                    return Err(value_error(c, "reflect.Value.Index", k));
                };
                if i < 0 || i as usize >= len {
                    return Err(panic_string("reflect: array index out of range"));
                }
                Ok(RValue {
                    typ: Some(elem),
                    ptr: self.ptr + i as u64 * elem.size as u64,
                    flag: self.flag & (FLAG_INDIR | FLAG_ADDR) | self.ro() | elem.kind as u64,
                })
            }
            k if k == Kind::Slice as u64 => {
                let (data, n) = (mem::load_u64(self.ptr), mem::load_u64(self.ptr + 8));
                if i < 0 || i as u64 >= n {
                    return Err(panic_string("reflect: slice index out of range"));
                }
                let elem = t.elem().unwrap_or(&crate::types::UNSET);
                Ok(RValue {
                    typ: Some(elem),
                    ptr: data + i as u64 * elem.size as u64,
                    flag: FLAG_ADDR | FLAG_INDIR | self.ro() | elem.kind as u64,
                })
            }
            k if k == Kind::String as u64 => {
                let (data, n) = (mem::load_u64(self.ptr), mem::load_u64(self.ptr + 8));
                if i < 0 || i as u64 >= n {
                    return Err(panic_string("reflect: string index out of range"));
                }
                Ok(RValue {
                    typ: Some(uint8_type(c)),
                    ptr: data + i as u64,
                    flag: self.ro() | Kind::Uint8 as u64 | FLAG_INDIR,
                })
            }
            k => Err(value_error(c, "reflect.Value.Index", k)),
        }
    }

    /// gc's Len.
    pub fn len(self, c: &Ctx<'_, '_>) -> Result<i64, Raise> {
        let t = self.t();
        match t.kind {
            _ if self.flag == 0 => Err(value_error(c, "reflect.Value.Len", 0)),
            Kind::Array => match t.extra {
                TypeExtra::Array { len, .. } => Ok(len as i64),
                _ => Ok(0),
            },
            Kind::Slice | Kind::String => Ok(mem::load_u64(self.ptr + 8) as i64),
            Kind::Map => Ok(crate::map::maplen(self.pointer())),
            Kind::Chan => {
                let p = self.pointer();
                Ok(if p == 0 { 0 } else { mem::load_u64(p) as i64 })
            }
            Kind::Pointer => match t.elem().map(|e| &e.extra) {
                Some(TypeExtra::Array { len, .. }) => Ok(*len as i64),
                _ => Err(value_error(c, "reflect.Value.Len", self.kind())),
            },
            _ => Err(value_error(c, "reflect.Value.Len", self.kind())),
        }
    }

    /// gc's IsNil.
    pub fn is_nil(self, c: &Ctx<'_, '_>) -> Result<bool, Raise> {
        match self.t().kind {
            _ if self.flag == 0 => Err(value_error(c, "reflect.Value.IsNil", 0)),
            Kind::Chan | Kind::Func | Kind::Map | Kind::Pointer | Kind::UnsafePointer => {
                Ok(self.pointer() == 0)
            }
            Kind::Interface | Kind::Slice => Ok(mem::load_u64(self.ptr) == 0),
            _ => Err(value_error(c, "reflect.Value.IsNil", self.kind())),
        }
    }

    /// gc's Int.
    pub fn int(self, c: &Ctx<'_, '_>) -> Result<i64, Raise> {
        match self.t().kind {
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 if self.flag != 0 => {
                Ok(load_int(self.t(), self.ptr))
            }
            _ => Err(value_error(c, "reflect.Value.Int", self.kind())),
        }
    }

    /// gc's Uint.
    pub fn uint(self, c: &Ctx<'_, '_>) -> Result<u64, Raise> {
        match self.t().kind {
            Kind::Uint
            | Kind::Uint8
            | Kind::Uint16
            | Kind::Uint32
            | Kind::Uint64
            | Kind::Uintptr
                if self.flag != 0 =>
            {
                Ok(load_uint(self.t(), self.ptr))
            }
            _ => Err(value_error(c, "reflect.Value.Uint", self.kind())),
        }
    }

    /// gc's Float.
    pub fn float(self, c: &Ctx<'_, '_>) -> Result<f64, Raise> {
        match self.t().kind {
            Kind::Float32 if self.flag != 0 => Ok(f32::from_bits(mem::load_u32(self.ptr)) as f64),
            Kind::Float64 if self.flag != 0 => Ok(f64::from_bits(mem::load_u64(self.ptr))),
            _ => Err(value_error(c, "reflect.Value.Float", self.kind())),
        }
    }

    /// gc's Complex.
    pub fn complex(self, c: &Ctx<'_, '_>) -> Result<(f64, f64), Raise> {
        let p = self.ptr;
        match self.t().kind {
            Kind::Complex64 if self.flag != 0 => Ok((
                f32::from_bits(mem::load_u32(p)) as f64,
                f32::from_bits(mem::load_u32(p + 4)) as f64,
            )),
            Kind::Complex128 if self.flag != 0 => Ok((
                f64::from_bits(mem::load_u64(p)),
                f64::from_bits(mem::load_u64(p + 8)),
            )),
            _ => Err(value_error(c, "reflect.Value.Complex", self.kind())),
        }
    }

    /// gc's Bool.
    pub fn bool(self, c: &Ctx<'_, '_>) -> Result<bool, Raise> {
        self.must_be(c, Kind::Bool, "reflect.Value.Bool")?;
        Ok(mem::load_u8(self.ptr) != 0)
    }

    /// The bytes of a String-kind Value.
    pub fn str_bytes(self) -> &'static [u8] {
        go_bytes(mem::load_u64(self.ptr), mem::load_u64(self.ptr + 8))
    }

    /// gc's String: the string, or `<T Value>` for other kinds.
    fn string(self) -> Vec<u8> {
        if self.flag == 0 {
            return b"<invalid Value>".to_vec();
        }
        if self.is(Kind::String) {
            return self.str_bytes().to_vec();
        }
        format!("<{} Value>", self.t().str).into_bytes()
    }

    /// gc's IsZero.
    pub fn is_zero(self, c: &Ctx<'_, '_>) -> Result<bool, Raise> {
        if self.flag == 0 {
            return Err(value_error(c, "reflect.Value.IsZero", 0));
        }
        let t = self.t();
        Ok(match t.kind {
            Kind::Bool => !self.bool(c)?,
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => self.int(c)? == 0,
            Kind::Uint
            | Kind::Uint8
            | Kind::Uint16
            | Kind::Uint32
            | Kind::Uint64
            | Kind::Uintptr => self.uint(c)? == 0,
            Kind::Float32 | Kind::Float64 => self.float(c)?.to_bits() == 0,
            Kind::Complex64 | Kind::Complex128 => {
                let (re, im) = self.complex(c)?;
                re.to_bits() == 0 && im.to_bits() == 0
            }
            Kind::Array => {
                let n = self.len(c)?;
                for i in 0..n {
                    if !self.index(c, i)?.is_zero(c)? {
                        return Ok(false);
                    }
                }
                true
            }
            Kind::Chan
            | Kind::Func
            | Kind::Interface
            | Kind::Map
            | Kind::Pointer
            | Kind::Slice
            | Kind::UnsafePointer => self.is_nil(c)?,
            Kind::String => mem::load_u64(self.ptr + 8) == 0,
            Kind::Struct => {
                let n = self.num_field(c)?;
                for i in 0..n {
                    if !self.field(c, i as i64)?.is_zero(c)? {
                        return Ok(false);
                    }
                }
                true
            }
            Kind::Invalid => return Err(value_error(c, "reflect.Value.IsZero", self.kind())),
        })
    }

    /// gc's MapIndex (`key` already of the map's key type or assignable).
    pub fn map_index(self, c: &Ctx<'_, '_>, key: RValue) -> Result<RValue, Raise> {
        self.must_be(c, Kind::Map, "reflect.Value.MapIndex")?;
        let t = self.t();
        let TypeExtra::Map {
            key: kt, elem: et, ..
        } = t.extra
        else {
            return Ok(INVALID);
        };
        let key = key.assign_to(c, "reflect.Value.MapIndex", kt, 0)?;
        let cell = Box::new(key.ptr);
        let k = if key.flag & FLAG_INDIR != 0 {
            key.ptr
        } else {
            &*cell as *const u64 as u64
        };
        let Some((_, e)) = crate::map::mapaccess_k(t, self.pointer(), k) else {
            return Ok(INVALID);
        };
        let fl = (self.flag | key.flag) & FLAG_RO | et.kind as u64;
        Ok(copy_val(et, fl, e))
    }

    /// gc's MapKeys, in the map's iteration order.
    pub fn map_keys(self, c: &Ctx<'_, '_>) -> Result<Vec<RValue>, Raise> {
        self.must_be(c, Kind::Map, "reflect.Value.MapKeys")?;
        let t = self.t();
        let TypeExtra::Map { key: kt, .. } = t.extra else {
            return Ok(Vec::new());
        };
        let fl = self.ro() | kt.kind as u64;
        let h = self.pointer();
        let n = crate::map::maplen(h);
        let mut out = Vec::new();
        let mut it = crate::map::HIter::init(t, h);
        while it.key != 0 && (out.len() as i64) < n {
            out.push(copy_val(kt, fl, it.key));
            it.next();
        }
        Ok(out)
    }

    /// gc's assignTo: the Value as a value of type `dst` (writing an
    /// interface conversion to `target` when given, else a new cell).
    fn assign_to(
        self,
        c: &Ctx<'_, '_>,
        context: &str,
        dst: &'static Type,
        target: u64,
    ) -> Result<RValue, Raise> {
        let vt = self.t();
        if directly_assignable(dst, vt) {
            return Ok(RValue {
                typ: Some(dst),
                ptr: self.ptr,
                flag: self.flag & (FLAG_ADDR | FLAG_INDIR) | self.ro() | dst.kind as u64,
            });
        }
        if implements(dst, vt) {
            let target = if target == 0 { unsafe_new(dst) } else { target };
            if self.is(Kind::Interface) && self.is_nil(c)? {
                mem::store_u64(target, 0);
                mem::store_u64(target + 8, 0);
            } else {
                let x = self.interface(c, false)?;
                let w0 = match &dst.extra {
                    TypeExtra::Interface { methods } if !methods.is_empty() => {
                        match type_from_addr(x.0).map(|xt| getitab(dst, xt)) {
                            Some(Ok(tab)) => tab.addr(),
                            _ => 0,
                        }
                    }
                    _ => x.0,
                };
                mem::store_u64(target, w0);
                mem::store_u64(target + 8, x.1);
            }
            return Ok(RValue {
                typ: Some(dst),
                ptr: target,
                flag: FLAG_INDIR | Kind::Interface as u64,
            });
        }
        Err(panic_string(&format!(
            "{context}: value of type {} is not assignable to type {}",
            vt.str, dst.str
        )))
    }
}

/// gc's unsafe_New: zeroed memory for a `t`.
fn unsafe_new(t: &'static Type) -> u64 {
    if t.size == 0 {
        return crate::malloc::zerobase();
    }
    crate::malloc::mallocgc(t.size, Some(t), true)
}

/// gc's copyVal: a Value holding a copy of the `t` at `p`.
fn copy_val(t: &'static Type, fl: u64, p: u64) -> RValue {
    if !t.is_direct_iface() {
        let c = unsafe_new(t);
        mem::memmove(c, p, t.size);
        RValue {
            typ: Some(t),
            ptr: c,
            flag: fl | FLAG_INDIR,
        }
    } else {
        RValue {
            typ: Some(t),
            ptr: mem::load_u64(p),
            flag: fl,
        }
    }
}

/// The program's descriptor of a type satisfying `f`, if it has one.
fn program_type(c: &Ctx<'_, '_>, f: impl Fn(&Type) -> bool) -> Option<&'static Type> {
    c.vm.program().types.iter().copied().find(|t| f(t))
}

/// The descriptor of uint8 (the program's, so identity holds).
fn uint8_type(c: &Ctx<'_, '_>) -> &'static Type {
    static OWN: OnceLock<&'static Type> = OnceLock::new();
    program_type(c, |t| t.kind == Kind::Uint8 && t.str == "uint8").unwrap_or_else(|| {
        OWN.get_or_init(|| {
            Box::leak(Box::new(Type {
                size: 1,
                ptrdata: 0,
                hash: 0x5ef1_0b2b,
                tflag: tflag::NAMED | tflag::REGULAR_MEMORY | tflag::UNCOMMON,
                align: 1,
                field_align: 1,
                kind: Kind::Uint8,
                gcdata: &[],
                str: "uint8",
                extra: TypeExtra::None,
                uncommon: Some(crate::types::Uncommon {
                    pkgpath: "",
                    methods: &[],
                }),
            }))
        })
    })
}

/// gc's ptrTo: the program's `*t` descriptor, or a new unnamed one.
pub(super) fn ptr_to(c: &Ctx<'_, '_>, t: &'static Type) -> &'static Type {
    if let Some(p) = program_type(c, |p| {
        p.kind == Kind::Pointer && p.elem().is_some_and(|e| std::ptr::eq(e, t))
    }) {
        return p;
    }
    type Cache = std::sync::Mutex<Vec<(usize, &'static Type)>>;
    static MADE: OnceLock<Cache> = OnceLock::new();
    let made = MADE.get_or_init(Default::default);
    let mut m = made.lock().unwrap_or_else(|e| e.into_inner());
    let key = t as *const Type as usize;
    if let Some(&(_, p)) = m.iter().find(|(k, _)| *k == key) {
        return p;
    }
    let p: &'static Type = Box::leak(Box::new(Type {
        size: 8,
        ptrdata: 8,
        hash: t.hash.rotate_left(7) ^ 0x2a,
        tflag: tflag::REGULAR_MEMORY,
        align: 8,
        field_align: 8,
        kind: Kind::Pointer,
        gcdata: &[1],
        str: Box::leak(format!("*{}", t.str).into_boxed_str()),
        extra: TypeExtra::Pointer {
            elem: TypeRef::new(t),
        },
        uncommon: None,
    }));
    m.push((key, p));
    p
}

/// The descriptor of reflect.Value's memory (for `[]Value` results): word
/// 1 (`ptr`) may point into the heap; `typ` points at static data.
fn value_shape() -> &'static Type {
    static T: OnceLock<&'static Type> = OnceLock::new();
    T.get_or_init(|| {
        Box::leak(Box::new(Type {
            size: 24,
            ptrdata: 16,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Struct,
            gcdata: &[0b10],
            str: "reflect.Value",
            extra: TypeExtra::None,
            uncommon: None,
        }))
    })
}

/// What fmt prints for a reflect.Value operand whose memory is at `p`
/// (printArg's `case reflect.Value`): the underlying value's type, the
/// address of its memory, and whether its methods may be called
/// (CanInterface). None for the invalid Value.
pub(super) fn fmt_operand(p: u64) -> Option<(&'static Type, u64, bool)> {
    let v = RValue {
        typ: type_from_addr(mem::load_u64(p)),
        ptr: mem::load_u64(p + 8),
        flag: mem::load_u64(p + 16),
    };
    let t = v.typ.filter(|_| v.flag != 0)?;
    let addr = if v.flag & FLAG_INDIR != 0 {
        v.ptr
    } else {
        p + 8
    };
    Some((t, addr, v.flag & FLAG_RO == 0))
}
