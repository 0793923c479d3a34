//! Expressions into the escape IR (gc's noder/expr.go with the implicit
//! nodes typecheck adds): constants fold to literals, implicit interface
//! conversions wrap their operand, field selections spell out their
//! embedded path with ODOT/ODOTPTR steps, `&T{}` is a PtrLit, slicing an
//! array takes its address, indexing a pointer to array dereferences it,
//! and string additions flatten into one OADDSTR.
//!
//! Invariant: the IR node of a source expression carries the expression
//! as its `src` (for printing) and its NodeId as `node` (the key of the
//! allocation site it may be); implicit nodes carry their operand's.

use super::ir::*;
use super::lower::Lower;
use crate::syntax::ast::{self, ExprKind as AK, Operator};
use crate::types::info::SelectionKind;
use crate::types::object::{ObjId, ObjKind};
use crate::types::ty::{Type, TypeId};

impl<'c, 'a> Lower<'c, 'a> {
    /// Lowers an expression, with the implicit conversion to an interface
    /// the checker recorded for it.
    ///
    /// The conversion node gets gc's position for it: irgen inserts
    /// implicit conversions at `base.Pos`, the position of the last
    /// non-constant expression it lowered (`base_pos` here), except where
    /// the context says otherwise (call arguments, assignments: see
    /// `conv` and its callers).
    pub fn expr(&mut self, e: &'a ast::Expr) -> Expr<'a> {
        let x = self.expr_inner(e);
        let pos = self.base_pos;
        self.conv(e, x, pos)
    }

    /// Lowers an expression without its implicit conversion (the caller
    /// applies it with `conv` once it knows gc's position for it).
    pub fn expr_noconv(&mut self, e: &'a ast::Expr) -> Expr<'a> {
        self.expr_inner(e)
    }

    /// Wraps x (lowered from e) in the implicit conversion to an interface
    /// the checker recorded for e, if any, at position pos.
    pub fn conv(&self, e: &'a ast::Expr, x: Expr<'a>, pos: crate::syntax::pos::Pos) -> Expr<'a> {
        if let Some(&ity) = self.info.iface_conversions.get(&e.id) {
            // convpos.rs knows which conversions gc makes before escape
            // analysis, and where.
            let pos = match &self.conv_pos {
                Some(m) => match m.get(&e.id) {
                    Some(&p) => p,
                    None => return x,
                },
                None => pos,
            };
            return Expr {
                kind: ExprKind::ConvIface(Box::new(x)),
                pos,
                ty: ity,
                src: Src::Implicit(e),
                node: e.id,
                init: Vec::new(),
            };
        }
        x
    }

    fn node(&self, kind: ExprKind<'a>, e: &'a ast::Expr, ty: TypeId) -> Expr<'a> {
        Expr::leaf(kind, e.pos, ty, Src::Expr(e), e.id)
    }

