//! Where gc puts the implicit conversions to interface types (OCONVIFACE).
//!
//! gc reports `x escapes to heap` for the implicit conversion of `x` at the
//! conversion node's position, and that is not `x`'s position: the noder
//! (noder/transform.go's assignconvfn) creates the node at `base.Pos`, a
//! global cursor that moves as the noder builds the IR. This module replays
//! that cursor over a checked file and gives, for every implicit
//! conversion the noder creates, the position gc's node gets.
//!
//! How `base.Pos` moves (noder/expr.go, stmt.go, decl.go, transform.go):
//! - every expression built by `expr0` sets it to its own position, in
//!   pre-order: names, calls, selectors, operators, literals of composite
//!   type, function literals (whose bodies then move it further). Constant
//!   expressions, types, builtins named as callees and `_` do not;
//! - a `var` declaration sets it to the declaration's position first;
//! - a call (transformCall) sets it to the call's `(` and then, argument by
//!   argument (typecheckaste), to each argument's position unless the
//!   argument is a plain name (ir.HasUniquePos is false for ONAME); the
//!   conversion of argument i is made there. Returns do the same for their
//!   results, starting from the cursor's value;
//! - a composite literal (transformCompLit) converts each element at the
//!   element's position, or at the `:` of a keyed element, and then puts
//!   the cursor back;
//! - assignments, sends, `panic(x)`, `append(s, x)`, map keys in `m[k]` and
//!   `delete(m, k)` convert at the cursor as it is, i.e. at the last
//!   expression built before them: `sink = x` converts at `sink` (the left
//!   side is built after the right), `f29000(2, x)` at `2`.
//!
//! Conversions the checker records but gc does not make before escape
//! analysis are absent from the result: operands of `==`/`!=` and switch
//! cases compared with an interface (walk handles those without an
//! OCONVIFACE unless the type is 64 KiB or larger), and the first value of
//! a comma-ok assignment (order.go converts it later).
//!
//! Example: in `fmt.Printf("%d", i)` the conversion of `i` is at the
//! position of `"%d"` (the last argument with a position of its own before
//! it), and the implicit `...` slice at the `(`.

use std::collections::HashMap;

use crate::syntax::ast::{Block, Decl, Expr, ExprKind, File, NodeId, Stmt, StmtKind};
use crate::syntax::pos::Pos;
use crate::types::object::ObjKind;
use crate::types::operand::Mode;
use crate::types::ty::Type;
use crate::types::Checker;

use super::fmt::under;

/// The position of gc's OCONVIFACE node for each implicit conversion
/// (keys are the converted expressions' ids, as in
/// `Info::iface_conversions`, both as written and without parentheses).
pub fn iface_conversion_positions(file: &File, check: &Checker) -> HashMap<NodeId, Pos> {
    let mut s = Sim {
        check,
        cur: file.pos,
        out: HashMap::new(),
    };
    for d in &file.decls {
        s.decl(d);
    }
    s.out
}

struct Sim<'c, 'a> {
    check: &'c Checker<'a>,
    /// gc's base.Pos.
    cur: Pos,
    out: HashMap<NodeId, Pos>,
}

impl Sim<'_, '_> {
    /// assignconvfn: records a conversion of `e` at the cursor.
    fn conv(&mut self, e: &Expr) {
        self.conv_at(e, self.cur);
    }

