//! The location graph (gc's graph.go): locations, assignment edges with
//! dereference counts, and holes, the contexts expressions are evaluated
//! into.
//!
//! Invariants:
//! - An edge's and a hole's `derefs` is >= -1: `&` can only apply to an
//!   addressable expression and `&x` is not addressable, so a path never
//!   takes an address twice in a row (`p = &q` is -1, `p = **q` is 2).
//! - Edges are stored on their destination (incoming edges), because the
//!   solver walks backwards from each root.
//! - Location 0 is the heap, location 1 the blank (discard) location of the
//!   batch; flows into the blank location are dropped.
//! - Notes (the "from &x (address-of) at ..." explanations) are only built
//!   at -m=2, where they cost allocations; a hole is otherwise plain data.
//!
//! Example: for `p = &q` the walker evaluates `&q` into the hole
//! {dst: p, derefs: 0}; the `&` shifts it to derefs -1 and the name q
//! then adds the edge q -> p with derefs -1.

use std::rc::Rc;

use super::escape::Escape;
use super::ir::{FuncId, SiteKind, Src, VarId};
use super::leaks::Leaks;
use crate::syntax::ast::NodeId;
use crate::syntax::pos::Pos;
use crate::types::ty::TypeId;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LocId(pub u32);

impl LocId {
    pub const HEAP: LocId = LocId(0);
    pub const BLANK: LocId = LocId(1);
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What an allocation site allocates, for the size rules
/// (HeapAllocReason) and for the transient flag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SiteOp {
    /// new(T); the pointer type.
    New,
    /// &T{...}
    PtrLit,
    /// make([]T, n): the constant size if small and constant.
    MakeSlice(Option<i64>),
    MakeMap,
    SliceLit,
    MapLit,
    /// A function literal; `wrapper` for the closure gc makes for a go or
    /// defer statement (never reported).
    Closure {
        func: Option<FuncId>,
        wrapper: bool,
    },
    /// A method value; the receiver's type.
    MethValue(TypeId),
    ConvIface,
    StrConv,
    AddStr,
}

/// The syntax an allocation location stands for.
#[derive(Clone, Copy, Debug)]
pub struct Site<'a> {
    pub node: NodeId,
    pub kind: SiteKind,
    pub src: Src<'a>,
    pub pos: Pos,
    /// The node's type (gc's n.Type()).
    pub ty: TypeId,
    pub op: SiteOp,
}

/// What a location represents (gc's location.n).
#[derive(Clone, Debug)]
pub enum LocN<'a> {
    /// Temporary flow locations (tee, later, range operand).
    None,
    Var(VarId),
    /// A compiler temporary made during the analysis (go/defer
    /// arguments): name, position, type.
    Temp(Rc<str>, Pos, TypeId),
    Site(Site<'a>),
}

#[derive(Clone, Debug)]
pub struct Edge<'a> {
    pub src: LocId,
    pub derefs: i32,
    pub notes: Option<Rc<Note<'a>>>,
}

/// gc's location.
#[derive(Clone, Debug)]
pub struct Location<'a> {
    pub n: LocN<'a>,
    pub curfn: FuncId,
    pub edges: Vec<Edge<'a>>,
    pub loop_depth: i32,
    /// 1-based result index of a result variable, else 0.
    pub result_index: usize,
    pub derefs: i32,
    pub walkgen: u32,
    pub dst: Option<LocId>,
    pub dst_edge_idx: usize,
    pub queued: bool,
    pub escapes: bool,
    pub transient: bool,
    pub param_esc: Leaks,
    pub captured: bool,
    pub reassigned: bool,
    pub addrtaken: bool,
    /// Class of a variable location: parameter / result.
    pub is_param: bool,
    pub is_result: bool,
}

impl<'a> Location<'a> {
    pub fn new(n: LocN<'a>, curfn: FuncId, loop_depth: i32, transient: bool) -> Self {
        Location {
            n,
            curfn,
            edges: Vec::new(),
            loop_depth,
            result_index: 0,
            derefs: 0,
            walkgen: 0,
            dst: None,
            dst_edge_idx: 0,
            queued: false,
            escapes: false,
            transient,
            param_esc: Leaks::default(),
            captured: false,
            reassigned: false,
            addrtaken: false,
            is_param: false,
            is_result: false,
        }
    }

    pub fn pos(&self, vars: &[super::ir::Var]) -> Pos {
        match &self.n {
            LocN::None => Pos::NONE,
            LocN::Var(v) => vars.get(v.index()).map(|v| v.pos).unwrap_or(Pos::NONE),
            LocN::Temp(_, p, _) => *p,
            LocN::Site(s) => s.pos,
        }
    }
}

/// One step of an explanation: where, and why.
#[derive(Debug)]
pub struct Note<'a> {
    pub next: Option<Rc<Note<'a>>>,
    pub where_: Src<'a>,
    pub pos: Pos,
    pub why: &'static str,
}

