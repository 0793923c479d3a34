//! Expressions: constants, variables, operators, indexing, fields,
//! conversions' operands; memory loads and stores by type.
//!
//! `expr` returns a slot holding the value (a register variable's own slot
//! when it can, so `x + y` of two locals is one instruction); `expr_to`
//! evaluates into given slots. Neither ever returns call-window slots: a
//! call's results are copied out of the window before anything else runs.

use goscope_runtime::vm::Op;

use super::func::Loc;
use super::fused::{access, int_op_k, Access};
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::pos::Pos;
use crate::types::constant::{Kind as CKind, Value};
use crate::types::object::ObjKind;
use crate::types::ty::{Type, TypeId};

/// An assignable place.
#[derive(Clone, Copy, Debug)]
pub enum LV {
    Reg(u32, TypeId),
    Mem {
        p: u32,
        off: u32,
        t: TypeId,
    },
    /// A map entry: the map and key in slots `s..` (maps.rs), the map
    /// type's index `t`, the elem type `vt`.
    Map {
        s: u32,
        t: u32,
        vt: TypeId,
    },
    /// Element R[i] of the slice whose header is in R[h..h+3], a scalar
    /// stored with `acc` (bounds-checked at the store, at `pos`).
    Idx {
        h: u32,
        i: u32,
        t: TypeId,
        acc: Access,
        pos: Pos,
    },
    Blank,
}

impl<'c, 'a> Compiler<'c, 'a> {
    /// Slots for a value of type `t`.
    pub(super) fn temp(&mut self, t: TypeId) -> u32 {
        let n = self.lay.slots(t);
        let p = self.lay.has_pointers(t);
        self.f.alloc(n, p)
    }

    pub(super) fn mov(&mut self, d: u32, s: u32, n: u32) {
        if d == s || n == 0 {
            return;
        }
        if n == 1 {
            self.f.emit(Op::Move { a: d, b: s });
        } else {
            self.f.emit(Op::MoveN { a: d, b: s, n });
        }
    }

    /// The value of `e` in some slot (see the module docs).
    /// [`Self::expr`] of an operand whose implicit interface conversion
    /// the caller handles itself.
    pub(super) fn expr_unconverted(&mut self, e: &Expr) -> CResult<u32> {
        let saved = self.conv_ok.replace(e.unparen().id);
        let r = self.expr(e);
        self.conv_ok = saved;
        r
    }

    pub(super) fn expr(&mut self, e: &Expr) -> CResult<u32> {
        let e = e.unparen();
        if let Some(&(s, false)) = self.f.overrides.get(&e.id) {
            if self.conv_target(e).is_none() {
                return Ok(s);
            }
        }
        // A variable in a register is its own value, unless it is
        // implicitly converted to an interface here.
        if self.c.info.value_of(e.id).is_none()
            && e.as_name().is_some()
            && self.conv_target(e).is_none()
        {
            if let Some(obj) = self.c.info.use_of(e.id) {
                if let Some(Loc::Reg(s)) = self.f.vars.get(&obj) {
                    return Ok(*s);
                }
            }
        }
        let conv = self.conv_target(e);
        if conv.is_none() {
            if let Some(s) = self.field_slot(e) {
                return Ok(s);
            }
        }
        if let ExprKind::Call { fun, args, .. } = &e.kind {
            // A conversion T(x) already yields fresh slots: no copy.
            if conv.is_none()
                && args.len() == 1
                && self.c.info.value_of(e.id).is_none()
                && self
                    .c
                    .info
                    .type_of(fun.unparen().id)
                    .is_some_and(|t| t.is_type())
            {
                return self.call(e);
            }
        }
        let t = conv.unwrap_or_else(|| self.ty(e));
        let d = self.temp(t);
        self.expr_to(e, d)?;
        Ok(d)
    }

