//! Membership of the COW state system: who is a state on which days, for
//! `--all-pairs`. From the knowledge base (every state polity with a `cow`
//! code, over its COW State System Membership v2016 dates: the rule is
//! `casus_core::state_system`'s), or from the user's COW file:
//! `states2016.csv` (spells to the day) or `system2016.csv` (state-years: a
//! listed year counts as the whole year).

use std::collections::BTreeMap;
use std::path::Path;

use casus_core::state_system::{self, Membership};
use casus_core::KnowledgeBase;
use casus_import::table::Table;
use casus_import::{ImportError, RowProblem};

use crate::actors::{polity_periods, ActorKey, DAY_MAX, DAY_MIN};
use crate::day::{self, Day};
use crate::error::PanelError;

/// Where the membership came from (for the docs and error messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemOrigin {
    KnowledgeBase,
    CowStates,
    CowSystemYears,
}

/// The state system: for each COW actor, its membership spells (sorted,
/// merged, inclusive).
#[derive(Debug, Clone)]
pub struct StateSystem {
    pub origin: SystemOrigin,
    pub spells: BTreeMap<ActorKey, Vec<(Day, Day)>>,
}

fn merge(spells: &mut Vec<(Day, Day)>) {
    spells.sort_unstable();
    let mut out: Vec<(Day, Day)> = Vec::with_capacity(spells.len());
    for &(f, t) in spells.iter() {
        match out.last_mut() {
            Some(last) if f <= last.1.saturating_add(1) => last.1 = last.1.max(t),
            _ => out.push((f, t)),
        }
    }
    *spells = out;
}

impl StateSystem {
    fn new(origin: SystemOrigin, mut spells: BTreeMap<ActorKey, Vec<(Day, Day)>>) -> Self {
        for v in spells.values_mut() {
            merge(v);
        }
        StateSystem { origin, spells }
    }

    /// From the knowledge base: every state (and de facto state: COW lists
    /// Taiwan and Kosovo) with a COW code, over its COW membership
    /// (`casus_core::state_system`: its `system_membership` spells, else its
    /// existence from 1816-01-01). A base in which no state has a COW code
    /// is an error, and so is a state with a COW code and no dates at all.
    pub fn from_kb(kb: &KnowledgeBase) -> Result<StateSystem, PanelError> {
        let mut spells: BTreeMap<ActorKey, Vec<(Day, Day)>> = BTreeMap::new();
        let mut undated = Vec::new();
        let mut eligible = 0usize;
        for p in &kb.polities {
            let intervals = match state_system::membership(p) {
                None => continue,
                Some(Membership::Undated) => {
                    undated.push(p.id.clone());
                    continue;
                }
                Some(Membership::Spells { spells, .. }) => spells,
            };
            eligible += 1;
            for (pf, pt, key) in polity_periods(p) {
                for i in &intervals {
                    let from = i.from.map_or(DAY_MIN, |f| day::from_date(f.earliest()));
                    let to = i.to.map_or(DAY_MAX, |t| day::from_date(t.latest()));
                    let (from, to) = (pf.max(from), pt.min(to));
                    if from <= to {
                        spells.entry(key.clone()).or_default().push((from, to));
                    }
                }
            }
        }
        if !undated.is_empty() {
            undated.sort();
            let shown: Vec<&str> = undated.iter().take(5).map(String::as_str).collect();
            return Err(PanelError::NoStateSystem(format!(
                "{} state(s) with a COW code have neither system membership nor existence \
                 spells ({}{}), so their membership of the state system is unknown; add \
                 `[[polity.system_membership]]` (or `[[polity.existence]]`) spells or pass \
                 --cow states2016.csv",
                undated.len(),
                shown.join(", "),
                if undated.len() > 5 { ", …" } else { "" }
            )));
        }
        if eligible == 0 {
            return Err(PanelError::NoStateSystem(
                "no state in the knowledge base has a COW code, so none is in the state \
                 system; pass --cow states2016.csv (COW State System Membership v2016)"
                    .to_string(),
            ));
        }
        Ok(StateSystem::new(SystemOrigin::KnowledgeBase, spells))
    }

    /// From `states2016.csv` or `system2016.csv`, told apart by their header.
    pub fn from_cow_file(
        path: &Path,
        problems: &mut Vec<RowProblem>,
    ) -> Result<StateSystem, PanelError> {
        const EXPECTED: &str =
            "COW State System Membership v2016 (states2016.csv or system2016.csv)";
        let table = Table::open(path, &["ccode"], EXPECTED)?;
        if table.has("styear") {
            let states = casus_import::cow::read_states(path, problems)?;
            let mut spells: BTreeMap<ActorKey, Vec<(Day, Day)>> = BTreeMap::new();
            for (code, list) in &states.by_code {
                for s in list {
                    let from = day::from_date(s.from.earliest());
                    let to = s.to.map_or(DAY_MAX, |t| day::from_date(t.latest()));
                    spells
                        .entry(ActorKey::Cow(*code))
                        .or_default()
                        .push((from, to));
                }
            }
            return Ok(StateSystem::new(SystemOrigin::CowStates, spells));
        }
        table.require(&["ccode", "year"], EXPECTED)?;
        let rows = table.rows(problems, |row| {
            let code = row.int_in("ccode", 1, 9999)? as u16;
            let year = row.int_in("year", 1000, 9999)? as i32;
            Ok((code, year))
        });
        if rows.is_empty() {
            return Err(PanelError::Import(ImportError::NoRows {
                path: path.into(),
                problems: problems.len(),
                expected: EXPECTED,
            }));
        }
        let mut spells: BTreeMap<ActorKey, Vec<(Day, Day)>> = BTreeMap::new();
        for (code, year) in rows {
            spells
                .entry(ActorKey::Cow(code))
                .or_default()
                .push((day::year_start(year), day::year_end(year)));
        }
        Ok(StateSystem::new(SystemOrigin::CowSystemYears, spells))
    }

    /// Is the actor a member on some day of `[from, to]`?
    pub fn member_during(&self, key: &ActorKey, from: Day, to: Day) -> bool {
        self.spells
            .get(key)
            .is_some_and(|v| v.iter().any(|&(f, t)| f <= to && t >= from))
    }

    /// The first and last day of the membership, if any.
    pub fn bounds(&self) -> (Day, Day) {
        let lo = self
            .spells
            .values()
            .filter_map(|v| v.first().map(|s| s.0))
            .min()
            .unwrap_or(DAY_MIN);
        let hi = self
            .spells
            .values()
            .filter_map(|v| v.last().map(|s| s.1))
            .max()
            .unwrap_or(DAY_MAX);
        (lo, hi)
    }
}
