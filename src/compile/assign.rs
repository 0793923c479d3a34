//! Declarations and assignments: `var`, `:=`, `=`, `op=`, `++`/`--`,
//! tuple assignments, and package-level initializers.

use goscope_runtime::vm::Op;

use super::expr::LV;
use super::func::Loc;
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind, Operator, Stmt};
use crate::types::object::ObjId;
use crate::types::ty::TypeId;

impl<'c, 'a> Compiler<'c, 'a> {
    /// Declares variables (`var` or `:=`) and initializes them.
    pub(super) fn define(
        &mut self,
        objs: &[Option<ObjId>],
        values: &[&Expr],
        s: &Stmt,
    ) -> CResult<()> {
        // Multi-value call: results land in the call window.
        if values.len() == 1 && objs.len() > 1 {
            let tmps = self.multi_value_temps(values[0])?;
            for (o, (tmp, t)) in objs.iter().zip(tmps) {
                if let Some(o) = o {
                    let v = self.assign_value(tmp, t, self.obj_type(*o))?;
                    self.declare(*o, Some(v), s)?;
                }
            }
            return Ok(());
        }
        if values.is_empty() {
            for o in objs.iter().flatten() {
                self.declare(*o, None, s)?;
            }
            return Ok(());
        }
        if objs.len() == 1 {
            if let Some(o) = objs[0] {
                if !self.needs_cell(o) {
                    let t = self.obj_type(o);
                    let d = self.temp(t);
                    self.expr_to(values[0], d)?;
                    self.f.vars.insert(o, Loc::Reg(d));
                    return Ok(());
                }
            }
        }
        let mut tmps = Vec::new();
        for v in values {
            tmps.push(self.expr_copy(v)?);
        }
        for (o, tmp) in objs.iter().zip(tmps) {
            if let Some(o) = o {
                self.declare(*o, Some(tmp), s)?;
            }
        }
        Ok(())
    }

    /// The value of `e` in fresh slots (never a variable's own).
    pub(super) fn expr_copy(&mut self, e: &Expr) -> CResult<u32> {
        let t = self.ty(e);
        let d = self.temp(t);
        self.expr_to(e, d)?;
        Ok(d)
    }

    /// Gives a variable its storage, initialized from `init` or zero.
    pub(super) fn declare(&mut self, o: ObjId, init: Option<u32>, _s: &Stmt) -> CResult<()> {
        let t = self.obj_type(o);
        if self.needs_cell(o) {
            let p = self.new_cell(t);
            if let Some(v) = init {
                self.store_mem(p, 0, v, t);
            }
            self.f.vars.insert(o, Loc::Ind(p));
        } else {
            let d = self.temp(t);
            match init {
                Some(v) => {
                    let n = self.lay.slots(t);
                    self.mov(d, v, n)
                }
                None => {
                    let n = self.lay.slots(t);
                    if n > 0 {
                        self.f.emit(Op::Zero { a: d, n });
                    }
                }
            }
            self.f.vars.insert(o, Loc::Reg(d));
        }
        Ok(())
    }

