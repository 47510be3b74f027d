"""The store against a real Oxigraph engine process on real files: no mocks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from cityrel.errors import QueryError, QueryTimeout, StoreError
from cityrel.model import Article
from cityrel.pipeline import prepare
from cityrel.rdf import ArticleGraph, Minter
from cityrel.settings import Settings
from cityrel.store import Change, Engine, ExportFormat, SparqlStore, open_store

BASE = "https://w3id.org/cityrel/id/"
MINT = Minter(BASE)
REFERENCE = MINT.reference_graph()
XSD = "http://www.w3.org/2001/XMLSchema#"
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
SRC = Path(__file__).resolve().parents[1] / "src"


def article_graph(key: str, texts: Sequence[str], cities: Sequence[str] = ()) -> ArticleGraph:
    article = Article(key=key, source=f"{key}.txt", text=" ".join(texts))
    node = MINT.article(article)
    statements, reference = Graph(), Graph()
    for number, text in enumerate(texts):
        statements.add((node, URIRef(f"{BASE}p{number}"), Literal(text)))
    for city in cities:
        reference.add((MINT("city", city), LABEL, Literal(city)))
    return ArticleGraph(article=article, name=MINT.graph(article), statements=statements, reference=reference)


def big_article(key: str, size: int) -> ArticleGraph:
    return article_graph(key, [f"değer {i}" for i in range(size)], cities=[f"city-{i}" for i in range(50)])


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=tmp_path / "store", base_iri=BASE, query_timeout=10.0)


@pytest.fixture
def store(settings: Settings) -> Iterator[SparqlStore]:
    with open_store(settings) as store:
        yield store


def engine_processes(directory: Path) -> list[int]:
    """Pids of the Oxigraph processes serving `directory`."""
    database = os.fsencode((directory / "oxigraph").resolve())
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if entry.name.isdigit() and database in argv:
            pids.append(int(entry.name))
    return pids


def article_and_reference_sizes(store: SparqlStore, article: URIRef) -> tuple[int, int]:
    """The sizes of an article's graph and of the reference graph, read in one query (one snapshot)."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    sizes = {row["g"]: int(row["n"]) for row in rows}
    return sizes.get(article, 0), sizes.get(REFERENCE, 0)


def wait_until_busy(engine: Engine, seconds: float, within: float = 20.0) -> None:
    """Return once the engine has used `seconds` more CPU time, i.e. is working on a request."""
    start, until = engine.cpu_seconds(), time.monotonic() + within
    while engine.cpu_seconds() - start < seconds:
        assert time.monotonic() < until, "the engine never started working"
        time.sleep(0.01)


# -- Writing articles ------------------------------------------------------


def test_put_stores_the_article_graph_and_its_reference_triples(store: SparqlStore) -> None:
    first = article_graph("a1", ["Ankara", "Bakü"], cities=["ankara"])
    assert store.put_article(first) is Change.ADDED
    assert store.graph_names() == sorted([first.name, REFERENCE])
    assert store.count(first.name) == 2
    assert set(store.graph(first.name) or ()) == set(first.statements)
    assert store.count(REFERENCE) == 1


def test_putting_the_same_article_twice_changes_nothing(store: SparqlStore) -> None:
    graph = article_graph("a1", ["Ankara", "Bakü"], cities=["ankara"])
    store.put_article(graph)
    before = store.count()
    assert store.put_article(graph) is Change.UNCHANGED
    assert store.count() == before


def test_a_changed_article_replaces_its_own_graph_and_nothing_else(store: SparqlStore) -> None:
    first = article_graph("a1", ["eski", "metin"], ["izmir"])
    other = article_graph("a2", ["başka"], ["bursa"])
    store.put_article(first)
    store.put_article(other)
    changed = article_graph("a1", ["yeni metin"], ["konya"])
    assert store.put_article(changed) is Change.REPLACED
    assert set(store.graph(first.name) or ()) == set(changed.statements)
    assert set(store.graph(other.name) or ()) == set(other.statements)
    assert store.count(REFERENCE) == 3  # the reference graph only accumulates


def test_delete_graph_removes_one_graph(store: SparqlStore) -> None:
    first, other = article_graph("a1", ["bir"]), article_graph("a2", ["iki"])
    store.put_article(first)
    store.put_article(other)
    assert store.delete_graph(first.name) is True
    assert store.delete_graph(first.name) is False
    assert store.graph(first.name) is None
    assert store.count(other.name) == 1


