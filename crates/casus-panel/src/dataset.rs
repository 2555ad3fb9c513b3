//! A panel's source, reduced to what every unit of time needs: the actors,
//! the instruments, and *atoms* — one directed dyad, one instrument, one
//! run of days, and which of the five flags hold on them (certainly, or
//! possibly and why). Built from the knowledge base (every provision of
//! every treaty or declaration, per obligor→beneficiary pair, as the
//! coverage report maps them: `casus_import::coverage::owed_pairs`) or from
//! ATOP's member file (pairs of rows of one alliance, as
//! `casus_import::ddyr::regenerate` pairs them).

use std::collections::HashMap;

use casus_core::model::{ObligationKind, ParticipationStatus, Polity, Treaty};
use casus_core::time::{Interval, Truth};
use casus_core::KnowledgeBase;
use casus_import::atop::{MemberRow, Obligation, COVERAGE_END_YEAR};
use casus_import::coverage::{counts_as_alliance, owed_pairs};

use crate::actors::{kb_tenures, polity_periods, ActorKey, Actors, Tenure};
use crate::day::{self, Day};
use crate::system::StateSystem;

/// The five flags, in ATOP's column order.
pub const FLAGS: [&str; 5] = ["defense", "offense", "neutral", "nonagg", "consul"];

/// The flag a provision kind sets.
pub fn flag_of(kind: ObligationKind) -> usize {
    match kind {
        ObligationKind::Defense => 0,
        ObligationKind::Offense => 1,
        ObligationKind::Neutrality => 2,
        ObligationKind::NonAggression => 3,
        ObligationKind::Consultation => 4,
    }
}

/// Why a flag is only possibly set (bits of [`Atom::why`]).
pub mod why {
    /// A date bound known only to the year or month covers the day.
    pub const IMPRECISE_DATE: u8 = 1;
    /// A fact behind the obligation is marked `uncertain` in the base.
    pub const UNCERTAIN_FACT: u8 = 2;
    /// A party's participation is frozen.
    pub const FROZEN: u8 = 4;
    /// A party's membership is suspended.
    pub const SUSPENDED: u8 = 8;
    /// ATOP: the obligor's row has `obvary` (it owes different things to
    /// different partners; the member file does not say which).
    pub const OBVARY: u8 = 16;

    /// The names, in bit order.
    pub const NAMES: [(u8, &str); 5] = [
        (IMPRECISE_DATE, "imprecise_date"),
        (UNCERTAIN_FACT, "uncertain_fact"),
        (FROZEN, "frozen"),
        (SUSPENDED, "suspended"),
        (OBVARY, "obvary"),
    ];
}

/// Where a dataset comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    KnowledgeBase,
    Atop,
}

/// One directed dyad under one instrument over a run of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atom {
    /// Obligor and beneficiary (actor ids).
    pub a1: u32,
    pub a2: u32,
    pub from: Day,
    pub to: Day,
    pub instrument: u32,
    /// ATOP phase (0 in the knowledge base): in a year spanning a phase
    /// change only the last phase counts, as in ATOP's table.
    pub phase: u8,
    /// Flags that certainly hold (bit i = `FLAGS[i]`).
    pub yes: u8,
    /// Flags that possibly hold.
    pub unknown: u8,
    /// Why the `unknown` flags are not certain ([`why`] bits).
    pub why: u8,
}

/// A source ready to be cut into rows.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub source: SourceKind,
    pub actors: Actors,
    /// Instrument ids (treaty ids, or ATOP atopids), in order.
    pub instruments: Vec<String>,
    /// Sorted by `from`.
    pub atoms: Vec<Atom>,
    /// The days the source speaks for: outside them a missing obligation
    /// is "no data" (empty), never 0.
    pub coverage: (Day, Day),
    /// COW state-system membership, for `--all-pairs`.
    pub system: Option<StateSystem>,
}

/// The first day the knowledge base is curated for: its treaties are
/// collected from 1945 on (earlier instruments it holds are reported, but
/// absence before 1945 is "no data").
pub const KB_COVERAGE_FROM: (i32, u32, u32) = (1945, 1, 1);
/// The last day the shipped knowledge base is curated to.
pub const KB_COVERAGE_TO: (i32, u32, u32) = (2026, 12, 31);
/// ATOP 5.1 covers 1815 to the end of 2018.
pub const ATOP_COVERAGE_FROM: (i32, u32, u32) = (1815, 1, 1);

