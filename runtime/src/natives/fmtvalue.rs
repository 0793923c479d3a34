//! fmt's reflection-driven printing (fmt/print.go printArg, handleMethods,
//! printValue, catchPanic) over goscope's `_type` descriptors: a Go value
//! is a `&'static Type` and the address of its memory, walked at any depth
//! as reflect would. Error/String/GoString methods are called through the
//! VM (`call_go`), so a panic in one is caught as fmt does
//! (`%!v(PANIC=String method: ...)`).
//!
//! The per-kind formatting (fmtInteger, fmtFloat, fmtString, badVerb, the
//! Printf parser) is stdlib::fmtcore's [`Printer`]; this file implements its
//! [`Arg`] for Go values.
//!
//! Example: `fmt.Println(p)` with `p := &T{1, "x"}` prints `&{1 x}`: at
//! depth 0 a pointer to a struct is followed, the struct's fields printed
//! with `{ }` and spaces.

use std::cell::{Cell, RefCell};

use crate::map::HIter;
use crate::mem;
use crate::stdlib::fmtcore::{Arg, IntValue, Kind as FKind, Printer};
use crate::types::{type_from_addr, Kind, Type, TypeExtra};
use crate::vm::{GoCallError, Vm};

/// What a whole Print call shares: the VM (for method calls) and the
/// state of Go's pp that fmtcore's Printer does not hold.
pub struct Go<'a, 'p> {
    pub vm: RefCell<&'a mut Vm<'p>>,
    /// Go's p.panicking: printing a method's panic value.
    panicking: Cell<bool>,
    /// Errorf's %w operand (Go's p.wrappedErr).
    pub wrapped: Cell<Option<(u64, u64)>>,
    /// A call into Go ended the program or a panic must be re-raised:
    /// the rest of the output is abandoned.
    pub failed: RefCell<Option<GoCallError>>,
    /// Boxes giving direct interface values an address. Rust memory, not
    /// Go heap: a Go call made while printing (a String method) may
    /// collect, and a heap cell referenced only from here would be freed.
    /// Boxed so each keeps its address while the list grows.
    #[allow(clippy::vec_box)]
    cells: RefCell<Vec<Box<u64>>>,
}

impl<'a, 'p> Go<'a, 'p> {
    pub fn new(vm: &'a mut Vm<'p>) -> Self {
        Go {
            vm: RefCell::new(vm),
            panicking: Cell::new(false),
            wrapped: Cell::new(None),
            failed: RefCell::new(None),
            cells: RefCell::new(Vec::new()),
        }
    }
}

/// One Go value: its type and the address of its memory. `iface` is the
/// eface it came from at top level (for %p and method receivers), and
/// `can_iface` is reflect's CanInterface (false below unexported fields).
#[derive(Clone, Copy)]
pub struct Value<'g, 'a, 'p> {
    pub go: &'g Go<'a, 'p>,
    /// None: a nil interface (or reflect's invalid Value).
    pub t: Option<&'static Type>,
    pub p: u64,
    pub depth: u32,
    pub can_iface: bool,
}

/// Deep enough for any value a program builds on purpose; a value that
/// contains itself through interfaces stops here instead of overflowing
/// the Rust stack.
const MAX_DEPTH: u32 = 10_000;

impl<'g, 'a, 'p> Value<'g, 'a, 'p> {
    /// The value held by the eface whose memory is at `addr`.
    pub fn from_eface_at(go: &'g Go<'a, 'p>, addr: u64, depth: u32) -> Self {
        Self::held(go, type_from_addr(mem::load_u64(addr)), addr, depth)
    }

    /// The value of the non-empty interface (itab, data) at `addr`.
    fn from_iface_at(go: &'g Go<'a, 'p>, addr: u64, depth: u32) -> Self {
        let t = crate::itab::itab_from_addr(mem::load_u64(addr)).map(|it| it.typ);
        Self::held(go, t, addr, depth)
    }

    /// The value of dynamic type `t` held by the interface at `addr`:
    /// in its data word when pointer-shaped, else where that word points.
    fn held(go: &'g Go<'a, 'p>, t: Option<&'static Type>, addr: u64, depth: u32) -> Self {
        let p = match t {
            Some(t) if t.is_direct_iface() => addr + 8,
            Some(_) => mem::load_u64(addr + 8),
            None => 0,
        };
        Value {
            go,
            t,
            p,
            depth,
            can_iface: true,
        }
    }

    fn word(&self, off: u64) -> u64 {
        mem::load_u64(self.p + off)
    }

