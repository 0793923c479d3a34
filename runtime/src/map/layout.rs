//! The layout of a map's bucket and its maptype flags, as gc's compiler
//! computes them (cmd/compile/internal/reflectdata/reflect.go: MapBucketType
//! and the flags written by writeType for TMAP).
//!
//! A bucket is `tophash [8]uint8; keys [8]K; elems [8]E; overflow *bucket`;
//! a key or elem over 128 bytes is stored indirectly (a pointer slot). When
//! neither keys nor elems hold pointers the overflow word is a uintptr
//! (the bucket is pointer-free and overflow buckets are kept alive by
//! `hmap.extra`).
//!
//! Example: `map[string]int` has keysize 16, elemsize 8, bucketsize
//! 8 + 8*16 + 8*8 + 8 = 208 and pointer words 1, 3, ..., 15 (the strings'
//! data pointers) and 25 (overflow).

use super::{
    BUCKET_CNT, FLAG_HASH_MIGHT_PANIC, FLAG_INDIRECT_ELEM, FLAG_INDIRECT_KEY, FLAG_NEED_KEY_UPDATE,
    FLAG_REFLEXIVE_KEY, MAX_ELEM_SIZE, MAX_KEY_SIZE,
};
use crate::types::{Kind, Type, TypeExtra};

/// The bucket layout of `map[K]E` (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketLayout {
    /// Size of a key slot (8 when the key is indirect).
    pub keysize: usize,
    /// Size of an elem slot (8 when the elem is indirect).
    pub elemsize: usize,
    pub bucketsize: usize,
    /// The bucket's pointer mask (1 bit per word) and pointer-data length.
    pub gcdata: Vec<u8>,
    pub ptrdata: usize,
    /// FLAG_* bits of the maptype.
    pub flags: u32,
}

/// Sets the pointer bits of a value of type `t` at byte `off` of `mask`.
pub fn add_ptrmask(mask: &mut Vec<u8>, t: &Type, off: usize) {
    for w in 0..t.ptrdata.div_ceil(8) {
        if t.word_is_pointer(w) {
            set_ptrbit(mask, off / 8 + w);
        }
    }
}

/// Sets bit `word` of `mask`, growing it as needed.
pub fn set_ptrbit(mask: &mut Vec<u8>, word: usize) {
    if mask.len() <= word / 8 {
        mask.resize(word / 8 + 1, 0);
    }
    mask[word / 8] |= 1 << (word % 8);
}

/// The ptrdata of a mask: bytes up to and including the last pointer word.
pub fn ptrdata_of(mask: &[u8]) -> usize {
    (0..mask.len() * 8)
        .rev()
        .find(|&b| mask[b / 8] & (1 << (b % 8)) != 0)
        .map_or(0, |b| (b + 1) * 8)
}

/// gc's bucket layout and flags for `map[key]elem`.
pub fn bucket_layout(key: &Type, elem: &Type) -> BucketLayout {
    let kind = key.size > MAX_KEY_SIZE;
    let eind = elem.size > MAX_ELEM_SIZE;
    let keysize = if kind { 8 } else { key.size };
    let elemsize = if eind { 8 } else { elem.size };
    let mut mask = vec![];
    let keys = BUCKET_CNT;
    let elems = keys + BUCKET_CNT * keysize;
    for i in 0..BUCKET_CNT {
        let (ko, eo) = (keys + i * keysize, elems + i * elemsize);
        if kind {
            set_ptrbit(&mut mask, ko / 8);
        } else {
            add_ptrmask(&mut mask, key, ko);
        }
        if eind {
            set_ptrbit(&mut mask, eo / 8);
        } else {
            add_ptrmask(&mut mask, elem, eo);
        }
    }
    let has_ptrs = !mask.is_empty();
    let ovf = (elems + BUCKET_CNT * elemsize).next_multiple_of(8);
    if has_ptrs {
        set_ptrbit(&mut mask, ovf / 8);
    }
    let mut flags = 0;
    if kind {
        flags |= FLAG_INDIRECT_KEY;
    }
    if eind {
        flags |= FLAG_INDIRECT_ELEM;
    }
    if is_reflexive(key) {
        flags |= FLAG_REFLEXIVE_KEY;
    }
    if need_key_update(key) {
        flags |= FLAG_NEED_KEY_UPDATE;
    }
    if hash_might_panic(key) {
        flags |= FLAG_HASH_MIGHT_PANIC;
    }
    let ptrdata = ptrdata_of(&mask);
    BucketLayout {
        keysize,
        elemsize,
        bucketsize: ovf + 8,
        gcdata: mask,
        ptrdata,
        flags,
    }
}

/// Whether `k == k` for every value (no floats or interfaces inside).
fn is_reflexive(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (_, Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128) => false,
        (_, Kind::Interface) => false,
        (TypeExtra::Array { elem, .. }, _) => is_reflexive(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().all(|f| is_reflexive(f.typ)),
        _ => true,
    }
}

/// Whether assigning an equal key must overwrite the stored one.
fn need_key_update(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (
            _,
            Kind::Float32
            | Kind::Float64
            | Kind::Complex64
            | Kind::Complex128
            | Kind::Interface
            | Kind::String,
        ) => true,
        (TypeExtra::Array { elem, .. }, _) => need_key_update(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().any(|f| need_key_update(f.typ)),
        _ => false,
    }
}

/// Whether hashing may panic (an interface inside).
fn hash_might_panic(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (_, Kind::Interface) => true,
        (TypeExtra::Array { elem, .. }, _) => hash_might_panic(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().any(|f| hash_might_panic(f.typ)),
        _ => false,
    }
}
