//! Parsing speed on a generated 100,000-line Go file. Prints lines/s;
//! in release builds asserts a floor far below the goal (the machine may
//! be shared), so a regression by an order of magnitude fails.
//! Run: cargo test --release --test syntax_speed -- --nocapture

use std::time::Instant;

use goscope::syntax::{parse_file, pos::SourceMap, NodeIdGen};

/// About `lines` lines of ordinary Go: types, methods, loops, calls,
/// composite literals, closures.
pub fn generate(lines: usize) -> String {
    let mut s = String::from("package bench\n\nimport \"fmt\"\n\n");
    let mut i = 0;
    let mut n = 4;
    while n < lines {
        let before = s.len();
        s.push_str(&format!(
            r#"type Item{i} struct {{
	Name  string
	Count int
	Tags  []string
}}

// Total{i} sums the counts of items that have the tag.
func (it *Item{i}) Total{i}(items []Item{i}, tag string) (total int, err error) {{
	seen := make(map[string]bool, len(items))
	for idx, x := range items {{
		if x.Count < 0 {{
			return 0, fmt.Errorf("item %d: negative count %d", idx, x.Count)
		}}
		for _, t := range x.Tags {{
			if t == tag && !seen[x.Name] {{
				seen[x.Name] = true
				total += x.Count * 2 / (idx + 1)
			}}
		}}
	}}
	f := func(a, b int) int {{ return a<<1 | b&0xff }}
	total = f(total, len(seen))
	switch {{
	case total > 1000:
		total -= 1000
	default:
		total++
	}}
	return total, nil
}}

var table{i} = []Item{i}{{{{Name: "a", Count: 1, Tags: []string{{"x", "y"}}}}, {{Name: "b", Count: 2}}}}

"#
        ));
        n += s[before..].matches('\n').count();
        i += 1;
    }
    s
}

#[test]
fn parse_speed() {
    let src = generate(100_000);
    let lines = src.lines().count();
    let ids = NodeIdGen::new();
    let mut map = SourceMap::new();
    let (_, d) = parse_file(&mut map, "bench.go", src.as_bytes(), &ids);
    assert!(d.is_empty(), "{d:?}");
    let rounds = 5;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let mut map = SourceMap::new();
        let t = Instant::now();
        let (f, _) = parse_file(&mut map, "bench.go", src.as_bytes(), &ids);
        let secs = t.elapsed().as_secs_f64();
        drop(f);
        best = best.min(secs);
    }
    let rate = lines as f64 / best;
    eprintln!(
        "parsed {lines} lines ({} bytes) in {:.1} ms: {:.0} lines/s, {:.1} MB/s",
        src.len(),
        best * 1e3,
        rate,
        src.len() as f64 / best / 1e6
    );
    if !cfg!(debug_assertions) {
        assert!(
            rate > 200_000.0,
            "parsing got much slower: {rate:.0} lines/s"
        );
    }
}

#[test]
fn lex_speed() {
    let src = generate(100_000);
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let (toks, _) = goscope::syntax::tokenize(src.as_bytes());
        best = best.min(t.elapsed().as_secs_f64());
        n = toks.len();
    }
    eprintln!(
        "lexed {n} tokens in {:.1} ms: {:.1} M tokens/s",
        best * 1e3,
        n as f64 / best / 1e6
    );
}
