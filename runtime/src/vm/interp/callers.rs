//! What natives see of the goroutine: its call stack (runtime.Caller,
//! Callers, Stack, debug.Stack), collections started by a native
//! (debug.FreeOSMemory) and fatal errors raised by one (sync's deadlock
//! and misuse throws).

use super::{Exit, Vm};
use crate::vm::Raise;

/// One frame of the call stack as runtime.Callers reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// Go function `fid`, suspended at `pc` (the instruction after its
    /// call, gc's return address).
    Go { fid: u32, pc: u32 },
    /// gc's runtime.gopanic frame, under a deferred call a panic runs.
    Gopanic,
}

impl Vm<'_> {
    /// The call stack from the running native's caller outward,
    /// innermost first; compiler-made wrappers are left out, as gc's
    /// tracebacks and Callers leave out its wrappers, and so is the
    /// program's entry (`runtime.main` calling the inits and main.main).
    pub fn native_call_stack(&self) -> Vec<Site> {
        let mut v = Vec::new();
        let Some(c) = self.native_caller else {
            return v;
        };
        let shown = |fid: u32| {
            self.prog
                .funcs
                .get(fid as usize)
                .is_some_and(|f| !f.wrapper && !f.name.starts_with("runtime."))
        };
        if shown(c.fid) {
            v.push(Site::Go {
                fid: c.fid,
                pc: c.pc,
            });
        }
        for (i, f) in self.frames.iter().enumerate().rev() {
            if f.panic_defer && self.panics.iter().any(|p| p.call_depth == i + 1) {
                v.push(Site::Gopanic);
            }
            if shown(f.func) {
                v.push(Site::Go {
                    fid: f.func,
                    pc: f.pc,
                });
            }
        }
        v
    }

    /// gc's traceback of the goroutine from the native's caller outward
    /// (the frames after `goroutine 1 [running]:`).
    pub fn native_traceback(&self) -> String {
        match self.native_caller {
            Some(c) => self.traceback(c.fid, c.pc),
            None => String::new(),
        }
    }

    /// A forced collection from a native (runtime.GC's), or with `free`
    /// debug.FreeOSMemory's: the roots are the native caller's frame and
    /// everything below it.
    pub fn native_gc(&mut self, free: bool) {
        let Some(c) = self.native_caller else {
            return;
        };
        if free {
            let roots = crate::vm::gcroots::Roots {
                prog: self.prog,
                frames: &self.frames,
                cur: (c.fid, c.base),
                ctxt: self.ctxt,
                globals: &self.globals,
                defers: &self.defers,
                panics: &self.panics,
            };
            crate::mgc::free_os_memory(&mut |m: &mut crate::mgc::Marker| roots.mark(m));
        } else {
            self.collect(c.fid, c.base, self.ctxt, true);
        }
    }

    /// A fatal error raised by a native (gc's throw/fatal): prints
    /// `fatal error: msg` and the goroutine's traceback with `status`
    /// (`running`, `semacquire`), then exits 2 without running deferred
    /// calls.
    pub fn native_fatal(&mut self, msg: &str, status: &str) -> Raise {
        self.flush();
        let s = format!(
            "fatal error: {msg}\n\ngoroutine 1 [{status}]:\n{}",
            self.native_traceback()
        );
        self.write_stderr(s.as_bytes());
        Raise::Exit(Exit::Code(2))
    }

    /// Runs the finalizers the last collection queued (mfinal.rs), on
    /// top of the frame (fid, base) at its safe point, as a native calls
    /// Go. A finalizer that panics ends the program as gc's finalizer
    /// goroutine would (exit 2); one that exits the program ends it here.
    pub(super) fn run_finalizers(&mut self, fid: u32, base: *mut u64) {
        let frame_size = self.prog.funcs[fid as usize].frame_size;
        let saved = self.native_caller.replace(super::reenter::Caller {
            fid,
            pc: 0,
            base,
            top: crate::vm::stack::window(base, frame_size),
        });
        while let Some(f) = crate::mfinal::next() {
            let id = crate::mem::load_u64(f.fv) as u32;
            let nres = self
                .prog
                .funcs
                .get(id as usize)
                .map_or(0, |c| c.result_slots);
            match self.call_go(id, f.fv, &f.args(), nres) {
                Ok(_) => {}
                Err(crate::vm::GoCallError::Panicked) => {
                    let mut s = self.preprintpanics(fid, 0, base);
                    s.push_str("\ngoroutine 18 [running]:\n");
                    self.flush();
                    self.write_stderr(s.as_bytes());
                    std::process::exit(2);
                }
                Err(crate::vm::GoCallError::Exit(x)) => {
                    self.flush();
                    std::process::exit(x.code());
                }
            }
        }
        self.native_caller = saved;
    }
}
