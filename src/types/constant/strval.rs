//! String constant values. Go strings are byte sequences, so a `StrVal`
//! holds bytes, not a Rust `str`.
//!
//! Concatenation is the one operation that must stay cheap: a program may
//! spell a long constant as `"a" + "b" + ... ` with thousands of terms (Go
//! issue 23348), and copying both operands at every step would take time
//! quadratic in the length. A `StrVal` is therefore a prefix of a shared,
//! append-only buffer: `x + y`, when `x` ends where its buffer ends, appends
//! `y` to that buffer and returns a longer prefix of it, leaving `x` (whose
//! prefix is unchanged) valid. Otherwise the bytes are copied. Bytes once
//! written are never modified, so every value stays immutable.
//!
//! Past [`FLAT_LIMIT`] bytes a concatenation is not done but recorded (a
//! rope, like go/constant's): `const c1 = c0 + c0; const c2 = c1 + c1; ...`
//! doubles the length at every line, and gc accepts 40 such lines because
//! it never flattens the result. A rope is flattened (once) when its bytes
//! are needed, up to [`MAX_FLATTEN`] bytes; a longer one reads as empty
//! (gc would run out of memory).

use std::cell::RefCell;
use std::rc::Rc;

/// Longest result that concatenation builds eagerly.
const FLAT_LIMIT: usize = 64 << 20;
/// Longest string whose bytes are ever materialized.
const MAX_FLATTEN: usize = 256 << 20;

/// An immutable byte string (see the module comment).
#[derive(Clone)]
pub struct StrVal {
    buf: Rc<RefCell<Buf>>,
    len: usize,
}

enum Buf {
    Flat(Vec<u8>),
    /// A concatenation not yet done.
    Cat(StrVal, StrVal),
}

impl StrVal {
    pub fn new(bytes: &[u8]) -> StrVal {
        StrVal {
            buf: Rc::new(RefCell::new(Buf::Flat(bytes.to_vec()))),
            len: bytes.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f` with the bytes (empty for a string too long to
    /// materialize).
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        self.flatten();
        match self.buf.try_borrow() {
            Ok(b) => match &*b {
                Buf::Flat(v) => f(&v[..self.len.min(v.len())]),
                Buf::Cat(..) => f(&[]),
            },
            Err(_) => f(&[]), // unreachable: buffers are only borrowed mutably inside concat
        }
    }

    pub fn to_vec(&self) -> Vec<u8> {
        self.with_bytes(|b| b.to_vec())
    }

    /// Turns a rope into a flat buffer, if it is not too long.
    fn flatten(&self) {
        if self.len > MAX_FLATTEN || matches!(&*self.buf.borrow(), Buf::Flat(_)) {
            return;
        }
        // Walk the rope left to right without recursion (a chain of
        // `s = s + "x"` makes it as deep as it is long).
        let mut out = Vec::with_capacity(self.len);
        let mut stack = vec![self.clone()];
        while let Some(s) = stack.pop() {
            let b = s.buf.borrow();
            match &*b {
                Buf::Flat(v) => out.extend_from_slice(&v[..s.len.min(v.len())]),
                Buf::Cat(l, r) => {
                    stack.push(r.clone());
                    stack.push(l.clone());
                }
            }
        }
        *self.buf.borrow_mut() = Buf::Flat(out);
    }

    /// `self + other`, appending in place when `self` ends its buffer.
    pub fn concat(&self, other: &StrVal) -> StrVal {
        let len = self.len + other.len;
        if len > FLAT_LIMIT {
            return StrVal {
                buf: Rc::new(RefCell::new(Buf::Cat(self.clone(), other.clone()))),
                len,
            };
        }
        let tail = if Rc::ptr_eq(&self.buf, &other.buf) {
            Some(other.to_vec())
        } else {
            None
        };
        self.flatten();
        other.flatten();
        if let Ok(mut b) = self.buf.try_borrow_mut() {
            if let Buf::Flat(v) = &mut *b {
                if v.len() == self.len {
                    match &tail {
                        Some(t) => v.extend_from_slice(t),
                        None => other.with_bytes(|o| v.extend_from_slice(o)),
                    }
                    return StrVal {
                        buf: self.buf.clone(),
                        len: v.len(),
                    };
                }
            }
        }
        let mut v = self.to_vec();
        other.with_bytes(|o| v.extend_from_slice(o));
        StrVal {
            buf: Rc::new(RefCell::new(Buf::Flat(v))),
            len,
        }
    }
}

impl PartialEq for StrVal {
    fn eq(&self, other: &StrVal) -> bool {
        self.len == other.len && self.with_bytes(|a| other.with_bytes(|b| a == b))
    }
}

impl std::fmt::Debug for StrVal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_bytes(|b| write!(f, "{:?}", String::from_utf8_lossy(b)))
    }
}
