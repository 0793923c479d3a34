//! The bytecode compiler: typed syntax tree -> [`Program`] (docs/vm.md).
//!
//! It reads the checker's side tables (types of expressions, the objects
//! names define and use, selections) and escape analysis's decisions
//! (frame or heap for each variable) and never recomputes them. Files
//! mirror the tree: stmt.rs for statements, expr.rs for expressions,
//! call.rs for calls and builtins; func.rs is one function's code and
//! slots, layout.rs sizes and kinds of types.
//!
//! Architecture Invariant: every construct the compiler does not support
//! yet is reported as an error (`goscope: not supported yet: ...`), never
//! compiled to something that runs differently from gc.

mod assign;
mod builtins;
mod call;
mod closure;
mod composite;
mod cond;
mod expr;
mod func;
mod fused;
mod gcshape;
mod generic;
mod iface;
mod layout;
mod maps;
mod methodval;
mod native;
mod order;
mod range;
mod reflectsetup;
pub use native::signature_slots;
pub mod rtype;
mod runtimecalls;
mod stmt;
mod typedesc;
mod variadic;
mod walk;

use std::collections::HashMap;

use goscope_runtime::vm::{Op, Program};

use crate::escape::EscapeInfo;
use crate::syntax::ast::{Decl, Expr, File, FuncDecl};
use crate::syntax::pos::Pos;
use crate::types::object::{ObjId, ObjKind};
use crate::types::ty::TypeId;
use crate::types::Checker;
use func::{FnBuilder, Loc};
use layout::Layout;

/// A compile error: a construct goscope cannot run yet, at a position.
pub type CResult<T> = Result<T, String>;

pub struct Compiler<'c, 'a> {
    c: &'c Checker<'a>,
    esc: &'c EscapeInfo,
    lay: Layout<'c, 'a>,
    prog: Program,
    funcs: HashMap<ObjId, u32>,
    globals: HashMap<ObjId, u32>,
    file: String,
    f: FnBuilder,
    kcache: HashMap<u64, u32>,
    statics: HashMap<Vec<u8>, u32>,
    /// Allocation shapes by (size, pointer mask): their `prog.types` index
    /// (gcshape.rs).
    shapes: HashMap<(usize, Vec<bool>), u32>,
    /// Variables whose address is taken (`&x`, `&x.f`, `x[:]` of an array).
    taken: std::collections::HashSet<ObjId>,
    file_ref: &'a File,
    /// Function literals numbered so far in the current function.
    lit_count: u32,
    /// Defer wrappers numbered so far in the current function.
    wrap_count: u32,
    /// The func value slot of the dynamic call being compiled.
    dyn_target: Option<u32>,
    /// The operand whose interface conversion the caller handles.
    conv_ok: Option<crate::syntax::ast::NodeId>,
    /// The (iface slot, method index) of the interface call being compiled.
    iface_target: Option<(u32, u32)>,
    /// Functions behind interface method values and expressions.
    iface_thunks: HashMap<(TypeId, ObjId, bool), u32>,
    /// Receiver types of std error types with native methods
    /// (`*strconv.NumError`), whose `error` itabs natives need.
    std_error_recvs: Vec<TypeId>,
    /// Runtime type descriptors (typedesc.rs).
    rt: rtype::RtypeBuilder<'c, 'a>,
    /// Function ids shared with `rt`'s method callback.
    methods: typedesc::SharedMethodFuncs,
    /// Index in `prog.types` by descriptor address.
    type_indexes: HashMap<usize, u32>,
    /// The instances of generic functions (generic.rs).
    mono: generic::Mono,
    /// The function id of each instance.
    inst_ids: Vec<u32>,
    /// The instance being compiled (its substitution applies to every
    /// type the compiler reads).
    cur: Option<usize>,
    /// gc's `M-fm` method value wrappers by method function id.
    fm_wrappers: HashMap<u32, u32>,
    /// Method expressions `T.M` calling a boxed receiver's code, by
    /// (T, method).
    boxed_method_exprs: HashMap<(TypeId, ObjId), u32>,
    /// Std variables the program uses and the natives giving their
    /// initial values.
    std_vars: Vec<(ObjId, u32)>,
}

