//! Reading speed: bytes of article text per second, one core. The input is
//! the crate's own annotated articles (tests/articles), repeated to about
//! 1 MB so start-up costs do not count; dictionaries are built once, as a
//! long-running reader would. Also: building the reader (the dictionaries
//! from the knowledge base), and reading one article end to end with the
//! engine check of its claims.

use std::hint::black_box;
use std::path::Path;

use casus_core::KnowledgeBase;
use casus_read::{Options, Reader};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
    let reader = Reader::new(&kb).expect("reader");
    let all = articles();
    let mut big = String::new();
    while big.len() < 1024 * 1024 {
        for a in &all {
            big.push_str(a);
            big.push_str("\n\n");
        }
    }
    let options = Options::default();

    let mut g = c.benchmark_group("read");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("extract_1mb", |b| {
        b.iter(|| black_box(reader.read_text(&kb, black_box(&big), &options)))
    });
    g.finish();

    let one = &all[1];
    let mut g = c.benchmark_group("read_one");
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("extract_and_check", |b| {
        b.iter(|| {
            let a = reader
                .read_text(&kb, black_box(one), &options)
                .expect("reads");
            black_box(casus_read::check(&kb, &a))
        })
    });
    g.finish();

    c.bench_function("reader_new", |b| b.iter(|| black_box(Reader::new(&kb))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
