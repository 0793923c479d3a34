//! Go's fmt/print.go without reflection: the Printf driver (flags, width, precision,
//! `*` operands, `%[n]` indexes and the `%!` error forms), Print's and Println's spacing,
//! and the per-kind printers (fmtBool, fmtInteger, fmtFloat, fmtComplex, fmtString,
//! fmtBytes, fmtPointer, badVerb) that an operand calls back into.
//!
//! Operands are [`Arg`]s: the VM implements Arg over a Go interface value (its _type
//! gives the type string and kind; its data the value), handling Stringer, error,
//! Formatter and composite values itself and calling the per-kind printers for the rest.
//! [`Basic`] is Arg for Go's predeclared types.
//!
//! Example: `sprintf(b"%5.1f|%-4d|%x", &[&Basic::Float64(3.14159), &Basic::Int(7),
//! &Basic::String(b"hi")])` is "  3.1|7   |6869"; `sprintf(b"%d", &[&Basic::String(b"hi")])`
//! is "%!d(string=hi)".

use super::format::{Fmt, LDIGITS, UDIGITS};
use crate::stdlib::utf8::{append_rune, decode_rune};

/// Go's reflect.Kind, as much of it as the driver needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    /// Arrays, chans, funcs, interfaces, maps, pointers, slices, structs, unsafe pointers.
    Other,
}

/// An integer operand's value, for `*` width and precision (Go's intFromArg).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntValue {
    Signed(i64),
    Unsigned(u64),
}

/// One operand of Print/Printf: what Go's `any` gives fmt.
pub trait Arg {
    /// Whether this is a nil interface (Go prints `<nil>` for %v and %T).
    fn is_nil(&self) -> bool {
        false
    }
    /// reflect.TypeOf(arg).String(): "int", "main.T", "[]string", ...
    fn type_string(&self) -> String;
    /// The value's kind (named types have their underlying kind).
    fn kind(&self) -> Kind;
    /// The value if its kind is an integer kind.
    fn int_value(&self) -> Option<IntValue> {
        None
    }
    /// Go's printArg after the nil, %T and %p cases: write the value for `verb` into
    /// `p`, using p's per-kind printers (and [`Printer::bad_verb`] for a wrong verb).
    fn format(&self, p: &mut Printer, verb: char);
    /// Go's printArg for %p: a pointer-shaped value's address; others are a bad verb.
    fn format_pointer(&self, p: &mut Printer, verb: char) {
        p.bad_verb(self, verb);
    }
}

/// Go's `pp`: the output buffer with its `fmt`, and the state of one Print call.
#[derive(Debug, Default)]
pub struct Printer {
    pub fmt: Fmt,
    /// Set while printing a bad verb's operand: methods must not be called (Go's erroring).
    pub erroring: bool,
    /// Errorf's %w is allowed (Go's wrapErrs).
    pub wrap_errs: bool,
    reordered: bool,
    good_arg_num: bool,
}

impl Printer {
    pub fn new() -> Printer {
        Printer::default()
    }

    /// The bytes printed so far.
    pub fn bytes(&self) -> &[u8] {
        &self.fmt.buf
    }

    /// Takes the output.
    pub fn into_bytes(self) -> Vec<u8> {
        self.fmt.buf
    }

    pub fn write(&mut self, b: &[u8]) {
        self.fmt.buf.extend_from_slice(b);
    }

    /// Go's badVerb: `%!verb(type=value)`, or `%!verb(<nil>)`.
    pub fn bad_verb(&mut self, arg: &(impl Arg + ?Sized), verb: char) {
        self.erroring = true;
        self.write(b"%!");
        append_rune(&mut self.fmt.buf, verb as i32);
        self.write(b"(");
        if arg.is_nil() {
            self.write(b"<nil>");
        } else {
            self.write(arg.type_string().as_bytes());
            self.write(b"=");
            self.print_arg(arg, 'v');
        }
        self.write(b")");
        self.erroring = false;
    }

    /// Go's printArg: nil, %T and %p here, the rest by the operand.
    pub fn print_arg(&mut self, arg: &(impl Arg + ?Sized), verb: char) {
        if arg.is_nil() {
            match verb {
                'T' | 'v' => self.fmt.pad(b"<nil>"),
                _ => self.bad_verb(arg, verb),
            }
            return;
        }
        match verb {
            'T' => self.fmt.fmt_s(arg.type_string().as_bytes()),
            'p' => arg.format_pointer(self, 'p'),
            _ => arg.format(self, verb),
        }
    }

