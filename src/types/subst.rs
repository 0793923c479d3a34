//! Substitution of type arguments for type parameters (types2's
//! subst.go).
//!
//! Substitution copies only what changes: a type that mentions none of
//! the substituted parameters comes back as the same TypeId, so callers
//! can tell whether anything happened by comparing ids (as types2 compares
//! pointers). Named types are not entered: an instance whose type
//! arguments change is re-instantiated (lazily), which is what keeps
//! substitution finite on recursive types.

use crate::fxhash::FxHashMap;

use super::check::Checker;
use super::object::{ObjId, ObjKind};
use super::ty::{InterfaceType, Signature, StructType, Term, Type, TypeId};
use crate::syntax::pos::Pos;

/// A substitution of type parameters by types.
pub type SubstMap = FxHashMap<TypeId, TypeId>;

/// The state of one substitution (types2's subster).
struct Subster<'m> {
    pos: Pos,
    smap: &'m SubstMap,
    /// The instance being expanded, if any.
    expanding: Option<TypeId>,
}

impl<'a> Checker<'a> {
    /// The map tparams[i] ↦ targs[i].
    pub fn make_subst_map(&self, from: &[TypeId], to: &[TypeId]) -> SubstMap {
        from.iter().copied().zip(to.iter().copied()).collect()
    }

    /// t with the type parameters of smap replaced.
    pub fn subst(&mut self, pos: Pos, t: TypeId, smap: &SubstMap) -> TypeId {
        self.subst_expanding(pos, t, smap, None)
    }

    /// subst while expanding instance `expanding` (types2's subst with an
    /// expanding Named).
    pub fn subst_expanding(
        &mut self,
        pos: Pos,
        t: TypeId,
        smap: &SubstMap,
        expanding: Option<TypeId>,
    ) -> TypeId {
        if smap.is_empty() {
            return t;
        }
        match self.types.get(t) {
            Type::Basic { .. } => return t,
            Type::TypeParam(_) => return smap.get(&t).copied().unwrap_or(t),
            _ => {}
        }
        let s = Subster {
            pos,
            smap,
            expanding,
        };
        self.subst_typ(&s, t)
    }

