//! The `goscope` command: check, run and inspect Go programs.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use goscope::diag::{render_fancy, render_gc};
use goscope::driver::check_source_for_exit;

/// Bump allocation for `goscope check`'s front end (src/frontalloc.rs);
/// malloc otherwise.
#[global_allocator]
static GLOBAL: goscope::frontalloc::FrontAlloc = goscope::frontalloc::FrontAlloc;

const USAGE: &str = "\
usage: goscope <command> [arguments]

commands:
  check [--format=gc|fancy] FILE.go   type-check a program; prints nothing if it is valid
  check --dump-tokens FILE.go          print the tokens (with inserted semicolons)
  check --dump-ast FILE.go             print the syntax tree
  escape [-m=2] [--format=..] FILE.go  gc's escape-analysis report (go build -gcflags='-m -l');
                                       compile errors as check reports them
  run FILE.go [args]                   compile and run a program (gc's output and exit status)
  disasm FILE.go                       print the program's bytecode
  help                                 this text

Diagnostics are printed in gc's one-line form (FILE:LINE:COL: message) when
stderr is not a terminal or with --format=gc, and as a report with the
source line otherwise. Exit status: 0 valid, 2 compile errors, 1 other errors.
";

/// How diagnostics are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Gc,
    Fancy,
    Auto,
}

fn main() -> ExitCode {
    one_malloc_arena();
    goscope::signals::install();
    // The front end recurses over the tree; a program nested 100,000 deep
    // must not overflow the stack, so the work runs on a thread with a
    // generous (lazily committed) stack.
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A Rust panic is a goscope bug, never the Go program's fault: say so
    // in one line and exit 3 (the join below), as docs/vm.md section 6 asks.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("goscope: internal error: {info}");
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
    let worker = std::thread::Builder::new()
        .stack_size(4 << 30)
        .spawn(move || run(args));
    match worker {
        Ok(handle) => handle.join().unwrap_or(ExitCode::from(3)),
        Err(e) => {
            eprintln!("goscope: cannot start: {e}");
            ExitCode::from(1)
        }
    }
}

