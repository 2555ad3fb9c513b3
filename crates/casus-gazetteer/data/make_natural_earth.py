#!/usr/bin/env python3
"""Regenerate natural-earth.tsv.gz: named features of Natural Earth that
reports of attacks name and GeoNames' populated places do not hold —
first-level subdivisions, seas, gulfs and straits, land regions and
islands, capes, airports and ports.

Run by hand, never by the build (the build reads only the committed file):

    python3 -m venv /tmp/gen && /tmp/gen/bin/pip install shapely
    /tmp/gen/bin/python make_natural_earth.py ../../../../shared/data/external/natural_earth

Data: Natural Earth (naturalearthdata.com), public domain, version 4.x as
collected in the project's shared/data/external/natural_earth folder.

Output columns, tab-separated, one feature a line, sorted by kind and id:

    id  name  lat  lon  country_code  0  alt1|alt2|...  kind

- `id`: Natural Earth's `ne_id` where the layer has one, else a number
  derived from the layer and the feature's position (stable for one
  version of the data).
- `lat`/`lon`: a point inside the feature: the label point for
  subdivisions, the point farthest from land for seas (a sea named as a
  whole is its open water; a strait narrower than 24 nautical miles still
  lands in a territorial sea), the point farthest from the outline (pole
  of inaccessibility) for regions and islands, the location itself for
  airports, ports and capes.
- `country_code`: ISO 3166-1 alpha-2 of the Natural Earth 1:50m country
  containing the point, or of the nearest within 0.1 degrees (ports and
  airports on a coast the outline misses); `--` for seas and where no
  country is that near.
- `kind`: province, sea, region, island, cape, airport, port.
"""
import gzip
import json
import math
import re
import sys
from pathlib import Path

from shapely.geometry import shape, Point
from shapely.ops import polylabel
from shapely.strtree import STRtree

LAYER_ID = {
    "admin1": 1,
    "marine": 2,
    "regions": 3,
    "capes": 4,
    "airports": 5,
    "ports": 6,
}

ISLAND_CLASSES = {"Island", "Island group"}


def load(folder: Path, name: str):
    with gzip.open(folder / f"{name}.geojson.gz", "rt", encoding="utf-8") as f:
        return json.load(f)["features"]


def clean(s) -> str:
    if not s:
        return ""
    s = re.sub(r"\s+", " ", str(s)).strip()
    return s.replace("\t", " ").replace("|", " ")


def titled(s: str) -> str:
    """`ARCTIC OCEAN` → `Arctic Ocean`; mixed-case names stay as they are."""
    if s.isupper():
        return " ".join(w.capitalize() if w not in {"OF", "THE", "DE", "DEL"} else w.lower() for w in s.split())
    return s


class Land:
    """Natural Earth 1:10m land, for the point of a sea farthest from it."""

    def __init__(self, folder: Path):
        parts = []
        for f in load(folder, "ne_10m_land"):
            g = shape(f["geometry"])
            parts.extend(g.geoms if g.geom_type == "MultiPolygon" else [g])
        self.parts = parts
        self.tree = STRtree(parts)

    def distance_nm(self, pt) -> float:
        """Approximate distance to land in nautical miles (degrees of
        latitude, and of longitude scaled by the cosine of the latitude)."""
        i = self.tree.nearest(pt)
        near = self.parts[i].exterior.interpolate(self.parts[i].exterior.project(pt))
        scale = math.cos(math.radians(pt.y))
        return 60.0 * math.hypot(pt.y - near.y, (pt.x - near.x) * scale)


def farthest_from_land(geom, land: Land):
    """The point of a sea farthest from land, on a grid of about 40 x 40
    over its outline (with the pole of inaccessibility): a sea named as a
    whole is its open water, and a strait narrower than 24 nautical miles
    still lands in a territorial sea."""
    candidates = [inside_point(geom)]
    minx, miny, maxx, maxy = geom.bounds
    step = max((maxx - minx), (maxy - miny)) / 40.0 or 0.01
    y = miny + step / 2
    while y < maxy:
        x = minx + step / 2
        while x < maxx:
            p = Point(x, y)
            if geom.contains(p):
                candidates.append(p)
            x += step
        y += step
    return max(candidates, key=land.distance_nm)


def inside_point(geom):
    """A point inside the geometry, far from its edges (largest part)."""
    if geom.geom_type == "MultiPolygon":
        geom = max(geom.geoms, key=lambda g: g.area)
    if geom.geom_type != "Polygon":
        return geom.representative_point()
    try:
        p = polylabel(geom, tolerance=0.01)
        if geom.contains(p):
            return p
    except Exception:
        pass
    return geom.representative_point()