/// Compiles a checked, error-free program. `path` is the file name as
/// tracebacks print it.
pub fn compile<'a>(
    file: &'a File,
    c: &mut Checker<'a>,
    esc: &EscapeInfo,
    path: &str,
) -> CResult<Program> {
    compile_with(file, c, esc, path, true)
}

/// [`compile`], optionally without the final [`Program::validate`] (for
/// `goscope disasm`, which shows even a program the VM would refuse).
/// The checker is mutable because stenciling generic code substitutes
/// types (generic.rs), before compiling starts.
pub fn compile_with<'a>(
    file: &'a File,
    c: &mut Checker<'a>,
    esc: &EscapeInfo,
    path: &str,
    validate: bool,
) -> CResult<Program> {
    let mono = generic::build(file, c)?;
    let reflect_types = reflectsetup::method_types(c);
    compile_mono(file, c, esc, path, validate, mono, &reflect_types)
}

fn compile_mono<'a>(
    file: &'a File,
    c: &Checker<'a>,
    esc: &EscapeInfo,
    path: &str,
    validate: bool,
    mono: generic::Mono,
    reflect_types: &[(TypeId, TypeId)],
) -> CResult<Program> {
    let methods = typedesc::SharedMethodFuncs::default();
    let mut k = Compiler {
        rt: rtype::RtypeBuilder::new(c, typedesc::method_ifn(c, methods.clone())),
        methods,
        type_indexes: HashMap::new(),
        c,
        esc,
        lay: Layout::new(c),
        prog: Program::default(),
        funcs: HashMap::new(),
        globals: HashMap::new(),
        file: path.to_string(),
        f: FnBuilder::new(String::new()),
        kcache: HashMap::new(),
        statics: HashMap::new(),
        shapes: HashMap::new(),
        taken: Default::default(),
        file_ref: file,
        lit_count: 0,
        wrap_count: 0,
        dyn_target: None,
        conv_ok: None,
        iface_target: None,
        mono,
        inst_ids: Vec::new(),
        cur: None,
        fm_wrappers: HashMap::new(),
        boxed_method_exprs: HashMap::new(),
        std_vars: Vec::new(),
        iface_thunks: HashMap::new(),
        std_error_recvs: Vec::new(),
    };
    k.find_taken(file);
    k.std_method_stubs()?;
    k.rt_errors()?;
    k.reflect_setup()?;
    k.prog.strings.push(String::new());
    let entry_id = k.new_func(); // the entry, filled last
    let mut bodies: Vec<(&FuncDecl, u32)> = Vec::new();
    let mut inits = Vec::new();
    let mut main = None;
    for d in &file.decls {
        match d {
            Decl::Func(fd) => {
                if fd.body.is_none() {
                    continue;
                }
                if generic::is_generic_decl(c, fd) {
                    continue; // compiled per instance below
                }
                let id = k.new_func();
                let name = fd.name.sym.as_str();
                if name == "init" {
                    inits.push(id);
                } else if let Some(Some(obj)) = c.info.def_of(fd.name.id) {
                    k.funcs.insert(obj, id);
                    k.methods.borrow_mut().declared.insert(obj, id);
                }
                if name == "main" {
                    main = Some(id);
                }
                bodies.push((fd, id));
            }
            Decl::Var(vd) => {
                for n in &vd.names {
                    if let Some(Some(obj)) = c.info.def_of(n.id) {
                        let (size, align) = k.lay.size_align(c.obj_type(obj));
                        let off =
                            crate::types::sizes::rnd(k.prog.globals_size as i64, align.max(1));
                        k.globals.insert(obj, off as u32);
                        k.prog.globals_size = (off + size) as u32;
                    }
                }
            }
            _ => {}
        }
    }
    for _ in 0..k.mono.insts.len() {
        let id = k.new_func();
        k.inst_ids.push(id);
    }
    for (m, i) in &k.mono.methods {
        k.methods.borrow_mut().declared.insert(*m, k.inst_ids[*i]);
    }
    let mut ninit = 0;
    for (fd, id) in &bodies {
        let name = if fd.recv.is_none() && fd.name.sym.as_str() == "init" {
            ninit += 1;
            format!("main.init.{}", ninit - 1)
        } else {
            generic::func_name(fd)
        };
        let func = k.func_decl(fd, name)?;
        k.prog.funcs[*id as usize] = func;
    }
    for i in 0..k.mono.insts.len() {
        let Decl::Func(fd) = &file.decls[k.mono.insts[i].decl] else {
            continue;
        };
        k.cur = Some(i);
        k.lit_count = 0;
        let name = k.mono.insts[i].name.clone();
        let func = k.func_decl(fd, name)?;
        k.cur = None;
        k.prog.funcs[k.inst_ids[i] as usize] = func;
    }
    k.name_fm_wrappers();
    let entry = k.entry(&inits, main)?;
    k.prog.funcs[entry_id as usize] = entry;
    k.prog.entry = entry_id;
    k.reflect_types(reflect_types);
    k.sync_funcs();
    k.compile_wrappers()?;
    k.prog.globals_ptrmap = k.globals_ptrmap();
    if validate {
        k.prog
            .validate()
            .map_err(|e| format!("goscope: internal error: {e}"))?;
    }
    Ok(k.prog)
}

