//! `casus panel` end to end: directed and undirected rows on asymmetric
//! instruments (a Compact of Free Association, a guarantee treaty, an ATOP
//! `obvary` alliance), frozen participation marked rather than rounded,
//! missing (not 0) outside a source's coverage, bad arguments (exit 2, no
//! partial file), Parquet and Hive-partitioned output; and, with
//! `../shared/data/external/`, the ATOP-sourced panel against ATOP's
//! published directed dyad-year table, and the all-pairs panel (with
//! `--cow`, and from the knowledge base alone) against COW's state system.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

mod common;

use common::casus;

/// Run `casus panel ARGS --out -` and parse the CSV into header → rows.
fn panel(args: &[&str]) -> Vec<HashMap<String, String>> {
    let out = casus()
        .arg("panel")
        .args(args)
        .args(["--out", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse(&String::from_utf8_lossy(&out.stdout))
}

fn parse(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .split(',')
        .map(String::from)
        .collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

fn row<'a>(
    rows: &'a [HashMap<String, String>],
    c1: &str,
    c2: &str,
) -> Option<&'a HashMap<String, String>> {
    rows.iter().find(|r| r["ccode1"] == c1 && r["ccode2"] == c2)
}

fn ids(r: Option<&HashMap<String, String>>, flag: &str) -> Vec<String> {
    r.map(|r| {
        r[&format!("{flag}_ids")]
            .split(' ')
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

#[test]
fn compacts_and_guarantees_bind_one_way_in_directed_panels() {
    let rows = panel(&["--from", "2020", "--to", "2020"]);
    // The United States owes Palau defence (Compact of Free Association);
    // Palau owes the United States nothing under it.
    let us_plw = row(&rows, "2", "986").expect("USA->PLW");
    assert_eq!(us_plw["defense"], "1");
    assert!(ids(Some(us_plw), "defense").contains(&"us-palau-compact".to_string()));
    assert!(!ids(row(&rows, "986", "2"), "defense").contains(&"us-palau-compact".to_string()));
    // The United Kingdom guarantees Cyprus (1960); not the reverse.
    assert!(ids(row(&rows, "200", "352"), "defense").contains(&"cyprus-guarantee-1960".into()));
    assert!(!ids(row(&rows, "352", "200"), "defense").contains(&"cyprus-guarantee-1960".into()));
    // Undirected: one row per pair, set when either side owes it.
    let undirected = panel(&["--from", "2020", "--to", "2020", "--undirected"]);
    let pair = row(&undirected, "2", "986").expect("USA-PLW");
    assert_eq!(pair["defense"], "1");
    assert!(row(&undirected, "986", "2").is_none());
    assert!(undirected.iter().all(|r| {
        r["ccode1"].parse::<u32>().unwrap_or(0) < r["ccode2"].parse::<u32>().unwrap_or(0)
            || r["ccode1"].is_empty()
            || r["ccode2"].is_empty()
    }));
}

#[test]
fn frozen_participation_is_marked_unknown_not_rounded() {
    // Armenia froze its CSTO participation in 2024: Belarus's obligations
    // to it (CSTO, CIS Charter) are possible, not certain.
    let rows = panel(&["--from", "2025", "--to", "2025"]);
    let r = row(&rows, "370", "371").expect("BLR->ARM");
    assert_eq!(r["defense"], "1");
    assert_eq!(r["defense_truth"], "unknown");
    assert!(r["why"].split(' ').any(|w| w == "frozen"), "{r:?}");
    // In 2020 nothing was frozen.
    let before = panel(&["--from", "2020", "--to", "2020"]);
    let r = row(&before, "370", "371").expect("BLR->ARM 2020");
    assert!(!r["why"].contains("frozen"), "{r:?}");
}

#[test]
fn years_outside_coverage_are_missing_not_zero() {
    // The knowledge base is curated from 1945: in 1900 a pair with no
    // instrument has no data, not "no obligation".
    let rows = panel(&["--from", "1900", "--to", "1900", "--all-pairs"]);
    assert!(rows.len() > 1000);
    let empty: Vec<_> = rows
        .iter()
        .filter(|r| r["instruments"].is_empty())
        .collect();
    assert!(!empty.is_empty());
    assert!(empty
        .iter()
        .all(|r| ["defense", "offense", "neutral", "nonagg", "consul"]
            .iter()
            .all(|f| r[*f].is_empty())));
    let covered = panel(&["--from", "1950", "--to", "1950", "--all-pairs"]);
    assert!(covered
        .iter()
        .all(|r| r["defense"] == "0" || r["defense"] == "1"));
}

#[test]
fn spell_and_day_units_name_their_dates() {
    let spells = panel(&[
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--unit",
        "spell",
    ]);
    let arm: Vec<_> = spells
        .iter()
        .filter(|r| r["ccode1"] == "370" && r["ccode2"] == "371")
        .collect();
    // Frozen from 2024: the run splits where the truth changes.
    assert!(arm.len() >= 2, "{arm:?}");
    assert_eq!(arm[0]["start"], "2024-01-01");
    assert_eq!(arm.last().unwrap()["end"], "2024-12-31");
    let days = panel(&[
        "--from",
        "2024-06-01",
        "--to",
        "2024-06-02",
        "--unit",
        "day",
    ]);
    assert!(days.iter().any(|r| r["date"] == "2024-06-02"));
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn code_of(args: &[&str]) -> (i32, String) {
    let out = casus().arg("panel").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_arguments_exit_2_and_leave_no_partial_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p.csv");
    let o = out.to_str().unwrap();
    let (code, err) = code_of(&["--from", "2000", "--to", "1990", "--out", o]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ends before it starts"), "{err}");
    let (code, err) = code_of(&[
        "--from", "1990", "--to", "2000", "--unit", "week", "--out", o,
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = code_of(&["--from", "1990-13", "--to", "2000", "--out", o]);
    assert_eq!(code, 2, "{err}");
    assert!(listing(tmp.path()).is_empty());
    // An existing output is kept without --force.
    std::fs::write(&out, "mine\n").unwrap();
    let (code, err) = code_of(&["--from", "1990", "--to", "1990", "--out", o]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine\n");
    // With --force it is replaced, whole.
    let (code, err) = code_of(&["--from", "1990", "--to", "1990", "--force", "--out", o]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("ccode1,"));
    // An unwritable place.
    let missing = tmp.path().join("no/such/dir/p.csv");
    let (code, err) = code_of(&[
        "--from",
        "1990",
        "--to",
        "1990",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    // A partitioned dataset cannot go to stdout; a spell cannot be partitioned.
    let (code, _) = code_of(&[
        "--from",
        "1990",
        "--to",
        "1990",
        "--partition-by",
        "year",
        "--out",
        "-",
    ]);
    assert_eq!(code, 2);
    let dir = tmp.path().join("ds");
    let (code, _) = code_of(&[
        "--from",
        "1990",
        "--to",
        "1990",
        "--unit",
        "spell",
        "--partition-by",
        "year",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    // Nothing but the one file we wrote: no temporary left behind.
    assert_eq!(listing(tmp.path()), vec!["p.csv".to_string()]);
}

/// A base of two states with COW codes and no existence spells.
fn undated_kb(dir: &Path) {
    std::fs::write(
        dir.join("polities.toml"),
        r#"
[[polity]]
id = "AAA"
name = "Aland"
kind = "state"
cow = 2
source = "test"

[[polity]]
id = "BBB"
name = "Bland"
kind = "state"
cow = 20
source = "test"
"#,
    )
    .unwrap();
}

#[test]
fn all_pairs_needs_state_system_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let kb = tmp.path().join("kb");
    std::fs::create_dir(&kb).unwrap();
    undated_kb(&kb);
    let out = tmp.path().join("p.csv");
    let result = casus()
        .arg("--kb")
        .arg(&kb)
        .args([
            "panel",
            "--from",
            "1990",
            "--to",
            "1990",
            "--all-pairs",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{err}");
    assert!(err.contains("existence"), "{err}");
    assert!(err.contains("system_membership"), "{err}");
    assert!(!out.exists());
    assert_eq!(listing(tmp.path()), vec!["kb".to_string()]);
}

#[test]
fn parquet_file_and_partitioned_dataset_are_written_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("p.parquet");
    let (code, err) = code_of(&[
        "--from",
        "2019",
        "--to",
        "2020",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let dir = tmp.path().join("ds");
    let (code, err) = code_of(&[
        "--from",
        "2019",
        "--to",
        "2020",
        "--partition-by",
        "year",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(listing(&dir), vec!["year=2019", "year=2020"]);
    assert!(dir.join("year=2020/part-0.parquet").is_file());
    // Again without --force: refused, the dataset untouched.
    let (code, _) = code_of(&[
        "--from",
        "2019",
        "--to",
        "2019",
        "--partition-by",
        "year",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(listing(&dir), vec!["year=2019", "year=2020"]);
    assert_eq!(listing(tmp.path()), vec!["ds", "p.parquet"]);
}

// ---- with ../shared/data/external ----

fn external() -> Option<PathBuf> {
    common::shared("data/external/atop_5.1/atop5_1m.csv")
        .and_then(|m| Some(m.parent()?.parent()?.to_path_buf()))
}

type Key = (u16, u16, i16);

fn flags_table(text: &str, prefix: &str) -> HashMap<Key, [u8; 5]> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let at = |c: &str| header.iter().position(|h| *h == c).unwrap();
    let cols =
        ["defense", "offense", "neutral", "nonagg", "consul"].map(|f| at(&format!("{prefix}{f}")));
    let (c1, c2, y) = (at("ccode1"), at("ccode2"), at("year"));
    lines
        .map(|l| {
            let v: Vec<&str> = l.split(',').collect();
            let key = (
                v[c1].parse().unwrap(),
                v[c2].parse().unwrap(),
                v[y].parse().unwrap(),
            );
            (key, cols.map(|i| u8::from(v[i] == "1")))
        })
        .collect()
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn atop_sourced_panel_reproduces_the_published_table() {
    let Some(ext) = external() else { return };
    let out = casus()
        .args(["panel", "--source", "atop"])
        .arg(ext.join("atop_5.1"))
        .args([
            "--from",
            "1815",
            "--to",
            "2018",
            "--columns",
            "atop",
            "--out",
            "-",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours = flags_table(&String::from_utf8_lossy(&out.stdout), "");
    let published_text =
        std::fs::read_to_string(ext.join("atop_5.1_peacesciencer/atop_alliance_ddyr.csv")).unwrap();
    let published = flags_table(&published_text, "atop_");
    // docs/validation.md: 273,296 published rows all matched, 272,950
    // identical, 421 disagreeing cells (all obvary), 20 extra rows.
    assert_eq!(published.len(), 273_296);
    let matched = published.keys().filter(|k| ours.contains_key(k)).count();
    assert_eq!(matched, 273_296, "every published row is in the panel");
    let identical = published
        .iter()
        .filter(|(k, f)| ours.get(k) == Some(f))
        .count();
    assert!(identical >= 272_950, "{identical} identical rows");
    let cells: usize = published
        .iter()
        .map(|(k, f)| {
            let o = ours[k];
            (0..5).filter(|i| o[*i] != f[*i]).count()
        })
        .sum();
    assert!(cells <= 421, "{cells} disagreeing cells");
    assert!(
        ours.len() - matched <= 20,
        "{} extra rows",
        ours.len() - matched
    );
    // Directed: asymmetric rows (A owes B defence, B does not owe A) agree
    // with the published table in both directions wherever it has them.
    let asymmetric: Vec<&Key> = published
        .iter()
        .filter(|((a, b, y), f)| {
            f[0] == 1 && published.get(&(*b, *a, *y)).is_some_and(|g| g[0] == 0)
        })
        .map(|(k, _)| k)
        .collect();
    assert!(asymmetric.len() > 100);
    let both_ways = asymmetric
        .iter()
        .filter(|(a, b, y)| ours[&(*a, *b, *y)][0] == 1 && ours[&(*b, *a, *y)][0] == 0)
        .count();
    // The only exceptions are obvary cells, where the rebuild over-states.
    assert!(
        both_ways + 213 >= asymmetric.len(),
        "{both_ways} of {}",
        asymmetric.len()
    );
    // obvary (atopid 1205, Brazil to Argentina, 1859): possible, not certain.
    let full = casus()
        .args(["panel", "--source", "atop"])
        .arg(ext.join("atop_5.1"))
        .args(["--from", "1859", "--to", "1859", "--out", "-"])
        .output()
        .unwrap();
    let rows = parse(&String::from_utf8_lossy(&full.stdout));
    let r = row(&rows, "140", "160").expect("140->160 in 1859");
    assert_eq!(r["defense"], "1");
    assert_eq!(r["defense_truth"], "unknown");
    assert!(r["why"].contains("obvary"));
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn all_pairs_match_the_cow_state_system_and_atop_ends_in_2018() {
    let Some(ext) = external() else { return };
    let system = ext.join("cow_state_system_2016/system2016.csv");
    let text = std::fs::read_to_string(&system).unwrap();
    let mut per_year: HashMap<i32, u64> = HashMap::new();
    for l in text.lines().skip(1) {
        let year: i32 = l.split(',').nth(2).unwrap().parse().unwrap();
        *per_year.entry(year).or_default() += 1;
    }
    let expected: u64 = per_year.values().map(|n| n * (n - 1)).sum();
    assert_eq!(expected, 1_912_350);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("all.csv");
    let status = casus()
        .args(["panel", "--source", "atop"])
        .arg(ext.join("atop_5.1"))
        .args(["--all-pairs", "--cow"])
        .arg(&system)
        .args([
            "--columns",
            "atop",
            "--from",
            "1816",
            "--to",
            "2016",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let rows = std::fs::read_to_string(&out).unwrap().lines().count() as u64 - 1;
    assert_eq!(rows, expected);
    // After 2018 ATOP has no data: empty, never 0.
    let states = ext.join("cow_state_system_2016/states2016.csv");
    let late = casus()
        .args(["panel", "--source", "atop"])
        .arg(ext.join("atop_5.1"))
        .args(["--all-pairs", "--cow"])
        .arg(&states)
        .args([
            "--columns",
            "atop",
            "--from",
            "2018",
            "--to",
            "2019",
            "--out",
            "-",
        ])
        .output()
        .unwrap();
    let rows = parse(&String::from_utf8_lossy(&late.stdout));
    assert!(rows
        .iter()
        .filter(|r| r["year"] == "2019")
        .all(|r| r["defense"].is_empty()));
    assert!(rows
        .iter()
        .filter(|r| r["year"] == "2018")
        .all(|r| !r["defense"].is_empty()));
    assert!(rows.iter().any(|r| r["year"] == "2019"));
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared/data/external beside the repository"
)]
fn kb_all_pairs_match_the_cow_state_system_year_by_year() {
    // The knowledge base alone (no --cow): its COW membership facts give
    // the published all-pairs panel, the same states in every year.
    let Some(ext) = external() else { return };
    let text = std::fs::read_to_string(ext.join("cow_state_system_2016/system2016.csv")).unwrap();
    let mut cow: BTreeMap<i32, BTreeSet<u16>> = BTreeMap::new();
    for l in text.lines().skip(1) {
        let cells: Vec<&str> = l.split(',').collect();
        cow.entry(cells[2].parse().unwrap())
            .or_default()
            .insert(cells[1].parse().unwrap());
    }
    let expected: u64 = cow
        .values()
        .map(|s| s.len() as u64 * (s.len() as u64 - 1))
        .sum();
    assert_eq!(expected, 1_912_350);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("kb.csv");
    let result = casus()
        .args(["panel", "--all-pairs", "--columns", "atop"])
        .args(["--from", "1816", "--to", "2016", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let at = |c: &str| header.iter().position(|h| *h == c).unwrap();
    let (c1, c2, y) = (at("ccode1"), at("ccode2"), at("year"));
    let mut ours: BTreeMap<i32, BTreeSet<u16>> = BTreeMap::new();
    let mut rows = 0u64;
    for l in lines {
        let cells: Vec<&str> = l.split(',').collect();
        let set = ours.entry(cells[y].parse().unwrap()).or_default();
        set.insert(cells[c1].parse().unwrap());
        set.insert(cells[c2].parse().unwrap());
        rows += 1;
    }
    for (year, states) in &cow {
        let mine = ours.get(year).cloned().unwrap_or_default();
        assert_eq!(
            &mine,
            states,
            "{year}: only in the knowledge base {:?}, only in COW {:?}",
            mine.difference(states).collect::<Vec<_>>(),
            states.difference(&mine).collect::<Vec<_>>()
        );
    }
    assert_eq!(ours.len(), cow.len());
    assert_eq!(rows, expected);
}
