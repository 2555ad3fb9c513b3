//! ATOP's directed dyad-year obligations, regenerated from the member file,
//! and their comparison with the published table (`atop5_1ddyr`, as shipped
//! by peacesciencer: ccode1, ccode2, year, and the five obligation flags).
//!
//! Rules (codebook v5.1, 2.6-2.7): two members of the same alliance form a
//! dyad in every year both rows cover (an exit of 0 runs to 2018), unless
//! their dates never overlap (one joined after the other left within the
//! year); the directed flag is A's own obligation flag on A's row, OR-ed over
//! every alliance and phase the pair shares. ATOP hand-corrected multilateral
//! alliances whose members owe different things to different partners
//! (`obvary`); those corrections are not in the member file, and the
//! comparison groups disagreements by that cause.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::atop::{MemberRow, Obligation};
use crate::cow::CowStates;
use crate::problem::{ImportError, RowProblem};
use crate::table::Table;

/// (ccode1, ccode2, year).
pub type DyadYear = (u16, u16, i16);

/// The five flags as bits, in [`Obligation::ALL`] order.
pub type Flags = u8;

/// A regenerated directed dyad-year, with what produced it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Regenerated {
    pub flags: Flags,
    /// Some contributing row of A has `obvary`.
    pub obvary_a: bool,
    /// Some contributing row of B has `obvary`.
    pub obvary_b: bool,
    /// Some contributing alliance is asymmetric (`asymm`).
    pub asymm: bool,
    /// The first alliances that produced it (0 = none), for examples.
    atopids: [u32; 4],
}

impl Regenerated {
    /// The alliances that produced the row (the first four).
    pub fn atopids(&self) -> Vec<u32> {
        self.atopids.iter().copied().filter(|a| *a != 0).collect()
    }

    fn merge(&mut self, other: &Regenerated) {
        self.flags |= other.flags;
        self.obvary_a |= other.obvary_a;
        self.obvary_b |= other.obvary_b;
        self.asymm |= other.asymm;
        for id in other.atopids.iter().filter(|a| **a != 0) {
            if self.atopids.contains(id) {
                continue;
            }
            if let Some(slot) = self.atopids.iter_mut().find(|a| **a == 0) {
                *slot = *id;
            }
        }
    }
}

fn flags_of(r: &MemberRow) -> Flags {
    Obligation::ALL
        .iter()
        .filter(|o| r.obligations.has(**o))
        .fold(0, |acc, o| acc | (1 << o.index()))
}

/// The regenerated table: directed dyad-years sorted by (ccode1, ccode2, year).
#[derive(Debug, Clone, Default)]
pub struct Regeneration {
    pub rows: Vec<(DyadYear, Regenerated)>,
}

impl Regeneration {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn get(&self, key: &DyadYear) -> Option<&Regenerated> {
        self.rows
            .binary_search_by(|(k, _)| k.cmp(key))
            .ok()
            .map(|i| &self.rows[i].1)
    }
}

