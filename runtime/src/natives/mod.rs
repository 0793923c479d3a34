//! Natives: Go functions of the standard library implemented in Rust
//! (docs/vm.md section 3), registered by their Go name — `"strings.Index"`,
//! `"fmt.Println"`, and `"pkg.(*T).M"` / `"pkg.T.M"` for methods of std
//! types.
//!
//! The compiler looks a std call's name up with [`lookup`] and emits
//! `CallNative id, A`; the VM runs the native on the call window at `A`,
//! laid out as for a Go call: parameter slots, then result slots (a
//! string is 2 slots, a slice 3, an interface 2, ...). A native reads its
//! arguments and writes its results through [`Ctx`], and may call Go
//! code through `ctx.vm.call_go` (vm/interp/reenter.rs).
//!
//! Every entry declares its slot counts; a test (natives_api) checks them
//! against the std API the type checker knows (std/<pkg>.go).
//!
//! Example: `strings.Repeat("ab", 3)` has a 3-slot window in and 2 out:
//! `Native { name: "strings.Repeat", params: 3, results: 2, f: repeat }`.

use std::sync::OnceLock;

use crate::mem;
use crate::string::rawstring;
use crate::vm::stack::{reg, set_reg};
use crate::vm::{Raise, Vm};

mod atomic;
mod bits;
mod buffer;
mod bufferx;
mod builder;
mod bytes;
mod bytesnew;
mod bytewriter;
mod deepequal;
pub mod errors;
mod fmt;
mod fmtsort;
mod fmtvalue;
pub mod formatter;
mod io;
mod math;
mod os;
mod rand;
mod reflect;
mod reflectmethod;
mod reflectof;
mod reflectvalue;
mod replacer;
pub mod rterrors;
mod runtime;
mod sort;
mod sortalg;
pub mod sortslice;
mod stdvars;
mod strconv;
mod strfunc;
mod strings;
mod sync;
mod time;
mod unicode;
mod utf8;
mod utf8b;

/// A native's code.
pub type NativeFn = fn(&mut Ctx<'_, '_>) -> Result<(), Raise>;

/// One registered native.
pub struct Native {
    /// The Go name: `pkg.Name`, `pkg.(*T).M` or `pkg.T.M` (pkg is the
    /// import path's last element only where it is the package name).
    pub name: &'static str,
    /// Parameter slots (the receiver first) and result slots.
    pub params: u32,
    pub results: u32,
    pub f: NativeFn,
}

/// Shorthand for the tables of the package modules.
const fn native(name: &'static str, params: u32, results: u32, f: NativeFn) -> Native {
    Native {
        name,
        params,
        results,
        f,
    }
}

/// Every native, in id order.
pub fn table() -> &'static [&'static Native] {
    static TABLE: OnceLock<Vec<&'static Native>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<&'static Native> = Vec::new();
        for pkg in [
            atomic::NATIVES,
            bits::NATIVES,
            buffer::NATIVES,
            bufferx::NATIVES,
            bytes::NATIVES,
            bytesnew::NATIVES,
            deepequal::NATIVES,
            builder::NATIVES,
            errors::NATIVES,
            fmt::NATIVES,
            formatter::NATIVES,
            io::NATIVES,
            math::NATIVES,
            os::NATIVES,
            rand::NATIVES,
            reflect::NATIVES,
            reflectmethod::NATIVES,
            reflectof::NATIVES,
            reflectvalue::NATIVES,
            reflectvalue::SLICE_NATIVES,
            reflectvalue::MAPITER_NATIVES,
            runtime::NATIVES,
            replacer::NATIVES,
            rterrors::NATIVES,
            stdvars::NATIVES,
            sort::NATIVES,
            sortslice::NATIVES,
            strconv::NATIVES,
            strfunc::NATIVES,
            strings::NATIVES,
            sync::NATIVES,
            time::NATIVES,
            unicode::NATIVES,
            utf8::NATIVES,
            utf8b::NATIVES,
        ] {
            v.extend(pkg.iter());
        }
        v
    })
}

/// The native with id `n`.
pub fn get(n: u32) -> Option<&'static Native> {
    table().get(n as usize).copied()
}

