//! A fast, non-cryptographic hasher for the front end's hash tables.
//!
//! The front end hashes small keys (interned-name pointers, dense ids,
//! pairs of ids) millions of times per check; std's SipHash costs more than
//! the table probe itself there. This is the multiply-rotate "Fx" scheme of
//! rustc (rustc-hash 2): each word is added to the state, which is then
//! multiplied by an odd constant; `finish` rotates the well-mixed high bits
//! down, since hashbrown picks buckets with the low bits. It is not
//! resistant to chosen collisions — no table here is keyed by data an
//! attacker could shape to slow down more than that one check.
//!
//! Example: `let mut m: FxHashMap<u32, &str> = FxHashMap::default();`

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// rustc-hash 2's multiplier (odd, well spread bits).
const K: u64 = 0xf135_7aea_2e62_a9c5;

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<T> = HashSet<T, FxBuildHasher>;
pub type FxIndexMap<K, V> = indexmap::IndexMap<K, V, FxBuildHasher>;
pub type FxIndexSet<T> = indexmap::IndexSet<T, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn h<T: Hash>(x: T) -> u64 {
        FxBuildHasher::default().hash_one(x)
    }

    #[test]
    fn distinguishes_small_keys_and_strings() {
        assert_ne!(h(1u32), h(2u32));
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("abcdefgh"), h("abcdefgh\0"));
        assert_eq!(h("same"), h(String::from("same")));
        let mut m: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for i in 0..1000 {
            m.insert((i, i * 7), i);
        }
        assert_eq!(m.get(&(10, 70)), Some(&10));
        assert_eq!(m.len(), 1000);
    }
}
