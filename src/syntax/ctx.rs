//! The state one parse shares between lexer, grammar actions and driver.
//!
//! LALRPOP actions receive `&ParseCtx`, so everything mutable is in a
//! `Cell` or `RefCell`: the node id counter, the diagnostics, the
//! directives the lexer collected, and the nesting depth of every node
//! built so far.
//!
//! Architecture invariant: no tree the parser returns is deeper than
//! [`MAX_NESTING`] nodes. Every later pass (checker, compiler, dumper, even
//! `Drop`) recurses over the tree; the bound is what makes that recursion
//! finite. A node that would exceed it is replaced by `Bad`, with the
//! diagnostic "syntax error: nesting too deep" (once per file). gc itself
//! has no limit (its goroutine stacks grow to 1 GB). The limit must admit
//! real code: the standard library's deepest tree is a 7,098-term string
//! concatenation (time/tzdata/zipdata.go), a left-deep chain of `+`.
//! Dumping and dropping a tree at the limit fits in an 8 MB stack (see
//! tests/syntax_robust.rs); a pass that uses more stack per level should
//! run on a thread with a larger stack or walk binary chains iteratively.

use std::cell::{Cell, RefCell};

use super::ast::{Expr, NodeId, Pragma, PragmaFlags, Stmt};
use super::pos::Pos;
use super::scratch::Scratch;
use super::symbol::Symbol;
use crate::diag::Diagnostic;

/// Deepest tree the parser builds (see the module comment).
pub const MAX_NESTING: u32 = 10_000;

/// Hands out [`NodeId`]s, densely, across every file of a session (a
/// file parsed in two chunks leaves a gap, see `chunks.rs`).
#[derive(Debug, Default)]
pub struct NodeIdGen(pub Cell<u32>);

impl NodeIdGen {
    pub fn new() -> NodeIdGen {
        NodeIdGen::default()
    }
    /// The next id; ids are 0, 1, 2, ... so side tables can be vectors.
    pub fn next(&self) -> NodeId {
        let id = self.0.get();
        self.0.set(id + 1);
        NodeId(id)
    }
    /// How many ids were handed out so far (the size side tables need).
    pub fn count(&self) -> u32 {
        self.0.get()
    }
}

/// A `//go:` directive as the lexer found it.
#[derive(Clone, Debug)]
pub struct Directive {
    pub pos: Pos,
    /// The text after `//`, e.g. `go:noinline`; `pos` is that text's
    /// position (gc's, two bytes after the `//`).
    pub text: Symbol,
    /// Nothing but white space precedes it on its line (gc's `blank`).
    pub blank_line: bool,
    /// Position of the first token after the directive.
    pub next: Pos,
    pub taken: bool,
}

/// What a declaration is, for deciding which directives it may carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PragmaTarget {
    /// The package clause: only `//go:build` belongs there.
    File,
    Func,
    Type,
    Var,
    Other,
}

pub struct ParseCtx<'s> {
    next_id: Cell<u32>,
    first_id: u32,
    /// Depth of each node, indexed by `id - first_id`.
    depth: RefCell<Vec<u16>>,
    too_deep: Cell<bool>,
    pub diags: RefCell<Vec<Diagnostic>>,
    pub directives: RefCell<Vec<Directive>>,
    next_group: Cell<u32>,
    /// Context for error messages, kept by the lexer.
    pub track: RefCell<super::parse_error::Track>,
    /// Statement lists and expression lists (arguments, elements, operand
    /// lists) under construction.
    pub stmts: Scratch<Stmt>,
    pub exprs: Scratch<Expr>,
    /// How many top-level declarations to make room for at once.
    pub(crate) decls_hint: Cell<usize>,
    /// The source being parsed and its base, for the lexer and for the
    /// few checks that look at the text after a token (gc reports some
    /// errors at the next token, which an action has not seen). Borrowed:
    /// a chunk of a file parsed in parallel is not copied.
    pub(crate) src: &'s str,
    pub(crate) base: u32,
}

impl ParseCtx<'static> {
    /// A context without source (for running the lexer alone) whose node
    /// ids continue from `first_id`.
    pub fn new(first_id: u32) -> ParseCtx<'static> {
        ParseCtx::with_source(first_id, "", 0)
    }
}

