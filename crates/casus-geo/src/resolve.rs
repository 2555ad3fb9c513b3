//! Resolving a coordinate through the chain: boundary layer (country and
//! subdivision codes) → optional overlay of breakaway and disputed areas →
//! knowledge-base territory (by outline, overlay name or ISO code) or sea
//! area → scope regions. The result explains each step, and says where the
//! layers and the knowledge base disagree.

use std::collections::HashMap;

use casus_core::kb::{KnowledgeBase, Named, RefKind};
use casus_core::query::ResolvedPlace;
use serde::Serialize;

use crate::coord::Coord;
use crate::layer::{BoundaryLayer, LayerError};
use crate::near_land::{near_land, offset, TERRITORIAL_SEA_NM};
use crate::overlay::Overlay;
use crate::regions::{regions_at, RegionSet, RegionShapes, ScopeRegion, TROPIC_OF_CANCER};
use crate::seas::{Sea, Seas};
use crate::shape::Shape;

/// Subdivision codes that stand for outlying areas: a point there that
/// falls back to the enclosing country's territory does not take that
/// territory's region tags.
const OUTLYING_SUBDIVISIONS: &[&str] = &[
    "US-HI", "US-AK", "PT-20", "PT-30", "ES-CE", "ES-ML", "ES-CN",
];

/// A territory with an outline: the part of its `iso_codes` areas inside it.
#[derive(Debug)]
struct Outlined {
    territory: usize,
    codes: Vec<String>,
    shape: Shape,
    depth: usize,
    area: f64,
}

/// How the point found its territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Match {
    /// Inside the territory's outline in the knowledge base.
    Outline,
    /// Inside an overlay area whose name is the territory's.
    Overlay { area: String },
    /// The territory's `iso_codes` include the most specific area code.
    Code { code: String },
    /// No territory for the more specific, outlying codes; the enclosing
    /// area's (an ordinary subdivision such as US-TX gives `Code` of its
    /// country).
    EnclosingCode {
        code: String,
        unmodelled: Vec<String>,
    },
    /// At sea: the sea area's territory.
    Sea,
    /// No territory.
    None,
}

/// An overlay area that contains the point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverlayHit {
    pub name: String,
    pub kind: Option<String>,
    pub filed_under: Option<String>,
    /// The knowledge-base territory of that name, if any.
    pub territory: Option<String>,
}

/// One scope region and the rule that put the point in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionHit {
    pub region: &'static str,
    pub rule: &'static str,
}

/// The whole chain for one point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    pub coords: Coord,
    /// Boundary-layer area codes, most specific first; empty at sea.
    pub layer_areas: Vec<String>,
    /// Overlay areas containing the point (only with an overlay).
    pub overlay_areas: Vec<OverlayHit>,
    /// The sea area, when the point lies in no country.
    pub sea: Option<Sea>,
    #[serde(skip)]
    pub territory: Option<usize>,
    pub territory_id: Option<String>,
    pub matched: Match,
    /// Regions by geometry (added to the territory's region tags).
    pub regions: Vec<RegionHit>,
    /// True when only these regions count (see [`Match::EnclosingCode`]).
    pub regions_from_geometry_only: bool,
    pub north_of_tropic_of_cancer: bool,
    /// Where the layers and the knowledge base disagree, or a gap.
    pub notes: Vec<String>,
}

/// The hot-path answer: no explanation, no allocation beyond the layer's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuickResolution {
    pub territory: Option<usize>,
    pub sea: Option<Sea>,
    pub regions: RegionSet,
}

/// Resolves coordinates against one knowledge base.
#[derive(Debug)]
pub struct Resolver<'kb> {
    kb: &'kb KnowledgeBase,
    layer: BoundaryLayer,
    overlay: Option<Overlay>,
    /// Overlay area index → knowledge-base territory of that name.
    overlay_territory: Vec<Option<usize>>,
    seas: Seas,
    shapes: RegionShapes,
    by_code: HashMap<String, usize>,
    outlined: Vec<Outlined>,
    /// Territories of kind `sea` with an outline and no area codes:
    /// waters a state claims (a closing line, a historic bay), found by
    /// outline at sea.
    sea_claims: Vec<(usize, Shape)>,
    sea_territories: HashMap<Sea, usize>,
}

/// How the territorial sea changed the boundary layer's answer.
#[derive(Debug, Clone, PartialEq)]
enum Water {
    /// As the layer says.
    AsLayer,
    /// More than 12 nautical miles from land: the layer's codes (if any)
    /// were dropped.
    Beyond { filed_under: Vec<String> },
    /// Within 12 nautical miles of land where the layer has no area: the
    /// nearest coastal area's codes, found this far away.
    Coastal { km: f64 },
}

