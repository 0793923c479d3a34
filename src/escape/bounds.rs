//! "index bounds check elided": the one -m note gc prints outside escape
//! analysis for the escape tests (walk/expr.go walkIndex with typecheck's
//! `bounded`). Indexing an array (or a pointer to one, or a constant
//! string) with a non-constant index whose type or form keeps it below
//! the length needs no bounds check, and gc says so under -m.
//!
//! Invariant: only code that survives dead-code elimination is looked at
//! (the escape IR has none of the rest), as walk only sees live code.

use super::ir::*;
use super::typeutil::Types;
use super::visit::{self, Visitor};
use super::Diag;
use crate::syntax::ast::{self, ExprKind as AK, Operator};
use crate::types::constant::Value;
use crate::types::Info;

struct Bounds<'c, 'a, 'o> {
    t: Types<'c, 'a>,
    info: &'c Info,
    out: &'o mut Vec<Diag>,
}

/// The notes for every function of the package.
pub fn bounds_notes(ir: &Ir<'_>, t: &Types<'_, '_>) -> Vec<Diag> {
    let mut out = Vec::new();
    let mut b = Bounds {
        t: t.clone(),
        info: &t.c.info,
        out: &mut out,
    };
    for f in &ir.funcs {
        visit::stmts(&mut b, &f.body);
    }
    out
}

impl<'a> Visitor<'a> for Bounds<'_, '_, '_> {
    fn expr(&mut self, e: &Expr<'a>) {
        let ExprKind::Index { x, .. } = &e.kind else {
            return;
        };
        let Src::Expr(syn) = e.src else {
            return;
        };
        let AK::Index { index, .. } = &syn.kind else {
            return;
        };
        let mut xt = x.ty;
        if let ExprKind::Deref(inner) = &x.kind {
            if self.t.ptr_to_array(inner.ty) {
                xt = inner.ty;
            }
        }
        if self.t.is_ptr(xt) {
            xt = self.t.elem(xt);
        }
        let max = match self.t.under_type(xt) {
            crate::types::ty::Type::Array { len, .. } => *len,
            _ => match &x.kind {
                ExprKind::Literal if self.t.is_string(x.ty) => match x.src {
                    Src::Expr(xs) => match self.info.value_of(xs.id) {
                        Some(v @ Value::String(_)) => v.string_val().len() as i64,
                        _ => return,
                    },
                    _ => return,
                },
                _ => return,
            },
        };
        if self.const_int(index).is_some() {
            return;
        }
        if self.bounded(index, max) {
            self.out.push(Diag {
                pos: e.pos,
                level: 1,
                text: "index bounds check elided".into(),
                at: None,
            });
        }
    }
}

impl Bounds<'_, '_, '_> {
    /// ir.IsSmallIntConst's value.
    fn const_int(&self, e: &ast::Expr) -> Option<i64> {
        let v = self.info.value_of(e.id)?;
        if !matches!(v, Value::Int(_)) {
            return None;
        }
        let (x, exact) = v.int64_val();
        (exact && i32::try_from(x).is_ok()).then_some(x)
    }

    /// typecheck's bounded: whether integer n is certainly in [0, max).
    fn bounded(&self, n: &ast::Expr, max: i64) -> bool {
        let n = n.unparen();
        let Some(ty) = self.info.type_of(n.id).map(|tv| tv.ty) else {
            return false;
        };
        let Some(kind) = self.t.basic_kind(ty) else {
            return false;
        };
        if !kind.is_integer() {
            return false;
        }
        let sign = !kind.is_unsigned();
        let mut bits = 8 * self.t.size(ty) as i32;
        if let Some(v) = self.const_int(n) {
            return 0 <= v && v < max;
        }
        if let AK::Operation { op, x, y: Some(y) } = &n.kind {
            match op {
                Operator::And | Operator::AndNot => {
                    let mut v: i64 = -1;
                    if let Some(c) = self.const_int(x) {
                        v = c;
                    } else if let Some(c) = self.const_int(y) {
                        v = c;
                        if *op == Operator::AndNot {
                            v = !v;
                            if !sign {
                                v &= (1i64 << bits.clamp(0, 63)) - 1;
                            }
                        }
                    }
                    if 0 <= v && v < max {
                        return true;
                    }
                }
                Operator::Rem => {
                    if let (false, Some(v)) = (sign, self.const_int(y)) {
                        if 0 <= v && v <= max {
                            return true;
                        }
                    }
                }
                Operator::Div => {
                    if let (false, Some(mut v)) = (sign, self.const_int(y)) {
                        while bits > 0 && v >= 2 {
                            bits -= 1;
                            v >>= 1;
                        }
                    }
                }
                Operator::Shr => {
                    if let (false, Some(v)) = (sign, self.const_int(y)) {
                        if v > bits as i64 {
                            return true;
                        }
                        bits -= v as i32;
                    }
                }
                _ => {}
            }
        }
        !sign && bits <= 62 && (1i64 << bits.max(0)) <= max
    }
}
