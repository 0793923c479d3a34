//! Runs the examples goscope can run today (examples/running.txt, one
//! name per line) and compares stdout, stderr and exit status with gc
//! 1.19's (X.out, X.err, X.code, made by examples/gen.sh). The list is a
//! ratchet: an example joins it when it passes (the others wait for fmt
//! and interfaces) and never leaves it; when every example runs, the list
//! becomes all of examples/*.go.

use std::path::Path;
use std::process::Command;

#[test]
fn examples_run_as_gc_runs_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let list = std::fs::read_to_string(dir.join("running.txt")).expect("examples/running.txt");
    let names: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for name in names {
        let read = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{ext}")))
                .unwrap_or_else(|e| panic!("{name}.{ext}: {e}"))
        };
        let out = Command::new(env!("CARGO_BIN_EXE_goscope"))
            .arg("run")
            .arg(format!("{name}.go"))
            .current_dir(&dir)
            .output()
            .expect("run goscope");
        let got = (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code().unwrap_or(-1).to_string(),
        );
        let want = (read("out"), read("err"), read("code").trim().to_string());
        if got != want {
            failures.push(format!("{name}: got {got:?}\nwant {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
