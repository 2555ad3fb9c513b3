//! Cutting a dataset into rows: per year, per day or per run of identical
//! values, for directed or undirected dyads, for pairs with an obligation
//! or for every pair of states in the system. Rows are produced in order
//! and handed to a [`RowSink`] one at a time, so memory stays flat however
//! long the period.
//!
//! Rules (docs/panel.md):
//! - a flag's truth over a period is the best over its days (`yes` if it
//!   certainly holds on some day, else `unknown` if it possibly does, else
//!   `no`): ATOP's "any part of the year";
//! - within one instrument, a year spanning a phase change takes the flags
//!   of the last phase (ATOP's table; knowledge-base atoms have one phase);
//! - undirected: a flag holds if either side owes it (ATOP's rule);
//! - outside the source's coverage a flag no instrument sets is missing,
//!   never 0.

use crate::actors::Actor;
use crate::dataset::{Atom, Dataset};
use crate::day::{self, Day};
use crate::error::PanelError;
use crate::spec::{Direction, PanelSpec, Unit};
use casus_core::time::Truth;

/// The value of one row: five flags with their instruments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub truth: [Truth; 5],
    /// Why the `unknown` flags are not certain (`dataset::why` bits).
    pub why: u8,
    /// Distinct instruments behind the dyad in the period.
    pub instruments: u16,
    /// Per flag, the instruments (indexes into `Dataset::instruments`,
    /// ascending) that set it, certainly or possibly.
    pub ids: [Vec<u32>; 5],
    /// The period lies (partly) inside the source's coverage.
    pub covered: bool,
}

impl Default for Cell {
    fn default() -> Self {
        Cell {
            truth: [Truth::No; 5],
            why: 0,
            instruments: 0,
            ids: Default::default(),
            covered: false,
        }
    }
}

impl Cell {
    fn clear(&mut self, covered: bool) {
        self.truth = [Truth::No; 5];
        self.why = 0;
        self.instruments = 0;
        for v in &mut self.ids {
            v.clear();
        }
        self.covered = covered;
    }

    /// The flag as written: `Some(true)` set (certainly or possibly),
    /// `Some(false)` certainly not, `None` no data.
    pub fn flag(&self, k: usize) -> Option<bool> {
        if self.truth[k] != Truth::No {
            Some(true)
        } else if self.covered {
            Some(false)
        } else {
            None
        }
    }

    /// `yes`, `no`, `unknown`, or `None` (no data).
    pub fn truth_label(&self, k: usize) -> Option<&'static str> {
        match self.truth[k] {
            Truth::Yes => Some("yes"),
            Truth::Unknown => Some("unknown"),
            Truth::No if self.covered => Some("no"),
            Truth::No => None,
        }
    }

    /// Is any instrument behind the dyad?
    pub fn is_empty(&self) -> bool {
        self.instruments == 0
    }
}

/// When a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Time {
    Year(i32),
    Day(Day),
    /// First and last day, inclusive.
    Spell(Day, Day),
}

/// One row, borrowed from the generator.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub a1: &'a Actor,
    pub a2: &'a Actor,
    pub iso1: Option<&'a str>,
    pub iso2: Option<&'a str>,
    pub time: Time,
    pub cell: &'a Cell,
}

/// Where rows go (a CSV writer, Arrow batches, a partitioned dataset, a
/// counter in tests).
pub trait RowSink {
    fn row(&mut self, row: &Row<'_>) -> Result<(), PanelError>;
}

impl<F: FnMut(&Row<'_>) -> Result<(), PanelError>> RowSink for F {
    fn row(&mut self, row: &Row<'_>) -> Result<(), PanelError> {
        self(row)
    }
}

/// Progress: (periods or dyads done, total).
pub type Progress<'p> = &'p mut dyn FnMut(u64, u64);

/// A dataset and a request, validated.
pub struct Panel<'d> {
    pub data: &'d Dataset,
    pub spec: PanelSpec,
    range: (Day, Day),
}

/// An atom in a group: sorting puts one dyad's atoms together, by
/// instrument, last phase first.
type Keyed = (u64, u32, u8, u32);

fn key(a1: u32, a2: u32, direction: Direction) -> u64 {
    let (x, y) = match direction {
        Direction::Directed => (a1, a2),
        Direction::Undirected => (a1.min(a2), a1.max(a2)),
    };
    (u64::from(x) << 32) | u64::from(y)
}

