//! Method values and method expressions of concrete types.
//!
//! A method value `x.M` is a funcval `{fn: M-fm, recv}`: the receiver is
//! evaluated (and, for embedded paths, reached) when the value is made,
//! as Go requires, and gc's wrapper `main.T.M-fm` loads it from the
//! context register and calls the method with the call's arguments. The
//! wrapper is marked as such, so tracebacks elide it as gc's do.
//!
//! A method expression `T.M` or `(*T).M` whose receiver type is the
//! method's own is the method itself (a method's receiver is its first
//! parameter, the funcval calling convention). `(*T).M` of a value method
//! needs gc's `(*T).M` wrapper, which the interface work compiles.

use goscope_runtime::vm::Op;

use super::func::{FnBuilder, WIN};
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::info::{Selection, SelectionKind};
use crate::types::ty::TypeId;

impl<'c, 'a> Compiler<'c, 'a> {
    /// Compiles `e` into `d` if it is a func value made from a method
    /// (`x.M`, `T.M`) or an instantiated generic function (`F[int]`).
    pub(super) fn func_operand_to(&mut self, e: &Expr, d: u32) -> CResult<bool> {
        match &e.kind {
            ExprKind::Selector { .. } => {
                let Some(sel) = self
                    .selection(e.id)
                    .filter(|s| s.kind != SelectionKind::FieldVal)
                else {
                    // `strings.ToUpper` as a value (native.rs).
                    return self.std_func_value(e, d);
                };
                // Interface methods: iface.rs (`iface_method_func`).
                // (A method expression of a type embedding an interface
                // is the wrapper below.)
                let ExprKind::Selector { x, .. } = &e.kind else {
                    return Ok(false);
                };
                let on_iface = self.c.types.interface(self.lay.under(self.ty(x))).is_some();
                if self.is_iface_method(sel.obj)
                    && (sel.kind != SelectionKind::MethodExpr || on_iface)
                {
                    return Ok(false);
                }
                self.method_value(e, &sel, d)?;
                Ok(true)
            }
            ExprKind::Index { .. } => {
                let Some(id) = self.instance_callee(e) else {
                    return Ok(false);
                };
                self.func_value(id, d);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `x.M` or `T.M` not called at once: its func value into `d`.
    pub(super) fn method_value(&mut self, e: &Expr, sel: &Selection, d: u32) -> CResult<()> {
        let ExprKind::Selector { x, .. } = &e.kind else {
            return Err(self.unsupported(e.pos, "method values"));
        };
        if sel.kind == SelectionKind::MethodExpr && self.func_id(sel.obj).is_none() {
            // A method of an embedded interface.
            let Some(sig) = self.c.types.signature(self.obj_type(sel.obj)).cloned() else {
                return Err(self.unsupported(e.pos, "method values"));
            };
            let id = self.method_expr_wrapper(self.ty(x), sel.obj, &sig)?;
            self.func_value(id, d);
            return Ok(());
        }
        let Some(mid) = self.func_id(sel.obj) else {
            return Err(self.unsupported(e.pos, "method values of this type"));
        };
        let mty = self.obj_type(sel.obj);
        let Some(sig) = self.c.types.signature(mty).cloned() else {
            return Err(self.unsupported(e.pos, "method values"));
        };
        let rt = sig
            .recv
            .map(|r| self.obj_type(r))
            .unwrap_or(TypeId::INVALID);
        let want_ptr = self.c.func_has_ptr_recv(sel.obj);
        if sel.kind == SelectionKind::MethodExpr {
            let x_is_ptr = self.c.types.deref(self.ty(x)).1;
            let id = if sel.index.len() == 1 && x_is_ptr == want_ptr {
                mid
            } else {
                self.method_expr_wrapper(self.ty(x), sel.obj, &sig)?
            };
            self.func_value(id, d);
            return Ok(());
        }
        let recv = self.method_recv(x, &sel.index, want_ptr)?;
        let wid = self.fm_wrapper(mid, &sig, rt)?;
        let rsize = self.lay.slots(rt) * 8;
        let k = self.funcval_konst(8 + rsize, &[(8, Some(rt))]);
        self.f.emit(Op::Newobject { a: d, k });
        let t = self.f.alloc(1, false);
        self.load_word(t, wid as u64);
        self.f.emit(Op::Store64 { a: d, off: 0, b: t });
        self.store_mem(d, 8, recv, rt);
        Ok(())
    }

    /// The function of method expression `T.M` (receiver type `t`) whose
    /// method is promoted or, for `(*T).M`, has a value receiver: gc's
    /// wrapper `main.T.M` / `main.(*T).M`. For a pointer or pointer-shaped
    /// `t` that is the itab's code (the receiver is one word either way);
    /// otherwise a wrapper boxes the receiver value and calls that code.
    fn method_expr_wrapper(
        &mut self,
        t: TypeId,
        method: crate::types::object::ObjId,
        sig: &crate::types::ty::Signature,
    ) -> CResult<u32> {
        let code = self.rt.method_code(t, method);
        self.sync_funcs();
        if super::typedesc::pointer_shaped(&self.lay, t) {
            return Ok(code);
        }
        let key = (t, method);
        if let Some(&id) = self.boxed_method_exprs.get(&key) {
            return Ok(id);
        }
        let id = self.new_func();
        self.boxed_method_exprs.insert(key, id);
        let name = format!(
            "{}.{}",
            self.rt.type_name(t),
            self.c.obj(method).name.as_str()
        );
        let mut f = FnBuilder::new(name);
        f.wrapper = true;
        let rn = self.lay.slots(t);
        let p: u32 = self
            .c
            .types
            .tuple_vars(sig.params)
            .iter()
            .map(|v| self.lay.slots(self.obj_type(*v)))
            .sum();
        let r = self.lay.slots(sig.results);
        f.alloc(rn + p, true);
        f.param_slots = rn + p;
        f.alloc(r, true);
        f.result_slots = r;
        let outer = std::mem::replace(&mut self.f, f);
        let k = self.type_konst(t);
        let bx = self.f.alloc(1, true);
        self.f.emit(Op::Newobject { a: bx, k });
        self.store_mem(bx, 0, 0, t);
        self.mov(WIN, bx, 1);
        self.mov(WIN + 1, rn, p);
        self.f.use_window(1 + p + r);
        self.f.emit(Op::Call { a: WIN, f: code });
        self.mov(rn + p, WIN + 1 + p, r);
        self.f.epilogue = self.f.code.len() as u32;
        self.f.emit(Op::Ret {});
        let f = std::mem::replace(&mut self.f, outer);
        self.prog.funcs[id as usize] = f.finish(&self.file)?;
        Ok(id)
    }

    /// gc's `M-fm` wrapper of method function `mid`, compiled once (named
    /// after the method by [`Compiler::name_fm_wrappers`]).
    fn fm_wrapper(
        &mut self,
        mid: u32,
        sig: &crate::types::ty::Signature,
        rt: TypeId,
    ) -> CResult<u32> {
        if let Some(&id) = self.fm_wrappers.get(&mid) {
            return Ok(id);
        }
        let id = self.new_func();
        self.fm_wrappers.insert(mid, id);
        let mut f = FnBuilder::new(String::new());
        f.wrapper = true;
        let p: u32 = self
            .c
            .types
            .tuple_vars(sig.params)
            .iter()
            .map(|v| self.lay.slots(self.obj_type(*v)))
            .sum();
        let r: u32 = self
            .c
            .types
            .tuple_vars(sig.results)
            .iter()
            .map(|v| self.lay.slots(self.obj_type(*v)))
            .sum();
        f.alloc(p, true);
        f.param_slots = p;
        f.alloc(r, true);
        f.result_slots = r;
        let outer = std::mem::replace(&mut self.f, f);
        let rn = self.lay.slots(rt);
        let ctx = self.f.alloc(1, true);
        self.f.emit(Op::LoadCtxt { a: ctx });
        let tmp = self.f.alloc(rn, true);
        self.load_mem(tmp, ctx, 8, rt);
        self.mov(WIN, tmp, rn);
        self.mov(WIN + rn, 0, p);
        self.f.use_window(rn + p + r);
        self.f.emit(Op::Call { a: WIN, f: mid });
        self.mov(p, WIN + rn + p, r);
        self.f.epilogue = self.f.code.len() as u32;
        self.f.emit(Op::Ret {});
        let f = std::mem::replace(&mut self.f, outer);
        self.prog.funcs[id as usize] = f.finish(&self.file)?;
        Ok(id)
    }

    /// Names each `-fm` wrapper after its method, once every function is
    /// compiled.
    pub(super) fn name_fm_wrappers(&mut self) {
        for (&mid, &wid) in &self.fm_wrappers {
            let name = format!("{}-fm", self.prog.funcs[mid as usize].name);
            self.prog.funcs[wid as usize].name = name;
        }
    }
}
