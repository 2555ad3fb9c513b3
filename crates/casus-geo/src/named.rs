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
    resolve_name_by(kb, input, date, options, |coord| {
        Ok(resolver()?.borrow().resolve(coord))
    })
}

/// [`resolve_name`] with the gazetteer's coordinates resolved by `locate`
/// (called only for a gazetteer hit).
fn resolve_name_by(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    options: NameOptions,
    locate: impl FnOnce(Coord) -> Result<Resolution, LayerError>,
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
    let resolution = locate(coord)?;
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
/// gazetteer coordinates in no territory are an unknown place. To resolve
/// many names, use one [`PlaceNames`], which builds the resolver once.
pub fn resolve_place_anywhere(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    options: NameOptions,
) -> Result<ResolvedPlace, QueryError> {
    PlaceNames::new(kb, options).place(input, date)
}

/// Place names resolved one after another (a scenario file's places): the
/// coordinate [`Resolver`] (no overlay) is built on the first gazetteer hit
/// and kept for the others, so a knowledge-base name never builds one and
/// a file of gazetteer names builds one, not one per name.
pub struct PlaceNames<'kb> {
    kb: &'kb KnowledgeBase,
    options: NameOptions,
    resolver: std::cell::OnceCell<Resolver<'kb>>,
}

impl<'kb> PlaceNames<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, options: NameOptions) -> PlaceNames<'kb> {
        PlaceNames {
            kb,
            options,
            resolver: std::cell::OnceCell::new(),
        }
    }

    /// [`resolve_place_anywhere`] with the kept resolver.
    pub fn place(&self, input: &str, date: Date) -> Result<ResolvedPlace, QueryError> {
        let locate = |coord: Coord| -> Result<Resolution, LayerError> {
            let resolver = match self.resolver.get() {
                Some(r) => r,
                None => {
                    let fresh = Resolver::new(self.kb, None)?;
                    self.resolver.get_or_init(|| fresh)
                }
            };
            Ok(resolver.resolve(coord))
        };
        named_place(
            resolve_name_by(self.kb, input, date, self.options, locate),
            input,
        )
    }
}

/// What a caller that needs a knowledge-base place makes of a resolved
/// name `input`: the place, or a query error saying why there is none.
pub fn named_place(
    named: Result<NamedPlace, NameError>,
    input: &str,
) -> Result<ResolvedPlace, QueryError> {
    match named {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_builds_one_resolver_for_many_gazetteer_names() {
        let kb = KnowledgeBase::embedded().expect("embedded knowledge base loads");
        let date = casus_core::time::parse_day("2024-01-01").expect("date");
        let names = PlaceNames::new(&kb, NameOptions::default());
        names
            .place("Stepanakert", date)
            .expect("a knowledge-base place");
        assert!(
            names.resolver.get().is_none(),
            "a knowledge-base name builds no resolver"
        );
        let zwickau = names.place("Zwickau", date).expect("a gazetteer place");
        assert_eq!(zwickau.place_name.as_deref(), Some("Zwickau (DE)"));
        let first: *const Resolver<'_> = names.resolver.get().expect("built on the first hit");
        names.place("Chemnitz", date).expect("a gazetteer place");
        let second: *const Resolver<'_> = names.resolver.get().expect("kept");
        assert!(std::ptr::eq(first, second), "the resolver is built once");
    }
}
