//! Finalizers (runtime/mfinal.go, mgcmark.go's markrootSpans).
//!
//! runtime.SetFinalizer records (object, funcval) here. A collection
//! ([`mark_finalizers`], after the roots) marks each finalizer's funcval
//! and everything its object points to, but not the object: when nothing
//! else reaches the object, it is marked after all (it must live until
//! its finalizer has run), its record moves to the queue and the next
//! collection may free it. The VM runs queued finalizers right after the
//! collection that queued them, at that safe point, on the running
//! goroutine (vm/interp/callers.rs): gc runs them on a finalizer
//! goroutine, which with one goroutine would only run when the program
//! blocks; running them at the next safe point is the approximation
//! (docs/vm.md section 7).
//!
//! Example: `x := new(T); runtime.SetFinalizer(x, f); x = nil;
//! runtime.GC()` queues f(x) in that GC and runs it before runtime.GC
//! returns to the program.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::mgcmark::Marker;
use crate::mheap::{lock_heap, SpanState};

/// One finalizer: the object's address (the start of its heap block),
/// the funcval to call and its argument words.
#[derive(Clone, Copy, Debug)]
pub struct Finalizer {
    pub obj: u64,
    pub fv: u64,
    /// The finalizer's parameter: the pointer itself (None) or an
    /// interface holding it, whose first word (type or itab) this is.
    pub iface_word: Option<u64>,
}

impl Finalizer {
    /// The argument slots of the call.
    pub fn args(&self) -> Vec<u64> {
        match self.iface_word {
            None => vec![self.obj],
            Some(w) => vec![w, self.obj],
        }
    }
}

/// Objects with a finalizer (gc's specials).
static SPECIALS: Mutex<Vec<Finalizer>> = Mutex::new(Vec::new());
/// Finalizers whose objects became unreachable, waiting to run (gc's finq).
static QUEUE: Mutex<Vec<Finalizer>> = Mutex::new(Vec::new());
/// Set while the queue is not empty (one relaxed load per collection).
static PENDING: AtomicBool = AtomicBool::new(false);

fn specials() -> std::sync::MutexGuard<'static, Vec<Finalizer>> {
    SPECIALS.lock().unwrap_or_else(|e| e.into_inner())
}

fn queue() -> std::sync::MutexGuard<'static, Vec<Finalizer>> {
    QUEUE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The start of the heap block containing `addr`, None when `addr` is
/// not in the heap (globals, static data: gc ignores finalizers there).
pub fn object_base(addr: u64) -> Option<u64> {
    let h = lock_heap();
    let sid = h.span_of(addr)?;
    let s = &h.spans[sid as usize];
    if s.state != SpanState::InUse {
        return None;
    }
    let idx = s.obj_index((addr - s.base) as usize);
    (idx < s.nelems).then(|| s.base + (idx * s.elemsize) as u64)
}

/// Records `f` for its object; false when the object already has one
/// (gc throws "finalizer already set").
pub fn add(f: Finalizer) -> bool {
    let mut s = specials();
    if s.iter().any(|g| g.obj == f.obj) {
        return false;
    }
    s.push(f);
    true
}

/// runtime.SetFinalizer(obj, nil): forgets the object's finalizer.
pub fn remove(obj: u64) {
    specials().retain(|g| g.obj != obj);
}

/// Called by the collector after marking the roots: see the module docs.
pub(crate) fn mark_finalizers(m: &mut Marker) {
    for f in queue().iter() {
        m.mark(f.obj);
        m.mark(f.fv);
    }
    let mut s = specials();
    if s.is_empty() {
        return;
    }
    for f in s.iter() {
        m.mark(f.fv);
        m.scan_contents(f.obj);
    }
    m.drain();
    let mut q = queue();
    s.retain(|f| {
        if m.is_marked(f.obj) {
            return true;
        }
        m.mark(f.obj);
        q.push(*f);
        false
    });
    if !q.is_empty() {
        PENDING.store(true, Ordering::Relaxed);
    }
}

/// Whether finalizers wait to run.
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// The next finalizer to run, in the order their objects were found.
pub fn next() -> Option<Finalizer> {
    let mut q = queue();
    let f = if q.is_empty() {
        None
    } else {
        Some(q.remove(0))
    };
    if q.is_empty() {
        PENDING.store(false, Ordering::Relaxed);
    }
    f
}
