"""POST /api/articles and DELETE /api/articles/{id}: the ingest pipeline over HTTP, behind the bearer token.

These tests write, so they run against a service of their own over an empty store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cityrel.api.app import create_app
from cityrel.errors import ShapeViolation

from .conftest import BASE, MAX_REQUEST_BYTES, SEEDS, TOKEN, LiveServer, service_settings

AUTH = {"Authorization": f"Bearer {TOKEN}"}
BAKU_TEXT = (SEEDS / "seed-izmir-baku-40.txt").read_text(encoding="utf-8")
CONSUL_TEXT = (SEEDS / "seed-kazakhstan-consul.txt").read_text(encoding="utf-8")
RECORD = {"url": "https://www.example.com.tr/haber/izmir-kazakistan-ziyaret", "title": "Kazak heyeti İzmir'de",
          "date": "2025-11-07T09:30:00+03:00", "source": "Örnek Haber", "text": CONSUL_TEXT}


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(create_app(service_settings(tmp_path_factory.mktemp("writes") / "store"))) as server:
        yield server


@pytest.fixture
def client(writable: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=writable.url, timeout=60.0, trust_env=False) as client:
        yield client


def post_text(client: httpx.Client, text: str | bytes, key: str | None = "izmir-baku",
              headers: dict[str, str] = AUTH) -> httpx.Response:
    params = {"key": key} if key is not None else {}
    return client.post("/api/articles", params=params, content=text.encode() if isinstance(text, str) else text,
                       headers={**headers, "Content-Type": "text/plain; charset=utf-8"})


def count_triples(client: httpx.Client, key: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/{key}> {{ ?s ?p ?o }} }}"
    response = client.get("/sparql", params={"query": query})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# -- Adding, repeating, revising, removing ---------------------------------------


def test_a_text_is_added_then_unchanged_then_replaced_then_removed(client: httpx.Client) -> None:
    added = post_text(client, BAKU_TEXT, key="izmir-baku")
    assert added.status_code == 201, added.text
    body = added.json()
    assert (body["key"], body["change"], body["href"]) == ("izmir-baku", "added", "/api/articles/izmir-baku")
    assert (body["iri"], body["graph"]) == (BASE + "article/izmir-baku", BASE + "graph/izmir-baku")
    assert added.headers["location"] == "/api/articles/izmir-baku"
    [twinning] = body["facts"]["twinnings"]
    assert {city["label"] for city in twinning["cities"]} == {"İzmir", "Bakü"}
    assert twinning["signed"] == "1986"
    quote = twinning["evidence"][0]
    assert BAKU_TEXT[quote["start"]:quote["end"]] == quote["quote"]
    assert client.get("/api/articles/izmir-baku").status_code == 200
    stored = count_triples(client, "izmir-baku")

    again = post_text(client, BAKU_TEXT, key="izmir-baku")
    assert (again.status_code, again.json()["change"]) == (200, "unchanged")
    assert count_triples(client, "izmir-baku") == stored

    first_paragraph = BAKU_TEXT.split("\n\n")[0]
    revised = post_text(client, first_paragraph, key="izmir-baku")
    assert (revised.status_code, revised.json()["change"]) == (200, "replaced")
    article = client.get("/api/articles/izmir-baku").json()
    assert [value["value"] for value in article["properties"]["schema:text"]] == [first_paragraph]

    removed = client.delete("/api/articles/izmir-baku", headers=AUTH)
    assert removed.status_code == 204
    assert count_triples(client, "izmir-baku") == 0
    assert client.get("/api/articles/izmir-baku").status_code == 404
    assert client.delete("/api/articles/izmir-baku", headers=AUTH).status_code == 404


def test_a_json_record_is_keyed_by_its_url_and_keeps_its_fields(client: httpx.Client) -> None:
    response = client.post("/api/articles", json=RECORD, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["key"].startswith("example-com-tr-haber-izmir-kazakistan-ziyaret-")
    assert body["facts"]["article"] == {"key": body["key"], "source": "request body", "date": "2025-11-07"}
    assert [post["person"] for post in body["facts"]["posts"]][:1] == ["Cemil Tugay"]
    article = client.get(body["href"]).json()
    assert article["properties"]["schema:headline"][0]["value"] == "Kazak heyeti İzmir'de"

    again = client.post("/api/articles", content=json.dumps(RECORD).encode(),
                        headers={**AUTH, "Content-Type": "application/json; charset=utf-8"})
    assert (again.status_code, again.json()["key"], again.json()["change"]) == (200, body["key"], "unchanged")
    assert client.delete(body["href"], headers=AUTH).status_code == 204


# -- Refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(("content", "key", "reason"), [
    ("", "empty", "is empty"),
    (" \n\t\n", "blank", "contains only whitespace"),
    (b"\xff\xfe\x00d\x00a", "utf16", "not UTF-8"),
    (b"Izmir \xe7ok g\xfczel", "latin5", "not UTF-8"),
    (" date 2025-02-30 Ege Telgraf - Metin", "bad-date", "not a calendar date"),
    (BAKU_TEXT, None, "needs a key"),
    (BAKU_TEXT, "İzmir Bakü", "is not lower-case letters"),
    (BAKU_TEXT, "a" * 201, "is not lower-case letters"),
    (BAKU_TEXT, "reference", "reserved"),
])
def test_an_unreadable_text_is_400(client: httpx.Client, content: str | bytes, key: str | None,
                                   reason: str) -> None:
    response = post_text(client, content, key=key)
    assert response.status_code == 400, response.text
    assert reason in response.json()["detail"]


@pytest.mark.parametrize(("body", "reason"), [
    (b"[1, 2]", "a JSON list, not an object"),
    (b'{"text": ', "is not valid JSON"),
    (b'{"title": "Ba\xc5\x9fl\xc4\xb1k"}', "has no 'text' field"),
    (b'{"text": 42}', "field 'text' must be a string"),
    (b'{"text": "Metin", "date": "07.11.2025"}', "is not of the form YYYY-MM-DD"),
])
def test_an_unreadable_record_is_400(client: httpx.Client, body: bytes, reason: str) -> None:
    response = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert reason in response.json()["detail"]


def test_a_record_takes_no_key_parameter(client: httpx.Client) -> None:
    response = client.post("/api/articles", params={"key": "x"}, json=RECORD, headers=AUTH)
    assert response.status_code == 400
    assert "leave out ?key=" in response.json()["detail"]


def test_other_media_types_and_oversized_bodies_are_refused(client: httpx.Client) -> None:
    form = client.post("/api/articles", data={"text": BAKU_TEXT}, headers=AUTH)
    assert form.status_code == 415
    assert "text/plain" in form.json()["detail"]
    assert post_text(client, "a" * (MAX_REQUEST_BYTES + 1)).status_code == 413


def test_a_graph_that_fails_the_shapes_is_422_with_the_report(client: httpx.Client,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    report = "request body: Violation at <…/article/izmir-baku> schema:text — An article needs exactly one text."

    def refuse(graph: object) -> None:
        raise ShapeViolation("request body", report)

    monkeypatch.setattr("cityrel.pipeline.check_article", refuse)
    response = post_text(client, BAKU_TEXT, key="refused")
    assert response.status_code == 422
    assert response.json() == {"detail": "request body: the article's graph does not conform to the shapes; "
                                         "nothing was stored.", "report": report}
    assert count_triples(client, "refused") == 0


# -- The token, as for /sparql/update -------------------------------------------------


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_writes_need_the_bearer_token(client: httpx.Client, headers: dict[str, str]) -> None:
    posted = post_text(client, BAKU_TEXT, key="no-token", headers=headers)
    assert posted.status_code == 401
    assert posted.headers["www-authenticate"] == 'Bearer realm="cityrel"'
    assert count_triples(client, "no-token") == 0
    assert client.delete("/api/articles/seed-izmir-baku-40", headers=headers).status_code == 401


def test_without_a_configured_token_writes_are_disabled(tmp_path: Path) -> None:
    settings = service_settings(tmp_path / "store").model_copy(update={"update_token": None})
    with LiveServer(create_app(settings)) as server:
        response = httpx.post(server.url + "/api/articles", params={"key": "x"}, content=b"Metin",
                              headers={**AUTH, "Content-Type": "text/plain"}, trust_env=False)
    assert response.status_code == 403


@pytest.mark.parametrize("id_", ["reference", "no-such-article", "Büyük", "a..b"])
def test_deleting_what_is_not_an_article_is_404(client: httpx.Client, id_: str) -> None:
    response = client.delete(f"/api/articles/{id_}", headers=AUTH)
    assert response.status_code == 404
    assert response.json() == {"detail": f"There is no article {id_!r}."}
