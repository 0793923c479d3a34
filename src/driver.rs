//! The front-end pipeline behind `goscope check`: parse, then (if the
//! syntax is valid, as gc does) type-check, collecting diagnostics.

use crate::diag::{sort_and_dedup, Diagnostic};
use crate::syntax::ast::{Decl, File, Pragma, Stmt, StmtKind};
use crate::syntax::pos::{Pos, SourceMap};
use crate::syntax::{parse_file_parallel, NodeIdGen};
use crate::types::Checker;

/// The result of checking one file.
pub struct CheckOutcome {
    pub sources: SourceMap,
    /// Sorted and deduplicated, gc's way.
    pub diags: Vec<Diagnostic>,
    /// Errors in goscope's own std API files: goscope bugs, never the
    /// user's.
    pub internal_errors: Vec<String>,
    /// Whether function bodies were checked on two threads (types/split.rs):
    /// None if not tried, false if either thread found an error and the
    /// program was checked again on one.
    pub split_bodies: Option<bool>,
}

impl CheckOutcome {
    /// The outcome with `diags` sorted and deduplicated, gc's way.
    fn new(
        sources: SourceMap,
        mut diags: Vec<Diagnostic>,
        internal_errors: Vec<String>,
        split_bodies: Option<bool>,
    ) -> CheckOutcome {
        sort_and_dedup(&mut diags, &sources);
        CheckOutcome {
            sources,
            diags,
            internal_errors,
            split_bodies,
        }
    }
}

/// At least this much stack is left for the front end: below it,
/// [`with_stack`] switches to a fresh stack.
const RED_ZONE: usize = 256 << 20;
/// The size of that fresh stack (reserved address space, committed as it
/// is used).
const STACK_SIZE: usize = 1 << 30;

/// Runs `f` with at least [`RED_ZONE`] bytes of stack, on a new stack
/// (same thread) if the current one has less left.
///
/// The parser bounds the tree's depth (`syntax::MAX_NESTING`), but the
/// checker's recursion costs a kilobyte or more per level, and some of it
/// follows declarations rather than the tree (`const c0 = c1; const c1 =
/// c2; ...` recurses once per constant), so no nesting limit bounds it. gc
/// grows its goroutine stacks; this is goscope's equivalent, so that the
/// front end survives deep inputs on any thread (a test's 2 MB, a main
/// thread's 8 MB), not only on the CLI's big one.
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, STACK_SIZE, f)
}

/// The CPU time the calling thread has used (for GOSCOPE_TIMING: the
/// front end's critical path, apart from the helpers' work).
pub(crate) fn thread_cpu_time() -> std::time::Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to write.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return std::time::Duration::ZERO;
    }
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The minor page faults the calling thread has taken (for GOSCOPE_TIMING:
/// each costs a zeroed page, so memory is time).
pub(crate) fn thread_page_faults() -> i64 {
    // SAFETY: an all-zero rusage is a valid value for getrusage to fill.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid rusage for the call to write.
    let r = unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut ru) };
    if r != 0 {
        return 0;
    }
    ru.ru_minflt
}

/// Parses and type-checks a single-file program.
pub fn check_source(name: &str, src: &[u8]) -> CheckOutcome {
    with_stack(|| check_source_impl(name, src, true, None, |_, _| ()).0)
}

/// [`check_source`] for a process that exits right after printing the
/// result: the syntax tree and the checker's tables are leaked instead of
/// freed. Freeing them is a walk over every node and object (millions of
/// `free` calls for a big program) whose memory the exit returns anyway.
/// Only the CLI uses this; tests and the REPL free normally.
///
/// The front end runs in the bump mode of [`crate::frontalloc`] (when the
/// process installs that allocator): its blocks are never returned to the
/// system, which costs nothing more here since the tree and tables are
/// leaked anyway.
pub fn check_source_for_exit(name: &str, src: &[u8]) -> CheckOutcome {
    // (GOSCOPE_NOBUMP, hidden: malloc only, for allocation profilers.)
    crate::frontalloc::set_bump(std::env::var_os("GOSCOPE_NOBUMP").is_none());
    let split = Some(crate::types::split::MIN_BODY_BYTES);
    let out = with_stack(|| check_source_impl(name, src, false, split, |_, _| ()).0);
    crate::frontalloc::set_bump(false);
    out
}

