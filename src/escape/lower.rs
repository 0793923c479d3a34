//! Building the escape IR (ir.rs) from the syntax tree and the checker's
//! tables: the part of gc's noder (irgen) and typecheck whose output escape
//! analysis depends on. Statements are in lower_stmt.rs, expressions in
//! lower_expr.rs, calls in lower_call.rs; this file holds the driver,
//! functions and their signatures, and variables.
//!
//! Invariants:
//! - Functions are created in gc's Target.Decls order: the file's function
//!   and method declarations in source order, package-level function
//!   literals after the declaration that holds them, and last the package
//!   initializer (the non-static package-level initializations, as
//!   pkginit.Task builds it).
//! - A variable is registered (`var_of_obj`) where it is declared, before
//!   any use; a name that resolves to no registered variable is a global.
//! - Lowering never fails: a construct the checker rejected or that has no
//!   recorded type becomes a `Literal` (nothing to analyse).

use std::collections::HashMap;

use super::ir::*;
use super::typeutil::Types;
use crate::syntax::ast::{self, Decl, ExprKind as AK, PragmaFlags};
use crate::syntax::pos::Pos;
use crate::types::object::{ObjId, ObjKind};
use crate::types::ty::{Type, TypeId};
use crate::types::{Checker, Info};

pub struct Lower<'c, 'a> {
    pub c: &'c Checker<'a>,
    pub info: &'c Info,
    pub t: Types<'c, 'a>,
    pub ir: Ir<'a>,
    pub var_of_obj: HashMap<ObjId, VarId>,
    /// The function whose body is being lowered.
    pub cur: FuncId,
    next_sid: u32,
    /// Closures created so far inside each function, for gc's names
    /// (`F.func1`, `F.func1.1`).
    nclosures: HashMap<FuncId, u32>,
    /// The function of each function literal.
    pub closure_of_lit: HashMap<ast::NodeId, FuncId>,
    /// gc's base.Pos while noding: the last non-constant expression
    /// lowered (where irgen puts implicit conversions).
    pub base_pos: Pos,
    /// The positions of the implicit conversions gc makes (convpos.rs);
    /// a conversion the checker records but gc does not make before
    /// escape analysis is absent.
    pub conv_pos: Option<HashMap<ast::NodeId, Pos>>,
    /// Generic functions and methods of generic types declared here.
    pub generic_decls: HashMap<ObjId, &'a ast::FuncDecl>,
    /// Shape instantiations made so far, by generic object and shapes.
    pub inst_of: HashMap<(ObjId, Vec<Shape>), FuncId>,
    /// Instantiations still to lower.
    pub worklist: Vec<Inst<'a>>,
}

/// A type argument's shape: its underlying type, or the one shape of all
/// pointer types (gc's go.shape.*uint8).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Shape {
    Ptr,
    Under(TypeId),
}

/// An instantiation to lower: its function, the generic declaration and
/// the generic object.
pub struct Inst<'a> {
    pub func: FuncId,
    pub decl: &'a ast::FuncDecl,
    pub generic: ObjId,
}

