//! What gc knows of a local's value before escape analysis: ir.StaticValue
//! (a local initialized once and never reassigned stands for its
//! initializer), ir.reassigned, and the devirtualization pass built on
//! them (devirtualize.go: `var i I = &T{}; i.M()` calls (*T).M directly).
//!
//! These decide which callee a call statically has, and so whether its
//! arguments follow the callee's tags or go to the heap.
//!
//! Invariant: `Var::reassigned` is gc's ir.reassigned: true if the
//! variable is the destination of any OAS or OAS2-family assignment other
//! than its definition, or if its address is taken (`&x`, `&x.f`, `&a[i]`
//! of an array, implicitly by a pointer-method call or by slicing an
//! array), anywhere in its function or nested closures. `x += 1` and range
//! assignments do not count, as in gc.

use super::ir::*;
use super::typeutil::Types;
use super::visit::{self, Visitor};
use super::Diag;
use crate::types::object::ObjId;
use crate::types::ty::{Type, TypeId};

struct Reassign<'v> {
    flags: &'v mut Vec<bool>,
    defns: Vec<Defn>,
}

impl Reassign<'_> {
    fn mark_lhs(&mut self, e: &Expr<'_>, sid: u32) {
        if let ExprKind::Name(v) = e.kind {
            if self.defns.get(v.index()) != Some(&Defn::Stmt(sid)) {
                if let Some(f) = self.flags.get_mut(v.index()) {
                    *f = true;
                }
            }
        }
    }
}

impl<'a> Visitor<'a> for Reassign<'_> {
    fn stmt(&mut self, s: &Stmt<'a>) {
        if let StmtKind::Assign { op, lhs, .. } = &s.kind {
            if *op != AsOp::AsOp {
                for l in lhs.iter().flatten() {
                    self.mark_lhs(l, s.sid);
                }
            }
        }
    }
    fn expr(&mut self, e: &Expr<'a>) {
        if let ExprKind::Addr(x) = &e.kind {
            if let ExprKind::Name(v) = outer_value(x).kind {
                if let Some(f) = self.flags.get_mut(v.index()) {
                    *f = true;
                }
            }
        }
    }
}

/// ir.OuterValue: the variable a field or array element belongs to.
pub fn outer_value<'e, 'a>(mut n: &'e Expr<'a>) -> &'e Expr<'a> {
    loop {
        match &n.kind {
            ExprKind::Dot { x, ptr: false, .. } => n = x,
            ExprKind::Index { x, array: true, .. } if !matches!(x.kind, ExprKind::Deref(_)) => {
                n = x
            }
            ExprKind::Conv(x) if x.ty == n.ty => n = x,
            _ => return n,
        }
    }
}

/// Computes ir.reassigned for every variable.
pub fn compute_reassigned(ir: &Ir<'_>) -> Vec<bool> {
    let mut flags = vec![false; ir.vars.len()];
    let defns = ir.vars.iter().map(|v| v.defn.clone()).collect();
    let mut r = Reassign {
        flags: &mut flags,
        defns,
    };
    for f in &ir.funcs {
        visit::stmts(&mut r, &f.body);
    }
    flags
}

/// ir.StaticValue of a reference to v from function `curfn`: follows
/// never-reassigned locals to their initializers.
pub fn static_value(ir: &Ir<'_>, mut v: VarId, curfn: FuncId) -> Option<StaticRhs> {
    for _ in 0..ir.vars.len() + 1 {
        let var = ir.var(v);
        // Only PAUTO: parameters and (inside a closure) captured variables
        // have no static value.
        if var.class != Class::Auto || var.func != curfn || var.reassigned {
            return None;
        }
        match var.static_rhs.as_ref()? {
            StaticRhs::Var(w) => v = *w,
            other => return Some(other.clone()),
        }
    }
    None
}

/// devirtualize.Func over every function: an interface method call whose
/// receiver is statically a conversion from a concrete type calls that
/// type's method directly. Returns gc's "devirtualizing" notes.
/// What devirtualization reports: gc's notes, and how the rewritten calls
/// print.
#[derive(Default)]
pub struct Out {
    pub diags: Vec<Diag>,
    pub overrides: Vec<(crate::syntax::ast::NodeId, String)>,
}

