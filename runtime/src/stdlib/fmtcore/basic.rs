//! [`Basic`]: [`Arg`] for values of Go's predeclared types, printed as printArg's type
//! switch prints them. The VM can wrap a basic-kind value of a named type in [`Named`]
//! (same printing, its own %T) once it has checked the type has no String, Error or
//! Format method.

use super::print::{Arg, IntValue, Kind, Printer};

/// A value of a predeclared Go type, or a nil interface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Basic<'a> {
    /// A nil interface value.
    Nil,
    Bool(bool),
    Int(i64),
    Int8(i8),
    Int16(i16),
    Int32(i32),
    Int64(i64),
    Uint(u64),
    Uint8(u8),
    Uint16(u16),
    Uint32(u32),
    Uint64(u64),
    Uintptr(u64),
    Float32(f32),
    Float64(f64),
    Complex64(f32, f32),
    Complex128(f64, f64),
    String(&'a [u8]),
    /// A []byte; None is a nil slice.
    Bytes(Option<&'a [u8]>),
}

impl Basic<'_> {
    /// The Go name of the type.
    fn go_type(&self) -> &'static str {
        match self {
            Basic::Nil => "<nil>",
            Basic::Bool(_) => "bool",
            Basic::Int(_) => "int",
            Basic::Int8(_) => "int8",
            Basic::Int16(_) => "int16",
            Basic::Int32(_) => "int32",
            Basic::Int64(_) => "int64",
            Basic::Uint(_) => "uint",
            Basic::Uint8(_) => "uint8",
            Basic::Uint16(_) => "uint16",
            Basic::Uint32(_) => "uint32",
            Basic::Uint64(_) => "uint64",
            Basic::Uintptr(_) => "uintptr",
            Basic::Float32(_) => "float32",
            Basic::Float64(_) => "float64",
            Basic::Complex64(..) => "complex64",
            Basic::Complex128(..) => "complex128",
            Basic::String(_) => "string",
            Basic::Bytes(_) => "[]uint8",
        }
    }

    /// printArg's type switch, with `arg` the operand as the caller knows it (for
    /// badVerb's type name).
    pub fn print(&self, p: &mut Printer, arg: &(impl Arg + ?Sized), verb: char, type_string: &str) {
        match *self {
            Basic::Nil => p.print_arg(arg, verb),
            Basic::Bool(v) => p.fmt_bool(arg, v, verb),
            Basic::Float32(v) => p.fmt_float(arg, f64::from(v), 32, verb),
            Basic::Float64(v) => p.fmt_float(arg, v, 64, verb),
            Basic::Complex64(re, im) => p.fmt_complex(arg, f64::from(re), f64::from(im), 64, verb),
            Basic::Complex128(re, im) => p.fmt_complex(arg, re, im, 128, verb),
            Basic::String(s) => p.fmt_string(arg, s, verb),
            Basic::Bytes(b) => {
                if !p.fmt_bytes(b, verb, type_string) {
                    // printValue's slice form: each byte as an integer with the verb.
                    print_byte_elems(p, b.unwrap_or(&[]), verb, type_string);
                }
            }
            _ => match self.int_value() {
                Some(IntValue::Signed(v)) => p.fmt_integer(arg, v as u64, true, verb),
                Some(IntValue::Unsigned(v)) => p.fmt_integer(arg, v, false, verb),
                None => {}
            },
        }
    }
}

/// printValue for a []byte with a verb fmtBytes leaves to it: "[...]" of each element.
fn print_byte_elems(p: &mut Printer, b: &[u8], verb: char, type_string: &str) {
    if p.fmt.flags.sharp_v {
        p.write(type_string.as_bytes());
        p.write(b"{");
        for (i, &c) in b.iter().enumerate() {
            if i > 0 {
                p.write(b", ");
            }
            p.fmt_integer(&Basic::Uint8(c), u64::from(c), false, verb);
        }
        p.write(b"}");
        return;
    }
    p.write(b"[");
    for (i, &c) in b.iter().enumerate() {
        if i > 0 {
            p.write(b" ");
        }
        p.fmt_integer(&Basic::Uint8(c), u64::from(c), false, verb);
    }
    p.write(b"]");
}

