//! Operands: the checker's description of an evaluated expression
//! (types2's operand.go) — its mode (constant, variable, value, type, ...),
//! its type, and for constants its exact value.

use super::basic::BasicKind;
use super::builtins::BuiltinId;
use super::check::Checker;
use super::constant::Value;
use super::ty::{Type, TypeId};
use crate::syntax::ast::{ChanDir, Expr, LitKind};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Mode {
    /// The operand is invalid (an error was reported).
    Invalid,
    /// A call of a function without results.
    NoValue,
    Builtin,
    TypExpr,
    Constant,
    /// An addressable variable.
    Variable,
    /// A map index expression: assignable, and comma-ok on the rhs.
    MapIndex,
    Value,
    NilValue,
    /// A value that may be used in a comma-ok assignment.
    CommaOk,
    /// Like CommaOk with an error as the second value.
    CommaErr,
    CgoFunc,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin => "built-in",
            Mode::TypExpr => "type",
            Mode::Constant => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::NilValue => "nil",
            Mode::CommaOk => "comma, ok expression",
            Mode::CommaErr => "comma, error expression",
            Mode::CgoFunc => "cgo function",
        }
    }
}

/// Assignability failure causes, as types2's error codes distinguish them
/// where messages differ.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AssignCode {
    Ok,
    Incompatible,
    InvalidIfaceAssign,
    InvalidChanAssign,
}

#[derive(Clone, Debug)]
pub struct Operand<'a> {
    pub mode: Mode,
    pub expr: Option<&'a Expr>,
    pub ty: TypeId,
    pub val: Value,
    pub id: BuiltinId,
}

impl<'a> Operand<'a> {
    pub fn invalid() -> Operand<'a> {
        Operand {
            mode: Mode::Invalid,
            expr: None,
            ty: TypeId::INVALID,
            val: Value::Unknown,
            id: BuiltinId::Append,
        }
    }

    pub fn new(mode: Mode, expr: Option<&'a Expr>, ty: TypeId) -> Operand<'a> {
        Operand {
            mode,
            expr,
            ty,
            val: Value::Unknown,
            id: BuiltinId::Append,
        }
    }

    pub fn is_nil(&self) -> bool {
        self.mode == Mode::NilValue
    }

    pub fn invalidate(&mut self) {
        self.mode = Mode::Invalid;
    }

    /// Makes the operand an untyped constant from a literal (setConst).
    pub fn set_const(&mut self, kind: LitKind, lit: &str) {
        let bk = match kind {
            LitKind::Int => BasicKind::UntypedInt,
            LitKind::Float => BasicKind::UntypedFloat,
            LitKind::Imag => BasicKind::UntypedComplex,
            LitKind::Rune => BasicKind::UntypedRune,
            LitKind::String => BasicKind::UntypedString,
        };
        let val = super::constant::make_from_literal(lit, kind);
        if val.is_unknown() {
            self.mode = Mode::Invalid;
            self.ty = TypeId::INVALID;
            return;
        }
        self.mode = Mode::Constant;
        self.ty = TypeId::basic(bk);
        self.val = val;
    }

    /// The start position of the operand's expression (types2 posFor).
    pub fn pos(&self) -> crate::syntax::pos::Pos {
        self.expr
            .map(start_pos)
            .unwrap_or(crate::syntax::pos::Pos::NONE)
    }
}

