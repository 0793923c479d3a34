//! Calls as gc prints them: method calls rewritten to function calls,
//! packed variadic arguments, and the shape-instantiated names of generic
//! functions and methods.

use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::symbol::Symbol;
use crate::types::info::SelectionKind;
use crate::types::object::{ObjId, ObjKind};
use crate::types::operand::Mode;
use crate::types::ty::{Type, TypeId};
use std::fmt::Write as _;

use super::{variadic_split, Arg, Callee, Mode2, NodePrinter, View, DOTS_ARG};

impl<'c, 'a> NodePrinter<'c, 'a> {
    pub(super) fn call<'e>(
        &self,
        e: &'e Expr,
        fun: &'e Expr,
        args: &'e [Expr],
        dots: bool,
    ) -> View<'e> {
        let c = self.check;
        let fun = fun.unparen();
        let Some(ftv) = c.info.type_of(fun.id) else {
            return self.fallback(e);
        };
        if ftv.mode == Mode::TypExpr {
            return self.conversion(e, args);
        }
        if ftv.mode == Mode::Builtin {
            return self.builtin(e, fun, args, dots);
        }
        // typecheck.FixMethodCall: a call of a concrete, non-generic
        // method becomes a call of the method expression.
        let mut callee = Callee::Expr(fun);
        let mut out: Vec<Arg<'e>> = Vec::new();
        // Generic functions are called through their shape instantiation,
        // with the dictionary first.
        if let Some((name, dict)) = self.generic_func(fun) {
            callee = Callee::Text(name);
            out.push(Arg::Text(dict));
        }
        if let ExprKind::Selector { x, sel } = &fun.kind {
            if let Some(s) = c.info.selections.get(&fun.id) {
                if s.kind == SelectionKind::MethodVal {
                    let path = self.embedded_path(s.recv, &s.index);
                    let recv_ty = self.method_recv_type(s.obj);
                    let concrete = recv_ty.is_some_and(|rt| !self.is_interface(rt));
                    match recv_ty {
                        Some(rt) if concrete && !self.is_generic_recv(rt) => {
                            callee = Callee::MethodExpr(rt, sel.sym);
                            out.push(Arg::Path(x, path));
                        }
                        Some(rt) if concrete => match self.generic_method(rt, sel.sym) {
                            Some((name, dict)) => {
                                callee = Callee::Text(name);
                                out.push(Arg::Text(dict));
                                out.push(Arg::Path(x, path));
                            }
                            None => callee = Callee::Dot(x, path, sel.sym),
                        },
                        _ => callee = Callee::Dot(x, path, sel.sym),
                    }
                }
            }
        }
        let mut ddd = dots;
        match variadic_split(e, c) {
            Some(fixed) => {
                out.extend(args[..fixed].iter().map(Arg::Expr));
                let slice = if args.len() > fixed { DOTS_ARG } else { "nil" };
                out.push(Arg::Text(slice.to_string()));
                ddd = true;
            }
            None => out.extend(args.iter().map(Arg::Expr)),
        }
        View::Call(callee, out, ddd)
    }

    /// The receiver type of a method (`T` or `*T`), None for an interface
    /// method of an unnamed interface or when unknown.
    pub(super) fn method_recv_type(&self, f: ObjId) -> Option<TypeId> {
        let c = self.check;
        let sig = c.types.signature(c.obj(f).ty?)?;
        Some(c.obj_type(sig.recv?))
    }

    /// For a call of a generic function: the shape instantiation gc calls
    /// (`Ident[go.shape.int_0]`) and its dictionary argument
    /// (`&.dict.Ident[int]`), from the instance the checker recorded.
    pub(super) fn generic_func(&self, fun: &Expr) -> Option<(String, String)> {
        let c = self.check;
        let target = match &fun.kind {
            ExprKind::Index { x, .. } => x.unparen(),
            _ => fun,
        };
        let id = match &target.kind {
            ExprKind::Name(_) => target.id,
            ExprKind::Selector { x, sel } if self.is_pkg_name(x) => sel.id,
            _ => return None,
        };
        let inst = c.info.instances.get(&id)?;
        let obj = c.info.object_of(id)?;
        let o = c.obj(obj);
        if !o.is_func() {
            return None;
        }
        let tparams = c.types.signature(o.ty?)?.tparams.clone();
        let shapes = self.shape_list(&inst.targs, &tparams);
        let links = self.link_list(&inst.targs);
        let q = self.qualifier(o.pkg).map_or(String::new(), |q| q + ".");
        Some((
            format!("{}[{shapes}]", self.obj_name(obj)),
            format!("&{q}.dict.{}[{links}]", o.name),
        ))
    }

    /// For a call of a method of an instantiated generic type: the shape
    /// instantiation (`(*Box[go.shape.int_0]).Get`) and its dictionary
    /// (`&.dict.(*Box[int]).Get`).
    pub(super) fn generic_method(&self, recv: TypeId, sel: Symbol) -> Option<(String, String)> {
        let c = self.check;
        let (base, ptr) = c.types.deref(recv);
        let n = c.types.named(base)?;
        let orig = n.orig.unwrap_or(base);
        let tparams = c.types.named(orig)?.tparams.clone();
        let o = c.obj(n.obj);
        let tname = self.obj_name(n.obj);
        let shaped = format!("{tname}[{}]", self.shape_list(&n.targs, &tparams));
        let linked = format!("{}[{}]", o.name, self.link_list(&n.targs));
        let q = self.qualifier(o.pkg).map_or(String::new(), |q| q + ".");
        let wrap = |s: String| if ptr { format!("(*{s})") } else { s };
        Some((
            format!("{}.{sel}", wrap(shaped)),
            format!("&{q}.dict.{}.{sel}", wrap(linked)),
        ))
    }

    /// The shape types of type arguments, comma-separated.
    pub(super) fn shape_list(&self, targs: &[TypeId], tparams: &[TypeId]) -> String {
        let mut p = NodePrinter::new(self.check);
        p.shapes = self.shapes;
        for (i, &a) in targs.iter().enumerate() {
            if i > 0 {
                p.s(",");
            }
            let bound = tparams
                .get(i)
                .and_then(|&tp| self.check.types.type_param(tp))
                .map(|tp| tp.bound);
            p.shape(a, i, bound);
        }
        p.buf
    }

    /// Type arguments in gc's LinkString form (`int`, `main.S`).
    pub(super) fn link_list(&self, targs: &[TypeId]) -> String {
        let mut p = NodePrinter::new(self.check);
        p.shapes = self.shapes;
        for (i, &a) in targs.iter().enumerate() {
            if i > 0 {
                p.s(",");
            }
            p.typ(a, Mode2::TypeId);
        }
        p.buf
    }

    /// typecheck.Shapify: `go.shape.` + the LinkString of the argument's
    /// underlying type (all pointers but pointers to arrays are `*uint8`
    /// when the constraint has no core type) + `_` + the parameter index.
    pub(super) fn shape(&mut self, arg: TypeId, index: usize, bound: Option<TypeId>) {
        let c = self.check;
        // A type parameter of the enclosing instantiation is its argument.
        let arg = match (c.types.type_param(arg), self.shapes) {
            (Some(_), Some(m)) => m.get(&arg).copied().unwrap_or(arg),
            _ => arg,
        };
        let u = self.under(arg);
        self.s("go.shape.");
        let collapse = c
            .types
            .pointer_base(u)
            .is_some_and(|e| !matches!(c.types.get(self.under(e)), Type::Array { .. }))
            && !bound.is_some_and(|b| self.has_core_type(b));
        if collapse {
            self.s("*uint8");
        } else {
            self.typ(u, Mode2::TypeId);
        }
        let _ = write!(self.buf, "_{index}");
    }

    /// Whether a constraint has a core type (approximated: exactly one
    /// non-interface term).
    pub(super) fn has_core_type(&self, bound: TypeId) -> bool {
        let c = self.check;
        let Some(it) = c.types.interface(self.under(bound)) else {
            return false;
        };
        let terms: Vec<TypeId> = it
            .embeddeds
            .iter()
            .copied()
            .filter(|&e| !matches!(c.types.get(self.under(e)), Type::Interface(_)))
            .collect();
        terms.len() == 1 && !matches!(c.types.get(terms[0]), Type::Union(u) if u.len() > 1)
    }

    pub(super) fn is_pkg_name(&self, x: &Expr) -> bool {
        let x = x.unparen();
        matches!(x.kind, ExprKind::Name(_))
            && self
                .check
                .info
                .object_of(x.id)
                .is_some_and(|o| matches!(self.check.obj(o).kind, ObjKind::PkgName { .. }))
    }

    /// Whether a receiver type is an instance of a generic type (gc keeps
    /// such calls as method calls).
    pub(super) fn is_generic_recv(&self, t: TypeId) -> bool {
        let c = self.check;
        let base = c.types.deref(t).0;
        match c.types.named(base) {
            Some(n) => !n.targs.is_empty() || !n.tparams.is_empty(),
            None => c.types.is_type_param(base),
        }
    }
}
