//! Expressions (types2's expr.go): dispatch over expression kinds, unary
//! and binary operators, shifts, comparisons, and the untyped-expression
//! machinery.
//!
//! Untyped expressions keep their untyped type while the tree is walked up;
//! `remember_untyped` notes them, and when the context fixes a type
//! (`convert_untyped`), `update_expr_type` walks back down and records the
//! final type, checking that constants are representable in it. What stays
//! untyped to the end is recorded with its untyped type.

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{self, Kind, Value};
use super::errors::{INVALID_AST, INVALID_OP};
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

/// How an expression may be used: types2's exprKind.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExprClass {
    Conversion,
    Expression,
    Statement,
}

/// Why an untyped value cannot take a type (types2's error codes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConvCode {
    TruncatedFloat,
    NumericOverflow,
    InvalidConstVal,
    InvalidUntypedConversion,
}

/// The modes `exclude` can reject.
pub const EXCL_NOVALUE: u32 = 1 << 0;
pub const EXCL_BUILTIN: u32 = 1 << 1;
pub const EXCL_TYPEXPR: u32 = 1 << 2;

impl<'a> Checker<'a> {
    /// Checks `e` and records its type; the workhorse all expression
    /// checks go through (types2's rawExpr).
    pub fn raw_expr(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        hint: Option<TypeId>,
        allow_generic: bool,
    ) -> ExprClass {
        let kind = self.expr_internal(x, e, hint);
        if !allow_generic {
            self.non_generic(x);
        }
        self.record(x);
        kind
    }

    /// Reports uses of generic types and functions without instantiation.
    #[inline]
    pub fn non_generic(&mut self, x: &mut Operand<'a>) {
        if x.mode == Mode::Invalid || x.mode == Mode::NoValue {
            return;
        }
        if matches!(self.types.get(x.ty), Type::Named(_) | Type::Signature(_)) {
            self.non_generic_named_or_func(x);
        }
    }

    fn non_generic_named_or_func(&mut self, x: &mut Operand<'a>) {
        let what = match self.types.get(x.ty) {
            Type::Named(_) if self.is_generic(x.ty) => "type",
            Type::Signature(s) if !s.tparams.is_empty() => "function",
            _ => return,
        };
        let es = x.expr.map(expr_string).unwrap_or_default();
        self.error(
            x.pos(),
            format!("cannot use generic {what} {es} without instantiation"),
        );
        x.mode = Mode::Invalid;
        x.ty = TypeId::INVALID;
    }

