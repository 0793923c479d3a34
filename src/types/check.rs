//! The checker's state and driver (types2's check.go).
//!
//! One [`Checker`] is one checking session: it owns the arenas (types,
//! objects, scopes, packages), the side tables for later passes ([`Info`]),
//! the diagnostics, and the source map (std API files are added to it as
//! they are imported). Checking a package runs types2's phases in order:
//! collect objects, check package-level objects, run delayed actions
//! (function bodies among them), initialization order, unused imports, and
//! recording of untyped expressions' final types.
//!
//! Invariant: an imported std package is checked completely, in a nested
//! run with the importing package's state saved, before the importing
//! package continues; so objects of other packages are always complete.

use crate::fxhash::{FxHashMap, FxHashSet};

use super::constant::Value;
use super::info::{Info, TypeAndValue};
use super::object::{Color, ObjId, ObjKind, Object};
use super::operand::{Mode, Operand};
use super::package::{Package, PkgId};
use super::scope::{ScopeId, Scopes};
use super::ty::{Type, TypeId, TypeTable};
use super::universe::Universe;
use crate::diag::Diagnostic;
use crate::syntax::ast::{Expr, File, FuncDecl, NodeId, TypeDecl};
use crate::syntax::pos::{Pos, SourceMap};
use crate::syntax::NodeIdGen;

/// Per package-level object: where and how it was declared (declInfo).
#[derive(Debug)]
pub struct DeclInfo<'a> {
    pub file: ScopeId,
    /// The left-hand side of an n:1 variable declaration.
    pub lhs: Vec<ObjId>,
    pub vtyp: Option<&'a Expr>,
    pub init: Option<&'a Expr>,
    pub inherited: bool,
    pub tdecl: Option<&'a TypeDecl>,
    pub fdecl: Option<&'a FuncDecl>,
    /// Package-level objects this declaration's initializer refers to, in
    /// first-use order.
    pub deps: DepSet,
}

/// A declaration's dependencies: distinct objects in first-use order.
/// Most declarations have a few, which a list finds faster than a hash
/// table and in far less memory (an index set cost two allocations and
/// over a hundred bytes per declaration); a list that outgrows
/// [`DepSet::SMALL`] gets a hash set beside it, so that a function
/// referring to thousands of objects stays linear.
#[derive(Debug, Default)]
pub struct DepSet {
    list: Vec<ObjId>,
    set: Option<Box<FxHashSet<ObjId>>>,
}

impl DepSet {
    const SMALL: usize = 16;

    /// Adds `o` unless it is there; whether it was added.
    pub fn insert(&mut self, o: ObjId) -> bool {
        match &mut self.set {
            Some(set) => {
                if !set.insert(o) {
                    return false;
                }
            }
            None => {
                if self.list.contains(&o) {
                    return false;
                }
                if self.list.len() >= Self::SMALL {
                    let mut set: FxHashSet<ObjId> = self.list.iter().copied().collect();
                    set.insert(o);
                    self.set = Some(Box::new(set));
                }
            }
        }
        self.list.push(o);
        true
    }

    /// The objects in first-use order.
    pub fn iter(&self) -> std::slice::Iter<'_, ObjId> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl FromIterator<ObjId> for DepSet {
    fn from_iter<I: IntoIterator<Item = ObjId>>(iter: I) -> DepSet {
        let mut d = DepSet::default();
        for o in iter {
            d.insert(o);
        }
        d
    }
}