    fn conv_at(&mut self, e: &Expr, pos: Pos) {
        let convs = &self.check.info.iface_conversions;
        for id in [e.id, e.unparen().id] {
            if convs.contains_key(&id) {
                self.out.insert(e.id, pos);
                self.out.insert(e.unparen().id, pos);
                return;
            }
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Var(v) => {
                self.cur = v.pos;
                let Some(values) = &v.values else { return };
                let vals = values.unpack_list();
                vals.iter().for_each(|x| self.expr(x));
                if vals.len() == v.names.len() {
                    for x in vals {
                        self.conv(x);
                    }
                }
            }
            Decl::Func(f) => {
                self.cur = f.pos;
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
            Decl::Import(_) | Decl::Const(_) | Decl::Type(_) => {}
        }
    }

    fn block(&mut self, b: &Block) {
        b.stmts.iter().for_each(|s| self.stmt(s));
    }

    fn opt_stmt(&mut self, s: &Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
                self.conv(value);
            }
            StmtKind::Decl(ds) => ds.iter().for_each(|d| self.decl(d)),
            StmtKind::Assign { op, lhs, rhs } => self.assign(*op, lhs, rhs.as_ref()),
            StmtKind::Call { call, .. } => self.expr(call),
            StmtKind::Return { results } => {
                let Some(r) = results else { return };
                let list = r.unpack_list();
                list.iter().for_each(|x| self.expr(x));
                if list.len() == 1 && self.is_tuple(&list[0]) {
                    return;
                }
                self.args(list);
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.opt_stmt(init);
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(then);
                self.opt_stmt(els);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(init) = init {
                    if let StmtKind::Range { lhs, def, x } = &init.kind {
                        if let (Some(l), false) = (lhs, def) {
                            l.unpack_list().iter().for_each(|x| self.expr(x));
                        }
                        self.expr(x);
                        return self.block(body);
                    }
                }
                self.opt_stmt(init);
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.opt_stmt(post);
                self.block(body);
            }
            StmtKind::Range { lhs, def, x } => {
                if let (Some(l), false) = (lhs, def) {
                    l.unpack_list().iter().for_each(|x| self.expr(x));
                }
                self.expr(x);
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                self.opt_stmt(init);
                if let Some(t) = tag {
                    match &t.kind {
                        ExprKind::TypeSwitchGuard { x, .. } => self.expr(x),
                        _ => self.expr(t),
                    }
                }
                for c in body {
                    if let Some(cs) = &c.cases {
                        cs.unpack_list().iter().for_each(|x| self.expr(x));
                    }
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select { body, .. } => {
                for c in body {
                    self.opt_stmt(&c.comm);
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
        }
    }

    fn assign(&mut self, op: Option<crate::syntax::ast::Operator>, lhs: &Expr, rhs: Option<&Expr>) {
        use crate::syntax::ast::Operator;
        let def = op == Some(Operator::Def);
        if op.is_some() && !def {
            // `x op= y` (rhs first) and `x++`: no conversion to an interface.
            if let Some(r) = rhs {
                self.expr(r);
            }
            self.expr(lhs);
            return;
        }
        let Some(rhs) = rhs else { return };
        let rl = rhs.unpack_list();
        let ll = lhs.unpack_list();
        rl.iter().for_each(|x| self.expr(x));
        if !def {
            ll.iter().for_each(|x| self.expr(x));
        }
        // transformAssign: comma-ok forms and multi-value calls convert
        // later (order.go, RewriteMultiValueCall's temporaries).
        if rl.len() != ll.len() {
            return;
        }
        for x in rl {
            self.conv(x);
        }
    }

    /// typecheckaste: each argument moves the cursor to its own position
    /// unless it is a name; its conversion is made there. The cursor is
    /// restored afterwards.
    fn args(&mut self, args: &[Expr]) {
        let saved = self.cur;
        for a in args {
            if let Some(p) = self.unique_pos(a) {
                self.cur = p;
            }
            self.conv(a);
        }
        self.cur = saved;
    }

    /// The position ir.SetPos takes from a node: none for ONAME nodes
    /// (variables, functions, other packages' names).
    fn unique_pos(&self, e: &Expr) -> Option<Pos> {
        let u = e.unparen();
        let c = self.check;
        let is_name = match &u.kind {
            ExprKind::Name(_) => true,
            ExprKind::Selector { x, .. } => self.is_pkg_name(x),
            _ => false,
        };
        if !is_name {
            return Some(u.pos);
        }
        // A constant (named or qualified) is an OLITERAL with a position.
        let constant = c
            .info
            .type_of(u.id)
            .is_some_and(|tv| tv.mode == Mode::Constant || tv.mode == Mode::NilValue);
        constant.then_some(u.pos)
    }

    fn is_pkg_name(&self, x: &Expr) -> bool {
        let x = x.unparen();
        matches!(x.kind, ExprKind::Name(_))
            && self
                .check
                .info
                .object_of(x.id)
                .is_some_and(|o| matches!(self.check.obj(o).kind, ObjKind::PkgName { .. }))
    }

    fn is_tuple(&self, e: &Expr) -> bool {
        self.check
            .info
            .type_of(e.unparen().id)
            .is_some_and(|tv| self.check.types.is_tuple(tv.ty))
    }

    /// g.expr: builds the IR of an expression, moving the cursor.
    fn expr(&mut self, e: &Expr) {
        let e = e.unparen();
        if let ExprKind::Name(n) = &e.kind {
            if n.is_blank() {
                return;
            }
        }
        let c = self.check;
        let Some(tv) = c.info.type_of(e.id) else {
            return;
        };
        if matches!(tv.mode, Mode::Builtin | Mode::TypExpr) || tv.val.is_some() {
            return;
        }
        // expr0
        self.cur = e.pos;
        match &e.kind {
            ExprKind::CompositeLit(_) => self.complit(e),
            ExprKind::FuncLit { body, .. } => self.block(body),
            ExprKind::Assert { x, .. } => self.expr(x),
            ExprKind::Call { fun, args, .. } => self.call(e, fun, args),
            ExprKind::Index { x, index } => {
                let generic = c.info.instances.contains_key(&x.unparen().id)
                    || c.info.type_of(index.id).is_some_and(|t| t.is_type())
                    || matches!(index.kind, ExprKind::List(_));
                self.expr(x);
                if generic {
                    return;
                }
                self.expr(index);
                let xt = c.info.type_of(x.unparen().id).map(|t| t.ty);
                if xt.is_some_and(|t| matches!(c.types.get(under(self.check, t)), Type::Map { .. }))
                {
                    self.conv(index);
                }
            }
            ExprKind::Selector { x, .. } if !self.is_pkg_name(x) => self.expr(x),
            ExprKind::Slice { x, index, .. } => {
                self.expr(x);
                index.iter().flatten().for_each(|i| self.expr(i));
            }
            ExprKind::Operation { x, y, .. } => {
                self.expr(x);
                if let Some(y) = y {
                    self.expr(y);
                }
            }
            _ => {}
        }
    }

    fn call(&mut self, e: &Expr, fun: &Expr, args: &[Expr]) {
        let c = self.check;
        self.expr(fun);
        args.iter().for_each(|a| self.expr(a));
        let f = fun.unparen();
        let Some(ftv) = c.info.type_of(f.id) else {
            return;
        };
        match ftv.mode {
            Mode::TypExpr => {}
            Mode::Builtin => {
                let id = match &f.kind {
                    ExprKind::Name(_) => c.info.object_of(f.id),
                    ExprKind::Selector { sel, .. } => c.info.object_of(sel.id),
                    _ => None,
                };
                use crate::types::builtins::BuiltinId as B;
                match id.map(|o| &c.obj(o).kind) {
                    Some(ObjKind::Builtin(B::Append)) => {
                        let dots = matches!(e.kind, ExprKind::Call { has_dots: true, .. });
                        if !dots {
                            args.iter().skip(1).for_each(|a| self.conv(a));
                        }
                    }
                    Some(ObjKind::Builtin(B::Delete)) => {
                        if let Some(k) = args.get(1) {
                            self.conv(k);
                        }
                    }
                    Some(ObjKind::Builtin(B::Panic)) => {
                        if let Some(x) = args.first() {
                            self.conv(x);
                        }
                    }
                    _ => {}
                }
            }
            _ => {
                // transformCall: ir.SetPos(call), then typecheckaste.
                self.cur = e.pos;
                if args.len() == 1 && self.is_tuple(&args[0]) {
                    return;
                }
                self.args(args);
            }
        }
    }

    /// compLit and transformCompLit.
    fn complit(&mut self, e: &Expr) {
        let c = self.check;
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return;
        };
        let elems = &lit.elems;
        let t = c
            .info
            .type_of(e.id)
            .map_or(crate::types::ty::TypeId::INVALID, |tv| tv.ty);
        let mut u = under(self.check, t);
        if let Some(b) = c.types.pointer_base(u) {
            u = under(self.check, b);
        }
        let is_struct = matches!(c.types.get(u), Type::Struct(_));
        for el in elems {
            match &el.kind {
                ExprKind::KeyValue { key, value } => {
                    if !is_struct {
                        self.expr(key);
                    }
                    self.expr(value);
                }
                _ => self.expr(el),
            }
        }
        let saved = self.cur;
        for el in elems {
            match &el.kind {
                ExprKind::KeyValue { key, value } => {
                    self.cur = el.pos;
                    if matches!(c.types.get(u), Type::Map { .. }) {
                        self.conv(key);
                    }
                    self.conv(value);
                }
                _ => {
                    // wrapname gives names their own position.
                    self.cur = if matches!(el.unparen().kind, ExprKind::Name(_)) {
                        el.pos
                    } else {
                        el.unparen().pos
                    };
                    self.conv(el);
                }
            }
        }
        self.cur = saved;
    }
}
