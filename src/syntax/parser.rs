//! The parser driver: runs the LALRPOP parser generated from
//! grammar/go.lalrpop over the [`Lexer`] and turns its errors into gc's
//! diagnostics.
//!
//! gc's reporting rules applied here (base/print.go, parser.go): only the
//! first syntax error of a line is reported; an error at the end of the
//! file after an earlier error is dropped; after a top-level error,
//! further syntax errors are dropped until the next declaration keyword
//! (gc's `advance`). Diagnostics come back sorted by position, as gc's
//! `FlushErrors` prints them. The cap of 10 errors is the CLI's business.

use lalrpop_util::{ErrorRecovery, ParseError};

use super::ast::{Stmt, StmtKind};
use super::ctx::ParseCtx;
use super::lexer::LexError;
use super::parse_error::message;
use super::pos::Pos;
use super::token::Tok;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_imports, dead_code)]
    pub(crate) grammar,
    "/go.rs"
);

type GoParseError = ParseError<Pos, Tok, LexError>;

impl ParseCtx<'_> {
    /// Reports a parse error in gc's words.
    pub(crate) fn report_parse_error(&self, e: &GoParseError) {
        let (pos, tok, expected) = match e {
            ParseError::UnrecognizedToken {
                token: (l, t, _),
                expected,
            } => (*l, Some(*t), expected.as_slice()),
            ParseError::UnrecognizedEof { expected, .. } => (self.eof(), None, expected.as_slice()),
            ParseError::ExtraToken { token: (l, t, _) } => (*l, Some(*t), &[][..]),
            ParseError::InvalidToken { location } => (*location, None, &[][..]),
            ParseError::User { .. } => return,
        };
        let track = self.track.borrow();
        if track.skipping_to_decl {
            return;
        }
        let context = track.context_at(pos);
        // gc's `p.first`: any earlier error, the scanner's included.
        let earlier = !self.diags.borrow().is_empty();
        // gc drops an error at EOF after an earlier one; an unexpected `}`
        // after an earlier error is the same kind of echo (recovery
        // consumed or skipped the brace that matched it).
        if earlier && tok.is_none() {
            return;
        }
        drop(track);
        if std::env::var_os("GOSCOPE_DEBUG_EXPECTED").is_some() {
            eprintln!("{pos:?} {tok:?} {expected:?} {context:?}");
        }
        let msg = message(tok.as_ref(), expected, &context);
        if earlier && msg == "syntax error: unexpected }" {
            return;
        }
        if context.top_level && msg.contains("outside function body") {
            self.track.borrow_mut().skipping_to_decl = true;
        }
        self.error(pos, msg);
    }

    pub(crate) fn recover_top(&self, e: ErrorRecovery<Pos, Tok, LexError>) {
        self.report_parse_error(&e.error);
        self.track.borrow_mut().skipping_to_decl = true;
    }

    pub(crate) fn recover_expr(
        &self,
        l: Pos,
        e: ErrorRecovery<Pos, Tok, LexError>,
    ) -> super::ast::Expr {
        self.report_parse_error(&e.error);
        self.expr(l, l, l, super::ast::ExprKind::Bad)
    }

    /// A statement with a syntax error becomes an expression statement
    /// of a `Bad` expression.
    pub(crate) fn recover_stmt(&self, l: Pos, e: ErrorRecovery<Pos, Tok, LexError>) -> Stmt {
        self.report_parse_error(&e.error);
        let bad = self.expr(l, l, l, super::ast::ExprKind::Bad);
        self.stmt(l, StmtKind::Expr(bad))
    }

    /// Whether a statement that ends a clause's list without `;` is an
    /// error before `case`/`default`: not for a bare label (gc reports
    /// "missing statement after label") or a statement already in error.
    pub(crate) fn needs_semi(&self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Labeled { stmt, .. } => !matches!(stmt.kind, StmtKind::Empty),
            StmtKind::Expr(x) => !matches!(x.kind, super::ast::ExprKind::Bad),
            _ => true,
        }
    }
}

/// Runs the generated parser over the context's source; None when it
/// could not recover.
pub(crate) fn run(ctx: &ParseCtx) -> Option<super::ast::File> {
    let lexer = super::lexer::Lexer::new(ctx.src, ctx.base, ctx);
    match grammar::FileParser::new().parse(ctx, lexer) {
        Ok(f) => Some(*f),
        Err(e) => {
            ctx.report_parse_error(&e);
            None
        }
    }
}

/// Runs the generated parser over the top-level declarations of the
/// context's source behind a synthetic `package main;` clause at its base
/// (the second chunk of a file parsed in parallel, see `chunks.rs`); the
/// clause's tokens pass by the lexer's error tracking, so they must not be
/// used on a text with errors.
pub(crate) fn run_decls(ctx: &ParseCtx) -> Option<super::ast::File> {
    use super::symbol::Symbol;
    use super::token::SemiKind;
    let at = Pos(ctx.base);
    let clause = [
        Tok::Package,
        Tok::Name(Symbol::intern("main")),
        Tok::Semi(SemiKind::Semicolon),
    ]
    .map(|t| Ok((at, t, at)));
    let lexer = clause
        .into_iter()
        .chain(super::lexer::Lexer::new(ctx.src, ctx.base, ctx));
    match grammar::FileParser::new().parse(ctx, lexer) {
        Ok(f) => Some(*f),
        Err(e) => {
            ctx.report_parse_error(&e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    /// The parser's stack holds `(Pos, symbol, Pos)` entries whose symbol is
    /// as large as the largest value a grammar rule produces; every shift
    /// and reduction moves them. These are the sizes that set it today
    /// (an `Expr`, 48 bytes; LALRPOP's `ErrorRecovery` is boxed), so that a
    /// change that makes every parser step slower is noticed.
    #[test]
    fn parser_stack_values_stay_small() {
        use crate::syntax::ast::{Block, Decl, Expr, Field, FuncDecl, FuncType, Ident, Stmt};
        use crate::syntax::pos::Pos;
        use crate::syntax::token::Tok;
        use lalrpop_util::ErrorRecovery;
        use std::mem::size_of;
        assert!(size_of::<Expr>() <= 48);
        // Not on the parser's stack, but every one is an allocation (a
        // boxed expression takes a 48-byte block of the bump allocator) or
        // an element of a list: the tree's size is mostly these.
        assert!(size_of::<Stmt>() <= 112);
        assert!(size_of::<Decl>() <= 112);
        assert!(size_of::<FuncDecl>() <= 160);
        assert!(size_of::<ErrorRecovery<Pos, Tok, super::LexError>>() <= 32);
        // (Any value above 48 bytes would make every entry 8 bytes larger.)
        assert!(size_of::<FuncType>() <= 40);
        assert!(size_of::<Block>() <= 32);
        assert!(size_of::<Field>() <= 32);
        assert!(size_of::<Ident>() <= 16);
        assert!(size_of::<Tok>() <= 16);
    }
}
