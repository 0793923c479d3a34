//! fmt natives: Print, Println, Printf and their S and F forms, Errorf.
//! The operands arrive as the `[]interface{}` a variadic call built; each
//! eface is walked by its `_type` (fmtvalue.rs) with fmtcore's Printer.
//!
//! Fprint* write to os.Stdout or os.Stderr, which the compiler passes as
//! the io.Writer {nil itab, fd} (a real io.Writer comes with interfaces).

use super::fmtvalue::{Go, Value};
use super::{native, Ctx, Native};
use crate::stdlib::fmtcore::{Arg, Printer};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The printed bytes and Errorf's %w operand.
type Formatted = (Vec<u8>, Option<(u64, u64)>);

/// How the operands are laid out and printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Print,
    Println,
    Printf,
}

/// Formats the operands (the slice at window slot `args`, the format at
/// slot `fmt` for Printf) and returns the bytes and %w's operand.
fn format(
    c: &mut Ctx<'_, '_>,
    mode: Mode,
    fmt: u32,
    args: u32,
    wrap: bool,
) -> Result<Formatted, Raise> {
    let (data, len) = (c.arg(args), c.arg(args + 1));
    let format = if mode == Mode::Printf {
        c.str(fmt)
    } else {
        &[]
    };
    let go = Go::new(c.vm);
    let vals: Vec<Value> = (0..len)
        .map(|i| Value::from_eface_at(&go, data + 16 * i, 0))
        .collect();
    let refs: Vec<&dyn Arg> = vals.iter().map(|v| v as &dyn Arg).collect();
    let mut p = Printer::new();
    p.wrap_errs = wrap;
    match mode {
        Mode::Print => p.do_print(&refs),
        Mode::Println => p.do_println(&refs),
        Mode::Printf => p.do_printf(format, &refs),
    }
    if let Some(e) = go.failed.borrow_mut().take() {
        return Err(e.into());
    }
    let wrapped = go.wrapped.get();
    Ok((p.into_bytes(), wrapped))
}

/// Writes to the io.Writer `fd` (1 stdout, 2 stderr, else an itab
/// address: w.Write called with a new []byte) and sets (n int, err
/// error) at `res`; for Print/Printf (`data` 0) to stdout.
fn write_out(c: &mut Ctx<'_, '_>, fd: u64, b: &[u8], res: u32) -> R {
    match fd {
        1 => {
            let _ = std::io::Write::write_all(c.vm.stdout(), b);
        }
        2 => c.vm.write_stderr(b),
        tab => {
            let Some(it) = crate::itab::itab_from_addr(tab) else {
                return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
            };
            let fid = it.fun.first().copied().unwrap_or(0);
            let p = if b.is_empty() {
                crate::malloc::zerobase()
            } else {
                let p = crate::malloc::mallocgc(b.len(), None, false);
                crate::mem::bytes_mut(p, b.len()).copy_from_slice(b);
                p
            };
            let n = b.len() as u64;
            let r =
                c.vm.call_go(fid, 0, &[c.arg(1), p, n, n], 3)
                    .map_err(Raise::from)?;
            c.set(res, r[0]);
            c.set(res + 1, r[1]);
            c.set(res + 2, r[2]);
            return Ok(());
        }
    }
    c.set(res, b.len() as u64);
    c.set(res + 1, 0);
    c.set(res + 2, 0);
    Ok(())
}

fn print(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Print, 0, 0, false)?;
    write_out(c, 1, &b, 3)
}

fn println(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Println, 0, 0, false)?;
    write_out(c, 1, &b, 3)
}

fn printf(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Printf, 0, 2, false)?;
    write_out(c, 1, &b, 5)
}

fn fprint(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Print, 0, 2, false)?;
    let fd = writer_fd(c)?;
    write_out(c, fd, &b, 5)
}

fn fprintln(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Println, 0, 2, false)?;
    let fd = writer_fd(c)?;
    write_out(c, fd, &b, 5)
}

fn fprintf(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Printf, 2, 4, false)?;
    let fd = writer_fd(c)?;
    write_out(c, fd, &b, 7)
}

/// The io.Writer in slots 0, 1: 1 or 2 for os.Stdout/os.Stderr (which
/// the compiler passes as {nil, fd}), else its itab address.
fn writer_fd(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
    match (c.arg(0), c.arg(1)) {
        (0, fd @ (1 | 2)) => Ok(fd),
        (0, _) => Err(Raise::Error(crate::error::RuntimeError::nil_deref())),
        // A *os.File (natives/os.rs) in a real io.Writer.
        (tab, fd @ (1 | 2))
            if crate::itab::itab_from_addr(tab).is_some_and(|t| t.typ.str == "*os.File") =>
        {
            Ok(fd)
        }
        (tab, _) => Ok(tab),
    }
}

fn sprint(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Print, 0, 0, false)?;
    c.set_str(3, &b);
    Ok(())
}

fn sprintln(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Println, 0, 0, false)?;
    c.set_str(3, &b);
    Ok(())
}

fn sprintf(c: &mut Ctx<'_, '_>) -> R {
    let (b, _) = format(c, Mode::Printf, 0, 2, false)?;
    c.set_str(5, &b);
    Ok(())
}

/// fmt.Errorf: a `*fmt.wrapError` when the format's %w wrapped an
/// error operand, else a `*errors.errorString`.
fn errorf(c: &mut Ctx<'_, '_>) -> R {
    let (b, wrapped) = format(c, Mode::Printf, 0, 2, true)?;
    match wrapped {
        Some(e) if e.0 != 0 => super::errors::new_wrap_error(c, &b, e, 5),
        _ => super::errors::new_error_string(c, &b, 5),
    }
}

pub(super) const NATIVES: &[Native] = &[
    native("fmt.Print", 3, 3, print),
    native("fmt.Println", 3, 3, println),
    native("fmt.Printf", 5, 3, printf),
    native("fmt.Fprint", 5, 3, fprint),
    native("fmt.Fprintln", 5, 3, fprintln),
    native("fmt.Fprintf", 7, 3, fprintf),
    native("fmt.Sprint", 3, 2, sprint),
    native("fmt.Sprintln", 3, 2, sprintln),
    native("fmt.Sprintf", 5, 2, sprintf),
    native("fmt.Errorf", 5, 2, errorf),
];