/// Regenerate the directed dyad-year table from member rows.
pub fn regenerate(members: &[MemberRow]) -> Regeneration {
    let mut by_alliance: BTreeMap<u32, Vec<&MemberRow>> = BTreeMap::new();
    for m in members {
        by_alliance.entry(m.atopid).or_default().push(m);
    }
    let mut out: Vec<(DyadYear, Regenerated)> = Vec::with_capacity(300_000);
    // (dyad-year, phase, contribution) within one alliance.
    let mut in_alliance: Vec<(DyadYear, u8, Regenerated)> = Vec::new();
    for (atopid, rows) in &by_alliance {
        in_alliance.clear();
        for a in rows {
            let (a0, a1) = a.years();
            let fa = flags_of(a);
            for b in rows {
                if a.member == b.member {
                    continue;
                }
                // One joined on or after the day the other left (a successor
                // state entering the day its predecessor exits, 1990
                // Germany and Yemen): never allied at the same time.
                let a_end = a.exit.map(|d| d.latest());
                let b_end = b.exit.map(|d| d.latest());
                if a_end.is_some_and(|e| b.entry.earliest() >= e)
                    || b_end.is_some_and(|e| a.entry.earliest() >= e)
                {
                    continue;
                }
                let (b0, b1) = b.years();
                let phase = a.phase.min(b.phase);
                let r = Regenerated {
                    flags: fa,
                    obvary_a: a.obvary,
                    obvary_b: b.obvary,
                    asymm: a.asymm || b.asymm,
                    atopids: [*atopid, 0, 0, 0],
                };
                for year in a0.max(b0)..=a1.min(b1) {
                    in_alliance.push(((a.member, b.member, year), phase, r));
                }
            }
        }
        // A year spanning a phase change takes the flags of the last phase
        // in force that year (ATOP's table does; e.g. atopid 1362 in 1888).
        // Rows of one member in the same phase (it left and rejoined) all count.
        in_alliance.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        let mut i = 0;
        while i < in_alliance.len() {
            let (key, phase, mut acc) = in_alliance[i];
            let mut j = i + 1;
            while j < in_alliance.len() && in_alliance[j].0 == key {
                if in_alliance[j].1 == phase {
                    acc.merge(&in_alliance[j].2);
                }
                j += 1;
            }
            out.push((key, acc));
            i = j;
        }
    }
    // OR over alliances.
    out.sort_unstable_by_key(|x| x.0);
    let mut merged: Vec<(DyadYear, Regenerated)> = Vec::with_capacity(out.len());
    for (k, r) in out {
        match merged.last_mut() {
            Some((lk, lr)) if *lk == k => lr.merge(&r),
            _ => merged.push((k, r)),
        }
    }
    Regeneration { rows: merged }
}

/// Read the published directed dyad-year table. Column names may carry
/// peacesciencer's `atop_` prefix or not.
pub fn read_table(
    path: &Path,
    problems: &mut Vec<RowProblem>,
) -> Result<Vec<(DyadYear, Flags)>, ImportError> {
    const EXPECTED: &str =
        "an ATOP directed dyad-year table (ccode1, ccode2, year, defense…consul)";
    let table = Table::open(path, &["ccode1", "ccode2", "year"], EXPECTED)?;
    let prefix = if table.has("atop_defense") {
        "atop_"
    } else {
        ""
    };
    let names: Vec<String> = Obligation::ALL
        .iter()
        .map(|o| format!("{prefix}{}", o.column()))
        .collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    table.require(&name_refs, EXPECTED)?;
    let index = |c: &str| table.index(c).unwrap_or(usize::MAX);
    let (i1, i2, iy) = (index("ccode1"), index("ccode2"), index("year"));
    let flag_idx: Vec<(usize, &str)> = name_refs.iter().map(|c| (index(c), *c)).collect();
    Ok(table.rows(problems, |row| {
        let c1 = row.int_at(i1, "ccode1", 1, 9999)? as u16;
        let c2 = row.int_at(i2, "ccode2", 1, 9999)? as u16;
        let year = row.int_at(iy, "year", 1000, 2100)? as i16;
        let mut flags = 0;
        for (bit, (i, c)) in flag_idx.iter().enumerate() {
            if row.flag_at(*i, c)? {
                flags |= 1 << bit;
            }
        }
        Ok(((c1, c2, year), flags))
    }))
}

/// Why a cell disagrees, or a row is missing or extra.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// A's row has `obvary`: ATOP hand-corrected to whom A owes what.
    ObvaryObligor,
    /// B's row has `obvary` (A's does not): the correction touched the pair.
    ObvaryPartner,
    /// The alliance is asymmetric but neither row has `obvary`.
    AsymmetricAlliance,
    /// A state not in the COW state system that year (ATOP drops those).
    NotACowSystemMember,
    /// None of the above.
    Unexplained,
}

