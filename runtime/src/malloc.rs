//! The heap (runtime/malloc.go, mheap.go, mcache.go): `mallocgc` over Go's
//! size classes, spans with pointer bitmaps, the page table for interior
//! pointers.
//!
//! PLACEHOLDER IMPLEMENTATION: allocations come from Rust's allocator and are
//! never freed; the size-class heap and collector replace it (same API).

use crate::types::Type;

/// gc's zerobase: the address every zero-size allocation returns.
static ZEROBASE: u64 = 0;

/// Allocates `size` bytes for an object of type `typ` (None: no pointers),
/// zeroed when `needzero` (the VM always asks for zeroed memory unless it
/// overwrites every byte at once). Returns the object's address.
pub fn mallocgc(size: usize, typ: Option<&'static Type>, needzero: bool) -> u64 {
    let _ = (typ, needzero);
    if size == 0 {
        return &ZEROBASE as *const u64 as u64;
    }
    let words = size.div_ceil(8);
    let block: Box<[u64]> = vec![0u64; words].into_boxed_slice();
    Box::leak(block).as_mut_ptr() as u64
}

/// newobject: one zeroed object of type `typ`.
pub fn newobject(typ: &'static Type) -> u64 {
    mallocgc(typ.size, typ.has_pointers().then_some(typ), true)
}
