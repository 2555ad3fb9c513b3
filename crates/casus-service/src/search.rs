//! `search`: type-ahead over names — states, armed groups, treaties, the
//! knowledge base's territories and places, and the GeoNames gazetteer.
//! Matching is by prefix on folded names (case, accents and punctuation do
//! not matter: `casus_core::names::fold`), of the whole name or of any word
//! in it. Results are ranked (exact name, then prefix of the name, then
//! prefix of a later word; own names before aliases; the knowledge base
//! before the gazetteer, whose places go by population) and bounded.

use std::collections::HashMap;

use casus_core::model::PolityKind;
use casus_core::names::fold;
use casus_core::KnowledgeBase;
use casus_gazetteer::Gazetteer;
use serde::Serialize;

use crate::{Field, SearchKind, SearchRequest, Service, ServiceError};

/// Results when the request gives no limit.
pub const DEFAULT_LIMIT: usize = 10;
/// Gazetteer names read per query (key order), before ranking.
const GAZETTEER_NAMES: usize = 2000;
/// The gazetteer is searched from this many folded characters on.
const GAZETTEER_MIN_CHARS: usize = 3;

/// One match.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The id in the knowledge base (`ARM`, `csto`, `nagorno-karabakh`), or
    /// `geonames:<id>` for a gazetteer place.
    pub id: String,
    /// The name to show.
    pub name: String,
    /// What to put in a request field (`attackers`, `treaty`, `at`, …) to
    /// get exactly this one.
    pub value: String,
    /// The alias or other name that matched, when it is not `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    /// A short description (the territory a place lies in, the country and
    /// population of a gazetteer place, the kind of a treaty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Latitude and longitude, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coords: Option<(f64, f64)>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResponse {
    pub q: String,
    pub results: Vec<SearchHit>,
}

/// One name of one item, folded.
struct Key {
    folded: String,
    item: usize,
    /// Position of the word the key starts at (0: the whole name).
    word: usize,
    /// The name as written (own name or alias).
    name_index: usize,
}

struct Item {
    hit: SearchHit,
    /// The item's names as written; 0 is its own name.
    names: Vec<String>,
    /// How many of `names` (from the start) are its own names rather than
    /// aliases: the name, the id, a treaty's short name.
    own: usize,
}

/// The knowledge base's names, folded and sorted once.
pub(crate) struct Index {
    keys: Vec<Key>,
    items: Vec<Item>,
}

impl Index {
    fn build(kb: &KnowledgeBase) -> Index {
        let mut items: Vec<Item> = Vec::new();
        let mut add = |kind, id: &str, value: &str, names: Vec<String>, own, detail, coords| {
            items.push(Item {
                own,
                hit: SearchHit {
                    kind,
                    id: id.to_string(),
                    name: names[0].clone(),
                    value: value.to_string(),
                    matched: None,
                    detail,
                    coords,
                },
                names,
            });
        };
        for p in &kb.polities {
            let kind = match p.kind {
                PolityKind::State | PolityKind::DeFactoState => SearchKind::State,
                PolityKind::ArmedGroup | PolityKind::Unknown => SearchKind::ArmedGroup,
                PolityKind::Organisation => continue,
            };
            let mut names = vec![p.name.clone(), p.id.clone()];
            names.extend(p.aliases.iter().cloned());
            let detail = (p.kind == PolityKind::DeFactoState).then(|| "de facto state".into());
            add(kind, &p.id, &p.id, names, 2, detail, None);
        }
        for t in &kb.treaties {
            let mut names = vec![t.name.clone(), t.short_name.clone(), t.id.clone()];
            names.extend(t.aliases.iter().cloned());
            add(
                SearchKind::Treaty,
                &t.id,
                &t.id,
                names,
                3,
                Some(t.kind.label().to_string()),
                None,
            );
        }
        for t in &kb.territories {
            let mut names = vec![t.name.clone()];
            names.extend(t.aliases.iter().cloned());
            add(
                SearchKind::Place,
                &t.id,
                &t.name,
                names,
                1,
                Some("territory".into()),
                None,
            );
        }
        for p in &kb.places {
            let mut names = vec![p.name.clone()];
            names.extend(p.aliases.iter().cloned());
            names.extend(p.dated_names.iter().map(|d| d.value.clone()));
            let detail = kb.territory(&p.territory).map(|t| format!("in {}", t.name));
            add(
                SearchKind::Place,
                &p.id,
                &p.name,
                names,
                1,
                detail,
                p.coords,
            );
        }
        let mut keys = Vec::new();
        for (item, it) in items.iter().enumerate() {
            for (name_index, name) in it.names.iter().enumerate() {
                let folded = fold(name);
                let mut word = 0;
                let mut rest = folded.as_str();
                loop {
                    if !rest.is_empty() {
                        keys.push(Key {
                            folded: rest.to_string(),
                            item,
                            word,
                            name_index,
                        });
                    }
                    match rest.split_once(' ') {
                        Some((_, tail)) => {
                            rest = tail;
                            word += 1;
                        }
                        None => break,
                    }
                }
            }
        }
        keys.sort_by(|a, b| a.folded.cmp(&b.folded));
        Index { keys, items }
    }
}