impl Cause {
    /// The JSON/CSV name (`obvary_obligor`, …).
    pub fn key(self) -> &'static str {
        match self {
            Cause::ObvaryObligor => "obvary_obligor",
            Cause::ObvaryPartner => "obvary_partner",
            Cause::AsymmetricAlliance => "asymmetric_alliance",
            Cause::NotACowSystemMember => "not_a_cow_system_member",
            Cause::Unexplained => "unexplained",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Cause::ObvaryObligor => "obligor has obvary (hand-corrected in ATOP's dyadic data)",
            Cause::ObvaryPartner => "partner has obvary (hand-corrected in ATOP's dyadic data)",
            Cause::AsymmetricAlliance => "asymmetric alliance, neither member flagged obvary",
            Cause::NotACowSystemMember => "a state outside the COW state system that year",
            Cause::Unexplained => "unexplained",
        }
    }
}

/// Counts for one cause.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CauseCount {
    pub cells: usize,
    /// Of `cells`: regenerated 1 where the published table has 0.
    pub ours_only: usize,
    /// Of `cells`: published 1 where the regenerated table has 0.
    pub published_only: usize,
    pub rows: usize,
    /// Up to five examples: "ccode1>ccode2 year flag ours/theirs (atopids)".
    pub examples: Vec<String>,
}

/// The comparison of the regenerated table with the published one.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Comparison {
    pub published_rows: usize,
    pub regenerated_rows: usize,
    /// Rows present in both.
    pub matched_rows: usize,
    /// Matched rows whose five flags all agree.
    pub identical_rows: usize,
    /// Published rows not regenerated.
    pub missing_rows: usize,
    /// Regenerated rows not published, by cause.
    pub extra_rows: usize,
    pub extra_by_cause: BTreeMap<Cause, CauseCount>,
    pub missing_examples: Vec<String>,
    /// Flag cells (of matched rows) that disagree.
    pub disagreeing_cells: usize,
    pub cells_by_cause: BTreeMap<Cause, CauseCount>,
    /// Disagreeing cells per flag, in ATOP's order (defense…consul).
    pub cells_by_flag: BTreeMap<String, usize>,
    /// Published rows skipped as unreadable.
    pub skipped_published_rows: usize,
}

fn example(k: &DyadYear, what: &str, atopids: &[u32]) -> String {
    let ids: Vec<String> = atopids.iter().map(u32::to_string).collect();
    format!("{}>{} {} {what} (atopid {})", k.0, k.1, k.2, ids.join(", "))
}

/// Compare regenerated rows with the published table. `cow` explains extra
/// rows for states outside the COW system.
pub fn compare(
    ours: &Regeneration,
    published: &[(DyadYear, Flags)],
    cow: Option<&CowStates>,
) -> Comparison {
    let mut c = Comparison {
        published_rows: published.len(),
        regenerated_rows: ours.len(),
        ..Comparison::default()
    };
    let mut theirs_sorted: Vec<(DyadYear, Flags)> = published.to_vec();
    theirs_sorted.sort_unstable_by_key(|x| x.0);
    let mut extra: Vec<(DyadYear, Regenerated)> = Vec::new();
    let mut mine = ours.rows.iter().peekable();
    for (k, theirs) in &theirs_sorted {
        while let Some((mk, mr)) = mine.next_if(|(mk, _)| mk < k) {
            extra.push((*mk, *mr));
        }
        let Some((_, r)) = mine.next_if(|(mk, _)| mk == k) else {
            c.missing_rows += 1;
            if c.missing_examples.len() < 5 {
                c.missing_examples.push(format!("{}>{} {}", k.0, k.1, k.2));
            }
            continue;
        };
        c.matched_rows += 1;
        let diff = r.flags ^ theirs;
        if diff == 0 {
            c.identical_rows += 1;
            continue;
        }
        let cause = if r.obvary_a {
            Cause::ObvaryObligor
        } else if r.obvary_b {
            Cause::ObvaryPartner
        } else if r.asymm {
            Cause::AsymmetricAlliance
        } else {
            Cause::Unexplained
        };
        let entry = c.cells_by_cause.entry(cause).or_default();
        entry.rows += 1;
        for o in Obligation::ALL {
            let bit = 1 << o.index();
            if diff & bit == 0 {
                continue;
            }
            c.disagreeing_cells += 1;
            entry.cells += 1;
            if r.flags & bit != 0 {
                entry.ours_only += 1;
            } else {
                entry.published_only += 1;
            }
            *c.cells_by_flag.entry(o.column().to_string()).or_default() += 1;
            if entry.examples.len() < 5 {
                let what = format!(
                    "{} ours {} published {}",
                    o.column(),
                    u8::from(r.flags & bit != 0),
                    u8::from(theirs & bit != 0)
                );
                entry.examples.push(example(k, &what, &r.atopids()));
            }
        }
    }
    extra.extend(mine.copied());
    for (k, r) in extra {
        c.extra_rows += 1;
        let outside =
            cow.is_some_and(|s| !s.member_in_year(k.0, k.2) || !s.member_in_year(k.1, k.2));
        let cause = if outside {
            Cause::NotACowSystemMember
        } else {
            Cause::Unexplained
        };
        let e = c.extra_by_cause.entry(cause).or_default();
        e.rows += 1;
        if e.examples.len() < 5 {
            e.examples.push(example(&k, "extra", &r.atopids()));
        }
    }
    c
}

