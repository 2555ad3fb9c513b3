//! The deterministic cascade: round 0 is the given attacks; in each round
//! every attack made in the previous round is judged, obligors of joining
//! obligations that the policy honours join their beneficiary's side, and
//! (under the homeland rule) strike the attackers' homelands — attacks judged
//! in the next round. It stops at the fixpoint (no new attack) or at the
//! round limit. A state never joins both sides: the conflict is recorded.

use std::collections::{BTreeMap, HashMap, HashSet};

use casus_core::model::Response;
use casus_core::{KnowledgeBase, VerdictKind};
use serde::Serialize;

use crate::cross_pressure::{cross_pressure, CrossPressure};
use crate::graph::{AttackGraph, AttackNode, Breach, Declined, Obligation, Origin};
use crate::policy::{Compliance, CounterStrike, Policy};
use crate::scenario::{EscalationScenario, ScenarioError, Support};

/// The two sides of the war.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The side of the states attacked in round 0.
    Defenders,
    /// The side of the attackers of round 0.
    Attackers,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Defenders => Side::Attackers,
            Side::Attackers => Side::Defenders,
        }
    }
}

/// A state joining a side, and the obligation that brought it in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Join {
    pub round: u32,
    pub state: String,
    pub side: Side,
    /// The attack whose judgement triggered the obligation.
    pub attack: usize,
    #[serde(flatten)]
    pub obligation: Obligation,
}

/// A strike on an attacker's homeland by a state that joined (or was
/// already on) the other side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strike {
    pub round: u32,
    pub striker: String,
    pub target: String,
    /// The homeland territory struck.
    pub territory: String,
    /// The attack node the strike creates (judged next round).
    pub attack: usize,
    /// The provision the striker acted on ("CSTO Art. 4").
    pub because: String,
}

/// A state bound to join a side while already on the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub round: u32,
    pub state: String,
    /// The side it is already on.
    pub on: Side,
    /// The side the obligation would put it on.
    pub bound_to: Side,
    pub attack: usize,
    #[serde(flatten)]
    pub obligation: Obligation,
}

/// An obligation triggered (or contested) but not acted on under the policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotActed {
    pub round: u32,
    pub attack: usize,
    pub why: String,
    #[serde(flatten)]
    pub obligation: Obligation,
}

/// What happened in one round.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Round {
    pub round: u32,
    /// Attacks judged in this round (made in the previous one); for round 0,
    /// the given attacks.
    pub attacks: Vec<usize>,
    pub joins: Vec<Join>,
    /// Obligations honoured by states already on that side.
    pub also_honoured: Vec<Join>,
    pub strikes: Vec<Strike>,
    pub not_acted: Vec<NotActed>,
    pub declined: Vec<Declined>,
    pub conflicts: Vec<Conflict>,
    pub breaches: Vec<Breach>,
}

/// A state on a side, and the round it entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Belligerent {
    pub state: String,
    pub name: String,
    pub round: u32,
}

/// The result of one cascade.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub date: String,
    pub policy: Policy,
    pub supports: Vec<Support>,
    /// Every attack judged, by id.
    pub attacks: Vec<AttackNode>,
    pub rounds: Vec<Round>,
    /// Belligerents per side, in order of entry.
    pub sides: BTreeMap<Side, Vec<Belligerent>>,
    /// Display name of each side ("Armenia's side").
    pub side_names: BTreeMap<Side, String>,
    pub belligerents: usize,
    /// True when the cascade stopped because nothing new happened; false
    /// when it hit the round limit with attacks still unjudged.
    pub fixpoint: bool,
    pub cross_pressure: Vec<CrossPressure>,
}

impl Outcome {
    /// The side of a state, if it is a belligerent.
    pub fn side_of(&self, state: &str) -> Option<Side> {
        self.sides
            .iter()
            .find(|(_, v)| v.iter().any(|b| b.state == state))
            .map(|(s, _)| *s)
    }

    /// Every join, across rounds.
    pub fn joins(&self) -> impl Iterator<Item = &Join> {
        self.rounds.iter().flat_map(|r| r.joins.iter())
    }
}

