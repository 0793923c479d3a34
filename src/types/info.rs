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
/// The per-node tables are dense vectors indexed by [`NodeId`] (ids are
/// dense per session), 8 bytes per node in all: a packed type entry and a
/// packed object entry, both 0 when nothing is recorded. Those are read
/// and written for most nodes of a program, so their size is memory the
/// checker touches (a 100,000-line program has some 800,000 ids); and an
/// all-zero "nothing" lets a table come zeroed from the allocator, whose
/// pages the system maps only when a record lands in them. Constant
/// values, which few expressions have, live in a side map; so do the
/// rare entries that do not fit the packing (see [`TypeEntry`] and
/// [`ObjEntry`]).
#[derive(Debug, Default)]
pub struct Info {
    /// Per expression: its [`TypeEntry`].
    types: Vec<u32>,
    /// Recorded types whose id does not fit a [`TypeEntry`].
    wide_types: FxHashMap<NodeId, (Mode, TypeId, bool)>,
    /// Values of the recorded constant expressions.
    values: FxHashMap<NodeId, Value>,
    /// Per name: its [`ObjEntry`], the first of its definition and use.
    objs: Vec<u32>,
    /// A name's definition when its entry holds a use (an embedded
    /// field's name defines the field and uses the type name), or when
    /// the object id does not fit an entry.
    extra_defs: FxHashMap<NodeId, Option<ObjId>>,
    /// A name's use when its entry holds a definition, or when the object
    /// id does not fit an entry.
    extra_uses: FxHashMap<NodeId, ObjId>,
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

/// A recorded mode and type in 32 bits: the type id in the low
/// [`TypeEntry::TY_BITS`] bits, then whether `values` has the value, then
/// the mode + 1 (so that 0 is "nothing recorded"). A type id too big for
/// the field (a program with more than 134 million types) is kept in
/// `wide_types`, its entry marked with [`TypeEntry::WIDE`].
struct TypeEntry;

impl TypeEntry {
    const TY_BITS: u32 = 27;
    const VALUE_BIT: u32 = 1 << Self::TY_BITS;
    const MODE_SHIFT: u32 = Self::TY_BITS + 1;
    /// The mode field of an entry whose type is in `wide_types` (no mode
    /// + 1 reaches it: there are 12 modes).
    const WIDE: u32 = 15;

    /// The entry for a record, if it fits.
    fn pack(mode: Mode, ty: TypeId, has_value: bool) -> Option<u32> {
        if ty.0 >= Self::VALUE_BIT {
            return None;
        }
        let m = mode as u32 + 1;
        Some(m << Self::MODE_SHIFT | u32::from(has_value) << Self::TY_BITS | ty.0)
    }

    fn mode_field(e: u32) -> u32 {
        e >> Self::MODE_SHIFT
    }

    fn has_value(e: u32) -> bool {
        e & Self::VALUE_BIT != 0
    }
}

/// Every mode, by its index (`mode as u32`) in a [`TypeEntry`].
const MODES: [Mode; 12] = [
    Mode::Invalid,
    Mode::NoValue,
    Mode::Builtin,
    Mode::TypExpr,
    Mode::Constant,
    Mode::Variable,
    Mode::MapIndex,
    Mode::Value,
    Mode::NilValue,
    Mode::CommaOk,
    Mode::CommaErr,
    Mode::CgoFunc,
];

/// A name's definition or use in 32 bits: 0 = nothing recorded, 1 =
/// defines no object (`_`, a package name), 2n + 2 = defines `ObjId(n)`,
/// 2n + 3 = uses `ObjId(n)`. A name has at most one entry; the other
/// record (an embedded field's name has both) or an object id too big for
/// the encoding goes to `extra_defs` / `extra_uses`.
struct ObjEntry;

impl ObjEntry {
    const NONE: u32 = 0;
    const DEF_NOTHING: u32 = 1;

    fn def(obj: Option<ObjId>) -> Option<u32> {
        match obj {
            None => Some(Self::DEF_NOTHING),
            Some(o) => o.0.checked_mul(2)?.checked_add(2),
        }
    }

    fn use_(obj: ObjId) -> Option<u32> {
        obj.0.checked_mul(2)?.checked_add(3)
    }

    fn is_def(e: u32) -> bool {
        e == Self::DEF_NOTHING || (e >= 2 && e & 1 == 0)
    }

    fn is_use(e: u32) -> bool {
        e >= 3 && e & 1 == 1
    }

    /// The object of an entry holding a definition or a use.
    fn obj(e: u32) -> ObjId {
        ObjId((e - 2) / 2)
    }
}

/// Node ids that the std API files of a program's imports typically add
/// after the user's file (`fmt` with its dependencies: about 40,000).
const STD_IDS: usize = 1 << 16;

/// Grows a dense table so that index `i` exists. The tables are reserved
/// for the user's files up front; ids of std API files parsed later only
/// add a little, so growth is by an eighth (still geometric) rather than
/// doubling a table of a million entries.
#[inline]
fn ensure(v: &mut Vec<u32>, i: usize) {
    if i >= v.len() {
        grow(v, i);
    }
}

#[cold]
#[inline(never)]
fn grow(v: &mut Vec<u32>, i: usize) {
    if i >= v.capacity() {
        let need = i + 1 - v.len();
        v.reserve_exact(need.max(v.len() / 8).max(1024));
    }
    v.resize(i + 1, 0);
}

impl Info {
    /// Turns recording off (or back on).
    pub fn set_recording(&mut self, on: bool) {
        self.off = !on;
    }

