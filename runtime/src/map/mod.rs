//! Maps as gc's hmap (runtime/map.go): a hash table of buckets of 8 pairs,
//! grown incrementally.
//!
//! ```text
//! hmap (48 bytes)                      bucket (t.bucketsize bytes)
//!   0 count      int                     0  tophash [8]uint8
//!   8 flags      uint8                   8  keys    [8]K   (*K if K > 128 bytes)
//!   9 B          uint8  (2^B buckets)       elems   [8]E   (*E if E > 128 bytes)
//!  10 noverflow  uint16                     overflow *bucket (last word)
//!  12 hash0      uint32 (random seed)
//!  16 buckets    *bucket
//!  24 oldbuckets *bucket (non-nil while growing)
//!  32 nevacuate  uintptr
//!  40 extra      *mapextra {overflow, oldoverflow *[]*bmap; nextOverflow *bmap}
//! ```
//!
//! Invariants (as gc's):
//! - The low B bits of a key's hash pick its bucket, the top 8 bits (at
//!   least [`MIN_TOP_HASH`]) are its tophash; tophash values below
//!   MIN_TOP_HASH mark cells: EMPTY_REST (this and every later cell of
//!   the chain is empty), EMPTY_ONE, EVACUATED_X/Y (moved to the first or
//!   second half of the new array), EVACUATED_EMPTY.
//! - Keys never move within a bucket chain, so an iterator sees each
//!   entry once; a map grows (doubling when count > 6.5 * 2^B, or a
//!   same-size grow to compact when overflow buckets reach 2^min(B,15))
//!   by allocating the new array and evacuating one or two old buckets
//!   per assign/delete (growWork), never all at once.
//! - hash0 is random per map (and re-randomized when the map empties),
//!   and iteration starts at a random bucket and offset, so the order of
//!   `range` differs between runs as in gc.
//! - When neither key nor elem has pointers the bucket type has none, so
//!   overflow buckets are kept alive by `extra.overflow`.
//!
//! API for the VM (`t` is the map type's descriptor, `h` the hmap
//! address (0 for a nil map), `key` the address of a key value):
//! - [`makemap`]`(t, hint) -> Result<h>`; [`maplen`]`(h)`;
//! - [`mapaccess1`]`(t, h, key) -> Result<elem addr>` (a shared zero
//!   value when absent: read it, never write it), [`mapaccess2`] adds ok;
//! - [`mapassign`]`(t, h, key) -> Result<elem addr>`: the slot to store
//!   the value into; errors: nil map, unhashable interface key;
//! - [`mapdelete`]`(t, h, key)`, [`mapclear`]`(t, h)`;
//! - iteration: a [`HIter`] (96 bytes, [`HITER_SIZE`], pointer words
//!   [`HITER_PTRMASK`]) in frame memory; [`mapiterinit`]`(t, h, it_addr)`
//!   and [`mapiternext`]`(it_addr)` leave the current key and elem
//!   addresses in its first two words; a key address of 0 ends the loop.
//!
//! Example: `m := map[string]int{}; m["a"] = 1` is makemap(t, 0) (B = 0,
//! no buckets yet), then mapassign allocates one bucket, stores "a" in
//! cell 0 with its tophash, and returns the elem cell for the VM to store
//! 1 into.

mod access;
mod grow;
mod iter;
mod layout;

pub use access::{
    makemap, makemap_noescape, mapaccess1, mapaccess2, mapaccess_k, mapassign, mapclear, mapdelete,
    maplen,
};
pub use iter::{mapiterinit, mapiternext, HIter, HITER_PTRMASK, HITER_SIZE};
pub use layout::{add_ptrmask, bucket_layout, ptrdata_of, set_ptrbit, BucketLayout};

use crate::error::RuntimeError;
use crate::malloc::mallocgc;
use crate::mem;
use crate::types::{tflag, Kind, Type, TypeExtra, TypeRef};

/// Pairs per bucket.
pub const BUCKET_CNT: usize = 8;
/// Offset of the keys in a bucket (after the 8 tophash bytes).
pub const DATA_OFFSET: u64 = 8;
/// Keys and elems larger than this are stored indirectly.
pub const MAX_KEY_SIZE: usize = 128;
pub const MAX_ELEM_SIZE: usize = 128;

pub const EMPTY_REST: u8 = 0;
pub const EMPTY_ONE: u8 = 1;
pub const EVACUATED_X: u8 = 2;
pub const EVACUATED_Y: u8 = 3;
pub const EVACUATED_EMPTY: u8 = 4;
pub const MIN_TOP_HASH: u8 = 5;

/// hmap.flags bits.
pub const ITERATOR: u8 = 1;
pub const OLD_ITERATOR: u8 = 2;
pub const HASH_WRITING: u8 = 4;
pub const SAME_SIZE_GROW: u8 = 8;

