//! Switch statements (the switch part of types2's stmt.go).
//!
//! Expression switch: the tag (or `true` when absent) is checked as if
//! assigned to a temporary, so it gets a type; each case value is
//! converted to that type and compared with it as `case == tag` would
//! be. Constant case values of integer, float and string kind are checked
//! for duplicates, as gc does ("duplicate case 1 (constant of type int)
//! in expression switch").
//!
//! Type switch: the cases are types or `nil`; duplicates are reported,
//! and a case type that cannot implement the interface of the guard is an
//! impossible case. With `v := x.(type)`, each clause declares its own
//! `v` (recorded in `Info.implicits` under the clause's position), of the
//! clause's single case type or else of x's type; `v` is "declared but not
//! used" only if no clause uses it.
//!
//! Example:
//!
//! ```go
//! switch v := e.(type) {
//! case int:          // v is an int here
//! case string, bool: // v has e's type here
//! }
//! ```

use crate::fxhash::FxHashMap;

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{Kind, Value};
use super::errors::ErrorBuilder;
use super::object::{ObjId, ObjKind};
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{CaseClause, Expr, ExprKind, Ident, Operator};
use crate::syntax::pos::{Pos, Span};
use crate::syntax::positions::start_pos;
use crate::syntax::symbol::Symbol;

/// A constant case value reduced to what gc compares for duplicates
/// (types2's goVal): integers, floats and strings only.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum GoVal {
    Int(i64),
    Uint(u64),
    /// A float by its exact value (case values have been rounded to their
    /// type, so equal exact values are equal float64s).
    Float(String),
    Str(String),
}

fn go_val(v: &Value) -> Option<GoVal> {
    match v.kind() {
        Kind::Int => {
            let (i, ok) = v.int64_val();
            if ok {
                return Some(GoVal::Int(i));
            }
            let (u, ok) = v.uint64_val();
            ok.then_some(GoVal::Uint(u))
        }
        Kind::Float => Some(GoVal::Float(v.exact_string())),
        Kind::String => Some(GoVal::Str(v.exact_string())),
        _ => None,
    }
}

/// The case values seen so far: per value, where and with which type.
type ValueMap = FxHashMap<GoVal, Vec<(Pos, TypeId)>>;

impl<'a> Checker<'a> {
    /// An expression switch (the init statement is done).
    pub(super) fn switch_stmt(
        &mut self,
        tag: Option<&'a Expr>,
        body: &'a [CaseClause],
        rbrace: Pos,
    ) {
        let mut x = Operand::invalid();
        match tag {
            Some(tag) => {
                self.expr(&mut x, tag);
                // Checking the assignment of x to an invisible temporary
                // (as a compiler would) gives all the relevant checks.
                self.assignment(&mut x, None, &"switch expression");
                if x.mode != Mode::Invalid && !self.comparable(x.ty) && !self.has_nil(x.ty) {
                    let xs = self.operand_string(&x);
                    let ts = self.type_string(x.ty);
                    self.error(
                        x.pos(),
                        format!("cannot switch on {xs} ({ts} is not comparable)"),
                    );
                    x.mode = Mode::Invalid;
                }
            }
            None => {
                // spec: "A missing switch expression is equivalent to the
                // boolean value true."
                let pos = body.first().map(|c| c.pos).unwrap_or(rbrace);
                x.mode = Mode::Constant;
                x.ty = TypeId::basic(BasicKind::Bool);
                x.val = Value::make_bool(true);
                x.expr = Some(self.synthetic_expr(
                    pos,
                    Span::new(pos, pos),
                    ExprKind::Name(Symbol::intern("true")),
                ));
            }
        }

        self.multiple_switch_defaults(body);

        let mut seen = ValueMap::default();
        for (i, clause) in body.iter().enumerate() {
            let end = body.get(i + 1).map(|c| c.pos).unwrap_or(rbrace);
            let values: &'a [Expr] = clause
                .cases
                .as_ref()
                .map(|c| c.unpack_list())
                .unwrap_or(&[]);
            self.case_values(&x, values, &mut seen);
            self.open_scope(clause.pos, end, "case");
            self.stmt_list(&clause.body);
            self.close_scope();
        }
    }

