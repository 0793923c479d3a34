//! Collecting a package's objects before checking them (types2's
//! resolver.go): imports, package-level declarations, methods by receiver
//! base type, and the unused-import check.

use crate::fxhash::FxHashSet;
use crate::syntax::positions::start_pos;

use super::check::{Checker, DeclId, DeclInfo, PkgState};
use super::constant::Value;
use super::errors::ErrorBuilder;
use super::object::{ObjId, ObjKind, Object};
use super::package::{Package, PkgId};
use super::scope::ScopeId;
use crate::syntax::ast::{Decl, Expr, ExprKind, Ident, Operator};
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Declares a package-level object and remembers its declaration.
    fn declare_pkg_obj(&mut self, ident: &Ident, obj: ObjId, d: DeclInfo<'a>) {
        let id = self.new_decl(d);
        self.declare_pkg_obj_with(ident, obj, id);
    }

    /// Declares a package-level object whose declaration is already
    /// known: the variables of `a, b = f()` share one (types2's d1), so
    /// the initializer's dependencies and its place in the initialization
    /// order belong to all of them.
    fn declare_pkg_obj_with(&mut self, ident: &Ident, obj: ObjId, id: DeclId) {
        let name = ident.sym.as_str();
        if name == "init" {
            self.error(ident.pos, "cannot declare init - must be func".into());
            return;
        }
        if name == "main" && self.package(self.pkg).name.as_str() == "main" {
            self.error(ident.pos, "cannot declare main - must be func".into());
            return;
        }
        let scope = self.pkg_scope();
        self.declare(scope, Some(ident.id), obj, Pos::NONE);
        self.map_decl(obj, id);
    }

    /// Remembers the declaration of a package-level object or method, and
    /// its place in declaration order.
    fn map_decl(&mut self, obj: ObjId, id: DeclId) {
        self.obj_map.insert(obj, id);
        self.obj_mut(obj).order = self.obj_map.len() as u32;
        self.st.decl_order.push(obj);
    }

    fn new_decl_info(&self, file: ScopeId) -> DeclInfo<'a> {
        DeclInfo {
            file,
            lhs: Vec::new(),
            vtyp: None,
            init: None,
            inherited: false,
            tdecl: None,
            fdecl: None,
            deps: Default::default(),
        }
    }

    /// Resolves an import path to a checked package (std API files only).
    fn import_package(&mut self, pos: Pos, path: &str) -> Option<PkgId> {
        if path == "unsafe" {
            return Some(self.universe.unsafe_pkg);
        }
        if let Some(&p) = self.imported.get(path) {
            return Some(p);
        }
        let Some(src) = crate::types::stdlib::source(path) else {
            self.error(pos, format!("package {path} is not in std"));
            let name = path.rsplit('/').next().unwrap_or(path);
            let p = self.new_package(path, Symbol::intern(name));
            self.pkgs[p.0 as usize].fake = true;
            self.imported.insert(path.to_string(), p);
            return Some(p);
        };
        let file_name = format!("$GOROOT/src/{path}.go");
        let Some(file) = crate::types::stdlib::parse(&mut self.sources, &file_name, src, self.ids)
        else {
            self.internal_errors
                .push(format!("std API file for {path} does not parse"));
            return None;
        };
        let file: &'a crate::syntax::ast::File = Box::leak(Box::new(file));
        let p = self.new_package(path, file.pkg_name.sym);
        self.imported.insert(path.to_string(), p);
        // Check the imported package completely, with our state saved.
        let saved_pkg = self.pkg;
        let saved_state = std::mem::take(&mut self.st);
        self.pkg = p;
        self.check_files(&[file]);
        self.pkg = saved_pkg;
        self.st = saved_state;
        Some(p)
    }

    fn new_package(&mut self, path: &str, name: Symbol) -> PkgId {
        let scope =
            self.scopes
                .new_scope(Some(self.universe.scope), Pos::NONE, Pos::NONE, "package");
        self.pkgs.push(Package {
            path: path.to_string(),
            name,
            scope,
            imports: Vec::new(),
            complete: false,
            fake: false,
        });
        PkgId(self.pkgs.len() as u32 - 1)
    }

    /// Collects all objects of the package's files into the package and
    /// file scopes.
    pub fn collect_objects(&mut self) {
        let pkg = self.pkg;
        let mut pkg_imports: FxHashSet<PkgId> = self.package(pkg).imports.iter().copied().collect();
        let mut methods: Vec<(ObjId, bool, &'a Expr)> = Vec::new();
        let mut file_scopes = Vec::new();
        let files = self.st.files.clone();
        // Size the package's tables for its declarations up front.
        let names: usize = files
            .iter()
            .flat_map(|f| f.decls.iter())
            .map(|d| match d {
                Decl::Const(s) => s.names.len(),
                Decl::Var(s) => s.names.len(),
                _ => 1,
            })
            .sum();
        let pkg_scope = self.pkg_scope();
        self.scopes.get_mut(pkg_scope).elems.reserve(names);
        self.obj_map.reserve(names);
        self.st.decl_order.reserve(names);
        for file in files {
            self.record_def(file.pkg_name.id, None);
            let pkg_scope = self.pkg_scope();
            let file_scope = self
                .scopes
                .new_scope(Some(pkg_scope), file.pos, file.eof, "file");
            file_scopes.push(file_scope);
            self.record_scope(file.pos, file_scope);

            for decl in &file.decls {
                match decl {
                    Decl::Import(s) => {
                        let Some(lit) = &s.path else { continue };
                        if lit.bad {
                            continue;
                        }
                        let path = match validated_import_path(lit.value.as_str()) {
                            Ok(p) => p,
                            Err(err) => {
                                self.error(lit.pos, format!("invalid import path ({err})"));
                                continue;
                            }
                        };
                        let Some(imp) = self.import_package(lit.pos, &path) else {
                            continue;
                        };
                        let mut name = self.package(imp).name;
                        if let Some(local) = &s.local_name {
                            name = local.sym;
                            if path == "C" {
                                self.error(local.pos, "cannot rename import \"C\"".into());
                                continue;
                            }
                        }
                        if name.as_str() == "init" {
                            self.error(
                                s.pos,
                                "cannot import package as init - init must be a func".into(),
                            );
                            continue;
                        }
                        if pkg_imports.insert(imp) {
                            self.pkgs[pkg.0 as usize].imports.push(imp);
                        }
                        let pkg_name = self.new_obj(Object::new(
                            ObjKind::PkgName {
                                imported: imp,
                                used: false,
                            },
                            s.pos,
                            Some(pkg),
                            name,
                            Some(super::ty::TypeId::INVALID),
                        ));
                        match &s.local_name {
                            Some(local) => self.record_def(local.id, Some(pkg_name)),
                            None => self.record_implicit(s.pos, pkg_name),
                        }
                        if self.package(imp).fake {
                            self.obj_mut(pkg_name).set_used();
                        }
                        self.st.imports.push(pkg_name);
                        if name.as_str() == "." {
                            let iscope = self.package(imp).scope;
                            let mut elems: Vec<(Symbol, ObjId)> = self
                                .scopes
                                .get(iscope)
                                .elems
                                .iter()
                                .map(|(k, v)| (*k, *v))
                                .collect();
                            elems.sort_by_key(|(k, _)| *k);
                            for (n, obj) in elems {
                                if !n.is_exported() {
                                    continue;
                                }
                                if let Some(alt) = self.scopes.lookup(file_scope, n) {
                                    let mut err = ErrorBuilder::new();
                                    let at = s.local_name.as_ref().map(|l| l.pos).unwrap_or(s.pos);
                                    err.add(
                                        at,
                                        format!("{} redeclared in this block", self.obj(alt).name),
                                    );
                                    self.record_alt_decl(&mut err, alt);
                                    self.report(err);
                                } else {
                                    self.scopes.get_mut(file_scope).elems.insert(n, obj);
                                    self.st.dot_import_map.insert((file_scope, obj), pkg_name);
                                }
                            }
                        } else {
                            self.declare(file_scope, None, pkg_name, Pos::NONE);
                        }
                    }
                    Decl::Const(s) => {
                        let values: &'a [Expr] =
                            s.values.as_deref().map(|v| v.unpack_list()).unwrap_or(&[]);
                        for (i, name) in s.names.iter().enumerate() {
                            let obj = self.new_obj(Object::new(
                                ObjKind::Const {
                                    val: Value::make_int64(s.iota as i64),
                                },
                                name.pos,
                                Some(pkg),
                                name.sym,
                                None,
                            ));
                            let mut d = self.new_decl_info(file_scope);
                            d.vtyp = s.ty.as_deref();
                            d.init = values.get(i);
                            d.inherited = s.inherited;
                            self.declare_pkg_obj(name, obj, d);
                        }
                        self.arity(s.pos, &s.names, values, true, s.inherited);
                    }
                    Decl::Var(s) => {
                        let values: &'a [Expr] =
                            s.values.as_ref().map(|v| v.unpack_list()).unwrap_or(&[]);
                        let n_to_1 = s
                            .values
                            .as_ref()
                            .is_some_and(|v| !matches!(v.kind, ExprKind::List(_)));
                        let lhs: Vec<ObjId> = s
                            .names
                            .iter()
                            .map(|n| {
                                self.new_obj(Object::new(
                                    ObjKind::Var {
                                        embedded: false,
                                        is_field: false,
                                        used: false,
                                        is_param: false,
                                        origin: None,
                                    },
                                    n.pos,
                                    Some(pkg),
                                    n.sym,
                                    None,
                                ))
                            })
                            .collect();
                        // One declaration for all variables of an n:1
                        // declaration, one each otherwise.
                        let shared = n_to_1.then(|| {
                            let mut d = self.new_decl_info(file_scope);
                            d.vtyp = s.ty.as_deref();
                            d.lhs = lhs.clone();
                            d.init = s.values.as_ref();
                            self.new_decl(d)
                        });
                        for (i, name) in s.names.iter().enumerate() {
                            if let Some(id) = shared {
                                self.declare_pkg_obj_with(name, lhs[i], id);
                                continue;
                            }
                            let mut d = self.new_decl_info(file_scope);
                            d.vtyp = s.ty.as_deref();
                            d.init = values.get(i);
                            self.declare_pkg_obj(name, lhs[i], d);
                        }
                        if s.ty.is_none() || !values.is_empty() {
                            self.arity(s.pos, &s.names, values, false, false);
                        }
                    }
                    Decl::Type(s) => {
                        let obj = self.new_obj(Object::new(
                            ObjKind::TypeName,
                            s.name.pos,
                            Some(pkg),
                            s.name.sym,
                            None,
                        ));
                        let mut d = self.new_decl_info(file_scope);
                        d.tdecl = Some(s);
                        self.declare_pkg_obj(&s.name, obj, d);
                    }
                    Decl::Func(s) => {
                        self.st.generic_funcs |= super::stmt::is_generic_func(s);
                        let name = s.name.sym;
                        let obj = self.new_obj(Object::new(
                            ObjKind::Func {
                                has_ptr_recv: false,
                                origin: None,
                            },
                            s.name.pos,
                            Some(pkg),
                            name,
                            None,
                        ));
                        let is_main_pkg = self.package(pkg).name.as_str() == "main";
                        match &s.recv {
                            None => {
                                if name.as_str() == "init"
                                    || (name.as_str() == "main" && is_main_pkg)
                                {
                                    if let Some(tp) = s.tparams.first() {
                                        self.soft_error(
                                            tp.pos,
                                            format!("func {name} must have no type parameters"),
                                        );
                                    }
                                    if !s.ty.params.is_empty() || !s.ty.results.is_empty() {
                                        self.soft_error(s.pos, format!("func {name} must have no arguments and no return values"));
                                    }
                                }
                                if name.as_str() == "init" {
                                    let scope = self.pkg_scope();
                                    self.obj_mut(obj).parent = Some(scope);
                                    self.record_def(s.name.id, Some(obj));
                                    if s.body.is_none() {
                                        self.soft_error(s.name.pos, "missing function body".into());
                                    }
                                } else {
                                    let scope = self.pkg_scope();
                                    self.declare(scope, Some(s.name.id), obj, Pos::NONE);
                                }
                            }
                            Some(recv) => {
                                let (ptr, rname, _) = self.unpack_recv(&recv.ty, false);
                                if let Some(rname) = rname {
                                    if !name.is_blank() {
                                        methods.push((obj, ptr, rname));
                                    }
                                }
                                self.record_def(s.name.id, Some(obj));
                            }
                        }
                        let mut d = self.new_decl_info(file_scope);
                        d.fdecl = Some(s);
                        let id = self.new_decl(d);
                        self.map_decl(obj, id);
                    }
                }
            }
        }

        // Objects in file scopes must not conflict with package-level ones.
        for fs in file_scopes {
            let mut elems: Vec<(Symbol, ObjId)> = self
                .scopes
                .get(fs)
                .elems
                .iter()
                .map(|(k, v)| (*k, *v))
                .collect();
            elems.sort_by_key(|(_, o)| self.obj(*o).pos);
            let pscope = self.pkg_scope();
            for (name, obj) in elems {
                if let Some(alt) = self.scopes.lookup(pscope, name) {
                    let mut err = ErrorBuilder::new();
                    if let ObjKind::PkgName { imported, .. } = self.obj(obj).kind {
                        let path = self.package(imported).path.clone();
                        err.add(
                            self.obj(alt).pos,
                            format!(
                                "{} already declared through import of package {} ({:?})",
                                self.obj(alt).name,
                                self.package(imported).name,
                                path
                            ),
                        );
                    } else {
                        let (pname, ppath) = self
                            .obj(obj)
                            .pkg
                            .map(|p| (self.package(p).name.as_str(), self.package(p).path.clone()))
                            .unwrap_or(("", String::new()));
                        err.add(self.obj(alt).pos, format!("{} already declared through dot-import of package {pname} ({ppath:?})", self.obj(alt).name));
                    }
                    self.record_alt_decl(&mut err, obj);
                    self.report(err);
                }
            }
        }

        for (m, ptr, recv) in methods {
            if let Some((ptr, base)) = self.resolve_base_type_name(ptr, recv) {
                if let ObjKind::Func { has_ptr_recv, .. } = &mut self.obj_mut(m).kind {
                    *has_ptr_recv = ptr;
                }
                self.st.methods.entry(base).or_default().push(m);
            }
        }
    }

    /// Unpacks a receiver type expression: whether it is a pointer, the
    /// base type name, and (with `unpack_params`) its type parameter names.
    pub fn unpack_recv(
        &mut self,
        rtyp: &'a Expr,
        unpack_params: bool,
    ) -> (bool, Option<&'a Expr>, Vec<RecvTParam>) {
        let mut ptr = false;
        let mut t = rtyp;
        loop {
            match &t.kind {
                ExprKind::Paren(x) => t = x,
                ExprKind::Operation {
                    op: Operator::Mul,
                    x,
                    y: None,
                } => {
                    ptr = true;
                    t = x;
                }
                _ => break,
            }
        }
        let mut tparams = Vec::new();
        if let ExprKind::Index { x, index } = &t.kind {
            t = x;
            if unpack_params {
                for arg in index.unpack_list() {
                    match &arg.kind {
                        ExprKind::Name(n) => tparams.push((arg.pos, *n, Some(arg.id))),
                        ExprKind::Bad => tparams.push((arg.pos, Symbol::intern("_"), None)),
                        _ => {
                            self.error(
                                start_pos(arg),
                                format!(
                                    "receiver type parameter {} must be an identifier",
                                    crate::syntax::printer::expr_string(arg)
                                ),
                            );
                            tparams.push((arg.pos, Symbol::intern("_"), None));
                        }
                    }
                }
            }
        }
        let rname = matches!(t.kind, ExprKind::Name(_)).then_some(t);
        (ptr, rname, tparams)
    }

    /// Follows aliases from a receiver's type name to the package-level
    /// defined type it denotes.
    fn resolve_base_type_name(&mut self, seen_ptr: bool, typ: &'a Expr) -> Option<(bool, ObjId)> {
        let mut ptr = seen_ptr;
        let mut typ = typ;
        let mut seen = FxHashSet::default();
        loop {
            typ = typ.unparen();
            if let ExprKind::Operation {
                op: Operator::Mul,
                x,
                y: None,
            } = &typ.kind
            {
                if ptr {
                    return None;
                }
                ptr = true;
                typ = x.unparen();
            }
            let ExprKind::Name(name) = typ.kind else {
                return None;
            };
            let obj = self.scopes.lookup(self.pkg_scope(), name)?;
            if !self.obj(obj).is_type_name() {
                return None;
            }
            let d = *self.obj_map.get(&obj)?;
            let tdecl = self.decl(d).tdecl?;
            if !tdecl.alias {
                // Only aliases are followed, so a defined type is never
                // seen twice (and most receivers need no set at all).
                return Some((ptr, obj));
            }
            if !seen.insert(obj) {
                return None;
            }
            typ = &tdecl.ty;
        }
    }

    /// Checks every package-level object, types first (types2's
    /// packageObjects).
    pub fn package_objects(&mut self) {
        // With bodies split, each thread declares its side's objects and
        // the others it uses, as they are used (split.rs).
        let split = self.st.split;
        let list: Vec<ObjId> = self
            .st
            .decl_order
            .iter()
            .copied()
            .filter(|o| self.obj(*o).pkg == Some(self.pkg))
            .filter(|o| split.is_none_or(|s| s.side_of(self.obj(*o).pos) == s.role))
            .collect();
        for &obj in &list {
            if self.obj(obj).is_type_name() && self.obj(obj).ty.is_some() {
                self.collect_methods(obj);
            }
        }
        let mut aliases = Vec::new();
        let mut others = Vec::new();
        for &obj in &list {
            if self.obj(obj).is_type_name() {
                let d = self.obj_map[&obj];
                if self.decl(d).tdecl.is_some_and(|t| t.alias) {
                    aliases.push(obj);
                } else {
                    self.obj_decl(obj, None);
                }
            } else {
                others.push(obj);
            }
        }
        for obj in aliases {
            self.obj_decl(obj, None);
        }
        for obj in others {
            self.obj_decl(obj, None);
        }
        // Types are declared here, so their methods are no longer needed;
        // with bodies split, a type of the other side may be declared later.
        if split.is_none() {
            self.st.methods.clear();
        }
    }

    pub fn unused_imports(&mut self) {
        let imports = self.st.imports.clone();
        for obj in imports {
            let o = self.obj(obj);
            if o.is_used() || o.name.is_blank() {
                continue;
            }
            let ObjKind::PkgName { imported, .. } = o.kind else {
                continue;
            };
            let path = self.package(imported).path.clone();
            let elem = path.rsplit('/').next().unwrap_or(&path).to_string();
            let name = o.name.as_str();
            let pos = o.pos;
            if name.is_empty() || name == "." || name == elem {
                self.soft_error(pos, format!("imported and not used: {path:?}"));
            } else {
                self.soft_error(pos, format!("imported and not used: {path:?} as {name}"));
            }
        }
    }

    /// A fresh per-package state (for tests and the REPL).
    pub fn reset_package_state(&mut self) {
        self.st = PkgState::default();
    }
}

