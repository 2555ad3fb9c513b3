//! Benchmark: import ATOP 5.1 into a knowledge base and validate the result;
//! regenerate and compare the directed dyad-year table. Needs
//! `../shared/data/external/` beside the repository; skipped (with a message)
//! when it is absent.

use std::path::PathBuf;

use casus_core::kb::KbFile;
use casus_core::KnowledgeBase;
use criterion::{criterion_group, criterion_main, Criterion};

fn external() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("../shared/data/external");
    dir.join("atop_5.1/atop5_1m.csv").is_file().then_some(dir)
}

fn bench(c: &mut Criterion) {
    let Some(ext) = external() else {
        eprintln!(
            "skipping import benchmarks: ../shared/data/external/ not found beside the repository"
        );
        return;
    };
    let atop = ext.join("atop_5.1");
    let table = ext.join("atop_5.1_peacesciencer/atop_alliance_ddyr.csv");
    let base = KnowledgeBase::embedded().expect("embedded base loads");
    c.bench_function("import ATOP 5.1 + validate the knowledge base", |b| {
        b.iter(|| {
            let data = casus_import::atop::read_dir(&atop).expect("ATOP reads");
            let import = casus_import::kbgen::atop_to_kb(&data, &base, None, |_, _| {});
            let mut files = KnowledgeBase::embedded_files();
            files.extend(import.files.into_iter().map(|f| KbFile {
                path: f.path,
                text: f.text,
            }));
            let kb = KnowledgeBase::from_files(&files).expect("import validates");
            assert!(kb.treaties.len() > 700);
        })
    });
    c.bench_function("regenerate + compare ATOP ddyr", |b| {
        b.iter(|| {
            let mut problems = Vec::new();
            casus_import::ddyr::compare_files(
                &atop.join("atop5_1m.csv"),
                &table,
                None,
                &mut problems,
            )
            .expect("compare")
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
