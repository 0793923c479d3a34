//! Package-level initialization order (types2's initorder.go).
//!
//! While package-level declarations and function bodies are checked, every
//! use of a package-level constant, variable or function is recorded as a
//! dependency of the declaration being checked (`DeclInfo::deps`, filled by
//! `add_decl_dep`). Here those dependencies become a graph whose function
//! nodes are then removed (each predecessor of a function is linked to
//! each of its successors, so mutually recursive functions do not count as
//! cycles). Variables are then initialized repeatedly picking the node with
//! the fewest outstanding dependencies, ties broken by declaration order;
//! with a valid program the picked node always has none left. If it has
//! some, it lies on (or leads to) a cycle, reported in gc's words:
//!
//! ```text
//! x.go:3:5: initialization loop for x
//!         x.go:3:5: x refers to
//!         x.go:5:6: f refers to
//!         x.go:7:5: y refers to
//!         x.go:3:5: x
//! ```
//!
//! The result, one [`Initializer`] per variable declaration with an
//! initializer (one for `a, b = f()`), is appended to `Info::init_order`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::fxhash::FxHashSet;

use super::check::Checker;
use super::errors::ErrorBuilder;
use super::info::Initializer;
use super::object::{ObjId, ObjKind};

/// A node of the dependency graph: a constant, variable or function of the
/// package. Edges are lists of node indices; the result depends only on
/// the sets they hold (the queue orders nodes completely), never on hash
/// or list order.
struct GraphNode {
    obj: ObjId,
    /// Nodes that depend on this one.
    pred: Vec<u32>,
    /// Nodes this one depends on.
    succ: Vec<u32>,
    /// Dependencies not yet initialized.
    ndeps: usize,
    is_func: bool,
}

/// Sorts `v` and drops duplicates and the nodes `gone` marks: a list
/// built by appending becomes the set it stands for.
fn normalize(v: &mut Vec<u32>, gone: &[bool]) {
    v.retain(|&x| !gone[x as usize]);
    v.sort_unstable();
    v.dedup();
}

