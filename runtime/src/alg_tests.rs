//! Tests of hashing and equality; the expected results of `==` come from
//! gc 1.19 (tests/data/equal_gen.go's output).

use super::*;
use crate::testtypes::{array, int, interface, map, scalar, slice, string, structure};
use crate::types::Kind;

fn addr<T>(v: &T) -> u64 {
    v as *const T as u64
}

/// What gc prints for a comparison's outcome.
fn show(r: Result<bool, RuntimeError>) -> String {
    match r {
        Ok(b) => b.to_string(),
        Err(e) => format!("panic: {e}"),
    }
}

fn gostr(s: &'static str) -> [u64; 2] {
    [s.as_ptr() as u64, s.len() as u64]
}

#[test]
fn equality_matches_gc() {
    let eface = interface(false);
    let it = int();
    let sl = slice(it);
    let st = string();
    let f64t = scalar(Kind::Float64, 8, "float64");
    let s_t = structure(&[("a", eface), ("b", it)]);
    let t_t = structure(&[("a", eface), ("s", st)]);
    let u_t = structure(&[("_", it), ("x", f64t)]);
    let arr = array(eface, 2);
    let mt = map(it, it);
    let empty_slice = [0u64; 3];
    let (one, two) = (1u64, 2u64);
    let (a, b, bb) = (gostr("a"), gostr("b"), gostr("bb"));
    let x = gostr("x");
    let ifslice = [sl.addr(), addr(&empty_slice)];
    let eq = |t: &'static Type, p: &[u64], q: &[u64]| show(typ_equal(t, addr(&p[0]), addr(&q[0])));
    let u = |blank: u64, x: f64| [blank, x.to_bits()];
    let nan = f64::NAN;
    let cases: Vec<(&str, String)> = vec![
        (
            "struct iface-uncomparable int-differs",
            eq(
                s_t,
                &[ifslice[0], ifslice[1], 1],
                &[ifslice[0], ifslice[1], 2],
            ),
        ),
        (
            "struct iface-uncomparable int-same",
            eq(
                s_t,
                &[ifslice[0], ifslice[1], 1],
                &[ifslice[0], ifslice[1], 1],
            ),
        ),
        (
            "struct iface-uncomparable strlen-differs",
            eq(
                t_t,
                &[ifslice[0], ifslice[1], a[0], a[1]],
                &[ifslice[0], ifslice[1], bb[0], bb[1]],
            ),
        ),
        (
            "struct iface-uncomparable strcontent-differs",
            eq(
                t_t,
                &[ifslice[0], ifslice[1], a[0], a[1]],
                &[ifslice[0], ifslice[1], b[0], b[1]],
            ),
        ),
        (
            "array iface second-type-differs",
            eq(
                arr,
                &[ifslice[0], ifslice[1], it.addr(), addr(&one)],
                &[ifslice[0], ifslice[1], st.addr(), addr(&x)],
            ),
        ),
        (
            "array iface second-value-differs",
            eq(
                arr,
                &[ifslice[0], ifslice[1], it.addr(), addr(&one)],
                &[ifslice[0], ifslice[1], it.addr(), addr(&two)],
            ),
        ),
        (
            "eface map",
            eq(eface, &[mt.addr(), 0x1000], &[mt.addr(), 0x2000]),
        ),
        (
            "eface different types",
            eq(eface, &ifslice, &[it.addr(), addr(&one)]),
        ),
        ("blank field ignored", eq(u_t, &u(1, 1.0), &u(2, 1.0))),
        ("nan", eq(u_t, &u(0, nan), &u(0, nan))),
        ("neg zero", eq(u_t, &u(0, 0.0), &u(0, -0.0))),
        ("map key unhashable", {
            let m = map(eface, it);
            let h = crate::map::makemap(m, 0).unwrap();
            show(crate::map::mapassign(m, h, addr(&ifslice)).map(|_| true))
        }),
        ("map key unhashable in struct", {
            let m = map(s_t, it);
            let h = crate::map::makemap(m, 0).unwrap();
            let k = [mt.addr(), 0x1000, 0];
            show(crate::map::mapassign(m, h, addr(&k)).map(|_| true))
        }),
    ];
    let gc = include_str!("../tests/data/equal_gc.txt");
    let want: Vec<&str> = gc.lines().collect();
    let got: Vec<String> = cases.iter().map(|(n, r)| format!("{n}: {r}")).collect();
    assert_eq!(got, want);
}

#[test]
fn hashes_agree_with_equality() {
    let f64t = scalar(Kind::Float64, 8, "float64");
    let (pz, nz) = (0.0f64, -0.0f64);
    assert_eq!(
        typehash(f64t, addr(&pz), 7).unwrap(),
        typehash(f64t, addr(&nz), 7).unwrap()
    );
    let nan = f64::NAN;
    assert_ne!(
        typehash(f64t, addr(&nan), 7).unwrap(),
        typehash(f64t, addr(&nan), 7).unwrap()
    );
    // Strings hash by content, at every length around the chunk sizes.
    let st = string();
    for n in 0..40 {
        let a: String = "x".repeat(n);
        let b = a.clone();
        let (ha, hb) = ([a.as_ptr() as u64, n as u64], [b.as_ptr() as u64, n as u64]);
        assert_eq!(
            typehash(st, addr(&ha), 1).unwrap(),
            typehash(st, addr(&hb), 1).unwrap()
        );
        assert_ne!(
            typehash(st, addr(&ha), 1).unwrap(),
            typehash(st, addr(&ha), 2).unwrap()
        );
    }
    // Interfaces hash their dynamic value: a boxed int and a struct
    // holding the same int differ only by type, so equal boxes agree.
    let it = int();
    let eface = interface(true);
    let (five, five2) = (5u64, 5u64);
    let itab = [0u64, it.addr()];
    let (i1, i2) = ([addr(&itab), addr(&five)], [addr(&itab), addr(&five2)]);
    assert_eq!(
        typehash(eface, addr(&i1), 3).unwrap(),
        typehash(eface, addr(&i2), 3).unwrap()
    );
    assert!(typ_equal(eface, addr(&i1), addr(&i2)).unwrap());
    assert!(ifaceeq(addr(&itab), addr(&five), addr(&five2)).unwrap());
    let six = 6u64;
    assert!(!efaceeq(it.addr(), addr(&five), addr(&six)).unwrap());
    assert!(efaceeq(0, 0, 0).unwrap());
}

#[test]
fn int_hash_spreads_over_buckets_and_tophash() {
    // Sequential keys must fill the low bits (bucket) and the top byte
    // (tophash) evenly, or the map degrades into overflow chains.
    let mut low = [0u32; 256];
    let mut top = [0u32; 256];
    for k in 0..256 * 64u64 {
        let h = memhash64(k, 12345);
        low[(h & 255) as usize] += 1;
        top[(h >> 56) as usize] += 1;
    }
    assert!(low.iter().all(|&c| (32..=100).contains(&c)), "{low:?}");
    assert!(top.iter().all(|&c| (32..=100).contains(&c)), "{top:?}");
}
