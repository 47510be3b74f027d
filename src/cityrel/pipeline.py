"""Ingest: stages 1 to 5 in order, for every article, and nothing else.

read (article.py) → extract (extract/) → RDF (rdf.py) → SHACL gate
(validate.py) → store (store.py). An article that fails at any stage is
reported and skipped; the others still go in. A stored article is always
whole: the store writes articles in one atomic request per batch.

Where each stage runs, for speed (benchmarks/ingest.py measures it):

- Stages 2 and 3 (`describe`), pure Python and half the work, run in worker
  processes once an ingest has more than POOL_AFTER articles: one per core but
  one, which this process keeps for stages 4 and 5 (on two cores, one worker
  ingested 72 articles/s where two managed 50: a second worker takes its CPU
  from this process, which gates and writes every article). The first
  POOL_AFTER are described here. The first of them loads the tokenizer, the
  gazetteer and the lexicons; the workers are then forked, and inherit them
  loaded instead of each reading them again (seconds), and describe the articles
  after the first POOL_AFTER while this process describes the others of those.
- Stages 4 and 5 take the described articles BATCH at a time, here, or as few
  as IDLE_BATCH when this process would otherwise wait for a worker: rudof,
  which screens the articles, cannot run in a process forked from one that has
  used it (validate.py), so the workers never run the gate. The gate screens the
  batch as one graph (`check_articles`), and the articles that pass it are
  stored with one read, one update and one read-back for the batch
  (store.SparqlStore.put_articles).
  If the batch fails, each of its articles is written alone, so that one
  article the store refuses never keeps the others out and the refusal names it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from rdflib import URIRef

from cityrel.article import read_articles
from cityrel.errors import ArticleError, CityrelError, ExtractionError
from cityrel.extract import extract
from cityrel.model import Article, Extraction
from cityrel.rdf import ArticleGraph, article_graph
from cityrel.store import Change, SparqlStore
from cityrel.validate import check_article, check_articles

FACT_KINDS = ("twinnings", "posts", "meetings", "plans", "communities")
BATCH = 32
"""Articles per store request. Measured on the dev corpus: 6.7 to 7.4 ms of client and engine time an article
one at a time, 4.5 to 5.8 in batches of 32, no better in batches of 64; and a batch read stays far under
Virtuoso's default limit of 10,000 rows."""
POOL_AFTER = 8
"""Articles described in this process, and the most for which no worker process is started: workers take
40 to 70 ms to start and stop, about what describing four to eight articles here took. (The benchmark's calls
of 50 articles ran at 64 articles/s with 16 described here first, at 73 with 8; once the workers were forked
after the first article, to describe the articles after these eight meanwhile, at 106.)"""
IDLE_BATCH = 8
"""The fewest articles gated and stored as a batch while this process would otherwise wait for a worker,
rather than once BATCH are pending. While the workers are behind, this process used to stand idle until a
batch was full (about a third of the benchmark's time, in calls of 50 articles); storing what it has meanwhile
took the benchmark from 106 to 125 articles/s. Batches of 4 did no better, and cost the engine more."""
_IN_FLIGHT_PER_WORKER = 4
"""Articles handed to each worker ahead of the gate besides a whole batch: the workers go on describing
while this process gates and stores a batch (with 4 in all, the worker stood idle through most of each
batch's gate and write, and this process then waited for it), and memory stays bounded."""


