//! Conditions: `if`/`for` conditions and expression-switch cases compiled
//! to jumps (integer comparisons become one fused compare-and-branch).

use goscope_runtime::vm::Op;

use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind, Operator};

impl<'c, 'a> Compiler<'c, 'a> {
    /// `case c:` of a switch on the value in `v`: jump to `body` if equal.
    pub(super) fn case_eq(
        &mut self,
        v: u32,
        tag: crate::types::ty::TypeId,
        c: &Expr,
        body: usize,
    ) -> CResult<()> {
        let hoisted = self.order_in_place(&[c])?;
        let r = self.case_eq_inner(v, tag, c, body);
        self.unorder(hoisted);
        r
    }

    fn case_eq_inner(
        &mut self,
        v: u32,
        tag: crate::types::ty::TypeId,
        c: &Expr,
        body: usize,
    ) -> CResult<()> {
        let k = self.lay.kind(tag);
        if self.is_nil(c) {
            // A nil interface, slice, map, func, chan or pointer: its
            // first word is 0.
            self.f.emit(Op::JEqK {
                a: v,
                i: 0,
                t: body as u32,
            });
            return Ok(());
        }
        if k == K::Iface || self.lay.kind(self.ty(c)) == K::Iface || self.conv_target(c).is_some() {
            return self.case_eq_iface(v, tag, c, body);
        }
        let x = self.expr(c)?;
        if let K::Int { .. } | K::Bool | K::Ptr = k {
            self.f.emit(Op::JEq {
                a: v,
                b: x,
                t: body as u32,
            });
            return Ok(());
        }
        let d = self.f.alloc(1, false);
        match k {
            K::Str => self.f.emit(Op::EqString { a: d, b: v, c: x }),
            K::F64 => self.f.emit(Op::EqF { a: d, b: v, c: x }),
            K::F32 => self.f.emit(Op::EqF32 { a: d, b: v, c: x }),
            K::Agg | K::C64 | K::C128 => self.equal_values(tag, d, v, x)?,
            _ => return Err(self.unsupported(c.pos, "switch on this type")),
        }
        self.jump_if(d, body);
        Ok(())
    }

    /// Jumps to `l` when the bool in slot `d` is true.
    fn jump_if(&mut self, d: u32, l: usize) {
        self.f.emit(Op::JmpIf { a: d, t: l as u32 });
    }

    /// `case c:` where the tag or `c` is an interface: the other is
    /// converted to its type (two different interface types both to
    /// `any`) and compared as gc's efaceeq / ifaceeq.
    fn case_eq_iface(
        &mut self,
        v: u32,
        tt: crate::types::ty::TypeId,
        c: &Expr,
        body: usize,
    ) -> CResult<()> {
        // `c`'s type as expr() yields it (after an implicit conversion).
        let ct = self.conv_target(c).unwrap_or(self.ty(c));
        let (tk, ck) = (self.lay.kind(tt), self.lay.kind(ct));
        let (a, b) = (self.f.alloc(2, true), self.f.alloc(2, true));
        let it = if tk == K::Iface && ck == K::Iface {
            let any = self.c.universe.any_type;
            let same = std::ptr::eq(self.rtype(tt)?, self.rtype(ct)?);
            let it = if same { tt } else { any };
            self.conv_iface_value(v, tt, it, a)?;
            let cv = self.expr(c)?;
            self.conv_iface_value(cv, ct, it, b)?;
            it
        } else if tk == K::Iface {
            self.mov(a, v, 2);
            self.conv_iface_to(c, tt, b)?;
            tt
        } else {
            let cv = self.expr(c)?;
            self.mov(b, cv, 2);
            self.box_value(v, tt, ct, a)?;
            ct
        };
        let d = self.f.alloc(1, false);
        if self.is_nonempty_iface(it) {
            self.f.emit(Op::EqIface { a: d, b: a, c: b });
        } else {
            self.f.emit(Op::EqEface { a: d, b: a, c: b });
        }
        self.jump_if(d, body);
        Ok(())
    }

    /// Jumps to `l` when `e` evaluates to `when`; comparisons of integers
    /// become one fused compare-and-branch.
    pub(super) fn cond_jump(&mut self, e: &Expr, when: bool, l: usize) -> CResult<()> {
        // `!x`, `x && y` and `x || y` order each operand where it is
        // evaluated (cond_jump_leaf).
        if let ExprKind::Operation {
            op: Operator::Not | Operator::AndAnd | Operator::OrOr,
            ..
        } = &e.unparen().kind
        {
            return self.cond_jump_leaf(e, when, l);
        }
        let hoisted = self.order_in_place(&[e])?;
        let r = self.cond_jump_leaf(e, when, l);
        self.unorder(hoisted);
        r
    }

