"""The real service on loopback: uvicorn in a thread, over a real Oxigraph engine, read by real clients.

One store for the whole run, holding the two seed articles and a filler graph
of a few thousand triples (enough for a runaway join), and one service over it
with a 2-second query deadline, a bearer token, a row cap and a body cap.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Self

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from rdflib import Graph, Literal, URIRef

from cityrel.api.app import create_app
from cityrel.article import read_articles
from cityrel.extract import extract
from cityrel.model import Article
from cityrel.rdf import ArticleGraph, Minter, article_graph
from cityrel.settings import Settings
from cityrel.store import open_store

BASE = "https://w3id.org/cityrel/id/"
SEEDS = Path(__file__).resolve().parents[2] / "data" / "articles"
TOKEN = "s3cret-test-token"
FILLER_TRIPLES = 3000
MAX_ROWS = 1000
MAX_REQUEST_BYTES = 100_000
QUERY_TIMEOUT = 2.0



class LiveServer:
    """An app served by uvicorn on a free loopback port, in a thread of this process."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{self.port}", daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        until = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > until:
                raise RuntimeError("the service did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def filler_graph(size: int) -> ArticleGraph:
    """An article graph of `size` triples, so that a three-way join over the store runs for minutes."""
    article = Article(key="filler", source="filler.txt", text="dolgu")
    mint = Minter(BASE)
    statements = Graph()
    for number in range(size):
        statements.add((mint("filler", str(number % 97)), URIRef(f"{BASE}p{number % 13}"), Literal(f"değer {number}")))
    return ArticleGraph(article=article, name=mint.graph(article), statements=statements, reference=Graph())


def service_settings(store: Path) -> Settings:
    """The settings every test service runs with, over its own store directory."""
    return Settings(store=store, base_iri=BASE, query_timeout=QUERY_TIMEOUT, update_token=TOKEN,
                    max_rows=MAX_ROWS, max_request_bytes=MAX_REQUEST_BYTES,
                    cors_origins=["https://analyst.example.org"])


def put_seeds(settings: Settings) -> dict[str, str]:
    """Store the seed articles; maps each article key to its text."""
    texts = {}
    with open_store(settings) as store:
        for article in read_articles([SEEDS]):
            assert isinstance(article, Article), article
            store.put_article(article_graph(extract(article), BASE))
            texts[article.key] = article.text
    return texts


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return service_settings(tmp_path_factory.mktemp("api") / "store")


@pytest.fixture(scope="session")
def seeded(settings: Settings) -> dict[str, str]:
    """The seed articles and the filler in the store; maps each seed article key to its text."""
    texts = put_seeds(settings)
    with open_store(settings) as store:
        store.put_article(filler_graph(FILLER_TRIPLES))
    return texts


@pytest.fixture(scope="session")
def service(settings: Settings, seeded: dict[str, str]) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings)) as server:
        yield server


@pytest.fixture
def client(service: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service.url, timeout=30.0, trust_env=False) as client:
        yield client


def engine_pid(settings: Settings) -> int:
    return int(json.loads((settings.store / "engine.json").read_text())["pid"])
