//! Map tests: lookups, growth (doubling and same-size), iteration with
//! concurrent changes, NaN and ±0 keys, interface keys, indirect slots.

use super::*;
use crate::string::{rawstring, StringHeader};
use crate::testtypes::{array, int, interface, map, scalar, slice, string, structure};
use std::collections::{HashMap, HashSet};

/// The address of a Rust value, as a key or elem pointer.
fn addr<T>(v: &T) -> u64 {
    v as *const T as u64
}

fn set_int(t: &'static Type, h: u64, k: u64, v: u64) {
    let e = mapassign(t, h, addr(&k)).unwrap();
    mem::store_u64(e, v);
}

fn get_int(t: &'static Type, h: u64, k: u64) -> Option<u64> {
    let (e, ok) = mapaccess2(t, h, addr(&k)).unwrap();
    assert_eq!(mem::load_u64(e) == 0 && !ok, !ok);
    ok.then(|| mem::load_u64(e))
}

fn del_int(t: &'static Type, h: u64, k: u64) {
    mapdelete(t, h, addr(&k)).unwrap();
}

/// Every (key, elem) word pair the iterator produces.
fn collect(t: &'static Type, h: u64) -> Vec<(u64, u64)> {
    let mut out = vec![];
    let mut it = HIter::init(t, h);
    while it.key != 0 {
        out.push((mem::load_u64(it.key), mem::load_u64(it.elem)));
        it.next();
    }
    out
}

fn gostr(s: &str) -> [u64; 2] {
    let h = rawstring(s.len());
    mem::bytes_mut(h.ptr, s.len()).copy_from_slice(s.as_bytes());
    [h.ptr, h.len as u64]
}

#[test]
fn int_keys_at_scale_with_growth() {
    let t = map(int(), int());
    let h = makemap(t, 0).unwrap();
    const N: u64 = 100_000;
    for i in 0..N {
        set_int(t, h, i, i * 2);
    }
    assert_eq!(maplen(h), N as i64);
    assert!(Hmap(h).b() >= 14, "B = {}", Hmap(h).b());
    for i in 0..N {
        assert_eq!(get_int(t, h, i), Some(i * 2));
    }
    assert_eq!(get_int(t, h, N), None);
    for i in (0..N).step_by(2) {
        del_int(t, h, i);
    }
    assert_eq!(maplen(h), (N / 2) as i64);
    for i in 0..N {
        assert_eq!(get_int(t, h, i), (i % 2 == 1).then_some(i * 2), "key {i}");
    }
    // Overwrite keeps one entry.
    set_int(t, h, 1, 7);
    assert_eq!(get_int(t, h, 1), Some(7));
    assert_eq!(maplen(h), (N / 2) as i64);
    let all = collect(t, h);
    assert_eq!(all.len(), (N / 2) as usize);
    let keys: HashSet<u64> = all.iter().map(|p| p.0).collect();
    assert_eq!(keys.len(), all.len());
}

#[test]
fn string_keys_at_scale() {
    let t = map(string(), int());
    let h = makemap(t, 10).unwrap();
    const N: u64 = 100_000;
    let keys: Vec<[u64; 2]> = (0..N).map(|i| gostr(&format!("key-{i}"))).collect();
    for (i, k) in keys.iter().enumerate() {
        let e = mapassign(t, h, addr(k)).unwrap();
        mem::store_u64(e, i as u64);
    }
    assert_eq!(maplen(h), N as i64);
    for i in 0..N {
        // A fresh copy of the string: found by content.
        let k = gostr(&format!("key-{i}"));
        let (e, ok) = mapaccess2(t, h, addr(&k)).unwrap();
        assert!(ok, "key-{i}");
        assert_eq!(mem::load_u64(e), i);
    }
    let missing = gostr("key-x");
    assert!(!mapaccess2(t, h, addr(&missing)).unwrap().1);
    for k in keys.iter().step_by(3) {
        mapdelete(t, h, addr(k)).unwrap();
    }
    assert_eq!(maplen(h), (N - N.div_ceil(3)) as i64);
    let empty = [0u64, 0];
    mapassign(t, h, addr(&empty)).unwrap();
    assert!(mapaccess2(t, h, addr(&empty)).unwrap().1);
}

