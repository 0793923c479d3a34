//! Invalid recursive types (types2's validtype.go): a named type may not
//! contain itself through arrays, struct fields, embedded interface
//! elements or union terms, directly or through instances of generic
//! types (`type T[P any] struct{ f P }; type U struct{ T[U] }`).

use super::check::Checker;
use super::object::ObjId;
use super::ty::{Type, TypeId};

impl<'a> Checker<'a> {
    /// Reports an invalid recursive type T (types2's validType).
    pub fn valid_type(&mut self, t: TypeId) {
        self.valid_type0(t, &mut Vec::new(), &mut Vec::new());
    }

    /// `nest` are the named types entered (whose type parameters the
    /// current type's refer to); `path` the named types traversed, for the
    /// cycle report.
    fn valid_type0(&mut self, typ: TypeId, nest: &mut Vec<TypeId>, path: &mut Vec<TypeId>) -> bool {
        match self.types.get(typ).clone() {
            Type::Array { elem, .. } => return self.valid_type0(elem, nest, path),
            Type::Struct(st) => {
                for f in st.fields {
                    let ft = self.obj_type(f);
                    if !self.valid_type0(ft, nest, path) {
                        return false;
                    }
                }
            }
            Type::Union(terms) => {
                for t in terms.iter().filter_map(|t| t.ty) {
                    if !self.valid_type0(t, nest, path) {
                        return false;
                    }
                }
            }
            Type::Interface(it) => {
                for e in it.embeddeds {
                    if !self.valid_type0(e, nest, path) {
                        return false;
                    }
                }
            }
            Type::Named(_) => {
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
                    let ok = self.valid_type0(rhs, nest, path);
                    nest.pop();
                    path.pop();
                    if !ok {
                        return false;
                    }
                }
                let orig = self.named_origin(typ);
                self.gen.valids.entry(orig).or_default().push(typ);
            }
            Type::TypeParam(_) => {
                if let Some(&inst) = nest.last() {
                    let tparams = self.named_tparams(inst);
                    let targs = self.named_targs(inst);
                    for (i, &tp) in tparams.iter().enumerate() {
                        if tp == typ && i < targs.len() {
                            let targ = targs[i];
                            let saved = nest.pop();
                            let ok = self.valid_type0(targ, nest, path);
                            if let Some(s) = saved {
                                nest.push(s);
                            }
                            return ok;
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    /// Whether a type identical to t was found valid already.
    fn is_known_valid(&mut self, t: TypeId) -> bool {
        let orig = self.named_origin(t);
        let Some(list) = self.gen.valids.get(&orig).cloned() else {
            return false;
        };
        list.into_iter().any(|v| v == t || self.identical(v, t))
    }
}