    fn subst_typ(&mut self, s: &Subster<'_>, t: TypeId) -> TypeId {
        // Leaves are decided without cloning the type (a Named type's
        // clone copies its type arguments and methods).
        match self.types.get(t) {
            Type::Basic { .. } => return t,
            Type::TypeParam(_) => return s.smap.get(&t).copied().unwrap_or(t),
            Type::Named(n) => {
                let orig = n.orig.unwrap_or(t);
                if self.types.named(orig).is_none_or(|o| o.tparams.is_empty()) {
                    return t;
                }
            }
            _ => {}
        }
        match self.types.get(t).clone() {
            Type::Basic { .. } => t,
            Type::Array { len, elem } => {
                let e = self.subst_typ(s, elem);
                if e != elem {
                    return self.types.array(e, len);
                }
                t
            }
            Type::Slice(elem) => {
                let e = self.subst_typ(s, elem);
                if e != elem {
                    return self.types.slice(e);
                }
                t
            }
            Type::Struct(st) => {
                let (fields, copied) = self.subst_var_list(s, &st.fields);
                if copied {
                    return self.types.add(Type::Struct(Box::new(StructType {
                        fields,
                        tags: st.tags.clone(),
                    })));
                }
                t
            }
            Type::Pointer(base) => {
                let b = self.subst_typ(s, base);
                if b != base {
                    return self.types.pointer(b);
                }
                t
            }
            Type::Tuple(vars) => {
                let (vars, copied) = self.subst_var_list(s, &vars);
                if copied {
                    return self.types.tuple(vars);
                }
                t
            }
            Type::Signature(sig) => {
                let params = self.subst_typ(s, sig.params);
                let results = self.subst_typ(s, sig.results);
                if params != sig.params || results != sig.results {
                    return self.types.add(Type::Signature(Box::new(Signature {
                        rparams: sig.rparams.clone(),
                        tparams: sig.tparams.clone(),
                        scope: None,
                        recv: sig.recv,
                        params,
                        results,
                        variadic: sig.variadic,
                    })));
                }
                t
            }
            Type::Union(terms) => {
                let mut out = terms.clone();
                let mut copied = false;
                for (i, term) in terms.iter().enumerate() {
                    let Some(ty) = term.ty else { continue };
                    let u = self.subst_typ(s, ty);
                    if u != ty {
                        copied = true;
                        out[i] = Term {
                            tilde: term.tilde,
                            ty: Some(u),
                        };
                    }
                }
                if copied {
                    return self.types.add(Type::Union(out));
                }
                t
            }
            Type::Interface(it) => {
                let mut methods = it.methods.clone();
                let mut mcopied = false;
                for (i, &m) in it.methods.iter().enumerate() {
                    let mt = self.obj_type(m);
                    let nt = self.subst_typ(s, mt);
                    if nt != mt {
                        methods[i] = self.subst_func(m, nt);
                        mcopied = true;
                    }
                }
                let mut embeddeds = it.embeddeds.clone();
                let mut ecopied = false;
                for (i, &e) in it.embeddeds.iter().enumerate() {
                    let ne = self.subst_typ(s, e);
                    if ne != e {
                        embeddeds[i] = ne;
                        ecopied = true;
                    }
                }
                if mcopied || ecopied {
                    let iface = self.types.add(Type::Interface(Box::new(InterfaceType {
                        embeddeds,
                        implicit: it.implicit,
                        complete: it.complete,
                        ..Default::default()
                    })));
                    let (methods, _) = self.replace_recv_type(&methods, t, iface);
                    if let Some(i) = self.types.interface_mut(iface) {
                        i.methods = methods;
                    }
                    return iface;
                }
                t
            }
            Type::Map { key, elem } => {
                let k = self.subst_typ(s, key);
                let e = self.subst_typ(s, elem);
                if k != key || e != elem {
                    return self.types.map(k, e);
                }
                t
            }
            Type::Chan { dir, elem } => {
                let e = self.subst_typ(s, elem);
                if e != elem {
                    return self.types.chan(dir, e);
                }
                t
            }
            Type::Named(n) => {
                let orig = n.orig.unwrap_or(t);
                let ntparams = self.types.named(orig).map(|o| o.tparams.len()).unwrap_or(0);
                if ntparams == 0 {
                    return t;
                }
                if n.targs.len() != ntparams {
                    return TypeId::INVALID;
                }
                let mut new_targs: Option<Vec<TypeId>> = None;
                for (i, &targ) in n.targs.iter().enumerate() {
                    let nt = self.subst_typ(s, targ);
                    if nt != targ {
                        new_targs.get_or_insert_with(|| n.targs.clone())[i] = nt;
                    }
                }
                match new_targs {
                    None => t,
                    Some(targs) => self.instance_expanding(s.pos, orig, &targs, s.expanding),
                }
            }
            Type::TypeParam(_) => s.smap.get(&t).copied().unwrap_or(t),
        }
    }

    fn subst_var_list(&mut self, s: &Subster<'_>, vars: &[ObjId]) -> (Vec<ObjId>, bool) {
        let mut out = vars.to_vec();
        let mut copied = false;
        for (i, &v) in vars.iter().enumerate() {
            let vt = self.obj_type(v);
            let nt = self.subst_typ(s, vt);
            if nt != vt {
                out[i] = self.subst_var(v, nt);
                copied = true;
            }
        }
        (out, copied)
    }

    /// A copy of variable v with type `ty`, remembering its origin
    /// (types2's substVar).
    pub fn subst_var(&mut self, v: ObjId, ty: TypeId) -> ObjId {
        let mut o = self.obj(v).clone();
        o.ty = Some(ty);
        if let ObjKind::Var { origin, .. } = &mut o.kind {
            origin.get_or_insert(v);
        }
        self.new_obj(o)
    }

    /// A copy of function f with type `ty`, remembering its origin
    /// (types2's substFunc).
    pub fn subst_func(&mut self, f: ObjId, ty: TypeId) -> ObjId {
        let mut o = self.obj(f).clone();
        o.ty = Some(ty);
        if let ObjKind::Func { origin, .. } = &mut o.kind {
            origin.get_or_insert(f);
        }
        self.new_obj(o)
    }
}
