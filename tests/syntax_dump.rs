//! Golden tests of `dump_file` (`--dump-ast`) and `dump_tokens`
//! (`--dump-tokens`). Each tests/syntax/dump/NAME.go has NAME.ast and
//! NAME.tokens beside it; their first line names the command that
//! regenerates them. These formats are goscope's own (gc has none).

use std::path::Path;

use goscope::syntax::{
    dump_file_with_positions, dump_tokens, parse_file, pos::SourceMap, NodeIdGen,
};

const HEADER: &str = "# regenerate: GOSCOPE_BLESS=1 cargo test --test syntax_dump\n";

fn check(path: &Path, ext: &str, got: String) {
    let golden = path.with_extension(ext);
    let got = format!("{HEADER}{got}");
    if std::env::var_os("GOSCOPE_BLESS").is_some() {
        std::fs::write(&golden, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        want == got,
        "{} differs from the dump; rerun with GOSCOPE_BLESS=1 after checking:\n{got}",
        golden.display()
    );
}

#[test]
fn dumps_match_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax/dump");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read(&f).unwrap();
        let mut map = SourceMap::new();
        let (file, diags) = parse_file(&mut map, &name, &src, &NodeIdGen::new());
        assert!(diags.is_empty(), "{name}: {diags:?}");
        check(&f, "ast", dump_file_with_positions(&file, &map));
        check(&f, "tokens", dump_tokens(&name, &src));
    }
}
