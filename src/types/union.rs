//! Union type expressions `A | ~B | C` in interfaces and constraints
//! (types2's union.go): parsing them into a Union type, and the checks on
//! their terms (no `~` on interfaces or non-underlying types, no methods or
//! comparable in unions, no overlapping terms), which run after the types
//! involved are set up.

use super::check::Checker;
use super::operand::Mode;
use super::ty::{Term, Type, TypeId};
use super::typeset::MAX_TERM_COUNT;
use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// The terms of a Union type (empty for any other type).
    pub fn union_terms(&mut self, u: TypeId) -> Vec<Term> {
        match self.types.get(u) {
            Type::Union(t) => t.clone(),
            _ => Vec::new(),
        }
    }

    /// Checks a union expression (or a single, possibly `~`, type) and
    /// returns its type: the type itself for a single term without `~`,
    /// a Union otherwise, Invalid for too many terms (types2's parseUnion).
    pub fn parse_union(&mut self, uexpr: &'a Expr) -> TypeId {
        let mut blist: Vec<&'a Expr> = Vec::new();
        let mut tlist: Vec<&'a Expr> = Vec::new();
        flatten_union(uexpr, &mut blist, &mut tlist);

        let mut terms: Vec<Term> = Vec::new();
        let mut invalid = false;
        for (i, &x) in tlist.iter().enumerate() {
            let term = self.parse_tilde(x);
            if tlist.len() == 1 && !term.tilde {
                // A single type: parse_tilde did all the checks.
                return term.ty.unwrap_or(TypeId::INVALID);
            }
            if terms.len() >= MAX_TERM_COUNT {
                if !invalid {
                    self.error(
                        start_pos(x),
                        format!(
                            "cannot handle more than {MAX_TERM_COUNT} union terms (implementation limitation)"
                        ),
                    );
                    invalid = true;
                }
            } else {
                terms.push(term);
            }
            let _ = i;
        }
        if invalid {
            return TypeId::INVALID;
        }
        let u = self.types.add(Type::Union(terms.clone()));
        for b in &blist {
            self.record_type_and_value(b.id, Mode::TypExpr, u, None);
        }

        // The validity of the terms is checked once the types are set up.
        self.later(move |c: &mut Checker<'a>| c.check_union_terms(&terms, &tlist));
        u
    }

    fn check_union_terms(&mut self, terms: &[Term], tlist: &[&'a Expr]) {
        for (i, &t) in terms.iter().enumerate() {
            let Some(ty) = t.ty else { continue };
            if ty == TypeId::INVALID {
                continue;
            }
            let at = tlist.get(i).map(|e| start_pos(e)).unwrap_or_default();
            let u = self.under(ty);
            let is_iface = matches!(self.types.get(u), Type::Interface(_));
            if t.tilde {
                if is_iface {
                    let ts = self.type_string(ty);
                    self.error(at, format!("invalid use of ~ ({ts} is an interface)"));
                    continue;
                }
                if !self.identical(u, ty) {
                    let (ts, us) = (self.type_string(ty), self.type_string(u));
                    self.error(
                        at,
                        format!("invalid use of ~ (underlying type of {ts} is {us})"),
                    );
                    continue;
                }
            }
            if is_iface {
                let tset = self.interface_type_set(u);
                let s = self.term_string(Some(t));
                if !tset.methods.is_empty() {
                    self.error(
                        at,
                        format!("cannot use {s} in union ({s} contains methods)"),
                    );
                } else if ty == self.universe.comparable_type {
                    self.error(at, "cannot use comparable in union".into());
                } else if tset.comparable {
                    self.error(
                        at,
                        format!("cannot use {s} in union ({s} embeds comparable)"),
                    );
                }
                continue;
            }
            if let Some(j) = self.overlapping_term(&terms[..i], t) {
                let (a, b) = (self.term_string(Some(t)), self.term_string(Some(terms[j])));
                self.soft_error(at, format!("overlapping terms {a} and {b}"));
            }
        }
    }

    /// A term `T` or `~T` (types2's parseTilde); a type parameter is not a
    /// valid term.
    fn parse_tilde(&mut self, tx: &'a Expr) -> Term {
        let (x, tilde) = match &tx.kind {
            ExprKind::Operation {
                op: Operator::Tilde,
                x,
                y: None,
            } => (&**x, true),
            _ => (tx, false),
        };
        let mut typ = self.typ(x);
        if self.types.is_type_param(typ) {
            if tilde {
                self.error(
                    start_pos(x),
                    format!(
                        "type in term {} cannot be a type parameter",
                        expr_string(tx)
                    ),
                );
            } else {
                self.error(start_pos(x), "term cannot be a type parameter".into());
            }
            typ = TypeId::INVALID;
        }
        let term = Term {
            tilde,
            ty: Some(typ),
        };
        if tilde {
            let u = self.types.add(Type::Union(vec![term]));
            self.record_type_and_value(tx.id, Mode::TypExpr, u, None);
        }
        term
    }

    /// The index of a term in `terms` that overlaps y (types2's
    /// overlappingTerm); terms of interface type are ignored.
    fn overlapping_term(&mut self, terms: &[Term], y: Term) -> Option<usize> {
        for (i, &x) in terms.iter().enumerate() {
            let Some(xt) = x.ty else { continue };
            if self.is_interface(xt) {
                continue;
            }
            if !self.term_disjoint(x, y) {
                return Some(i);
            }
        }
        None
    }
}

/// Splits `A | B | C` into its binary operations and its leaves.
fn flatten_union<'a>(x: &'a Expr, blist: &mut Vec<&'a Expr>, tlist: &mut Vec<&'a Expr>) {
    let mut x = x;
    // Unions are left-associative: walk down the left spine.
    let mut rights: Vec<&'a Expr> = Vec::new();
    let mut ops: Vec<&'a Expr> = Vec::new();
    while let ExprKind::Operation {
        op: Operator::Or,
        x: l,
        y: Some(r),
    } = &x.kind
    {
        ops.push(x);
        rights.push(r);
        x = l;
    }
    tlist.push(x);
    while let (Some(o), Some(r)) = (ops.pop(), rights.pop()) {
        blist.push(o);
        tlist.push(r);
    }
}
