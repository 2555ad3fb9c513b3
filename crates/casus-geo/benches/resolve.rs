//! Point resolution speed: the quick path (boundary layer + territory +
//! regions, no explanation), the full explained chain, building the resolver
//! (what a coordinate adds to start-up), and parsing.

use std::hint::black_box;

use casus_core::KnowledgeBase;
use casus_geo::{parse_coord, Coord, Resolver};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Deterministic points spread over the globe (a simple LCG).
fn points(n: usize) -> Vec<Coord> {
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .filter_map(|_| Coord::new(next() * 180.0 - 90.0, next() * 360.0 - 180.0).ok())
        .collect()
}

/// Deterministic points over land around the Caucasus (all hit outlines).
fn caucasus_points(n: usize) -> Vec<Coord> {
    (0..n)
        .filter_map(|i| {
            let f = i as f64 / n as f64;
            Coord::new(38.9 + 1.4 * ((f * 97.0) % 1.0), 45.5 + 2.0 * f).ok()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
    let resolver = Resolver::new(&kb, None).expect("layer");
    let world = points(10_000);
    let caucasus = caucasus_points(10_000);

    let mut g = c.benchmark_group("resolve");
    g.throughput(Throughput::Elements(world.len() as u64));
    g.bench_function("quick/world", |b| {
        b.iter(|| {
            for p in &world {
                black_box(resolver.quick(*p));
            }
        })
    });
    g.bench_function("quick/caucasus", |b| {
        b.iter(|| {
            for p in &caucasus {
                black_box(resolver.quick(*p));
            }
        })
    });
    let layer = casus_geo::BoundaryLayer::embedded().expect("layer");
    g.bench_function("layer_only/world", |b| {
        b.iter(|| {
            for p in &world {
                black_box(layer.areas(*p));
            }
        })
    });
    g.bench_function("layer_only/caucasus", |b| {
        b.iter(|| {
            for p in &caucasus {
                black_box(layer.areas(*p));
            }
        })
    });
    g.bench_function("full/world", |b| {
        b.iter(|| {
            for p in &world {
                black_box(resolver.resolve(*p));
            }
        })
    });
    g.finish();

    c.bench_function("startup/resolver_new", |b| {
        b.iter(|| black_box(Resolver::new(&kb, None).expect("layer")))
    });
    c.bench_function("parse/dms", |b| {
        b.iter(|| black_box(parse_coord(black_box("39°48′55″N 46°45′7″E"))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