    /// A type switch with guard `[lhs :=] guard_x.(type)`.
    pub(super) fn type_switch_stmt(
        &mut self,
        _guard: &'a Expr,
        lhs: Option<&'a Ident>,
        guard_x: &'a Expr,
        body: &'a [CaseClause],
        rbrace: Pos,
    ) {
        let mut lhs = lhs;
        if let Some(l) = lhs {
            if l.is_blank() {
                // `_ := x.(type)` is an invalid short variable declaration.
                self.soft_error(l.pos, "no new variable on left side of :=".into());
                lhs = None;
            } else {
                // The variable is declared implicitly in each clause.
                self.record_def(l.id, None);
            }
        }

        let mut x = Operand::invalid();
        self.expr(&mut x, guard_x);
        if x.mode == Mode::Invalid {
            return;
        }

        // The operand the cases are compared against; None if invalid.
        let mut sx: Option<Operand<'a>> = None;
        if self.types.is_type_param(x.ty) {
            let xs = self.operand_string(&x);
            self.error(
                x.pos(),
                format!("cannot use type switch on type parameter value {xs}"),
            );
        } else {
            let u = self.under(x.ty);
            if matches!(self.types.get(u), Type::Interface(_)) {
                sx = Some(x.clone());
            } else {
                let xs = self.operand_string(&x);
                self.error(x.pos(), format!("{xs} is not an interface"));
            }
        }

        self.multiple_switch_defaults(body);

        let mut lhs_vars: Vec<ObjId> = Vec::new();
        let mut seen: Vec<(Option<TypeId>, &'a Expr)> = Vec::new();
        for (i, clause) in body.iter().enumerate() {
            let end = body.get(i + 1).map(|c| c.pos).unwrap_or(rbrace);
            let cases: &'a [Expr] = clause
                .cases
                .as_ref()
                .map(|c| c.unpack_list())
                .unwrap_or(&[]);
            let t = self.case_types(sx.as_ref(), cases, &mut seen);
            self.open_scope(clause.pos, end, "case");
            if let Some(l) = lhs {
                // spec: "In clauses with a case listing exactly one type,
                // the variable has that type; otherwise, the variable has
                // the type of the expression in the TypeSwitchGuard."
                let ty = match t {
                    Some(t) if cases.len() == 1 => t,
                    _ => x.ty,
                };
                let obj = self.new_var(l.pos, l.sym, Some(ty));
                let scope_pos = cases.last().map(|c| c.span.hi).unwrap_or(clause.pos);
                let scope = self.scope();
                self.declare(scope, None, obj, scope_pos);
                self.record_implicit(clause.pos, obj);
                lhs_vars.push(obj);
            }
            self.stmt_list(&clause.body);
            self.close_scope();
        }

        // The variables of all clauses act as one for "declared but not
        // used"; mark them used so the function's check skips them.
        if let Some(l) = lhs {
            let mut used = false;
            for &v in &lhs_vars {
                used |= self.obj(v).is_used();
                self.obj_mut(v).set_used();
            }
            if !used {
                self.soft_error(l.pos, format!("{} declared but not used", l.sym));
            }
        }
    }

    fn multiple_switch_defaults(&mut self, list: &[CaseClause]) {
        let mut first: Option<Pos> = None;
        for c in list.iter().filter(|c| c.cases.is_none()) {
            match first {
                Some(f) => {
                    let at = self.sources.position(f);
                    self.error(c.pos, format!("multiple defaults (first at {at})"));
                }
                None => first = Some(c.pos),
            }
        }
    }

    /// Checks the values of one case clause against the tag x.
    fn case_values(&mut self, x: &Operand<'a>, values: &'a [Expr], seen: &mut ValueMap) {
        for e in values {
            let mut v = Operand::invalid();
            self.expr(&mut v, e);
            if x.mode == Mode::Invalid || v.mode == Mode::Invalid {
                continue;
            }
            self.convert_untyped(&mut v, x.ty);
            if v.mode == Mode::Invalid {
                continue;
            }
            // Comparing v against x puts error positions at case values.
            let mut res = v.clone();
            let mut tag = x.clone();
            self.comparison(&mut res, &mut tag, Operator::Eql, true);
            if res.mode == Mode::Invalid || v.mode != Mode::Constant {
                continue;
            }
            let Some(val) = go_val(&v.val) else { continue };
            let prev = seen.get(&val).cloned().unwrap_or_default();
            let dup = prev
                .iter()
                .find(|&&(_, t)| self.identical(v.ty, t))
                .copied();
            if let Some((prev_pos, _)) = dup {
                let vs = self.operand_string(&v);
                let mut err = ErrorBuilder::new();
                err.add(v.pos(), format!("duplicate case {vs} in expression switch"));
                err.add(prev_pos, "previous case");
                self.report(err);
                continue;
            }
            seen.entry(val).or_default().push((v.pos(), v.ty));
        }
    }

    /// Whether e is the predeclared nil (possibly parenthesized).
    fn is_nil_expr(&self, e: &Expr) -> bool {
        match e.unparen().kind {
            ExprKind::Name(name) => self
                .lookup(name)
                .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Nil)),
            _ => false,
        }
    }

    /// Checks the types of one type switch clause; returns the last case
    /// type (None for nil or no case). `x` is the guard's operand, None if
    /// it is invalid.
    fn case_types(
        &mut self,
        x: Option<&Operand<'a>>,
        types: &'a [Expr],
        seen: &mut Vec<(Option<TypeId>, &'a Expr)>,
    ) -> Option<TypeId> {
        let mut t: Option<TypeId> = None;
        for e in types {
            // The spec allows the value nil instead of a type.
            if self.is_nil_expr(e) {
                t = None;
                let mut dummy = Operand::invalid();
                self.expr(&mut dummy, e);
            } else {
                let ty = self.var_type(e);
                t = Some(ty);
                if ty == TypeId::INVALID {
                    continue;
                }
            }
            let mut dup: Option<&'a Expr> = None;
            for &(other_t, other) in seen.iter() {
                let same = match (t, other_t) {
                    (None, None) => true,
                    (Some(a), Some(b)) => self.identical(a, b),
                    _ => false,
                };
                if same {
                    dup = Some(other);
                    break;
                }
            }
            if let Some(other) = dup {
                // "case" rather than "type" because of the nil case.
                let ts = t
                    .map(|t| self.type_string(t))
                    .unwrap_or_else(|| "nil".into());
                let mut err = ErrorBuilder::new();
                err.add(start_pos(e), format!("duplicate case {ts} in type switch"));
                err.add(start_pos(other), "previous case");
                self.report(err);
                continue;
            }
            seen.push((t, e));
            if let (Some(x), Some(ty)) = (x, t) {
                self.type_assertion(e, x, ty, true);
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use crate::syntax::ast::{Decl, StmtKind};
    use crate::syntax::pos::SourceMap;
    use crate::syntax::{parse_file, NodeIdGen};
    use crate::types::object::ObjKind;
    use crate::types::Checker;

    const SRC: &str = "package main

func main() {
	var e interface{} = 1
	switch v := e.(type) {
	case int:
		_ = v
	case string, bool:
	default:
	}
L:
	for {
		break L
	}
}
";

    /// The implicit variable of each type switch clause is recorded under
    /// the clause's position with the clause's type, and labels become
    /// Label objects defined by the labeled statement and used by the
    /// branch.
    #[test]
    fn records_clause_variables_and_labels() {
        let ids = NodeIdGen::new();
        let mut sources = SourceMap::new();
        let (file, diags) = parse_file(&mut sources, "t.go", SRC.as_bytes(), &ids);
        assert!(diags.is_empty(), "{diags:?}");
        let mut c = Checker::new(sources, &ids);
        c.check_files(&[&file]);
        assert!(c.diags.is_empty(), "{:?}", c.diags);

        let Some(Decl::Func(main)) = file.decls.first() else {
            panic!("no main")
        };
        let body = &main.body.as_ref().expect("body").stmts;
        let StmtKind::Switch { body: clauses, .. } = &body[1].kind else {
            panic!("no switch")
        };
        let types: Vec<String> = clauses
            .iter()
            .map(|cl| {
                let v = c.info.implicits[&cl.pos];
                assert_eq!(c.obj(v).name.as_str(), "v");
                c.type_string(c.obj_type(v))
            })
            .collect();
        assert_eq!(types, ["int", "interface{}", "interface{}"]);

        let StmtKind::Labeled { label, stmt } = &body[2].kind else {
            panic!("no label")
        };
        let def = c.info.object_of(label.id).expect("label defined");
        assert!(matches!(c.obj(def).kind, ObjKind::Label { used: true }));
        let StmtKind::For { body: fb, .. } = &stmt.kind else {
            panic!("no for")
        };
        let StmtKind::Branch {
            label: Some(use_), ..
        } = &fb.stmts[0].kind
        else {
            panic!("no break")
        };
        assert_eq!(c.info.object_of(use_.id), Some(def));
    }
}