/// A receiver type parameter name: position, name, node of the name.
pub type RecvTParam = (
    crate::syntax::pos::Pos,
    Symbol,
    Option<crate::syntax::ast::NodeId>,
);

/// Unquotes and validates an import path as types2 does.
fn validated_import_path(lit: &str) -> Result<String, String> {
    let s = unquote_simple(lit).ok_or_else(|| "invalid syntax".to_string())?;
    if s.is_empty() {
        return Err("empty string".into());
    }
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    for c in s.chars() {
        if c.is_control() || c.is_whitespace() || ILLEGAL.contains(c) || !is_graphic(c) {
            return Err(format!("invalid character {}", go_unicode_repr(c)));
        }
    }
    Ok(s)
}

fn is_graphic(c: char) -> bool {
    !c.is_control()
}

/// Go's %#U: `U+0041 'A'`.
pub fn go_unicode_repr(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{}'", c as u32, c)
    }
}

/// Unquotes a string literal's text (interpreted or raw) for import paths.
fn unquote_simple(lit: &str) -> Option<String> {
    if lit.len() >= 2 && lit.starts_with('`') && lit.ends_with('`') {
        return Some(lit[1..lit.len() - 1].replace('\r', ""));
    }
    if lit.len() >= 2 && lit.starts_with('"') && lit.ends_with('"') {
        match super::constant::make_from_literal(lit, crate::syntax::ast::LitKind::String) {
            Value::String(b) => return String::from_utf8(b.to_vec()).ok(),
            _ => return None,
        }
    }
    None
}
