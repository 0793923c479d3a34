//! Checking function bodies on two threads (src/types/split.rs) reports
//! exactly what checking on one thread reports: for the Go test suite's
//! programs, valid and broken, split wherever they have two functions.

use goscope::driver::{check_source, check_source_split, CheckOutcome};

fn render(out: &CheckOutcome) -> Vec<String> {
    out.diags
        .iter()
        .map(|d| format!("{} {}", out.sources.position(d.pos), d.message))
        .collect()
}

#[test]
fn split_check_reports_what_the_sequential_check_reports() {
    let root = std::path::Path::new("/usr/share/go-1.19/test");
    let mut files = Vec::new();
    for dir in ["", "fixedbugs", "ken", "interface", "typeparam"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "go") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut checked = 0;
    let mut split = 0;
    let mut differ = Vec::new();
    for path in &files {
        let Ok(src) = std::fs::read(path) else {
            continue;
        };
        let name = path.to_string_lossy();
        let one = render(&check_source(&name, &src));
        let out = check_source_split(&name, &src, 0);
        split += usize::from(out.split_bodies == Some(true));
        // A valid program split keeps the split check's result.
        if out.diags.is_empty() && out.split_bodies == Some(false) {
            differ.push(format!("{name}: valid, but checked again on one thread"));
        }
        let two = render(&out);
        if one != two {
            differ.push(format!(
                "{name}:\n  one thread: {one:?}\n  split:      {two:?}"
            ));
        }
        checked += 1;
    }
    assert!(
        differ.is_empty(),
        "{} of {checked} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    // Most valid programs have two functions or more.
    assert!(
        checked < 100 || split * 8 > checked,
        "{split} of {checked} split"
    );
}

/// A program of `n` functions, `extra` declared after them.
fn program(n: usize, imports: &str, extra: &str) -> String {
    let mut s = format!("package main\n\nimport ({imports})\n\nvar total int\n\n");
    for i in 0..n {
        s += &format!("func f{i}(x int) int {{\n\tg := func() int {{ return x * {i} }}\n\ttotal += g()\n\treturn total\n}}\n\n");
    }
    s + extra
}

/// The outcome of checking `src` on one thread and split, which must
/// report the same; and whether the split check kept its result.
fn both(src: &str) -> (Vec<String>, bool) {
    let one = check_source("p.go", src.as_bytes());
    let two = check_source_split("p.go", src.as_bytes(), 0);
    assert_eq!(render(&one), render(&two), "{src}");
    (render(&two), two.split_bodies == Some(true))
}

#[test]
fn what_second_thread_bodies_use_reaches_the_first_checker() {
    // An import used only in the second thread's last function.
    let src = program(
        40,
        "\"strings\"",
        "func main() { _ = strings.ToUpper(\"x\") }\n",
    );
    assert_eq!(both(&src), (vec![], true));
    // The second side uses the first side's functions, types and methods,
    // and the first side a second-side type.
    let src = program(
        40,
        "\"fmt\"",
        "type U struct{ n int }\n\nfunc (u *U) Get() int { return u.n }\n\n\
         func main() { var s fmt.Stringer = &T{}; fmt.Println(f0(1), s.String(), (&U{}).Get()) }\n",
    )
    .replace(
        "var total int\n",
        "var total int\n\ntype T struct{ u U }\n\nfunc (t *T) String() string { return \"t\" }\n",
    );
    assert_eq!(both(&src), (vec![], true));
    // Not used at all: reported, by the check on one thread.
    let src = program(40, "\"strings\"", "func main() {}\n");
    let (diags, split) = both(&src);
    assert!(!split && diags.len() == 1 && diags[0].contains("imported and not used"));
    // An initialization cycle through the last function.
    let src = program(
        40,
        "",
        "var v = last()\n\nfunc last() int { return v }\n\nfunc main() {}\n",
    );
    let (diags, split) = both(&src);
    assert!(
        !split && diags.len() == 1 && diags[0].contains("initialization"),
        "{diags:?}"
    );
    // An error in either half.
    let src = program(40, "", "func main() { var s string = 1; _ = s }\n");
    let (diags, split) = both(&src);
    assert!(!split && diags.len() == 1, "{diags:?}");
    let src = program(40, "", "func main() {}\n").replace("return x * 3 }", "return x * \"3\" }");
    let (diags, split) = both(&src);
    assert!(!split && diags.len() == 1, "{diags:?}");
}
