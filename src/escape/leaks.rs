//! Parameter leak sets (gc's leaks.go): for one parameter, the minimal
//! number of dereferences on any assignment path from it to the heap and
//! to each of the function's first [`NUM_ESC_RESULTS`] results.
//!
//! Invariants: a count is stored plus one in a byte, so 0 means "no path"
//! and counts saturate at 254; `optimize` drops result paths at least as
//! long as the heap path (they add nothing: the value reaches the heap
//! anyway). The encoding (`encode`/`parse`) is gc's export-data tag, so
//! tags produced for the std table by gc itself read back unchanged.
//!
//! Example: `func f(p *int) *int { return p }` gives p the leaks
//! {heap: none, result 0: 0 derefs}, printed "leaking param: p to result
//! ~r0 level=0".

/// How many results a leak set tracks (gc's numEscResults).
pub const NUM_ESC_RESULTS: usize = 7;

/// A parameter's leak set; index 0 is the heap, 1.. the results.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Leaks(pub [u8; 1 + NUM_ESC_RESULTS]);

impl Leaks {
    /// The set of a parameter assumed to leak to the heap outright (a
    /// call to unknown code).
    pub fn heap() -> Leaks {
        let mut l = Leaks::default();
        l.add_heap(0);
        l
    }

    pub fn is_empty(&self) -> bool {
        *self == Leaks::default()
    }

    /// The minimal dereference count of a path to the heap, or -1.
    pub fn heap_derefs(&self) -> i32 {
        self.get(0)
    }

    /// The minimal dereference count of a path to result i, or -1.
    pub fn result(&self, i: usize) -> i32 {
        self.get(1 + i)
    }

    pub fn add_heap(&mut self, derefs: i32) {
        self.add(0, derefs)
    }

    pub fn add_result(&mut self, i: usize, derefs: i32) {
        self.add(1 + i, derefs)
    }

    fn set_result(&mut self, i: usize, derefs: i32) {
        self.set(1 + i, derefs)
    }

    fn get(&self, i: usize) -> i32 {
        self.0.get(i).map(|&b| b as i32 - 1).unwrap_or(-1)
    }

    fn add(&mut self, i: usize, derefs: i32) {
        let old = self.get(i);
        if old < 0 || derefs < old {
            self.set(i, derefs);
        }
    }

    fn set(&mut self, i: usize, derefs: i32) {
        let v = (derefs + 1).clamp(0, u8::MAX as i32);
        if let Some(b) = self.0.get_mut(i) {
            *b = v as u8;
        }
    }

    /// Removes result paths equal to or longer than the heap path.
    pub fn optimize(&mut self) {
        let x = self.heap_derefs();
        if x >= 0 {
            for i in 0..NUM_ESC_RESULTS {
                if self.result(i) >= x {
                    self.set_result(i, -1);
                }
            }
        }
    }

    /// gc's export-data tag: "" for a parameter that leaks to the heap
    /// directly, else "esc:" and the bytes without trailing zeros.
    pub fn encode(&self) -> Vec<u8> {
        if self.heap_derefs() == 0 {
            return Vec::new();
        }
        let mut n = self.0.len();
        while n > 0 && self.0[n - 1] == 0 {
            n -= 1;
        }
        let mut s = b"esc:".to_vec();
        s.extend_from_slice(&self.0[..n]);
        s
    }

    /// Reads a tag written by `encode` (or by gc): anything without the
    /// "esc:" prefix leaks to the heap.
    pub fn parse(s: &[u8]) -> Leaks {
        let mut l = Leaks::default();
        match s.strip_prefix(b"esc:") {
            Some(rest) => {
                for (d, &b) in l.0.iter_mut().zip(rest) {
                    *d = b;
                }
            }
            None => l.add_heap(0),
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_keeps_minimum() {
        let mut l = Leaks::default();
        assert!(l.is_empty());
        l.add_heap(3);
        l.add_heap(1);
        l.add_heap(2);
        assert_eq!(l.heap_derefs(), 1);
        assert_eq!(l.result(0), -1);
    }

    #[test]
    fn optimize_drops_longer_result_paths() {
        let mut l = Leaks::default();
        l.add_heap(1);
        l.add_result(0, 0);
        l.add_result(1, 1);
        l.add_result(2, 2);
        l.optimize();
        assert_eq!(l.result(0), 0);
        assert_eq!(l.result(1), -1);
        assert_eq!(l.result(2), -1);
    }

    #[test]
    fn encode_roundtrip() {
        let mut l = Leaks::default();
        l.add_result(0, 1);
        let s = l.encode();
        assert_eq!(s, b"esc:\x00\x02".to_vec());
        assert_eq!(Leaks::parse(&s), l);
        assert_eq!(Leaks::heap().encode(), Vec::<u8>::new());
        assert_eq!(Leaks::parse(b""), Leaks::heap());
    }

    #[test]
    fn saturates() {
        let mut l = Leaks::default();
        l.add_heap(1000);
        assert_eq!(l.heap_derefs(), 254);
    }
}
