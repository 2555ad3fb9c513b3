//! `casus why`: judge an attack and explain every verdict.

use casus_core::engine::{Analysis, Proof, Verdict};
use casus_core::{KnowledgeBase, Truth};
use casus_service::{Service, WhyRequest};

use crate::args::{Format, WhyArgs};
use crate::error::CliError;
use crate::output::{bold, dim, print_csv, print_json, table, verdict};

pub fn run(
    service: &Service,
    args: &WhyArgs,
    places: &super::geo::PlaceFlags,
) -> Result<(), CliError> {
    let kb = service.kb();
    let character = args.character.to_request();
    let request = WhyRequest {
        attackers: args.attackers.clone(),
        defenders: args.defenders.clone(),
        at: args.at.clone(),
        on: args.on.clone(),
        target: args.target.into(),
        intent: character.intent,
        scale: character.scale,
        means: character.means,
        most_populous: places.most_populous,
    };
    let answer = service.why(&request)?;
    let analysis = &answer.analysis;
    match args.format.format {
        Format::Json => print_json(&answer),
        Format::Csv => print_csv(
            &[
                "treaty",
                "article",
                "kind",
                "obligor",
                "beneficiary",
                "verdict",
                "reasons",
            ],
            &analysis
                .verdicts
                .iter()
                .map(|v| {
                    vec![
                        v.treaty.clone(),
                        v.article.clone(),
                        v.kind.label().to_string(),
                        v.obligor.clone(),
                        v.beneficiary.clone(),
                        v.verdict.label().to_string(),
                        v.reasons.join(" "),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Format::Text => {
            let mut text = render_text(kb, analysis, args.proof);
            // How the name was read and the geographic chain go right after
            // the place line.
            let mut lines = super::geo::name_lines(answer.gazetteer.as_ref(), &answer.name_notes);
            if let Some(geo) = &answer.geo {
                lines.extend(super::geo::chain_lines(kb, geo, service.overlay_path()));
            }
            let lines: String = lines.iter().map(|l| format!("  {l}\n")).collect();
            if let Some(i) = text.find("\n  defenders:") {
                text.insert_str(i + 1, &lines);
            }
            print!("{text}");
            if let Some(hit) = &answer.gazetteer {
                for credit in super::geo::credits(true, Some(hit)) {
                    println!("{}", dim(credit));
                }
            }
            Ok(())
        }
    }
}

/// The text report: scenario, verdict table, then grouped reasons.
pub fn render_text(kb: &KnowledgeBase, a: &Analysis, with_proof: bool) -> String {
    let mut out = String::new();
    let names = |ids: &[String]| {
        ids.iter()
            .map(|i| kb.polity_name(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let s = &a.scenario;
    out.push_str(&format!(
        "{} {} by {} at {}\n",
        bold("Attack on"),
        s.date,
        names(&s.attackers),
        s.place.place.as_deref().unwrap_or(&s.place.territory_name)
    ));
    let holder = |h: &Option<String>| {
        h.as_deref()
            .map(|p| kb.polity_name(p).to_string())
            .unwrap_or_else(|| "none recorded".into())
    };
    // history: say why there is no sovereign, and who did not recognise it.
    let status = &s.place.status;
    let mut sovereign = match (&s.place.sovereign, &status.no_sovereign) {
        (None, Some(why)) => format!("none ({})", why.reason),
        (h, _) => holder(h),
    };
    if !status.not_recognised_by.is_empty() {
        let refusers: Vec<String> = status
            .not_recognised_by
            .iter()
            .map(|h| h.polity.clone())
            .collect();
        sovereign.push_str(&format!(" (not recognised by {})", names(&refusers)));
    }
    out.push_str(&format!(
        "  place:     {} — territory {}; sovereign {}; controller {}\n",
        s.place.input,
        s.place.territory_name,
        sovereign,
        holder(&s.place.controller)
            + if s.place.controller_assumed {
                " (assumed: no separate record)"
            } else {
                ""
            }
    ));
    out.push_str(&format!(
        "  defenders: {}\n",
        if s.defenders.is_empty() {
            "none".to_string()
        } else {
            names(&s.defenders)
        }
    ));
    if a.verdicts.is_empty() {
        out.push_str(
            "\nNo commitment in the knowledge base binds anyone to the defenders on this date.\n",
        );
    } else {
        let groups = group(&a.verdicts);
        let mut t = table(&[
            "treaty",
            "art.",
            "kind",
            "obligor(s)",
            "beneficiary",
            "verdict",
        ]);
        for g in &groups {
            let v = g[0];
            t.add_row(vec![
                v.treaty_name.clone(),
                v.article.clone(),
                v.kind.label().to_string(),
                obligors_cell(kb, g),
                kb.polity_name(&v.beneficiary).to_string(),
                verdict(v.verdict),
            ]);
        }
        out.push('\n');
        out.push_str(&t.to_string());
        out.push_str("\n\n");
        out.push_str(&bold("Why"));
        out.push('\n');
        for group in groups {
            let v = group[0];
            let obligors: Vec<&str> = group.iter().map(|g| kb.polity_name(&g.obligor)).collect();
            out.push_str(&format!(
                "\n{} Art. {} ({}, {}) — owed by {} to {}: {}\n",
                v.treaty_name,
                v.article,
                v.kind.label(),
                v.response.label(),
                obligors.join(", "),
                kb.polity_name(&v.beneficiary),
                verdict(v.verdict)
            ));
            for r in &v.reasons {
                out.push_str(&format!("  - {r}\n"));
            }
            if !v.conditions.is_empty() {
                out.push_str(&format!(
                    "  - Conditions on the response: {}.\n",
                    v.conditions.join("; ")
                ));
            }
            for c in &v.claims {
                let mut mark = if c.agrees { "agrees" } else { "DISAGREES" }.to_string();
                if c.hindsight {
                    mark.push_str(
                        ", hindsight: made after the attack, does not change the verdict",
                    );
                }
                out.push_str(&format!(
                    "  - Claim ({mark}): {}, {}, {}: {} [{}]\n",
                    c.speaker, c.office, c.date, c.summary, c.source.citation
                ));
            }
            if with_proof {
                for g in &group {
                    out.push_str(&format!("  proof for {}:\n", kb.polity_name(&g.obligor)));
                    proof_lines(&g.proof, 2, &mut out);
                }
            }
        }
    }
    neighbours_text(kb, a, with_proof, &mut out);
    for n in &a.notes {
        out.push_str(&format!("\nNote: {n}\n"));
    }
    if !with_proof && !a.verdicts.is_empty() {
        out.push_str(&dim("\n(--proof shows every step with its source; --format json gives the full proof tree)\n"));
    }
    out
}

/// The obligors of a group, compact enough for a table cell.
fn obligors_cell(kb: &KnowledgeBase, g: &[&Verdict]) -> String {
    if g.len() > 6 {
        return format!("{} parties (listed below)", g.len());
    }
    g.iter()
        .map(|x| kb.polity_name(&x.obligor))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Verdicts that differ only in the obligor, in order of first appearance.
fn group(verdicts: &[Verdict]) -> Vec<Vec<&Verdict>> {
    let mut groups: Vec<Vec<&Verdict>> = Vec::new();
    for v in verdicts {
        let same = |g: &&mut Vec<&Verdict>| {
            let w = g[0];
            w.treaty == v.treaty
                && w.provision == v.provision
                && w.beneficiary == v.beneficiary
                && w.verdict == v.verdict
                && w.reasons == v.reasons
                && w.claims == v.claims
        };
        match groups.iter_mut().find(same) {
            Some(g) => g.push(v),
            None => groups.push(vec![v]),
        }
    }
    groups
}

fn proof_lines(p: &Proof, depth: usize, out: &mut String) {
    let mark = match p.holds {
        Truth::Yes => "✓",
        Truth::No => "✗",
        Truth::Unknown => "?",
    };
    let indent = "  ".repeat(depth);
    out.push_str(&format!("{indent}{mark} {}", p.statement));
    if let Some(s) = &p.source {
        let unc = if s.uncertain { ", uncertain" } else { "" };
        out.push_str(&dim(&format!("  [{}{unc}; {}]", s.citation, s.at)));
    }
    out.push('\n');
    for q in &p.premises {
        proof_lines(q, depth + 1, out);
    }
}

/// Threatened neighbours (docs/events.md): one short line per provision,
/// apart from the obligations toward the attacked state.
fn neighbours_text(kb: &KnowledgeBase, a: &Analysis, with_proof: bool, out: &mut String) {
    if a.neighbours.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n{}\n",
        bold("Threatened neighbours (consultations at their request)")
    ));
    let mut i = 0;
    while i < a.neighbours.len() {
        let first = &a.neighbours[i];
        let same: Vec<_> = a.neighbours[i..]
            .iter()
            .take_while(|n| {
                n.treaty == first.treaty
                    && n.provision == first.provision
                    && n.verdict == first.verdict
            })
            .collect();
        let parties: Vec<String> = same
            .iter()
            .map(|n| {
                let borders: Vec<&str> = n
                    .borders_attacked
                    .iter()
                    .chain(&n.borders_attacker)
                    .map(|b| kb.polity_name(b))
                    .collect();
                format!(
                    "{} (borders {})",
                    kb.polity_name(&n.party),
                    borders.join(", ")
                )
            })
            .collect();
        out.push_str(&format!(
            "  {} Art. {} ({}) — {}, at the request of: {}\n",
            first.treaty_name,
            first.article,
            first.kind.label(),
            verdict(first.verdict),
            parties.join("; ")
        ));
        if with_proof || first.verdict != casus_core::VerdictKind::Triggered {
            for n in &same {
                for r in &n.reasons {
                    out.push_str(&format!("    - {r}\n"));
                }
                if with_proof {
                    proof_lines(&n.proof, 3, out);
                }
            }
        }
        i += same.len();
    }
}
