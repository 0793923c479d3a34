//! The lowered form escape analysis walks: gc's IR after type checking
//! (cmd/compile/internal/ir), reduced to what escape analysis looks at.
//!
//! gc does not analyse source syntax: it analyses typechecked IR in which
//! the implicit operations are explicit. [`super::lower`] builds this IR from
//! goscope's syntax tree and the checker's side tables so that the analysis
//! files (escape.rs, expr.rs, stmt.rs, call.rs, assign.rs) can follow gc's
//! code line for line:
//!
//! - an implicit conversion to an interface is a [`ExprKind::ConvIface`]
//!   around its operand (gc's OCONVIFACE);
//! - `x.f` through a pointer is a `Dot { ptr: true }` (ODOTPTR), and each
//!   embedded field on the path is its own `Dot`;
//! - `x.M(args)` is a call of the method with the receiver as an explicit
//!   argument (typecheck.FixMethodCall), with `&x` or `*x` inserted where the
//!   method set demands it; `i.M()` on an interface is a `CallInter`;
//! - the variadic arguments of `f(a, b, c)` are one implicit slice literal
//!   (typecheck.FixVariadicCall, printed "... argument");
//! - `&T{}` is a `PtrLit`, slicing an array takes its address, indexing a
//!   pointer to an array dereferences it;
//! - constant expressions are `Literal`s (gc folds them while noding).
//!
//! Invariants: every variable (local, parameter, result, temporary) is a
//! [`Var`] with a [`VarId`]; a variable referenced inside a closure is the
//! same `VarId` as in its declaring function (gc's `Canonical()` name), and
//! the closure lists it in `closure_vars`. Every statement has a unique
//! `sid` so assignments can be compared with a variable's defining
//! statement (gc's `n.Defn == where`).

use crate::syntax::ast;
use crate::syntax::pos::Pos;
use crate::types::object::ObjId;
use crate::types::ty::TypeId;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct FuncId(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct VarId(pub u32);

impl FuncId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
impl VarId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// gc's ir.Class for the variables escape analysis sees.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    /// A local variable or compiler temporary (PAUTO).
    Auto,
    /// A parameter or receiver (PPARAM).
    Param,
    /// A result (PPARAMOUT).
    ParamOut,
}

/// How a variable got its value where it was declared (gc's `Defn`).
#[derive(Clone, Debug, PartialEq)]
pub enum Defn {
    /// Declared without initializer (`var x T`), or a parameter.
    None,
    /// Declared by the statement with this sid (`x := v`, `var x = v`, a
    /// range clause, a type switch).
    Stmt(u32),
}

/// The right-hand side a never-reassigned local was initialized with, as
/// far as ir.StaticValue and devirtualization care.
#[derive(Clone, Debug, PartialEq)]
pub enum StaticRhs {
    /// Another local variable.
    Var(VarId),
    /// A package-level function.
    Func(ObjId),
    /// A function literal.
    Closure(FuncId),
    /// A method expression `T.M`.
    MethodExpr(ObjId),
    /// A conversion of a value of this (non-interface) type to an interface.
    ConvIface(TypeId),
    /// Anything else.
    Other,
}

#[derive(Clone, Debug)]
pub struct Var {
    pub obj: Option<ObjId>,
    /// The name gc prints: the source name, `~r0` for an unnamed result,
    /// `.autotmp_N` for a compiler temporary.
    pub name: String,
    /// The declaration's position (gc prints "moved to heap" here).
    pub pos: Pos,
    pub ty: TypeId,
    pub class: Class,
    /// The declaring function (gc's Curfn).
    pub func: FuncId,
    pub defn: Defn,
    /// The initializer, for ir.StaticValue.
    pub static_rhs: Option<StaticRhs>,
    /// 1-based index among the results, for results (gc's resultIndex).
    pub result_index: usize,
    pub blank: bool,
    /// gc's ir.reassigned (static_value.rs), set after lowering.
    pub reassigned: bool,
}

/// A parameter, receiver or result as the signature lists it (gc's
/// types.Field): unnamed ones have no variable.
#[derive(Clone, Debug)]
pub struct Param {
    pub var: Option<VarId>,
    pub pos: Pos,
    pub ty: TypeId,
    /// Named and not blank (gc: `f.Sym != nil && !f.Sym.IsBlank()`).
    pub named: bool,
    /// The name gc prints for it.
    pub name: String,
    /// A `...T` parameter.
    pub ddd: bool,
}

