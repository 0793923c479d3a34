//! A short run of the structure-aware fuzzer on the stable toolchain, so
//! that `cargo test` exercises the front end on almost-valid programs
//! without cargo-fuzz (fuzz/README.md has the real campaigns).
//!
//! The mutator is fuzz/src/mutate.rs, shared with the cargo-fuzz target
//! `structured`; the seeds are the Go programs under tests/ and examples/.
//! Each mutant is checked on the test's own thread (2 MB of stack) and
//! must not panic nor take more than 10 s.
//!
//! Longer runs: `GOSCOPE_FUZZ_SECS=600 cargo test --release --test
//! fuzz_smoke -- --nocapture` (`GOSCOPE_FUZZ_SEED` picks another random
//! sequence). A failing input is written to target/fuzz-smoke/.

#[allow(dead_code)]
#[path = "../fuzz/src/mutate.rs"]
mod mutate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mutate::{Dict, Rng};

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.parse().ok())
}

/// Saves a failing input and returns its path.
fn save(input: &[u8], i: u64) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-smoke");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(format!("fail-{i}.go"));
    let _ = std::fs::write(&p, input);
    p
}

#[test]
fn mutated_programs_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    go_files(&root.join("tests"), &mut files);
    go_files(&root.join("examples"), &mut files);
    let seeds: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .filter(|s| s.len() <= 64 << 10)
        .collect();
    assert!(
        !seeds.is_empty(),
        "no seed programs under tests/ or examples/"
    );

    let mut rng = Rng::new(env_u64("GOSCOPE_FUZZ_SEED").unwrap_or(1));
    let mut dict = Dict::new();
    for s in &seeds {
        dict.add_source(s, 40, &mut rng);
    }

    let secs = env_u64("GOSCOPE_FUZZ_SECS");
    let iters =
        env_u64("GOSCOPE_FUZZ_ITERS").unwrap_or(if secs.is_some() { u64::MAX } else { 1000 });
    let deadline = secs.map(|s| Instant::now() + Duration::from_secs(s));
    // Mutants of mutants: a small pool that grows with the run.
    let mut pool: Vec<Vec<u8>> = seeds.clone();
    let mut slowest = Duration::ZERO;
    let mut i = 0;
    while i < iters && deadline.is_none_or(|d| Instant::now() < d) {
        let a = &pool[rng.below(pool.len())];
        let input = if rng.chance(5) {
            let b = &pool[rng.below(pool.len())];
            mutate::crossover(a, b, &mut rng)
        } else {
            mutate::mutate(a, &dict, &mut rng)
        };
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| {
            let out = goscope::driver::check_source("x.go", &input);
            assert!(out.internal_errors.is_empty(), "{:?}", out.internal_errors);
            goscope::diag::render_gc(&out.diags, &out.sources)
        });
        let took = t.elapsed();
        if result.is_err() {
            panic!("check_source panicked on {}", save(&input, i).display());
        }
        if took > Duration::from_secs(10) {
            panic!(
                "check_source took {took:?} on {}",
                save(&input, i).display()
            );
        }
        slowest = slowest.max(took);
        if input.len() <= 64 << 10 && (pool.len() < 2000 || rng.chance(2)) {
            if pool.len() >= 2000 {
                let k = rng.below(pool.len());
                pool[k] = input;
            } else {
                pool.push(input);
            }
        }
        i += 1;
    }
    eprintln!("fuzz_smoke: {i} mutants checked, slowest {slowest:?}");
}
