//! Range loops (types2's rangeStmt).
//!
//! `for k, v := range x` ranges over a string (int index, rune value), an
//! array, a pointer to an array or a slice (int index, element), a map
//! (key, element) or a channel (element only); a type parameter qualifies
//! through its core type. Go 1.19 has no range over integers or functions:
//! `for range 3` is "cannot range over 3 (untyped int constant)".
//!
//! The iteration variables are declared (`:=`) or assigned (`=`) as if
//! from values of the key and element types; declared ones come into
//! scope at the loop body, in the loop's own scope, which opens after the
//! range expression (issue 51437).

use super::basic::BasicKind;
use super::check::Checker;
use super::errors::INVALID_AST;
use super::object::ObjId;
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Block, ChanDir, Expr, ExprKind, Stmt};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// `for lhs [:]= range x body`; `s` is the for statement.
    pub(super) fn range_stmt(
        &mut self,
        s: &'a Stmt,
        lhs: Option<&'a Expr>,
        def: bool,
        x_expr: &'a Expr,
        body: &'a Block,
    ) {
        // The iteration variables, if any.
        let mut s_key = lhs;
        let mut s_value: Option<&'a Expr> = None;
        let mut s_extra: Option<&'a Expr> = None;
        if let Some(Expr {
            kind: ExprKind::List(list),
            ..
        }) = lhs
        {
            if list.len() < 2 {
                self.error(s.pos, format!("{INVALID_AST}invalid lhs in range clause"));
                return;
            }
            s_key = list.first();
            s_value = list.get(1);
            // Reported below, when more is known.
            s_extra = list.get(2);
        }

        let mut x = Operand::invalid();
        self.expr(&mut x, x_expr);

        // The key and value types.
        let (mut key, mut val) = (None, None);
        if x.mode != Mode::Invalid {
            // Ranging over a type parameter is permitted if it has a core
            // type.
            let mut cause = String::new();
            let u = self.core_type(x.ty);
            match u.map(|u| self.types.get(u)) {
                Some(&Type::Chan { dir, .. }) => {
                    if let Some(v) = s_value {
                        let xs = self.operand_string(&x);
                        self.soft_error(
                            start_pos(v),
                            format!("range over {xs} permits only one iteration variable"),
                        );
                    }
                    if dir == ChanDir::SendOnly {
                        cause = "receive from send-only channel".into();
                    }
                }
                _ => {
                    if let Some(e) = s_extra {
                        self.soft_error(
                            start_pos(e),
                            "range clause permits at most two iteration variables".into(),
                        );
                    }
                    if u.is_none() {
                        cause = format!("{} has no core type", self.type_string(x.ty));
                    }
                }
            }
            (key, val) = self.range_key_val(u);
            if key.is_none() || !cause.is_empty() {
                let xs = self.operand_string(&x);
                let msg = if cause.is_empty() {
                    format!("cannot range over {xs}")
                } else {
                    format!("cannot range over {xs} ({cause})")
                };
                self.soft_error(x.pos(), msg);
            }
        }

        // The loop's scope opens after the range clause: variables
        // declared with := belong to it.
        self.open_scope(s.pos, body.rbrace, "range");

        let lhs = [s_key, s_value];
        let rhs = [key, val];
        if def {
            let mut vars: Vec<ObjId> = Vec::new();
            for (l, typ) in lhs.into_iter().zip(rhs) {
                let Some(l) = l else { continue };
                let obj = match l.kind {
                    ExprKind::Name(name) => {
                        let obj = self.new_var(l.pos, name, None);
                        self.record_def(l.id, Some(obj));
                        // _ variables don't count as new variables.
                        if !name.is_blank() {
                            vars.push(obj);
                        }
                        obj
                    }
                    _ => {
                        self.error(start_pos(l), format!("cannot declare {}", expr_string(l)));
                        self.new_var(l.pos, Symbol::intern("_"), None)
                    }
                };
                match typ {
                    Some(t) => {
                        // No better rhs expression to report on than lhs.
                        let mut v = Operand::new(Mode::Value, Some(l), t);
                        self.init_var(obj, &mut v, &"range clause");
                    }
                    None => {
                        let o = self.obj_mut(obj);
                        o.ty = Some(TypeId::INVALID);
                        o.set_used();
                    }
                }
            }
            if vars.is_empty() {
                self.error(s.pos, "no new variables on left side of :=".into());
            } else {
                let scope = self.scope();
                for obj in vars {
                    // record_def was done above.
                    self.declare(scope, None, obj, body.pos);
                }
            }
        } else {
            for (l, typ) in lhs.into_iter().zip(rhs) {
                if let (Some(l), Some(t)) = (l, typ) {
                    let mut v = Operand::new(Mode::Value, Some(l), t);
                    self.assign_var(l, &mut v);
                }
            }
        }

        self.block(body);
        self.close_scope();
    }

    /// The key and value types of a range over a value whose core type is
    /// `u`; None when ranging over it is not permitted (types2's
    /// rangeKeyVal). A channel has no value: its second type is Invalid.
    fn range_key_val(&mut self, u: Option<TypeId>) -> (Option<TypeId>, Option<TypeId>) {
        let Some(mut t) = u else {
            return (None, None);
        };
        let int = TypeId::basic(BasicKind::Int);
        // A pointer to an array ranges like the array.
        if let Some(base) = self.types.pointer_base(t) {
            let bu = self.under(base);
            if matches!(self.types.get(bu), Type::Array { .. }) {
                t = bu;
            }
        }
        match *self.types.get(t) {
            Type::Basic { kind, .. } if kind.is_string() => (Some(int), Some(TypeId::RUNE)),
            Type::Array { elem, .. } | Type::Slice(elem) => (Some(int), Some(elem)),
            Type::Map { key, elem } => (Some(key), Some(elem)),
            Type::Chan { elem, .. } => (Some(elem), Some(TypeId::INVALID)),
            _ => (None, None),
        }
    }
}
