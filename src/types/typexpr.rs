//! Identifiers and type expressions (types2's typexpr.go).
//!
//! `def` is the Named type being declared, if any: a type literal sets it
//! as that type's underlying type before its components are checked, so
//! that recursive references (`type T struct{ next *T }`) see it.

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::Kind;
use super::object::ObjKind;
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Looks a name up from the current scope (at the current position).
    pub fn lookup(&self, name: Symbol) -> Option<super::object::ObjId> {
        self.lookup_parent(self.scope(), name, self.st.env.pos)
            .map(|(_, o)| o)
    }

    /// Looks `name` up in `scope` and its parents; a local object counts
    /// only if declared before `pos`.
    pub fn lookup_parent(
        &self,
        mut scope: super::scope::ScopeId,
        name: Symbol,
        pos: Option<crate::syntax::pos::Pos>,
    ) -> Option<(super::scope::ScopeId, super::object::ObjId)> {
        loop {
            let s = self.scopes.get(scope);
            if let Some(&obj) = s.elems.get(&name) {
                let sp = self.obj(obj).scope_pos;
                let visible = match pos {
                    None => true,
                    Some(p) => !sp.is_known() || sp <= p,
                };
                if visible {
                    return Some((scope, obj));
                }
            }
            scope = s.parent?;
        }
    }

    /// Checks an identifier; `want_type` makes a type name's declaration
    /// checked through `def` (types2's ident).
    pub fn ident(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        def: Option<TypeId>,
        want_type: bool,
    ) {
        x.mode = Mode::Invalid;
        x.expr = Some(e);
        let ExprKind::Name(name) = e.kind else { return };
        let found = self.lookup_parent(self.scope(), name, self.st.env.pos);
        let Some((scope, obj)) = found else {
            if name.is_blank() {
                if let Some(&tp) = self.st.recv_tparam_map.get(&e.id) {
                    x.mode = Mode::TypExpr;
                    x.ty = tp;
                } else {
                    self.error(start_pos(e), "cannot use _ as value or type".into());
                }
            } else {
                self.error(start_pos(e), format!("undefined: {name}"));
            }
            return;
        };
        self.record_use(e.id, obj);
        let is_type_name = self.obj(obj).is_type_name();
        if self.obj(obj).ty.is_none() || (is_type_name && want_type) {
            self.obj_decl(obj, def);
        }
        let typ = self.obj_type(obj);
        if !self.st.dot_import_map.is_empty() {
            if let Some(&pkg_name) = self.st.dot_import_map.get(&(scope, obj)) {
                self.obj_mut(pkg_name).set_used();
            }
        }
        // (Matched by reference: cloning the kind cloned a constant's value
        // for every identifier.)
        match &self.obj(obj).kind {
            ObjKind::PkgName { .. } => {
                self.error(
                    start_pos(e),
                    format!("use of package {name} not in selector"),
                );
                return;
            }
            ObjKind::Const { val } => {
                let val = val.clone();
                self.add_decl_dep(obj);
                if typ == TypeId::INVALID {
                    return;
                }
                if obj == self.universe.iota {
                    match self.st.env.iota.clone() {
                        None => {
                            self.error(
                                start_pos(e),
                                "cannot use iota outside constant declaration".into(),
                            );
                            return;
                        }
                        Some(v) => x.val = v,
                    }
                } else {
                    x.val = val;
                }
                x.mode = Mode::Constant;
            }
            ObjKind::TypeName => {
                if self.st.broken_aliases.contains(&obj) && typ == TypeId::INVALID {
                    self.error(
                        start_pos(e),
                        format!(
                            "invalid use of type alias {name} in recursive type (see issue #50729)"
                        ),
                    );
                    return;
                }
                x.mode = Mode::TypExpr;
            }
            ObjKind::Var { .. } => {
                if self.obj(obj).pkg == Some(self.pkg) {
                    self.obj_mut(obj).set_used();
                }
                self.add_decl_dep(obj);
                if typ == TypeId::INVALID {
                    return;
                }
                x.mode = Mode::Variable;
            }
            ObjKind::Func { .. } => {
                self.add_decl_dep(obj);
                x.mode = Mode::Value;
            }
            &ObjKind::Builtin(id) => {
                x.id = id;
                x.mode = Mode::Builtin;
            }
            ObjKind::Nil => x.mode = Mode::NilValue,
            ObjKind::Label { .. } => return,
        }
        x.ty = typ;
    }

    /// A type expression (types2's typ).
    pub fn typ(&mut self, e: &'a Expr) -> TypeId {
        self.defined_type(e, None)
    }

    /// A type that may be the type of a variable (not a constraint
    /// interface).
    pub fn var_type(&mut self, e: &'a Expr) -> TypeId {
        let t = self.defined_type(e, None);
        self.valid_var_type(e, t);
        t
    }

    pub fn valid_var_type(&mut self, e: &'a Expr, t: TypeId) {
        // Only a named type (whose underlying type may not be known yet) or
        // an interface can turn out to be a constraint interface; every
        // other type is its own underlying type and is not one.
        match self.types.get(t) {
            Type::Interface(_) => {}
            // `error`, and a declared type whose underlying type is known
            // and no interface (it can only become invalid), pass without
            // a delayed check: most named types of variables are these.
            Type::Named(_) if t == self.universe.error_type => return,
            Type::Named(n) => {
                if let Some(u) = n.underlying {
                    if u != TypeId::INVALID
                        && !matches!(
                            self.types.get(u),
                            Type::Named(_)
                                | Type::Interface(_)
                                | Type::TypeParam(_)
                                | Type::Union(_)
                        )
                    {
                        return;
                    }
                }
            }
            _ => return,
        }
        self.later(move |c: &mut Checker<'a>| {
            let u = c.under(t);
            if !matches!(c.types.get(u), Type::Interface(_)) {
                return;
            }
            let set = c.interface_type_set(u);
            if !set.is_method_set() {
                let ts = c.type_string(t);
                let msg = if set.comparable {
                    format!("cannot use type {ts} outside a type constraint: interface is (or embeds) comparable")
                } else {
                    format!("cannot use type {ts} outside a type constraint: interface contains type constraints")
                };
                c.soft_error(start_pos(e), msg);
            }
        });
    }

    pub fn defined_type(&mut self, e: &'a Expr, def: Option<TypeId>) -> TypeId {
        let mut t = self.typ_internal(e, def);
        if self.too_large(t) {
            self.error(
                start_pos(e),
                format!(
                    "type too large: more than {} component types once aliases are expanded",
                    super::validtype::MAX_TREE_SIZE
                ),
            );
            t = TypeId::INVALID;
        }
        if self.is_generic(t) {
            let ts = self.type_string(t);
            self.error(
                start_pos(e),
                format!("cannot use generic type {ts} without instantiation"),
            );
            t = TypeId::INVALID;
        }
        self.record_type_and_value(e.id, Mode::TypExpr, t, None);
        t
    }

    /// A generic (uninstantiated) type, e.g. in a receiver or instantiation.
    pub fn generic_type(&mut self, e: &'a Expr, report_err: bool) -> TypeId {
        let mut t = self.typ_internal(e, None);
        if t != TypeId::INVALID && !self.is_generic(t) {
            if report_err {
                let ts = self.type_string(t);
                self.error(start_pos(e), format!("{ts} is not a generic type"));
            }
            t = TypeId::INVALID;
        }
        self.record_type_and_value(e.id, Mode::TypExpr, t, None);
        t
    }

    /// Sets the underlying type of the type being declared, if any.
    pub fn set_def_underlying(&mut self, def: Option<TypeId>, t: TypeId) {
        if let Some(d) = def {
            if let Some(n) = self.types.named_mut(d) {
                n.underlying = Some(t);
            }
        }
    }

    /// Allocates a composite type: a private id when a declared type must
    /// see it early, else the hash-consed one built by `make`.
    fn type_lit(&mut self, def: Option<TypeId>, placeholder: Type) -> Option<TypeId> {
        def.map(|_| {
            let id = self.types.add(placeholder);
            self.set_def_underlying(def, id);
            id
        })
    }

    fn typ_internal(&mut self, e0: &'a Expr, def: Option<TypeId>) -> TypeId {
        match &e0.kind {
            ExprKind::Bad => {}
            ExprKind::Name(_) | ExprKind::Selector { .. } => {
                let mut x = Operand::invalid();
                if matches!(e0.kind, ExprKind::Name(_)) {
                    self.ident(&mut x, e0, def, true);
                } else {
                    self.selector(&mut x, e0, def);
                }
                match x.mode {
                    Mode::TypExpr => {
                        self.set_def_underlying(def, x.ty);
                        return x.ty;
                    }
                    Mode::Invalid => {}
                    Mode::NoValue => {
                        let xs = self.operand_string(&x);
                        self.error(x.pos(), format!("{xs} used as type"));
                    }
                    _ => {
                        let xs = self.operand_string(&x);
                        self.error(x.pos(), format!("{xs} is not a type"));
                    }
                }
            }
            ExprKind::Index { x, index } => {
                return self.instantiated_type(x, index.unpack_list(), def);
            }
            ExprKind::Paren(x) => return self.defined_type(x, def),
            ExprKind::ArrayType { len, elem } => {
                let slot = self.type_lit(
                    def,
                    Type::Array {
                        len: -1,
                        elem: TypeId::INVALID,
                    },
                );
                let n = match len {
                    Some(l) => self.array_length(l),
                    None => {
                        self.error(
                            start_pos(e0),
                            "invalid use of [...] array (outside a composite literal)".into(),
                        );
                        -1
                    }
                };
                let et = self.var_type(elem);
                if n >= 0 {
                    return match slot {
                        Some(id) => {
                            *self.types.get_mut(id) = Type::Array { len: n, elem: et };
                            id
                        }
                        None => self.types.array(et, n),
                    };
                }
            }
            ExprKind::SliceType(elem) => {
                let slot = self.type_lit(def, Type::Slice(TypeId::INVALID));
                let et = self.var_type(elem);
                return match slot {
                    Some(id) => {
                        *self.types.get_mut(id) = Type::Slice(et);
                        id
                    }
                    None => self.types.slice(et),
                };
            }
            ExprKind::DotsType(elem) => {
                self.error(start_pos(e0), "invalid use of '...'".into());
                self.use_expr(elem);
            }
            ExprKind::StructType(_) => {
                let id = self.types.add(Type::Struct(Box::new(super::ty::StructType {
                    fields: Vec::new(),
                    tags: Vec::new(),
                })));
                self.set_def_underlying(def, id);
                self.struct_type(id, e0);
                return id;
            }
            ExprKind::Operation {
                op: crate::syntax::ast::Operator::Mul,
                x,
                y: None,
            } => {
                let slot = self.type_lit(def, Type::Pointer(TypeId::INVALID));
                let base = self.var_type(x);
                if base == TypeId::INVALID {
                    return TypeId::INVALID;
                }
                return match slot {
                    Some(id) => {
                        *self.types.get_mut(id) = Type::Pointer(base);
                        id
                    }
                    None => self.types.pointer(base),
                };
            }
            ExprKind::FuncType(ft) => {
                let id = self.types.add(Type::Signature(Box::default()));
                self.set_def_underlying(def, id);
                self.func_type(id, None, &[], ft);
                return id;
            }
            ExprKind::InterfaceType { .. } => {
                let id = self.types.add(Type::Interface(Box::default()));
                self.set_def_underlying(def, id);
                self.interface_type(id, e0, def);
                return id;
            }
            ExprKind::MapType { key, value } => {
                let slot = self.type_lit(
                    def,
                    Type::Map {
                        key: TypeId::INVALID,
                        elem: TypeId::INVALID,
                    },
                );
                let kt = self.var_type(key);
                let vt = self.var_type(value);
                let id = match slot {
                    Some(id) => {
                        *self.types.get_mut(id) = Type::Map { key: kt, elem: vt };
                        id
                    }
                    None => self.types.map(kt, vt),
                };
                let key_expr: &'a Expr = key;
                self.later(move |c: &mut Checker<'a>| {
                    if !c.comparable(kt) {
                        let why = if c.types.is_type_param(kt) {
                            " (missing comparable constraint)"
                        } else {
                            ""
                        };
                        let ks = c.type_string(kt);
                        c.error(
                            start_pos(key_expr),
                            format!("invalid map key type {ks}{why}"),
                        );
                    }
                });
                return id;
            }
            ExprKind::ChanType { dir, elem } => {
                let slot = self.type_lit(
                    def,
                    Type::Chan {
                        dir: *dir,
                        elem: TypeId::INVALID,
                    },
                );
                let et = self.var_type(elem);
                return match slot {
                    Some(id) => {
                        *self.types.get_mut(id) = Type::Chan {
                            dir: *dir,
                            elem: et,
                        };
                        id
                    }
                    None => self.types.chan(*dir, et),
                };
            }
            _ => {
                self.error(start_pos(e0), format!("{} is not a type", expr_string(e0)));
                self.use_expr(e0);
            }
        }
        self.set_def_underlying(def, TypeId::INVALID);
        TypeId::INVALID
    }

    /// The length of an array type: a non-negative constant integer.
    pub fn array_length(&mut self, e: &'a Expr) -> i64 {
        if let ExprKind::Name(name) = e.kind {
            match self.lookup(name) {
                None => {
                    self.error(
                        start_pos(e),
                        format!("undeclared name {name} for array length"),
                    );
                    return -1;
                }
                Some(obj) if !self.obj(obj).is_const() => {
                    self.error(start_pos(e), format!("invalid array length {name}"));
                    return -1;
                }
                _ => {}
            }
        }
        let mut x = Operand::invalid();
        self.expr(&mut x, e);
        if x.mode != Mode::Constant {
            if x.mode != Mode::Invalid {
                let xs = self.operand_string(&x);
                self.error(x.pos(), format!("array length {xs} must be constant"));
            }
            return -1;
        }
        if self.types.is_untyped(x.ty) || self.is_integer(x.ty) {
            let val = x.val.to_int();
            if val.kind() == Kind::Int
                && super::constant::representable_const(&val, BasicKind::Int).is_ok()
            {
                let (n, ok) = val.int64_val();
                if ok && n >= 0 {
                    return n;
                }
                let xs = self.operand_string(&x);
                self.error(x.pos(), format!("invalid array length {xs}"));
                return -1;
            }
        }
        let xs = self.operand_string(&x);
        self.error(x.pos(), format!("array length {xs} must be integer"));
        -1
    }

    /// Type arguments; None if any is invalid.
    pub fn type_list(&mut self, list: &'a [Expr]) -> Option<Vec<TypeId>> {
        let mut res = Some(Vec::with_capacity(list.len()));
        for x in list {
            let t = self.var_type(x);
            if t == TypeId::INVALID {
                res = None;
            }
            if let Some(r) = &mut res {
                r.push(t);
            }
        }
        res
    }

    /// The type of a function literal's signature.
    pub fn func_lit_type(&mut self, ft: &'a crate::syntax::ast::FuncType) -> TypeId {
        let id = self.types.add(Type::Signature(Box::default()));
        self.func_type(id, None, &[], ft);
        id
    }
}
