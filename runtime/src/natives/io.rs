//! io natives: WriteString, which calls the writer's WriteString method
//! when it has one (io.StringWriter) and Write with a new []byte
//! otherwise, as Go's does.

use super::{native, Ctx, Native};
use crate::error::RuntimeError;
use crate::itab::itab_from_addr;
use crate::types::TypeExtra;
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The function id of the dynamic type's `WriteString(string) (int,
/// error)` method, if it has one.
fn write_string_method(t: &crate::types::Type) -> Option<u32> {
    let m = t
        .uncommon
        .as_ref()?
        .methods
        .iter()
        .find(|m| m.name == "WriteString")?;
    match &m.mtyp.extra {
        TypeExtra::Func {
            params, results, ..
        } if params.len() == 1 && results.len() == 2 => Some(m.ifn),
        _ => None,
    }
}

fn write_string(c: &mut Ctx<'_, '_>) -> R {
    let (tab, data) = (c.arg(0), c.arg(1));
    let s = c.str(2);
    write_to(c, (tab, data), s, 4)
}

/// io.WriteString(w, s) for the io.Writer `w` (itab, data) and the bytes
/// `s` (rooted by the caller): sets (n int, err error) at `res`.
pub(super) fn write_to(c: &mut Ctx<'_, '_>, w: (u64, u64), s: &[u8], res: u32) -> R {
    let (tab, data) = w;
    let Some(it) = itab_from_addr(tab) else {
        // os.Stdout/os.Stderr passed as {nil, fd} (compile/native.rs).
        return super::os::file_write(c, data, s, res);
    };
    if it.typ.str == "*os.File" {
        return super::os::file_write(c, data, s, res);
    }
    let r = if let Some(fid) = write_string_method(it.typ) {
        let (sp, sl) = super::gostring(s);
        c.vm.call_go(fid, 0, &[data, sp, sl], 3)
    } else {
        let fid = it.fun.first().copied().unwrap_or(0);
        let p = if s.is_empty() {
            crate::malloc::zerobase()
        } else {
            let p = crate::malloc::mallocgc(s.len(), None, false);
            crate::mem::bytes_mut(p, s.len()).copy_from_slice(s);
            p
        };
        let n = s.len() as u64;
        c.vm.call_go(fid, 0, &[data, p, n, n], 3)
    }
    .map_err(Raise::from)?;
    if r.len() < 3 {
        return Err(Raise::Error(RuntimeError::error_string(
            "goscope: internal error: io.WriteString results",
        )));
    }
    c.set(res, r[0]);
    c.set(res + 1, r[1]);
    c.set(res + 2, r[2]);
    Ok(())
}

pub(super) const NATIVES: &[Native] = &[native("io.WriteString", 4, 3, write_string)];
