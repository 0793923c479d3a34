//! Memory statistics (runtime/mstats.go): runtime.MemStats with gc's
//! definitions, read with the world stopped so the numbers agree.

use crate::mcache::with_world_stopped;
use crate::mheap::MSpan;
use crate::sizeclasses::{CLASS_TO_SIZE, PAGE_SIZE};

/// One BySize entry: allocations of one size class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

/// runtime.MemStats, field for field (snake_case of gc's names).
#[derive(Debug, Clone)]
pub struct MemStats {
    /// Bytes of allocated heap objects (= heap_alloc).
    pub alloc: u64,
    /// Cumulative bytes allocated (size-class rounded).
    pub total_alloc: u64,
    /// Bytes obtained from the OS.
    pub sys: u64,
    pub lookups: u64,
    /// Cumulative objects allocated.
    pub mallocs: u64,
    /// Cumulative objects freed.
    pub frees: u64,
    pub heap_alloc: u64,
    /// Heap bytes obtained from the OS (in use, idle and released).
    pub heap_sys: u64,
    /// Bytes in spans without objects (free pages).
    pub heap_idle: u64,
    /// Bytes in spans with objects.
    pub heap_inuse: u64,
    /// Idle bytes returned to the OS.
    pub heap_released: u64,
    pub heap_objects: u64,
    /// Bytes of goroutine stack segments.
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub buck_hash_sys: u64,
    /// Collector metadata (bitmaps, page table).
    pub gc_sys: u64,
    pub other_sys: u64,
    /// The heap goal of the next collection.
    pub next_gc: u64,
    /// Unix ns of the end of the last collection.
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    pub debug_gc: bool,
    pub by_size: [BySize; 61],
}

/// runtime.ReadMemStats.
pub fn read_mem_stats() -> MemStats {
    with_world_stopped(|h| {
        let st = &h.stats;
        let (free, clean) = h.free_page_counts();
        let heap_inuse = (st.inuse_pages * PAGE_SIZE) as u64;
        let heap_idle = (free * PAGE_SIZE) as u64;
        let stack = (st.stack_pages * PAGE_SIZE) as u64;
        let mspan = (h.spans.capacity() * std::mem::size_of::<MSpan>()) as u64;
        let bitmaps: usize = h
            .spans
            .iter()
            .map(|s| s.alloc_bits.capacity() + s.mark_bits.capacity() + s.ptr_bits.capacity())
            .sum();
        let gc_sys = (bitmaps * 8 + h.pagetab.capacity() * 4) as u64;
        let p = &h.pacer;
        let mut by_size = [BySize::default(); 61];
        for (i, b) in by_size.iter_mut().enumerate() {
            b.size = CLASS_TO_SIZE[i] as u32;
            if i > 0 {
                b.mallocs = st.class_mallocs[i];
                b.frees = st.class_frees[i];
            }
        }
        let elapsed = crate::mgc::since_start_ns().max(1);
        MemStats {
            alloc: st.heap_alloc,
            total_alloc: st.total_alloc,
            sys: heap_inuse + heap_idle + stack + mspan + gc_sys,
            lookups: 0,
            mallocs: st.mallocs,
            frees: st.frees,
            heap_alloc: st.heap_alloc,
            heap_sys: heap_inuse + heap_idle,
            heap_idle,
            heap_inuse,
            heap_released: (clean * PAGE_SIZE) as u64,
            heap_objects: st.mallocs - st.frees,
            stack_inuse: stack,
            stack_sys: stack,
            mspan_inuse: (h.spans.len() * std::mem::size_of::<MSpan>()) as u64,
            mspan_sys: mspan,
            mcache_inuse: 0,
            mcache_sys: 0,
            buck_hash_sys: 0,
            gc_sys,
            other_sys: 0,
            next_gc: p.goal,
            last_gc: p.last_gc,
            pause_total_ns: p.pause_total_ns,
            pause_ns: p.pause_ns,
            pause_end: p.pause_end,
            num_gc: p.num_gc,
            num_forced_gc: p.num_forced_gc,
            gc_cpu_fraction: p.gc_ns as f64 / elapsed as f64,
            enable_gc: true,
            debug_gc: false,
            by_size,
        }
    })
}

