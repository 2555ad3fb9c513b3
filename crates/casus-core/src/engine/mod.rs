//! The trigger engine: for an attack (attackers, defenders, place, date) it
//! decides, for each relevant (treaty provision, obligor, beneficiary),
//! whether the obligation is `triggered`, `not_triggered` or `contested`, and
//! builds a proof tree whose leaves are sourced facts.
//!
//! The rule is a three-valued conjunction: every premise (treaty in force,
//! both parties bound, no suspension, attack in scope, adversary matches, …)
//! is Yes, No or Unknown. Any No gives `not_triggered`; otherwise any Unknown
//! gives `contested`; otherwise `triggered`. Official claims that disagree
//! with the result make it `contested`. Output order is deterministic:
//! treaties by id, provisions in file order, obligors and beneficiaries by id.
//!
//! Two paths share one rule: [`analyse`] writes every premise as a proof;
//! [`verdicts`] (and [`verdicts_at`], [`verdicts_where`]) decide the same
//! premises with the same functions and write nothing, for callers that
//! judge many attacks; [`explain`] writes the reasons for chosen verdicts
//! from the premises that decide them.

#[macro_use]
mod text;

mod adversary;
mod attacker;
mod between_parties;
mod character;
mod claims;
mod in_force;
mod judge;
mod neighbours;
mod non_state;
mod participation;
mod party;
mod report;
mod reservation;
mod scope;
mod walk;

pub use character::{AttackCharacter, Intent, Means, Scale};
pub use neighbours::NeighbourVerdict;
pub use report::*;

use jiff::civil::Date;
use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::Provision;
use crate::query::{place_status, ResolvedPlace, TerritoryStatus};
use crate::time::Truth;

use judge::Ctx;
use party::Members;
use walk::{instrument_notes, walk};

/// What was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The territory at the place.
    #[default]
    Territory,
    /// The defenders' forces, vessels or aircraft at the place.
    Forces,
}

/// An armed attack to judge.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    pub place: ResolvedPlace,
    pub date: Date,
    pub target: Target,
    /// Intent, scale and means of the event (default: a deliberate armed
    /// attack by kinetic means).
    pub character: AttackCharacter,
}

/// The default defenders for an attack at a place: its sovereign and its
/// controller on the date (deduplicated, attackers removed).
pub fn default_defenders(
    kb: &KnowledgeBase,
    place: &ResolvedPlace,
    date: Date,
    attackers: &[String],
) -> Vec<String> {
    let status = place_status(kb, place, date);
    let mut out = Vec::new();
    for h in status
        .main_sovereign()
        .into_iter()
        .chain(status.main_controller())
    {
        if !out.contains(&h.polity) && !attackers.contains(&h.polity) {
            out.push(h.polity.clone());
        }
    }
    out
}

/// Judge one scenario against the whole knowledge base.
pub fn analyse(kb: &KnowledgeBase, scenario: &Scenario) -> Analysis {
    let status = place_status(kb, &scenario.place, scenario.date);
    // Room for a typical answer: a verdict is large, and growing the vector
    // copies every one already written.
    let mut verdicts = Vec::with_capacity(64);
    let mut notes = Vec::new();
    let defenders = sorted_defenders(scenario);
    walk(
        kb,
        scenario,
        &status,
        &defenders,
        &|_| true,
        |treaty| instrument_notes(kb, scenario, &defenders, treaty, &mut notes),
        |ctx, _, _, pairs| {
            for (obligor, beneficiary) in pairs {
                verdicts.push(ctx.judge(obligor, beneficiary));
            }
        },
    );
    let main =
        |hs: &[crate::query::Holder]| hs.iter().max_by_key(|h| h.holds).map(|h| h.polity.clone());
    let neighbours = neighbours::threatened_neighbours(kb, scenario, &status, &defenders);
    Analysis {
        scenario: ScenarioReport {
            attackers: scenario.attackers.clone(),
            defenders,
            place: PlaceReport {
                input: scenario.place.input.clone(),
                place: scenario.place.place_name.clone(),
                territory: status.territory.clone(),
                territory_name: status.name.clone(),
                sovereign: main(&status.sovereign),
                controller: main(&status.controller),
                controller_assumed: status.controller_assumed,
                regions: status.regions.clone(),
                status: status.clone(),
            },
            date: scenario.date.to_string(),
            target: scenario.target,
            character: scenario.character,
        },
        verdicts,
        notes,
        neighbours,
    }
}

