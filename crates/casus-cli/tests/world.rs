//! World coverage acceptance tests: for every treaty with a territorial
//! scope rule, one real attack that triggers it and one that does not; the
//! standing US commitments; the treaties in force on a date; and instruments
//! that create no obligation (assurances, domestic law). The real binary on
//! the real embedded knowledge base.

mod common;

use common::{json, why, why_target};
use serde_json::Value;

/// An attack on the defender's forces, vessels or aircraft at `at`.
fn why_forces(attacker: &str, defender: &str, at: &str, on: &str) -> Value {
    why_target(attacker, defender, at, on, "forces")
}

/// The verdicts of one provision toward one beneficiary.
fn verdicts<'a>(v: &'a Value, treaty: &str, provision: &str, beneficiary: &str) -> Vec<&'a Value> {
    v["verdicts"]
        .as_array()
        .expect("verdicts array")
        .iter()
        .filter(|x| {
            x["treaty"] == treaty && x["provision"] == provision && x["beneficiary"] == beneficiary
        })
        .collect()
}

/// The single verdict of one provision from `obligor` to `beneficiary`.
fn verdict<'a>(
    v: &'a Value,
    treaty: &str,
    provision: &str,
    obligor: &str,
    beneficiary: &str,
) -> &'a Value {
    verdicts(v, treaty, provision, beneficiary)
        .into_iter()
        .find(|x| x["obligor"] == obligor)
        .unwrap_or_else(|| {
            panic!(
                "no {treaty} {provision} verdict from {obligor} to {beneficiary} in {:#}",
                v["verdicts"]
            )
        })
}

fn assert_verdict(v: &Value, treaty: &str, provision: &str, obligor: &str, to: &str, want: &str) {
    let x = verdict(v, treaty, provision, obligor, to);
    assert_eq!(x["verdict"], want, "{x:#}");
}

/// Every verdict of the provision toward the beneficiary has this value.
fn assert_all(v: &Value, treaty: &str, provision: &str, to: &str, want: &str) {
    let xs = verdicts(v, treaty, provision, to);
    assert!(
        !xs.is_empty(),
        "no {treaty} {provision} verdicts toward {to}"
    );
    for x in xs {
        assert_eq!(x["verdict"], want, "{x:#}");
    }
}

fn reasons(v: &Value, treaty: &str, provision: &str, obligor: &str, to: &str) -> String {
    verdict(v, treaty, provision, obligor, to)["reasons"].to_string()
}

// ------------------------------------------------------------------ NATO

#[test]
fn nato_art5_covers_vilnius() {
    let v = why("RUS", "LTU", "Vilnius", "2026-01-01");
    assert_all(&v, "nato", "art5", "LTU", "triggered");
    assert_verdict(&v, "nato", "art5", "USA", "LTU", "triggered");
}

#[test]
fn nato_art5_does_not_cover_pago_pago() {
    let v = why("CHN", "USA", "Pago Pago", "2026-01-01");
    assert_eq!(v["scenario"]["place"]["territory"], "american-samoa");
    assert_all(&v, "nato", "art5", "USA", "not_triggered");
    // Art. 4 consultation has no geographic limit.
    assert_verdict(&v, "nato", "art4", "CAN", "USA", "triggered");
}

#[test]
fn nato_art5_does_not_cover_honolulu() {
    let v = why("CHN", "USA", "Honolulu", "2026-01-01");
    assert_all(&v, "nato", "art5", "USA", "not_triggered");
    let r = reasons(&v, "nato", "art5", "GBR", "USA");
    assert!(r.contains("outside the scope of Art. 5"), "{r}");
}

// ------------------------------------------------------------------ Caucasus (seed treaties)

#[test]
fn russia_armenia_1997_art3_covers_jermuk_but_not_armenian_forces_in_karabakh() {
    let v = why("AZE", "ARM", "Jermuk", "2022-09-13");
    assert_verdict(&v, "russia-armenia-1997", "art3", "RUS", "ARM", "triggered");
    let v = why_forces("AZE", "ARM", "Stepanakert", "2020-10-07");
    assert_verdict(
        &v,
        "russia-armenia-1997",
        "art3",
        "RUS",
        "ARM",
        "not_triggered",
    );
}

