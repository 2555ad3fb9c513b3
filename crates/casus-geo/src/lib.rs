//! Geography for casus: turns a coordinate into the boundary-layer areas
//! that contain it, the knowledge-base territory (and so its dated sovereign
//! and controller), the sea area for points at sea, and the treaty scope
//! regions that contain it — each step explained.
//!
//! Modules: [`coord`] parses what people type; [`layer`] wraps the
//! `country-boundaries` data (© OpenStreetMap contributors, ODbL);
//! [`overlay`] reads a GeoJSON file of breakaway and disputed areas (Natural
//! Earth); [`near_land`] says whether a point is within 12 nautical miles of
//! land (the territorial sea; beyond it water is no state's territory);
//! [`seas`] and [`regions`] hold the documented geometry and rules;
//! [`resolve`] runs the chain; [`named`] resolves place names (knowledge
//! base first, then the gazetteer through the same chain, namesakes ranked
//! by the question's states). Boundary layers are undated: who holds a
//! place on a date always comes from the knowledge base.

pub mod coord;
pub mod layer;
pub mod named;
pub mod near_land;
pub mod overlay;
pub mod regions;
pub mod resolve;
pub mod seas;
mod shape;

pub use coord::{looks_like_coordinates, parse as parse_coord, Coord, CoordError};
pub use layer::{BoundaryLayer, LayerError, ATTRIBUTION};
pub use named::{
    named_place, resolve_name, resolve_place_anywhere, GazetteerHit, NameContext, NameError,
    NameOptions, NamedPlace, PlaceNames,
};
pub use overlay::{Overlay, OverlayError};
pub use regions::{RegionSet, ScopeRegion, TROPIC_OF_CANCER};
pub use resolve::{Match, QuickResolution, Resolution, Resolver};
pub use seas::Sea;
