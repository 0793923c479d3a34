//! runtime and runtime/debug natives: the call stack (Caller, Callers,
//! CallersFrames, FuncForPC, Stack, debug.Stack), the collector's knobs
//! (debug.SetGCPercent, debug.FreeOSMemory) and the trivial ones
//! (KeepAlive, NumCPU, Gosched, GOROOT, Version, LockOSThread).
//!
//! Program counters: goscope has no machine code, so a pc is an encoding
//! of (function, instruction): `FUNC_BASE + fid<<20 + index` for a Go
//! function (a frame's pc is the instruction after its call, gc's return
//! address), and one pc per runtime frame gc would show around the
//! program's (runtime.Callers, runtime.gopanic, runtime.main,
//! runtime.goexit) with gc's file and line. A `*runtime.Func` is the
//! function's entry pc: an address Go code never dereferences (Func is
//! opaque) and the collector ignores (it is outside the heap).
//!
//! Example: `runtime.Caller(0)` in main.f at instruction 12 (a call on
//! line 10 of /tmp/x.go) returns (pc of instruction 11, "/tmp/x.go",
//! 10, true), and `FuncForPC(pc).Name()` is "main.f".

use super::{native, Ctx, Native};
use crate::mem;
use crate::types::{Kind, Type, TypeExtra};
use crate::vm::interp::callers::Site;
use crate::vm::{Program, Raise};

type R = Result<(), Raise>;

/// Where gc's runtime sources are (tracebacks print them).
const GOROOT: &str = "/usr/lib/go-1.19";

/// The pc of runtime frame k is `PSEUDO_BASE + k*0x1000 + 1`.
const PSEUDO_BASE: u64 = 0x40_1000;
/// The pc of instruction i of Go function f is `FUNC_BASE + f<<20 + i`.
const FUNC_BASE: u64 = 0x1000_0000;

/// The runtime frames gc shows: (name, file under GOROOT, line).
const PSEUDO: &[(&str, &str, i64)] = &[
    ("runtime.Callers", "src/runtime/extern.go", 247),
    ("runtime.gopanic", "src/runtime/panic.go", 884),
    ("runtime.main", "src/runtime/proc.go", 250),
    ("runtime.goexit", "src/runtime/asm_amd64.s", 1594),
];
const CALLERS: usize = 0;
const GOPANIC: usize = 1;
const MAIN: usize = 2;
const GOEXIT: usize = 3;

/// A decoded pc.
#[derive(Clone, Copy)]
enum Pc {
    Runtime(usize),
    Go { fid: u32, index: u32 },
}

fn runtime_pc(k: usize) -> u64 {
    PSEUDO_BASE + (k as u64) * 0x1000 + 1
}

fn go_pc(fid: u32, index: u32) -> u64 {
    FUNC_BASE + ((fid as u64) << 20) + index as u64
}

/// The pc's function and instruction, if it is inside one.
fn decode(prog: &Program, pc: u64) -> Option<Pc> {
    if (PSEUDO_BASE..PSEUDO_BASE + 0x1000 * PSEUDO.len() as u64).contains(&pc) {
        return Some(Pc::Runtime(((pc - PSEUDO_BASE) / 0x1000) as usize));
    }
    let off = pc.checked_sub(FUNC_BASE)?;
    let (fid, index) = ((off >> 20) as u32, (off & 0xf_ffff) as u32);
    let f = prog.funcs.get(fid as usize)?;
    (index as usize <= f.code.len() && !f.code.is_empty()).then_some(Pc::Go { fid, index })
}

/// The entry pc of the pc's function.
fn entry(p: Pc) -> u64 {
    match p {
        Pc::Runtime(k) => runtime_pc(k) - 1,
        Pc::Go { fid, .. } => go_pc(fid, 0),
    }
}

/// The function name, file and line of the instruction at `p`.
fn describe(prog: &Program, p: Pc) -> (String, String, i64) {
    match p {
        Pc::Runtime(k) => {
            let (name, file, line) = PSEUDO[k];
            (name.into(), format!("{GOROOT}/{file}"), line)
        }
        Pc::Go { fid, index } => {
            let f = &prog.funcs[fid as usize];
            let i = (index as usize).min(f.lines.len().saturating_sub(1));
            let line = f.lines.get(i).copied().unwrap_or(0);
            (f.name.clone(), f.file.clone(), line as i64)
        }
    }
}

