//! The raw scanner: splits the text into [`RawTok`]s, one `match` on the
//! first byte of each.
//!
//! It recognizes the regular tokens (operators, punctuation, identifier
//! and literal starts) and calls the hand-written scanners of `lexer.rs`
//! (`scan_*`) for the rest of identifiers, numbers, strings, runes and
//! comments, whose diagnostics must match gc's character for character.
//! Spaces, tabs and carriage returns between tokens are skipped. Operators
//! take the longest spelling that is a token (`<<=` before `<<` before
//! `<`); `..` is two `.`s, as no token is spelled `..`. A byte that starts
//! no token (`#`, `$`, `?`, `@`, `\`, control characters) is an error token
//! of that one byte; every non-ASCII character starts an identifier (gc
//! reports the ones that are not letters there), so an error token is
//! always ASCII.
//!
//! Why not a generated automaton (logos, before): about the same number
//! of instructions, but the parse of a big file took 5-7% less CPU time
//! with this one (one well-predicted jump per token, the rest of a name
//! scanned by a table loop, and no token copied through memory in pieces
//! and read back whole, which stalled the load).

use super::ast::Operator;
use super::lexer::{
    scan_general_comment, scan_ident, scan_line_comment, scan_number, scan_raw_string, scan_rune,
    scan_string, Extras,
};
use super::token::{RawTok, SemiKind, Tok};

/// The scanner's state: the text, the current token's byte range, and the
/// diagnostics the literal scanners recorded.
pub struct RawLexer<'s> {
    src: &'s str,
    start: usize,
    end: usize,
    pub extras: Extras,
}

impl<'s> RawLexer<'s> {
    pub fn new(src: &'s str) -> RawLexer<'s> {
        RawLexer {
            src,
            start: 0,
            end: 0,
            extras: Extras::default(),
        }
    }

    /// The whole text.
    pub fn source(&self) -> &'s str {
        self.src
    }

