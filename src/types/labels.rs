//! Labels and branch statements of a function body.
//!
//! gc runs types2 with `IgnoreBranchErrors`: the checks of types2's
//! labels.go are done instead by its parser (syntax/branches.go,
//! checkBranches), with that file's messages. This is a port of
//! checkBranches, run once per function body (function literals get their
//! own run). It reports
//!
//! - misplaced `break`, `continue` and `fallthrough`
//!   ("break is not in a loop, switch, or select",
//!   "cannot fallthrough final case in switch", ...);
//! - labeled `break`/`continue` whose label is not that of an enclosing
//!   loop, switch or select ("invalid break label L",
//!   "continue label not defined: L");
//! - duplicate, undefined and unused labels;
//! - `goto`s that jump into a block or over a variable declaration.
//!
//! Forward `goto`s are collected per block and resolved when their label
//! is declared later in the same block; unresolved ones move out to the
//! enclosing block. A `goto` still unresolved at the function level
//! either targets a label inside a block ("jumps into block") or an
//! undefined one. Every variable declaration in a block remembers the
//! forward `goto`s pending at that point: if one of them is resolved in
//! the same block, it jumped over the declaration.
//!
//! For later passes the labels become Label objects: the label names of
//! labeled statements are recorded as definitions, those of branch
//! statements as uses.

use crate::fxhash::FxIndexMap;

use super::check::Checker;
use super::errors::INVALID_AST;
use super::object::{ObjId, ObjKind, Object};
use crate::syntax::ast::{
    Block, BranchTok, Decl, Expr, ExprKind, Field, File, Ident, Operator, Stmt, StmtKind,
};
use crate::syntax::pos::Pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;

/// A declared label.
struct Label<'a> {
    /// The block containing the declaration (index into `blocks`).
    parent: usize,
    /// The labeled statement.
    lstmt: &'a Stmt,
    ident: &'a Ident,
    obj: ObjId,
    used: bool,
}

/// A block of statements: a function body, a `{}` block, the branch of an
/// `if`, the body of a loop or a case clause.
struct BlockInfo<'a> {
    parent: Option<usize>,
    start: Pos,
    /// The labeled statement this block is the body of, if any.
    lstmt: Option<&'a Stmt>,
}

/// The statements an unlabeled `break`, `continue` or `fallthrough`
/// refers to.
#[derive(Clone, Copy)]
struct Targets<'a> {
    /// The innermost enclosing for, switch or select statement.
    breaks: Option<&'a Stmt>,
    /// The innermost enclosing for statement.
    continues: Option<&'a Stmt>,
    /// The index of the enclosing case clause when the block is the body
    /// of a switch's clause, else -1.
    case_index: i32,
}

/// The result of looking up the target of a labeled break or continue.
enum Enclosing<'a> {
    Undefined,
    /// The label exists but labels no enclosing statement.
    Invalid,
    Stmt(&'a Stmt),
}

/// A forward goto: the branch statement and its label.
#[derive(Clone, Copy)]
struct Goto<'a> {
    stmt: &'a Stmt,
    label: &'a Ident,
}

/// The labels of one function body (gc's labelScope).
struct LabelScope<'a> {
    labels: FxIndexMap<Symbol, Label<'a>>,
    blocks: Vec<BlockInfo<'a>>,
}

impl<'a> Checker<'a> {
    /// The branch checks of a file that is not type-checked because it has
    /// syntax errors. gc checks branches while parsing, function by
    /// function (function literals included), and skips a function whose
    /// body had an error; so this checks every function body that contains
    /// none of `self.parse_errors`.
    pub fn check_file_branches(&mut self, file: &'a File) {
        let mut bodies: Vec<&'a Block> = Vec::new();
        for d in &file.decls {
            match d {
                Decl::Func(f) => {
                    if let Some(b) = &f.body {
                        bodies.push(b);
                        func_lits_in_stmts(&b.stmts, &mut bodies);
                    }
                }
                Decl::Var(v) => {
                    if let Some(e) = &v.values {
                        func_lits(e, &mut bodies);
                    }
                }
                // An inherited value list is the previous spec's.
                Decl::Const(c) if !c.inherited => {
                    if let Some(e) = &c.values {
                        func_lits(e, &mut bodies);
                    }
                }
                Decl::Type(t) => func_lits(&t.ty, &mut bodies),
                Decl::Const(_) | Decl::Import(_) => {}
            }
        }
        // Names declared together share their type expression.
        let mut seen = crate::fxhash::FxHashSet::default();
        bodies.retain(|b| seen.insert(*b as *const Block));
        for b in bodies {
            self.check_branches(b);
        }
    }