/// The receiver's base type name, whether it is a pointer and whether
/// the type is generic: `*T` is (true, "T", false); `T[P]` is (false,
/// "T", true).
fn recv_type_name(e: &Expr) -> (bool, String, bool) {
    use crate::syntax::ast::{ExprKind, Operator};
    match &e.unparen().kind {
        ExprKind::Operation {
            op: Operator::Mul,
            x,
            y: None,
        } => {
            let (_, n, g) = recv_type_name(x);
            (true, n, g)
        }
        ExprKind::Index { x, .. } => (false, recv_type_name(x).1, true),
        ExprKind::Name(s) => (false, s.as_str().to_string(), false),
        _ => (false, "?".into(), false),
    }
}

impl<'c, 'a> Compiler<'c, 'a> {
    fn unsupported(&self, pos: Pos, what: &str) -> String {
        let p = self.c.sources.position(pos);
        format!(
            "{}:{}:{}: goscope: not supported yet: {what}",
            p.file, p.line, p.col
        )
    }

    fn line_of(&self, pos: Pos) -> u32 {
        self.c.sources.position(pos).line
    }

    fn set_line(&mut self, pos: Pos) {
        if pos.is_known() {
            self.f.line = self.line_of(pos);
        }
    }

    /// The type recorded for an expression (concrete: in an instance of
    /// generic code, with the type arguments substituted).
    fn ty(&self, e: &Expr) -> TypeId {
        self.sub(self.raw_ty(e))
    }

    /// The type the checker recorded for an expression, unsubstituted
    /// (a function literal's signature names its parameter objects).
    fn raw_ty(&self, e: &Expr) -> TypeId {
        self.c
            .info
            .type_of(e.id)
            .map(|t| t.ty)
            .unwrap_or(TypeId::INVALID)
    }

    /// `t` with the current instance's type arguments substituted.
    fn sub(&self, t: TypeId) -> TypeId {
        match self.cur {
            Some(i) => self.mono.insts[i].types.get(&t).copied().unwrap_or(t),
            None => t,
        }
    }

    /// An object's type (concrete, as [`Compiler::ty`]).
    fn obj_type(&self, o: ObjId) -> TypeId {
        self.sub(self.c.obj_type(o))
    }

    /// The selection recorded for `x.f`, resolved on the concrete
    /// receiver type in an instance of generic code.
    fn selection(&self, id: crate::syntax::ast::NodeId) -> Option<crate::types::info::Selection> {
        if let Some(i) = self.cur {
            if let Some(s) = self.mono.insts[i].sels.get(&id) {
                return Some(s.clone());
            }
        }
        self.c.info.selections.get(&id).cloned()
    }

    /// The function id of the instance a name uses (`F` in `F(x)` or
    /// `F[int]`, with F generic).
    fn instance_func(&self, id: crate::syntax::ast::NodeId) -> Option<u32> {
        let uses = match self.cur {
            Some(i) => &self.mono.insts[i].uses,
            None => &self.mono.root_uses,
        };
        uses.get(&id).map(|&i| self.inst_ids[i])
    }