pub fn devirtualize(ir: &mut Ir<'_>, t: &Types<'_, '_>) -> Vec<Diag> {
    let mut diags = Out::default();
    for fi in 0..ir.funcs.len() {
        if ir.funcs[fi].name == "init" && ir.funcs[fi].obj.is_none() {
            continue;
        }
        let mut body = std::mem::take(&mut ir.funcs[fi].body);
        let f = FuncId(fi as u32);
        // Inside a generic copy, with its type arguments.
        let tf = t.with_subst(ir.funcs[fi].subst.clone());
        for s in body.iter_mut() {
            devirt_stmt(ir, &tf, f, s, &mut diags);
        }
        ir.funcs[fi].body = body;
    }
    ir.print_override.extend(diags.overrides);
    diags.diags
}

fn devirt_stmt<'a>(ir: &Ir<'a>, t: &Types<'_, '_>, f: FuncId, s: &mut Stmt<'a>, d: &mut Out) {
    for i in s.init.iter_mut() {
        devirt_stmt(ir, t, f, i, d);
    }
    match &mut s.kind {
        StmtKind::Block(b) => b.iter_mut().for_each(|x| devirt_stmt(ir, t, f, x, d)),
        StmtKind::If {
            cond, body, els, ..
        } => {
            devirt_expr(ir, t, f, cond, d);
            body.iter_mut()
                .chain(els.iter_mut())
                .for_each(|x| devirt_stmt(ir, t, f, x, d));
        }
        StmtKind::For { cond, post, body } => {
            if let Some(c) = cond {
                devirt_expr(ir, t, f, c, d);
            }
            if let Some(p) = post {
                devirt_stmt(ir, t, f, p, d);
            }
            body.iter_mut().for_each(|x| devirt_stmt(ir, t, f, x, d));
        }
        StmtKind::Range { x, body, .. } => {
            devirt_expr(ir, t, f, x, d);
            body.iter_mut().for_each(|s| devirt_stmt(ir, t, f, s, d));
        }
        StmtKind::Switch { tag, guard, cases } => {
            if let Some(x) = tag {
                devirt_expr(ir, t, f, x, d);
            }
            if let Some((g, _)) = guard {
                devirt_expr(ir, t, f, g, d);
            }
            for c in cases {
                c.list.iter_mut().for_each(|x| devirt_expr(ir, t, f, x, d));
                c.body.iter_mut().for_each(|x| devirt_stmt(ir, t, f, x, d));
            }
        }
        StmtKind::Select(cases) => {
            for (c, b) in cases {
                if let Some(c) = c {
                    devirt_stmt(ir, t, f, c, d);
                }
                b.iter_mut().for_each(|x| devirt_stmt(ir, t, f, x, d));
            }
        }
        StmtKind::Recv(e) | StmtKind::Call(e) | StmtKind::GoDefer { call: e, .. } => {
            devirt_expr(ir, t, f, e, d)
        }
        StmtKind::Send { ch, value } => {
            devirt_expr(ir, t, f, ch, d);
            devirt_expr(ir, t, f, value, d);
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter_mut()
                .flatten()
                .for_each(|x| devirt_expr(ir, t, f, x, d));
            rhs.iter_mut().for_each(|x| devirt_expr(ir, t, f, x, d));
        }
        StmtKind::Return(l) => l.iter_mut().for_each(|x| devirt_expr(ir, t, f, x, d)),
        StmtKind::Nop | StmtKind::Dcl(_) | StmtKind::Label(_) | StmtKind::Goto(_) => {}
    }
}

