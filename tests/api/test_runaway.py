"""A runaway query is stopped at the deadline (503), its CPU is released, and nobody waits for it meanwhile;
an engine that was killed is started again."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx

from cityrel.settings import Settings

from .conftest import QUERY_TIMEOUT, LiveServer, engine_pid

EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def test_a_runaway_query_is_stopped_while_others_are_answered(service: LiveServer, settings: Settings) -> None:
    outcome: dict[str, httpx.Response | float] = {}

    def run_away() -> None:
        started = time.monotonic()
        outcome["response"] = httpx.get(service.url + "/sparql", params={"query": EXPLOSIVE}, timeout=60,
                                        trust_env=False)
        outcome["seconds"] = time.monotonic() - started

    engine_before = engine_pid(settings)
    runner = threading.Thread(target=run_away)
    runner.start()
    time.sleep(0.5)  # the join is under way in the engine
    with httpx.Client(base_url=service.url, timeout=10, trust_env=False) as client:
        for path in ("/health", "/api/cities/geonames-311046", "/api/queries/city-twins?city=geonames-311046"):
            started = time.monotonic()
            response = client.get(path)
            assert response.status_code == 200, response.text
            assert time.monotonic() - started < 1.0, f"{path} waited for the runaway query"
    runner.join(timeout=30)

    response = outcome["response"]
    assert isinstance(response, httpx.Response)
    assert response.status_code == 503
    assert "did not finish within" in response.text
    assert QUERY_TIMEOUT <= float(outcome["seconds"]) < QUERY_TIMEOUT + 10

    # The work really stopped: no engine process (the old one, or a restarted one) keeps a core busy.
    pids = {engine_before, engine_pid(settings)}
    before = {pid: cpu_seconds(pid) for pid in pids if alive(pid)}
    time.sleep(1.0)
    for pid, seconds in before.items():
        assert not alive(pid) or cpu_seconds(pid) - seconds < 0.3, f"engine {pid} is still busy"
    assert httpx.get(service.url + "/health", trust_env=False).status_code == 200


def test_the_service_answers_again_after_its_engine_was_killed(service: LiveServer, settings: Settings) -> None:
    killed = engine_pid(settings)
    os.kill(killed, signal.SIGKILL)
    until = time.monotonic() + 10
    while engine_pid(settings) == killed:
        assert time.monotonic() < until, "the engine was not started again"
        time.sleep(0.1)
    with httpx.Client(base_url=service.url, timeout=10, trust_env=False) as client:
        while client.get("/health").status_code != 200:  # the new engine is recorded as it starts
            assert time.monotonic() < until, "the engine was started again but does not answer"
            time.sleep(0.1)
        response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"},
                              headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200 and response.json()["boolean"] is True
