//! Calls of the builtins (len, cap, append, copy, make, new, delete,
//! complex/real/imag, panic/print, unsafe.*): each compiled inline as
//! gc's walk does, append with gc's growslice.

use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::Expr;
use crate::types::builtins::BuiltinId;
use crate::types::ty::{Type, TypeId};
use goscope_runtime::vm::Op;

impl<'c, 'a> Compiler<'c, 'a> {
    pub(super) fn builtin(
        &mut self,
        e: &Expr,
        b: BuiltinId,
        args: &[Expr],
        dots: bool,
    ) -> CResult<u32> {
        self.set_line(e.pos);
        match b {
            BuiltinId::Print | BuiltinId::Println => {
                let ln = b == BuiltinId::Println;
                let mut vals = Vec::new();
                for a in args {
                    let t = self.ty(a);
                    let v = self.expr(a)?;
                    if self.c.types.is_tuple(t) {
                        // print(f()) of a multi-value call: each result.
                        let mut at = v;
                        for r in self.c.types.tuple_vars(t).to_vec() {
                            let rt = self.obj_type(r);
                            vals.push((at, self.lay.kind(rt)));
                            at += self.lay.slots(rt);
                        }
                        continue;
                    }
                    vals.push((v, self.lay.kind(t)));
                }
                for (i, (v, k)) in vals.into_iter().enumerate() {
                    if ln && i > 0 {
                        self.f.emit(Op::PrintSp {});
                    }
                    let op = match k {
                        K::Bool => Op::PrintBool { a: v },
                        K::Int { signed: true, .. } => Op::PrintInt { a: v },
                        K::Int { signed: false, .. } => Op::PrintUint { a: v },
                        K::F64 => Op::PrintFloat { a: v },
                        K::F32 => {
                            let d = self.f.alloc(1, false);
                            self.f.emit(Op::CvtF322F { a: d, b: v });
                            Op::PrintFloat { a: d }
                        }
                        K::C128 => Op::PrintComplex { a: v },
                        K::C64 => {
                            let d = self.f.alloc(2, false);
                            self.f.emit(Op::C64To128 { a: d, b: v });
                            Op::PrintComplex { a: d }
                        }
                        K::Str => Op::PrintString { a: v },
                        K::Ptr => Op::PrintPointer { a: v },
                        K::Slice => Op::PrintSlice { a: v },
                        K::Iface => Op::PrintEface { a: v },
                        _ => return Err(self.unsupported(e.pos, "print of this type")),
                    };
                    self.f.emit(op);
                }
                if ln {
                    self.f.emit(Op::PrintNl {});
                }
                Ok(0)
            }
            BuiltinId::Len | BuiltinId::Cap => {
                let t = self.ty(&args[0]);
                let d = self.f.alloc(1, false);
                match self.c.types.get(self.lay.under(t)).clone() {
                    Type::Array { len, .. } => self.load_word(d, len as u64),
                    Type::Pointer(base) => {
                        let Type::Array { len, .. } =
                            self.c.types.get(self.lay.under(base)).clone()
                        else {
                            return Err(self.unsupported(e.pos, "len"));
                        };
                        self.load_word(d, len as u64)
                    }
                    Type::Slice(_) | Type::Basic { .. } => {
                        let v = self.expr(&args[0])?;
                        let w = if b == BuiltinId::Len { 1 } else { 2 };
                        self.f.emit(Op::Move { a: d, b: v + w });
                    }
                    Type::Map { .. } => return self.map_len(&args[0]),
                    _ => return Err(self.unsupported(e.pos, "len of channels")),
                }
                Ok(d)
            }
            BuiltinId::Panic => {
                let ef = self.convt_eface(&args[0])?;
                self.set_line(e.pos);
                self.f.emit(Op::Gopanic { a: ef });
                Ok(0)
            }
            BuiltinId::Recover => {
                let d = self.f.alloc(2, true);
                self.f.emit(Op::Recover { a: d });
                Ok(d)
            }
            BuiltinId::New => {
                let t = self.ty(e);
                let elem = self.c.types.pointer_base(self.lay.under(t)).unwrap_or(t);
                Ok(self.new_cell(elem))
            }
            BuiltinId::Make => {
                let t = self.ty(e);
                if self.map_types(t).is_some() {
                    return self.make_map(e, args);
                }
                let Type::Slice(elem) = self.c.types.get(self.lay.under(t)).clone() else {
                    return Err(self.unsupported(e.pos, "make of maps and channels"));
                };
                let lc = self.f.alloc(2, false);
                self.expr_to(&args[1], lc)?;
                if args.len() > 2 {
                    self.expr_to(&args[2], lc + 1)?;
                } else {
                    self.f.emit(Op::Move { a: lc + 1, b: lc });
                }
                let k = self.type_konst(elem);
                let d = self.f.alloc(3, true);
                self.set_line(e.pos);
                self.f.emit(Op::MakeSlice { a: d, b: lc, k });
                Ok(d)
            }
            BuiltinId::Append => self.append(e, args, dots),
            BuiltinId::Delete => self.map_delete(e, args),
            BuiltinId::Copy => {
                let t = self.ty(&args[0]);
                let Type::Slice(elem) = self.c.types.get(self.lay.under(t)).clone() else {
                    return Err(self.unsupported(e.pos, "copy"));
                };
                let two = self.f.alloc(6, true);
                self.expr_to(&args[0], two)?;
                // A string source has no cap word; SliceCopy reads only len.
                self.expr_to(&args[1], two + 3)?;
                let d = self.f.alloc(1, false);
                let n = self.lay.size(elem) as u32;
                self.f.emit(Op::SliceCopy { a: d, b: two, n });
                Ok(d)
            }
            BuiltinId::Add => {
                // unsafe.Add(ptr, len): unchecked pointer arithmetic.
                let p = self.expr(&args[0])?;
                let n = self.expr(&args[1])?;
                let d = self.f.alloc(1, true);
                self.f.emit(Op::AddI { a: d, b: p, c: n });
                Ok(d)
            }
            BuiltinId::Slice => self.unsafe_slice(e, args),
            BuiltinId::Complex => {
                let t = self.ty(e);
                // complex(f()) with f returning two floats.
                let (re, im) = if let [pair] = args {
                    let r = self.call(pair)?;
                    (r, r + 1)
                } else {
                    (self.expr(&args[0])?, self.expr(&args[1])?)
                };
                if self.lay.kind(t) == K::C64 {
                    let d = self.f.alloc(1, false);
                    self.f.emit(Op::C64Make { a: d, b: re, c: im });
                    Ok(d)
                } else {
                    let d = self.f.alloc(2, false);
                    self.mov(d, re, 1);
                    self.mov(d + 1, im, 1);
                    Ok(d)
                }
            }
            BuiltinId::Real | BuiltinId::Imag => {
                let part = u32::from(b == BuiltinId::Imag);
                let x = self.expr(&args[0])?;
                let d = self.f.alloc(1, false);
                if self.lay.kind(self.ty(&args[0])) == K::C64 {
                    self.f.emit(Op::C64Part {
                        a: d,
                        b: x,
                        i: part,
                    });
                } else {
                    self.mov(d, x + part, 1);
                }
                Ok(d)
            }
            _ => Err(self.unsupported(e.pos, "this builtin")),
        }
    }

