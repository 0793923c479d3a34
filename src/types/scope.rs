//! Scopes (types2's scope.go): a tree of name → object maps. Lookups from
//! inside a function pass a position, so that a local object is found only
//! after its declaration (`scope_pos`).

use crate::fxhash::FxHashMap;

use super::object::ObjId;
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ScopeId(pub u32);

#[derive(Clone, Debug)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    pub elems: ScopeElems,
    /// Extent of the scope in the source (may be unknown).
    pub pos: Pos,
    pub end: Pos,
    pub comment: &'static str,
    /// A function's outermost scope (parameters and results).
    pub is_func: bool,
}

/// The names of a scope. Most scopes (blocks, clauses, signatures) hold
/// a few names, which a short vector finds faster than a hash table finds
/// one, and without the table's allocation and regrowth; a scope that
/// outgrows [`ScopeElems::SMALL`] names (a package, a big function body)
/// moves them to a hash map. Iteration order is unspecified either way.
#[derive(Clone, Debug, Default)]
pub struct ScopeElems {
    small: Vec<(Symbol, ObjId)>,
    map: FxHashMap<Symbol, ObjId>,
}

impl ScopeElems {
    const SMALL: usize = 8;

    #[inline]
    pub fn get(&self, name: &Symbol) -> Option<&ObjId> {
        if self.map.is_empty() {
            self.small.iter().find(|(k, _)| k == name).map(|(_, v)| v)
        } else {
            self.map.get(name)
        }
    }

    /// Sets `name` to `obj`, returning the object it replaced.
    pub fn insert(&mut self, name: Symbol, obj: ObjId) -> Option<ObjId> {
        if !self.map.is_empty() {
            return self.map.insert(name, obj);
        }
        if let Some((_, v)) = self.small.iter_mut().find(|(k, _)| *k == name) {
            return Some(std::mem::replace(v, obj));
        }
        if self.small.len() < Self::SMALL {
            self.small.push((name, obj));
        } else {
            self.map.reserve(2 * Self::SMALL);
            self.map.extend(self.small.drain(..));
            self.map.insert(name, obj);
        }
        None
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Symbol, &ObjId)> {
        self.small
            .iter()
            .map(|(k, v)| (k, v))
            .chain(self.map.iter())
    }

    pub fn values(&self) -> impl Iterator<Item = &ObjId> {
        self.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.small.len() + self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&mut self) {
        self.small.clear();
        self.map.clear();
    }
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
            elems: ScopeElems::default(),
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

    pub fn len(&self) -> usize {
        self.scopes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scopes.is_empty()
    }

    /// Makes room for `n` scopes in all (see [`super::check::reserve_to`]).
    pub fn reserve_to(&mut self, n: usize) {
        super::check::reserve_to(&mut self.scopes, n);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_elems_small_and_large() {
        let mut e = ScopeElems::default();
        let names: Vec<Symbol> = (0..40).map(|i| Symbol::intern(&format!("n{i}"))).collect();
        for (i, &n) in names.iter().enumerate() {
            assert_eq!(e.insert(n, ObjId(i as u32)), None);
            assert_eq!(e.len(), i + 1);
            for (j, m) in names[..=i].iter().enumerate() {
                assert_eq!(e.get(m), Some(&ObjId(j as u32)));
            }
            assert_eq!(e.get(&Symbol::intern("absent")), None);
        }
        assert_eq!(e.insert(names[3], ObjId(99)), Some(ObjId(3)));
        let mut all: Vec<u32> = e.values().map(|o| o.0).collect();
        all.sort();
        assert_eq!(all.len(), 40);
        e.clear();
        assert!(e.is_empty() && e.get(&names[0]).is_none());
    }
}
