//! Statements and function bodies (types2's stmt.go).
//!
//! A function body is checked in its own environment (the signature's
//! scope, the enclosing package-level declaration for initialization
//! dependencies, the iota of an enclosing constant declaration). After the
//! statements come the checks that need the whole body: labels and branch
//! statements (labels.rs), `missing return` at the closing brace when a
//! function with results can reach it (returns.rs), and `x declared but
//! not used` for every unused local variable, in source order, scope by
//! scope (function literals report their own).
//!
//! Each statement opens the scopes the spec gives it: a block, an `if`,
//! `for`, `switch` or `select` statement, and each case clause has its
//! own. Function literals met in a statement are checked when the
//! statement is done (their bodies are delayed actions), so they see the
//! objects it declares exactly as types2 does.
//!
//! As in gc, branch statements are not checked here (types2 runs with
//! `IgnoreBranchErrors` inside gc): check_branches does it with gc's
//! parser's messages.
//!
//! Switch statements are in switches.rs, range loops in range.rs.

use super::check::{Checker, DeclId, Environment};
use super::constant::Value;
use super::errors::{ErrorBuilder, INVALID_AST, INVALID_OP};
use super::expr::ExprClass;
use super::labels::func_lits_in_stmts;
use super::object::{ObjId, ObjKind};
use super::operand::{Mode, Operand};
use super::scope::ScopeId;
use super::ty::{Type, TypeId};
use crate::syntax::ast::{
    Block, CallTok, ChanDir, CommClause, Decl, Expr, ExprKind, FuncDecl, Operator, Stmt, StmtKind,
};
use crate::syntax::pos::{Pos, Span};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// Checks a function body with the given signature (types2's
    /// funcBody). `decl` is the package-level declaration the body belongs
    /// to (for function literals: the one they appear in), `iota` the
    /// value of iota around a function literal in a constant declaration.
    pub fn func_body(
        &mut self,
        decl: Option<DeclId>,
        _name: &str,
        sig: TypeId,
        body: &'a Block,
        iota: Option<Value>,
    ) {
        // The function scope spans the body.
        let scope = match self.types.signature(sig).and_then(|s| s.scope) {
            Some(s) => {
                let sc = self.scopes.get_mut(s);
                sc.pos = body.pos;
                sc.end = body.rbrace;
                s
            }
            None => {
                let parent = self.scope();
                let s = self
                    .scopes
                    .new_scope(Some(parent), body.pos, body.rbrace, "function");
                self.scopes.get_mut(s).is_func = true;
                s
            }
        };
        let saved = std::mem::replace(
            &mut self.st.env,
            Environment {
                decl,
                scope: Some(scope),
                iota,
                sig: Some(sig),
                ..Default::default()
            },
        );

        self.stmt_list(&body.stmts);
        self.check_branches(body);

        let has_results = self
            .types
            .signature(sig)
            .is_some_and(|s| !self.types.tuple_vars(s.results).is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, None) {
            self.error(body.rbrace, "missing return".into());
        }

        // spec: "Implementation restriction: A compiler may make it
        // illegal to declare a variable inside a function body if the
        // variable is never used."
        self.usage(scope);

        self.st.env = saved;
    }

    /// Reports the unused variables of `scope` and its nested scopes, each
    /// scope's in source order; function literal scopes are skipped (their
    /// bodies report their own).
    fn usage(&mut self, scope: ScopeId) {
        let mut stack = vec![scope];
        while let Some(s) = stack.pop() {
            let mut unused: Vec<ObjId> = self
                .scopes
                .get(s)
                .elems
                .values()
                .copied()
                .filter(|&o| matches!(self.obj(o).kind, ObjKind::Var { used: false, .. }))
                .collect();
            unused.sort_by_key(|&o| self.obj(o).pos);
            for v in unused {
                let (pos, name) = (self.obj(v).pos, self.obj(v).name);
                self.soft_error(pos, format!("{name} declared but not used"));
            }
            // Children in order: push them reversed.
            let at = stack.len();
            stack.extend(
                self.scopes
                    .children(s)
                    .filter(|&c| !self.scopes.get(c).is_func),
            );
            stack[at..].reverse();
        }
    }

    pub fn stmt_list(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    /// An optional simple statement (the init of if/for/switch, a for's
    /// post statement).
    fn simple_stmt(&mut self, s: Option<&'a Stmt>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    /// `{ ... }` with its own scope.
    pub fn block(&mut self, b: &'a Block) {
        self.open_scope(b.pos, b.rbrace, "block");
        self.stmt_list(&b.stmts);
        self.close_scope();
    }

    /// Checks one statement (types2's stmt).
    pub fn stmt(&mut self, s: &'a Stmt) {
        // Function literals collected in the statement are checked when it
        // is done.
        let top = self.st.delayed.len();
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(list) => self.decl_stmt(list),
            StmtKind::Labeled { stmt, .. } => {
                self.st.env.has_label = true;
                self.stmt(stmt);
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { chan, value } => self.send_stmt(chan, value),
            StmtKind::Assign { op, lhs, rhs } => self.assign_stmt(s, *op, lhs, rhs.as_ref()),
            StmtKind::Call { tok, call } => self.suspended_call(*tok, call),
            StmtKind::Return { results } => self.return_stmt(s, results.as_ref()),
            StmtKind::Branch { label, .. } => {
                // Checked by check_branches.
                if label.is_some() {
                    self.st.env.has_label = true;
                }
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope(s.pos, if_end(then, els.as_deref()), "if");
                self.simple_stmt(init.as_deref());
                if let Some(cond) = cond {
                    let mut x = Operand::invalid();
                    self.expr(&mut x, cond);
                    if x.mode != Mode::Invalid && !self.all_boolean(x.ty) {
                        self.error(
                            start_pos(cond),
                            "non-boolean condition in if statement".into(),
                        );
                    }
                }
                self.block(then);
                if let Some(els) = els {
                    match els.kind {
                        StmtKind::If { .. } | StmtKind::Block(_) => self.stmt(els),
                        _ => self.error(
                            stmt_start(els),
                            "invalid else branch in if statement".into(),
                        ),
                    }
                }
                self.close_scope();
            }
            StmtKind::Switch {
                init,
                tag,
                body,
                rbrace,
            } => {
                self.open_scope(s.pos, *rbrace, "switch");
                self.simple_stmt(init.as_deref());
                match tag.as_ref().map(|t| (t, &t.kind)) {
                    Some((t, ExprKind::TypeSwitchGuard { lhs, x })) => {
                        self.type_switch_stmt(t, lhs.as_ref(), x, body, *rbrace)
                    }
                    _ => self.switch_stmt(tag.as_ref(), body, *rbrace),
                }
                self.close_scope();
            }
            StmtKind::Select { body, rbrace } => self.select_stmt(body, *rbrace),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(Stmt {
                    kind: StmtKind::Range { lhs, def, x },
                    ..
                }) = init.as_deref()
                {
                    self.range_stmt(s, lhs.as_ref(), *def, x, body);
                } else {
                    self.for_stmt(s, init.as_deref(), cond.as_ref(), post.as_deref(), body);
                }
            }
            StmtKind::Range { .. } => self.error(stmt_start(s), "invalid statement".into()),
        }
        self.process_delayed(top);
    }

    /// An expression statement: only calls and receive operations may
    /// stand alone, and not calls of builtins that produce a value.
    fn expr_stmt(&mut self, e: &'a Expr) {
        let mut x = Operand::invalid();
        let kind = self.raw_expr(&mut x, e, None, false);
        let msg = match x.mode {
            Mode::Builtin => "must be called",
            Mode::TypExpr => "is not an expression",
            _ => {
                if kind == ExprClass::Statement {
                    return;
                }
                "is not used"
            }
        };
        let xs = self.operand_string(&x);
        self.error(x.pos(), format!("{xs} {msg}"));
    }

    fn send_stmt(&mut self, chan: &'a Expr, value: &'a Expr) {
        let mut ch = Operand::invalid();
        let mut val = Operand::invalid();
        self.expr(&mut ch, chan);
        self.expr(&mut val, value);
        if ch.mode == Mode::Invalid || val.mode == Mode::Invalid {
            return;
        }
        let at = start_pos(chan);
        let Some(u) = self.core_type(ch.ty) else {
            let cs = self.operand_string(&ch);
            self.error(at, format!("{INVALID_OP}cannot send to {cs}: no core type"));
            return;
        };
        let Type::Chan { dir, elem } = *self.types.get(u) else {
            let cs = self.operand_string(&ch);
            self.error(at, format!("{INVALID_OP}cannot send to non-channel {cs}"));
            return;
        };
        if dir == ChanDir::RecvOnly {
            let cs = self.operand_string(&ch);
            self.error(
                at,
                format!("{INVALID_OP}cannot send to receive-only channel {cs}"),
            );
            return;
        }
        self.assignment(&mut val, Some(elem), &"send");
    }

    /// Assignments, short variable declarations, assignment operations and
    /// increments/decrements.
    fn assign_stmt(
        &mut self,
        s: &'a Stmt,
        op: Option<Operator>,
        lhs: &'a Expr,
        rhs: Option<&'a Expr>,
    ) {
        let lhs_list = lhs.unpack_list();
        let Some(rhs) = rhs else {
            // x++ or x--
            let ops = op.unwrap_or(Operator::Add).as_str();
            let [lhs0] = lhs_list else {
                self.error(
                    stmt_start(s),
                    format!("{INVALID_AST}{ops}{ops} requires one operand"),
                );
                return;
            };
            let mut x = Operand::invalid();
            self.expr(&mut x, lhs0);
            if x.mode == Mode::Invalid {
                return;
            }
            if !self.all_numeric(x.ty) {
                let ts = self.type_string(x.ty);
                self.error(
                    start_pos(lhs0),
                    format!(
                        "{INVALID_OP}{}{ops}{ops} (non-numeric type {ts})",
                        expr_string(lhs0)
                    ),
                );
                return;
            }
            self.assign_var(lhs0, &mut x);
            return;
        };
        let rhs_list = rhs.unpack_list();
        match op {
            None => self.assign_vars(lhs_list, rhs_list),
            Some(Operator::Def) => self.short_var_decl(s.pos, lhs_list, rhs_list),
            Some(op) => {
                let ([lhs0], [rhs0]) = (lhs_list, rhs_list) else {
                    self.error(
                        stmt_start(s),
                        format!(
                            "assignment operation {} requires single-valued expressions",
                            op.as_str()
                        ),
                    );
                    return;
                };
                let mut x = Operand::invalid();
                self.binary(&mut x, None, lhs0, rhs0, op, s.pos);
                self.assign_var(lhs0, &mut x);
            }
        }
    }

    /// `go f(x)` / `defer f(x)`: the call's result must not be discarded
    /// (types2's suspendedCall). The parser reports an operand that is
    /// parenthesized or not a call ("expression in defer must be function
    /// call"); like gc, the checker then goes on as if the operand were
    /// called without arguments.
    fn suspended_call(&mut self, tok: CallTok, call: &'a Expr) {
        let keyword = match tok {
            CallTok::Go => "go",
            CallTok::Defer => "defer",
        };
        let mut call = call.unparen();
        if !matches!(call.kind, ExprKind::Call { .. }) {
            call = self.synthetic_expr(
                call.pos,
                call.span,
                ExprKind::Call {
                    fun: Box::new(call.clone()),
                    args: Box::default(),
                    has_dots: false,
                },
            );
        }
        let mut x = Operand::invalid();
        let msg = match self.raw_expr(&mut x, call, None, false) {
            ExprClass::Conversion => "requires function call, not conversion",
            ExprClass::Expression => "discards result of",
            ExprClass::Statement => return,
        };
        let xs = self.operand_string(&x);
        self.error(x.pos(), format!("{keyword} {msg} {xs}"));
    }

    fn return_stmt(&mut self, s: &'a Stmt, results: Option<&'a Expr>) {
        let res: Vec<ObjId> = match self.st.env.sig.and_then(|t| self.types.signature(t)) {
            Some(sig) => self.types.tuple_vars(sig.results).to_vec(),
            None => Vec::new(),
        };
        let results: &'a [Expr] = results.map(|r| r.unpack_list()).unwrap_or(&[]);
        let named = res
            .first()
            .is_some_and(|&v| !self.obj(v).name.as_str().is_empty());
        if results.is_empty() && named {
            // spec: "Implementation restriction: A compiler may disallow an
            // empty expression list in a "return" statement if a different
            // entity (constant, type, or variable) with the same name as a
            // result parameter is in scope at the place of the return."
            for &obj in &res {
                let name = self.obj(obj).name;
                if let Some(alt) = self.lookup(name) {
                    if alt != obj {
                        let mut err = ErrorBuilder::new();
                        err.add(
                            s.pos,
                            format!("result parameter {name} not in scope at return"),
                        );
                        err.add(
                            self.obj(alt).pos,
                            format!("inner declaration of {}", self.object_string(alt)),
                        );
                        self.report(err);
                    }
                }
            }
        } else {
            self.init_vars(&res, results, Some(s));
        }
    }

    fn for_stmt(
        &mut self,
        s: &'a Stmt,
        init: Option<&'a Stmt>,
        cond: Option<&'a Expr>,
        post: Option<&'a Stmt>,
        body: &'a Block,
    ) {
        self.open_scope(s.pos, body.rbrace, "for");
        self.simple_stmt(init);
        if let Some(cond) = cond {
            let mut x = Operand::invalid();
            self.expr(&mut x, cond);
            if x.mode != Mode::Invalid && !self.all_boolean(x.ty) {
                self.error(
                    start_pos(cond),
                    "non-boolean condition in for statement".into(),
                );
            }
        }
        self.simple_stmt(post);
        // spec: "The init statement may be a short variable declaration,
        // but the post statement must not." The parser reported it.
        if let Some(Stmt {
            kind:
                StmtKind::Assign {
                    op: Some(Operator::Def),
                    lhs,
                    ..
                },
            ..
        }) = post
        {
            self.use_expr(lhs);
        }
        self.block(body);
        self.close_scope();
    }

    fn select_stmt(&mut self, body: &'a [CommClause], rbrace: Pos) {
        self.multiple_select_defaults(body);
        for (i, clause) in body.iter().enumerate() {
            // The communication must be a send, a receive (possibly with
            // assignment), or absent (default).
            let mut valid = false;
            let mut rhs: Option<&Expr> = None;
            match clause.comm.as_deref().map(|c| &c.kind) {
                None | Some(StmtKind::Send { .. }) => valid = true,
                Some(StmtKind::Assign { rhs: Some(r), .. }) => {
                    if !matches!(r.kind, ExprKind::List(_)) {
                        rhs = Some(r);
                    }
                }
                Some(StmtKind::Expr(e)) => rhs = Some(e),
                Some(_) => {}
            }
            if let Some(r) = rhs {
                if let ExprKind::Operation {
                    op: Operator::Recv,
                    y: None,
                    ..
                } = r.unparen().kind
                {
                    valid = true;
                }
            }
            if !valid {
                let at = clause.comm.as_deref().map(stmt_start).unwrap_or(clause.pos);
                self.error(
                    at,
                    "select case must be send or receive (possibly with assignment)".into(),
                );
                continue;
            }
            let end = body.get(i + 1).map(|c| c.pos).unwrap_or(rbrace);
            self.open_scope(clause.pos, end, "case");
            self.simple_stmt(clause.comm.as_deref());
            self.stmt_list(&clause.body);
            self.close_scope();
        }
    }

    fn multiple_select_defaults(&mut self, list: &[CommClause]) {
        let mut first: Option<Pos> = None;
        for c in list.iter().filter(|c| c.comm.is_none()) {
            match first {
                Some(f) => {
                    let at = self.sources.position(f);
                    self.error(c.pos, format!("multiple defaults (first at {at})"));
                }
                None => first = Some(c.pos),
            }
        }
    }

    /// gc 1.19 compiles a package only if it type-checks, and then rejects
    /// type declarations inside generic functions and methods of generic
    /// types, closures included (noder/stmt.go, issue 47631): one error per
    /// declaration statement whose first declaration is a type.
    pub fn generic_local_types(&mut self) {
        if !self.st.generic_funcs {
            return;
        }
        let files = self.st.files.clone();
        for file in files {
            for d in &file.decls {
                let Decl::Func(f) = d else { continue };
                let Some(body) = &f.body else { continue };
                if !is_generic_func(f) {
                    continue;
                }
                let mut blocks = vec![body];
                func_lits_in_stmts(&body.stmts, &mut blocks);
                let mut at = Vec::new();
                for b in blocks {
                    local_type_decls(&b.stmts, &mut at);
                }
                for pos in at {
                    self.error(
                        pos,
                        "type declarations inside generic functions are not currently supported"
                            .into(),
                    );
                }
            }
        }
    }

    /// An expression the checker makes up where gc's parser or checker
    /// makes up a node (the `true` of a switch without tag, the call of
    /// `defer f`). It lives as long as the syntax tree: like interned
    /// symbols, the few bytes are never freed.
    pub fn synthetic_expr(&self, pos: Pos, span: Span, kind: ExprKind) -> &'a Expr {
        Box::leak(Box::new(Expr {
            id: self.ids.next(),
            pos,
            span,
            kind,
        }))
    }
}

