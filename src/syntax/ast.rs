//! The syntax tree of a Go source file.
//!
//! The tree mirrors gc's own `cmd/compile/internal/syntax` nodes (nodes.go) one
//! for one, because goscope's type checker follows gc's checker (types2), which
//! walks exactly these shapes, and because gc reports errors at the positions
//! its parser gives these nodes. Types are expressions (`[]int`, `map[K]V`,
//! `*T`, `G[int]` all are [`Expr`]s), as in gc: which expressions denote types
//! is the checker's business.
//!
//! Invariants:
//! - Every [`Expr`], [`Stmt`] and [`Ident`] carries a [`NodeId`] that is unique
//!   within one parse session; later passes keep their results (types, objects,
//!   escape decisions) in side tables keyed by it, never in the tree.
//! - `pos` is the position gc's parser gives the node (the operator of a binary
//!   expression, the `(` of a call, the `.` of a selector, the `[` of an index:
//!   see parser.go), so diagnostics land on gc's line and column. `span` covers
//!   the whole source text of the node, for labels in rendered diagnostics.
//! - A list of names sharing one type (`a, b int`, `x, y = 1, 2` in a const
//!   group) shares the same `Arc<Expr>`, so a type or value is checked once; the
//!   checker compares the pointers, as types2 does.
//!
//! Example: `x + f(y)` parses to
//! `Operation { op: Add, x: Name(x), y: Some(Call { fun: Name(f), args: [Name(y)] }) }`
//! whose `pos` is the `+`.

use std::sync::Arc;

use super::pos::{Pos, Span};
use super::symbol::Symbol;

/// Identifies a node of the tree; dense (but for a bounded gap in a file
/// parsed in two chunks), so side tables can be vectors.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A name in declaring or label position (gc's `*syntax.Name` outside
/// expressions).
#[derive(Clone, Debug)]
pub struct Ident {
    pub id: NodeId,
    pub pos: Pos,
    pub sym: Symbol,
}

impl Ident {
    pub fn is_blank(&self) -> bool {
        self.sym.as_str() == "_"
    }
    pub fn span(&self) -> Span {
        Span::new(self.pos, Pos(self.pos.0 + self.sym.as_str().len() as u32))
    }
}

/// One source file: `package` clause, then declarations in source order
/// (imports first, as the grammar requires).
#[derive(Clone, Debug)]
pub struct File {
    /// Position of the `package` keyword.
    pub pos: Pos,
    pub pragma: Pragma,
    pub pkg_name: Ident,
    pub decls: Vec<Decl>,
    /// Position just past the last token.
    pub eof: Pos,
}

/// Compiler directives (`//go:noinline`, ...) attached to the following
/// declaration, as gc's noder records them.
#[derive(Clone, Debug, Default)]
pub struct Pragma {
    pub flags: PragmaFlags,
    /// Directives seen but not allowed where they stood, reported by the
    /// checker as gc does ("misplaced compiler directive").
    pub misplaced: Vec<Pos>,
    /// Every directive with its position and full text, for `--dump-ast`
    /// and for later passes (`//go:linkname`, `//go:embed`).
    pub directives: Vec<(Pos, Symbol)>,
}

/// A declaration's [`Pragma`], out of line: almost every declaration has
/// none, and inline its two vectors would make every declaration 48 bytes
/// larger. Reads as a `Pragma` (an empty one when there is none).
#[derive(Clone, Debug, Default)]
pub struct DeclPragma(Option<Box<Pragma>>);

/// What a [`DeclPragma`] without directives reads as.
static NO_PRAGMA: Pragma = Pragma {
    flags: PragmaFlags(0),
    misplaced: Vec::new(),
    directives: Vec::new(),
};

impl From<Pragma> for DeclPragma {
    fn from(p: Pragma) -> DeclPragma {
        if p.flags.0 == 0 && p.misplaced.is_empty() && p.directives.is_empty() {
            DeclPragma(None)
        } else {
            DeclPragma(Some(Box::new(p)))
        }
    }
}

impl std::ops::Deref for DeclPragma {
    type Target = Pragma;
    fn deref(&self) -> &Pragma {
        self.0.as_deref().unwrap_or(&NO_PRAGMA)
    }
}

/// Function and type directives that change what gc does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PragmaFlags(pub u32);

impl PragmaFlags {
    pub const NOINLINE: u32 = 1 << 0;
    pub const NOSPLIT: u32 = 1 << 1;
    pub const NOESCAPE: u32 = 1 << 2;
    pub const NORACE: u32 = 1 << 3;
    pub const NOCHECKPTR: u32 = 1 << 4;
    pub const NOWRITEBARRIER: u32 = 1 << 5;
    pub const UINTPTR_ESCAPES: u32 = 1 << 6;
    pub const UINTPTR_KEEP_ALIVE: u32 = 1 << 7;
    pub const NOTINHEAP: u32 = 1 << 8;
    pub const REGISTERPARAMS: u32 = 1 << 9;
    pub const SYSTEMSTACK: u32 = 1 << 10;
    pub const NOWRITEBARRIERREC: u32 = 1 << 11;
    pub const YESWRITEBARRIERREC: u32 = 1 << 12;
    pub const CGO_UNSAFE_ARGS: u32 = 1 << 13;

