//! How a panic value prints (runtime/error.go printpanicval and
//! printanycustomtype): values of the predeclared basic types as print()
//! prints them (`panic(1.5)`: `+1.500000e+000`); a defined type over a
//! basic kind as `main.MyInt(5)` / `main.S("text")` (a complex one as
//! `main.C(+1.000000e+000+2.000000e+000i)`); anything else as
//! `(main.T) 0xc000012345`, the type and the data word's address.
//! (Errors and Stringers print through their methods before this runs.)

use crate::mem;
use crate::print;
use crate::types::{Kind, Type};

/// A value of a basic kind read from an interface's data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basic<'a> {
    Int(i64),
    Uint(u64),
    F64(f64),
    F32(f32),
    C128(f64, f64),
    C64(f32, f32),
    Bool(bool),
    Str(&'a [u8]),
}

/// The value of basic type `t` at `p` (an interface's data word, which
/// points to the value for every basic kind); None for other kinds.
pub fn read_basic<'a>(t: &Type, p: u64) -> Option<Basic<'a>> {
    Some(match t.kind {
        Kind::Bool => Basic::Bool(mem::load_u8(p) != 0),
        Kind::Int8 => Basic::Int(mem::load_u8(p) as i8 as i64),
        Kind::Int16 => Basic::Int(mem::load_u16(p) as i16 as i64),
        Kind::Int32 => Basic::Int(mem::load_u32(p) as i32 as i64),
        Kind::Int | Kind::Int64 => Basic::Int(mem::load_u64(p) as i64),
        Kind::Uint8 => Basic::Uint(mem::load_u8(p) as u64),
        Kind::Uint16 => Basic::Uint(mem::load_u16(p) as u64),
        Kind::Uint32 => Basic::Uint(mem::load_u32(p) as u64),
        Kind::Uint | Kind::Uint64 | Kind::Uintptr => Basic::Uint(mem::load_u64(p)),
        Kind::Float32 => Basic::F32(f32::from_bits(mem::load_u32(p))),
        Kind::Float64 => Basic::F64(f64::from_bits(mem::load_u64(p))),
        Kind::Complex64 => Basic::C64(
            f32::from_bits(mem::load_u32(p)),
            f32::from_bits(mem::load_u32(p + 4)),
        ),
        Kind::Complex128 => Basic::C128(
            f64::from_bits(mem::load_u64(p)),
            f64::from_bits(mem::load_u64(p + 8)),
        ),
        Kind::String => Basic::Str(mem::bytes(mem::load_u64(p), mem::load_u64(p + 8) as usize)),
        _ => return None,
    })
}

/// print() of a basic value.
fn print_basic(out: &mut Vec<u8>, v: Basic<'_>) {
    match v {
        Basic::Int(i) => print::printint(out, i),
        Basic::Uint(u) => print::printuint(out, u),
        Basic::F64(f) => print::printfloat(out, f),
        Basic::F32(f) => print::printfloat(out, f as f64),
        Basic::C128(re, im) => print::printcomplex(out, re, im),
        Basic::C64(re, im) => print::printcomplex(out, re as f64, im as f64),
        Basic::Bool(b) => print::printbool(out, b),
        Basic::Str(s) => out.extend_from_slice(s),
    }
}

/// printpanicval of the eface value (`t` None: a nil interface) with data
/// word `data`.
pub fn printpanicval(t: Option<&Type>, data: u64) -> String {
    let Some(t) = t else {
        return "nil".into();
    };
    let mut out = Vec::new();
    match read_basic(t, data) {
        // A predeclared type: its name has no package qualifier.
        Some(v) if !t.str.contains('.') => print_basic(&mut out, v),
        // print of a complex number brings its own parentheses.
        Some(v @ (Basic::C64(..) | Basic::C128(..))) => {
            out.extend_from_slice(t.str.as_bytes());
            print_basic(&mut out, v);
        }
        Some(v) => {
            out.extend_from_slice(t.str.as_bytes());
            let quote = matches!(v, Basic::Str(_));
            out.extend_from_slice(if quote { b"(\"" } else { b"(" });
            print_basic(&mut out, v);
            out.extend_from_slice(if quote { b"\")" } else { b")" });
        }
        None => {
            out.push(b'(');
            out.extend_from_slice(t.str.as_bytes());
            out.extend_from_slice(b") ");
            print::printhex(&mut out, data);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testtypes;

    #[test]
    fn basic_and_custom_forms() {
        let int = testtypes::int();
        let v: u64 = 5;
        let p = &v as *const u64 as u64;
        assert_eq!(printpanicval(Some(int), p), "5");
        assert_eq!(printpanicval(None, 0), "nil");
        let my = testtypes::scalar(Kind::Int, 8, "main.MyInt");
        assert_eq!(printpanicval(Some(my), p), "main.MyInt(5)");
        let s = testtypes::slice(int);
        assert_eq!(printpanicval(Some(s), 0x1234), "([]int) 0x1234");
    }
}
