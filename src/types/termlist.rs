//! Type terms and term lists (types2's typeterm.go and termlist.go): the
//! algebra of type sets.
//!
//! A term is `T` (the set {T}) or `~T` (all types whose underlying type is
//! T); a [`Term`] whose `ty` is None is 𝓤, the set of all types. Where
//! types2 uses a nil `*term` for the empty set ∅, the term functions take
//! `Option<Term>` (None = ∅). A term list is the union of its terms; the
//! empty list is ∅. Lists built here never contain ∅ terms, and `norm`
//! leaves no two terms that could be merged into one.

use super::check::Checker;
use super::ty::{Term, TypeId};

/// The set of all types as a term list (types2's allTermlist).
pub fn all_termlist() -> Vec<Term> {
    vec![Term {
        tilde: false,
        ty: None,
    }]
}

impl<'a> Checker<'a> {
    // --- terms (typeterm.go) ---

    /// Whether x ∩ y == ∅; neither may be ∅ or 𝓤.
    pub fn term_disjoint(&mut self, x: Term, y: Term) -> bool {
        let (Some(xt), Some(yt)) = (x.ty, y.ty) else {
            return false;
        };
        let ux = if y.tilde { self.under(xt) } else { xt };
        let uy = if x.tilde { self.under(yt) } else { yt };
        !self.identical(ux, uy)
    }

    /// x ∪ y as one term, or as two when they are disjoint.
    pub fn term_union(&mut self, x: Option<Term>, y: Option<Term>) -> (Option<Term>, Option<Term>) {
        let (x, y) = match (x, y) {
            (None, None) => return (None, None),
            (None, y) => return (y, None),
            (x, None) => return (x, None),
            (Some(x), Some(y)) => (x, y),
        };
        if x.ty.is_none() {
            return (Some(x), None);
        }
        if y.ty.is_none() {
            return (Some(y), None);
        }
        if self.term_disjoint(x, y) {
            return (Some(x), Some(y));
        }
        // x ∪ y == x when y ⊆ x, else y.
        if x.tilde || !y.tilde {
            return (Some(x), None);
        }
        (Some(y), None)
    }

    /// x ∩ y.
    pub fn term_intersect(&mut self, x: Option<Term>, y: Option<Term>) -> Option<Term> {
        let (x, y) = (x?, y?);
        if x.ty.is_none() {
            return Some(y);
        }
        if y.ty.is_none() {
            return Some(x);
        }
        if self.term_disjoint(x, y) {
            return None;
        }
        if !x.tilde || y.tilde {
            return Some(x);
        }
        Some(y)
    }

    /// Whether t ∈ x.
    pub fn term_includes(&mut self, x: Option<Term>, t: TypeId) -> bool {
        let Some(x) = x else { return false };
        let Some(xt) = x.ty else { return true };
        let u = if x.tilde { self.under(t) } else { t };
        self.identical(xt, u)
    }

    /// Whether x ⊆ y.
    pub fn term_subset_of(&mut self, x: Option<Term>, y: Option<Term>) -> bool {
        let Some(x) = x else { return true };
        let Some(y) = y else { return false };
        if y.ty.is_none() {
            return true;
        }
        if x.ty.is_none() {
            return false;
        }
        if self.term_disjoint(x, y) {
            return false;
        }
        !x.tilde || y.tilde
    }

    /// Whether x == y.
    pub fn term_equal(&mut self, x: Option<Term>, y: Option<Term>) -> bool {
        match (x, y) {
            (None, None) => true,
            (None, _) | (_, None) => false,
            (Some(x), Some(y)) => match (x.ty, y.ty) {
                (None, None) => true,
                (None, _) | (_, None) => false,
                (Some(a), Some(b)) => x.tilde == y.tilde && self.identical(a, b),
            },
        }
    }

    /// The term as types2's term.String writes it (types qualified by
    /// package path).
    pub fn term_string(&self, x: Option<Term>) -> String {
        match x {
            None => "∅".into(),
            Some(Term { ty: None, .. }) => "𝓤".into(),
            Some(Term { tilde, ty: Some(t) }) => {
                let s = self.type_string_full(t);
                if tilde {
                    format!("~{s}")
                } else {
                    s
                }
            }
        }
    }

    // --- term lists (termlist.go) ---

    /// The term list as types2 writes it: `A | ~B`, ∅ when empty.
    pub fn termlist_string(&self, xl: &[Term]) -> String {
        if xl.is_empty() {
            return "∅".into();
        }
        let parts: Vec<String> = xl.iter().map(|&t| self.term_string(Some(t))).collect();
        parts.join(" | ")
    }

    /// Whether the list contains 𝓤.
    pub fn termlist_is_all(xl: &[Term]) -> bool {
        xl.iter().any(|t| t.ty.is_none())
    }

    /// The list with overlapping terms merged (types2's norm): no two
    /// terms remain whose union is a single term.
    pub fn termlist_norm(&mut self, xl: &[Term]) -> Vec<Term> {
        let mut used = vec![false; xl.len()];
        let mut rl = Vec::new();
        for i in 0..xl.len() {
            if used[i] {
                continue;
            }
            let mut xi = xl[i];
            for j in i + 1..xl.len() {
                if used[j] {
                    continue;
                }
                if let (Some(u1), None) = self.term_union(Some(xi), Some(xl[j])) {
                    if u1.ty.is_none() {
                        return all_termlist();
                    }
                    xi = u1;
                    used[j] = true;
                }
            }
            rl.push(xi);
        }
        rl
    }

    /// xl ∪ yl.
    pub fn termlist_union(&mut self, xl: &[Term], yl: &[Term]) -> Vec<Term> {
        let mut all = xl.to_vec();
        all.extend_from_slice(yl);
        self.termlist_norm(&all)
    }

    /// xl ∩ yl.
    pub fn termlist_intersect(&mut self, xl: &[Term], yl: &[Term]) -> Vec<Term> {
        if xl.is_empty() || yl.is_empty() {
            return Vec::new();
        }
        let mut rl = Vec::new();
        for &x in xl {
            for &y in yl {
                if let Some(r) = self.term_intersect(Some(x), Some(y)) {
                    rl.push(r);
                }
            }
        }
        self.termlist_norm(&rl)
    }

    /// Whether the two lists denote the same type set.
    pub fn termlists_equal(&mut self, a: &[Term], b: &[Term]) -> bool {
        self.termlist_subset_of(a, b) && self.termlist_subset_of(b, a)
    }

    /// Whether t is in the set xl.
    pub fn termlist_includes(&mut self, xl: &[Term], t: TypeId) -> bool {
        xl.iter().any(|&x| self.term_includes(Some(x), t))
    }

    /// Whether y ⊆ xl.
    pub fn termlist_superset_of(&mut self, xl: &[Term], y: Term) -> bool {
        xl.iter().any(|&x| self.term_subset_of(Some(y), Some(x)))
    }

    /// Whether xl ⊆ yl.
    pub fn termlist_subset_of(&mut self, xl: &[Term], yl: &[Term]) -> bool {
        if yl.is_empty() {
            return xl.is_empty();
        }
        xl.iter().all(|&x| self.termlist_superset_of(yl, x))
    }
}