    fn at(&self, t: &'static Type, p: u64) -> Self {
        Value {
            t: Some(t),
            p,
            depth: self.depth + 1,
            ..*self
        }
    }

    /// The eface words of this value (for panics and %w).
    pub fn eface(&self) -> (u64, u64) {
        match self.t {
            None => (0, 0),
            Some(t) if t.is_direct_iface() => (t.addr(), self.word(0)),
            Some(t) => (t.addr(), self.p),
        }
    }

    /// The method `name` of the value's method set with signature
    /// `func() string`: its function id.
    fn string_method(&self, name: &str) -> Option<u32> {
        crate::vm::interp::reenter::string_method(self.t?, name)
    }

    /// Calls a `func() string` method through the VM: Ok(text), or
    /// Err(panic value) when it panicked (recovered here, as catchPanic).
    fn call_string_method(&self, fid: u32) -> Result<Option<Vec<u8>>, (u64, u64)> {
        let t = match self.t {
            Some(t) => t,
            None => return Ok(None),
        };
        let recv = if t.is_direct_iface() {
            self.word(0)
        } else {
            self.p
        };
        let mut vm = self.go.vm.borrow_mut();
        match vm.call_go(fid, 0, &[recv], 2) {
            Ok(r) => {
                let (p, l) = (r[0], r[1]);
                Ok(Some(if l == 0 {
                    Vec::new()
                } else {
                    mem::bytes(p, l as usize).to_vec()
                }))
            }
            Err(GoCallError::Panicked) => {
                if self.go.panicking.get() {
                    // Nested panic: fmt re-panics.
                    *self.go.failed.borrow_mut() = Some(GoCallError::Panicked);
                    return Ok(None);
                }
                Err(vm.recover_native())
            }
            Err(e) => {
                *self.go.failed.borrow_mut() = Some(e);
                Ok(None)
            }
        }
    }

    fn failed(&self) -> bool {
        self.go.failed.borrow().is_some()
    }

