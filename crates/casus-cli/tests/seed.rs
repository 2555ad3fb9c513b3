//! Acceptance tests from the seed article and the core issue: the real
//! binary on the real embedded knowledge base.

mod common;

use common::{casus, json, why};
use serde_json::Value;

fn verdicts<'a>(v: &'a Value, treaty: &str, kind: &str, beneficiary: &str) -> Vec<&'a Value> {
    v["verdicts"]
        .as_array()
        .expect("verdicts array")
        .iter()
        .filter(|x| x["treaty"] == treaty && x["kind"] == kind && x["beneficiary"] == beneficiary)
        .collect()
}

const CSTO_OTHERS_2022: [&str; 5] = ["BLR", "KAZ", "KGZ", "RUS", "TJK"];

#[test]
fn stepanakert_2020_does_not_trigger_csto_for_armenia() {
    let v = why("Azerbaijan", "Armenia", "Stepanakert", "2020-10-07");
    assert_eq!(v["scenario"]["place"]["territory"], "nagorno-karabakh");
    assert_eq!(v["scenario"]["place"]["sovereign"], "AZE");
    assert_eq!(v["scenario"]["place"]["controller"], "NKR");
    let csto = verdicts(&v, "csto", "defense", "ARM");
    assert!(
        !csto.is_empty(),
        "CSTO defense verdicts toward Armenia expected"
    );
    for x in &csto {
        assert_eq!(x["verdict"], "not_triggered", "{x:#}");
        let reasons = x["reasons"].to_string();
        assert!(
            reasons.contains("de jure territory of Azerbaijan"),
            "{reasons}"
        );
        let peskov = x["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["speaker"].as_str().unwrap_or("").contains("Peskov"))
            .expect("Peskov's claim is cited");
        assert_eq!(peskov["agrees"], true);
    }
    let obligors: Vec<&str> = csto
        .iter()
        .map(|x| x["obligor"].as_str().unwrap())
        .collect();
    assert!(obligors.contains(&"RUS"));
    let bilateral = verdicts(&v, "russia-armenia-1997", "defense", "ARM");
    assert!(!bilateral.is_empty());
    for x in bilateral {
        assert_eq!(x["verdict"], "not_triggered", "{x:#}");
        assert!(x["reasons"]
            .to_string()
            .contains("de jure territory of Azerbaijan"));
    }
}

#[test]
fn jermuk_2022_triggers_csto_for_every_other_member() {
    let v = why("AZE", "ARM", "Jermuk", "2022-09-13");
    let csto = verdicts(&v, "csto", "defense", "ARM");
    let mut obligors: Vec<&str> = csto
        .iter()
        .map(|x| x["obligor"].as_str().unwrap())
        .collect();
    obligors.sort();
    assert_eq!(obligors, CSTO_OTHERS_2022);
    for x in csto {
        assert_eq!(x["verdict"], "triggered", "{x:#}");
        assert_eq!(x["article"], "4");
        assert!(
            !x["conditions"].as_array().unwrap().is_empty(),
            "conditions listed"
        );
    }
}

#[test]
fn jermuk_2024_is_contested_because_armenia_froze_participation() {
    let v = why("AZE", "ARM", "Jermuk", "2024-06-01");
    let csto = verdicts(&v, "csto", "defense", "ARM");
    assert!(!csto.is_empty());
    for x in csto {
        assert_eq!(x["verdict"], "contested", "{x:#}");
        assert!(
            x["reasons"].to_string().contains("frozen"),
            "{}",
            x["reasons"]
        );
    }
}

#[test]
fn stepanakert_resolves_with_dated_control() {
    let v = json(&["place", "Stepanakert", "--on", "2020-10-07"]);
    assert_eq!(v["territory"], "nagorno-karabakh");
    assert_eq!(v["sovereign"][0]["polity"], "AZE");
    assert_eq!(v["controller"][0]["polity"], "NKR");
    let v = json(&["place", "Khankendi", "--on", "2024-06-01"]);
    assert_eq!(v["territory"], "nagorno-karabakh");
    assert_eq!(v["controller"][0]["polity"], "AZE");
}

#[test]
fn place_names_in_the_spellings_people_type() {
    for (name, expect) in [
        ("stepanakert", "Stepanakert"),
        ("Xankəndi", "Stepanakert"),
        ("SHUSHI", "Shusha"),
        ("Şuşa", "Shusha"),
        ("Leninakan", "Gyumri"),
        ("gyumri", "Gyumri"),
    ] {
        let v = json(&["place", name, "--on", "2020-10-07"]);
        assert_eq!(v["place"], expect, "{name}");
    }
}

#[test]
fn azerbaijan_left_the_csto() {
    let now = json(&["commitments", "AZE", "--on", "2020-10-07"]);
    let csto = now["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["treaty"] == "csto")
        .unwrap();
    assert_eq!(csto["party"], "no");
    assert!(csto["obligations"].as_array().unwrap().is_empty());
    let then = json(&["commitments", "Azerbaijan", "--on", "1995-01-01"]);
    let csto = then["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["treaty"] == "csto")
        .unwrap();
    assert_eq!(csto["party"], "yes");
    assert!(csto["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["article"] == "4"));
}

#[test]
fn text_commitments_show_membership_or_its_absence() {
    let out = casus()
        .args(["commitments", "AZE", "--on", "2020-10-07"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (current, past) = text
        .split_once("Not a party on this date")
        .expect("past memberships listed");
    assert!(!current.contains("(csto,"), "{text}");
    assert!(past.contains("csto"), "{text}");
}

#[test]
fn misspelt_state_gets_did_you_mean_and_exit_2() {
    let out = casus()
        .args([
            "why",
            "--attacker",
            "Azerbaijan",
            "--defender",
            "Armenai",
            "--at",
            "Jermuk",
            "--on",
            "2022-09-13",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did you mean") && err.contains("Armenia"),
        "{err}"
    );
}

#[test]
fn impossible_date_is_a_clear_usage_error() {
    let out = casus()
        .args(["place", "Jermuk", "--on", "2020-13-40"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2020-13-40") && err.contains("month"), "{err}");
}

#[test]
fn unknown_place_suggests() {
    let out = casus()
        .args(["place", "Stepanakrt", "--on", "2020-10-07"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Stepanakert"));
}

#[test]
fn missing_argument_is_exit_2() {
    let out = casus().args(["why", "--at", "Jermuk"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn shipped_knowledge_base_checks_clean() {
    let out = casus().arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn treaties_and_show() {
    let v = json(&["treaties", "--on", "2022-09-13"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    for id in [
        "csto",
        "nato",
        "russia-armenia-1997",
        "russia-azerbaijan-2022",
        "shusha-2021",
        "turkey-azerbaijan-2010",
    ] {
        assert!(ids.contains(&id), "{id} in force on 2022-09-13: {ids:?}");
    }
    let v = json(&["treaties", "--on", "1960-01-01"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"nato") && !ids.contains(&"csto"), "{ids:?}");
    let v = json(&["show", "Washington Treaty"]);
    assert_eq!(v["id"], "nato");
}
