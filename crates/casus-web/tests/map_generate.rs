//! Generates `app/map.svg`, the web app's world map, and checks that the
//! committed file is what the generator makes.
//!
//! Input: the boundary layer shipped inside the `country-boundaries` crate
//! (© OpenStreetMap contributors, ODbL; the same data `casus-geo` resolves
//! coordinates with), read cell by cell, and the knowledge base's territory
//! outlines and ISO codes. Output: one SVG in plate carrée (x = longitude,
//! y = −latitude, in degrees), so a click inverts exactly to lon/lat.
//!
//! The layer stores each country clipped to 6°×6° cells. A country's fill is
//! the union of its cell pieces (drawn with a hairline of the fill colour so
//! no seam shows); its border is every piece edge that is not a cut along a
//! cell side. Each chain between cell-side vertices is simplified with
//! Ramer–Douglas–Peucker, so neighbouring pieces keep meeting exactly.
//!
//! Regenerate with `CASUS_WRITE_MAP=1 cargo test -p casus-web --test map_generate`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use country_boundaries::BOUNDARIES_ODBL_60X30;

/// Local coordinates run 0..=MAX inside a cell.
const MAX: u16 = 0xffff;
/// Simplification tolerance, in degrees.
const TOLERANCE: f64 = 0.04;
/// Southern edge of the map (Antarctica is left out).
const SOUTH: f64 = -58.0;
const NORTH: f64 = 84.0;

type Ring = Vec<(u16, u16)>;

struct Piece {
    id: String,
    outer: Vec<Ring>,
    inner: Vec<Ring>,
}

struct Cell {
    containing: Vec<String>,
    pieces: Vec<Piece>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        out
    }
    fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    fn u16(&mut self) -> u16 {
        u16::from_be_bytes([self.take(1)[0], self.take(1)[0]])
    }
    fn u32(&mut self) -> u32 {
        let b = self.take(4);
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }
    fn string(&mut self) -> String {
        let n = usize::from(self.u16());
        String::from_utf8(self.take(n).to_vec()).expect("utf-8 id")
    }
    fn rings(&mut self) -> Vec<Ring> {
        (0..self.u8())
            .map(|_| (0..self.u32()).map(|_| (self.u16(), self.u16())).collect())
            .collect()
    }
}

/// The layer's cells, row by row from the north, and the raster width.
fn read_layer(bytes: &[u8]) -> (Vec<Cell>, usize) {
    let mut r = Reader { bytes, at: 0 };
    assert_eq!(r.u16(), 2, "country-boundaries format version");
    for _ in 0..r.u32() {
        r.string();
        r.take(8);
    }
    let width = r.u32() as usize;
    let count = r.u32() as usize;
    let cells = (0..count)
        .map(|_| {
            let containing = (0..r.u8()).map(|_| r.string()).collect();
            let pieces = (0..r.u8())
                .map(|_| Piece {
                    id: r.string(),
                    outer: r.rings(),
                    inner: r.rings(),
                })
                .collect();
            Cell { containing, pieces }
        })
        .collect();
    (cells, width)
}

fn on_side(p: (u16, u16)) -> bool {
    p.0 == 0 || p.0 == MAX || p.1 == 0 || p.1 == MAX
}

/// Both ends on the same cell side: an edge made by clipping, not a border.
fn is_cut(a: (u16, u16), b: (u16, u16)) -> bool {
    (a.0 == b.0 && (a.0 == 0 || a.0 == MAX)) || (a.1 == b.1 && (a.1 == 0 || a.1 == MAX))
}

fn rdp(points: &[(f64, f64)], tolerance: f64, keep: &mut Vec<bool>, lo: usize, hi: usize) {
    if hi <= lo + 1 {
        return;
    }
    let (a, b) = (points[lo], points[hi]);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    let mut worst = (0.0, lo);
    for (i, p) in points.iter().enumerate().take(hi).skip(lo + 1) {
        let d = if len == 0.0 {
            ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt()
        } else {
            ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / len
        };
        if d > worst.0 {
            worst = (d, i);
        }
    }
    if worst.0 > tolerance {
        keep[worst.1] = true;
        rdp(points, tolerance, keep, lo, worst.1);
        rdp(points, tolerance, keep, worst.1, hi);
    }
}

struct Grid {
    width: usize,
}

impl Grid {
    /// Map coordinates (lon, −lat) of a local point in cell `index`.
    fn project(&self, index: usize, p: (u16, u16)) -> (f64, f64) {
        let (cx, cy) = ((index % self.width) as f64, (index / self.width) as f64);
        let size = 360.0 / self.width as f64;
        let lon = -180.0 + size * cx + f64::from(p.0) / f64::from(MAX) * size;
        let lat = 90.0 - size * (cy + 1.0) + f64::from(p.1) / f64::from(MAX) * size;
        (lon, -lat.clamp(-90.0, 90.0))
    }
}

