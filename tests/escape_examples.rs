//! `goscope escape` against gc: every program in examples/escape/ must
//! give, line for line, the report in its golden files — gc 1.19's
//! `go build -gcflags='-m -l'` output (X.out) and `-m=2` output with the
//! flow explanations (X.out2), sorted by position, recorded by
//! examples/escape/gen.sh (never by goscope).

use std::path::Path;

use goscope::driver::check_source_with;
use goscope::escape::analyze_level;

/// goscope's -m report for one file, as `goscope escape` prints it.
fn report(name: &str, src: &[u8]) -> String {
    let (out, info) = check_source_with(name, src, |file, checker| {
        analyze_level(&[file], checker, 1)
    });
    assert!(
        out.diags.is_empty(),
        "{name} does not compile: {:?}",
        out.diags
    );
    let info = info.unwrap_or_default();
    let mut text = String::new();
    for d in info.report(1) {
        text.push_str(&format!("{}: {}\n", out.sources.position(d.pos), d.text));
    }
    text
}

/// Compares `goscope escape` with the golden report of every program in
/// `dir` that has one (`X.go` with `X{suffix}`); returns the mismatches and
/// how many programs were compared.
fn compare_dir(dir: &str, suffix: &str) -> (Vec<String>, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("golden directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut compared = 0;
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let golden_path = path.with_file_name(format!("{}{suffix}", name.trim_end_matches(".go")));
        let Ok(golden) = std::fs::read_to_string(&golden_path) else {
            continue;
        };
        compared += 1;
        let src = std::fs::read(path).expect("read example");
        let want: String = golden
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let got = report(&name, &src);
        if got != want {
            failures.push(format!("{name}:\n--- gc\n{want}--- goscope\n{got}"));
        }
    }
    (failures, compared)
}

#[test]
fn examples_match_gc() {
    let (failures, compared) = compare_dir("examples/escape", ".out");
    assert!(compared >= 20, "expected the example programs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The project's other valid programs (tests/check/valid, examples/) have
/// gc's `-m -l` report too (X.escape.out, made by examples/escape/gen.sh).
#[test]
fn other_programs_match_gc() {
    let mut all = Vec::new();
    let mut total = 0;
    for dir in ["tests/check/valid", "examples"] {
        let (failures, compared) = compare_dir(dir, ".escape.out");
        all.extend(failures);
        total += compared;
    }
    assert!(
        total >= 3,
        "expected golden reports for tests/check/valid and examples"
    );
    assert!(all.is_empty(), "{}", all.join("\n"));
}

/// The side tables the compiler reads: frame or heap per variable (by
/// object), stack or heap per allocation site (by node and kind), tags.
#[test]
fn api_side_tables() {
    use goscope::escape::{FuncKey, SiteKind, Storage};
    use goscope::syntax::ast::{Decl, ExprKind, StmtKind};
    let src = b"package main

func leak() *int {
	x := 1
	y := 2
	_ = y
	return &x
}

func keep(p *int) int { return *p }

func main() {
	s := make([]int, 4)
	t := new(int)
	_ = keep(t)
	_ = leak()
	_ = s
	for i := 0; i < 2; i++ {
		defer keep(t)
	}
	go keep(t)
}
";
    let (out, checked) = check_source_with("api.go", src, |file, checker| {
        let info = analyze_level(&[file], checker, 0);
        let mut found = Vec::new();
        for d in &file.decls {
            let Decl::Func(f) = d else { continue };
            let Some(body) = &f.body else { continue };
            let fobj = checker.info.def_of(f.name.id).flatten();
            if let Some(o) = fobj {
                found.push(format!(
                    "tags {}: {:?}",
                    f.name.sym.as_str(),
                    info.param_tags.get(&FuncKey::Decl(o)).map(|t| t.len())
                ));
            }
            for s in &body.stmts {
                match &s.kind {
                    StmtKind::Assign {
                        lhs,
                        rhs: Some(rhs),
                        ..
                    } => {
                        if let Some(obj) = lhs
                            .as_name()
                            .and_then(|_| checker.info.def_of(lhs.id).flatten())
                        {
                            found.push(format!(
                                "var {}: {:?}",
                                lhs.as_name()
                                    .map(|n| n.as_str().to_string())
                                    .unwrap_or_default(),
                                info.var(obj)
                            ));
                        }
                        if let ExprKind::Call { .. } = &rhs.kind {
                            if let Some(st) = info.site(rhs.id, SiteKind::Expr) {
                                found.push(format!(
                                    "site {}: {:?}",
                                    lhs.as_name()
                                        .map(|n| n.as_str().to_string())
                                        .unwrap_or_default(),
                                    st
                                ));
                            }
                        }
                    }
                    StmtKind::For { body, .. } => {
                        for d in &body.stmts {
                            found.push(format!(
                                "defer in loop: {:?}",
                                info.site(d.id, SiteKind::GoDefer)
                            ));
                        }
                    }
                    StmtKind::Call { .. } => {
                        found.push(format!("go: {:?}", info.site(s.id, SiteKind::GoDefer)))
                    }
                    _ => {}
                }
            }
        }
        assert!(info.diags.is_empty(), "level 0 records no diagnostics");
        let _ = Storage::Frame;
        found
    });
    assert!(out.diags.is_empty(), "{:?}", out.diags);
    let found = checked.unwrap_or_default();
    let want = [
        "tags leak: Some(0)",
        "var x: Heap",
        "var y: Frame",
        "tags keep: Some(1)",
        "tags main: Some(0)",
        "var s: Frame",
        "site s: Frame",
        "var t: Frame",
        "site t: Heap",
        "defer in loop: Some(Heap)",
        "go: Some(Heap)",
    ];
    assert_eq!(found, want);
}
