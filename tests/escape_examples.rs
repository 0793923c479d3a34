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

#[test]
fn examples_match_gc() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/escape");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/escape")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "expected the example programs");
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let src = std::fs::read(path).expect("read example");
        let golden_path = path.with_extension("out");
        let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
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
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