    /// Whether recording is on.
    pub fn recording(&self) -> bool {
        !self.off
    }

    /// Makes room for `n` node ids, so that recording does not regrow the
    /// tables (the checker calls this with the id count after parsing),
    /// and for [`STD_IDS`] more: the std API files that the imports parse
    /// later then fit without copying the tables (growing a table of a
    /// million entries by an eighth per file copied 150 MB for a program
    /// importing fmt).
    pub fn reserve_nodes(&mut self, n: usize) {
        if self.off {
            return;
        }
        fn room(v: &mut Vec<u32>, n: usize) {
            if v.len() < n {
                v.reserve_exact(n + STD_IDS - v.len());
                v.resize(n, 0);
            }
        }
        room(&mut self.types, n);
        room(&mut self.objs, n);
        // The maps that grow with the program start at a size most
        // programs reach (a fraction of what gen-big's 100,000 lines
        // need per id), so that a big program regrows each once or
        // twice instead of a dozen times, rehashing and leaving a trail
        // of dead tables; a table reserved but not filled costs its
        // control bytes.
        if self.values.capacity() == 0 {
            self.values.reserve(n / 32);
            self.selections.reserve(n / 64);
            self.scopes.reserve(n / 32);
            self.implicits.reserve(n / 256);
            self.iface_conversions.reserve(n / 256);
        }
    }

    #[inline]
    pub fn record_type(&mut self, id: NodeId, tv: TypeAndValue) {
        if self.off {
            return;
        }
        let i = id.index();
        ensure(&mut self.types, i);
        let old = self.types[i];
        // The common case: no value before or after, a type that fits.
        if tv.val.is_none() && old & TypeEntry::VALUE_BIT == 0 {
            if let Some(e) = TypeEntry::pack(tv.mode, tv.ty, false) {
                if TypeEntry::mode_field(old) != TypeEntry::WIDE {
                    self.types[i] = e;
                    return;
                }
            }
        }
        self.record_type_slow(id, tv);
    }

    #[cold]
    #[inline(never)]
    fn record_type_slow(&mut self, id: NodeId, tv: TypeAndValue) {
        let i = id.index();
        let old = self.types[i];
        let had_value = match TypeEntry::mode_field(old) {
            0 => false,
            TypeEntry::WIDE => self.wide_types.get(&id).is_some_and(|t| t.2),
            _ => TypeEntry::has_value(old),
        };
        let has_value = tv.val.is_some();
        self.record_entry(id, tv.mode, tv.ty, has_value);
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

    /// The recorded mode, type and whether there is a value.
    fn type_entry(&self, id: NodeId) -> Option<(Mode, TypeId, bool)> {
        let e = *self.types.get(id.index())?;
        match TypeEntry::mode_field(e) {
            0 => None,
            TypeEntry::WIDE => self.wide_types.get(&id).copied(),
            m => Some((
                MODES[m as usize - 1],
                TypeId(e & (TypeEntry::VALUE_BIT - 1)),
                TypeEntry::has_value(e),
            )),
        }
    }

    /// The recorded type and value of an expression (the value cloned, for
    /// constants).
    pub fn type_of(&self, id: NodeId) -> Option<TypeAndValue> {
        let (mode, ty, has_value) = self.type_entry(id)?;
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
        if let Some((mode, _, has_value)) = self.type_entry(id) {
            self.record_entry(id, mode, ty, has_value);
        }
    }

    /// Stores an entry for a recorded expression (the value is unchanged).
    fn record_entry(&mut self, id: NodeId, mode: Mode, ty: TypeId, has_value: bool) {
        let i = id.index();
        match TypeEntry::pack(mode, ty, has_value) {
            Some(e) => {
                if TypeEntry::mode_field(self.types[i]) == TypeEntry::WIDE {
                    self.wide_types.remove(&id);
                }
                self.types[i] = e;
            }
            None => {
                self.wide_types.insert(id, (mode, ty, has_value));
                self.types[i] = TypeEntry::WIDE << TypeEntry::MODE_SHIFT;
            }
        }
    }

    #[inline]
    pub fn record_def(&mut self, id: NodeId, obj: Option<ObjId>) {
        if self.off {
            return;
        }
        let i = id.index();
        ensure(&mut self.objs, i);
        let e = self.objs[i];
        match ObjEntry::def(obj) {
            Some(d) if e == ObjEntry::NONE || ObjEntry::is_def(e) => self.objs[i] = d,
            _ => self.record_extra_def(id, obj),
        }
    }

    #[cold]
    #[inline(never)]
    fn record_extra_def(&mut self, id: NodeId, obj: Option<ObjId>) {
        let i = id.index();
        if ObjEntry::is_def(self.objs[i]) {
            self.objs[i] = ObjEntry::NONE;
        }
        self.extra_defs.insert(id, obj);
    }

    #[inline]
    pub fn record_use(&mut self, id: NodeId, obj: ObjId) {
        if self.off {
            return;
        }
        let i = id.index();
        ensure(&mut self.objs, i);
        let e = self.objs[i];
        match ObjEntry::use_(obj) {
            Some(u) if e == ObjEntry::NONE || ObjEntry::is_use(e) => self.objs[i] = u,
            _ => self.record_extra_use(id, obj),
        }
    }

    #[cold]
    #[inline(never)]
    fn record_extra_use(&mut self, id: NodeId, obj: ObjId) {
        let i = id.index();
        if ObjEntry::is_use(self.objs[i]) {
            self.objs[i] = ObjEntry::NONE;
        }
        self.extra_uses.insert(id, obj);
    }

    /// What a declaring name defines: None if nothing was recorded,
    /// Some(None) if it defines no object.
    pub fn def_of(&self, id: NodeId) -> Option<Option<ObjId>> {
        let e = self.objs.get(id.index()).copied().unwrap_or(0);
        if e == ObjEntry::DEF_NOTHING {
            return Some(None);
        }
        if ObjEntry::is_def(e) {
            return Some(Some(ObjEntry::obj(e)));
        }
        if self.extra_defs.is_empty() {
            return None;
        }
        self.extra_defs.get(&id).copied()
    }

    /// The object a name uses.
    pub fn use_of(&self, id: NodeId) -> Option<ObjId> {
        let e = self.objs.get(id.index()).copied().unwrap_or(0);
        if ObjEntry::is_use(e) {
            return Some(ObjEntry::obj(e));
        }
        if self.extra_uses.is_empty() {
            return None;
        }
        self.extra_uses.get(&id).copied()
    }

    /// Every recorded definition, in node order.
    pub fn defs(&self) -> impl Iterator<Item = (NodeId, Option<ObjId>)> + '_ {
        (0..self.objs.len() as u32).filter_map(|i| Some((NodeId(i), self.def_of(NodeId(i))?)))
    }