/// Like [`check_source`], then, if the program has no errors, runs `after`
/// on the syntax tree and the finished checker (escape analysis, the
/// compiler) before the checker's tables are dropped.
pub fn check_source_with<R>(
    name: &str,
    src: &[u8],
    after: impl for<'a> FnOnce(&'a File, &mut Checker<'a>) -> R,
) -> (CheckOutcome, Option<R>) {
    with_stack(|| check_source_impl(name, src, true, None, after))
}

/// [`check_source`] with function bodies checked on two threads when they
/// add up to at least `min_body_bytes` (see types/split.rs), for tests.
pub fn check_source_split(name: &str, src: &[u8], min_body_bytes: u32) -> CheckOutcome {
    with_stack(|| check_source_impl(name, src, true, Some(min_body_bytes), |_, _| ()).0)
}

/// Parses and checks; `split` (the least body bytes to split at) allows
/// checking function bodies on two threads, for a caller whose `after`
/// needs nothing but the diagnostics.
fn check_source_impl<R>(
    name: &str,
    src: &[u8],
    free: bool,
    split: Option<u32>,
    after: impl for<'a> FnOnce(&'a File, &mut Checker<'a>) -> R,
) -> (CheckOutcome, Option<R>) {
    let timing = std::env::var_os("GOSCOPE_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let mut sources = SourceMap::new();
    let ids = NodeIdGen::new();
    let (file, mut diags) = parse_file_parallel(&mut sources, name, src, &ids);
    if timing {
        eprintln!(
            "goscope: parse {:?} (this thread's CPU time so far {:?})",
            t0.elapsed(),
            thread_cpu_time()
        );
    }
    // A hidden switch for measuring the parser alone (instructions, page
    // faults): stop after the parse, as if the file were empty.
    if std::env::var_os("GOSCOPE_PARSE_ONLY").is_some() {
        release(file, free);
        return (CheckOutcome::new(sources, diags, Vec::new(), None), None);
    }
    let parse_errors: Vec<Pos> = diags.iter().map(|d| d.pos).collect();
    // Pragmas come only from `//go:` directives: a file without any
    // needs no walk over every statement to find them.
    let has_directives = sources
        .files()
        .first()
        .is_none_or(|f| f.src.contains("//go:"));
    if has_directives {
        diags.extend(noder_errors(&file));
    }
    // gc type-checks only syntactically valid files; other parse-time
    // errors (misplaced directives) do not stop it.
    if diags.iter().any(|d| d.message.starts_with("syntax error")) {
        // gc's parser still checks the labels and branches of the
        // functions without errors.
        let mut checker = Checker::new(sources, &ids);
        checker.parse_errors = parse_errors;
        checker.check_file_branches(&file);
        let sources = std::mem::take(&mut checker.sources);
        diags.extend(std::mem::take(&mut checker.diags));
        release(checker, free);
        release(file, free);
        return (CheckOutcome::new(sources, diags, Vec::new(), None), None);
    }
    let t1 = std::time::Instant::now();
    let cut = match split {
        Some(min) if diags.is_empty() => crate::types::split::choose_cut(&file, min),
        _ => None,
    };
    let mut split_bodies = cut.map(|_| false);
    let mut checker =
        match cut.and_then(|cut| check_split(&file, &sources, &ids, cut, free, timing)) {
            Some(c) => {
                split_bodies = Some(true);
                c
            }
            None => {
                if timing && cut.is_some() {
                    eprintln!("goscope: checking again on one thread ({:?})", t1.elapsed());
                }
                let mut c = Checker::new(sources, &ids);
                // A caller that may split needs only the diagnostics.
                c.info.set_recording(split.is_none());
                c.parse_errors = parse_errors;
                c.check_files(&[&file]);
                c
            }
        };
    if timing {
        eprintln!(
            "goscope: check {:?} (this thread's CPU time so far {:?})",
            t1.elapsed(),
            thread_cpu_time()
        );
    }
    let result = if diags.is_empty() && checker.diags.is_empty() {
        let t2 = std::time::Instant::now();
        let r = after(&file, &mut checker);
        if timing {
            eprintln!("goscope: after check {:?}", t2.elapsed());
        }
        Some(r)
    } else {
        None
    };
    let sources = std::mem::take(&mut checker.sources);
    let internal_errors = std::mem::take(&mut checker.internal_errors);
    diags.extend(std::mem::take(&mut checker.diags));
    release(checker, free);
    release(file, free);
    let out = CheckOutcome::new(sources, diags, internal_errors, split_bodies);
    (out, result)
}

/// Checks `file` with the bodies of the functions declared from `cut` on
/// checked on a second thread (types/split.rs); None if either thread
/// found an error, and the caller must check on one thread.
fn check_split<'a>(
    file: &'a File,
    sources: &SourceMap,
    ids: &'a NodeIdGen,
    cut: Pos,
    free: bool,
    timing: bool,
) -> Option<Checker<'a>> {
    use crate::types::check::Side;
    use crate::types::split::{check_second_half, BodySplit};
    let user = sources.files().first()?;
    let (name, text): (&str, _) = (&user.name, user.src.clone());
    let first_id = ids.count();
    let bump = crate::frontalloc::bump_enabled();
    let t = std::time::Instant::now();
    std::thread::scope(|s| {
        let second = std::thread::Builder::new()
            .spawn_scoped(s, move || {
                crate::frontalloc::set_bump(bump);
                let r = with_stack(|| check_second_half(file, name, text, first_id, cut, free));
                (r, t.elapsed())
            })
            .ok()?;
        let mut c = Checker::new(sources.clone(), ids);
        c.info.set_recording(false);
        c.st.split = Some(BodySplit {
            cut,
            role: Side::First,
        });
        c.check_files_to_bodies(&[file]);
        let first_done = t.elapsed();
        let (second, second_done) = second.join().ok()?;
        if timing {
            eprintln!("goscope: bodies split: first thread {first_done:?}, second {second_done:?}");
        }
        let mut ok = !c.st.first_err && c.diags.is_empty() && c.merge_second_half(second);
        if ok {
            c.st.split = None;
            c.finish_files();
            ok = c.diags.is_empty() && c.internal_errors.is_empty();
        }
        if ok {
            Some(c)
        } else {
            release(c, free);
            None
        }
    })
}

