//! Statements: gc's header rules for if/for/switch, go/defer operands,
//! labels, type switch guards, clause ends.

use super::{ForHeader, Header};
use crate::syntax::ast::*;
use crate::syntax::ctx::ParseCtx;
use crate::syntax::dump::stmt_string;
use crate::syntax::pos::Pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;
use crate::syntax::token::SemiKind;

impl ParseCtx<'_> {
    // ------------------------------------------------------------ statements

    pub fn labeled(&self, p: Pos, label: Symbol, colon: Pos, s: Option<Box<Stmt>>) -> Stmt {
        if s.is_none() {
            // gc accepts `L: }` and `L: ;` but not `L:` before case/default.
            let next = self.text_at(self.next_token_pos(colon.offset(1), true));
            let word = next
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("");
            if word == "case" || word == "default" {
                self.syntax_error(colon, "missing statement after label");
            }
        }
        let stmt = s.unwrap_or_else(|| Box::new(self.stmt(colon, StmtKind::Empty)));
        let label = self.ident(p, label);
        self.stmt(colon, StmtKind::Labeled { label, stmt })
    }

    /// `go x` / `defer x`: gc requires an unparenthesized call.
    pub fn call_stmt(&self, p: Pos, tok: CallTok, x: Expr) -> Stmt {
        let word = if tok == CallTok::Go { "go" } else { "defer" };
        let mut x = x;
        if let ExprKind::Paren(_) = x.kind {
            self.error(
                x.pos,
                format!("expression in {word} must not be parenthesized"),
            );
            while let ExprKind::Paren(inner) = x.kind {
                x = *inner;
            }
        }
        if !matches!(x.kind, ExprKind::Call { .. }) {
            self.error(x.pos, format!("expression in {word} must be function call"));
            // gc assumes a missing call: `defer f` becomes `defer f()`.
            let (pos, lo, hi) = (x.pos, x.span.lo, x.span.hi);
            let kind = ExprKind::Call {
                fun: Box::new(x),
                args: Box::default(),
                has_dots: false,
            };
            x = self.expr(pos, lo, hi, kind);
        }
        self.stmt(p, StmtKind::Call { tok, call: x })
    }

    pub fn define(&self, p: Pos, lhs: Expr, rhs: Expr) -> Stmt {
        self.stmt(
            p,
            StmtKind::Assign {
                op: Some(Operator::Def),
                lhs,
                rhs: Some(rhs),
            },
        )
    }

    /// gc's header "unpack condStmt": the condition of an if, for or
    /// switch must be an expression statement.
    fn cond_of(&self, s: Option<Box<Stmt>>) -> Option<Expr> {
        let s = *s?;
        match s.kind {
            StmtKind::Expr(x) => Some(x),
            ref kind => {
                let str = match kind {
                    StmtKind::Assign {
                        op: None,
                        lhs,
                        rhs: Some(rhs),
                    } => {
                        format!("assignment ({}) = ({})", expr_string(lhs), expr_string(rhs))
                    }
                    _ => stmt_string(&s),
                };
                self.syntax_error(s.pos, format!("cannot use {str} as value"));
                Some(self.expr(s.pos, s.pos, s.pos, ExprKind::Bad))
            }
        }
    }

    fn header(
        &self,
        h: Option<Header>,
        is_if: bool,
        lbrace: Pos,
    ) -> (Option<Box<Stmt>>, Option<Box<Stmt>>) {
        let h = match h {
            Some(Header::Var(p, h)) => {
                let kw = if is_if { "if" } else { "switch" };
                self.syntax_error(
                    p,
                    format!("var declaration not allowed in {kw} initializer"),
                );
                Some(*h)
            }
            h => h,
        };
        match h {
            None => {
                if is_if {
                    self.syntax_error(lbrace, "missing condition in if statement");
                }
                (None, None)
            }
            Some(Header::One(s)) => (None, Some(s)),
            Some(Header::Var(_, _)) | Some(Header::Bad) => (None, None),
            Some(Header::Two(init, semi, kind, cond)) => {
                if cond.is_none() && is_if {
                    if kind != SemiKind::Semicolon {
                        let msg =
                            format!("unexpected {}, expecting {{ after if clause", kind.as_str());
                        self.syntax_error(semi, msg);
                    } else {
                        self.syntax_error(semi, "missing condition in if statement");
                    }
                }
                (init, cond)
            }
        }
    }

    pub fn if_stmt(&self, p: Pos, h: Option<Header>, then: Block, els: Option<Box<Stmt>>) -> Stmt {
        let (init, cond) = self.header(h, true, then.pos);
        let cond = self.cond_of(cond);
        self.stmt(
            p,
            StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        )
    }

    /// A clause's statements must end with `;` unless the clause is the
    /// last before `}` (gc: "unexpected case at end of statement").
    fn check_clause_ends(&self, ends: impl Iterator<Item = (bool, Pos, bool)>) {
        let mut prev_open = false;
        for (open, pos, is_case) in ends {
            if prev_open {
                let what = if is_case { "case" } else { "default" };
                self.syntax_error(pos, format!("unexpected {what} at end of statement"));
            }
            prev_open = open;
        }
    }

    pub fn select_stmt(&self, p: Pos, body: Vec<(Box<CommClause>, bool)>, r: Pos) -> Stmt {
        self.check_clause_ends(
            body.iter()
                .map(|(c, open)| (*open, c.pos, c.comm.is_some() || c.colon == c.pos)),
        );
        let body = body.into_iter().map(|(c, _)| *c).collect();
        self.stmt(p, StmtKind::Select { body, rbrace: r })
    }

    pub fn switch_stmt(
        &self,
        p: Pos,
        h: Option<Header>,
        l: Pos,
        body: Vec<(Box<CaseClause>, bool)>,
        r: Pos,
    ) -> Stmt {
        self.check_clause_ends(
            body.iter()
                .map(|(c, open)| (*open, c.pos, c.cases.is_some() || c.colon == c.pos)),
        );
        let body = body.into_iter().map(|(c, _)| *c).collect();
        let (init, tag) = self.header(h, false, l);
        let tag = tag.map(|t| *t);
        // `switch x := y.(type)`: gc's simpleStmt makes this the guard.
        let tag = match tag {
            Some(Stmt {
                kind:
                    StmtKind::Assign {
                        op: Some(Operator::Def),
                        lhs,
                        rhs: Some(rhs),
                    },
                pos,
                id,
            }) => match (lhs.kind, rhs.kind) {
                (ExprKind::Name(s), ExprKind::TypeSwitchGuard { lhs: None, x }) => {
                    let name = Some(self.ident(lhs.pos, s));
                    let guard = ExprKind::TypeSwitchGuard { lhs: name, x };
                    let g = self.expr(rhs.pos, lhs.span.lo, rhs.span.hi, guard);
                    Some(Box::new(self.stmt(g.pos, StmtKind::Expr(g))))
                }
                (lk, rk) => {
                    let lhs = Expr { kind: lk, ..lhs };
                    let rhs = Expr { kind: rk, ..rhs };
                    let kind = StmtKind::Assign {
                        op: Some(Operator::Def),
                        lhs,
                        rhs: Some(rhs),
                    };
                    Some(Box::new(Stmt { id, pos, kind }))
                }
            },
            other => other.map(Box::new),
        };
        let tag = self.cond_of(tag);
        self.stmt(
            p,
            StmtKind::Switch {
                init,
                tag,
                body,
                rbrace: r,
            },
        )
    }

    pub fn for_stmt(&self, p: Pos, h: Option<ForHeader>, body: Block) -> Stmt {
        let h = match h {
            Some(ForHeader::Var(p, h)) => {
                self.syntax_error(p, "var declaration not allowed in for initializer");
                Some(*h)
            }
            h => h,
        };
        let (init, cond, post) = match h {
            Some(ForHeader::Var(_, _)) | Some(ForHeader::Bad) => (None, None, None),
            None => (None, None, None),
            Some(ForHeader::One(s)) => (None, self.cond_of(Some(s)), None),
            Some(ForHeader::Range(rp, lhs, def, x)) => {
                let r = self.stmt(
                    rp,
                    StmtKind::Range {
                        lhs: lhs.map(|l| *l),
                        def,
                        x: *x,
                    },
                );
                (Some(Box::new(r)), None, None)
            }
            Some(ForHeader::Three(init, cond, post)) => {
                if let Some(StmtKind::Assign {
                    op: Some(Operator::Def),
                    ..
                }) = post.as_ref().map(|p| &p.kind)
                {
                    let pos = post.as_ref().map_or(p, |s| s.pos);
                    self.syntax_error(pos, "cannot declare in post statement of for loop");
                }
                (init, self.cond_of(cond), post)
            }
        };
        self.stmt(
            p,
            StmtKind::For {
                init,
                cond,
                post,
                body,
            },
        )
    }
}