#[test]
fn jermuk_2022_cites_armenias_appeal_and_the_csto_reply() {
    let v = why("AZE", "ARM", "Jermuk", "2022-09-13");
    let x = verdict(&v, "csto", "art4", "RUS", "ARM");
    let claims = x["claims"].as_array().unwrap();
    let appeal = claims
        .iter()
        .find(|c| c["id"] == "armenia-security-council-2022-09-13-csto-armenia")
        .expect("Armenia's appeal cited");
    assert_eq!(appeal["agrees"], true);
    let reply = claims
        .iter()
        .find(|c| c["id"] == "sidorov-2022-09-15-csto-armenia")
        .expect("the CSTO Joint Staff reply cited");
    assert_eq!(reply["stance"], "unclear");
    // An unclear stance does not overturn the reading of the text.
    assert_eq!(x["verdict"], "triggered", "{x:#}");
}

#[test]
fn nato_art4_consultations_for_poland_cite_the_2025_request() {
    let v = why("RUS", "POL", "Warsaw", "2025-09-10");
    let x = verdict(&v, "nato", "art4", "DEU", "POL");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert!(
        x["claims"]
            .to_string()
            .contains("poland-2025-09-10-nato-art4-poland"),
        "{x:#}"
    );
}

#[test]
fn shusha_declaration_covers_baku_but_not_azerbaijani_forces_abroad() {
    let v = why("ARM", "AZE", "Baku", "2024-06-01");
    let x = verdict(&v, "shusha-2021", "security-clause", "TUR", "AZE");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    let v = why_forces("ARM", "AZE", "Yerevan", "2024-06-01");
    assert_verdict(
        &v,
        "shusha-2021",
        "security-clause",
        "TUR",
        "AZE",
        "not_triggered",
    );
}

// ------------------------------------------------------------------ Rio

#[test]
fn rio_art3_covers_an_attack_on_brazil() {
    let v = why("FRA", "BRA", "Brasilia", "2026-01-01");
    assert_verdict(&v, "rio", "art3", "USA", "BRA", "triggered");
    assert_verdict(&v, "rio", "art3", "ARG", "BRA", "triggered");
}

#[test]
fn rio_art3_does_not_cover_us_forces_in_europe() {
    let v = why_forces("RUS", "USA", "Vilnius", "2026-01-01");
    assert_all(&v, "rio", "art3", "USA", "not_triggered");
    // Art. 6 consultation has no geographic limit.
    assert_verdict(&v, "rio", "art6", "BRA", "USA", "triggered");
}

#[test]
fn rio_art3_covers_us_forces_in_panama_and_contests_the_falklands_in_1982() {
    let v = why_forces("SUN", "USA", "Panama City", "1989-12-01");
    assert_verdict(&v, "rio", "art3", "BRA", "USA", "triggered");
    // Argentina held the islands; the UK was their sovereign.
    let v = why("GBR", "ARG", "Stanley", "1982-05-01");
    let x = verdict(&v, "rio", "art3", "USA", "ARG");
    assert_eq!(x["verdict"], "contested", "{x:#}");
    assert!(x["reasons"].to_string().contains("de jure"), "{x:#}");
}

#[test]
fn rio_mexico_left_in_2004() {
    let v = why("USA", "MEX", "Mexico City", "2010-01-01");
    assert!(verdicts(&v, "rio", "art3", "MEX").is_empty(), "{v:#}");
    let v = why("SUN", "MEX", "Mexico City", "1990-01-01");
    assert_verdict(&v, "rio", "art3", "USA", "MEX", "triggered");
}

#[test]
fn rio_venezuela_since_2019_is_contested() {
    let v = why("RUS", "VEN", "Caracas", "2020-06-01");
    assert_all(&v, "rio", "art3", "VEN", "contested");
}

// ------------------------------------------------------------------ ANZUS