impl<'a> Checker<'a> {
    /// Computes the initialization order of the package's variables into
    /// `Info::init_order`, reporting initialization cycles.
    pub fn init_order(&mut self) {
        // Drop an order computed before for this package (the REPL checks
        // a package again as it grows).
        let pkg = Some(self.pkg);
        let objs = &self.objs;
        self.info
            .init_order
            .retain(|i| i.lhs.first().is_none_or(|o| objs[o.index()].pkg != pkg));

        let mut nodes = self.dependency_graph();

        // Nodes are taken by (outstanding dependencies, declaration
        // order) (types2's priority queue; node indices follow declaration
        // order). While some node has no dependency left, the next is the
        // first such node: those ready from the start are taken in index
        // order, and those that become ready later come from a small heap.
        // Only when none is ready (a cycle) does a full queue of every
        // node left take over, for the rest of the package.
        let mut queued = vec![false; nodes.len()];
        let mut ready_init: Vec<u32> = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            if !node.is_func {
                queued[i] = true;
                if node.ndeps == 0 {
                    ready_init.push(i as u32);
                }
            }
        }
        let mut left = queued.iter().filter(|&&q| q).count();
        let mut next_init = 0;
        let mut ready_late: BinaryHeap<Reverse<u32>> = BinaryHeap::new();
        let key = |c: &Checker<'a>, nodes: &[GraphNode], i: usize| {
            (nodes[i].ndeps, c.obj(nodes[i].obj).order, i)
        };
        // The full queue: a min-heap with lazy deletion. When a node's
        // count drops, its new key is pushed and the old entry stays
        // behind; an entry whose count is no longer the node's (or whose
        // node is done) is skipped when it comes up. Counts only drop, so
        // the entry with a node's current count always comes up first, as
        // in a queue that re-keys in place.
        let mut full: Option<BinaryHeap<Reverse<(usize, u32, usize)>>> = None;

        let mut emitted = vec![false; self.decls.len()];
        loop {
            let n = if let Some(queue) = &mut full {
                let Some(Reverse(first)) = queue.pop() else {
                    break;
                };
                let n = first.2;
                if !queued[n] || first.0 != nodes[n].ndeps {
                    continue;
                }
                n
            } else {
                while next_init < ready_init.len() && !queued[ready_init[next_init] as usize] {
                    next_init += 1;
                }
                while ready_late.peek().is_some_and(|r| !queued[r.0 as usize]) {
                    ready_late.pop();
                }
                let a = ready_init.get(next_init).copied();
                let b = ready_late.peek().map(|r| r.0);
                match (a, b) {
                    (Some(a), Some(b)) if b < a => {
                        ready_late.pop();
                        b as usize
                    }
                    (Some(a), _) => {
                        next_init += 1;
                        a as usize
                    }
                    (None, Some(b)) => {
                        ready_late.pop();
                        b as usize
                    }
                    (None, None) => {
                        if left == 0 {
                            break;
                        }
                        let all: Vec<_> = (0..nodes.len())
                            .filter(|&i| queued[i])
                            .map(|i| Reverse(key(self, &nodes, i)))
                            .collect();
                        full = Some(BinaryHeap::from(all));
                        continue;
                    }
                }
            };
            queued[n] = false;
            left -= 1;
            let obj = nodes[n].obj;

            // If n still depends on other nodes, there is a cycle. If obj
            // is not on it (obj -> b -> c -> b), there is no path back to
            // obj and nothing is reported: the cycle is reported when one of
            // its nodes comes up. Reporting breaks the cycle, since the
            // counts of n's dependents are reduced below.
            if nodes[n].ndeps > 0 {
                if let Some(cycle) = self.find_path(obj, obj) {
                    self.report_cycle(&cycle);
                }
            }

            // Reduce the dependency count of all dependent nodes.
            for k in 0..nodes[n].pred.len() {
                let p = nodes[n].pred[k] as usize;
                let was = nodes[p].ndeps;
                nodes[p].ndeps = was.saturating_sub(1);
                if queued[p] {
                    match &mut full {
                        Some(queue) => queue.push(Reverse(key(self, &nodes, p))),
                        None if was == 1 => ready_late.push(Reverse(p as u32)),
                        None => {}
                    }
                }
            }

            // Record the order of variables with initializers; an n:1
            // declaration (a, b = f()) is emitted once, for the first of
            // its variables.
            if !matches!(self.obj(obj).kind, ObjKind::Var { .. }) {
                continue;
            }
            let Some(&d) = self.obj_map.get(&obj) else {
                continue;
            };
            let decl = self.decl(d);
            let Some(init) = decl.init else { continue };
            if std::mem::replace(&mut emitted[d.0 as usize], true) {
                continue;
            }
            let lhs = if decl.lhs.is_empty() {
                vec![obj]
            } else {
                decl.lhs.clone()
            };
            if self.info.recording() {
                self.info.init_order.push(Initializer { lhs, rhs: init.id });
            }
        }
    }

    /// The package's dependency graph (types2's dependencyGraph), with the
    /// function nodes already bypassed: only their `is_func` flag and
    /// edges-free shells remain.
    ///
    /// Only the variables and constants and what they depend on, directly
    /// or through functions, are nodes: the order and the cycles concern
    /// them, and a function none of them reaches changes neither (its
    /// predecessors are unreachable too, so bypassing it adds no edge they
    /// see). types2 builds the whole graph; a big program of functions and
    /// few variables spent milliseconds on it.
    fn dependency_graph(&mut self) -> Vec<GraphNode> {
        let pkg = Some(self.pkg);
        let in_graph = |c: &Checker<'a>, o: ObjId| {
            let obj = c.obj(o);
            obj.pkg == pkg
                && matches!(
                    obj.kind,
                    ObjKind::Const { .. } | ObjKind::Var { .. } | ObjKind::Func { .. }
                )
        };
        // Node index + 1 of each object reached (0: not reached), by
        // object id: the package's objects are a dense range of ids, and a
        // vector is cheaper than hashing each of a big package's.
        let mut index: Vec<u32> = vec![0; self.objs.len()];
        let mut work: Vec<ObjId> = self
            .st
            .decl_order
            .iter()
            .copied()
            .filter(|&o| in_graph(self, o) && !self.obj(o).is_func())
            .collect();
        while let Some(o) = work.pop() {
            if index[o.index()] != 0 {
                continue;
            }
            index[o.index()] = 1;
            if let Some(&d) = self.obj_map.get(&o) {
                work.extend(
                    self.decl(d)
                        .deps
                        .iter()
                        .copied()
                        .filter(|&dep| index[dep.index()] == 0 && in_graph(self, dep)),
                );
            }
        }
        let mut nodes: Vec<GraphNode> = Vec::new();
        for &o in &self.st.decl_order {
            if index[o.index()] != 0 {
                index[o.index()] = nodes.len() as u32 + 1;
                nodes.push(GraphNode {
                    obj: o,
                    pred: Vec::new(),
                    succ: Vec::new(),
                    ndeps: 0,
                    is_func: self.obj(o).is_func(),
                });
            }
        }

        // The dependencies are distinct objects, so the lists are sets.
        for i in 0..nodes.len() {
            let Some(&d) = self.obj_map.get(&nodes[i].obj) else {
                continue;
            };
            for dep in &self.decl(d).deps {
                let j = index[dep.index()];
                if j != 0 {
                    nodes[i].succ.push(j - 1);
                    nodes[j as usize - 1].pred.push(i as u32);
                }
            }
        }

        // Remove the function nodes, cheapest first: connect each
        // predecessor with each successor. (Mutually recursive functions
        // may form cycles among themselves, which are permitted, but would
        // inflate the counts of the variables that use them.) New edges
        // are appended, and a removed node stays in the lists it was in:
        // a list is normalized (removed nodes and duplicates dropped) when
        // its node is removed, and every list at the end.
        let mut funcs: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].is_func).collect();
        funcs.sort_by_key(|&i| (nodes[i].pred.len() * nodes[i].succ.len(), i));
        let mut gone = vec![false; nodes.len()];
        for n in funcs {
            let mut preds = std::mem::take(&mut nodes[n].pred);
            let mut succs = std::mem::take(&mut nodes[n].succ);
            normalize(&mut preds, &gone);
            normalize(&mut succs, &gone);
            gone[n] = true;
            let n = n as u32;
            for &p in &preds {
                // Ignore self-cycles.
                if p == n {
                    continue;
                }
                for &s in &succs {
                    if s != n {
                        nodes[p as usize].succ.push(s);
                        nodes[s as usize].pred.push(p);
                    }
                }
            }
        }

        for node in nodes.iter_mut() {
            normalize(&mut node.pred, &gone);
            normalize(&mut node.succ, &gone);
            node.ndeps = node.succ.len();
        }
        nodes
    }

    /// A path of dependencies from `from` to `to`, reversed: `[to, ...,
    /// successor of from]`; None if there is none (types2's findPath,
    /// without recursion so that long chains cannot exhaust the stack).
    fn find_path(&self, from: ObjId, to: ObjId) -> Option<Vec<ObjId>> {
        let deps_of = |o: ObjId| -> Vec<ObjId> {
            match self.obj_map.get(&o) {
                Some(&d) => self.decl(d).deps.iter().copied().collect(),
                None => Vec::new(),
            }
        };
        let mut seen: FxHashSet<ObjId> = FxHashSet::default();
        seen.insert(from);
        // The current path from `from`: each object with its dependencies
        // and the index of the next one to try.
        let mut stack: Vec<(ObjId, Vec<ObjId>, usize)> = vec![(from, deps_of(from), 0)];
        while let Some(top) = stack.last_mut() {
            let Some(&d) = top.1.get(top.2) else {
                stack.pop();
                continue;
            };
            top.2 += 1;
            if d == to {
                // The path is from, stack[1].0, ..., d; the result lists
                // it backwards without `from`.
                let mut path = vec![d];
                path.extend(stack.iter().skip(1).rev().map(|e| e.0));
                return Some(path);
            }
            if seen.insert(d) {
                let deps = deps_of(d);
                stack.push((d, deps, 0));
            }
        }
        None
    }

    /// Reports an initialization cycle (types2's reportCycle, with gc's
    /// wording).
    fn report_cycle(&mut self, cycle: &[ObjId]) {
        let Some(&first) = cycle.first() else { return };
        let mut obj = first;
        let mut err = ErrorBuilder::new();
        err.add(
            self.obj(obj).pos,
            format!("initialization loop for {}", self.obj(obj).name),
        );
        // cycle[0] first, then cycle[n-1], ..., cycle[1], and cycle[0]
        // again to close the loop.
        for i in (0..cycle.len()).rev() {
            err.add(
                self.obj(obj).pos,
                format!("{} refers to", self.obj(obj).name),
            );
            obj = cycle[i];
        }
        err.add(self.obj(obj).pos, self.obj(obj).name.to_string());
        self.report(err);
    }
}