/// The goroutine's return addresses from the native's caller outward,
/// ending with runtime.main and runtime.goexit as gc's do.
fn stack_pcs(c: &Ctx<'_, '_>) -> Vec<u64> {
    let mut v: Vec<u64> =
        c.vm.native_call_stack()
            .into_iter()
            .map(|s| match s {
                Site::Go { fid, pc } => go_pc(fid, pc),
                Site::Gopanic => runtime_pc(GOPANIC),
            })
            .collect();
    v.push(runtime_pc(MAIN));
    v.push(runtime_pc(GOEXIT));
    v
}

/// The frame's pc for a return address: the call instruction (gc's
/// Frames.Next `pc--` when pc is past the function's entry).
fn frame_pc(prog: &Program, ret: u64) -> Option<(u64, Pc)> {
    let p = decode(prog, ret)?;
    let pc = if ret > entry(p) { ret - 1 } else { ret };
    Some((pc, decode(prog, pc)?))
}

/// `runtime.Caller(skip) (pc uintptr, file string, line int, ok bool)`.
fn caller(c: &mut Ctx<'_, '_>) -> R {
    let skip = c.arg(0) as i64;
    let pcs = stack_pcs(c);
    let prog = c.vm.program();
    let found = usize::try_from(skip)
        .ok()
        .and_then(|s| pcs.get(s))
        .and_then(|&ret| frame_pc(prog, ret));
    let Some((pc, p)) = found else {
        for i in 1..=5 {
            c.set(i, 0);
        }
        return Ok(());
    };
    let (_, file, line) = describe(prog, p);
    c.set(1, pc);
    c.set_str(2, file.as_bytes());
    c.set(4, line as u64);
    c.set_bool(5, true);
    Ok(())
}

/// `runtime.Callers(skip, pc []uintptr) int`: skip 0 is runtime.Callers
/// itself.
fn callers(c: &mut Ctx<'_, '_>) -> R {
    let skip = (c.arg(0) as i64).max(0) as usize;
    let (arr, len) = (c.arg(1), c.arg(2) as usize);
    let mut pcs = vec![runtime_pc(CALLERS)];
    pcs.extend(stack_pcs(c));
    let n = pcs.len().saturating_sub(skip).min(len);
    for (i, &pc) in pcs.iter().skip(skip).take(n).enumerate() {
        mem::store_u64(arr + 8 * i as u64, pc);
    }
    c.set(4, n as u64);
    Ok(())
}

/// A `runtime.Frames` object: `callers []uintptr` at 0, `frames
/// []Frame` at 24, `frameStore [2]Frame` at 48 (Frame is 80 bytes with
/// pointers at words 1, 2, 4, 8, 9).
static FRAMES: Type = Type {
    size: 208,
    ptrdata: 208,
    hash: 0,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: Kind::Struct,
    gcdata: &[0x89, 0xc5, 0x16, 0x03],
    str: "runtime.Frames",
    extra: TypeExtra::None,
    uncommon: None,
};

/// `runtime.CallersFrames(callers []uintptr) *Frames`.
fn callers_frames(c: &mut Ctx<'_, '_>) -> R {
    let f = crate::malloc::mallocgc(FRAMES.size, Some(&FRAMES), true);
    for i in 0..3 {
        mem::store_u64(f + 8 * i, c.arg(i as u32));
    }
    c.set(3, f);
    Ok(())
}

/// `(*Frames).Next() (frame Frame, more bool)`: the next pc of callers
/// that is inside a function, as gc's Frame; `more` while pcs remain.
fn frames_next(c: &mut Ctx<'_, '_>) -> R {
    let f = c.arg(0);
    if f < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let prog = c.vm.program();
    for i in 1..=11 {
        c.set(i, 0);
    }
    loop {
        let (arr, len, cap) = (
            mem::load_u64(f),
            mem::load_u64(f + 8),
            mem::load_u64(f + 16),
        );
        if len == 0 {
            return Ok(());
        }
        let ret = mem::load_u64(arr);
        // callers = callers[1:], keeping the base pointer at cap 0.
        if cap > 1 {
            mem::store_u64(f, arr + 8);
        }
        mem::store_u64(f + 8, len - 1);
        mem::store_u64(f + 16, cap - 1);
        let Some((pc, p)) = frame_pc(prog, ret) else {
            continue;
        };
        let (name, file, line) = describe(prog, p);
        c.set(1, pc);
        c.set(2, entry(p));
        c.set_str(3, name.as_bytes());
        c.set_str(5, file.as_bytes());
        c.set(7, line as u64);
        c.set(8, entry(p));
        c.set_bool(11, len > 1);
        return Ok(());
    }
}

