//! Printing types, objects and signatures as gc prints them in messages
//! (types2's typestring.go and object.go's writeObject).

use crate::fxhash::FxHashSet;
use std::fmt::Write;

use super::check::Checker;
use super::object::{ObjId, ObjKind};
use super::package::PkgId;
use super::ty::{Type, TypeId};
use crate::syntax::ast::ChanDir;

/// Longest type string written: types built from aliases can share
/// parts (`type A1 = struct{ a, b A0 }; type A2 = struct{ a, b A1 }; ...`),
/// so their strings grow exponentially with the source; gc hangs on
/// them. Past this many bytes a type prints as its first part and `…`.
const MAX_TYPE_STRING: usize = 1 << 16;

struct TypeWriter<'c, 'a> {
    check: &'c Checker<'a>,
    buf: String,
    seen: FxHashSet<TypeId>,
    /// Qualify with package paths instead of names (for hashing).
    qualify_paths: bool,
    /// Qualify every named type with its package path, as types2 writes a
    /// type without a qualifier (TypeString(t, nil)).
    full_paths: bool,
}

impl<'a> Checker<'a> {
    /// The type as gc writes it in messages, relative to the current package.
    pub fn type_string(&self, t: TypeId) -> String {
        let mut w = TypeWriter {
            check: self,
            buf: String::new(),
            seen: FxHashSet::default(),
            qualify_paths: false,
            full_paths: false,
        };
        w.typ(t);
        w.finish()
    }

    /// A string that identifies the type structurally (package paths
    /// included), used to key instances.
    pub fn type_hash_string(&self, t: TypeId) -> String {
        let mut w = TypeWriter {
            check: self,
            buf: String::new(),
            seen: FxHashSet::default(),
            qualify_paths: true,
            full_paths: false,
        };
        w.typ(t);
        if w.buf.len() > MAX_TYPE_STRING {
            // Too long to be a key: this type alone (identical types that
            // big are not recognized as such, and get their own instances).
            return format!("<type #{}>", t.0);
        }
        w.buf
    }

    /// The type qualified by package paths everywhere (`main.MyInt`), as
    /// types2's String methods print it; gc shows this form in messages
    /// that format terms and term lists.
    pub fn type_string_full(&self, t: TypeId) -> String {
        let mut w = TypeWriter {
            check: self,
            buf: String::new(),
            seen: FxHashSet::default(),
            qualify_paths: false,
            full_paths: true,
        };
        w.typ(t);
        w.finish()
    }

    /// `[T1, T2]` for a type list.
    pub fn type_list_string(&self, list: &[TypeId]) -> String {
        let parts: Vec<String> = list.iter().map(|&t| self.type_string(t)).collect();
        format!("[{}]", parts.join(", "))
    }

    /// The signature without `func`: `(x int) string`.
    pub fn signature_string(&self, sig: TypeId) -> String {
        let mut w = TypeWriter {
            check: self,
            buf: String::new(),
            seen: FxHashSet::default(),
            qualify_paths: false,
            full_paths: false,
        };
        w.signature(sig);
        w.finish()
    }

    /// `name(params) results` for a function or method (types2 funcString).
    pub fn func_string(&self, f: ObjId) -> String {
        let mut s = self.obj(f).name.as_str().to_string();
        s.push_str(&self.signature_string(self.obj_type(f)));
        s
    }

    /// The package prefix `pkg.` for an object of another package.
    pub fn package_prefix(&self, pkg: Option<PkgId>) -> String {
        match pkg.and_then(|p| self.qualifier(p)) {
            Some(q) => format!("{q}."),
            None => String::new(),
        }
    }

