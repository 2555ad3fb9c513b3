//! Mermaid flowchart: one subgraph per round, joins as dotted links
//! labelled with the provision, attacks and strikes as thick links.

use std::fmt::Write;

use casus_core::KnowledgeBase;

use super::{name, side_colour, side_light};
use crate::cascade::{Outcome, Side};
use crate::graph::Origin;

/// A Mermaid quoted label: quotes as `#quot;`, line breaks as `<br/>` (a
/// raw newline breaks the diagram).
fn esc(s: &str) -> String {
    s.replace('"', "#quot;")
        .replace("\r\n", "<br/>")
        .replace(['\n', '\r'], "<br/>")
}

fn id(s: &str) -> String {
    format!("s_{}", s.replace(|c: char| !c.is_ascii_alphanumeric(), "_"))
}

/// The outcome as a Mermaid flowchart.
pub fn to_mermaid(kb: &KnowledgeBase, o: &Outcome) -> String {
    let mut out = String::from("flowchart LR\n");
    let last = o.rounds.iter().map(|r| r.round).max().unwrap_or(0);
    for round in 0..=last {
        let members: Vec<_> = o
            .sides
            .values()
            .flatten()
            .filter(|b| b.round == round)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph round{round}[\"Round {round}\"]");
        for b in members {
            let _ = writeln!(out, "    {}[\"{}\"]", id(&b.state), esc(&b.name));
        }
        let _ = writeln!(out, "  end");
    }
    for cp in &o.cross_pressure {
        if o.side_of(&cp.state).is_none() {
            let _ = writeln!(
                out,
                "  {}[\"{} (cross-pressured)\"]",
                id(&cp.state),
                esc(name(kb, &cp.state))
            );
        }
    }
    for s in &o.supports {
        let _ = writeln!(
            out,
            "  {} -. \"supports{}\" .-> {}",
            id(&s.supporter),
            esc(&s
                .what
                .as_deref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default()),
            id(&s.recipient)
        );
    }
    for a in &o.attacks {
        if let Origin::Given { .. } = a.origin {
            for x in &a.attackers {
                for d in &a.defenders {
                    let _ = writeln!(
                        out,
                        "  {} == \"R0 attack at {}\" ==> {}",
                        id(x),
                        esc(&a.place),
                        id(d)
                    );
                }
            }
        }
    }
    for r in &o.rounds {
        for j in &r.joins {
            let _ = writeln!(
                out,
                "  {} -. \"R{} joins: {}\" .-> {}",
                id(&j.state),
                j.round,
                esc(&j.obligation.label()),
                id(&j.obligation.beneficiary)
            );
        }
        for s in &r.strikes {
            let _ = writeln!(
                out,
                "  {} == \"R{} strike\" ==> {}",
                id(&s.striker),
                s.round,
                id(&s.target)
            );
        }
        for c in &r.conflicts {
            let _ = writeln!(
                out,
                "  {} -. \"R{} conflict: {}\" .-> {}",
                id(&c.state),
                c.round,
                esc(&c.obligation.label()),
                id(&c.obligation.beneficiary)
            );
        }
    }
    for side in [Side::Defenders, Side::Attackers] {
        let cls = match side {
            Side::Defenders => "defenders",
            Side::Attackers => "attackers",
        };
        let _ = writeln!(
            out,
            "  classDef {cls} fill:{},stroke:{}",
            side_light(side),
            side_colour(side)
        );
        if let Some(v) = o.sides.get(&side) {
            if !v.is_empty() {
                let ids: Vec<String> = v.iter().map(|b| id(&b.state)).collect();
                let _ = writeln!(out, "  class {} {cls}", ids.join(","));
            }
        }
    }
    let pressured: Vec<String> = o.cross_pressure.iter().map(|c| id(&c.state)).collect();
    if !pressured.is_empty() {
        let _ = writeln!(
            out,
            "  classDef pressured stroke:#ff8c00,stroke-width:3px,stroke-dasharray:4 2"
        );
        let _ = writeln!(out, "  class {} pressured", pressured.join(","));
    }
    out
}

#[cfg(test)]
mod label_tests {
    #[test]
    fn mermaid_labels_escape_newlines_and_quotes() {
        let e = super::esc("drones\n\"and\"\r\nshells");
        assert_eq!(e, "drones<br/>#quot;and#quot;<br/>shells");
    }
}
