//! The leaf functions of Go's strings package (strings/strings.go), over byte strings.
//! Results that Go shares with the input are subslices of it (Split, Fields, Trim*), so
//! the VM can build Go strings pointing into the original bytes; a result that is the
//! input unchanged is `Cow::Borrowed`. Callback forms (Map, FieldsFunc, TrimFunc, ...)
//! take a Rust closure: Go code calls Go callbacks itself, but the fixed-predicate
//! functions here (Fields, TrimSpace, ToUpper) are built on them exactly as Go is.
//!
//! Invalid UTF-8 is handled as Go does: it decodes as U+FFFD of width 1, Split's explode
//! and Map write U+FFFD in its place, while Trim and Fields keep the original bytes.
//! Example: `split(b"a,b,,c", b",")` is ["a", "b", "", "c"]; `to_upper(b"\xffa")` is
//! "\u{FFFD}A".

use std::borrow::Cow;

use crate::stdlib::unicode;
use crate::stdlib::utf8::{
    append_rune, decode_last_rune, decode_rune, rune_count, valid_rune, RUNE_ERROR, RUNE_SELF,
};

/// "\u{FFFD}" as bytes: what explode puts for an invalid byte.
const RUNE_ERROR_BYTES: &[u8] = "\u{FFFD}".as_bytes();

/// Go's strings.IndexByte.
pub fn index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().position(|&b| b == c).map_or(-1, |i| i as i64)
}

/// Go's strings.LastIndexByte.
pub fn last_index_byte(s: &[u8], c: u8) -> i64 {
    s.iter().rposition(|&b| b == c).map_or(-1, |i| i as i64)
}

/// Go's strings.Index: the first index of substr in s, or -1.
pub fn index(s: &[u8], substr: &[u8]) -> i64 {
    let n = substr.len();
    if n == 0 {
        return 0;
    }
    if n > s.len() {
        return -1;
    }
    let first = substr[0];
    let mut i = 0;
    while i + n <= s.len() {
        match s[i..=s.len() - n].iter().position(|&b| b == first) {
            None => return -1,
            Some(k) => {
                i += k;
                if &s[i..i + n] == substr {
                    return i as i64;
                }
                i += 1;
            }
        }
    }
    -1
}

/// Go's strings.LastIndex.
pub fn last_index(s: &[u8], substr: &[u8]) -> i64 {
    let n = substr.len();
    if n == 0 {
        return s.len() as i64;
    }
    if n > s.len() {
        return -1;
    }
    (0..=s.len() - n)
        .rev()
        .find(|&i| &s[i..i + n] == substr)
        .map_or(-1, |i| i as i64)
}

/// Go's strings.Contains.
pub fn contains(s: &[u8], substr: &[u8]) -> bool {
    index(s, substr) >= 0
}

/// Go's strings.IndexRune: r == U+FFFD also finds invalid UTF-8; an invalid r is -1.
pub fn index_rune(s: &[u8], r: i32) -> i64 {
    if (0..RUNE_SELF).contains(&r) {
        return index_byte(s, r as u8);
    }
    if r == RUNE_ERROR {
        let mut i = 0;
        while i < s.len() {
            let (c, w) = decode_rune(&s[i..]);
            if c == RUNE_ERROR {
                return i as i64;
            }
            i += w;
        }
        return -1;
    }
    if !valid_rune(r) {
        return -1;
    }
    let mut enc = Vec::with_capacity(4);
    append_rune(&mut enc, r);
    index(s, &enc)
}

/// Go's strings.ContainsRune.
pub fn contains_rune(s: &[u8], r: i32) -> bool {
    index_rune(s, r) >= 0
}

/// Go's strings.IndexAny: the first rune of s that is in chars.
pub fn index_any(s: &[u8], chars: &[u8]) -> i64 {
    if chars.is_empty() {
        return -1;
    }
    let mut i = 0;
    while i < s.len() {
        let (c, w) = decode_rune(&s[i..]);
        if index_rune(chars, c) >= 0 {
            return i as i64;
        }
        i += w;
    }
    -1
}

