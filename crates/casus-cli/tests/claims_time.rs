//! Claims held to their time and situation (docs/claims.md): a claim is cited
//! only for attacks inside its period, presupposed administration, target
//! kind and place; one made after the attack is hindsight and never changes
//! the verdict. The real binary on the embedded knowledge base, plus one
//! exported copy with a claim added.

mod common;

use common::{casus, run_ok, why_target as why};
use serde_json::Value;

fn verdict<'a>(v: &'a Value, treaty: &str, provision: &str, obligor: &str, to: &str) -> &'a Value {
    v["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .find(|x| {
            x["treaty"] == treaty
                && x["provision"] == provision
                && x["obligor"] == obligor
                && x["beneficiary"] == to
        })
        .unwrap_or_else(|| {
            panic!(
                "no {treaty} {provision} {obligor}->{to} in {:#}",
                v["verdicts"]
            )
        })
}

fn claim_ids(verdict: &Value) -> Vec<&str> {
    verdict["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect()
}

fn claim<'a>(verdict: &'a Value, id: &str) -> &'a Value {
    verdict["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("claim {id} not cited: {:#}", verdict["claims"]))
}

/// Senkakus, 1971: under US administration until the reversion of Okinawa
/// (15 May 1972). Obama's statement of 24 Apr 2014 ("all territories under
/// the administration of Japan") is later and presupposes Japanese
/// administration: not cited, and the verdict stays not_triggered.
#[test]
fn obama_2014_is_not_cited_for_a_1971_attack_on_the_senkakus() {
    let v = why(
        "China",
        "Japan",
        "Senkaku Islands",
        "1971-06-01",
        "territory",
    );
    let art5 = verdict(&v, "us-japan-1960", "art5", "USA", "JPN");
    assert_eq!(art5["verdict"], "not_triggered", "{art5:#}");
    assert!(
        art5["reasons"][0]
            .as_str()
            .unwrap()
            .contains("not under the administration of Japan"),
        "{art5:#}"
    );
    assert!(claim_ids(art5).is_empty(), "{:#}", art5["claims"]);
}

/// The same islands in 2015, under Japanese administration: the claims
/// made before then are cited and agree; the later ones are not cited.
#[test]
fn senkaku_claims_are_cited_from_their_own_day() {
    let v = why(
        "China",
        "Japan",
        "Senkaku Islands",
        "2015-01-01",
        "territory",
    );
    let art5 = verdict(&v, "us-japan-1960", "art5", "USA", "JPN");
    assert_eq!(art5["verdict"], "triggered", "{art5:#}");
    let ids = claim_ids(art5);
    assert!(
        ids.contains(&"obama-2014-04-24-us-japan-senkaku"),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"clinton-2010-10-27-us-japan-senkaku"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"trump-2017-02-10-us-japan-senkaku"),
        "{ids:?}"
    );
    let obama = claim(art5, "obama-2014-04-24-us-japan-senkaku");
    assert_eq!(obama["agrees"], true);
    assert_eq!(obama["hindsight"], false);
}

/// Pompeo, 1 Mar 2019, spoke of attacks on Philippine "armed forces,
/// aircraft or public vessels" in the South China Sea (Washington Post,
/// 1 Mar 2019): not cited for an attack on the Spratlys' territory, cited
/// for one on forces there.
#[test]
fn pompeo_2019_speaks_to_forces_not_territory() {
    let id = "pompeo-2019-03-01-us-philippines-spratlys";
    let land = why(
        "China",
        "Philippines",
        "Spratly Islands",
        "2020-06-01",
        "territory",
    );
    let on_land = verdict(&land, "us-philippines-1951", "art4", "USA", "PHL");
    assert!(!claim_ids(on_land).contains(&id), "{:#}", on_land["claims"]);
    let forces = why(
        "China",
        "Philippines",
        "Spratly Islands",
        "2020-06-01",
        "forces",
    );
    let on_forces = verdict(&forces, "us-philippines-1951", "art4", "USA", "PHL");
    assert_eq!(on_forces["verdict"], "triggered", "{on_forces:#}");
    assert!(
        claim_ids(on_forces).contains(&id),
        "{:#}",
        on_forces["claims"]
    );
    // Biden's statement of 1 May 2023 is later than a 2020 attack.
    assert!(!claim_ids(on_forces).contains(&"biden-2023-05-01-us-philippines-spratlys"));
}

