//! Calls (gc's call.go): arguments flow to where the callee's parameter
//! tags say (the heap, or the call's results with some dereferences), or
//! straight into the parameter locations of a callee in the same batch; a
//! call to unknown code (an interface method, a function value, a function
//! of a package without tags) sends every argument to the heap.
//!
//! go and defer statements (goDeferStmt): gc 1.19 turns `defer f(x, y)`
//! into `x1, y1 := x, y; defer func() { f(x1, y1) }()`. The temporaries
//! are locations of the enclosing function; the wrapper closure captures
//! them (by value unless they are over 128 bytes) and is itself an
//! allocation that escapes for `go` and for a `defer` inside a loop, and
//! only lives until the function returns for a top-level `defer`. The
//! wrapper's own diagnostics are never printed, as in gc.
//!
//! Invariant: every argument is evaluated exactly once, into the hole of
//! its parameter (or of its temporary under a wrapper).

use super::escape::{ClosureRef, Escape};
use super::expr::Callee;
use super::graph::{Hole, LocId, LocN, Site, SiteOp};
use super::ir::*;
use super::leaks::{Leaks, NUM_ESC_RESULTS};
use crate::syntax::pos::Pos;

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// Evaluates a call; ks are the holes of its results.
    pub fn call(&mut self, ks: Option<Vec<Hole<'a>>>, n: &'b Expr<'a>) {
        self.call_common(ks, n, None);
    }

    /// The statically known callee of an OCALLFUNC (ir.StaticValue of the
    /// callee expression).
    fn static_callee(&self, fun: &Expr<'a>) -> Option<Callee> {
        match &fun.kind {
            ExprKind::FuncName(o) | ExprKind::MethodExpr(o) => {
                Callee::of(self.ir.func_of_obj.get(o).copied(), Some(*o))
            }
            ExprKind::Closure(f) | ExprKind::FuncRef(f) => Callee::of(Some(*f), None),
            ExprKind::Name(v) => match super::static_value::static_value(self.ir, *v, self.curfn) {
                Some(StaticRhs::Func(o)) | Some(StaticRhs::MethodExpr(o)) => {
                    Callee::of(self.ir.func_of_obj.get(&o).copied(), Some(o))
                }
                Some(StaticRhs::Closure(f)) => Callee::of(Some(f), None),
                _ => None,
            },
            ExprKind::Conv(x) if self.t.under(x.ty) == self.t.under(fun.ty) => {
                self.static_callee(x)
            }
            _ => None,
        }
    }

    fn call_common(
        &mut self,
        ks: Option<Vec<Hole<'a>>>,
        n: &'b Expr<'a>,
        mut wrapper: Option<&mut Vec<(LocId, Pos)>>,
    ) {
        let ExprKind::Call(call) = &n.kind else {
            return;
        };
        let (src, pos) = (n.src, n.pos);
        match call.kind {
            CallKind::Func | CallKind::Inter => {
                let callee = match (&call.kind, &call.fun) {
                    (CallKind::Func, Some(fun)) => self.static_callee(fun),
                    _ => None,
                };
                if let (Some(ks), Some(Callee { func: Some(f), .. })) = (&ks, callee) {
                    if self.in_mutual_batch(f) {
                        let results: Vec<Option<VarId>> =
                            self.ir.func(f).results.iter().map(|r| r.var).collect();
                        for (k, r) in ks.iter().zip(results) {
                            if let Some(v) = r {
                                let l = self.old_loc(v);
                                self.flow(k.clone(), l);
                            }
                        }
                    }
                }
                if let Some(fun) = &call.fun {
                    // The callee expression is an argument of the
                    // go/defer wrapper, not of the callee.
                    let k = self.discard_hole();
                    self.argument(k, fun, src, pos, wrapper.as_deref_mut());
                }
                let escapes_uintptr = callee.and_then(|c| c.func).is_some_and(|f| {
                    self.ir.func(f).pragma & crate::syntax::ast::PragmaFlags::UINTPTR_ESCAPES != 0
                });
                for (i, arg) in call.recv.iter().chain(call.args.iter()).enumerate() {
                    let k = self.tag_hole(ks.as_ref(), callee, i);
                    if escapes_uintptr && wrapper.is_none() {
                        let k = self.note(k, src, pos, "call parameter");
                        self.uintptr_argument(k, arg);
                        continue;
                    }
                    self.argument(k, arg, src, pos, wrapper.as_deref_mut());
                }
            }
            CallKind::Builtin(b) => self.builtin_call(b, ks, call, src, pos, wrapper),
        }
    }

    fn builtin_call(
        &mut self,
        b: Builtin,
        ks: Option<Vec<Hole<'a>>>,
        call: &'b Call<'a>,
        src: Src<'a>,
        pos: Pos,
        mut wrapper: Option<&mut Vec<(LocId, Pos)>>,
    ) {
        let args = &call.args;
        let k0 = ks
            .as_ref()
            .and_then(|ks| ks.first().cloned())
            .unwrap_or_else(|| self.discard_hole());
        match b {
            Builtin::Append => {
                let Some(a0) = args.first() else {
                    return;
                };
                // The appendee may flow to the result, or a new heap slice
                // may be allocated and its elements flow to the heap.
                let mut appendee_k = k0;
                if self.t.has_pointers(self.t.elem(a0.ty)) {
                    let h = self.heap_hole();
                    let h = self.deref(h, src, pos, "appendee slice");
                    appendee_k = self.tee_hole(vec![appendee_k, h]);
                }
                self.argument(appendee_k, a0, src, pos, wrapper.as_deref_mut());
                if call.ddd {
                    if let Some(a1) = args.get(1) {
                        let mut k = self.discard_hole();
                        if self.t.is_slice(a1.ty) && self.t.has_pointers(self.t.elem(a1.ty)) {
                            let h = self.heap_hole();
                            k = self.deref(h, src, pos, "appended slice...");
                        }
                        self.argument(k, a1, src, pos, wrapper.as_deref_mut());
                    }
                } else {
                    for a in &args[1..] {
                        let h = self.heap_hole();
                        self.argument(h, a, src, pos, wrapper.as_deref_mut());
                    }
                }
            }
            Builtin::Copy => {
                if let Some(x) = args.first() {
                    let d = self.discard_hole();
                    self.argument(d, x, src, pos, wrapper.as_deref_mut());
                }
                if let Some(y) = args.get(1) {
                    let mut k = self.discard_hole();
                    if self.t.is_slice(y.ty) && self.t.has_pointers(self.t.elem(y.ty)) {
                        let h = self.heap_hole();
                        k = self.deref(h, src, pos, "copied slice");
                    }
                    self.argument(k, y, src, pos, wrapper.as_deref_mut());
                }
            }
            Builtin::Panic => {
                for a in args {
                    let h = self.heap_hole();
                    self.argument(h, a, src, pos, wrapper.as_deref_mut());
                }
            }
            Builtin::Complex | Builtin::DiscardArgs | Builtin::DiscardOne => {
                for a in args {
                    let d = self.discard_hole();
                    self.argument(d, a, src, pos, wrapper.as_deref_mut());
                }
            }
            Builtin::UnsafeAdd | Builtin::UnsafeSlice => {
                if let Some(x) = args.first() {
                    self.argument(k0, x, src, pos, wrapper.as_deref_mut());
                }
                if let Some(y) = args.get(1) {
                    let d = self.discard_hole();
                    self.argument(d, y, src, pos, wrapper);
                }
            }
        }
    }

    /// Evaluates one argument into k (gc's argument/argumentFunc with
    /// rewriteArgument): under a go/defer wrapper the argument is first
    /// copied into a temporary the wrapper captures.
    fn argument(
        &mut self,
        k: Hole<'a>,
        arg: &'b Expr<'a>,
        src: Src<'a>,
        pos: Pos,
        wrapper: Option<&mut Vec<(LocId, Pos)>>,
    ) {
        let k = self.note(k, src, pos, "call parameter");
        let Some(wrapper) = wrapper else {
            self.expr(k, arg);
            return;
        };
        if let (ExprKind::SliceLit(elts), Src::DotDotDot(_) | Src::Expr(_)) = (&arg.kind, arg.src) {
            // Peel the slice literal: its elements become the temporaries,
            // the slice itself stays in the wrapper's call.
            let temps: Vec<Option<LocId>> = elts
                .iter()
                .map(|el| self.wrap_arg(arg.pos, el, wrapper))
                .collect();
            let k = self.spill(k, arg, SiteOp::SliceLit);
            for (el, t) in elts.iter().zip(temps) {
                let ke = self.note(k.clone(), arg.src, arg.pos, "slice-literal-element");
                match t {
                    Some(t) => self.flow_temp(ke, t, el),
                    None => self.expr(ke, el),
                }
            }
            return;
        }
        match self.wrap_arg(pos, arg, wrapper) {
            Some(t) => self.flow_temp(k, t, arg),
            None => self.expr(k, arg),
        }
    }

    /// An argument of a //go:uintptrescapes callee (rewriteArgument's
    /// unsafeUintptr): the pointer converted in `uintptr(unsafe.Pointer(p))`
    /// (the argument, or an element of the implicit `...` slice) is copied
    /// into a temporary that goes to the heap, and the argument becomes
    /// `uintptr(tmp)`.
    fn uintptr_argument(&mut self, k: Hole<'a>, arg: &'b Expr<'a>) {
        if let ExprKind::SliceLit(elts) = &arg.kind {
            let k = self.spill(k, arg, SiteOp::SliceLit);
            for el in elts {
                if !self.uintptr_escapes(el) {
                    let ke = self.note(k.clone(), arg.src, arg.pos, "slice-literal-element");
                    self.expr(ke, el);
                }
            }
            return;
        }
        if !self.uintptr_escapes(arg) {
            self.expr(k, arg);
        }
    }

    /// Handles one `uintptr(unsafe.Pointer(p))`; false if el is not one.
    fn uintptr_escapes(&mut self, el: &'b Expr<'a>) -> bool {
        let ExprKind::Conv(x) = &el.kind else {
            return false;
        };
        if !self.t.is_uintptr(el.ty) || !self.t.is_unsafe_ptr(x.ty) {
            return false;
        }
        self.stmts(&el.init);
        let (tmp, num) = self.temp_loc(el.pos, x.ty);
        let where_ = match x.src {
            Src::Expr(e) | Src::Implicit(e) => Src::TempAssign(num, Some(e)),
            _ => Src::TempAssign(num, None),
        };
        let k = self.note(Hole::of(tmp), where_, el.pos, "assign");
        self.expr(k, x);
        let h = self.heap_hole();
        let h = self.note(h, el.src, el.pos, "//go:uintptrescapes");
        self.flow(h, tmp);
        true
    }

    /// The value of the temporary t (holding a copy of arg) flows into k.
    fn flow_temp(&mut self, mut k: Hole<'a>, t: LocId, arg: &'b Expr<'a>) {
        let ptrs = matches!(arg.kind, ExprKind::Addr(_) | ExprKind::PtrLit(_))
            || self.t.has_pointers(arg.ty);
        if k.derefs >= 0 && !ptrs {
            k.dst = LocId::BLANK;
        }
        self.flow(k, t);
    }

    /// rewriteArgument's visit: constants and functions stay in the
    /// wrapper; anything else is copied into a captured temporary.
    fn wrap_arg(
        &mut self,
        pos: Pos,
        arg: &'b Expr<'a>,
        wrapper: &mut Vec<(LocId, Pos)>,
    ) -> Option<LocId> {
        match arg.kind {
            ExprKind::Literal | ExprKind::Nil | ExprKind::MethodExpr(_) | ExprKind::FuncName(_) => {
                return None
            }
            _ => {}
        }
        // ir.HasUniquePos: a name's position is its declaration's.
        let cv_pos = pos;
        let pos = match arg.kind {
            ExprKind::Name(_) | ExprKind::Global => pos,
            _ if arg.pos.is_known() => arg.pos,
            _ => pos,
        };
        let ty = match arg.kind {
            ExprKind::Addr(_) | ExprKind::PtrLit(_)
                if arg.ty == crate::types::ty::TypeId::INVALID =>
            {
                crate::types::ty::TypeId::basic(crate::types::basic::BasicKind::UnsafePointer)
            }
            _ => arg.ty,
        };
        let (tmp, num) = self.temp_loc(pos, ty);
        // tmp := arg
        let where_ = match arg.src {
            Src::Expr(e) | Src::Implicit(e) => Src::TempAssign(num, Some(e)),
            Src::Var(v) => Src::TempAssignVar(num, v),
            _ => Src::TempAssign(num, None),
        };
        let k = Hole::of(tmp);
        let k = self.note(k, where_, pos, "assign");
        self.expr(k, arg);
        self.loc_mut(tmp).captured = true;
        wrapper.push((tmp, cv_pos));
        Some(tmp)
    }

    /// gc's goDeferStmt.
    pub fn go_defer_stmt(&mut self, defer: bool, call: &'b Expr<'a>, n: &'b Stmt<'a>) {
        let mut k = self.heap_hole();
        if defer && self.loop_depth == 1 {
            // Top-level defer arguments don't escape to the heap, but they
            // do need to last until they're invoked.
            let d = self.discard_hole();
            k = self.later(d);
        }
        self.stmts(&call.init);
        let ExprKind::Call(c) = &call.kind else {
            self.discard(call);
            return;
        };
        // A call with no arguments and no results is analysed as is.
        if let (CallKind::Func, Some(fun), None) = (c.kind, &c.fun, &c.recv) {
            let zero = self.t.signature(fun.ty).is_some_and(|s| {
                self.t.tuple(s.params).is_empty() && self.t.tuple(s.results).is_empty()
            });
            if zero && c.args.is_empty() {
                self.expr(k, fun);
                return;
            }
        }
        let mut temps = Vec::new();
        self.call_common(None, call, Some(&mut temps));
        let node = match n.src {
            Src::Stmt(st) => st.id,
            _ => crate::syntax::ast::NodeId(0),
        };
        let site = Site {
            node,
            kind: SiteKind::GoDefer,
            src: Src::Wrapper,
            pos: n.pos,
            ty: crate::types::ty::TypeId::INVALID,
            op: SiteOp::Closure {
                func: None,
                wrapper: true,
            },
        };
        let loc = self.new_loc(LocN::Site(site), true);
        let k = self.addr_hole(k, Src::Wrapper, n.pos, "spill");
        self.flow(k, loc);
        self.closures
            .push((Hole::of(loc), ClosureRef::Wrapper(temps)));
    }

    /// The hole for the argument passed as the callee's parameter number i
    /// (receiver first), given the holes of the call's results.
    pub fn tag_hole(
        &mut self,
        ks: Option<&Vec<Hole<'a>>>,
        callee: Option<Callee>,
        i: usize,
    ) -> Hole<'a> {
        let Some(callee) = callee else {
            return self.heap_hole();
        };
        let esc = match callee.func {
            Some(f) if self.in_mutual_batch(f) => {
                let var = self.ir.func(f).recv_params().nth(i).and_then(|p| p.var);
                return match var {
                    Some(v) => Hole::of(self.old_loc(v)),
                    None => self.discard_hole(),
                };
            }
            Some(f) => match self.st.tags[f.index()].get(i) {
                Some(l) => *l,
                None => Leaks::heap(),
            },
            None => match callee.obj.and_then(|o| super::imported_tags(self.t.c, o)) {
                Some(tags) => tags.get(i).copied().unwrap_or_else(Leaks::heap),
                None => return self.heap_hole(),
            },
        };
        let mut tag_ks = Vec::new();
        let x = esc.heap_derefs();
        if x >= 0 {
            tag_ks.push(self.heap_hole().shift(x));
        }
        if let Some(ks) = ks {
            for (i, k) in ks.iter().enumerate().take(NUM_ESC_RESULTS) {
                let x = esc.result(i);
                if x >= 0 {
                    tag_ks.push(k.clone().shift(x));
                }
            }
        }
        self.tee_hole(tag_ks)
    }
}
