//! The two-thread check of function bodies (src/types/split.rs) against
//! the one-thread check, on almost-valid programs mutated as `structured`
//! mutates them: same diagnostics, and no fallback for a valid program.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    goscope_fuzz::check_split(data);
});

goscope_fuzz::structure_aware_mutator!();
