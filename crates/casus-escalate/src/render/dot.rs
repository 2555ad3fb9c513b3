//! Graphviz DOT: one cluster per round, states coloured by side; given
//! attacks and counter-strikes as red edges, joins as dashed edges labelled
//! with the provision, conflicts as orange dotted edges.

use std::fmt::Write;

use casus_core::KnowledgeBase;

use super::{name, side_colour, side_light};
use crate::cascade::Outcome;
use crate::graph::Origin;

/// A DOT string literal's contents: backslashes and quotes escaped, line
/// breaks as DOT's `\n` (a raw newline would end up inside the label).
fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// The outcome as a DOT digraph.
pub fn to_dot(kb: &KnowledgeBase, o: &Outcome) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph escalation {{");
    let _ = writeln!(out, "  rankdir=LR;");
    let _ = writeln!(
        out,
        "  label=\"Escalation from {}\"; labelloc=t; fontname=\"Helvetica\";",
        o.date
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];");
    let last = o.rounds.iter().map(|r| r.round).max().unwrap_or(0);
    for round in 0..=last {
        let members: Vec<_> = o
            .sides
            .iter()
            .flat_map(|(s, v)| v.iter().map(move |b| (*s, b)))
            .filter(|(_, b)| b.round == round)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph cluster_round{round} {{");
        let _ = writeln!(
            out,
            "    label=\"Round {round}\"; style=dashed; color=\"#999999\";"
        );
        for (side, b) in members {
            let pressured = o.cross_pressure.iter().any(|c| c.state == b.state);
            let (mark, stroke, width) = if pressured {
                (" ⚠ bound toward both sides", "#ff8c00", 2.5)
            } else {
                ("", side_colour(side), 1.0)
            };
            let _ = writeln!(
                out,
                "    \"{}\" [label=\"{}{}\", fillcolor=\"{}\", color=\"{}\", penwidth={}];",
                esc(&b.state),
                esc(&b.name),
                mark,
                side_light(side),
                stroke,
                width
            );
        }
        let _ = writeln!(out, "  }}");
    }
    for s in &o.supports {
        let what = s
            .what
            .as_deref()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [style=dotted, color=\"#777777\", label=\"supports{}\"];",
            esc(&s.supporter),
            esc(&s.recipient),
            esc(&what)
        );
    }
    for a in &o.attacks {
        if let Origin::Given { .. } = a.origin {
            for x in &a.attackers {
                for d in &a.defenders {
                    let _ = writeln!(
                        out,
                        "  \"{}\" -> \"{}\" [color=\"#b22222\", penwidth=2.5, label=\"R0 attack at {}\"];",
                        esc(x),
                        esc(d),
                        esc(&a.place)
                    );
                }
            }
        }
    }
    for r in &o.rounds {
        for j in &r.joins {
            let _ = writeln!(
                out,
                "  \"{}\" -> \"{}\" [style=dashed, color=\"{}\", label=\"R{} joins: {}\"];",
                esc(&j.state),
                esc(&j.obligation.beneficiary),
                side_colour(j.side),
                j.round,
                esc(&j.obligation.label())
            );
        }
        for s in &r.strikes {
            let _ = writeln!(
                out,
                "  \"{}\" -> \"{}\" [color=\"#b22222\", label=\"R{} strikes {}\"];",
                esc(&s.striker),
                esc(&s.target),
                s.round,
                esc(&s.territory)
            );
        }
        for c in &r.conflicts {
            let _ = writeln!(
                out,
                "  \"{}\" -> \"{}\" [style=dotted, color=\"#ff8c00\", label=\"R{} bound by {} but already on the other side\"];",
                esc(&c.state),
                esc(&c.obligation.beneficiary),
                c.round,
                esc(&c.obligation.label())
            );
        }
    }
    for cp in &o.cross_pressure {
        if o.side_of(&cp.state).is_none() {
            let _ = writeln!(
                out,
                "  \"{}\" [label=\"{} (cross-pressured)\", fillcolor=\"#fff3d6\", color=\"#ff8c00\"];",
                esc(&cp.state),
                esc(name(kb, &cp.state))
            );
        }
    }
    let _ = writeln!(out, "}}");
    out
}

#[cfg(test)]
mod label_tests {
    #[test]
    fn dot_labels_escape_newlines_and_quotes() {
        let e = super::esc("drones\n\"and\" \\ shells\r\n");
        assert!(!e.contains('\n') && !e.contains('\r'), "{e}");
        assert_eq!(e, "drones\\n\\\"and\\\" \\\\ shells\\n");
    }
}
