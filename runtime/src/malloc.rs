//! The allocator (runtime/malloc.go): `mallocgc` over Go's size classes.
//!
//! - Small objects (up to 32 KB) come from the calling thread's mcache
//!   (mcache.rs): one span per span class, objects packed at multiples of
//!   the class size, no per-object header. Large objects get a span of
//!   their own (mheap.rs).
//! - Objects whose type has pointers live in "scan" spans, whose pointer
//!   bitmap (1 bit per word) mallocgc writes from `typ.gcdata` — repeated
//!   per element when the allocation is an array of `typ` (size >
//!   typ.size). Other objects live in "noscan" spans the collector never
//!   scans.
//! - Memory is zeroed when asked unless the slot is known to be zero
//!   (fresh or released pages).
//! - Goroutine stack segments (`stackalloc`) are whole-page spans the
//!   collector neither scans nor frees: the VM scans frames itself.
//!
//! Example: `mallocgc(24, Some(T), true)` for `struct{p *int; n int; q
//! *int}` takes the next free slot of the thread's class-3 (24-byte) scan
//! span and sets the pointer bits 1 0 1 for its three words.

use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::mcache::{with_mcache, CachedSpan};
use crate::mheap::{lock_heap, throw_oom, SpanState};
use crate::sizeclasses::{size_to_class, MAX_SMALL_SIZE, PAGE_SIZE};
use crate::types::Type;

/// gc's zerobase: the address every zero-size allocation returns.
static ZEROBASE: u64 = 0;

/// The largest allocation gc allows (maxAlloc on 64-bit: 1 << 48).
pub const MAX_ALLOC: usize = 1 << 48;

/// The address of zerobase (what `&struct{}{}` and `make([]T, 0)` give).
pub fn zerobase() -> u64 {
    &ZEROBASE as *const u64 as u64
}

/// Allocates `size` bytes for an object of type `typ` (None: no pointers),
/// zeroed when `needzero` (the VM always asks for zeroed memory unless it
/// overwrites every byte at once). When `size > typ.size` the object is an
/// array of `size / typ.size` elements of `typ`. Returns the address.
///
/// Never collects: when the heap passes its goal it sets the flag
/// `mgc::gc_pending` reads, and the VM collects at its next safe point.
pub fn mallocgc(size: usize, typ: Option<&'static Type>, needzero: bool) -> u64 {
    if size == 0 {
        return zerobase();
    }
    let typ = typ.filter(|t| t.has_pointers());
    let addr = if size <= MAX_SMALL_SIZE {
        malloc_small(size, typ, needzero)
    } else {
        malloc_large(size, typ, needzero)
    };
    crate::mgc::note_alloc();
    addr
}

/// The mcache path: the next free slot of the thread's span of the class.
#[inline]
fn malloc_small(size: usize, typ: Option<&'static Type>, needzero: bool) -> u64 {
    let class = size_to_class(size);
    let spc = class << 1 | typ.is_none() as usize;
    with_mcache(|c| {
        c.local_mallocs[class] += 1;
        let idx = match c.alloc[spc].as_mut().and_then(CachedSpan::next_free) {
            Some(i) => i,
            None => match c.refill(spc).next_free() {
                Some(i) => i,
                None => unreachable!("goscope: internal error: refilled span is full"),
            },
        };
        let Some(span) = c.alloc[spc].as_mut() else {
            unreachable!("goscope: internal error: no span after refill")
        };
        let off = idx * span.elemsize;
        let addr = span.base + off as u64;
        if needzero && span.needzero {
            crate::mem::memclr_small(addr, span.elemsize);
        }
        if let Some(t) = typ {
            heap_bits_set_type(&mut span.ptr_bits, off / 8, span.elemsize / 8, size, t);
        }
        addr
    })
}