/// Go's strings.LastIndexAny.
pub fn last_index_any(s: &[u8], chars: &[u8]) -> i64 {
    if chars.is_empty() {
        return -1;
    }
    let mut i = s.len();
    while i > 0 {
        let (r, size) = decode_last_rune(&s[..i]);
        i -= size;
        if index_rune(chars, r) >= 0 {
            return i as i64;
        }
    }
    -1
}

/// Go's strings.ContainsAny.
pub fn contains_any(s: &[u8], chars: &[u8]) -> bool {
    index_any(s, chars) >= 0
}

/// Go's strings.Count: non-overlapping instances; an empty substr counts runes + 1.
pub fn count(s: &[u8], substr: &[u8]) -> i64 {
    if substr.is_empty() {
        return rune_count(s) as i64 + 1;
    }
    let mut n = 0;
    let mut s = s;
    loop {
        let i = index(s, substr);
        if i < 0 {
            return n;
        }
        n += 1;
        s = &s[i as usize + substr.len()..];
    }
}

/// Go's explode: s split into at most n runes (n < 0: all), the last piece keeping the rest.
fn explode(s: &[u8], n: i64) -> Vec<&[u8]> {
    let l = rune_count(s) as i64;
    let n = if n < 0 || n > l { l } else { n } as usize;
    let mut a = Vec::with_capacity(n);
    let mut s = s;
    for _ in 0..n.saturating_sub(1) {
        let (ch, size) = decode_rune(s);
        a.push(if ch == RUNE_ERROR {
            RUNE_ERROR_BYTES
        } else {
            &s[..size]
        });
        s = &s[size..];
    }
    if n > 0 {
        a.push(s);
    }
    a
}

/// Go's genSplit: sep_save bytes of sep stay on each piece; n < 0 means all pieces.
/// n == 0 is Go's nil slice (an empty Vec here).
fn gen_split<'a>(s: &'a [u8], sep: &[u8], sep_save: usize, n: i64) -> Vec<&'a [u8]> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        return explode(s, n);
    }
    let mut n = if n < 0 { count(s, sep) + 1 } else { n };
    if n > s.len() as i64 + 1 {
        n = s.len() as i64 + 1;
    }
    let mut a = Vec::new();
    let mut s = s;
    while (a.len() as i64) < n - 1 {
        let m = index(s, sep);
        if m < 0 {
            break;
        }
        let m = m as usize;
        a.push(&s[..m + sep_save]);
        s = &s[m + sep.len()..];
    }
    a.push(s);
    a
}

/// Go's strings.Split.
pub fn split<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    gen_split(s, sep, 0, -1)
}

/// Go's strings.SplitN.
pub fn split_n<'a>(s: &'a [u8], sep: &[u8], n: i64) -> Vec<&'a [u8]> {
    gen_split(s, sep, 0, n)
}

/// Go's strings.SplitAfter.
pub fn split_after<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    gen_split(s, sep, sep.len(), -1)
}

/// Go's strings.SplitAfterN.
pub fn split_after_n<'a>(s: &'a [u8], sep: &[u8], n: i64) -> Vec<&'a [u8]> {
    gen_split(s, sep, sep.len(), n)
}