/// The id of the native named `name` (see [`Native::name`]).
pub fn lookup(name: &str) -> Option<u32> {
    table()
        .iter()
        .position(|n| n.name == name)
        .map(|i| i as u32)
}

/// A native's view of its call window and of the VM.
pub struct Ctx<'a, 'p> {
    pub vm: &'a mut Vm<'p>,
    win: *mut u64,
    /// Slots of the window (params + results).
    n: u32,
}

impl<'a, 'p> Ctx<'a, 'p> {
    /// The window at `win` of `n` slots. The VM validated that the
    /// window lies inside the calling frame (Program::validate).
    pub(crate) fn new(vm: &'a mut Vm<'p>, win: *mut u64, n: u32) -> Self {
        Ctx { vm, win, n }
    }

    /// Slot `i` of the window (0 outside it).
    pub fn arg(&self, i: u32) -> u64 {
        if i < self.n {
            reg(self.win, i)
        } else {
            0
        }
    }

    /// Writes slot `i` of the window (ignored outside it).
    pub fn set(&mut self, i: u32, v: u64) {
        if i < self.n {
            set_reg(self.win, i, v)
        }
    }

    /// The string at slots `i, i+1`.
    pub fn str(&self, i: u32) -> &'static [u8] {
        let (p, l) = (self.arg(i), self.arg(i + 1));
        if l == 0 {
            return &[];
        }
        mem::bytes(p, l as usize)
    }

    pub fn f64(&self, i: u32) -> f64 {
        f64::from_bits(self.arg(i))
    }

    /// Writes a new Go string holding `b` to slots `i, i+1`.
    pub fn set_str(&mut self, i: u32, b: &[u8]) {
        let (p, l) = gostring(b);
        self.set(i, p);
        self.set(i + 1, l);
    }

    pub fn set_f64(&mut self, i: u32, v: f64) {
        self.set(i, v.to_bits());
    }

    pub fn set_bool(&mut self, i: u32, v: bool) {
        self.set(i, v as u64);
    }
}

impl Ctx<'_, '_> {
    /// Writes a new `[]string` of `parts` to slots `i..i+3`.
    pub fn set_strings(&mut self, i: u32, parts: &[&[u8]]) {
        let n = parts.len() as u64;
        let arr = if n == 0 {
            crate::malloc::zerobase()
        } else {
            let st = crate::iface::basic_type(crate::vm::fmtv::kind::STRING, "string");
            crate::malloc::mallocgc(16 * parts.len(), Some(st), true)
        };
        for (k, p) in parts.iter().enumerate() {
            let (sp, sl) = gostring(p);
            mem::store_u64(arr + 16 * k as u64, sp);
            mem::store_u64(arr + 16 * k as u64 + 8, sl);
        }
        self.set(i, arr);
        self.set(i + 1, n);
        self.set(i + 2, n);
    }

    /// The `[]string` at slots `i..i+3`, as byte slices.
    pub fn strings(&self, i: u32) -> Vec<&'static [u8]> {
        let (arr, n) = (self.arg(i), self.arg(i + 1));
        (0..n)
            .map(|k| {
                let (p, l) = (mem::load_u64(arr + 16 * k), mem::load_u64(arr + 16 * k + 8));
                if l == 0 {
                    &[][..]
                } else {
                    mem::bytes(p, l as usize)
                }
            })
            .collect()
    }
}

/// A new Go string holding `b`: (ptr, len).
pub fn gostring(b: &[u8]) -> (u64, u64) {
    if b.is_empty() {
        return (0, 0);
    }
    let s = rawstring(b.len());
    mem::bytes_mut(s.ptr, b.len()).copy_from_slice(b);
    (s.ptr, b.len() as u64)
}

/// `panic(msg)` with a string value, as std code panics.
pub fn panic_string(msg: &str) -> Raise {
    let t = crate::iface::basic_type(crate::vm::fmtv::kind::STRING, "string");
    let (p, l) = gostring(msg.as_bytes());
    let data = crate::iface::convT(t, &[p, l]);
    Raise::Value((t.addr(), data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let t = table();
        for (i, n) in t.iter().enumerate() {
            assert_eq!(lookup(n.name), Some(i as u32), "{}", n.name);
        }
    }
}
