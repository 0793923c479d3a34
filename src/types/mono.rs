//! The monomorphization check (types2's mono.go): a generic function or
//! type may not instantiate itself, directly or indirectly, with type
//! arguments that grow without bound (`func f[T any]() { f[*T]() }`),
//! since gc compiles every instantiation.
//!
//! The check builds a weighted graph whose vertices are the package's type
//! parameters (and local named types, which are implicitly parameterized
//! by the type parameters in scope), with an edge for every flow of a type
//! parameter into a type argument; weight 1 if it flows inside a larger
//! type. A cycle of positive weight is an instantiation cycle, found with
//! Bellman-Ford as in types2.

use crate::fxhash::FxHashMap;
use crate::syntax::positions::start_pos;

use super::check::Checker;
use super::errors::ErrorBuilder;
use super::object::ObjId;
use super::ty::{Type, TypeId};
use crate::syntax::ast::Expr;
use crate::syntax::pos::Pos;

#[derive(Debug, Default)]
pub struct MonoGraph {
    vertices: Vec<MonoVertex>,
    edges: Vec<MonoEdge>,
    /// Receiver type parameters of methods map to their type's.
    canon: FxHashMap<TypeId, TypeId>,
    /// Vertex of a type parameter's or local named type's object (-1: a
    /// named type without ambient type parameters).
    name_idx: FxHashMap<ObjId, isize>,
}

#[derive(Debug)]
struct MonoVertex {
    /// Weight of the heaviest known path to this vertex.
    weight: i64,
    /// Previous edge in that path, and the path's length.
    pre: usize,
    len: usize,
    obj: ObjId,
}

#[derive(Debug)]
struct MonoEdge {
    dst: usize,
    src: usize,
    weight: i64,
    /// Where the flow happens, and the type argument.
    pos: Pos,
    typ: TypeId,
}

impl<'a> Checker<'a> {
    /// Reports an instantiation cycle, if any.
    pub fn monomorph(&mut self) {
        let nv = self.st.mono.vertices.len();
        let mut again = true;
        while again {
            again = false;
            for i in 0..self.st.mono.edges.len() {
                let (src, dst, w0) = {
                    let e = &self.st.mono.edges[i];
                    (e.src, e.dst, e.weight)
                };
                let g = &mut self.st.mono;
                let (sw, slen) = (g.vertices[src].weight, g.vertices[src].len);
                let w = sw + w0;
                if w <= g.vertices[dst].weight {
                    continue;
                }
                g.vertices[dst].pre = i;
                g.vertices[dst].len = slen + 1;
                if g.vertices[dst].len == nv {
                    self.report_instance_loop(dst);
                    return;
                }
                g.vertices[dst].weight = w;
                again = true;
            }
        }
    }

    fn report_instance_loop(&mut self, mut v: usize) {
        let g = &self.st.mono;
        let mut stack = Vec::new();
        let mut seen = vec![false; g.vertices.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            v = g.edges[g.vertices[v].pre].src;
        }
        let start = stack.iter().position(|&s| s == v).unwrap_or(0);
        let stack = &stack[start..];
        let obj0 = g.vertices[v].obj;
        let mut err = ErrorBuilder::new();
        err.add(self.obj(obj0).pos, "instantiation cycle:");
        for &v in stack {
            let edge = &g.edges[g.vertices[v].pre];
            let obj = g.vertices[edge.dst].obj;
            let name = self.obj(obj).name;
            let ts = self.type_string(edge.typ);
            let is_tparam = self
                .obj(obj)
                .ty
                .is_some_and(|t| self.types.is_type_param(t));
            if is_tparam {
                err.add(edge.pos, format!("{name} instantiated as {ts}"));
            } else {
                err.add(edge.pos, format!("{name} implicitly parameterized by {ts}"));
            }
        }
        self.report(err);
    }

    /// Records that method type parameter `mpar` stands for its receiver
    /// type's parameter `tpar`.
    pub fn mono_record_canon(&mut self, mpar: TypeId, tpar: TypeId) {
        self.st.mono.canon.insert(mpar, tpar);
    }

    /// Records the instantiation of tparams with targs at pos (each type
    /// argument at its expression, if written).
    pub fn mono_record_instance(
        &mut self,
        pos: Pos,
        tparams: &[TypeId],
        targs: &[TypeId],
        xlist: &'a [Expr],
    ) {
        for (i, (&tpar, &targ)) in tparams.iter().zip(targs).enumerate() {
            let p = xlist.get(i).map(start_pos).unwrap_or(pos);
            self.mono_assign(p, tpar, targ);
        }
    }

    /// Adds edges for the flow of targ's type parameters into tpar.
    fn mono_assign(&mut self, pos: Pos, tpar: TypeId, targ: TypeId) {
        let Some(tobj) = self.types.type_param(tpar).map(|t| t.obj) else {
            return;
        };
        if self.obj(tobj).pkg != Some(self.pkg) {
            return;
        }
        self.mono_do(pos, tpar, targ, targ);
    }

