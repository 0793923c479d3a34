//! How nodes print in diagnostics: the one place the analysis asks "what
//! does this node print as". Expressions print with fmt.rs (gc's
//! ir/fmt.go: `&T{...}`, `[]int{...}`, `func literal`, `([]byte)(s)`,
//! `... argument`); statements (the "where" of -m=2 notes) as gc's
//! statement formatting of assignments, returns and sends.

use super::escape::Escape;
use super::ir::Src;
use crate::syntax::ast::{self, Operator, StmtKind as SK};
use crate::types::Checker;

/// An expression as gc's -m output prints the node it became.
pub fn node_string(e: &ast::Expr, c: &Checker) -> String {
    super::fmt::node_string(e, c)
}

/// A list of expressions, comma-separated.
fn list_string(e: &ast::Expr, c: &Checker) -> String {
    let parts: Vec<String> = e.unpack_list().iter().map(|x| node_string(x, c)).collect();
    parts.join(", ")
}

/// A statement as gc prints it in -m=2 notes.
pub fn stmt_string(s: &ast::Stmt, c: &Checker) -> String {
    match &s.kind {
        SK::Assign { op, lhs, rhs } => {
            let l = list_string(lhs, c);
            match (op, rhs) {
                (None, Some(r)) => format!("{l} = {}", list_string(r, c)),
                (Some(Operator::Def), Some(r)) => format!("{l} := {}", list_string(r, c)),
                (Some(o), Some(r)) => format!("{l} {}= {}", o.as_str(), node_string(r, c)),
                (Some(o), None) => format!("{l}{}{}", o.as_str(), o.as_str()),
                (None, None) => l,
            }
        }
        SK::Return { results } => match results {
            Some(r) => format!("return {}", list_string(r, c)),
            None => "return".into(),
        },
        SK::Send { chan, value } => {
            format!("{} <- {}", node_string(chan, c), node_string(value, c))
        }
        SK::Range { .. } | SK::For { .. } => "for loop".into(),
        SK::Expr(e) => node_string(e, c),
        SK::Branch { tok, label } => {
            let t = match tok {
                ast::BranchTok::Break => "break",
                ast::BranchTok::Continue => "continue",
                ast::BranchTok::Goto => "goto",
                ast::BranchTok::Fallthrough => "fallthrough",
            };
            match label {
                Some(l) => format!("{t} {}", l.sym.as_str()),
                None => t.into(),
            }
        }
        _ => String::new(),
    }
}

impl<'b, 'c, 'a> Escape<'b, 'c, 'a> {
    /// What a node (the "where" of a note, or a location) prints as.
    pub fn src_string(&self, s: Src<'a>) -> String {
        match s {
            Src::None => String::new(),
            Src::Expr(e) | Src::Implicit(e)
                if self.ir.print_override.contains_key(&e.unparen().id) =>
            {
                self.ir
                    .print_override
                    .get(&e.unparen().id)
                    .cloned()
                    .unwrap_or_default()
            }
            Src::Expr(e) | Src::Implicit(e) => match &self.ir.func(self.curfn).subst {
                Some(targs) => {
                    let text = super::fmt::node_string_shaped(e, self.t.c, targs);
                    // Inside a shape copy, a value of type-parameter type is
                    // converted through its dictionary type:
                    // OCONVIFACE(unsafe.Pointer(x)).
                    let c = self.t.c;
                    let tparam = |x: &ast::Expr| {
                        c.info
                            .type_of(x.id)
                            .is_some_and(|tv| c.types.is_type_param(tv.ty))
                    };
                    match (&s, &e.kind) {
                        (Src::Implicit(_), _) if tparam(e) => format!("unsafe.Pointer({text})"),
                        // An explicit conversion to an interface likewise.
                        (Src::Expr(_), ast::ExprKind::Call { fun, args, .. })
                            if args.len() == 1
                                && c.info.type_of(fun.id).is_some_and(|tv| {
                                    tv.is_type() && self.t.is_interface(tv.ty)
                                })
                                && tparam(&args[0]) =>
                        {
                            format!(
                                "unsafe.Pointer({})",
                                super::fmt::node_string_shaped(&args[0], c, targs)
                            )
                        }
                        _ => text,
                    }
                }
                None => node_string(e, self.t.c),
            },
            Src::DotDotDot(_) => super::fmt::dots_arg_string().into(),
            Src::Stmt(st) => stmt_string(st, self.t.c),
            Src::VarSpec(vd) => {
                let names: Vec<&str> = vd.names.iter().map(|n| n.sym.as_str()).collect();
                match &vd.values {
                    Some(v) => format!("{} = {}", names.join(", "), list_string(v, self.t.c)),
                    None => names.join(", "),
                }
            }
            Src::Var(v) => self.ir.var(v).name.clone(),
            Src::Temp(n) => format!(".autotmp_{n}"),
            Src::TempAssign(n, rhs) => match rhs {
                Some(r) => format!(".autotmp_{n} = {}", node_string(r, self.t.c)),
                None => format!(".autotmp_{n}"),
            },
            Src::TempAssignVar(n, v) => format!(".autotmp_{n} = {}", self.ir.var(v).name),
            Src::Case(cl) => {
                let head = match &cl.cases {
                    Some(c) => format!("case {}", list_string(c, self.t.c)),
                    None => "default".into(),
                };
                let body: Vec<String> = cl.body.iter().map(|s| stmt_string(s, self.t.c)).collect();
                format!("{head}: {}", body.join("; "))
            }
            Src::Wrapper => super::fmt::FUNC_LIT.into(),
            Src::Text(i) => self.ir.texts.get(i as usize).cloned().unwrap_or_default(),
        }
    }
}
