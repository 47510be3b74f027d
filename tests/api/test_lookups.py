"""REST lookups, search, dereferencing, export, health and metrics."""

from __future__ import annotations

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from cityrel.api.lookups import LINKS_LIMIT, STATEMENTS_LIMIT
from cityrel.settings import Settings
from cityrel.store import open_store

from .conftest import BASE

IZMIR = BASE + "city/geonames-311046"
BAKU = BASE + "city/geonames-587084"
CREL = "https://w3id.org/cityrel/ontology#"


def test_a_city_as_json(client: httpx.Client) -> None:
    city = client.get("/api/cities/geonames-311046").json()
    assert (city["id"], city["iri"], city["type"], city["label"]) == ("geonames-311046", IZMIR, "City", "İzmir")
    assert city["properties"]["owl:sameAs"] == [{"iri": "https://sws.geonames.org/311046/"}]
    [twin] = city["properties"]["crel:twinnedWith"]
    assert (twin["id"], twin["label"], twin["href"]) == ("geonames-587084", "Bakü", "/api/cities/geonames-587084")
    [agreement] = [link["node"] for link in city["referencedBy"] if link["property"] == "crel:party"]
    assert agreement["type"] == "SisterCityAgreement"
    assert agreement["properties"]["crel:signedDate"] == [{"value": "1986", "datatype": "xsd:gYear"}]


def test_a_city_page_has_its_twins(client: httpx.Client) -> None:
    city = client.get("/api/cities/geonames-311046").json()
    [baku] = [twin for twin in city["twins"] if twin["id"] == "geonames-587084"]
    assert (baku["label"], baku["href"]) == ("Bakü", "/api/cities/geonames-587084")
    assert (baku["kinds"], baku["signed"], baku["year"]) == (["SisterCityAgreement"], "1986", 1986)
    assert (baku["sources"], baku["inDataset"]) == (1, False)
    assert baku["country"]["id"] == "az" and baku["agreement"]["iri"].endswith("geonames-311046--geonames-587084")
    assert city["truncated"] == []


def test_a_city_page_has_its_organizations_and_their_people(client: httpx.Client) -> None:
    organizations = {o["id"]: o for o in client.get("/api/cities/geonames-311046").json()["organizations"]}
    municipality = organizations["municipality-geonames-311046"]
    assert (municipality["type"], municipality["relation"]) == ("Municipality", "governs")
    [mayor] = municipality["posts"]
    assert (mayor["person"]["label"], mayor["role"], mayor["current"]) == ("Cemil Tugay", "Mayor", True)
    consulate = organizations["consulategeneral-kz-geonames-311046"]
    assert (consulate["type"], consulate["relation"]) == ("ConsulateGeneral", "locatedIn")
    assert (consulate["country"]["id"], consulate["country"]["label"]) == ("kz", "Kazakistan")
    assert [(p["person"]["label"], p["role"]) for p in consulate["posts"]] == [("Bauyrzhan Akatayev",
                                                                                 "ConsulGeneral")]
    association = organizations["association-izmir-azerbaycan-dernegi"]
    assert (association["acronym"], association["community"]["id"]) == ("İZAZDER", "az")


def test_of_two_mayors_the_one_seen_last_is_current(client: httpx.Client, settings: Settings) -> None:
    graph, former = BASE + "graph/test-former-mayor", BASE + "person/test-former-mayor"
    statements = f"""
        <{BASE}membership/test-former-mayor> a <http://www.w3.org/ns/org#Membership> ;
          <http://www.w3.org/ns/org#member> <{former}> ;
          <http://www.w3.org/ns/org#organization> <{BASE}org/municipality-geonames-311046> ;
          <http://www.w3.org/ns/org#role> <{CREL}Mayor> ;
          <http://www.w3.org/ns/prov#wasDerivedFrom> <{BASE}article/test-former-mayor> .
        <{BASE}article/test-former-mayor> <https://schema.org/datePublished>
          "2019-04-01"^^<http://www.w3.org/2001/XMLSchema#date> .
        <{former}> <http://www.w3.org/2000/01/rdf-schema#label> "Eski Başkan" ."""
    with open_store(settings) as store:
        store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {statements} }} }}")
        try:
            city = client.get("/api/cities/geonames-311046").json()
        finally:
            store.update(f"DROP GRAPH <{graph}>")
    [municipality] = [o for o in city["organizations"] if o["id"] == "municipality-geonames-311046"]
    assert [(p["person"]["label"], p["current"], p["lastSeen"]) for p in municipality["posts"]] == [
        ("Cemil Tugay", True, "2025-11-07"), ("Eski Başkan", False, "2019-04-01")]


