//! Invariants of the importer, on generated input: quoting round-trips
//! through TOML; a membership split across polities sharing a COW code covers
//! it exactly, piece after piece; arbitrary CSV bytes never panic the reader
//! (every row is either read or reported).

use casus_core::{FuzzyDate, Interval, KnowledgeBase};
use casus_import::polities::PolityMap;
use casus_import::toml_text::{kv, quote};
use proptest::prelude::*;

proptest! {
    #[test]
    fn quoted_text_round_trips_through_toml(s in "\\PC*|[\\x00-\\x1f\"\\\\]*") {
        let mut doc = String::new();
        kv(&mut doc, "x", &s);
        let t: toml::Table = toml::from_str(&doc).unwrap();
        prop_assert_eq!(t["x"].as_str(), Some(s.as_str()));
        prop_assert!(quote(&s).starts_with('"'));
    }

    #[test]
    fn split_memberships_are_contiguous_and_cover_the_interval(
        start in 1815i16..2015, len in 0i16..120, open in any::<bool>(), code in prop::sample::select(vec![365u16, 345, 255, 240, 2, 9999]),
    ) {
        let base = KnowledgeBase::embedded().unwrap();
        let mut map = PolityMap::new(&base, None);
        let from: FuzzyDate = format!("{start:04}-03-15").parse().unwrap();
        let end = (start + len).min(2018);
        let to: Option<FuzzyDate> = (!open).then(|| format!("{end:04}-09-30").parse().unwrap());
        let pieces = map.assign(code, Interval::new(Some(from), to), "test");
        prop_assert!(!pieces.is_empty());
        prop_assert_eq!(pieces[0].interval.from, Some(from));
        prop_assert_eq!(pieces.last().unwrap().interval.to, to);
        for w in pieces.windows(2) {
            let a_end = w[0].interval.to.unwrap().latest();
            let b_start = w[1].interval.from.unwrap().earliest();
            prop_assert_eq!(a_end.tomorrow().unwrap(), b_start);
            prop_assert_ne!(&w[0].polity, &w[1].polity);
        }
    }

    #[test]
    fn arbitrary_csv_never_panics_and_every_row_is_accounted_for(
        rows in prop::collection::vec("[0-9a-z,\" \\r]{0,40}", 0..12),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("atop5_1m.csv");
        let header = "atopid,member,phase,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul,asymm,obvary";
        let text = format!("{header}\n{}", rows.join("\n"));
        std::fs::write(&path, &text).unwrap();
        let mut problems = Vec::new();
        let read = casus_import::atop::read_members(&path, &mut problems).unwrap();
        let lines = text.matches('\n').count() as u64 + 1;
        for p in &problems {
            prop_assert!(p.line >= 2 && p.line <= lines, "{p}");
        }
        // A lone CR also ends a record; quotes can only join lines.
        let segments = rows.iter().map(|r| r.split('\r').count()).sum::<usize>();
        prop_assert!(read.len() + problems.len() <= segments);
    }
}
