//! From the places that bear a name to one answer, or to a list of
//! candidates — never a silent guess. The rules, in order:
//!
//! 1. A country qualifier (`"Tripoli, LB"`: a comma, then an ISO 3166-1
//!    alpha-2 code) keeps only that country's places.
//! 2. Places whose own name it is outrank places that bear it only as an
//!    alternate name (Gori in Georgia over Gorey in Ireland, whose Irish
//!    name is Guaire but which GeoNames also lists as "Gori"); alternates
//!    count only when no place bears the name as its own.
//! 3. A place in the same country within [`SAME_PLACE_KM`] of a more
//!    populous candidate is taken as part of it (a city and its own
//!    district, such as New York City and Manhattan) and dropped; so is a
//!    province or region in the same country as a populated place or an
//!    island of the name (Herat the province yields to Herat the city,
//!    after which it is named; Bali the province to Bali the island), and a
//!    region to a province of the name in the same country.
//! 4. One candidate left: that place.
//! 5. With [`Policy::most_populous`]: the most populous.
//! 6. A clear leader — at least [`LEADER_FACTOR`] times the weight of
//!    every other candidate — is chosen, and the others are named in a note.
//!    The weight is a place's population, and a fixed figure for features
//!    that have none ([`Entry::weight`]).
//! 7. Otherwise the name is ambiguous: the caller lists the candidates with
//!    country and population (exit 2 in the CLI).

use crate::index::{Entry, Feature};

/// How many times more populous than every other candidate a place must be
/// to be chosen without being asked.
pub const LEADER_FACTOR: u32 = 10;

/// Candidates in one country closer than this (great-circle, km) to a more
/// populous candidate count as the same place.
pub const SAME_PLACE_KM: f64 = 25.0;

/// What the user asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// Pick the most populous candidate instead of reporting ambiguity.
    pub most_populous: bool,
}

/// Why a place was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The only place of that name (after rules 1 to 3).
    Only,
    /// Asked for: the most populous.
    MostPopulous,
    /// At least [`LEADER_FACTOR`] times more populous than the others.
    Leader,
}

/// The outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    One {
        entry: Entry,
        how: How,
        /// Other places of that name (not counting rules 2 and 3),
        /// most populous first.
        passed_over: Vec<Entry>,
    },
    /// Two or more places, none chosen; most populous first.
    Ambiguous(Vec<Entry>),
    /// No place of that name (in that country).
    None,
}

/// Split a trailing country qualifier: `"Tripoli, LB"` → (`"Tripoli"`,
/// `Some("LB")`). Anything after the last comma that is not exactly two
/// ASCII letters is part of the name.
pub fn split_qualifier(input: &str) -> (&str, Option<String>) {
    if let Some((name, cc)) = input.rsplit_once(',') {
        let cc = cc.trim();
        if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_alphabetic()) && !name.trim().is_empty() {
            return (name.trim(), Some(cc.to_ascii_uppercase()));
        }
    }
    (input, None)
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(a: &Entry, b: &Entry) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Rules 1 to 3: the candidates left standing, heaviest first.
pub fn candidates(entries: Vec<Entry>, country: Option<&str>) -> Vec<Entry> {
    let in_country: Vec<Entry> = entries
        .into_iter()
        .filter(|e| country.is_none_or(|c| e.country.eq_ignore_ascii_case(c)))
        .collect();
    // Countries with a populated place or an island of the name, as its
    // own name or an alternate (Chittagong the division yields to the city
    // GeoNames calls Chattogram, which bears "Chittagong" as an alternate;
    // Bali the province to Bali the island).
    let towns: Vec<&str> = in_country
        .iter()
        .filter(|e| matches!(e.kind, Feature::Place | Feature::Island))
        .map(|e| e.country)
        .collect();
    let provinces: Vec<&str> = in_country
        .iter()
        .filter(|e| e.kind == Feature::Province)
        .map(|e| e.country)
        .collect();
    let in_country: Vec<Entry> = in_country
        .into_iter()
        .filter(|e| !(e.kind.is_named_area() && towns.contains(&e.country)))
        .filter(|e| !(e.kind == Feature::Region && provinces.contains(&e.country)))
        .collect();
    let own_name = in_country.iter().any(|e| e.primary);
    let own: Vec<Entry> = in_country
        .into_iter()
        .filter(|e| e.primary || !own_name)
        .collect();
    let mut kept: Vec<Entry> = Vec::new();
    for e in own.iter().copied() {
        let district = kept
            .iter()
            .any(|k| k.country == e.country && distance_km(k, &e) < SAME_PLACE_KM);
        if !district {
            kept.push(e);
        }
    }
    kept
}

/// Apply the rules to `entries` (heaviest first, as the index gives them).
pub fn choose(entries: Vec<Entry>, country: Option<&str>, policy: Policy) -> Choice {
    decide(candidates(entries, country), policy)
}

