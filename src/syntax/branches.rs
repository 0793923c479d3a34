//! gc's branch checks (syntax/branches.go), which gc runs as part of
//! parsing (mode `CheckBranches`) on every function body that parsed
//! without syntax errors: labels defined and not used or defined twice,
//! `break`/`continue`/`fallthrough` out of place, gotos into blocks or over
//! variable declarations, undefined labels.
//!
//! The walk follows branches.go statement for statement; blocks form a
//! parent chain (indices into `blocks`), labels are per function. Function
//! literals are separate functions: their bodies are checked on their own.

use std::collections::HashMap;

use super::ast::*;
use super::pos::{Pos, SourceMap};
use super::symbol::Symbol;
use crate::diag::Diagnostic;

struct Label<'a> {
    block: usize,
    lstmt: &'a Stmt,
    label_pos: Pos,
    used: bool,
}

struct BlockInfo<'a> {
    parent: Option<usize>,
    start: Pos,
    lstmt: Option<&'a Stmt>,
}

/// A goto not yet matched with its label: the label's name and position.
#[derive(Clone, Copy)]
struct Fwd {
    id: NodeId,
    name: Symbol,
    pos: Pos,
}

#[derive(Clone, Copy)]
struct Targets<'a> {
    breaks: Option<&'a Stmt>,
    continues: Option<&'a Stmt>,
    case_index: Option<usize>,
}

struct Checker<'a, 'm> {
    map: &'m SourceMap,
    labels: HashMap<Symbol, Label<'a>>,
    blocks: Vec<BlockInfo<'a>>,
    diags: Vec<Diagnostic>,
}

/// Checks one function body; returns gc's diagnostics.
pub fn check_branches(body: &Block, map: &SourceMap) -> Vec<Diagnostic> {
    let mut c = Checker {
        map,
        labels: HashMap::new(),
        blocks: Vec::new(),
        diags: Vec::new(),
    };
    let none = Targets {
        breaks: None,
        continues: None,
        case_index: None,
    };
    let fwd = c.block_branches(None, none, None, body.pos, &body.stmts);
    for f in fwd {
        match c.labels.get_mut(&f.name) {
            Some(l) => {
                l.used = true;
                let start = c.blocks[l.block].start;
                let msg = format!(
                    "goto {} jumps into block starting at {}",
                    f.name,
                    map.position(start)
                );
                c.diags.push(Diagnostic::new(f.pos, msg));
            }
            None => c.diags.push(Diagnostic::new(
                f.pos,
                format!("label {} not defined", f.name),
            )),
        }
    }
    let mut unused: Vec<_> = c
        .labels
        .iter()
        .filter(|(_, l)| !l.used)
        .map(|(n, l)| (l.label_pos, *n))
        .collect();
    unused.sort_by_key(|u| u.0);
    for (pos, name) in unused {
        c.diags.push(Diagnostic::new(
            pos,
            format!("label {name} defined and not used"),
        ));
    }
    c.diags
}

fn trim_trailing_empty(list: &[Stmt]) -> &[Stmt] {
    let n = list
        .iter()
        .rposition(|s| !matches!(s.kind, StmtKind::Empty))
        .map_or(0, |i| i + 1);
    &list[..n]
}