fn devirt_expr<'a>(ir: &Ir<'a>, t: &Types<'_, '_>, f: FuncId, e: &mut Expr<'a>, d: &mut Out) {
    for i in e.init.iter_mut() {
        devirt_stmt(ir, t, f, i, d);
    }
    let pos = e.pos;
    match &mut e.kind {
        ExprKind::Call(c) => {
            if let Some(x) = c.fun.as_mut() {
                devirt_expr(ir, t, f, x, d);
            }
            if let Some(x) = c.recv.as_mut() {
                devirt_expr(ir, t, f, x, d);
            }
            c.args.iter_mut().for_each(|x| devirt_expr(ir, t, f, x, d));
            if c.kind == CallKind::Inter {
                devirt_call(ir, t, f, c, pos, d);
            }
        }
        ExprKind::Unary(x)
        | ExprKind::Addr(x)
        | ExprKind::Deref(x)
        | ExprKind::Dot { x, .. }
        | ExprKind::DotType(x)
        | ExprKind::Conv(x)
        | ExprKind::ConvIface(x)
        | ExprKind::StrConv(_, x)
        | ExprKind::Slice2ArrPtr(x)
        | ExprKind::Recv(x)
        | ExprKind::PtrLit(x)
        | ExprKind::MethValue { x, .. } => devirt_expr(ir, t, f, x, d),
        ExprKind::Binary(x, y)
        | ExprKind::Logical(x, y)
        | ExprKind::Index { x, index: y, .. }
        | ExprKind::IndexMap { x, index: y } => {
            devirt_expr(ir, t, f, x, d);
            devirt_expr(ir, t, f, y, d);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            devirt_expr(ir, t, f, x, d);
            for i in [lo, hi, max].into_iter().flatten() {
                devirt_expr(ir, t, f, i, d);
            }
        }
        ExprKind::MakeSlice { len, cap, .. } => {
            devirt_expr(ir, t, f, len, d);
            if let Some(c) = cap {
                devirt_expr(ir, t, f, c, d);
            }
        }
        ExprKind::MakeChan(Some(l)) | ExprKind::MakeMap(Some(l)) => devirt_expr(ir, t, f, l, d),
        ExprKind::ArrayLit(l)
        | ExprKind::SliceLit(l)
        | ExprKind::StructLit(l)
        | ExprKind::AddStr(l) => {
            l.iter_mut().for_each(|x| devirt_expr(ir, t, f, x, d));
        }
        ExprKind::MapLit(pairs) => {
            for (k, v) in pairs {
                devirt_expr(ir, t, f, k, d);
                devirt_expr(ir, t, f, v, d);
            }
        }
        _ => {}
    }
}

/// Rewrites one OCALLINTER whose receiver is statically a concrete value.
fn devirt_call<'a>(
    ir: &Ir<'a>,
    t: &Types<'_, '_>,
    f: FuncId,
    c: &mut Call<'a>,
    pos: crate::syntax::pos::Pos,
    d: &mut Out,
) {
    let (Some(recv), Some(im)) = (c.recv.as_ref(), c.iface_method) else {
        return;
    };
    let conc = match &recv.kind {
        ExprKind::ConvIface(x) if !t.is_interface(x.ty) => x.ty,
        ExprKind::Name(v) => match static_value(ir, *v, f) {
            Some(StaticRhs::ConvIface(ty)) => ty,
            _ => return,
        },
        _ => return,
    };
    if t.is_interface(conc) {
        return;
    }
    let name = t.c.obj(im).name;
    let Some((path, target)) = find_method(t, conc, name) else {
        return;
    };
    let partial = matches!(target, Target::Iface(_));
    d.diags.push(Diag {
        pos,
        level: 1,
        text: format!(
            "{}devirtualizing {} to {}",
            if partial { "partially " } else { "" },
            sel_string(c),
            type_string(t, conc)
        ),
        at: None,
    });
    let Some(old) = c.recv.take() else {
        return;
    };
    let (rpos, rsrc, rnode) = (old.pos, old.src, old.node);
    let mut r = Expr::leaf(ExprKind::DotType(Box::new(old)), rpos, conc, rsrc, rnode);
    for (field, ptr) in path {
        let fty = t.c.obj_type(field);
        r = Expr::leaf(
            ExprKind::Dot {
                x: Box::new(r),
                ptr,
                field,
            },
            rpos,
            fty,
            rsrc,
            rnode,
        );
    }
    match target {
        Target::Iface(m) => {
            c.recv = Some(r);
            c.iface_method = Some(m);
        }
        Target::Method(m) => {
            let ptr_recv = t
                .signature(t.c.obj_type(m))
                .and_then(|s| s.recv)
                .is_some_and(|rv| matches!(t.get(t.c.obj_type(rv)), Type::Pointer(_)));
            if t.is_ptr(r.ty) && !ptr_recv {
                let elem = t.elem(r.ty);
                r = Expr::leaf(ExprKind::Deref(Box::new(r)), rpos, elem, rsrc, rnode);
            } else if !t.is_ptr(r.ty) && ptr_recv {
                r = Expr::leaf(
                    ExprKind::Addr(Box::new(r)),
                    rpos,
                    TypeId::INVALID,
                    rsrc,
                    rnode,
                );
            }
            // gc prints the call as the method call it became.
            if let Some(syn) = c.syntax {
                if let crate::syntax::ast::ExprKind::Call { fun, args, .. } = &syn.kind {
                    if let crate::syntax::ast::ExprKind::Selector { x, sel } = &fun.unparen().kind {
                        let tn = super::fmt::type_string(conc, t.c);
                        let tq = if t.is_ptr(conc) {
                            format!("({tn})")
                        } else {
                            tn.clone()
                        };
                        let mut parts = vec![format!("{}.({tn})", super::fmt::node_string(x, t.c))];
                        parts.extend(args.iter().map(|a| super::fmt::node_string(a, t.c)));
                        let text = format!("{tq}.{}({})", sel.sym.as_str(), parts.join(", "));
                        d.overrides.push((syn.id, text));
                    }
                }
            }
            let sig = t.c.obj_type(m);
            c.kind = CallKind::Func;
            c.fun = Some(Expr::leaf(
                ExprKind::MethodExpr(m),
                pos,
                sig,
                crate::escape::ir::Src::None,
                rnode,
            ));
            c.recv = Some(r);
            c.method = Some(m);
            c.sig = sig;
        }
    }
}