@dataclass
class IngestReport:
    """What an ingest run did: per article its change, per kind the facts stored, and the refusals."""

    changes: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    refused: list[CityrelError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused

    def add_stored(self, extraction: Extraction, change: Change) -> None:
        """Count one article the store took: its change and, unless it was unchanged, its facts."""
        self.changes[change.value] += 1
        if change != Change.UNCHANGED:
            for kind in FACT_KINDS:
                self.facts[kind] += len(getattr(extraction, kind))
            self.facts["missions and associations"] += sum(
                1 for m in extraction.organizations
                if m.organization.kind.is_mission or m.organization.kind.value == "Association")


def describe(article: Article, base_iri: str) -> tuple[Extraction, ArticleGraph]:
    """Stages 2–3 for one article: its facts and its graph (ExtractionError if the extractor fails)."""
    try:
        extraction = extract(article)
    except Exception as error:  # the extractor must never take the rest of a batch down with it
        raise ExtractionError(f"{article.source}: the extractor failed on this article: {error!r}") from error
    return extraction, article_graph(extraction, base_iri)


def prepare(article: Article, base_iri: str) -> tuple[Extraction, ArticleGraph]:
    """Stages 2–4 for one article: its facts and its validated graph (ShapeViolation if it does not conform)."""
    extraction, graph = describe(article, base_iri)
    check_article(graph)
    return extraction, graph


def ingest(paths: Iterable[str | Path], store: SparqlStore, *, base_iri: str,
           progress: Callable[[str], None] | None = None, workers: int | None = None) -> IngestReport:
    """Read, extract, validate and store every article under `paths`.

    `workers` is the number of worker processes for stages 2 and 3 (default: one
    per core this process may use, less the one this process needs for stages 4
    and 5); 0 describes every article in this process.
    """
    report = IngestReport()
    batch = _Batch(store, report)
    articles = _readable(read_articles(paths), report)
    if workers is None:
        workers = len(os.sched_getaffinity(0)) - 1
    for article, described in _described(articles, base_iri, workers, idle=batch.flush_while_waiting):
        if progress:
            progress(article.source)
        if isinstance(described, CityrelError):
            report.refused.append(described)
            continue
        batch.add(*described)
    batch.flush()
    return report


Described = tuple[Extraction, ArticleGraph] | CityrelError
"""An article's facts and graph, or why it has none."""


def _readable(items: Iterable[Article | ArticleError], report: IngestReport) -> Iterator[Article]:
    """The articles among `items`; the inputs that could not be read go to the report's refusals."""
    for item in items:
        if isinstance(item, ArticleError):
            report.refused.append(item)
        else:
            yield item


def _described(articles: Iterator[Article], base_iri: str, workers: int,
               idle: Callable[[], None]) -> Iterator[tuple[Article, Described]]:
    """Each article with its description (stages 2–3), in order: the first POOL_AFTER described here, and
    the rest by `workers` forked processes, if there are more and any workers.

    The workers fork once the first article is described here (which loads what they inherit), and
    take the rest while this process describes the others of the first POOL_AFTER. `idle` is called
    whenever this process is about to wait for a worker.
    """
    head = list(islice(articles, POOL_AFTER + 1))
    if len(head) <= POOL_AFTER or workers < 1:
        for article in chain(head, articles):
            yield article, _describe_or_refuse(article, base_iri)
        return
    yield head[0], _describe_or_refuse(head[0], base_iri)
    here, rest = head[1:POOL_AFTER], chain(head[POOL_AFTER:], articles)
    ahead = BATCH + workers * _IN_FLIGHT_PER_WORKER
    # Forked, not spawned: the workers start with this process's tokenizer, gazetteer and lexicons
    # loaded. They run only stages 2 and 3: nothing that needs a lock of this process's other threads.
    context = multiprocessing.get_context("fork")
    # Frozen, this process's garbage collector leaves the objects it shares with the workers alone: a
    # collection writes to every object it scans, and each page written is copied (measured: 512 page
    # faults an article in this process without it, 325 with it).
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_leave_interrupts_to_parent) as pool:
            in_flight: deque[tuple[Article, Future[Described]]] = deque(
                (article, pool.submit(_describe_or_refuse, article, base_iri)) for article in islice(rest, ahead))
            for article in here:  # while the workers describe the articles after these
                yield article, _describe_or_refuse(article, base_iri)
            for article in rest:
                yield _result(*in_flight.popleft(), idle)
                in_flight.append((article, pool.submit(_describe_or_refuse, article, base_iri)))
            while in_flight:
                yield _result(*in_flight.popleft(), idle)
    finally:
        gc.unfreeze()


def _describe_or_refuse(article: Article, base_iri: str) -> Described:
    try:
        return describe(article, base_iri)
    except CityrelError as error:
        return error


def _result(article: Article, described: Future[Described], idle: Callable[[], None]) -> tuple[Article, Described]:
    if not described.done():
        idle()
    try:
        return article, described.result()
    except BrokenProcessPool as error:
        raise CityrelError(f"A worker process stopped while describing {article.source}: {error}") from None


def _leave_interrupts_to_parent() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the pool, and the
    # workers stay quiet instead of each printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def store_articles(store: SparqlStore, graphs: Sequence[ArticleGraph]) -> list[Change | CityrelError]:
    """Stage 5 for a batch of articles of distinct names: how each stored graph changed, or why it was not stored.

    One request for the batch; if the store refuses it, each article is written
    alone, so that one article the store cannot take (a relative IRI) keeps no
    other out, and its refusal is its own.
    """
    try:
        return list(store.put_articles(graphs))
    except CityrelError:
        pass
    outcomes: list[Change | CityrelError] = []
    for graph in graphs:
        try:
            outcomes.append(store.put_article(graph))
        except CityrelError as error:
            outcomes.append(error)
    return outcomes


class _Batch:
    """Described articles, gated and stored BATCH at a time."""

    def __init__(self, store: SparqlStore, report: IngestReport) -> None:
        self._store = store
        self._report = report
        self._pending: dict[URIRef, tuple[Extraction, ArticleGraph]] = {}

    def add(self, extraction: Extraction, graph: ArticleGraph) -> None:
        if graph.name in self._pending:  # the same article twice: the first goes in before the second is compared
            self.flush()
        self._pending[graph.name] = (extraction, graph)
        if len(self._pending) >= BATCH:
            self.flush()

    def flush_while_waiting(self) -> None:
        """Gate and store the pending articles while a worker describes the next, if there are IDLE_BATCH:
        this process would only wait otherwise, and the batch it then stores is smaller than BATCH."""
        if len(self._pending) >= IDLE_BATCH:
            self.flush()

    def flush(self) -> None:
        described, self._pending = list(self._pending.values()), {}
        pending = []
        for (extraction, graph), refusal in zip(described, check_articles([g for _e, g in described]), strict=True):
            if refusal is None:
                pending.append((extraction, graph))
            else:
                self._report.refused.append(refusal)
        if not pending:
            return
        outcomes = store_articles(self._store, [graph for _extraction, graph in pending])
        for (extraction, _graph), outcome in zip(pending, outcomes, strict=True):
            if isinstance(outcome, CityrelError):
                self._report.refused.append(outcome)
            else:
                self._report.add_stored(extraction, outcome)