#[test]
fn anzus_art4_covers_australia_and_the_us_mainland() {
    let v = why("CHN", "AUS", "Canberra", "2026-01-01");
    assert_verdict(&v, "anzus", "art4", "USA", "AUS", "triggered");
    assert_verdict(&v, "anzus", "art4", "NZL", "AUS", "triggered");
    // Metropolitan territory wherever it lies (Howard, 14 Sep 2001).
    let v = why("AFG", "USA", "Washington", "2001-09-11");
    let x = verdict(&v, "anzus", "art4", "AUS", "USA");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert!(x["claims"].to_string().contains("Howard"), "{x:#}");
}

#[test]
fn anzus_art4_does_not_cover_australian_forces_in_europe() {
    let v = why_forces("RUS", "AUS", "Vilnius", "2026-01-01");
    assert_all(&v, "anzus", "art4", "AUS", "not_triggered");
}

#[test]
fn anzus_us_obligation_to_new_zealand_suspended_since_1986() {
    let v = why("CHN", "NZL", "Wellington", "2026-01-01");
    assert_verdict(&v, "anzus", "art4", "USA", "NZL", "not_triggered");
    assert_verdict(&v, "anzus", "art4", "AUS", "NZL", "triggered");
    let r = reasons(&v, "anzus", "art4", "USA", "NZL");
    assert!(r.contains("suspended"), "{r}");
    let v = why("CHN", "NZL", "Wellington", "1980-01-01");
    assert_verdict(&v, "anzus", "art4", "USA", "NZL", "triggered");
}

// ------------------------------------------------------------------ US-Japan

#[test]
fn us_japan_art5_covers_territory_administered_by_japan() {
    let v = why("CHN", "JPN", "Tokyo", "2026-01-01");
    assert_verdict(&v, "us-japan-1960", "art5", "USA", "JPN", "triggered");
}

#[test]
fn us_japan_art5_does_not_cover_honolulu() {
    let v = why("CHN", "USA", "Honolulu", "2026-01-01");
    assert_verdict(&v, "us-japan-1960", "art5", "JPN", "USA", "not_triggered");
    let r = reasons(&v, "us-japan-1960", "art5", "JPN", "USA");
    assert!(r.contains("administration of Japan"), "{r}");
}

#[test]
fn us_japan_1960_not_in_force_before_23_june_1960() {
    let v = why("SUN", "JPN", "Tokyo", "1960-01-01");
    assert!(
        verdicts(&v, "us-japan-1960", "art5", "JPN").is_empty(),
        "{v:#}"
    );
}

#[test]
fn us_japan_art5_covers_the_senkakus_as_every_president_since_2014_said() {
    let v = why("CHN", "JPN", "Uotsuri-jima", "2026-01-01");
    assert_eq!(v["scenario"]["place"]["territory"], "senkaku-islands");
    let x = verdict(&v, "us-japan-1960", "art5", "USA", "JPN");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    let claims = x["claims"].as_array().unwrap();
    for speaker in ["Barack Obama", "Donald Trump", "Joe Biden"] {
        let c = claims
            .iter()
            .find(|c| c["speaker"] == speaker)
            .unwrap_or_else(|| panic!("{speaker} cited: {x:#}"));
        assert_eq!(c["agrees"], true, "{c:#}");
    }
}

#[test]
fn us_japan_art5_covers_naha_only_after_the_1972_reversion() {
    let v = why("CHN", "JPN", "Naha", "2026-01-01");
    assert_verdict(&v, "us-japan-1960", "art5", "USA", "JPN", "triggered");
    let v = why("CHN", "JPN", "Naha", "1970-01-01");
    assert_verdict(&v, "us-japan-1960", "art5", "USA", "JPN", "not_triggered");
    let r = reasons(&v, "us-japan-1960", "art5", "USA", "JPN");
    assert!(r.contains("controlled by United States"), "{r}");
}

#[test]
fn us_japan_art5_does_not_cover_the_southern_kurils() {
    let v = why("RUS", "JPN", "Kunashir", "2026-01-01");
    assert_verdict(&v, "us-japan-1960", "art5", "USA", "JPN", "not_triggered");
}

// ------------------------------------------------------------------ US-ROK

#[test]
fn us_rok_art3_covers_seoul() {
    let v = why("PRK", "KOR", "Seoul", "2026-01-01");
    assert_verdict(&v, "us-rok-1953", "art3", "USA", "KOR", "triggered");
}

