//! Raw memory access: the only place Go memory is read and written through
//! addresses (`load_*`, `store_*`, `copy`, `zero`, `eq`). See docs/vm.md section 1.