#[cfg(test)]
mod tests {
    use crate::syntax::pos::SourceMap;
    use crate::syntax::{parse_file, NodeIdGen};
    use crate::types::Checker;

    /// The program below prints its variables' names in initialization
    /// order when run by gc 1.19 (`go run`): d b c a z x,y w last u.
    const ORDER_GO: &str = r#"package main

import "fmt"

func p(s string) int { fmt.Println(s); return 0 }

var (
	a = c + b + p("a")
	b = f() + p("b")
	c = f() + p("c")
	d = 3 + p("d")
)

func f() int {
	d++
	return d
}

var x, y = pair()

func pair() (int, int) { p("x,y"); return z, z }

var z = p("z")

var w = p("w")

var v int

var u = T{}.m()

type T struct{}

func (T) m() int { return p("u") + last }

var last = p("last")

func main() {}
"#;

    #[test]
    fn init_order_matches_gc() {
        let ids = NodeIdGen::new();
        let mut sources = SourceMap::new();
        let (file, diags) = parse_file(&mut sources, "order.go", ORDER_GO.as_bytes(), &ids);
        assert!(diags.is_empty(), "{diags:?}");
        let mut c = Checker::new(sources, &ids);
        c.check_files(&[&file]);
        assert!(c.diags.is_empty(), "{:?}", c.diags);
        let main = c.main_pkg();
        let got: Vec<String> = c
            .info
            .init_order
            .iter()
            .filter(|i| i.lhs.first().is_some_and(|&o| c.obj(o).pkg == Some(main)))
            .map(|i| {
                let names: Vec<&str> = i.lhs.iter().map(|&o| c.obj(o).name.as_str()).collect();
                names.join(",")
            })
            .collect();
        assert_eq!(got, ["d", "b", "c", "a", "z", "x,y", "w", "last", "u"]);
    }
}

