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
        let name = self.inst_name(fd, &targs);
        let subst: Subst = tparams.into_iter().zip(targs.iter().copied()).collect();
        let id = self.new_func(name, fd.name.pos, None);
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

    /// gc's name of a shape instantiation: `F[go.shape.int_0]`,
    /// `(*Box[go.shape.int_0]).Get`.
    fn inst_name(&self, fd: &ast::FuncDecl, targs: &[TypeId]) -> String {
        let shapes: Vec<String> = targs
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let u = self.t.under(t);
                let s = match self.c.types.get(u) {
                    Type::Pointer(e) if !self.t.is_array(*e) => "*uint8".to_string(),
                    _ => super::fmt::type_string(u, self.c),
                };
                format!("go.shape.{s}_{i}")
            })
            .collect();
        let list = shapes.join(",");
        let name = fd.name.sym.as_str();
        let Some(recv) = &fd.recv else {
            return format!("{name}[{list}]");
        };
        let mut ty = recv.ty.unparen();
        let mut ptr = false;
        if let ast::ExprKind::Operation {
            op: ast::Operator::Mul,
            x,
            y: None,
        } = &ty.kind
        {
            ptr = true;
            ty = x.unparen();
        }
        let base = match &ty.kind {
            ast::ExprKind::Index { x, .. } => x
                .as_name()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
            _ => String::new(),
        };
        if ptr {
            format!("(*{base}[{list}]).{name}")
        } else {
            format!("{base}[{list}].{name}")
        }
    }

    /// gc instantiates every method of every instantiated generic type of
    /// the package (for its method table), called or not.
    pub fn instantiate_type_methods(&mut self) {
        let mut by_type: std::collections::HashMap<ObjId, Vec<ObjId>> =
            std::collections::HashMap::new();
        let decls: Vec<(ObjId, &'a ast::FuncDecl)> =
            self.generic_decls.iter().map(|(&o, &d)| (o, d)).collect();
        for (m, fd) in decls {
            let Some(recv) = &fd.recv else {
                continue;
            };
            let mut ty = recv.ty.unparen();
            if let ast::ExprKind::Operation { x, y: None, .. } = &ty.kind {
                ty = x.unparen();
            }
            if let ast::ExprKind::Index { x, .. } = &ty.kind {
                if let Some(tobj) = self.info.object_of(x.id) {
                    by_type.entry(tobj).or_default().push(m);
                }
            }
        }
        let mut insts: Vec<(ast::NodeId, ObjId, Vec<TypeId>)> = Vec::new();
        for (&id, inst) in &self.info.instances {
            if let Some(obj) = self.info.object_of(id) {
                if by_type.contains_key(&obj) {
                    insts.push((id, obj, inst.targs.clone()));
                }
            }
        }
        insts.sort_by_key(|(id, _, _)| *id);
        for (_, tobj, targs) in insts {
            let mut methods = by_type.get(&tobj).cloned().unwrap_or_default();
            methods.sort_by_key(|&m| self.c.obj(m).pos);
            for m in methods {
                self.instantiation(m, &targs);
            }
        }
    }

    /// Lowers the copies requested so far, and those they request.
    pub fn lower_instantiations(&mut self) {
        // First requested, first lowered: copies are created (and so
        // analysed and reported) in gc's order.
        let mut next = 0;
        while next < self.worklist.len() {
            let inst = Inst {
                func: self.worklist[next].func,
                decl: self.worklist[next].decl,
                generic: self.worklist[next].generic,
            };
            next += 1;
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
            // Generic types instantiated with this copy's type arguments.
            self.instantiate_type_methods();
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
