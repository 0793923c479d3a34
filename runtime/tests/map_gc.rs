//! Maps under the real collector: every bucket array, overflow bucket,
//! old array during a grow, indirect key and pointer elem must stay
//! reachable from the hmap (and from an iterator in frame memory) through
//! the runtime's type descriptors alone. Collections here free everything
//! not reachable from the roots passed, so this is its own test binary
//! and the tests run one at a time.

use std::sync::{Mutex, MutexGuard, PoisonError};

use goscope_runtime::malloc::{mallocgc, newobject};
use goscope_runtime::map::{
    makemap, mapaccess2, mapassign, mapdelete, mapiterinit, mapiternext, maplen,
    FLAG_REFLEXIVE_KEY, HITER_PTRMASK, HITER_SIZE,
};
use goscope_runtime::mem::{load_u64, store_u64};
use goscope_runtime::mgc::{self, Marker};
use goscope_runtime::types::{tflag, Kind, Type, TypeExtra};

static LOCK: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

fn leak(t: Type) -> &'static Type {
    Box::leak(Box::new(t))
}

fn basic(kind: Kind, ptr: bool, name: &'static str) -> &'static Type {
    leak(Type {
        size: 8,
        ptrdata: if ptr { 8 } else { 0 },
        hash: 0,
        tflag: tflag::NAMED | tflag::REGULAR_MEMORY,
        align: 8,
        field_align: 8,
        kind,
        gcdata: if ptr { &[1] } else { &[] },
        str: name,
        extra: TypeExtra::None,
        uncommon: None,
    })
}

/// map[int]int (pointer-free buckets) or map[int]*int, as gc lays them
/// out: 144-byte buckets, elems in words 9..=16, overflow in word 17.
fn int_map(ptr_elem: bool) -> &'static Type {
    let int = basic(Kind::Int, false, "int");
    let elem = if ptr_elem {
        basic(Kind::Pointer, true, "*int")
    } else {
        int
    };
    let (gcdata, ptrdata): (&'static [u8], usize) = if ptr_elem {
        // bits 9..=17
        (&[0, 0xfe, 0x03], 144)
    } else {
        (&[], 0)
    };
    let bucket = leak(Type {
        size: 144,
        ptrdata,
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Struct,
        gcdata,
        str: "map.bucket",
        extra: TypeExtra::None,
        uncommon: None,
    });
    leak(Type {
        size: 8,
        ptrdata: 8,
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Map,
        gcdata: &[1],
        str: "map[int]T",
        extra: TypeExtra::Map {
            key: int,
            elem,
            bucket,
            keysize: 8,
            elemsize: 8,
            bucketsize: 144,
            flags: FLAG_REFLEXIVE_KEY,
        },
        uncommon: None,
    })
}

fn addr<T>(v: &T) -> u64 {
    v as *const T as u64
}

/// Collects with `h` and the iterator at `it` (if any) as roots.
fn collect(h: u64, it: Option<u64>) {
    mgc::gc(&mut |m: &mut Marker| {
        m.mark(h);
        if let Some(it) = it {
            let mask = HITER_PTRMASK.to_le_bytes();
            m.scan_block(it, HITER_SIZE / 8, &mask);
        }
    });
    // Reuse freed memory so that a dangling pointer reads garbage.
    for _ in 0..2000 {
        let p = mallocgc(144, None, false);
        for w in 0..18 {
            store_u64(p + 8 * w, 0xdead_beef_dead_beef);
        }
    }
}

fn value_of(t: &'static Type, ptr_elem: bool, h: u64, k: u64) -> Option<u64> {
    let (e, ok) = mapaccess2(t, h, addr(&k)).unwrap();
    ok.then(|| {
        if ptr_elem {
            load_u64(load_u64(e))
        } else {
            load_u64(e)
        }
    })
}

#[test]
fn maps_survive_collections_while_growing_and_iterating() {
    let _g = serial();
    for ptr_elem in [false, true] {
        let t = int_map(ptr_elem);
        let int = basic(Kind::Int, false, "int");
        let h = makemap(t, 0).unwrap();
        const N: u64 = 40_000;
        for i in 0..N {
            let e = mapassign(t, h, addr(&i)).unwrap();
            if ptr_elem {
                let cell = newobject(int);
                store_u64(cell, i * 5);
                store_u64(e, cell);
            } else {
                store_u64(e, i * 5);
            }
            if i % 4999 == 0 {
                collect(h, None);
            }
        }
        // Churn: deletes and inserts force same-size grows and overflow
        // buckets, with collections in between.
        for i in 0..N / 2 {
            mapdelete(t, h, addr(&i)).unwrap();
            if i % 3001 == 0 {
                collect(h, None);
            }
        }
        collect(h, None);
        assert_eq!(maplen(h), (N / 2) as i64);
        for i in 0..N {
            let want = (i >= N / 2).then_some(i * 5);
            assert_eq!(
                value_of(t, ptr_elem, h, i),
                want,
                "ptr_elem {ptr_elem} key {i}"
            );
        }
        // Iterate with the hiter in "frame" memory, growing and collecting
        // during the iteration.
        let frame = [0u64; HITER_SIZE / 8];
        let it = addr(&frame);
        mapiterinit(t, h, it);
        let mut seen = std::collections::HashSet::new();
        let mut next = N;
        while load_u64(it) != 0 {
            let k = load_u64(load_u64(it));
            assert!(k >= N / 2, "deleted key {k}");
            assert!(seen.insert(k) || k >= N);
            for _ in 0..8 {
                let e = mapassign(t, h, addr(&next)).unwrap();
                if !ptr_elem {
                    store_u64(e, next * 5);
                } else {
                    let cell = newobject(int);
                    store_u64(cell, next * 5);
                    store_u64(e, cell);
                }
                next += 1;
            }
            if seen.len() % 1000 == 0 {
                collect(h, Some(it));
            }
            mapiternext(it);
        }
        assert!((N / 2..N).all(|k| seen.contains(&k)));
        collect(h, None);
        for k in (N / 2..next).step_by(7) {
            assert_eq!(value_of(t, ptr_elem, h, k), Some(k * 5));
        }
    }
}
