"""Stage 5: the store, one interface that speaks SPARQL 1.1 Protocol, Update and Graph Store Protocol.

cityrel reaches its store only over HTTP, through `SparqlStore`, so the embedded
default and a remote SPARQL server are the same code path with another URL.
The embedded default is an `oxigraph serve` process, an `Engine`, that cityrel
starts on loopback over the store directory (settings.store) and stops again:

    var/cityrel/        settings.store, or $CITYREL_STORE
      oxigraph/         the engine's database; only the engine opens it
      engine.json       {pid, port, memory_limit, started} of the running engine, while one runs
      engine.log        what the engine printed
      engine.lock       held while an engine is found, started, restarted or stopped
      engine.users      share-locked by every process that uses the engine
      writes            a byte for each write request cityrel sent the engine (`WriteCount`)

Any number of cityrel processes share one engine: the first starts it, the
others find it through engine.json, and the last one to leave stops it, so
`cityrel ingest` works whether or not `cityrel serve` is running.

With settings.sparql_query_url set, `open_store` gives a SparqlStore on a remote
server's endpoints instead (Virtuoso, Fuseki, GraphDB, another Oxigraph): no
Engine, and nothing that needs one. What cityrel asks of any server:

- Queries are POSTed as forms (`query=`), the protocol's most portable way:
  Virtuoso 7.2 never answers a POST with `Content-Type: application/sparql-query`
  (openlink/virtuoso-opensource#842). The embedded engine takes the query as the
  body itself (`direct_queries`): URL-encoding a form in Python costs the service
  more than anything else it does for a query of a few kilobytes.
- cityrel's graphs are the named graphs whose IRIs start like the reference
  graph's (`<base>graph/`); a server's own graphs (Virtuoso has several) are
  neither listed, counted, validated nor exported. Queries cityrel sends itself
  name their graphs (`GRAPH ?g`), so they do not depend on what the server takes
  for the default graph.
- Credentials go as HTTP Basic or Digest, whichever an endpoint's challenge asks for,
  and only to endpoints that ask (Virtuoso: updates only; reads stay anonymous).
- The service reads through `query_async` (aiohttp, in its event loop), everything
  else through the blocking methods (httpx). Both send the same request and check
  the answer the same way; the service's way saves a point lookup a worker-thread
  hand-off and httpx's pure-Python HTTP, which cost more than the engine's work.
- An answer the server cut short is an error, never a result: Oxigraph's
  cancellation text, Virtuoso's partial "anytime" answers (X-SQL-State) and its
  row cap (X-SPARQL-MaxRows); a graph read is checked against a count of the graph.

Why a separate process: pyoxigraph cannot stop a running query, and a second
process that opens the directory read-only does not see new writes.

Why cityrel keeps its own query deadline: measured with oxigraph 0.5.13, a
client hanging up does not stop a large join, nor does `--timeout-s` (which
also starts one sleeping thread per query); only stopping the process does. So
at the deadline the store drops the connection and, for the embedded engine,
restarts the engine if it still keeps a core busy (`Engine.reclaim`). A remote
server cannot be restarted by cityrel; where it takes a per-query limit
(`timeout_parameter`, Virtuoso's `timeout=` in milliseconds) cityrel sends its
deadline along, so the server stops the work itself.

Why the engine is watched: a query can need more memory than the machine has (a
join that keeps every row, an OPTIONAL that joins every label to each row); one
took an engine past 24 GB in 15 s, and the kernel then kills whichever process
it picks. So the engine gets a memory limit (settings.engine_memory_mb) and
stops alone when a query passes it, and every cityrel process using the engine
checks twice a second that it still runs and starts it again on the same port
if not (`Engine.revive`), whatever stopped it. The query that was running fails
(503); the next ones are answered.

Why an article write is whole: `put_articles` sends one SPARQL Update request
for a batch of articles that deletes what each stored graph has and the new
one lacks, and inserts what it lacks. Oxigraph evaluates all operations of one
request in one RocksDB transaction (tests/test_store.py shows it, and shows
that killing the writer or the engine mid-write leaves the articles wholly
there or not at all).
Virtuoso 7.2 (measured, tests/test_remote.py and the README) also keeps one
request whole across a crash, but lets other readers see it half applied, and
loses a triple that one request deletes and inserts again when it replays its
log after a crash: so no request of cityrel's deletes a triple it inserts.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import logging
import math
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from shutil import which
from typing import Any, Self
from urllib.parse import urlencode

import aiohttp
import httpx
import orjson
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from cityrel.errors import CityrelError, QueryError, QueryTimeout, StoreError
from cityrel.namespaces import CREL, PROV
from cityrel.rdf import ArticleGraph, Minter, OxigraphTriples, Triple
from cityrel.settings import Settings

__all__ = [
    "RESULTS_JSON",
    "Change",
    "Engine",
    "ExportFormat",
    "QueryResult",
    "SparqlStore",
    "Term",
    "Triple",
    "WriteCount",
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
_WATCH_SECONDS = 0.5
"""How often each process using the engine checks that it still runs."""
_log = logging.getLogger("cityrel.store")
_CANCELLED = b"The SPARQL operation has been cancelled"
"""What Oxigraph writes at the end of a 200 answer when it cancelled the query itself."""


# -- The embedded engine ---------------------------------------------------


class Engine:
    """An `oxigraph serve` process over one store directory, listening on loopback.

    `Engine.start(directory)` starts one; `Engine.find(directory)` finds the one
    another cityrel process started. `running_engine()` does either, and stops the
    engine when its last user leaves.
    """

    def __init__(self, directory: Path, pid: int, port: int, memory_limit: int, log_offset: int = 0) -> None:
        self.directory = directory.resolve()
        self.pid = pid
        self.port = port
        self.memory_limit = memory_limit
        """Bytes the engine may allocate; kept in engine.json, so whoever starts it again keeps it."""
        self._process: subprocess.Popen[bytes] | None = None
        self._reclaiming = threading.Lock()
        self._log_offset = log_offset  # where in engine.log this engine's output begins, as far as this object saw it

    @property
    def url(self) -> str:
        return f"http://{_HOST}:{self.port}"

    @property
    def database(self) -> Path:
        return self.directory / "oxigraph"

    @classmethod
    def start(cls, directory: Path, memory_limit: int) -> Engine:
        """Start an engine over `directory` on a free loopback port; return once it answers."""
        engine = cls(directory, pid=0, port=0, memory_limit=memory_limit)
        for _attempt in range(3):
            port = _free_port()
            if engine._spawn(port):
                return engine
        raise StoreError(f"The Oxigraph engine found no free port on {_HOST}.")

    @classmethod
    def find(cls, directory: Path) -> Engine | None:
        """The engine that a cityrel process left running on `directory`, if it still answers.

        Only looks: any process may call it at any time (a restart in another process
        rewrites the record, never removes it).
        """
        engine = cls.recorded(directory)
        return engine if engine is not None and engine.running() and _answers(engine.url) else None

    @classmethod
    def recorded(cls, directory: Path) -> Engine | None:
        """The engine engine.json names, alive or not; None without a readable record."""
        try:
            record = json.loads((directory / "engine.json").read_text())
            return cls(directory, pid=int(record["pid"]), port=int(record["port"]),
                       memory_limit=int(record.get("memory_limit", resource.RLIM_INFINITY)),
                       log_offset=_log_size(directory / "engine.log"))
        except (OSError, ValueError, KeyError, TypeError):
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

    def revive(self) -> bool:
        """Start the engine again on its port if its process has stopped (past its memory limit,
        crashed, killed); returns whether it did."""
        with _exclusive(self.directory):
            self._follow_record()
            if self.running():
                return False
            reason = " / ".join(_log_lines(self.directory / "engine.log", self._log_offset)[-2:]) or "it wrote nothing"
            status = self._process.poll() if self._process is not None else _reap(self.pid)
            if status is not None and status < 0:
                reason += f"; {signal.Signals(-status).name}"
            if not self._spawn(self.port):
                raise StoreError(f"The Oxigraph engine could not start again on port {self.port}.")
        _log.warning("The Oxigraph engine had stopped (%s); started again as pid %d.", reason, self.pid)
        return True

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
        """Start the process on `port` and record it once it answers; False if the port is taken.

        A lock on the database is waited for up to _READY_SECONDS: an engine just stopped
        can hold it for a while after it was told to go.
        """
        self.database.mkdir(parents=True, exist_ok=True)
        until = time.monotonic() + _READY_SECONDS
        while True:
            reason = self._launch(port)
            if reason is None:
                return True
            if "Address already in use" in reason:
                return False
            if "lock" not in reason:
                raise StoreError(f"The Oxigraph engine could not open {self.database}: {reason}.")
            if time.monotonic() > until:
                raise StoreError(f"The Oxigraph engine could not open {self.database}: {reason}. "
                                 "Another program has this store open; stop it and try again.")
            time.sleep(0.1)

    def _launch(self, port: int) -> str | None:
        """Start the process on `port` and record it: None once it answers, else why it exited."""
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
        # Set from here rather than in the child before exec: preexec_fn is unsafe in a threaded program.
        with suppress(ProcessLookupError):  # it exited at once: said below
            resource.prlimit(process.pid, resource.RLIMIT_DATA, (self.memory_limit, self.memory_limit))
        # Recorded before it answers, so that whoever sees the port answer finds this engine's record.
        _write_record(self.directory, pid=process.pid, port=port, memory_limit=self.memory_limit)
        url = f"http://{_HOST}:{port}"
        started = time.monotonic()
        while process.poll() is None and time.monotonic() - started < _READY_SECONDS:
            if _answers(url):
                self.pid, self.port, self._process, self._log_offset = process.pid, port, process, offset
                return None
            time.sleep(0.02)
        if process.poll() is None:
            process.kill()
            process.wait()
            raise StoreError(f"The Oxigraph engine did not answer within {_READY_SECONDS:g} s; "
                             f"see {log_path}.")
        return _first_error(log_path, offset)

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
def running_engine(directory: Path, memory_limit: int) -> Iterator[Engine]:
    """The engine over `directory` for the duration: the running one if any, else a new one
    allowed `memory_limit` bytes; started again should it stop meanwhile.

    Every user holds a shared lock on engine.users; the last one to leave stops the
    engine, whichever process started it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    users = (directory / "engine.users").open("ab")
    try:
        with _exclusive(directory):
            fcntl.flock(users, fcntl.LOCK_SH)
            engine = Engine.find(directory)
            if engine is None:
                if (stale := Engine.recorded(directory)) is not None:
                    stale.stop()  # alive but not answering, it would keep the database locked
                engine = Engine.start(directory, memory_limit)
    except BaseException:
        users.close()
        raise
    leaving = threading.Event()
    watcher = threading.Thread(target=_watch, args=(engine, leaving), name="cityrel-engine-watch", daemon=True)
    watcher.start()
    try:
        yield engine
    finally:
        leaving.set()
        watcher.join()
        with _exclusive(directory):
            users.close()
            if _unused(directory):
                for candidate in (Engine.find(directory), engine):
                    if candidate is not None:
                        candidate.stop()


