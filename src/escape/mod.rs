//! Escape analysis: gc 1.19's algorithm (cmd/compile/internal/escape),
//! deciding for every variable whether it lives in its function's frame or
//! on the heap, and for every allocation whether it can be made on the
//! stack; plus the `-m` report that explains it.
//!
//! The port keeps gc's file split: escape.rs (the batch driver), graph.rs
//! (locations, edges, holes), solve.rs (the walk), stmt.rs, expr.rs,
//! assign.rs and call.rs (lowering the program into the graph), leaks.rs
//! (parameter tags), utils.rs (self-assignment and size rules), desugar.rs.
//! gc runs the analysis on its typechecked IR; lower*.rs build the small
//! IR of ir.rs from goscope's syntax tree and the checker's tables, with
//! the implicit operations made explicit, and static_value.rs and scc.rs
//! port the passes gc runs first (StaticValue, devirtualization, the
//! bottom-up call graph). fmt.rs prints nodes as gc's ir/fmt.go does,
//! convpos.rs places implicit conversions where gc's noder does, and
//! stdtags.rs holds gc's tags for the standard library's functions.
//!
//! Worked example (`goscope escape x.go`):
//!
//! ```text
//! func f() *int { x := 0; return &x }   // x.go:1:17: moved to heap: x
//! func g(p *int) int { return *p }      // x.go:2:8: p does not escape
//! ```
//!
//! Architecture invariant: the result is computed once, here, and kept in
//! [`EscapeInfo`]'s side tables keyed by the checker's objects and the
//! syntax tree's node ids; the compiler reads it and never recomputes it.
//! The analysis never prints: diagnostics are data, rendered by the CLI.

pub mod assign;
pub mod bounds;
pub mod call;
pub mod convpos;
pub mod desugar;
#[allow(clippy::module_inception)]
pub mod escape;
pub mod expr;
pub mod fmt;
pub mod graph;
pub mod ir;
pub mod leaks;
pub mod lower;
pub mod lower_call;
pub mod lower_expr;
pub mod lower_generic;
pub mod lower_stmt;
pub mod print;
pub mod scc;
pub mod solve;
pub mod static_value;
pub mod stdtags;
pub mod stmt;
pub mod typeutil;
pub mod utils;
pub mod visit;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::syntax::ast::{File, NodeId};
use crate::syntax::pos::Pos;
use crate::types::object::ObjId;
use crate::types::Checker;

pub use ir::SiteKind;
pub use leaks::Leaks;

/// One line of the -m report: at `pos`, `text`; `level` 1 for the -m
/// lines, 2 for the -m=2 explanations; `at` a position the line quotes
/// (" at FILE:LINE:COL").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub pos: Pos,
    pub level: u8,
    pub text: String,
    pub at: Option<Pos>,
}

/// Where a variable or an allocation lives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Storage {
    /// In the frame of its function (or, for an allocation, on the stack).
    Frame,
    /// Allocated with mallocgc.
    Heap,
}

/// Which function a set of parameter tags belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum FuncKey {
    /// A declared function or method.
    Decl(ObjId),
    /// A function literal.
    Lit(NodeId),
}

/// The result of escape analysis for one package.
#[derive(Debug, Default)]
pub struct EscapeInfo {
    /// Every local variable, parameter and result (by object): frame or
    /// heap ("moved to heap").
    pub vars: HashMap<ObjId, Storage>,
    /// Every allocation site: the node of `new`, `make`, `&T{}`, a slice or
    /// map literal, a closure, a method value, a string conversion or
    /// concatenation (`SiteKind::Expr`); a conversion to an interface
    /// (`SiteKind::Boxing`, keyed by the converted operand for implicit
    /// conversions); a variadic call's implicit slice
    /// (`SiteKind::DotDotDot`, keyed by the call); the closure of a go or
    /// defer statement whose call has arguments (`SiteKind::GoDefer`, keyed
    /// by the statement: heap for `go` and for a defer in a loop).
    pub sites: HashMap<(NodeId, SiteKind), Storage>,
    /// The leak set of each parameter (receiver first) of each function.
    pub param_tags: HashMap<FuncKey, Vec<Leaks>>,
    /// Captured variables: true when closures capture them by value.
    pub captured_by_value: HashMap<ObjId, bool>,
    /// The -m (level 1) and -m=2 (level 2) lines, in gc's emission order.
    pub diags: Vec<Diag>,
}

impl EscapeInfo {
    /// Frame or heap for a variable; a variable the analysis never saw
    /// (a global) is reported as heap.
    pub fn var(&self, obj: ObjId) -> Storage {
        self.vars.get(&obj).copied().unwrap_or(Storage::Heap)
    }

