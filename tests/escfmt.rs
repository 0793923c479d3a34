//! src/escape/fmt.rs against gc: every node gc 1.19 names in an escape
//! message of a recorded program must print the same.
//!
//! tests/escfmt/gc-nodes.tsv holds `SOURCE LINE COL MESSAGE` records made by
//! tools/escfmt/gen.py from `go build -gcflags='-m -l'` (never from goscope).
//! For each record the program is parsed and checked by goscope, the node
//! at LINE:COL is found (an expression whose gc position that is, or a
//! declared name), printed with `node_string` and compared with the node
//! part of the message (`X` in `X escapes to heap`, `X does not escape`,
//! `moved to heap: X`, `leaking param: X ...`). `... argument` is checked
//! through `variadic_split` on the call at that position.
//!
//! Sources under go/ are the Go 1.19 test suite, read in place from
//! /usr/share/go-1.19/test (apt-get install golang-1.19-src); without it
//! only goscope's own programs (tests/escfmt/*.go) are checked.
//! Differences listed in tests/escfmt/known-differences.txt (with the
//! reason) are tolerated; any other fails the test.
//!
//! `ESCFMT_VERBOSE=1 cargo test --test escfmt -- --nocapture` lists every
//! difference.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use goscope::escape::convpos::iface_conversion_positions;
use goscope::escape::fmt::{node_string, node_string_shaped, variadic_split, DOTS_ARG};
use goscope::syntax::ast::{
    Block, Decl, Expr, ExprKind, Field, File, FuncType, Ident, Stmt, StmtKind,
};
use goscope::syntax::pos::SourceMap;
use goscope::syntax::{parse_file, NodeIdGen};
use goscope::types::ty::TypeId;
use goscope::types::Checker;

const GO_TEST_ROOT: &str = "/usr/share/go-1.19/test";

/// Records matched by a candidate other than the first at their position
/// (the conversion gc places there, else the outermost node there).
static NOT_FIRST: AtomicUsize = AtomicUsize::new(0);

struct Record {
    line: u32,
    col: u32,
    message: String,
}

/// The node part of an escape message, or None for other messages.
fn node_part(msg: &str) -> Option<&str> {
    if let Some(x) = msg.strip_suffix(" escapes to heap") {
        return Some(x);
    }
    if let Some(x) = msg.strip_suffix(" does not escape") {
        return Some(x);
    }
    if let Some(x) = msg.strip_prefix("moved to heap: ") {
        return Some(x);
    }
    if let Some(x) = msg.strip_prefix("leaking param content: ") {
        return Some(x);
    }
    if let Some(x) = msg.strip_prefix("leaking param: ") {
        return Some(x.split(" to result ").next().unwrap_or(x));
    }
    None
}

fn records() -> BTreeMap<String, Vec<Record>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escfmt/gc-nodes.tsv");
    let text = std::fs::read_to_string(&path).expect("reading gc-nodes.tsv");
    let mut out: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.splitn(4, '\t').collect();
        if f.len() != 4 {
            panic!("bad record: {line}");
        }
        out.entry(f[0].to_string()).or_default().push(Record {
            line: f[1].parse().expect("line"),
            col: f[2].parse().expect("col"),
            message: f[3].to_string(),
        });
    }
    out
}

fn known_differences() -> HashMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escfmt/known-differences.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.splitn(2, '\t');
            Some((f.next()?.to_string(), f.next().unwrap_or("").to_string()))
        })
        .collect()
}

/// Nodes of one file by gc line:column, in pre-order (outer first).
#[derive(Default)]
struct Nodes<'f> {
    exprs: HashMap<(u32, u32), Vec<&'f Expr>>,
    /// For nodes inside a generic function: the generic function's
    /// declaration, to print them per instantiation.
    generic: HashMap<goscope::syntax::ast::NodeId, &'f goscope::syntax::ast::FuncDecl>,
    idents: HashMap<(u32, u32), &'f Ident>,
}

struct Walker<'f, 'm> {
    map: &'m SourceMap,
    nodes: Nodes<'f>,
    in_generic: Option<&'f goscope::syntax::ast::FuncDecl>,
}