impl<'s> ParseCtx<'s> {
    /// A context for parsing `src`, whose offset 0 is `base`, with node
    /// ids from `first_id` on.
    pub fn with_source(first_id: u32, src: &'s str, base: u32) -> ParseCtx<'s> {
        ParseCtx {
            next_id: Cell::new(first_id),
            first_id,
            // About one node per three bytes of source: reserve once rather
            // than regrow (large reallocations cost malloc consolidations).
            depth: RefCell::new(Vec::with_capacity(src.len() / 3)),
            too_deep: Cell::new(false),
            diags: RefCell::new(Vec::new()),
            directives: RefCell::new(Vec::new()),
            next_group: Cell::new(0),
            track: RefCell::new(Default::default()),
            stmts: Scratch::default(),
            exprs: Scratch::default(),
            decls_hint: Cell::new(decls_hint(src.len())),
            src,
            base,
        }
    }
}

impl ParseCtx<'_> {
    /// The end of the source (gc's EOF position).
    pub fn eof(&self) -> Pos {
        Pos(self.base + self.src.len() as u32)
    }

    /// Where the next token after `after` starts, skipping blanks and
    /// comments; when `newlines` is false a newline counts as a token (it
    /// is one after a literal or name).
    pub fn next_token_pos(&self, after: Pos, newlines: bool) -> Pos {
        let src = self.src;
        let b = src.as_bytes();
        let mut i = (after.0.saturating_sub(self.base) as usize).min(b.len());
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\r' => i += 1,
                b'\n' if newlines => i += 1,
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if b.get(i + 1) == Some(&b'*') => match src[i + 2..].find("*/") {
                    Some(n) if newlines || !src[i..i + 2 + n].contains('\n') => i += n + 4,
                    _ => break,
                },
                _ => break,
            }
        }
        Pos(self.base + i as u32)
    }

    /// The source text from `pos` on (empty past the end).
    pub fn text_at(&self, pos: Pos) -> String {
        let src = self.src;
        let i = (pos.0.saturating_sub(self.base) as usize).min(src.len());
        src[i..].chars().take(16).collect()
    }

    /// The id after the last one handed out (to store back in the
    /// session's [`NodeIdGen`]).
    pub fn end_id(&self) -> u32 {
        self.next_id.get()
    }

    /// A fresh id for a node of the given depth.
    pub fn id_with_depth(&self, depth: u32) -> NodeId {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.depth
            .borrow_mut()
            .push(depth.min(u16::MAX as u32) as u16);
        NodeId(id)
    }

    /// A fresh id for a leaf (names, literals).
    pub fn leaf_id(&self) -> NodeId {
        self.id_with_depth(1)
    }

    /// Records a new depth for a node whose children changed.
    pub fn set_depth(&self, id: NodeId, depth: u32) {
        let i = id.0.wrapping_sub(self.first_id) as usize;
        if let Some(d) = self.depth.borrow_mut().get_mut(i) {
            *d = depth.min(u16::MAX as u32) as u16;
        }
    }

    /// The depth recorded for a node.
    pub fn depth_of(&self, id: NodeId) -> u32 {
        let i = id.0.wrapping_sub(self.first_id) as usize;
        self.depth.borrow().get(i).copied().unwrap_or(0) as u32
    }

    /// Whether a node of `depth` may be built; reports the first time it
    /// may not.
    pub fn check_depth(&self, depth: u32, pos: Pos) -> bool {
        if depth <= MAX_NESTING {
            return true;
        }
        if !self.too_deep.replace(true) {
            self.error(pos, "syntax error: nesting too deep");
        }
        false
    }

    /// Numbers declaration groups from `first` on (groups are numbered
    /// per file; a file's second chunk continues far above its first).
    pub fn set_first_group(&self, first: u32) {
        self.next_group.set(first);
    }

    pub fn new_group(&self) -> u32 {
        let g = self.next_group.get();
        self.next_group.set(g + 1);
        g
    }

    pub fn error(&self, pos: Pos, msg: impl Into<String>) {
        self.diags.borrow_mut().push(Diagnostic::new(pos, msg));
    }

    /// gc's `syntaxErrorAt` for a plain message: "syntax error: " + msg.
    pub fn syntax_error(&self, pos: Pos, msg: impl AsRef<str>) {
        self.error(pos, format!("syntax error: {}", msg.as_ref()));
    }

    /// The pragma of the declaration (or group spec) whose first token is
    /// at `at`: the directives immediately before it. Directives the
    /// declaration may not carry, and directives not alone on their line,
    /// go to `misplaced` (gc's noder reports them).
    pub fn take_pragma(&self, at: Pos, target: PragmaTarget) -> Pragma {
        let mut dirs = self.directives.borrow_mut();
        let mut pragma = Pragma::default();
        for d in dirs.iter_mut().rev() {
            if d.next < at {
                break;
            }
            if d.next != at || d.taken {
                continue;
            }
            d.taken = true;
            pragma.directives.push((d.pos, d.text));
            let verb = d.text.as_str().split(' ').next().unwrap_or("");
            let flag = pragma_flag(verb);
            // gc's GoBuildPragma is a flag too, valid only before `package`.
            let build = verb == "go:build";
            let allowed = match target {
                PragmaTarget::File => build,
                PragmaTarget::Func => flag != PragmaFlags::NOTINHEAP && !build,
                PragmaTarget::Type => flag == PragmaFlags::NOTINHEAP,
                PragmaTarget::Var | PragmaTarget::Other => false,
            };
            if !d.blank_line || ((flag != 0 || build) && !allowed) {
                pragma.misplaced.push(d.pos);
            } else {
                pragma.flags.0 |= flag;
            }
        }
        pragma.directives.reverse();
        pragma.misplaced.reverse();
        pragma
    }

    /// Directives no declaration took: gc reports each flag directive as
    /// "misplaced compiler directive"; they go to the file's pragma.
    pub fn untaken_directives(&self) -> Pragma {
        let mut pragma = Pragma::default();
        for d in self.directives.borrow().iter().filter(|d| !d.taken) {
            pragma.directives.push((d.pos, d.text));
            let verb = d.text.as_str().split(' ').next().unwrap_or("");
            if pragma_flag(verb) != 0 || verb == "go:build" || !d.blank_line {
                pragma.misplaced.push(d.pos);
            }
        }
        pragma
    }
}

