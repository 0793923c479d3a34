//! The interface instructions (opcode.rs, "Interfaces"): conversions,
//! comparisons and assertions over the frame's slots, calling iface.rs,
//! itab.rs and alg.rs. The loop dispatches them here so it stays small.
//!
//! An interface value occupies two slots: the type word (eface) or itab
//! word (iface), then the data word.

use super::opcode::Op;
use super::program::{Func, Program};
use super::stack::{reg, set_reg, slot_addr};
use crate::error::RuntimeError;
use crate::iface;
use crate::itab;
use crate::types::Type;

fn internal(what: &str) -> RuntimeError {
    RuntimeError::error_string(format!("goscope: internal error: {what}"))
}

fn ty(prog: &Program, i: u64) -> Result<&'static Type, RuntimeError> {
    prog.types
        .get(i as usize)
        .copied()
        .ok_or_else(|| internal("bad type index"))
}

/// The (target, operand's static interface) types an assertion names.
fn pair(prog: &Program, k: u32) -> Result<(&'static Type, &'static Type), RuntimeError> {
    let w = prog.consts.get(k as usize).copied().unwrap_or(u64::MAX);
    Ok((ty(prog, w & 0xffff_ffff)?, ty(prog, w >> 32)?))
}

/// Runs one interface instruction other than `CallIface`.
pub(super) fn exec(prog: &Program, base: *mut u64, op: Op) -> Result<(), RuntimeError> {
    let r = |i: u32| reg(base, i);
    let w = |i: u32, v: u64| set_reg(base, i, v);
    match op {
        Op::ConvT { a, b, t } => w(a, iface::conv_t(ty(prog, t as u64)?, slot_addr(base, b))),
        Op::TypeWord { a, t } => w(a, ty(prog, t as u64)?.addr()),
        Op::ItabWord { a, i } => {
            let tab = prog
                .itabs
                .get(i as usize)
                .ok_or_else(|| internal("bad itab index"))?;
            w(a, tab.addr())
        }
        Op::ConvI { a, b, k } => {
            let (dst, src) = pair(prog, k)?;
            let data = r(b + 1);
            w(a, itab::conv_iface(src, r(b), dst)?);
            w(a + 1, data);
        }
        Op::EqEface { a, b, c } => {
            let eq = r(b) == r(c) && crate::alg::efaceeq(r(b), r(b + 1), r(c + 1))?;
            w(a, eq as u64)
        }
        Op::EqIface { a, b, c } => {
            let eq = r(b) == r(c) && crate::alg::ifaceeq(r(b), r(b + 1), r(c + 1))?;
            w(a, eq as u64)
        }
        Op::AssertT { a, b, k } => {
            let (want, src) = pair(prog, k)?;
            itab::assert_type(src, r(b), want)?;
            w(a, r(b + 1))
        }
        Op::AssertT2 { a, b, k } => {
            let (want, src) = pair(prog, k)?;
            let ok = itab::has_type(src, r(b), want);
            let data = match (ok, want.is_direct_iface()) {
                (true, _) => r(b + 1),
                (false, true) => 0,
                (false, false) => iface::zero_val(),
            };
            w(a, data);
            w(a + 1, ok as u64)
        }
        Op::AssertI { a, b, k } => {
            let (dst, src) = pair(prog, k)?;
            let data = r(b + 1);
            w(a, itab::assert_iface(src, r(b), dst)?);
            w(a + 1, data)
        }
        Op::AssertI2 { a, b, k } => {
            let (dst, src) = pair(prog, k)?;
            let data = r(b + 1);
            match itab::assert_iface2(src, r(b), dst) {
                Some(word) => {
                    w(a, word);
                    w(a + 1, data);
                    w(a + 2, 1)
                }
                None => {
                    w(a, 0);
                    w(a + 1, 0);
                    w(a + 2, 0)
                }
            }
        }
        _ => return Err(internal("not an interface instruction")),
    }
    Ok(())
}

/// The function `CallIface` calls: fun[m] of the itab in slot `b`; a nil
/// interface is gc's nil dereference.
pub(super) fn iface_method(base: *mut u64, b: u32, m: u32) -> Result<u32, RuntimeError> {
    let tab = itab::itab_from_addr(reg(base, b)).ok_or_else(RuntimeError::nil_deref)?;
    tab.fun
        .get(m as usize)
        .copied()
        .ok_or_else(|| internal("method index outside the itab"))
}

/// The checks `Program::validate` cannot make from slot widths alone: type
/// and itab indexes in range, a `ConvT` operand as wide as its type, a
/// zero value a failed `AssertT2` can point at.
pub(super) fn validate(prog: &Program, f: &Func, op: &Op) -> Option<String> {
    let tyok = |i: u64| (i as usize) < prog.types.len();
    let kok = |k: u32| {
        prog.consts
            .get(k as usize)
            .is_some_and(|w| tyok(w & 0xffff_ffff) && tyok(w >> 32))
    };
    let ok = match *op {
        Op::ConvT { b, t, .. } => prog
            .types
            .get(t as usize)
            .is_some_and(|t| b as u64 + (t.size as u64).div_ceil(8) <= f.frame_size as u64),
        Op::TypeWord { t, .. } => tyok(t as u64),
        Op::ItabWord { i, .. } => (i as usize) < prog.itabs.len(),
        Op::AssertT2 { k, .. } => {
            kok(k)
                && prog.consts.get(k as usize).is_some_and(|w| {
                    prog.types[(w & 0xffff_ffff) as usize].size <= iface::ZERO_VAL_SIZE
                })
        }
        Op::ConvI { k, .. } | Op::AssertT { k, .. } | Op::AssertI { k, .. } => kok(k),
        Op::AssertI2 { k, .. } => kok(k),
        _ => true,
    };
    (!ok).then(|| format!("bad interface operand in {}", op.name()))
}