#[test]
fn churn_triggers_same_size_grow_and_stays_small() {
    let t = map(int(), int());
    let h = makemap(t, 0).unwrap();
    let hm = Hmap(h);
    let mut live = std::collections::VecDeque::new();
    let mut saw_same_size = false;
    for i in 0..300_000u64 {
        set_int(t, h, i, i);
        live.push_back(i);
        if live.len() > 1000 {
            let old = live.pop_front().unwrap();
            del_int(t, h, old);
        }
        saw_same_size |= hm.growing() && hm.same_size_grow();
    }
    assert!(saw_same_size);
    assert!(hm.b() <= 9, "B grew to {}", hm.b());
    assert_eq!(maplen(h), 1000);
    for &k in &live {
        assert_eq!(get_int(t, h, k), Some(k));
    }
    assert_eq!(get_int(t, h, 0), None);
    let got: HashSet<u64> = collect(t, h).into_iter().map(|p| p.0).collect();
    assert_eq!(got, live.iter().copied().collect());
}

#[test]
fn iteration_during_growth_visits_each_pair_once() {
    let t = map(int(), int());
    let mut started_mid_grow = 0;
    for n in [9u64, 14, 27, 53, 105, 209, 417, 833, 1665, 6657] {
        let h = makemap(t, 0).unwrap();
        for i in 0..n {
            set_int(t, h, i, i + 100);
        }
        // Start iterating mid-grow (the insert of n started a grow for
        // the n values chosen), then keep growing during the iteration.
        started_mid_grow += Hmap(h).growing() as u32;
        let mut it = HIter::init(t, h);
        let mut seen = HashMap::new();
        let mut extra = n;
        while it.key != 0 {
            let (k, v) = (mem::load_u64(it.key), mem::load_u64(it.elem));
            assert_eq!(v, k + 100);
            *seen.entry(k).or_insert(0) += 1;
            // Insert new keys during iteration: they may or may not show.
            set_int(t, h, extra + 1_000_000, extra + 1_000_100);
            extra += 1;
            it.next();
        }
        for i in 0..n {
            assert_eq!(seen.get(&i), Some(&1), "n {n}: key {i}");
        }
        assert!(seen.values().all(|&c| c == 1), "n {n}: a key seen twice");
    }
    assert!(started_mid_grow >= 5, "{started_mid_grow}");
}

#[test]
fn delete_during_iteration_is_not_produced() {
    let t = map(int(), int());
    let h = makemap(t, 0).unwrap();
    for i in 0..5000 {
        set_int(t, h, i, i);
    }
    let mut it = HIter::init(t, h);
    let mut seen = HashSet::new();
    let mut deleted = HashSet::new();
    while it.key != 0 {
        let k = mem::load_u64(it.key);
        assert!(!deleted.contains(&k), "deleted key {k} produced");
        assert!(seen.insert(k));
        // Delete some key not yet seen, and the current one.
        let victim = (k * 7919 + 13) % 5000;
        if !seen.contains(&victim) {
            del_int(t, h, victim);
            deleted.insert(victim);
        }
        it.next();
    }
    assert_eq!(seen.len() + deleted.len(), 5000);
    assert_eq!(maplen(h) as usize, 5000 - deleted.len());
}

#[test]
fn iteration_order_is_random() {
    let t = map(int(), int());
    let h = makemap(t, 0).unwrap();
    for i in 0..100 {
        set_int(t, h, i, i);
    }
    let first = collect(t, h);
    let differs = (0..20).any(|_| collect(t, h) != first);
    assert!(differs);
    let mut sorted = first.clone();
    sorted.sort();
    assert_eq!(sorted, (0..100).map(|i| (i, i)).collect::<Vec<_>>());
}

