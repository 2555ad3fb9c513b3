//! Tell the tests whether the shared datasets (`../shared/data/external/`
//! beside the repository) are present: when they are absent, the cfg
//! `casus_shared_absent` is set and the data tests are marked `#[ignore]`,
//! so the test runner's summary counts them as skipped instead of passed.
//! Likewise `casus_python_absent` when `python/.venv` (the venv `.ci/run`
//! builds the Python package into) is missing: `tests/python.rs` runs the
//! package's pytest suite through it.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(casus_shared_absent)");
    println!("cargo::rustc-check-cfg=cfg(casus_python_absent)");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let venv_python = manifest.join("../../python/.venv/bin/python");
    println!("cargo::rerun-if-changed={}", venv_python.display());
    if !venv_python.exists() {
        println!("cargo::rustc-cfg=casus_python_absent");
    }
    // CASUS_SHARED_DIR names the shared folder when it is elsewhere (a git
    // worktree); the tests read the same variable (tests/common).
    println!("cargo::rerun-if-env-changed=CASUS_SHARED_DIR");
    let shared = std::env::var_os("CASUS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../shared"));
    let external = shared.join("data/external");
    // Re-run when the folder appears or goes (a missing path re-runs always).
    println!("cargo::rerun-if-changed={}", external.display());
    // CASUS_SHARED_ABSENT=1 pretends the folder is absent (to check that the
    // data tests then show as ignored).
    println!("cargo::rerun-if-env-changed=CASUS_SHARED_ABSENT");
    let pretend_absent = std::env::var_os("CASUS_SHARED_ABSENT").is_some_and(|v| v == "1");
    if pretend_absent || !external.is_dir() {
        println!("cargo::rustc-cfg=casus_shared_absent");
    } else {
        // The tests find the folder through this (tests/common::shared).
        let shared = shared.canonicalize().unwrap_or(shared);
        println!("cargo::rustc-env=CASUS_SHARED_DIR={}", shared.display());
    }
}
