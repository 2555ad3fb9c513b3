//! Place input shared by `why`, `place` and `escalate`: the flags that
//! shape how a PLACE is read, and the text lines that say how it was read
//! (the resolution itself is `casus_service::places`).

use casus_core::KnowledgeBase;
use casus_gazetteer::Feature;
use casus_geo::{GazetteerHit, Resolution};

/// The global flags that shape how a PLACE is read (`--boundaries` is
/// given to the service when it is built).
#[derive(Debug, Clone, Copy, Default)]
pub struct PlaceFlags {
    /// `--most-populous`: settle an ambiguous gazetteer name by population.
    pub most_populous: bool,
}

/// Lines on how a name was read: the gazetteer place and the notes
/// (historical name, namesakes passed over).
pub fn name_lines(gazetteer: Option<&GazetteerHit>, notes: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(g) = gazetteer {
        out.push(match (g.kind, g.country.as_str()) {
            (Feature::Place, cc) => format!(
                "gazetteer:      {} ({cc}, pop. {}) — GeoNames {}",
                g.name,
                casus_gazetteer::thousands(g.population),
                g.geonameid
            ),
            (kind, "--") => format!(
                "gazetteer:      {} ({}) — Natural Earth {}",
                g.name,
                kind.as_str(),
                g.geonameid
            ),
            (kind, cc) => format!(
                "gazetteer:      {} ({}, {cc}) — Natural Earth {}",
                g.name,
                kind.as_str(),
                g.geonameid
            ),
        });
    }
    for n in notes {
        out.push(format!("note:           {n}"));
    }
    out
}

/// The credits to print under an answer: OpenStreetMap for any coordinate
/// chain, GeoNames or Natural Earth for the gazetteer entry used.
pub fn credits(geo: bool, gazetteer: Option<&GazetteerHit>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if geo {
        out.push(casus_geo::ATTRIBUTION);
    }
    match gazetteer.map(|g| g.kind) {
        Some(Feature::Place) => out.push(casus_gazetteer::ATTRIBUTION),
        Some(_) => out.push(casus_gazetteer::NATURAL_EARTH_CREDIT),
        None => {}
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
