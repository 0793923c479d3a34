//! sync/atomic (sync/atomic/doc.go, type.go, value.go): the functions and
//! the typed wrappers' methods as real atomic operations on Go memory
//! (mem.rs's `atomic_u32`/`atomic_u64`, sequentially consistent as Go's),
//! so they stay correct when goroutines run on threads.
//!
//! The typed wrappers keep Go's layouts: `Int32 {_ noCopy; v int32}`,
//! `Int64 {_ noCopy; _ align64; v int64}`, `Bool {_ noCopy; v uint32}`:
//! the value is at offset 0 of the receiver. `Value` is `{v any}`; its
//! methods are not atomic on the two words (gc's use a spin on the type
//! word while a first store is in progress): fine while goroutines share
//! one thread.

use super::{native, Ctx, Native};
use crate::mem::{atomic_u32, atomic_u64, AtomicOp};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The width and signedness of an atomic operand.
#[derive(Clone, Copy)]
enum W {
    I32,
    U32,
    I64,
}

/// The address at slot 0, nil-checked as gc's fault on it.
fn addr(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
    let a = c.arg(0);
    if a < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    Ok(a)
}

/// Runs `op` on the word at slot 0 and canonicalizes the result (int32
/// sign-extended, uint32 zero-extended).
fn apply(c: &Ctx<'_, '_>, w: W, op: AtomicOp) -> Result<u64, Raise> {
    let a = addr(c)?;
    Ok(match w {
        W::I32 => atomic_u32(a, op) as u32 as i32 as i64 as u64,
        W::U32 => atomic_u32(a, op) as u32 as u64,
        W::I64 => atomic_u64(a, op),
    })
}

fn add(c: &mut Ctx<'_, '_>, w: W) -> R {
    let r = apply(c, w, AtomicOp::Add(c.arg(1)))?;
    c.set(2, r);
    Ok(())
}

fn load(c: &mut Ctx<'_, '_>, w: W) -> R {
    let r = apply(c, w, AtomicOp::Load)?;
    c.set(1, r);
    Ok(())
}

fn store(c: &mut Ctx<'_, '_>, w: W) -> R {
    apply(c, w, AtomicOp::Store(c.arg(1)))?;
    Ok(())
}

fn swap(c: &mut Ctx<'_, '_>, w: W) -> R {
    let r = apply(c, w, AtomicOp::Swap(c.arg(1)))?;
    c.set(2, r);
    Ok(())
}

fn cas(c: &mut Ctx<'_, '_>, w: W) -> R {
    let r = apply(c, w, AtomicOp::Cas(c.arg(1), c.arg(2)))?;
    c.set(3, r);
    Ok(())
}

/// The five operations for one width: (add, load, store, swap, cas).
macro_rules! ops {
    ($w:expr, $add:ident, $load:ident, $store:ident, $swap:ident, $cas:ident) => {
        fn $add(c: &mut Ctx<'_, '_>) -> R {
            add(c, $w)
        }
        fn $load(c: &mut Ctx<'_, '_>) -> R {
            load(c, $w)
        }
        fn $store(c: &mut Ctx<'_, '_>) -> R {
            store(c, $w)
        }
        fn $swap(c: &mut Ctx<'_, '_>) -> R {
            swap(c, $w)
        }
        fn $cas(c: &mut Ctx<'_, '_>) -> R {
            cas(c, $w)
        }
    };
}

ops!(W::I32, add_i32, load_i32, store_i32, swap_i32, cas_i32);
ops!(W::U32, add_u32, load_u32, store_u32, swap_u32, cas_u32);
ops!(W::I64, add_i64, load_i64, store_i64, swap_i64, cas_i64);

/// Bool.Load/Swap/CompareAndSwap read a uint32 that is 0 or 1 (Go's b32).
fn bool_store(c: &mut Ctx<'_, '_>) -> R {
    apply(c, W::U32, AtomicOp::Store(c.arg(1) & 1))?;
    Ok(())
}

fn bool_swap(c: &mut Ctx<'_, '_>) -> R {
    let r = apply(c, W::U32, AtomicOp::Swap(c.arg(1) & 1))?;
    c.set(2, r & 1);
    Ok(())
}