#[derive(Debug)]
pub struct Func<'a> {
    /// gc's function name (`F`, `T.M`, `(*T).M`, `F.func1`), for messages.
    pub name: String,
    pub obj: Option<ObjId>,
    pub pos: Pos,
    /// The enclosing function of a closure.
    pub parent: Option<FuncId>,
    pub recv: Option<Param>,
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    /// Every variable declared in the function, parameters first (gc's Dcl).
    pub dcl: Vec<VarId>,
    pub body: Vec<Stmt<'a>>,
    pub has_body: bool,
    /// Variables of enclosing functions this closure refers to, in order of
    /// first reference (gc's ClosureVars, by canonical variable).
    pub closure_vars: Vec<VarId>,
    /// Where each closure variable is first referenced in the closure.
    pub closure_var_pos: Vec<Pos>,
    /// The closure is called where it is written: `func(){...}()`.
    pub closure_called: bool,
    /// `//go:noescape`, `//go:uintptrescapes`, ... (ast::PragmaFlags bits).
    pub pragma: u32,
    /// The syntax of a function literal.
    pub lit: Option<&'a ast::Expr>,
    /// A generic function (not analysed: gc analyses its instantiations).
    pub generic: bool,
    /// A shape instantiation of a generic function (or a closure in one):
    /// its type parameters' arguments.
    pub subst: Option<std::rc::Rc<super::typeutil::Subst>>,
    /// gc's DUPOK (instantiations): no parameter diagnostics.
    pub dupok: bool,
}

impl Func<'_> {
    pub fn is_closure(&self) -> bool {
        self.parent.is_some()
    }
    /// Receiver, then parameters (gc's RecvsParams).
    pub fn recv_params(&self) -> impl Iterator<Item = &Param> {
        self.recv.iter().chain(self.params.iter())
    }
}