/// Assign round-0 sides from the given attacks: the first attack's attackers
/// are the `Attackers`; later attacks line up with whoever they involve.
pub fn initial_sides(
    kb: &KnowledgeBase,
    scenario: &EscalationScenario,
    graph: &AttackGraph<'_>,
) -> Result<Vec<(String, Side)>, ScenarioError> {
    let mut sides: Vec<(String, Side)> = Vec::new();
    let side_of = |sides: &[(String, Side)], s: &str| {
        sides.iter().find(|(x, _)| x == s).map(|(_, side)| *side)
    };
    for &id in graph.given() {
        let node = graph.node(id);
        let attacker_side = node
            .attackers
            .iter()
            .find_map(|a| side_of(&sides, a))
            .or_else(|| {
                node.defenders
                    .iter()
                    .find_map(|d| side_of(&sides, d))
                    .map(Side::other)
            })
            .unwrap_or(Side::Attackers);
        for (states, side) in [
            (&node.attackers, attacker_side),
            (&node.defenders, attacker_side.other()),
        ] {
            for s in states {
                match side_of(&sides, s) {
                    Some(existing) if existing != side => {
                        return Err(ScenarioError::Invalid(format!(
                            "{} would be on both sides of the given attacks",
                            kb.polity_name(s)
                        )))
                    }
                    Some(_) => {}
                    None => sides.push((s.clone(), side)),
                }
            }
        }
    }
    if scenario.policy.support == crate::policy::SupportRule::Belligerent {
        for sup in &scenario.supports {
            if let Some(side) = side_of(&sides, &sup.recipient) {
                if side_of(&sides, &sup.supporter).is_none() {
                    sides.push((sup.supporter.clone(), side));
                }
            }
        }
    }
    Ok(sides)
}

/// Why an obligation is not acted on under a deterministic policy.
fn not_acted_reason(policy: &Policy, o: &Obligation) -> Option<String> {
    if policy.honours(o.response, o.verdict) {
        return None;
    }
    if o.verdict == VerdictKind::Contested {
        return Some(
            "the policy keeps states out on contested obligations (contested = stay_out)"
                .to_string(),
        );
    }
    if policy.compliance == Compliance::Automatic && o.response != Response::Automatic {
        return Some(format!(
            "the response owed is \"{}\", not automatic military assistance (compliance = automatic)",
            o.response.label()
        ));
    }
    Some("not honoured under the policy".to_string())
}

/// Run the deterministic cascade for a scenario.
pub fn run_cascade(
    kb: &KnowledgeBase,
    scenario: &EscalationScenario,
) -> Result<Outcome, ScenarioError> {
    let mut graph = AttackGraph::new(kb, scenario);
    let mut outcome = cascade_rounds(&mut graph, scenario)?;
    outcome.attacks = graph.into_nodes();
    Ok(outcome)
}

/// Run the cascade on an existing (possibly partly judged) graph.
pub fn cascade_on(
    graph: &mut AttackGraph<'_>,
    scenario: &EscalationScenario,
) -> Result<Outcome, ScenarioError> {
    let mut outcome = cascade_rounds(graph, scenario)?;
    outcome.attacks = graph.nodes().to_vec();
    Ok(outcome)
}

