//! The geographic clauses of treaties, read to the letter: whether an attack
//! (its place's status on the date, and whether it hit territory or forces)
//! falls within one scope rule of the kinds that need more than a tag test —
//! named territories with parts left out (US-ROC Art. VI), metropolitan
//! territory (ANZUS and US-Philippines Art. V), forces in or over named
//! territories or regions, and forces in or over any party's territory
//! (NATO Art. 6(2)). The engine's scope premise calls these; docs/geography.md
//! lists every clause and how it is encoded.

use crate::kb::KnowledgeBase;
use crate::model::TerritoryKind;
use crate::query::TerritoryStatus;
use crate::time::Truth;

/// Does the place lie in `territory` and in none of `except`? ("Taiwan and
/// the Pescadores": Kinmen and Matsu, filed under Taiwan, are left out.)
pub fn in_named_territory(status: &TerritoryStatus, territory: &str, except: &[String]) -> bool {
    status.ancestry.iter().any(|t| t == territory)
        && !status.ancestry.iter().any(|t| except.contains(t))
}

/// The first of `except` the place lies in, for explanations.
pub fn excluded_part<'s>(status: &'s TerritoryStatus, except: &[String]) -> Option<&'s str> {
    status
        .ancestry
        .iter()
        .find(|t| except.contains(t))
        .map(String::as_str)
}

/// Is the place metropolitan territory: no territory from it outwards is an
/// island group, an overseas territory or a sea? (ANZUS and US-Philippines
/// Art. V name "the metropolitan territory" apart from "the island
/// territories under its jurisdiction in the Pacific".)
pub fn is_metropolitan(kb: &KnowledgeBase, status: &TerritoryStatus) -> bool {
    status.ancestry.iter().all(|t| {
        !matches!(
            kb.territory(t).map(|t| t.kind),
            Some(TerritoryKind::Islands | TerritoryKind::Overseas | TerritoryKind::Sea)
        )
    })
}

/// Forces, vessels or aircraft hit in one of `regions` or in one of the
/// named `territories`.
pub fn forces_in(
    status: &TerritoryStatus,
    forces: bool,
    regions: &[String],
    territories: &[String],
) -> bool {
    forces
        && (regions.iter().any(|r| status.regions.contains(r))
            || territories.iter().any(|t| status.ancestry.contains(t)))
}

/// Forces, vessels or aircraft of the attacked party hit in or over the de
/// jure territory of any party (`party_truths`: each polity named as a
/// party and whether it is one on the date), restricted to `regions` and to
/// `parties` where given. `Unknown` when the sovereign or the membership is
/// uncertain.
pub fn forces_on_party_territory<'p>(
    status: &TerritoryStatus,
    forces: bool,
    regions: &[String],
    parties: &[String],
    party_truths: impl IntoIterator<Item = (&'p str, Truth)>,
) -> Truth {
    if !forces || !(regions.is_empty() || regions.iter().any(|r| status.regions.contains(r))) {
        return Truth::No;
    }
    party_truths
        .into_iter()
        .filter(|(p, _)| parties.is_empty() || parties.iter().any(|x| x == p))
        .map(|(p, member)| member.and(status.sovereign_is(p)))
        .fold(Truth::No, Truth::or)
}

/// The party whose territory it is, for explanations: the most certain
/// sovereign of the place.
pub fn sovereign_name(status: &TerritoryStatus) -> Option<&str> {
    status.main_sovereign().map(|h| h.name.as_str())
}
