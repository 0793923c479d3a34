//! Interned names.
//!
//! Identifiers and literal texts are interned once, for the life of the
//! process, so a [`Symbol`] is a copyable pointer: equality and hashing are
//! pointer operations, and `as_str` needs no table lookup. The interner leaks
//! each distinct string; the REPL's growth is bounded by the distinct names a
//! user types.

use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

#[derive(Clone, Copy)]
pub struct Symbol(&'static str);

/// The interner's hash: FxHash (rustc's), far cheaper than SipHash for
/// the short keys identifiers are; the parser interns every name.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Set = HashSet<&'static str, BuildHasherDefault<FxHasher>>;

fn interner() -> &'static Mutex<Set> {
    static INTERNER: OnceLock<Mutex<Set>> = OnceLock::new();
    INTERNER.get_or_init(|| Mutex::new(Set::default()))
}

impl Symbol {
    pub fn intern(s: &str) -> Symbol {
        // Each thread keeps the symbols it has seen, so the common case
        // (a name seen before) takes no lock.
        thread_local! {
            static SEEN: std::cell::RefCell<Set> = std::cell::RefCell::new(Set::default());
        }
        if let Some(found) = SEEN.with(|seen| seen.borrow().get(s).copied()) {
            return Symbol(found);
        }
        let sym = Symbol::intern_global(s);
        SEEN.with(|seen| seen.borrow_mut().insert(sym.0));
        sym
    }

    fn intern_global(s: &str) -> Symbol {
        // A poisoned lock only means another thread panicked while holding
        // it; the set itself is always consistent, so keep using it.
        let mut set = interner().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&existing) = set.get(s) {
            return Symbol(existing);
        }
        let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
        set.insert(leaked);
        Symbol(leaked)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    pub fn is_blank(self) -> bool {
        self.0 == "_"
    }

    /// Exported in Go's sense: begins with an upper-case letter.
    pub fn is_exported(self) -> bool {
        self.0.chars().next().is_some_and(char::is_uppercase)
    }
}

impl PartialEq for Symbol {
    fn eq(&self, other: &Symbol) -> bool {
        std::ptr::eq(self.0.as_ptr(), other.0.as_ptr())
    }
}
impl Eq for Symbol {}

impl Hash for Symbol {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.0.as_ptr() as usize).hash(state)
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
}
