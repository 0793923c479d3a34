//! Tests of makeslice, growslice and slicecopy. The expected capacities
//! come from gc 1.19 (tests/data/growslice_gen.go's output).

use super::*;
use crate::testtypes::{array, int, scalar};
use crate::types::Kind;

/// The distinct capacities seen appending `step` elements of `et` at a
/// time until the length reaches `n`, as gc's `append` calls growslice.
fn caps(et: &'static Type, step: usize, n: usize) -> Vec<usize> {
    let mut s = SliceHeader::default();
    let mut seen = vec![];
    while s.len < n {
        let needed = s.len + step;
        if needed > s.cap {
            s = growslice(et, s, needed).expect("growslice");
        }
        s.len = needed;
        if seen.last() != Some(&s.cap) {
            seen.push(s.cap);
        }
    }
    seen
}

#[test]
fn growslice_caps_match_gc() {
    let data = include_str!("../tests/data/growslice_caps.txt");
    let u8t = scalar(Kind::Uint8, 1, "uint8");
    let mut checked = 0;
    for line in data.lines().filter(|l| l.starts_with("size ")) {
        let (head, want) = line.split_once(':').expect("line format");
        let nums: Vec<usize> = head
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let [size, step, n] = nums[..] else {
            panic!("bad line {line}")
        };
        let want: Vec<usize> = want
            .split_whitespace()
            .map(|w| w.parse().unwrap())
            .collect();
        assert_eq!(caps(array(u8t, size), step, n), want, "{head}");
        checked += 1;
    }
    assert_eq!(checked, 44);
}

#[test]
fn append_three_to_two_ints_has_cap_6() {
    let data = include_str!("../tests/data/growslice_caps.txt");
    let want = data
        .lines()
        .find_map(|l| l.strip_prefix("append([]int{1,2},3,4,5) len 5 cap "))
        .expect("gc's line");
    let old = SliceHeader {
        array: makeslice(int(), 2, 2).unwrap(),
        len: 2,
        cap: 2,
    };
    mem::store_u64(old.array, 1);
    mem::store_u64(old.array + 8, 2);
    let s = growslice(int(), old, 5).unwrap();
    assert_eq!(s.cap.to_string(), want);
    assert_eq!(s.len, 2);
    assert_eq!(mem::load_u64(s.array + 8), 2);
}

#[test]
fn makeslice_errors_are_gcs() {
    let i = int();
    let msg = |r: Result<u64, RuntimeError>| r.unwrap_err().to_string();
    assert_eq!(
        msg(makeslice(i, -1, 5)),
        "runtime error: makeslice: len out of range"
    );
    assert_eq!(
        msg(makeslice(i, 1 << 60, 1 << 60)),
        "runtime error: makeslice: len out of range"
    );
    assert_eq!(
        msg(makeslice(i, 5, 2)),
        "runtime error: makeslice: cap out of range"
    );
    assert_eq!(
        msg(makeslice(i, 1, 1 << 60)),
        "runtime error: makeslice: cap out of range"
    );
    let p = makeslice(i, 3, 10).unwrap();
    assert_eq!(mem::bytes(p, 80), &[0u8; 80][..]);
}

#[test]
fn growslice_rejects_impossible_caps_and_keeps_zero_size() {
    let big = array(scalar(Kind::Uint8, 1, "uint8"), 1 << 20);
    let old = SliceHeader::default();
    let e = growslice(big, old, 1 << 40).unwrap_err();
    assert_eq!(e.to_string(), "runtime error: growslice: cap out of range");
    let empty = array(int(), 0);
    let s = growslice(
        empty,
        SliceHeader {
            array: 0,
            len: 3,
            cap: 3,
        },
        7,
    )
    .unwrap();
    assert!(s.array != 0);
    assert_eq!((s.len, s.cap), (3, 7));
}

#[test]
fn slicecopy_copies_the_shorter_length_with_overlap() {
    let p = makeslice(int(), 5, 5).unwrap();
    for i in 0..5 {
        mem::store_u64(p + 8 * i, i + 1);
    }
    assert_eq!(slicecopy(p + 8, 4, p, 5, 8), 4);
    let got: Vec<u64> = (0..5).map(|i| mem::load_u64(p + 8 * i)).collect();
    assert_eq!(got, [1, 1, 2, 3, 4]);
    assert_eq!(slicecopy(p, 0, p + 8, 3, 8), 0);
}