/// A context for evaluating an expression: "store into dst after derefs
/// dereferences" (gc's hole).
#[derive(Clone, Debug)]
pub struct Hole<'a> {
    pub dst: LocId,
    pub derefs: i32,
    pub notes: Option<Rc<Note<'a>>>,
    /// This context takes the expression's address.
    pub addrtaken: bool,
}

impl<'a> Hole<'a> {
    pub fn of(dst: LocId) -> Self {
        Hole {
            dst,
            derefs: 0,
            notes: None,
            addrtaken: false,
        }
    }

    /// gc's hole.shift; derefs never go below -1 for valid programs (a
    /// defensive clamp keeps a malformed tree from breaking invariants).
    pub fn shift(mut self, delta: i32) -> Self {
        self.derefs = (self.derefs + delta).max(-1);
        self.addrtaken = delta < 0;
        self
    }
}

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// Adds an explanation step (only at -m=2).
    pub fn note(&self, mut k: Hole<'a>, where_: Src<'a>, pos: Pos, why: &'static str) -> Hole<'a> {
        if self.m >= 2 {
            k.notes = Some(Rc::new(Note {
                next: k.notes.take(),
                where_,
                pos,
                why,
            }));
        }
        k
    }

    pub fn deref(&self, k: Hole<'a>, where_: Src<'a>, pos: Pos, why: &'static str) -> Hole<'a> {
        self.note(k.shift(1), where_, pos, why)
    }

    /// gc's hole.dotType: unboxing a value stored indirectly in an
    /// interface dereferences.
    pub fn dot_type(
        &self,
        k: Hole<'a>,
        t: TypeId,
        where_: Src<'a>,
        pos: Pos,
        why: &'static str,
    ) -> Hole<'a> {
        let k = if !self.t.is_interface(t) && !self.t.is_direct_iface(t) {
            k.shift(1)
        } else {
            k
        };
        self.note(k, where_, pos, why)
    }

    pub fn heap_hole(&self) -> Hole<'a> {
        Hole::of(LocId::HEAP)
    }

    pub fn discard_hole(&self) -> Hole<'a> {
        Hole::of(LocId::BLANK)
    }

    pub fn loc(&self, l: LocId) -> &Location<'a> {
        &self.locs[l.index()]
    }

    pub fn loc_mut(&mut self, l: LocId) -> &mut Location<'a> {
        &mut self.locs[l.index()]
    }

    /// Records an assignment of src's value (after k.derefs dereferences)
    /// to k.dst.
    pub fn flow(&mut self, k: Hole<'a>, src: LocId) {
        if k.addrtaken {
            self.loc_mut(src).addrtaken = true;
        }
        let dst = k.dst;
        if dst == LocId::BLANK {
            return;
        }
        if dst == src && k.derefs >= 0 {
            return;
        }
        if self.loc(dst).escapes && k.derefs < 0 {
            if self.m >= 2 {
                let pos = self.loc_pos(src);
                let text = format!("{} escapes to heap:", self.loc_string(src));
                self.diag2(pos, text, None);
                self.explain_flow(pos, dst, src, k.derefs, &k.notes);
            }
            self.loc_mut(src).escapes = true;
            return;
        }
        self.loc_mut(dst).edges.push(Edge {
            src,
            derefs: k.derefs,
            notes: k.notes,
        });
    }

    /// A new location in the current function.
    pub fn new_loc(&mut self, n: LocN<'a>, transient: bool) -> LocId {
        let id = LocId(self.locs.len() as u32);
        let mut loc = Location::new(n, self.curfn, self.loop_depth, transient);
        if let LocN::Var(v) = &loc.n {
            let var = self.ir.var(*v);
            loc.is_param = var.class == super::ir::Class::Param;
            loc.is_result = var.class == super::ir::Class::ParamOut;
            loc.curfn = var.func;
            self.var_loc.insert(*v, id);
        }
        self.locs.push(loc);
        id
    }

    /// The location of a variable (gc's oldLoc); a variable without one
    /// (only in malformed input) gets a fresh location.
    pub fn old_loc(&mut self, v: VarId) -> LocId {
        match self.var_loc.get(&v) {
            Some(&l) => l,
            None => self.new_loc(LocN::Var(v), false),
        }
    }

    /// A hole that flows into each of ks (gc's teeHole).
    pub fn tee_hole(&mut self, ks: Vec<Hole<'a>>) -> Hole<'a> {
        match ks.len() {
            0 => return self.discard_hole(),
            1 => {
                if let Some(k) = ks.into_iter().next() {
                    return k;
                }
                return self.discard_hole();
            }
            _ => {}
        }
        let loc = self.new_loc(LocN::None, true);
        for k in ks {
            // "p = &q" and "p = &tmp; tmp = q" differ: callers never tee
            // address-taking holes.
            self.flow(k, loc);
        }
        Hole::of(loc)
    }

    /// A hole that flows into k "some time later" (gc's later): keeps a
    /// value alive past the statement, as a deferred call's arguments.
    pub fn later(&mut self, k: Hole<'a>) -> Hole<'a> {
        let loc = self.new_loc(LocN::None, false);
        self.flow(k, loc);
        Hole::of(loc)
    }
}
