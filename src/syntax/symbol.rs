//! Interned names.
//!
//! Identifiers and literal texts are interned once, for the life of the
//! process, so a [`Symbol`] is a copyable pointer: equality and hashing are
//! pointer operations, and `as_str` needs no table lookup. The interner leaks
//! each distinct string; the REPL's growth is bounded by the distinct names a
//! user types.
//!
//! A Symbol is a thin pointer (8 bytes) to a leaked `&str`, not the fat
//! `&str` itself: it is stored in every name, literal and token, and the
//! smaller it is the smaller the tree and the parser's stack are.

use crate::fxhash::FxHashMap;
use std::cell::Cell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

#[derive(Clone, Copy)]
pub struct Symbol(&'static &'static str);

type Interner = FxHashMap<&'static str, Symbol>;

fn interner() -> &'static Mutex<Interner> {
    static INTERNER: OnceLock<Mutex<Interner>> = OnceLock::new();
    INTERNER.get_or_init(|| Mutex::new(Interner::default()))
}

/// Slots of the per-thread cache in front of the global interner.
const CACHE_SLOTS: usize = 4096;

thread_local! {
    /// A direct-mapped cache of recently interned symbols, indexed by the
    /// text's hash: most names of a file repeat, and a hit needs neither
    /// the global lock nor a table probe.
    static CACHE: [Cell<Option<Symbol>>; CACHE_SLOTS] =
        const { [const { Cell::new(None) }; CACHE_SLOTS] };
}

/// The first eight bytes of `b` (at least eight long), little-endian: a
/// fixed-size load, not a call of memcpy.
#[inline]
fn load8(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_le_bytes(w)
}

/// The first four bytes of `b` (at least four long), little-endian.
#[inline]
fn load4(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[..4]);
    u32::from_le_bytes(w)
}

/// The cache slot of a text: a multiplicative hash of its length and of
/// its first and last (up to) eight bytes, which tells identifiers apart
/// well enough for a cache and costs a few instructions. The bytes are
/// read with fixed-size (possibly overlapping) loads, not a copy of
/// variable length, which would be a call to memcpy.
#[inline]
fn cache_slot(b: &[u8]) -> usize {
    let n = b.len();
    let (head, tail) = match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ),
        4..=7 => (u64::from(load4(b)), u64::from(load4(&b[n - 4..]))),
        _ => (load8(b), load8(&b[n - 8..])),
    };
    let h = (head ^ tail.rotate_left(29) ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 52) as usize % CACHE_SLOTS
}

/// `a == b`, with the short texts most names are compared by a few
/// fixed-size (possibly overlapping) loads instead of a call of `memcmp`.
#[inline]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => load4(a) == load4(b) && load4(&a[n - 4..]) == load4(&b[n - 4..]),
        8..=16 => load8(a) == load8(b) && load8(&a[n - 8..]) == load8(&b[n - 8..]),
        _ => a == b,
    }
}

impl Symbol {
    /// The symbol of `s`. Inlined: the usual case, a hit in the cache, is
    /// a hash, a load and a compare (the lexer interns every name).
    #[inline]
    pub fn intern(s: &str) -> Symbol {
        let slot = cache_slot(s.as_bytes());
        let cached = CACHE.with(|c| c[slot].get());
        if let Some(sym) = cached {
            if same_text(sym.as_str().as_bytes(), s.as_bytes()) {
                return sym;
            }
        }
        Symbol::intern_miss(s, slot)
    }

    #[inline(never)]
    fn intern_miss(s: &str, slot: usize) -> Symbol {
        let sym = Symbol::intern_global(s);
        CACHE.with(|c| c[slot].set(Some(sym)));
        sym
    }

    fn intern_global(s: &str) -> Symbol {
        // A poisoned lock only means another thread panicked while holding
        // it; the set itself is always consistent, so keep using it.
        let mut set = interner().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&existing) = set.get(s) {
            return existing;
        }
        let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
        let sym = Symbol(Box::leak(Box::new(leaked)));
        set.insert(leaked, sym);
        sym
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    pub fn is_blank(self) -> bool {
        *self.0 == "_"
    }

    /// Exported in Go's sense: begins with an upper-case letter.
    pub fn is_exported(self) -> bool {
        self.0.chars().next().is_some_and(char::is_uppercase)
    }
}

impl PartialEq for Symbol {
    fn eq(&self, other: &Symbol) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl Eq for Symbol {}

impl Hash for Symbol {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.0 as *const &str as usize).hash(state)
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Symbol) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Symbol {
    /// Orders by text, so sorted output is deterministic.
    fn cmp(&self, other: &Symbol) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_dedups() {
        let a = Symbol::intern("hello");
        let b = Symbol::intern(&String::from("hello"));
        assert_eq!(a, b);
        assert_ne!(a, Symbol::intern("world"));
        assert!(Symbol::intern("Exported").is_exported());
        assert!(!Symbol::intern("élan").is_exported());
        assert!(Symbol::intern("Élan").is_exported());
    }

    #[test]
    fn same_text_is_equality() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "acc",
            "abd",
            "abcd",
            "abce",
            "xbcd",
            "abcdefg",
            "abcdefh",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghXjklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_text(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
        }
    }
}
