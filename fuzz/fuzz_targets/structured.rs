//! The whole front end on almost-valid programs: the seeds are valid Go
//! programs (see seed.sh) and the mutator edits them token-, line-,
//! bracket- and declaration-wise (src/mutate.rs), with libFuzzer's own byte
//! mutations one time in eight.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    goscope_fuzz::check(data);
});

goscope_fuzz::structure_aware_mutator!();
