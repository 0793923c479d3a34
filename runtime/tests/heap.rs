//! The heap and collector through their public API: object graphs built
//! with mem.rs stores, collections with explicit roots, what survives and
//! what is freed, pacing, bounded memory under churn, large objects.
//!
//! These tests collect, which frees every object not reachable from the
//! roots they pass, so they live in their own test binary (no other test
//! holds heap pointers here) and take [`LOCK`] so they run one at a time.

use std::sync::{Mutex, MutexGuard, PoisonError};

use goscope_runtime::malloc::{mallocgc, newarray, newobject, stackalloc, stackfree, zerobase};
use goscope_runtime::mem::{load_u64, store_u64};
use goscope_runtime::mgc::{self, read_mem_stats, Marker};
use goscope_runtime::types::{tflag, Kind, Type, TypeExtra};

static LOCK: Mutex<()> = Mutex::new(());

/// Waits for the other tests, then frees their garbage so counts start
/// from a heap holding nothing unreachable.
fn serial() -> MutexGuard<'static, ()> {
    let g = LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    collect_with(&[]);
    g
}

/// A struct type of `size` bytes whose words `ptrs` are pointers.
fn ty(size: usize, ptrs: &[usize]) -> &'static Type {
    let mut gcdata = vec![0u8; size.div_ceil(64)];
    for &w in ptrs {
        gcdata[w / 8] |= 1 << (w % 8);
    }
    let ptrdata = ptrs.iter().map(|&w| (w + 1) * 8).max().unwrap_or(0);
    Box::leak(Box::new(Type {
        size,
        ptrdata,
        hash: 0,
        tflag: tflag::NAMED,
        align: 8,
        field_align: 8,
        kind: Kind::Struct,
        gcdata: Box::leak(gcdata.into_boxed_slice()),
        str: "main.T",
        extra: TypeExtra::None,
        uncommon: None,
    }))
}

/// Collects with `roots` marked.
fn collect_with(roots: &[u64]) {
    mgc::collect(&mut |m: &mut Marker| {
        for &r in roots {
            m.mark(r);
        }
    });
}

/// Whether the object at `addr` is still allocated: a collection rooted
/// at nothing else would free it, so instead check that fresh allocations
/// of its size class never return it.
fn reallocates(addr: u64, size: usize, n: usize) -> bool {
    (0..n).any(|_| mallocgc(size, None, true) == addr)
}

#[test]
fn small_objects_are_distinct_aligned_and_zeroed() {
    let _g = serial();
    assert_eq!(mallocgc(0, None, true), zerobase());
    let mut seen = std::collections::HashSet::new();
    for size in [1usize, 8, 9, 24, 100, 1024, 4000, 32768] {
        for _ in 0..50 {
            let a = mallocgc(size, None, true);
            assert_eq!(a % 8, 0);
            assert!(seen.insert(a), "address {a:#x} handed out twice");
            for w in 0..size.div_ceil(8) {
                assert_eq!(load_u64(a + 8 * w as u64), 0);
            }
            store_u64(a, u64::MAX);
        }
    }
    // Objects of one class sit at multiples of the class size.
    let a = mallocgc(48, None, true);
    let b = mallocgc(48, None, true);
    assert_eq!((b - a) % 48, 0);
}

#[test]
fn reachable_graphs_survive_and_garbage_is_freed() {
    let _g = serial();
    let node = ty(16, &[0]); // struct { next *node; val int }
    collect_with(&[]);
    let before = read_mem_stats();
    // A 1000-node list rooted at its head, and 1000 garbage nodes.
    let mut head = 0u64;
    for i in 0..1000u64 {
        let n = newobject(node);
        store_u64(n, head);
        store_u64(n + 8, i);
        head = n;
        let junk = newobject(node);
        store_u64(junk + 8, i);
    }
    let mid = read_mem_stats();
    assert_eq!(mid.mallocs - before.mallocs, 2000);
    assert_eq!(mid.heap_alloc - before.heap_alloc, 2000 * 16);
    collect_with(&[head]);
    let after = read_mem_stats();
    assert_eq!(after.frees - before.frees, 1000);
    assert_eq!(after.heap_alloc - before.heap_alloc, 1000 * 16);
    assert_eq!(after.num_gc, before.num_gc + 1);
    // The list is intact.
    let (mut n, mut i) = (head, 1000u64);
    while n != 0 {
        i -= 1;
        assert_eq!(load_u64(n + 8), i);
        n = load_u64(n);
    }
    assert_eq!(i, 0);
    // Dropping the root frees the list.
    collect_with(&[]);
    let last = read_mem_stats();
    assert_eq!(last.frees - after.frees, 1000);
    assert_eq!(last.heap_alloc, before.heap_alloc);
}

