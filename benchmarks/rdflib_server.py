"""The Python peer: rdflib-endpoint serving an N-Quads file from memory, restartable in a moment.

rdflib-endpoint answers every query in its event loop and cannot stop one, so a
query past the benchmark's cap would hold the server for minutes. This process
reads the file once into an rdflib Dataset (union default graph, as rdflib-endpoint's
own `serve` command does), then forks the server; on SIGUSR1 it kills the server
and forks a fresh one over the data already in memory, instead of reading the
file again. It prints one JSON line when the data is loaded and one each time it
starts a server (which answers once it has imported rdflib-endpoint).

    python benchmarks/rdflib_server.py graph.nq [--port 8765]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import signal
import socket
import time

_MAX_SERVERS = 500
"""Restarts allowed before the supervisor gives up: a runaway benchmark must end."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    args = parser.parse_args()
    # The supervisor holds the listening socket, so a restarted server takes over the same
    # port at once and no other program can take it in between.
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(2048)
    port = listener.getsockname()[1]

    from rdflib import Dataset

    started = time.perf_counter()
    data = Dataset(default_union=True)
    data.parse(args.file, format="nquads")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _say(event="loaded", triples=len(data), seconds=round(seconds, 1), peak_mb=round(peak_mb))

    state = {"restart": False, "child": 0}

    def leave(*_: object) -> None:
        _stop(state["child"])
        os._exit(0)  # without freeing a million objects one by one

    signal.signal(signal.SIGUSR1, lambda *_: state.update(restart=True))
    signal.signal(signal.SIGTERM, leave)
    for _ in range(_MAX_SERVERS):
        state["restart"] = False
        state["child"] = _fork_server(data, listener, port)
        while not state["restart"]:
            pid, _status = os.waitpid(state["child"], os.WNOHANG)
            if pid:
                break  # the server died by itself: start another
            time.sleep(0.02)
        _stop(state["child"])
    leave()


def _fork_server(data: object, listener: socket.socket, port: int) -> int:
    pid = os.fork()
    if pid:
        _say(event="serving", pid=pid, port=port)
        return pid
    try:  # the server: dies with its supervisor
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        import uvicorn
        from rdflib_endpoint import SparqlEndpoint

        app = SparqlEndpoint(graph=data, path="/sparql", cors_enabled=False)  # type: ignore[arg-type]
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])
    finally:
        os._exit(0)


def _stop(pid: int) -> None:
    if not pid:
        return
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


if __name__ == "__main__":
    main()
