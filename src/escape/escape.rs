//! The driver of one batch (gc's escape.go): a minimal set of mutually
//! recursive functions (with their closures) is analysed at once; callees
//! outside the batch were analysed earlier and are summarised by their
//! parameter tags.
//!
//! A batch runs in five steps, as gc's Batch does:
//! 1. `init_func`: a location for every variable of every function;
//! 2. `walk_func`: the statements of each top-level function (closures are
//!    walked where their literal appears), adding assignment edges;
//! 3. `flow_closure`: now that every reassignment and address-of has been
//!    seen, decide for each captured variable whether the closure captures
//!    it by value or by reference, and flow it into the closure;
//! 4. the size rules (HeapAllocReason) flow too-large values to the heap,
//!    and `walk_all` solves the graph;
//! 5. `finish`: parameter tags for later callers, and the diagnostics.
//!
//! Invariant: a function's tags are final once its batch finishes
//! (`FuncEsc::Tagged`); only then do callers read them. A call to a
//! function still in the current batch (`in_mutual_batch`) wires the
//! arguments to its parameter locations instead.

use std::collections::HashMap;
use std::rc::Rc;

use super::graph::{Hole, LocId, LocN, Location, SiteOp};
use super::ir::{Func, FuncId, Ir, Param, Src, VarId};
use super::leaks::{Leaks, NUM_ESC_RESULTS};
use super::typeutil::Types;
use super::Diag;
use crate::syntax::ast::{NodeId, PragmaFlags};
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

/// Where a function is in the analysis (gc's escFunc* states).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum FuncEsc {
    Unknown,
    Planned,
    Started,
    Tagged,
}

/// Labels that a backward goto targets raise the loop depth.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LabelState {
    Looping,
    NonLooping,
}

/// Results that outlive a batch.
#[derive(Default)]
pub struct State {
    pub func_esc: Vec<FuncEsc>,
    /// Leak sets of each function's receiver and parameters (gc's field
    /// notes), set when the function is tagged.
    pub tags: Vec<Vec<Leaks>>,
    pub diags: Vec<Diag>,
    /// Variables that must live on the heap.
    pub var_heap: HashMap<VarId, bool>,
    /// Allocation sites and whether they are heap-allocated.
    pub sites: HashMap<(NodeId, super::ir::SiteKind), bool>,
    /// Captured variables and whether closures capture them by value.
    pub byval: HashMap<VarId, bool>,
}

/// A closure to wire up after the walk: a function literal, or the
/// wrapper gc builds for a go/defer call (its captured temporaries).
pub enum ClosureRef {
    Func(FuncId),
    /// The captured temporaries, each with its closure variable's
    /// position.
    Wrapper(Vec<(LocId, Pos)>),
}