#[test]
fn interior_pointers_keep_their_object() {
    let _g = serial();
    let t = ty(64, &[]);
    let obj = mallocgc(64, None, true);
    store_u64(obj + 56, 77);
    collect_with(&[obj + 40]);
    assert_eq!(load_u64(obj + 56), 77);
    assert!(!reallocates(obj, 64, 200));
    // A pointer into a large object keeps it too.
    let big = mallocgc(100_000, Some(t), true);
    store_u64(big + 99_992, 5);
    collect_with(&[big + 70_000]);
    assert_eq!(load_u64(big + 99_992), 5);
    let s = read_mem_stats();
    collect_with(&[]);
    assert!(read_mem_stats().heap_alloc <= s.heap_alloc - 100_000);
}

#[test]
fn arrays_of_pointers_are_scanned_per_element() {
    let _g = serial();
    let pair = ty(16, &[1]); // struct { n int; p *T }
    let leaf = ty(8, &[]);
    // [50]pair: the bitmap of pair repeats for every element.
    let arr = newarray(pair, 50).unwrap_or(0);
    let mut leaves = Vec::new();
    for i in 0..50u64 {
        let l = mallocgc(8, None, true);
        store_u64(l, i * 3);
        store_u64(arr + 16 * i, l); // not a pointer word: must not retain
        store_u64(arr + 16 * i + 8, l);
        leaves.push(l);
    }
    let _ = leaf;
    let before = read_mem_stats();
    collect_with(&[arr]);
    let after = read_mem_stats();
    assert_eq!(after.frees, before.frees);
    for (i, &l) in leaves.iter().enumerate() {
        assert_eq!(load_u64(l), i as u64 * 3);
    }
    // Only the int word points: clearing the pointer words frees leaves.
    for i in 0..50u64 {
        store_u64(arr + 16 * i + 8, 0);
    }
    collect_with(&[arr]);
    assert_eq!(read_mem_stats().frees - after.frees, 50);
    assert!(newarray(pair, usize::MAX / 8).is_err());
}

#[test]
fn noscan_objects_do_not_retain() {
    let _g = serial();
    let target = mallocgc(32, None, true);
    let holder = mallocgc(32, None, true); // noscan: its words are data
    store_u64(holder, target);
    let before = read_mem_stats();
    collect_with(&[holder]);
    assert_eq!(read_mem_stats().frees - before.frees, 1);
    assert_eq!(load_u64(holder), target);
}

#[test]
fn typed_roots_and_pointer_bitmaps() {
    let _g = serial();
    let rootty = ty(32, &[0, 2]); // {p *T; n int; q *T; m int}
    let mut area = [0u64; 4];
    let a = mallocgc(8, None, true);
    let b = mallocgc(8, None, true);
    let c = mallocgc(8, None, true);
    area[0] = a;
    area[1] = b; // not a pointer word
    area[2] = c;
    let addr = area.as_mut_ptr() as u64;
    let before = read_mem_stats();
    mgc::collect(&mut |m: &mut Marker| m.scan_typed(addr, rootty));
    let mid = read_mem_stats();
    assert_eq!(mid.frees - before.frees, 1);
    assert!(!reallocates(a, 8, 600) && !reallocates(c, 8, 600));
    mgc::collect(&mut |m: &mut Marker| m.scan_block(addr, 4, &[0b0001]));
    assert!(read_mem_stats().frees > mid.frees);
    assert!(!reallocates(a, 8, 600));
}

#[test]
fn freed_slots_and_pages_are_reused() {
    let _g = serial();
    let a = mallocgc(40_000, None, true);
    store_u64(a, 9);
    collect_with(&[]);
    let b = mallocgc(40_000, None, true);
    assert_eq!(load_u64(b), 0, "reused memory is zeroed");
    collect_with(&[]);
    let sys = read_mem_stats().heap_sys;
    for _ in 0..100 {
        let x = mallocgc(1 << 20, None, true);
        store_u64(x + 8, 1);
        collect_with(&[]);
    }
    assert!(read_mem_stats().heap_sys <= sys + (2 << 20));
}

#[test]
fn stack_segments_are_neither_scanned_nor_freed() {
    let _g = serial();
    let st = stackalloc(8192);
    let obj = mallocgc(16, None, true);
    store_u64(st, obj); // a frame slot: the VM scans it, not the collector
    store_u64(st + 8, 42);
    let before = read_mem_stats();
    assert!(before.stack_inuse >= 8192);
    collect_with(&[st]);
    assert_eq!(load_u64(st + 8), 42);
    assert_eq!(read_mem_stats().frees - before.frees, 1);
    stackfree(st, 8192);
    assert_eq!(read_mem_stats().stack_inuse, before.stack_inuse - 8192);
}

