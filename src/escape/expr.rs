//! Expressions (gc's expr.go): evaluating an expression into a hole adds
//! the edges of its data flow; an allocating expression first gets its own
//! location (`spill`) whose address flows to the hole.
//!
//! Invariants: every subexpression is visited, even where its value is
//! discarded, because it may contain allocations or closures of its own
//! (gc: "it's important to always visit the entire AST"); a value without
//! pointers flows nowhere (its hole becomes the blank location) unless its
//! address is being taken.

use super::escape::{ClosureRef, Escape};
use super::graph::{Hole, LocId, LocN, Site, SiteOp};
use super::ir::*;
use crate::syntax::pos::Pos;
use crate::types::ty::TypeId;

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// Evaluates n and flows its value into k.
    pub fn expr(&mut self, k: Hole<'a>, n: &'b Expr<'a>) {
        self.stmts(&n.init);
        self.expr_skip_init(k, n);
    }

    /// Whether values of n's type contain pointers (implicit `&x` nodes
    /// carry no type of their own: they are pointers).
    fn has_pointers(&self, n: &Expr<'a>) -> bool {
        match n.kind {
            ExprKind::Addr(_) | ExprKind::PtrLit(_) => true,
            _ => self.t.has_pointers(n.ty),
        }
    }

    pub fn expr_skip_init(&mut self, mut k: Hole<'a>, n: &'b Expr<'a>) {
        let untyped = self.t.is_untyped(n.ty) || matches!(n.kind, ExprKind::Nil);
        if k.derefs >= 0 && !untyped && !self.has_pointers(n) {
            k.dst = LocId::BLANK;
        }
        let (src, pos) = (n.src, n.pos);
        match &n.kind {
            ExprKind::Literal
            | ExprKind::Nil
            | ExprKind::Global
            | ExprKind::FuncName(_)
            | ExprKind::FuncRef(_)
            | ExprKind::MethodExpr(_) => {}
            ExprKind::Name(v) => {
                let l = self.old_loc(*v);
                self.flow(k, l);
            }
            ExprKind::Unary(x) => self.discard(x),
            ExprKind::Binary(x, y) | ExprKind::Logical(x, y) => {
                self.discard(x);
                self.discard(y);
            }
            ExprKind::Addr(x) => {
                let k = self.addr_hole(k, src, pos, "address-of");
                self.expr(k, x);
            }
            ExprKind::Deref(x) => {
                let k = self.deref(k, src, pos, "indirection");
                self.expr(k, x);
            }
            ExprKind::Dot { x, ptr: false, .. } => {
                let k = self.note(k, src, pos, "dot");
                self.expr(k, x);
            }
            ExprKind::Dot { x, ptr: true, .. } => {
                let k = self.deref(k, src, pos, "dot of pointer");
                self.expr(k, x);
            }
            ExprKind::DotType(x) => {
                let k = self.dot_type(k, n.ty, src, pos, "dot");
                self.expr(k, x);
            }
            ExprKind::Index { x, index, array } => {
                if *array {
                    let k = self.note(k, src, pos, "fixed-array-index-of");
                    self.expr(k, x);
                } else {
                    let k = self.deref(k, src, pos, "dot of pointer");
                    self.expr(k, x);
                }
                self.discard(index);
            }
            ExprKind::IndexMap { x, index } => {
                self.discard(x);
                self.discard(index);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                let k = self.note(k, src, pos, "slice");
                self.expr(k, x);
                for i in [lo, hi, max].into_iter().flatten() {
                    self.discard(i);
                }
            }
            ExprKind::Conv(x) => {
                if self.t.is_unsafe_ptr(n.ty) && self.t.is_uintptr(x.ty) {
                    self.unsafe_value(k, x);
                } else {
                    self.expr(k, x);
                }
            }
            ExprKind::ConvIface(x) => {
                let mut k = k;
                if !self.t.is_interface(x.ty)
                    && !self.t.is_direct_iface(x.ty)
                    && !matches!(x.kind, ExprKind::Addr(_) | ExprKind::PtrLit(_))
                {
                    k = self.spill(k, n, SiteOp::ConvIface);
                }
                let k = self.note(k, src, pos, "interface-converted");
                self.expr(k, x);
            }
            ExprKind::Slice2ArrPtr(x) => self.expr(k, x),
            ExprKind::Recv(x) => self.discard(x),
            ExprKind::Call(_) => self.call(Some(vec![k]), n),
            ExprKind::New => {
                self.spill(k, n, SiteOp::New);
            }
            ExprKind::MakeSlice { len, cap, size } => {
                self.spill(k, n, SiteOp::MakeSlice(*size));
                self.discard(len);
                if let Some(c) = cap {
                    self.discard(c);
                }
            }
            ExprKind::MakeChan(len) => {
                if let Some(l) = len {
                    self.discard(l);
                }
            }
            ExprKind::MakeMap(len) => {
                self.spill(k, n, SiteOp::MakeMap);
                if let Some(l) = len {
                    self.discard(l);
                }
            }
            ExprKind::MethValue { x, method, sig } => {
                // Flow the receiver to both the closure and the receiver
                // parameter.
                let closure_k = self.spill(k, n, SiteOp::MethValue(x.ty));
                // How the method value is called later is unknown: its
                // results go to the heap.
                let nres = self
                    .t
                    .signature(*sig)
                    .map(|s| self.t.tuple(s.results).len())
                    .unwrap_or(0);
                let ks: Vec<Hole<'a>> = (0..nres).map(|_| self.heap_hole()).collect();
                let callee = method.and_then(|m| self.ir.func_of_obj.get(&m).copied());
                let param_k = self.tag_hole(Some(&ks), Callee::of(callee, *method), 0);
                let k = self.tee_hole(vec![param_k, closure_k]);
                self.expr(k, x);
            }
            ExprKind::PtrLit(x) => {
                let k = self.spill(k, n, SiteOp::PtrLit);
                self.expr(k, x);
            }
            ExprKind::ArrayLit(elts) => {
                for el in elts {
                    let k = self.note(k.clone(), src, pos, "array literal element");
                    self.expr(k, el);
                }
            }
            ExprKind::SliceLit(elts) => {
                let k = self.spill(k, n, SiteOp::SliceLit);
                for el in elts {
                    let k = self.note(k.clone(), src, pos, "slice-literal-element");
                    self.expr(k, el);
                }
            }
            ExprKind::StructLit(elts) => {
                for el in elts {
                    let k = self.note(k.clone(), src, pos, "struct literal element");
                    self.expr(k, el);
                }
            }
            ExprKind::MapLit(pairs) => {
                self.spill(k, n, SiteOp::MapLit);
                // Map keys and values are always stored in the heap.
                for (key, value) in pairs {
                    self.assign_heap(key, "map literal key", src, pos);
                    self.assign_heap(value, "map literal value", src, pos);
                }
            }
            ExprKind::Closure(f) => {
                let k = self.spill(
                    k,
                    n,
                    SiteOp::Closure {
                        func: Some(*f),
                        wrapper: false,
                    },
                );
                self.closures.push((k, ClosureRef::Func(*f)));
                let func = self.ir.func(*f);
                for &cv in &func.closure_vars {
                    let loc = self.old_loc(cv);
                    if !self.loc(loc).captured {
                        self.loc_mut(loc).captured = true;
                        // Ignore reassignments in straight-line code before
                        // the first capture by a closure.
                        if self.loc(loc).loop_depth == self.loop_depth {
                            self.loc_mut(loc).reassigned = false;
                        }
                    }
                }
                self.walk_func(*f);
            }
            ExprKind::StrConv(_, x) => {
                self.spill(k, n, SiteOp::StrConv);
                self.discard(x);
            }
            ExprKind::AddStr(list) => {
                self.spill(k, n, SiteOp::AddStr);
                // Arguments of OADDSTR never escape;
                // runtime.concatstrings makes sure of that.
                self.discards(list);
            }
        }
    }

    /// `&x`: gc's hole.addr under the name `addr` (which this port uses for
    /// the destination of an assignment).
    pub fn addr_hole(&self, k: Hole<'a>, src: Src<'a>, pos: Pos, why: &'static str) -> Hole<'a> {
        self.note(k.shift(-1), src, pos, why)
    }

    /// Evaluates a uintptr-typed arithmetic expression looking for
    /// conversions from an unsafe.Pointer.
    pub fn unsafe_value(&mut self, k: Hole<'a>, n: &'b Expr<'a>) {
        self.stmts(&n.init);
        match &n.kind {
            ExprKind::Conv(x) => {
                if self.t.is_unsafe_ptr(x.ty) {
                    self.expr(k, x);
                } else {
                    self.discard(x);
                }
            }
            ExprKind::Dot { x, ptr: true, .. } => {
                if self.is_reflect_header_data_field(n) {
                    let k = self.deref(k, n.src, n.pos, "reflect.Header.Data");
                    self.expr(k, x);
                } else {
                    self.discard(x);
                }
            }
            ExprKind::Unary(x) => self.unsafe_value(k, x),
            ExprKind::Binary(x, y) => {
                self.unsafe_value(k.clone(), x);
                if self.t.is_uintptr(y.ty) || self.t.is_untyped(y.ty) {
                    self.unsafe_value(k, y);
                } else {
                    // A shift count need not be uintptr (#32959).
                    self.discard(y);
                }
            }
            _ => {
                let d = self.discard_hole();
                self.expr_skip_init(d, n);
            }
        }
    }

    /// Evaluates n for its effects only.
    pub fn discard(&mut self, n: &'b Expr<'a>) {
        let k = self.discard_hole();
        self.expr(k, n);
    }

    pub fn discards(&mut self, l: &'b [Expr<'a>]) {
        for n in l {
            self.discard(n);
        }
    }

    /// A new location for the allocation n; its address flows to k, and
    /// the returned hole stores into it.
    pub fn spill(&mut self, k: Hole<'a>, n: &'b Expr<'a>, op: SiteOp) -> Hole<'a> {
        let kind = match (n.src, op) {
            (Src::DotDotDot(_), _) => SiteKind::DotDotDot,
            (_, SiteOp::ConvIface) => SiteKind::Boxing,
            _ => SiteKind::Expr,
        };
        let site = Site {
            node: n.node,
            kind,
            src: n.src,
            pos: n.pos,
            ty: n.ty,
            op,
        };
        let loc = self.new_loc(LocN::Site(site), true);
        let k = self.addr_hole(k, n.src, n.pos, "spill");
        self.flow(k, loc);
        Hole::of(loc)
    }

    /// gc's HeapAllocReason: why a location must be on the heap whatever
    /// flows to it (too large or too aligned for the stack).
    pub fn heap_alloc_reason(&self, l: LocId) -> Option<&'static str> {
        const MAX_STACK_VAR_SIZE: i64 = 10 * 1024 * 1024;
        const MAX_IMPLICIT_STACK_VAR_SIZE: i64 = 64 * 1024;
        let loc = self.loc(l);
        let t = self.tf(loc.curfn);
        let ty: TypeId = match &loc.n {
            LocN::None => return None,
            LocN::Var(v) => {
                let var = self.ir.var(*v);
                if var.class != Class::Auto {
                    return None;
                }
                var.ty
            }
            LocN::Temp(_, _, t) => *t,
            LocN::Site(s) => s.ty,
        };
        let site = match &loc.n {
            LocN::Site(s) => Some(s),
            _ => None,
        };
        let is_alloc_ptr = site.is_some_and(|s| matches!(s.op, SiteOp::New | SiteOp::PtrLit));
        if (!is_alloc_ptr || ty != TypeId::INVALID) && t.size(ty) > MAX_STACK_VAR_SIZE {
            return Some("too large for stack");
        }
        if is_alloc_ptr {
            let elem = t.elem(ty);
            if t.size(elem) > MAX_IMPLICIT_STACK_VAR_SIZE {
                return Some("too large for stack");
            }
        }
        match site.map(|s| s.op) {
            Some(SiteOp::Closure { func: Some(f), .. }) => {
                let mut size = 8;
                for &cv in &self.ir.func(f).closure_vars {
                    let byval = self.st.byval.get(&cv).copied().unwrap_or(false);
                    size += if byval {
                        t.size(self.ir.var(cv).ty).max(8)
                    } else {
                        8
                    };
                }
                if size > MAX_IMPLICIT_STACK_VAR_SIZE {
                    return Some("too large for stack");
                }
            }
            Some(SiteOp::MethValue(rt)) if 8 + t.size(rt) > MAX_IMPLICIT_STACK_VAR_SIZE => {
                return Some("too large for stack");
            }
            Some(SiteOp::MakeSlice(size)) => {
                let Some(r) = size else {
                    return Some("non-constant size");
                };
                let es = t.size(t.elem(ty));
                if es != 0 && r > MAX_IMPLICIT_STACK_VAR_SIZE / es {
                    return Some("too large for stack");
                }
            }
            _ => {}
        }
        None
    }
}

/// A statically known callee (gc's fn *ir.Name): a function of this
/// package, or one of another package (by object).
#[derive(Clone, Copy, Debug)]
pub struct Callee {
    pub func: Option<FuncId>,
    pub obj: Option<crate::types::object::ObjId>,
}

impl Callee {
    pub fn of(func: Option<FuncId>, obj: Option<crate::types::object::ObjId>) -> Option<Callee> {
        if func.is_none() && obj.is_none() {
            None
        } else {
            Some(Callee { func, obj })
        }
    }
}