    /// Go's handleMethods: true when a method printed the value.
    fn handle_methods(&self, p: &mut Printer, verb: char) -> bool {
        if p.erroring || self.failed() {
            return self.failed();
        }
        let mut verb = verb;
        if verb == 'w' {
            let is_err = self.string_method("Error").is_some();
            if !is_err || !p.wrap_errs || self.go.wrapped.get().is_some() {
                self.go.wrapped.set(None);
                p.wrap_errs = false;
                p.bad_verb(self, verb);
                return true;
            }
            self.go.wrapped.set(Some(self.eface()));
            verb = 'v';
        }
        if let Some((fid, state)) = self.t.and_then(super::formatter::format_method) {
            self.call_format(p, fid, state, verb);
            return true;
        }
        let (method, which) = if p.fmt.flags.sharp_v {
            match self.string_method("GoString") {
                Some(m) => (m, "GoString"),
                None => return false,
            }
        } else {
            if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
                return false;
            }
            match (self.string_method("Error"), self.string_method("String")) {
                (Some(m), _) => (m, "Error"),
                (None, Some(m)) => (m, "String"),
                _ => return false,
            }
        };
        match self.call_string_method(method) {
            Ok(Some(s)) => {
                if which == "GoString" {
                    p.fmt.fmt_s(&s);
                } else {
                    p.fmt_string(self, &s, verb);
                }
            }
            Ok(None) => {}
            Err(v) => self.catch_panic(p, v, verb, which),
        }
        true
    }

    /// Calls the value's Format method (formatter.rs), catching its panic
    /// as handleMethods' deferred catchPanic does.
    fn call_format(&self, p: &mut Printer, fid: u32, state: &'static Type, verb: char) {
        use super::formatter::{call_format, Formatted};
        let Some(t) = self.t else { return };
        let recv = if t.is_direct_iface() {
            self.word(0)
        } else {
            self.p
        };
        let r = call_format(&mut self.go.vm.borrow_mut(), p, fid, state, recv, verb);
        match r {
            Formatted::Done => {}
            Formatted::Panicked if self.go.panicking.get() => {
                *self.go.failed.borrow_mut() = Some(GoCallError::Panicked);
            }
            Formatted::Panicked => {
                let v = self.go.vm.borrow_mut().recover_native();
                self.catch_panic(p, v, verb, "Format");
            }
            Formatted::Failed(e) => *self.go.failed.borrow_mut() = Some(e),
        }
    }

    /// Go's catchPanic after a recovered panic `v` in method `which`.
    fn catch_panic(&self, p: &mut Printer, v: (u64, u64), verb: char, which: &str) {
        if let Some(t) = self.t {
            if t.kind == Kind::Pointer && self.word(0) == 0 {
                p.write(b"<nil>");
                return;
            }
        }
        let old = p.fmt.flags;
        p.fmt.clear_flags();
        p.write(b"%!");
        let mut b = [0u8; 4];
        p.write(verb.encode_utf8(&mut b).as_bytes());
        p.write(b"(PANIC=");
        p.write(which.as_bytes());
        p.write(b" method: ");
        self.go.panicking.set(true);
        let pv = eface_value(self.go, v, 0);
        p.print_arg(&pv, 'v');
        self.go.panicking.set(false);
        p.write(b")");
        p.fmt.flags = old;
    }

    /// Go's printValue.
    pub fn print_value(&self, p: &mut Printer, verb: char, depth: u32) {
        if self.failed() {
            return;
        }
        let this = Value { depth, ..*self };
        if depth > 0 && self.t.is_some() && self.can_iface && this.handle_methods(p, verb) {
            return;
        }
        let Some(t) = self.t else {
            if depth == 0 {
                p.fmt.fmt_s(b"<invalid reflect.Value>");
            } else if verb == 'v' {
                p.fmt.fmt_s(b"<nil>");
            } else {
                p.bad_verb(&this, verb);
            }
            return;
        };
        if depth > MAX_DEPTH {
            p.write(b"...");
            return;
        }
        let w = |off| mem::load_u64(self.p + off);
        match t.kind {
            Kind::Bool => p.fmt_bool(&this, mem::load_u8(self.p) != 0, verb),
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                p.fmt_integer(&this, load_int(t, self.p) as u64, true, verb)
            }
            Kind::Uint
            | Kind::Uint8
            | Kind::Uint16
            | Kind::Uint32
            | Kind::Uint64
            | Kind::Uintptr => p.fmt_integer(&this, load_uint(t, self.p), false, verb),
            Kind::Float32 => p.fmt_float(
                &this,
                f32::from_bits(mem::load_u32(self.p)) as f64,
                32,
                verb,
            ),
            Kind::Float64 => p.fmt_float(&this, f64::from_bits(w(0)), 64, verb),
            Kind::Complex64 => {
                let re = f32::from_bits(mem::load_u32(self.p)) as f64;
                let im = f32::from_bits(mem::load_u32(self.p + 4)) as f64;
                p.fmt_complex(&this, re, im, 64, verb)
            }
            Kind::Complex128 => {
                p.fmt_complex(&this, f64::from_bits(w(0)), f64::from_bits(w(8)), 128, verb)
            }
            Kind::String => p.fmt_string(&this, go_bytes(w(0), w(8)), verb),
            Kind::Map => self.print_map(p, t, verb, depth),
            Kind::Struct => self.print_struct(p, t, verb, depth),
            Kind::Interface => {
                let v = if crate::itab::is_iface(t) {
                    Value::from_iface_at(self.go, self.p, depth + 1)
                } else {
                    Value::from_eface_at(self.go, self.p, depth + 1)
                };
                if v.t.is_none() {
                    if p.fmt.flags.sharp_v {
                        p.write(t.str.as_bytes());
                        p.write(b"(nil)");
                    } else {
                        p.write(b"<nil>");
                    }
                } else {
                    let v = Value {
                        can_iface: self.can_iface,
                        ..v
                    };
                    v.print_value(p, verb, depth + 1);
                }
            }
            Kind::Array | Kind::Slice => self.print_list(p, t, verb, depth),
            Kind::Pointer => {
                if depth == 0 && w(0) != 0 {
                    if let Some(e) = t.elem() {
                        if matches!(e.kind, Kind::Array | Kind::Slice | Kind::Struct | Kind::Map) {
                            p.write(b"&");
                            self.at(e, w(0)).print_value(p, verb, depth + 1);
                            return;
                        }
                    }
                }
                self.fmt_pointer(p, verb)
            }
            Kind::Chan | Kind::Func | Kind::UnsafePointer => self.fmt_pointer(p, verb),
            Kind::Invalid => p.write(b"?"),
        }
    }

    /// Go's fmtPointer.
    fn fmt_pointer(&self, p: &mut Printer, verb: char) {
        let Some(t) = self.t else {
            p.bad_verb(self, verb);
            return;
        };
        let u = match t.kind {
            Kind::Chan
            | Kind::Func
            | Kind::Map
            | Kind::Pointer
            | Kind::Slice
            | Kind::UnsafePointer => self.word(0),
            _ => {
                p.bad_verb(self, verb);
                return;
            }
        };
        p.fmt_pointer(self, u, verb);
    }

    fn print_struct(&self, p: &mut Printer, t: &'static Type, verb: char, depth: u32) {
        let TypeExtra::Struct { fields, .. } = &t.extra else {
            // The VM's runtime.Error values: data is the Error() text.
            p.fmt_string(self, go_bytes(self.word(0), self.word(8)), verb);
            return;
        };
        if p.fmt.flags.sharp_v {
            p.write(t.str.as_bytes());
        }
        p.write(b"{");
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                p.write(if p.fmt.flags.sharp_v { b", " } else { b" " });
            }
            if (p.fmt.flags.plus_v || p.fmt.flags.sharp_v) && !f.name.is_empty() {
                p.write(f.name.as_bytes());
                p.write(b":");
            }
            let mut v = Value {
                can_iface: self.can_iface && f.exported,
                ..self.at(f.typ, self.p + f.offset as u64)
            };
            // getField: a non-nil interface field is printed as its element.
            if f.typ.kind == Kind::Interface && mem::load_u64(v.p) != 0 {
                let e = if crate::itab::is_iface(f.typ) {
                    Value::from_iface_at(self.go, v.p, depth + 1)
                } else {
                    Value::from_eface_at(self.go, v.p, depth + 1)
                };
                v = Value {
                    can_iface: v.can_iface,
                    ..e
                };
            }
            v.print_value(p, verb, depth + 1);
        }
        p.write(b"}");
    }

    fn print_list(&self, p: &mut Printer, t: &'static Type, verb: char, depth: u32) {
        let Some(elem) = t.elem() else { return };
        let (data, len, is_nil) = match t.extra {
            TypeExtra::Array { len, .. } => (self.p, len as u64, false),
            _ => (self.word(0), self.word(8), self.word(0) == 0),
        };
        if matches!(verb, 's' | 'q' | 'x' | 'X') && elem.kind == Kind::Uint8 {
            let b = go_bytes(data, len);
            p.fmt_bytes(Some(b), verb, t.str);
            return;
        }
        if p.fmt.flags.sharp_v {
            p.write(t.str.as_bytes());
            if t.kind == Kind::Slice && is_nil {
                p.write(b"(nil)");
                return;
            }
            p.write(b"{");
            for i in 0..len {
                if i > 0 {
                    p.write(b", ");
                }
                self.at(elem, data + i * elem.size as u64)
                    .print_value(p, verb, depth + 1);
            }
            p.write(b"}");
        } else {
            p.write(b"[");
            for i in 0..len {
                if i > 0 {
                    p.write(b" ");
                }
                self.at(elem, data + i * elem.size as u64)
                    .print_value(p, verb, depth + 1);
            }
            p.write(b"]");
        }
    }

    fn print_map(&self, p: &mut Printer, t: &'static Type, verb: char, depth: u32) {
        let TypeExtra::Map { key, elem, .. } = t.extra else {
            return;
        };
        let h = self.word(0);
        if p.fmt.flags.sharp_v {
            p.write(t.str.as_bytes());
            if h == 0 {
                p.write(b"(nil)");
                return;
            }
            p.write(b"{");
        } else {
            p.write(b"map[");
        }
        let mut entries = Vec::new();
        let mut it = HIter::init(t, h);
        while it.key != 0 {
            entries.push((it.key, it.elem));
            it.next();
        }
        super::fmtsort::stable_sort(&mut entries, &|a, b| {
            super::fmtsort::compare(key, a.0, b.0) == std::cmp::Ordering::Less
        });
        for (i, (k, v)) in entries.into_iter().enumerate() {
            if i > 0 {
                p.write(if p.fmt.flags.sharp_v { b", " } else { b" " });
            }
            self.at(key, k).print_value(p, verb, depth + 1);
            p.write(b":");
            self.at(elem, v).print_value(p, verb, depth + 1);
        }
        p.write(if p.fmt.flags.sharp_v { b"}" } else { b"]" });
    }
}

