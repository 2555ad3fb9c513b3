//! Scores on the annotated news articles of `../shared/data/news/` (and
//! the seed article, `../shared/seed/`), and on the articles written for
//! this crate (`tests/articles/`). The shared data test is ignored when the
//! folder is absent. Scores must not drop below the recorded floors
//! (docs/read.md).

use std::path::{Path, PathBuf};

use casus_core::KnowledgeBase;
use casus_read::eval::{cases_in, evaluate, Case, Scores};
use casus_read::Reader;

fn shared() -> Option<PathBuf> {
    option_env!("CASUS_SHARED_DIR").map(PathBuf::from)
}

fn run(cases: &[Case]) -> Scores {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
    let reader = Reader::new(&kb).expect("reader");
    let (total, each) = evaluate(&kb, &reader, cases).expect("evaluation");
    for (name, s) in &each {
        eprintln!("--- {name}\n{}", s.table());
    }
    eprintln!("=== total\n{}", total.table());
    total
}

fn assert_floor(s: &Scores, floors: [f64; 6]) {
    for ((name, c), floor) in s.measures().iter().zip(floors) {
        assert!(c.f1() >= floor, "{name}: F1 {:.3} below {floor}", c.f1());
    }
}

#[test]
#[cfg_attr(casus_news_absent, ignore = "needs ../shared/data/news")]
fn shared_news_articles_score_at_or_above_the_floors() {
    let shared = shared().expect("CASUS_SHARED_DIR is set when the data is present");
    let news = shared.join("data/news");
    let mut cases = cases_in(&news).expect("news folder");
    let seed = shared.join("seed/000_1aa85bb800c591c2.txt");
    cases.push(Case {
        annotation: news.join("00-seed.json"),
        text: seed,
    });
    assert!(cases.len() >= 8, "{} articles", cases.len());
    let s = run(&cases);
    // quotes, states, treaties, places, dates, claims: the targets
    // are 0.9 (0.7 for claims); the floors hold today's scores (docs/read.md).
    assert_floor(&s, [0.95, 0.95, 0.95, 0.95, 0.95, 0.9]);
}

#[test]
fn own_articles_score_at_or_above_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let cases = cases_in(&dir).expect("tests/articles");
    assert!(cases.len() >= 3, "{} articles", cases.len());
    let s = run(&cases);
    assert_floor(&s, [0.95, 0.95, 0.95, 0.95, 0.95, 0.8]);
}
