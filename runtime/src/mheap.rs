//! The page heap (runtime/mheap.go, mcentral.go): 8 KB pages carved out of
//! one address-space reservation, spans of pages, the page table that maps
//! any heap address to its span, and the central lists of spans with free
//! objects per span class.
//!
//! Invariants:
//! - The heap is the range `base .. base + arena_used` of one reservation
//!   (mem::sys_reserve). `arena_used` only grows; pages past it were never
//!   touched and read as zeros.
//! - `pagetab[p]` is the id of the span owning page `p`, 0 for a free page.
//!   So `Marker::mark` finds the object containing an interior pointer
//!   with one subtraction, one shift and one division.
//! - A span is `InUse` (heap objects of one span class, or one large
//!   object), `Manual` (a goroutine stack segment: never scanned or swept)
//!   or `Dead` (its id is free for reuse).
//! - A span of objects keeps three bitmaps, none in the objects themselves:
//!   `alloc_bits` (1 bit per object: allocated), `mark_bits` (1 bit per
//!   object: reached in the current collection) and `ptr_bits` (1 bit per
//!   word: may hold a pointer, written at allocation from the type).
//!   While a span is cached by an mcache, its alloc and ptr bitmaps are
//!   moved into the cache (`cached` is set) and the heap holds empty ones.
//! - `dirty` has a bit per page that may hold non-zero bytes; free clean
//!   pages need no zeroing, and scavenging makes dirty free pages clean.
//!
//! Example: a 24-byte object at 0xc000002018 lives in page 1 of the heap;
//! `pagetab[1]` names its span of class 3 (24-byte objects) starting at
//! 0xc000002000, so the object is number (0x18 / 24) = 1 and an interior
//! pointer 0xc000002020 finds the same object.

use std::collections::BTreeMap;
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};

use crate::mem;
use crate::sizeclasses::{CLASS_TO_ALLOCNPAGES, CLASS_TO_SIZE, NUM_SIZE_CLASSES, PAGE_SIZE};

/// Span classes: size class * 2, plus 1 for noscan (objects without
/// pointers, which need no pointer bitmap and are never scanned).
pub const NUM_SPAN_CLASSES: usize = NUM_SIZE_CLASSES * 2;

/// Pages the heap grows by at least (1 MB), to keep page table growth rare.
const GROW_PAGES: usize = 128;

/// A span's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanState {
    Dead,
    InUse,
    Manual,
}

/// A run of pages (runtime.mspan).
#[derive(Debug)]
pub struct MSpan {
    pub base: u64,
    pub npages: usize,
    pub state: SpanState,
    /// size class << 1 | noscan (class 0: one large object).
    pub spanclass: u8,
    pub elemsize: usize,
    /// divMul: `off * div_mul >> 32` is `off / elemsize` for offsets in
    /// the span (mksizeclasses.go checks this for every class).
    pub div_mul: u32,
    pub nelems: usize,
    /// Allocated objects (as of the last return from an mcache or sweep).
    pub alloc_count: usize,
    pub alloc_bits: Vec<u64>,
    pub mark_bits: Vec<u64>,
    pub ptr_bits: Vec<u64>,
    /// Free slots may hold stale bytes (mallocgc must zero them).
    pub needzero: bool,
    /// Owned by an mcache: its bitmaps are there.
    pub cached: bool,
}

impl MSpan {
    fn dead() -> MSpan {
        MSpan {
            base: 0,
            npages: 0,
            state: SpanState::Dead,
            spanclass: 0,
            elemsize: 0,
            div_mul: 0,
            nelems: 0,
            alloc_count: 0,
            alloc_bits: Vec::new(),
            mark_bits: Vec::new(),
            ptr_bits: Vec::new(),
            needzero: false,
            cached: false,
        }
    }

    pub fn noscan(&self) -> bool {
        self.spanclass & 1 != 0
    }

    pub fn sizeclass(&self) -> usize {
        (self.spanclass >> 1) as usize
    }

    /// objIndex: the number of the object at byte `off` of the span.
    #[inline]
    pub fn obj_index(&self, off: usize) -> usize {
        ((off as u64 * self.div_mul as u64) >> 32) as usize
    }

    pub fn bytes(&self) -> usize {
        self.npages * PAGE_SIZE
    }
}

/// Counters the heap keeps for ReadMemStats and the pacer (mstats.go).
#[derive(Debug, Clone)]
pub struct HeapCounters {
    /// Bytes the pacer counts as live: allocated objects plus the free
    /// slots of spans in mcaches (gc's heapLive).
    pub heap_live: u64,
    /// Bytes of allocated heap objects (HeapAlloc), excluding allocations
    /// still only counted in mcaches.
    pub heap_alloc: u64,
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
    /// Per size class (0: large objects).
    pub class_mallocs: [u64; NUM_SIZE_CLASSES],
    pub class_frees: [u64; NUM_SIZE_CLASSES],
    /// Pages in InUse spans and in Manual (stack) spans.
    pub inuse_pages: usize,
    pub stack_pages: usize,
}