impl Comparison {
    /// Matched rows as a share of the published rows.
    pub fn row_match_share(&self) -> f64 {
        if self.published_rows == 0 {
            return 0.0;
        }
        self.matched_rows as f64 / self.published_rows as f64
    }

    /// Agreeing flag cells as a share of all flag cells of the published rows
    /// (missing rows count as disagreeing).
    pub fn cell_match_share(&self) -> f64 {
        let total = self.published_rows * 5;
        if total == 0 {
            return 0.0;
        }
        let bad = self.disagreeing_cells + self.missing_rows * 5;
        (total - bad.min(total)) as f64 / total as f64
    }
}

/// Read both files, regenerate and compare. Problems of either file are
/// pushed to `problems`.
pub fn compare_files(
    member_file: &Path,
    published: &Path,
    cow: Option<&CowStates>,
    problems: &mut Vec<RowProblem>,
) -> Result<Comparison, ImportError> {
    let members = crate::atop::read_members(member_file, problems)?;
    let before = problems.len();
    let table = read_table(published, problems)?;
    let skipped = problems.len() - before;
    let ours = regenerate(&members);
    let mut c = compare(&ours, &table, cow);
    c.skipped_published_rows = skipped;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atop::Obligations;

    fn row(
        atopid: u32,
        member: u16,
        from: &str,
        to: Option<&str>,
        ob: [bool; 5],
        obvary: bool,
    ) -> MemberRow {
        MemberRow {
            line: 2,
            atopid,
            member,
            phase: 0,
            entry: from.parse().unwrap(),
            exit: to.map(|t| t.parse().unwrap()),
            obligations: Obligations(ob),
            conditions: vec![],
            asymm: obvary,
            obvary,
        }
    }

    #[test]
    fn pairs_members_in_overlapping_years_with_their_own_flags() {
        let d = [true, false, false, false, true];
        let c = [false, false, false, false, true];
        let rows = vec![
            row(1, 220, "1832-01-01", Some("1833-12-31"), d, true),
            row(1, 211, "1832-01-01", Some("1833-06-30"), c, false),
            // Joins after 211 left, within 1833: no dyad with 211.
            row(1, 300, "1833-09-01", Some("1834-12-31"), c, false),
        ];
        let t = regenerate(&rows);
        assert_eq!(t.get(&(220, 211, 1832)).unwrap().flags, 0b10001);
        assert_eq!(t.get(&(211, 220, 1833)).unwrap().flags, 0b10000);
        assert!(t.get(&(220, 300, 1833)).is_some());
        assert!(t.get(&(211, 300, 1833)).is_none());
        assert!(t.get(&(220, 300, 1834)).is_none());
        let published = vec![
            ((220, 211, 1832), 0b10001),
            ((211, 220, 1832), 0b10001),
            ((2, 20, 1950), 1),
        ];
        let cmp = compare(&t, &published, None);
        assert_eq!(cmp.matched_rows, 2);
        assert_eq!(cmp.missing_rows, 1);
        assert_eq!(cmp.disagreeing_cells, 1);
        assert_eq!(cmp.cells_by_cause[&Cause::ObvaryPartner].cells, 1);
        assert_eq!(cmp.extra_rows, t.len() - 2);
    }
}
