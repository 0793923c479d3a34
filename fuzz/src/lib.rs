//! Helpers shared by goscope's fuzz targets (see fuzz/README.md).

pub mod mutate;

use std::path::PathBuf;
use std::sync::OnceLock;

use mutate::{Dict, Rng};

/// Where `seed.sh` puts the seed programs: `$GOSCOPE_FUZZ_SEEDS`, or
/// fuzz/seeds beside this crate.
pub fn seeds_dir() -> PathBuf {
    std::env::var_os("GOSCOPE_FUZZ_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")))
}

/// The dictionary of the structure-aware mutator, built once from the
/// seed programs (a few fragments of each kind per file).
pub fn dict() -> &'static Dict {
    static DICT: OnceLock<Dict> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut d = Dict::new();
        let mut rng = Rng::new(1);
        let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            if let Ok(src) = std::fs::read(&f) {
                d.add_source(&src, 40, &mut rng);
            }
        }
        d
    })
}

/// Runs `goscope check` on `src` as the CLI does, minus the big stack:
/// check, then render the diagnostics both ways. goscope's own std API
/// must always check cleanly.
pub fn check(src: &[u8]) {
    let out = goscope::driver::check_source("x.go", src);
    assert!(
        out.internal_errors.is_empty(),
        "internal errors: {:?}",
        out.internal_errors
    );
    let _ = goscope::diag::render_gc(&out.diags, &out.sources);
    let _ = goscope::diag::render_fancy(&out.diags, &out.sources, false);
}
