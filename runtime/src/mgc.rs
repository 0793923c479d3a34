//! The collector (runtime/mgc.go, mgcpacer.go, mgcsweep.go): a
//! stop-the-world precise mark-sweep paced by GOGC.
//!
//! A cycle: stop the world and flush every mcache into the heap
//! (mcache::with_world_stopped: "sweep termination"), mark from the VM's
//! roots (mgcmark.rs: frames, globals, runtime structures, each with its
//! pointer map) with an explicit work stack, then sweep every span: the
//! mark bitmap becomes the allocation bitmap, empty spans go back to the
//! page heap, and free pages beyond the next goal are released to the OS
//! (mheap.rs's scavenge), so a program's RSS follows its live heap.
//!
//! Pacing (mgcpacer.go): the next collection is due when the bytes live
//! (allocated objects plus free slots of cached spans, gc's heapLive)
//! reach `marked + (marked + stacks) * GOGC/100`, at least 4 MB *
//! GOGC/100. GOGC=off (or a negative percent) never collects except on
//! runtime.GC. mallocgc never collects: it raises the flag [`gc_pending`]
//! reads, and the VM calls [`collect`] at its next safe point with a
//! callback that marks the roots. GOSCOPE_GCSTRESS=1 raises the flag after
//! every allocation.
//!
//! Example: with GOGC=100 and 1 MB reachable after a collection, the goal
//! is 4 MB (the minimum); a program churning garbage collects every ~3 MB
//! allocated and its heap stays near 4 MB.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::mcache::with_world_stopped;
use crate::mheap::{MHeap, SpanState};
use crate::sizeclasses::PAGE_SIZE;

pub use crate::mgcmark::Marker;
pub use crate::mstats::{read_mem_stats, BySize, MemStats};

/// gc's defaultHeapMinimum: the goal never falls below 4 MB * GOGC/100.
const HEAP_MINIMUM: u64 = 4 << 20;

/// Set when a collection is due; cleared by a collection.
static PENDING: AtomicBool = AtomicBool::new(false);

/// Environment settings read once.
struct Config {
    stress: bool,
    gctrace: bool,
    start: Instant,
}

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config {
        stress: std::env::var("GOSCOPE_GCSTRESS").is_ok_and(|v| v == "1"),
        gctrace: std::env::var("GODEBUG").is_ok_and(|v| godebug_gctrace(&v)),
        start: Instant::now(),
    })
}

/// Whether a GODEBUG value turns gctrace on (`gctrace=N`, N > 0).
fn godebug_gctrace(v: &str) -> bool {
    v.split(',').any(|kv| {
        kv.strip_prefix("gctrace=")
            .and_then(|n| n.parse::<i64>().ok())
            .is_some_and(|n| n > 0)
    })
}

/// gc's readGOGC: "off" is -1, a number is itself, anything else 100.
fn parse_gogc(v: Option<&str>) -> i32 {
    match v {
        Some("off") => -1,
        Some(n) => n.parse().unwrap_or(100),
        None => 100,
    }
}

/// Nanoseconds since the runtime started (first heap use).
pub(crate) fn since_start_ns() -> u64 {
    config().start.elapsed().as_nanos() as u64
}

/// Whether the VM should collect at its next safe point: the heap passed
/// its goal (or GOSCOPE_GCSTRESS=1 and something was allocated).
#[inline]
pub fn gc_pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Called by mallocgc after each allocation (GOSCOPE_GCSTRESS).
#[inline]
pub(crate) fn note_alloc() {
    if config().stress {
        PENDING.store(true, Ordering::Relaxed);
    }
}

/// Raises the pending flag when the live heap reached the goal.
pub(crate) fn check_goal(h: &MHeap) {
    if h.stats.heap_live >= h.pacer.goal {
        PENDING.store(true, Ordering::Relaxed);
    }
}

