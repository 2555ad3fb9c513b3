//! Place names, in priority order: the knowledge base's own places,
//! territories and polities (with their names by date), then the GeoNames
//! gazetteer (`casus-gazetteer`), whose coordinates go through the same
//! [`Resolver`] chain as typed coordinates — so sovereignty and regions
//! still come from the knowledge base on the date. An ambiguous gazetteer
//! name is an error listing the candidates, unless a country qualifier
//! (`"Tripoli, LB"`) or [`NameOptions::most_populous`] settles it.

use casus_core::kb::KnowledgeBase;
use casus_core::query::{resolve_place_on, QueryError, ResolvedPlace};
use casus_gazetteer::{choose, describe, split_qualifier, Choice, Gazetteer, How, Policy};
use jiff::civil::Date;
use serde::Serialize;

use crate::coord::Coord;
use crate::layer::LayerError;
use crate::resolve::{Resolution, Resolver};

/// How many candidates an ambiguity error lists before "and N more".
const LISTED: usize = 8;

/// What the user asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameOptions {
    /// Take the most populous of several gazetteer places of one name.
    pub most_populous: bool,
}

/// The gazetteer place a name resolved to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GazetteerHit {
    pub name: String,
    pub country: String,
    pub population: u32,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    /// `only`, `leader` or `most_populous` (see `casus_gazetteer::choose`).
    pub chosen: &'static str,
    /// Other places of that name, described, most populous first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub passed_over: Vec<String>,
}

/// A resolved name.
#[derive(Debug, Clone)]
pub struct NamedPlace {
    /// `None` when the gazetteer's coordinates lie in no territory of the
    /// knowledge base (then `geo` explains why).
    pub place: Option<ResolvedPlace>,
    /// The coordinate chain, for a gazetteer hit.
    pub geo: Option<Resolution>,
    pub gazetteer: Option<GazetteerHit>,
}

/// Why a name did not resolve.
#[derive(Debug, thiserror::Error)]
pub enum NameError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Layer(#[from] LayerError),
}

/// Resolve a place name on `date`. `resolver` is called only for a
/// gazetteer hit, so a knowledge-base name never builds one; it may give a
/// new resolver or a shared one (`&Resolver`, as the server keeps).
pub fn resolve_name<'kb, R: std::borrow::Borrow<Resolver<'kb>>>(
    kb: &'kb KnowledgeBase,
    input: &str,
    date: Date,
    options: NameOptions,
    resolver: impl FnOnce() -> Result<R, LayerError>,
) -> Result<NamedPlace, NameError> {
    let kb_error = match resolve_place_on(kb, input, date) {
        Ok(place) => {
            return Ok(NamedPlace {
                place: Some(place),
                geo: None,
                gazetteer: None,
            })
        }
        Err(e @ QueryError::Ambiguous { .. }) => return Err(e.into()),
        Err(e) => e,
    };
    let (name, country) = split_qualifier(input);
    let policy = Policy {
        most_populous: options.most_populous,
    };
    let (entry, how, passed_over) =
        match choose(Gazetteer::get().lookup(name), country.as_deref(), policy) {
            Choice::None => return Err(kb_error.into()),
            Choice::Ambiguous(all) => return Err(ambiguous(input, name, &all).into()),
            Choice::One {
                entry,
                how,
                passed_over,
            } => (entry, how, passed_over),
        };
    let coord = Coord {
        lat: entry.lat,
        lon: entry.lon,
    };
    let resolution = resolver()?.borrow().resolve(coord);
    let hit = GazetteerHit {
        name: entry.name.to_string(),
        country: entry.country.to_string(),
        population: entry.population,
        geonameid: entry.geonameid,
        lat: entry.lat,
        lon: entry.lon,
        chosen: match how {
            How::Only => "only",
            How::Leader => "leader",
            How::MostPopulous => "most_populous",
        },
        passed_over: passed_over.iter().map(describe).collect(),
    };
    let place = resolution.to_place(kb, input).map(|mut p| {
        p.place_name = Some(format!("{} ({})", entry.name, entry.country));
        p.notes.push(
            "not in the knowledge base: found in the GeoNames gazetteer and located by its coordinates through the boundary layer".to_string(),
        );
        if let Some(note) = passed_over_note(how, &hit.passed_over) {
            p.notes.push(note);
        }
        p
    });
    Ok(NamedPlace {
        place,
        geo: Some(resolution),
        gazetteer: Some(hit),
    })
}

fn passed_over_note(how: How, others: &[String]) -> Option<String> {
    let listed = list(others);
    match how {
        How::Only => None,
        How::Leader => Some(format!(
            "chosen as at least {}× more populous than every other place of that name: {listed}",
            casus_gazetteer::LEADER_FACTOR
        )),
        How::MostPopulous => Some(format!(
            "the most populous place of that name, as asked; the others: {listed}"
        )),
    }
}

fn list(items: &[String]) -> String {
    let mut out = items.iter().take(LISTED).cloned().collect::<Vec<_>>();
    if items.len() > LISTED {
        out.push(format!("and {} more", items.len() - LISTED));
    }
    out.join(", ")
}

fn ambiguous(input: &str, name: &str, all: &[casus_gazetteer::Entry]) -> QueryError {
    let mut candidates: Vec<String> = all.iter().take(LISTED).map(describe).collect();
    if all.len() > LISTED {
        candidates.push(format!("and {} more", all.len() - LISTED));
    }
    if let Some(last) = candidates.last_mut() {
        let cc = all.first().map_or("CC", |e| e.country);
        last.push_str(&format!(
            " — name one with a country code, as \"{name}, {cc}\", or ask for the most populous with --most-populous"
        ));
    }
    QueryError::Ambiguous {
        input: input.to_string(),
        candidates,
    }
}

/// For callers that need a [`ResolvedPlace`] and nothing else (scenario
/// files): [`resolve_name`] with a resolver built on demand (no overlay);
/// gazetteer coordinates in no territory are an unknown place.
pub fn resolve_place_anywhere(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    options: NameOptions,
) -> Result<ResolvedPlace, QueryError> {
    match resolve_name(kb, input, date, options, || Resolver::new(kb, None)) {
        Ok(NamedPlace {
            place: Some(p), ..
        }) => Ok(p),
        Ok(NamedPlace { place: None, .. }) => Err(QueryError::Unknown {
            what: "place (the gazetteer's coordinates for it lie in no territory of the knowledge base)",
            input: input.to_string(),
            suggestions: Vec::new(),
        }),
        Err(NameError::Query(e)) => Err(e),
        Err(NameError::Layer(e)) => Err(QueryError::Unknown {
            what: "place (the boundary layer could not be read)",
            input: format!("{input}: {e}"),
            suggestions: Vec::new(),
        }),
    }
}
