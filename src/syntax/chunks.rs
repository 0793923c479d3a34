//! Parsing a big file as two chunks on two threads.
//!
//! gc parses the files of a package concurrently (noder.LoadPackage);
//! goscope's programs are single files, so a big file is cut in two at a
//! top-level declaration near its middle, the halves are parsed at the
//! same time, and their declarations are joined. The result is the tree
//! the sequential parse builds, except that the second half's node ids
//! (and declaration group numbers) start after a gap: ids stay unique and
//! in source order, and side tables sized by [`NodeIdGen::count`] cover
//! them.
//!
//! Why the join is exact: the cut is at the start of a line that begins
//! a `func`, `type`, `var` or `const` declaration right after a line
//! holding only `}` or `)`. If the first chunk lexes and parses as a
//! complete file without any diagnostic, the cut lies outside every
//! comment, string and bracket, where the sequential lexer is in its
//! initial state (no pending semicolon: the `}` or `)` line's newline
//! already produced one), so the
//! sequential token stream is the first chunk's followed by the second
//! chunk's; and an LR parse of `package p; D1...; D2...;` reduces each
//! top-level declaration on its own. The second chunk is parsed behind a
//! synthetic `package main;` clause that is dropped.
//!
//! Anything unusual falls back to the sequential parse, which then
//! reports every diagnostic as always: a file below [`MIN_SPLIT`] bytes,
//! no cut found, `//go:` directives after the cut (kept simple: the
//! second chunk's parse has no package clause to attach them to), any
//! diagnostic in either chunk, an import in the second chunk (gc reports
//! those), or a first chunk that used more node ids than the gap left it.

use super::ast::{Decl, File};
use super::ctx::{decls_hint, NodeIdGen, ParseCtx};
use super::parser;

/// Files smaller than this are parsed sequentially: a thread costs more
/// than half their parse.
pub const MIN_SPLIT: usize = 256 << 10;

/// Stack of the helper thread: LALRPOP keeps its stacks on the heap, but
/// the grammar actions and dropping a tree recurse (bounded by
/// `MAX_NESTING`, as on the caller's thread).
const HELPER_STACK: usize = 256 << 20;

/// Where to cut `src`: the start of a line beginning a `func`, `type`,
/// `var` or `const` declaration whose previous line is `}` or `)` (blank
/// lines between allowed), at or after the middle; None if there is none.
pub fn cut(src: &str) -> Option<usize> {
    const KEYWORDS: [&[u8]; 6] = [b"func ", b"type ", b"var ", b"const ", b"var(", b"const("];
    let b = src.as_bytes();
    let mut from = b.len() / 2;
    while let Some(i) = b[from..].iter().position(|&c| c == b'\n') {
        let line = from + i + 1;
        from = line;
        let closing = matches!(b.get(line..line + 2), Some(b"}\n") | Some(b")\n"));
        if !closing {
            continue;
        }
        let mut at = line + 2;
        while b.get(at) == Some(&b'\n') {
            at += 1;
        }
        let rest = &b[at..];
        if KEYWORDS.iter().any(|k| rest.starts_with(k)) {
            return Some(at);
        }
    }
    None
}

/// A chunk's result: the tree and the id after its last one.
struct Chunk {
    file: File,
    end_id: u32,
}

/// Parses one chunk; None if it had any diagnostic, or for the second
/// chunk any directive. The first chunk's directives are handled as the
/// sequential parse handles them: none can belong to a declaration after
/// the cut, since a `}` line comes between.
fn parse_chunk(
    text: &str,
    base: u32,
    first_id: u32,
    first_group: u32,
    decls_only: bool,
    decls_room: usize,
) -> Option<Chunk> {
    let ctx = ParseCtx::with_source(first_id, text, base);
    ctx.set_first_group(first_group);
    ctx.decls_hint.set(decls_room);
    let file = if decls_only {
        parser::run_decls(&ctx)
    } else {
        parser::run(&ctx)
    }?;
    if !ctx.diags.borrow().is_empty() || decls_only && !ctx.directives.borrow().is_empty() {
        return None;
    }
    let mut file = file;
    let rest = ctx.untaken_directives();
    file.pragma.directives.extend(rest.directives);
    file.pragma.misplaced.extend(rest.misplaced);
    if decls_only && file.decls.iter().any(|d| matches!(d, Decl::Import(_))) {
        return None;
    }
    Some(Chunk {
        end_id: ctx.end_id(),
        file,
    })
}