/// The pacer's state and the collection history (gcControllerState and
/// the GC part of mstats).
#[derive(Debug, Clone)]
pub struct Pacer {
    /// GOGC; negative: off.
    pub gc_percent: i32,
    /// heapLive that makes the next collection due.
    pub goal: u64,
    /// Bytes marked by the last collection.
    pub heap_marked: u64,
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    /// Unix ns of the end of the last collection.
    pub last_gc: u64,
    /// Time spent collecting.
    pub gc_ns: u64,
}

impl Pacer {
    pub fn from_env() -> Pacer {
        let mut p = Pacer {
            gc_percent: parse_gogc(std::env::var("GOGC").ok().as_deref()),
            goal: 0,
            heap_marked: 0,
            num_gc: 0,
            num_forced_gc: 0,
            pause_total_ns: 0,
            pause_ns: [0; 256],
            pause_end: [0; 256],
            last_gc: 0,
            gc_ns: 0,
        };
        p.commit(0);
        p
    }

    /// commit: the goal for the current GOGC and last marked size.
    fn commit(&mut self, stack_bytes: u64) {
        if self.gc_percent < 0 {
            self.goal = u64::MAX;
            return;
        }
        let pct = self.gc_percent as u64;
        let goal = self.heap_marked + (self.heap_marked + stack_bytes) * pct / 100;
        self.goal = goal.max(HEAP_MINIMUM * pct / 100);
    }
}

/// debug.SetGCPercent: sets GOGC (negative: off) and returns the old value.
pub fn set_gc_percent(percent: i32) -> i32 {
    let mut h = crate::mheap::lock_heap();
    let old = h.pacer.gc_percent;
    h.pacer.gc_percent = percent.max(-1);
    let stacks = (h.stats.stack_pages * PAGE_SIZE) as u64;
    h.pacer.commit(stacks);
    PENDING.store(h.stats.heap_live >= h.pacer.goal, Ordering::Relaxed);
    old
}

/// A collection the pacer asked for (gc_pending): `roots` marks every
/// root through the Marker. Call at a safe point, never from inside
/// mallocgc or with another thread allocating.
pub fn collect(roots: &mut dyn FnMut(&mut Marker)) {
    gc_cycle(roots, false);
}

/// runtime.GC: a forced collection (counted in NumForcedGC, `(forced)` in
/// the gctrace line).
pub fn gc(roots: &mut dyn FnMut(&mut Marker)) {
    gc_cycle(roots, true);
}

/// debug.FreeOSMemory: a forced collection, then every free page goes
/// back to the OS.
pub fn free_os_memory(roots: &mut dyn FnMut(&mut Marker)) {
    gc_cycle(roots, true);
    with_world_stopped(|h| h.scavenge(0));
}

/// Phase end times of one cycle, for gctrace.
struct Cycle {
    start: Instant,
    flushed: Instant,
    marked: Instant,
    end: Instant,
    heap0: u64,
    heap2: u64,
    goal: u64,
    stacks: u64,
}

fn gc_cycle(roots: &mut dyn FnMut(&mut Marker), forced: bool) {
    let cfg = config();
    let start = Instant::now();
    let (cycle, num_gc, gc_ns) = with_world_stopped(|h| {
        let flushed = Instant::now();
        let heap0 = h.stats.heap_live;
        let goal = h.pacer.goal;
        let mut m = Marker::new(h);
        roots(&mut m);
        crate::mfinal::mark_finalizers(&mut m);
        let heap2 = m.finish();
        let marked = Instant::now();
        sweep(h);
        let stacks = (h.stats.stack_pages * PAGE_SIZE) as u64;
        h.pacer.heap_marked = heap2;
        h.pacer.commit(stacks);
        let retain = match h.pacer.goal {
            u64::MAX => h.stats.heap_alloc as usize + (HEAP_MINIMUM as usize),
            g => (g + g / 10) as usize,
        };
        h.scavenge(retain);
        let end = Instant::now();
        let p = &mut h.pacer;
        let pause = (end - start).as_nanos() as u64;
        let unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        p.pause_ns[p.num_gc as usize % 256] = pause;
        p.pause_end[p.num_gc as usize % 256] = unix;
        p.num_gc += 1;
        p.num_forced_gc += forced as u32;
        p.pause_total_ns += pause;
        p.last_gc = unix;
        p.gc_ns += pause;
        PENDING.store(h.stats.heap_live >= p.goal, Ordering::Relaxed);
        let c = Cycle {
            start,
            flushed,
            marked,
            end,
            heap0,
            heap2,
            goal,
            stacks,
        };
        (c, p.num_gc, p.gc_ns)
    });
    if cfg.gctrace {
        eprintln!("{}", gctrace_line(num_gc, &cycle, gc_ns, cfg.start, forced));
    }
}

