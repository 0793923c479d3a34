//! How gc prints IR nodes in escape-analysis messages (`-m`).
//!
//! gc reports an allocation site or a variable by formatting its IR node
//! with `%v` (cmd/compile/internal/ir/fmt.go: fmtNode → exprFmt, types
//! with types/fmt.go's tconv in fmtGo mode). The text is therefore not the
//! source as written but the source as the noder (noder/expr.go,
//! transform.go, helpers.go) and typecheck turned it into IR before escape
//! analysis ran. goscope has no IR: this module prints a syntax node the
//! way gc prints the IR node built from it, using the checker's [`Info`]
//! for what the noder knew from types2 (types, constant values, objects,
//! selections).
//!
//! What the noder did, and what therefore shows in gc's text:
//! - Parentheses are dropped (`g.expr` unparens); exprFmt puts them back
//!   only where its precedence table (`OpPrec`) needs them, so
//!   `(a + b) * c` keeps them and `(x)` loses them. Nodes missing from the
//!   table (OPTRLIT, OADDSTR) have precedence 0 and are parenthesized
//!   under any operator: `(&T{...}).f`.
//! - Implicit conversions (OCONVIFACE for `fmt.Println(x)`, OCONVNOP),
//!   implicit `&`/`*` of method receivers and of pointers to arrays print as
//!   their operand: `x escapes to heap` names the conversion of `x`. They
//!   have no node in goscope's tree, so there is nothing to skip here.
//! - Constant expressions are `RawOrigExpr`s holding the source text
//!   (`syntax.String`): `"abc"`, `1 << 30`, `pkg.C`, `len("ab")`.
//! - Composite literals print as their type and `{...}` (`{}` when empty):
//!   `[]int{...}`, `map[string]int{}`, `struct { a int }{...}`; `&T{...}`
//!   is OPTRLIT (also for an elided `&T` inside another literal); a
//!   constant `[]rune("ab")` became the literal `[]rune{...}`.
//! - Explicit conversions print the type, parenthesized when it has no name:
//!   `string(b)`, `([]byte)(s)`, `(*T)(p)`, `(interface {})(x)`.
//! - String concatenation is one OADDSTR with the operands flattened:
//!   `"abc" + s + t`.
//! - Selections spell out the embedded fields the selector went through
//!   (`x.E.f` for `x.f`); a method expression prints its type (`(*T).M`).
//! - Method calls on concrete receivers were rewritten to function calls
//!   (typecheck.FixMethodCall): `t.M(x)` prints as `T.M(t, x)`, or
//!   `(*T).M(t, x)` for a pointer receiver.
//! - Calls of variadic functions without `...` got their extra arguments
//!   packed into an implicit slice (typecheck.FixVariadicCall, done by
//!   escape analysis before it reports): `fmt.Println(a, b)` prints as
//!   `fmt.Println(... argument...)`, and the slice itself as
//!   [`DOTS_ARG`]; with no extra argument the slice is `nil`:
//!   `fmt.Println(nil...)`.
//! - Function literals are `func literal` ([`FUNC_LIT`]).
//! - Names of other packages are qualified by the package's name
//!   (`fmt.Println`, `bytes.Buffer`), or by its quoted path when two
//!   imported packages share that name (`"math/rand".Intn`).
//!
//! Example: in `fmt.Println(&T{1}, s + "x", []byte(s))`, gc's messages name
//! `&T{...}`, `s + "x"`, `([]byte)(s)` and `... argument`.
//!
//! Invariant: printing never panics and never fails; a node the checker
//! has no record of (only in erroneous programs) prints as written.

use crate::syntax::ast::{Expr, ExprKind, Operator};
use crate::syntax::symbol::Symbol;
use crate::types::operand::Mode;
use crate::types::ty::{Type, TypeId};
use crate::types::Checker;
use std::collections::HashMap;

mod call;
mod conv;
mod print;
mod types;
mod view;

/// gc's text for the implicit slice of a variadic call's extra arguments
/// (an implicit OCOMPLIT): `... argument does not escape`.
pub const DOTS_ARG: &str = "... argument";

/// gc's text for a function literal (OCLOSURE): `func literal escapes to heap`.
pub const FUNC_LIT: &str = "func literal";

/// gc's text for the implicit variadic slice of a call; see [`DOTS_ARG`].
pub fn dots_arg_string() -> &'static str {
    DOTS_ARG
}