    /// An object as types2's ObjectString writes it: `var x int`,
    /// `func f(x int)`, `type T struct{...}`, `const c untyped int`.
    pub fn object_string(&self, id: ObjId) -> String {
        let obj = self.obj(id);
        let mut buf = String::new();
        let mut typ = obj.ty;
        match &obj.kind {
            ObjKind::PkgName { imported, .. } => {
                let p = self.package(*imported);
                let _ = write!(buf, "package {}", obj.name);
                if !p.path.is_empty() && p.path != obj.name.as_str() {
                    let _ = write!(buf, " ({:?})", p.path);
                }
                return buf;
            }
            ObjKind::Const { .. } => buf.push_str("const"),
            ObjKind::TypeName => {
                buf.push_str("type");
                if typ.is_some_and(|t| self.types.is_type_param(t)) {
                    buf.push_str(" parameter");
                }
            }
            ObjKind::Var { is_field, .. } => buf.push_str(if *is_field { "field" } else { "var" }),
            ObjKind::Func { .. } => {
                buf.push_str("func ");
                buf.push_str(&self.func_name(id));
                if let Some(t) = typ {
                    buf.push_str(&self.signature_string(t));
                }
                return buf;
            }
            ObjKind::Label { .. } => {
                buf.push_str("label");
                typ = None;
            }
            ObjKind::Builtin(_) => {
                buf.push_str("builtin");
                typ = None;
            }
            ObjKind::Nil => return "nil".into(),
        }
        buf.push(' ');
        if let Some(pkg) = obj.pkg {
            let scope = self.package(pkg).scope;
            if self.scopes.lookup(scope, obj.name) == Some(id) {
                buf.push_str(&self.package_prefix(Some(pkg)));
            }
        }
        buf.push_str(obj.name.as_str());
        let Some(mut t) = typ else { return buf };
        if obj.is_type_name() {
            match self.types.get(t) {
                Type::Basic { .. } => return buf,
                Type::Named(n) if !n.tparams.is_empty() => {
                    let mut w = TypeWriter {
                        check: self,
                        buf: String::new(),
                        seen: FxHashSet::default(),
                        qualify_paths: false,
                        full_paths: false,
                    };
                    w.tparam_list(&n.tparams.clone());
                    buf.push_str(&w.buf);
                }
                _ => {}
            }
            if self.is_alias(id) {
                buf.push_str(" =");
            } else if let Some(tp) = self.types.type_param(t) {
                t = tp.bound;
            } else {
                t = self.under_no_resolve(t);
            }
        }
        buf.push(' ');
        buf.push_str(&self.type_string(t));
        buf
    }

    /// `T.m` / `(*T).m` / `f` as types2's writeFuncName.
    pub fn func_name(&self, f: ObjId) -> String {
        let obj = self.obj(f);
        let mut s = String::new();
        if let Some(sig) = obj.ty.and_then(|t| self.types.signature(t)) {
            if let Some(recv) = sig.recv {
                let rt = self.obj_type(recv);
                s.push('(');
                if let Some(iface) = self.types.interface(rt) {
                    // Interface method: print the interface only if named.
                    let _ = iface;
                    s.push_str("interface");
                } else {
                    s.push_str(&self.type_string(rt));
                }
                s.push_str(").");
            } else if obj.pkg.is_some() {
                s.push_str(&self.package_prefix(obj.pkg));
            }
        } else if obj.pkg.is_some() {
            s.push_str(&self.package_prefix(obj.pkg));
        }
        s.push_str(obj.name.as_str());
        s
    }

    /// The underlying type without resolving lazy instances (for printing).
    pub fn under_no_resolve(&self, t: TypeId) -> TypeId {
        match self.types.get(t) {
            Type::Named(n) => n.underlying.unwrap_or(TypeId::INVALID),
            Type::TypeParam(tp) => tp.bound,
            _ => t,
        }
    }
}

impl TypeWriter<'_, '_> {
    /// The string written, cut at [`MAX_TYPE_STRING`] bytes (then ending
    /// in `…`).
    fn finish(self) -> String {
        let mut buf = self.buf;
        if buf.len() > MAX_TYPE_STRING {
            let mut end = MAX_TYPE_STRING;
            while !buf.is_char_boundary(end) {
                end -= 1;
            }
            buf.truncate(end);
            buf.push('…');
        }
        buf
    }

