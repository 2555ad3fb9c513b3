//! `escalate`: build the scenario (a document, or one attack given by
//! fields), run the cascade, Monte Carlo when asked (within the per-request
//! cap) and a counterfactual when membership edits are given. The JSON of
//! [`EscalateResponse`] is `casus escalate --format json`.

use casus_core::KnowledgeBase;
use casus_escalate::cascade::Outcome;
use casus_escalate::counterfactual::{apply_edits, diff, parse_edit, Diff};
use casus_escalate::montecarlo::{monte_carlo, CompiledGraph, MonteCarlo};
use casus_escalate::{
    parse_scenario_with, run_cascade, scenario_from_flags_with, Compliance, ContestedRule,
    CounterStrike, EscalationScenario, SupportRule,
};
use serde::Serialize;

use crate::{
    parse_date, ComplianceKind, ContestedKind, CounterStrikeKind, EscalateRequest, Field, Service,
    ServiceError, SupportCountsKind,
};

/// Monte Carlo runs when compliance is probabilistic and no count is given.
pub const DEFAULT_RUNS: u64 = 10_000;

/// One cascade, with its Monte Carlo distribution when asked.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    #[serde(flatten)]
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarlo>,
}

/// The answer to an [`EscalateRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct EscalateResponse {
    pub scenario: EscalationScenario,
    #[serde(flatten)]
    pub actual: Run,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterfactual: Option<Run>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Diff>,
}

impl EscalateResponse {
    /// The outcome to draw: the counterfactual one when edits were given.
    pub fn picture(&self) -> &Outcome {
        self.counterfactual
            .as_ref()
            .map(|c| &c.outcome)
            .unwrap_or(&self.actual.outcome)
    }
}

/// Progress of Monte Carlo runs, for front ends that show it.
pub trait Progress: Sync {
    /// A batch of `total` runs labelled `label` (`actual`, `counterfactual`) starts.
    fn start(&self, label: &str, total: u64);
    /// `k` more runs are done.
    fn advance(&self, k: u64);
    /// The batch is done.
    fn finish(&self);
}

/// No progress shown.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: &str, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

impl Service {
    /// Build the escalation scenario of `req` with its policy overrides.
    pub fn escalation_scenario(
        &self,
        req: &EscalateRequest,
    ) -> Result<EscalationScenario, ServiceError> {
        let kb = self.kb();
        let limits = self.limits();
        limits.check_list(Field::Attacker, &req.attackers)?;
        limits.check_list(Field::Defender, &req.defenders)?;
        limits.check_list(Field::Support, &req.supports)?;
        limits.check_list(Field::Without, &req.without)?;
        limits.check_list(Field::With, &req.with)?;
        if let Some(at) = &req.at {
            limits.check_text(Field::At, at)?;
        }
        if let Some(on) = &req.on {
            limits.check_text(Field::On, on)?;
        }
        let lookup = self.place_lookup(req.most_populous);
        let flags_given = !req.attackers.is_empty() || req.at.is_some();
        let mut scenario = match &req.scenario {
            Some(doc) => {
                if flags_given {
                    return Err(ServiceError::conflict(
                        Field::Scenario,
                        "give a scenario file or --attacker/--at/--on, not both",
                    ));
                }
                if doc.toml.len() > limits.max_scenario_bytes {
                    return Err(ServiceError::too_large(
                        Field::Scenario,
                        format!(
                            "the scenario is {} bytes; at most {} are allowed",
                            doc.toml.len(),
                            limits.max_scenario_bytes
                        ),
                    ));
                }
                let on = match &req.on {
                    Some(on) => Some(parse_date(Field::On, on)?),
                    None => None,
                };
                let mut s = parse_scenario_with(kb, &doc.name, &doc.toml, on, &lookup)
                    .map_err(ServiceError::scenario_document)?;
                for sup in &req.supports {
                    s.supports.push(
                        casus_escalate::scenario::parse_support_flag(kb, sup)
                            .map_err(|e| ServiceError::scenario(Field::Support, e))?,
                    );
                }
                s
            }
            None => {
                let (Some(at), Some(on)) = (&req.at, &req.on) else {
                    return Err(ServiceError::malformed(
                        Field::Scenario,
                        "give a scenario file, or --attacker STATE --at PLACE --on DATE",
                    ));
                };
                if req.attackers.is_empty() {
                    return Err(ServiceError::malformed(
                        Field::Attacker,
                        "--attacker is required with --at",
                    ));
                }
                let date = parse_date(Field::On, on)?;
                scenario_from_flags_with(
                    kb,
                    date,
                    &req.attackers,
                    &req.defenders,
                    at,
                    req.target.into(),
                    &req.supports,
                    &lookup,
                )
                .map_err(ServiceError::from_flags)?
            }
        };
        // intent/scale/means set the given attacks' character (overriding a
        // scenario document's when any is given).
        let character = req.character();
        if character.given() {
            for a in &mut scenario.attacks {
                a.character = character.to_core();
            }
        }
        let p = &mut scenario.policy;
        if let Some(c) = req.policy {
            p.compliance = match c {
                ComplianceKind::All => Compliance::All,
                ComplianceKind::Automatic => Compliance::Automatic,
                ComplianceKind::Probabilistic => Compliance::Probabilistic,
            };
        }
        if let Some(c) = req.counter_strike {
            p.counter_strike = match c {
                CounterStrikeKind::Homeland => CounterStrike::Homeland,
                CounterStrikeKind::None => CounterStrike::None,
            };
        }
        if let Some(c) = req.contested {
            p.contested = match c {
                ContestedKind::StayOut => ContestedRule::StayOut,
                ContestedKind::Join => ContestedRule::Join,
            };
        }
        if let Some(s) = req.support_counts {
            p.support = match s {
                SupportCountsKind::Bystander => SupportRule::Bystander,
                SupportCountsKind::Belligerent => SupportRule::Belligerent,
            };
        }
        if let Some(m) = req.max_rounds {
            if !(1..=100).contains(&m) {
                return Err(ServiceError::malformed(
                    Field::MaxRounds,
                    format!("max_rounds {m} is not in 1..=100"),
                ));
            }
            p.max_rounds = m;
        }
        if req.runs.is_some() {
            if req.policy.is_some() && p.compliance != Compliance::Probabilistic {
                return Err(ServiceError::conflict(
                    Field::Runs,
                    "--runs samples compliance: it needs --policy probabilistic (or no --policy)",
                ));
            }
            p.compliance = Compliance::Probabilistic;
        }
        Ok(scenario)
    }