#[test]
fn us_rok_art3_covers_hawaii_but_not_washington() {
    let v = why("PRK", "USA", "Honolulu", "2026-01-01");
    assert_verdict(&v, "us-rok-1953", "art3", "KOR", "USA", "triggered");
    let v = why("PRK", "USA", "Washington", "2026-01-01");
    assert_verdict(&v, "us-rok-1953", "art3", "KOR", "USA", "not_triggered");
}

// ------------------------------------------------------------------ US-Philippines

#[test]
fn us_philippines_art4_covers_manila() {
    let v = why("CHN", "PHL", "Manila", "2026-01-01");
    assert_verdict(&v, "us-philippines-1951", "art4", "USA", "PHL", "triggered");
}

#[test]
fn us_philippines_art4_does_not_cover_us_forces_in_europe() {
    let v = why_forces("RUS", "USA", "Vilnius", "2026-01-01");
    assert_verdict(
        &v,
        "us-philippines-1951",
        "art4",
        "PHL",
        "USA",
        "not_triggered",
    );
}

#[test]
fn us_philippines_art4_covers_forces_at_second_thomas_shoal_with_the_us_statements() {
    let v = why_forces("CHN", "PHL", "Second Thomas Shoal", "2024-03-05");
    let x = verdict(&v, "us-philippines-1951", "art4", "USA", "PHL");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    let claims = x["claims"].to_string();
    assert!(claims.contains("Pompeo"), "{claims}");
    assert!(claims.contains("Matthew Miller"), "{claims}");
    let v = why_forces("CHN", "PHL", "Scarborough Shoal", "2024-04-11");
    assert_verdict(&v, "us-philippines-1951", "art4", "USA", "PHL", "triggered");
}

// ------------------------------------------------------------------ SEATO

#[test]
fn seato_covers_bangkok_but_not_washington() {
    let v = why("CHN", "THA", "Bangkok", "1965-01-01");
    let x = verdict(&v, "seato", "art4-1", "USA", "THA");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert!(
        x["conditions"].to_string().contains("communist"),
        "US understanding listed: {x:#}"
    );
    let v = why("SUN", "USA", "Washington", "1965-01-01");
    assert_all(&v, "seato", "art4-1", "USA", "not_triggered");
}

#[test]
fn seato_pakistan_left_in_1973() {
    let v = why("IND", "PAK", "Islamabad", "1980-01-01");
    assert!(verdicts(&v, "seato", "art4-1", "PAK").is_empty(), "{v:#}");
    let v = why("IND", "PAK", "Islamabad", "1965-09-06");
    assert_verdict(&v, "seato", "art4-1", "GBR", "PAK", "triggered");
}

// ------------------------------------------------------------------ Warsaw Pact

#[test]
fn warsaw_pact_art4_covers_warsaw_in_1970() {
    let v = why("DEU", "POL", "Warsaw", "1970-01-01");
    assert_verdict(&v, "warsaw-pact", "art4", "SUN", "POL", "triggered");
}

#[test]
fn warsaw_pact_art4_covers_east_germany_in_1970_not_in_1991() {
    let v = why("DEU", "DDR", "East Germany", "1970-01-01");
    assert_verdict(&v, "warsaw-pact", "art4", "SUN", "DDR", "triggered");
    let v = why("DEU", "POL", "Warsaw", "1990-12-01");
    assert_verdict(&v, "warsaw-pact", "art4", "SUN", "POL", "triggered");
    assert!(
        !verdicts(&v, "warsaw-pact", "art4", "POL")
            .iter()
            .any(|x| x["obligor"] == "DDR"),
        "the GDR left in Sep 1990: {v:#}"
    );
}

#[test]
fn warsaw_pact_art4_does_not_cover_soviet_forces_in_cuba() {
    let v = why_forces("USA", "SUN", "Havana", "1970-01-01");
    assert_all(&v, "warsaw-pact", "art4", "SUN", "not_triggered");
    // Cuba itself was never a party.
    let v = why("USA", "CUB", "Havana", "1970-01-01");
    assert!(
        verdicts(&v, "warsaw-pact", "art4", "CUB").is_empty(),
        "{v:#}"
    );
}

