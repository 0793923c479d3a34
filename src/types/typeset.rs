//! Type sets of interfaces and unions (types2's typeset.go).
//!
//! The type set of an interface is the intersection of the sets of its
//! elements: its methods (all of them must be present), the type sets of
//! embedded interfaces and unions, and single embedded types. It is
//! computed on first use and cached in the interface (`tset`); while it is
//! being computed the cache holds the set of all types, which stops
//! cycles through invalid recursive interfaces.
//!
//! Invariant (types2's): a type set is `comparable` only if its terms are
//! all types; comparability of specific terms is expressed by dropping the
//! incomparable ones.

use crate::fxhash::FxHashSet;
use std::collections::HashMap;
use std::rc::Rc;

use super::check::Checker;
use super::errors::ErrorBuilder;
use super::object::ObjId;
use super::package::PkgId;
use super::termlist::all_termlist;
use super::ty::{Term, Type, TypeId, TypeSet};
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

/// Unions with more terms than this are rejected (types2's maxTermCount).
pub const MAX_TERM_COUNT: usize = 100;

impl<'a> Checker<'a> {
    /// The type set of an interface type (computing it on first use).
    pub fn interface_type_set(&mut self, iface: TypeId) -> Rc<TypeSet> {
        self.compute_interface_type_set(Pos::NONE, iface)
    }