    /// The function id of a declared function or method, or of a method
    /// of an instantiated generic type.
    fn func_id(&self, obj: ObjId) -> Option<u32> {
        if let Some(&id) = self.funcs.get(&obj) {
            return Some(id);
        }
        self.mono.methods.get(&obj).map(|&i| self.inst_ids[i])
    }

    /// A constant-pool index for the word `v`.
    fn konst(&mut self, v: u64) -> u32 {
        if let Some(k) = self.kcache.get(&v) {
            return *k;
        }
        let k = self.prog.consts.len() as u32;
        self.prog.consts.push(v);
        self.kcache.insert(v, k);
        k
    }

    /// The static datum holding `bytes` (deduplicated).
    fn static_data(&mut self, bytes: &[u8]) -> u32 {
        if let Some(i) = self.statics.get(bytes) {
            return *i;
        }
        let i = self.prog.statics.len() as u32;
        self.prog.statics.push(bytes.to_vec());
        self.statics.insert(bytes.to_vec(), i);
        i
    }

    /// The entry function: package variable initializers in the checker's
    /// order, init functions, then main.main.
    fn entry(&mut self, inits: &[u32], main: Option<u32>) -> CResult<goscope_runtime::vm::Func> {
        self.f = FnBuilder::new("runtime.main".into());
        self.std_var_inits();
        let order = self.c.info.init_order.clone();
        for init in &order {
            let mark = self.f.next;
            self.init_global(init)?;
            self.f.next = mark;
        }
        for id in inits.iter().copied().chain(main) {
            self.f.emit(Op::Call {
                a: func::WIN,
                f: id,
            });
        }
        self.f.emit(Op::Ret {});
        let f = std::mem::replace(&mut self.f, FnBuilder::new(String::new()));
        f.finish(&self.file)
    }

    fn func_decl(&mut self, fd: &FuncDecl, name: String) -> CResult<goscope_runtime::vm::Func> {
        self.f = FnBuilder::new(name);
        self.lit_count = 0;
        self.wrap_count = 0;
        self.set_line(fd.pos);
        let Some(Some(fobj)) = self.c.info.def_of(fd.name.id) else {
            return Err(self.unsupported(fd.pos, "function without object"));
        };
        let sig = self
            .c
            .types
            .signature(self.c.obj_type(fobj))
            .cloned()
            .ok_or_else(|| self.unsupported(fd.pos, "function type"))?;
        self.params(&sig)?;
        if let Some(body) = &fd.body {
            self.block(&body.stmts)?;
            self.set_line(body.rbrace);
        }
        self.f.epilogue = self.f.code.len() as u32;
        self.emit_return()?;
        let f = std::mem::replace(&mut self.f, FnBuilder::new(String::new()));
        f.finish(&self.file)
    }

    /// Lays out the parameters and results at the frame's start; escaping
    /// ones are moved to heap cells at entry.
    fn params(&mut self, sig: &crate::types::ty::Signature) -> CResult<()> {
        let mut params = self.c.types.tuple_vars(sig.params).to_vec();
        if let Some(r) = sig.recv {
            params.insert(0, r);
        }
        let results = self.c.types.tuple_vars(sig.results).to_vec();
        let mut at = Vec::new();
        for p in &params {
            let t = self.obj_type(*p);
            let n = self.lay.slots(t);
            let s = self.f.alloc(n, self.lay.has_pointers(t));
            at.push((*p, s));
        }
        self.f.param_slots = self.f.next;
        for r in &results {
            let t = self.obj_type(*r);
            let n = self.lay.slots(t);
            let s = self.f.alloc(n, self.lay.has_pointers(t));
            self.f.results.push((*r, s));
        }
        self.f.result_slots = self.f.next - self.f.param_slots;
        for (obj, s) in at.into_iter().chain(self.f.results.clone()) {
            self.bind_existing(obj, s)?;
        }
        Ok(())
    }

