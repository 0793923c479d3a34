//! Tokens: what the lexer hands the parser, after gc's tokens.go.
//!
//! Two layers. [`RawTok`] is what the raw scanner (`raw.rs`) recognizes:
//! the regular tokens (operators, keywords, identifier and literal starts),
//! with hand-written scanners (`lexer::scan_*`) for the parts
//! whose error messages must match gc character for character (numbers,
//! strings, runes, comments). [`Tok`] is what the grammar sees: comments
//! and newlines are gone, and gc's automatic semicolons are present as
//! [`Tok::Semi`] with the text gc prints for them ("semicolon", "newline",
//! "EOF").
//!
//! Invariant: a `Tok` is `Copy` and allocation-free; names and literal texts
//! are interned [`Symbol`]s.

use super::ast::{LitKind, Operator};
use super::symbol::Symbol;

/// How a semicolon came to be, which is also how gc names it in
/// "unexpected X" messages.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SemiKind {
    /// An explicit `;`.
    Semicolon,
    /// Inserted at a newline (or a general comment spanning lines).
    Newline,
    /// Inserted at the end of the file.
    Eof,
}

impl SemiKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SemiKind::Semicolon => "semicolon",
            SemiKind::Newline => "newline",
            SemiKind::Eof => "EOF",
        }
    }
}

/// A literal token: its kind, its text exactly as written, and whether the
/// lexer already reported it as malformed (gc's `BasicLit.Bad`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Lit {
    pub kind: LitKind,
    pub text: Symbol,
    pub bad: bool,
}

/// A token as the parser sees it (gc's `token` plus its `lit`/`op`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tok {
    Name(Symbol),
    Literal(Lit),
    Semi(SemiKind),

    // Operators that gc folds into `_Operator` (with `op`) are separate
    // here, so that the grammar can give them precedence levels.
    OrOr,
    AndAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    /// `*`: gc's `_Star` (multiplication, dereference, pointer type).
    Star,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
    Not,
    Tilde,
    /// `op=` (gc's `_AssignOp`), e.g. `+=` is `AssignOp(Add)`.
    AssignOp(Operator),
    /// `++` (`Add`) or `--` (`Sub`): gc's `_IncOp`.
    IncOp(Operator),
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `<-`
    Arrow,

    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Colon,
    Dot,
    DotDotDot,

    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Tok {
    /// The token as gc's `syntaxErrorAt` names it after "unexpected ": a
    /// name or semicolon by its text, a literal as `literal 12`, an
    /// operator by its spelling, `comma`, keywords by their spelling.
    pub fn describe(&self) -> String {
        match self {
            Tok::Name(s) => s.as_str().to_string(),
            Tok::Semi(k) => k.as_str().to_string(),
            Tok::Literal(l) => format!("literal {}", l.text),
            Tok::AssignOp(op) => format!("{}=", op.as_str()),
            Tok::IncOp(op) => format!("{0}{0}", op.as_str()),
            other => other.spelling().to_string(),
        }
    }

    /// The fixed spelling of the token (gc's `token.String()`); names and
    /// literals have none and give "name" and "literal".
    pub fn spelling(&self) -> &'static str {
        use Tok::*;
        match self {
            Name(_) => "name",
            Literal(_) => "literal",
            Semi(_) => ";",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Star => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
            Not => "!",
            Tilde => "~",
            AssignOp(_) => "op=",
            IncOp(_) => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => "comma",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// Whether a newline after this token becomes a semicolon (gc's
    /// `nlsemi`): names, literals, `break continue fallthrough return`,
    /// `++ --` and `) ] }`.
    pub fn sets_nlsemi(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Name(_)
                | Literal(_)
                | Break
                | Continue
                | Fallthrough
                | Return
                | IncOp(_)
                | Rparen
                | Rbrack
                | Rbrace
        )
    }
}

/// The regular tokens, as the raw scanner (`raw.rs`) splits the text.
/// Literal, comment and identifier starts hand over to scanners in
/// `lexer.rs` that consume the rest and record gc's diagnostics.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RawTok {
    Newline,
    /// Any identifier or keyword.
    Ident(Tok),
    /// A number (starting with a digit or `.digit`).
    Number(Lit),
    String(Lit),
    RawString(Lit),
    Rune(Lit),
    /// `//...` up to (not including) the newline.
    LineComment,
    /// `/* ... */`; the flag says whether it contains a newline.
    GeneralComment(bool),
    /// Operators and punctuation.
    Punct(Tok),
}

/// The keywords and their tokens (gc's `keywordMap`).
const KEYWORDS: [(&str, Tok); 25] = [
    ("break", Tok::Break),
    ("case", Tok::Case),
    ("chan", Tok::Chan),
    ("const", Tok::Const),
    ("continue", Tok::Continue),
    ("default", Tok::Default),
    ("defer", Tok::Defer),
    ("else", Tok::Else),
    ("fallthrough", Tok::Fallthrough),
    ("for", Tok::For),
    ("func", Tok::Func),
    ("go", Tok::Go),
    ("goto", Tok::Goto),
    ("if", Tok::If),
    ("import", Tok::Import),
    ("interface", Tok::Interface),
    ("map", Tok::Map),
    ("package", Tok::Package),
    ("range", Tok::Range),
    ("return", Tok::Return),
    ("select", Tok::Select),
    ("struct", Tok::Struct),
    ("switch", Tok::Switch),
    ("type", Tok::Type),
    ("var", Tok::Var),
];

/// A perfect hash of the keywords (of 2 to 11 bytes): no two share a slot
/// (`keyword_table_is_perfect` checks it), so a name is a keyword iff it
/// equals its slot's keyword. One slot probe replaces a `match` over
/// strings (a length switch and then calls of `memcmp`) for every name.
const fn keyword_slot(b: &[u8]) -> usize {
    (b[0] as usize * 6 + b[1] as usize * 23 + b.len()) & 63
}

static KEYWORD_TABLE: [(&str, Tok); 64] = {
    let mut t = [("", Tok::Comma); 64];
    let mut i = 0;
    while i < KEYWORDS.len() {
        t[keyword_slot(KEYWORDS[i].0.as_bytes())] = KEYWORDS[i];
        i += 1;
    }
    t
};

/// The keyword spelled `s`, if any (gc's `keywordMap`).
#[inline]
pub fn keyword(s: &str) -> Option<Tok> {
    let b = s.as_bytes();
    if !(2..=11).contains(&b.len()) {
        return None;
    }
    let (k, tok) = KEYWORD_TABLE[keyword_slot(b)];
    (k.as_bytes() == b).then_some(tok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_table_is_perfect() {
        let mut slots = std::collections::HashSet::new();
        for (k, tok) in KEYWORDS {
            assert!(slots.insert(keyword_slot(k.as_bytes())), "{k}");
            assert_eq!(keyword(k), Some(tok));
            assert_eq!(tok.spelling(), k);
        }
        for s in [
            "",
            "b",
            "br",
            "breaks",
            "Break",
            "typo",
            "vars",
            "x",
            "go_",
            "fallthroughs",
        ] {
            assert_eq!(keyword(s), None, "{s}");
        }
    }
}