/// Distances (km) and bearings at which a point in a territorial sea that
/// the boundary layer leaves empty looks for its coast.
const PROBE_KM: [f64; 6] = [1.0, 3.0, 6.0, 10.0, 16.0, 23.0];
const PROBE_BEARINGS: usize = 16;

impl<'kb> Resolver<'kb> {
    /// Build the indexes: territories by ISO code, outlined territories, and
    /// the overlay's names matched to territories.
    pub fn new(
        kb: &'kb KnowledgeBase,
        overlay: Option<Overlay>,
    ) -> Result<Resolver<'kb>, LayerError> {
        let layer = BoundaryLayer::embedded()?;
        let mut by_code = HashMap::new();
        let mut outlined = Vec::new();
        let mut sea_claims = Vec::new();
        for (i, t) in kb.territories.iter().enumerate() {
            match Shape::new(&t.polygon) {
                Some(shape)
                    if t.iso_codes.is_empty()
                        && t.kind == casus_core::model::TerritoryKind::Sea =>
                {
                    sea_claims.push((i, shape))
                }
                Some(shape) => outlined.push(Outlined {
                    territory: i,
                    codes: t.iso_codes.clone(),
                    area: shape.area(),
                    shape,
                    depth: kb.ancestry(i).len(),
                }),
                None => {
                    for code in &t.iso_codes {
                        by_code.entry(code.clone()).or_insert(i);
                    }
                }
            }
        }
        let overlay_territory = overlay
            .as_ref()
            .map(|o| {
                o.areas
                    .iter()
                    .map(|a| territory_named(kb, &a.name))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Resolver {
            kb,
            layer,
            overlay,
            overlay_territory,
            seas: Seas::new(),
            shapes: RegionShapes::default(),
            by_code,
            outlined,
            sea_claims,
            sea_territories: Sea::ALL
                .iter()
                .filter_map(|s| Some((*s, kb.index_of(RefKind::Territory, s.territory_id())?)))
                .collect(),
        })
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The territory, sea and regions of a point, without explanation.
    pub fn quick(&self, c: Coord) -> QuickResolution {
        let (areas, _) = self.areas(c);
        let (territory, _, _) = self.pick(c, &areas);
        let sea = areas.is_empty().then(|| self.seas.classify(c));
        let territory = territory
            .or_else(|| sea.and_then(|_| self.sea_claim(c)))
            .or_else(|| sea.and_then(|s| self.sea_territory(s)));
        QuickResolution {
            territory,
            sea,
            regions: regions_at(&areas, sea, c, &self.shapes),
        }
    }

    fn sea_territory(&self, s: Sea) -> Option<usize> {
        self.sea_territories.get(&s).copied()
    }

    /// The claimed waters (a sea territory with an outline) at a point at
    /// sea, the smallest if several.
    fn sea_claim(&self, c: Coord) -> Option<usize> {
        self.sea_claims
            .iter()
            .filter(|(_, shape)| shape.contains(c))
            .min_by(|a, b| a.1.area().total_cmp(&b.1.area()))
            .map(|(t, _)| *t)
    }

    /// The boundary layer's areas at a point, as the territorial sea limits
    /// them (`near_land`): none more than 12 nautical miles from land,
    /// whatever the layer files there; for a point within 12 miles where
    /// the layer has none, the areas of the nearest coast.
    fn areas(&self, c: Coord) -> (Vec<&str>, Water) {
        let areas = self.layer.areas(c);
        match near_land(c) {
            Some(false) => {
                let filed_under = areas.iter().map(|s| s.to_string()).collect();
                (Vec::new(), Water::Beyond { filed_under })
            }
            Some(true) if areas.is_empty() => {
                for km in PROBE_KM {
                    let mut found: Option<Vec<&str>> = None;
                    for i in 0..PROBE_BEARINGS {
                        let bearing = 360.0 * i as f64 / PROBE_BEARINGS as f64;
                        let around = self.layer.areas(offset(c, km, bearing));
                        if !around.is_empty() {
                            found = Some(around);
                            break;
                        }
                    }
                    if let Some(around) = found {
                        return (around, Water::Coastal { km });
                    }
                }
                (areas, Water::AsLayer)
            }
            _ => (areas, Water::AsLayer),
        }
    }

    /// Choose the territory for a land point: the deepest outline or overlay
    /// match, else the first area code with a territory. Returns the
    /// territory, how it matched, and the indexes of overlay hits.
    fn pick(&self, c: Coord, areas: &[&str]) -> (Option<usize>, Match, Vec<usize>) {
        if areas.is_empty() {
            return (None, Match::None, Vec::new());
        }
        let mut best: Option<(usize, usize, f64, Match)> = None;
        let mut consider = |t: usize, depth: usize, area: f64, m: Match| {
            let better = match &best {
                None => true,
                Some((_, d, a, _)) => depth > *d || (depth == *d && area < *a),
            };
            if better {
                best = Some((t, depth, area, m));
            }
        };
        for o in &self.outlined {
            if o.shape.contains(c) && o.codes.iter().any(|k| areas.contains(&k.as_str())) {
                consider(o.territory, o.depth, o.area, Match::Outline);
            }
        }
        let mut hits = Vec::new();
        if let Some(overlay) = &self.overlay {
            hits = overlay.indexes_at(c);
            for &h in &hits {
                if let Some(t) = self.overlay_territory.get(h).copied().flatten() {
                    consider(
                        t,
                        self.kb.ancestry(t).len(),
                        f64::INFINITY,
                        Match::Overlay {
                            area: overlay.areas[h].name.clone(),
                        },
                    );
                }
            }
        }
        if let Some((t, _, _, m)) = best {
            return (Some(t), m, hits);
        }
        for (i, code) in areas.iter().enumerate() {
            if i > 0 && files_foreign_subdivision(&areas[..i], code) {
                // The layer files another country's subdivision under this
                // one (Crimea, UA-43, under RU): a disputed area, never
                // silently given to the enclosing country.
                break;
            }
            if let Some(&t) = self.by_code.get(*code) {
                // An ordinary subdivision (US-TX, RU-KGD) is simply part of
                // its country; an outlying one (US-HI, GP) is noted.
                let m = if areas[..i].iter().all(|u| !is_outlying(u)) {
                    Match::Code {
                        code: code.to_string(),
                    }
                } else {
                    Match::EnclosingCode {
                        code: code.to_string(),
                        unmodelled: areas[..i].iter().map(|s| s.to_string()).collect(),
                    }
                };
                return (Some(t), m, hits);
            }
        }
        (None, Match::None, hits)
    }

    /// The full chain for one point, with notes.
    pub fn resolve(&self, c: Coord) -> Resolution {
        let kb = self.kb;
        let (areas, water) = self.areas(c);
        let (mut territory, mut matched, hits) = self.pick(c, &areas);
        let sea = areas.is_empty().then(|| self.seas.classify(c));
        let mut notes = Vec::new();
        match &water {
            Water::Beyond { filed_under } if !filed_under.is_empty() => notes.push(format!(
                "the point lies more than {TERRITORIAL_SEA_NM} nautical miles from land, beyond any territorial sea (UNCLOS Art. 3), so it is no state's territory; the boundary layer, drawn for land, files this water under {}",
                filed_under.join(" within ")
            )),
            Water::Coastal { km } => notes.push(format!(
                "the point is at sea within {TERRITORIAL_SEA_NM} nautical miles of land: the territorial sea of the coast {km} km away ({}), which the boundary layer leaves out",
                areas.join(" within ")
            )),
            _ => {}
        }
        if let Some(s) = sea {
            let claim = self.sea_claim(c);
            territory = claim.or_else(|| self.sea_territory(s));
            matched = if claim.is_some() {
                Match::Outline
            } else if territory.is_some() {
                Match::Sea
            } else {
                Match::None
            };
            if territory.is_none() {
                notes.push(format!(
                    "the point is at sea ({}), but the knowledge base has no territory `{}`",
                    s.territory_id(),
                    s.territory_id()
                ));
            }
        }
        let overlay_areas: Vec<OverlayHit> = match &self.overlay {
            Some(o) => hits
                .iter()
                .map(|&h| {
                    let a = &o.areas[h];
                    OverlayHit {
                        name: a.name.clone(),
                        kind: a.kind.clone(),
                        filed_under: a.filed_under.clone(),
                        territory: self
                            .overlay_territory
                            .get(h)
                            .copied()
                            .flatten()
                            .map(|t| kb.territories[t].id.clone()),
                    }
                })
                .collect(),
            None => Vec::new(),
        };
        let tname = |t: usize| kb.territories[t].name.clone();
        if territory.is_none()
            && areas.len() > 1
            && files_foreign_subdivision(&areas[..areas.len() - 1], areas[areas.len() - 1])
        {
            notes.push(format!(
                "the boundary layer files {} under {}: the layer is undated and takes no side, and the knowledge base has no territory for {} — add one with its dated sovereign and controller",
                areas[0],
                areas[areas.len() - 1],
                areas[0]
            ));
        } else if !areas.is_empty() && territory.is_none() {
            notes.push(format!(
                "the boundary layer puts the point in {}, but the knowledge base has no territory with those iso_codes: it has no facts about who holds it",
                areas.join(" within ")
            ));
        }
        for hit in &overlay_areas {
            if hit.territory.is_none() {
                notes.push(format!(
                    "the overlay puts the point in {} ({}{}), which the knowledge base does not model as a territory",
                    hit.name,
                    hit.kind.as_deref().unwrap_or("area"),
                    hit.filed_under
                        .as_deref()
                        .map(|s| format!(", filed under {s}"))
                        .unwrap_or_default()
                ));
            }
        }
        if let (Some(o), Some(t), Match::Outline) = (&self.overlay, territory, &matched) {
            let chain = kb.ancestry(t);
            let overlay_agrees = overlay_areas.iter().any(|h| {
                h.territory
                    .as_deref()
                    .and_then(|id| kb.index_of(RefKind::Territory, id))
                    .is_some_and(|i| chain.contains(&i))
            });
            if !overlay_agrees
                && kb.territories[chain[chain.len() - 1]].kind
                    == casus_core::model::TerritoryKind::Disputed
            {
                notes.push(format!(
                    "the knowledge base's outline puts the point in {}, but the overlay {} has no area of that name here (the outline is coarse; check the point)",
                    tname(t),
                    o.path
                ));
            }
        }
        if let (Some(t), Match::Overlay { area }) = (territory, &matched) {
            notes.push(format!(
                "{} was matched by name to the overlay area {area}; the overlay may draw it otherwise than the knowledge base (Natural Earth's Nagorno-Karabakh, for one, is the wider area the Artsakh authorities held, districts included), so check the point",
                tname(t)
            ));
        }
        let mut regions_from_geometry_only = false;
        if let (Some(t), Match::EnclosingCode { code, unmodelled }) = (territory, &matched) {
            regions_from_geometry_only = unmodelled.iter().any(|u| is_outlying(u));
            notes.push(format!(
                "the knowledge base has no territory for {}; the point is taken as part of {} (iso code {code}){}",
                unmodelled.join(", "),
                tname(t),
                if regions_from_geometry_only {
                    ", but only geometry decides its regions, not that territory's tags"
                } else {
                    ""
                }
            ));
        }
        let regions = regions_at(&areas, sea, c, &self.shapes)
            .iter()
            .map(|r: ScopeRegion| RegionHit {
                region: r.id(),
                rule: r.rule(),
            })
            .collect();
        Resolution {
            coords: c,
            layer_areas: areas.iter().map(|s| s.to_string()).collect(),
            overlay_areas,
            sea,
            territory,
            territory_id: territory.map(|t| kb.territories[t].id.clone()),
            matched,
            regions,
            regions_from_geometry_only,
            north_of_tropic_of_cancer: c.lat > TROPIC_OF_CANCER,
            notes,
        }
    }
}

impl Resolution {
    /// The place for the engine, when the point has a territory. `input` is
    /// what the user typed.
    pub fn to_place(&self, kb: &KnowledgeBase, input: &str) -> Option<ResolvedPlace> {
        let t = self.territory?;
        let mut place = ResolvedPlace::of_territory(kb, input, t);
        place.place_name = Some(format!("{}", self.coords));
        place.coords = Some((self.coords.lat, self.coords.lon));
        place.extra_regions = self.regions.iter().map(|r| r.region.to_string()).collect();
        place.regions_from_geometry_only = self.regions_from_geometry_only;
        Some(place)
    }
}

/// Is this area an outlying one: an ISO 3166-1 area in its own right
/// (`GP`, `FO`, `EA`) or a listed outlying subdivision (`US-HI`)?
fn is_outlying(code: &str) -> bool {
    !code.contains('-') || OUTLYING_SUBDIVISIONS.contains(&code)
}

/// Does the layer file a subdivision of another country (`UA-43`) under
/// `code` (`RU`)?
fn files_foreign_subdivision(inner: &[&str], code: &str) -> bool {
    let country = code.split('-').next().unwrap_or(code);
    inner.iter().any(|a| {
        a.split_once('-')
            .is_some_and(|(prefix, _)| prefix != country)
    })
}

/// The territory whose name or alias is `name`, if exactly one.
fn territory_named(kb: &KnowledgeBase, name: &str) -> Option<usize> {
    let ts: Vec<usize> = kb
        .lookup(name)
        .iter()
        .filter_map(|n| match n {
            Named::Territory(t) => Some(*t),
            _ => None,
        })
        .collect();
    match ts.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}
