//! Load the shipped knowledge base on the TOML path, with every check
//! `casus check` runs, and write its binary form to `OUT_DIR/kb.bin`. A
//! base with an error fails the build, each error printed with its file,
//! line and column; warnings are printed as cargo warnings.

use casus_core::KnowledgeBase;

fn main() {
    // casus-core embeds `kb/` (and rebuilds when it changes); this build
    // script reruns whenever that build dependency changes.
    println!("cargo:rerun-if-changed=../../kb");
    println!("cargo:rerun-if-changed=build.rs");
    let files = KnowledgeBase::embedded_files();
    let kb = match KnowledgeBase::from_files(&files) {
        Ok(kb) => kb,
        Err(problems) => {
            for d in &problems.0 {
                eprintln!("{d}");
            }
            eprintln!(
                "the shipped knowledge base (kb/) has {} problem(s); run `casus check --kb kb` for the full report",
                problems.0.len()
            );
            std::process::exit(1);
        }
    };
    for w in &kb.warnings {
        println!("cargo:warning={w}");
    }
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        eprintln!("OUT_DIR is not set: run through cargo");
        std::process::exit(1);
    };
    let path = out.join("kb.bin");
    if let Err(e) = std::fs::write(&path, kb.to_binary()) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
