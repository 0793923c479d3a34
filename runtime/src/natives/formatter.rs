//! fmt.Formatter (fmt/print.go handleMethods): a value whose type has
//! `Format(f fmt.State, verb rune)` is printed by calling it, with a
//! real fmt.State interface value.
//!
//! The State is `*fmt.pp` as in gc, but goscope's printer state lives in
//! Rust (fmtcore's Printer), so the pp "pointer" is a handle: an address
//! outside the heap (`PP_BASE + 8*i`, never dereferenced by Go code: pp is
//! opaque to it) naming entry i of a per-thread stack of [`PpState`]s,
//! one per Format call in progress (a Format that prints another
//! Formatter nests). Its methods are natives (`fmt.(*pp).Write`, Width,
//! Precision, Flag) that the compiler gives Go stubs when the program
//! imports fmt ([`PP_METHODS`]); the `*fmt.pp` descriptor is built here
//! with fmt.State's own method types, so getitab finds State, io.Writer
//! and any interface whose methods it has.
//!
//! Example: `fmt.Printf("%+8.2v", x)` with `func (X) Format(f fmt.State,
//! c rune) { fmt.Fprintf(f, "X%d", 1) }` pushes {wid 8, prec 2, plus},
//! calls Format(f, 'v'): Fprintf calls f's Write, which appends "X1" to
//! the state; the bytes are then appended to the output.

use std::cell::RefCell;
use std::sync::Mutex;

use super::{native, Ctx, Native};
use crate::mem;
use crate::stdlib::fmtcore::Printer;
use crate::types::{tflag, Kind, Method, Type, TypeExtra, TypeRef, Uncommon};
use crate::vm::{GoCallError, Raise, Vm};

type R = Result<(), Raise>;

/// The State methods with a native: (name, parameter slots with the
/// receiver, result slots), sorted by name as method tables are.
pub const PP_METHODS: &[(&str, u32, u32)] = &[
    ("fmt.(*pp).Flag", 2, 1),
    ("fmt.(*pp).Precision", 1, 2),
    ("fmt.(*pp).Width", 1, 2),
    ("fmt.(*pp).Write", 4, 3),
];

/// Where the pp handles start (below the heap, above nil).
const PP_BASE: u64 = 0x2_0000;

/// The printer state a Format call sees.
#[derive(Default)]
struct PpState {
    buf: Vec<u8>,
    wid: Option<i64>,
    prec: Option<i64>,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
}

thread_local! {
    static PP: RefCell<Vec<PpState>> = const { RefCell::new(Vec::new()) };
}

/// The `Format(fmt.State, rune)` method of `t`: its function id and the
/// fmt.State descriptor.
pub fn format_method(t: &'static Type) -> Option<(u32, &'static Type)> {
    let m = t
        .uncommon
        .as_ref()?
        .methods
        .iter()
        .find(|m| m.name == "Format")?;
    match &m.mtyp.extra {
        TypeExtra::Func {
            params, results, ..
        } if params.len() == 2
            && results.is_empty()
            && params[0].kind == Kind::Interface
            && params[1].kind == Kind::Int32 =>
        {
            Some((m.ifn, params[0].get()))
        }
        _ => None,
    }
}

/// The `*fmt.pp` descriptor whose methods are `state`'s (built once per
/// State descriptor), with the program's stubs as code.
fn pp_type(vm: &Vm<'_>, state: &'static Type) -> Option<&'static Type> {
    static CACHE: Mutex<Vec<(usize, &'static Type)>> = Mutex::new(Vec::new());
    let key = state as *const Type as usize;
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&(_, t)) = cache.iter().find(|(k, _)| *k == key) {
        return Some(t);
    }
    let TypeExtra::Interface { methods } = &state.extra else {
        return None;
    };
    let prog = vm.program();
    let mut ms = Vec::new();
    for im in methods.iter() {
        let name = format!("fmt.(*pp).{}", im.name);
        let ifn = prog.funcs.iter().position(|f| f.name == name)? as u32;
        ms.push(Method {
            name: im.name,
            pkgpath: im.pkgpath,
            mtyp: im.typ,
            ifn,
        });
    }
    static PP_STRUCT: Type = Type {
        size: 0,
        ptrdata: 0,
        hash: 0x7070,
        tflag: tflag::NAMED,
        align: 1,
        field_align: 1,
        kind: Kind::Struct,
        gcdata: &[],
        str: "fmt.pp",
        extra: TypeExtra::None,
        uncommon: None,
    };
    let t: &'static Type = Box::leak(Box::new(Type {
        size: 8,
        ptrdata: 8,
        hash: 0x7070_7070,
        tflag: tflag::UNCOMMON | tflag::REGULAR_MEMORY,
        align: 8,
        field_align: 8,
        kind: Kind::Pointer,
        gcdata: &[1],
        str: "*fmt.pp",
        extra: TypeExtra::Pointer {
            elem: TypeRef::new(&PP_STRUCT),
        },
        uncommon: Some(Uncommon {
            pkgpath: "fmt",
            methods: Box::leak(ms.into_boxed_slice()),
        }),
    }));
    cache.push((key, t));
    Some(t)
}