/// Drops `x`, or (when the process is about to exit) leaks it.
fn release<T>(x: T, free: bool) {
    if free {
        drop(x);
    } else {
        std::mem::forget(x);
    }
}

/// Errors gc's noder reports while parsing: compiler directives where no
/// declaration may carry them.
fn noder_errors(file: &File) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    misplaced(&file.pragma, &mut out);
    for d in &file.decls {
        decl_pragmas(d, &mut out);
        if let Decl::Func(f) = d {
            if let Some(body) = &f.body {
                block_pragmas(&body.stmts, &mut out);
            }
        }
    }
    out
}

fn misplaced(p: &Pragma, out: &mut Vec<Diagnostic>) {
    out.extend(
        p.misplaced
            .iter()
            .map(|&pos| Diagnostic::new(pos, "misplaced compiler directive")),
    );
}

fn decl_pragmas(d: &Decl, out: &mut Vec<Diagnostic>) {
    match d {
        Decl::Import(d) => misplaced(&d.pragma, out),
        Decl::Const(d) => misplaced(&d.pragma, out),
        Decl::Var(d) => misplaced(&d.pragma, out),
        Decl::Func(d) => misplaced(&d.pragma, out),
        Decl::Type(d) => {
            misplaced(&d.pragma, out);
            // No directive applies to an alias (gc: go:notinheap on one is misplaced).
            if d.alias {
                for (pos, text) in &d.pragma.directives {
                    if text.as_str().starts_with("go:notinheap")
                        && !d.pragma.misplaced.contains(pos)
                    {
                        out.push(Diagnostic::new(*pos, "misplaced compiler directive"));
                    }
                }
            }
        }
    }
}

/// Directives on declarations inside function bodies (and closures).
fn block_pragmas(stmts: &[Stmt], out: &mut Vec<Diagnostic>) {
    for s in stmts {
        match &s.kind {
            StmtKind::Decl(decls) => decls.iter().for_each(|d| decl_pragmas(d, out)),
            StmtKind::Block(b) => block_pragmas(&b.stmts, out),
            StmtKind::Labeled { stmt, .. } => block_pragmas(std::slice::from_ref(stmt), out),
            StmtKind::If { then, els, .. } => {
                block_pragmas(&then.stmts, out);
                if let Some(e) = els {
                    block_pragmas(std::slice::from_ref(e), out);
                }
            }
            StmtKind::For { body, .. } => block_pragmas(&body.stmts, out),
            StmtKind::Switch { body, .. } => body.iter().for_each(|c| block_pragmas(&c.body, out)),
            StmtKind::Select { body, .. } => body.iter().for_each(|c| block_pragmas(&c.body, out)),
            _ => {}
        }
    }
}
