"""The access log: one JSON line per request on `cityrel.access`, and `run` prints it instead of uvicorn's."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from cityrel.settings import Settings

from .conftest import LiveServer, free_port

FIELDS = {"time", "method", "path", "status", "duration_ms", "client"}


def access_lines(caplog: pytest.LogCaptureFixture, path: str) -> list[dict[str, object]]:
    """The logged entries for `path`; the line is written just after the response, so wait a moment for it."""
    until = time.monotonic() + 5
    while True:
        entries = [json.loads(record.getMessage()) for record in caplog.records if record.name == "cityrel.access"]
        found = [entry for entry in entries if entry["path"] == path]
        if found or time.monotonic() > until:
            return found
        time.sleep(0.02)


def test_each_request_is_one_json_line(client: httpx.Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="cityrel.access"):
        client.get("/api/cities/geonames-311046", params={"format": "turtle"})
        client.get("/api/cities/no-such-city")
        [ok] = access_lines(caplog, "/api/cities/geonames-311046")
        [missing] = access_lines(caplog, "/api/cities/no-such-city")
    assert set(ok) == FIELDS
    assert (ok["method"], ok["status"], ok["client"]) == ("GET", 200, "127.0.0.1")
    assert isinstance(ok["duration_ms"], float) and ok["duration_ms"] > 0
    assert str(ok["time"]).endswith("Z")
    assert missing["status"] == 404


def test_run_logs_json_lines_and_not_uvicorns_access_log(service: LiveServer, settings: Settings) -> None:
    port = free_port()
    env = {**os.environ, "CITYREL_STORE": str(settings.store), "CITYREL_BASE_IRI": settings.base_iri}
    code = f"from cityrel.api.app import run; from cityrel.settings import Settings; " \
           f"run(Settings(), host='127.0.0.1', port={port})"
    server = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", trust_env=False, timeout=10) as client:
            until = time.monotonic() + 30
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None and time.monotonic() < until, "the service did not start"
                time.sleep(0.1)
            client.post("/sparql", data={"query": "ASK {}"})
    finally:
        server.send_signal(signal.SIGINT)
        stdout, stderr = server.communicate(timeout=30)
    entries = [json.loads(line) for line in stdout.splitlines()]
    assert [(e["method"], e["path"], e["status"]) for e in entries][-1] == ("POST", "/sparql", 200)
    assert all(set(entry) == FIELDS for entry in entries)
    assert '"POST /sparql HTTP/1.1"' not in stdout + stderr  # uvicorn's own access line
    assert "Uvicorn running on" in stderr  # its other messages stay
