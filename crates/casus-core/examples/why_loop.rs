//! A profiling aid (docs/performance.md): judge one scenario many times
//! with full proofs, for `valgrind --tool=callgrind` or `perf`.
//!
//! `cargo run --release -p casus-core --example why_loop -- [stepanakert|ankara] [N] [verdicts]`

use casus_core::engine::{analyse, verdicts, Scenario, Target};
use casus_core::query::resolve_place;
use casus_core::time::parse_day;
use casus_core::KnowledgeBase;
use std::hint::black_box;

// The allocator the casus binary uses.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "stepanakert".into());
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let verdict_only = args.next().is_some_and(|a| a == "verdicts");
    let kb = KnowledgeBase::embedded().expect("the embedded knowledge base loads");
    let (attacker, defender, place) = match case.as_str() {
        "ankara" => ("RUS", "TUR", "Ankara"),
        _ => ("AZE", "ARM", "Stepanakert"),
    };
    let scenario = Scenario {
        attackers: vec![attacker.into()],
        defenders: vec![defender.into()],
        place: resolve_place(&kb, place).expect("a known place"),
        date: parse_day("2020-10-07").expect("a date"),
        target: Target::Territory,
        character: Default::default(),
    };
    let mut total = 0;
    for _ in 0..n {
        total += if verdict_only {
            black_box(verdicts(&kb, black_box(&scenario))).len()
        } else {
            black_box(analyse(&kb, black_box(&scenario))).verdicts.len()
        };
    }
    println!("{total} verdicts in {n} runs");
}