    /// Every recorded use, in node order.
    pub fn uses(&self) -> impl Iterator<Item = (NodeId, ObjId)> + '_ {
        (0..self.objs.len() as u32).filter_map(|i| Some((NodeId(i), self.use_of(NodeId(i))?)))
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
    fn type_entries_round_trip() {
        let mut info = Info::default();
        for (i, &mode) in MODES.iter().enumerate() {
            let id = NodeId(i as u32);
            let ty = TypeId(1000 + i as u32);
            info.record_type(
                id,
                TypeAndValue {
                    mode,
                    ty,
                    val: None,
                },
            );
            let got = info.type_of(id).expect("recorded");
            assert_eq!((got.mode, got.ty), (mode, ty));
        }
        // A type id too big for an entry.
        let id = NodeId(40);
        let big = TypeId(u32::MAX - 1);
        let tv = |ty, val| TypeAndValue {
            mode: Mode::Constant,
            ty,
            val,
        };
        info.record_type(id, tv(big, Some(Value::make_int64(1))));
        let got = info.type_of(id).expect("recorded");
        assert_eq!((got.mode, got.ty), (Mode::Constant, big));
        assert!(got.val.is_some());
        info.set_type(id, TypeId(5));
        assert_eq!(info.type_of(id).map(|t| t.ty), Some(TypeId(5)));
        info.record_type(id, tv(big, None));
        assert!(info
            .type_of(id)
            .is_some_and(|t| t.val.is_none() && t.ty == big));
        info.record_type(id, tv(TypeId(3), None));
        assert_eq!(info.type_of(id).map(|t| t.ty), Some(TypeId(3)));
        assert!(info.wide_types.is_empty());
    }

    #[test]
    fn a_name_may_define_and_use() {
        let mut info = Info::default();
        // An embedded field's name: uses the type name, defines the field.
        let id = NodeId(9);
        info.record_use(id, ObjId(4));
        info.record_def(id, Some(ObjId(5)));
        assert_eq!(info.use_of(id), Some(ObjId(4)));
        assert_eq!(info.def_of(id), Some(Some(ObjId(5))));
        assert_eq!(info.object_of(id), Some(ObjId(5)));
        let other = NodeId(10);
        info.record_def(other, Some(ObjId(6)));
        info.record_use(other, ObjId(7));
        assert_eq!(info.def_of(other), Some(Some(ObjId(6))));
        assert_eq!(info.use_of(other), Some(ObjId(7)));
        // Object ids too big for an entry.
        let big = ObjId(u32::MAX - 3);
        info.record_def(NodeId(11), Some(big));
        info.record_use(NodeId(12), big);
        assert_eq!(info.def_of(NodeId(11)), Some(Some(big)));
        assert_eq!(info.use_of(NodeId(12)), Some(big));
        assert_eq!(info.defs().count(), 3);
        assert_eq!(info.uses().count(), 3);
        assert_eq!(info.use_of(NodeId(11)), None);
        assert_eq!(info.def_of(NodeId(12)), None);
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