    fn cond_jump_leaf(&mut self, e: &Expr, when: bool, l: usize) -> CResult<()> {
        use Operator::*;
        let e = e.unparen();
        let t = l as u32;
        if self.c.info.value_of(e.id).is_none() {
            match &e.kind {
                ExprKind::Operation {
                    op: Not,
                    x,
                    y: None,
                } => return self.cond_jump(x, !when, l),
                ExprKind::Operation {
                    op: op @ (AndAnd | OrOr),
                    x,
                    y: Some(y),
                } => {
                    // when true for &&: both; when false for ||: both.
                    if (*op == AndAnd) == when {
                        let skip = self.f.new_label();
                        self.cond_jump(x, !when, skip)?;
                        self.cond_jump(y, when, l)?;
                        self.f.place(skip);
                    } else {
                        self.cond_jump(x, when, l)?;
                        self.cond_jump(y, when, l)?;
                    }
                    return Ok(());
                }
                ExprKind::Operation {
                    op: op @ (Eql | Neq | Lss | Leq | Gtr | Geq),
                    x,
                    y: Some(y),
                } => {
                    // A constant goes on the right (and the type is the
                    // other operand's).
                    let (x, y, op) = if self.small_const(x).is_some() {
                        (y, x, swap(*op))
                    } else {
                        (x, y, *op)
                    };
                    let k = self.lay.kind(self.ty(x));
                    if let K::Int { signed, .. } = k {
                        // Normalize to "jump if a OP b" with OP in {==, !=, <, <=}.
                        let op = if when { op } else { negate(op) };
                        if let (Eql | Neq, Some(c)) = (op, self.small_const(y)) {
                            let a = self.expr(x)?;
                            self.f.emit(if op == Eql {
                                Op::JEqK { a, i: c as u32, t }
                            } else {
                                Op::JNeK { a, i: c as u32, t }
                            });
                            return Ok(());
                        }
                        // x <= c is x < c+1; x > c is x >= c+1.
                        let (op, bump) = match op {
                            Leq if signed => (Lss, 1),
                            Gtr if signed => (Geq, 1),
                            o => (o, 0),
                        };
                        let konst = self.small_const(y).and_then(|c| c.checked_add(bump));
                        let op = if konst.is_none() && bump == 1 {
                            if op == Lss {
                                Leq
                            } else {
                                Gtr
                            }
                        } else {
                            op
                        };
                        if signed && matches!(op, Lss | Geq) && konst.is_some() {
                            if let Some(c) = konst {
                                let a = self.expr(x)?;
                                if op == Lss {
                                    self.f.emit(Op::JLtSK { a, i: c as u32, t });
                                } else {
                                    self.f.emit(Op::JGeSK { a, i: c as u32, t });
                                }
                                return Ok(());
                            }
                        }
                        let (a, b) = self.cmp_operands(x, y)?;
                        let ins = match (op, signed) {
                            (Eql, _) => Op::JEq { a, b, t },
                            (Neq, _) => Op::JNe { a, b, t },
                            (Lss, true) => Op::JLtS { a, b, t },
                            (Leq, true) => Op::JLeS { a, b, t },
                            (Gtr, true) => Op::JLtS { a: b, b: a, t },
                            (Geq, true) => Op::JLeS { a: b, b: a, t },
                            (Lss, false) => Op::JLtU { a, b, t },
                            (Leq, false) => Op::JLeU { a, b, t },
                            (Gtr, false) => Op::JLtU { a: b, b: a, t },
                            _ => Op::JLeU { a: b, b: a, t },
                        };
                        self.f.emit(ins);
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let v = self.expr(e)?;
        if when {
            self.f.emit(Op::JmpIf { a: v, t });
        } else {
            self.f.emit(Op::JmpIfNot { a: v, t });
        }
        Ok(())
    }

    fn cmp_operands(&mut self, x: &Expr, y: &Expr) -> CResult<(u32, u32)> {
        let a = self.expr(x)?;
        let a = if self.has_live_call(y) {
            let c = self.f.alloc(1, false);
            self.f.emit(Op::Move { a: c, b: a });
            c
        } else {
            a
        };
        Ok((a, self.expr(y)?))
    }

    pub(super) fn small_const(&self, e: &Expr) -> Option<i32> {
        let v = self.c.info.value_of(e.unparen().id)?;
        let (i, exact) = v.int64_val();
        (exact && i >= i32::MIN as i64 && i <= i32::MAX as i64).then_some(i as i32)
    }
}

/// `op` with its operands swapped: `x < y` is `y > x`.
fn swap(op: Operator) -> Operator {
    use Operator::*;
    match op {
        Lss => Gtr,
        Leq => Geq,
        Gtr => Lss,
        Geq => Leq,
        o => o,
    }
}

fn negate(op: Operator) -> Operator {
    use Operator::*;
    match op {
        Eql => Neq,
        Neq => Eql,
        Lss => Geq,
        Leq => Gtr,
        Gtr => Leq,
        Geq => Lss,
        o => o,
    }
}
