//! COW state-system membership as knowledge-base facts (for
//! `--all-pairs`): the shipped base's membership against COW's
//! `states2016.csv` to the day (with `../shared/data/external/`), the
//! membership of day and spell panels on known dates (Germany's
//! reunification, Armenia's entry, Kuwait under occupation), and
//! `casus check` on bad `system_membership` spells.

use std::collections::BTreeMap;
use std::path::Path;

mod common;

use casus_panel::actors::{ActorKey, DAY_MAX};
use casus_panel::day;
use casus_panel::StateSystem;
use common::casus;

fn iso_spells(v: &[(day::Day, day::Day)]) -> Vec<String> {
    v.iter()
        .map(|&(f, t)| {
            let to = if t == DAY_MAX {
                "open".to_string()
            } else {
                day::iso(t)
            };
            format!("{}..{to}", day::iso(f))
        })
        .collect()
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn every_polity_s_membership_is_cow_s_to_the_day() {
    let Some(states) = common::shared("data/external/cow_state_system_2016/states2016.csv") else {
        return;
    };
    let kb = casus_embedded::knowledge_base().expect("the embedded base decodes");
    let ours = StateSystem::from_kb(&kb).expect("the shipped base has a state system");
    let mut problems = Vec::new();
    let cow = StateSystem::from_cow_file(&states, &mut problems).expect("states2016.csv reads");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(cow.spells.len() > 200);
    // Which polities answer for a code (for the message).
    let mut holders: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
    for p in &kb.polities {
        if let Some(c) = p.cow_code {
            holders.entry(c).or_default().push(&p.id);
        }
    }
    holders.entry(260).or_default().push("DEU");
    let mut differences = Vec::new();
    let keys: std::collections::BTreeSet<&ActorKey> =
        ours.spells.keys().chain(cow.spells.keys()).collect();
    for key in keys {
        let a = ours.spells.get(key).map(Vec::as_slice).unwrap_or_default();
        let b = cow.spells.get(key).map(Vec::as_slice).unwrap_or_default();
        if a != b {
            let code = match key {
                ActorKey::Cow(c) => *c,
                ActorKey::Polity(_) => 0,
            };
            differences.push(format!(
                "{key:?} ({}): knowledge base {:?}, COW {:?}",
                holders.get(&code).map(|h| h.join(", ")).unwrap_or_default(),
                iso_spells(a),
                iso_spells(b)
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} code(s) differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// The ccode1 values of a CSV panel read from stdout, per date column value.
fn members_by(args: &[&str], time_column: &str) -> BTreeMap<String, Vec<String>> {
    let out = casus()
        .arg("panel")
        .args(args)
        .args(["--all-pairs", "--columns", "atop", "--out", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let at = |c: &str| header.iter().position(|h| *h == c).expect(c);
    let (c1, t) = (at("ccode1"), at(time_column));
    let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in lines {
        let cells: Vec<&str> = l.split(',').collect();
        let list = by.entry(cells[t].to_string()).or_default();
        if list.last().map(String::as_str) != Some(cells[c1]) {
            list.push(cells[c1].to_string());
        }
    }
    for v in by.values_mut() {
        v.sort();
        v.dedup();
    }
    by
}

fn has(list: Option<&Vec<String>>, code: &str) -> bool {
    list.is_some_and(|l| l.iter().any(|c| c == code))
}

#[test]
fn day_panels_follow_membership_to_the_day() {
    // Reunification: the FRG (260) and the GDR (265) to 2 Oct 1990,
    // Germany (255) from 3 Oct.
    let days = members_by(
        &[
            "--from",
            "1990-10-02",
            "--to",
            "1990-10-03",
            "--unit",
            "day",
        ],
        "date",
    );
    let (before, after) = (days.get("1990-10-02"), days.get("1990-10-03"));
    assert!(has(before, "260") && has(before, "265") && !has(before, "255"));
    assert!(!has(after, "260") && !has(after, "265") && has(after, "255"));
    // Armenia enters on 26 Dec 1991 (COW), not at its referendum in September.
    let days = members_by(
        &[
            "--from",
            "1991-12-25",
            "--to",
            "1991-12-26",
            "--unit",
            "day",
        ],
        "date",
    );
    assert!(!has(days.get("1991-12-25"), "371"));
    assert!(has(days.get("1991-12-26"), "371"));
    // COW keeps Kuwait in the system through the Iraqi occupation.
    let days = members_by(
        &[
            "--from",
            "1990-09-01",
            "--to",
            "1990-09-01",
            "--unit",
            "day",
        ],
        "date",
    );
    assert!(has(days.get("1990-09-01"), "690"));
    // Monaco is in the state system only from its UN admission.
    let years = members_by(&["--from", "1992", "--to", "1993"], "year");
    assert!(!has(years.get("1992"), "221"));
    assert!(has(years.get("1993"), "221"));
}

#[test]
fn spell_panels_start_and_end_pairs_with_membership() {
    let out = casus()
        .args([
            "panel",
            "--from",
            "1990-01-01",
            "--to",
            "1991-12-31",
            "--unit",
            "spell",
            "--all-pairs",
            "--columns",
            "atop",
            "--out",
            "-",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let at = |c: &str| header.iter().position(|h| *h == c).expect(c);
    let (c1, c2, start, end) = (at("ccode1"), at("ccode2"), at("start"), at("end"));
    let spells = |a: &str, b: &str| -> Vec<(String, String)> {
        text.lines()
            .skip(1)
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|r| r[c1] == a && r[c2] == b)
            .map(|r| (r[start].to_string(), r[end].to_string()))
            .collect()
    };
    // France and the FRG: to 2 Oct 1990; France and Germany: from 3 Oct.
    let frg = spells("220", "260");
    assert_eq!(
        frg.last().map(|s| s.1.as_str()),
        Some("1990-10-02"),
        "{frg:?}"
    );
    let gmy = spells("220", "255");
    assert_eq!(
        gmy.first().map(|s| s.0.as_str()),
        Some("1990-10-03"),
        "{gmy:?}"
    );
    // France and Armenia: from 26 Dec 1991.
    let arm = spells("220", "371");
    assert_eq!(
        arm.first().map(|s| s.0.as_str()),
        Some("1991-12-26"),
        "{arm:?}"
    );
    assert!(lines.next().is_some());
}

fn check_kb(dir: &Path, text: &str) -> (Option<i32>, String) {
    std::fs::write(dir.join("p.toml"), text).unwrap();
    let out = casus().arg("check").arg("--kb").arg(dir).output().unwrap();
    let mut all = String::from_utf8_lossy(&out.stdout).into_owned();
    all.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code(), all)
}

#[test]
fn check_rejects_membership_spells_that_cannot_be_cow_s() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out) = check_kb(
        tmp.path(),
        r#"
[[polity]]
id = "AAA"
name = "Arcadia"
kind = "state"
cow = 10
source = "test"

[[polity.existence]]
from = "1800-01-01"
to = "1900-12-31"
source = "test"

[[polity.system_membership]]
from = "1850-01-01"
to = "1950-12-31"
source = "test: past its existence"

[[polity.system_membership]]
from = "1810-01-01"
to = "1820-12-31"
source = "test: before 1816 and out of order"

[[polity.system_membership]]
to = "1890-12-31"
source = "test: no first day"

[[polity]]
id = "BBB"
name = "Bland"
kind = "state"
source = "test"

[[polity.system_membership]]
from = "1990-01-01"
source = "test: no COW code"
"#,
    );
    assert_eq!(code, Some(1), "{out}");
    for (what, line) in [
        ("outside-existence", 14),
        ("before-state-system", 19),
        ("membership-order", 19),
        ("undated-membership", 24),
        ("membership-not-cow-state", 34),
    ] {
        assert!(
            out.lines()
                .any(|l| l.contains(what) && l.contains(&format!("p.toml:{line}:"))),
            "{what} at line {line}:\n{out}"
        );
    }
    // The same polity with good spells passes.
    let (code, out) = check_kb(
        tmp.path(),
        r#"
[[polity]]
id = "AAA"
name = "Arcadia"
kind = "state"
cow = 10
source = "test"

[[polity.existence]]
from = "1800-01-01"
source = "test"

[[polity.system_membership]]
from = "1816-01-01"
to = "1850-12-31"
source = "test"

[[polity.system_membership]]
from = "1860-01-01"
source = "test"
"#,
    );
    assert_eq!(code, Some(0), "{out}");
}

/// Every member of the COW state system, in every year 1946–2016, has its
/// capital (`tests/data/cow-capitals.tsv`, with sources) resolve by name
/// to a place whose sovereign or controller on the check day is the
/// polity with that COW code: 1 July, or — for a state that is not a
/// member on 1 July of that year — the middle day of its longest stretch
/// of membership within the year. Germany is COW 260 until 1990-10-02 and
/// 255 from 1990-10-03, both `DEU` in the base. State-years listed in
/// `cow-capitals-exceptions.tsv` are skipped, each with its reason.
#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn every_cow_state_s_capital_resolves_to_it_every_year_since_1946() {
    use casus_core::query::place_status;
    use casus_core::time::Truth;
    use casus_service::{Field, Service};

    let Some(states) = common::shared("data/external/cow_state_system_2016/states2016.csv") else {
        return;
    };
    let mut problems = Vec::new();
    let cow = StateSystem::from_cow_file(&states, &mut problems).expect("states2016.csv reads");
    let data = |name: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data")
                .join(name),
        )
        .unwrap_or_else(|e| panic!("tests/data/{name}: {e}"))
    };
    let rows = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    };
    let capitals = rows(&data("cow-capitals.tsv"));
    let exceptions: Vec<(u16, i32)> = rows(&data("cow-capitals-exceptions.tsv"))
        .iter()
        .map(|r| (r[0].parse().expect("ccode"), r[1].parse().expect("year")))
        .collect();
    let kb = casus_embedded::knowledge_base().expect("the embedded base decodes");
    let service = Service::new(std::sync::Arc::new(kb));
    let kb = service.kb();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut cache: BTreeMap<(String, day::Day), Result<Vec<String>, String>> = BTreeMap::new();
    for (key, spells) in &cow.spells {
        let ActorKey::Cow(code) = key else { continue };
        for year in 1946..=2016 {
            let (start, end) = (day::year_start(year), day::year_end(year));
            let july = day::from_ymd(year, 7, 1);
            let stretches: Vec<(day::Day, day::Day)> = spells
                .iter()
                .filter(|(f, t)| *f <= end && *t >= start)
                .map(|&(f, t)| (f.max(start), t.min(end)))
                .collect();
            let Some(&longest) = stretches.iter().max_by_key(|(f, t)| t - f) else {
                continue;
            };
            if exceptions.contains(&(*code, year)) {
                continue;
            }
            let on = if stretches.iter().any(|&(f, t)| f <= july && july <= t) {
                july
            } else {
                longest.0 + (longest.1 - longest.0) / 2
            };
            let matching: Vec<&Vec<String>> = capitals
                .iter()
                .filter(|r| {
                    r[0].parse::<u16>().ok() == Some(*code)
                        && r[1].parse::<i32>().is_ok_and(|f| f <= year)
                        && r[2].parse::<i32>().is_ok_and(|t| year <= t)
                })
                .collect();
            let [row] = matching.as_slice() else {
                failures.push(format!(
                    "COW {code} in {year}: {} capital rows",
                    matching.len()
                ));
                continue;
            };
            let capital = &row[3];
            let holders = cache.entry((capital.clone(), on)).or_insert_with(|| {
                let date = day::to_date(on).expect("a civil day");
                let input = service
                    .resolve_place(Field::At, capital, date, false)
                    .map_err(|e| e.reason)?;
                let place = input.place.ok_or("in no territory")?;
                let status = place_status(kb, &place, date);
                Ok(status
                    .sovereign
                    .iter()
                    .chain(&status.controller)
                    .filter(|h| h.holds == Truth::Yes)
                    .map(|h| h.polity.clone())
                    .collect())
            });
            checked += 1;
            let right = holders.as_ref().is_ok_and(|hs| {
                hs.iter().any(|h| {
                    kb.polity(h).and_then(|p| p.cow_code) == Some(*code)
                        || (*code == 260 && h == "DEU")
                })
            });
            if !right {
                failures.push(format!(
                    "COW {code} in {year} ({}): {capital} → {holders:?}",
                    day::iso(on)
                ));
            }
        }
    }
    assert!(checked > 9_000, "only {checked} state-years checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} state-years:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
