//! How much of ATOP's defence coding a knowledge base covers: directed
//! defence dyads per year from ATOP's published dyad-year table against the
//! knowledge base's own (obligor → beneficiary, by COW code), with recall,
//! precision and every difference given a cause and the alliance or treaty
//! it comes from.
//!
//! Year rule: a knowledge-base dyad counts in a year when, on some day of
//! that year, the treaty is (possibly) in force, both polities are (possibly)
//! parties, the defence provision's text applies, the dyad is not suspended
//! and neither party's participation is frozen or suspended. "Possibly"
//! means a bound known only to the year or month counts for the whole of it,
//! which is ATOP's "any part of the year". The knowledge base starts at entry
//! into force where ATOP starts at signature; differences that the signature
//! date alone explains are given that cause rather than hidden.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use casus_core::model::{
    InstrumentKind, ObligationKind, Owed, ParticipationStatus, Party, Provision, Treaty,
};
use casus_core::time::{Interval, Truth};
use casus_core::KnowledgeBase;
use jiff::civil::Date;
use serde::Serialize;

use crate::atop::{MemberRow, Obligation};
use crate::cow::CowStates;
use crate::ddyr::DyadYear;
use crate::problem::{ImportError, RowProblem};

/// The years the coverage is measured over (docs/validation.md).
pub const DEFAULT_YEARS: [i16; 5] = [1950, 1970, 1990, 2010, 2018];

/// A directed dyad: (obligor's COW code, beneficiary's COW code).
pub type Dyad = (u16, u16);

/// Which side has a dyad-year the other lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// In ATOP's table, not in the knowledge base.
    AtopOnly,
    /// In the knowledge base, not in ATOP's table.
    CasusOnly,
}

impl Side {
    pub fn key(self) -> &'static str {
        match self {
            Side::AtopOnly => "atop_only",
            Side::CasusOnly => "casus_only",
        }
    }
}

/// Why a dyad-year is on one side only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffCause {
    /// ATOP counts from signature, the knowledge base from entry into force
    /// (or from the party's ratification): the dyad-year would count from
    /// the signature date the knowledge base records.
    SignatureBeforeEntryIntoForce,
    /// The knowledge base records the dyad that year, but a party's
    /// participation is frozen or suspended, or the dyad suspended.
    FrozenOrSuspended,
    /// The same pair under the same sources in other years: the start or
    /// end dates disagree.
    DatesDiffer,
    /// Both have the pair that year, with a different obligation: ATOP codes
    /// defence where the knowledge base has only consultation, neutrality or
    /// non-aggression, or the reverse.
    OtherObligationKind,
    /// A state the knowledge base has no polity with that COW code for.
    NoPolityForCowCode,
    /// A state outside the COW state system that year (ATOP's table has
    /// only system members).
    NotACowSystemMember,
    /// ATOP codes an alliance the knowledge base does not (yet) hold.
    NotCurated,
    /// An instrument ATOP does not code as a defence alliance for the pair.
    NotInAtop,
}

impl DiffCause {
    pub fn key(self) -> &'static str {
        match self {
            DiffCause::SignatureBeforeEntryIntoForce => "signature_before_entry_into_force",
            DiffCause::FrozenOrSuspended => "frozen_or_suspended",
            DiffCause::DatesDiffer => "dates_differ",
            DiffCause::OtherObligationKind => "other_obligation_kind",
            DiffCause::NoPolityForCowCode => "no_polity_for_cow_code",
            DiffCause::NotACowSystemMember => "not_a_cow_system_member",
            DiffCause::NotCurated => "not_curated",
            DiffCause::NotInAtop => "not_in_atop",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            DiffCause::SignatureBeforeEntryIntoForce => {
                "date convention: ATOP counts from signature, casus from entry into force"
            }
            DiffCause::FrozenOrSuspended => {
                "casus drops years of frozen/suspended participation or suspended dyads"
            }
            DiffCause::DatesDiffer => "start or end dates differ",
            DiffCause::OtherObligationKind => "both have the pair; the obligation kind differs",
            DiffCause::NoPolityForCowCode => "no polity in the knowledge base has this COW code",
            DiffCause::NotACowSystemMember => "a state outside the COW state system that year",
            DiffCause::NotCurated => "not yet curated",
            DiffCause::NotInAtop => "not coded by ATOP as defence for this pair",
        }
    }
}