def _watch(engine: Engine, leaving: threading.Event) -> None:
    """Start the engine again whenever it has stopped, until `leaving` is set."""
    while not leaving.wait(_WATCH_SECONDS):
        if engine.running():
            continue
        try:
            engine.revive()
        except StoreError as error:  # tried again at the next look; requests meanwhile fail as unreachable
            _log.error("%s", error)


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


def _reap(pid: int) -> int | None:
    """Collect the exit status of a child of this process that another Engine object started: as
    Popen.returncode gives it (minus the signal that ended it), None if not a child or not ended."""
    with suppress(ChildProcessError):
        reaped, status = os.waitpid(pid, os.WNOHANG)
        if reaped:
            return os.waitstatus_to_exitcode(status)
    return None


def _write_record(directory: Path, *, pid: int, port: int, memory_limit: int) -> None:
    record = {"pid": pid, "port": port, "memory_limit": memory_limit,
              "started": datetime.now(UTC).isoformat(timespec="seconds")}
    partial = directory / "engine.json.partial"
    partial.write_text(json.dumps(record) + "\n")
    partial.replace(directory / "engine.json")


def _recorded_pid(directory: Path) -> int | None:
    try:
        return int(json.loads((directory / "engine.json").read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _log_size(log_path: Path) -> int:
    try:
        return log_path.stat().st_size
    except FileNotFoundError:
        return 0


def _log_lines(log_path: Path, offset: int) -> list[str]:
    """What the engine wrote to its log from `offset` on, line by line, blank lines left out."""
    with log_path.open("rb") as log:
        log.seek(offset)
        return [line.strip() for line in log.read().decode(errors="replace").splitlines() if line.strip()]


def _first_error(log_path: Path, offset: int) -> str:
    lines = _log_lines(log_path, offset)
    errors = [line.removeprefix("Error: ") for line in lines if line.startswith("Error:")]
    return (errors or lines or ["it exited without a message"])[0]


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
_SYNTAXES = {
    ExportFormat.TRIG: ox.RdfFormat.TRIG,
    ExportFormat.NQUADS: ox.RdfFormat.N_QUADS,
    ExportFormat.JSONLD: ox.RdfFormat.JSON_LD,
    ExportFormat.TURTLE: ox.RdfFormat.TURTLE,
    ExportFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
}
_NTRIPLES = "application/n-triples"
_NQUADS = "application/n-quads"
_SPARQL_QUERY = "application/sparql-query"
_FORM = "application/x-www-form-urlencoded"
_BLOCK = 1000
"""Triples per GRAPH block in an update: Virtuoso 7.2's parser runs out of stack near 5,000 in one block."""
_WRITE_ATTEMPTS = 3
_TIMEOUT_PARAMETER = re.compile(r"([A-Za-z][\w.-]*)=\{(ms|s)\}")


class WriteCount:
    """How many write requests cityrel's processes have sent one embedded store, kept in a file beside it.

    Each write appends a byte, after the engine answered, so the count only grows
    and two processes writing at once both count (an append is atomic); reading it
    is one stat(). The service keeps pages until the count changes
    (`cityrel.api.cache`), whichever process wrote: `cityrel ingest` shares the
    service's engine. A remote server has no such file, because programs other
    than cityrel may write to it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self) -> None:
        with self.path.open("ab") as log:
            log.write(b".")

    def value(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0


@dataclass(frozen=True)
class _QueryRequest:
    """A query as sent: URL parameters, the POST body and its media type."""

    parameters: tuple[tuple[str, str], ...]
    body: bytes
    content_type: str


class SparqlStore:
    """cityrel's one store interface: a client of a SPARQL 1.1 Protocol and Graph Store Protocol server.

    `query_url`, `update_url` and `store_url` are the server's query, update and
    graph store endpoints; `reference_graph` is the graph shared by all articles.
    `timeout` is the default query deadline in seconds. `auth` is a user and
    password, sent as HTTP Basic or Digest as the server's challenge asks.
    `on_deadline` is called after a query was abandoned at its deadline (the
    embedded engine passes `Engine.reclaim`, so the abandoned work really stops).
    `broken_hint` ends the error for a query whose connection broke (the embedded
    engine says what stops it and that it starts again).
    `timeout_parameter` names a query parameter through which the server takes a
    per-query time limit, with the unit it expects: "timeout={ms}" (Virtuoso) or
    "timeout={s}"; each query then carries its deadline there.

    `dataset_export` says that the Graph Store endpoint answers a GET without
    `graph` with the whole dataset, and serialises every export format itself
    (Oxigraph's does); otherwise `export` reads the store graph by graph.
    `direct_queries` says that the query endpoint takes a query as the POST body
    (application/sparql-query); otherwise queries go as forms.
    `graph_namespace` is the start of the IRIs of cityrel's graphs (default: the
    reference graph's IRI up to its last "/"); other graphs are left alone.
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
        timeout_parameter: str | None = None,
        dataset_export: bool = False,
        graph_namespace: str | None = None,
        writes: WriteCount | None = None,
        keep_alive: bool = True,
        broken_hint: str = "",
        direct_queries: bool = False,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.reference_graph = reference_graph
        self.timeout = timeout
        self.graph_namespace = graph_namespace or str(reference_graph).rsplit("/", 1)[0] + "/"
        self._on_deadline = on_deadline
        self._timeout_parameter = _parse_timeout_parameter(timeout_parameter)
        self._dataset_export = dataset_export
        self._direct_queries = direct_queries
        self._empty_graph_pattern = True  # whether `GRAPH ?g {}` lists the graphs; see graph_names
        # trust_env=False: no proxy or .netrc from the environment between cityrel and its store.
        self._client = httpx.Client(auth=_ChallengeAuth(*auth) if auth else None, timeout=_SLOW, trust_env=False,
                                    limits=httpx.Limits(max_connections=100,  # httpx's defaults, or none kept
                                                        max_keepalive_connections=20 if keep_alive else 0))
        self._keep_alive = keep_alive
        self._broken_hint = broken_hint
        self.writes = writes
        self._auth = auth
        self._session: aiohttp.ClientSession | None = None  # made in the event loop that first needs it

    def close(self) -> None:
        self._client.close()

    async def aclose(self) -> None:
        """Close the connections `query_async` opened (in the event loop that used them)."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def owns(self, graph: URIRef) -> bool:
        """Whether `graph` is one of cityrel's graphs (its IRI is in the graph namespace)."""
        return str(graph).startswith(self.graph_namespace)

    # -- reading -----------------------------------------------------------

    def query(self, sparql: str, *, accept: str = RESULTS_JSON, timeout: float | None = None,
              default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> QueryResult:
        """Run one SPARQL query and return the engine's complete answer.

        `default_graphs` and `named_graphs` are the protocol's default-graph-uri
        and named-graph-uri; none: the server's default dataset.

        Raises QueryTimeout if the whole answer has not arrived within `timeout`
        seconds (default: the store's): the connection is dropped and `on_deadline`
        runs before the error is raised. Also raises QueryTimeout for an answer that
        the engine cut short because it stopped the query itself. Raises
        QueryError if the engine rejects the query, StoreError if it cannot be
        reached or sent only part of the answer.
        """
        seconds = self.timeout if timeout is None else timeout
        try:
            return self._answer(self._query_request(sparql, seconds, default_graphs, named_graphs), accept, seconds)
        except _DeadlinePassed:
            pass  # the connection is closed by now
        if self._on_deadline is not None:
            self._on_deadline()
        raise _deadline_passed(seconds)

    async def query_async(self, sparql: str, *, accept: str = RESULTS_JSON, timeout: float | None = None,
                          default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> QueryResult:
        """`query` for an event loop: the same request, answer, deadline and errors, without blocking it."""
        seconds = self.timeout if timeout is None else timeout
        request = self._query_request(sparql, seconds, default_graphs, named_graphs)
        try:
            async with asyncio.timeout(seconds):
                return await self._answer_async(request, accept)
        except TimeoutError:
            pass  # cancelled mid-answer, aiohttp closed the connection rather than reuse it
        if self._on_deadline is not None:
            await asyncio.to_thread(self._on_deadline)  # it may wait for the engine to restart
        raise _deadline_passed(seconds)

    def _query_request(self, sparql: str, seconds: float, default_graphs: Sequence[str],
                       named_graphs: Sequence[str]) -> _QueryRequest:
        """The POST that asks the server `sparql`, with its dataset and the server's own deadline if it takes one."""
        parameters = [("default-graph-uri", iri) for iri in default_graphs]
        parameters += [("named-graph-uri", iri) for iri in named_graphs]
        if self._timeout_parameter is not None:
            name, unit = self._timeout_parameter
            parameters.append((name, str(math.ceil(seconds * 1000 if unit == "ms" else seconds))))
        if self._direct_queries:
            return _QueryRequest(tuple(parameters), sparql.encode(), _SPARQL_QUERY)
        return _QueryRequest((), urlencode([("query", sparql), *parameters]).encode(), _FORM)

    def select(self, sparql: str, *, timeout: float | None = None) -> list[dict[str, Term]]:
        """The solutions of a SELECT query, each a dict from variable name to value (unbound ones absent)."""
        answer = orjson.loads(self.query(sparql, timeout=timeout).body)
        return [{name: _term(value) for name, value in row.items()} for row in answer["results"]["bindings"]]

    def ask(self, sparql: str, *, timeout: float | None = None) -> bool:
        """The answer to an ASK query."""
        return bool(orjson.loads(self.query(sparql, timeout=timeout).body)["boolean"])

    def count(self, graph: URIRef | None = None) -> int:
        """The number of triples in one named graph, or in all of cityrel's graphs together."""
        if graph is not None:
            rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_n3(graph)} {{ ?s ?p ?o }} }}")
            return int(rows[0]["n"])
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sum(int(row["n"]) for row in rows if isinstance(name := row.get("g"), URIRef) and self.owns(name))

    def graph_names(self) -> list[URIRef]:
        """The names of cityrel's named graphs in the store, sorted."""
        rows = None
        if self._empty_graph_pattern:
            rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
            if any("g" not in row for row in rows):  # Virtuoso: one solution, ?g unbound
                self._empty_graph_pattern = False
                rows = None
        if rows is None:
            rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(name for row in rows if isinstance(name := row.get("g"), URIRef) and self.owns(name))

    def graph(self, name: URIRef) -> Graph | None:
        """The triples of one named graph, or None if the store has no such graph."""
        data = self._read_graph(name)
        return None if data is None else Graph().parse(data=data, format="nt")

    def export(self, fmt: ExportFormat, graph: URIRef | None = None) -> Iterator[bytes]:
        """Stream the whole store, or one named graph, serialised in `fmt`, without holding it in memory.

        The whole store in TriG, N-Quads or JSON-LD keeps its named graphs; in
        Turtle or N-Triples it is the union of the named graphs. One graph is
        exported in Turtle, N-Triples or JSON-LD.

        With `dataset_export` the server serialises the export in one answer.
        Otherwise the store is read graph by graph (N-Triples through the Graph
        Store Protocol) and each graph is serialised here before the next is read,
        so memory grows with the largest graph, not with the store.

        The first request is sent by this call, so an unreachable store, a refusal
        or a missing graph raise here, before any byte. Iterate the result to its
        end or close() it. A cut-off export raises StoreError after its last chunk.
        """
        if graph is not None and fmt in (ExportFormat.TRIG, ExportFormat.NQUADS):
            raise QueryError(f"{fmt.value} is for the whole store; "
                             "export one graph as turtle, ntriples or jsonld.")
        if self._dataset_export:
            return self._export_dataset(fmt, graph)
        if graph is None:
            return self._export_graphs(self.graph_names(), fmt)
        data = self._read_graph(graph)
        if data is None:
            raise QueryError(f"The store has no graph {graph}.")
        return iter([_serialise(data, fmt)])

    # -- writing -----------------------------------------------------------

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request (whole or not at all on Oxigraph; see the module's docstring)."""
        try:
            response = self._send("POST", self.update_url, "update", content=sparql.encode(),
                                  headers={"Content-Type": "application/sparql-update"})
        finally:  # counted even when it failed: it may have been applied before the answer was lost
            if self.writes is not None:
                self.writes.add()
        if response.status_code not in (200, 204):
            raise _refused(response, "update")

    def put_article(self, article: ArticleGraph) -> Change:
        """Store one article's graph and add its reference triples, as `put_articles` does."""
        return self.put_articles([article])[0]

    def put_articles(self, articles: Sequence[ArticleGraph]) -> list[Change]:
        """Make each article's graph hold exactly its statements, and add their reference triples, in one request.

        The request deletes only what a new graph lacks and inserts only what the
        stored one lacks, so putting the same graph again writes nothing to it, and
        no triple is deleted and inserted again in one request (which a crash can
        lose on Virtuoso). Only the articles' graphs are replaced; reference triples
        are shared, so they are added, and removed only by the sweep: a thing that an
        old graph linked to a source (prov:wasDerivedFrom, crel:mentionedIn) and no
        new one does loses its reference description if no graph links it to a
        source anymore. The sweep comes last, after every insertion, so a thing that
        one article of the batch lets go and another names keeps its description.

        The stored graphs are read in one query before the request and again after
        it: a graph that another writer changed in between gets its difference
        written again, up to three times. An article that is the same as the stored
        one is not read back; nor is one with blank nodes, which never compares equal.
        A graph that held nothing before the request holds every new triple after it
        (the request inserts them all and deletes none of that graph's), so it holds
        exactly them if it holds as many: such graphs are counted, in one query, and
        read back only if a count differs. Reading them took half of this call's time.

        Returns how each stored graph compared with the new one, in order. Raises
        StoreError for a triple the store cannot hold (a relative IRI), naming it;
        ValueError for two articles of one name, or one named as the reference graph.
        """
        names = [article.name for article in articles]
        if len(set(names)) != len(names):
            raise ValueError("An article graph can be put once per request; these names repeat: "
                             f"{sorted({name for name in names if names.count(name) > 1})}.")
        if self.reference_graph in names:
            raise ValueError(f"A graph put here cannot be named {self.reference_graph}: that is the reference graph.")
        written = [_writable(article) for article in articles]
        new = {article.name: set(triples.statements) for article, triples in zip(articles, written, strict=True)}
        shared = set().union(*(triples.reference for triples in written))
        if any(_has_bnode(triple) for triple in shared):
            raise ValueError(f"The reference triples of {', '.join(map(str, names))} contain blank nodes; "
                             "they would be added again on every ingest.")
        before = self._read_graphs(names)
        changes = {name: (Change.ADDED if name not in before else
                          Change.UNCHANGED if before[name] == new[name] else Change.REPLACED) for name in names}
        stored = {name: before.get(name, set()) for name in names}
        # Read back: what was written and can be compared.
        checked = [name for name in names if changes[name] is not Change.UNCHANGED
                   and not any(_has_bnode(triple) for triple in new[name])]
        pending = names
        for _attempt in range(_WRITE_ATTEMPTS):
            request = _difference([(name, stored[name], new[name]) for name in pending], self.reference_graph, shared)
            if request:
                self.update(request)
            checked = [name for name in checked if name in pending]
            sizes = self._sizes([name for name in checked if not stored[name]])
            read = [name for name in checked if sizes.get(name) != len(new[name])]
            after = self._read_graphs(read) if read else {}
            pending = [name for name in read if after.get(name, set()) != new[name]]
            if not pending:
                return [changes[name] for name in names]
            stored = {name: after.get(name, set()) for name in pending}
        raise StoreError(f"The graph {pending[0]} was changed by another writer each of the "
                         f"{_WRITE_ATTEMPTS} times cityrel wrote it; try again.")

    def delete_graph(self, name: URIRef) -> bool:
        """Remove one named graph, and the reference descriptions only it kept; returns whether it held any triples."""
        existed = self.ask(f"ASK {{ GRAPH {_n3(name)} {{ ?s ?p ?o }} }}")
        sourced = f"SELECT DISTINCT ?s WHERE {{ GRAPH {_n3(name)} {{ ?s ?link ?source {_SOURCE_LINK} }} }}"
        candidates = {_n3(row["s"]) for row in self.select(sourced) if isinstance(row["s"], URIRef)}
        self.update(" ;\n".join(filter(None, (f"DROP SILENT GRAPH {_n3(name)}",
                                                _sweep(self.reference_graph, candidates)))))
        return existed

    # -- HTTP --------------------------------------------------------------

    def _answer(self, request: _QueryRequest, accept: str, seconds: float) -> QueryResult:
        """Read the whole answer to a query, or raise _DeadlinePassed with the connection closed."""
        deadline = time.monotonic() + seconds
        chunks: list[bytes] = []
        try:
            with self._client.stream("POST", self.query_url, params=request.parameters, content=request.body,
                                     headers={"Accept": accept, "Content-Type": request.content_type},
                                     timeout=httpx.Timeout(seconds, connect=_CONNECT_SECONDS)) as response:
                if response.status_code != 200:
                    response.read()
                    raise _refused(response, "query")
                _check_headers(response.headers)
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
            raise self._broken(error) from None
        return _query_result(response.headers.get("content-type", accept), b"".join(chunks))

    async def _answer_async(self, request: _QueryRequest, accept: str) -> QueryResult:
        """Read the whole answer to a query; the caller's deadline cancels it."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                # as many connections as requests waiting
                connector=aiohttp.TCPConnector(limit=0, force_close=not self._keep_alive),
                timeout=aiohttp.ClientTimeout(connect=_CONNECT_SECONDS),
                middlewares=(_AsyncChallengeAuth(*self._auth),) if self._auth else (), trust_env=False)
        try:
            async with self._session.post(self.query_url, params=request.parameters, data=request.body,
                                          headers={"Accept": accept, "Content-Type": request.content_type}
                                          ) as response:
                body = await response.read()
                if response.status != 200:
                    raise _refusal(response.status, body.decode("utf-8", "replace"), response.reason or "", "query")
                _check_headers(response.headers)
                return _query_result(response.headers.get("content-type", accept), body)
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as error:
            raise _unreachable(self.query_url, error) from None
        except aiohttp.ClientError as error:
            raise self._broken(error) from None

    def _broken(self, error: Exception) -> StoreError:
        reason = str(error).rstrip(".")
        return StoreError(f"The connection to {self.query_url} broke during the query: {reason}.{self._broken_hint}")

    def _read_graph(self, name: URIRef) -> bytes | None:
        """One graph as N-Triples through the Graph Store Protocol, or None if there is no such graph.

        The triples are counted against a COUNT of the graph, read just before:
        Virtuoso cuts a graph at its ResultSetMaxRows without saying so. A
        mismatch is read once more (a writer may have changed the graph between
        the two requests) before it is an error.
        """
        expected = got = 0
        for _attempt in range(2):
            expected = self.count(name)
            response = self._send("GET", self.store_url, "read of a graph", params={"graph": str(name)},
                                  headers={"Accept": _NTRIPLES})
            if response.status_code == 404:
                return None
            if response.status_code != 200:
                raise _refused(response, "read of a graph")
            _check_complete(_NTRIPLES, response.content)
            got = _ntriples_lines(response.content)
            if got == expected:
                return response.content
        raise StoreError(f"The store sent {got} of the {expected} triples of {name}: it cuts off "
                         "large answers (Virtuoso: raise ResultSetMaxRows in virtuoso.ini).")

    def _sizes(self, names: Sequence[URIRef]) -> dict[URIRef, int]:
        """The number of triples in each of the named graphs, in one query (0 for a graph that holds none)."""
        if not names:
            return {}
        values = " ".join(_n3(name) for name in names)
        rows = self.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
                           "GROUP BY ?g", timeout=_SLOW.read)
        sizes = dict.fromkeys(names, 0)
        sizes.update((URIRef(row["g"]), int(row["n"])) for row in rows)
        return sizes

    def _read_graphs(self, names: Sequence[URIRef]) -> dict[URIRef, set[ox.Triple]]:
        """The triples of each of the named graphs that holds any, in one query.

        A SELECT rather than a Graph Store read per graph: one request for a batch,
        and a server that cuts the answer short says so (Virtuoso: X-SPARQL-MaxRows).
        """
        by_iri = {str(name): name for name in names}
        values = " ".join(_n3(name) for name in names)
        answer = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
                            timeout=_SLOW.read)
        solutions = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)
        assert isinstance(solutions, ox.QuerySolutions), "a SELECT query is answered with solutions"
        graphs: dict[URIRef, set[ox.Triple]] = {}
        for row in solutions:
            graph, subject, predicate, value = row
            graphs.setdefault(by_iri[graph.value], set()).add(ox.Triple(subject, predicate, value))
        return graphs

    def _export_graphs(self, names: list[URIRef], fmt: ExportFormat) -> Iterator[bytes]:
        """The graphs `names`, read and serialised one at a time; a JSON-LD export is one array of graphs."""
        separator = b""
        if fmt is ExportFormat.JSONLD:
            yield b"["
        for name in names:
            data = self._read_graph(name)
            if data is None:  # dropped since the names were listed
                continue
            chunk = _serialise(data, fmt, graph=name)
            if fmt is ExportFormat.JSONLD:
                chunk = chunk.strip()[1:-1]  # pyoxigraph writes one array per graph
                if not chunk:
                    continue
                chunk, separator = separator + chunk, b","
            yield chunk
        if fmt is ExportFormat.JSONLD:
            yield b"]\n"

    def _export_dataset(self, fmt: ExportFormat, graph: URIRef | None) -> Iterator[bytes]:
        """The export as one answer of a server that serialises whole datasets (Oxigraph)."""
        # The union of the graphs is read as the stored quads and written here without their graph names:
        # the engine streams a dump, while a CONSTRUCT over the union made it hold the answer (416 MB
        # at 1 M triples, measured). Like the graph-by-graph export, a triple that several graphs
        # hold is written once for each of them; a parser reads them as one.
        union = graph is None and not fmt.keeps_graphs
        headers = {"Accept": _NQUADS if union else fmt.media_type}
        params = {} if graph is None else {"graph": str(graph)}
        request = self._client.build_request("GET", self.store_url, params=params, headers=headers, timeout=_SLOW)
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
            raise _refused(response, "export")
        if union:
            return _without_graph_names(self._chunks(response, ExportFormat.NQUADS), fmt)
        return self._chunks(response, fmt)

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


class _ChallengeAuth(httpx.Auth):
    """HTTP Basic or Digest authentication, whichever an endpoint's challenge asks for, and only where asked.

    Virtuoso's /sparql-auth asks for Digest, Fuseki and GraphDB usually for Basic.
    A request goes without credentials to an endpoint that has not challenged yet;
    after its first challenge they go with every request to it. An endpoint that
    never challenges, such as Virtuoso's read-only /sparql, never receives them.
    """

    def __init__(self, user: str, password: str) -> None:
        self._user, self._password = user, password
        self._schemes: dict[str, httpx.Auth] = {}

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        endpoint = str(request.url.copy_with(query=None, fragment=None))
        scheme = self._schemes.get(endpoint)
        if scheme is None:
            response = yield request
            challenge = response.headers.get("www-authenticate", "")
            if response.status_code != 401 or not challenge:
                return
            digest = challenge.lower().startswith("digest")
            scheme = (httpx.DigestAuth if digest else httpx.BasicAuth)(self._user, self._password)
            self._schemes[endpoint] = scheme
        yield from scheme.auth_flow(request)


class _AsyncChallengeAuth:
    """`_ChallengeAuth` for `query_async`'s aiohttp session (a client middleware): the same rule, per endpoint."""

    def __init__(self, user: str, password: str) -> None:
        self._user, self._password = user, password
        self._schemes: dict[str, aiohttp.ClientMiddlewareType] = {}

    async def __call__(self, request: aiohttp.ClientRequest,
                       handler: aiohttp.ClientHandlerType) -> aiohttp.ClientResponse:
        endpoint = str(request.url.with_query(None).with_fragment(None))
        scheme = self._schemes.get(endpoint)
        if scheme is None:
            response = await handler(request)
            challenge = response.headers.get("www-authenticate", "")
            if response.status != 401 or not challenge:
                return response
            response.release()
            digest = challenge.lower().startswith("digest")
            scheme = (aiohttp.DigestAuthMiddleware(self._user, self._password) if digest
                      else _basic_auth(aiohttp.BasicAuth(self._user, self._password)))
            self._schemes[endpoint] = scheme
        return await scheme(request, handler)


def _basic_auth(credentials: aiohttp.BasicAuth) -> aiohttp.ClientMiddlewareType:
    async def send_with_credentials(request: aiohttp.ClientRequest,
                                    handler: aiohttp.ClientHandlerType) -> aiohttp.ClientResponse:
        request.headers["Authorization"] = credentials.encode()
        return await handler(request)
    return send_with_credentials


class _DeadlinePassed(Exception):
    """A query's deadline passed; internal to SparqlStore.query."""


def _parse_timeout_parameter(template: str | None) -> tuple[str, str] | None:
    if template is None:
        return None
    match = _TIMEOUT_PARAMETER.fullmatch(template)
    if match is None:
        raise ValueError(f"A timeout parameter is written name={{ms}} or name={{s}}, as in timeout={{ms}}; "
                         f"not {template!r}.")
    return match[1], match[2]


def _unreachable(url: str, error: Exception) -> StoreError:
    return StoreError(f"Cannot reach the store at {url}: {error}")


def _refused(response: httpx.Response, what: str) -> CityrelError:
    """`_refusal` of an httpx answer."""
    return _refusal(response.status_code, response.text, response.reason_phrase, what)


def _refusal(status: int, text: str, reason: str, what: str) -> CityrelError:
    """The error for a non-success answer: QueryError for a rejected query or update, QueryTimeout for
    one the server stopped at its own time limit, else StoreError."""
    if status >= 500 and _SERVER_TIMEOUT.search(text[-2000:]):
        # Virtuoso, when its limit strikes while it writes the answer: 500, the rows so far, then the error.
        return QueryTimeout(f"The store stopped the {what} at its time limit.")
    message = text.strip() or reason
    if status in (400, 406) and what in ("query", "update"):  # 406: an Accept it cannot serve
        return QueryError(f"The store rejected the {what}: {message}")
    if status == 500 and what == "query" and text.strip():
        # The server is up and says why it cannot evaluate this query (Virtuoso: YEAR() of an unbound
        # value, a transitive path past its memory limit); the same query would fail again.
        return QueryError(f"The store could not evaluate the query: {message}")
    if status in (401, 403):
        message += " (check CITYREL_SPARQL_USER and CITYREL_SPARQL_PASSWORD)"
    return StoreError(f"The store refused the {what} (HTTP {status}): {message}")


_SERVER_TIMEOUT = re.compile(r"\bS1T(AT|00)\b")
"""Virtuoso's SQL states for a partial answer at its time limit and for a transaction that timed out."""


def _check_headers(headers: Mapping[str, str]) -> None:
    """Raise if a 200 answer's headers say that the server sent only part of the answer (Virtuoso does so)."""
    state = headers.get("x-sql-state")
    if state is not None:
        message = headers.get("x-sql-message", "").split("Activity:")[0].strip()
        if state == "S1TAT":
            raise QueryTimeout(f"The store stopped the query at its time limit: {message}")
        raise StoreError(f"The store sent an incomplete answer ({state}): {message}")
    cap = headers.get("x-sparql-maxrows")
    if cap is not None:
        raise StoreError(f"The store cut its answer off at {cap} rows (its own limit; Virtuoso: "
                         "ResultSetMaxRows). Ask for fewer rows with LIMIT, or raise the server's limit.")


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
    last_line = end.rsplit(b"\n", 1)[-1].lstrip()
    if last_line.startswith(b"#") and content_type.startswith(("application/n-", "text/turtle", "application/trig")):
        return  # a comment, such as Virtuoso's "# Empty NT" for an empty graph
    if end and endings and not end.endswith(endings):
        raise StoreError(f"The store's answer ({content_type}) was cut off: it ends with {end[-60:]!r}.")


def _query_result(content_type: str, body: bytes) -> QueryResult:
    """A complete answer (`_check_complete`) as a QueryResult, its JSON written the standard way."""
    _check_complete(content_type, body)
    return QueryResult(content_type, _standard_json(content_type, body))


def _deadline_passed(seconds: float) -> QueryTimeout:
    return QueryTimeout(f"The query did not finish within {seconds:g} s and was stopped.")


def _standard_json(content_type: str, body: bytes) -> bytes:
    """SPARQL 1.1 JSON results as the standard writes them, in UTF-8 as Oxigraph writes them.

    Virtuoso writes a typed literal as {"type": "typed-literal", ...}, a form of the
    2007 note that SPARQL 1.1 dropped; it becomes {"type": "literal", "datatype": ...}.
    It also escapes every non-ASCII character ("Bak\\u00FC"); they are written as is.
    """
    if not content_type.startswith(RESULTS_JSON) or (b'"typed-literal"' not in body and b"\\u" not in body):
        return body
    document = orjson.loads(body)
    for row in document.get("results", {}).get("bindings", []):
        for value in row.values():
            if value.get("type") == "typed-literal":
                value["type"] = "literal"
    return orjson.dumps(document)


def _ntriples_lines(data: bytes) -> int:
    """The number of triples in an N-Triples document: one per line, besides blank and comment lines."""
    return sum(1 for line in data.splitlines() if line.strip() and not line.lstrip().startswith(b"#"))


def _serialise(ntriples: bytes, fmt: ExportFormat, *, graph: URIRef | None = None) -> bytes:
    """One graph, read as N-Triples, in `fmt`; as a named graph `graph` where the format keeps graphs.

    Blank nodes get fresh labels, so that graphs written one after another into
    one document never share one by accident.
    """
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True)
    if graph is not None and fmt.keeps_graphs:
        name = ox.NamedNode(str(graph))
        quads = [ox.Quad(triple.subject, triple.predicate, triple.object, name) for triple in triples]
        return ox.serialize(quads, format=_SYNTAXES[fmt]) or b""
    return ox.serialize([quad.triple for quad in triples], format=_SYNTAXES[fmt]) or b""


def _without_graph_names(nquads: Iterator[bytes], fmt: ExportFormat) -> Iterator[bytes]:
    """N-Quads chunks as the same triples in `fmt` (Turtle or N-Triples), one piece per chunk's complete lines."""
    rest = b""
    for chunk in nquads:
        lines, _, rest = (rest + chunk).rpartition(b"\n")
        if lines:
            yield _as_triples(lines, fmt)
    if rest.strip():
        yield _as_triples(rest, fmt)


def _as_triples(nquads: bytes, fmt: ExportFormat) -> bytes:
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
    return ox.serialize((quad.triple for quad in quads), format=_SYNTAXES[fmt]) or b""


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


def _writable(article: ArticleGraph) -> OxigraphTriples:
    """The article's triples in the form the store writes; StoreError for one it cannot hold."""
    try:
        return article.oxigraph
    except ValueError as error:
        raise StoreError(f"{error} (the store holds absolute IRIs and well-formed literals only)") from None


def _has_bnode(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _difference(graphs: Sequence[tuple[URIRef, set[ox.Triple], set[ox.Triple]]], reference_graph: URIRef,
                reference: set[ox.Triple]) -> str:
    """One SPARQL Update request that turns each graph `name` from `stored` into `new`, adds `reference`,
    and sweeps.

    Triples in both are left alone. Blank nodes cannot be named in DELETE DATA,
    so stored triples with blank nodes are deleted by pattern, and new ones are
    inserted with fresh blank nodes. Deletions come first, then one insertion,
    then the sweep. "" when there is nothing to write.
    """
    operations, insertions, candidates = [], [], set()
    for name, stored, new in graphs:
        kept = {triple for triple in stored if not _has_bnode(triple)}
        if removed := kept - new:
            operations.append(_data("DELETE", [(name, removed)]))
        if len(kept) != len(stored):
            operations.append(f"DELETE {{ GRAPH {_n3(name)} {{ ?s ?p ?o }} }} "
                              f"WHERE {{ GRAPH {_n3(name)} {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }} }}")
        insertions.append((name, (new - kept) | {triple for triple in new if _has_bnode(triple)}))
        candidates |= _sourced(stored) - _sourced(new)
    insertions.append((reference_graph, reference))
    if any(triples for _name, triples in insertions):
        operations.append(_data("INSERT", insertions))
    if operations:
        still_sourced = set().union(*(_sourced(new) for _name, _stored, new in graphs))
        operations.append(_sweep(reference_graph, {str(node) for node in candidates - still_sourced
                                                   if isinstance(node, ox.NamedNode)}))
    return " ;\n".join(filter(None, operations))


_SOURCE_LINKS = (PROV.wasDerivedFrom, CREL.mentionedIn)
"""What ties a thing to a source that states it: a fact to an article or data set, an entity to an article."""
_SOURCE_LINK = f"FILTER (?link IN ({', '.join(link.n3() for link in _SOURCE_LINKS)}))"
_WRITTEN_SOURCE_LINKS = frozenset(ox.NamedNode(link) for link in _SOURCE_LINKS)


def _sourced(triples: set[ox.Triple]) -> set[ox.NamedNode | ox.BlankNode | ox.Triple]:
    """The things that `triples` tie to a source."""
    return {triple.subject for triple in triples if triple.predicate in _WRITTEN_SOURCE_LINKS}


def _sweep(reference_graph: URIRef, candidates: set[str]) -> str:
    """An operation removing the reference descriptions of those `candidates` (IRIs in N-Triples form) that no
    graph ties to a source."""
    if not candidates:
        return ""
    values = " ".join(sorted(candidates))
    graph = _n3(reference_graph)
    return (f"DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?link ?source {_SOURCE_LINK} }} }} }}")


def _data(verb: str, graphs: Sequence[tuple[URIRef, set[ox.Triple]]]) -> str:
    """An INSERT DATA or DELETE DATA operation, in GRAPH blocks of at most _BLOCK triples."""
    lines = [f"{verb} DATA {{"]
    for name, triples in graphs:
        statements = [f"{triple} ." for triple in triples]
        for start in range(0, len(statements), _BLOCK):
            lines.append(f"GRAPH {_n3(name)} {{")
            lines.extend(statements[start:start + _BLOCK])
            lines.append("}")
    lines.append("}")
    return "\n".join(lines)


# -- Opening the store -----------------------------------------------------


@contextmanager
def open_store(settings: Settings) -> Iterator[SparqlStore]:
    """The store of `settings` for the duration of the block.

    With settings.sparql_query_url set: the remote SPARQL server at that URL.
    Otherwise the embedded Oxigraph engine over `settings.store`: the one another
    cityrel process is running, or one started here and stopped when its last
    user leaves.
    """
    reference = Minter(settings.base_iri).reference_graph()
    if settings.sparql_query_url:
        with _remote_store(settings, reference) as store:
            yield store
        return
    with running_engine(settings.store, _engine_memory(settings)) as engine:
        url = engine.url
        hint = " The engine stopped, and starts again within a second"
        if engine.memory_limit != resource.RLIM_INFINITY:
            hint += (f"; a query that needs more than its {engine.memory_limit // 2**20} MB "
                     "(CITYREL_ENGINE_MEMORY_MB) stops it")
        hint += "."
        with SparqlStore(f"{url}/query", f"{url}/update", f"{url}/store", reference_graph=reference,
                         timeout=settings.query_timeout, on_deadline=engine.reclaim, broken_hint=hint,
                         dataset_export=True, direct_queries=True,
                         writes=WriteCount(engine.directory / "writes")) as store:
            yield store


def _engine_memory(settings: Settings) -> int:
    """The engine's memory limit in bytes: settings.engine_memory_mb, or half of this machine's memory."""
    if settings.engine_memory_mb is not None:
        return settings.engine_memory_mb * 1024 * 1024
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2


def _remote_store(settings: Settings, reference: URIRef) -> SparqlStore:
    """A SparqlStore on the remote server of settings.sparql_*; StoreError if they are incomplete."""
    query_url = settings.sparql_query_url or ""
    if not settings.sparql_store_url:
        raise StoreError("CITYREL_SPARQL_QUERY_URL is set but CITYREL_SPARQL_STORE_URL is not: cityrel reads "
                         "graphs through the server's Graph Store Protocol endpoint.")
    auth = None
    if settings.sparql_user:
        password = settings.sparql_password.get_secret_value() if settings.sparql_password else ""
        auth = (settings.sparql_user, password)
    try:
        return SparqlStore(query_url, settings.sparql_update_url or query_url, settings.sparql_store_url,
                           reference_graph=reference, timeout=settings.query_timeout, auth=auth,
                           timeout_parameter=settings.sparql_timeout_parameter,
                           keep_alive=settings.sparql_keep_alive)
    except ValueError as error:
        raise StoreError(f"CITYREL_SPARQL_TIMEOUT_PARAMETER: {error}") from None
