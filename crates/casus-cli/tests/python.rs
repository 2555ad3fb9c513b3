//! The Python package's tests (`python/tests`, pytest) as part of the
//! workspace suite: they run in the venv `.ci/run` creates and builds the
//! package into (`python/.venv`, `maturin develop`), against this build's
//! `casus` binary. Skipped, with the reason, when the venv is absent.

use std::path::Path;
use std::process::Command;

#[test]
#[cfg_attr(
    casus_python_absent,
    ignore = "no python/.venv: .ci/run creates it and builds the package into it \
              (python/README.md says how to do it by hand)"
)]
fn python_package_tests_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new(root.join("python/.venv/bin/python"))
        .args([
            "-m",
            "pytest",
            "python/tests",
            "-q",
            "-p",
            "no:cacheprovider",
        ])
        .current_dir(&root)
        .env("CASUS_BIN", env!("CARGO_BIN_EXE_casus"))
        .output()
        .expect("python/.venv/bin/python runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "pytest python/tests failed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
