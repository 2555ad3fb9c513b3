//! `casus escalate`: build the scenario (file or flags), run the cascade
//! (and Monte Carlo, and a counterfactual when asked), and render the ladder,
//! JSON, DOT, Mermaid or SVG.

use std::io::IsTerminal;
use std::path::Path;

use casus_core::KnowledgeBase;
use casus_escalate::cascade::{origin_label, Join, Outcome, Side};
use casus_escalate::counterfactual::{Diff, JoinChange};
use casus_escalate::montecarlo::MonteCarlo;
use casus_escalate::render::{dot::to_dot, mermaid::to_mermaid, svg::to_svg};
use casus_escalate::{Compliance, ContestedRule, CounterStrike, SupportRule};
use casus_service::escalate::Progress;
use casus_service::{
    ComplianceKind, ContestedKind, CounterStrikeKind, EscalateRequest, ScenarioDocument, Service,
    SupportCountsKind,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::{
    ComplianceArg, ContestedArg, CounterStrikeArg, EscalateArgs, EscalateFormat, SupportArg,
};
use crate::error::CliError;
use crate::output::{bold, dim, table};

/// The service request for the arguments (the scenario file read here,
/// within its size limit).
fn request(
    args: &EscalateArgs,
    places: &super::geo::PlaceFlags,
) -> Result<EscalateRequest, CliError> {
    let flags_given = !args.attackers.is_empty() || args.at.is_some();
    let scenario = match &args.scenario {
        Some(path) => {
            if flags_given {
                return Err(CliError::Usage(
                    "give a scenario file or --attacker/--at/--on, not both".into(),
                ));
            }
            let text = casus_core::limits::read_text_file(
                path,
                "scenario file",
                casus_core::limits::MAX_SCENARIO_FILE_BYTES,
            )
            .map_err(|e| CliError::Data(e.to_string()))?;
            Some(ScenarioDocument {
                name: path.display().to_string(),
                toml: text,
            })
        }
        None => None,
    };
    let character = args.character.to_request();
    Ok(EscalateRequest {
        scenario,
        attackers: args.attackers.clone(),
        defenders: args.defenders.clone(),
        at: args.at.clone(),
        on: args.on.clone(),
        target: args.target.into(),
        intent: character.intent,
        scale: character.scale,
        means: character.means,
        supports: args.supports.clone(),
        policy: args.policy.map(|c| match c {
            ComplianceArg::All => ComplianceKind::All,
            ComplianceArg::Automatic => ComplianceKind::Automatic,
            ComplianceArg::Probabilistic => ComplianceKind::Probabilistic,
        }),
        counter_strike: args.counter_strike.map(|c| match c {
            CounterStrikeArg::Homeland => CounterStrikeKind::Homeland,
            CounterStrikeArg::None => CounterStrikeKind::None,
        }),
        contested: args.contested.map(|c| match c {
            ContestedArg::StayOut => ContestedKind::StayOut,
            ContestedArg::Join => ContestedKind::Join,
        }),
        support_counts: args.support_counts.map(|s| match s {
            SupportArg::Bystander => SupportCountsKind::Bystander,
            SupportArg::Belligerent => SupportCountsKind::Belligerent,
        }),
        max_rounds: args.max_rounds,
        runs: args.runs,
        seed: args.seed,
        without: args.without.clone(),
        with: args.with.clone(),
        most_populous: places.most_populous,
    })
}

/// A line on stderr every few seconds for long Monte Carlo runs when stderr
/// is not a terminal (the progress bar is hidden there), so a run in a
/// script or CI shows it is alive.
struct Heartbeat {
    label: String,
    total: u64,
    done: std::sync::atomic::AtomicU64,
    last: std::sync::Mutex<std::time::Instant>,
    every: std::time::Duration,
    enabled: bool,
}

impl Heartbeat {
    /// Every 5 s; CASUS_HEARTBEAT_MS sets another interval (the tests use it).
    fn every() -> std::time::Duration {
        let ms = std::env::var("CASUS_HEARTBEAT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(5000);
        std::time::Duration::from_millis(ms)
    }

    fn new(label: &str, total: u64) -> Heartbeat {
        Heartbeat {
            label: label.to_string(),
            total,
            done: Default::default(),
            last: std::sync::Mutex::new(std::time::Instant::now()),
            every: Self::every(),
            enabled: !std::io::stderr().is_terminal(),
        }
    }

    fn add(&self, k: u64) {
        if !self.enabled {
            return;
        }
        let done = self.done.fetch_add(k, std::sync::atomic::Ordering::Relaxed) + k;
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.elapsed() >= self.every {
            *last = std::time::Instant::now();
            eprintln!(
                "casus escalate: {}: {done}/{} runs ({}%)",
                self.label,
                self.total,
                done * 100 / self.total.max(1)
            );
        }
    }
}

/// Monte Carlo progress on the terminal: a bar on a TTY, a heartbeat line
/// otherwise.
#[derive(Default)]
struct TerminalProgress {
    current: std::sync::RwLock<Option<(ProgressBar, Heartbeat)>>,
}

impl Progress for TerminalProgress {
    fn start(&self, label: &str, total: u64) {
        let bar = ProgressBar::new(total);
        if std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} runs, eta {eta}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(label.to_string());
        } else {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        if let Ok(mut current) = self.current.write() {
            *current = Some((bar, Heartbeat::new(label, total)));
        }
    }

    fn advance(&self, k: u64) {
        if let Ok(current) = self.current.read() {
            if let Some((bar, beat)) = current.as_ref() {
                bar.inc(k);
                beat.add(k);
            }
        }
    }

    fn finish(&self) {
        if let Ok(mut current) = self.current.write() {
            if let Some((bar, _)) = current.take() {
                bar.finish_and_clear();
            }
        }
    }
}

pub fn run(
    service: &Service,
    args: &EscalateArgs,
    places: &super::geo::PlaceFlags,
) -> Result<(), CliError> {
    let kb = service.kb();
    if let Some(out) = &args.output {
        if out.is_dir() {
            return Err(CliError::Usage(format!(
                "-o {}: is a directory; give a file name",
                out.display()
            )));
        }
        if out.exists() && !args.force {
            return Err(CliError::Usage(format!(
                "-o {}: the file exists; add --force to replace it (nothing was written)",
                out.display()
            )));
        }
    }
    let report = service.escalate(&request(args, places)?, &TerminalProgress::default())?;
    let picture = report.picture();
    let text = match args.format {
        EscalateFormat::Dot => to_dot(kb, picture),
        EscalateFormat::Mermaid => to_mermaid(kb, picture),
        EscalateFormat::Svg => to_svg(kb, picture),
        EscalateFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report)?;
            s.push('\n');
            s
        }
        EscalateFormat::Text => {
            let (actual, counterfactual, diff) =
                (&report.actual, &report.counterfactual, &report.diff);
            let mut s = ladder(kb, &actual.outcome);
            if let Some(mc) = &actual.monte_carlo {
                s.push_str(&monte_carlo_text(kb, &actual.outcome, mc));
            }
            if let (Some(cf), Some(d)) = (counterfactual, diff) {
                s.push_str(&diff_text(kb, &actual.outcome, &cf.outcome, d));
                if let Some(mc) = &cf.monte_carlo {
                    s.push_str(&format!("\n{}\n", bold("Counterfactual Monte Carlo")));
                    s.push_str(&monte_carlo_text(kb, &cf.outcome, mc));
                }
            }
            s
        }
    };
    write_out(args.output.as_deref(), &text)
}