def test_a_batch_is_one_write_that_reports_each_article(store: SparqlStore) -> None:
    first, second = article_graph("a1", ["bir"], ["rize"]), article_graph("a2", ["iki"], ["ordu"])
    assert store.put_articles([first, second]) == [Change.ADDED, Change.ADDED]
    revised = article_graph("a1", ["yeni"], ["rize"])
    assert store.put_articles([revised, second]) == [Change.REPLACED, Change.UNCHANGED]
    assert set(store.graph(first.name) or ()) == set(revised.statements)
    assert set(store.graph(second.name) or ()) == set(second.statements)


def test_a_batch_with_a_triple_the_store_cannot_hold_writes_nothing(store: SparqlStore) -> None:
    good, bad = article_graph("a1", ["bir"]), article_graph("a2", ["iki"])
    bad.statements.add((URIRef("relative/iri"), URIRef(f"{BASE}p"), Literal("x")))  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="relative/iri"):
        store.put_articles([good, bad])
    assert store.count() == 0


def test_an_article_is_put_once_per_batch(store: SparqlStore) -> None:
    graph = article_graph("a1", ["bir"])
    with pytest.raises(ValueError, match="repeat"):
        store.put_articles([graph, graph])


def test_a_graph_another_writer_changes_during_a_put_is_written_again(
        store: SparqlStore, settings: Settings) -> None:
    ours, theirs = article_graph("a1", ["bizim"]), article_graph("a1", ["onların", "metni"])
    update = store.update
    with open_store(settings) as other:

        def update_then_another_writer(sparql: str) -> None:
            update(sparql)
            if store.update is update_then_another_writer:  # once: the other writer's version lands after ours
                store.update = update  # type: ignore[method-assign]
                other.put_article(theirs)

        store.update = update_then_another_writer  # type: ignore[method-assign]
        assert store.put_article(ours) is Change.ADDED
    assert set(store.graph(ours.name) or ()) == set(ours.statements)


MAYOR_AND_AMBASSADOR = ("İzmir Büyükşehir Belediye Başkanı Cemil Tugay, Kazakistan'ın Ankara Büyükelçisi "
                        "Yerbolat Sembayev'i makamında ağırladı.")
MAYOR_ONLY = "İzmir Büyükşehir Belediye Başkanı Cemil Tugay, kentte yaşayan Kazaklar için bir park yapılacağını söyledi."
NOBODY = "Kentte bugün yağmur bekleniyor."


def shared_descriptions(store: SparqlStore) -> set[str]:
    """The people and posts that the reference graph describes, by the last part of their IRIs' paths."""
    rows = store.select(f"SELECT DISTINCT ?s WHERE {{ GRAPH <{REFERENCE}> {{ ?s a ?class "
                        "FILTER (?class IN (<https://w3id.org/cityrel/ontology#Person>, "
                        "<http://www.w3.org/ns/org#Membership>)) } }")
    return {str(row["s"]).removeprefix(BASE) for row in rows}


def described(key: str, text: str) -> ArticleGraph:
    """The graph the pipeline makes of `text` under `key`."""
    return prepare(Article(key=key, source=f"{key}.txt", text=text), BASE)[1]


def test_a_thing_named_by_many_articles_is_described_once_and_goes_with_the_last_of_them(
        store: SparqlStore) -> None:
    def put(key: str, text: str) -> ArticleGraph:
        graph = described(key, text)
        store.put_article(graph)
        return graph

    first, second = put("a1", MAYOR_AND_AMBASSADOR), put("a2", MAYOR_ONLY)
    tugay = {"person/cemil-tugay", "membership/cemil-tugay/Mayor/municipality-geonames-311046"}
    sembayev = {"person/yerbolat-sembayev", "membership/yerbolat-sembayev/Ambassador/embassy-kz-geonames-323786"}
    assert shared_descriptions(store) == tugay | sembayev
    # The mayor's post, stated by both articles, is one set of triples in the union of the graphs.
    rows = store.select("SELECT ?role WHERE { ?post <http://www.w3.org/ns/org#role> ?role }")
    assert len(rows) == 2

    put("a1", NOBODY)  # the first article no longer names anybody: the ambassador goes, the mayor stays
    assert shared_descriptions(store) == tugay
    assert store.delete_graph(second.name)
    assert shared_descriptions(store) == set()
    assert store.ask(f"ASK {{ GRAPH <{REFERENCE}> {{ <{BASE}city/geonames-311046> ?p ?o }} }}")  # cities stay
    assert first.name in store.graph_names()