/// A ring simplified: vertices on cell sides are kept, the chains between
/// them simplified. Returns the kept vertices with their "edge to next is a
/// cut" flags.
fn simplify_ring(grid: &Grid, cell: usize, ring: &Ring) -> Vec<((f64, f64), bool)> {
    let mut ring: Vec<(u16, u16)> = ring.clone();
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    let pts: Vec<(f64, f64)> = ring.iter().map(|&p| grid.project(cell, p)).collect();
    let mut keep: Vec<bool> = ring.iter().map(|&p| on_side(p)).collect();
    let anchors: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
    // Walk the ring as a closed loop, simplifying between anchors.
    let mut loop_pts = pts.clone();
    loop_pts.push(pts[0]);
    let mut loop_keep = keep.clone();
    loop_keep.push(true);
    if anchors.is_empty() {
        loop_keep[0] = true;
        // Split a free ring at its farthest vertex from the first, so both halves simplify.
        let far = (1..n)
            .max_by(|&i, &j| {
                let d = |k: usize| (pts[k].0 - pts[0].0).powi(2) + (pts[k].1 - pts[0].1).powi(2);
                d(i).total_cmp(&d(j))
            })
            .unwrap_or(1);
        loop_keep[far] = true;
        rdp(&loop_pts, TOLERANCE, &mut loop_keep, 0, far);
        rdp(&loop_pts, TOLERANCE, &mut loop_keep, far, n);
    } else {
        let start = anchors[0];
        // Rotate so the loop starts at an anchor.
        let rot: Vec<usize> = (0..=n).map(|k| (start + k) % n).collect();
        let rp: Vec<(f64, f64)> = rot.iter().map(|&i| pts[i]).collect();
        let mut rk: Vec<bool> = rot.iter().map(|&i| keep[i]).collect();
        rk[n] = true;
        let idx: Vec<usize> = (0..=n).filter(|&k| rk[k]).collect();
        for w in idx.windows(2) {
            rdp(&rp, TOLERANCE, &mut rk, w[0], w[1]);
        }
        for k in 0..n {
            keep[rot[k]] = rk[k];
        }
        loop_keep = keep.clone();
        loop_keep.push(true);
    }
    let kept: Vec<usize> = (0..n).filter(|&i| loop_keep[i]).collect();
    let mut out = Vec::with_capacity(kept.len());
    for (k, &i) in kept.iter().enumerate() {
        let j = kept[(k + 1) % kept.len()];
        // A simplified edge is a cut only when it joins two vertices on the same side
        // with nothing dropped between them that is off that side.
        let cut = is_cut(ring[i], ring[j])
            && (i + 1..if j > i { j } else { j + n }).all(|m| is_cut(ring[i], ring[m % n]));
        out.push((pts[i], cut));
    }
    out
}

/// Map units per degree: coordinates are written as integers.
const UNITS: f64 = 100.0;

/// Appends "Mx y" then relative "l" steps for points, in integer map units,
/// skipping repeats after rounding.
fn path_points(out: &mut String, pts: &[(f64, f64)], close: bool) {
    let mut last: Option<(i64, i64)> = None;
    let mut count = 0;
    let mut body = String::new();
    for &(x, y) in pts {
        let key = ((x * UNITS).round() as i64, (y * UNITS).round() as i64);
        match last {
            Some(prev) if prev == key => continue,
            Some(prev) => {
                let (dx, dy) = (key.0 - prev.0, key.1 - prev.1);
                if count == 1 {
                    body.push('l');
                } else if dx >= 0 {
                    body.push(' ');
                }
                let _ = write!(body, "{dx}");
                if dy >= 0 {
                    body.push(' ');
                }
                let _ = write!(body, "{dy}");
            }
            None => {
                let _ = write!(body, "M{} {}", key.0, key.1);
            }
        }
        last = Some(key);
        count += 1;
    }
    if count >= 2 {
        out.push_str(&body);
        if close {
            out.push('Z');
        }
    }
}

struct Shapes {
    fill: String,
    border: String,
}

