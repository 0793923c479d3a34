//! Tree builders called from the grammar's actions (grammar/go.lalrpop).
//!
//! Each builder makes one gc node with gc's position (see parser.go: the
//! operator of a binary expression, the `(` of a call, the `.` of a
//! selector, the `[` of an index, the `{` of a composite literal, the `:=`
//! of an assignment, the `:` of a label) and does the checks gc's parser
//! does after reading a construct: parameter list distribution and "mixed
//! named and unnamed parameters", `extractName` for `type T[P *C]`, the
//! statement-header rules ("missing condition in if statement", "cannot
//! use ... as value", "cannot declare in post statement of for loop"),
//! `go`/`defer` operands, the `<-chan` re-association.
//!
//! Every node goes through [`ParseCtx::expr`] or [`ParseCtx::stmt`], which
//! record its depth and enforce [`super::ctx::MAX_NESTING`].

mod decl;
mod stmt;

use std::sync::Arc;

use crate::syntax::ast::*;
use crate::syntax::ctx::ParseCtx;
use crate::syntax::pos::{Pos, Span};
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;
use crate::syntax::token::{Lit, SemiKind};

/// A parameter as read, before gc's paramList decides what a lone name is.
pub struct ParamEntry {
    pub name: Option<Ident>,
    pub ty: Option<Expr>,
}

impl ParamEntry {
    pub fn name(n: Ident) -> Box<ParamEntry> {
        Box::new(ParamEntry {
            name: Some(n),
            ty: None,
        })
    }
    pub fn named(n: Ident, t: Expr) -> Box<ParamEntry> {
        Box::new(ParamEntry {
            name: Some(n),
            ty: Some(t),
        })
    }
    pub fn ty(t: Expr) -> Box<ParamEntry> {
        Box::new(ParamEntry {
            name: None,
            ty: Some(t),
        })
    }
}

/// One struct field declaration: several names or one embedded type.
pub struct FieldGroup {
    names: Vec<Ident>,
    ty: Expr,
    tag: Option<BasicLit>,
}

impl FieldGroup {
    pub fn named(names: Vec<Ident>, ty: Expr, tag: Option<BasicLit>) -> Box<FieldGroup> {
        Box::new(FieldGroup { names, ty, tag })
    }
    pub fn embedded(ty: Expr, tag: Option<BasicLit>) -> Box<FieldGroup> {
        Box::new(FieldGroup {
            names: Vec::new(),
            ty,
            tag,
        })
    }
}

/// A declaration spec before it is placed in its group.
pub enum Spec {
    Import {
        pos: Pos,
        local_name: Option<Ident>,
        path: BasicLit,
    },
    Const {
        pos: Pos,
        names: Vec<Ident>,
        ty: Option<Expr>,
        values: Option<Expr>,
    },
    Var {
        pos: Pos,
        names: Vec<Ident>,
        ty: Option<Expr>,
        values: Option<Expr>,
    },
    Type {
        pos: Pos,
        name: Ident,
        tparams: Vec<Field>,
        alias: bool,
        ty: Expr,
    },
}

impl Spec {
    pub(super) fn pos(&self) -> Pos {
        match self {
            Spec::Import { pos, .. }
            | Spec::Const { pos, .. }
            | Spec::Var { pos, .. }
            | Spec::Type { pos, .. } => *pos,
        }
    }
}

// The boxes keep the parser's stack symbols small (see the grammar); the
// lists the grammar macros build hold the boxed entries.
#[allow(clippy::vec_box)]
pub enum SpecGroup {
    Single(Box<Spec>),
    Group(Pos, Vec<Box<Spec>>),
}

/// What stood between `[` and `]` after an operand.
pub enum IndexBody {
    Index(Vec<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>),
    /// `lo:hi:max`, with the position of the second colon.
    Slice3(Option<Box<Expr>>, Option<Box<Expr>>, Pos, Option<Box<Expr>>),
}

/// An if or switch header: one simple statement, or `init; cond` with the
/// semicolon's position and kind.
pub enum Header {
    One(Box<Stmt>),
    Two(Option<Box<Stmt>>, Pos, SemiKind, Option<Box<Stmt>>),
    /// `var` before the header (an error), at the token after it.
    Var(Pos, Box<Header>),
    /// A header with a syntax error (already reported).
    Bad,
}

pub enum ForHeader {
    One(Box<Stmt>),
    /// `range` position, left side, `:=`, range expression.
    Range(Pos, Option<Box<Expr>>, bool, Box<Expr>),
    Three(Option<Box<Stmt>>, Option<Box<Stmt>>, Option<Box<Stmt>>),
    Var(Pos, Box<ForHeader>),
    Bad,
}