/// What a devirtualized call calls: a concrete method, or (through an
/// embedded interface field) still an interface method.
enum Target {
    Method(ObjId),
    Iface(ObjId),
}

/// Finds method `name` of conc the way typecheck.Callee does: declared on
/// the (pointer base) named type, or promoted through embedded fields,
/// shallowest first. Returns the embedded field path (with whether each
/// step goes through a pointer) and the method.
fn find_method(
    t: &Types<'_, '_>,
    conc: TypeId,
    name: crate::syntax::symbol::Symbol,
) -> Option<(Vec<(ObjId, bool)>, Target)> {
    let mut level: Vec<(TypeId, Vec<(ObjId, bool)>)> = vec![(conc, Vec::new())];
    for _ in 0..8 {
        let mut next = Vec::new();
        for (ty, path) in level {
            let (base, ptr) = match t.get(ty) {
                Type::Pointer(b) => (*b, true),
                _ => (ty, false),
            };
            if let Some(named) = t.c.types.named(base) {
                if let Some(m) = named
                    .methods
                    .iter()
                    .flatten()
                    .copied()
                    .find(|&m| t.c.obj(m).name == name)
                {
                    return Some((path, Target::Method(m)));
                }
            }
            if let Type::Interface(it) = t.under_type(base) {
                if let Some(&m) = it.methods.iter().find(|&&m| t.c.obj(m).name == name) {
                    return Some((path, Target::Iface(m)));
                }
            }
            for &f in t.struct_fields(base) {
                if t.c.obj(f).is_embedded() {
                    let mut p = path.clone();
                    p.push((f, ptr));
                    next.push((t.c.obj_type(f), p));
                }
            }
        }
        if next.is_empty() {
            return None;
        }
        level = next;
    }
    None
}

fn sel_string(c: &Call<'_>) -> String {
    match c.syntax.map(|s| &s.kind) {
        Some(crate::syntax::ast::ExprKind::Call { fun, .. }) => {
            crate::syntax::printer::expr_string(fun.unparen())
        }
        _ => String::new(),
    }
}

/// A type as gc prints it in -m notes (package-local names unqualified).
pub fn type_string(t: &Types<'_, '_>, ty: TypeId) -> String {
    match t.get(ty) {
        Type::Pointer(b) => format!("*{}", type_string(t, *b)),
        Type::Named(n) => t.c.obj(n.obj).name.as_str().to_string(),
        Type::Basic { name, .. } => name.to_string(),
        Type::Slice(e) => format!("[]{}", type_string(t, *e)),
        _ => String::from("?"),
    }
}