impl Default for HeapCounters {
    fn default() -> Self {
        HeapCounters {
            heap_live: 0,
            heap_alloc: 0,
            total_alloc: 0,
            mallocs: 0,
            frees: 0,
            class_mallocs: [0; NUM_SIZE_CLASSES],
            class_frees: [0; NUM_SIZE_CLASSES],
            inuse_pages: 0,
            stack_pages: 0,
        }
    }
}

/// The heap (runtime.mheap).
pub struct MHeap {
    pub base: u64,
    reserved: usize,
    /// Bytes of the reservation handed out as pages so far.
    pub arena_used: usize,
    pub pagetab: Vec<u32>,
    pub spans: Vec<MSpan>,
    free_sids: Vec<u32>,
    /// Free page runs: first page -> number of pages (coalesced).
    free_runs: BTreeMap<usize, usize>,
    /// Pages that may hold non-zero bytes.
    dirty: Vec<u64>,
    /// Free pages that are clean (never used, or released to the OS).
    free_clean: usize,
    /// Span ids of uncached spans with free objects, per span class
    /// (checked when taken: entries may be stale).
    pub central: Vec<Vec<u32>>,
    pub stats: HeapCounters,
    pub pacer: crate::mgc::Pacer,
}

/// The global heap. Lock order: the mcache registry, then mcaches, then
/// this.
pub static MHEAP: LazyLock<Mutex<MHeap>> = LazyLock::new(|| Mutex::new(MHeap::new()));

/// Locks the heap (a panic while holding it leaves it consistent enough to
/// keep going: every mutation is completed before anything may panic).
pub fn lock_heap() -> MutexGuard<'static, MHeap> {
    MHEAP.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Reports gc's out-of-memory fatal error and exits with status 2.
pub fn throw_oom(size: usize, inuse: u64) -> ! {
    eprintln!("runtime: out of memory: cannot allocate {size}-byte block ({inuse} in use)");
    eprintln!("fatal error: out of memory");
    std::process::exit(2)
}

impl MHeap {
    fn new() -> MHeap {
        // 64 GB of address space like gc's arenas, less when the OS refuses.
        let mut reserved = if cfg!(miri) { 16 << 20 } else { 64usize << 30 };
        let base = loop {
            if let Some(b) = mem::sys_reserve(reserved) {
                break b;
            }
            reserved /= 2;
            if reserved < 16 << 20 {
                throw_oom(reserved, 0);
            }
        };
        MHeap {
            base,
            reserved,
            arena_used: 0,
            pagetab: Vec::new(),
            spans: vec![MSpan::dead()],
            free_sids: Vec::new(),
            free_runs: BTreeMap::new(),
            dirty: Vec::new(),
            free_clean: 0,
            central: vec![Vec::new(); NUM_SPAN_CLASSES],
            stats: HeapCounters::default(),
            pacer: crate::mgc::Pacer::from_env(),
        }
    }

    /// The span containing `addr`, if it is inside the heap and owned.
    #[inline]
    pub fn span_of(&self, addr: u64) -> Option<u32> {
        let off = addr.wrapping_sub(self.base) as usize;
        if off >= self.arena_used {
            return None;
        }
        match self.pagetab[off / PAGE_SIZE] {
            0 => None,
            sid => Some(sid),
        }
    }

    fn is_dirty(&self, page: usize) -> bool {
        self.dirty[page / 64] & (1 << (page % 64)) != 0
    }

    fn set_dirty(&mut self, page: usize, npages: usize, dirty: bool) {
        for p in page..page + npages {
            if dirty {
                self.dirty[p / 64] |= 1 << (p % 64);
            } else {
                self.dirty[p / 64] &= !(1 << (p % 64));
            }
        }
    }

    /// Takes `npages` free pages (lowest address first, growing the heap
    /// when no free run is big enough). Returns the first page.
    fn alloc_pages(&mut self, npages: usize) -> usize {
        let fit = self
            .free_runs
            .iter()
            .find(|&(_, &n)| n >= npages)
            .map(|(&p, &n)| (p, n));
        let (page, run) = match fit {
            Some(f) => f,
            None => self.grow(npages),
        };
        self.free_runs.remove(&page);
        if run > npages {
            self.free_runs.insert(page + npages, run - npages);
        }
        page
    }

