//! Expressions printed back as source, in gc's short form (syntax.String):
//! function bodies and composite literal contents become `…`. This is the
//! text gc quotes in type-checking messages (`cannot use x + 1 (value of
//! type int) ...`).

use super::ast::{ChanDir, Expr, ExprKind, Field, FuncType};

/// gc's `syntax.String(x)`.
pub fn expr_string(e: &Expr) -> String {
    let mut p = Printer { buf: String::new() };
    p.expr(e);
    p.buf
}

struct Printer {
    buf: String,
}

impl Printer {
    fn s(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Bad => self.s("<bad expr>"),
            ExprKind::Name(n) => self.s(n.as_str()),
            ExprKind::BasicLit(lit) => self.s(lit.value.as_str()),
            ExprKind::FuncLit { ty, body } => {
                self.s("func");
                self.signature(ty);
                self.s(" {");
                if !body.stmts.is_empty() {
                    self.s("…");
                }
                self.s("}");
            }
            ExprKind::CompositeLit(lit) => {
                if let Some(t) = &lit.ty {
                    self.expr(t);
                }
                self.s("{");
                if !lit.elems.is_empty() {
                    self.s("…");
                }
                self.s("}");
            }
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                self.s(": ");
                self.expr(value);
            }
            ExprKind::Paren(x) => {
                self.s("(");
                self.expr(x);
                self.s(")");
            }
            ExprKind::Selector { x, sel } => {
                self.expr(x);
                self.s(".");
                self.s(sel.sym.as_str());
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.s("[");
                self.expr(index);
                self.s("]");
            }
            ExprKind::Slice { x, index, .. } => {
                self.expr(x);
                self.s("[");
                if let Some(i) = &index[0] {
                    self.expr(i);
                }
                self.s(":");
                if let Some(j) = &index[1] {
                    self.expr(j);
                }
                if let Some(k) = &index[2] {
                    self.s(":");
                    self.expr(k);
                }
                self.s("]");
            }
            ExprKind::Assert { x, ty } => {
                self.expr(x);
                self.s(".(");
                self.expr(ty);
                self.s(")");
            }
            ExprKind::TypeSwitchGuard { lhs, x } => {
                if let Some(l) = lhs {
                    self.s(l.sym.as_str());
                    self.s(" := ");
                }
                self.expr(x);
                self.s(".(type)");
            }
            ExprKind::Call {
                fun,
                args,
                has_dots,
            } => {
                self.expr(fun);
                self.s("(");
                self.list(args);
                if *has_dots {
                    self.s("...");
                }
                self.s(")");
            }
            ExprKind::Operation { op, x, y } => match y {
                None => {
                    self.s(op.as_str());
                    self.expr(x);
                }
                Some(y) => {
                    self.expr(x);
                    self.s(" ");
                    self.s(op.as_str());
                    self.s(" ");
                    self.expr(y);
                }
            },
            ExprKind::List(list) => self.list(list),
            ExprKind::ArrayType { len, elem } => {
                self.s("[");
                match len {
                    Some(l) => self.expr(l),
                    None => self.s("..."),
                }
                self.s("]");
                self.expr(elem);
            }
            ExprKind::SliceType(elem) => {
                self.s("[]");
                self.expr(elem);
            }
            ExprKind::DotsType(elem) => {
                self.s("...");
                self.expr(elem);
            }
            ExprKind::StructType(st) => {
                self.s("struct{");
                self.field_list(&st.fields, &st.tags);
                self.s("}");
            }
            ExprKind::FuncType(ft) => {
                self.s("func");
                self.signature(ft);
            }
            ExprKind::InterfaceType { methods } => {
                self.s("interface{");
                for (i, m) in methods.iter().enumerate() {
                    if i > 0 {
                        self.s("; ");
                    }
                    match (&m.name, &m.ty.kind) {
                        (Some(n), ExprKind::FuncType(ft)) => {
                            self.s(n.sym.as_str());
                            self.signature(ft);
                        }
                        _ => self.expr(&m.ty),
                    }
                }
                self.s("}");
            }
            ExprKind::MapType { key, value } => {
                self.s("map[");
                self.expr(key);
                self.s("]");
                self.expr(value);
            }
            ExprKind::ChanType { dir, elem } => {
                if *dir == ChanDir::RecvOnly {
                    self.s("<-");
                }
                self.s("chan");
                if *dir == ChanDir::SendOnly {
                    self.s("<-");
                }
                self.s(" ");
                let parens = *dir == ChanDir::Both
                    && matches!(
                        elem.kind,
                        ExprKind::ChanType {
                            dir: ChanDir::RecvOnly,
                            ..
                        }
                    );
                if parens {
                    self.s("(");
                }
                self.expr(elem);
                if parens {
                    self.s(")");
                }
            }
        }
    }

    fn list(&mut self, list: &[Expr]) {
        for (i, x) in list.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(x);
        }
    }

    /// Struct fields grouped by shared type: `a, b int; c string`.
    fn field_list(&mut self, fields: &[Field], tags: &[Option<super::ast::BasicLit>]) {
        let mut i0 = 0;
        for i in 1..=fields.len() {
            let boundary = i == fields.len()
                || fields[i].name.is_none()
                || fields[i0].name.is_none()
                || !std::sync::Arc::ptr_eq(&fields[i].ty, &fields[i0].ty);
            if !boundary {
                continue;
            }
            if i0 > 0 {
                self.s("; ");
            }
            if i == i0 + 1 && fields[i0].name.is_none() {
                self.expr(&fields[i0].ty);
            } else {
                for (k, f) in fields[i0..i].iter().enumerate() {
                    if k > 0 {
                        self.s(", ");
                    }
                    if let Some(n) = &f.name {
                        self.s(n.sym.as_str());
                    }
                }
                self.s(" ");
                self.expr(&fields[i0].ty);
            }
            if let Some(Some(tag)) = tags.get(i0) {
                self.s(" ");
                self.s(tag.value.as_str());
            }
            i0 = i;
        }
    }

    fn signature(&mut self, ft: &FuncType) {
        self.params(&ft.params);
        if !ft.results.is_empty() {
            self.s(" ");
            if ft.results.len() == 1 && ft.results[0].name.is_none() {
                self.expr(&ft.results[0].ty);
            } else {
                self.params(&ft.results);
            }
        }
    }

    fn params(&mut self, list: &[Field]) {
        self.s("(");
        for (i, f) in list.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            if let Some(n) = &f.name {
                self.s(n.sym.as_str());
                if let Some(next) = list.get(i + 1) {
                    if next.name.is_some() && std::sync::Arc::ptr_eq(&next.ty, &f.ty) {
                        continue;
                    }
                }
                self.s(" ");
            }
            self.expr(f.ty.unparen());
        }
        self.s(")");
    }
}
