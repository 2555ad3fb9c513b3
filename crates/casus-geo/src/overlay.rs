//! An optional overlay of breakaway and disputed areas read from GeoJSON —
//! designed for Natural Earth's "Admin 0 — Breakaway, Disputed Areas"
//! (`ne_10m_admin_0_disputed_areas.geojson`, downloaded by the user from
//! naturalearthdata.com), but any FeatureCollection of (multi)polygons with
//! a name property works. Like the boundary layer it is undated.

use std::path::Path;

use geo::{BoundingRect, Contains, MultiPolygon, Point, Rect};

use crate::coord::Coord;

/// Properties tried, in order, for a feature's name.
const NAME_KEYS: &[&str] = &["BRK_NAME", "NAME", "name", "NAME_LONG", "ADMIN"];

/// Why a boundary file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum OverlayError {
    #[error(transparent)]
    File(#[from] casus_core::limits::FileError),
    #[error("boundary file {path} is not GeoJSON: {reason}")]
    NotGeoJson { path: String, reason: String },
    #[error("boundary file {path} is GeoJSON but not a FeatureCollection")]
    NotFeatureCollection { path: String },
    #[error("boundary file {path} has no usable areas: {reason}")]
    NoUsableAreas { path: String, reason: String },
}

/// The geojson crate's message with its repeated "Error while deserializing
/// GeoJSON" prefixes removed (it nests one error in another).
fn geojson_reason(e: &geojson::Error) -> String {
    let mut m = e.to_string();
    const PREFIX: &str = "Error while deserializing GeoJSON: ";
    while let Some(rest) = m.strip_prefix(PREFIX) {
        m = rest.to_string();
    }
    m.replace(PREFIX, "")
}

/// One area of the overlay.
#[derive(Debug, Clone)]
pub struct OverlayArea {
    /// `BRK_NAME` in Natural Earth (e.g. "Nagorno-Karabakh").
    pub name: String,
    /// `TYPE` in Natural Earth: Breakaway, Disputed, Indeterminate, Lease, …
    pub kind: Option<String>,
    /// `SOVEREIGNT`: the state the layer files the area under.
    pub filed_under: Option<String>,
    /// `NOTE_BRK`, if any.
    pub note: Option<String>,
    shape: MultiPolygon<f64>,
    bbox: Rect<f64>,
}

/// The areas of a boundary file.
#[derive(Debug, Clone)]
pub struct Overlay {
    /// Where it was read from, for messages.
    pub path: String,
    pub areas: Vec<OverlayArea>,
}

impl Overlay {
    /// Read a GeoJSON file.
    pub fn from_path(path: &Path) -> Result<Overlay, OverlayError> {
        let label = path.display().to_string();
        let text = casus_core::limits::read_text_file(
            path,
            "boundary file",
            casus_core::limits::MAX_BOUNDARY_FILE_BYTES,
        )?;
        Overlay::from_geojson(&text, &label)
    }

    /// Parse GeoJSON text; `label` names it in errors.
    pub fn from_geojson(text: &str, label: &str) -> Result<Overlay, OverlayError> {
        let gj: geojson::GeoJson =
            text.parse()
                .map_err(|e: geojson::Error| OverlayError::NotGeoJson {
                    path: label.to_string(),
                    reason: geojson_reason(&e),
                })?;
        let geojson::GeoJson::FeatureCollection(fc) = gj else {
            return Err(OverlayError::NotFeatureCollection {
                path: label.to_string(),
            });
        };
        let total = fc.features.len();
        let (mut unnamed, mut unshaped) = (0usize, 0usize);
        let mut areas = Vec::new();
        for f in fc.features {
            let prop = |k: &str| -> Option<String> {
                f.property(k)
                    .and_then(|v| v.as_str())
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && *s != "-99")
                    .map(str::to_string)
            };
            let Some(name) = NAME_KEYS.iter().find_map(|k| prop(k)) else {
                unnamed += 1;
                continue;
            };
            let shape = match f.geometry.clone().map(geo::Geometry::<f64>::try_from) {
                Some(Ok(geo::Geometry::Polygon(p))) => MultiPolygon(vec![p]),
                Some(Ok(geo::Geometry::MultiPolygon(mp))) => mp,
                _ => {
                    unshaped += 1;
                    continue;
                }
            };
            let Some(bbox) = shape.bounding_rect() else {
                unshaped += 1;
                continue;
            };
            areas.push(OverlayArea {
                kind: prop("TYPE"),
                filed_under: prop("SOVEREIGNT"),
                note: prop("NOTE_BRK"),
                name,
                shape,
                bbox,
            });
        }
        if areas.is_empty() {
            return Err(OverlayError::NoUsableAreas {
                path: label.to_string(),
                reason: format!(
                    "{total} feature(s); {unnamed} without a name ({}), {unshaped} without a polygon or multipolygon geometry",
                    NAME_KEYS.join(", ")
                ),
            });
        }
        Ok(Overlay {
            path: label.to_string(),
            areas,
        })
    }

    /// The areas containing the point.
    pub fn areas_at(&self, c: Coord) -> Vec<&OverlayArea> {
        self.indexes_at(c)
            .into_iter()
            .map(|i| &self.areas[i])
            .collect()
    }

    /// The indexes (in `areas`) of the areas containing the point.
    pub fn indexes_at(&self, c: Coord) -> Vec<usize> {
        let p = Point::new(c.lon, c.lat);
        self.areas
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                a.bbox.min().x <= c.lon
                    && c.lon <= a.bbox.max().x
                    && a.bbox.min().y <= c.lat
                    && c.lat <= a.bbox.max().y
                    && a.shape.contains(&p)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"BRK_NAME":"Test Area","TYPE":"Breakaway","SOVEREIGNT":"Testland"},
       "geometry":{"type":"Polygon","coordinates":[[[10,10],[20,10],[20,20],[10,20],[10,10]]]}}]}"#;

    #[test]
    fn reads_and_finds_areas() {
        let o = Overlay::from_geojson(SQUARE, "square.geojson").unwrap();
        let hit = o.areas_at(Coord::new(15.0, 15.0).unwrap());
        assert_eq!(hit.len(), 1);
        assert_eq!(hit[0].name, "Test Area");
        assert_eq!(hit[0].kind.as_deref(), Some("Breakaway"));
        assert!(o.areas_at(Coord::new(25.0, 15.0).unwrap()).is_empty());
    }

    #[test]
    fn bad_files_are_named_errors() {
        let e = Overlay::from_geojson("not json", "x.geojson").unwrap_err();
        assert!(matches!(e, OverlayError::NotGeoJson { .. }), "{e}");
        assert!(
            e.to_string().matches("deserializing GeoJSON").count() <= 1,
            "{e}"
        );
        assert!(e.to_string().contains("x.geojson"));
        let e = Overlay::from_geojson(r#"{"type":"Point","coordinates":[1,2]}"#, "p").unwrap_err();
        assert!(matches!(e, OverlayError::NotFeatureCollection { .. }));
        let unnamed = SQUARE.replace("BRK_NAME", "OTHER");
        let e = Overlay::from_geojson(&unnamed, "u").unwrap_err();
        assert!(matches!(e, OverlayError::NoUsableAreas { .. }), "{e}");
        assert!(e.to_string().contains("without a name"));
    }
}
