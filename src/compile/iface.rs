//! Interfaces: conversions to interface types (gc's convT family and
//! static itabs), interface comparison, method calls through interfaces,
//! type assertions, type switches, and the method wrappers itabs name
//! (docs/vm.md section 4).
//!
//! An interface value is two slots: the type word (eface) or itab word
//! (iface), then the data word. Converting a concrete value stores its
//! descriptor (`TypeWord`) or the itab the compiler built with the
//! runtime's `getitab` (`ItabWord`, kept in `Program::itabs`), and the
//! data word: the value itself when pointer-shaped, else `ConvT`'s box.
//!
//! Example: `var s fmt.Stringer = T{1, 2}` compiles to `ConvT` of the
//! struct's slots (a new 16-byte object), `ItabWord` of (Stringer, T),
//! whose `fun[0]` is the wrapper `main.(*T).String` this file compiles:
//! it loads the T the data word points to and calls `main.T.String`.

use goscope_runtime::vm::Op;

use super::func::{FnBuilder, WIN};
use super::layout::K;
use super::typedesc::{pointer_shaped, PendingWrapper};
use super::{CResult, Compiler};
use crate::syntax::ast::{CaseClause, Expr, ExprKind, Stmt};
use crate::types::object::{ObjId, ObjKind};
use crate::types::ty::{Signature, Type as CType, TypeId};

impl<'c, 'a> Compiler<'c, 'a> {
    /// The interface type `e`'s value is implicitly converted to, if the
    /// caller did not take the conversion over (`expr_unconverted`).
    pub(super) fn conv_target(&self, e: &Expr) -> Option<TypeId> {
        let u = e.unparen();
        if self.conv_ok == Some(u.id) {
            return None;
        }
        let info = &self.c.info;
        let to = info
            .iface_conversions
            .get(&u.id)
            .or_else(|| info.iface_conversions.get(&e.id))
            .or_else(|| info.iface_reconversions.get(&u.id))
            .or_else(|| info.iface_reconversions.get(&e.id))?;
        Some(self.sub(*to))
    }

    /// Whether `m` is an interface's method (called through an itab).
    pub(super) fn is_iface_method(&self, m: ObjId) -> bool {
        self.c
            .types
            .signature(self.c.obj_type(m))
            .and_then(|s| s.recv)
            .is_some_and(|r| {
                let (t, _) = self.c.types.deref(self.c.obj_type(r));
                self.c.types.interface(self.lay.under(t)).is_some()
            })
    }

    /// Whether `t` is an interface with methods (its values are ifaces).
    pub(super) fn is_nonempty_iface(&self, t: TypeId) -> bool {
        self.c
            .types
            .interface(self.lay.under(t))
            .is_some_and(|_| !self.iface_method_names(t).is_empty())
    }