/// Where gc reports an error "at" a statement (syntax.StartPos): the
/// start of the left-hand side of an assignment or send, the start of a
/// range clause, else the statement's position.
pub fn stmt_start(s: &Stmt) -> Pos {
    match &s.kind {
        StmtKind::Send { chan, .. } => start_pos(chan),
        StmtKind::Assign { lhs, .. } => start_pos(lhs),
        StmtKind::Range { lhs, x, .. } => start_pos(lhs.as_ref().unwrap_or(x)),
        _ => s.pos,
    }
}

/// The end of an if statement's scope: the closing brace of its last
/// block.
fn if_end(then: &Block, els: Option<&Stmt>) -> Pos {
    let mut end = then.rbrace;
    let mut els = els;
    while let Some(e) = els {
        match &e.kind {
            StmtKind::Block(b) => {
                end = b.rbrace;
                els = None;
            }
            StmtKind::If { then, els: e2, .. } => {
                end = then.rbrace;
                els = e2.as_deref();
            }
            _ => els = None,
        }
    }
    end
}

/// Whether a function declaration is generic, or a method of a generic
/// type (its receiver type is instantiated: `S[T]`, `*S[_]`).
pub(crate) fn is_generic_func(f: &FuncDecl) -> bool {
    if !f.tparams.is_empty() {
        return true;
    }
    let Some(recv) = &f.recv else { return false };
    let mut t = recv.ty.unparen();
    if let ExprKind::Operation {
        op: Operator::Mul,
        x,
        y: None,
    } = &t.kind
    {
        t = x.unparen();
    }
    matches!(t.kind, ExprKind::Index { .. })
}

/// The positions of the declaration statements in `list` (and the
/// statement lists nested in it, function literals excepted) whose first
/// declaration is a type declaration.
fn local_type_decls(list: &[Stmt], out: &mut Vec<Pos>) {
    for s in list {
        match &s.kind {
            StmtKind::Decl(decls) => {
                if matches!(decls.first(), Some(Decl::Type(_))) {
                    out.push(s.pos);
                }
            }
            StmtKind::Labeled { stmt, .. } => local_type_decls(std::slice::from_ref(stmt), out),
            StmtKind::Block(b) => local_type_decls(&b.stmts, out),
            StmtKind::If { then, els, .. } => {
                local_type_decls(&then.stmts, out);
                if let Some(e) = els {
                    local_type_decls(std::slice::from_ref(e), out);
                }
            }
            StmtKind::For { body, .. } => local_type_decls(&body.stmts, out),
            StmtKind::Switch { body, .. } => {
                body.iter().for_each(|c| local_type_decls(&c.body, out))
            }
            StmtKind::Select { body, .. } => {
                body.iter().for_each(|c| local_type_decls(&c.body, out))
            }
            _ => {}
        }
    }
}
