//! A self-contained SVG picture of a cascade: one column per round, the
//! defenders' side in the upper band and the attackers' side in the lower,
//! each joining group headed by the provision that brought it in; joins are
//! curves to the beneficiary, strikes red arrows to the target's homeland;
//! states bound to both sides are outlined in orange.

use std::collections::HashMap;
use std::fmt::Write;

use casus_core::KnowledgeBase;

use super::{join_groups, name, side_colour, side_light};
use crate::cascade::{Outcome, Side};
use crate::graph::Origin;

const COL_W: f64 = 270.0;
const NODE_W: f64 = 176.0;
const NODE_H: f64 = 24.0;
const GAP: f64 = 6.0;
const TAG_H: f64 = 20.0;
const LEFT: f64 = 40.0;
const TOP: f64 = 110.0;
const FONT: &str = "Helvetica, Arial, sans-serif";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

enum Item {
    Tag(String),
    Node(String),
}

struct Layout {
    pos: HashMap<String, (f64, f64)>,
}

/// The outcome as an SVG document.
pub fn to_svg(kb: &KnowledgeBase, o: &Outcome) -> String {
    let groups = join_groups(o);
    let last = groups.iter().map(|g| g.round).max().unwrap_or(0);
    let ncols = last as usize + 1;
    // Items per (column, side).
    let mut items: Vec<[Vec<Item>; 2]> = (0..ncols).map(|_| [Vec::new(), Vec::new()]).collect();
    let lane = |s: Side| match s {
        Side::Defenders => 0,
        Side::Attackers => 1,
    };
    for (side, v) in &o.sides {
        let initial: Vec<_> = v.iter().filter(|b| b.round == 0).collect();
        if !initial.is_empty() {
            let tag = match side {
                Side::Defenders => "attacked",
                Side::Attackers => "attacking",
            };
            items[0][lane(*side)].push(Item::Tag(tag.to_string()));
            for b in initial {
                items[0][lane(*side)].push(Item::Node(b.state.clone()));
            }
        }
    }
    for g in &groups {
        let col = &mut items[g.round as usize][lane(g.side)];
        col.push(Item::Tag(format!(
            "{} → {}",
            g.label,
            name(kb, &g.beneficiary)
        )));
        for s in &g.states {
            col.push(Item::Node(s.clone()));
        }
    }
    let height_of = |v: &[Item]| {
        v.iter()
            .map(|i| match i {
                Item::Tag(_) => TAG_H,
                Item::Node(_) => NODE_H + GAP,
            })
            .sum::<f64>()
    };
    let lane_h = |l: usize| {
        items
            .iter()
            .map(|c| height_of(&c[l]))
            .fold(NODE_H, f64::max)
            + 16.0
    };
    let (h_def, h_att) = (lane_h(0), lane_h(1));
    let y_def = TOP;
    let y_att = TOP + h_def + 30.0;
    let outside: Vec<String> = o
        .cross_pressure
        .iter()
        .filter(|c| o.side_of(&c.state).is_none())
        .map(|c| c.state.clone())
        .chain(
            o.supports
                .iter()
                .filter(|s| o.side_of(&s.supporter).is_none())
                .map(|s| s.supporter.clone()),
        )
        .fold(Vec::new(), |mut v, s| {
            if !v.contains(&s) {
                v.push(s);
            }
            v
        });
    let y_out = y_att + h_att + 30.0;
    let h_out = if outside.is_empty() {
        0.0
    } else {
        NODE_H + 50.0
    };
    let legend_y = y_out + h_out + 20.0;
    let width = (LEFT + ncols as f64 * COL_W + 40.0).max(760.0);
    let height = legend_y + 70.0;

    let mut layout = Layout {
        pos: HashMap::new(),
    };
    let mut body = String::new();
    let mut tags = String::new();
    for (c, col) in items.iter().enumerate() {
        let x = LEFT + c as f64 * COL_W;
        for (l, list) in col.iter().enumerate() {
            let mut y = if l == 0 { y_def } else { y_att } + 8.0;
            for it in list {
                match it {
                    Item::Tag(t) => {
                        let _ = writeln!(
                            tags,
                            r##"<text x="{x:.1}" y="{:.1}" font-size="11" font-style="italic" fill="#444">{}</text>"##,
                            y + 13.0,
                            esc(t)
                        );
                        y += TAG_H;
                    }
                    Item::Node(s) => {
                        layout.pos.insert(s.clone(), (x, y + NODE_H / 2.0));
                        y += NODE_H + GAP;
                    }
                }
            }
        }
    }
    for (i, s) in outside.iter().enumerate() {
        layout.pos.insert(
            s.clone(),
            (
                LEFT + i as f64 * (NODE_W + 20.0),
                y_out + 32.0 + NODE_H / 2.0,
            ),
        );
    }

    let mut edges = String::new();
    // Given attacks.
    for a in &o.attacks {
        if let Origin::Given { .. } = a.origin {
            for x in &a.attackers {
                for d in &a.defenders {
                    if let (Some(&(ax, ay)), Some(&(dx, dy))) =
                        (layout.pos.get(x), layout.pos.get(d))
                    {
                        let (x1, y1) = (ax + NODE_W * 0.5, ay - NODE_H / 2.0);
                        let (x2, y2) = (dx + NODE_W * 0.5, dy + NODE_H / 2.0 + 2.0);
                        let _ = writeln!(
                            edges,
                            r##"<path d="M{x1:.1},{y1:.1} L{x2:.1},{y2:.1}" stroke="#b22222" stroke-width="3" fill="none" marker-end="url(#strike)"/>"##
                        );
                        let _ = writeln!(
                            edges,
                            r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#b22222" font-weight="bold">attack at {}</text>"##,
                            x1 + 8.0,
                            (y1 + y2) / 2.0,
                            esc(&a.place)
                        );
                    }
                }
            }
        }
    }
    // Joins: curve from the joiner back to its beneficiary.
    for j in o.joins() {
        if let (Some(&(jx, jy)), Some(&(bx, by))) = (
            layout.pos.get(&j.state),
            layout.pos.get(&j.obligation.beneficiary),
        ) {
            let (x1, y1) = (jx, jy);
            let (x2, y2) = (bx + NODE_W, by);
            let mid = (x1 + x2) / 2.0;
            let _ = writeln!(
                edges,
                r##"<path d="M{x1:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {:.1},{y2:.1}" stroke="{}" stroke-width="1.4" stroke-opacity="0.55" fill="none" marker-end="url(#join{})"/>"##,
                x2 + 3.0,
                side_colour(j.side),
                lane(j.side)
            );
        }
    }
    // Strikes, one arrow per (round, target) from the strikers' midpoint.
    let mut strikes: Vec<(u32, String, Vec<String>, String)> = Vec::new();
    for r in &o.rounds {
        for s in &r.strikes {
            match strikes
                .iter_mut()
                .find(|x| x.0 == s.round && x.1 == s.target)
            {
                Some(x) => x.2.push(s.striker.clone()),
                None => strikes.push((
                    s.round,
                    s.target.clone(),
                    vec![s.striker.clone()],
                    s.territory.clone(),
                )),
            }
        }
    }
    for (round, target, strikers, territory) in &strikes {
        let ys: Vec<(f64, f64)> = strikers
            .iter()
            .filter_map(|s| layout.pos.get(s).copied())
            .collect();
        let Some(&(tx, ty)) = layout.pos.get(target) else {
            continue;
        };
        if ys.is_empty() {
            continue;
        }
        let sx = ys.iter().map(|p| p.0).fold(f64::MAX, f64::min) + NODE_W;
        let sy = ys.iter().map(|p| p.1).sum::<f64>() / ys.len() as f64;
        let (x1, y1) = (sx + 4.0, sy);
        let (x2, y2) = (tx + NODE_W + 4.0, ty);
        let bend = x1.max(x2) + 40.0 + (*round as f64) * 6.0;
        let _ = writeln!(
            edges,
            r##"<path d="M{x1:.1},{y1:.1} C{bend:.1},{y1:.1} {bend:.1},{y2:.1} {x2:.1},{y2:.1}" stroke="#b22222" stroke-width="1.6" stroke-dasharray="5,3" fill="none" marker-end="url(#strike)"/>"##
        );
        let label = if strikers.len() == 1 {
            format!("R{round}: {} strikes {}", name(kb, &strikers[0]), territory)
        } else {
            format!("R{round}: {} states strike {}", strikers.len(), territory)
        };
        let _ = writeln!(
            edges,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#b22222">{}</text>"##,
            x1 + 6.0,
            y1 - 4.0,
            esc(&label)
        );
    }
    // Supports.
    for s in &o.supports {
        if let (Some(&(ax, ay)), Some(&(bx, by))) =
            (layout.pos.get(&s.supporter), layout.pos.get(&s.recipient))
        {
            let what = s
                .what
                .as_deref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            let _ = writeln!(
                edges,
                r##"<path d="M{:.1},{:.1} L{:.1},{:.1}" stroke="#777" stroke-width="1.5" stroke-dasharray="2,3" fill="none" marker-end="url(#support)"/>"##,
                ax + NODE_W / 2.0,
                ay - NODE_H / 2.0,
                bx + NODE_W / 2.0,
                by + NODE_H / 2.0 + 2.0
            );
            let _ = writeln!(
                edges,
                r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#555">supports{}</text>"##,
                ax + NODE_W / 2.0 + 6.0,
                (ay + by) / 2.0,
                esc(&what)
            );
        }
    }

    // Nodes.
    let conflicted: Vec<&str> = o
        .rounds
        .iter()
        .flat_map(|r| r.conflicts.iter().map(|c| c.state.as_str()))
        .chain(o.cross_pressure.iter().map(|c| c.state.as_str()))
        .collect();
    for (state, &(x, y)) in sorted(&layout.pos) {
        let side = o.side_of(state);
        let (fill, stroke) = match side {
            Some(s) => (side_light(s), side_colour(s)),
            None => ("#f2f2f2", "#888888"),
        };
        let pressured = conflicted.contains(&state.as_str());
        let (stroke, dash, sw) = if pressured {
            ("#ff8c00", r#" stroke-dasharray="4,2""#, 2.5)
        } else {
            (stroke, "", 1.2)
        };
        let mark = if pressured { " ⚠" } else { "" };
        let _ = writeln!(
            body,
            r##"<rect x="{x:.1}" y="{:.1}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"{dash}/><text x="{:.1}" y="{:.1}" font-size="12" fill="#111">{}{mark}</text>"##,
            y - NODE_H / 2.0,
            x + 8.0,
            y + 4.0,
            esc(name(kb, state))
        );
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{FONT}">"##
    );
    let _ = writeln!(
        out,
        r##"<defs><marker id="strike" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#b22222"/></marker><marker id="join0" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker><marker id="join1" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker><marker id="support" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>"##,
        side_colour(Side::Defenders),
        side_colour(Side::Attackers)
    );
    let _ = writeln!(
        out,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let title = o
        .attacks
        .iter()
        .filter(|a| matches!(a.origin, Origin::Given { .. }))
        .map(|a| {
            format!(
                "{} → {} at {}",
                a.attackers
                    .iter()
                    .map(|s| name(kb, s))
                    .collect::<Vec<_>>()
                    .join(", "),
                a.defenders
                    .iter()
                    .map(|s| name(kb, s))
                    .collect::<Vec<_>>()
                    .join(", "),
                a.place
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="30" font-size="18" font-weight="bold" fill="#111">Escalation from {}: {}</text>"##,
        esc(&o.date),
        esc(&title)
    );
    let summary = format!(
        "compliance: {:?}; counter-strikes: {:?}; contested: {:?} — {} belligerents{}",
        o.policy.compliance,
        o.policy.counter_strike,
        o.policy.contested,
        o.belligerents,
        if o.fixpoint {
            ", fixpoint reached"
        } else {
            ", stopped at the round limit"
        }
    )
    .to_lowercase();
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="50" font-size="12" fill="#555">{}</text>"##,
        esc(&summary)
    );
    // Bands and column headers.
    for (side, y, h) in [
        (Side::Defenders, y_def, h_def),
        (Side::Attackers, y_att, h_att),
    ] {
        let _ = writeln!(
            out,
            r##"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{}" fill-opacity="0.25" rx="8"/>"##,
            LEFT - 20.0,
            width - LEFT,
            side_light(side)
        );
        let label = o.side_names.get(&side).cloned().unwrap_or_default();
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="{}" transform="rotate(-90 {:.1} {:.1})" text-anchor="middle">{}</text>"##,
            LEFT - 26.0,
            y + h / 2.0,
            side_colour(side),
            LEFT - 26.0,
            y + h / 2.0,
            esc(&label)
        );
    }
    for c in 0..ncols {
        let x = LEFT + c as f64 * COL_W;
        let n: usize = groups
            .iter()
            .filter(|g| g.round as usize == c)
            .map(|g| g.states.len())
            .sum();
        let sub = if c == 0 {
            "the given attacks".to_string()
        } else {
            format!("{n} state{} join", if n == 1 { "" } else { "s" })
        };
        let _ = writeln!(
            out,
            r##"<text x="{x:.1}" y="{:.1}" font-size="14" font-weight="bold" fill="#222">Round {c}</text><text x="{x:.1}" y="{:.1}" font-size="11" fill="#666">{}</text>"##,
            TOP - 26.0,
            TOP - 10.0,
            esc(&sub)
        );
    }
    if !outside.is_empty() {
        let _ = writeln!(
            out,
            r##"<text x="{LEFT}" y="{:.1}" font-size="12" font-weight="bold" fill="#a05a00">Outside the war (supporters, and states bound toward both sides)</text>"##,
            y_out + 16.0
        );
    }
    out.push_str(&edges);
    out.push_str(&body);
    out.push_str(&tags);
    // Legend.
    let ly = legend_y;
    let _ = writeln!(
        out,
        r##"<g font-size="11" fill="#333"><path d="M{LEFT},{ly:.1} l30,0" stroke="#b22222" stroke-width="3" marker-end="url(#strike)"/><text x="{:.1}" y="{:.1}">attack / counter-strike (dashed)</text><path d="M{:.1},{ly:.1} l30,0" stroke="{}" stroke-width="1.4" marker-end="url(#join0)"/><text x="{:.1}" y="{:.1}">joins, owed to</text><rect x="{:.1}" y="{:.1}" width="24" height="14" rx="4" fill="#fff" stroke="#ff8c00" stroke-width="2.5" stroke-dasharray="4,2"/><text x="{:.1}" y="{:.1}">⚠ bound toward both sides</text><path d="M{:.1},{ly:.1} l30,0" stroke="#777" stroke-width="1.5" stroke-dasharray="2,3"/><text x="{:.1}" y="{:.1}">support short of war</text></g>"##,
        LEFT + 38.0,
        ly + 4.0,
        LEFT + 240.0,
        side_colour(Side::Defenders),
        LEFT + 278.0,
        ly + 4.0,
        LEFT + 390.0,
        ly - 7.0,
        LEFT + 420.0,
        ly + 4.0,
        LEFT + 590.0,
        LEFT + 628.0,
        ly + 4.0
    );
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="{:.1}" font-size="10" fill="#888">casus escalate — verdicts by the casus engine on the shipped knowledge base; a model of obligations, not a forecast.</text>"##,
        ly + 30.0
    );
    out.push_str("</svg>\n");
    out
}

fn sorted(map: &HashMap<String, (f64, f64)>) -> Vec<(&String, &(f64, f64))> {
    let mut v: Vec<_> = map.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}
