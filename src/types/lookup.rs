//! Field and method lookup (types2's lookup.go): the breadth-first search
//! through embedded fields that defines promotion and ambiguity, and the
//! method-set checks behind interface satisfaction and type assertions.

use super::check::Checker;
use super::object::ObjId;
use super::package::PkgId;
use super::ty::{Type, TypeId};
use crate::syntax::symbol::Symbol;

#[derive(Clone)]
struct Embedded {
    typ: TypeId,
    index: Vec<usize>,
    indirect: bool,
    multiples: bool,
}

/// Result of a lookup: the object (None if not found), its index path
/// (Some without object: ambiguous), and whether a pointer indirection
/// was crossed (true without object: a pointer receiver was required).
pub type LookupResult = (Option<ObjId>, Option<Vec<usize>>, bool);

/// `index` extended by `i`, allocated at its final size.
fn path(index: &[usize], i: usize) -> Vec<usize> {
    let mut p = Vec::with_capacity(index.len() + 1);
    p.extend_from_slice(index);
    p.push(i);
    p
}

impl<'a> Checker<'a> {
    /// types2's LookupFieldOrMethod.
    pub fn lookup_field_or_method(
        &mut self,
        t: TypeId,
        addressable: bool,
        pkg: Option<PkgId>,
        name: Symbol,
    ) -> LookupResult {
        if self.types.is_named(t) {
            let u = self.named_underlying(t);
            if let Type::Pointer(_) = self.types.get(u) {
                let u = self.under(t);
                let r = self.lookup_field_or_method_impl(u, false, pkg, name, false);
                if r.0.is_some_and(|o| self.obj(o).is_func()) {
                    return (None, None, false);
                }
                return r;
            }
        }
        self.lookup_field_or_method_impl(t, addressable, pkg, name, false)
    }

    pub fn lookup_field_or_method_impl(
        &mut self,
        t: TypeId,
        addressable: bool,
        pkg: Option<PkgId>,
        name: Symbol,
        fold_case: bool,
    ) -> LookupResult {
        if name.is_blank() {
            return (None, None, false);
        }
        let (typ, is_ptr) = self.types.deref(t);
        if is_ptr && self.is_interface(typ) {
            return (None, None, false);
        }
        // The first level is the type itself, kept out of `current` (and
        // its named type out of `seen`) so that the common lookup, which
        // ends there, allocates only the index path it returns.
        let start = [Embedded {
            typ,
            index: Vec::new(),
            indirect: is_ptr,
            multiples: false,
        }];
        let mut first_level = true;
        let mut current: Vec<Embedded> = Vec::new();
        let mut seen0: Option<TypeId> = None;
        let mut seen: Vec<TypeId> = Vec::new();
        let mut obj: Option<ObjId> = None;
        let mut index: Option<Vec<usize>> = None;
        let mut indirect = false;
        while first_level || !current.is_empty() {
            let mut next = Vec::new();
            let level: &[Embedded] = if first_level { &start } else { &current };
            for e in level {
                let typ = e.typ;
                if self.types.is_named(typ) {
                    if first_level {
                        seen0 = Some(typ);
                    } else {
                        if seen0 == Some(typ)
                            || seen.contains(&typ)
                            || seen0.is_some_and(|s| self.identical(s, typ))
                            || self.any_identical(&seen, typ)
                        {
                            continue;
                        }
                        seen.push(typ);
                    }
                    if let Some((i, m)) = self.named_lookup_method(typ, pkg, name, fold_case) {
                        let idx = path(&e.index, i);
                        if obj.is_some() || e.multiples {
                            return (None, Some(idx), false);
                        }
                        index = Some(idx);
                        obj = Some(m);
                        indirect = e.indirect;
                        continue;
                    }
                }
                let u = self.under(typ);
                match self.types.get(u) {
                    Type::Struct(st) => {
                        for (i, &f) in st.fields.iter().enumerate() {
                            if self.same_id(f, pkg, name)
                                || (fold_case
                                    && self
                                        .obj(f)
                                        .name
                                        .as_str()
                                        .eq_ignore_ascii_case(name.as_str()))
                            {
                                let idx = path(&e.index, i);
                                if obj.is_some() || e.multiples {
                                    return (None, Some(idx), false);
                                }
                                index = Some(idx);
                                obj = Some(f);
                                indirect = e.indirect;
                                continue;
                            }
                            if obj.is_none() && self.obj(f).is_embedded() {
                                let ft = self.obj_type(f);
                                let (ftyp, fptr) = self.types.deref(ft);
                                let idx = path(&e.index, i);
                                next.push(Embedded {
                                    typ: ftyp,
                                    index: idx,
                                    indirect: e.indirect || fptr,
                                    multiples: e.multiples,
                                });
                            }
                        }
                    }
                    Type::Interface(_) => {
                        if let Some((i, m)) =
                            self.lookup_method_in_type_set(u, pkg, name, fold_case)
                        {
                            let idx = path(&e.index, i);
                            if obj.is_some() || e.multiples {
                                return (None, Some(idx), false);
                            }
                            index = Some(idx);
                            obj = Some(m);
                            indirect = e.indirect;
                        }
                    }
                    _ => {}
                }
            }
            if let Some(o) = obj {
                if self.obj(o).is_func() && self.func_has_ptr_recv(o) && !indirect && !addressable {
                    return (None, None, true);
                }
                return (obj, index, indirect);
            }
            current = self.consolidate_multiples(next);
            first_level = false;
        }
        (None, None, false)
    }