fn bool_cas(c: &mut Ctx<'_, '_>) -> R {
    let r = apply(c, W::U32, AtomicOp::Cas(c.arg(1) & 1, c.arg(2) & 1))?;
    c.set(3, r);
    Ok(())
}

/// `(*Value).Load`: the stored eface (nil before the first Store).
fn value_load(c: &mut Ctx<'_, '_>) -> R {
    let v = addr(c)?;
    let t = atomic_u64(v, AtomicOp::Load);
    let d = atomic_u64(v + 8, AtomicOp::Load);
    c.set(1, t);
    c.set(2, if t == 0 { 0 } else { d });
    Ok(())
}

/// Go's checks of a value stored into a Value: not nil, and of the type
/// of the first value stored.
fn value_check(v: u64, t: u64, what: &str) -> R {
    if t == 0 {
        return Err(super::panic_string(&format!(
            "sync/atomic: {what} of nil value into Value"
        )));
    }
    let old = atomic_u64(v, AtomicOp::Load);
    if old != 0 && old != t {
        return Err(super::panic_string(&format!(
            "sync/atomic: {what} of inconsistently typed value into Value"
        )));
    }
    Ok(())
}

fn value_store(c: &mut Ctx<'_, '_>) -> R {
    let v = addr(c)?;
    let (t, d) = (c.arg(1), c.arg(2));
    value_check(v, t, "store")?;
    atomic_u64(v + 8, AtomicOp::Store(d));
    atomic_u64(v, AtomicOp::Store(t));
    Ok(())
}

fn value_swap(c: &mut Ctx<'_, '_>) -> R {
    let v = addr(c)?;
    let (t, d) = (c.arg(1), c.arg(2));
    value_check(v, t, "swap")?;
    let ot = atomic_u64(v, AtomicOp::Swap(t));
    let od = atomic_u64(v + 8, AtomicOp::Swap(d));
    c.set(3, ot);
    c.set(4, if ot == 0 { 0 } else { od });
    Ok(())
}

/// `(*Value).CompareAndSwap(old, new)`: swaps when the stored value
/// equals `old` (same type and, for Go's comparable types, equal data).
fn value_cas(c: &mut Ctx<'_, '_>) -> R {
    let v = addr(c)?;
    let (ot, od, nt, nd) = (c.arg(1), c.arg(2), c.arg(3), c.arg(4));
    value_check(v, nt, "compare and swap")?;
    if ot != 0 && ot != nt {
        return Err(super::panic_string(
            "sync/atomic: compare and swap of inconsistently typed values",
        ));
    }
    let (ct, cd) = (
        atomic_u64(v, AtomicOp::Load),
        atomic_u64(v + 8, AtomicOp::Load),
    );
    let same = if ct == 0 || ot == 0 {
        ct == ot
    } else {
        crate::alg::efaceeq(ct, cd, od).map_err(Raise::Error)?
    };
    if same {
        atomic_u64(v + 8, AtomicOp::Store(nd));
        atomic_u64(v, AtomicOp::Store(nt));
    }
    c.set_bool(5, same);
    Ok(())
}