    /// unsafe.Slice(ptr, len): the slice {ptr, len, len}, with gc's checks
    /// (runtime/unsafe.go unsafeslice).
    fn unsafe_slice(&mut self, e: &Expr, args: &[Expr]) -> CResult<u32> {
        let d = self.f.alloc(3, true);
        self.expr_to(&args[0], d)?;
        let n = self.expr(&args[1])?;
        self.mov(d + 1, n, 1);
        self.mov(d + 2, n, 1);
        self.set_line(e.pos);
        let elem = self
            .c
            .types
            .pointer_base(self.lay.under(self.ty(&args[0])))
            .unwrap_or(TypeId::INVALID);
        let size = self.lay.size(elem) as u64;
        let len_err = self.panic_konst("unsafe.Slice: len out of range");
        let nil_err = self.panic_konst("unsafe.Slice: ptr is nil and len is not zero");
        let ok_len = self.f.new_label();
        self.f.emit(Op::JGeSK {
            a: n,
            i: 0,
            t: ok_len as u32,
        });
        self.f.emit(Op::PanicMsg { k: len_err });
        self.f.place(ok_len);
        let ok = self.f.new_label();
        if size > 0 {
            // gc: len*size must not overflow nor exceed -ptr (the memory
            // up to the end of the address space), so n <= (-ptr)/size.
            let lim = self.f.alloc(1, false);
            self.f.emit(Op::NegI { a: lim, b: d });
            let sz = self.f.alloc(1, false);
            self.load_word(sz, size);
            self.f.emit(Op::DivU {
                a: lim,
                b: lim,
                c: sz,
            });
            self.f.emit(Op::JLeU {
                a: n,
                b: lim,
                t: ok as u32,
            });
            let bad_len = self.f.new_label();
            self.f.emit(Op::JmpIf {
                a: d,
                t: bad_len as u32,
            });
            self.f.emit(Op::PanicMsg { k: nil_err });
            self.f.place(bad_len);
            self.f.emit(Op::PanicMsg { k: len_err });
        }
        self.f.place(ok);
        Ok(d)
    }

