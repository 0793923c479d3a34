//! What the collector needs to know of the compiler's allocations and
//! globals: the `_type` every allocating op names (`Newobject`,
//! `MakeSlice`, `GrowSlice`), and the globals area's pointer map.
//!
//! mallocgc needs only an allocation's size and which of its words hold
//! pointers, so every allocation names a *shape*: an anonymous `_type`
//! with a size and a pointer mask (gc's layout, computed here from the
//! checker's types), one per distinct (size, mask), never seen by the
//! program. Shapes rather than the types' own descriptors (typedesc.rs)
//! because building a descriptor reserves method wrappers that the
//! compiler cannot compile yet, and because rtype refuses recursive types
//! (`type node struct{ next *node }`), which allocation needs most. A
//! funcval is a block the compiler lays out itself (`{fn, captured...}`)
//! and gets a shape the same way.
//!
//! Example: `func() { x++ }` capturing `x` by reference is a 16-byte
//! funcval `{fn, &x}`: its shape has mask `0b10`.

use goscope_runtime::types::{Kind, Type, TypeExtra};

use super::layout::K;
use super::Compiler;
use crate::types::ty::TypeId;

impl<'c, 'a> Compiler<'c, 'a> {
    /// The constant an allocating op names for values of type `t`: the
    /// index in `Program::types` of its allocation shape (see the module
    /// docs).
    pub(super) fn type_konst(&mut self, t: TypeId) -> u32 {
        let mask = self.ptr_words(t);
        let size = self.lay.size(t) as usize;
        let idx = self.shape_index(size, &mask);
        self.konst(idx as u64)
    }

    /// Which words of a value of type `t` hold pointers, in gc's layout:
    /// pointers, maps, chans, funcs and unsafe.Pointer are one pointer
    /// word, a string's and a slice's first word is one, both words of an
    /// interface are, structs and arrays are their elements'.
    pub(super) fn ptr_words(&mut self, t: TypeId) -> Vec<bool> {
        let mut mask = vec![false; (self.lay.size(t) as usize).div_ceil(8)];
        self.mark_ptr_words(t, 0, &mut mask, 0);
        mask
    }

    /// Sets the pointer words of a `t` at byte offset `off` in `mask`.
    fn mark_ptr_words(&mut self, t: TypeId, off: usize, mask: &mut [bool], depth: u32) {
        use crate::types::ty::Type as CType;
        let w = off / 8;
        let mut set = |i: usize| {
            if let Some(m) = mask.get_mut(w + i) {
                *m = true;
            }
        };
        match self.lay.kind(t) {
            K::Ptr | K::Str | K::Slice => set(0),
            K::Iface => {
                set(0);
                set(1);
            }
            K::Agg if depth > 64 => mask.iter_mut().skip(w).for_each(|m| *m = true),
            K::Agg => match self.c.types.get(self.lay.under(t)).clone() {
                CType::Struct(st) => {
                    let offs = self.lay.offsets(t);
                    for (f, o) in st.fields.iter().zip(offs) {
                        let ft = self.c.obj_type(*f);
                        self.mark_ptr_words(ft, off + o as usize, mask, depth + 1);
                    }
                }
                CType::Array { elem, len } => {
                    let es = self.lay.size(elem) as usize;
                    if es > 0 && self.lay.has_pointers(elem) {
                        for i in 0..len.max(0) as usize {
                            self.mark_ptr_words(elem, off + i * es, mask, depth + 1);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
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
