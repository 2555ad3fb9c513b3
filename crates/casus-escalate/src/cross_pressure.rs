//! Cross-pressure: states bound by a defense obligation toward one side of
//! the war and by a defense, non-aggression or neutrality obligation toward
//! the other, with the provisions on each side (Russia in September 2022:
//! the CSTO and the 1997 treaty toward Armenia, the 2022 declaration with
//! Azerbaijan).

use std::collections::BTreeMap;

use casus_core::model::{InstrumentKind, ObligationKind, Owed, Provision, Response, Treaty};
use casus_core::query::membership;
use casus_core::{KnowledgeBase, Truth};
use jiff::civil::Date;
use serde::Serialize;

use crate::cascade::{Outcome, Side};
use crate::graph::provision_label;
use crate::policy::is_joining;

/// One provision binding a state toward belligerents of one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    pub treaty: String,
    pub treaty_name: String,
    pub provision: String,
    pub article: String,
    /// "CSTO Art. 4"
    pub label: String,
    pub kind: ObligationKind,
    pub response: Response,
    /// The belligerents of that side it is owed to.
    pub toward: Vec<String>,
    /// The round in which the cascade triggered it (for defense) or saw it
    /// breached (for non-aggression), if it did.
    pub engaged_in_round: Option<u32>,
}

/// A state pulled toward both sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossPressure {
    pub state: String,
    pub name: String,
    /// The side the state fights on, if any.
    pub side: Option<Side>,
    pub ties: BTreeMap<Side, Vec<Tie>>,
}

fn owes(provision: &Provision, obligor: &str, beneficiary: &str) -> bool {
    match &provision.owed {
        Owed::Mutual => obligor != beneficiary,
        Owed::Directed {
            obligors,
            beneficiaries,
        } => {
            obligor != beneficiary
                && obligors.iter().any(|o| o == obligor)
                && beneficiaries.iter().any(|b| b == beneficiary)
        }
    }
}

fn binds(t: &Treaty, p: &Provision) -> bool {
    let kind_binds = match p.kind {
        ObligationKind::Defense | ObligationKind::Offense => is_joining(p.kind, p.response),
        ObligationKind::NonAggression | ObligationKind::Neutrality => true,
        ObligationKind::Consultation => false,
    };
    kind_binds
        && !matches!(
            t.kind,
            InstrumentKind::Assurance | InstrumentKind::DomesticLaw
        )
}

/// Every state bound toward both sides of the outcome.
pub fn cross_pressure(kb: &KnowledgeBase, date: Date, outcome: &Outcome) -> Vec<CrossPressure> {
    let mut out = Vec::new();
    for polity in &kb.polities {
        let p = polity.id.as_str();
        let mut ties: BTreeMap<Side, Vec<Tie>> = BTreeMap::new();
        for t in &kb.treaties {
            if t.in_force.interval.contains(date) == Truth::No
                || membership(t, p, date).0 == Truth::No
            {
                continue;
            }
            for prov in &t.provisions {
                if prov.validity.contains(date) == Truth::No || !binds(t, prov) {
                    continue;
                }
                let mut by_side: BTreeMap<Side, Vec<String>> = BTreeMap::new();
                let mut parties: Vec<&str> = t.parties.iter().map(|x| x.polity.as_str()).collect();
                parties.sort();
                parties.dedup();
                for b in parties {
                    if membership(t, b, date).0 == Truth::No || !owes(prov, p, b) {
                        continue;
                    }
                    if let Some(side) = outcome.side_of(b) {
                        by_side.entry(side).or_default().push(b.to_string());
                    }
                }
                for (side, toward) in by_side {
                    let engaged = engaged_round(outcome, &t.id, &prov.id, p, &toward);
                    ties.entry(side).or_default().push(Tie {
                        treaty: t.id.clone(),
                        treaty_name: t.short_name.clone(),
                        provision: prov.id.clone(),
                        article: prov.article.clone(),
                        label: provision_label(&t.short_name, &prov.article),
                        kind: prov.kind,
                        response: prov.response,
                        toward,
                        engaged_in_round: engaged,
                    });
                }
            }
        }
        let has_defense = |s: Side| {
            ties.get(&s).is_some_and(|v| {
                v.iter()
                    .any(|t| matches!(t.kind, ObligationKind::Defense | ObligationKind::Offense))
            })
        };
        let pressured = (has_defense(Side::Defenders) && ties.contains_key(&Side::Attackers))
            || (has_defense(Side::Attackers) && ties.contains_key(&Side::Defenders));
        if pressured {
            for v in ties.values_mut() {
                v.sort_by(|a, b| (&a.treaty, &a.provision).cmp(&(&b.treaty, &b.provision)));
            }
            out.push(CrossPressure {
                state: p.to_string(),
                name: polity.name.clone(),
                side: outcome.side_of(p),
                ties,
            });
        }
    }
    out.sort_by(|a, b| a.state.cmp(&b.state));
    out
}

fn engaged_round(
    outcome: &Outcome,
    treaty: &str,
    provision: &str,
    obligor: &str,
    toward: &[String],
) -> Option<u32> {
    for r in &outcome.rounds {
        let hit = |o: &crate::graph::Obligation| {
            o.treaty == treaty
                && o.provision == provision
                && o.obligor == obligor
                && toward.contains(&o.beneficiary)
                && o.verdict != casus_core::VerdictKind::NotTriggered
        };
        let engaged = r.joins.iter().any(|j| hit(&j.obligation))
            || r.also_honoured.iter().any(|j| hit(&j.obligation))
            || r.conflicts.iter().any(|c| hit(&c.obligation))
            || r.not_acted.iter().any(|n| hit(&n.obligation))
            || r.breaches.iter().any(|b| {
                b.treaty == treaty && b.obligor == obligor && toward.contains(&b.beneficiary)
            });
        if engaged {
            return Some(r.round);
        }
    }
    None
}
