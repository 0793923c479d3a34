//! Instruction forms that do in one op what the general path does in two
//! to four (docs/vm.md section 3): integer operations with an immediate
//! (`MulIK`, `RemSK`, `ShlK`, ...), and checked element loads and stores
//! of slices and strings (`LoadIdx64`, `StoreIdx8`, ...).
//!
//! Each form is chosen from a table here, so the expression and statement
//! compilers only ask "is there a fused form?" and fall back to the general
//! sequence when there is none. The forms compute exactly what the general
//! sequence computes, panics included (same messages, same lines).

use goscope_runtime::vm::Op;

use super::expr::LV;
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::types::ty::Type;

/// Builds a three-operand op: `(A, B, C)` in the op's operand order.
pub(super) type Op3 = fn(u32, u32, u32) -> Op;

/// The immediate form of the integer operation `x op c` for a constant `c`
/// on the right, with the immediate to pass; None when there is none (a
/// division by zero is a compile error and never reaches here; shifts by
/// 64 or more keep the general op, which gives 0 or the sign).
pub(super) fn int_op_k(op: Operator, signed: bool, c: i32) -> Option<(Op3, i32)> {
    use Operator::*;
    let f: Op3 = match op {
        Add => |a, b, i| Op::AddIK { a, b, i },
        Sub if c != i32::MIN => return Some((|a, b, i| Op::AddIK { a, b, i }, -c)),
        Mul => |a, b, i| Op::MulIK { a, b, i },
        Div if signed && c != 0 => |a, b, i| Op::DivSK { a, b, i },
        Div if c > 0 => |a, b, i| Op::DivUK { a, b, i },
        Rem if signed && c != 0 => |a, b, i| Op::RemSK { a, b, i },
        Rem if c > 0 => |a, b, i| Op::RemUK { a, b, i },
        And => |a, b, i| Op::AndK { a, b, i },
        AndNot => return Some((|a, b, i| Op::AndK { a, b, i }, !c)),
        Or => |a, b, i| Op::OrK { a, b, i },
        Xor => |a, b, i| Op::XorK { a, b, i },
        Shl if (0..64).contains(&c) => |a, b, i| Op::ShlK { a, b, i },
        Shr if (0..64).contains(&c) && signed => |a, b, i| Op::ShrSK { a, b, i },
        Shr if (0..64).contains(&c) => |a, b, i| Op::ShrUK { a, b, i },
        _ => return None,
    };
    Some((f, c))
}

/// Whether `x op y` is `y op x`.
pub(super) fn commutes(op: Operator) -> bool {
    use Operator::*;
    matches!(op, Add | Mul | And | Or | Xor)
}

/// The ops that move a scalar between a slot and memory, by its width and
/// signedness (one row per scalar kind of [`access`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Access {
    /// `R[A] := *(R[B] + off)`: (A, B, off).
    pub load: Op3,
    /// `*(R[A] + off) := R[B]`: (A, off, B).
    pub store: Op3,
    /// `R[A] := R[B..B+2][R[C]]`, bounds-checked.
    pub load_idx: Op3,
    /// `R[A..A+2][R[B]] := R[C]`, bounds-checked.
    pub store_idx: Op3,
}