    /// Evaluates `e` into `d..`.
    pub(super) fn expr_to(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let e = e.unparen();
        let t = self.ty(e);
        // An implicit conversion to an interface (iface.rs), unless the
        // caller takes it over (the fmt bridge, print and panic do); it
        // converts an overridden value too.
        if let Some(to) = self.conv_target(e) {
            return self.conv_iface_to(e, to, d);
        }
        if let Some(&(s, by_addr)) = self.f.overrides.get(&e.id) {
            if by_addr {
                self.load_mem(d, s, 0, t);
            } else {
                let n = self.lay.slots(t);
                self.mov(d, s, n);
            }
            return Ok(());
        }
        if let Some(v) = self.c.info.value_of(e.id).cloned() {
            return self.load_const(&v, t, d, e);
        }
        if self.func_operand_to(e, d)? {
            return Ok(());
        }
        match &e.kind {
            ExprKind::Name(_) => self.name_to(e, d),
            ExprKind::Operation { op, x, y: Some(y) } => self.binary(*op, x, y, t, d),
            ExprKind::Operation { op, x, y: None } => self.unary(e, *op, x, t, d),
            ExprKind::Call { .. } => {
                let r = self.call(e)?;
                let n = self.lay.slots(t);
                self.mov(d, r, n);
                Ok(())
            }
            ExprKind::Selector { .. } if self.iface_method_func(e, d)?.is_some() => Ok(()),
            ExprKind::Index { x, index } if self.map_types(self.ty(x)).is_some() => {
                self.map_index_to(e, x, index, d)
            }
            ExprKind::Index { .. } | ExprKind::Selector { .. } => {
                if let Some(s) = self.field_slot(e) {
                    let n = self.lay.slots(t);
                    self.mov(d, s, n);
                    return Ok(());
                }
                if let Some((h, i, acc)) = self.index_elem(e)? {
                    self.f.emit((acc.load_idx)(d, h, i));
                    return Ok(());
                }
                let (p, off) = self.addr_of(e)?;
                self.load_mem(d, p, off, t);
                Ok(())
            }
            ExprKind::Slice { .. } => self.slice_expr(e, d),
            ExprKind::CompositeLit(_) => self.composite(e, d),
            ExprKind::FuncLit { .. } => self.func_lit(e, d),
            ExprKind::Assert { x, ty } => self.type_assert(e, x, ty, d),
            _ => Err(self.unsupported(e.pos, "this expression")),
        }
    }

    fn name_to(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let t = self.ty(e);
        let Some(obj) = self.c.info.use_of(e.id) else {
            return Err(self.unsupported(e.pos, "name without object"));
        };
        match &self.c.obj(obj).kind {
            ObjKind::Nil => {
                let n = self.lay.slots(t);
                self.f.emit(Op::Zero { a: d, n });
                Ok(())
            }
            ObjKind::Var { .. } => {
                let Some(loc) = self.var_loc(obj) else {
                    return Err(self.unsupported(e.pos, "captured variables"));
                };
                match loc {
                    Loc::Reg(s) => {
                        let n = self.lay.slots(t);
                        self.mov(d, s, n);
                    }
                    Loc::Ind(p) => self.load_mem(d, p, 0, t),
                    Loc::Global(off) => {
                        let p = self.f.alloc(1, true);
                        self.f.emit(Op::GlobalAddr { a: p, off });
                        self.load_mem(d, p, 0, t);
                    }
                }
                Ok(())
            }
            crate::types::object::ObjKind::Func { .. } => {
                match self.instance_func(e.id).or(self.func_id(obj)) {
                    Some(id) => {
                        self.func_value(id, d);
                        Ok(())
                    }
                    None => Err(self.unsupported(e.pos, "this function value")),
                }
            }
            _ => Err(self.unsupported(e.pos, "this name")),
        }
    }

    pub(super) fn var_loc(&self, obj: crate::types::object::ObjId) -> Option<Loc> {
        if let Some(l) = self.f.vars.get(&obj) {
            return Some(*l);
        }
        self.globals.get(&obj).map(|o| Loc::Global(*o))
    }

    /// Loads a constant of type `t` into `d..`.
    pub(super) fn load_const(&mut self, v: &Value, t: TypeId, d: u32, e: &Expr) -> CResult<()> {
        let k = self.lay.kind(t);
        let word = match (k, v.kind()) {
            (K::Bool, _) => v.bool_val() as u64,
            (K::Int { signed: true, .. }, _) | (K::Ptr, CKind::Int) => v.int64_val().0 as u64,
            (K::Int { signed: false, .. }, _) => v.uint64_val().0,
            (K::F64, _) => v.float64_val().0.to_bits(),
            (K::F32, _) => v.float32_val().0.to_bits() as u64,
            (K::Str, _) => {
                let bytes = v.string_val();
                if bytes.is_empty() {
                    self.f.emit(Op::Zero { a: d, n: 2 });
                } else {
                    let i = self.static_data(&bytes);
                    let k = self.konst(i as u64);
                    self.f.emit(Op::StaticAddr { a: d, k });
                    self.load_word(d + 1, bytes.len() as u64);
                }
                return Ok(());
            }
            (K::C128, _) => {
                let re = v.real().float64_val().0.to_bits();
                let im = v.imag().float64_val().0.to_bits();
                self.load_word(d, re);
                self.load_word(d + 1, im);
                return Ok(());
            }
            (K::C64, _) => {
                let re = v.real().float32_val().0.to_bits() as u64;
                let im = v.imag().float32_val().0.to_bits() as u64;
                re | (im << 32)
            }
            _ => return Err(self.unsupported(e.pos, "constant of this type")),
        };
        self.load_word(d, word);
        Ok(())
    }

    pub(super) fn load_word(&mut self, d: u32, w: u64) {
        let i = w as i64;
        if i >= i32::MIN as i64 && i <= i32::MAX as i64 {
            self.f.emit(Op::LoadI {
                a: d,
                i: i as i32 as u32,
            });
        } else {
            let k = self.konst(w);
            self.f.emit(Op::LoadK { a: d, k });
        }
    }

