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
            Shape::Array(elem) => return self.valid_type0(elem, nest, path),
            Shape::Fields(fields) => {
                for f in fields {
                    let ft = self.obj_type(f);
                    if !self.valid_type0(ft, nest, path) {
                        return false;
                    }
                }
            }
            Shape::Terms(types) => {
                for t in types {
                    if !self.valid_type0(t, nest, path) {
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
                for e in nest.clone() {
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
            Shape::TypeParam => {
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
