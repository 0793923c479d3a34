//! Inputs the fuzzers (fuzz/, see fuzz/README.md) found to crash, hang or
//! blow up the front end, minimized, with what gc 1.19 reports for them
//! (`go build -gcflags=-e`). Each runs `check_source` on the test's own
//! thread (2 MB of stack): the front end must survive deep inputs on any
//! stack.

use std::time::{Duration, Instant};

use goscope::diag::render_gc;
use goscope::driver::check_source;

/// gc's one-line diagnostics for `src` as file x.go.
fn check(src: &[u8]) -> Vec<String> {
    let out = check_source("x.go", src);
    assert!(out.internal_errors.is_empty(), "{:?}", out.internal_errors);
    render_gc(&out.diags, &out.sources)
        .lines()
        .map(str::to_string)
        .collect()
}

fn check_str(src: &str) -> Vec<String> {
    check(src.as_bytes())
}

/// Checks `src` and asserts it took less than `secs` (generous: debug
/// builds and a loaded machine).
fn check_within(src: &str, secs: u64) -> Vec<String> {
    let t = Instant::now();
    let d = check_str(src);
    let took = t.elapsed();
    assert!(took < Duration::from_secs(secs), "took {took:?}");
    d
}

// Deep recursion in the checker: the parser admits trees 10,000 deep
// (syntax::MAX_NESTING), and the checker spends about 1 KB of stack per
// level of a selector chain (more in debug builds), so 9,000 selectors
// overflowed an 8 MB main thread. Fixed by driver::with_stack.
#[test]
fn deep_selector_chain() {
    let src = format!("package p\nvar x = a{}\n", ".b".repeat(9000));
    assert_eq!(check_str(&src), vec!["x.go:2:9: undefined: a"]);
    let src = format!(
        "package p\ntype S struct{{ b *S }}\nvar a S\nvar x = a{}\n",
        ".b".repeat(9000)
    );
    assert_eq!(check_str(&src), Vec::<String>::new());
}

// Recursion that follows declarations, not the tree: checking c0 checks
// c1 (from inside c0's expression), and so on, so no nesting limit bounds
// it.
#[test]
fn long_constant_chain() {
    let mut src = String::from("package p\n");
    for i in 0..5000 {
        src.push_str(&format!("const c{i} = c{} + 1\n", i + 1));
    }
    src.push_str("const c5000 = 0\n");
    assert_eq!(check_within(&src, 60), Vec::<String>::new());
}

// validType compared each named type of a chain with every type nested
// around it through `identical`, cloning the nest at every level: 8,000
// declarations took 1.8 s (16,000: 7 s). Now objects are compared first.
#[test]
fn long_array_type_chain() {
    let mut src = String::from("package p\n");
    for i in 0..8000 {
        src.push_str(&format!("type T{i} [1]T{}\n", i + 1));
    }
    src.push_str("type T8000 int\n");
    assert_eq!(check_within(&src, 30), Vec::<String>::new());
}

// The parser dropped repeated diagnostics by scanning all earlier ones:
// 100,000 syntax errors took 3 s (200,000: 11 s).
#[test]
fn many_syntax_errors() {
    let n = 100_000;
    let src = format!("package p\n{}", "var _ = )\n".repeat(n));
    let d = check_within(&src, 30);
    assert_eq!(d.len(), n);
    assert_eq!(
        d[0],
        "x.go:2:9: syntax error: unexpected ), expecting expression"
    );
    assert_eq!(
        d[n - 1],
        format!(
            "x.go:{}:9: syntax error: unexpected ), expecting expression",
            n + 1
        )
    );
}

// Many methods: the duplicate-method checks of a named type's methods
// and of an interface's type set scanned every earlier method, and each
// method's receiver check cloned the receiver type with all its methods:
// 60,000 methods took 3 s, an interface of 60,000 methods 4 s.
#[test]
fn many_methods() {
    let n = 40_000;
    let mut src = String::from("package p\ntype T int\n");
    for i in 0..n {
        src.push_str(&format!("func (T) m{i}() {{}}\n"));
    }
    src.push_str("type I interface{");
    for i in 0..n {
        src.push_str(&format!("m{i}(); "));
    }
    src.push_str("}\nvar _ = I.m0\n");
    assert_eq!(check_within(&src, 30), Vec::<String>::new());
    // The duplicates are still found (gc's messages).
    let src = "package p\ntype T int\nfunc (T) m0() {}\nfunc (T) m1() {}\nfunc (T) m2() {}\n\
               func (T) m1() {}\ntype I interface{ m0(); m1(); m0() }\n";
    assert_eq!(
        check_str(src),
        vec![
            "x.go:6:10: T.m1 redeclared in this block",
            "\tx.go:4:10: other declaration of m1",
            "x.go:7:31: duplicate method m0",
            "\tx.go:7:19: other declaration of m0",
        ]
    );
}

// Error recovery (lalrpop-util's) after a syntax error inside thousands
// of unclosed brackets: for every token it dropped, it tried every state
// of the parse stack, copying the stack for each: O(tokens x depth^2).
// 6,000 unclosed braces took 11 s. Fixed in vendor/lalrpop-util.
#[test]
fn recovery_in_deep_unclosed_brackets() {
    let n = 6000;
    let blocks = format!(
        "package p\nfunc f() {{\n{} x := := 1 {}\n",
        "{".repeat(n),
        "{".repeat(n)
    );
    assert_eq!(
        check_within(&blocks, 10),
        vec!["x.go:3: syntax error: unexpected :=, expecting expression"]
    );
    let complit = format!(
        "package p\nvar x = []int{{{} a b {}\n",
        "{".repeat(n),
        "{".repeat(n)
    );
    assert_eq!(
        check_within(&complit, 10),
        vec![
            "x.go:2: syntax error: unexpected b in composite literal; possibly missing comma or }"
        ]
    );
}