/// The threatened-neighbour verdicts [`analyse`] reports for a scenario
/// (docs/events.md), on their own.
pub fn threatened_neighbours(kb: &KnowledgeBase, scenario: &Scenario) -> Vec<NeighbourVerdict> {
    let status = place_status(kb, &scenario.place, scenario.date);
    neighbours::threatened_neighbours(kb, scenario, &status, &sorted_defenders(scenario))
}

/// The verdicts [`analyse`] would give, in the same order, without proof
/// trees, reasons or claims: every premise is decided by the same functions,
/// only no statement is written. Claims still make a certain verdict
/// `contested` where `analyse` would.
pub fn verdicts(kb: &KnowledgeBase, scenario: &Scenario) -> Vec<VerdictSummary> {
    let status = place_status(kb, &scenario.place, scenario.date);
    verdicts_at(kb, scenario, &status)
}

/// [`verdicts`] with the place's status on the date already known (it must
/// be `place_status(kb, &scenario.place, scenario.date)`).
pub fn verdicts_at(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
) -> Vec<VerdictSummary> {
    verdicts_where(kb, scenario, status, |_| true)
}

/// [`verdicts_at`] for only the provisions `keep` accepts (the others are
/// skipped, as if the knowledge base did not hold them).
pub fn verdicts_where(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
    keep: impl Fn(&Provision) -> bool,
) -> Vec<VerdictSummary> {
    let defenders = sorted_defenders(scenario);
    let mut out = Vec::new();
    walk(
        kb,
        scenario,
        status,
        &defenders,
        &keep,
        |_| {},
        |ctx, ti, pi, pairs| {
            let in_force = ctx.in_force_truth();
            let adversary = ctx.adversary_truth();
            for (obligor, beneficiary) in pairs {
                let verdict = ctx.verdict_only(in_force, adversary, &obligor, &beneficiary);
                out.push(VerdictSummary {
                    treaty: ti,
                    provision: pi,
                    obligor,
                    beneficiary,
                    kind: ctx.provision.kind,
                    response: ctx.provision.response,
                    verdict,
                });
            }
        },
    );
    out
}

/// The verdict and reasons [`analyse`] gives for each of `summaries` (from
/// [`verdicts_at`] on the same knowledge base, scenario and status), writing
/// only the premises that decide each one.
pub fn explain(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
    summaries: &[&VerdictSummary],
) -> Vec<(VerdictKind, Vec<String>)> {
    let mut out = Vec::with_capacity(summaries.len());
    let mut ctx: Option<(usize, usize, Ctx<'_>, Truth, Truth)> = None;
    for v in summaries {
        let fresh = !matches!(&ctx, Some((t, p, ..)) if *t == v.treaty && *p == v.provision);
        if fresh {
            let treaty = v.treaty(kb);
            let members = Members::on(treaty, scenario.date);
            let c = Ctx::new(kb, scenario, status, treaty, v.provision(kb), members);
            let (in_force, adversary) = (c.in_force_truth(), c.adversary_truth());
            ctx = Some((v.treaty, v.provision, c, in_force, adversary));
        }
        if let Some((_, _, c, in_force, adversary)) = ctx.as_mut() {
            out.push(c.verdict_with_reasons(*in_force, *adversary, &v.obligor, &v.beneficiary));
        }
    }
    out
}

fn sorted_defenders(scenario: &Scenario) -> Vec<String> {
    let mut defenders = scenario.defenders.clone();
    defenders.sort();
    defenders.dedup();
    defenders
}
