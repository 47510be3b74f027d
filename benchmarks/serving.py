"""Serving at scale: cityrel's /sparql beside bare `oxigraph serve`, rdflib-endpoint and Virtuoso, on the same data.

Starts on loopback, over one generated store (see generate.py):

- cityrel: `cityrel serve` over the store (its engine is `oxigraph serve` with a union
  default graph), with CITYREL_QUERY_TIMEOUT set to the cap;
- oxigraph: bare `oxigraph serve --union-default-graph` over a copy of the store: the
  floor, what the engine alone does with the same data;
- rdflib: rdflib-endpoint over the same N-Quads, in memory (what a Python user picks);
- one-graph (a diagnostic; --no-one-graph leaves it out): bare Oxigraph over the same triples loaded
  into one default graph, so that a fact stated by many articles is stored once. It is
  not a peer: it shows what the engine does when a join does not meet every shared
  triple once per article graph that states it.
- virtuoso: Virtuoso open source (scripts/virtuoso.sh) on a new database, bulk-loaded
  from the same N-Quads (virtuoso.py), each quad in its named graph; queries are POSTed
  as forms with `timeout=` (the cap), as cityrel sends them;
- cityrel-virtuoso: a second `cityrel serve` whose store is that Virtuoso, through the
  CITYREL_SPARQL_* settings the script prints (README: Remote SPARQL servers).
  --no-virtuoso leaves both out; where Virtuoso is not installed they are left out and
  the report says why.

Each query of the mix (queries.py) is sent once to warm up (and to count its rows),
then up to --runs times in turns across the servers (p50, p95), then by 8 concurrent
clients for a few seconds (throughput), each server once none of them uses CPU. A
query that does not answer within --cap seconds counts as "> cap" and its server is
restarted (cityrel restarts its own engine). The REST routes, which only cityrel has,
are timed on their own. Ratios are cityrel/oxigraph (lower is better; target p50 ≤ 1.2,
throughput ≥ 0.8) and rdflib/cityrel (higher means cityrel is faster; target ≥ 20 on
the median query), and cityrel/cityrel-virtuoso, embedded over Virtuoso through the
same service (target ≥ 4 for every join and aggregation query).

    python benchmarks/serving.py --store var/bench/t1000000-.../store --data var/bench/t1000000-.../graph.nq

(generate.py makes and caches both; run.py passes them.)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from _common import (
    BIN,
    HOST,
    ROOT,
    free_port,
    geometric_mean,
    median,
    percentile,
    rss_mb,
    stop,
    table,
    wait_until_answers,
    wait_until_idle,
)
from virtuoso import VirtuosoDatabase, missing

from queries import BASE, IZMIR, REST, MixQuery, mix

CLIENTS = 8
ON_VIRTUOSO = ("cityrel-virtuoso", "virtuoso", "virtuoso-tsv")
"""The servers over Virtuoso, reported in a table of their own."""


# -- The servers ---------------------------------------------------------------------


class Server:
    """A SPARQL server this benchmark started on loopback."""

    name = ""
    process: subprocess.Popen[bytes] | None = None
    stops_itself = False
    """Whether the server ends a query at the cap on its own (else the client hangs up at the cap)."""
    concurrent_load = True
    """Whether its throughput is measured too (else only its sequential latency)."""

    @property
    def query_url(self) -> str:
        raise NotImplementedError

    def send(self, client: httpx.Client, query: MixQuery, timeout: float) -> httpx.Response:
        response = client.post(self.query_url, content=query.text.encode(), timeout=timeout,
                               headers={"Content-Type": "application/sparql-query", "Accept": query.accept})
        response.read()
        return response

    def start(self) -> None:
        raise NotImplementedError

    def after_cap(self) -> None:
        """Make sure the server is free again after a query ran past the cap."""
        stop(self.process, grace=1.0)
        self.start()

    def stop(self) -> None:
        stop(self.process)

    def pids(self) -> dict[str, int]:
        """The processes whose CPU time and memory count, by role."""
        return {"server": self.process.pid} if self.process else {}


class Oxigraph(Server):
    def __init__(self, name: str, location: Path, *, union: bool) -> None:
        self.name, self.location, self.union = name, location, union
        self.port = free_port()

    @property
    def query_url(self) -> str:
        return f"http://{HOST}:{self.port}/query"

    def start(self) -> None:
        command = [str(BIN / "oxigraph"), "serve", "--location", str(self.location), "--bind", f"{HOST}:{self.port}"]
        self.process = subprocess.Popen(command + (["--union-default-graph"] if self.union else []),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_answers(f"http://{HOST}:{self.port}/", process=self.process)


class Cityrel(Server):
    name = "cityrel"
    stops_itself = True  # at CITYREL_QUERY_TIMEOUT, with 503

    def __init__(self, store: Path, cap: float, remote: dict[str, str] | None = None) -> None:
        self.store, self.cap = store, cap
        self.remote = remote or {"CITYREL_SPARQL_QUERY_URL": ""}  # empty: the embedded engine, whatever .env says
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base}/sparql"

    def start(self) -> None:
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("CITYREL_SPARQL_")}, **self.remote,
               "CITYREL_STORE": str(self.store), "CITYREL_QUERY_TIMEOUT": str(self.cap),
               # the same answers as the peers: no cut-off at the service's default 10,000 rows
               "CITYREL_MAX_ROWS": "100000000"}
        self.process = subprocess.Popen([str(BIN / "cityrel"), "serve", "--host", HOST, "--port", str(self.port)],
                                        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_answers(f"{self.base}/health", process=self.process)

    def after_cap(self) -> None:
        # cityrel stopped the query itself (503) and restarted its engine if it was still busy
        wait_until_answers(f"{self.base}/health")

    def pids(self) -> dict[str, int]:
        found = super().pids()
        try:
            found["engine"] = int(json.loads((self.store / "engine.json").read_text())["pid"])
        except (OSError, ValueError, KeyError):
            pass
        return found


class Virtuoso(Server):
    """Bare Virtuoso: its /sparql, sent forms (it never answers a POST of application/sparql-query)."""

    name = "virtuoso"
    stops_itself = True  # at the timeout= each query carries, marking the answer S1TAT

    def __init__(self, database: VirtuosoDatabase, cap: float) -> None:
        self.database, self.cap = database, cap

    @property
    def query_url(self) -> str:
        return self.database.query_url

    def send(self, client: httpx.Client, query: MixQuery, timeout: float) -> httpx.Response:
        # a new connection for each query: on a kept one Virtuoso's answer waits for the client's delayed
        # acknowledgement (40 ms), as cityrel's CITYREL_SPARQL_KEEP_ALIVE=false avoids
        response = client.post(self.query_url, data={"query": query.text, "timeout": str(round(self.cap * 1000))},
                               headers={"Accept": query.accept, "Connection": "close"}, timeout=timeout)
        response.read()
        return response

    def start(self) -> None:
        self.database.start()  # a no-op while it runs: virtuoso.py created and loaded it

    def after_cap(self) -> None:
        # Virtuoso stopped the query at its timeout=; a restart would empty its caches
        wait_until_answers(self.query_url)
        settle([self], 30.0)

    def stop(self) -> None:
        self.database.stop()

    def pids(self) -> dict[str, int]:
        pid = self.database.pid
        return {"server": pid} if pid else {}


class VirtuosoTsv(Virtuoso):
    """Bare Virtuoso asked for solutions as TSV: its evaluation without its JSON writer.

    Virtuoso 7.2 writes SPARQL JSON and XML in its own procedure language, which on
    answers of a thousand rows takes longer than the query; its TSV writer is fast but
    writes IRIs, strings and dates alike as quoted text, so no client can read the
    terms back. Timed only to show where Virtuoso's time goes; graphs stay N-Triples.
    """

    name = "virtuoso-tsv"
    concurrent_load = False

    def send(self, client: httpx.Client, query: MixQuery, timeout: float) -> httpx.Response:
        accept = query.accept if query.graph else "text/tab-separated-values"
        response = client.post(self.query_url, data={"query": query.text, "timeout": str(round(self.cap * 1000))},
                               headers={"Accept": accept, "Connection": "close"}, timeout=timeout)
        response.read()
        return response

    def stop(self) -> None:
        pass  # the server is bare Virtuoso's, which stops it


class CityrelOnVirtuoso(Cityrel):
    """A second `cityrel serve` whose store is Virtuoso, set up as the README says (CITYREL_SPARQL_*)."""

    name = "cityrel-virtuoso"

    def __init__(self, database: VirtuosoDatabase, unused: Path, cap: float) -> None:
        super().__init__(unused, cap, remote=database.settings)
        self.database = database

    def pids(self) -> dict[str, int]:
        found = Server.pids(self)
        if self.database.pid:
            found["engine"] = self.database.pid
        return found


class Rdflib(Server):
    name = "rdflib"

    def __init__(self, data: Path) -> None:
        self.data = data
        self.port = free_port()
        self.loaded: dict[str, float] = {}
        self.server_pid = 0

    @property
    def query_url(self) -> str:
        return f"http://{HOST}:{self.port}/sparql"

    def start(self) -> None:
        script = Path(__file__).with_name("rdflib_server.py")
        self.process = subprocess.Popen([sys.executable, str(script), str(self.data), "--port", str(self.port)],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.loaded = self._event("loaded")
        self._serving()

    def after_cap(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGUSR1)  # kill the busy server, fork a fresh one over the loaded data
        self._serving()

    def _serving(self) -> None:
        self.server_pid = int(self._event("serving")["pid"])
        wait_until_answers(self.query_url, process=self.process)

    def _event(self, name: str) -> dict[str, float]:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:  # bounded: the supervisor prints a line per event, then exits
            event = json.loads(line)
            if event.get("event") == name:
                return event  # type: ignore[no-any-return]
        raise SystemExit(f"rdflib-endpoint stopped before it said {name!r}")

    def pids(self) -> dict[str, int]:
        return {"server": self.server_pid} if self.server_pid else {}


# -- Measuring -----------------------------------------------------------------------


@dataclass
class Result:
    """One query on one server."""

    rows: int | None = None
    first: float = math.nan
    capped: bool = False
    error: str | None = None
    latencies: list[float] = field(default_factory=list)
    throughput: float = math.nan
    cpu: dict[str, float] = field(default_factory=dict)
    """CPU seconds per sequential request, by process role, counted over each timed request (so a
    process two servers share, Virtuoso under cityrel-virtuoso and bare, is split between them)."""

    @property
    def answered(self) -> bool:
        return not self.capped and not self.error

    @property
    def p50(self) -> float:
        """Infinite for a query that ran past the cap or failed: it did not answer in time."""
        return percentile(self.latencies, 50) if self.answered else math.inf

    @property
    def p95(self) -> float:
        return percentile(self.latencies, 95) if self.answered else math.inf


def send(client: httpx.Client, server: Server, query: MixQuery, timeout: float) -> httpx.Response:
    return server.send(client, query, timeout)


def timed_out(response: httpx.Response) -> bool:
    """Whether an answer says the server stopped the query at the cap.

    cityrel answers 503 both for its deadline and for a store that failed ("The store
    is unavailable: ...", e.g. a query Virtuoso refuses with 500); only the first is
    the cap. Virtuoso sends what it has at its timeout=, marked S1TAT in X-SQL-State
    (or in a 500 when the deadline fell midway through the rows).
    """
    if response.status_code == 503:
        return not response.text.startswith("The store is unavailable")
    return response.headers.get("X-SQL-State") == "S1TAT" or (response.status_code == 500 and "S1TAT" in response.text)


def count_rows(response: httpx.Response, query: MixQuery) -> int:
    if query.graph:
        return sum(1 for line in response.text.splitlines() if line.strip())
    if response.headers.get("Content-Type", "").startswith("text/tab-separated-values"):
        return sum(1 for line in response.text.splitlines()[1:] if line.strip())  # after the header line
    return len(response.json()["results"]["bindings"])


def attempt(client: httpx.Client, server: Server, query: MixQuery, cap: float, result: Result) -> float | None:
    """One timed request; None (and the server restarted) if it ran past the cap or failed."""
    started = time.perf_counter()
    try:
        # cityrel and Virtuoso enforce the cap themselves; the others are cut off here
        response = send(client, server, query, cap + (15.0 if server.stops_itself else 0.0))
    except httpx.TimeoutException:
        response = None
    elapsed = time.perf_counter() - started
    if response is None or timed_out(response) or elapsed > cap:
        result.capped = True
        server.after_cap()
        return None
    if response.status_code != 200:
        result.error = f"HTTP {response.status_code}: {' '.join(response.text.split())[:200]}"
        return None
    if result.rows is None:
        result.rows = count_rows(response, query)
    return elapsed


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sequential(servers: list[Server], query: MixQuery, results: dict[str, Result], *, runs: int, budget: float,
               cap: float) -> None:
    """Warm up each server, then time up to `runs` requests per server, taking turns."""
    clients = {s.name: httpx.Client(trust_env=False) for s in servers}
    try:
        for server in servers:
            result = results[server.name]
            result.first = attempt(clients[server.name], server, query, cap, result) or math.nan
        live = [s for s in servers if not results[s.name].capped and not results[s.name].error]
        settle(servers, 10.0)  # work the warm-up left behind (or a restart after the cap) must not fall on the runs
        spent = {s.name: 0.0 for s in live}
        used: dict[str, dict[str, float]] = {s.name: {} for s in live}  # CPU seconds of the timed requests, by role
        # at least 3 timed runs; 2 for a query that took over a second to warm up
        least = {s.name: 3 if results[s.name].first < 1.0 else 2 for s in live}
        for _ in range(runs):
            turn = [s for s in live if (spent[s.name] < budget or len(results[s.name].latencies) < least[s.name])
                    and not results[s.name].capped and not results[s.name].error]
            if not turn:
                break
            for server in turn:
                result = results[server.name]
                pids = server.pids()
                before = {role: cpu_seconds(pid) for role, pid in pids.items()}
                elapsed = attempt(clients[server.name], server, query, cap, result)
                if elapsed is not None:
                    result.latencies.append(elapsed)
                    spent[server.name] += elapsed
                    for role, pid in pids.items():
                        used[server.name][role] = used[server.name].get(role, 0.0) + cpu_seconds(pid) - before[role]
        for server in live:
            result = results[server.name]
            if result.latencies and not result.capped:
                result.cpu = {role: seconds / len(result.latencies) for role, seconds in used[server.name].items()}
    finally:
        for client in clients.values():
            client.close()


def settle(servers: list[Server], seconds: float = 90.0) -> float:
    """Wait until no server uses CPU, at most `seconds`; seconds waited."""
    started = time.perf_counter()
    wait_until_idle(lambda: sum(cpu_seconds(pid) for server in servers for pid in server.pids().values()), seconds)
    return time.perf_counter() - started


def concurrent(server: Server, query: MixQuery, seconds: float, cap: float) -> float:
    """Requests per second answered to CLIENTS clients that each send one request after another."""
    done = [0] * CLIENTS
    failed = threading.Event()
    until = time.perf_counter() + seconds

    def client(number: int) -> None:
        with httpx.Client(trust_env=False) as http:
            while time.perf_counter() < until and not failed.is_set():
                try:
                    response = send(http, server, query, cap + 15.0)
                except httpx.HTTPError:
                    failed.set()
                    return
                if response.status_code != 200:
                    failed.set()
                    return
                done[number] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failed.is_set():
        server.after_cap()
        return math.nan
    return sum(done) / elapsed


@dataclass
class RestResult:
    first: float
    latencies: list[float]
    status: int


def rest(server: Cityrel, path: str, runs: int, budget: float) -> RestResult:
    with httpx.Client(trust_env=False, timeout=60.0) as client:
        started = time.perf_counter()
        response = client.get(server.base + path)
        first = time.perf_counter() - started
        latencies: list[float] = []
        while len(latencies) < runs and (sum(latencies) < budget or len(latencies) < 3):
            started = time.perf_counter()
            client.get(server.base + path).read()
            latencies.append(time.perf_counter() - started)
    return RestResult(first, latencies, response.status_code)


def _p50_of(action: object, runs: int) -> float:
    """p50 seconds of `action()` over `runs` calls, after 10 unmeasured ones."""
    for _ in range(10):
        action()  # type: ignore[operator]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return percentile(times, 50)


def breakdown(cityrel: Cityrel, engine: Oxigraph, query: MixQuery, runs: int = 200) -> list[tuple[str, float]]:
    """Where a fast query's time goes: the engine alone, cityrel's store client, a bare forwarder (the floor of
    any proxy built like cityrel's), the service's floor, /sparql."""
    from rdflib import URIRef

    from cityrel.store import SparqlStore

    body, headers = query.text.encode(), {"Content-Type": "application/sparql-query", "Accept": query.accept}
    port = free_port()
    forwarder = subprocess.Popen([sys.executable, str(Path(__file__).with_name("forwarder.py")), engine.query_url,
                                  "--port", str(port)])
    try:
        wait_until_answers(f"http://{HOST}:{port}/", process=forwarder)
        with httpx.Client(trust_env=False, timeout=60.0) as client, SparqlStore(
                engine.query_url, engine.query_url, engine.query_url,
                reference_graph=URIRef("urn:x:reference")) as store:
            return [
                ("oxigraph: POST /query", _p50_of(lambda: client.post(engine.query_url, content=body,
                                                                      headers=headers).read(), runs)),
                ("cityrel's SparqlStore.query in this process, to bare oxigraph",
                 _p50_of(lambda: store.query(query.text, accept=query.accept), runs)),
                ("a bare forwarder to bare oxigraph (benchmarks/forwarder.py)",
                 _p50_of(lambda: client.post(f"http://{HOST}:{port}/", content=body, headers=headers).read(), runs)),
                ("cityrel: GET /api/queries (a route that does not reach the store)",
                 _p50_of(lambda: client.get(cityrel.base + "/api/queries").read(), runs)),
                ("cityrel: GET /health (one ASK {} to its engine)",
                 _p50_of(lambda: client.get(cityrel.base + "/health").read(), runs)),
                ("cityrel: POST /sparql", _p50_of(lambda: client.post(cityrel.query_url, content=body,
                                                                      headers=headers).read(), runs)),
            ]
    finally:
        stop(forwarder)


def city_page_queries(engine: Oxigraph, iri: str, runs: int = 5) -> list[tuple[str, float, int]]:
    """The store queries behind the REST city page, each timed on bare oxigraph.

    They are the ones `cityrel.api.lookups.describe` sends, all at once, so the page takes about as long as
    the slowest of them (plus the service's own work), not their sum.
    """
    from cityrel.api.lookups import description_queries

    found = []
    headers = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    with httpx.Client(trust_env=False, timeout=60.0) as client:
        for name, text in description_queries(iri, BASE).items():
            bound = text.encode()
            rows = len(client.post(engine.query_url, content=bound, headers=headers).json()["results"]["bindings"])
            found.append((f"describe(): {name}",
                          _p50_of(lambda bound=bound: client.post(engine.query_url, content=bound,  # type: ignore[misc]
                                                                  headers=headers).read(), runs),
                          rows))
    return found


# -- The run -------------------------------------------------------------------------


def prepare_copy(store: Path, work: Path) -> tuple[Path, float]:
    """A copy of the store's engine database for bare Oxigraph (cityrel's engine holds the original)."""
    target = work / "oxigraph-copy"
    if target.exists():
        shutil.rmtree(target)
    started = time.perf_counter()
    shutil.copytree(store / "oxigraph", target)
    return target, time.perf_counter() - started


def prepare_one_graph(data: Path, work: Path) -> tuple[Path, float]:
    """The same triples in one default graph (each stated once), for the diagnostic column."""
    started = time.perf_counter()
    triples = work / "one-graph.nt"
    with data.open(encoding="utf-8") as quads, triples.open("w", encoding="utf-8") as out:
        for line in quads:
            line = line.rstrip()
            if line:
                out.write(line[:line.rfind(" <", 0, len(line) - 2)] + " .\n")
    location = work / "one-graph"
    if location.exists():
        shutil.rmtree(location)
    location.mkdir(parents=True)
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(location), "--file", str(triples)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    triples.unlink()
    return location, time.perf_counter() - started


def prepare_virtuoso(data: Path, work: Path, cap: float,
                     setup: list[tuple[str, float, str]]) -> list[Server]:
    """Virtuoso on a new database, bulk-loaded from `data`, and a cityrel over it; none where it cannot run."""
    reason = missing()
    if reason:
        setup.append(("Virtuoso left out", math.nan, reason))
        return []
    database = VirtuosoDatabase(work / "virtuoso")
    try:
        started = time.perf_counter()
        database.create()
        setup.append(("start virtuoso on a new database (scripts/virtuoso.sh)", time.perf_counter() - started, ""))
        loaded = database.load(data)
    except RuntimeError as error:
        database.stop()
        setup.append(("Virtuoso left out", math.nan, str(error)))
        return []
    setup.append(("bulk-load the N-Quads into virtuoso (ld_dir, rdf_loader_run, checkpoint)", loaded.seconds,
                  (f"{loaded.quads:,} quads in {loaded.graphs:,} named graphs, "
                  f"{loaded.quads / loaded.seconds:,.0f} quads/s")))
    unused = work / "cityrel-virtuoso"
    unused.mkdir(exist_ok=True)
    return [Virtuoso(database, cap), VirtuosoTsv(database, cap), CityrelOnVirtuoso(database, unused, cap)]


def run(store: Path, data: Path, *, cap: float, runs: int, budget: float, seconds: float, rdflib: bool,
        one_graph: bool, virtuoso: bool = True) -> dict[str, object]:
    work = store.parent / (store.name + "-serving")
    work.mkdir(parents=True, exist_ok=True)
    setup: list[tuple[str, float, str]] = []
    copy, took = prepare_copy(store, work)
    setup.append(("copy the store for bare oxigraph", took, ""))
    servers: list[Server] = [Cityrel(store, cap), Oxigraph("oxigraph", copy, union=True)]
    if one_graph:
        location, took = prepare_one_graph(data, work)
        setup.append(("load the same triples into one graph", took, ""))
        servers.append(Oxigraph("one-graph", location, union=False))
    if rdflib:
        servers.append(Rdflib(data))
    if virtuoso:
        servers += prepare_virtuoso(data, work, cap, setup)
    queries = mix()
    results: dict[str, dict[str, Result]] = {q.name: {s.name: Result() for s in servers} for q in queries}
    rest_results: dict[str, RestResult] = {}
    try:
        for server in servers:
            started = time.perf_counter()
            server.start()
            note = ""
            if isinstance(server, Rdflib):
                note = f"{server.loaded['triples']:,.0f} distinct triples, peak {server.loaded['peak_mb']:,.0f} MB"
            setup.append((f"start {server.name}", time.perf_counter() - started, note))
        setup.append(("wait until no server uses CPU", settle(servers), ""))
        for query in queries:
            print(f"  {query.name} ...", file=sys.stderr, flush=True)
            sequential(servers, query, results[query.name], runs=runs, budget=budget, cap=cap)
            for server in servers:
                result = results[query.name][server.name]
                slow = 0.5 if isinstance(server, Rdflib) else 1.0
                if server.concurrent_load and not result.capped and not result.error and result.p50 <= slow:
                    # a server restarted after the cap, or still busy with the last runs, must not share the window
                    settle(servers, 10.0)
                    result.throughput = concurrent(server, query, seconds, cap)
        cityrel = servers[0]
        assert isinstance(cityrel, Cityrel)
        for label, path in REST.items():
            rest_results[label] = rest(cityrel, path, runs, budget)
        engine = servers[1]
        assert isinstance(engine, Oxigraph)
        split = breakdown(cityrel, engine, queries[0])
        page = city_page_queries(engine, IZMIR)
        memory = {s.name: sum(rss_mb(pid) for pid in s.pids().values()) for s in servers
                  if not isinstance(s, VirtuosoTsv)}  # bare Virtuoso's process
    finally:
        for server in servers:
            server.stop()
    return {"servers": [s.name for s in servers], "queries": queries, "results": results, "rest": rest_results,
            "setup": setup, "memory": memory, "cap": cap, "breakdown": (queries[0].name, split), "page": page}


# -- Printing ------------------------------------------------------------------------


def _ms(result: Result, seconds: float, cap: float) -> object:
    if result.error:
        return "fails"
    if math.isinf(seconds):
        return f"> {cap:g} s"
    return seconds * 1000


def report(outcome: dict[str, object]) -> str:
    servers: list[str] = outcome["servers"]  # type: ignore[assignment]
    queries: list[MixQuery] = outcome["queries"]  # type: ignore[assignment]
    results: dict[str, dict[str, Result]] = outcome["results"]  # type: ignore[assignment]
    cap: float = outcome["cap"]  # type: ignore[assignment]
    has_rdflib, has_one = "rdflib" in servers, "one-graph" in servers
    lines = [table(["setup", "seconds", "note"], outcome["setup"]), ""]  # type: ignore[arg-type]

    headers = ["query", "kind", "rows", "cityrel p50", "p95", "oxigraph p50", "p95", "cityrel/oxigraph"]
    headers += ["rdflib p50", "rdflib/cityrel"] if has_rdflib else []
    headers += ["one-graph p50"] if has_one else []
    rows = []
    for query in queries:
        r = results[query.name]
        c, o = r["cityrel"], r["oxigraph"]
        counts = sorted({x.rows for name, x in r.items() if x.rows is not None and name not in ON_VIRTUOSO})
        row: list[object] = [query.name, query.kind, "/".join(map(str, counts)) or "–",
                             _ms(c, c.p50, cap), _ms(c, c.p95, cap), _ms(o, o.p50, cap), _ms(o, o.p95, cap),
                             _ratio(c.p50, o.p50, cap)]
        if has_rdflib:
            row += [_ms(r["rdflib"], r["rdflib"].p50, cap), _ratio(r["rdflib"].p50, c.p50, cap)]
        if has_one:
            row.append(_ms(r["one-graph"], r["one-graph"].p50, cap))
        rows.append(row)
    lines += [("Sequential latency, ms (one client; rows: the distinct row counts the servers gave: Oxigraph's "
               "union default graph repeats a triple once per graph that states it, rdflib's union and the one-graph "
               "store hold it once)"), table(headers, rows)]
    failures = [f"  {name} on {server}: {result.error}" for name, by_server in results.items()
                for server, result in by_server.items() if result.error and server not in ON_VIRTUOSO]
    lines += (["failed (counted as past the cap):", *failures] if failures else []) + [""]

    headers = ["query", "cityrel req/s", "oxigraph req/s", "cityrel/oxigraph"]
    headers += ["rdflib req/s"] if has_rdflib else []
    headers += ["cityrel CPU ms/req: proxy", "its engine", "oxigraph CPU ms/req"]
    rows = []
    for query in queries:
        r = results[query.name]
        c, o = r["cityrel"], r["oxigraph"]
        row = [query.name, c.throughput, o.throughput, _rate_ratio(c.throughput, o.throughput)]
        if has_rdflib:
            row.append(r["rdflib"].throughput)
        row += [c.cpu.get("server", math.nan) * 1000, c.cpu.get("engine", math.nan) * 1000,
                o.cpu.get("server", math.nan) * 1000]
        rows.append(row)
    lines += [(f"Throughput with {CLIENTS} concurrent clients (queries with p50 ≤ 1 s; rdflib ≤ 0.5 s), and CPU "
               "time per sequential request"), table(headers, rows), ""]
    if "cityrel-virtuoso" in servers:
        lines += [*on_virtuoso(queries, results, cap), ""]

    rest_rows = [[label, r.status, r.first * 1000, percentile(r.latencies, 50) * 1000,
                  percentile(r.latencies, 95) * 1000, len(r.latencies)]
                 for label, r in outcome["rest"].items()]  # type: ignore[union-attr]
    lines += ["REST routes on cityrel, ms", table(["route", "status", "first", "p50", "p95", "runs"], rest_rows), ""]
    name, split = outcome["breakdown"]  # type: ignore[misc]
    lines += [f"Where cityrel's time goes on {name}, p50 ms", table(["path", "p50 ms"],
                                                                     [(k, v * 1000) for k, v in split]), ""]
    lines += ["The REST city page's store queries, on bare oxigraph", table(
        ["query", "p50 ms", "rows"], [(k, v * 1000, n) for k, v, n in outcome["page"]]), ""]  # type: ignore[union-attr]
    memory = outcome["memory"]  # type: ignore[assignment]
    lines.append("resident memory after the run, MB: " + ", ".join(f"{k} {v:,.0f}" for k, v in memory.items()))
    lines += ["", *targets(outcome)]
    return "\n".join(lines)


def on_virtuoso(queries: list[MixQuery], results: dict[str, dict[str, Result]], cap: float) -> list[str]:
    """The Virtuoso tables: cityrel on Virtuoso beside cityrel on its embedded engine, and bare Virtuoso."""
    headers = ["query", "kind", "rows: cityrel", "cityrel-virtuoso", "virtuoso", "cityrel p50",
               "cityrel-virtuoso p50", "p95", "virtuoso p50", "virtuoso TSV p50", "embedded/virtuoso",
               "cityrel-virtuoso/virtuoso"]
    rows = []
    for query in queries:
        r = results[query.name]
        c, cv, v, tsv = r["cityrel"], r["cityrel-virtuoso"], r["virtuoso"], r["virtuoso-tsv"]
        rows.append([query.name, query.kind, c.rows, cv.rows, v.rows, _ms(c, c.p50, cap), _ms(cv, cv.p50, cap),
                     _ms(cv, cv.p95, cap), _ms(v, v.p50, cap), None if query.graph else _ms(tsv, tsv.p50, cap),
                     _answered_ratio(c, cv, cap), _answered_ratio(cv, v, cap)])
    lines = [("Virtuoso: sequential latency, ms (rows per server; virtuoso TSV: bare Virtuoso asked for TSV, which "
              "it writes fast but cannot write losslessly, so its evaluation without its JSON writer; "
              "embedded/virtuoso: cityrel's p50 on its embedded engine over its p50 on Virtuoso, higher means "
              "Virtuoso is faster)"), table(headers, rows)]
    failures = [f"  {name} on {server}: {result.error}" for name, by_server in results.items()
                for server, result in by_server.items() if result.error and server in ON_VIRTUOSO]
    lines += (["failed on Virtuoso:", *failures] if failures else []) + [""]
    headers = ["query", "cityrel req/s", "cityrel-virtuoso req/s", "virtuoso req/s", "cityrel-virtuoso/cityrel",
               "cityrel-virtuoso CPU ms/req: proxy", "virtuoso", "bare virtuoso CPU ms/req"]
    rows = []
    for query in queries:
        r = results[query.name]
        c, cv, v = r["cityrel"], r["cityrel-virtuoso"], r["virtuoso"]
        rows.append([query.name, c.throughput, cv.throughput, v.throughput, _rate_ratio(cv.throughput, c.throughput),
                     cv.cpu.get("server", math.nan) * 1000, cv.cpu.get("engine", math.nan) * 1000,
                     v.cpu.get("server", math.nan) * 1000])
    lines += [(f"Virtuoso: throughput with {CLIENTS} concurrent clients (queries with p50 ≤ 1 s), and CPU time per "
              "sequential request"), table(headers, rows)]
    return lines


def _answered_ratio(a: Result, b: Result, cap: float) -> object:
    """a.p50/b.p50 as _ratio gives it, or "fails" where either server refused the query."""
    return "fails" if a.error or b.error else _ratio(a.p50, b.p50, cap)


def _ratio(a: float, b: float, cap: float) -> object:
    """a/b of two latencies; a bound where one side ran past the cap (counted as the cap)."""
    if math.isinf(a) and math.isinf(b):
        return "both > cap"
    if math.isinf(a):
        return f"≥ {cap / b:.1f}"
    if math.isinf(b):
        return f"≤ {a / cap:.2f}"
    if math.isnan(a) or math.isnan(b) or b == 0:
        return None
    return a / b


def _rate_ratio(a: float, b: float) -> object:
    return a / b if math.isfinite(a) and math.isfinite(b) and b else None


def targets(outcome: dict[str, object]) -> list[str]:
    """The issue's targets, each with its figure and met / NOT met."""
    queries: list[MixQuery] = outcome["queries"]  # type: ignore[assignment]
    results: dict[str, dict[str, Result]] = outcome["results"]  # type: ignore[assignment]
    cap: float = outcome["cap"]  # type: ignore[assignment]
    lines = ["Targets"]
    ratios = {q.name: results[q.name]["cityrel"].p50 / results[q.name]["oxigraph"].p50 for q in queries
              if math.isfinite(results[q.name]["cityrel"].p50) and math.isfinite(results[q.name]["oxigraph"].p50)}
    unmeasured = [q.name for q in queries if q.name not in ratios]
    worst = max(ratios.items(), key=lambda item: item[1]) if ratios else ("–", math.nan)
    over = sorted(name for name, ratio in ratios.items() if ratio > 1.2)
    lines.append(f"- p50 cityrel/oxigraph ≤ 1.2 for every query: {'met' if not over else 'NOT met'}; worst "
                 f"{worst[1]:.2f} ({worst[0]}); over 1.2: {', '.join(over) or 'none'}; "
                 f"median {median(list(ratios.values())):.2f}")
    if unmeasured:
        lines.append(f"  not measurable (> {cap:g} s on cityrel or oxigraph): {', '.join(unmeasured)}")
    throughput = {q.name: results[q.name]["cityrel"].throughput / results[q.name]["oxigraph"].throughput
                  for q in queries if math.isfinite(results[q.name]["cityrel"].throughput)
                  and math.isfinite(results[q.name]["oxigraph"].throughput)}
    low = sorted(name for name, ratio in throughput.items() if ratio < 0.8)
    lines.append(f"- throughput cityrel/oxigraph ≥ 0.8 with {CLIENTS} clients: "
                 f"{'met' if not low else 'NOT met'}; geometric mean {geometric_mean(list(throughput.values())):.2f} "
                 f"over {len(throughput)} queries, lowest {min(throughput.values(), default=math.nan):.2f}; "
                 f"under 0.8: {', '.join(low) or 'none'}")
    if "rdflib" in outcome["servers"]:  # type: ignore[operator]
        pairs = [(results[q.name]["rdflib"].p50, results[q.name]["cityrel"].p50) for q in queries]
        measured = [(r, c) for r, c in pairs if math.isfinite(c)]
        per_query = sorted((cap if math.isinf(r) else r) / c for r, c in measured)
        median_ratio = median(per_query)
        rdflib_p50s = sorted(cap if math.isinf(r) else r for r, _ in pairs)
        cityrel_p50s = sorted(cap if math.isinf(c) else c for _, c in pairs)
        of_medians = median(rdflib_p50s) / median(cityrel_p50s)
        lines.append(f"- rdflib/cityrel ≥ 20 on the mix's median query: {'met' if median_ratio >= 20 else 'NOT met'}; "
                     f"median of per-query ratios {median_ratio:.1f} (a query past the cap on rdflib counts as the "
                     f"cap: a lower bound); ratio of the median p50s {of_medians:.1f}")
    lines.append(virtuoso_target(outcome))
    rest_results: dict[str, RestResult] = outcome["rest"]  # type: ignore[assignment]
    page = next((r for label, r in rest_results.items() if label.startswith("city page")), None)
    if page is not None:
        p50 = percentile(page.latencies, 50) * 1000
        lines.append(f"- REST city page p50 < 20 ms: {'met' if p50 < 20 else 'NOT met'}; {p50:.1f} ms, the page kept "
                     f"since the first request, which computed it in {page.first * 1000:.0f} ms (as after any write)")
    return lines


def virtuoso_target(outcome: dict[str, object]) -> str:
    """The join and aggregation queries through cityrel, embedded p50 over Virtuoso p50: each ≥ 4."""
    queries: list[MixQuery] = outcome["queries"]  # type: ignore[assignment]
    results: dict[str, dict[str, Result]] = outcome["results"]  # type: ignore[assignment]
    cap: float = outcome["cap"]  # type: ignore[assignment]
    what = "- join and aggregation queries through cityrel on Virtuoso ≥ 4× faster than on the embedded store: "
    if "cityrel-virtuoso" not in outcome["servers"]:  # type: ignore[operator]
        reasons = [note for step, _, note in outcome["setup"] if step == "Virtuoso left out"]  # type: ignore[attr-defined]
        return what + "not measured; " + (reasons[0] if reasons else "left out (--no-virtuoso)")
    ratios, failed, slow = [], [], []
    for query in (q for q in queries if q.kind in ("join", "aggregation")):
        embedded, remote = results[query.name]["cityrel"], results[query.name]["cityrel-virtuoso"]
        if remote.error:
            failed.append(f"{query.name} (fails on Virtuoso)")
            continue
        if math.isinf(remote.p50):
            slow.append(f"{query.name} (> {cap:g} s on Virtuoso)")
            continue
        ratio = (cap if math.isinf(embedded.p50) else embedded.p50) / remote.p50
        bound = "≥ " if math.isinf(embedded.p50) else ""
        ratios.append((query.name, ratio, bound))
    under = [name for name, ratio, _ in ratios if ratio < 4]
    met = not under and not failed and not slow
    listed = ", ".join(f"{name} {bound}{ratio:.2f}" for name, ratio, bound in ratios)
    return (what + f"{'met' if met else 'NOT met'}; ratios (embedded p50 / Virtuoso p50) {listed}"
            + (f"; under 4: {', '.join(under)}" if under else "")
            + (f"; not answered: {', '.join(failed + slow)}" if failed or slow else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store directory made by generate.py")
    parser.add_argument("--data", type=Path, required=True, help="the N-Quads file it was loaded from")
    parser.add_argument("--cap", type=float, default=5.0, help="seconds a query may take (default 5)")
    parser.add_argument("--runs", type=int, default=20, help="sequential runs per query and server (default 20)")
    parser.add_argument("--budget", type=float, default=2.0,
                        help="seconds of sequential runs per query and server, at least 3 runs (default 2)")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds of concurrent load per query")
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--no-one-graph", action="store_true", help="leave out the diagnostic one-graph column")
    parser.add_argument("--no-virtuoso", action="store_true", help="leave out Virtuoso and cityrel on Virtuoso")
    args = parser.parse_args()
    outcome = run(args.store.resolve(), args.data.resolve(), cap=args.cap, runs=args.runs, budget=args.budget,
                  seconds=args.seconds, rdflib=not args.no_rdflib, one_graph=not args.no_one_graph,
                  virtuoso=not args.no_virtuoso)
    print(report(outcome))


if __name__ == "__main__":
    main()
