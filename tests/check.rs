//! Golden tests for `goscope check`: every Go file under tests/check/errors
//! and tests/check/spec has a `.err` file with the diagnostics expected in
//! gc's one-line form (recorded from gc 1.19 by tools/gc-expect, or for
//! spec/ the wording); every file under tests/check/valid and
//! examples/ must be accepted without diagnostics.

use std::path::{Path, PathBuf};

use goscope::diag::render_gc;
use goscope::driver::check_source;

fn go_files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("reading {}: {e}", root.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    files
}

/// Runs the check on a big-stack thread, as the CLI does.
fn check(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let src = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let out = check_source(&name, &src);
            let mut text = render_gc(&out.diags, &out.sources);
            for e in out.internal_errors {
                text.push_str(&format!("internal error: {e}\n"));
            }
            text
        })
        .expect("spawn")
        .join()
        .expect("check panicked")
}

fn expected(path: &Path) -> String {
    let err = path.with_extension("err");
    let text =
        std::fs::read_to_string(&err).unwrap_or_else(|e| panic!("reading {}: {e}", err.display()));
    text.lines()
        .filter(|l| !l.starts_with("# "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn run_golden(dir: &str) {
    let mut failures = Vec::new();
    for f in go_files(dir) {
        let got = check(&f);
        let want = expected(&f);
        if got != want {
            failures.push(format!("--- {}\nwant:\n{want}got:\n{got}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn errors_match_gc() {
    run_golden("tests/check/errors");
}

#[test]
fn errors_match_spec() {
    run_golden("tests/check/spec");
}

#[test]
fn valid_programs_are_accepted() {
    let mut failures = Vec::new();
    for dir in ["tests/check/valid", "examples"] {
        for f in go_files(dir) {
            let got = check(&f);
            if !got.is_empty() {
                failures.push(format!("--- {}\n{got}", f.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "valid programs rejected:\n{}",
        failures.join("\n")
    );
}
