"""Stage 5: the store, one interface that speaks SPARQL 1.1 Protocol, Update and Graph Store Protocol.

cityrel reaches its store only over HTTP, through `SparqlStore`, so the embedded
default and a remote SPARQL server are the same code path with another URL.
The embedded default is an `oxigraph serve` process, an `Engine`, that cityrel
starts on loopback over the store directory (settings.store) and stops again:

    var/cityrel/        settings.store, or $CITYREL_STORE
      oxigraph/         the engine's database; only the engine opens it
      engine.json       {pid, port, started} of the running engine, while one runs
      engine.log        what the engine printed
      engine.lock       held while an engine is found, started, restarted or stopped
      engine.users      share-locked by every process that uses the engine

Any number of cityrel processes share one engine: the first starts it, the
others find it through engine.json, and the last one to leave stops it, so
`cityrel ingest` works whether or not `cityrel serve` is running.

Why a separate process: pyoxigraph cannot stop a running query, and a second
process that opens the directory read-only does not see new writes.

Why cityrel keeps its own query deadline: measured with oxigraph 0.5.13, a
client hanging up does not stop a large join, nor does `--timeout-s` (which
also starts one sleeping thread per query); only stopping the process does. So
at the deadline the store drops the connection and, for the embedded engine,
restarts the engine if it still keeps a core busy (`Engine.reclaim`).

Why an article write is atomic: `put_article` sends one SPARQL Update request,
and Oxigraph evaluates all operations of one request in one RocksDB
transaction (tests/test_store.py shows it, and shows that killing the writer
or the engine mid-write leaves the article wholly there or not at all).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from shutil import which
from typing import Any, Self

import httpx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from cityrel.errors import CityrelError, QueryError, QueryTimeout, StoreError
from cityrel.rdf import ArticleGraph, Minter
from cityrel.settings import Settings

__all__ = [
    "RESULTS_JSON",
    "Change",
    "Engine",
    "ExportFormat",
    "QueryResult",
    "SparqlStore",
    "Term",
    "open_store",
    "running_engine",
]

Term = URIRef | Literal | BNode
"""A value in a query solution."""

RESULTS_JSON = "application/sparql-results+json"

_HOST = "127.0.0.1"
_CONNECT_SECONDS = 5.0
_SLOW = httpx.Timeout(300.0, connect=_CONNECT_SECONDS)
"""For writes, graph reads and exports: they take as long as the data is large."""
_READY_SECONDS = 10.0
_CANCELLED = b"The SPARQL operation has been cancelled"
"""What Oxigraph writes at the end of a 200 answer when it cancelled the query itself."""


# -- The embedded engine ---------------------------------------------------


class Engine:
    """An `oxigraph serve` process over one store directory, listening on loopback.

    `Engine.start(directory)` starts one; `Engine.find(directory)` finds the one
    another cityrel process started. `running_engine()` does either, and stops the
    engine when its last user leaves.
    """

    def __init__(self, directory: Path, pid: int, port: int) -> None:
        self.directory = directory.resolve()
        self.pid = pid
        self.port = port
        self._process: subprocess.Popen[bytes] | None = None
        self._reclaiming = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://{_HOST}:{self.port}"

    @property
    def database(self) -> Path:
        return self.directory / "oxigraph"

    @classmethod
    def start(cls, directory: Path) -> Engine:
        """Start an engine over `directory` on a free loopback port; return once it answers."""
        engine = cls(directory, pid=0, port=0)
        for _attempt in range(3):
            port = _free_port()
            if engine._spawn(port):
                return engine
        raise StoreError(f"The Oxigraph engine found no free port on {_HOST}.")

    @classmethod
    def find(cls, directory: Path) -> Engine | None:
        """The engine that a cityrel process left running on `directory`, if it still answers.

        A record of a dead engine is removed; an engine that is alive but does not
        answer is stopped, so that a new one can open the directory.
        """
        path = directory / "engine.json"
        try:
            record = json.loads(path.read_text())
            engine = cls(directory, pid=int(record["pid"]), port=int(record["port"]))
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            return None
        if engine.running() and _answers(engine.url):
            return engine
        engine.stop()
        path.unlink(missing_ok=True)
        return None

    def running(self) -> bool:
        """Whether the process is alive and is an Oxigraph server over this directory."""
        if not _alive(self.pid):
            return False
        try:
            argv = Path(f"/proc/{self.pid}/cmdline").read_bytes().split(b"\0")
        except FileNotFoundError:
            return False
        except OSError:  # no /proc on this system: trust the pid
            return True
        return os.fsencode(self.database) in argv

    def stop(self, grace: float = 5.0) -> None:
        """Ask the engine to stop, kill it if it has not after `grace` seconds, and remove its record."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not self.running():
                break
            with suppress(ProcessLookupError):
                os.kill(self.pid, sig)
            self._wait_gone(grace)
        if _recorded_pid(self.directory) == self.pid:
            (self.directory / "engine.json").unlink(missing_ok=True)

    def restart(self) -> None:
        """Stop the engine (killing it if need be) and start it again on the same port."""
        with _exclusive(self.directory):
            self._follow_record()
            self.stop(grace=1.0)
            if not self._spawn(self.port):
                raise StoreError(f"The Oxigraph engine could not start again on port {self.port}.")

    def cpu_seconds(self) -> float:
        """CPU time the engine has used so far, user plus system (/proc/PID/stat fields 14 and 15)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError as error:
            raise StoreError(f"Cannot read the CPU time of the engine (pid {self.pid}): {error}") from None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def reclaim(self, grace: float = 0.5) -> bool:
        """After a query was abandoned: restart the engine if it still keeps a core busy.

        Oxigraph does not notice that the client hung up while it evaluates a join,
        so without this a runaway query can hold a core for minutes. A restart also
        ends the other requests in flight; a write among them is rolled back whole.
        Returns whether the engine was restarted.
        """
        with self._reclaiming:
            self._follow_record()
            try:
                before = self.cpu_seconds()
                time.sleep(grace)
                if self.cpu_seconds() - before < grace / 5:  # idle; a runaway query uses a whole core
                    return False
            except StoreError:
                pass  # gone, or not measurable here: start afresh
            self.restart()
            return True

    def _follow_record(self) -> None:
        """Follow a restart done by another cityrel process: it leaves the port, changes the pid."""
        recorded = _recorded_pid(self.directory)
        if recorded is not None and recorded != self.pid:
            self.pid, self._process = recorded, None

    def _spawn(self, port: int) -> bool:
        """Start the process on `port` and record it once it answers; False if the port is taken."""
        self.database.mkdir(parents=True, exist_ok=True)
        log_path = self.directory / "engine.log"
        with log_path.open("ab") as log:
            offset = log.tell()
            process = subprocess.Popen(
                [_binary(), "serve", "--location", str(self.database),
                 "--bind", f"{_HOST}:{port}", "--union-default-graph"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                env={**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"},
                start_new_session=True,  # Ctrl-C reaches cityrel, which stops the engine itself
            )
        url = f"http://{_HOST}:{port}"
        started = time.monotonic()
        while process.poll() is None and time.monotonic() - started < _READY_SECONDS:
            if _answers(url):
                self.pid, self.port, self._process = process.pid, port, process
                _write_record(self.directory, pid=process.pid, port=port)
                return True
            time.sleep(0.02)
        if process.poll() is None:
            process.kill()
            process.wait()
            raise StoreError(f"The Oxigraph engine did not answer within {_READY_SECONDS:g} s; "
                             f"see {log_path}.")
        reason = _first_error(log_path, offset)
        if "Address already in use" in reason:
            return False
        hint = " Another program has this store open; stop it and try again." if "lock" in reason else ""
        raise StoreError(f"The Oxigraph engine could not open {self.database}: {reason}.{hint}")

    def _wait_gone(self, seconds: float) -> None:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            if self._process is not None and self._process.pid == self.pid:
                if self._process.poll() is not None:
                    return
            else:
                _reap(self.pid)
                if not _alive(self.pid):
                    return
            time.sleep(0.01)


@contextmanager
def running_engine(directory: Path) -> Iterator[Engine]:
    """The engine over `directory` for the duration: the running one if any, else a new one.

    Every user holds a shared lock on engine.users; the last one to leave stops the
    engine, whichever process started it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    users = (directory / "engine.users").open("ab")
    try:
        with _exclusive(directory):
            fcntl.flock(users, fcntl.LOCK_SH)
            engine = Engine.find(directory) or Engine.start(directory)
    except BaseException:
        users.close()
        raise
    try:
        yield engine
    finally:
        with _exclusive(directory):
            users.close()
            if _unused(directory):
                for candidate in (Engine.find(directory), engine):
                    if candidate is not None:
                        candidate.stop()


