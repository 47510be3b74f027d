"""/sparql and /sparql/update through real SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore) and httpx."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from cityrel.api.app import create_app
from cityrel.settings import Settings

from .conftest import BASE, MAX_REQUEST_BYTES, MAX_ROWS, TOKEN, LiveServer

CITIES = """
PREFIX crel: <https://w3id.org/cityrel/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?city ?label WHERE { ?city a crel:City ; rdfs:label ?label FILTER(LANG(?label) = "tr") } ORDER BY ?label
"""
COUNTRIES = """
PREFIX crel: <https://w3id.org/cityrel/ontology#>
CONSTRUCT { ?c crel:countryCode ?code } WHERE { ?c a crel:Country ; crel:countryCode ?code }
"""
IZMIR = URIRef(BASE + "city/geonames-311046")
BAKU = URIRef(BASE + "city/geonames-587084")
REFERENCE = BASE + "graph/reference"


def labels(document: dict) -> list[str]:
    return [row["label"]["value"] for row in document["results"]["bindings"]]


# -- Reading with real clients ---------------------------------------------


def test_sparqlwrapper_reads_json_and_xml(service: LiveServer) -> None:
    wrapper = SPARQLWrapper(service.url + "/sparql")
    wrapper.setQuery(CITIES)
    wrapper.setReturnFormat(JSON)
    assert labels(wrapper.queryAndConvert()) == ["Bakü", "İzmir"]
    wrapper.setReturnFormat(XML)
    document = wrapper.queryAndConvert()
    assert [node.firstChild.data for node in document.getElementsByTagName("literal")] == ["Bakü", "İzmir"]


def test_sparqlwrapper_posts_and_reads_construct_as_turtle(service: LiveServer) -> None:
    wrapper = SPARQLWrapper(service.url + "/sparql")
    wrapper.setMethod("POST")
    wrapper.setQuery(COUNTRIES)
    wrapper.setReturnFormat(TURTLE)
    graph = Graph().parse(data=wrapper.queryAndConvert(), format="turtle")
    assert {str(code) for code in graph.objects()} == {"AZ", "KZ", "TR"}


def test_sparqlwrapper_reads_csv(service: LiveServer) -> None:
    wrapper = SPARQLWrapper(service.url + "/sparql")
    wrapper.setQuery(CITIES)
    wrapper.setReturnFormat(CSV)
    rows = list(csv.DictReader(io.StringIO(wrapper.queryAndConvert().decode())))
    assert [row["label"] for row in rows] == ["Bakü", "İzmir"]


@pytest.mark.parametrize("results", ["xml", "json"])
def test_rdflib_sparqlstore_queries_and_reads_triples(service: LiveServer, results: str) -> None:
    graph = Graph(store=SPARQLStore(service.url + "/sparql", returnFormat=results))
    assert [str(row.label) for row in graph.query(CITIES)] == ["Bakü", "İzmir"]
    twin = URIRef("https://w3id.org/cityrel/ontology#twinnedWith")
    assert (IZMIR, twin, BAKU) in graph
    assert Literal("Bakü", lang="tr") in set(graph.objects(BAKU, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    if results == "json":
        return  # rdflib then accepts only SPARQL JSON, which cannot carry a graph
    described = graph.query(f"DESCRIBE <{BAKU}>")
    assert (BAKU, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Baku", lang="en")) in set(described)


# -- The protocol with httpx ---------------------------------------------------


def test_get_post_form_and_post_query_give_the_same_answer(client: httpx.Client) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    by_get = client.get("/sparql", params={"query": CITIES}, headers=accept)
    by_form = client.post("/sparql", data={"query": CITIES}, headers=accept)
    direct = client.post("/sparql", content=CITIES.encode(),
                         headers={**accept, "Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, direct):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert labels(response.json()) == ["Bakü", "İzmir"]


@pytest.mark.parametrize(("accept", "media_type", "expected"), [
    ("application/sparql-results+xml", "application/sparql-results+xml", "<literal xml:lang=\"tr\">Bakü</literal>"),
    ("text/csv", "text/csv", "Bakü"),
    ("text/tab-separated-values", "text/tab-separated-values", '"Bakü"@tr'),
    ("text/turtle;q=0.9, text/csv;q=0.5, application/sparql-results+xml;q=0.1", "text/csv", "Bakü"),
    ("*/*", "application/sparql-results+json", '"Bakü"'),
])
def test_solutions_in_every_results_format(client: httpx.Client, accept: str, media_type: str,
                                           expected: str) -> None:
    response = client.get("/sparql", params={"query": CITIES}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert expected in response.text


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/trig", "trig"),
    ("application/rdf+xml", "xml"),
    ("application/trig;q=0.3, application/ld+json;q=0.8, text/turtle;q=0.5", "json-ld"),
])
def test_graphs_in_every_rdf_format(client: httpx.Client, accept: str, fmt: str) -> None:
    response = client.post("/sparql", data={"query": COUNTRIES}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    graph = Graph().parse(data=response.content, format=fmt)
    assert {str(code) for code in graph.objects()} == {"AZ", "KZ", "TR"}


def test_a_format_parameter_wins_over_accept(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COUNTRIES, "format": "ntriples"},
                          headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=response.content, format="nt")) == 3


def test_what_cannot_be_served_is_406(client: httpx.Client) -> None:
    assert client.get("/sparql", params={"query": CITIES}, headers={"Accept": "text/turtle"}).status_code == 406
    assert client.get("/sparql", params={"query": COUNTRIES}, headers={"Accept": "text/csv"}).status_code == 406
    assert client.get("/sparql", params={"query": CITIES, "format": "pdf"}).status_code == 406


def test_ask(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": f"ASK {{ <{IZMIR}> ?p ?o }}"})
    assert response.json()["boolean"] is True


def test_the_default_graph_is_the_union_and_the_dataset_can_be_named(client: httpx.Client) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

    def number(response: httpx.Response) -> int:
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    union = number(client.get("/sparql", params={"query": count}))
    reference = number(client.get("/sparql", params={"query": count, "default-graph-uri": REFERENCE}))
    by_form = number(client.post("/sparql", data={"query": count, "default-graph-uri": REFERENCE}))
    assert 0 < reference == by_form < union
    response = client.get("/sparql", params={"query": named, "named-graph-uri": REFERENCE})
    assert [row["g"]["value"] for row in response.json()["results"]["bindings"]] == [REFERENCE]


# -- Refusals ----------------------------------------------------------------


def test_a_syntax_error_is_400_with_the_parser_message(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "error at 1:" in response.text and "expected" in response.text


@pytest.mark.parametrize("garbage", ["", "SELEC", "SELECT * WHERE {", "PREFIX x: SELECT", "\u0000", "}}}}"])
def test_no_bad_query_is_a_500(client: httpx.Client, garbage: str) -> None:
    assert client.get("/sparql", params={"query": garbage}).status_code == 400
    assert client.post("/sparql", content=garbage.encode(),
                       headers={"Content-Type": "application/sparql-query"}).status_code == 400


def test_a_body_that_is_not_utf8_is_400(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"SELECT * { ?s ?p \xff }",
                           headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400


INSERT = f'INSERT DATA {{ GRAPH <urn:test:g> {{ <{IZMIR}> <urn:test:p> "x" }} }}'


def test_an_update_sent_to_sparql_is_refused(client: httpx.Client) -> None:
    attempts = [
        client.get("/sparql", params={"update": INSERT}),
        client.get("/sparql", params={"query": INSERT}),
        client.post("/sparql", data={"update": INSERT}),
        client.post("/sparql", data={"query": INSERT}),
        client.post("/sparql", content=INSERT.encode(), headers={"Content-Type": "application/sparql-update"}),
        client.post("/sparql", content=INSERT.encode(), headers={"Content-Type": "application/sparql-query"}),
    ]
    for response in attempts:
        assert response.status_code == 400
        assert "/sparql/update" in response.text
    check = client.get("/sparql", params={"query": "ASK { GRAPH <urn:test:g> { ?s ?p ?o } }"})
    assert check.json()["boolean"] is False


def test_updates_need_the_token(client: httpx.Client) -> None:
    insert = {"Content-Type": "application/sparql-update"}
    assert client.post("/sparql/update", content=INSERT.encode(), headers=insert).status_code == 401
    wrong = {**insert, "Authorization": "Bearer nope"}
    assert client.post("/sparql/update", content=INSERT.encode(), headers=wrong).status_code == 401
    right = {**insert, "Authorization": f"Bearer {TOKEN}"}
    assert client.post("/sparql/update", content=INSERT.encode(), headers=right).status_code == 204
    ask = {"query": "ASK { GRAPH <urn:test:g> { ?s ?p ?o } }"}
    assert client.get("/sparql", params=ask).json()["boolean"] is True
    drop = client.post("/sparql/update", data={"update": "DROP GRAPH <urn:test:g>"},
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert drop.status_code == 204
    assert client.get("/sparql", params=ask).json()["boolean"] is False


def test_a_query_sent_to_the_update_endpoint_is_refused(client: httpx.Client) -> None:
    response = client.post("/sparql/update", data={"update": CITIES}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400


def test_without_a_configured_token_there_are_no_updates(settings: Settings, service: LiveServer) -> None:
    with LiveServer(create_app(settings.model_copy(update={"update_token": None}))) as other:  # joins the running engine
        response = httpx.post(other.url + "/sparql/update", content=INSERT.encode(), trust_env=False,
                              headers={"Content-Type": "application/sparql-update"})
        assert response.status_code == 403
        response = httpx.post(other.url + "/sparql/update", content=INSERT.encode(), trust_env=False,
                              headers={"Content-Type": "application/sparql-update",
                                       "Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 403
        assert "disabled" in response.text


class Listener:
    """A TCP socket on loopback that records whether anything connected to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.connected = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connected.set()
            connection.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.socket.close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX remote: <{base}> SELECT * WHERE {{ SERVICE SILENT remote:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "select * where {{ ?a ?b ?c . service <{url}> {{ ?s ?p ?o }} }}",
])
def test_service_clauses_are_refused_without_connecting(client: httpx.Client, template: str) -> None:
    listener = Listener()
    try:
        query = template.format(url=listener.url, base=listener.url.removesuffix("sparql"))
        response = client.get("/sparql", params={"query": query})
        assert response.status_code == 400
        assert "not allowed" in response.text
        assert not listener.connected.wait(0.5)
    finally:
        listener.close()


def test_a_body_over_the_cap_is_413(client: httpx.Client) -> None:
    padding = "#" + "x" * MAX_REQUEST_BYTES + "\n"
    response = client.post("/sparql", content=(padding + CITIES).encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_results_are_capped_and_say_so(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS
    assert "X-Cityrel-Truncated" in response.headers
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
    assert len(response.text.strip().splitlines()) == MAX_ROWS + 1


# -- Service description ---------------------------------------------------------


def test_get_without_a_query_describes_the_service(client: httpx.Client, service: LiveServer) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(service.url + "/sparql")) in graph
    assert (None, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in graph
    as_jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert json.loads(as_jsonld.text)