/// maptype flag bits (TypeExtra::Map::flags).
pub const FLAG_INDIRECT_KEY: u32 = 1;
pub const FLAG_INDIRECT_ELEM: u32 = 2;
pub const FLAG_REFLEXIVE_KEY: u32 = 4;
pub const FLAG_NEED_KEY_UPDATE: u32 = 8;
pub const FLAG_HASH_MIGHT_PANIC: u32 = 16;

/// Size of an hmap.
pub const HMAP_SIZE: usize = 48;

/// An unsafe.Pointer, the element type of the overflow lists.
static UNSAFE_POINTER_TYPE: Type = Type {
    size: 8,
    ptrdata: 8,
    hash: 0,
    tflag: tflag::NAMED | tflag::REGULAR_MEMORY,
    align: 8,
    field_align: 8,
    kind: Kind::UnsafePointer,
    gcdata: &[1],
    str: "unsafe.Pointer",
    extra: TypeExtra::None,
    uncommon: None,
};

/// The descriptor hmaps are allocated with: buckets, oldbuckets and
/// extra (words 2, 3, 5) are pointers.
pub static HMAP_TYPE: Type = Type {
    size: HMAP_SIZE,
    ptrdata: HMAP_SIZE,
    hash: 0,
    tflag: tflag::NAMED,
    align: 8,
    field_align: 8,
    kind: Kind::Struct,
    gcdata: &[0b10_1100],
    str: "runtime.hmap",
    extra: TypeExtra::Struct {
        pkgpath: "runtime",
        fields: &[],
    },
    uncommon: None,
};

/// mapextra {overflow, oldoverflow *[]*bmap; nextOverflow *bmap}.
static MAPEXTRA_TYPE: Type = Type {
    size: 24,
    ptrdata: 24,
    hash: 0,
    tflag: tflag::NAMED,
    align: 8,
    field_align: 8,
    kind: Kind::Struct,
    gcdata: &[0b111],
    str: "runtime.mapextra",
    extra: TypeExtra::Struct {
        pkgpath: "runtime",
        fields: &[],
    },
    uncommon: None,
};

/// []*bmap, the overflow list's header (allocated by `new([]*bmap)`).
static BMAP_SLICE_TYPE: Type = Type {
    size: 24,
    ptrdata: 8,
    hash: 0,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: Kind::Slice,
    gcdata: &[1],
    str: "[]*runtime.bmap",
    extra: TypeExtra::Slice {
        elem: TypeRef::new(&UNSAFE_POINTER_TYPE),
    },
    uncommon: None,
};

/// The parts of a map type the map functions use (gc's maptype).
#[derive(Clone, Copy)]
pub(crate) struct MapType {
    pub key: &'static Type,
    pub elem: &'static Type,
    pub bucket: &'static Type,
    pub keysize: u64,
    pub elemsize: u64,
    pub bucketsize: u64,
    pub flags: u32,
}

impl MapType {
    /// The map parts of `t`; an error only for a compiler bug (not a map
    /// type).
    pub fn of(t: &'static Type) -> Result<MapType, RuntimeError> {
        match t.extra {
            TypeExtra::Map {
                key,
                elem,
                bucket,
                keysize,
                elemsize,
                bucketsize,
                flags,
            } => Ok(MapType {
                key,
                elem,
                bucket,
                keysize: keysize as u64,
                elemsize: elemsize as u64,
                bucketsize: bucketsize as u64,
                flags,
            }),
            _ => Err(RuntimeError::error_string(format!(
                "goscope: internal error: map operation on non-map type {}",
                t.str
            ))),
        }
    }

    pub fn indirect_key(&self) -> bool {
        self.flags & FLAG_INDIRECT_KEY != 0
    }
    pub fn indirect_elem(&self) -> bool {
        self.flags & FLAG_INDIRECT_ELEM != 0
    }
    pub fn reflexive_key(&self) -> bool {
        self.flags & FLAG_REFLEXIVE_KEY != 0
    }
    pub fn need_key_update(&self) -> bool {
        self.flags & FLAG_NEED_KEY_UPDATE != 0
    }
    pub fn hash_might_panic(&self) -> bool {
        self.flags & FLAG_HASH_MIGHT_PANIC != 0
    }

    /// Whether keys are 8 bytes of plain memory (ints, pointers): the
    /// case gc's map_fast64.go specializes.
    #[inline(always)]
    fn fast64(&self) -> bool {
        self.key.size == 8 && self.key.tflag & tflag::REGULAR_MEMORY != 0
    }

    /// The hash of the key at `k` under `seed` (gc's t.hasher).
    #[inline]
    pub fn hasher(&self, k: u64, seed: u64) -> Result<u64, RuntimeError> {
        if self.fast64() {
            return Ok(crate::alg::memhash64(mem::load_u64(k), seed));
        }
        crate::alg::typehash(self.key, k, seed)
    }

