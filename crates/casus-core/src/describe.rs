//! Plain-language descriptions of scope rules and conditions, for
//! explanations and listings (no terminal formatting).

use crate::kb::KnowledgeBase;
use crate::model::{ConditionKind, ScopeKind};

fn polities(kb: &KnowledgeBase, ids: &[String]) -> String {
    ids.iter()
        .map(|p| kb.polity_name(p))
        .collect::<Vec<_>>()
        .join(", ")
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
        } => {
            let mut s = "an attack on the attacked party's own de jure territory".to_string();
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
        ScopeKind::Territory { territory } => format!(
            "an attack on {}",
            kb.territory(territory)
                .map(|t| t.name.as_str())
                .unwrap_or(territory)
        ),
        ScopeKind::ForcesIn { regions: r } => {
            format!(
                "an attack on the attacked party's forces, vessels or aircraft in {}",
                regions(kb, r)
            )
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
    }
}
