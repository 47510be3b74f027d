"""Ingest speed end to end, and whether it stays flat as the store grows.

For each store size (in articles), a store is filled with the generator
(generate.py: synthetic articles, the sample articles and the twinning network,
bulk-loaded), copied, and then a fixed batch of real article texts is ingested
into the copy through `cityrel.pipeline.ingest` (read, extract, RDF, SHACL gate,
one atomic update per batch of articles), with the engine already running and
the gazetteer, lexicons and shapes loaded, as in a long ingest. The batch is the
dev corpus (or the sample articles when it is absent), each text under new keys,
so every article is a new graph. Timers around the pipeline's stages say where
the time goes; they wrap the functions the pipeline calls, without changing them.

The timers count in this process only. With worker processes (the default: one
per core but one) most extraction and RDF runs in the workers, untimed, and
"other" is mostly the wait for them; `--workers 0` runs every stage here, so
that the stage columns add up to the whole.

    python benchmarks/ingest.py [--sizes 1000,10000,100000] [--batch 200] [--workers N]
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import ROOT, WORK, table, wait_until_idle
from generate import prepared

CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SAMPLES = ROOT / "data" / "articles"


@dataclass
class Timers:
    """Seconds spent in each stage, summed over the batch."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


class _Switch:
    """The Timers the wrapped stages currently count into (one per store size)."""

    current = Timers()


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _Switch.current.seconds[name] += time.perf_counter() - started
    return timed


@contextmanager
def instrumented() -> Iterator[None]:
    """Time the stages the pipeline calls: extract, rdf, SHACL, and the store's reads and updates."""
    from cityrel import pipeline
    from cityrel.store import SparqlStore

    names = {(pipeline, "extract"): "extract", (pipeline, "article_graph"): "rdf",
             (pipeline, "check_articles"): "shacl", (SparqlStore, "query"): "store: read",
             (SparqlStore, "update"): "store: update", (SparqlStore, "put_articles"): "store: put"}
    saved = [(owner, attribute, getattr(owner, attribute)) for owner, attribute in names]
    try:
        for owner, attribute, original in saved:
            setattr(owner, attribute, _timed(names[owner, attribute], original))
        yield
    finally:
        for owner, attribute, original in saved:
            setattr(owner, attribute, original)


def batch(directory: Path, count: int) -> list[Path]:
    """`count` article files: the dev corpus texts in turn, each copy under a key of its own."""
    source = CORPUS if CORPUS.is_dir() else SAMPLES
    texts = sorted(source.glob("*.txt"))
    files = []
    for number in range(count):
        original = texts[number % len(texts)]
        target = directory / f"bench-{number:05d}-{original.name}"
        target.write_bytes(original.read_bytes())
        files.append(target)
    return files


@dataclass
class Measured:
    articles_in_store: int
    triples_in_store: int
    generate_seconds: float
    load_seconds: float
    copy_seconds: float
    batch: int = 0
    seconds: float = 0.0
    stages: Timers = field(default_factory=Timers)
    refused: int = 0


def measure(sizes: list[int], files: list[Path], work: Path, rounds: int, workers: int | None) -> list[Measured]:
    """Fill a store per size, then ingest `files` into copies of them, in rounds that take turns across sizes.

    Taking turns (a slice of the batch into each store, then the next slice) keeps a
    change in the machine's load from falling on one size only.
    """
    from cityrel.article import read_articles
    from cityrel.pipeline import ingest, prepare
    from cityrel.settings import Settings
    from cityrel.store import Engine, open_store

    results, copies = [], []
    for size in sizes:
        filled = prepared(articles=size, work=work)
        started = time.perf_counter()
        copy = work / f"ingest-{size}"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(filled.store / "oxigraph", copy / "oxigraph")
        copies.append(copy)
        results.append(Measured(filled.articles, filled.triples, filled.generate_seconds, filled.load_seconds,
                                time.perf_counter() - started))
    base = Settings().base_iri
    warm = next(a for a in read_articles([files[0]]) if not isinstance(a, Exception))
    prepare(warm, base)  # gazetteer, lexicons, tokenizer and shapes, outside the timing
    slices = [files[number::rounds] for number in range(rounds)]
    try:
        with ExitStack() as stack, instrumented():
            stores = [stack.enter_context(open_store(Settings(store=copy))) for copy in copies]
            for store in stores:
                store.ask("ASK {}")  # every engine is up
            settle([engine for copy in copies if (engine := Engine.find(copy)) is not None])
            for part in slices:
                for store, result in zip(stores, results, strict=True):
                    _Switch.current = result.stages
                    started = time.perf_counter()
                    report = ingest(part, store, base_iri=base, workers=workers)
                    result.seconds += time.perf_counter() - started
                    result.batch += len(part)
                    result.refused += len(report.refused)
    finally:
        for copy in copies:
            shutil.rmtree(copy, ignore_errors=True)
    return results


