//! `casus kb export` and `casus check` on edited knowledge bases: every
//! problem is reported with file, line and reason, and nothing the user has
//! is overwritten.

use std::path::Path;

mod common;

use common::casus;

fn export(dir: &Path) {
    let out = casus().args(["kb", "export"]).arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn check(dir: &Path) -> (i32, String) {
    let out = casus().arg("--kb").arg(dir).arg("check").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn exported_base_checks_clean_and_answers_like_the_embedded_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kb");
    export(&dir);
    assert_eq!(check(&dir).0, 0);
    let args = [
        "why",
        "--attacker",
        "AZE",
        "--defender",
        "ARM",
        "--at",
        "Jermuk",
        "--on",
        "2022-09-13",
        "--format",
        "json",
    ];
    let embedded = casus().args(args).output().unwrap();
    let exported = casus().arg("--kb").arg(&dir).args(args).output().unwrap();
    assert!(exported.status.success());
    // Same verdicts; only the file paths in the sources differ.
    let strip = |o: &[u8]| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(o).unwrap();
        v["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| format!("{}{}{}", x["treaty"], x["obligor"], x["verdict"]))
            .collect()
    };
    assert_eq!(strip(&embedded.stdout), strip(&exported.stdout));
}

#[test]
fn export_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("mine.toml"), "# my notes\n").unwrap();
    let out = casus()
        .args(["kb", "export"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("mine.toml")).unwrap(),
        "# my notes\n"
    );
}

#[test]
fn syntax_error_reports_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("broken.toml"),
        "[[polity]]\nid = \"XXA\"\nname = \"Broken\nkind = \"state\"\n",
    )
    .unwrap();
    let (code, err) = check(tmp.path());
    assert_eq!(code, 1);
    assert!(err.contains("broken.toml:3:"), "{err}");
}

#[test]
fn every_problem_is_reported_with_location() {
    let tmp = tempfile::tempdir().unwrap();
    let text = r#"
[[polity]]
id = "AAA"
name = "Alpha"
kind = "state"
source = "test"
existence = [{ from = "1950-01-01", source = "test" }]

[[polity]]
id = "BBB"
name = "Beta"
kind = "state"
existence = [{ from = "1950-01-01", source = "test" }]

[[territory]]
id = "alpha"
name = "Alpha"
kind = "mainland"
source = "test"
sovereign = [
  { polity = "AAA", from = "1950-01-01", to = "1960-01-01", source = "test" },
  { polity = "AAB", from = "1959-01-01", source = "test" },
]
controller = [{ polity = "AAA", from = "1940-01-01", source = "test" }]

[[treaty]]
id = "pact"
name = "Pact"
short_name = "Pact"
kind = "treaty"
in_force = { from = "1970-01-01", to = "1960", source = "test" }
source = "test"

[[treaty.party]]
polity = "AAA"
from = "1970-01-01"
source = "test"

[[treaty.provision]]
id = "art1"
kind = "defense"
response = "automatic"
paraphrase = "help"
source = "test"
"#;
    std::fs::write(tmp.path().join("bad.toml"), text).unwrap();
    let (code, err) = check(tmp.path());
    assert_eq!(code, 1);
    // Missing source on polity BBB (line 9).
    assert!(err.contains("bad.toml:9:1: error[missing-source]"), "{err}");
    // Unknown id with a suggestion.
    assert!(
        err.contains("unknown polity \"AAB\"") && err.contains("did you mean \"AAA\""),
        "{err}"
    );
    // Overlapping sovereign spells.
    assert!(err.contains("[overlap]"), "{err}");
    // Controller spell before Alpha existed.
    assert!(err.contains("[outside-existence]"), "{err}");
    // Inverted interval.
    assert!(err.contains("[inverted-interval]"), "{err}");
    // Provision without an article.
    assert!(err.contains("[missing-article]"), "{err}");
}

#[test]
fn unknown_field_is_an_error_not_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("typo.toml"),
        "[[polity]]\nid = \"AAA\"\nname = \"Alpha\"\nkind = \"state\"\nsoruce = \"x\"\n",
    )
    .unwrap();
    let (code, err) = check(tmp.path());
    assert_eq!(code, 1);
    assert!(
        err.contains("typo.toml:5:") && err.contains("soruce"),
        "{err}"
    );
}

#[test]
fn bad_kb_dir_is_a_clear_error() {
    let out = casus()
        .args(["--kb", "/nonexistent/casus-kb", "treaties"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/casus-kb"));
}
