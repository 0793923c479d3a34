//! Natives and calls back into Go (docs/vm.md section 3, "Natives").
//!
//! `CallNative` runs a Rust function (runtime/src/natives) on the call
//! window, as a Go call would run its callee. A native may call Go code
//! ([`Vm::call_go`]): fmt calls String/Error/Format methods of the
//! values it prints, at any depth of a composite value, and the panic
//! printer calls Error/String of the panic value. The call is a nested
//! run of the interpreter loop on the same goroutine stack:
//!
//! - the callee's frame goes right above the native's window (or in a new
//!   segment), and the native's caller is pushed as the callee's caller
//!   frame, so tracebacks and `recover` see an ordinary call stack;
//! - `floor` is the call-stack depth of the callee: the `Ret` that pops
//!   below it ends the nested run (`Exit::Returned`), and a panic whose
//!   deferred calls above the floor are exhausted stops there
//!   (`Exit::Panicked`) with the frames above the native dropped. The
//!   native then recovers it ([`Vm::recover_native`], as fmt's
//!   catchPanic does) or re-raises it (`Raise::Continue`: the panic
//!   continues in the native's caller, running its deferred calls).
//!
//! Example: `fmt.Println(t)` with `func (T) String() string` runs the
//! native `fmt.Println`, which finds `String` in T's method set and calls
//! its `ifn` through `call_go` with the data word as receiver, then
//! prints the returned string.

use super::{Exit, Frame, Vm};
use crate::error::RuntimeError;
use crate::natives::{self, Ctx};
use crate::vm::stack::{reg, window, zero_slots, Fit};

/// Where a native was called from (see [`Vm::call_go`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Caller {
    pub(super) fid: u32,
    pub(super) pc: u32,
    pub(super) base: *mut u64,
    /// The first slot above the native's window.
    pub(super) top: *mut u64,
}

/// How a native ends other than by returning.
#[derive(Debug)]
pub enum Raise {
    /// A run-time error panic (gc's runtime.Error values).
    Error(RuntimeError),
    /// `panic(v)` with the eface `v`.
    Value((u64, u64)),
    /// The goroutine's newest panic (one a call into Go returned
    /// unrecovered) continues in the native's caller.
    Continue,
    /// The program ended inside a call into Go (os.Exit, a fatal error).
    Exit(Exit),
}

/// Why a call into Go did not return normally.
#[derive(Debug)]
pub enum GoCallError {
    /// It panicked and nothing above the native recovered: the panic is
    /// the goroutine's newest; recover it or re-raise it.
    Panicked,
    /// The program ended (os.Exit, fatal error, internal error).
    Exit(Exit),
}

impl From<GoCallError> for Raise {
    fn from(e: GoCallError) -> Raise {
        match e {
            GoCallError::Panicked => Raise::Continue,
            GoCallError::Exit(x) => Raise::Exit(x),
        }
    }
}

impl<'p> Vm<'p> {
    /// Runs native `n` on the window at slot `a` of the frame (fid, base).
    pub(super) fn call_native(
        &mut self,
        n: u32,
        fid: u32,
        pc: u32,
        base: *mut u64,
        a: u32,
    ) -> Result<(), Raise> {
        let Some(nat) = natives::get(n) else {
            return Err(Raise::Exit(self.internal_error("bad native")));
        };
        let win = window(base, a);
        let saved = self.native_caller.replace(Caller {
            fid,
            pc,
            base,
            top: window(win, nat.params + nat.results),
        });
        let r = {
            let mut ctx = Ctx::new(self, win, nat.params + nat.results);
            (nat.f)(&mut ctx)
        };
        self.native_caller = saved;
        r
    }

