//! The parser against real Go: the Go 1.19 distribution's test suite and
//! standard library must parse without a diagnostic, and the suite's files
//! with deliberate syntax errors must get gc's diagnostics (stored in
//! tests/syntax/gc-suite/*.gc, produced by gc itself via regen-gc.sh).
//!
//! The tests skip (pass, saying so) when the Go distribution is absent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use goscope::syntax::{parse_file, pos::SourceMap, NodeIdGen};

const TEST_DIR: &str = "/usr/share/go-1.19/test";
const SRC_DIR: &str = "/usr/lib/go-1.19/src";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Parses `path`, naming it `name`; returns `name:line:col: message` lines.
fn diagnostics(path: &Path, name: &str) -> Vec<String> {
    let src = std::fs::read(path).unwrap_or_default();
    let mut map = SourceMap::new();
    let (_, diags) = parse_file(&mut map, name, &src, &NodeIdGen::new());
    diags
        .iter()
        .map(|d| format!("{}: {}", map.position(d.pos), d.message))
        .collect()
}

#[test]
fn go_suite_valid_files_parse_clean() {
    let list = Path::new("/work/shared/tools/go-suite.valid");
    let list = std::fs::read_to_string(list)
        .or_else(|_| std::fs::read_to_string(manifest().join("../shared/tools/go-suite.valid")));
    let (Ok(list), true) = (list, Path::new(TEST_DIR).is_dir()) else {
        eprintln!("skipped: Go test suite or go-suite.valid not found");
        return;
    };
    let mut bad = Vec::new();
    let mut n = 0;
    for f in list.lines().filter(|l| !l.trim().is_empty()) {
        n += 1;
        let d = diagnostics(&Path::new(TEST_DIR).join(f), f);
        if !d.is_empty() {
            bad.push(format!("{f}: {}", d.join(" | ")));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {n} files have diagnostics:\n{}",
        bad.len(),
        bad.join("\n")
    );
    eprintln!("{n} go-suite files parsed without diagnostics");
}

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            // testdata holds deliberately broken files.
            if p.file_name().is_some_and(|n| n != "testdata") {
                go_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

#[test]
fn standard_library_parses_clean() {
    if !Path::new(SRC_DIR).is_dir() {
        eprintln!("skipped: {SRC_DIR} not found");
        return;
    }
    let mut files = Vec::new();
    go_files(Path::new(SRC_DIR), &mut files);
    let mut bad = Vec::new();
    for f in &files {
        let d = diagnostics(f, &f.to_string_lossy());
        if !d.is_empty() {
            bad.push(d.join(" | "));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} files have diagnostics:\n{}",
        bad.len(),
        files.len(),
        bad.join("\n")
    );
    eprintln!(
        "{} standard library files parsed without diagnostics",
        files.len()
    );
}

/// gc's diagnostics that goscope's parser owns: syntax errors and the
/// scanner's. (gc's parser also checks branches and labels; in goscope the
/// checker does, types/labels.rs. Other phases' lines are skipped.)
fn parser_owned(line: &str) -> bool {
    const OWN: &[&str] = &[
        "syntax error",
        "invalid character",
        "not terminated",
        "newline in",
        "rune literal",
        "escape",
        "invalid digit",
        "must separate",
        "has no digits",
        "exponent",
        "mantissa",
        "radix point",
        "invalid NUL",
        "invalid UTF-8",
        "invalid BOM",
        "identifier cannot begin",
        "expression in go",
        "expression in defer",
        "index required in 3-index slice",
        "method has",
        "empty type parameter list",
        "generic type cannot be alias",
    ];
    OWN.iter().any(|o| line.contains(o)) && !line.contains("too many errors")
}

#[test]
fn go_suite_syntax_errors_match_gc() {
    let dir = manifest().join("tests/syntax/gc-suite");
    if !Path::new(TEST_DIR).is_dir() {
        eprintln!("skipped: Go test suite not found");
        return;
    }
    let files = std::fs::read_to_string(dir.join("files.txt")).unwrap();
    let known: HashMap<String, String> = std::fs::read_to_string(dir.join("known-differences.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect();
    let (mut same, mut failures, mut fixed) = (0, Vec::new(), Vec::new());
    for f in files.lines().filter(|l| !l.is_empty()) {
        let gc_out =
            std::fs::read_to_string(dir.join(format!("{}.gc", f.replace('/', "_")))).unwrap();
        let want: Vec<&str> = gc_out.lines().filter(|l| parser_owned(l)).collect();
        let got = diagnostics(&Path::new(TEST_DIR).join(f), f);
        if want == got {
            same += 1;
            if known.contains_key(f) {
                fixed.push(f.to_string());
            }
        } else if !known.contains_key(f) {
            failures.push(format!(
                "{f}:\n  gc:\n    {}\n  goscope:\n    {}",
                want.join("\n    "),
                got.join("\n    ")
            ));
        }
    }
    eprintln!("{same} files match gc exactly; known differences now matching: {fixed:?}");
    assert!(
        failures.is_empty(),
        "{} files differ from gc:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