impl<'f> Walker<'f, '_> {
    fn lc(&self, pos: goscope::syntax::pos::Pos) -> (u32, u32) {
        let p = self.map.position(pos);
        (p.line, p.col)
    }

    fn ident(&mut self, id: &'f Ident) {
        let k = self.lc(id.pos);
        self.nodes.idents.insert(k, id);
    }

    fn fields(&mut self, fs: &'f [Field]) {
        for f in fs {
            if let Some(n) = &f.name {
                self.ident(n);
            }
        }
    }

    fn func_type(&mut self, ft: &'f FuncType) {
        self.fields(&ft.params);
        self.fields(&ft.results);
    }

    fn decl(&mut self, d: &'f Decl) {
        match d {
            Decl::Var(v) => {
                for n in &v.names {
                    self.ident(n);
                }
                if let Some(x) = &v.values {
                    self.expr(x);
                }
            }
            Decl::Func(f) => {
                self.in_generic = (!f.tparams.is_empty()).then_some(f);
                if let Some(r) = &f.recv {
                    self.fields(std::slice::from_ref(r));
                }
                self.func_type(&f.ty);
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
            _ => {}
        }
    }

    fn block(&mut self, b: &'f Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, s: &'f Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'f Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
            }
            StmtKind::Decl(ds) => ds.iter().for_each(|d| self.decl(d)),
            StmtKind::Assign { lhs, rhs, .. } => {
                self.expr(lhs);
                if let Some(r) = rhs {
                    self.expr(r);
                }
            }
            StmtKind::Call { call, .. } => self.expr(call),
            StmtKind::Return { results } => {
                if let Some(r) = results {
                    self.expr(r);
                }
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.opt_stmt(init);
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(then);
                self.opt_stmt(els);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.opt_stmt(init);
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.opt_stmt(post);
                self.block(body);
            }
            StmtKind::Range { lhs, x, .. } => {
                if let Some(l) = lhs {
                    self.expr(l);
                }
                self.expr(x);
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                self.opt_stmt(init);
                if let Some(t) = tag {
                    self.expr(t);
                }
                // A type switch's clause variable is declared at the colon.
                let guard = match tag.as_ref().map(|t| &t.kind) {
                    Some(ExprKind::TypeSwitchGuard { lhs: Some(l), .. }) => Some(l),
                    _ => None,
                };
                for c in body {
                    if let Some(l) = guard {
                        let k = self.lc(c.colon);
                        self.nodes.idents.insert(k, l);
                    }
                    if let Some(cs) = &c.cases {
                        self.expr(cs);
                    }
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select { body, .. } => {
                for c in body {
                    self.opt_stmt(&c.comm);
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
        }
    }

    fn expr(&mut self, e: &'f Expr) {
        match &e.kind {
            ExprKind::Paren(x) => return self.expr(x),
            ExprKind::List(l) => return l.iter().for_each(|x| self.expr(x)),
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                return self.expr(value);
            }
            _ => {}
        }
        let k = self.lc(e.pos);
        self.nodes.exprs.entry(k).or_default().push(e);
        if let Some(f) = self.in_generic {
            self.nodes.generic.insert(e.id, f);
        }
        match &e.kind {
            ExprKind::CompositeLit(lit) => lit.elems.iter().for_each(|x| self.expr(x)),
            ExprKind::FuncLit { ty, body } => {
                self.func_type(ty);
                self.block(body);
            }
            ExprKind::Selector { x, .. } => self.expr(x),
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::Slice { x, index, .. } => {
                self.expr(x);
                index.iter().flatten().for_each(|i| self.expr(i));
            }
            ExprKind::Assert { x, .. } => self.expr(x),
            ExprKind::TypeSwitchGuard { lhs, x } => {
                if let Some(l) = lhs {
                    self.ident(l);
                }
                self.expr(x);
            }
            ExprKind::Operation { x, y, .. } => {
                self.expr(x);
                if let Some(y) = y {
                    self.expr(y);
                }
            }
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                args.iter().for_each(|a| self.expr(a));
            }
            _ => {}
        }
    }
}

fn source_path(key: &str) -> Option<PathBuf> {
    if let Some(rel) = key.strip_prefix("go/") {
        let p = Path::new(GO_TEST_ROOT).join(rel);
        return p.exists().then_some(p);
    }
    Some(Path::new(env!("CARGO_MANIFEST_DIR")).join(key))
}

#[derive(Default)]
struct Tally {
    total: usize,
    matched: usize,
    tolerated: usize,
    failures: Vec<String>,
    skipped_files: Vec<String>,
}