/// Lowers every function of the files, and the package initializer.
pub fn lower_files<'c, 'a>(files: &[&'a ast::File], c: &'c Checker<'a>) -> Ir<'a> {
    let mut l = Lower {
        c,
        info: &c.info,
        t: Types::new(c),
        ir: Ir::default(),
        var_of_obj: HashMap::new(),
        cur: FuncId(0),
        next_sid: 0,
        nclosures: HashMap::new(),
        closure_of_lit: HashMap::new(),
        base_pos: Pos::NONE,
        conv_pos: None,
        generic_decls: HashMap::new(),
        inst_of: HashMap::new(),
        worklist: Vec::new(),
    };
    for f in files {
        for d in &f.decls {
            if let Decl::Func(fd) = d {
                let generic = !fd.tparams.is_empty()
                    || fd
                        .recv
                        .as_ref()
                        .is_some_and(|r| receiver_has_tparams(&r.ty));
                if let (true, Some(Some(obj))) = (generic, l.info.def_of(fd.name.id)) {
                    l.generic_decls.insert(obj, fd);
                }
            }
        }
    }
    let mut conv_pos = HashMap::new();
    for f in files {
        conv_pos.extend(super::convpos::iface_conversion_positions(f, c));
    }
    l.conv_pos = Some(conv_pos);
    let mut pkg_values: HashMap<ast::NodeId, &'a ast::Expr> = HashMap::new();
    for f in files {
        for d in &f.decls {
            match d {
                Decl::Func(fd) => {
                    let id = l.func_decl(fd);
                    l.ir.decls.push(id);
                }
                Decl::Var(vd) => {
                    if let Some(v) = &vd.values {
                        pkg_values.insert(v.id, v);
                        for x in v.unpack_list() {
                            pkg_values.insert(x.id, x);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    l.package_init(&pkg_values);
    l.instantiate_type_methods();
    l.lower_instantiations();
    l.ir
}

impl<'c, 'a> Lower<'c, 'a> {
    pub fn sid(&mut self) -> u32 {
        self.next_sid += 1;
        self.next_sid
    }

    pub fn new_func(&mut self, name: String, pos: Pos, parent: Option<FuncId>) -> FuncId {
        let id = FuncId(self.ir.funcs.len() as u32);
        self.ir.funcs.push(Func {
            name,
            obj: None,
            pos,
            parent,
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            dcl: Vec::new(),
            body: Vec::new(),
            has_body: true,
            closure_vars: Vec::new(),
            closure_var_pos: Vec::new(),
            closure_called: false,
            pragma: 0,
            lit: None,
            generic: false,
            subst: None,
            dupok: false,
        });
        id
    }

    pub fn new_var(
        &mut self,
        obj: Option<ObjId>,
        name: String,
        pos: Pos,
        ty: TypeId,
        class: Class,
    ) -> VarId {
        let id = VarId(self.ir.vars.len() as u32);
        let blank = name == "_";
        self.ir.vars.push(Var {
            obj,
            name,
            pos,
            ty,
            class,
            func: self.cur,
            defn: Defn::None,
            static_rhs: None,
            result_index: 0,
            blank,
            reassigned: false,
        });
        if let Some(o) = obj {
            self.var_of_obj.insert(o, id);
        }
        self.ir.funcs[self.cur.index()].dcl.push(id);
        id
    }

    /// Declares the local variable `obj` (a `var`, `:=`, range or type
    /// switch variable) in the current function.
    pub fn local(&mut self, obj: ObjId) -> VarId {
        if let Some(&v) = self.var_of_obj.get(&obj) {
            return v;
        }
        let o = self.c.obj(obj);
        let (name, pos, ty) = (o.name.as_str().to_string(), o.pos, self.c.obj_type(obj));
        self.new_var(Some(obj), name, pos, ty, Class::Auto)
    }

    /// A compiler temporary of type `ty` in the current function.
    /// Named as gc's typecheck.TempAt names it: after the number of
    /// variables the function has declared so far.
    pub fn temp(&mut self, pos: Pos, ty: TypeId) -> VarId {
        let n = self.ir.funcs[self.cur.index()].dcl.len();
        let name = format!(".autotmp_{n}");
        self.new_var(None, name, pos, ty, Class::Auto)
    }

    fn func_decl(&mut self, fd: &'a ast::FuncDecl) -> FuncId {
        let obj = self.info.def_of(fd.name.id).flatten();
        let name = self.func_name(fd, obj);
        let id = self.new_func(name, fd.name.pos, None);
        let saved = self.cur;
        self.cur = id;
        {
            let f = &mut self.ir.funcs[id.index()];
            f.obj = obj;
            f.pragma = fd.pragma.flags.0;
            f.has_body = fd.body.is_some();
            f.generic = !fd.tparams.is_empty()
                || fd
                    .recv
                    .as_ref()
                    .is_some_and(|r| receiver_has_tparams(&r.ty));
        }
        if let Some(o) = obj {
            self.ir.func_of_obj.insert(o, id);
            let sig = self.c.obj_type(o);
            self.signature(id, sig, &fd.ty);
        }
        if let Some(body) = &fd.body {
            if !self.ir.funcs[id.index()].generic {
                let stmts = self.block(&body.stmts);
                self.ir.funcs[id.index()].body = stmts;
            }
        }
        self.cur = saved;
        id
    }

    /// gc's name of a declared function: `F`, `T.M`, `(*T).M`.
    fn func_name(&self, fd: &ast::FuncDecl, obj: Option<ObjId>) -> String {
        let name = fd.name.sym.as_str().to_string();
        let Some(recv) = &fd.recv else {
            return name;
        };
        let _ = obj;
        let mut ty = recv.ty.unparen();
        let mut ptr = false;
        if let AK::Operation {
            op: ast::Operator::Mul,
            x,
            y: None,
        } = &ty.kind
        {
            ptr = true;
            ty = x.unparen();
        }
        let base = match &ty.kind {
            AK::Name(s) => s.as_str().to_string(),
            AK::Index { x, .. } => crate::syntax::printer::expr_string(x),
            _ => crate::syntax::printer::expr_string(ty),
        };
        if ptr {
            format!("(*{base}).{name}")
        } else {
            format!("{base}.{name}")
        }
    }

    /// Creates the parameter, receiver and result variables of `id` from
    /// its signature type.
    pub fn signature(&mut self, id: FuncId, sig: TypeId, syn: &ast::FuncType) {
        let Some(s) = self.t.signature(sig) else {
            return;
        };
        let (recv, params, results, variadic) = (s.recv, s.params, s.results, s.variadic);
        if let Some(r) = recv {
            let p = self.param(r, Class::Param, false, None);
            self.ir.funcs[id.index()].recv = Some(p);
        }
        let pvars = self.t.tuple(params).to_vec();
        let n = pvars.len();
        for (i, v) in pvars.into_iter().enumerate() {
            let ddd = variadic && i + 1 == n;
            let p = self.param(v, Class::Param, ddd, None);
            self.ir.funcs[id.index()].params.push(p);
        }
        let rvars = self.t.tuple(results).to_vec();
        for (i, v) in rvars.into_iter().enumerate() {
            let p = self.param(v, Class::ParamOut, false, Some(i));
            self.ir.funcs[id.index()].results.push(p);
        }
        let _ = syn;
    }

    fn param(&mut self, obj: ObjId, class: Class, ddd: bool, result: Option<usize>) -> Param {
        let o = self.c.obj(obj);
        let src_name = o.name.as_str().to_string();
        let (pos, ty) = (o.pos, self.c.obj_type(obj));
        let named = !src_name.is_empty() && src_name != "_";
        let name = match result {
            Some(i) if src_name.is_empty() => format!("~r{i}"),
            Some(i) if src_name == "_" => format!("~b{i}"),
            _ => src_name.clone(),
        };
        let var = if named || result.is_some() {
            let v = self.new_var(Some(obj), name.clone(), pos, ty, class);
            if let Some(i) = result {
                self.ir.vars[v.index()].result_index = i + 1;
                self.ir.vars[v.index()].blank = false;
            }
            Some(v)
        } else {
            None
        };
        Param {
            var,
            pos,
            ty,
            named,
            name,
            ddd,
        }
    }

    /// A function literal: a closure of the current function (or a
    /// top-level function when written at package level).
    pub fn func_lit(
        &mut self,
        e: &'a ast::Expr,
        ty: &'a ast::FuncType,
        body: &'a ast::Block,
    ) -> FuncId {
        let parent = if self.ir.funcs.is_empty() || self.in_pkg_init() {
            None
        } else {
            Some(self.cur)
        };
        let name = match parent {
            Some(p) => {
                let n = self.nclosures.entry(p).or_insert(0);
                *n += 1;
                let pname = &self.ir.funcs[p.index()].name;
                if self.ir.funcs[p.index()].is_closure() {
                    format!("{pname}.{n}")
                } else {
                    format!("{pname}.func{n}")
                }
            }
            None => {
                let n = self.nclosures.entry(FuncId(u32::MAX)).or_insert(0);
                *n += 1;
                format!("glob..func{n}")
            }
        };
        let id = self.new_func(name, e.pos, parent);
        self.ir.funcs[id.index()].lit = Some(e);
        self.ir.funcs[id.index()].subst = self.t.subst.clone();
        let saved = self.cur;
        self.cur = id;
        let sig = self
            .info
            .type_of(e.id)
            .map(|tv| tv.ty)
            .unwrap_or(TypeId::INVALID);
        self.signature(id, sig, ty);
        let stmts = self.block(&body.stmts);
        self.ir.funcs[id.index()].body = stmts;
        self.cur = saved;
        if parent.is_none() {
            self.ir.decls.push(id);
        }
        id
    }

    /// Whether the current function is the synthesized package initializer.
    fn in_pkg_init(&self) -> bool {
        self.ir
            .funcs
            .get(self.cur.index())
            .is_some_and(|f| f.name == "init" && f.obj.is_none())
    }

    /// A reference to variable `v` from the current function: inside a
    /// closure, a variable of an enclosing function is captured by every
    /// closure between the two.
    pub fn capture(&mut self, v: VarId, pos: Pos) {
        let owner = self.ir.vars[v.index()].func;
        let mut f = self.cur;
        while f != owner {
            let func = &mut self.ir.funcs[f.index()];
            if !func.closure_vars.contains(&v) {
                func.closure_vars.push(v);
                func.closure_var_pos.push(pos);
            }
            match func.parent {
                Some(p) => f = p,
                None => break,
            }
        }
    }

    /// pkginit.Task: the package-level initializations that static
    /// initialization (staticinit) cannot do at link time become the body
    /// of a function `init`: whole initializers that are not composite
    /// (`var x = f()`), and the dynamic leaves of composite ones (`var s =
    /// []T{{f()}}` statically allocates the slice and assigns f()'s value
    /// into it at run time).
    fn package_init(&mut self, values: &HashMap<ast::NodeId, &'a ast::Expr>) {
        let order = self.info.init_order.clone();
        let id = self.new_func("init".into(), Pos::NONE, None);
        let saved = self.cur;
        self.cur = id;
        let mut body = Vec::new();
        for init in &order {
            let Some(&rhs) = values.get(&init.rhs) else {
                continue;
            };
            if init.lhs.len() == 1 {
                let name = self.c.obj(init.lhs[0]).name.as_str() == "_";
                self.static_init(rhs, name, &mut body);
                continue;
            }
            let lhs: Vec<Option<Expr<'a>>> = init
                .lhs
                .iter()
                .map(|&o| {
                    let o = self.c.obj(o);
                    if o.name.as_str() == "_" {
                        None
                    } else {
                        Some(Expr::leaf(
                            ExprKind::Global,
                            o.pos,
                            TypeId::INVALID,
                            Src::None,
                            ast::NodeId(0),
                        ))
                    }
                })
                .collect();
            let op = self.as2_op(rhs);
            let rhs = vec![self.expr_noconv(rhs)];
            self.push_init(&mut body, lhs, rhs, op);
        }
        self.cur = saved;
        if !body.is_empty() {
            self.ir.funcs[id.index()].body = body;
            self.ir.decls.push(id);
        } else {
            // Keep the (empty) function out of Target.Decls.
            self.ir.funcs[id.index()].has_body = false;
        }
    }

    fn push_init(
        &mut self,
        body: &mut Vec<Stmt<'a>>,
        lhs: Vec<Option<Expr<'a>>>,
        rhs: Vec<Expr<'a>>,
        op: AsOp,
    ) {
        let pos = rhs.first().map(|r| r.pos).unwrap_or(Pos::NONE);
        let sid = self.sid();
        body.push(Stmt {
            kind: StmtKind::Assign { op, lhs, rhs },
            pos,
            src: Src::None,
            init: Vec::new(),
            sid,
        });
    }

    /// staticinit's assign: static parts stay static, dynamic leaves are
    /// assigned to (global, so heap) storage in `init`.
    fn static_init(&mut self, e: &'a ast::Expr, blank: bool, body: &mut Vec<Stmt<'a>>) {
        let converted = self.info.iface_conversions.contains_key(&e.id);
        if converted && !self.t.is_interface(self.type_of(e)) {
            // staticinit's OCONVIFACE: the itab is static and the value
            // goes to a static temporary, itself initialized statically
            // where possible: no conversion is ever made at run time.
            return self.static_value(e, blank, body);
        }
        if converted {
            // An interface value converted: static only if nil.
            let x = self.expr(e);
            return self.push_global(e, blank, x, body);
        }
        self.static_value(e, blank, body)
    }

    /// StaticAssign of a value (no conversion at its top).
    fn static_value(&mut self, e: &'a ast::Expr, blank: bool, body: &mut Vec<Stmt<'a>>) {
        let constant = self.info.type_of(e.id).is_some_and(|tv| tv.val.is_some());
        if let AK::Call {
            fun,
            args,
            has_dots: false,
        } = &e.kind
        {
            let conv_to = self
                .info
                .type_of(fun.id)
                .filter(|tv| tv.is_type())
                .map(|tv| tv.ty);
            if let (Some(t), [x]) = (conv_to, &args[..]) {
                if !constant && self.t.is_interface(t) {
                    // An explicit conversion to an interface: as the
                    // implicit ones, through every nested conversion.
                    if self.t.is_interface(self.type_of(x)) {
                        return self.static_value(x, blank, body);
                    }
                    return self.static_init(x, blank, body);
                }
            }
        }
        let staticish = match &e.kind {
            _ if constant => true,
            AK::Paren(x) => return self.static_init(x, blank, body),
            AK::Name(_) | AK::FuncLit { .. } => true,
            AK::Selector { x, .. } => match self.info.selections.get(&e.id) {
                None => true,
                // A method value of a static receiver (staticinit's
                // OMETHVALUE): the closure is static data.
                Some(sel) if sel.kind == crate::types::info::SelectionKind::MethodVal => {
                    matches!(x.unparen().kind, AK::CompositeLit(_) | AK::Name(_))
                }
                Some(_) => false,
            },
            // []byte("constant"): staticdata.InitSliceBytes.
            AK::Call { fun, args, .. }
                if args.len() == 1
                    && self.info.type_of(fun.id).is_some_and(|tv| tv.is_type())
                    && self.t.is_slice(self.type_of(e))
                    && self
                        .info
                        .type_of(args[0].id)
                        .is_some_and(|tv| tv.val.is_some()) =>
            {
                true
            }
            AK::Operation {
                op: ast::Operator::And,
                x,
                y: None,
            } => match &x.unparen().kind {
                AK::CompositeLit(_) => return self.static_init(x.unparen(), blank, body),
                AK::Name(_) => true,
                _ => false,
            },
            AK::CompositeLit(lit) => {
                let ty = self.type_of(e);
                if self.t.is_map(ty) {
                    false
                } else {
                    for x in &lit.elems {
                        let v = match &x.kind {
                            AK::KeyValue { value, .. } => value,
                            _ => x,
                        };
                        self.static_init(v, false, body);
                    }
                    return;
                }
            }
            _ => false,
        };
        let x = self.expr_noconv(e);
        if staticish {
            // Still lowered, for the function literals it contains.
            return;
        }
        self.push_global(e, blank, x, body);
    }

    /// `global = x` in the package initializer.
    fn push_global(
        &mut self,
        e: &'a ast::Expr,
        blank: bool,
        x: Expr<'a>,
        body: &mut Vec<Stmt<'a>>,
    ) {
        let lhs = if blank {
            vec![None]
        } else {
            vec![Some(Expr::leaf(
                ExprKind::Global,
                e.pos,
                TypeId::INVALID,
                Src::None,
                ast::NodeId(0),
            ))]
        };
        self.push_init(body, lhs, vec![x], AsOp::As);
    }

    /// The op of `a, b = rhs` with one multi-value source.
    pub fn as2_op(&self, rhs: &ast::Expr) -> AsOp {
        match &rhs.unparen().kind {
            AK::Call { .. } => AsOp::As2Func,
            AK::Assert { .. } => AsOp::As2DotType,
            AK::Operation {
                op: ast::Operator::Recv,
                y: None,
                ..
            } => AsOp::As2Recv,
            AK::Index { x, .. } => {
                let ty = self.type_of(x);
                if self.t.is_map(ty) {
                    AsOp::As2MapR
                } else {
                    AsOp::As2
                }
            }
            _ => AsOp::As2,
        }
    }

    /// The recorded type of an expression (Invalid if none).
    pub fn type_of(&self, e: &ast::Expr) -> TypeId {
        self.info
            .type_of(e.id)
            .map(|tv| tv.ty)
            .unwrap_or(TypeId::INVALID)
    }

    /// Whether a method object has a pointer receiver.
    pub fn ptr_recv(&self, m: ObjId) -> bool {
        match &self.c.obj(m).kind {
            ObjKind::Func { has_ptr_recv, .. } => {
                if *has_ptr_recv {
                    return true;
                }
                let sig = self.c.obj_type(m);
                match self.t.signature(sig).and_then(|s| s.recv) {
                    Some(r) => matches!(self.t.get(self.c.obj_type(r)), Type::Pointer(_)),
                    None => false,
                }
            }
            _ => false,
        }
    }

    pub fn pragma_noescape(&self, f: FuncId) -> bool {
        self.ir.funcs[f.index()].pragma & PragmaFlags::NOESCAPE != 0
    }
}

/// Whether a receiver type expression names type parameters (`T[P]`).
fn receiver_has_tparams(e: &ast::Expr) -> bool {
    match &e.unparen().kind {
        AK::Operation { x, y: None, .. } => receiver_has_tparams(x),
        AK::Index { .. } => true,
        _ => false,
    }
}
