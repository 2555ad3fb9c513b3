//! The attack graph: every attack the cascade can reach, each judged once by
//! the engine's verdict-only path (`casus_core::engine::verdicts_at`) and
//! reduced to what escalation needs — the joining obligations it triggers,
//! the defense obligations it does not trigger, and the non-aggression
//! obligations it breaches. Reasons are written (`engine::explain`) only for
//! the joining verdicts escalation reports, never as whole proof trees.
//!
//! Given attacks are nodes from the start; counter-strikes (one striker on
//! one target's homeland) are added lazily and memoised, so the deterministic
//! cascade judges only what it reaches, and Monte Carlo can close the graph
//! once and then sample over it without calling the engine again.

use std::collections::HashMap;

use casus_core::engine::{explain, verdicts_where, AttackCharacter, Scenario, VerdictSummary};
use casus_core::model::{ObligationKind, Provision, Response, TerritoryKind};
use casus_core::query::{place_status, ResolvedPlace};
use casus_core::{KnowledgeBase, Target, Truth, VerdictKind};
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::policy::{is_joining, SupportRule};
use crate::scenario::EscalationScenario;

/// Where an attack comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    /// The n-th attack of the scenario (round 0).
    Given { index: usize },
    /// A joining state's strike on an attacker's homeland.
    CounterStrike { striker: String, target: String },
}

/// A joining obligation the attack triggers (or makes contested).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Obligation {
    pub obligor: String,
    pub beneficiary: String,
    pub treaty: String,
    pub treaty_name: String,
    pub provision: String,
    pub article: String,
    pub kind: ObligationKind,
    pub response: Response,
    pub verdict: VerdictKind,
    /// Why the verdict (the engine's first reason).
    pub reason: String,
}

impl Obligation {
    /// "CSTO Art. 4"
    pub fn label(&self) -> String {
        provision_label(&self.treaty_name, &self.article)
    }
}

/// "CSTO Art. 4", or "Russia-Azerbaijan 2022 military assistance point".
pub fn provision_label(treaty_name: &str, article: &str) -> String {
    if article.chars().next().is_some_and(|c| c.is_ascii_digit())
        || article.chars().all(|c| "IVXLC".contains(c))
    {
        format!("{treaty_name} Art. {article}")
    } else {
        format!("{treaty_name} {article}")
    }
}

/// Defense obligations toward a defender that the attack does not trigger,
/// grouped by provision and reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Declined {
    pub treaty: String,
    pub treaty_name: String,
    pub provision: String,
    pub article: String,
    pub beneficiary: String,
    pub obligors: Vec<String>,
    pub reasons: Vec<String>,
}

/// A non-aggression obligation the attack breaches (or may breach).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breach {
    /// The attacker bound not to attack.
    pub obligor: String,
    pub beneficiary: String,
    pub treaty: String,
    pub treaty_name: String,
    pub article: String,
    pub verdict: VerdictKind,
}

/// One judged attack.
#[derive(Debug, Clone, Serialize)]
pub struct AttackNode {
    pub id: usize,
    pub origin: Origin,
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    /// The place as typed, or the homeland territory for counter-strikes.
    pub place: String,
    pub territory: String,
    pub target: Target,
    pub obligations: Vec<Obligation>,
    pub declined: Vec<Declined>,
    pub breaches: Vec<Breach>,
}

/// The memoised attack graph for one scenario and knowledge base.
pub struct AttackGraph<'kb> {
    kb: &'kb KnowledgeBase,
    date: Date,
    nodes: Vec<AttackNode>,
    given: Vec<usize>,
    strikes: HashMap<(String, String), Option<usize>>,
    /// Each struck polity's homeland, looked up once.
    homelands: HashMap<String, Option<ResolvedPlace>>,
    /// Nodes reserved but not judged yet.
    pending: Vec<(usize, Scenario)>,
}

type Reduced = (Vec<Obligation>, Vec<Declined>, Vec<Breach>);

