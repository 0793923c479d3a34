//! makemap, lookups, assignment, deletion and clearing (map.go).

use super::grow::{grow_work, hash_grow, make_bucket_array};
use super::*;

/// makemap: a new map with room for `hint` entries before it grows.
/// gc ignores a hint too large to allocate, and a negative run-time hint
/// (as a uintptr it is too large).
pub fn makemap(t: &'static Type, hint: i64) -> Result<u64, RuntimeError> {
    let mt = MapType::of(t)?;
    let mut hint = hint as u64;
    if hint
        .checked_mul(mt.bucket.size as u64)
        .is_none_or(|m| m > crate::slice::MAX_ALLOC as u64)
    {
        hint = 0;
    }
    let h = Hmap(mallocgc(HMAP_SIZE, Some(&HMAP_TYPE), true));
    h.set_hash0(crate::alg::fastrand());
    let mut b = 0u8;
    while over_load_factor(hint, b) {
        b += 1;
    }
    h.set_b(b);
    if b != 0 {
        let (buckets, next_overflow) = make_bucket_array(&mt, b, 0);
        h.set_buckets(buckets);
        if next_overflow != 0 {
            mem::store_u64(h.extra_or_new() + 16, next_overflow);
        }
    }
    Ok(h.0)
}

/// makemap for a map that does not escape: gc allocates its hmap on the
/// stack and, when `hint` is at most one bucket's worth (8), its first
/// bucket too (walkMakeMap), so such a map has buckets from the start.
/// goscope allocates both on the heap: the same header, seen through
/// unsafe, as gc's.
pub fn makemap_noescape(t: &'static Type, hint: i64) -> Result<u64, RuntimeError> {
    let h = makemap(t, hint)?;
    let hm = Hmap(h);
    if hint <= BUCKET_CNT as i64 && hm.buckets() == 0 {
        hm.set_buckets(MapType::of(t)?.new_buckets(1));
    }
    Ok(h)
}

/// len(m).
pub fn maplen(h: u64) -> i64 {
    if h == 0 {
        0
    } else {
        Hmap(h).count() as i64
    }
}

/// The bucket to search for `hash`: the old one while it is not yet
/// evacuated.
fn lookup_bucket(mt: &MapType, h: Hmap, hash: u64) -> u64 {
    let mut m = bucket_mask(h.b());
    let b = mt.bucket_at(h.buckets(), hash & m);
    let c = h.oldbuckets();
    if c != 0 {
        if !h.same_size_grow() {
            m >>= 1;
        }
        let oldb = mt.bucket_at(c, hash & m);
        if !evacuated(oldb) {
            return oldb;
        }
    }
    b
}

/// Finds `key` (hashed to `hash`): the addresses of the stored key and
/// of its elem.
fn find(mt: &MapType, h: Hmap, key: u64, hash: u64) -> Result<Option<(u64, u64)>, RuntimeError> {
    let top = tophash(hash);
    let mut b = lookup_bucket(mt, h, hash);
    while b != 0 {
        for i in 0..BUCKET_CNT as u64 {
            let th = mem::load_u8(b + i);
            if th != top {
                if th == EMPTY_REST {
                    return Ok(None);
                }
                continue;
            }
            let k = mt.key_at(mt.key_slot(b, i));
            if mt.key_equal(key, k)? {
                return Ok(Some((k, mt.elem_at(mt.elem_slot(b, i)))));
            }
        }
        b = mt.overflow(b);
    }
    Ok(None)
}

/// The lookup shared by mapaccess1/2: Some((key, elem)) when present.
fn access(t: &'static Type, h: u64, key: u64) -> Result<Option<(u64, u64)>, RuntimeError> {
    let mt = MapType::of(t)?;
    let hm = Hmap(h);
    if h == 0 || hm.count() == 0 {
        if mt.hash_might_panic() {
            mt.hasher(key, 0)?;
        }
        return Ok(None);
    }
    let hash = mt.hasher(key, hm.seed())?;
    find(&mt, hm, key, hash)
}

/// mapaccess1: `m[key]`, the address of the elem or of a zero value.
pub fn mapaccess1(t: &'static Type, h: u64, key: u64) -> Result<u64, RuntimeError> {
    Ok(mapaccess2(t, h, key)?.0)
}

