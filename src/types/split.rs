//! Checking the function bodies of a big valid program on two threads.
//!
//! Why: on a big program the checker spends two thirds of its time in
//! function bodies, one after the other, while the second core idles.
//! Bodies can be checked in any order once the package's declarations
//! are (types2 delays them to the end for that reason), and what a body
//! leaves for the rest of the check is small: which imports it used, and
//! which package-level objects its function refers to (initialization
//! order).
//!
//! How: a second thread checks the same file with a checker of its own.
//! Both collect the package's objects (checking is deterministic, so the
//! objects and declarations get the same ids on both). Then each thread
//! checks the package-level declarations on its side of the cut, and the
//! others as its side uses them (types2 checks a declaration when it is
//! first used), and the bodies of the functions on its side. Delayed
//! actions scheduled outside function bodies run on the thread that
//! scheduled them ([`Side::Shared`]); those scheduled while a body is
//! checked run on that body's thread. The second thread's used imports
//! and the dependencies of its side's declarations are merged into the
//! first checker before it computes the initialization order and looks
//! for unused imports.
//!
//! Limits, which keep the result exactly the sequential check's:
//! - Only `goscope check` splits: the second thread's tables (the types of
//!   its expressions, its local objects) are not merged, so escape
//!   analysis and the compiler could not run on the result.
//! - Errors: types2 suppresses some follow-on errors after the first
//!   one, so which errors are reported depends on the order bodies are
//!   checked in. If either thread finds any error, the caller checks the
//!   program again on one thread and reports that check's errors.
//! - A file that declares type parameters is not split: the instantiation
//!   cycle check and generic local types read state from every body.

use crate::syntax::ast::{Decl, File};
use crate::syntax::pos::{Pos, SourceMap};
use crate::syntax::NodeIdGen;

use super::check::{Checker, DeclId, Side};
use super::object::ObjId;

/// Function bodies below this many bytes in all are checked on one thread:
/// a second checker costs about as much as the declarations it repeats.
pub const MIN_BODY_BYTES: u32 = 64 << 10;

/// Which function bodies a thread checks.
#[derive(Clone, Copy, Debug)]
pub struct BodySplit {
    /// Functions declared at or after this position are the second
    /// thread's.
    pub cut: Pos,
    /// The side of the thread this checker runs on.
    pub role: Side,
}

impl BodySplit {
    /// The side that checks the body of the function declared at `pos`.
    pub fn side_of(&self, pos: Pos) -> Side {
        if pos.0 >= self.cut.0 {
            Side::Second
        } else {
            Side::First
        }
    }
}

/// Where to split `file`'s function bodies: the declaration of the
/// function from which on half of all body bytes remain (measured: both
/// threads then finish their bodies within a millisecond or two). None
/// when the bodies are fewer than `min_bytes` or the file declares type
/// parameters.
pub fn choose_cut(file: &File, min_bytes: u32) -> Option<Pos> {
    let mut funcs = Vec::new();
    for d in &file.decls {
        match d {
            Decl::Func(f) => {
                // A method of a generic type implies a generic type declaration.
                if !f.tparams.is_empty() {
                    return None;
                }
                if let Some(body) = &f.body {
                    funcs.push((f.pos, body.rbrace.0.saturating_sub(body.pos.0)));
                }
            }
            Decl::Type(t) if !t.tparams.is_empty() => return None,
            _ => {}
        }
    }
    let total: u64 = funcs.iter().map(|&(_, n)| u64::from(n)).sum();
    if total < u64::from(min_bytes) || funcs.len() < 2 {
        return None;
    }
    let mut seen = 0u64;
    for &(pos, n) in &funcs {
        if seen * 100 >= total * 50 {
            return Some(pos);
        }
        seen += u64::from(n);
    }
    None
}

/// What the second thread's bodies leave for the rest of the check.
#[derive(Debug)]
pub struct SecondHalf {
    /// Whether the second thread found an error (or could not run): the
    /// caller then checks on one thread.
    failed: bool,
    /// Its package-level declarations, to make sure both threads built
    /// the same ones.
    decl_count: usize,
    imports: Vec<ObjId>,
    /// Imports its bodies used.
    used: Vec<ObjId>,
    /// The dependencies of the declarations on its side.
    deps: Vec<(DeclId, Vec<ObjId>)>,
}

/// Checks `file` (whose text `text`, shared with the first thread, is the
/// session's first file, named `name`) with only the bodies of the
/// functions declared at or after `cut`, on a checker of its own whose
/// node ids start at `first_id`. `free` says whether to free the checker
/// (or leak it, for a process about to exit).
pub fn check_second_half(
    file: &File,
    name: &str,
    text: std::sync::Arc<str>,
    first_id: u32,
    cut: Pos,
    free: bool,
) -> SecondHalf {
    let mut sources = SourceMap::new();
    let ids = NodeIdGen::new();
    ids.0.set(first_id);
    if sources.add(name, text).is_none() {
        return SecondHalf {
            failed: true,
            decl_count: 0,
            imports: Vec::new(),
            used: Vec::new(),
            deps: Vec::new(),
        };
    }
    let mut c = Checker::new(sources, &ids);
    c.info.set_recording(false);
    c.st.split = Some(BodySplit {
        cut,
        role: Side::Second,
    });
    c.check_files_to_bodies(&[file]);
    let failed = c.st.first_err || !c.diags.is_empty() || !c.internal_errors.is_empty();
    let used =
        c.st.imports
            .iter()
            .copied()
            .filter(|&o| c.obj(o).is_used())
            .collect();
    let mut deps: Vec<(DeclId, Vec<ObjId>)> = c
        .obj_map
        .iter()
        .filter(|&(&obj, _)| c.obj(obj).pos.0 >= cut.0)
        .map(|(_, &d)| (d, c.decl(d).deps.iter().copied().collect()))
        .collect();
    // Deterministic, and one entry per declaration (`var a, b = f()`).
    deps.sort_by_key(|&(d, _)| d.0);
    deps.dedup_by_key(|&mut (d, _)| d.0);
    let out = SecondHalf {
        failed,
        decl_count: c.decls.len(),
        imports: c.st.imports.clone(),
        used,
        deps,
    };
    if free {
        drop(c);
    } else {
        std::mem::forget(c);
    }
    out
}

impl Checker<'_> {
    /// Takes in the second thread's results; false if that thread failed
    /// or did not build the same package (the caller then checks on one
    /// thread).
    pub fn merge_second_half(&mut self, r: SecondHalf) -> bool {
        if r.failed || r.decl_count != self.decls.len() || r.imports != self.st.imports {
            return false;
        }
        for obj in r.used {
            self.obj_mut(obj).set_used();
        }
        for (d, deps) in r.deps {
            self.decl_mut(d).deps = deps.into_iter().collect();
        }
        true
    }
}