/// Prints the expression as gc prints the IR node made from it in `-m`
/// messages (`X escapes to heap`, `X does not escape`).
///
/// `e` is the node as the user wrote it; an implicit conversion recorded
/// for it in `Info::iface_conversions` prints as `e` itself, as gc does.
pub fn node_string(e: &Expr, check: &Checker) -> String {
    let mut p = NodePrinter::new(check);
    p.expr(e, 0);
    p.buf
}

/// Prints the expression as gc prints it inside one instantiation of a
/// generic function. gc analyses generic code per shape instantiation, with
/// every type parameter replaced by its shape type, named after the type
/// argument's underlying type and the parameter's index: `T` instantiated
/// with `int` prints as `go.shape.int_0`, any pointer as `go.shape.*uint8_0`
/// (`make([]go.shape.string_1, 0, len(xs))`). `targs` maps the type
/// parameters in scope (the function's, or the receiver type's for a
/// method) to the instantiation's type arguments.
pub fn node_string_shaped(e: &Expr, check: &Checker, targs: &HashMap<TypeId, TypeId>) -> String {
    let mut p = NodePrinter::new(check);
    p.shapes = Some(targs);
    p.expr(e, 0);
    p.buf
}

/// Prints a type as gc's `%v` of a `*types.Type` (tconv, fmtGo mode):
/// `[]int`, `map[string]*T`, `interface {}`, `struct { a int }`,
/// `func(int) string`, `bytes.Buffer`.
pub fn type_string(t: TypeId, check: &Checker) -> String {
    let mut p = NodePrinter::new(check);
    p.typ(t, Mode2::Go);
    p.buf
}

/// For a call that packs its trailing arguments into an implicit slice
/// (a variadic function called without `...`; typecheck.FixVariadicCall),
/// the number of arguments passed as they are; the others become the
/// slice gc calls [`DOTS_ARG`] (or `nil` when there are none). None for
/// any other call, conversion or builtin.
///
/// The slice is an allocation site at the call's position: gc reports
/// `... argument does not escape` at the `(` of `fmt.Println(x)`.
pub fn variadic_split(call: &Expr, check: &Checker) -> Option<usize> {
    let ExprKind::Call {
        fun,
        args,
        has_dots: false,
    } = &call.kind
    else {
        return None;
    };
    let ftv = check.info.type_of(fun.unparen().id)?;
    if matches!(ftv.mode, Mode::TypExpr | Mode::Builtin) {
        return None;
    }
    let p = NodePrinter::new(check);
    let sig = check.types.signature(p.under(ftv.ty))?;
    let nparams = check.types.tuple_vars(sig.params).len();
    if !sig.variadic || nparams == 0 {
        return None;
    }
    let multi = args.len() == 1
        && check
            .info
            .type_of(args[0].id)
            .is_some_and(|t| check.types.is_tuple(t.ty));
    if multi {
        return None;
    }
    Some((nparams - 1).min(args.len()))
}

/// The name gc gives result `index` of a function: the declared name, or
/// `~r<index>` for an unnamed result and `~b<index>` for a blank one
/// (noder/object.go); `index` counts all results before it. gc prints it in
/// `leaking param: p to result ~r0 level=0`.
pub fn result_name(index: usize, name: Option<Symbol>) -> String {
    match name {
        None => format!("~r{index}"),
        Some(n) if n.as_str().is_empty() => format!("~r{index}"),
        Some(n) if n.is_blank() => format!("~b{index}"),
        Some(n) => n.as_str().to_string(),
    }
}

/// The underlying type, read-only (the checker's `under` may expand lazy
/// instances and needs `&mut`; after checking, every type a program uses
/// is complete). INVALID for a broken cycle.
pub(crate) fn under(check: &Checker, t: TypeId) -> TypeId {
    let mut t = t;
    for _ in 0..100 {
        match check.types.get(t) {
            Type::Named(n) => match n.underlying {
                Some(u) if u != t => t = u,
                _ => return TypeId::INVALID,
            },
            _ => return t,
        }
    }
    t
}

// Precedences of gc's OpPrec table (ir/fmt.go).
const PREC_ATOM: i32 = 8;
const PREC_UNARY: i32 = 7;
/// The precedence of ops missing from OpPrec: OPTRLIT, OADDSTR, OCLOSURE,
/// OMAKEMAP, OMAKECHAN, OREAL, OIMAG, OCOMPLEX, ORECOVER. gc
/// parenthesizes them under any operator: `(&T{...}).f`,
/// `(func literal)()`.
const PREC_NONE: i32 = 0;

