//! The heap (runtime/malloc.go, mheap.go, mcache.go): `mallocgc` over Go's size
//! classes, spans with pointer bitmaps, the page table for interior pointers.
