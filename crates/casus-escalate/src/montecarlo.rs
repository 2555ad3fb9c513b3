//! Monte Carlo over compliance: in each run, each state decides once per
//! provision (whichever ally invokes it) whether to honour it, with a
//! probability per response strength or per treaty (see `policy`); the
//! cascade rule of `cascade` is then replayed with those decisions.
//!
//! The attack graph is closed and judged once (every attack any run can
//! reach), then compiled to integer indexes; runs only sample over it. Each
//! run's random stream is derived from (seed, run index), and the tallies
//! are sums, so results are the same for a seed whatever the thread count.

use std::collections::{BTreeMap, HashMap};

use casus_core::KnowledgeBase;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

use crate::cascade::{initial_sides, Side};
use crate::graph::{provision_label, AttackGraph};
use crate::policy::CounterStrike;
use crate::scenario::{EscalationScenario, ScenarioError};

const NONE: u8 = 0;
const CHUNK: u64 = 4096;

fn side_code(s: Side) -> u8 {
    match s {
        Side::Defenders => 1,
        Side::Attackers => 2,
    }
}

/// One joining obligation of one attack, compiled.
#[derive(Clone, Copy)]
struct CObligation {
    obligor: u16,
    beneficiary: u16,
    /// The decision: (obligor, treaty, provision), drawn once per run.
    decision: u32,
    /// The path key: (treaty, provision).
    key: u16,
    /// Range in `CompiledGraph::strikes`.
    strikes_from: u32,
    strikes_to: u32,
}

/// The attack graph compiled for sampling: flat arrays, integer ids.
pub struct CompiledGraph {
    states: Vec<String>,
    names: Vec<String>,
    keys: Vec<String>,
    /// Per node: range in `obligations`.
    nodes: Vec<(u32, u32)>,
    obligations: Vec<CObligation>,
    /// (target, strike node or u32::MAX when the target has no homeland).
    strikes: Vec<(u16, u32)>,
    /// Per decision: honoured when a uniform u64 draw is below this
    /// (u64::MAX: always; 0: never).
    decisions: Vec<u64>,
    given: Vec<u32>,
    initial: Vec<(u16, u8)>,
    max_rounds: u32,
    counter_strike: bool,
}

const NO_NODE: u32 = u32::MAX;

fn threshold(p: f64) -> u64 {
    if p >= 1.0 {
        u64::MAX
    } else if p <= 0.0 {
        0
    } else {
        (p * 18_446_744_073_709_551_616.0) as u64
    }
}

impl CompiledGraph {
    /// Close the graph under every obligation with a non-zero probability,
    /// judging each reachable attack once, and compile it.
    pub fn build(
        kb: &KnowledgeBase,
        scenario: &EscalationScenario,
    ) -> Result<CompiledGraph, ScenarioError> {
        let policy = &scenario.policy;
        let mut graph = AttackGraph::new(kb, scenario);
        let initial = initial_sides(kb, scenario, &graph)?;
        let homeland = policy.counter_strike == CounterStrike::Homeland;
        // Breadth-first, one wave at a time, so each wave is judged in parallel.
        let mut wave: Vec<usize> = graph.given().to_vec();
        let mut seen: Vec<bool> = vec![true; wave.len()];
        while !wave.is_empty() {
            let mut next = Vec::new();
            for id in wave {
                let node = graph.node(id).clone();
                for o in &node.obligations {
                    if policy.probability(&o.treaty, o.response, o.verdict) <= 0.0 || !homeland {
                        continue;
                    }
                    for a in &node.attackers {
                        if a == &o.obligor {
                            continue;
                        }
                        if let Some(sid) = graph.strike(&o.obligor, a) {
                            if seen.len() <= sid {
                                seen.resize(sid + 1, false);
                            }
                            if !seen[sid] {
                                seen[sid] = true;
                                next.push(sid);
                            }
                        }
                    }
                }
            }
            graph.judge_pending();
            wave = next;
        }
        let mut states: Vec<String> = Vec::new();
        let mut index: HashMap<String, u16> = HashMap::new();
        let mut intern = |s: &str, states: &mut Vec<String>| -> u16 {
            *index.entry(s.to_string()).or_insert_with(|| {
                states.push(s.to_string());
                (states.len() - 1) as u16
            })
        };
        let mut keys: Vec<String> = Vec::new();
        let mut key_index: HashMap<(String, String), u16> = HashMap::new();
        let mut decision_index: HashMap<(String, String, String), u32> = HashMap::new();
        let mut decisions: Vec<u64> = Vec::new();
        let mut nodes = Vec::new();
        let mut obligations = Vec::new();
        let mut strikes = Vec::new();
        for node in graph.nodes() {
            let from = obligations.len() as u32;
            for o in &node.obligations {
                let p = policy.probability(&o.treaty, o.response, o.verdict);
                let key = *key_index
                    .entry((o.treaty.clone(), o.provision.clone()))
                    .or_insert_with(|| {
                        keys.push(o.label());
                        (keys.len() - 1) as u16
                    });
                // A contested instance may have a lower probability than a
                // triggered one of the same provision: keep them apart.
                let decision_key = (
                    o.obligor.clone(),
                    format!("{}/{}", o.treaty, o.provision),
                    format!("{:?}", o.verdict),
                );
                let decision = *decision_index.entry(decision_key).or_insert_with(|| {
                    decisions.push(threshold(p));
                    (decisions.len() - 1) as u32
                });
                let strikes_from = strikes.len() as u32;
                for a in node.attackers.iter().filter(|a| *a != &o.obligor) {
                    let target = intern(a, &mut states);
                    let sid = graph
                        .known_strike(&o.obligor, a)
                        .flatten()
                        .map(|s| s as u32)
                        .unwrap_or(NO_NODE);
                    strikes.push((target, sid));
                }
                obligations.push(CObligation {
                    obligor: intern(&o.obligor, &mut states),
                    beneficiary: intern(&o.beneficiary, &mut states),
                    decision,
                    key,
                    strikes_from,
                    strikes_to: strikes.len() as u32,
                });
            }
            nodes.push((from, obligations.len() as u32));
        }
        let initial = initial
            .iter()
            .map(|(s, side)| (intern(s, &mut states), side_code(*side)))
            .collect();
        let names = states
            .iter()
            .map(|s| kb.polity_name(s).to_string())
            .collect();
        Ok(CompiledGraph {
            states,
            names,
            keys,
            nodes,
            obligations,
            strikes,
            decisions,
            given: graph.given().iter().map(|&g| g as u32).collect(),
            initial,
            max_rounds: policy.max_rounds,
            counter_strike: homeland,
        })
    }

