"""Every scale-and-speed benchmark in one run, printing its tables: generate, serve, ingest, export.

    python benchmarks/run.py --triples 1000000

Generated graphs and stores are kept under var/bench/ and reused while the
generator and rdf.py are unchanged (delete var/bench/ to start afresh). Progress
goes to standard error, the tables to standard output.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import export
import ingest
import serving
from _common import environment, table
from generate import prepared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the served and exported graph")
    parser.add_argument("--ingest-sizes", default="1000,10000,100000", help="store sizes (articles) for ingest")
    parser.add_argument("--batch", type=int, default=200, help="articles ingested at each store size")
    parser.add_argument("--cap", type=float, default=5.0, help="seconds a query may take (default 5)")
    parser.add_argument("--runs", type=int, default=20, help="sequential runs per query and server")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of sequential runs per query and server")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds of concurrent load per query")
    parser.add_argument("--no-rdflib", action="store_true", help="leave rdflib-endpoint out")
    parser.add_argument("--no-virtuoso", action="store_true", help="leave Virtuoso (and cityrel on it) out")
    parser.add_argument("--skip", default="", help="parts to leave out, comma-separated: serving,ingest,export")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    print(environment())
    print()

    _progress("generating (or finding) the graph")
    graph = prepared(triples=args.triples)
    print(f"Graph: {graph.data.parent.name}" + (" (made in an earlier run)" if graph.cached else ""))
    print(table(["step", "articles", "quads", "seconds", "quads/s"], [
        ["generate (N-Quads)", graph.articles, graph.triples, graph.generate_seconds,
         graph.triples / graph.generate_seconds],
        ["bulk load (oxigraph load)", graph.articles, graph.triples, graph.load_seconds,
         graph.triples / graph.load_seconds]]))
    print()
    if "serving" not in skip:
        _progress("serving")
        outcome = serving.run(graph.store, graph.data, cap=args.cap, runs=args.runs, budget=args.budget,
                              seconds=args.seconds, rdflib=not args.no_rdflib, one_graph=True,
                              virtuoso=not args.no_virtuoso)
        print(serving.report(outcome))
        print()
    if "ingest" not in skip:
        _progress("ingest")
        print(ingest.run([int(s) for s in args.ingest_sizes.split(",")], args.batch))
        print()
    if "export" not in skip:
        _progress("export")
        print(export.run(args.triples))
        print()
    print(f"total {time.perf_counter() - started:.0f} s")


def _progress(what: str) -> None:
    """Say on standard error what starts, and on standard output how busy the machine is (other programs
    share its cores: ratios taken in turns hold up, absolute figures less so)."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"[{time.strftime('%H:%M:%S')}] {what}", file=sys.stderr, flush=True)
    print(f"-- {what} (load average {load})")


if __name__ == "__main__":
    main()