pub(super) static NATIVES: &[Native] = &[
    native("sync/atomic.AddInt32", 2, 1, add_i32),
    native("sync/atomic.AddInt64", 2, 1, add_i64),
    native("sync/atomic.AddUint32", 2, 1, add_u32),
    native("sync/atomic.AddUint64", 2, 1, add_i64),
    native("sync/atomic.AddUintptr", 2, 1, add_i64),
    native("sync/atomic.CompareAndSwapInt32", 3, 1, cas_i32),
    native("sync/atomic.CompareAndSwapInt64", 3, 1, cas_i64),
    native("sync/atomic.CompareAndSwapPointer", 3, 1, cas_i64),
    native("sync/atomic.CompareAndSwapUint32", 3, 1, cas_u32),
    native("sync/atomic.CompareAndSwapUint64", 3, 1, cas_i64),
    native("sync/atomic.CompareAndSwapUintptr", 3, 1, cas_i64),
    native("sync/atomic.LoadInt32", 1, 1, load_i32),
    native("sync/atomic.LoadInt64", 1, 1, load_i64),
    native("sync/atomic.LoadPointer", 1, 1, load_i64),
    native("sync/atomic.LoadUint32", 1, 1, load_u32),
    native("sync/atomic.LoadUint64", 1, 1, load_i64),
    native("sync/atomic.LoadUintptr", 1, 1, load_i64),
    native("sync/atomic.StoreInt32", 2, 0, store_i32),
    native("sync/atomic.StoreInt64", 2, 0, store_i64),
    native("sync/atomic.StorePointer", 2, 0, store_i64),
    native("sync/atomic.StoreUint32", 2, 0, store_u32),
    native("sync/atomic.StoreUint64", 2, 0, store_i64),
    native("sync/atomic.StoreUintptr", 2, 0, store_i64),
    native("sync/atomic.SwapInt32", 2, 1, swap_i32),
    native("sync/atomic.SwapInt64", 2, 1, swap_i64),
    native("sync/atomic.SwapPointer", 2, 1, swap_i64),
    native("sync/atomic.SwapUint32", 2, 1, swap_u32),
    native("sync/atomic.SwapUint64", 2, 1, swap_i64),
    native("sync/atomic.SwapUintptr", 2, 1, swap_i64),
    native("sync/atomic.(*Int32).Add", 2, 1, add_i32),
    native("sync/atomic.(*Int32).CompareAndSwap", 3, 1, cas_i32),
    native("sync/atomic.(*Int32).Load", 1, 1, load_i32),
    native("sync/atomic.(*Int32).Store", 2, 0, store_i32),
    native("sync/atomic.(*Int32).Swap", 2, 1, swap_i32),
    native("sync/atomic.(*Int64).Add", 2, 1, add_i64),
    native("sync/atomic.(*Int64).CompareAndSwap", 3, 1, cas_i64),
    native("sync/atomic.(*Int64).Load", 1, 1, load_i64),
    native("sync/atomic.(*Int64).Store", 2, 0, store_i64),
    native("sync/atomic.(*Int64).Swap", 2, 1, swap_i64),
    native("sync/atomic.(*Uint32).Add", 2, 1, add_u32),
    native("sync/atomic.(*Uint32).CompareAndSwap", 3, 1, cas_u32),
    native("sync/atomic.(*Uint32).Load", 1, 1, load_u32),
    native("sync/atomic.(*Uint32).Store", 2, 0, store_u32),
    native("sync/atomic.(*Uint32).Swap", 2, 1, swap_u32),
    native("sync/atomic.(*Uint64).Add", 2, 1, add_i64),
    native("sync/atomic.(*Uint64).CompareAndSwap", 3, 1, cas_i64),
    native("sync/atomic.(*Uint64).Load", 1, 1, load_i64),
    native("sync/atomic.(*Uint64).Store", 2, 0, store_i64),
    native("sync/atomic.(*Uint64).Swap", 2, 1, swap_i64),
    native("sync/atomic.(*Uintptr).Add", 2, 1, add_i64),
    native("sync/atomic.(*Uintptr).CompareAndSwap", 3, 1, cas_i64),
    native("sync/atomic.(*Uintptr).Load", 1, 1, load_i64),
    native("sync/atomic.(*Uintptr).Store", 2, 0, store_i64),
    native("sync/atomic.(*Uintptr).Swap", 2, 1, swap_i64),
    native("sync/atomic.(*Bool).CompareAndSwap", 3, 1, bool_cas),
    native("sync/atomic.(*Bool).Load", 1, 1, load_u32),
    native("sync/atomic.(*Bool).Store", 2, 0, bool_store),
    native("sync/atomic.(*Bool).Swap", 2, 1, bool_swap),
    native("sync/atomic.(*Value).CompareAndSwap", 5, 1, value_cas),
    native("sync/atomic.(*Value).Load", 1, 2, value_load),
    native("sync/atomic.(*Value).Store", 3, 0, value_store),
    native("sync/atomic.(*Value).Swap", 3, 2, value_swap),
];