    /// Extends the heap by at least `npages`, as one free run (merged with
    /// a free run ending at the old end). Returns that run.
    fn grow(&mut self, npages: usize) -> (usize, usize) {
        let grow = npages.max(GROW_PAGES);
        let old = self.arena_used / PAGE_SIZE;
        let bytes = grow * PAGE_SIZE;
        if self.arena_used + bytes > self.reserved {
            throw_oom(npages * PAGE_SIZE, self.stats.heap_alloc);
        }
        self.arena_used += bytes;
        self.free_clean += grow;
        let pages = self.arena_used / PAGE_SIZE;
        self.pagetab.resize(pages, 0);
        self.dirty.resize(pages.div_ceil(64), 0);
        // Merge with a free run that ends at the old end.
        let prev = self
            .free_runs
            .range(..old)
            .next_back()
            .map(|(&p, &n)| (p, n));
        match prev {
            Some((p, n)) if p + n == old => {
                self.free_runs.insert(p, n + grow);
                (p, n + grow)
            }
            _ => {
                self.free_runs.insert(old, grow);
                (old, grow)
            }
        }
    }

    /// Returns pages to the free runs, coalescing with neighbours.
    fn free_pages(&mut self, mut page: usize, mut npages: usize) {
        if let Some(n) = self.free_runs.remove(&(page + npages)) {
            npages += n;
        }
        let prev = self
            .free_runs
            .range(..page)
            .next_back()
            .map(|(&p, &n)| (p, n));
        if let Some((p, n)) = prev {
            if p + n == page {
                self.free_runs.remove(&p);
                page = p;
                npages += n;
            }
        }
        self.free_runs.insert(page, npages);
    }

    /// Allocates a span of `npages` in `state`; returns its id and whether
    /// its memory may be dirty.
    pub fn alloc_span(&mut self, npages: usize, state: SpanState) -> (u32, bool) {
        let page = self.alloc_pages(npages);
        let clean = (page..page + npages).filter(|&p| !self.is_dirty(p)).count();
        let needzero = clean < npages;
        self.free_clean -= clean;
        self.set_dirty(page, npages, true);
        let sid = match self.free_sids.pop() {
            Some(s) => s,
            None => {
                self.spans.push(MSpan::dead());
                (self.spans.len() - 1) as u32
            }
        };
        for p in &mut self.pagetab[page..page + npages] {
            *p = sid;
        }
        let s = &mut self.spans[sid as usize];
        s.base = self.base + (page * PAGE_SIZE) as u64;
        s.npages = npages;
        s.state = state;
        s.needzero = needzero;
        s.cached = false;
        s.alloc_count = 0;
        if state == SpanState::Manual {
            self.stats.stack_pages += npages;
        } else {
            self.stats.inuse_pages += npages;
        }
        (sid, needzero)
    }

    /// Allocates a fresh span for span class `spc` (mcentral.grow).
    pub fn alloc_small_span(&mut self, spc: usize) -> u32 {
        let class = spc >> 1;
        let npages = CLASS_TO_ALLOCNPAGES[class] as usize;
        let (sid, _) = self.alloc_span(npages, SpanState::InUse);
        let s = &mut self.spans[sid as usize];
        s.spanclass = spc as u8;
        s.elemsize = CLASS_TO_SIZE[class] as usize;
        s.div_mul = (u32::MAX / s.elemsize as u32).wrapping_add(1);
        s.nelems = npages * PAGE_SIZE / s.elemsize;
        let words = s.nelems.div_ceil(64);
        reset_bits(&mut s.alloc_bits, words);
        reset_bits(&mut s.mark_bits, words);
        if spc & 1 == 0 {
            reset_bits(&mut s.ptr_bits, npages * PAGE_SIZE / 8 / 64);
        } else {
            s.ptr_bits = Vec::new();
        }
        sid
    }

    /// Allocates a span holding one large object of `npages` pages.
    pub fn alloc_large_span(&mut self, npages: usize, noscan: bool) -> (u32, bool) {
        let (sid, needzero) = self.alloc_span(npages, SpanState::InUse);
        let s = &mut self.spans[sid as usize];
        s.spanclass = noscan as u8;
        s.elemsize = npages * PAGE_SIZE;
        s.div_mul = 0;
        s.nelems = 1;
        s.alloc_count = 1;
        reset_bits(&mut s.alloc_bits, 1);
        s.alloc_bits[0] = 1;
        reset_bits(&mut s.mark_bits, 1);
        if noscan {
            s.ptr_bits = Vec::new();
        } else {
            reset_bits(&mut s.ptr_bits, npages * PAGE_SIZE / 8 / 64);
        }
        (sid, needzero)
    }