impl<'kb> AttackGraph<'kb> {
    /// Judge the scenario's given attacks (supporters become co-attackers
    /// when the policy says support counts as belligerence).
    pub fn new(kb: &'kb KnowledgeBase, scenario: &EscalationScenario) -> AttackGraph<'kb> {
        let mut g = AttackGraph {
            kb,
            date: scenario.date,
            nodes: Vec::new(),
            given: Vec::new(),
            strikes: HashMap::new(),
            homelands: HashMap::new(),
            pending: Vec::new(),
        };
        for (index, a) in scenario.attacks.iter().enumerate() {
            let mut attackers = a.attackers.clone();
            if scenario.policy.support == SupportRule::Belligerent {
                for s in &scenario.supports {
                    if attackers.contains(&s.recipient)
                        && !attackers.contains(&s.supporter)
                        && !a.defenders.contains(&s.supporter)
                    {
                        attackers.push(s.supporter.clone());
                    }
                }
                attackers.sort();
            }
            let id = g.judge(
                Origin::Given { index },
                attackers,
                a.defenders.clone(),
                a.place.clone(),
                a.target,
                a.character,
            );
            g.given.push(id);
        }
        g
    }

    pub fn kb(&self) -> &'kb KnowledgeBase {
        self.kb
    }

    pub fn date(&self) -> Date {
        self.date
    }

    /// Node ids of the given attacks, in scenario order.
    pub fn given(&self) -> &[usize] {
        &self.given
    }

    pub fn node(&self, id: usize) -> &AttackNode {
        &self.nodes[id]
    }

    pub fn nodes(&self) -> &[AttackNode] {
        &self.nodes
    }

    /// Every node, giving up the graph.
    pub fn into_nodes(self) -> Vec<AttackNode> {
        self.nodes
    }

    /// The node for `striker` striking `target`'s homeland; `None` when the
    /// target has no mainland territory on the date. A new node is judged
    /// by the next [`AttackGraph::judge_pending`] (its origin, attackers,
    /// defenders and place are known at once; its verdicts are not).
    pub fn strike(&mut self, striker: &str, target: &str) -> Option<usize> {
        let key = (striker.to_string(), target.to_string());
        if let Some(found) = self.strikes.get(&key) {
            return *found;
        }
        let (kb, date) = (self.kb, self.date);
        let place = self
            .homelands
            .entry(target.to_string())
            .or_insert_with(|| homeland(kb, target, date))
            .clone();
        let id = place.map(|place| {
            self.reserve(
                Origin::CounterStrike {
                    striker: striker.to_string(),
                    target: target.to_string(),
                },
                vec![striker.to_string()],
                vec![target.to_string()],
                place,
                Target::Territory,
            )
        });
        self.strikes.insert(key, id);
        id
    }

    /// The strike node if it was already judged.
    pub fn known_strike(&self, striker: &str, target: &str) -> Option<Option<usize>> {
        self.strikes
            .get(&(striker.to_string(), target.to_string()))
            .copied()
    }

    /// Judge every node added since the last call, in parallel.
    pub fn judge_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let kb = self.kb;
        let results: Vec<(usize, Reduced)> = pending
            .into_par_iter()
            .map(|(id, scenario)| (id, judge_attack(kb, &scenario)))
            .collect();
        for (id, (obligations, declined, breaches)) in results {
            let node = &mut self.nodes[id];
            node.obligations = obligations;
            node.declined = declined;
            node.breaches = breaches;
        }
    }

    fn judge(
        &mut self,
        origin: Origin,
        attackers: Vec<String>,
        defenders: Vec<String>,
        place: ResolvedPlace,
        target: Target,
        character: AttackCharacter,
    ) -> usize {
        let id = self.reserve(origin, attackers, defenders, place, target);
        // A given attack keeps its character (intent, scale, means);
        // counter-strikes are deliberate armed attacks.
        if let Some((_, scenario)) = self.pending.last_mut() {
            scenario.character = character;
        }
        self.judge_pending();
        id
    }

    fn reserve(
        &mut self,
        origin: Origin,
        attackers: Vec<String>,
        defenders: Vec<String>,
        place: ResolvedPlace,
        target: Target,
    ) -> usize {
        let scenario = Scenario {
            attackers: attackers.clone(),
            defenders: defenders.clone(),
            place: place.clone(),
            date: self.date,
            target,
            character: AttackCharacter::default(),
        };
        let (obligations, declined, breaches) = (Vec::new(), Vec::new(), Vec::new());
        let id = self.nodes.len();
        self.pending.push((id, scenario));
        self.nodes.push(AttackNode {
            id,
            origin,
            attackers,
            defenders,
            place: place
                .place_name
                .clone()
                .unwrap_or(place.territory_name.clone()),
            territory: place.territory_name,
            target,
            obligations,
            declined,
            breaches,
        });
        id
    }
}

/// The provisions escalation reads: joining defense/offense obligations and
/// non-aggression. The engine judges no others.
fn read_by_escalation(p: &Provision) -> bool {
    p.kind == ObligationKind::NonAggression || is_joining(p.kind, p.response)
}

