//! Type predicates (types2's predicates.go and type.go): underlying and
//! core types, identity, comparability, nil-ability, default types.

use crate::fxhash::FxHashSet;

use super::basic::{info, BasicKind};
use super::check::Checker;
use super::object::ObjId;
use super::ty::{Term, Type, TypeId};
use crate::syntax::ast::ChanDir;

impl<'a> Checker<'a> {
    /// The underlying type. Named types resolve through chains of named
    /// declarations (reporting cycles); a type parameter's underlying type
    /// is its constraint interface.
    pub fn under(&mut self, t: TypeId) -> TypeId {
        match self.types.get(t) {
            Type::Named(_) => self.named_under(t),
            Type::TypeParam(_) => self.tparam_iface(t),
            _ => t,
        }
    }

    #[inline]
    fn basic_info(&mut self, t: TypeId) -> u32 {
        // A basic type is its own underlying type (the common case).
        if let Some(k) = self.types.basic_kind(t) {
            return k.info();
        }
        let u = self.under(t);
        self.types.basic_kind(u).map(|k| k.info()).unwrap_or(0)
    }

    #[inline]
    pub fn is_basic(&mut self, t: TypeId, mask: u32) -> bool {
        self.basic_info(t) & mask != 0
    }
    pub fn is_boolean(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::BOOLEAN)
    }
    pub fn is_integer(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::INTEGER)
    }
    pub fn is_unsigned(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::UNSIGNED)
    }
    pub fn is_float(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::FLOAT)
    }
    pub fn is_complex(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::COMPLEX)
    }
    pub fn is_numeric(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::NUMERIC)
    }
    pub fn is_string(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::STRING)
    }
    pub fn is_integer_or_float(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::INTEGER | info::FLOAT)
    }
    pub fn is_const_type(&mut self, t: TypeId) -> bool {
        self.is_basic(t, info::CONST_TYPE)
    }

    /// Whether every type in t's type set (t itself if not a type
    /// parameter) is a basic type with the given property.
    pub fn all_basic(&mut self, t: TypeId, mask: u32) -> bool {
        if self.types.is_type_param(t) {
            return match self.type_param_terms(t) {
                Some(terms) => terms
                    .iter()
                    .all(|term| term.ty.is_some_and(|ty| self.is_basic(ty, mask))),
                None => false,
            };
        }
        self.is_basic(t, mask)
    }
    pub fn all_boolean(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::BOOLEAN)
    }
    pub fn all_integer(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::INTEGER)
    }
    pub fn all_unsigned(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::UNSIGNED)
    }
    pub fn all_numeric(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::NUMERIC)
    }
    pub fn all_string(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::STRING)
    }
    pub fn all_ordered(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::ORDERED)
    }
    pub fn all_numeric_or_string(&mut self, t: TypeId) -> bool {
        self.all_basic(t, info::NUMERIC | info::STRING)
    }

    pub fn is_interface(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        matches!(self.types.get(u), Type::Interface(_))
    }

    pub fn is_non_type_param_interface(&mut self, t: TypeId) -> bool {
        !self.types.is_type_param(t) && self.is_interface(t)
    }

    /// A generic (not instantiated) named type.
    pub fn is_generic(&self, t: TypeId) -> bool {
        matches!(self.types.get(t), Type::Named(n) if n.orig.is_none() && !n.tparams.is_empty())
    }

    pub fn is_interface_ptr(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        match self.types.get(u) {
            Type::Pointer(base) => {
                let b = *base;
                self.is_interface(b)
            }
            _ => false,
        }
    }

    /// The core type (types2's coreType): the underlying type, or for a
    /// type parameter the single underlying type all its terms share.
    pub fn core_type(&mut self, t: TypeId) -> Option<TypeId> {
        if !self.types.is_type_param(t) {
            return Some(self.under(t));
        }
        let terms = self.type_param_terms(t)?;
        let mut su: Option<TypeId> = None;
        for term in terms {
            let ty = term.ty?;
            let mut u = self.under(ty);
            if let Some(s) = su {
                u = self.match_types(s, u)?;
            }
            su = Some(u);
        }
        su
    }

    /// Like core_type, but a type set of strings and byte slices yields
    /// string (types2's coreString).
    pub fn core_string(&mut self, t: TypeId) -> Option<TypeId> {
        if !self.types.is_type_param(t) {
            return Some(self.under(t));
        }
        let terms = self.type_param_terms(t)?;
        let mut su: Option<TypeId> = None;
        let mut has_string = false;
        for term in terms {
            let ty = term.ty?;
            let mut u = self.under(ty);
            if self.is_string(u) {
                u = self.types.slice(TypeId::BYTE);
                has_string = true;
            }
            if let Some(s) = su {
                u = self.match_types(s, u)?;
            }
            su = Some(u);
        }
        if has_string {
            return Some(TypeId::basic(BasicKind::String));
        }
        su
    }

    /// x and y if identical, or the directed channel when they differ only
    /// in direction (one bidirectional).
    fn match_types(&mut self, x: TypeId, y: TypeId) -> Option<TypeId> {
        if self.identical(x, y) {
            return Some(x);
        }
        if let (&Type::Chan { dir: dx, elem: ex }, &Type::Chan { dir: dy, elem: ey }) =
            (self.types.get(x), self.types.get(y))
        {
            if self.identical(ex, ey) {
                if dx == ChanDir::Both {
                    return Some(y);
                }
                if dy == ChanDir::Both {
                    return Some(x);
                }
            }
        }
        None
    }

    pub fn comparable(&mut self, t: TypeId) -> bool {
        // The common leaf cases of comparable_impl, without its set.
        let u = self.under(t);
        match self.types.get(u) {
            Type::Basic { kind, .. } => *kind != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan { .. } => true,
            _ => self.comparable_impl(t, true, &mut FxHashSet::default(), &mut None),
        }
    }

    /// types2's comparable, with an optional explanation of why not.
    pub fn comparable_impl(
        &mut self,
        t: TypeId,
        dynamic: bool,
        seen: &mut FxHashSet<TypeId>,
        reason: &mut Option<String>,
    ) -> bool {
        if !seen.insert(t) {
            return true;
        }
        let u = self.under(t);
        match self.types.get(u) {
            Type::Basic { kind, .. } => *kind != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan { .. } => true,
            Type::Struct(st) => {
                let fields = st.fields.clone();
                for f in fields {
                    let ft = self.obj_type(f);
                    if !self.comparable_impl(ft, dynamic, seen, &mut None) {
                        *reason = Some(format!(
                            "struct containing {} cannot be compared",
                            self.type_string(ft)
                        ));
                        return false;
                    }
                }
                true
            }
            &Type::Array { elem, .. } => {
                if !self.comparable_impl(elem, dynamic, seen, &mut None) {
                    *reason = Some(format!("{} cannot be compared", self.type_string(u)));
                    return false;
                }
                true
            }
            Type::Interface(_) => {
                if dynamic && !self.types.is_type_param(t) {
                    return true;
                }
                if self.type_set_is_comparable(u, seen) {
                    return true;
                }
                let empty = self.interface_type_set(u).is_empty();
                *reason = Some(if empty {
                    "empty type set".into()
                } else {
                    "incomparable types in type set".into()
                });
                false
            }
            _ => false,
        }
    }

    pub fn has_nil(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        match self.types.get(u) {
            Type::Basic { kind, .. } => *kind == BasicKind::UnsafePointer,
            Type::Slice(_)
            | Type::Pointer(_)
            | Type::Signature(_)
            | Type::Map { .. }
            | Type::Chan { .. } => true,
            Type::Interface(_) => {
                if !self.types.is_type_param(t) {
                    return true;
                }
                match self.type_param_terms(t) {
                    Some(terms) => terms
                        .iter()
                        .all(|term| term.ty.is_some_and(|ty| self.has_nil(ty))),
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// Identity of types (types2's Identical), struct tags included.
    pub fn identical(&mut self, x: TypeId, y: TypeId) -> bool {
        self.identical_impl(x, y, true, &mut Vec::new())
    }

    pub fn identical_ignore_tags(&mut self, x: TypeId, y: TypeId) -> bool {
        self.identical_impl(x, y, false, &mut Vec::new())
    }

    fn identical_impl(
        &mut self,
        x: TypeId,
        y: TypeId,
        cmp_tags: bool,
        pairs: &mut Vec<(TypeId, TypeId)>,
    ) -> bool {
        if x == y {
            return true;
        }
        // Decide the cases that need no recursion into lists without
        // cloning the types (a Named type's clone copies its method list).
        let (tx, ty) = (self.types.get(x), self.types.get(y));
        if std::mem::discriminant(tx) != std::mem::discriminant(ty) {
            return false;
        }
        let elems = match (tx, ty) {
            (Type::Basic { kind: kx, .. }, Type::Basic { kind: ky, .. }) => return kx == ky,
            (Type::Named(nx), Type::Named(ny)) => {
                if nx.targs.len() != ny.targs.len() {
                    return false;
                }
                if nx.targs.is_empty() {
                    return nx.obj == ny.obj;
                }
                None
            }
            (Type::TypeParam(_), Type::TypeParam(_)) => return false,
            (Type::Array { len: lx, elem: ex }, Type::Array { len: ly, elem: ey }) => {
                if !(*lx < 0 || *ly < 0 || lx == ly) {
                    return false;
                }
                Some((*ex, *ey))
            }
            (Type::Slice(ex), Type::Slice(ey)) | (Type::Pointer(ex), Type::Pointer(ey)) => {
                Some((*ex, *ey))
            }
            (Type::Chan { dir: dx, elem: ex }, Type::Chan { dir: dy, elem: ey }) => {
                if dx != dy {
                    return false;
                }
                Some((*ex, *ey))
            }
            (Type::Map { key: kx, elem: ex }, Type::Map { key: ky, elem: ey }) => {
                let (kx, ky, ex, ey) = (*kx, *ky, *ex, *ey);
                return self.identical_impl(kx, ky, cmp_tags, pairs)
                    && self.identical_impl(ex, ey, cmp_tags, pairs);
            }
            _ => None,
        };
        if let Some((ex, ey)) = elems {
            return self.identical_impl(ex, ey, cmp_tags, pairs);
        }
        let (tx, ty) = (self.types.get(x).clone(), self.types.get(y).clone());
        match (tx, ty) {
            (Type::Basic { kind: kx, .. }, Type::Basic { kind: ky, .. }) => kx == ky,
            (Type::Array { len: lx, elem: ex }, Type::Array { len: ly, elem: ey }) => {
                (lx < 0 || ly < 0 || lx == ly) && self.identical_impl(ex, ey, cmp_tags, pairs)
            }
            (Type::Slice(ex), Type::Slice(ey)) => self.identical_impl(ex, ey, cmp_tags, pairs),
            (Type::Struct(sx), Type::Struct(sy)) => {
                if sx.fields.len() != sy.fields.len() {
                    return false;
                }
                for (i, (&f, &g)) in sx.fields.iter().zip(sy.fields.iter()).enumerate() {
                    if self.obj(f).is_embedded() != self.obj(g).is_embedded()
                        || (cmp_tags && sx.tags.get(i) != sy.tags.get(i))
                        || !self.same_id(f, self.obj(g).pkg, self.obj(g).name)
                    {
                        return false;
                    }
                    let (ft, gt) = (self.obj_type(f), self.obj_type(g));
                    if !self.identical_impl(ft, gt, cmp_tags, pairs) {
                        return false;
                    }
                }
                true
            }
            (Type::Pointer(bx), Type::Pointer(by)) => self.identical_impl(bx, by, cmp_tags, pairs),
            (Type::Tuple(vx), Type::Tuple(vy)) => {
                if vx.len() != vy.len() {
                    return false;
                }
                for (&v, &w) in vx.iter().zip(vy.iter()) {
                    let (vt, wt) = (self.obj_type(v), self.obj_type(w));
                    if !self.identical_impl(vt, wt, cmp_tags, pairs) {
                        return false;
                    }
                }
                true
            }
            (Type::Signature(sx), Type::Signature(sy)) => {
                if sx.tparams.len() != sy.tparams.len() {
                    return false;
                }
                let (mut yparams, mut yresults) = (sy.params, sy.results);
                if !sx.tparams.is_empty() {
                    let smap = self.make_subst_map(&sy.tparams, &sx.tparams);
                    for (i, &xtp) in sx.tparams.iter().enumerate() {
                        let ybound = self
                            .types
                            .type_param(sy.tparams[i])
                            .map(|t| t.bound)
                            .unwrap_or(TypeId::INVALID);
                        let ybound = self.subst(crate::syntax::pos::Pos::NONE, ybound, &smap);
                        let xbound = self
                            .types
                            .type_param(xtp)
                            .map(|t| t.bound)
                            .unwrap_or(TypeId::INVALID);
                        if !self.identical_impl(xbound, ybound, cmp_tags, pairs) {
                            return false;
                        }
                    }
                    yparams = self.subst(crate::syntax::pos::Pos::NONE, sy.params, &smap);
                    yresults = self.subst(crate::syntax::pos::Pos::NONE, sy.results, &smap);
                }
                sx.variadic == sy.variadic
                    && self.identical_impl(sx.params, yparams, cmp_tags, pairs)
                    && self.identical_impl(sx.results, yresults, cmp_tags, pairs)
            }
            (Type::Union(_), Type::Union(_)) => {
                let xs = self.union_terms(x);
                let ys = self.union_terms(y);
                self.termlists_equal(&xs, &ys)
            }
            (Type::Interface(_), Type::Interface(_)) => {
                let xset = self.interface_type_set(x);
                let yset = self.interface_type_set(y);
                if xset.comparable != yset.comparable {
                    return false;
                }
                if !self.termlists_equal(&xset.terms, &yset.terms) {
                    return false;
                }
                if xset.methods.len() != yset.methods.len() {
                    return false;
                }
                if pairs
                    .iter()
                    .any(|&(a, b)| (a == x && b == y) || (a == y && b == x))
                {
                    return true;
                }
                pairs.push((x, y));
                let mut ok = true;
                for (&f, &g) in xset.methods.iter().zip(yset.methods.iter()) {
                    let (fo, go) = (self.obj(f), self.obj(g));
                    if self.obj_id_string(fo.pkg, fo.name) != self.obj_id_string(go.pkg, go.name) {
                        ok = false;
                        break;
                    }
                    let (ft, gt) = (self.obj_type(f), self.obj_type(g));
                    if !self.identical_impl(ft, gt, cmp_tags, pairs) {
                        ok = false;
                        break;
                    }
                }
                pairs.pop();
                ok
            }
            (Type::Map { key: kx, elem: ex }, Type::Map { key: ky, elem: ey }) => {
                self.identical_impl(kx, ky, cmp_tags, pairs)
                    && self.identical_impl(ex, ey, cmp_tags, pairs)
            }
            (Type::Chan { dir: dx, elem: ex }, Type::Chan { dir: dy, elem: ey }) => {
                dx == dy && self.identical_impl(ex, ey, cmp_tags, pairs)
            }
            (Type::Named(nx), Type::Named(ny)) => {
                if nx.targs.len() != ny.targs.len() {
                    return false;
                }
                if !nx.targs.is_empty() {
                    let (ox, oy) = (nx.orig.unwrap_or(x), ny.orig.unwrap_or(y));
                    if !self.identical(ox, oy) {
                        return false;
                    }
                    for (&a, &b) in nx.targs.iter().zip(ny.targs.iter()) {
                        if !self.identical(a, b) {
                            return false;
                        }
                    }
                    return true;
                }
                nx.obj == ny.obj
            }
            _ => false,
        }
    }

    /// Whether object `f` has the identity (pkg, name): same name, and for
    /// unexported names the same package path (types2's sameId).
    pub fn same_id(
        &self,
        f: ObjId,
        pkg: Option<super::package::PkgId>,
        name: crate::syntax::symbol::Symbol,
    ) -> bool {
        let o = self.obj(f);
        if o.name != name {
            return false;
        }
        if o.exported() {
            return true;
        }
        match (pkg, o.pkg) {
            (Some(a), Some(b)) => self.package(a).path == self.package(b).path,
            (a, b) => a == b,
        }
    }

    /// types2's Id: the name if exported, else `path.name`.
    pub fn obj_id_string(
        &self,
        pkg: Option<super::package::PkgId>,
        name: crate::syntax::symbol::Symbol,
    ) -> String {
        if name.is_exported() {
            return name.as_str().to_string();
        }
        let path = pkg
            .map(|p| self.package(p).path.as_str())
            .filter(|p| !p.is_empty())
            .unwrap_or("_");
        format!("{path}.{name}")
    }

    /// The default type of an untyped type (types2's Default).
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.types.basic_kind(t) {
            Some(BasicKind::UntypedBool) => TypeId::basic(BasicKind::Bool),
            Some(BasicKind::UntypedInt) => TypeId::basic(BasicKind::Int),
            Some(BasicKind::UntypedRune) => TypeId::RUNE,
            Some(BasicKind::UntypedFloat) => TypeId::basic(BasicKind::Float64),
            Some(BasicKind::UntypedComplex) => TypeId::basic(BasicKind::Complex128),
            Some(BasicKind::UntypedString) => TypeId::basic(BasicKind::String),
            _ => t,
        }
    }

    /// Whether a type name is an alias (types2's TypeName.IsAlias).
    pub fn is_alias(&self, obj: ObjId) -> bool {
        let o = self.obj(obj);
        let Some(t) = o.ty else { return false };
        match self.types.get(t) {
            Type::Basic { name, .. } => {
                if o.pkg == Some(self.universe.unsafe_pkg) {
                    return false;
                }
                o.pkg.is_some()
                    || *name != o.name.as_str()
                    || t == TypeId::BYTE
                    || t == TypeId::RUNE
            }
            Type::Named(n) => n.obj != obj,
            Type::TypeParam(tp) => tp.obj != obj,
            _ => true,
        }
    }

    /// The terms of a type parameter's type set when it has specific types
    /// (types2's `is`/`underIs` over hasTerms); None when the set is all
    /// types or empty.
    pub fn type_param_terms(&mut self, t: TypeId) -> Option<Vec<Term>> {
        let iface = self.tparam_iface(t);
        let set = self.interface_type_set(iface);
        if set.terms.is_empty() || set.is_all_terms() {
            return None;
        }
        Some(set.terms.clone())
    }
}
