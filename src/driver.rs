//! The front-end pipeline behind `goscope check`: parse, then (if the
//! syntax is valid, as gc does) type-check, collecting diagnostics.

use crate::diag::{sort_and_dedup, Diagnostic};
use crate::syntax::pos::SourceMap;
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
    let mut sources = SourceMap::new();
    let ids = NodeIdGen::new();
    let (file, mut diags) = parse_file(&mut sources, name, src, &ids);
    // Like gc, only syntax errors stop before type checking; the parser's
    // other errors ("expression in defer must be function call") are
    // reported together with the checker's.
    if diags.iter().any(|d| d.message.starts_with("syntax error")) {
        sort_and_dedup(&mut diags, &sources);
        return CheckOutcome { sources, diags, internal_errors: Vec::new() };
    }
    let mut checker = Checker::new(sources, &ids);
    checker.check_files(&[&file]);
    let Checker { sources, diags: tdiags, internal_errors, .. } = checker;
    diags.extend(tdiags);
    sort_and_dedup(&mut diags, &sources);
    CheckOutcome { sources, diags, internal_errors }
}