def test_a_city_page_has_its_latest_meetings(client: httpx.Client) -> None:
    meetings = client.get("/api/cities/geonames-311046").json()["meetings"]
    assert [m["id"] for m in meetings] == ["seed-kazakhstan-consul/meeting/1", "seed-izmir-baku-40/meeting/1"]
    latest = meetings[0]
    assert (latest["published"], latest["article"]["id"]) == ("2025-11-07", "seed-kazakhstan-consul")
    assert latest["host"]["label"] == "Cemil Tugay"
    assert [p["label"] for p in latest["participants"]] == ["Bauyrzhan Akatayev", "Cemil Tugay"]


def test_a_city_page_has_its_communities(client: httpx.Client) -> None:
    [kazakhs] = client.get("/api/cities/geonames-311046").json()["communities"]
    assert (kazakhs["nationality"]["id"], kazakhs["nationality"]["label"]) == ("kz", "Kazakistan")
    assert (kazakhs["count"], kazakhs["qualifier"]) == (3000, "atLeast")
    assert (kazakhs["article"]["id"], kazakhs["published"]) == ("seed-kazakhstan-consul", "2025-11-07")
    assert "3 bini aşkın Kazak" in kazakhs["quote"]


def test_a_description_counts_what_it_leaves_out(client: httpx.Client) -> None:
    city = client.get("/api/cities/geonames-311046").json()
    assert city["referencedByCounts"]["crel:party"] == 1
    assert city["referencedByCounts"]["crel:locatedIn"] == 2
    assert sum(city["referencedByCounts"].values()) == len(city["referencedBy"])
    person = client.get("/api/people/cemil-tugay").json()
    assert person["truncated"] == [] and "twins" not in person


def test_a_long_list_says_it_was_cut(client: httpx.Client, settings: Settings) -> None:
    wide, graph, prop = BASE + "test/wide", BASE + "graph/test-wide", BASE + "test/p"
    statements = [f"<{wide}> <{prop}> {n} ." for n in range(STATEMENTS_LIMIT + 1)]
    statements += [f"<{BASE}test/in-{n}> <{prop}> <{wide}> ." for n in range(LINKS_LIMIT + 1)]
    with open_store(settings) as store:
        store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {' '.join(statements)} }} }}")
        try:
            found = client.get("/api/resources", params={"iri": wide}).json()
        finally:
            store.update(f"DROP GRAPH <{graph}>")
    assert found["truncated"] == ["properties", "referencedBy"]
    assert len(found["properties"][prop]) == STATEMENTS_LIMIT
    assert len(found["referencedBy"]) == LINKS_LIMIT
    assert found["referencedByCounts"] == {prop: LINKS_LIMIT + 1}


def test_a_city_as_json_ld_and_turtle(client: httpx.Client) -> None:
    for accept, fmt in (("application/ld+json", "json-ld"), ("text/turtle", "turtle")):
        response = client.get("/api/cities/geonames-311046", headers={"Accept": accept})
        assert response.headers["content-type"].startswith(accept)
        graph = Graph().parse(data=response.content, format=fmt)
        assert (URIRef(IZMIR), URIRef(CREL + "twinnedWith"), URIRef(BAKU)) in graph
        assert Literal("İzmir", lang="tr") in set(graph.objects(URIRef(IZMIR), None))
    as_format = client.get("/api/cities/geonames-311046", params={"format": "turtle"})
    assert as_format.headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize(("path", "label"), [
    ("/api/countries/kz", "Kazakistan"),
    ("/api/countries/KZ", "Kazakistan"),
    ("/api/organizations/consulategeneral-kz-geonames-311046", "Kazakistan İzmir Başkonsolosluğu"),
    ("/api/people/cemil-tugay", "Cemil Tugay"),
    ("/api/events/seed-kazakhstan-consul/proposal/kazakistan-parki", "Kazakistan Parkı"),
    ("/api/articles/seed-kazakhstan-consul", None),
])
def test_every_kind_of_entity_has_a_lookup(client: httpx.Client, path: str, label: str | None) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.json().get("label") == label


def test_a_person_shows_their_posts_and_meetings(client: httpx.Client) -> None:
    person = client.get("/api/people/cemil-tugay").json()
    posts = [link["node"] for link in person["referencedBy"] if link["property"] == "org:member"]
    assert [p["properties"]["org:role"][0]["iri"] for p in posts] == [CREL + "Mayor"]
    meetings = [link["node"] for link in person["referencedBy"] if link["property"] == "crel:participant"]
    assert {m["id"] for m in meetings} == {"seed-izmir-baku-40/meeting/1", "seed-kazakhstan-consul/meeting/1"}
    meeting = client.get("/api/events/seed-kazakhstan-consul/meeting/1").json()
    assert meeting["type"] == "Meeting"
    quotes = meeting["properties"]["crel:evidence"]
    assert all(q["quote"] and q["end"] > q["start"] for q in quotes)