// gc prints positions from 32-bit line/column pairs: no column at or past
// column 255, and line 1048574 (without column) for any later line.
#[test]
fn positions_in_gc_format() {
    let src = format!(
        "package p\nvar _ = {}a + b{}+ c\n",
        " ".repeat(240),
        " ".repeat(100)
    );
    assert_eq!(
        check_str(&src),
        vec![
            "x.go:2:249: undefined: a",
            "x.go:2:253: undefined: b",
            "x.go:2: undefined: c",
        ]
    );
    let src = format!("package p\n{}var _ = x\n", "\n".repeat(1_100_000));
    assert_eq!(check_str(&src), vec!["x.go:1048574: undefined: x"]);
}

/// `type A1 = struct{ a, b A0 }; type A2 = struct{ a, b A1 }; ...`: each
/// alias doubles the type's tree, so n lines make a type of 2^n parts.
fn alias_dag(n: usize, tail: &str) -> String {
    let mut src = String::from("package p\nimport \"unsafe\"\ntype A0 = int\ntype B0 = int\n");
    for i in 1..n {
        src.push_str(&format!("type A{i} = struct{{ a, b A{} }}\n", i - 1));
        src.push_str(&format!("type B{i} = struct{{ a, b B{} }}\n", i - 1));
    }
    src.push_str(tail);
    src.push_str("\nvar _ unsafe.Pointer\n");
    src
}

// Types whose trees are exponential in the source (shared through
// aliases) sent every walk over types into exponential time or memory:
// validType, unsafe.Sizeof, identity, inference, printing, instance keys.
// gc hangs on all of these. At 2^20 parts (gc: no errors, after 14 s) the
// walks are memoized or fast enough; past 2^20 parts goscope rejects the
// type (an error gc does not have: gc never finishes).
#[test]
fn exponential_alias_types() {
    for tail in [
        "type T struct{ x A19 }",
        "var x A19\nvar y B19 = x",
        "var x A19\nconst s = unsafe.Sizeof(x)",
        "var x A19\nvar _ any = x",
        "type G[P any] int\nvar _ G[A19]",
        "func f[P any](P) {}\nvar x A19\nvar _ = func() { f(x) }",
        "var _ [unsafe.Sizeof(A19{}) >> 20]int",
    ] {
        assert_eq!(
            check_within(&alias_dag(20, tail), 30),
            Vec::<String>::new(),
            "{tail}"
        );
    }
    let d = check_within(
        &alias_dag(40, "var x A39\nvar y B39 = x\nvar _ any = x"),
        30,
    );
    let too_large = "type too large: more than 1048576 component types once aliases are expanded";
    assert_eq!(
        d,
        vec![
            format!("x.go:43:12: {too_large}"),
            format!("x.go:44:12: {too_large}")
        ]
    );
    // A message prints at most 64 KB of a type (gc prints all 20 MB).
    let d = check_within(&alias_dag(20, "var x A19 = 1"), 30);
    assert_eq!(d.len(), 1);
    assert!(d[0].starts_with(
        "x.go:43:13: cannot use 1 (untyped int constant) as struct{a struct{a struct{"
    ));
    assert!(
        d[0].ends_with("… value in variable declaration"),
        "{}",
        &d[0][d[0].len() - 100..]
    );
    assert!(d[0].len() < 70_000);
}

// Nested named structs: a struct's size needs its fields' sizes and
// alignments several times each, so unsafe.Sizeof took time exponential
// in the nesting (gc too: it does not finish this in a minute).
#[test]
fn nested_struct_sizes() {
    let mut src = String::from("package p\nimport \"unsafe\"\ntype N0 int64\n");
    for i in 1..40 {
        src.push_str(&format!("type N{i} struct{{ a, b N{} }}\n", i - 1));
    }
    // 8 << 39 bytes: the array has 4 elements.
    src.push_str(
        "const s = unsafe.Sizeof(N39{})\nvar _ [s >> 40]int\nvar _ [4]int = [s >> 40]int{}\n",
    );
    assert_eq!(check_within(&src, 10), Vec::<String>::new());
}

// `const c1 = c0 + c0; const c2 = c1 + c1; ...` doubles a string constant
// at every line: 40 lines made goscope allocate 2^40 bytes (8 GB and
// counting when stopped). gc keeps concatenations lazy and finishes at
// once; so does goscope now, past 64 MB.
#[test]
fn doubling_string_constants() {
    let mut src = String::from("package p\nconst c0 = \"ab\"\n");
    for i in 1..40 {
        src.push_str(&format!("const c{i} = c{} + c{}\n", i - 1, i - 1));
    }
    src.push_str("var _ = c39\nvar _ int = c5\n");
    assert_eq!(
        check_within(&src, 30),
        vec![
            "x.go:43:13: cannot use c5 (untyped string constant \
             \"abababababababababababababababababababababababababababababababab\") \
             as int value in variable declaration"
        ]
    );
    // The length needs no bytes: len(c39) is 2^40.
    src.push_str("var _ [len(c39) >> 38]int = [4]int{}\n");
    assert_eq!(check_within(&src, 30).len(), 1);
}