    /// Calls the Go function `fid` (context register `ctxt`: the funcval
    /// for closures, 0 otherwise) with the argument slots `args` and
    /// returns its `nres` result slots. Only a native (or the panic
    /// printer) calls this: the new frame goes above its window.
    pub fn call_go(
        &mut self,
        fid: u32,
        ctxt: u64,
        args: &[u64],
        nres: u32,
    ) -> Result<Vec<u64>, GoCallError> {
        let Some(caller) = self.native_caller else {
            return Err(GoCallError::Exit(
                self.internal_error("call into Go outside a native"),
            ));
        };
        let Some(callee) = self.prog.funcs.get(fid as usize) else {
            return Err(GoCallError::Exit(
                self.internal_error("call into Go of a bad function"),
            ));
        };
        if callee.code.is_empty() {
            return Err(GoCallError::Exit(self.internal_error(&format!(
                "call into Go of {} before it is compiled",
                callee.name
            ))));
        }
        if args.len() != callee.param_slots as usize || nres != callee.result_slots {
            return Err(GoCallError::Exit(
                self.internal_error("call into Go with a wrong signature"),
            ));
        }
        let (frame_size, param_slots) = (callee.frame_size, callee.param_slots);
        let seg = self.stack.cur as u32;
        let top = caller.top;
        let fits = (top as usize) + (frame_size as usize) * 8 <= self.stack.limit();
        let newbase = if fits {
            top
        } else {
            match self.stack.grow(frame_size) {
                Some(Fit::NewSegment(_, p)) => p,
                Some(Fit::Here) => top,
                None => return Err(GoCallError::Exit(self.stack_overflow(fid))),
            }
        };
        for (i, w) in args.iter().enumerate() {
            crate::vm::stack::set_reg(newbase, i as u32, *w);
        }
        zero_slots(window(newbase, param_slots), frame_size - param_slots);
        self.frames.push(Frame {
            func: caller.fid,
            pc: caller.pc,
            base: caller.base,
            seg,
            window: top,
            panic_defer: false,
            deferreturn: false,
        });
        let saved_floor = std::mem::replace(&mut self.floor, self.frames.len());
        let saved_caller = self.native_caller.take();
        let r = self.execute_at(fid, newbase, ctxt);
        self.floor = saved_floor;
        self.native_caller = saved_caller;
        match r {
            Exit::Returned => {
                let res = window(top, param_slots);
                Ok((0..nres).map(|i| reg(res, i)).collect())
            }
            Exit::Panicked => Err(GoCallError::Panicked),
            x => Err(GoCallError::Exit(x)),
        }
    }

    /// A native recovers the panic a call into Go returned (fmt's
    /// catchPanic): it is removed from the goroutine's panics; its value.
    pub fn recover_native(&mut self) -> (u64, u64) {
        self.panics.pop().map_or((0, 0), |p| p.arg)
    }

    /// Drops the frames of a nested run down to the native's caller (a
    /// panic reached the floor unrecovered).
    pub(super) fn unwind_to_native(&mut self) -> Exit {
        let Some(fr) = self
            .floor
            .checked_sub(1)
            .and_then(|i| self.frames.get(i))
            .copied()
        else {
            return self.internal_error("unwind below the stack");
        };
        self.frames.truncate(self.floor - 1);
        self.stack.back_to(fr.seg as usize);
        Exit::Panicked
    }

    /// The bytes written to the program's stdout (fmt.Print* and
    /// os.Stdout), buffered until the run ends or print flushes.
    pub fn stdout(&mut self) -> &mut dyn std::io::Write {
        &mut self.out
    }

    /// The program's stderr: the print builtins' pending line first.
    pub fn write_stderr(&mut self, b: &[u8]) {
        use std::io::Write;
        let _ = self.out.flush();
        let _ = std::io::stderr().write_all(b);
    }

    /// gc's preprintpanics then printpanics: a panic value that is an
    /// error or a Stringer prints as what its Error() or String() returns
    /// (called on top of the panicking frame (fid, base)).
    pub(super) fn preprintpanics(&mut self, fid: u32, pc: u32, base: *mut u64) -> String {
        let frame_size = self.prog.funcs[fid as usize].frame_size;
        let saved = self.native_caller.replace(Caller {
            fid,
            pc,
            base,
            top: window(base, frame_size),
        });
        let mut texts = Vec::with_capacity(self.panics.len());
        for i in 0..self.panics.len() {
            let arg = self.panics[i].arg;
            let m = crate::types::type_from_addr(arg.0)
                .and_then(|t| string_method(t, "Error").or_else(|| string_method(t, "String")));
            let text = match m {
                Some(id) => match self.call_go(id, 0, &[arg.1], 2) {
                    Ok(r) if r[1] == 0 => Some(Vec::new()),
                    Ok(r) => Some(crate::mem::bytes(r[0], r[1] as usize).to_vec()),
                    Err(GoCallError::Panicked) => {
                        self.recover_native();
                        Some(b"panic while printing panic value".to_vec())
                    }
                    Err(GoCallError::Exit(_)) => None,
                },
                None => None,
            };
            texts.push(text);
        }
        self.native_caller = saved;
        crate::panic::printpanics_with(&self.panics, &texts)
    }
}

/// The function id of `t`'s method `name` if it is `func() string`.
pub fn string_method(t: &'static crate::types::Type, name: &str) -> Option<u32> {
    use crate::types::{Kind, TypeExtra};
    let m = t
        .uncommon
        .as_ref()?
        .methods
        .iter()
        .find(|m| m.name == name)?;
    match m.mtyp.extra {
        TypeExtra::Func {
            params, results, ..
        } if params.is_empty() && results.len() == 1 && results[0].kind == Kind::String => {
            Some(m.ifn)
        }
        _ => None,
    }
}