    /// Re-canonicalizes a narrow integer result in place.
    pub(super) fn ext(&mut self, k: K, d: u32) {
        self.ext_from(k, d, d);
    }

    /// `R[d] := R[s]` re-canonicalized for the integer kind `k`; false
    /// (nothing emitted) when `k` needs no extension (64 bits, non-ints).
    pub(super) fn ext_from(&mut self, k: K, d: u32, s: u32) -> bool {
        let K::Int { bits, signed } = k else {
            return false;
        };
        let (a, b) = (d, s);
        let op = match (bits, signed) {
            (8, true) => Op::SExt8 { a, b },
            (16, true) => Op::SExt16 { a, b },
            (32, true) => Op::SExt32 { a, b },
            (8, false) => Op::ZExt8 { a, b },
            (16, false) => Op::ZExt16 { a, b },
            (32, false) => Op::ZExt32 { a, b },
            _ => return false,
        };
        self.f.emit(op);
        true
    }

    /// Both operands of a binary operation, `x` kept safe from calls in `y`.
    fn operands(&mut self, x: &Expr, y: &Expr) -> CResult<(u32, u32)> {
        let a = self.expr(x)?;
        let a = if self.has_live_call(y) && self.is_reg_var(x) {
            let t = self.ty(x);
            let c = self.temp(t);
            let n = self.lay.slots(t);
            self.mov(c, a, n);
            c
        } else {
            a
        };
        // A call's result is read straight from the call window: the
        // operation runs right after the call.
        let b = if matches!(y.unparen().kind, ExprKind::Call { .. }) {
            self.call(y)?
        } else {
            self.expr(y)?
        };
        Ok((a, b))
    }

    fn is_reg_var(&self, e: &Expr) -> bool {
        let e = e.unparen();
        e.as_name().is_some()
            && self
                .c
                .info
                .use_of(e.id)
                .is_some_and(|o| matches!(self.f.vars.get(&o), Some(Loc::Reg(_))))
    }

    fn binary(&mut self, op: Operator, x: &Expr, y: &Expr, t: TypeId, d: u32) -> CResult<()> {
        use Operator::*;
        match op {
            AndAnd | OrOr => {
                let end = self.f.new_label();
                self.expr_to(x, d)?;
                if op == AndAnd {
                    self.f.emit(Op::JmpIfNot {
                        a: d,
                        t: end as u32,
                    });
                } else {
                    self.f.emit(Op::JmpIf {
                        a: d,
                        t: end as u32,
                    });
                }
                self.expr_to(y, d)?;
                self.f.place(end);
                return Ok(());
            }
            Eql | Neq | Lss | Leq | Gtr | Geq => return self.compare(op, x, y, d),
            _ => {}
        }
        let k = self.lay.kind(t);
        if k == K::Str && op == Add {
            return self.concat(x, y, d);
        }
        if self.binary_k(op, k, x, y, d)? {
            return Ok(());
        }
        let (a, b) = self.operands(x, y)?;
        self.arith(op, k, a, b, y, d)
    }