/// Judge one attack: verdicts for every pair, reasons only for the joining
/// obligations (triggered, contested or declined).
fn judge_attack(kb: &KnowledgeBase, scenario: &Scenario) -> Reduced {
    let status = place_status(kb, &scenario.place, scenario.date);
    let all = verdicts_where(kb, scenario, &status, read_by_escalation);
    let joining: Vec<&VerdictSummary> = all
        .iter()
        .filter(|v| v.kind != ObligationKind::NonAggression && is_joining(v.kind, v.response))
        .collect();
    let explained = explain(kb, scenario, &status, &joining);
    let breaches = all
        .iter()
        .filter(|v| {
            v.kind == ObligationKind::NonAggression && v.verdict != VerdictKind::NotTriggered
        })
        .map(|v| {
            let t = v.treaty(kb);
            Breach {
                obligor: v.obligor.clone(),
                beneficiary: v.beneficiary.clone(),
                treaty: t.id.clone(),
                treaty_name: t.short_name.clone(),
                article: v.provision(kb).article.clone(),
                verdict: v.verdict,
            }
        })
        .collect();
    let (obligations, declined) = reduce(kb, joining.into_iter().zip(explained));
    (obligations, declined, breaches)
}

/// Joining verdicts with their reasons → obligations and declined
/// obligations (grouped by provision, beneficiary and reasons).
fn reduce<'v>(
    kb: &KnowledgeBase,
    verdicts: impl Iterator<Item = (&'v VerdictSummary, (VerdictKind, Vec<String>))>,
) -> (Vec<Obligation>, Vec<Declined>) {
    let mut obligations = Vec::new();
    let mut declined: Vec<Declined> = Vec::new();
    for (v, (verdict, reasons)) in verdicts {
        let t = v.treaty(kb);
        let p = v.provision(kb);
        if verdict == VerdictKind::NotTriggered {
            let same = declined.iter_mut().find(|d| {
                d.treaty == t.id
                    && d.provision == p.id
                    && d.beneficiary == v.beneficiary
                    && d.reasons == reasons
            });
            match same {
                Some(d) => d.obligors.push(v.obligor.clone()),
                None => declined.push(Declined {
                    treaty: t.id.clone(),
                    treaty_name: t.short_name.clone(),
                    provision: p.id.clone(),
                    article: p.article.clone(),
                    beneficiary: v.beneficiary.clone(),
                    obligors: vec![v.obligor.clone()],
                    reasons,
                }),
            }
            continue;
        }
        obligations.push(Obligation {
            obligor: v.obligor.clone(),
            beneficiary: v.beneficiary.clone(),
            treaty: t.id.clone(),
            treaty_name: t.short_name.clone(),
            provision: p.id.clone(),
            article: p.article.clone(),
            kind: v.kind,
            response: v.response,
            verdict,
            reason: reasons.join(" "),
        });
    }
    (obligations, declined)
}

/// A polity's homeland on a date: the mainland territory it is sovereign of
/// (certainly, else possibly).
pub fn homeland(kb: &KnowledgeBase, polity: &str, date: Date) -> Option<ResolvedPlace> {
    let holds = |t: &casus_core::model::Territory| {
        t.sovereign
            .iter()
            .filter(|s| s.value == polity)
            .map(|s| s.interval.contains(date))
            .max()
            .unwrap_or(Truth::No)
    };
    let candidates = kb
        .territories
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TerritoryKind::Mainland);
    let best = candidates
        .map(|(i, t)| (holds(t), i))
        .filter(|(h, _)| *h != Truth::No)
        .max_by_key(|(h, i)| (*h, std::cmp::Reverse(*i)))?;
    let t = &kb.territories[best.1];
    Some(ResolvedPlace::of_territory(kb, &t.name, best.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkey_has_a_homeland() {
        let kb = KnowledgeBase::embedded().unwrap();
        let d = casus_core::time::parse_day("2020-10-07").unwrap();
        let h = homeland(&kb, "TUR", d).unwrap();
        assert_eq!(h.territory_id, "turkey");
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(provision_label("CSTO", "4"), "CSTO Art. 4");
        assert_eq!(provision_label("NATO", "V"), "NATO Art. V");
        assert_eq!(
            provision_label("Russia-Azerbaijan 2022", "military assistance point"),
            "Russia-Azerbaijan 2022 military assistance point"
        );
    }
}
