//! Maps: `make`, literals, `m[k]` (plain and comma-ok), `m[k] = v`,
//! `m[k] op= v`, `delete`, `len` and `range`, lowered as gc's walk lowers
//! them to the runtime's hmap functions (runtime/src/map, ops in
//! runtime/src/vm/mapops.rs).
//!
//! Every op that takes a key reads the map from a slot and the key from
//! the slots right after it (the key's address is its slot's address, as
//! gc passes `&key`); lookups and assignment yield the elem's address and
//! the ordinary typed loads and stores move the value. So `m[k] += 1`
//! is, as in gc, `p := mapassign(m, k); *p = *p + 1`.
//!
//! Order of evaluation follows gc's order pass: in `m[k] = v` and
//! `m[k] op= v`, m, k and v are evaluated before mapassign runs (so
//! `m[k] = len(m)` stores the length before the insertion); `/=` and `%=`
//! read with mapaccess1 and assign after the division, so a division by
//! zero panics before the key is inserted. A literal inserts its constant
//! entries first, then the others in source order (gc's order.go OMAPLIT).

use goscope_runtime::vm::Op;

use super::expr::LV;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind, Operator, Stmt, StmtKind};
use crate::types::builtins::BuiltinId;
use crate::types::object::ObjKind;
use crate::types::ty::{Type, TypeId};

impl<'c, 'a> Compiler<'c, 'a> {
    /// The key and elem types when `t` is a map type.
    pub(super) fn map_types(&self, t: TypeId) -> Option<(TypeId, TypeId)> {
        match self.c.types.get(self.lay.under(t)) {
            Type::Map { key, elem } => Some((*key, *elem)),
            _ => None,
        }
    }

    /// Evaluates the map `m` and then the key into consecutive fresh
    /// slots (the operand layout of the map ops); returns the first.
    fn map_key_window(&mut self, m: &Expr, key: &Expr, kt: TypeId) -> CResult<u32> {
        let n = self.lay.slots(kt);
        let s = self.f.alloc(1 + n, true);
        self.expr_to(m, s)?;
        self.expr_to(key, s + 1)?;
        Ok(s)
    }

    /// `m[k]` into `d..`: the elem (a zero value when absent), or for the
    /// comma-ok form (the checker records a (V, bool) tuple) the elem
    /// followed by ok.
    pub(super) fn map_index_to(&mut self, e: &Expr, x: &Expr, key: &Expr, d: u32) -> CResult<()> {
        let mt = self.ty(x);
        let Some((kt, vt)) = self.map_types(mt) else {
            return Err(self.unsupported(e.pos, "map index"));
        };
        let s = self.map_key_window(x, key, kt)?;
        let t = self.type_index(mt)?;
        self.set_line(e.pos);
        if self.c.types.is_tuple(self.ty(e)) {
            let p = self.f.alloc(2, true);
            self.f.emit(Op::MapAccess2 { a: p, b: s, t });
            self.load_mem(d, p, 0, vt);
            let n = self.lay.slots(vt);
            self.f.emit(Op::Move { a: d + n, b: p + 1 });
        } else {
            let p = self.f.alloc(1, true);
            self.f.emit(Op::MapAccess1 { a: p, b: s, t });
            self.load_mem(d, p, 0, vt);
        }
        Ok(())
    }

    /// The place `m[k]` on the left of an assignment (m and k evaluated
    /// now, the entry found or inserted when the value is stored); None
    /// when `e` is not a map index.
    pub(super) fn map_lvalue(&mut self, e: &Expr) -> CResult<Option<LV>> {
        let ExprKind::Index { x, index } = &e.kind else {
            return Ok(None);
        };
        let mt = self.ty(x);
        let Some((kt, vt)) = self.map_types(mt) else {
            return Ok(None);
        };
        let s = self.map_key_window(x, index, kt)?;
        let t = self.type_index(mt)?;
        Ok(Some(LV::Map { s, t, vt }))
    }

