//! Every geographic clause to the letter (docs/geography.md): for each scope
//! rule of a treaty with a geographic clause, one attack inside and one
//! outside, at the rule's edge, on real episodes where they exist. The real
//! binary on the embedded knowledge base.

mod common;

use common::why_target as why;
use serde_json::Value;

/// The verdict of `provision` from `obligor` to `to` (`None`: not posed).
fn verdict_of(v: &Value, treaty: &str, provision: &str, obligor: &str, to: &str) -> Option<Value> {
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
        .cloned()
}

#[allow(clippy::too_many_arguments)]
fn expect(
    attacker: &str,
    defender: &str,
    at: &str,
    on: &str,
    target: &str,
    (treaty, provision, obligor, to): (&str, &str, &str, &str),
    want: &str,
    reason_has: &str,
) {
    let v = why(attacker, defender, at, on, target);
    let got = verdict_of(&v, treaty, provision, obligor, to).unwrap_or_else(|| {
        panic!(
            "no {treaty} {provision} {obligor}->{to} for {at} on {on}: {:#}",
            v["verdicts"]
        )
    });
    assert_eq!(got["verdict"], want, "{at} {on} {target}: {got:#}");
    let reasons = got["reasons"].to_string();
    assert!(
        reasons.contains(reason_has),
        "{at} {on} {target}: reasons lack {reason_has:?}: {reasons}"
    );
}

const NATO5: (&str, &str, &str, &str) = ("nato", "art5", "USA", "FRA");

// ---------------------------------------------------------------- NATO Art. 6(2)

/// French forces in Kyiv (2024): Ukraine is no party's territory, had no
/// parties' occupation forces on 24 Aug 1949, and is neither the
/// Mediterranean nor the North Atlantic: Art. 6(2) does not cover them.
#[test]
fn nato_french_forces_in_kyiv_are_outside_article_6() {
    expect(
        "Russia",
        "France",
        "Kyiv",
        "2024-06-01",
        "forces",
        NATO5,
        "not_triggered",
        "outside the scope",
    );
}

/// French forces in Warsaw: "when in or over these territories" — the
/// territory of any party, not only France's own.
#[test]
fn nato_french_forces_on_an_allys_territory_are_covered() {
    expect(
        "Russia",
        "France",
        "Warsaw",
        "2024-06-01",
        "forces",
        NATO5,
        "triggered",
        "Poland",
    );
}

/// Vienna: an area of Europe where the parties' occupation forces stood on
/// 24 Aug 1949, though Austria is no party; Belgrade was not.
#[test]
fn nato_occupation_area_of_1949_counts_and_belgrade_does_not() {
    let us = ("nato", "art5", "GBR", "USA");
    expect(
        "Russia",
        "United States",
        "Vienna",
        "2024-06-01",
        "forces",
        us,
        "triggered",
        "occupation forces",
    );
    expect(
        "Russia",
        "United States",
        "Belgrade",
        "2024-06-01",
        "forces",
        us,
        "not_triggered",
        "outside the scope",
    );
}

/// The Mediterranean (waters south of Sicily) is covered; the Red Sea,
/// where Houthi forces attacked US warships from Oct 2023, is not.
#[test]
fn nato_mediterranean_yes_red_sea_no() {
    let us = ("nato", "art5", "GBR", "USA");
    expect(
        "Iran",
        "United States",
        "35.5,16.0",
        "2024-01-12",
        "forces",
        us,
        "triggered",
        "Mediterranean",
    );
    expect(
        "Iran",
        "United States",
        "20.0,38.5",
        "2024-01-12",
        "forces",
        us,
        "not_triggered",
        "outside the scope",
    );
}

/// The North Atlantic north of the Tropic of Cancer: 30°N is in, 20°N out.
#[test]
fn nato_north_atlantic_edge_is_the_tropic() {
    let us = ("nato", "art5", "GBR", "USA");
    expect(
        "Russia",
        "United States",
        "30.0,-40.0",
        "2024-01-01",
        "forces",
        us,
        "triggered",
        "North Atlantic",
    );
    expect(
        "Russia",
        "United States",
        "20.0,-40.0",
        "2024-01-01",
        "forces",
        us,
        "not_triggered",
        "outside the scope",
    );
}

