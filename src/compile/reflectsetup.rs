//! What the reflect natives (runtime/src/natives/reflect*.rs) need from
//! the compiler: the itab of `reflect.Type` for `*reflect.rtype` (a
//! reflect.Type is that itab and a type descriptor's address, so
//! `TypeOf(x) == TypeOf(y)` compares descriptors) and the `error` itab of
//! `*reflect.ValueError` (the panics of Value methods), both built from
//! the declared std API (std/reflect.go) so their method tables name the
//! natives' stubs ([`Compiler::std_method_stubs`]).

use super::{CResult, Compiler};
use crate::syntax::symbol::Symbol;
use crate::types::object::{ObjId, ObjKind};
use crate::types::ty::TypeId;
use crate::types::Checker;

impl Compiler<'_, '_> {
    /// Fills `Program::reflect_itabs` when the program imports reflect.
    pub(super) fn reflect_setup(&mut self) -> CResult<()> {
        let Some(pkg) = self.c.pkgs.iter().find(|p| p.path == "reflect" && !p.fake) else {
            return Ok(());
        };
        let scope = pkg.scope;
        let named = |n: &str| {
            self.c
                .scopes
                .lookup(scope, Symbol::intern(n))
                .map(|o| self.c.obj_type(o))
        };
        let (Some(typ), Some(rtype), Some(verr)) =
            (named("Type"), named("rtype"), named("ValueError"))
        else {
            return Ok(());
        };
        let (Some(p_rtype), Some(p_verr)) = (self.ptr_recv_type(rtype), self.ptr_recv_type(verr))
        else {
            return Ok(());
        };
        let inter = self.rtype(typ)?;
        let rt = self.rtype(p_rtype)?;
        let error = self.rtype(self.c.universe.error_type)?;
        let ve = self.rtype(p_verr)?;
        let mut itabs = Vec::new();
        for (i, t) in [(inter, rt), (error, ve)] {
            let tab = goscope_runtime::itab::getitab(i, t)
                .map_err(|m| format!("goscope: internal error: {} lacks method {m}", t.str))?;
            itabs.push(tab);
        }
        self.prog.reflect_itabs = itabs;
        Ok(())
    }

    /// `*T` for a named std type `T` with a pointer method: the checker's
    /// type of that method's receiver.
    fn ptr_recv_type(&self, t: TypeId) -> Option<TypeId> {
        let n = self.c.types.named(t)?;
        n.methods.iter().flatten().find_map(|&m| {
            if !self.c.func_has_ptr_recv(m) {
                return None;
            }
            let sig = self.c.types.signature(self.c.obj_type(m))?;
            sig.recv.map(|r| self.c.obj_type(r))
        })
    }
}

/// When the program imports reflect: its named non-generic types with
/// methods, each with `*T` interned, so [`Compiler::reflect_types`] can
/// give both descriptors to the program (reflect.PointerTo and New find
/// `*T` with its method set there). Runs before compiling, while the
/// checker is mutable.
pub(super) fn method_types(c: &mut Checker<'_>) -> Vec<(TypeId, TypeId)> {
    if !c.pkgs.iter().any(|p| p.path == "reflect" && !p.fake) {
        return Vec::new();
    }
    let Some(scope) = c.pkgs.iter().find(|p| p.path == "main").map(|p| p.scope) else {
        return Vec::new();
    };
    let mut objs: Vec<ObjId> = c.scopes.get(scope).elems.values().copied().collect();
    objs.sort();
    let mut out = Vec::new();
    for obj in objs {
        if !matches!(c.obj(obj).kind, ObjKind::TypeName) {
            continue;
        }
        let t = c.obj_type(obj);
        let Some(n) = c.types.named(t) else { continue };
        if !n.tparams.is_empty() || n.methods.is_empty() {
            continue;
        }
        let p = c.types.pointer(t);
        out.push((t, p));
    }
    out
}

impl Compiler<'_, '_> {
    /// Adds the descriptors of [`method_types`]' types to the program
    /// (a type without a descriptor, a recursive map, is left out).
    pub(super) fn reflect_types(&mut self, types: &[(TypeId, TypeId)]) {
        for &(t, p) in types {
            if self.type_index(t).is_ok() {
                let _ = self.type_index(p);
            }
        }
    }
}
