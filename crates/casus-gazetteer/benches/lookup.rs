//! Name lookups in the gazetteer: exact names (folded, found in the fst
//! map, posting list counted), full entries, and the choice rules.

use casus_gazetteer::{choose, Gazetteer, Policy};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn names(g: &Gazetteer, n: usize) -> Vec<&'static str> {
    // Every 97th place: a spread over countries and sizes.
    (0..g.len())
        .step_by(97)
        .take(n)
        .filter_map(|i| g.entry(i).map(|e| e.name))
        .collect()
}

fn bench(c: &mut Criterion) {
    let g = Gazetteer::get();
    let sample = names(g, 1000);
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Elements(sample.len() as u64));
    group.bench_function("exact name: count", |b| {
        b.iter(|| sample.iter().map(|n| g.count(n)).sum::<usize>())
    });
    group.bench_function("exact name: entries", |b| {
        b.iter(|| sample.iter().map(|n| g.lookup(n).len()).sum::<usize>())
    });
    group.bench_function("exact name: entries + choice", |b| {
        b.iter_batched(
            || (),
            |_| {
                sample
                    .iter()
                    .filter(|n| {
                        matches!(
                            choose(g.lookup(n), None, Policy::default()),
                            casus_gazetteer::Choice::One { .. }
                        )
                    })
                    .count()
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