#[test]
fn nan_keys_are_all_distinct_and_never_found() {
    let f64t = scalar(crate::types::Kind::Float64, 8, "float64");
    let t = map(f64t, int());
    let h = makemap(t, 0).unwrap();
    let nan = f64::NAN.to_bits();
    for i in 0..100 {
        let e = mapassign(t, h, addr(&nan)).unwrap();
        mem::store_u64(e, i);
    }
    assert_eq!(maplen(h), 100);
    assert!(!mapaccess2(t, h, addr(&nan)).unwrap().1);
    mapdelete(t, h, addr(&nan)).unwrap();
    assert_eq!(maplen(h), 100);
    let mut vals: Vec<u64> = collect(t, h).into_iter().map(|p| p.1).collect();
    vals.sort();
    assert_eq!(vals, (0..100).collect::<Vec<_>>());
    // ±0 are one key; the stored key is updated to the last one assigned.
    let (pz, nz) = (0.0f64.to_bits(), (-0.0f64).to_bits());
    let e = mapassign(t, h, addr(&pz)).unwrap();
    mem::store_u64(e, 1);
    let e = mapassign(t, h, addr(&nz)).unwrap();
    mem::store_u64(e, 2);
    assert_eq!(maplen(h), 101);
    let (e, ok) = mapaccess2(t, h, addr(&pz)).unwrap();
    assert!(ok);
    assert_eq!(mem::load_u64(e), 2);
    let zero: Vec<_> = collect(t, h)
        .into_iter()
        .filter(|p| p.0 << 1 == 0)
        .collect();
    assert_eq!(zero, vec![(nz, 2)]);
    mapclear(t, h).unwrap();
    assert_eq!(maplen(h), 0);
    assert!(collect(t, h).is_empty());
}

#[test]
fn interface_keys_hash_dynamic_values_and_reject_unhashable() {
    let eface = interface(false);
    let t = map(eface, int());
    let h = makemap(t, 0).unwrap();
    let it = int();
    let st = string();
    // interface{}(5) boxed, interface{}("a") boxed.
    let five = 5u64;
    let k1 = [it.addr(), addr(&five)];
    let s = gostr("a");
    let k2 = [st.addr(), addr(&s)];
    mem::store_u64(mapassign(t, h, addr(&k1)).unwrap(), 1);
    mem::store_u64(mapassign(t, h, addr(&k2)).unwrap(), 2);
    let five_again = 5u64;
    let k1b = [it.addr(), addr(&five_again)];
    assert_eq!(mem::load_u64(mapaccess1(t, h, addr(&k1b)).unwrap()), 1);
    let nil = [0u64, 0];
    assert!(!mapaccess2(t, h, addr(&nil)).unwrap().1);
    let sl = slice(it);
    let hdr = [0u64; 3];
    let bad = [sl.addr(), addr(&hdr)];
    let err = mapassign(t, h, addr(&bad)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "runtime error: hash of unhashable type []int"
    );
    // Even on a nil map, a lookup hashes the key (issue 23734).
    let err = mapaccess2(t, 0, addr(&bad)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "runtime error: hash of unhashable type []int"
    );
    assert_eq!(maplen(h), 2);
}

#[test]
fn nil_map_reads_and_writes() {
    let t = map(int(), int());
    assert_eq!(maplen(0), 0);
    assert_eq!(get_int(t, 0, 3), None);
    del_int(t, 0, 3);
    let err = mapassign(t, 0, addr(&3u64)).unwrap_err();
    assert_eq!(err.to_string(), "assignment to entry in nil map");
    assert_eq!(err.kind, crate::error::RuntimeErrorKind::PlainError);
    let mut it = HIter::init(t, 0);
    assert_eq!(it.key, 0);
    it.next();
    assert_eq!(it.key, 0);
}

#[test]
fn large_keys_and_elems_are_indirect() {
    let u8t = scalar(crate::types::Kind::Uint8, 1, "uint8");
    let big = array(u8t, 200);
    let t = map(big, big);
    let TypeExtra::Map { flags, keysize, .. } = t.extra else {
        unreachable!()
    };
    assert_eq!(flags & (FLAG_INDIRECT_KEY | FLAG_INDIRECT_ELEM), 3);
    assert_eq!(keysize, 8);
    let h = makemap(t, 0).unwrap();
    for i in 0..500u32 {
        let mut k = [0u8; 200];
        k[..4].copy_from_slice(&i.to_le_bytes());
        let e = mapassign(t, h, addr(&k)).unwrap();
        mem::bytes_mut(e, 200).fill(i as u8);
    }
    for i in 0..500u32 {
        let mut k = [0u8; 200];
        k[..4].copy_from_slice(&i.to_le_bytes());
        let (e, ok) = mapaccess2(t, h, addr(&k)).unwrap();
        assert!(ok);
        assert!(mem::bytes(e, 200).iter().all(|&b| b == i as u8));
    }
    let k = [9u8; 200];
    let (e, ok) = mapaccess2(t, h, addr(&k)).unwrap();
    assert!(!ok);
    assert_eq!(mem::bytes(e, 200), &[0u8; 200][..]);
    assert_eq!(collect(t, h).len(), 500);
}