/// How good a match is: lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// 0 exact, 1 prefix of the name, 2 prefix of a later word.
    tier: u8,
    /// 0 knowledge base, 1 gazetteer.
    source: u8,
    /// 0 own name (or id, or a treaty's short name), 1 another name.
    alias: u8,
    /// States, then armed groups, treaties, places.
    kind: SearchKind,
    /// Gazetteer places by population (descending).
    population: std::cmp::Reverse<u32>,
    /// Shorter names first.
    length: usize,
}

impl Service {
    /// Names starting with `req.q`, ranked and bounded.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse, ServiceError> {
        self.limits().check_text(Field::Q, &req.q)?;
        let max = self.limits().max_search_results;
        let limit = req.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > max {
            return Err(ServiceError::malformed(
                Field::Limit,
                format!("limit must be between 1 and {max}"),
            ));
        }
        let wanted = |k: SearchKind| req.kinds.is_empty() || req.kinds.contains(&k);
        let q = fold(&req.q);
        let mut ranked: Vec<(Rank, SearchHit)> = Vec::new();
        if !q.is_empty() {
            let index = self.search.get_or_init(|| Index::build(self.kb()));
            let start = index
                .keys
                .partition_point(|k| k.folded.as_str() < q.as_str());
            let mut best: HashMap<usize, Rank> = HashMap::new();
            let mut matched: HashMap<usize, usize> = HashMap::new();
            for key in index.keys[start..]
                .iter()
                .take_while(|k| k.folded.starts_with(&q))
            {
                let item = &index.items[key.item];
                if !wanted(item.hit.kind) {
                    continue;
                }
                let tier = match (key.word, key.folded == q) {
                    (0, true) => 0,
                    (0, false) => 1,
                    _ => 2,
                };
                let rank = Rank {
                    tier,
                    alias: u8::from(key.name_index >= item.own),
                    kind: item.hit.kind,
                    source: 0,
                    population: std::cmp::Reverse(0),
                    length: item.names[key.name_index].len(),
                };
                let e = best.entry(key.item).or_insert(rank);
                if rank <= *e {
                    *e = rank;
                    matched.insert(key.item, key.name_index);
                }
            }
            for (item, rank) in best {
                let it = &index.items[item];
                let mut hit = it.hit.clone();
                let name_index = matched.get(&item).copied().unwrap_or(0);
                if fold(&it.names[name_index]) != fold(&hit.name) && name_index >= it.own {
                    hit.matched = Some(it.names[name_index].clone());
                }
                ranked.push((rank, hit));
            }
            if wanted(SearchKind::Gazetteer) && q.len() >= GAZETTEER_MIN_CHARS {
                ranked.extend(gazetteer_hits(&q));
            }
        }
        ranked.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        ranked.truncate(limit);
        Ok(SearchResponse {
            q: req.q.clone(),
            results: ranked.into_iter().map(|(_, h)| h).collect(),
        })
    }
}

fn gazetteer_hits(q: &str) -> Vec<(Rank, SearchHit)> {
    let mut out = Vec::new();
    for (key, entries) in Gazetteer::get().prefix_folded(q, GAZETTEER_NAMES) {
        for e in entries {
            let tier = if key == q { 0 } else { 1 };
            out.push((
                Rank {
                    tier,
                    alias: u8::from(!e.primary),
                    kind: SearchKind::Gazetteer,
                    source: 1,
                    population: std::cmp::Reverse(e.population),
                    length: e.name.len(),
                },
                SearchHit {
                    kind: SearchKind::Gazetteer,
                    id: format!("geonames:{}", e.geonameid),
                    name: e.name.to_string(),
                    value: format!("{}, {}", e.name, e.country),
                    matched: None,
                    detail: Some(format!(
                        "{}, pop. {}",
                        e.country,
                        casus_gazetteer::thousands(e.population)
                    )),
                    coords: Some((e.lat, e.lon)),
                },
            ));
        }
    }
    // One entry per place (a place matches under several of its names).
    out.sort_by(|a, b| a.1.id.cmp(&b.1.id).then(a.0.cmp(&b.0)));
    out.dedup_by(|a, b| a.1.id == b.1.id);
    out
}
