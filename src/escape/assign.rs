//! Assignments (gc's assign.go): the hole a destination expression stands
//! for, and the bookkeeping of which variables are reassigned (which
//! decides whether closures may capture them by value).
//!
//! Invariants: storing through a pointer, into a slice element, a map or a
//! global is storing into the heap (`addr` returns the heap hole), while
//! storing into a local variable, a field of one or an element of a local
//! array stores into that variable's location. A variable is "reassigned"
//! by any assignment other than the one that declared it, except the
//! zero-value initialization of `var x T`; range variables count as
//! reassigned on every iteration.

use super::escape::Escape;
use super::graph::Hole;
use super::ir::*;
use crate::syntax::pos::Pos;

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// The hole that represents storing into the addressable expression n.
    pub fn addr(&mut self, n: Option<&'b Expr<'a>>) -> Hole<'a> {
        let Some(n) = n else {
            return self.discard_hole();
        };
        let mut k = self.heap_hole();
        match &n.kind {
            ExprKind::Name(v) => {
                if self.ir.var(*v).blank {
                    return self.discard_hole();
                }
                k = Hole::of(self.old_loc(*v));
            }
            ExprKind::Global => {}
            ExprKind::Dot { x, ptr: false, .. } => k = self.addr(Some(x)),
            ExprKind::Index { x, index, array } => {
                self.discard(index);
                if *array {
                    k = self.addr(Some(x));
                } else {
                    self.discard(x);
                }
            }
            ExprKind::Deref(_) | ExprKind::Dot { ptr: true, .. } => self.discard(n),
            ExprKind::IndexMap { x, index } => {
                self.discard(x);
                self.assign_heap(index, "key of map put", n.src, n.pos);
            }
            _ => {}
        }
        k
    }

    pub fn addrs(&mut self, l: &[Option<&'b Expr<'a>>]) -> Vec<Hole<'a>> {
        l.iter().map(|n| self.addr(*n)).collect()
    }

    pub fn assign_heap(&mut self, src: &'b Expr<'a>, why: &'static str, where_: Src<'a>, pos: Pos) {
        let k = self.heap_hole();
        let k = self.note(k, where_, pos, why);
        self.expr(k, src);
    }

    /// dsts... = srcs...
    pub fn assign_list(
        &mut self,
        dsts: &[Option<&'b Expr<'a>>],
        srcs: &'b [Expr<'a>],
        why: &'static str,
        where_: &'b Stmt<'a>,
    ) {
        let ks = self.addrs(dsts);
        for (i, k) in ks.iter().enumerate() {
            let src = srcs.get(i);
            let mut k = k.clone();
            if let Some(dst) = dsts.get(i).copied().flatten() {
                // Implicit conversion of uintptr to unsafe.Pointer when
                // storing into reflect.{Slice,String}Header.
                if let ExprKind::Dot { ptr: true, .. } = dst.kind {
                    if self.is_reflect_header_data_field(dst) {
                        if let Some(src) = src {
                            let h = self.heap_hole();
                            let h = self.note(h, where_.src, where_.pos, why);
                            self.unsafe_value(h, src);
                        }
                        continue;
                    }
                }
                // Filter out some no-op assignments.
                if let Some(src) = src {
                    if super::utils::is_self_assign(dst, src) {
                        if self.m != 0 {
                            let text = format!(
                                "{} ignoring self-assignment in {}",
                                self.ir.func(self.curfn).name,
                                self.src_string(where_.src)
                            );
                            self.diag(where_.pos, text);
                        }
                        k = self.discard_hole();
                    }
                }
            }
            let k = self.note(k, where_.src, where_.pos, why);
            if let Some(src) = src {
                self.expr(k, src);
            }
        }
        self.reassigned_holes(&ks, where_, dsts);
    }

    /// return results...: the destinations are the result variables.
    pub fn assign_return(
        &mut self,
        dsts: &[Option<VarId>],
        srcs: &'b [Expr<'a>],
        where_: &'b Stmt<'a>,
    ) {
        let ks: Vec<Hole<'a>> = dsts
            .iter()
            .map(|d| match d {
                Some(v) => Hole::of(self.old_loc(*v)),
                None => self.discard_hole(),
            })
            .collect();
        for (i, k) in ks.iter().enumerate() {
            let k = self.note(k.clone(), where_.src, where_.pos, "return");
            if let Some(src) = srcs.get(i) {
                self.expr(k, src);
            }
        }
        for k in &ks {
            self.loc_mut(k.dst).reassigned = true;
        }
    }

    /// Marks the locations of ks as reassigned, unless where declared them
    /// (gc's reassigned).
    pub fn reassigned_holes(
        &mut self,
        ks: &[Hole<'a>],
        where_: &'b Stmt<'a>,
        dsts: &[Option<&'b Expr<'a>>],
    ) {
        if let StmtKind::Assign {
            op: AsOp::As, rhs, ..
        } = &where_.kind
        {
            if rhs.is_empty() {
                if let Some(Some(Expr {
                    kind: ExprKind::Name(v),
                    ..
                })) = dsts.first()
                {
                    if self.ir.var(*v).defn == Defn::None {
                        // Zero-value initialization of `var x T`.
                        return;
                    }
                }
            }
        }
        let is_range = matches!(where_.kind, StmtKind::Range { .. });
        for k in ks {
            let loc = k.dst;
            if let super::graph::LocN::Var(v) = self.loc(loc).n {
                if self.ir.var(v).defn == Defn::Stmt(where_.sid) && !is_range {
                    continue;
                }
            }
            self.loc_mut(loc).reassigned = true;
        }
    }

    /// ir.IsReflectHeaderDataField: `p.Data` of a reflect.SliceHeader or
    /// reflect.StringHeader.
    pub fn is_reflect_header_data_field(&self, n: &Expr<'a>) -> bool {
        let ExprKind::Dot { x, field, .. } = &n.kind else {
            return false;
        };
        if self.t.c.obj(*field).name.as_str() != "Data" {
            return false;
        }
        let base = if self.t.is_ptr(x.ty) {
            self.t.elem(x.ty)
        } else {
            x.ty
        };
        let Some(named) = self.t.c.types.named(base) else {
            return false;
        };
        let obj = self.t.c.obj(named.obj);
        let name = obj.name.as_str();
        (name == "SliceHeader" || name == "StringHeader")
            && obj
                .pkg
                .is_some_and(|p| self.t.c.package(p).path == "reflect")
    }
}
