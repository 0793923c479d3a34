//! gc's ir.VisitFuncsBottomUp (scc.go): Tarjan's strongly connected
//! components of the reference graph between functions, callees first.
//! A function refers to another by naming it (a call or a function value),
//! by a method expression or method value, or by containing its literal;
//! closures always land in the batch of their outermost function.
//!
//! Invariant: when a batch is analysed, every function it refers to
//! outside itself has been analysed and tagged already.

use super::ir::*;
use super::visit::{self, Visitor};

struct Refs<'i> {
    out: Vec<FuncId>,
    ir_funcs: &'i std::collections::HashMap<crate::types::object::ObjId, FuncId>,
}

impl<'a> Visitor<'a> for Refs<'_> {
    fn expr(&mut self, e: &Expr<'a>) {
        match &e.kind {
            ExprKind::FuncName(o)
            | ExprKind::MethodExpr(o)
            | ExprKind::MethValue {
                method: Some(o), ..
            } => {
                if let Some(&f) = self.ir_funcs.get(o) {
                    self.out.push(f);
                }
            }
            ExprKind::Call(c) => {
                if let Some(m) = c.method {
                    if let Some(&f) = self.ir_funcs.get(&m) {
                        self.out.push(f);
                    }
                }
            }
            ExprKind::Closure(f) | ExprKind::FuncRef(f) => self.out.push(*f),
            _ => {}
        }
    }
}

struct Scc<'i, 'a> {
    ir: &'i Ir<'a>,
    refs: Vec<Vec<FuncId>>,
    visitgen: u32,
    node_id: Vec<u32>,
    stack: Vec<FuncId>,
    batches: Vec<(Vec<FuncId>, bool)>,
}

/// The batches of functions to analyse, in order, with whether each is
/// recursive.
pub fn bottom_up(ir: &Ir<'_>) -> Vec<(Vec<FuncId>, bool)> {
    let refs = ir
        .funcs
        .iter()
        .map(|f| {
            let mut r = Refs {
                out: Vec::new(),
                ir_funcs: &ir.func_of_obj,
            };
            visit::stmts(&mut r, &f.body);
            r.out
        })
        .collect();
    let mut s = Scc {
        ir,
        refs,
        visitgen: 0,
        node_id: vec![0; ir.funcs.len()],
        stack: Vec::new(),
        batches: Vec::new(),
    };
    for &f in &ir.decls {
        if !ir.func(f).is_closure() {
            s.visit(f);
        }
    }
    s.batches
}

impl Scc<'_, '_> {
    fn visit(&mut self, n: FuncId) -> u32 {
        let id0 = self.node_id[n.index()];
        if id0 > 0 {
            return id0;
        }
        self.visitgen += 1;
        let id = self.visitgen;
        self.node_id[n.index()] = id;
        self.visitgen += 1;
        let mut min = self.visitgen;
        self.stack.push(n);
        let refs = self.refs[n.index()].clone();
        for r in refs {
            if self.ir.func(r).generic {
                continue;
            }
            let m = self.visit(r);
            if m < min {
                min = m;
            }
        }
        if (min == id || min == id + 1) && !self.ir.func(n).is_closure() {
            let recursive = min == id;
            let mut i = self.stack.len();
            while i > 0 {
                i -= 1;
                let x = self.stack[i];
                self.node_id[x.index()] = u32::MAX;
                if x == n {
                    break;
                }
            }
            let block = self.stack.split_off(i);
            self.batches.push((block, recursive));
        }
        min
    }
}