    fn mono_flow(&mut self, pos: Pos, tpar: TypeId, targ: TypeId, src: usize, typ: TypeId) {
        let weight = if typ == targ { 0 } else { 1 };
        let dst = self.type_param_vertex(tpar);
        self.mono_add_edge(dst, src, weight, pos, targ);
    }

    fn mono_do(&mut self, pos: Pos, tpar: TypeId, targ: TypeId, typ: TypeId) {
        match self.types.get(typ).clone() {
            Type::TypeParam(_) => {
                let src = self.type_param_vertex(typ);
                self.mono_flow(pos, tpar, targ, src, typ);
            }
            Type::Named(n) => {
                let orig = self.named_origin(typ);
                if let Some(src) = self.local_named_vertex(orig) {
                    self.mono_flow(pos, tpar, targ, src, typ);
                }
                for a in n.targs {
                    self.mono_do(pos, tpar, targ, a);
                }
            }
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Chan { elem, .. } => {
                self.mono_do(pos, tpar, targ, elem)
            }
            Type::Pointer(b) => self.mono_do(pos, tpar, targ, b),
            Type::Map { key, elem } => {
                self.mono_do(pos, tpar, targ, key);
                self.mono_do(pos, tpar, targ, elem);
            }
            Type::Interface(_) => {
                let set = self.interface_type_set(typ);
                for &m in &set.methods {
                    let mt = self.obj_type(m);
                    self.mono_do(pos, tpar, targ, mt);
                }
            }
            Type::Signature(sig) => {
                for tup in [sig.params, sig.results] {
                    for v in self.types.tuple_vars(tup).to_vec() {
                        let vt = self.obj_type(v);
                        self.mono_do(pos, tpar, targ, vt);
                    }
                }
            }
            Type::Struct(st) => {
                for f in st.fields {
                    let ft = self.obj_type(f);
                    self.mono_do(pos, tpar, targ, ft);
                }
            }
            _ => {}
        }
    }

    /// The vertex of a named type declared inside a generic function (its
    /// ambient type parameters flow into it); None for package-level and
    /// imported types.
    fn local_named_vertex(&mut self, named: TypeId) -> Option<usize> {
        let obj = self.types.named(named)?.obj;
        if self.obj(obj).pkg != Some(self.pkg) {
            return None;
        }
        let root = self.pkg_scope();
        let parent = self.obj(obj).parent?;
        if parent == root {
            return None;
        }
        if let Some(&idx) = self.st.mono.name_idx.get(&obj) {
            return usize::try_from(idx).ok();
        }
        let opos = self.obj(obj).pos;
        let mut idx: isize = -1;
        let mut scope = Some(parent);
        while let Some(s) = scope {
            if s == root {
                break;
            }
            let mut elems: Vec<ObjId> = self.scopes.get(s).elems.values().copied().collect();
            elems.sort_by_key(|&e| self.obj(e).pos);
            for e in elems {
                let eo = self.obj(e);
                if !eo.is_type_name() || eo.pos >= opos || self.is_alias(e) {
                    continue;
                }
                let Some(et) = eo.ty.filter(|&t| self.types.is_type_param(t)) else {
                    continue;
                };
                if idx < 0 {
                    idx = self.st.mono.vertices.len() as isize;
                    self.st.mono.vertices.push(MonoVertex {
                        weight: 0,
                        pre: 0,
                        len: 0,
                        obj,
                    });
                }
                let src = self.type_param_vertex(et);
                self.mono_add_edge(idx as usize, src, 1, opos, et);
            }
            scope = self.scopes.get(s).parent;
        }
        self.st.mono.name_idx.insert(obj, idx);
        usize::try_from(idx).ok()
    }

    fn type_param_vertex(&mut self, mut tpar: TypeId) -> usize {
        if let Some(&c) = self.st.mono.canon.get(&tpar) {
            tpar = c;
        }
        let obj = self
            .types
            .type_param(tpar)
            .map(|t| t.obj)
            .unwrap_or(ObjId(0));
        if let Some(&idx) = self.st.mono.name_idx.get(&obj) {
            if let Ok(i) = usize::try_from(idx) {
                return i;
            }
        }
        let idx = self.st.mono.vertices.len();
        self.st.mono.vertices.push(MonoVertex {
            weight: 0,
            pre: 0,
            len: 0,
            obj,
        });
        self.st.mono.name_idx.insert(obj, idx as isize);
        idx
    }

    fn mono_add_edge(&mut self, dst: usize, src: usize, weight: i64, pos: Pos, typ: TypeId) {
        self.st.mono.edges.push(MonoEdge {
            dst,
            src,
            weight,
            pos,
            typ,
        });
    }
}
