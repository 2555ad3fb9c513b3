//! The walk both paths take over the knowledge base: treaties by id,
//! provisions in file order, and the (obligor, beneficiary) pairs each
//! provision could bind. Only treaties naming a defender as a party can
//! bind anyone: the walk finds them through the knowledge base's index of
//! each party's treaties (`KnowledgeBase::treaties_naming`, rebuilt by
//! `reindex_parties` after any edit of memberships). Who can be bound
//! follows the provision's kind: defence, consultation and neutrality are
//! owed by every party to each attacked party; non-aggression by each
//! attacker to each attacked party.
//! Assurances and domestic law create no obligation to defend: they get a
//! note, and only their non-aggression pledges and consultation clauses are
//! judged.

use super::judge::Ctx;
use super::party::Members;
use super::Scenario;
use crate::kb::KnowledgeBase;
use crate::model::*;
use crate::query::{membership, TerritoryStatus};
use crate::time::Truth;

/// The one walk both [`analyse`] and [`verdicts`] take: treaties by id,
/// instruments that create no obligation to `on_instrument`, and each
/// provision that applies with the pairs it could bind to `on_provision`
/// (with its index in the knowledge base and in the treaty).
pub(super) fn walk<'a>(
    kb: &'a KnowledgeBase,
    scenario: &'a Scenario,
    status: &'a TerritoryStatus,
    defenders: &[String],
    keep: &dyn Fn(&Provision) -> bool,
    mut on_instrument: impl FnMut(&Treaty),
    mut on_provision: impl FnMut(&mut Ctx<'a>, usize, usize, Vec<(String, String)>),
) {
    let order = kb.treaty_order();
    // Every verdict has a defender as beneficiary: only treaties that ever
    // had one as a party are judged (the index lists them in order).
    let naming = kb.treaties_naming(defenders.iter().map(String::as_str));
    let mut named_positions = naming.iter().flatten().copied().peekable();
    // The facts on the attacked territory's holders, written once.
    let mut holder_leaves = std::cell::OnceCell::new();
    for (pos, &ti) in order.iter().enumerate() {
        let treaty = &kb.treaties[ti];
        let names_defender = match &naming {
            Some(_) => named_positions.next_if_eq(&pos).is_some(),
            None => treaty.parties.iter().any(|p| defenders.contains(&p.polity)),
        };
        // Assurances and domestic law create no obligation to defend: they
        // get a note, and only their non-aggression pledges (an attack by
        // the pledging state breaches them) and their consultation clauses
        // (Budapest Memorandum para. 6) are judged.
        let pledges_only = matches!(
            treaty.kind,
            InstrumentKind::Assurance | InstrumentKind::DomesticLaw
        );
        if !(names_defender || pledges_only)
            || treaty.in_force.interval.contains(scenario.date) == Truth::No
        {
            continue;
        }
        if pledges_only {
            on_instrument(treaty);
        }
        if !names_defender {
            continue;
        }
        let mut members = Members::on(treaty, scenario.date);
        // Membership proofs depend on the treaty, the polity and the date
        // only: written once per treaty, shared by its provisions.
        let mut party_proofs = Vec::new();
        let mut treaty_in_force = std::cell::OnceCell::new();
        for (pi, provision) in treaty.provisions.iter().enumerate() {
            if !keep(provision)
                || (pledges_only
                    && !matches!(
                        provision.kind,
                        ObligationKind::NonAggression | ObligationKind::Consultation
                    ))
                || provision.validity.contains(scenario.date) == Truth::No
            {
                continue;
            }
            let pairs = pairs(&members, provision, scenario, defenders);
            if pairs.is_empty() {
                continue;
            }
            // The provision's context borrows the treaty's tables and
            // gives them back for the next provision.
            let mut ctx = Ctx::new(
                kb,
                scenario,
                status,
                treaty,
                provision,
                std::mem::take(&mut members),
            );
            ctx.party_proofs = std::mem::take(&mut party_proofs);
            ctx.holder_leaves = std::mem::take(&mut holder_leaves);
            ctx.treaty_in_force = std::mem::take(&mut treaty_in_force);
            on_provision(&mut ctx, ti, pi, pairs);
            party_proofs = std::mem::take(&mut ctx.party_proofs);
            holder_leaves = std::mem::take(&mut ctx.holder_leaves);
            treaty_in_force = std::mem::take(&mut ctx.treaty_in_force);
            members = std::mem::take(&mut ctx.members);
        }
    }
}

/// Notes on an assurance or domestic law that touches a defender.
pub(super) fn instrument_notes(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    defenders: &[String],
    treaty: &Treaty,
    notes: &mut Vec<String>,
) {
    // The instrument concerns a defender it names as beneficiary, or,
    // when it names none, any defender that is a party.
    let names_any = treaty
        .provisions
        .iter()
        .any(|p| matches!(p.owed, Owed::Directed { .. }));
    for d in defenders {
        let concerned = if names_any {
            treaty.provisions.iter().any(|p| names_beneficiary(p, d))
        } else {
            membership(treaty, d, scenario.date).0 != Truth::No
        };
        if concerned {
            let what = match treaty.kind {
                InstrumentKind::DomesticLaw => "one state's domestic law, not a treaty",
                _ => "a set of assurances, not a defence pact",
            };
            notes.push(text!(
                "{} ({}) concerns {} but is {what}: it creates no obligation to defend {}.",
                treaty.name,
                treaty.id,
                kb.polity_name(d),
                kb.polity_name(d)
            ));
        }
    }
}

pub(super) fn names_beneficiary(p: &Provision, polity: &str) -> bool {
    matches!(&p.owed, Owed::Directed { beneficiaries, .. } if beneficiaries.iter().any(|b| b == polity))
}

/// The (obligor, beneficiary) pairs a provision could bind in this scenario.
pub(super) fn pairs(
    members: &Members<'_>,
    provision: &Provision,
    scenario: &Scenario,
    defenders: &[String],
) -> Vec<(String, String)> {
    let is_party = |p: &str| members.of(p) != Truth::No;
    let parties: Vec<&str> = members
        .truths
        .iter()
        .filter(|(_, t)| *t != Truth::No)
        .map(|(p, _)| *p)
        .collect();
    let owes = |o: &str, b: &str| match &provision.owed {
        Owed::Mutual => o != b,
        Owed::Directed {
            obligors,
            beneficiaries,
        } => o != b && obligors.iter().any(|x| x == o) && beneficiaries.iter().any(|x| x == b),
    };
    let mut out = Vec::new();
    match provision.kind {
        ObligationKind::Offense => {}
        ObligationKind::NonAggression => {
            // Owed by each attacker that is a party to each defender.
            let mut attackers = scenario.attackers.clone();
            attackers.sort();
            for a in &attackers {
                for d in defenders {
                    if is_party(a) && is_party(d) && owes(a, d) {
                        out.push((a.clone(), d.clone()));
                    }
                }
            }
        }
        ObligationKind::Defense | ObligationKind::Consultation | ObligationKind::Neutrality => {
            for d in defenders {
                if !is_party(d) {
                    continue;
                }
                for o in &parties {
                    if owes(o, d) {
                        out.push((o.to_string(), d.clone()));
                    }
                }
            }
        }
    }
    out
}