#[test]
fn warsaw_pact_dissolved_in_1991() {
    let v = json(&["treaties", "--on", "1992-01-01"]);
    let ids = ids(&v);
    assert!(!ids.contains(&"warsaw-pact".to_string()), "{ids:?}");
}

// ------------------------------------------------------------------ China-DPRK, Russia-DPRK

#[test]
fn china_dprk_art2_covers_pyongyang_but_not_forces_abroad() {
    let v = why("KOR", "PRK", "Pyongyang", "2026-01-01");
    let x = verdict(&v, "china-dprk-1961", "art2", "CHN", "PRK");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert_eq!(x["response"], "automatic");
    assert!(
        x["conditions"].to_string().contains("state of war"),
        "{x:#}"
    );
    let v = why_forces("UKR", "PRK", "Moscow", "2026-01-01");
    assert_verdict(&v, "china-dprk-1961", "art2", "CHN", "PRK", "not_triggered");
}

#[test]
fn russia_dprk_art4_covers_russian_territory_with_the_kursk_claims() {
    let v = why("UKR", "RUS", "Moscow", "2025-01-15");
    let x = verdict(&v, "russia-dprk-2024", "art4", "PRK", "RUS");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    let claims = x["claims"].to_string();
    assert!(claims.contains("Zakharova"), "{claims}");
    assert!(claims.contains("Workers' Party"), "{claims}");
}

#[test]
fn russia_dprk_art4_covers_the_kursk_incursion_and_contests_crimea() {
    let v = why("UKR", "RUS", "Sudzha", "2024-12-10");
    assert_eq!(v["scenario"]["place"]["territory"], "kursk-incursion-area");
    let x = verdict(&v, "russia-dprk-2024", "art4", "PRK", "RUS");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    // Crimea: held by Russia, de jure Ukrainian.
    let v = why("UKR", "RUS", "Sevastopol", "2025-01-15");
    let x = verdict(&v, "russia-dprk-2024", "art4", "PRK", "RUS");
    assert_eq!(x["verdict"], "contested", "{x:#}");
    assert!(x["reasons"].to_string().contains("de jure"), "{x:#}");
}

#[test]
fn russia_dprk_art4_does_not_cover_russian_forces_in_ukraine() {
    let v = why_forces("UKR", "RUS", "Kyiv", "2025-01-15");
    assert_verdict(
        &v,
        "russia-dprk-2024",
        "art4",
        "PRK",
        "RUS",
        "not_triggered",
    );
    // Not in force before 4 Dec 2024.
    let v = why("UKR", "RUS", "Moscow", "2024-08-06");
    assert!(
        verdicts(&v, "russia-dprk-2024", "art4", "RUS").is_empty(),
        "{v:#}"
    );
}

// ------------------------------------------------------------------ Russia-Belarus

#[test]
fn russia_belarus_art4_covers_minsk_but_not_forces_abroad() {
    let v = why("POL", "BLR", "Minsk", "2025-06-01");
    assert_verdict(&v, "russia-belarus-2024", "art4", "RUS", "BLR", "triggered");
    assert_verdict(&v, "russia-belarus-2024", "art6", "RUS", "BLR", "triggered");
    let v = why_forces("UKR", "BLR", "Kyiv", "2025-06-01");
    assert_verdict(
        &v,
        "russia-belarus-2024",
        "art4",
        "RUS",
        "BLR",
        "not_triggered",
    );
}

// ------------------------------------------------------------------ Russia-Abkhazia, Russia-South Ossetia

#[test]
fn russian_alliances_with_abkhazia_and_south_ossetia_are_contested_on_georgian_soil() {
    for (treaty, polity, at) in [
        ("russia-abkhazia-2014", "ABK", "Sukhumi"),
        ("russia-south-ossetia-2015", "SOS", "Tskhinvali"),
    ] {
        let v = why("GEO", polity, at, "2026-01-01");
        let x = verdict(&v, treaty, "mutual-defence", "RUS", polity);
        assert_eq!(x["verdict"], "contested", "{x:#}");
        assert!(
            x["reasons"]
                .to_string()
                .contains("de jure territory of Georgia"),
            "{x:#}"
        );
        // The other way round: an attack on Russia proper.
        let v = why("UKR", "RUS", "Moscow", "2026-01-01");
        assert_verdict(&v, treaty, "mutual-defence", polity, "RUS", "triggered");
        // Their forces abroad are outside the clause.
        let v = why_forces("GEO", polity, "Tbilisi", "2026-01-01");
        assert_verdict(&v, treaty, "mutual-defence", "RUS", polity, "not_triggered");
    }
}

