//! Renderers of a cascade outcome as pictures: Graphviz DOT, Mermaid and a
//! self-contained SVG (layered left to right by round). Text and JSON are
//! rendered by the front end.

pub mod dot;
pub mod mermaid;
pub mod svg;

use casus_core::KnowledgeBase;

use crate::cascade::{Outcome, Side};

/// A state's display name.
pub(crate) fn name<'a>(kb: &'a KnowledgeBase, id: &'a str) -> &'a str {
    kb.polity_name(id)
}

/// The fill colour of a side.
pub(crate) fn side_colour(side: Side) -> &'static str {
    match side {
        Side::Defenders => "#4c78a8",
        Side::Attackers => "#e45756",
    }
}

pub(crate) fn side_light(side: Side) -> &'static str {
    match side {
        Side::Defenders => "#dbe6f2",
        Side::Attackers => "#f9dcdc",
    }
}

/// Joins grouped by (round, provision, beneficiary), for compact labels.
pub(crate) struct JoinGroup {
    pub round: u32,
    pub side: Side,
    pub label: String,
    pub beneficiary: String,
    pub states: Vec<String>,
}

pub(crate) fn join_groups(o: &Outcome) -> Vec<JoinGroup> {
    let mut groups: Vec<JoinGroup> = Vec::new();
    for j in o.joins() {
        let label = j.obligation.label();
        match groups.iter_mut().find(|g| {
            g.round == j.round && g.label == label && g.beneficiary == j.obligation.beneficiary
        }) {
            Some(g) => g.states.push(j.state.clone()),
            None => groups.push(JoinGroup {
                round: j.round,
                side: j.side,
                label,
                beneficiary: j.obligation.beneficiary.clone(),
                states: vec![j.state.clone()],
            }),
        }
    }
    groups
}
