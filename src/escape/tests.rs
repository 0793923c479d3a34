//! Unit tests of the graph (graph.rs) and the solver (solve.rs) on
//! hand-built graphs: each test wires locations and assignment edges
//! directly, as the walkers of stmt.rs/expr.rs would for a small program
//! (shown in the comments), then solves.

use super::escape::{Escape, FuncEsc, State};
use super::graph::{Hole, LocId, LocN};
use super::ir::*;
use super::typeutil::Types;
use crate::syntax::pos::{Pos, SourceMap};
use crate::syntax::NodeIdGen;
use crate::types::ty::TypeId;
use crate::types::Checker;

/// A package with functions `f` (and a closure `f.func1` of it), whose
/// variables are given as (name, class, result index).
fn ir_with(vars: &[(&str, Class, usize)]) -> Ir<'static> {
    let mut ir = Ir::default();
    for (i, name) in ["f", "f.func1"].iter().enumerate() {
        ir.funcs.push(Func {
            name: name.to_string(),
            obj: None,
            pos: Pos::NONE,
            parent: if i == 1 { Some(FuncId(0)) } else { None },
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
    }
    for (i, (name, class, ri)) in vars.iter().enumerate() {
        ir.vars.push(Var {
            obj: None,
            name: name.to_string(),
            pos: Pos(i as u32 + 1),
            ty: TypeId::INVALID,
            class: *class,
            func: FuncId(0),
            defn: Defn::None,
            static_rhs: None,
            result_index: *ri,
            blank: false,
            reassigned: false,
        });
        ir.funcs[0].dcl.push(VarId(i as u32));
    }
    ir
}

/// Runs `build` on a fresh batch for function f (its variables already
/// have locations, in order, from LocId(2)), solves, and returns the
/// locations' (escapes, leaks) for inspection.
fn solve(
    ir: &Ir<'static>,
    build: impl FnOnce(&mut Escape<'_, '_, 'static>),
) -> Vec<(bool, super::Leaks)> {
    // The batch borrows the checker for the IR's lifetime ('static here).
    let ids: &'static NodeIdGen = Box::leak(Box::new(NodeIdGen::new()));
    let c = Checker::new(SourceMap::new(), ids);
    let mut st = State {
        func_esc: vec![FuncEsc::Unknown; ir.funcs.len()],
        tags: vec![Vec::new(); ir.funcs.len()],
        ..Default::default()
    };
    let mut e = Escape {
        ir,
        t: Types::new(&c),
        m: 0,
        locs: Vec::new(),
        var_loc: Default::default(),
        closures: Vec::new(),
        curfn: FuncId(0),
        loop_depth: 1,
        labels: Default::default(),
        st: &mut st,
        ntemps: Default::default(),
    };
    let mut heap = super::graph::Location::new(LocN::None, FuncId(0), 0, false);
    heap.escapes = true;
    e.locs.push(heap);
    e.locs
        .push(super::graph::Location::new(LocN::None, FuncId(0), 0, false));
    e.init_func(FuncId(0));
    build(&mut e);
    e.walk_all();
    e.locs.iter().map(|l| (l.escapes, l.param_esc)).collect()
}

fn var_loc(i: u32) -> LocId {
    LocId(2 + i)
}

#[test]
fn address_stored_in_heap_escapes() {
    // sink = &x
    let ir = ir_with(&[("x", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        let k = e.heap_hole().shift(-1);
        e.flow(k, var_loc(0));
    });
    assert!(r[var_loc(0).index()].0, "x must be moved to heap");
}

#[test]
fn value_stored_in_heap_does_not_move_variable() {
    // sink = x (x a pointer): x's value escapes, x itself stays.
    let ir = ir_with(&[("x", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        let k = e.heap_hole();
        e.flow(k, var_loc(0));
    });
    assert!(!r[var_loc(0).index()].0);
}

#[test]
fn address_through_local_pointer_escapes() {
    // p := &x; sink = p
    let ir = ir_with(&[("x", Class::Auto, 0), ("p", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        e.flow(Hole::of(var_loc(1)).shift(-1), var_loc(0));
        let k = e.heap_hole();
        e.flow(k, var_loc(1));
    });
    assert!(r[var_loc(0).index()].0);
    assert!(!r[var_loc(1).index()].0);
}

#[test]
fn dereference_cancels_address() {
    // p := &x; sink = *p: x's value (not its address) reaches the heap.
    let ir = ir_with(&[("x", Class::Auto, 0), ("p", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        e.flow(Hole::of(var_loc(1)).shift(-1), var_loc(0));
        let k = e.heap_hole().shift(1);
        e.flow(k, var_loc(1));
    });
    assert!(!r[var_loc(0).index()].0);
}

#[test]
fn param_leaks_to_result_and_heap_content() {
    // func f(p, q **int) (r *int) { r = *p; sink = *q; return }
    let ir = ir_with(&[
        ("p", Class::Param, 0),
        ("q", Class::Param, 0),
        ("r", Class::ParamOut, 1),
    ]);
    let r = solve(&ir, |e| {
        e.flow(Hole::of(var_loc(2)).shift(1), var_loc(0));
        let k = e.heap_hole().shift(1);
        e.flow(k, var_loc(1));
    });
    let (pe, pl) = r[var_loc(0).index()];
    assert!(!pe);
    assert_eq!(pl.heap_derefs(), -1);
    assert_eq!(pl.result(0), 1, "leaking param: p to result r level=1");
    let (_, ql) = r[var_loc(1).index()];
    assert_eq!(ql.heap_derefs(), 1, "leaking param content: q");
}

#[test]
fn minimal_derefs_wins() {
    // sink = **p; sink = p  => leaking param: p (derefs 0)
    let ir = ir_with(&[("p", Class::Param, 0)]);
    let r = solve(&ir, |e| {
        let k = e.heap_hole().shift(2);
        e.flow(k, var_loc(0));
        let k = e.heap_hole();
        e.flow(k, var_loc(0));
    });
    assert_eq!(r[var_loc(0).index()].1.heap_derefs(), 0);
}

#[test]
fn variable_outside_loop_outlives_inner() {
    // var p *int; for { x := 0; p = &x }
    let ir = ir_with(&[("p", Class::Auto, 0), ("x", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        e.loop_depth = 2;
        e.dcl(VarId(1));
        e.flow(Hole::of(var_loc(0)).shift(-1), var_loc(1));
    });
    assert!(r[var_loc(1).index()].0, "x declared in the loop escapes");
}

#[test]
fn same_depth_address_stays() {
    // x := 0; p := &x (same loop depth, p never escapes)
    let ir = ir_with(&[("p", Class::Auto, 0), ("x", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        e.flow(Hole::of(var_loc(0)).shift(-1), var_loc(1));
    });
    assert!(!r[var_loc(1).index()].0);
}

#[test]
fn self_flow_is_dropped_and_cycles_terminate() {
    // p = p; p = *p; q = &p; p = q (a cycle through an address)
    let ir = ir_with(&[("p", Class::Auto, 0), ("q", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        e.flow(Hole::of(var_loc(0)), var_loc(0));
        e.flow(Hole::of(var_loc(0)).shift(1), var_loc(0));
        e.flow(Hole::of(var_loc(1)).shift(-1), var_loc(0));
        e.flow(Hole::of(var_loc(0)), var_loc(1));
    });
    assert!(!r[var_loc(0).index()].0);
    assert!(!r[var_loc(1).index()].0);
}

#[test]
fn tee_hole_reaches_every_destination() {
    // a tee into (heap, p): storing &x through it reaches the heap
    let ir = ir_with(&[("x", Class::Auto, 0), ("p", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        let h = e.heap_hole();
        let k = e.tee_hole(vec![h, Hole::of(var_loc(1))]);
        e.flow(k.shift(-1), var_loc(0));
    });
    assert!(r[var_loc(0).index()].0);
}

#[test]
fn closure_variable_outlives_outer_loop_local() {
    // var l *int (in f); func() { x := 0; l = &x } — x lives in the
    // closure, l in f: l outlives x.
    let mut ir = ir_with(&[("l", Class::Auto, 0), ("x", Class::Auto, 0)]);
    ir.vars[1].func = FuncId(1);
    ir.funcs[0].dcl.pop();
    let r = solve(&ir, |e| {
        e.curfn = FuncId(1);
        let x = e.new_loc(LocN::Var(VarId(1)), false);
        assert_eq!(x, var_loc(1));
        e.flow(Hole::of(var_loc(0)).shift(-1), x);
    });
    assert!(r[var_loc(1).index()].0, "x escapes: l outlives it");
}

#[test]
fn blank_hole_discards() {
    // _ = &x
    let ir = ir_with(&[("x", Class::Auto, 0)]);
    let r = solve(&ir, |e| {
        let k = e.discard_hole().shift(-1);
        e.flow(k, var_loc(0));
    });
    assert!(!r[var_loc(0).index()].0);
}
