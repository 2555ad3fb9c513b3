//! Sea areas for points that lie in no country: a few enclosed seas by
//! documented outline, the oceans by documented outline or latitude rule.
//!
//! The outlines are coarse: their vertices sit on land wherever possible
//! (so their exact course does not matter, because land points never reach
//! this module), and where an edge must cross water it follows the limit the
//! International Hydrographic Organization draws (*Limits of Oceans and
//! Seas*, S-23, 3rd ed. 1953) as nearly as a handful of vertices can. Points
//! within a few tens of kilometres of such a crossing may be filed in the
//! neighbouring sea. Each sea is a knowledge-base territory of kind `sea`
//! (`kb/territories/seas.toml`) with no sovereign.

use serde::Serialize;

use crate::coord::Coord;
use crate::regions::TROPIC_OF_CANCER;
use crate::shape::Shape;

/// A sea area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sea {
    BlackSea,
    MediterraneanSea,
    BalticSea,
    CaspianSea,
    /// The Atlantic (with the Caribbean, Gulf of Mexico, North and Norwegian
    /// Seas) north of the Tropic of Cancer.
    NorthAtlanticOcean,
    /// The Atlantic south of the Tropic of Cancer.
    AtlanticSouthOfCancer,
    PacificOcean,
    IndianOcean,
    ArcticOcean,
    SouthernOcean,
}

impl Sea {
    pub const ALL: [Sea; 10] = [
        Sea::BlackSea,
        Sea::MediterraneanSea,
        Sea::BalticSea,
        Sea::CaspianSea,
        Sea::NorthAtlanticOcean,
        Sea::AtlanticSouthOfCancer,
        Sea::PacificOcean,
        Sea::IndianOcean,
        Sea::ArcticOcean,
        Sea::SouthernOcean,
    ];

    /// The id of the knowledge-base territory for this sea.
    pub fn territory_id(self) -> &'static str {
        match self {
            Sea::BlackSea => "black-sea",
            Sea::MediterraneanSea => "mediterranean-sea",
            Sea::BalticSea => "baltic-sea",
            Sea::CaspianSea => "caspian-sea",
            Sea::NorthAtlanticOcean => "north-atlantic-ocean",
            Sea::AtlanticSouthOfCancer => "atlantic-ocean-south-of-cancer",
            Sea::PacificOcean => "pacific-ocean",
            Sea::IndianOcean => "indian-ocean-waters",
            Sea::ArcticOcean => "arctic-ocean",
            Sea::SouthernOcean => "southern-ocean",
        }
    }

    /// How the area is drawn, for explanations.
    pub fn rule(self) -> &'static str {
        match self {
            Sea::BlackSea => "outline of the Black Sea with the Sea of Azov, north of the Bosporus",
            Sea::MediterraneanSea => "outline of the Mediterranean from the Strait of Gibraltar (Cape Trafalgar–Cape Spartel, 5.9°W) to the Suez Canal, with the Dardanelles and the Sea of Marmara up to the Bosporus",
            Sea::BalticSea => "outline of the Baltic with the Belts, the Sound and the Kattegat, up to the Skagen–Paternoster line",
            Sea::CaspianSea => "box around the Caspian Sea (the boundary layer leaves it unassigned)",
            Sea::NorthAtlanticOcean => "Atlantic outline (Cape Horn meridian, Cape Agulhas meridian 20°E, the Americas, Europe and Africa), north of the Tropic of Cancer",
            Sea::AtlanticSouthOfCancer => "Atlantic outline, south of the Tropic of Cancer and north of 60°S",
            Sea::PacificOcean => "sea north of 60°S outside the Atlantic, Indian and Arctic areas",
            Sea::IndianOcean => "Indian Ocean outline (20°E, the line Sumatra–Java–Timor–Cape Don, Bass Strait, 146.9°E), with the Red Sea and the Gulf",
            Sea::ArcticOcean => "north of the Arctic Circle (66.56°N) outside the Atlantic outline, and Hudson Bay",
            Sea::SouthernOcean => "south of 60°S (IHO, 2000)",
        }
    }
}