// ------------------------------------------------------------------ EU 42(7)

#[test]
fn eu_42_7_covers_paris_with_the_french_invocation() {
    let v = why("RUS", "FRA", "Paris", "2015-11-13");
    let x = verdict(&v, "eu-42-7", "art42-7", "DEU", "FRA");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert!(x["claims"].to_string().contains("Le Drian"), "{x:#}");
    assert!(x["conditions"].to_string().contains("neutrality"), "{x:#}");
    // The UK was bound while a member, not after.
    assert_verdict(&v, "eu-42-7", "art42-7", "GBR", "FRA", "triggered");
    let v = why("RUS", "FRA", "Paris", "2021-06-01");
    assert!(
        !verdicts(&v, "eu-42-7", "art42-7", "FRA")
            .iter()
            .any(|x| x["obligor"] == "GBR"),
        "{v:#}"
    );
}

#[test]
fn eu_42_7_does_not_cover_french_forces_outside_the_union() {
    let v = why_forces("RUS", "FRA", "Washington", "2026-01-01");
    assert_all(&v, "eu-42-7", "art42-7", "FRA", "not_triggered");
}

// ------------------------------------------------------------------ Arab League, GCC, Saudi-Pakistan

#[test]
fn arab_league_art2_covers_cairo_in_1973_and_is_contested_for_syria_in_2015() {
    let v = why("ISR", "EGY", "Cairo", "1973-10-06");
    assert_verdict(&v, "arab-league-1950", "art2", "SAU", "EGY", "triggered");
    let v = why("ISR", "SYR", "Damascus", "2015-06-01");
    assert_all(&v, "arab-league-1950", "art2", "SYR", "contested");
}

#[test]
fn gcc_covers_doha_but_not_qatari_forces_abroad() {
    let v = why("IRN", "QAT", "Doha", "2026-01-01");
    assert_verdict(&v, "gcc-2000", "mutual-defense", "SAU", "QAT", "triggered");
    let v = why_forces("IRN", "QAT", "Vilnius", "2026-01-01");
    assert_all(&v, "gcc-2000", "mutual-defense", "QAT", "not_triggered");
}

#[test]
fn saudi_pakistan_is_contested_because_its_text_is_unpublished() {
    let v = why("IND", "PAK", "Islamabad", "2026-01-01");
    let x = verdict(&v, "saudi-pakistan-2025", "core", "SAU", "PAK");
    assert_eq!(x["verdict"], "contested", "{x:#}");
    assert!(x["reasons"].to_string().contains("unpublished"), "{x:#}");
}

// ------------------------------------------------------------------ Other pacts in force

#[test]
fn pukpuk_covers_port_moresby_but_not_forces_in_europe() {
    let v = why("CHN", "PNG", "Port Moresby", "2026-06-01");
    assert_verdict(
        &v,
        "australia-png-2025",
        "mutual-defence",
        "AUS",
        "PNG",
        "triggered",
    );
    let v = why_forces("RUS", "AUS", "Vilnius", "2026-06-01");
    assert_all(
        &v,
        "australia-png-2025",
        "mutual-defence",
        "AUS",
        "not_triggered",
    );
}

#[test]
fn falepili_covers_tuvalu_only() {
    let v = why("CHN", "TUV", "Funafuti", "2026-01-01");
    let x = verdict(&v, "australia-tuvalu-2023", "art4-1", "AUS", "TUV");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert!(x["conditions"].to_string().contains("request"), "{x:#}");
    let v = why_forces("CHN", "TUV", "Canberra", "2026-01-01");
    assert_verdict(
        &v,
        "australia-tuvalu-2023",
        "art4-1",
        "AUS",
        "TUV",
        "not_triggered",
    );
}

