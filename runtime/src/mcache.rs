//! Per-thread span caches (runtime/mcache.go): the allocation fast path.
//!
//! Each thread (M) that allocates owns an [`MCache`] holding at most one
//! span per span class. While cached, the span's allocation and pointer
//! bitmaps live in the cache, so allocating is: find the next zero bit of
//! the alloc bitmap from `freeindex`, set it, write the object's pointer
//! bits — no lock but the cache's own (uncontended unless a collection is
//! flushing it). When the span is full the cache hands it back to the heap
//! and takes another (`refill`, under the heap lock).
//!
//! The pacer counts a cached span's free slots as live when the span is
//! taken (gc's mcache.refill does the same), so heap growth is seen at
//! refills without a shared counter per allocation.
//!
//! Every cache is registered in [`MCACHES`], so the collector (which stops
//! the world) and ReadMemStats can flush them all back into the heap.

use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use crate::mheap::{lock_heap, reset_bits, MHeap, NUM_SPAN_CLASSES};
use crate::sizeclasses::NUM_SIZE_CLASSES;

/// A span owned by a cache, with its bitmaps moved in.
#[derive(Debug)]
pub struct CachedSpan {
    pub sid: u32,
    pub base: u64,
    pub elemsize: usize,
    nelems: usize,
    /// No slot below this is free.
    freeindex: usize,
    alloc_count: usize,
    /// alloc_count when the span was taken.
    start_count: usize,
    alloc_bits: Vec<u64>,
    pub ptr_bits: Vec<u64>,
    pub needzero: bool,
}

impl CachedSpan {
    /// nextFreeFast: the index of the next free slot, marked allocated.
    #[inline]
    pub fn next_free(&mut self) -> Option<usize> {
        let mut i = self.freeindex;
        while i < self.nelems {
            let w = i / 64;
            let free = !self.alloc_bits[w] & (!0u64 << (i % 64));
            if free != 0 {
                let j = w * 64 + free.trailing_zeros() as usize;
                if j >= self.nelems {
                    break;
                }
                self.alloc_bits[w] |= 1 << (j % 64);
                self.freeindex = j + 1;
                self.alloc_count += 1;
                return Some(j);
            }
            i = (w + 1) * 64;
        }
        self.freeindex = self.nelems;
        None
    }
}

/// One thread's cache (runtime.mcache).
#[derive(Debug)]
pub struct MCache {
    pub alloc: Vec<Option<CachedSpan>>,
    /// Small allocations not yet added to the heap's counters.
    pub local_mallocs: [u64; NUM_SIZE_CLASSES],
}

impl MCache {
    fn new() -> MCache {
        MCache {
            alloc: (0..NUM_SPAN_CLASSES).map(|_| None).collect(),
            local_mallocs: [0; NUM_SIZE_CLASSES],
        }
    }

    /// Replaces the cached span of class `spc` by one with a free slot.
    pub fn refill(&mut self, spc: usize) -> &mut CachedSpan {
        check_not_in_gc();
        let mut h = lock_heap();
        if let Some(c) = self.alloc[spc].take() {
            uncache(&mut h, c);
        }
        let sid = take_central(&mut h, spc).unwrap_or_else(|| h.alloc_small_span(spc));
        let s = &mut h.spans[sid as usize];
        s.cached = true;
        let c = CachedSpan {
            sid,
            base: s.base,
            elemsize: s.elemsize,
            nelems: s.nelems,
            freeindex: 0,
            alloc_count: s.alloc_count,
            start_count: s.alloc_count,
            alloc_bits: std::mem::take(&mut s.alloc_bits),
            ptr_bits: std::mem::take(&mut s.ptr_bits),
            needzero: s.needzero,
        };
        let free_bytes = ((c.nelems - c.alloc_count) * c.elemsize) as u64;
        h.stats.heap_live += free_bytes;
        crate::mgc::check_goal(&h);
        self.alloc[spc].insert(c)
    }

    /// releaseAll: returns every cached span and the local counters to the
    /// heap (before a collection, and for exact statistics).
    pub fn release_all(&mut self, h: &mut MHeap) {
        for c in self.alloc.iter_mut() {
            if let Some(c) = c.take() {
                uncache(h, c);
            }
        }
        for (class, n) in self.local_mallocs.iter_mut().enumerate() {
            h.stats.class_mallocs[class] += *n;
            h.stats.mallocs += *n;
            h.stats.total_alloc += *n * crate::sizeclasses::CLASS_TO_SIZE[class] as u64;
            *n = 0;
        }
    }
}

