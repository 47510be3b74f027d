"""The store on remote SPARQL servers: processes the test suite starts and cityrel does not.

One suite, run on each backend (`backend` is module-scoped and parametrized):

- oxigraph: `oxigraph serve` from the PyPI package, over a temporary directory.
- virtuoso: Virtuoso open source, started by `scripts/virtuoso.sh start` in a
  temporary directory on free loopback ports, with Digest authentication and
  its `timeout=` parameter; skipped, with the reason, where it is not installed.

Each backend also holds a graph that is not cityrel's (`FOREIGN`), as a shared
server would (Virtuoso has system graphs of its own); it gives the runaway
query something to join over, and cityrel must neither list, count, validate
nor export it. The crash tests kill the server and start it again over the
same data, which the suite does for Virtuoso only (about 15 s of the run).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pyoxigraph as ox
import pytest
from api.conftest import LiveServer
from pydantic import SecretStr
from rdflib import Dataset, Graph, Literal, URIRef

from cityrel.api.app import create_app
from cityrel.article import read_articles
from cityrel.errors import QueryError, QueryTimeout, StoreError
from cityrel.model import Article
from cityrel.pipeline import IngestReport, ingest
from cityrel.queries import load_queries
from cityrel.rdf import ArticleGraph, Minter
from cityrel.settings import Settings
from cityrel.store import Change, ExportFormat, SparqlStore, open_store
from cityrel.validate import validate_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"
BASE = "https://w3id.org/cityrel/id/"
MINT = Minter(BASE)
REFERENCE = MINT.reference_graph()
FOREIGN = URIRef("urn:another-application:graph")
XSD = "http://www.w3.org/2001/XMLSchema#"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass
class Backend:
    name: str
    settings: Settings
    pid: int
    restart: Callable[[], None] | None = None
    """Start the server again over the same data, where the suite can (Virtuoso)."""

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def crash(self) -> None:
        """Kill the server as a power cut would, and start it again."""
        assert self.restart is not None
        os.kill(self.pid, signal.SIGKILL)
        while self.alive():
            time.sleep(0.02)
        self.restart()


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    directory = tmp_path_factory.mktemp(request.param)
    start = _oxigraph if request.param == "oxigraph" else _virtuoso
    yield from start(directory)


def _oxigraph(directory: Path) -> Iterator[Backend]:
    port = _free_port()
    binary = Path(sys.executable).with_name("oxigraph")
    server = subprocess.Popen([str(binary), "serve", "--location", str(directory / "db"),
                               "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_for(url, server)
        settings = Settings(store=directory / "unused", base_iri=BASE, query_timeout=10.0,
                            sparql_query_url=f"{url}/query", sparql_update_url=f"{url}/update",
                            sparql_store_url=f"{url}/store", sparql_user=None, sparql_password=None,
                            sparql_timeout_parameter=None)  # whatever the environment says
        _add_foreign_graph(settings)
        yield Backend("oxigraph", settings, server.pid)
    finally:
        server.kill()
        server.wait()


def _virtuoso(directory: Path) -> Iterator[Backend]:
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (no virtuoso-t, isql-vt): `sudo scripts/virtuoso.sh install` "
                    "adds it from the Debian package virtuoso-opensource")
    env = {**os.environ, "VIRTUOSO_DIR": str(directory), "VIRTUOSO_HTTP_PORT": str(_free_port()),
           "VIRTUOSO_ISQL_PORT": str(_free_port())}
    script = str(ROOT / "scripts" / "virtuoso.sh")

    def start() -> dict[str, str]:
        started = subprocess.run([script, "start"], check=False, env=env, capture_output=True, text=True,
                                 timeout=120)
        assert started.returncode == 0, f"scripts/virtuoso.sh start failed:\n{started.stderr}"
        return dict(line.split("=", 1) for line in started.stdout.splitlines() if "=" in line)

    def pid() -> int:
        return int(re.findall(r"VIRT_PID=(\d+)", (directory / "virtuoso.lck").read_text())[0])

    try:
        values = start()
        settings = Settings(
            store=directory / "unused", base_iri=BASE, query_timeout=10.0,
            sparql_query_url=values["CITYREL_SPARQL_QUERY_URL"],
            sparql_update_url=values["CITYREL_SPARQL_UPDATE_URL"],
            sparql_store_url=values["CITYREL_SPARQL_STORE_URL"],
            sparql_user=values["CITYREL_SPARQL_USER"],
            sparql_password=SecretStr(values["CITYREL_SPARQL_PASSWORD"]),
            sparql_timeout_parameter=values["CITYREL_SPARQL_TIMEOUT_PARAMETER"].strip("'"),
            sparql_keep_alive=values["CITYREL_SPARQL_KEEP_ALIVE"] == "true")
        backend = Backend("virtuoso", settings, pid())

        def restart() -> None:
            start()
            backend.pid = pid()

        backend.restart = restart
        _add_foreign_graph(settings)
        yield backend
    finally:
        subprocess.run([script, "stop"], check=False, env=env, capture_output=True, timeout=60)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(url: str, server: subprocess.Popen[bytes]) -> None:
    until = time.monotonic() + 10
    while True:
        try:
            httpx.head(url, trust_env=False)
            return
        except httpx.ConnectError:
            assert server.poll() is None and time.monotonic() < until, "the server did not start"
            time.sleep(0.02)


def _add_foreign_graph(settings: Settings) -> None:
    """3,000 triples in a graph that is not cityrel's: enough for a runaway three-way join."""
    with open_store(settings) as store:
        for block in range(3):
            triples = " ".join(f"<urn:s{i % 97}> <urn:p{i % 13}> {i} ." for i in range(block * 1000, block * 1000 + 1000))
            store.update(f"INSERT DATA {{ GRAPH <{FOREIGN}> {{ {triples} }} }}")


