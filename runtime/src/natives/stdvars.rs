//! The initial values of std package variables (`os.Args`, `io.EOF`,
//! `runtime.MemProfileRate`): natives of no parameters named after the
//! variable. The compiler gives each variable a program uses a slot in
//! the globals area and stores the native's result there before the
//! package's initializers run, so `io.EOF` is one value for the whole run
//! and `runtime.MemProfileRate = 1` is an ordinary assignment.

use super::{native, Ctx, Native};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// os.Args: the program's path (the .go file without its extension, as
/// `go run` names the binary it builds) and the arguments after it.
fn os_args(c: &mut Ctx<'_, '_>) -> R {
    let all: Vec<String> = std::env::args().collect();
    let start = all.iter().position(|a| a.ends_with(".go"));
    let args: Vec<Vec<u8>> = match start {
        Some(i) => std::iter::once(all[i].trim_end_matches(".go").as_bytes().to_vec())
            .chain(all[i + 1..].iter().map(|a| a.as_bytes().to_vec()))
            .collect(),
        None => vec![b"main".to_vec()],
    };
    let parts: Vec<&[u8]> = args.iter().map(|a| &a[..]).collect();
    c.set_strings(0, &parts);
    Ok(())
}

/// io.EOF: errors.New("EOF").
fn io_eof(c: &mut Ctx<'_, '_>) -> R {
    super::errors::new_error_string(c, b"EOF", 0)
}

/// runtime.MemProfileRate: 0, as gc's linker leaves it in a program that
/// cannot reach runtime.MemProfile (disableMemoryProfiling; goscope has
/// no memory profiles).
fn mem_profile_rate(c: &mut Ctx<'_, '_>) -> R {
    c.set(0, 0);
    Ok(())
}

pub const NATIVES: &[Native] = &[
    native("os.Args", 0, 3, os_args),
    native("io.EOF", 0, 2, io_eof),
    native("runtime.MemProfileRate", 0, 1, mem_profile_rate),
];