    /// `d := a op b` for arithmetic `op` on kind `k`; `y` is b's expression
    /// (its type decides whether a shift count needs the negative check).
    pub(super) fn arith(
        &mut self,
        op: Operator,
        k: K,
        a: u32,
        b: u32,
        y: &Expr,
        d: u32,
    ) -> CResult<()> {
        use Operator::*;
        let (b_ty, signed) = (self.ty(y), matches!(k, K::Int { signed: true, .. }));
        let ins = match (k, op) {
            (K::Int { .. }, Add) => Op::AddI { a: d, b: a, c: b },
            (K::Int { .. }, Sub) => Op::SubI { a: d, b: a, c: b },
            (K::Int { .. }, Mul) => Op::MulI { a: d, b: a, c: b },
            (K::Int { .. }, Div) if signed => Op::DivS { a: d, b: a, c: b },
            (K::Int { .. }, Div) => Op::DivU { a: d, b: a, c: b },
            (K::Int { .. }, Rem) if signed => Op::RemS { a: d, b: a, c: b },
            (K::Int { .. }, Rem) => Op::RemU { a: d, b: a, c: b },
            (K::Int { .. }, And) => Op::And { a: d, b: a, c: b },
            (K::Int { .. }, Or) => Op::Or { a: d, b: a, c: b },
            (K::Int { .. }, Xor) => Op::Xor { a: d, b: a, c: b },
            (K::Int { .. }, AndNot) => Op::AndNot { a: d, b: a, c: b },
            (K::Int { .. }, Shl | Shr) => {
                if matches!(self.lay.kind(b_ty), K::Int { signed: true, .. })
                    && self.c.info.value_of(y.id).is_none()
                {
                    self.f.emit(Op::ShiftCheck { a: b });
                }
                match (op, signed) {
                    (Shl, _) => Op::Shl { a: d, b: a, c: b },
                    (_, true) => Op::ShrS { a: d, b: a, c: b },
                    _ => Op::ShrU { a: d, b: a, c: b },
                }
            }
            (K::F64, Add) => Op::AddF { a: d, b: a, c: b },
            (K::F64, Sub) => Op::SubF { a: d, b: a, c: b },
            (K::F64, Mul) => Op::MulF { a: d, b: a, c: b },
            (K::F64, Div) => Op::DivF { a: d, b: a, c: b },
            (K::F32, Add) => Op::AddF32 { a: d, b: a, c: b },
            (K::F32, Sub) => Op::SubF32 { a: d, b: a, c: b },
            (K::F32, Mul) => Op::MulF32 { a: d, b: a, c: b },
            (K::F32, Div) => Op::DivF32 { a: d, b: a, c: b },
            (K::C128, Add) => Op::C128Add { a: d, b: a, c: b },
            (K::C128, Sub) => Op::C128Sub { a: d, b: a, c: b },
            (K::C128, Mul) => Op::C128Mul { a: d, b: a, c: b },
            (K::C128, Div) => Op::C128Div { a: d, b: a, c: b },
            (K::C64, Add) => Op::C64Add { a: d, b: a, c: b },
            (K::C64, Sub) => Op::C64Sub { a: d, b: a, c: b },
            (K::C64, Mul) => Op::C64Mul { a: d, b: a, c: b },
            (K::C64, Div) => Op::C64Div { a: d, b: a, c: b },
            _ => return Err(self.unsupported(y.pos, "this operator on this type")),
        };
        if matches!(op, Div | Rem) {
            self.set_line(y.pos);
        }
        self.f.emit(ins);
        self.ext(k, d);
        Ok(())
    }

    /// `x op= y` with x's current value in `cur`; the result goes to `d`.
    pub(super) fn op_assign(
        &mut self,
        op: Operator,
        cur: u32,
        y: &Expr,
        t: TypeId,
        d: u32,
        s: &crate::syntax::ast::Stmt,
    ) -> CResult<()> {
        let k = self.lay.kind(t);
        if k == K::Str && op == Operator::Add {
            let base = self.f.alloc(4, true);
            self.mov(base, cur, 2);
            self.expr_to(y, base + 2)?;
            self.f.emit(Op::Concatstrings {
                a: d,
                b: base,
                n: 2,
            });
            return Ok(());
        }
        if let K::Int { signed, .. } = k {
            let form = self.small_const(y).and_then(|c| int_op_k(op, signed, c));
            if let Some((f, i)) = form {
                self.f.emit(f(d, cur, i as u32));
                self.ext(k, d);
                return Ok(());
            }
        }
        let cur = if super::walk::has_call(y) {
            let c = self.temp(t);
            let n = self.lay.slots(t);
            self.mov(c, cur, n);
            c
        } else {
            cur
        };
        let b = self.expr(y)?;
        self.set_line(s.pos);
        self.arith(op, k, cur, b, y, d)
    }

    /// `d := a == b` for values of type `t` (structs, arrays, complex):
    /// gc's `t.equal` on the two values laid side by side.
    pub(super) fn equal_values(&mut self, t: TypeId, d: u32, a: u32, b: u32) -> CResult<()> {
        let n = self.lay.slots(t);
        let ti = self.type_index(t)?;
        let pair = self.f.alloc(2 * n, self.lay.has_pointers(t));
        self.mov(pair, a, n);
        self.mov(pair + n, b, n);
        self.f.emit(Op::EqualT {
            a: d,
            b: pair,
            t: ti,
        });
        Ok(())
    }