/// Checks the records of one file; returns (matched, differences).
fn check_file(key: &str, path: &Path, recs: &[Record]) -> (usize, Vec<(String, String)>) {
    let src = std::fs::read(path).expect("reading source");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut map = SourceMap::new();
    let ids = NodeIdGen::new();
    let (file, diags): (File, _) = parse_file(&mut map, &name, &src, &ids);
    let mut diffs = Vec::new();
    if !diags.is_empty() {
        diffs.push((
            key.to_string(),
            format!("parse errors: {:?}", diags[0].message),
        ));
        return (0, diffs);
    }
    let mut check = Checker::new(map, &ids);
    check.check_files(&[&file]);
    let mut w = Walker {
        map: &check.sources,
        nodes: Nodes::default(),
        in_generic: None,
    };
    for d in &file.decls {
        w.decl(d);
    }
    let nodes = w.nodes;
    // Implicit conversions by the position gc gives their OCONVIFACE.
    let conv_pos = iface_conversion_positions(&file, &check);
    let mut by_id: HashMap<goscope::syntax::ast::NodeId, &Expr> = HashMap::new();
    for v in nodes.exprs.values() {
        for e in v {
            by_id.insert(e.id, e);
        }
    }
    let mut convs: HashMap<(u32, u32), Vec<&Expr>> = HashMap::new();
    let mut conv_list: Vec<_> = conv_pos.iter().collect();
    conv_list.sort();
    for (id, pos) in conv_list {
        if let Some(e) = by_id.get(id) {
            let p = check.sources.position(*pos);
            convs.entry((p.line, p.col)).or_default().push(e);
        }
    }
    let mut matched = 0;
    for r in recs {
        let Some(want) = node_part(&r.message) else {
            continue;
        };
        let here = (r.line, r.col);
        let got: String = if want == DOTS_ARG {
            let call = nodes
                .exprs
                .get(&here)
                .into_iter()
                .flatten()
                .find(|e| variadic_split(e, &check).is_some_and(|n| n < call_args(e)));
            match call {
                Some(_) => DOTS_ARG.to_string(),
                None => "<no variadic call with extra arguments>".to_string(),
            }
        } else {
            // Candidates: implicit conversions gc places here, the
            // expressions whose own position this is, a declared name.
            let mut cands: Vec<String> = Vec::new();
            let here_nodes = convs.get(&here).into_iter().flatten();
            let own = nodes.exprs.get(&here).into_iter().flatten();
            for e in here_nodes.chain(own) {
                cands.push(node_string(e, &check));
                // Inside a generic function, gc prints each instantiation.
                if let Some(f) = nodes.generic.get(&e.id) {
                    for env in instantiations(f, &check) {
                        cands.push(node_string_shaped(e, &check, &env));
                    }
                }
            }
            if let Some(id) = nodes.idents.get(&here) {
                cands.push(id.sym.as_str().to_string());
            }
            match cands.iter().position(|c| c == want) {
                Some(i) => {
                    if i > 0 && cands[0] != want {
                        // Another node at this position prints differently.
                        NOT_FIRST.fetch_add(1, Ordering::Relaxed);
                        if std::env::var_os("ESCFMT_VERBOSE").is_some() {
                            println!("{key}:{}:{}: {want:?} among {cands:?}", r.line, r.col);
                        }
                    }
                    cands[i].clone()
                }
                None => cands.join(" | "),
            }
        };
        if got == want {
            matched += 1;
        } else {
            diffs.push((
                format!("{key}:{}:{}", r.line, r.col),
                format!("gc {want:?} goscope {got:?}"),
            ));
        }
    }
    (matched, diffs)
}

/// The instantiations of a generic function the program makes, as maps
/// from its type parameters to type arguments.
fn instantiations(
    f: &goscope::syntax::ast::FuncDecl,
    check: &Checker,
) -> Vec<HashMap<TypeId, TypeId>> {
    let Some(obj) = check.info.object_of(f.name.id) else {
        return Vec::new();
    };
    let Some(sig) = check.obj(obj).ty.and_then(|t| check.types.signature(t)) else {
        return Vec::new();
    };
    let mut out: Vec<HashMap<TypeId, TypeId>> = Vec::new();
    let mut ids: Vec<_> = check.info.instances.keys().collect();
    ids.sort();
    for id in ids {
        if check.info.object_of(*id) != Some(obj) {
            continue;
        }
        let inst = &check.info.instances[id];
        let env: HashMap<TypeId, TypeId> = sig
            .tparams
            .iter()
            .copied()
            .zip(inst.targs.iter().copied())
            .collect();
        out.push(env);
    }
    out
}

fn call_args(e: &Expr) -> usize {
    match &e.kind {
        ExprKind::Call { args, .. } => args.len(),
        _ => 0,
    }
}

#[test]
fn escape_node_strings_match_gc() {
    let known = known_differences();
    let verbose = std::env::var_os("ESCFMT_VERBOSE").is_some();
    let mut t = Tally::default();
    for (key, recs) in records() {
        let Some(path) = source_path(&key) else {
            t.skipped_files.push(key);
            continue;
        };
        let n = recs
            .iter()
            .filter(|r| node_part(&r.message).is_some())
            .count();
        let (key2, path2) = (key.clone(), path.clone());
        let recs2: Vec<Record> = recs;
        let (matched, diffs) = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || check_file(&key2, &path2, &recs2))
            .expect("spawn")
            .join()
            .unwrap_or_else(|_| (0, vec![(key.clone(), "goscope panicked".to_string())]));
        t.total += n;
        t.matched += matched;
        for (loc, what) in diffs {
            if verbose {
                println!("{loc}: {what}");
            }
            if known.contains_key(&loc) {
                t.tolerated += 1;
            } else {
                t.failures.push(format!("{loc}: {what}"));
            }
        }
    }
    println!(
        "escfmt: {}/{} node strings match gc ({:.1}%; {} by another node than the first at the position), {} known differences, {} files skipped (no Go test suite)",
        t.matched,
        t.total,
        100.0 * t.matched as f64 / t.total.max(1) as f64,
        NOT_FIRST.load(Ordering::Relaxed),
        t.tolerated,
        t.skipped_files.len()
    );
    assert!(
        t.failures.is_empty(),
        "{} node strings differ from gc:\n{}",
        t.failures.len(),
        t.failures.join("\n")
    );
}
