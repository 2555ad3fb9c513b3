//! The units a panel row names: a COW state code where the polity has one
//! (several polities may hold one code in turn: SUN then RUS for 365, YUG,
//! SCG then SRB for 345), else the knowledge base's polity id. Each actor
//! knows which polity held it when, so rows carry the ISO code of the
//! polity of their date.

use std::collections::HashMap;

use casus_core::model::Polity;
use casus_core::KnowledgeBase;
use casus_import::coverage::RENUMBERED;

use crate::day::{self, Day};

/// The first and last representable days (open interval bounds).
pub const DAY_MIN: Day = i32::MIN / 2;
pub const DAY_MAX: Day = i32::MAX / 2;

/// What identifies an actor: its COW code, or a polity id for polities
/// without one. COW actors sort first, by code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKey {
    Cow(u16),
    Polity(String),
}

/// One polity's tenure of an actor, with its ISO code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    pub from: Day,
    pub to: Day,
    pub polity: Option<String>,
    pub iso3: Option<String>,
}

/// A row's unit of analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub key: ActorKey,
    /// Who held the actor when, sorted by `from`.
    pub tenures: Vec<Tenure>,
}

impl Actor {
    pub fn ccode(&self) -> Option<u16> {
        match self.key {
            ActorKey::Cow(c) => Some(c),
            ActorKey::Polity(_) => None,
        }
    }

    /// The ISO code of the polity holding the actor on `day`, else of the
    /// last tenure begun before it, else of the first.
    pub fn iso_on(&self, day: Day) -> Option<&str> {
        let t = self
            .tenures
            .iter()
            .rev()
            .find(|t| t.from <= day && day <= t.to)
            .or_else(|| self.tenures.iter().rev().find(|t| t.from <= day))
            .or_else(|| self.tenures.first())?;
        t.iso3.as_deref()
    }
}

/// The actors of a dataset, sorted by key; an actor's index is its id.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    pub list: Vec<Actor>,
    index: HashMap<ActorKey, u32>,
}

impl Actors {
    pub fn id(&self, key: &ActorKey) -> Option<u32> {
        self.index.get(key).copied()
    }

    pub fn get(&self, id: u32) -> &Actor {
        &self.list[id as usize]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Build from keys with their tenures (merged per key, then sorted).
    pub fn from_tenures(items: impl IntoIterator<Item = (ActorKey, Tenure)>) -> Actors {
        let mut by_key: HashMap<ActorKey, Vec<Tenure>> = HashMap::new();
        for (k, t) in items {
            by_key.entry(k).or_default().push(t);
        }
        let mut list: Vec<Actor> = by_key
            .into_iter()
            .map(|(key, mut tenures)| {
                tenures.sort_by_key(|t| (t.from, t.to));
                Actor { key, tenures }
            })
            .collect();
        list.sort_by(|a, b| a.key.cmp(&b.key));
        let index = list
            .iter()
            .enumerate()
            .map(|(i, a)| (a.key.clone(), i as u32))
            .collect();
        Actors { list, index }
    }
}

/// A polity's existence as day ranges (no spell: always).
pub fn existence_days(p: &Polity) -> Vec<(Day, Day)> {
    if p.existence.is_empty() {
        return vec![(DAY_MIN, DAY_MAX)];
    }
    p.existence
        .iter()
        .map(|e| {
            let from = e
                .interval
                .from
                .map_or(DAY_MIN, |f| day::from_date(f.earliest()));
            let to = e
                .interval
                .to
                .map_or(DAY_MAX, |t| day::from_date(t.latest()));
            (from, to)
        })
        .collect()
}

/// Which actor a polity is on which days: its COW code (the earlier code
/// before a renumbering, as `casus_import::coverage::RENUMBERED` records),
/// else its own id.
pub fn polity_periods(p: &Polity) -> Vec<(Day, Day, ActorKey)> {
    let Some(code) = p.cow_code else {
        return vec![(DAY_MIN, DAY_MAX, ActorKey::Polity(p.id.clone()))];
    };
    match RENUMBERED.iter().find(|(id, _, _)| *id == p.id) {
        Some((_, earlier, (y, m, d))) => {
            let last = day::from_ymd(i32::from(*y), *m as u32, *d as u32);
            vec![
                (DAY_MIN, last, ActorKey::Cow(*earlier)),
                (last + 1, DAY_MAX, ActorKey::Cow(code)),
            ]
        }
        None => vec![(DAY_MIN, DAY_MAX, ActorKey::Cow(code))],
    }
}

/// Every polity of the knowledge base as actor tenures (armed groups and
/// the unknown attacker are never parties, and are left out).
pub fn kb_tenures(kb: &KnowledgeBase) -> Vec<(ActorKey, Tenure)> {
    use casus_core::model::PolityKind;
    let mut items = Vec::new();
    for p in kb
        .polities
        .iter()
        .filter(|p| !matches!(p.kind, PolityKind::ArmedGroup | PolityKind::Unknown))
    {
        for (pf, pt, key) in polity_periods(p) {
            for (ef, et) in existence_days(p) {
                let (from, to) = (pf.max(ef), pt.min(et));
                if from <= to {
                    items.push((
                        key.clone(),
                        Tenure {
                            from,
                            to,
                            polity: Some(p.id.clone()),
                            iso3: p.iso3.clone(),
                        },
                    ));
                }
            }
        }
    }
    items
}