fn write_out(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| CliError::Data(format!("cannot write {}: {e}", p.display()))),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            Ok(())
        }
    }
}

/// "a, b, c and 5 more"
fn short_list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join(", ")
    } else {
        format!("{} and {} more", items[..max].join(", "), items.len() - max)
    }
}

fn names(kb: &KnowledgeBase, ids: &[String]) -> String {
    ids.iter()
        .map(|i| kb.polity_name(i))
        .collect::<Vec<_>>()
        .join(", ")
}

fn side_name(o: &Outcome, s: Side) -> String {
    o.side_names
        .get(&s)
        .cloned()
        .unwrap_or_else(|| format!("{s:?}"))
}

/// Joins that share the provision, beneficiary and reason, in order.
fn group_joins(joins: &[Join]) -> Vec<Vec<&Join>> {
    let mut groups: Vec<Vec<&Join>> = Vec::new();
    for j in joins {
        match groups.iter_mut().find(|g| {
            let f = g[0];
            f.obligation.treaty == j.obligation.treaty
                && f.obligation.provision == j.obligation.provision
                && f.obligation.beneficiary == j.obligation.beneficiary
                && f.obligation.reason == j.obligation.reason
                && f.side == j.side
        }) {
            Some(g) => {
                if !g.iter().any(|x| x.state == j.state) {
                    g.push(j)
                }
            }
            None => groups.push(vec![j]),
        }
    }
    groups
}