/// Go's strings.FieldsFunc: the runs of runes for which f is false.
pub fn fields_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> Vec<&[u8]> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if f(r) {
            if let Some(st) = start.take() {
                spans.push(&s[st..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += w;
    }
    if let Some(st) = start {
        spans.push(&s[st..]);
    }
    spans
}

/// Go's strings.Fields: split around runs of unicode.IsSpace.
pub fn fields(s: &[u8]) -> Vec<&[u8]> {
    fields_func(s, unicode::is_space)
}

/// Go's strings.Map: each rune replaced by f's result, dropped when negative; invalid
/// UTF-8 becomes f(U+FFFD). Borrowed when nothing changes.
pub fn map(s: &[u8], mut f: impl FnMut(i32) -> i32) -> Cow<'_, [u8]> {
    let mut i = 0;
    // Find the first rune that changes.
    while i < s.len() {
        let (c, width) = decode_rune(&s[i..]);
        let r = f(c);
        if r == c && (c != RUNE_ERROR || width != 1) {
            i += width;
            continue;
        }
        let mut b = Vec::with_capacity(s.len() + 4);
        b.extend_from_slice(&s[..i]);
        if r >= 0 {
            append_rune(&mut b, r);
        }
        i += width;
        while i < s.len() {
            let (c, width) = decode_rune(&s[i..]);
            let r = f(c);
            if r >= 0 {
                append_rune(&mut b, r);
            }
            i += width;
        }
        return Cow::Owned(b);
    }
    Cow::Borrowed(s)
}

/// Go's strings.ToUpper (unicode.ToUpper per rune).
pub fn to_upper(s: &[u8]) -> Cow<'_, [u8]> {
    if s.is_ascii() {
        if !s.iter().any(u8::is_ascii_lowercase) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.to_ascii_uppercase());
    }
    map(s, unicode::to_upper)
}

/// Go's strings.ToLower (unicode.ToLower per rune).
pub fn to_lower(s: &[u8]) -> Cow<'_, [u8]> {
    if s.is_ascii() {
        if !s.iter().any(u8::is_ascii_uppercase) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.to_ascii_lowercase());
    }
    map(s, unicode::to_lower)
}

/// Go's strings.ToTitle (unicode.ToTitle per rune).
pub fn to_title(s: &[u8]) -> Cow<'_, [u8]> {
    map(s, unicode::to_title)
}

/// Go's strings.EqualFold: equal under simple Unicode case folding.
pub fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let (mut s, mut t) = (s, t);
    while !s.is_empty() && !t.is_empty() {
        let (mut sr, n) = decode_rune(s);
        s = &s[n..];
        let (mut tr, n) = decode_rune(t);
        t = &t[n..];
        if tr == sr {
            continue;
        }
        if tr < sr {
            std::mem::swap(&mut tr, &mut sr);
        }
        if tr < RUNE_SELF {
            if (0x41..=0x5A).contains(&sr) && tr == sr + 0x20 {
                continue;
            }
            return false;
        }
        let mut r = unicode::simple_fold(sr);
        while r != sr && r < tr {
            r = unicode::simple_fold(r);
        }
        if r == tr {
            continue;
        }
        return false;
    }
    s == t
}

/// Go's Repeat panics, the messages the VM raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatError {
    /// "strings: negative Repeat count"
    Negative,
    /// "strings: Repeat count causes overflow"
    Overflow,
    /// The Builder's Grow reaches makeslice with a size above Go's maxAlloc (2^48 on
    /// amd64): the runtime error "makeslice: cap out of range".
    CapOutOfRange,
}

impl RepeatError {
    pub fn message(self) -> &'static str {
        match self {
            RepeatError::Negative => "strings: negative Repeat count",
            RepeatError::Overflow => "strings: Repeat count causes overflow",
            RepeatError::CapOutOfRange => "runtime error: makeslice: cap out of range",
        }
    }
}

/// Go's strings.Repeat. Sizes above 2^48 fail as Go's makeslice does; a smaller result
/// that cannot be allocated is the VM's to refuse (gc dies out of memory) before calling.
pub fn repeat(s: &[u8], count: i64) -> Result<Vec<u8>, RepeatError> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if count < 0 {
        return Err(RepeatError::Negative);
    }
    // Go's check: len(s)*count/count != len(s), in wrapping int arithmetic.
    let len = s.len() as i64;
    if len.wrapping_mul(count) / count != len {
        return Err(RepeatError::Overflow);
    }
    if len * count > 1 << 48 {
        return Err(RepeatError::CapOutOfRange);
    }
    Ok(s.repeat(count as usize))
}

