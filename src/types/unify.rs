//! Type unification (types2's unify.go), the engine of type inference.
//!
//! Two types unify if they are identical after the type parameters being
//! inferred are bound to suitable types. Type parameters of the x side and
//! of the y side are kept in two lists (for constraint type inference both
//! are the same list); joined parameters share one entry of `types`.
//!
//! Unless `exact`, unification is "inexact" as for function argument
//! passing: a named type unifies with an unnamed one through its
//! underlying type, a type parameter with a core type through that core
//! type, and channel directions are ignored.

use super::check::Checker;
use super::ty::{Type, TypeId};

/// How deep unification may recurse (types2 panics there; goscope fails
/// the unification instead).
const UNIFICATION_DEPTH_LIMIT: u32 = 50;

/// The type parameters of one side and, per parameter, its entry in the
/// unifier's `types`: 0 unknown, i > 0 bound to types[i-1], i < 0 joined
/// (unbound) with others at -i.
#[derive(Clone, Debug, Default)]
pub struct TParamsList {
    pub tparams: Vec<TypeId>,
    indices: Vec<isize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    X,
    Y,
}

/// types2's unifier.
#[derive(Debug, Default)]
pub struct Unifier {
    exact: bool,
    pub x: TParamsList,
    y: TParamsList,
    /// The y side is the x side (constraint type inference).
    y_is_x: bool,
    types: Vec<Option<TypeId>>,
    depth: u32,
}

impl Unifier {
    pub fn new(exact: bool) -> Unifier {
        Unifier {
            exact,
            ..Default::default()
        }
    }

    /// Initializes the x side with the parameters to infer.
    pub fn init_x(&mut self, tparams: &[TypeId]) {
        self.x.tparams = tparams.to_vec();
        self.x.indices = vec![0; tparams.len()];
    }

    /// Makes the y side the same list as the x side.
    pub fn share_y(&mut self) {
        self.y_is_x = true;
    }

    fn side(&self, s: Side) -> &TParamsList {
        if s == Side::Y && !self.y_is_x {
            &self.y
        } else {
            &self.x
        }
    }

    fn side_mut(&mut self, s: Side) -> &mut TParamsList {
        if s == Side::Y && !self.y_is_x {
            &mut self.y
        } else {
            &mut self.x
        }
    }

    /// Joins x's parameter i with y's parameter j; false if both are bound
    /// already (types2's join).
    fn join(&mut self, i: usize, j: usize) -> bool {
        let ti = self.side(Side::X).indices[i];
        let tj = self.side(Side::Y).indices[j];
        match () {
            _ if ti == 0 && tj == 0 => {
                self.types.push(None);
                let n = -(self.types.len() as isize);
                self.side_mut(Side::X).indices[i] = n;
                self.side_mut(Side::Y).indices[j] = n;
            }
            _ if ti == 0 => self.side_mut(Side::X).indices[i] = tj,
            _ if tj == 0 => self.side_mut(Side::Y).indices[j] = ti,
            _ if ti == tj => {}
            _ if ti > 0 && tj > 0 => return false,
            _ if ti > 0 => self.set_index(Side::Y, j, ti),
            _ => self.set_index(Side::X, i, tj),
        }
        true
    }

    /// Points every parameter that shares i's entry at entry tj.
    fn set_index(&mut self, s: Side, i: usize, tj: isize) {
        let d = self.side_mut(s);
        let ti = d.indices[i];
        for tk in d.indices.iter_mut() {
            if *tk == ti {
                *tk = tj;
            }
        }
    }

    fn at_side(&self, s: Side, i: usize) -> Option<TypeId> {
        let ti = *self.side(s).indices.get(i)?;
        if ti > 0 {
            return self.types.get(ti as usize - 1).copied().flatten();
        }
        None
    }

    /// The type bound to x's parameter i, if any.
    pub fn at(&self, i: usize) -> Option<TypeId> {
        self.at_side(Side::X, i)
    }

    fn set_side(&mut self, s: Side, i: usize, typ: TypeId) {
        let ti = self.side(s).indices[i];
        if ti < 0 {
            self.types[(-ti - 1) as usize] = Some(typ);
            self.set_index(s, i, -ti);
        } else if ti == 0 {
            self.types.push(Some(typ));
            let n = self.types.len() as isize;
            self.side_mut(s).indices[i] = n;
        }
    }

