//! Binary expressions (types2's expr.go, the operator part): arithmetic
//! and logical operators, shifts, and comparisons.

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{self, Kind, Value};
use super::errors::{INVALID_AST, INVALID_OP};
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, Operator};
use crate::syntax::pos::Pos;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// `x op y` for comparison operators (and switch cases, `switch_case`).
    pub fn comparison(
        &mut self,
        x: &mut Operand<'a>,
        y: &mut Operand<'a>,
        op: Operator,
        switch_case: bool,
    ) {
        let op = if switch_case { Operator::Eql } else { op };
        let mut err_op_is_x = true;
        let mut cause = String::new();
        let mut reason = String::new();
        let mut ok = self.assignable_to(x, y.ty, &mut reason).0;
        if !ok {
            ok = self.assignable_to(y, x.ty, &mut reason).0;
        }
        let mut failed = false;
        if !ok {
            err_op_is_x = false;
            cause = format!(
                "mismatched types {} and {}",
                self.type_string(x.ty),
                self.type_string(y.ty)
            );
            failed = true;
        }
        if !failed {
            match op {
                Operator::Eql | Operator::Neq => {
                    if x.is_nil() || y.is_nil() {
                        let t = if x.is_nil() { y.ty } else { x.ty };
                        if !self.has_nil(t) {
                            err_op_is_x = false;
                            failed = true;
                        }
                    } else if !self.comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.comparable(y.ty) {
                        err_op_is_x = false;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.all_ordered(x.ty) {
                        failed = true;
                    } else if !self.all_ordered(y.ty) {
                        err_op_is_x = false;
                        failed = true;
                    }
                }
            }
        }
        if !failed {
            // A concrete operand compared with an interface is converted to it.
            let (xi, yi) = (
                self.is_non_type_param_interface(x.ty),
                self.is_non_type_param_interface(y.ty),
            );
            if xi && !yi {
                self.record_iface_conversion(y, x.ty);
            } else if yi && !xi {
                self.record_iface_conversion(x, y.ty);
            }
            if x.mode == Mode::Constant && y.mode == Mode::Constant {
                x.val = Value::make_bool(constant::compare(&x.val, op, &y.val));
            } else {
                x.mode = Mode::Value;
                let dx = self.default_type(x.ty);
                let dy = self.default_type(y.ty);
                if let Some(e) = x.expr {
                    self.update_expr_type(e, dx, true);
                }
                if let Some(e) = y.expr {
                    self.update_expr_type(e, dy, true);
                }
            }
            x.ty = TypeId::basic(BasicKind::UntypedBool);
            return;
        }
        if cause.is_empty() {
            let (xt, yt) = (x.ty, y.ty);
            if self.types.is_type_param(xt) || self.types.is_type_param(yt) {
                if !self.types.is_type_param(xt) {
                    err_op_is_x = false;
                }
                let t = if err_op_is_x { xt } else { yt };
                cause = format!(
                    "type parameter {} is not comparable with {}",
                    self.type_string(t),
                    op.as_str()
                );
            } else {
                let t = if err_op_is_x { xt } else { yt };
                let k = self.kind_string(t);
                cause = format!("operator {} not defined on {k}", op.as_str());
            }
        }
        let xe = x.expr.map(expr_string).unwrap_or_default();
        let ye = y.expr.map(expr_string).unwrap_or_default();
        if switch_case {
            self.error(
                x.pos(),
                format!("invalid case {xe} in switch on {ye} ({cause})"),
            );
        } else {
            let pos = if err_op_is_x { x.pos() } else { y.pos() };
            self.error(
                pos,
                format!("{INVALID_OP}{xe} {} {ye} ({cause})", op.as_str()),
            );
        }
        x.mode = Mode::Invalid;
    }

    fn incomparable_cause(&mut self, t: TypeId) -> String {
        let u = self.under(t);
        if matches!(
            self.types.get(u),
            Type::Slice(_) | Type::Signature(_) | Type::Map { .. }
        ) {
            return format!("{} can only be compared to nil", self.kind_string(t));
        }
        let mut reason = None;
        self.comparable_impl(
            t,
            true,
            &mut crate::fxhash::FxHashSet::default(),
            &mut reason,
        );
        reason.unwrap_or_default()
    }

    pub fn kind_string(&mut self, t: TypeId) -> String {
        let u = self.under(t);
        match self.types.get(u) {
            Type::Array { .. } => "array".into(),
            Type::Slice(_) => "slice".into(),
            Type::Struct(_) => "struct".into(),
            Type::Pointer(_) => "pointer".into(),
            Type::Signature(_) => "func".into(),
            Type::Interface(_) => {
                if self.types.is_type_param(t) {
                    format!("type parameter {}", self.type_string(t))
                } else {
                    "interface".into()
                }
            }
            Type::Map { .. } => "map".into(),
            Type::Chan { .. } => "chan".into(),
            _ => self.type_string(t),
        }
    }

    fn shift(
        &mut self,
        x: &mut Operand<'a>,
        y: &mut Operand<'a>,
        e: Option<&'a Expr>,
        op: Operator,
    ) {
        let xval = if x.mode == Mode::Constant {
            Some(x.val.to_int())
        } else {
            None
        };
        let xval_is_int = xval.as_ref().is_some_and(|v| v.kind() == Kind::Int);
        if !(self.all_integer(x.ty) || (self.types.is_untyped(x.ty) && xval_is_int)) {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("{INVALID_OP}shifted operand {xs} must be integer"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        if y.mode == Mode::Constant {
            let yval = y.val.to_int();
            if yval.kind() == Kind::Int && yval.sign() < 0 {
                let ys = self.operand_string(y);
                self.error(y.pos(), format!("{INVALID_OP}negative shift count {ys}"));
                x.mode = Mode::Invalid;
                return;
            }
            if self.types.is_untyped(y.ty) {
                self.representable(y, TypeId::basic(BasicKind::Uint));
                if y.mode == Mode::Invalid {
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        } else if self.all_integer(y.ty) {
        } else if self.types.is_untyped(y.ty) {
            self.convert_untyped(y, TypeId::basic(BasicKind::Uint));
            if y.mode == Mode::Invalid {
                x.mode = Mode::Invalid;
                return;
            }
        } else {
            let ys = self.operand_string(y);
            self.error(
                y.pos(),
                format!("{INVALID_OP}shift count {ys} must be integer"),
            );
            x.mode = Mode::Invalid;
            return;
        }

        if x.mode == Mode::Constant {
            if y.mode == Mode::Constant {
                if x.val.is_unknown() || y.val.is_unknown() {
                    x.val = Value::Unknown;
                    if !self.is_integer(x.ty) {
                        x.ty = TypeId::basic(BasicKind::UntypedInt);
                    }
                    return;
                }
                const SHIFT_BOUND: u64 = 1023 - 1 + 52;
                let (s, ok) = y.val.uint64_val();
                if !ok || s > SHIFT_BOUND {
                    let ys = self.operand_string(y);
                    self.error(y.pos(), format!("{INVALID_OP}invalid shift count {ys}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                if !self.is_integer(x.ty) {
                    x.ty = TypeId::basic(BasicKind::UntypedInt);
                }
                let xv = xval.unwrap_or(Value::Unknown);
                x.val = constant::shift(&xv, op, s as u32);
                x.expr = e;
                if let Some(e) = e {
                    self.overflow(x, e);
                }
                return;
            }
            if self.types.is_untyped(x.ty) {
                if let Some(xe) = x.expr {
                    if let Some(info) = self.st.untyped.get_mut(&xe.id) {
                        info.is_lhs = true;
                    }
                }
                x.mode = Mode::Value;
                return;
            }
        }
        if !self.all_integer(x.ty) {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("{INVALID_OP}shifted operand {xs} must be integer"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
    }

    /// `lhs op rhs`; `e` is the whole expression (None for `x op= y`).
    pub fn binary(
        &mut self,
        x: &mut Operand<'a>,
        e: Option<&'a Expr>,
        lhs: &'a Expr,
        rhs: &'a Expr,
        op: Operator,
        _oppos: Pos,
    ) {
        let mut y = Operand::invalid();
        self.expr(x, lhs);
        self.expr(&mut y, rhs);
        if x.mode == Mode::Invalid {
            return;
        }
        if y.mode == Mode::Invalid {
            x.mode = Mode::Invalid;
            x.expr = y.expr;
            return;
        }
        if matches!(op, Operator::Shl | Operator::Shr) {
            self.shift(x, &mut y, e, op);
            return;
        }
        if self.can_mix(x, &y) {
            self.convert_untyped(x, y.ty);
            if x.mode == Mode::Invalid {
                return;
            }
            self.convert_untyped(&mut y, x.ty);
            if y.mode == Mode::Invalid {
                x.mode = Mode::Invalid;
                return;
            }
        }
        if op.is_comparison() {
            self.comparison(x, &mut y, op, false);
            return;
        }
        if !self.identical(x.ty, y.ty) {
            if x.ty != TypeId::INVALID && y.ty != TypeId::INVALID {
                let (xt, yt) = (self.type_string(x.ty), self.type_string(y.ty));
                let msg = match e {
                    Some(e) => format!(
                        "{INVALID_OP}{} (mismatched types {xt} and {yt})",
                        expr_string(e)
                    ),
                    None => format!(
                        "{INVALID_OP}{} {}= {} (mismatched types {xt} and {yt})",
                        expr_string(lhs),
                        op.as_str(),
                        expr_string(rhs)
                    ),
                };
                self.error(x.pos(), msg);
            }
            x.mode = Mode::Invalid;
            return;
        }
        let ok = match op {
            Operator::Add => self.all_numeric_or_string(x.ty),
            Operator::Sub | Operator::Mul | Operator::Div => self.all_numeric(x.ty),
            Operator::Rem | Operator::And | Operator::Or | Operator::Xor | Operator::AndNot => {
                self.all_integer(x.ty)
            }
            Operator::AndAnd | Operator::OrOr => self.all_boolean(x.ty),
            _ => {
                self.error(
                    x.pos(),
                    format!("{INVALID_AST}unknown operator {}", op.as_str()),
                );
                x.mode = Mode::Invalid;
                return;
            }
        };
        if !ok {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("{INVALID_OP}operator {} not defined on {xs}", op.as_str()),
            );
            x.mode = Mode::Invalid;
            return;
        }
        if matches!(op, Operator::Div | Operator::Rem) {
            if (x.mode == Mode::Constant || self.all_integer(x.ty))
                && y.mode == Mode::Constant
                && y.val.sign() == 0
            {
                self.error(y.pos(), format!("{INVALID_OP}division by zero"));
                x.mode = Mode::Invalid;
                return;
            }
            if x.mode == Mode::Constant && y.mode == Mode::Constant && self.is_complex(x.ty) {
                let (re, im) = (y.val.real(), y.val.imag());
                let re2 = constant::binary_op(&re, Operator::Mul, &re);
                let im2 = constant::binary_op(&im, Operator::Mul, &im);
                if re2.sign() == 0 && im2.sign() == 0 {
                    self.error(y.pos(), format!("{INVALID_OP}division by zero"));
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            if x.val.is_unknown() || y.val.is_unknown() {
                x.val = Value::Unknown;
                return;
            }
            x.val = if op == Operator::Div && self.is_integer(x.ty) {
                constant::quo_int(&x.val, &y.val)
            } else {
                constant::binary_op(&x.val, op, &y.val)
            };
            x.expr = e;
            if let Some(e) = e {
                self.overflow(x, e);
            }
            return;
        }
        x.mode = Mode::Value;
    }

    /// Whether untyped operands of a binary operation may be converted to
    /// each other's type.
    fn can_mix(&mut self, x: &Operand<'a>, y: &Operand<'a>) -> bool {
        if self.is_non_type_param_interface(x.ty) || self.is_non_type_param_interface(y.ty) {
            return true;
        }
        if self.all_boolean(x.ty) != self.all_boolean(y.ty) {
            return false;
        }
        if self.all_string(x.ty) != self.all_string(y.ty) {
            return false;
        }
        if x.is_nil() && !self.has_nil(y.ty) {
            return false;
        }
        if y.is_nil() && !self.has_nil(x.ty) {
            return false;
        }
        true
    }
}
