//! The CLI's global allocator: the system's malloc, except on a thread that
//! has turned on *bump mode* for a front-end run whose memory lives until
//! the process exits (`goscope check`).
//!
//! Why: parsing and checking a 100,000-line program makes about 940,000
//! allocations (tree nodes, vectors, names) and 470,000 frees, and glibc
//! spends some 140 instructions on each call: 18% of `goscope check`. In
//! bump mode a small block comes from the thread's current 4 MiB chunk by
//! bumping a pointer, a freed one goes on its size class's free list for
//! the next allocation of that class, and chunks are never given back (the
//! front end's tree and tables are leaked at exit anyway, see
//! `driver::check_source_for_exit`): a dozen instructions per call, and
//! blocks allocated together lie together.
//!
//! Blocks outlive the mode (the tree is dropped or leaked after it ends),
//! so every chunk is registered in a bitmap indexed by address / [`CHUNK`]:
//! `dealloc` and `realloc` tell a chunk block from a malloc block by its
//! address alone, on any thread and in either mode. A freed chunk block
//! goes on the free lists of the thread that frees it (chunks are never
//! unmapped, so any thread may reuse it).
//!
//! Only blocks of at most [`MAX_SMALL`] bytes and alignment at most 16 come
//! from chunks; bigger ones (token vectors, the checker's tables) stay with
//! malloc, whose `realloc` can grow them in place.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Size and alignment of a chunk.
const CHUNK_SHIFT: u32 = 22;
pub const CHUNK: usize = 1 << CHUNK_SHIFT;
/// The largest block served from chunks.
pub const MAX_SMALL: usize = 32 << 10;
/// Size classes: multiples of 16 up to 1 KiB (classes 1..=64), then
/// powers of two up to [`MAX_SMALL`] (classes 65..=69).
const NCLASSES: usize = 70;
/// Addresses covered by the chunk bitmap (x86-64 and AArch64 user space);
/// a chunk above it is not used.
const ADDR_BITS: u32 = 47;
const MAP_WORDS: usize = 1 << (ADDR_BITS - CHUNK_SHIFT - 6);

/// One bit per possible chunk: set when that chunk belongs to the bump
/// allocator. 4 MiB of zeroed static data, of which only the pages that
/// hold set bits are ever touched.
static CHUNK_MAP: [AtomicU64; MAP_WORDS] = [const { AtomicU64::new(0) }; MAP_WORDS];

/// A thread's bump state.
struct Bump {
    enabled: Cell<bool>,
    /// Next free byte of the current chunk, and its end (0, 0 before the
    /// first chunk).
    next: Cell<usize>,
    end: Cell<usize>,
    /// Heads of the free lists, by size class; a free block's first word
    /// is the address of the next one (0 ends the list).
    free: [Cell<usize>; NCLASSES],
}

thread_local! {
    static BUMP: Bump = const {
        Bump {
            enabled: Cell::new(false),
            next: Cell::new(0),
            end: Cell::new(0),
            free: [const { Cell::new(0) }; NCLASSES],
        }
    };
}

/// Turns bump mode on or off for the calling thread. Only a process that
/// installs [`FrontAlloc`] as its global allocator is affected; memory
/// allocated in bump mode is reused but never returned to the system.
pub fn set_bump(on: bool) {
    BUMP.with(|b| b.enabled.set(on));
}

/// Whether the calling thread is in bump mode (a helper thread of the
/// front end inherits it).
pub fn bump_enabled() -> bool {
    BUMP.with(|b| b.enabled.get())
}

/// The size class of a block of `size` bytes (1..=MAX_SMALL).
#[inline]
fn class_of(size: usize) -> usize {
    if size <= 1024 {
        size.div_ceil(16)
    } else {
        // 1025..=2048 -> 65, ..., 16385..=32768 -> 69.
        (usize::BITS - (size - 1).leading_zeros()) as usize + 54
    }
}

/// The block size of a class.
#[inline]
fn class_size(class: usize) -> usize {
    if class <= 64 {
        class * 16
    } else {
        1 << (class - 54)
    }
}