    /// Binds x's parameter i to typ.
    pub fn set(&mut self, i: usize, typ: TypeId) {
        self.set_side(Side::X, i, typ);
    }

    /// The number of x's parameters not bound yet.
    pub fn unknowns(&self) -> usize {
        self.x.indices.iter().filter(|&&ti| ti <= 0).count()
    }

    /// x's bindings and the index of the first unbound parameter.
    pub fn types(&self) -> (Vec<Option<TypeId>>, Option<usize>) {
        let list: Vec<Option<TypeId>> = (0..self.x.tparams.len()).map(|i| self.at(i)).collect();
        let index = list.iter().position(|t| t.is_none());
        (list, index)
    }
}

impl<'a> Checker<'a> {
    /// The index of type parameter t in list, if it is one of them.
    pub fn tparam_index(&self, list: &[TypeId], t: TypeId) -> Option<usize> {
        let tp = self.types.type_param(t)?;
        let i = usize::try_from(tp.index).ok()?;
        (list.get(i) == Some(&t)).then_some(i)
    }

    fn side_index(&self, u: &Unifier, s: Side, t: TypeId) -> Option<usize> {
        self.tparam_index(&u.side(s).tparams, t)
    }

    /// Whether x and y unify, binding type parameters as needed.
    pub fn unify(&mut self, u: &mut Unifier, x: TypeId, y: TypeId) -> bool {
        self.nify(u, Some(x), Some(y), &mut Vec::new())
    }

    fn nify_eq(
        &mut self,
        u: &mut Unifier,
        x: Option<TypeId>,
        y: Option<TypeId>,
        p: &mut Vec<(TypeId, TypeId)>,
    ) -> bool {
        x == y || self.nify(u, x, y, p)
    }

    fn nify(
        &mut self,
        u: &mut Unifier,
        x: Option<TypeId>,
        y: Option<TypeId>,
        p: &mut Vec<(TypeId, TypeId)>,
    ) -> bool {
        if u.depth >= UNIFICATION_DEPTH_LIMIT {
            return false;
        }
        u.depth += 1;
        let r = self.nify0(u, x, y, p);
        u.depth -= 1;
        r
    }