/// The 1949 text covered "the occupation forces of any Party in Europe":
/// US forces in Vienna in 1950 yes; US forces in Kyiv (then Soviet) no.
#[test]
fn nato_1949_text_covers_occupation_forces() {
    let us = ("nato", "art5-1949", "GBR", "USA");
    expect(
        "Soviet Union",
        "United States",
        "Vienna",
        "1950-06-01",
        "forces",
        us,
        "triggered",
        "occupation forces",
    );
    expect(
        "Soviet Union",
        "United States",
        "Kyiv",
        "1950-06-01",
        "forces",
        us,
        "not_triggered",
        "outside the scope",
    );
}

// ---------------------------------------------------------------- Rio Art. 3(3) and 4

const RIO3: (&str, &str, &str, &str) = ("rio", "art3", "BRA", "ARG");

/// ARA General Belgrano, sunk 2 May 1982 at about 55°24′S 61°32′W: inside
/// the Art. 4 region (which runs to the South Pole between 24°W and 90°W).
#[test]
fn rio_belgrano_sinking_is_inside_the_region() {
    expect(
        "United Kingdom",
        "Argentina",
        "55.4S 61.53W",
        "1982-05-02",
        "forces",
        RIO3,
        "triggered",
        "Rio Treaty region",
    );
}

/// Argentine forces at South Georgia when British forces retook it
/// (25 Apr 1982): inside the region, by name and by coordinates.
#[test]
fn rio_south_georgia_is_inside_the_region() {
    expect(
        "United Kingdom",
        "Argentina",
        "South Georgia",
        "1982-04-25",
        "forces",
        RIO3,
        "triggered",
        "Rio Treaty region",
    );
    expect(
        "United Kingdom",
        "Argentina",
        "54.28S 36.5W",
        "1982-04-25",
        "forces",
        RIO3,
        "triggered",
        "Rio Treaty region",
    );
}

/// East of 24°W (off Tristan da Cunha) the South Atlantic is outside.
#[test]
fn rio_east_of_24_west_is_outside() {
    expect(
        "United Kingdom",
        "Argentina",
        "37.1S 12.3W",
        "1982-05-02",
        "forces",
        RIO3,
        "not_triggered",
        "outside the scope",
    );
    expect(
        "United Kingdom",
        "Argentina",
        "60S 23.5W",
        "1982-05-02",
        "forces",
        RIO3,
        "not_triggered",
        "outside the scope",
    );
    expect(
        "United Kingdom",
        "Argentina",
        "60S 24.5W",
        "1982-05-02",
        "forces",
        RIO3,
        "triggered",
        "Rio Treaty region",
    );
}

// ---------------------------------------------------------------- US-ROC Art. V/VI

const ROC5: (&str, &str, &str, &str) = ("us-roc-1954", "art5", "USA", "TWN");

/// Kinmen, 23 Aug 1958 (the Second Taiwan Strait Crisis opens with the PRC
/// bombardment): Art. VI names Taiwan and the Pescadores only.
#[test]
fn us_roc_kinmen_1958_is_not_taiwan_and_the_pescadores() {
    expect(
        "China",
        "Taiwan",
        "Kinmen",
        "1958-08-23",
        "territory",
        ROC5,
        "not_triggered",
        "does not name",
    );
    expect(
        "China",
        "Taiwan",
        "Matsu",
        "1958-08-23",
        "territory",
        ROC5,
        "not_triggered",
        "does not name",
    );
}

/// Taipei and the Pescadores, the same day: covered.
#[test]
fn us_roc_taiwan_and_the_pescadores_are_covered() {
    expect(
        "China",
        "Taiwan",
        "Taipei",
        "1958-08-23",
        "territory",
        ROC5,
        "triggered",
        "Taiwan",
    );
    expect(
        "China",
        "Taiwan",
        "Pescadores",
        "1958-08-23",
        "territory",
        ROC5,
        "triggered",
        "Penghu",
    );
}

/// Art. V speaks of the parties' territories only: ROC forces at sea in the
/// Taiwan Strait are not covered.
#[test]
fn us_roc_has_no_forces_rule() {
    expect(
        "China",
        "Taiwan",
        "Taiwan Strait",
        "1958-08-23",
        "forces",
        ROC5,
        "not_triggered",
        "outside the scope",
    );
}

// ---------------------------------------------------------------- US-Japan Art. V

/// "Territories under the administration of Japan": Okinawa in 1971 was
/// under US administration (reversion 15 May 1972); in 1973 it was not.
#[test]
fn us_japan_okinawa_before_and_after_reversion() {
    let jp = ("us-japan-1960", "art5", "USA", "JPN");
    expect(
        "China",
        "Japan",
        "Okinawa",
        "1971-06-01",
        "territory",
        jp,
        "not_triggered",
        "not under the administration of Japan",
    );
    expect(
        "China",
        "Japan",
        "Okinawa",
        "1973-06-01",
        "territory",
        jp,
        "triggered",
        "administration of Japan",
    );
}

