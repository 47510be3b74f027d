"""Ingest end to end, against a real Oxigraph engine: in one process and with worker processes alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from cityrel.errors import StoreError
from cityrel.model import Article
from cityrel.pipeline import BATCH, POOL_AFTER, ingest, store_articles
from cityrel.rdf import ArticleGraph, Minter
from cityrel.settings import Settings
from cityrel.store import Change, ExportFormat, SparqlStore, open_store

BASE = "https://w3id.org/cityrel/id/"
MINT = Minter(BASE)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def texts() -> list[Path]:
    return sorted((CORPUS if CORPUS.is_dir() else SAMPLES).glob("*.txt"))


def copies(directory: Path, count: int) -> list[Path]:
    """`count` article files: the corpus texts in turn, each under a key of its own."""
    directory.mkdir()
    originals = texts()
    files = []
    for number in range(count):
        original = originals[number % len(originals)]
        files.append(directory / f"copy-{number:03d}-{original.name}")
        files[-1].write_bytes(original.read_bytes())
    return files


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SparqlStore]:
    with open_store(Settings(store=tmp_path / "store", base_iri=BASE)) as store:
        yield store


def dataset(store: SparqlStore) -> set[ox.Quad]:
    return set(ox.parse(b"".join(store.export(ExportFormat.NQUADS)), format=ox.RdfFormat.N_QUADS))


def test_worker_processes_store_what_one_process_stores(tmp_path: Path) -> None:
    files = copies(tmp_path / "inbox", POOL_AFTER + 2 * BATCH + 3)  # past the pool, over several batches
    stored = []
    for workers in (0, 1):
        with open_store(Settings(store=tmp_path / f"store-{workers}", base_iri=BASE)) as store:
            report = ingest(files, store, base_iri=BASE, workers=workers)
            assert (report.changes, report.refused) == ({"added": len(files)}, [])
            stored.append(dataset(store))
    assert stored[0] == stored[1]


def test_an_article_given_twice_is_stored_once(store: SparqlStore, tmp_path: Path) -> None:
    original = texts()[0]
    twice = []
    for folder in ("a", "b"):  # the same file name, so the same key, and the same text
        (tmp_path / folder).mkdir()
        twice.append(tmp_path / folder / original.name)
        twice[-1].write_bytes(original.read_bytes())
    report = ingest(twice, store, base_iri=BASE, workers=0)
    assert report.changes == {"added": 1, "unchanged": 1}


def small_graph(key: str, subject: URIRef | None = None) -> ArticleGraph:
    article = Article(key=key, source=f"{key}.txt", text=key)
    statements = Graph()
    statements.add((subject or MINT.article(article), URIRef(f"{BASE}p"), Literal(key)))
    return ArticleGraph(article=article, name=MINT.graph(article), statements=statements, reference=Graph())


def test_a_batch_the_store_refuses_is_stored_article_by_article(store: SparqlStore) -> None:
    good, bad, other = small_graph("a1"), small_graph("a2", URIRef("relative/iri")), small_graph("a3")
    outcomes = store_articles(store, [good, bad, other])
    assert outcomes[0] is Change.ADDED and outcomes[2] is Change.ADDED
    assert isinstance(outcomes[1], StoreError) and "relative/iri" in str(outcomes[1])
    assert store.graph_names() == sorted([good.name, other.name])
