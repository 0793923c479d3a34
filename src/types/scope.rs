//! Scopes (types2's scope.go): a tree of name → object maps. Lookups from
//! inside a function pass a position, so that a local object is found only
//! after its declaration (`scope_pos`).

use crate::fxhash::FxHashMap;

use super::object::ObjId;
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ScopeId(pub u32);

/// One scope. Kept small (64 bytes): a program has about one per three
/// lines (every block, clause and signature opens one), and the checker
/// touches each several times.
#[derive(Clone, Debug)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    /// The children, in creation order, as a list threaded through them
    /// (first, last, next sibling; [`NO_SCOPE`] ends it): no vector per
    /// scope.
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    pub elems: ScopeElems,
    /// Extent of the scope in the source (may be unknown).
    pub pos: Pos,
    pub end: Pos,
    /// A function's outermost scope (parameters and results).
    pub is_func: bool,
}

/// The end of a list of child scopes.
const NO_SCOPE: u32 = u32::MAX;

/// The names of a scope. Most scopes (blocks, clauses, signatures) hold
/// one or two names, kept in the scope itself (no allocation); a few more
/// go in a short vector, which finds a name faster than a hash table, and
/// a scope that outgrows [`ScopeElems::SMALL`] names (a package, a big
/// function body) moves them to a hash map. Iteration is in insertion
/// order up to [`ScopeElems::SMALL`] names, in the map's order beyond.
#[derive(Clone, Debug, Default)]
pub struct ScopeElems(Repr);

#[derive(Clone, Debug, Default)]
enum Repr {
    #[default]
    Empty,
    /// One or two names (`len`); with one, the second slot repeats the
    /// first.
    Inline {
        len: u8,
        names: [Symbol; 2],
        objs: [ObjId; 2],
    },
    Small(Vec<(Symbol, ObjId)>),
    Map(Box<FxHashMap<Symbol, ObjId>>),
}

// A scope's names stay within 32 bytes (Scope is 64).
const _: () = assert!(std::mem::size_of::<ScopeElems>() <= 32);

/// An iterator over a scope's names and objects.
pub enum ElemsIter<'s> {
    Inline(std::iter::Zip<std::slice::Iter<'s, Symbol>, std::slice::Iter<'s, ObjId>>),
    Small(std::slice::Iter<'s, (Symbol, ObjId)>),
    Map(std::collections::hash_map::Iter<'s, Symbol, ObjId>),
}

impl<'s> Iterator for ElemsIter<'s> {
    type Item = (&'s Symbol, &'s ObjId);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ElemsIter::Inline(it) => it.next(),
            ElemsIter::Small(it) => it.next().map(|(k, v)| (k, v)),
            ElemsIter::Map(it) => it.next(),
        }
    }
}

impl ScopeElems {
    const SMALL: usize = 8;

    #[inline]
    pub fn get(&self, name: &Symbol) -> Option<&ObjId> {
        match &self.0 {
            Repr::Empty => None,
            Repr::Inline { len, names, objs } => {
                if names[0] == *name {
                    Some(&objs[0])
                } else if *len == 2 && names[1] == *name {
                    Some(&objs[1])
                } else {
                    None
                }
            }
            Repr::Small(small) => small.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            Repr::Map(map) => map.get(name),
        }
    }

    /// Sets `name` to `obj`, returning the object it replaced.
    pub fn insert(&mut self, name: Symbol, obj: ObjId) -> Option<ObjId> {
        match &mut self.0 {
            Repr::Empty => {
                self.0 = Repr::Inline {
                    len: 1,
                    names: [name; 2],
                    objs: [obj; 2],
                };
                None
            }
            Repr::Inline { len, names, objs } => {
                for i in 0..*len as usize {
                    if names[i] == name {
                        return Some(std::mem::replace(&mut objs[i], obj));
                    }
                }
                if *len == 1 {
                    *len = 2;
                    names[1] = name;
                    objs[1] = obj;
                } else {
                    let mut small = Vec::with_capacity(4);
                    small.push((names[0], objs[0]));
                    small.push((names[1], objs[1]));
                    small.push((name, obj));
                    self.0 = Repr::Small(small);
                }
                None
            }
            Repr::Small(small) => {
                if let Some((_, v)) = small.iter_mut().find(|(k, _)| *k == name) {
                    return Some(std::mem::replace(v, obj));
                }
                if small.len() < Self::SMALL {
                    small.push((name, obj));
                } else {
                    self.move_to_map(2 * Self::SMALL);
                    self.insert(name, obj);
                }
                None
            }
            Repr::Map(map) => map.insert(name, obj),
        }
    }

    /// Makes room for `n` more names: a scope known to get many (a big
    /// package's) starts as a hash map of its final size instead of
    /// regrowing one, rehashing, and leaving the smaller tables behind.
    pub fn reserve(&mut self, n: usize) {
        if let Repr::Map(map) = &mut self.0 {
            map.reserve(n);
            return;
        }
        if self.len() + n > Self::SMALL {
            self.move_to_map(self.len() + n);
        }
    }

    /// Moves the names to a hash map with room for `capacity` names.
    fn move_to_map(&mut self, capacity: usize) {
        let mut map = FxHashMap::default();
        map.reserve(capacity);
        map.extend(self.iter().map(|(k, v)| (*k, *v)));
        self.0 = Repr::Map(Box::new(map));
    }

