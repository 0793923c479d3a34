//! The whole front end (`goscope check`) on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    goscope_fuzz::check(data);
});