    fn nify0(
        &mut self,
        u: &mut Unifier,
        x: Option<TypeId>,
        y: Option<TypeId>,
        p: &mut Vec<(TypeId, TypeId)>,
    ) -> bool {
        let (Some(x), Some(y)) = (x, y) else {
            return false;
        };
        if !u.exact {
            if self.types.is_named(x) && !self.types.has_name(y) {
                let xu = self.named_under(x);
                return self.nify(u, Some(xu), Some(y), p);
            } else if self.types.is_named(y) && !self.types.has_name(x) {
                let yu = self.named_under(y);
                return self.nify(u, Some(x), Some(yu), p);
            }
        }

        match (
            self.side_index(u, Side::X, x),
            self.side_index(u, Side::Y, y),
        ) {
            (Some(i), Some(j)) => {
                if u.join(i, j) {
                    return true;
                }
                let (tx, ty) = (u.at_side(Side::X, i), u.at_side(Side::Y, j));
                return self.nify_eq(u, tx, ty, p);
            }
            (Some(i), None) => {
                if let Some(tx) = u.at_side(Side::X, i) {
                    return self.nify_eq(u, Some(tx), Some(y), p);
                }
                u.set_side(Side::X, i, y);
                return true;
            }
            (None, Some(j)) => {
                if let Some(ty) = u.at_side(Side::Y, j) {
                    return self.nify_eq(u, Some(x), Some(ty), p);
                }
                u.set_side(Side::Y, j, x);
                return true;
            }
            (None, None) => {}
        }

        if !u.exact {
            if self.types.is_type_param(x) && !self.types.has_name(y) {
                if let Some(cx) = self.core_type(x) {
                    return self.nify(u, Some(cx), Some(y), p);
                }
            } else if self.types.is_type_param(y) && !self.types.has_name(x) {
                if let Some(cy) = self.core_type(y) {
                    return self.nify(u, Some(x), Some(cy), p);
                }
            }
        }

        match (self.types.get(x).clone(), self.types.get(y).clone()) {
            (Type::Basic { kind: kx, .. }, Type::Basic { kind: ky, .. }) => kx == ky,
            (Type::Array { len: lx, elem: ex }, Type::Array { len: ly, elem: ey }) => {
                (lx < 0 || ly < 0 || lx == ly) && self.nify(u, Some(ex), Some(ey), p)
            }
            (Type::Slice(ex), Type::Slice(ey)) => self.nify(u, Some(ex), Some(ey), p),
            (Type::Struct(sx), Type::Struct(sy)) => {
                if sx.fields.len() != sy.fields.len() {
                    return false;
                }
                for (i, (&f, &g)) in sx.fields.iter().zip(sy.fields.iter()).enumerate() {
                    let (gpkg, gname) = (self.obj(g).pkg, self.obj(g).name);
                    if self.obj(f).is_embedded() != self.obj(g).is_embedded()
                        || sx.tags.get(i) != sy.tags.get(i)
                        || !self.same_id(f, gpkg, gname)
                    {
                        return false;
                    }
                    let (ft, gt) = (self.obj_type(f), self.obj_type(g));
                    if !self.nify(u, Some(ft), Some(gt), p) {
                        return false;
                    }
                }
                true
            }
            (Type::Pointer(bx), Type::Pointer(by)) => self.nify(u, Some(bx), Some(by), p),
            (Type::Tuple(vx), Type::Tuple(vy)) => {
                if vx.len() != vy.len() {
                    return false;
                }
                for (&v, &w) in vx.iter().zip(vy.iter()) {
                    let (vt, wt) = (self.obj_type(v), self.obj_type(w));
                    if !self.nify(u, Some(vt), Some(wt), p) {
                        return false;
                    }
                }
                true
            }
            (Type::Signature(sx), Type::Signature(sy)) => {
                sx.variadic == sy.variadic
                    && self.nify(u, Some(sx.params), Some(sy.params), p)
                    && self.nify(u, Some(sx.results), Some(sy.results), p)
            }
            (Type::Interface(_), Type::Interface(_)) => {
                let xset = self.interface_type_set(x);
                let yset = self.interface_type_set(y);
                if xset.comparable != yset.comparable {
                    return false;
                }
                if !self.termlists_equal(&xset.terms, &yset.terms) {
                    return false;
                }
                if xset.methods.len() != yset.methods.len() {
                    return false;
                }
                if p.iter()
                    .any(|&(a, b)| (a == x && b == y) || (a == y && b == x))
                {
                    return true;
                }
                p.push((x, y));
                let mut ok = true;
                for (&f, &g) in xset.methods.iter().zip(yset.methods.iter()) {
                    let (fo, go) = (self.obj(f), self.obj(g));
                    if self.obj_id_string(fo.pkg, fo.name) != self.obj_id_string(go.pkg, go.name) {
                        ok = false;
                        break;
                    }
                    let (ft, gt) = (self.obj_type(f), self.obj_type(g));
                    if !self.nify(u, Some(ft), Some(gt), p) {
                        ok = false;
                        break;
                    }
                }
                p.pop();
                ok
            }
            (Type::Map { key: kx, elem: ex }, Type::Map { key: ky, elem: ey }) => {
                self.nify(u, Some(kx), Some(ky), p) && self.nify(u, Some(ex), Some(ey), p)
            }
            (Type::Chan { dir: dx, elem: ex }, Type::Chan { dir: dy, elem: ey }) => {
                (!u.exact || dx == dy) && self.nify(u, Some(ex), Some(ey), p)
            }
            (Type::Named(nx), Type::Named(ny)) => {
                if nx.targs.len() != ny.targs.len() {
                    return false;
                }
                let (ox, oy) = (self.obj(nx.obj), self.obj(ny.obj));
                if ox.pkg == oy.pkg && ox.name == oy.name {
                    for (&a, &b) in nx.targs.iter().zip(ny.targs.iter()) {
                        if !self.nify(u, Some(a), Some(b), p) {
                            return false;
                        }
                    }
                    return true;
                }
                false
            }
            (Type::TypeParam(_), _) => x == y,
            _ => false,
        }
    }
}