struct RawAtom {
    k1: ActorKey,
    k2: ActorKey,
    from: Day,
    to: Day,
    instrument: u32,
    phase: u8,
    yes: u8,
    unknown: u8,
    why: u8,
}

fn ymd((y, m, d): (i32, u32, u32)) -> Day {
    day::from_ymd(y, m, d)
}

/// Sort instrument names numerically when they are numbers, else by text.
fn instrument_order(names: &[String]) -> Vec<u32> {
    let mut idx: Vec<usize> = (0..names.len()).collect();
    idx.sort_by(|a, b| {
        let (x, y) = (&names[*a], &names[*b]);
        (x.len(), x).cmp(&(y.len(), y)).then(x.cmp(y))
    });
    let numeric = names.iter().all(|n| n.bytes().all(|b| b.is_ascii_digit()));
    if !numeric {
        idx.sort_by(|a, b| names[*a].cmp(&names[*b]));
    }
    let mut rank = vec![0u32; names.len()];
    for (r, i) in idx.into_iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

fn finish(
    source: SourceKind,
    raw: Vec<RawAtom>,
    names: Vec<String>,
    tenures: Vec<(ActorKey, Tenure)>,
    coverage: (Day, Day),
    system: Option<StateSystem>,
) -> Dataset {
    let mut items = tenures;
    let mut seen: std::collections::HashSet<ActorKey> =
        items.iter().map(|(k, _)| k.clone()).collect();
    let mut add = |k: &ActorKey, items: &mut Vec<(ActorKey, Tenure)>| {
        if seen.insert(k.clone()) {
            items.push((
                k.clone(),
                Tenure {
                    from: crate::actors::DAY_MIN,
                    to: crate::actors::DAY_MAX,
                    polity: None,
                    iso3: None,
                },
            ));
        }
    };
    for r in &raw {
        add(&r.k1, &mut items);
        add(&r.k2, &mut items);
    }
    if let Some(s) = &system {
        for k in s.spells.keys() {
            add(k, &mut items);
        }
    }
    let actors = Actors::from_tenures(items);
    let rank = instrument_order(&names);
    let mut instruments = vec![String::new(); names.len()];
    for (i, n) in names.into_iter().enumerate() {
        instruments[rank[i] as usize] = n;
    }
    let mut atoms: Vec<Atom> = raw
        .into_iter()
        .filter_map(|r| {
            Some(Atom {
                a1: actors.id(&r.k1)?,
                a2: actors.id(&r.k2)?,
                from: r.from,
                to: r.to,
                instrument: rank[r.instrument as usize],
                phase: r.phase,
                yes: r.yes,
                unknown: r.unknown,
                why: r.why,
            })
        })
        .collect();
    atoms.sort_unstable_by_key(|a| (a.from, a.a1, a.a2, a.instrument, a.to));
    Dataset {
        source,
        actors,
        instruments,
        atoms,
        coverage,
        system,
    }
}

/// Interns instrument names.
#[derive(Default)]
struct Names {
    list: Vec<String>,
    index: HashMap<String, u32>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
}

/// The days where an interval's truth may change.
fn breakpoints(i: &Interval, out: &mut Vec<Day>) {
    if let Some(f) = i.from {
        out.push(day::from_date(f.earliest()));
        out.push(day::from_date(f.latest()));
    }
    if let Some(t) = i.to {
        out.push(day::from_date(t.earliest()) + 1);
        out.push(day::from_date(t.latest()) + 1);
    }
}

/// An interval with whether its source is marked uncertain (or the
/// membership disputed).
type Fact<'a> = (&'a Interval, bool);

/// The best truth among a party's spells on `d`, and whether every spell
/// reaching it is uncertain.
fn best(spells: &[Fact], d: jiff::civil::Date) -> (Truth, bool) {
    let mut t = Truth::No;
    let mut uncertain = true;
    for (i, u) in spells {
        let c = i.contains(d);
        if c > t {
            t = c;
            uncertain = *u;
        } else if c == t && !*u {
            uncertain = false;
        }
    }
    (t, uncertain && t != Truth::No)
}

