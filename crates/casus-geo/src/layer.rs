//! The boundary layer: which country and first-level subdivision areas
//! contain a point, from the `country-boundaries` crate's embedded data
//! (derived from OpenStreetMap via JOSM; © OpenStreetMap contributors, ODbL).
//! The layer is undated: it says where borders are drawn today, never who
//! held a place on a date.

use country_boundaries::{CountryBoundaries, LatLon, BOUNDARIES_ODBL_60X30};

use crate::coord::Coord;

/// The attribution the data's licence (ODbL) requires wherever results are shown.
pub const ATTRIBUTION: &str =
    "boundary layer: country-boundaries crate, data © OpenStreetMap contributors (ODbL)";

/// The embedded boundary layer failed to load (a build problem, not user input).
#[derive(Debug, thiserror::Error)]
#[error("the embedded boundary layer cannot be read: {0}")]
pub struct LayerError(String);

impl LayerError {
    pub(crate) fn new(reason: impl Into<String>) -> LayerError {
        LayerError(reason.into())
    }
}

/// Country and subdivision areas, looked up by point.
pub struct BoundaryLayer {
    inner: CountryBoundaries,
}

impl std::fmt::Debug for BoundaryLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BoundaryLayer")
    }
}

impl BoundaryLayer {
    /// The layer shipped inside the `country-boundaries` crate. The 60x30
    /// raster loads in well under a millisecond; its answers are the same as
    /// the finer rasters' (they differ only in how the index is cut).
    pub fn embedded() -> Result<BoundaryLayer, LayerError> {
        CountryBoundaries::from_reader(BOUNDARIES_ODBL_60X30)
            .map(|inner| BoundaryLayer { inner })
            .map_err(|e| LayerError(e.to_string()))
    }

    /// The ids of the areas containing the point, most specific first
    /// (`["US-HI", "US"]`); ISO 3166-1 alpha-2 or ISO 3166-2 codes, plus a
    /// few the data adds (`EA` for Ceuta and Melilla, `IC` for the Canary
    /// Islands). Empty at sea.
    pub fn areas(&self, c: Coord) -> Vec<&str> {
        match LatLon::new(c.lat, c.lon) {
            Ok(p) => self.inner.ids(p),
            Err(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_points() {
        let layer = BoundaryLayer::embedded().unwrap();
        let at = |lat, lon| layer.areas(Coord::new(lat, lon).unwrap());
        assert_eq!(at(21.3069, -157.8583), vec!["US-HI", "US"]);
        assert_eq!(at(39.8153, 46.7519), vec!["AZ"]);
        assert!(at(35.0, -40.0).is_empty());
        assert_eq!(at(35.889, -5.32), vec!["ES-CE", "EA", "ES"]);
    }
}