/// mapaccess2: `v, ok := m[key]`.
pub fn mapaccess2(t: &'static Type, h: u64, key: u64) -> Result<(u64, bool), RuntimeError> {
    match access(t, h, key)? {
        Some((_, e)) => Ok((e, true)),
        None => Ok((zero_val(t.elem().map_or(0, |e| e.size)), false)),
    }
}

/// mapaccessK: the stored key and elem for `key`, for the iterator.
pub fn mapaccess_k(t: &'static Type, h: u64, key: u64) -> Option<(u64, u64)> {
    access(t, h, key).ok().flatten()
}

/// typedmemmove of a value of type `t`.
fn typedmemmove(t: &Type, dst: u64, src: u64) {
    mem::memmove(dst, src, t.size);
}

/// mapassign: the address of the elem slot for `key`, inserting the key
/// (with a zero elem) when absent. The VM stores the value there.
pub fn mapassign(t: &'static Type, h: u64, key: u64) -> Result<u64, RuntimeError> {
    if h == 0 {
        return Err(RuntimeError::new(
            crate::error::RuntimeErrorKind::PlainError,
            "assignment to entry in nil map",
        ));
    }
    let mt = MapType::of(t)?;
    let hm = Hmap(h);
    let hash = mt.hasher(key, hm.seed())?;
    hm.set_flags(hm.flags() ^ HASH_WRITING);
    if hm.buckets() == 0 {
        hm.set_buckets(mt.new_buckets(1));
    }
    let elem = loop {
        match assign_in_place(&mt, hm, key, hash) {
            Ok(Some(e)) => break Ok(mt.elem_at(e)),
            // assign_in_place grew the table: search again.
            Ok(None) => continue,
            Err(e) => break Err(e),
        }
    };
    hm.set_flags(hm.flags() & !HASH_WRITING);
    elem
}

/// One attempt of mapassign: the elem slot, or None when the table was
/// grown and the search must restart (gc's `goto again`).
fn assign_in_place(
    mt: &MapType,
    h: Hmap,
    key: u64,
    hash: u64,
) -> Result<Option<u64>, RuntimeError> {
    let bucket = hash & bucket_mask(h.b());
    if h.growing() {
        grow_work(mt, h, bucket);
    }
    let mut b = mt.bucket_at(h.buckets(), bucket);
    let top = tophash(hash);
    let mut insert: Option<(u64, u64, u64)> = None; // (tophash addr, key slot, elem slot)
    'search: loop {
        for i in 0..BUCKET_CNT as u64 {
            let th = mem::load_u8(b + i);
            if th != top {
                if is_empty(th) && insert.is_none() {
                    insert = Some((b + i, mt.key_slot(b, i), mt.elem_slot(b, i)));
                }
                if th == EMPTY_REST {
                    break 'search;
                }
                continue;
            }
            let k = mt.key_at(mt.key_slot(b, i));
            if !mt.key_equal(key, k)? {
                continue;
            }
            if mt.need_key_update() {
                typedmemmove(mt.key, k, key);
            }
            return Ok(Some(mt.elem_slot(b, i)));
        }
        let ovf = mt.overflow(b);
        if ovf == 0 {
            break;
        }
        b = ovf;
    }
    if !h.growing()
        && (over_load_factor(h.count() + 1, h.b())
            || too_many_overflow_buckets(h.noverflow(), h.b()))
    {
        hash_grow(mt, h);
        return Ok(None);
    }
    let (inserti, mut insertk, elem) = match insert {
        Some(x) => x,
        None => {
            let newb = h.newoverflow(mt, b);
            (newb, mt.key_slot(newb, 0), mt.elem_slot(newb, 0))
        }
    };
    if mt.indirect_key() {
        let kmem = crate::malloc::newobject(mt.key);
        mem::store_u64(insertk, kmem);
        insertk = kmem;
    }
    if mt.indirect_elem() {
        let vmem = crate::malloc::newobject(mt.elem);
        mem::store_u64(elem, vmem);
    }
    typedmemmove(mt.key, insertk, key);
    mem::store_u8(inserti, top);
    h.set_count(h.count() + 1);
    Ok(Some(elem))
}