    /// types2's computeInterfaceTypeSet: `pos` is where errors about an
    /// embedded union are reported when the embedding position is unknown.
    pub fn compute_interface_type_set(&mut self, pos: Pos, ityp: TypeId) -> Rc<TypeSet> {
        let Some(it) = self.types.interface(ityp) else {
            return Rc::new(TypeSet::all());
        };
        if let Some(ts) = &it.tset {
            return ts.clone();
        }
        if !it.complete {
            // Not all elements are known yet: use the top type set without
            // caching it (types2 does the same).
            return Rc::new(TypeSet::all());
        }
        let (explicit, embeddeds, embed_pos) = (
            it.methods.clone(),
            it.embeddeds.clone(),
            it.embed_pos.clone(),
        );
        if let Some(i) = self.types.interface_mut(ityp) {
            i.tset = Some(Rc::new(TypeSet::all()));
        }

        // Methods by their unique id, with the position of their
        // specification or embedding, for duplicate-method errors.
        // (Maps: an interface can have tens of thousands of methods.)
        let mut seen: HashMap<String, ObjId> = HashMap::new();
        let mut all_methods: Vec<ObjId> = Vec::new();
        let mut mpos: HashMap<ObjId, Pos> = HashMap::new();
        let mut add_method = |c: &mut Checker<'a>, pos: Pos, m: ObjId, explicit: bool| {
            let (mpkg, mname) = (c.obj(m).pkg, c.obj(m).name);
            let id = c.obj_id_string(mpkg, mname);
            let other = seen.get(&id).copied();
            match other {
                None => {
                    seen.insert(id, m);
                    all_methods.push(m);
                    mpos.insert(m, pos);
                }
                Some(other) => {
                    let opos = mpos.get(&other).copied().unwrap_or(Pos::NONE);
                    if explicit {
                        let mut err = ErrorBuilder::new();
                        err.add(pos, format!("duplicate method {mname}"));
                        err.add(opos, format!("other declaration of {mname}"));
                        c.report(err);
                    } else {
                        c.later(move |c: &mut Checker<'a>| {
                            let (mt, ot) = (c.obj_type(m), c.obj_type(other));
                            if !c.identical(mt, ot) {
                                let mut err = ErrorBuilder::new();
                                err.add(pos, format!("duplicate method {mname}"));
                                err.add(opos, format!("other declaration of {mname}"));
                                c.report(err);
                            }
                        });
                    }
                }
            }
        };

        for &m in &explicit {
            let p = self.obj(m).pos;
            add_method(self, p, m, true);
        }

        let mut all_terms = all_termlist();
        let mut all_comparable = false;
        for (i, &typ) in embeddeds.iter().enumerate() {
            let epos = embed_pos.get(i).copied().unwrap_or(Pos::NONE);
            let mut comparable = false;
            let u = self.under(typ);
            let terms = match self.types.get(u) {
                Type::Interface(_) => {
                    let tset = self.compute_interface_type_set(epos, u);
                    comparable = tset.comparable;
                    for &m in &tset.methods {
                        add_method(self, epos, m, false);
                    }
                    tset.terms.clone()
                }
                Type::Union(_) => match self.compute_union_type_set(epos, u) {
                    Some(tset) => tset.terms.clone(),
                    None => continue,
                },
                _ => {
                    if u == TypeId::INVALID {
                        continue;
                    }
                    vec![Term {
                        tilde: false,
                        ty: Some(typ),
                    }]
                }
            };
            let (t, c) = self.intersect_term_lists(&all_terms, all_comparable, &terms, comparable);
            all_terms = t;
            all_comparable = c;
        }
        let _ = pos;
        if let Some(i) = self.types.interface_mut(ityp) {
            i.embed_pos.clear();
        }

        self.sort_methods(&mut all_methods);
        let ts = Rc::new(TypeSet {
            methods: all_methods,
            terms: all_terms,
            comparable: all_comparable,
        });
        if let Some(i) = self.types.interface_mut(ityp) {
            i.tset = Some(ts.clone());
        }
        ts
    }

    /// The intersection of two term lists with their comparable flags,
    /// keeping the invariant that a comparable set has all types as terms
    /// (types2's intersectTermLists).
    fn intersect_term_lists(
        &mut self,
        xterms: &[Term],
        xcomp: bool,
        yterms: &[Term],
        ycomp: bool,
    ) -> (Vec<Term>, bool) {
        let mut terms = self.termlist_intersect(xterms, yterms);
        let mut comp = xcomp || ycomp;
        if comp && !Self::termlist_is_all(&terms) {
            // Only comparable types are in the set.
            let mut kept = Vec::with_capacity(terms.len());
            for t in terms {
                if let Some(ty) = t.ty {
                    if self.comparable(ty) {
                        kept.push(t);
                    }
                }
            }
            terms = kept;
            if !Self::termlist_is_all(&terms) {
                comp = false;
            }
        }
        (terms, comp)
    }

    /// Sorts methods by unique name: exported first, then by name, then by
    /// package path (types2's sortMethods / object.less).
    pub fn sort_methods(&self, list: &mut [ObjId]) {
        list.sort_by(|&a, &b| {
            let (oa, ob) = (self.obj(a), self.obj(b));
            let (ea, eb) = (oa.exported(), ob.exported());
            if ea != eb {
                return eb.cmp(&ea);
            }
            let (na, nb) = (oa.name.as_str(), ob.name.as_str());
            if na != nb {
                return na.cmp(nb);
            }
            if !ea {
                let pa = oa.pkg.map(|p| self.package(p).path.as_str()).unwrap_or("");
                let pb = ob.pkg.map(|p| self.package(p).path.as_str()).unwrap_or("");
                return pa.cmp(pb);
            }
            std::cmp::Ordering::Equal
        });
    }

    /// The type set of a union (types2's computeUnionTypeSet); None if the
    /// union has too many terms (an error was reported).
    pub fn compute_union_type_set(&mut self, pos: Pos, utyp: TypeId) -> Option<Rc<TypeSet>> {
        if let Some(ts) = self.gen.union_sets.get(&utyp) {
            return ts.clone();
        }
        // Guard against cycles through the union: the empty set.
        self.gen.union_sets.insert(
            utyp,
            Some(Rc::new(TypeSet {
                methods: Vec::new(),
                terms: Vec::new(),
                comparable: false,
            })),
        );
        let mut all_terms: Vec<Term> = Vec::new();
        for t in self.union_terms(utyp) {
            let Some(ty) = t.ty else { continue };
            let u = self.under(ty);
            let terms = if matches!(self.types.get(u), Type::Interface(_)) {
                self.compute_interface_type_set(pos, u).terms.clone()
            } else if u == TypeId::INVALID {
                continue;
            } else if t.tilde && !self.identical(ty, u) {
                // ~T with T not an underlying type: the empty set (an
                // error is reported when the union is checked).
                Vec::new()
            } else {
                vec![t]
            };
            all_terms = self.termlist_union(&all_terms, &terms);
            if all_terms.len() > MAX_TERM_COUNT {
                self.error(
                    pos,
                    format!(
                        "cannot handle more than {MAX_TERM_COUNT} union terms (implementation limitation)"
                    ),
                );
                self.gen.union_sets.insert(utyp, None);
                return None;
            }
        }
        let ts = Rc::new(TypeSet {
            methods: Vec::new(),
            terms: all_terms,
            comparable: false,
        });
        self.gen.union_sets.insert(utyp, Some(ts.clone()));
        Some(ts)
    }

    /// Whether every type in the interface's type set is comparable
    /// (types2's _TypeSet.IsComparable).
    pub fn type_set_is_comparable(&mut self, iface: TypeId, seen: &mut FxHashSet<TypeId>) -> bool {
        let set = self.interface_type_set(iface);
        if Self::termlist_is_all(&set.terms) {
            return set.comparable;
        }
        if set.terms.is_empty() {
            // is() with no terms calls f(nil), which is false.
            return false;
        }
        for t in &set.terms {
            let Some(ty) = t.ty else { return false };
            if !self.comparable_impl(ty, false, seen, &mut None) {
                return false;
            }
        }
        true
    }

    /// A method of an interface's type set: its index and object.
    pub fn lookup_method_in_type_set(
        &mut self,
        iface: TypeId,
        pkg: Option<PkgId>,
        name: Symbol,
        fold_case: bool,
    ) -> Option<(usize, ObjId)> {
        let set = self.interface_type_set(iface);
        self.lookup_method(&set.methods, pkg, name, fold_case)
    }

    /// The index and method of `methods` with the given identity (types2's
    /// lookupMethod); with `fold_case`, names equal under case folding
    /// match.
    pub fn lookup_method(
        &self,
        methods: &[ObjId],
        pkg: Option<PkgId>,
        name: Symbol,
        fold_case: bool,
    ) -> Option<(usize, ObjId)> {
        self.lookup_method_in(methods.iter().copied(), pkg, name, fold_case)
    }

    /// [`Self::lookup_method`] over any sequence of methods.
    pub fn lookup_method_in(
        &self,
        methods: impl IntoIterator<Item = ObjId>,
        pkg: Option<PkgId>,
        name: Symbol,
        fold_case: bool,
    ) -> Option<(usize, ObjId)> {
        if name.is_blank() {
            return None;
        }
        for (i, m) in methods.into_iter().enumerate() {
            let mname = self.obj(m).name;
            if (mname == name || (fold_case && mname.as_str().eq_ignore_ascii_case(name.as_str())))
                && self.same_id(m, pkg, mname)
            {
                return Some((i, m));
            }
        }
        None
    }

    /// Whether a type set has specific terms (neither ∅ nor 𝓤).
    pub fn type_set_has_terms(set: &TypeSet) -> bool {
        !set.terms.is_empty() && !Self::termlist_is_all(&set.terms)
    }

    /// The interface's type set contains only the empty set of types.
    pub fn interface_is_empty_set(&mut self, iface: TypeId) -> bool {
        self.interface_type_set(iface).terms.is_empty()
    }
}
