//! Claims held to their time and situation: whether an official claim speaks
//! to a given attack at all, and whether it may weigh on the verdict.
//!
//! A claim states the events it covers (by default those on or after the day
//! it was made; a claim about a past event names that event's period), the
//! situation it presupposes (the territory under a party's administration;
//! the kind of target) and the place (its territory or adversary, tested by
//! the engine). It is cited only for an attack inside all of these. A claim
//! made after the attack is *hindsight*: it is shown, labelled, and never
//! changes the verdict, because it cannot be what the parties understood
//! when the attack happened. A claim whose period or presupposed situation
//! only *may* hold (an imprecise date, an uncertain controller) is shown and
//! does not change the verdict either. docs/claims.md has the rule and its
//! sources.

use jiff::civil::Date;

use crate::model::{Claim, TargetKind};
use crate::query::TerritoryStatus;
use crate::time::Truth;

/// How a claim that speaks to an attack may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Made after the attack (or possibly after, for an imprecise date).
    pub hindsight: bool,
    /// May make a certain verdict `contested` when it disagrees: not
    /// hindsight, and its period and situation certainly hold.
    pub may_overturn: bool,
}

/// Does `claim` speak to an attack on `date` at a place with `status`,
/// hitting forces (`forces`) or territory? `None` when the attack lies
/// outside the claim's period, or its presupposed administration or target
/// kind does not hold.
pub fn fit(claim: &Claim, status: &TerritoryStatus, date: Date, forces: bool) -> Option<Fit> {
    let in_period = claim.covers.contains(date);
    if in_period == Truth::No {
        return None;
    }
    let administered = match &claim.administered_by {
        Some(p) => status.controller_is(p),
        None => Truth::Yes,
    };
    if administered == Truth::No {
        return None;
    }
    if !claim.targets.is_empty() && !claim.targets.iter().any(|t| matches_target(*t, forces)) {
        return None;
    }
    let hindsight = claim.date.latest() > date;
    Some(Fit {
        hindsight,
        may_overturn: !hindsight && in_period == Truth::Yes && administered == Truth::Yes,
    })
}

/// The engine judges territory or forces; vessels and aircraft are forces.
fn matches_target(t: TargetKind, forces: bool) -> bool {
    match t {
        TargetKind::Territory => !forces,
        TargetKind::Forces | TargetKind::Vessels | TargetKind::Aircraft => forces,
    }
}