    pub fn has(self, flag: u32) -> bool {
        self.0 & flag != 0
    }
}

/// Identifies the parenthesized group a declaration came from
/// (`const ( a = iota; b )`): declarations of one group share it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GroupId(pub u32);

#[derive(Clone, Debug)]
pub enum Decl {
    Import(ImportDecl),
    Const(ConstDecl),
    Type(TypeDecl),
    Var(VarDecl),
    Func(Box<FuncDecl>),
}

impl Decl {
    pub fn pos(&self) -> Pos {
        match self {
            Decl::Import(d) => d.pos,
            Decl::Const(d) => d.pos,
            Decl::Type(d) => d.pos,
            Decl::Var(d) => d.pos,
            Decl::Func(d) => d.pos,
        }
    }
}

/// `import name "path"`: `pos` is the start of the spec.
#[derive(Clone, Debug)]
pub struct ImportDecl {
    pub pos: Pos,
    pub group: Option<GroupId>,
    pub pragma: DeclPragma,
    /// `.` or `_` or a name; None when no rename is present.
    pub local_name: Option<Ident>,
    /// None when the path is missing (a syntax error was reported).
    pub path: Option<BasicLit>,
}

/// One const spec. In a group, a spec without type and values repeats the
/// previous spec's (`values` then points at the same `Arc` and `inherited` is
/// true); `iota` is the spec's index in its group.
#[derive(Clone, Debug)]
pub struct ConstDecl {
    pub pos: Pos,
    pub group: Option<GroupId>,
    pub pragma: DeclPragma,
    pub names: Vec<Ident>,
    pub ty: Option<Arc<Expr>>,
    pub values: Option<Arc<Expr>>,
    pub inherited: bool,
    pub iota: u32,
}

/// `type Name[TParams] Type` or `type Name = Type`.
#[derive(Clone, Debug)]
pub struct TypeDecl {
    pub pos: Pos,
    pub group: Option<GroupId>,
    pub pragma: DeclPragma,
    pub name: Ident,
    /// Empty when the type is not generic.
    pub tparams: Vec<Field>,
    pub alias: bool,
    pub ty: Expr,
}

/// One var spec: `var a, b T = x, y`. `values` is a `List` expression when
/// there are several.
#[derive(Clone, Debug)]
pub struct VarDecl {
    pub pos: Pos,
    pub group: Option<GroupId>,
    pub pragma: DeclPragma,
    pub names: Vec<Ident>,
    pub ty: Option<Arc<Expr>>,
    pub values: Option<Expr>,
}

/// A function or method declaration; `body` is None for a declaration
/// without body (implemented elsewhere, as goscope's std API declares).
#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub pos: Pos,
    pub pragma: DeclPragma,
    pub recv: Option<Field>,
    pub name: Ident,
    pub tparams: Vec<Field>,
    pub ty: FuncType,
    pub body: Option<Block>,
}

/// A struct field, parameter, result, type parameter or interface element.
/// `name` is None for an anonymous parameter, an embedded field, or an
/// embedded interface element. Names declared together share `ty`.
#[derive(Clone, Debug)]
pub struct Field {
    pub pos: Pos,
    pub name: Option<Ident>,
    pub ty: Arc<Expr>,
}

/// A function signature. Parameters and results are listed one per name;
/// a variadic last parameter has type `DotsType`. The lists are boxed
/// slices (final once parsed): with two `Vec`s a signature would be the
/// largest value on the parser's stack, and every stack entry as large.
#[derive(Clone, Debug)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Box<[Field]>,
    pub results: Box<[Field]>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

/// A literal exactly as written; its value is computed by the checker.
/// `bad` marks a literal the lexer already reported as malformed.
#[derive(Clone, Debug)]
pub struct BasicLit {
    pub id: NodeId,
    pub pos: Pos,
    pub kind: LitKind,
    pub value: Symbol,
    pub bad: bool,
}

/// gc's operators (tokens.go), binary and unary.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Operator {
    /// The `:` of `:=`.
    Def,
    Not,
    Recv,
    Tilde,
    OrOr,
    AndAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
}