/// Rules 4 to 7 on the candidates left by rules 1 to 3.
pub fn decide(kept: Vec<Entry>, policy: Policy) -> Choice {
    decide_with(kept, policy, LEADER_FACTOR)
}

/// [`decide`] with another factor for a clear leader: candidates that a
/// question's states have already narrowed to one country need less.
pub fn decide_with(kept: Vec<Entry>, policy: Policy, leader_factor: u32) -> Choice {
    match kept.len() {
        0 => Choice::None,
        1 => Choice::One {
            entry: kept[0],
            how: How::Only,
            passed_over: Vec::new(),
        },
        _ => {
            let first = kept[0];
            let second = kept[1].weight();
            let how = if policy.most_populous {
                Some(How::MostPopulous)
            } else if u64::from(first.weight())
                >= u64::from(leader_factor) * u64::from(second.max(1))
            {
                Some(How::Leader)
            } else {
                None
            };
            match how {
                Some(how) => Choice::One {
                    entry: first,
                    how,
                    passed_over: kept[1..].to_vec(),
                },
                None => Choice::Ambiguous(kept),
            }
        }
    }
}

/// `"Tripoli (LY, pop. 1,150,989)"`, `"Tigray (province, ET)"`, `"Gulf of
/// Aden (sea)"`: how a candidate is listed.
pub fn describe(e: &Entry) -> String {
    match (e.kind, e.country) {
        (Feature::Place, cc) => format!("{} ({}, pop. {})", e.name, cc, thousands(e.population)),
        (kind, "--") => format!("{} ({})", e.name, kind.as_str()),
        (kind, cc) => format!("{} ({}, {})", e.name, kind.as_str(), cc),
    }
}

/// `1150989` → `"1,150,989"`.
pub fn thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(index: u32, name: &'static str, cc: &'static str, pop: u32, lat: f64, lon: f64) -> Entry {
        Entry {
            index,
            geonameid: index,
            kind: Feature::Place,
            name,
            lat,
            lon,
            country: cc,
            population: pop,
            primary: true,
        }
    }

    #[test]
    fn qualifier_is_two_letters_after_the_last_comma() {
        assert_eq!(
            split_qualifier("Tripoli, LB"),
            ("Tripoli", Some("LB".into()))
        );
        assert_eq!(
            split_qualifier("Tripoli,ly"),
            ("Tripoli", Some("LY".into()))
        );
        assert_eq!(
            split_qualifier("Washington, D.C."),
            ("Washington, D.C.", None)
        );
        assert_eq!(split_qualifier(", LB"), (", LB", None));
        assert_eq!(split_qualifier("Gori"), ("Gori", None));
    }

    #[test]
    fn leader_needs_ten_times_the_next() {
        let big = e(1, "A", "TR", 32_114, 36.7, 38.9);
        let small = e(2, "A", "TR", 1_676, 38.1, 39.7);
        let Choice::One {
            entry,
            how,
            passed_over,
        } = choose(vec![big, small], None, Policy::default())
        else {
            panic!("a clear leader is chosen");
        };
        assert_eq!((entry.index, how, passed_over.len()), (1, How::Leader, 1));
        let close = e(3, "B", "LY", 1_000_000, 32.9, 13.2);
        let other = e(4, "B", "LB", 200_000, 34.4, 35.8);
        assert!(matches!(
            choose(vec![close, other], None, Policy::default()),
            Choice::Ambiguous(v) if v.len() == 2
        ));
        assert!(matches!(
            choose(vec![close, other], Some("LB"), Policy::default()),
            Choice::One { entry, how: How::Only, .. } if entry.index == 4
        ));
        assert!(matches!(
            choose(vec![close, other], None, Policy { most_populous: true }),
            Choice::One { entry, how: How::MostPopulous, .. } if entry.index == 3
        ));
    }

    #[test]
    fn districts_of_a_larger_place_do_not_make_a_name_ambiguous() {
        let city = e(1, "New York City", "US", 8_800_000, 40.714, -74.006);
        let borough = e(2, "Manhattan", "US", 1_600_000, 40.783, -73.966);
        assert!(matches!(
            choose(vec![city, borough], None, Policy::default()),
            Choice::One { how: How::Only, .. }
        ));
    }

    #[test]
    fn own_names_outrank_alternate_names() {
        let gori = e(1, "Gori", "GE", 41_933, 41.98, 44.11);
        let mut gorey = e(2, "Gorey", "IE", 9_822, 52.67, -6.29);
        gorey.primary = false;
        assert!(matches!(
            choose(vec![gori, gorey], None, Policy::default()),
            Choice::One { entry, how: How::Only, .. } if entry.index == 1
        ));
        // With no place bearing it as its own name, alternates count.
        let mut volgograd = e(3, "Volgograd", "RU", 1_013_533, 48.7, 44.5);
        volgograd.primary = false;
        assert!(matches!(
            choose(vec![volgograd], None, Policy::default()),
            Choice::One { entry, .. } if entry.index == 3
        ));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_150_989), "1,150,989");
    }
}
