//! The compiled index (see `build.rs`): an `fst` map from folded names to
//! posting lists of places, and fixed-size place records. All of it is
//! `include_bytes!` data, read in place.

use std::sync::LazyLock;

use fst::Map;

static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
static PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
static NAMES_TXT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.txt"));

/// Bytes per place record: id u32 (GeoNames id, or Natural Earth's
/// `ne_id`), lat i32 and lon i32 (1e-5 degrees), population u32, name
/// offset u32, name length u16, country code 2 bytes, kind u8, 3 bytes of
/// padding; all little-endian.
const RECORD: usize = 28;

/// Top bit of a posting: the key is the place's own name.
const PRIMARY: u32 = 1 << 31;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer {
    // The map was written by fst's own builder in build.rs; if it were
    // somehow unreadable the gazetteer is simply empty.
    names: Map::new(NAMES_FST).ok(),
});

/// What kind of feature an entry is: a GeoNames populated place, or one of
/// the Natural Earth features that reports name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// A populated place (GeoNames).
    Place,
    /// A first-level subdivision: province, state, oblast, governorate
    /// (Natural Earth admin-1 label point).
    Province,
    /// A sea, gulf, bay, strait or channel (Natural Earth marine areas).
    Sea,
    /// A named land region: peninsula, desert, range, plain, valley.
    Region,
    /// An island or island group.
    Island,
    Cape,
    Airport,
    Port,
}

impl Feature {
    const ALL: [Feature; 8] = [
        Feature::Place,
        Feature::Province,
        Feature::Sea,
        Feature::Region,
        Feature::Island,
        Feature::Cape,
        Feature::Airport,
        Feature::Port,
    ];

    /// The kind's name (`province`).
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Place => "place",
            Feature::Province => "province",
            Feature::Sea => "sea",
            Feature::Region => "region",
            Feature::Island => "island",
            Feature::Cape => "cape",
            Feature::Airport => "airport",
            Feature::Port => "port",
        }
    }

    /// Where the entry comes from, for credits and links.
    pub fn source(self) -> &'static str {
        match self {
            Feature::Place => "GeoNames",
            _ => "Natural Earth",
        }
    }

    /// An area named after its main town (a province or region), which
    /// yields to a populated place of the same name in the same country.
    pub fn is_named_area(self) -> bool {
        matches!(self, Feature::Province | Feature::Region)
    }
}

/// One populated place or named feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    /// Position in the index (stable for one build).
    pub index: u32,
    /// GeoNames' id (`https://www.geonames.org/<id>`) for a populated
    /// place; Natural Earth's `ne_id` (or a number of the layer's) for a
    /// feature.
    pub geonameid: u32,
    pub kind: Feature,
    pub name: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code as GeoNames gives it (`XK` for Kosovo);
    /// `--` for a feature at sea or in no country.
    pub country: &'static str,
    /// GeoNames' population figure (0 where it has none).
    pub population: u32,
    /// True when the looked-up name is this place's own name, false when it
    /// is one of its alternate names (always true from [`Gazetteer::entry`]).
    pub primary: bool,
}

impl Entry {
    /// What candidates are ranked by: a populated place's population, and
    /// a fixed weight for features that have none, so that a province,
    /// sea, region or island outranks a hamlet of the same name abroad
    /// (build.rs sorts posting lists by the same rule).
    pub fn weight(&self) -> u32 {
        match self.kind {
            Feature::Place => self.population,
            Feature::Province => 500_000,
            Feature::Sea | Feature::Region | Feature::Island => 1_000_000,
            Feature::Cape | Feature::Airport | Feature::Port => 0,
        }
    }
}

/// The index. Get it with [`Gazetteer::get`].
#[derive(Debug)]
pub struct Gazetteer {
    names: Option<Map<&'static [u8]>>,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(b)
}

impl Gazetteer {
    /// The embedded index, opened on first call.
    pub fn get() -> &'static Gazetteer {
        &GAZETTEER
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        PLACES.len() / RECORD
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct folded names.
    pub fn name_count(&self) -> usize {
        self.names.as_ref().map_or(0, |m| m.len())
    }