fn country_shapes(
    cells: &[Cell],
    grid: &Grid,
    wanted: &dyn Fn(&str) -> bool,
) -> BTreeMap<String, Shapes> {
    let mut shapes: BTreeMap<String, Shapes> = BTreeMap::new();
    let size = 360.0 / grid.width as f64;
    for (index, cell) in cells.iter().enumerate() {
        for id in cell.containing.iter().filter(|id| wanted(id)) {
            let (x0, y1) = grid.project(index, (0, 0));
            let s = shapes.entry(id.clone()).or_insert(Shapes {
                fill: String::new(),
                border: String::new(),
            });
            let corners = [
                (x0, y1),
                (x0 + size, y1),
                (x0 + size, y1 - size),
                (x0, y1 - size),
            ];
            path_points(&mut s.fill, &corners, true);
        }
        for piece in cell.pieces.iter().filter(|p| wanted(&p.id)) {
            let s = shapes.entry(piece.id.clone()).or_insert(Shapes {
                fill: String::new(),
                border: String::new(),
            });
            for ring in piece.outer.iter().chain(&piece.inner) {
                let simple = simplify_ring(grid, index, ring);
                if simple.len() < 3 {
                    continue;
                }
                let pts: Vec<(f64, f64)> = simple.iter().map(|(p, _)| *p).collect();
                path_points(&mut s.fill, &pts, true);
                // Border runs: maximal chains of non-cut edges.
                let n = simple.len();
                let Some(start) = (0..n).find(|&k| simple[k].1) else {
                    path_points(&mut s.border, &pts, true);
                    continue;
                };
                let mut run: Vec<(f64, f64)> = Vec::new();
                for k in 1..=n {
                    let i = (start + k) % n;
                    if run.is_empty() {
                        run.push(simple[i].0);
                    }
                    if simple[i].1 {
                        if run.len() >= 2 {
                            path_points(&mut s.border, &run, false);
                        }
                        run.clear();
                    } else {
                        run.push(simple[(i + 1) % n].0);
                    }
                }
                if run.len() >= 2 {
                    path_points(&mut s.border, &run, false);
                }
            }
        }
    }
    shapes
}

/// A territory drawn from its knowledge-base outline: id, name, points.
type Outlined = (String, String, Vec<(f64, f64)>);

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

fn generate() -> String {
    let kb = casus_core::KnowledgeBase::embedded().expect("embedded knowledge base");
    let (cells, width) = read_layer(BOUNDARIES_ODBL_60X30);
    let grid = Grid { width };

    // ISO alpha-2 -> polity id: the present sovereign of the mainland
    // territory with that code; for a code no mainland has (overseas
    // territories, Algeria, Taiwan), the present controller (else sovereign)
    // of the territory that has exactly that code, unless it is disputed.
    let mut polity_of: BTreeMap<String, (String, bool)> = BTreeMap::new();
    let mut name_of: BTreeMap<String, String> = BTreeMap::new();
    let present = |spells: &[casus_core::model::Dated<String>]| {
        spells
            .iter()
            .find(|s| s.interval.to.is_none())
            .map(|s| s.value.clone())
    };
    for mainland_pass in [true, false] {
        for t in &kb.territories {
            use casus_core::model::TerritoryKind;
            let is_mainland = matches!(t.kind, TerritoryKind::Mainland);
            if is_mainland != mainland_pass
                || matches!(t.kind, TerritoryKind::Sea)
                || t.iso_codes.len() != 1
            {
                continue;
            }
            let code = &t.iso_codes[0];
            if code.len() != 2 || polity_of.contains_key(code) {
                continue;
            }
            let holder = if is_mainland {
                present(&t.sovereign)
            } else if matches!(t.kind, TerritoryKind::Disputed) {
                // A disputed area is coloured as no one's: the map takes no side.
                None
            } else {
                present(&t.controller).or_else(|| present(&t.sovereign))
            };
            if let Some(polity) = holder {
                polity_of.insert(code.clone(), (polity, is_mainland));
                name_of.insert(code.clone(), t.name.clone());
            }
        }
    }
    // Territories drawn on demand (hatched where de jure and de facto differ):
    // a kb outline, or else the layer's subdivision areas they are made of.
    let mut subdivisions: BTreeSet<String> = BTreeSet::new();
    let mut outlined: Vec<Outlined> = Vec::new();
    let mut by_codes: Vec<(String, String, Vec<String>)> = Vec::new();
    for t in &kb.territories {
        if matches!(
            t.kind,
            casus_core::model::TerritoryKind::Mainland | casus_core::model::TerritoryKind::Sea
        ) {
            continue;
        }
        if t.polygon.len() >= 3 {
            let pts = t.polygon.iter().map(|&(lon, lat)| (lon, -lat)).collect();
            outlined.push((t.id.clone(), t.name.clone(), pts));
        } else if !t.iso_codes.is_empty() && t.iso_codes.iter().all(|c| c.contains('-')) {
            subdivisions.extend(t.iso_codes.iter().cloned());
            by_codes.push((t.id.clone(), t.name.clone(), t.iso_codes.clone()));
        }
    }
    let countries = country_shapes(&cells, &grid, &|id: &str| !id.contains('-'));
    let subs = country_shapes(&cells, &grid, &|id: &str| subdivisions.contains(id));

    let mut svg = String::new();
    let (w, h) = (360.0, NORTH - SOUTH);
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map-svg\" viewBox=\"{} {} {} {}\" \
         role=\"img\" aria-labelledby=\"map-title\" preserveAspectRatio=\"xMidYMid meet\">",
        -180.0 * UNITS,
        -NORTH * UNITS,
        w * UNITS,
        h * UNITS
    );
    svg.push_str("<title id=\"map-title\">World map</title>\n");
    svg.push_str(
        "<desc>Plate carrée: x is longitude, y is minus latitude, in hundredths of a degree. Boundaries: \
         country-boundaries crate, data © OpenStreetMap contributors (ODbL).</desc>\n",
    );
    svg.push_str(
        "<defs><pattern id=\"hatch\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"12\" height=\"12\" class=\"hatch-bg\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"12\" class=\"hatch-line\"/></pattern></defs>\n",
    );
    let _ = writeln!(
        svg,
        "<rect id=\"sea\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        -180.0 * UNITS,
        -NORTH * UNITS,
        w * UNITS,
        h * UNITS
    );
    svg.push_str("<g id=\"countries\">\n");
    for (code, shape) in &countries {
        if shape.fill.is_empty() {
            continue;
        }
        let (polity, mainland) = polity_of
            .get(code)
            .map(|(p, m)| (p.as_str(), *m))
            .unwrap_or(("", false));
        let name = name_of.get(code).map(String::as_str).unwrap_or(code);
        let mainland = if mainland { " data-mainland=\"1\"" } else { "" };
        let _ = writeln!(
            svg,
            "<path class=\"c\" data-a2=\"{code}\" data-id=\"{polity}\"{mainland} data-name=\"{}\" d=\"{}\"/>",
            escape(name),
            shape.fill
        );
    }
    svg.push_str("</g>\n<g id=\"territories\">\n");
    for (id, name, pts) in &outlined {
        let mut d = String::new();
        path_points(&mut d, pts, true);
        let _ = writeln!(
            svg,
            "<path class=\"t\" data-territory=\"{id}\" data-name=\"{}\" d=\"{d}\"/>",
            escape(name)
        );
    }
    for (id, name, codes) in &by_codes {
        let d: String = codes
            .iter()
            .filter_map(|c| subs.get(c))
            .map(|s| s.fill.as_str())
            .collect();
        if !d.is_empty() {
            let _ = writeln!(
                svg,
                "<path class=\"t\" data-territory=\"{id}\" data-name=\"{}\" d=\"{d}\"/>",
                escape(name)
            );
        }
    }
    svg.push_str("</g>\n<path id=\"borders\" d=\"");
    for shape in countries.values() {
        svg.push_str(&shape.border);
    }
    svg.push_str("\"/>\n<g id=\"marks\"></g>\n</svg>\n");
    svg
}

