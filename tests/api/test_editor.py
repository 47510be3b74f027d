"""The query editor: GET /sparql for a browser is YASGUI, served from the app itself, with the named queries."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from cityrel.api.editor import STATIC_DIR

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def page_config(page: str) -> dict[str, list[dict[str, str]]]:
    found = re.search(r'<script id="cityrel-editor" type="application/json">(.*?)</script>', page, re.DOTALL)
    assert found is not None
    config: dict[str, list[dict[str, str]]] = json.loads(found.group(1))
    return config


def test_a_browser_gets_the_editor_with_every_named_query(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    examples = {example["name"]: example for example in page_config(response.text)["examples"]}
    catalog = client.get("/api/queries").json()["queries"]
    assert set(examples) == {query["name"] for query in catalog}
    twins = examples["city-twins"]["query"]
    assert "VALUES (?_city_iri) { (<https://w3id.org/cityrel/id/city/geonames-311046>) }" in twins


def test_the_examples_run_as_they_are(client: httpx.Client) -> None:
    page = client.get("/sparql", headers={"Accept": "text/html"}).text
    examples = {example["name"]: example["query"] for example in page_config(page)["examples"]}
    response = client.post("/sparql", data={"query": examples["city-twins"]})
    labels = [row["twinLabel"]["value"] for row in response.json()["results"]["bindings"]]
    assert labels == ["Bakü"]


def test_everything_the_page_loads_is_served_here(client: httpx.Client) -> None:
    page = client.get("/sparql", headers={"Accept": BROWSER}).text
    loaded = re.findall(r'<(?:script|link)[^>]* (?:src|href)="([^"]*)"', page)
    assert loaded == ["data:,", "/static/yasgui/yasgui.min.css", "/static/editor.css",
                      "/static/yasgui/yasgui.min.js", "/static/editor.js"]
    for path in loaded[1:]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith(("text/css", "text/javascript")), path


def test_the_bundle_is_small_and_licensed() -> None:
    files = {path.name: path.stat().st_size for path in (STATIC_DIR / "yasgui").iterdir()}
    assert set(files) == {"yasgui.min.js", "yasgui.min.css", "LICENSE.txt"}
    assert sum(files.values()) < 2_000_000
    assert "MIT License" in (STATIC_DIR / "yasgui" / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("accept", "params", "media_type"), [
    (None, {}, "text/turtle"),
    ("*/*", {}, "text/turtle"),
    ("application/ld+json, text/html;q=0.5", {}, "application/ld+json"),
    ("text/html", {"format": "turtle"}, "text/turtle"),
    ("text/turtle", {"format": "html"}, "text/html"),
])
def test_rdf_clients_still_get_the_service_description(client: httpx.Client, accept: str | None,
                                                        params: dict[str, str], media_type: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params=params, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)


def test_a_query_is_never_answered_with_the_page(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                          headers={"Accept": "text/html"})
    assert response.status_code == 406


def test_the_openapi_page_loads_nothing_from_elsewhere(client: httpx.Client) -> None:
    page = client.get("/docs").text
    loaded = re.findall(r'<(?:script|link)[^>]* (?:src|href)="([^"]*)"', page)
    assert loaded and all(path.startswith("/static/swagger-ui/") for path in loaded), loaded
    for path in loaded:
        assert client.get(path).status_code == 200, path
    assert "url: '/openapi.json'" in page
    assert client.get("/redoc").status_code == 404
