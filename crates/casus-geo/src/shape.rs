//! A polygon with its bounding box, built from a `(lon, lat)` outline, and
//! the point-in-polygon test (`geo`'s `Contains`) behind a cheap box check.

use geo::{BoundingRect, Contains, LineString, Point, Polygon, Rect};

use crate::coord::Coord;

/// A simple polygon in lon/lat degrees (no antimeridian crossing).
#[derive(Debug, Clone)]
pub struct Shape {
    polygon: Polygon<f64>,
    bbox: Rect<f64>,
}

impl Shape {
    /// `None` for fewer than three vertices.
    pub fn new(outline: &[(f64, f64)]) -> Option<Shape> {
        if outline.len() < 3 {
            return None;
        }
        let polygon = Polygon::new(LineString::from(outline.to_vec()), vec![]);
        let bbox = polygon.bounding_rect()?;
        Some(Shape { polygon, bbox })
    }

    pub fn contains(&self, c: Coord) -> bool {
        let (min, max) = (self.bbox.min(), self.bbox.max());
        min.x <= c.lon
            && c.lon <= max.x
            && min.y <= c.lat
            && c.lat <= max.y
            && self.polygon.contains(&Point::new(c.lon, c.lat))
    }

    /// Unsigned area in square degrees (used only to compare outlines).
    pub fn area(&self) -> f64 {
        use geo::Area;
        self.polygon.unsigned_area()
    }
}