pub(super) fn boxed(e: Option<Expr>) -> Option<Box<Expr>> {
    e.map(Box::new)
}

impl ParseCtx<'_> {
    // ------------------------------------------------------------ nodes

    /// Builds an expression node, recording its depth; a node deeper than
    /// the nesting limit becomes `Bad`.
    pub fn expr(&self, pos: Pos, lo: Pos, hi: Pos, kind: ExprKind) -> Expr {
        let depth = 1 + self.expr_children_depth(&kind);
        if !self.check_depth(depth, pos) {
            return Expr {
                id: self.leaf_id(),
                pos,
                span: Span::new(lo, hi),
                kind: ExprKind::Bad,
            };
        }
        Expr {
            id: self.id_with_depth(depth),
            pos,
            span: Span::new(lo, hi),
            kind,
        }
    }

    pub fn stmt(&self, pos: Pos, kind: StmtKind) -> Stmt {
        let depth = 1 + self.stmt_children_depth(&kind);
        if !self.check_depth(depth, pos) {
            return Stmt {
                id: self.leaf_id(),
                pos,
                kind: StmtKind::Empty,
            };
        }
        Stmt {
            id: self.id_with_depth(depth),
            pos,
            kind,
        }
    }

    fn fields_depth(&self, fields: &[Field]) -> u32 {
        fields
            .iter()
            .map(|f| self.depth_of(f.ty.id))
            .max()
            .unwrap_or(0)
    }

    fn block_depth(&self, b: &Block) -> u32 {
        b.stmts
            .iter()
            .map(|s| self.depth_of(s.id))
            .max()
            .unwrap_or(0)
    }

    fn opt_depth(&self, e: &Option<Box<Expr>>) -> u32 {
        e.as_ref().map_or(0, |e| self.depth_of(e.id))
    }

    pub(super) fn expr_children_depth(&self, kind: &ExprKind) -> u32 {
        use ExprKind::*;
        let d = |e: &Expr| self.depth_of(e.id);
        match kind {
            Bad | Name(_) | BasicLit(_) => 0,
            CompositeLit(lit) => lit
                .elems
                .iter()
                .map(d)
                .max()
                .unwrap_or(0)
                .max(self.opt_depth(&lit.ty)),
            KeyValue { key, value } => d(key).max(d(value)),
            FuncLit { ty, body } => self
                .fields_depth(&ty.params)
                .max(self.fields_depth(&ty.results))
                .max(self.block_depth(body)),
            Paren(x) | SliceType(x) | DotsType(x) => d(x),
            Selector { x, .. } | TypeSwitchGuard { x, .. } => d(x),
            Index { x, index } => d(x).max(d(index)),
            Slice { x, index, .. } => index
                .iter()
                .map(|i| self.opt_depth(i))
                .max()
                .unwrap_or(0)
                .max(d(x)),
            Assert { x, ty } => d(x).max(d(ty)),
            Operation { x, y, .. } => d(x).max(self.opt_depth(y)),
            Call { fun, args, .. } => args.iter().map(d).max().unwrap_or(0).max(d(fun)),
            List(l) => l.iter().map(d).max().unwrap_or(0),
            ArrayType { len, elem } => self.opt_depth(len).max(d(elem)),
            StructType(st) => self.fields_depth(&st.fields),
            InterfaceType { methods } => self.fields_depth(methods),
            FuncType(ft) => self
                .fields_depth(&ft.params)
                .max(self.fields_depth(&ft.results)),
            MapType { key, value } => d(key).max(d(value)),
            ChanType { elem, .. } => d(elem),
        }
    }

    fn decl_depth(&self, decl: &Decl) -> u32 {
        let opt = |e: &Option<Arc<Expr>>| e.as_ref().map_or(0, |e| self.depth_of(e.id));
        match decl {
            Decl::Const(c) => opt(&c.ty).max(opt(&c.values)),
            Decl::Var(v) => opt(&v.ty).max(v.values.as_ref().map_or(0, |e| self.depth_of(e.id))),
            Decl::Type(t) => self.depth_of(t.ty.id).max(self.fields_depth(&t.tparams)),
            Decl::Import(_) | Decl::Func(_) => 0,
        }
    }

    fn stmt_children_depth(&self, kind: &StmtKind) -> u32 {
        use StmtKind::*;
        let d = |e: &crate::syntax::ast::Expr| self.depth_of(e.id);
        let ds = |s: &Option<Box<Stmt>>| s.as_ref().map_or(0, |s| self.depth_of(s.id));
        let de =
            |e: &Option<crate::syntax::ast::Expr>| e.as_ref().map_or(0, |e| self.depth_of(e.id));
        let body = |b: &[Stmt]| b.iter().map(|s| self.depth_of(s.id)).max().unwrap_or(0);
        match kind {
            Empty | Branch { .. } => 0,
            Labeled { stmt, .. } => self.depth_of(stmt.id),
            Block(b) => self.block_depth(b),
            Expr(x) => d(x),
            Send { chan, value } => d(chan).max(d(value)),
            Decl(decls) => decls.iter().map(|x| self.decl_depth(x)).max().unwrap_or(0),
            Assign { lhs, rhs, .. } => d(lhs).max(de(rhs)),
            Call { call, .. } => d(call),
            Return { results } => de(results),
            If {
                init,
                cond,
                then,
                els,
            } => ds(init)
                .max(de(cond))
                .max(self.block_depth(then))
                .max(ds(els)),
            For {
                init,
                cond,
                post,
                body,
            } => ds(init)
                .max(de(cond))
                .max(ds(post))
                .max(self.block_depth(body)),
            Range { lhs, x, .. } => de(lhs).max(d(x)),
            Switch {
                init,
                tag,
                body: clauses,
                ..
            } => clauses
                .iter()
                .map(|c| body(&c.body).max(de(&c.cases)))
                .max()
                .unwrap_or(0)
                .max(ds(init))
                .max(de(tag)),
            Select { body: clauses, .. } => clauses
                .iter()
                .map(|c| body(&c.body).max(ds(&c.comm)))
                .max()
                .unwrap_or(0),
        }
    }

    pub fn name(&self, l: Pos, s: Symbol, r: Pos) -> Expr {
        Expr {
            id: self.leaf_id(),
            pos: l,
            span: Span::new(l, r),
            kind: ExprKind::Name(s),
        }
    }

    pub fn ident(&self, l: Pos, s: Symbol) -> Ident {
        Ident {
            id: self.leaf_id(),
            pos: l,
            sym: s,
        }
    }

    pub fn idents(&self, l: Pos, first: Symbol, mut rest: Vec<Ident>) -> Vec<Ident> {
        rest.insert(0, self.ident(l, first));
        rest
    }

    pub fn basic_lit(&self, p: Pos, l: Lit) -> BasicLit {
        BasicLit {
            id: self.leaf_id(),
            pos: p,
            kind: l.kind,
            value: l.text,
            bad: l.bad,
        }
    }

    pub fn lit(&self, l: Pos, lit: Lit, r: Pos) -> Expr {
        let b = self.basic_lit(l, lit);
        Expr {
            id: self.leaf_id(),
            pos: l,
            span: Span::new(l, r),
            kind: ExprKind::BasicLit(b),
        }
    }

    /// A comma list: the expression itself if there is one, else a `List`
    /// positioned at its first element.
    pub fn list(&self, mut v: Vec<Expr>) -> Expr {
        if v.len() == 1 {
            if let Some(e) = v.pop() {
                return e;
            }
        }
        let pos = v.first().map_or(Pos::NONE, |e| e.pos);
        let lo = v.first().map_or(pos, |e| e.span.lo);
        let hi = v.last().map_or(pos, |e| e.span.hi);
        self.expr(pos, lo, hi, ExprKind::List(v.into_boxed_slice()))
    }

    pub fn selector(&self, x: Expr, p: Pos, sel: Ident, r: Pos) -> Expr {
        self.expr(
            p,
            x.span.lo,
            r,
            ExprKind::Selector {
                x: Box::new(x),
                sel,
            },
        )
    }

    pub fn index(&self, x: Expr, p: Pos, args: Vec<Expr>, r: Pos) -> Expr {
        let index = self.list(args);
        self.expr(
            p,
            x.span.lo,
            r,
            ExprKind::Index {
                x: Box::new(x),
                index: Box::new(index),
            },
        )
    }

    pub fn index_body(&self, x: Expr, p: Pos, body: IndexBody, r: Pos) -> Expr {
        let lo = x.span.lo;
        match body {
            IndexBody::Index(args) => self.index(x, p, args, r),
            IndexBody::Slice(a, b) => {
                let index = Box::new([a, b, None]);
                self.expr(
                    p,
                    lo,
                    r,
                    ExprKind::Slice {
                        x: Box::new(x),
                        index,
                        full: false,
                    },
                )
            }
            IndexBody::Slice3(a, b, colon, c) => {
                // gc puts a BadExpr where an index is missing, so the
                // checker does not report the slice again.
                let b = b.or_else(|| {
                    self.error(colon, "middle index required in 3-index slice");
                    Some(Box::new(self.expr(colon, colon, colon, ExprKind::Bad)))
                });
                let c = c.or_else(|| {
                    let rbrack = Pos(r.0.saturating_sub(1));
                    self.error(rbrack, "final index required in 3-index slice");
                    Some(Box::new(self.expr(rbrack, rbrack, rbrack, ExprKind::Bad)))
                });
                let index = Box::new([a, b, c]);
                self.expr(
                    p,
                    lo,
                    r,
                    ExprKind::Slice {
                        x: Box::new(x),
                        index,
                        full: true,
                    },
                )
            }
        }
    }

    pub fn call(&self, fun: Expr, p: Pos, args: (Vec<Expr>, bool), r: Pos) -> Expr {
        let (args, has_dots) = args;
        self.expr(
            p,
            fun.span.lo,
            r,
            ExprKind::Call {
                fun: Box::new(fun),
                args: args.into_boxed_slice(),
                has_dots,
            },
        )
    }

    /// `T{...}` (`ty` None for an elided type); `(T){}` is gc's "cannot
    /// parenthesize type in composite literal".
    pub fn composite(&self, ty: Option<Expr>, lv: (Pos, Vec<Expr>, Pos)) -> Expr {
        let (l, elems, r) = lv;
        if let Some(t) = &ty {
            if !complit_ok(t.unparen()) {
                // gc ends the operand here and the `{` is unexpected after
                // the statement or declaration.
                let msg = if self.track.borrow().at_top_level() {
                    "unexpected { after top level declaration"
                } else {
                    "unexpected { at end of statement"
                };
                self.syntax_error(l, msg);
            } else if matches!(t.kind, ExprKind::Paren(_)) {
                self.syntax_error(l, "cannot parenthesize type in composite literal");
            }
        }
        let lo = ty.as_ref().map_or(l, |t| t.span.lo);
        let nkeys = elems
            .iter()
            .filter(|e| matches!(e.kind, ExprKind::KeyValue { .. }))
            .count();
        let kind = ExprKind::CompositeLit(Box::new(CompositeLit {
            ty: boxed(ty),
            elems,
            nkeys,
            rbrace: r,
        }));
        self.expr(l, lo, r.offset(1), kind)
    }

    pub fn operation(
        &self,
        pos: Pos,
        lo: Pos,
        hi: Pos,
        op: Operator,
        x: Expr,
        y: Option<Expr>,
    ) -> Expr {
        self.expr(
            pos,
            lo,
            hi,
            ExprKind::Operation {
                op,
                x: Box::new(x),
                y: boxed(y),
            },
        )
    }

    pub fn binary(&self, x: Expr, p: Pos, op: Operator, y: Expr) -> Expr {
        let (lo, hi) = (x.span.lo, y.span.hi);
        self.operation(p, lo, hi, op, x, Some(y))
    }

    /// Adds `op y` to the binary expression `x` read so far, placing it by
    /// precedence: it descends the right spine of `x` past operators that
    /// bind less tightly (at most five levels), so `a + b * c` becomes
    /// `a + (b * c)` and `a * b + c` becomes `(a * b) + c`.
    pub fn climb(&self, mut x: Expr, p: Pos, op: Operator, y: Expr) -> Expr {
        let descend = matches!(&x.kind, ExprKind::Operation { op: xop, y: Some(_), .. }
            if xop.precedence() < op.precedence());
        if descend {
            if let ExprKind::Operation { y: Some(r), .. } = &mut x.kind {
                let placeholder = Expr {
                    id: NodeId(0),
                    pos: p,
                    span: Span::default(),
                    kind: ExprKind::Bad,
                };
                let old = std::mem::replace(&mut **r, placeholder);
                **r = self.climb(old, p, op, y);
                x.span.hi = r.span.hi;
            }
            let depth = 1 + self.expr_children_depth(&x.kind);
            self.set_depth(x.id, depth);
            return x;
        }
        self.binary(x, p, op, y)
    }

    /// A unary operation; `<-` applied to a channel type is re-associated
    /// into a receive-only channel type, as gc's unaryExpr does.
    pub fn unary(&self, l: Pos, op: Operator, mut x: Expr, r: Pos) -> Expr {
        if op == Operator::Recv && matches!(x.kind, ExprKind::ChanType { .. }) {
            // First find how many channel types to flip and what is wrong,
            // then flip them.
            let mut dir = ChanDir::SendOnly;
            let mut levels = 0;
            let mut t: &Expr = &x;
            while dir == ChanDir::SendOnly {
                match &t.kind {
                    ExprKind::ChanType { dir: d, elem } => {
                        dir = *d;
                        if dir == ChanDir::RecvOnly {
                            self.syntax_error(
                                self.next_token_pos(r, false),
                                "unexpected <-, expecting chan",
                            );
                            break;
                        }
                        levels += 1;
                        t = elem;
                    }
                    _ => {
                        let msg = format!("unexpected {}, expecting chan", expr_string(t));
                        self.syntax_error(self.next_token_pos(r, false), msg);
                        break;
                    }
                }
            }
            let mut t = &mut x;
            for _ in 0..levels {
                let cur = t;
                match &mut cur.kind {
                    ExprKind::ChanType { dir, elem } => {
                        *dir = ChanDir::RecvOnly;
                        t = elem;
                    }
                    _ => break,
                }
            }
            x.span.lo = l;
            return x;
        }
        self.operation(l, l, r, op, x, None)
    }

    pub fn array_type(&self, l: Pos, len: Expr, elem: Expr, r: Pos) -> Expr {
        self.expr(
            l,
            l,
            r,
            ExprKind::ArrayType {
                len: Some(Box::new(len)),
                elem: Box::new(elem),
            },
        )
    }

    pub fn signature(&self, params: (Pos, Vec<Field>), results: Option<Vec<Field>>) -> FuncType {
        FuncType {
            pos: params.0,
            params: params.1.into_boxed_slice(),
            results: results.unwrap_or_default().into_boxed_slice(),
        }
    }

    pub fn result_field(&self, t: Expr) -> Field {
        Field {
            pos: t.pos,
            name: None,
            ty: Arc::new(t),
        }
    }

    /// A function type expression at the `func` keyword.
    pub fn func_type(&self, l: Pos, r: Pos, mut sig: FuncType) -> Expr {
        sig.pos = l;
        self.expr(l, l, r, ExprKind::FuncType(Box::new(sig)))
    }

    pub fn func_lit(&self, t: Expr, body: Block, r: Pos) -> Expr {
        let ty = match t.kind {
            ExprKind::FuncType(ft) => ft,
            _ => Box::new(FuncType {
                pos: t.pos,
                params: Box::default(),
                results: Box::default(),
            }),
        };
        self.expr(
            t.pos,
            t.span.lo,
            r,
            ExprKind::FuncLit {
                ty,
                body: Box::new(body),
            },
        )
    }

    #[allow(clippy::vec_box)]
    pub fn struct_type(&self, l: Pos, r: Pos, groups: Vec<Box<FieldGroup>>) -> Expr {
        let mut fields = Vec::new();
        let mut tags = Vec::new();
        for g in groups {
            let g = *g;
            let ty = Arc::new(g.ty);
            if g.names.is_empty() {
                fields.push(Field {
                    pos: ty.pos,
                    name: None,
                    ty: ty.clone(),
                });
                tags.push(g.tag.clone());
            }
            for n in g.names {
                fields.push(Field {
                    pos: n.pos,
                    name: Some(n),
                    ty: ty.clone(),
                });
                tags.push(g.tag.clone());
            }
        }
        self.expr(
            l,
            l,
            r,
            ExprKind::StructType(Box::new(StructTypeExpr { fields, tags })),
        )
    }

    pub fn interface_type(&self, l: Pos, r: Pos, methods: Vec<Field>) -> Expr {
        self.expr(l, l, r, ExprKind::InterfaceType { methods })
    }

    pub fn method_elem(&self, name: Ident, sig: FuncType, r: Pos) -> Field {
        let p = sig.pos;
        let ty = self.expr(p, p, r, ExprKind::FuncType(Box::new(sig)));
        Field {
            pos: name.pos,
            name: Some(name),
            ty: Arc::new(ty),
        }
    }

    pub fn embedded_elem(&self, t: Expr) -> Field {
        Field {
            pos: t.pos,
            name: None,
            ty: Arc::new(t),
        }
    }
}

/// gc's complit_ok: whether `{` after `t` starts a composite literal.
fn complit_ok(t: &Expr) -> bool {
    match &t.kind {
        ExprKind::Name(_) | ExprKind::Selector { .. } => true,
        ExprKind::Index { .. } => !is_value(t),
        ExprKind::ArrayType { .. }
        | ExprKind::SliceType(_)
        | ExprKind::StructType(_)
        | ExprKind::MapType { .. } => true,
        _ => false,
    }
}

/// gc's isValue: `x` must be a value, not a type.
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit(_)
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::Assert { .. }
        | ExprKind::TypeSwitchGuard { .. }
        | ExprKind::Call { .. } => true,
        ExprKind::Operation { op, y, .. } => *op != Operator::Mul || y.is_some(),
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index { x, index } => is_value(x) || is_value(index),
        _ => false,
    }
}
