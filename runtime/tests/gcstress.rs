//! GOSCOPE_GCSTRESS=1: a collection is pending after every allocation.
//! Its own test binary: the setting is read once per process.

use goscope_runtime::malloc::mallocgc;
use goscope_runtime::mgc::{self, read_mem_stats};

#[test]
fn gcstress_makes_every_allocation_ask_for_a_collection() {
    // Set before the runtime first reads its environment; this binary has
    // no other test, so nothing reads it concurrently.
    std::env::set_var("GOSCOPE_GCSTRESS", "1");
    std::env::set_var("GODEBUG", "gctrace=1");
    for _ in 0..100 {
        mallocgc(8, None, true);
        assert!(mgc::gc_pending());
        mgc::collect(&mut |_| {});
        assert!(!mgc::gc_pending());
    }
    let s = read_mem_stats();
    assert_eq!(s.num_gc, 100);
    assert_eq!(s.frees, 100);
}
