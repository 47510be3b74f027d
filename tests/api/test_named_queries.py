"""Named queries at /api/queries: the seed facts, typed parameters, injection, paging, formats, OpenAPI."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from cityrel.queries import load_queries

from .conftest import BASE

IZMIR = BASE + "city/geonames-311046"
BAKU = BASE + "city/geonames-587084"


def rows(client: httpx.Client, name: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/api/queries/{name}", params=params)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["rows"]
    return found


def test_at_least_ten_queries_are_listed_with_their_parameters(client: httpx.Client) -> None:
    listed = client.get("/api/queries").json()["queries"]
    assert len(listed) >= 10
    by_name = {query["name"]: query for query in listed}
    assert [p["name"] for p in by_name["calls-on-mayor"]["parameters"]] == ["mayor", "year"]
    assert by_name["calls-on-mayor"]["parameters"][1] | {"description": ""} == {
        "name": "year", "type": "integer", "required": False, "description": "", "example": "2025"}
    for query in listed:
        assert query["summary"]
        assert client.get(query["example"]).status_code == 200, query["name"]


def test_every_query_is_documented_in_openapi_with_its_parameters(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    operation = paths["/api/queries/city-twins"]["get"]
    assert "twin cities" in operation["summary"]
    names = {p["name"]: p for p in operation["parameters"]}
    assert names["city"]["required"] is True
    assert {"limit", "offset"} <= set(names)
    assert {p["name"] for p in paths["/api/queries/calls-on-mayor"]["get"]["parameters"]} >= {"mayor", "year"}


@pytest.mark.parametrize("city", ["geonames-311046", "city/geonames-311046", IZMIR, "İzmir", "izmir", "IZMIR"])
def test_izmirs_sister_city_baku_since_1986(client: httpx.Client, city: str) -> None:
    assert rows(client, "city-twins", city=city) == [{
        "twin": BAKU, "twinLabel": "Bakü", "country": "AZ", "kind": "sister city", "year": 1986, "signed": "1986",
        "agreement": BASE + "twinning/geonames-311046--geonames-587084",
        "articles": BASE + "article/seed-izmir-baku-40"}]


def test_the_twinning_is_seen_from_baku_too(client: httpx.Client) -> None:
    assert [(r["twinLabel"], r["year"]) for r in rows(client, "city-twins", city="Bakü")] == [("İzmir", 1986)]


def test_who_called_on_the_mayor(client: httpx.Client) -> None:
    everyone = rows(client, "calls-on-mayor", mayor="Cemil Tugay")
    assert {r["visitorLabel"] for r in everyone} == {"Perviz Altay", "Bauyrzhan Akatayev"}
    in_2025 = rows(client, "calls-on-mayor", mayor="cemil-tugay", year="2025")
    assert [(r["visitorLabel"], r["role"], r["date"]) for r in in_2025] == [
        ("Bauyrzhan Akatayev", "ConsulGeneral", "2025-11-07")]
    assert rows(client, "calls-on-mayor", mayor="cemil-tugay", year="1999") == []


def test_missions_meetings_communities_and_associations(client: httpx.Client) -> None:
    missions = rows(client, "missions-in-city", city="izmir")
    assert [(m["kind"], m["country"], m["headLabel"]) for m in missions] == [
        ("consulate general", "KZ", "Bauyrzhan Akatayev")]
    meetings = rows(client, "meetings-with-country", country="KZ")
    assert [(m["representativeLabel"], m["met"]) for m in meetings] == [("Bauyrzhan Akatayev", "Cemil Tugay")]
    assert rows(client, "meetings-with-country", country="kazakhstan") == meetings
    communities = rows(client, "community-statistics", nationality="kz")
    assert [(c["cityLabel"], c["count"], c["qualifier"]) for c in communities] == [("İzmir", 3000, "atLeast")]
    associations = rows(client, "associations", community="az")
    assert [(a["acronym"], a["cityLabel"], a["presidentLabel"]) for a in associations] == [
        ("İZAZDER", "İzmir", "Perviz Altay")]
    assert rows(client, "associations", community="kz") == []


def test_posts_of_one_person_and_of_one_organization(client: httpx.Client) -> None:
    assert {r["personLabel"] for r in rows(client, "posts")} >= {"Cemil Tugay", "Bauyrzhan Akatayev", "Perviz Altay"}
    mayor = rows(client, "posts", person="cemil-tugay")
    assert [(r["personLabel"], r["role"], r["organizationLabel"], r["articles"]) for r in mayor] == [
        ("Cemil Tugay", "Mayor", "İzmir Belediyesi", 2)]
    consulate = BASE + "org/consulategeneral-kz-geonames-311046"
    assert [(r["personLabel"], r["role"]) for r in rows(client, "posts", organization=consulate)] == [
        ("Bauyrzhan Akatayev", "ConsulGeneral")]
    assert rows(client, "posts", person="cemil-tugay", organization=consulate) == []


def test_plans_and_the_timeline(client: httpx.Client) -> None:
    proposals = rows(client, "proposals")
    assert [(p["label"], p["outcome"]) for p in proposals] == [("Kazakistan Parkı", "no later mention")]
    events = {e["label"] for e in rows(client, "planned-events", year=2025)}
    assert events == {"İzmir Günleri", "Kazakistan Günleri"}
    timeline = rows(client, "city-country-timeline", city="izmir", country="kz")
    assert {t["kind"] for t in timeline} >= {"meeting", "mission", "community", "proposal"}
    with_az = rows(client, "city-country-timeline", city="izmir", country="az")
    assert ("twinning", 1986) in {(t["kind"], t["year"]) for t in with_az}


def test_a_proposals_outcome_comes_from_later_articles_only() -> None:
    # Five articles on one name: a plan before the proposal, the proposal, the same proposal again,
    # then the plan announced; and a last proposal that nothing follows.
    mentions = [("a0", "2023-12-01", "PlannedEvent", "Kazakistan Parkı"), ("a1", "2024-01-10", "Proposal", "Kazakistan Parkı"),
                ("a2", "2024-03-05", "Proposal", "kazakistan parkı"), ("a3", "2024-06-01", "PlannedEvent", "Kazakistan Parkı"),
                ("a4", "2024-07-01", "Proposal", "Kazakistan Parkı")]
    data = "".join(f"""
        <{BASE}article/{key}> <https://schema.org/datePublished> "{date}"^^<http://www.w3.org/2001/XMLSchema#date> .
        <{BASE}article/{key}/plan> a <https://w3id.org/cityrel/ontology#{kind}> ;
            <http://www.w3.org/2000/01/rdf-schema#label> "{label}"@tr ;
            <http://www.w3.org/ns/prov#wasDerivedFrom> <{BASE}article/{key}> .""" for key, date, kind, label in mentions)
    store = ox.Store()
    store.load(data.encode(), ox.RdfFormat.TURTLE)
    query = load_queries(Path(__file__).parents[2] / "queries")["proposals"]
    solutions = store.query(query.bind({}, base_iri=BASE))
    assert isinstance(solutions, ox.QuerySolutions)
    outcomes = [(s["article"].value.rsplit("/", 1)[1], s["outcome"].value, s["firstFollowUp"] and s["firstFollowUp"].value)
                for s in solutions]
    assert outcomes == [("a1", "announced as a planned event", "2024-03-05"),
                        ("a2", "announced as a planned event", "2024-06-01"),
                        ("a4", "no later mention", None)]