/// Makes glibc's malloc serve every thread from its main arena. Without
/// this the worker thread gets an arena of its own, which glibc grows
/// with one `mprotect` call per page or so (8,000 calls for a 100,000-line
/// program); the main arena grows with `brk` in 128 KiB steps. Only one
/// thread allocates at a time here (main waits for the worker), so the
/// shared arena costs no contention.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_malloc_arena() {
    extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    /// glibc's M_ARENA_MAX (malloc.h).
    const M_ARENA_MAX: std::ffi::c_int = -8;
    // SAFETY: mallopt only changes glibc's allocator parameters; it takes
    // plain integers and is called before any other thread exists.
    unsafe {
        mallopt(M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_malloc_arena() {}

/// Makes glibc's malloc map every block of 256 KiB or more on its own, so
/// that `realloc` grows the front end's big tables (objects, types,
/// scopes, node tables: megabytes each) with `mremap` instead of copying
/// them at every doubling (20 million instructions of `memcpy` for a
/// 100,000-line program). Only `goscope check` sets it: the process exits
/// after the front end, while a running Go program may free and allocate
/// big blocks in a loop, where a map per block would cost a system call.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_big_blocks() {
    extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    /// glibc's M_MMAP_THRESHOLD (malloc.h).
    const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
    // SAFETY: mallopt only changes glibc's allocator parameters; it takes
    // plain integers, and only this thread allocates now (main waits).
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 256 << 10);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_big_blocks() {}

fn run(args: Vec<String>) -> ExitCode {
    let Some((cmd, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    match cmd.as_str() {
        "check" => cmd_check(rest),
        "escape" => cmd_escape(rest),
        "run" => cmd_run(rest, false),
        "disasm" => cmd_run(rest, true),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("goscope: unknown command {other:?}\n");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `goscope escape [-m=N] FILE.go`: the escape-analysis report, one
/// `FILE:LINE:COL: message` line each, sorted by position; compile errors
/// as `goscope check` reports them.
fn cmd_escape(args: &[String]) -> ExitCode {
    let mut level = 1u8;
    let mut files = Vec::new();
    let mut format = Format::Auto;
    for a in args {
        match a.as_str() {
            "-m" => level = 1,
            "--format=gc" => format = Format::Gc,
            "--format=fancy" => format = Format::Fancy,
            s if s.starts_with("-m=") => match s[3..].parse::<u8>() {
                Ok(n) if n >= 1 => level = n.min(2),
                _ => {
                    eprintln!("goscope escape: bad flag {s}");
                    return ExitCode::from(2);
                }
            },
            s if s.starts_with('-') => {
                eprintln!("goscope escape: unknown flag {s}");
                return ExitCode::from(2);
            }
            s => files.push(s.to_string()),
        }
    }
    let [path] = files.as_slice() else {
        eprintln!("goscope escape: want exactly one FILE.go");
        return ExitCode::from(2);
    };
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("goscope: open {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let timing = std::env::var_os("GOSCOPE_TIMING").is_some();
    let (out, info) = goscope::driver::check_source_with(path, &src, |file, checker| {
        let t0 = std::time::Instant::now();
        let info = goscope::escape::analyze_level(&[file], checker, level);
        if timing {
            eprintln!("goscope: escape {:?}", t0.elapsed());
        }
        info
    });
    for e in &out.internal_errors {
        eprintln!("goscope: internal error in std API: {e}");
    }
    if !out.diags.is_empty() {
        return print_errors(&out, format);
    }
    let Some(info) = info else {
        return ExitCode::from(2);
    };
    let mut text = String::new();
    for d in info.report(level) {
        let p = gc_pos(out.sources.position(d.pos));
        text.push_str(&format!("{p}: {}", d.text));
        if let Some(at) = d.at {
            text.push_str(&format!(" at {}", gc_pos(out.sources.position(at))));
        }
        text.push('\n');
    }
    let _ = std::io::stdout().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// `goscope run FILE.go` and `goscope disasm FILE.go`: check, escape
/// analysis, compile; then run the program or print its bytecode. Compile
/// errors are reported as `goscope check` reports them (exit 2); a
/// construct goscope cannot run yet exits 3.
fn cmd_run(args: &[String], disasm: bool) -> ExitCode {
    let Some(path) = args.first() else {
        eprintln!("goscope run: want FILE.go");
        return ExitCode::from(2);
    };
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("goscope: open {path}: {e}");
            return ExitCode::from(1);
        }
    };
    // Tracebacks name the file by its absolute path, as gc's do.
    let abs = std::fs::canonicalize(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.clone());
    let (out, prog) = goscope::driver::check_source_with(path, &src, |file, checker| {
        let esc = goscope::escape::analyze_level(&[file], checker, 0);
        goscope::compile::compile_with(file, checker, &esc, &abs, !disasm)
    });
    if !out.diags.is_empty() {
        return print_errors(&out, Format::Auto);
    }
    let prog = match prog {
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(3);
        }
        None => return ExitCode::from(2),
    };
    if disasm {
        print!("{}", goscope_runtime::vm::disasm::disasm(&prog));
        return ExitCode::SUCCESS;
    }
    let mut vm = goscope_runtime::vm::Vm::new(&prog);
    let code = vm.run().code();
    vm.flush();
    // Exit now: the program's goroutines and heap are not freed one by one.
    std::process::exit(code)
}

/// A position as gc's base.FmtPos prints it: cmd/internal/src keeps 8 bits
/// of column, and a column it cannot represent (255 or more) is printed
/// as unknown, that is not at all (`x.go:16: ...`).
fn gc_pos(p: goscope::syntax::pos::Position) -> String {
    if p.col >= 255 || p.col == 0 {
        format!("{}:{}", p.file, p.line)
    } else {
        format!("{}:{}:{}", p.file, p.line, p.col)
    }
}

fn cmd_check(args: &[String]) -> ExitCode {
    let mut format = Format::Auto;
    let mut files = Vec::new();
    let mut dump: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--dump-tokens" | "--dump-ast" => dump = Some(a.as_str()),
            "--format=gc" => format = Format::Gc,
            "--format=fancy" => format = Format::Fancy,
            s if s.starts_with('-') => {
                eprintln!("goscope check: unknown flag {s}");
                return ExitCode::from(2);
            }
            s => files.push(s.to_string()),
        }
    }
    let [path] = files.as_slice() else {
        eprintln!("goscope check: want exactly one FILE.go");
        return ExitCode::from(2);
    };
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("goscope: open {path}: {e}");
            return ExitCode::from(1);
        }
    };
    match dump {
        Some("--dump-tokens") => {
            print!("{}", goscope::syntax::dump_tokens(path, &src));
            return ExitCode::SUCCESS;
        }
        Some(_) => {
            let mut map = goscope::syntax::pos::SourceMap::new();
            let ids = goscope::syntax::NodeIdGen::new();
            let (file, diags) = goscope::syntax::parse_file(&mut map, path, &src, &ids);
            print!("{}", goscope::syntax::dump_file_with_positions(&file, &map));
            if diags.is_empty() {
                return ExitCode::SUCCESS;
            }
            eprint!("{}", render_gc(&diags, &map));
            return ExitCode::from(2);
        }
        None => {}
    }
    map_big_blocks();
    let out = check_source_for_exit(path, &src);
    for e in &out.internal_errors {
        eprintln!("goscope: internal error in std API: {e}");
    }
    if out.diags.is_empty() {
        return if out.internal_errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(3)
        };
    }
    print_errors(&out, format)
}

/// Prints compile errors as `goscope check` does (gc's one-line form, or
/// miette's report on a terminal) and returns exit status 2.
fn print_errors(out: &goscope::driver::CheckOutcome, format: Format) -> ExitCode {
    let stderr = std::io::stderr();
    let fancy = match format {
        Format::Gc => false,
        Format::Fancy => true,
        Format::Auto => stderr.is_terminal(),
    };
    let text = if fancy {
        render_fancy(&out.diags, &out.sources, stderr.is_terminal())
    } else {
        render_gc(&out.diags, &out.sources)
    };
    let mut lock = stderr.lock();
    let _ = lock.write_all(text.as_bytes());
    ExitCode::from(2)
}