@contextmanager
def _exclusive(directory: Path) -> Iterator[None]:
    """Hold engine.lock: one process at a time finds, starts, restarts or stops the engine."""
    with (directory / "engine.lock").open("ab") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _unused(directory: Path) -> bool:
    """Whether no process holds its share of engine.users (call with engine.lock held)."""
    with (directory / "engine.users").open("ab") as probe:
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def _binary() -> str:
    """The `oxigraph` executable installed with the `oxigraph` package, beside this Python."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else which("oxigraph")
    if found is None:
        raise StoreError("The `oxigraph` executable was not found; install cityrel's dependencies.")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((_HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    """Whether an Oxigraph server answers at `url`."""
    try:
        response = httpx.head(url + "/", timeout=2.0, trust_env=False)
    except httpx.HTTPError:
        return False
    server: str = response.headers.get("server", "")
    return server.startswith("Oxigraph")


def _alive(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:  # no /proc on this system
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def _reap(pid: int) -> None:
    """Collect the exit status of a child of this process that another Engine object started."""
    with suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _write_record(directory: Path, *, pid: int, port: int) -> None:
    record = {"pid": pid, "port": port, "started": datetime.now(UTC).isoformat(timespec="seconds")}
    partial = directory / "engine.json.partial"
    partial.write_text(json.dumps(record) + "\n")
    partial.replace(directory / "engine.json")


def _recorded_pid(directory: Path) -> int | None:
    try:
        return int(json.loads((directory / "engine.json").read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _first_error(log_path: Path, offset: int) -> str:
    with log_path.open("rb") as log:
        log.seek(offset)
        lines = log.read().decode(errors="replace").splitlines()
    errors = [line.removeprefix("Error: ") for line in lines if line.startswith("Error:")]
    return (errors or [line for line in lines if line.strip()] or ["it exited without a message"])[0]


# -- The store interface ---------------------------------------------------


@dataclass(frozen=True)
class QueryResult:
    """An engine's complete answer to a query, as it sent it."""

    content_type: str
    body: bytes


