//! Generics by stenciling (docs/vm.md sections 4 and 7): one compiled
//! function per (generic function or method, type arguments).
//!
//! Substitution creates types, which needs `&mut Checker`, while the
//! compiler holds a shared one. So this pre-pass runs first and computes
//! everything the compiler will ask about each instance:
//!
//! - the worklist of instances reachable from the non-generic code
//!   (calls and function values with recorded instantiations, method
//!   selections on instantiated types, and every method of each
//!   instantiated type the program's expressions mention, since method
//!   tables name them), deduplicated by type identity of the type
//!   arguments (the checker's `identical`);
//! - per instance, the substitution of every type its body records (for
//!   expressions and for the objects it declares): the compiler maps each
//!   type it reads through this table, so every instruction is typed
//!   concretely;
//! - per instance, selections re-resolved on the concrete receiver (a
//!   method called on a type parameter value calls the concrete method
//!   directly), and the instances its own calls use.

use std::collections::{HashMap, HashSet};

use super::CResult;
use crate::syntax::ast::{Decl, Expr, File, FuncDecl, NodeId};
use crate::syntax::pos::Pos;
use crate::types::info::{Selection, SelectionKind};
use crate::types::object::{ObjId, ObjKind};
use crate::types::subst::SubstMap;
use crate::types::ty::{Type, TypeId};
use crate::types::Checker;

/// Instantiations beyond this many are reported rather than compiled (a
/// guard against unbounded instantiation the checker let through).
const MAX_INSTANCES: usize = 5000;

/// One stenciled function.
pub struct Inst {
    /// Index of the generic FuncDecl in the file's declarations.
    pub decl: usize,
    /// The generic function or method (the declared object).
    pub origin: ObjId,
    pub targs: Vec<TypeId>,
    /// The function's name as gc's tracebacks print it (`main.F[...]`).
    pub name: String,
    /// Generic type → concrete type, for every type the body records.
    pub types: HashMap<TypeId, TypeId>,
    /// Selections whose receiver type changed, resolved again.
    pub sels: HashMap<NodeId, Selection>,
    /// Names that use an instantiated generic function → instance.
    pub uses: HashMap<NodeId, usize>,
}

/// Every instance the program needs.
#[derive(Default)]
pub struct Mono {
    pub insts: Vec<Inst>,
    /// Instantiated uses in non-generic code.
    pub root_uses: HashMap<NodeId, usize>,
    /// Methods of instantiated types (the checker's expanded method
    /// objects) → instance.
    pub methods: HashMap<ObjId, usize>,
}

/// The pre-pass's state.
struct Builder<'f, 'c, 'a> {
    c: &'c mut Checker<'a>,
    file: &'f File,
    /// Generic declarations by object: decl index.
    generic: HashMap<ObjId, usize>,
    /// Objects declared inside each generic declaration.
    decl_objs: HashMap<usize, Vec<ObjId>>,
    mono: Mono,
    work: Vec<usize>,
    seen_types: HashSet<TypeId>,
}

/// Computes the instances of `file`'s generic functions and methods.
pub fn build(file: &File, c: &mut Checker<'_>) -> CResult<Mono> {
    let mut b = Builder {
        c,
        file,
        generic: HashMap::new(),
        decl_objs: HashMap::new(),
        mono: Mono::default(),
        work: Vec::new(),
        seen_types: HashSet::new(),
    };
    let mut spans = Vec::new();
    for (i, d) in file.decls.iter().enumerate() {
        let Decl::Func(fd) = d else { continue };
        let Some(body) = &fd.body else { continue };
        let Some(Some(obj)) = b.c.info.def_of(fd.name.id) else {
            continue;
        };
        if is_generic_decl(b.c, fd) {
            b.generic.insert(obj, i);
            spans.push((fd.pos, body.rbrace, i));
        }
    }
    if b.generic.is_empty() {
        return Ok(b.mono);
    }
    // The objects each generic declaration declares, by position.
    let mut defs: Vec<(Pos, ObjId)> =
        b.c.info
            .defs()
            .filter_map(|(_, o)| o.map(|o| (b.c.obj(o).pos, o)))
            .collect();
    defs.extend(b.c.info.implicits.values().map(|&o| (b.c.obj(o).pos, o)));
    for (pos, obj) in defs {
        if let Some(&(_, _, i)) = spans.iter().find(|(lo, hi, _)| *lo <= pos && pos <= *hi) {
            b.decl_objs.entry(i).or_default().push(obj);
        }
    }
    // Roots: the non-generic functions and the package initializers.
    for (i, d) in file.decls.iter().enumerate() {
        match d {
            Decl::Func(fd) if !spans.iter().any(|s| s.2 == i) => {
                if let Some(body) = &fd.body {
                    let mut exprs = Vec::new();
                    super::walk::stmts(&body.stmts, &mut |e| exprs.push(e));
                    b.scan_root(&exprs)?;
                }
            }
            Decl::Var(vd) => {
                if let Some(v) = &vd.values {
                    let mut exprs = Vec::new();
                    super::walk::expr(v, &mut |e| exprs.push(e));
                    b.scan_root(&exprs)?;
                }
            }
            _ => {}
        }
    }
    while let Some(i) = b.work.pop() {
        b.expand(i)?;
    }
    Ok(b.mono)
}