/// One dyad-year on one side only.
#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    pub year: i16,
    pub obligor: u16,
    pub beneficiary: u16,
    pub side: Side,
    pub cause: DiffCause,
    /// ATOP alliances with the obligor's defence flag for the pair that year
    /// (or in any year, for dates that differ).
    pub atop_alliances: Vec<u32>,
    /// Knowledge-base treaties that give (or would give) the pair a defence
    /// provision.
    pub casus_treaties: Vec<String>,
}

/// One year's figures.
#[derive(Debug, Clone, Serialize)]
pub struct YearCoverage {
    pub year: i16,
    pub atop: usize,
    pub casus: usize,
    pub both: usize,
    pub atop_only: usize,
    pub casus_only: usize,
    /// both / atop (None when ATOP has none that year).
    pub recall: Option<f64>,
    /// both / casus (None when casus has none that year).
    pub precision: Option<f64>,
    /// The same comparison with the knowledge base read under ATOP's date
    /// convention (each party counted from its signature, or the treaty's
    /// for an original party): like against like.
    pub at_signature: ConventionFigures,
}

/// Counts and shares under one reading of the knowledge base.
#[derive(Debug, Clone, Serialize)]
pub struct ConventionFigures {
    pub casus: usize,
    pub both: usize,
    pub recall: Option<f64>,
    pub precision: Option<f64>,
}

/// Differences with the same side, cause and source, counted per year.
#[derive(Debug, Clone, Serialize)]
pub struct DifferenceGroup {
    pub side: Side,
    pub cause: DiffCause,
    /// `atop 3180` (ATOP-only differences) or the casus treaty id.
    pub source: String,
    pub by_year: BTreeMap<i16, usize>,
    pub total: usize,
    /// Up to five dyad-years, `obligor>beneficiary year` with COW codes.
    pub examples: Vec<String>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub years: Vec<YearCoverage>,
    /// Sorted by side, cause, then descending total.
    pub groups: Vec<DifferenceGroup>,
    pub differences: Vec<Difference>,
    /// Whether a COW state list was given (without it, no difference can be
    /// put down to a state outside the system).
    pub cow_states_given: bool,
}

impl Coverage {
    /// The figures for `year`, if it was measured.
    pub fn year(&self, year: i16) -> Option<&YearCoverage> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// ATOP's side: the published defence dyad-years, the pairs ATOP codes with
/// any obligation, and which alliances give the obligor a defence flag.
#[derive(Debug, Clone, Default)]
pub struct AtopDefence {
    /// Published dyad-years with `defense = 1`.
    pub defence: BTreeSet<DyadYear>,
    /// Published dyad-years with any flag (or none: a row at all).
    pub any_row: BTreeSet<DyadYear>,
    /// Directed pairs with defence in any year.
    pub defence_pairs: BTreeSet<Dyad>,
    /// From the member file: (obligor, beneficiary, year) → alliances in
    /// which the obligor's own row carries the defence flag.
    pub alliances: HashMap<DyadYear, Vec<u32>>,
    /// (obligor, beneficiary) → those alliances in any year.
    pub pair_alliances: HashMap<Dyad, Vec<u32>>,
    /// Alliance → the year its first member signed.
    pub begin_year: HashMap<u32, i16>,
}

impl AtopDefence {
    /// Build from the published table's rows and the member file's rows.
    pub fn new(published: &[(DyadYear, u8)], members: &[MemberRow]) -> AtopDefence {
        let bit = 1u8 << Obligation::Defense.index();
        let mut a = AtopDefence::default();
        for (k, flags) in published {
            a.any_row.insert(*k);
            if flags & bit != 0 {
                a.defence.insert(*k);
                a.defence_pairs.insert((k.0, k.1));
            }
        }
        let mut by_alliance: BTreeMap<u32, Vec<&MemberRow>> = BTreeMap::new();
        for m in members {
            by_alliance.entry(m.atopid).or_default().push(m);
        }
        for (atopid, rows) in by_alliance {
            if let Some(y) = rows.iter().map(|r| r.entry.year()).min() {
                a.begin_year.insert(atopid, y);
            }
            for x in rows
                .iter()
                .filter(|r| r.obligations.has(Obligation::Defense))
            {
                for y in rows.iter().filter(|r| r.member != x.member) {
                    let (x0, x1) = x.years();
                    let (y0, y1) = y.years();
                    for year in x0.max(y0)..=x1.min(y1) {
                        let v = a.alliances.entry((x.member, y.member, year)).or_default();
                        if !v.contains(&atopid) {
                            v.push(atopid);
                        }
                    }
                    let v = a.pair_alliances.entry((x.member, y.member)).or_default();
                    if !v.contains(&atopid) {
                        v.push(atopid);
                    }
                }
            }
        }
        a
    }