/// How a Format call ended.
pub enum Formatted {
    Done,
    /// It panicked: the panic is the goroutine's newest (recover it with
    /// `Vm::recover_native` for catchPanic, or let it go on).
    Panicked,
    /// The program ended, or the panic must go on.
    Failed(GoCallError),
}

/// Calls `Format(state, verb)` (function `fid`) on the receiver word
/// `recv` with the printer's flags, and appends what it wrote to `p`.
pub fn call_format(
    vm: &mut Vm<'_>,
    p: &mut Printer,
    fid: u32,
    state: &'static Type,
    recv: u64,
    verb: char,
) -> Formatted {
    let Some(tab) = pp_type(vm, state).and_then(|t| crate::itab::getitab(state, t).ok()) else {
        p.write(b"%!(goscope: fmt.State methods not built)");
        return Formatted::Done;
    };
    let f = &p.fmt;
    let st = PpState {
        buf: Vec::new(),
        wid: f.flags.wid_present.then_some(f.wid),
        prec: f.flags.prec_present.then_some(f.prec),
        minus: f.flags.minus,
        plus: f.flags.plus || f.flags.plus_v,
        sharp: f.flags.sharp || f.flags.sharp_v,
        space: f.flags.space,
        zero: f.flags.zero,
    };
    let idx = PP.with(|s| {
        let mut s = s.borrow_mut();
        s.push(st);
        s.len() - 1
    });
    let handle = PP_BASE + 8 * idx as u64;
    let r = vm.call_go(fid, 0, &[recv, tab.addr(), handle, verb as u64], 0);
    let st = PP.with(|s| {
        let mut s = s.borrow_mut();
        s.truncate(idx + 1);
        s.pop()
    });
    if let Some(st) = st {
        p.write(&st.buf);
    }
    match r {
        Ok(_) => Formatted::Done,
        Err(GoCallError::Panicked) => Formatted::Panicked,
        Err(e) => Formatted::Failed(e),
    }
}

/// Runs `f` on the state the handle at slot 0 names.
fn with_state<T>(c: &Ctx<'_, '_>, f: impl FnOnce(&mut PpState) -> T) -> Result<T, Raise> {
    let h = c.arg(0);
    let idx = h.wrapping_sub(PP_BASE) / 8;
    PP.with(|s| {
        let mut s = s.borrow_mut();
        match s.get_mut(idx as usize) {
            Some(st) if h >= PP_BASE && h.is_multiple_of(8) => Ok(f(st)),
            _ => Err(super::panic_string(
                "fmt: State used after its Format call returned",
            )),
        }
    })
}

/// `(*pp).Write(b []byte) (n int, err error)`.
fn pp_write(c: &mut Ctx<'_, '_>) -> R {
    let (p, n) = (c.arg(1), c.arg(2));
    let b = if n == 0 {
        &[][..]
    } else {
        mem::bytes(p, n as usize)
    };
    with_state(c, |st| st.buf.extend_from_slice(b))?;
    c.set(4, n);
    c.set(5, 0);
    c.set(6, 0);
    Ok(())
}

fn pp_width(c: &mut Ctx<'_, '_>) -> R {
    let w = with_state(c, |st| st.wid)?;
    c.set(1, w.unwrap_or(0) as u64);
    c.set_bool(2, w.is_some());
    Ok(())
}

fn pp_precision(c: &mut Ctx<'_, '_>) -> R {
    let w = with_state(c, |st| st.prec)?;
    c.set(1, w.unwrap_or(0) as u64);
    c.set_bool(2, w.is_some());
    Ok(())
}

fn pp_flag(c: &mut Ctx<'_, '_>) -> R {
    let b = c.arg(1) as i64;
    let r = with_state(c, |st| match u8::try_from(b) {
        Ok(b'-') => st.minus,
        Ok(b'+') => st.plus,
        Ok(b'#') => st.sharp,
        Ok(b' ') => st.space,
        Ok(b'0') => st.zero,
        _ => false,
    })?;
    c.set_bool(2, r);
    Ok(())
}

pub(super) static NATIVES: &[Native] = &[
    native("fmt.(*pp).Flag", 2, 1, pp_flag),
    native("fmt.(*pp).Precision", 1, 2, pp_precision),
    native("fmt.(*pp).Width", 1, 2, pp_width),
    native("fmt.(*pp).Write", 4, 3, pp_write),
];