/// The Arctic Circle, degrees north.
const ARCTIC_CIRCLE: f64 = 66.56;

const BLACK_SEA: &[(f64, f64)] = &[
    (26.9, 41.25),
    (29.15, 41.25),
    (30.0, 40.9),
    (42.0, 40.9),
    (42.0, 47.6),
    (26.9, 47.6),
];

const MEDITERRANEAN: &[(f64, f64)] = &[
    (-5.9, 35.0),
    (-5.9, 36.5),
    (2.0, 43.0),
    (8.0, 46.0),
    (14.0, 46.5),
    (20.0, 42.5),
    (25.5, 41.2),
    (27.8, 41.4),
    (29.1, 41.1),
    (30.5, 40.6),
    (28.0, 39.7),
    (27.5, 38.7),
    (28.5, 37.0),
    (36.5, 37.2),
    (36.5, 35.5),
    (35.7, 33.0),
    (34.6, 31.0),
    (32.3, 30.6),
    (30.0, 30.5),
    (20.0, 29.5),
    (10.0, 33.0),
    (0.0, 34.0),
];

const BALTIC: &[(f64, f64)] = &[
    (10.6, 57.75),
    (11.45, 57.9),
    (15.0, 62.0),
    (20.0, 67.0),
    (30.0, 66.0),
    (31.0, 59.5),
    (28.0, 56.0),
    (21.0, 54.0),
    (14.0, 53.2),
    (10.5, 53.6),
    (9.2, 55.0),
    (9.8, 57.2),
];

const CASPIAN: &[(f64, f64)] = &[(46.5, 36.5), (55.0, 36.5), (55.0, 47.5), (46.5, 47.5)];

const HUDSON_BAY: &[(f64, f64)] = &[(-95.5, 51.0), (-76.5, 51.0), (-76.5, 66.56), (-95.5, 66.56)];

const ATLANTIC: &[(f64, f64)] = &[
    (-67.27, -60.0),
    (20.0, -60.0),
    (20.0, 28.0),
    (20.0, 54.5),
    (25.8, 71.2),
    (19.0, 74.5),
    (20.0, 81.0),
    (-10.0, 83.0),
    (-45.0, 80.0),
    (-45.0, 70.0),
    (-60.0, 66.6),
    (-66.0, 62.0),
    (-70.0, 58.0),
    (-100.0, 50.0),
    (-100.0, 30.0),
    (-99.0, 25.0),
    (-95.0, 17.5),
    (-91.0, 16.0),
    (-86.0, 13.5),
    (-84.5, 10.8),
    (-83.3, 9.5),
    (-80.0, 9.1),
    (-77.5, 8.0),
    (-76.0, 5.0),
    (-70.0, -10.0),
    (-68.0, -20.0),
    (-70.0, -35.0),
    (-71.0, -50.0),
    (-68.5, -54.5),
    (-67.27, -56.0),
];

const INDIAN: &[(f64, f64)] = &[
    (20.0, -60.0),
    (146.9, -60.0),
    (146.9, -43.6),
    (146.0, -42.0),
    (144.0, -38.0),
    (135.0, -25.0),
    (130.0, -15.0),
    (131.8, -11.3),
    (125.5, -8.8),
    (115.0, -8.3),
    (110.0, -7.5),
    (105.8, -6.0),
    (104.0, -4.0),
    (101.0, 1.0),
    (103.5, 1.6),
    (101.0, 5.0),
    (99.3, 12.5),
    (100.0, 20.0),
    (60.0, 36.0),
    (45.0, 36.0),
    (35.5, 31.0),
    (32.4, 30.5),
    (20.0, 28.0),
];

/// The sea outlines, built once.
#[derive(Debug, Clone)]
pub struct Seas {
    black: Shape,
    mediterranean: Shape,
    baltic: Shape,
    caspian: Shape,
    hudson: Shape,
    atlantic: Shape,
    indian: Shape,
}