    /// The hash of a key already stored in the map: it was hashed when
    /// inserted, so hashing cannot fail now (its dynamic type is
    /// hashable); 0 is never reached.
    pub fn hash_stored(&self, k: u64, seed: u64) -> u64 {
        self.hasher(k, seed).unwrap_or(0)
    }

    /// Whether the stored keys at `a` and `b` are equal. Stored keys are
    /// comparable, so comparing cannot fail (false is never reached).
    #[inline]
    pub fn key_equal(&self, a: u64, b: u64) -> Result<bool, RuntimeError> {
        if self.fast64() {
            return Ok(mem::load_u64(a) == mem::load_u64(b));
        }
        crate::alg::typ_equal(self.key, a, b)
    }

    /// Address of key slot `i` of bucket `b` (the slot, not the key when
    /// indirect).
    #[inline]
    pub fn key_slot(&self, b: u64, i: u64) -> u64 {
        b + DATA_OFFSET + i * self.keysize
    }
    /// Address of elem slot `i` of bucket `b`.
    #[inline]
    pub fn elem_slot(&self, b: u64, i: u64) -> u64 {
        b + DATA_OFFSET + BUCKET_CNT as u64 * self.keysize + i * self.elemsize
    }
    /// The key at slot address `k` (dereferenced when indirect).
    #[inline]
    pub fn key_at(&self, k: u64) -> u64 {
        if self.indirect_key() {
            mem::load_u64(k)
        } else {
            k
        }
    }
    /// The elem at slot address `e` (dereferenced when indirect).
    #[inline]
    pub fn elem_at(&self, e: u64) -> u64 {
        if self.indirect_elem() {
            mem::load_u64(e)
        } else {
            e
        }
    }
    /// The overflow bucket of `b` (0: end of chain).
    #[inline]
    pub fn overflow(&self, b: u64) -> u64 {
        mem::load_u64(b + self.bucketsize - 8)
    }
    #[inline]
    pub fn set_overflow(&self, b: u64, ovf: u64) {
        mem::store_u64(b + self.bucketsize - 8, ovf)
    }
    /// Address of bucket `i` of the array at `base`.
    #[inline]
    pub fn bucket_at(&self, base: u64, i: u64) -> u64 {
        base + i * self.bucketsize
    }
    /// Allocates `n` zeroed buckets (gc's newarray(t.bucket, n)).
    pub fn new_buckets(&self, n: u64) -> u64 {
        let typ = self.bucket.has_pointers().then_some(self.bucket);
        mallocgc(self.bucketsize as usize * n as usize, typ, true)
    }
}

/// Reads and writes the fields of the hmap at an address.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hmap(pub u64);

macro_rules! field {
    ($get:ident, $set:ident, $off:expr, $load:ident, $store:ident, $t:ty) => {
        #[inline]
        pub fn $get(self) -> $t {
            mem::$load(self.0 + $off)
        }
        #[inline]
        pub fn $set(self, v: $t) {
            mem::$store(self.0 + $off, v)
        }
    };
}

impl Hmap {
    field!(count, set_count, 0, load_u64, store_u64, u64);
    field!(flags, set_flags, 8, load_u8, store_u8, u8);
    field!(b, set_b, 9, load_u8, store_u8, u8);
    field!(noverflow, set_noverflow, 10, load_u16, store_u16, u16);
    field!(hash0, set_hash0, 12, load_u32, store_u32, u32);
    field!(buckets, set_buckets, 16, load_u64, store_u64, u64);
    field!(oldbuckets, set_oldbuckets, 24, load_u64, store_u64, u64);
    field!(nevacuate, set_nevacuate, 32, load_u64, store_u64, u64);
    field!(extra, set_extra, 40, load_u64, store_u64, u64);

    pub fn seed(self) -> u64 {
        self.hash0() as u64
    }
    pub fn growing(self) -> bool {
        self.oldbuckets() != 0
    }
    pub fn same_size_grow(self) -> bool {
        self.flags() & SAME_SIZE_GROW != 0
    }
    /// The number of buckets before the current grow started.
    pub fn noldbuckets(self) -> u64 {
        let mut old_b = self.b();
        if !self.same_size_grow() {
            old_b = old_b.wrapping_sub(1);
        }
        bucket_shift(old_b)
    }
    pub fn oldbucketmask(self) -> u64 {
        self.noldbuckets() - 1
    }

    /// The mapextra, allocated on first use.
    pub fn extra_or_new(self) -> u64 {
        let x = self.extra();
        if x != 0 {
            return x;
        }
        let x = mallocgc(MAPEXTRA_TYPE.size, Some(&MAPEXTRA_TYPE), true);
        self.set_extra(x);
        x
    }

