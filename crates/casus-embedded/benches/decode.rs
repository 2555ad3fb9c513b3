//! Start-up's share of the knowledge base: decoding the embedded binary
//! form (what the `casus` binary does) beside parsing and checking the
//! same base from its TOML (what it did before, and what `casus check`
//! and `--kb DIR` still do).

use casus_core::KnowledgeBase;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

// The allocator the casus binary uses (crates/casus-cli/src/main.rs).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("embedded_kb");
    group.sample_size(30);
    group.bench_function("decode_binary_form", |b| {
        b.iter(|| black_box(casus_embedded::knowledge_base().expect("decodes")))
    });
    group.bench_function("parse_and_check_toml", |b| {
        b.iter(|| black_box(KnowledgeBase::embedded().expect("loads")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
