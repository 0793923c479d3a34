//! Speed of `goscope check`'s two phases on a generated program, so that
//! regressions show: `cargo bench --bench check`.
//!
//! The program is the "mixed" shape of tools/gen-big.py (structs with
//! methods, closures, maps, loops, switches, fmt calls), 20,000 lines, so
//! one iteration takes tens of milliseconds. Throughput is reported in
//! source bytes; divide lines by time for lines per second
//! (`goscope check` must do at least 1,000,000 lines/s).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use goscope::syntax::pos::SourceMap;
use goscope::syntax::{parse_file, NodeIdGen};
use goscope::types::Checker;

const UNIT: &str = r#"
type T{n} struct {
	name  string
	count int
	items []float64
	attrs map[string]int
}

func (t *T{n}) Add(x float64) {
	t.items = append(t.items, x)
	t.count++
}

func (t T{n}) Sum() (s float64) {
	for _, v := range t.items {
		s += v
	}
	return
}

func (t *T{n}) String() string {
	return fmt.Sprintf("%s:%d:%.2f", t.name, t.count, t.Sum())
}

func f{n}(xs []int, m map[string]int) (int, error) {
	total := 0
	for i := 0; i < len(xs); i++ {
		switch {
		case xs[i] > 100:
			total += xs[i] / 2
		case xs[i] < 0:
			return 0, errors.New("negative")
		default:
			total += xs[i] * {n}
		}
	}
	if v, ok := m["k{n}"]; ok && v > total {
		total = v
	}
	add := func(a, b int) int { return a + b }
	t := &T{n}{name: "t{n}", attrs: map[string]int{"a": 1}}
	t.Add(float64(total))
	var s fmt.Stringer = t
	_ = s.String()
	return add(total, len(strings.Repeat("x", 3))), nil
}
"#;

/// A valid program of about `lines` lines.
fn program(lines: usize) -> String {
    let mut out =
        String::from("package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"strings\"\n)\n");
    let unit_lines = UNIT.lines().count();
    let mut n = 0;
    while out.lines().count() + unit_lines < lines {
        out.push_str(&UNIT.replace("{n}", &n.to_string()));
        n += 1;
    }
    out.push_str(
        "\nfunc main() {\n\tv, err := f0([]int{1, 2, 3}, nil)\n\tfmt.Println(v, err)\n}\n",
    );
    out
}

/// Parses the program; the tree with the source map and id generator it
/// was parsed with.
fn parse(src: &str) -> (goscope::syntax::ast::File, SourceMap, NodeIdGen) {
    let mut map = SourceMap::new();
    let ids = NodeIdGen::new();
    let (file, diags) = parse_file(&mut map, "big.go", src.as_bytes(), &ids);
    assert!(diags.is_empty(), "generated program has syntax errors");
    (file, map, ids)
}

fn bench(c: &mut Criterion) {
    let src = program(20_000);
    let mut g = c.benchmark_group("check-20k-lines");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.sample_size(20);
    // Only the phase itself is timed: building its input and freeing its
    // result are not (the CLI does not free them either).
    g.bench_function("parse", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let out = black_box(parse(&src));
                total += t.elapsed();
                drop(out);
            }
            total
        })
    });
    g.bench_function("check", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let (file, map, ids) = parse(&src);
                let mut checker = Checker::new(map, &ids);
                let t = Instant::now();
                checker.check_files(&[&file]);
                total += t.elapsed();
                assert!(checker.diags.is_empty(), "generated program has errors");
                drop(checker);
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
