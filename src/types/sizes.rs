//! Sizes, alignments and field offsets of types exactly as gc lays them
//! out on linux/amd64 (types2's sizes.go with the `gcSizes` that gc's
//! noder installs, cmd/compile/internal/noder/sizes.go).
//!
//! These numbers are the values of `unsafe.Sizeof`, `unsafe.Alignof` and
//! `unsafe.Offsetof` constants, the precision of `^x` for unsigned x, and
//! (per DESIGN.md) the layout the VM gives values in memory. They differ
//! from go/types' StdSizes in two places, both marked "gc:" below:
//!
//! - an array's size is `n * sizeof(elem)` (the element size already
//!   includes its trailing padding), and a struct's size is rounded up to
//!   its alignment;
//! - the last field of a non-empty struct may not have size 0: it counts as
//!   1 byte, so that a pointer to it never points past the struct
//!   (`struct{a int64; b struct{}}` is 16 bytes, not 8).
//!
//! Worked example: `struct{a int8; b int64; c int8}` has offsets 0, 8, 16,
//! alignment 8 and size rnd(17, 8) = 24.
//!
//! Invariant: sizes are computed with Go's int64 arithmetic (wrapping), as
//! gc's types2 does; absurd types (`[1<<62]int64`) give wrapped numbers, not
//! a Rust overflow panic. Recursion through invalid cyclic types is cut off
//! by a depth bound (valid Go types are finite and far shallower).

use std::collections::HashMap;

use super::basic::BasicKind;
use super::check::Checker;
use super::object::ObjId;
use super::ty::{Type, TypeId};

/// gc's pointer and register size on amd64 (types.PtrSize, types.RegSize).
pub const PTR_SIZE: i64 = 8;
pub const REG_SIZE: i64 = 8;

/// Deeper than any finite type a program can write; only an (already
/// reported) invalid cycle gets here.
const MAX_DEPTH: u32 = 10_000;

/// Sizes of the basic kinds with a fixed size (gc's basicSizes); 0 when
/// the size depends on the word size or the kind has no size.
fn basic_size(k: BasicKind) -> i64 {
    use BasicKind::*;
    match k {
        Invalid | Bool | Int8 | Uint8 => 1,
        Int16 | Uint16 => 2,
        Int32 | Uint32 | Float32 => 4,
        Int64 | Uint64 | Float64 | Complex64 => 8,
        Complex128 => 16,
        String => 2 * PTR_SIZE,
        Int | Uint | Uintptr | UnsafePointer => PTR_SIZE,
        // Untyped kinds never reach a size computation in valid code (the
        // argument of unsafe.Sizeof is converted to its default type);
        // a word is a harmless answer.
        _ => PTR_SIZE,
    }
}

/// types.Rnd: the smallest multiple of `a` that is >= `o` (`a` a power of
/// two >= 1, as every alignment is).
pub fn rnd(o: i64, a: i64) -> i64 {
    if a <= 1 {
        return o;
    }
    o.wrapping_add(a - 1) & !(a - 1)
}

/// Sizes (`false`) and alignments (`true`) found during one query.
type Memo = HashMap<(TypeId, bool), i64>;

impl<'a> Checker<'a> {
    /// The alignment of a variable of type t (unsafe.Alignof).
    pub fn alignof(&mut self, t: TypeId) -> i64 {
        self.alignof_depth(t, 0, &mut Memo::new())
    }

    /// The size of a variable of type t (unsafe.Sizeof).
    pub fn sizeof(&mut self, t: TypeId) -> i64 {
        self.sizeof_depth(t, 0, &mut Memo::new())
    }

    /// The offsets of a struct's fields, in order (gc's Offsetsof).
    pub fn offsetsof(&mut self, fields: &[ObjId]) -> Vec<i64> {
        self.offsetsof_depth(fields, 0, &mut Memo::new())
    }

    /// The offset of the field reached from `typ` through the embedded
    /// fields of `index` (types2's Config.offsetof). Every step must be a
    /// struct, not a pointer to one; unsafe.Offsetof has checked that.
    pub fn offsetof(&mut self, mut typ: TypeId, index: &[usize]) -> i64 {
        let mut o: i64 = 0;
        for &i in index {
            let u = self.under(typ);
            let Some(fields) = self.types.struct_type(u).map(|s| s.fields.clone()) else {
                return o;
            };
            let offsets = self.offsetsof(&fields);
            let (Some(&off), Some(&f)) = (offsets.get(i), fields.get(i)) else {
                return o;
            };
            o = o.wrapping_add(off);
            typ = self.obj_type(f);
        }
        o
    }

    /// Memoized within one query: a struct's size needs its fields'
    /// sizes and alignments more than once each, so without the memo
    /// nested structs (`type T1 struct{ a, b T0 }; type T2 struct{ a, b
    /// T1 }; ...`) took time exponential in the depth.
    fn alignof_depth(&mut self, t: TypeId, depth: u32, memo: &mut Memo) -> i64 {
        if let Some(&a) = memo.get(&(t, true)) {
            return a;
        }
        let a = self.alignof_uncached(t, depth, memo);
        memo.insert((t, true), a);
        a
    }

