//! Benchmarks for the escalation speed targets (docs/performance.md): one deterministic cascade over
//! the full shipped knowledge base (target < 1 ms), and Monte Carlo runs of
//! the Yerevan scenario (target: 1 million runs in < 10 s on 2 cores).

use casus_core::time::parse_day;
use casus_core::{KnowledgeBase, Target};
use casus_escalate::montecarlo::{monte_carlo, CompiledGraph};
use casus_escalate::policy::Compliance;
use casus_escalate::{run_cascade, scenario_from_flags};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded().expect("loads");
    let date = parse_day("2020-10-07").expect("date");
    let yerevan = scenario_from_flags(
        &kb,
        date,
        &["Turkey".into()],
        &[],
        "Yerevan",
        Target::Territory,
        &[],
    )
    .expect("scenario");
    c.bench_function("cascade_yerevan_2020_policy_all", |b| {
        b.iter(|| black_box(run_cascade(&kb, black_box(&yerevan)).expect("runs")))
    });
    let jermuk = scenario_from_flags(
        &kb,
        parse_day("2022-09-13").expect("date"),
        &["Azerbaijan".into()],
        &[],
        "Jermuk",
        Target::Territory,
        &[],
    )
    .expect("scenario");
    c.bench_function("cascade_jermuk_2022_policy_all", |b| {
        b.iter(|| black_box(run_cascade(&kb, black_box(&jermuk)).expect("runs")))
    });
    let mut prob = yerevan.clone();
    prob.policy.compliance = Compliance::Probabilistic;
    let graph = CompiledGraph::build(&kb, &prob).expect("graph");
    let mut group = c.benchmark_group("monte_carlo_yerevan");
    group.sample_size(10);
    group.bench_function("1M_runs", |b| {
        b.iter(|| black_box(monte_carlo(&graph, 1_000_000, 42, &|_| {})))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