/// largeAlloc: a span of its own, counted at once.
fn malloc_large(size: usize, typ: Option<&'static Type>, needzero: bool) -> u64 {
    let npages = match size.checked_add(PAGE_SIZE - 1) {
        Some(s) if size <= MAX_ALLOC => s / PAGE_SIZE,
        _ => throw_oom(size, lock_heap().stats.heap_alloc),
    };
    crate::mcache::check_not_in_gc();
    let mut h = lock_heap();
    let (sid, dirty) = h.alloc_large_span(npages, typ.is_none());
    let s = &mut h.spans[sid as usize];
    let addr = s.base;
    let bytes = s.bytes();
    if let Some(t) = typ {
        heap_bits_set_type(&mut s.ptr_bits, 0, bytes / 8, size, t);
    }
    h.stats.heap_live += bytes as u64;
    h.stats.heap_alloc += bytes as u64;
    h.stats.total_alloc += bytes as u64;
    h.stats.mallocs += 1;
    h.stats.class_mallocs[0] += 1;
    crate::mgc::check_goal(&h);
    drop(h);
    if needzero && dirty {
        crate::mem::memclr(addr, bytes);
    }
    addr
}

/// heapBitsSetType: writes the pointer bits of an object at word `word`
/// of a span spanning `nwords` words, holding `size` bytes of `typ` (an
/// array of typ when size > typ.size). Words past the data are cleared.
fn heap_bits_set_type(bits: &mut [u64], word: usize, nwords: usize, size: usize, typ: &Type) {
    let elem_words = typ.size / 8;
    let nelem = (size / typ.size.max(1)).max(1);
    if elem_words == 0 {
        clear_bits(bits, word, nwords);
        return;
    }
    if nwords <= 64 {
        // Small objects: the whole object's bits as one u64 pattern.
        let elem = type_ptr_mask(typ);
        let mut pat = 0u64;
        for e in 0..nelem.min(64 / elem_words) {
            pat |= elem << (e * elem_words);
        }
        write_bits(bits, word, nwords, pat);
        return;
    }
    clear_bits(bits, word, nwords);
    let ptr_words = typ.ptrdata.div_ceil(8);
    for e in 0..nelem {
        let first = word + e * elem_words;
        for (i, &b) in typ.gcdata.iter().enumerate() {
            let mut b = b;
            while b != 0 {
                let w = i * 8 + b.trailing_zeros() as usize;
                b &= b - 1;
                let bit = first + w;
                if w < ptr_words && bit < word + nwords {
                    bits[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
    }
}

/// The pointer bits of the first 64 words of a value of `typ`.
#[inline]
fn type_ptr_mask(typ: &Type) -> u64 {
    let mut m = 0u64;
    for (i, &b) in typ.gcdata.iter().take(8).enumerate() {
        m |= (b as u64) << (8 * i);
    }
    let ptr_words = typ.ptrdata.div_ceil(8);
    if ptr_words < 64 {
        m &= (1u64 << ptr_words) - 1;
    }
    m
}

/// Sets the `n` (at most 64) bits at bit `from` to the low bits of `pat`.
#[inline]
fn write_bits(bits: &mut [u64], from: usize, n: usize, pat: u64) {
    let mask = if n == 64 { !0 } else { (1u64 << n) - 1 };
    let (w, lo) = (from / 64, from % 64);
    bits[w] = bits[w] & !(mask << lo) | (pat & mask) << lo;
    if lo + n > 64 {
        let hi = 64 - lo;
        bits[w + 1] = bits[w + 1] & !(mask >> hi) | (pat & mask) >> hi;
    }
}

/// Clears `n` bits starting at bit `from`.
fn clear_bits(bits: &mut [u64], from: usize, n: usize) {
    let mut i = from;
    let end = from + n;
    while i < end {
        if i.is_multiple_of(64) && end - i >= 64 {
            bits[i / 64] = 0;
            i += 64;
        } else {
            bits[i / 64] &= !(1 << (i % 64));
            i += 1;
        }
    }
}

/// newobject: one zeroed object of type `typ`.
pub fn newobject(typ: &'static Type) -> u64 {
    mallocgc(typ.size, Some(typ), true)
}

/// newarray: `n` zeroed elements of type `typ`; gc's plainError
/// "runtime: allocation size out of range" when the size overflows.
pub fn newarray(typ: &'static Type, n: usize) -> Result<u64, RuntimeError> {
    match typ.size.checked_mul(n) {
        Some(mem) if mem <= MAX_ALLOC => Ok(mallocgc(mem, Some(typ), true)),
        _ => Err(RuntimeError::new(
            RuntimeErrorKind::PlainError,
            "runtime: allocation size out of range",
        )),
    }
}

/// stackalloc: a goroutine stack segment of `bytes` (rounded up to whole
/// pages), neither scanned nor freed by the collector; its contents are
/// not zeroed.
pub fn stackalloc(bytes: usize) -> u64 {
    let npages = bytes.max(1).div_ceil(PAGE_SIZE);
    crate::mcache::check_not_in_gc();
    let mut h = lock_heap();
    let (sid, _) = h.alloc_span(npages, SpanState::Manual);
    h.spans[sid as usize].base
}

/// stackfree: frees a segment `stackalloc(bytes)` returned.
pub fn stackfree(addr: u64, bytes: usize) {
    let mut h = lock_heap();
    let sid = match h.span_of(addr) {
        Some(sid) if h.spans[sid as usize].state == SpanState::Manual => sid,
        _ => unreachable!("goscope: internal error: stackfree of a non-stack address"),
    };
    debug_assert_eq!(
        h.spans[sid as usize].npages,
        bytes.max(1).div_ceil(PAGE_SIZE)
    );
    h.free_span(sid);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{Kind, TypeExtra};

    fn ty(size: usize, ptrs: &[usize]) -> Type {
        let mut gcdata = vec![0u8; size.div_ceil(64)];
        for &w in ptrs {
            gcdata[w / 8] |= 1 << (w % 8);
        }
        Type {
            size,
            ptrdata: ptrs.iter().map(|&w| (w + 1) * 8).max().unwrap_or(0),
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Struct,
            gcdata: Box::leak(gcdata.into_boxed_slice()),
            str: "T",
            extra: TypeExtra::None,
            uncommon: None,
        }
    }

    /// The bits heapBitsSetType should leave, word by word.
    fn naive(word: usize, nwords: usize, size: usize, t: &Type) -> Vec<bool> {
        let mut v = vec![true; 300];
        for b in v.iter_mut().skip(word).take(nwords) {
            *b = false;
        }
        for e in 0..size / t.size {
            for w in 0..t.size / 8 {
                if t.word_is_pointer(w) {
                    v[word + e * t.size / 8 + w] = true;
                }
            }
        }
        v
    }

    #[test]
    fn pointer_bits_repeat_per_element_and_clear_the_rest() {
        let cases: [(usize, &[usize]); 5] = [
            (8, &[0]),
            (16, &[1]),
            (24, &[0, 2]),
            (72, &[0, 8]),
            (520, &[3, 64]),
        ];
        for (tsize, ptrs) in cases {
            let t = ty(tsize, ptrs);
            for (word, nelem, slack) in [(0, 1, 0), (5, 3, 2), (60, 2, 1), (1, 40, 0)] {
                let size = tsize * nelem;
                let nwords = size / 8 + slack;
                if word + nwords > 300 {
                    continue;
                }
                let mut bits = vec![!0u64; 5];
                heap_bits_set_type(&mut bits, word, nwords, size, &t);
                let want = naive(word, nwords, size, &t);
                for (i, &w) in want.iter().enumerate() {
                    let got = bits[i / 64] & (1 << (i % 64)) != 0;
                    assert_eq!(got, w, "type {tsize} word {word} nelem {nelem}: bit {i}");
                }
            }
        }
    }
}
