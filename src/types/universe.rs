//! The universe scope and package unsafe (types2's universe.go): the
//! predeclared types, constants, nil and builtin functions.

use super::basic::BasicKind;
use super::builtins::BuiltinId;
use super::constant::Value;
use super::object::{Color, ObjId, ObjKind, Object};
use super::package::{Package, PkgId};
use super::scope::{ScopeId, Scopes};
use super::ty::{
    InterfaceType, NamedState, NamedType, Signature, Type, TypeId, TypeSet, TypeTable,
};
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

/// Handles on the universe's objects and types that the checker refers to.
#[derive(Debug, Clone)]
pub struct Universe {
    pub scope: ScopeId,
    pub unsafe_pkg: PkgId,
    pub iota: ObjId,
    pub any: ObjId,
    pub any_type: TypeId,
    pub error_type: TypeId,
    pub comparable: ObjId,
    pub comparable_type: TypeId,
    /// The `error` interface's Error method.
    pub error_method: ObjId,
}

fn add(objs: &mut Vec<Object>, obj: Object) -> ObjId {
    objs.push(obj);
    ObjId(objs.len() as u32 - 1)
}

impl Universe {
    pub fn new(
        types: &mut TypeTable,
        objs: &mut Vec<Object>,
        scopes: &mut Scopes,
        pkgs: &mut Vec<Package>,
    ) -> Universe {
        let scope = scopes.new_scope(None, Pos::NONE, Pos::NONE, "universe");
        let unsafe_scope = scopes.new_scope(Some(scope), Pos::NONE, Pos::NONE, "package unsafe");
        scopes.remove_child(scope, unsafe_scope);
        pkgs.push(Package {
            path: "unsafe".into(),
            name: Symbol::intern("unsafe"),
            scope: unsafe_scope,
            imports: Vec::new(),
            complete: true,
            fake: false,
        });
        let unsafe_pkg = PkgId(pkgs.len() as u32 - 1);

        let def = |objs: &mut Vec<Object>, scopes: &mut Scopes, mut obj: Object| -> ObjId {
            let exported = obj.name.is_exported();
            let target = if exported { unsafe_scope } else { scope };
            if exported {
                obj.pkg = Some(unsafe_pkg);
            }
            obj.parent = Some(target);
            obj.set_color(Color::Black);
            let name = obj.name;
            let id = add(objs, obj);
            scopes.insert(target, name, id);
            id
        };

        // Predeclared types.
        for kind in BasicKind::ALL {
            if kind == BasicKind::Invalid || kind.is_untyped() {
                continue;
            }
            let name = if kind == BasicKind::UnsafePointer {
                "Pointer"
            } else {
                kind.name()
            };
            def(
                objs,
                scopes,
                Object::new(
                    ObjKind::TypeName,
                    Pos::NONE,
                    None,
                    Symbol::intern(name),
                    Some(TypeId::basic(kind)),
                ),
            );
        }
        def(
            objs,
            scopes,
            Object::new(
                ObjKind::TypeName,
                Pos::NONE,
                None,
                Symbol::intern("byte"),
                Some(TypeId::BYTE),
            ),
        );
        def(
            objs,
            scopes,
            Object::new(
                ObjKind::TypeName,
                Pos::NONE,
                None,
                Symbol::intern("rune"),
                Some(TypeId::RUNE),
            ),
        );

        let any_type = types.add(Type::Interface(Box::new(InterfaceType {
            tset: Some(std::rc::Rc::new(TypeSet::all())),
            ..Default::default()
        })));
        let any = def(
            objs,
            scopes,
            Object::new(
                ObjKind::TypeName,
                Pos::NONE,
                None,
                Symbol::intern("any"),
                Some(any_type),
            ),
        );

        // type error interface { Error() string }
        let error_obj = add(
            objs,
            Object::new(
                ObjKind::TypeName,
                Pos::NONE,
                None,
                Symbol::intern("error"),
                None,
            ),
        );
        let error_type = types.add(Type::Named(Box::new(NamedType {
            obj: error_obj,
            from_rhs: None,
            orig: None,
            targs: Vec::new(),
            tparams: Vec::new(),
            underlying: None,
            methods: Vec::new(),
            state: NamedState::Complete,
        })));
        objs[error_obj.index()].ty = Some(error_type);
        let var = |name: &str, ty| {
            Object::new(
                ObjKind::Var {
                    embedded: false,
                    is_field: false,
                    used: true,
                    is_param: true,
                    origin: None,
                },
                Pos::NONE,
                None,
                Symbol::intern(name),
                Some(ty),
            )
        };
        let recv = add(objs, var("", error_type));
        let res = add(objs, var("", TypeId::basic(BasicKind::String)));
        let params = types.empty_tuple();
        let results = types.tuple(vec![res]);
        let sig = types.add(Type::Signature(Box::new(Signature {
            recv: Some(recv),
            params,
            results,
            ..Default::default()
        })));
        let error_method = add(
            objs,
            Object::new(
                ObjKind::Func {
                    has_ptr_recv: false,
                    origin: None,
                },
                Pos::NONE,
                None,
                Symbol::intern("Error"),
                Some(sig),
            ),
        );
        let error_iface = types.add(Type::Interface(Box::new(InterfaceType {
            methods: vec![error_method],
            tset: Some(std::rc::Rc::new(TypeSet {
                methods: vec![error_method],
                terms: TypeSet::all().terms,
                comparable: false,
            })),
            ..Default::default()
        })));
        if let Some(n) = types.named_mut(error_type) {
            n.underlying = Some(error_iface);
            n.from_rhs = Some(error_iface);
        }
        objs[error_obj.index()].set_color(Color::Black);
        objs[error_obj.index()].parent = Some(scope);
        scopes.insert(scope, Symbol::intern("error"), error_obj);

        // type comparable interface { comparable }
        let comparable = add(
            objs,
            Object::new(
                ObjKind::TypeName,
                Pos::NONE,
                None,
                Symbol::intern("comparable"),
                None,
            ),
        );
        let comparable_iface = types.add(Type::Interface(Box::new(InterfaceType {
            tset: Some(std::rc::Rc::new(TypeSet {
                methods: Vec::new(),
                terms: TypeSet::all().terms,
                comparable: true,
            })),
            ..Default::default()
        })));
        let comparable_type = types.add(Type::Named(Box::new(NamedType {
            obj: comparable,
            from_rhs: Some(comparable_iface),
            orig: None,
            targs: Vec::new(),
            tparams: Vec::new(),
            underlying: Some(comparable_iface),
            methods: Vec::new(),
            state: NamedState::Complete,
        })));
        objs[comparable.index()].ty = Some(comparable_type);
        objs[comparable.index()].set_color(Color::Black);
        objs[comparable.index()].parent = Some(scope);
        scopes.insert(scope, Symbol::intern("comparable"), comparable);

        // Constants and nil.
        let consts = [
            ("true", BasicKind::UntypedBool, Value::make_bool(true)),
            ("false", BasicKind::UntypedBool, Value::make_bool(false)),
            ("iota", BasicKind::UntypedInt, Value::make_int64(0)),
        ];
        let mut iota = ObjId(0);
        for (name, kind, val) in consts {
            let id = def(
                objs,
                scopes,
                Object::new(
                    ObjKind::Const { val },
                    Pos::NONE,
                    None,
                    Symbol::intern(name),
                    Some(TypeId::basic(kind)),
                ),
            );
            if name == "iota" {
                iota = id;
            }
        }
        def(
            objs,
            scopes,
            Object::new(
                ObjKind::Nil,
                Pos::NONE,
                None,
                Symbol::intern("nil"),
                Some(TypeId::basic(BasicKind::UntypedNil)),
            ),
        );

        // Builtin functions (unsafe's are exported, so they land in unsafe).
        for id in BuiltinId::ALL {
            if matches!(id, BuiltinId::Assert | BuiltinId::Trace) {
                continue;
            }
            def(
                objs,
                scopes,
                Object::new(
                    ObjKind::Builtin(id),
                    Pos::NONE,
                    None,
                    Symbol::intern(id.name()),
                    Some(TypeId::INVALID),
                ),
            );
        }

        Universe {
            scope,
            unsafe_pkg,
            iota,
            any,
            any_type,
            error_type,
            comparable,
            comparable_type,
            error_method,
        }
    }
}