impl<'a> Checker<'a, '_> {
    fn err(&mut self, pos: Pos, msg: String) {
        self.diags.push(Diagnostic::new(pos, msg));
    }

    /// gc's enclosingTarget: the labeled statement named `name` if it
    /// encloses block `b`; `Some(None)` if the label exists elsewhere.
    fn enclosing_target(&mut self, b: usize, name: Symbol) -> Option<Option<&'a Stmt>> {
        let l = self.labels.get_mut(&name)?;
        l.used = true;
        let target = l.lstmt;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if self.blocks[i]
                .lstmt
                .is_some_and(|s| std::ptr::eq(s, target))
            {
                return Some(Some(target));
            }
            cur = self.blocks[i].parent;
        }
        Some(None)
    }

    fn goto_target(&mut self, b: usize, name: Symbol) -> bool {
        let Some(l) = self.labels.get_mut(&name) else {
            return false;
        };
        l.used = true;
        let target_block = l.block;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if i == target_block {
                return true;
            }
            cur = self.blocks[i].parent;
        }
        false
    }

    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets<'a>,
        lstmt: Option<&'a Stmt>,
        start: Pos,
        body: &'a [Stmt],
    ) -> Vec<Fwd> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            lstmt,
        });
        let mut var_pos: Option<Pos> = None;
        let mut var_name = String::new();
        let mut fwd: Vec<Fwd> = Vec::new();
        let mut bad: Vec<NodeId> = Vec::new();
        let list = trim_trailing_empty(body);
        for (index, stmt) in list.iter().enumerate() {
            let mut lstmt: Option<&'a Stmt> = None;
            let mut s = stmt;
            loop {
                match &s.kind {
                    StmtKind::Decl(decls) => {
                        if let Some(Decl::Var(v)) = decls.iter().find(|d| matches!(d, Decl::Var(_)))
                        {
                            var_pos = Some(v.pos);
                            var_name = v.names.first().map_or(String::new(), |n| n.sym.to_string());
                            bad = fwd.iter().map(|f| f.id).collect();
                        }
                    }
                    StmtKind::Labeled { label, stmt: inner } => {
                        if !label.is_blank() {
                            self.declare(b, s, label);
                            let name = label.sym;
                            let mut keep = Vec::with_capacity(fwd.len());
                            for f in fwd.drain(..) {
                                if f.name == name {
                                    if let Some(l) = self.labels.get_mut(&name) {
                                        l.used = true;
                                    }
                                    if let (Some(vp), true) = (var_pos, bad.contains(&f.id)) {
                                        let at = self.map.position(vp);
                                        let msg = format!("goto {name} jumps over declaration of {var_name} at {at}");
                                        self.err(f.pos, msg);
                                    }
                                } else {
                                    keep.push(f);
                                }
                            }
                            fwd = keep;
                            lstmt = Some(s);
                        }
                        s = inner;
                        continue;
                    }
                    StmtKind::Branch { tok, label: None } => {
                        self.unlabeled_branch(*tok, s.pos, ctxt, index, list.len())
                    }
                    StmtKind::Branch {
                        tok,
                        label: Some(label),
                    } => {
                        let name = label.sym;
                        match tok {
                            BranchTok::Break => match self.enclosing_target(b, name) {
                                Some(Some(t)) => {
                                    if let StmtKind::Labeled { stmt, .. } = &t.kind {
                                        if !matches!(
                                            stmt.kind,
                                            StmtKind::Switch { .. }
                                                | StmtKind::Select { .. }
                                                | StmtKind::For { .. }
                                        ) {
                                            self.err(
                                                label.pos,
                                                format!("invalid break label {name}"),
                                            );
                                        }
                                    }
                                }
                                Some(None) => {
                                    self.err(label.pos, format!("invalid break label {name}"))
                                }
                                None => {
                                    self.err(label.pos, format!("break label not defined: {name}"))
                                }
                            },
                            BranchTok::Continue => match self.enclosing_target(b, name) {
                                Some(Some(t)) => {
                                    if let StmtKind::Labeled { stmt, .. } = &t.kind {
                                        if !matches!(stmt.kind, StmtKind::For { .. }) {
                                            self.err(
                                                label.pos,
                                                format!("invalid continue label {name}"),
                                            );
                                        }
                                    }
                                }
                                Some(None) => {
                                    self.err(label.pos, format!("invalid continue label {name}"))
                                }
                                None => self
                                    .err(label.pos, format!("continue label not defined: {name}")),
                            },
                            BranchTok::Goto => {
                                if !self.goto_target(b, name) {
                                    fwd.push(Fwd {
                                        id: s.id,
                                        name,
                                        pos: label.pos,
                                    });
                                }
                            }
                            BranchTok::Fallthrough => {}
                        }
                    }
                    StmtKind::Assign {
                        op: Some(Operator::Def),
                        lhs,
                        ..
                    } => {
                        var_pos = Some(s.pos);
                        var_name = super::dump::expr_string(lhs);
                        bad = fwd.iter().map(|f| f.id).collect();
                    }
                    StmtKind::Block(blk) => {
                        let inner = Targets {
                            case_index: None,
                            ..ctxt
                        };
                        fwd.extend(self.block_branches(Some(b), inner, lstmt, blk.pos, &blk.stmts));
                    }
                    StmtKind::If { then, els, .. } => {
                        let inner = Targets {
                            case_index: None,
                            ..ctxt
                        };
                        fwd.extend(self.block_branches(
                            Some(b),
                            inner,
                            lstmt,
                            then.pos,
                            &then.stmts,
                        ));
                        if let Some(e) = els {
                            fwd.extend(self.block_branches(
                                Some(b),
                                inner,
                                lstmt,
                                e.pos,
                                std::slice::from_ref(e),
                            ));
                        }
                    }
                    StmtKind::For { body: blk, .. } => {
                        let inner = Targets {
                            breaks: Some(s),
                            continues: Some(s),
                            case_index: None,
                        };
                        fwd.extend(self.block_branches(Some(b), inner, lstmt, blk.pos, &blk.stmts));
                    }
                    StmtKind::Switch { body: clauses, .. } => {
                        for (i, cc) in clauses.iter().enumerate() {
                            let inner = Targets {
                                breaks: Some(s),
                                continues: ctxt.continues,
                                case_index: Some(i),
                            };
                            fwd.extend(self.block_branches(
                                Some(b),
                                inner,
                                lstmt,
                                cc.pos,
                                &cc.body,
                            ));
                        }
                    }
                    StmtKind::Select { body: clauses, .. } => {
                        for cc in clauses {
                            let inner = Targets {
                                breaks: Some(s),
                                continues: ctxt.continues,
                                case_index: None,
                            };
                            fwd.extend(self.block_branches(
                                Some(b),
                                inner,
                                lstmt,
                                cc.pos,
                                &cc.body,
                            ));
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        fwd
    }

    fn declare(&mut self, b: usize, s: &'a Stmt, label: &Ident) {
        if let Some(alt) = self.labels.get(&label.sym) {
            let at = self.map.position(alt.label_pos);
            self.err(
                label.pos,
                format!("label {} already defined at {at}", label.sym),
            );
            return;
        }
        self.labels.insert(
            label.sym,
            Label {
                block: b,
                lstmt: s,
                label_pos: label.pos,
                used: false,
            },
        );
    }

    fn unlabeled_branch(
        &mut self,
        tok: BranchTok,
        pos: Pos,
        ctxt: Targets<'a>,
        index: usize,
        len: usize,
    ) {
        match tok {
            BranchTok::Break if ctxt.breaks.is_none() => {
                self.err(pos, "break is not in a loop, switch, or select".into());
            }
            BranchTok::Continue if ctxt.continues.is_none() => {
                self.err(pos, "continue is not in a loop".into())
            }
            BranchTok::Fallthrough => {
                let mut msg = Some("fallthrough statement out of place");
                if let Some(StmtKind::Switch { tag, body, .. }) = ctxt.breaks.map(|t| &t.kind) {
                    if matches!(
                        tag.as_ref().map(|t| &t.kind),
                        Some(ExprKind::TypeSwitchGuard { .. })
                    ) {
                        msg = Some("cannot fallthrough in type switch");
                    } else if ctxt.case_index.is_none() || index + 1 < len {
                        // out of place
                    } else if ctxt.case_index.is_some_and(|i| i + 1 == body.len()) {
                        msg = Some("cannot fallthrough final case in switch");
                    } else {
                        msg = None;
                    }
                }
                if let Some(m) = msg {
                    self.err(pos, m.into());
                }
            }
            _ => {}
        }
    }
}

/// Runs [`check_branches`] on every function body (declarations and
/// literals) that contains no syntax error, as gc does.
pub fn check_file(f: &File, map: &SourceMap, errors: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut bodies: Vec<&Block> = Vec::new();
    for d in &f.decls {
        if let Decl::Func(fd) = d {
            if let Some(b) = &fd.body {
                bodies.push(b);
            }
        }
    }
    // Function literals anywhere: walk with an explicit stack.
    let mut i = 0;
    while i < bodies.len() {
        let b = bodies[i];
        i += 1;
        let clean = !errors.iter().any(|e| e.pos >= b.pos && e.pos <= b.rbrace);
        if clean {
            out.extend(check_branches(b, map));
        }
        collect_func_lits(b, &mut bodies);
    }
    out
}

/// Pushes the bodies of the function literals directly inside `b` (not
/// inside nested literals, which are found when their parent is visited).
fn collect_func_lits<'a>(b: &'a Block, out: &mut Vec<&'a Block>) {
    let mut exprs: Vec<&'a Expr> = Vec::new();
    let mut stmts: Vec<&'a Stmt> = b.stmts.iter().collect();
    while let Some(s) = stmts.pop() {
        stmt_children(s, &mut stmts, &mut exprs);
        while let Some(e) = exprs.pop() {
            if let ExprKind::FuncLit { body, .. } = &e.kind {
                out.push(body);
                continue;
            }
            expr_children(e, &mut exprs);
        }
    }
}

fn stmt_children<'a>(s: &'a Stmt, stmts: &mut Vec<&'a Stmt>, exprs: &mut Vec<&'a Expr>) {
    use StmtKind::*;
    match &s.kind {
        Empty | Branch { .. } => {}
        Labeled { stmt, .. } => stmts.push(stmt),
        Block(b) => stmts.extend(b.stmts.iter()),
        Expr(x) => exprs.push(x),
        Send { chan, value } => exprs.extend([chan, value]),
        Decl(ds) => {
            for d in ds {
                match d {
                    super::ast::Decl::Var(v) => exprs.extend(v.values.iter()),
                    super::ast::Decl::Const(c) => exprs.extend(c.values.iter().map(|v| &**v)),
                    _ => {}
                }
            }
        }
        Assign { lhs, rhs, .. } => {
            exprs.push(lhs);
            exprs.extend(rhs.iter());
        }
        Call { call, .. } => exprs.push(call),
        Return { results } => exprs.extend(results.iter()),
        If {
            init,
            cond,
            then,
            els,
        } => {
            stmts.extend(init.iter().map(|b| &**b));
            exprs.extend(cond.iter());
            stmts.extend(then.stmts.iter());
            stmts.extend(els.iter().map(|b| &**b));
        }
        For {
            init,
            cond,
            post,
            body,
        } => {
            stmts.extend(init.iter().map(|b| &**b));
            exprs.extend(cond.iter());
            stmts.extend(post.iter().map(|b| &**b));
            stmts.extend(body.stmts.iter());
        }
        Range { lhs, x, .. } => {
            exprs.extend(lhs.iter());
            exprs.push(x);
        }
        Switch {
            init, tag, body, ..
        } => {
            stmts.extend(init.iter().map(|b| &**b));
            exprs.extend(tag.iter());
            for c in body {
                exprs.extend(c.cases.iter());
                stmts.extend(c.body.iter());
            }
        }
        Select { body, .. } => {
            for c in body {
                stmts.extend(c.comm.iter().map(|b| &**b));
                stmts.extend(c.body.iter());
            }
        }
    }
}

fn expr_children<'a>(e: &'a Expr, exprs: &mut Vec<&'a Expr>) {
    use ExprKind::*;
    match &e.kind {
        CompositeLit { ty, elems, .. } => {
            exprs.extend(ty.iter().map(|b| &**b));
            exprs.extend(elems.iter());
        }
        KeyValue { key, value } => exprs.extend([&**key, &**value]),
        Paren(x) | Selector { x, .. } | TypeSwitchGuard { x, .. } => exprs.push(x),
        Index { x, index } => exprs.extend([&**x, &**index]),
        Slice { x, index, .. } => {
            exprs.push(x);
            exprs.extend(index.iter().flatten().map(|b| &**b));
        }
        Assert { x, .. } => exprs.push(x),
        Operation { x, y, .. } => {
            exprs.push(x);
            exprs.extend(y.iter().map(|b| &**b));
        }
        Call { fun, args, .. } => {
            exprs.push(fun);
            exprs.extend(args.iter());
        }
        List(l) => exprs.extend(l.iter()),
        _ => {}
    }
}
