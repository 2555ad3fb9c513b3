//! Property tests: parsers never panic on any input, and engine invariants
//! hold for random scenarios over the embedded knowledge base.

use casus_core::engine::{analyse, explain, verdicts, Scenario, Target, VerdictKind};
use casus_core::query::{resolve_place, resolve_polity, resolve_treaty, ResolvedPlace};
use casus_core::time::{parse_day, FuzzyDate, Interval};
use casus_core::{KnowledgeBase, Truth};
use jiff::civil::Date;
use proptest::prelude::*;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base loads"))
}

proptest! {
    #[test]
    fn date_parser_never_panics_and_round_trips(s in "\\PC{0,16}") {
        if let Ok(d) = s.parse::<FuzzyDate>() {
            prop_assert_eq!(d.to_string().parse::<FuzzyDate>().unwrap(), d);
        }
        let _ = parse_day(&s);
    }

    #[test]
    fn date_like_strings(y in 0u32..10000, m in 0u32..20, d in 0u32..40) {
        let s = format!("{y:04}-{m:02}-{d:02}");
        if let Ok(date) = parse_day(&s) {
            prop_assert_eq!(date.to_string(), s);
        }
    }

    #[test]
    fn resolvers_never_panic(s in "\\PC{0,24}") {
        let _ = resolve_place(kb(), &s);
        let _ = resolve_polity(kb(), &s);
        let _ = resolve_treaty(kb(), &s);
    }

    #[test]
    fn imprecise_interval_is_between_its_precise_readings(y in 1950i16..2030, off in -400i32..400) {
        let year: FuzzyDate = y.to_string().parse().unwrap();
        let date = Date::new(y, 6, 15).unwrap().checked_add(jiff::Span::new().days(off)).unwrap();
        let imprecise = Interval::new(Some(year), None).contains(date);
        let earliest = Interval::new(Some(FuzzyDate::day(year.earliest())), None).contains(date);
        let latest = Interval::new(Some(FuzzyDate::day(year.latest())), None).contains(date);
        // Certain only where both precise readings agree.
        if earliest == latest {
            prop_assert_eq!(imprecise, earliest);
        } else {
            prop_assert_eq!(imprecise, Truth::Unknown);
        }
    }
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    let kb = kb();
    let n_pol = kb.polities.len();
    let n_terr = kb.territories.len();
    (
        0..n_pol,
        0..n_pol,
        0..n_terr,
        1990i16..2027,
        1i8..13,
        1i8..29,
        any::<bool>(),
    )
        .prop_map(move |(a, d, t, y, m, day, forces)| Scenario {
            attackers: vec![kb.polities[a].id.clone()],
            defenders: vec![kb.polities[d].id.clone()],
            place: ResolvedPlace::of_territory(kb, &kb.territories[t].name, t),
            date: Date::new(y, m, day).unwrap(),
            target: if forces {
                Target::Forces
            } else {
                Target::Territory
            },
            character: Default::default(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn engine_invariants(s in scenario_strategy()) {
        let a = analyse(kb(), &s);
        let b = analyse(kb(), &s);
        // Deterministic.
        prop_assert_eq!(&a.verdicts, &b.verdicts);
        for v in &a.verdicts {
            prop_assert_ne!(&v.obligor, &v.beneficiary);
            // The verdict is exactly the three-valued conjunction of the
            // premises, except that disagreeing claims can only weaken a
            // certain answer to `contested`.
            let conj = v.proof.premises.iter().fold(Truth::Yes, |acc, p| acc.and(p.holds));
            match v.verdict {
                VerdictKind::Triggered => prop_assert_eq!(conj, Truth::Yes),
                VerdictKind::NotTriggered => prop_assert_eq!(conj, Truth::No),
                VerdictKind::Contested => prop_assert!(conj == Truth::Unknown || v.claims.iter().any(|c| !c.agrees)),
            }
            // An attacker is never obliged to defend against itself.
            if s.attackers.contains(&v.obligor) && v.kind != casus_core::model::ObligationKind::NonAggression {
                prop_assert_eq!(v.verdict, VerdictKind::NotTriggered);
            }
            prop_assert!(!v.reasons.is_empty());
        }
        // Ordered by treaty id.
        let ids: Vec<&str> = a.verdicts.iter().map(|v| v.treaty.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        prop_assert_eq!(ids, sorted);
    }
}

/// Scenarios that reach treaties: the defender is a party to a random
/// treaty, the attackers a random polity and possibly another party, the
/// place random, the defender's own territory or one a claim speaks to.
fn treaty_scenario_strategy() -> impl Strategy<Value = Scenario> {
    let kb = kb();
    let n_treaties = kb.treaties.len();
    let n_pol = kb.polities.len();
    let n_terr = kb.territories.len();
    (
        (
            0..n_treaties,
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
        ),
        (0..n_pol, any::<bool>(), any::<bool>()),
        (0..3u8, 0..n_terr, any::<prop::sample::Index>()),
        (1949i16..2027, 1i8..13, 1i8..29),
    )
        .prop_map(
            move |((ti, d, a2), (a, two_attackers, forces), (where_, t, pick), (y, m, day))| {
                let treaty = &kb.treaties[ti];
                let defender = treaty.parties[d.index(treaty.parties.len())].polity.clone();
                let mut attackers = vec![kb.polities[a].id.clone()];
                if two_attackers {
                    let other = &treaty.parties[a2.index(treaty.parties.len())].polity;
                    if !attackers.contains(other) {
                        attackers.push(other.clone());
                    }
                }
                let own: Vec<usize> = kb
                    .territories
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.sovereign.iter().any(|s| s.value == defender))
                    .map(|(i, _)| i)
                    .collect();
                let mut defender = defender;
                let territory = match where_ {
                    1 if !own.is_empty() => own[pick.index(own.len())],
                    2 if !kb.claims.is_empty() => {
                        // A claim's beneficiary, attacked where (or by whom)
                        // the claim speaks.
                        let c = &kb.claims[pick.index(kb.claims.len())];
                        if let Some(b) = &c.beneficiary {
                            defender = b.clone();
                        }
                        match &c.subject {
                            casus_core::model::ClaimSubject::Territory { territory } => kb
                                .territories
                                .iter()
                                .position(|x| &x.id == territory)
                                .unwrap_or(t),
                            casus_core::model::ClaimSubject::Adversary { polity } => {
                                attackers[0] = polity.clone();
                                t
                            }
                        }
                    }
                    _ => t,
                };
                attackers.retain(|a| a != &defender);
                if attackers.is_empty() {
                    attackers.push(kb.polities[a].id.clone());
                }
                Scenario {
                    attackers,
                    defenders: vec![defender],
                    place: ResolvedPlace::of_territory(
                        kb,
                        &kb.territories[territory].name,
                        territory,
                    ),
                    date: Date::new(y, m, day).unwrap(),
                    target: if forces {
                        Target::Forces
                    } else {
                        Target::Territory
                    },
                    character: Default::default(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The verdict-only path gives exactly what `analyse` gives, in order,
    /// and `explain` gives the same reasons.
    #[test]
    fn fast_verdicts_match_analyse(s in prop_oneof![scenario_strategy(), treaty_scenario_strategy()]) {
        let kb = kb();
        let analysis = analyse(kb, &s);
        let full: Vec<(String, String, String, String, VerdictKind)> = analysis
            .verdicts
            .iter()
            .map(|v| (v.treaty.clone(), v.provision.clone(), v.obligor.clone(), v.beneficiary.clone(), v.verdict))
            .collect();
        let summaries = verdicts(kb, &s);
        // Explaining the fast verdicts gives analyse's verdicts and reasons.
        let refs: Vec<_> = summaries.iter().collect();
        let explained = explain(kb, &s, &analysis.scenario.place.status, &refs);
        let reasons: Vec<(VerdictKind, Vec<String>)> =
            analysis.verdicts.iter().map(|v| (v.verdict, v.reasons.clone())).collect();
        prop_assert_eq!(explained, reasons);
        let fast: Vec<(String, String, String, String, VerdictKind)> = summaries
            .into_iter()
            .map(|v| {
                (
                    v.treaty(kb).id.clone(),
                    v.provision(kb).id.clone(),
                    v.obligor,
                    v.beneficiary,
                    v.verdict,
                )
            })
            .collect();
        prop_assert_eq!(fast, full);
    }
}

#[test]
fn every_fact_in_the_shipped_base_has_a_source() {
    let kb = kb();
    let empty = |s: &casus_core::model::Source| s.citation.trim().is_empty();
    for p in &kb.polities {
        assert!(!empty(&p.source), "{}", p.id);
        assert!(p.existence.iter().all(|e| !empty(&e.source)), "{}", p.id);
    }
    for t in &kb.territories {
        assert!(!empty(&t.source), "{}", t.id);
        for s in t.sovereign.iter().chain(&t.controller).chain(&t.claimants) {
            assert!(!empty(&s.source), "{} {}", t.id, s.value);
        }
    }
    for t in &kb.treaties {
        assert!(!empty(&t.source) && !empty(&t.in_force.source), "{}", t.id);
        for p in &t.parties {
            assert!(!empty(&p.membership.source), "{} {}", t.id, p.polity);
        }
        for p in &t.provisions {
            assert!(!empty(&p.source), "{} {}", t.id, p.id);
            assert!(!p.article.is_empty());
            assert!(p.scope.iter().all(|r| !empty(&r.source)));
        }
    }
    for c in &kb.claims {
        assert!(!empty(&c.source), "{}", c.id);
    }
    assert!(kb.warnings.is_empty(), "{:?}", kb.warnings);
}