/// Poland's Art. 4 request of 10 Sep 2025 concerned the drones of 9-10 Sep
/// 2025 (Interfax-Ukraine, 10 Sep 2025): not cited for 24 Feb 2022.
#[test]
fn a_2025_request_is_not_cited_for_2022() {
    let id = "poland-2025-09-10-nato-art4-poland";
    let v = why("Russia", "Poland", "Warsaw", "2022-02-24", "territory");
    let art4 = verdict(&v, "nato", "art4", "USA", "POL");
    assert!(!claim_ids(art4).contains(&id), "{:#}", art4["claims"]);
    let v = why("Russia", "Poland", "Warsaw", "2025-09-10", "territory");
    let art4 = verdict(&v, "nato", "art4", "USA", "POL");
    assert!(claim_ids(art4).contains(&id), "{:#}", art4["claims"]);
}

/// The founding case: Peskov and Putin spoke on the day (TASS, 7 Oct 2020),
/// so their claims count; Lavrov looked back on the war on 19 Nov 2020
/// (hindsight, shown); Peskov's statement of 20 Sep 2023 is about the 2023
/// offensive and is not cited.
#[test]
fn founding_case_cites_the_day_and_labels_hindsight() {
    let v = why(
        "Azerbaijan",
        "Armenia",
        "Stepanakert",
        "2020-10-07",
        "territory",
    );
    let art4 = verdict(&v, "csto", "art4", "RUS", "ARM");
    assert_eq!(art4["verdict"], "not_triggered");
    let peskov = claim(art4, "peskov-2020-10-07-csto-karabakh");
    assert_eq!(peskov["agrees"], true);
    assert_eq!(peskov["hindsight"], false);
    let lavrov = claim(art4, "lavrov-2020-11-19-csto-karabakh");
    assert_eq!(lavrov["hindsight"], true);
    assert!(!claim_ids(art4).contains(&"peskov-2023-09-20-csto-karabakh"));
    let text = run_ok(&[
        "why",
        "--attacker",
        "Azerbaijan",
        "--defender",
        "Armenia",
        "--at",
        "Stepanakert",
        "--on",
        "2020-10-07",
    ]);
    assert!(text.contains("hindsight"), "{text}");
}

/// A claim made after the event that disagrees with the verdict is shown as
/// hindsight and leaves the verdict alone; the same claim made before the
/// event makes it contested. Written into an exported copy of the base.
#[test]
fn a_disagreeing_claim_after_the_event_does_not_change_the_verdict() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let kb = tmp.path().join("kb");
    let kb_str = kb.to_str().expect("UTF-8 path");
    run_ok(&["kb", "export", kb_str]);
    let claim = |id: &str, date: &str| {
        format!(
            "\n[[claim]]\nid = \"{id}\"\nspeaker = \"Test speaker\"\noffice = \"Test office\"\ndate = \"{date}\"\ncovers_from = \"1971-01-01\"\ntreaty = \"us-japan-1960\"\nbeneficiary = \"JPN\"\nprovision = \"art5\"\nterritory = \"senkaku-islands\"\nstance = \"applies\"\nsummary = \"Art. V covered the islands in 1971.\"\nsource = \"test\"\n"
        )
    };
    let path = kb.join("claims-test.toml");
    std::fs::write(&path, claim("later", "1990-01-01")).expect("write");
    let args = |on: &str| {
        vec![
            "--kb",
            kb_str,
            "why",
            "--attacker",
            "China",
            "--defender",
            "Japan",
            "--at",
            "Senkaku Islands",
            "--on",
            on,
            "--format",
            "json",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    let out = casus().args(args("1971-06-01")).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let art5 = verdict(&v, "us-japan-1960", "art5", "USA", "JPN");
    assert_eq!(art5["verdict"], "not_triggered", "{art5:#}");
    let later = self::claim(art5, "later");
    assert_eq!(later["hindsight"], true);
    assert_eq!(later["agrees"], false);

    std::fs::write(&path, claim("earlier", "1971-01-01")).expect("write");
    let out = casus().args(args("1971-06-01")).output().expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let art5 = verdict(&v, "us-japan-1960", "art5", "USA", "JPN");
    assert_eq!(art5["verdict"], "contested", "{art5:#}");
    assert_eq!(self::claim(art5, "earlier")["hindsight"], false);
}
