//! Panics and deferred calls (runtime/panic.go): the `_defer` and `_panic`
//! records of a goroutine and how an unrecovered panic is printed.
//!
//! The interpreter (vm/interp.rs) drives the mechanism, since running a
//! deferred call is a Go call on the VM loop: `Deferproc` pushes a
//! [`Defer`]; a `Ret` of a frame with pending defers runs them first
//! (deferreturn); `gopanic` pushes a [`Panic`] and runs deferred calls on
//! top of the panicking frames; `gorecover` marks the panic recovered, and
//! when the deferred call returns the frames above the deferring function
//! are dropped and it returns normally from its epilogue.

use crate::iface;
use crate::mem;
use crate::vm::fmtv::{self, kind as fk};

/// A deferred call: the funcval and the depth of the deferring frame (its
/// index in the goroutine's call stack).
#[derive(Clone, Copy, Debug)]
pub struct Defer {
    pub fv: u64,
    pub depth: usize,
}

/// A panic in progress.
#[derive(Clone, Debug)]
pub struct Panic {
    /// The value: an eface {&Type, data}.
    pub arg: (u64, u64),
    pub recovered: bool,
    /// A nil dereference: the unrecovered report adds the signal line.
    pub sigsegv: bool,
    /// The depth of the frame whose deferred call is running.
    pub defer_depth: usize,
    /// The call-stack length when the deferred call started (its caller is
    /// the panicking frame); recover must be called from the frame just
    /// above it.
    pub call_depth: usize,
}

/// printpanicval: the value as an unrecovered panic prints it.
pub fn printpanicval(arg: (u64, u64)) -> String {
    if arg.0 == 0 {
        return "nil".into();
    }
    // SAFETY-free: the type word of an eface the VM made is a leaked
    // `&'static Type` (iface::basic_type).
    let t = type_of(arg.0);
    let k = iface::kind_code(t);
    let mut text = Vec::new();
    let w = |i: u64| mem::load_u64(arg.1 + 8 * i);
    match k {
        iface::RUNTIME_ERROR => text.extend_from_slice(mem::bytes(w(0), w(1) as usize)),
        fk::FLOAT64 => {
            crate::print::printfloat(&mut text, f64::from_bits(w(0)));
        }
        _ => fmt_basic(&mut text, k, w),
    }
    let s = String::from_utf8_lossy(&text).into_owned();
    let predeclared = !t.str.contains('.');
    match (predeclared, k) {
        (true, _) | (_, iface::RUNTIME_ERROR) => s,
        (false, fk::STRING) => format!("{}(\"{s}\")", t.str),
        (false, _) => format!("{}({s})", t.str),
    }
}

/// `%v` of a basic eface value (the fmt bridge for interface{} values).
pub fn fmt_eface(out: &mut Vec<u8>, arg: (u64, u64)) {
    if arg.0 == 0 {
        out.extend_from_slice(b"<nil>");
        return;
    }
    let t = type_of(arg.0);
    let k = iface::kind_code(t);
    let w = |i: u64| mem::load_u64(arg.1 + 8 * i);
    if k == iface::RUNTIME_ERROR {
        out.extend_from_slice(mem::bytes(w(0), w(1) as usize));
        return;
    }
    fmt_basic(out, k, w);
}

fn fmt_basic(out: &mut Vec<u8>, k: u64, w: impl Fn(u64) -> u64) {
    use std::io::Write;
    match k {
        fk::INT => {
            let _ = write!(out, "{}", w(0) as i64);
        }
        fk::UINT => {
            let _ = write!(out, "{}", w(0));
        }
        fk::FLOAT64 => fmtv::fmt_float(out, f64::from_bits(w(0)), false),
        fk::FLOAT32 => fmtv::fmt_float(out, f32::from_bits(w(0) as u32) as f64, true),
        fk::BOOL => out.extend_from_slice(if w(0) & 0xff != 0 { b"true" } else { b"false" }),
        fk::STRING => out.extend_from_slice(mem::bytes(w(0), w(1) as usize)),
        _ => {
            let _ = write!(out, "{:#x}", w(0));
        }
    }
}

/// The `_type` an eface's first word points to.
fn type_of(word: u64) -> &'static crate::types::Type {
    iface::type_at(word)
}

/// printpanics: the chain, oldest first, later ones indented by a tab.
pub fn printpanics(panics: &[Panic]) -> String {
    printpanics_with(panics, &[])
}

/// printpanics after preprintpanics: `texts[i]`, when present, is what
/// panic i's Error() or String() method returned, printed as is.
pub fn printpanics_with(panics: &[Panic], texts: &[Option<Vec<u8>>]) -> String {
    let mut s = String::new();
    for (i, p) in panics.iter().enumerate() {
        if i > 0 {
            s.push('\t');
        }
        s.push_str("panic: ");
        match texts.get(i) {
            Some(Some(t)) => s.push_str(&String::from_utf8_lossy(t)),
            _ => s.push_str(&printpanicval(p.arg)),
        }
        if p.recovered {
            s.push_str(" [recovered]");
        }
        s.push('\n');
    }
    s
}
