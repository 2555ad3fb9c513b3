//! Plain-language descriptions of scope rules and conditions, for
//! explanations and listings (no terminal formatting).

use crate::kb::KnowledgeBase;
use crate::model::{ConditionKind, ReservationEffect, ScopeKind};

fn polities(kb: &KnowledgeBase, ids: &[String]) -> String {
    ids.iter()
        .map(|p| kb.polity_name(p))
        .collect::<Vec<_>>()
        .join(", ")
}

fn territory_name<'k>(kb: &'k KnowledgeBase, id: &'k str) -> &'k str {
    kb.territory(id).map(|t| t.name.as_str()).unwrap_or(id)
}

fn regions(kb: &KnowledgeBase, ids: &[String]) -> String {
    ids.iter()
        .map(|r| kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// "an attack on the attacked party's own de jure territory in Europe or North America".
pub fn scope(kb: &KnowledgeBase, rule: &ScopeKind) -> String {
    match rule {
        ScopeKind::PartyTerritory {
            regions: r,
            parties,
            metropolitan,
        } => {
            let mut s = if *metropolitan {
                "an attack on the attacked party's own metropolitan territory (not overseas)"
                    .to_string()
            } else {
                "an attack on the attacked party's own de jure territory".to_string()
            };
            if !r.is_empty() {
                s.push_str(&format!(" in {}", regions(kb, r)));
            }
            if !parties.is_empty() {
                s.push_str(&format!(" (only for {})", polities(kb, parties)));
            }
            s
        }
        ScopeKind::AdministeredBy { party: Some(p) } => {
            format!(
                "an attack on territory under the administration of {}",
                kb.polity_name(p)
            )
        }
        ScopeKind::AdministeredBy { party: None } => {
            "an attack on territory under the attacked party's administration".to_string()
        }
        ScopeKind::Territory { territory, except } => {
            let mut s = format!("an attack on {}", territory_name(kb, territory));
            if !except.is_empty() {
                let names: Vec<&str> = except.iter().map(|t| territory_name(kb, t)).collect();
                s.push_str(&format!(" (not {})", names.join(" or ")));
            }
            s
        }
        ScopeKind::ForcesIn {
            regions: r,
            territories,
        } => {
            let mut places: Vec<String> = Vec::new();
            if !r.is_empty() {
                places.push(regions(kb, r));
            }
            places.extend(
                territories
                    .iter()
                    .map(|t| territory_name(kb, t).to_string()),
            );
            format!(
                "an attack on the attacked party's forces, vessels or aircraft in or over {}",
                places.join(" or ")
            )
        }
        ScopeKind::ForcesOnPartyTerritory {
            regions: r,
            parties,
        } => {
            let mut s = "an attack on the attacked party's forces, vessels or aircraft in or over the territory of any party".to_string();
            if !r.is_empty() {
                s.push_str(&format!(" in {}", regions(kb, r)));
            }
            if !parties.is_empty() {
                s.push_str(&format!(" (of {})", polities(kb, parties)));
            }
            s
        }
        ScopeKind::Anywhere => "an attack on the party anywhere (no geographic limit)".to_string(),
    }
}

/// "subject to a decision of the North Atlantic Council".
pub fn condition(kb: &KnowledgeBase, c: &ConditionKind, beneficiary: Option<&str>) -> String {
    match c {
        ConditionKind::RequestByAttacked => match beneficiary {
            Some(b) => format!("at the request of {}", kb.polity_name(b)),
            None => "at the request of the attacked party".to_string(),
        },
        ConditionKind::CouncilDecision { body } => format!("subject to a decision of the {body}"),
        ConditionKind::ConstitutionalProcesses => {
            "in accordance with each party's constitutional processes".to_string()
        }
        ConditionKind::Adversary { polities: p } => format!("only against {}", polities(kb, p)),
        ConditionKind::ConsultationFirst => {
            "after consultations that decide the form of help".to_string()
        }
        ConditionKind::UnnamedRestriction { text } => format!("restricted: {text}"),
        ConditionKind::Other { text } => text.clone(),
        ConditionKind::Reservation {
            party,
            name,
            effect,
        } => {
            let who = kb.polity_name(party);
            match effect {
                ReservationEffect::AdversaryOnly {
                    polities: p,
                    instead,
                } => {
                    let mut s = format!(
                        "{name} ({who}): {who} is bound only against {}",
                        polities(kb, p)
                    );
                    if let Some(i) = instead {
                        s.push_str(&format!("; otherwise {i}"));
                    }
                    s
                }
                ReservationEffect::Note { text } => format!("{name} ({who}): {text}"),
            }
        }
    }
}
