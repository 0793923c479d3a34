//! Helpers shared by goscope's fuzz targets (see fuzz/README.md).

pub mod mutate;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use mutate::{Dict, Rng};

/// Where `seed.sh` puts the seed programs: `$GOSCOPE_FUZZ_SEEDS`, or
/// fuzz/seeds beside this crate.
pub fn seeds_dir() -> PathBuf {
    std::env::var_os("GOSCOPE_FUZZ_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")))
}

/// The dictionary of the structure-aware mutator, built once from the
/// seed programs (a few fragments of each kind per file).
pub fn dict() -> &'static Dict {
    static DICT: OnceLock<Dict> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut d = Dict::new();
        let mut rng = Rng::new(1);
        let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            if let Ok(src) = std::fs::read(&f) {
                d.add_source(&src, 40, &mut rng);
            }
        }
        d
    })
}

/// Runs `goscope check` on `src` as the CLI does, minus the big stack:
/// check, then render the diagnostics both ways. goscope's own std API
/// must always check cleanly.
pub fn check(src: &[u8]) {
    timed(|| check_untimed(src))
}

/// Checks `src` on one thread and with function bodies split across two
/// (types/split.rs, any file with two function bodies): the diagnostics
/// must be the same, and a valid program must not fall back to one thread.
pub fn check_split(src: &[u8]) {
    timed(|| {
        let one = goscope::driver::check_source("x.go", src);
        let two = goscope::driver::check_source_split("x.go", src, 0);
        let one_text = goscope::diag::render_gc(&one.diags, &one.sources);
        let two_text = goscope::diag::render_gc(&two.diags, &two.sources);
        assert_eq!(one_text, two_text, "split check reports differently");
        assert!(
            !(one.diags.is_empty() && two.split_bodies == Some(false)),
            "a valid program fell back to one thread"
        );
    })
}

/// The structure-aware mutation of `data[..size]` in place (see
/// src/mutate.rs), libFuzzer's own one time in eight; the new size.
pub fn mutate_in_place(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    let mut rng = Rng::new(seed as u64);
    if rng.chance(8) {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    let out = mutate::mutate(&data[..size], dict(), &mut rng);
    if out.len() > max_size || out == data[..size] {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    data[..out.len()].copy_from_slice(&out);
    out.len()
}

/// Declaration-wise crossover of `a` and `b` into `out`; the size written.
pub fn crossover_into(a: &[u8], b: &[u8], out: &mut [u8], seed: u32) -> usize {
    let mut rng = Rng::new(seed as u64);
    let mut c = mutate::crossover(a, b, &mut rng);
    c.truncate(out.len());
    out[..c.len()].copy_from_slice(&c);
    c.len()
}

/// Installs [`mutate_in_place`] and [`crossover_into`] as the fuzz
/// target's mutator and crossover.
#[macro_export]
macro_rules! structure_aware_mutator {
    () => {
        libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
            $crate::mutate_in_place(data, size, max_size, seed)
        });
        libfuzzer_sys::fuzz_crossover!(|a: &[u8], b: &[u8], out: &mut [u8], seed: u32| {
            $crate::crossover_into(a, b, out, seed)
        });
    };
}

fn check_untimed(src: &[u8]) {
    let out = goscope::driver::check_source("x.go", src);
    assert!(
        out.internal_errors.is_empty(),
        "internal errors: {:?}",
        out.internal_errors
    );
    let _ = goscope::diag::render_gc(&out.diags, &out.sources);
    let _ = goscope::diag::render_fancy(&out.diags, &out.sources, false);
}

/// CPU time of the process, in nanoseconds.
fn cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// When the current input started: (CPU ns, wall ms since the watchdog
/// started); 0 when no input runs.
static STARTED_CPU: AtomicU64 = AtomicU64::new(0);
static STARTED_WALL: AtomicU64 = AtomicU64::new(0);

/// Runs `f` (one input) under the watchdog: an input that uses more than
/// `$GOSCOPE_FUZZ_TIMEOUT_MS` (default 1000) of CPU time, or 300 times
/// that of wall time (a deadlock), aborts the process with a message, which libFuzzer
/// records as a crash (`crash-*` artifact; the log says "timeout").
///
/// Why not libFuzzer's `-timeout`: its SIGALRM handler allocates, and
/// without a sanitizer's allocator it deadlocks when the alarm interrupts
/// malloc (seen: fork-mode jobs hung for good). The watchdog aborts from
/// its own thread, where allocating is safe. CPU time, not wall time, so
/// that a loaded machine does not make timeouts: a niced fuzzer on a busy
/// machine can take 20 s of wall time for 0.1 s of CPU.
pub fn timed(f: impl FnOnce()) {
    static WATCHDOG: OnceLock<()> = OnceLock::new();
    let limit_ms: u64 = std::env::var("GOSCOPE_FUZZ_TIMEOUT_MS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let t0 = std::time::Instant::now();
    WATCHDOG.get_or_init(|| {
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(50));
            let cpu0 = STARTED_CPU.load(Ordering::SeqCst);
            if cpu0 == 0 {
                continue;
            }
            let cpu = cpu_ns().saturating_sub(cpu0) / 1_000_000;
            let wall = (t0.elapsed().as_millis() as u64)
                .saturating_sub(STARTED_WALL.load(Ordering::SeqCst));
            if cpu > limit_ms || wall > 300 * limit_ms {
                eprintln!(
                    "==goscope-fuzz== timeout: one input ran {cpu} ms of CPU, {wall} ms of wall time (limit {limit_ms} ms CPU)"
                );
                std::process::abort();
            }
        });
    });
    STARTED_WALL.store(t0.elapsed().as_millis() as u64, Ordering::SeqCst);
    STARTED_CPU.store(cpu_ns().max(1), Ordering::SeqCst);
    f();
    STARTED_CPU.store(0, Ordering::SeqCst);
}