    fn expr_inner(&mut self, e: &'a ast::Expr) -> Expr<'a> {
        let tv = self.info.type_of(e.id);
        let mut ty = tv.as_ref().map(|t| t.ty).unwrap_or(TypeId::INVALID);
        if let Type::Tuple(vars) = self.t.get(ty) {
            // x.(T), m[k], <-c used with comma-ok: the value's type.
            if let Some(&v) = vars.first() {
                ty = self.c.obj_type(v);
            }
        }
        if let Some(tv) = tv {
            if tv.val.is_some() || tv.is_type() {
                return self.node(ExprKind::Literal, e, ty);
            }
        }
        if !matches!(e.kind, AK::Paren(_)) && e.as_name().is_none_or(|n| n.as_str() != "_") {
            // irgen's expr0: base.Pos = the expression's position.
            self.base_pos = e.pos;
        }
        match &e.kind {
            AK::Paren(x) => self.expr(x),
            AK::Name(_) => self.name_ref(e, e.id, ty),
            AK::BasicLit(_) | AK::Bad => self.node(ExprKind::Literal, e, ty),
            AK::FuncLit { ty: fty, body } => {
                let f = self.func_lit(e, fty, body);
                self.closure_of_lit.insert(e.id, f);
                self.node(ExprKind::Closure(f), e, ty)
            }
            AK::CompositeLit(_) => self.complit(e, ty),
            AK::Selector { x, sel } => self.selector(e, x, sel, ty),
            AK::Index { x, index } => self.index(e, x, index, ty),
            AK::Slice { x, index, .. } => {
                let xt = self.type_of(x);
                let mut xi = self.expr(x);
                let kind = if self.t.is_string(xt) {
                    SliceKind::Str
                } else if self.t.is_array(xt) {
                    // typecheck.NodAddr: at base.Pos, where lowering x ended.
                    xi = self.implicit(ExprKind::Addr(Box::new(xi)), x, TypeId::INVALID);
                    xi.pos = self.base_pos;
                    SliceKind::Arr
                } else if self.t.ptr_to_array(xt) {
                    SliceKind::Arr
                } else {
                    SliceKind::Slice
                };
                let [lo, hi, max] = &**index;
                let mut opt =
                    |v: &'a Option<Box<ast::Expr>>| v.as_ref().map(|v| Box::new(self.expr(v)));
                let (lo, hi, max) = (opt(lo), opt(hi), opt(max));
                self.node(
                    ExprKind::Slice {
                        x: Box::new(xi),
                        lo,
                        hi,
                        max,
                        kind,
                    },
                    e,
                    ty,
                )
            }
            AK::Assert { x, .. } => {
                let xi = self.expr(x);
                self.node(ExprKind::DotType(Box::new(xi)), e, ty)
            }
            AK::Operation { op, x, y: None } => self.unary(e, *op, x, ty),
            AK::Operation { op, x, y: Some(y) } => self.binary(e, *op, x, y, ty),
            AK::Call {
                fun,
                args,
                has_dots,
            } => self.call_expr(e, fun, args, *has_dots, ty),
            _ => self.node(ExprKind::Literal, e, ty),
        }
    }

    /// An implicit node (no source of its own) over the operand `of`.
    pub fn implicit(&self, kind: ExprKind<'a>, of: &'a ast::Expr, ty: TypeId) -> Expr<'a> {
        Expr::leaf(kind, of.pos, ty, Src::Expr(of), of.id)
    }

    /// A name (or qualified identifier) used as a value.
    fn name_ref(&mut self, e: &'a ast::Expr, id: ast::NodeId, ty: TypeId) -> Expr<'a> {
        let Some(obj) = self.info.object_of(id) else {
            return self.node(ExprKind::Literal, e, ty);
        };
        let kind = match &self.c.obj(obj).kind {
            ObjKind::Var { .. } => match self.var_of_obj.get(&obj).copied() {
                Some(v) => {
                    self.capture(v, e.pos);
                    ExprKind::Name(v)
                }
                None => ExprKind::Global,
            },
            ObjKind::Func { .. } => match self.generic_ref(id, obj) {
                Some(f) => ExprKind::FuncRef(f),
                None => ExprKind::FuncName(obj),
            },
            ObjKind::Nil => ExprKind::Nil,
            _ => ExprKind::Literal,
        };
        self.node(kind, e, ty)
    }

    fn selector(
        &mut self,
        e: &'a ast::Expr,
        x: &'a ast::Expr,
        sel: &'a ast::Ident,
        ty: TypeId,
    ) -> Expr<'a> {
        let Some(s) = self.info.selections.get(&e.id) else {
            // A qualified identifier.
            return self.name_ref(e, sel.id, ty);
        };
        let (kind, obj, index) = (s.kind, s.obj, s.index.clone());
        match kind {
            SelectionKind::FieldVal => {
                let xi = self.expr(x);
                self.dot_path(xi, x, e, &index, ty)
            }
            SelectionKind::MethodVal => {
                let (recv, iface) = self.method_recv(x, obj, &index, e.pos);
                let sig = self.c.obj_type(obj);
                self.node(
                    ExprKind::MethValue {
                        x: Box::new(recv),
                        method: if iface { None } else { Some(obj) },
                        sig,
                    },
                    e,
                    ty,
                )
            }
            SelectionKind::MethodExpr => {
                // Evaluate nothing: T.M is a function value.
                self.node(ExprKind::MethodExpr(obj), e, ty)
            }
        }
    }