/// The value of the eface `v` as an operand.
pub fn eface_value<'g, 'a, 'p>(go: &'g Go<'a, 'p>, v: (u64, u64), depth: u32) -> Value<'g, 'a, 'p> {
    let t = type_from_addr(v.0);
    // A direct value lives in the data word itself: box it so the value
    // has an address like every other.
    let p = match t {
        Some(t) if t.is_direct_iface() => {
            let cell = Box::new(v.1);
            let addr = &*cell as *const u64 as u64;
            go.cells.borrow_mut().push(cell);
            addr
        }
        Some(_) => v.1,
        None => 0,
    };
    Value {
        go,
        t,
        p,
        depth,
        can_iface: true,
    }
}

/// A Go string's bytes.
pub fn go_bytes(p: u64, l: u64) -> &'static [u8] {
    if l == 0 || p == 0 {
        &[]
    } else {
        mem::bytes(p, l as usize)
    }
}

/// A signed integer of type `t` at `p`, sign-extended.
pub fn load_int(t: &Type, p: u64) -> i64 {
    match t.size {
        1 => mem::load_u8(p) as i8 as i64,
        2 => mem::load_u16(p) as i16 as i64,
        4 => mem::load_u32(p) as i32 as i64,
        _ => mem::load_u64(p) as i64,
    }
}

