//! Printing trees and tokens: `--dump-ast`, `--dump-tokens`, and gc's
//! one-line expression form used inside messages.
//!
//! [`dump_file`] writes one node per line, indented by depth, as an
//! s-expression: `(call @3:14 (sel @3:5 fmt Println) "hi")`. With a
//! [`SourceMap`] every node carries `@line:col` of its gc position.
//! [`stmt_string`] is gc's `syntax.String` for the simple statements that
//! appear in messages; expressions print through `printer.rs`.

use std::fmt::Write;

use super::ast::*;
use super::ctx::ParseCtx;
use super::lexer::{sanitize, Lexer};
use super::pos::{Pos, SourceMap};
use super::printer::expr_string;

/// gc's `String(stmt)` for the simple statements that appear in messages.
pub fn stmt_string(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(x) => expr_string(x),
        StmtKind::Send { chan, value } => {
            format!("{} <- {}", expr_string(chan), expr_string(value))
        }
        StmtKind::Assign { op, lhs, rhs: None } => {
            let o = op.map_or("", Operator::as_str);
            format!("{}{o}{o}", expr_string(lhs))
        }
        StmtKind::Assign {
            op,
            lhs,
            rhs: Some(rhs),
        } => {
            let o = match op {
                None => "=".to_string(),
                Some(Operator::Def) => ":=".to_string(),
                Some(op) => format!("{}=", op.as_str()),
            };
            format!("{} {o} {}", expr_string(lhs), expr_string(rhs))
        }
        StmtKind::Range { lhs, def, x } => match lhs {
            Some(l) => format!(
                "{} {} range {}",
                expr_string(l),
                if *def { ":=" } else { "=" },
                expr_string(x)
            ),
            None => format!("range {}", expr_string(x)),
        },
        _ => "statement".to_string(),
    }
}

/// Writes the tree of a file, one node per line (see the module comment).
pub fn dump_file(f: &File) -> String {
    let mut d = Dumper {
        out: String::new(),
        map: None,
        depth: 0,
    };
    d.file(f);
    d.out
}

/// Like [`dump_file`], with `@line:col` positions from `map`.
pub fn dump_file_with_positions(f: &File, map: &SourceMap) -> String {
    let mut d = Dumper {
        out: String::new(),
        map: Some(map),
        depth: 0,
    };
    d.file(f);
    d.out
}

/// `--dump-tokens`: one token per line, `line:col token`, with gc's
/// inserted semicolons shown as `; newline` / `; EOF`.
pub fn dump_tokens(name: &str, src: &[u8]) -> String {
    let mut errors = Vec::new();
    let text = sanitize(src, &mut errors);
    let mut map = SourceMap::new();
    let Some(file) = map.add(name, std::sync::Arc::from(&*text)) else {
        return String::new();
    };
    let ctx = ParseCtx::new(0);
    let mut out = String::new();
    for (lo, tok, _) in Lexer::new(&file.src, file.base, &ctx).flatten() {
        let p = map.position(lo);
        let text = match tok {
            super::token::Tok::Name(s) => format!("name {s}"),
            super::token::Tok::Semi(k) => format!("; {}", k.as_str()),
            other => other.describe(),
        };
        let _ = writeln!(out, "{}:{}\t{}", p.line, p.col, text);
    }
    out
}

struct Dumper<'m> {
    out: String,
    map: Option<&'m SourceMap>,
    depth: usize,
}