impl Operator {
    /// The operator's source text.
    pub fn as_str(self) -> &'static str {
        use Operator::*;
        match self {
            Def => ":",
            Not => "!",
            Recv => "<-",
            Tilde => "~",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// Binary precedence as in the spec (5 highest), 0 for non-binary.
    pub fn precedence(self) -> u8 {
        use Operator::*;
        match self {
            OrOr => 1,
            AndAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | And | AndNot | Shl | Shr => 5,
            _ => 0,
        }
    }

    pub fn is_comparison(self) -> bool {
        use Operator::*;
        matches!(self, Eql | Neq | Lss | Leq | Gtr | Geq)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChanDir {
    Both,
    SendOnly,
    RecvOnly,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    pub pos: Pos,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A placeholder where the parser recovered from an error.
    Bad,
    Name(Symbol),
    BasicLit(BasicLit),
    /// `T{a, k: v}` (boxed: the largest variant would make every
    /// expression, and every parser stack entry, larger).
    CompositeLit(Box<CompositeLit>),
    KeyValue {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    FuncLit {
        ty: Box<FuncType>,
        body: Box<Block>,
    },
    Paren(Box<Expr>),
    Selector {
        x: Box<Expr>,
        sel: Ident,
    },
    /// `x[i]`, or an instantiation `F[A, B]` whose index is a `List`.
    Index {
        x: Box<Expr>,
        index: Box<Expr>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]` (`full`).
    Slice {
        x: Box<Expr>,
        /// Boxed: slices are rare, and inline the three indices would
        /// make every expression 8 bytes larger.
        index: Box<[Option<Box<Expr>>; 3]>,
        full: bool,
    },
    /// `x.(T)`.
    Assert {
        x: Box<Expr>,
        ty: Box<Expr>,
    },
    /// `[lhs :=] x.(type)`, only valid as a switch tag.
    TypeSwitchGuard {
        lhs: Option<Ident>,
        x: Box<Expr>,
    },
    /// Unary (`y` None) or binary operation. `*x` is a dereference or a
    /// pointer type; `~T` and `A | B` also appear in constraints.
    Operation {
        op: Operator,
        x: Box<Expr>,
        y: Option<Box<Expr>>,
    },
    Call {
        fun: Box<Expr>,
        /// A boxed slice, not a `Vec`: the list is final (built at its exact
        /// length, see scratch.rs), and a `Vec`'s capacity word would make
        /// every expression 8 bytes larger.
        args: Box<[Expr]>,
        has_dots: bool,
    },
    /// A comma-separated list (several type arguments, several values).
    List(Box<[Expr]>),
    /// `[N]T`; `len` None means `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType(Box<Expr>),
    /// `...T`, the type of a variadic parameter.
    DotsType(Box<Expr>),
    /// `struct { ... }` (boxed, as `CompositeLit`).
    StructType(Box<StructTypeExpr>),
    /// Methods (named fields of FuncType) and embedded elements (unnamed).
    InterfaceType {
        methods: Vec<Field>,
    },
    FuncType(Box<FuncType>),
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
}

/// `T{a, k: v}`; `ty` is None for an elided type inside another literal.
/// Keyed elements are `KeyValue` expressions; `nkeys` counts them.
#[derive(Clone, Debug)]
pub struct CompositeLit {
    pub ty: Option<Box<Expr>>,
    pub elems: Vec<Expr>,
    pub nkeys: usize,
    pub rbrace: Pos,
}

/// A struct type: fields one per name; `tags[i]` is field i's tag, if any.
#[derive(Clone, Debug)]
pub struct StructTypeExpr {
    pub fields: Vec<Field>,
    pub tags: Vec<Option<BasicLit>>,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub pos: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub id: NodeId,
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BranchTok {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CallTok {
    Go,
    Defer,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    Block(Block),
    Expr(Expr),
    Send {
        chan: Expr,
        value: Expr,
    },
    Decl(Vec<Decl>),
    /// `lhs op= rhs`, `lhs = rhs` (op None), `lhs := rhs` (op Def), or
    /// `lhs++`/`lhs--` (op Add/Sub, rhs None). Several operands on a side
    /// are a `List` expression.
    Assign {
        op: Option<Operator>,
        lhs: Expr,
        rhs: Option<Expr>,
    },
    Branch {
        tok: BranchTok,
        label: Option<Ident>,
    },
    /// `go f(x)` / `defer f(x)`; `call` is the expression as written (gc
    /// requires, and reports, that it be a call).
    Call {
        tok: CallTok,
        call: Expr,
    },
    Return {
        results: Option<Expr>,
    },
    If {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        then: Block,
        /// An `If` statement or a `Block`.
        els: Option<Box<Stmt>>,
    },
    /// `for init; cond; post {}`; a range loop has `init` = `Range`.
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// The `[lhs =|:=] range x` clause of a for statement.
    Range {
        lhs: Option<Expr>,
        def: bool,
        x: Expr,
    },
    /// Expression and type switches (`tag` is a `TypeSwitchGuard`).
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    Select {
        body: Vec<CommClause>,
        rbrace: Pos,
    },
}

/// `case a, b:` (`cases` a `List` if several) or `default:` (None).
#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    pub cases: Option<Expr>,
    pub body: Vec<Stmt>,
    pub colon: Pos,
}

/// `case <-c:` / `case v := <-c:` / `case c <- v:` or `default:` (None).
#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub colon: Pos,
}

impl Expr {
    /// The expression with any enclosing parentheses removed.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        e
    }

    /// The elements of a `List`, or the expression itself as a one-element
    /// list (gc's `syntax.UnpackListExpr`).
    pub fn unpack_list(&self) -> &[Expr] {
        match &self.kind {
            ExprKind::List(list) => list,
            _ => std::slice::from_ref(self),
        }
    }

    /// The name, if the expression is a plain identifier.
    pub fn as_name(&self) -> Option<Symbol> {
        match self.kind {
            ExprKind::Name(s) => Some(s),
            _ => None,
        }
    }
}
