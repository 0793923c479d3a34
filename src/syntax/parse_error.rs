//! Turning LALRPOP's parse errors into gc's syntax error messages.
//!
//! gc's recursive-descent parser knows, when it fails, what it was parsing
//! ("in argument list", "after top level declaration", "expecting {
//! after for clause"). LALRPOP tells us the unexpected token and the set
//! of terminals it would have accepted; together with the little context
//! the lexer tracks (the innermost open brace's kind and the header
//! keyword being read, see [`ErrorContext`]) that is enough to rebuild
//! gc's wording for the common cases. [`message`] is the one function that
//! does it, unit-tested below against gc's own output.
//!
//! Token descriptions follow gc 1.19's `syntaxErrorAt`: a name by its text,
//! `literal 12`, an operator by its spelling, `comma`, `newline`,
//! `semicolon`, `EOF`, keywords by their spelling.

use super::pos::Pos;
use super::token::Tok;

/// What kind of construct a `{` opened.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BraceKind {
    Struct,
    Interface,
    Other,
}

/// Context for messages that gc words by construct.
#[derive(Clone, Copy, Debug, Default)]
pub struct ErrorContext {
    /// The innermost unclosed `{` (None at top level).
    pub brace: Option<BraceKind>,
    /// `if`, `for`, `switch` or `select` whose header is being read.
    pub header: Option<Tok>,
    /// The last top-level declaration was a function without body.
    pub after_bodiless_func: bool,
    /// The error is at the start of a top-level declaration.
    pub top_level: bool,
    /// The token before the unexpected one.
    pub prev: Option<Tok>,
}

/// How many recent tokens remember their context: LALRPOP reports an
/// error only after its recovery dropped tokens, so the context at the
/// error token is looked up here by position.
const HISTORY: usize = 512;

/// The context of one token as [`Track`] remembers it: a third of an
/// [`ErrorContext`]'s size, because it is written for every token of the
/// file and read only when there is a syntax error.
#[derive(Clone, Copy, Debug)]
struct Snapshot {
    pos: Pos,
    prev: Option<Tok>,
    /// Bits 0-1: the innermost brace (0 none, 1 struct, 2 interface,
    /// 3 other); bits 2-4: the header keyword (0 none, 1 `if`, 2 `for`,
    /// 3 `switch`, 4 `select`); bit 5: `after_bodiless_func`.
    bits: u8,
}

impl Snapshot {
    const NONE: Snapshot = Snapshot {
        pos: Pos::NONE,
        prev: None,
        bits: 0,
    };

    fn context(self) -> ErrorContext {
        let brace = match self.bits & 3 {
            0 => None,
            1 => Some(BraceKind::Struct),
            2 => Some(BraceKind::Interface),
            _ => Some(BraceKind::Other),
        };
        let header = match (self.bits >> 2) & 7 {
            1 => Some(Tok::If),
            2 => Some(Tok::For),
            3 => Some(Tok::Switch),
            4 => Some(Tok::Select),
            _ => None,
        };
        ErrorContext {
            brace,
            header,
            after_bodiless_func: self.bits & 32 != 0,
            top_level: brace.is_none(),
            prev: self.prev,
        }
    }
}

/// What the lexer tracks for error messages, updated at every token.
#[derive(Debug)]
pub struct Track {
    history: Box<[Snapshot; HISTORY]>,
    next: usize,
    braces: Vec<BraceKind>,
    header: Option<(Tok, u32)>,
    depth: u32,
    prev: Option<Tok>,
    /// [`Track::shape`] of the current state.
    shape: u8,
    /// Suppress syntax errors until the next top-level declaration
    /// keyword (gc's `advance(_Import, _Const, _Type, _Var, _Func)`).
    pub skipping_to_decl: bool,
    pub after_bodiless_func: bool,
}

impl Default for Track {
    fn default() -> Track {
        Track::new()
    }
}

impl Track {
    pub fn new() -> Track {
        Track {
            history: Box::new([Snapshot::NONE; HISTORY]),
            next: 0,
            braces: Vec::new(),
            header: None,
            depth: 0,
            prev: None,
            shape: 0,
            skipping_to_decl: false,
            after_bodiless_func: false,
        }
    }