def test_every_fact_of_an_article_comes_with_its_exact_quote(client: httpx.Client,
                                                              seeded: dict[str, str]) -> None:
    text = seeded["seed-kazakhstan-consul"]
    facts = rows(client, "article-facts", article="seed-kazakhstan-consul", limit=1000)
    assert {"Membership", "Meeting", "Proposal", "PlannedEvent", "CommunityStatistic"} <= {f["kind"] for f in facts}
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["quote"]


# -- Parameters ----------------------------------------------------------------


INJECTIONS = [
    'Mayor") || true || ("',
    "Mayor' || true || '",
    'Mayor" } UNION { ?post ?p ?o } #',
    'Mayor"^^<http://www.w3.org/2001/XMLSchema#string> . } } SELECT * WHERE { ?s ?p ?o } #',
    "Mayor\\",
    "Mayor\n} UNION {",
]


@pytest.mark.parametrize("injected", INJECTIONS)
def test_a_parameter_carrying_sparql_matches_no_more_than_its_honest_value(client: httpx.Client,
                                                                           injected: str) -> None:
    honest = rows(client, "posts", role="Mayor")
    assert [r["personLabel"] for r in honest] == ["Cemil Tugay"]
    response = client.get("/api/queries/posts", params={"role": injected})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert len(response.json()["rows"]) <= len(honest)


@pytest.mark.parametrize("injected", [
    "geonames-311046> . ?x ?y ?z } #",
    f"{IZMIR}> }} UNION {{ ?agreement <https://w3id.org/cityrel/ontology#party> ?twin",
    "geonames-311046 UNDEF",
    "../../graph/reference",
])
def test_an_iri_parameter_carrying_sparql_is_refused(client: httpx.Client, injected: str) -> None:
    response = client.get("/api/queries/city-twins", params={"city": injected})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["rows"] == []


@pytest.mark.parametrize(("params", "message"), [
    ({}, "needs the parameter 'city'"),
    ({"city": "geonames-311046", "town": "x"}, "has no parameter town"),
])
def test_missing_and_unknown_parameters_are_400(client: httpx.Client, params: dict[str, str],
                                                message: str) -> None:
    response = client.get("/api/queries/city-twins", params=params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_an_ill_typed_value_is_400(client: httpx.Client) -> None:
    response = client.get("/api/queries/calls-on-mayor", params={"mayor": "cemil-tugay", "year": "last year"})
    assert response.status_code == 400
    assert "not a valid integer" in response.json()["detail"]


def test_limit_offset_and_next(client: httpx.Client) -> None:
    everything = rows(client, "article-facts", article="seed-izmir-baku-40", limit=1000)
    first = client.get("/api/queries/article-facts", params={"article": "seed-izmir-baku-40", "limit": 3}).json()
    assert first["rows"] == everything[:3]
    assert first["next"] is not None
    second = client.get(first["next"]).json()
    assert second["offset"] == 3 and second["rows"] == everything[3:6]
    assert client.get("/api/queries/posts", params={"limit": 0}).status_code == 422


def test_sparql_json_and_csv_on_request(client: httpx.Client) -> None:
    params = {"city": "geonames-311046"}
    srj = client.get("/api/queries/city-twins", params=params, headers={"Accept": "application/sparql-results+json"})
    assert srj.headers["content-type"].startswith("application/sparql-results+json")
    binding = srj.json()["results"]["bindings"][0]
    assert binding["year"] == {"type": "literal", "value": "1986",
                               "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    as_csv = client.get("/api/queries/city-twins", params={**params, "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    [row] = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert (row["twinLabel"], row["year"]) == ("Bakü", "1986")
    assert client.get("/api/queries/city-twins", params=params, headers={"Accept": "text/turtle"}).status_code == 406


def test_the_query_text_is_served(client: httpx.Client) -> None:
    response = client.get("/api/queries/city-twins.rq")
    assert "?_city_iri" in response.text
    assert client.get("/api/queries/nothing.rq").status_code == 404