/// mapdelete: `delete(m, key)`; deleting from a nil map or a missing key
/// does nothing (but an unhashable interface key still panics).
pub fn mapdelete(t: &'static Type, h: u64, key: u64) -> Result<(), RuntimeError> {
    let mt = MapType::of(t)?;
    let hm = Hmap(h);
    if h == 0 || hm.count() == 0 {
        if mt.hash_might_panic() {
            mt.hasher(key, 0)?;
        }
        return Ok(());
    }
    let hash = mt.hasher(key, hm.seed())?;
    hm.set_flags(hm.flags() ^ HASH_WRITING);
    let bucket = hash & bucket_mask(hm.b());
    if hm.growing() {
        grow_work(&mt, hm, bucket);
    }
    let result = delete_in(
        &mt,
        hm,
        mt.bucket_at(hm.buckets(), bucket),
        key,
        tophash(hash),
    );
    hm.set_flags(hm.flags() & !HASH_WRITING);
    result
}

/// Removes `key` from the chain starting at `b_orig`, marking the cell
/// EMPTY_ONE, or EMPTY_REST back over every trailing empty cell.
fn delete_in(mt: &MapType, h: Hmap, b_orig: u64, key: u64, top: u8) -> Result<(), RuntimeError> {
    let mut b = b_orig;
    while b != 0 {
        for i in 0..BUCKET_CNT as u64 {
            let th = mem::load_u8(b + i);
            if th != top {
                if th == EMPTY_REST {
                    return Ok(());
                }
                continue;
            }
            let kslot = mt.key_slot(b, i);
            if !mt.key_equal(key, mt.key_at(kslot))? {
                continue;
            }
            clear_cell(mt, kslot, mt.elem_slot(b, i));
            mem::store_u8(b + i, EMPTY_ONE);
            mark_empty_rest(mt, b_orig, b, i);
            h.set_count(h.count() - 1);
            if h.count() == 0 {
                // Reset the seed so an attacker cannot keep forcing
                // collisions after emptying the map.
                h.set_hash0(crate::alg::fastrand());
            }
            return Ok(());
        }
        b = mt.overflow(b);
    }
    Ok(())
}

/// Clears a deleted cell's key and elem so the collector does not keep
/// what they point to.
fn clear_cell(mt: &MapType, kslot: u64, eslot: u64) {
    if mt.indirect_key() {
        mem::store_u64(kslot, 0);
    } else if mt.key.has_pointers() {
        mem::memclr(kslot, mt.key.size);
    }
    if mt.indirect_elem() {
        mem::store_u64(eslot, 0);
    } else {
        mem::memclr(eslot, mt.elem.size);
    }
}

/// After emptying cell `i` of bucket `b`: if every later cell of the
/// chain is empty, turn this and the preceding EMPTY_ONE cells into
/// EMPTY_REST, walking back through the chain from `b_orig`.
fn mark_empty_rest(mt: &MapType, b_orig: u64, mut b: u64, mut i: u64) {
    let last = BUCKET_CNT as u64 - 1;
    if i == last {
        let ovf = mt.overflow(b);
        if ovf != 0 && mem::load_u8(ovf) != EMPTY_REST {
            return;
        }
    } else if mem::load_u8(b + i + 1) != EMPTY_REST {
        return;
    }
    loop {
        mem::store_u8(b + i, EMPTY_REST);
        if i == 0 {
            if b == b_orig {
                return;
            }
            let c = b;
            b = b_orig;
            while mt.overflow(b) != c {
                b = mt.overflow(b);
            }
            i = last;
        } else {
            i -= 1;
        }
        if mem::load_u8(b + i) != EMPTY_ONE {
            return;
        }
    }
}

/// mapclear: `for k := range m { delete(m, k) }`, as gc compiles it:
/// keeps B, clears the buckets, drops any grow in progress.
pub fn mapclear(t: &'static Type, h: u64) -> Result<(), RuntimeError> {
    let mt = MapType::of(t)?;
    let hm = Hmap(h);
    if h == 0 || hm.count() == 0 {
        return Ok(());
    }
    hm.set_flags((hm.flags() ^ HASH_WRITING) & !SAME_SIZE_GROW);
    hm.set_oldbuckets(0);
    hm.set_nevacuate(0);
    hm.set_noverflow(0);
    hm.set_count(0);
    hm.set_hash0(crate::alg::fastrand());
    let x = hm.extra();
    if x != 0 {
        mem::memclr(x, MAPEXTRA_TYPE.size);
    }
    let (_, next_overflow) = make_bucket_array(&mt, hm.b(), hm.buckets());
    if next_overflow != 0 {
        mem::store_u64(hm.extra_or_new() + 16, next_overflow);
    }
    hm.set_flags(hm.flags() & !HASH_WRITING);
    Ok(())
}