class Change(StrEnum):
    """What putting an article did to its graph."""

    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


class ExportFormat(StrEnum):
    """Formats of `SparqlStore.export`; TriG, N-Quads and JSON-LD keep the named graphs."""

    TRIG = "trig"
    NQUADS = "nquads"
    JSONLD = "jsonld"
    TURTLE = "turtle"
    NTRIPLES = "ntriples"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @property
    def keeps_graphs(self) -> bool:
        return self in (ExportFormat.TRIG, ExportFormat.NQUADS, ExportFormat.JSONLD)


_MEDIA_TYPES = {
    ExportFormat.TRIG: "application/trig",
    ExportFormat.NQUADS: "application/n-quads",
    ExportFormat.JSONLD: "application/ld+json",
    ExportFormat.TURTLE: "text/turtle",
    ExportFormat.NTRIPLES: "application/n-triples",
}


class SparqlStore:
    """cityrel's one store interface: a client of a SPARQL 1.1 Protocol and Graph Store Protocol server.

    `query_url`, `update_url` and `store_url` are the server's query, update and
    graph store endpoints; `reference_graph` is the graph shared by all articles.
    `timeout` is the default query deadline in seconds. `on_deadline` is called
    after a query was abandoned at its deadline (the embedded engine passes
    `Engine.reclaim`, so the abandoned work really stops).
    """

    def __init__(
        self,
        query_url: str,
        update_url: str,
        store_url: str,
        *,
        reference_graph: URIRef,
        timeout: float = 30.0,
        auth: tuple[str, str] | None = None,
        on_deadline: Callable[[], object] | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.reference_graph = reference_graph
        self.timeout = timeout
        self._on_deadline = on_deadline
        # trust_env=False: the embedded engine is on loopback, never behind a proxy.
        self._client = httpx.Client(auth=auth, timeout=_SLOW, trust_env=False)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------

    def query(self, sparql: str, *, accept: str = RESULTS_JSON, timeout: float | None = None) -> QueryResult:
        """Run one SPARQL query and return the engine's complete answer.

        Raises QueryTimeout if the whole answer has not arrived within `timeout`
        seconds (default: the store's): the connection is dropped and `on_deadline`
        runs before the error is raised. Also raises QueryTimeout for an answer that
        the engine cut short because it cancelled the query itself. Raises
        QueryError if the engine rejects the query, StoreError if it cannot be reached.
        """
        seconds = self.timeout if timeout is None else timeout
        try:
            return self._answer(sparql, accept, seconds)
        except _DeadlinePassed:
            pass  # the connection is closed by now
        if self._on_deadline is not None:
            self._on_deadline()
        raise QueryTimeout(f"The query did not finish within {seconds:g} s and was stopped.")

    def select(self, sparql: str, *, timeout: float | None = None) -> list[dict[str, Term]]:
        """The solutions of a SELECT query, each a dict from variable name to value (unbound ones absent)."""
        answer = json.loads(self.query(sparql, timeout=timeout).body)
        return [{name: _term(value) for name, value in row.items()} for row in answer["results"]["bindings"]]

    def ask(self, sparql: str, *, timeout: float | None = None) -> bool:
        """The answer to an ASK query."""
        return bool(json.loads(self.query(sparql, timeout=timeout).body)["boolean"])

    def count(self, graph: URIRef | None = None) -> int:
        """The number of triples in one named graph, or in all named graphs together.

        cityrel writes nothing to the default graph.
        """
        target = "?g" if graph is None else _n3(graph)
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {target} {{ ?s ?p ?o }} }}")
        return int(rows[0]["n"])

    def graph_names(self) -> list[URIRef]:
        """The names of the store's named graphs, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(name for row in rows if isinstance(name := row.get("g"), URIRef))

    def graph(self, name: URIRef) -> Graph | None:
        """The triples of one named graph, or None if the store has no such graph."""
        response = self._send("GET", self.store_url, "read of a graph", params={"graph": str(name)},
                              headers={"Accept": "application/n-triples"})
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise _refusal(response, "read of a graph")
        return Graph().parse(data=response.content, format="nt")

    def export(self, fmt: ExportFormat, graph: URIRef | None = None) -> Iterator[bytes]:
        """Stream the whole store, or one named graph, serialised in `fmt`, without holding it in memory.

        The whole store in TriG, N-Quads or JSON-LD keeps its named graphs; in
        Turtle or N-Triples it is the union of the named graphs. One graph is
        exported in Turtle, N-Triples or JSON-LD.

        The request is sent by this call, so an unreachable store, a refusal or a
        missing graph raise here, before any byte. Iterate the result to its end or
        close() it. A cut-off export raises StoreError after its last chunk.
        """
        if graph is not None and fmt in (ExportFormat.TRIG, ExportFormat.NQUADS):
            raise QueryError(f"{fmt.value} is for the whole store; "
                             "export one graph as turtle, ntriples or jsonld.")
        headers = {"Accept": fmt.media_type}
        if graph is None and not fmt.keeps_graphs:
            union = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
            request = self._client.build_request(
                "POST", self.query_url, content=union.encode(),
                headers={**headers, "Content-Type": "application/sparql-query"}, timeout=_SLOW)
        else:
            params = {} if graph is None else {"graph": str(graph)}
            request = self._client.build_request("GET", self.store_url, params=params, headers=headers,
                                                 timeout=_SLOW)
        try:
            response = self._client.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise _unreachable(str(request.url), error) from None
        except httpx.TransportError as error:
            raise StoreError(f"The export from {request.url} failed: {error}") from None
        if response.status_code != 200:
            response.read()
            response.close()
            if response.status_code == 404 and graph is not None:
                raise QueryError(f"The store has no graph {graph}.")
            raise _refusal(response, "export")
        return self._chunks(response, fmt)

    # -- writing -----------------------------------------------------------

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request; the engine applies all of it or none of it."""
        response = self._send("POST", self.update_url, "update", content=sparql.encode(),
                              headers={"Content-Type": "application/sparql-update"})
        if response.status_code not in (200, 204):
            raise _refusal(response, "update")

    def put_article(self, article: ArticleGraph) -> Change:
        """Replace the article's graph and add its reference triples, in one atomic request.

        Putting the same article again changes nothing; an article whose content
        changed replaces its own graph and nothing else (reference triples are shared,
        so they are only ever added). The result says how the stored graph compared
        with the new one (a graph with blank nodes never compares equal).
        """
        if article.name == self.reference_graph:
            raise ValueError(f"An article graph cannot be named {article.name}: that is the reference graph.")
        if any(isinstance(term, BNode) for triple in article.reference for term in triple):
            raise ValueError(f"The reference triples of {article.name} contain blank nodes; "
                             "they would be added again on every ingest.")
        before = self.graph(article.name)
        self.update(_replace_graph(article, self.reference_graph))
        if before is None:
            return Change.ADDED
        return Change.UNCHANGED if set(before) == set(article.statements) else Change.REPLACED

    def delete_graph(self, name: URIRef) -> bool:
        """Remove one named graph; returns whether it held any triples."""
        existed = self.ask(f"ASK {{ GRAPH {_n3(name)} {{ ?s ?p ?o }} }}")
        self.update(f"DROP SILENT GRAPH {_n3(name)}")
        return existed

    # -- HTTP --------------------------------------------------------------

    def _answer(self, sparql: str, accept: str, seconds: float) -> QueryResult:
        """Read the whole answer to a query, or raise _DeadlinePassed with the connection closed."""
        deadline = time.monotonic() + seconds
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        chunks: list[bytes] = []
        try:
            with self._client.stream("POST", self.query_url, content=sparql.encode(), headers=headers,
                                     timeout=httpx.Timeout(seconds, connect=_CONNECT_SECONDS)) as response:
                if response.status_code != 200:
                    response.read()
                    raise _refusal(response, "query")
                # The deadline is checked between chunks; each read waits at most `seconds`.
                for chunk in response.iter_bytes():
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise _DeadlinePassed
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise _unreachable(self.query_url, error) from None
        except httpx.TimeoutException:
            raise _DeadlinePassed from None
        except httpx.TransportError as error:
            raise StoreError(f"The connection to {self.query_url} broke during the query: {error}") from None
        content_type = response.headers.get("content-type", accept)
        body = b"".join(chunks)
        _check_complete(content_type, body)
        return QueryResult(content_type, body)

    def _send(self, method: str, url: str, what: str, **options: Any) -> httpx.Response:
        try:
            return self._client.request(method, url, **options)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise _unreachable(url, error) from None
        except httpx.TimeoutException:
            raise StoreError(f"The store at {url} did not answer the {what} in {_SLOW.read:g} s.") from None
        except httpx.TransportError as error:
            reason = str(error).rstrip(".")
            retry = " An update is applied whole or not at all: safe to repeat." if what == "update" else ""
            raise StoreError(f"The connection to {url} broke during the {what}: {reason}.{retry}") from None

    def _chunks(self, response: httpx.Response, fmt: ExportFormat) -> Iterator[bytes]:
        try:
            tail = b""
            for chunk in response.iter_bytes():
                yield chunk
                tail = (tail + chunk)[-len(_CANCELLED) - 64:]
            _check_complete(fmt.media_type, tail)
        except httpx.TransportError as error:
            raise StoreError(f"The export from {response.url} broke off: {error}") from None
        finally:
            response.close()