    /// Stack or heap for an allocation site, if the node is one.
    pub fn site(&self, node: NodeId, kind: SiteKind) -> Option<Storage> {
        self.sites.get(&(node, kind)).copied()
    }

    /// The report at -m level `m`, sorted by position (stable: ties keep
    /// gc's emission order). Like gc at -m, which flushes every line as it
    /// is emitted, repeated lines are kept.
    pub fn report(&self, m: u8) -> Vec<&Diag> {
        let mut out: Vec<&Diag> = self.diags.iter().filter(|d| d.level <= m).collect();
        out.sort_by_key(|d| d.pos);
        out
    }
}

/// Escape analysis of a checked package (the files given to the
/// checker), with the -m=2 explanations recorded.
pub fn analyze<'a>(files: &[&'a File], checker: &Checker<'a>) -> EscapeInfo {
    analyze_level(files, checker, 2)
}

/// Escape analysis recording diagnostics up to -m level `m` (0: none, the
/// cheapest; the storage decisions do not depend on `m`).
pub fn analyze_level<'a>(files: &[&'a File], checker: &Checker<'a>, m: u8) -> EscapeInfo {
    let t = typeutil::Types::new(checker);
    let mut ir = lower::lower_files(files, checker);
    let reassigned = static_value::compute_reassigned(&ir);
    for (v, r) in ir.vars.iter_mut().zip(reassigned) {
        v.reassigned = r;
    }
    let mut st = escape::State {
        func_esc: vec![escape::FuncEsc::Unknown; ir.funcs.len()],
        tags: vec![Vec::new(); ir.funcs.len()],
        ..Default::default()
    };
    let devirt = static_value::devirtualize(&mut ir, &t);
    if m > 0 {
        st.diags.extend(devirt);
    }
    // Walk's bounds-check notes come after escape analysis in gc; their
    // order among the other lines only matters for ties of position.
    let bounds = if m > 0 {
        bounds::bounds_notes(&ir, &t)
    } else {
        Vec::new()
    };
    for (batch, _recursive) in scc::bottom_up(&ir) {
        if batch.iter().any(|&f| ir.func(f).generic) {
            continue;
        }
        escape::Escape::batch(&ir, t.clone(), m, &mut st, &batch);
    }
    st.diags.extend(bounds);
    let mut info = EscapeInfo {
        diags: std::mem::take(&mut st.diags),
        ..Default::default()
    };
    for (v, heap) in &st.var_heap {
        if let Some(obj) = ir.var(*v).obj {
            info.vars
                .insert(obj, if *heap { Storage::Heap } else { Storage::Frame });
        }
    }
    for (key, heap) in &st.sites {
        info.sites
            .insert(*key, if *heap { Storage::Heap } else { Storage::Frame });
    }
    for (i, f) in ir.funcs.iter().enumerate() {
        let key = match (f.obj, f.lit) {
            (Some(o), _) => FuncKey::Decl(o),
            (None, Some(l)) => FuncKey::Lit(l.id),
            _ => continue,
        };
        if let Some(tags) = st.tags.get(i) {
            info.param_tags.insert(key, tags.clone());
        }
    }
    for (v, byval) in &st.byval {
        if let Some(obj) = ir.var(*v).obj {
            info.captured_by_value.insert(obj, *byval);
        }
    }
    info
}

/// The tags of a function of another package: the std table, or None
/// (unknown code: every argument escapes).
pub fn imported_tags(c: &Checker, obj: ObjId) -> Option<Vec<Leaks>> {
    let o = c.obj(obj);
    let pkg = c.package(o.pkg?).path.clone();
    let mut name = o.name.as_str().to_string();
    let t = typeutil::Types::new(c);
    if let Some(recv) = t.signature(c.obj_type(obj)).and_then(|s| s.recv) {
        let mut rt = c.obj_type(recv);
        if let Some(b) = c.types.pointer_base(rt) {
            rt = b;
        }
        name = format!("{}.{}", static_value::type_string(&t, rt), name);
    }
    std_param_tags(&pkg, &name)
}

/// The leak tags of std function `func` of package `pkg` (receiver and
/// parameters), from gc's export data (stdtags.rs); None for a function
/// the table lacks.
pub fn std_param_tags(pkg: &str, func: &str) -> Option<Vec<Leaks>> {
    let tags = stdtags::std_param_tags(pkg, func)?;
    Some(tags.iter().map(|l| Leaks::parse(&l.encode())).collect())
}
