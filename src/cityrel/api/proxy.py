"""Answering a SPARQL query through the store, in the format the client asked for.

The engine is always asked for one format it answers completely and checkably,
SPARQL JSON for solutions and N-Triples for graphs; the answer is parsed
(a cut-off or error-laden body fails here, never reaches the client as a 200),
capped at `max_rows`, and written out in the requested format with pyoxigraph.
An answer is read and rewritten in the event loop while it is small, in a
worker thread once it is large enough to hold up the other requests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool

from cityrel.api import media
from cityrel.errors import QueryError, StoreError
from cityrel.namespaces import PREFIXES
from cityrel.queries import Form, iri_term
from cityrel.store import RESULTS_JSON, SparqlStore

__all__ = ["Answer", "Dataset", "check_remote", "convert_results", "execute", "graph_bytes", "plain_rows",
           "plain_value", "read_answer"]

_NTRIPLES = "application/n-triples"
_T = TypeVar("_T")
_INLINE_BYTES = 64 * 1024
"""Answers up to this size are parsed and written in the event loop (well under a millisecond)."""
_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class Dataset:
    """The protocol's default-graph-uri and named-graph-uri values (none: the union of all graphs)."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)

    def check(self) -> None:
        for iri in (*self.default_graphs, *self.named_graphs):
            iri_term(iri)  # QueryError unless an absolute IRI


@dataclass(frozen=True)
class Answer:
    """A response body, its format, and whether rows were cut off at the cap."""

    body: bytes
    format: media.Format
    truncated: bool = False


async def execute(store: SparqlStore, query: str, form: Form, fmt: media.Format, *, dataset: Dataset = Dataset(),
                  max_rows: int) -> Answer:
    """Run `query` and write its answer in `fmt`, capped at `max_rows` solutions or triples."""
    dataset.check()
    result = await store.query_async(query, accept=_NTRIPLES if form.gives_graph else RESULTS_JSON,
                                     default_graphs=dataset.default_graphs, named_graphs=dataset.named_graphs)
    write = _graph_answer if form.gives_graph else _results_answer
    return await read_answer(result.body, lambda body: write(body, fmt, max_rows))


async def read_answer(body: bytes, read: Callable[[bytes], _T]) -> _T:
    """`read(body)`, in the event loop while the body is small, in a worker thread once reading it would
    hold up the other requests."""
    if len(body) <= _INLINE_BYTES:
        return read(body)
    return await run_in_threadpool(read, body)


def _results_answer(body: bytes, fmt: media.Format, max_rows: int) -> Answer:
    document = _json(body)
    truncated = False
    bindings = document.get("results", {}).get("bindings")
    if bindings is not None and len(bindings) > max_rows:
        document["results"]["bindings"] = bindings[:max_rows]
        truncated = True
        body = orjson.dumps(document)
    if fmt.name != "json":
        body = convert_results(body, _RESULTS[fmt.name])
    return Answer(body, fmt, truncated)


def convert_results(body: bytes, target: ox.QueryResultsFormat) -> bytes:
    """SPARQL JSON results rewritten in another results format."""
    try:
        converted = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=target)
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"The store's answer could not be read as SPARQL results: {error}") from None
    assert converted is not None  # no output file given: the bytes are returned
    return converted


def _graph_answer(body: bytes, fmt: media.Format, max_rows: int) -> Answer:
    if fmt.name == "ntriples" and body.count(b"\n") <= max_rows:  # a line per triple at most: no cap to apply
        return Answer(body, fmt)
    try:
        triples = list(ox.parse(body, ox.RdfFormat.N_TRIPLES))
    except SyntaxError as error:
        raise StoreError(f"The store's answer could not be read as N-Triples: {error}") from None
    truncated = len(triples) > max_rows
    triples = triples[:max_rows]
    return Answer(graph_bytes(triples, fmt), fmt, truncated)


def graph_bytes(triples: Sequence[ox.Triple], fmt: media.Format, prefixes: dict[str, str] | None = None) -> bytes:
    """Triples written in a graph format (with cityrel's prefixes, and `prefixes`); dataset formats put
    them in the default graph."""
    target = _GRAPHS[fmt.name]
    items: Sequence[ox.Triple] | list[ox.Quad] = triples
    if target in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    with_prefixes = target in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
    data = ox.serialize(items, format=target, prefixes={**_PREFIXES, **(prefixes or {})} if with_prefixes else None)
    assert data is not None  # no output file given: the bytes are returned
    return data


def _json(body: bytes) -> dict[str, Any]:
    try:
        document = orjson.loads(body)
    except ValueError as error:
        raise StoreError(f"The store's answer was not complete SPARQL JSON: {error}") from None
    if not isinstance(document, dict) or not ("boolean" in document or "results" in document):
        raise StoreError("The store's answer was not SPARQL JSON results.")
    return document


def plain_rows(document: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """Variables and rows of plain values from parsed SPARQL JSON: IRIs and strings as text, numbers as numbers."""
    names: list[str] = document.get("head", {}).get("vars", [])
    rows = [{name: plain_value(binding[name]) if name in binding else None for name in names}
            for binding in document.get("results", {}).get("bindings", [])]
    return names, rows


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                 "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                 "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def plain_value(term: dict[str, str]) -> Any:
    """A SPARQL JSON term as a plain JSON value."""
    value = term.get("value", "")
    if term.get("type") == "bnode":
        return "_:" + value
    datatype = term.get("datatype")
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _FLOATS:
            return float(value)
    except ValueError:
        return value
    if datatype == _XSD + "boolean":
        return value in ("true", "1")
    return value


def check_remote(iris: Sequence[str | None], allowlist: Sequence[str]) -> None:
    """Refuse (QueryError) any SERVICE or LOAD endpoint not in the allowlist, before any connection is made."""
    for iri in iris:
        if iri is None:
            raise QueryError("SERVICE with a variable or an unresolvable endpoint is not allowed here.")
        if iri not in allowlist:
            raise QueryError(f"Federated queries are not allowed to <{iri}>: the service reaches only "
                             "the endpoints its operator allowed (CITYREL_SERVICE_ALLOWLIST).")
