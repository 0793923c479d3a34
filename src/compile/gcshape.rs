//! What the collector needs to know of the compiler's allocations and
//! globals: the `_type` every allocating op names (`Newobject`,
//! `MakeSlice`, `GrowSlice`), and the globals area's pointer map.
//!
//! A Go type's allocation type is its descriptor (typedesc.rs), whose
//! `gcdata` tells mallocgc which words hold pointers. A funcval is a block
//! the compiler lays out itself (`{fn, captured...}`), so it gets a *shape*:
//! an anonymous descriptor with only a size and a pointer mask, one per
//! distinct (size, mask), never seen by the program. Where a type's
//! descriptor cannot be built yet (rtype refuses recursive types), the
//! allocation gets a conservative shape with every word a pointer when the
//! type has pointers at all: the collector then keeps whatever those words
//! point to, which may retain garbage but never frees live data (noscan
//! memory holding pointers would).
//!
//! Example: `func() { x++ }` capturing `x` by reference is a 16-byte
//! funcval `{fn, &x}`: its shape has mask `0b10`.

use goscope_runtime::types::{Kind, Type, TypeExtra};

use super::Compiler;
use crate::types::ty::TypeId;

impl<'c, 'a> Compiler<'c, 'a> {
    /// The constant an allocating op names for values of type `t`: the
    /// index of its descriptor in `Program::types` (a conservative shape
    /// when no descriptor can be built; see the module docs).
    pub(super) fn type_konst(&mut self, t: TypeId) -> u32 {
        let idx = match self.type_index(t) {
            Ok(i) => i,
            Err(_) => {
                let mask = self.ptr_words(t);
                let size = self.lay.size(t) as usize;
                self.shape_index(size, &mask)
            }
        };
        self.konst(idx as u64)
    }

    /// Which words of a value of type `t` may hold pointers: from its
    /// descriptor's gcdata, or all of them when it has pointers and no
    /// descriptor can be built.
    pub(super) fn ptr_words(&mut self, t: TypeId) -> Vec<bool> {
        let words = (self.lay.size(t) as usize).div_ceil(8);
        match self.rtype(t) {
            Ok(d) => (0..words).map(|i| d.word_is_pointer(i)).collect(),
            Err(_) => vec![self.lay.has_pointers(t); words],
        }
    }

    /// The constant naming the shape of a funcval of `size` bytes whose
    /// captures start at the given byte offsets: `None` for a variable
    /// captured by reference (a pointer to its cell), `Some(t)` for a copy
    /// of a value of type `t`. Word 0, the function id, is not a pointer.
    pub(super) fn funcval_konst(&mut self, size: u32, caps: &[(u32, Option<TypeId>)]) -> u32 {
        let mut mask = vec![false; (size as usize).div_ceil(8)];
        for &(off, t) in caps {
            let w = off as usize / 8;
            let words = match t {
                None => vec![true],
                Some(t) => self.ptr_words(t),
            };
            for (i, p) in words.into_iter().enumerate() {
                if let Some(m) = mask.get_mut(w + i) {
                    *m |= p;
                }
            }
        }
        let idx = self.shape_index(size as usize, &mask);
        self.konst(idx as u64)
    }

    /// The index in `Program::types` of the shape with this size and
    /// pointer mask (made once per distinct shape).
    fn shape_index(&mut self, size: usize, mask: &[bool]) -> u32 {
        let key = (size, mask.to_vec());
        if let Some(&i) = self.shapes.get(&key) {
            return i;
        }
        let t: &'static Type = Box::leak(Box::new(shape(size, mask)));
        let i = self.prog.types.len() as u32;
        self.prog.types.push(t);
        self.shapes.insert(key, i);
        i
    }

    /// The globals area's pointer map (one bit per word), from the types
    /// of the package variables laid out in it.
    pub(super) fn globals_ptrmap(&mut self) -> Vec<u64> {
        let words = (self.prog.globals_size as usize).div_ceil(8);
        let mut map = vec![0u64; words.div_ceil(64)];
        let globals: Vec<_> = self.globals.iter().map(|(o, off)| (*o, *off)).collect();
        for (obj, off) in globals {
            let t = self.c.obj_type(obj);
            for (i, p) in self.ptr_words(t).into_iter().enumerate() {
                let w = off as usize / 8 + i;
                if p && w < words {
                    map[w / 64] |= 1 << (w % 64);
                }
            }
        }
        map
    }
}

/// An anonymous descriptor of `size` bytes whose words marked in `mask`
/// may hold pointers.
fn shape(size: usize, mask: &[bool]) -> Type {
    let ptrwords = mask.iter().rposition(|&p| p).map_or(0, |i| i + 1);
    let mut gcdata = vec![0u8; ptrwords.div_ceil(8)];
    for (i, _) in mask.iter().enumerate().filter(|(_, p)| **p) {
        gcdata[i / 8] |= 1 << (i % 8);
    }
    Type {
        size,
        ptrdata: ptrwords * 8,
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Struct,
        gcdata: Box::leak(gcdata.into_boxed_slice()),
        str: "goscope.gcshape",
        extra: TypeExtra::Struct {
            pkgpath: "",
            fields: &[],
        },
        uncommon: None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shapes_mark_exactly_their_pointer_words() {
        let t = super::shape(24, &[false, true, false]);
        assert_eq!((t.size, t.ptrdata), (24, 16));
        assert_eq!(t.gcdata, &[0b10]);
        assert!(t.has_pointers() && t.word_is_pointer(1) && !t.word_is_pointer(0));
        let n = super::shape(16, &[false, false]);
        assert_eq!(n.ptrdata, 0);
        assert!(!n.has_pointers());
    }
}
