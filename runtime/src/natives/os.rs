//! os natives: the environment (Getenv, LookupEnv, Environ) and the
//! Write/WriteString methods of os.Stdout and os.Stderr. A `*os.File`
//! value is the word 1 (os.Stdout) or 2 (os.Stderr) — the compiler makes
//! `os.Stdout` evaluate to its descriptor (native.rs), as fmt's natives
//! receive the io.Writer {nil, fd} — so a method's receiver slot is the
//! file descriptor.

use std::os::unix::ffi::OsStrExt;

use super::{native, Ctx, Native};
use crate::error::RuntimeError;
use crate::mem;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The value of the first environment entry named `key` (Go's
/// syscall.Getenv: a key with '=' names no entry).
fn lookup(key: &[u8]) -> Option<Vec<u8>> {
    if key.contains(&b'=') {
        return None;
    }
    std::env::vars_os()
        .find(|(k, _)| k.as_bytes() == key)
        .map(|(_, v)| v.as_bytes().to_vec())
}

fn getenv(c: &mut Ctx<'_, '_>) -> R {
    let v = lookup(c.str(0)).unwrap_or_default();
    c.set_str(2, &v);
    Ok(())
}

fn lookup_env(c: &mut Ctx<'_, '_>) -> R {
    let v = lookup(c.str(0));
    c.set_str(2, v.as_deref().unwrap_or_default());
    c.set_bool(4, v.is_some());
    Ok(())
}

fn environ(c: &mut Ctx<'_, '_>) -> R {
    let env: Vec<Vec<u8>> = std::env::vars_os()
        .map(|(k, v)| {
            let mut e = k.as_bytes().to_vec();
            e.push(b'=');
            e.extend_from_slice(v.as_bytes());
            e
        })
        .collect();
    let parts: Vec<&[u8]> = env.iter().map(|e| &e[..]).collect();
    c.set_strings(0, &parts);
    Ok(())
}

/// Writes `b` to the file whose `*os.File` word is `f` and sets
/// (n int, err error) at `res`.
pub(super) fn file_write(c: &mut Ctx<'_, '_>, f: u64, b: &[u8], res: u32) -> R {
    match f {
        1 => {
            let _ = std::io::Write::write_all(c.vm.stdout(), b);
        }
        2 => c.vm.write_stderr(b),
        _ => return Err(Raise::Error(RuntimeError::nil_deref())),
    }
    c.set(res, b.len() as u64);
    c.set(res + 1, 0);
    c.set(res + 2, 0);
    Ok(())
}

fn write(c: &mut Ctx<'_, '_>) -> R {
    let (p, n) = (c.arg(1), c.arg(2));
    let b = if n == 0 {
        &[][..]
    } else {
        mem::bytes(p, n as usize)
    };
    file_write(c, c.arg(0), b, 4)
}

fn write_string(c: &mut Ctx<'_, '_>) -> R {
    let s = c.str(1);
    file_write(c, c.arg(0), s, 3)
}

fn name(c: &mut Ctx<'_, '_>) -> R {
    let n: &[u8] = match c.arg(0) {
        1 => b"/dev/stdout",
        2 => b"/dev/stderr",
        _ => return Err(Raise::Error(RuntimeError::nil_deref())),
    };
    c.set_str(1, n);
    Ok(())
}

fn fd(c: &mut Ctx<'_, '_>) -> R {
    let f = c.arg(0);
    c.set(1, if f == 0 { u64::MAX } else { f });
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("os.Getenv", 2, 2, getenv),
    native("os.LookupEnv", 2, 3, lookup_env),
    native("os.Environ", 0, 3, environ),
    native("os.(*File).Write", 4, 3, write),
    native("os.(*File).WriteString", 3, 3, write_string),
    native("os.(*File).Name", 1, 2, name),
    native("os.(*File).Fd", 1, 1, fd),
];
