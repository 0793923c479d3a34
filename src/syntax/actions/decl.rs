//! Declarations and parameter lists: gc's paramList distribution,
//! const groups with iota and inheritance, pragmas, `type T[P C]` and gc's
//! extractName, function declarations.

use std::sync::Arc;

use super::{ParamEntry, Spec, SpecGroup};
use crate::syntax::ast::*;
use crate::syntax::ctx::{ParseCtx, PragmaTarget};
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;
use crate::syntax::token::Lit;

impl ParseCtx<'_> {
    // ------------------------------------------------------------ parameters

    /// gc's paramList fix-up. A lone name is a type unless some parameter
    /// has both a name and a type; then names without a type take the type
    /// of the next parameter that has one, and types without a name are
    /// an error ("mixed named and unnamed parameters", or for type
    /// parameters "type parameters must be named"/"missing type
    /// constraint"). Names sharing a type share its `Arc`.
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
                        ty: Arc::new(ty),
                    }
                })
                .collect();
        }
        let mut out: Vec<Field> = Vec::with_capacity(n);
        let mut err_pos = None;
        let mut cur: Option<Arc<Expr>> = None;
        for e in entries.into_iter().rev() {
            let e = *e;
            match (e.name, e.ty) {
                (name, Some(t)) => {
                    let t = Arc::new(t);
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
                            Arc::new(self.expr(name.pos, name.pos, name.pos, ExprKind::Bad))
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
    pub fn tparam_list(&self, _l: Pos, entries: Vec<Box<ParamEntry>>, r: Pos) -> Vec<Field> {
        if entries.is_empty() {
            self.syntax_error(r, "empty type parameter list");
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
        prev: &mut Option<(Option<Arc<Expr>>, Option<Arc<Expr>>)>,
    ) -> Decl {
        let pragma = DeclPragma::from(pragma);
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
                    let t = ty.map(Arc::new);
                    let v = values.map(Arc::new);
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
                ty: ty.map(Arc::new),
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
                    ty: Arc::new(t),
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
        let pragma = self.take_pragma(kw, PragmaTarget::Func).into();
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
}

/// gc's isTypeElem: x is (possibly parenthesized) a type element that
/// cannot be an ordinary expression.
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType(_)
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
            args,
            has_dots,
        } => {
            let ok = matches!(fun.kind, ExprKind::Name(_))
                && args.len() == 1
                && !has_dots
                && (force || is_type_elem(&args[0]));
            match (ok, &fun.kind) {
                (true, ExprKind::Name(s)) => Ok((ctx.ident(fun.pos, *s), args.into_vec().pop())),
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
