//! Tell the browser test whether it can run: it needs Chromium
//! (`$CHROMIUM` or `/usr/bin/chromium`) and the e2e folder's
//! `node_modules` (`npm ci` in `crates/casus-web/e2e`). When either is
//! missing the cfg `casus_browser_absent` is set and the test is marked
//! ignored, with the reason, so the runner's summary counts it as skipped.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(casus_browser_absent)");
    println!("cargo::rerun-if-env-changed=CHROMIUM");
    println!("cargo::rerun-if-env-changed=CASUS_BROWSER_ABSENT");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let playwright = manifest.join("e2e/node_modules/playwright-core/package.json");
    // A missing path makes cargo re-run this script every build, so the
    // cfg follows an install.
    println!("cargo::rerun-if-changed={}", chromium.display());
    println!("cargo::rerun-if-changed={}", playwright.display());
    let pretend_absent = std::env::var_os("CASUS_BROWSER_ABSENT").is_some_and(|v| v == "1");
    if pretend_absent || !chromium.is_file() || !playwright.is_file() {
        println!("cargo::rustc-cfg=casus_browser_absent");
    }
    println!("cargo::rustc-env=CASUS_CHROMIUM={}", chromium.display());
}