def test_a_thing_one_article_of_a_batch_lets_go_and_another_names_keeps_its_description(
        store: SparqlStore) -> None:
    store.put_article(described("a1", MAYOR_AND_AMBASSADOR))
    # One request: a1 no longer names the ambassador (the sweep's candidate), a2 names him.
    store.put_articles([described("a1", NOBODY), described("a2", MAYOR_AND_AMBASSADOR)])
    assert "person/yerbolat-sembayev" in shared_descriptions(store)


LITERALS = [
    Literal("İzmir'de \"kardeş şehir\" töreni\nikinci satır\r\n\ttab"),
    Literal('ends with quotes ""'),
    Literal("back\\slash \\u0041 \\U0001F600 and \\\"escaped\\\""),
    Literal("Gaziantep", lang="tr"),
    Literal("2024-05-01", datatype=URIRef(XSD + "date")),
    Literal("42", datatype=URIRef(XSD + "integer")),
    Literal("\u2028 line separator, emoji 😀, nul-free"),
]


def test_literals_are_stored_exactly(store: SparqlStore) -> None:
    graph = article_graph("a1", [])
    node = MINT("article", "a1")
    for number, literal in enumerate(LITERALS):
        graph.statements.add((node, URIRef(f"{BASE}p{number}"), literal))
    store.put_article(graph)
    assert set(store.graph(graph.name) or ()) == set(graph.statements)
    rows = store.select(f"SELECT ?o WHERE {{ GRAPH <{graph.name}> {{ ?s ?p ?o }} }}")
    assert {row["o"] for row in rows} == set(LITERALS)


def test_a_relative_iri_is_refused(store: SparqlStore) -> None:
    graph = article_graph("a1", ["x"])
    graph.statements.add((URIRef("relative/iri"), URIRef(f"{BASE}p"), Literal("x")))
    with pytest.raises(StoreError, match="absolute"):
        store.put_article(graph)
    assert store.count() == 0


def test_one_update_request_is_one_transaction(store: SparqlStore) -> None:
    # put_article relies on this: the second operation fails, so the first must not stay.
    store.update("CREATE GRAPH <urn:existing>")
    with pytest.raises(StoreError, match="already exists"):
        store.update("INSERT DATA { GRAPH <urn:new> { <urn:s> <urn:p> 1 } } ; CREATE GRAPH <urn:existing>")
    assert store.count(URIRef("urn:new")) == 0


# -- Reading ----------------------------------------------------------------


def test_a_malformed_query_is_a_query_error(store: SparqlStore) -> None:
    with pytest.raises(QueryError, match="rejected the query"):
        store.query("SELEC ?x WHERE {")


def test_an_unreachable_store_is_a_store_error() -> None:
    nowhere = "http://127.0.0.1:9"  # the discard port: nothing listens there
    store = SparqlStore(f"{nowhere}/query", f"{nowhere}/update", f"{nowhere}/store",
                        reference_graph=REFERENCE)
    with store, pytest.raises(StoreError, match="Cannot reach"):
        store.ask("ASK {}")


def test_the_default_graph_is_the_union_of_the_named_graphs(store: SparqlStore) -> None:
    store.put_article(article_graph("a1", ["bir"], ["rize"]))
    assert store.ask("ASK { ?s ?p 'bir' . ?c ?l 'rize' }")


def test_export_trig_streams_the_named_graphs(store: SparqlStore) -> None:
    first, other = article_graph("a1", ["bir", "iki"], ["ordu"]), article_graph("a2", ["üç"])
    store.put_article(first)
    store.put_article(other)
    dataset = Dataset()
    dataset.parse(data=b"".join(store.export(ExportFormat.TRIG)), format="trig")
    graphs = {context.identifier: set(context) for context in dataset.graphs() if len(context)}
    assert graphs == {first.name: set(first.statements), other.name: set(other.statements),
                      REFERENCE: set(first.reference)}
    union = Graph().parse(data=b"".join(store.export(ExportFormat.NTRIPLES)), format="nt")
    assert len(union) == 4
    one = Graph().parse(data=b"".join(store.export(ExportFormat.TURTLE, first.name)), format="turtle")
    assert set(one) == set(first.statements)
    with pytest.raises(QueryError, match="no graph"):
        store.export(ExportFormat.TURTLE, URIRef("urn:missing"))


