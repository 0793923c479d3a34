//! The lexer: logos tokens plus gc's semicolon insertion and diagnostics.
//!
//! gc's scanner (scanner.go, source.go) is the specification. Three layers:
//!
//! 1. [`sanitize`] turns the source bytes into text. gc's `source.nextch`
//!    reports and then *skips* NUL characters, invalid UTF-8 bytes and
//!    byte order marks after the first character; here each such byte is
//!    reported the same way and replaced by a space, so that every byte
//!    offset (and so every gc column) stays what it was.
//! 2. [`RawTok`] (logos) recognizes the regular tokens; the `scan_*`
//!    callbacks below consume identifiers, numbers, strings, runes and
//!    comments character by character with gc's algorithms, recording gc's
//!    messages at gc's positions.
//! 3. [`Lexer`] drops white space and comments and inserts semicolons
//!    exactly as `scanner.next` does: when the previous token set `nlsemi`
//!    (a name, a literal, `break continue fallthrough return`, `++ --`,
//!    `) ] }`), a newline, the end of the file, or a `/* */` comment that
//!    spans lines becomes `;` with the text "newline" or "EOF". It also
//!    collects `//go:` directives for the parser's pragmas.
//!
//! Errors never stop the lexer: a malformed literal is still a literal
//! (marked `bad`), an invalid character is reported and skipped.
//! `//line` directives are recognized as comments and otherwise ignored:
//! positions are always the physical ones.
//!
//! Example: `return\n}` lexes as `return`, `;` ("newline"), `}`, `;` ("EOF").

use logos::Logos;

use super::ast::LitKind;
use super::ctx::{Directive, ParseCtx};
use super::pos::Pos;
use super::symbol::Symbol;
use super::token::{keyword, Lit, RawTok, SemiKind, Tok};
use goscope_runtime::stdlib::{strconv, unicode};

/// Errors recorded by the logos callbacks: (byte offset in the file, message).
#[derive(Default)]
pub struct Extras {
    pub errors: Vec<(u32, String)>,
}

/// The lexer never fails; this type only satisfies LALRPOP's interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LexError;

/// Converts source bytes into text with the same byte offsets, reporting
/// what gc's `source.nextch` reports: "invalid NUL character", "invalid
/// UTF-8 encoding" (once per bad byte) and "invalid BOM in the middle of
/// the file". Each offending byte becomes a space; a BOM at offset 0 is
/// dropped silently, as in gc. A clean source (the usual case) is
/// borrowed, not copied.
pub fn sanitize<'s>(src: &'s [u8], errors: &mut Vec<(u32, String)>) -> std::borrow::Cow<'s, str> {
    if let Ok(s) = std::str::from_utf8(src) {
        if !s.as_bytes().contains(&0) && !s.contains('\u{feff}') {
            return std::borrow::Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(src.len());
    let mut offset = 0usize;
    for chunk in src.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            let at = (offset + i) as u32;
            match c {
                '\0' => {
                    errors.push((at, "invalid NUL character".into()));
                    out.push(' ');
                }
                '\u{feff}' => {
                    if at != 0 {
                        errors.push((at, "invalid BOM in the middle of the file".into()));
                    }
                    out.push_str("   ");
                }
                _ => out.push(c),
            }
        }
        offset += chunk.valid().len();
        for _ in chunk.invalid() {
            errors.push((offset as u32, "invalid UTF-8 encoding".into()));
            out.push(' ');
            offset += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Go's `unicode.IsLetter`.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        unicode::is_letter(c as i32)
    }
}

/// Go's `unicode.IsDigit`.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        unicode::is_digit(c as i32)
    }
}

/// Go's `strconv.IsPrint`.
pub fn is_print(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        strconv::is_print(c as i32)
    }
}

/// Go's `fmt` verb `%#U`: `U+0041 'A'`, or `U+0000` when not printable.
pub fn format_u(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if is_print(ch) => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// Go's `%q` of a rune (`strconv.QuoteRune`).
pub fn quote_rune(c: char) -> String {
    let body = match c {
        '\'' => "\\'".to_string(),
        '\\' => "\\\\".to_string(),
        '\u{7}' => "\\a".to_string(),
        '\u{8}' => "\\b".to_string(),
        '\u{c}' => "\\f".to_string(),
        '\n' => "\\n".to_string(),
        '\r' => "\\r".to_string(),
        '\t' => "\\t".to_string(),
        '\u{b}' => "\\v".to_string(),
        c if is_print(c) => c.to_string(),
        c if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        c if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        c => format!("\\U{:08x}", c as u32),
    };
    format!("'{body}'")
}

/// A character cursor over the text from a token's start, for the
/// hand-written scanners (gc's `source` with `ch` the current character).
struct Cursor<'s> {
    src: &'s str,
    start: usize,
    pos: usize,
    ch: Option<char>,
}