/// Aggregate one dyad's atoms (sorted as [`Keyed`]) into `cell`.
fn aggregate(atoms: &[Atom], group: &[Keyed], covered: bool, cell: &mut Cell) {
    cell.clear(covered);
    let mut yes = 0u8;
    let mut unknown = 0u8;
    let mut why_of = [0u8; 5];
    let mut current: Option<(u32, u8)> = None;
    for &(_, instrument, inv_phase, idx) in group {
        match current {
            Some((i, p)) if i == instrument && p != inv_phase => continue,
            Some((i, _)) if i == instrument => {}
            _ => {
                current = Some((instrument, inv_phase));
                cell.instruments = cell.instruments.saturating_add(1);
            }
        }
        let a = &atoms[idx as usize];
        yes |= a.yes;
        unknown |= a.unknown;
        for (k, w) in why_of.iter_mut().enumerate() {
            let bit = 1u8 << k;
            if (a.yes | a.unknown) & bit != 0 && cell.ids[k].last() != Some(&instrument) {
                cell.ids[k].push(instrument);
            }
            if a.unknown & bit != 0 {
                *w |= a.why;
            }
        }
    }
    for (k, w) in why_of.iter().enumerate() {
        let bit = 1u8 << k;
        cell.truth[k] = if yes & bit != 0 {
            Truth::Yes
        } else if unknown & bit != 0 {
            cell.why |= w;
            Truth::Unknown
        } else {
            Truth::No
        };
    }
}

