//! Untyped expressions and constant results (types2's expr.go, the
//! untyped part): overflow and representability, and giving an untyped
//! expression its final type.
//!
//! Untyped expressions keep their untyped type while the tree is walked up;
//! `remember_untyped` notes them, and when the context fixes a type
//! (`convert_untyped`), `update_expr_type` walks back down and records the
//! final type, checking that constants are representable in it. What stays
//! untyped to the end is recorded with its untyped type.

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{self, Kind, Value};
use super::errors::INVALID_OP;
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

/// Why an untyped value cannot take a type (types2's error codes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConvCode {
    TruncatedFloat,
    NumericOverflow,
    InvalidConstVal,
    InvalidUntypedConversion,
}

impl<'a> Checker<'a> {
    /// Checks a constant result: representable in its type, or within
    /// gc's 512-bit limit for untyped constants.
    pub fn overflow(&mut self, x: &mut Operand<'a>, opx: &Expr) {
        let pos = op_pos(opx);
        if x.val.is_unknown() {
            self.error(pos, "constant result is not representable".into());
            return;
        }
        if self.types.is_typed(x.ty) {
            let u = self.under(x.ty);
            self.representable(x, u);
            return;
        }
        if x.val.kind() == Kind::Int && x.val.bit_len() > 512 {
            self.error(pos, format!("constant {} overflow", op_name(opx)));
            x.val = Value::Unknown;
        }
    }

    /// Makes the constant x representable as basic type `t`, or reports
    /// why not and invalidates x.
    pub fn representable(&mut self, x: &mut Operand<'a>, t: TypeId) {
        match self.representation(x, t) {
            Ok(v) => x.val = v,
            Err(code) => {
                self.invalid_conversion(code, x, t);
                x.mode = Mode::Invalid;
            }
        }
    }

    pub fn representation(&mut self, x: &Operand<'a>, t: TypeId) -> Result<Value, ConvCode> {
        let kind = self.types.basic_kind(t).unwrap_or(BasicKind::Invalid);
        match constant::representable_const(&x.val, kind) {
            Ok(v) => Ok(v),
            Err(_) => {
                if self.is_numeric(x.ty) && kind.is_numeric() {
                    if !self.is_integer(x.ty) && kind.is_integer() {
                        Err(ConvCode::TruncatedFloat)
                    } else {
                        Err(ConvCode::NumericOverflow)
                    }
                } else {
                    Err(ConvCode::InvalidConstVal)
                }
            }
        }
    }

    pub fn invalid_conversion(&mut self, code: ConvCode, x: &Operand<'a>, target: TypeId) {
        let xs = self.operand_string(x);
        let ts = self.type_string(target);
        let msg = match code {
            ConvCode::TruncatedFloat => format!("{xs} truncated to {ts}"),
            ConvCode::NumericOverflow => format!("{xs} overflows {ts}"),
            _ => format!("cannot convert {xs} to {ts}"),
        };
        self.error(x.pos(), msg);
    }

    /// Records the final type of an untyped expression and of its untyped
    /// operands (types2's updateExprType).
    pub fn update_expr_type(&mut self, x: &'a Expr, t: TypeId, final_: bool) {
        self.update_expr_type0(None, x, t, final_);
    }

    fn update_expr_type0(
        &mut self,
        parent: Option<&'a Expr>,
        x: &'a Expr,
        t: TypeId,
        final_: bool,
    ) {
        let Some(old) = self.st.untyped.get(&x.id).cloned() else {
            return;
        };
        match &x.kind {
            ExprKind::Call { .. }
            | ExprKind::Name(_)
            | ExprKind::BasicLit(_)
            | ExprKind::Selector { .. } => {}
            ExprKind::Paren(inner) => self.update_expr_type0(Some(x), inner, t, final_),
            ExprKind::Operation { op, x: lhs, y } => match y {
                None => {
                    if *op == Operator::Mul {
                        return;
                    }
                    if old.val.is_none() {
                        self.update_expr_type0(Some(x), lhs, t, final_);
                    }
                }
                Some(rhs) => {
                    if old.val.is_none() {
                        if op.is_comparison() {
                        } else if matches!(op, Operator::Shl | Operator::Shr) {
                            self.update_expr_type0(Some(x), lhs, t, final_);
                        } else {
                            self.update_expr_type0(Some(x), lhs, t, final_);
                            self.update_expr_type0(Some(x), rhs, t, final_);
                        }
                    }
                }
            },
            _ => return,
        }
        if !final_ && self.types.is_untyped(t) {
            let u = self.under(t);
            if let Some(info) = self.st.untyped.get_mut(&x.id) {
                info.ty = u;
            }
            return;
        }
        self.st.untyped.remove(&x.id);
        if old.is_lhs && !self.all_integer(t) {
            let ps = parent.map(expr_string).unwrap_or_default();
            let ts = self.type_string(t);
            self.error(
                start_pos(x),
                format!("{INVALID_OP}{ps} (shift of type {ts})"),
            );
            return;
        }
        if let Some(val) = &old.val {
            let mut c = Operand::new(old.mode, Some(x), old.ty);
            c.val = val.clone();
            self.convert_untyped(&mut c, t);
            if c.mode == Mode::Invalid {
                return;
            }
        }
        self.record_type_and_value(x.id, old.mode, t, old.val);
    }

