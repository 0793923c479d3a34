//! Printing a classified node: gc's exprFmt with the precedence rules of
//! its OpPrec table, composite literals, conversions' types and type
//! nodes.

use crate::syntax::ast::Expr;
use crate::types::ty::{Type, TypeId};

use super::{binary_prec, Arg, Callee, Mode2, NodePrinter, View, PREC_ATOM, PREC_NONE, PREC_UNARY};

impl<'c, 'a> NodePrinter<'c, 'a> {
    /// exprFmt(n, prec).
    pub(super) fn expr(&mut self, e: &Expr, prec: i32) {
        let e = e.unparen();
        let view = self.view(e);
        let nprec = self.view_prec(&view);
        if prec > nprec {
            self.s("(");
            self.print_view(view);
            self.s(")");
        } else {
            self.print_view(view);
        }
    }

    pub(super) fn view_prec(&self, v: &View) -> i32 {
        match v {
            View::Text(_, p) => *p,
            View::Type(t) => self.type_prec(*t),
            View::PtrLit(..) | View::AddStr(_) => PREC_NONE,
            View::Builtin(name, ty, ..) => match *name {
                "real" | "imag" | "complex" | "recover" => PREC_NONE,
                "make"
                    if ty.is_some_and(|t| {
                        matches!(
                            self.check.types.get(self.under(t)),
                            Type::Map { .. } | Type::Chan { .. }
                        )
                    }) =>
                {
                    PREC_NONE
                }
                _ => PREC_ATOM,
            },
            View::Unary(..) => PREC_UNARY,
            View::Binary(op, ..) => binary_prec(*op),
            _ => PREC_ATOM,
        }
    }

    pub(super) fn type_prec(&self, t: TypeId) -> i32 {
        if self.check.types.pointer_base(t).is_some() {
            PREC_UNARY
        } else {
            PREC_ATOM
        }
    }

    /// The op of a node, to decide gc's space in `- -x` and `& &x`.
    pub(super) fn unary_op_of(&self, e: &Expr) -> Option<&'static str> {
        match self.view(e.unparen()) {
            View::Unary(op, _) => Some(op),
            _ => None,
        }
    }

    pub(super) fn print_view(&mut self, v: View) {
        match v {
            View::Text(t, _) => self.s(&t),
            View::Type(t) => self.typ(t, Mode2::Go),
            View::CompLit(t, nonempty) => self.complit(t, nonempty),
            View::PtrLit(t, nonempty) => {
                self.s("&");
                self.complit(t, nonempty);
            }
            View::Dot(x, path, sel) => {
                self.expr(x, PREC_ATOM);
                for f in path {
                    self.s(".");
                    self.s(f.as_str());
                }
                self.s(".");
                self.s(sel.as_str());
            }
            View::MethodExpr(t, sel) => {
                self.type_node(t, PREC_ATOM);
                self.s(".");
                self.s(sel.as_str());
            }
            View::Index(x, i) => {
                self.expr(x, PREC_ATOM);
                self.s("[");
                self.expr(i, 0);
                self.s("]");
            }
            View::Slice(x, idx, full) => {
                self.expr(x, PREC_ATOM);
                self.s("[");
                if let Some(lo) = idx[0] {
                    self.expr(lo, 0);
                }
                self.s(":");
                if let Some(hi) = idx[1] {
                    self.expr(hi, 0);
                }
                if full {
                    self.s(":");
                    if let Some(max) = idx[2] {
                        self.expr(max, 0);
                    }
                }
                self.s("]");
            }
            View::Assert(x, t) => {
                self.expr(x, PREC_ATOM);
                self.s(".(");
                self.typ(t, Mode2::Go);
                self.s(")");
            }
            View::Conv(t, x, inner) => {
                self.conv_type(t);
                self.s("(");
                match inner {
                    Some(it) => {
                        self.s("(");
                        self.s(it);
                        self.s(")(");
                        self.expr(x, 0);
                        self.s(")");
                    }
                    None => self.expr(x, 0),
                }
                self.s(")");
            }
            View::Builtin(name, ty, args, dots) => {
                self.s(name);
                self.s("(");
                let mut first = true;
                if let Some(t) = ty {
                    self.typ(t, Mode2::Go);
                    first = false;
                }
                for a in args {
                    if !first {
                        self.s(", ");
                    }
                    first = false;
                    self.expr(a, 0);
                }
                if dots {
                    self.s("...");
                }
                self.s(")");
            }
            View::Call(callee, args, dots) => {
                match callee {
                    Callee::Expr(f) => self.expr(f, PREC_ATOM),
                    Callee::Text(t) => self.s(&t),
                    Callee::Dot(x, path, sel) => self.print_view(View::Dot(x, path, sel)),
                    Callee::MethodExpr(t, sel) => self.print_view(View::MethodExpr(t, sel)),
                }
                self.s("(");
                for (i, a) in args.into_iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    match a {
                        Arg::Expr(x) => self.expr(x, 0),
                        Arg::Path(x, path) => {
                            if path.is_empty() {
                                self.expr(x, 0);
                            } else {
                                self.expr(x, PREC_ATOM);
                                for f in path {
                                    self.s(".");
                                    self.s(f.as_str());
                                }
                            }
                        }
                        Arg::Text(t) => self.s(&t),
                    }
                }
                if dots {
                    self.s("...");
                }
                self.s(")");
            }
            View::Unary(op, x) => {
                self.s(op);
                if op != "*" && self.unary_op_of(x) == Some(op) {
                    self.s(" ");
                }
                self.expr(x, PREC_UNARY + 1);
            }
            View::Binary(op, x, y) => {
                let p = binary_prec(op);
                self.expr(x, p);
                self.s(" ");
                self.s(op.as_str());
                self.s(" ");
                self.expr(y, p + 1);
            }
            View::AddStr(list) => {
                for (i, x) in list.into_iter().enumerate() {
                    if i > 0 {
                        self.s(" + ");
                    }
                    self.expr(x, PREC_NONE);
                }
            }
        }
    }

    pub(super) fn complit(&mut self, t: TypeId, nonempty: bool) {
        self.typ(t, Mode2::Go);
        self.s(if nonempty { "{...}" } else { "{}" });
    }

    /// An OTYPE node printed at precedence `prec`.
    pub(super) fn type_node(&mut self, t: TypeId, prec: i32) {
        if prec > self.type_prec(t) {
            self.s("(");
            self.typ(t, Mode2::Go);
            self.s(")");
        } else {
            self.typ(t, Mode2::Go);
        }
    }

    /// The type of a conversion: parenthesized unless it has a name.
    pub(super) fn conv_type(&mut self, t: TypeId) {
        if self.type_has_sym(t) {
            self.typ(t, Mode2::Go);
        } else {
            self.s("(");
            self.typ(t, Mode2::Go);
            self.s(")");
        }
    }

    /// Whether gc's type has a Sym: defined and predeclared types, type
    /// parameters, `any` and `unsafe.Pointer`.
    pub(super) fn type_has_sym(&self, t: TypeId) -> bool {
        let c = self.check;
        matches!(
            c.types.get(t),
            Type::Basic { .. } | Type::Named(_) | Type::TypeParam(_)
        ) || t == c.universe.any_type
    }
}