    /// The ODOT/ODOTPTR chain of a field selection through embedded
    /// fields; the last step is the source selector `e`.
    fn dot_path(
        &mut self,
        mut xi: Expr<'a>,
        x: &'a ast::Expr,
        e: &'a ast::Expr,
        index: &[usize],
        ty: TypeId,
    ) -> Expr<'a> {
        let mut cur = xi.ty;
        let mut text = String::new();
        for (n, &i) in index.iter().enumerate() {
            let (base, ptr) = match self.t.under_type(cur) {
                Type::Pointer(b) => (*b, true),
                _ => (cur, false),
            };
            let Some(&field) = self.t.struct_fields(base).get(i) else {
                return self.node(ExprKind::Literal, e, ty);
            };
            let fty = self.c.obj_type(field);
            let last = n + 1 == index.len();
            let kind = ExprKind::Dot {
                x: Box::new(xi),
                ptr,
                field,
            };
            xi = if last {
                self.node(kind, e, fty)
            } else {
                let mut d = self.implicit(kind, x, fty);
                d.src = self.implicit_dot_text(&mut text, x, field);
                d
            };
            cur = fty;
        }
        xi
    }

    /// The printed form of an implicit embedded-field step (`o.Inner`),
    /// extending `text` (the path so far, empty at first).
    fn implicit_dot_text(&mut self, text: &mut String, x: &'a ast::Expr, field: ObjId) -> Src<'a> {
        if text.is_empty() {
            *text = super::fmt::node_string(x, self.c);
        }
        text.push('.');
        text.push_str(self.c.obj(field).name.as_str());
        self.ir.texts.push(text.clone());
        Src::Text(self.ir.texts.len() as u32 - 1)
    }

    /// The receiver argument of a method selected through `index` from
    /// `x`: embedded fields selected, then `&` or `*` as the method's
    /// receiver needs. Also reports whether the method is an interface's.
    pub fn method_recv(
        &mut self,
        x: &'a ast::Expr,
        method: ObjId,
        index: &[usize],
        sel_pos: crate::syntax::pos::Pos,
    ) -> (Expr<'a>, bool) {
        let mut r = self.expr(x);
        if index.len() > 1 {
            let path = &index[..index.len() - 1];
            let mut cur = r.ty;
            let mut text = String::new();
            for &i in path {
                let (base, ptr) = match self.t.under_type(cur) {
                    Type::Pointer(b) => (*b, true),
                    _ => (cur, false),
                };
                let Some(&field) = self.t.struct_fields(base).get(i) else {
                    break;
                };
                let fty = self.c.obj_type(field);
                r = self.implicit(
                    ExprKind::Dot {
                        x: Box::new(r),
                        ptr,
                        field,
                    },
                    x,
                    fty,
                );
                r.pos = sel_pos;
                r.src = self.implicit_dot_text(&mut text, x, field);
                cur = fty;
            }
        }
        if self.t.is_interface(r.ty) {
            return (r, true);
        }
        let want_ptr = self.ptr_recv(method);
        let is_ptr = self.t.is_ptr(r.ty);
        if want_ptr && !is_ptr {
            r = self.implicit(ExprKind::Addr(Box::new(r)), x, TypeId::INVALID);
            r.pos = sel_pos;
        } else if !want_ptr && is_ptr {
            let elem = self.t.elem(r.ty);
            r = self.implicit(ExprKind::Deref(Box::new(r)), x, elem);
            r.pos = sel_pos;
        }
        (r, false)
    }

    fn index(
        &mut self,
        e: &'a ast::Expr,
        x: &'a ast::Expr,
        index: &'a ast::Expr,
        ty: TypeId,
    ) -> Expr<'a> {
        let xt = self.type_of(x);
        if self.t.signature(xt).is_some() || self.info.instances.contains_key(&x.id) {
            // An instantiation F[T].
            return self.expr(x);
        }
        let xi = self.expr(x);
        let ii = Box::new(self.expr(index));
        if self.t.is_map(xt) {
            return self.node(
                ExprKind::IndexMap {
                    x: Box::new(xi),
                    index: ii,
                },
                e,
                ty,
            );
        }
        if self.t.ptr_to_array(xt) {
            let elem = self.t.elem(xt);
            let d = self.implicit(ExprKind::Deref(Box::new(xi)), x, elem);
            return self.node(
                ExprKind::Index {
                    x: Box::new(d),
                    index: ii,
                    array: true,
                },
                e,
                ty,
            );
        }
        let array = self.t.is_array(xt);
        self.node(
            ExprKind::Index {
                x: Box::new(xi),
                index: ii,
                array,
            },
            e,
            ty,
        )
    }

    fn unary(&mut self, e: &'a ast::Expr, op: Operator, x: &'a ast::Expr, ty: TypeId) -> Expr<'a> {
        match op {
            Operator::And => {
                if let AK::CompositeLit(_) = &x.unparen().kind {
                    let lit = self.expr(x.unparen());
                    return self.node(ExprKind::PtrLit(Box::new(lit)), e, ty);
                }
                let xi = self.expr(x);
                self.node(ExprKind::Addr(Box::new(xi)), e, ty)
            }
            Operator::Mul => {
                let xi = self.expr(x);
                self.node(ExprKind::Deref(Box::new(xi)), e, ty)
            }
            Operator::Recv => {
                let xi = self.expr(x);
                self.node(ExprKind::Recv(Box::new(xi)), e, ty)
            }
            _ => {
                let xi = self.expr(x);
                self.node(ExprKind::Unary(Box::new(xi)), e, ty)
            }
        }
    }

    fn binary(
        &mut self,
        e: &'a ast::Expr,
        op: Operator,
        x: &'a ast::Expr,
        y: &'a ast::Expr,
        ty: TypeId,
    ) -> Expr<'a> {
        match op {
            Operator::AndAnd | Operator::OrOr => {
                let (xi, yi) = (self.expr(x), self.expr(y));
                self.node(ExprKind::Logical(Box::new(xi), Box::new(yi)), e, ty)
            }
            Operator::Add if self.t.is_string(ty) => {
                let mut list = Vec::new();
                self.addstr_operand(x, &mut list);
                self.addstr_operand(y, &mut list);
                self.node(ExprKind::AddStr(list), e, ty)
            }
            _ => {
                let (xi, yi) = (self.expr(x), self.expr(y));
                self.node(ExprKind::Binary(Box::new(xi), Box::new(yi)), e, ty)
            }
        }
    }

    /// An operand of a string addition; nested non-constant additions
    /// contribute their own operands (typecheck's OADDSTR flattening).
    fn addstr_operand(&mut self, x: &'a ast::Expr, list: &mut Vec<Expr<'a>>) {
        let u = x.unparen();
        let constant = self.info.type_of(u.id).is_some_and(|tv| tv.val.is_some());
        if let AK::Operation {
            op: Operator::Add,
            x: a,
            y: Some(b),
        } = &u.kind
        {
            if !constant && !self.info.iface_conversions.contains_key(&x.id) {
                self.addstr_operand(a, list);
                self.addstr_operand(b, list);
                return;
            }
        }
        list.push(self.expr(x));
    }

    /// A composite literal of type `ty` (a pointer for an elided `&T{}`).
    fn complit(&mut self, e: &'a ast::Expr, ty: TypeId) -> Expr<'a> {
        if let Type::Pointer(elem) = self.t.under_type(ty) {
            let inner = self.complit_of(e, *elem);
            return self.node(ExprKind::PtrLit(Box::new(inner)), e, ty);
        }
        self.complit_of(e, ty)
    }

    fn complit_of(&mut self, e: &'a ast::Expr, ty: TypeId) -> Expr<'a> {
        let AK::CompositeLit(lit) = &e.kind else {
            return self.node(ExprKind::Literal, e, ty);
        };
        let elems = &lit.elems;
        let kind = match self.t.under_type(ty) {
            Type::Map { .. } => {
                let mut pairs = Vec::new();
                for el in elems {
                    if let AK::KeyValue { key, value } = &el.kind {
                        let k = self.expr(key);
                        let v = self.expr(value);
                        pairs.push((k, v));
                    }
                }
                ExprKind::MapLit(pairs)
            }
            u => {
                let vals: Vec<Expr<'a>> = elems
                    .iter()
                    .map(|el| match &el.kind {
                        AK::KeyValue { value, .. } => self.expr(value),
                        _ => self.expr(el),
                    })
                    .collect();
                match u {
                    Type::Struct(_) => ExprKind::StructLit(vals),
                    Type::Array { .. } => ExprKind::ArrayLit(vals),
                    Type::Slice(_) => ExprKind::SliceLit(vals),
                    _ => ExprKind::Literal,
                }
            }
        };
        self.node(kind, e, ty)
    }

    /// What ir.StaticValue would find as a local's initializer.
    pub fn static_rhs(&self, x: &'a ast::Expr) -> StaticRhs {
        if let Some(&_ity) = self.info.iface_conversions.get(&x.id) {
            let st = self.type_of(x);
            return if self.t.is_interface(st) {
                StaticRhs::Other
            } else {
                StaticRhs::ConvIface(st)
            };
        }
        if self.info.type_of(x.id).is_some_and(|tv| tv.val.is_some()) {
            return StaticRhs::Other;
        }
        match &x.kind {
            AK::Paren(y) => self.static_rhs(y),
            AK::Name(_) => self.static_name(x.id),
            AK::Selector { sel, .. } => match self.info.selections.get(&x.id) {
                None => self.static_name(sel.id),
                Some(s) if s.kind == SelectionKind::MethodExpr => StaticRhs::MethodExpr(s.obj),
                _ => StaticRhs::Other,
            },
            AK::FuncLit { .. } => match self.closure_of_lit.get(&x.id) {
                Some(&f) => StaticRhs::Closure(f),
                None => StaticRhs::Other,
            },
            AK::Call { fun, args, .. }
                if args.len() == 1 && self.info.type_of(fun.id).is_some_and(|tv| tv.is_type()) =>
            {
                let t = self.type_of(fun);
                let s = self.type_of(&args[0]);
                if self.t.is_interface(t) && !self.t.is_interface(s) {
                    StaticRhs::ConvIface(s)
                } else if self.t.under(t) == self.t.under(s) {
                    // OCONVNOP: StaticValue looks through it.
                    self.static_rhs(&args[0])
                } else {
                    StaticRhs::Other
                }
            }
            _ => StaticRhs::Other,
        }
    }

    fn static_name(&self, id: ast::NodeId) -> StaticRhs {
        let Some(obj) = self.info.object_of(id) else {
            return StaticRhs::Other;
        };
        match &self.c.obj(obj).kind {
            ObjKind::Var { .. } => match self.var_of_obj.get(&obj) {
                Some(&v) => StaticRhs::Var(v),
                None => StaticRhs::Other,
            },
            ObjKind::Func { .. } => StaticRhs::Func(obj),
            _ => StaticRhs::Other,
        }
    }
}