    fn begin_years(&self, alliances: &[u32]) -> Vec<i16> {
        alliances
            .iter()
            .filter_map(|a| self.begin_year.get(a).copied())
            .collect()
    }

    /// The years ATOP's table has the pair's defence dyad under one of
    /// `alliances`.
    fn years_of(&self, d: &Dyad, alliances: &[u32]) -> Vec<i16> {
        self.defence
            .range((d.0, d.1, i16::MIN)..=(d.0, d.1, i16::MAX))
            .filter(|k| {
                self.alliances
                    .get(k)
                    .is_some_and(|v| v.iter().any(|a| alliances.contains(a)))
            })
            .map(|k| k.2)
            .collect()
    }

    /// Does an ATOP defence alliance of the pair begin in one of `years`?
    fn pair_begins_in(&self, d: &Dyad, years: &[i16]) -> bool {
        self.pair_alliances
            .get(d)
            .is_some_and(|v| self.begin_years(v).iter().any(|y| years.contains(y)))
    }

    fn alliances_for(&self, k: &DyadYear) -> Vec<u32> {
        self.alliances
            .get(k)
            .or_else(|| self.pair_alliances.get(&(k.0, k.1)))
            .cloned()
            .unwrap_or_default()
    }

    /// Read the member file and the published table.
    pub fn read(
        member_file: &Path,
        table: &Path,
        problems: &mut Vec<RowProblem>,
    ) -> Result<AtopDefence, ImportError> {
        let members = crate::atop::read_members(member_file, problems)?;
        let published = crate::ddyr::read_table(table, problems)?;
        Ok(AtopDefence::new(&published, &members))
    }
}

/// How generously to read the knowledge base when looking for a cause.
#[derive(Debug, Clone, Copy, Default)]
struct Reading {
    /// Count from signature (the party's, else the treaty's) as ATOP does.
    from_signature: bool,
    /// Ignore frozen/suspended statuses and dyad suspensions.
    ignore_suspensions: bool,
}

/// Instruments that carry a defence obligation between states. A state's
/// domestic law (the Taiwan Relations Act) binds only its own government,
/// and security assurances create no obligation to defend; ATOP codes
/// neither as an alliance.
pub fn counts_as_alliance(t: &Treaty) -> bool {
    matches!(t.kind, InstrumentKind::Treaty | InstrumentKind::Declaration)
}

pub fn owed_pairs<'a>(t: &'a Treaty, p: &'a Provision) -> Vec<(&'a str, &'a str)> {
    let mut parties: Vec<&str> = t.parties.iter().map(|x| x.polity.as_str()).collect();
    parties.sort_unstable();
    parties.dedup();
    let mut out = Vec::new();
    match &p.owed {
        Owed::Mutual => {
            for a in &parties {
                for b in &parties {
                    if a != b {
                        out.push((*a, *b));
                    }
                }
            }
        }
        Owed::Directed {
            obligors,
            beneficiaries,
        } => {
            for a in obligors {
                for b in beneficiaries {
                    if a != b {
                        out.push((a.as_str(), b.as_str()));
                    }
                }
            }
        }
    }
    out
}

fn possibly(t: Truth) -> bool {
    t != Truth::No
}

/// A party's spell, read from signature when asked.
fn spell(t: &Treaty, p: &Party, reading: Reading) -> Interval {
    let mut i = p.membership.interval;
    // The treaty's signature stands for an original party's (one bound from
    // entry into force); a later spell starts from its own signature only.
    let original = i.from == t.in_force.interval.from;
    let signed = p.signed.or(if original { t.signed } else { None });
    if reading.from_signature {
        if let Some(s) = signed {
            if i.from.is_none_or(|f| s.earliest() < f.earliest()) {
                i.from = Some(s);
            }
        }
    }
    i
}

