"""The full twinning import, timed: 34 k Wikidata P190 statements into a fresh store, then again.

Runs `cityrel.imports.import_twinning` on data/twinning/ into a new store in a
temporary directory (the engine's start is not timed), prints each step's
seconds and statements per second, then imports the same files again: the
second run must find the graph unchanged. Wall-clock time on all cores, cold
caches included (the gazetteer is loaded inside the timing), as a user
running `cityrel import-twinning` sees it; the target is under 60 s. Beside
it, the processor time of this process, of the validating workers and of the
Oxigraph engine: wall-clock time depends on what else the machine runs,
processor time much less.

    python benchmarks/import_twinning.py [--data DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from cityrel.imports import import_twinning
from cityrel.settings import Settings
from cityrel.store import Change, Engine, open_store

DATA = Path(__file__).resolve().parents[1] / "data" / "twinning"
TARGET_SECONDS = 60.0


def engine_cpu(pid: int) -> float:
    """Processor seconds the engine process has used (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu(engine: int) -> tuple[float, float, float]:
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), workers.ru_utime + workers.ru_stime, engine_cpu(engine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        settings = Settings(store=Path(directory) / "store")
        with open_store(settings) as store:
            engine = Engine.find(settings.store)
            assert engine is not None
            for run in ("first import", "second import"):
                before, started = cpu(engine.pid), time.perf_counter()
                report = import_twinning(args.data, store, base_iri=settings.base_iri)
                seconds = time.perf_counter() - started
                used = [after - start for after, start in zip(cpu(engine.pid), before, strict=True)]
                print(f"-- {run} ({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
                for line in report.lines():
                    print(line)
                print(f"wall clock: {seconds:.1f} s, {report.statements / seconds:,.0f} statements/s "
                      f"(target: < {TARGET_SECONDS:.0f} s)")
                print(f"processor: {sum(used):.1f} s = this process {used[0]:.1f} s + validating workers "
                      f"{used[1]:.1f} s + engine {used[2]:.1f} s")
            stored = store.count()
    print(f"store: {stored} triples; second import {report.change.value}")
    if report.change is not Change.UNCHANGED:
        raise SystemExit("the second import changed the store")


if __name__ == "__main__":
    main()