@pytest.fixture
def store(backend: Backend) -> Iterator[SparqlStore]:
    with open_store(backend.settings) as store:
        yield store


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    articles = [item for item in read_articles([SEEDS]) if isinstance(item, Article)]
    assert len(articles) == 2
    return articles


@pytest.fixture(scope="module")
def first_ingest(backend: Backend) -> IngestReport:
    with open_store(backend.settings) as store:
        return ingest([SEEDS], store, base_iri=BASE)


# -- Ingest ------------------------------------------------------------------------


def test_ingest_stores_every_article_in_its_own_graph(
    first_ingest: IngestReport, store: SparqlStore, seeds: list[Article]
) -> None:
    assert first_ingest.ok, first_ingest.refused
    assert first_ingest.changes == {"added": 2}
    assert store.graph_names() == sorted([REFERENCE, *(MINT.graph(article) for article in seeds)])
    assert store.count() == sum(store.count(name) for name in store.graph_names())
    assert store.count(FOREIGN) == 3000  # there, but not cityrel's


def test_ingesting_the_same_articles_again_changes_nothing(first_ingest: IngestReport, store: SparqlStore) -> None:
    before = {name: set(store.graph(name) or ()) for name in store.graph_names()}
    report = ingest([SEEDS], store, base_iri=BASE)
    assert report.ok and report.changes == {"unchanged": 2}
    assert {name: set(store.graph(name) or ()) for name in store.graph_names()} == before