    /// Checks the use of labels and branch statements in a function body
    /// (gc's checkBranches), unless the parser reported an error inside it
    /// (gc's parser skips those).
    pub fn check_branches(&mut self, body: &'a Block) {
        let parse_error = |p: &Pos| body.pos <= *p && *p <= body.rbrace;
        if self.parse_errors.iter().any(parse_error) {
            return;
        }
        let mut ls = LabelScope {
            labels: FxIndexMap::default(),
            blocks: Vec::new(),
        };
        let ctxt = Targets {
            breaks: None,
            continues: None,
            case_index: -1,
        };
        let fwd = self.block_branches(&mut ls, None, ctxt, None, body.pos, &body.stmts);
        for g in fwd {
            let name = g.label.sym;
            let parent = match ls.labels.get_mut(&name) {
                Some(l) => {
                    l.used = true;
                    Some(l.parent)
                }
                None => None,
            };
            match parent {
                Some(p) => {
                    let start = ls.blocks.get(p).map(|b| b.start).unwrap_or(Pos::NONE);
                    let at = self.sources.position(start);
                    self.error(
                        g.label.pos,
                        format!("goto {name} jumps into block starting at {at}"),
                    );
                }
                None => self.error(g.label.pos, format!("label {name} not defined")),
            }
        }
        for l in ls.labels.values() {
            if l.used {
                self.obj_mut(l.obj).set_used();
            } else {
                self.error(
                    l.ident.pos,
                    format!("label {} defined and not used", l.ident.sym),
                );
            }
        }
    }

    /// Declares the label of `s` in block `b`; a duplicate is reported and
    /// the earlier label returned instead.
    fn declare_label(&mut self, ls: &mut LabelScope<'a>, b: usize, s: &'a Stmt, ident: &'a Ident) {
        let name = ident.sym;
        if let Some(alt) = ls.labels.get(&name) {
            let at = self.sources.position(alt.ident.pos);
            self.error(ident.pos, format!("label {name} already defined at {at}"));
            return;
        }
        let pkg = Some(self.pkg);
        let obj = self.new_obj(Object::new(
            ObjKind::Label { used: false },
            ident.pos,
            pkg,
            name,
            None,
        ));
        self.record_def(ident.id, Some(obj));
        ls.labels.insert(
            name,
            Label {
                parent: b,
                lstmt: s,
                ident,
                obj,
                used: false,
            },
        );
    }

    /// Records the use of a label by a branch statement.
    fn use_label(&mut self, ls: &mut LabelScope<'a>, ident: &'a Ident) {
        if let Some(l) = ls.labels.get_mut(&ident.sym) {
            l.used = true;
            let obj = l.obj;
            self.record_use(ident.id, obj);
        }
    }

    /// Processes the statements of one block starting at `start`; returns
    /// its unresolved forward gotos. `lstmt` is the labeled statement the
    /// block belongs to, if any (gc's blockBranches).
    fn block_branches(
        &mut self,
        ls: &mut LabelScope<'a>,
        parent: Option<usize>,
        ctxt: Targets<'a>,
        lstmt: Option<&'a Stmt>,
        start: Pos,
        body: &'a [Stmt],
    ) -> Vec<Goto<'a>> {
        let b = ls.blocks.len();
        ls.blocks.push(BlockInfo {
            parent,
            start,
            lstmt,
        });

        // The last variable declaration seen, and the forward gotos
        // pending when it was seen.
        let mut var_decl: Option<(Pos, String)> = None;
        let mut fwd_gotos: Vec<Goto<'a>> = Vec::new();
        let mut bad_gotos: Vec<Goto<'a>> = Vec::new();

