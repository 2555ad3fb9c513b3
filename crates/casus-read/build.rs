//! Tell the tests whether the annotated news articles
//! (`../shared/data/news/` beside the repository, or
//! `$CASUS_SHARED_DIR/data/news`) are present: when they are absent the cfg
//! `casus_news_absent` is set and the evaluation tests are marked `#[ignore]`,
//! so the runner counts them as skipped instead of passed.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(casus_news_absent)");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo::rerun-if-env-changed=CASUS_SHARED_DIR");
    println!("cargo::rerun-if-env-changed=CASUS_SHARED_ABSENT");
    let shared = std::env::var_os("CASUS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../shared"));
    let news = shared.join("data/news");
    println!("cargo::rerun-if-changed={}", news.display());
    let pretend_absent = std::env::var_os("CASUS_SHARED_ABSENT").is_some_and(|v| v == "1");
    if pretend_absent || !news.is_dir() {
        println!("cargo::rustc-cfg=casus_news_absent");
    } else {
        let shared = shared.canonicalize().unwrap_or(shared);
        println!("cargo::rustc-env=CASUS_SHARED_DIR={}", shared.display());
    }
}
