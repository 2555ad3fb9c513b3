//! Attack locations as real reports name them, resolved in the context of
//! their question: the held-out sample `crates/casus-cli/tests/data/
//! attack-places.tsv` (written before the resolver it measures, never
//! tuned against it; its header says how it was drawn). A row is right
//! when the name resolves, the place's sovereign or controller on the date
//! is one the row expects (or the place is at sea beyond any territorial
//! sea, for `sea`), and, where both points are known, the place lies
//! within the row's distance of the true location.
//!
//! The score and every miss with its reason are in docs/gazetteer.md; set
//! `CASUS_SAMPLE_REPORT=1` to print them. The floor below is the score
//! reached, so a change that loses places fails here.

use std::sync::Arc;

use casus_core::model::TerritoryKind;
use casus_core::query::place_status;
use casus_core::time::{parse_day, Truth};
use casus_core::KnowledgeBase;
use casus_geo::NameContext;
use casus_service::{Field, Service};

const SAMPLE: &str = include_str!("../../casus-cli/tests/data/attack-places.tsv");

/// The share of rows that must resolve right.
const FLOOR: f64 = 0.905;

struct Row<'a> {
    id: &'a str,
    name: &'a str,
    date: &'a str,
    attackers: Vec<String>,
    defenders: Vec<String>,
    expect: Vec<&'a str>,
    lat: f64,
    lon: f64,
    within_km: f64,
    kind: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut lines = SAMPLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("column {name} in {header:?}"))
    };
    let (id, name, date, attackers, defenders, expect, lat, lon, within, kind) = (
        col("id"),
        col("name"),
        col("date"),
        col("attackers"),
        col("defenders"),
        col("expect"),
        col("lat"),
        col("lon"),
        col("within_km"),
        col("kind"),
    );
    let ids = |s: &str| -> Vec<String> {
        s.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let number = |i: usize| -> f64 {
                f[i].trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: bad number {:?}", f[id], f[i]))
            };
            Row {
                id: f[id],
                name: f[name],
                date: f[date],
                attackers: ids(f[attackers]),
                defenders: ids(f[defenders]),
                expect: f[expect].split(';').map(str::trim).collect(),
                lat: number(lat),
                lon: number(lon),
                within_km: number(within),
                kind: f[kind],
            }
        })
        .collect()
}

fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dl = (b.1 - a.1).to_radians();
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// `None` when the row resolves right, else why not.
fn judge(service: &Service, row: &Row<'_>) -> Option<String> {
    let kb = service.kb();
    let date = parse_day(row.date).ok()?;
    let context = NameContext {
        defenders: row.defenders.clone(),
        attackers: row.attackers.clone(),
    };
    let input = match service.resolve_place_in(Field::At, row.name, date, false, context) {
        Ok(i) => i,
        Err(e) => return Some(format!("not resolved: {}", e.reason)),
    };
    let Some(place) = input.place else {
        return Some("resolved to coordinates in no territory".to_string());
    };
    let status = place_status(kb, &place, date);
    let holders: Vec<&str> = status
        .sovereign
        .iter()
        .chain(&status.controller)
        .filter(|h| h.holds != Truth::No)
        .map(|h| h.polity.as_str())
        .collect();
    let at_sea = kb.territories[place.territory].kind == TerritoryKind::Sea;
    let right_holder = if row.expect == ["sea"] {
        at_sea && status.sovereign.is_empty()
    } else {
        holders.iter().any(|h| row.expect.contains(h))
    };
    let coords = input
        .gazetteer
        .as_ref()
        .map(|g| (g.lat, g.lon))
        .or(place.coords);
    let off = coords.map(|c| distance_km(c, (row.lat, row.lon)));
    let shown = place.place_name.as_deref().unwrap_or(&place.territory_name);
    if !right_holder {
        return Some(format!(
            "{shown} in {}: held by {} (expected {})",
            place.territory_name,
            if holders.is_empty() {
                "no state".to_string()
            } else {
                holders.join(", ")
            },
            row.expect.join(" or ")
        ));
    }
    match off {
        Some(km) if km > row.within_km => Some(format!(
            "{shown}: {km:.0} km from the true place (allowed {})",
            row.within_km
        )),
        _ => None,
    }
}

#[test]
fn reported_attack_places_resolve_in_their_question() {
    let kb = KnowledgeBase::embedded().expect("the embedded knowledge base loads");
    let service = Service::new(Arc::new(kb));
    let rows = rows();
    assert!(rows.len() >= 400, "the sample has {} rows", rows.len());
    let mut misses = Vec::new();
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for row in &rows {
        let miss = judge(&service, row);
        let entry = by_kind.entry(row.kind).or_default();
        entry.0 += 1;
        if let Some(reason) = miss {
            misses.push(format!("{}\t{}\t{}\t{reason}", row.id, row.name, row.date));
        } else {
            entry.1 += 1;
        }
    }
    let right = rows.len() - misses.len();
    let share = right as f64 / rows.len() as f64;
    let report = format!(
        "{right} of {} right ({:.1} %)\nby kind: {}\nmisses:\n{}",
        rows.len(),
        share * 100.0,
        by_kind
            .iter()
            .map(|(k, (n, r))| format!("{k} {r}/{n}"))
            .collect::<Vec<_>>()
            .join(", "),
        misses.join("\n")
    );
    if std::env::var_os("CASUS_SAMPLE_REPORT").is_some() {
        println!("{report}");
    }
    assert!(share >= FLOOR, "{report}");
}