    /// Stores the value in `v..` as the elem of the map entry whose map and
    /// key are in `s..` (mapassign, then a typed store).
    pub(super) fn map_store(&mut self, s: u32, t: u32, vt: TypeId, v: u32) {
        let p = self.f.alloc(1, true);
        self.f.emit(Op::MapAssign { a: p, b: s, t });
        self.store_mem(p, 0, v, vt);
    }

    /// Loads the elem of the entry whose map and key are in `s..` into a
    /// fresh slot (mapaccess1).
    pub(super) fn map_load(&mut self, s: u32, t: u32, vt: TypeId) -> u32 {
        let p = self.f.alloc(1, true);
        self.f.emit(Op::MapAccess1 { a: p, b: s, t });
        let d = self.temp(vt);
        self.load_mem(d, p, 0, vt);
        d
    }

    /// Prepares `m[k] op= y` (and `m[k]++`) in gc's order: y is evaluated
    /// first (its slot recorded in `f.overrides`, so the update reads it
    /// from there); then, except for `/` and `%`, mapassign finds the
    /// entry and the update goes through its address. For `/` and `%` the
    /// place stays a map place: read with mapaccess1, written with
    /// mapassign after the division. Other places are returned unchanged.
    pub(super) fn map_op_assign_place(
        &mut self,
        lv: LV,
        op: Operator,
        y: Option<&Expr>,
    ) -> CResult<LV> {
        let LV::Map { s, t, vt } = lv else {
            return Ok(lv);
        };
        if let Some(y) = y {
            let y = y.unparen();
            if self.c.info.value_of(y.id).is_none() {
                let yt = self.ty(y);
                let v = self.temp(yt);
                self.expr_to(y, v)?;
                self.f.overrides.insert(y.id, (v, false));
            }
        }
        if matches!(op, Operator::Div | Operator::Rem) {
            return Ok(lv);
        }
        let p = self.f.alloc(1, true);
        self.f.emit(Op::MapAssign { a: p, b: s, t });
        Ok(LV::Mem { p, off: 0, t: vt })
    }

    /// `make(map[K]V)` and `make(map[K]V, hint)`.
    pub(super) fn make_map(&mut self, e: &Expr, args: &[Expr]) -> CResult<u32> {
        let mt = self.ty(e);
        let h = self.f.alloc(1, false);
        match args.get(1) {
            Some(a) => match self.c.info.value_of(a.unparen().id) {
                Some(v) => self.load_word(h, v.int64_val().0 as u64),
                None => self.expr_to(a, h)?,
            },
            None => self.load_word(h, 0),
        }
        let d = self.f.alloc(1, true);
        self.set_line(e.pos);
        self.emit_makemap(e, d, h, mt)?;
        Ok(d)
    }

    /// makemap of type `mt` into `d` with the hint in `h`; the variant for
    /// maps that do not escape when escape analysis says so.
    fn emit_makemap(&mut self, e: &Expr, d: u32, h: u32, mt: TypeId) -> CResult<()> {
        use crate::escape::{SiteKind, Storage};
        let t = self.type_index(mt)?;
        if self.esc.site(e.id, SiteKind::Expr) == Some(Storage::Frame) {
            self.f.emit(Op::MakeMapLocal { a: d, b: h, t });
        } else {
            self.f.emit(Op::MakeMap { a: d, b: h, t });
        }
        Ok(())
    }

    /// `delete(m, k)`.
    pub(super) fn map_delete(&mut self, e: &Expr, args: &[Expr]) -> CResult<u32> {
        let mt = self.ty(&args[0]);
        let Some((kt, _)) = self.map_types(mt) else {
            return Err(self.unsupported(e.pos, "delete"));
        };
        let s = self.map_key_window(&args[0], &args[1], kt)?;
        let t = self.type_index(mt)?;
        self.set_line(e.pos);
        self.f.emit(Op::MapDelete { a: s, t });
        Ok(0)
    }

    /// `len(m)` into a fresh slot.
    pub(super) fn map_len(&mut self, m: &Expr) -> CResult<u32> {
        let v = self.expr(m)?;
        let d = self.f.alloc(1, false);
        self.f.emit(Op::MapLen { a: d, b: v });
        Ok(d)
    }

