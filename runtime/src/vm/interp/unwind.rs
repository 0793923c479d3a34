//! Leaving frames other than by return: panics and the deferred calls
//! they run (gc's gopanic, recovery), deferreturn's calls, tracebacks,
//! collections at safe points, and the fatal exits (stack overflow,
//! internal errors). Kept out of the interpreter loop's file: all of it is
//! cold.

use super::*;

impl Vm<'_> {
    /// A collection at a safe point, from the goroutine's roots
    /// (gcroots.rs); `forced` for runtime.GC.
    #[cold]
    pub(super) fn collect(&mut self, fid: u32, base: *mut u64, ctxt: u64, forced: bool) {
        let roots = Roots {
            prog: self.prog,
            frames: &self.frames,
            cur: (fid, base),
            ctxt,
            globals: &self.globals,
            defers: &self.defers,
            panics: &self.panics,
        };
        let mut mark = |m: &mut crate::mgc::Marker| roots.mark(m);
        if forced {
            crate::mgc::gc(&mut mark);
        } else {
            crate::mgc::collect(&mut mark);
        }
        if crate::mfinal::pending() {
            self.run_finalizers(fid, base);
        }
    }

    /// panicdivide: gopanic with gc's static divideError. Out of line, so
    /// the division arms stay small in the loop.
    #[cold]
    #[inline(never)]
    pub(super) fn panicdivide(
        &mut self,
        fid: u32,
        pc: u32,
        base: *mut u64,
    ) -> Result<Resume, Exit> {
        self.gopanic(divide_error_eface(), false, fid, pc, base)
    }

    /// gopanic: records the panic and runs the deferred calls.
    #[cold]
    pub(super) fn gopanic(
        &mut self,
        arg: (u64, u64),
        sigsegv: bool,
        fid: u32,
        pc: u32,
        base: *mut u64,
    ) -> Result<Resume, Exit> {
        self.panics.push(Panic {
            arg,
            recovered: false,
            sigsegv,
            defer_depth: 0,
            call_depth: 0,
        });
        self.panic_continue(fid, pc, base)
    }

    /// The next step of a panic: after a recovery, return normally from
    /// the deferring frame; otherwise run the next deferred call, or print
    /// the panic and exit when none is left.
    #[cold]
    pub(super) fn panic_continue(
        &mut self,
        fid: u32,
        pc: u32,
        base: *mut u64,
    ) -> Result<Resume, Exit> {
        let Some(top) = self.panics.last().cloned() else {
            return Err(self.internal_error("panic_continue without a panic"));
        };
        if top.recovered {
            // recovery: the recovered panic is done, and so is every older
            // panic whose deferred call ran in a frame the recovery
            // discards (gc's aborted panics). An older panic whose deferred
            // call is still below the recovering frame stays: when that
            // call returns, it goes on (or recovers in turn).
            let depth = top.defer_depth;
            self.panics.pop();
            self.panics.retain(|p| p.call_depth <= depth);
            if depth == self.frames.len() {
                // The panicking frame itself deferred the call.
                return Ok(Resume {
                    fid,
                    base,
                    pc: self.prog.funcs[fid as usize].epilogue_pc as usize,
                    ctxt: 0,
                });
            }
            if depth > self.frames.len() {
                return Err(self.internal_error("recovery below the stack"));
            }
            let fr = self.frames[depth];
            self.frames.truncate(depth);
            self.stack.back_to(fr.seg as usize);
            let f = &self.prog.funcs[fr.func as usize];
            return Ok(Resume {
                fid: fr.func,
                base: fr.base,
                pc: f.epilogue_pc as usize,
                ctxt: 0,
            });
        }
        let d = match self.defers.last() {
            Some(d) if d.depth >= self.floor => self.defers.pop(),
            _ => None,
        };
        let Some(d) = d else {
            if self.floor > 0 {
                // The panic reached the native that called into Go.
                return Err(self.unwind_to_native());
            }
            self.flush();
            let mut s = self.preprintpanics(fid, pc, base);
            if self.panics.iter().any(|p| p.sigsegv) {
                s.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
            }
            s.push_str("\ngoroutine 1 [running]:\n");
            s.push_str(&self.traceback(fid, pc));
            let _ = std::io::stderr().write_all(s.as_bytes());
            return Err(Exit::Code(2));
        };
        if let Some(p) = self.panics.last_mut() {
            p.defer_depth = d.depth;
        }
        self.start_deferred(d.fv, fid, pc, base, true)
    }

    /// Calls the deferred funcval `fv` above the frame (fid, base), which
    /// resumes at `pc` when it returns.
    pub(super) fn start_deferred(
        &mut self,
        fv: u64,
        fid: u32,
        pc: u32,
        base: *mut u64,
        panic_defer: bool,
    ) -> Result<Resume, Exit> {
        let prog = self.prog;
        let id = mem::load_u64(fv);
        let Some(callee) = prog.funcs.get(id as usize).filter(|c| !c.code.is_empty()) else {
            return Err(self.internal_error("deferred call of a bad funcval"));
        };
        let win = window(base, prog.funcs[fid as usize].frame_size);
        let seg = self.stack.cur as u32;
        let newbase = if (win as usize) + (callee.frame_size as usize) * 8 <= self.stack.limit() {
            win
        } else {
            match self.stack.grow(callee.frame_size) {
                Some(Fit::NewSegment(_, p)) => p,
                Some(Fit::Here) => win,
                None => return Err(self.stack_overflow(id as u32)),
            }
        };
        self.frames.push(Frame {
            func: fid,
            pc,
            base,
            seg,
            window: win,
            panic_defer,
            deferreturn: !panic_defer,
        });
        if let Some(p) = self.panics.last_mut() {
            if panic_defer {
                p.call_depth = self.frames.len();
            }
        }
        zero_slots(newbase, callee.frame_size);
        Ok(Resume {
            fid: id as u32,
            base: newbase,
            pc: 0,
            ctxt: fv,
        })
    }

    /// The goroutine's frames, innermost first, as gc's traceback prints
    /// them (arguments elided).
    ///
    /// Compiler-made wrappers are elided as gc elides its wrappers; a frame
    /// running a deferred call for a panic shows gopanic's frame above it
    /// (`panic({type, data})` at runtime/panic.go, as gc prints it).
    pub(super) fn traceback(&self, fid: u32, pc: u32) -> String {
        let mut s = String::new();
        let mut at = vec![(fid, pc, None)];
        at.extend(self.frames.iter().enumerate().rev().map(|(i, f)| {
            let panic = if f.panic_defer {
                self.panics.iter().rev().find(|p| p.call_depth == i + 1)
            } else {
                None
            };
            (f.func, f.pc, panic.map(|p| p.arg))
        }));
        for (f, pc, panic) in at {
            if let Some((t, d)) = panic {
                s.push_str(&format!(
                    "panic({{{t:#x}, {d:#x}}})\n\t{GOROOT}/src/runtime/panic.go:884 +0x0\n"
                ));
            }
            let func = &self.prog.funcs[f as usize];
            if func.name.starts_with("runtime.") || func.wrapper {
                continue;
            }
            let line = func
                .lines
                .get(pc.saturating_sub(1) as usize)
                .copied()
                .unwrap_or(0);
            let args = if func.param_slots == 0 { "" } else { "..." };
            s.push_str(&format!(
                "{}({args})\n\t{}:{} +0x0\n",
                func.name, func.file, line
            ));
        }
        s
    }

    /// A goscope bug: `goscope: internal error`, exit 3.
    #[cold]
    pub(super) fn internal_error(&mut self, what: &str) -> Exit {
        self.flush();
        let _ = writeln!(std::io::stderr(), "goscope: internal error: {what}");
        Exit::Code(3)
    }

    #[cold]
    pub(super) fn stack_overflow(&mut self, _f: u32) -> Exit {
        self.flush();
        let _ = std::io::stderr().write_all(
            b"runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n",
        );
        Exit::Code(2)
    }
}
