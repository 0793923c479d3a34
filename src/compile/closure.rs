//! Function literals and function values: a func value is a pointer to a
//! funcval `{fn, captured...}` (docs/vm.md section 4).
//!
//! A closure captures each free variable by value or by reference as
//! escape analysis decided (`EscapeInfo::captured_by_value`): by value,
//! the funcval holds a copy; by reference, it holds the address of the
//! variable's cell (such variables always live in cells, see
//! `Compiler::needs_cell`). The closure's prologue reads the funcval from
//! the context register (`LoadCtxt`) and binds each capture.

use goscope_runtime::vm::Op;

use super::func::{FnBuilder, Loc};
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::object::ObjId;
use crate::types::ty::TypeId;

/// One captured variable: its object, whether by value, its offset in the
/// funcval and its type.
struct Capture {
    obj: ObjId,
    by_value: bool,
    off: u32,
    ty: TypeId,
}

impl<'c, 'a> Compiler<'c, 'a> {
    /// `func(...) {...}`: compiles the body as a new function and builds
    /// its funcval into `d`.
    pub(super) fn func_lit(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let ExprKind::FuncLit { body, .. } = &e.kind else {
            return Err(self.unsupported(e.pos, "function literal"));
        };
        // Free variables: names used inside that are variables of the
        // enclosing function(s).
        let mut caps: Vec<Capture> = Vec::new();
        let mut off = 8u32;
        let mut seen = std::collections::HashSet::new();
        let mut objs = Vec::new();
        super::walk::stmts(&body.stmts, &mut |x| {
            if x.as_name().is_some() {
                if let Some(o) = self.c.info.use_of(x.id) {
                    if self.f.vars.contains_key(&o) && seen.insert(o) {
                        objs.push(o);
                    }
                }
            }
        });
        for o in objs {
            let by_value = self.esc.captured_by_value.get(&o).copied().unwrap_or(false)
                && matches!(self.f.vars.get(&o), Some(Loc::Reg(_)));
            let ty = self.obj_type(o);
            let size = if by_value { self.lay.slots(ty) * 8 } else { 8 };
            caps.push(Capture {
                obj: o,
                by_value,
                off,
                ty,
            });
            off += size;
        }
        // Compile the literal's body as its own function.
        self.lit_count += 1;
        let name = format!("{}.func{}", self.f.name, self.lit_count);
        let id = self.new_func();
        let sig = self
            .c
            .types
            .signature(self.lay.under(self.raw_ty(e)))
            .cloned()
            .ok_or_else(|| self.unsupported(e.pos, "function literal type"))?;
        let outer = std::mem::replace(&mut self.f, FnBuilder::new(name));
        let outer_count = std::mem::replace(&mut self.lit_count, 0);
        self.set_line(e.pos);
        let r = (|| -> CResult<goscope_runtime::vm::Func> {
            self.params(&sig)?;
            let ctx = self.f.alloc(1, true);
            // The prologue reads the context before anything can call.
            let first = self.f.code.len();
            self.f.emit(Op::LoadCtxt { a: ctx });
            let _ = first;
            for c in &caps {
                if c.by_value {
                    let s = self.temp(c.ty);
                    self.load_mem(s, ctx, c.off, c.ty);
                    self.f.vars.insert(c.obj, Loc::Reg(s));
                } else {
                    let p = self.f.alloc(1, true);
                    self.f.emit(Op::Load64 {
                        a: p,
                        b: ctx,
                        off: c.off,
                    });
                    self.f.vars.insert(c.obj, Loc::Ind(p));
                }
            }
            self.block(&body.stmts)?;
            self.set_line(body.rbrace);
            self.f.epilogue = self.f.code.len() as u32;
            self.emit_return()?;
            let f = std::mem::replace(&mut self.f, FnBuilder::new(String::new()));
            f.finish(&self.file)
        })();
        self.f = outer;
        self.lit_count = outer_count;
        self.prog.funcs[id as usize] = r?;
        // Build the funcval.
        let size = off;
        let shape: Vec<_> = caps
            .iter()
            .map(|c| (c.off, c.by_value.then_some(c.ty)))
            .collect();
        let k = self.funcval_konst(size, &shape);
        self.f.emit(Op::Newobject { a: d, k });
        let t = self.f.alloc(1, false);
        self.load_word(t, id as u64);
        self.f.emit(Op::Store64 { a: d, off: 0, b: t });
        for c in &caps {
            match self.f.vars.get(&c.obj).copied() {
                Some(Loc::Reg(s)) if c.by_value => self.store_mem(d, c.off, s, c.ty),
                Some(Loc::Ind(p)) => self.f.emit(Op::Store64 {
                    a: d,
                    off: c.off,
                    b: p,
                }),
                _ => return Err(self.unsupported(e.pos, "capture of this variable")),
            }
        }
        Ok(())
    }

