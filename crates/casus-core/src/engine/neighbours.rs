//! Threatened neighbours. Some consultation clauses are triggered by a
//! threat to the security of *any* party, in that party's own opinion:
//! "The Parties will consult together whenever, in the opinion of any of
//! them, the territorial integrity, political independence or security of
//! any of the Parties is threatened" (North Atlantic Treaty, Art. 4). An
//! armed attack on a state threatens its neighbours: on 24 Feb 2022 allies
//! bordering Ukraine or Russia requested Art. 4 consultations. Each
//! provision whose text has such a trigger records it (`threatened_party`,
//! quoting the clause); for an attack on any state, such a provision is
//! reported for each party (neither attacked nor attacking) that has a land
//! border with an attacked state or an attacker, at that party's request —
//! unless its only partners under the treaty are the attackers themselves.
//!
//! Borders come from the knowledge base (`[[border]]`, cited to the CIA
//! World Factbook's "Land boundaries" field) and hold on a day when both
//! states exist. Maritime neighbours are not modelled. The verdict is the
//! conjunction of: the treaty and text in force, the neighbour a party, its
//! participation not frozen or suspended, and the border.

use std::sync::Arc;

use serde::Serialize;

use super::judge::{sentence, Ctx};
use super::party::{pack, Members};
use super::{Proof, Scenario, VerdictKind};
use crate::kb::KnowledgeBase;
use crate::model::*;
use crate::query::TerritoryStatus;
use crate::time::Truth;

/// A consultation right of a party threatened by an attack on, or by, its
/// neighbour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeighbourVerdict {
    pub treaty: String,
    pub treaty_name: String,
    pub provision: String,
    pub article: String,
    pub kind: ObligationKind,
    pub response: Response,
    /// The threatened party, who may request the consultations.
    pub party: String,
    /// The attacked states it borders.
    pub borders_attacked: Vec<String>,
    /// The attackers it borders.
    pub borders_attacker: Vec<String>,
    pub verdict: VerdictKind,
    pub reasons: Vec<String>,
    pub conditions: Vec<String>,
    pub proof: Proof,
}

/// The land neighbours of `polity` on the date, with the border's truth
/// (`Unknown` inside an imprecise bound) and the border fact.
fn neighbours_of<'k>(
    kb: &'k KnowledgeBase,
    polity: &str,
    date: jiff::civil::Date,
) -> Vec<(&'k str, Truth, &'k Border)> {
    let exists = |id: &str| -> Truth {
        kb.polity(id).map_or(Truth::No, |p| {
            if p.existence.is_empty() {
                Truth::Yes
            } else {
                p.existence
                    .iter()
                    .fold(Truth::No, |acc, e| acc.or(e.interval.contains(date)))
            }
        })
    };
    let mut out = Vec::new();
    for b in kb.borders_of(polity) {
        let other = if b.between[0] == polity {
            &b.between[1]
        } else if b.between[1] == polity {
            &b.between[0]
        } else {
            continue;
        };
        let holds = b
            .spell
            .interval
            .contains(date)
            .and(exists(polity))
            .and(exists(other));
        if holds != Truth::No {
            out.push((other.as_str(), holds, b));
        }
    }
    out
}

/// A state bordering an attacked state or an attacker.
struct Near<'k> {
    /// The neighbour (a candidate threatened party).
    party: &'k str,
    /// Does the border hold on the date?
    holds: Truth,
    border: &'k Border,
    /// The attacked state or attacker it borders.
    focus: &'k str,
    /// Is `focus` attacked (rather than attacking)?
    attacked: bool,
}

/// The threatened-neighbour verdicts for a scenario, by treaty id, then
/// provision order, then party id.
pub(super) fn threatened_neighbours(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
    defenders: &[String],
) -> Vec<NeighbourVerdict> {
    // Each attacked state's and attacker's neighbours, found once.
    let mut near: Vec<Near<'_>> = Vec::new();
    for (focus, attacked) in defenders
        .iter()
        .map(|d| (d, true))
        .chain(scenario.attackers.iter().map(|a| (a, false)))
    {
        for (party, holds, border) in neighbours_of(kb, focus, scenario.date) {
            if !defenders.iter().any(|d| d == party)
                && !scenario.attackers.iter().any(|a| a == party)
            {
                near.push(Near {
                    party,
                    holds,
                    border,
                    focus,
                    attacked,
                });
            }
        }
    }
    if near.is_empty() {
        return Vec::new();
    }
    // Neighbours' ids packed to integers where they fit (every state's
    // does), so the scan over each treaty's parties compares integers.
    let near_keys: Vec<Option<u64>> = near.iter().map(|n| pack(n.party)).collect();
    let is_near = |polity: &str| {
        let key = pack(polity);
        near.iter().zip(&near_keys).any(|(n, k)| match (key, k) {
            (Some(a), Some(b)) => a == *b,
            _ => n.party == polity,
        })
    };
    let order = kb.treaty_order();
    // The treaties naming a neighbour as a party, in order (the index).
    let naming = kb.treaties_naming(near.iter().map(|n| n.party));
    let mut named_positions = naming.iter().flatten().copied().peekable();
    let mut out = Vec::new();
    for (pos, &ti) in order.iter().enumerate() {
        let treaty = &kb.treaties[ti];
        let names_near = match &naming {
            Some(_) => named_positions.next_if_eq(&pos).is_some(),
            None => treaty.parties.iter().any(|p| is_near(&p.polity)),
        };
        // Cheap tests first: a neighbour a party, a threat clause, in force.
        if !names_near
            || !treaty
                .provisions
                .iter()
                .any(|p| p.threatened_party.is_some())
            || treaty.in_force.interval.contains(scenario.date) == Truth::No
        {
            continue;
        }
        let mut members = Members::on(treaty, scenario.date);
        for provision in &treaty.provisions {
            let Some(reading) = &provision.threatened_party else {
                continue;
            };
            if provision.validity.contains(scenario.date) == Truth::No {
                continue;
            }
            // A party whose only partners under the treaty are attackers
            // would consult the aggressor alone: not reported.
            let partners: Vec<&str> = members
                .truths
                .iter()
                .filter(|(p, t)| *t != Truth::No && !scenario.attackers.iter().any(|a| a == p))
                .map(|(p, _)| *p)
                .take(2)
                .collect();
            let has_partner = |n: &str| partners.iter().any(|p| *p != n);
            let mut parties: Vec<&str> = near
                .iter()
                .map(|n| n.party)
                .filter(|n| members.of(n) != Truth::No && has_partner(n))
                .collect();
            parties.sort_unstable();
            parties.dedup();
            if parties.is_empty() {
                continue;
            }
            // The context borrows the treaty's table and gives it back.
            let ctx = Ctx::new(
                kb,
                scenario,
                status,
                treaty,
                provision,
                std::mem::take(&mut members),
            );
            // Written once per provision, shared by its verdicts.
            let in_force = ctx.in_force().shared();
            for party in parties {
                let borders: Vec<&Near<'_>> = near.iter().filter(|n| n.party == party).collect();
                out.push(ctx.neighbour_verdict(party, &borders, reading, &in_force));
            }
            members = ctx.members;
        }
    }
    out
}