/// Whether `p` lies in a chunk.
#[inline]
fn in_chunk(p: *mut u8) -> bool {
    let idx = p as usize >> CHUNK_SHIFT;
    match CHUNK_MAP.get(idx >> 6) {
        Some(w) => w.load(Ordering::Relaxed) & (1 << (idx & 63)) != 0,
        None => false,
    }
}

impl Bump {
    /// A block for `layout` from the free lists or the current chunk;
    /// None when bump mode is off or the block is not small.
    #[inline]
    fn alloc(&self, layout: Layout) -> Option<*mut u8> {
        if !self.enabled.get() || layout.size() > MAX_SMALL || layout.align() > 16 {
            return None;
        }
        let class = class_of(layout.size().max(1));
        let head = self.free[class].get();
        if head != 0 {
            // SAFETY: `head` is a block of this class on the free list: it
            // lies in a chunk (never unmapped), is 16-aligned and at least
            // 16 bytes, and its first word holds the next list entry.
            let next = unsafe { *(head as *const usize) };
            self.free[class].set(next);
            return Some(head as *mut u8);
        }
        let size = class_size(class);
        let p = self.next.get();
        if self.end.get() - p >= size {
            self.next.set(p + size);
            return Some(p as *mut u8);
        }
        self.refill(size)
    }

    /// Starts a new chunk and takes `size` bytes from it.
    #[cold]
    fn refill(&self, size: usize) -> Option<*mut u8> {
        let p = new_chunk()?;
        self.next.set(p + size);
        self.end.set(p + CHUNK);
        Some(p as *mut u8)
    }

    /// Puts a chunk block of `size` bytes on its free list.
    #[inline]
    fn free(&self, p: *mut u8, size: usize) {
        let class = class_of(size.max(1));
        // SAFETY: `p` is a chunk block of this class that its owner gave
        // up: it is 16-aligned and at least 16 bytes, so its first word
        // can hold the list link.
        unsafe { *(p as *mut usize) = self.free[class].get() };
        self.free[class].set(p as usize);
    }
}

/// A new chunk, registered in [`CHUNK_MAP`]; None when the system has no
/// memory or the chunk lies above the mapped address range.
fn new_chunk() -> Option<usize> {
    let layout = Layout::from_size_align(CHUNK, CHUNK).ok()?;
    // SAFETY: the layout has a non-zero size.
    let base = unsafe { System.alloc(layout) };
    if base.is_null() {
        return None;
    }
    let idx = base as usize >> CHUNK_SHIFT;
    let Some(word) = CHUNK_MAP.get(idx >> 6) else {
        // Above the mapped address range: give the chunk back.
        // SAFETY: `base` was just allocated with `layout`.
        unsafe { System.dealloc(base, layout) };
        return None;
    };
    word.fetch_or(1 << (idx & 63), Ordering::Relaxed);
    Some(base as usize)
}

/// The global allocator of the `goscope` binary (see the module comment).
pub struct FrontAlloc;

