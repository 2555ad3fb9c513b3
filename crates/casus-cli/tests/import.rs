//! `casus import` on the real ATOP 5.1 and COW files: the import passes
//! `check`, every command answers with it via `--kb`, conditional ATOP
//! obligations come out `contested` naming the flag, bad rows are reported
//! with file and line while the rest is imported, and the regenerated
//! dyad-year table matches the published one at least as well as
//! docs/validation.md reports.
//!
//! The data are not part of the repository (their terms forbid it): the tests
//! look for `../shared/data/external/` beside the repository root and skip,
//! saying so, when it is absent.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

mod common;

use common::casus;
use serde_json::Value;

/// `../shared/data/external` beside the repository root, if present.
fn external() -> Option<PathBuf> {
    common::shared("data/external/atop_5.1/atop5_1m.csv")
        .and_then(|m| Some(m.parent()?.parent()?.to_path_buf()))
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import_atop(atop: &Path, cow: &Path, out: &Path) -> (i32, String, String) {
    run(casus()
        .args(["import", "atop"])
        .arg(atop)
        .arg("--out")
        .arg(out)
        .arg("--cow")
        .arg(cow))
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn atop_import_checks_and_answers_through_kb() {
    let Some(ext) = external() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("kb");
    let cow = ext.join("cow_state_system_2016/states2016.csv");
    let (code, stdout, stderr) = import_atop(&ext.join("atop_5.1"), &cow, &out);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("789 treaties"), "{stdout}");
    assert!(stdout.contains("0 row(s) skipped"), "{stdout}");

    let (code, _, stderr) = run(casus().arg("--kb").arg(&out).arg("check"));
    assert_eq!(code, 0, "{stderr}");

    // NATO (ATOP 3180) and the Warsaw Pact (ATOP 3285) were in force in 1960,
    // beside the shipped NATO.
    let (code, stdout, stderr) = run(casus().arg("--kb").arg(&out).args([
        "treaties",
        "--on",
        "1960-01-01",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let list: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    for id in ["atop-3180", "atop-3285", "nato"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }

    // ATOP codes NATO's defense obligation with defcoloc: contested, naming it.
    let (code, stdout, stderr) = run(casus().arg("--kb").arg(&out).args([
        "why",
        "--attacker",
        "SUN",
        "--defender",
        "Turkey",
        "--at",
        "Turkey",
        "--on",
        "1960-01-01",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let why: Value = serde_json::from_str(&stdout).unwrap();
    let nato_defense: Vec<&Value> = why["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["treaty"] == "atop-3180" && v["provision"] == "defense-p2")
        .collect();
    assert!(!nato_defense.is_empty(), "{stdout}");
    for v in nato_defense {
        assert_eq!(v["verdict"], "contested", "{v}");
        assert!(v.to_string().contains("defcoloc"), "{v}");
    }

    // Importing onto an import is refused before anything is written.
    let again = tmp.path().join("again");
    let (code, _, stderr) = run(casus()
        .arg("--kb")
        .arg(&out)
        .args(["import", "atop"])
        .arg(ext.join("atop_5.1"))
        .arg("--out")
        .arg(&again));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("earlier import"), "{stderr}");
    assert!(!again.exists());

    // And `show` renders an imported treaty.
    let (code, stdout, _) = run(casus().arg("--kb").arg(&out).args(["show", "atop-3285"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("ATOP 3285"), "{stdout}");
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn bad_rows_are_reported_with_file_and_line_and_the_rest_is_imported() {
    let Some(ext) = external() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let atop = tmp.path().join("atop");
    std::fs::create_dir(&atop).unwrap();
    for f in ["atop5_1a.csv", "atop5_1aph.csv"] {
        std::fs::copy(ext.join("atop_5.1").join(f), atop.join(f)).unwrap();
    }
    // Corrupt line 10 (the member code) and line 20 (a day that does not exist).
    let text = std::fs::read_to_string(ext.join("atop_5.1/atop5_1m.csv")).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let member = header.iter().position(|h| *h == "member").unwrap();
    let dayent = header.iter().position(|h| *h == "dayent").unwrap();
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    let mut cells: Vec<String> = lines[9].split(',').map(str::to_string).collect();
    cells[member] = "xx".into();
    lines[9] = cells.join(",");
    let mut cells: Vec<String> = lines[19].split(',').map(str::to_string).collect();
    cells[dayent] = "45".into();
    lines[19] = cells.join(",");
    std::fs::write(atop.join("atop5_1m.csv"), lines.join("\r\n")).unwrap();

    let out = tmp.path().join("kb");
    let cow = ext.join("cow_state_system_2016/states2016.csv");
    let (code, stdout, stderr) = import_atop(&atop, &cow, &out);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(
        stderr.contains("atop5_1m.csv:10: column member"),
        "{stderr}"
    );
    assert!(
        stderr.contains("atop5_1m.csv:20: column dayent"),
        "{stderr}"
    );
    assert!(stdout.contains("2 row(s) skipped"), "{stdout}");
    assert!(stdout.contains("2508 member rows"), "{stdout}");
    let (code, _, stderr) = run(casus().arg("--kb").arg(&out).arg("check"));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn import_refuses_a_non_empty_out_and_names_missing_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("kb");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("mine.toml"), "# mine").unwrap();
    let (code, _, stderr) = run(casus()
        .args(["import", "atop"])
        .arg(tmp.path())
        .arg("--out")
        .arg(&out));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not empty"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("mine.toml")).unwrap(),
        "# mine"
    );

    let (code, _, stderr) = run(casus()
        .args(["import", "atop"])
        .arg(tmp.path())
        .arg("--out")
        .arg(tmp.path().join("new")));
    // A missing file the user named is a data problem (exit 1), like a
    // missing scenario file.
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("atop5_1m.csv not found"), "{stderr}");
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn cow_states_import_adds_the_states_the_base_lacks() {
    let Some(ext) = external() else { return };
    let tmp = tempfile::tempdir().unwrap();
    // A small base of one's own, on which the import builds.
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(
        mine.join("polities.toml"),
        "[[polity]]\nid = \"USA\"\nname = \"United States\"\nkind = \"state\"\ncow = 2\nsource = \"test\"\n",
    )
    .unwrap();
    let out = tmp.path().join("kb");
    let (code, stdout, stderr) = run(casus()
        .arg("--kb")
        .arg(&mine)
        .args(["import", "cow-states"])
        .arg(ext.join("cow_state_system_2016/states2016.csv"))
        .arg("--out")
        .arg(&out));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("216 generated polities"), "{stdout}");
    assert!(out.join("polities.toml").is_file());
    let polities = std::fs::read_to_string(out.join("cow/polities.toml")).unwrap();
    assert!(polities.contains("id = \"COW267\""));
    assert!(polities.contains("name = \"Baden\""));
    assert!(!polities.contains("id = \"COW2\""));
    let (code, _, stderr) = run(casus().arg("--kb").arg(&out).arg("check"));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) =
        run(casus()
            .arg("--kb")
            .arg(&out)
            .args(["commitments", "Baden", "--on", "1850-01-01"]));
    assert_eq!(code, 0, "{stdout}");
}

/// The figures in docs/validation.md: the test fails if the match falls
/// below them.
#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn regenerated_ddyr_matches_the_published_table_as_reported() {
    let Some(ext) = external() else { return };
    let (code, stdout, stderr) = run(casus()
        .args(["import", "compare-ddyr"])
        .arg(ext.join("atop_5.1"))
        .arg("--table")
        .arg(ext.join("atop_5.1_peacesciencer/atop_alliance_ddyr.csv"))
        .arg("--cow")
        .arg(ext.join("cow_state_system_2016/states2016.csv"))
        .args(["--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    let c: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(c["published_rows"], 273_296);
    assert!(c["matched_rows"].as_u64().unwrap() >= 273_296, "{c}");
    assert_eq!(c["missing_rows"], 0);
    assert!(c["identical_rows"].as_u64().unwrap() >= 272_950, "{c}");
    assert!(c["disagreeing_cells"].as_u64().unwrap() <= 421, "{c}");
    // Every disagreement is on a hand-corrected obvary obligor; every extra
    // row involves a state outside the COW system (Annam, 8152).
    let causes: Vec<&String> = c["cells_by_cause"].as_object().unwrap().keys().collect();
    assert_eq!(causes, vec!["obvary_obligor"], "{c}");
    assert!(c["extra_rows"].as_u64().unwrap() <= 20, "{c}");
    let extra: Vec<&String> = c["extra_by_cause"].as_object().unwrap().keys().collect();
    assert_eq!(extra, vec!["not_a_cow_system_member"], "{c}");
}
