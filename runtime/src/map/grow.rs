//! Growing: makeBucketArray, hashGrow, growWork, evacuate,
//! advanceEvacuationMark (map.go).
//!
//! hashGrow only allocates the new array and moves the old one to
//! `oldbuckets`; each later assign or delete evacuates the old bucket it
//! touches plus the next unevacuated one (`nevacuate`), so no single
//! operation pays for the whole table. On a doubling grow, old bucket i
//! splits into new buckets i (X) and i + 2^oldB (Y) by hash bit oldB; its
//! cells are marked EVACUATED_X/Y, which iterators rely on.

use super::*;

/// makeBucketArray: 2^b buckets plus, from b = 4, 2^(b-4) preallocated
/// overflow buckets (more if the size class has room). Reuses and clears
/// `dirty` when non-zero. Returns the array and the first preallocated
/// overflow bucket (0: none); the last preallocated one's overflow points
/// back at the array, marking the end of the free list.
pub(super) fn make_bucket_array(t: &MapType, b: u8, dirty: u64) -> (u64, u64) {
    let base = bucket_shift(b);
    let mut nbuckets = base;
    if b >= 4 {
        nbuckets += bucket_shift(b - 4);
        let sz = t.bucketsize * nbuckets;
        let up = crate::sizeclasses::roundupsize(sz as usize) as u64;
        if up != sz {
            nbuckets = up / t.bucketsize;
        }
    }
    let buckets = if dirty == 0 {
        t.new_buckets(nbuckets)
    } else {
        mem::memclr(dirty, (t.bucketsize * nbuckets) as usize);
        dirty
    };
    let mut next_overflow = 0;
    if base != nbuckets {
        next_overflow = t.bucket_at(buckets, base);
        let last = t.bucket_at(buckets, nbuckets - 1);
        t.set_overflow(last, buckets);
    }
    (buckets, next_overflow)
}

/// hashGrow: starts a grow, doubling when over the load factor, else a
/// same-size grow that compacts overflow chains.
pub(super) fn hash_grow(t: &MapType, h: Hmap) {
    let mut bigger = 1;
    if !over_load_factor(h.count() + 1, h.b()) {
        bigger = 0;
        h.set_flags(h.flags() | SAME_SIZE_GROW);
    }
    let oldbuckets = h.buckets();
    let (newbuckets, next_overflow) = make_bucket_array(t, h.b() + bigger, 0);
    let mut flags = h.flags() & !(ITERATOR | OLD_ITERATOR);
    if h.flags() & ITERATOR != 0 {
        flags |= OLD_ITERATOR;
    }
    h.set_b(h.b() + bigger);
    h.set_flags(flags);
    h.set_oldbuckets(oldbuckets);
    h.set_buckets(newbuckets);
    h.set_nevacuate(0);
    h.set_noverflow(0);
    let x = h.extra();
    if x != 0 && mem::load_u64(x) != 0 {
        // extra.oldoverflow = extra.overflow; extra.overflow = nil
        mem::store_u64(x + 8, mem::load_u64(x));
        mem::store_u64(x, 0);
    }
    if next_overflow != 0 {
        mem::store_u64(h.extra_or_new() + 16, next_overflow);
    }
}

/// growWork: evacuates the old bucket `bucket` maps to, and one more to
/// make progress.
pub(super) fn grow_work(t: &MapType, h: Hmap, bucket: u64) {
    evacuate(t, h, bucket & h.oldbucketmask());
    if h.growing() {
        evacuate(t, h, h.nevacuate());
    }
}

/// An evacuation destination: a bucket and the next free cell in it.
struct EvacDst {
    b: u64,
    i: u64,
}