/// An unsigned integer of type `t` at `p`.
pub fn load_uint(t: &Type, p: u64) -> u64 {
    match t.size {
        1 => mem::load_u8(p) as u64,
        2 => mem::load_u16(p) as u64,
        4 => mem::load_u32(p) as u64,
        _ => mem::load_u64(p),
    }
}

impl Arg for Value<'_, '_, '_> {
    fn is_nil(&self) -> bool {
        self.t.is_none()
    }

    fn type_string(&self) -> String {
        self.t.map_or("<nil>", |t| t.str).to_string()
    }

    fn kind(&self) -> FKind {
        match self.t.map(|t| t.kind) {
            Some(Kind::Bool) => FKind::Bool,
            Some(Kind::Int) => FKind::Int,
            Some(Kind::Int8) => FKind::Int8,
            Some(Kind::Int16) => FKind::Int16,
            Some(Kind::Int32) => FKind::Int32,
            Some(Kind::Int64) => FKind::Int64,
            Some(Kind::Uint) => FKind::Uint,
            Some(Kind::Uint8) => FKind::Uint8,
            Some(Kind::Uint16) => FKind::Uint16,
            Some(Kind::Uint32) => FKind::Uint32,
            Some(Kind::Uint64) => FKind::Uint64,
            Some(Kind::Uintptr) => FKind::Uintptr,
            Some(Kind::Float32) => FKind::Float32,
            Some(Kind::Float64) => FKind::Float64,
            Some(Kind::Complex64) => FKind::Complex64,
            Some(Kind::Complex128) => FKind::Complex128,
            Some(Kind::String) => FKind::String,
            _ => FKind::Other,
        }
    }

    fn int_value(&self) -> Option<IntValue> {
        let t = self.t?;
        match t.kind {
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                Some(IntValue::Signed(load_int(t, self.p)))
            }
            Kind::Uint
            | Kind::Uint8
            | Kind::Uint16
            | Kind::Uint32
            | Kind::Uint64
            | Kind::Uintptr => Some(IntValue::Unsigned(load_uint(t, self.p))),
            _ => None,
        }
    }

    /// printArg after nil/%T/%p: methods at top level, then printValue.
    fn format(&self, p: &mut Printer, verb: char) {
        if p.erroring {
            // badVerb's operand: printValue at depth 0, no methods.
            self.print_value(p, verb, 0);
            return;
        }
        if self.depth == 0 && self.format_reflect_value(p, verb) {
            return;
        }
        if self.depth == 0 && self.handle_methods(p, verb) {
            return;
        }
        if let Some(t) = self.t {
            if self.depth == 0 && t.kind == Kind::Slice && t.str == "[]uint8" {
                // printArg's `case []byte`.
                let (d, l) = (self.word(0), self.word(8));
                let b = (d != 0).then(|| go_bytes(d, l));
                if p.fmt_bytes(b, verb, "[]byte") {
                    return;
                }
            }
        }
        self.print_value(p, verb, self.depth);
    }

    fn format_pointer(&self, p: &mut Printer, verb: char) {
        self.fmt_pointer(p, verb);
    }
}

impl Value<'_, '_, '_> {
    /// printArg's `case reflect.Value`: the underlying value, its methods
    /// first when it can be interfaced. False for other operands.
    fn format_reflect_value(&self, p: &mut Printer, verb: char) -> bool {
        let Some(t) = self.t else { return false };
        if t.str != "reflect.Value" || t.kind != Kind::Struct || t.size != 24 {
            return false;
        }
        let (vt, addr, can_iface) = match super::reflectvalue::fmt_operand(self.p) {
            Some(x) => (Some(x.0), x.1, x.2),
            None => (None, 0, true),
        };
        let v = Value {
            t: vt,
            p: addr,
            can_iface,
            ..*self
        };
        if vt.is_some() && can_iface && v.handle_methods(p, verb) {
            return true;
        }
        v.print_value(p, verb, 0);
        true
    }
}