fn treaty_in_force(t: &Treaty, reading: Reading) -> Interval {
    let mut i = t.in_force.interval;
    if reading.from_signature {
        if let Some(s) = t.signed {
            if i.from.is_none_or(|f| s.earliest() < f.earliest()) {
                i.from = Some(s);
            }
        }
    }
    i
}

fn days_of(year: i16) -> impl Iterator<Item = Date> {
    let first = Date::new(year, 1, 1).ok();
    let last = Date::new(year, 12, 31).ok();
    let mut next = first;
    std::iter::from_fn(move || {
        let d = next?;
        next = d.tomorrow().ok().filter(|n| last.is_some_and(|l| *n <= l));
        Some(d)
    })
}

/// The days of `year` on which the provision binds `a` toward `b`.
fn days_holding<'t>(
    t: &'t Treaty,
    p: &'t Provision,
    a: &'t str,
    b: &'t str,
    year: i16,
    reading: Reading,
) -> impl Iterator<Item = Date> + 't {
    let in_force = treaty_in_force(t, reading);
    let spells = |who: &str| -> Vec<Interval> {
        t.parties
            .iter()
            .filter(|x| x.polity == who)
            .map(|x| spell(t, x, reading))
            .collect()
    };
    let (sa, sb) = (spells(a), spells(b));
    let suspended_on = move |d: Date| -> bool {
        if reading.ignore_suspensions {
            return false;
        }
        let status = t.statuses.iter().any(|s| {
            (s.polity == a || s.polity == b)
                && s.status.value != ParticipationStatus::OutsideMilitaryStructure
                && s.status.interval.contains(d) == Truth::Yes
        });
        let dyad = t.dyad_suspensions.iter().any(|s| {
            s.obligor == a && s.beneficiary == b && s.spell.interval.contains(d) == Truth::Yes
        });
        status || dyad
    };
    let reaches = possibly_overlaps(&in_force, year)
        && possibly_overlaps(&p.validity, year)
        && sa.iter().any(|i| possibly_overlaps(i, year))
        && sb.iter().any(|i| possibly_overlaps(i, year));
    // Most dyads hold all year with nothing suspended: skip the day walk.
    let untouched =
        t.dyad_suspensions.is_empty() && !t.statuses.iter().any(|s| s.polity == a || s.polity == b);
    let whole_year = reaches
        && (untouched || reading.ignore_suspensions)
        && covers_year(&in_force, year)
        && covers_year(&p.validity, year)
        && sa.iter().any(|i| covers_year(i, year))
        && sb.iter().any(|i| covers_year(i, year));
    days_of(year).filter(move |d| {
        if whole_year {
            return true;
        }
        reaches
            && possibly(in_force.contains(*d))
            && possibly(p.validity.contains(*d))
            && sa.iter().any(|i| possibly(i.contains(*d)))
            && sb.iter().any(|i| possibly(i.contains(*d)))
            && !suspended_on(*d)
    })
}

/// Polities whose COW code changed while the polity continued: the
/// knowledge base's `cow` is the current code, and COW used another before
/// a date. The Federal Republic of Germany is GFR (260) until 2 Oct 1990 and
/// GMY (255) from 3 Oct 1990 (COW State System Membership v2016; the DEU
/// polity's note in kb/polities.toml).
pub const RENUMBERED: [(&str, u16, (i16, i8, i8)); 1] = [("DEU", 260, (1990, 10, 2))];

/// Whether an interval certainly holds on every day of `year`.
fn covers_year(i: &Interval, year: i16) -> bool {
    let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
        return false;
    };
    i.from.is_none_or(|f| f.latest() <= first) && i.to.is_none_or(|t| t.earliest() >= last)
}

/// Whether an interval with imprecise bounds may reach into `year`.
fn possibly_overlaps(i: &Interval, year: i16) -> bool {
    let starts = i.from.is_none_or(|f| f.earliest().year() <= year);
    let ends = i.to.is_none_or(|t| t.latest().year() >= year);
    starts && ends
}

/// The knowledge base's side: which treaties give which COW dyads a
/// provision of some kind in a year, under a reading.
struct CasusDyads<'a> {
    kb: &'a KnowledgeBase,
    cow_of: HashMap<&'a str, u16>,
    /// Polity → (earlier code, last day of it).
    renumbered: HashMap<&'a str, (u16, Date)>,
    codes: BTreeSet<u16>,
}

