//! Whether a point lies within 12 nautical miles of land: on land, or where
//! a coastal state's territorial sea can reach (UNCLOS Art. 3: "not
//! exceeding 12 nautical miles, measured from baselines"). Beyond it, water
//! is no state's territory, whatever a boundary layer drawn for land files
//! it under.
//!
//! The answer comes from a grid of one arc-minute (one nautical mile of
//! latitude) computed from Natural Earth's 1:10m land polygons (public
//! domain) by `data/make_near_land.py` and embedded: for each row, the
//! columns where "far" and "near" alternate. Distances are measured from
//! that coastline, not from legal baselines, and to the grid's precision,
//! so a point within about a mile of the 12-mile line may fall either side
//! (docs/geography.md).

use crate::coord::Coord;

static DATA: &[u8] = include_bytes!("../data/near-land.bin");

const MAGIC: &[u8] = b"NEARLAND";
const HEADER: usize = 16;

/// The breadth of the territorial sea, in nautical miles.
pub const TERRITORIAL_SEA_NM: f64 = 12.0;

fn u32_at(at: usize) -> Option<u32> {
    let b = DATA.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// True when the point is on land or within 12 nautical miles of it;
/// `None` if the embedded grid is unreadable (a build problem).
pub fn near_land(c: Coord) -> Option<bool> {
    if DATA.get(..MAGIC.len())? != MAGIC {
        return None;
    }
    let width = u32_at(8)? as usize;
    let height = u32_at(12)? as usize;
    let per_degree = width as f64 / 360.0;
    let row = (((90.0 - c.lat) * per_degree).floor().max(0.0) as usize).min(height - 1);
    let col = (((c.lon + 180.0) * per_degree).floor().max(0.0) as usize) % width;
    let start = u32_at(HEADER + row * 4)? as usize;
    let end = u32_at(HEADER + (row + 1) * 4)? as usize;
    let base = HEADER + (height + 1) * 4;
    let toggles = DATA.get(base + start * 2..base + end * 2)?;
    // The number of toggles at or before `col`: odd means near.
    let (mut lo, mut hi) = (0usize, toggles.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let t = u16::from_le_bytes([toggles[mid * 2], toggles[mid * 2 + 1]]) as usize;
        if t <= col {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Some(lo % 2 == 1)
}

/// Great-circle destination `km` from `c` on bearing `degrees` (spherical
/// Earth), for probing around a point.
pub(crate) fn offset(c: Coord, km: f64, degrees: f64) -> Coord {
    const EARTH_KM: f64 = 6371.0;
    let (lat, lon) = (c.lat.to_radians(), c.lon.to_radians());
    let (d, b) = (km / EARTH_KM, degrees.to_radians());
    let lat2 = (lat.sin() * d.cos() + lat.cos() * d.sin() * b.cos()).asin();
    let lon2 = lon + (b.sin() * d.sin() * lat.cos()).atan2(d.cos() - lat.sin() * lat2.sin());
    let mut lon2 = lon2.to_degrees();
    if lon2 > 180.0 {
        lon2 -= 360.0;
    } else if lon2 < -180.0 {
        lon2 += 360.0;
    }
    Coord {
        lat: lat2.to_degrees().clamp(-90.0, 90.0),
        lon: lon2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> bool {
        near_land(Coord { lat, lon }).expect("the grid is embedded")
    }

    #[test]
    fn land_and_the_coastal_belt_are_near() {
        assert!(at(40.18, 44.51), "Yerevan");
        assert!(at(48.85, 2.35), "Paris");
        assert!(at(-33.87, 151.21), "Sydney");
        // About 5 nautical miles off Odesa, and off Dover.
        assert!(at(46.42, 30.85));
        assert!(at(51.05, 1.45));
    }

    #[test]
    fn open_water_beyond_twelve_miles_is_far() {
        assert!(!at(35.0, -40.0), "mid-Atlantic");
        assert!(!at(12.9, 49.5), "Gulf of Aden, mid-water");
        assert!(!at(20.0, 38.5), "central Red Sea");
        assert!(!at(43.2, 34.0), "central Black Sea");
        assert!(
            !at(31.5, 18.5),
            "Gulf of Sidra, inside Libya's closing line"
        );
    }

    #[test]
    fn offsets_go_the_right_way() {
        let c = Coord {
            lat: 0.0,
            lon: 179.9,
        };
        let east = offset(c, 111.2, 90.0);
        assert!((east.lon + 179.1).abs() < 0.01, "{east:?}");
        let north = offset(c, 111.2, 0.0);
        assert!((north.lat - 1.0).abs() < 0.01, "{north:?}");
    }
}
