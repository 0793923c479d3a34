//! Generic functions, as gc 1.19 compiles them: not the generic body
//! itself but one copy per *shape* instantiation (noder/stencil.go), where
//! every type argument is replaced by its shape — its underlying type, or
//! one shared shape for all pointer types. Escape analysis then runs on
//! each copy as on any function (its diagnostics printed once per copy,
//! its parameter tags not printed: instantiations are DUPOK), and calls to
//! `F[int]` call the copy for F's shape `[int]`.
//!
//! Invariants: a copy is created on the first reference to the
//! instantiation, from non-generic code or from another copy (whose type
//! arguments resolve the reference's); references whose type arguments
//! stay generic (no enclosing copy resolves them) keep calling the
//! generic function, which has no tags (unknown code). Copies are lowered
//! after the rest of the package, from a worklist, with the type
//! substitution active in the type queries (typeutil.rs).

use std::rc::Rc;

use super::ir::*;
use super::lower::{Inst, Lower, Shape};
use super::typeutil::Subst;
use crate::syntax::ast;
use crate::types::object::{ObjId, ObjKind};
use crate::types::ty::{Type, TypeId};

impl<'c, 'a> Lower<'c, 'a> {
    /// The shape of a type argument (typecheck.Shapify, for our purpose).
    fn shape(&self, t: TypeId) -> Shape {
        let u = self.t.under(t);
        match self.t.c.types.get(u) {
            Type::Pointer(_) => Shape::Ptr,
            _ => Shape::Under(u),
        }
    }

    /// The copy of generic function or method `generic` (a declaration of
    /// this package) for type arguments `targs`, created if new; None when
    /// the arguments are still generic here.
    pub fn instantiation(&mut self, generic: ObjId, targs: &[TypeId]) -> Option<FuncId> {
        let fd = *self.generic_decls.get(&generic)?;
        let targs: Vec<TypeId> = targs.iter().map(|&t| self.t.resolve(t)).collect();
        if targs.iter().any(|&t| self.t.has_type_params(t)) {
            return None;
        }
        let key = (
            generic,
            targs.iter().map(|&t| self.shape(t)).collect::<Vec<_>>(),
        );
        if let Some(&f) = self.inst_of.get(&key) {
            return Some(f);
        }
        let sig = self.c.obj_type(generic);
        let tparams = match self.t.signature(sig) {
            Some(s) if fd.recv.is_some() => s.rparams.clone(),
            Some(s) => s.tparams.clone(),
            None => return None,
        };
        let subst: Subst = tparams.into_iter().zip(targs.iter().copied()).collect();
        let base = self
            .ir
            .funcs
            .iter()
            .find(|f| f.obj == Some(generic))
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let id = self.new_func(format!("{base}[shape]"), fd.name.pos, None);
        {
            let f = &mut self.ir.funcs[id.index()];
            f.pragma = fd.pragma.flags.0;
            f.dupok = true;
            f.subst = Some(Rc::new(subst));
        }
        self.inst_of.insert(key, id);
        self.ir.decls.push(id);
        self.worklist.push(Inst {
            func: id,
            decl: fd,
            generic,
        });
        Some(id)
    }

    /// Lowers the copies requested so far, and those they request.
    pub fn lower_instantiations(&mut self) {
        while let Some(inst) = self.worklist.pop() {
            let saved = (self.cur, self.t.clone());
            self.cur = inst.func;
            let subst = self.ir.funcs[inst.func.index()].subst.clone();
            self.t = self.t.with_subst(subst);
            let sig = self.c.obj_type(inst.generic);
            self.signature(inst.func, sig, &inst.decl.ty);
            if let Some(body) = &inst.decl.body {
                let stmts = self.block(&body.stmts);
                self.ir.funcs[inst.func.index()].body = stmts;
            } else {
                self.ir.funcs[inst.func.index()].has_body = false;
            }
            self.cur = saved.0;
            self.t = saved.1;
        }
    }

    /// A reference to a generic function with recorded type arguments.
    pub fn generic_ref(&mut self, ident: ast::NodeId, obj: ObjId) -> Option<FuncId> {
        if !self.generic_decls.contains_key(&obj) {
            return None;
        }
        let targs = self.info.instances.get(&ident)?.targs.clone();
        self.instantiation(obj, &targs)
    }

    /// The copy of a method selected on an instantiated generic type, for
    /// a receiver of type `recv`.
    pub fn generic_method(&mut self, method: ObjId, recv: TypeId) -> Option<FuncId> {
        let origin = match &self.c.obj(method).kind {
            ObjKind::Func {
                origin: Some(o), ..
            } => *o,
            _ => method,
        };
        if !self.generic_decls.contains_key(&origin) {
            return None;
        }
        let mut t = self.t.resolve(recv);
        if let Type::Pointer(b) = self.c.types.get(t) {
            t = self.t.resolve(*b);
        }
        let targs = self.c.types.named(t)?.targs.clone();
        self.instantiation(origin, &targs)
    }
}