impl Dumper<'_> {
    fn line(&mut self, head: &str, pos: Pos) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(head);
        if let Some(m) = self.map {
            let p = m.position(pos);
            let _ = write!(self.out, " @{}:{}", p.line, p.col);
        }
        self.out.push('\n');
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn file(&mut self, f: &File) {
        self.line(&format!("package {}", f.pkg_name.sym), f.pos);
        self.nested(|d| {
            for p in &f.pragma.directives {
                d.line(&format!("directive {}", p.1), p.0);
            }
            for decl in &f.decls {
                d.decl(decl);
            }
        });
    }

    fn pragma(&mut self, p: &Pragma) {
        for (pos, text) in &p.directives {
            let tag = if p.misplaced.contains(pos) {
                "misplaced directive"
            } else {
                "directive"
            };
            self.line(&format!("{tag} {text}"), *pos);
        }
    }

    fn names(names: &[Ident]) -> String {
        names
            .iter()
            .map(|n| n.sym.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn group(g: Option<GroupId>) -> String {
        g.map_or(String::new(), |g| format!(" group={}", g.0))
    }

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Import(d) => {
                let name = d
                    .local_name
                    .as_ref()
                    .map_or(String::new(), |n| format!("{} ", n.sym));
                let path = d.path.as_ref().map_or("<missing>", |p| p.value.as_str());
                self.line(
                    &format!("import {name}{path}{}", Self::group(d.group)),
                    d.pos,
                );
            }
            Decl::Const(d) => {
                let inh = if d.inherited { " inherited" } else { "" };
                let head = format!(
                    "const {} iota={}{inh}{}",
                    Self::names(&d.names),
                    d.iota,
                    Self::group(d.group)
                );
                self.line(&head, d.pos);
                self.nested(|s| {
                    s.pragma(&d.pragma);
                    if let Some(t) = &d.ty {
                        s.labeled("type", t);
                    }
                    if let Some(v) = &d.values {
                        s.labeled("values", v);
                    }
                });
            }
            Decl::Var(d) => {
                self.line(
                    &format!("var {}{}", Self::names(&d.names), Self::group(d.group)),
                    d.pos,
                );
                self.nested(|s| {
                    s.pragma(&d.pragma);
                    if let Some(t) = &d.ty {
                        s.labeled("type", t);
                    }
                    if let Some(v) = &d.values {
                        s.labeled("values", v);
                    }
                });
            }
            Decl::Type(d) => {
                let alias = if d.alias { " alias" } else { "" };
                self.line(
                    &format!("type {}{alias}{}", d.name.sym, Self::group(d.group)),
                    d.pos,
                );
                self.nested(|s| {
                    s.pragma(&d.pragma);
                    s.fields("tparam", &d.tparams);
                    s.expr(&d.ty);
                });
            }
            Decl::Func(d) => {
                self.line(&format!("func {}", d.name.sym), d.pos);
                self.nested(|s| {
                    s.pragma(&d.pragma);
                    if let Some(r) = &d.recv {
                        s.fields("recv", std::slice::from_ref(r));
                    }
                    s.fields("tparam", &d.tparams);
                    s.sig(&d.ty);
                    if let Some(b) = &d.body {
                        s.block("body", b);
                    }
                });
            }
        }
    }

    fn labeled(&mut self, label: &str, e: &Expr) {
        self.line(label, e.pos);
        self.nested(|s| s.expr(e));
    }

    fn fields(&mut self, what: &str, fields: &[Field]) {
        for f in fields {
            let unnamed = if what == "field" || what == "elem" {
                "(embedded)"
            } else {
                "-"
            };
            let name = f
                .name
                .as_ref()
                .map_or(unnamed.to_string(), |n| n.sym.to_string());
            self.line(&format!("{what} {name}"), f.pos);
            self.nested(|s| s.expr(&f.ty));
        }
    }

    fn sig(&mut self, ft: &FuncType) {
        self.line("signature", ft.pos);
        self.nested(|s| {
            s.fields("param", &ft.params);
            s.fields("result", &ft.results);
        });
    }

    fn block(&mut self, what: &str, b: &Block) {
        self.line(what, b.pos);
        self.nested(|s| {
            for st in &b.stmts {
                s.stmt(st);
            }
        });
    }

    fn opt_expr(&mut self, label: &str, e: &Option<Expr>) {
        if let Some(e) = e {
            self.labeled(label, e);
        }
    }

    fn opt_stmt(&mut self, label: &str, st: &Option<Box<Stmt>>) {
        if let Some(st) = st {
            self.line(label, st.pos);
            self.nested(|s| s.stmt(st));
        }
    }

    fn stmt(&mut self, st: &Stmt) {
        use StmtKind::*;
        match &st.kind {
            Empty => self.line("empty", st.pos),
            Labeled { label, stmt } => {
                self.line(&format!("label {}", label.sym), st.pos);
                self.nested(|s| s.stmt(stmt));
            }
            Block(b) => self.block("block", b),
            Expr(x) => {
                self.line("expr", st.pos);
                self.nested(|s| s.expr(x));
            }
            Send { chan, value } => {
                self.line("send", st.pos);
                self.nested(|s| {
                    s.expr(chan);
                    s.expr(value);
                });
            }
            Decl(ds) => {
                self.line("decl", st.pos);
                self.nested(|s| ds.iter().for_each(|d| s.decl(d)));
            }
            Assign { op, lhs, rhs } => {
                let o = match op {
                    None => "=".to_string(),
                    Some(Operator::Def) => ":=".to_string(),
                    Some(o) if rhs.is_none() => format!("{0}{0}", o.as_str()),
                    Some(o) => format!("{}=", o.as_str()),
                };
                self.line(&format!("assign {o}"), st.pos);
                self.nested(|s| {
                    s.expr(lhs);
                    if let Some(r) = rhs {
                        s.expr(r);
                    }
                });
            }
            Branch { tok, label } => {
                let l = label
                    .as_ref()
                    .map_or(String::new(), |l| format!(" {}", l.sym));
                self.line(&format!("{}{l}", format!("{tok:?}").to_lowercase()), st.pos);
            }
            Call { tok, call } => {
                self.line(&format!("{tok:?}").to_lowercase(), st.pos);
                self.nested(|s| s.expr(call));
            }
            Return { results } => {
                self.line("return", st.pos);
                self.nested(|s| {
                    if let Some(r) = results {
                        s.expr(r);
                    }
                });
            }
            If {
                init,
                cond,
                then,
                els,
            } => {
                self.line("if", st.pos);
                self.nested(|s| {
                    s.opt_stmt("init", init);
                    s.opt_expr("cond", cond);
                    s.block("then", then);
                    s.opt_stmt("else", els);
                });
            }
            For {
                init,
                cond,
                post,
                body,
            } => {
                self.line("for", st.pos);
                self.nested(|s| {
                    s.opt_stmt("init", init);
                    s.opt_expr("cond", cond);
                    s.opt_stmt("post", post);
                    s.block("body", body);
                });
            }
            Range { lhs, def, x } => {
                self.line(if *def { "range :=" } else { "range" }, st.pos);
                self.nested(|s| {
                    s.opt_expr("lhs", lhs);
                    s.expr(x);
                });
            }
            Switch {
                init, tag, body, ..
            } => {
                self.line("switch", st.pos);
                self.nested(|s| {
                    s.opt_stmt("init", init);
                    s.opt_expr("tag", tag);
                    for c in body {
                        s.line(if c.cases.is_some() { "case" } else { "default" }, c.pos);
                        s.nested(|s| {
                            if let Some(x) = &c.cases {
                                s.expr(x);
                            }
                            c.body.iter().for_each(|b| s.stmt(b));
                        });
                    }
                });
            }
            Select { body, .. } => {
                self.line("select", st.pos);
                self.nested(|s| {
                    for c in body {
                        s.line(if c.comm.is_some() { "case" } else { "default" }, c.pos);
                        s.nested(|s| {
                            if let Some(x) = &c.comm {
                                s.stmt(x);
                            }
                            c.body.iter().for_each(|b| s.stmt(b));
                        });
                    }
                });
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        use ExprKind::*;
        let kids: Vec<&Expr> = match &e.kind {
            Bad => return self.line("bad", e.pos),
            Name(n) => return self.line(&format!("name {n}"), e.pos),
            BasicLit(l) => return self.line(&format!("lit {:?} {}", l.kind, l.value), e.pos),
            CompositeLit(lit) => {
                self.line("composite", e.pos);
                return self.nested(|s| {
                    if let Some(t) = &lit.ty {
                        s.labeled("type", t);
                    }
                    lit.elems.iter().for_each(|x| s.expr(x));
                });
            }
            FuncLit { ty, body } => {
                self.line("funclit", e.pos);
                return self.nested(|s| {
                    s.sig(ty);
                    s.block("body", body);
                });
            }
            StructType(st) => {
                self.line("struct", e.pos);
                return self.nested(|s| {
                    for (f, t) in st.fields.iter().zip(&st.tags) {
                        s.fields("field", std::slice::from_ref(f));
                        if let Some(t) = t {
                            s.line(&format!("tag {}", t.value), t.pos);
                        }
                    }
                });
            }
            InterfaceType { methods } => {
                self.line("interface", e.pos);
                return self.nested(|s| s.fields("elem", methods));
            }
            FuncType(ft) => {
                self.line("functype", e.pos);
                return self.nested(|s| s.sig(ft));
            }
            Selector { x, sel } => {
                self.line(&format!("selector {}", sel.sym), e.pos);
                return self.nested(|s| s.expr(x));
            }
            TypeSwitchGuard { lhs, x } => {
                let l = lhs
                    .as_ref()
                    .map_or(String::new(), |l| format!(" {} :=", l.sym));
                self.line(&format!("typeswitchguard{l}"), e.pos);
                return self.nested(|s| s.expr(x));
            }
            Slice { x, index, full } => {
                self.line(if *full { "slice3" } else { "slice" }, e.pos);
                return self.nested(|s| {
                    s.expr(x);
                    for i in index.iter().take(if *full { 3 } else { 2 }) {
                        match i {
                            Some(i) => s.expr(i),
                            None => s.line("none", e.pos),
                        }
                    }
                });
            }
            KeyValue { key, value } => vec![key, value],
            Paren(x) => vec![x],
            Index { x, index } => vec![x, index],
            Assert { x, ty } => vec![x, ty],
            Operation { x, y, .. } => std::iter::once(&**x).chain(y.as_deref()).collect(),
            Call { fun, args, .. } => std::iter::once(&**fun).chain(args.iter()).collect(),
            List(l) => l.iter().collect(),
            ArrayType { len, elem } => len
                .as_deref()
                .into_iter()
                .chain(std::iter::once(&**elem))
                .collect(),
            SliceType(x) | DotsType(x) => vec![x],
            MapType { key, value } => vec![key, value],
            ChanType { elem, .. } => vec![elem],
        };
        let head = match &e.kind {
            KeyValue { .. } => "keyvalue".to_string(),
            Paren(_) => "paren".to_string(),
            Index { .. } => "index".to_string(),
            Assert { .. } => "assert".to_string(),
            Operation { op, .. } => format!("op {}", op.as_str()),
            Call { has_dots: true, .. } => "call ...".to_string(),
            Call { .. } => "call".to_string(),
            List(_) => "list".to_string(),
            ArrayType { len: None, .. } => "array ...".to_string(),
            ArrayType { .. } => "array".to_string(),
            SliceType(_) => "slicetype".to_string(),
            DotsType(_) => "dots".to_string(),
            MapType { .. } => "map".to_string(),
            ChanType { dir, .. } => format!("chan {dir:?}"),
            _ => "?".to_string(),
        };
        self.line(&head, e.pos);
        self.nested(|s| kids.into_iter().for_each(|k| s.expr(k)));
    }
}
