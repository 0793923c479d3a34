//! Calls: Go functions through call windows, conversions (builtins:
//! builtins.rs; composite literals: composite.rs), and
//! the few std functions the VM provides directly (os.Exit, the minimal
//! fmt bridge).

use goscope_runtime::vm::fmtv::kind as fk;
use goscope_runtime::vm::Op;

use super::func::WIN;
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::object::ObjKind;
use crate::types::ty::{Type, TypeId};

impl<'c, 'a> Compiler<'c, 'a> {
    /// Compiles a call expression; returns the first slot of its results
    /// (in the call window for Go calls: read them before the next call).
    pub(super) fn call(&mut self, e: &Expr) -> CResult<u32> {
        let e = e.unparen();
        // Already evaluated ahead of its statement (order.rs).
        if let Some(&(s, false)) = self.f.overrides.get(&e.id) {
            return Ok(s);
        }
        let ExprKind::Call {
            fun,
            args,
            has_dots,
        } = &e.kind
        else {
            return self.expr(e);
        };
        let fun = fun.unparen();
        if self.c.info.type_of(fun.id).is_some_and(|t| t.is_type()) {
            return self.conversion(e, &args[0]);
        }
        if let Some(id) = self.instance_callee(fun) {
            let t = self.ty(fun);
            return self.go_call(e, id, t, args, *has_dots);
        }
        if let Some(obj) = fun.as_name().and_then(|_| self.c.info.use_of(fun.id)) {
            match &self.c.obj(obj).kind {
                ObjKind::Builtin(b) => return self.builtin(e, *b, args, *has_dots),
                ObjKind::Func { .. } => {
                    if let Some(&id) = self.funcs.get(&obj) {
                        let t = self.obj_type(obj);
                        return self.go_call(e, id, t, args, *has_dots);
                    }
                }
                _ => {}
            }
        }
        if let ExprKind::Selector { sel, .. } = &fun.kind {
            let obj = self
                .c
                .info
                .use_of(sel.id)
                .or_else(|| self.c.info.use_of(fun.id));
            if let Some(ObjKind::Builtin(b)) = obj.map(|o| &self.c.obj(o).kind) {
                return self.builtin(e, *b, args, *has_dots);
            }
        }
        if let Some(sel) = self.selection(fun.id) {
            if sel.kind == crate::types::info::SelectionKind::MethodVal {
                let ExprKind::Selector { x, .. } = &fun.kind else {
                    return Err(self.unsupported(e.pos, "method call"));
                };
                if self.is_iface_method(sel.obj) {
                    let path = &sel.index[..sel.index.len().saturating_sub(1)];
                    return self.iface_call(e, x, sel.obj, path, args, *has_dots);
                }
                let Some(id) = self.func_id(sel.obj) else {
                    return Err(self.unsupported(e.pos, "methods of this type"));
                };
                let mty = self.obj_type(sel.obj);
                let want_ptr = self.c.func_has_ptr_recv(sel.obj);
                let recv = self.method_recv(x, &sel.index, want_ptr)?;
                let rt = self
                    .c
                    .types
                    .signature(mty)
                    .and_then(|s| s.recv)
                    .map(|r| self.obj_type(r))
                    .unwrap_or(TypeId::INVALID);
                return self.go_call_recv(e, id, mty, Some((recv, rt)), args, *has_dots);
            }
        }
        if let ExprKind::Selector { x, sel } = &fun.kind {
            let name = sel.sym.as_str();
            if self.is_pkg(x, "os") && name == "Exit" {
                let v = self.expr(&args[0])?;
                self.set_line(e.pos);
                self.f.emit(Op::Exit { a: v });
                return Ok(0);
            }
            if self.is_pkg(x, "runtime") {
                if let Some(d) = self.runtime_call(e, name, args)? {
                    return Ok(d);
                }
            }
        }
        if let Some(r) = self.std_call(e, fun, args, *has_dots)? {
            return Ok(r);
        }
        let ft = self.ty(fun);
        if self.c.types.signature(self.lay.under(ft)).is_some() {
            let fv = self.expr(fun)?;
            return self.call_dyn(e, fv, ft, args, *has_dots);
        }
        Err(self.unsupported(e.pos, "this call"))
    }

