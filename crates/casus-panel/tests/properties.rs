//! Properties of panels built from the embedded knowledge base: a year
//! panel and a spell panel expanded to years give identical flags, truths
//! and instruments; a day panel agrees with `casus_core::commitments` on
//! random days and states; the Parquet output reads back (parquet crate)
//! as the same batches `record_batches` returns.

use std::collections::BTreeMap;

use casus_core::time::Truth;
use casus_core::KnowledgeBase;
use casus_panel::actors::polity_periods;
use casus_panel::dataset::flag_of;
use casus_panel::{
    load, record_batches, Bound, Columns, Dataset, Direction, Panel, PanelSpec, Row, Source, Time,
    Unit,
};
use proptest::prelude::*;

fn kb() -> &'static KnowledgeBase {
    static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(|| match KnowledgeBase::embedded() {
        Ok(kb) => kb,
        Err(d) => panic!("embedded base does not load: {:?}", d.0),
    })
}

fn data() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| match load(Source::Kb(kb()), false, None) {
        Ok(l) => l.dataset,
        Err(e) => panic!("{e}"),
    })
}

/// (ccode-or-actor ids, year) → (truths, ids per flag, instruments).
type Value = ([Truth; 5], [Vec<u32>; 5]);

fn spec(from: Bound, to: Bound, unit: Unit, direction: Direction) -> PanelSpec {
    PanelSpec {
        from,
        to,
        unit,
        direction,
        all_pairs: false,
        columns: Columns::Full,
    }
}

fn collect(spec: PanelSpec) -> Vec<(String, String, Time, Value)> {
    let panel = Panel::new(data(), spec).unwrap();
    let mut out = Vec::new();
    let mut sink = |r: &Row<'_>| {
        out.push((
            format!("{:?}", r.a1.key),
            format!("{:?}", r.a2.key),
            r.time,
            (r.cell.truth, r.cell.ids.clone()),
        ));
        Ok::<(), casus_panel::PanelError>(())
    };
    panel.write(&mut sink, &mut |_, _| {}).unwrap();
    out
}

fn or_into(acc: &mut Value, v: &Value) {
    for k in 0..5 {
        acc.0[k] = acc.0[k].max(v.0[k]);
        for i in &v.1[k] {
            if !acc.1[k].contains(i) {
                acc.1[k].push(*i);
            }
        }
        acc.1[k].sort_unstable();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn spells_expanded_to_years_equal_the_year_panel(
        start in 1945i16..2026, span in 0i16..4, undirected in any::<bool>()
    ) {
        let end = (start + span).min(2026);
        let direction = if undirected { Direction::Undirected } else { Direction::Directed };
        let years = collect(spec(Bound::Year(start), Bound::Year(end), Unit::Year, direction));
        let spells = collect(spec(Bound::Year(start), Bound::Year(end), Unit::Spell, direction));
        let mut by_year: BTreeMap<(String, String, i32), Value> = BTreeMap::new();
        for (a, b, t, v) in spells {
            let Time::Spell(s, e) = t else { panic!("not a spell") };
            for y in casus_panel::day::year_of(s)..=casus_panel::day::year_of(e) {
                let entry = by_year
                    .entry((a.clone(), b.clone(), y))
                    .or_insert(([Truth::No; 5], Default::default()));
                or_into(entry, &v);
            }
        }
        let year_map: BTreeMap<(String, String, i32), Value> = years
            .into_iter()
            .map(|(a, b, t, v)| {
                let Time::Year(y) = t else { panic!("not a year") };
                ((a, b, y), v)
            })
            .collect();
        prop_assert_eq!(year_map.len(), by_year.len());
        for (k, v) in &year_map {
            prop_assert_eq!(Some(v), by_year.get(k), "{:?}", k);
        }
    }

    #[test]
    fn a_day_panel_agrees_with_commitments(day_offset in 0i32..(81 * 365), pick in 0usize..10_000) {
        let first = casus_panel::day::from_ymd(1945, 1, 1);
        let d = first + day_offset;
        let date = casus_panel::day::to_date(d).unwrap();
        let parties: Vec<&str> = {
            let mut v: Vec<&str> = kb().treaties.iter()
                .flat_map(|t| t.parties.iter().map(|p| p.polity.as_str()))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let polity = parties[pick % parties.len()];
        let actor_of = |id: &str| -> Option<String> {
            let p = kb().polity(id)?;
            polity_periods(p)
                .into_iter()
                .find(|(f, t, _)| *f <= d && d <= *t)
                .map(|(_, _, k)| format!("{k:?}"))
        };
        let me = actor_of(polity).unwrap();
        // Expected: every (beneficiary actor, flag) the obligor owes on the
        // day, from commitments() of every polity that is this actor then.
        let mut expected: std::collections::BTreeSet<(String, usize)> = Default::default();
        for p in kb().polities.iter().filter(|p| actor_of(&p.id).as_deref() == Some(me.as_str())) {
            for m in casus_core::commitments::commitments(kb(), &p.id, date) {
                let counts = kb().treaty(&m.treaty).is_some_and(casus_import::coverage::counts_as_alliance);
                if m.party == Truth::No || !counts {
                    continue;
                }
                for o in &m.obligations {
                    for b in &o.owes_to {
                        if let Some(a) = actor_of(b) {
                            if a != me {
                                expected.insert((a, flag_of(o.kind)));
                            }
                        }
                    }
                }
            }
        }
        let rows = collect(spec(Bound::Day(date), Bound::Day(date), Unit::Day, Direction::Directed));
        let got: std::collections::BTreeSet<(String, usize)> = rows
            .into_iter()
            .filter(|(a, _, _, _)| *a == me)
            .flat_map(|(_, b, _, v)| {
                (0..5).filter(move |k| v.0[*k] != Truth::No).map(move |k| (b.clone(), k))
            })
            .collect();
        prop_assert_eq!(got, expected, "{} on {}", polity, date);
    }
}

#[test]
fn parquet_reads_back_as_the_same_batches() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let spec = spec(
        Bound::Year(1990),
        Bound::Year(1992),
        Unit::Year,
        Direction::Directed,
    );
    let (schema, batches) = record_batches(data(), spec).unwrap();
    let panel = Panel::new(data(), spec).unwrap();
    let mut buf: Vec<u8> = Vec::new();
    let rows = casus_panel::parquet_out::write_parquet(&panel, &mut buf, &mut |_, _| {}).unwrap();
    assert_eq!(
        rows as usize,
        batches.iter().map(|b| b.num_rows()).sum::<usize>()
    );
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(buf))
        .unwrap()
        .with_batch_size(casus_panel::arrow_batches::BATCH_ROWS)
        .build()
        .unwrap();
    let back: Vec<_> = reader.map(|b| b.unwrap()).collect();
    assert!(!back.is_empty());
    assert_eq!(back[0].schema(), schema);
    assert_eq!(back, batches);
}
