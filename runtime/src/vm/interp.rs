//! The interpreter loop: one `match` over [`Op`] per instruction, the
//! current frame's slots reached through a raw base pointer (stack.rs).
//!
//! Stackless: a Go call pushes a [`Frame`] on the goroutine's call stack
//! (a `Vec`) and switches `code`/`pc`/`base`; a return pops it. Rust's stack
//! does not grow with Go's recursion.

use std::io::Write;

use super::fmtv::kind;
use super::gcroots::Roots;
use super::mapops;
use super::opcode::Op;
use super::program::{fetch, Program};
use super::shims;
use super::stack::{copy_slots, reg, set_reg, slot_addr, window, zero_slots, Fit, Stack};
use crate::error::RuntimeError;
use crate::mem;
use crate::panic::{Defer, Panic};
use crate::print;
use crate::slice::{self, SliceHeader};
use crate::string::{self, StringHeader};

/// A suspended caller: where it resumes and where its frame is.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub func: u32,
    /// The pc after the call instruction.
    pub pc: u32,
    pub base: *mut u64,
    /// The caller's segment.
    pub seg: u32,
    /// Where the caller's call window is (differs from the callee's base
    /// when the callee started a new segment).
    pub window: *mut u64,
    /// The callee is a deferred call that gopanic started: when it
    /// returns, the panic continues.
    pub panic_defer: bool,
    /// The callee is a deferred call that the frame's return started
    /// (deferreturn): `pc` is after the `Ret` (for tracebacks) and the frame
    /// resumes at its epilogue, which reloads results the call may change.
    pub deferreturn: bool,
}

/// Where the loop resumes after a panic step.
struct Resume {
    fid: u32,
    base: *mut u64,
    pc: usize,
    ctxt: u64,
}

/// How a run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// main.main returned or os.Exit was called: the status.
    Code(i32),
    /// A nested run (a native's call into Go, reenter.rs) returned.
    Returned,
    /// A nested run's panic reached the native that called into Go,
    /// unrecovered: it is the goroutine's newest panic.
    Panicked,
}

impl Exit {
    /// The process exit status (a finished run only ends with `Code`).
    pub fn code(&self) -> i32 {
        match self {
            Exit::Code(c) => *c,
            Exit::Returned | Exit::Panicked => 3,
        }
    }
}

/// One running program (a single goroutine for now).
pub struct Vm<'p> {
    prog: &'p Program,
    stack: Stack,
    frames: Vec<Frame>,
    /// The globals area (8-byte aligned).
    globals: Vec<u64>,
    /// Addresses of the static data.
    statics: Vec<u64>,
    /// Buffered stdout (fmt output).
    out: std::io::BufWriter<std::io::Stdout>,
    /// The print builtins' pending line.
    errbuf: Vec<u8>,
    /// The goroutine's deferred calls, innermost last (gc's g._defer).
    defers: Vec<Defer>,
    /// The goroutine's panics, newest last (gc's g._panic).
    panics: Vec<Panic>,
    /// The running function. It, `ctxt` and `limit` live here rather than
    /// in the loop's locals: only calls, returns and panics use them, and
    /// fewer locals leave registers for the pc, the code and the frame base.
    fid: u32,
    /// The context register (gc's DX): the funcval of a closure call.
    ctxt: u64,
    /// The end of the current stack segment (`Stack::limit`).
    limit: usize,
    /// Frames below this call-stack depth belong to a native's caller:
    /// a nested run returns when its frame returns, and a panic stops at
    /// it (reenter.rs). 0 outside natives.
    floor: usize,
    /// The frame that called the running native and the first free slot
    /// above its window: where a call into Go puts its frame.
    native_caller: Option<reenter::Caller>,
}

pub mod callers;
mod ops;
pub mod reenter;
mod unwind;

use ops::*;
/// Where gc's tracebacks say the runtime's sources are.
const GOROOT: &str = "/usr/lib/go-1.19";

/// Nil: any address below 4096 (docs/vm.md section 1).
const NIL_LIMIT: u64 = 4096;

