//! The lexer (with source sanitizing and semicolon insertion) on arbitrary
//! bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    goscope_fuzz::timed(|| {
        let (toks, _diags) = goscope::syntax::tokenize(data);
        // Token positions are ordered and within the source.
        let mut last = 0;
        for (lo, _, hi) in &toks {
            assert!(
                lo.0 <= hi.0 && hi.0 as usize <= data.len(),
                "token out of range"
            );
            assert!(lo.0 >= last, "tokens out of order");
            last = lo.0;
        }
    });
});
