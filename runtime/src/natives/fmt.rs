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

/// Writes to the program's stdout and sets (n int, err error) at `res`.
fn write_out(c: &mut Ctx<'_, '_>, fd: u64, b: &[u8], res: u32) -> R {
    match fd {
        1 => {
            let _ = std::io::Write::write_all(c.vm.stdout(), b);
        }
        2 => c.vm.write_stderr(b),
        _ => {
            return Err(Raise::Error(crate::error::RuntimeError::error_string(
                "goscope: not supported yet: fmt.Fprint to this io.Writer",
            )))
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

/// The fd of the io.Writer in slots 0, 1 (see the module docs).
fn writer_fd(c: &Ctx<'_, '_>) -> Result<u64, Raise> {
    if c.arg(0) == 0 && matches!(c.arg(1), 1 | 2) {
        Ok(c.arg(1))
    } else {
        Err(Raise::Error(crate::error::RuntimeError::error_string(
            "goscope: not supported yet: fmt.Fprint to this io.Writer",
        )))
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
