#!/usr/bin/env python3
"""Regenerate near-land.bin: which points of the globe lie within 12
nautical miles of land (the breadth of the territorial sea, UNCLOS Art. 3),
on a grid of one arc-minute.

Run by hand, never by the build (the build reads only the committed file):

    python3 -m venv /tmp/gen && /tmp/gen/bin/pip install numpy scipy pillow
    /tmp/gen/bin/python make_near_land.py ../../../../shared/data/external/natural_earth/ne_10m_land.geojson.gz

Data: Natural Earth 1:10m land polygons (public domain), version 4.x.

Method. The land polygons are rasterised on a grid of 21,600 x 10,800 cells
of one arc-minute (cell centres at lon = -180 + (c + 0.5)/60, lat =
90 - (r + 0.5)/60). One arc-minute of latitude is one nautical mile, so the
distance from every cell to the nearest land cell is the Euclidean distance
transform of the grid with the longitude axis scaled by the cosine of the
latitude, computed band by band (with overlap, and wrapping at 180 degrees).
A cell is "near land" when that distance is at most 12 nautical miles: on
land, or in the belt a territorial sea can occupy.

Limits, said where the answers are used (docs/geography.md): distances are
measured from Natural Earth's 1:10m coastline, not from a state's legal
baselines (straight baselines, bays and low-tide elevations move the line
seaward), and the grid is one nautical mile, so points within about a
mile of the 12-mile line may fall either side.

Output (little-endian): the magic `NEARLAND`, u32 width, u32 height, then
height + 1 u32 offsets into the toggle list, then u16 toggles: for each row,
the columns at which the value changes, starting from "far" at column 0.
"""
import gzip
import json
import math
import struct
import sys

import numpy as np
from PIL import Image, ImageDraw
from scipy.ndimage import distance_transform_edt

W, H = 21600, 10800
PER_DEGREE = 60
LIMIT_NM = 12.0
BAND = 120  # rows per band (2 degrees)
MARGIN = 14  # rows above and below (more than 12 nm)


def rings(geom):
    if geom["type"] == "Polygon":
        yield geom["coordinates"]
    elif geom["type"] == "MultiPolygon":
        yield from geom["coordinates"]


def ring_area(ring):
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        a += x1 * y2 - x2 * y1
    return abs(a) / 2


def to_pixels(ring):
    return [((lon + 180.0) * PER_DEGREE, (90.0 - lat) * PER_DEGREE) for lon, lat in ring]


def rasterise(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        features = json.load(f)["features"]
    polygons = [p for f in features for p in rings(f["geometry"])]
    # Larger polygons first, so an island in a lake is drawn after the lake.
    polygons.sort(key=lambda p: -ring_area(p[0]))
    image = Image.new("1", (W, H), 0)
    draw = ImageDraw.Draw(image)
    for polygon in polygons:
        outer, holes = polygon[0], polygon[1:]
        if len(outer) >= 3:
            draw.polygon(to_pixels(outer), fill=1, outline=1)
        for hole in holes:
            if len(hole) >= 3:
                draw.polygon(to_pixels(hole), fill=0)
    return np.array(image, dtype=bool)


def near_land(land):
    near = np.zeros_like(land)
    for top in range(0, H, BAND):
        lo, hi = max(0, top - MARGIN), min(H, top + BAND + MARGIN)
        lat = 90.0 - (top + BAND / 2) / PER_DEGREE
        scale = max(math.cos(math.radians(min(abs(lat), 89.0))), 0.02)
        pad = min(int(math.ceil(LIMIT_NM / scale)) + 2, W // 2)
        band = land[lo:hi]
        wrapped = np.concatenate([band[:, -pad:], band, band[:, :pad]], axis=1)
        if not wrapped.any():
            continue
        dist = distance_transform_edt(~wrapped, sampling=(1.0, scale))
        dist = dist[:, pad : pad + W]
        rows = slice(top - lo, top - lo + min(BAND, H - top))
        near[top : top + BAND] = dist[rows] <= LIMIT_NM
    return near


def encode(near):
    offsets = [0]
    toggles = []
    for row in near:
        changes = np.flatnonzero(np.diff(np.concatenate([[False], row]).astype(np.int8)))
        toggles.extend(int(c) for c in changes)
        offsets.append(len(toggles))
    out = bytearray(b"NEARLAND")
    out += struct.pack("<II", W, H)
    out += struct.pack(f"<{len(offsets)}I", *offsets)
    out += struct.pack(f"<{len(toggles)}H", *toggles)
    return bytes(out)


def main(path):
    land = rasterise(path)
    near = near_land(land)
    data = encode(near)
    with open("near-land.bin", "wb") as f:
        f.write(data)
    print(f"land cells {land.sum():,}; near-land cells {near.sum():,}; {len(data):,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