#[test]
fn struct_keys_skip_blank_fields() {
    let it = int();
    let st = structure(&[("a", it), ("_", it), ("s", string())]);
    let t = map(st, int());
    let h = makemap(t, 0).unwrap();
    let s = gostr("x");
    let k1 = [1u64, 111, s[0], s[1]];
    let k2 = [1u64, 222, s[0], s[1]];
    mem::store_u64(mapassign(t, h, addr(&k1)).unwrap(), 5);
    assert_eq!(mem::load_u64(mapaccess1(t, h, addr(&k2)).unwrap()), 5);
    assert_eq!(maplen(h), 1);
}

#[test]
fn layout_sizes_are_gcs() {
    assert_eq!(HITER_SIZE, 96);
    assert_eq!(std::mem::size_of::<StringHeader>(), 16);
    assert_eq!(HMAP_TYPE.size, 48);
    let t = map(int(), int());
    let TypeExtra::Map { bucketsize, .. } = t.extra else {
        unreachable!()
    };
    assert_eq!(bucketsize, 144);
    // A hint preallocates enough buckets: 100 entries need 2^4.
    let h = makemap(t, 100).unwrap();
    assert_eq!(Hmap(h).b(), 4);
    // HIter round-trips through memory.
    let mut it = HIter::init(t, h);
    it.offset = 5;
    it.wrapped = true;
    it.i = 3;
    let buf = [0u64; 12];
    it.store(addr(&buf));
    assert_eq!(HIter::load(addr(&buf)), it);
}

#[test]
fn iterator_in_memory_produces_every_pair() {
    let t = map(int(), int());
    let h = makemap(t, 0).unwrap();
    for i in 0..1000 {
        set_int(t, h, i, i * 3);
    }
    // The VM's way: the hiter lives in frame memory, key/elem in words 0/1.
    let frame = [u64::MAX; HITER_SIZE / 8];
    let it = addr(&frame);
    mapiterinit(t, h, it);
    let mut seen = HashSet::new();
    while mem::load_u64(it) != 0 {
        let (k, e) = (mem::load_u64(it), mem::load_u64(it + 8));
        assert_eq!(mem::load_u64(e), mem::load_u64(k) * 3);
        assert!(seen.insert(mem::load_u64(k)));
        mapiternext(it);
    }
    assert_eq!(seen.len(), 1000);
    // A nil map: the loop body never runs.
    mapiterinit(t, 0, it);
    assert_eq!(mem::load_u64(it), 0);
}

#[test]
fn nan_keys_survive_growth_during_iteration() {
    let f64t = scalar(crate::types::Kind::Float64, 8, "float64");
    let t = map(f64t, int());
    let h = makemap(t, 0).unwrap();
    let nan = f64::NAN.to_bits();
    for i in 0..200u64 {
        mem::store_u64(mapassign(t, h, addr(&nan)).unwrap(), i);
        let f = (i as f64).to_bits();
        mem::store_u64(mapassign(t, h, addr(&f)).unwrap(), 1000 + i);
    }
    // Iterate while inserting enough to grow twice: every entry present
    // at the start is produced exactly once, NaN ones included.
    let mut it = HIter::init(t, h);
    let mut seen = HashMap::new();
    let mut next = 0u64;
    while it.key != 0 {
        *seen.entry(mem::load_u64(it.elem)).or_insert(0) += 1;
        for _ in 0..4 {
            let f = (1e6 + next as f64).to_bits();
            mem::store_u64(mapassign(t, h, addr(&f)).unwrap(), 1_000_000 + next);
            next += 1;
        }
        it.next();
    }
    for v in (0..200).chain(1000..1200) {
        assert_eq!(seen.get(&v), Some(&1), "value {v}");
    }
    assert!(seen.values().all(|&c| c == 1));
    assert_eq!(maplen(h) as u64, 400 + next);
}