class _DeadlinePassed(Exception):
    """A query's deadline passed; internal to SparqlStore.query."""


def _unreachable(url: str, error: Exception) -> StoreError:
    return StoreError(f"Cannot reach the store at {url}: {error}")


def _refusal(response: httpx.Response, what: str) -> CityrelError:
    """The error for a non-success answer: QueryError for a rejected query or update, else StoreError."""
    message = response.text.strip() or response.reason_phrase
    if response.status_code in (400, 406) and what in ("query", "update"):  # 406: an Accept it cannot serve
        return QueryError(f"The store rejected the {what}: {message}")
    return StoreError(f"The store refused the {what} (HTTP {response.status_code}): {message}")


_COMPLETE_ENDINGS = {
    "application/sparql-results+json": (b"}",),
    "application/json": (b"}",),
    "application/ld+json": (b"}", b"]"),
    "application/sparql-results+xml": (b">",),
    "application/rdf+xml": (b">",),
    "application/n-triples": (b".",),
    "application/n-quads": (b".",),
    "text/turtle": (b".",),
    "application/trig": (b".", b"}"),
}
"""How a complete, non-empty answer ends, by media type; others are checked for the cancellation text only."""


def _check_complete(content_type: str, body: bytes) -> None:
    """Raise unless `body` (or its last bytes) ends like a complete answer of `content_type`."""
    end = body.rstrip()
    if end.endswith(_CANCELLED):
        raise QueryTimeout("The engine stopped the query before it finished (its own time limit).")
    endings = _COMPLETE_ENDINGS.get(content_type.split(";")[0].strip().lower())
    if end and endings and not end.endswith(endings):
        raise StoreError(f"The store's answer ({content_type}) was cut off: it ends with {end[-60:]!r}.")


