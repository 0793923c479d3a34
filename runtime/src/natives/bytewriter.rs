//! The writing methods bytes.Buffer and strings.Builder share: WriteString,
//! Write and WriteByte take their arguments and fill their results the
//! same way (n, and a nil error); the two types differ only in how the
//! receiver is checked (Builder's copyCheck) and how bytes are added
//! (Buffer's grow, Builder's append).

use super::Ctx;
use crate::mem;
use crate::vm::Raise;

/// A receiver type with a byte buffer that the write methods add to.
pub(super) trait ByteWriter {
    /// The receiver at slot 0, checked as the type's methods check it.
    fn recv(c: &Ctx<'_, '_>) -> Result<u64, Raise>;
    /// Adds `bytes` (kept alive by the caller) to the buffer of `b`.
    fn append(b: u64, bytes: &[u8]) -> Result<(), Raise>;
}

/// `WriteString(s string) (int, error)`.
pub(super) fn write_string<W: ByteWriter>(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let b = W::recv(c)?;
    let s = c.str(1);
    W::append(b, s)?;
    c.set(3, s.len() as u64);
    c.set(4, 0);
    c.set(5, 0);
    Ok(())
}

/// `Write(p []byte) (int, error)`.
pub(super) fn write<W: ByteWriter>(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let b = W::recv(c)?;
    let (p, n) = (c.arg(1), c.arg(2));
    let bytes = if n == 0 {
        &[][..]
    } else {
        mem::bytes(p, n as usize)
    };
    W::append(b, bytes)?;
    c.set(4, n);
    c.set(5, 0);
    c.set(6, 0);
    Ok(())
}

/// `WriteByte(c byte) error`.
pub(super) fn write_byte<W: ByteWriter>(c: &mut Ctx<'_, '_>) -> Result<(), Raise> {
    let b = W::recv(c)?;
    W::append(b, &[c.arg(1) as u8])?;
    c.set(2, 0);
    c.set(3, 0);
    Ok(())
}
