//! Runs the browser end-to-end tests (`e2e/app.test.mjs`, node's test
//! runner driving Debian's headless Chromium through playwright-core)
//! against the real `casus serve`, and fails when they fail.
//!
//! Skipped (ignored, with the reason) when Chromium or the e2e folder's
//! `node_modules` is missing; `.ci/run` installs both. Screenshots and
//! `metrics.json` (first render, bytes transferred) go to `target/e2e/`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/<profile>/`: where cargo put this test's binary and `casus`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/<profile>/deps/browser-<hash>
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .expect("the test binary lies in target/<profile>/deps")
}

#[test]
#[cfg_attr(
    casus_browser_absent,
    ignore = "no Chromium (/usr/bin/chromium) or no crates/casus-web/e2e/node_modules: \
              install with `apt-get install -y chromium` and `npm ci` in crates/casus-web/e2e"
)]
fn web_app_in_headless_chromium() {
    let profile = profile_dir();
    let casus = profile.join(format!("casus{}", std::env::consts::EXE_SUFFIX));
    assert!(
        casus.is_file(),
        "{} is missing: build it first (`cargo build -p casus-cli`; `cargo nextest run --workspace` does)",
        casus.display()
    );
    let out = profile.parent().unwrap_or(&profile).join("e2e");
    let e2e = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("e2e");
    let status = Command::new("node")
        .args(["--test", "--test-reporter=spec", "app.test.mjs"])
        .current_dir(&e2e)
        .env("CASUS_BIN", &casus)
        .env("CASUS_E2E_OUT", &out)
        .env("CHROMIUM", env!("CASUS_CHROMIUM"))
        .status()
        .expect("run node (is Node.js installed?)");
    assert!(
        status.success(),
        "the browser tests failed ({status}); screenshots in {}",
        out.display()
    );
}