#[test]
fn fpda_means_consultation_for_malaysia_and_singapore_only() {
    let v = why("CHN", "MYS", "Kuala Lumpur", "2026-01-01");
    let x = verdict(&v, "fpda", "consult", "GBR", "MYS");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert_eq!(x["kind"], "consultation");
    let v = why("CHN", "AUS", "Canberra", "2026-01-01");
    assert!(verdicts(&v, "fpda", "consult", "AUS").is_empty(), "{v:#}");
    let v = why_forces("CHN", "SGP", "Canberra", "2026-01-01");
    assert_all(&v, "fpda", "consult", "SGP", "not_triggered");
}

#[test]
fn france_greece_and_aachen_cover_their_parties_territory() {
    let v = why("TUR", "GRC", "Athens", "2026-01-01");
    assert_verdict(&v, "france-greece-2021", "art2", "FRA", "GRC", "triggered");
    let v = why_forces("TUR", "GRC", "Ankara", "2026-01-01");
    assert_verdict(
        &v,
        "france-greece-2021",
        "art2",
        "FRA",
        "GRC",
        "not_triggered",
    );
    let v = why("RUS", "DEU", "Berlin", "2026-01-01");
    assert_verdict(&v, "france-germany-2019", "art4", "FRA", "DEU", "triggered");
    let v = why_forces("RUS", "DEU", "Vilnius", "2026-01-01");
    assert_verdict(
        &v,
        "france-germany-2019",
        "art4",
        "FRA",
        "DEU",
        "not_triggered",
    );
}

#[test]
fn france_guarantees_djibouti_under_the_1977_protocol_then_the_2011_treaty() {
    // Ras Doumeira, June 2008: the 1977 protocol.
    let v = why("ERI", "DJI", "Djibouti", "2008-06-10");
    let x = verdict(&v, "france-djibouti-1977", "art1", "FRA", "DJI");
    assert_eq!(x["verdict"], "triggered", "{x:#}");
    assert!(x["conditions"].to_string().contains("request"), "{x:#}");
    assert!(verdicts(&v, "france-djibouti-2011", "art4", "DJI").is_empty());
    let v = why_forces("ERI", "DJI", "Vilnius", "2008-06-10");
    assert_verdict(
        &v,
        "france-djibouti-1977",
        "art1",
        "FRA",
        "DJI",
        "not_triggered",
    );
    let v = why("ERI", "DJI", "Djibouti", "2026-01-01");
    assert_verdict(
        &v,
        "france-djibouti-2011",
        "art4",
        "FRA",
        "DJI",
        "triggered",
    );
    assert!(verdicts(&v, "france-djibouti-1977", "art1", "DJI").is_empty());
    let v = why_forces("ERI", "DJI", "Vilnius", "2026-01-01");
    assert_verdict(
        &v,
        "france-djibouti-2011",
        "art4",
        "FRA",
        "DJI",
        "not_triggered",
    );
}

#[test]
fn compacts_of_free_association_cover_the_freely_associated_states() {
    for (treaty, polity, at) in [
        ("us-micronesia-compact", "FSM", "Palikir"),
        ("us-marshall-islands-compact", "MHL", "Majuro"),
        ("us-palau-compact", "PLW", "Ngerulmud"),
    ] {
        let v = why("CHN", polity, at, "2026-01-01");
        assert_verdict(&v, treaty, "title3-defense", "USA", polity, "triggered");
        let v = why_forces("CHN", polity, "Manila", "2026-01-01");
        assert_verdict(&v, treaty, "title3-defense", "USA", polity, "not_triggered");
    }
}

// ------------------------------------------------------------------ Non-pacts

