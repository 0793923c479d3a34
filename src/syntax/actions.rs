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

use std::rc::Rc;

use super::ast::*;
use super::ctx::{ParseCtx, PragmaTarget};
use super::dump::stmt_string;
use super::pos::{Pos, Span};
use super::printer::expr_string;
use super::symbol::Symbol;
use super::token::{Lit, SemiKind};

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
    fn pos(&self) -> Pos {
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

fn boxed(e: Option<Expr>) -> Option<Box<Expr>> {
    e.map(Box::new)
}

impl ParseCtx {
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

    fn expr_children_depth(&self, kind: &ExprKind) -> u32 {
        use ExprKind::*;
        let d = |e: &Expr| self.depth_of(e.id);
        match kind {
            Bad | Name(_) | BasicLit(_) => 0,
            CompositeLit { ty, elems, .. } => elems
                .iter()
                .map(d)
                .max()
                .unwrap_or(0)
                .max(self.opt_depth(ty)),
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
            StructType { fields, .. } => self.fields_depth(fields),
            InterfaceType { methods } => self.fields_depth(methods),
            FuncType(ft) => self
                .fields_depth(&ft.params)
                .max(self.fields_depth(&ft.results)),
            MapType { key, value } => d(key).max(d(value)),
            ChanType { elem, .. } => d(elem),
        }
    }

    fn decl_depth(&self, decl: &Decl) -> u32 {
        let opt = |e: &Option<Rc<Expr>>| e.as_ref().map_or(0, |e| self.depth_of(e.id));
        match decl {
            Decl::Const(c) => opt(&c.ty).max(opt(&c.values)),
            Decl::Var(v) => opt(&v.ty).max(v.values.as_ref().map_or(0, |e| self.depth_of(e.id))),
            Decl::Type(t) => self.depth_of(t.ty.id).max(self.fields_depth(&t.tparams)),
            Decl::Import(_) | Decl::Func(_) => 0,
        }
    }

    fn stmt_children_depth(&self, kind: &StmtKind) -> u32 {
        use StmtKind::*;
        let d = |e: &super::ast::Expr| self.depth_of(e.id);
        let ds = |s: &Option<Box<Stmt>>| s.as_ref().map_or(0, |s| self.depth_of(s.id));
        let de = |e: &Option<super::ast::Expr>| e.as_ref().map_or(0, |e| self.depth_of(e.id));
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
            return v.pop().unwrap_or_else(|| unreachable!());
        }
        let pos = v.first().map_or(Pos::NONE, |e| e.pos);
        let lo = v.first().map_or(pos, |e| e.span.lo);
        let hi = v.last().map_or(pos, |e| e.span.hi);
        self.expr(pos, lo, hi, ExprKind::List(v))
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
                let index = [a, b, None];
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
                let index = [a, b, c];
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
                args,
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
        let kind = ExprKind::CompositeLit {
            ty: boxed(ty),
            elems,
            nkeys,
            rbrace: r,
        };
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
            params: params.1,
            results: results.unwrap_or_default(),
        }
    }

    pub fn result_field(&self, t: Expr) -> Field {
        Field {
            pos: t.pos,
            name: None,
            ty: Rc::new(t),
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
                params: Vec::new(),
                results: Vec::new(),
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
            let ty = Rc::new(g.ty);
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
        self.expr(l, l, r, ExprKind::StructType { fields, tags })
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
            ty: Rc::new(ty),
        }
    }

    pub fn embedded_elem(&self, t: Expr) -> Field {
        Field {
            pos: t.pos,
            name: None,
            ty: Rc::new(t),
        }
    }

    // ------------------------------------------------------------ parameters

    /// gc's paramList fix-up. A lone name is a type unless some parameter
    /// has both a name and a type; then names without a type take the type
    /// of the next parameter that has one, and types without a name are
    /// an error ("mixed named and unnamed parameters", or for type
    /// parameters "type parameters must be named"/"missing type
    /// constraint"). Names sharing a type share its `Rc`.
    #[allow(clippy::vec_box)]
    fn distribute(
        &self,
        entries: Vec<Box<ParamEntry>>,
        close: Pos,
        require_names: bool,
    ) -> Vec<Field> {
        let named = entries
            .iter()
            .filter(|e| e.name.is_some() && e.ty.is_some())
            .count();
        let typed = entries.iter().filter(|e| e.ty.is_some()).count();
        let n = entries.len();
        if named == 0 && !require_names {
            return entries
                .into_iter()
                .map(|e| {
                    let e = *e;
                    let ty = match (e.ty, e.name) {
                        (Some(t), _) => t,
                        (None, Some(n)) => self.name(n.pos, n.sym, n.span().hi),
                        (None, None) => self.expr(Pos::NONE, Pos::NONE, Pos::NONE, ExprKind::Bad),
                    };
                    Field {
                        pos: ty.pos,
                        name: None,
                        ty: Rc::new(ty),
                    }
                })
                .collect();
        }
        let mut out: Vec<Field> = Vec::with_capacity(n);
        let mut err_pos = None;
        let mut cur: Option<Rc<Expr>> = None;
        for e in entries.into_iter().rev() {
            let e = *e;
            match (e.name, e.ty) {
                (name, Some(t)) => {
                    let t = Rc::new(t);
                    let name = name.or_else(|| {
                        // gc: StartPos(typ), the type's leftmost position.
                        err_pos = Some(t.span.lo);
                        Some(self.ident(t.span.lo, Symbol::intern("_")))
                    });
                    let pos = name.as_ref().map_or(t.pos, |n| n.pos);
                    cur = Some(t.clone());
                    out.push(Field { pos, name, ty: t });
                }
                (Some(name), None) => {
                    let ty = match &cur {
                        Some(t) => t.clone(),
                        None => {
                            err_pos = Some(name.pos);
                            Rc::new(self.expr(name.pos, name.pos, name.pos, ExprKind::Bad))
                        }
                    };
                    out.push(Field {
                        pos: name.pos,
                        name: Some(name),
                        ty,
                    });
                }
                (None, None) => {}
            }
        }
        out.reverse();
        if named != n {
            if let Some(mut pos) = err_pos {
                let msg = if require_names {
                    if named == typed {
                        pos = close;
                        "missing type constraint"
                    } else {
                        "type parameters must be named"
                    }
                } else {
                    "mixed named and unnamed parameters"
                };
                self.syntax_error(pos, msg);
            }
        }
        out
    }

    #[allow(clippy::vec_box)]
    pub fn param_list(&self, _l: Pos, entries: Vec<Box<ParamEntry>>, r: Pos) -> Vec<Field> {
        self.distribute(entries, r, false)
    }

    #[allow(clippy::vec_box)]
    pub fn tparam_list(&self, l: Pos, entries: Vec<Box<ParamEntry>>, r: Pos) -> Vec<Field> {
        if entries.is_empty() {
            self.error(l, "empty type parameter list");
        }
        self.distribute(entries, r, true)
    }

    // ------------------------------------------------------------ declarations

    pub fn file(&self, pos: Pos, pkg_name: Ident, decls: Vec<Decl>, eof: Pos) -> File {
        let pragma = self.take_pragma(pos, PragmaTarget::File);
        File {
            pos,
            pragma,
            pkg_name,
            decls,
            eof,
        }
    }

    pub fn append_top(&self, v: &mut Vec<Decl>, p: Pos, d: Vec<Decl>) {
        if let Some(Decl::Import(_)) = d.first() {
            if v.iter().any(|x| !matches!(x, Decl::Import(_))) {
                self.syntax_error(p, "imports must appear before other declarations");
            }
        }
        v.extend(d);
    }

    pub fn import_spec(
        &self,
        p: Pos,
        name: Option<Ident>,
        dot: Option<Pos>,
        lp: Pos,
        path: Lit,
    ) -> Spec {
        let local_name = name.or_else(|| dot.map(|d| self.ident(d, Symbol::intern("."))));
        let mut path = self.basic_lit(lp, path);
        if !path.bad && path.kind != LitKind::String {
            // gc reports at the token after the literal.
            let after = self.next_token_pos(lp.offset(path.value.as_str().len() as u32), false);
            self.syntax_error(after, "import path must be a string");
            path.bad = true;
        }
        Spec::Import {
            pos: p,
            local_name,
            path,
        }
    }

    /// The declarations of one `import`/`const`/`var`/`type` keyword; the
    /// specs of a group share a [`GroupId`], consts get `iota` and inherit
    /// the previous spec's type and values.
    pub fn decls(&self, kw: Pos, g: SpecGroup, target: PragmaTarget) -> Vec<Decl> {
        self.track.borrow_mut().after_bodiless_func = false;
        match g {
            SpecGroup::Single(s) => {
                let pragma = self.take_pragma(kw, target);
                vec![self.spec_decl(*s, None, pragma, 0, &mut None)]
            }
            SpecGroup::Group(_, specs) => {
                let group = Some(GroupId(self.new_group()));
                let mut prev = None;
                let mut out = Vec::with_capacity(specs.len());
                for (i, s) in specs.into_iter().enumerate() {
                    let pragma = self.take_pragma(s.pos(), target);
                    out.push(self.spec_decl(*s, group, pragma, i as u32, &mut prev));
                }
                out
            }
        }
    }

    #[allow(clippy::type_complexity)]
    fn spec_decl(
        &self,
        s: Spec,
        group: Option<GroupId>,
        pragma: Pragma,
        iota: u32,
        prev: &mut Option<(Option<Rc<Expr>>, Option<Rc<Expr>>)>,
    ) -> Decl {
        match s {
            Spec::Import {
                pos,
                local_name,
                path,
            } => Decl::Import(ImportDecl {
                pos,
                group,
                pragma,
                local_name,
                path: Some(path),
            }),
            Spec::Const {
                pos,
                names,
                ty,
                values,
            } => {
                let (ty, values, inherited) = if ty.is_none() && values.is_none() && group.is_some()
                {
                    match prev {
                        Some((t, v)) => (t.clone(), v.clone(), true),
                        None => (None, None, false),
                    }
                } else {
                    let t = ty.map(Rc::new);
                    let v = values.map(Rc::new);
                    *prev = Some((t.clone(), v.clone()));
                    (t, v, false)
                };
                Decl::Const(ConstDecl {
                    pos,
                    group,
                    pragma,
                    names,
                    ty,
                    values,
                    inherited,
                    iota,
                })
            }
            Spec::Var {
                pos,
                names,
                ty,
                values,
            } => Decl::Var(VarDecl {
                pos,
                group,
                pragma,
                names,
                ty: ty.map(Rc::new),
                values,
            }),
            Spec::Type {
                pos,
                name,
                tparams,
                alias,
                ty,
            } => {
                if alias && !tparams.is_empty() {
                    self.error(name.pos, "generic type cannot be alias");
                }
                Decl::Type(TypeDecl {
                    pos,
                    group,
                    pragma,
                    name,
                    tparams,
                    alias,
                    ty,
                })
            }
        }
    }

    /// `type T[P C, ...] ...` and `type T[X, ...] ...`: a type parameter
    /// list whose first entry was read as an expression `x` (with its
    /// constraint `c` when one followed).
    #[allow(clippy::too_many_arguments, clippy::vec_box)]
    pub fn type_spec_tparams(
        &self,
        pos: Pos,
        name: Ident,
        x: Expr,
        c: Option<Expr>,
        rest: Option<Vec<Box<ParamEntry>>>,
        close: Pos,
        alias: bool,
        ty: Expr,
    ) -> Spec {
        let first = match c {
            Some(c) => match x.kind {
                ExprKind::Name(s) => ParamEntry::named(self.ident(x.pos, s), c),
                _ => {
                    self.syntax_error(c.pos, "unexpected type, expecting ]");
                    ParamEntry::ty(c)
                }
            },
            None => match extract_name(self, x, true) {
                Ok((n, Some(t))) => ParamEntry::named(n, t),
                Ok((n, None)) => ParamEntry::name(n),
                Err(x) => {
                    self.syntax_error(x.span.hi, "unexpected comma, expecting ]");
                    ParamEntry::ty(x)
                }
            },
        };
        let mut entries = vec![first];
        entries.extend(rest.unwrap_or_default());
        let tparams = self.distribute(entries, close, true);
        Spec::Type {
            pos,
            name,
            tparams,
            alias,
            ty,
        }
    }

    /// `type T [x] E`: an array type, unless gc's extractName splits `x`
    /// into a type parameter and its constraint (`[P *C]` with `*C` a
    /// type element, `[P (C)]` likewise).
    pub fn type_spec_bracket(
        &self,
        pos: Pos,
        name: Ident,
        l: Pos,
        x: Expr,
        alias: bool,
        ty: Expr,
    ) -> Spec {
        match extract_name(self, x, false) {
            Ok((n, Some(t))) => {
                let tparams = vec![Field {
                    pos: n.pos,
                    name: Some(n),
                    ty: Rc::new(t),
                }];
                Spec::Type {
                    pos,
                    name,
                    tparams,
                    alias,
                    ty,
                }
            }
            Ok((n, None)) => {
                let x = self.name(n.pos, n.sym, n.span().hi);
                self.bracket_array(pos, name, l, x, alias, ty)
            }
            Err(x) => self.bracket_array(pos, name, l, x, alias, ty),
        }
    }

    fn bracket_array(&self, pos: Pos, name: Ident, l: Pos, x: Expr, alias: bool, ty: Expr) -> Spec {
        if alias {
            self.syntax_error(ty.span.lo, "unexpected =, expecting type");
        }
        let hi = ty.span.hi;
        let arr = self.array_type(l, x, ty, hi);
        Spec::Type {
            pos,
            name,
            tparams: Vec::new(),
            alias: false,
            ty: arr,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn func_decl(
        &self,
        kw: Pos,
        p: Pos,
        recv: Option<(Pos, Vec<Field>)>,
        name: Ident,
        tp: Option<(Pos, Vec<Field>)>,
        mut sig: FuncType,
        body: Option<Block>,
    ) -> FuncDecl {
        let pragma = self.take_pragma(kw, PragmaTarget::Func);
        self.track.borrow_mut().after_bodiless_func = body.is_none();
        let recv = recv.and_then(|(rp, mut list)| {
            match list.len() {
                0 => self.error(rp, "method has no receiver"),
                1 => {}
                _ => self.error(rp, "method has multiple receivers"),
            }
            (!list.is_empty()).then(|| list.swap_remove(0))
        });
        let tparams = match tp {
            Some((tpos, list)) => {
                sig.pos = tpos;
                if recv.is_some() {
                    self.syntax_error(tpos, "method must have no type parameters");
                }
                list
            }
            None => Vec::new(),
        };
        FuncDecl {
            pos: p,
            pragma,
            recv,
            name,
            tparams,
            ty: sig,
            body,
        }
    }

    // ------------------------------------------------------------ statements

    pub fn labeled(&self, p: Pos, label: Symbol, colon: Pos, s: Option<Box<Stmt>>) -> Stmt {
        if s.is_none() {
            // gc accepts `L: }` and `L: ;` but not `L:` before case/default.
            let next = self.text_at(self.next_token_pos(colon.offset(1), true));
            let word = next
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("");
            if word == "case" || word == "default" {
                self.syntax_error(colon, "missing statement after label");
            }
        }
        let stmt = s.unwrap_or_else(|| Box::new(self.stmt(colon, StmtKind::Empty)));
        let label = self.ident(p, label);
        self.stmt(colon, StmtKind::Labeled { label, stmt })
    }

    /// `go x` / `defer x`: gc requires an unparenthesized call.
    pub fn call_stmt(&self, p: Pos, tok: CallTok, x: Expr) -> Stmt {
        let word = if tok == CallTok::Go { "go" } else { "defer" };
        let mut x = x;
        if let ExprKind::Paren(_) = x.kind {
            self.error(
                x.pos,
                format!("expression in {word} must not be parenthesized"),
            );
            while let ExprKind::Paren(inner) = x.kind {
                x = *inner;
            }
        }
        if !matches!(x.kind, ExprKind::Call { .. }) {
            self.error(x.pos, format!("expression in {word} must be function call"));
            // gc assumes a missing call: `defer f` becomes `defer f()`.
            let (pos, lo, hi) = (x.pos, x.span.lo, x.span.hi);
            let kind = ExprKind::Call {
                fun: Box::new(x),
                args: Vec::new(),
                has_dots: false,
            };
            x = self.expr(pos, lo, hi, kind);
        }
        self.stmt(p, StmtKind::Call { tok, call: x })
    }

    pub fn define(&self, p: Pos, lhs: Expr, rhs: Expr) -> Stmt {
        self.stmt(
            p,
            StmtKind::Assign {
                op: Some(Operator::Def),
                lhs,
                rhs: Some(rhs),
            },
        )
    }

    /// gc's header "unpack condStmt": the condition of an if, for or
    /// switch must be an expression statement.
    fn cond_of(&self, s: Option<Box<Stmt>>) -> Option<Expr> {
        let s = *s?;
        match s.kind {
            StmtKind::Expr(x) => Some(x),
            ref kind => {
                let str = match kind {
                    StmtKind::Assign {
                        op: None,
                        lhs,
                        rhs: Some(rhs),
                    } => {
                        format!("assignment ({}) = ({})", expr_string(lhs), expr_string(rhs))
                    }
                    _ => stmt_string(&s),
                };
                self.syntax_error(s.pos, format!("cannot use {str} as value"));
                Some(self.expr(s.pos, s.pos, s.pos, ExprKind::Bad))
            }
        }
    }

    fn header(
        &self,
        h: Option<Header>,
        is_if: bool,
        lbrace: Pos,
    ) -> (Option<Box<Stmt>>, Option<Box<Stmt>>) {
        let h = match h {
            Some(Header::Var(p, h)) => {
                let kw = if is_if { "if" } else { "switch" };
                self.syntax_error(
                    p,
                    format!("var declaration not allowed in {kw} initializer"),
                );
                Some(*h)
            }
            h => h,
        };
        match h {
            None => {
                if is_if {
                    self.syntax_error(lbrace, "missing condition in if statement");
                }
                (None, None)
            }
            Some(Header::One(s)) => (None, Some(s)),
            Some(Header::Var(_, _)) | Some(Header::Bad) => (None, None),
            Some(Header::Two(init, semi, kind, cond)) => {
                if cond.is_none() && is_if {
                    if kind != SemiKind::Semicolon {
                        let msg =
                            format!("unexpected {}, expecting {{ after if clause", kind.as_str());
                        self.syntax_error(semi, msg);
                    } else {
                        self.syntax_error(semi, "missing condition in if statement");
                    }
                }
                (init, cond)
            }
        }
    }

    pub fn if_stmt(&self, p: Pos, h: Option<Header>, then: Block, els: Option<Box<Stmt>>) -> Stmt {
        let (init, cond) = self.header(h, true, then.pos);
        let cond = self.cond_of(cond);
        self.stmt(
            p,
            StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        )
    }

    /// A clause's statements must end with `;` unless the clause is the
    /// last before `}` (gc: "unexpected case at end of statement").
    fn check_clause_ends(&self, ends: impl Iterator<Item = (bool, Pos, bool)>) {
        let mut prev_open = false;
        for (open, pos, is_case) in ends {
            if prev_open {
                let what = if is_case { "case" } else { "default" };
                self.syntax_error(pos, format!("unexpected {what} at end of statement"));
            }
            prev_open = open;
        }
    }

    pub fn select_stmt(&self, p: Pos, body: Vec<(Box<CommClause>, bool)>, r: Pos) -> Stmt {
        self.check_clause_ends(
            body.iter()
                .map(|(c, open)| (*open, c.pos, c.comm.is_some() || c.colon == c.pos)),
        );
        let body = body.into_iter().map(|(c, _)| *c).collect();
        self.stmt(p, StmtKind::Select { body, rbrace: r })
    }

    pub fn switch_stmt(
        &self,
        p: Pos,
        h: Option<Header>,
        l: Pos,
        body: Vec<(Box<CaseClause>, bool)>,
        r: Pos,
    ) -> Stmt {
        self.check_clause_ends(
            body.iter()
                .map(|(c, open)| (*open, c.pos, c.cases.is_some() || c.colon == c.pos)),
        );
        let body = body.into_iter().map(|(c, _)| *c).collect();
        let (init, tag) = self.header(h, false, l);
        let tag = tag.map(|t| *t);
        // `switch x := y.(type)`: gc's simpleStmt makes this the guard.
        let tag = match tag {
            Some(Stmt {
                kind:
                    StmtKind::Assign {
                        op: Some(Operator::Def),
                        lhs,
                        rhs: Some(rhs),
                    },
                pos,
                id,
            }) => match (lhs.kind, rhs.kind) {
                (ExprKind::Name(s), ExprKind::TypeSwitchGuard { lhs: None, x }) => {
                    let name = Some(self.ident(lhs.pos, s));
                    let guard = ExprKind::TypeSwitchGuard { lhs: name, x };
                    let g = self.expr(rhs.pos, lhs.span.lo, rhs.span.hi, guard);
                    Some(Box::new(self.stmt(g.pos, StmtKind::Expr(g))))
                }
                (lk, rk) => {
                    let lhs = Expr { kind: lk, ..lhs };
                    let rhs = Expr { kind: rk, ..rhs };
                    let kind = StmtKind::Assign {
                        op: Some(Operator::Def),
                        lhs,
                        rhs: Some(rhs),
                    };
                    Some(Box::new(Stmt { id, pos, kind }))
                }
            },
            other => other.map(Box::new),
        };
        let tag = self.cond_of(tag);
        self.stmt(
            p,
            StmtKind::Switch {
                init,
                tag,
                body,
                rbrace: r,
            },
        )
    }

    pub fn for_stmt(&self, p: Pos, h: Option<ForHeader>, body: Block) -> Stmt {
        let h = match h {
            Some(ForHeader::Var(p, h)) => {
                self.syntax_error(p, "var declaration not allowed in for initializer");
                Some(*h)
            }
            h => h,
        };
        let (init, cond, post) = match h {
            Some(ForHeader::Var(_, _)) | Some(ForHeader::Bad) => (None, None, None),
            None => (None, None, None),
            Some(ForHeader::One(s)) => (None, self.cond_of(Some(s)), None),
            Some(ForHeader::Range(rp, lhs, def, x)) => {
                let r = self.stmt(
                    rp,
                    StmtKind::Range {
                        lhs: lhs.map(|l| *l),
                        def,
                        x: *x,
                    },
                );
                (Some(Box::new(r)), None, None)
            }
            Some(ForHeader::Three(init, cond, post)) => {
                if let Some(StmtKind::Assign {
                    op: Some(Operator::Def),
                    ..
                }) = post.as_ref().map(|p| &p.kind)
                {
                    let pos = post.as_ref().map_or(p, |s| s.pos);
                    self.syntax_error(pos, "cannot declare in post statement of for loop");
                }
                (init, self.cond_of(cond), post)
            }
        };
        self.stmt(
            p,
            StmtKind::For {
                init,
                cond,
                post,
                body,
            },
        )
    }
}

/// gc's complit_ok: whether `{` after `t` starts a composite literal.
fn complit_ok(t: &Expr) -> bool {
    match &t.kind {
        ExprKind::Name(_) | ExprKind::Selector { .. } => true,
        ExprKind::Index { .. } => !is_value(t),
        ExprKind::ArrayType { .. }
        | ExprKind::SliceType(_)
        | ExprKind::StructType { .. }
        | ExprKind::MapType { .. } => true,
        _ => false,
    }
}

/// gc's isValue: `x` must be a value, not a type.
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit { .. }
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

/// gc's isTypeElem: x is (possibly parenthesized) a type element that
/// cannot be an ordinary expression.
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType { .. }
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType { .. }
        | ExprKind::SliceType(_)
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => true,
        ExprKind::Operation { op, x, y } => {
            is_type_elem(x) || y.as_deref().is_some_and(is_type_elem) || *op == Operator::Tilde
        }
        ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// gc's extractName: splits `x` into a name and a type parameter
/// constraint if `x` can be read as `name constraint`; Err(x) otherwise.
fn extract_name(ctx: &ParseCtx, x: Expr, force: bool) -> Result<(Ident, Option<Expr>), Expr> {
    match x.kind {
        ExprKind::Name(s) => Ok((ctx.ident(x.pos, s), None)),
        ExprKind::Operation {
            op: Operator::Mul,
            x: lhs,
            y: Some(y),
        } => {
            if let (ExprKind::Name(s), true) = (&lhs.kind, force || is_type_elem(&y)) {
                let name = ctx.ident(lhs.pos, *s);
                let hi = y.span.hi;
                Ok((
                    name,
                    Some(ctx.operation(x.pos, x.pos, hi, Operator::Mul, *y, None)),
                ))
            } else {
                let kind = ExprKind::Operation {
                    op: Operator::Mul,
                    x: lhs,
                    y: Some(y),
                };
                Err(Expr { kind, ..x })
            }
        }
        ExprKind::Operation {
            op: Operator::Or,
            x: lhs,
            y: Some(y),
        } => {
            let f = force || is_type_elem(&y);
            match extract_name(ctx, *lhs, f) {
                Ok((name, Some(l))) => {
                    let lo = l.span.lo;
                    Ok((
                        name,
                        Some(ctx.operation(x.pos, lo, x.span.hi, Operator::Or, l, Some(*y))),
                    ))
                }
                Ok((name, None)) => {
                    let lhs = Box::new(ctx.name(name.pos, name.sym, name.span().hi));
                    Err(Expr {
                        kind: ExprKind::Operation {
                            op: Operator::Or,
                            x: lhs,
                            y: Some(y),
                        },
                        ..x
                    })
                }
                Err(l) => Err(Expr {
                    kind: ExprKind::Operation {
                        op: Operator::Or,
                        x: Box::new(l),
                        y: Some(y),
                    },
                    ..x
                }),
            }
        }
        ExprKind::Call {
            fun,
            mut args,
            has_dots,
        } => {
            let ok = matches!(fun.kind, ExprKind::Name(_))
                && args.len() == 1
                && !has_dots
                && (force || is_type_elem(&args[0]));
            match (ok, &fun.kind) {
                (true, ExprKind::Name(s)) => Ok((ctx.ident(fun.pos, *s), args.pop())),
                _ => Err(Expr {
                    kind: ExprKind::Call {
                        fun,
                        args,
                        has_dots,
                    },
                    ..x
                }),
            }
        }
        kind => Err(Expr { kind, ..x }),
    }
}