    /// A call through a func value held in slot `fv`.
    fn call_dyn(
        &mut self,
        e: &Expr,
        fv: u32,
        ft: TypeId,
        args: &[Expr],
        dots: bool,
    ) -> CResult<u32> {
        self.dyn_target = Some(fv);
        self.go_call_recv(e, u32::MAX, ft, None, args, dots)
    }

    /// A call of a Go function compiled in this program.
    fn go_call(
        &mut self,
        e: &Expr,
        id: u32,
        fty: TypeId,
        args: &[Expr],
        dots: bool,
    ) -> CResult<u32> {
        self.go_call_recv(e, id, fty, None, args, dots)
    }

    /// The receiver of a method call: a pointer to it for pointer methods,
    /// its value otherwise, following embedded fields (`index` is the
    /// selection's path; its last step is the method).
    pub(super) fn method_recv(
        &mut self,
        x: &Expr,
        index: &[usize],
        want_ptr: bool,
    ) -> CResult<u32> {
        let xt = self.ty(x);
        let path = &index[..index.len().saturating_sub(1)];
        // A pointer, not any one-word value (maps, chans, funcs).
        let x_is_ptr = matches!(self.c.types.get(self.lay.under(xt)), Type::Pointer(_));
        if path.is_empty() {
            return match (x_is_ptr, want_ptr) {
                // (expr's slots stay as they are while the arguments
                // are evaluated: no expression assigns a variable.)
                (true, true) | (false, false) => self.expr(x),
                (true, false) => {
                    let p = self.expr(x)?;
                    let bt = self.c.types.pointer_base(self.lay.under(xt)).unwrap_or(xt);
                    let d = self.temp(bt);
                    self.load_mem(d, p, 0, bt);
                    Ok(d)
                }
                (false, true) => {
                    let (p, off) = self.addr_of(x)?;
                    let d = self.f.alloc(1, true);
                    self.f.emit(Op::AddIK { a: d, b: p, i: off });
                    Ok(d)
                }
            };
        }
        let (p, off) = if x_is_ptr {
            (self.expr(x)?, 0)
        } else {
            self.addr_of(x)?
        };
        let (p, off, ft) = self.field_path(p, off, xt, path)?;
        let ft_ptr = matches!(self.c.types.get(self.lay.under(ft)), Type::Pointer(_));
        match (ft_ptr, want_ptr) {
            (false, true) => {
                let d = self.f.alloc(1, true);
                self.f.emit(Op::AddIK { a: d, b: p, i: off });
                Ok(d)
            }
            (true, true) | (false, false) => {
                let d = self.temp(ft);
                self.load_mem(d, p, off, ft);
                Ok(d)
            }
            (true, false) => {
                let q = self.f.alloc(1, true);
                self.load_mem(q, p, off, ft);
                let bt = self.c.types.pointer_base(self.lay.under(ft)).unwrap_or(ft);
                let v = self.temp(bt);
                self.load_mem(v, q, 0, bt);
                Ok(v)
            }
        }
    }