/// How a value of kind `k` is loaded and stored, if it is a scalar (one
/// slot, at most 8 bytes in memory).
pub(super) fn access(k: K) -> Option<Access> {
    let (size, signed) = match k {
        K::Bool => (1, false),
        K::Int { bits, signed } => (bits / 8, signed && bits < 64),
        K::F32 => (4, false),
        K::F64 | K::Ptr | K::C64 => (8, false),
        _ => return None,
    };
    let store: Op3 = match size {
        1 => |a, off, b| Op::Store8 { a, off, b },
        2 => |a, off, b| Op::Store16 { a, off, b },
        4 => |a, off, b| Op::Store32 { a, off, b },
        _ => |a, off, b| Op::Store64 { a, off, b },
    };
    let store_idx: Op3 = match size {
        1 => |a, b, c| Op::StoreIdx8 { a, b, c },
        2 => |a, b, c| Op::StoreIdx16 { a, b, c },
        4 => |a, b, c| Op::StoreIdx32 { a, b, c },
        _ => |a, b, c| Op::StoreIdx64 { a, b, c },
    };
    let (load, load_idx): (Op3, Op3) = match (size, signed) {
        (1, false) => (
            |a, b, off| Op::Load8U { a, b, off },
            |a, b, c| Op::LoadIdx8U { a, b, c },
        ),
        (1, true) => (
            |a, b, off| Op::Load8S { a, b, off },
            |a, b, c| Op::LoadIdx8S { a, b, c },
        ),
        (2, false) => (
            |a, b, off| Op::Load16U { a, b, off },
            |a, b, c| Op::LoadIdx16U { a, b, c },
        ),
        (2, true) => (
            |a, b, off| Op::Load16S { a, b, off },
            |a, b, c| Op::LoadIdx16S { a, b, c },
        ),
        (4, false) => (
            |a, b, off| Op::Load32U { a, b, off },
            |a, b, c| Op::LoadIdx32U { a, b, c },
        ),
        (4, true) => (
            |a, b, off| Op::Load32S { a, b, off },
            |a, b, c| Op::LoadIdx32S { a, b, c },
        ),
        _ => (
            |a, b, off| Op::Load64 { a, b, off },
            |a, b, c| Op::LoadIdx64 { a, b, c },
        ),
    };
    Some(Access {
        load,
        store,
        load_idx,
        store_idx,
    })
}

impl<'c, 'a> Compiler<'c, 'a> {
    /// `x op c` with a small integer constant on either side (of a
    /// commuting op), as one immediate op into `d`; false (nothing
    /// emitted) when there is no such form.
    pub(super) fn binary_k(
        &mut self,
        op: Operator,
        k: K,
        x: &Expr,
        y: &Expr,
        d: u32,
    ) -> CResult<bool> {
        let K::Int { signed, .. } = k else {
            return Ok(false);
        };
        let (x, form) = match (self.small_const(x), self.small_const(y)) {
            (_, Some(c)) => (x, int_op_k(op, signed, c)),
            (Some(c), None) if commutes(op) => (y, int_op_k(op, signed, c)),
            _ => return Ok(false),
        };
        let Some((f, i)) = form else {
            return Ok(false);
        };
        let a = self.expr(x)?;
        self.f.emit(f(d, a, i as u32));
        self.ext(k, d);
        Ok(true)
    }

    /// For `x[i]` of a slice or string whose element is a scalar: evaluates
    /// x and i and returns the slots of x's {ptr, len} and of i, with the
    /// element's access ops. None, with nothing emitted, for anything else
    /// (arrays, maps, aggregate elements).
    pub(super) fn index_elem(&mut self, e: &Expr) -> CResult<Option<(u32, u32, Access)>> {
        let ExprKind::Index { x, index } = &e.unparen().kind else {
            return Ok(None);
        };
        let u = self.lay.under(self.ty(x));
        let ek = match self.c.types.get(u) {
            Type::Slice(elem) => self.lay.kind(*elem),
            Type::Basic { .. } if self.lay.kind(u) == K::Str => K::Int {
                bits: 8,
                signed: false,
            },
            _ => return Ok(None),
        };
        let Some(acc) = access(ek) else {
            return Ok(None);
        };
        let h = self.expr(x)?;
        let i = self.expr(index)?;
        self.set_line(e.pos);
        Ok(Some((h, i, acc)))
    }

    /// The place `e` of a single assignment (`x = v`, `x op= v`, `x++`):
    /// [`Self::lvalue`], except that an element of a slice is a
    /// [`LV::Idx`], checked when the store happens, after the right side
    /// is evaluated, as gc does. (In a tuple assignment the index operands
    /// must be copied first; that keeps the general path.)
    pub(super) fn lvalue_single(&mut self, e: &Expr) -> CResult<LV> {
        if let ExprKind::Index { x, .. } = &e.unparen().kind {
            let is_slice = matches!(self.c.types.get(self.lay.under(self.ty(x))), Type::Slice(_));
            if is_slice {
                if let Some((h, i, acc)) = self.index_elem(e)? {
                    let t = self.ty(e);
                    return Ok(LV::Idx {
                        h,
                        i,
                        t,
                        acc,
                        pos: e.pos,
                    });
                }
            }
        }
        self.lvalue(e)
    }
}
