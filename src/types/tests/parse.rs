//! A small parser for the checker's unit tests: Go expressions, types and
//! one-line `var`/`const`/`type` declarations, producing the real syntax
//! tree with gc's node positions (the operator of an operation, the `(` of
//! a call, the `[` of an index or slice, the `.` of a selector).
//!
//! It exists so the type checker can be tested before (and independently
//! of) goscope's real parser; it accepts only what the test cases use and
//! reports anything else as a test failure (Err), never as a panic.

use std::rc::Rc;

use crate::syntax::ast::*;
use crate::syntax::pos::{Pos, Span};
use crate::syntax::symbol::Symbol;
use crate::syntax::NodeIdGen;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Lit(LitKind, String),
    Op(&'static str),
    Eof,
}

const OPS: [&str; 37] = [
    "...", "&^", "<<", ">>", "<-", "&&", "||", "==", "!=", "<=", ">=", ":=", "+", "-", "*", "/",
    "%", "&", "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "~",
    "@", "#",
];

fn lex(src: &str, base: u32) -> Result<Vec<(Tok, u32, u32)>, String> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let tok = if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            Tok::Ident(src[start..i].to_string())
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let mut kind = LitKind::Int;
            let hex = c == b'0' && matches!(b.get(i + 1), Some(b'x' | b'X'));
            if hex {
                i += 2;
            }
            while i < b.len() {
                let d = b[i];
                if d.is_ascii_digit() || d == b'_' || (hex && d.is_ascii_hexdigit()) {
                    i += 1;
                } else if d == b'.' && !hex {
                    kind = LitKind::Float;
                    i += 1;
                } else if matches!(d, b'e' | b'E') && !hex {
                    kind = LitKind::Float;
                    i += 1;
                    if matches!(b.get(i), Some(b'+' | b'-')) {
                        i += 1;
                    }
                } else {
                    break;
                }
            }
            if b.get(i) == Some(&b'i') {
                kind = LitKind::Imag;
                i += 1;
            }
            Tok::Lit(kind, src[start..i].to_string())
        } else if c == b'"' || c == b'\'' || c == b'`' {
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == b'\\' && c != b'`' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            let kind = if c == b'\'' {
                LitKind::Rune
            } else {
                LitKind::String
            };
            Tok::Lit(
                kind,
                src.get(start..i).ok_or("unterminated literal")?.to_string(),
            )
        } else {
            let op = OPS
                .iter()
                .find(|op| src[i..].starts_with(**op))
                .ok_or_else(|| format!("unexpected character {:?}", c as char))?;
            i += op.len();
            Tok::Op(op)
        };
        out.push((tok, base + start as u32, base + i as u32));
    }
    let end = base + b.len() as u32;
    out.push((Tok::Eof, end, end));
    Ok(out)
}

pub struct Parser<'g> {
    toks: Vec<(Tok, u32, u32)>,
    i: usize,
    ids: &'g NodeIdGen,
}

type PResult<T> = Result<T, String>;

impl<'g> Parser<'g> {
    /// A parser over `src`, whose first byte has position `base`.
    pub fn new(src: &str, base: u32, ids: &'g NodeIdGen) -> PResult<Parser<'g>> {
        Ok(Parser {
            toks: lex(src, base)?,
            i: 0,
            ids,
        })
    }

    fn tok(&self) -> &Tok {
        &self.toks[self.i.min(self.toks.len() - 1)].0
    }
    fn pos(&self) -> Pos {
        Pos(self.toks[self.i.min(self.toks.len() - 1)].1)
    }
    fn prev_end(&self) -> Pos {
        Pos(self.toks[self.i.saturating_sub(1)].2)
    }
    fn next(&mut self) {
        self.i += 1;
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Ident(s) if s == kw)
    }
    fn got(&mut self, op: &str) -> bool {
        let ok = self.is_op(op);
        if ok {
            self.next();
        }
        ok
    }
    fn want(&mut self, op: &str) -> PResult<()> {
        if self.got(op) {
            Ok(())
        } else {
            Err(format!("expected {op}, found {:?}", self.tok()))
        }
    }
    pub fn at_eof(&self) -> bool {
        *self.tok() == Tok::Eof
    }
    fn ident(&mut self) -> PResult<Ident> {
        let pos = self.pos();
        match self.tok().clone() {
            Tok::Ident(s) => {
                self.next();
                Ok(Ident {
                    id: self.ids.next(),
                    pos,
                    sym: Symbol::intern(&s),
                })
            }
            t => Err(format!("expected name, found {t:?}")),
        }
    }

    fn mk(&self, pos: Pos, lo: Pos, kind: ExprKind) -> Expr {
        Expr {
            id: self.ids.next(),
            pos,
            span: Span::new(lo, self.prev_end()),
            kind,
        }
    }

