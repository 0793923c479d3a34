//! What the reflect natives (runtime/src/natives/reflect*.rs) need from
//! the compiler: the itab of `reflect.Type` for `*reflect.rtype` (a
//! reflect.Type is that itab and a type descriptor's address, so
//! `TypeOf(x) == TypeOf(y)` compares descriptors) and the `error` itab of
//! `*reflect.ValueError` (the panics of Value methods), both built from
//! the declared std API (std/reflect.go) so their method tables name the
//! natives' stubs ([`Compiler::std_method_stubs`]).

use super::{CResult, Compiler};
use crate::syntax::symbol::Symbol;
use crate::types::ty::TypeId;

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