impl<'d> Panel<'d> {
    /// Check the request against the dataset.
    pub fn new(data: &'d Dataset, spec: PanelSpec) -> Result<Panel<'d>, PanelError> {
        let range = spec.days()?;
        if spec.all_pairs && data.system.is_none() {
            return Err(PanelError::NoStateSystem(
                "no state-system membership was loaded".to_string(),
            ));
        }
        if spec.unit == Unit::Day && range.1 - range.0 > 366 * 300 {
            return Err(PanelError::Usage(
                "a day panel is limited to 300 years; use --unit spell for longer periods"
                    .to_string(),
            ));
        }
        Ok(Panel { data, spec, range })
    }

    /// The first and last day of the period.
    pub fn range(&self) -> (Day, Day) {
        self.range
    }

    fn covered(&self, from: Day, to: Day) -> bool {
        let (c0, c1) = self.data.coverage;
        from <= c1 && to >= c0
    }

    /// Write every row to `sink`; returns the number of rows.
    pub fn write(&self, sink: &mut dyn RowSink, progress: Progress) -> Result<u64, PanelError> {
        match self.spec.unit {
            Unit::Year | Unit::Day => self.sweep(sink, progress),
            Unit::Spell => self.spells(sink, progress),
        }
    }

    /// Actors that are system members during `[from, to]`, ascending.
    fn members(&self, from: Day, to: Day, out: &mut Vec<u32>) {
        out.clear();
        let Some(system) = &self.data.system else {
            return;
        };
        for (i, a) in self.data.actors.list.iter().enumerate() {
            if system.member_during(&a.key, from, to) {
                out.push(i as u32);
            }
        }
    }

    /// Year and day panels: walk the periods in order, keeping the atoms
    /// active in each.
    fn sweep(&self, sink: &mut dyn RowSink, progress: Progress) -> Result<u64, PanelError> {
        let data = self.data;
        let atoms = &data.atoms;
        let (r0, r1) = self.range;
        let periods: Box<dyn Iterator<Item = (Day, Day, Time)>> = match self.spec.unit {
            Unit::Year => Box::new((day::year_of(r0)..=day::year_of(r1)).map(move |y| {
                (
                    day::year_start(y).max(r0),
                    day::year_end(y).min(r1),
                    Time::Year(y),
                )
            })),
            _ => Box::new((r0..=r1).map(|d| (d, d, Time::Day(d)))),
        };
        let total = match self.spec.unit {
            Unit::Year => (day::year_of(r1) - day::year_of(r0) + 1) as u64,
            _ => (r1 - r0 + 1) as u64,
        };
        // Days on which system membership or an ISO code may change.
        let mut changes: Vec<Day> = Vec::new();
        if let Some(s) = &data.system {
            for v in s.spells.values() {
                for (f, t) in v {
                    changes.push(*f);
                    changes.push(t.saturating_add(1));
                }
            }
        }
        for a in &data.actors.list {
            for t in &a.tenures {
                changes.push(t.from);
                changes.push(t.to.saturating_add(1));
            }
        }
        changes.sort_unstable();
        changes.dedup();
        let mut next_change = 0usize;
        let mut members: Vec<u32> = Vec::new();
        let mut iso: Vec<Option<&str>> = vec![None; data.actors.len()];
        let mut first = true;

        let mut next_atom = 0usize;
        let mut active: Vec<u32> = Vec::new();
        let mut keyed: Vec<Keyed> = Vec::new();
        let mut cell = Cell::default();
        let empty_covered = Cell {
            covered: true,
            ..Cell::default()
        };
        let empty_uncovered = Cell::default();
        let mut rows = 0u64;
        let direction = self.spec.direction;
        for (done, (p0, p1, time)) in periods.enumerate() {
            // Membership and ISO codes.
            let mut moved = first;
            while next_change < changes.len() && changes[next_change] <= p1 {
                next_change += 1;
                moved = true;
            }
            if moved || self.spec.unit == Unit::Year {
                if self.spec.all_pairs {
                    self.members(p0, p1, &mut members);
                }
                for (i, a) in data.actors.list.iter().enumerate() {
                    iso[i] = a.iso_on(p1);
                }
            }
            first = false;
            // Active atoms.
            let mut changed = false;
            while next_atom < atoms.len() && atoms[next_atom].from <= p1 {
                active.push(next_atom as u32);
                next_atom += 1;
                changed = true;
            }
            let before = active.len();
            active.retain(|i| atoms[*i as usize].to >= p0);
            changed |= active.len() != before;
            if changed || self.spec.unit == Unit::Year {
                keyed.clear();
                keyed.extend(active.iter().map(|&i| {
                    let a = &atoms[i as usize];
                    (
                        key(a.a1, a.a2, direction),
                        a.instrument,
                        u8::MAX - a.phase,
                        i,
                    )
                }));
                keyed.sort_unstable();
            }
            let covered = self.covered(p0, p1);
            let empty = if covered {
                &empty_covered
            } else {
                &empty_uncovered
            };
            let mut emit = |a1: u32, a2: u32, cell: &Cell| -> Result<(), PanelError> {
                rows += 1;
                sink.row(&Row {
                    a1: data.actors.get(a1),
                    a2: data.actors.get(a2),
                    iso1: iso[a1 as usize],
                    iso2: iso[a2 as usize],
                    time,
                    cell,
                })
            };
            let mut g = 0usize;
            if self.spec.all_pairs {
                for &i in &members {
                    for &j in &members {
                        if i == j || (direction == Direction::Undirected && j < i) {
                            continue;
                        }
                        let k = (u64::from(i) << 32) | u64::from(j);
                        while g < keyed.len() && keyed[g].0 < k {
                            g += 1;
                        }
                        let start = g;
                        while g < keyed.len() && keyed[g].0 == k {
                            g += 1;
                        }
                        if start == g {
                            emit(i, j, empty)?;
                        } else {
                            aggregate(atoms, &keyed[start..g], covered, &mut cell);
                            emit(i, j, &cell)?;
                        }
                    }
                }
            } else {
                while g < keyed.len() {
                    let k = keyed[g].0;
                    let start = g;
                    while g < keyed.len() && keyed[g].0 == k {
                        g += 1;
                    }
                    aggregate(atoms, &keyed[start..g], covered, &mut cell);
                    emit((k >> 32) as u32, k as u32, &cell)?;
                }
            }
            progress(done as u64 + 1, total);
        }
        Ok(rows)
    }

    /// Spell panels: per dyad, the runs of days with identical values.
    fn spells(&self, sink: &mut dyn RowSink, progress: Progress) -> Result<u64, PanelError> {
        let data = self.data;
        let atoms = &data.atoms;
        let (r0, r1) = self.range;
        let direction = self.spec.direction;
        // Atoms by dyad.
        let mut by_dyad: Vec<(u64, u32)> = atoms
            .iter()
            .enumerate()
            .filter(|(_, a)| a.from <= r1 && a.to >= r0)
            .map(|(i, a)| (key(a.a1, a.a2, direction), i as u32))
            .collect();
        by_dyad.sort_unstable();
        // The dyads: with atoms, and every pair of system members.
        let mut dyads: Vec<u64> = by_dyad.iter().map(|x| x.0).collect();
        let spells_of = |i: u32| -> Vec<(Day, Day)> {
            data.system
                .as_ref()
                .and_then(|s| s.spells.get(&data.actors.get(i).key))
                .map(|v| {
                    v.iter()
                        .filter(|(f, t)| *f <= r1 && *t >= r0)
                        .map(|(f, t)| ((*f).max(r0), (*t).min(r1)))
                        .collect()
                })
                .unwrap_or_default()
        };
        if self.spec.all_pairs {
            let mut members = Vec::new();
            self.members(r0, r1, &mut members);
            let spells: Vec<Vec<(Day, Day)>> = members.iter().map(|i| spells_of(*i)).collect();
            for (x, &i) in members.iter().enumerate() {
                for (y, &j) in members.iter().enumerate() {
                    if i == j || (direction == Direction::Undirected && j < i) {
                        continue;
                    }
                    if !intersect(&spells[x], &spells[y]).is_empty() {
                        dyads.push((u64::from(i) << 32) | u64::from(j));
                    }
                }
            }
        }
        dyads.sort_unstable();
        dyads.dedup();
        let total = dyads.len() as u64;
        let (c0, c1) = data.coverage;
        let mut rows = 0u64;
        let mut g = 0usize;
        let mut group: Vec<Keyed> = Vec::new();
        let mut bps: Vec<Day> = Vec::new();
        let mut cell = Cell::default();
        let mut pending: Option<Pending> = None;
        for (done, &k) in dyads.iter().enumerate() {
            let (i, j) = ((k >> 32) as u32, k as u32);
            while g < by_dyad.len() && by_dyad[g].0 < k {
                g += 1;
            }
            let start = g;
            while g < by_dyad.len() && by_dyad[g].0 == k {
                g += 1;
            }
            let mine = &by_dyad[start..g];
            let joint: Vec<(Day, Day)> = if self.spec.all_pairs {
                intersect(&spells_of(i), &spells_of(j))
            } else {
                vec![(r0, r1)]
            };
            let (ai, aj) = (data.actors.get(i), data.actors.get(j));
            bps.clear();
            bps.push(r0);
            for &(_, idx) in mine {
                let a = &atoms[idx as usize];
                bps.push(a.from);
                bps.push(a.to.saturating_add(1));
            }
            for (f, t) in &joint {
                bps.push(*f);
                bps.push(t.saturating_add(1));
            }
            bps.push(c0);
            bps.push(c1.saturating_add(1));
            for a in [ai, aj] {
                for t in &a.tenures {
                    bps.push(t.from);
                    bps.push(t.to.saturating_add(1));
                }
            }
            bps.retain(|d| *d >= r0 && *d <= r1);
            bps.sort_unstable();
            bps.dedup();
            for (n, &s) in bps.iter().enumerate() {
                let e = bps.get(n + 1).map_or(r1, |x| x - 1);
                if !joint.iter().any(|(f, t)| *f <= s && s <= *t) {
                    continue;
                }
                group.clear();
                group.extend(mine.iter().filter_map(|&(kk, idx)| {
                    let a = &atoms[idx as usize];
                    (a.from <= s && a.to >= s).then_some((kk, a.instrument, u8::MAX - a.phase, idx))
                }));
                if group.is_empty() && !self.spec.all_pairs {
                    continue;
                }
                group.sort_unstable();
                let covered = c0 <= s && s <= c1;
                aggregate(atoms, &group, covered, &mut cell);
                let (iso1, iso2) = (ai.iso_on(s), aj.iso_on(s));
                match &mut pending {
                    Some(p) if p.1 + 1 == s && p.2 == cell && p.3 == iso1 && p.4 == iso2 => p.1 = e,
                    _ => {
                        if let Some(p) = pending.take() {
                            rows += 1;
                            sink.row(&Row {
                                a1: ai,
                                a2: aj,
                                iso1: p.3,
                                iso2: p.4,
                                time: Time::Spell(p.0, p.1),
                                cell: &p.2,
                            })?;
                        }
                        pending = Some((s, e, cell.clone(), iso1, iso2));
                    }
                }
            }
            if let Some(p) = pending.take() {
                rows += 1;
                sink.row(&Row {
                    a1: ai,
                    a2: aj,
                    iso1: p.3,
                    iso2: p.4,
                    time: Time::Spell(p.0, p.1),
                    cell: &p.2,
                })?;
            }
            progress(done as u64 + 1, total);
        }
        Ok(rows)
    }
}

/// A spell being extended: first and last day, value, ISO codes.
type Pending<'a> = (Day, Day, Cell, Option<&'a str>, Option<&'a str>);

/// The days two sorted spell lists share.
fn intersect(a: &[(Day, Day)], b: &[(Day, Day)]) -> Vec<(Day, Day)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (f, t) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if f <= t {
            out.push((f, t));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
