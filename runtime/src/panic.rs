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
use crate::vm::fmtv;

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
    let t = type_of(arg.0);
    if is_runtime_error(t) {
        let w = |i: u64| mem::load_u64(arg.1 + 8 * i);
        return String::from_utf8_lossy(mem::bytes(w(0), w(1) as usize)).into_owned();
    }
    crate::panicval::printpanicval(Some(t), arg.1)
}

/// Whether `t` is the type of the runtime's own errors (interp.rs's
/// runtime_error_eface), whose data is the Error() text.
fn is_runtime_error(t: &'static crate::types::Type) -> bool {
    std::ptr::eq(t, iface::runtime_error_type())
}

/// `%v` of a basic eface value (the fmt bridge for interface{} values).
pub fn fmt_eface(out: &mut Vec<u8>, arg: (u64, u64)) {
    if arg.0 == 0 {
        out.extend_from_slice(b"<nil>");
        return;
    }
    use crate::panicval::{read_basic, Basic};
    use std::io::Write;
    let t = type_of(arg.0);
    let w = |i: u64| mem::load_u64(arg.1 + 8 * i);
    if is_runtime_error(t) {
        out.extend_from_slice(mem::bytes(w(0), w(1) as usize));
        return;
    }
    match read_basic(t, arg.1) {
        Some(Basic::Int(i)) => {
            let _ = write!(out, "{i}");
        }
        Some(Basic::Uint(u)) => {
            let _ = write!(out, "{u}");
        }
        Some(Basic::F64(f)) => fmtv::fmt_float(out, f, false),
        Some(Basic::F32(f)) => fmtv::fmt_float(out, f as f64, true),
        Some(Basic::C128(re, im)) => fmtv::fmt_complex(out, re, im, false),
        Some(Basic::C64(re, im)) => fmtv::fmt_complex(out, re as f64, im as f64, true),
        Some(Basic::Bool(b)) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Some(Basic::Str(s)) => out.extend_from_slice(s),
        None => {
            let _ = write!(out, "{:#x}", arg.1);
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