/// The runs of days on which provision `flag` of `t` binds `a` toward `b`:
/// (from, to, truth, why), truth never `No`.
fn provision_runs(
    t: &Treaty,
    validity: &Interval,
    provision_uncertain: bool,
    a: &str,
    b: &str,
) -> Vec<(Day, Day, Truth, u8)> {
    let spells = |who: &str| -> Vec<Fact> {
        t.parties
            .iter()
            .filter(|p| p.polity == who)
            // A party the sources dispute is never a certain one.
            .map(|p| {
                (
                    &p.membership.interval,
                    p.membership.source.uncertain || p.disputed,
                )
            })
            .collect()
    };
    let (sa, sb) = (spells(a), spells(b));
    if sa.is_empty() || sb.is_empty() {
        return Vec::new();
    }
    let statuses: Vec<(&Interval, u8)> = t
        .statuses
        .iter()
        .filter(|s| s.polity == a || s.polity == b)
        .filter_map(|s| match s.status.value {
            ParticipationStatus::Frozen => Some((&s.status.interval, why::FROZEN)),
            ParticipationStatus::Suspended => Some((&s.status.interval, why::SUSPENDED)),
            ParticipationStatus::OutsideMilitaryStructure => None,
        })
        .collect();
    let suspensions: Vec<&Interval> = t
        .dyad_suspensions
        .iter()
        .filter(|s| s.obligor == a && s.beneficiary == b)
        .map(|s| &s.spell.interval)
        .collect();
    let mut bps = vec![crate::actors::DAY_MIN];
    breakpoints(&t.in_force.interval, &mut bps);
    breakpoints(validity, &mut bps);
    for (i, _) in sa.iter().chain(sb.iter()) {
        breakpoints(i, &mut bps);
    }
    for (i, _) in &statuses {
        breakpoints(i, &mut bps);
    }
    for i in &suspensions {
        breakpoints(i, &mut bps);
    }
    bps.sort_unstable();
    bps.dedup();
    let treaty_uncertain = t.in_force.source.uncertain || provision_uncertain;
    let mut runs: Vec<(Day, Day, Truth, u8)> = Vec::new();
    for (k, &start) in bps.iter().enumerate() {
        let end = bps.get(k + 1).map_or(crate::actors::DAY_MAX, |n| n - 1);
        // Evaluate at the first day of the segment (the last before an
        // open start): every truth is constant between breakpoints.
        let probe = if start == crate::actors::DAY_MIN {
            end
        } else {
            start
        };
        let Some(d) = day::to_date(probe) else {
            continue;
        };
        let (ta, ua) = best(&sa, d);
        let (tb, ub) = best(&sb, d);
        let mut truth = t
            .in_force
            .interval
            .contains(d)
            .and(validity.contains(d))
            .and(ta)
            .and(tb);
        if truth == Truth::No {
            continue;
        }
        let mut w = 0;
        if truth == Truth::Unknown {
            w |= why::IMPRECISE_DATE;
        }
        let suspended = suspensions
            .iter()
            .map(|i| i.contains(d))
            .max()
            .unwrap_or(Truth::No);
        if suspended == Truth::Yes {
            continue;
        }
        if suspended == Truth::Unknown {
            truth = Truth::Unknown;
            w |= why::IMPRECISE_DATE;
        }
        for (i, bit) in &statuses {
            if i.contains(d) != Truth::No {
                truth = Truth::Unknown;
                w |= bit;
            }
        }
        if treaty_uncertain || ua || ub {
            truth = Truth::Unknown;
            w |= why::UNCERTAIN_FACT;
        }
        match runs.last_mut() {
            Some(last) if last.1 + 1 == start && last.2 == truth && last.3 == w => last.1 = end,
            _ => runs.push((start, end, truth, w)),
        }
    }
    runs
}

