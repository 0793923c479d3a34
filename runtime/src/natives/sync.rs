//! sync: Mutex, RWMutex, Once and WaitGroup over Go's layouts
//! (sync/mutex.go `Mutex{state int32; sema uint32}`, rwmutex.go,
//! once.go `Once{done uint32; m Mutex}`, waitgroup.go `WaitGroup{noCopy;
//! state1 uint64; state2 uint32}`), with atomic operations on Go memory.
//!
//! The program has one goroutine, so a wait that cannot be satisfied at
//! once never will be: it is gc's `fatal error: all goroutines are
//! asleep - deadlock!` (exit 2). When goroutines come, waits must park the
//! goroutine in Go code on the VM loop (natives never block,
//! docs/vm.md section 3); the states kept here are Go's, so that code can
//! take over the same words.

use super::{native, Ctx, Native};
use crate::mem::{self, atomic_u32, atomic_u64, AtomicOp};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// mutexLocked (sync/mutex.go).
const MUTEX_LOCKED: u64 = 1;
/// rwmutexMaxReaders (sync/rwmutex.go).
const MAX_READERS: i32 = 1 << 30;

/// The receiver at slot 0, nil-checked.
fn recv(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
    let a = c.arg(0);
    if a < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    Ok(a)
}

fn deadlock(c: &mut Ctx<'_, '_>) -> Raise {
    c.vm.native_fatal("all goroutines are asleep - deadlock!", "semacquire")
}

/// Locks the mutex at `m`: false when it is held (the caller would wait).
fn try_lock(m: u64) -> bool {
    atomic_u32(m, AtomicOp::Cas(0, MUTEX_LOCKED)) == 1
}

/// Unlocks the mutex at `m`: false when it was not locked (gc throws).
fn unlock(m: u64) -> bool {
    let new = atomic_u32(m, AtomicOp::Add((-(MUTEX_LOCKED as i64)) as u64));
    (new.wrapping_add(MUTEX_LOCKED) as u32) & MUTEX_LOCKED as u32 != 0
}

fn mutex_lock(c: &mut Ctx<'_, '_>) -> R {
    let m = recv(c)?;
    if try_lock(m) {
        return Ok(());
    }
    Err(deadlock(c))
}

fn mutex_try_lock(c: &mut Ctx<'_, '_>) -> R {
    let m = recv(c)?;
    let ok = try_lock(m);
    c.set_bool(1, ok);
    Ok(())
}

fn mutex_unlock(c: &mut Ctx<'_, '_>) -> R {
    let m = recv(c)?;
    if unlock(m) {
        return Ok(());
    }
    Err(c
        .vm
        .native_fatal("sync: unlock of unlocked mutex", "running"))
}

/// RWMutex fields: w at 0, readerCount at 16, readerWait at 20.
const RW_READER_COUNT: u64 = 16;

fn reader_add(rw: u64, d: i32) -> i32 {
    atomic_u32(rw + RW_READER_COUNT, AtomicOp::Add(d as u32 as u64)) as u32 as i32
}

fn rw_rlock(c: &mut Ctx<'_, '_>) -> R {
    let rw = recv(c)?;
    if reader_add(rw, 1) < 0 {
        // A writer holds the lock: wait for it.
        return Err(deadlock(c));
    }
    Ok(())
}

fn rw_try_rlock(c: &mut Ctx<'_, '_>) -> R {
    let rw = recv(c)?;
    let r = atomic_u32(rw + RW_READER_COUNT, AtomicOp::Load) as u32 as i32;
    let ok = r >= 0
        && atomic_u32(
            rw + RW_READER_COUNT,
            AtomicOp::Cas(r as u32 as u64, (r + 1) as u32 as u64),
        ) == 1;
    c.set_bool(1, ok);
    Ok(())
}

fn rw_runlock(c: &mut Ctx<'_, '_>) -> R {
    let rw = recv(c)?;
    let r = reader_add(rw, -1);
    // r < 0 otherwise means a writer waits for the last reader: with one
    // goroutine the writer is this one, already reported as a deadlock.
    if r + 1 == 0 || r + 1 == -MAX_READERS {
        reader_add(rw, 1);
        return Err(c
            .vm
            .native_fatal("sync: RUnlock of unlocked RWMutex", "running"));
    }
    Ok(())
}

fn rw_lock(c: &mut Ctx<'_, '_>) -> R {
    let rw = recv(c)?;
    if !try_lock(rw) {
        return Err(deadlock(c));
    }
    let r = reader_add(rw, -MAX_READERS) + MAX_READERS;
    if r != 0 {
        // Active readers: wait for them.
        return Err(deadlock(c));
    }
    Ok(())
}

fn rw_try_lock(c: &mut Ctx<'_, '_>) -> R {
    let rw = recv(c)?;
    let mut ok = try_lock(rw);
    if ok {
        ok = atomic_u32(
            rw + RW_READER_COUNT,
            AtomicOp::Cas(0, (-MAX_READERS) as u32 as u64),
        ) == 1;
        if !ok {
            unlock(rw);
        }
    }
    c.set_bool(1, ok);
    Ok(())
}

fn rw_unlock(c: &mut Ctx<'_, '_>) -> R {
    let rw = recv(c)?;
    let r = reader_add(rw, MAX_READERS);
    if r >= MAX_READERS {
        reader_add(rw, -MAX_READERS);
        return Err(c
            .vm
            .native_fatal("sync: Unlock of unlocked RWMutex", "running"));
    }
    unlock(rw);
    Ok(())
}

