//! Calls: Go functions through call windows, builtins, conversions, and
//! the few std functions the VM provides directly (os.Exit, the minimal
//! fmt bridge).

use goscope_runtime::vm::fmtv::kind as fk;
use goscope_runtime::vm::Op;

use super::func::WIN;
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::builtins::BuiltinId;
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

    fn builtin(&mut self, e: &Expr, b: BuiltinId, args: &[Expr], dots: bool) -> CResult<u32> {
        self.set_line(e.pos);
        match b {
            BuiltinId::Print | BuiltinId::Println => {
                let ln = b == BuiltinId::Println;
                let mut vals = Vec::new();
                for a in args {
                    let t = self.ty(a);
                    let v = self.expr(a)?;
                    if self.c.types.is_tuple(t) {
                        // print(f()) of a multi-value call: each result.
                        let mut at = v;
                        for r in self.c.types.tuple_vars(t).to_vec() {
                            let rt = self.obj_type(r);
                            vals.push((at, self.lay.kind(rt)));
                            at += self.lay.slots(rt);
                        }
                        continue;
                    }
                    vals.push((v, self.lay.kind(t)));
                }
                for (i, (v, k)) in vals.into_iter().enumerate() {
                    if ln && i > 0 {
                        self.f.emit(Op::PrintSp {});
                    }
                    let op = match k {
                        K::Bool => Op::PrintBool { a: v },
                        K::Int { signed: true, .. } => Op::PrintInt { a: v },
                        K::Int { signed: false, .. } => Op::PrintUint { a: v },
                        K::F64 => Op::PrintFloat { a: v },
                        K::F32 => {
                            let d = self.f.alloc(1, false);
                            self.f.emit(Op::CvtF322F { a: d, b: v });
                            Op::PrintFloat { a: d }
                        }
                        K::C128 => Op::PrintComplex { a: v },
                        K::C64 => {
                            let d = self.f.alloc(2, false);
                            self.f.emit(Op::C64To128 { a: d, b: v });
                            Op::PrintComplex { a: d }
                        }
                        K::Str => Op::PrintString { a: v },
                        K::Ptr => Op::PrintPointer { a: v },
                        K::Slice => Op::PrintSlice { a: v },
                        K::Iface => Op::PrintEface { a: v },
                        _ => return Err(self.unsupported(e.pos, "print of this type")),
                    };
                    self.f.emit(op);
                }
                if ln {
                    self.f.emit(Op::PrintNl {});
                }
                Ok(0)
            }
            BuiltinId::Len | BuiltinId::Cap => {
                let t = self.ty(&args[0]);
                let d = self.f.alloc(1, false);
                match self.c.types.get(self.lay.under(t)).clone() {
                    Type::Array { len, .. } => self.load_word(d, len as u64),
                    Type::Pointer(base) => {
                        let Type::Array { len, .. } =
                            self.c.types.get(self.lay.under(base)).clone()
                        else {
                            return Err(self.unsupported(e.pos, "len"));
                        };
                        self.load_word(d, len as u64)
                    }
                    Type::Slice(_) | Type::Basic { .. } => {
                        let v = self.expr(&args[0])?;
                        let w = if b == BuiltinId::Len { 1 } else { 2 };
                        self.f.emit(Op::Move { a: d, b: v + w });
                    }
                    Type::Map { .. } => return self.map_len(&args[0]),
                    _ => return Err(self.unsupported(e.pos, "len of channels")),
                }
                Ok(d)
            }
            BuiltinId::Panic => {
                let ef = self.convt_eface(&args[0])?;
                self.set_line(e.pos);
                self.f.emit(Op::Gopanic { a: ef });
                Ok(0)
            }
            BuiltinId::Recover => {
                let d = self.f.alloc(2, true);
                self.f.emit(Op::Recover { a: d });
                Ok(d)
            }
            BuiltinId::New => {
                let t = self.ty(e);
                let elem = self.c.types.pointer_base(self.lay.under(t)).unwrap_or(t);
                Ok(self.new_cell(elem))
            }
            BuiltinId::Make => {
                let t = self.ty(e);
                if self.map_types(t).is_some() {
                    return self.make_map(e, args);
                }
                let Type::Slice(elem) = self.c.types.get(self.lay.under(t)).clone() else {
                    return Err(self.unsupported(e.pos, "make of maps and channels"));
                };
                let lc = self.f.alloc(2, false);
                self.expr_to(&args[1], lc)?;
                if args.len() > 2 {
                    self.expr_to(&args[2], lc + 1)?;
                } else {
                    self.f.emit(Op::Move { a: lc + 1, b: lc });
                }
                let k = self.type_konst(elem);
                let d = self.f.alloc(3, true);
                self.set_line(e.pos);
                self.f.emit(Op::MakeSlice { a: d, b: lc, k });
                Ok(d)
            }
            BuiltinId::Append => self.append(e, args, dots),
            BuiltinId::Delete => self.map_delete(e, args),
            BuiltinId::Copy => {
                let t = self.ty(&args[0]);
                let Type::Slice(elem) = self.c.types.get(self.lay.under(t)).clone() else {
                    return Err(self.unsupported(e.pos, "copy"));
                };
                let two = self.f.alloc(6, true);
                self.expr_to(&args[0], two)?;
                // A string source has no cap word; SliceCopy reads only len.
                self.expr_to(&args[1], two + 3)?;
                let d = self.f.alloc(1, false);
                let n = self.lay.size(elem) as u32;
                self.f.emit(Op::SliceCopy { a: d, b: two, n });
                Ok(d)
            }
            BuiltinId::Add => {
                // unsafe.Add(ptr, len): unchecked pointer arithmetic.
                let p = self.expr(&args[0])?;
                let n = self.expr(&args[1])?;
                let d = self.f.alloc(1, true);
                self.f.emit(Op::AddI { a: d, b: p, c: n });
                Ok(d)
            }
            BuiltinId::Slice => self.unsafe_slice(e, args),
            BuiltinId::Complex => {
                let t = self.ty(e);
                // complex(f()) with f returning two floats.
                let (re, im) = if let [pair] = args {
                    let r = self.call(pair)?;
                    (r, r + 1)
                } else {
                    (self.expr(&args[0])?, self.expr(&args[1])?)
                };
                if self.lay.kind(t) == K::C64 {
                    let d = self.f.alloc(1, false);
                    self.f.emit(Op::C64Make { a: d, b: re, c: im });
                    Ok(d)
                } else {
                    let d = self.f.alloc(2, false);
                    self.mov(d, re, 1);
                    self.mov(d + 1, im, 1);
                    Ok(d)
                }
            }
            BuiltinId::Real | BuiltinId::Imag => {
                let part = u32::from(b == BuiltinId::Imag);
                let x = self.expr(&args[0])?;
                let d = self.f.alloc(1, false);
                if self.lay.kind(self.ty(&args[0])) == K::C64 {
                    self.f.emit(Op::C64Part {
                        a: d,
                        b: x,
                        i: part,
                    });
                } else {
                    self.mov(d, x + part, 1);
                }
                Ok(d)
            }
            _ => Err(self.unsupported(e.pos, "this builtin")),
        }
    }

    /// unsafe.Slice(ptr, len): the slice {ptr, len, len}, with gc's checks
    /// (runtime/unsafe.go unsafeslice).
    fn unsafe_slice(&mut self, e: &Expr, args: &[Expr]) -> CResult<u32> {
        let d = self.f.alloc(3, true);
        self.expr_to(&args[0], d)?;
        let n = self.expr(&args[1])?;
        self.mov(d + 1, n, 1);
        self.mov(d + 2, n, 1);
        self.set_line(e.pos);
        let elem = self
            .c
            .types
            .pointer_base(self.lay.under(self.ty(&args[0])))
            .unwrap_or(TypeId::INVALID);
        let size = self.lay.size(elem) as u64;
        let len_err = self.panic_konst("unsafe.Slice: len out of range");
        let nil_err = self.panic_konst("unsafe.Slice: ptr is nil and len is not zero");
        let ok_len = self.f.new_label();
        self.f.emit(Op::JGeSK {
            a: n,
            i: 0,
            t: ok_len as u32,
        });
        self.f.emit(Op::PanicMsg { k: len_err });
        self.f.place(ok_len);
        let ok = self.f.new_label();
        if size > 0 {
            // gc: len*size must not overflow nor exceed -ptr (the memory
            // up to the end of the address space), so n <= (-ptr)/size.
            let lim = self.f.alloc(1, false);
            self.f.emit(Op::NegI { a: lim, b: d });
            let sz = self.f.alloc(1, false);
            self.load_word(sz, size);
            self.f.emit(Op::DivU {
                a: lim,
                b: lim,
                c: sz,
            });
            self.f.emit(Op::JLeU {
                a: n,
                b: lim,
                t: ok as u32,
            });
            let bad_len = self.f.new_label();
            self.f.emit(Op::JmpIf {
                a: d,
                t: bad_len as u32,
            });
            self.f.emit(Op::PanicMsg { k: nil_err });
            self.f.place(bad_len);
            self.f.emit(Op::PanicMsg { k: len_err });
        }
        self.f.place(ok);
        Ok(d)
    }

    /// The constant naming runtime error text `msg` for `PanicMsg`.
    fn panic_konst(&mut self, msg: &str) -> u32 {
        let i = self.prog.strings.len() as u64;
        self.prog.strings.push(msg.to_string());
        self.konst(i)
    }

    /// append(s, x...) / append(s, xs...).
    fn append(&mut self, e: &Expr, args: &[Expr], dots: bool) -> CResult<u32> {
        let t = self.ty(e);
        let Type::Slice(elem) = self.c.types.get(self.lay.under(t)).clone() else {
            return Err(self.unsupported(e.pos, "append"));
        };
        let esize = self.lay.size(elem) as u32;
        let k = self.type_konst(elem);
        let s = self.f.alloc(3, true);
        // append(f()) with f returning the slice and the elements.
        let mut tuple_vals = None;
        if let [g] = args {
            if let Type::Tuple(rs) = self.c.types.get(self.ty(g)).clone() {
                let ptypes: Vec<TypeId> = std::iter::once(t)
                    .chain(std::iter::repeat_n(elem, rs.len().saturating_sub(1)))
                    .collect();
                let mut vals = self.multi_args(g, &ptypes, false)?;
                if vals.is_empty() {
                    return Err(self.unsupported(e.pos, "append"));
                }
                let first = vals.remove(0);
                self.mov(s, first, 3);
                tuple_vals = Some(vals);
            }
        }
        if tuple_vals.is_none() {
            self.expr_to(&args[0], s)?;
        }
        if dots {
            // append(s, t...): t a slice or a string.
            let src = self.f.alloc(3, true);
            self.expr_to(&args[1], src)?;
            if self.lay.kind(self.ty(&args[1])) == K::Str {
                self.f.emit(Op::Move {
                    a: src + 2,
                    b: src + 1,
                });
            }
            let oldlen = self.f.alloc(1, false);
            self.f.emit(Op::Move {
                a: oldlen,
                b: s + 1,
            });
            let newlen = self.f.alloc(1, false);
            self.f.emit(Op::AddI {
                a: newlen,
                b: s + 1,
                c: src + 1,
            });
            self.f.emit(Op::GrowSlice { a: s, b: newlen, k });
            // copy(s[oldlen:], src)
            let two = self.f.alloc(6, true);
            self.f.emit(Op::Move { a: two, b: s });
            self.f.emit(Op::IndexAddr {
                a: two,
                b: oldlen,
                n: esize,
            });
            self.f.emit(Op::Move {
                a: two + 1,
                b: src + 1,
            });
            self.f.emit(Op::MoveN {
                a: two + 3,
                b: src,
                n: 3,
            });
            let d = self.f.alloc(1, false);
            self.f.emit(Op::SliceCopy {
                a: d,
                b: two,
                n: esize,
            });
            return Ok(s);
        }
        let vals = match tuple_vals {
            Some(vals) => vals,
            None => {
                let mut vals = Vec::new();
                for a in &args[1..] {
                    vals.push(self.expr_copy_pub(a)?);
                }
                vals
            }
        };
        let n = vals.len() as u32;
        if n == 0 {
            return Ok(s);
        }
        let oldlen = self.f.alloc(1, false);
        self.f.emit(Op::Move {
            a: oldlen,
            b: s + 1,
        });
        let newlen = self.f.alloc(1, false);
        self.f.emit(Op::AddIK {
            a: newlen,
            b: s + 1,
            i: n,
        });
        self.set_line(e.pos);
        self.f.emit(Op::GrowSlice { a: s, b: newlen, k });
        let p = self.f.alloc(1, true);
        for (i, v) in vals.into_iter().enumerate() {
            self.f.emit(Op::Move { a: p, b: s });
            self.f.emit(Op::IndexAddr {
                a: p,
                b: oldlen,
                n: esize,
            });
            self.store_mem(p, i as u32 * esize, v, elem);
        }
        Ok(s)
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

    /// Composite literals of arrays, structs and slices.
    pub(super) fn composite(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let t = self.ty(e);
        self.composite_of(e, t, d)
    }

    /// A composite literal of type `t` into `d..`; `t` is a pointer type
    /// for an element literal with `&T` elided (`[]*T{{1, 2}}`).
    fn composite_of(&mut self, e: &Expr, t: TypeId, d: u32) -> CResult<()> {
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return Err(self.unsupported(e.pos, "literal"));
        };
        let elems = &lit.elems;
        let u = self.lay.under(t);
        match self.c.types.get(u).clone() {
            Type::Pointer(base) => {
                let p = self.new_cell(base);
                if !self.composite_into_zeroed(e, base, p)? {
                    let v = self.temp(base);
                    self.composite_of(e, base, v)?;
                    self.store_mem(p, 0, v, base);
                }
                self.f.emit(Op::Move { a: d, b: p });
                Ok(())
            }
            Type::Struct(_) | Type::Array { .. } if self.lay.size(t) == 0 => {
                // Nothing to store (and no slot to take the address of):
                // only the elements' effects.
                for el in elems {
                    let v = match &el.kind {
                        ExprKind::KeyValue { value, .. } => &**value,
                        _ => el,
                    };
                    self.expr(v)?;
                }
                Ok(())
            }
            Type::Struct(st) => {
                let n = self.lay.slots(t);
                if n > 0 {
                    self.f.emit(Op::Zero { a: d, n });
                }
                let p = self.f.alloc(1, true);
                self.f.emit(Op::FrameAddr { a: p, b: d });
                self.fill_fields(elems, t, &st, p)
            }
            Type::Array { elem, .. } => {
                let n = self.lay.slots(t);
                if n > 0 {
                    self.f.emit(Op::Zero { a: d, n });
                }
                let p = self.f.alloc(1, true);
                self.f.emit(Op::FrameAddr { a: p, b: d });
                self.fill_elems(e, elems, elem, p)
            }
            Type::Slice(elem) => {
                let len = self.literal_len(elems)?;
                let k = self.type_konst(elem);
                let lc = self.f.alloc(2, false);
                self.load_word(lc, len);
                self.load_word(lc + 1, len);
                self.f.emit(Op::MakeSlice { a: d, b: lc, k });
                let p = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: p, b: d });
                self.fill_elems(e, elems, elem, p)
            }
            Type::Map { .. } => self.map_literal(e, d),
            _ => Err(self.unsupported(e.pos, "this literal")),
        }
    }

    /// Writes the struct or array literal `e` of type `t` straight into
    /// the zeroed memory at R[p] (a fresh heap cell, or a global before
    /// package initialization) instead of building it in the frame and
    /// copying, as gc's fixed-address initialization does: a 100 MB
    /// global array needs no 100 MB frame. False, with nothing emitted,
    /// for any other expression or type.
    pub(super) fn composite_into_zeroed(&mut self, e: &Expr, t: TypeId, p: u32) -> CResult<bool> {
        let e = e.unparen();
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return Ok(false);
        };
        if self.ty(e) != t || self.lay.size(t) == 0 {
            return Ok(false);
        }
        match self.c.types.get(self.lay.under(t)).clone() {
            Type::Struct(st) => self.fill_fields(&lit.elems, t, &st, p)?,
            Type::Array { elem, .. } => self.fill_elems(e, &lit.elems, elem, p)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Stores the fields of a struct literal of type `t` through R[p]
    /// (memory already zeroed: omitted fields stay zero).
    fn fill_fields(
        &mut self,
        elems: &[Expr],
        t: TypeId,
        st: &crate::types::ty::StructType,
        p: u32,
    ) -> CResult<()> {
        let offs = self.lay.offsets(t);
        for (i, el) in elems.iter().enumerate() {
            let (fi, v) = match &el.kind {
                ExprKind::KeyValue { key, value } => {
                    let name = key
                        .as_name()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default();
                    let fi = st
                        .fields
                        .iter()
                        .position(|f| self.c.obj(*f).name.as_str() == name)
                        .unwrap_or(0);
                    (fi, &**value)
                }
                _ => (i, el),
            };
            let ft = self.obj_type(st.fields[fi]);
            let val = self.expr(v)?;
            // A blank field keeps its zero value (gc evaluates the
            // element and drops it).
            if self.c.obj(st.fields[fi]).name.as_str() != "_" {
                self.store_mem(p, offs[fi] as u32, val, ft);
            }
        }
        Ok(())
    }

    fn literal_len(&self, elems: &[Expr]) -> CResult<u64> {
        let mut i = 0u64;
        let mut max = 0u64;
        for el in elems {
            if let ExprKind::KeyValue { key, .. } = &el.kind {
                i = self
                    .c
                    .info
                    .value_of(key.id)
                    .map(|v| v.int64_val().0 as u64)
                    .unwrap_or(i);
            }
            i += 1;
            max = max.max(i);
        }
        Ok(max)
    }

    fn fill_elems(&mut self, _e: &Expr, elems: &[Expr], elem: TypeId, p: u32) -> CResult<()> {
        let esize = self.lay.size(elem) as u64;
        let mut i = 0u64;
        for el in elems {
            let v = match &el.kind {
                ExprKind::KeyValue { key, value } => {
                    i = self
                        .c
                        .info
                        .value_of(key.id)
                        .map(|v| v.int64_val().0 as u64)
                        .unwrap_or(i);
                    &**value
                }
                _ => el,
            };
            let val = self.expr(v)?;
            self.store_at(p, i * esize, val, elem);
            i += 1;
        }
        Ok(())
    }

    /// Stores the value of type `t` in `v..` at R[p]+off, for offsets
    /// beyond an op's 32-bit immediate too (elements of huge arrays).
    fn store_at(&mut self, p: u32, off: u64, v: u32, t: TypeId) {
        match u32::try_from(off) {
            Ok(off) => self.store_mem(p, off, v, t),
            Err(_) => {
                let q = self.f.alloc(1, true);
                self.load_word(q, off);
                self.f.emit(Op::AddI { a: q, b: q, c: p });
                self.store_mem(q, 0, v, t);
            }
        }
    }
}
