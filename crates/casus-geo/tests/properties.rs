//! Invariants over random input: parsing never panics, any point on Earth
//! resolves (to a territory, a sea area, or an explained gap), and the quick
//! and full resolutions agree.

use casus_core::KnowledgeBase;
use casus_geo::{parse_coord, Coord, Resolver};
use proptest::prelude::*;

fn kb() -> &'static KnowledgeBase {
    use std::sync::OnceLock;
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base loads"))
}

fn resolver() -> &'static Resolver<'static> {
    use std::sync::OnceLock;
    static R: OnceLock<Resolver<'static>> = OnceLock::new();
    R.get_or_init(|| Resolver::new(kb(), None).expect("boundary layer loads"))
}

proptest! {
    #[test]
    fn parsing_any_string_never_panics(s in ".{0,40}") {
        let _ = parse_coord(&s);
        let _ = casus_geo::looks_like_coordinates(&s);
    }

    #[test]
    fn parsing_coordinate_like_strings_never_panics(
        s in "[-+0-9.,;°'\"′″ NSEWnsew]{0,30}"
    ) {
        if let Ok(c) = parse_coord(&s) {
            prop_assert!((-90.0..=90.0).contains(&c.lat));
            prop_assert!((-180.0..=180.0).contains(&c.lon));
        }
    }

    #[test]
    fn any_float_pair_is_accepted_only_in_range(lat in proptest::num::f64::ANY, lon in proptest::num::f64::ANY) {
        match Coord::new(lat, lon) {
            Ok(c) => {
                prop_assert!(c.lat.is_finite() && c.lon.is_finite());
                prop_assert!((-90.0..=90.0).contains(&c.lat) && (-180.0..=180.0).contains(&c.lon));
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn printed_decimal_coordinates_parse_back(lat in -90.0f64..=90.0, lon in -180.0f64..=180.0) {
        let c = parse_coord(&format!("{lat},{lon}")).expect("in range");
        prop_assert_eq!(c.lat, lat);
        prop_assert_eq!(c.lon, lon);
    }

    #[test]
    fn every_point_resolves_consistently(lat in -90.0f64..=90.0, lon in -180.0f64..=180.0) {
        let r = resolver();
        let c = Coord::new(lat, lon).expect("in range");
        let full = r.resolve(c);
        let quick = r.quick(c);
        prop_assert_eq!(full.territory, quick.territory);
        prop_assert_eq!(full.sea, quick.sea);
        // At sea exactly when the layer has no area; every sea has a territory.
        prop_assert_eq!(full.sea.is_some(), full.layer_areas.is_empty());
        if full.sea.is_some() {
            prop_assert!(full.territory.is_some());
        }
        // A point with no territory is always explained.
        if full.territory.is_none() {
            prop_assert!(!full.notes.is_empty());
        }
        let quick_regions: Vec<&str> = quick.regions.iter().map(|x| x.id()).collect();
        let full_regions: Vec<&str> = full.regions.iter().map(|x| x.region).collect();
        prop_assert_eq!(quick_regions, full_regions);
    }
}