    /// Go's fmtBool.
    pub fn fmt_bool(&mut self, arg: &(impl Arg + ?Sized), v: bool, verb: char) {
        match verb {
            't' | 'v' => self.fmt.fmt_boolean(v),
            _ => self.bad_verb(arg, verb),
        }
    }

    /// Go's fmt0x64: hex with or without a leading 0x.
    pub fn fmt_0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.fmt.flags.sharp;
        self.fmt.flags.sharp = leading0x;
        self.fmt.fmt_integer(v, 16, false, 'v', LDIGITS);
        self.fmt.flags.sharp = sharp;
    }

    /// Go's fmtInteger: v is the value's bits, sign-extended when `is_signed`.
    pub fn fmt_integer(&mut self, arg: &(impl Arg + ?Sized), v: u64, is_signed: bool, verb: char) {
        let f = &mut self.fmt;
        match verb {
            'v' if f.flags.sharp_v && !is_signed => self.fmt_0x64(v, true),
            'v' | 'd' => f.fmt_integer(v, 10, is_signed, verb, LDIGITS),
            'b' => f.fmt_integer(v, 2, is_signed, verb, LDIGITS),
            'o' | 'O' => f.fmt_integer(v, 8, is_signed, verb, LDIGITS),
            'x' => f.fmt_integer(v, 16, is_signed, verb, LDIGITS),
            'X' => f.fmt_integer(v, 16, is_signed, verb, UDIGITS),
            'c' => f.fmt_c(v),
            'q' => f.fmt_qc(v),
            'U' => f.fmt_unicode(v),
            _ => self.bad_verb(arg, verb),
        }
    }

    /// Go's fmtFloat: size is 32 or 64.
    pub fn fmt_float(&mut self, arg: &(impl Arg + ?Sized), v: f64, size: u32, verb: char) {
        match verb {
            'v' => self.fmt.fmt_float(v, size, 'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt.fmt_float(v, size, verb, -1),
            'f' | 'e' | 'E' => self.fmt.fmt_float(v, size, verb, 6),
            'F' => self.fmt.fmt_float(v, size, 'f', 6),
            _ => self.bad_verb(arg, verb),
        }
    }

    /// Go's fmtComplex: size is 64 or 128; "(re+imi)".
    pub fn fmt_complex(
        &mut self,
        arg: &(impl Arg + ?Sized),
        re: f64,
        im: f64,
        size: u32,
        verb: char,
    ) {
        match verb {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let old_plus = self.fmt.flags.plus;
                self.write(b"(");
                self.fmt_float(arg, re, size / 2, verb);
                self.fmt.flags.plus = true;
                self.fmt_float(arg, im, size / 2, verb);
                self.write(b"i)");
                self.fmt.flags.plus = old_plus;
            }
            _ => self.bad_verb(arg, verb),
        }
    }

    /// Go's fmtString.
    pub fn fmt_string(&mut self, arg: &(impl Arg + ?Sized), v: &[u8], verb: char) {
        match verb {
            'v' if self.fmt.flags.sharp_v => self.fmt.fmt_q(v),
            'v' | 's' => self.fmt.fmt_s(v),
            'x' => self.fmt.fmt_sbx(v, LDIGITS),
            'X' => self.fmt.fmt_sbx(v, UDIGITS),
            'q' => self.fmt.fmt_q(v),
            _ => self.bad_verb(arg, verb),
        }
    }

    /// Go's fmtBytes for verbs other than those printValue handles: v is None for a nil
    /// slice; `type_string` is "[]byte" or the named type. Returns false for a verb Go
    /// hands to printValue (the element-wise form), which the caller must then print.
    pub fn fmt_bytes(&mut self, v: Option<&[u8]>, verb: char, type_string: &str) -> bool {
        let b = v.unwrap_or(&[]);
        match verb {
            'v' | 'd' => {
                if self.fmt.flags.sharp_v {
                    self.write(type_string.as_bytes());
                    if v.is_none() {
                        self.write(b"(nil)");
                        return true;
                    }
                    self.write(b"{");
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.write(b", ");
                        }
                        self.fmt_0x64(u64::from(c), true);
                    }
                    self.write(b"}");
                } else {
                    self.write(b"[");
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.write(b" ");
                        }
                        self.fmt.fmt_integer(u64::from(c), 10, false, verb, LDIGITS);
                    }
                    self.write(b"]");
                }
            }
            's' => self.fmt.fmt_s(b),
            'x' => self.fmt.fmt_sbx(b, LDIGITS),
            'X' => self.fmt.fmt_sbx(b, UDIGITS),
            'q' => self.fmt.fmt_q(b),
            _ => return false,
        }
        true
    }

    /// Go's fmtPointer once the address `u` is known (the kind was pointer-shaped).
    pub fn fmt_pointer(&mut self, arg: &(impl Arg + ?Sized), u: u64, verb: char) {
        match verb {
            'v' => {
                if self.fmt.flags.sharp_v {
                    self.write(b"(");
                    self.write(arg.type_string().as_bytes());
                    self.write(b")(");
                    if u == 0 {
                        self.write(b"nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.write(b")");
                } else if u == 0 {
                    self.fmt.pad(b"<nil>");
                } else {
                    let sharp = self.fmt.flags.sharp;
                    self.fmt_0x64(u, !sharp);
                }
            }
            'p' => {
                let sharp = self.fmt.flags.sharp;
                self.fmt_0x64(u, !sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(arg, u, false, verb),
            _ => self.bad_verb(arg, verb),
        }
    }

    /// Go's doPrint: operands separated by a space when neither side is a string.
    pub fn do_print(&mut self, a: &[&dyn Arg]) {
        let mut prev_string = false;
        for (i, arg) in a.iter().enumerate() {
            let is_string = !arg.is_nil() && arg.kind() == Kind::String;
            if i > 0 && !is_string && !prev_string {
                self.write(b" ");
            }
            self.print_arg(*arg, 'v');
            prev_string = is_string;
        }
    }

    /// Go's doPrintln: operands separated by spaces, then a newline.
    pub fn do_println(&mut self, a: &[&dyn Arg]) {
        for (i, arg) in a.iter().enumerate() {
            if i > 0 {
                self.write(b" ");
            }
            self.print_arg(*arg, 'v');
        }
        self.write(b"\n");
    }
}

/// Go's tooLarge: width and precision are capped at 1e6.
fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's parsenum: (number, found, index after it).
fn parsenum(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let (mut num, mut isnum) = (0i64, false);
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end); // Overflow; crazy long number most likely.
        }
        num = num * 10 + i64::from(s[i] - b'0');
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// Go's intFromArg: operand `arg_num` as a width or precision.
fn int_from_arg(a: &[&dyn Arg], arg_num: usize) -> (i64, bool, usize) {
    let Some(arg) = a.get(arg_num) else {
        return (0, false, arg_num);
    };
    let (num, is_int) = match arg.int_value() {
        Some(IntValue::Signed(n)) => (n, true),
        Some(IntValue::Unsigned(n)) if n <= i64::MAX as u64 => (n as i64, true),
        _ => (0, false),
    };
    if too_large(num) {
        return (0, false, arg_num + 1);
    }
    (num, is_int, arg_num + 1)
}

/// Go's parseArgNumber: the index inside "[n]" (zero-based), the bytes used, and ok.
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parsenum(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

impl Printer {
    /// Go's argNumber: an explicit "[n]" index at format[i], if any.
    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    /// Writes `%!verb` and a suffix.
    fn verb_error(&mut self, verb: char, what: &[u8]) {
        self.write(b"%!");
        append_rune(&mut self.fmt.buf, verb as i32);
        self.write(what);
    }

    /// Go's doPrintf.
    pub fn do_printf(&mut self, format: &[u8], a: &[&dyn Arg]) {
        let end = format.len();
        let mut arg_num = 0usize;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        'format_loop: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.write(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // skip %
            self.fmt.clear_flags();
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.fmt.flags.sharp = true,
                    b'0' => self.fmt.flags.zero = !self.fmt.flags.minus,
                    b'+' => self.fmt.flags.plus = true,
                    b'-' => {
                        self.fmt.flags.minus = true;
                        self.fmt.flags.zero = false;
                    }
                    b' ' => self.fmt.flags.space = true,
                    _ => {
                        // Fast path for common case of ascii lower case simple verbs.
                        if c.is_ascii_lowercase() && arg_num < a.len() {
                            if c == b'v' {
                                self.set_v_flags();
                            }
                            self.print_arg(a[arg_num], c as char);
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }
            // Do we have an explicit argument index?
            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
            // Do we have width?
            if i < end && format[i] == b'*' {
                i += 1;
                let (wid, present, n) = int_from_arg(a, arg_num);
                (self.fmt.wid, self.fmt.flags.wid_present, arg_num) = (wid, present, n);
                if !present {
                    self.write(b"%!(BADWIDTH)");
                }
                if self.fmt.wid < 0 {
                    self.fmt.wid = -self.fmt.wid;
                    self.fmt.flags.minus = true;
                    self.fmt.flags.zero = false;
                }
                after_index = false;
            } else {
                let (wid, present, ni) = parsenum(format, i, end);
                (self.fmt.wid, self.fmt.flags.wid_present, i) = (wid, present, ni);
                if after_index && present {
                    self.good_arg_num = false; // "%[3]2d"
                }
            }
            // Do we have precision?
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false; // "%[3].2d"
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (prec, present, n) = int_from_arg(a, arg_num);
                    (self.fmt.prec, self.fmt.flags.prec_present, arg_num) = (prec, present, n);
                    // Negative precision arguments don't make sense.
                    if self.fmt.prec < 0 {
                        self.fmt.prec = 0;
                        self.fmt.flags.prec_present = false;
                    }
                    if !self.fmt.flags.prec_present {
                        self.write(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (prec, present, ni) = parsenum(format, i, end);
                    (self.fmt.prec, self.fmt.flags.prec_present, i) = (prec, present, ni);
                    if !present {
                        self.fmt.prec = 0;
                        self.fmt.flags.prec_present = true;
                    }
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, a.len());
            }
            if i >= end {
                self.write(b"%!(NOVERB)");
                break;
            }
            let (verb, size) = if format[i] < 0x80 {
                (format[i] as char, 1)
            } else {
                let (r, size) = decode_rune(&format[i..]);
                (
                    char::from_u32(r as u32).unwrap_or(char::REPLACEMENT_CHARACTER),
                    size,
                )
            };
            i += size;
            if verb == '%' {
                // Percent does not absorb operands and ignores f.wid and f.prec.
                self.write(b"%");
            } else if !self.good_arg_num {
                self.verb_error(verb, b"(BADINDEX)");
            } else if arg_num >= a.len() {
                self.verb_error(verb, b"(MISSING)");
            } else {
                if verb == 'v' {
                    self.set_v_flags();
                }
                self.print_arg(a[arg_num], verb);
                arg_num += 1;
            }
        }
        // Check for extra arguments unless the call accessed the arguments out of order.
        if !self.reordered && arg_num < a.len() {
            self.fmt.clear_flags();
            self.write(b"%!(EXTRA ");
            for (i, arg) in a[arg_num..].iter().enumerate() {
                if i > 0 {
                    self.write(b", ");
                }
                if arg.is_nil() {
                    self.write(b"<nil>");
                } else {
                    self.write(arg.type_string().as_bytes());
                    self.write(b"=");
                    self.print_arg(*arg, 'v');
                }
            }
            self.write(b")");
        }
    }

    /// %v turns '#' into sharpV and '+' into plusV.
    fn set_v_flags(&mut self) {
        let f = &mut self.fmt.flags;
        f.sharp_v = f.sharp;
        f.sharp = false;
        f.plus_v = f.plus;
        f.plus = false;
    }
}

/// Go's fmt.Sprintf.
pub fn sprintf(format: &[u8], a: &[&dyn Arg]) -> Vec<u8> {
    let mut p = Printer::new();
    p.do_printf(format, a);
    p.into_bytes()
}

/// Go's fmt.Sprint.
pub fn sprint(a: &[&dyn Arg]) -> Vec<u8> {
    let mut p = Printer::new();
    p.do_print(a);
    p.into_bytes()
}

/// Go's fmt.Sprintln.
pub fn sprintln(a: &[&dyn Arg]) -> Vec<u8> {
    let mut p = Printer::new();
    p.do_println(a);
    p.into_bytes()
}