/// `runtime.FuncForPC(pc) *Func`: the function's entry pc, nil outside
/// every function.
fn func_for_pc(c: &mut Ctx<'_, '_>) -> R {
    let f = decode(c.vm.program(), c.arg(0)).map_or(0, entry);
    c.set(1, f);
    Ok(())
}

fn func_name(c: &mut Ctx<'_, '_>) -> R {
    let name = decode(c.vm.program(), c.arg(0)).map(|p| describe(c.vm.program(), p).0);
    c.set_str(1, name.unwrap_or_default().as_bytes());
    Ok(())
}

fn func_entry(c: &mut Ctx<'_, '_>) -> R {
    c.set(1, c.arg(0));
    Ok(())
}

/// `(*Func).FileLine(pc) (file string, line int)`.
fn func_file_line(c: &mut Ctx<'_, '_>) -> R {
    let prog = c.vm.program();
    let (file, line) = match decode(prog, c.arg(1)) {
        Some(p) => {
            let (_, f, l) = describe(prog, p);
            (f, l)
        }
        None => ("?".into(), 0),
    };
    c.set_str(2, file.as_bytes());
    c.set(4, line as u64);
    Ok(())
}

/// gc's traceback of the running goroutine, `extra` frames first.
fn goroutine_stack(c: &Ctx<'_, '_>, extra: &[(&str, &str)]) -> String {
    let mut s = String::from("goroutine 1 [running]:\n");
    for (name, at) in extra {
        s.push_str(&format!("{name}()\n\t{GOROOT}/{at}\n"));
    }
    s.push_str(&c.vm.native_traceback());
    s
}

/// `runtime.Stack(buf []byte, all bool) int`.
fn stack(c: &mut Ctx<'_, '_>) -> R {
    let s = goroutine_stack(c, &[]);
    let (arr, len) = (c.arg(0), c.arg(1) as usize);
    let n = s.len().min(len);
    mem::bytes_mut(arr, n).copy_from_slice(&s.as_bytes()[..n]);
    c.set(4, n as u64);
    Ok(())
}

const DEBUG_STACK: (&str, &str) = ("runtime/debug.Stack", "src/runtime/debug/stack.go:24 +0x65");

/// `debug.Stack() []byte`: gc's buffer of 1024 bytes, doubled until the
/// trace fits.
fn debug_stack(c: &mut Ctx<'_, '_>) -> R {
    let s = goroutine_stack(c, &[DEBUG_STACK]);
    let mut cap = 1024;
    while cap < s.len() {
        cap *= 2;
    }
    let p = crate::malloc::mallocgc(cap, None, true);
    mem::bytes_mut(p, s.len()).copy_from_slice(s.as_bytes());
    c.set(0, p);
    c.set(1, s.len() as u64);
    c.set(2, cap as u64);
    Ok(())
}

/// `debug.PrintStack()`: debug.Stack's trace on stderr.
fn print_stack(c: &mut Ctx<'_, '_>) -> R {
    let s = goroutine_stack(
        c,
        &[
            DEBUG_STACK,
            (
                "runtime/debug.PrintStack",
                "src/runtime/debug/stack.go:16 +0x19",
            ),
        ],
    );
    c.vm.write_stderr(s.as_bytes());
    Ok(())
}

fn set_gc_percent(c: &mut Ctx<'_, '_>) -> R {
    let p = (c.arg(0) as i64).clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let old = crate::mgc::set_gc_percent(p);
    c.set(1, old as i64 as u64);
    Ok(())
}

fn free_os_memory(c: &mut Ctx<'_, '_>) -> R {
    c.vm.native_gc(true);
    Ok(())
}