/// Room for the top-level declarations of `len` bytes of source: more
/// than real code has (a declaration per 128 bytes; the generated
/// 100,000-line benchmark has one per 175), so that the file's vector of
/// declarations is not regrown (a copy of all of it each time) and a big
/// file's two chunks are joined without moving the first's. The room a
/// file does not use is allocated but never written (a big vector is
/// mapped on demand), so it costs no memory touched.
pub fn decls_hint(len: usize) -> usize {
    len / 128
}

/// gc's `pragmaFlag` (noder/lex.go): the flag a `//go:` verb sets, or 0.
pub fn pragma_flag(verb: &str) -> u32 {
    match verb {
        "go:build" => 0,
        "go:nointerface" => 0,
        "go:noescape" => PragmaFlags::NOESCAPE,
        "go:norace" => PragmaFlags::NORACE,
        "go:nosplit" => PragmaFlags::NOSPLIT,
        "go:noinline" => PragmaFlags::NOINLINE,
        "go:nocheckptr" => PragmaFlags::NOCHECKPTR,
        "go:systemstack" => PragmaFlags::SYSTEMSTACK,
        "go:nowritebarrier" => PragmaFlags::NOWRITEBARRIER,
        "go:nowritebarrierrec" => PragmaFlags::NOWRITEBARRIERREC,
        "go:yeswritebarrierrec" => PragmaFlags::YESWRITEBARRIERREC,
        "go:cgo_unsafe_args" => PragmaFlags::CGO_UNSAFE_ARGS,
        "go:uintptrkeepalive" => PragmaFlags::UINTPTR_KEEP_ALIVE,
        "go:uintptrescapes" => PragmaFlags::UINTPTR_ESCAPES,
        "go:notinheap" => PragmaFlags::NOTINHEAP,
        "go:registerparams" => PragmaFlags::REGISTERPARAMS,
        _ => 0,
    }
}
