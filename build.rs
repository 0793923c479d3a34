//! Generates the parser from grammar/go.lalrpop, and the table of embedded
//! std API files (std/**/*.go), into OUT_DIR.

use std::path::{Path, PathBuf};

fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("grammar/go.lalrpop failed to generate");
    embed_std();
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "go") {
            if let Ok(rel) = path.strip_prefix(root) {
                let import = rel.with_extension("").to_string_lossy().replace('\\', "/");
                out.push((import, path.canonicalize().unwrap_or(path.clone())));
            }
        }
    }
}

fn embed_std() {
    let root = Path::new("std");
    println!("cargo:rerun-if-changed=std");
    let mut files = Vec::new();
    collect(root, root, &mut files);
    files.sort();
    let mut src = String::from("/// (import path, API source), sorted by path.\npub static STD_FILES: &[(&str, &str)] = &[\n");
    for (import, path) in files {
        src.push_str(&format!(
            "    ({import:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"))
        .join("std_files.rs");
    std::fs::write(out, src).expect("writing std_files.rs");
}
