//! Declarations (types2's decl.go): checking package-level objects on
//! demand with cycle detection, constant/variable/type/function
//! declarations, and declarations inside functions.

use super::check::{Checker, DeclId, Environment};
use super::constant::Value;
use super::errors::ErrorBuilder;
use super::object::{Color, ObjId, ObjKind, Object};
use super::operand::Operand;
use super::scope::ScopeId;
use super::ty::{NamedState, NamedType, Type, TypeId};
use crate::fxhash::FxHashMap;
use crate::syntax::ast::{Decl, Expr, ExprKind, Field, NodeId, Operator, TypeDecl};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Declares obj in scope (reporting a redeclaration) and records the
    /// defining identifier.
    pub fn declare(&mut self, scope: ScopeId, id: Option<NodeId>, obj: ObjId, scope_pos: Pos) {
        let name = self.obj(obj).name;
        if !name.is_blank() {
            if let Some(alt) = self.scopes.insert(scope, name, obj) {
                let mut err = ErrorBuilder::new();
                err.add(
                    self.obj(obj).pos,
                    format!("{name} redeclared in this block"),
                );
                self.record_alt_decl(&mut err, alt);
                self.report(err);
                return;
            }
            if self.obj(obj).parent.is_none() {
                self.obj_mut(obj).parent = Some(scope);
            }
            self.obj_mut(obj).scope_pos = scope_pos;
        }
        if let Some(id) = id {
            self.record_def(id, Some(obj));
        }
    }

    pub fn record_alt_decl(&self, err: &mut ErrorBuilder, alt: ObjId) {
        let pos = self.obj(alt).pos;
        if pos.is_known() {
            err.add(pos, format!("other declaration of {}", self.obj(alt).name));
        }
    }

    /// Type-checks a package-level object if not done yet (types2's
    /// objDecl); `def` is the Named type whose underlying type a type
    /// declaration provides.
    pub fn obj_decl(&mut self, obj: ObjId, def: Option<TypeId>) {
        if self.obj(obj).color() == Color::White && self.obj(obj).ty.is_some() {
            self.set_color(obj, Color::Black);
            return;
        }
        match self.obj(obj).color() {
            Color::White => {
                let i = self.push_obj_path(obj);
                self.set_color(obj, Color::Grey(i));
            }
            Color::Black => return,
            Color::Grey(_) => {
                let valid = self.valid_cycle(obj);
                let o = self.obj(obj);
                let invalid = match o.kind {
                    ObjKind::Const { .. } | ObjKind::Var { .. } => !valid || o.ty.is_none(),
                    ObjKind::TypeName => !valid,
                    _ => false,
                };
                if invalid {
                    self.obj_mut(obj).ty = Some(TypeId::INVALID);
                }
                return;
            }
        }

        let Some(&d) = self.obj_map.get(&obj) else {
            // Not a package-level object (should not happen).
            self.obj_mut(obj).ty.get_or_insert(TypeId::INVALID);
            self.pop_obj_path();
            self.set_color(obj, Color::Black);
            return;
        };
        // Objects of other packages are checked in their own package.
        let obj_pkg = self.obj(obj).pkg;
        let saved_pkg = self.pkg;
        if let Some(p) = obj_pkg {
            self.pkg = p;
        }
        let saved_env = std::mem::take(&mut self.st.env);
        self.st.env = Environment {
            scope: Some(self.decl(d).file),
            ..Default::default()
        };

        let kind = self.obj(obj).kind.clone();
        match kind {
            ObjKind::Const { .. } => {
                self.st.env.decl = Some(d);
                let (vtyp, init, inherited) =
                    (self.decl(d).vtyp, self.decl(d).init, self.decl(d).inherited);
                self.const_decl(obj, vtyp, init, inherited);
            }
            ObjKind::Var { .. } => {
                self.st.env.decl = Some(d);
                let (lhs, vtyp, init) = (
                    self.decl(d).lhs.clone(),
                    self.decl(d).vtyp,
                    self.decl(d).init,
                );
                self.var_decl(obj, &lhs, vtyp, init);
            }
            ObjKind::TypeName => {
                if let Some(tdecl) = self.decl(d).tdecl {
                    self.type_decl(obj, tdecl, def);
                }
                self.collect_methods(obj);
            }
            ObjKind::Func { .. } => self.func_decl(obj, d),
            _ => {}
        }

        self.st.env = saved_env;
        self.pkg = saved_pkg;
        if let Some(o) = self.pop_obj_path() {
            self.set_color(o, Color::Black);
        }
    }

    /// Whether the cycle through obj (grey) is allowed: all values, or at
    /// least one type definition and no values (types2's validCycle).
    fn valid_cycle(&mut self, obj: ObjId) -> bool {
        let Color::Grey(start) = self.obj(obj).color() else {
            return true;
        };
        let cycle: Vec<ObjId> = self.st.obj_path[start as usize..].to_vec();
        let mut tparam_cycle = false;
        let mut nval = 0;
        let mut ndef = 0;
        for &o in &cycle {
            match self.obj(o).kind {
                ObjKind::Const { .. } | ObjKind::Var { .. } => nval += 1,
                ObjKind::TypeName => {
                    let t = self.obj(o).ty;
                    if self.st.env.in_tparam_list && t.is_some_and(|t| self.is_generic(t)) {
                        tparam_cycle = true;
                        break;
                    }
                    let alias = match self.obj_map.get(&o) {
                        Some(&d) => self.decl(d).tdecl.is_some_and(|t| t.alias),
                        None => self.is_alias(o),
                    };
                    if !alias {
                        ndef += 1;
                    }
                }
                _ => {}
            }
        }
        if !tparam_cycle {
            if nval == cycle.len() {
                return true;
            }
            if nval == 0 && ndef > 0 {
                return true;
            }
        }
        self.cycle_error(&cycle);
        false
    }

    /// Reports a declaration cycle, starting at the object first in source.
    pub fn cycle_error(&mut self, cycle: &[ObjId]) {
        if cycle.is_empty() {
            return;
        }
        let name = |c: &Checker<'a>, o: ObjId| {
            format!("{}{}", c.package_prefix(c.obj(o).pkg), c.obj(o).name)
        };
        let mut i = 0;
        for (k, &o) in cycle.iter().enumerate() {
            if self.obj(o).pos < self.obj(cycle[i]).pos {
                i = k;
            }
        }
        let mut obj = cycle[i];
        let mut obj_name = name(self, obj);
        let is_type = self.obj(obj).is_type_name();
        if is_type && self.is_alias(obj) {
            self.obj_mut(obj).ty = Some(TypeId::INVALID);
            self.st.broken_aliases.remove(&obj);
        }
        let mut err = ErrorBuilder::new();
        let pos = self.obj(obj).pos;
        if is_type {
            err.add(pos, format!("invalid recursive type {obj_name}"));
        } else {
            err.add(pos, format!("illegal cycle in declaration of {obj_name}"));
        }
        for _ in cycle {
            err.add(self.obj(obj).pos, format!("{obj_name} refers to"));
            i += 1;
            if i >= cycle.len() {
                i = 0;
            }
            obj = cycle[i];
            obj_name = name(self, obj);
        }
        err.add(self.obj(obj).pos, obj_name);
        self.report(err);
    }

    pub fn const_decl(
        &mut self,
        obj: ObjId,
        typ: Option<&'a Expr>,
        init: Option<&'a Expr>,
        inherited: bool,
    ) {
        let saved_iota = self.st.env.iota.take();
        let saved_errpos = self.st.env.errpos.take();
        let iota = match &self.obj(obj).kind {
            ObjKind::Const { val } => val.clone(),
            _ => Value::Unknown,
        };
        self.st.env.iota = Some(iota);
        if let ObjKind::Const { val } = &mut self.obj_mut(obj).kind {
            *val = Value::Unknown;
        }
        let mut done = false;
        if let Some(te) = typ {
            let t = self.typ(te);
            if !self.is_const_type(t) {
                let u = self.under(t);
                if u != TypeId::INVALID {
                    let ts = self.type_string(t);
                    self.error(start_pos(te), format!("invalid constant type {ts}"));
                }
                self.obj_mut(obj).ty = Some(TypeId::INVALID);
                done = true;
            } else {
                self.obj_mut(obj).ty = Some(t);
            }
        }
        if !done {
            let mut x = Operand::invalid();
            if let Some(init) = init {
                if inherited {
                    self.st.env.errpos = Some(self.obj(obj).pos);
                }
                self.expr(&mut x, init);
            }
            self.init_const(obj, &mut x);
        }
        self.st.env.iota = saved_iota;
        self.st.env.errpos = saved_errpos;
    }

    pub fn var_decl(
        &mut self,
        obj: ObjId,
        lhs: &[ObjId],
        typ: Option<&'a Expr>,
        init: Option<&'a Expr>,
    ) {
        if let Some(te) = typ {
            let t = self.var_type(te);
            self.obj_mut(obj).ty = Some(t);
        }
        if let Some(init) = init {
            if lhs.len() <= 1 {
                let mut x = Operand::invalid();
                self.expr(&mut x, init);
                self.init_var(obj, &mut x, &"variable declaration");
            } else {
                if typ.is_some() {
                    let t = self.obj(obj).ty;
                    for &l in lhs {
                        self.obj_mut(l).ty = t;
                    }
                }
                self.init_vars(lhs, std::slice::from_ref(init), None);
            }
        } else if typ.is_none() {
            self.obj_mut(obj).ty = Some(TypeId::INVALID);
        }
        if self.obj(obj).ty == Some(TypeId::INVALID) {
            self.obj_mut(obj).set_used();
        }
        for &l in lhs {
            if self.obj(l).ty == Some(TypeId::INVALID) {
                self.obj_mut(l).set_used();
            }
        }
    }

    /// Makes a new Named type for a declared type name.
    pub fn new_named(&mut self, obj: ObjId, underlying: Option<TypeId>) -> TypeId {
        let t = self.types.add(Type::Named(Box::new(NamedType {
            obj,
            from_rhs: underlying,
            orig: None,
            targs: Vec::new(),
            tparams: Vec::new(),
            underlying,
            methods: Vec::new(),
            state: NamedState::Complete,
        })));
        if self.obj(obj).ty.is_none() {
            self.obj_mut(obj).ty = Some(t);
        }
        t
    }

    pub fn type_decl(&mut self, obj: ObjId, tdecl: &'a TypeDecl, def: Option<TypeId>) {
        let rhs_cell: std::rc::Rc<std::cell::Cell<TypeId>> =
            std::rc::Rc::new(std::cell::Cell::new(TypeId::INVALID));
        {
            self.later(move |c: &mut Checker<'a>| {
                if let Some(t) = c.obj(obj).ty {
                    if c.types.is_named(t) {
                        c.valid_type(t);
                    }
                }
            });
        }
        let mut alias = tdecl.alias;
        if alias && !tdecl.tparams.is_empty() {
            self.error(tdecl.pos, "generic type cannot be alias".into());
            alias = false;
        }
        if alias {
            self.st.broken_aliases.insert(obj);
            self.obj_mut(obj).ty = Some(TypeId::INVALID);
            let rhs = self.typ(&tdecl.ty);
            self.st.broken_aliases.remove(&obj);
            self.obj_mut(obj).ty = Some(rhs);
            rhs_cell.set(rhs);
            return;
        }
        let named = self.new_named(obj, None);
        self.set_def_underlying(def, named);
        let mut opened = false;
        if !tdecl.tparams.is_empty() {
            self.open_scope(tdecl.pos, Pos::NONE, "type parameters");
            opened = true;
            let tps = self.collect_type_params(&tdecl.tparams);
            if let Some(n) = self.types.named_mut(named) {
                n.tparams = tps;
            }
        }
        let rhs = self.defined_type(&tdecl.ty, Some(named));
        rhs_cell.set(rhs);
        if let Some(n) = self.types.named_mut(named) {
            n.from_rhs = Some(rhs);
            if n.underlying.is_none() {
                n.underlying = Some(TypeId::INVALID);
            }
        }
        if self.types.is_type_param(rhs) {
            self.error(
                start_pos(&tdecl.ty),
                "cannot use a type parameter as RHS in type declaration".into(),
            );
            if let Some(n) = self.types.named_mut(named) {
                n.underlying = Some(TypeId::INVALID);
            }
        }
        if opened {
            self.close_scope();
        }
    }

    /// Declares type parameters and checks their constraints.
    pub fn collect_type_params(&mut self, list: &'a [Field]) -> Vec<TypeId> {
        let mut tparams = Vec::with_capacity(list.len());
        for f in list {
            let (pos, name, id) = match &f.name {
                Some(n) => (n.pos, n.sym, Some(n.id)),
                None => (f.pos, Symbol::intern("_"), None),
            };
            tparams.push(self.declare_type_param(pos, name, id));
        }
        for (i, &tp) in tparams.iter().enumerate() {
            if let Some(t) = self.types.type_param_mut(tp) {
                t.index = i as i32;
            }
        }
        self.st.env.in_tparam_list = true;
        let mut bound = TypeId::INVALID;
        for (i, f) in list.iter().enumerate() {
            if i == 0 || !std::sync::Arc::ptr_eq(&f.ty, &list[i - 1].ty) {
                bound = self.bound(&f.ty);
                if self.types.is_type_param(bound) {
                    self.error(
                        start_pos(&f.ty),
                        "cannot use a type parameter as constraint".into(),
                    );
                    bound = TypeId::INVALID;
                }
            }
            if let Some(t) = self.types.type_param_mut(tparams[i]) {
                t.bound = bound;
            }
        }
        self.st.env.in_tparam_list = false;
        tparams
    }

    /// A constraint: `~T` and unions are implicitly wrapped in an
    /// interface.
    pub fn bound(&mut self, x: &'a Expr) -> TypeId {
        if let ExprKind::Operation {
            op: Operator::Tilde | Operator::Or,
            ..
        } = x.kind
        {
            let t = self.types.add(Type::Interface(Box::default()));
            self.implicit_interface(t, x);
            self.record_type_and_value(x.id, super::operand::Mode::TypExpr, t, None);
            return t;
        }
        self.typ(x)
    }

    pub fn declare_type_param(&mut self, pos: Pos, name: Symbol, id: Option<NodeId>) -> TypeId {
        let pkg = Some(self.pkg);
        let tname = self.new_obj(Object::new(ObjKind::TypeName, pos, pkg, name, None));
        let tp = self.types.new_type_param(tname, TypeId::INVALID);
        self.obj_mut(tname).ty = Some(tp);
        self.obj_mut(tname).set_color(Color::Black);
        let scope = self.scope();
        let spos = self.scopes.get(scope).pos;
        self.declare(scope, id, tname, spos);
        tp
    }

    /// Adds the methods declared for a package-level type to it.
    pub fn collect_methods(&mut self, obj: ObjId) {
        let Some(methods) = self.st.methods.remove(&obj) else {
            return;
        };
        let base = self.obj(obj).ty.filter(|&t| self.types.is_named(t));
        // types2's objset: the methods seen so far. A type has a few
        // methods, which a list finds fastest; one with many (a type can
        // have tens of thousands) has them by name.
        let mut seen = MethodSet::default();
        if let Some(b) = base {
            self.later(move |c: &mut Checker<'a>| c.check_field_uniqueness(b));
            if let Some(n) = self.types.named(b) {
                for &m in n.methods.iter().flatten() {
                    seen.add(self.obj(m).name, m);
                }
            }
        }
        for m in methods {
            let (mname, mpkg) = (self.obj(m).name, self.obj(m).pkg);
            let alt = seen.named(mname).find(|&s| self.same_id(s, mpkg, mname));
            if let Some(alt) = alt {
                let mut err = ErrorBuilder::new();
                err.add(
                    self.obj(m).pos,
                    format!("{}.{} redeclared in this block", self.obj(obj).name, mname),
                );
                self.record_alt_decl(&mut err, alt);
                self.report(err);
                continue;
            }
            seen.add(mname, m);
            if let Some(b) = base {
                if let Some(n) = self.types.named_mut(b) {
                    n.methods.push(Some(m));
                }
            }
        }
    }

    fn check_field_uniqueness(&mut self, base: TypeId) {
        let u = self.under(base);
        // Only the fields are needed (cloning the struct cloned its tags).
        let Some(fields) = self.types.struct_type(u).map(|st| st.fields.clone()) else {
            return;
        };
        let methods: Vec<ObjId> = self
            .types
            .named(base)
            .map(|n| n.methods.iter().flatten().copied().collect())
            .unwrap_or_default();
        for f in fields {
            let (fname, fpkg) = (self.obj(f).name, self.obj(f).pkg);
            if fname.is_blank() {
                continue;
            }
            if let Some(&alt) = methods.iter().find(|&&m| self.same_id(m, fpkg, fname)) {
                let mut err = ErrorBuilder::new();
                err.add(
                    self.obj(alt).pos,
                    format!("field and method with the same name {fname}"),
                );
                self.record_alt_decl(&mut err, f);
                self.report(err);
            }
        }
    }

    fn func_decl(&mut self, obj: ObjId, d: DeclId) {
        let sig = self.types.add(Type::Signature(Box::default()));
        self.obj_mut(obj).ty = Some(sig);
        let saved = self.obj(obj).color();
        self.set_color(obj, Color::Black);
        let Some(fdecl) = self.decl(d).fdecl else {
            return;
        };
        self.func_type(sig, fdecl.recv.as_ref(), &fdecl.tparams, &fdecl.ty);
        self.set_color(obj, saved);
        if !fdecl.tparams.is_empty() && fdecl.body.is_none() {
            self.soft_error(
                fdecl.pos,
                "parameterized function is missing function body".into(),
            );
        }
        if let Some(body) = &fdecl.body {
            let name = self.obj(obj).name.as_str();
            self.later_body(fdecl.pos, move |c: &mut Checker<'a>| {
                c.func_body(Some(d), name, sig, body, None);
            });
        }
    }

    /// Declarations inside a function body.
    pub fn decl_stmt(&mut self, list: &'a [Decl]) {
        let pkg = Some(self.pkg);
        for decl in list {
            match decl {
                Decl::Const(s) => {
                    let top = self.st.delayed.len();
                    let values: &'a [Expr] =
                        s.values.as_deref().map(|v| v.unpack_list()).unwrap_or(&[]);
                    let mut lhs = Vec::with_capacity(s.names.len());
                    for (i, name) in s.names.iter().enumerate() {
                        let obj = self.new_obj(Object::new(
                            ObjKind::Const {
                                val: Value::make_int64(s.iota as i64),
                            },
                            name.pos,
                            pkg,
                            name.sym,
                            None,
                        ));
                        lhs.push(obj);
                        self.const_decl(obj, s.ty.as_deref(), values.get(i), s.inherited);
                    }
                    self.arity(s.pos, &s.names, values, true, s.inherited);
                    self.process_delayed(top);
                    let scope_pos = self.end_pos_const(s);
                    let scope = self.scope();
                    for (i, name) in s.names.iter().enumerate() {
                        self.declare(scope, Some(name.id), lhs[i], scope_pos);
                    }
                }
                Decl::Var(s) => {
                    let top = self.st.delayed.len();
                    let lhs0: Vec<ObjId> = s
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
                                pkg,
                                n.sym,
                                None,
                            ))
                        })
                        .collect();
                    let values: &'a [Expr] =
                        s.values.as_ref().map(|v| v.unpack_list()).unwrap_or(&[]);
                    for (i, &obj) in lhs0.iter().enumerate() {
                        let (lhs, init): (&[ObjId], Option<&'a Expr>) = match values.len() {
                            n if n == s.names.len() => (&[], Some(&values[i])),
                            1 => (&lhs0, Some(&values[0])),
                            _ => (&[], values.get(i)),
                        };
                        self.var_decl(obj, lhs, s.ty.as_deref(), init);
                        if values.len() == 1 {
                            break;
                        }
                    }
                    if s.ty.is_none() || !values.is_empty() {
                        self.arity(s.pos, &s.names, values, false, false);
                    }
                    self.process_delayed(top);
                    let scope_pos = match &s.values {
                        Some(v) => v.span.hi,
                        None => s.ty.as_ref().map(|t| t.span.hi).unwrap_or(s.pos),
                    };
                    let scope = self.scope();
                    for (i, name) in s.names.iter().enumerate() {
                        self.declare(scope, Some(name.id), lhs0[i], scope_pos);
                    }
                }
                Decl::Type(s) => {
                    let obj = self.new_obj(Object::new(
                        ObjKind::TypeName,
                        s.name.pos,
                        pkg,
                        s.name.sym,
                        None,
                    ));
                    let scope = self.scope();
                    self.declare(scope, Some(s.name.id), obj, s.name.pos);
                    let i = self.push_obj_path(obj);
                    self.set_color(obj, Color::Grey(i));
                    self.type_decl(obj, s, None);
                    if let Some(o) = self.pop_obj_path() {
                        self.set_color(o, Color::Black);
                    }
                }
                Decl::Import(d) => self.error(
                    d.pos,
                    "imports must appear before other declarations".into(),
                ),
                Decl::Func(d) => self.error(
                    d.pos,
                    "function declaration not allowed in function body".into(),
                ),
            }
        }
    }

    /// End of a const spec (where its names come into scope).
    fn end_pos_const(&self, s: &crate::syntax::ast::ConstDecl) -> Pos {
        if !s.inherited {
            if let Some(v) = &s.values {
                return v.span.hi;
            }
            if let Some(t) = &s.ty {
                return t.span.hi;
            }
        }
        s.names.last().map(|n| n.span().hi).unwrap_or(s.pos)
    }

    /// Reports a mismatch between the number of names and values.
    pub fn arity(
        &mut self,
        pos: Pos,
        names: &[crate::syntax::ast::Ident],
        inits: &[Expr],
        const_decl: bool,
        inherited: bool,
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = &inits[l];
            if inherited {
                let at = self.sources.position(n.pos);
                self.error(pos, format!("extra init expr at {at}"));
            } else {
                self.error(
                    start_pos(n),
                    format!("extra init expr {}", crate::syntax::printer::expr_string(n)),
                );
            }
        } else if l > r && (const_decl || r != 1) {
            let n = &names[r];
            self.error(n.pos, format!("missing init expr for {}", n.sym));
        }
    }

    pub fn open_scope(&mut self, pos: Pos, end: Pos, comment: &'static str) {
        let parent = self.scope();
        let s = self.scopes.new_scope(Some(parent), pos, end, comment);
        self.record_scope(pos, s);
        self.st.env.scope = Some(s);
    }

    pub fn close_scope(&mut self) {
        let s = self.scope();
        self.st.env.scope = self.scopes.get(s).parent;
    }
}