    /// Run the escalation in `req`; `progress` hears of Monte Carlo runs.
    pub fn escalate(
        &self,
        req: &EscalateRequest,
        progress: &dyn Progress,
    ) -> Result<EscalateResponse, ServiceError> {
        let kb = self.kb();
        if let Some(n) = req.runs {
            if n == 0 {
                return Err(ServiceError::malformed(
                    Field::Runs,
                    "runs must be at least 1",
                ));
            }
            if n > self.limits().max_runs {
                return Err(ServiceError::too_large(
                    Field::Runs,
                    format!(
                        "{n} Monte Carlo runs asked for; at most {} per request",
                        self.limits().max_runs
                    ),
                ));
            }
        }
        let scenario = self.escalation_scenario(req)?;
        let runs = match (req.runs, scenario.policy.compliance) {
            (Some(n), _) => Some(n),
            (None, Compliance::Probabilistic) => Some(DEFAULT_RUNS.min(self.limits().max_runs)),
            (None, _) => None,
        };
        let mut edits = Vec::new();
        for w in &req.without {
            edits.push(
                parse_edit(kb, w, false).map_err(|e| ServiceError::scenario(Field::Without, e))?,
            );
        }
        for w in &req.with {
            edits
                .push(parse_edit(kb, w, true).map_err(|e| ServiceError::scenario(Field::With, e))?);
        }
        casus_escalate::counterfactual::check_edits(kb, &edits, scenario.date).map_err(|e| {
            let field = if req.with.is_empty() {
                Field::Without
            } else {
                Field::With
            };
            ServiceError::scenario(field, e)
        })?;
        let actual = run_one(kb, &scenario, runs, req.seed, "actual", progress)?;
        let (counterfactual, diff) = if edits.is_empty() {
            (None, None)
        } else {
            let cf_kb =
                apply_edits(kb, &edits).map_err(|e| ServiceError::scenario(Field::With, e))?;
            let cf = run_one(
                &cf_kb,
                &scenario,
                runs,
                req.seed,
                "counterfactual",
                progress,
            )?;
            let d = diff(kb, &edits, &actual.outcome, &cf.outcome);
            (Some(cf), Some(d))
        };
        Ok(EscalateResponse {
            scenario,
            actual,
            counterfactual,
            diff,
        })
    }
}

fn run_one(
    kb: &KnowledgeBase,
    scenario: &EscalationScenario,
    runs: Option<u64>,
    seed: u64,
    label: &str,
    progress: &dyn Progress,
) -> Result<Run, ServiceError> {
    let outcome =
        run_cascade(kb, scenario).map_err(|e| ServiceError::scenario(Field::Scenario, e))?;
    let monte_carlo = match runs {
        Some(n) => {
            let graph = CompiledGraph::build(kb, scenario)
                .map_err(|e| ServiceError::scenario(Field::Scenario, e))?;
            progress.start(label, n);
            let mc = monte_carlo(&graph, n, seed, &|k| progress.advance(k));
            progress.finish();
            Some(mc)
        }
        None => None,
    };
    Ok(Run {
        outcome,
        monte_carlo,
    })
}
