//! Variadic calls: `f(a, b, c)` of a `func(xs ...T)` builds the `[]T`
//! from the trailing arguments (gc's walk of OCALLFUNC with an implicit
//! `...` slice); `f()` passes a nil slice; `f(xs...)` passes `xs` itself
//! (the ordinary argument path).
//!
//! Example: `sum(1, 2, 3)` of `func sum(xs ...int)` compiles to
//! `MakeSlice s, [3 3]`, three stores through `s`'s array, then the call
//! with `s` as the last argument.

use goscope_runtime::vm::Op;

use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::Expr;
use crate::types::ty::{Type, TypeId};

impl<'c, 'a> Compiler<'c, 'a> {
    /// The `[]T` of a variadic call's trailing arguments `args`, in fresh
    /// slots (a nil slice when there are none).
    pub(super) fn variadic_slice(&mut self, args: &[Expr], slice_t: TypeId) -> CResult<u32> {
        let s = self.f.alloc(3, true);
        let Type::Slice(elem) = self.c.types.get(self.lay.under(slice_t)).clone() else {
            return Err(String::from(
                "goscope: internal error: variadic parameter is not a slice",
            ));
        };
        if args.is_empty() {
            self.f.emit(Op::Zero { a: s, n: 3 });
            return Ok(s);
        }
        // Evaluate the elements first (left to right), then allocate: an
        // element's call must not see a half-built slice.
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            vals.push(self.variadic_elem(a, elem)?);
        }
        let n = args.len() as u64;
        let k = self.elem_konst(elem);
        let lc = self.f.alloc(2, false);
        self.load_word(lc, n);
        self.load_word(lc + 1, n);
        self.f.emit(Op::MakeSlice { a: s, b: lc, k });
        let esize = self.lay.size(elem) as u32;
        let p = self.f.alloc(1, true);
        self.f.emit(Op::Move { a: p, b: s });
        for (i, v) in vals.into_iter().enumerate() {
            self.store_mem(p, i as u32 * esize, v, elem);
        }
        Ok(s)
    }

    /// One trailing argument converted to the element type.
    fn variadic_elem(&mut self, a: &Expr, elem: TypeId) -> CResult<u32> {
        let to_iface = self.lay.kind(elem) == K::Iface && self.lay.kind(self.ty(a)) != K::Iface;
        if to_iface && self.is_empty_iface(elem) {
            if self.is_nil_expr(a) {
                let d = self.f.alloc(2, true);
                self.f.emit(Op::Zero { a: d, n: 2 });
                return Ok(d);
            }
            return self.convt_eface(a);
        }
        self.arg_value(a, elem)
    }

    /// Whether `t` is an interface without methods (`any`).
    pub(super) fn is_empty_iface(&self, t: TypeId) -> bool {
        self.c
            .types
            .interface(self.lay.under(t))
            .is_some_and(|i| i.methods.is_empty() && i.embeddeds.is_empty())
    }
}

impl<'c, 'a> Compiler<'c, 'a> {
    /// Whether `e` is the predeclared `nil`.
    pub(super) fn is_nil_expr(&self, e: &Expr) -> bool {
        let e = e.unparen();
        e.as_name().is_some()
            && self
                .c
                .info
                .use_of(e.id)
                .is_some_and(|o| matches!(self.c.obj(o).kind, crate::types::object::ObjKind::Nil))
    }
}