/// Takes an uncached span of class `spc` with a free slot from the central
/// list (entries may be stale: spans freed, reused or cached since).
fn take_central(h: &mut MHeap, spc: usize) -> Option<u32> {
    while let Some(sid) = h.central[spc].pop() {
        let s = &h.spans[sid as usize];
        if s.state == crate::mheap::SpanState::InUse
            && !s.cached
            && s.spanclass as usize == spc
            && s.alloc_count < s.nelems
        {
            return Some(sid);
        }
    }
    None
}

/// Gives a cached span back to the heap.
fn uncache(h: &mut MHeap, mut c: CachedSpan) {
    let used = (c.alloc_count - c.start_count) as u64 * c.elemsize as u64;
    let unused_free = ((c.nelems - c.alloc_count) * c.elemsize) as u64;
    h.stats.heap_live -= unused_free;
    h.stats.heap_alloc += used;
    let s = &mut h.spans[c.sid as usize];
    s.cached = false;
    s.alloc_count = c.alloc_count;
    if c.alloc_bits.is_empty() {
        reset_bits(&mut c.alloc_bits, c.nelems.div_ceil(64));
    }
    s.alloc_bits = c.alloc_bits;
    s.ptr_bits = c.ptr_bits;
    if c.alloc_count < c.nelems {
        h.central[s.spanclass as usize].push(c.sid);
    }
}

/// Every thread's cache, for the collector and ReadMemStats.
pub static MCACHES: LazyLock<Mutex<Vec<Arc<Mutex<MCache>>>>> =
    LazyLock::new(|| Mutex::new(Vec::new()));

fn register() -> Arc<Mutex<MCache>> {
    let c = Arc::new(Mutex::new(MCache::new()));
    MCACHES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(c.clone());
    c
}

thread_local! {
    static MCACHE: Arc<Mutex<MCache>> = register();
}

/// The cache used by threads whose own is already destroyed (allocation
/// from thread-local destructors).
static FALLBACK: LazyLock<Arc<Mutex<MCache>>> = LazyLock::new(register);

thread_local! {
    /// Set while this thread runs a collection (its roots callback must
    /// not allocate: every cache is locked).
    static IN_GC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the calling thread's cache locked.
#[inline]
pub fn with_mcache<R>(f: impl FnOnce(&mut MCache) -> R) -> R {
    let mut f = Some(f);
    if let Ok(Some(r)) = MCACHE.try_with(|c| f.take().map(|f| f(&mut acquire(c)))) {
        return r;
    }
    match f.take() {
        Some(f) => f(&mut acquire(&FALLBACK)),
        None => unreachable!("goscope: internal error: mcache closure ran without a result"),
    }
}

/// Reports allocation from inside a collection (the heap and every cache
/// are locked by this thread: going on would deadlock).
pub fn check_not_in_gc() {
    if IN_GC.with(|g| g.get()) {
        panic!("goscope: internal error: mallocgc called during a collection");
    }
}

/// Locks a cache for allocation: blocks while another thread collects,
/// and reports allocation from inside a collection (which would deadlock).
#[inline]
fn acquire(c: &Mutex<MCache>) -> MutexGuard<'_, MCache> {
    match c.try_lock() {
        Ok(g) => g,
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => {
            check_not_in_gc();
            lock_cache(c)
        }
    }
}

fn lock_cache(c: &Mutex<MCache>) -> MutexGuard<'_, MCache> {
    c.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Stops the world for the heap: locks every registered cache (so no
/// thread is allocating), then the heap (lock order: registry, caches,
/// heap), flushes the caches into the heap and runs `f`. The calling
/// thread must not be inside mallocgc (its own cache would deadlock).
/// Afterwards drops the registry's caches of exited threads.
pub fn with_world_stopped<R>(f: impl FnOnce(&mut MHeap) -> R) -> R {
    let caches = MCACHES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    /// Clears IN_GC however the collection ends.
    struct InGc;
    impl Drop for InGc {
        fn drop(&mut self) {
            IN_GC.with(|g| g.set(false));
        }
    }
    IN_GC.with(|g| g.set(true));
    let in_gc = InGc;
    let r = {
        let mut guards: Vec<_> = caches.iter().map(|c| lock_cache(c)).collect();
        let mut h = lock_heap();
        for g in guards.iter_mut() {
            g.release_all(&mut h);
        }
        f(&mut h)
    };
    drop(in_gc);
    drop(caches);
    MCACHES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|c| Arc::strong_count(c) > 1);
    r
}