    fn alignof_uncached(&mut self, t: TypeId, depth: u32, memo: &mut Memo) -> i64 {
        if depth > MAX_DEPTH {
            return 1;
        }
        let u = self.under(t);
        match self.types.get(u) {
            // spec: "For a variable x of array type: unsafe.Alignof(x) is
            // the same as unsafe.Alignof(x[0]), but at least 1."
            Type::Array { elem, .. } => {
                let elem = *elem;
                return self.alignof_depth(elem, depth + 1, memo);
            }
            Type::Struct(st) => {
                let fields = st.fields.clone();
                if fields.is_empty() && self.is_sync_atomic_align64(t) {
                    // sync/atomic.align64 is an empty struct that tells gc
                    // the struct containing it must be 64-bit aligned.
                    return 8;
                }
                // spec: "For a variable x of struct type: unsafe.Alignof(x)
                // is the largest of the values unsafe.Alignof(x.f) for each
                // field f of x, but at least 1."
                let mut max = 1;
                for f in fields {
                    let ft = self.obj_type(f);
                    max = max.max(self.alignof_depth(ft, depth + 1, memo));
                }
                return max;
            }
            // Multiword data structures are effectively structs whose
            // elements are PtrSize each; strings are like them.
            Type::Slice(_) | Type::Interface(_) => return PTR_SIZE,
            Type::Basic { kind, .. } if kind.is_string() => return PTR_SIZE,
            _ => {}
        }
        let mut a = self.sizeof_depth(t, depth + 1, memo);
        // spec: "For a variable x of any type: unsafe.Alignof(x) is at
        // least 1."
        if a < 1 {
            return 1;
        }
        // complex{64,128} are aligned like [2]float{32,64}.
        if self.is_complex(t) {
            a /= 2;
        }
        a.min(REG_SIZE)
    }

    fn offsetsof_depth(&mut self, fields: &[ObjId], depth: u32, memo: &mut Memo) -> Vec<i64> {
        let mut offsets = Vec::with_capacity(fields.len());
        let mut o: i64 = 0;
        for &f in fields {
            let ft = self.obj_type(f);
            let a = self.alignof_depth(ft, depth + 1, memo);
            o = rnd(o, a);
            offsets.push(o);
            o = o.wrapping_add(self.sizeof_depth(ft, depth + 1, memo));
        }
        offsets
    }

    fn sizeof_depth(&mut self, t: TypeId, depth: u32, memo: &mut Memo) -> i64 {
        if let Some(&n) = memo.get(&(t, false)) {
            return n;
        }
        let n = self.sizeof_uncached(t, depth, memo);
        memo.insert((t, false), n);
        n
    }

    fn sizeof_uncached(&mut self, t: TypeId, depth: u32, memo: &mut Memo) -> i64 {
        if depth > MAX_DEPTH {
            return 0;
        }
        let u = self.under(t);
        match self.types.get(u) {
            Type::Basic { kind, .. } => basic_size(*kind),
            Type::Array { len, elem } => {
                let (n, elem) = (*len, *elem);
                if n <= 0 {
                    return 0;
                }
                // gc: the element size includes its alignment padding.
                self.sizeof_depth(elem, depth + 1, memo).wrapping_mul(n)
            }
            Type::Slice(_) => 3 * PTR_SIZE,
            Type::Struct(st) => {
                let fields = st.fields.clone();
                let Some(&lastf) = fields.last() else {
                    return 0;
                };
                let offsets = self.offsetsof_depth(&fields, depth + 1, memo);
                let last_off = offsets.last().copied().unwrap_or(0);
                // gc: the last field of a non-zero-sized struct is not
                // allowed to have size 0.
                let lt = self.obj_type(lastf);
                let mut last = self.sizeof_depth(lt, depth + 1, memo);
                if last == 0 && last_off > 0 {
                    last = 1;
                }
                // gc: the size includes alignment padding.
                let a = self.alignof_depth(t, depth + 1, memo);
                rnd(last_off.wrapping_add(last), a)
            }
            Type::Interface(_) => 2 * PTR_SIZE,
            _ => PTR_SIZE,
        }
    }

    /// Whether t is sync/atomic's (or runtime/internal/atomic's) align64
    /// marker type (types2's IsSyncAtomicAlign64).
    fn is_sync_atomic_align64(&self, t: TypeId) -> bool {
        let Some(n) = self.types.named(t) else {
            return false;
        };
        let obj = self.obj(n.obj);
        obj.name.as_str() == "align64"
            && obj.pkg.is_some_and(|p| {
                let path = self.package(p).path.as_str();
                path == "sync/atomic" || path == "runtime/internal/atomic"
            })
    }
}
