//! Reservations, understandings and declarations applied to verdicts
//! (docs/kb-format.md): each qualifies only the obligation of the party that
//! made it, and the verdict names it. The real binary on the embedded base.

mod common;

use common::why;
use serde_json::Value;

fn verdict<'a>(v: &'a Value, provision: &str, obligor: &str, to: &str) -> &'a Value {
    v["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .find(|x| {
            x["treaty"] == "seato"
                && x["provision"] == provision
                && x["obligor"] == obligor
                && x["beneficiary"] == to
        })
        .unwrap_or_else(|| panic!("no seato {provision} {obligor}->{to}: {:#}", v["verdicts"]))
}

/// The US understanding on SEATO Art. IV(1) ("apply only to communist
/// aggression … in the event of other aggression or armed attack it will
/// consult under … Article IV, paragraph 2"; Pentagon Papers IV.A.1, p. 25).
/// India's attacks on Pakistan of 6 Sep 1965 and 4 Dec 1971 (Pakistan a
/// party until 1973): the US obligation under IV(1) is not triggered, with
/// the understanding as the reason; consultation under IV(2) is; the other
/// parties, who made no understanding, are bound under IV(1).
#[test]
fn us_seato_obligation_to_pakistan_against_india_is_consultation_only() {
    for on in ["1965-09-06", "1971-12-04"] {
        let v = why("India", "Pakistan", "Islamabad", on);
        let us = verdict(&v, "art4-1", "USA", "PAK");
        assert_eq!(us["verdict"], "not_triggered", "{on}: {us:#}");
        let reasons = us["reasons"].to_string();
        assert!(
            reasons.contains("United States Understanding"),
            "{on}: {reasons}"
        );
        assert!(reasons.contains("Art. IV(2)"), "{on}: {reasons}");
        assert_eq!(
            verdict(&v, "art4-2", "USA", "PAK")["verdict"],
            "triggered",
            "{on}"
        );
        assert_eq!(
            verdict(&v, "art4-1", "GBR", "PAK")["verdict"],
            "triggered",
            "{on}"
        );
        // The understanding binds the United States only.
        assert!(!verdict(&v, "art4-1", "GBR", "PAK")["conditions"]
            .to_string()
            .contains("Understanding"));
    }
}

/// Communist aggression is what the US did accept: a Chinese attack on
/// Thailand (Bangkok, 1965) triggers the US obligation under IV(1).
#[test]
fn us_seato_obligation_holds_against_communist_aggression() {
    let v = why("China", "Thailand", "Bangkok", "1965-06-01");
    let us = verdict(&v, "art4-1", "USA", "THA");
    assert_eq!(us["verdict"], "triggered", "{us:#}");
    let proof = us["proof"].to_string();
    assert!(proof.contains("United States Understanding"), "{proof}");
}

/// A note-only reservation (the US Senate understandings on the US-ROC
/// treaty, 1955) is shown with the US verdict and decides nothing.
#[test]
fn note_reservations_are_shown_not_applied() {
    let v = why("China", "Taiwan", "Taipei", "1958-08-23");
    let us = v["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .find(|x| x["treaty"] == "us-roc-1954" && x["obligor"] == "USA")
        .expect("US-ROC verdict");
    assert_eq!(us["verdict"], "triggered", "{us:#}");
    assert!(
        us["conditions"].to_string().contains("legal status"),
        "{us:#}"
    );
}
