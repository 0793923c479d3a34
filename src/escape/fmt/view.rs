//! Classifying a syntax node by the IR node gc builds from it ([`View`](super::View)),
//! and the names in it: objects, package qualifiers, selections through
//! embedded fields.

use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;
use crate::types::info::SelectionKind;
use crate::types::object::{ObjId, ObjKind};
use crate::types::operand::Mode;
use crate::types::package::PkgId;
use crate::types::ty::TypeId;

use super::{const_prec, unary_name, NodePrinter, View, FUNC_LIT, PREC_ATOM, PREC_NONE};

impl<'c, 'a> NodePrinter<'c, 'a> {
    /// Classifies a (paren-free) syntax node by the IR gc builds from it.
    pub(super) fn view<'e>(&self, e: &'e Expr) -> View<'e> {
        let c = self.check;
        let Some(tv) = c.info.type_of(e.id) else {
            return self.fallback(e);
        };
        if tv.mode == Mode::TypExpr {
            return View::Type(tv.ty);
        }
        if let ExprKind::Name(n) = &e.kind {
            if n.is_blank() {
                return View::Text("_".into(), PREC_ATOM);
            }
        }
        if tv.val.is_some() && tv.mode == Mode::Constant {
            return View::Text(expr_string(e), const_prec(e));
        }
        if tv.mode == Mode::NilValue {
            return View::Text("nil".into(), PREC_ATOM);
        }
        match &e.kind {
            ExprKind::Name(n) => View::Text(self.name_text(e, *n), PREC_ATOM),
            ExprKind::CompositeLit(lit) => {
                let nonempty = !lit.elems.is_empty();
                match c.types.pointer_base(self.core(tv.ty)) {
                    Some(elem) => View::PtrLit(elem, nonempty),
                    None => View::CompLit(tv.ty, nonempty),
                }
            }
            ExprKind::FuncLit { .. } => View::Text(FUNC_LIT.into(), PREC_NONE),
            ExprKind::Selector { x, sel } => self.selector(e, x, sel.sym, sel.id),
            ExprKind::Index { x, index } => {
                if c.info.instances.contains_key(&x.unparen().id)
                    || c.info.instances.contains_key(&e.id)
                    || c.info.type_of(index.id).is_some_and(|t| t.is_type())
                    || matches!(index.kind, ExprKind::List(_))
                {
                    // A generic function instantiated explicitly: the
                    // noder keeps only the function.
                    return self.view(x.unparen());
                }
                View::Index(x, index)
            }
            ExprKind::Slice { x, index, full } => View::Slice(
                x,
                [
                    index[0].as_deref(),
                    index[1].as_deref(),
                    index[2].as_deref(),
                ],
                *full,
            ),
            ExprKind::Assert { x, .. } => View::Assert(x, tv.ty),
            ExprKind::Operation { op, x, y: None } => {
                let x = x.as_ref();
                match op {
                    Operator::And => {
                        if let ExprKind::CompositeLit(lit) = &x.unparen().kind {
                            let elems = &lit.elems;
                            if let Some(ltv) = c.info.type_of(x.unparen().id) {
                                if c.types.pointer_base(self.core(ltv.ty)).is_none() {
                                    return View::PtrLit(ltv.ty, !elems.is_empty());
                                }
                            }
                        }
                        View::Unary("&", x)
                    }
                    _ => View::Unary(unary_name(*op), x),
                }
            }
            ExprKind::Operation { op, x, y: Some(y) } => {
                if *op == Operator::Add && self.is_string(tv.ty) {
                    let mut list = Vec::new();
                    self.flatten_addstr(x, &mut list);
                    self.flatten_addstr(y, &mut list);
                    return View::AddStr(list);
                }
                View::Binary(*op, x, y)
            }
            ExprKind::Call {
                fun,
                args,
                has_dots,
            } => self.call(e, fun, args, *has_dots),
            ExprKind::KeyValue { .. } | ExprKind::List(_) | ExprKind::Bad => self.fallback(e),
            _ => self.fallback(e),
        }
    }

    /// An expression the checker did not record: as written.
    pub(super) fn fallback<'e>(&self, e: &'e Expr) -> View<'e> {
        View::Text(expr_string(e), PREC_ATOM)
    }

    /// The operands of a non-constant string `+`, flattened as the noder's
    /// transformAdd does (both sides).
    pub(super) fn flatten_addstr<'e>(&self, e: &'e Expr, out: &mut Vec<&'e Expr>) {
        let e = e.unparen();
        if let ExprKind::Operation {
            op: Operator::Add,
            x,
            y: Some(y),
        } = &e.kind
        {
            if let Some(tv) = self.check.info.type_of(e.id) {
                if tv.mode != Mode::Constant && self.is_string(tv.ty) {
                    self.flatten_addstr(x, out);
                    self.flatten_addstr(y, out);
                    return;
                }
            }
        }
        out.push(e);
    }

    /// A name as ONAME prints it: qualified when it is another package's.
    pub(super) fn name_text(&self, e: &Expr, n: Symbol) -> String {
        match self.check.info.object_of(e.id) {
            Some(obj) => self.obj_name(obj),
            None => n.as_str().to_string(),
        }
    }

    pub(super) fn obj_name(&self, obj: ObjId) -> String {
        let o = self.check.obj(obj);
        match self.qualifier(o.pkg) {
            Some(q) => format!("{q}.{}", o.name),
            None => o.name.as_str().to_string(),
        }
    }

    /// gc's pkgqual in fmtGo mode: none for the local package and the
    /// universe; the package's name, or its quoted path when several
    /// imported packages have that name (types.NumImport).
    pub(super) fn qualifier(&self, pkg: Option<PkgId>) -> Option<String> {
        let c = self.check;
        let pkg = pkg?;
        if pkg == c.pkg {
            return None;
        }
        let p = c.package(pkg);
        let same = c
            .pkgs
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != c.pkg.0 as usize && !q.fake && q.name == p.name)
            .count();
        if same > 1 {
            Some(format!("{:?}", p.path))
        } else {
            Some(p.name.as_str().to_string())
        }
    }

    pub(super) fn selector<'e>(
        &self,
        e: &'e Expr,
        x: &'e Expr,
        sel: Symbol,
        sel_id: crate::syntax::ast::NodeId,
    ) -> View<'e> {
        let c = self.check;
        // A qualified identifier is the other package's ONAME.
        if let ExprKind::Name(_) = &x.unparen().kind {
            if let Some(obj) = c.info.object_of(x.unparen().id) {
                if matches!(c.obj(obj).kind, ObjKind::PkgName { .. }) {
                    return match c.info.object_of(sel_id) {
                        Some(o) => View::Text(self.obj_name(o), PREC_ATOM),
                        None => View::Text(expr_string(e), PREC_ATOM),
                    };
                }
            }
        }
        let Some(s) = c.info.selections.get(&e.id) else {
            return View::Dot(x, Vec::new(), sel);
        };
        match s.kind {
            SelectionKind::MethodExpr => {
                let t = c.info.type_of(x.unparen().id).map_or(s.recv, |tv| tv.ty);
                View::MethodExpr(t, sel)
            }
            SelectionKind::FieldVal | SelectionKind::MethodVal => {
                let path = self.embedded_path(s.recv, &s.index);
                View::Dot(x, path, sel)
            }
        }
    }

    /// The names of the embedded fields a selection goes through (all of
    /// its index path but the last step).
    pub(super) fn embedded_path(&self, recv: TypeId, index: &[usize]) -> Vec<Symbol> {
        let c = self.check;
        let mut out = Vec::new();
        let mut t = recv;
        let n = index.len().saturating_sub(1);
        for &i in &index[..n] {
            let base = c.types.deref(self.under(t)).0;
            let Some(st) = c.types.struct_type(self.under(base)) else {
                break;
            };
            let Some(&f) = st.fields.get(i) else {
                break;
            };
            out.push(c.obj(f).name);
            t = c.obj_type(f);
        }
        out
    }
}