    fn update_expr_val(&mut self, x: &Expr, val: Value) {
        if let Some(info) = self.st.untyped.get_mut(&x.id) {
            info.val = Some(val);
        }
    }

    /// Converts an untyped operand to `target` if possible, else reports
    /// an error and invalidates it.
    pub fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Err(code) => {
                let t = if self.types.is_type_param(target) {
                    target
                } else {
                    self.safe_underlying(target)
                };
                self.invalid_conversion(code, x, t);
                x.mode = Mode::Invalid;
            }
            Ok((new_type, val)) => {
                if let Some(v) = val {
                    x.val = v.clone();
                    if let Some(e) = x.expr {
                        self.update_expr_val(e, v);
                    }
                }
                if new_type != x.ty {
                    x.ty = new_type;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, new_type, false);
                    }
                }
            }
        }
    }

    /// The underlying type of a named type without resolving (types2's
    /// safeUnderlying).
    pub fn safe_underlying(&mut self, t: TypeId) -> TypeId {
        match self.types.get(t) {
            Type::Named(n) => n.underlying.unwrap_or(TypeId::INVALID),
            _ => self.under(t),
        }
    }

    /// The type (and constant value) an untyped operand would have in a
    /// context of type `target` (types2's implicitTypeAndValue).
    pub fn implicit_type_and_value(
        &mut self,
        x: &Operand<'a>,
        target: TypeId,
    ) -> Result<(TypeId, Option<Value>), ConvCode> {
        if x.mode == Mode::Invalid || self.types.is_typed(x.ty) || target == TypeId::INVALID {
            return Ok((x.ty, None));
        }
        if self.types.is_untyped(target) {
            let xk = self.types.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
            let tk = self.types.basic_kind(target).unwrap_or(BasicKind::Invalid);
            if xk.is_numeric() && tk.is_numeric() {
                if xk < tk {
                    return Ok((target, None));
                }
            } else if xk != tk {
                return Err(ConvCode::InvalidUntypedConversion);
            }
            return Ok((x.ty, None));
        }
        if x.is_nil() {
            if self.has_nil(target) {
                return Ok((target, None));
            }
            return Err(ConvCode::InvalidUntypedConversion);
        }
        let u = self.under(target);
        match self.types.get(u) {
            Type::Basic { .. } => {
                if x.mode == Mode::Constant {
                    let v = self.representation(x, u)?;
                    return Ok((target, Some(v)));
                }
                let ok = match self.types.basic_kind(x.ty) {
                    Some(BasicKind::UntypedBool) => self.is_boolean(target),
                    Some(
                        BasicKind::UntypedInt
                        | BasicKind::UntypedRune
                        | BasicKind::UntypedFloat
                        | BasicKind::UntypedComplex,
                    ) => self.is_numeric(target),
                    Some(BasicKind::UntypedString) => self.is_string(target),
                    _ => false,
                };
                if !ok {
                    return Err(ConvCode::InvalidUntypedConversion);
                }
            }
            Type::Interface(_) => {
                if self.types.is_type_param(target) {
                    let ok = match self.type_param_terms(target) {
                        None => false,
                        Some(terms) => terms.iter().all(|term| match term.ty {
                            None => false,
                            Some(tt) => {
                                let tu = self.under(tt);
                                self.implicit_type_and_value(x, tu).is_ok()
                            }
                        }),
                    };
                    if !ok {
                        return Err(ConvCode::InvalidUntypedConversion);
                    }
                } else {
                    let set = self.interface_type_set(u);
                    if !set.methods.is_empty() || !set.is_all_terms() || set.comparable {
                        return Err(ConvCode::InvalidUntypedConversion);
                    }
                    return Ok((self.default_type(x.ty), None));
                }
            }
            _ => return Err(ConvCode::InvalidUntypedConversion),
        }
        Ok((target, None))
    }
}

/// Where gc reports a constant operation's errors: at the operator of an
/// operation, else at the start of the expression.
fn op_pos(x: &Expr) -> Pos {
    match x.kind {
        ExprKind::Operation { .. } => x.pos,
        _ => start_pos(x),
    }
}

/// The name of an overflowing operation, for "constant addition overflow".
fn op_name(x: &Expr) -> &'static str {
    match &x.kind {
        ExprKind::Operation {
            op: Operator::Xor,
            y: None,
            ..
        } => "bitwise complement",
        ExprKind::Operation { y: None, .. } => "",
        ExprKind::Operation { op, .. } => match op {
            Operator::Add => "addition",
            Operator::Sub => "subtraction",
            Operator::Xor => "bitwise XOR",
            Operator::Mul => "multiplication",
            Operator::Shl => "shift",
            _ => "",
        },
        _ => "",
    }
}
