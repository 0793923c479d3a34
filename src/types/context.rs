//! The checker's generic caches (types2's context.go and the caches
//! types2 keeps on its Checker): instances by origin, union type sets,
//! types known to be valid, and the empty interface of invalid bounds.
//!
//! Invariant: instantiating the same origin with identical type arguments
//! yields the same TypeId, for named types and for signatures alike. The
//! lookup compares type arguments with `identical` (types2 hashes them
//! and then checks identity; the result is the same).

use crate::fxhash::FxHashMap;
use std::rc::Rc;

use super::check::Checker;
use super::ty::{InterfaceType, Type, TypeId, TypeSet};

/// Caches shared by every package of a session.
#[derive(Debug, Default)]
pub struct GenState {
    /// Instances by origin: (type arguments, instance).
    pub instances: FxHashMap<TypeId, Vec<(Vec<TypeId>, TypeId)>>,
    /// Type sets of union types (types2's check.unionTypeSets); None marks
    /// a union too large to handle.
    pub union_sets: FxHashMap<TypeId, Option<Rc<TypeSet>>>,
    /// Named types found valid by valid_type, by origin (types2's
    /// check.valids).
    pub valids: FxHashMap<TypeId, Vec<TypeId>>,
    /// types2's emptyInterface: what a type parameter with an invalid
    /// bound is constrained by.
    pub empty_iface: Option<TypeId>,
    /// Signatures made for builtin calls (`make_sig`), by result, up to
    /// three parameter types, their count and variadicity. types2 makes a
    /// new signature per call; an identical one serves as well (it is
    /// only recorded for the compiler, and identity is `identical`).
    pub builtin_sigs: FxHashMap<BuiltinSigKey, TypeId>,
    /// Tree sizes of unnamed types (see `Checker::tree_size`).
    pub tree_sizes: FxHashMap<TypeId, u64>,
}

/// See [`GenState::builtin_sigs`].
pub type BuiltinSigKey = (Option<TypeId>, [TypeId; 3], u8, bool);

impl<'a> Checker<'a> {
    /// The recorded instance of `orig` with type arguments identical to
    /// `targs` (types2's Context.lookup).
    pub fn ctxt_lookup(&mut self, orig: TypeId, targs: &[TypeId]) -> Option<TypeId> {
        let cands = self.gen.instances.get(&orig)?.clone();
        'next: for (args, inst) in cands {
            if args.len() != targs.len() {
                continue;
            }
            for (&a, &b) in args.iter().zip(targs) {
                if !self.identical(a, b) {
                    continue 'next;
                }
            }
            return Some(inst);
        }
        None
    }

    /// Records `inst` as the instance of `orig` with `targs`, unless an
    /// identical one is recorded already; returns the recorded one
    /// (types2's Context.update).
    pub fn ctxt_update(&mut self, orig: TypeId, targs: &[TypeId], inst: TypeId) -> TypeId {
        if let Some(prev) = self.ctxt_lookup(orig, targs) {
            return prev;
        }
        self.gen
            .instances
            .entry(orig)
            .or_default()
            .push((targs.to_vec(), inst));
        inst
    }

    /// The empty interface with the top type set, printed `interface{}`.
    pub fn empty_interface(&mut self) -> TypeId {
        if let Some(t) = self.gen.empty_iface {
            return t;
        }
        let t = self.types.add(Type::Interface(Box::new(InterfaceType {
            complete: true,
            tset: Some(Rc::new(TypeSet::all())),
            ..Default::default()
        })));
        self.gen.empty_iface = Some(t);
        t
    }
}
