//! Expressions (types2's expr.go, first part): dispatch over expression
//! kinds, type assertions, the mode checks every operand goes through,
//! and unary operators. Binary operators, shifts and comparisons are in
//! binary.rs; the untyped-expression machinery in untyped.rs.

use super::check::Checker;
use super::constant;
use super::errors::{INVALID_AST, INVALID_OP};
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

/// How an expression may be used: types2's exprKind.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExprClass {
    Conversion,
    Expression,
    Statement,
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
}