impl<'a> CasusDyads<'a> {
    fn new(kb: &'a KnowledgeBase) -> Self {
        let cow_of: HashMap<&str, u16> = kb
            .polities
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.cow_code?)))
            .collect();
        let renumbered: HashMap<&str, (u16, Date)> = RENUMBERED
            .iter()
            .filter_map(|(id, code, (y, m, d))| {
                let polity = kb.polity(id)?;
                Some((polity.id.as_str(), (*code, Date::new(*y, *m, *d).ok()?)))
            })
            .collect();
        let mut codes: BTreeSet<u16> = cow_of.values().copied().collect();
        codes.extend(renumbered.values().map(|(c, _)| *c));
        CasusDyads {
            kb,
            cow_of,
            renumbered,
            codes,
        }
    }

    /// The polity's COW code on a day.
    fn code_on(&self, polity: &str, day: Date) -> Option<u16> {
        match self.renumbered.get(polity) {
            Some((earlier, last)) if day <= *last => Some(*earlier),
            _ => self.cow_of.get(polity).copied(),
        }
    }

    /// The COW codes a polity may carry during `year`.
    fn codes_in(&self, polity: &str, year: i16) -> Vec<u16> {
        let mut v: Vec<u16> = self.cow_of.get(polity).copied().into_iter().collect();
        if let Some((earlier, last)) = self.renumbered.get(polity) {
            if last.year() >= year {
                v.push(*earlier);
            }
            if last.year() > year {
                v.retain(|c| c == earlier);
            }
        }
        v
    }

    /// dyad → treaties, for provisions of `kinds` on some day of `year`.
    fn dyads(
        &self,
        year: i16,
        kinds: &[ObligationKind],
        reading: Reading,
    ) -> BTreeMap<Dyad, Vec<String>> {
        let mut out: BTreeMap<Dyad, Vec<String>> = BTreeMap::new();
        for t in self.kb.treaties.iter().filter(|t| counts_as_alliance(t)) {
            if !possibly_overlaps(&treaty_in_force(t, reading), year) {
                continue;
            }
            for p in t.provisions.iter().filter(|p| kinds.contains(&p.kind)) {
                for (a, b) in owed_pairs(t, p) {
                    let (ca, cb) = (self.codes_in(a, year), self.codes_in(b, year));
                    let all_known = ca.iter().all(|x| {
                        cb.iter()
                            .all(|y| out.get(&(*x, *y)).is_some_and(|v| v.contains(&t.id)))
                    });
                    if ca.is_empty() || cb.is_empty() || all_known {
                        continue;
                    }
                    let single = ca.len() == 1 && cb.len() == 1;
                    let mut found: Vec<Dyad> = Vec::new();
                    for d in days_holding(t, p, a, b, year, reading) {
                        let (Some(x), Some(y)) = (self.code_on(a, d), self.code_on(b, d)) else {
                            continue;
                        };
                        if x != y && !found.contains(&(x, y)) {
                            found.push((x, y));
                        }
                        if single && !found.is_empty() {
                            break;
                        }
                    }
                    for key in found {
                        let v = out.entry(key).or_default();
                        if !v.contains(&t.id) {
                            v.push(t.id.clone());
                        }
                    }
                }
            }
        }
        out
    }
}

const DEFENCE: [ObligationKind; 1] = [ObligationKind::Defense];
const OTHER_KINDS: [ObligationKind; 4] = [
    ObligationKind::Consultation,
    ObligationKind::Neutrality,
    ObligationKind::NonAggression,
    ObligationKind::Offense,
];