# -- One engine per directory, shared --------------------------------------


def test_a_second_open_store_uses_the_running_engine(settings: Settings) -> None:
    first = open_store(settings)
    outer = first.__enter__()
    with open_store(settings) as inner:
        assert inner.query_url == outer.query_url
        assert len(engine_processes(settings.store)) == 1
        first.__exit__(None, None, None)  # the first user leaves while the second still works
        inner.put_article(article_graph("a1", ["bir"]))
        assert inner.count() == 1
    assert engine_processes(settings.store) == []  # the last user stopped it
    assert not (settings.store / "engine.json").exists()


def test_an_ingest_in_another_process_uses_the_running_engine(store: SparqlStore, settings: Settings) -> None:
    child = run_child(settings, "store.put_article(article_graph('a1', ['bir'], ['rize'])); print('done')")
    assert child.wait(timeout=30) == 0, child.stderr.read() if child.stderr else ""
    assert len(engine_processes(settings.store)) == 1
    assert store.count() == 2  # written by the child, through this process's engine, which still runs


def test_a_stale_engine_record_is_replaced(settings: Settings) -> None:
    settings.store.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (settings.store / "engine.json").write_text(f'{{"pid": {dead}, "port": 9, "started": "x"}}')
    with open_store(settings) as store:
        assert store.count() == 0
        assert '"port": 9,' not in (settings.store / "engine.json").read_text()


def test_a_store_held_by_another_program_is_a_plain_error(settings: Settings) -> None:
    (settings.store / "oxigraph").mkdir(parents=True)
    other, _url = start_oxigraph("--location", str(settings.store / "oxigraph"))
    try:
        with pytest.raises(StoreError, match="Another program has this store open"), open_store(settings):
            pass
    finally:
        other.kill()
        other.wait()


# -- Crashes ----------------------------------------------------------------

ARTICLE_SIZE = 60_000  # about 1.2 s of engine CPU to write: room to kill it in the middle


