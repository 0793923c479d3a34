//! Solving the location graph (gc's solve.go): from every location, walk
//! the incoming edges backwards computing the minimal dereference count of
//! every path to it (Bellman-Ford with derefs bounded below by 0 after an
//! address-of), and draw the conclusions: a location whose address reaches
//! a location that outlives it escapes; a parameter whose value reaches the
//! heap or a result leaks (recorded in its leak set for the tag).
//!
//! Invariants: each location is walked once as a root, and again only
//! when it turns from transient to not transient or from not escaping to
//! escaping, each of which happens at most once; so the work is
//! O(locations × edges) in the worst case and the loop terminates. The
//! walk queue is LIFO like gc's, so explanations (-m=2) pick gc's paths.
//!
//! Example: `x := 0; sink = &x` has the edge x -> heap with derefs -1; the
//! walk from the heap reaches x with derefs -1 (its address), the heap
//! outlives x, so x escapes: "moved to heap: x".

use std::rc::Rc;

use super::escape::Escape;
use super::graph::{LocId, LocN, Note};
use super::ir::FuncId;
use crate::syntax::pos::Pos;

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// Computes the minimal dereferences between all pairs of locations.
    pub fn walk_all(&mut self) {
        let mut todo: Vec<LocId> = Vec::with_capacity(self.locs.len() + 1);
        for i in (2..self.locs.len()).chain(std::iter::once(0)) {
            let l = LocId(i as u32);
            if !self.locs[i].queued {
                todo.push(l);
                self.locs[i].queued = true;
            }
        }
        let mut walkgen: u32 = 0;
        while let Some(root) = todo.pop() {
            self.loc_mut(root).queued = false;
            walkgen += 1;
            self.walk_one(root, walkgen, &mut todo);
        }
    }

    fn enqueue(&mut self, l: LocId, todo: &mut Vec<LocId>) {
        if !self.loc(l).queued {
            todo.push(l);
            self.loc_mut(l).queued = true;
        }
    }

    /// Minimal dereferences from root to every location that reaches it.
    fn walk_one(&mut self, root: LocId, walkgen: u32, queue: &mut Vec<LocId>) {
        {
            let r = self.loc_mut(root);
            r.walkgen = walkgen;
            r.derefs = 0;
            r.dst = None;
        }
        let mut todo = vec![root];
        while let Some(l) = todo.pop() {
            let mut derefs = self.loc(l).derefs;
            // If l.derefs < 0, then l's address flows to root.
            let address_of = derefs < 0;
            if address_of {
                // For a flow path like "root = &l; l = x", l's address
                // flows to root, but x's does not: bound derefs at 0.
                derefs = 0;
                if !self.loc(root).transient && self.loc(l).transient {
                    self.loc_mut(l).transient = false;
                    self.enqueue(l, queue);
                }
            }
            if self.outlives(root, l) {
                // l's value flows to root: a parameter reaching the heap
                // or a result leaks.
                if self.loc(l).is_param {
                    if self.m >= 2 && !self.loc(l).escapes {
                        let pos = self.loc_pos(l);
                        let text = format!(
                            "parameter {} leaks to {} with derefs={}:",
                            self.loc_string(l),
                            self.explain_loc(root),
                            derefs
                        );
                        self.diag2(pos, text, None);
                        self.explain_path(root, l);
                    }
                    self.leak_to(l, root, derefs);
                }
                // If l's address flows somewhere that outlives it, then l
                // needs to be heap allocated.
                if address_of && !self.loc(l).escapes {
                    if self.m >= 2 {
                        let pos = self.loc_pos(l);
                        let text = format!("{} escapes to heap:", self.loc_string(l));
                        self.diag2(pos, text, None);
                        self.explain_path(root, l);
                    }
                    self.loc_mut(l).escapes = true;
                    self.enqueue(l, queue);
                    continue;
                }
            }
            let n = self.loc(l).edges.len();
            for i in 0..n {
                let (src, ed) = {
                    let e = &self.loc(l).edges[i];
                    (e.src, e.derefs)
                };
                if self.loc(src).escapes {
                    continue;
                }
                let d = derefs + ed;
                let s = self.loc_mut(src);
                if s.walkgen != walkgen || s.derefs > d {
                    s.walkgen = walkgen;
                    s.derefs = d;
                    s.dst = Some(l);
                    s.dst_edge_idx = i;
                    todo.push(src);
                }
            }
        }
    }

    /// Records that parameter l leaks to sink (gc's location.leakTo).
    fn leak_to(&mut self, l: LocId, sink: LocId, derefs: i32) {
        let (s_escapes, s_result, s_curfn, ri) = {
            let s = self.loc(sink);
            (s.escapes, s.is_result, s.curfn, s.result_index)
        };
        // A result that does not escape (#44614) records a result leak if
        // the index fits the tag.
        if !s_escapes && s_result && s_curfn == self.loc(l).curfn && ri >= 1 {
            let ri = ri - 1;
            if ri < super::leaks::NUM_ESC_RESULTS {
                self.loc_mut(l).param_esc.add_result(ri, derefs);
                return;
            }
        }
        self.loc_mut(l).param_esc.add_heap(derefs);
    }

    /// Prints how src's value flows to the walk root (-m=2).
    fn explain_path(&mut self, root: LocId, mut src: LocId) {
        let pos = self.loc_pos(src);
        let mut visited = std::collections::HashSet::new();
        loop {
            if !visited.insert(src) {
                self.diag2(
                    pos,
                    "  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518".into(),
                    None,
                );
                break;
            }
            let Some(dst) = self.loc(src).dst else {
                break;
            };
            let idx = self.loc(src).dst_edge_idx;
            let Some(edge) = self.loc(dst).edges.get(idx) else {
                break;
            };
            let (derefs, notes) = (edge.derefs, edge.notes.clone());
            self.explain_flow(pos, dst, src, derefs, &notes);
            if dst == root {
                break;
            }
            src = dst;
        }
    }

    /// One "flow: dst = &src:" line and its notes (-m=2).
    pub fn explain_flow(
        &mut self,
        pos: Pos,
        dst: LocId,
        src: LocId,
        derefs: i32,
        notes: &Option<Rc<Note<'a>>>,
    ) {
        let ops = if derefs >= 0 {
            "*".repeat(derefs as usize)
        } else {
            "&".to_string()
        };
        let text = format!(
            "  flow: {} = {}{}:",
            self.explain_loc(dst),
            ops,
            self.explain_loc(src)
        );
        self.diag2(pos, text, None);
        let mut note = notes.clone();
        while let Some(n) = note {
            let text = format!("    from {} ({})", self.src_string(n.where_), n.why);
            self.diag2(pos, text, Some(n.pos));
            note = n.next.clone();
        }
    }

    pub fn explain_loc(&self, l: LocId) -> String {
        if l == LocId::HEAP {
            return "{heap}".into();
        }
        match &self.loc(l).n {
            LocN::None => "{temp}".into(),
            LocN::Var(_) | LocN::Temp(..) => self.loc_string(l),
            LocN::Site(_) => format!("{{storage for {}}}", self.loc_string(l)),
        }
    }

    /// Whether values stored in l may survive beyond other's lifetime if
    /// stack allocated (gc's outlives).
    pub fn outlives(&self, l: LocId, other: LocId) -> bool {
        let (ll, lo) = (self.loc(l), self.loc(other));
        // The heap outlives everything.
        if ll.escapes {
            return true;
        }
        // Callers may do anything with results, except that a directly
        // called closure can return locations of its caller.
        if ll.is_result {
            if self.contains_closure(lo.curfn, ll.curfn) && self.ir.func(ll.curfn).closure_called {
                return false;
            }
            return true;
        }
        // Declared outside other's loop scope.
        if ll.curfn == lo.curfn && ll.loop_depth < lo.loop_depth {
            return true;
        }
        // other is declared within a child closure of where l is.
        if self.contains_closure(ll.curfn, lo.curfn) {
            return true;
        }
        false
    }

    /// Whether c is a closure nested (at any depth) within f.
    pub fn contains_closure(&self, f: FuncId, c: FuncId) -> bool {
        if f == c {
            return false;
        }
        let mut cur = self.ir.func(c).parent;
        while let Some(p) = cur {
            if p == f {
                return true;
            }
            cur = self.ir.func(p).parent;
        }
        false
    }
}