    fn s(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    /// Writes `,`/`;` followed by a space, as types2's typeWriter.byte.
    fn sep(&mut self, b: char) {
        self.buf.push(b);
        self.buf.push(' ');
    }

    fn typ(&mut self, t: TypeId) {
        if self.buf.len() > MAX_TYPE_STRING {
            return;
        }
        if !self.seen.insert(t) {
            self.s("<cycle>");
            return;
        }
        self.typ_inner(t);
        self.seen.remove(&t);
    }

    fn typ_inner(&mut self, t: TypeId) {
        let c = self.check;
        match c.types.get(t) {
            Type::Basic { kind, name } => {
                if *kind == crate::types::basic::BasicKind::UnsafePointer {
                    let prefix = if self.full_paths {
                        "unsafe.".to_string()
                    } else {
                        c.package_prefix(Some(c.universe.unsafe_pkg))
                    };
                    self.s(&prefix);
                }
                self.s(name);
            }
            Type::Array { len, elem } => {
                let _ = write!(self.buf, "[{len}]");
                self.typ(*elem);
            }
            Type::Slice(elem) => {
                self.s("[]");
                self.typ(*elem);
            }
            Type::Struct(st) => {
                self.s("struct{");
                for (i, &f) in st.fields.iter().enumerate() {
                    if i > 0 {
                        self.sep(';');
                    }
                    let fo = c.obj(f);
                    if !fo.is_embedded() {
                        self.s(fo.name.as_str());
                        self.s(" ");
                    }
                    self.typ(c.obj_type(f));
                    if let Some(tag) = st.tags.get(i).filter(|t| !t.is_empty()) {
                        self.s(" ");
                        self.s(&go_quote(tag));
                    }
                }
                self.s("}");
            }
            Type::Pointer(base) => {
                self.s("*");
                self.typ(*base);
            }
            Type::Tuple(vars) => {
                let vars = vars.clone();
                self.tuple(&vars, false);
            }
            Type::Signature(_) => {
                self.s("func");
                self.signature(t);
            }
            Type::Union(terms) => {
                if terms.is_empty() {
                    self.s("<empty union>");
                    return;
                }
                for (i, term) in terms.clone().iter().enumerate() {
                    if i > 0 {
                        self.s("|");
                    }
                    if term.tilde {
                        self.s("~");
                    }
                    if let Some(ty) = term.ty {
                        self.typ(ty);
                    }
                }
            }
            Type::Interface(it) => {
                if t == c.universe.any_type {
                    self.s("any");
                    return;
                }
                if Some(t)
                    == c.types
                        .named(c.universe.comparable_type)
                        .and_then(|n| n.underlying)
                {
                    self.s("interface{comparable}");
                    return;
                }
                if it.implicit {
                    if it.methods.is_empty() && it.embeddeds.len() == 1 {
                        self.typ(it.embeddeds[0]);
                        return;
                    }
                    self.s("/* implicit */ ");
                }
                self.s("interface{");
                let mut first = true;
                for &m in &it.methods {
                    if !first {
                        self.sep(';');
                    }
                    first = false;
                    self.s(c.obj(m).name.as_str());
                    self.signature(c.obj_type(m));
                }
                for &e in &it.embeddeds {
                    if !first {
                        self.sep(';');
                    }
                    first = false;
                    self.typ(e);
                }
                self.s("}");
            }
            Type::Map { key, elem } => {
                self.s("map[");
                self.typ(*key);
                self.s("]");
                self.typ(*elem);
            }
            Type::Chan { dir, elem } => {
                let mut parens = false;
                match dir {
                    ChanDir::Both => {
                        self.s("chan ");
                        if let Type::Chan {
                            dir: ChanDir::RecvOnly,
                            ..
                        } = c.types.get(*elem)
                        {
                            parens = true;
                        }
                    }
                    ChanDir::SendOnly => self.s("chan<- "),
                    ChanDir::RecvOnly => self.s("<-chan "),
                }
                if parens {
                    self.s("(");
                }
                self.typ(*elem);
                if parens {
                    self.s(")");
                }
            }
            Type::Named(n) => {
                let obj = c.obj(n.obj);
                if self.qualify_paths {
                    if let Some(p) = obj.pkg {
                        let path = c.package(p).path.clone();
                        self.s(&path);
                        self.s(".");
                    }
                    let _ = write!(self.buf, "{}#{}", obj.name, t.0);
                } else {
                    let prefix = match obj.pkg {
                        Some(p) if self.full_paths => {
                            let path = &c.package(p).path;
                            if path.is_empty() {
                                String::new()
                            } else {
                                format!("{path}.")
                            }
                        }
                        _ => c.package_prefix(obj.pkg),
                    };
                    self.s(&prefix);
                    self.s(obj.name.as_str());
                }
                if n.orig.is_some() {
                    let targs = n.targs.clone();
                    self.type_list(&targs);
                } else if !n.tparams.is_empty() && !self.qualify_paths {
                    let tps = n.tparams.clone();
                    self.tparam_list(&tps);
                }
            }
            Type::TypeParam(tp) => {
                let name = c.obj(tp.obj).name;
                self.s(name.as_str());
                if self.qualify_paths {
                    let _ = write!(self.buf, "#{}", tp.id);
                }
            }
        }
    }

    fn type_list(&mut self, list: &[TypeId]) {
        self.s("[");
        for (i, &t) in list.iter().enumerate() {
            if i > 0 {
                self.sep(',');
            }
            self.typ(t);
        }
        self.s("]");
    }

    fn tparam_list(&mut self, list: &[TypeId]) {
        let c = self.check;
        self.s("[");
        let mut prev: Option<TypeId> = None;
        for (i, &tp) in list.iter().enumerate() {
            let bound = c
                .types
                .type_param(tp)
                .map(|t| t.bound)
                .unwrap_or(TypeId::INVALID);
            if i > 0 {
                if let Some(p) = prev {
                    if bound != p {
                        self.s(" ");
                        self.typ(p);
                    }
                }
                self.sep(',');
            }
            prev = Some(bound);
            self.typ(tp);
        }
        if let Some(p) = prev {
            self.s(" ");
            self.typ(p);
        }
        self.s("]");
    }

    fn tuple(&mut self, vars: &[ObjId], variadic: bool) {
        let c = self.check;
        self.s("(");
        for (i, &v) in vars.iter().enumerate() {
            if i > 0 {
                self.sep(',');
            }
            let name = c.obj(v).name;
            if !self.qualify_paths && !name.as_str().is_empty() {
                self.s(name.as_str());
                self.s(" ");
            }
            let mut typ = c.obj_type(v);
            if variadic && i == vars.len() - 1 {
                if let Type::Slice(elem) = c.types.get(typ) {
                    self.s("...");
                    typ = *elem;
                } else {
                    self.typ(typ);
                    self.s("...");
                    continue;
                }
            }
            self.typ(typ);
        }
        self.s(")");
    }

    fn signature(&mut self, sig: TypeId) {
        let c = self.check;
        let Some(s) = c.types.signature(sig) else {
            self.s("<invalid signature>");
            return;
        };
        let (tparams, params, results, variadic) =
            (s.tparams.clone(), s.params, s.results, s.variadic);
        if !tparams.is_empty() {
            self.tparam_list(&tparams);
        }
        let pvars = c.types.tuple_vars(params).to_vec();
        self.tuple(&pvars, variadic);
        let rvars = c.types.tuple_vars(results).to_vec();
        if rvars.is_empty() {
            return;
        }
        self.s(" ");
        if rvars.len() == 1 && (self.qualify_paths || c.obj(rvars[0]).name.as_str().is_empty()) {
            self.typ(c.obj_type(rvars[0]));
            return;
        }
        self.tuple(&rvars, false);
    }
}

/// Go's strconv.Quote: a double-quoted string with Go escapes, printable
/// Unicode kept as is.
pub fn go_quote(s: &str) -> String {
    go_quote_bytes(s.as_bytes())
}

/// strconv.Quote for arbitrary bytes (invalid UTF-8 as \x escapes).
pub fn go_quote_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 2);
    out.push('"');
    let mut i = 0;
    while i < b.len() {
        let (ch, size) = decode_rune(&b[i..]);
        if ch == char::REPLACEMENT_CHARACTER && size == 1 {
            let _ = write!(out, "\\x{:02x}", b[i]);
            i += 1;
            continue;
        }
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if is_go_printable(c) => out.push(c),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
        i += size;
    }
    out.push('"');
    out
}

/// Decodes one UTF-8 sequence as Go does: invalid bytes give (U+FFFD, 1).
pub fn decode_rune(b: &[u8]) -> (char, usize) {
    let n = match b.first() {
        None => return (char::REPLACEMENT_CHARACTER, 0),
        Some(&c) if c < 0x80 => return (c as char, 1),
        Some(&c) if c & 0xE0 == 0xC0 => 2,
        Some(&c) if c & 0xF0 == 0xE0 => 3,
        Some(&c) if c & 0xF8 == 0xF0 => 4,
        _ => return (char::REPLACEMENT_CHARACTER, 1),
    };
    match b.get(..n).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => match s.chars().next() {
            Some(c) => (c, n),
            None => (char::REPLACEMENT_CHARACTER, 1),
        },
        None => (char::REPLACEMENT_CHARACTER, 1),
    }
}

/// An approximation of Go's unicode.IsPrint: graphic characters and the
/// ASCII space.
pub fn is_go_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    // Format characters, surrogates, private use and noncharacters are not
    // printable in Go.
    !matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xFFFE | 0xFFFF
        | 0xF0000..=0x10FFFF | 0xE0000..=0xE007F)
}
