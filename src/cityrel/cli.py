"""The `cityrel` command: ingest, import-twinning, extract, validate, export, query, serve.

Every command exits 0 on success and non-zero on failure, with a message on
standard error that says what went wrong and where. Settings come from
CITYREL_* environment variables (see settings.py); options override them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cityrel.errors import CityrelError
from cityrel.settings import Settings, get_settings

EXIT_FAILED = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    settings = get_settings()
    if getattr(args, "store", None):
        settings = settings.model_copy(update={"store": Path(args.store)})
    try:
        return int(args.run(args, settings))
    except CityrelError as error:
        print(f"cityrel: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("cityrel: interrupted", file=sys.stderr)
        return EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cityrel", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="store directory (default $CITYREL_STORE or ./var/cityrel)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="read articles into the store")
    ingest.add_argument("paths", nargs="+", help="article files (.txt, .jsonl) or directories")
    ingest.set_defaults(run=_ingest)

    twinning = commands.add_parser("import-twinning", help="import the Wikidata twinning dataset (data/twinning)")
    twinning.add_argument("directory", nargs="?", help="the folder of relations.tsv and names.tsv "
                                                       "(default: data/twinning in the checkout)")
    twinning.set_defaults(run=_import_twinning)

    extract = commands.add_parser("extract", help="print what an article states, without storing it")
    extract.add_argument("path", help="one article file")
    extract.add_argument("--json", action="store_true", help="machine-readable output")
    extract.set_defaults(run=_extract)

    validate = commands.add_parser("validate", help="check every stored article against the shapes")
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", help="write the graph in an RDF format")
    export.add_argument("--format", default="turtle", choices=["turtle", "trig", "nquads", "ntriples", "jsonld"])
    export.add_argument("--graph", help="only this named graph (IRI)")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.set_defaults(run=_export)

    query = commands.add_parser("query", help="run a SPARQL query")
    query.add_argument("query", help="the query text, or a file holding it")
    query.add_argument("--format", default="table", choices=["table", "json", "csv"])
    query.set_defaults(run=_query)

    serve = commands.add_parser("serve", help="serve SPARQL, REST and export over HTTP")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8000)")
    serve.set_defaults(run=_serve)
    return parser


# -- commands ----------------------------------------------------------------


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from cityrel.pipeline import ingest
    from cityrel.store import open_store

    progress = _Progress(sys.stderr)
    with open_store(settings) as store:
        report = ingest(args.paths, store, base_iri=settings.base_iri, progress=progress.step)
    progress.done()
    changes = ", ".join(f"{n} {what}" for what, n in sorted(report.changes.items())) or "no article stored"
    print(f"articles: {changes}")
    if report.facts:
        print("facts: " + ", ".join(f"{n} {kind}" for kind, n in report.facts.items()))
    for error in report.refused:
        print(f"refused: {error}", file=sys.stderr)
    if report.refused:
        print(f"{len(report.refused)} input(s) refused; everything else was stored.", file=sys.stderr)
    return 0 if report.ok else EXIT_FAILED


def _import_twinning(args: argparse.Namespace, settings: Settings) -> int:
    from cityrel.imports import import_twinning
    from cityrel.store import open_store
    from cityrel.validate import resource_dir

    directory = Path(args.directory) if args.directory else resource_dir("data") / "twinning"
    with open_store(settings) as store:
        report = import_twinning(directory, store, base_iri=settings.base_iri,
                                 progress=lambda step: print(f"{step} …", file=sys.stderr, flush=True))
    for line in report.lines():
        print(line)
    return 0


def _extract(args: argparse.Namespace, settings: Settings) -> int:
    from cityrel.article import read_article
    from cityrel.extract import extract
    from cityrel.report import extraction_lines, extraction_record

    extraction = extract(read_article(args.path))
    if args.json:
        json.dump(extraction_record(extraction), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for line in extraction_lines(extraction):
            print(line)
    return 0


def _validate(args: argparse.Namespace, settings: Settings) -> int:
    from cityrel.store import open_store
    from cityrel.validate import validate_store

    with open_store(settings) as store:
        reports = validate_store(store)
    failed = [r for r in reports if not r.conforms]
    for report in reports:
        if report.findings:
            print(report.text())
    print(f"{len(reports)} article graph(s) checked, {len(failed)} not conforming.")
    return EXIT_FAILED if failed else 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from rdflib import URIRef

    from cityrel.store import ExportFormat, open_store

    fmt = ExportFormat(args.format)
    graph = URIRef(args.graph) if args.graph else None
    with open_store(settings) as store:
        chunks = store.export(fmt, graph)
        if args.output:
            with open(args.output, "wb") as out:
                out.writelines(chunks)
        else:
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
    return 0


def _query_text(argument: str) -> str:
    """The query: the file the argument names, or the argument itself."""
    try:
        named_file = Path(argument).is_file()
    except OSError:  # a query with a line too long for a file name (ENAMETOOLONG) is no file's name
        named_file = False
    return Path(argument).read_text(encoding="utf-8") if named_file else argument


def _query(args: argparse.Namespace, settings: Settings) -> int:
    from cityrel.store import open_store

    text = _query_text(args.query)
    with open_store(settings) as store:
        result = store.query(text, accept="application/sparql-results+json")
    document = json.loads(result.body)
    if "boolean" in document:
        print("true" if document["boolean"] else "false")
        return 0
    names = document["head"]["vars"]
    rows = [{name: binding.get(name, {}).get("value", "") for name in names}
            for binding in document["results"]["bindings"]]
    _write_rows(args.format, names, rows, sys.stdout)
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from cityrel.api import run

    run(settings, host=args.host or settings.host, port=args.port or settings.port)
    return 0


# -- output --------------------------------------------------------------------


def _write_rows(fmt: str, names: list[str], rows: list[dict[str, str]], out: TextIO) -> None:
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)
    else:
        widths = {n: max([len(n), *(len(r[n]) for r in rows)]) for n in names}
        out.write("  ".join(n.ljust(widths[n]) for n in names) + "\n")
        out.writelines("  ".join(row[n].ljust(widths[n]) for n in names) + "\n" for row in rows)
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


class _Progress:
    """A one-line progress counter on a terminal; silent when output is redirected."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.live = stream.isatty()

    def step(self, source: str) -> None:
        self.count += 1
        if self.live:
            self.stream.write(f"\r[{self.count}] {Path(source).name[:60]:<60}")
            self.stream.flush()

    def done(self) -> None:
        if self.live and self.count:
            self.stream.write("\n")


if __name__ == "__main__":
    sys.exit(main())