    /// The constant naming runtime error text `msg` for `PanicMsg`.
    fn panic_konst(&mut self, msg: &str) -> u32 {
        let i = self.prog.strings.len() as u64;
        self.prog.strings.push(msg.to_string());
        self.konst(i)
    }

    /// append(s, x...) / append(s, xs...).
    fn append(&mut self, e: &Expr, args: &[Expr], dots: bool) -> CResult<u32> {
        let t = self.ty(e);
        let Type::Slice(elem) = self.c.types.get(self.lay.under(t)).clone() else {
            return Err(self.unsupported(e.pos, "append"));
        };
        let esize = self.lay.size(elem) as u32;
        let k = self.type_konst(elem);
        let s = self.f.alloc(3, true);
        // append(f()) with f returning the slice and the elements.
        let mut tuple_vals = None;
        if let [g] = args {
            if let Type::Tuple(rs) = self.c.types.get(self.ty(g)).clone() {
                let ptypes: Vec<TypeId> = std::iter::once(t)
                    .chain(std::iter::repeat_n(elem, rs.len().saturating_sub(1)))
                    .collect();
                let mut vals = self.multi_args(g, &ptypes, false)?;
                if vals.is_empty() {
                    return Err(self.unsupported(e.pos, "append"));
                }
                let first = vals.remove(0);
                self.mov(s, first, 3);
                tuple_vals = Some(vals);
            }
        }
        if tuple_vals.is_none() {
            self.expr_to(&args[0], s)?;
        }
        if dots {
            // append(s, t...): t a slice or a string.
            let src = self.f.alloc(3, true);
            self.expr_to(&args[1], src)?;
            if self.lay.kind(self.ty(&args[1])) == K::Str {
                self.f.emit(Op::Move {
                    a: src + 2,
                    b: src + 1,
                });
            }
            let oldlen = self.f.alloc(1, false);
            self.f.emit(Op::Move {
                a: oldlen,
                b: s + 1,
            });
            let newlen = self.f.alloc(1, false);
            self.f.emit(Op::AddI {
                a: newlen,
                b: s + 1,
                c: src + 1,
            });
            self.f.emit(Op::GrowSlice { a: s, b: newlen, k });
            // copy(s[oldlen:], src)
            let two = self.f.alloc(6, true);
            self.f.emit(Op::Move { a: two, b: s });
            self.f.emit(Op::IndexAddr {
                a: two,
                b: oldlen,
                n: esize,
            });
            self.f.emit(Op::Move {
                a: two + 1,
                b: src + 1,
            });
            self.f.emit(Op::MoveN {
                a: two + 3,
                b: src,
                n: 3,
            });
            let d = self.f.alloc(1, false);
            self.f.emit(Op::SliceCopy {
                a: d,
                b: two,
                n: esize,
            });
            return Ok(s);
        }
        let vals = match tuple_vals {
            Some(vals) => vals,
            None => {
                let mut vals = Vec::new();
                for a in &args[1..] {
                    vals.push(self.expr_copy_pub(a)?);
                }
                vals
            }
        };
        let n = vals.len() as u32;
        if n == 0 {
            return Ok(s);
        }
        let oldlen = self.f.alloc(1, false);
        self.f.emit(Op::Move {
            a: oldlen,
            b: s + 1,
        });
        let newlen = self.f.alloc(1, false);
        self.f.emit(Op::AddIK {
            a: newlen,
            b: s + 1,
            i: n,
        });
        self.set_line(e.pos);
        self.f.emit(Op::GrowSlice { a: s, b: newlen, k });
        let p = self.f.alloc(1, true);
        for (i, v) in vals.into_iter().enumerate() {
            self.f.emit(Op::Move { a: p, b: s });
            self.f.emit(Op::IndexAddr {
                a: p,
                b: oldlen,
                n: esize,
            });
            self.store_mem(p, i as u32 * esize, v, elem);
        }
        Ok(s)
    }
}