impl<'s> IntoIterator for &'s DepSet {
    type Item = &'s ObjId;
    type IntoIter = std::slice::Iter<'s, ObjId>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl DeclInfo<'_> {
    pub fn has_initializer(&self) -> bool {
        self.init.is_some() || self.fdecl.is_some_and(|f| f.body.is_some())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DeclId(pub u32);

/// The context in which an expression or statement is checked (types2's
/// environment); saved and restored around nested declarations.
#[derive(Clone, Debug, Default)]
pub struct Environment {
    /// The package-level declaration whose initializer or body is checked.
    pub decl: Option<DeclId>,
    pub scope: Option<ScopeId>,
    /// If known, names are looked up as if at this position.
    pub pos: Option<Pos>,
    /// The value of iota in a constant declaration.
    pub iota: Option<Value>,
    /// Where to report errors of a constant with an inherited initializer.
    pub errpos: Option<Pos>,
    pub in_tparam_list: bool,
    /// The signature of the function being checked.
    pub sig: Option<TypeId>,
    /// Calls to panic, for the terminating-statement analysis.
    pub is_panic: FxHashSet<NodeId>,
    pub has_label: bool,
    pub has_call_or_recv: bool,
}

/// An untyped expression whose final type is decided by its context.
#[derive(Clone, Debug)]
pub struct ExprInfo {
    pub is_lhs: bool,
    pub mode: Mode,
    pub ty: TypeId,
    pub val: Option<Value>,
}

pub type Action<'a> = Box<dyn FnOnce(&mut Checker<'a>) + 'a>;

/// Which thread runs a delayed action when function bodies are checked
/// on two threads (split.rs): both (everything scheduled outside function
/// bodies, so that both threads see the same package), or only the thread
/// that owns the body it belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Side {
    #[default]
    Shared,
    First,
    Second,
}

/// State that belongs to the package being checked; saved while an import
/// is checked.
#[derive(Default)]
pub struct PkgState<'a> {
    pub files: Vec<&'a File>,
    pub imports: Vec<ObjId>,
    /// Objects dot-imported into a file scope, and the PkgName they came by.
    pub dot_import_map: FxHashMap<(ScopeId, ObjId), ObjId>,
    /// The package's objects in `obj_map`, in declaration order (their
    /// `order`).
    pub decl_order: Vec<ObjId>,
    /// Methods of package-level types, collected before the types are checked.
    pub methods: FxHashMap<ObjId, Vec<ObjId>>,
    pub untyped: FxHashMap<NodeId, ExprInfo>,
    pub delayed: Vec<Option<(Action<'a>, Side)>>,
    /// Set when this thread checks only some function bodies (split.rs).
    pub split: Option<super::split::BodySplit>,
    /// The side of the delayed action that is running ([`Side::Shared`]
    /// outside them): actions it schedules inherit it.
    pub side: Side,
    pub obj_path: Vec<ObjId>,
    pub first_err: bool,
    /// Whether a function declared in the package is generic (or a method
    /// of a generic type): only then can it declare local types gc rejects.
    pub generic_funcs: bool,
    pub broken_aliases: FxHashSet<ObjId>,
    pub recv_tparam_map: FxHashMap<NodeId, TypeId>,
    pub env: Environment,
    /// Instantiations of the package's type parameters, for the
    /// monomorphization check (types2's check.mono).
    pub mono: super::mono::MonoGraph,
}

pub struct Checker<'a> {
    pub sources: SourceMap,
    pub ids: &'a NodeIdGen,
    pub types: TypeTable,
    pub objs: Vec<Object>,
    pub scopes: Scopes,
    pub pkgs: Vec<Package>,
    pub info: Info,
    pub diags: Vec<Diagnostic>,
    pub universe: Universe,
    /// Declaration info of package-level objects and methods.
    pub obj_map: FxHashMap<ObjId, DeclId>,
    pub decls: Vec<DeclInfo<'a>>,
    /// Imported packages by path.
    pub imported: FxHashMap<String, PkgId>,
    /// The package being checked.
    pub pkg: PkgId,
    pub st: PkgState<'a>,
    /// Errors in goscope's own std API files are internal errors; they are
    /// collected apart so they never look like the user's.
    pub internal_errors: Vec<String>,
    /// Where the parser reported errors in the files being checked. gc's
    /// parser checks the labels and branches of a function body only if it
    /// reported no error inside it (labels.rs).
    pub parse_errors: Vec<Pos>,
    /// Instances, union type sets and valid types shared by all packages of
    /// the session (types2's Context and caches).
    pub gen: super::context::GenState,
}