/// The round-by-round ladder.
fn ladder(kb: &KnowledgeBase, o: &Outcome) -> String {
    let mut out = String::new();
    let p = &o.policy;
    out.push_str(&format!("{} {}\n", bold("Escalation from"), o.date));
    out.push_str(&dim(&format!(
        "  policy: compliance {}; counter-strikes: {}; contested obligations: {}; support: {}; at most {} rounds\n",
        match p.compliance {
            Compliance::All => "all (every triggered defense obligation honoured)",
            Compliance::Automatic => "automatic (only automatic military assistance honoured)",
            Compliance::Probabilistic => "probabilistic (ladder shows the largest cascade; see Monte Carlo)",
        },
        match p.counter_strike {
            CounterStrike::Homeland => "joining states strike the attackers' homeland",
            CounterStrike::None => "none",
        },
        match p.contested {
            ContestedRule::StayOut => "stay out",
            ContestedRule::Join => "join",
        },
        match p.support {
            SupportRule::Bystander => "supporters stay out",
            SupportRule::Belligerent => "supporters count as co-attackers",
        },
        p.max_rounds
    )));
    for r in &o.rounds {
        out.push('\n');
        if r.round == 0 {
            out.push_str(&format!("{}\n", bold("Round 0 — the given attacks")));
            for &a in &r.attacks {
                let node = &o.attacks[a];
                out.push_str(&format!(
                    "  {} attack{} {} at {} (territory {})\n",
                    names(kb, &node.attackers),
                    if node.attackers.len() == 1 { "s" } else { "" },
                    names(kb, &node.defenders),
                    node.place,
                    node.territory
                ));
            }
            for s in &o.supports {
                out.push_str(&format!(
                    "  {} supports {}{} — short of belligerence{}\n",
                    kb.polity_name(&s.supporter),
                    kb.polity_name(&s.recipient),
                    s.what
                        .as_deref()
                        .map(|w| format!(" ({w})"))
                        .unwrap_or_default(),
                    if p.support == SupportRule::Belligerent {
                        ", counted as a co-attacker"
                    } else {
                        ""
                    }
                ));
            }
            continue;
        }
        out.push_str(&format!(
            "{}\n",
            bold(&format!(
                "Round {} — judging {} attack{} made in round {}",
                r.round,
                r.attacks.len(),
                if r.attacks.len() == 1 { "" } else { "s" },
                r.round - 1
            ))
        ));
        if r.round > 1 {
            let mut targets: Vec<String> = r
                .attacks
                .iter()
                .map(|&a| origin_label(kb, &o.attacks[a]))
                .collect();
            targets.dedup();
            if targets.len() <= 6 {
                for t in targets {
                    out.push_str(&dim(&format!("  ({t})\n")));
                }
            }
        }
        if r.joins.is_empty() {
            out.push_str("  Nobody joins.\n");
        }
        for side in [Side::Defenders, Side::Attackers] {
            let joins: Vec<Join> = r.joins.iter().filter(|j| j.side == side).cloned().collect();
            if joins.is_empty() {
                continue;
            }
            out.push_str(&format!("  Join {}:\n", side_name(o, side)));
            for g in group_joins(&joins) {
                let j = g[0];
                let states: Vec<String> = g.iter().map(|x| x.state.clone()).collect();
                out.push_str(&format!(
                    "    + {} — {} ({}, {}) owed to {}: {}. {}\n",
                    names(kb, &states),
                    j.obligation.label(),
                    j.obligation.kind.label(),
                    j.obligation.response.label(),
                    kb.polity_name(&j.obligation.beneficiary),
                    j.obligation.verdict.label(),
                    j.obligation.reason
                ));
            }
        }
        if !r.also_honoured.is_empty() {
            let mut labels: Vec<String> = Vec::new();
            for j in &r.also_honoured {
                let l = format!(
                    "{} to {}",
                    j.obligation.label(),
                    kb.polity_name(&j.obligation.beneficiary)
                );
                if !labels.contains(&l) {
                    labels.push(l);
                }
            }
            out.push_str(&format!(
                "  Also bound, already on that side: {} obligation{} ({})\n",
                r.also_honoured.len(),
                if r.also_honoured.len() == 1 { "" } else { "s" },
                short_list(&labels, 6)
            ));
        }
        if !r.strikes.is_empty() {
            // Group by the set of strikers: "these states strike those targets".
            let mut by_target: Vec<(String, Vec<String>)> = Vec::new();
            for s in &r.strikes {
                match by_target.iter_mut().find(|x| x.0 == s.target) {
                    Some(x) => x.1.push(s.striker.clone()),
                    None => by_target.push((s.target.clone(), vec![s.striker.clone()])),
                }
            }
            let mut by_strikers: Vec<(Vec<String>, Vec<String>)> = Vec::new();
            for (target, mut strikers) in by_target {
                strikers.sort();
                match by_strikers.iter_mut().find(|x| x.0 == strikers) {
                    Some(x) => x.1.push(target),
                    None => by_strikers.push((strikers, vec![target])),
                }
            }
            for (strikers, targets) in by_strikers {
                let sn: Vec<String> = strikers
                    .iter()
                    .map(|s| kb.polity_name(s).to_string())
                    .collect();
                let tn: Vec<String> = targets
                    .iter()
                    .map(|s| kb.polity_name(s).to_string())
                    .collect();
                out.push_str(&format!(
                    "  Strikes: {} → homeland of {}\n",
                    short_list(&sn, 8),
                    short_list(&tn, 8)
                ));
            }
        }
        for c in &r.conflicts {
            out.push_str(&format!(
                "  ! Conflict: {} is bound by {} to help {} ({}), but is already on {}; it does not switch.\n",
                kb.polity_name(&c.state),
                c.obligation.label(),
                kb.polity_name(&c.obligation.beneficiary),
                side_name(o, c.bound_to),
                side_name(o, c.on)
            ));
        }
        for b in dedup_breaches(kb, r) {
            out.push_str(&format!("  ! Breach: {b}\n"));
        }
        let mut not_acted: Vec<String> = Vec::new();
        for n in &r.not_acted {
            let line = format!(
                "{} — {} owed to {}: {}: {}",
                kb.polity_name(&n.obligation.obligor),
                n.obligation.label(),
                kb.polity_name(&n.obligation.beneficiary),
                n.obligation.verdict.label(),
                n.why
            );
            if !not_acted.contains(&line) {
                not_acted.push(line);
            }
        }
        if !not_acted.is_empty() {
            out.push_str("  Not acted on under the policy:\n");
            for l in not_acted {
                out.push_str(&format!("    - {l}\n"));
            }
        }
        let mut declined: Vec<String> = Vec::new();
        for d in &r.declined {
            let line = format!(
                "{} owed by {} to {}: not triggered. {}",
                casus_escalate::graph::provision_label(&d.treaty_name, &d.article),
                names(kb, &d.obligors),
                kb.polity_name(&d.beneficiary),
                d.reasons.join(" ")
            );
            if !declined.contains(&line) {
                declined.push(line);
            }
        }
        if !declined.is_empty() {
            out.push_str("  Not triggered:\n");
            for l in declined {
                out.push_str(&format!("    - {l}\n"));
            }
        }
    }
    out.push('\n');
    if o.fixpoint {
        out.push_str(&format!(
            "{} after round {}: no new attack to judge.\n",
            bold("Fixpoint"),
            o.rounds.len() - 1
        ));
    } else {
        out.push_str(&format!(
            "{} the round limit ({}) was reached with attacks still unjudged.\n",
            bold("Stopped:"),
            o.policy.max_rounds
        ));
    }
    out.push_str(&format!("{} belligerents.\n", o.belligerents));
    for (side, v) in &o.sides {
        let list: Vec<String> = v
            .iter()
            .map(|b| format!("{} (R{})", b.name, b.round))
            .collect();
        out.push_str(&format!(
            "  {} ({}): {}\n",
            side_name(o, *side),
            v.len(),
            list.join(", ")
        ));
    }
    if !o.cross_pressure.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            bold("Cross-pressure: states bound toward both sides")
        ));
        for cp in &o.cross_pressure {
            let status = match cp.side {
                Some(s) => format!("fights on {}", side_name(o, s)),
                None => "not fighting".to_string(),
            };
            out.push_str(&format!("  {} ({status})\n", cp.name));
            for (side, ties) in &cp.ties {
                let list: Vec<String> = ties
                    .iter()
                    .map(|t| {
                        let engaged = match t.engaged_in_round {
                            Some(r) => format!("; engaged in round {r}"),
                            None => String::new(),
                        };
                        format!(
                            "{} ({}, {}; to {}{engaged})",
                            t.label,
                            t.kind.label(),
                            t.response.label(),
                            names(kb, &t.toward)
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    "    toward {}: {}\n",
                    side_name(o, *side),
                    list.join("; ")
                ));
            }
        }
    }
    out
}