    pub(super) fn assign(
        &mut self,
        s: &Stmt,
        op: Option<Operator>,
        lhs: &Expr,
        rhs: Option<&Expr>,
    ) -> CResult<()> {
        match op {
            Some(Operator::Def) => {
                let values: Vec<&Expr> = rhs
                    .map(|r| r.unpack_list().iter().collect())
                    .unwrap_or_default();
                let mut objs = Vec::new();
                let mut redecl = Vec::new();
                for l in lhs.unpack_list() {
                    match self.c.info.def_of(l.id) {
                        Some(Some(o)) => objs.push(Some(o)),
                        _ => {
                            // A redeclared variable: assigned, not declared.
                            objs.push(None);
                            redecl.push(l);
                        }
                    }
                }
                if redecl
                    .iter()
                    .all(|l| l.as_name().is_some_and(|n| n.as_str() == "_"))
                {
                    return self.define(&objs, &values, s);
                }
                // Mixed := : evaluate as an assignment to fresh and old.
                for (i, o) in objs.iter().enumerate() {
                    if let Some(o) = o {
                        self.declare(*o, None, s)?;
                    }
                    let _ = i;
                }
                self.assign_list(lhs.unpack_list(), &values)
            }
            None => {
                let values: Vec<&Expr> = rhs
                    .map(|r| r.unpack_list().iter().collect())
                    .unwrap_or_default();
                self.assign_list(lhs.unpack_list(), &values)
            }
            Some(op) => {
                // x op= y, x++ and x--. (gc evaluates a y with calls
                // before it loads x[i]: that keeps the general place.)
                let lv = if rhs.is_some_and(super::walk::has_call) {
                    self.lvalue(lhs)?
                } else {
                    self.lvalue_single(lhs)?
                };
                let lv = self.map_op_assign_place(lv, op, rhs)?;
                let t = self.ty(lhs);
                let k = self.lay.kind(t);
                let cur = self.load_lv(lv);
                let d = match lv {
                    LV::Reg(s, _) => s,
                    _ => cur,
                };
                match rhs {
                    None => {
                        let delta: i32 = if op == Operator::Add { 1 } else { -1 };
                        match k {
                            K::Int { .. } => {
                                self.f.emit(Op::AddIK {
                                    a: d,
                                    b: cur,
                                    i: delta as u32,
                                });
                                self.ext(k, d);
                            }
                            K::F64 | K::F32 => {
                                let one = self.f.alloc(1, false);
                                let bits = if k == K::F64 {
                                    1f64.to_bits()
                                } else {
                                    1f32.to_bits() as u64
                                };
                                self.load_word(one, bits);
                                let ins = match (k, op) {
                                    (K::F64, Operator::Add) => Op::AddF {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                    (K::F64, _) => Op::SubF {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                    (_, Operator::Add) => Op::AddF32 {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                    _ => Op::SubF32 {
                                        a: d,
                                        b: cur,
                                        c: one,
                                    },
                                };
                                self.f.emit(ins);
                            }
                            _ => return Err(self.unsupported(s.pos, "++ on this type")),
                        }
                    }
                    Some(y) => {
                        // Build `x op y` with x's current value in `cur`.
                        self.op_assign(op, cur, y, t, d, s)?;
                    }
                }
                if !matches!(lv, LV::Reg(..)) {
                    self.store(lv, d);
                }
                Ok(())
            }
        }
    }

    /// Evaluates a multi-value expression (a call, comma-ok form) and
    /// copies each value out of the call window into a temporary of its
    /// own type; the values are converted one by one by the caller, not as
    /// a tuple.
    fn multi_value_temps(&mut self, e: &Expr) -> CResult<Vec<(u32, TypeId)>> {
        let saved = self.conv_ok.replace(e.unparen().id);
        let r = self.call(e);
        self.conv_ok = saved;
        let mut at = r?;
        let tuple = self.ty(e);
        let vars = self.c.types.tuple_vars(tuple).to_vec();
        let mut tmps = Vec::with_capacity(vars.len());
        for v in &vars {
            let t = self.obj_type(*v);
            let n = self.lay.slots(t);
            let tmp = self.temp(t);
            self.mov(tmp, at, n);
            tmps.push((tmp, t));
            at += n;
        }
        Ok(tmps)
    }

    fn assign_list(&mut self, lhs: &[Expr], values: &[&Expr]) -> CResult<()> {
        if values.len() == 1 && lhs.len() > 1 {
            let lvs: Vec<LV> = lhs.iter().map(|l| self.lvalue(l)).collect::<CResult<_>>()?;
            let tmps = self.multi_value_temps(values[0])?;
            // `v, ok = m[k]` / `x, y = f()` into interface-typed places
            // converts each value (maps.rs).
            for (lv, (tmp, t)) in lvs.into_iter().zip(tmps) {
                self.store_assignable(lv, tmp, t)?;
            }
            return Ok(());
        }
        if lhs.len() == 1 {
            let lv = self.lvalue_single(&lhs[0])?;
            match lv {
                LV::Reg(d, _) => {
                    // Evaluating straight into the variable is safe when
                    // every instruction reads the old value before it
                    // writes; a composite literal and && / || write the
                    // destination before reading the rest.
                    let v = values[0].unparen();
                    let writes_early = matches!(
                        v.kind,
                        ExprKind::CompositeLit(_)
                            | ExprKind::Operation {
                                op: Operator::AndAnd | Operator::OrOr,
                                ..
                            }
                    );
                    if writes_early {
                        let v = self.expr_copy(values[0])?;
                        self.store(lv, v);
                    } else {
                        self.expr_to(values[0], d)?;
                    }
                }
                _ => {
                    let v = self.expr(values[0])?;
                    self.store(lv, v);
                }
            }
            return Ok(());
        }
        let lvs: Vec<LV> = lhs.iter().map(|l| self.lvalue(l)).collect::<CResult<_>>()?;
        let mut tmps = Vec::new();
        for v in values {
            tmps.push(self.expr_copy(v)?);
        }
        for (lv, tmp) in lvs.into_iter().zip(tmps) {
            self.store(lv, tmp);
        }
        Ok(())
    }

    /// One package-level initializer `var a, b = rhs`.
    pub(super) fn init_global(&mut self, init: &crate::types::info::Initializer) -> CResult<()> {
        let Some(rhs) = self.find_expr(init.rhs) else {
            return Ok(());
        };
        let offs: Vec<Option<u32>> = init
            .lhs
            .iter()
            .map(|o| self.globals.get(o).copied())
            .collect();
        let types: Vec<_> = init.lhs.iter().map(|o| self.obj_type(*o)).collect();
        self.set_line(rhs.pos);
        let vals: Vec<u32> = if init.lhs.len() > 1 {
            // The values are converted one by one, not as a tuple.
            let saved = self.conv_ok.replace(rhs.unparen().id);
            let r = self.call(rhs);
            self.conv_ok = saved;
            let mut at = r?;
            let tuple = self.ty(rhs);
            let rtypes: Vec<crate::types::ty::TypeId> =
                (self.c.types.tuple_vars(tuple).to_vec().iter())
                    .map(|r| self.obj_type(*r))
                    .collect();
            let mut v = Vec::new();
            for (t, rt) in types.iter().zip(rtypes) {
                let n = self.lay.slots(rt);
                let tmp = self.temp(rt);
                self.mov(tmp, at, n);
                v.push(self.assign_value(tmp, rt, *t)?);
                at += n;
            }
            v
        } else {
            if let [Some(off)] = offs[..] {
                let p = self.f.alloc(1, true);
                self.f.emit(Op::GlobalAddr { a: p, off });
                if self.composite_into_zeroed(rhs, types[0], p)? {
                    return Ok(());
                }
            }
            vec![self.expr_copy(rhs)?]
        };
        for ((off, t), v) in offs.into_iter().zip(types).zip(vals) {
            if let Some(off) = off {
                let p = self.f.alloc(1, true);
                self.f.emit(Op::GlobalAddr { a: p, off });
                self.store_mem(p, 0, v, t);
            }
        }
        Ok(())
    }
}
