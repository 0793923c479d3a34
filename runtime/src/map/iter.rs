//! Iteration: hiter, mapiterinit, mapiternext (map.go).
//!
//! An iterator walks the bucket array it started with (`it.buckets`, B
//! of that time) from a random bucket and a random cell offset, wrapping
//! around once. The spec's rules follow from the table's invariants:
//! - an entry deleted before it is reached is not produced (its cell is
//!   empty, or, if already evacuated, the lookup through mapaccessK fails);
//! - an entry inserted during iteration may or may not be produced;
//! - while the map grows, for an old bucket not yet evacuated the iterator
//!   reads the old bucket but produces only the entries that will move to
//!   the new bucket it is visiting (`checkBucket`); once evacuated it
//!   reads the new bucket. Each entry is produced exactly once.

use super::*;
use crate::types::type_from_addr;

/// checkBucket's "no check" value.
const NO_CHECK: u64 = u64::MAX;

/// gc's hiter, in frame memory (12 words). `key` and `elem` are the
/// current entry's addresses; `key == 0` means the iteration is over.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HIter {
    pub key: u64,
    pub elem: u64,
    /// The map type's descriptor address.
    pub t: u64,
    pub h: u64,
    /// The bucket array when the iteration started.
    pub buckets: u64,
    /// The current bucket.
    pub bptr: u64,
    /// Keeps the overflow buckets of `buckets` alive (pointer-free buckets).
    pub overflow: u64,
    /// Keeps the overflow buckets of the old array alive.
    pub oldoverflow: u64,
    pub start_bucket: u64,
    /// The cell offset every bucket's walk starts from.
    pub offset: u8,
    /// Whether the walk has wrapped from the last bucket to bucket 0.
    pub wrapped: bool,
    pub b: u8,
    /// The next cell to look at in `bptr`.
    pub i: u8,
    pub _pad: u32,
    /// The next bucket to visit.
    pub bucket: u64,
    pub check_bucket: u64,
}

/// Size of a [`HIter`] in bytes: what the compiler reserves in the frame.
pub const HITER_SIZE: usize = std::mem::size_of::<HIter>();

/// Which words of a [`HIter`] hold heap pointers (bit i: word i): key,
/// elem, h, buckets, bptr, overflow, oldoverflow.
pub const HITER_PTRMASK: u16 = 0b1111_1011;

const WORDS: usize = HITER_SIZE / 8;

impl HIter {
    /// Reads the iterator at `addr`.
    pub fn load(addr: u64) -> HIter {
        let w: [u64; WORDS] = std::array::from_fn(|i| mem::load_u64(addr + 8 * i as u64));
        let small = w[9].to_le_bytes();
        HIter {
            key: w[0],
            elem: w[1],
            t: w[2],
            h: w[3],
            buckets: w[4],
            bptr: w[5],
            overflow: w[6],
            oldoverflow: w[7],
            start_bucket: w[8],
            offset: small[0],
            wrapped: small[1] != 0,
            b: small[2],
            i: small[3],
            _pad: 0,
            bucket: w[10],
            check_bucket: w[11],
        }
    }

    /// Writes the iterator at `addr`.
    pub fn store(&self, addr: u64) {
        let small =
            u64::from_le_bytes([self.offset, self.wrapped as u8, self.b, self.i, 0, 0, 0, 0]);
        let w = [
            self.key,
            self.elem,
            self.t,
            self.h,
            self.buckets,
            self.bptr,
            self.overflow,
            self.oldoverflow,
            self.start_bucket,
            small,
            self.bucket,
            self.check_bucket,
        ];
        for (i, v) in w.iter().enumerate() {
            mem::store_u64(addr + 8 * i as u64, *v);
        }
    }

    /// mapiterinit on an iterator held in Rust (natives such as fmt's map
    /// printing): positions it at the first entry.
    pub fn init(t: &'static Type, h: u64) -> HIter {
        let mut it = HIter {
            t: t.addr(),
            ..HIter::default()
        };
        let hm = Hmap(h);
        if h == 0 || hm.count() == 0 {
            return it;
        }
        it.h = h;
        it.b = hm.b();
        it.buckets = hm.buckets();
        if let Ok(mt) = MapType::of(t) {
            if !mt.bucket.has_pointers() {
                hm.create_overflow();
                it.overflow = mem::load_u64(hm.extra());
                it.oldoverflow = mem::load_u64(hm.extra() + 8);
            }
        }
        let r = if hm.b() > 31 - 3 {
            crate::alg::fastrand64()
        } else {
            crate::alg::fastrand() as u64
        };
        it.start_bucket = r & bucket_mask(hm.b());
        it.offset = ((r >> hm.b()) & (BUCKET_CNT as u64 - 1)) as u8;
        it.bucket = it.start_bucket;
        let f = hm.flags();
        if f & (ITERATOR | OLD_ITERATOR) != ITERATOR | OLD_ITERATOR {
            hm.set_flags(f | ITERATOR | OLD_ITERATOR);
        }
        it.next();
        it
    }