    /// A call with an optional receiver (slot, type) placed first.
    pub(super) fn go_call_recv(
        &mut self,
        e: &Expr,
        id: u32,
        fty: TypeId,
        recv: Option<(u32, TypeId)>,
        args: &[Expr],
        dots: bool,
    ) -> CResult<u32> {
        let sig = self
            .c
            .types
            .signature(self.lay.under(fty))
            .cloned()
            .ok_or_else(|| self.unsupported(e.pos, "call"))?;
        let params = self.c.types.tuple_vars(sig.params).to_vec();
        let ptypes: Vec<TypeId> = params.iter().map(|p| self.obj_type(*p)).collect();
        // A variadic call without `...`: the trailing arguments become a
        // slice (variadic.rs), evaluated after the fixed ones.
        let implicit_dots = sig.variadic && !dots;
        // A multi-value call as the arguments, f(g()): its results, each
        // converted to its parameter's type as gc's assignments do.
        let multi = args.len() == 1
            && matches!(self.c.types.get(self.ty(&args[0])), Type::Tuple(_))
            && (implicit_dots || ptypes.len() > 1);
        let rslots = self.lay.slots(sig.results);
        let mut offs = Vec::new();
        let mut at = 0;
        // The receiver was evaluated first, into a temporary; it joins the
        // window last, as arguments may make calls of their own.
        let dyn_target = self.dyn_target.take();
        let iface_target = self.iface_target.take();
        let recv_move = recv.map(|(slot, rt)| (slot, self.lay.slots(rt)));
        if let Some((_, n)) = recv_move {
            at = n;
        }
        for t in &ptypes {
            offs.push(at);
            at += self.lay.slots(*t);
        }
        self.f.use_window(at + rslots);
        if multi {
            let tmps = self.multi_args(&args[0], &ptypes, implicit_dots)?;
            for ((tmp, t), off) in tmps.into_iter().zip(&ptypes).zip(&offs) {
                let n = self.lay.slots(*t);
                self.mov(WIN + off, tmp, n);
            }
        } else if implicit_dots {
            let nfixed = ptypes.len() - 1;
            let mut tmps = Vec::new();
            for (a, t) in args[..nfixed].iter().zip(&ptypes) {
                tmps.push(self.arg_value(a, *t)?);
            }
            tmps.push(self.variadic_slice(&args[nfixed..], ptypes[nfixed])?);
            for ((tmp, t), off) in tmps.into_iter().zip(&ptypes).zip(&offs) {
                let n = self.lay.slots(*t);
                self.mov(WIN + off, tmp, n);
            }
        } else if args.iter().any(|a| self.has_live_call(a)) {
            let mut tmps = Vec::new();
            for (a, t) in args.iter().zip(&ptypes) {
                tmps.push(self.arg_value(a, *t)?);
            }
            for ((tmp, t), off) in tmps.into_iter().zip(&ptypes).zip(&offs) {
                let n = self.lay.slots(*t);
                self.mov(WIN + off, tmp, n);
            }
        } else {
            for ((a, t), off) in args.iter().zip(&ptypes).zip(&offs) {
                self.arg_to(a, *t, WIN + off)?;
            }
        }
        if let Some((slot, n)) = recv_move {
            self.mov(WIN, slot, n);
        }
        self.set_line(e.pos);
        match (dyn_target, iface_target) {
            (_, Some((b, m))) => self.f.emit(Op::CallIface { a: WIN, b, m }),
            (Some(fv), _) => self.f.emit(Op::CallClosure { a: WIN, b: fv }),
            (None, _) => self.f.emit(Op::Call { a: WIN, f: id }),
        }
        Ok(WIN + at)
    }

    /// The arguments of `f(g())` from the results of the multi-value call
    /// `g`, each converted to its parameter type, in fresh slots; with
    /// `variadic` the trailing results become the `...` slice.
    pub(super) fn multi_args(
        &mut self,
        g: &Expr,
        ptypes: &[TypeId],
        variadic: bool,
    ) -> CResult<Vec<u32>> {
        let gt = self.ty(g);
        let rtypes: Vec<TypeId> = (self.c.types.tuple_vars(gt).to_vec().iter())
            .map(|r| self.obj_type(*r))
            .collect();
        let r = self.call(g)?;
        // Copy the results out of the call window before converting: a
        // conversion may allocate, and the window belongs to the next call.
        let mut vals = Vec::with_capacity(rtypes.len());
        let mut at = r;
        for t in &rtypes {
            let n = self.lay.slots(*t);
            let tmp = self.temp(*t);
            self.mov(tmp, at, n);
            vals.push(tmp);
            at += n;
        }
        let nfixed = if variadic {
            ptypes.len() - 1
        } else {
            ptypes.len()
        };
        let mut out = Vec::with_capacity(ptypes.len());
        for ((v, from), to) in vals.iter().zip(&rtypes).zip(&ptypes[..nfixed]) {
            out.push(self.assign_value(*v, *from, *to)?);
        }
        if variadic {
            let rest: Vec<(u32, TypeId)> = vals[nfixed..]
                .iter()
                .copied()
                .zip(rtypes[nfixed..].iter().copied())
                .collect();
            out.push(self.variadic_slice_of(&rest, ptypes[nfixed])?);
        }
        Ok(out)
    }

