//! Place input shared by `why`, `place` and `escalate`: a name goes through
//! `casus_geo::named` (the knowledge base first, then the GeoNames
//! gazetteer, whose coordinates take the coordinate chain), coordinates
//! through `casus_geo` (with the optional `--boundaries` overlay).

use std::path::Path;

use casus_core::query::{QueryError, ResolvedPlace};
use casus_core::KnowledgeBase;
use casus_geo::{
    looks_like_coordinates, parse_coord, resolve_name, GazetteerHit, NameError, NameOptions,
    Overlay, Resolution, Resolver,
};
use jiff::civil::Date;

use crate::error::CliError;

/// The global flags that shape how a PLACE is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlaceFlags<'a> {
    pub boundaries: Option<&'a Path>,
    /// `--most-populous`: settle an ambiguous gazetteer name by population.
    pub most_populous: bool,
}

impl PlaceFlags<'_> {
    fn names(&self) -> NameOptions {
        NameOptions {
            most_populous: self.most_populous,
        }
    }

    /// The place lookup for scenario files and the escalate flags form.
    pub fn lookup<'k>(
        &self,
        kb: &'k KnowledgeBase,
    ) -> impl Fn(&str, Date) -> Result<ResolvedPlace, QueryError> + 'k {
        // One resolver for every gazetteer name of the file, built on the
        // first one.
        let names = casus_geo::PlaceNames::new(kb, self.names());
        move |input, date| names.place(input, date)
    }
}

/// What a PLACE argument resolved to.
pub struct PlaceInput {
    /// `None` when the input is coordinates with no territory in the knowledge base.
    pub place: Option<ResolvedPlace>,
    /// The geographic chain, for coordinates (typed, or from the gazetteer).
    pub geo: Option<Resolution>,
    /// The gazetteer place, when the name was found there.
    pub gazetteer: Option<GazetteerHit>,
    /// The overlay file, when one was given.
    pub overlay_path: Option<String>,
}

/// Resolve a PLACE argument on `date`: coordinates when it looks like
/// coordinates (a malformed one is a usage error), a name otherwise.
pub fn resolve(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    flags: &PlaceFlags,
) -> Result<PlaceInput, CliError> {
    let overlay = flags
        .boundaries
        .map(Overlay::from_path)
        .transpose()
        .map_err(|e| CliError::Data(e.to_string()))?;
    let overlay_path = overlay.as_ref().map(|o| o.path.clone());
    if !looks_like_coordinates(input) {
        let named = resolve_name(kb, input, date, flags.names(), || {
            Resolver::new(kb, overlay)
        })
        .map_err(|e| match e {
            NameError::Query(q) => CliError::from(q),
            NameError::Layer(l) => CliError::Data(l.to_string()),
        })?;
        return Ok(PlaceInput {
            place: named.place,
            geo: named.geo,
            gazetteer: named.gazetteer,
            overlay_path,
        });
    }
    let coord = parse_coord(input).map_err(|e| CliError::Usage(e.to_string()))?;
    let resolver = Resolver::new(kb, overlay).map_err(|e| CliError::Data(e.to_string()))?;
    let resolution = resolver.resolve(coord);
    Ok(PlaceInput {
        place: resolution.to_place(kb, input),
        geo: Some(resolution),
        gazetteer: None,
        overlay_path,
    })
}

/// Lines on how a name was read: the gazetteer place and the notes
/// (historical name, namesakes passed over).
pub fn name_lines(gazetteer: Option<&GazetteerHit>, notes: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(g) = gazetteer {
        out.push(format!(
            "gazetteer:      {} ({}, pop. {}) — GeoNames {}",
            g.name,
            g.country,
            casus_gazetteer::thousands(g.population),
            g.geonameid
        ));
    }
    for n in notes {
        out.push(format!("note:           {n}"));
    }
    out
}

/// The credits to print under an answer: OpenStreetMap for any coordinate
/// chain, GeoNames when the gazetteer was used.
pub fn credits(geo: bool, gazetteer: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if geo {
        out.push(casus_geo::ATTRIBUTION);
    }
    if gazetteer {
        out.push(casus_gazetteer::ATTRIBUTION);
    }
    out
}

/// The chain as text lines: layer, overlay, territory, geometric regions, notes.
pub fn chain_lines(kb: &KnowledgeBase, r: &Resolution, overlay_path: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    out.push(format!("coordinates:    {} (lat, lon)", r.coords));
    out.push(if r.layer_areas.is_empty() {
        "boundary layer: no country (at sea)".to_string()
    } else {
        format!("boundary layer: {}", r.layer_areas.join(" within "))
    });
    if let Some(path) = overlay_path {
        if r.overlay_areas.is_empty() {
            out.push(format!("overlay:        no area in {path}"));
        }
        for h in &r.overlay_areas {
            out.push(format!(
                "overlay:        {} ({}{}) → {}",
                h.name,
                h.kind.as_deref().unwrap_or("area"),
                h.filed_under
                    .as_deref()
                    .map(|s| format!(", filed under {s}"))
                    .unwrap_or_default(),
                h.territory
                    .as_deref()
                    .map(|t| format!("territory {t}"))
                    .unwrap_or_else(|| "no territory in the knowledge base".into())
            ));
        }
    }
    if let Some(sea) = r.sea {
        out.push(format!(
            "sea area:       {} — {}",
            sea.territory_id(),
            sea.rule()
        ));
    }
    let how = match &r.matched {
        casus_geo::Match::Outline => "by the knowledge base's coarse outline".to_string(),
        casus_geo::Match::Overlay { area } => format!("by the overlay area {area}"),
        casus_geo::Match::Code { code } => format!("by iso code {code}"),
        casus_geo::Match::EnclosingCode { code, .. } => format!("by the enclosing iso code {code}"),
        casus_geo::Match::Sea => "the sea area: no state's territory, no sovereign".to_string(),
        casus_geo::Match::None => "none".to_string(),
    };
    match r.territory {
        Some(t) => out.push(format!(
            "kb territory:   {} — {how}",
            kb.territories[t].name
        )),
        None => out
            .push("kb territory:   none (no territory, no sovereign in the knowledge base)".into()),
    }
    let regions: Vec<String> = r
        .regions
        .iter()
        .map(|h| format!("{} ({})", h.region, h.rule))
        .collect();
    out.push(format!(
        "geometry:       {}; {} of the Tropic of Cancer ({}°N)",
        if regions.is_empty() {
            "in no scope region by geometry".to_string()
        } else {
            regions.join("; ")
        },
        if r.north_of_tropic_of_cancer {
            "north"
        } else {
            "south"
        },
        casus_geo::TROPIC_OF_CANCER
    ));
    for n in &r.notes {
        out.push(format!("note:           {n}"));
    }
    out
}