    /// `x op y` for a comparison, into the bool slot `d`.
    fn compare(&mut self, op: Operator, x: &Expr, y: &Expr, d: u32) -> CResult<()> {
        use Operator::*;
        let k = self.lay.kind(self.ty(x));
        let k = if self.is_nil(x) {
            self.lay.kind(self.ty(y))
        } else {
            k
        };
        if matches!(op, Eql | Neq)
            && (self.lay.kind(self.ty(x)) == K::Iface || self.lay.kind(self.ty(y)) == K::Iface)
        {
            return self.iface_compare(op == Eql, x, y, d);
        }
        let (a, b) = self.operands(x, y)?;
        // x > y is y < x; x >= y is y <= x.
        let (a, b, op) = match op {
            Gtr => (b, a, Lss),
            Geq => (b, a, Leq),
            o => (a, b, o),
        };
        let ins = match k {
            K::Int { signed, .. } => match (op, signed) {
                (Eql, _) => Op::EqI { a: d, b: a, c: b },
                (Neq, _) => Op::NeI { a: d, b: a, c: b },
                (Lss, true) => Op::LtS { a: d, b: a, c: b },
                (Leq, true) => Op::LeS { a: d, b: a, c: b },
                (Lss, false) => Op::LtU { a: d, b: a, c: b },
                _ => Op::LeU { a: d, b: a, c: b },
            },
            K::Bool | K::Ptr | K::Slice | K::Iface => match op {
                Eql => Op::EqI { a: d, b: a, c: b },
                _ => Op::NeI { a: d, b: a, c: b },
            },
            K::F64 => match op {
                Eql => Op::EqF { a: d, b: a, c: b },
                Neq => Op::NeF { a: d, b: a, c: b },
                Lss => Op::LtF { a: d, b: a, c: b },
                _ => Op::LeF { a: d, b: a, c: b },
            },
            K::F32 => match op {
                Eql => Op::EqF32 { a: d, b: a, c: b },
                Neq => Op::NeF32 { a: d, b: a, c: b },
                Lss => Op::LtF32 { a: d, b: a, c: b },
                _ => Op::LeF32 { a: d, b: a, c: b },
            },
            K::Str => {
                if matches!(op, Eql | Neq) {
                    self.f.emit(Op::EqString { a: d, b: a, c: b });
                    if op == Neq {
                        self.f.emit(Op::Not { a: d, b: d });
                    }
                    return Ok(());
                }
                let z = self.f.alloc(1, false);
                self.f.emit(Op::CmpString { a: d, b: a, c: b });
                self.f.emit(Op::LoadI { a: z, i: 0 });
                match op {
                    Lss => Op::LtS { a: d, b: d, c: z },
                    _ => Op::LeS { a: d, b: d, c: z },
                }
            }
            K::Agg | K::C64 | K::C128 if matches!(op, Eql | Neq) => {
                let t = if self.c.types.is_untyped(self.ty(x)) {
                    self.ty(y)
                } else {
                    self.ty(x)
                };
                self.equal_values(t, d, a, b)?;
                if op == Neq {
                    self.f.emit(Op::Not { a: d, b: d });
                }
                return Ok(());
            }
            _ => return Err(self.unsupported(x.pos, "comparison of this type")),
        };
        self.f.emit(ins);
        Ok(())
    }

    pub(super) fn is_nil(&self, e: &Expr) -> bool {
        let e = e.unparen();
        e.as_name().is_some()
            && self
                .c
                .info
                .use_of(e.id)
                .is_some_and(|o| matches!(self.c.obj(o).kind, ObjKind::Nil))
    }

