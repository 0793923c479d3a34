//! `for ... range` over slices, arrays, strings and pointers to arrays
//! (maps: maps.rs).

use goscope_runtime::vm::Op;

use super::expr::LV;
use super::func::Loc;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, Stmt};

impl<'c, 'a> Compiler<'c, 'a> {
    /// `for k, v := range x` over slices, arrays, strings (and integers
    /// never: Go 1.19 has no range over int).
    pub(super) fn range(
        &mut self,
        lhs: Option<&Expr>,
        def: bool,
        x: &Expr,
        body: &[Stmt],
        label: Option<String>,
    ) -> CResult<()> {
        use crate::types::ty::Type;
        let xt = self.ty(x);
        let u = self.lay.under(xt);
        let lhs: Vec<&Expr> = lhs
            .map(|l| l.unpack_list().iter().collect())
            .unwrap_or_default();
        if self.map_types(xt).is_some() {
            return self.range_map(&lhs, def, x, body, label);
        }
        // hdr: ptr, len (and cap) of the ranged value, evaluated once.
        let hdr = self.f.alloc(3, true);
        // direct: hdr is {ptr, len} of the elements, ptr non-nil when len
        // is not 0 (a slice, or an array copy's address).
        let (elem, is_str, direct) = match self.c.types.get(u).clone() {
            Type::Slice(elem) => {
                self.expr_to(x, hdr)?;
                (Some(elem), false, true)
            }
            Type::Basic { .. } => {
                self.expr_to(x, hdr)?;
                (None, true, false)
            }
            Type::Array { len, elem } => {
                if lhs.len() >= 2 {
                    // Range over a copy of the array.
                    let v = self.expr_copy_pub(x)?;
                    self.f.emit(Op::FrameAddr { a: hdr, b: v });
                } else {
                    self.f.emit(Op::LoadI { a: hdr, i: 0 });
                }
                self.load_word(hdr + 1, len as u64);
                (Some(elem), false, lhs.len() >= 2)
            }
            Type::Pointer(base) => {
                let Type::Array { len, elem } = self.c.types.get(self.lay.under(base)).clone()
                else {
                    return Err(self.unsupported(x.pos, "range"));
                };
                self.expr_to(x, hdr)?;
                self.load_word(hdr + 1, len as u64);
                (Some(elem), false, false)
            }
            _ => return Err(self.unsupported(x.pos, "range over maps and channels")),
        };
        let idx = self.f.alloc(1, false);
        let next = self.f.alloc(2, false); // rune, next index (strings)
        self.f.emit(Op::LoadI { a: idx, i: 0 });
        // Loop variables: one per loop (Go 1.19 semantics).
        // Declared variables exist once per loop (Go 1.19); assigned places
        // (`for a[f()] = range x`) are evaluated on every iteration.
        let kv_def = if def {
            Some(self.range_vars(&lhs, true)?)
        } else {
            None
        };
        let top = self.f.new_label();
        let test = self.f.new_label();
        let cont = self.f.new_label();
        let brk = self.f.new_label();
        self.f.jmp(test);
        self.f.place(top);
        if is_str {
            self.f.emit(Op::DecodeRune {
                a: next,
                b: hdr,
                c: idx,
            });
        }
        let kv = match kv_def {
            Some(kv) => kv,
            None => self.range_vars(&lhs, false)?,
        };
        if let Some(k) = kv.0 {
            self.store(k, idx);
        }
        if let Some(v) = kv.1 {
            if is_str {
                self.store(v, next);
            } else if let Some((elem, acc)) = elem
                .filter(|_| direct)
                .and_then(|e| Some((e, super::fused::access(self.lay.kind(e))?)))
            {
                // One load straight into the variable: hdr is a non-nil
                // {ptr, len} and idx < len.
                match v {
                    LV::Reg(s, _) => self.f.emit((acc.load_idx)(s, hdr, idx)),
                    _ => {
                        let val = self.temp(elem);
                        self.f.emit((acc.load_idx)(val, hdr, idx));
                        self.store(v, val);
                    }
                }
            } else if let Some(elem) = elem {
                let esize = self.lay.size(elem) as u32;
                let p = self.f.alloc(1, true);
                self.f.emit(Op::Move { a: p, b: hdr });
                self.f.emit(Op::IndexAddr {
                    a: p,
                    b: idx,
                    n: esize,
                });
                match v {
                    LV::Reg(s, _) => self.load_mem(s, p, 0, elem),
                    _ => {
                        let val = self.temp(elem);
                        self.load_mem(val, p, 0, elem);
                        self.store(v, val);
                    }
                }
            }
        }
        self.loop_body(label, brk, cont, body)?;
        if is_str {
            self.f.emit(Op::Move {
                a: idx,
                b: next + 1,
            });
        } else {
            self.f.emit(Op::AddIK {
                a: idx,
                b: idx,
                i: 1,
            });
        }
        self.f.place(test);
        self.f.emit(Op::JLtS {
            a: idx,
            b: hdr + 1,
            t: top as u32,
        });
        self.f.place(brk);
        Ok(())
    }

    /// The places the key and value of a range loop go.
    pub(super) fn range_vars(
        &mut self,
        lhs: &[&Expr],
        def: bool,
    ) -> CResult<(Option<LV>, Option<LV>)> {
        let mut out = [None, None];
        for (i, l) in lhs.iter().enumerate().take(2) {
            if l.as_name().is_some_and(|n| n.as_str() == "_") {
                continue;
            }
            if def {
                if let Some(Some(o)) = self.c.info.def_of(l.id) {
                    let t = self.obj_type(o);
                    if self.needs_cell(o) {
                        let p = self.new_cell(t);
                        self.f.vars.insert(o, Loc::Ind(p));
                        out[i] = Some(LV::Mem { p, off: 0, t });
                    } else {
                        let s = self.temp(t);
                        self.f.vars.insert(o, Loc::Reg(s));
                        out[i] = Some(LV::Reg(s, t));
                    }
                }
            } else {
                out[i] = Some(self.lvalue(l)?);
            }
        }
        let [a, b] = out;
        Ok((a, b))
    }
}