class Countries:
    def __init__(self, folder: Path):
        feats = load(folder, "ne_50m_admin_0_countries")
        self.shapes = []
        self.codes = []
        for f in feats:
            p = f["properties"]
            code = p.get("ISO_A2_EH") or p.get("ISO_A2") or ""
            if code in ("-99", "") or len(code) != 2:
                code = p.get("ISO_A2") if len(p.get("ISO_A2") or "") == 2 else ""
            if not code or code == "-99":
                continue
            self.shapes.append(shape(f["geometry"]))
            self.codes.append(code)
        self.tree = STRtree(self.shapes)

    def at(self, pt) -> str:
        """The country containing the point, else the nearest within
        0.1 degrees (ports and airports on a coast the 1:50m outline
        misses), else `--`."""
        for i in self.tree.query(pt):
            if self.shapes[i].contains(pt):
                return self.codes[i]
        near = [(self.shapes[i].distance(pt), i) for i in self.tree.query(pt.buffer(0.1))]
        if near:
            return self.codes[min(near)[1]]
        return "--"


def sea_alternates(name: str) -> list:
    """`Strait of Hormuz` ↔ `Hormuz Strait`, `Gulf of Aden` ↔ `Aden Gulf`."""
    alts = []
    m = re.fullmatch(r"(Strait|Gulf|Bay|Sea|Straits) of (.+)", name)
    if m:
        alts.append(f"{m.group(2)} {m.group(1)}")
    m = re.fullmatch(r"(.+) (Strait|Straits|Gulf|Channel)", name)
    if m and not m.group(1).endswith(" of"):
        alts.append(f"{m.group(2)} of {m.group(1)}")
    return alts


def airport_names(name: str, kind: str) -> tuple:
    base = clean(name).replace("Int'l", "International").replace(" Ab", " Air Base")
    alts = []
    stem = re.sub(r"\s+(International|Intl\.?)$", "", base).strip()
    if stem != base:
        alts.append(stem)
    if not re.search(r"(Airport|Air Base|Airbase|AB|AFB|Air Force Base)$", stem):
        alts.append(f"{stem} Airport")
        if "military" in kind:
            alts.append(f"{stem} Air Base")
    return base, alts


def main(folder: str) -> None:
    folder = Path(folder)
    countries = Countries(folder)
    rows = []

    def add(layer, n, ne_id, name, pt, alts, kind, country=None):
        name = clean(name)
        if not name:
            return
        ident = int(ne_id) if ne_id else LAYER_ID[layer] * 100_000_000 + n
        alts = [clean(a) for a in alts if clean(a) and clean(a) != name]
        alts = list(dict.fromkeys(alts))
        cc = country if country is not None else countries.at(pt)
        rows.append((kind, ident, name, pt.y, pt.x, cc, alts))

    seen = set()
    for n, f in enumerate(load(folder, "ne_10m_admin_1_label_points")):
        p = f["properties"]
        code = p.get("adm1_code")
        if code in seen:
            continue
        seen.add(code)
        pt = shape(f["geometry"])
        cc = p.get("iso_a2") if len(p.get("iso_a2") or "") == 2 else None
        add("admin1", n, p.get("ne_id"), p.get("name"), pt, [], "province", cc)

    land = Land(folder)
    for n, f in enumerate(load(folder, "ne_10m_geography_marine_polys")):
        p = f["properties"]
        if p.get("featurecla") in ("river",) or not f.get("geometry"):
            continue
        name = titled(clean(p.get("name")))
        alts = [titled(clean(p.get("namealt")))] + sea_alternates(name)
        pt = farthest_from_land(shape(f["geometry"]), land)
        add("marine", n, p.get("ne_id"), name, pt, alts, "sea", "--")

    for n, f in enumerate(load(folder, "ne_10m_geography_regions_polys")):
        p = f["properties"]
        if p.get("featurecla") in ("Continent", "Dragons-be-here") or not f.get("geometry"):
            continue
        kind = "island" if p.get("featurecla") in ISLAND_CLASSES else "region"
        name = titled(clean(p.get("name")))
        pt = inside_point(shape(f["geometry"]))
        add("regions", n, p.get("ne_id"), name, pt, [titled(clean(p.get("namealt")))], kind)

    for n, f in enumerate(load(folder, "ne_10m_geography_regions_points")):
        p = f["properties"]
        pt = shape(f["geometry"])
        add("capes", n, p.get("ne_id"), titled(clean(p.get("name"))), pt, [], "cape")

    for n, f in enumerate(load(folder, "ne_10m_airports")):
        p = f["properties"]
        name, alts = airport_names(p.get("name") or "", p.get("type") or "")
        pt = shape(f["geometry"])
        add("airports", n, p.get("ne_id"), name, pt, alts, "airport")

    for n, f in enumerate(load(folder, "ne_10m_ports")):
        p = f["properties"]
        pt = shape(f["geometry"])
        name = clean(p.get("name"))
        add("ports", n, p.get("ne_id"), name, pt, [f"Port of {name}", f"{name} port"], "port")

    rows.sort(key=lambda r: (r[0], r[1]))
    with gzip.open("natural-earth.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        for kind, ident, name, lat, lon, cc, alts in rows:
            out.write(
                "\t".join([str(ident), name, f"{lat:.5f}", f"{lon:.5f}", cc, "0", "|".join(alts), kind])
                + "\n"
            )
    print(f"{len(rows)} features written")


if __name__ == "__main__":
    main(sys.argv[1])
