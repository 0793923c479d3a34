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

use std::cell::RefCell;
use std::rc::Rc;

/// An immutable byte string (see the module comment).
#[derive(Clone)]
pub struct StrVal {
    buf: Rc<RefCell<Vec<u8>>>,
    len: usize,
}

impl StrVal {
    pub fn new(bytes: &[u8]) -> StrVal {
        StrVal {
            buf: Rc::new(RefCell::new(bytes.to_vec())),
            len: bytes.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f` with the bytes.
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self.buf.try_borrow() {
            Ok(b) => f(&b[..self.len]),
            Err(_) => f(&[]), // unreachable: buffers are only borrowed mutably inside concat
        }
    }

    pub fn to_vec(&self) -> Vec<u8> {
        self.with_bytes(|b| b.to_vec())
    }

    /// `self + other`, appending in place when `self` ends its buffer.
    pub fn concat(&self, other: &StrVal) -> StrVal {
        let tail = if Rc::ptr_eq(&self.buf, &other.buf) {
            Some(other.to_vec())
        } else {
            None
        };
        if let Ok(mut b) = self.buf.try_borrow_mut() {
            if b.len() == self.len {
                match &tail {
                    Some(t) => b.extend_from_slice(t),
                    None => other.with_bytes(|o| b.extend_from_slice(o)),
                }
                return StrVal {
                    buf: self.buf.clone(),
                    len: b.len(),
                };
            }
        }
        let mut v = self.to_vec();
        other.with_bytes(|o| v.extend_from_slice(o));
        StrVal {
            buf: Rc::new(RefCell::new(v)),
            len: self.len + other.len,
        }
    }
}

impl PartialEq for StrVal {
    fn eq(&self, other: &StrVal) -> bool {
        self.with_bytes(|a| other.with_bytes(|b| a == b))
    }
}

impl std::fmt::Debug for StrVal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_bytes(|b| write!(f, "{:?}", String::from_utf8_lossy(b)))
    }
}
