//! Coordinates as places: the real binary resolving points through
//! the boundary layer, the optional Natural Earth overlay, the knowledge
//! base's territories and sea areas, and the scope-region rules.

use std::path::PathBuf;

mod common;

use common::{casus, json, why};
use predicates::str::contains;
use proptest::prelude::*;
use serde_json::Value;

fn place(at: &str, on: &str) -> Value {
    json(&["place", at, "--on", on])
}

fn regions(v: &Value) -> Vec<String> {
    v["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .map(|r| r.as_str().expect("string").to_string())
        .collect()
}

fn main_holder(v: &Value, role: &str) -> Option<String> {
    v[role]
        .as_array()
        .and_then(|a| a.first())
        .map(|h| h["polity"].as_str().expect("polity").to_string())
}

/// The verdicts of one treaty's defence provision for one beneficiary.
fn defence_verdicts(v: &Value, treaty: &str, beneficiary: &str) -> Vec<String> {
    v["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .filter(|x| {
            x["treaty"] == treaty && x["kind"] == "defense" && x["beneficiary"] == beneficiary
        })
        .map(|x| x["verdict"].as_str().expect("verdict").to_string())
        .collect()
}

/// The Natural Earth overlay from `../shared/` beside the repository, if present.
fn natural_earth() -> Option<PathBuf> {
    common::shared("data/external/natural_earth/ne_10m_admin_0_disputed_areas.geojson")
}