/// Byte offsets of runtime.MemStats's fields in gc's layout (checked
/// against gc with unsafe.Offsetof): 23 uint64s, PauseNs and PauseEnd
/// ([256]uint64 each), NumGC and NumForcedGC (uint32), GCCPUFraction,
/// EnableGC and DebugGC (bool), then BySize ([61]{uint32, uint64, uint64}).
pub mod layout {
    pub const PAUSE_NS: u64 = 192;
    pub const PAUSE_END: u64 = PAUSE_NS + 256 * 8;
    pub const NUM_GC: u64 = PAUSE_END + 256 * 8;
    pub const NUM_FORCED_GC: u64 = NUM_GC + 4;
    pub const GC_CPU_FRACTION: u64 = NUM_GC + 8;
    pub const ENABLE_GC: u64 = GC_CPU_FRACTION + 8;
    pub const DEBUG_GC: u64 = ENABLE_GC + 1;
    pub const BY_SIZE: u64 = GC_CPU_FRACTION + 16;
    /// Size of one BySize entry.
    pub const BY_SIZE_ENTRY: u64 = 24;
    /// unsafe.Sizeof(runtime.MemStats{}).
    pub const SIZE: u64 = BY_SIZE + 61 * BY_SIZE_ENTRY;
}

impl MemStats {
    /// Writes the statistics into a runtime.MemStats at `addr` (what
    /// `runtime.ReadMemStats(&m)` stores), in gc's layout ([`layout`]).
    pub fn store(&self, addr: u64) {
        use crate::mem::{store_u32, store_u64, store_u8};
        let words = [
            self.alloc,
            self.total_alloc,
            self.sys,
            self.lookups,
            self.mallocs,
            self.frees,
            self.heap_alloc,
            self.heap_sys,
            self.heap_idle,
            self.heap_inuse,
            self.heap_released,
            self.heap_objects,
            self.stack_inuse,
            self.stack_sys,
            self.mspan_inuse,
            self.mspan_sys,
            self.mcache_inuse,
            self.mcache_sys,
            self.buck_hash_sys,
            self.gc_sys,
            self.other_sys,
            self.next_gc,
            self.last_gc,
            self.pause_total_ns,
        ];
        for (i, w) in words.iter().enumerate() {
            store_u64(addr + 8 * i as u64, *w);
        }
        for i in 0..256 {
            store_u64(addr + layout::PAUSE_NS + 8 * i as u64, self.pause_ns[i]);
            store_u64(addr + layout::PAUSE_END + 8 * i as u64, self.pause_end[i]);
        }
        store_u32(addr + layout::NUM_GC, self.num_gc);
        store_u32(addr + layout::NUM_FORCED_GC, self.num_forced_gc);
        store_u64(
            addr + layout::GC_CPU_FRACTION,
            self.gc_cpu_fraction.to_bits(),
        );
        store_u8(addr + layout::ENABLE_GC, self.enable_gc as u8);
        store_u8(addr + layout::DEBUG_GC, self.debug_gc as u8);
        for (i, b) in self.by_size.iter().enumerate() {
            let e = addr + layout::BY_SIZE + layout::BY_SIZE_ENTRY * i as u64;
            store_u32(e, b.size);
            store_u64(e + 8, b.mallocs);
            store_u64(e + 16, b.frees);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::layout::*;

    /// The offsets gc 1.19 prints for unsafe.Offsetof(m.PauseNs), ...,
    /// unsafe.Sizeof(m) on linux/amd64.
    #[test]
    fn memstats_layout_is_gcs() {
        let ours = [
            PAUSE_NS,
            PAUSE_END,
            NUM_GC,
            NUM_FORCED_GC,
            GC_CPU_FRACTION,
            ENABLE_GC,
            DEBUG_GC,
            BY_SIZE,
            BY_SIZE_ENTRY,
            SIZE,
        ];
        let gc = [192, 2240, 4288, 4292, 4296, 4304, 4305, 4312, 24, 5776];
        assert_eq!(ours, gc);
    }
}