    /// Number of attacks judged.
    pub fn attacks(&self) -> usize {
        self.nodes.len()
    }
}

/// Per-thread scratch space for runs.
struct Scratch {
    side: Vec<u8>,
    struck: Vec<u64>,
    /// Per decision: the run stamp when drawn, and the result.
    drawn: Vec<u64>,
    honoured: Vec<bool>,
    current: Vec<u32>,
    next: Vec<u32>,
}

/// One run's result: the states that joined (with their side) and the
/// engaged provisions (round, key).
struct RunResult {
    joined: Vec<(u16, u8)>,
    path: Vec<u32>,
}

impl CompiledGraph {
    fn run(&self, rng: &mut ChaCha8Rng, stamp: u64, s: &mut Scratch, out: &mut RunResult) {
        let n = self.states.len();
        s.side.iter_mut().for_each(|x| *x = NONE);
        for &(st, sd) in &self.initial {
            s.side[st as usize] = sd;
        }
        out.joined.clear();
        out.path.clear();
        s.current.clear();
        s.current.extend_from_slice(&self.given);
        for round in 1..=self.max_rounds {
            if s.current.is_empty() {
                break;
            }
            s.next.clear();
            for &id in &s.current {
                let (from, to) = self.nodes[id as usize];
                for o in &self.obligations[from as usize..to as usize] {
                    let d = o.decision as usize;
                    let honoured = if s.drawn[d] == stamp {
                        s.honoured[d]
                    } else {
                        let t = self.decisions[d];
                        let h = t == u64::MAX || (t > 0 && rng.next_u64() < t);
                        s.drawn[d] = stamp;
                        s.honoured[d] = h;
                        h
                    };
                    if !honoured {
                        continue;
                    }
                    let bside = s.side[o.beneficiary as usize];
                    if bside == NONE {
                        continue;
                    }
                    let oside = s.side[o.obligor as usize];
                    if oside == NONE {
                        s.side[o.obligor as usize] = bside;
                        out.joined.push((o.obligor, bside));
                        let step = (round << 16) | o.key as u32;
                        if !out.path.contains(&step) {
                            out.path.push(step);
                        }
                    } else if oside != bside {
                        continue;
                    }
                    if !self.counter_strike {
                        continue;
                    }
                    for &(target, sid) in
                        &self.strikes[o.strikes_from as usize..o.strikes_to as usize]
                    {
                        if s.side[target as usize] == bside {
                            continue;
                        }
                        let cell = o.obligor as usize * n + target as usize;
                        if s.struck[cell] == stamp {
                            continue;
                        }
                        s.struck[cell] = stamp;
                        if sid != NO_NODE {
                            s.next.push(sid);
                        }
                    }
                }
            }
            std::mem::swap(&mut s.current, &mut s.next);
        }
        out.path.sort_unstable();
    }
}

#[derive(Default)]
struct Tally {
    runs: u64,
    drawn_in: Vec<[u64; 2]>,
    belligerents: BTreeMap<usize, u64>,
    paths: HashMap<Vec<u32>, u64>,
}

impl Tally {
    fn merge(mut self, other: Tally) -> Tally {
        if self.drawn_in.len() < other.drawn_in.len() {
            self.drawn_in.resize(other.drawn_in.len(), [0, 0]);
        }
        for (i, c) in other.drawn_in.iter().enumerate() {
            self.drawn_in[i][0] += c[0];
            self.drawn_in[i][1] += c[1];
        }
        self.runs += other.runs;
        for (k, v) in other.belligerents {
            *self.belligerents.entry(k).or_default() += v;
        }
        for (k, v) in other.paths {
            *self.paths.entry(k).or_default() += v;
        }
        self
    }
}

