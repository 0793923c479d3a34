//! Variadic calls: `f(a, b, c)` of a `func(xs ...T)` builds the `[]T`
//! from the trailing arguments (gc's walk of OCALLFUNC with an implicit
//! `...` slice); `f()` passes a nil slice; `f(xs...)` passes `xs` itself
//! (the ordinary argument path).
//!
//! Example: `sum(1, 2, 3)` of `func sum(xs ...int)` compiles to
//! `MakeSlice s, [3 3]`, three stores through `s`'s array, then the call
//! with `s` as the last argument.

use goscope_runtime::vm::Op;

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
        self.fill_variadic(s, &vals, elem);
        Ok(s)
    }

    /// The `[]T` of the values `vals` (slot, type) converted to `T`, in
    /// fresh slots: the trailing results of `f(g())` for a variadic `f`.
    pub(super) fn variadic_slice_of(
        &mut self,
        vals: &[(u32, TypeId)],
        slice_t: TypeId,
    ) -> CResult<u32> {
        let s = self.f.alloc(3, true);
        let Type::Slice(elem) = self.c.types.get(self.lay.under(slice_t)).clone() else {
            return Err(String::from(
                "goscope: internal error: variadic parameter is not a slice",
            ));
        };
        if vals.is_empty() {
            self.f.emit(Op::Zero { a: s, n: 3 });
            return Ok(s);
        }
        let mut conv = Vec::with_capacity(vals.len());
        for (v, from) in vals {
            conv.push(self.assign_value(*v, *from, elem)?);
        }
        self.fill_variadic(s, &conv, elem);
        Ok(s)
    }

    /// Allocates the backing array of `len(vals)` elements of type `elem`
    /// into the slice at `s..s+3` and stores the values into it.
    fn fill_variadic(&mut self, s: u32, vals: &[u32], elem: TypeId) {
        let n = vals.len() as u64;
        let k = self.type_konst(elem);
        let lc = self.f.alloc(2, false);
        self.load_word(lc, n);
        self.load_word(lc + 1, n);
        self.f.emit(Op::MakeSlice { a: s, b: lc, k });
        let esize = self.lay.size(elem) as u32;
        let p = self.f.alloc(1, true);
        self.f.emit(Op::Move { a: p, b: s });
        for (i, v) in vals.iter().enumerate() {
            self.store_mem(p, i as u32 * esize, *v, elem);
        }
    }

    /// One trailing argument converted to the element type.
    fn variadic_elem(&mut self, a: &Expr, elem: TypeId) -> CResult<u32> {
        self.arg_value(a, elem)
    }
}
