//! Composite literals of arrays, structs and slices (maps: maps.rs),
//! built in the frame or written straight into zeroed memory.

use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::ty::{Type, TypeId};
use goscope_runtime::vm::Op;

impl<'c, 'a> Compiler<'c, 'a> {
    /// Composite literals of arrays, structs and slices.
    pub(super) fn composite(&mut self, e: &Expr, d: u32) -> CResult<()> {
        let t = self.ty(e);
        self.composite_of(e, t, d)
    }

    /// A composite literal of type `t` into `d..`; `t` is a pointer type
    /// for an element literal with `&T` elided (`[]*T{{1, 2}}`).
    fn composite_of(&mut self, e: &Expr, t: TypeId, d: u32) -> CResult<()> {
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return Err(self.unsupported(e.pos, "literal"));
        };
        let elems = &lit.elems;
        let u = self.lay.under(t);
        match self.c.types.get(u).clone() {
            Type::Pointer(base) => {
                let p = self.new_cell(base);
                if !self.composite_into_zeroed(e, base, p)? {
                    let v = self.temp(base);
                    self.composite_of(e, base, v)?;
                    self.store_mem(p, 0, v, base);
                }
                self.f.emit(Op::Move { a: d, b: p });
                Ok(())
            }
            Type::Struct(_) | Type::Array { .. } if self.lay.size(t) == 0 => {
                // Nothing to store (and no slot to take the address of):
                // only the elements' effects.
                for el in elems {
                    let v = match &el.kind {
                        ExprKind::KeyValue { value, .. } => &**value,
                        _ => el,
                    };
                    self.expr(v)?;
                }
                Ok(())
            }
            Type::Struct(st) => {
                let n = self.lay.slots(t);
                if n > 0 {
                    self.f.emit(Op::Zero { a: d, n });
                }
                let p = self.f.alloc(1, true);
                self.f.emit(Op::FrameAddr { a: p, b: d });
                self.fill_fields(elems, t, &st, p)
            }
            Type::Array { elem, .. } => {
                let n = self.lay.slots(t);
                if n > 0 {
                    self.f.emit(Op::Zero { a: d, n });
                }
                let p = self.f.alloc(1, true);
                self.f.emit(Op::FrameAddr { a: p, b: d });
                self.fill_elems(e, elems, elem, p)
            }
            Type::Slice(elem) => {
                let len = self.literal_len(elems)?;
                let k = self.type_konst(elem);
                let lc = self.f.alloc(2, false);
                self.load_word(lc, len);
                self.load_word(lc + 1, len);
                self.f.emit(Op::MakeSlice { a: d, b: lc, k });
                let p = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: p, b: d });
                self.fill_elems(e, elems, elem, p)
            }
            Type::Map { .. } => self.map_literal(e, d),
            _ => Err(self.unsupported(e.pos, "this literal")),
        }
    }

    /// Writes the struct or array literal `e` of type `t` straight into
    /// the zeroed memory at R[p] (a fresh heap cell, or a global before
    /// package initialization) instead of building it in the frame and
    /// copying, as gc's fixed-address initialization does: a 100 MB
    /// global array needs no 100 MB frame. False, with nothing emitted,
    /// for any other expression or type.
    pub(super) fn composite_into_zeroed(&mut self, e: &Expr, t: TypeId, p: u32) -> CResult<bool> {
        let e = e.unparen();
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return Ok(false);
        };
        if self.ty(e) != t || self.lay.size(t) == 0 {
            return Ok(false);
        }
        match self.c.types.get(self.lay.under(t)).clone() {
            Type::Struct(st) => self.fill_fields(&lit.elems, t, &st, p)?,
            Type::Array { elem, .. } => self.fill_elems(e, &lit.elems, elem, p)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Stores the fields of a struct literal of type `t` through R[p]
    /// (memory already zeroed: omitted fields stay zero).
    fn fill_fields(
        &mut self,
        elems: &[Expr],
        t: TypeId,
        st: &crate::types::ty::StructType,
        p: u32,
    ) -> CResult<()> {
        let offs = self.lay.offsets(t);
        for (i, el) in elems.iter().enumerate() {
            let (fi, v) = match &el.kind {
                ExprKind::KeyValue { key, value } => {
                    let name = key
                        .as_name()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default();
                    let fi = st
                        .fields
                        .iter()
                        .position(|f| self.c.obj(*f).name.as_str() == name)
                        .unwrap_or(0);
                    (fi, &**value)
                }
                _ => (i, el),
            };
            let ft = self.obj_type(st.fields[fi]);
            let val = self.expr(v)?;
            // A blank field keeps its zero value (gc evaluates the
            // element and drops it).
            if self.c.obj(st.fields[fi]).name.as_str() != "_" {
                self.store_mem(p, offs[fi] as u32, val, ft);
            }
        }
        Ok(())
    }

    fn literal_len(&self, elems: &[Expr]) -> CResult<u64> {
        let mut i = 0u64;
        let mut max = 0u64;
        for el in elems {
            if let ExprKind::KeyValue { key, .. } = &el.kind {
                i = self
                    .c
                    .info
                    .value_of(key.id)
                    .map(|v| v.int64_val().0 as u64)
                    .unwrap_or(i);
            }
            i += 1;
            max = max.max(i);
        }
        Ok(max)
    }

    fn fill_elems(&mut self, _e: &Expr, elems: &[Expr], elem: TypeId, p: u32) -> CResult<()> {
        let esize = self.lay.size(elem) as u64;
        let mut i = 0u64;
        for el in elems {
            let v = match &el.kind {
                ExprKind::KeyValue { key, value } => {
                    i = self
                        .c
                        .info
                        .value_of(key.id)
                        .map(|v| v.int64_val().0 as u64)
                        .unwrap_or(i);
                    &**value
                }
                _ => el,
            };
            let val = self.expr(v)?;
            self.store_at(p, i * esize, val, elem);
            i += 1;
        }
        Ok(())
    }

    /// Stores the value of type `t` in `v..` at R[p]+off, for offsets
    /// beyond an op's 32-bit immediate too (elements of huge arrays).
    fn store_at(&mut self, p: u32, off: u64, v: u32, t: TypeId) {
        match u32::try_from(off) {
            Ok(off) => self.store_mem(p, off, v, t),
            Err(_) => {
                let q = self.f.alloc(1, true);
                self.load_word(q, off);
                self.f.emit(Op::AddI { a: q, b: q, c: p });
                self.store_mem(q, 0, v, t);
            }
        }
    }
}