    /// String concatenation, flattened: `a + b + c` is one concatstrings.
    fn concat(&mut self, x: &Expr, y: &Expr, d: u32) -> CResult<()> {
        let mut parts = Vec::new();
        fn flatten<'e>(c: &Compiler, e: &'e Expr, out: &mut Vec<&'e Expr>) {
            let e = e.unparen();
            if c.c.info.value_of(e.id).is_none() {
                if let ExprKind::Operation {
                    op: Operator::Add,
                    x,
                    y: Some(y),
                } = &e.kind
                {
                    flatten(c, x, out);
                    flatten(c, y, out);
                    return;
                }
            }
            out.push(e);
        }
        flatten(self, x, &mut parts);
        flatten(self, y, &mut parts);
        let n = parts.len() as u32;
        let base = self.f.alloc(2 * n, true);
        for (i, p) in parts.iter().enumerate() {
            self.expr_to(p, base + 2 * i as u32)?;
        }
        self.f.emit(Op::Concatstrings { a: d, b: base, n });
        Ok(())
    }

    fn unary(&mut self, e: &Expr, op: Operator, x: &Expr, t: TypeId, d: u32) -> CResult<()> {
        let k = self.lay.kind(t);
        match op {
            Operator::Add => self.expr_to(x, d),
            Operator::Sub => {
                let a = self.expr(x)?;
                match k {
                    K::Int { .. } => self.f.emit(Op::NegI { a: d, b: a }),
                    K::F64 => self.f.emit(Op::NegF { a: d, b: a }),
                    K::F32 => self.f.emit(Op::NegF32 { a: d, b: a }),
                    K::C128 => self.f.emit(Op::C128Neg { a: d, b: a }),
                    K::C64 => self.f.emit(Op::C64Neg { a: d, b: a }),
                    _ => return Err(self.unsupported(e.pos, "negation of this type")),
                }
                self.ext(k, d);
                Ok(())
            }
            Operator::Xor => {
                let a = self.expr(x)?;
                self.f.emit(Op::Com { a: d, b: a });
                self.ext(k, d);
                Ok(())
            }
            Operator::Not => {
                let a = self.expr(x)?;
                self.f.emit(Op::Not { a: d, b: a });
                Ok(())
            }
            Operator::Mul => {
                let p = self.expr(x)?;
                self.load_mem(d, p, 0, t);
                Ok(())
            }
            Operator::And => self.addr_expr(e, x, d),
            _ => Err(self.unsupported(e.pos, "this unary operator")),
        }
    }

    /// `&x`: the address of a variable or of a composite literal.
    fn addr_expr(&mut self, e: &Expr, x: &Expr, d: u32) -> CResult<()> {
        let x = x.unparen();
        if let ExprKind::CompositeLit(_) = &x.kind {
            let t = self.ty(x);
            let p = self.new_cell(t);
            if !self.composite_into_zeroed(x, t, p)? {
                let v = self.temp(t);
                self.composite(x, v)?;
                self.store_mem(p, 0, v, t);
            }
            self.f.emit(Op::Move { a: d, b: p });
            return Ok(());
        }
        let (p, off) = self.addr_of(x)?;
        if off == 0 {
            self.f.emit(Op::Move { a: d, b: p });
        } else {
            self.f.emit(Op::AddIK { a: d, b: p, i: off });
        }
        let _ = e;
        Ok(())
    }

    /// The address of an addressable expression (or of a temporary copy of
    /// a non-addressable struct or array value), as (slot, byte offset).
    pub(super) fn addr_of(&mut self, e: &Expr) -> CResult<(u32, u32)> {
        let e = e.unparen();
        if let Some(&(s, true)) = self.f.overrides.get(&e.id) {
            return Ok((s, 0));
        }
        match &e.kind {
            ExprKind::Name(_) => {
                let Some(obj) = self.c.info.use_of(e.id) else {
                    return Err(self.unsupported(e.pos, "name"));
                };
                match self.var_loc(obj) {
                    Some(Loc::Ind(p)) => Ok((p, 0)),
                    Some(Loc::Global(off)) => {
                        let p = self.f.alloc(1, true);
                        self.f.emit(Op::GlobalAddr { a: p, off });
                        Ok((p, 0))
                    }
                    Some(Loc::Reg(s)) => {
                        let p = self.f.alloc(1, true);
                        self.f.emit(Op::FrameAddr { a: p, b: s });
                        Ok((p, 0))
                    }
                    None => Err(self.unsupported(e.pos, "captured variables")),
                }
            }
            ExprKind::Operation {
                op: Operator::Mul,
                x,
                y: None,
            } => Ok((self.expr(x)?, 0)),
            ExprKind::Selector { x, .. } => {
                let Some(sel) = self.selection(e.id) else {
                    return Err(self.unsupported(e.pos, "qualified identifiers"));
                };
                if sel.kind != crate::types::info::SelectionKind::FieldVal {
                    return Err(self.unsupported(e.pos, "method values"));
                }
                let t = self.ty(x);
                let (p, off) = if self.lay.kind(t) == K::Ptr {
                    (self.expr(x)?, 0)
                } else if self.addressable(x) {
                    self.addr_of(x)?
                } else {
                    let v = self.expr(x)?;
                    let p = self.f.alloc(1, true);
                    self.f.emit(Op::FrameAddr { a: p, b: v });
                    (p, 0)
                };
                let (p, off, _) = self.field_path(p, off, t, &sel.index)?;
                Ok((p, off))
            }
            ExprKind::Index { x, index } => self.index_addr(e, x, index),
            _ => {
                let t = self.ty(e);
                if self.lay.kind(t) == K::Agg {
                    let v = self.expr(e)?;
                    let p = self.f.alloc(1, true);
                    self.f.emit(Op::FrameAddr { a: p, b: v });
                    return Ok((p, 0));
                }
                Err(self.unsupported(e.pos, "address of this expression"))
            }
        }
    }

    /// The slots of `x.f` when x is a struct value held in slots (a
    /// register variable, or a field of one) and f fills whole slots: a
    /// field at a multiple of 8 bytes whose size is a multiple of 8 is
    /// those slots of x, so reading it needs no address and no load.
    /// None for anything else (a field behind a pointer, a sub-word field
    /// sharing its slot).
    fn field_slot(&mut self, e: &Expr) -> Option<u32> {
        let e = e.unparen();
        match &e.kind {
            ExprKind::Name(_) => {
                if let Some(&(s, false)) = self.f.overrides.get(&e.id) {
                    return Some(s);
                }
                let obj = self.c.info.use_of(e.id)?;
                match self.f.vars.get(&obj) {
                    Some(Loc::Reg(s)) if !self.f.overrides.contains_key(&e.id) => Some(*s),
                    _ => None,
                }
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.selection(e.id)?;
                if sel.kind != crate::types::info::SelectionKind::FieldVal {
                    return None;
                }
                let mut t = self.ty(x);
                let mut off = 0i64;
                for &i in &sel.index {
                    let Type::Struct(st) = self.c.types.get(self.lay.under(t)) else {
                        return None;
                    };
                    off += *self.lay.offsets(t).get(i)?;
                    t = self.obj_type(*st.fields.get(i)?);
                }
                if off % 8 != 0 || self.lay.size(t) % 8 != 0 {
                    return None;
                }
                Some(self.field_slot(x)? + (off / 8) as u32)
            }
            _ => None,
        }
    }

    /// Follows a path of field indexes from a value of type `t` at
    /// R[p]+off (or, when `t` is a pointer, from the pointer in R[p]),
    /// loading embedded pointers on the way. Returns the field's place and
    /// type.
    pub(super) fn field_path(
        &mut self,
        mut p: u32,
        mut off: u32,
        mut t: TypeId,
        index: &[usize],
    ) -> CResult<(u32, u32, TypeId)> {
        for (step, &i) in index.iter().enumerate() {
            if self.lay.kind(t) == K::Ptr {
                if step > 0 {
                    let q = self.f.alloc(1, true);
                    self.f.emit(Op::Load64 { a: q, b: p, off });
                    p = q;
                    off = 0;
                }
                self.f.emit(Op::NilCheck { a: p });
                t = self.c.types.pointer_base(self.lay.under(t)).unwrap_or(t);
            }
            let offs = self.lay.offsets(t);
            let fields = match self.c.types.get(self.lay.under(t)) {
                Type::Struct(st) => st.fields.clone(),
                _ => return Err("goscope: not supported yet: selector path".into()),
            };
            off += offs.get(i).copied().unwrap_or(0) as u32;
            t = self.obj_type(fields[i]);
        }
        Ok((p, off, t))
    }

    pub(super) fn addressable(&self, e: &Expr) -> bool {
        self.c
            .info
            .type_of(e.unparen().id)
            .is_some_and(|t| t.addressable())
    }

    /// The address of `x[i]` (array, pointer to array, slice, string).
    fn index_addr(&mut self, e: &Expr, x: &Expr, i: &Expr) -> CResult<(u32, u32)> {
        let xt = self.ty(x);
        let u = self.lay.under(xt);
        if let Some(place) = self.const_array_index(x, i)? {
            return Ok(place);
        }
        let (p, len, elem) = match self.c.types.get(u).clone() {
            Type::Slice(elem) => {
                let v = self.expr(x)?;
                let p = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: p, b: v });
                (p, v + 1, elem)
            }
            Type::Array { len, elem } => {
                let (p, off) = if self.addressable(x) {
                    self.addr_of(x)?
                } else {
                    let v = self.expr(x)?;
                    let p = self.f.alloc(1, true);
                    self.f.emit(Op::FrameAddr { a: p, b: v });
                    (p, 0)
                };
                let q = self.f.alloc(1, true);
                self.f.emit(Op::AddIK { a: q, b: p, i: off });
                let l = self.f.alloc(1, false);
                self.load_word(l, len as u64);
                (q, l, elem)
            }
            Type::Pointer(base) => {
                let Type::Array { len, elem } = self.c.types.get(self.lay.under(base)).clone()
                else {
                    return Err(self.unsupported(e.pos, "index"));
                };
                let v = self.expr(x)?;
                self.f.emit(Op::NilCheck { a: v });
                let q = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: q, b: v });
                let l = self.f.alloc(1, false);
                self.load_word(l, len as u64);
                (q, l, elem)
            }
            Type::Basic { .. } => {
                let v = self.expr(x)?;
                let p = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: p, b: v });
                (p, v + 1, TypeId::INVALID)
            }
            _ => return Err(self.unsupported(e.pos, "map index")),
        };
        let esize = if elem == TypeId::INVALID {
            1
        } else {
            self.lay.size(elem) as u32
        };
        let iv = self.expr(i)?;
        self.set_line(e.pos);
        self.f.emit(Op::BoundsCheck { a: iv, b: len });
        self.f.emit(Op::IndexAddr {
            a: p,
            b: iv,
            n: esize,
        });
        Ok((p, 0))
    }

    /// `x[c]` of an array or pointer to array with a constant index: the
    /// checker has proved `0 <= c < len` (gc rejects anything else at
    /// compile time), so the element is a fixed offset from x's address and
    /// needs no bounds check, as in gc. None, with nothing emitted, for
    /// anything else.
    fn const_array_index(&mut self, x: &Expr, i: &Expr) -> CResult<Option<(u32, u32)>> {
        let Some(c) = self.small_const(i) else {
            return Ok(None);
        };
        let u = self.lay.under(self.ty(x));
        let (len, elem, through_ptr) = match self.c.types.get(u).clone() {
            Type::Array { len, elem } => (len, elem, false),
            Type::Pointer(base) => match self.c.types.get(self.lay.under(base)).clone() {
                Type::Array { len, elem } => (len, elem, true),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let esize = self.lay.size(elem);
        let Ok(c) = u64::try_from(c) else {
            return Ok(None);
        };
        let Some(rel) = u64::try_from(esize)
            .ok()
            .and_then(|n| c.checked_mul(n))
            .filter(|_| c < len as u64)
        else {
            return Ok(None);
        };
        if !through_ptr && !self.addressable(x) {
            return Ok(None);
        }
        let (p, off) = if through_ptr {
            let v = self.expr(x)?;
            self.f.emit(Op::NilCheck { a: v });
            (v, 0)
        } else {
            self.addr_of(x)?
        };
        match u32::try_from(off as u64 + rel) {
            Ok(off) => Ok(Some((p, off))),
            Err(_) => {
                // Beyond an immediate offset: add in two steps.
                let q = self.f.alloc(1, true);
                self.load_word(q, rel);
                self.f.emit(Op::AddI { a: q, b: q, c: p });
                Ok(Some((q, off)))
            }
        }
    }

    /// Loads a value of type `t` from memory at R[p]+off into `d..`.
    pub(super) fn load_mem(&mut self, d: u32, p: u32, off: u32, t: TypeId) {
        match access(self.lay.kind(t)) {
            Some(acc) => self.f.emit((acc.load)(d, p, off)),
            None => self.copy_agg(p, off, d, t, false),
        }
    }

    /// Stores the value of type `t` in `s..` to memory at R[p]+off.
    pub(super) fn store_mem(&mut self, p: u32, off: u32, s: u32, t: TypeId) {
        match access(self.lay.kind(t)) {
            Some(acc) => self.f.emit((acc.store)(p, off, s)),
            None => self.copy_agg(p, off, s, t, true),
        }
    }

    /// Copies a value of the non-scalar type `t` between slots `s..` and
    /// memory at R[p]+off: into memory when `to_mem`, else out of it.
    fn copy_agg(&mut self, p: u32, off: u32, s: u32, t: TypeId, to_mem: bool) {
        let size = self.lay.size(t) as u32;
        if size == 0 {
            return;
        }
        let q = self.offset_addr(p, off);
        if size.is_multiple_of(8) {
            let n = size / 8;
            self.f.emit(if to_mem {
                Op::StoreN { a: q, b: s, n }
            } else {
                Op::LoadN { a: s, b: q, n }
            });
        } else {
            let fa = self.f.alloc(1, true);
            self.f.emit(Op::FrameAddr { a: fa, b: s });
            let (a, b) = if to_mem { (q, fa) } else { (fa, q) };
            self.f.emit(Op::CopyMem { a, b, n: size });
        }
    }

    fn offset_addr(&mut self, p: u32, off: u32) -> u32 {
        if off == 0 {
            return p;
        }
        let q = self.f.alloc(1, true);
        self.f.emit(Op::AddIK { a: q, b: p, i: off });
        q
    }

    /// The place an assignment writes.
    pub(super) fn lvalue(&mut self, e: &Expr) -> CResult<LV> {
        let e = e.unparen();
        let t = self.ty(e);
        if let ExprKind::Name(sym) = &e.kind {
            if sym.as_str() == "_" {
                return Ok(LV::Blank);
            }
            let obj = self
                .c
                .info
                .use_of(e.id)
                .or(self.c.info.def_of(e.id).flatten());
            // A name on the left of := has no recorded type: use its
            // variable's.
            let t = obj.map_or(t, |o| self.obj_type(o));
            match obj.and_then(|o| self.var_loc(o)) {
                Some(Loc::Reg(s)) => return Ok(LV::Reg(s, t)),
                Some(Loc::Ind(p)) => return Ok(LV::Mem { p, off: 0, t }),
                _ => {}
            }
        }
        if let Some(lv) = self.map_lvalue(e)? {
            return Ok(lv);
        }
        let (p, off) = self.addr_of(e)?;
        Ok(LV::Mem { p, off, t })
    }

    /// Stores the value in `s..` to the place.
    pub(super) fn store(&mut self, lv: LV, s: u32) {
        match lv {
            LV::Reg(d, t) => {
                let n = self.lay.slots(t);
                self.mov(d, s, n);
            }
            LV::Mem { p, off, t } => self.store_mem(p, off, s, t),
            LV::Map { s: m, t, vt } => self.map_store(m, t, vt, s),
            LV::Idx { h, i, acc, pos, .. } => {
                self.set_line(pos);
                self.f.emit((acc.store_idx)(h, i, s));
            }
            LV::Blank => {}
        }
    }

    /// Loads the current value of a place into a slot.
    pub(super) fn load_lv(&mut self, lv: LV) -> u32 {
        match lv {
            LV::Reg(s, _) => s,
            LV::Mem { p, off, t } => {
                let d = self.temp(t);
                self.load_mem(d, p, off, t);
                d
            }
            LV::Map { s, t, vt } => self.map_load(s, t, vt),
            LV::Idx { h, i, t, acc, pos } => {
                let d = self.temp(t);
                self.set_line(pos);
                self.f.emit((acc.load_idx)(d, h, i));
                d
            }
            LV::Blank => 0,
        }
    }
}
