//! No input may panic the parser, overflow the stack or hang it.
//!
//! Deep inputs run on a thread with an 8 MB stack, the size of a main
//! thread: the parser itself does not recurse, and the nesting limit
//! (`MAX_NESTING`) keeps the trees it returns shallow enough for the
//! recursive walks (`Drop`, `dump_file`) that follow.

use std::time::{Duration, Instant};

use goscope::syntax::{dump_file, parse_file, pos::SourceMap, NodeIdGen, MAX_NESTING};
use proptest::prelude::*;

/// Parses `src` on an 8 MB stack, dumps and drops the tree; returns the
/// messages.
fn parse(src: Vec<u8>) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let mut map = SourceMap::new();
            let (f, d) = parse_file(&mut map, "x.go", &src, &NodeIdGen::new());
            let _ = dump_file(&f);
            drop(f);
            d.into_iter().map(|d| d.message).collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .expect("parser thread panicked")
}

fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

#[test]
fn deep_parentheses() {
    let n = 100_000;
    let src = format!("package p\nvar x = {}1{}\n", repeat("(", n), repeat(")", n));
    let d = parse(src.into_bytes());
    assert_eq!(d, vec!["syntax error: nesting too deep"]);
    // Within the limit, no complaint.
    let n = (MAX_NESTING / 2) as usize;
    let src = format!("package p\nvar x = {}1{}\n", repeat("(", n), repeat(")", n));
    assert!(parse(src.into_bytes()).is_empty());
}

#[test]
fn deep_blocks_and_chains() {
    let n = 100_000;
    let blocks = format!(
        "package p\nfunc f() {{{}{}}}\n",
        repeat("{", n),
        repeat("}", n)
    );
    assert_eq!(
        parse(blocks.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let sum = format!("package p\nvar x = 1{}\n", repeat(" + 1", n));
    assert_eq!(
        parse(sum.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let unary = format!("package p\nvar x = {}y\n", repeat("!", n));
    assert_eq!(
        parse(unary.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let types = format!("package p\nvar x {}int\n", repeat("[]", n));
    assert_eq!(
        parse(types.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let sel = format!("package p\nvar x = a{}\n", repeat(".b", n));
    assert_eq!(
        parse(sel.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let calls = format!("package p\nvar x = f{}\n", repeat("()", n));
    assert_eq!(
        parse(calls.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let elses = format!(
        "package p\nfunc f() {{ if a {{}}{} }}\n",
        repeat(" else if a {}", 20_000)
    );
    assert_eq!(
        parse(elses.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
    let funcs = format!(
        "package p\nvar x = {}1{}\n",
        repeat("func() int { return ", 20_000),
        repeat(" }()", 20_000)
    );
    assert_eq!(
        parse(funcs.into_bytes()),
        vec!["syntax error: nesting too deep"]
    );
}

#[test]
fn unclosed_brackets() {
    let d = parse(format!("package p\nvar x = {}", repeat("(", 100_000)).into_bytes());
    assert_eq!(
        d,
        vec!["syntax error: unexpected EOF, expecting expression"]
    );
    let d = parse(format!("package p\nfunc f() {}", repeat("{", 100_000)).into_bytes());
    assert_eq!(d, vec!["syntax error: unexpected EOF, expecting }"]);
}

#[test]
fn big_inputs() {
    // A 10 MB file of declarations.
    let mut src = String::from("package p\n");
    let mut i = 0;
    while src.len() < 10 << 20 {
        src.push_str(&format!(
            "func f{i}(a, b int) int {{ if a > b {{ return a - b }}; return b*2 + a }}\n"
        ));
        i += 1;
    }
    let t = Instant::now();
    assert!(parse(src.into_bytes()).is_empty());
    assert!(t.elapsed() < Duration::from_secs(60));
    // A 1 MB string literal, and a 1 MB raw string.
    let s = format!(
        "package p\nvar s = \"{}\"\nvar r = `{}`\n",
        repeat("ab\\n", 1 << 18),
        repeat("x\n", 1 << 19)
    );
    assert!(parse(s.into_bytes()).is_empty());
}

#[test]
fn bad_bytes() {
    let d = parse(b"package p\nvar s = \"\xff\xfe\"\x00\nvar t = \xc3\n".to_vec());
    assert_eq!(
        d,
        vec![
            "invalid UTF-8 encoding",
            "invalid NUL character",
            "invalid UTF-8 encoding"
        ]
    );
    let d = parse(b"\xef\xbb\xbfpackage p\n".to_vec());
    assert!(d.is_empty());
    assert!(!parse(vec![0; 1000]).is_empty());
    assert!(!parse(vec![0xff; 1000]).is_empty());
    assert!(!parse(Vec::new()).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut src = b"package p\n".to_vec();
        src.extend(bytes);
        let _ = parse(src);
    }

    #[test]
    fn random_tokens_never_panic(toks in proptest::collection::vec(prop::sample::select(vec![
        "func", "f", "(", ")", "{", "}", "[", "]", "x", ":=", "=", "1", "\"s\"", ",", ";", "\n", "if", "for",
        "range", "switch", "case", "default", ":", "type", "struct", "interface", "chan", "<-", "*", "&",
        "map", "var", "const", "go", "defer", "return", "...", ".", "+", "~", "|", "else", "select",
    ]), 0..120)) {
        let src = format!("package p\n{}", toks.join(" "));
        let _ = parse(src.into_bytes());
    }
}