    fn consolidate_multiples(&mut self, list: Vec<Embedded>) -> Vec<Embedded> {
        if list.len() <= 1 {
            return list;
        }
        let mut out: Vec<Embedded> = Vec::with_capacity(list.len());
        for e in list {
            let mut found = None;
            for (i, o) in out.iter().enumerate() {
                if o.typ == e.typ {
                    found = Some(i);
                    break;
                }
            }
            if found.is_none() {
                let types: Vec<TypeId> = out.iter().map(|o| o.typ).collect();
                found = types.iter().position(|&ot| self.identical(ot, e.typ));
            }
            match found {
                Some(i) => out[i].multiples = true,
                None => out.push(e),
            }
        }
        out
    }

    /// Whether some type in `list` is identical to `t`.
    fn any_identical(&mut self, list: &[TypeId], t: TypeId) -> bool {
        list.iter().any(|&s| self.identical(s, t))
    }

    /// Whether a method has a pointer receiver (types2's hasPtrRecv).
    pub fn func_has_ptr_recv(&self, f: ObjId) -> bool {
        if let Some(sig) = self.obj(f).ty.and_then(|t| self.types.signature(t)) {
            if let Some(recv) = sig.recv {
                return self.types.deref(self.obj_type(recv)).1;
            }
        }
        matches!(
            self.obj(f).kind,
            super::object::ObjKind::Func {
                has_ptr_recv: true,
                ..
            }
        )
    }

    /// The first method of interface T that V lacks, and V's method of
    /// that name with a wrong type, if any (types2's missingMethod).
    pub fn missing_method(
        &mut self,
        v: TypeId,
        t: TypeId,
        static_: bool,
    ) -> Option<(ObjId, Option<ObjId>)> {
        let tset = self.interface_type_set(t);
        if tset.methods.is_empty() {
            return None;
        }
        let vu = self.under(v);
        if matches!(self.types.get(vu), Type::Interface(_)) {
            let vset = self.interface_type_set(vu);
            let _ = vset;
            for &m in &tset.methods {
                let (mpkg, mname) = (self.obj(m).pkg, self.obj(m).name);
                match self.lookup_method_in_type_set(vu, mpkg, mname, false) {
                    None => {
                        if static_ {
                            return Some((m, None));
                        }
                    }
                    Some((_, f)) => {
                        let (ft, mt) = (self.obj_type(f), self.obj_type(m));
                        if !self.identical(ft, mt) {
                            return Some((m, Some(f)));
                        }
                    }
                }
            }
            return None;
        }
        for &m in &tset.methods {
            let (mpkg, mname) = (self.obj(m).pkg, self.obj(m).name);
            let mut o = self
                .lookup_field_or_method_impl(v, false, mpkg, mname, false)
                .0;
            let found = o.is_some();
            if !found {
                let pv = self.types.pointer(v);
                o = self
                    .lookup_field_or_method_impl(pv, false, mpkg, mname, false)
                    .0;
                if o.is_none() {
                    o = self
                        .lookup_field_or_method_impl(v, false, mpkg, mname, true)
                        .0;
                }
            }
            let f = o.filter(|&f| self.obj(f).is_func());
            let Some(f) = f else { return Some((m, None)) };
            self.obj_decl(f, None);
            let (ft, mt) = (self.obj_type(f), self.obj_type(m));
            if !found || !self.identical(ft, mt) {
                return Some((m, Some(f)));
            }
        }
        None
    }

    /// The parenthesized cause for a missing method in gc's wording.
    pub fn missing_method_reason(
        &mut self,
        v: TypeId,
        t: TypeId,
        m: ObjId,
        alt: Option<ObjId>,
    ) -> String {
        let mname = format!("{} method", self.obj(m).name);
        if let Some(alt) = alt {
            if self.obj(m).name != self.obj(alt).name {
                return format!(
                    "(missing {mname})\n\t\thave {}\n\t\twant {}",
                    self.func_string(alt),
                    self.func_string(m)
                );
            }
            let (mt, at) = (self.obj_type(m), self.obj_type(alt));
            if self.identical(mt, at) {
                return format!("({mname} has pointer receiver)");
            }
            return format!(
                "(wrong type for {mname})\n\t\thave {}\n\t\twant {}",
                self.func_string(alt),
                self.func_string(m)
            );
        }
        if self.is_interface_ptr(v) {
            return format!("({})", self.interface_ptr_error(v));
        }
        if self.is_interface_ptr(t) {
            return format!("({})", self.interface_ptr_error(t));
        }
        format!("(missing {mname})")
    }

    pub fn interface_ptr_error(&mut self, t: TypeId) -> String {
        let u = self.under(t);
        let base = self.types.pointer_base(u).unwrap_or(TypeId::INVALID);
        let ts = self.type_string(t);
        if self.types.is_type_param(base) {
            format!("type {ts} is pointer to type parameter, not type parameter")
        } else {
            format!("type {ts} is pointer to interface, not interface")
        }
    }

    /// Whether a value of interface type V can hold a T (for assertions):
    /// the missing method, if not.
    pub fn assertable_to(&mut self, v: TypeId, t: TypeId) -> Option<(ObjId, Option<ObjId>)> {
        if self.is_interface(t) {
            return None;
        }
        self.missing_method(t, v, false)
    }
}