/// Measure the knowledge base against ATOP for `years`. `cow` names the
/// differences due to states outside the COW state system.
pub fn coverage(
    kb: &KnowledgeBase,
    atop: &AtopDefence,
    years: &[i16],
    cow: Option<&CowStates>,
) -> Coverage {
    let casus = CasusDyads::new(kb);
    let strict = Reading::default();
    let relaxed_status = Reading {
        ignore_suspensions: true,
        ..strict
    };
    let from_signature = Reading {
        from_signature: true,
        ..strict
    };
    let mut years_out = Vec::new();
    let mut differences = Vec::new();
    for &year in years {
        let ours = casus.dyads(year, &DEFENCE, strict);
        let theirs: BTreeSet<Dyad> = atop
            .defence
            .range((0, 0, year)..=(u16::MAX, u16::MAX, year))
            .filter(|k| k.2 == year)
            .map(|k| (k.0, k.1))
            .collect();
        let both = theirs.iter().filter(|d| ours.contains_key(d)).count();
        let atop_only: Vec<Dyad> = theirs
            .iter()
            .filter(|d| !ours.contains_key(d))
            .copied()
            .collect();
        let casus_only: Vec<(Dyad, &Vec<String>)> = ours
            .iter()
            .filter(|(d, _)| !theirs.contains(d))
            .map(|(d, v)| (*d, v))
            .collect();
        // Relaxed readings only when something is missing.
        let lazy = |r: Reading, kinds: &[ObligationKind]| casus.dyads(year, kinds, r);
        let mut status_view = None;
        let mut signature_view = None;
        let mut other_kind_view = None;
        for d in &atop_only {
            let key = (d.0, d.1, year);
            let alliances = atop.alliances_for(&key);
            let (cause, treaties) = if !casus.codes.contains(&d.0) || !casus.codes.contains(&d.1) {
                (DiffCause::NoPolityForCowCode, Vec::new())
            } else if let Some(v) = status_view
                .get_or_insert_with(|| lazy(relaxed_status, &DEFENCE))
                .get(d)
            {
                (DiffCause::FrozenOrSuspended, v.clone())
            } else if let Some(v) = signature_view
                .get_or_insert_with(|| lazy(from_signature, &DEFENCE))
                .get(d)
            {
                (DiffCause::SignatureBeforeEntryIntoForce, v.clone())
            } else if let Some(v) = same_instrument_any_year(
                &casus,
                *d,
                &atop.begin_years(&alliances),
                &atop.years_of(d, &alliances),
            ) {
                (DiffCause::DatesDiffer, v)
            } else if let Some(v) = other_kind_view
                .get_or_insert_with(|| lazy(strict, &OTHER_KINDS))
                .get(d)
            {
                (DiffCause::OtherObligationKind, v.clone())
            } else {
                (DiffCause::NotCurated, Vec::new())
            };
            differences.push(Difference {
                year,
                obligor: d.0,
                beneficiary: d.1,
                side: Side::AtopOnly,
                cause,
                atop_alliances: alliances,
                casus_treaties: treaties,
            });
        }
        for (d, treaties) in &casus_only {
            let key = (d.0, d.1, year);
            let outside =
                cow.is_some_and(|s| !s.member_in_year(d.0, year) || !s.member_in_year(d.1, year));
            let cause = if outside {
                DiffCause::NotACowSystemMember
            } else if atop.any_row.contains(&key) {
                DiffCause::OtherObligationKind
            } else if atop.defence_pairs.contains(d)
                && atop.pair_begins_in(d, &treaty_years(kb, treaties))
            {
                DiffCause::DatesDiffer
            } else {
                DiffCause::NotInAtop
            };
            differences.push(Difference {
                year,
                obligor: d.0,
                beneficiary: d.1,
                side: Side::CasusOnly,
                cause,
                atop_alliances: atop.pair_alliances.get(d).cloned().unwrap_or_default(),
                casus_treaties: (*treaties).clone(),
            });
        }
        let ratio = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
        let signed = signature_view.unwrap_or_else(|| lazy(from_signature, &DEFENCE));
        let both_signed = theirs.iter().filter(|d| signed.contains_key(d)).count();
        let at_signature = ConventionFigures {
            casus: signed.len(),
            both: both_signed,
            recall: ratio(both_signed, theirs.len()),
            precision: ratio(both_signed, signed.len()),
        };
        years_out.push(YearCoverage {
            year,
            atop: theirs.len(),
            casus: ours.len(),
            both,
            atop_only: atop_only.len(),
            casus_only: casus_only.len(),
            recall: ratio(both, theirs.len()),
            precision: ratio(both, ours.len()),
            at_signature,
        });
    }
    Coverage {
        years: years_out,
        groups: group(&differences),
        differences,
        cow_states_given: cow.is_some(),
    }
}