    /// Notes a token the lexer hands out at `pos`. Called for every token
    /// of the file: the common case is a store into the ring and a test of
    /// the token's kind, the few tokens that change the context go out of
    /// line.
    #[inline]
    pub fn token(&mut self, pos: Pos, tok: &Tok) {
        self.history[self.next % HISTORY] = Snapshot {
            pos,
            prev: self.prev,
            bits: self.shape | u8::from(self.after_bodiless_func) << 5,
        };
        self.next += 1;
        if matches!(
            tok,
            Tok::Lbrace
                | Tok::Rbrace
                | Tok::Lparen
                | Tok::Lbrack
                | Tok::Rparen
                | Tok::Rbrack
                | Tok::If
                | Tok::For
                | Tok::Switch
                | Tok::Select
                | Tok::Func
                | Tok::Var
                | Tok::Const
                | Tok::Type
                | Tok::Import
        ) {
            self.structure(tok);
        }
        self.prev = Some(*tok);
    }

    /// [`Track::token`] for a token that opens or closes a bracket, starts
    /// a statement header or may start a top-level declaration.
    #[inline(never)]
    fn structure(&mut self, tok: &Tok) {
        match tok {
            Tok::Lbrace => {
                if self.header.is_some_and(|(_, d)| d == self.depth) {
                    self.header = None;
                }
                self.braces.push(match self.prev {
                    Some(Tok::Struct) => BraceKind::Struct,
                    Some(Tok::Interface) => BraceKind::Interface,
                    _ => BraceKind::Other,
                });
                self.shape = self.shape();
            }
            Tok::Rbrace => {
                self.braces.pop();
                self.shape = self.shape();
            }
            Tok::Lparen | Tok::Lbrack => self.depth += 1,
            Tok::Rparen | Tok::Rbrack => self.depth = self.depth.saturating_sub(1),
            Tok::If | Tok::For | Tok::Switch | Tok::Select => {
                self.header = Some((*tok, self.depth));
                self.shape = self.shape();
            }
            Tok::Func | Tok::Var | Tok::Const | Tok::Type | Tok::Import
                if self.braces.is_empty() =>
            {
                self.skipping_to_decl = false;
            }
            _ => {}
        }
    }

    /// No `{` is open.
    pub fn at_top_level(&self) -> bool {
        self.braces.is_empty()
    }

    /// The context after the tokens read so far.
    pub fn context(&self) -> ErrorContext {
        ErrorContext {
            brace: self.braces.last().copied(),
            header: self.header.map(|(t, _)| t),
            after_bodiless_func: self.after_bodiless_func,
            top_level: self.braces.is_empty(),
            prev: self.prev,
        }
    }

    /// The innermost brace and the header keyword packed as in
    /// [`Snapshot::bits`]; kept in `shape`, since they change at few tokens
    /// and every token records them.
    fn shape(&self) -> u8 {
        let brace = match self.braces.last() {
            None => 0,
            Some(BraceKind::Struct) => 1,
            Some(BraceKind::Interface) => 2,
            Some(BraceKind::Other) => 3,
        };
        let header = match self.header {
            Some((Tok::If, _)) => 1,
            Some((Tok::For, _)) => 2,
            Some((Tok::Switch, _)) => 3,
            Some((Tok::Select, _)) => 4,
            _ => 0,
        };
        brace | header << 2
    }

    /// The context just before the token at `pos`, if it is recent.
    pub fn context_at(&self, pos: Pos) -> ErrorContext {
        let n = self.next.min(HISTORY);
        (0..n)
            .map(|i| &self.history[(self.next - 1 - i) % HISTORY])
            .find(|snap| snap.pos == pos)
            .map_or_else(|| self.context(), |snap| snap.context())
    }
}

/// The terminal names LALRPOP lists in `expected` (quoted as in the
/// grammar, e.g. `"\")\""`, `"NAME"`).
fn has(expected: &[String], t: &str) -> bool {
    expected
        .iter()
        .any(|e| e.trim_matches('"').trim_matches('\\') == t || e == t)
}

fn is_expr_start(expected: &[String]) -> bool {
    has(expected, "LIT") && has(expected, "NAME") && has(expected, "(")
}

fn is_type_start(expected: &[String]) -> bool {
    has(expected, "NAME") && has(expected, "map") && has(expected, "chan") && !has(expected, "LIT")
}

/// gc's name for an expected token in "expecting X".
fn tokstring(t: &str) -> &str {
    match t {
        "," => "comma",
        ";" => "semicolon or newline",
        "NAME" => "name",
        "LIT" => "literal",
        other => other,
    }
}

