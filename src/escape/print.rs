//! How nodes print in diagnostics. gc prints IR nodes with its own
//! formatter (ir/fmt.go: `&T{...}`, `[]int{...}`, `func literal`,
//! `([]byte)(s)`, `... argument`); that formatter is ported in fmt.rs
//! (`node_string`) by the escfmt branch. Until it is merged this file
//! approximates it on top of the syntax printer, and it stays the one
//! place the analysis asks "what does this node print as".

use super::escape::Escape;
use super::ir::Src;
use crate::syntax::ast::{self, ExprKind as AK, Operator, StmtKind as SK};
use crate::syntax::printer::expr_string;

/// An expression as gc's -m output prints the node it became.
pub fn node_string(e: &ast::Expr) -> String {
    match &e.kind {
        AK::Paren(x) => node_string(x),
        AK::FuncLit { .. } => "func literal".into(),
        AK::CompositeLit { ty, .. } => match ty {
            Some(t) => format!("{}{{...}}", expr_string(t)),
            None => "{...}".into(),
        },
        AK::Operation {
            op: Operator::And,
            x,
            y: None,
        } if matches!(x.unparen().kind, AK::CompositeLit { .. }) => format!("&{}", node_string(x)),
        _ => expr_string(e),
    }
}

/// A statement as gc prints it in -m=2 notes.
pub fn stmt_string(s: &ast::Stmt) -> String {
    match &s.kind {
        SK::Assign { op, lhs, rhs } => {
            let l = expr_string(lhs);
            match (op, rhs) {
                (None, Some(r)) => format!("{l} = {}", expr_string(r)),
                (Some(Operator::Def), Some(r)) => format!("{l} := {}", expr_string(r)),
                (Some(o), Some(r)) => format!("{l} {}= {}", o.as_str(), expr_string(r)),
                (Some(o), None) => format!("{l}{}{}", o.as_str(), o.as_str()),
                (None, None) => l,
            }
        }
        SK::Return { results } => match results {
            Some(r) => format!("return {}", expr_string(r)),
            None => "return".into(),
        },
        SK::Send { chan, value } => format!("{} <- {}", expr_string(chan), expr_string(value)),
        SK::Range { lhs, def, x } => match lhs {
            Some(l) => format!("for {} {} range {}", expr_string(l), if *def { ":=" } else { "=" }, expr_string(x)),
            None => format!("for range {}", expr_string(x)),
        },
        SK::For { init: Some(i), .. } => stmt_string(i),
        SK::Expr(e) => expr_string(e),
        _ => String::new(),
    }
}

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// What a node (the "where" of a note, or a location) prints as.
    pub fn src_string(&self, s: Src<'a>) -> String {
        match s {
            Src::None => String::new(),
            Src::Expr(e) | Src::Implicit(e) => node_string(e),
            Src::DotDotDot(_) => "... argument".into(),
            Src::Stmt(st) => stmt_string(st),
            Src::VarSpec(vd) => {
                let names: Vec<&str> = vd.names.iter().map(|n| n.sym.as_str()).collect();
                match &vd.values {
                    Some(v) => format!("{} = {}", names.join(", "), expr_string(v)),
                    None => names.join(", "),
                }
            }
            Src::Var(v) => self.ir.var(v).name.clone(),
            Src::Temp(n) => format!(".autotmp_{n}"),
            Src::TempAssign(n, rhs) => match rhs {
                Some(r) => format!(".autotmp_{n} = {}", node_string(r)),
                None => format!(".autotmp_{n}"),
            },
            Src::Wrapper => "func literal".into(),
        }
    }
}