    /// The value in `v..` of type `from` as a value of the assignable type
    /// `to` (boxed when `to` is an interface and `from` is not).
    pub(super) fn assign_value(&mut self, v: u32, from: TypeId, to: TypeId) -> CResult<u32> {
        let from = self.c.default_type(from);
        if from == to {
            return Ok(v);
        }
        match (self.lay.kind(from), self.lay.kind(to)) {
            (K::Iface, K::Iface) => {
                let d = self.temp(to);
                self.conv_iface_value(v, from, to, d)?;
                Ok(d)
            }
            (_, K::Iface) => {
                let d = self.temp(to);
                self.box_value(v, from, to, d)?;
                Ok(d)
            }
            _ => Ok(v),
        }
    }

    /// An argument converted to its parameter type, in fresh slots.
    pub(super) fn arg_value(&mut self, a: &Expr, t: TypeId) -> CResult<u32> {
        let d = self.temp(t);
        self.arg_to(a, t, d)?;
        Ok(d)
    }

    fn arg_to(&mut self, a: &Expr, t: TypeId, d: u32) -> CResult<()> {
        if self.lay.kind(t) == K::Iface && self.lay.kind(self.ty(a)) != K::Iface && !self.is_nil(a)
        {
            return self.conv_iface_to(a, t, d);
        }
        self.expr_to(a, d)
    }

    /// A conversion `T(x)`.
    fn conversion(&mut self, e: &Expr, x: &Expr) -> CResult<u32> {
        let to = self.ty(e);
        let from = self.ty(x);
        let (kt, kf) = (self.lay.kind(to), self.lay.kind(from));
        let d = self.temp(to);
        if kt == K::Iface {
            if self.is_nil(x) {
                self.f.emit(Op::Zero { a: d, n: 2 });
            } else {
                self.conv_iface_to(x, to, d)?;
            }
            return Ok(d);
        }
        if let Some(v) = self.generic_const_conversion(x, kt) {
            self.load_const(&v, to, d, e)?;
            return Ok(d);
        }
        let ut = self.lay.under(to);
        let uf = self.lay.under(from);
        let v = self.expr(x)?;
        let op = match (kf, kt) {
            (K::Int { .. }, K::Int { .. }) => {
                // One instruction: the extension reads the operand itself.
                if !self.ext_from(kt, d, v) {
                    self.mov(d, v, 1);
                }
                return Ok(d);
            }
            (K::Int { signed: true, .. }, K::F64) => Op::CvtS2F { a: d, b: v },
            (K::Int { signed: false, .. }, K::F64) => Op::CvtU2F { a: d, b: v },
            (K::Int { signed: true, .. }, K::F32) => Op::CvtS2F32 { a: d, b: v },
            (K::Int { signed: false, .. }, K::F32) => Op::CvtU2F32 { a: d, b: v },
            (K::F64, K::Int { signed: true, .. }) => Op::CvtF2S { a: d, b: v },
            (K::F64, K::Int { signed: false, .. }) => Op::CvtF2U { a: d, b: v },
            (K::F32, K::Int { signed: true, .. }) => Op::CvtF322S { a: d, b: v },
            (K::F32, K::Int { signed: false, .. }) => Op::CvtF322U { a: d, b: v },
            (K::F64, K::F32) => Op::CvtF2F32 { a: d, b: v },
            (K::F32, K::F64) => Op::CvtF322F { a: d, b: v },
            (K::C64, K::C128) => Op::C64To128 { a: d, b: v },
            (K::C128, K::C64) => Op::C128To64 { a: d, b: v },
            (K::Int { .. }, K::Str) => Op::RuneToString { a: d, b: v },
            (K::Slice, K::Str) => {
                if self.is_elem_bits(uf, 8) {
                    Op::BytesToString { a: d, b: v }
                } else {
                    Op::RunesToString { a: d, b: v }
                }
            }
            (K::Str, K::Slice) => {
                if self.is_elem_bits(ut, 8) {
                    Op::StringToBytes { a: d, b: v }
                } else {
                    Op::StringToRunes { a: d, b: v }
                }
            }
            (K::Slice, K::Ptr) => {
                // (*[N]T)(s): gc's panicSliceConvert when len(s) < N.
                let n = self
                    .c
                    .types
                    .pointer_base(ut)
                    .and_then(|a| match self.c.types.get(self.lay.under(a)) {
                        Type::Array { len, .. } => Some(*len),
                        _ => None,
                    })
                    .ok_or_else(|| self.unsupported(e.pos, "this conversion"))?;
                let n = u32::try_from(n).map_err(|_| self.unsupported(e.pos, "this conversion"))?;
                self.set_line(e.pos);
                Op::SliceToArrayPtr { a: d, b: v, n }
            }
            // uintptr <-> unsafe.Pointer (the only int/pointer pair the
            // checker allows): the word is the address.
            (K::Int { .. }, K::Ptr) | (K::Ptr, K::Int { .. }) => {
                self.mov(d, v, 1);
                return Ok(d);
            }
            _ if kf == kt && kf != K::Iface => {
                let n = self.lay.slots(to);
                self.mov(d, v, n);
                return Ok(d);
            }
            _ => return Err(self.unsupported(e.pos, "this conversion")),
        };
        self.f.emit(op);
        if matches!(kt, K::Int { .. }) {
            self.ext(kt, d);
        }
        Ok(d)
    }

