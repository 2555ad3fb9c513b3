//! A party whose membership the sources dispute (`disputed = true`):
//! Guinea-Bissau in the 1981 ECOWAS defence protocol, which ATOP 5.1 and
//! COW list as a signatory and Okolo (1983) says abstained. Its verdicts
//! are contested, with the dispute named; the undisputed parties' are not
//! affected; and a disputed party without a note is a checked error.

use serde_json::Value;

mod common;

use common::casus;

fn why_json(args: &[&str]) -> Value {
    common::json(&[&["why"], args].concat())
}

fn ecowas_verdicts(answer: &Value) -> Vec<&Value> {
    answer["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .filter(|v| v["treaty"] == "ecowas-1981" && v["kind"] == "defense")
        .collect()
}

#[test]
fn an_attack_on_a_disputed_party_is_contested_with_the_dispute_named() {
    // A hypothetical attack from outside the region on Bissau in 1995, when
    // the protocol was in force (Sep 1986).
    let answer = why_json(&[
        "--attacker",
        "France",
        "--at",
        "Bissau",
        "--on",
        "1995-06-01",
    ]);
    let verdicts = ecowas_verdicts(&answer);
    assert!(!verdicts.is_empty(), "{answer}");
    for v in verdicts {
        assert_eq!(v["beneficiary"], "GNB");
        assert_eq!(v["verdict"], "contested", "{v}");
        let reasons = v["reasons"].to_string();
        assert!(reasons.contains("disputed between sources"), "{reasons}");
    }
}

#[test]
fn the_undisputed_parties_are_not_affected() {
    // The same attack on Dakar: Senegal signed in 1981 without dispute.
    let answer = why_json(&[
        "--attacker",
        "France",
        "--at",
        "Dakar",
        "--on",
        "1995-06-01",
    ]);
    let verdicts = ecowas_verdicts(&answer);
    assert!(!verdicts.is_empty(), "{answer}");
    // Guinea-Bissau owes nothing it may not owe: its own row toward Senegal
    // is contested, every other party's is not held back by membership.
    for v in &verdicts {
        let reasons = v["reasons"].to_string();
        if v["obligor"] == "GNB" {
            assert_eq!(v["verdict"], "contested", "{v}");
            assert!(reasons.contains("disputed"), "{reasons}");
        } else {
            assert!(!reasons.contains("disputed"), "{v}");
        }
    }
    assert!(
        verdicts.iter().any(|v| v["verdict"] == "triggered"),
        "{verdicts:?}"
    );
}

/// A two-state pact in which Beta's membership is disputed, with the note
/// a disputed party needs or without it. Beta is not marked `uncertain`:
/// the dispute alone must keep its flags from being certain.
fn pact_kb(dir: &std::path::Path, note: bool) {
    let note = if note {
        "note = \"test: one source lists Beta, another does not\"\n"
    } else {
        ""
    };
    let text = format!(
        r#"[[polity]]
id = "AAA"
name = "Alpha"
kind = "state"
cow = 901
source = "test"

[[polity.existence]]
from = "1990-01-01"
source = "test"

[[polity]]
id = "BBB"
name = "Beta"
kind = "state"
cow = 902
source = "test"

[[polity.existence]]
from = "1990-01-01"
source = "test"

[[treaty]]
id = "pact"
name = "Pact"
short_name = "Pact"
kind = "treaty"
source = "test"

[treaty.in_force]
from = "2000-01-01"
source = "test"

[[treaty.party]]
polity = "AAA"
from = "2000-01-01"
source = "test"

[[treaty.party]]
polity = "BBB"
from = "2000-01-01"
source = "test"
disputed = true
{note}
[[treaty.provision]]
id = "art1"
article = "1"
kind = "defense"
owed = "mutual"
trigger = "armed_attack"
response = "necessary_assistance"
paraphrase = "Each defends the other."
source = "test"

[[treaty.provision.scope]]
kind = "party_territory"
source = "test"
"#
    );
    std::fs::write(dir.join("pact.toml"), text).expect("write");
}

#[test]
fn a_disputed_party_needs_a_note() {
    let tmp = tempfile::tempdir().expect("tempdir");
    pact_kb(tmp.path(), false);
    let out = casus()
        .arg("--kb")
        .arg(tmp.path())
        .arg("check")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("pact.toml:"), "{err}");
    assert!(err.contains("`disputed` party needs a `note`"), "{err}");
}

#[test]
fn panels_mark_a_disputed_party_s_flags_unknown() {
    let tmp = tempfile::tempdir().expect("tempdir");
    pact_kb(tmp.path(), true);
    let out = casus()
        .arg("--kb")
        .arg(tmp.path())
        .args(["panel", "--from", "2001", "--to", "2001", "--out", "-"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    for r in rows {
        assert_eq!(r[col("defense")], "1", "{csv}");
        assert_eq!(r[col("defense_truth")], "unknown", "{csv}");
        assert_eq!(r[col("why")], "uncertain_fact", "{csv}");
    }
}
