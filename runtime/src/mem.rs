//! Raw memory access: the only place Go memory is read and written through
//! addresses. See docs/vm.md section 1.
//!
//! Go memory is real memory: heap objects (malloc.rs), goroutine stack
//! segments and static data. Every function here takes addresses the VM
//! produced (allocations, addresses of frame slots or static data, element
//! addresses the compiler's bounds checks proved inside an object) or that
//! the program made with unsafe.Pointer, which Go leaves unchecked too. The
//! VM checks for nil before it dereferences; nothing here does.

macro_rules! load_store {
    ($load:ident, $store:ident, $t:ty) => {
        /// Reads a value of the type at `addr` (any alignment).
        #[inline(always)]
        pub fn $load(addr: u64) -> $t {
            // SAFETY: `addr` points into live Go memory of at least this
            // size (the module's invariant above); unaligned reads are
            // allowed because packed Go layouts are not always aligned.
            unsafe { std::ptr::read_unaligned(addr as usize as *const $t) }
        }

        /// Writes a value of the type at `addr` (any alignment).
        #[inline(always)]
        pub fn $store(addr: u64, v: $t) {
            // SAFETY: as for the load: `addr` is live, writable Go memory.
            unsafe { std::ptr::write_unaligned(addr as usize as *mut $t, v) }
        }
    };
}

load_store!(load_u8, store_u8, u8);
load_store!(load_u16, store_u16, u16);
load_store!(load_u32, store_u32, u32);
load_store!(load_u64, store_u64, u64);

/// The read-modify-write operations of sync/atomic on a Go word.
#[derive(Clone, Copy, Debug)]
pub enum AtomicOp {
    Load,
    Store(u64),
    Add(u64),
    Swap(u64),
    /// CompareAndSwap(old, new): yields 1 when it swapped, else 0.
    Cas(u64, u64),
}

macro_rules! atomic_rmw {
    ($name:ident, $t:ty, $at:ty, $load:ident, $store:ident) => {
        /// Applies `op` atomically (sequentially consistent, as Go's
        /// atomics) to the aligned word at `addr`; returns the loaded,
        /// new (Add), old (Swap) value, or 1/0 for Cas. A misaligned
        /// `addr` (only unsafe code makes one) gets a plain access.
        pub fn $name(addr: u64, op: AtomicOp) -> u64 {
            use std::sync::atomic::Ordering::SeqCst;
            if addr % (std::mem::size_of::<$t>() as u64) != 0 {
                let v = $load(addr);
                let (keep, r) = match op {
                    AtomicOp::Load => (v, v),
                    AtomicOp::Store(n) => (n as $t, 0),
                    AtomicOp::Add(d) => (v.wrapping_add(d as $t), v.wrapping_add(d as $t)),
                    AtomicOp::Swap(n) => (n as $t, v),
                    AtomicOp::Cas(old, new) if v == old as $t => (new as $t, 1),
                    AtomicOp::Cas(..) => (v, 0),
                };
                $store(addr, keep);
                return r as u64;
            }
            // SAFETY: `addr` is live Go memory of this size (module
            // invariant), aligned (checked above); Go memory is only
            // accessed by this thread or through these atomics.
            let a = unsafe { <$at>::from_ptr(addr as usize as *mut $t) };
            match op {
                AtomicOp::Load => a.load(SeqCst) as u64,
                AtomicOp::Store(v) => {
                    a.store(v as $t, SeqCst);
                    0
                }
                AtomicOp::Add(d) => a.fetch_add(d as $t, SeqCst).wrapping_add(d as $t) as u64,
                AtomicOp::Swap(v) => a.swap(v as $t, SeqCst) as u64,
                AtomicOp::Cas(old, new) => a
                    .compare_exchange(old as $t, new as $t, SeqCst, SeqCst)
                    .is_ok() as u64,
            }
        }
    };
}

atomic_rmw!(
    atomic_u32,
    u32,
    std::sync::atomic::AtomicU32,
    load_u32,
    store_u32
);
atomic_rmw!(
    atomic_u64,
    u64,
    std::sync::atomic::AtomicU64,
    load_u64,
    store_u64
);

/// Copies `n` bytes from `src` to `dst`; the ranges may overlap (memmove).
#[inline]
pub fn memmove(dst: u64, src: u64, n: usize) {
    if n == 0 {
        return;
    }
    // SAFETY: both ranges are live Go memory of `n` bytes (module invariant);
    // `copy` handles overlap.
    unsafe { std::ptr::copy(src as usize as *const u8, dst as usize as *mut u8, n) }
}

/// Zeroes `n` bytes at `addr` (memclrNoHeapPointers / memclrHasPointers).
#[inline]
pub fn memclr(addr: u64, n: usize) {
    if n == 0 {
        return;
    }
    // SAFETY: `addr..addr+n` is live, writable Go memory (module invariant).
    unsafe { std::ptr::write_bytes(addr as usize as *mut u8, 0, n) }
}

/// Fills `n` bytes at `addr` with `byte` (the collector's poisoning of
/// freed objects under GOSCOPE_GCSTRESS).
pub fn memset(addr: u64, byte: u8, n: usize) {
    if n == 0 {
        return;
    }
    // SAFETY: `addr..addr+n` is writable heap memory (a freed object of an
    // in-use span, owned by the collector while the world is stopped).
    unsafe { std::ptr::write_bytes(addr as usize as *mut u8, byte, n) }
}