impl<'s> Cursor<'s> {
    fn new(src: &'s str, start: usize) -> Cursor<'s> {
        let ch = src[start..].chars().next();
        Cursor {
            src,
            start,
            pos: start,
            ch,
        }
    }
    fn next(&mut self) {
        if let Some(c) = self.ch {
            self.pos += c.len_utf8();
            self.ch = self.src[self.pos..].chars().next();
        }
    }
    fn is(&self, c: char) -> bool {
        self.ch == Some(c)
    }
    fn lower(&self) -> Option<char> {
        self.ch.map(|c| c.to_ascii_lowercase())
    }
    /// Reports at the current character (gc's `errorf`).
    fn error(&self, ex: &mut Extras, msg: String) {
        ex.errors.push((self.pos as u32, msg));
    }
    /// Reports at `offset` bytes into the token (gc's `errorAtf`).
    fn error_at(&self, ex: &mut Extras, offset: usize, msg: String) {
        ex.errors.push(((self.start + offset) as u32, msg));
    }
    fn text(&self) -> &'s str {
        &self.src[self.start..self.pos]
    }
}

/// Finishes a callback scan: moves logos past what the cursor consumed.
fn finish(lex: &mut logos::Lexer<RawTok>, cur: &Cursor) {
    let consumed = cur.pos - lex.span().end;
    lex.bump(consumed);
}