/// `runtime.SetFinalizer(obj, finalizer any)` (mfinal.go): checks the
/// arguments as gc does (misuse is a fatal error) and records the
/// finalizer (mfinal.rs); a nil finalizer removes it. Objects outside
/// the heap (globals, zero-size values) are ignored, as gc ignores
/// linker-allocated ones.
fn set_finalizer(c: &mut Ctx<'_, '_>) -> R {
    use crate::types::type_from_addr;
    let (ot, obj, ft, fv) = (c.arg(0), c.arg(1), c.arg(2), c.arg(3));
    let fatal = |c: &mut Ctx<'_, '_>, m: String| Err(c.vm.native_fatal(&m, "running"));
    let Some(otyp) = type_from_addr(ot) else {
        return fatal(c, "runtime.SetFinalizer: first argument is nil".into());
    };
    if otyp.kind != Kind::Pointer {
        return fatal(
            c,
            format!(
                "runtime.SetFinalizer: first argument is {}, not pointer",
                otyp.str
            ),
        );
    }
    let Some(base) = crate::mfinal::object_base(obj) else {
        return Ok(());
    };
    let elem = otyp.elem();
    if base != obj && elem.is_none_or(|e| e.has_pointers() || e.size >= 16) {
        return fatal(
            c,
            "runtime.SetFinalizer: pointer not at beginning of allocated block".into(),
        );
    }
    let Some(ftyp) = type_from_addr(ft) else {
        crate::mfinal::remove(obj);
        return Ok(());
    };
    let TypeExtra::Func { params, .. } = &ftyp.extra else {
        return fatal(
            c,
            format!(
                "runtime.SetFinalizer: second argument is {}, not a function",
                ftyp.str
            ),
        );
    };
    let cannot = format!(
        "runtime.SetFinalizer: cannot pass {} to finalizer {}",
        otyp.str, ftyp.str
    );
    if params.len() != 1 {
        return fatal(c, cannot);
    }
    let p = params[0].get();
    let iface_word = if std::ptr::eq(p, otyp) || (p.kind == Kind::Pointer && p.str == otyp.str) {
        None
    } else if let TypeExtra::Interface { methods } = &p.extra {
        if methods.is_empty() {
            Some(ot)
        } else {
            match crate::itab::getitab(p, otyp) {
                Ok(tab) => Some(tab.addr()),
                Err(_) => return fatal(c, cannot),
            }
        }
    } else {
        return fatal(c, cannot);
    };
    let f = crate::mfinal::Finalizer {
        obj,
        fv,
        iface_word,
    };
    if !crate::mfinal::add(f) {
        return fatal(c, "runtime.SetFinalizer: finalizer already set".into());
    }
    Ok(())
}

/// `runtime.Breakpoint()`: gc executes a trap instruction, and the
/// unhandled SIGTRAP ends the program with a traceback, exit 2.
fn breakpoint(c: &mut Ctx<'_, '_>) -> R {
    let s = format!(
        "SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\ngoroutine 1 [running]:\nruntime.breakpoint()\n\t{GOROOT}/src/runtime/asm_amd64.s:383 +0x1\nruntime.Breakpoint(...)\n\t{GOROOT}/src/runtime/proc.go:4367\n{}",
        c.vm.native_traceback()
    );
    c.vm.flush();
    c.vm.write_stderr(s.as_bytes());
    Err(Raise::Exit(crate::vm::Exit::Code(2)))
}

fn nothing(_: &mut Ctx<'_, '_>) -> R {
    Ok(())
}

fn num_cpu(c: &mut Ctx<'_, '_>) -> R {
    let n = std::thread::available_parallelism().map_or(1, |n| n.get());
    c.set(0, n as u64);
    Ok(())
}

fn goroot(c: &mut Ctx<'_, '_>) -> R {
    c.set_str(0, GOROOT.as_bytes());
    Ok(())
}

fn version(c: &mut Ctx<'_, '_>) -> R {
    c.set_str(0, b"go1.19.8");
    Ok(())
}

pub(super) static NATIVES: &[Native] = &[
    native("runtime.Caller", 1, 5, caller),
    native("runtime.Callers", 4, 1, callers),
    native("runtime.CallersFrames", 3, 1, callers_frames),
    native("runtime.(*Frames).Next", 1, 11, frames_next),
    native("runtime.FuncForPC", 1, 1, func_for_pc),
    native("runtime.(*Func).Name", 1, 2, func_name),
    native("runtime.(*Func).Entry", 1, 1, func_entry),
    native("runtime.(*Func).FileLine", 2, 3, func_file_line),
    native("runtime.Stack", 4, 1, stack),
    native("runtime.SetFinalizer", 4, 0, set_finalizer),
    native("runtime.KeepAlive", 2, 0, nothing),
    native("runtime.Breakpoint", 0, 0, breakpoint),
    native("runtime.Gosched", 0, 0, nothing),
    native("runtime.LockOSThread", 0, 0, nothing),
    native("runtime.UnlockOSThread", 0, 0, nothing),
    native("runtime.NumCPU", 0, 1, num_cpu),
    native("runtime.GOROOT", 0, 2, goroot),
    native("runtime.Version", 0, 2, version),
    native("runtime/debug.Stack", 0, 3, debug_stack),
    native("runtime/debug.PrintStack", 0, 0, print_stack),
    native("runtime/debug.SetGCPercent", 1, 1, set_gc_percent),
    native("runtime/debug.FreeOSMemory", 0, 0, free_os_memory),
];
