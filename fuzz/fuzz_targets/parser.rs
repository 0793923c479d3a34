//! The parser on arbitrary bytes; the tree is also dumped (a recursive
//! walk, like every later pass) and dropped.
#![no_main]

use goscope::syntax::{dump_file, parse_file, pos::SourceMap, NodeIdGen};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    goscope_fuzz::timed(|| {
        let mut map = SourceMap::new();
        let (file, _diags) = parse_file(&mut map, "x.go", data, &NodeIdGen::new());
        let _ = dump_file(&file);
    });
});
