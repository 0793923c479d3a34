//! The map instructions' operands (opcode.rs `MakeMap` .. `MapIterNext`):
//! decoding them and calling the map runtime (runtime/src/map).
//!
//! Conventions the compiler (src/compile/maps.rs) follows:
//! - `t` indexes [`Program::types`] and names the map type's descriptor;
//!   [`slot_widths`] (run by `Program::validate`) checks that it is a map
//!   type, so the loop can index without checks.
//! - An op taking a map and a key reads the map from `R[B]` and the key
//!   from the slots right after it, `R[B+1..]`, in the key's memory layout
//!   (docs/vm.md section 2): the key's address is the slot's address, as
//!   gc passes `&key` to mapaccess1.
//! - Lookups and assignment return the elem's *address*; the compiler
//!   loads or stores the value with its ordinary typed loads and stores.
//! - A range loop's hiter lives in 12 frame slots (`HITER_SIZE` bytes),
//!   so its pointer words are scanned with the frame
//!   ([`HITER_PTRMASK`](crate::map::HITER_PTRMASK) says which).
//!
//! Example: `v := m[k]` with `m map[string]int` compiles to
//! `Move r5 r1; MoveN r6 r2 2; MapAccess1 r8 r5 t0; Load64 r9 r8 0`.

use super::opcode::Op;
use super::program::Program;
use super::stack::{reg, set_reg, slot_addr};
use crate::error::RuntimeError;
use crate::map;
use crate::types::{Type, TypeExtra};

/// Slots of a hiter.
pub const HITER_SLOTS: u32 = (map::HITER_SIZE / 8) as u32;

#[inline(always)]
fn typ(prog: &Program, t: u32) -> &'static Type {
    prog.types[t as usize]
}

/// `MakeMap A B t`.
#[inline]
pub(super) fn make_map(
    prog: &Program,
    base: *mut u64,
    a: u32,
    b: u32,
    t: u32,
) -> Result<(), RuntimeError> {
    let h = map::makemap(typ(prog, t), reg(base, b) as i64)?;
    set_reg(base, a, h);
    Ok(())
}

/// `MakeMapLocal A B t`.
#[inline]
pub(super) fn make_map_local(
    prog: &Program,
    base: *mut u64,
    a: u32,
    b: u32,
    t: u32,
) -> Result<(), RuntimeError> {
    let h = map::makemap_noescape(typ(prog, t), reg(base, b) as i64)?;
    set_reg(base, a, h);
    Ok(())
}

/// `MapAccess1 A B t`.
#[inline]
pub(super) fn access1(
    prog: &Program,
    base: *mut u64,
    a: u32,
    b: u32,
    t: u32,
) -> Result<(), RuntimeError> {
    let e = map::mapaccess1(typ(prog, t), reg(base, b), slot_addr(base, b + 1))?;
    set_reg(base, a, e);
    Ok(())
}

/// `MapAccess2 A B t`.
#[inline]
pub(super) fn access2(
    prog: &Program,
    base: *mut u64,
    a: u32,
    b: u32,
    t: u32,
) -> Result<(), RuntimeError> {
    let (e, ok) = map::mapaccess2(typ(prog, t), reg(base, b), slot_addr(base, b + 1))?;
    set_reg(base, a, e);
    set_reg(base, a + 1, ok as u64);
    Ok(())
}

/// `MapAssign A B t`.
#[inline]
pub(super) fn assign(
    prog: &Program,
    base: *mut u64,
    a: u32,
    b: u32,
    t: u32,
) -> Result<(), RuntimeError> {
    let e = map::mapassign(typ(prog, t), reg(base, b), slot_addr(base, b + 1))?;
    set_reg(base, a, e);
    Ok(())
}

/// `MapDelete A t`.
#[inline]
pub(super) fn delete(prog: &Program, base: *mut u64, a: u32, t: u32) -> Result<(), RuntimeError> {
    map::mapdelete(typ(prog, t), reg(base, a), slot_addr(base, a + 1))
}

/// `MapClear A t`.
#[inline]
pub(super) fn clear(prog: &Program, base: *mut u64, a: u32, t: u32) -> Result<(), RuntimeError> {
    map::mapclear(typ(prog, t), reg(base, a))
}

/// `MapLen A B`.
#[inline]
pub(super) fn len(base: *mut u64, a: u32, b: u32) {
    set_reg(base, a, map::maplen(reg(base, b)) as u64);
}

/// `MapIterInit A B t`.
#[inline]
pub(super) fn iter_init(prog: &Program, base: *mut u64, a: u32, b: u32, t: u32) {
    map::mapiterinit(typ(prog, t), reg(base, b), slot_addr(base, a));
}

/// `MapIterNext A`.
#[inline]
pub(super) fn iter_next(base: *mut u64, a: u32) {
    map::mapiternext(slot_addr(base, a));
}

/// For a map instruction, how many slots each of its slot operands
/// touches (a key's slots follow its map; a hiter is 12 slots), after
/// checking that `t` names a map type. None for other instructions.
pub(super) fn slot_widths(prog: &Program, op: &Op) -> Option<Result<[u32; 3], String>> {
    let (t, widths): (u32, fn(u32) -> [u32; 3]) = match *op {
        Op::MakeMap { t, .. } | Op::MakeMapLocal { t, .. } => (t, |_| [1, 1, 1]),
        Op::MapAccess1 { t, .. } | Op::MapAssign { t, .. } => (t, |k| [1, 1 + k, 1]),
        Op::MapAccess2 { t, .. } => (t, |k| [2, 1 + k, 1]),
        Op::MapDelete { t, .. } => (t, |k| [1 + k, 1, 1]),
        Op::MapClear { t, .. } => (t, |_| [1, 1, 1]),
        Op::MapIterInit { t, .. } => (t, |_| [HITER_SLOTS, 1, 1]),
        Op::MapIterNext { .. } => return Some(Ok([HITER_SLOTS, 1, 1])),
        _ => return None,
    };
    let Some(mt) = prog.types.get(t as usize) else {
        return Some(Err(format!("{}: type index {t} out of range", op.name())));
    };
    let TypeExtra::Map { key, .. } = mt.extra else {
        return Some(Err(format!("{}: {} is not a map type", op.name(), mt.str)));
    };
    let key_slots = key.size.div_ceil(8) as u32;
    Some(Ok(widths(key_slots)))
}