/// Treaties that give the pair a defence provision at some time and were
/// signed in one of `years` (the years ATOP's alliances for the pair begin):
/// the same instrument, whose dates alone disagree, when the pair's years
/// in it meet `atop_years` (the years ATOP has the pair's defence dyad).
fn same_instrument_any_year(
    casus: &CasusDyads,
    d: Dyad,
    years: &[i16],
    atop_years: &[i16],
) -> Option<Vec<String>> {
    let mut found = Vec::new();
    let codes = |polity: &str| -> Vec<u16> {
        let mut v: Vec<u16> = casus.cow_of.get(polity).copied().into_iter().collect();
        if let Some((earlier, _)) = casus.renumbered.get(polity) {
            v.push(*earlier);
        }
        v
    };
    for t in casus.kb.treaties.iter().filter(|t| counts_as_alliance(t)) {
        let signed = t.signed.or(t.in_force.interval.from).map(|s| s.year());
        if !signed.is_some_and(|y| years.contains(&y)) {
            continue;
        }
        // The pair's years in the treaty must meet ATOP's years for it.
        let span = |code: u16| -> Vec<(i16, i16)> {
            t.parties
                .iter()
                .filter(|p| codes(&p.polity).contains(&code))
                .map(|p| {
                    let i = p.membership.interval;
                    (
                        i.from.map(|f| f.year()).unwrap_or(i16::MIN),
                        i.to.map(|t| t.year()).unwrap_or(i16::MAX),
                    )
                })
                .collect()
        };
        let meets = span(d.0).iter().any(|(a0, a1)| {
            span(d.1).iter().any(|(b0, b1)| {
                let (from, to) = ((*a0).max(*b0), (*a1).min(*b1));
                from <= to && atop_years.iter().any(|y| (from..=to).contains(y))
            })
        });
        if !meets {
            continue;
        }
        for p in t
            .provisions
            .iter()
            .filter(|p| p.kind == ObligationKind::Defense)
        {
            let hit = owed_pairs(t, p)
                .into_iter()
                .any(|(a, b)| codes(a).contains(&d.0) && codes(b).contains(&d.1));
            if hit && !found.contains(&t.id) {
                found.push(t.id.clone());
            }
        }
    }
    (!found.is_empty()).then_some(found)
}

/// The signature (else entry-into-force) years of the named treaties.
fn treaty_years(kb: &KnowledgeBase, ids: &[String]) -> Vec<i16> {
    ids.iter()
        .filter_map(|id| kb.treaty(id))
        .filter_map(|t| t.signed.or(t.in_force.interval.from).map(|s| s.year()))
        .collect()
}

fn group(differences: &[Difference]) -> Vec<DifferenceGroup> {
    let mut groups: BTreeMap<(Side, DiffCause, String), DifferenceGroup> = BTreeMap::new();
    for d in differences {
        let source = match d.side {
            Side::AtopOnly => {
                let ids: Vec<String> = d.atop_alliances.iter().map(u32::to_string).collect();
                if ids.is_empty() {
                    "atop ?".to_string()
                } else {
                    format!("atop {}", ids.join("+"))
                }
            }
            Side::CasusOnly => d.casus_treaties.join("+"),
        };
        let g = groups
            .entry((d.side, d.cause, source.clone()))
            .or_insert_with(|| DifferenceGroup {
                side: d.side,
                cause: d.cause,
                source,
                by_year: BTreeMap::new(),
                total: 0,
                examples: Vec::new(),
            });
        *g.by_year.entry(d.year).or_default() += 1;
        g.total += 1;
        if g.examples.len() < 5 {
            g.examples
                .push(format!("{}>{} {}", d.obligor, d.beneficiary, d.year));
        }
    }
    let mut out: Vec<DifferenceGroup> = groups.into_values().collect();
    out.sort_by(|a, b| {
        (a.side, a.cause)
            .cmp(&(b.side, b.cause))
            .then(b.total.cmp(&a.total))
            .then(a.source.cmp(&b.source))
    });
    out
}

