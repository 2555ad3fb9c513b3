//! Place input shared by `why`, `place` and `escalate`: a name goes through
//! `casus_geo::named` (the knowledge base first, then the GeoNames
//! gazetteer, whose coordinates take the coordinate chain), coordinates
//! through `casus_geo`'s resolver (with the service's optional overlay).

use casus_core::query::{QueryError, ResolvedPlace};
use casus_escalate::PlaceQuestion;
use casus_geo::{
    looks_like_coordinates, named_place, parse_coord, resolve_name, Coord, GazetteerHit,
    LayerError, NameContext, NameError, NameOptions, NamedPlace, Resolution, Resolver,
};
use jiff::civil::Date;

use crate::{Field, Service, ServiceError};

/// What a place input resolved to.
#[derive(Debug, Clone)]
pub struct PlaceInput {
    /// `None` when the input is coordinates with no territory in the knowledge base.
    pub place: Option<ResolvedPlace>,
    /// The geographic chain, for coordinates (typed, or from the gazetteer).
    pub geo: Option<Resolution>,
    /// The gazetteer place, when the name was found there.
    pub gazetteer: Option<GazetteerHit>,
}

impl Service {
    /// Resolve a place input on `date`: coordinates when it looks like
    /// coordinates (a malformed one is an error), a name otherwise.
    pub fn resolve_place(
        &self,
        field: Field,
        input: &str,
        date: Date,
        most_populous: bool,
    ) -> Result<PlaceInput, ServiceError> {
        self.resolve_place_in(field, input, date, most_populous, NameContext::default())
    }

    /// [`Service::resolve_place`] for a question that names states: among
    /// places that bear a name, those in the defenders' territory on the
    /// date come first, then the attackers', then their neighbours'
    /// (`casus_geo::NameContext`).
    pub fn resolve_place_in(
        &self,
        field: Field,
        input: &str,
        date: Date,
        most_populous: bool,
        context: NameContext,
    ) -> Result<PlaceInput, ServiceError> {
        let kb = self.kb();
        if !looks_like_coordinates(input) {
            let options = NameOptions {
                most_populous,
                context,
            };
            let named = self
                .resolve_named(input, date, &options)
                .map_err(|e| match e {
                    NameError::Query(q) => ServiceError::query(field, q),
                    NameError::Layer(l) => ServiceError::internal(l.to_string()),
                })?;
            return Ok(PlaceInput {
                place: named.place,
                geo: named.geo,
                gazetteer: named.gazetteer,
            });
        }
        let coord =
            parse_coord(input).map_err(|e| ServiceError::malformed(field, e.to_string()))?;
        let resolution = self
            .resolve_coord(coord)
            .map_err(|e| ServiceError::internal(e.to_string()))?;
        Ok(PlaceInput {
            place: resolution.to_place(kb, input),
            geo: Some(resolution),
            gazetteer: None,
        })
    }

    /// The place lookup for escalation scenarios (documents and the flags
    /// form): coordinates through the shared resolver, names through the
    /// knowledge base then the gazetteer, namesakes ranked by the attack's
    /// states.
    pub fn place_lookup(
        &self,
        most_populous: bool,
    ) -> impl Fn(&str, Date, &PlaceQuestion<'_>) -> Result<ResolvedPlace, QueryError> + '_ {
        move |input, date, question| {
            let kb = self.kb();
            if !looks_like_coordinates(input) {
                // As casus_geo::resolve_place_anywhere, with the shared
                // resolver and, for an attack on territory, its states.
                let context = if question.target == casus_core::Target::Territory {
                    NameContext {
                        defenders: question.defenders.to_vec(),
                        attackers: question.attackers.to_vec(),
                    }
                } else {
                    NameContext::default()
                };
                let names = NameOptions {
                    most_populous,
                    context,
                };
                return named_place(self.resolve_named(input, date, &names), input);
            }
            let coord = parse_coord(input).map_err(|e| QueryError::Place(e.to_string()))?;
            let resolution = self
                .resolve_coord(coord)
                .map_err(|e| QueryError::Place(e.to_string()))?;
            resolution.to_place(kb, input).ok_or_else(|| {
                QueryError::Place(format!(
                    "{input} lies in no territory of the knowledge base, so there is no sovereign or controller to judge: {}",
                    resolution.notes.join("; ")
                ))
            })
        }
    }
}

impl Service {
    /// The coordinate chain for `c`, through the shared resolver.
    pub fn resolve_coord(&self, c: Coord) -> Result<Resolution, LayerError> {
        self.with_resolver(|kb, resolver| match resolver {
            Ok(r) => Ok(r.resolve(c)),
            // Build one to get the layer's own error.
            Err(_) => Resolver::new(kb, None).map(|r| r.resolve(c)),
        })
    }

    /// A place name through `casus_geo::resolve_name`, with the shared
    /// resolver for gazetteer hits.
    pub fn resolve_named(
        &self,
        input: &str,
        date: Date,
        options: &NameOptions,
    ) -> Result<NamedPlace, NameError> {
        self.with_resolver(|kb, resolver| {
            resolve_name(kb, input, date, options, || match resolver {
                Ok(r) => Ok(ResolverRef::Shared(r)),
                Err(_) => Resolver::new(kb, None).map(|r| ResolverRef::Own(Box::new(r))),
            })
        })
    }
}

/// The shared resolver, or (only when it could not be built) a fresh one,
/// whose error then explains why.
enum ResolverRef<'a, 'kb> {
    Shared(&'a Resolver<'kb>),
    Own(Box<Resolver<'kb>>),
}

impl<'kb> std::borrow::Borrow<Resolver<'kb>> for ResolverRef<'_, 'kb> {
    fn borrow(&self) -> &Resolver<'kb> {
        match self {
            ResolverRef::Shared(r) => r,
            ResolverRef::Own(r) => r,
        }
    }
}
