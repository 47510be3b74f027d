"""Every error cityrel raises on purpose, under one root.

    CityrelError
    ├── ArticleError      an input file or record cannot be read as an article
    ├── ExtractionError   the extractor met text it cannot handle
    ├── ShapeViolation    an article's graph does not conform to the SHACL shapes
    ├── StoreError        the store is unreachable, refused a request or failed
    │   └── QueryTimeout  a query ran past its deadline and was stopped
    └── QueryError        a SPARQL query or a named query's parameters are wrong

Each message is written for the person running cityrel: it names the file,
node or query concerned and says what is wrong.
"""

from __future__ import annotations


class CityrelError(Exception):
    """The root of cityrel's own errors."""


class ArticleError(CityrelError):
    """An input cannot be read as an article (encoding, emptiness, format)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionError(CityrelError):
    """The extractor could not process an article."""


class ShapeViolation(CityrelError):
    """An article's graph does not conform; `report` holds the readable findings."""

    def __init__(self, source: str, report: str) -> None:
        super().__init__(f"{source}: does not conform to the shapes:\n{report}")
        self.source = source
        self.report = report


class StoreError(CityrelError):
    """The store is unreachable or refused a request."""


class QueryTimeout(StoreError):
    """A query ran past its deadline and was stopped, by restarting the engine if need be."""


class QueryError(CityrelError):
    """A query is malformed, or a named query was given bad parameters."""