impl Dataset {
    /// The knowledge base's obligations. `system` is needed for
    /// `--all-pairs` only.
    pub fn from_kb(kb: &KnowledgeBase, system: Option<StateSystem>) -> Dataset {
        let mut names = Names::default();
        let mut raw = Vec::new();
        let periods: HashMap<&str, Vec<(Day, Day, ActorKey)>> = kb
            .polities
            .iter()
            .map(|p: &Polity| (p.id.as_str(), polity_periods(p)))
            .collect();
        for t in kb.treaties.iter().filter(|t| counts_as_alliance(t)) {
            let instrument = names.id(&t.id);
            for p in &t.provisions {
                let bit = 1u8 << flag_of(p.kind);
                for (a, b) in owed_pairs(t, p) {
                    let (Some(pa), Some(pb)) = (periods.get(a), periods.get(b)) else {
                        continue;
                    };
                    for (from, to, truth, w) in
                        provision_runs(t, &p.validity, p.source.uncertain, a, b)
                    {
                        for (fa, ta, ka) in pa {
                            for (fb, tb, kb_) in pb {
                                let (f, e) = (from.max(*fa).max(*fb), to.min(*ta).min(*tb));
                                if f > e || ka == kb_ {
                                    continue;
                                }
                                let certain = truth == Truth::Yes;
                                raw.push(RawAtom {
                                    k1: ka.clone(),
                                    k2: kb_.clone(),
                                    from: f,
                                    to: e,
                                    instrument,
                                    phase: 0,
                                    yes: if certain { bit } else { 0 },
                                    unknown: if certain { 0 } else { bit },
                                    why: if certain { 0 } else { w },
                                });
                            }
                        }
                    }
                }
            }
        }
        finish(
            SourceKind::KnowledgeBase,
            raw,
            names.list,
            kb_tenures(kb),
            (ymd(KB_COVERAGE_FROM), ymd(KB_COVERAGE_TO)),
            system,
        )
    }

    /// ATOP's obligations from the member file. Two rows of one alliance
    /// form a dyad on the days both cover, unless one joined on or after the
    /// day the other left (the rule of `casus_import::ddyr`); the flags are
    /// the obligor's own row's. `obvary` rows give possible, not certain,
    /// flags. `kb` (optional) names the ISO codes of the COW codes.
    pub fn from_atop(
        members: &[MemberRow],
        kb: Option<&KnowledgeBase>,
        system: Option<StateSystem>,
    ) -> Dataset {
        let end_of_data = day::year_end(i32::from(COVERAGE_END_YEAR));
        let mut by_alliance: std::collections::BTreeMap<u32, Vec<&MemberRow>> =
            std::collections::BTreeMap::new();
        for m in members {
            by_alliance.entry(m.atopid).or_default().push(m);
        }
        let mut names = Names::default();
        let mut raw = Vec::new();
        for (atopid, rows) in &by_alliance {
            let instrument = names.id(&atopid.to_string());
            for a in rows {
                let flags = Obligation::ALL
                    .iter()
                    .filter(|o| a.obligations.has(**o))
                    .fold(0u8, |acc, o| acc | (1 << o.index()));
                let a_end = a.exit.map(|d| d.latest());
                let a_from = day::from_date(a.entry.earliest());
                let a_to = a_end.map_or(end_of_data, day::from_date);
                for b in rows {
                    if a.member == b.member {
                        continue;
                    }
                    let b_end = b.exit.map(|d| d.latest());
                    if a_end.is_some_and(|e| b.entry.earliest() >= e)
                        || b_end.is_some_and(|e| a.entry.earliest() >= e)
                    {
                        continue;
                    }
                    let from = a_from.max(day::from_date(b.entry.earliest()));
                    let to = a_to.min(b_end.map_or(end_of_data, day::from_date));
                    if from > to {
                        continue;
                    }
                    raw.push(RawAtom {
                        k1: ActorKey::Cow(a.member),
                        k2: ActorKey::Cow(b.member),
                        from,
                        to,
                        instrument,
                        phase: a.phase.min(b.phase),
                        yes: if a.obvary { 0 } else { flags },
                        unknown: if a.obvary { flags } else { 0 },
                        why: if a.obvary { why::OBVARY } else { 0 },
                    });
                }
            }
        }
        let tenures = kb.map(kb_tenures).unwrap_or_default();
        finish(
            SourceKind::Atop,
            raw,
            names.list,
            tenures,
            (ymd(ATOP_COVERAGE_FROM), end_of_data),
            system,
        )
    }
}
