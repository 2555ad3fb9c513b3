//! Snapshot tests (insta) of the text explanations people read, for the
//! seed article's cases. Review changes with `cargo insta review`.

use assert_cmd::Command;

fn text(args: &[&str]) -> String {
    let out = Command::cargo_bin("casus")
        .expect("binary builds")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn why_stepanakert_2020() {
    insta::assert_snapshot!(text(&[
        "why",
        "--attacker",
        "Azerbaijan",
        "--defender",
        "Armenia",
        "--at",
        "Stepanakert",
        "--on",
        "2020-10-07"
    ]));
}

#[test]
fn why_jermuk_2022() {
    insta::assert_snapshot!(text(&[
        "why",
        "--attacker",
        "Azerbaijan",
        "--defender",
        "Armenia",
        "--at",
        "Jermuk",
        "--on",
        "2022-09-13"
    ]));
}

#[test]
fn why_jermuk_2024_frozen() {
    insta::assert_snapshot!(text(&[
        "why",
        "--attacker",
        "Azerbaijan",
        "--defender",
        "Armenia",
        "--at",
        "Jermuk",
        "--on",
        "2024-06-01"
    ]));
}

#[test]
fn why_defaults_defenders_to_sovereign_and_controller() {
    insta::assert_snapshot!(text(&[
        "why",
        "--attacker",
        "Armenia",
        "--at",
        "Shusha",
        "--on",
        "2020-10-07"
    ]));
}

#[test]
fn place_stepanakert() {
    insta::assert_snapshot!(text(&["place", "Stepanakert", "--on", "2020-10-07"]));
    insta::assert_snapshot!(text(&["place", "Stepanakert", "--on", "2024-06-01"]));
}

#[test]
fn commitments_azerbaijan() {
    insta::assert_snapshot!(text(&["commitments", "AZE", "--on", "2020-10-07"]));
    insta::assert_snapshot!(text(&["commitments", "AZE", "--on", "1995-01-01"]));
}