// SAFETY: chunk blocks are handed out once until freed (free lists and the
// bump pointer are per thread, and a chunk's bytes are either below `next`
// and owned by one block or above it and unused); blocks are 16-aligned
// (chunks are CHUNK-aligned, class sizes are multiples of 16) and only
// layouts with alignment <= 16 get one; everything else is the system
// allocator's, and its blocks are never in a chunk.
unsafe impl GlobalAlloc for FrontAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if let Some(p) = BUMP.with(|b| b.alloc(layout)) {
            return p;
        }
        // SAFETY: the caller's contract for `layout` is System's.
        unsafe { System.alloc(layout) }
    }

    /// Zeroed system blocks come from `calloc`, which leaves fresh pages
    /// untouched (the default would write every byte).
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if let Some(p) = BUMP.with(|b| b.alloc(layout)) {
            // SAFETY: `p` is a fresh block of at least `layout.size()` bytes.
            unsafe { std::ptr::write_bytes(p, 0, layout.size()) };
            return p;
        }
        // SAFETY: the caller's contract for `layout` is System's.
        unsafe { System.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if in_chunk(ptr) {
            BUMP.with(|b| b.free(ptr, layout.size()));
        } else {
            // SAFETY: not a chunk block, so System allocated it.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !in_chunk(ptr) {
            // SAFETY: not a chunk block, so System allocated it.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        if new_size <= MAX_SMALL && class_of(new_size.max(1)) == class_of(layout.size().max(1)) {
            return ptr;
        }
        // SAFETY: the caller guarantees that `new_size`, rounded up to
        // `layout.align()`, does not overflow isize.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: new_size is non-zero (GlobalAlloc::realloc's contract).
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are valid for the smaller size and are
            // distinct (the old one is not free yet).
            unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
            // SAFETY: `ptr` was allocated with `layout` and is not used again.
            unsafe { self.dealloc(ptr, layout) };
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_sizes() {
        for size in 1..=MAX_SMALL {
            let c = class_of(size);
            assert!((1..NCLASSES).contains(&c), "size {size}");
            assert!(class_size(c) >= size, "size {size}");
            assert_eq!(class_size(c) % 16, 0);
            if c > 1 {
                assert!(class_size(c - 1) < size, "size {size} not tight");
            }
        }
    }

    /// Runs on a thread of its own so that bump mode stays local to it.
    #[test]
    fn bump_blocks_are_distinct_reused_and_movable() {
        std::thread::spawn(|| {
            let a = FrontAlloc;
            set_bump(true);
            let mut blocks = Vec::new();
            for i in 1..3000usize {
                let size = (i * 37) % 5000 + 1;
                let layout = Layout::from_size_align(size, 8).unwrap();
                // SAFETY: non-zero size.
                let p = unsafe { a.alloc(layout) };
                assert!(!p.is_null());
                assert!(in_chunk(p));
                assert_eq!(p as usize % 16, 0);
                // SAFETY: p is valid for `size` bytes.
                unsafe { std::ptr::write_bytes(p, i as u8, size) };
                blocks.push((p, layout, i as u8));
            }
            for &(p, layout, v) in &blocks {
                // SAFETY: each block is live and was filled with `v`.
                let s = unsafe { std::slice::from_raw_parts(p, layout.size()) };
                assert!(s.iter().all(|&b| b == v));
            }
            // Freed blocks are reused by the same class.
            let (p0, l0, _) = blocks[0];
            // SAFETY: p0 is live with layout l0.
            unsafe { a.dealloc(p0, l0) };
            // SAFETY: non-zero size.
            let again = unsafe { a.alloc(l0) };
            assert_eq!(again, p0);
            // Growing moves the contents to a bigger class.
            // SAFETY: `again` is live with l0 (37 bytes).
            unsafe { std::ptr::write_bytes(again, 1, l0.size()) };
            // SAFETY: `again` is live with l0.
            let grown = unsafe { a.realloc(again, l0, 3000) };
            // SAFETY: grown is valid for 3000 bytes, the first 37 copied.
            let s = unsafe { std::slice::from_raw_parts(grown, 37) };
            assert!(s.iter().all(|&b| b == 1));
            // Big blocks and blocks allocated with the mode off are the
            // system's, and every block can be freed after the mode ends.
            let big = Layout::from_size_align(MAX_SMALL + 1, 8).unwrap();
            // SAFETY: non-zero size.
            let b = unsafe { a.alloc(big) };
            assert!(!in_chunk(b));
            set_bump(false);
            let small = Layout::from_size_align(24, 8).unwrap();
            // SAFETY: non-zero size.
            let s = unsafe { a.alloc(small) };
            assert!(!in_chunk(s));
            // SAFETY: each block is freed once with its layout.
            unsafe {
                a.dealloc(b, big);
                a.dealloc(s, small);
                a.dealloc(grown, Layout::from_size_align(3000, 8).unwrap());
                for &(p, layout, _) in &blocks[1..] {
                    a.dealloc(p, layout);
                }
            }
        })
        .join()
        .unwrap();
    }
}
