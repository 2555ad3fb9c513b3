//! Reservations, understandings and declarations a party attached to a
//! provision, applied to verdicts. Each qualifies only the obligation of the
//! party that made it, as obligor (the US understanding on SEATO Art. IV(1):
//! "apply only to communist aggression … in the event of other aggression or
//! armed attack it will consult under … Article IV, paragraph 2"). A
//! reservation with effect `note` is shown with the conditions and decides
//! nothing. The engine adds one premise per reservation that binds the
//! obligor; docs/kb-format.md documents the fields.

use crate::kb::KnowledgeBase;
use crate::model::{Condition, ConditionKind, Provision, ReservationEffect, Source};
use crate::time::Truth;

/// One reservation that decides part of a verdict: whether the obligation
/// survives it, in words, and its source.
#[derive(Debug, Clone)]
pub struct Applied<'a> {
    pub holds: Truth,
    pub statement: String,
    pub source: &'a Source,
}

/// The reservations on `provision` made by `obligor` that can change a
/// verdict (effect other than `note`).
fn binding<'a>(
    provision: &'a Provision,
    obligor: &'a str,
) -> impl Iterator<Item = (&'a Condition, &'a str, &'a ReservationEffect)> + 'a {
    provision
        .conditions
        .iter()
        .filter_map(move |c| match &c.condition {
            ConditionKind::Reservation {
                party,
                name,
                effect,
            } if party == obligor && !matches!(effect, ReservationEffect::Note { .. }) => {
                Some((c, name.as_str(), effect))
            }
            _ => None,
        })
}

fn effect_truth(effect: &ReservationEffect, attackers: &[String]) -> Truth {
    match effect {
        ReservationEffect::AdversaryOnly { polities, .. } => {
            Truth::from_bool(attackers.iter().any(|a| polities.contains(a)))
        }
        ReservationEffect::Note { .. } => Truth::Yes,
    }
}

/// Does the obligation survive every reservation its obligor made?
pub fn truth(provision: &Provision, obligor: &str, attackers: &[String]) -> Truth {
    binding(provision, obligor)
        .map(|(_, _, e)| effect_truth(e, attackers))
        .fold(Truth::Yes, Truth::and)
}

/// The same, each reservation with its reason.
pub fn applied<'a>(
    kb: &KnowledgeBase,
    provision: &'a Provision,
    article: &str,
    obligor: &'a str,
    attackers: &[String],
) -> Vec<Applied<'a>> {
    let who = kb.polity_name(obligor);
    binding(provision, obligor)
        .map(|(c, name, effect)| {
            let holds = effect_truth(effect, attackers);
            let statement = match effect {
                ReservationEffect::AdversaryOnly { polities, instead } => {
                    let listed: Vec<&str> = polities.iter().map(|p| kb.polity_name(p)).collect();
                    let attackers: Vec<&str> = attackers.iter().map(|a| kb.polity_name(a)).collect();
                    if holds == Truth::Yes {
                        format!(
                            "the {name} limits the obligation of {who} under Art. {article} to attacks by {}; the attacker ({}) is one",
                            listed.join(", "),
                            attackers.join(", ")
                        )
                    } else {
                        let mut s = format!(
                            "the {name} limits the obligation of {who} under Art. {article} to attacks by {}, and the attacker ({}) is none of them",
                            listed.join(", "),
                            attackers.join(", ")
                        );
                        if let Some(i) = instead {
                            s.push_str(&format!(": {i}"));
                        }
                        s
                    }
                }
                ReservationEffect::Note { text } => format!("the {name}: {text}"),
            };
            Applied {
                holds,
                statement,
                source: &c.source,
            }
        })
        .collect()
}