        // A fallthrough counts as the last statement of its list even if
        // empty statements follow it.
        let list = trim_trailing_empty(body);
        for (stmt_index, stmt0) in list.iter().enumerate() {
            let mut lstmt: Option<&'a Stmt> = None;
            let mut stmt = stmt0;
            // Labeled statements are unwrapped here, with the label
            // remembered for the block of the statement it labels.
            while let StmtKind::Labeled { label, stmt: inner } = &stmt.kind {
                if !label.is_blank() {
                    self.declare_label(ls, b, stmt, label);
                    let name = label.sym;
                    let mut kept = Vec::with_capacity(fwd_gotos.len());
                    for g in fwd_gotos.drain(..) {
                        if g.label.sym != name {
                            kept.push(g);
                            continue;
                        }
                        self.use_label(ls, g.label);
                        let jumped = bad_gotos.iter().any(|bad| bad.stmt.id == g.stmt.id);
                        if let (true, Some((pos, var))) = (jumped, &var_decl) {
                            let at = self.sources.position(*pos);
                            self.error(
                                g.label.pos,
                                format!("goto {name} jumps over declaration of {var} at {at}"),
                            );
                        }
                    }
                    fwd_gotos = kept;
                    lstmt = Some(stmt);
                }
                stmt = inner;
            }

            let inner_ctxt = Targets {
                breaks: ctxt.breaks,
                continues: ctxt.continues,
                case_index: -1,
            };
            match &stmt.kind {
                StmtKind::Decl(decls) => {
                    let first_var = decls.iter().find_map(|d| match d {
                        Decl::Var(v) => Some(v),
                        _ => None,
                    });
                    if let Some(v) = first_var {
                        let name = v.names.first().map(|n| n.sym.to_string());
                        var_decl = Some((v.pos, name.unwrap_or_default()));
                        bad_gotos.clone_from(&fwd_gotos);
                    }
                }
                StmtKind::Assign {
                    op: Some(Operator::Def),
                    lhs,
                    ..
                } => {
                    var_decl = Some((stmt.pos, expr_string(lhs)));
                    bad_gotos.clone_from(&fwd_gotos);
                }
                StmtKind::Branch { tok, label: None } => {
                    self.unlabeled_branch(stmt, *tok, ctxt, stmt_index, list.len());
                }
                StmtKind::Branch {
                    tok,
                    label: Some(label),
                } => {
                    if let Some(g) = self.labeled_branch(ls, b, stmt, *tok, label) {
                        fwd_gotos.push(g);
                    }
                }
                StmtKind::Block(blk) => {
                    let g =
                        self.block_branches(ls, Some(b), inner_ctxt, lstmt, blk.pos, &blk.stmts);
                    fwd_gotos.extend(g);
                }
                StmtKind::If { then, els, .. } => {
                    let g =
                        self.block_branches(ls, Some(b), inner_ctxt, lstmt, then.pos, &then.stmts);
                    fwd_gotos.extend(g);
                    if let Some(els) = els {
                        let else_start = match &els.kind {
                            StmtKind::Block(eb) => eb.pos,
                            _ => els.pos,
                        };
                        let g = self.block_branches(
                            ls,
                            Some(b),
                            inner_ctxt,
                            lstmt,
                            else_start,
                            std::slice::from_ref(&**els),
                        );
                        fwd_gotos.extend(g);
                    }
                }
                StmtKind::For { body: fb, .. } => {
                    let inner = Targets {
                        breaks: Some(stmt),
                        continues: Some(stmt),
                        case_index: -1,
                    };
                    let g = self.block_branches(ls, Some(b), inner, lstmt, fb.pos, &fb.stmts);
                    fwd_gotos.extend(g);
                }
                StmtKind::Switch { body: clauses, .. } => {
                    for (i, cc) in clauses.iter().enumerate() {
                        let inner = Targets {
                            breaks: Some(stmt),
                            continues: ctxt.continues,
                            case_index: i as i32,
                        };
                        let g = self.block_branches(ls, Some(b), inner, lstmt, cc.pos, &cc.body);
                        fwd_gotos.extend(g);
                    }
                }
                StmtKind::Select { body: clauses, .. } => {
                    let inner = Targets {
                        breaks: Some(stmt),
                        continues: ctxt.continues,
                        case_index: -1,
                    };
                    for cc in clauses {
                        let g = self.block_branches(ls, Some(b), inner, lstmt, cc.pos, &cc.body);
                        fwd_gotos.extend(g);
                    }
                }
                _ => {}
            }
        }
        fwd_gotos
    }

    /// Checks an unlabeled break, continue or fallthrough against its
    /// context; `index` is its position in a list of `len` statements.
    fn unlabeled_branch(
        &mut self,
        s: &'a Stmt,
        tok: BranchTok,
        ctxt: Targets<'a>,
        index: usize,
        len: usize,
    ) {
        match tok {
            BranchTok::Break => {
                if ctxt.breaks.is_none() {
                    self.error(s.pos, "break is not in a loop, switch, or select".into());
                }
            }
            BranchTok::Continue => {
                if ctxt.continues.is_none() {
                    self.error(s.pos, "continue is not in a loop".into());
                }
            }
            BranchTok::Fallthrough => {
                let mut msg = "fallthrough statement out of place";
                if let Some(StmtKind::Switch { tag, body, .. }) = ctxt.breaks.map(|t| &t.kind) {
                    let type_switch = tag
                        .as_ref()
                        .is_some_and(|t| matches!(t.kind, ExprKind::TypeSwitchGuard { .. }));
                    if type_switch {
                        msg = "cannot fallthrough in type switch";
                    } else if ctxt.case_index < 0 || index + 1 < len {
                        // Nested in a block, or not the last statement.
                    } else if ctxt.case_index as usize + 1 == body.len() {
                        msg = "cannot fallthrough final case in switch";
                    } else {
                        return;
                    }
                }
                self.error(s.pos, msg.into());
            }
            // The parser requires a label after goto.
            BranchTok::Goto => {
                self.error(s.pos, format!("{INVALID_AST}branch statement: goto"));
            }
        }
    }

    /// Checks a labeled branch statement; returns it if it is a goto whose
    /// label is not (yet) visible.
    fn labeled_branch(
        &mut self,
        ls: &mut LabelScope<'a>,
        b: usize,
        s: &'a Stmt,
        tok: BranchTok,
        label: &'a Ident,
    ) -> Option<Goto<'a>> {
        let name = label.sym;
        match tok {
            BranchTok::Break => match self.enclosing_target(ls, b, label) {
                Enclosing::Stmt(t) if is_breakable(t) => {}
                Enclosing::Stmt(_) | Enclosing::Invalid => {
                    self.error(label.pos, format!("invalid break label {name}"));
                }
                Enclosing::Undefined => {
                    self.error(label.pos, format!("break label not defined: {name}"));
                }
            },
            BranchTok::Continue => match self.enclosing_target(ls, b, label) {
                Enclosing::Stmt(t) if matches!(labeled_inner(t).kind, StmtKind::For { .. }) => {}
                Enclosing::Stmt(_) | Enclosing::Invalid => {
                    self.error(label.pos, format!("invalid continue label {name}"));
                }
                Enclosing::Undefined => {
                    self.error(label.pos, format!("continue label not defined: {name}"));
                }
            },
            BranchTok::Goto => {
                if !self.goto_target(ls, b, label) {
                    return Some(Goto { stmt: s, label });
                }
            }
            // The parser allows no label after fallthrough.
            BranchTok::Fallthrough => {
                self.error(
                    s.pos,
                    format!("{INVALID_AST}branch statement: fallthrough {name}"),
                );
            }
        }
        None
    }

    /// Whether the label of a goto is declared in block `b` or an
    /// enclosing block. The label counts as used even if it is not a
    /// valid target.
    fn goto_target(&mut self, ls: &mut LabelScope<'a>, b: usize, label: &'a Ident) -> bool {
        let Some(parent) = ls.labels.get(&label.sym).map(|l| l.parent) else {
            return false;
        };
        self.use_label(ls, label);
        let mut cur = Some(b);
        while let Some(i) = cur {
            if i == parent {
                return true;
            }
            cur = ls.blocks.get(i).and_then(|blk| blk.parent);
        }
        false
    }

    /// The innermost enclosing statement labeled `label` (gc's
    /// enclosingTarget). The label counts as used even if it is not a valid
    /// target (test/fixedbugs/bug136.go).
    fn enclosing_target(
        &mut self,
        ls: &mut LabelScope<'a>,
        b: usize,
        label: &'a Ident,
    ) -> Enclosing<'a> {
        let Some(lstmt) = ls.labels.get(&label.sym).map(|l| l.lstmt) else {
            return Enclosing::Undefined;
        };
        self.use_label(ls, label);
        let mut cur = Some(b);
        while let Some(i) = cur {
            let Some(blk) = ls.blocks.get(i) else { break };
            if blk.lstmt.is_some_and(|s| s.id == lstmt.id) {
                return Enclosing::Stmt(lstmt);
            }
            cur = blk.parent;
        }
        Enclosing::Invalid
    }
}

