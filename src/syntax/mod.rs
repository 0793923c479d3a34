//! Lexing and parsing of Go source into the tree of [`ast`].
//!
//! One entry point, [`parse_file`]: bytes in, a tree and gc-worded
//! diagnostics out. Parsing never fails: a file with errors still gives a
//! tree (with `Bad` nodes where the parser recovered), so later passes can
//! run and report more.
//!
//! Code map:
//! - `token.rs`   the tokens; the logos derive of the regular ones.
//! - `lexer.rs`   gc's scanner: literal scanners, semicolon insertion,
//!   `//go:` directives, source sanitizing (NUL, bad UTF-8, BOM).
//! - `grammar/go.lalrpop` (crate root) the LALR(1) grammar; `parser.rs`
//!   runs it, `actions/` builds nodes and does gc's parser checks,
//!   `parse_error.rs` words syntax errors as gc does.
//! - `ctx.rs`     per-parse state: node ids, diagnostics, directives, the
//!   nesting limit.
//! - `scratch.rs` the stacks statement and expression lists are built on.
//! - `dump.rs`    `--dump-ast`, `--dump-tokens`, gc's expression printer.
//!
//! Architecture invariants: every node id handed out is unique within a
//! [`NodeIdGen`], a later declaration's ids are larger; they are
//! dense except for the gap between the two chunks of a big file parsed
//! in parallel ([`parse_file_parallel`]); no tree is deeper than
//! [`MAX_NESTING`]; no input makes the parser panic.

mod actions;
pub mod ast;
mod chunks;
mod ctx;
mod dump;
pub mod lexer;
mod parse_error;
mod parser;
pub mod pos;
pub mod positions;
pub mod printer;
mod scratch;
pub mod symbol;
pub mod token;

use crate::diag::Diagnostic;
pub use ctx::{NodeIdGen, MAX_NESTING};
pub use dump::{dump_file, dump_file_with_positions, dump_tokens, stmt_string};
pub use parse_error::{message as syntax_error_message, BraceKind, ErrorContext};

use self::ast::{File, Ident, Pragma};
use self::pos::{Pos, SourceMap};

/// Parses one Go source file. The file is added to `map` (so positions in
/// the result resolve through it), node ids come from `ids`. Diagnostics
/// are in gc's wording and at gc's positions, sorted by position, with
/// gc's "one syntax error per line" rule applied.
pub fn parse_file(
    map: &mut SourceMap,
    name: &str,
    src: &[u8],
    ids: &NodeIdGen,
) -> (File, Vec<Diagnostic>) {
    parse_file_impl(map, name, src, ids, false)
}

/// [`parse_file`] for the file a session is about: a big file is parsed
/// as two chunks on two threads when that gives the same tree (see
/// `chunks.rs`; the second chunk's node ids then start after a gap).
pub fn parse_file_parallel(
    map: &mut SourceMap,
    name: &str,
    src: &[u8],
    ids: &NodeIdGen,
) -> (File, Vec<Diagnostic>) {
    parse_file_impl(map, name, src, ids, true)
}

fn parse_file_impl(
    map: &mut SourceMap,
    name: &str,
    src: &[u8],
    ids: &NodeIdGen,
    parallel: bool,
) -> (File, Vec<Diagnostic>) {
    let mut lex_errors = Vec::new();
    let text = lexer::sanitize(src, &mut lex_errors);
    let Some(base) = map.next_base(text.len()) else {
        let pos = map.files().last().map_or(Pos(0), |f| Pos(f.end()));
        let d = Diagnostic::new(pos, format!("{name}: source too large"));
        return (empty_file(pos, ids), vec![d]);
    };
    // The source map's copy of a big file is made while its second half
    // is parsed.
    let mut added = None;
    if parallel && lex_errors.is_empty() {
        let add = || added = map.add(name, std::sync::Arc::from(&*text));
        if let Some(f) = chunks::parse_parallel(&text, base, ids, add) {
            if added.is_some() {
                return (f, Vec::new());
            }
        }
    }
    let added = added.or_else(|| map.add(name, std::sync::Arc::from(&*text)));
    let Some(file) = added else {
        let d = Diagnostic::new(Pos(base), format!("{name}: source too large"));
        return (empty_file(Pos(base), ids), vec![d]);
    };
    let ctx = ctx::ParseCtx::with_source(ids.count(), &file.src, file.base);
    for (off, msg) in lex_errors {
        ctx.error(Pos(file.base + off), msg);
    }
    let parsed = parser::run(&ctx);
    ids.0.set(ctx.end_id());
    let mut f = parsed.unwrap_or_else(|| empty_file(Pos(file.base), ids));
    let rest = ctx.untaken_directives();
    f.pragma.directives.extend(rest.directives);
    f.pragma.misplaced.extend(rest.misplaced);
    // gc's parser also runs its branch checks (syntax/branches.go); in
    // goscope the checker does (types/labels.rs), with gc's messages.
    let diags = ctx.diags.into_inner();
    let diags = finish_diagnostics(map, diags);
    (f, diags)
}

/// The tokens of a source (positions are byte offsets: the source is not
/// added to any [`SourceMap`]) with the lexer's diagnostics: what
/// `--dump-tokens` shows, and a handle for tests and the REPL.
pub fn tokenize(src: &[u8]) -> (Vec<(Pos, token::Tok, Pos)>, Vec<Diagnostic>) {
    let mut lex_errors = Vec::new();
    let text = lexer::sanitize(src, &mut lex_errors);
    let ctx = ctx::ParseCtx::new(0);
    for (off, msg) in lex_errors {
        ctx.error(Pos(off), msg);
    }
    let toks: Vec<_> = lexer::Lexer::new(&text, 0, &ctx).flatten().collect();
    let mut diags = ctx.diags.into_inner();
    diags.sort_by_key(|d| d.pos);
    (toks, diags)
}

fn empty_file(pos: Pos, ids: &NodeIdGen) -> File {
    let pkg_name = Ident {
        id: ids.next(),
        pos,
        sym: symbol::Symbol::intern("_"),
    };
    File {
        pos,
        pragma: Pragma::default(),
        pkg_name,
        decls: Vec::new(),
        eof: pos,
    }
}

/// gc's reporting rules (base.ErrorfAt): only the first syntax error of a
/// line and one of equal other errors on a line (in the order reported),
/// then sorted by position.
fn finish_diagnostics(map: &SourceMap, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut last_syntax = None;
    let mut last_other: Option<((String, u32), String)> = None;
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    let mut seen: std::collections::HashSet<(Pos, String)> = std::collections::HashSet::new();
    for d in diags {
        let p = map.position(d.pos);
        let line = (p.file, p.line);
        if d.message.starts_with("syntax error") {
            if last_syntax.as_ref() == Some(&line) {
                continue;
            }
            last_syntax = Some(line);
        } else {
            // gc prints one of several equal messages on a line.
            if last_other
                .as_ref()
                .is_some_and(|(l, m)| *l == line && *m == d.message)
            {
                continue;
            }
            last_other = Some((line, d.message.clone()));
        }
        // (A set, not a scan of `out`: a file can have 100,000 errors.)
        if !seen.insert((d.pos, d.message.clone())) {
            continue;
        }
        out.push(d);
    }
    out.sort_by_key(|d| d.pos);
    out
}