/// What a node prints as in messages, and where it came from.
#[derive(Clone, Copy, Debug)]
pub enum Src<'a> {
    None,
    /// A source expression, printed as gc prints the node it became.
    Expr(&'a ast::Expr),
    /// An implicit conversion to an interface, printed as its operand.
    Implicit(&'a ast::Expr),
    /// The implicit slice of a variadic call (the call's syntax).
    DotDotDot(&'a ast::Expr),
    /// A source statement.
    Stmt(&'a ast::Stmt),
    /// The assignment of one variable of a `var` declaration.
    VarSpec(&'a ast::VarDecl),
    /// A variable (temporaries, closure variables).
    Var(VarId),
    /// A temporary of a go/defer wrapper (`.autotmp_N`).
    Temp(u32),
    /// `.autotmp_N = x`, the copy of a go/defer argument.
    TempAssign(u32, Option<&'a ast::Expr>),
    /// `.autotmp_N = v`, the copy of a go/defer argument that is a
    /// variable.
    TempAssignVar(u32, VarId),
    /// A case clause of a type switch (`case *int: return val`).
    Case(&'a ast::CaseClause),
    /// The closure gc wraps a go/defer call in ("func literal").
    Wrapper,
    /// Text made while lowering (`o.Inner`, an implicit embedded-field
    /// selection), by index into `Ir::texts`.
    Text(u32),
}

/// The allocation-site kinds an expression can be: one syntax node may be
/// several sites (`[]int{1}` converted to `any` is a slice literal and a
/// boxing).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum SiteKind {
    /// The expression itself allocates: new, make, &T{}, a slice or map
    /// literal, a closure, a method value, a string conversion or
    /// concatenation.
    Expr,
    /// The implicit or explicit conversion of a concrete value to an
    /// interface (keyed by the operand's node for an implicit one, by the
    /// conversion call for an explicit one).
    Boxing,
    /// The implicit `...` slice of a variadic call (keyed by the call).
    DotDotDot,
    /// The closure gc wraps the call of a go or defer statement in when
    /// the call has arguments or results (keyed by the statement; never
    /// reported, as in gc).
    GoDefer,
}

#[derive(Debug)]
pub struct Expr<'a> {
    pub kind: ExprKind<'a>,
    pub pos: Pos,
    pub ty: TypeId,
    pub src: Src<'a>,
    /// The syntax node an allocation site is keyed by.
    pub node: ast::NodeId,
    /// Statements evaluated first (temporaries of a multi-value call).
    pub init: Vec<Stmt<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SliceKind {
    /// OSLICE, OSLICE3
    Slice,
    /// OSLICEARR, OSLICE3ARR (of an array's address or a pointer to array)
    Arr,
    /// OSLICESTR
    Str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StrConv {
    Runes2Str,
    Bytes2Str,
    Str2Runes,
    Str2Bytes,
    RuneStr,
}

#[derive(Debug)]
pub enum ExprKind<'a> {
    /// OLITERAL (every constant expression), OTYPE, and other leaves with
    /// nothing to analyse.
    Literal,
    Nil,
    /// A package-level variable (PEXTERN).
    Global,
    /// A package-level function (PFUNC).
    FuncName(ObjId),
    /// A shape instantiation of a generic function of this package.
    FuncRef(FuncId),
    /// `T.M` (OMETHEXPR).
    MethodExpr(ObjId),
    Name(VarId),
    /// Unary arithmetic (OPLUS, ONEG, OBITNOT, ONOT).
    Unary(Box<Expr<'a>>),
    /// Binary arithmetic, comparison, shift (OADD..OGE).
    Binary(Box<Expr<'a>>, Box<Expr<'a>>),
    /// OANDAND, OOROR.
    Logical(Box<Expr<'a>>, Box<Expr<'a>>),
    Addr(Box<Expr<'a>>),
    Deref(Box<Expr<'a>>),
    /// ODOT (ptr false) or ODOTPTR (ptr true) selecting `field`.
    Dot {
        x: Box<Expr<'a>>,
        ptr: bool,
        field: ObjId,
    },
    /// ODOTTYPE: x.(T), T the node's type.
    DotType(Box<Expr<'a>>),
    /// OINDEX (array: the index of an array value, no dereference).
    Index {
        x: Box<Expr<'a>>,
        index: Box<Expr<'a>>,
        array: bool,
    },
    IndexMap {
        x: Box<Expr<'a>>,
        index: Box<Expr<'a>>,
    },
    Slice {
        x: Box<Expr<'a>>,
        lo: Option<Box<Expr<'a>>>,
        hi: Option<Box<Expr<'a>>>,
        max: Option<Box<Expr<'a>>>,
        kind: SliceKind,
    },
    /// OCONV / OCONVNOP.
    Conv(Box<Expr<'a>>),
    ConvIface(Box<Expr<'a>>),
    StrConv(StrConv, Box<Expr<'a>>),
    Slice2ArrPtr(Box<Expr<'a>>),
    Recv(Box<Expr<'a>>),
    Call(Box<Call<'a>>),
    New,
    MakeSlice {
        len: Box<Expr<'a>>,
        cap: Option<Box<Expr<'a>>>,
        /// The size (cap, else len) if it is a constant that fits an
        /// int32 (ir.IsSmallIntConst).
        size: Option<i64>,
    },
    MakeChan(Option<Box<Expr<'a>>>),
    MakeMap(Option<Box<Expr<'a>>>),
    /// OMETHVALUE `x.M`; `method` is the concrete method, None for an
    /// interface method.
    MethValue {
        x: Box<Expr<'a>>,
        method: Option<ObjId>,
        /// The method's signature (results count for the conservative
        /// result holes).
        sig: TypeId,
    },
    PtrLit(Box<Expr<'a>>),
    ArrayLit(Vec<Expr<'a>>),
    SliceLit(Vec<Expr<'a>>),
    StructLit(Vec<Expr<'a>>),
    MapLit(Vec<(Expr<'a>, Expr<'a>)>),
    Closure(FuncId),
    AddStr(Vec<Expr<'a>>),
}

impl<'a> Expr<'a> {
    pub fn leaf(kind: ExprKind<'a>, pos: Pos, ty: TypeId, src: Src<'a>, node: ast::NodeId) -> Self {
        Expr {
            kind,
            pos,
            ty,
            src,
            node,
            init: Vec::new(),
        }
    }

    pub fn is_literal_or_nil(&self) -> bool {
        matches!(self.kind, ExprKind::Literal | ExprKind::Nil)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Builtin {
    Append,
    Copy,
    Panic,
    Complex,
    /// delete, print, println, recover: every argument discarded.
    DiscardArgs,
    /// len, cap, real, imag, close.
    DiscardOne,
    UnsafeAdd,
    UnsafeSlice,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CallKind {
    /// OCALLFUNC (including method calls after FixMethodCall).
    Func,
    /// OCALLINTER.
    Inter,
    Builtin(Builtin),
}

#[derive(Debug)]
pub struct Call<'a> {
    pub kind: CallKind,
    /// The callee expression of an OCALLFUNC (a `MethodExpr` for a method
    /// call); None for builtins and interface calls.
    pub fun: Option<Expr<'a>>,
    /// The receiver argument: the interface value of an OCALLINTER, the
    /// (adjusted) receiver of a method call.
    pub recv: Option<Expr<'a>>,
    pub args: Vec<Expr<'a>>,
    /// `f(s...)` / `append(s, t...)`.
    pub ddd: bool,
    /// The callee's signature (gc's fntype).
    pub sig: TypeId,
    /// The statically known method of a method call.
    pub method: Option<ObjId>,
    /// The interface method selected by an OCALLINTER (for devirtualizing).
    pub iface_method: Option<ObjId>,
    /// The call's syntax (its position is the `(`).
    pub syntax: Option<&'a ast::Expr>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AsOp {
    /// OAS: one destination (a `var x T` without value has no source).
    As,
    /// OASOP: `x op= y`, `x++`.
    AsOp,
    As2,
    As2DotType,
    As2MapR,
    As2Recv,
    SelRecv2,
    As2Func,
}

#[derive(Debug)]
pub struct Case<'a> {
    pub list: Vec<Expr<'a>>,
    pub body: Vec<Stmt<'a>>,
    /// The variable of a type switch clause.
    pub var: Option<VarId>,
    pub pos: Pos,
    pub syntax: Option<&'a ast::CaseClause>,
}

#[derive(Debug)]
pub struct Stmt<'a> {
    pub kind: StmtKind<'a>,
    pub pos: Pos,
    pub src: Src<'a>,
    pub init: Vec<Stmt<'a>>,
    pub sid: u32,
}

#[derive(Debug)]
pub enum StmtKind<'a> {
    /// Declarations of constants and types, fallthrough, break, continue.
    Nop,
    Block(Vec<Stmt<'a>>),
    Dcl(VarId),
    Label(crate::syntax::symbol::Symbol),
    Goto(crate::syntax::symbol::Symbol),
    If {
        cond: Expr<'a>,
        body: Vec<Stmt<'a>>,
        els: Vec<Stmt<'a>>,
        /// The condition's value when gc's dead-code pass knows it.
        known: Option<bool>,
    },
    For {
        cond: Option<Expr<'a>>,
        post: Option<Box<Stmt<'a>>>,
        body: Vec<Stmt<'a>>,
    },
    Range {
        key: Option<Expr<'a>>,
        value: Option<Expr<'a>>,
        x: Expr<'a>,
        body: Vec<Stmt<'a>>,
    },
    Switch {
        tag: Option<Expr<'a>>,
        /// A type switch: the guarded operand, and whether it binds a
        /// variable (`switch v := x.(type)`).
        guard: Option<(Expr<'a>, bool)>,
        cases: Vec<Case<'a>>,
    },
    Select(Vec<(Option<Stmt<'a>>, Vec<Stmt<'a>>)>),
    Recv(Expr<'a>),
    Send {
        ch: Expr<'a>,
        value: Expr<'a>,
    },
    /// Destinations (None: blank) and sources.
    Assign {
        op: AsOp,
        lhs: Vec<Option<Expr<'a>>>,
        rhs: Vec<Expr<'a>>,
    },
    Return(Vec<Expr<'a>>),
    /// A call (or receive) evaluated for its effects.
    Call(Expr<'a>),
    GoDefer {
        defer: bool,
        call: Expr<'a>,
    },
}

/// All functions of the package and their variables.
#[derive(Debug, Default)]
pub struct Ir<'a> {
    pub funcs: Vec<Func<'a>>,
    pub vars: Vec<Var>,
    /// Package-level functions and methods by object.
    pub func_of_obj: std::collections::HashMap<ObjId, FuncId>,
    /// Target.Decls order: declared functions, then the package
    /// initializer.
    pub decls: Vec<FuncId>,
    /// How calls that gc rewrites before escape analysis print in its
    /// messages (`.autotmp_4()` for `f()()`, `Rect.Area(s.(Rect))` for a
    /// devirtualized `s.Area()`), by the call's node.
    pub print_override: std::collections::HashMap<crate::syntax::ast::NodeId, String>,
    /// The texts of `Src::Text`.
    pub texts: Vec<String>,
}

impl<'a> Ir<'a> {
    pub fn func(&self, f: FuncId) -> &Func<'a> {
        &self.funcs[f.index()]
    }
    pub fn var(&self, v: VarId) -> &Var {
        &self.vars[v.index()]
    }
}