    fn expr_internal(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        hint: Option<TypeId>,
    ) -> ExprClass {
        x.mode = Mode::Invalid;
        x.ty = TypeId::INVALID;
        let ok = match &e.kind {
            ExprKind::Bad => false,
            ExprKind::Name(_) => {
                self.ident(x, e, None, false);
                true
            }
            ExprKind::DotsType(_) => {
                self.error(start_pos(e), "invalid use of '...'".into());
                false
            }
            ExprKind::BasicLit(lit) => {
                if lit.bad {
                    false
                } else {
                    let v = lit.value.as_str();
                    if matches!(
                        lit.kind,
                        crate::syntax::ast::LitKind::Int
                            | crate::syntax::ast::LitKind::Float
                            | crate::syntax::ast::LitKind::Imag
                    ) && v.len() > 10000
                    {
                        self.error(
                            start_pos(e),
                            format!(
                                "excessively long constant: {}... ({} chars)",
                                &v[..10],
                                v.len()
                            ),
                        );
                        false
                    } else {
                        x.set_const(lit.kind, v);
                        if x.mode == Mode::Invalid {
                            self.error(start_pos(e), format!("malformed constant: {v}"));
                            false
                        } else {
                            true
                        }
                    }
                }
            }
            ExprKind::FuncLit { ty, body } => {
                let sig = self.func_lit_type(ty);
                let decl = self.st.env.decl;
                let iota = self.st.env.iota.clone();
                let body: &'a crate::syntax::ast::Block = body;
                self.later(move |c: &mut Checker<'a>| {
                    c.func_body(decl, "<function literal>", sig, body, iota);
                });
                x.mode = Mode::Value;
                x.ty = sig;
                true
            }
            ExprKind::CompositeLit(_) => self.composite_lit(x, e, hint),
            ExprKind::Paren(inner) => {
                let kind = self.raw_expr(x, inner, None, false);
                x.expr = Some(e);
                return kind;
            }
            ExprKind::Selector { .. } => {
                self.selector(x, e, None);
                true
            }
            ExprKind::Index { .. } => {
                if self.index_expr(x, e) {
                    self.func_inst(x, e);
                }
                x.mode != Mode::Invalid
            }
            ExprKind::Slice { .. } => {
                self.slice_expr(x, e);
                x.mode != Mode::Invalid
            }
            ExprKind::Assert { x: inner, ty } => self.assert_expr(x, e, inner, ty),
            ExprKind::TypeSwitchGuard { .. } => {
                self.error(
                    start_pos(e),
                    format!("{INVALID_AST}use of .(type) outside type switch"),
                );
                false
            }
            ExprKind::Call { .. } => return self.call_expr(x, e),
            ExprKind::List(_) => {
                self.error(start_pos(e), "unexpected list of expressions".into());
                false
            }
            ExprKind::Operation { op, x: lhs, y } => match y {
                None if *op == Operator::Mul => self.star_expr(x, lhs),
                None => {
                    self.unary(x, e, *op, lhs);
                    if x.mode == Mode::Invalid {
                        false
                    } else if *op == Operator::Recv {
                        x.expr = Some(e);
                        return ExprClass::Statement;
                    } else {
                        true
                    }
                }
                Some(rhs) => {
                    self.binary(x, Some(e), lhs, rhs, *op, e.pos);
                    x.mode != Mode::Invalid
                }
            },
            ExprKind::KeyValue { .. } => {
                self.error(start_pos(e), format!("{INVALID_AST}no key:value expected"));
                false
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::StructType(_)
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                x.mode = Mode::TypExpr;
                x.ty = self.typ(e);
                true
            }
        };
        x.expr = Some(e);
        if ok {
            ExprClass::Expression
        } else {
            x.mode = Mode::Invalid;
            ExprClass::Statement
        }
    }

    /// `*x`: a pointer type or an indirection.
    fn star_expr(&mut self, x: &mut Operand<'a>, inner: &'a Expr) -> bool {
        self.expr_or_type(x, inner, false);
        match x.mode {
            Mode::Invalid => false,
            Mode::TypExpr => {
                self.valid_var_type(inner, x.ty);
                x.ty = self.types.pointer(x.ty);
                true
            }
            _ => {
                let mut base: Option<TypeId> = None;
                let ok = self.under_is(x.ty, |c, u| {
                    let Some(u) = u else {
                        return Err(format!("{INVALID_OP}cannot indirect {}", "?"));
                    };
                    let Some(b) = c.types.pointer_base(u) else {
                        return Err(String::new());
                    };
                    if let Some(prev) = base {
                        if !c.identical(b, prev) {
                            return Err("identical".into());
                        }
                    }
                    base = Some(b);
                    Ok(())
                });
                match ok {
                    Ok(()) => {
                        x.mode = Mode::Variable;
                        x.ty = base.unwrap_or(TypeId::INVALID);
                        true
                    }
                    Err(why) => {
                        let xs = self.operand_string(x);
                        let msg = if why == "identical" {
                            format!("{INVALID_OP}pointers of {xs} must have identical base types")
                        } else {
                            format!("{INVALID_OP}cannot indirect {xs}")
                        };
                        self.error(x.pos(), msg);
                        false
                    }
                }
            }
        }
    }

    /// Calls `f` with the underlying type (or, for a type parameter, each
    /// term's underlying type; None when it has no specific terms) until it
    /// fails (types2's underIs).
    pub fn under_is(
        &mut self,
        t: TypeId,
        mut f: impl FnMut(&mut Checker<'a>, Option<TypeId>) -> Result<(), String>,
    ) -> Result<(), String> {
        if self.types.is_type_param(t) {
            match self.type_param_terms(t) {
                None => f(self, None),
                Some(terms) => {
                    for term in terms {
                        let u = term.ty.map(|ty| self.under(ty));
                        f(self, u)?;
                    }
                    Ok(())
                }
            }
        } else {
            let u = self.under(t);
            f(self, Some(u))
        }
    }

    fn assert_expr(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        inner: &'a Expr,
        ty: &'a Expr,
    ) -> bool {
        self.expr(x, inner);
        if x.mode == Mode::Invalid {
            return false;
        }
        if self.types.is_type_param(x.ty) {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("{INVALID_OP}cannot use type assertion on type parameter value {xs}"),
            );
            return false;
        }
        if !self.is_interface(x.ty) {
            let xs = self.operand_string(x);
            self.error(x.pos(), format!("{INVALID_OP}{xs} is not an interface"));
            return false;
        }
        let t = self.var_type(ty);
        if t == TypeId::INVALID {
            return false;
        }
        self.type_assertion(e, x, t, false);
        x.mode = Mode::CommaOk;
        x.ty = t;
        true
    }

    /// Reports an impossible type assertion or type switch case.
    pub fn type_assertion(&mut self, e: &'a Expr, x: &Operand<'a>, t: TypeId, type_switch: bool) {
        let iface = self.under(x.ty);
        let Some((method, alt)) = self.assertable_to(iface, t) else {
            return;
        };
        let cause = self.missing_method_reason(t, x.ty, method, alt);
        let es = expr_string(e);
        let xs = self.operand_string(x);
        let ts = self.type_string(t);
        if type_switch {
            self.error(start_pos(e), format!("impossible type switch case: {es}\n\t{xs} cannot have dynamic type {ts} {cause}"));
            return;
        }
        let xts = self.type_string(x.ty);
        self.error(
            start_pos(e),
            format!("impossible type assertion: {es}\n\t{ts} does not implement {xts} {cause}"),
        );
    }

    // --- entry points ---

    /// A single-valued expression (not a type, not a builtin, not void).
    pub fn expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr(x, e, None, false);
        self.exclude(x, EXCL_NOVALUE | EXCL_BUILTIN | EXCL_TYPEXPR);
        self.single_value(x);
    }

    /// Like expr, but a multi-valued call is allowed.
    pub fn multi_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr(x, e, None, false);
        self.exclude(x, EXCL_NOVALUE | EXCL_BUILTIN | EXCL_TYPEXPR);
    }

    /// Like expr, with the element type of an enclosing composite literal.
    pub fn expr_with_hint(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: TypeId) {
        self.raw_expr(x, e, Some(hint), false);
        self.exclude(x, EXCL_NOVALUE | EXCL_BUILTIN | EXCL_TYPEXPR);
        self.single_value(x);
    }

    /// An expression or a type.
    pub fn expr_or_type(&mut self, x: &mut Operand<'a>, e: &'a Expr, allow_generic: bool) {
        self.raw_expr(x, e, None, allow_generic);
        self.exclude(x, EXCL_NOVALUE);
        self.single_value(x);
    }

    /// (The test is inlined; the error, rare, is not.)
    #[inline]
    pub fn exclude(&mut self, x: &mut Operand<'a>, modeset: u32) {
        let bit = match x.mode {
            Mode::NoValue => EXCL_NOVALUE,
            Mode::Builtin => EXCL_BUILTIN,
            Mode::TypExpr => EXCL_TYPEXPR,
            _ => return,
        };
        if modeset & bit == 0 {
            return;
        }
        self.excluded(x, modeset);
    }

    #[cold]
    fn excluded(&mut self, x: &mut Operand<'a>, modeset: u32) {
        let xs = self.operand_string(x);
        let msg = match x.mode {
            Mode::NoValue if modeset & EXCL_TYPEXPR != 0 => format!("{xs} used as value"),
            Mode::NoValue => format!("{xs} used as value or type"),
            Mode::Builtin => format!("{xs} must be called"),
            _ => format!("{xs} is not an expression"),
        };
        self.error(x.pos(), msg);
        x.mode = Mode::Invalid;
    }

    #[inline]
    pub fn single_value(&mut self, x: &mut Operand<'a>) {
        if x.mode == Mode::Value && self.types.is_tuple(x.ty) {
            self.not_single_value(x);
        }
    }

    #[cold]
    fn not_single_value(&mut self, x: &mut Operand<'a>) {
        let xs = self.operand_string(x);
        self.error(
            x.pos(),
            format!("multiple-value {xs} in single-value context"),
        );
        x.mode = Mode::Invalid;
    }

    // --- operators ---

    fn unary(&mut self, x: &mut Operand<'a>, e: &'a Expr, op: Operator, operand: &'a Expr) {
        self.expr(x, operand);
        if x.mode == Mode::Invalid {
            return;
        }
        match op {
            Operator::And => {
                if !matches!(operand.unparen().kind, ExprKind::CompositeLit(_))
                    && x.mode != Mode::Variable
                {
                    let xs = self.operand_string(x);
                    self.error(x.pos(), format!("{INVALID_OP}cannot take address of {xs}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.ty = self.types.pointer(x.ty);
                return;
            }
            Operator::Recv => {
                let Some(u) = self.core_type(x.ty) else {
                    let xs = self.operand_string(x);
                    self.error(
                        x.pos(),
                        format!("{INVALID_OP}cannot receive from {xs}: no core type"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                };
                let Type::Chan { dir, elem } = *self.types.get(u) else {
                    let xs = self.operand_string(x);
                    self.error(
                        x.pos(),
                        format!("{INVALID_OP}cannot receive from non-channel {xs}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                };
                if dir == crate::syntax::ast::ChanDir::SendOnly {
                    let xs = self.operand_string(x);
                    self.error(
                        x.pos(),
                        format!("{INVALID_OP}cannot receive from send-only channel {xs}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::CommaOk;
                x.ty = elem;
                self.st.env.has_call_or_recv = true;
                return;
            }
            Operator::Tilde => {
                self.error(
                    start_pos(e),
                    "cannot use ~ outside of interface or type constraint".into(),
                );
                x.mode = Mode::Invalid;
                return;
            }
            _ => {}
        }
        let ok = match op {
            Operator::Add | Operator::Sub => self.all_numeric(x.ty),
            Operator::Xor => self.all_integer(x.ty),
            Operator::Not => self.all_boolean(x.ty),
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
        if x.mode == Mode::Constant {
            if x.val.is_unknown() {
                return;
            }
            let prec = if self.is_unsigned(x.ty) {
                (self.sizeof(x.ty) * 8) as u32
            } else {
                0
            };
            x.val = constant::unary_op(op, &x.val, prec);
            x.expr = Some(e);
            self.overflow(x, e);
            return;
        }
        x.mode = Mode::Value;
    }

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
