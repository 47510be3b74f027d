"""Response formats and content negotiation: an Accept header (with q-values) or a `format` parameter.

A `format` parameter wins over Accept; its value is a short name ("turtle",
"csv") or a media type. SPARQLWrapper sends its choice both ways, as
`format=json&output=json` beside an Accept header, so both names are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "GRAPH_FORMATS",
    "HTML",
    "JSON",
    "JSONLD",
    "LOOKUP_FORMATS",
    "PLAIN_JSON",
    "RESULT_FORMATS",
    "ROWS_FORMATS",
    "TURTLE",
    "Format",
    "negotiate",
]


@dataclass(frozen=True)
class Format:
    """A format the service can answer in."""

    name: str
    media_type: str
    extension: str
    aliases: tuple[str, ...] = ()
    """Other media types and short names that ask for this format."""

    def matches(self, name: str) -> bool:
        name = name.strip().lower()
        return name == self.name or name == self.media_type or name in self.aliases

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type.endswith(("json", "xml"))
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


# Results of SELECT and ASK
JSON = Format("json", "application/sparql-results+json", "srj",
              ("application/json", "text/javascript", "application/javascript", "srj"))
XML = Format("xml", "application/sparql-results+xml", "srx", ("application/xml", "text/xml", "srx"))
CSV = Format("csv", "text/csv", "csv")
TSV = Format("tsv", "text/tab-separated-values", "tsv", ("text/tsv",))
RESULT_FORMATS = (JSON, XML, CSV, TSV)

# Graphs: CONSTRUCT, DESCRIBE, lookups
TURTLE = Format("turtle", "text/turtle", "ttl",
                ("ttl", "application/turtle", "application/x-turtle", "n3", "text/n3", "text/rdf+n3"))
NTRIPLES = Format("ntriples", "application/n-triples", "nt", ("nt", "n-triples", "text/plain"))
JSONLD = Format("jsonld", "application/ld+json", "jsonld",
                ("json-ld", "json", "application/x-json+ld", "application/json"))
TRIG = Format("trig", "application/trig", "trig")
NQUADS = Format("nquads", "application/n-quads", "nq", ("nq", "n-quads"))
RDFXML = Format("rdfxml", "application/rdf+xml", "rdf", ("rdf+xml", "xml", "rdf", "application/xml"))
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, TRIG, NQUADS, RDFXML)

# A page for people: the query editor at GET /sparql
HTML = Format("html", "text/html", "html", ("application/xhtml+xml",))

# The service's own JSON (named query rows, lookups)
PLAIN_JSON = Format("json", "application/json", "json")
SPARQL_JSON = Format("sparql-json", "application/sparql-results+json", "srj", ("srj",))
ROWS_FORMATS = (PLAIN_JSON, SPARQL_JSON, CSV)
LOOKUP_FORMATS = (PLAIN_JSON, JSONLD, TURTLE, NTRIPLES, TRIG, RDFXML)


def negotiate(formats: Sequence[Format], accept: str | None, requested: Sequence[str] = ()) -> Format | None:
    """The format to answer in, or None if nothing acceptable can be served (406).

    `requested` are the values of `format` parameters, tried in order; without
    any, the Accept header decides: highest q first, then the more specific media
    range, then the order of `formats`. No Accept header means the first format.
    """
    if requested:
        return next((f for name in requested for f in formats if f.matches(name)), None)
    ranges = _parse_accept(accept or "")
    if not ranges:
        return formats[0]
    best: tuple[float, int, int] | None = None
    chosen: Format | None = None
    for preference, candidate in enumerate(formats):
        q, specificity = _quality(candidate, ranges)
        key = (q, specificity, -preference)
        if q > 0 and (best is None or key > best):
            best, chosen = key, candidate
    return chosen


def _parse_accept(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def _quality(candidate: Format, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The q-value that the most specific range matching `candidate` gives it, and that specificity.

    Its own media type (4) beats an alias (3), which beats its own type under a
    wildcard such as text/* (2), an alias under a wildcard (1), and */* (0).
    """
    aliases = [a for a in candidate.aliases if "/" in a]
    best_specificity, q = -1, 0.0
    for media, value in ranges:
        if media == "*/*":
            specificity = 0
        elif media.endswith("/*"):
            stem = media[:-1]
            specificity = 2 if candidate.media_type.startswith(stem) else (
                1 if any(a.startswith(stem) for a in aliases) else -1)
        else:
            specificity = 4 if media == candidate.media_type else (3 if media in aliases else -1)
        if specificity > best_specificity:
            best_specificity, q = specificity, value
    return q, best_specificity
