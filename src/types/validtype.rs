//! Invalid recursive types (types2's validtype.go): a named type may not
//! contain itself through arrays, struct fields, embedded interface
//! elements or union terms, directly or through instances of generic
//! types (`type T[P any] struct{ f P }; type U struct{ T[U] }`).

use crate::fxhash::FxHashSet;

use super::check::Checker;
use super::object::ObjId;
use super::ty::{Type, TypeId};

/// Most parts a type may have once its aliases are expanded (see
/// [`Checker::too_large`]).
pub const MAX_TREE_SIZE: u64 = 1 << 20;

impl<'a> Checker<'a> {
    /// Whether type `t`, written as a type literal, has more than
    /// [`MAX_TREE_SIZE`] parts once aliases are expanded. Aliases let a
    /// short source build types whose trees are exponentially large
    /// (`type A1 = struct{ a, b A0 }; type A2 = struct{ a, b A1 }; ...`);
    /// types2's walks (identity, unification, size, printing) take time
    /// proportional to the tree, and gc hangs on such programs. goscope
    /// rejects them instead (gc has no such error).
    pub fn too_large(&mut self, t: TypeId) -> bool {
        self.tree_size(t) > MAX_TREE_SIZE
    }

    /// The number of types in t's tree, stopping at named types and type
    /// parameters (saturating; memoized, so linear in the type graph).
    fn tree_size(&mut self, t: TypeId) -> u64 {
        if matches!(
            self.types.get(t),
            Type::Basic { .. } | Type::Named(_) | Type::TypeParam(_)
        ) {
            return 1;
        }
        if let Some(&n) = self.gen.tree_sizes.get(&t) {
            return n;
        }
        let children: Vec<TypeId> = match self.types.get(t) {
            Type::Basic { .. } | Type::Named(_) | Type::TypeParam(_) => return 1,
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Pointer(elem) => vec![*elem],
            Type::Chan { elem, .. } => vec![*elem],
            Type::Map { key, elem } => vec![*key, *elem],
            Type::Struct(st) => st
                .fields
                .clone()
                .into_iter()
                .map(|f| self.obj_type(f))
                .collect(),
            Type::Tuple(vars) => vars.clone().into_iter().map(|v| self.obj_type(v)).collect(),
            Type::Signature(sig) => vec![sig.params, sig.results],
            Type::Union(terms) => terms.iter().filter_map(|t| t.ty).collect(),
            Type::Interface(it) => {
                let (methods, mut embeddeds) = (it.methods.clone(), it.embeddeds.clone());
                embeddeds.extend(methods.into_iter().map(|m| self.obj_type(m)));
                embeddeds
            }
        };
        // Mark t first: a cycle through unnamed types cannot be built,
        // but costs nothing to guard against.
        self.gen.tree_sizes.insert(t, 1);
        let mut n: u64 = 1;
        for c in children {
            n = n.saturating_add(self.tree_size(c));
        }
        self.gen.tree_sizes.insert(t, n);
        n
    }

    /// Reports an invalid recursive type T (types2's validType).
    pub fn valid_type(&mut self, t: TypeId) {
        self.valid_type0(t, &mut Vec::new(), &mut Vec::new(), &mut Memo::default());
    }

    /// `nest` are the named types entered (whose type parameters the
    /// current type's refer to); `path` the named types traversed, for the
    /// cycle report.
    ///
    /// Unnamed types found valid are remembered for the current `nest`:
    /// types built from aliases share parts (`type A1 = struct{ a, b A0 };
    /// type A2 = struct{ a, b A1 }`), and walking them as trees takes
    /// exponential time (it does in gc).
    fn valid_type0(
        &mut self,
        typ: TypeId,
        nest: &mut Vec<TypeId>,
        path: &mut Vec<TypeId>,
        memo: &mut Memo,
    ) -> bool {
        let unnamed = matches!(
            self.types.get(typ),
            Type::Array { .. } | Type::Struct(_) | Type::Union(_) | Type::Interface(_)
        );
        let key = (typ, memo.nest_ids.last().copied().unwrap_or(0));
        if unnamed && memo.valid.contains(&key) {
            return true;
        }
        let ok = self.valid_type1(typ, nest, path, memo);
        if unnamed && ok {
            memo.valid.insert(key);
        }
        ok
    }