    /// createOverflow: makes sure extra.overflow exists.
    pub fn create_overflow(self) {
        let x = self.extra_or_new();
        if mem::load_u64(x) == 0 {
            mem::store_u64(x, mallocgc(24, Some(&BMAP_SLICE_TYPE), true));
        }
    }

    /// incrnoverflow: counts an overflow bucket, exactly below 2^16
    /// buckets and with probability 1/2^(B-15) above.
    fn incrnoverflow(self) {
        let b = self.b();
        if b < 16 {
            self.set_noverflow(self.noverflow().wrapping_add(1));
            return;
        }
        let mask = (1u32 << (b - 15)) - 1;
        if crate::alg::fastrand() & mask == 0 {
            self.set_noverflow(self.noverflow().wrapping_add(1));
        }
    }

    /// newoverflow: chains a new overflow bucket after `b` (preallocated
    /// ones first) and returns it.
    pub fn newoverflow(self, t: &MapType, b: u64) -> u64 {
        let x = self.extra();
        let next = if x != 0 { mem::load_u64(x + 16) } else { 0 };
        let ovf = if next != 0 {
            if t.overflow(next) == 0 {
                mem::store_u64(x + 16, next + t.bucketsize);
            } else {
                // The last preallocated bucket points back at the array.
                t.set_overflow(next, 0);
                mem::store_u64(x + 16, 0);
            }
            next
        } else {
            t.new_buckets(1)
        };
        self.incrnoverflow();
        if !t.bucket.has_pointers() {
            self.create_overflow();
            let list = mem::load_u64(self.extra());
            append_bmap(list, ovf);
        }
        t.set_overflow(b, ovf);
        ovf
    }
}

/// `*list = append(*list, b)` for the overflow list header at `list`.
fn append_bmap(list: u64, b: u64) {
    use crate::slice::{growslice, SliceHeader};
    let mut s = SliceHeader::load(list);
    if s.len == s.cap {
        // Growing an 8-byte slice only fails past 2^45 elements.
        match growslice(&UNSAFE_POINTER_TYPE, s, s.len + 1) {
            Ok(g) => s = g,
            Err(_) => return,
        }
    }
    mem::store_u64(s.array + 8 * s.len as u64, b);
    s.len += 1;
    s.store(list);
}

/// 2^b buckets.
#[inline]
pub fn bucket_shift(b: u8) -> u64 {
    1u64 << (b & 63)
}

/// 2^b - 1.
#[inline]
pub fn bucket_mask(b: u8) -> u64 {
    bucket_shift(b) - 1
}

/// The tophash of a hash: its top byte, moved above the cell states.
#[inline]
pub fn tophash(hash: u64) -> u8 {
    let top = (hash >> 56) as u8;
    if top < MIN_TOP_HASH {
        top + MIN_TOP_HASH
    } else {
        top
    }
}

#[inline]
pub fn is_empty(x: u8) -> bool {
    x <= EMPTY_ONE
}

/// Whether the bucket `b` has been evacuated.
#[inline]
pub fn evacuated(b: u64) -> bool {
    let h = mem::load_u8(b);
    h > EMPTY_ONE && h < MIN_TOP_HASH
}

/// overLoadFactor: whether `count` items in 2^B buckets exceed 6.5 per
/// bucket.
#[inline]
pub fn over_load_factor(count: u64, b: u8) -> bool {
    count > BUCKET_CNT as u64 && count > 13 * (bucket_shift(b) / 2)
}

/// tooManyOverflowBuckets: whether the overflow buckets are about as
/// many as the regular ones (2^min(B,15)).
#[inline]
pub fn too_many_overflow_buckets(noverflow: u16, b: u8) -> bool {
    let b = b.min(15);
    noverflow >= 1u16 << (b & 15)
}

/// gc's zeroVal: what mapaccess returns for a missing key. Elements up
/// to 1024 bytes share a static zero block; bigger ones (gc's
/// mapaccess1_fat with a compiler-made zero) get a leaked zero block as
/// large as the largest seen.
pub(crate) fn zero_val(size: usize) -> u64 {
    static ZERO_VAL: [u64; 128] = [0; 128];
    static BIG: std::sync::Mutex<(u64, usize)> = std::sync::Mutex::new((0, 0));
    if size <= std::mem::size_of_val(&ZERO_VAL) {
        return ZERO_VAL.as_ptr() as u64;
    }
    let mut big = BIG.lock().unwrap_or_else(|e| e.into_inner());
    if big.1 < size {
        let block: &'static mut [u64] = Box::leak(vec![0u64; size.div_ceil(8)].into_boxed_slice());
        *big = (block.as_ptr() as u64, size);
    }
    big.0
}

#[cfg(test)]
mod tests;
