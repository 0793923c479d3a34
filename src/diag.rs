//! Diagnostics: what every front-end pass returns beside its result, and
//! their two renderings.
//!
//! A [`Diagnostic`] is a position and gc's message text. Passes never
//! print; the CLI renders either gc's one-line form `FILE:LINE:COL: msg`
//! (for tools, tests, and whenever stderr is not a terminal) or miette's
//! graphical report with the source line and a label.
//!
//! Like gc, the list is sorted by position and exact duplicate lines are
//! dropped before printing; unlike gc without -e, nothing is cut off
//! after ten errors, so tools can score every message.

use std::fmt::Write;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

use crate::syntax::pos::{Pos, SourceMap};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub message: String,
}

impl Diagnostic {
    pub fn new(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            pos,
            message: message.into(),
        }
    }
}

/// Sorts by position (stable) and removes repeated identical messages at
/// the same position, as gc's FlushErrors does.
pub fn sort_and_dedup(diags: &mut Vec<Diagnostic>, map: &SourceMap) {
    diags.sort_by_key(|d| {
        let p = map.position(d.pos);
        (p.file, p.line, p.col)
    });
    diags.dedup_by(|a, b| {
        let (pa, pb) = (map.position(a.pos), map.position(b.pos));
        pa.line == pb.line && pa.file == pb.file && a.message == b.message
    });
}

/// gc's form: one `FILE:LINE:COL: message` line per diagnostic.
pub fn render_gc(diags: &[Diagnostic], map: &SourceMap) -> String {
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{}: {}", map.position(d.pos), d.message);
    }
    out
}

/// miette's graphical report, one per diagnostic, with the source line.
pub fn render_fancy(diags: &[Diagnostic], map: &SourceMap, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme);
    let mut out = String::new();
    for d in diags {
        let Some(file) = map.file(d.pos) else {
            let _ = writeln!(out, "error: {}", d.message);
            continue;
        };
        let offset = (d.pos.0 - file.base) as usize;
        let (headline, rest) = match d.message.split_once('\n') {
            Some((h, r)) => (h.to_string(), Some(r.replace('\t', "  "))),
            None => (d.message.clone(), None),
        };
        let len = token_len(&file.src, offset);
        let mut diag = MietteDiagnostic::new(headline.clone()).with_labels([LabeledSpan::at(
            offset..offset + len,
            short_label(&headline),
        )]);
        if let Some(r) = rest {
            diag = diag.with_help(r);
        }
        let pos = map.position(d.pos);
        let src = NamedSource::new(
            format!("{}:{}:{}", file.name, pos.line, pos.col),
            file.src.to_string(),
        );
        let report = miette::Report::new(diag).with_source_code(src);
        let mut buf = String::new();
        if handler.render_report(&mut buf, report.as_ref()).is_err() {
            let _ = writeln!(out, "{}: {}", pos, d.message);
            continue;
        }
        out.push_str(&buf);
    }
    out
}

/// The length of the token starting at `offset`, for the label underline.
fn token_len(src: &str, offset: usize) -> usize {
    let rest = src.get(offset..).unwrap_or("");
    let n = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    if n == 0 {
        rest.chars().next().map(char::len_utf8).unwrap_or(0)
    } else {
        n
    }
}

/// A short label for the underline: the part of the message before any
/// parenthesized detail.
fn short_label(msg: &str) -> String {
    let m = msg.strip_prefix("syntax error: ").unwrap_or(msg);
    match m.find(" (") {
        Some(i) if i > 0 => m[..i].to_string(),
        _ => m.to_string(),
    }
}