    /// The names of an interface's methods in itab order.
    fn iface_method_names(&self, t: TypeId) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut stack = vec![t];
        let mut guard = 0;
        while let Some(t) = stack.pop() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            let Some(it) = self.c.types.interface(self.lay.under(t)) else {
                continue;
            };
            for &m in &it.methods {
                let n = self.c.obj(m).name.as_str();
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            stack.extend(it.embeddeds.iter().copied());
        }
        out.sort_by(|a, b| {
            let ea = a.chars().next().is_some_and(char::is_uppercase);
            let eb = b.chars().next().is_some_and(char::is_uppercase);
            eb.cmp(&ea).then_with(|| a.cmp(b))
        });
        out
    }

    /// The value of `e` converted to interface type `to`, into `d..d+2`.
    pub(super) fn conv_iface_to(&mut self, e: &Expr, to: TypeId, d: u32) -> CResult<()> {
        let from = self.ty(e);
        let v = self.expr_unconverted(e)?;
        if self.lay.kind(from) == K::Iface {
            return self.conv_iface_value(v, from, to, d);
        }
        self.box_value(v, from, to, d)
    }

    /// Makes the interface of type `to` holding the `from` value in `v..`.
    pub(super) fn box_value(&mut self, v: u32, from: TypeId, to: TypeId, d: u32) -> CResult<()> {
        let ti = self.type_index(from)?;
        // A zero-size value has no slots of its own: ConvT (which yields
        // zerobase for it) reads a fresh one inside the frame instead.
        let v = if self.lay.size(from) == 0 {
            self.f.alloc(1, false)
        } else {
            v
        };
        let data = self.f.alloc(1, true);
        if pointer_shaped(&self.lay, from) {
            self.mov(data, v, 1);
        } else {
            self.f.emit(Op::ConvT {
                a: data,
                b: v,
                t: ti,
            });
        }
        if self.is_nonempty_iface(to) {
            let i = self.itab_index(to, from)?;
            self.f.emit(Op::ItabWord { a: d, i });
        } else {
            self.f.emit(Op::TypeWord { a: d, t: ti });
        }
        self.mov(d + 1, data, 1);
        Ok(())
    }

    /// An interface value in `v..v+2` of type `from` converted to
    /// interface type `to` (convI2I / convI2E).
    pub(super) fn conv_iface_value(
        &mut self,
        v: u32,
        from: TypeId,
        to: TypeId,
        d: u32,
    ) -> CResult<()> {
        let (ft, tt) = (self.rtype(from)?, self.rtype(to)?);
        if std::ptr::eq(ft, tt) {
            self.mov(d, v, 2);
            return Ok(());
        }
        let k = self.type_pair(to, from)?;
        self.f.emit(Op::ConvI { a: d, b: v, k });
        Ok(())
    }

    /// The constant naming (target, operand's static type) of an
    /// interface op.
    fn type_pair(&mut self, target: TypeId, src: TypeId) -> CResult<u32> {
        let t = self.type_index(target)? as u64;
        let s = self.type_index(src)? as u64;
        Ok(self.konst(t | (s << 32)))
    }

    /// The index in `Program::itabs` of the itab of (`inter`, `typ`).
    fn itab_index(&mut self, inter: TypeId, typ: TypeId) -> CResult<u32> {
        let (it, ct) = (self.rtype(inter)?, self.rtype(typ)?);
        let tab = goscope_runtime::itab::getitab(it, ct).map_err(|m| {
            format!(
                "goscope: internal error: {} does not implement {} (missing {m})",
                ct.str, it.str
            )
        })?;
        if let Some(i) = self.prog.itabs.iter().position(|t| std::ptr::eq(*t, tab)) {
            return Ok(i as u32);
        }
        self.prog.itabs.push(tab);
        Ok(self.prog.itabs.len() as u32 - 1)
    }

    /// `x == y` / `x != y` where one operand is an interface: the other is
    /// converted to its type first (gc's efaceeq / ifaceeq).
    pub(super) fn iface_compare(&mut self, eq: bool, x: &Expr, y: &Expr, d: u32) -> CResult<()> {
        let (xt, yt) = (self.ty(x), self.ty(y));
        // x == nil: only the type (itab) word decides, as in gc.
        for (v, other) in [(x, y), (y, x)] {
            if self.is_nil(other) && !self.is_nil(v) && self.lay.kind(self.ty(v)) == K::Iface {
                let s = self.expr(v)?;
                let z = self.f.alloc(1, false);
                self.load_word(z, 0);
                self.f.emit(if eq {
                    Op::EqI { a: d, b: s, c: z }
                } else {
                    Op::NeI { a: d, b: s, c: z }
                });
                return Ok(());
            }
        }
        let it = if self.lay.kind(xt) == K::Iface && !self.is_nil(x) {
            xt
        } else {
            yt
        };
        let side = |k: &mut Self, e: &Expr| -> CResult<u32> {
            let s = k.f.alloc(2, true);
            if k.is_nil(e) {
                k.f.emit(Op::Zero { a: s, n: 2 });
            } else {
                k.conv_iface_to(e, it, s)?;
            }
            Ok(s)
        };
        let a = side(self, x)?;
        let b = side(self, y)?;
        if self.is_nonempty_iface(it) {
            self.f.emit(Op::EqIface { a: d, b: a, c: b });
        } else {
            self.f.emit(Op::EqEface { a: d, b: a, c: b });
        }
        if !eq {
            self.f.emit(Op::Not { a: d, b: d });
        }
        Ok(())
    }

    /// `x.(T)` into `d..`; for the comma-ok form (the expression's
    /// recorded type is a (T, bool) tuple) the ok flag follows the value.
    pub(super) fn type_assert(&mut self, e: &Expr, x: &Expr, ty: &Expr, d: u32) -> CResult<()> {
        let target = self.ty(ty);
        let comma_ok = matches!(self.c.types.get(self.ty(e)), CType::Tuple(_));
        let xt = self.ty(x);
        let xv = self.expr(x)?;
        let k = self.type_pair(target, xt)?;
        self.set_line(e.pos);
        if self.lay.kind(target) == K::Iface
            && self.c.types.interface(self.lay.under(target)).is_some()
        {
            if comma_ok {
                self.f.emit(Op::AssertI2 { a: d, b: xv, k });
            } else {
                self.f.emit(Op::AssertI { a: d, b: xv, k });
            }
            return Ok(());
        }
        let w = self.f.alloc(2, true);
        if comma_ok {
            self.f.emit(Op::AssertT2 { a: w, b: xv, k });
        } else {
            self.f.emit(Op::AssertT { a: w, b: xv, k });
        }
        self.unbox(w, target, d);
        if comma_ok {
            let n = self.lay.slots(target);
            self.mov(d + n, w + 1, 1);
        }
        Ok(())
    }

    /// The `t` value an interface's data word in `w` stands for, into `d..`.
    fn unbox(&mut self, w: u32, t: TypeId, d: u32) {
        if pointer_shaped(&self.lay, t) {
            self.mov(d, w, 1);
        } else {
            self.load_mem(d, w, 0, t);
        }
    }

    /// `switch [v :=] x.(type) { ... }`: each case type is tested in
    /// source order (gc's binary search over type hashes finds the same
    /// first match); `v` has the case's type in single-type clauses and
    /// x's type otherwise.
    pub(super) fn type_switch(
        &mut self,
        s: &Stmt,
        guard: &Expr,
        body: &[CaseClause],
        label: Option<String>,
    ) -> CResult<()> {
        let ExprKind::TypeSwitchGuard { lhs, x } = &guard.kind else {
            return Err(self.unsupported(guard.pos, "type switch"));
        };
        let xt = self.ty(x);
        let xv = self.f.alloc(2, true);
        self.expr_to(x, xv)?;
        let end = self.f.new_label();
        let bodies: Vec<usize> = body.iter().map(|_| self.f.new_label()).collect();
        let mut default = None;
        for (i, cl) in body.iter().enumerate() {
            let Some(cases) = &cl.cases else {
                default = Some(bodies[i]);
                continue;
            };
            for c in cases.unpack_list() {
                self.set_line(c.pos);
                let t = bodies[i] as u32;
                if self.is_nil(c) {
                    let z = self.f.alloc(1, false);
                    self.f.emit(Op::LoadI { a: z, i: 0 });
                    self.f.emit(Op::JEq { a: xv, b: z, t });
                    continue;
                }
                let ct = self.ty(c);
                if self.c.types.interface(self.lay.under(ct)).is_some() {
                    let k = self.type_pair(ct, xt)?;
                    let r = self.f.alloc(3, true);
                    self.f.emit(Op::AssertI2 { a: r, b: xv, k });
                    self.f.emit(Op::JmpIf { a: r + 2, t });
                } else {
                    // A concrete type: x's first word is its descriptor
                    // (eface) or the one itab getitab makes for it (iface),
                    // so one comparison decides, as in gc.
                    let w = self.f.alloc(1, true);
                    if self.is_nonempty_iface(xt) {
                        // (A stenciled case type may not implement x's
                        // interface: that case never matches.)
                        let (it, cd) = (self.rtype(xt)?, self.rtype(ct)?);
                        if goscope_runtime::itab::getitab(it, cd).is_err() {
                            continue;
                        }
                        let i = self.itab_index(xt, ct)?;
                        self.f.emit(Op::ItabWord { a: w, i });
                    } else {
                        let ti = self.type_index(ct)?;
                        self.f.emit(Op::TypeWord { a: w, t: ti });
                    }
                    self.f.emit(Op::JEq { a: xv, b: w, t });
                }
            }
        }
        self.f.jmp(default.unwrap_or(end));
        self.f.targets.push(super::func::Target {
            label,
            brk: end,
            cont: None,
        });
        for (i, cl) in body.iter().enumerate() {
            self.f.place(bodies[i]);
            self.f.fallthrough_to = None;
            if lhs.is_some() {
                if let Some(&v) = self.c.info.implicits.get(&cl.pos) {
                    self.bind_case_var(v, xv, xt, s)?;
                }
            }
            self.block(&cl.body)?;
            self.f.jmp(end);
        }
        self.f.targets.pop();
        self.f.place(end);
        Ok(())
    }

    /// Declares a type switch clause's variable from the operand in `xv`.
    fn bind_case_var(&mut self, v: ObjId, xv: u32, xt: TypeId, s: &Stmt) -> CResult<()> {
        let vt = self.obj_type(v);
        let val = self.temp(vt);
        let same = std::ptr::eq(self.rtype(vt)?, self.rtype(xt)?);
        if same {
            self.mov(val, xv, 2);
        } else if self.c.types.interface(self.lay.under(vt)).is_some() {
            let k = self.type_pair(vt, xt)?;
            self.f.emit(Op::AssertI { a: val, b: xv, k });
        } else {
            // A single-type clause of a concrete type: the case matched,
            // so x's data word holds a vt.
            self.unbox(xv + 1, vt, val);
        }
        if self.needs_cell(v) {
            return self.declare(v, Some(val), s);
        }
        // `val` is fresh and lives as long as the clause: it is v.
        self.f.vars.insert(v, super::func::Loc::Reg(val));
        Ok(())
    }

    /// A call of method `sel` through the interface `x` (possibly reached
    /// through embedded fields on `path`): the window gets the data word
    /// as receiver and `CallIface` calls the itab's entry.
    pub(super) fn iface_call(
        &mut self,
        e: &Expr,
        x: &Expr,
        method: ObjId,
        path: &[usize],
        args: &[Expr],
        dots: bool,
    ) -> CResult<u32> {
        let (iv, it) = self.iface_operand(x, path)?;
        let name = self.c.obj(method).name.as_str();
        let m = self
            .iface_method_names(it)
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| self.unsupported(e.pos, "interface method"))? as u32;
        let data = iv + 1;
        self.iface_target = Some((iv, m));
        let mty = self.obj_type(method);
        let word = TypeId(crate::types::basic::BasicKind::UnsafePointer as u32);
        self.go_call_recv(e, u32::MAX, mty, Some((data, word)), args, dots)
    }

    /// The slots of the interface a method is called or taken through:
    /// `x` itself, or its embedded interface field on `path`; with that
    /// interface's type. (Slots expr gives stay as they are while call
    /// arguments are evaluated: no expression assigns a variable held in
    /// slots.)
    fn iface_operand(&mut self, x: &Expr, path: &[usize]) -> CResult<(u32, TypeId)> {
        let xt = self.ty(x);
        if path.is_empty() {
            return Ok((self.expr(x)?, xt));
        }
        let (p, off) = if self.lay.kind(xt) == K::Ptr {
            (self.expr(x)?, 0)
        } else {
            self.addr_of(x)?
        };
        let (p, off, ft) = self.field_path(p, off, xt, path)?;
        let c = self.f.alloc(2, true);
        self.load_mem(c, p, off, ft);
        Ok((c, ft))
    }

    /// `x.M` of an interface `x` (a method value) or `I.M` (a method
    /// expression) into `d`, as a funcval; None if `e` is neither.
    pub(super) fn iface_method_func(&mut self, e: &Expr, d: u32) -> CResult<Option<()>> {
        use crate::types::info::SelectionKind;
        let ExprKind::Selector { x, .. } = &e.kind else {
            return Ok(None);
        };
        let Some(sel) = self.c.info.selections.get(&e.id).cloned() else {
            return Ok(None);
        };
        if sel.kind == SelectionKind::FieldVal || !self.is_iface_method(sel.obj) {
            return Ok(None);
        }
        let path = &sel.index[..sel.index.len().saturating_sub(1)];
        if sel.kind == SelectionKind::MethodExpr {
            let it = self.ty(x);
            let id = self.iface_thunk(it, sel.obj, false)?;
            self.func_value(id, d);
            return Ok(Some(()));
        }
        // A method value: the interface is evaluated (and nil-checked, as
        // gc does) now and captured by the funcval {fn, itab, data}.
        let (iv, it) = self.iface_operand(x, path)?;
        self.set_line(e.pos);
        self.f.emit(Op::NilCheck { a: iv });
        let id = self.iface_thunk(it, sel.obj, true)?;
        self.func_value_sized(id, 24, &[(8, None), (16, None)], d);
        self.f.emit(Op::Store64 {
            a: d,
            off: 8,
            b: iv,
        });
        self.f.emit(Op::Store64 {
            a: d,
            off: 16,
            b: iv + 1,
        });
        Ok(Some(()))
    }

    /// The function behind an interface method value (`bound`: gc's
    /// `main.I.M-fm`, the interface in its funcval) or method expression
    /// (`main.I.M`, the interface its first parameter): it calls the
    /// method through the itab with the same arguments.
    fn iface_thunk(&mut self, it: TypeId, method: ObjId, bound: bool) -> CResult<u32> {
        let key = (it, method, bound);
        if let Some(&id) = self.iface_thunks.get(&key) {
            return Ok(id);
        }
        let id = self.new_func();
        self.iface_thunks.insert(key, id);
        let mname = self.c.obj(method).name.as_str();
        let name = format!(
            "{}.{mname}{}",
            self.rt.type_name(it),
            if bound { "-fm" } else { "" }
        );
        let m = self
            .iface_method_names(it)
            .iter()
            .position(|n| *n == mname)
            .unwrap_or(0) as u32;
        let saved = std::mem::replace(&mut self.f, FnBuilder::new(name));
        let saved_target = self.iface_target.take();
        self.f.wrapper = true;
        let r = self.iface_thunk_body(it, method, m, bound);
        let f = std::mem::replace(&mut self.f, saved);
        self.iface_target = saved_target;
        r?;
        let func = f.finish(&self.file)?;
        self.sync_funcs();
        self.prog.funcs[id as usize] = func;
        Ok(id)
    }

    /// A method's signature and its parameters' types.
    fn method_signature(&self, method: ObjId) -> CResult<(Signature, Vec<TypeId>)> {
        let sig = self
            .c
            .types
            .signature(self.c.obj_type(method))
            .cloned()
            .ok_or("goscope: internal error: method without signature")?;
        let params = self
            .c
            .types
            .tuple_vars(sig.params)
            .iter()
            .map(|&p| self.c.obj_type(p))
            .collect();
        Ok((sig, params))
    }

    fn iface_thunk_body(&mut self, it: TypeId, method: ObjId, m: u32, bound: bool) -> CResult<()> {
        let (sig, params) = self.method_signature(method)?;
        let rslots = self.lay.slots(sig.results);
        let recv = if bound {
            None
        } else {
            Some(self.f.alloc(2, true))
        };
        let mut pslots = Vec::new();
        for &t in &params {
            pslots.push((self.temp(t), t));
        }
        self.f.param_slots = self.f.next;
        let res = self.f.alloc(rslots, true);
        self.f.result_slots = rslots;
        let iv = match recv {
            Some(r) => r,
            None => {
                let ctx = self.f.alloc(1, true);
                self.f.emit(Op::LoadCtxt { a: ctx });
                let iv = self.f.alloc(2, true);
                self.load_mem(iv, ctx, 8, it);
                iv
            }
        };
        self.mov(WIN, iv + 1, 1);
        let mut at = 1;
        for &(s, t) in &pslots {
            let n = self.lay.slots(t);
            self.mov(WIN + at, s, n);
            at += n;
        }
        self.f.use_window(at + rslots);
        self.f.emit(Op::CallIface { a: WIN, b: iv, m });
        self.mov(res, WIN + at, rslots);
        self.f.epilogue = self.f.code.len() as u32;
        self.f.emit(Op::Ret {});
        Ok(())
    }

    /// Compiles every method wrapper the descriptors reserved (more may
    /// be reserved while compiling, so until none is left).
    pub(super) fn compile_wrappers(&mut self) -> CResult<()> {
        loop {
            let pending = self.take_pending_wrappers();
            if pending.is_empty() {
                return Ok(());
            }
            for w in pending {
                let f = self.wrapper(w)?;
                self.sync_funcs();
                self.prog.funcs[w.id as usize] = f;
            }
        }
    }

    /// The embedded-field path from a value of type `base` to the type
    /// declaring `method` (or to an embedded interface that has it): a
    /// breadth-first search, the shallowest match winning as in Go's
    /// selector rules.
    fn method_path(&self, base: TypeId, method: ObjId) -> Option<(Vec<usize>, TypeId)> {
        let name = self.c.obj(method).name;
        let mut level: Vec<(TypeId, Vec<usize>)> = vec![(base, Vec::new())];
        for _ in 0..32 {
            let mut next = Vec::new();
            for (t, path) in level {
                let (b, _) = self.c.types.deref(t);
                if let Some(n) = self.c.types.named(b) {
                    // An instance's own (expanded) methods, or its origin's.
                    let o = n.orig.and_then(|o| self.c.types.named(o)).unwrap_or(n);
                    let mut ms = n.methods.iter().chain(&o.methods).flatten();
                    if ms.any(|&m| m == method) {
                        return Some((path, t));
                    }
                }
                let u = self.lay.under(b);
                if !path.is_empty() && self.c.types.interface(u).is_some() {
                    if self.iface_method_names(b).contains(&name.as_str()) {
                        return Some((path, t));
                    }
                    continue;
                }
                if let Some(st) = self.c.types.struct_type(u) {
                    for (i, &f) in st.fields.iter().enumerate() {
                        if let ObjKind::Var { embedded: true, .. } = self.c.obj(f).kind {
                            let mut p = path.clone();
                            p.push(i);
                            next.push((self.c.obj_type(f), p));
                        }
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            level = next;
        }
        None
    }

    /// gc's name of the wrapper of `method` for receivers of type `recv`.
    fn wrapper_name(&self, recv: TypeId, method: ObjId) -> String {
        let m = self.c.obj(method).name.as_str();
        let (base, is_ptr) = self.c.types.deref(recv);
        let bn = self.rt.type_name(base);
        if is_ptr || !pointer_shaped(&self.lay, recv) {
            let short = bn.strip_prefix("main.").unwrap_or(&bn);
            format!("main.(*{short}).{m}")
        } else {
            format!("{bn}.{m}")
        }
    }

    /// A wrapper: its receiver is the interface's data word (a pointer to
    /// the value, or the pointer-shaped value itself); it reaches the
    /// method's receiver through embedded fields and calls the method
    /// with the same arguments, returning its results.
    fn wrapper(&mut self, w: PendingWrapper) -> CResult<goscope_runtime::vm::Func> {
        let name = self.wrapper_name(w.recv, w.method);
        let saved = std::mem::replace(&mut self.f, FnBuilder::new(name.clone()));
        let saved_target = self.iface_target.take();
        self.f.wrapper = true;
        let r = self.wrapper_body(w);
        let f = std::mem::replace(&mut self.f, saved);
        self.iface_target = saved_target;
        r?;
        f.finish(&self.file)
    }

    fn wrapper_body(&mut self, w: PendingWrapper) -> CResult<()> {
        let (sig, params) = self.method_signature(w.method)?;
        let rslots = self.lay.slots(sig.results);
        let recv = self.f.alloc(1, true);
        let mut pslots = Vec::new();
        for &t in &params {
            pslots.push((self.temp(t), t));
        }
        self.f.param_slots = self.f.next;
        let res = self.f.alloc(rslots, true);
        self.f.result_slots = rslots;
        let (base, is_ptr) = self.c.types.deref(w.recv);
        let direct_value = !is_ptr && pointer_shaped(&self.lay, w.recv);
        let Some((path, target)) = self.method_path(base, w.method) else {
            return Err(format!(
                "goscope: internal error: no path to method {}",
                self.c.obj(w.method).name.as_str()
            ));
        };
        // The receiver value's address: the data word, or (a pointer-shaped
        // value) the frame slot holding it.
        let p = self.f.alloc(1, true);
        if direct_value {
            self.f.emit(Op::FrameAddr { a: p, b: recv });
        } else {
            self.mov(p, recv, 1);
        }
        let (p, off, ft) = if path.is_empty() {
            (p, 0, base)
        } else {
            self.field_path(p, 0, base, &path)?
        };
        let _ = target;
        let ptr_method = self.c.func_has_ptr_recv(w.method);
        if is_ptr && path.is_empty() && !ptr_method {
            // gc's panicwrap: a value method called through a nil *T.
            let ok = self.f.new_label();
            self.f.emit(Op::JmpIf { a: p, t: ok as u32 });
            let tn = self.rt.type_name(base);
            let short = tn.strip_prefix("main.").unwrap_or(&tn).to_string();
            let m = self.c.obj(w.method).name.as_str();
            self.prog.strings.push(format!(
                "value method {tn}.{m} called using nil *{short} pointer"
            ));
            let k = self.konst((self.prog.strings.len() - 1) as u64);
            self.f.emit(Op::PanicWrap { k });
            self.f.place(ok);
        }
        let ft_ptr = self.lay.kind(ft) == K::Ptr;
        let is_iface = !ft_ptr && self.c.types.interface(self.lay.under(ft)).is_some();
        // The receiver for the call.
        let (rv, rn) = if is_iface {
            let c = self.f.alloc(2, true);
            self.load_mem(c, p, off, ft);
            (c, 2)
        } else if ptr_method {
            let d = self.f.alloc(1, true);
            if ft_ptr {
                self.load_mem(d, p, off, ft);
            } else {
                self.f.emit(Op::AddIK { a: d, b: p, i: off });
            }
            (d, 1)
        } else {
            let vt = if ft_ptr {
                self.c.types.pointer_base(self.lay.under(ft)).unwrap_or(ft)
            } else {
                ft
            };
            let (q, qoff) = if ft_ptr {
                let q = self.f.alloc(1, true);
                self.load_mem(q, p, off, ft);
                (q, 0)
            } else {
                (p, off)
            };
            self.f.emit(Op::NilCheck { a: q });
            let d = self.temp(vt);
            self.load_mem(d, q, qoff, vt);
            (d, self.lay.slots(vt))
        };
        let mut at = if is_iface { 1 } else { rn };
        if is_iface {
            self.mov(WIN, rv + 1, 1);
        } else {
            self.mov(WIN, rv, rn);
        }
        for &(s, t) in &pslots {
            let n = self.lay.slots(t);
            self.mov(WIN + at, s, n);
            at += n;
        }
        self.f.use_window(at + rslots);
        if is_iface {
            let name = self.c.obj(w.method).name.as_str();
            let m = self
                .iface_method_names(ft)
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0) as u32;
            self.f.emit(Op::CallIface { a: WIN, b: rv, m });
        } else {
            match self.func_id(w.method) {
                Some(id) => self.f.emit(Op::Call { a: WIN, f: id }),
                // A std method without a native (bytes.(*Buffer).Next in
                // *bytes.Buffer's itab for io.Writer): an error only if
                // called.
                None if self.is_std_obj(w.method) => {
                    let (recv, _) = self.c.types.deref(w.recv);
                    self.prog.strings.push(format!(
                        "goscope: not supported yet: method {}.{}",
                        self.rt.type_name(recv),
                        self.c.obj(w.method).name.as_str()
                    ));
                    let k = self.konst((self.prog.strings.len() - 1) as u64);
                    self.f.emit(Op::PanicMsg { k });
                }
                None => {
                    return Err(format!(
                        "goscope: not supported yet: method {} of this type",
                        self.c.obj(w.method).name.as_str()
                    ))
                }
            }
        }
        self.mov(res, WIN + at, rslots);
        self.f.epilogue = self.f.code.len() as u32;
        self.f.emit(Op::Ret {});
        Ok(())
    }
}