    /// A map literal into `d`: makemap with a hint of the constant
    /// entries, which are inserted first, then the others in order.
    pub(super) fn map_literal(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return Err(self.unsupported(e.pos, "map literal"));
        };
        let elems = &lit.elems;
        let mt = self.ty(e);
        let Some((kt, vt)) = self.map_types(mt) else {
            return Err(self.unsupported(e.pos, "map literal"));
        };
        let mut entries = Vec::new();
        for el in elems {
            let ExprKind::KeyValue { key, value } = &el.kind else {
                return Err(self.unsupported(el.pos, "map literal element"));
            };
            entries.push((&**key, &**value));
        }
        let (statics, dynamics): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .partition(|(k, v)| self.is_static_lit(k) && self.is_static_lit(v));
        let h = self.f.alloc(1, false);
        self.load_word(h, statics.len() as u64);
        let t = self.type_index(mt)?;
        self.set_line(e.pos);
        self.emit_makemap(e, d, h, mt)?;
        let n = self.lay.slots(kt);
        for (k, v) in statics.into_iter().chain(dynamics) {
            let s = self.f.alloc(1 + n, true);
            self.f.emit(Op::Move { a: s, b: d });
            self.expr_to(k, s + 1)?;
            let val = self.expr(v)?;
            self.map_store(s, t, vt, val);
        }
        Ok(())
    }

    /// gc's isStaticCompositeLiteral: constants, nil, and array or struct
    /// literals made of them.
    fn is_static_lit(&self, e: &Expr) -> bool {
        let e = e.unparen();
        if self.c.info.value_of(e.id).is_some() {
            return true;
        }
        match &e.kind {
            ExprKind::Name(_) => self
                .c
                .info
                .use_of(e.id)
                .is_some_and(|o| matches!(self.c.obj(o).kind, ObjKind::Nil)),
            ExprKind::CompositeLit(lit) => {
                matches!(
                    self.c.types.get(self.lay.under(self.ty(e))),
                    Type::Array { .. } | Type::Struct(_)
                ) && lit.elems.iter().all(|el| match &el.kind {
                    ExprKind::KeyValue { value, .. } => self.is_static_lit(value),
                    _ => self.is_static_lit(el),
                })
            }
            _ => false,
        }
    }

    /// `for k, v := range m` (or `=`, or without variables): gc's
    /// `mapiterinit(t, m, &hit); for ; hit.key != nil; mapiternext(&hit)`
    /// with the hiter in frame slots. `for k := range m { delete(m, k) }`
    /// over reflexive keys is one mapclear, as gc compiles it.
    pub(super) fn range_map(
        &mut self,
        lhs: &[&Expr],
        def: bool,
        x: &Expr,
        body: &[Stmt],
        label: Option<String>,
    ) -> CResult<()> {
        let mt = self.ty(x);
        let Some((kt, vt)) = self.map_types(mt) else {
            return Err(self.unsupported(x.pos, "range"));
        };
        let t = self.type_index(mt)?;
        let m = self.f.alloc(1, true);
        self.expr_to(x, m)?;
        if def && self.is_map_clear(lhs, x, body, kt) {
            self.f.emit(Op::MapClear { a: m, t });
            return Ok(());
        }
        let it = self.alloc_hiter();
        let kv_def = if def {
            Some(self.range_vars(lhs, true)?)
        } else {
            None
        };
        self.set_line(x.pos);
        self.f.emit(Op::MapIterInit { a: it, b: m, t });
        let top = self.f.new_label();
        let test = self.f.new_label();
        let cont = self.f.new_label();
        let brk = self.f.new_label();
        self.f.jmp(test);
        self.f.place(top);
        let (k, v) = match kv_def {
            Some(kv) => kv,
            None => self.range_vars(lhs, false)?,
        };
        for (place, addr, ty) in [(k, it, kt), (v, it + 1, vt)] {
            match place {
                Some(LV::Reg(s, t)) if t == ty => self.load_mem(s, addr, 0, ty),
                Some(place) => {
                    let tmp = self.temp(ty);
                    self.load_mem(tmp, addr, 0, ty);
                    self.store_assignable(place, tmp, ty)?;
                }
                None => {}
            }
        }
        self.loop_body(label, brk, cont, body)?;
        self.f.emit(Op::MapIterNext { a: it });
        self.f.place(test);
        self.f.emit(Op::JmpIf {
            a: it,
            t: top as u32,
        });
        self.f.place(brk);
        Ok(())
    }

    /// Stores the `from` value in `v..` to a place of a type it is
    /// assignable to: converted first when the place is an interface
    /// (`var k any; for k = range m`).
    pub(super) fn store_assignable(&mut self, place: LV, v: u32, from: TypeId) -> CResult<()> {
        let to = match place {
            LV::Reg(_, t) | LV::Mem { t, .. } | LV::Idx { t, .. } => t,
            LV::Map { vt, .. } => vt,
            LV::Blank => return Ok(()),
        };
        let v = self.assign_value(v, from, to)?;
        self.store(place, v);
        Ok(())
    }

    /// Frame slots for a hiter, marked in the pointer map where it holds
    /// pointers.
    fn alloc_hiter(&mut self) -> u32 {
        use goscope_runtime::map::{HITER_PTRMASK, HITER_SIZE};
        let n = (HITER_SIZE / 8) as u32;
        let it = self.f.alloc(n, false);
        for i in 0..n {
            if HITER_PTRMASK & (1 << i) != 0 {
                self.f.ptr_slots[(it + i) as usize] = true;
            }
        }
        it
    }

    /// gc's isMapClear: `for k := range m { delete(m, k) }` with k declared
    /// by the loop, m a variable and keys equal to themselves (a NaN key
    /// cannot be deleted, so float keys keep the loop).
    fn is_map_clear(&self, lhs: &[&Expr], x: &Expr, body: &[Stmt], kt: TypeId) -> bool {
        let [k] = lhs else { return false };
        let [Stmt {
            kind: StmtKind::Expr(call),
            ..
        }] = body
        else {
            return false;
        };
        let ExprKind::Call { fun, args, .. } = &call.unparen().kind else {
            return false;
        };
        let is_delete =
            fun.as_name().is_some()
                && self.c.info.use_of(fun.id).is_some_and(|o| {
                    matches!(self.c.obj(o).kind, ObjKind::Builtin(BuiltinId::Delete))
                });
        let (x, k) = (x.unparen(), k.unparen());
        let same_var = |a: &Expr, def_of: bool, b: &Expr| {
            let a = a.unparen();
            let oa = if def_of {
                self.c.info.def_of(a.id).flatten()
            } else {
                self.c.info.use_of(a.id)
            };
            a.as_name().is_some()
                && b.unparen().as_name().is_some()
                && oa.is_some()
                && oa == self.c.info.use_of(b.unparen().id)
        };
        is_delete
            && args.len() == 2
            && same_var(x, false, &args[0])
            && same_var(k, true, &args[1])
            && self
                .c
                .info
                .use_of(x.id)
                .is_some_and(|o| matches!(self.c.obj(o).kind, ObjKind::Var { .. }))
            && self.is_reflexive(kt)
    }

    /// gc's types.IsReflexive: whether `k == k` for every value of the
    /// type (not for floats, complexes and interfaces, which may hold NaN).
    fn is_reflexive(&self, t: TypeId) -> bool {
        use super::layout::K;
        match self.lay.kind(t) {
            K::F32 | K::F64 | K::C64 | K::C128 | K::Iface => false,
            K::Agg => match self.c.types.get(self.lay.under(t)).clone() {
                Type::Array { elem, .. } => self.is_reflexive(elem),
                Type::Struct(st) => st
                    .fields
                    .iter()
                    .all(|f| self.is_reflexive(self.c.obj_type(*f))),
                _ => false,
            },
            _ => true,
        }
    }
}