    fn is_elem_bits(&self, slice: TypeId, bits: u8) -> bool {
        match self.c.types.get(slice) {
            Type::Slice(elem) => {
                matches!(self.lay.kind(*elem), K::Int { bits: b, .. } if b == bits)
            }
            _ => false,
        }
    }

    /// The value of `e` as an interface{} (basic values only for now).
    pub(super) fn convt_eface(&mut self, a: &Expr) -> CResult<u32> {
        let t = self.ty(a);
        let k = self.lay.kind(t);
        // An error or other non-empty interface goes through ConvI (its
        // first word is an itab, an eface's a type).
        if k == K::Iface && !self.is_nonempty_iface(t) {
            return self.expr(a);
        }
        if !self.is_nil(a) {
            let d = self.f.alloc(2, true);
            let any = self.c.universe.any_type;
            self.conv_iface_to(a, any, d)?;
            return Ok(d);
        }
        let code = match k {
            K::Int { signed: true, .. } => fk::INT,
            K::Int { signed: false, .. } => fk::UINT,
            K::Str => fk::STRING,
            K::Bool => fk::BOOL,
            K::F64 => fk::FLOAT64,
            K::F32 => fk::FLOAT32,
            K::C128 => fk::COMPLEX128,
            _ => return Err(self.unsupported(a.pos, "interface conversion of this type")),
        };
        let v = self.expr_unconverted(a)?;
        let mut name = self.c.type_string_full(t);
        if self
            .c
            .types
            .basic_kind(t)
            .is_some_and(|b| b.name().starts_with("untyped"))
        {
            name = self.c.type_string(t).replace("untyped ", "");
        }
        let name = match name.as_str() {
            "untyped int" => "int".to_string(),
            "untyped float" => "float64".to_string(),
            "untyped string" => "string".to_string(),
            "untyped bool" => "bool".to_string(),
            "untyped rune" => "int32".to_string(),
            _ => name,
        };
        self.prog.strings.push(name);
        let k = self.konst(code | (((self.prog.strings.len() - 1) as u64) << 8));
        let d = self.f.alloc(2, true);
        self.f.emit(Op::MakeEface { a: d, b: v, k });
        Ok(d)
    }