// ---------------------------------------------------------------- ANZUS and US-Philippines Art. V

/// "The metropolitan territory": the US mainland (Washington, the attacks of
/// 11 Sep 2001 that Australia invoked ANZUS for) yes; Puerto Rico, an
/// island territory outside the Pacific, no; Guam, an island territory in
/// the Pacific, yes.
#[test]
fn anzus_metropolitan_and_pacific_island_territory() {
    let an = ("anzus", "art4", "AUS", "USA");
    expect(
        "Iran",
        "United States",
        "Washington",
        "2001-09-11",
        "territory",
        an,
        "triggered",
        "metropolitan",
    );
    expect(
        "Iran",
        "United States",
        "San Juan",
        "2001-09-11",
        "territory",
        an,
        "not_triggered",
        "not metropolitan",
    );
    expect(
        "Iran",
        "United States",
        "Guam",
        "2001-09-11",
        "territory",
        an,
        "triggered",
        "Pacific",
    );
}

#[test]
fn us_philippines_metropolitan_and_pacific_forces() {
    let ph = ("us-philippines-1951", "art4", "PHL", "USA");
    expect(
        "China",
        "United States",
        "San Juan",
        "2024-01-01",
        "territory",
        ph,
        "not_triggered",
        "not metropolitan",
    );
    expect(
        "China",
        "United States",
        "Honolulu",
        "2024-01-01",
        "territory",
        ph,
        "triggered",
        "Pacific",
    );
    let us = ("us-philippines-1951", "art4", "USA", "PHL");
    expect(
        "China",
        "Philippines",
        "Second Thomas Shoal",
        "2024-03-05",
        "forces",
        us,
        "triggered",
        "Pacific",
    );
    expect(
        "China",
        "Philippines",
        "20.0,38.5",
        "2024-03-05",
        "forces",
        us,
        "not_triggered",
        "outside the scope",
    );
}

// ---------------------------------------------------------------- SEATO Art. IV(1) and VIII

/// US forces in the South China Sea south of 21°30′N (15°N) are in the
/// treaty area; north of it (25°N, off Taiwan) they are not.
#[test]
fn seato_treaty_area_stops_at_21_30_north() {
    let se = ("seato", "art4-1", "AUS", "USA");
    expect(
        "China",
        "United States",
        "15.0,115.0",
        "1965-06-01",
        "forces",
        se,
        "triggered",
        "SEATO treaty area",
    );
    expect(
        "China",
        "United States",
        "21.0,121.5",
        "1965-06-01",
        "forces",
        se,
        "triggered",
        "SEATO treaty area",
    );
    expect(
        "China",
        "United States",
        "22.0,121.5",
        "1965-06-01",
        "forces",
        se,
        "not_triggered",
        "outside the scope",
    );
}

/// "The entire territories of the Asian Parties": Islamabad (West Pakistan,
/// far from South-East Asia) is covered; Hawaii (US, outside) is not.
#[test]
fn seato_entire_territories_of_the_asian_parties() {
    let pk = ("seato", "art4-1", "GBR", "PAK");
    expect(
        "India",
        "Pakistan",
        "Islamabad",
        "1965-09-06",
        "territory",
        pk,
        "triggered",
        "Pakistan",
    );
    let us = ("seato", "art4-1", "AUS", "USA");
    expect(
        "China",
        "United States",
        "Honolulu",
        "1965-09-06",
        "territory",
        us,
        "not_triggered",
        "outside the scope",
    );
}

// ---------------------------------------------------------------- Warsaw Pact Art. 4

/// "An armed attack in Europe": Soviet territory in Europe (Moscow) yes; the
/// Sino-Soviet border on the Ussuri, where Soviet and Chinese forces
/// clashed on 2 Mar 1969 (Zhenbao/Damansky), no.
#[test]
fn warsaw_pact_in_europe_only() {
    let wp = ("warsaw-pact", "art4", "POL", "SUN");
    expect(
        "China",
        "Soviet Union",
        "Moscow",
        "1969-03-02",
        "territory",
        wp,
        "triggered",
        "Europe",
    );
    expect(
        "China",
        "Soviet Union",
        "48.48,135.07",
        "1969-03-02",
        "territory",
        wp,
        "not_triggered",
        "outside the scope",
    );
}