/// Whether a function declaration is generic: it has type parameters, or
/// it is a method of a generic type.
pub fn is_generic_decl(c: &Checker<'_>, fd: &FuncDecl) -> bool {
    let Some(Some(obj)) = c.info.def_of(fd.name.id) else {
        return false;
    };
    c.types
        .signature(c.obj_type(obj))
        .is_some_and(|s| !s.tparams.is_empty() || !s.rparams.is_empty())
}

/// gc's name of a function declaration, with `[...]` for type arguments.
pub fn func_name(fd: &FuncDecl) -> String {
    let name = fd.name.sym.as_str();
    let Some(r) = &fd.recv else {
        if fd.tparams.is_empty() {
            return format!("main.{name}");
        }
        return format!("main.{name}[...]");
    };
    let (ptr, tname, generic) = super::recv_type_name(&r.ty);
    let targs = if generic { "[...]" } else { "" };
    if ptr {
        format!("main.(*{tname}{targs}).{name}")
    } else {
        format!("main.{tname}{targs}.{name}")
    }
}

impl Builder<'_, '_, '_> {
    /// Scans expressions of non-generic code.
    fn scan_root(&mut self, exprs: &[&Expr]) -> CResult<()> {
        for e in exprs {
            let id = e.id;
            if let Some(t) = self.c.info.type_of(id).map(|t| t.ty) {
                self.note_type(t)?;
            }
            if let Some(inst) = self.instance_use(id, None)? {
                self.mono.root_uses.insert(id, inst);
            }
            if let Some(sel) = self.c.info.selections.get(&id).cloned() {
                self.note_method(sel.obj)?;
            }
        }
        Ok(())
    }

    /// The instance a name uses, if it names an instantiated generic
    /// function (type arguments substituted by `smap`).
    fn instance_use(&mut self, id: NodeId, smap: Option<&SubstMap>) -> CResult<Option<usize>> {
        let Some(inst) = self.c.info.instances.get(&id).cloned() else {
            return Ok(None);
        };
        let Some(obj) = self.c.info.use_of(id) else {
            return Ok(None);
        };
        if !self.generic.contains_key(&obj) {
            return Ok(None);
        }
        let targs = match smap {
            Some(m) => inst
                .targs
                .iter()
                .map(|&t| self.c.subst(Pos::NONE, t, m))
                .collect(),
            None => inst.targs,
        };
        for &t in &targs {
            self.note_type(t)?;
        }
        self.intern(obj, targs).map(Some)
    }

    /// A method of an instantiated type: its instance.
    fn note_method(&mut self, m: ObjId) -> CResult<Option<usize>> {
        if let Some(&i) = self.mono.methods.get(&m) {
            return Ok(Some(i));
        }
        let ObjKind::Func {
            origin: Some(origin),
            ..
        } = self.c.obj(m).kind
        else {
            return Ok(None);
        };
        if !self.generic.contains_key(&origin) {
            return Ok(None);
        }
        let Some(recv) = self
            .c
            .types
            .signature(self.c.obj_type(m))
            .and_then(|s| s.recv)
        else {
            return Ok(None);
        };
        let (base, _) = self.c.types.deref(self.c.obj_type(recv));
        let targs = self.c.named_targs(base);
        if targs.iter().any(|&t| self.mentions_tparam(t, 0)) {
            return Ok(None);
        }
        let i = self.intern(origin, targs)?;
        self.mono.methods.insert(m, i);
        Ok(Some(i))
    }

    /// The instance of `origin` for `targs`, queued if new.
    fn intern(&mut self, origin: ObjId, targs: Vec<TypeId>) -> CResult<usize> {
        for (i, inst) in self.mono.insts.iter().enumerate() {
            if inst.origin == origin && inst.targs.len() == targs.len() {
                let (a, b) = (inst.targs.clone(), &targs);
                if a.iter()
                    .zip(b)
                    .all(|(&x, &y)| x == y || self.c.identical(x, y))
                {
                    return Ok(i);
                }
            }
        }
        if self.mono.insts.len() >= MAX_INSTANCES {
            return Err(format!(
                "goscope: not supported yet: more than {MAX_INSTANCES} instantiations"
            ));
        }
        let decl = self.generic[&origin];
        let Decl::Func(fd) = &self.file.decls[decl] else {
            return Err("goscope: internal error: generic declaration".into());
        };
        let i = self.mono.insts.len();
        self.mono.insts.push(Inst {
            decl,
            origin,
            targs,
            name: func_name(fd),
            types: HashMap::new(),
            sels: HashMap::new(),
            uses: HashMap::new(),
        });
        self.work.push(i);
        Ok(i)
    }

    /// Computes instance `i`'s tables and queues what its body uses.
    fn expand(&mut self, i: usize) -> CResult<()> {
        let (decl, origin, targs) = {
            let inst = &self.mono.insts[i];
            (inst.decl, inst.origin, inst.targs.clone())
        };
        let file = self.file;
        let Decl::Func(fd) = &file.decls[decl] else {
            return Ok(());
        };
        let sig_t = self.c.obj_type(origin);
        let Some(sig) = self.c.types.signature(sig_t).cloned() else {
            return Ok(());
        };
        let tparams = if sig.tparams.is_empty() {
            sig.rparams.clone()
        } else {
            sig.tparams.clone()
        };
        let smap = self.c.make_subst_map(&tparams, &targs);
        let mut types = HashMap::new();
        let mut cands: Vec<TypeId> = vec![sig_t];
        let mut vars: Vec<ObjId> = sig.recv.into_iter().collect();
        vars.extend(self.c.types.tuple_vars(sig.params).iter().copied());
        vars.extend(self.c.types.tuple_vars(sig.results).iter().copied());
        vars.extend(self.decl_objs.get(&decl).into_iter().flatten().copied());
        cands.extend(vars.iter().map(|&v| self.c.obj_type(v)));
        let mut exprs: Vec<&Expr> = Vec::new();
        if let Some(body) = &fd.body {
            super::walk::stmts(&body.stmts, &mut |e| exprs.push(e));
        }
        for e in &exprs {
            if let Some(t) = self.c.info.type_of(e.id).map(|t| t.ty) {
                cands.push(t);
            }
        }
        for t in cands {
            if types.contains_key(&t) {
                continue;
            }
            let s = self.c.subst(fd.pos, t, &smap);
            if s != t {
                types.insert(t, s);
                self.note_type(s)?;
            }
        }
        let mut sels = HashMap::new();
        let mut uses = HashMap::new();
        for e in &exprs {
            if let Some(u) = self.instance_use(e.id, Some(&smap))? {
                uses.insert(e.id, u);
            }
            let Some(sel) = self.c.info.selections.get(&e.id).cloned() else {
                continue;
            };
            let recv = self.c.subst(fd.pos, sel.recv, &smap);
            let sel = if recv != sel.recv {
                self.reselect(sel, recv)
            } else {
                sel
            };
            self.note_method(sel.obj)?;
            sels.insert(e.id, sel);
        }
        let inst = &mut self.mono.insts[i];
        inst.types = types;
        inst.sels = sels;
        inst.uses = uses;
        Ok(())
    }

    /// The selection of the same name on the concrete receiver type.
    fn reselect(&mut self, sel: Selection, recv: TypeId) -> Selection {
        let o = self.c.obj(sel.obj);
        let (name, pkg) = (o.name, o.pkg);
        let (obj, index, indirect) = self.c.lookup_field_or_method(recv, true, pkg, name);
        match (obj, index) {
            (Some(obj), Some(index)) => Selection {
                kind: sel.kind,
                recv,
                obj,
                index,
                indirect: indirect || sel.kind == SelectionKind::MethodVal && sel.indirect,
            },
            _ => Selection { recv, ..sel },
        }
    }

    /// Expands every instantiated named type reachable from `t` and queues
    /// the methods of those with generic declarations.
    fn note_type(&mut self, t: TypeId) -> CResult<()> {
        if !self.seen_types.insert(t) {
            return Ok(());
        }
        match self.c.types.get(t).clone() {
            Type::Named(n) => {
                if n.orig.is_some() && !n.targs.is_empty() {
                    if n.targs.iter().any(|&a| self.mentions_tparam(a, 0)) {
                        return Ok(());
                    }
                    for m in self.c.named_methods(t) {
                        self.note_method(m)?;
                    }
                }
                let u = self.c.under(t);
                self.note_type(u)?;
            }
            Type::Pointer(e) | Type::Slice(e) => self.note_type(e)?,
            Type::Array { elem, .. } | Type::Chan { elem, .. } => self.note_type(elem)?,
            Type::Map { key, elem } => {
                self.note_type(key)?;
                self.note_type(elem)?;
            }
            Type::Struct(st) => {
                for f in st.fields {
                    self.note_type(self.c.obj_type(f))?;
                }
            }
            Type::Tuple(vars) => {
                for v in vars {
                    self.note_type(self.c.obj_type(v))?;
                }
            }
            Type::Signature(s) => {
                self.note_type(s.params)?;
                self.note_type(s.results)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether `t` mentions a type parameter (then it is not concrete).
    fn mentions_tparam(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        let d = depth + 1;
        match self.c.types.get(t) {
            Type::TypeParam(_) => true,
            Type::Named(n) => n.targs.iter().any(|&a| self.mentions_tparam(a, d)),
            Type::Pointer(e) | Type::Slice(e) => self.mentions_tparam(*e, d),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => self.mentions_tparam(*elem, d),
            Type::Map { key, elem } => {
                self.mentions_tparam(*key, d) || self.mentions_tparam(*elem, d)
            }
            Type::Struct(st) => st
                .fields
                .iter()
                .any(|&f| self.mentions_tparam(self.c.obj_type(f), d)),
            Type::Tuple(vars) => vars
                .iter()
                .any(|&v| self.mentions_tparam(self.c.obj_type(v), d)),
            Type::Signature(s) => {
                self.mentions_tparam(s.params, d) || self.mentions_tparam(s.results, d)
            }
            _ => false,
        }
    }
}

impl super::Compiler<'_, '_> {
    /// `T(c)` for a constant c and a type parameter T is not a constant
    /// in Go, so the checker recorded no value for it; in an instance
    /// T is concrete and the conversion of a numeric constant to a
    /// numeric type is the constant itself (the checker verified it is
    /// representable in every type of T's type set).
    pub(super) fn generic_const_conversion(
        &self,
        x: &Expr,
        to: super::layout::K,
    ) -> Option<crate::types::constant::Value> {
        use super::layout::K;
        use crate::types::constant::Kind;
        self.cur?;
        let v = self.c.info.value_of(x.unparen().id)?;
        let numeric_to = matches!(to, K::Int { .. } | K::F32 | K::F64 | K::C64 | K::C128);
        let numeric_v = matches!(v.kind(), Kind::Int | Kind::Float | Kind::Complex);
        if !(numeric_to && numeric_v) {
            return None;
        }
        Some(match to {
            K::Int { .. } => v.to_int(),
            K::F32 | K::F64 => v.to_float(),
            _ => v.to_complex(),
        })
    }

    /// The instance a call's function operand names: `F` or `F[int]`
    /// with F a generic function.
    pub(super) fn instance_callee(&self, fun: &Expr) -> Option<u32> {
        use crate::syntax::ast::ExprKind;
        let fun = fun.unparen();
        match &fun.kind {
            ExprKind::Name(_) => self.instance_func(fun.id),
            ExprKind::Index { x, .. } => {
                let x = x.unparen();
                x.as_name()?;
                self.instance_func(x.id)
            }
            _ => None,
        }
    }
}
