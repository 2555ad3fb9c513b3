//! Property tests for the issue-8 rules on random scenarios over the
//! embedded knowledge base: the verdict-only and full-proof paths agree
//! whatever the attack's character and attacker; an accident triggers no
//! defence obligation; the character never changes a consultation verdict;
//! threatened neighbours are never the attacked or attacking states.

use casus_core::engine::{
    analyse, verdicts, AttackCharacter, Intent, Means, Scale, Scenario, Target, VerdictKind,
};
use casus_core::model::ObligationKind;
use casus_core::query::ResolvedPlace;
use casus_core::KnowledgeBase;
use jiff::civil::Date;
use proptest::prelude::*;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base loads"))
}

fn character() -> impl Strategy<Value = AttackCharacter> {
    (0u8..3, any::<bool>(), any::<bool>()).prop_map(|(i, incident, cyber)| AttackCharacter {
        intent: [Intent::Deliberate, Intent::Accidental, Intent::Unknown][i as usize],
        scale: if incident {
            Scale::Incident
        } else {
            Scale::ArmedAttack
        },
        means: if cyber { Means::Cyber } else { Means::Kinetic },
    })
}

/// An attack on a party of a random treaty, at its mainland, by a random
/// polity (states, armed groups or the unknown attacker).
fn scenario() -> impl Strategy<Value = Scenario> {
    let kb = kb();
    (
        0..kb.polities.len(),
        0..kb.polities.len(),
        1950i16..2026,
        1i8..13,
        character(),
    )
        .prop_filter_map("attacker and defender differ", move |(a, d, y, m, c)| {
            let attacker = kb.polities[a].id.clone();
            let defender = kb.polities[d].id.clone();
            if attacker == defender {
                return None;
            }
            let t = kb.territories.iter().position(|t| {
                t.kind == casus_core::model::TerritoryKind::Mainland
                    && t.sovereign.iter().any(|s| s.value == defender)
            })?;
            Some(Scenario {
                attackers: vec![attacker],
                defenders: vec![defender],
                place: ResolvedPlace::of_territory(kb, &kb.territories[t].name, t),
                date: Date::new(y, m, 15).ok()?,
                target: Target::Territory,
                character: c,
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn both_paths_agree_whatever_the_character_and_attacker(s in scenario()) {
        let full: Vec<VerdictKind> = analyse(kb(), &s).verdicts.iter().map(|v| v.verdict).collect();
        let quick: Vec<VerdictKind> = verdicts(kb(), &s).iter().map(|v| v.verdict).collect();
        prop_assert_eq!(full, quick);
    }

    #[test]
    fn an_accident_triggers_no_defence_obligation(s in scenario()) {
        let mut s = s;
        s.character.intent = Intent::Accidental;
        for v in analyse(kb(), &s).verdicts {
            if matches!(v.kind, ObligationKind::Defense | ObligationKind::Neutrality) {
                prop_assert_ne!(v.verdict, VerdictKind::Triggered, "{:?}", v.reasons);
            }
        }
    }

    #[test]
    fn the_character_never_changes_a_consultation_verdict(s in scenario()) {
        let mut plain = s.clone();
        plain.character = AttackCharacter::default();
        let consult = |s: &Scenario| -> Vec<(String, String, String, VerdictKind)> {
            analyse(kb(), s)
                .verdicts
                .into_iter()
                .filter(|v| v.kind == ObligationKind::Consultation)
                .map(|v| (v.treaty, v.provision, v.obligor, v.verdict))
                .collect()
        };
        prop_assert_eq!(consult(&s), consult(&plain));
    }

    #[test]
    fn threatened_neighbours_are_neither_attacked_nor_attacking(s in scenario()) {
        let a = analyse(kb(), &s);
        for n in &a.neighbours {
            prop_assert!(!s.defenders.contains(&n.party));
            prop_assert!(!s.attackers.contains(&n.party));
            prop_assert!(!n.borders_attacked.is_empty() || !n.borders_attacker.is_empty());
            prop_assert_ne!(n.verdict, VerdictKind::NotTriggered);
            prop_assert!(n.conditions[0].starts_with("at the request of"));
        }
    }
}