    pub(super) fn expr_copy_pub(&mut self, e: &Expr) -> CResult<u32> {
        let t = self.ty(e);
        let d = self.temp(t);
        self.expr_to(e, d)?;
        Ok(d)
    }

    /// `x[lo:hi]` and `x[lo:hi:max]`.
    pub(super) fn slice_expr(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let ExprKind::Slice { x, index, full } = &e.kind else {
            return Err(self.unsupported(e.pos, "slice"));
        };
        let xt = self.ty(x);
        let u = self.lay.under(xt);
        // base pointer, len, cap of the operand
        let hdr = self.f.alloc(3, true);
        let (esize, is_str, is_slice) = match self.c.types.get(u).clone() {
            Type::Slice(elem) => {
                self.expr_to(x, hdr)?;
                (self.lay.size(elem) as u32, false, true)
            }
            Type::Basic { .. } => {
                self.expr_to(x, hdr)?;
                self.f.emit(Op::Move {
                    a: hdr + 2,
                    b: hdr + 1,
                });
                (1, true, false)
            }
            Type::Array { len, elem } => {
                let (p, off) = self.addr_of(x)?;
                self.f.emit(Op::AddIK {
                    a: hdr,
                    b: p,
                    i: off,
                });
                self.load_word(hdr + 1, len as u64);
                self.load_word(hdr + 2, len as u64);
                (self.lay.size(elem) as u32, false, false)
            }
            Type::Pointer(base) => {
                let Type::Array { len, elem } = self.c.types.get(self.lay.under(base)).clone()
                else {
                    return Err(self.unsupported(e.pos, "slice"));
                };
                self.expr_to(x, hdr)?;
                self.f.emit(Op::NilCheck { a: hdr });
                self.load_word(hdr + 1, len as u64);
                self.load_word(hdr + 2, len as u64);
                (self.lay.size(elem) as u32, false, false)
            }
            _ => return Err(self.unsupported(e.pos, "slice")),
        };
        let b = self.f.alloc(4, false);
        match &index[0] {
            Some(lo) => self.expr_to(lo, b)?,
            None => self.f.emit(Op::LoadI { a: b, i: 0 }),
        }
        match &index[1] {
            Some(hi) => self.expr_to(hi, b + 1)?,
            None => self.f.emit(Op::Move {
                a: b + 1,
                b: hdr + 1,
            }),
        }
        self.set_line(e.pos);
        if *full {
            if let Some(m) = &index[2] {
                self.expr_to(m, b + 2)?;
            }
            self.f.emit(Op::Move {
                a: b + 3,
                b: hdr + 2,
            });
            self.f.emit(Op::SliceCheck3 { a: b });
        } else {
            self.f.emit(Op::Move {
                a: b + 2,
                b: hdr + 2,
            });
            if is_slice {
                self.f.emit(Op::SliceCheck {
                    a: b,
                    b: b + 1,
                    c: b + 2,
                });
            } else {
                let lim = if is_str { hdr + 1 } else { hdr + 2 };
                self.f.emit(Op::SliceCheckLen {
                    a: b,
                    b: b + 1,
                    c: lim,
                });
            }
        }
        // ptr += lo*esize (only when the result is non-empty, as gc: a
        // zero-cap result keeps the base so it cannot point past the end).
        let p = self.f.alloc(1, true);
        self.f.emit(Op::Move { a: p, b: hdr });
        self.f.emit(Op::IndexAddr { a: p, b, n: esize });
        self.f.emit(Op::Move { a: d, b: p });
        self.f.emit(Op::SubI {
            a: d + 1,
            b: b + 1,
            c: b,
        });
        if !is_str {
            self.f.emit(Op::SubI {
                a: d + 2,
                b: b + 2,
                c: b,
            });
        }
        Ok(())
    }
}