def test_a_revised_article_replaces_its_own_graph_and_nothing_else(
    first_ingest: IngestReport, store: SparqlStore, seeds: list[Article]
) -> None:
    name, other = MINT.graph(seeds[0]), MINT.graph(seeds[1])
    stored, untouched = store.graph(name), set(store.graph(other) or ())
    assert stored is not None
    # Five triples fewer, one more. None of the five may be a link to the article: an entity of the
    # reference graph that no article links to any more goes, and the restore below brings back the
    # article's graph only (taken in hash order, they made this module fail now and then).
    links = {URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), URIRef("https://w3id.org/cityrel/ontology#mentionedIn")}
    dropped = sorted((t for t in stored if t[1] not in links), key=lambda t: tuple(map(str, t)))[:5]
    revised = Graph()
    for triple in set(stored) - set(dropped):
        revised.add(triple)
    revised.add((MINT.article(seeds[0]), URIRef("https://schema.org/alternativeHeadline"), Literal("düzeltildi")))
    article = ArticleGraph(article=seeds[0], name=name, statements=revised, reference=Graph())
    assert store.put_article(article) is Change.REPLACED
    assert set(store.graph(name) or ()) == set(revised)
    assert set(store.graph(other) or ()) == untouched
    restored = ArticleGraph(article=seeds[0], name=name, statements=stored, reference=Graph())
    assert store.put_article(restored) is Change.REPLACED
    assert set(store.graph(name) or ()) == set(stored)