/// Parses `src` (already sanitized and without lexer errors, at `base`)
/// as two chunks in parallel; None when the file does not qualify or a
/// chunk did not parse cleanly, and the caller must parse sequentially.
/// On success `ids` continues after the second chunk's ids.
///
/// `meanwhile` runs on the calling thread once the second chunk's parse
/// has started (the caller copies the source into its source map then,
/// instead of before); it does not run if the file does not qualify.
pub fn parse_parallel(
    src: &str,
    base: u32,
    ids: &NodeIdGen,
    meanwhile: impl FnOnce(),
) -> Option<File> {
    parse_parallel_from(src, base, ids, MIN_SPLIT, meanwhile)
}

/// [`parse_parallel`] for files of at least `min_split` bytes.
fn parse_parallel_from(
    src: &str,
    base: u32,
    ids: &NodeIdGen,
    min_split: usize,
    meanwhile: impl FnOnce(),
) -> Option<File> {
    if src.len() < min_split {
        return None;
    }
    let at = cut(src)?;
    let (head, tail) = src.split_at(at);
    if tail.contains("//go:") {
        return None;
    }
    let first = ids.count();
    // The first chunk's ids: about one per three bytes in real code; a
    // chunk that needs more than one per two falls back.
    let second = first.checked_add(u32::try_from(head.len() / 2 + 1024).ok()?)?;
    // Group numbers are per file; the second chunk's start far above any
    // the first chunk can reach (one per declaration keyword).
    let second_group = u32::try_from(head.len()).ok()?;
    let tail_base = base.checked_add(u32::try_from(at).ok()?)?;
    let bump = crate::frontalloc::bump_enabled();
    let (one, two) = std::thread::scope(|s| {
        let helper = std::thread::Builder::new()
            .stack_size(HELPER_STACK)
            .spawn_scoped(s, move || {
                crate::frontalloc::set_bump(bump);
                parse_chunk(
                    tail,
                    tail_base,
                    second,
                    second_group,
                    true,
                    decls_hint(tail.len()),
                )
            })
            .ok()?;
        meanwhile();
        // The first chunk's vector has room for the second's declarations.
        let one = parse_chunk(head, base, first, 0, false, decls_hint(src.len()));
        let two = helper.join().ok()?;
        Some((one?, two?))
    })?;
    if one.end_id > second {
        return None;
    }
    ids.0.set(two.end_id);
    let mut file = one.file;
    file.decls.extend(two.file.decls);
    file.eof = two.file.eof;
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::super::pos::SourceMap;
    use super::super::{dump_file_with_positions, parse_file, parse_file_parallel};
    use super::*;

    #[test]
    fn cuts_after_a_closing_brace_line() {
        let src = "package p\n\nfunc a() {\n}\n\n\nfunc b() {}\n";
        assert_eq!(cut(src), Some(src.find("func b").unwrap()));
        let v = "package p\nfunc a() {\n}\nvar x int\n";
        assert_eq!(cut(v), Some(v.find("var x").unwrap()));
        let c = "package p\nconst (\n\ta = iota\n)\n\nconst b = 1\n";
        assert_eq!(cut(c), Some(c.find("const b").unwrap()));
        assert_eq!(cut("package p\nfunc a() {\n}\nx := 1\n"), None);
        let t = "package p\n\nvar a = 1\n}\ntype T int\n";
        assert_eq!(cut(t), Some(t.find("type T").unwrap()));
    }

    /// A program of `n` copies of declarations with groups, methods,
    /// closures and shared parameter types, with `extra` at the end.
    fn program(n: usize, extra: &str) -> String {
        let mut s = String::from("package main\n\nimport \"fmt\"\n\n");
        for i in 0..n {
            s += &format!(
                "type T{i} struct {{\n\ta, b int\n\tc []string\n}}\n\n\
                 const (\n\tK{i} = iota\n\tL{i}\n)\n\n\
                 var (\n\tv{i}, w{i} int = 1, 2\n)\n\n\
                 func (t *T{i}) M(x, y int) (r int) {{\n\
                 \tf := func(a, b int) int {{ return a*b + {i} }}\n\
                 \tfor j := range t.c {{\n\t\tr += f(x, j) - y\n\t}}\n\
                 \tfmt.Println(t.a, L{i}, v{i})\n\treturn\n}}\n\n"
            );
        }
        s + extra
    }

    /// A parse's dump, diagnostics and id count.
    type Parsed = (String, Vec<String>, u32);

    /// The sequential and the parallel parse of `src`.
    fn dumps(src: &str) -> (Parsed, Parsed) {
        let one = |parallel: bool| {
            let mut map = SourceMap::new();
            let ids = NodeIdGen::new();
            let (f, d) = if parallel {
                parse_file_parallel(&mut map, "big.go", src.as_bytes(), &ids)
            } else {
                parse_file(&mut map, "big.go", src.as_bytes(), &ids)
            };
            // Group numbers differ after the cut; only their sharing counts.
            let dump = strip_groups(&dump_file_with_positions(&f, &map));
            let msgs = d
                .iter()
                .map(|d| format!("{:?} {}", d.pos, d.message))
                .collect();
            (dump, msgs, ids.count())
        };
        (one(false), one(true))
    }

    #[test]
    fn parallel_parse_builds_the_sequential_tree() {
        let src = program(1200, "");
        assert!(src.len() >= MIN_SPLIT);
        let ((seq, seq_diags, seq_ids), (par, par_diags, par_ids)) = dumps(&src);
        assert!(seq_diags.is_empty() && par_diags.is_empty());
        // The parallel parse happened: its ids have a gap.
        assert!(par_ids > seq_ids, "{par_ids} {seq_ids}");
        assert_eq!(seq, par);
        let file = {
            let mut map = SourceMap::new();
            parse_file_parallel(&mut map, "big.go", src.as_bytes(), &NodeIdGen::new()).0
        };
        let _: &(dyn Send + Sync) = &file;
    }

    /// The Go 1.19 standard library's files (skipped when absent), each
    /// cut wherever it can be, parse to the sequential tree.
    #[test]
    fn std_sources_parse_to_the_same_tree_when_cut() {
        let root = std::path::Path::new("/usr/lib/go-1.19/src");
        let mut checked = 0;
        for dir in [
            "fmt",
            "strings",
            "strconv",
            "go/types",
            "go/parser",
            "net/http",
            "runtime",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().is_none_or(|x| x != "go") {
                    continue;
                }
                let Ok(src) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let seq = {
                    let mut map = SourceMap::new();
                    let ids = NodeIdGen::new();
                    let (f, d) = parse_file(&mut map, "f.go", src.as_bytes(), &ids);
                    if !d.is_empty() {
                        continue;
                    }
                    strip_groups(&dump_file_with_positions(&f, &map))
                };
                let mut map = SourceMap::new();
                let Some(file) = map.add("f.go", std::sync::Arc::from(src.as_str())) else {
                    continue;
                };
                let ids = NodeIdGen::new();
                let Some(f) = parse_parallel_from(&file.src, file.base, &ids, 0, || ()) else {
                    continue;
                };
                assert_eq!(
                    seq,
                    strip_groups(&dump_file_with_positions(&f, &map)),
                    "{path:?}"
                );
                checked += 1;
            }
        }
        eprintln!("{checked} std files parsed in two chunks to the sequential tree");
    }

    fn strip_groups(dump: &str) -> String {
        dump.lines()
            .map(|l| l.split(" group=").next().unwrap_or(l).to_string() + "\n")
            .collect()
    }

    #[test]
    fn errors_and_directives_fall_back_to_the_sequential_parse() {
        for extra in [
            "func bad() {\n\tx := \n}\n",
            "import \"os\"\n",
            "//go:noinline\nfunc g() {}\n",
            "func s() { _ = \"unterminated }\n",
        ] {
            let src = program(1200, extra);
            let ((seq, seq_diags, seq_ids), (par, par_diags, par_ids)) = dumps(&src);
            assert_eq!(seq, par, "{extra}");
            assert_eq!(seq_diags, par_diags, "{extra}");
            assert_eq!(seq_ids, par_ids, "{extra}");
        }
    }
}