def _term(value: dict[str, str]) -> Term:
    """A term from its SPARQL 1.1 JSON results form."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        return Literal(value["value"], datatype=value.get("datatype"))
    raise StoreError(f"The store answered with a term of unknown type {kind!r}.")


_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def _n3(term: Node) -> str:
    """`term` in N-Triples syntax, which SPARQL accepts as is; refuses what would not read back the same."""
    if isinstance(term, URIRef) and not _ABSOLUTE_IRI.match(term):
        raise StoreError(f"Cannot write <{term}>: IRIs in the store must be absolute.")
    try:
        return term.n3()
    except Exception as error:  # noqa: BLE001 - rdflib raises a bare Exception for an IRI it cannot write
        raise StoreError(f"Cannot write {term!r}: {error}") from None


def _replace_graph(article: ArticleGraph, reference_graph: URIRef) -> str:
    """One SPARQL Update request: drop the article's graph, insert it anew, add its reference triples."""
    lines = [f"DROP SILENT GRAPH {_n3(article.name)} ;", "INSERT DATA {"]
    for name, graph in ((article.name, article.statements), (reference_graph, article.reference)):
        if len(graph):
            lines.append(f"GRAPH {_n3(name)} {{")
            lines.extend(f"{_n3(s)} {_n3(p)} {_n3(o)} ." for s, p, o in graph)
            lines.append("}")
    lines.append("}")
    return "\n".join(lines)


# -- Opening the store -----------------------------------------------------


@contextmanager
def open_store(settings: Settings) -> Iterator[SparqlStore]:
    """The store of `settings` for the duration of the block.

    The embedded Oxigraph engine over `settings.store`: the one another cityrel
    process is running, or one started here and stopped when its last user leaves.
    """
    reference = Minter(settings.base_iri).reference_graph()
    # A remote SPARQL server (a later issue) is chosen here: a SparqlStore on its URLs, no Engine.
    with running_engine(settings.store) as engine:
        url = engine.url
        with SparqlStore(f"{url}/query", f"{url}/update", f"{url}/store", reference_graph=reference,
                         timeout=settings.query_timeout, on_deadline=engine.reclaim) as store:
            yield store
