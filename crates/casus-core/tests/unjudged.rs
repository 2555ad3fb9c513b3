//! Nothing modelled goes unjudged: for every provision of
//! the shipped knowledge base there is an attack — a date inside the
//! treaty's and the text's life, a party attacked, an attacker — for which
//! the engine gives it a verdict. A provision that can never produce one is
//! dead data (the Budapest Memorandum's para. 6 was, before consultation
//! clauses of assurances were judged).

use casus_core::engine::{verdicts_where, AttackCharacter, Scenario, Target};
use casus_core::model::{ObligationKind, Owed, Provision, Treaty};
use casus_core::query::{place_status, ResolvedPlace};
use casus_core::KnowledgeBase;
use jiff::civil::Date;

/// Days worth trying for a treaty: each party's first day, each provision
/// text's first day, and 1 July of every year since 1946.
fn candidate_days(t: &Treaty, p: &Provision) -> Vec<Date> {
    let mut days: Vec<Date> = t
        .parties
        .iter()
        .filter_map(|s| s.membership.interval.from)
        .chain(p.validity.from)
        .chain(t.in_force.interval.from)
        .filter_map(|f| f.latest().tomorrow().ok())
        .collect();
    days.extend((1946..=2026).filter_map(|y| Date::new(y, 7, 1).ok()));
    days
}

/// Who could be attacked and who attacks, for this provision.
fn roles(t: &Treaty, p: &Provision) -> Vec<(String, String)> {
    let parties: Vec<String> = t.parties.iter().map(|s| s.polity.clone()).collect();
    let (obligors, beneficiaries) = match &p.owed {
        Owed::Mutual => (parties.clone(), parties.clone()),
        Owed::Directed {
            obligors,
            beneficiaries,
        } => (obligors.clone(), beneficiaries.clone()),
    };
    let mut out = Vec::new();
    for b in &beneficiaries {
        if p.kind == ObligationKind::NonAggression {
            // The pledging party attacks.
            for o in obligors.iter().filter(|o| *o != b) {
                out.push((o.clone(), b.clone()));
            }
        } else {
            out.push(("UNKNOWN".to_string(), b.clone()));
        }
    }
    out
}

fn judged(kb: &KnowledgeBase, ti: usize, pi: usize) -> bool {
    let t = &kb.treaties[ti];
    let p = &t.provisions[pi];
    let place = ResolvedPlace::of_territory(kb, "anywhere", 0);
    for day in candidate_days(t, p) {
        let status = place_status(kb, &place, day);
        for (attacker, defender) in roles(t, p) {
            let scenario = Scenario {
                attackers: vec![attacker],
                defenders: vec![defender],
                place: place.clone(),
                date: day,
                target: Target::Territory,
                character: AttackCharacter::default(),
            };
            let keep = |q: &Provision| std::ptr::eq(q, p);
            if verdicts_where(kb, &scenario, &status, keep)
                .iter()
                .any(|v| v.treaty == ti && v.provision == pi)
            {
                return true;
            }
        }
    }
    false
}

#[test]
fn every_provision_in_the_knowledge_base_can_produce_a_verdict() {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base loads");
    let mut never = Vec::new();
    let mut count = 0;
    for (ti, t) in kb.treaties.iter().enumerate() {
        for (pi, p) in t.provisions.iter().enumerate() {
            if p.kind == ObligationKind::Offense {
                // Offense obligations are not triggered by an attack on a
                // party; none is modelled as such in the shipped base.
                continue;
            }
            count += 1;
            if !judged(&kb, ti, pi) {
                never.push(format!("{} {} (Art. {})", t.id, p.id, p.article));
            }
        }
    }
    assert!(count > 50, "only {count} provisions checked");
    assert!(
        never.is_empty(),
        "provisions that no attack can make the engine judge: {never:?}"
    );
}
