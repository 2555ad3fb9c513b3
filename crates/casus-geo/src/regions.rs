//! Treaty scope regions as explicit rules over the boundary layer's area
//! codes, the sea area and the latitude. Each rule names the treaty text it
//! implements; `docs/geography.md` lists them with their limits.
//!
//! The region ids are the knowledge base's (`kb/regions.toml`). For a
//! coordinate, these regions are added to the region tags of the territory
//! the point resolves to.

use serde::Serialize;

use crate::coord::Coord;
use crate::seas::Sea;
use crate::shape::Shape;

/// The Tropic of Cancer, degrees north: 23°26′21″, the mean obliquity of the
/// ecliptic at J2000. The North Atlantic Treaty (Art. 6) names the tropic
/// without a figure; it drifts south by about 15 m a year.
pub const TROPIC_OF_CANCER: f64 = 23.4393;

/// A region that geometry can put a point in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeRegion {
    /// North Atlantic Treaty Art. 6(1): "the territory of any of the Parties
    /// in Europe or North America". Rule: UN M49 "Europe" by country code;
    /// Russia west of the Urals (60°E; 55°E south of 51.5°N, the Ural
    /// river), Turkey in East Thrace, Kazakhstan west of the Ural river.
    Europe,
    /// North Atlantic Treaty Art. 6(1): "… in Europe or North America".
    /// Rule: UN M49 "Northern America" (Bermuda, Canada, Greenland, Saint
    /// Pierre and Miquelon, the United States) without Hawaii.
    NorthAmerica,
    /// UN M49 "Asia" by country code (Cyprus included), Turkey outside East
    /// Thrace, Russia east of the Urals.
    Asia,
    /// UN M49 "Africa" by country code, with Ceuta, Melilla and the Canary
    /// Islands, which lie on the African side though under Spain.
    Africa,
    /// North Atlantic Treaty Art. 6(1) and 6(2): "the islands under the
    /// jurisdiction of any of the Parties in the North Atlantic area north of
    /// the Tropic of Cancer", and vessels or aircraft "in or over … the North
    /// Atlantic area north of the Tropic of Cancer". Rule: north of
    /// [`TROPIC_OF_CANCER`], and either at sea in the Atlantic outline or on
    /// one of the Atlantic islands listed in [`ATLANTIC_ISLANDS`].
    NorthAtlanticNorthOfCancer,
    /// North Atlantic Treaty Art. 6(2): forces, vessels or aircraft "in or
    /// over … the Mediterranean Sea". Rule: at sea in the Mediterranean
    /// outline (waters only).
    Mediterranean,
    /// ANZUS Art. IV–V ("an armed attack in the Pacific Area", "island
    /// territories under its jurisdiction in the Pacific") and the US
    /// bilateral Pacific treaties. Rule: at sea in the Pacific, or on one of
    /// the Pacific islands listed in [`PACIFIC_ISLANDS`].
    Pacific,
    /// Inter-American Treaty of Reciprocal Assistance Art. 4: the region
    /// bounded by the meridians, parallels and rhumb lines the text gives
    /// ([`RIO_ART4`]), from the North Pole to the South Pole. Rule: inside
    /// that polygon, rhumb lines drawn as rhumb lines.
    RioTreatyRegion,
    /// Southeast Asia Collective Defense Treaty Art. VIII: "the general area
    /// of South-East Asia … and the general area of the South-West Pacific
    /// not including the Pacific area north of 21 degrees 30 minutes north
    /// latitude". Rule: [`in_seato_area`] (only the 21°30′N limit is the
    /// text's; the rest reads "general area").
    SeatoTreatyArea,
}

impl ScopeRegion {
    pub const ALL: [ScopeRegion; 9] = [
        ScopeRegion::Europe,
        ScopeRegion::NorthAmerica,
        ScopeRegion::Asia,
        ScopeRegion::Africa,
        ScopeRegion::NorthAtlanticNorthOfCancer,
        ScopeRegion::Mediterranean,
        ScopeRegion::Pacific,
        ScopeRegion::RioTreatyRegion,
        ScopeRegion::SeatoTreatyArea,
    ];

