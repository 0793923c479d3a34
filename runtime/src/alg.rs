//! Hashing and equality per type (runtime/alg.go): the `hasher` and
//! `equal` functions maps and interface comparisons use.
//!
//! Invariants, as in gc:
//! - Equal values hash equal under the same seed: +0 and -0 hash alike
//!   (they are `==`), strings hash their bytes, interfaces hash their
//!   dynamic value, structs skip blank (`_`) fields, which `==` ignores.
//! - NaN is not equal to itself, so a NaN key hashes to a *random* value:
//!   every `m[NaN] = v` adds a new entry and no lookup finds it.
//! - Hashing or comparing an interface whose dynamic type is not
//!   comparable (slice, map, func, or a struct/array containing one) is a
//!   run-time panic: `hash of unhashable type []int`, `comparing
//!   uncomparable type []int`.
//!
//! The hash function itself is goscope's (a wyhash-style 128-bit multiply
//! mixer keyed by the map's seed); gc uses AES hashing, and the values are
//! not observable by programs, only their distribution is.
//!
//! Example: `typehash(string_type, addr_of("go"), seed)` hashes the two
//! bytes `g o`; a map[string]int with hash0 = seed puts "go" in bucket
//! `hash & (2^B - 1)` with tophash `hash >> 56` (at least 5).

use crate::error::RuntimeError;
use crate::mem;
use crate::types::{type_from_addr, Kind, Type, TypeExtra};
use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;
const P2: u64 = 0x8ebc_6af0_9c88_c6e3;
const P3: u64 = 0x5899_65cc_7537_4cc3;

/// The 128-bit product of `a` and `b`, folded to 64 bits (wyhash's mum).
#[inline(always)]
fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

thread_local! {
    /// fastrand's state: per thread (gc: per M), seeded from the OS's
    /// randomness through std's RandomState.
    static FASTRAND: Cell<u64> = Cell::new({
        let mut h = RandomState::new().build_hasher();
        h.write_u64(std::process::id() as u64);
        h.finish() | 1
    });
}

/// gc's fastrand64: a fast, non-cryptographic per-thread random number
/// (wyrand). Seeds map hashes, picks iteration start points.
pub fn fastrand64() -> u64 {
    FASTRAND.with(|s| {
        let x = s.get().wrapping_add(P0);
        s.set(x);
        mix(x, x ^ P1)
    })
}

/// gc's fastrand: 32 random bits.
pub fn fastrand() -> u32 {
    (fastrand64() >> 32) as u32
}

/// memhash64: the hash of the 8-byte value `x`.
#[inline(always)]
pub fn memhash64(x: u64, seed: u64) -> u64 {
    mix(mix(x ^ P1, seed ^ P0), P2 ^ 8)
}

/// memhash32: the hash of the 4-byte value `x`.
#[inline(always)]
pub fn memhash32(x: u32, seed: u64) -> u64 {
    mix(mix(x as u64 ^ P1, seed ^ P0), P2 ^ 4)
}

/// The little-endian value of up to 8 bytes.
#[inline(always)]
fn read_tail(b: &[u8]) -> u64 {
    let mut v = [0u8; 8];
    v[..b.len()].copy_from_slice(b);
    u64::from_le_bytes(v)
}

/// memhash: the hash of the `n` bytes at `p`.
pub fn memhash(p: u64, seed: u64, n: usize) -> u64 {
    bytes_hash(mem::bytes(p, n), seed)
}

/// The hash of a byte string (memhash's body).
pub fn bytes_hash(b: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ P0;
    let mut chunks = b.chunks_exact(16);
    for c in &mut chunks {
        let lo = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let hi = u64::from_le_bytes([c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]]);
        h = mix(lo ^ P1, hi ^ h);
    }
    let rest = chunks.remainder();
    let (lo, hi) = if rest.len() > 8 {
        (read_tail(&rest[..8]), read_tail(&rest[8..]))
    } else {
        (read_tail(rest), 0)
    };
    mix(mix(lo ^ P1, hi ^ h) ^ P2, P3 ^ b.len() as u64)
}

/// strhash: the hash of the string {ptr, len} at `p`.
pub fn strhash(p: u64, seed: u64) -> u64 {
    let ptr = mem::load_u64(p);
    let len = mem::load_u64(p + 8) as usize;
    memhash(ptr, seed, len)
}

/// The hash of a float that is zero or NaN: zero's is fixed (so +0 and
/// -0 agree), NaN's random (so NaN keys never collide with anything).
fn float_special_hash(nan: bool, seed: u64) -> u64 {
    let r = if nan { fastrand64() } else { 0 };
    mix(seed ^ P3 ^ r, P1)
}