/// The statement a labeled statement labels.
fn labeled_inner(s: &Stmt) -> &Stmt {
    match &s.kind {
        StmtKind::Labeled { stmt, .. } => stmt,
        _ => s,
    }
}

/// Whether a labeled statement labels a for, switch or select statement.
fn is_breakable(s: &Stmt) -> bool {
    matches!(
        labeled_inner(s).kind,
        StmtKind::For { .. } | StmtKind::Switch { .. } | StmtKind::Select { .. }
    )
}

/// The list without its trailing empty statements.
fn trim_trailing_empty(list: &[Stmt]) -> &[Stmt] {
    let n = list
        .iter()
        .rposition(|s| !matches!(s.kind, StmtKind::Empty))
        .map_or(0, |i| i + 1);
    &list[..n]
}

/// Collects the bodies of the function literals in `e`, outermost first.
fn func_lits<'a>(e: &'a Expr, out: &mut Vec<&'a Block>) {
    match &e.kind {
        ExprKind::Bad | ExprKind::Name(_) | ExprKind::BasicLit(_) => {}
        ExprKind::FuncLit { ty, body } => {
            fields_func_lits(&ty.params, out);
            fields_func_lits(&ty.results, out);
            out.push(body);
            func_lits_in_stmts(&body.stmts, out);
        }
        ExprKind::CompositeLit(lit) => {
            if let Some(t) = &lit.ty {
                func_lits(t, out);
            }
            lit.elems.iter().for_each(|x| func_lits(x, out));
        }
        ExprKind::KeyValue { key: x, value: y }
        | ExprKind::Index { x, index: y }
        | ExprKind::Assert { x, ty: y }
        | ExprKind::MapType { key: x, value: y } => {
            func_lits(x, out);
            func_lits(y, out);
        }
        ExprKind::Paren(x)
        | ExprKind::Selector { x, .. }
        | ExprKind::TypeSwitchGuard { x, .. }
        | ExprKind::SliceType(x)
        | ExprKind::DotsType(x)
        | ExprKind::ChanType { elem: x, .. } => func_lits(x, out),
        ExprKind::Slice { x, index, .. } => {
            func_lits(x, out);
            index.iter().flatten().for_each(|i| func_lits(i, out));
        }
        ExprKind::Operation { x, y, .. } => {
            func_lits(x, out);
            if let Some(y) = y {
                func_lits(y, out);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            func_lits(fun, out);
            args.iter().for_each(|a| func_lits(a, out));
        }
        ExprKind::List(list) => list.iter().for_each(|x| func_lits(x, out)),
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                func_lits(l, out);
            }
            func_lits(elem, out);
        }
        ExprKind::StructType(st) => fields_func_lits(&st.fields, out),
        ExprKind::InterfaceType { methods } => fields_func_lits(methods, out),
        ExprKind::FuncType(ft) => {
            fields_func_lits(&ft.params, out);
            fields_func_lits(&ft.results, out);
        }
    }
}