#[cfg(test)]
mod order_tests {
    use crate::syntax::pos::SourceMap;
    use crate::syntax::{parse_file, NodeIdGen};
    use crate::types::Checker;

    /// The names initialized, in order, for a valid program.
    fn order(src: &str) -> Vec<String> {
        let mut map = SourceMap::new();
        let ids = NodeIdGen::new();
        let (file, diags) = parse_file(&mut map, "x.go", src.as_bytes(), &ids);
        assert!(diags.is_empty());
        let mut c = Checker::new(map, &ids);
        c.check_files(&[&file]);
        assert!(c.diags.is_empty(), "{:?}", c.diags);
        c.info
            .init_order
            .iter()
            .map(|i| {
                i.lhs
                    .iter()
                    .map(|&o| c.obj(o).name.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect()
    }

    #[test]
    fn spec_examples() {
        // The Go spec's example: d, b, c, a.
        let src = "package p\nvar (\n\ta = c + b\n\tb = f()\n\tc = f()\n\td = 3\n)\nfunc f() int { d++; return d }\n";
        assert_eq!(order(src), ["d", "b", "c", "a"]);
        // Through functions and an n:1 declaration; ties by source order.
        let src = "package p\nvar x, y = g()\nvar z = h() + w\nvar w = 1\nvar v = x\nfunc g() (int, int) { return w, w }\nfunc h() int { return v }\n";
        assert_eq!(order(src), ["w", "x,y", "v", "z"]);
    }
}
