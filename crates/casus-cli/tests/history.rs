//! The map through time: who held a
//! place on a past date, with de jure and de facto apart and recorded
//! non-recognition; Berlin's four-power status and the Western allies'
//! guarantee; colonies up to independence; successor states' areas that
//! answer as their predecessor's; and a sweep over every capital of today
//! on 1 Jan of every fifth year from 1945 to 2025.

mod common;

use casus_core::query::{place_status, resolve_place};
use casus_core::KnowledgeBase;
use common::{json, run_ok, why};
use jiff::civil::Date;
use serde_json::Value;

/// `casus place PLACE --on DATE --format json`.
fn place(at: &str, on: &str) -> Value {
    json(&["place", at, "--on", on])
}

/// The polity ids of one role (`sovereign`, `controller`, …) in a place answer.
fn ids(v: &Value, role: &str) -> Vec<String> {
    v[role]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|h| h["polity"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The verdict strings of one treaty's provision in a `why` answer.
fn verdicts_of(v: &Value, treaty: &str, provision: &str) -> Vec<String> {
    v["verdicts"]
        .as_array()
        .expect("verdicts array")
        .iter()
        .filter(|x| x["treaty"] == treaty && x["provision"] == provision)
        .filter_map(|x| x["verdict"].as_str().map(str::to_string))
        .collect()
}

// Leipzig, by coordinates (the gazetteer adds the name separately).
const LEIPZIG: &str = "51.3397,12.3731";
// Tempelhof (American sector) and Alexanderplatz (Soviet sector).
const WEST_BERLIN_TEMPELHOF: &str = "52.4730,13.4030";
const EAST_BERLIN_ALEXANDERPLATZ: &str = "52.5219,13.4132";

#[test]
fn leipzig_is_the_gdr_in_1989_and_nato_territory_in_1991() {
    let p = place(LEIPZIG, "1989-06-01");
    assert_eq!(p["territory"], "east-germany");
    assert_eq!(ids(&p, "sovereign"), ["DDR"]);
    let v = why("Soviet Union", "DDR", LEIPZIG, "1989-06-01");
    assert!(
        verdicts_of(&v, "nato", "art5").is_empty(),
        "the GDR is owed nothing under NATO Art. 5: {:#}",
        v["verdicts"]
    );
    let v = why("Soviet Union", "Germany", LEIPZIG, "1991-06-01");
    let art5 = verdicts_of(&v, "nato", "art5");
    assert!(
        !art5.is_empty() && art5.iter().all(|x| x == "triggered"),
        "{art5:?}"
    );
}

#[test]
fn west_berlin_1961_gets_the_allies_guarantee_and_east_berlin_does_not() {
    let p = place(WEST_BERLIN_TEMPELHOF, "1961-09-01");
    assert_eq!(p["territory"], "american-sector-berlin");
    assert_eq!(ids(&p, "sovereign"), Vec::<String>::new());
    assert!(p["no_sovereign"]["reason"]
        .as_str()
        .is_some_and(|r| r.contains("four-power")));
    assert_eq!(ids(&p, "controller"), ["USA"]);

    let v = why("Soviet Union", "USA", WEST_BERLIN_TEMPELHOF, "1961-09-01");
    let g = verdicts_of(&v, "berlin-guarantee-1954", "para5");
    assert!(!g.is_empty() && g.iter().all(|x| x == "triggered"), "{g:?}");
    let text = run_ok(&[
        "why",
        "--attacker",
        "Soviet Union",
        "--at",
        WEST_BERLIN_TEMPELHOF,
        "--on",
        "1961-09-01",
        "--proof",
    ]);
    assert!(
        text.contains("London Nine-Power Conference"),
        "the guarantee cites its instrument: {text}"
    );

    let p = place(EAST_BERLIN_ALEXANDERPLATZ, "1961-09-01");
    assert_eq!(p["territory"], "east-berlin");
    assert_eq!(ids(&p, "controller"), ["DDR"]);
    assert_eq!(ids(&p, "not_recognised_by"), ["USA", "GBR", "FRA"]);
    let v = why(
        "Soviet Union",
        "USA",
        EAST_BERLIN_ALEXANDERPLATZ,
        "1961-09-01",
    );
    let g = verdicts_of(&v, "berlin-guarantee-1954", "para5");
    assert!(g.iter().all(|x| x == "not_triggered"), "{g:?}");
}

#[test]
fn the_city_of_berlin_has_four_power_status_until_unification() {
    let p = place("Berlin", "1961-09-01");
    assert_eq!(p["territory"], "greater-berlin");
    assert!(ids(&p, "sovereign").is_empty());
    assert!(p["no_sovereign"]["reason"]
        .as_str()
        .is_some_and(|r| r.contains("four-power")));
    assert_eq!(ids(&place("Berlin", "1995-01-01"), "sovereign"), ["DEU"]);
}

#[test]
fn berlin_is_german_after_unification() {
    for at in [WEST_BERLIN_TEMPELHOF, EAST_BERLIN_ALEXANDERPLATZ] {
        let p = place(at, "1991-01-01");
        assert_eq!(ids(&p, "sovereign"), ["DEU"], "{at}");
    }
}

#[test]
fn prague_1968_is_czechoslovakia_s_territory() {
    let p = place("Prague", "1968-08-21");
    assert_eq!(p["territory"], "czechoslovakia");
    assert_eq!(p["territory_name"], "Czechoslovakia");
    assert_eq!(p["present_territory"], "czech-republic");
    assert_eq!(ids(&p, "sovereign"), ["CSK"]);
    // The same rule for every successor state's mainland, by name and by
    // coordinates, and not after independence.
    for (at, on, territory) in [
        ("Bratislava", "1968-08-21", "czechoslovakia"),
        ("50.0755,14.4378", "1968-08-21", "czechoslovakia"),
        ("Ljubljana", "1980-01-01", "yugoslavia"),
        ("Kyiv", "1980-01-01", "soviet-union"),
        ("Crimea", "1980-01-01", "crimea"),
        ("Prague", "1993-01-01", "czech-republic"),
        ("Kyiv", "1992-01-01", "ukraine"),
    ] {
        let p = place(at, on);
        assert_eq!(p["territory"], territory, "{at} on {on}");
    }
    let p = place("Crimea", "1980-01-01");
    assert_eq!(ids(&p, "sovereign"), ["SUN"]);
}

/// Every capital of today (the knowledge base's places whose source calls
/// them a capital), on 1 Jan of every fifth year from 1945 to 2025: a
/// sovereign, or a recorded reason for none.
#[test]
fn every_capital_every_fifth_year_names_a_sovereign_or_says_why_none() {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base loads");
    let capitals: Vec<&casus_core::model::Place> = kb
        .places
        .iter()
        .filter(|p| p.source.citation.starts_with("Capital of"))
        .collect();
    assert!(
        capitals.len() > 150,
        "only {} capitals found",
        capitals.len()
    );
    let mut missing = Vec::new();
    for year in (1945..=2025).step_by(5) {
        let date = Date::new(year, 1, 1).expect("valid date");
        for c in &capitals {
            let resolved = resolve_place(&kb, &c.id)
                .or_else(|_| resolve_place(&kb, &c.name))
                .expect("a capital resolves");
            let s = place_status(&kb, &resolved, date);
            if s.sovereign.is_empty() && s.no_sovereign.is_none() {
                missing.push(format!("{} ({}) {year}", c.name, s.territory));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} capital-years with neither a sovereign nor a reason:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn hong_kong_1990_is_british_and_macau_portuguese_administered() {
    let p = place("Hong Kong", "1990-01-01");
    assert_eq!(p["territory"], "hong-kong");
    assert_eq!(ids(&p, "sovereign"), ["GBR"]);
    assert_eq!(ids(&p, "controller"), ["GBR"]);
    assert_eq!(ids(&place("Hong Kong", "1998-01-01"), "sovereign"), ["CHN"]);
    // Macau by coordinates: Chinese territory under Portuguese administration.
    let p = place("22.19,113.54", "1990-01-01");
    assert_eq!(p["territory"], "macau");
    assert_eq!(ids(&p, "controller"), ["PRT"]);
    assert_eq!(
        ids(&place("22.19,113.54", "2000-01-01"), "controller"),
        ["CHN"]
    );
}

#[test]
fn goa_on_the_day_of_the_invasion_is_portuguese_and_outside_nato_s_area() {
    let p = place("Goa", "1961-12-18");
    assert_eq!(ids(&p, "sovereign"), ["PRT"]);
    assert_eq!(ids(&p, "controller"), ["PRT"]);
    let v = why("India", "Portugal", "Goa", "1961-12-18");
    let art5 = verdicts_of(&v, "nato", "art5");
    assert!(
        !art5.is_empty() && art5.iter().all(|x| x == "not_triggered"),
        "{art5:?}"
    );
    let p = place("Goa", "1962-01-01");
    assert_eq!(ids(&p, "sovereign"), ["IND"]);
    assert_eq!(ids(&p, "not_recognised_by"), ["PRT"]);
}

#[test]
fn tallinn_dili_and_windhoek_in_1980_have_their_holders() {
    let p = place("Tallinn", "1980-01-01");
    assert_eq!(ids(&p, "controller"), ["SUN"]);
    assert_eq!(ids(&p, "sovereign"), ["SUN"]);
    assert_eq!(p["sovereign"][0]["source"]["uncertain"], true);
    assert_eq!(ids(&p, "not_recognised_by"), ["USA"]);

    let p = place("Dili", "1980-01-01");
    assert_eq!(
        ids(&p, "sovereign"),
        ["PRT"],
        "Portugal, the administering power"
    );
    assert_eq!(ids(&p, "controller"), ["IDN"]);
    assert_eq!(ids(&p, "claimants"), ["IDN"]);

    let p = place("Windhoek", "1980-01-01");
    assert_eq!(ids(&p, "controller"), ["ZAF"]);
    assert!(ids(&p, "sovereign").is_empty());
    assert!(p["no_sovereign"]["source"]["citation"]
        .as_str()
        .is_some_and(|c| c.contains("ICJ advisory opinion")));
}

#[test]
fn the_paracels_on_19_january_1974_split_by_group() {
    let crescent = "16.53,111.61"; // Pattle Island
    let amphitrite = "16.83,112.34"; // Woody Island
    let p = place(crescent, "1974-01-19");
    assert_eq!(p["territory"], "crescent-group");
    assert_eq!(ids(&p, "controller"), ["RVN"]);
    let p = place(amphitrite, "1974-01-19");
    assert_eq!(p["territory"], "amphitrite-group");
    assert_eq!(ids(&p, "controller"), ["CHN"]);
    assert_eq!(ids(&place(crescent, "1974-01-21"), "controller"), ["CHN"]);
}

#[test]
fn sub_country_outlines_resolve_on_their_dates() {
    for (at, on, territory, controller) in [
        ("9.12,-79.69", "1970-01-01", "panama-canal-zone", "USA"),
        ("9.12,-79.69", "1980-01-01", "panama-canal-zone", "PAN"),
        ("29.5,33.8", "1975-01-01", "sinai", "ISR"),
        ("29.5,33.8", "1983-01-01", "sinai", "EGY"),
        ("-22.95,14.5", "1992-01-01", "walvis-bay", "ZAF"),
        ("49.23,7.0", "1950-01-01", "saar", "FRA"),
        ("50.11,8.68", "1947-06-01", "us-zone-germany", "USA"),
        ("53.55,10.0", "1947-06-01", "british-zone-germany", "GBR"),
        ("47.99,7.85", "1947-06-01", "french-zone-germany", "FRA"),
        ("52.52,13.30", "1961-09-01", "british-sector-berlin", "GBR"),
        ("52.56,13.29", "1961-09-01", "french-sector-berlin", "FRA"),
        ("48.2,15.6", "1950-01-01", "soviet-zone-austria", "SUN"),
        ("47.27,11.4", "1950-01-01", "french-zone-austria", "FRA"),
        ("45.65,13.78", "1950-01-01", "trieste-zone-a", "GBR"),
        (
            "45.55,13.73",
            "1950-01-01",
            "trieste-zone-b-slovenia",
            "YUG",
        ),
        ("12.78,45.03", "1960-01-01", "south-yemen", "GBR"),
        ("5.98,116.07", "1960-01-01", "sabah", "GBR"),
        ("31.5,34.45", "1980-01-01", "gaza-strip", "ISR"),
        ("27.09,142.19", "1960-01-01", "bonin-islands", "USA"),
        ("55.1,14.9", "1945-12-01", "bornholm", "SUN"),
        ("35.57,-5.37", "1950-01-01", "spanish-morocco", "ESP"),
        ("29.38,-10.17", "1960-01-01", "ifni", "ESP"),
        ("46.96,142.73", "1960-01-01", "south-sakhalin", "SUN"),
    ] {
        let p = place(at, on);
        assert_eq!(p["territory"], territory, "{at} on {on}");
        assert_eq!(ids(&p, "controller"), [controller], "{at} on {on}");
    }
}

#[test]
fn a_successor_area_keeps_its_own_continent_when_it_answers_as_its_predecessor() {
    let p = place("Tashkent", "1980-01-01");
    assert_eq!(p["territory"], "soviet-union");
    let regions: Vec<&str> = p["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(!regions.contains(&"europe"), "{regions:?}");
    let p = place("Kyiv", "1980-01-01");
    assert!(p["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .any(|r| r == "europe"));
}

#[test]
fn the_two_yemens_aden_british_to_1967_then_south_yemen() {
    assert_eq!(ids(&place("Aden", "1960-01-01"), "sovereign"), ["GBR"]);
    assert_eq!(ids(&place("Aden", "1975-01-01"), "sovereign"), ["YMD"]);
    assert_eq!(ids(&place("Aden", "1995-01-01"), "sovereign"), ["YEM"]);
    assert_eq!(ids(&place("Sanaa", "1980-01-01"), "sovereign"), ["YAR"]);
}

/// Every `part_of` spell in the knowledge base: on its first day the
/// territory answers as the named one, and the day after it ends as itself;
/// no own sovereign spell is hidden under it.
#[test]
fn every_part_of_spell_answers_as_its_predecessor_and_hides_no_sovereign_spell() {
    use casus_core::query::territory_status;
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base loads");
    let mut checked = 0;
    for (i, t) in kb.territories.iter().enumerate() {
        for spell in &t.part_of {
            let first = spell.interval.from.map(|d| d.earliest());
            let after = spell.interval.to.and_then(|d| d.latest().tomorrow().ok());
            if let Some(day) = first {
                let s = territory_status(&kb, i, day);
                assert_eq!(s.territory, spell.value, "{} on {day}", t.id);
                assert_eq!(s.present_territory.as_deref(), Some(t.id.as_str()));
            }
            if let Some(day) = after {
                let s = territory_status(&kb, i, day);
                assert_eq!(s.territory, t.id, "{} on {day}", t.id);
            }
            for own in &t.sovereign {
                assert!(
                    !own.interval.overlaps(&spell.interval),
                    "{}: sovereign spell {} hidden under part_of {}",
                    t.id,
                    own.interval,
                    spell.interval
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} part_of spells");
}

/// Towns on either side of the inner German border resolve to the GDR's
/// outline or to a western zone (the outline's accuracy, docs/history.md).
#[test]
fn inner_german_border_towns_fall_on_their_side() {
    let east = [
        ("Marienborn", "52.20,11.11"),
        ("Eisenach", "50.98,10.32"),
        ("Plauen", "50.50,12.14"),
        ("Wismar", "53.89,11.46"),
        ("Salzwedel", "52.85,11.15"),
        ("Meiningen", "50.57,10.41"),
        ("Boizenburg", "53.38,10.72"),
        ("Heiligenstadt", "51.38,10.14"),
        ("Wernigerode", "51.83,10.78"),
        ("Sonneberg", "50.354,11.173"),
        ("Probstzella", "50.53,11.38"),
        ("Potsdam", "52.40,13.06"),
    ];
    let west = [
        ("Helmstedt", "52.23,11.01"),
        ("Duderstadt", "51.51,10.26"),
        ("Coburg", "50.26,10.96"),
        ("Hof", "50.31,11.92"),
        ("Lübeck", "53.87,10.69"),
        ("Wolfsburg", "52.42,10.79"),
        ("Lauenburg", "53.37,10.56"),
        ("Ratzeburg", "53.70,10.76"),
        ("Dannenberg", "53.10,11.10"),
        ("Eschwege", "51.19,10.05"),
        ("Bad Harzburg", "51.88,10.56"),
        ("Ludwigsstadt", "50.486,11.385"),
        ("Selb", "50.17,12.13"),
        ("Fehmarn", "54.45,11.15"),
    ];
    for (town, at) in east {
        assert_eq!(
            place(at, "1970-01-01")["territory"],
            "east-germany",
            "{town}"
        );
    }
    for (town, at) in west {
        let t = place(at, "1970-01-01")["territory"].clone();
        assert!(
            t.as_str().is_some_and(|t| t.ends_with("-zone-germany")),
            "{town}: {t}"
        );
    }
}

/// Towns of Germany's and Austria's occupation zones fall in their zone.
#[test]
fn occupation_zone_towns_fall_in_their_zone() {
    for (town, at, on, zone) in [
        ("Kassel", "51.31,9.48", "1947-06-01", "us-zone-germany"),
        ("Wiesbaden", "50.08,8.24", "1947-06-01", "us-zone-germany"),
        ("Mainz", "49.99,8.25", "1947-06-01", "french-zone-germany"),
        (
            "Ludwigshafen",
            "49.48,8.43",
            "1947-06-01",
            "french-zone-germany",
        ),
        ("Mannheim", "49.49,8.47", "1947-06-01", "us-zone-germany"),
        ("Stuttgart", "48.78,9.18", "1947-06-01", "us-zone-germany"),
        (
            "Tübingen",
            "48.52,9.06",
            "1947-06-01",
            "french-zone-germany",
        ),
        ("Lindau", "47.55,9.68", "1947-06-01", "french-zone-germany"),
        ("Bonn", "50.73,7.10", "1947-06-01", "british-zone-germany"),
        ("Koblenz", "50.36,7.59", "1947-06-01", "french-zone-germany"),
        (
            "Göttingen",
            "51.53,9.93",
            "1947-06-01",
            "british-zone-germany",
        ),
        ("Bremen", "53.08,8.80", "1947-06-01", "bremen-enclave"),
        ("Linz", "48.30,14.29", "1950-06-01", "us-zone-austria"),
        (
            "Zell am See",
            "47.32,12.80",
            "1950-06-01",
            "us-zone-austria",
        ),
        (
            "Innsbruck",
            "47.27,11.39",
            "1950-06-01",
            "french-zone-austria",
        ),
        ("Graz", "47.07,15.44", "1950-06-01", "british-zone-austria"),
        ("Lienz", "46.83,12.77", "1950-06-01", "british-zone-austria"),
        (
            "Freistadt",
            "48.51,14.50",
            "1950-06-01",
            "soviet-zone-austria",
        ),
        (
            "Eisenstadt",
            "47.85,16.52",
            "1950-06-01",
            "soviet-zone-austria",
        ),
        ("Vienna", "48.21,16.37", "1950-06-01", "vienna-four-power"),
    ] {
        assert_eq!(place(at, on)["territory"], zone, "{town}");
    }
}
