"""Fail when extraction quality on the dev corpus drops below its floor.

Runs the product as a user would (`cityrel ingest` into a fresh store, then
`cityrel export --format trig`) and scores the export with the shared scorer,
../shared/eval/score.py. The floors are the measured level minus a small
margin, so quality never regresses silently. Skips (exit 0, saying so) when
../shared is not beside the project.
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
CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"

# Measured on 2026-11-24: micro-F1 0.996, every kind >= 0.964, grounded 1.000.
MICRO_F1_FLOOR = 0.97
KIND_F1_FLOOR = 0.93


def main() -> int:
    if not (SCORER.is_file() and CORPUS.is_dir()):
        print(f"quality check skipped: no scorer or dev corpus at {SHARED}")
        return 0
    cityrel = Path(sys.executable).with_name("cityrel")
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "CITYREL_STORE": str(Path(work) / "store")}
        export, summary = Path(work) / "dev.trig", Path(work) / "score.json"
        subprocess.run([cityrel, "ingest", *sorted(map(str, CORPUS.glob("*.txt")))], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([cityrel, "export", "--format", "trig", "-o", export], env=env, check=True)
        subprocess.run([sys.executable, SCORER, "--dataset", export, "--gold", CORPUS,
                        "--ontology", ROOT / "ontology", "--json", summary], check=True)
        scores = json.loads(summary.read_text(encoding="utf-8"))
    micro = scores["micro"]["f1"]
    failures = [f"micro-F1 {micro:.3f} < {MICRO_F1_FLOOR}"] if micro < MICRO_F1_FLOOR else []
    failures += [f"{kind} F1 {row['f1']:.3f} < {KIND_F1_FLOOR}" for kind, row in scores["kinds"].items()
                 if row["f1"] < KIND_F1_FLOOR]
    if scores["grounded"]["share"] < 1.0:
        failures.append(f"grounded {scores['grounded']['share']:.3f} < 1.000")
    for failure in failures:
        print(f"quality below floor: {failure}", file=sys.stderr)
    print("quality check: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