/// Parse `--years`: comma-separated years or ranges (`1950,1970,1990-1992`).
pub fn parse_years(input: &str) -> Result<Vec<i16>, String> {
    let mut out = Vec::new();
    for part in input.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let year = |s: &str| -> Result<i16, String> {
            s.trim()
                .parse::<i16>()
                .ok()
                .filter(|y| (1816..=2100).contains(y))
                .ok_or_else(|| format!("{s:?} is not a year between 1816 and 2100"))
        };
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (year(a)?, year(b)?);
                if b < a {
                    return Err(format!("the range {part:?} ends before it starts"));
                }
                if b - a > 300 {
                    return Err(format!("the range {part:?} is longer than 300 years"));
                }
                out.extend(a..=b);
            }
            None => out.push(year(part)?),
        }
    }
    if out.is_empty() {
        return Err("no year given".to_string());
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_parse_lists_and_ranges() {
        assert_eq!(parse_years("1950, 1970").unwrap(), vec![1950, 1970]);
        assert_eq!(
            parse_years("1990-1992,1950").unwrap(),
            vec![1950, 1990, 1991, 1992]
        );
        assert!(parse_years("1992-1990").is_err());
        assert!(parse_years("abc").is_err());
        assert!(parse_years("").is_err());
        assert!(parse_years("1200").is_err());
    }

    /// Three states (COW 2, 20, 200) and one treaty between 2 and 20,
    /// signed in 1949 and in force from 1950; 200 is in no treaty.
    fn tiny_kb() -> KnowledgeBase {
        let text = r#"
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

[[polity]]
id = "CCC"
name = "Cland"
kind = "state"
cow = 200
source = "test"

[[treaty]]
id = "ab"
name = "A-B Treaty"
short_name = "A-B"
kind = "treaty"
signed = "1949-06-01"
source = "test"

[treaty.in_force]
from = "1950-03-01"
source = "test"

[[treaty.party]]
polity = "AAA"
from = "1950-03-01"
source = "test"

[[treaty.party]]
polity = "BBB"
from = "1950-03-01"
source = "test"

[[treaty.provision]]
id = "art1"
article = "1"
kind = "defense"
owed = "mutual"
response = "automatic"
paraphrase = "test"
source = "test"

[[treaty.provision.scope]]
kind = "anywhere"
source = "test"
"#;
        let files = [casus_core::kb::KbFile {
            path: "test.toml".to_string(),
            text: text.to_string(),
        }];
        match KnowledgeBase::from_files(&files) {
            Ok(kb) => kb,
            Err(d) => panic!("test base does not load: {:?}", d.0),
        }
    }

    #[test]
    fn counts_recall_precision_and_names_each_difference() {
        let kb = tiny_kb();
        let bit = 1u8 << Obligation::Defense.index();
        // ATOP: 2<->20 from 1949 (signature), 2->200 in 1950 (not curated).
        let published = vec![
            ((2, 20, 1949), bit),
            ((20, 2, 1949), bit),
            ((2, 20, 1950), bit),
            ((20, 2, 1950), bit),
            ((2, 200, 1950), bit),
        ];
        let atop = AtopDefence::new(&published, &[]);
        let c = coverage(&kb, &atop, &[1949, 1950], None);
        let y49 = c.year(1949).expect("1949");
        assert_eq!((y49.atop, y49.casus, y49.both), (2, 0, 0));
        let y50 = c.year(1950).expect("1950");
        assert_eq!((y50.atop, y50.casus, y50.both), (3, 2, 2));
        assert_eq!(y50.precision, Some(1.0));
        assert!((y50.recall.expect("recall") - 2.0 / 3.0).abs() < 1e-9);
        let cause = |y: i16, a: u16, b: u16| {
            c.differences
                .iter()
                .find(|d| d.year == y && d.obligor == a && d.beneficiary == b)
                .map(|d| d.cause)
        };
        assert_eq!(
            cause(1949, 2, 20),
            Some(DiffCause::SignatureBeforeEntryIntoForce)
        );
        assert_eq!(cause(1950, 2, 200), Some(DiffCause::NotCurated));
        // Grouped differences add up.
        let grouped: usize = c.groups.iter().map(|g| g.total).sum();
        assert_eq!(grouped, c.differences.len());
    }

    #[test]
    fn a_treaty_atop_lacks_is_casus_only_and_named() {
        let kb = tiny_kb();
        let atop = AtopDefence::new(&[], &[]);
        let c = coverage(&kb, &atop, &[1960], None);
        let y = c.year(1960).expect("1960");
        assert_eq!((y.atop, y.casus, y.casus_only), (0, 2, 2));
        assert_eq!(y.recall, None);
        assert!(c
            .differences
            .iter()
            .all(|d| d.cause == DiffCause::NotInAtop && d.casus_treaties == ["ab"]));
    }

    #[test]
    fn days_of_a_year_cover_it_exactly() {
        assert_eq!(days_of(2020).count(), 366);
        assert_eq!(days_of(2018).count(), 365);
    }
}
