"""Pages are kept until the store is written to, by the service or by another cityrel process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cityrel.api.app import create_app
from cityrel.settings import Settings

from .conftest import TOKEN, LiveServer, put_seeds, service_settings

CITYREL = str(Path(sys.executable).with_name("cityrel"))
IZMIR_PAGE = "/api/cities/geonames-311046"
TWINNING = ("İzmir Büyükşehir Belediye Başkanı Cemil Tugay, Ukrayna'nın Odessa kenti ile kardeş şehir "
            "protokolü imzaladı.")


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = service_settings(tmp_path_factory.mktemp("cache") / "store")
    put_seeds(settings)
    return settings


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[httpx.Client]:
    with LiveServer(create_app(settings)) as server, \
            httpx.Client(base_url=server.url, timeout=60.0, trust_env=False) as client:
        yield client


def twins(page: httpx.Response) -> set[str]:
    return {twin["label"] for twin in page.json()["twins"]}


def test_a_page_is_given_again_until_the_service_writes(client: httpx.Client) -> None:
    first, again = client.get(IZMIR_PAGE), client.get(IZMIR_PAGE)
    assert (first.headers["X-Cityrel-Cache"], again.headers["X-Cityrel-Cache"]) == ("miss", "hit")
    assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
    assert client.get(IZMIR_PAGE, headers={"Accept": "text/turtle"}).headers["X-Cityrel-Cache"] == "miss"

    posted = client.post("/api/articles", params={"key": "izmir-odessa"}, content=TWINNING.encode(),
                         headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"})
    assert posted.status_code == 201, posted.text
    after = client.get(IZMIR_PAGE)
    assert after.headers["X-Cityrel-Cache"] == "miss"
    assert twins(after) - twins(first) == {"Odessa"}


def test_a_write_by_cityrel_ingest_is_seen_at_once(client: httpx.Client, settings: Settings,
                                                   tmp_path: Path) -> None:
    client.get(IZMIR_PAGE)
    assert client.get(IZMIR_PAGE).headers["X-Cityrel-Cache"] == "hit"
    text = tmp_path / "izmir-bremen.txt"
    text.write_text(TWINNING.replace("Ukrayna'nın Odessa", "Almanya'nın Bremen"), encoding="utf-8")
    env = {**os.environ, "CITYREL_STORE": str(settings.store), "CITYREL_BASE_IRI": settings.base_iri}
    subprocess.run([CITYREL, "ingest", str(text)], env=env, check=True, capture_output=True, timeout=120)
    after = client.get(IZMIR_PAGE)
    assert after.headers["X-Cityrel-Cache"] == "miss"
    assert "Bremen" in twins(after)


def test_named_queries_are_kept_too(client: httpx.Client) -> None:
    path = "/api/queries/city-twins?city=geonames-311046"
    assert [client.get(path).headers["X-Cityrel-Cache"] for _ in range(2)] == ["miss", "hit"]
