//! Runs every tests/run/*.go with `goscope run` and compares stdout, exit
//! status and stderr with gc 1.19's (X.out, X.code, X.err, made by
//! tests/run/gen.sh). Tracebacks are compared modulo what differs between
//! two builds: pc offsets (`+0x1d`), the signal's pc, argument words, and
//! the directory of the file.

use std::path::Path;
use std::process::Command;

/// gc's stderr and goscope's, made comparable (see the module docs).
fn normalize(s: &str) -> String {
    let mut out = String::new();
    let mut in_trace = false;
    for line in s.lines() {
        let mut l = line.to_string();
        if l.starts_with("goroutine ") {
            in_trace = true;
        }
        if let Some(i) = l.find("pc=0x") {
            let end = l[i + 5..]
                .find(|c: char| !c.is_ascii_hexdigit())
                .map_or(l.len(), |e| i + 5 + e);
            l.replace_range(i..end, "pc=0x0");
        }
        if in_trace && l.starts_with("panic(") && l.ends_with(')') {
            l = "panic(...)".into();
        }
        if !in_trace && l.starts_with("panic: (") {
            // printpanicval of a non-basic value: `(main.T) 0xc000012345`.
            if let Some(i) = l.rfind(") 0x") {
                l.truncate(i + 2);
            }
        }
        if in_trace && l.starts_with('\t') {
            if let Some(plus) = l.find(" +0x") {
                l.truncate(plus);
            }
            if let Some(slash) = l.rfind('/') {
                l = format!("\t{}", &l[slash + 1..]);
            }
        } else if in_trace && l.ends_with(')') && !l.starts_with("goroutine ") {
            if let Some(open) = l.find('(').filter(|i| l[..*i].starts_with("main.")) {
                // The name may itself contain parentheses: main.(*T).M(...).
                let name_end = l[open..]
                    .find(").")
                    .map_or(open, |_| l.rfind('(').unwrap_or(open));
                l = format!("{}(...)", &l[..name_end]);
            }
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

#[test]
fn run_programs_as_gc_does() {
    let names = programs("tests/run");
    assert!(!names.is_empty());
    let failures: Vec<String> = names.iter().flat_map(|p| compare(p, false)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// examples/: one program per mechanism of the seed documents, with gc's
/// output from examples/gen.sh.
#[test]
fn examples_as_gc_does() {
    let names = programs("examples");
    assert!(!names.is_empty());
    let failures: Vec<String> = names.iter().flat_map(|p| compare(p, false)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// GOSCOPE_GCSTRESS=1 (a collection at every allocation, freed objects
/// poisoned) must not change any output: the tests/run and examples/
/// programs.
#[test]
fn run_programs_under_gcstress() {
    let mut failures = Vec::new();
    let mut stressed = 0;
    for p in programs("tests/run")
        .into_iter()
        .chain(programs("examples"))
    {
        failures.extend(compare(&p, true));
        stressed += 1;
    }
    assert!(stressed > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The .go files of a directory of the repository, sorted.
fn programs(dir: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("program directory")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    names.sort();
    names
}

/// Runs one program (under GOSCOPE_GCSTRESS=1 when `stress`) and compares
/// it with gc's X.out, X.code and X.err; the differences found.
fn compare(path: &Path, stress: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let stem = path.with_extension("");
    let read = |ext: &str| std::fs::read_to_string(stem.with_extension(ext)).unwrap_or_default();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_goscope"));
    cmd.arg("run").arg(path).env_remove("GOSCOPE_GCSTRESS");
    if stress {
        cmd.env("GOSCOPE_GCSTRESS", "1");
    }
    if let Some(dir) = path.parent() {
        cmd.current_dir(dir);
    }
    let out = cmd.output().expect("run goscope");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = if stress {
        format!("{name} (GOSCOPE_GCSTRESS=1)")
    } else {
        name
    };
    let code = out.status.code().unwrap_or(-1).to_string();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stdout != read("out") {
        failures.push(format!(
            "{name}: stdout\n--- got\n{stdout}--- want\n{}",
            read("out")
        ));
    }
    if code != read("code").trim() {
        failures.push(format!("{name}: exit {code}, want {}", read("code").trim()));
    }
    let (got, want) = (normalize(&stderr), normalize(&read("err")));
    if got != want {
        failures.push(format!("{name}: stderr\n--- got\n{got}--- want\n{want}"));
    }
    failures
}

#[test]
fn tracebacks_compare_modulo_offsets() {
    let gc = "panic: x\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x457c76]\n\ngoroutine 1 [running]:\nmain.get(0xc000012345)\n\t/tmp/a/b.go:6 +0x1d\n";
    let ours = "panic: x\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\ngoroutine 1 [running]:\nmain.get(...)\n\t/work/b.go:6 +0x0\n";
    assert_eq!(normalize(gc), normalize(ours));
    assert_ne!(normalize(gc), normalize(&ours.replace(":6", ":7")));
}
