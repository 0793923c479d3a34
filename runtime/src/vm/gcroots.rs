//! The VM's roots for the collector (docs/vm.md sections 2 and 5): what a
//! collection at a safe point must mark so that nothing live is freed.
//!
//! The interpreter collects only at safe points (`gc_safepoint!` in
//! interp.rs: after each instruction that allocates, and at function
//! entry, which also covers allocations made by natives and runtime calls
//! between two calls). Between two safe points every Go value the program
//! can still reach lies in one of the roots listed here; Rust locals of the
//! loop hold only the frame base (stack memory), the code and `ctxt`,
//! which is passed in. The roots:
//!
//! - every frame of the goroutine, innermost first: the slots its
//!   function's pointer map marks. The running frame's call windows are
//!   scanned whole (arguments being filled in); a suspended frame's only
//!   below the window of its active call, since the callee's frame starts
//!   there (and is scanned as the callee's) and anything above is stale;
//! - the globals area, by the program's globals pointer map;
//! - the context register (the running closure's funcval);
//! - the goroutine's deferred calls (their funcvals hold the arguments)
//!   and its panics (the panic value's data word).
//!
//! Static data (string literals, `_type`s, itabs) is not in the heap and
//! needs no marking. Words that do not point into the heap are ignored
//! by the marker, so a conservative map only retains, never frees.
//!
//! Example: `main` calls `f(p)` with `p` in slot 3; the collection at f's
//! entry marks main's slot 3 (pointer map bit 3), main's window slots, f's
//! parameter slot 0, and every global whose word holds a pointer.

use super::interp::Frame;
use super::program::{Func, Program};
use super::stack::reg;
use crate::mgc::Marker;
use crate::panic::{Defer, Panic};

/// A goroutine's roots at a safe point.
pub struct Roots<'a> {
    pub prog: &'a Program,
    /// The suspended callers.
    pub frames: &'a [Frame],
    /// The running function and its frame.
    pub cur: (u32, *mut u64),
    /// The G's context register.
    pub ctxt: u64,
    /// The globals area.
    pub globals: &'a [u64],
    pub defers: &'a [Defer],
    pub panics: &'a [Panic],
}

impl Roots<'_> {
    /// Marks every root (markroot).
    pub fn mark(&self, m: &mut Marker) {
        let f = &self.prog.funcs[self.cur.0 as usize];
        scan_frame(m, f, self.cur.1, f.frame_size);
        for fr in self.frames {
            // Slots from the active call's window up are the callee's
            // frame (scanned as such) or stale callee slots.
            let active = (fr.window as usize).saturating_sub(fr.base as usize) / 8;
            let f = &self.prog.funcs[fr.func as usize];
            scan_frame(m, f, fr.base, f.frame_size.min(active as u32));
        }
        scan_words(m, self.globals, &self.prog.globals_ptrmap);
        m.mark(self.ctxt);
        for d in self.defers {
            m.mark(d.fv);
        }
        for p in self.panics {
            m.mark(p.arg.0);
            m.mark(p.arg.1);
        }
    }
}

/// Marks through the slots below `end` of the frame of `f` at `base` that
/// its pointer map marks.
fn scan_frame(m: &mut Marker, f: &Func, base: *mut u64, end: u32) {
    for (i, &bits) in f.ptrmap.iter().enumerate() {
        let mut b = bits;
        while b != 0 {
            let slot = i as u32 * 64 + b.trailing_zeros();
            b &= b - 1;
            if slot < end {
                m.mark(reg(base, slot));
            }
        }
    }
}

/// Marks through the words of `area` whose bit is set in `map`.
fn scan_words(m: &mut Marker, area: &[u64], map: &[u64]) {
    for (i, &bits) in map.iter().enumerate() {
        let mut b = bits;
        while b != 0 {
            let w = i * 64 + b.trailing_zeros() as usize;
            b &= b - 1;
            if let Some(&word) = area.get(w) {
                m.mark(word);
            }
        }
    }
}
