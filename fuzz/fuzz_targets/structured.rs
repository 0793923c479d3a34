//! The whole front end on almost-valid programs: the seeds are valid Go
//! programs (see seed.sh) and the mutator edits them token-, line-,
//! bracket- and declaration-wise (src/mutate.rs), with libFuzzer's own byte
//! mutations one time in eight.
#![no_main]

use goscope_fuzz::mutate::{self, Rng};
use libfuzzer_sys::{fuzz_crossover, fuzz_mutator, fuzz_target, fuzzer_mutate};

fuzz_target!(|data: &[u8]| {
    goscope_fuzz::check(data);
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng::new(seed as u64);
    if rng.chance(8) {
        return fuzzer_mutate(data, size, max_size);
    }
    let out = mutate::mutate(&data[..size], goscope_fuzz::dict(), &mut rng);
    if out.len() > max_size || out == data[..size] {
        return fuzzer_mutate(data, size, max_size);
    }
    data[..out.len()].copy_from_slice(&out);
    out.len()
});

fuzz_crossover!(|a: &[u8], b: &[u8], out: &mut [u8], seed: u32| {
    let mut rng = Rng::new(seed as u64);
    let mut c = mutate::crossover(a, b, &mut rng);
    c.truncate(out.len());
    out[..c.len()].copy_from_slice(&c);
    c.len()
});
