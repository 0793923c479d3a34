//! Scopes (types2's scope.go): a tree of name → object maps. Lookups from
//! inside a function pass a position, so that a local object is found only
//! after its declaration (`scope_pos`).

use std::collections::HashMap;

use super::object::ObjId;
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ScopeId(pub u32);

#[derive(Clone, Debug)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    pub elems: HashMap<Symbol, ObjId>,
    /// Extent of the scope in the source (may be unknown).
    pub pos: Pos,
    pub end: Pos,
    pub comment: &'static str,
    /// A function's outermost scope (parameters and results).
    pub is_func: bool,
}

/// The arena of scopes.
#[derive(Debug, Default)]
pub struct Scopes {
    scopes: Vec<Scope>,
}

impl Scopes {
    pub fn new_scope(
        &mut self,
        parent: Option<ScopeId>,
        pos: Pos,
        end: Pos,
        comment: &'static str,
    ) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope {
            parent,
            children: Vec::new(),
            elems: HashMap::new(),
            pos,
            end,
            comment,
            is_func: false,
        });
        if let Some(p) = parent {
            self.scopes[p.0 as usize].children.push(id);
        }
        id
    }

    pub fn get(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: ScopeId) -> &mut Scope {
        &mut self.scopes[id.0 as usize]
    }

    pub fn lookup(&self, id: ScopeId, name: Symbol) -> Option<ObjId> {
        self.get(id).elems.get(&name).copied()
    }

    /// Inserts `obj` under `name` unless the name is taken; returns the
    /// object already there, if any.
    pub fn insert(&mut self, id: ScopeId, name: Symbol, obj: ObjId) -> Option<ObjId> {
        let s = self.get_mut(id);
        if let Some(&alt) = s.elems.get(&name) {
            return Some(alt);
        }
        s.elems.insert(name, obj);
        None
    }

    /// Whether `pos` lies inside the scope's extent.
    pub fn contains(&self, id: ScopeId, pos: Pos) -> bool {
        let s = self.get(id);
        s.pos <= pos && pos < s.end
    }

    /// Detaches `child` from its parent's list of children.
    pub fn remove_child(&mut self, parent: ScopeId, child: ScopeId) {
        self.get_mut(parent).children.retain(|&c| c != child);
    }
}