/// The cascade, with `attacks` left empty for the caller to fill.
fn cascade_rounds(
    graph: &mut AttackGraph<'_>,
    scenario: &EscalationScenario,
) -> Result<Outcome, ScenarioError> {
    let kb = graph.kb();
    let policy = &scenario.policy;
    let initial = initial_sides(kb, scenario, graph)?;
    let mut side: HashMap<String, Side> = HashMap::new();
    let mut sides: BTreeMap<Side, Vec<Belligerent>> = BTreeMap::new();
    let enter = |sides: &mut BTreeMap<Side, Vec<Belligerent>>, s: &str, side: Side, round: u32| {
        sides.entry(side).or_default().push(Belligerent {
            state: s.to_string(),
            name: kb.polity_name(s).to_string(),
            round,
        });
    };
    for (s, sd) in &initial {
        side.insert(s.clone(), *sd);
        enter(&mut sides, s, *sd, 0);
    }
    let mut rounds = vec![Round {
        round: 0,
        attacks: graph.given().to_vec(),
        ..Round::default()
    }];
    let mut struck: HashSet<(String, String)> = HashSet::new();
    // Each (kind of record, obligor, treaty, provision, beneficiary) is
    // recorded once, in the first round it occurs.
    let mut recorded: HashSet<(u8, u32, u32, u32, u32)> = HashSet::new();
    // Ids as small numbers, so recording copies no string.
    let mut interned: HashMap<String, u32> = HashMap::new();
    let mut first = |kind: u8, o: &Obligation| {
        let mut id = |s: &str| match interned.get(s) {
            Some(&i) => i,
            None => {
                let i = interned.len() as u32;
                interned.insert(s.to_string(), i);
                i
            }
        };
        let key = (
            kind,
            id(&o.obligor),
            id(&o.treaty),
            id(&o.provision),
            id(&o.beneficiary),
        );
        recorded.insert(key)
    };
    let mut seen_declined: HashSet<(String, String, String, Vec<String>)> = HashSet::new();
    let mut seen_breach: HashSet<(String, String, String, String)> = HashSet::new();
    let mut current: Vec<usize> = graph.given().to_vec();
    let mut fixpoint = true;
    for round in 1..=policy.max_rounds {
        if current.is_empty() {
            break;
        }
        let mut r = Round {
            round,
            attacks: current.clone(),
            ..Round::default()
        };
        let mut next = Vec::new();
        for &id in &current {
            let node = graph.node(id);
            // Strikes this node's joins call for, made once the node is read
            // (making one may add a node to the graph).
            let mut wanted: Vec<(&str, &str, String)> = Vec::new();
            for d in &node.declined {
                let key = (
                    d.treaty.clone(),
                    d.provision.clone(),
                    d.beneficiary.clone(),
                    d.obligors.clone(),
                );
                if seen_declined.insert(key) {
                    r.declined.push(d.clone());
                }
            }
            for b in &node.breaches {
                let key = (
                    b.obligor.clone(),
                    b.beneficiary.clone(),
                    b.treaty.clone(),
                    b.article.clone(),
                );
                if seen_breach.insert(key) {
                    r.breaches.push(b.clone());
                }
            }
            for o in &node.obligations {
                if let Some(why) = not_acted_reason(policy, o) {
                    if !first(0, o) {
                        continue;
                    }
                    r.not_acted.push(NotActed {
                        round,
                        attack: id,
                        why,
                        obligation: o.clone(),
                    });
                    continue;
                }
                let Some(&bside) = side.get(&o.beneficiary) else {
                    continue;
                };
                let join = || Join {
                    round,
                    state: o.obligor.clone(),
                    side: bside,
                    attack: id,
                    obligation: o.clone(),
                };
                match side.get(&o.obligor).copied() {
                    None => {
                        side.insert(o.obligor.clone(), bside);
                        enter(&mut sides, &o.obligor, bside, round);
                        r.joins.push(join());
                    }
                    Some(s) if s == bside => {
                        if first(1, o) {
                            r.also_honoured.push(join());
                        }
                    }
                    Some(s) => {
                        if !first(2, o) {
                            continue;
                        }
                        r.conflicts.push(Conflict {
                            round,
                            state: o.obligor.clone(),
                            on: s,
                            bound_to: bside,
                            attack: id,
                            obligation: o.clone(),
                        });
                        continue;
                    }
                }
                if policy.counter_strike == CounterStrike::None {
                    continue;
                }
                for a in &node.attackers {
                    if side.get(a) == Some(&bside) {
                        continue;
                    }
                    if !struck.insert((o.obligor.clone(), a.clone())) {
                        continue;
                    }
                    wanted.push((&o.obligor, a, o.label()));
                }
            }
            let wanted: Vec<(String, String, String)> = wanted
                .into_iter()
                .map(|(s, t, because)| (s.to_string(), t.to_string(), because))
                .collect();
            for (striker, target, because) in wanted {
                if let Some(sid) = graph.strike(&striker, &target) {
                    r.strikes.push(Strike {
                        round,
                        striker,
                        target,
                        territory: graph.node(sid).territory.clone(),
                        attack: sid,
                        because,
                    });
                    next.push(sid);
                }
            }
        }
        graph.judge_pending();
        rounds.push(r);
        current = next;
        if round == policy.max_rounds && !current.is_empty() {
            fixpoint = false;
        }
    }
    let side_names = side_names(kb, graph, &initial);
    let mut outcome = Outcome {
        date: scenario.date.to_string(),
        policy: policy.clone(),
        supports: scenario.supports.clone(),
        attacks: Vec::new(),
        belligerents: sides.values().map(Vec::len).sum(),
        rounds,
        sides,
        side_names,
        fixpoint,
        cross_pressure: Vec::new(),
    };
    outcome.cross_pressure = cross_pressure(kb, scenario.date, &outcome);
    Ok(outcome)
}

fn side_names(
    kb: &KnowledgeBase,
    graph: &AttackGraph<'_>,
    initial: &[(String, Side)],
) -> BTreeMap<Side, String> {
    let mut names = BTreeMap::new();
    if let Some(&first) = graph.given().first() {
        let node = graph.node(first);
        let attacker_side = initial
            .iter()
            .find(|(s, _)| node.attackers.contains(s))
            .map(|(_, s)| *s)
            .unwrap_or(Side::Attackers);
        let lead = |v: &[String]| {
            v.iter()
                .map(|s| kb.polity_name(s))
                .collect::<Vec<_>>()
                .join(" and ")
        };
        names.insert(attacker_side, format!("{}'s side", lead(&node.attackers)));
        names.insert(
            attacker_side.other(),
            format!("{}'s side", lead(&node.defenders)),
        );
    }
    names
}

/// Which states appear in a node as attackers, for tests and renderers.
pub fn origin_label(kb: &KnowledgeBase, node: &AttackNode) -> String {
    let names = |v: &[String]| {
        v.iter()
            .map(|s| kb.polity_name(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &node.origin {
        Origin::Given { .. } => format!(
            "{} attack {} at {}",
            names(&node.attackers),
            names(&node.defenders),
            node.place
        ),
        Origin::CounterStrike { .. } => format!(
            "{} strikes {} (homeland: {})",
            names(&node.attackers),
            names(&node.defenders),
            node.territory
        ),
    }
}
