//! More bytes.Buffer methods (buffer.rs has the writers): Truncate and
//! Next, which need no io.EOF. lastRead is the int8 at offset 32
//! (opInvalid 0, opRead -1).

use super::buffer::{buf, off, recv, reset_buf, set_buf, set_off};
use super::{native, Ctx, Native};
use crate::error::{RuntimeError, RuntimeErrorKind};
use crate::mem;
use crate::vm::Raise;

type R = Result<(), Raise>;

fn set_last_read(b: u64, op: i8) {
    mem::bytes_mut(b + 32, 1)[0] = op as u8;
}

fn truncate(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    let n = c.arg(1) as i64;
    if n == 0 {
        reset_buf(b);
        return Ok(());
    }
    set_last_read(b, 0);
    let mut s = buf(b);
    let o = off(b);
    if n < 0 || n as usize > s.len - o {
        return Err(super::panic_string("bytes.Buffer: truncation out of range"));
    }
    s.len = o + n as usize;
    set_buf(b, &s);
    Ok(())
}

fn next(c: &mut Ctx<'_, '_>) -> R {
    let b = recv(c)?;
    set_last_read(b, 0);
    let s = buf(b);
    let o = off(b) as i64;
    let m = s.len as i64 - o;
    let n = (c.arg(1) as i64).min(m);
    if n < 0 {
        // b.buf[b.off : b.off+n]: gc checks the high bound first.
        let msg = if o + n < 0 {
            format!("slice bounds out of range [:{}]", o + n)
        } else {
            format!("slice bounds out of range [{o}:{}]", o + n)
        };
        return Err(Raise::Error(RuntimeError::new(
            RuntimeErrorKind::Bounds,
            msg,
        )));
    }
    let cap = s.cap as u64 - o as u64;
    c.set(
        2,
        if cap == 0 {
            s.array
        } else {
            s.array + o as u64
        },
    );
    c.set(3, n as u64);
    c.set(4, cap);
    set_off(b, (o + n) as usize);
    if n > 0 {
        set_last_read(b, -1);
    }
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[
    native("bytes.(*Buffer).Truncate", 2, 0, truncate),
    native("bytes.(*Buffer).Next", 2, 3, next),
];