pub(crate) fn scan_ident(lex: &mut logos::Lexer<RawTok>) -> Tok {
    let text = lex.slice();
    if !text.is_ascii() {
        let start = lex.span().start;
        for (i, c) in text.char_indices() {
            if c.is_ascii() || is_letter(c) {
                continue;
            }
            let at = (start + i) as u32;
            if is_digit(c) {
                if i == 0 {
                    let msg = format!("identifier cannot begin with digit {}", format_u(c as u32));
                    lex.extras.errors.push((at, msg));
                }
            } else {
                let msg = format!("invalid character {} in identifier", format_u(c as u32));
                lex.extras.errors.push((at, msg));
            }
        }
    }
    if text.len() >= 2 {
        if let Some(k) = keyword(text) {
            return k;
        }
    }
    Tok::Name(Symbol::intern(text))
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// gc's `digits`: accepts `{ digit | '_' }`, recording the first digit
/// too large for a base <= 10 in `invalid`; returns bit 0 for digits seen,
/// bit 1 for separators seen.
fn digits(cur: &mut Cursor, base: u32, invalid: &mut Option<usize>) -> u32 {
    let mut digsep = 0;
    if base <= 10 {
        let max = char::from(b'0' + base as u8);
        while let Some(c) = cur.ch {
            if !(c.is_ascii_digit() || c == '_') {
                break;
            }
            let mut ds = 1;
            if c == '_' {
                ds = 2;
            } else if c >= max && invalid.is_none() {
                *invalid = Some(cur.pos - cur.start);
            }
            digsep |= ds;
            cur.next();
        }
    } else {
        while let Some(c) = cur.ch {
            if !(c.is_ascii_hexdigit() || c == '_') {
                break;
            }
            digsep |= if c == '_' { 2 } else { 1 };
            cur.next();
        }
    }
    digsep
}

/// gc's `invalidSep`: the index of the first misplaced `_` in a number.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || x1 == b'x' && d.is_ascii_hexdigit() {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// gc's `number`, for a token starting with a digit or `.digit`.
pub(crate) fn scan_number(lex: &mut logos::Lexer<RawTok>) -> Lit {
    let mut cur = Cursor::new(lex.source(), lex.span().start);
    let ex = &mut lex.extras;
    let mut ok = true;
    let mut kind = LitKind::Int;
    let mut base = 10;
    let mut prefix = '\0';
    let mut digsep = 0;
    let mut invalid = None;
    let mut seen_point = cur.is('.');
    if seen_point {
        cur.next();
    } else {
        if cur.is('0') {
            cur.next();
            match cur.lower() {
                Some('x') => {
                    cur.next();
                    (base, prefix) = (16, 'x');
                }
                Some('o') => {
                    cur.next();
                    (base, prefix) = (8, 'o');
                }
                Some('b') => {
                    cur.next();
                    (base, prefix) = (2, 'b');
                }
                _ => {
                    (base, prefix) = (8, '0');
                    digsep = 1;
                }
            }
        }
        digsep |= digits(&mut cur, base, &mut invalid);
        if cur.is('.') {
            if prefix == 'o' || prefix == 'b' {
                cur.error(
                    ex,
                    format!("invalid radix point in {} literal", base_name(base)),
                );
                ok = false;
            }
            cur.next();
            seen_point = true;
        }
    }
    if seen_point {
        kind = LitKind::Float;
        digsep |= digits(&mut cur, base, &mut invalid);
    }
    if digsep & 1 == 0 && ok {
        cur.error(ex, format!("{} literal has no digits", base_name(base)));
        ok = false;
    }
    let e = cur.lower();
    if e == Some('e') || e == Some('p') {
        if ok {
            let ch = cur.ch.unwrap_or('e');
            if e == Some('e') && prefix != '\0' && prefix != '0' {
                cur.error(
                    ex,
                    format!("{} exponent requires decimal mantissa", quote_rune(ch)),
                );
                ok = false;
            } else if e == Some('p') && prefix != 'x' {
                cur.error(
                    ex,
                    format!("{} exponent requires hexadecimal mantissa", quote_rune(ch)),
                );
                ok = false;
            }
        }
        cur.next();
        kind = LitKind::Float;
        if cur.is('+') || cur.is('-') {
            cur.next();
        }
        let mut none = None;
        digsep = digits(&mut cur, 10, &mut none) | (digsep & 2);
        if digsep & 1 == 0 && ok {
            cur.error(ex, "exponent has no digits".into());
            ok = false;
        }
    } else if prefix == 'x' && kind == LitKind::Float && ok {
        cur.error(ex, "hexadecimal mantissa requires a 'p' exponent".into());
        ok = false;
    }
    if cur.is('i') {
        kind = LitKind::Imag;
        cur.next();
    }
    let text = cur.text();
    if kind == LitKind::Int && ok {
        if let Some(i) = invalid {
            let d = char::from(text.as_bytes()[i]);
            let msg = format!(
                "invalid digit {} in {} literal",
                quote_rune(d),
                base_name(base)
            );
            cur.error_at(ex, i, msg);
            ok = false;
        }
    }
    if digsep & 2 != 0 && ok {
        if let Some(i) = invalid_sep(text.as_bytes()) {
            cur.error_at(ex, i, "'_' must separate successive digits".into());
            ok = false;
        }
    }
    let lit = Lit {
        kind,
        text: Symbol::intern(text),
        bad: !ok,
    };
    finish(lex, &cur);
    lit
}

/// gc's `escape`, after the backslash; false if the escape is invalid.
fn escape(cur: &mut Cursor, ex: &mut Extras, quote: char) -> bool {
    let (n, base, max): (u32, u32, u32) = match cur.ch {
        Some(c) if c == quote || "abfnrtv\\".contains(c) => {
            cur.next();
            return true;
        }
        Some('0'..='7') => (3, 8, 255),
        Some('x') => {
            cur.next();
            (2, 16, 255)
        }
        Some('u') => {
            cur.next();
            (4, 16, 0x10FFFF)
        }
        Some('U') => {
            cur.next();
            (8, 16, 0x10FFFF)
        }
        None => return true,
        Some(_) => {
            cur.error(ex, "unknown escape".into());
            return false;
        }
    };
    let mut x: u32 = 0;
    for _ in 0..n {
        let Some(c) = cur.ch else { return true };
        let d = c.to_digit(16).unwrap_or(base);
        if d >= base {
            let msg = format!(
                "invalid character {} in {} escape",
                quote_rune(c),
                base_name(base)
            );
            cur.error(ex, msg);
            return false;
        }
        x = x.wrapping_mul(base).wrapping_add(d);
        cur.next();
    }
    if x > max && base == 8 {
        cur.error(ex, format!("octal escape value {x} > 255"));
        return false;
    }
    if x > max || (0xD800..0xE000).contains(&x) {
        cur.error(
            ex,
            format!("escape is invalid Unicode code point {}", format_u(x)),
        );
        return false;
    }
    true
}

pub(crate) fn scan_rune(lex: &mut logos::Lexer<RawTok>) -> Lit {
    let mut cur = Cursor::new(lex.source(), lex.span().start);
    let ex = &mut lex.extras;
    let mut ok = true;
    cur.next();
    let mut n = 0;
    loop {
        match cur.ch {
            Some('\'') => {
                if ok {
                    if n == 0 {
                        cur.error(ex, "empty rune literal or unescaped '".into());
                        ok = false;
                    } else if n != 1 {
                        cur.error_at(ex, 0, "more than one character in rune literal".into());
                        ok = false;
                    }
                }
                cur.next();
                break;
            }
            Some('\\') => {
                cur.next();
                if !escape(&mut cur, ex, '\'') {
                    ok = false;
                }
            }
            Some('\n') => {
                if ok {
                    cur.error(ex, "newline in rune literal".into());
                    ok = false;
                }
                break;
            }
            None => {
                if ok {
                    cur.error_at(ex, 0, "rune literal not terminated".into());
                    ok = false;
                }
                break;
            }
            Some(_) => cur.next(),
        }
        n += 1;
    }
    let lit = Lit {
        kind: LitKind::Rune,
        text: Symbol::intern(cur.text()),
        bad: !ok,
    };
    finish(lex, &cur);
    lit
}

pub(crate) fn scan_string(lex: &mut logos::Lexer<RawTok>) -> Lit {
    let mut cur = Cursor::new(lex.source(), lex.span().start);
    let ex = &mut lex.extras;
    let mut ok = true;
    cur.next();
    loop {
        // Fast path: plain characters.
        let rest = &cur.src.as_bytes()[cur.pos..];
        let skip = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b == b'\n')
            .unwrap_or(rest.len());
        if skip > 0 {
            cur.pos += skip;
            cur.ch = cur.src[cur.pos..].chars().next();
        }
        match cur.ch {
            Some('"') => {
                cur.next();
                break;
            }
            Some('\\') => {
                cur.next();
                if !escape(&mut cur, ex, '"') {
                    ok = false;
                }
            }
            Some('\n') => {
                cur.error(ex, "newline in string".into());
                ok = false;
                break;
            }
            None => {
                cur.error_at(ex, 0, "string not terminated".into());
                ok = false;
                break;
            }
            Some(_) => cur.next(),
        }
    }
    let lit = Lit {
        kind: LitKind::String,
        text: Symbol::intern(cur.text()),
        bad: !ok,
    };
    finish(lex, &cur);
    lit
}

