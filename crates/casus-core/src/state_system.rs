//! Membership of the Correlates of War state system, the population of
//! `casus panel --all-pairs`: which polities count, over which spells, and
//! the checks `casus check` runs on the recorded `system_membership` spells.
//!
//! The rule (docs/kb-format.md): a state or de facto state with a COW code
//! is a member over its `system_membership` spells when it has any, else
//! over its existence spells from 1816-01-01, COW's first day. Explicit
//! spells are written only where COW's dates differ from existence (the
//! microstates, the Germanys' occupation years, states COW admits at UN
//! entry), so each one is a cited COW fact rather than a copy of existence.

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::model::{Polity, PolityKind};
use crate::time::{FuzzyDate, Interval};

/// COW's state system begins on 1 January 1816.
pub const COW_SYSTEM_START: Date = Date::constant(1816, 1, 1);

/// Where a polity's membership comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Its own `system_membership` spells.
    Recorded,
    /// Its existence spells, from 1816-01-01.
    Existence,
}

/// A polity's membership of the state system.
#[derive(Debug, Clone, PartialEq)]
pub enum Membership {
    /// A member over these spells, for this reason.
    Spells { basis: Basis, spells: Vec<Interval> },
    /// A state with a COW code but neither membership nor existence spells:
    /// its membership is unknown.
    Undated,
}

/// Can the polity be a member at all: a state or de facto state with a COW
/// code (COW lists Taiwan and Kosovo).
pub fn eligible(p: &Polity) -> bool {
    matches!(p.kind, PolityKind::State | PolityKind::DeFactoState) && p.cow_code.is_some()
}

/// The polity's membership, or `None` if it cannot be a member.
pub fn membership(p: &Polity) -> Option<Membership> {
    if !eligible(p) {
        return None;
    }
    if !p.system_membership.is_empty() {
        return Some(Membership::Spells {
            basis: Basis::Recorded,
            spells: p.system_membership.iter().map(|s| s.interval).collect(),
        });
    }
    if p.existence.is_empty() {
        return Some(Membership::Undated);
    }
    let spells = p
        .existence
        .iter()
        .filter_map(|e| from_system_start(e.interval))
        .collect();
    Some(Membership::Spells {
        basis: Basis::Existence,
        spells,
    })
}

/// The part of an existence spell on or after 1816-01-01, if any.
fn from_system_start(i: Interval) -> Option<Interval> {
    if i.to.is_some_and(|t| t.latest() < COW_SYSTEM_START) {
        return None;
    }
    let from = match i.from {
        Some(f) if f.earliest() >= COW_SYSTEM_START => f,
        _ => FuzzyDate::day(COW_SYSTEM_START),
    };
    Some(Interval::new(Some(from), i.to))
}

/// The recorded spells of one polity: only on a state with a COW code,
/// each with a first day no earlier than 1816-01-01, in order and apart.
/// (That each lies within an existence spell is `kb::check`'s rule for
/// every dated fact about a polity.)
pub fn check(p: &Polity, out: &mut Vec<Diagnostic>) {
    let spells = &p.system_membership;
    let Some(first) = spells.first() else { return };
    if !eligible(p) {
        let why = if p.cow_code.is_none() {
            "has no `cow` code"
        } else {
            "is not a state or de facto state"
        };
        out.push(
            Diagnostic::error(
                "membership-not-cow-state",
                first.source.loc.clone(),
                format!(
                    "{} {why}, so it cannot have COW state-system membership spells",
                    p.id
                ),
            )
            .with_help("give the polity its COW code (`cow`), or remove the spells"),
        );
        return;
    }
    for s in spells {
        let at = s.source.loc.clone();
        match s.interval.from {
            None => out.push(Diagnostic::error(
                "undated-membership",
                at.clone(),
                format!(
                    "a system membership spell of {} has no `from`: COW gives a first day for every spell",
                    p.id
                ),
            )),
            Some(f) if f.earliest() < COW_SYSTEM_START => out.push(Diagnostic::error(
                "before-state-system",
                at.clone(),
                format!(
                    "system membership of {} starts {f}, before COW's state system begins (1816-01-01)",
                    p.id
                ),
            )),
            Some(_) => {}
        }
    }
    for pair in spells.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let apart = match (a.interval.to, b.interval.from) {
            (Some(end), Some(start)) => end.latest() < start.earliest(),
            _ => false,
        };
        if !apart {
            out.push(Diagnostic::error(
                "membership-order",
                b.source.loc.clone(),
                format!(
                    "system membership spell of {} ({}) does not start after the previous one ({}, line {}) ends",
                    p.id, b.interval, a.interval, a.source.loc.line
                ),
            )
            .with_help("write the spells in date order, each ending before the next begins"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existence_is_cut_at_the_start_of_the_system() {
        let from = |s: &str| Some(s.parse::<FuzzyDate>().unwrap());
        let early = Interval::new(from("1700"), None);
        assert_eq!(
            from_system_start(early),
            Some(Interval::new(from("1816-01-01"), None))
        );
        let gone = Interval::new(from("1700"), from("1815-12-31"));
        assert_eq!(from_system_start(gone), None);
        let later = Interval::new(from("1830-10-04"), from("1940-05-10"));
        assert_eq!(from_system_start(later), Some(later));
    }
}