/// mgcsweep.go: every in-use span's mark bitmap becomes its allocation
/// bitmap; unmarked objects are freed; empty spans return to the page
/// heap; spans with free slots go on the central lists.
fn sweep(h: &mut MHeap) {
    let stress = config().stress;
    for c in h.central.iter_mut() {
        c.clear();
    }
    let mut empty = Vec::new();
    for sid in 1..h.spans.len() {
        let s = &mut h.spans[sid];
        if s.state != SpanState::InUse {
            continue;
        }
        if stress {
            poison_freed(s);
        }
        let live: usize = s.mark_bits.iter().map(|w| w.count_ones() as usize).sum();
        let freed = s.alloc_count - live;
        std::mem::swap(&mut s.alloc_bits, &mut s.mark_bits);
        s.mark_bits.iter_mut().for_each(|w| *w = 0);
        s.alloc_count = live;
        let class = s.sizeclass();
        let bytes = (freed * s.elemsize) as u64;
        if freed > 0 {
            s.needzero = true;
        }
        let spc = s.spanclass as usize;
        let nelems = s.nelems;
        h.stats.frees += freed as u64;
        h.stats.class_frees[class] += freed as u64;
        h.stats.heap_alloc -= bytes;
        h.stats.heap_live -= bytes;
        if live == 0 {
            empty.push(sid as u32);
        } else if live < nelems {
            h.central[spc].push(sid as u32);
        }
    }
    for sid in empty {
        h.free_span(sid);
    }
}

/// GOSCOPE_GCSTRESS: fills the objects a sweep frees with 0xa5 bytes, so
/// a pointer the roots missed reads an impossible value (and a pointer
/// loaded from such an object faults) instead of stale data that looks
/// right.
fn poison_freed(s: &crate::mheap::MSpan) {
    for (w, (&a, &m)) in s.alloc_bits.iter().zip(&s.mark_bits).enumerate() {
        let mut dead = a & !m;
        while dead != 0 {
            let idx = w * 64 + dead.trailing_zeros() as usize;
            dead &= dead - 1;
            if idx < s.nelems {
                crate::mem::memset(s.base + (idx * s.elemsize) as u64, 0xa5, s.elemsize);
            }
        }
    }
}

/// The gctrace line (gcMarkTermination's format): `gc N @Ts U%: clock
/// phases ms clock, cpu phases ms cpu, H0->H1->H2 MB, G MB goal, S MB
/// stacks, 0 MB globals, P P` and ` (forced)` for runtime.GC.
fn gctrace_line(n: u32, c: &Cycle, gc_ns: u64, t0: Instant, forced: bool) -> String {
    let ns = |a: Instant, b: Instant| (b - a).as_nanos() as u64;
    let since = ns(t0, c.start);
    let total = ns(t0, c.end).max(1);
    let util = (gc_ns as f64 / total as f64 * 100.0) as u64;
    let (st, mk, mt) = (
        ns(c.start, c.flushed),
        ns(c.flushed, c.marked),
        ns(c.marked, c.end),
    );
    let procs = std::env::var("GOMAXPROCS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut line = format!(
        "gc {n} @{}s {util}%: {}+{}+{} ms clock, {}+0/{}/0+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, 0 MB globals, {procs} P",
        itoa_div(since / 1_000_000, 3),
        fmt_ns_as_ms(st),
        fmt_ns_as_ms(mk),
        fmt_ns_as_ms(mt),
        fmt_ns_as_ms(st),
        fmt_ns_as_ms(mk),
        fmt_ns_as_ms(mt),
        c.heap0 >> 20,
        c.heap0 >> 20,
        c.heap2 >> 20,
        if c.goal == u64::MAX { 0 } else { c.goal >> 20 },
        c.stacks >> 20,
    );
    if forced {
        line.push_str(" (forced)");
    }
    line
}