#[test]
fn stepanakert_coordinates_resolve_to_karabakh_held_by_artsakh() {
    for input in [
        "39.8153,46.7519",
        "39°48'55\"N 46°45'7\"E",
        "39.8153 N, 46.7519 E",
    ] {
        let v = place(input, "2020-10-07");
        assert_eq!(v["territory"], "nagorno-karabakh", "{input}");
        assert_eq!(main_holder(&v, "sovereign").as_deref(), Some("AZE"));
        assert_eq!(main_holder(&v, "controller").as_deref(), Some("NKR"));
        assert_eq!(v["geo"]["layer_areas"][0], "AZ");
        assert_eq!(v["geo"]["matched"]["by"], "outline");
    }
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn stepanakert_with_the_natural_earth_overlay() {
    let Some(ne) = natural_earth() else { return };
    let ne = ne.to_string_lossy().to_string();
    let v = json(&[
        "--boundaries",
        &ne,
        "place",
        "39.8153,46.7519",
        "--on",
        "2020-10-07",
    ]);
    assert_eq!(v["territory"], "nagorno-karabakh");
    assert_eq!(main_holder(&v, "sovereign").as_deref(), Some("AZE"));
    assert_eq!(main_holder(&v, "controller").as_deref(), Some("NKR"));
    assert_eq!(v["geo"]["overlay_areas"][0]["name"], "Nagorno-Karabakh");
    assert_eq!(
        v["geo"]["overlay_areas"][0]["territory"],
        "nagorno-karabakh"
    );
    // Crimea: the boundary layer files it under Russia; the overlay and the
    // knowledge base keep it Ukraine's de jure, Russia's de facto.
    let crimea = json(&[
        "--boundaries",
        &ne,
        "place",
        "44.95,34.1",
        "--on",
        "2024-01-01",
    ]);
    assert_eq!(crimea["territory"], "crimea");
    assert_eq!(main_holder(&crimea, "sovereign").as_deref(), Some("UKR"));
    assert_eq!(main_holder(&crimea, "controller").as_deref(), Some("RUS"));
    let notes = crimea["geo"]["notes"].to_string();
    assert!(notes.contains("Crimea"), "{notes}");
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn the_overlay_alone_can_place_a_point_and_says_so() {
    let Some(ne) = natural_earth() else { return };
    let ne = ne.to_string_lossy().to_string();
    // Inside Natural Earth's Nagorno-Karabakh, outside every outline of the
    // knowledge base: without the overlay it is just Azerbaijan.
    let with = json(&[
        "--boundaries",
        &ne,
        "place",
        "39.505,46.76",
        "--on",
        "2020-10-07",
    ]);
    assert_eq!(with["territory"], "nagorno-karabakh");
    assert_eq!(with["geo"]["matched"]["by"], "overlay");
    assert!(with["geo"]["notes"].to_string().contains("matched by name"));
    let without = place("39.505,46.76", "2020-10-07");
    assert_eq!(without["territory"], "azerbaijan-proper");
}

#[test]
fn bad_territory_outlines_are_reported_with_their_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("kb");
    casus().args(["kb", "export"]).arg(&dir).assert().success();
    let extra = dir.join("territories").join("bad-outlines.toml");
    std::fs::write(
        &extra,
        r#"[[territory]]
id = "two-points"
name = "Two Points"
kind = "region"
iso_codes = ["AZ"]
polygon = [[46.0, 40.0], [46.1, 40.1]]
source = "test"

[[territory]]
id = "swapped"
name = "Swapped"
kind = "region"
iso_codes = ["AZ"]
polygon = [[40.0, 46.0], [40.1, 146.1], [40.2, 46.2]]
source = "test"

[[territory]]
id = "no-codes"
name = "No Codes"
kind = "region"
polygon = [[46.0, 40.0], [46.1, 40.1], [46.2, 40.0]]
source = "test"
"#,
    )
    .expect("write");
    let out = casus()
        .arg("--kb")
        .arg(&dir)
        .arg("check")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad-outlines.toml"), "{err}");
    assert!(err.contains("needs at least 3"), "{err}");
    assert!(err.contains("vertex 2 is [40.1, 146.1]"), "{err}");
    assert!(err.contains("`polygon` needs `iso_codes`"), "{err}");
}

#[test]
fn the_lachin_corridor_by_coordinates_was_under_russian_peacekeepers() {
    let v = place("39.6408,46.5469", "2021-06-01");
    assert_eq!(v["territory"], "lachin-corridor-area");
    assert_eq!(main_holder(&v, "controller").as_deref(), Some("RUS"));
}

#[test]
fn csto_verdict_for_stepanakert_coordinates_matches_the_name() {
    let by_name = why("Azerbaijan", "Armenia", "Stepanakert", "2020-10-07");
    let by_coords = why("Azerbaijan", "Armenia", "39.8153,46.7519", "2020-10-07");
    assert_eq!(
        defence_verdicts(&by_name, "csto", "ARM"),
        defence_verdicts(&by_coords, "csto", "ARM")
    );
    assert!(defence_verdicts(&by_coords, "csto", "ARM")
        .iter()
        .all(|v| v == "not_triggered"));
}

#[test]
fn honolulu_is_hawaii_in_the_pacific_south_of_cancer_outside_nato() {
    let v = place("21.3069,-157.8583", "2024-01-01");
    assert_eq!(v["territory"], "hawaii");
    assert_eq!(main_holder(&v, "sovereign").as_deref(), Some("USA"));
    assert_eq!(v["geo"]["layer_areas"], serde_json::json!(["US-HI", "US"]));
    assert_eq!(v["geo"]["north_of_tropic_of_cancer"], false);
    let r = regions(&v);
    assert!(r.contains(&"pacific".to_string()), "{r:?}");
    assert!(!r.contains(&"north-america".to_string()), "{r:?}");
    assert!(
        !r.contains(&"north-atlantic-north-of-cancer".to_string()),
        "{r:?}"
    );

    let w = why("Russia", "United States", "21.3069,-157.8583", "2024-01-01");
    let art5: Vec<&Value> = w["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .filter(|x| x["treaty"] == "nato" && x["provision"] == "art5")
        .collect();
    assert!(!art5.is_empty());
    for x in art5 {
        assert_eq!(x["verdict"], "not_triggered");
        let reasons = x["reasons"].to_string();
        assert!(
            reasons.contains("not in Europe or North America"),
            "{reasons}"
        );
    }
    casus()
        .args(["place", "21.3069,-157.8583", "--on", "2024-01-01"])
        .assert()
        .success()
        .stdout(contains("south of the Tropic of Cancer"))
        .stdout(contains("US-HI within US"));
}

#[test]
fn open_atlantic_and_black_sea_are_sea_areas_with_no_sovereign() {
    let atlantic = place("35,-40", "2024-01-01");
    assert_eq!(atlantic["territory"], "north-atlantic-ocean");
    assert!(atlantic["sovereign"].as_array().expect("array").is_empty());
    assert_eq!(atlantic["geo"]["sea"], "north-atlantic-ocean");
    let black = place("43,34", "2024-01-01");
    assert_eq!(black["territory"], "black-sea");
    assert!(black["sovereign"].as_array().expect("array").is_empty());
    assert!(black["geo"]["layer_areas"]
        .as_array()
        .expect("array")
        .is_empty());
    let south = place("-30,-20", "2024-01-01");
    assert_eq!(south["territory"], "atlantic-ocean-south-of-cancer");
    assert!(!regions(&south).contains(&"north-atlantic-north-of-cancer".to_string()));
}

#[test]
fn islands_either_side_of_the_tropic_of_cancer() {
    // Grand Bahama (26.5°N) and Great Inagua (21°N): the same country.
    let north = place("26.53,-78.7", "2024-01-01");
    let south = place("21.0,-73.5", "2024-01-01");
    assert!(regions(&north).contains(&"north-atlantic-north-of-cancer".to_string()));
    assert!(!regions(&south).contains(&"north-atlantic-north-of-cancer".to_string()));
    // The Canaries (28°N, Spain) are covered by NATO Art. 6; Cape Verde (15°N) is not.
    let canaries = place("28.1,-15.4", "2024-01-01");
    assert_eq!(canaries["territory"], "canary-islands");
    assert!(regions(&canaries).contains(&"north-atlantic-north-of-cancer".to_string()));
    let w = why("Russia", "Spain", "28.1,-15.4", "2024-01-01");
    assert!(defence_verdicts(&w, "nato", "ESP")
        .iter()
        .all(|v| v == "triggered"));
    let cape_verde = place("14.93,-23.51", "2024-01-01");
    assert_eq!(cape_verde["territory"], "cabo-verde");
    assert!(regions(&cape_verde).contains(&"africa".to_string()));
    assert!(!regions(&cape_verde).contains(&"north-atlantic-north-of-cancer".to_string()));
}

#[test]
fn ceuta_and_melilla_are_spanish_but_outside_nato_article_6() {
    for (at, id) in [("35.889,-5.32", "ceuta"), ("35.29,-2.94", "melilla")] {
        let v = place(at, "2024-01-01");
        assert_eq!(v["territory"], id);
        assert_eq!(main_holder(&v, "sovereign").as_deref(), Some("ESP"));
        let r = regions(&v);
        assert!(r.contains(&"africa".to_string()), "{r:?}");
        assert!(!r.contains(&"europe".to_string()), "{r:?}");
        let w = why("Russia", "Spain", at, "2024-01-01");
        let verdicts = defence_verdicts(&w, "nato", "ESP");
        assert!(!verdicts.is_empty());
        assert!(
            verdicts.iter().all(|v| v == "not_triggered"),
            "{verdicts:?}"
        );
    }
}

#[test]
fn guam_is_pacific_and_outside_nato() {
    let v = place("13.44,144.79", "2024-01-01");
    assert_eq!(v["territory"], "guam");
    let r = regions(&v);
    assert!(r.contains(&"pacific".to_string()), "{r:?}");
    assert!(!r.contains(&"north-america".to_string()), "{r:?}");
    let w = why("Russia", "United States", "13.44,144.79", "2024-01-01");
    assert!(defence_verdicts(&w, "nato", "USA")
        .iter()
        .all(|v| v == "not_triggered"));
}

#[test]
fn greenland_and_bermuda_are_covered_by_nato() {
    for (at, id, defender) in [
        ("64.18,-51.72", "greenland", "DNK"),
        ("32.3,-64.78", "bermuda", "GBR"),
    ] {
        let v = place(at, "2024-01-01");
        assert_eq!(v["territory"], id);
        let r = regions(&v);
        assert!(r.contains(&"north-america".to_string()), "{r:?}");
        assert!(
            r.contains(&"north-atlantic-north-of-cancer".to_string()),
            "{r:?}"
        );
        let w = why("Russia", defender, at, "2024-01-01");
        let verdicts = defence_verdicts(&w, "nato", defender);
        assert!(!verdicts.is_empty());
        assert!(
            verdicts.iter().all(|v| v == "triggered"),
            "{id}: {verdicts:?}"
        );
    }
}

#[test]
fn cyprus_is_asia_and_the_sea_off_it_is_mediterranean() {
    let v = place("35.17,33.36", "2024-01-01");
    assert_eq!(v["territory"], "cyprus");
    assert!(regions(&v).contains(&"asia".to_string()));
    let sea = place("33.5,33.5", "2024-01-01");
    assert_eq!(sea["territory"], "mediterranean-sea");
    assert!(regions(&sea).contains(&"mediterranean".to_string()));
}

#[test]
fn turkeys_asian_part_is_asia_yet_covered_by_nato() {
    let ankara = place("39.93,32.86", "2024-01-01");
    assert_eq!(ankara["territory"], "turkey");
    let geo_regions: Vec<&str> = ankara["geo"]["regions"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["region"].as_str().expect("id"))
        .collect();
    assert_eq!(geo_regions, vec!["asia"]);
    let istanbul = place("41.01,28.97", "2024-01-01");
    assert_eq!(istanbul["geo"]["regions"][0]["region"], "europe");
    let w = why("Russia", "Turkey", "39.93,32.86", "2024-01-01");
    let verdicts = defence_verdicts(&w, "nato", "TUR");
    assert!(!verdicts.is_empty());
    assert!(verdicts.iter().all(|v| v == "triggered"), "{verdicts:?}");
}

#[test]
fn a_point_in_no_territory_is_explained_and_why_refuses_it() {
    // The shipped base covers every state; take South Africa out of an
    // exported copy to reach a point that lies in no territory.
    let tmp = tempfile::tempdir().expect("temp dir");
    let kb = tmp.path().join("kb");
    casus().args(["kb", "export"]).arg(&kb).assert().success();
    for entry in std::fs::read_dir(kb.join("territories")).expect("territories") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        // Drop South Africa's territory with its dated facts, and its places.
        let mut kept: Vec<&str> = Vec::new();
        let mut dropping = false;
        for block in text.split("\n[[") {
            if block.starts_with("territory.") {
                if !dropping {
                    kept.push(block);
                }
                continue;
            }
            dropping = block.contains("id = \"south-africa\"");
            if !dropping && !block.contains("territory = \"south-africa\"") {
                kept.push(block);
            }
        }
        std::fs::write(&path, kept.join("\n[[")).expect("write");
    }
    let kb = kb.to_str().expect("utf-8 path").to_string();
    casus()
        .args(["--kb", &kb, "place", "-33.9,18.4", "--on", "2024-01-01"])
        .assert()
        .success()
        .stdout(contains("boundary layer: ZA"))
        .stdout(contains("no territory"));
    casus()
        .args([
            "--kb",
            &kb,
            "why",
            "--attacker",
            "Russia",
            "--at",
            "-33.9,18.4",
            "--on",
            "2024-01-01",
        ])
        .assert()
        .code(1)
        .stderr(contains("lies in no territory of the knowledge base"));
}

#[test]
fn bad_coordinates_are_usage_errors_naming_the_problem() {
    for (input, needle) in [
        ("91,0", "latitude 91"),
        ("0,181", "longitude 181"),
        ("-91,0", "latitude -91"),
        ("NaN,5", "not finite"),
        ("39°75'N 46°E", "minutes"),
        ("1,2,3", "expected two values"),
    ] {
        casus()
            .args(["place", input, "--on", "2024-01-01"])
            .assert()
            .code(2)
            .stderr(contains(needle));
    }
}

#[test]
fn bad_boundary_files_are_data_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let not_json = dir.path().join("bad.geojson");
    std::fs::write(&not_json, "this is not json").expect("write");
    casus()
        .arg("--boundaries")
        .arg(&not_json)
        .args(["place", "39.8,46.7", "--on", "2024-01-01"])
        .assert()
        .code(1)
        .stderr(contains("is not GeoJSON"))
        .stderr(contains("bad.geojson"));
    let unnamed = dir.path().join("unnamed.geojson");
    std::fs::write(
        &unnamed,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#,
    )
    .expect("write");
    casus()
        .arg("--boundaries")
        .arg(&unnamed)
        .args(["place", "39.8,46.7", "--on", "2024-01-01"])
        .assert()
        .code(1)
        .stderr(contains("no usable areas"));
    casus()
        .arg("--boundaries")
        .arg(dir.path().join("missing.geojson"))
        .args(["place", "Stepanakert", "--on", "2024-01-01"])
        .assert()
        .code(1)
        .stderr(contains("cannot read boundary file"));
}