def settle(engines: list[Any], seconds: float = 180.0) -> None:
    """Wait until the engines (cityrel.store.Engine) are idle, or stop the benchmark."""
    if not wait_until_idle(lambda: sum(engine.cpu_seconds() for engine in engines), seconds,
                           interval=1.0, threshold=0.05):
        raise SystemExit(f"the engines were still busy after {seconds:g} s")


def report(results: list[Measured], workers: int | None) -> str:
    first = results[0]
    rows = []
    for r in results:
        per = r.seconds / r.batch * 1000
        stage = {name: r.stages.seconds.get(name, 0.0) / r.batch * 1000 for name in (
            "extract", "rdf", "shacl", "store: read", "store: update", "store: put")}
        put_rest = stage["store: put"] - stage["store: read"] - stage["store: update"]
        other = per - stage["extract"] - stage["rdf"] - stage["shacl"] - stage["store: put"]
        rows.append([r.articles_in_store, r.triples_in_store, r.batch / r.seconds, per, stage["extract"],
                     stage["rdf"], stage["shacl"], stage["store: read"], stage["store: update"], put_rest,
                     other, per / (first.seconds / first.batch * 1000)])
    headers = ["store (articles)", "triples", "articles/s", "ms/article", "extract", "rdf", "shacl",
               "read", "update", "put: rest", "other", f"vs {first.articles_in_store}"]
    processes = ("one process" if workers == 0 else
                 "worker processes: one per core but one" if workers is None else f"{workers} worker processes")
    lines = [(f"Ingest end to end, {processes}, {first.batch} articles into each store size, in turns "
              "(stage columns: ms per article, timed in the main process)"), table(headers, rows), ""]
    prep = [[r.articles_in_store, r.triples_in_store, r.generate_seconds, r.load_seconds,
             r.triples_in_store / r.load_seconds, r.copy_seconds, r.refused] for r in results]
    lines += [table(["store (articles)", "quads", "generate s", "bulk load s", "loaded quads/s", "copy s",
                     "refused"], prep), ""]
    last = results[-1]
    rate = min(r.batch / r.seconds for r in results)
    ratio = (last.seconds / last.batch) / (first.seconds / first.batch)
    lines.append("Targets")
    lines.append(f"- at least 100 articles/s end to end: {'met' if rate >= 100 else 'NOT met'}; "
                 f"{first.batch / first.seconds:.1f} articles/s at {first.articles_in_store} articles, "
                 f"{last.batch / last.seconds:.1f} at {last.articles_in_store}")
    lines.append(f"- cost per article at {last.articles_in_store} articles within 1.3x of {first.articles_in_store}: "
                 f"{'met' if ratio <= 1.3 else 'NOT met'}; ratio {ratio:.2f}")
    return "\n".join(lines)


def run(sizes: list[int], count: int, work: Path = WORK, rounds: int = 4, workers: int | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="cityrel-ingest-") as directory:
        files = batch(Path(directory), count)
        return report(measure(sizes, files, work, rounds, workers), workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes in articles, comma-separated")
    parser.add_argument("--batch", type=int, default=200, help="articles ingested at each size")
    parser.add_argument("--workers", type=int,
                        help="worker processes for extraction and RDF (default: one per core but one; 0: none)")
    args = parser.parse_args()
    print(run([int(s) for s in args.sizes.split(",")], args.batch, workers=args.workers))


if __name__ == "__main__":
    main()