pub(crate) fn scan_raw_string(lex: &mut logos::Lexer<RawTok>) -> Lit {
    let src = lex.source();
    let start = lex.span().start;
    let body = start + 1;
    let (end, ok) = match src[body..].find('`') {
        Some(i) => (body + i + 1, true),
        None => {
            lex.extras
                .errors
                .push((start as u32, "string not terminated".into()));
            (src.len(), false)
        }
    };
    let lit = Lit {
        kind: LitKind::String,
        text: Symbol::intern(&src[start..end]),
        bad: !ok,
    };
    lex.bump(end - lex.span().end);
    lit
}

pub(crate) fn scan_line_comment(lex: &mut logos::Lexer<RawTok>) {
    let rest = lex.remainder();
    let n = rest.find('\n').unwrap_or(rest.len());
    lex.bump(n);
}

/// Skips a general comment; true if it contains a newline.
pub(crate) fn scan_general_comment(lex: &mut logos::Lexer<RawTok>) -> bool {
    let rest = lex.remainder();
    match rest.find("*/") {
        Some(i) => {
            lex.bump(i + 2);
            rest[..i].contains('\n')
        }
        None => {
            let start = lex.span().start as u32;
            lex.extras
                .errors
                .push((start, "comment not terminated".into()));
            lex.bump(rest.len());
            rest.contains('\n')
        }
    }
}

/// The token stream the parser reads: `(start, token, end)` triples with
/// global positions, semicolons inserted, comments and white space gone.
pub struct Lexer<'a> {
    inner: logos::Lexer<'a, RawTok>,
    ctx: &'a ParseCtx<'a>,
    base: u32,
    nlsemi: bool,
    done: bool,
    /// No token yet on the current line (gc's `blank`, for directives).
    line_blank: bool,
    /// Directives seen since the last token, waiting for its position.
    waiting: Vec<(Pos, Symbol, bool)>,
}

