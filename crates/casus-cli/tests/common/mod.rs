//! Helpers shared by the integration tests: run the real `casus` binary
//! (without colour), read its JSON, find the shared reference data.
#![allow(dead_code)] // each test file uses its own subset

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The `casus` binary built for this test run, with colour off.
pub fn casus() -> Command {
    let mut c = Command::cargo_bin("casus").expect("binary builds");
    c.arg("--color").arg("never");
    c
}

/// Run `casus ARGS`, require success, and return stdout.
pub fn run_ok(args: &[&str]) -> String {
    let out = casus().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "casus {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Run `casus ARGS --format json`, require success, and parse the output.
pub fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&run_ok(&all)).expect("valid JSON")
}

/// Run `casus ARGS --format json`: the parsed output, or the error message
/// when casus refuses (for table tests that report every failing row).
pub fn try_json(args: &[&str]) -> Result<Value, String> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = casus().args(&all).output().expect("runs");
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
}

/// `casus why` for one attacker, one defender, a place and a date (an attack
/// on territory, the default target).
pub fn why(attacker: &str, defender: &str, at: &str, on: &str) -> Value {
    why_target(attacker, defender, at, on, "territory")
}

/// `casus why` as [`why`], judging an attack on `target` (`territory` or
/// `forces`).
pub fn why_target(attacker: &str, defender: &str, at: &str, on: &str, target: &str) -> Value {
    json(&[
        "why",
        "--attacker",
        attacker,
        "--defender",
        defender,
        "--at",
        at,
        "--on",
        on,
        "--target",
        target,
    ])
}

/// A file under `../shared/` beside the repository root (CI lays the shared
/// folder there), or `None` with a visible note that the test part is skipped.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    // CASUS_SHARED_DIR (read when the tests were built, as by build.rs)
    // names the shared folder when it is not beside the repository.
    let shared = option_env!("CASUS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let path = shared.join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; the part of this test that needs it does not run",
            path.display()
        );
        None
    }
}