fn binary_prec(op: Operator) -> i32 {
    use Operator::*;
    match op {
        Mul | Div | Rem | Shl | Shr | And | AndNot => 6,
        Add | Sub | Or | Xor => 5,
        Eql | Neq | Lss | Leq | Gtr | Geq => 4,
        AndAnd => 2,
        OrOr => 1,
        Def | Not | Recv | Tilde => PREC_ATOM,
    }
}

/// gc's op names (OpNames) for unary operators.
fn unary_name(op: Operator) -> &'static str {
    match op {
        Operator::Xor => "^",
        other => other.as_str(),
    }
}

/// The precedence of a constant's RawOrigExpr: that of the op gc's
/// constExprOp gives the outermost syntax node.
fn const_prec(e: &Expr) -> i32 {
    match &e.kind {
        ExprKind::Operation {
            op:
                Operator::Not
                | Operator::Recv
                | Operator::Add
                | Operator::Sub
                | Operator::Xor
                | Operator::Mul
                | Operator::And,
            y: None,
            ..
        } => PREC_UNARY,
        ExprKind::Operation { op, y: Some(_), .. } => binary_prec(*op),
        _ => PREC_ATOM,
    }
}

/// Type formatting modes of tconv: fmtGo for messages, fmtTypeID for the
/// type arguments inside an instantiated type's name (LinkString).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode2 {
    Go,
    TypeId,
}

/// One argument of a printed call.
enum Arg<'e> {
    Expr(&'e Expr),
    /// A method receiver with the embedded fields it was reached through.
    Path(&'e Expr, Vec<Symbol>),
    Text(String),
}

/// What the IR node made from a syntax node looks like, as far as
/// printing is concerned.
enum View<'e> {
    /// Fixed text with the precedence of its node (constants, names,
    /// `nil`, `func literal`).
    Text(String, i32),
    /// A type (OTYPE); a pointer type has unary precedence.
    Type(TypeId),
    /// OSTRUCTLIT/OARRAYLIT/OSLICELIT/OMAPLIT: `T{...}` or `T{}`.
    CompLit(TypeId, bool),
    /// OPTRLIT: `&T{...}`.
    PtrLit(TypeId, bool),
    /// `x.f1.f2.sel` (ODOT, ODOTPTR, OMETHVALUE, ODOTINTER); `path` holds
    /// the implicit embedded fields.
    Dot(&'e Expr, Vec<Symbol>, Symbol),
    /// OMETHEXPR: `T.M`.
    MethodExpr(TypeId, Symbol),
    Index(&'e Expr, &'e Expr),
    Slice(&'e Expr, [Option<&'e Expr>; 3], bool),
    Assert(&'e Expr, TypeId),
    /// A conversion to the type; `inner` is the type of the non-implicit
    /// OCONVNOP gc adds for `string(bs)` with a user-defined byte or rune
    /// element (`[]byte` or `[]rune`).
    Conv(TypeId, &'e Expr, Option<&'static str>),
    /// `op(args)` for builtins; `new(T)` and `make(T, ...)` have the type
    /// first.
    Builtin(&'static str, Option<TypeId>, Vec<&'e Expr>, bool),
    /// A call: the function, the arguments, whether `...` follows them.
    Call(Callee<'e>, Vec<Arg<'e>>, bool),
    Unary(&'static str, &'e Expr),
    Binary(Operator, &'e Expr, &'e Expr),
    AddStr(Vec<&'e Expr>),
}

enum Callee<'e> {
    Expr(&'e Expr),
    /// A shape instantiation of a generic function or method.
    Text(String),
    Dot(&'e Expr, Vec<Symbol>, Symbol),
    MethodExpr(TypeId, Symbol),
}

struct NodePrinter<'c, 'a> {
    check: &'c Checker<'a>,
    buf: String,
    /// Type arguments of the instantiation being printed, by type
    /// parameter (see [`node_string_shaped`]).
    shapes: Option<&'c HashMap<TypeId, TypeId>>,
}

impl<'c, 'a> NodePrinter<'c, 'a> {
    fn new(check: &'c Checker<'a>) -> Self {
        NodePrinter {
            check,
            buf: String::new(),
            shapes: None,
        }
    }

    fn s(&mut self, s: &str) {
        self.buf.push_str(s);
    }
}
