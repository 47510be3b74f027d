"""Fail when extraction quality on the dev corpus or on tests/corpus drops below its floor.

Runs the product as a user would (`cityrel ingest` into a fresh store, then
`cityrel export --format trig`) and scores the export with the shared scorer,
../shared/eval/score.py. The floors are the measured level minus a small
margin, so quality never regresses silently. tests/corpus holds articles
written apart from the dev corpus (see its README); its floor is lower, as it
was first scored before any rule was tuned on it. Skips (exit 0, saying so)
when ../shared is not beside the project.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
# corpus, micro-F1 floor, floor for each kind of fact
CORPORA = [
    # measured on 2026-11-24: micro-F1 0.996, every kind >= 0.964, grounded 1.000
    (SHARED / "corpus" / "dev", 0.97, 0.93),
    # measured on 2026-11-25: 0.925 on 300 (every kind >= 0.846: plans), after the rules its batches
    # showed wanting; as they came, they scored 0.714, 0.757, 0.812, 0.775, 0.809, 0.835, 0.852, 0.727,
    # 0.729, 0.760, 0.825, 0.802, 0.848, 0.763, 0.769, 0.843, 0.846, 0.852, 0.734, 0.636, 0.757, 0.830,
    # 0.868, 0.800, 0.856, 0.891 and 0.831
    (ROOT / "tests" / "corpus", 0.85, 0.75),
]


def main() -> int:
    if not SCORER.is_file():
        print(f"quality check skipped: no scorer at {SCORER}")
        return 0
    failures = [f"{corpus.name}: {failure}" for corpus, micro, kind in CORPORA if corpus.is_dir()
                for failure in below_floor(corpus, micro, kind)]
    for failure in failures:
        print(f"quality below floor: {failure}", file=sys.stderr)
    print("quality check: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


def below_floor(corpus: Path, micro_floor: float, kind_floor: float) -> list[str]:
    """What falls short of the floors on one corpus of articles with gold answers."""
    cityrel = Path(sys.executable).with_name("cityrel")
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "CITYREL_STORE": str(Path(work) / "store")}
        export, summary = Path(work) / "corpus.trig", Path(work) / "score.json"
        subprocess.run([cityrel, "ingest", *sorted(map(str, corpus.glob("*.txt")))], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([cityrel, "export", "--format", "trig", "-o", export], env=env, check=True)
        subprocess.run([sys.executable, SCORER, "--dataset", export, "--gold", corpus,
                        "--ontology", ROOT / "ontology", "--json", summary], check=True)
        scores = json.loads(summary.read_text(encoding="utf-8"))
    micro = scores["micro"]["f1"]
    failures = [f"micro-F1 {micro:.3f} < {micro_floor}"] if micro < micro_floor else []
    failures += [f"{kind} F1 {row['f1']:.3f} < {kind_floor}" for kind, row in scores["kinds"].items()
                 if row["f1"] < kind_floor]
    if scores["grounded"]["share"] < 1.0:
        failures.append(f"grounded {scores['grounded']['share']:.3f} < 1.000")
    return failures


if __name__ == "__main__":
    sys.exit(main())