    /// `defer f(args)`: the function value or receiver and the arguments
    /// are evaluated now (Go's rule) and stored in a funcval of a wrapper
    /// function (gc's wrapper closures for go/defer); `Deferproc` records
    /// it. The wrapper compiles the original call with each operand
    /// expression bound to its captured value (`FnBuilder::overrides`), so
    /// every kind of call (Go functions, methods, func values, builtins,
    /// the fmt bridge) works the same way.
    pub(super) fn defer_stmt(&mut self, call: &Expr) -> CResult<()> {
        let call = call.unparen();
        let ExprKind::Call { fun, args, .. } = &call.kind else {
            return Err(self.unsupported(call.pos, "defer of a non-call"));
        };
        let fun_u = fun.unparen();
        // (expression id, slot, type, by address)
        let mut caps: Vec<(crate::syntax::ast::NodeId, u32, TypeId, bool)> = Vec::new();
        let is_static = fun_u.as_name().is_some()
            && self.c.info.use_of(fun_u.id).is_some_and(|o| {
                !matches!(
                    self.c.obj(o).kind,
                    crate::types::object::ObjKind::Var { .. }
                )
            });
        if let Some(sel) = self.selection(fun_u.id) {
            if let ExprKind::Selector { x, .. } = &fun_u.kind {
                let xt = self.ty(x);
                let want_ptr = self.c.func_has_ptr_recv(sel.obj);
                if want_ptr && self.lay.kind(xt) != K::Ptr && sel.index.len() == 1 {
                    let (p, off) = self.addr_of(x)?;
                    let s = self.f.alloc(1, true);
                    self.f.emit(Op::AddIK { a: s, b: p, i: off });
                    caps.push((x.id, s, xt, true));
                } else {
                    let v = self.expr_copy_pub(x)?;
                    if self.lay.kind(xt) == K::Iface && self.is_iface_method(sel.obj) {
                        // gc evaluates x.M at the defer statement: a nil
                        // interface panics there, not when the call runs.
                        self.f.emit(Op::NilCheck { a: v });
                    }
                    caps.push((x.id, v, xt, false));
                }
            }
        } else if !is_static && !matches!(fun_u.kind, ExprKind::Selector { .. }) {
            let v = self.expr_copy_pub(fun_u)?;
            caps.push((fun_u.id, v, self.ty(fun_u), false));
        }
        for a in args {
            // Converted (if at all) by the call inside the wrapper.
            let saved = self.conv_ok.replace(a.unparen().id);
            let v = self.expr_copy_pub(a);
            self.conv_ok = saved;
            let v = v?;
            caps.push((a.unparen().id, v, self.ty(a), false));
        }
        let mut off = 8u32;
        let mut layout = Vec::new();
        for (_, _, t, by_addr) in &caps {
            layout.push(off);
            off += if *by_addr { 8 } else { self.lay.slots(*t) * 8 };
        }
        // The wrapper.
        // gc's wrappers do not take a number from the function literals.
        self.wrap_count += 1;
        let name = format!("{}.deferwrap{}", self.f.name, self.wrap_count);
        let id = self.new_func();
        let outer = std::mem::replace(&mut self.f, FnBuilder::new(name));
        let outer_vars = outer.vars.clone();
        self.f.wrapper = true;
        self.set_line(call.pos);
        let r = (|| -> CResult<goscope_runtime::vm::Func> {
            let ctx = self.f.alloc(1, true);
            self.f.emit(Op::LoadCtxt { a: ctx });
            for ((eid, _, t, by_addr), o) in caps.iter().zip(&layout) {
                let n = if *by_addr { 1 } else { self.lay.slots(*t) };
                let s = self.f.alloc(n, true);
                for i in 0..n {
                    self.f.emit(Op::Load64 {
                        a: s + i,
                        b: ctx,
                        off: o + 8 * i,
                    });
                }
                self.f.overrides.insert(*eid, (s, *by_addr));
            }
            // Names inside the call that are not captured operands (a
            // method receiver's fields are not read) keep no binding.
            let _ = &outer_vars;
            self.call(call)?;
            self.f.epilogue = self.f.code.len() as u32;
            self.f.emit(Op::Ret {});
            let f = std::mem::replace(&mut self.f, FnBuilder::new(String::new()));
            f.finish(&self.file)
        })();
        self.f = outer;
        self.prog.funcs[id as usize] = r?;
        let d = self.f.alloc(1, true);
        let shape: Vec<_> = caps
            .iter()
            .zip(&layout)
            .map(|((_, _, t, by_addr), o)| (*o, (!*by_addr).then_some(*t)))
            .collect();
        let k = self.funcval_konst(off, &shape);
        self.f.emit(Op::Newobject { a: d, k });
        let t = self.f.alloc(1, false);
        self.load_word(t, id as u64);
        self.f.emit(Op::Store64 { a: d, off: 0, b: t });
        for ((_, slot, ty, by_addr), o) in caps.iter().zip(&layout) {
            let n = if *by_addr { 1 } else { self.lay.slots(*ty) };
            for i in 0..n {
                self.f.emit(Op::Store64 {
                    a: d,
                    off: o + 8 * i,
                    b: slot + i,
                });
            }
        }
        self.set_line(call.pos);
        self.f.emit(Op::Deferproc { a: d });
        Ok(())
    }

    /// A top-level function used as a value: a funcval without captures.
    pub(super) fn func_value(&mut self, id: u32, d: u32) {
        self.func_value_sized(id, 8, &[], d)
    }

    /// A funcval of `size` bytes calling `id`, captures left zero; `caps`
    /// gives their offsets and types for the collector (see
    /// `funcval_konst`).
    pub(super) fn func_value_sized(
        &mut self,
        id: u32,
        size: u32,
        caps: &[(u32, Option<TypeId>)],
        d: u32,
    ) {
        let k = self.funcval_konst(size, caps);
        self.f.emit(Op::Newobject { a: d, k });
        let t = self.f.alloc(1, false);
        self.load_word(t, id as u64);
        self.f.emit(Op::Store64 { a: d, off: 0, b: t });
    }
}
