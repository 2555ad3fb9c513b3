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
const TOP: f64 = 120.0;
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
    // When nobody joins at all, say why (the engine's reasons, round 1).
    let mut why_lines: Vec<String> = Vec::new();
    if groups.is_empty() {
        if let Some(r1) = o.rounds.get(1) {
            for d in r1.declined.iter().take(3) {
                let text = format!(
                    "{} → {}: not triggered. {}",
                    crate::graph::provision_label(&d.treaty_name, &d.article),
                    name(kb, &d.beneficiary),
                    d.reasons.first().cloned().unwrap_or_default()
                );
                why_lines.extend(wrap(&text, 120));
            }
            for n in r1.not_acted.iter().take(3) {
                let text = format!(
                    "{} → {} ({}): {}",
                    n.obligation.label(),
                    name(kb, &n.obligation.beneficiary),
                    name(kb, &n.obligation.obligor),
                    n.why
                );
                why_lines.extend(wrap(&text, 120));
            }
        }
    }
    let y_why = y_out + h_out + 10.0;
    let h_why = if why_lines.is_empty() {
        0.0
    } else {
        30.0 + 15.0 * why_lines.len() as f64
    };
    let legend_y = y_why + h_why + 20.0;
    let width = (LEFT + ncols as f64 * COL_W + 40.0).max(1000.0);
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
    // Joins: one bracket per joining group, and one curve from it to the
    // beneficiary.
    for g in &groups {
        let ys: Vec<(f64, f64)> = g
            .states
            .iter()
            .filter_map(|s| layout.pos.get(s).copied())
            .collect();
        let Some(&(bx, by)) = layout.pos.get(&g.beneficiary) else {
            continue;
        };
        if ys.is_empty() {
            continue;
        }
        let x = ys[0].0 - 10.0;
        let top = ys.iter().map(|p| p.1).fold(f64::MAX, f64::min);
        let bottom = ys.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        let colour = side_colour(g.side);
        let _ = writeln!(
            edges,
            r##"<path d="M{:.1},{top:.1} L{x:.1},{top:.1} L{x:.1},{bottom:.1} L{:.1},{bottom:.1}" stroke="{colour}" stroke-width="2" fill="none"/>"##,
            x + 8.0,
            x + 8.0
        );
        for &(_, y) in &ys {
            let _ = writeln!(
                edges,
                r##"<path d="M{x:.1},{y:.1} l8,0" stroke="{colour}" stroke-width="1.5"/>"##
            );
        }
        let (x1, y1) = (x, (top + bottom) / 2.0);
        let (x2, y2) = (bx + NODE_W + 3.0, by);
        let mid = (x1 + x2) / 2.0;
        let _ = writeln!(
            edges,
            r##"<path d="M{x1:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {x2:.1},{y2:.1}" stroke="{colour}" stroke-width="2.2" fill="none" marker-end="url(#join{})"/>"##,
            lane(g.side)
        );
    }
    // Strikes that bring someone in (their attack triggered a join): one
    // arrow per (round, target). Strikes that bring nobody new in are
    // summarised in the footer.
    let consequential: Vec<usize> = o.joins().map(|j| j.attack).collect();
    let mut strike_notes: Vec<String> = vec![String::new(); ncols];
    let mut later_strikes = 0usize;
    let mut later_rounds: Vec<u32> = Vec::new();
    for r in &o.rounds {
        let mut strikers_of_round: Vec<&str> = Vec::new();
        let mut targets: Vec<(&str, Vec<&str>)> = Vec::new();
        // A (round, target) is drawn when one of its strikes brought someone in.
        let drawn_target = |t: &str| {
            r.strikes
                .iter()
                .any(|s| s.target == t && consequential.contains(&s.attack))
        };
        for s in &r.strikes {
            if !drawn_target(&s.target) {
                later_strikes += 1;
                if !later_rounds.contains(&s.round) {
                    later_rounds.push(s.round);
                }
                continue;
            }
            if !strikers_of_round.contains(&s.striker.as_str()) {
                strikers_of_round.push(&s.striker);
            }
            match targets.iter_mut().find(|t| t.0 == s.target) {
                Some(t) => t.1.push(&s.striker),
                None => targets.push((&s.target, vec![&s.striker])),
            }
        }
        for (i, (target, strikers)) in targets.iter().enumerate() {
            let ps: Vec<(f64, f64)> = strikers
                .iter()
                .filter_map(|s| layout.pos.get(*s).copied())
                .collect();
            let Some(&(tx, ty)) = layout.pos.get(*target) else {
                continue;
            };
            if ps.is_empty() {
                continue;
            }
            let sx = ps.iter().map(|p| p.0).fold(f64::MAX, f64::min) + NODE_W + 6.0;
            let sy = ps.iter().map(|p| p.1).sum::<f64>() / ps.len() as f64;
            let (x2, y2) = (tx + NODE_W + 4.0, ty + 6.0);
            let bend = sx + 30.0 + i as f64 * 4.0;
            let _ = writeln!(
                edges,
                r##"<path d="M{sx:.1},{sy:.1} C{bend:.1},{sy:.1} {bend:.1},{:.1} {:.1},{:.1} S{:.1},{y2:.1} {x2:.1},{y2:.1}" stroke="#b22222" stroke-width="1.6" stroke-dasharray="6,3" stroke-opacity="0.8" fill="none" marker-end="url(#strike)"/>"##,
                (sy + y2) / 2.0,
                (sx + x2) / 2.0 + 40.0,
                (sy + y2) / 2.0,
                x2 + 60.0
            );
        }
        if !targets.is_empty() && (r.round as usize) < ncols {
            let names: Vec<&str> = targets.iter().map(|t| name(kb, t.0)).collect();
            strike_notes[r.round as usize] = format!("⇢ strikes on {}", short(&names, 3));
        }
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
        "compliance: {}; counter-strikes: {}; contested obligations: {} — {} belligerents after {} round{}{}",
        match o.policy.compliance {
            crate::policy::Compliance::All => "all honoured",
            crate::policy::Compliance::Automatic => "automatic only",
            crate::policy::Compliance::Probabilistic => "probabilistic (largest cascade shown)",
        },
        match o.policy.counter_strike {
            crate::policy::CounterStrike::Homeland => "on the attackers' homeland",
            crate::policy::CounterStrike::None => "none",
        },
        match o.policy.contested {
            crate::policy::ContestedRule::StayOut => "stay out",
            crate::policy::ContestedRule::Join => "join",
        },
        o.belligerents,
        o.rounds.len().saturating_sub(1),
        if o.rounds.len() == 2 { "" } else { "s" },
        if o.fixpoint { ", fixpoint reached" } else { ", stopped at the round limit" }
    );
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
    for (c, note) in strike_notes.iter().enumerate() {
        let x = LEFT + c as f64 * COL_W;
        let n: usize = groups
            .iter()
            .filter(|g| g.round as usize == c)
            .map(|g| g.states.len())
            .sum();
        let sub = if c == 0 {
            "the given attacks".to_string()
        } else if n == 0 {
            "nobody new joins".to_string()
        } else {
            format!("{n} state{} join", if n == 1 { "" } else { "s" })
        };
        let _ = writeln!(
            out,
            r##"<text x="{x:.1}" y="{:.1}" font-size="14" font-weight="bold" fill="#222">Round {c}</text><text x="{x:.1}" y="{:.1}" font-size="11" fill="#666">{}</text><text x="{x:.1}" y="{:.1}" font-size="11" fill="#b22222">{}</text>"##,
            TOP - 40.0,
            TOP - 25.0,
            esc(&sub),
            TOP - 11.0,
            esc(note)
        );
    }
    if !outside.is_empty() {
        let _ = writeln!(
            out,
            r##"<text x="{LEFT}" y="{:.1}" font-size="12" font-weight="bold" fill="#a05a00">Outside the war (supporters, and states bound toward both sides)</text>"##,
            y_out + 16.0
        );
    }
    if !why_lines.is_empty() {
        let _ = writeln!(
            out,
            r##"<text x="{LEFT}" y="{:.1}" font-size="12" font-weight="bold" fill="#2f6b2f">Round 1: nobody joins — why</text>"##,
            y_why + 16.0
        );
        for (i, l) in why_lines.iter().enumerate() {
            let _ = writeln!(
                out,
                r##"<text x="{LEFT}" y="{:.1}" font-size="11" fill="#333">{}</text>"##,
                y_why + 34.0 + 15.0 * i as f64,
                esc(l)
            );
        }
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
    if later_strikes > 0 {
        later_rounds.sort();
        let rounds: Vec<String> = later_rounds.iter().map(|r| r.to_string()).collect();
        let _ = writeln!(
            out,
            r##"<text x="{LEFT}" y="{:.1}" font-size="11" fill="#b22222">Not drawn: {later_strikes} further strikes (rounds {}) that bring nobody new in.</text>"##,
            ly + 22.0,
            rounds.join(", ")
        );
    }
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="{:.1}" font-size="10" fill="#888">casus escalate — verdicts by the casus engine on the shipped knowledge base; a model of obligations, not a forecast.</text>"##,
        ly + 42.0
    );
    out.push_str("</svg>\n");
    out
}

/// Greedy word wrap at `width` characters; continuation lines are indented.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
            line.push_str("    ");
        }
        if !line.is_empty() && !line.ends_with("    ") {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

fn short(items: &[&str], max: usize) -> String {
    if items.len() <= max {
        items.join(", ")
    } else {
        format!("{} and {} more", items[..max].join(", "), items.len() - max)
    }
}

fn sorted(map: &HashMap<String, (f64, f64)>) -> Vec<(&String, &(f64, f64))> {
    let mut v: Vec<_> = map.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}