    /// mapiternext: advances to the next entry (key 0 at the end).
    pub fn next(&mut self) {
        let Some(t) = type_from_addr(self.t) else {
            self.key = 0;
            return;
        };
        let (Ok(mt), true) = (MapType::of(t), self.h != 0) else {
            self.key = 0;
            self.elem = 0;
            return;
        };
        let h = Hmap(self.h);
        let mut bucket = self.bucket;
        let mut b = self.bptr;
        let mut i = self.i as u64;
        let mut check_bucket = self.check_bucket;
        loop {
            if b == 0 {
                if bucket == self.start_bucket && self.wrapped {
                    self.key = 0;
                    self.elem = 0;
                    return;
                }
                if h.growing() && self.b == h.b() {
                    // Iterating during a grow that started after us: read
                    // the old bucket if it is not evacuated yet.
                    let oldbucket = bucket & h.oldbucketmask();
                    b = mt.bucket_at(h.oldbuckets(), oldbucket);
                    if !evacuated(b) {
                        check_bucket = bucket;
                    } else {
                        b = mt.bucket_at(self.buckets, bucket);
                        check_bucket = NO_CHECK;
                    }
                } else {
                    b = mt.bucket_at(self.buckets, bucket);
                    check_bucket = NO_CHECK;
                }
                bucket += 1;
                if bucket == bucket_shift(self.b) {
                    bucket = 0;
                    self.wrapped = true;
                }
                i = 0;
            }
            while i < BUCKET_CNT as u64 {
                let offi = (i + self.offset as u64) & (BUCKET_CNT as u64 - 1);
                i += 1;
                if let Some((k, e)) = self.cell(&mt, t, h, b, offi, check_bucket) {
                    self.key = k;
                    self.elem = e;
                    self.bucket = bucket;
                    self.bptr = b;
                    self.i = i as u8;
                    self.check_bucket = check_bucket;
                    return;
                }
            }
            b = mt.overflow(b);
            i = 0;
        }
    }

    /// The entry in cell `offi` of bucket `b` to produce, if any.
    fn cell(
        &self,
        mt: &MapType,
        t: &'static Type,
        h: Hmap,
        b: u64,
        offi: u64,
        check_bucket: u64,
    ) -> Option<(u64, u64)> {
        let th = mem::load_u8(b + offi);
        if is_empty(th) || th == EVACUATED_EMPTY {
            return None;
        }
        let k = mt.key_at(mt.key_slot(b, offi));
        let e = mt.elem_slot(b, offi);
        let reflexive = || mt.reflexive_key() || mt.key_equal(k, k).unwrap_or(false);
        if check_bucket != NO_CHECK && !h.same_size_grow() {
            // An old bucket not yet evacuated: produce only the entries
            // that will land in the new bucket being visited.
            if reflexive() {
                let hash = mt.hash_stored(k, h.seed());
                if hash & bucket_mask(self.b) != check_bucket {
                    return None;
                }
            } else if check_bucket >> (self.b.wrapping_sub(1) & 63) != (th & 1) as u64 {
                // NaN keys go where their tophash's low bit says.
                return None;
            }
        }
        if (th != EVACUATED_X && th != EVACUATED_Y) || !reflexive() {
            // The entry is here (or is a NaN key, which cannot be looked
            // up, and cannot be deleted either).
            return Some((k, mt.elem_at(e)));
        }
        // The entry has moved: look it up in the current table, where it
        // may have been updated or deleted.
        mapaccess_k(t, h.0, k)
    }
}

/// mapiterinit: starts iterating map `h` of type `t` with the iterator at
/// `it` (HITER_SIZE bytes of frame memory) and positions it at the first
/// entry.
pub fn mapiterinit(t: &'static Type, h: u64, it: u64) {
    HIter::init(t, h).store(it);
}

/// mapiternext: advances the iterator at `it`.
pub fn mapiternext(it: u64) {
    let mut i = HIter::load(it);
    i.next();
    i.store(it);
}
