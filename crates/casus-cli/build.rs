//! Tells the integration tests whether the shared reference data are there,
//! so tests that need them are marked ignored (and show as skipped in the
//! test runner's summary) rather than passing without running.
//!
//! The data are looked for in `$CASUS_SHARED_DIR`, else `../shared` beside
//! the repository root. When found, the cfg `casus_shared_data` is set and
//! `CASUS_SHARED_DIR` is passed to the tests. If the data appear after a
//! build, set `CASUS_SHARED_DIR` (or touch this file) to look again.

use std::path::PathBuf;

/// A file every data test needs.
const PROBE: &str = "data/external/atop_5.1_peacesciencer/atop_alliance_ddyr.csv";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(casus_shared_data)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=CASUS_SHARED_DIR");
    let dir = std::env::var_os("CASUS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let probe = dir.join(PROBE);
    if probe.exists() {
        // Deleting the data later makes cargo look again.
        println!("cargo::rerun-if-changed={}", probe.display());
        println!("cargo::rustc-cfg=casus_shared_data");
        println!("cargo::rustc-env=CASUS_SHARED_DIR={}", dir.display());
    }
}