#[test]
fn pacing_follows_gogc() {
    let _g = serial();
    let old = mgc::set_gc_percent(100);
    collect_with(&[]);
    let before = read_mem_stats();
    // 64 MB of garbage, collecting whenever the pacer asks.
    for _ in 0..(64 << 20) / 512 {
        mallocgc(512, None, true);
        if mgc::gc_pending() {
            collect_with(&[]);
        }
    }
    let after = read_mem_stats();
    let n = after.num_gc - before.num_gc;
    assert!(
        (10..=32).contains(&n),
        "{n} collections for 64 MB at GOGC=100"
    );
    assert!(after.heap_sys < 12 << 20, "heap_sys {}", after.heap_sys);
    // GOGC=off: never pending.
    mgc::set_gc_percent(-1);
    for _ in 0..(16 << 20) / 512 {
        mallocgc(512, None, true);
        assert!(!mgc::gc_pending());
    }
    assert_eq!(read_mem_stats().next_gc, u64::MAX);
    mgc::set_gc_percent(100);
    assert!(mgc::gc_pending(), "16 MB live is past the 4 MB goal");
    mgc::gc(&mut |_| {});
    let s = read_mem_stats();
    assert_eq!(s.num_forced_gc, before.num_forced_gc + 1);
    assert!(s.heap_released > 0);
    mgc::set_gc_percent(old);
}

/// 1 GB allocated in total with ~1 MB live: the heap stays bounded.
#[test]
fn churn_runs_in_bounded_memory() {
    let _g = serial();
    let old = mgc::set_gc_percent(100);
    let node = ty(48, &[0, 1]);
    let ptrs = ty(8, &[0]);
    const LIVE: usize = 128; // slots of a table of live nodes (~1.1 MB)
    let table = newarray(ptrs, LIVE).unwrap_or(0);
    let mut total = 0usize;
    let mut i = 0usize;
    let mut max_sys = 0;
    let t = std::time::Instant::now();
    while total < 1 << 30 {
        // Mixed sizes: nodes pointing at byte buffers, some large, each
        // replacing the node LIVE allocations older.
        let n = newobject(node);
        let size = [16usize, 100, 700, 3000, 40_000][i % 5];
        let buf = mallocgc(size, None, true);
        store_u64(n, buf);
        store_u64(table + 8 * (i % LIVE) as u64, n);
        total += 48 + size;
        i += 1;
        if mgc::gc_pending() {
            collect_with(&[table]);
            max_sys = max_sys.max(read_mem_stats().heap_sys);
        }
    }
    let s = read_mem_stats();
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|st| {
            st.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(String::from)
        })
        .unwrap_or_default();
    println!(
        "churn: 1 GB in {:?}, {} collections, max HeapSys {} KB, HeapReleased {} KB, {rss}",
        t.elapsed(),
        s.num_gc,
        max_sys >> 10,
        s.heap_released >> 10
    );
    assert!(max_sys < 32 << 20, "HeapSys reached {max_sys}");
    mgc::set_gc_percent(old);
}

#[test]
fn small_allocation_cost() {
    let _g = serial();
    let node = ty(16, &[0]);
    let n = 2_000_000;
    let t = std::time::Instant::now();
    let mut x = 0;
    for _ in 0..n {
        x ^= newobject(node);
        if mgc::gc_pending() {
            collect_with(&[]);
        }
    }
    let per = t.elapsed().as_nanos() as f64 / n as f64;
    println!("mallocgc(16, scan type): {per:.1} ns/alloc (including collections) {x:#x}");
    let t = std::time::Instant::now();
    for _ in 0..n {
        x ^= mallocgc(24, None, true);
        if mgc::gc_pending() {
            collect_with(&[]);
        }
    }
    let per = t.elapsed().as_nanos() as f64 / n as f64;
    println!("mallocgc(24, noscan): {per:.1} ns/alloc (including collections) {x:#x}");
    assert!(per < 1000.0);
    // The allocation path alone (no collection runs).
    let old = mgc::set_gc_percent(-1);
    let t = std::time::Instant::now();
    for _ in 0..n {
        x ^= newobject(node);
    }
    let per = t.elapsed().as_nanos() as f64 / n as f64;
    println!("mallocgc(16, scan type), GOGC=off: {per:.1} ns/alloc {x:#x}");
    mgc::set_gc_percent(old);
    collect_with(&[]);
}

