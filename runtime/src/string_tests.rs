//! Tests of the string functions against gc 1.19's behaviour
//! (tests/data/strings_gen.go's output).

use super::*;

const GC: &str = include_str!("../tests/data/strings_gc.txt");

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A Go string holding `b` (in leaked memory).
fn gostr(b: &[u8]) -> StringHeader {
    let s = rawstring(b.len());
    mem::bytes_mut(s.ptr, b.len()).copy_from_slice(b);
    s
}

/// gc's lines starting with `prefix`, split at ": ".
fn lines(prefix: &str) -> Vec<(&'static str, &'static str)> {
    let v: Vec<_> = GC
        .lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .filter_map(|l| l.split_once(':'))
        .map(|(a, b)| (a.trim(), b.trim()))
        .collect();
    assert!(!v.is_empty(), "no {prefix} lines");
    v
}

#[test]
fn range_decodes_invalid_utf8_as_gc() {
    for (input, want) in lines("range ") {
        let b = unhex(input);
        let mut got = vec![];
        let mut k = 0;
        while k < b.len() {
            let (r, next) = decoderune(&b, k);
            got.push(format!("{k}:{r}"));
            k = next;
        }
        assert_eq!(got.join(" "), want, "range over {input}");
    }
}

#[test]
fn stringtoslicerune_matches_gc() {
    for (input, want) in lines("runes ") {
        let s = gostr(&unhex(input));
        let a = stringtoslicerune(None, s);
        let got: Vec<String> = (0..a.len)
            .map(|i| (mem::load_u32(a.array + 4 * i as u64) as i32).to_string())
            .collect();
        assert_eq!(got.join(" "), want, "[]rune of {input}");
        assert_eq!(a.cap, roundupsize(a.len * 4) / 4);
    }
}

#[test]
fn slicerunetostring_matches_gc() {
    for (input, want) in lines("fromrunes") {
        let runes: Vec<i32> = input
            .split_whitespace()
            .map(|w| w.parse().unwrap())
            .collect();
        let p = crate::malloc::mallocgc(4 * runes.len(), None, true);
        for (i, r) in runes.iter().enumerate() {
            mem::store_u32(p + 4 * i as u64, *r as u32);
        }
        let s = slicerunetostring(None, p, runes.len());
        assert_eq!(hex(s.bytes()), want, "string of runes {input}");
    }
}

#[test]
fn intstring_matches_gc() {
    for (v, want) in lines("intstring ") {
        // string(rune(v)): the compiler truncates to a rune first.
        let v: i64 = v.parse().unwrap();
        assert_eq!(
            hex(intstring(None, v as i32 as i64).bytes()),
            want,
            "rune({v})"
        );
    }
    for (v, want) in lines("intstring64 ") {
        let v: i64 = v.parse().unwrap();
        assert_eq!(hex(intstring(None, v).bytes()), want, "string({v})");
        let buf = crate::malloc::mallocgc(4, None, true);
        assert_eq!(hex(intstring(Some(buf), v).bytes()), want);
    }
}

#[test]
fn stringtoslicebyte_cap_matches_gc() {
    for (n, want) in lines("bytescap ") {
        let n: usize = n.parse().unwrap();
        let b = stringtoslicebyte(None, gostr(&vec![7u8; n]));
        assert_eq!(b.cap.to_string(), want, "cap([]byte(s)) for len {n}");
        assert_eq!(b.len, n);
        assert!(mem::bytes(b.array, n).iter().all(|&x| x == 7));
        assert!(mem::bytes(b.array + n as u64, b.cap - n)
            .iter()
            .all(|&x| x == 0));
    }
    let buf = crate::malloc::mallocgc(32, None, true);
    let b = stringtoslicebyte(Some(buf), gostr(b"abc"));
    assert_eq!((b.array, b.len, b.cap), (buf, 3, 32));
}

#[test]
fn concatenation_and_conversions() {
    let (a, b) = (gostr(b"go"), gostr(b"scope"));
    let s = concatstrings(None, &[a, StringHeader::default(), b]);
    assert_eq!(s.bytes(), b"goscope");
    // A single non-empty operand is returned without copying.
    assert_eq!(concatstrings(None, &[StringHeader::default(), b]), b);
    assert_eq!(concatstrings(None, &[]), StringHeader::default());
    let t = slicebytetostring(None, s.ptr + 2, 5);
    assert_eq!(t.bytes(), b"scope");
    assert_ne!(t.ptr, s.ptr + 2);
    // One-byte strings point into staticuint64s.
    let one = slicebytetostring(None, s.ptr, 1);
    assert_eq!(one.bytes(), b"g");
    assert_eq!(one.ptr, &STATICUINT64S[b'g' as usize] as *const u64 as u64);
    assert_eq!(slicebytetostring(None, s.ptr, 0), StringHeader::default());
    assert_eq!(cmpstring(a, b), -1);
    assert_eq!(cmpstring(b, a), 1);
    assert_eq!(cmpstring(a, gostr(b"go")), 0);
    assert_eq!(countrunes("日本a\u{ff}".as_bytes()), 4);
}