fn shape(outline: &[(f64, f64)]) -> Shape {
    // The outlines are constants with at least three vertices each.
    Shape::new(outline).unwrap_or_else(|| unreachable!("sea outlines are constant"))
}

impl Default for Seas {
    fn default() -> Self {
        Seas::new()
    }
}

impl Seas {
    pub fn new() -> Seas {
        Seas {
            black: shape(BLACK_SEA),
            mediterranean: shape(MEDITERRANEAN),
            baltic: shape(BALTIC),
            caspian: shape(CASPIAN),
            hudson: shape(HUDSON_BAY),
            atlantic: shape(ATLANTIC),
            indian: shape(INDIAN),
        }
    }

    /// The sea area of a point that lies in no country. Enclosed seas are
    /// tested first, then Hudson Bay, the Southern Ocean, the Atlantic and
    /// Indian outlines, the Arctic; whatever remains is the Pacific.
    pub fn classify(&self, c: Coord) -> Sea {
        if self.black.contains(c) {
            Sea::BlackSea
        } else if self.mediterranean.contains(c) {
            Sea::MediterraneanSea
        } else if self.baltic.contains(c) {
            Sea::BalticSea
        } else if self.caspian.contains(c) {
            Sea::CaspianSea
        } else if self.hudson.contains(c) {
            Sea::ArcticOcean
        } else if c.lat < -60.0 {
            Sea::SouthernOcean
        } else if self.atlantic.contains(c) {
            if c.lat > TROPIC_OF_CANCER {
                Sea::NorthAtlanticOcean
            } else {
                Sea::AtlanticSouthOfCancer
            }
        } else if self.indian.contains(c) {
            Sea::IndianOcean
        } else if c.lat >= ARCTIC_CIRCLE {
            Sea::ArcticOcean
        } else {
            Sea::PacificOcean
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Sea {
        Seas::new().classify(Coord::new(lat, lon).unwrap())
    }

    #[test]
    fn seas_and_oceans() {
        assert_eq!(at(43.0, 34.0), Sea::BlackSea);
        assert_eq!(at(46.0, 36.5), Sea::BlackSea); // Sea of Azov
        assert_eq!(at(35.0, 18.0), Sea::MediterraneanSea);
        assert_eq!(at(39.5, 25.0), Sea::MediterraneanSea); // Aegean
        assert_eq!(at(40.7, 28.0), Sea::MediterraneanSea); // Sea of Marmara
        assert_eq!(at(33.5, 33.5), Sea::MediterraneanSea); // off Cyprus
        assert_eq!(at(57.0, 19.5), Sea::BalticSea);
        assert_eq!(at(42.0, 51.0), Sea::CaspianSea);
        assert_eq!(at(35.0, -40.0), Sea::NorthAtlanticOcean);
        assert_eq!(at(36.0, -7.5), Sea::NorthAtlanticOcean); // Gulf of Cadiz
        assert_eq!(at(56.0, 3.0), Sea::NorthAtlanticOcean); // North Sea
        assert_eq!(at(25.0, -90.0), Sea::NorthAtlanticOcean); // Gulf of Mexico
        assert_eq!(at(15.0, -75.0), Sea::AtlanticSouthOfCancer); // Caribbean
        assert_eq!(at(-30.0, -20.0), Sea::AtlanticSouthOfCancer);
        assert_eq!(at(20.0, -160.0), Sea::PacificOcean);
        assert_eq!(at(12.0, -90.0), Sea::PacificOcean); // off Central America
        assert_eq!(at(15.0, 115.0), Sea::PacificOcean); // South China Sea
        assert_eq!(at(-20.0, 80.0), Sea::IndianOcean);
        assert_eq!(at(20.0, 38.0), Sea::IndianOcean); // Red Sea
        assert_eq!(at(27.0, 51.0), Sea::IndianOcean); // the Gulf
        assert_eq!(at(85.0, 100.0), Sea::ArcticOcean);
        assert_eq!(at(60.0, -85.0), Sea::ArcticOcean); // Hudson Bay
        assert_eq!(at(-65.0, 0.0), Sea::SouthernOcean);
    }
}