/// f32hash: +0 and -0 hash alike, NaN hashes randomly.
pub fn f32hash(p: u64, seed: u64) -> u64 {
    let f = f32::from_bits(mem::load_u32(p));
    if f == 0.0 || f.is_nan() {
        float_special_hash(f.is_nan(), seed)
    } else {
        memhash32(f.to_bits(), seed)
    }
}

/// f64hash: +0 and -0 hash alike, NaN hashes randomly.
pub fn f64hash(p: u64, seed: u64) -> u64 {
    let f = f64::from_bits(mem::load_u64(p));
    if f == 0.0 || f.is_nan() {
        float_special_hash(f.is_nan(), seed)
    } else {
        memhash64(f.to_bits(), seed)
    }
}

/// The error gc raises when hashing a value of an incomparable type.
fn unhashable(t: &Type) -> RuntimeError {
    RuntimeError::error_string(format!("hash of unhashable type {}", t.str))
}

/// The error gc raises when comparing values of an incomparable type.
fn uncomparable(t: &Type) -> RuntimeError {
    RuntimeError::error_string(format!("comparing uncomparable type {}", t.str))
}

/// Whether `==` is defined on the type (gc: `t.equal != nil`).
pub fn is_comparable(t: &Type) -> bool {
    match (&t.extra, t.kind) {
        (_, Kind::Slice | Kind::Map | Kind::Func) => false,
        (TypeExtra::Array { elem, .. }, _) => is_comparable(elem),
        (TypeExtra::Struct { fields, .. }, _) => fields.iter().all(|f| is_comparable(f.typ)),
        _ => true,
    }
}

/// Whether an interface type has methods (iface) or not (eface).
fn is_nonempty_interface(t: &Type) -> bool {
    matches!(&t.extra, TypeExtra::Interface { methods } if !methods.is_empty())
}

/// The dynamic type of the interface value at `p`: an eface's first word
/// is the `*_type`, an iface's is an `*itab` whose `_type` is at offset 8
/// (gc's itab layout: inter, _type, hash, fun).
fn iface_dynamic_type(iface: bool, p: u64) -> Option<&'static Type> {
    let w = mem::load_u64(p);
    if w == 0 {
        return None;
    }
    let t = if iface { mem::load_u64(w + 8) } else { w };
    type_from_addr(t)
}

/// interhash / nilinterhash: the hash of the interface value at `p`.
fn interhash(iface: bool, p: u64, seed: u64) -> Result<u64, RuntimeError> {
    let Some(t) = iface_dynamic_type(iface, p) else {
        return Ok(seed);
    };
    if !is_comparable(t) {
        return Err(unhashable(t));
    }
    let data = if t.is_direct_iface() {
        p + 8
    } else {
        mem::load_u64(p + 8)
    };
    Ok(mix(typehash(t, data, seed ^ P3)?, P1))
}

/// typehash: the hash of the value of type `t` at `p`, as the map with
/// seed `seed` sees it. Fails only for interfaces holding an unhashable
/// dynamic type.
pub fn typehash(t: &Type, p: u64, seed: u64) -> Result<u64, RuntimeError> {
    if t.tflag & crate::types::tflag::REGULAR_MEMORY != 0 {
        return Ok(match t.size {
            4 => memhash32(mem::load_u32(p), seed),
            8 => memhash64(mem::load_u64(p), seed),
            n => memhash(p, seed, n),
        });
    }
    match (t.kind, &t.extra) {
        (Kind::Float32, _) => Ok(f32hash(p, seed)),
        (Kind::Float64, _) => Ok(f64hash(p, seed)),
        (Kind::Complex64, _) => Ok(f32hash(p + 4, f32hash(p, seed))),
        (Kind::Complex128, _) => Ok(f64hash(p + 8, f64hash(p, seed))),
        (Kind::String, _) => Ok(strhash(p, seed)),
        (Kind::Interface, _) => interhash(is_nonempty_interface(t), p, seed),
        (Kind::Array, TypeExtra::Array { elem, len }) => {
            let mut h = seed;
            for i in 0..*len {
                h = typehash(elem, p + (i * elem.size) as u64, h)?;
            }
            Ok(h)
        }
        (Kind::Struct, TypeExtra::Struct { fields, .. }) => {
            let mut h = seed;
            for f in fields.iter().filter(|f| f.name != "_") {
                h = typehash(f.typ, p + f.offset as u64, h)?;
            }
            Ok(h)
        }
        (Kind::Slice | Kind::Map | Kind::Func, _) => Err(unhashable(t)),
        // Booleans, integers, pointers, channels, unsafe.Pointer: memory.
        _ => Ok(memhash(p, seed, t.size)),
    }
}