/// evacuate: moves the entries of old bucket `oldbucket` (and its chain)
/// into the new array.
fn evacuate(t: &MapType, h: Hmap, oldbucket: u64) {
    let newbit = h.noldbuckets();
    let first = t.bucket_at(h.oldbuckets(), oldbucket);
    if !evacuated(first) {
        let mut xy = [
            EvacDst {
                b: t.bucket_at(h.buckets(), oldbucket),
                i: 0,
            },
            EvacDst {
                b: t.bucket_at(h.buckets(), oldbucket + newbit),
                i: 0,
            },
        ];
        let mut b = first;
        while b != 0 {
            for i in 0..BUCKET_CNT as u64 {
                evacuate_cell(t, h, b, i, newbit, &mut xy);
            }
            b = t.overflow(b);
        }
        // Unless an old iterator may still read them, drop the old
        // bucket's keys and elems so the collector does not keep them
        // (the tophashes stay: they say where the entries went).
        if h.flags() & OLD_ITERATOR == 0 && t.bucket.has_pointers() {
            mem::memclr(first + DATA_OFFSET, (t.bucketsize - DATA_OFFSET) as usize);
        }
    }
    if oldbucket == h.nevacuate() {
        advance_evacuation_mark(t, h, newbit);
    }
}

/// Moves cell `i` of old bucket `b` to its X or Y destination.
fn evacuate_cell(t: &MapType, h: Hmap, b: u64, i: u64, newbit: u64, xy: &mut [EvacDst; 2]) {
    let mut top = mem::load_u8(b + i);
    if is_empty(top) {
        mem::store_u8(b + i, EVACUATED_EMPTY);
        return;
    }
    let kslot = t.key_slot(b, i);
    let eslot = t.elem_slot(b, i);
    let k2 = t.key_at(kslot);
    let mut use_y = 0usize;
    if !h.same_size_grow() {
        let hash = t.hash_stored(k2, h.seed());
        if h.flags() & ITERATOR != 0 && !t.reflexive_key() && !t.key_equal(k2, k2).unwrap_or(false)
        {
            // A NaN-like key: its hash is random, so let the old tophash's
            // low bit decide (iterators can then predict where it went)
            // and give it a fresh tophash.
            use_y = (top & 1) as usize;
            top = tophash(hash);
        } else if hash & newbit != 0 {
            use_y = 1;
        }
    }
    mem::store_u8(b + i, EVACUATED_X + use_y as u8);
    let dst = &mut xy[use_y];
    if dst.i == BUCKET_CNT as u64 {
        dst.b = h.newoverflow(t, dst.b);
        dst.i = 0;
    }
    mem::store_u8(dst.b + dst.i, top);
    let dk = t.key_slot(dst.b, dst.i);
    let de = t.elem_slot(dst.b, dst.i);
    if t.indirect_key() {
        mem::store_u64(dk, k2);
    } else {
        mem::memmove(dk, kslot, t.key.size);
    }
    if t.indirect_elem() {
        mem::store_u64(de, mem::load_u64(eslot));
    } else {
        mem::memmove(de, eslot, t.elem.size);
    }
    dst.i += 1;
}

/// Whether old bucket `bucket` has been evacuated.
fn bucket_evacuated(t: &MapType, h: Hmap, bucket: u64) -> bool {
    evacuated(t.bucket_at(h.oldbuckets(), bucket))
}

/// advanceEvacuationMark: moves `nevacuate` past evacuated buckets (at
/// most 1024 at a time); when all are done, the grow is over.
fn advance_evacuation_mark(t: &MapType, h: Hmap, newbit: u64) {
    h.set_nevacuate(h.nevacuate() + 1);
    let stop = (h.nevacuate() + 1024).min(newbit);
    while h.nevacuate() != stop && bucket_evacuated(t, h, h.nevacuate()) {
        h.set_nevacuate(h.nevacuate() + 1);
    }
    if h.nevacuate() == newbit {
        h.set_oldbuckets(0);
        let x = h.extra();
        if x != 0 {
            mem::store_u64(x + 8, 0);
        }
        h.set_flags(h.flags() & !SAME_SIZE_GROW);
    }
}