/// `(*Once).Do(f)`: gc's doSlow: lock, run f if not done, mark done and
/// unlock even when f panics (its deferred calls), then let the panic go on.
fn once_do(c: &mut Ctx<'_, '_>) -> R {
    let o = recv(c)?;
    if atomic_u32(o, AtomicOp::Load) != 0 {
        return Ok(());
    }
    let m = o + 4;
    if !try_lock(m) {
        // f is running and called Do again.
        return Err(deadlock(c));
    }
    let fv = c.arg(1);
    let r = if fv == 0 {
        Err(Raise::Error(crate::error::RuntimeError::nil_deref()))
    } else {
        let fid = mem::load_u64(fv) as u32;
        c.vm.call_go(fid, fv, &[], 0)
            .map(|_| ())
            .map_err(Raise::from)
    };
    atomic_u32(o, AtomicOp::Store(1));
    unlock(m);
    r
}

/// WaitGroup's counter is the high half of state1, waiters the low half.
fn wg_add(c: &mut Ctx<'_, '_>, delta: i64) -> R {
    let wg = recv(c)?;
    let s = atomic_u64(wg + 8, AtomicOp::Add((delta << 32) as u64));
    let v = (s >> 32) as u32 as i32;
    if v < 0 {
        return Err(super::panic_string("sync: negative WaitGroup counter"));
    }
    Ok(())
}

fn wg_add_n(c: &mut Ctx<'_, '_>) -> R {
    let d = c.arg(1) as i64;
    wg_add(c, d)
}

fn wg_done(c: &mut Ctx<'_, '_>) -> R {
    wg_add(c, -1)
}

fn wg_wait(c: &mut Ctx<'_, '_>) -> R {
    let wg = recv(c)?;
    if atomic_u64(wg + 8, AtomicOp::Load) >> 32 == 0 {
        return Ok(());
    }
    Err(deadlock(c))
}

/// A node of a Pool's items: `{next *node; x any}`.
static POOL_NODE: crate::types::Type = crate::types::Type {
    size: 24,
    ptrdata: 24,
    hash: 0,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: crate::types::Kind::Struct,
    gcdata: &[0b101],
    str: "sync.poolNode",
    extra: crate::types::TypeExtra::None,
    uncommon: None,
};

/// Pool's fields (`noCopy` is empty): `local` at 0 holds gc's private
/// item, `victim` at 16 the shared list (a stack of nodes), `New` at 32.
/// Put fills the private slot first, then pushes on the shared list; Get
/// takes the private item, then the shared list's head, then calls New,
/// as gc's per-P pool does with one P. Collections do not empty the pool
/// (gc drops items after two), which Pool's contract allows.
fn pool_put(c: &mut Ctx<'_, '_>) -> R {
    let pool = recv(c)?;
    let (t, d) = (c.arg(1), c.arg(2));
    if t == 0 {
        return Ok(());
    }
    let n = crate::malloc::mallocgc(24, Some(&POOL_NODE), true);
    mem::store_u64(n + 8, t);
    mem::store_u64(n + 16, d);
    if mem::load_u64(pool) == 0 {
        mem::store_u64(pool, n);
    } else {
        mem::store_u64(n, mem::load_u64(pool + 16));
        mem::store_u64(pool + 16, n);
    }
    Ok(())
}

fn pool_get(c: &mut Ctx<'_, '_>) -> R {
    let pool = recv(c)?;
    let mut n = mem::load_u64(pool);
    if n != 0 {
        mem::store_u64(pool, 0);
    } else {
        n = mem::load_u64(pool + 16);
        if n != 0 {
            mem::store_u64(pool + 16, mem::load_u64(n));
        }
    }
    if n != 0 {
        c.set(1, mem::load_u64(n + 8));
        c.set(2, mem::load_u64(n + 16));
        return Ok(());
    }
    let fv = mem::load_u64(pool + 32);
    if fv == 0 {
        c.set(1, 0);
        c.set(2, 0);
        return Ok(());
    }
    let fid = mem::load_u64(fv) as u32;
    let r = c.vm.call_go(fid, fv, &[], 2).map_err(Raise::from)?;
    c.set(1, r[0]);
    c.set(2, r[1]);
    Ok(())
}

pub(super) static NATIVES: &[Native] = &[
    native("sync.(*Pool).Get", 1, 2, pool_get),
    native("sync.(*Pool).Put", 3, 0, pool_put),
    native("sync.(*Mutex).Lock", 1, 0, mutex_lock),
    native("sync.(*Mutex).TryLock", 1, 1, mutex_try_lock),
    native("sync.(*Mutex).Unlock", 1, 0, mutex_unlock),
    native("sync.(*RWMutex).Lock", 1, 0, rw_lock),
    native("sync.(*RWMutex).RLock", 1, 0, rw_rlock),
    native("sync.(*RWMutex).RUnlock", 1, 0, rw_runlock),
    native("sync.(*RWMutex).TryLock", 1, 1, rw_try_lock),
    native("sync.(*RWMutex).TryRLock", 1, 1, rw_try_rlock),
    native("sync.(*RWMutex).Unlock", 1, 0, rw_unlock),
    native("sync.(*Once).Do", 2, 0, once_do),
    native("sync.(*WaitGroup).Add", 2, 0, wg_add_n),
    native("sync.(*WaitGroup).Done", 1, 0, wg_done),
    native("sync.(*WaitGroup).Wait", 1, 0, wg_wait),
];