def test_an_unknown_id_is_404_with_a_message(client: httpx.Client) -> None:
    response = client.get("/api/cities/geonames-0")
    assert response.status_code == 404
    assert response.json()["detail"] == "There is no city 'geonames-0'."
    assert client.get("/api/cities/geonames-0", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/api/events/seed-kazakhstan-consul").status_code == 404  # an article, not an event


def test_lists_are_paged(client: httpx.Client) -> None:
    first = client.get("/api/organizations", params={"limit": 1}).json()
    assert first["total"] >= 3 and len(first["items"]) == 1 and first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 1 and second["items"][0]["iri"] > first["items"][0]["iri"]
    cities = client.get("/api/cities").json()
    assert [c["label"] for c in cities["items"]] == ["İzmir", "Bakü"]
    assert cities["next"] is None


def test_any_node_by_iri(client: httpx.Client) -> None:
    twinning = BASE + "twinning/geonames-311046--geonames-587084"
    response = client.get("/api/resources", params={"iri": twinning})
    assert response.json()["type"] == "SisterCityAgreement"
    assert client.get("/api/resources", params={"iri": "not an iri"}).status_code == 400


@pytest.mark.parametrize(("q", "iri"), [
    ("izmir", IZMIR), ("İZMİR", IZMIR), ("IZMIR", IZMIR), ("baku", BAKU), ("Bakü", BAKU),
    ("kazakistan", BASE + "country/kz"), ("Kazakhstan", BASE + "country/kz"), ("kz", BASE + "country/kz"),
    ("izazder", BASE + "org/association-izmir-azerbaycan-dernegi"), ("tugay", BASE + "person/cemil-tugay"),
])
def test_search_folds_the_turkish_way_and_ranks(client: httpx.Client, q: str, iri: str) -> None:
    results = client.get("/api/search", params={"q": q}).json()["results"]
    assert results and results[0]["iri"] == iri


def test_search_results_are_typed_and_filterable(client: httpx.Client) -> None:
    results = client.get("/api/search", params={"q": "kazakistan"}).json()["results"]
    assert results[0]["type"] == "Country"
    assert {"ConsulateGeneral", "Proposal"} <= {r["type"] for r in results}
    only = client.get("/api/search", params={"q": "kazakistan", "type": "Proposal"}).json()["results"]
    assert [r["label"] for r in only] == ["Kazakistan Parkı"]


def test_ids_dereference_with_303(client: httpx.Client) -> None:
    response = client.get("/id/city/geonames-311046", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["location"] == "/api/cities/geonames-311046"
    followed = client.get("/id/city/geonames-311046", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert followed.headers["content-type"].startswith("text/turtle")
    other = client.get("/id/twinning/geonames-311046--geonames-587084")
    assert other.headers["location"].startswith("/api/resources?iri=")


def test_export_streams_a_file(client: httpx.Client) -> None:
    whole = client.get("/export", params={"format": "trig"})
    assert whole.headers["content-disposition"] == 'attachment; filename="cityrel.trig"'
    dataset = Dataset()
    dataset.parse(data=whole.content, format="trig")
    assert URIRef(BASE + "graph/seed-izmir-baku-40") in {g.identifier for g in dataset.graphs()}
    one = client.get("/export", params={"format": "turtle", "graph": "seed-izmir-baku-40"})
    assert one.headers["content-disposition"] == 'attachment; filename="cityrel-seed-izmir-baku-40.ttl"'
    assert len(Graph().parse(data=one.content, format="turtle")) > 50
    assert client.get("/export", params={"graph": "no-such-article"}).status_code == 404
    assert client.get("/export", params={"format": "trig", "graph": "seed-izmir-baku-40"}).status_code == 400
    assert client.get("/export", params={"format": "pdf"}).status_code == 422


def test_health_and_metrics(client: httpx.Client) -> None:
    assert client.get("/health").json()["status"] == "ok"
    client.get("/sparql", params={"query": "ASK {}"})
    text = client.get("/metrics").text
    assert 'cityrel_http_requests_total{method="GET",route="/health",status="200"}' in text
    assert 'cityrel_sparql_queries_total{outcome="ok"}' in text


def test_cors_for_the_configured_origin_only(client: httpx.Client) -> None:
    preflight = {"Access-Control-Request-Method": "GET"}
    allowed = client.options("/api/cities", headers={**preflight, "Origin": "https://analyst.example.org"})
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example.org"
    other = client.get("/api/cities", headers={"Origin": "https://elsewhere.example.org"})
    assert "access-control-allow-origin" not in other.headers
