//! strings.NewReplacer and (*Replacer).Replace/WriteString. The Replacer
//! keeps its pairs where Go's does before first use (`oldnew []string`
//! at offset 32 of `struct{ once sync.Once; r replacer; oldnew []string
//! }`); every Go algorithm (byte, byte-string, single-string, generic
//! trie) gives the generic one's result, which [`replace`] computes:
//! scanning left to right, at each position the first pair in argument
//! order whose old string is a prefix there is replaced, an empty old
//! string matching once between runes (never twice at one position).
//! WriteString writes the whole result with one WriteString (or Write)
//! of the writer, where Go may split it into several.

use std::sync::OnceLock;

use super::errors::named_ptr;
use super::{native, Ctx, Native};
use crate::error::RuntimeError;
use crate::mem;
use crate::types::Type;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// An (old, new) pair of Go strings.
type Pair = (&'static [u8], &'static [u8]);

/// The offset and size of `Replacer.oldnew` and of a Replacer.
const OLDNEW: u64 = 32;
const SIZE: usize = 56;

/// The Replacer struct's descriptor, for the collector (the replacer
/// interface and the oldnew slice hold pointers: words 2 to 4).
fn replacer_type() -> Option<&'static Type> {
    static T: OnceLock<&'static Type> = OnceLock::new();
    let pt = T.get_or_init(|| {
        named_ptr(
            "strings",
            "strings.Replacer",
            SIZE,
            &[0b1_1100],
            vec![],
            vec![],
        )
    });
    pt.elem()
}

/// The generic replacer's result for the (old, new) `pairs`.
pub fn replace(pairs: &[(&[u8], &[u8])], s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let (mut i, mut last) = (0, 0);
    let mut prev_match_empty = false;
    while i <= s.len() {
        let rest = &s[i..];
        let m = pairs
            .iter()
            .find(|(old, _)| !(prev_match_empty && old.is_empty()) && rest.starts_with(old));
        prev_match_empty = m.is_some_and(|(old, _)| old.is_empty());
        match m {
            Some((old, new)) => {
                out.extend_from_slice(&s[last..i]);
                out.extend_from_slice(new);
                i += old.len();
                last = i;
            }
            None => i += 1,
        }
    }
    if last < s.len() {
        out.extend_from_slice(&s[last..]);
    }
    out
}

fn new_replacer(c: &mut Ctx<'_, '_>) -> R {
    let strs = c.strings(0);
    if strs.len() % 2 == 1 {
        return Err(super::panic_string(
            "strings.NewReplacer: odd argument count",
        ));
    }
    let r = crate::malloc::mallocgc(SIZE, replacer_type(), true);
    c.set(3, r);
    // append([]string(nil), oldnew...): a copy (rooted through r).
    let n = strs.len() as u64;
    if n > 0 {
        let st = crate::iface::basic_type(crate::vm::fmtv::kind::STRING, "string");
        let arr = crate::malloc::mallocgc(16 * strs.len(), Some(st), true);
        mem::store_u64(r + OLDNEW, arr);
        mem::store_u64(r + OLDNEW + 8, n);
        mem::store_u64(r + OLDNEW + 16, n);
        mem::memmove(arr, c.arg(0), 16 * strs.len());
    }
    Ok(())
}

/// The pairs of the Replacer at slot 0 (nil: gc's nil dereference).
fn pairs(c: &Ctx<'_, '_>) -> Result<Vec<Pair>, Raise> {
    let r = c.arg(0);
    if r < 4096 {
        return Err(Raise::Error(RuntimeError::nil_deref()));
    }
    let (arr, n) = (mem::load_u64(r + OLDNEW), mem::load_u64(r + OLDNEW + 8));
    let s = |k: u64| {
        let (p, l) = (mem::load_u64(arr + 16 * k), mem::load_u64(arr + 16 * k + 8));
        if l == 0 {
            &[][..]
        } else {
            mem::bytes(p, l as usize)
        }
    };
    Ok((0..n / 2).map(|k| (s(2 * k), s(2 * k + 1))).collect())
}

fn replace_native(c: &mut Ctx<'_, '_>) -> R {
    let v = replace(&pairs(c)?, c.str(1));
    c.set_str(3, &v);
    Ok(())
}

fn write_string(c: &mut Ctx<'_, '_>) -> R {
    let v = replace(&pairs(c)?, c.str(3));
    if v.is_empty() {
        c.set(5, 0);
        c.set(6, 0);
        c.set(7, 0);
        return Ok(());
    }
    super::io::write_to(c, (c.arg(1), c.arg(2)), &v, 5)
}

pub(super) const NATIVES: &[Native] = &[
    native("strings.NewReplacer", 3, 1, new_replacer),
    native("strings.(*Replacer).Replace", 3, 2, replace_native),
    native("strings.(*Replacer).WriteString", 5, 3, write_string),
];

#[cfg(test)]
mod tests {
    use super::replace;

    fn r(pairs: &[(&str, &str)], s: &str) -> String {
        let p: Vec<(&[u8], &[u8])> = pairs
            .iter()
            .map(|(a, b)| (a.as_bytes(), b.as_bytes()))
            .collect();
        String::from_utf8(replace(&p, s.as_bytes())).unwrap_or_default()
    }

    #[test]
    fn generic_replacer_semantics() {
        assert_eq!(r(&[("a", "1"), ("b", "2")], "abc"), "12c");
        assert_eq!(r(&[("", "-")], "abc"), "-a-b-c-");
        assert_eq!(r(&[("a", "1"), ("a", "2")], "aa"), "11");
        assert_eq!(r(&[("ab", "X"), ("abc", "Y")], "abcd"), "Xcd");
        assert_eq!(r(&[("", "-"), ("a", "A")], "ab"), "-A-b-");
    }
}