    pub fn iter(&self) -> ElemsIter<'_> {
        match &self.0 {
            Repr::Empty => ElemsIter::Small([].iter()),
            Repr::Inline { len, names, objs } => {
                let n = *len as usize;
                ElemsIter::Inline(names[..n].iter().zip(objs[..n].iter()))
            }
            Repr::Small(small) => ElemsIter::Small(small.iter()),
            Repr::Map(map) => ElemsIter::Map(map.iter()),
        }
    }

    pub fn values(&self) -> impl Iterator<Item = &ObjId> {
        self.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Empty => 0,
            Repr::Inline { len, .. } => *len as usize,
            Repr::Small(small) => small.len(),
            Repr::Map(map) => map.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&mut self) {
        self.0 = Repr::Empty;
    }
}

/// The arena of scopes.
#[derive(Debug, Default)]
pub struct Scopes {
    scopes: Vec<Scope>,
}

impl Scopes {
    /// A new scope, the last child of `parent`. `comment` says what it is
    /// (types2's scope comments), for the reader of the call; it is not
    /// kept.
    pub fn new_scope(
        &mut self,
        parent: Option<ScopeId>,
        pos: Pos,
        end: Pos,
        comment: &'static str,
    ) -> ScopeId {
        let _ = comment;
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope {
            parent,
            first_child: NO_SCOPE,
            last_child: NO_SCOPE,
            next_sibling: NO_SCOPE,
            elems: ScopeElems::default(),
            pos,
            end,
            is_func: false,
        });
        if let Some(p) = parent {
            self.append_child(p, id);
        }
        id
    }

    /// Appends `child` (not in any list) to `parent`'s children.
    fn append_child(&mut self, parent: ScopeId, child: ScopeId) {
        self.get_mut(child).next_sibling = NO_SCOPE;
        let p = self.get_mut(parent);
        let last = p.last_child;
        p.last_child = child.0;
        if last == NO_SCOPE {
            p.first_child = child.0;
        } else {
            self.scopes[last as usize].next_sibling = child.0;
        }
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

    #[inline]
    pub fn get(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    #[inline]
    pub fn get_mut(&mut self, id: ScopeId) -> &mut Scope {
        &mut self.scopes[id.0 as usize]
    }

    /// The children of a scope, in creation order.
    pub fn children(&self, id: ScopeId) -> impl Iterator<Item = ScopeId> + '_ {
        let mut next = self.get(id).first_child;
        std::iter::from_fn(move || {
            if next == NO_SCOPE {
                return None;
            }
            let c = ScopeId(next);
            next = self.get(c).next_sibling;
            Some(c)
        })
    }

    #[inline]
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
        let mut prev = NO_SCOPE;
        let mut cur = self.get(parent).first_child;
        while cur != NO_SCOPE && cur != child.0 {
            prev = cur;
            cur = self.scopes[cur as usize].next_sibling;
        }
        if cur == NO_SCOPE {
            return;
        }
        let next = self.get(child).next_sibling;
        self.get_mut(child).next_sibling = NO_SCOPE;
        if prev == NO_SCOPE {
            self.get_mut(parent).first_child = next;
        } else {
            self.scopes[prev as usize].next_sibling = next;
        }
        if self.get(parent).last_child == child.0 {
            self.get_mut(parent).last_child = prev;
        }
    }

    /// Moves the children of `from` to the end of `to`'s children (types2's
    /// Squash), making `to` their parent.
    pub fn move_children(&mut self, from: ScopeId, to: ScopeId) {
        let mut next = self.get(from).first_child;
        let f = self.get_mut(from);
        f.first_child = NO_SCOPE;
        f.last_child = NO_SCOPE;
        while next != NO_SCOPE {
            let c = ScopeId(next);
            next = self.get(c).next_sibling;
            self.get_mut(c).parent = Some(to);
            self.append_child(to, c);
        }
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

    #[test]
    fn children_in_order() {
        let mut s = Scopes::default();
        let p = s.new_scope(None, Pos::NONE, Pos::NONE, "p");
        let kids: Vec<ScopeId> = (0..4)
            .map(|_| s.new_scope(Some(p), Pos::NONE, Pos::NONE, "c"))
            .collect();
        let of = |s: &Scopes, id| s.children(id).collect::<Vec<_>>();
        assert_eq!(of(&s, p), kids);
        s.remove_child(p, kids[3]);
        s.remove_child(p, kids[0]);
        assert_eq!(of(&s, p), vec![kids[1], kids[2]]);
        let g = s.new_scope(Some(kids[1]), Pos::NONE, Pos::NONE, "g");
        let p2 = s.new_scope(Some(p), Pos::NONE, Pos::NONE, "c");
        assert_eq!(of(&s, p), vec![kids[1], kids[2], p2]);
        // Squash kids[1] into p: its child moves to the end of p's.
        s.remove_child(p, kids[1]);
        s.move_children(kids[1], p);
        assert_eq!(of(&s, p), vec![kids[2], p2, g]);
        assert_eq!(s.get(g).parent, Some(p));
        assert!(of(&s, kids[1]).is_empty());
        s.remove_child(p, p2);
        s.remove_child(p, g);
        s.remove_child(p, kids[2]);
        assert!(of(&s, p).is_empty());
        let last = s.new_scope(Some(p), Pos::NONE, Pos::NONE, "c");
        assert_eq!(of(&s, p), vec![last]);
    }
}