impl<'a> Checker<'a> {
    pub fn new(sources: SourceMap, ids: &'a NodeIdGen) -> Checker<'a> {
        let mut types = TypeTable::new();
        let mut objs = Vec::new();
        let mut scopes = Scopes::default();
        let mut pkgs = Vec::new();
        let universe = Universe::new(&mut types, &mut objs, &mut scopes, &mut pkgs);
        let main_scope = scopes.new_scope(Some(universe.scope), Pos::NONE, Pos::NONE, "package");
        pkgs.push(Package {
            path: "main".into(),
            // The name comes from the first file's package clause.
            name: crate::syntax::symbol::Symbol::intern(""),
            scope: main_scope,
            imports: Vec::new(),
            complete: false,
            fake: false,
        });
        let pkg = PkgId(pkgs.len() as u32 - 1);
        Checker {
            sources,
            ids,
            types,
            objs,
            scopes,
            pkgs,
            info: Info::default(),
            diags: Vec::new(),
            universe,
            obj_map: FxHashMap::default(),
            decls: Vec::new(),
            imported: FxHashMap::default(),
            pkg,
            st: PkgState::default(),
            internal_errors: Vec::new(),
            parse_errors: Vec::new(),
            gen: Default::default(),
        }
    }

    // --- arenas ---

    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objs[id.index()]
    }
    pub fn obj_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.objs[id.index()]
    }
    pub fn new_obj(&mut self, obj: Object) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(obj);
        id
    }
    /// The object's type; Invalid while it has none.
    pub fn obj_type(&self, id: ObjId) -> TypeId {
        self.obj(id).ty.unwrap_or(TypeId::INVALID)
    }
    pub fn package(&self, id: PkgId) -> &Package {
        &self.pkgs[id.0 as usize]
    }
    pub fn decl(&self, id: DeclId) -> &DeclInfo<'a> {
        &self.decls[id.0 as usize]
    }
    pub fn decl_mut(&mut self, id: DeclId) -> &mut DeclInfo<'a> {
        &mut self.decls[id.0 as usize]
    }
    pub fn new_decl(&mut self, d: DeclInfo<'a>) -> DeclId {
        self.decls.push(d);
        DeclId(self.decls.len() as u32 - 1)
    }
    pub fn env(&self) -> &Environment {
        &self.st.env
    }
    pub fn env_mut(&mut self) -> &mut Environment {
        &mut self.st.env
    }
    /// The innermost scope of the current environment.
    pub fn scope(&self) -> ScopeId {
        self.st.env.scope.unwrap_or(self.universe.scope)
    }
    pub fn pkg_scope(&self) -> ScopeId {
        self.package(self.pkg).scope
    }

    // --- driver ---

    /// Checks the files of one package (all must be syntactically valid).
    pub fn check_files(&mut self, files: &[&'a File]) {
        // Deep inputs need deep recursion (see driver::with_stack).
        crate::driver::with_stack(|| self.check_files_inner(files))
    }

    fn check_files_inner(&mut self, files: &[&'a File]) {
        self.declarations_and_bodies(files);
        self.finish_files_inner();
    }

    /// The package's declarations and the function bodies this thread
    /// owns (all of them unless [`PkgState::split`] is set).
    pub fn check_files_to_bodies(&mut self, files: &[&'a File]) {
        crate::driver::with_stack(|| self.declarations_and_bodies(files))
    }

    fn declarations_and_bodies(&mut self, files: &[&'a File]) {
        let ids = self.ids.count() as usize;
        self.info.reserve_nodes(ids);
        self.reserve_arenas(ids);
        self.init_files(files);
        // GOSCOPE_TIMING: the phases of the user's package, in this
        // thread's CPU time (imports are checked inside collect_objects).
        let timing = self.pkg == self.main_pkg() && timing_enabled();
        let now = || {
            if timing {
                (
                    crate::driver::thread_cpu_time(),
                    crate::driver::thread_page_faults(),
                )
            } else {
                Default::default()
            }
        };
        let t0 = now();
        self.collect_objects();
        let t1 = now();
        self.package_objects();
        let t2 = now();
        self.process_delayed(0);
        if timing {
            let t3 = now();
            let role = self.st.split.map_or(Side::Shared, |s| s.role);
            eprintln!(
                "goscope: check ({role:?}): imports+collect {:?} {} faults, package objects {:?} {} faults, bodies {:?} {} faults; {}",
                t1.0 - t0.0,
                t1.1 - t0.1,
                t2.0 - t1.0,
                t2.1 - t1.1,
                t3.0 - t2.0,
                t3.1 - t2.1,
                self.arena_stats()
            );
        }
    }

    /// The sizes of the arenas, for GOSCOPE_TIMING.
    fn arena_stats(&self) -> String {
        format!(
            "{} objects ({} KiB), {} types ({} KiB), {} scopes ({} KiB), {} decls ({} KiB), {} untyped left",
            self.objs.len(),
            (self.objs.len() * std::mem::size_of::<Object>()) >> 10,
            self.types.len(),
            (self.types.len() * std::mem::size_of::<Type>()) >> 10,
            self.scopes.len(),
            (self.scopes.len() * std::mem::size_of::<super::scope::Scope>()) >> 10,
            self.decls.len(),
            (self.decls.len() * std::mem::size_of::<DeclInfo>()) >> 10,
            self.st.untyped.len(),
        )
    }

    /// What follows the function bodies: initialization order, unused
    /// imports, the generic checks.
    pub fn finish_files(&mut self) {
        crate::driver::with_stack(|| self.finish_files_inner())
    }

    fn finish_files_inner(&mut self) {
        let timing = self.pkg == self.main_pkg() && timing_enabled();
        let t0 = crate::driver::thread_cpu_time();
        self.cleanup();
        self.init_order();
        if timing {
            eprintln!(
                "goscope: check: cleanup+init order {:?}",
                crate::driver::thread_cpu_time() - t0
            );
        }
        self.unused_imports();
        self.record_untyped();
        if !self.st.first_err {
            self.monomorph();
        }
        if !self.st.first_err {
            self.generic_local_types();
        }
        let pkg = self.pkg;
        self.pkgs[pkg.0 as usize].complete = true;
    }

    /// Sizes the arenas for a session of `ids` node ids, so that they are
    /// not regrown (copied, and their old blocks left behind) while the
    /// user's program is checked. The divisors bound what Go programs
    /// need per node (gen-big's 100,000 lines: 0.11 objects, 0.06 scopes
    /// and 0.06 types per id; the go tests with the most declarations, up
    /// to 0.35 objects and 0.25 scopes and types); capacity that is never
    /// used is address space the system does not map.
    fn reserve_arenas(&mut self, ids: usize) {
        reserve_to(&mut self.objs, ids / 2);
        self.scopes.reserve_to(ids / 4);
        self.types.reserve_to(ids / 4);
        reserve_to(&mut self.decls, ids / 4);
    }

    fn init_files(&mut self, files: &[&'a File]) {
        self.st.files.clear();
        for &file in files {
            let name = file.pkg_name.sym;
            let pkg_name = self.package(self.pkg).name;
            if pkg_name.as_str().is_empty() {
                if name.as_str() == "_" {
                    self.error(file.pkg_name.pos, "invalid package name _".to_string());
                } else {
                    let pkg = self.pkg;
                    self.pkgs[pkg.0 as usize].name = name;
                }
                self.st.files.push(file);
            } else if name == pkg_name {
                self.st.files.push(file);
            } else {
                self.error(file.pos, format!("package {}; expected {}", name, pkg_name));
            }
        }
    }

    /// Schedules `f` to run after the current package-level declarations.
    pub fn later(&mut self, f: impl FnOnce(&mut Checker<'a>) + 'a) {
        let side = self.st.side;
        self.st.delayed.push(Some((Box::new(f), side)));
    }

    /// [`Checker::later`] for the body of the function declared at `pos`,
    /// which belongs to one side when bodies are split.
    pub fn later_body(&mut self, pos: Pos, f: impl FnOnce(&mut Checker<'a>) + 'a) {
        // A function declared on the other side's demand still has its
        // body checked on its own side.
        let side = match &self.st.split {
            Some(split) => split.side_of(pos),
            None => self.st.side,
        };
        self.st.delayed.push(Some((Box::new(f), side)));
    }

    /// Runs delayed actions from `top` on (they may add more), then drops
    /// them; when bodies are split, only those of this thread's side.
    pub fn process_delayed(&mut self, top: usize) {
        let mine = self.st.split.as_ref().map(|s| s.role);
        let mut i = top;
        while i < self.st.delayed.len() {
            if let Some((f, side)) = self.st.delayed[i].take() {
                if side == Side::Shared || mine.is_none_or(|m| m == side) {
                    let outer = std::mem::replace(&mut self.st.side, side);
                    f(self);
                    self.st.side = outer;
                }
            }
            i += 1;
        }
        self.st.delayed.truncate(top);
    }

    pub fn push_obj_path(&mut self, obj: ObjId) -> u32 {
        self.st.obj_path.push(obj);
        self.st.obj_path.len() as u32 - 1
    }

    pub fn pop_obj_path(&mut self) -> Option<ObjId> {
        self.st.obj_path.pop()
    }

    /// Finishes types that were left incomplete during checking (types2's
    /// cleanup): resolves chains of Named underlying types.
    fn cleanup(&mut self) {
        for i in 0..self.types.len() {
            let id = TypeId(i as u32);
            if let Type::Named(n) = self.types.get(id) {
                if n.orig.is_none() && matches!(n.underlying, Some(u) if self.types.is_named(u)) {
                    self.under(id);
                }
            }
        }
    }

    // --- recording for later passes ---

    /// (The test is inlined: with Info off, most operands need nothing.)
    #[inline]
    pub fn record(&mut self, x: &Operand<'a>) {
        let Some(e) = x.expr else { return };
        let ty = match x.mode {
            Mode::Invalid => TypeId::INVALID,
            Mode::NoValue => self.types.empty_tuple(),
            _ => x.ty,
        };
        let untyped = self.types.is_untyped(ty);
        // An untyped expression is remembered whether or not Info records:
        // its final type is the checker's business (update_expr_type).
        if !untyped && !self.info.recording() {
            return;
        }
        self.record_operand(x, e, ty, untyped);
    }

    fn record_operand(&mut self, x: &Operand<'a>, e: &'a Expr, ty: TypeId, untyped: bool) {
        let val = match x.mode {
            Mode::Constant => Some(x.val.clone()),
            _ => None,
        };
        if untyped {
            self.remember_untyped(e.id, false, x.mode, ty, val);
        } else {
            self.record_type_and_value(e.id, x.mode, ty, val);
        }
    }

    pub fn remember_untyped(
        &mut self,
        id: NodeId,
        is_lhs: bool,
        mode: Mode,
        ty: TypeId,
        val: Option<Value>,
    ) {
        self.st.untyped.insert(
            id,
            ExprInfo {
                is_lhs,
                mode,
                ty,
                val,
            },
        );
    }

    fn record_untyped(&mut self) {
        let untyped = std::mem::take(&mut self.st.untyped);
        if !self.info.recording() {
            return;
        }
        for (id, info) in untyped {
            self.record_type_and_value(id, info.mode, info.ty, info.val);
        }
    }

    #[inline]
    pub fn record_type_and_value(
        &mut self,
        id: NodeId,
        mode: Mode,
        ty: TypeId,
        val: Option<Value>,
    ) {
        if mode == Mode::Invalid || !self.info.recording() {
            return;
        }
        self.info.record_type(id, TypeAndValue { mode, ty, val });
    }

    /// Records the signature of a builtin call's function expression, through
    /// any parentheses.
    pub fn record_builtin_type(&mut self, mut f: &Expr, sig: TypeId) {
        loop {
            self.record_type_and_value(f.id, Mode::Builtin, sig, None);
            match &f.kind {
                crate::syntax::ast::ExprKind::Paren(x) => f = x,
                _ => return,
            }
        }
    }

    /// Records the (value, ok) tuple type of a comma-ok expression.
    pub fn record_comma_ok_types(&mut self, mut x: &Expr, a: [TypeId; 2]) {
        if !self.info.recording() {
            return;
        }
        loop {
            let pos = x.pos;
            let pkg = Some(self.pkg);
            let v0 = self.new_obj(Object::new(
                ObjKind::Var {
                    embedded: false,
                    is_field: false,
                    used: false,
                    is_param: false,
                    origin: None,
                },
                pos,
                pkg,
                crate::syntax::symbol::Symbol::intern(""),
                Some(a[0]),
            ));
            let v1 = self.new_obj(Object::new(
                ObjKind::Var {
                    embedded: false,
                    is_field: false,
                    used: false,
                    is_param: false,
                    origin: None,
                },
                pos,
                pkg,
                crate::syntax::symbol::Symbol::intern(""),
                Some(a[1]),
            ));
            let tuple = self.types.tuple(vec![v0, v1]);
            self.info.set_type(x.id, tuple);
            match &x.kind {
                crate::syntax::ast::ExprKind::Paren(inner) => x = inner,
                _ => return,
            }
        }
    }

    pub fn record_def(&mut self, id: NodeId, obj: Option<ObjId>) {
        self.info.record_def(id, obj);
    }

    pub fn record_use(&mut self, id: NodeId, obj: ObjId) {
        self.info.record_use(id, obj);
    }

    pub fn record_implicit(&mut self, at: Pos, obj: ObjId) {
        if self.info.recording() {
            self.info.implicits.insert(at, obj);
        }
    }

    pub fn record_scope(&mut self, at: Pos, scope: ScopeId) {
        if self.info.recording() {
            self.info.scopes.insert(at, scope);
        }
    }

    pub fn record_instance(&mut self, ident: NodeId, targs: Vec<TypeId>, ty: TypeId) {
        if self.info.recording() {
            self.info
                .instances
                .insert(ident, super::info::Instance { targs, ty });
        }
    }

    // --- object colors (cycle detection) ---

    pub fn set_color(&mut self, obj: ObjId, c: Color) {
        self.obj_mut(obj).set_color(c);
    }

    /// Adds `to` as a dependency of the package-level declaration being
    /// checked, for initialization order.
    pub fn add_decl_dep(&mut self, to: ObjId) {
        let Some(from) = self.st.env.decl else { return };
        // Every object in `obj_map` has a declaration order (map_decl):
        // a local object, the most used, needs no hash lookup.
        if self.obj(to).order == 0 || !self.obj_map.contains_key(&to) {
            return;
        }
        self.decl_mut(from).deps.insert(to);
    }
}

/// Whether GOSCOPE_TIMING asks for the checker's phase times.
pub fn timing_enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GOSCOPE_TIMING").is_some())
}

/// Makes room for `n` elements in all (unlike `Vec::reserve`, which adds
/// to the length).
pub fn reserve_to<T>(v: &mut Vec<T>, n: usize) {
    if v.capacity() < n {
        v.reserve_exact(n - v.len());
    }
}