/// The odds for one state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateOdds {
    pub state: String,
    pub name: String,
    /// Probability of joining the war (either side).
    pub drawn_in: f64,
    pub on_defenders_side: f64,
    pub on_attackers_side: f64,
}

/// One step of a path: a provision engaged in a round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathStep {
    pub round: u32,
    /// "CSTO Art. 4"
    pub provision: String,
}

/// A sequence of engaged provisions and how often it happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathFrequency {
    pub steps: Vec<PathStep>,
    pub runs: u64,
    pub share: f64,
}

/// The distribution of outcomes over runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub runs: u64,
    pub seed: u64,
    /// Attacks judged once to build the sampling graph.
    pub attacks_judged: usize,
    /// States that join in at least one run, most likely first.
    pub states: Vec<StateOdds>,
    /// Number of belligerents (including round 0) → share of runs.
    pub belligerents: BTreeMap<usize, f64>,
    pub mean_belligerents: f64,
    /// The most frequent paths (at most 10).
    pub paths: Vec<PathFrequency>,
}

/// The most Monte Carlo runs one request may ask for (about a minute on
/// one core of a 2020s machine; see docs/limits.md).
pub const MAX_RUNS: u64 = 10_000_000;

/// Run `runs` samples with `seed`, in parallel; `progress` is called with
/// the number of runs finished in each chunk.
pub fn monte_carlo(
    graph: &CompiledGraph,
    runs: u64,
    seed: u64,
    progress: &(dyn Fn(u64) + Sync),
) -> MonteCarlo {
    let n = graph.states.len();
    let base = ChaCha8Rng::seed_from_u64(seed);
    let chunks = runs.div_ceil(CHUNK);
    let tally = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let from = c * CHUNK;
            let to = (from + CHUNK).min(runs);
            let mut scratch = Scratch {
                side: vec![NONE; n],
                struck: vec![u64::MAX; n * n],
                drawn: vec![u64::MAX; graph.decisions.len()],
                honoured: vec![false; graph.decisions.len()],
                current: Vec::new(),
                next: Vec::new(),
            };
            let mut res = RunResult {
                joined: Vec::new(),
                path: Vec::new(),
            };
            let mut t = Tally {
                drawn_in: vec![[0, 0]; n],
                ..Tally::default()
            };
            for run in from..to {
                let mut rng = base.clone();
                rng.set_stream(run);
                graph.run(&mut rng, run, &mut scratch, &mut res);
                t.runs += 1;
                for &(st, sd) in &res.joined {
                    t.drawn_in[st as usize][(sd - 1) as usize] += 1;
                }
                *t.belligerents
                    .entry(graph.initial.len() + res.joined.len())
                    .or_default() += 1;
                match t.paths.get_mut(res.path.as_slice()) {
                    Some(c) => *c += 1,
                    None => {
                        t.paths.insert(res.path.clone(), 1);
                    }
                }
            }
            progress(to - from);
            t
        })
        .reduce(Tally::default, Tally::merge);
    summarise(graph, tally, runs, seed)
}

fn summarise(graph: &CompiledGraph, tally: Tally, runs: u64, seed: u64) -> MonteCarlo {
    let total = tally.runs.max(1) as f64;
    let mut states: Vec<StateOdds> = tally
        .drawn_in
        .iter()
        .enumerate()
        .filter(|(_, c)| c[0] + c[1] > 0)
        .map(|(i, c)| StateOdds {
            state: graph.states[i].clone(),
            name: graph.names[i].clone(),
            drawn_in: (c[0] + c[1]) as f64 / total,
            on_defenders_side: c[0] as f64 / total,
            on_attackers_side: c[1] as f64 / total,
        })
        .collect();
    states.sort_by(|a, b| {
        b.drawn_in
            .total_cmp(&a.drawn_in)
            .then_with(|| a.state.cmp(&b.state))
    });
    let mean = tally
        .belligerents
        .iter()
        .map(|(k, v)| *k as f64 * *v as f64)
        .sum::<f64>()
        / total;
    let belligerents = tally
        .belligerents
        .iter()
        .map(|(k, v)| (*k, *v as f64 / total))
        .collect();
    let mut paths: Vec<(Vec<u32>, u64)> = tally.paths.into_iter().collect();
    paths.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let paths = paths
        .into_iter()
        .take(10)
        .map(|(steps, count)| PathFrequency {
            steps: steps
                .iter()
                .map(|s| PathStep {
                    round: s >> 16,
                    provision: graph
                        .keys
                        .get((s & 0xffff) as usize)
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect(),
            runs: count,
            share: count as f64 / total,
        })
        .collect();
    MonteCarlo {
        runs,
        seed,
        attacks_judged: graph.nodes.len(),
        states,
        belligerents,
        mean_belligerents: mean,
        paths,
    }
}

/// "CSTO Art. 4" for a key, re-exported for renderers.
pub fn label(treaty_name: &str, article: &str) -> String {
    provision_label(treaty_name, article)
}