    /// The current token's byte range.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The current token's text.
    pub fn slice(&self) -> &'s str {
        &self.src[self.start..self.end]
    }

    /// The text after the current token.
    pub fn remainder(&self) -> &'s str {
        &self.src[self.end..]
    }

    /// Extends the current token by `n` bytes (a scanner consumed them).
    pub fn bump(&mut self, n: usize) {
        self.end += n;
    }

    /// A token of the first `n` bytes from the current position.
    #[inline]
    fn punct(&mut self, n: usize, tok: Tok) -> RawTok {
        self.end = self.start + n;
        RawTok::Punct(tok)
    }

    /// `op` alone, or `op=` if a `=` follows.
    #[inline]
    fn op_or_assign(&mut self, next: u8, op: Tok, assign: Operator) -> RawTok {
        if next == b'=' {
            self.punct(2, Tok::AssignOp(assign))
        } else {
            self.punct(1, op)
        }
    }

    /// The next token, `Err` for a byte that starts none, None at the end.
    #[inline]
    pub fn next_token(&mut self) -> Option<Result<RawTok, ()>> {
        let b = self.src.as_bytes();
        let mut i = self.end;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r') {
            i += 1;
        }
        self.start = i;
        let &c = b.get(i)?;
        // The bytes after the first (0 past the end).
        let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let c1 = at(1);
        self.end = i + 1;
        let tok = match c {
            b'\n' => RawTok::Newline,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => RawTok::Ident(scan_ident(self)),
            0x80.. => {
                // The whole first character (the text is UTF-8).
                self.end = i + utf8_width(c);
                RawTok::Ident(scan_ident(self))
            }
            b'0'..=b'9' => RawTok::Number(scan_number(self)),
            b'.' => {
                if c1.is_ascii_digit() {
                    self.end = i + 2;
                    RawTok::Number(scan_number(self))
                } else if c1 == b'.' && at(2) == b'.' {
                    self.punct(3, Tok::DotDotDot)
                } else {
                    RawTok::Punct(Tok::Dot)
                }
            }
            b'"' => RawTok::String(scan_string(self)),
            b'`' => RawTok::RawString(scan_raw_string(self)),
            b'\'' => RawTok::Rune(scan_rune(self)),
            b'/' => match c1 {
                b'/' => {
                    self.end = i + 2;
                    scan_line_comment(self);
                    RawTok::LineComment
                }
                b'*' => {
                    self.end = i + 2;
                    RawTok::GeneralComment(scan_general_comment(self))
                }
                _ => self.op_or_assign(c1, Tok::Div, Operator::Div),
            },
            b'(' => RawTok::Punct(Tok::Lparen),
            b')' => RawTok::Punct(Tok::Rparen),
            b'[' => RawTok::Punct(Tok::Lbrack),
            b']' => RawTok::Punct(Tok::Rbrack),
            b'{' => RawTok::Punct(Tok::Lbrace),
            b'}' => RawTok::Punct(Tok::Rbrace),
            b',' => RawTok::Punct(Tok::Comma),
            b';' => RawTok::Punct(Tok::Semi(SemiKind::Semicolon)),
            b'~' => RawTok::Punct(Tok::Tilde),
            b':' => match c1 {
                b'=' => self.punct(2, Tok::Define),
                _ => RawTok::Punct(Tok::Colon),
            },
            b'=' => match c1 {
                b'=' => self.punct(2, Tok::Eql),
                _ => RawTok::Punct(Tok::Assign),
            },
            b'!' => match c1 {
                b'=' => self.punct(2, Tok::Neq),
                _ => RawTok::Punct(Tok::Not),
            },
            b'+' => match c1 {
                b'+' => self.punct(2, Tok::IncOp(Operator::Add)),
                _ => self.op_or_assign(c1, Tok::Add, Operator::Add),
            },
            b'-' => match c1 {
                b'-' => self.punct(2, Tok::IncOp(Operator::Sub)),
                _ => self.op_or_assign(c1, Tok::Sub, Operator::Sub),
            },
            b'*' => self.op_or_assign(c1, Tok::Star, Operator::Mul),
            b'%' => self.op_or_assign(c1, Tok::Rem, Operator::Rem),
            b'^' => self.op_or_assign(c1, Tok::Xor, Operator::Xor),
            b'|' => match c1 {
                b'|' => self.punct(2, Tok::OrOr),
                _ => self.op_or_assign(c1, Tok::Or, Operator::Or),
            },
            b'&' => match c1 {
                b'&' => self.punct(2, Tok::AndAnd),
                b'^' => match at(2) {
                    b'=' => self.punct(3, Tok::AssignOp(Operator::AndNot)),
                    _ => self.punct(2, Tok::AndNot),
                },
                _ => self.op_or_assign(c1, Tok::And, Operator::And),
            },
            b'<' => match c1 {
                b'-' => self.punct(2, Tok::Arrow),
                b'=' => self.punct(2, Tok::Leq),
                b'<' => match at(2) {
                    b'=' => self.punct(3, Tok::AssignOp(Operator::Shl)),
                    _ => self.punct(2, Tok::Shl),
                },
                _ => RawTok::Punct(Tok::Lss),
            },
            b'>' => match c1 {
                b'=' => self.punct(2, Tok::Geq),
                b'>' => match at(2) {
                    b'=' => self.punct(3, Tok::AssignOp(Operator::Shr)),
                    _ => self.punct(2, Tok::Shr),
                },
                _ => RawTok::Punct(Tok::Gtr),
            },
            _ => return Some(Err(())),
        };
        Some(Ok(tok))
    }
}

/// The length of the UTF-8 sequence that starts with byte `c` (>= 0xC0).
fn utf8_width(c: u8) -> usize {
    match c {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<(std::ops::Range<usize>, Result<RawTok, ()>)> {
        let mut lx = RawLexer::new(src);
        let mut out = Vec::new();
        while let Some(t) = lx.next_token() {
            out.push((lx.span(), t));
        }
        out
    }

    #[test]
    fn longest_operators_and_dots() {
        use Tok::*;
        let got: Vec<_> = toks("a&^=b<<=c..d...e.5 #<-")
            .into_iter()
            .map(|(s, t)| match t {
                Ok(RawTok::Punct(t)) => (s, Some(t)),
                _ => (s, None),
            })
            .collect();
        let want = vec![
            (0..1, None),
            (1..4, Some(AssignOp(Operator::AndNot))),
            (4..5, None),
            (5..8, Some(AssignOp(Operator::Shl))),
            (8..9, None),
            (9..10, Some(Dot)),
            (10..11, Some(Dot)),
            (11..12, None),
            (12..15, Some(DotDotDot)),
            (15..16, None),
            (16..18, None),
            (19..20, None),
            (20..22, Some(Arrow)),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn identifiers_take_every_non_ascii_character() {
        let t = toks("x\u{e9}y\u{2070}z = 1");
        assert_eq!(t[0].0, 0..8);
        assert!(matches!(t[0].1, Ok(RawTok::Ident(Tok::Name(_)))));
        assert!(matches!(t[1].1, Ok(RawTok::Punct(Tok::Assign))));
        // A name may start with a character of two to four bytes.
        let t = toks("\u{6f6} \u{1F600}x");
        assert_eq!((t[0].0.clone(), t[1].0.clone()), (0..2, 3..8));
    }
}