/// gc's message for a syntax error at `tok` (None: end of input), given
/// LALRPOP's expected terminals and the lexer's context.
pub fn message(tok: Option<&Tok>, expected: &[String], ctx: &ErrorContext) -> String {
    let found = tok.map_or_else(|| "EOF".to_string(), Tok::describe);
    let unexpected = |rest: &str| format!("syntax error: unexpected {found}{rest}");
    if expected.len() == 1 && has(expected, "package") {
        return "syntax error: package statement must be first".into();
    }
    if ctx.top_level && has(expected, "func") && has(expected, "import") {
        if matches!(tok, Some(Tok::Lbrace)) && ctx.after_bodiless_func {
            return "syntax error: unexpected semicolon or newline before {".into();
        }
        return "syntax error: non-declaration statement outside function body".into();
    }
    if ctx.prev == Some(Tok::DotDotDot) && is_type_start(expected) {
        return "syntax error: ... is missing type".into();
    }
    if ctx.prev == Some(Tok::Chan) && is_type_start(expected) {
        return "syntax error: missing channel element type".into();
    }
    if has(expected, "=") && has(expected, "[") && !has(expected, ",") && is_type_start(expected) {
        return unexpected(" in type declaration");
    }
    if tok.is_none() {
        // At EOF gc is inside some list and wants its closing token.
        for t in [")", "]", "}"] {
            if has(expected, t) {
                return unexpected(&format!(", expecting {t}"));
            }
        }
    }
    if ctx.header == Some(Tok::For) && matches!(tok, Some(Tok::Lbrace)) && is_expr_start(expected) {
        return unexpected(", expecting for loop condition");
    }
    if ctx.header.is_some() && has(expected, "{") && has(expected, ";") {
        return unexpected(", expecting {");
    }
    if has(expected, "if") && has(expected, "{") && expected.len() <= 3 {
        return "syntax error: else must be followed by if or statement block".into();
    }
    if has(expected, "{") && !has(expected, "NAME") && !has(expected, ";") && !has(expected, ",") {
        return match ctx.header {
            Some(Tok::If) => unexpected(", expecting { after if clause"),
            Some(Tok::For) => unexpected(", expecting { after for clause"),
            Some(Tok::Switch) => "syntax error: missing { after switch clause".into(),
            Some(Tok::Select) => "syntax error: missing { after select clause".into(),
            _ => unexpected(", expecting {"),
        };
    }
    let args = has(expected, "...") && !has(expected, "NAME");
    if has(expected, ",") && has(expected, ")") && (args || ctx.prev == Some(Tok::DotDotDot)) {
        return unexpected(" in argument list; possibly missing comma or )");
    }
    if has(expected, ",") && has(expected, "}") && !has(expected, ";") {
        return unexpected(" in composite literal; possibly missing comma or }");
    }
    if has(expected, ",")
        && has(expected, ")")
        && (!has(expected, "NAME") || is_type_start(expected))
    {
        return unexpected(" in parameter list; possibly missing comma or )");
    }
    if has(expected, ")") && !has(expected, ",") && is_type_start(expected) {
        // An empty or unfinished parameter list.
        return unexpected(", expecting )");
    }
    if has(expected, ",") && has(expected, "]") && has(expected, ":") {
        return unexpected(", expecting comma, : or ]");
    }
    if has(expected, "case")
        && has(expected, "default")
        && has(expected, "}")
        && !has(expected, ";")
    {
        return unexpected(", expecting case or default or }");
    }
    if is_expr_start(expected) && has(expected, "}") && has(expected, "go") {
        // At the start of a statement: gc's statement list ends here.
        if has(expected, "case") {
            return unexpected(", expecting case or default or }");
        }
        return unexpected(", expecting }");
    }
    if has(expected, ";") && has(expected, "}") {
        return match ctx.brace {
            Some(BraceKind::Struct) => {
                unexpected(" in struct type; possibly missing semicolon or newline or }")
            }
            Some(BraceKind::Interface) => {
                unexpected(" in interface type; possibly missing semicolon or newline or }")
            }
            _ => unexpected(" at end of statement"),
        };
    }
    if has(expected, ";") && has(expected, ")") && !is_expr_start(expected) {
        return unexpected(" in grouped declaration; possibly missing semicolon or newline or )");
    }
    if has(expected, ";") && ctx.brace.is_none() && !is_expr_start(expected) {
        return unexpected(" after top level declaration");
    }
    if has(expected, ":=") && has(expected, "=") && !has(expected, "NAME") {
        return unexpected(", expecting := or = or comma");
    }
    if is_expr_start(expected) {
        return unexpected(", expecting expression");
    }
    if is_type_start(expected) {
        return unexpected(", expecting type");
    }
    if expected.len() == 1 && has(expected, "NAME") && ctx.prev == Some(Tok::Rparen) {
        // After a method's receiver.
        return unexpected(", expecting name or (");
    }
    if has(expected, "NAME") && has(expected, "(") && expected.len() == 2 {
        if matches!(ctx.prev, Some(Tok::Func | Tok::Dot)) {
            return unexpected(", expecting name or (");
        }
        return unexpected(", expecting name");
    }
    if expected.len() == 1 {
        let t = expected[0].trim_matches('"').trim_matches('\\');
        return unexpected(&format!(", expecting {}", tokstring(t)));
    }
    for t in [")", "]", "}", "NAME"] {
        if has(expected, t) {
            return unexpected(&format!(", expecting {}", tokstring(t)));
        }
    }
    unexpected("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::symbol::Symbol;
    use crate::syntax::token::SemiKind;

    fn ex(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| format!("\"{s}\"")).collect()
    }

    #[test]
    fn token_history_keeps_each_context() {
        let name = Tok::Name(Symbol::intern("x"));
        let toks = [
            Tok::Type,
            name,
            Tok::Struct,
            Tok::Lbrace,
            name,
            Tok::Interface,
            Tok::Lbrace,
            Tok::Rbrace,
            Tok::Rbrace,
            Tok::Func,
            name,
            Tok::Lbrace,
            Tok::If,
            name,
            Tok::Lbrace,
            Tok::For,
            Tok::Lparen,
            Tok::Switch,
            Tok::Select,
            Tok::Rparen,
            Tok::Rbrace,
        ];
        let mut t = Track::new();
        let mut want = Vec::new();
        for (i, tok) in toks.iter().enumerate() {
            t.after_bodiless_func = i % 3 == 0;
            want.push(format!("{:?}", t.context()));
            t.token(Pos(10 + i as u32), tok);
        }
        for (i, w) in want.iter().enumerate() {
            assert_eq!(
                &format!("{:?}", t.context_at(Pos(10 + i as u32))),
                w,
                "token {i}"
            );
        }
    }

    #[test]
    fn gc_wording() {
        let nl = Tok::Semi(SemiKind::Newline);
        let top = ErrorContext {
            top_level: true,
            ..Default::default()
        };
        let m = message(
            Some(&Tok::Name(Symbol::intern("fmt"))),
            &ex(&["import", "func", "var"]),
            &top,
        );
        assert_eq!(
            m,
            "syntax error: non-declaration statement outside function body"
        );
        let hdr = ErrorContext {
            header: Some(Tok::For),
            brace: Some(BraceKind::Other),
            ..Default::default()
        };
        assert_eq!(
            message(Some(&nl), &ex(&["{"]), &hdr),
            "syntax error: unexpected newline, expecting { after for clause"
        );
        let sw = ErrorContext {
            header: Some(Tok::Switch),
            ..Default::default()
        };
        assert_eq!(
            message(Some(&nl), &ex(&["{"]), &sw),
            "syntax error: missing { after switch clause"
        );
        let blk = ErrorContext {
            brace: Some(BraceKind::Other),
            ..Default::default()
        };
        assert_eq!(
            message(Some(&Tok::Lbrace), &ex(&[";", "}", "+", "("]), &blk),
            "syntax error: unexpected { at end of statement"
        );
        assert_eq!(
            message(Some(&nl), &ex(&[",", "}", ":", "+"]), &blk),
            "syntax error: unexpected newline in composite literal; possibly missing comma or }"
        );
        assert_eq!(
            message(
                Some(&Tok::Rbrace),
                &ex(&["NAME", "LIT", "(", "[", "func"]),
                &blk
            ),
            "syntax error: unexpected }, expecting expression"
        );
        assert_eq!(
            message(
                Some(&Tok::Semi(SemiKind::Semicolon)),
                &ex(&["if", "{"]),
                &blk
            ),
            "syntax error: else must be followed by if or statement block"
        );
        assert_eq!(
            message(None, &ex(&[")"]), &blk),
            "syntax error: unexpected EOF, expecting )"
        );
        assert_eq!(
            message(Some(&Tok::Comma), &ex(&[";", ")"]), &ErrorContext::default()),
            "syntax error: unexpected comma in grouped declaration; possibly missing semicolon or newline or )"
        );
    }
}