impl<'a> Ctx<'a> {
    fn neighbour_verdict(
        &self,
        party: &str,
        borders: &[&Near<'_>],
        reading: &Source,
        in_force: &Arc<Proof>,
    ) -> NeighbourVerdict {
        let t = self.treaty;
        let p = self.provision;
        let border_truth = borders.iter().fold(Truth::No, |acc, n| acc.or(n.holds));
        let holds = in_force
            .holds
            .and(self.members.of(party))
            .and(self.participation_truth(party))
            .and(border_truth);
        let verdict = match holds {
            Truth::Yes => VerdictKind::Triggered,
            Truth::No => VerdictKind::NotTriggered,
            Truth::Unknown => VerdictKind::Contested,
        };
        let mut attacked: Vec<String> = Vec::new();
        let mut attacker: Vec<String> = Vec::new();
        for n in borders {
            let list = if n.attacked {
                &mut attacked
            } else {
                &mut attacker
            };
            if !list.iter().any(|x| x == n.focus) {
                list.push(n.focus.to_string());
            }
        }
        let names = |ids: &[String]| {
            ids.iter()
                .map(|i| self.name(i))
                .collect::<Vec<_>>()
                .join(" and ")
        };
        // A deliberate armed attack is called one; an accident, an incident
        // or a cyber operation is "the use of force".
        let event = if self.scenario.character.is_default() {
            "an armed attack"
        } else {
            "the use of force"
        };
        let threat = match (attacked.is_empty(), attacker.is_empty()) {
            (false, true) => text!("{event} on its neighbour {}", names(&attacked)),
            (true, false) => text!("{event} by its neighbour {}", names(&attacker)),
            _ => text!(
                "{event} on its neighbour {} by its neighbour {}",
                names(&attacked),
                names(&attacker)
            ),
        };
        let me = self.name(party);
        let mut premises = vec![in_force.clone(), self.party(party).shared()];
        premises.extend(self.participation(party).into_iter().map(Proof::shared));
        for n in borders {
            premises.push(
                Proof::fact(
                    text!(
                        "{} borders {} on land{}",
                        self.name(n.party),
                        self.name(n.focus),
                        if n.border.spell.interval == crate::time::Interval::always() {
                            String::new()
                        } else {
                            text!(" ({})", n.border.spell.interval)
                        }
                    ),
                    n.holds,
                    &n.border.spell.source,
                )
                .shared(),
            );
        }
        premises.push(Proof::fact(
            text!(
                "{} Art. {} is triggered by a threat to the security of any party, in its own opinion",
                t.short_name, p.article
            ),
            Truth::Yes,
            reading,
        )
        .shared());
        let statement = text!(
            "the security of {me} is threatened by {threat}: {} Art. {} consultations are open to it",
            t.short_name, p.article
        );
        let reasons = match verdict {
            VerdictKind::Triggered => vec![sentence(&statement)],
            want => premises
                .iter()
                .filter(|pr| {
                    pr.holds
                        == match want {
                            VerdictKind::NotTriggered => Truth::No,
                            _ => Truth::Unknown,
                        }
                })
                .map(|pr| sentence(&pr.statement))
                .collect(),
        };
        let mut conditions = vec![text!("at the request of {me}")];
        conditions.extend(
            p.conditions
                .iter()
                .filter(|c| c.condition != ConditionKind::RequestByAttacked)
                .map(|c| super::judge::condition_text(self.kb, c, party)),
        );
        NeighbourVerdict {
            treaty: t.id.clone(),
            treaty_name: t.short_name.clone(),
            provision: p.id.clone(),
            article: p.article.clone(),
            kind: p.kind,
            response: p.response,
            party: party.to_string(),
            borders_attacked: attacked,
            borders_attacker: attacker,
            verdict,
            reasons,
            conditions,
            proof: Proof::rule(statement, holds, premises),
        }
    }
}