/// Go's strings.Replace: the first n (all when n < 0) non-overlapping old replaced by
/// new; an empty old matches at the start and after each rune.
pub fn replace<'a>(s: &'a [u8], old: &[u8], new: &[u8], n: i64) -> Cow<'a, [u8]> {
    if old == new || n == 0 {
        return Cow::Borrowed(s);
    }
    let m = count(s, old);
    if m == 0 {
        return Cow::Borrowed(s);
    }
    let n = if n < 0 || m < n { m } else { n };
    let mut b = Vec::with_capacity(s.len());
    let mut start = 0usize;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += decode_rune(&s[start..]).1;
            }
        } else {
            j += index(&s[start..], old) as usize;
        }
        b.extend_from_slice(&s[start..j]);
        b.extend_from_slice(new);
        start = j + old.len();
    }
    b.extend_from_slice(&s[start..]);
    Cow::Owned(b)
}

/// Go's strings.ReplaceAll.
pub fn replace_all<'a>(s: &'a [u8], old: &[u8], new: &[u8]) -> Cow<'a, [u8]> {
    replace(s, old, new, -1)
}

/// Go's strings.IndexFunc: the byte index of the first rune satisfying
/// `f`, or -1.
pub fn index_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> i64 {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if f(r) {
            return i as i64;
        }
        i += w;
    }
    -1
}

/// Go's strings.LastIndexFunc: the byte index of the last rune satisfying
/// `f`, or -1.
pub fn last_index_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> i64 {
    let mut i = s.len();
    while i > 0 {
        let (r, w) = decode_last_rune(&s[..i]);
        i -= w;
        if f(r) {
            return i as i64;
        }
    }
    -1
}

/// Go's strings.TrimLeftFunc.
pub fn trim_left_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> &[u8] {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if !f(r) {
            return &s[i..];
        }
        i += w;
    }
    &s[s.len()..]
}

/// Go's strings.TrimRightFunc.
pub fn trim_right_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> &[u8] {
    let mut i = s.len();
    while i > 0 {
        let (r, w) = decode_last_rune(&s[..i]);
        if !f(r) {
            return &s[..i];
        }
        i -= w;
    }
    &s[..0]
}

/// Go's strings.TrimFunc.
pub fn trim_func(s: &[u8], mut f: impl FnMut(i32) -> bool) -> &[u8] {
    trim_right_func(trim_left_func(s, &mut f), &mut f)
}

/// Go's strings.TrimSpace.
pub fn trim_space(s: &[u8]) -> &[u8] {
    trim_func(s, unicode::is_space)
}

/// Go's strings.TrimLeft: leading runes found in cutset removed.
pub fn trim_left<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    trim_left_func(s, |r| contains_rune(cutset, r))
}

/// Go's strings.TrimRight.
pub fn trim_right<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    trim_right_func(s, |r| contains_rune(cutset, r))
}

/// Go's strings.Trim.
pub fn trim<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    trim_right(trim_left(s, cutset), cutset)
}

/// Go's strings.TrimPrefix.
pub fn trim_prefix<'a>(s: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// Go's strings.TrimSuffix.
pub fn trim_suffix<'a>(s: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// Go's strings.Cut: (before, after, found).
pub fn cut<'a>(s: &'a [u8], sep: &[u8]) -> (&'a [u8], &'a [u8], bool) {
    let i = index(s, sep);
    if i >= 0 {
        let i = i as usize;
        return (&s[..i], &s[i + sep.len()..], true);
    }
    (s, &s[s.len()..], false)
}

/// Go's strings.Join.
pub fn join(elems: &[&[u8]], sep: &[u8]) -> Vec<u8> {
    elems.join(sep)
}

/// Go's strings.Title (deprecated in Go, still used): the first letter of each word
/// (after a separator per Go's isSeparator) mapped to title case.
pub fn title(s: &[u8]) -> Cow<'_, [u8]> {
    let mut prev = 0x20;
    map(s, |r| {
        let out = if is_separator(prev) {
            unicode::to_title(r)
        } else {
            r
        };
        prev = r;
        out
    })
}

/// Go's isSeparator (strings.Title's word boundary).
fn is_separator(r: i32) -> bool {
    if r <= 0x7F {
        let c = r as u8;
        return !(c.is_ascii_alphanumeric() || c == b'_');
    }
    if unicode::is_letter(r) || unicode::is_digit(r) {
        return false;
    }
    unicode::is_space(r)
}
