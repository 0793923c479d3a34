//! Marking (runtime/mgcmark.go): the [`Marker`] the VM's root callback
//! drives, and the drain of its work stack.
//!
//! `mark(word)` treats any word as a possible pointer: when it falls
//! inside an allocated heap object (interior pointers included) that is
//! not yet marked, the object is marked and, when its span holds pointers,
//! pushed on an explicit work stack. Draining scans each object's words
//! whose bit is set in its span's pointer bitmap. Words outside the heap
//! (static data, stack segments, small integers, nil) are ignored, so the
//! VM may hand over any slot its pointer map marks.
//!
//! Example: a root slot holding 0xc000002028 falls in page 1 of the heap,
//! whose span of 16-byte objects starts at 0xc000002000: objIndex(0x28)
//! is 2, so the object at 0xc000002020 is marked (if allocated) and its
//! pointer words are scanned later. A stack segment address finds a
//! Manual span and is ignored.

use crate::mem;
use crate::mheap::{MHeap, SpanState};
use crate::types::Type;

/// The collector's view of the heap during marking.
pub struct Marker<'a> {
    h: &'a mut MHeap,
    /// Objects marked but not yet scanned: (address, span id).
    work: Vec<(u64, u32)>,
    /// Bytes of the objects marked so far.
    marked: u64,
}

impl<'a> Marker<'a> {
    pub(crate) fn new(h: &'a mut MHeap) -> Marker<'a> {
        Marker {
            h,
            work: Vec::new(),
            marked: 0,
        }
    }

    /// greyobject: marks the object containing `word` if it is a heap
    /// address; ignores anything else.
    #[inline]
    pub fn mark(&mut self, word: u64) {
        let Some(sid) = self.h.span_of(word) else {
            return;
        };
        let s = &mut self.h.spans[sid as usize];
        if s.state != SpanState::InUse {
            return;
        }
        // A large span's one object covers the whole span.
        let idx = s.obj_index((word - s.base) as usize);
        if idx >= s.nelems {
            return;
        }
        let (w, b) = (idx / 64, 1u64 << (idx % 64));
        if s.alloc_bits[w] & b == 0 || s.mark_bits[w] & b != 0 {
            return;
        }
        s.mark_bits[w] |= b;
        self.marked += s.elemsize as u64;
        if !s.noscan() {
            self.work.push((s.base + (idx * s.elemsize) as u64, sid));
        }
    }

    /// scanblock: marks through the words of `addr .. addr + 8*nwords`
    /// whose bit is set in `bitmap` (bit i of byte i/8, LSB first).
    pub fn scan_block(&mut self, addr: u64, nwords: usize, bitmap: &[u8]) {
        for (i, &byte) in bitmap.iter().enumerate() {
            let mut b = byte;
            while b != 0 {
                let w = i * 8 + b.trailing_zeros() as usize;
                b &= b - 1;
                if w < nwords {
                    self.mark(mem::load_u64(addr + 8 * w as u64));
                }
            }
        }
    }

    /// Marks through a value of type `typ` at `addr` (a root area holding
    /// a typed value: a global, a defer's arguments).
    pub fn scan_typed(&mut self, addr: u64, typ: &Type) {
        self.scan_block(addr, typ.ptrdata.div_ceil(8), typ.gcdata);
    }

    /// The object containing `addr`: (span id, object index), if `addr`
    /// is inside an allocated heap object.
    fn object_of(&self, addr: u64) -> Option<(u32, usize)> {
        let sid = self.h.span_of(addr)?;
        let s = &self.h.spans[sid as usize];
        if s.state != SpanState::InUse {
            return None;
        }
        let idx = s.obj_index((addr - s.base) as usize);
        let (w, b) = (idx / 64, 1u64 << (idx % 64));
        (idx < s.nelems && s.alloc_bits[w] & b != 0).then_some((sid, idx))
    }

    /// Whether the heap object containing `addr` is marked.
    pub(crate) fn is_marked(&self, addr: u64) -> bool {
        self.object_of(addr).is_some_and(|(sid, idx)| {
            self.h.spans[sid as usize].mark_bits[idx / 64] & (1 << (idx % 64)) != 0
        })
    }

    /// Marks through the pointers of the object containing `addr` without
    /// marking the object itself (gc's markrootSpans for objects with a
    /// finalizer: what they reach stays, they may be finalized).
    pub(crate) fn scan_contents(&mut self, addr: u64) {
        if let Some((sid, idx)) = self.object_of(addr) {
            let s = &self.h.spans[sid as usize];
            if !s.noscan() {
                let obj = s.base + (idx * s.elemsize) as u64;
                self.scan_object(obj, sid);
            }
        }
    }

    /// Scans marked objects until none is left.
    pub(crate) fn drain(&mut self) {
        while let Some((obj, sid)) = self.work.pop() {
            self.scan_object(obj, sid);
        }
    }

    /// gcDrain: scans marked objects until none is left; returns the bytes
    /// marked.
    pub(crate) fn finish(mut self) -> u64 {
        while let Some((obj, sid)) = self.work.pop() {
            self.scan_object(obj, sid);
        }
        self.marked
    }

    /// scanobject: marks through the pointer words of one object.
    fn scan_object(&mut self, obj: u64, sid: u32) {
        let s = &self.h.spans[sid as usize];
        let first = ((obj - s.base) / 8) as usize;
        let end = first + s.elemsize / 8;
        let mut i = first;
        while i < end {
            let bits = self.h.spans[sid as usize].ptr_bits[i / 64] >> (i % 64);
            if bits == 0 {
                i = (i / 64 + 1) * 64;
                continue;
            }
            i += bits.trailing_zeros() as usize;
            if i >= end {
                break;
            }
            self.mark(mem::load_u64(obj + 8 * (i - first) as u64));
            i += 1;
        }
    }
}
