//! The compiled index against names people type: folding, alternate names,
//! the choice rules on real data, and every entry reachable by its own name.

use casus_gazetteer::{choose, Choice, Gazetteer, How, Policy};
use proptest::prelude::*;

fn pick(name: &str) -> Choice {
    let (name, cc) = casus_gazetteer::split_qualifier(name);
    choose(
        Gazetteer::get().lookup(name),
        cc.as_deref(),
        Policy::default(),
    )
}

fn chosen(name: &str) -> (String, &'static str) {
    match pick(name) {
        Choice::One { entry, .. } => (entry.name.to_string(), entry.country),
        other => panic!("{name:?} should resolve to one place, got {other:?}"),
    }
}

#[test]
fn holds_cities1000() {
    let g = Gazetteer::get();
    assert!(g.len() > 150_000, "{} places", g.len());
    assert!(g.name_count() > g.len());
}

#[test]
fn places_of_the_issue_resolve() {
    for (name, country) in [
        ("New York", "US"),
        ("Idlib", "SY"),
        ("Akçakale", "TR"),
        ("Akcakale", "TR"),
        ("Batken", "KG"),
        ("Gori", "GE"),
        ("Port Said", "EG"),
        ("Lampedusa", "IT"),
        ("Leipzig", "DE"),
        ("LEIPZIG", "DE"),
        ("Port-Saïd", "EG"),
    ] {
        assert_eq!(chosen(name).1, country, "{name}");
    }
}

#[test]
fn other_scripts_fold_to_latin_names() {
    assert_eq!(chosen("Гори").1, "GE");
}

#[test]
fn ambiguous_names_list_candidates_unless_qualified() {
    let Choice::Ambiguous(c) = pick("Tripoli") else {
        panic!("Tripoli is a city in Libya and in Lebanon");
    };
    assert!(c.iter().any(|e| e.country == "LY") && c.iter().any(|e| e.country == "LB"));
    assert_eq!(chosen("Tripoli, LB").1, "LB");
    assert!(matches!(
        choose(
            Gazetteer::get().lookup("Tripoli"),
            None,
            Policy { most_populous: true }
        ),
        Choice::One { how: How::MostPopulous, entry, .. } if entry.country == "LY"
    ));
    assert_eq!(pick("Tripoli, ZZ"), Choice::None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// Every place is found under its own primary name (and country).
    #[test]
    fn every_place_is_found_by_its_name(i in 0usize..170_000) {
        let g = Gazetteer::get();
        let e = g.entry(i % g.len()).expect("in range");
        prop_assert!(g.lookup(e.name).iter().any(|x| x.index == e.index), "{:?}", e);
    }
}