/// memclr for small objects (a multiple of 8 bytes, 8-aligned): word
/// stores, cheaper than a memset call for a few words.
#[inline]
pub fn memclr_small(addr: u64, n: usize) {
    if n > 128 {
        return memclr(addr, n);
    }
    for i in 0..n / 8 {
        store_u64(addr + 8 * i as u64, 0);
    }
}

/// Whether `n` bytes at `a` and `b` are equal (memequal).
#[inline]
pub fn memequal(a: u64, b: u64, n: usize) -> bool {
    bytes(a, n) == bytes(b, n)
}

/// The `n` bytes at `addr`, borrowed for the caller's use (string data,
/// hashing). The caller must not hold the slice across anything that may
/// free the memory (a collection).
#[inline]
pub fn bytes<'a>(addr: u64, n: usize) -> &'a [u8] {
    if n == 0 {
        return &[];
    }
    // SAFETY: `addr..addr+n` is live Go memory (module invariant) and is
    // not freed while the slice is used (documented contract above).
    unsafe { std::slice::from_raw_parts(addr as usize as *const u8, n) }
}

/// The `n` bytes at `addr`, mutably (filling a new string or array).
#[inline]
pub fn bytes_mut<'a>(addr: u64, n: usize) -> &'a mut [u8] {
    if n == 0 {
        return &mut [];
    }
    // SAFETY: `addr..addr+n` is live, writable Go memory that the caller
    // owns for the duration of the borrow (a fresh allocation).
    unsafe { std::slice::from_raw_parts_mut(addr as usize as *mut u8, n) }
}

/// sysReserve (mem_linux.go): reserves `bytes` of address space for the
/// heap, readable and writable, backed by zero pages the OS supplies on
/// first touch (so untouched heap costs no RSS). Tries gc's arena hint
/// 0xc000000000 first, so heap addresses look like gc's. Returns the base
/// address, or None when the OS refuses the reservation.
#[cfg(all(target_os = "linux", not(miri)))]
pub fn sys_reserve(bytes: usize) -> Option<u64> {
    const PROT_READ: i32 = 1;
    const PROT_WRITE: i32 = 2;
    const MAP_PRIVATE: i32 = 2;
    const MAP_ANONYMOUS: i32 = 0x20;
    const MAP_NORESERVE: i32 = 0x4000;
    extern "C" {
        fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
    }
    let hint = 0x00c0_0000_0000usize as *mut u8;
    // SAFETY: an anonymous private mapping without MAP_FIXED never replaces
    // an existing mapping; the kernel picks a free range (the hint if free).
    let p = unsafe {
        mmap(
            hint,
            bytes,
            PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p as isize == -1 || p.is_null() {
        return None;
    }
    Some(p as u64)
}

/// sysReserve where mmap is unavailable (and under Miri): a zeroed
/// allocation from Rust's allocator, never freed.
#[cfg(not(all(target_os = "linux", not(miri))))]
pub fn sys_reserve(bytes: usize) -> Option<u64> {
    let layout = std::alloc::Layout::from_size_align(bytes, 1 << 13).ok()?;
    // SAFETY: the layout has non-zero size (the heap never reserves 0).
    let p = unsafe { std::alloc::alloc_zeroed(layout) };
    (!p.is_null()).then_some(p as u64)
}

/// sysUnused (mem_linux.go): gives the physical pages of `addr..addr+n`
/// (page-aligned, inside the reservation, holding no live object) back to
/// the OS. The range reads as zeros afterwards, which the heap relies on
/// to skip zeroing released pages.
#[cfg(all(target_os = "linux", not(miri)))]
pub fn sys_unused(addr: u64, n: usize) {
    const MADV_DONTNEED: i32 = 4;
    extern "C" {
        fn madvise(addr: *mut u8, len: usize, advice: i32) -> i32;
    }
    // SAFETY: the range lies inside the heap's private anonymous mapping
    // and holds no live object (the caller's contract); DONTNEED on such
    // a mapping only drops its contents, which then read as zeros.
    let r = unsafe { madvise(addr as usize as *mut u8, n, MADV_DONTNEED) };
    if r != 0 {
        // The pages stay resident: zero them so they still read as zeros.
        memclr(addr, n);
    }
}

/// sysUnused without madvise: zeroes the range (no memory is returned).
#[cfg(not(all(target_os = "linux", not(miri))))]
pub fn sys_unused(addr: u64, n: usize) {
    memclr(addr, n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_stores_and_moves() {
        let mut buf = [0u8; 32];
        let a = buf.as_mut_ptr() as u64;
        store_u64(a + 1, 0x0102_0304_0506_0708);
        assert_eq!(load_u64(a + 1), 0x0102_0304_0506_0708);
        assert_eq!(load_u8(a + 1), 8);
        store_u16(a + 20, 0xbeef);
        assert_eq!(load_u16(a + 20), 0xbeef);
        store_u32(a + 24, 7);
        assert_eq!(load_u32(a + 24), 7);
        memmove(a + 2, a + 1, 8);
        assert_eq!(load_u64(a + 2), 0x0102_0304_0506_0708);
        assert!(memequal(a + 2, a + 2, 8));
        assert!(!memequal(a + 1, a + 2, 8));
        memclr(a, 16);
        assert_eq!(bytes(a, 16), &[0u8; 16]);
        bytes_mut(a, 2).copy_from_slice(b"go");
        assert_eq!(bytes(a, 2), b"go");
    }
}
