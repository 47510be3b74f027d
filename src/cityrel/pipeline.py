"""Ingest: stages 1 to 5 in order, for every article, and nothing else.

read (article.py) → extract (extract/) → RDF (rdf.py) → SHACL gate
(validate.py) → store (store.py). An article that fails at any stage is
reported and skipped; the others still go in. A stored article is always
whole: the store replaces its graph in one atomic request.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cityrel.article import read_articles
from cityrel.errors import ArticleError, CityrelError, ExtractionError
from cityrel.extract import extract
from cityrel.model import Article, Extraction
from cityrel.rdf import ArticleGraph, article_graph
from cityrel.store import Change, SparqlStore
from cityrel.validate import check_article

FACT_KINDS = ("twinnings", "posts", "meetings", "plans", "communities")


@dataclass
class IngestReport:
    """What an ingest run did: per article its change, per kind the facts stored, and the refusals."""

    changes: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    refused: list[CityrelError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused


def prepare(article: Article, base_iri: str) -> tuple[Extraction, ArticleGraph]:
    """Stages 2–4 for one article: its facts and its validated graph (ShapeViolation if it does not conform)."""
    try:
        extraction = extract(article)
    except Exception as error:  # the extractor must never take the rest of a batch down with it
        raise ExtractionError(f"{article.source}: the extractor failed on this article: {error!r}") from error
    graph = article_graph(extraction, base_iri)
    check_article(graph)
    return extraction, graph


def ingest(paths: Iterable[str | Path], store: SparqlStore, *, base_iri: str,
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Read, extract, validate and store every article under `paths`."""
    report = IngestReport()
    for item in read_articles(paths):
        if isinstance(item, ArticleError):
            report.refused.append(item)
            continue
        if progress:
            progress(item.source)
        try:
            extraction, graph = prepare(item, base_iri)
            change = store.put_article(graph)
        except CityrelError as error:
            report.refused.append(error)
            continue
        report.changes[change.value] += 1
        if change != Change.UNCHANGED:
            for kind in FACT_KINDS:
                report.facts[kind] += len(getattr(extraction, kind))
            report.facts["missions and associations"] += sum(
                1 for m in extraction.organizations
                if m.organization.kind.is_mission or m.organization.kind.value == "Association")
    return report