impl<'a> Checker<'a> {
    /// types2's operandString: `x (variable of type int)`,
    /// `1 (untyped int constant)`, `nil`, ...
    pub fn operand_string(&self, x: &Operand<'a>) -> String {
        if x.mode == Mode::NilValue {
            return match x.ty {
                TypeId::INVALID => "nil (with invalid type)".into(),
                t if t == TypeId::basic(BasicKind::UntypedNil) => "nil".into(),
                t => format!("nil (of type {})", self.type_string(t)),
            };
        }
        let mut buf = String::new();
        let expr = match x.expr {
            Some(e) => expr_string(e),
            None => match x.mode {
                Mode::Builtin => x.id.name().to_string(),
                Mode::TypExpr => self.type_string(x.ty),
                Mode::Constant => x.val.to_string(),
                _ => String::new(),
            },
        };
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin | Mode::TypExpr => {}
            _ => {
                if let Some(k) = self.types.basic_kind(x.ty).filter(|k| k.is_untyped()) {
                    buf.push_str(k.name());
                    buf.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(x.mode.as_str());
        if x.mode == Mode::Constant {
            let s = x.val.to_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if x.ty != TypeId::INVALID {
                if self.is_generic(x.ty) {
                    buf.push_str(" of parameterized type ");
                } else {
                    buf.push_str(" of type ");
                }
                buf.push_str(&self.type_string(x.ty));
                if let Some(tp) = self.types.type_param(x.ty) {
                    buf.push_str(" constrained by ");
                    buf.push_str(&self.type_string(tp.bound));
                }
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }

    /// Whether x is assignable to a variable of type t (types2
    /// assignableTo); on failure `reason` may explain why.
    pub fn assignable_to(
        &mut self,
        x: &Operand<'a>,
        t: TypeId,
        reason: &mut String,
    ) -> (bool, AssignCode) {
        if x.mode == Mode::Invalid || t == TypeId::INVALID {
            return (true, AssignCode::Ok);
        }
        let v = x.ty;
        if self.identical(v, t) {
            return (true, AssignCode::Ok);
        }
        let vu = self.under(v);
        let tu = self.under(t);
        let vp = self.types.is_type_param(v);
        let tp = self.types.is_type_param(t);

        if self.types.is_untyped(vu) {
            if tp {
                let terms = self.type_param_terms(t);
                let ok = match terms {
                    Some(terms) if !terms.is_empty() => terms.iter().all(|term| match term.ty {
                        None => false,
                        Some(tt) => self.implicit_type_and_value(x, tt).is_ok(),
                    }),
                    _ => false,
                };
                return (ok, AssignCode::Incompatible);
            }
            let ok = self.implicit_type_and_value(x, t).is_ok();
            return (ok, AssignCode::Incompatible);
        }

        if self.identical(vu, tu)
            && (!self.types.has_name(v) || !self.types.has_name(t))
            && !vp
            && !tp
        {
            return (true, AssignCode::Ok);
        }

        if (matches!(self.types.get(tu), Type::Interface(_)) && !tp) || self.is_interface_ptr(tu) {
            if let Err(msg) = self.implements(v, t) {
                *reason = msg;
                return (false, AssignCode::InvalidIfaceAssign);
            }
            return (true, AssignCode::Ok);
        }

        if matches!(self.types.get(vu), Type::Interface(_)) && !vp && self.implements(t, v).is_ok()
        {
            *reason = "need type assertion".into();
            return (false, AssignCode::Incompatible);
        }

        if let Type::Chan {
            dir: ChanDir::Both,
            elem: ve,
        } = *self.types.get(vu)
        {
            if let Type::Chan { elem: te, .. } = *self.types.get(tu) {
                if self.identical(ve, te) {
                    return (
                        !self.types.has_name(v) || !self.types.has_name(t),
                        AssignCode::InvalidChanAssign,
                    );
                }
            }
        }

        if !vp && !tp {
            return (false, AssignCode::Incompatible);
        }

        if !self.types.has_name(v) && tp {
            let Some(terms) = self.type_param_terms(t) else {
                return (false, AssignCode::Incompatible);
            };
            if terms.is_empty() {
                return (false, AssignCode::Incompatible);
            }
            for term in terms {
                let Some(tt) = term.ty else {
                    return (false, AssignCode::Incompatible);
                };
                let (ok, code) = self.assignable_to(x, tt, reason);
                if !ok {
                    let msg = format!(
                        "cannot assign {} to {} (in {})",
                        self.type_string(x.ty),
                        self.type_string(tt),
                        self.type_string(t)
                    );
                    append_reason(reason, msg);
                    return (false, code);
                }
            }
            return (true, AssignCode::Ok);
        }

        if vp && !self.types.has_name(t) {
            let Some(terms) = self.type_param_terms(v) else {
                return (false, AssignCode::Incompatible);
            };
            if terms.is_empty() {
                return (false, AssignCode::Incompatible);
            }
            for term in terms {
                let Some(vt) = term.ty else {
                    return (false, AssignCode::Incompatible);
                };
                let mut y = x.clone();
                y.ty = vt;
                let (ok, code) = self.assignable_to(&y, t, reason);
                if !ok {
                    let msg = format!(
                        "cannot assign {} (in {}) to {}",
                        self.type_string(vt),
                        self.type_string(v),
                        self.type_string(t)
                    );
                    append_reason(reason, msg);
                    return (false, code);
                }
            }
            return (true, AssignCode::Ok);
        }

        (false, AssignCode::Incompatible)
    }
}

/// Prepends `msg` to an existing reason, as types2's errorf closure does.
fn append_reason(reason: &mut String, msg: String) {
    if reason.is_empty() {
        *reason = msg;
    } else {
        *reason = format!("{msg}\n\t{reason}");
    }
}
