//! The front-end pipeline behind `goscope check`: parse, then (if the
//! syntax is valid, as gc does) type-check, collecting diagnostics.

use crate::diag::{sort_and_dedup, Diagnostic};
use crate::syntax::ast::{Decl, File, Pragma, Stmt, StmtKind};
use crate::syntax::pos::{Pos, SourceMap};
use crate::syntax::{parse_file, NodeIdGen};
use crate::types::Checker;

/// The result of checking one file.
pub struct CheckOutcome {
    pub sources: SourceMap,
    /// Sorted and deduplicated, gc's way.
    pub diags: Vec<Diagnostic>,
    /// Errors in goscope's own std API files: goscope bugs, never the
    /// user's.
    pub internal_errors: Vec<String>,
}

/// Parses and type-checks a single-file program.
pub fn check_source(name: &str, src: &[u8]) -> CheckOutcome {
    check_source_with(name, src, |_, _| ()).0
}

/// Like [`check_source`], then, if the program has no errors, runs `after`
/// on the syntax tree and the finished checker (escape analysis, the
/// compiler) before the checker's tables are dropped.
pub fn check_source_with<R>(
    name: &str,
    src: &[u8],
    after: impl for<'a> FnOnce(&'a File, &Checker<'a>) -> R,
) -> (CheckOutcome, Option<R>) {
    let timing = std::env::var_os("GOSCOPE_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let mut sources = SourceMap::new();
    let ids = NodeIdGen::new();
    let (file, mut diags) = parse_file(&mut sources, name, src, &ids);
    if timing {
        eprintln!("goscope: parse {:?}", t0.elapsed());
    }
    let parse_errors: Vec<Pos> = diags.iter().map(|d| d.pos).collect();
    diags.extend(noder_errors(&file));
    // gc type-checks only syntactically valid files; other parse-time
    // errors (misplaced directives) do not stop it.
    if diags.iter().any(|d| d.message.starts_with("syntax error")) {
        // gc's parser still checks the labels and branches of the
        // functions without errors.
        let mut checker = Checker::new(sources, &ids);
        checker.parse_errors = parse_errors;
        checker.check_file_branches(&file);
        let Checker {
            sources,
            diags: bdiags,
            ..
        } = checker;
        diags.extend(bdiags);
        sort_and_dedup(&mut diags, &sources);
        let out = CheckOutcome {
            sources,
            diags,
            internal_errors: Vec::new(),
        };
        return (out, None);
    }
    let t1 = std::time::Instant::now();
    let mut checker = Checker::new(sources, &ids);
    checker.parse_errors = parse_errors;
    checker.check_files(&[&file]);
    if timing {
        eprintln!("goscope: check {:?}", t1.elapsed());
    }
    let result = if diags.is_empty() && checker.diags.is_empty() {
        let t2 = std::time::Instant::now();
        let r = after(&file, &checker);
        if timing {
            eprintln!("goscope: after check {:?}", t2.elapsed());
        }
        Some(r)
    } else {
        None
    };
    let Checker {
        sources,
        diags: tdiags,
        internal_errors,
        ..
    } = checker;
    diags.extend(tdiags);
    sort_and_dedup(&mut diags, &sources);
    let out = CheckOutcome {
        sources,
        diags,
        internal_errors,
    };
    (out, result)
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