/// itoaDiv: `val` with a decimal point `dec` digits from the right.
fn itoa_div(val: u64, dec: usize) -> String {
    let digits = format!("{val:0width$}", width = dec + 1);
    if dec == 0 {
        return digits;
    }
    let (int, frac) = digits.split_at(digits.len() - dec);
    format!("{int}.{frac}")
}

/// fmtNSAsMS: whole milliseconds from 10 ms, else two significant digits
/// with at most three decimals.
fn fmt_ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return itoa_div(ns / 1_000_000, 0);
    }
    let mut x = ns / 1000;
    if x == 0 {
        return "0".into();
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    itoa_div(x, dec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gogc_and_godebug_parse_as_gc() {
        assert_eq!(parse_gogc(Some("off")), -1);
        assert_eq!(parse_gogc(Some("50")), 50);
        assert_eq!(parse_gogc(Some("x")), 100);
        assert_eq!(parse_gogc(None), 100);
        assert!(godebug_gctrace("gctrace=1"));
        assert!(godebug_gctrace("madvdontneed=1,gctrace=2"));
        assert!(!godebug_gctrace("gctrace=0"));
        assert!(!godebug_gctrace("schedtrace=1"));
    }

    #[test]
    fn times_format_as_gc() {
        assert_eq!(fmt_ns_as_ms(0), "0");
        assert_eq!(fmt_ns_as_ms(26_000), "0.026");
        assert_eq!(fmt_ns_as_ms(390_000), "0.39");
        assert_eq!(fmt_ns_as_ms(1_234_567), "1.2");
        assert_eq!(fmt_ns_as_ms(9_999_999), "9.9");
        assert_eq!(fmt_ns_as_ms(12_345_678), "12");
        assert_eq!(itoa_div(12, 3), "0.012");
        assert_eq!(itoa_div(1234, 3), "1.234");
    }

    #[test]
    fn gctrace_line_has_gcs_shape() {
        let t0 = Instant::now();
        let c = Cycle {
            start: t0,
            flushed: t0,
            marked: t0,
            end: t0,
            heap0: 5 << 20,
            heap2: 1 << 20,
            goal: 4 << 20,
            stacks: 0,
        };
        let line = gctrace_line(3, &c, 0, t0, true);
        let want = "gc 3 @0.000s 0%: 0+0+0 ms clock, 0+0/0/0+0 ms cpu, 5->5->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, ";
        assert!(line.starts_with(want), "{line}");
        assert!(line.ends_with(" P (forced)"), "{line}");
    }

    #[test]
    fn pacer_goal_follows_gogc() {
        let mut p = Pacer::from_env();
        p.gc_percent = 100;
        p.heap_marked = 10 << 20;
        p.commit(0);
        assert_eq!(p.goal, 20 << 20);
        p.heap_marked = 1 << 20;
        p.commit(0);
        assert_eq!(p.goal, 4 << 20);
        p.gc_percent = 50;
        p.heap_marked = 10 << 20;
        p.commit(0);
        assert_eq!(p.goal, 15 << 20);
        p.gc_percent = -1;
        p.commit(0);
        assert_eq!(p.goal, u64::MAX);
    }
}
