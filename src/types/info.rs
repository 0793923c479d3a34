//! What the checker tells later passes (types2's api.go Info): the type and
//! value of every expression, the object every name defines or uses, field
//! and method selections, instantiations, scopes, and the package-level
//! initialization order. Escape analysis and the bytecode compiler read
//! these tables; nothing is recomputed downstream.

use crate::fxhash::FxHashMap;

use super::constant::Value;
use super::object::ObjId;
use super::operand::Mode;
use super::scope::ScopeId;
use super::ty::TypeId;
use crate::syntax::ast::NodeId;
use crate::syntax::pos::Pos;

/// The recorded result for one expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
    /// The value, for constant expressions.
    pub val: Option<Value>,
}

impl TypeAndValue {
    pub fn is_type(&self) -> bool {
        self.mode == Mode::TypExpr
    }
    pub fn is_value(&self) -> bool {
        matches!(
            self.mode,
            Mode::Constant
                | Mode::Variable
                | Mode::MapIndex
                | Mode::Value
                | Mode::NilValue
                | Mode::CommaOk
                | Mode::CommaErr
        )
    }
    pub fn addressable(&self) -> bool {
        self.mode == Mode::Variable
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelectionKind {
    FieldVal,
    MethodVal,
    MethodExpr,
}

/// `x.f` resolved: the path of embedded fields from x's type to f.
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    pub recv: TypeId,
    pub obj: ObjId,
    pub index: Vec<usize>,
    pub indirect: bool,
}

#[derive(Clone, Debug)]
pub struct Instance {
    pub targs: Vec<TypeId>,
    pub ty: TypeId,
}

/// One package-level initialization: `var lhs... = rhs` (rhs by NodeId).
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub rhs: NodeId,
}

/// Side tables keyed by node ids (and, for nodes without ids, positions).
///
/// The per-expression tables are dense vectors indexed by [`NodeId`] (ids
/// are dense per session), with compact entries: a type entry is 8 bytes,
/// and constant values, which few expressions have, live in a side map.
#[derive(Debug, Default)]
pub struct Info {
    /// Mode and type of each recorded expression, and whether `values`
    /// has its value.
    types: Vec<Option<(Mode, TypeId, bool)>>,
    /// Values of the recorded constant expressions.
    values: FxHashMap<NodeId, Value>,
    /// Per name: 0 = no definition recorded, 1 = defines no object (`_`,
    /// a package name), n + 2 = defines `ObjId(n)`.
    defs: Vec<u32>,
    /// Per name: 0 = no use recorded, n + 1 = uses `ObjId(n)`.
    uses: Vec<u32>,
    /// Objects declared implicitly: an import without rename, the variable
    /// of a type switch clause, an anonymous parameter; keyed by the
    /// position of the import spec, case clause or field.
    pub implicits: FxHashMap<Pos, ObjId>,
    pub selections: FxHashMap<NodeId, Selection>,
    pub instances: FxHashMap<NodeId, Instance>,
    /// Scopes of blocks, functions, files, clauses, keyed by the position of
    /// the node that opens them.
    pub scopes: FxHashMap<Pos, ScopeId>,
    pub init_order: Vec<Initializer>,
    /// Values implicitly converted to an interface type where they are
    /// used (assigned, passed, returned, sent, compared with an interface):
    /// the expression's id and the interface type. gc's OCONVIFACE nodes;
    /// the compiler boxes the value there and escape analysis sees an
    /// allocation site.
    pub iface_conversions: FxHashMap<NodeId, TypeId>,
    /// Interface values implicitly converted to another, non-identical
    /// interface type (gc's convI2I / convI2E: no allocation, so escape
    /// analysis ignores them; the compiler converts the type word).
    pub iface_reconversions: FxHashMap<NodeId, TypeId>,
    /// Set when nothing is to be recorded: a check whose caller needs
    /// only its diagnostics (types2's Checker with a nil Info). The
    /// checker never reads these tables back, so its results are the
    /// same.
    off: bool,
}

/// Node ids that the std API files of a program's imports typically add
/// after the user's file (`fmt` with its dependencies: about 40,000).
const STD_IDS: usize = 1 << 16;

/// Grows a dense table so that index `i` exists. The tables are reserved
/// for the user's files up front; ids of std API files parsed later only
/// add a little, so growth is by an eighth (still geometric) rather than
/// doubling a table of a million entries.
#[inline]
fn ensure<T: Clone>(v: &mut Vec<T>, i: usize, fill: T) {
    if i >= v.len() {
        grow(v, i, fill);
    }
}

#[cold]
#[inline(never)]
fn grow<T: Clone>(v: &mut Vec<T>, i: usize, fill: T) {
    if i >= v.capacity() {
        let need = i + 1 - v.len();
        v.reserve_exact(need.max(v.len() / 8).max(1024));
    }
    v.resize(i + 1, fill);
}

impl Info {
    /// Makes room for `n` node ids, so that recording does not regrow the
    /// tables (the checker calls this with the id count after parsing),
    /// with capacity for [`STD_IDS`] more: the std API files that the
    /// imports parse later then fit without copying the tables (growing a
    /// table of a million entries by an eighth per file copied 150 MB for
    /// a program importing fmt).
    /// Turns recording off (or back on).
    pub fn set_recording(&mut self, on: bool) {
        self.off = !on;
    }