impl Arg for Basic<'_> {
    fn is_nil(&self) -> bool {
        matches!(self, Basic::Nil)
    }

    fn type_string(&self) -> String {
        self.go_type().to_string()
    }

    fn kind(&self) -> Kind {
        match self {
            Basic::Nil | Basic::Bytes(_) => Kind::Other,
            Basic::Bool(_) => Kind::Bool,
            Basic::Int(_) => Kind::Int,
            Basic::Int8(_) => Kind::Int8,
            Basic::Int16(_) => Kind::Int16,
            Basic::Int32(_) => Kind::Int32,
            Basic::Int64(_) => Kind::Int64,
            Basic::Uint(_) => Kind::Uint,
            Basic::Uint8(_) => Kind::Uint8,
            Basic::Uint16(_) => Kind::Uint16,
            Basic::Uint32(_) => Kind::Uint32,
            Basic::Uint64(_) => Kind::Uint64,
            Basic::Uintptr(_) => Kind::Uintptr,
            Basic::Float32(_) => Kind::Float32,
            Basic::Float64(_) => Kind::Float64,
            Basic::Complex64(..) => Kind::Complex64,
            Basic::Complex128(..) => Kind::Complex128,
            Basic::String(_) => Kind::String,
        }
    }

    fn int_value(&self) -> Option<IntValue> {
        Some(match *self {
            Basic::Int(v) | Basic::Int64(v) => IntValue::Signed(v),
            Basic::Int8(v) => IntValue::Signed(v.into()),
            Basic::Int16(v) => IntValue::Signed(v.into()),
            Basic::Int32(v) => IntValue::Signed(v.into()),
            Basic::Uint(v) | Basic::Uint64(v) | Basic::Uintptr(v) => IntValue::Unsigned(v),
            Basic::Uint8(v) => IntValue::Unsigned(v.into()),
            Basic::Uint16(v) => IntValue::Unsigned(v.into()),
            Basic::Uint32(v) => IntValue::Unsigned(v.into()),
            _ => return None,
        })
    }

    fn format(&self, p: &mut Printer, verb: char) {
        self.print(p, self, verb, "[]byte");
    }

    fn format_pointer(&self, p: &mut Printer, verb: char) {
        if let Basic::Bytes(b) = self {
            // A slice is pointer-shaped; a Rust slice has no Go address, so the VM
            // supplies it through its own Arg. Here: the nil slice's 0 or the data pointer.
            let u = b.map_or(0, |s| s.as_ptr() as u64);
            p.fmt_pointer(self, u, verb);
        } else {
            p.bad_verb(self, verb);
        }
    }
}

/// A basic-kind value of a named type without String/Error/Format methods: prints as its
/// kind does (Go reaches it through printValue), with its own %T name.
pub struct Named<'a> {
    pub type_string: &'a str,
    pub value: Basic<'a>,
}

impl Arg for Named<'_> {
    fn type_string(&self) -> String {
        self.type_string.to_string()
    }

    fn kind(&self) -> Kind {
        self.value.kind()
    }

    fn int_value(&self) -> Option<IntValue> {
        self.value.int_value()
    }

    fn format(&self, p: &mut Printer, verb: char) {
        self.value.print(p, self, verb, self.type_string);
    }

    fn format_pointer(&self, p: &mut Printer, verb: char) {
        if let Basic::Bytes(b) = self.value {
            let u = b.map_or(0, |s| s.as_ptr() as u64);
            p.fmt_pointer(self, u, verb);
        } else {
            p.bad_verb(self, verb);
        }
    }
}
