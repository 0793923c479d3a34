//! Tokens: what the lexer hands the parser, after gc's tokens.go.
//!
//! Two layers. [`RawTok`] is the logos-derived scanner: it recognizes the
//! regular tokens (operators, keywords, identifier and literal starts) and
//! calls back into hand-written scanners (`lexer::scan_*`) for the parts
//! whose error messages must match gc character for character (numbers,
//! strings, runes, comments). [`Tok`] is what the grammar sees: comments
//! and newlines are gone, and gc's automatic semicolons are present as
//! [`Tok::Semi`] with the text gc prints for them ("semicolon", "newline",
//! "EOF").
//!
//! Invariant: a `Tok` is `Copy` and allocation-free; names and literal texts
//! are interned [`Symbol`]s.

use logos::Logos;

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

/// The regular tokens, derived by logos. Literal, comment and identifier
/// starts hand over to scanners in `lexer.rs` that consume the rest and
/// record gc's diagnostics in the extras.
#[derive(Logos, Clone, Copy, PartialEq, Eq, Debug)]
#[logos(extras = super::lexer::Extras)]
#[logos(skip r"[ \t\r]+")]
pub enum RawTok {
    #[token("\n")]
    Newline,

    /// Any identifier or keyword: like gc, every non-ASCII character
    /// continues an identifier; `lexer::scan_ident` reports the ones that
    /// are not letters or digits (gc's `atIdentChar`) and classifies.
    #[regex(
        r"[a-zA-Z_\u{80}-\u{10FFFF}][a-zA-Z0-9_\u{80}-\u{10FFFF}]*",
        super::lexer::scan_ident
    )]
    Ident(Tok),

    #[regex(r"[0-9]", super::lexer::scan_number)]
    #[regex(r"\.[0-9]", super::lexer::scan_number)]
    Number(Lit),
    #[token("\"", super::lexer::scan_string)]
    String(Lit),
    #[token("`", super::lexer::scan_raw_string)]
    RawString(Lit),
    #[token("'", super::lexer::scan_rune)]
    Rune(Lit),

    /// `//...` up to (not including) the newline.
    #[token("//", super::lexer::scan_line_comment)]
    LineComment,
    /// `/* ... */`; the flag says whether it contains a newline.
    #[token("/*", super::lexer::scan_general_comment)]
    GeneralComment(bool),

    #[token("||", |_| Tok::OrOr)]
    #[token("&&", |_| Tok::AndAnd)]
    #[token("==", |_| Tok::Eql)]
    #[token("!=", |_| Tok::Neq)]
    #[token("<", |_| Tok::Lss)]
    #[token("<=", |_| Tok::Leq)]
    #[token(">", |_| Tok::Gtr)]
    #[token(">=", |_| Tok::Geq)]
    #[token("+", |_| Tok::Add)]
    #[token("-", |_| Tok::Sub)]
    #[token("|", |_| Tok::Or)]
    #[token("^", |_| Tok::Xor)]
    #[token("*", |_| Tok::Star)]
    #[token("/", |_| Tok::Div)]
    #[token("%", |_| Tok::Rem)]
    #[token("&", |_| Tok::And)]
    #[token("&^", |_| Tok::AndNot)]
    #[token("<<", |_| Tok::Shl)]
    #[token(">>", |_| Tok::Shr)]
    #[token("!", |_| Tok::Not)]
    #[token("~", |_| Tok::Tilde)]
    #[token("+=", |_| Tok::AssignOp(Operator::Add))]
    #[token("-=", |_| Tok::AssignOp(Operator::Sub))]
    #[token("|=", |_| Tok::AssignOp(Operator::Or))]
    #[token("^=", |_| Tok::AssignOp(Operator::Xor))]
    #[token("*=", |_| Tok::AssignOp(Operator::Mul))]
    #[token("/=", |_| Tok::AssignOp(Operator::Div))]
    #[token("%=", |_| Tok::AssignOp(Operator::Rem))]
    #[token("&=", |_| Tok::AssignOp(Operator::And))]
    #[token("&^=", |_| Tok::AssignOp(Operator::AndNot))]
    #[token("<<=", |_| Tok::AssignOp(Operator::Shl))]
    #[token(">>=", |_| Tok::AssignOp(Operator::Shr))]
    #[token("++", |_| Tok::IncOp(Operator::Add))]
    #[token("--", |_| Tok::IncOp(Operator::Sub))]
    #[token("=", |_| Tok::Assign)]
    #[token(":=", |_| Tok::Define)]
    #[token("<-", |_| Tok::Arrow)]
    #[token("(", |_| Tok::Lparen)]
    #[token("[", |_| Tok::Lbrack)]
    #[token("{", |_| Tok::Lbrace)]
    #[token(")", |_| Tok::Rparen)]
    #[token("]", |_| Tok::Rbrack)]
    #[token("}", |_| Tok::Rbrace)]
    #[token(",", |_| Tok::Comma)]
    #[token(":", |_| Tok::Colon)]
    #[token(".", |_| Tok::Dot)]
    #[token("...", |_| Tok::DotDotDot)]
    #[token(";", |_| Tok::Semi(SemiKind::Semicolon))]
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