    /// Whether recording is on.
    pub fn recording(&self) -> bool {
        !self.off
    }

    pub fn reserve_nodes(&mut self, n: usize) {
        if self.off {
            return;
        }
        fn room<T: Clone>(v: &mut Vec<T>, n: usize, fill: T) {
            if v.capacity() < n {
                v.reserve_exact(n + STD_IDS - v.len());
            }
            ensure(v, n.saturating_sub(1), fill);
        }
        room(&mut self.types, n, None);
        room(&mut self.defs, n, 0);
        room(&mut self.uses, n, 0);
    }

    pub fn record_type(&mut self, id: NodeId, tv: TypeAndValue) {
        if self.off {
            return;
        }
        let i = id.index();
        ensure(&mut self.types, i, None);
        let had_value = matches!(self.types[i], Some((_, _, true)));
        self.types[i] = Some((tv.mode, tv.ty, tv.val.is_some()));
        match tv.val {
            Some(v) => {
                self.values.insert(id, v);
            }
            None if had_value => {
                self.values.remove(&id);
            }
            None => {}
        }
    }

    /// The recorded type and value of an expression (the value cloned, for
    /// constants).
    pub fn type_of(&self, id: NodeId) -> Option<TypeAndValue> {
        let (mode, ty, has_value) = (*self.types.get(id.index())?)?;
        Some(TypeAndValue {
            mode,
            ty,
            val: if has_value {
                self.values.get(&id).cloned()
            } else {
                None
            },
        })
    }

    /// The constant value of an expression, borrowed (no clone).
    pub fn value_of(&self, id: NodeId) -> Option<&Value> {
        self.values.get(&id)
    }

    /// Changes the recorded type of an expression (comma-ok tuples).
    pub fn set_type(&mut self, id: NodeId, ty: TypeId) {
        if self.off {
            return;
        }
        if let Some(Some((_, t, _))) = self.types.get_mut(id.index()) {
            *t = ty;
        }
    }

    pub fn record_def(&mut self, id: NodeId, obj: Option<ObjId>) {
        if self.off {
            return;
        }
        let i = id.index();
        ensure(&mut self.defs, i, 0);
        self.defs[i] = obj.map_or(1, |o| o.0 + 2);
    }

    pub fn record_use(&mut self, id: NodeId, obj: ObjId) {
        if self.off {
            return;
        }
        let i = id.index();
        ensure(&mut self.uses, i, 0);
        self.uses[i] = obj.0 + 1;
    }

    /// What a declaring name defines: None if nothing was recorded,
    /// Some(None) if it defines no object.
    pub fn def_of(&self, id: NodeId) -> Option<Option<ObjId>> {
        match self.defs.get(id.index()).copied().unwrap_or(0) {
            0 => None,
            1 => Some(None),
            n => Some(Some(ObjId(n - 2))),
        }
    }

    /// The object a name uses.
    pub fn use_of(&self, id: NodeId) -> Option<ObjId> {
        match self.uses.get(id.index()).copied().unwrap_or(0) {
            0 => None,
            n => Some(ObjId(n - 1)),
        }
    }

    /// Every recorded definition, in node order.
    pub fn defs(&self) -> impl Iterator<Item = (NodeId, Option<ObjId>)> + '_ {
        (0..self.defs.len() as u32).filter_map(|i| Some((NodeId(i), self.def_of(NodeId(i))?)))
    }

    /// Every recorded use, in node order.
    pub fn uses(&self) -> impl Iterator<Item = (NodeId, ObjId)> + '_ {
        (0..self.uses.len() as u32).filter_map(|i| Some((NodeId(i), self.use_of(NodeId(i))?)))
    }

    /// The object a name defines or uses.
    pub fn object_of(&self, id: NodeId) -> Option<ObjId> {
        if let Some(Some(obj)) = self.def_of(id) {
            return Some(obj);
        }
        self.use_of(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_entries_stay_compact() {
        assert_eq!(std::mem::size_of::<Option<(Mode, TypeId, bool)>>(), 8);
    }

    #[test]
    fn values_follow_the_latest_record() {
        let mut info = Info::default();
        let id = NodeId(7);
        let tv = |val| TypeAndValue {
            mode: Mode::Constant,
            ty: TypeId(1),
            val,
        };
        info.record_type(id, tv(Some(Value::make_int64(3))));
        assert!(info.type_of(id).and_then(|t| t.val).is_some());
        info.record_type(id, tv(None));
        assert!(info.type_of(id).is_some_and(|t| t.val.is_none()));
        assert!(info.type_of(NodeId(3)).is_none());
        info.record_def(NodeId(2), None);
        info.record_use(NodeId(4), ObjId(0));
        assert_eq!(info.def_of(NodeId(2)), Some(None));
        assert_eq!(info.object_of(NodeId(4)), Some(ObjId(0)));
        assert_eq!(info.uses().count(), 1);
    }
}
