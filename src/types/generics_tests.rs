//! Unit tests of the generics machinery on types built directly in the
//! type table (no parser needed). Expected messages are gc 1.19's, as
//! printed by `go build -gcflags=-e` for the equivalent Go source (given
//! above each test).

use super::basic::BasicKind;
use super::check::Checker;
use super::object::{ObjKind, Object};
use super::operand::{Mode, Operand};
use super::ty::{InterfaceType, Signature, StructType, Term, Type, TypeId};
use crate::syntax::pos::{Pos, SourceMap};
use crate::syntax::symbol::Symbol;
use crate::syntax::NodeIdGen;

fn int() -> TypeId {
    TypeId::basic(BasicKind::Int)
}
fn string() -> TypeId {
    TypeId::basic(BasicKind::String)
}
fn float64() -> TypeId {
    TypeId::basic(BasicKind::Float64)
}
fn t(ty: TypeId) -> Term {
    Term {
        tilde: false,
        ty: Some(ty),
    }
}
fn tilde(ty: TypeId) -> Term {
    Term {
        tilde: true,
        ty: Some(ty),
    }
}

/// Runs f with a fresh checker whose current package is main.
fn with_checker(f: impl FnOnce(&mut Checker<'_>)) {
    let ids = NodeIdGen::new();
    let mut c = Checker::new(SourceMap::new(), &ids);
    f(&mut c);
}

fn type_name(c: &mut Checker<'_>, name: &str) -> super::object::ObjId {
    let pkg = Some(c.pkg);
    c.new_obj(Object::new(
        ObjKind::TypeName,
        Pos::NONE,
        pkg,
        Symbol::intern(name),
        None,
    ))
}

fn named(c: &mut Checker<'_>, name: &str, under: TypeId) -> TypeId {
    let obj = type_name(c, name);
    c.new_named(obj, Some(under))
}

fn var(c: &mut Checker<'_>, name: &str, ty: TypeId) -> super::object::ObjId {
    let pkg = Some(c.pkg);
    c.new_obj(Object::new(
        ObjKind::Var {
            embedded: false,
            is_field: true,
            used: true,
            is_param: false,
            origin: None,
        },
        Pos::NONE,
        pkg,
        Symbol::intern(name),
        Some(ty),
    ))
}

fn iface(c: &mut Checker<'_>, embeddeds: Vec<TypeId>) -> TypeId {
    c.types.add(Type::Interface(Box::new(InterfaceType {
        embeddeds,
        complete: true,
        ..Default::default()
    })))
}

fn tparam(c: &mut Checker<'_>, name: &str, bound: TypeId, index: i32) -> TypeId {
    let obj = type_name(c, name);
    let tp = c.types.new_type_param(obj, bound);
    c.obj_mut(obj).ty = Some(tp);
    if let Some(p) = c.types.type_param_mut(tp) {
        p.index = index;
    }
    tp
}

#[test]
fn term_algebra() {
    with_checker(|c| {
        let my_int = named(c, "MyInt", int());
        // ~int ∪ MyInt == ~int
        assert_eq!(
            c.term_union(Some(tilde(int())), Some(t(my_int))),
            (Some(tilde(int())), None)
        );
        // int ∩ ~int == int; MyInt ∩ int == ∅
        assert_eq!(
            c.term_intersect(Some(t(int())), Some(tilde(int()))),
            Some(t(int()))
        );
        assert_eq!(c.term_intersect(Some(t(my_int)), Some(t(int()))), None);
        assert!(c.term_includes(Some(tilde(int())), my_int));
        assert!(!c.term_includes(Some(t(int())), my_int));
        // {int, string} ⊆ ~int | string, not the reverse.
        let a = vec![t(int()), t(string())];
        let b = vec![tilde(int()), t(string())];
        assert!(c.termlist_subset_of(&a, &b));
        assert!(!c.termlist_subset_of(&b, &a));
        assert!(c.termlists_equal(&b, &[t(string()), tilde(int())]));
        // norm merges int into ~int.
        let n = c.termlist_norm(&[t(int()), t(string()), tilde(int())]);
        assert!(c.termlists_equal(&n, &b));
        assert_eq!(n.len(), 2);
        assert_eq!(
            c.termlist_string(&[t(my_int), tilde(int())]),
            "main.MyInt | ~int"
        );
    });
}

// type C interface{ ~int | string }
// var _ = f[float64]  // float64 does not implement C (float64 missing in ~int | string)
#[test]
fn implements_terms() {
    with_checker(|c| {
        let my_int = named(c, "MyInt", int());
        let u = c.types.add(Type::Union(vec![tilde(int()), t(string())]));
        let ci = iface(c, vec![u]);
        let cn = named(c, "C", ci);
        assert!(c.implements(my_int, cn).is_ok());
        assert!(c.implements(string(), cn).is_ok());
        assert_eq!(
            c.implements(float64(), cn),
            Err("float64 does not implement C (float64 missing in ~int | string)".into())
        );
        // type D interface{ int }: MyInt misses a ~.
        let di = iface(c, vec![int()]);
        let dn = named(c, "D", di);
        assert_eq!(
            c.implements(my_int, dn),
            Err("MyInt does not implement D (possibly missing ~ for int in constraint D)".into())
        );
        // comparable
        let cmp = c.universe.comparable_type;
        let sl = c.types.slice(int());
        assert_eq!(
            c.implements(sl, cmp),
            Err("[]int does not implement comparable".into())
        );
        assert!(c.implements(int(), cmp).is_ok());
    });
}

// type G[P any] struct{ f P }: G[int] twice is one type, whose underlying
// type is struct{f int}.
#[test]
fn instances_are_shared_and_expanded() {
    with_checker(|c| {
        let any = c.universe.any_type;
        let obj = type_name(c, "G");
        let g = c.new_named(obj, None);
        let p = tparam(c, "P", any, 0);
        let f = var(c, "f", p);
        let st = c.types.add(Type::Struct(Box::new(StructType {
            fields: vec![f],
            tags: vec![String::new()],
        })));
        if let Some(n) = c.types.named_mut(g) {
            n.tparams = vec![p];
            n.underlying = Some(st);
            n.from_rhs = Some(st);
        }
        let a = c.instance(Pos::NONE, g, &[int()]);
        let b = c.instance(Pos::NONE, g, &[int()]);
        let s = c.instance(Pos::NONE, g, &[string()]);
        assert_eq!(a, b);
        assert_ne!(a, s);
        assert_eq!(c.type_string(a), "G[int]");
        let u = c.under(a);
        assert_eq!(c.type_string(u), "struct{f int}");
        assert!(!c.identical(a, s));
        assert!(c.verify(Pos::NONE, &[p], &[int()]).is_ok());
    });
}

// func f[T any](x T) {}; f(1) infers int, f(x) with x float64 infers
// float64.
#[test]
fn infer_from_arguments() {
    with_checker(|c| {
        let any = c.universe.any_type;
        let tp = tparam(c, "T", any, 0);
        let x = c.new_param(Pos::NONE, None, Symbol::intern("x"), tp);
        let params = c.types.tuple(vec![x]);
        let arg = Operand::new(Mode::Constant, None, TypeId::basic(BasicKind::UntypedInt));
        let r = c.infer(
            Pos::NONE,
            &[tp],
            &[],
            Some(params),
            std::slice::from_ref(&arg),
        );
        assert_eq!(r, Some(vec![int()]));
        let arg = Operand::new(Mode::Value, None, float64());
        let r = c.infer(Pos::NONE, &[tp], &[], Some(params), &[arg]);
        assert_eq!(r, Some(vec![float64()]));
    });
}

// func g[P any, Q any](x P) {}; g(1): cannot infer Q
#[test]
fn infer_failure() {
    with_checker(|c| {
        let any = c.universe.any_type;
        let p = tparam(c, "P", any, 0);
        let q = tparam(c, "Q", any, 1);
        let x = c.new_param(Pos::NONE, None, Symbol::intern("x"), p);
        let params = c.types.tuple(vec![x]);
        let arg = Operand::new(Mode::Value, None, int());
        let r = c.infer(Pos::NONE, &[p, q], &[], Some(params), &[arg]);
        assert_eq!(r, None);
        assert!(c
            .diags
            .last()
            .is_some_and(|d| d.message.starts_with("cannot infer Q")));
    });
}

// func h[S ~[]E, E any](s S) {}; h([]int{}) infers E = int through the
// core type of S's constraint.
#[test]
fn constraint_type_inference() {
    with_checker(|c| {
        let any = c.universe.any_type;
        let s = tparam(c, "S", any, 0);
        let e = tparam(c, "E", any, 1);
        let se = c.types.slice(e);
        let u = c.types.add(Type::Union(vec![tilde(se)]));
        let b = iface(c, vec![u]);
        if let Some(t) = c.types.type_param_mut(s) {
            t.bound = b;
        }
        let x = c.new_param(Pos::NONE, None, Symbol::intern("s"), s);
        let params = c.types.tuple(vec![x]);
        let si = c.types.slice(int());
        let arg = Operand::new(Mode::Value, None, si);
        let r = c.infer(Pos::NONE, &[s, e], &[], Some(params), &[arg]);
        assert_eq!(r, Some(vec![si, int()]));
    });
}

// A generic signature instantiated twice with identical arguments is one
// type; its type parameters are gone.
#[test]
fn signature_instances() {
    with_checker(|c| {
        let any = c.universe.any_type;
        let tp = tparam(c, "T", any, 0);
        let x = c.new_param(Pos::NONE, None, Symbol::intern("x"), tp);
        let params = c.types.tuple(vec![x]);
        let results = c.types.empty_tuple();
        let sig = c.types.add(Type::Signature(Box::new(Signature {
            tparams: vec![tp],
            params,
            results,
            ..Default::default()
        })));
        let a = c.instance(Pos::NONE, sig, &[int()]);
        let b = c.instance(Pos::NONE, sig, &[int()]);
        assert_eq!(a, b);
        assert_eq!(c.type_string(a), "func(x int)");
        assert!(c.is_parameterized(&[tp], sig));
        assert!(!c.is_parameterized(&[tp], a));
    });
}
