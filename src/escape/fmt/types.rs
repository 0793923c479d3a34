//! Types as gc's tconv prints them (types/fmt.go), with read-only type
//! helpers.

use crate::syntax::ast::ChanDir;
use crate::types::object::ObjId;
use crate::types::ty::{Type, TypeId};
use crate::types::typestring::go_quote;
use std::collections::HashSet;
use std::fmt::Write as _;

use super::{under, Mode2, NodePrinter};

impl<'c, 'a> NodePrinter<'c, 'a> {
    pub(super) fn under(&self, t: TypeId) -> TypeId {
        under(self.check, t)
    }

    /// The core type for composite literals: a type parameter's single
    /// underlying type is not resolved here (rare in escape reports).
    pub(super) fn core(&self, t: TypeId) -> TypeId {
        self.under(t)
    }

    pub(super) fn is_string(&self, t: TypeId) -> bool {
        self.check
            .types
            .basic_kind(self.under(t))
            .is_some_and(|k| k.is_string())
    }

    pub(super) fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.check.types.get(self.under(t)), Type::Interface(_))
    }

    pub(super) fn typ(&mut self, t: TypeId, mode: Mode2) {
        let mut seen = HashSet::new();
        self.typ_rec(t, mode, &mut seen);
    }

    pub(super) fn typ_rec(&mut self, t: TypeId, mode: Mode2, seen: &mut HashSet<TypeId>) {
        let c = self.check;
        if t == c.universe.any_type {
            // LinkString collapses the predeclared aliases.
            self.s(if mode == Mode2::Go {
                "any"
            } else {
                "interface {}"
            });
            return;
        }
        if !seen.insert(t) {
            // Only a broken program has an unnamed cyclic type.
            self.s("<cycle>");
            return;
        }
        match c.types.get(t) {
            Type::Basic { kind, name } => {
                use crate::types::basic::BasicKind as K;
                let s = match kind {
                    K::UnsafePointer => "unsafe.Pointer",
                    K::UntypedBool => "untyped bool",
                    K::UntypedInt => "untyped int",
                    K::UntypedRune => "untyped rune",
                    K::UntypedFloat => "untyped float",
                    K::UntypedComplex => "untyped complex",
                    K::UntypedString => "untyped string",
                    K::UntypedNil => "nil",
                    K::Invalid => "<T>",
                    _ if mode == Mode2::TypeId => kind.name(),
                    _ => name,
                };
                self.s(s);
            }
            Type::Named(n) => {
                let obj = c.obj(n.obj);
                let q = match mode {
                    Mode2::Go => self.qualifier(obj.pkg),
                    Mode2::TypeId => obj.pkg.map(|p| c.package(p).path.clone()),
                };
                if let Some(q) = q {
                    self.s(&q);
                    self.s(".");
                }
                self.s(obj.name.as_str());
                if !n.targs.is_empty() {
                    // InstTypeName: the type arguments' LinkStrings.
                    let targs = n.targs.clone();
                    self.s("[");
                    for (i, a) in targs.into_iter().enumerate() {
                        if i > 0 {
                            self.s(",");
                        }
                        self.typ_rec(a, Mode2::TypeId, seen);
                    }
                    self.s("]");
                }
            }
            Type::TypeParam(tp) => match self.shapes.and_then(|m| m.get(&t)) {
                Some(&arg) => {
                    let (index, bound) = (tp.index.max(0) as usize, tp.bound);
                    self.shape(arg, index, Some(bound));
                }
                None => {
                    let name = c.obj(tp.obj).name;
                    self.s(name.as_str());
                }
            },
            Type::Pointer(b) => {
                self.s("*");
                self.typ_rec(*b, mode, seen);
            }
            Type::Array { len, elem } => {
                let _ = write!(self.buf, "[{len}]");
                self.typ_rec(*elem, mode, seen);
            }
            Type::Slice(elem) => {
                self.s("[]");
                self.typ_rec(*elem, mode, seen);
            }
            Type::Chan { dir, elem } => {
                let elem = *elem;
                match dir {
                    ChanDir::RecvOnly => self.s("<-chan "),
                    ChanDir::SendOnly => self.s("chan<- "),
                    ChanDir::Both => self.s("chan "),
                }
                let paren = *dir == ChanDir::Both
                    && matches!(
                        c.types.get(elem),
                        Type::Chan {
                            dir: ChanDir::RecvOnly,
                            ..
                        }
                    );
                if paren {
                    self.s("(");
                }
                self.typ_rec(elem, mode, seen);
                if paren {
                    self.s(")");
                }
            }
            Type::Map { key, elem } => {
                let (key, elem) = (*key, *elem);
                self.s("map[");
                self.typ_rec(key, mode, seen);
                self.s("]");
                self.typ_rec(elem, mode, seen);
            }
            Type::Interface(_) => {
                let methods = self.all_methods(t);
                if methods.is_empty() {
                    self.s("interface {}");
                } else {
                    self.s("interface {");
                    for (i, m) in methods.iter().enumerate() {
                        if i > 0 {
                            self.s(";");
                        }
                        self.s(" ");
                        let o = c.obj(*m);
                        if !o.name.is_exported() {
                            // fmtTypeID qualification: the package path.
                            if let Some(p) = o.pkg {
                                let path = c.package(p).path.clone();
                                self.s(&path);
                                self.s(".");
                            }
                        }
                        self.s(o.name.as_str());
                        if let Some(mt) = o.ty {
                            self.signature(mt, mode, seen);
                        }
                    }
                    self.s(" }");
                }
            }
            Type::Signature(_) => {
                self.s("func");
                self.signature(t, mode, seen);
            }
            Type::Struct(st) => {
                let fields = st.fields.clone();
                let tags = st.tags.clone();
                self.s("struct {");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        self.s(";");
                    }
                    self.s(" ");
                    let o = c.obj(*f);
                    if !o.is_embedded() {
                        if !o.name.is_exported() && !o.name.is_blank() {
                            if let Some(q) = match mode {
                                Mode2::Go => self.qualifier(o.pkg),
                                Mode2::TypeId => o.pkg.map(|p| c.package(p).path.clone()),
                            } {
                                self.s(&q);
                                self.s(".");
                            }
                        }
                        self.s(o.name.as_str());
                        self.s(" ");
                    }
                    let ft = c.obj_type(*f);
                    self.typ_rec(ft, mode, seen);
                    if let Some(tag) = tags.get(i).filter(|t| !t.is_empty()) {
                        self.s(" ");
                        self.s(&go_quote(tag));
                    }
                }
                if !fields.is_empty() {
                    self.s(" ");
                }
                self.s("}");
            }
            Type::Tuple(vars) => {
                let vars = vars.clone();
                for (i, v) in vars.iter().enumerate() {
                    if i > 0 {
                        self.s(",");
                    }
                    let vt = c.obj_type(*v);
                    self.typ_rec(vt, mode, seen);
                }
            }
            Type::Union(terms) => {
                let terms = terms.clone();
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        self.s("|");
                    }
                    if term.tilde {
                        self.s("~");
                    }
                    if let Some(tt) = term.ty {
                        self.typ_rec(tt, mode, seen);
                    }
                }
            }
        }
        seen.remove(&t);
    }

    /// `(int, string) (bool, error)`: parameter types only, gc's 'S' form.
    pub(super) fn signature(&mut self, t: TypeId, mode: Mode2, seen: &mut HashSet<TypeId>) {
        let c = self.check;
        let Some(sig) = c.types.signature(t) else {
            return;
        };
        let params: Vec<ObjId> = c.types.tuple_vars(sig.params).to_vec();
        let results: Vec<ObjId> = c.types.tuple_vars(sig.results).to_vec();
        let variadic = sig.variadic;
        self.s("(");
        for (i, p) in params.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            let pt = c.obj_type(*p);
            if variadic && i + 1 == params.len() {
                self.s("...");
                let elem = match c.types.get(pt) {
                    Type::Slice(e) => *e,
                    _ => pt,
                };
                self.typ_rec(elem, mode, seen);
            } else {
                self.typ_rec(pt, mode, seen);
            }
        }
        self.s(")");
        match results.len() {
            0 => {}
            1 => {
                self.s(" ");
                let rt = c.obj_type(results[0]);
                self.typ_rec(rt, mode, seen);
            }
            _ => {
                self.s(" (");
                for (i, r) in results.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    let rt = c.obj_type(*r);
                    self.typ_rec(rt, mode, seen);
                }
                self.s(")");
            }
        }
    }

    /// All methods of an interface (embedded ones included), in gc's
    /// order: exported names first, then by name (types.Sym.Less).
    pub(super) fn all_methods(&self, t: TypeId) -> Vec<ObjId> {
        let c = self.check;
        let mut out: Vec<ObjId> = Vec::new();
        let mut names = HashSet::new();
        let mut stack = vec![t];
        let mut visited = HashSet::new();
        while let Some(t) = stack.pop() {
            let u = self.under(t);
            if !visited.insert(u) {
                continue;
            }
            if let Some(it) = c.types.interface(u) {
                for &m in &it.methods {
                    if names.insert(c.obj(m).name) {
                        out.push(m);
                    }
                }
                stack.extend(it.embeddeds.iter().copied());
            }
        }
        out.sort_by(|&a, &b| {
            let (na, nb) = (c.obj(a).name, c.obj(b).name);
            nb.is_exported()
                .cmp(&na.is_exported())
                .then_with(|| na.as_str().cmp(nb.as_str()))
        });
        out
    }
}
