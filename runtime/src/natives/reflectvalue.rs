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

use super::reflect::{directly_assignable, implements, set_type, value_error};
use super::{native, panic_string, Ctx, Native};
use crate::itab::{getitab, itab_from_addr};
use crate::mem;
use crate::natives::fmtvalue::{go_bytes, load_int, load_uint};
use crate::types::{tflag, type_from_addr, Kind, Type, TypeExtra, TypeRef};
use crate::vm::Raise;

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
fn ptr_to(c: &Ctx<'_, '_>, t: &'static Type) -> &'static Type {
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
    if let Some((_, path)) = super::reflect::field_by_name(v.t(), &name) {
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

pub(super) const NATIVES: &[Native] = &[
    native("reflect.ValueOf", 2, 3, value_of),
    native("reflect.Zero", 2, 3, zero),
    native("reflect.New", 2, 3, new),
    native("reflect.Indirect", 3, 3, indirect),
    native("reflect.MakeMap", 2, 3, make_map),
    native("reflect.MakeMapWithSize", 3, 3, make_map_with_size),
    native("reflect.Value.Kind", 3, 1, v_kind),
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
