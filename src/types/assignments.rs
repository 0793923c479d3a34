//! Assignments and initializations (types2's assignments.go).

use crate::fxhash::FxHashSet;
use crate::syntax::positions::start_pos;

use super::basic::BasicKind;
use super::check::Checker;
use super::errors::ErrorBuilder;
use super::object::{ObjId, ObjKind, Object};
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use super::untyped::ConvCode;
use crate::syntax::ast::{Expr, ExprKind, Stmt};
use crate::syntax::pos::Pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Checks that x can be assigned to a variable of type `t` (None: the
    /// variable's type is x's default type) in `context`, converting an
    /// untyped x.
    pub fn assignment(
        &mut self,
        x: &mut Operand<'a>,
        t: Option<TypeId>,
        context: &dyn std::fmt::Display,
    ) {
        self.single_value(x);
        match x.mode {
            Mode::Invalid => return,
            Mode::Constant
            | Mode::Variable
            | Mode::MapIndex
            | Mode::Value
            | Mode::NilValue
            | Mode::CommaOk
            | Mode::CommaErr => {}
            _ => {
                let xs = self.operand_string(x);
                let ts = t
                    .map(|t| self.type_string(t))
                    .unwrap_or_else(|| "<nil>".into());
                self.error(x.pos(), format!("cannot assign {xs} to {ts} in {context}"));
                return;
            }
        }
        if self.types.is_untyped(x.ty) {
            let mut target = t;
            if x.is_nil() {
                if t.is_none() {
                    self.error(x.pos(), format!("use of untyped nil in {context}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            } else if t.is_none() || t.is_some_and(|t| self.is_non_type_param_interface(t)) {
                target = Some(self.default_type(x.ty));
            }
            let target = target.unwrap_or(TypeId::INVALID);
            match self.implicit_type_and_value(x, target) {
                Err(code) => {
                    let xs = self.operand_string(x);
                    let ts = self.type_string(target);
                    let mut msg = format!("cannot use {xs} as {ts} value in {context}");
                    match code {
                        ConvCode::TruncatedFloat => msg.push_str(" (truncated)"),
                        ConvCode::NumericOverflow => msg.push_str(" (overflows)"),
                        _ => {}
                    }
                    self.error(x.pos(), msg);
                    x.mode = Mode::Invalid;
                    return;
                }
                Ok((new_type, val)) => {
                    if let Some(v) = val {
                        x.val = v.clone();
                        if let Some(e) = x.expr {
                            if let Some(info) = self.st.untyped.get_mut(&e.id) {
                                info.val = Some(v);
                            }
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
        let u = self.under(x.ty);
        if self
            .types
            .signature(u)
            .is_some_and(|s| !s.tparams.is_empty())
        {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("cannot use generic function {xs} without instantiation in {context}"),
            );
        }
        let Some(t) = t else { return };
        let mut reason = String::new();
        if !self.assignable_to(x, t, &mut reason).0 {
            let xs = self.operand_string(x);
            let ts = self.type_string(t);
            if reason.is_empty() {
                self.error(
                    x.pos(),
                    format!("cannot use {xs} as type {ts} in {context}"),
                );
            } else {
                self.error(
                    x.pos(),
                    format!("cannot use {xs} as type {ts} in {context}:\n\t{reason}"),
                );
            }
            x.mode = Mode::Invalid;
            return;
        }
        self.record_iface_conversion(x, t);
    }

    /// Records an implicit conversion of x's value to interface type t
    /// (none when x already has an interface type or is nil).
    pub fn record_iface_conversion(&mut self, x: &Operand<'a>, t: TypeId) {
        let Some(e) = x.expr else { return };
        if !self.info.recording()
            || x.is_nil()
            || self.types.is_type_param(t)
            || !self.is_interface(t)
        {
            return;
        }
        if self.is_non_type_param_interface(x.ty) {
            if !self.identical(x.ty, t) {
                self.info.iface_reconversions.insert(e.id, t);
            }
            return;
        }
        self.info.iface_conversions.insert(e.id, t);
    }

    pub fn init_const(&mut self, lhs: ObjId, x: &mut Operand<'a>) {
        let lt = self.obj(lhs).ty;
        if x.mode == Mode::Invalid || x.ty == TypeId::INVALID || lt == Some(TypeId::INVALID) {
            if lt.is_none() {
                self.obj_mut(lhs).ty = Some(TypeId::INVALID);
            }
            return;
        }
        if x.mode != Mode::Constant {
            let xs = self.operand_string(x);
            self.error(x.pos(), format!("{xs} is not constant"));
            if lt.is_none() {
                self.obj_mut(lhs).ty = Some(TypeId::INVALID);
            }
            return;
        }
        if lt.is_none() {
            self.obj_mut(lhs).ty = Some(x.ty);
        }
        let t = self.obj_type(lhs);
        self.assignment(x, Some(t), &"constant declaration");
        if x.mode == Mode::Invalid {
            return;
        }
        if let ObjKind::Const { val } = &mut self.obj_mut(lhs).kind {
            *val = x.val.clone();
        }
    }

    /// Initializes variable lhs with x; returns x's type, or None on error.
    pub fn init_var(
        &mut self,
        lhs: ObjId,
        x: &mut Operand<'a>,
        context: &dyn std::fmt::Display,
    ) -> Option<TypeId> {
        let lt = self.obj(lhs).ty;
        if x.mode == Mode::Invalid || x.ty == TypeId::INVALID || lt == Some(TypeId::INVALID) {
            if lt.is_none() {
                self.obj_mut(lhs).ty = Some(TypeId::INVALID);
            }
            self.obj_mut(lhs).set_used();
            return None;
        }
        if lt.is_none() {
            let mut t = x.ty;
            if self.types.is_untyped(t) {
                if t == TypeId::basic(BasicKind::UntypedNil) {
                    self.error(x.pos(), format!("use of untyped nil in {context}"));
                    self.obj_mut(lhs).ty = Some(TypeId::INVALID);
                    return None;
                }
                t = self.default_type(t);
            }
            self.obj_mut(lhs).ty = Some(t);
        }
        let t = self.obj_type(lhs);
        self.assignment(x, Some(t), context);
        if x.mode == Mode::Invalid {
            self.obj_mut(lhs).set_used();
            return None;
        }
        Some(x.ty)
    }

    /// Assigns x to the expression lhs; returns x's type, or None on error.
    pub fn assign_var(&mut self, lhs: &'a Expr, x: &mut Operand<'a>) -> Option<TypeId> {
        if x.mode == Mode::Invalid || x.ty == TypeId::INVALID {
            self.use_expr(lhs);
            return None;
        }
        let ident = lhs.unparen();
        if let ExprKind::Name(name) = ident.kind {
            if name.is_blank() {
                self.record_def(ident.id, None);
                self.assignment(x, None, &"assignment to _ identifier");
                return if x.mode == Mode::Invalid {
                    None
                } else {
                    Some(x.ty)
                };
            }
        }
        // A variable on the lhs is not "used" by being assigned to.
        let mut v: Option<(ObjId, bool)> = None;
        if let ExprKind::Name(name) = ident.kind {
            if let Some(obj) = self.lookup(name) {
                let o = self.obj(obj);
                if o.is_var() && o.pkg == Some(self.pkg) {
                    v = Some((obj, o.is_used()));
                }
            }
        }
        let mut z = Operand::invalid();
        self.expr(&mut z, lhs);
        if let Some((obj, used)) = v {
            if let ObjKind::Var { used: u, .. } = &mut self.obj_mut(obj).kind {
                *u = used;
            }
        }
        if z.mode == Mode::Invalid || z.ty == TypeId::INVALID {
            return None;
        }
        match z.mode {
            Mode::Variable | Mode::MapIndex => {}
            _ => {
                if let Some(ze) = z.expr {
                    if let ExprKind::Selector { x: sx, .. } = &ze.kind {
                        let mut op = Operand::invalid();
                        self.expr(&mut op, sx);
                        if op.mode == Mode::MapIndex {
                            self.error(
                                z.pos(),
                                format!("cannot assign to struct field {} in map", expr_string(ze)),
                            );
                            return None;
                        }
                    }
                }
                let zs = self.operand_string(&z);
                self.error(z.pos(), format!("cannot assign to {zs}"));
                return None;
            }
        }
        self.assignment(x, Some(z.ty), &"assignment");
        if x.mode == Mode::Invalid {
            return None;
        }
        Some(x.ty)
    }

    fn assign_error(&mut self, rhs: &'a [Expr], nvars: usize, nvals: usize) {
        let vars = measure(nvars, "variable");
        let vals = measure(nvals, "value");
        let rhs0 = &rhs[0];
        if rhs.len() == 1 {
            if let ExprKind::Call { fun, .. } = &rhs0.unparen().kind {
                self.error(
                    start_pos(rhs0),
                    format!(
                        "assignment mismatch: {vars} but {} returns {vals}",
                        expr_string(fun)
                    ),
                );
                return;
            }
        }
        self.error(
            start_pos(rhs0),
            format!("assignment mismatch: {vars} but {vals}"),
        );
    }

    /// `var a, b = rhs` / `a, b := rhs` / `return rhs` (return_stmt set).
    pub fn init_vars(
        &mut self,
        lhs: &[ObjId],
        orig_rhs: &'a [Expr],
        return_stmt: Option<&'a Stmt>,
    ) {
        let (mut rhs, comma_ok) = self.expr_list(orig_rhs, lhs.len() == 2 && return_stmt.is_none());
        if lhs.len() != rhs.len() {
            for &obj in lhs {
                self.obj_mut(obj).set_used();
                if self.obj(obj).ty.is_none() {
                    self.obj_mut(obj).ty = Some(TypeId::INVALID);
                }
            }
            if rhs.iter().any(|x| x.mode == Mode::Invalid) {
                return;
            }
            if let Some(ret) = return_stmt {
                let mut at = ret.pos;
                let qualifier = if rhs.len() > lhs.len() {
                    at = rhs[lhs.len()].pos();
                    "too many"
                } else {
                    if let Some(last) = rhs.last() {
                        at = last.pos();
                    }
                    "not enough"
                };
                let have: Vec<TypeId> = rhs.iter().map(|x| x.ty).collect();
                let want: Vec<TypeId> = lhs.iter().map(|&v| self.obj_type(v)).collect();
                let mut err = ErrorBuilder::new();
                err.add(at, format!("{qualifier} return values"));
                err.add(
                    Pos::NONE,
                    format!("have {}", self.types_summary(&have, false)),
                );
                err.add(
                    Pos::NONE,
                    format!("want {}", self.types_summary(&want, false)),
                );
                self.report(err);
                return;
            }
            self.assign_error(orig_rhs, lhs.len(), rhs.len());
            return;
        }
        let context = if return_stmt.is_some() {
            "return statement"
        } else {
            "assignment"
        };
        if comma_ok {
            let mut a = [TypeId::INVALID; 2];
            let mut ok = true;
            for i in 0..2 {
                match self.init_var(lhs[i], &mut rhs[i], &context) {
                    Some(t) => a[i] = t,
                    None => ok = false,
                }
            }
            if ok {
                self.record_comma_ok_types(&orig_rhs[0], a);
            }
            return;
        }
        let mut ok = true;
        for (i, &l) in lhs.iter().enumerate() {
            if self.init_var(l, &mut rhs[i], &context).is_none() {
                ok = false;
            }
        }
        if !ok {
            for &l in lhs {
                self.obj_mut(l).set_used();
            }
        }
    }

    /// `a, b = rhs`.
    pub fn assign_vars(&mut self, lhs: &'a [Expr], orig_rhs: &'a [Expr]) {
        let (mut rhs, comma_ok) = self.expr_list(orig_rhs, lhs.len() == 2);
        if lhs.len() != rhs.len() {
            self.use_exprs(lhs);
            if rhs.iter().any(|x| x.mode == Mode::Invalid) {
                return;
            }
            self.assign_error(orig_rhs, lhs.len(), rhs.len());
            return;
        }
        if comma_ok {
            let mut a = [TypeId::INVALID; 2];
            let mut ok = true;
            for i in 0..2 {
                match self.assign_var(&lhs[i], &mut rhs[i]) {
                    Some(t) => a[i] = t,
                    None => ok = false,
                }
            }
            if ok {
                self.record_comma_ok_types(&orig_rhs[0], a);
            }
            return;
        }
        let mut ok = true;
        for (i, l) in lhs.iter().enumerate() {
            if self.assign_var(l, &mut rhs[i]).is_none() {
                ok = false;
            }
        }
        if !ok {
            for l in lhs {
                if let ExprKind::Name(name) = l.unparen().kind {
                    if let Some(obj) = self.lookup(name) {
                        if self.obj(obj).is_var() && self.obj(obj).pkg == Some(self.pkg) {
                            self.obj_mut(obj).set_used();
                        }
                    }
                }
            }
        }
    }

    /// `a, b := rhs` at `pos`.
    pub fn short_var_decl(&mut self, pos: Pos, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let top = self.st.delayed.len();
        let scope = self.scope();
        let mut seen = FxHashSet::default();
        let mut lhs_vars: Vec<Option<ObjId>> = vec![None; lhs.len()];
        let mut new_vars = Vec::new();
        let mut has_err = false;
        for (i, l) in lhs.iter().enumerate() {
            let ExprKind::Name(name) = l.kind else {
                self.use_expr(l);
                self.error(
                    start_pos(l),
                    format!("non-name {} on left side of :=", expr_string(l)),
                );
                has_err = true;
                continue;
            };
            // Short lists (nearly all) are searched in place; only long
            // ones pay for a set.
            let repeated = if lhs.len() <= 16 {
                lhs[..i].iter().any(|p| p.as_name() == Some(name))
            } else {
                !seen.insert(name)
            };
            if !name.is_blank() && repeated {
                self.error(start_pos(l), format!("{name} repeated on left side of :="));
                has_err = true;
                continue;
            }
            if let Some(alt) = self.scopes.lookup(scope, name) {
                self.record_use(l.id, alt);
                if self.obj(alt).is_var() {
                    lhs_vars[i] = Some(alt);
                } else {
                    self.error(start_pos(l), format!("cannot assign to {name}"));
                    has_err = true;
                }
                continue;
            }
            let obj = self.new_var(l.pos, name, None);
            lhs_vars[i] = Some(obj);
            if !name.is_blank() {
                new_vars.push(obj);
            }
            self.record_def(l.id, Some(obj));
        }
        let lhs_vars: Vec<ObjId> = lhs_vars
            .into_iter()
            .enumerate()
            .map(|(i, v)| v.unwrap_or_else(|| self.new_var(lhs[i].pos, Symbol::intern("_"), None)))
            .collect();
        self.init_vars(&lhs_vars, rhs, None);
        self.process_delayed(top);
        if new_vars.is_empty() && !has_err {
            self.soft_error(pos, "no new variables on left side of :=".into());
            return;
        }
        let scope_pos = rhs.last().map(|e| e.span.hi).unwrap_or(pos);
        for v in new_vars {
            self.declare(scope, None, v, scope_pos);
        }
    }

    /// A new, unused local variable of the current package.
    pub fn new_var(&mut self, pos: Pos, name: Symbol, ty: Option<TypeId>) -> ObjId {
        let pkg = Some(self.pkg);
        self.new_obj(Object::new(
            ObjKind::Var {
                embedded: false,
                is_field: false,
                used: false,
                is_param: false,
                origin: None,
            },
            pos,
            pkg,
            name,
            ty,
        ))
    }

    /// Whether `t` is a Type::Tuple with exactly the given count.
    pub fn tuple_len(&self, t: TypeId) -> Option<usize> {
        match self.types.get(t) {
            Type::Tuple(v) => Some(v.len()),
            _ => None,
        }
    }
}

/// "1 variable", "2 values".
pub fn measure(x: usize, unit: &str) -> String {
    if x == 1 {
        format!("{x} {unit}")
    } else {
        format!("{x} {unit}s")
    }
}