    fn valid_type1(
        &mut self,
        typ: TypeId,
        nest: &mut Vec<TypeId>,
        path: &mut Vec<TypeId>,
        memo: &mut Memo,
    ) -> bool {
        // Copy out only what the walk needs (cloning a struct would copy
        // its tags, an interface its method lists).
        enum Shape {
            Array(TypeId),
            Fields(Vec<ObjId>),
            Terms(Vec<TypeId>),
            Named,
            TypeParam,
            Other,
        }
        let shape = match self.types.get(typ) {
            Type::Array { elem, .. } => Shape::Array(*elem),
            Type::Struct(st) => Shape::Fields(st.fields.clone()),
            Type::Union(terms) => Shape::Terms(terms.iter().filter_map(|t| t.ty).collect()),
            Type::Interface(it) => Shape::Terms(it.embeddeds.clone()),
            Type::Named(_) => Shape::Named,
            Type::TypeParam(_) => Shape::TypeParam,
            _ => Shape::Other,
        };
        match shape {
            Shape::Array(elem) => return self.valid_type0(elem, nest, path, memo),
            Shape::Fields(fields) => {
                for f in fields {
                    let ft = self.obj_type(f);
                    if !self.valid_type0(ft, nest, path, memo) {
                        return false;
                    }
                }
            }
            Shape::Terms(types) => {
                for t in types {
                    if !self.valid_type0(t, nest, path, memo) {
                        return false;
                    }
                }
            }
            Shape::Named => {
                if self.is_known_valid(typ) {
                    return true;
                }
                if self.named_underlying(typ) == TypeId::INVALID {
                    return false;
                }
                // Only a type with t's object can be identical to it:
                // compare objects first, so that a long chain of
                // declarations (`type T0 [1]T1; type T1 [1]T2; ...`, whose
                // nest grows by one per link) costs cheap comparisons.
                let obj = self.types.named(typ).map(|n| n.obj);
                for &e in nest.iter() {
                    if self.types.named(e).map(|n| n.obj) != obj {
                        continue;
                    }
                    if self.identical(e, typ) {
                        if let Some(n) = self.types.named_mut(typ) {
                            n.underlying = Some(TypeId::INVALID);
                        }
                        for (start, p) in path.clone().into_iter().enumerate() {
                            if self.identical(p, typ) {
                                let objs: Vec<ObjId> = path[start..]
                                    .iter()
                                    .filter_map(|&t| self.types.named(t).map(|n| n.obj))
                                    .collect();
                                self.cycle_error(&objs);
                                return false;
                            }
                        }
                        return false;
                    }
                }
                let orig = self.named_origin(typ);
                let rhs = self.types.named(orig).and_then(|n| n.from_rhs);
                if let Some(rhs) = rhs {
                    nest.push(typ);
                    path.push(typ);
                    memo.next_id += 1;
                    memo.nest_ids.push(memo.next_id);
                    let ok = self.valid_type0(rhs, nest, path, memo);
                    memo.nest_ids.pop();
                    nest.pop();
                    path.pop();
                    if !ok {
                        return false;
                    }
                }
                let orig = self.named_origin(typ);
                self.gen.valids.entry(orig).or_default().push(typ);
            }
            Shape::TypeParam => {
                if let Some(&inst) = nest.last() {
                    let tparams = self.named_tparams(inst);
                    let targs = self.named_targs(inst);
                    for (i, &tp) in tparams.iter().enumerate() {
                        if tp == typ && i < targs.len() {
                            let targ = targs[i];
                            let saved = nest.pop();
                            let saved_id = memo.nest_ids.pop();
                            let ok = self.valid_type0(targ, nest, path, memo);
                            if let Some(s) = saved {
                                nest.push(s);
                            }
                            if let Some(id) = saved_id {
                                memo.nest_ids.push(id);
                            }
                            return ok;
                        }
                    }
                }
            }
            Shape::Other => {}
        }
        true
    }

    /// Whether a type identical to t was found valid already.
    fn is_known_valid(&mut self, t: TypeId) -> bool {
        let orig = self.named_origin(t);
        let n = self.gen.valids.get(&orig).map_or(0, Vec::len);
        for i in 0..n {
            let Some(&v) = self.gen.valids.get(&orig).and_then(|l| l.get(i)) else {
                break;
            };
            if v == t || self.identical(v, t) {
                return true;
            }
        }
        false
    }
}

/// What valid_type0 found valid, by (type, nest): each state of the nest
/// gets an id when a named type is entered.
#[derive(Default)]
struct Memo {
    valid: FxHashSet<(TypeId, u32)>,
    nest_ids: Vec<u32>,
    next_id: u32,
}