#[test]
fn shusha_by_coordinates_follows_its_own_control_dates() {
    let before = place("39.7583,46.7483", "2020-11-07");
    let after = place("39.7583,46.7483", "2020-11-08");
    assert_eq!(before["territory"], "shusha-area");
    assert_eq!(main_holder(&before, "controller").as_deref(), Some("NKR"));
    assert_eq!(main_holder(&after, "controller").as_deref(), Some("AZE"));
}

#[test]
fn the_chain_is_explained() {
    let out = casus()
        .args(["place", "39.8153,46.7519", "--on", "2020-10-07"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn an_ordinary_subdivision_is_part_of_its_country_without_a_note() {
    let dallas = place("32.78,-96.80", "2024-01-01");
    assert_eq!(dallas["territory"], "united-states");
    assert_eq!(dallas["geo"]["matched"]["by"], "code");
    assert!(dallas["geo"]["notes"].as_array().expect("array").is_empty());
    // An outlying area the knowledge base lacks (Guadeloupe, within FR) is
    // taken as France, but only geometry decides its regions: not Europe.
    // Guadeloupe has its own territory; Wake Island (US-UM, within US) has
    // none, so it is taken as the United States, regions by geometry only.
    let gp = place("16.25,-61.58", "2024-01-01");
    assert_eq!(gp["territory"], "guadeloupe");
    assert!(!regions(&gp).contains(&"europe".to_string()));
    let wake = place("19.28,166.65", "2024-01-01");
    assert_eq!(wake["territory"], "united-states");
    assert_eq!(wake["geo"]["matched"]["by"], "enclosing_code");
    assert!(!regions(&wake).contains(&"north-america".to_string()));
    assert!(regions(&wake).contains(&"pacific".to_string()));
}

#[test]
fn why_json_for_coordinates_carries_the_chain() {
    let v = why("Russia", "United States", "21.3069,-157.8583", "2024-01-01");
    assert_eq!(v["geo"]["territory_id"], "hawaii");
    assert_eq!(v["scenario"]["place"]["territory"], "hawaii");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn the_binary_never_panics_on_place_input(s in "[-+0-9.,°'\" NSEWa-z]{1,16}") {
        let out = casus()
            .args(["place", &s, "--on", "2024-01-01"])
            .output()
            .expect("runs");
        let code = out.status.code().unwrap_or(-1);
        prop_assert!(matches!(code, 0..=2), "exit {code} for {s:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        prop_assert!(!err.contains("panicked"), "{s:?}: {err}");
    }
}

// ---- The territorial sea: 12 nautical miles (UNCLOS Art. 3) ----

fn notes(v: &Value) -> String {
    v["geo"]["notes"].to_string()
}

#[test]
fn the_middle_of_the_gulf_of_aden_is_no_state_s_territory() {
    // The boundary layer files this water, some 60 nautical miles off
    // Yemen, under YE.
    let v = place("12.9,49.5", "2024-01-01");
    assert_eq!(v["territory"], "indian-ocean-waters", "{v}");
    assert_eq!(main_holder(&v, "sovereign"), None);
    assert!(notes(&v).contains("more than 12 nautical miles"), "{v}");
    assert!(notes(&v).contains("YE"), "{v}");
}

#[test]
fn the_high_seas_are_no_state_s_territory() {
    let v = place("35.0,-40.0", "2024-01-01");
    assert_eq!(v["territory"], "north-atlantic-ocean", "{v}");
    assert_eq!(main_holder(&v, "sovereign"), None);
}

#[test]
fn a_point_five_miles_off_odesa_is_ukraine_s_territorial_sea() {
    let v = place("46.42,30.85", "2024-01-01");
    assert_eq!(v["territory"], "ukraine", "{v}");
    assert_eq!(main_holder(&v, "sovereign").as_deref(), Some("UKR"));
}

#[test]
fn the_kerch_strait_is_territorial_sea_of_the_coast_it_lies_off() {
    // Mid-strait off Kerch: Crimea's water, Ukraine's de jure, Russia's
    // in fact since 2014.
    let v = place("45.30,36.52", "2020-01-01");
    assert_eq!(v["territory"], "crimea", "{v}");
    assert_eq!(main_holder(&v, "sovereign").as_deref(), Some("UKR"));
    assert_eq!(main_holder(&v, "controller").as_deref(), Some("RUS"));
}

#[test]
fn a_strait_named_as_a_whole_answers_where_its_point_lies() {
    // The knowledge base files the Bab-el-Mandeb under the Red Sea; its
    // point lies within 12 nautical miles of land.
    let v = json(&["place", "Bab el-Mandeb", "--on", "2024-02-18"]);
    assert_ne!(v["territory"], "red-sea", "{v}");
    assert!(main_holder(&v, "sovereign").is_some(), "{v}");
}

#[test]
fn the_gulf_of_sidra_closing_line_is_a_claim_not_sovereignty() {
    let v = place("31.5,18.5", "1986-03-24");
    assert_eq!(v["territory"], "gulf-of-sidra-claim", "{v}");
    assert_eq!(main_holder(&v, "sovereign"), None);
    assert_eq!(main_holder(&v, "claimants").as_deref(), Some("LBY"));
}

#[test]
fn an_attack_on_the_high_seas_is_judged_as_an_attack_on_forces() {
    let v = json(&[
        "why",
        "--attacker",
        "IRN",
        "--defender",
        "USA",
        "--at",
        "12.9,49.5",
        "--on",
        "2024-01-01",
    ]);
    assert_eq!(v["scenario"]["target"], "forces", "{v}");
    assert!(
        v["place_notes"]
            .to_string()
            .contains("forces, vessels or aircraft"),
        "{v}"
    );
}
