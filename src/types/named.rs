//! Named types (types2's named.go): resolution of underlying types through
//! chains of declarations (`type A B; type B C; ...`, reporting cycles),
//! and lazy expansion of instances.
//!
//! An instance `G[int]` is created unresolved: its underlying type is
//! computed on first use by substituting the type arguments into the
//! origin's underlying type (state Resolved), and each method is expanded
//! on first lookup (state Complete once all are). Expanding lazily matters:
//! a generic type's declaration may instantiate itself before its
//! underlying type and methods are known.

use super::check::Checker;
use super::object::{ObjId, ObjKind, Object};
use super::package::PkgId;
use super::ty::{InterfaceType, NamedState, NamedType, Type, TypeId};
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Sets up an instance's type parameters and underlying type on first
    /// use (types2's Named.resolve).
    pub fn named_resolve(&mut self, t: TypeId) {
        let Some(n) = self.types.named(t) else { return };
        if n.state != NamedState::Unresolved {
            return;
        }
        let Some(orig) = n.orig else {
            if let Some(n) = self.types.named_mut(t) {
                n.state = NamedState::Complete;
            }
            return;
        };
        // Mark first: expansion must not re-enter (types2 holds a lock).
        if let Some(n) = self.types.named_mut(t) {
            n.state = NamedState::Resolved;
        }
        let underlying = self.expand_underlying(t);
        let (tparams, from_rhs, nmethods) = match self.types.named(orig) {
            Some(o) => (o.tparams.clone(), o.from_rhs, o.methods.len()),
            None => (Vec::new(), None, 0),
        };
        if let Some(n) = self.types.named_mut(t) {
            n.tparams = tparams;
            n.underlying = Some(underlying);
            n.from_rhs = from_rhs;
            n.state = if nmethods == 0 {
                NamedState::Complete
            } else {
                NamedState::Resolved
            };
        }
    }

    /// The underlying type as declared, possibly another Named type while
    /// declarations are being set up (types2's Named.Underlying); Invalid
    /// while unknown.
    pub fn named_underlying(&mut self, t: TypeId) -> TypeId {
        self.named_resolve(t);
        self.types
            .named(t)
            .and_then(|n| n.underlying)
            .unwrap_or(TypeId::INVALID)
    }

    /// The underlying type of a named type, following chains of named
    /// types and recording the result for each of them; a cycle is
    /// reported and yields Invalid (types2's Named.under).
    pub fn named_under(&mut self, t: TypeId) -> TypeId {
        let mut u = self.named_underlying(t);
        if !self.types.is_named(u) {
            return u;
        }
        let mut n1 = u;
        let mut n = t;
        let mut seen: Vec<TypeId> = Vec::new();
        let mut path: Vec<ObjId> = Vec::new();
        loop {
            seen.push(n);
            path.push(self.types.named(n).map(|x| x.obj).unwrap_or(ObjId(0)));
            n = n1;
            if let Some(i) = seen.iter().position(|&s| s == n) {
                let cycle = path[i..].to_vec();
                self.cycle_error(&cycle);
                u = TypeId::INVALID;
                break;
            }
            u = self.named_underlying(n);
            if self.types.is_named(u) {
                n1 = u;
            } else {
                break;
            }
        }
        for s in seen {
            if let Some(x) = self.types.named_mut(s) {
                x.underlying = Some(u);
            }
        }
        u
    }

    /// The generic type an instance instantiates, or t itself.
    pub fn named_origin(&self, t: TypeId) -> TypeId {
        self.types.named(t).and_then(|n| n.orig).unwrap_or(t)
    }

    /// The declared type name (for an instance, its origin's).
    pub fn named_obj(&self, t: TypeId) -> Option<ObjId> {
        let o = self.named_origin(t);
        self.types.named(o).map(|n| n.obj)
    }

    /// The type parameters of a generic type or of an instance's origin.
    pub fn named_tparams(&mut self, t: TypeId) -> Vec<TypeId> {
        self.named_resolve(t);
        match self.types.named(t) {
            Some(n) if n.orig.is_some() => {
                let o = self.named_origin(t);
                self.types
                    .named(o)
                    .map(|n| n.tparams.clone())
                    .unwrap_or_default()
            }
            Some(n) => n.tparams.clone(),
            None => Vec::new(),
        }
    }

    /// The type arguments of an instance (empty otherwise).
    pub fn named_targs(&self, t: TypeId) -> Vec<TypeId> {
        self.types
            .named(t)
            .map(|n| n.targs.clone())
            .unwrap_or_default()
    }

    /// Makes a new, unresolved instance of `orig` (types2's
    /// newNamedInstance); `pos` is where it was written.
    pub fn new_named_instance(&mut self, pos: Pos, orig: TypeId, targs: &[TypeId]) -> TypeId {
        let (pkg, name) = match self.named_obj(orig) {
            Some(o) => (self.obj(o).pkg, self.obj(o).name),
            None => (None, Symbol::intern("")),
        };
        let obj = self.new_obj(Object::new(ObjKind::TypeName, pos, pkg, name, None));
        let t = self.types.add(Type::Named(Box::new(NamedType {
            obj,
            from_rhs: None,
            orig: Some(orig),
            targs: targs.to_vec(),
            tparams: Vec::new(),
            underlying: None,
            methods: Vec::new(),
            state: NamedState::Unresolved,
        })));
        self.obj_mut(obj).ty = Some(t);
        t
    }

    /// The underlying type of instance t: the origin's with the type
    /// arguments substituted (types2's expandUnderlying).
    fn expand_underlying(&mut self, t: TypeId) -> TypeId {
        let Some(n) = self.types.named(t) else {
            return TypeId::INVALID;
        };
        let (orig, targs, obj) = (n.orig.unwrap_or(t), n.targs.clone(), n.obj);
        let (otparams, ounder) = match self.types.named(orig) {
            Some(o) => (o.tparams.clone(), o.underlying),
            None => return TypeId::INVALID,
        };
        let Some(ounder) = ounder else {
            return TypeId::INVALID;
        };
        if otparams.len() != targs.len() {
            return TypeId::INVALID;
        }
        let smap = self.make_subst_map(&otparams, &targs);
        let pos = self.obj(obj).pos;
        let mut underlying = self.subst_expanding(pos, ounder, &smap, Some(t));
        if let Some(iface) = self.types.interface(underlying).cloned() {
            let (methods, copied) = self.replace_recv_type(&iface.methods, orig, t);
            if copied {
                if underlying == ounder {
                    underlying = self.types.add(Type::Interface(Box::new(InterfaceType {
                        methods,
                        embeddeds: iface.embeddeds.clone(),
                        complete: iface.complete,
                        implicit: iface.implicit,
                        ..Default::default()
                    })));
                } else if let Some(i) = self.types.interface_mut(underlying) {
                    i.methods = methods;
                }
            }
        }
        underlying
    }

    /// The number of methods declared for a named type (or its origin).
    pub fn named_num_methods(&mut self, t: TypeId) -> usize {
        let o = self.named_origin(t);
        self.types.named(o).map(|n| n.methods.len()).unwrap_or(0)
    }

    /// Method i of a named type, expanding it for an instance (types2's
    /// Named.Method).
    pub fn named_method(&mut self, t: TypeId, i: usize) -> Option<ObjId> {
        self.named_resolve(t);
        let n = self.types.named(t)?;
        if n.state == NamedState::Complete || n.orig.is_none() {
            return n.methods.get(i).copied().flatten();
        }
        let orig = n.orig?;
        let norig = self.types.named(orig).map(|o| o.methods.len()).unwrap_or(0);
        if let Some(n) = self.types.named_mut(t) {
            if n.methods.len() != norig {
                n.methods = vec![None; norig];
            }
            if let Some(Some(m)) = n.methods.get(i) {
                return Some(*m);
            }
        }
        let m = self.expand_method(t, i)?;
        if let Some(n) = self.types.named_mut(t) {
            if let Some(slot) = n.methods.get_mut(i) {
                *slot = Some(m);
            }
            if n.methods.iter().all(|m| m.is_some()) {
                n.state = NamedState::Complete;
            }
        }
        Some(m)
    }

    /// All methods of a named type (for an instance, expanded).
    pub fn named_methods(&mut self, t: TypeId) -> Vec<ObjId> {
        let n = self.named_num_methods(t);
        (0..n).filter_map(|i| self.named_method(t, i)).collect()
    }

    /// A method declared on a named type, found by identity in the
    /// origin's methods and expanded only if found (types2's
    /// Named.lookupMethod).
    pub fn named_lookup_method(
        &mut self,
        t: TypeId,
        pkg: Option<PkgId>,
        name: Symbol,
        fold_case: bool,
    ) -> Option<(usize, ObjId)> {
        self.named_resolve(t);
        let o = self.named_origin(t);
        let methods: Vec<ObjId> = self
            .types
            .named(o)
            .map(|n| n.methods.iter().flatten().copied().collect())
            .unwrap_or_default();
        let (i, _) = self.lookup_method(&methods, pkg, name, fold_case)?;
        let m = self.named_method(t, i)?;
        Some((i, m))
    }

    /// Method i of instance t: the origin's method with the receiver type
    /// parameters substituted and t (or *t) as receiver (types2's
    /// expandMethod).
    fn expand_method(&mut self, t: TypeId, i: usize) -> Option<ObjId> {
        let orig = self.types.named(t)?.orig?;
        let targs = self.named_targs(t);
        let origm = self.types.named(orig)?.methods.get(i).copied().flatten()?;
        self.obj_decl(origm, None);
        let orig_sig_t = self.obj_type(origm);
        let orig_sig = self.types.signature(orig_sig_t)?.clone();
        let Some(orecv) = orig_sig.recv else {
            return Some(origm);
        };
        let (rbase, _) = self.types.deref(self.obj_type(orecv));
        if rbase == t {
            return Some(origm);
        }
        let mut sig = orig_sig_t;
        if orig_sig.rparams.len() == targs.len() {
            let smap = self.make_subst_map(&orig_sig.rparams, &targs);
            let pos = self.obj(origm).pos;
            sig = self.subst_expanding(pos, orig_sig_t, &smap, Some(t));
        }
        if sig == orig_sig_t {
            sig = self.types.add(Type::Signature(Box::new(orig_sig.clone())));
        }
        let rtyp = if self.func_has_ptr_recv(origm) {
            self.types.pointer(t)
        } else {
            t
        };
        let recv = self.subst_var(orecv, rtyp);
        if let Some(s) = self.types.signature_mut(sig) {
            s.recv = Some(recv);
        }
        Some(self.subst_func(origm, sig))
    }

    /// The methods with receivers of type `old` given receiver type `new`
    /// (copies; the list is copied only if needed).
    pub fn replace_recv_type(
        &mut self,
        methods: &[ObjId],
        old: TypeId,
        new: TypeId,
    ) -> (Vec<ObjId>, bool) {
        let mut out = methods.to_vec();
        let mut copied = false;
        for (i, &m) in methods.iter().enumerate() {
            let mt = self.obj_type(m);
            let Some(sig) = self.types.signature(mt).cloned() else {
                continue;
            };
            let Some(recv) = sig.recv else { continue };
            if self.obj_type(recv) != old {
                continue;
            }
            copied = true;
            let mut newsig = sig;
            newsig.recv = Some(self.subst_var(recv, new));
            let st = self.types.add(Type::Signature(Box::new(newsig)));
            out[i] = self.subst_func(m, st);
        }
        (out, copied)
    }
}
