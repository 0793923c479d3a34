//! ParseInt, ParseUint, Atoi and ParseBool with Go's *NumError (strconv/atoi.go, atob.go).
//!
//! Errors are a [`NumError`] the VM turns into a Go `*strconv.NumError` value; its
//! [`NumError::error`] is the text of Go's Error method, e.g.
//! `strconv.Atoi: parsing "x": invalid syntax`.

use super::quote::quote;

/// The reason a conversion failed: Go's NumError.Err.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumErrorKind {
    /// strconv.ErrSyntax: "invalid syntax".
    Syntax,
    /// strconv.ErrRange: "value out of range".
    Range,
    /// errors.New("invalid base N").
    Base(i64),
    /// errors.New("invalid bit size N").
    BitSize(i64),
}

impl NumErrorKind {
    /// The Err's Error() text.
    pub fn message(&self) -> String {
        match self {
            NumErrorKind::Syntax => "invalid syntax".to_string(),
            NumErrorKind::Range => "value out of range".to_string(),
            NumErrorKind::Base(b) => format!("invalid base {b}"),
            NumErrorKind::BitSize(b) => format!("invalid bit size {b}"),
        }
    }
}

/// Go's strconv.NumError: the failing function, its input and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    /// "ParseInt", "ParseUint", "Atoi", "ParseFloat", "ParseBool".
    pub func: &'static str,
    /// The input, as bytes (a Go string need not be UTF-8).
    pub num: Vec<u8>,
    pub err: NumErrorKind,
}

impl NumError {
    fn new(func: &'static str, num: &[u8], err: NumErrorKind) -> NumError {
        NumError {
            func,
            num: num.to_vec(),
            err,
        }
    }

    /// Go's (*NumError).Error.
    pub fn error(&self) -> String {
        format!(
            "strconv.{}: parsing {}: {}",
            self.func,
            quote(&self.num),
            self.err.message()
        )
    }
}

/// Go's `lower`: ASCII letter to lower case (other bytes get bit 0x20 set).
pub(crate) fn lower(c: u8) -> u8 {
    c | (b'x' - b'X')
}

/// Go's strconv.ParseUint. On a range error the value is the maximum, as Go returns.
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> Result<u64, (u64, NumError)> {
    const F: &str = "ParseUint";
    let syntax = |s0: &[u8]| (0, NumError::new(F, s0, NumErrorKind::Syntax));
    if s.is_empty() {
        return Err(syntax(s));
    }
    let base0 = base == 0;
    let s0 = s;
    let mut s = s;
    let mut base = base;
    if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && lower(s[1]) == b'b' {
                base = 2;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'o' {
                base = 8;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'x' {
                base = 16;
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else if !(2..=36).contains(&base) {
        return Err((0, NumError::new(F, s0, NumErrorKind::Base(base))));
    }
    let bit_size = if bit_size == 0 {
        64
    } else if !(0..=64).contains(&bit_size) {
        return Err((0, NumError::new(F, s0, NumErrorKind::BitSize(bit_size))));
    } else {
        bit_size
    };
    let base = base as u64;
    let cutoff = u64::MAX / base + 1;
    let max_val = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let range = || (max_val, NumError::new(F, s0, NumErrorKind::Range));
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = if c == b'_' && base0 {
            underscores = true;
            continue;
        } else if c.is_ascii_digit() {
            c - b'0'
        } else if lower(c).is_ascii_lowercase() {
            lower(c) - b'a' + 10
        } else {
            return Err(syntax(s0));
        };
        if u64::from(d) >= base {
            return Err(syntax(s0));
        }
        if n >= cutoff {
            return Err(range());
        }
        n *= base;
        let n1 = n.wrapping_add(u64::from(d));
        if n1 < n || n1 > max_val {
            return Err(range());
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return Err(syntax(s0));
    }
    Ok(n)
}

/// Go's strconv.ParseInt. On a range error the value is the clamped bound, as Go returns.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> Result<i64, (i64, NumError)> {
    const F: &str = "ParseInt";
    if s.is_empty() {
        return Err((0, NumError::new(F, s, NumErrorKind::Syntax)));
    }
    let s0 = s;
    let (neg, rest) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let un = match parse_uint(rest, base, bit_size) {
        Ok(un) => un,
        Err((un, e)) if e.err == NumErrorKind::Range => un,
        Err((_, mut e)) => {
            e.func = F;
            e.num = s0.to_vec();
            return Err((0, e));
        }
    };
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return Err((
            (cutoff - 1) as i64,
            NumError::new(F, s0, NumErrorKind::Range),
        ));
    }
    if neg && un > cutoff {
        return Err((
            (cutoff as i64).wrapping_neg(),
            NumError::new(F, s0, NumErrorKind::Range),
        ));
    }
    let n = un as i64;
    Ok(if neg { n.wrapping_neg() } else { n })
}

/// Go's strconv.Atoi (int is 64 bits).
pub fn atoi(s: &[u8]) -> Result<i64, (i64, NumError)> {
    parse_int(s, 10, 0).map_err(|(v, mut e)| {
        e.func = "Atoi";
        // Go's fast path for short inputs returns 0 with its syntax errors.
        (if e.err == NumErrorKind::Syntax { 0 } else { v }, e)
    })
}

/// Go's strconv.ParseBool.
pub fn parse_bool(s: &[u8]) -> Result<bool, NumError> {
    match s {
        b"1" | b"t" | b"T" | b"true" | b"TRUE" | b"True" => Ok(true),
        b"0" | b"f" | b"F" | b"false" | b"FALSE" | b"False" => Ok(false),
        _ => Err(NumError::new("ParseBool", s, NumErrorKind::Syntax)),
    }
}

/// Go's strconv.FormatBool.
pub fn format_bool(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Go's underscoreOK: underscores only between digits or after a base prefix.
pub(crate) fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let s = match s.first() {
        Some(b'-') | Some(b'+') => &s[1..],
        _ => s,
    };
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}
