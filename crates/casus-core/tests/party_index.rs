//! The index of each party's treaties (`KnowledgeBase::treaties_naming`),
//! which the engine walks instead of every treaty: it lists exactly the
//! treaties naming a polity as a party, in answer order, and it is stale
//! after an edit of `parties` until `reindex_parties` (what
//! `casus-escalate`'s counterfactual memberships call).

use casus_core::model::Party;
use casus_core::KnowledgeBase;

#[test]
fn lists_exactly_the_treaties_naming_each_polity() {
    let kb = KnowledgeBase::embedded().expect("the embedded base loads");
    assert!(kb.party_index_is_current());
    let order = kb.treaty_order();
    for p in &kb.polities {
        let expected: Vec<usize> = order
            .iter()
            .enumerate()
            .filter(|(_, &ti)| kb.treaties[ti].parties.iter().any(|x| x.polity == p.id))
            .map(|(pos, _)| pos)
            .collect();
        assert_eq!(
            kb.treaties_naming([p.id.as_str()]),
            Some(expected),
            "{}",
            p.id
        );
    }
    // Several polities: the union, in order, without repeats.
    let both = kb.treaties_naming(["ARM", "AZE", "ARM"]).expect("current");
    assert!(both.windows(2).all(|w| w[0] < w[1]));
    for pos in kb.treaties_naming(["ARM"]).into_iter().flatten() {
        assert!(both.contains(&pos));
    }
    assert_eq!(kb.treaties_naming(["no such polity"]), Some(vec![]));
}

#[test]
fn an_edit_of_parties_needs_a_reindex() {
    let kb = KnowledgeBase::embedded().expect("the embedded base loads");
    let mut edited = kb.clone();
    let nato = edited
        .treaties
        .iter_mut()
        .find(|t| t.id == "nato")
        .expect("NATO is in the base");
    let template: Party = nato.parties[0].clone();
    nato.parties.push(Party {
        polity: "ARM".into(),
        ..template
    });
    assert!(!edited.party_index_is_current());
    let nato_pos = kb
        .treaty_order()
        .iter()
        .position(|&ti| kb.treaties[ti].id == "nato")
        .expect("NATO is in the order");
    edited.reindex_parties();
    assert!(edited.party_index_is_current());
    let armenia = edited.treaties_naming(["ARM"]).expect("current");
    assert!(armenia.contains(&nato_pos));
    assert!(!kb
        .treaties_naming(["ARM"])
        .expect("current")
        .contains(&nato_pos));
}