#[test]
fn budapest_memorandum_is_an_assurance_with_no_obligation_to_defend() {
    let v = why("RUS", "UKR", "Kyiv", "2022-02-24");
    let notes = v["notes"].to_string();
    assert!(notes.contains("budapest-1994"), "{notes}");
    assert!(notes.contains("no obligation to defend"), "{notes}");
    // Only the pledges to refrain and the consultation clauses are judged
    // (para. 6 must not go unjudged): Russia's attack breaches the
    // pledges; no state owes Ukraine defense under the memorandum.
    let budapest: Vec<&Value> = v["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["treaty"] == "budapest-1994")
        .collect();
    assert!(!budapest.is_empty(), "{v:#}");
    for x in budapest {
        assert_ne!(x["kind"], "defense", "{x:#}");
        if x["kind"] == "non_aggression" {
            assert_eq!(x["obligor"], "RUS", "{x:#}");
            assert_eq!(x["verdict"], "triggered", "{x:#}");
        }
    }
}

#[test]
fn taiwan_relations_act_is_domestic_law_with_no_obligation_to_defend() {
    let v = why("CHN", "TWN", "Taipei", "2026-01-01");
    let notes = v["notes"].to_string();
    assert!(notes.contains("taiwan-relations-act"), "{notes}");
    assert!(notes.contains("no obligation to defend"), "{notes}");
    // Its policy sections are judged as consultation (nothing
    // modelled goes unjudged), never as an obligation to defend.
    assert!(
        !v["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["treaty"] == "taiwan-relations-act" && x["kind"] != "consultation"),
        "{v:#}"
    );
}

#[test]
fn sino_american_treaty_covered_taiwan_until_1979() {
    let v = why("CHN", "TWN", "Taipei", "1970-01-01");
    assert_verdict(&v, "us-roc-1954", "art5", "USA", "TWN", "triggered");
    let v = why_forces("CHN", "TWN", "Manila", "1970-01-01");
    assert_verdict(&v, "us-roc-1954", "art5", "USA", "TWN", "not_triggered");
    let v = why("CHN", "TWN", "Taipei", "1985-01-01");
    assert!(
        verdicts(&v, "us-roc-1954", "art5", "TWN").is_empty(),
        "{v:#}"
    );
}

// ------------------------------------------------------------------ Listings

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|t| t["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn us_defense_commitments_on_2026_01_01_each_with_its_article() {
    let v = json(&["commitments", "USA", "--on", "2026-01-01"]);
    let mut defense: Vec<(String, String)> = Vec::new();
    for m in v["memberships"].as_array().unwrap() {
        if m["party"] != "yes" {
            continue;
        }
        for o in m["obligations"].as_array().unwrap() {
            if o["kind"] == "defense" {
                defense.push((
                    m["treaty"].as_str().unwrap().to_string(),
                    o["article"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    for (treaty, article) in [
        ("anzus", "IV"),
        ("nato", "5"),
        ("rio", "3"),
        ("seato", "IV(1)"),
        ("us-japan-1960", "V"),
        ("us-marshall-islands-compact", "311"),
        ("us-micronesia-compact", "311"),
        ("us-palau-compact", "312"),
        ("us-philippines-1951", "IV"),
        ("us-rok-1953", "III"),
    ] {
        assert!(
            defense.contains(&(treaty.to_string(), article.to_string())),
            "{treaty} Art. {article} missing from {defense:?}"
        );
    }
    // The Budapest Memorandum is listed, as an assurance without defence.
    let budapest = v["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["treaty"] == "budapest-1994")
        .expect("Budapest Memorandum listed");
    assert_eq!(budapest["kind"], "assurance");
    let tra = v["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["treaty"] == "taiwan-relations-act")
        .expect("Taiwan Relations Act listed");
    assert_eq!(tra["kind"], "domestic_law");
}

#[test]
fn treaties_in_force_on_1960_01_01() {
    let v = json(&["treaties", "--on", "1960-01-01"]);
    let ids = ids(&v);
    for id in [
        "nato",
        "rio",
        "anzus",
        "seato",
        "warsaw-pact",
        "us-rok-1953",
        "us-philippines-1951",
        "arab-league-1950",
        "us-roc-1954",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} in force: {ids:?}");
    }
    for id in ["us-japan-1960", "csto", "eu-42-7"] {
        assert!(
            !ids.contains(&id.to_string()),
            "{id} not yet in force: {ids:?}"
        );
    }
}

#[test]
fn show_finds_treaties_by_alias() {
    for (alias, id) in [
        ("Manila Pact", "seato"),
        ("TIAR", "rio"),
        ("Pukpuk", "australia-png-2025"),
        ("Budapest Memorandum", "budapest-1994"),
    ] {
        let v = json(&["show", alias]);
        assert_eq!(v["id"], id, "{alias}");
    }
}