    /// Place `i` (0 ≤ i < len).
    pub fn entry(&self, i: usize) -> Option<Entry> {
        let rec = PLACES.get(i * RECORD..(i + 1) * RECORD)?;
        let offset = u32_at(rec, 16) as usize;
        let len = u16::from_le_bytes([rec[20], rec[21]]) as usize;
        let name = NAMES_TXT
            .get(offset..offset + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("");
        let country = std::str::from_utf8(&rec[22..24]).unwrap_or("");
        Some(Entry {
            index: i as u32,
            geonameid: u32_at(rec, 0),
            kind: Feature::ALL
                .get(usize::from(rec[24]))
                .copied()
                .unwrap_or(Feature::Place),
            name,
            lat: f64::from(u32_at(rec, 4) as i32) / 1e5,
            lon: f64::from(u32_at(rec, 8) as i32) / 1e5,
            country,
            population: u32_at(rec, 12),
            primary: true,
        })
    }

    /// Every place bearing a name that folds to `key` (already folded),
    /// heaviest first (`Entry::weight`).
    pub fn lookup_folded(&self, key: &str) -> Vec<Entry> {
        let Some(value) = self.names.as_ref().and_then(|m| m.get(key)) else {
            return Vec::new();
        };
        let start = (value >> 32) as usize;
        let count = (value & 0xffff_ffff) as usize;
        (start..start + count)
            .filter_map(|p| POSTINGS.get(p * 4..p * 4 + 4))
            .filter_map(|b| {
                let p = u32_at(b, 0);
                let mut e = self.entry((p & !PRIMARY) as usize)?;
                e.primary = p & PRIMARY != 0;
                Some(e)
            })
            .collect()
    }

    /// Every place bearing a name that folds like `name`, heaviest first (`Entry::weight`).
    pub fn lookup(&self, name: &str) -> Vec<Entry> {
        self.lookup_folded(&casus_core::names::fold(name))
    }

    /// How many places bear a name folding like `name` (no allocation of
    /// entries): the hot path for benchmarks and existence checks.
    pub fn count(&self, name: &str) -> usize {
        let key = casus_core::names::fold(name);
        self.names
            .as_ref()
            .and_then(|m| m.get(&key))
            .map_or(0, |v| (v & 0xffff_ffff) as usize)
    }
}

// ---- Names matched by an automaton: prefixes (type-ahead,
// casus-service::search) and near spellings (a last resort) ----

impl Gazetteer {
    /// Places bearing a name whose folded form starts with `prefix`
    /// (already folded): at most `max_names` distinct names are read, in
    /// key order, each with its places. Bounded work for type-ahead.
    pub fn prefix_folded(&self, prefix: &str, max_names: usize) -> Vec<(String, Vec<Entry>)> {
        use fst::Automaton;
        self.names_matching(fst::automaton::Str::new(prefix).starts_with(), max_names)
    }

    /// Names within `distance` edits of `key` (already folded), each with
    /// its places; at most `max_names` names. Empty when the automaton for
    /// `key` would be too large.
    pub fn near_folded(
        &self,
        key: &str,
        distance: u32,
        max_names: usize,
    ) -> Vec<(String, Vec<Entry>)> {
        match fst::automaton::Levenshtein::new(key, distance) {
            Ok(automaton) => self.names_matching(automaton, max_names),
            Err(_) => Vec::new(),
        }
    }

    /// At most `max_names` names the automaton accepts, in key order, each
    /// with its places.
    fn names_matching(
        &self,
        automaton: impl fst::Automaton,
        max_names: usize,
    ) -> Vec<(String, Vec<Entry>)> {
        use fst::{IntoStreamer, Streamer};
        let Some(map) = self.names.as_ref() else {
            return Vec::new();
        };
        let mut stream = map.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some((key, _)) = stream.next() {
            if out.len() >= max_names {
                break;
            }
            let key = String::from_utf8_lossy(key).into_owned();
            let entries = self.lookup_folded(&key);
            out.push((key, entries));
        }
        out
    }
}