    /// The knowledge base's region id.
    pub fn id(self) -> &'static str {
        match self {
            ScopeRegion::Europe => "europe",
            ScopeRegion::NorthAmerica => "north-america",
            ScopeRegion::Asia => "asia",
            ScopeRegion::Africa => "africa",
            ScopeRegion::NorthAtlanticNorthOfCancer => "north-atlantic-north-of-cancer",
            ScopeRegion::Mediterranean => "mediterranean",
            ScopeRegion::Pacific => "pacific",
            ScopeRegion::RioTreatyRegion => "rio-treaty-region",
            ScopeRegion::SeatoTreatyArea => "seato-treaty-area",
        }
    }

    /// The rule, in one line, for explanations.
    pub fn rule(self) -> &'static str {
        match self {
            ScopeRegion::Europe => "UN M49 Europe by country code; Russia west of the Urals and Turkey in East Thrace",
            ScopeRegion::NorthAmerica => "UN M49 Northern America by country code, Hawaii excluded",
            ScopeRegion::Asia => "UN M49 Asia by country code; Turkey outside East Thrace and Russia east of the Urals",
            ScopeRegion::Africa => "UN M49 Africa by country code, with Ceuta, Melilla and the Canary Islands",
            ScopeRegion::NorthAtlanticNorthOfCancer => "north of the Tropic of Cancer (23.4393°N), at sea in the Atlantic or on a listed Atlantic island",
            ScopeRegion::Mediterranean => "at sea within the Mediterranean outline",
            ScopeRegion::Pacific => "at sea in the Pacific or on a listed Pacific island",
            ScopeRegion::RioTreatyRegion => "inside the Rio Treaty Art. 4 polygon (the text's meridians, parallels and rhumb lines, pole to pole)",
            ScopeRegion::SeatoTreatyArea => "South-East Asia (90°E-130°E, 11°S to 21°30′N) or the South-West Pacific (110°E to 165°W, Equator to 50°S) (SEATO Art. VIII; limits other than 21°30′N are a reading of 'general area')",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of scope regions (a bit set: no allocation on the hot path).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegionSet(u16);

impl RegionSet {
    pub fn insert(&mut self, r: ScopeRegion) {
        self.0 |= r.bit();
    }
    pub fn contains(self, r: ScopeRegion) -> bool {
        self.0 & r.bit() != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = ScopeRegion> {
        ScopeRegion::ALL
            .into_iter()
            .filter(move |r| self.contains(*r))
    }
}

/// Atlantic islands and island groups (boundary-layer codes) for the North
/// Atlantic rule: Iceland, the Faroes, Greenland, Bermuda, the Azores
/// (PT-20), Madeira (PT-30), the Canary Islands (IC), the Bahamas, Saint
/// Pierre and Miquelon, the Turks and Caicos, the Cayman Islands. Whether
/// a point on them is north of the tropic is decided per point.
/// (Sorted, for binary search.)
pub const ATLANTIC_ISLANDS: &[&str] = &[
    "BM", "BS", "FO", "GL", "IC", "IS", "KY", "PM", "PT-20", "PT-30", "TC",
];

/// Pacific islands and island states (boundary-layer codes) for the Pacific
/// rule: Hawaii, Guam, the Northern Marianas, American Samoa, the US Minor
/// Outlying Islands, Palau, Micronesia, the Marshall Islands, Kiribati,
/// Nauru, Tuvalu, Fiji, the Solomons, Vanuatu, New Caledonia, French
/// Polynesia, Wallis and Futuna, Samoa, Tonga, the Cook Islands, Niue,
/// Tokelau, Pitcairn, New Zealand, Papua New Guinea, Japan, the Philippines
/// and Taiwan.
/// (Sorted, for binary search.)
pub const PACIFIC_ISLANDS: &[&str] = &[
    "AS", "CK", "FJ", "FM", "GU", "JP", "KI", "MH", "MP", "NC", "NR", "NU", "NZ", "PF", "PG", "PH",
    "PN", "PW", "SB", "TK", "TO", "TV", "TW", "UM", "US-HI", "VU", "WF", "WS",
];

/// Subdivisions whose continent differs from their country's.
const CONTINENT_OVERRIDES: &[(&str, Option<ScopeRegion>)] = &[
    ("US-HI", None),
    ("ES-CE", Some(ScopeRegion::Africa)),
    ("ES-ML", Some(ScopeRegion::Africa)),
    ("EA", Some(ScopeRegion::Africa)),
    ("IC", Some(ScopeRegion::Africa)),
];

/// UN M49 "Europe" (ISO 3166-1 alpha-2), with Kosovo (XK).
const EUROPE: &[&str] = &[
    "AD", "AL", "AT", "AX", "BA", "BE", "BG", "BY", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FO",
    "FR", "GB", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV",
    "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SJ", "SK", "SM",
    "UA", "VA", "XK",
];

/// UN M49 "Northern America".
const NORTH_AMERICA: &[&str] = &["BM", "CA", "GL", "PM", "US"];

/// UN M49 "Asia" (Russia, Turkey and Kazakhstan are split by rule).
const ASIA: &[&str] = &[
    "AE", "AF", "AM", "AZ", "BD", "BH", "BN", "BT", "CN", "CY", "GE", "HK", "ID", "IL", "IN", "IQ",
    "IR", "JO", "JP", "KG", "KH", "KP", "KR", "KW", "LA", "LB", "LK", "MM", "MN", "MO", "MV", "MY",
    "NP", "OM", "PH", "PK", "PS", "QA", "SA", "SG", "SY", "TH", "TJ", "TL", "TM", "TW", "UZ", "VN",
    "YE",
];

/// UN M49 "Africa" (with the British Indian Ocean Territory).
const AFRICA: &[&str] = &[
    "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "EH", "ER",
    "ET", "GA", "GH", "GM", "GN", "GQ", "GW", "IO", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML",
    "MR", "MU", "MW", "MZ", "NA", "NE", "NG", "RE", "RW", "SC", "SD", "SH", "SL", "SN", "SO", "SS",
    "ST", "SZ", "TD", "TG", "TN", "TZ", "UG", "YT", "ZA", "ZM", "ZW",
];

/// East Thrace, Turkey's European part: west of the Bosporus, the Sea of
/// Marmara and the Dardanelles (coarse; the Gallipoli shore is approximate).
const EAST_THRACE: &[(f64, f64)] = &[
    (25.9, 42.2),
    (28.2, 42.2),
    (29.12, 41.25),
    (29.02, 41.0),
    (28.0, 40.95),
    (26.75, 40.45),
    (26.2, 40.03),
    (25.9, 40.5),
];

/// The boundary of the Rio Treaty region as Art. 4 gives it, vertex by
/// vertex `(lon, lat, leg)`, where `leg` says how the boundary reaches the
/// *next* vertex: along a meridian ("due south", "due north") or by a rhumb
/// line. Longitudes east of the antimeridian are written west of −180° (170°E
/// is −190°), so the outline is one simple polygon; the poles are edges at
/// ±90°.
///
/// "beginning at the North Pole; thence due south to a point 74 degrees north
/// latitude, 10 degrees west longitude; thence by a rhumb line to a point 47
/// degrees 30 minutes north latitude, 50 degrees west longitude; thence by a
/// rhumb line to a point 35 degrees north latitude, 60 degrees west
/// longitude; thence due south to a point in 20 degrees north latitude;
/// thence by a rhumb line to a point 5 degrees north latitude, 24 degrees
/// west longitude; thence due south to the South Pole; thence due north to a
/// point 30 degrees south latitude, 90 degrees west longitude; thence by a
/// rhumb line to a point on the Equator at 97 degrees west longitude; thence
/// by a rhumb line to a point 15 degrees north latitude, 120 degrees west
/// longitude; thence by a rhumb line to a point 50 degrees north latitude,
/// 170 degrees east longitude; thence due north to a point in 54 degrees
/// north latitude; thence by a rhumb line to a point 65 degrees 30 minutes
/// north latitude, 168 degrees 58 minutes 5 seconds west longitude; thence
/// due north to the North Pole."
pub const RIO_ART4: &[(f64, f64, Leg)] = &[
    (-10.0, 90.0, Leg::Meridian),
    (-10.0, 74.0, Leg::Rhumb),
    (-50.0, 47.5, Leg::Rhumb),
    (-60.0, 35.0, Leg::Meridian),
    (-60.0, 20.0, Leg::Rhumb),
    (-24.0, 5.0, Leg::Meridian),
    (-24.0, -90.0, Leg::Meridian),
    (-90.0, -90.0, Leg::Meridian),
    (-90.0, -30.0, Leg::Rhumb),
    (-97.0, 0.0, Leg::Rhumb),
    (-120.0, 15.0, Leg::Rhumb),
    (-190.0, 50.0, Leg::Meridian),
    (-190.0, 54.0, Leg::Rhumb),
    (-(168.0 + 58.0 / 60.0 + 5.0 / 3600.0), 65.5, Leg::Meridian),
    (-(168.0 + 58.0 / 60.0 + 5.0 / 3600.0), 90.0, Leg::Meridian),
];

/// How a treaty boundary runs from one vertex to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leg {
    /// Along a meridian or a pole (a straight line in lon/lat).
    Meridian,
    /// A rhumb line (loxodrome): straight on a Mercator chart, so curved in
    /// lon/lat; drawn with [`RHUMB_STEPS`] points.
    Rhumb,
}

/// Points per rhumb-line leg: the drawn line is within a few metres of the
/// true loxodrome.
pub const RHUMB_STEPS: usize = 64;

/// The Mercator ordinate of a latitude in degrees.
fn mercator_y(lat: f64) -> f64 {
    let phi = lat.to_radians();
    (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()
}

fn mercator_lat(y: f64) -> f64 {
    (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees()
}

/// The outline of a boundary given as vertices and legs, rhumb lines drawn
/// point by point (linear in longitude and Mercator ordinate).
pub fn outline(vertices: &[(f64, f64, Leg)]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for (i, &(lon, lat, leg)) in vertices.iter().enumerate() {
        out.push((lon, lat));
        let Some(&(lon2, lat2, _)) = vertices.get(i + 1) else {
            break;
        };
        if leg == Leg::Rhumb {
            let (y1, y2) = (mercator_y(lat), mercator_y(lat2));
            for k in 1..RHUMB_STEPS {
                let t = k as f64 / RHUMB_STEPS as f64;
                out.push((lon + t * (lon2 - lon), mercator_lat(y1 + t * (y2 - y1))));
            }
        }
    }
    out
}

/// SEATO Art. VIII: the northern limit in the Pacific, 21°30′N.
pub const SEATO_NORTH: f64 = 21.5;

/// The shapes the region rules need, built once.
#[derive(Debug, Clone)]
pub struct RegionShapes {
    east_thrace: Shape,
    rio: Shape,
}

impl Default for RegionShapes {
    fn default() -> Self {
        RegionShapes {
            east_thrace: Shape::new(EAST_THRACE)
                .unwrap_or_else(|| unreachable!("the East Thrace outline is constant")),
            rio: Shape::new(&outline(RIO_ART4))
                .unwrap_or_else(|| unreachable!("the Rio Treaty outline is constant")),
        }
    }
}

impl RegionShapes {
    /// Inside the Rio Treaty Art. 4 region? The outline runs west of −180°
    /// across the Bering Sea, so eastern longitudes are also tried 360° west.
    pub fn in_rio_region(&self, c: Coord) -> bool {
        if self.rio.contains(c) {
            return true;
        }
        c.lon > 0.0 && {
            let shifted = Coord {
                lat: c.lat,
                lon: c.lon - 360.0,
            };
            self.rio.contains(shifted)
        }
    }
}

/// Inside the SEATO treaty area by coordinates? South-East Asia: 90°E to
/// 130°E from 11°S to 21°30′N (Burma to the Philippines, western
/// Indonesia); the South-West Pacific: south of the Equator to 50°S, from
/// 110°E eastward to 165°W (eastern Indonesia, Australia, New Zealand,
/// Melanesia, western Polynesia). Micronesia, north of the Equator and east
/// of 130°E, is outside: it is neither.
pub fn in_seato_area(c: Coord) -> bool {
    let south_east_asia = (90.0..=130.0).contains(&c.lon) && c.lat >= -11.0 && c.lat < SEATO_NORTH;
    let south_west_pacific = (c.lon >= 110.0 || c.lon <= -165.0) && c.lat > -50.0 && c.lat <= 0.0;
    south_east_asia || south_west_pacific
}

/// The continent of a land point, from its boundary-layer areas (most
/// specific first).
fn continent(areas: &[&str], c: Coord, shapes: &RegionShapes) -> Option<ScopeRegion> {
    for code in areas {
        if let Some((_, r)) = CONTINENT_OVERRIDES.iter().find(|(k, _)| k == code) {
            return *r;
        }
        match *code {
            "RU" => {
                let ural = if c.lat >= 51.5 { 60.0 } else { 55.0 };
                return Some(if (19.0..ural).contains(&c.lon) {
                    ScopeRegion::Europe
                } else {
                    ScopeRegion::Asia
                });
            }
            "TR" => {
                return Some(if shapes.east_thrace.contains(c) {
                    ScopeRegion::Europe
                } else {
                    ScopeRegion::Asia
                })
            }
            "KZ" => {
                return Some(if c.lon < 51.9 && c.lat > 46.9 {
                    ScopeRegion::Europe
                } else {
                    ScopeRegion::Asia
                })
            }
            _ => {}
        }
        for (list, r) in [
            (EUROPE, ScopeRegion::Europe),
            (NORTH_AMERICA, ScopeRegion::NorthAmerica),
            (ASIA, ScopeRegion::Asia),
            (AFRICA, ScopeRegion::Africa),
        ] {
            if list.binary_search(code).is_ok() {
                return Some(r);
            }
        }
        if !code.contains('-') {
            // An ISO 3166-1 area in its own right (Guam, Guadeloupe, …)
            // decides its continent; the enclosing country's does not apply.
            return None;
        }
    }
    None
}

/// The scope regions of a point: `areas` from the boundary layer (empty at
/// sea), `sea` when it is at sea.
pub fn regions_at(areas: &[&str], sea: Option<Sea>, c: Coord, shapes: &RegionShapes) -> RegionSet {
    let mut set = RegionSet::default();
    if shapes.in_rio_region(c) {
        set.insert(ScopeRegion::RioTreatyRegion);
    }
    if in_seato_area(c) {
        set.insert(ScopeRegion::SeatoTreatyArea);
    }
    let north_of_cancer = c.lat > TROPIC_OF_CANCER;
    match sea {
        Some(sea) => match sea {
            Sea::NorthAtlanticOcean if north_of_cancer => {
                set.insert(ScopeRegion::NorthAtlanticNorthOfCancer)
            }
            Sea::MediterraneanSea => set.insert(ScopeRegion::Mediterranean),
            Sea::PacificOcean => set.insert(ScopeRegion::Pacific),
            _ => {}
        },
        None => {
            if let Some(r) = continent(areas, c, shapes) {
                set.insert(r);
            }
            if north_of_cancer
                && areas
                    .iter()
                    .any(|a| ATLANTIC_ISLANDS.binary_search(a).is_ok())
            {
                set.insert(ScopeRegion::NorthAtlanticNorthOfCancer);
            }
            if areas
                .iter()
                .any(|a| PACIFIC_ISLANDS.binary_search(a).is_ok())
            {
                set.insert(ScopeRegion::Pacific);
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn land(areas: &[&str], lat: f64, lon: f64) -> Vec<&'static str> {
        let c = Coord::new(lat, lon).unwrap();
        regions_at(areas, None, c, &RegionShapes::default())
            .iter()
            .map(ScopeRegion::id)
            .collect()
    }

    #[test]
    fn code_lists_are_sorted_for_binary_search() {
        for list in [
            EUROPE,
            NORTH_AMERICA,
            ASIA,
            AFRICA,
            ATLANTIC_ISLANDS,
            PACIFIC_ISLANDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn continents_and_islands() {
        assert_eq!(land(&["US-HI", "US"], 21.3, -157.9), vec!["pacific"]);
        assert_eq!(
            land(&["US-AK", "US"], 61.2, -149.9),
            vec!["north-america", "rio-treaty-region"]
        );
        assert_eq!(land(&["ES-CE", "EA", "ES"], 35.89, -5.32), vec!["africa"]);
        assert_eq!(land(&["TR"], 39.93, 32.86), vec!["asia"]);
        assert_eq!(land(&["TR"], 41.01, 28.97), vec!["europe"]);
        assert_eq!(land(&["RU"], 55.75, 37.6), vec!["europe"]);
        assert_eq!(land(&["RU"], 55.0, 82.9), vec!["asia"]);
        assert_eq!(land(&["RU"], 64.7, -175.0), vec!["asia"]);
        assert_eq!(land(&["CY"], 35.17, 33.36), vec!["asia"]);
        assert_eq!(land(&["GU", "US"], 13.44, 144.79), vec!["pacific"]);
        assert_eq!(
            land(&["GP", "FR"], 16.25, -61.58),
            vec!["rio-treaty-region"]
        );
        assert_eq!(
            land(&["GL", "DK"], 64.18, -51.72),
            vec![
                "north-america",
                "north-atlantic-north-of-cancer",
                "rio-treaty-region"
            ]
        );
        assert_eq!(
            land(&["BS"], 26.53, -78.7),
            vec!["north-atlantic-north-of-cancer", "rio-treaty-region"]
        );
        assert_eq!(land(&["BS"], 21.0, -73.5), vec!["rio-treaty-region"]);
    }

    fn in_rio(lat: f64, lon: f64) -> bool {
        RegionShapes::default().in_rio_region(Coord::new(lat, lon).unwrap())
    }

    /// Rio Treaty Art. 4: points just inside and just outside each leg.
    #[test]
    fn rio_region_follows_the_text() {
        // The Belgrano's sinking position and South Georgia: inside.
        assert!(in_rio(-55.4, -61.53));
        assert!(in_rio(-54.28, -36.5));
        // Due south to the South Pole along 24°W, due north along 90°W.
        assert!(in_rio(-70.0, -24.5));
        assert!(!in_rio(-70.0, -23.5));
        assert!(in_rio(-60.0, -89.5));
        assert!(!in_rio(-60.0, -90.5));
        // Tristan da Cunha, Ascension, Cape Verde, the Azores, Iceland: outside.
        assert!(!in_rio(-37.1, -12.3));
        assert!(!in_rio(-7.9, -14.4));
        assert!(!in_rio(16.0, -24.0));
        assert!(!in_rio(38.7, -27.2));
        assert!(!in_rio(64.1, -21.9));
        // Bermuda, the Galápagos and Clipperton: inside; Easter Island and
        // Hawaii: outside.
        assert!(in_rio(32.3, -64.8));
        assert!(in_rio(-0.7, -90.5));
        assert!(in_rio(10.3, -109.2));
        assert!(!in_rio(-27.1, -109.4));
        assert!(!in_rio(21.3, -157.9));
        // The Aleutians across 180°: inside up to 170°E (Adak, 176.6°W, and
        // 171°E inside; 169°E outside); Chukotka outside.
        assert!(in_rio(51.9, -176.6));
        assert!(in_rio(52.0, 171.0));
        assert!(!in_rio(52.9, 169.0));
        assert!(!in_rio(64.7, -175.0));
        // The North Pole's leg runs along 10°W: Jan Mayen (8.5°W) outside.
        assert!(!in_rio(71.0, -8.5));
        assert!(in_rio(80.0, -11.0));
    }

    /// SEATO Art. VIII: 21°30′N is the text's; Micronesia is neither
    /// South-East Asia nor the South-West Pacific.
    #[test]
    fn seato_area_edges() {
        let at = |lat, lon| in_seato_area(Coord::new(lat, lon).unwrap());
        assert!(at(21.4, 121.5));
        assert!(!at(21.6, 121.5));
        assert!(at(13.75, 100.5)); // Bangkok
        assert!(at(-35.3, 149.1)); // Canberra
        assert!(at(-13.8, -171.8)); // Apia
        assert!(!at(13.44, 144.79)); // Guam
        assert!(!at(25.0, 121.5)); // Taipei
        assert!(!at(-17.5, -149.6)); // Tahiti
    }

    #[test]
    fn rhumb_lines_are_not_lon_lat_chords() {
        // Midway in longitude between 15°N 120°W and 50°N 170°E the rhumb
        // line lies north of the straight lon/lat chord (32.5°N): about
        // 34.3°N.
        let o = outline(&[(-120.0, 15.0, Leg::Rhumb), (-190.0, 50.0, Leg::Meridian)]);
        let mid = o[RHUMB_STEPS / 2];
        assert!((mid.0 + 155.0).abs() < 1e-9);
        assert!((mid.1 - 34.3).abs() < 0.1, "{mid:?}");
    }
}
