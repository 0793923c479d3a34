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

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::syntax::ast::{ChanDir, Expr, ExprKind, Operator};
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;
use crate::types::builtins::BuiltinId;
use crate::types::info::SelectionKind;
use crate::types::object::{ObjId, ObjKind};
use crate::types::operand::Mode;
use crate::types::package::PkgId;
use crate::types::ty::{Type, TypeId};
use crate::types::typestring::go_quote;
use crate::types::Checker;

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

    // --- expressions ---

    /// exprFmt(n, prec).
    fn expr(&mut self, e: &Expr, prec: i32) {
        let e = e.unparen();
        let view = self.view(e);
        let nprec = self.view_prec(&view);
        if prec > nprec {
            self.s("(");
            self.print_view(view);
            self.s(")");
        } else {
            self.print_view(view);
        }
    }

    fn view_prec(&self, v: &View) -> i32 {
        match v {
            View::Text(_, p) => *p,
            View::Type(t) => self.type_prec(*t),
            View::PtrLit(..) | View::AddStr(_) => PREC_NONE,
            View::Builtin(name, ty, ..) => match *name {
                "real" | "imag" | "complex" | "recover" => PREC_NONE,
                "make"
                    if ty.is_some_and(|t| {
                        matches!(
                            self.check.types.get(self.under(t)),
                            Type::Map { .. } | Type::Chan { .. }
                        )
                    }) =>
                {
                    PREC_NONE
                }
                _ => PREC_ATOM,
            },
            View::Unary(..) => PREC_UNARY,
            View::Binary(op, ..) => binary_prec(*op),
            _ => PREC_ATOM,
        }
    }

    fn type_prec(&self, t: TypeId) -> i32 {
        if self.check.types.pointer_base(t).is_some() {
            PREC_UNARY
        } else {
            PREC_ATOM
        }
    }

    /// The op of a node, to decide gc's space in `- -x` and `& &x`.
    fn unary_op_of(&self, e: &Expr) -> Option<&'static str> {
        match self.view(e.unparen()) {
            View::Unary(op, _) => Some(op),
            _ => None,
        }
    }

    fn print_view(&mut self, v: View) {
        match v {
            View::Text(t, _) => self.s(&t),
            View::Type(t) => self.typ(t, Mode2::Go),
            View::CompLit(t, nonempty) => self.complit(t, nonempty),
            View::PtrLit(t, nonempty) => {
                self.s("&");
                self.complit(t, nonempty);
            }
            View::Dot(x, path, sel) => {
                self.expr(x, PREC_ATOM);
                for f in path {
                    self.s(".");
                    self.s(f.as_str());
                }
                self.s(".");
                self.s(sel.as_str());
            }
            View::MethodExpr(t, sel) => {
                self.type_node(t, PREC_ATOM);
                self.s(".");
                self.s(sel.as_str());
            }
            View::Index(x, i) => {
                self.expr(x, PREC_ATOM);
                self.s("[");
                self.expr(i, 0);
                self.s("]");
            }
            View::Slice(x, idx, full) => {
                self.expr(x, PREC_ATOM);
                self.s("[");
                if let Some(lo) = idx[0] {
                    self.expr(lo, 0);
                }
                self.s(":");
                if let Some(hi) = idx[1] {
                    self.expr(hi, 0);
                }
                if full {
                    self.s(":");
                    if let Some(max) = idx[2] {
                        self.expr(max, 0);
                    }
                }
                self.s("]");
            }
            View::Assert(x, t) => {
                self.expr(x, PREC_ATOM);
                self.s(".(");
                self.typ(t, Mode2::Go);
                self.s(")");
            }
            View::Conv(t, x, inner) => {
                self.conv_type(t);
                self.s("(");
                match inner {
                    Some(it) => {
                        self.s("(");
                        self.s(it);
                        self.s(")(");
                        self.expr(x, 0);
                        self.s(")");
                    }
                    None => self.expr(x, 0),
                }
                self.s(")");
            }
            View::Builtin(name, ty, args, dots) => {
                self.s(name);
                self.s("(");
                let mut first = true;
                if let Some(t) = ty {
                    self.typ(t, Mode2::Go);
                    first = false;
                }
                for a in args {
                    if !first {
                        self.s(", ");
                    }
                    first = false;
                    self.expr(a, 0);
                }
                if dots {
                    self.s("...");
                }
                self.s(")");
            }
            View::Call(callee, args, dots) => {
                match callee {
                    Callee::Expr(f) => self.expr(f, PREC_ATOM),
                    Callee::Text(t) => self.s(&t),
                    Callee::Dot(x, path, sel) => self.print_view(View::Dot(x, path, sel)),
                    Callee::MethodExpr(t, sel) => self.print_view(View::MethodExpr(t, sel)),
                }
                self.s("(");
                for (i, a) in args.into_iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    match a {
                        Arg::Expr(x) => self.expr(x, 0),
                        Arg::Path(x, path) => {
                            if path.is_empty() {
                                self.expr(x, 0);
                            } else {
                                self.expr(x, PREC_ATOM);
                                for f in path {
                                    self.s(".");
                                    self.s(f.as_str());
                                }
                            }
                        }
                        Arg::Text(t) => self.s(&t),
                    }
                }
                if dots {
                    self.s("...");
                }
                self.s(")");
            }
            View::Unary(op, x) => {
                self.s(op);
                if op != "*" && self.unary_op_of(x) == Some(op) {
                    self.s(" ");
                }
                self.expr(x, PREC_UNARY + 1);
            }
            View::Binary(op, x, y) => {
                let p = binary_prec(op);
                self.expr(x, p);
                self.s(" ");
                self.s(op.as_str());
                self.s(" ");
                self.expr(y, p + 1);
            }
            View::AddStr(list) => {
                for (i, x) in list.into_iter().enumerate() {
                    if i > 0 {
                        self.s(" + ");
                    }
                    self.expr(x, PREC_NONE);
                }
            }
        }
    }

    fn complit(&mut self, t: TypeId, nonempty: bool) {
        self.typ(t, Mode2::Go);
        self.s(if nonempty { "{...}" } else { "{}" });
    }

    /// An OTYPE node printed at precedence `prec`.
    fn type_node(&mut self, t: TypeId, prec: i32) {
        if prec > self.type_prec(t) {
            self.s("(");
            self.typ(t, Mode2::Go);
            self.s(")");
        } else {
            self.typ(t, Mode2::Go);
        }
    }

    /// The type of a conversion: parenthesized unless it has a name.
    fn conv_type(&mut self, t: TypeId) {
        if self.type_has_sym(t) {
            self.typ(t, Mode2::Go);
        } else {
            self.s("(");
            self.typ(t, Mode2::Go);
            self.s(")");
        }
    }

    /// Whether gc's type has a Sym: defined and predeclared types, type
    /// parameters, `any` and `unsafe.Pointer`.
    fn type_has_sym(&self, t: TypeId) -> bool {
        let c = self.check;
        matches!(
            c.types.get(t),
            Type::Basic { .. } | Type::Named(_) | Type::TypeParam(_)
        ) || t == c.universe.any_type
    }

    /// Classifies a (paren-free) syntax node by the IR gc builds from it.
    fn view<'e>(&self, e: &'e Expr) -> View<'e> {
        let c = self.check;
        let Some(tv) = c.info.type_of(e.id) else {
            return self.fallback(e);
        };
        if tv.mode == Mode::TypExpr {
            return View::Type(tv.ty);
        }
        if let ExprKind::Name(n) = &e.kind {
            if n.is_blank() {
                return View::Text("_".into(), PREC_ATOM);
            }
        }
        if tv.val.is_some() && tv.mode == Mode::Constant {
            return View::Text(expr_string(e), const_prec(e));
        }
        if tv.mode == Mode::NilValue {
            return View::Text("nil".into(), PREC_ATOM);
        }
        match &e.kind {
            ExprKind::Name(n) => View::Text(self.name_text(e, *n), PREC_ATOM),
            ExprKind::CompositeLit { elems, .. } => {
                let nonempty = !elems.is_empty();
                match c.types.pointer_base(self.core(tv.ty)) {
                    Some(elem) => View::PtrLit(elem, nonempty),
                    None => View::CompLit(tv.ty, nonempty),
                }
            }
            ExprKind::FuncLit { .. } => View::Text(FUNC_LIT.into(), PREC_NONE),
            ExprKind::Selector { x, sel } => self.selector(e, x, sel.sym, sel.id),
            ExprKind::Index { x, index } => {
                if c.info.instances.contains_key(&x.unparen().id)
                    || c.info.instances.contains_key(&e.id)
                    || c.info.type_of(index.id).is_some_and(|t| t.is_type())
                    || matches!(index.kind, ExprKind::List(_))
                {
                    // A generic function instantiated explicitly: the
                    // noder keeps only the function.
                    return self.view(x.unparen());
                }
                View::Index(x, index)
            }
            ExprKind::Slice { x, index, full } => View::Slice(
                x,
                [
                    index[0].as_deref(),
                    index[1].as_deref(),
                    index[2].as_deref(),
                ],
                *full,
            ),
            ExprKind::Assert { x, .. } => View::Assert(x, tv.ty),
            ExprKind::Operation { op, x, y: None } => {
                let x = x.as_ref();
                match op {
                    Operator::And => {
                        if let ExprKind::CompositeLit { elems, .. } = &x.unparen().kind {
                            if let Some(ltv) = c.info.type_of(x.unparen().id) {
                                if c.types.pointer_base(self.core(ltv.ty)).is_none() {
                                    return View::PtrLit(ltv.ty, !elems.is_empty());
                                }
                            }
                        }
                        View::Unary("&", x)
                    }
                    _ => View::Unary(unary_name(*op), x),
                }
            }
            ExprKind::Operation { op, x, y: Some(y) } => {
                if *op == Operator::Add && self.is_string(tv.ty) {
                    let mut list = Vec::new();
                    self.flatten_addstr(x, &mut list);
                    self.flatten_addstr(y, &mut list);
                    return View::AddStr(list);
                }
                View::Binary(*op, x, y)
            }
            ExprKind::Call {
                fun,
                args,
                has_dots,
            } => self.call(e, fun, args, *has_dots),
            ExprKind::KeyValue { .. } | ExprKind::List(_) | ExprKind::Bad => self.fallback(e),
            _ => self.fallback(e),
        }
    }

    /// An expression the checker did not record: as written.
    fn fallback<'e>(&self, e: &'e Expr) -> View<'e> {
        View::Text(expr_string(e), PREC_ATOM)
    }

    /// The operands of a non-constant string `+`, flattened as the noder's
    /// transformAdd does (both sides).
    fn flatten_addstr<'e>(&self, e: &'e Expr, out: &mut Vec<&'e Expr>) {
        let e = e.unparen();
        if let ExprKind::Operation {
            op: Operator::Add,
            x,
            y: Some(y),
        } = &e.kind
        {
            if let Some(tv) = self.check.info.type_of(e.id) {
                if tv.mode != Mode::Constant && self.is_string(tv.ty) {
                    self.flatten_addstr(x, out);
                    self.flatten_addstr(y, out);
                    return;
                }
            }
        }
        out.push(e);
    }

    /// A name as ONAME prints it: qualified when it is another package's.
    fn name_text(&self, e: &Expr, n: Symbol) -> String {
        match self.check.info.object_of(e.id) {
            Some(obj) => self.obj_name(obj),
            None => n.as_str().to_string(),
        }
    }

    fn obj_name(&self, obj: ObjId) -> String {
        let o = self.check.obj(obj);
        match self.qualifier(o.pkg) {
            Some(q) => format!("{q}.{}", o.name),
            None => o.name.as_str().to_string(),
        }
    }

    /// gc's pkgqual in fmtGo mode: none for the local package and the
    /// universe; the package's name, or its quoted path when several
    /// imported packages have that name (types.NumImport).
    fn qualifier(&self, pkg: Option<PkgId>) -> Option<String> {
        let c = self.check;
        let pkg = pkg?;
        if pkg == c.pkg {
            return None;
        }
        let p = c.package(pkg);
        let same = c
            .pkgs
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != c.pkg.0 as usize && !q.fake && q.name == p.name)
            .count();
        if same > 1 {
            Some(format!("{:?}", p.path))
        } else {
            Some(p.name.as_str().to_string())
        }
    }

    fn selector<'e>(
        &self,
        e: &'e Expr,
        x: &'e Expr,
        sel: Symbol,
        sel_id: crate::syntax::ast::NodeId,
    ) -> View<'e> {
        let c = self.check;
        // A qualified identifier is the other package's ONAME.
        if let ExprKind::Name(_) = &x.unparen().kind {
            if let Some(obj) = c.info.object_of(x.unparen().id) {
                if matches!(c.obj(obj).kind, ObjKind::PkgName { .. }) {
                    return match c.info.object_of(sel_id) {
                        Some(o) => View::Text(self.obj_name(o), PREC_ATOM),
                        None => View::Text(expr_string(e), PREC_ATOM),
                    };
                }
            }
        }
        let Some(s) = c.info.selections.get(&e.id) else {
            return View::Dot(x, Vec::new(), sel);
        };
        match s.kind {
            SelectionKind::MethodExpr => {
                let t = c.info.type_of(x.unparen().id).map_or(s.recv, |tv| tv.ty);
                View::MethodExpr(t, sel)
            }
            SelectionKind::FieldVal | SelectionKind::MethodVal => {
                let path = self.embedded_path(s.recv, &s.index);
                View::Dot(x, path, sel)
            }
        }
    }

    /// The names of the embedded fields a selection goes through (all of
    /// its index path but the last step).
    fn embedded_path(&self, recv: TypeId, index: &[usize]) -> Vec<Symbol> {
        let c = self.check;
        let mut out = Vec::new();
        let mut t = recv;
        let n = index.len().saturating_sub(1);
        for &i in &index[..n] {
            let base = c.types.deref(self.under(t)).0;
            let Some(st) = c.types.struct_type(self.under(base)) else {
                break;
            };
            let Some(&f) = st.fields.get(i) else {
                break;
            };
            out.push(c.obj(f).name);
            t = c.obj_type(f);
        }
        out
    }

    fn call<'e>(&self, e: &'e Expr, fun: &'e Expr, args: &'e [Expr], dots: bool) -> View<'e> {
        let c = self.check;
        let fun = fun.unparen();
        let Some(ftv) = c.info.type_of(fun.id) else {
            return self.fallback(e);
        };
        if ftv.mode == Mode::TypExpr {
            return self.conversion(e, args);
        }
        if ftv.mode == Mode::Builtin {
            return self.builtin(e, fun, args, dots);
        }
        // typecheck.FixMethodCall: a call of a concrete, non-generic
        // method becomes a call of the method expression.
        let mut callee = Callee::Expr(fun);
        let mut out: Vec<Arg<'e>> = Vec::new();
        // Generic functions are called through their shape instantiation,
        // with the dictionary first.
        if let Some((name, dict)) = self.generic_func(fun) {
            callee = Callee::Text(name);
            out.push(Arg::Text(dict));
        }
        if let ExprKind::Selector { x, sel } = &fun.kind {
            if let Some(s) = c.info.selections.get(&fun.id) {
                if s.kind == SelectionKind::MethodVal {
                    let path = self.embedded_path(s.recv, &s.index);
                    let recv_ty = self.method_recv_type(s.obj);
                    let concrete = recv_ty.is_some_and(|rt| !self.is_interface(rt));
                    match recv_ty {
                        Some(rt) if concrete && !self.is_generic_recv(rt) => {
                            callee = Callee::MethodExpr(rt, sel.sym);
                            out.push(Arg::Path(x, path));
                        }
                        Some(rt) if concrete => match self.generic_method(rt, sel.sym) {
                            Some((name, dict)) => {
                                callee = Callee::Text(name);
                                out.push(Arg::Text(dict));
                                out.push(Arg::Path(x, path));
                            }
                            None => callee = Callee::Dot(x, path, sel.sym),
                        },
                        _ => callee = Callee::Dot(x, path, sel.sym),
                    }
                }
            }
        }
        let mut ddd = dots;
        match variadic_split(e, c) {
            Some(fixed) => {
                out.extend(args[..fixed].iter().map(Arg::Expr));
                let slice = if args.len() > fixed { DOTS_ARG } else { "nil" };
                out.push(Arg::Text(slice.to_string()));
                ddd = true;
            }
            None => out.extend(args.iter().map(Arg::Expr)),
        }
        View::Call(callee, out, ddd)
    }

    /// The receiver type of a method (`T` or `*T`), None for an interface
    /// method of an unnamed interface or when unknown.
    fn method_recv_type(&self, f: ObjId) -> Option<TypeId> {
        let c = self.check;
        let sig = c.types.signature(c.obj(f).ty?)?;
        Some(c.obj_type(sig.recv?))
    }

    /// For a call of a generic function: the shape instantiation gc calls
    /// (`Ident[go.shape.int_0]`) and its dictionary argument
    /// (`&.dict.Ident[int]`), from the instance the checker recorded.
    fn generic_func(&self, fun: &Expr) -> Option<(String, String)> {
        let c = self.check;
        let target = match &fun.kind {
            ExprKind::Index { x, .. } => x.unparen(),
            _ => fun,
        };
        let id = match &target.kind {
            ExprKind::Name(_) => target.id,
            ExprKind::Selector { x, sel } if self.is_pkg_name(x) => sel.id,
            _ => return None,
        };
        let inst = c.info.instances.get(&id)?;
        let obj = c.info.object_of(id)?;
        let o = c.obj(obj);
        if !o.is_func() {
            return None;
        }
        let tparams = c.types.signature(o.ty?)?.tparams.clone();
        let shapes = self.shape_list(&inst.targs, &tparams);
        let links = self.link_list(&inst.targs);
        let q = self.qualifier(o.pkg).map_or(String::new(), |q| q + ".");
        Some((
            format!("{}[{shapes}]", self.obj_name(obj)),
            format!("&{q}.dict.{}[{links}]", o.name),
        ))
    }

    /// For a call of a method of an instantiated generic type: the shape
    /// instantiation (`(*Box[go.shape.int_0]).Get`) and its dictionary
    /// (`&.dict.(*Box[int]).Get`).
    fn generic_method(&self, recv: TypeId, sel: Symbol) -> Option<(String, String)> {
        let c = self.check;
        let (base, ptr) = c.types.deref(recv);
        let n = c.types.named(base)?;
        let orig = n.orig.unwrap_or(base);
        let tparams = c.types.named(orig)?.tparams.clone();
        let o = c.obj(n.obj);
        let tname = self.obj_name(n.obj);
        let shaped = format!("{tname}[{}]", self.shape_list(&n.targs, &tparams));
        let linked = format!("{}[{}]", o.name, self.link_list(&n.targs));
        let q = self.qualifier(o.pkg).map_or(String::new(), |q| q + ".");
        let wrap = |s: String| if ptr { format!("(*{s})") } else { s };
        Some((
            format!("{}.{sel}", wrap(shaped)),
            format!("&{q}.dict.{}.{sel}", wrap(linked)),
        ))
    }

    /// The shape types of type arguments, comma-separated.
    fn shape_list(&self, targs: &[TypeId], tparams: &[TypeId]) -> String {
        let mut p = NodePrinter::new(self.check);
        p.shapes = self.shapes;
        for (i, &a) in targs.iter().enumerate() {
            if i > 0 {
                p.s(",");
            }
            let bound = tparams
                .get(i)
                .and_then(|&tp| self.check.types.type_param(tp))
                .map(|tp| tp.bound);
            p.shape(a, i, bound);
        }
        p.buf
    }

    /// Type arguments in gc's LinkString form (`int`, `main.S`).
    fn link_list(&self, targs: &[TypeId]) -> String {
        let mut p = NodePrinter::new(self.check);
        p.shapes = self.shapes;
        for (i, &a) in targs.iter().enumerate() {
            if i > 0 {
                p.s(",");
            }
            p.typ(a, Mode2::TypeId);
        }
        p.buf
    }

    /// typecheck.Shapify: `go.shape.` + the LinkString of the argument's
    /// underlying type (all pointers but pointers to arrays are `*uint8`
    /// when the constraint has no core type) + `_` + the parameter index.
    fn shape(&mut self, arg: TypeId, index: usize, bound: Option<TypeId>) {
        let c = self.check;
        // A type parameter of the enclosing instantiation is its argument.
        let arg = match (c.types.type_param(arg), self.shapes) {
            (Some(_), Some(m)) => m.get(&arg).copied().unwrap_or(arg),
            _ => arg,
        };
        let u = self.under(arg);
        self.s("go.shape.");
        let collapse = c
            .types
            .pointer_base(u)
            .is_some_and(|e| !matches!(c.types.get(self.under(e)), Type::Array { .. }))
            && !bound.is_some_and(|b| self.has_core_type(b));
        if collapse {
            self.s("*uint8");
        } else {
            self.typ(u, Mode2::TypeId);
        }
        let _ = write!(self.buf, "_{index}");
    }

    /// Whether a constraint has a core type (approximated: exactly one
    /// non-interface term).
    fn has_core_type(&self, bound: TypeId) -> bool {
        let c = self.check;
        let Some(it) = c.types.interface(self.under(bound)) else {
            return false;
        };
        let terms: Vec<TypeId> = it
            .embeddeds
            .iter()
            .copied()
            .filter(|&e| !matches!(c.types.get(self.under(e)), Type::Interface(_)))
            .collect();
        terms.len() == 1 && !matches!(c.types.get(terms[0]), Type::Union(u) if u.len() > 1)
    }

    fn is_pkg_name(&self, x: &Expr) -> bool {
        let x = x.unparen();
        matches!(x.kind, ExprKind::Name(_))
            && self
                .check
                .info
                .object_of(x.id)
                .is_some_and(|o| matches!(self.check.obj(o).kind, ObjKind::PkgName { .. }))
    }

    /// Whether a receiver type is an instance of a generic type (gc keeps
    /// such calls as method calls).
    fn is_generic_recv(&self, t: TypeId) -> bool {
        let c = self.check;
        let base = c.types.deref(t).0;
        match c.types.named(base) {
            Some(n) => !n.targs.is_empty() || !n.tparams.is_empty(),
            None => c.types.is_type_param(base),
        }
    }

    fn conversion<'e>(&self, e: &'e Expr, args: &'e [Expr]) -> View<'e> {
        let c = self.check;
        let (Some(tv), Some(arg)) = (c.info.type_of(e.id), args.first()) else {
            return self.fallback(e);
        };
        let t = tv.ty;
        let arg = arg.unparen();
        let atv = c.info.type_of(arg.id);
        let ut = self.under(t);
        // A constant string converted to runes is a slice literal.
        if let (Some(Type::Slice(_)), Some(atv)) = (Some(c.types.get(ut)), atv.as_ref()) {
            if let (Some(v), true) = (&atv.val, self.is_string(atv.ty)) {
                if self.is_rune_slice(ut) {
                    return View::CompLit(t, !v.string_val().is_empty());
                }
            }
        }
        // string(bs) with a user-defined byte or rune element type.
        let mut inner = None;
        if self.is_string(t) {
            if let Some(atv) = atv {
                if let Type::Slice(elem) = c.types.get(self.under(atv.ty)) {
                    let elem = *elem;
                    if c.types.is_named(elem) {
                        let k = c.types.basic_kind(self.under(elem));
                        inner = match k {
                            Some(crate::types::basic::BasicKind::Uint8) => Some("[]byte"),
                            Some(crate::types::basic::BasicKind::Int32) => Some("[]rune"),
                            _ => None,
                        };
                    }
                }
            }
        }
        View::Conv(t, arg, inner)
    }

    fn is_rune_slice(&self, ut: TypeId) -> bool {
        let c = self.check;
        match c.types.get(ut) {
            Type::Slice(elem) => {
                c.types.basic_kind(self.under(*elem)) == Some(crate::types::basic::BasicKind::Int32)
            }
            _ => false,
        }
    }

    fn builtin<'e>(&self, e: &'e Expr, fun: &Expr, args: &'e [Expr], dots: bool) -> View<'e> {
        let c = self.check;
        let id = match &fun.kind {
            ExprKind::Name(_) => c.info.object_of(fun.id),
            ExprKind::Selector { sel, .. } => c.info.object_of(sel.id),
            _ => None,
        };
        let Some(ObjKind::Builtin(b)) = id.map(|o| &c.obj(o).kind) else {
            return self.fallback(e);
        };
        let all: Vec<&Expr> = args.iter().collect();
        let name = match b {
            BuiltinId::Append => "append",
            BuiltinId::Cap => "cap",
            BuiltinId::Close => "close",
            BuiltinId::Complex => "complex",
            BuiltinId::Copy => "copy",
            BuiltinId::Delete => "delete",
            BuiltinId::Imag => "imag",
            BuiltinId::Len => "len",
            BuiltinId::Make | BuiltinId::New => {
                let name = if *b == BuiltinId::Make { "make" } else { "new" };
                let ty = args
                    .first()
                    .and_then(|a| c.info.type_of(a.id))
                    .filter(|tv| tv.is_type())
                    .map(|tv| tv.ty);
                let rest = all.get(1..).map(|r| r.to_vec()).unwrap_or_default();
                return match ty {
                    Some(t) => View::Builtin(name, Some(t), rest, false),
                    None => self.fallback(e),
                };
            }
            BuiltinId::Panic => "panic",
            BuiltinId::Print => "print",
            BuiltinId::Println => "println",
            BuiltinId::Real => "real",
            BuiltinId::Recover => "recover",
            BuiltinId::Add => "unsafe.Add",
            BuiltinId::Alignof => "unsafe.Alignof",
            BuiltinId::Offsetof => "unsafe.Offsetof",
            BuiltinId::Sizeof => "unsafe.Sizeof",
            BuiltinId::Slice => "unsafe.Slice",
            BuiltinId::Assert | BuiltinId::Trace => return self.fallback(e),
        };
        View::Builtin(name, None, all, dots)
    }

    // --- type helpers (read-only versions of the checker's) ---

    fn under(&self, t: TypeId) -> TypeId {
        under(self.check, t)
    }

    /// The core type for composite literals: a type parameter's single
    /// underlying type is not resolved here (rare in escape reports).
    fn core(&self, t: TypeId) -> TypeId {
        self.under(t)
    }

    fn is_string(&self, t: TypeId) -> bool {
        self.check
            .types
            .basic_kind(self.under(t))
            .is_some_and(|k| k.is_string())
    }

    fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.check.types.get(self.under(t)), Type::Interface(_))
    }

    // --- types (types/fmt.go tconv2) ---

    fn typ(&mut self, t: TypeId, mode: Mode2) {
        let mut seen = HashSet::new();
        self.typ_rec(t, mode, &mut seen);
    }

    fn typ_rec(&mut self, t: TypeId, mode: Mode2, seen: &mut HashSet<TypeId>) {
        let c = self.check;
        if t == c.universe.any_type {
            // LinkString collapses the predeclared aliases.
            self.s(if mode == Mode2::Go {
                "any"
            } else {
                "interface {}"
            });
            return;
        }
        if !seen.insert(t) {
            // Only a broken program has an unnamed cyclic type.
            self.s("<cycle>");
            return;
        }
        match c.types.get(t) {
            Type::Basic { kind, name } => {
                use crate::types::basic::BasicKind as K;
                let s = match kind {
                    K::UnsafePointer => "unsafe.Pointer",
                    K::UntypedBool => "untyped bool",
                    K::UntypedInt => "untyped int",
                    K::UntypedRune => "untyped rune",
                    K::UntypedFloat => "untyped float",
                    K::UntypedComplex => "untyped complex",
                    K::UntypedString => "untyped string",
                    K::UntypedNil => "nil",
                    K::Invalid => "<T>",
                    _ if mode == Mode2::TypeId => kind.name(),
                    _ => name,
                };
                self.s(s);
            }
            Type::Named(n) => {
                let obj = c.obj(n.obj);
                let q = match mode {
                    Mode2::Go => self.qualifier(obj.pkg),
                    Mode2::TypeId => obj.pkg.map(|p| c.package(p).path.clone()),
                };
                if let Some(q) = q {
                    self.s(&q);
                    self.s(".");
                }
                self.s(obj.name.as_str());
                if !n.targs.is_empty() {
                    // InstTypeName: the type arguments' LinkStrings.
                    let targs = n.targs.clone();
                    self.s("[");
                    for (i, a) in targs.into_iter().enumerate() {
                        if i > 0 {
                            self.s(",");
                        }
                        self.typ_rec(a, Mode2::TypeId, seen);
                    }
                    self.s("]");
                }
            }
            Type::TypeParam(tp) => match self.shapes.and_then(|m| m.get(&t)) {
                Some(&arg) => {
                    let (index, bound) = (tp.index.max(0) as usize, tp.bound);
                    self.shape(arg, index, Some(bound));
                }
                None => {
                    let name = c.obj(tp.obj).name;
                    self.s(name.as_str());
                }
            },
            Type::Pointer(b) => {
                self.s("*");
                self.typ_rec(*b, mode, seen);
            }
            Type::Array { len, elem } => {
                let _ = write!(self.buf, "[{len}]");
                self.typ_rec(*elem, mode, seen);
            }
            Type::Slice(elem) => {
                self.s("[]");
                self.typ_rec(*elem, mode, seen);
            }
            Type::Chan { dir, elem } => {
                let elem = *elem;
                match dir {
                    ChanDir::RecvOnly => self.s("<-chan "),
                    ChanDir::SendOnly => self.s("chan<- "),
                    ChanDir::Both => self.s("chan "),
                }
                let paren = *dir == ChanDir::Both
                    && matches!(
                        c.types.get(elem),
                        Type::Chan {
                            dir: ChanDir::RecvOnly,
                            ..
                        }
                    );
                if paren {
                    self.s("(");
                }
                self.typ_rec(elem, mode, seen);
                if paren {
                    self.s(")");
                }
            }
            Type::Map { key, elem } => {
                let (key, elem) = (*key, *elem);
                self.s("map[");
                self.typ_rec(key, mode, seen);
                self.s("]");
                self.typ_rec(elem, mode, seen);
            }
            Type::Interface(_) => {
                let methods = self.all_methods(t);
                if methods.is_empty() {
                    self.s("interface {}");
                } else {
                    self.s("interface {");
                    for (i, m) in methods.iter().enumerate() {
                        if i > 0 {
                            self.s(";");
                        }
                        self.s(" ");
                        let o = c.obj(*m);
                        if !o.name.is_exported() {
                            // fmtTypeID qualification: the package path.
                            if let Some(p) = o.pkg {
                                let path = c.package(p).path.clone();
                                self.s(&path);
                                self.s(".");
                            }
                        }
                        self.s(o.name.as_str());
                        if let Some(mt) = o.ty {
                            self.signature(mt, mode, seen);
                        }
                    }
                    self.s(" }");
                }
            }
            Type::Signature(_) => {
                self.s("func");
                self.signature(t, mode, seen);
            }
            Type::Struct(st) => {
                let fields = st.fields.clone();
                let tags = st.tags.clone();
                self.s("struct {");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        self.s(";");
                    }
                    self.s(" ");
                    let o = c.obj(*f);
                    if !o.is_embedded() {
                        if !o.name.is_exported() && !o.name.is_blank() {
                            if let Some(q) = match mode {
                                Mode2::Go => self.qualifier(o.pkg),
                                Mode2::TypeId => o.pkg.map(|p| c.package(p).path.clone()),
                            } {
                                self.s(&q);
                                self.s(".");
                            }
                        }
                        self.s(o.name.as_str());
                        self.s(" ");
                    }
                    let ft = c.obj_type(*f);
                    self.typ_rec(ft, mode, seen);
                    if let Some(tag) = tags.get(i).filter(|t| !t.is_empty()) {
                        self.s(" ");
                        self.s(&go_quote(tag));
                    }
                }
                if !fields.is_empty() {
                    self.s(" ");
                }
                self.s("}");
            }
            Type::Tuple(vars) => {
                let vars = vars.clone();
                for (i, v) in vars.iter().enumerate() {
                    if i > 0 {
                        self.s(",");
                    }
                    let vt = c.obj_type(*v);
                    self.typ_rec(vt, mode, seen);
                }
            }
            Type::Union(terms) => {
                let terms = terms.clone();
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        self.s("|");
                    }
                    if term.tilde {
                        self.s("~");
                    }
                    if let Some(tt) = term.ty {
                        self.typ_rec(tt, mode, seen);
                    }
                }
            }
        }
        seen.remove(&t);
    }

    /// `(int, string) (bool, error)`: parameter types only, gc's 'S' form.
    fn signature(&mut self, t: TypeId, mode: Mode2, seen: &mut HashSet<TypeId>) {
        let c = self.check;
        let Some(sig) = c.types.signature(t) else {
            return;
        };
        let params: Vec<ObjId> = c.types.tuple_vars(sig.params).to_vec();
        let results: Vec<ObjId> = c.types.tuple_vars(sig.results).to_vec();
        let variadic = sig.variadic;
        self.s("(");
        for (i, p) in params.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            let pt = c.obj_type(*p);
            if variadic && i + 1 == params.len() {
                self.s("...");
                let elem = match c.types.get(pt) {
                    Type::Slice(e) => *e,
                    _ => pt,
                };
                self.typ_rec(elem, mode, seen);
            } else {
                self.typ_rec(pt, mode, seen);
            }
        }
        self.s(")");
        match results.len() {
            0 => {}
            1 => {
                self.s(" ");
                let rt = c.obj_type(results[0]);
                self.typ_rec(rt, mode, seen);
            }
            _ => {
                self.s(" (");
                for (i, r) in results.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    let rt = c.obj_type(*r);
                    self.typ_rec(rt, mode, seen);
                }
                self.s(")");
            }
        }
    }

    /// All methods of an interface (embedded ones included), in gc's
    /// order: exported names first, then by name (types.Sym.Less).
    fn all_methods(&self, t: TypeId) -> Vec<ObjId> {
        let c = self.check;
        let mut out: Vec<ObjId> = Vec::new();
        let mut names = HashSet::new();
        let mut stack = vec![t];
        let mut visited = HashSet::new();
        while let Some(t) = stack.pop() {
            let u = self.under(t);
            if !visited.insert(u) {
                continue;
            }
            if let Some(it) = c.types.interface(u) {
                for &m in &it.methods {
                    if names.insert(c.obj(m).name) {
                        out.push(m);
                    }
                }
                stack.extend(it.embeddeds.iter().copied());
            }
        }
        out.sort_by(|&a, &b| {
            let (na, nb) = (c.obj(a).name, c.obj(b).name);
            nb.is_exported()
                .cmp(&na.is_exported())
                .then_with(|| na.as_str().cmp(nb.as_str()))
        });
        out
    }
}
