//! Benchmarks for the core issue's speed targets: start-up (load and
//! validate the embedded knowledge base), one `why` query, and every ordered
//! pair of states as attacker and defender at one place; and the
//! verdict-only path (`verdicts`) beside `analyse` for an attack on a NATO
//! member.

use casus_core::engine::{analyse, threatened_neighbours, verdicts, Scenario, Target};
use casus_core::query::resolve_place;
use casus_core::time::parse_day;
use casus_core::KnowledgeBase;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

// The allocator the casus binary uses (crates/casus-cli/src/main.rs).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    c.bench_function("load_and_validate_embedded_kb", |b| {
        b.iter(|| black_box(KnowledgeBase::embedded().expect("loads")))
    });

    let kb = KnowledgeBase::embedded().expect("loads");
    let scenario = Scenario {
        attackers: vec!["AZE".into()],
        defenders: vec!["ARM".into()],
        place: resolve_place(&kb, "Stepanakert").expect("known place"),
        date: parse_day("2020-10-07").expect("date"),
        target: Target::Territory,
        character: Default::default(),
    };
    c.bench_function("why_stepanakert_2020", |b| {
        b.iter(|| black_box(analyse(&kb, black_box(&scenario))))
    });

    c.bench_function("verdicts_stepanakert_2020", |b| {
        b.iter(|| black_box(verdicts(&kb, black_box(&scenario))))
    });
    let ankara = Scenario {
        attackers: vec!["RUS".into()],
        defenders: vec!["TUR".into()],
        place: resolve_place(&kb, "Ankara").expect("known place"),
        date: parse_day("2020-10-07").expect("date"),
        target: Target::Territory,
        character: Default::default(),
    };
    c.bench_function("analyse_ankara_2020", |b| {
        b.iter(|| black_box(analyse(&kb, black_box(&ankara))))
    });
    c.bench_function("neighbours_ankara_2020", |b| {
        b.iter(|| black_box(threatened_neighbours(&kb, black_box(&ankara))))
    });
    c.bench_function("verdicts_ankara_2020", |b| {
        b.iter(|| black_box(verdicts(&kb, black_box(&ankara))))
    });

    // Exact names in the knowledge base (places, territories, polities,
    // as users type them): fold, then one hash lookup.
    let names: Vec<&str> = kb
        .places
        .iter()
        .map(|p| p.name.as_str())
        .chain(kb.territories.iter().map(|t| t.name.as_str()))
        .chain(kb.polities.iter().map(|p| p.name.as_str()))
        .collect();
    let mut group = c.benchmark_group("kb_names");
    group.throughput(criterion::Throughput::Elements(names.len() as u64));
    group.bench_function("exact_name_lookup", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| kb.lookup(black_box(n)).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let jermuk = resolve_place(&kb, "Jermuk").expect("known place");
    let date = parse_day("2022-09-13").expect("date");
    let states: Vec<String> = kb.polities.iter().map(|p| p.id.clone()).collect();
    let mut group = c.benchmark_group("all_ordered_pairs_at_jermuk");
    group.sample_size(10);
    // Every ordered pair of distinct states as (attacker, defender) at Jermuk.
    let each_pair = |judge: &dyn Fn(&Scenario) -> usize| {
        let mut n = 0usize;
        for a in &states {
            for d in states.iter().filter(|d| *d != a) {
                let s = Scenario {
                    attackers: vec![a.clone()],
                    defenders: vec![d.clone()],
                    place: jermuk.clone(),
                    date,
                    target: Target::Territory,
                    character: Default::default(),
                };
                n += judge(&s);
            }
        }
        n
    };
    let pairs = format!("{}x{}", states.len(), states.len() - 1);
    group.bench_function(pairs.clone(), |b| {
        b.iter(|| black_box(each_pair(&|s| analyse(&kb, s).verdicts.len())))
    });
    group.bench_function(format!("{pairs}_verdicts_only"), |b| {
        b.iter(|| black_box(each_pair(&|s| verdicts(&kb, s).len())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
