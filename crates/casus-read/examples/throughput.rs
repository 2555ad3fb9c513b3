//! Read a file N times (default 10) with one reader, for measuring CPU time
//! per byte with an external timer (`perf stat -e task-clock`), which a
//! shared machine's wall clock cannot give:
//! `cargo run --release -p casus-read --example throughput -- FILE [N]`.

use casus_core::KnowledgeBase;
use casus_read::{Options, Reader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: throughput FILE [N]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(10);
    let bytes = std::fs::read(&path)?;
    let kb = KnowledgeBase::embedded().map_err(|_| "embedded knowledge base")?;
    let reader = Reader::new(&kb)?;
    let start = std::time::Instant::now();
    let mut claims = 0;
    for _ in 0..n {
        claims += reader.read(&kb, &bytes, &Options::default())?.claims.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes x {n}: {:.3} s wall, {:.2} MB/s wall; {claims} claims",
        bytes.len(),
        secs,
        (bytes.len() * n) as f64 / secs / 1e6
    );
    Ok(())
}
