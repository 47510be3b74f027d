"""schemathesis against the service's own OpenAPI document: no 5xx, and every answer as documented.

A bounded run (a few examples per operation, a fixed seed) of the command in the
README, on a service of its own over the seed articles: with the token it
posts, replaces and deletes articles and runs updates, which must not reach the
store the other tests read. The README explains the one check left out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cityrel.api.app import create_app

from .conftest import TOKEN, LiveServer, put_seeds, service_settings

pytest.importorskip("schemathesis")

RUN = ["--exclude-checks", "positive_data_acceptance", "--max-examples", "5", "--seed", "1", "--workers", "2"]


def test_every_operation_answers_as_documented(tmp_path: Path) -> None:
    settings = service_settings(tmp_path / "store")
    put_seeds(settings)
    with LiveServer(create_app(settings)) as server:
        run = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi.json",
             "-H", f"Authorization: Bearer {TOKEN}", *RUN],
            check=False, cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "passed" in run.stdout and "failed" not in run.stdout.split("SUMMARY")[-1]
