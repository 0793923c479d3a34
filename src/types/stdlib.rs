//! goscope's declared API of the standard library: the std/*.go files
//! (generated from Go 1.19 by tools/stdapi), embedded in the binary.

use crate::syntax::ast::File;
use crate::syntax::pos::SourceMap;
use crate::syntax::NodeIdGen;

include!(concat!(env!("OUT_DIR"), "/std_files.rs"));

/// The source of a std package's API file, if goscope provides it.
pub fn source(path: &str) -> Option<&'static str> {
    STD_FILES
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .map(|i| STD_FILES[i].1)
}

/// Every import path goscope provides.
pub fn paths() -> impl Iterator<Item = &'static str> {
    STD_FILES.iter().map(|(p, _)| *p)
}

/// Parses a std API file; None if it has syntax errors (a goscope bug).
pub fn parse(sources: &mut SourceMap, name: &str, src: &str, ids: &NodeIdGen) -> Option<File> {
    let (file, diags) = crate::syntax::parse_file(sources, name, src.as_bytes(), ids);
    diags.is_empty().then_some(file)
}
