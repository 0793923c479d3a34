//! math/rand's top-level functions over the global source, which Go 1.19
//! seeds with 1 (so a program's sequence is the same in every run, as
//! gc's). The generator is stdlib::rand, gc's exact algorithms.

use std::sync::Mutex;

use super::{native, panic_string, Ctx, Native};
use crate::stdlib::rand::{InvalidArgument, Rand};
use crate::vm::Raise;

/// The global source (Go's globalRand, a locked source seeded with 1).
static GLOBAL: Mutex<Option<Rand>> = Mutex::new(None);

/// Runs `f` on the global source.
fn with<T>(f: impl FnOnce(&mut Rand) -> T) -> T {
    let mut g = GLOBAL.lock().unwrap_or_else(|p| p.into_inner());
    f(g.get_or_insert_with(|| Rand::new(1)))
}

fn bad(e: InvalidArgument) -> Raise {
    panic_string(e.0)
}

fn seed(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let s = c.arg(0) as i64;
    with(|r| r.seed(s));
    Ok(())
}

fn int(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.int());
    c.set(0, v as u64);
    Ok(())
}

fn intn(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let n = c.arg(0) as i64;
    let v = with(|r| r.intn(n)).map_err(bad)?;
    c.set(1, v as u64);
    Ok(())
}

fn int63(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.int63());
    c.set(0, v as u64);
    Ok(())
}

fn int63n(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let n = c.arg(0) as i64;
    let v = with(|r| r.int63n(n)).map_err(bad)?;
    c.set(1, v as u64);
    Ok(())
}

fn int31(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.int31());
    c.set(0, v as i64 as u64);
    Ok(())
}

fn int31n(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let n = c.arg(0) as i64 as i32;
    let v = with(|r| r.int31n(n)).map_err(bad)?;
    c.set(1, v as i64 as u64);
    Ok(())
}

fn uint32(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.uint32());
    c.set(0, v as u64);
    Ok(())
}

fn uint64(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.uint64());
    c.set(0, v);
    Ok(())
}

fn float64(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.float64());
    c.set_f64(0, v);
    Ok(())
}

fn float32(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.float32());
    c.set(0, v.to_bits() as u64);
    Ok(())
}

fn exp_float64(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.exp_float64());
    c.set_f64(0, v);
    Ok(())
}

fn norm_float64(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let v = with(|r| r.norm_float64());
    c.set_f64(0, v);
    Ok(())
}

/// rand.Perm(n): a new []int.
fn perm(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let n = c.arg(0) as i64;
    if n < 0 {
        return Err(Raise::Error(crate::error::RuntimeError::error_string(
            "makeslice: len out of range",
        )));
    }
    let p = with(|r| r.perm(n as usize));
    let arr = if p.is_empty() {
        crate::malloc::zerobase()
    } else {
        crate::malloc::mallocgc(8 * p.len(), None, true)
    };
    for (i, v) in p.iter().enumerate() {
        crate::mem::store_u64(arr + 8 * i as u64, *v as u64);
    }
    c.set(1, arr);
    c.set(2, p.len() as u64);
    c.set(3, p.len() as u64);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("math/rand.Seed", 1, 0, seed),
    native("math/rand.Int", 0, 1, int),
    native("math/rand.Intn", 1, 1, intn),
    native("math/rand.Int63", 0, 1, int63),
    native("math/rand.Int63n", 1, 1, int63n),
    native("math/rand.Int31", 0, 1, int31),
    native("math/rand.Int31n", 1, 1, int31n),
    native("math/rand.Uint32", 0, 1, uint32),
    native("math/rand.Uint64", 0, 1, uint64),
    native("math/rand.Float64", 0, 1, float64),
    native("math/rand.Float32", 0, 1, float32),
    native("math/rand.ExpFloat64", 0, 1, exp_float64),
    native("math/rand.NormFloat64", 0, 1, norm_float64),
    native("math/rand.Perm", 1, 3, perm),
];