impl<'p> Vm<'p> {
    /// The program being run (natives read its std error itabs).
    pub fn program(&self) -> &'p Program {
        self.prog
    }

    pub fn new(prog: &'p Program) -> Vm<'p> {
        let statics = prog
            .statics
            .iter()
            .map(|d| {
                let leaked: &'static mut [u8] = Box::leak(d.clone().into_boxed_slice());
                leaked.as_ptr() as u64
            })
            .collect();
        Vm {
            prog,
            stack: Stack::default(),
            frames: Vec::with_capacity(64),
            globals: vec![0u64; (prog.globals_size as usize).div_ceil(8) + 1],
            statics,
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            errbuf: Vec::new(),
            defers: Vec::new(),
            panics: Vec::new(),
            fid: prog.entry,
            ctxt: 0,
            limit: 0,
            floor: 0,
            native_caller: None,
        }
    }

    /// Flushes the program's output (stdout buffer and pending print line).
    pub fn flush(&mut self) {
        let _ = self.out.flush();
        if !self.errbuf.is_empty() {
            let _ = std::io::stderr().write_all(&self.errbuf);
            self.errbuf.clear();
        }
    }

    /// Runs the program's entry function to the end.
    pub fn run(&mut self) -> Exit {
        // The loop's unchecked slot access and instruction fetch rely on it.
        if let Err(e) = self.prog.validate() {
            return self.internal_error(&e);
        }
        let r = self.execute();
        self.flush();
        r
    }

    /// The loop, from the program's entry.
    fn execute(&mut self) -> Exit {
        let bottom = self.stack.bottom();
        let entry = &self.prog.funcs[self.prog.entry as usize];
        // An entry frame bigger than the first segment (the package
        // initializers of a big literal) starts in a segment of its own.
        let base = match self.stack.fit(bottom, entry.frame_size) {
            None => return Exit::Code(2),
            Some(Fit::Here) => bottom,
            Some(Fit::NewSegment(_, p)) => p,
        };
        self.limit = self.stack.limit();
        zero_slots(base, entry.frame_size);
        self.execute_at(self.prog.entry, base, 0)
    }

    /// The loop, running function `fid` whose frame (arguments in place,
    /// the rest zeroed) is at `base`, with context register `ctxt`.
    fn execute_at(&mut self, fid: u32, base: *mut u64, ctxt: u64) -> Exit {
        // A nested run (a native calling Go) leaves the caller's
        // function and context register as it found them.
        let saved = (self.fid, self.ctxt);
        let r = self.run_loop(fid, base, ctxt);
        (self.fid, self.ctxt) = saved;
        self.limit = self.stack.limit();
        r
    }

    /// [`Self::execute_at`]'s loop.
    fn run_loop(&mut self, entry: u32, base: *mut u64, entry_ctxt: u64) -> Exit {
        let prog = self.prog;
        self.fid = entry;
        let func = &prog.funcs[entry as usize];
        let mut code: &[Op] = &func.code;
        let mut pc: usize = 0;
        if code.is_empty() {
            return self.internal_error("entry function without code");
        }
        let mut base = base;
        self.limit = self.stack.limit();
        self.ctxt = entry_ctxt;

        macro_rules! r {
            ($i:expr) => {
                reg(base, $i)
            };
        }
        macro_rules! w {
            ($i:expr, $v:expr) => {{
                let v = $v;
                set_reg(base, $i, v)
            }};
        }
        macro_rules! f64r {
            ($i:expr) => {
                f64::from_bits(reg(base, $i))
            };
        }
        macro_rules! f32r {
            ($i:expr) => {
                f32::from_bits(reg(base, $i) as u32)
            };
        }
        macro_rules! resume {
            ($r:expr) => {{
                match $r {
                    Ok(st) => {
                        let st: Resume = st;
                        self.fid = st.fid;
                        code = &prog.funcs[st.fid as usize].code;
                        pc = st.pc;
                        base = st.base;
                        self.ctxt = st.ctxt;
                        self.limit = self.stack.limit();
                        continue;
                    }
                    Err(x) => return x,
                }
            }};
        }
        macro_rules! throw {
            ($e:expr) => {{
                let e: RuntimeError = $e;
                let arg = runtime_error_eface(prog, &e);
                resume!(self.gopanic(arg, e.sigsegv, self.fid, pc as u32, base))
            }};
        }
        // gc's panicdivide: the static divideError, no allocation.
        macro_rules! throw_divide {
            () => {{
                resume!(self.panicdivide(self.fid, pc as u32, base))
            }};
        }
        macro_rules! addr {
            ($b:expr, $off:expr) => {{
                let p = reg(base, $b);
                if p < NIL_LIMIT {
                    throw!(RuntimeError::nil_deref());
                }
                p.wrapping_add($off as u64)
            }};
        }
        macro_rules! sh {
            ($i:expr) => {
                StringHeader {
                    ptr: reg(base, $i),
                    len: reg(base, $i + 1) as usize,
                }
            };
        }
        // The address of element R[i] of the slice or string whose {ptr,
        // len} is R[h..h+2], elements `w` bytes wide; gc's bounds check
        // (a negative index is huge as unsigned).
        macro_rules! elem {
            ($h:expr, $i:expr, $w:expr) => {{
                let (i, len) = (r!($i), r!($h + 1));
                if i >= len {
                    throw!(shims::index_error(i as i64, len as i64));
                }
                r!($h).wrapping_add(i.wrapping_mul($w))
            }};
        }
        macro_rules! str2 {
            ($i:expr) => {
                (reg(base, $i), reg(base, $i + 1))
            };
        }

        // A safe point: collect when a collection is due (gcroots.rs).
        macro_rules! c128 {
            ($a:expr, $b:expr, $c:expr, $op:ident) => {{
                let x = (f64::from_bits(r!($b)), f64::from_bits(r!($b + 1)));
                let y = (f64::from_bits(r!($c)), f64::from_bits(r!($c + 1)));
                let z = crate::complex::c128_op(crate::complex::op::$op, x, y);
                w!($a, z.0.to_bits());
                w!($a + 1, z.1.to_bits());
            }};
        }
        macro_rules! c64 {
            ($a:expr, $b:expr, $c:expr, $op:ident) => {
                w!(
                    $a,
                    crate::complex::c64_op(crate::complex::op::$op, r!($b), r!($c))
                )
            };
        }
        macro_rules! gc_safepoint {
            () => {
                if crate::mgc::gc_pending() {
                    self.collect(self.fid, base, self.ctxt, false);
                }
            };
        }

        loop {
            // By reference: each arm loads its own operands, so they are not
            // all loaded up front into registers the pc and base then lack.
            // Read where used rather than kept in a register for the
            // whole loop (the pc, code and base need them more).
            let prog = self.prog;
            let op: &Op = fetch(code, pc);
            pc += 1;
            match *op {
                Op::Nop {} => {}
                Op::Move { a, b } => w!(a, r!(b)),
                Op::MoveN { a, b, n } => copy_slots(window(base, a), window(base, b), n),
                Op::LoadK { a, k } => w!(a, prog.consts[k as usize]),
                Op::LoadI { a, i } => w!(a, i as i32 as i64 as u64),
                Op::Zero { a, n } => zero_slots(window(base, a), n),
                Op::AddI { a, b, c } => w!(a, r!(b).wrapping_add(r!(c))),
                Op::AddIK { a, b, i } => w!(a, r!(b).wrapping_add(i as i32 as i64 as u64)),
                Op::SubI { a, b, c } => w!(a, r!(b).wrapping_sub(r!(c))),
                Op::MulI { a, b, c } => w!(a, r!(b).wrapping_mul(r!(c))),
                Op::DivS { a, b, c } => {
                    let d = r!(c) as i64;
                    if d == 0 {
                        throw_divide!();
                    }
                    w!(a, (r!(b) as i64).wrapping_div(d) as u64)
                }
                Op::DivU { a, b, c } => {
                    let d = r!(c);
                    if d == 0 {
                        throw_divide!();
                    }
                    w!(a, r!(b) / d)
                }
                Op::RemS { a, b, c } => {
                    let d = r!(c) as i64;
                    if d == 0 {
                        throw_divide!();
                    }
                    w!(a, (r!(b) as i64).wrapping_rem(d) as u64)
                }
                Op::RemU { a, b, c } => {
                    let d = r!(c);
                    if d == 0 {
                        throw_divide!();
                    }
                    w!(a, r!(b) % d)
                }
                Op::And { a, b, c } => w!(a, r!(b) & r!(c)),
                Op::Or { a, b, c } => w!(a, r!(b) | r!(c)),
                Op::Xor { a, b, c } => w!(a, r!(b) ^ r!(c)),
                Op::AndNot { a, b, c } => w!(a, r!(b) & !r!(c)),
                Op::Shl { a, b, c } => {
                    let s = r!(c);
                    w!(a, if s >= 64 { 0 } else { r!(b) << s })
                }
                Op::ShrS { a, b, c } => {
                    let s = r!(c).min(63);
                    w!(a, ((r!(b) as i64) >> s) as u64)
                }
                Op::ShrU { a, b, c } => {
                    let s = r!(c);
                    w!(a, if s >= 64 { 0 } else { r!(b) >> s })
                }
                Op::ShiftCheck { a } => {
                    if (r!(a) as i64) < 0 {
                        throw!(RuntimeError::error_string("negative shift amount"));
                    }
                }
                Op::MulIK { a, b, i } => w!(a, r!(b).wrapping_mul(imm(i))),
                Op::DivSK { a, b, i } => {
                    let k = imm(i) as i64;
                    if k == 0 {
                        throw_divide!();
                    }
                    w!(a, (r!(b) as i64).wrapping_div(k) as u64)
                }
                Op::RemSK { a, b, i } => {
                    let k = imm(i) as i64;
                    if k == 0 {
                        throw_divide!();
                    }
                    w!(a, (r!(b) as i64).wrapping_rem(k) as u64)
                }
                Op::DivSP2 { a, b, s } => w!(a, div_s_p2(r!(b) as i64, s) as u64),
                Op::RemSP2 { a, b, s } => {
                    let x = r!(b) as i64;
                    w!(a, x.wrapping_sub(div_s_p2(x, s) << (s & 63)) as u64)
                }
                Op::DivUK { a, b, i } => {
                    let k = imm(i);
                    if k == 0 {
                        throw_divide!();
                    }
                    w!(a, r!(b) / k)
                }
                Op::RemUK { a, b, i } => {
                    let k = imm(i);
                    if k == 0 {
                        throw_divide!();
                    }
                    w!(a, r!(b) % k)
                }
                Op::AndK { a, b, i } => w!(a, r!(b) & imm(i)),
                Op::OrK { a, b, i } => w!(a, r!(b) | imm(i)),
                Op::XorK { a, b, i } => w!(a, r!(b) ^ imm(i)),
                Op::ShlK { a, b, i } => w!(a, r!(b) << (i & 63)),
                Op::ShrSK { a, b, i } => w!(a, ((r!(b) as i64) >> (i & 63)) as u64),
                Op::ShrUK { a, b, i } => w!(a, r!(b) >> (i & 63)),
                Op::NegI { a, b } => w!(a, r!(b).wrapping_neg()),
                Op::Com { a, b } => w!(a, !r!(b)),
                Op::Not { a, b } => w!(a, r!(b) ^ 1),
                Op::SExt8 { a, b } => w!(a, r!(b) as i8 as i64 as u64),
                Op::SExt16 { a, b } => w!(a, r!(b) as i16 as i64 as u64),
                Op::SExt32 { a, b } => w!(a, r!(b) as i32 as i64 as u64),
                Op::ZExt8 { a, b } => w!(a, r!(b) as u8 as u64),
                Op::ZExt16 { a, b } => w!(a, r!(b) as u16 as u64),
                Op::ZExt32 { a, b } => w!(a, r!(b) as u32 as u64),
                Op::EqI { a, b, c } => w!(a, (r!(b) == r!(c)) as u64),
                Op::NeI { a, b, c } => w!(a, (r!(b) != r!(c)) as u64),
                Op::LtS { a, b, c } => w!(a, ((r!(b) as i64) < (r!(c) as i64)) as u64),
                Op::LeS { a, b, c } => w!(a, ((r!(b) as i64) <= (r!(c) as i64)) as u64),
                Op::LtU { a, b, c } => w!(a, (r!(b) < r!(c)) as u64),
                Op::LeU { a, b, c } => w!(a, (r!(b) <= r!(c)) as u64),
                Op::AddF { a, b, c } => w!(a, (f64r!(b) + f64r!(c)).to_bits()),
                Op::SubF { a, b, c } => w!(a, (f64r!(b) - f64r!(c)).to_bits()),
                Op::MulF { a, b, c } => w!(a, (f64r!(b) * f64r!(c)).to_bits()),
                Op::DivF { a, b, c } => w!(a, (f64r!(b) / f64r!(c)).to_bits()),
                Op::NegF { a, b } => w!(a, (-f64r!(b)).to_bits()),
                Op::EqF { a, b, c } => w!(a, (f64r!(b) == f64r!(c)) as u64),
                Op::NeF { a, b, c } => w!(a, (f64r!(b) != f64r!(c)) as u64),
                Op::LtF { a, b, c } => w!(a, (f64r!(b) < f64r!(c)) as u64),
                Op::LeF { a, b, c } => w!(a, (f64r!(b) <= f64r!(c)) as u64),
                Op::AddF32 { a, b, c } => w!(a, (f32r!(b) + f32r!(c)).to_bits() as u64),
                Op::SubF32 { a, b, c } => w!(a, (f32r!(b) - f32r!(c)).to_bits() as u64),
                Op::MulF32 { a, b, c } => w!(a, (f32r!(b) * f32r!(c)).to_bits() as u64),
                Op::DivF32 { a, b, c } => w!(a, (f32r!(b) / f32r!(c)).to_bits() as u64),
                Op::NegF32 { a, b } => w!(a, (-f32r!(b)).to_bits() as u64),
                Op::EqF32 { a, b, c } => w!(a, (f32r!(b) == f32r!(c)) as u64),
                Op::NeF32 { a, b, c } => w!(a, (f32r!(b) != f32r!(c)) as u64),
                Op::LtF32 { a, b, c } => w!(a, (f32r!(b) < f32r!(c)) as u64),
                Op::LeF32 { a, b, c } => w!(a, (f32r!(b) <= f32r!(c)) as u64),
                Op::CvtS2F { a, b } => w!(a, (r!(b) as i64 as f64).to_bits()),
                Op::CvtU2F { a, b } => w!(a, (r!(b) as f64).to_bits()),
                Op::CvtF2S { a, b } => w!(a, f2s(f64r!(b)) as u64),
                Op::CvtF2U { a, b } => w!(a, f2u(f64r!(b))),
                Op::CvtS2F32 { a, b } => w!(a, (r!(b) as i64 as f32).to_bits() as u64),
                Op::CvtU2F32 { a, b } => w!(a, (r!(b) as f32).to_bits() as u64),
                Op::CvtF322S { a, b } => w!(a, f2s(f32r!(b) as f64) as u64),
                Op::CvtF322U { a, b } => w!(a, f2u(f32r!(b) as f64)),
                Op::CvtF2F32 { a, b } => w!(a, (f64r!(b) as f32).to_bits() as u64),
                Op::CvtF322F { a, b } => w!(a, (f32r!(b) as f64).to_bits()),
                Op::Jmp { t } => pc = t as usize,
                Op::JmpIf { a, t } => {
                    if r!(a) != 0 {
                        pc = t as usize
                    }
                }
                Op::JmpIfNot { a, t } => {
                    if r!(a) == 0 {
                        pc = t as usize
                    }
                }
                Op::JEq { a, b, t } => {
                    if r!(a) == r!(b) {
                        pc = t as usize
                    }
                }
                Op::JNe { a, b, t } => {
                    if r!(a) != r!(b) {
                        pc = t as usize
                    }
                }
                Op::JLtS { a, b, t } => {
                    if (r!(a) as i64) < (r!(b) as i64) {
                        pc = t as usize
                    }
                }
                Op::JLeS { a, b, t } => {
                    if (r!(a) as i64) <= (r!(b) as i64) {
                        pc = t as usize
                    }
                }
                Op::JLtU { a, b, t } => {
                    if r!(a) < r!(b) {
                        pc = t as usize
                    }
                }
                Op::JLeU { a, b, t } => {
                    if r!(a) <= r!(b) {
                        pc = t as usize
                    }
                }
                Op::JLtSK { a, i, t } => {
                    if (r!(a) as i64) < (i as i32 as i64) {
                        pc = t as usize
                    }
                }
                Op::JGeSK { a, i, t } => {
                    if (r!(a) as i64) >= (i as i32 as i64) {
                        pc = t as usize
                    }
                }
                Op::JEqK { a, i, t } => {
                    if r!(a) == imm(i) {
                        pc = t as usize
                    }
                }
                Op::JNeK { a, i, t } => {
                    if r!(a) != imm(i) {
                        pc = t as usize
                    }
                }
                Op::Call { a, f } | Op::CallClosure { a, b: f } | Op::CallIface { a, b: f, .. } => {
                    let f = if let Op::CallIface { b, m, .. } = *op {
                        match super::ifaceops::iface_method(base, b, m) {
                            Ok(id) if (id as usize) < prog.funcs.len() => id,
                            Ok(_) => return self.internal_error("itab names a bad function"),
                            Err(e) => throw!(e),
                        }
                    } else if let Op::CallClosure { b, .. } = *op {
                        let fv = r!(b);
                        if fv < NIL_LIMIT {
                            throw!(RuntimeError::nil_deref());
                        }
                        self.ctxt = fv;
                        let id = mem::load_u64(fv);
                        if id as usize >= prog.funcs.len() {
                            return self.internal_error("call of a bad funcval");
                        }
                        id as u32
                    } else {
                        f
                    };
                    let callee = &prog.funcs[f as usize];
                    // Static callees have code (Program::validate).
                    if !matches!(op, Op::Call { .. }) && callee.code.is_empty() {
                        return self.internal_error("call of a function without code");
                    }
                    let win = window(base, a);
                    let seg = self.stack.cur as u32;
                    let fits = (win as usize) + (callee.frame_size as usize) * 8 <= self.limit;
                    let newbase = match if fits {
                        Some(Fit::Here)
                    } else {
                        self.stack.grow(callee.frame_size)
                    } {
                        Some(Fit::Here) => win,
                        Some(Fit::NewSegment(_, p)) => {
                            copy_slots(p, win, callee.param_slots);
                            self.limit = self.stack.limit();
                            p
                        }
                        None => {
                            self.frames.push(Frame {
                                func: self.fid,
                                pc: pc as u32,
                                base,
                                seg,
                                window: win,
                                panic_defer: false,
                                deferreturn: false,
                            });
                            return self.stack_overflow(f);
                        }
                    };
                    self.frames.push(Frame {
                        func: self.fid,
                        pc: pc as u32,
                        base,
                        seg,
                        window: win,
                        panic_defer: false,
                        deferreturn: false,
                    });
                    zero_slots(
                        window(newbase, callee.param_slots),
                        callee.frame_size - callee.param_slots,
                    );
                    self.fid = f;
                    code = &callee.code;
                    pc = 0;
                    base = newbase;
                    gc_safepoint!();
                }
                Op::LoadCtxt { a } => w!(a, self.ctxt),
                Op::CallNative { a, n } => {
                    let fid = self.fid;
                    match self.call_native(n, fid, pc as u32, base, a) {
                        Ok(()) => {}
                        Err(reenter::Raise::Error(e)) => throw!(e),
                        Err(reenter::Raise::Value(v)) => {
                            resume!(self.gopanic(v, false, fid, pc as u32, base))
                        }
                        Err(reenter::Raise::Continue) => {
                            resume!(self.panic_continue(fid, pc as u32, base))
                        }
                        Err(reenter::Raise::Exit(x)) => return x,
                    }
                    self.limit = self.stack.limit();
                    gc_safepoint!();
                }
                Op::Ret {} => {
                    let func = &prog.funcs[self.fid as usize];
                    // deferreturn: run this frame's deferred calls first;
                    // the Ret runs again when each returns.
                    if let Some(d) = self.defers.last().copied() {
                        if d.depth == self.frames.len() {
                            self.defers.pop();
                            resume!(self.start_deferred(d.fv, self.fid, pc as u32, base, false));
                        }
                    }
                    let Some(fr) = self.frames.pop() else {
                        return Exit::Code(0);
                    };
                    if fr.window != base {
                        copy_slots(
                            window(fr.window, func.param_slots),
                            window(base, func.param_slots),
                            func.result_slots,
                        );
                        self.stack.back_to(fr.seg as usize);
                        self.limit = self.stack.limit();
                    }
                    if self.frames.len() < self.floor {
                        // The frame a native called returned (reenter.rs).
                        return Exit::Returned;
                    }
                    self.fid = fr.func;
                    let caller = &prog.funcs[fr.func as usize];
                    code = &caller.code;
                    pc = fr.pc as usize;
                    base = fr.base;
                    if fr.deferreturn {
                        pc = caller.epilogue_pc as usize;
                    }
                    if fr.panic_defer {
                        resume!(self.panic_continue(fr.func, pc as u32, base));
                    }
                }
                Op::FrameAddr { a, b } => w!(a, slot_addr(base, b)),
                Op::GlobalAddr { a, off } => {
                    w!(a, self.globals.as_mut_ptr() as u64 + off as u64)
                }
                Op::StaticAddr { a, k } => {
                    w!(a, self.statics[prog.consts[k as usize] as usize])
                }
                Op::NilCheck { a } => {
                    if r!(a) < NIL_LIMIT {
                        throw!(RuntimeError::nil_deref());
                    }
                }
                Op::Load8S { a, b, off } => w!(a, mem::load_u8(addr!(b, off)) as i8 as i64 as u64),
                Op::Load8U { a, b, off } => w!(a, mem::load_u8(addr!(b, off)) as u64),
                Op::Load16S { a, b, off } => {
                    w!(a, mem::load_u16(addr!(b, off)) as i16 as i64 as u64)
                }
                Op::Load16U { a, b, off } => w!(a, mem::load_u16(addr!(b, off)) as u64),
                Op::Load32S { a, b, off } => {
                    w!(a, mem::load_u32(addr!(b, off)) as i32 as i64 as u64)
                }
                Op::Load32U { a, b, off } => w!(a, mem::load_u32(addr!(b, off)) as u64),
                Op::Load64 { a, b, off } => w!(a, mem::load_u64(addr!(b, off))),
                Op::LoadN { a, b, n } => {
                    let p = addr!(b, 0);
                    mem::memmove(slot_addr(base, a), p, n as usize * 8);
                }
                Op::Store8 { a, off, b } => mem::store_u8(addr!(a, off), r!(b) as u8),
                Op::Store16 { a, off, b } => mem::store_u16(addr!(a, off), r!(b) as u16),
                Op::Store32 { a, off, b } => mem::store_u32(addr!(a, off), r!(b) as u32),
                Op::Store64 { a, off, b } => mem::store_u64(addr!(a, off), r!(b)),
                Op::StoreN { a, b, n } => {
                    let p = addr!(a, 0);
                    mem::memmove(p, slot_addr(base, b), n as usize * 8);
                }
                Op::CopyMem { a, b, n } => {
                    let d = addr!(a, 0);
                    let s = addr!(b, 0);
                    mem::memmove(d, s, n as usize);
                }
                Op::ZeroMem { a, n } => {
                    let d = addr!(a, 0);
                    mem::memclr(d, n as usize);
                }
                Op::IndexAddr { a, b, n } => {
                    w!(a, r!(a).wrapping_add(r!(b).wrapping_mul(n as u64)))
                }
                Op::LoadIdx8U { a, b, c } => w!(a, mem::load_u8(elem!(b, c, 1)) as u64),
                Op::LoadIdx8S { a, b, c } => {
                    w!(a, mem::load_u8(elem!(b, c, 1)) as i8 as i64 as u64)
                }
                Op::LoadIdx16U { a, b, c } => w!(a, mem::load_u16(elem!(b, c, 2)) as u64),
                Op::LoadIdx16S { a, b, c } => {
                    w!(a, mem::load_u16(elem!(b, c, 2)) as i16 as i64 as u64)
                }
                Op::LoadIdx32U { a, b, c } => w!(a, mem::load_u32(elem!(b, c, 4)) as u64),
                Op::LoadIdx32S { a, b, c } => {
                    w!(a, mem::load_u32(elem!(b, c, 4)) as i32 as i64 as u64)
                }
                Op::LoadIdx64 { a, b, c } => w!(a, mem::load_u64(elem!(b, c, 8))),
                Op::StoreIdx8 { a, b, c } => mem::store_u8(elem!(a, b, 1), r!(c) as u8),
                Op::StoreIdx16 { a, b, c } => mem::store_u16(elem!(a, b, 2), r!(c) as u16),
                Op::StoreIdx32 { a, b, c } => mem::store_u32(elem!(a, b, 4), r!(c) as u32),
                Op::StoreIdx64 { a, b, c } => mem::store_u64(elem!(a, b, 8), r!(c)),
                Op::Newobject { a, k } => {
                    let t = prog.types[prog.consts[k as usize] as usize];
                    w!(a, crate::malloc::newobject(t));
                    gc_safepoint!();
                }
                Op::BoundsCheck { a, b } => {
                    if r!(a) >= r!(b) {
                        throw!(shims::index_error(r!(a) as i64, r!(b) as i64));
                    }
                }
                Op::SliceCheck { a, b, c } => {
                    if let Some(e) =
                        shims::slice_error(r!(a) as i64, r!(b) as i64, r!(c) as i64, true)
                    {
                        throw!(e);
                    }
                }
                Op::SliceCheckLen { a, b, c } => {
                    if let Some(e) =
                        shims::slice_error(r!(a) as i64, r!(b) as i64, r!(c) as i64, false)
                    {
                        throw!(e);
                    }
                }
                Op::SliceCheck3 { a } => {
                    let v = |i| r!(a + i) as i64;
                    if let Some(e) = shims::slice3_error(v(0), v(1), v(2), v(3)) {
                        throw!(e);
                    }
                }
                Op::Concatstrings { a, b, n } => {
                    // gc's concatstring2..5 take their operands on the
                    // stack; only longer chains need a heap list.
                    let mut few = [StringHeader::default(); 5];
                    let many: Vec<StringHeader>;
                    let parts: &[StringHeader] = if n as usize <= few.len() {
                        for (i, p) in few.iter_mut().take(n as usize).enumerate() {
                            *p = sh!(b + 2 * i as u32);
                        }
                        &few[..n as usize]
                    } else {
                        many = (0..n).map(|i| sh!(b + 2 * i)).collect();
                        &many
                    };
                    let s = string::concatstrings(None, parts);
                    w!(a, s.ptr);
                    w!(a + 1, s.len as u64);
                    gc_safepoint!();
                }
                Op::CmpString { a, b, c } => {
                    w!(a, string::cmpstring(sh!(b), sh!(c)) as u64)
                }
                Op::EqString { a, b, c } => {
                    let (x, y) = (str2!(b), str2!(c));
                    let eq = x.1 == y.1 && (x.0 == y.0 || mem::memequal(x.0, y.0, x.1 as usize));
                    w!(a, eq as u64)
                }
                Op::MakeSlice { a, b, k } => {
                    let t = prog.types[prog.consts[k as usize] as usize];
                    let (len, cap) = (r!(b) as i64, r!(b + 1) as i64);
                    match slice::makeslice(t, len, cap) {
                        Ok(p) => {
                            w!(a, p);
                            w!(a + 1, len as u64);
                            w!(a + 2, cap as u64);
                        }
                        Err(e) => throw!(e),
                    }
                    gc_safepoint!();
                }
                Op::GrowSlice { a, b, k } => {
                    let newlen = r!(b);
                    if newlen > r!(a + 2) {
                        let t = prog.types[prog.consts[k as usize] as usize];
                        let old = SliceHeader {
                            array: r!(a),
                            len: r!(a + 1) as usize,
                            cap: r!(a + 2) as usize,
                        };
                        match slice::growslice(t, old, newlen as usize) {
                            Ok(sl) => {
                                w!(a, sl.array);
                                w!(a + 2, sl.cap as u64);
                            }
                            Err(e) => throw!(e),
                        }
                        w!(a + 1, newlen);
                        gc_safepoint!();
                    }
                    w!(a + 1, newlen);
                }
                Op::SliceCopy { a, b, n } => {
                    let (dp, dl) = (r!(b), r!(b + 1));
                    let (sp, sl) = (r!(b + 3), r!(b + 4));
                    let m = dl.min(sl);
                    mem::memmove(dp, sp, (m * n as u64) as usize);
                    w!(a, m);
                }
                Op::StringToBytes { a, b } => {
                    let sl = string::stringtoslicebyte(None, sh!(b));
                    w!(a, sl.array);
                    w!(a + 1, sl.len as u64);
                    w!(a + 2, sl.cap as u64);
                    gc_safepoint!();
                }
                Op::BytesToString { a, b } => {
                    let s = string::slicebytetostring(None, r!(b), r!(b + 1) as usize);
                    w!(a, s.ptr);
                    w!(a + 1, s.len as u64);
                    gc_safepoint!();
                }
                Op::RuneToString { a, b } => {
                    let s = string::intstring(None, r!(b) as i64);
                    w!(a, s.ptr);
                    w!(a + 1, s.len as u64);
                    gc_safepoint!();
                }
                Op::StringToRunes { a, b } => {
                    let sl = string::stringtoslicerune(None, sh!(b));
                    w!(a, sl.array);
                    w!(a + 1, sl.len as u64);
                    w!(a + 2, sl.cap as u64);
                    gc_safepoint!();
                }
                Op::RunesToString { a, b } => {
                    let s = string::slicerunetostring(None, r!(b), r!(b + 1) as usize);
                    w!(a, s.ptr);
                    w!(a + 1, s.len as u64);
                    gc_safepoint!();
                }
                Op::DecodeRune { a, b, c } => {
                    let s = str2!(b);
                    let k = r!(c) as usize;
                    let bytes = mem::bytes(s.0, s.1 as usize);
                    let b0 = bytes.get(k).copied().unwrap_or(0);
                    let (rn, next) = if b0 < 0x80 {
                        (b0 as i64, k + 1)
                    } else {
                        let (r, next) = string::decoderune(bytes, k);
                        (r as i64, next)
                    };
                    w!(a, rn as u64);
                    w!(a + 1, next as u64);
                }
                Op::PrintInt { a } => print::printint(&mut self.errbuf, r!(a) as i64),
                Op::PrintUint { a } => print::printuint(&mut self.errbuf, r!(a)),
                Op::PrintFloat { a } => print::printfloat(&mut self.errbuf, f64r!(a)),
                Op::PrintComplex { a } => {
                    print::printcomplex(&mut self.errbuf, f64r!(a), f64r!(a + 1))
                }
                Op::PrintBool { a } => print::printbool(&mut self.errbuf, r!(a) != 0),
                Op::PrintPointer { a } => print::printhex(&mut self.errbuf, r!(a)),
                Op::PrintString { a } => {
                    let (p, l) = str2!(a);
                    self.errbuf.extend_from_slice(mem::bytes(p, l as usize));
                }
                Op::PrintSlice { a } => {
                    print::printslice(&mut self.errbuf, r!(a), r!(a + 1) as i64, r!(a + 2) as i64)
                }
                Op::PrintEface { a } => print::printeface(&mut self.errbuf, r!(a), r!(a + 1)),
                Op::PrintSp {} => self.errbuf.push(b' '),
                Op::PrintNl {} => {
                    self.errbuf.push(b'\n');
                    let _ = self.out.flush();
                    let _ = std::io::stderr().write_all(&self.errbuf);
                    self.errbuf.clear();
                }
                Op::Exit { a } => return Exit::Code(r!(a) as i64 as i32),
                Op::MakeMap { a, b, t } => {
                    if let Err(e) = mapops::make_map(prog, base, a, b, t) {
                        throw!(e)
                    }
                    gc_safepoint!();
                }
                Op::MakeMapLocal { a, b, t } => {
                    if let Err(e) = mapops::make_map_local(prog, base, a, b, t) {
                        throw!(e)
                    }
                    gc_safepoint!();
                }
                Op::MapAccess1 { a, b, t } => {
                    if let Err(e) = mapops::access1(prog, base, a, b, t) {
                        throw!(e)
                    }
                }
                Op::MapAccess2 { a, b, t } => {
                    if let Err(e) = mapops::access2(prog, base, a, b, t) {
                        throw!(e)
                    }
                }
                Op::MapAssign { a, b, t } => {
                    if let Err(e) = mapops::assign(prog, base, a, b, t) {
                        throw!(e)
                    }
                    gc_safepoint!();
                }
                Op::MapDelete { a, t } => {
                    if let Err(e) = mapops::delete(prog, base, a, t) {
                        throw!(e)
                    }
                }
                Op::MapClear { a, t } => {
                    if let Err(e) = mapops::clear(prog, base, a, t) {
                        throw!(e)
                    }
                }
                Op::MapLen { a, b } => mapops::len(base, a, b),
                Op::MapIterInit { a, b, t } => mapops::iter_init(prog, base, a, b, t),
                Op::MapIterNext { a } => mapops::iter_next(base, a),
                Op::MakeEface { a, b, k } => {
                    let kd = prog.consts[k as usize];
                    let name = prog
                        .strings
                        .get((kd >> 8) as usize)
                        .map_or("", |s| s.as_str());
                    let kind = kd & 0xff;
                    let t = crate::iface::basic_type(kind, name);
                    let n = if matches!(kind, kind::STRING | kind::COMPLEX128) {
                        2
                    } else {
                        1
                    };
                    let words: Vec<u64> = (0..n).map(|i| r!(b + i)).collect();
                    let data = crate::iface::convT(t, &words);
                    w!(a, t as *const crate::types::Type as u64);
                    w!(a + 1, data);
                    gc_safepoint!();
                }
                Op::ConvT { .. }
                | Op::TypeWord { .. }
                | Op::ItabWord { .. }
                | Op::ConvI { .. }
                | Op::EqEface { .. }
                | Op::EqIface { .. }
                | Op::AssertT { .. }
                | Op::AssertT2 { .. }
                | Op::AssertI { .. }
                | Op::AssertI2 { .. } => {
                    if let Err(e) = super::ifaceops::exec(prog, base, *op) {
                        throw!(e)
                    }
                    gc_safepoint!();
                }
                Op::Gopanic { a } => {
                    let arg = (r!(a), r!(a + 1));
                    resume!(self.gopanic(arg, false, self.fid, pc as u32, base))
                }
                Op::Recover { a } => {
                    // recover() counts only when called by the deferred
                    // function the panic runs; compiler-made wrappers are
                    // transparent on both sides: the one a panic calls
                    // around the deferred function, and the one of a
                    // `defer recover()` (recover is then called by the
                    // function deferring it, as in gc).
                    let here = self.frames.len();
                    let n = here - usize::from(here > 0 && prog.funcs[self.fid as usize].wrapper);
                    let direct = |p: &Panic| {
                        n == p.call_depth
                            || (n == p.call_depth + 1
                                && self
                                    .frames
                                    .get(p.call_depth)
                                    .is_some_and(|f| prog.funcs[f.func as usize].wrapper))
                    };
                    let val = match self.panics.last() {
                        Some(p) if !p.recovered && direct(p) => Some(p.arg),
                        _ => None,
                    };
                    match val {
                        Some(v) => {
                            if let Some(p) = self.panics.last_mut() {
                                p.recovered = true;
                            }
                            w!(a, v.0);
                            w!(a + 1, v.1);
                        }
                        None => {
                            w!(a, 0);
                            w!(a + 1, 0);
                        }
                    }
                }
                Op::Deferproc { a } => {
                    let fv = r!(a);
                    self.defers.push(Defer {
                        fv,
                        depth: self.frames.len(),
                    });
                }
                Op::Gc {} => self.collect(self.fid, base, self.ctxt, true),
                Op::ReadMemStats { a } => {
                    let p = addr!(a, 0);
                    crate::mgc::read_mem_stats().store(p);
                }
                Op::NumGoroutine { a } => w!(a, crate::debug::num_goroutine() as u64),
                Op::Gomaxprocs { a, b } => w!(a, crate::debug::gomaxprocs(r!(b) as i64) as u64),
                Op::PanicWrap { k } => {
                    let s = prog.strings[prog.consts[k as usize] as usize].clone();
                    throw!(RuntimeError::new(
                        crate::error::RuntimeErrorKind::PlainError,
                        s
                    ));
                }
                Op::EqualT { a, b, t } => {
                    let ty = prog.types[t as usize];
                    let n = ty.size.div_ceil(8) as u32;
                    let (x, y) = (slot_addr(base, b), slot_addr(base, b + n));
                    match crate::alg::typ_equal(ty, x, y) {
                        Ok(eq) => w!(a, eq as u64),
                        Err(e) => throw!(e),
                    }
                }
                Op::C128Add { a, b, c } => c128!(a, b, c, ADD),
                Op::C128Sub { a, b, c } => c128!(a, b, c, SUB),
                Op::C128Mul { a, b, c } => c128!(a, b, c, MUL),
                Op::C128Div { a, b, c } => c128!(a, b, c, DIV),
                Op::C128Neg { a, b } => c128!(a, b, b, NEG),
                Op::C64Add { a, b, c } => c64!(a, b, c, ADD),
                Op::C64Sub { a, b, c } => c64!(a, b, c, SUB),
                Op::C64Mul { a, b, c } => c64!(a, b, c, MUL),
                Op::C64Div { a, b, c } => c64!(a, b, c, DIV),
                Op::C64Neg { a, b } => c64!(a, b, b, NEG),
                Op::C64Make { a, b, c } => {
                    let (re, im) = (f32::from_bits(r!(b) as u32), f32::from_bits(r!(c) as u32));
                    w!(a, crate::complex::c64_word(re, im))
                }
                Op::C64Part { a, b, i } => {
                    let (re, im) = crate::complex::c64_parts(r!(b));
                    w!(a, (if i == 0 { re } else { im }).to_bits() as u64)
                }
                Op::C64To128 { a, b } => {
                    let (re, im) = crate::complex::c64_parts(r!(b));
                    w!(a, (re as f64).to_bits());
                    w!(a + 1, (im as f64).to_bits());
                }
                Op::C128To64 { a, b } => {
                    let (re, im) = (f64::from_bits(r!(b)), f64::from_bits(r!(b + 1)));
                    w!(a, crate::complex::c64_word(re as f32, im as f32))
                }
                Op::SliceToArrayPtr { a, b, n } => {
                    let len = r!(b + 1);
                    if len < n as u64 {
                        throw!(RuntimeError::new(
                            crate::error::RuntimeErrorKind::Bounds,
                            format!(
                                "cannot convert slice with length {len} to pointer to array with length {n}"
                            ),
                        ));
                    }
                    w!(a, r!(b))
                }
                Op::PanicMsg { k } => {
                    let s = prog.strings[prog.consts[k as usize] as usize].clone();
                    throw!(RuntimeError::error_string(s));
                }
            }
        }
    }
}