fn map_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("app/map.svg")
}

#[test]
fn map_svg_is_fresh() {
    let svg = generate();
    let path = map_path();
    if std::env::var_os("CASUS_WRITE_MAP").is_some_and(|v| v == "1") {
        std::fs::write(&path, &svg).expect("write app/map.svg");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == svg,
        "app/map.svg differs from what the generator makes (the boundary layer or the \
         knowledge base's territories changed): regenerate it with \
         `CASUS_WRITE_MAP=1 cargo test -p casus-web --test map_generate` and review the diff"
    );
}

#[test]
fn map_has_the_founding_case_and_projection_inverts() {
    let svg = generate();
    // Armenia and Azerbaijan are drawn and carry their polity ids; the
    // Nagorno-Karabakh outline is there to hatch.
    assert!(
        svg.contains("data-a2=\"AM\" data-id=\"ARM\""),
        "Armenia on the map"
    );
    assert!(
        svg.contains("data-a2=\"AZ\" data-id=\"AZE\""),
        "Azerbaijan on the map"
    );
    assert!(svg.contains("data-territory=\"nagorno-karabakh\""));
    // Every subpath stays inside the plate carrée frame (absolute start,
    // relative steps), so x / 100 and −y / 100 are a point's lon and lat.
    let d_values = svg
        .split(" d=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or(""));
    for d in d_values {
        for sub in d.split('M').filter(|s| !s.is_empty()) {
            let numbers: Vec<i64> = sub
                .replace(['l', 'Z'], " ")
                .replace('-', " -")
                .split_whitespace()
                .map(|s| s.parse::<i64>().expect("integer in path"))
                .collect();
            let (mut x, mut y) = (numbers[0], numbers[1]);
            for (k, step) in numbers.chunks(2).enumerate() {
                if k > 0 {
                    x += step[0];
                    y += step[1];
                }
                assert!((-18000..=18000).contains(&x), "x {x} in {sub:.60}");
                assert!((-9000..=9000).contains(&y), "y {y} in {sub:.60}");
            }
        }
    }
}