    /// Frees span `sid` and its pages (its objects are all dead).
    pub fn free_span(&mut self, sid: u32) {
        let s = &mut self.spans[sid as usize];
        let page = ((s.base - self.base) as usize) / PAGE_SIZE;
        let npages = s.npages;
        if s.state == SpanState::Manual {
            self.stats.stack_pages -= npages;
        } else {
            self.stats.inuse_pages -= npages;
        }
        s.state = SpanState::Dead;
        s.cached = false;
        // Keep big bitmaps from pinning memory after the span dies.
        if s.ptr_bits.len() > 128 {
            s.ptr_bits = Vec::new();
        }
        for p in &mut self.pagetab[page..page + npages] {
            *p = 0;
        }
        self.free_sids.push(sid);
        self.free_pages(page, npages);
    }

    /// Pages in free runs, and how many of them are clean (released).
    pub fn free_page_counts(&self) -> (usize, usize) {
        let pages = self.arena_used / PAGE_SIZE;
        let free = pages - self.stats.inuse_pages - self.stats.stack_pages;
        (free, self.free_clean)
    }

    /// The scavenger (mgcscavenge.go), run after each sweep: releases dirty
    /// free pages to the OS, highest addresses first, until the heap keeps
    /// at most `retain` bytes of in-use plus dirty free pages.
    pub fn scavenge(&mut self, retain: usize) {
        let (free, clean) = self.free_page_counts();
        let held = (self.stats.inuse_pages + self.stats.stack_pages + free - clean) * PAGE_SIZE;
        let mut excess = held.saturating_sub(retain) / PAGE_SIZE;
        if excess == 0 {
            return;
        }
        let runs: Vec<(usize, usize)> =
            self.free_runs.iter().rev().map(|(&p, &n)| (p, n)).collect();
        for (p, n) in runs {
            if excess == 0 {
                break;
            }
            let dirty = (p..p + n).filter(|&q| self.is_dirty(q)).count();
            if dirty == 0 {
                continue;
            }
            let base = self.base + (p * PAGE_SIZE) as u64;
            mem::sys_unused(base, n * PAGE_SIZE);
            self.set_dirty(p, n, false);
            self.free_clean += dirty;
            excess = excess.saturating_sub(dirty);
        }
    }

    /// Heap bytes obtained from the OS (HeapSys + StackSys).
    pub fn sys_bytes(&self) -> usize {
        self.arena_used
    }
}

/// Sets `v` to `words` zero words, reusing its buffer.
pub fn reset_bits(v: &mut Vec<u64>, words: usize) {
    v.clear();
    v.resize(words, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Free and clean page counts recomputed from the runs and bits.
    fn recount(h: &MHeap) -> (usize, usize) {
        let mut free = 0;
        let mut clean = 0;
        for (&p, &n) in &h.free_runs {
            free += n;
            clean += (p..p + n).filter(|&q| !h.is_dirty(q)).count();
        }
        (free, clean)
    }

    #[test]
    fn pages_coalesce_and_counters_agree() {
        let mut h = MHeap::new();
        let a = h.alloc_large_span(3, true).0;
        let b = h.alloc_small_span(7);
        let c = h.alloc_span(2, SpanState::Manual).0;
        assert_eq!(h.free_page_counts(), recount(&h));
        let (base_a, base_b) = (h.spans[a as usize].base, h.spans[b as usize].base);
        assert_eq!(base_b, base_a + 3 * PAGE_SIZE as u64);
        assert_eq!(h.span_of(base_b + 100), Some(b));
        // divMul gives exact object numbers in every class.
        for class in 1..NUM_SIZE_CLASSES {
            let sid = h.alloc_small_span(class << 1 | 1);
            let s = &h.spans[sid as usize];
            for off in 0..s.bytes() {
                assert_eq!(
                    s.obj_index(off),
                    off / s.elemsize,
                    "class {class} offset {off}"
                );
            }
            h.free_span(sid);
        }
        assert_eq!(h.span_of(base_a + 3 * PAGE_SIZE as u64 - 1), Some(a));
        h.free_span(a);
        h.free_span(b);
        assert_eq!(h.span_of(base_a), None);
        // a and b coalesced: a 4-page span fits where they were.
        let (d, dirty) = h.alloc_large_span(4, false);
        assert_eq!(h.spans[d as usize].base, base_a);
        assert!(dirty);
        assert_eq!(h.free_page_counts(), recount(&h));
        h.free_span(d);
        h.free_span(c);
        h.scavenge(0);
        let (free, clean) = h.free_page_counts();
        assert_eq!((free, clean), recount(&h));
        assert_eq!(free, clean, "everything free is released");
        let (_, dirty) = h.alloc_large_span(4, false);
        assert!(!dirty, "released pages are zero");
    }
}