def run_child(settings: Settings, code: str) -> subprocess.Popen[str]:
    """A separate cityrel process that opens the same store and runs `code` with `store` open."""
    script = textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(SRC)!r}, {str(Path(__file__).parent)!r}]
        from cityrel.settings import Settings
        from cityrel.store import open_store
        from test_store import article_graph, big_article
        settings = Settings(store={str(settings.store)!r}, base_iri={BASE!r})
        with open_store(settings) as store:
            {code}
    """)
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_killing_the_writer_mid_request_leaves_the_article_whole_or_absent(
    store: SparqlStore, settings: Settings
) -> None:
    engine = Engine.find(settings.store)
    assert engine is not None
    writer = run_child(settings, f"g = big_article('big', {ARTICLE_SIZE}); print('writing', flush=True); "
                                 "store.put_article(g); print('done', flush=True)")
    assert writer.stdout is not None
    assert writer.stdout.readline() == "writing\n"
    wait_until_busy(engine, 0.2)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert "done" not in writer.stdout.read()  # killed before the engine answered

    name = MINT("graph", "big")
    seen = set()
    while True:  # the engine may still be applying the update: every state it shows is whole
        seen.add(article_and_reference_sizes(store, name))
        before = engine.cpu_seconds()
        time.sleep(0.2)
        if engine.cpu_seconds() - before < 0.05:
            break
    seen.add(article_and_reference_sizes(store, name))
    assert seen <= {(0, 0), (ARTICLE_SIZE, 50)}


@pytest.mark.parametrize("cpu_seconds", [0.2, 0.7])  # of about 1.2 s; both outcomes occur
def test_killing_the_engine_mid_write_leaves_the_article_whole_or_absent(
    settings: Settings, cpu_seconds: float
) -> None:
    big = big_article("big", ARTICLE_SIZE)
    errors: list[Exception] = []
    with open_store(settings) as store:
        engine = Engine.find(settings.store)
        assert engine is not None

        def write() -> None:
            try:
                store.put_article(big)
            except StoreError as error:
                errors.append(error)

        writer = threading.Thread(target=write)
        writer.start()
        wait_until_busy(engine, cpu_seconds)
        os.kill(engine.pid, signal.SIGKILL)
        writer.join()
        assert errors, "the write finished before the engine was killed"

    with open_store(settings) as store:  # a new engine over the same directory
        assert article_and_reference_sizes(store, big.name) in {(0, 0), (ARTICLE_SIZE, 50)}


# -- Deadlines ----------------------------------------------------------------

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_runaway_query_is_stopped_at_its_deadline(store: SparqlStore, settings: Settings) -> None:
    store.put_article(article_graph("a1", [f"değer {i}" for i in range(20_000)]))
    engine = Engine.find(settings.store)
    assert engine is not None
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="within 2 s"):
        store.query(RUNAWAY, timeout=2)
    assert time.monotonic() - started < 3.5

    # Oxigraph does not notice the dropped connection, so the engine was restarted.
    assert not engine.running()
    restarted = Engine.find(settings.store)
    assert restarted is not None and restarted.port == engine.port
    before = restarted.cpu_seconds()
    time.sleep(1.0)
    assert restarted.cpu_seconds() - before < 0.1  # no core kept busy
    assert store.count() == 20_000  # and the store is there, at the same URL


MEMORY_HUNGRY = "SELECT ?a ?c ?d ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c"
"""Sorting the cross product of a store with itself holds every row: far past 800 MB at 20,000 triples."""


def test_a_query_past_the_memory_limit_stops_the_engine_which_is_started_again(tmp_path: Path) -> None:
    settings = Settings(store=tmp_path / "store", base_iri=BASE, query_timeout=60.0, engine_memory_mb=800)
    with open_store(settings) as store:
        store.put_article(article_graph("a1", [f"değer {i}" for i in range(20_000)]))
        engine = Engine.find(settings.store)
        assert engine is not None and engine.memory_limit == 800 * 1024 * 1024
        started = time.monotonic()
        with pytest.raises(StoreError, match="broke during the query.*needs more than its 800 MB"):
            store.query(MEMORY_HUNGRY)
        assert time.monotonic() - started < 30  # stopped by the limit, not by the deadline
        assert "memory allocation" in (settings.store / "engine.log").read_text()

        assert wait_for(lambda: store.count() == 20_000)  # the same store, at the same URL
        restarted = Engine.find(settings.store)
        assert restarted is not None and restarted.pid != engine.pid and restarted.port == engine.port
        assert restarted.memory_limit == engine.memory_limit


def test_an_engine_that_was_killed_is_started_again(store: SparqlStore, settings: Settings) -> None:
    store.put_article(article_graph("a1", ["bir", "iki"]))
    engine = Engine.find(settings.store)
    assert engine is not None
    os.kill(engine.pid, signal.SIGKILL)
    assert wait_for(lambda: engine.pid not in engine_processes(settings.store))  # gone, so what answers is new
    assert wait_for(lambda: store.count() == 2)
    assert len(engine_processes(settings.store)) == 1


def wait_for(check: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Whether `check()` holds within `seconds`, a store error counting as not yet."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        with suppress(StoreError):
            if check():
                return True
        time.sleep(0.1)
    return False


def test_an_answer_the_engine_cut_short_is_not_a_success(tmp_path: Path) -> None:
    # An engine's own time limit answers 200 with a truncated body; cityrel's engine runs without
    # one, but a remote server may not. An in-memory Oxigraph with --timeout-s 1 shows it.
    engine, url = start_oxigraph("--timeout-s", "1")  # in memory
    try:
        with SparqlStore(f"{url}/query", f"{url}/update", f"{url}/store",
                         reference_graph=REFERENCE) as remote:
            triples = " ".join(f"<urn:s{i % 100}> <urn:p> {i} ." for i in range(20_000))
            remote.update(f"INSERT DATA {{ {triples} }}")
            with pytest.raises(QueryTimeout, match="stopped the query"):
                remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }", timeout=10)
    finally:
        engine.kill()
        engine.wait()


def start_oxigraph(*options: str) -> tuple[subprocess.Popen[bytes], str]:
    """An Oxigraph server that cityrel did not start, and its URL, once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    oxigraph = str(Path(sys.executable).with_name("oxigraph"))
    command = [oxigraph, "serve", "--bind", f"127.0.0.1:{port}", *options]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url, until = f"http://127.0.0.1:{port}", time.monotonic() + 10
    while True:
        try:
            httpx.head(url)
            return server, url
        except httpx.ConnectError:
            assert time.monotonic() < until, "oxigraph did not start"
            time.sleep(0.02)