    /// A full expression.
    pub fn expr(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary_op(&self) -> Option<Operator> {
        let Tok::Op(o) = self.tok() else { return None };
        Some(match *o {
            "||" => Operator::OrOr,
            "&&" => Operator::AndAnd,
            "==" => Operator::Eql,
            "!=" => Operator::Neq,
            "<" => Operator::Lss,
            "<=" => Operator::Leq,
            ">" => Operator::Gtr,
            ">=" => Operator::Geq,
            "+" => Operator::Add,
            "-" => Operator::Sub,
            "|" => Operator::Or,
            "^" => Operator::Xor,
            "*" => Operator::Mul,
            "/" => Operator::Div,
            "%" => Operator::Rem,
            "&" => Operator::And,
            "&^" => Operator::AndNot,
            "<<" => Operator::Shl,
            ">>" => Operator::Shr,
            _ => return None,
        })
    }

    fn binary(&mut self, prec: u8) -> PResult<Expr> {
        let lo = self.pos();
        let mut x = self.unary()?;
        while let Some(op) = self.binary_op() {
            if op.precedence() < prec {
                break;
            }
            let pos = self.pos();
            self.next();
            let y = self.binary(op.precedence() + 1)?;
            x = self.mk(
                pos,
                lo,
                ExprKind::Operation {
                    op,
                    x: Box::new(x),
                    y: Some(Box::new(y)),
                },
            );
        }
        Ok(x)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let op = match self.tok() {
            Tok::Op("-") => Operator::Sub,
            Tok::Op("+") => Operator::Add,
            Tok::Op("!") => Operator::Not,
            Tok::Op("^") => Operator::Xor,
            Tok::Op("*") => Operator::Mul,
            Tok::Op("&") => Operator::And,
            Tok::Op("<-") => {
                if matches!(&self.toks.get(self.i + 1), Some((Tok::Ident(s), _, _)) if s == "chan")
                {
                    return self.primary();
                }
                Operator::Recv
            }
            _ => return self.primary(),
        };
        self.next();
        let x = self.unary()?;
        Ok(self.mk(
            pos,
            pos,
            ExprKind::Operation {
                op,
                x: Box::new(x),
                y: None,
            },
        ))
    }

    fn primary(&mut self) -> PResult<Expr> {
        let lo = self.pos();
        let mut x = self.operand()?;
        loop {
            let pos = self.pos();
            if self.got(".") {
                if self.got("(") {
                    let ty = self.type_()?;
                    self.want(")")?;
                    x = self.mk(
                        pos,
                        lo,
                        ExprKind::Assert {
                            x: Box::new(x),
                            ty: Box::new(ty),
                        },
                    );
                } else {
                    let sel = self.ident()?;
                    x = self.mk(
                        pos,
                        lo,
                        ExprKind::Selector {
                            x: Box::new(x),
                            sel,
                        },
                    );
                }
            } else if self.got("[") {
                x = self.index_or_slice(x, pos, lo)?;
            } else if self.got("(") {
                let mut args = Vec::new();
                let mut has_dots = false;
                while !self.is_op(")") {
                    args.push(self.expr_or_type()?);
                    if self.got("...") {
                        has_dots = true;
                    }
                    if !self.got(",") {
                        break;
                    }
                }
                self.want(")")?;
                x = self.mk(
                    pos,
                    lo,
                    ExprKind::Call {
                        fun: Box::new(x),
                        args,
                        has_dots,
                    },
                );
            } else if self.is_op("{") && is_type_like(&x) {
                x = self.complit(Some(x), lo)?;
            } else {
                return Ok(x);
            }
        }
    }

    fn index_or_slice(&mut self, x: Expr, pos: Pos, lo: Pos) -> PResult<Expr> {
        let mut idx: [Option<Box<Expr>>; 3] = [None, None, None];
        let mut ncolons = 0;
        if !self.is_op(":") {
            let first = self.expr_or_type()?;
            if self.is_op(",") {
                let mut list = vec![first];
                while self.got(",") {
                    list.push(self.expr_or_type()?);
                }
                self.want("]")?;
                let ll = list[0].span.lo;
                let index = self.mk(ll, ll, ExprKind::List(list));
                return Ok(self.mk(
                    pos,
                    lo,
                    ExprKind::Index {
                        x: Box::new(x),
                        index: Box::new(index),
                    },
                ));
            }
            idx[0] = Some(Box::new(first));
        }
        while self.got(":") {
            ncolons += 1;
            if ncolons > 2 {
                return Err("too many colons".into());
            }
            if !self.is_op(":") && !self.is_op("]") {
                idx[ncolons] = Some(Box::new(self.expr()?));
            }
        }
        self.want("]")?;
        if ncolons == 0 {
            let index = idx[0].take().ok_or("missing index")?;
            return Ok(self.mk(
                pos,
                lo,
                ExprKind::Index {
                    x: Box::new(x),
                    index,
                },
            ));
        }
        Ok(self.mk(
            pos,
            lo,
            ExprKind::Slice {
                x: Box::new(x),
                index: idx,
                full: ncolons == 2,
            },
        ))
    }

    fn complit(&mut self, ty: Option<Expr>, lo: Pos) -> PResult<Expr> {
        let pos = self.pos();
        self.want("{")?;
        let mut elems = Vec::new();
        let mut nkeys = 0;
        while !self.is_op("}") {
            let elo = self.pos();
            let e = self.element()?;
            let e = if self.is_op(":") {
                let cpos = self.pos();
                self.next();
                nkeys += 1;
                let v = self.element()?;
                self.mk(
                    cpos,
                    elo,
                    ExprKind::KeyValue {
                        key: Box::new(e),
                        value: Box::new(v),
                    },
                )
            } else {
                e
            };
            elems.push(e);
            if !self.got(",") {
                break;
            }
        }
        let rbrace = self.pos();
        self.want("}")?;
        Ok(self.mk(
            pos,
            lo,
            ExprKind::CompositeLit {
                ty: ty.map(Box::new),
                elems,
                nkeys,
                rbrace,
            },
        ))
    }

    fn element(&mut self) -> PResult<Expr> {
        if self.is_op("{") {
            let lo = self.pos();
            return self.complit(None, lo);
        }
        self.expr()
    }

    fn operand(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        match self.tok().clone() {
            Tok::Lit(kind, value) => {
                self.next();
                let lit = BasicLit {
                    id: self.ids.next(),
                    pos,
                    kind,
                    value: Symbol::intern(&value),
                    bad: false,
                };
                Ok(self.mk(pos, pos, ExprKind::BasicLit(lit)))
            }
            Tok::Op("(") => {
                self.next();
                let x = self.expr_or_type()?;
                self.want(")")?;
                Ok(self.mk(pos, pos, ExprKind::Paren(Box::new(x))))
            }
            Tok::Ident(s)
                if !matches!(s.as_str(), "chan" | "map" | "struct" | "func" | "interface") =>
            {
                self.next();
                Ok(self.mk(pos, pos, ExprKind::Name(Symbol::intern(&s))))
            }
            _ => self.type_(),
        }
    }

    /// An expression or a type (arguments of make, new, conversions).
    pub fn expr_or_type(&mut self) -> PResult<Expr> {
        self.expr()
    }

    /// A type.
    pub fn type_(&mut self) -> PResult<Expr> {
        let lo = self.pos();
        if self.got("*") {
            let base = self.type_()?;
            return Ok(self.mk(
                lo,
                lo,
                ExprKind::Operation {
                    op: Operator::Mul,
                    x: Box::new(base),
                    y: None,
                },
            ));
        }
        if self.got("(") {
            let t = self.type_()?;
            self.want(")")?;
            return Ok(self.mk(lo, lo, ExprKind::Paren(Box::new(t))));
        }
        if self.got("[") {
            if self.got("]") {
                let elem = self.type_()?;
                return Ok(self.mk(lo, lo, ExprKind::SliceType(Box::new(elem))));
            }
            let len = if self.got("...") {
                None
            } else {
                Some(Box::new(self.expr()?))
            };
            self.want("]")?;
            let elem = self.type_()?;
            return Ok(self.mk(
                lo,
                lo,
                ExprKind::ArrayType {
                    len,
                    elem: Box::new(elem),
                },
            ));
        }
        if self.got("<-") {
            if !self.is_kw("chan") {
                return Err("expected chan".into());
            }
            self.next();
            let elem = self.type_()?;
            return Ok(self.mk(
                lo,
                lo,
                ExprKind::ChanType {
                    dir: ChanDir::RecvOnly,
                    elem: Box::new(elem),
                },
            ));
        }
        let Tok::Ident(name) = self.tok().clone() else {
            return Err(format!("expected type, found {:?}", self.tok()));
        };
        self.next();
        match name.as_str() {
            "chan" => {
                let dir = if self.got("<-") {
                    ChanDir::SendOnly
                } else {
                    ChanDir::Both
                };
                let elem = self.type_()?;
                Ok(self.mk(
                    lo,
                    lo,
                    ExprKind::ChanType {
                        dir,
                        elem: Box::new(elem),
                    },
                ))
            }
            "map" => {
                self.want("[")?;
                let key = self.type_()?;
                self.want("]")?;
                let value = self.type_()?;
                Ok(self.mk(
                    lo,
                    lo,
                    ExprKind::MapType {
                        key: Box::new(key),
                        value: Box::new(value),
                    },
                ))
            }
            "struct" => self.struct_type(lo),
            "interface" => {
                self.want("{")?;
                self.want("}")?;
                Ok(self.mk(
                    lo,
                    lo,
                    ExprKind::InterfaceType {
                        methods: Vec::new(),
                    },
                ))
            }
            "func" => {
                let ft = self.func_type(lo)?;
                Ok(self.mk(lo, lo, ExprKind::FuncType(Box::new(ft))))
            }
            _ => {
                let mut t = self.mk(lo, lo, ExprKind::Name(Symbol::intern(&name)));
                if self.is_op(".") {
                    let pos = self.pos();
                    self.next();
                    let sel = self.ident()?;
                    t = self.mk(
                        pos,
                        lo,
                        ExprKind::Selector {
                            x: Box::new(t),
                            sel,
                        },
                    );
                }
                Ok(t)
            }
        }
    }

    fn struct_type(&mut self, lo: Pos) -> PResult<Expr> {
        self.want("{")?;
        let mut fields = Vec::new();
        let mut tags = Vec::new();
        while !self.is_op("}") {
            let fpos = self.pos();
            let first = self.type_()?;
            if self.is_op(";") || self.is_op("}") {
                // embedded field
                fields.push(Field {
                    pos: fpos,
                    name: None,
                    ty: Rc::new(first),
                });
                tags.push(None);
            } else {
                let ExprKind::Name(n) = first.kind else {
                    return Err("bad field name".into());
                };
                let mut names = vec![Ident {
                    id: self.ids.next(),
                    pos: first.pos,
                    sym: n,
                }];
                while self.got(",") {
                    names.push(self.ident()?);
                }
                let ty = Rc::new(self.type_()?);
                for name in names {
                    fields.push(Field {
                        pos: name.pos,
                        name: Some(name),
                        ty: ty.clone(),
                    });
                    tags.push(None);
                }
            }
            if !self.got(";") {
                break;
            }
        }
        self.want("}")?;
        Ok(self.mk(lo, lo, ExprKind::StructType { fields, tags }))
    }

    /// `(T1, T2) R` with unnamed parameters and at most one result.
    fn func_type(&mut self, pos: Pos) -> PResult<FuncType> {
        self.want("(")?;
        let mut params = Vec::new();
        while !self.is_op(")") {
            let p = self.pos();
            let ty = self.type_()?;
            params.push(Field {
                pos: p,
                name: None,
                ty: Rc::new(ty),
            });
            if !self.got(",") {
                break;
            }
        }
        self.want(")")?;
        let mut results = Vec::new();
        if !self.is_op(";") && !self.at_eof() && !self.is_op("{") && !self.is_op(")") {
            let p = self.pos();
            let ty = self.type_()?;
            results.push(Field {
                pos: p,
                name: None,
                ty: Rc::new(ty),
            });
        }
        Ok(FuncType {
            pos,
            params,
            results,
        })
    }

    /// One declaration: `var x T`, `var x = e`, `const c [T] = e`,
    /// `type T U`, `type T = U`.
    pub fn decl(&mut self) -> PResult<Decl> {
        let pos = self.pos();
        let Tok::Ident(kw) = self.tok().clone() else {
            return Err("expected declaration".into());
        };
        self.next();
        let name = self.ident()?;
        match kw.as_str() {
            "var" | "const" => {
                let ty = if self.is_op("=") {
                    None
                } else {
                    Some(Rc::new(self.type_()?))
                };
                let values = if self.got("=") {
                    Some(self.expr()?)
                } else {
                    None
                };
                if kw == "var" {
                    Ok(Decl::Var(VarDecl {
                        pos,
                        group: None,
                        pragma: Pragma::default(),
                        names: vec![name],
                        ty,
                        values,
                    }))
                } else {
                    Ok(Decl::Const(ConstDecl {
                        pos,
                        group: None,
                        pragma: Pragma::default(),
                        names: vec![name],
                        ty,
                        values: values.map(Rc::new),
                        inherited: false,
                        iota: 0,
                    }))
                }
            }
            "type" => {
                let alias = self.got("=");
                let ty = self.type_()?;
                Ok(Decl::Type(TypeDecl {
                    pos,
                    group: None,
                    pragma: Pragma::default(),
                    name,
                    tparams: Vec::new(),
                    alias,
                    ty,
                }))
            }
            _ => Err(format!("unknown declaration keyword {kw}")),
        }
    }
}

/// Whether `x{...}` after x is a composite literal (x looks like a type).
fn is_type_like(x: &Expr) -> bool {
    matches!(
        x.kind,
        ExprKind::Name(_)
            | ExprKind::Selector { .. }
            | ExprKind::Index { .. }
            | ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::StructType { .. }
    )
}