impl<'a> Lexer<'a> {
    /// A lexer over `src` (already [`sanitize`]d) whose offset 0 is `base`.
    pub fn new(src: &'a str, base: u32, ctx: &'a ParseCtx<'a>) -> Lexer<'a> {
        Lexer {
            inner: RawTok::lexer(src),
            ctx,
            base,
            nlsemi: false,
            done: false,
            line_blank: true,
            waiting: Vec::new(),
        }
    }

    fn pos(&self, offset: usize) -> Pos {
        Pos(self.base + offset as u32)
    }

    #[inline]
    fn flush_errors(&mut self) {
        if !self.inner.extras.errors.is_empty() {
            self.flush_errors_slow();
        }
    }

    #[cold]
    fn flush_errors_slow(&mut self) {
        let mut diags = self.ctx.diags.borrow_mut();
        for (off, msg) in self.inner.extras.errors.drain(..) {
            diags.push(super::super::diag::Diagnostic::new(
                Pos(self.base + off),
                msg,
            ));
        }
    }

    /// Hands the directives read since the previous token to the context,
    /// each with the position of the token that follows it.
    #[inline]
    fn release_directives(&mut self, next: Pos) {
        if !self.waiting.is_empty() {
            self.release_waiting(next);
        }
    }

    #[cold]
    fn release_waiting(&mut self, next: Pos) {
        let mut dirs = self.ctx.directives.borrow_mut();
        for (pos, text, blank) in self.waiting.drain(..) {
            dirs.push(Directive {
                pos,
                text,
                blank_line: blank,
                next,
                taken: false,
            });
        }
    }

    /// An automatic semicolon (`nlsemi` was set).
    fn semi(
        &mut self,
        start: Pos,
        kind: SemiKind,
        end: Pos,
    ) -> Option<Result<(Pos, Tok, Pos), LexError>> {
        self.nlsemi = false;
        let tok = Tok::Semi(kind);
        self.ctx.track.borrow_mut().token(start, &tok);
        Some(Ok((start, tok, end)))
    }

    fn emit(
        &mut self,
        start: Pos,
        tok: Tok,
        end: Pos,
    ) -> Option<Result<(Pos, Tok, Pos), LexError>> {
        self.nlsemi = tok.sets_nlsemi();
        self.line_blank = false;
        self.ctx.track.borrow_mut().token(start, &tok);
        self.release_directives(start);
        Some(Ok((start, tok, end)))
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<(Pos, Tok, Pos), LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let raw = self.inner.next();
            self.flush_errors();
            let span = self.inner.span();
            let (start, end) = (self.pos(span.start), self.pos(span.end));
            let tok = match raw {
                None => {
                    self.done = true;
                    let eof = self.pos(self.inner.source().len());
                    self.release_directives(eof);
                    if self.nlsemi {
                        self.nlsemi = false;
                        return self.semi(eof, SemiKind::Eof, eof);
                    }
                    return None;
                }
                Some(Err(())) => {
                    let c = self.inner.slice().chars().next().unwrap_or('\0');
                    let msg = format!("invalid character {}", format_u(c as u32));
                    self.ctx
                        .diags
                        .borrow_mut()
                        .push(super::super::diag::Diagnostic::new(start, msg));
                    continue;
                }
                Some(Ok(raw)) => raw,
            };
            let tok = match tok {
                RawTok::Newline => {
                    self.line_blank = true;
                    if self.nlsemi {
                        self.nlsemi = false;
                        return self.semi(start, SemiKind::Newline, end);
                    }
                    continue;
                }
                RawTok::LineComment => {
                    let full = self.inner.slice();
                    if full.starts_with("//go:") {
                        let text = full.trim_end_matches('\r');
                        // gc positions a directive at its text, after `//`.
                        self.waiting.push((
                            start.offset(2),
                            Symbol::intern(&text[2..]),
                            self.line_blank,
                        ));
                    }
                    continue;
                }
                RawTok::GeneralComment(has_newline) => {
                    if has_newline && self.nlsemi {
                        self.nlsemi = false;
                        return self.semi(start, SemiKind::Newline, start);
                    }
                    if has_newline {
                        self.line_blank = true;
                    }
                    continue;
                }
                RawTok::Ident(t) | RawTok::Punct(t) => t,
                RawTok::Number(l) | RawTok::String(l) | RawTok::RawString(l) | RawTok::Rune(l) => {
                    Tok::Literal(l)
                }
            };
            return self.emit(start, tok, end);
        }
    }
}