    /// Binds a parameter or result to its slots, or moves it to a heap
    /// cell if escape analysis says so.
    fn bind_existing(&mut self, obj: ObjId, s: u32) -> CResult<()> {
        if self.needs_cell(obj) {
            let t = self.obj_type(obj);
            let p = self.new_cell(t);
            self.store_mem(p, 0, s, t);
            self.f.vars.insert(obj, Loc::Ind(p));
        } else {
            self.f.vars.insert(obj, Loc::Reg(s));
        }
        Ok(())
    }

    /// Whether a variable lives behind a pointer: escape analysis moved it
    /// to the heap. (Variables whose address is taken but that stay in the
    /// frame get heap cells too for now: their frame memory would have to
    /// outlive the block that declares them.)
    fn needs_cell(&self, obj: ObjId) -> bool {
        self.esc.var(obj) == crate::escape::Storage::Heap || self.addr_taken(obj)
    }

    fn addr_taken(&self, obj: ObjId) -> bool {
        // Escape analysis reports every variable; a frame variable never
        // needs a cell unless its address is taken, which the compiler
        // finds when it compiles `&x`: see expr::addr_of (it asks
        // `needs_cell` before the variable is declared through a pre-pass).
        self.taken.contains(&obj)
    }

    /// A new zeroed heap cell for a value of type `t`; returns the slot
    /// holding its address.
    fn new_cell(&mut self, t: TypeId) -> u32 {
        let k = self.type_konst(t);
        let p = self.f.alloc(1, true);
        self.f.emit(Op::Newobject { a: p, k });
        p
    }

    /// The package-level expression with this id (an initializer).
    fn find_expr(&self, id: crate::syntax::ast::NodeId) -> Option<&'a Expr> {
        for d in &self.file_ref.decls {
            if let Decl::Var(v) = d {
                if let Some(vals) = &v.values {
                    for e in vals.unpack_list() {
                        if e.id == id {
                            return Some(e);
                        }
                    }
                    if vals.id == id {
                        return Some(vals);
                    }
                }
            }
        }
        None
    }

    /// The pre-pass filling `taken`.
    fn find_taken(&mut self, file: &File) {
        use crate::syntax::ast::{ExprKind, Operator};
        let mut taken = std::collections::HashSet::new();
        let info = &self.c.info;
        let lay = &self.lay;
        for d in &file.decls {
            let Decl::Func(fd) = d else { continue };
            let Some(body) = &fd.body else { continue };
            walk::stmts(&body.stmts, &mut |e| {
                let root = match &e.kind {
                    ExprKind::Operation {
                        op: Operator::And,
                        x,
                        y: None,
                    } => x,
                    ExprKind::Slice { x, .. }
                        if lay
                            .kind(info.type_of(x.id).map(|t| t.ty).unwrap_or(TypeId::INVALID))
                            == layout::K::Agg =>
                    {
                        x
                    }
                    _ => return,
                };
                let mut r = root.unparen();
                loop {
                    match &r.kind {
                        ExprKind::Selector { x, .. }
                            if info.selections.get(&r.id).is_some_and(|s| !s.indirect) =>
                        {
                            r = x.unparen()
                        }
                        ExprKind::Index { x, .. }
                            if matches!(
                                lay.kind(
                                    info.type_of(x.id).map(|t| t.ty).unwrap_or(TypeId::INVALID)
                                ),
                                layout::K::Agg
                            ) =>
                        {
                            r = x.unparen()
                        }
                        _ => break,
                    }
                }
                if r.as_name().is_some() {
                    if let Some(obj) = info.use_of(r.id) {
                        taken.insert(obj);
                    }
                }
            });
        }
        for (obj, by_value) in &self.esc.captured_by_value {
            if !by_value {
                taken.insert(*obj);
            }
        }
        self.taken = taken;
    }

    fn is_pkg(&self, e: &Expr, path: &str) -> bool {
        let Some(obj) = e.as_name().and_then(|_| self.c.info.use_of(e.id)) else {
            return false;
        };
        match &self.c.obj(obj).kind {
            ObjKind::PkgName { imported, .. } => self.c.package(*imported).path == path,
            _ => false,
        }
    }
}