fn dedup_breaches(kb: &KnowledgeBase, r: &casus_escalate::cascade::Round) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in &r.breaches {
        let line = format!(
            "{} attacks {} despite {} (non-aggression): {}",
            kb.polity_name(&b.obligor),
            kb.polity_name(&b.beneficiary),
            casus_escalate::graph::provision_label(&b.treaty_name, &b.article),
            b.verdict.label()
        );
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

fn monte_carlo_text(kb: &KnowledgeBase, o: &Outcome, mc: &MonteCarlo) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\n{} {} runs, seed {} ({} attacks judged once, then sampled)\n",
        bold("Monte Carlo:"),
        mc.runs,
        mc.seed,
        mc.attacks_judged
    ));
    let probs: Vec<String> = o
        .policy
        .probabilities
        .by_response
        .iter()
        .map(|(r, p)| format!("{} {p}", r.label()))
        .chain(
            o.policy
                .probabilities
                .by_treaty
                .iter()
                .map(|(t, p)| format!("{t} {p}")),
        )
        .collect();
    out.push_str(&dim(&format!(
        "  honouring probabilities: {}\n",
        probs.join("; ")
    )));
    if mc.states.is_empty() {
        out.push_str("  No state is drawn in in any run.\n");
    } else {
        let mut t = table(&[
            "state",
            "drawn in",
            &side_name(o, Side::Defenders),
            &side_name(o, Side::Attackers),
        ]);
        for s in &mc.states {
            t.add_row(vec![
                s.name.clone(),
                pct(s.drawn_in),
                pct(s.on_defenders_side),
                pct(s.on_attackers_side),
            ]);
        }
        out.push_str(&format!("{t}\n"));
    }
    out.push_str(&format!(
        "  Belligerents per run (mean {:.2}):\n",
        mc.mean_belligerents
    ));
    for (n, share) in &mc.belligerents {
        let bar = "#".repeat((share * 50.0).round() as usize);
        out.push_str(&format!("    {n:>3}  {:>7}  {bar}\n", pct(*share)));
    }
    out.push_str("  Most frequent paths:\n");
    for p in &mc.paths {
        let steps = if p.steps.is_empty() {
            "nobody joins".to_string()
        } else {
            p.steps
                .iter()
                .map(|s| format!("R{} {}", s.round, s.provision))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        out.push_str(&format!("    {:>7}  {steps}\n", pct(p.share)));
    }
    let _ = kb;
    out
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn diff_text(kb: &KnowledgeBase, actual: &Outcome, cf: &Outcome, d: &Diff) -> String {
    let mut out = String::new();
    let edits: Vec<String> = d.edits.iter().map(|e| e.to_string()).collect();
    out.push_str(&format!(
        "\n{} {}\n",
        bold("Counterfactual:"),
        edits.join(", ")
    ));
    let mut t = table(&["", "actual", "counterfactual"]);
    t.add_row(vec![
        "belligerents".to_string(),
        d.belligerents.0.to_string(),
        d.belligerents.1.to_string(),
    ]);
    t.add_row(vec![
        "rounds".to_string(),
        d.rounds.0.to_string(),
        d.rounds.1.to_string(),
    ]);
    for side in [Side::Defenders, Side::Attackers] {
        let list = |o: &Outcome| {
            o.sides
                .get(&side)
                .map(|v| {
                    let names: Vec<String> = v.iter().map(|b| b.name.clone()).collect();
                    format!("{}: {}", names.len(), short_list(&names, 6))
                })
                .unwrap_or_default()
        };
        t.add_row(vec![side_name(actual, side), list(actual), list(cf)]);
    }
    out.push_str(&format!("{t}\n"));
    let show = |c: &Option<casus_escalate::counterfactual::JoinSummary>, o: &Outcome| match c {
        Some(j) => format!(
            "R{} joins {} via {} (to {})",
            j.round,
            side_name(o, j.side),
            j.provision,
            kb.polity_name(&j.beneficiary)
        ),
        None => "—".to_string(),
    };
    let section = |title: &str, list: &[JoinChange], out: &mut String| {
        if list.is_empty() {
            return;
        }
        out.push_str(&format!("  {title}:\n"));
        let mut t = table(&["state", "actual", "counterfactual"]);
        for c in list {
            t.add_row(vec![
                c.name.clone(),
                show(&c.actual, actual),
                show(&c.counterfactual, cf),
            ]);
        }
        out.push_str(&format!("{t}\n"));
    };
    if d.disappeared.is_empty() && d.appeared.is_empty() && d.changed.is_empty() {
        out.push_str("  The edits change no join.\n");
    }
    section("Joins that disappear", &d.disappeared, &mut out);
    section("Joins that appear", &d.appeared, &mut out);
    section("Joins that change", &d.changed, &mut out);
    out
}