UNSOURCED = f"""
SELECT DISTINCT ?thing WHERE {{
  GRAPH <{REFERENCE}> {{ ?thing a ?class FILTER (?class IN (<https://w3id.org/cityrel/ontology#Person>,
                                                            <http://www.w3.org/ns/org#Membership>)) }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?thing ?link ?source
    FILTER (?link IN (<http://www.w3.org/ns/prov#wasDerivedFrom>, <https://w3id.org/cityrel/ontology#mentionedIn>)) }} }}
}}"""
PEOPLE = f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ GRAPH <{REFERENCE}> {{ ?p a <https://w3id.org/cityrel/ontology#Person> }} }}"


def test_deleting_an_article_removes_the_people_and_posts_only_it_named(
    first_ingest: IngestReport, store: SparqlStore, seeds: list[Article]
) -> None:
    people = int(store.select(PEOPLE)[0]["n"])
    assert store.delete_graph(MINT.graph(seeds[0]))
    assert store.select(UNSOURCED) == []
    assert 0 < int(store.select(PEOPLE)[0]["n"]) < people
    assert ingest([SEEDS], store, base_iri=BASE).changes == {"added": 1, "unchanged": 1}
    assert int(store.select(PEOPLE)[0]["n"]) == people


LITERALS = [
    Literal("İzmir'de \"kardeş şehir\" töreni\nikinci satır\r\n\ttab"),
    Literal("back\\slash \\u0041 \\U0001F600 and \\\"escaped\\\""),
    Literal("\u2028 line separator, emoji 😀"),
    Literal("Bakü", lang="tr"),
    Literal("1986", datatype=URIRef(XSD + "gYear")),
    Literal("2024-05-01", datatype=URIRef(XSD + "date")),
    Literal("42", datatype=URIRef(XSD + "integer")),
    Literal("https://example.org/haber?id=1&x=ğ", datatype=URIRef(XSD + "anyURI")),
]


def test_literals_are_stored_and_read_back_exactly(store: SparqlStore) -> None:
    article = Article(key="literals", source="literals.txt", text="x")
    statements = Graph()
    for number, literal in enumerate(LITERALS):
        statements.add((MINT.article(article), URIRef(f"{BASE}p{number}"), literal))
    graph = ArticleGraph(article=article, name=MINT.graph(article), statements=statements, reference=Graph())
    try:
        assert store.put_article(graph) is Change.ADDED
        assert set(store.graph(graph.name) or ()) == set(statements)
        rows = store.select(f"SELECT ?o WHERE {{ GRAPH <{graph.name}> {{ ?s ?p ?o }} }}")
        assert {row["o"] for row in rows} == set(LITERALS)
        assert store.put_article(graph) is Change.UNCHANGED
    finally:
        store.delete_graph(graph.name)


def test_a_large_article_is_written_and_read_whole(store: SparqlStore) -> None:
    # Beyond Virtuoso's parser (about 5,000 triples in one block) and its default row cap (10,000).
    article = Article(key="large", source="large.txt", text="x")
    node, statements = MINT.article(article), Graph()
    for number in range(12_000):
        statements.add((node, URIRef(f"{BASE}p{number % 7}"), Literal(f"değer {number}")))
    graph = ArticleGraph(article=article, name=MINT.graph(article), statements=statements, reference=Graph())
    try:
        assert store.put_article(graph) is Change.ADDED
        assert store.count(graph.name) == 12_000
        assert set(store.graph(graph.name) or ()) == set(statements)
    finally:
        assert store.delete_graph(graph.name)
    assert store.graph(graph.name) is None


# -- Validate, export, ask ------------------------------------------------------------


def test_validate_checks_every_stored_article(first_ingest: IngestReport, store: SparqlStore,
                                              seeds: list[Article]) -> None:
    reports = validate_store(store)
    assert len(reports) == len(seeds)
    assert all(report.conforms for report in reports), [report.text() for report in reports]


@pytest.mark.parametrize("fmt", [ExportFormat.TRIG, ExportFormat.NQUADS, ExportFormat.JSONLD])
def test_an_export_keeps_the_named_graphs(first_ingest: IngestReport, store: SparqlStore, fmt: ExportFormat) -> None:
    dataset = Dataset()
    dataset.parse(data=b"".join(store.export(fmt)), format={"jsonld": "json-ld"}.get(fmt.value, fmt.value))
    exported = {context.identifier: set(context) for context in dataset.graphs() if len(context)}
    assert exported == {name: set(store.graph(name) or ()) for name in store.graph_names()}


def test_an_export_of_the_union_and_of_one_graph(first_ingest: IngestReport, store: SparqlStore,
                                                 seeds: list[Article]) -> None:
    union = Graph().parse(data=b"".join(store.export(ExportFormat.NTRIPLES)), format="nt")
    expected = set().union(*(set(store.graph(name) or ()) for name in store.graph_names()))
    assert set(union) == expected
    name = MINT.graph(seeds[1])
    one = Graph().parse(data=b"".join(store.export(ExportFormat.TURTLE, name)), format="turtle")
    assert set(one) == set(store.graph(name) or ())
    with pytest.raises(QueryError, match="no graph"):
        store.export(ExportFormat.TURTLE, URIRef(f"{BASE}graph/missing"))


def test_the_readme_question_is_answered(first_ingest: IngestReport, store: SparqlStore) -> None:
    rows = store.select("""
        PREFIX crel: <https://w3id.org/cityrel/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?partner ?signed WHERE {
          ?agreement a crel:SisterCityAgreement ; crel:party ?izmir, ?other .
          ?izmir rdfs:label "İzmir"@tr .
          ?other rdfs:label ?partner . FILTER(?other != ?izmir && lang(?partner) = "tr")
          OPTIONAL { ?agreement crel:signedDate ?signed }
        }""")
    assert [(str(row["partner"]), str(row["signed"])) for row in rows] == [("Bakü", "1986")]


CATALOG = load_queries(ROOT / "queries")
VIRTUOSO_DIFFERS = {
    "twinning-sources": (AssertionError, ("Virtuoso 7.2 binds `?sides = 1` to 0 where ?sides is unbound "
                         "(SPARQL: an error, so ?oneSided stays unbound), and writes booleans as 0 and 1")),
}


@pytest.fixture(scope="module")
def local_copy(first_ingest: IngestReport, backend: Backend) -> ox.Store:
    """The stored graphs in an in-memory pyoxigraph store: the answers every server should give."""
    copy = ox.Store()
    with open_store(backend.settings) as store:
        copy.load(b"".join(store.export(ExportFormat.NQUADS)), format=ox.RdfFormat.N_QUADS)
    return copy


def _row(values: Iterator[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """A solution to compare across engines: GROUP_CONCAT's order is the engine's choice, and an
    empty GROUP_CONCAT is "" on some and unbound on others."""
    return tuple(sorted((var, " ".join(sorted(re.split(r"[ ,]+", value)))) for var, value in values if value))


# Each named query with its example's values, and with values for the parameters that stand in a
# pattern (bound there, UNDEF in the example).
_CASES = [*((name, CATALOG[name].example or "") for name in sorted(CATALOG)),
          ("posts", "person=cemil-tugay"), ("posts", "organization=municipality-geonames-311046"),
          ("community-statistics", "city=geonames-311046&nationality=kz")]


@pytest.mark.parametrize(("name", "values"), _CASES)
def test_every_named_query_answers_as_on_a_local_copy(
    name: str, values: str, backend: Backend, store: SparqlStore, local_copy: ox.Store,
    request: pytest.FixtureRequest
) -> None:
    if backend.name == "virtuoso" and name in VIRTUOSO_DIFFERS:
        error, reason = VIRTUOSO_DIFFERS[name]
        request.applymarker(pytest.mark.xfail(reason=reason, raises=error, strict=True))
    text = CATALOG[name].bind(dict(parse_qsl(values)), base_iri=BASE, limit=100)
    rows = json.loads(store.query(text).body)["results"]["bindings"]
    answer = sorted(_row((var, value["value"]) for var, value in row.items()) for row in rows)
    expected = local_copy.query(text, use_default_graph_as_union=True)
    assert isinstance(expected, ox.QuerySolutions)
    variables = [variable.value for variable in expected.variables]
    assert answer == sorted(_row((var, solution[var].value) for var in variables if solution[var] is not None)
                            for solution in expected)


# -- Crashes (Virtuoso) -----------------------------------------------------------------


def big_article(key: str, size: int, version: str) -> ArticleGraph:
    article = Article(key=key, source=f"{key}.txt", text="x")
    node, statements = MINT.article(article), Graph()
    for number in range(size):
        statements.add((node, URIRef(f"{BASE}p{number % 7}"), Literal(f"{version} {number}")))
    return ArticleGraph(article=article, name=MINT.graph(article), statements=statements, reference=Graph())


def test_a_revision_survives_a_crash_after_it_was_written(backend: Backend) -> None:
    # Measured on Virtuoso 7.2.5: a request that deletes triples and inserts them again (DROP
    # GRAPH, then INSERT DATA of the same triples) is answered, and after a crash and the replay
    # of the transaction log a part of those triples is gone (in 13 of 16 trials, 1,849 of 5,000
    # left). put_article writes only the difference, so no request of cityrel's does that.
    if backend.restart is None:
        pytest.skip(f"the suite does not restart {backend.name}")
    first = big_article("crash-after", 5000, "A")
    revised = big_article("crash-after", 5000, "A")
    for number in range(100):
        revised.statements.add((MINT.article(first.article), URIRef(f"{BASE}q"), Literal(f"B {number}")))
    with open_store(backend.settings) as store:
        assert store.put_article(first) is Change.ADDED
        assert store.put_article(revised) is Change.REPLACED
    backend.crash()
    with open_store(backend.settings) as store:
        assert set(store.graph(first.name) or ()) == set(revised.statements)
        store.delete_graph(first.name)


def test_a_crash_in_the_middle_of_a_write_leaves_the_article_whole(backend: Backend) -> None:
    if backend.restart is None:
        pytest.skip(f"the suite does not restart {backend.name}")
    old, new = big_article("crash-during", 12_000, "A"), big_article("crash-during", 12_000, "B")
    with open_store(backend.settings) as store:
        store.put_article(old)
        sending = threading.Event()
        update = store.update

        def update_and_tell(sparql: str) -> None:
            sending.set()
            update(sparql)

        store.update = update_and_tell  # type: ignore[method-assign]
        writer = threading.Thread(target=suppress_store_error, args=(store.put_article, new))
        writer.start()
        assert sending.wait(30)
        started = backend.cpu_seconds()
        while backend.cpu_seconds() - started < 0.2:  # the server is at work on the update (about 0.5 s)
            time.sleep(0.01)
        backend.crash()
        writer.join()
    with open_store(backend.settings) as store:
        stored = set(store.graph(old.name) or ())
        assert stored in (set(old.statements), set(new.statements))
        store.delete_graph(old.name)


def suppress_store_error(write: Callable[[ArticleGraph], object], article: ArticleGraph) -> None:
    try:
        write(article)
    except StoreError:
        pass  # the server went away in the middle


# -- Refusals and deadlines ------------------------------------------------------------


def test_incomplete_remote_settings_are_a_plain_error(tmp_path: Path) -> None:
    partial = Settings(store=tmp_path, sparql_query_url="http://127.0.0.1:9/query", sparql_store_url=None)
    with pytest.raises(StoreError, match="CITYREL_SPARQL_STORE_URL"), open_store(partial):
        pass
    wrong = Settings(store=tmp_path, sparql_query_url="http://127.0.0.1:9/query",
                     sparql_store_url="http://127.0.0.1:9/store", sparql_timeout_parameter="timeout=30")
    with pytest.raises(StoreError, match="timeout=\\{ms\\}"), open_store(wrong):
        pass


def test_a_wrong_password_is_a_plain_error(backend: Backend) -> None:
    if backend.settings.sparql_user is None:
        pytest.skip(f"{backend.name} runs here without authentication")
    wrong = backend.settings.model_copy(update={"sparql_password": SecretStr("not-the-password")})
    with open_store(wrong) as store:
        assert store.ask("ASK {}")  # reads go to the anonymous, read-only endpoint
        with pytest.raises(StoreError, match="HTTP 401.*CITYREL_SPARQL_PASSWORD"):
            store.update(f"INSERT DATA {{ GRAPH <{FOREIGN}> {{ <urn:s> <urn:p> 0 }} }}")


def test_a_runaway_query_is_stopped_and_the_server_answers_on(backend: Backend, store: SparqlStore) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        store.query(RUNAWAY, timeout=2)
    assert time.monotonic() - started < 4
    assert backend.alive()
    assert store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", timeout=5)
    if backend.settings.sparql_timeout_parameter:  # the server was told the deadline: it stopped the work
        time.sleep(0.5)
        before = backend.cpu_seconds()
        time.sleep(1.0)
        assert backend.cpu_seconds() - before < 0.2



# -- The service on a remote store ------------------------------------------------------


def test_the_service_answers_from_the_remote_store(first_ingest: IngestReport, backend: Backend) -> None:
    settings = backend.settings.model_copy(update={"query_timeout": 2.0})
    with LiveServer(create_app(settings)) as server, \
            httpx.Client(base_url=server.url, timeout=30.0, trust_env=False) as client:
        pages = [client.get("/api/cities/geonames-311046") for _ in range(2)]
        assert [page.status_code for page in pages] == [200, 200]
        assert "Bakü" in {twin["label"] for twin in pages[0].json()["twins"]}
        # other programs may write to a remote store: nothing is kept
        assert not any("X-Cityrel-Cache" in page.headers for page in pages)
        answer = client.post("/sparql", data={"query": f"SELECT ?p WHERE {{ <{BASE}city/geonames-311046> ?p ?o }}"},
                             headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200 and answer.json()["results"]["bindings"]
        runaway = client.post("/sparql", data={"query": RUNAWAY}, headers={"Accept": "application/sparql-results+json"})
        assert runaway.status_code == 503, runaway.text
        assert client.get("/health").json()["status"] == "ok"


def test_queries_go_with_credentials_where_the_endpoint_asks(backend: Backend) -> None:
    if backend.settings.sparql_user is None:
        pytest.skip(f"{backend.name} runs here without authentication")
    guarded = backend.settings.model_copy(update={"sparql_query_url": backend.settings.sparql_update_url})
    wrong = guarded.model_copy(update={"sparql_password": SecretStr("not-the-password")})

    async def ask(settings: Settings) -> bool:
        with open_store(settings) as store:
            try:
                return bool(json.loads((await store.query_async("ASK {}")).body)["boolean"])
            finally:
                await store.aclose()

    assert asyncio.run(ask(guarded))  # Virtuoso's /sparql-auth: Digest, as for updates
    with pytest.raises(StoreError, match="HTTP 401.*CITYREL_SPARQL_PASSWORD"):
        asyncio.run(ask(wrong))