fn fields_func_lits<'a>(fields: &'a [Field], out: &mut Vec<&'a Block>) {
    fields.iter().for_each(|f| func_lits(&f.ty, out));
}

/// Collects the bodies of the function literals in statements.
pub(super) fn func_lits_in_stmts<'a>(list: &'a [Stmt], out: &mut Vec<&'a Block>) {
    for s in list {
        func_lits_in_stmt(s, out);
    }
}

fn func_lits_in_stmt<'a>(s: &'a Stmt, out: &mut Vec<&'a Block>) {
    let opt = |e: &'a Option<Expr>, out: &mut Vec<&'a Block>| {
        if let Some(e) = e {
            func_lits(e, out);
        }
    };
    let opt_stmt = |s: &'a Option<Box<Stmt>>, out: &mut Vec<&'a Block>| {
        if let Some(s) = s {
            func_lits_in_stmt(s, out);
        }
    };
    match &s.kind {
        StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Labeled { stmt, .. } => func_lits_in_stmt(stmt, out),
        StmtKind::Block(b) => func_lits_in_stmts(&b.stmts, out),
        StmtKind::Expr(e) | StmtKind::Call { call: e, .. } => func_lits(e, out),
        StmtKind::Send { chan, value } => {
            func_lits(chan, out);
            func_lits(value, out);
        }
        StmtKind::Decl(decls) => {
            for d in decls {
                match d {
                    Decl::Var(v) => opt(&v.values, out),
                    Decl::Const(c) if !c.inherited => {
                        if let Some(e) = &c.values {
                            func_lits(e, out);
                        }
                    }
                    Decl::Type(t) => func_lits(&t.ty, out),
                    Decl::Const(_) | Decl::Import(_) | Decl::Func(_) => {}
                }
            }
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            func_lits(lhs, out);
            opt(rhs, out);
        }
        StmtKind::Return { results } => opt(results, out),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            opt_stmt(init, out);
            opt(cond, out);
            func_lits_in_stmts(&then.stmts, out);
            opt_stmt(els, out);
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            opt_stmt(init, out);
            opt(cond, out);
            opt_stmt(post, out);
            func_lits_in_stmts(&body.stmts, out);
        }
        StmtKind::Range { lhs, x, .. } => {
            opt(lhs, out);
            func_lits(x, out);
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => {
            opt_stmt(init, out);
            opt(tag, out);
            for c in body {
                opt(&c.cases, out);
                func_lits_in_stmts(&c.body, out);
            }
        }
        StmtKind::Select { body, .. } => {
            for c in body {
                opt_stmt(&c.comm, out);
                func_lits_in_stmts(&c.body, out);
            }
        }
    }
}