/// The methods of a type seen so far, in the order added: a list while
/// short, then also indexed by name.
#[derive(Default)]
struct MethodSet {
    list: Vec<(Symbol, ObjId)>,
    by_name: FxHashMap<Symbol, Vec<ObjId>>,
}

impl MethodSet {
    /// Methods past this many are indexed by name.
    const SHORT: usize = 16;

    fn add(&mut self, name: Symbol, m: ObjId) {
        if self.list.len() == Self::SHORT {
            for &(n, o) in &self.list {
                self.by_name.entry(n).or_default().push(o);
            }
        }
        self.list.push((name, m));
        if self.list.len() > Self::SHORT {
            self.by_name.entry(name).or_default().push(m);
        }
    }

    /// The methods named `name`, in the order added.
    fn named(&self, name: Symbol) -> impl Iterator<Item = ObjId> + '_ {
        let (short, long): (&[(Symbol, ObjId)], &[ObjId]) = if self.list.len() > Self::SHORT {
            (
                &[],
                self.by_name.get(&name).map_or(&[][..], |v| v.as_slice()),
            )
        } else {
            (&self.list, &[])
        };
        short
            .iter()
            .filter(move |(n, _)| *n == name)
            .map(|&(_, o)| o)
            .chain(long.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_set_finds_by_name_in_order_short_and_long() {
        let mut set = MethodSet::default();
        let names: Vec<Symbol> = (0..40)
            .map(|i| Symbol::intern(&format!("m{}", i % 20)))
            .collect();
        for (i, &n) in names.iter().enumerate() {
            set.add(n, ObjId(i as u32));
            for (j, &m) in names[..=i].iter().enumerate().take(20) {
                let found: Vec<ObjId> = set.named(m).collect();
                let want: Vec<ObjId> = (0..=i)
                    .filter(|&k| names[k] == m)
                    .map(|k| ObjId(k as u32))
                    .collect();
                assert_eq!(found, want, "after {i} adds, name {j}");
            }
        }
        assert_eq!(set.named(Symbol::intern("absent")).count(), 0);
    }
}