/// efaceeq / ifaceeq after the type words matched: compares the data
/// words of two interfaces whose dynamic type is `t`.
fn iface_data_equal(t: &Type, x: u64, y: u64) -> Result<bool, RuntimeError> {
    if !is_comparable(t) {
        return Err(uncomparable(t));
    }
    if t.is_direct_iface() {
        return Ok(x == y);
    }
    typ_equal(t, x, y)
}

/// Whether the interface values at `a` and `b` are equal: same type word
/// (or itab), then equal dynamic values.
fn interface_equal(iface: bool, a: u64, b: u64) -> Result<bool, RuntimeError> {
    if mem::load_u64(a) != mem::load_u64(b) {
        return Ok(false);
    }
    let Some(t) = iface_dynamic_type(iface, a) else {
        return Ok(true);
    };
    iface_data_equal(t, mem::load_u64(a + 8), mem::load_u64(b + 8))
}

/// efaceeq: `x == y` for two `interface{}` values given as their words.
pub fn efaceeq(typ_word: u64, x: u64, y: u64) -> Result<bool, RuntimeError> {
    match type_from_addr(typ_word) {
        None => Ok(true),
        Some(t) => iface_data_equal(t, x, y),
    }
}

/// ifaceeq: `x == y` for two non-empty interfaces with the same itab.
pub fn ifaceeq(tab: u64, x: u64, y: u64) -> Result<bool, RuntimeError> {
    if tab == 0 {
        return Ok(true);
    }
    efaceeq(mem::load_u64(tab + 8), x, y)
}

/// Compares a sequence of (type, offset) parts in order, stopping at the
/// first false. This is what gc's generated equality gives whenever it
/// matters: gc reorders only comparisons that cannot panic, and a
/// comparison that can (an interface holding an uncomparable type) is a
/// barrier evaluated after everything before it and before everything
/// after it.
fn parts_equal<'a>(
    parts: impl Iterator<Item = (&'a Type, u64)>,
    a: u64,
    b: u64,
) -> Result<bool, RuntimeError> {
    for (t, off) in parts {
        if !typ_equal(t, a + off, b + off)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `*a == *b` for values of type `t` (gc's `t.equal`): strings by content,
/// floats by value (NaN != NaN, +0 == -0), interfaces by dynamic type then
/// value, arrays elementwise, structs fieldwise skipping blank fields.
pub fn typ_equal(t: &Type, a: u64, b: u64) -> Result<bool, RuntimeError> {
    if t.tflag & crate::types::tflag::REGULAR_MEMORY != 0 {
        return Ok(mem::memequal(a, b, t.size));
    }
    match (t.kind, &t.extra) {
        (Kind::Float32, _) => {
            Ok(f32::from_bits(mem::load_u32(a)) == f32::from_bits(mem::load_u32(b)))
        }
        (Kind::Float64, _) => {
            Ok(f64::from_bits(mem::load_u64(a)) == f64::from_bits(mem::load_u64(b)))
        }
        (Kind::Complex64, _) => Ok(f32::from_bits(mem::load_u32(a))
            == f32::from_bits(mem::load_u32(b))
            && f32::from_bits(mem::load_u32(a + 4)) == f32::from_bits(mem::load_u32(b + 4))),
        (Kind::Complex128, _) => Ok(f64::from_bits(mem::load_u64(a))
            == f64::from_bits(mem::load_u64(b))
            && f64::from_bits(mem::load_u64(a + 8)) == f64::from_bits(mem::load_u64(b + 8))),
        (Kind::String, _) => {
            let n = mem::load_u64(a + 8);
            if n != mem::load_u64(b + 8) {
                return Ok(false);
            }
            let (pa, pb) = (mem::load_u64(a), mem::load_u64(b));
            Ok(pa == pb || mem::memequal(pa, pb, n as usize))
        }
        (Kind::Interface, _) => interface_equal(is_nonempty_interface(t), a, b),
        (Kind::Array, TypeExtra::Array { elem, len }) => {
            let parts = (0..*len).map(|i| (*elem, (i * elem.size) as u64));
            parts_equal(parts, a, b)
        }
        (Kind::Struct, TypeExtra::Struct { fields, .. }) => {
            let parts = fields
                .iter()
                .filter(|f| f.name != "_")
                .map(|f| (f.typ, f.offset as u64));
            parts_equal(parts, a, b)
        }
        (Kind::Slice | Kind::Map | Kind::Func, _) => Err(uncomparable(t)),
        _ => Ok(mem::memequal(a, b, t.size)),
    }
}

#[cfg(test)]
#[path = "alg_tests.rs"]
mod tests;