#[test]
fn threads_allocate_in_parallel_and_collections_see_every_cache() {
    let _g = serial();
    let node = ty(16, &[0]);
    let before = read_mem_stats();
    let heads: Vec<u64> = (0..4u64)
        .map(|t| {
            std::thread::spawn(move || {
                let mut head = 0u64;
                for i in 0..20_000u64 {
                    let n = newobject(node);
                    store_u64(n, head);
                    store_u64(n + 8, t << 32 | i);
                    head = n;
                    mallocgc(40, None, true); // garbage
                }
                head
            })
        })
        .map(|h| h.join().unwrap_or(0))
        .collect();
    let mid = read_mem_stats();
    assert_eq!(mid.mallocs - before.mallocs, 4 * 40_000);
    collect_with(&heads);
    let after = read_mem_stats();
    assert_eq!(after.frees - before.frees, 4 * 20_000);
    for (t, &h) in heads.iter().enumerate() {
        let (mut n, mut i) = (h, 20_000u64);
        while n != 0 {
            i -= 1;
            assert_eq!(load_u64(n + 8), (t as u64) << 32 | i);
            n = load_u64(n);
        }
        assert_eq!(i, 0);
    }
}

#[test]
fn large_objects_scan_their_pointers_and_free_their_pages() {
    let _g = serial();
    let ptr = ty(8, &[0]);
    let before = read_mem_stats();
    // A 1 MB []*T (large, scan) holding 1000 small objects at odd indices.
    let arr = newarray(ptr, 1 << 17).unwrap_or(0);
    let mut objs = Vec::new();
    for i in 0..1000u64 {
        let o = mallocgc(32, None, true);
        store_u64(o, i);
        store_u64(arr + 8 * (2 * i + 1) * 50, o);
        objs.push(o);
    }
    let mid = read_mem_stats();
    assert!(mid.heap_inuse >= before.heap_inuse + (1 << 20));
    collect_with(&[arr]);
    let after = read_mem_stats();
    assert_eq!(after.frees, mid.frees);
    for (i, &o) in objs.iter().enumerate() {
        assert_eq!(load_u64(o), i as u64);
    }
    collect_with(&[]);
    let last = read_mem_stats();
    assert_eq!(last.frees - after.frees, 1001);
    assert!(last.heap_inuse < mid.heap_inuse - (1 << 20) + (64 << 10));
    assert_eq!(last.heap_alloc, before.heap_alloc);
}

/// bench/public/bintree.go's allocation pattern: short-lived binary trees
/// of 24-byte nodes next to one long-lived tree, collecting between trees
/// (the only points where every live pointer is a root).
#[test]
fn bintree_workload() {
    let _g = serial();
    let node = ty(24, &[0, 1]); // struct { left, right *Node; val int }
    fn build(t: &'static Type, depth: u32, val: u64) -> u64 {
        let n = newobject(t);
        store_u64(n + 16, val);
        if depth > 0 {
            store_u64(n, build(t, depth - 1, 2 * val));
            store_u64(n + 8, build(t, depth - 1, 2 * val + 1));
        }
        n
    }
    fn count(n: u64) -> u64 {
        if load_u64(n) == 0 {
            return 1;
        }
        count(load_u64(n)) + count(load_u64(n + 8)) + 1
    }
    collect_with(&[]);
    let before = read_mem_stats();
    let t = std::time::Instant::now();
    let long_lived = build(node, 14, 1);
    let mut nodes = 0;
    for d in (4..=14).step_by(2) {
        for i in 0..1u64 << (14 - d + 4) {
            nodes += count(build(node, d, i));
            if mgc::gc_pending() {
                collect_with(&[long_lived]);
            }
        }
    }
    assert_eq!(count(long_lived), (1 << 15) - 1);
    let s = read_mem_stats();
    println!(
        "bintree: {nodes} nodes in {:?}, {} collections, pause total {} us, max HeapSys {} KB",
        t.elapsed(),
        s.num_gc - before.num_gc,
        (s.pause_total_ns - before.pause_total_ns) / 1000,
        s.heap_sys >> 10
    );
    assert!(s.heap_sys < 16 << 20);
}

#[test]
fn allocating_inside_a_collection_is_an_internal_error() {
    let _g = serial();
    let r = std::panic::catch_unwind(|| {
        mgc::collect(&mut |_| {
            mallocgc(8, None, true);
        })
    });
    let msg = r
        .err()
        .and_then(|e| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    assert!(msg.contains("internal error"), "{msg}");
    // The heap still works afterwards.
    let a = mallocgc(8, None, true);
    store_u64(a, 1);
    collect_with(&[a]);
    assert_eq!(load_u64(a), 1);
}