/// gc's batch and escape structs in one: the batch's graph plus the
/// function being walked.
pub struct Escape<'b, 'c, 'a> {
    pub ir: &'b Ir<'a>,
    pub t: Types<'c, 'a>,
    /// The -m level.
    pub m: u8,
    pub locs: Vec<Location<'a>>,
    pub var_loc: HashMap<VarId, LocId>,
    pub closures: Vec<(Hole<'a>, ClosureRef)>,
    pub curfn: FuncId,
    pub loop_depth: i32,
    pub labels: HashMap<Symbol, LabelState>,
    pub st: &'b mut State,
    /// Temporaries made so far in each function (numbered after its
    /// declared variables, as gc's `.autotmp_N`).
    pub ntemps: HashMap<FuncId, u32>,
}

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// Analyses one batch of functions (gc's Batch).
    pub fn batch(ir: &'b Ir<'a>, t: Types<'c, 'a>, m: u8, st: &'b mut State, fns: &[FuncId]) {
        let heap = {
            let mut l = Location::new(LocN::None, FuncId(0), 0, false);
            l.escapes = true;
            l
        };
        let blank = Location::new(LocN::None, FuncId(0), 0, false);
        let mut e = Escape {
            ir,
            t,
            m,
            locs: vec![heap, blank],
            var_loc: HashMap::new(),
            closures: Vec::new(),
            curfn: FuncId(0),
            loop_depth: 1,
            labels: HashMap::new(),
            st,
            ntemps: HashMap::new(),
        };
        for &f in fns {
            e.init_func(f);
        }
        for &f in fns {
            if !ir.func(f).is_closure() {
                e.walk_func(f);
            }
        }
        for (k, clo) in std::mem::take(&mut e.closures) {
            e.flow_closure(k, clo);
        }
        for i in 2..e.locs.len() {
            let l = LocId(i as u32);
            if let Some(why) = e.heap_alloc_reason(l) {
                let (src, pos) = e.loc_where(l);
                let k = e.heap_hole();
                let k = e.addr_hole(k, src, pos, why);
                e.flow(k, l);
            }
        }
        e.walk_all();
        e.finish(fns);
    }

    fn func(&self, f: FuncId) -> &'b Func<'a> {
        self.ir.func(f)
    }

    pub fn init_func(&mut self, f: FuncId) {
        self.curfn = f;
        self.loop_depth = 1;
        self.st.func_esc[f.index()] = FuncEsc::Planned;
        for &v in &self.func(f).dcl {
            let l = self.new_loc(LocN::Var(v), false);
            let ri = self.ir.var(v).result_index;
            self.loc_mut(l).result_index = ri;
        }
    }

    pub fn walk_func(&mut self, f: FuncId) {
        let saved = (
            self.curfn,
            self.loop_depth,
            std::mem::take(&mut self.labels),
        );
        let saved_t = self.t.clone();
        self.t = self.tf(f);
        self.curfn = f;
        self.loop_depth = 1;
        self.st.func_esc[f.index()] = FuncEsc::Started;
        // Identify labels that mark the head of an unstructured loop.
        let mut labels = HashMap::new();
        super::stmt::visit_labels(&self.func(f).body, &mut labels);
        self.labels = labels;
        let body = &self.ir.func(f).body;
        self.block(body);
        self.curfn = saved.0;
        self.loop_depth = saved.1;
        self.labels = saved.2;
        self.t = saved_t;
    }

    /// The type queries inside function f (with its instantiation's type
    /// arguments, if it is a copy of a generic function).
    pub fn tf(&self, f: FuncId) -> Types<'c, 'a> {
        self.t.with_subst(self.ir.func(f).subst.clone())
    }

    /// Decides how a closure captures its variables and flows them in.
    fn flow_closure(&mut self, k: Hole<'a>, clo: ClosureRef) {
        let cvs: Vec<(LocId, Option<VarId>, Pos)> = match &clo {
            ClosureRef::Func(f) => {
                let func = self.func(*f);
                let pos = func.closure_var_pos.clone();
                func.closure_vars
                    .clone()
                    .into_iter()
                    .zip(pos)
                    .map(|(v, p)| (self.old_loc(v), Some(v), p))
                    .collect()
            }
            ClosureRef::Wrapper(temps) => temps.iter().map(|&(l, p)| (l, None, p)).collect(),
        };
        for (loc, var, cv_pos) in cvs {
            let (addrtaken, reassigned) = (self.loc(loc).addrtaken, self.loc(loc).reassigned);
            let ty = self.loc_type(loc);
            let width = self.tf(self.loc(loc).curfn).size(ty);
            let byval = !addrtaken && !reassigned && width <= 128;
            if let Some(v) = var {
                self.st.byval.insert(v, byval);
            }
            if self.m > 1 {
                let (fname, name, pos) = match var {
                    Some(v) => {
                        let var = self.ir.var(v);
                        (self.func(var.func).name.clone(), var.name.clone(), var.pos)
                    }
                    None => (
                        self.func(self.curfn_of(loc)).name.clone(),
                        self.loc_string(loc),
                        self.loc_pos(loc),
                    ),
                };
                let how = if byval { "value" } else { "ref" };
                let text = format!("{fname} capturing by {how}: {name} (addr={addrtaken} assign={reassigned} width={width})");
                self.diag2(pos, text, None);
            }
            let src = match var {
                Some(v) => Src::Var(v),
                None => match &self.loc(loc).n {
                    LocN::Temp(name, ..) => {
                        Src::Temp(name.trim_start_matches(".autotmp_").parse().unwrap_or(0))
                    }
                    _ => Src::None,
                },
            };
            let pos = cv_pos;
            let mut k2 = k.clone();
            if !byval {
                k2 = self.addr_hole(k2, src, pos, "reference");
            }
            let k2 = self.note(k2, src, pos, "captured by a closure");
            self.flow(k2, loc);
        }
    }

    /// Whether fn has not been tagged yet: it is in the current batch.
    pub fn in_mutual_batch(&self, f: FuncId) -> bool {
        let s = self.st.func_esc[f.index()];
        s != FuncEsc::Unknown && s < FuncEsc::Tagged
    }

    fn finish(&mut self, fns: &[FuncId]) {
        for &f in fns {
            self.st.func_esc[f.index()] = FuncEsc::Tagged;
            let params: Vec<&Param> = self.func(f).recv_params().collect();
            let mut tags = Vec::with_capacity(params.len());
            for (i, p) in params.into_iter().enumerate() {
                tags.push(self.param_tag(f, i + 1, p));
            }
            self.st.tags[f.index()] = tags;
        }
        for i in 2..self.locs.len() {
            let l = LocId(i as u32);
            let escapes = self.loc(l).escapes;
            match self.loc(l).n.clone() {
                LocN::None => {}
                LocN::Var(v) => {
                    if escapes {
                        let var = self.ir.var(v);
                        if self.m != 0 {
                            self.diag(var.pos, format!("moved to heap: {}", var.name));
                        }
                    }
                    self.st.var_heap.insert(v, escapes);
                }
                LocN::Temp(name, pos, _) => {
                    if escapes && self.m != 0 {
                        self.diag(pos, format!("moved to heap: {name}"));
                    }
                }
                LocN::Site(s) => {
                    let wrapper = matches!(s.op, SiteOp::Closure { wrapper: true, .. });
                    self.curfn = self.loc(l).curfn;
                    if self.m != 0 && !wrapper {
                        let text = self.src_string(s.src);
                        let verdict = if escapes {
                            "escapes to heap"
                        } else {
                            "does not escape"
                        };
                        self.diag(s.pos, format!("{text} {verdict}"));
                    }
                    let e = self.st.sites.entry((s.node, s.kind)).or_insert(false);
                    *e |= escapes;
                }
            }
        }
    }

    /// The tag of one parameter and its diagnostics (gc's paramTag).
    fn param_tag(&mut self, f: FuncId, narg: usize, p: &Param) -> Leaks {
        let func = self.func(f);
        let name = if p.name.is_empty() {
            format!("arg#{narg}")
        } else {
            p.name.clone()
        };
        let t = self.tf(f);
        // Only user code gets diagnostics, not generated (DUPOK) copies.
        let diagnose = self.m != 0 && !func.dupok;
        if !func.has_body {
            if t.is_uintptr(p.ty) {
                if diagnose {
                    self.diag(p.pos, format!("assuming {name} is unsafe uintptr"));
                }
                return Leaks::heap();
            }
            if !t.has_pointers(p.ty) {
                return Leaks::heap();
            }
            let mut esc = Leaks::default();
            if func.pragma & PragmaFlags::NOESCAPE != 0 {
                if diagnose && !p.name.is_empty() {
                    self.diag(p.pos, format!("{name} does not escape"));
                }
            } else {
                if diagnose && !p.name.is_empty() {
                    self.diag(p.pos, format!("leaking param: {name}"));
                }
                esc.add_heap(0);
            }
            return esc;
        }
        if func.pragma & PragmaFlags::UINTPTR_ESCAPES != 0 {
            if t.is_uintptr(p.ty) {
                if diagnose {
                    self.diag(p.pos, format!("marking {name} as escaping uintptr"));
                }
                return Leaks::heap();
            }
            if p.ddd && t.is_uintptr(t.elem(p.ty)) {
                if diagnose {
                    self.diag(p.pos, format!("marking {name} as escaping ...uintptr"));
                }
                return Leaks::heap();
            }
        }
        if !t.has_pointers(p.ty) {
            return Leaks::heap();
        }
        let Some(v) = p.var.filter(|_| p.named) else {
            return Leaks::default();
        };
        let loc = self.old_loc(v);
        let mut esc = self.loc(loc).param_esc;
        esc.optimize();
        if diagnose && !self.loc(loc).escapes {
            if esc.is_empty() {
                self.diag(p.pos, format!("{name} does not escape"));
            }
            let x = esc.heap_derefs();
            if x == 0 {
                self.diag(p.pos, format!("leaking param: {name}"));
            } else if x > 0 {
                self.diag(p.pos, format!("leaking param content: {name}"));
            }
            for i in 0..NUM_ESC_RESULTS {
                let x = esc.result(i);
                if x >= 0 {
                    let res = func
                        .results
                        .get(i)
                        .map(|r| r.name.clone())
                        .unwrap_or_default();
                    self.diag(
                        p.pos,
                        format!("leaking param: {name} to result {res} level={x}"),
                    );
                }
            }
        }
        esc
    }

    /// Records a diagnostic of the current -m level.
    pub fn diag(&mut self, pos: Pos, text: String) {
        self.st.diags.push(Diag {
            pos,
            level: 1,
            text,
            at: None,
        });
    }

    /// Records an -m=2 explanation line.
    pub fn diag2(&mut self, pos: Pos, text: String, at: Option<Pos>) {
        self.st.diags.push(Diag {
            pos,
            level: 2,
            text,
            at,
        });
    }

    /// The position of a location's node.
    pub fn loc_pos(&self, l: LocId) -> Pos {
        self.loc(l).pos(&self.ir.vars)
    }

    /// What a location's node prints as.
    pub fn loc_string(&self, l: LocId) -> String {
        match &self.loc(l).n {
            LocN::None => String::new(),
            LocN::Var(v) => self.ir.var(*v).name.clone(),
            LocN::Temp(name, ..) => name.to_string(),
            LocN::Site(s) => self.src_string(s.src),
        }
    }

    /// The node of a location as a note's "where".
    pub fn loc_where(&self, l: LocId) -> (Src<'a>, Pos) {
        match &self.loc(l).n {
            LocN::None => (Src::None, Pos::NONE),
            LocN::Var(v) => (Src::Var(*v), self.ir.var(*v).pos),
            LocN::Temp(_, p, _) => (Src::None, *p),
            LocN::Site(s) => (s.src, s.pos),
        }
    }

    pub fn loc_type(&self, l: LocId) -> crate::types::ty::TypeId {
        match &self.loc(l).n {
            LocN::None => crate::types::ty::TypeId::INVALID,
            LocN::Var(v) => self.ir.var(*v).ty,
            LocN::Temp(_, _, t) => *t,
            LocN::Site(s) => s.ty,
        }
    }

    /// The function a location belongs to.
    pub fn curfn_of(&self, l: LocId) -> FuncId {
        self.loc(l).curfn
    }

    /// A new temporary location (go/defer argument copies).
    pub fn temp_loc(&mut self, pos: Pos, ty: crate::types::ty::TypeId) -> (LocId, u32) {
        let f = self.curfn;
        let base = self.func(f).dcl.len() as u32;
        let n = self.ntemps.entry(f).or_insert(0);
        let num = base + *n;
        *n += 1;
        let name: Rc<str> = Rc::from(format!(".autotmp_{num}"));
        (self.new_loc(LocN::Temp(name, pos, ty), false), num)
    }
}
