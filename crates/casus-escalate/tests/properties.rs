//! Invariants of the cascade and of Monte Carlo on the embedded knowledge
//! base: a state is on one side only; every join is justified by a triggered
//! (or, if allowed, contested) obligation toward a state already on that
//! side; Monte Carlo with every probability 1 reproduces the deterministic
//! cascade; results for a seed do not depend on the thread count.

use casus_core::time::parse_day;
use casus_core::{KnowledgeBase, Target, VerdictKind};
use casus_escalate::montecarlo::{monte_carlo, CompiledGraph};
use casus_escalate::policy::{Compliance, ContestedRule, CounterStrike};
use casus_escalate::{run_cascade, scenario_from_flags, EscalationScenario};
use proptest::prelude::*;

const ATTACKERS: [&str; 5] = ["Turkey", "Azerbaijan", "Russia", "Armenia", "United States"];
const PLACES: [&str; 6] = [
    "Yerevan",
    "Jermuk",
    "Stepanakert",
    "Baku",
    "Turkey",
    "Gyumri",
];
const DATES: [&str; 3] = ["2020-10-07", "2022-09-13", "2024-06-01"];

fn scenario(kb: &KnowledgeBase, a: usize, p: usize, d: usize) -> Option<EscalationScenario> {
    scenario_from_flags(
        kb,
        parse_day(DATES[d]).unwrap(),
        &[ATTACKERS[a].to_string()],
        &[],
        PLACES[p],
        Target::Territory,
        &[],
    )
    .ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn sides_are_disjoint_and_joins_are_justified(
        a in 0..ATTACKERS.len(), p in 0..PLACES.len(), d in 0..DATES.len(),
        join_contested in any::<bool>(), strike in any::<bool>(), rounds in 1u32..6,
    ) {
        let kb = KnowledgeBase::embedded().unwrap();
        let Some(mut s) = scenario(&kb, a, p, d) else { return Ok(()) };
        s.policy.contested = if join_contested { ContestedRule::Join } else { ContestedRule::StayOut };
        s.policy.counter_strike = if strike { CounterStrike::Homeland } else { CounterStrike::None };
        s.policy.max_rounds = rounds;
        let o = run_cascade(&kb, &s).unwrap();
        let mut seen = std::collections::HashSet::new();
        for v in o.sides.values() {
            for b in v {
                prop_assert!(seen.insert(b.state.clone()), "{} on both sides", b.state);
            }
        }
        prop_assert_eq!(o.belligerents, seen.len());
        for j in o.joins() {
            prop_assert_eq!(o.side_of(&j.state), Some(j.side));
            prop_assert_eq!(o.side_of(&j.obligation.beneficiary), Some(j.side));
            prop_assert!(j.obligation.verdict == VerdictKind::Triggered
                || (join_contested && j.obligation.verdict == VerdictKind::Contested));
            prop_assert!(j.round >= 1 && j.round <= rounds);
        }
        if !strike {
            prop_assert!(o.rounds.len() <= 2, "no strikes, so at most one judged round");
        }
        prop_assert!(o.rounds.len() as u32 <= rounds + 1);
    }

    #[test]
    fn certain_monte_carlo_equals_the_deterministic_cascade(
        a in 0..ATTACKERS.len(), p in 0..PLACES.len(), d in 0..DATES.len(),
    ) {
        let kb = KnowledgeBase::embedded().unwrap();
        let Some(mut s) = scenario(&kb, a, p, d) else { return Ok(()) };
        s.policy.max_rounds = 4;
        let o = run_cascade(&kb, &s).unwrap();
        s.policy.compliance = Compliance::Probabilistic;
        for v in s.policy.probabilities.by_response.values_mut() {
            *v = 1.0;
        }
        let g = CompiledGraph::build(&kb, &s).unwrap();
        let mc = monte_carlo(&g, 3, 1, &|_| {});
        prop_assert_eq!(mc.belligerents.len(), 1);
        prop_assert_eq!(mc.belligerents.keys().next().copied(), Some(o.belligerents));
        let drawn: std::collections::BTreeSet<String> = mc.states.iter().map(|s| s.state.clone()).collect();
        let joined: std::collections::BTreeSet<String> = o.joins().map(|j| j.state.clone()).collect();
        prop_assert_eq!(drawn, joined);
    }
}

#[test]
fn monte_carlo_does_not_depend_on_the_thread_count() {
    let kb = KnowledgeBase::embedded().unwrap();
    let mut s = scenario(&kb, 0, 0, 0).unwrap();
    s.policy.compliance = Compliance::Probabilistic;
    let g = CompiledGraph::build(&kb, &s).unwrap();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| monte_carlo(&g, 20_000, 99, &|_| {}));
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap()
        .install(|| monte_carlo(&g, 20_000, 99, &|_| {}));
    assert_eq!(one, two);
    let other_seed = monte_carlo(&g, 20_000, 100, &|_| {});
    assert_ne!(one.states, other_seed.states);
}

#[test]
fn probabilities_roughly_match_their_settings() {
    // Turkey strikes Yerevan: Belarus can only join through CSTO Art. 4
    // ("necessary assistance", default 0.5).
    let kb = KnowledgeBase::embedded().unwrap();
    let mut s = scenario(&kb, 0, 0, 0).unwrap();
    s.policy.compliance = Compliance::Probabilistic;
    let g = CompiledGraph::build(&kb, &s).unwrap();
    let mc = monte_carlo(&g, 40_000, 3, &|_| {});
    let blr = mc.states.iter().find(|x| x.state == "BLR").unwrap();
    // Belarus may also join later, to defend another CSTO member that was struck.
    assert!(
        blr.drawn_in >= 0.48 && blr.drawn_in < 0.8,
        "{}",
        blr.drawn_in
    );
}
