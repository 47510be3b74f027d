"""Reading query text (cityrel.queries) and choosing formats (cityrel.api.media), without a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from cityrel.api import media
from cityrel.errors import QueryError
from cityrel.queries import (
    Form,
    NamedQuery,
    iri_term,
    literal_term,
    load_queries,
    query_form,
    remote_iris,
    tokens,
    with_values,
)
from cityrel.settings import Settings


@pytest.mark.parametrize(("text", "form"), [
    ("SELECT * WHERE { ?s ?p ?o }", Form.SELECT),
    ("PREFIX ex: <http://ex.org/> BASE <http://b/> construct { ?s ?p ?o } where { ?s ?p ?o }", Form.CONSTRUCT),
    ("# SELECT in a comment\nASK {}", Form.ASK),
    ("DESCRIBE <http://ex.org/a>", Form.DESCRIBE),
    ("PREFIX a: <x:> INSERT DATA { a:b a:c a:d }", Form.UPDATE),
    ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", Form.UPDATE),
    ("LOAD <http://ex.org/data.ttl>", Form.UPDATE),
    ("SELEC * {}", Form.UNKNOWN),
    ("", Form.UNKNOWN),
])
def test_query_form(text: str, form: Form) -> None:
    assert query_form(text) is form


@pytest.mark.parametrize(("text", "found"), [
    ("SELECT * { SERVICE <http://a/sparql> { ?s ?p ?o } }", ["http://a/sparql"]),
    ("PREFIX e: <http://e/> SELECT * { SERVICE SILENT e:q { } }", ["http://e/q"]),
    ("SELECT * { SERVICE ?endpoint { } }", [None]),
    ("SELECT * { SERVICE nope:q { } }", [None]),
    ("BASE <http://b/x/> SELECT * { SERVICE <sparql> { } }", ["http://b/x/sparql"]),
    ('SELECT * { ?s ?p "SERVICE <http://no/>" . ?s ?p """\nSERVICE <http://no/>""" }', []),
    ("SELECT * { ?s ?p ?o } # SERVICE <http://no/>", []),
    ("SELECT * { ?service <http://p/service> ?o . ?o ex:service ?x }", []),
    ("SELECT * { ?s <http://a/b#c> ?o . SERVICE <http://yes/> {} }", ["http://yes/"]),
    ("SELECT * { ?s ex:a\\#b ?o . SERVICE <http://yes/> {} }", ["http://yes/"]),
    ("SELECT * { FILTER(?a<?b) SERVICE <http://yes/> {} }", ["http://yes/"]),
    ("LOAD SILENT <http://data/x.ttl> INTO GRAPH <g>", ["http://data/x.ttl"]),
])
def test_remote_iris(text: str, found: list[str | None]) -> None:
    assert remote_iris(text) == found


def test_tokens_keep_strings_iris_and_comments_apart() -> None:
    kinds = [(t.kind, t.text) for t in tokens('?x <http://a#b> "q # not a comment" # comment\n ex:p.')]
    assert kinds == [("VAR", "?x"), ("IRI", "<http://a#b>"), ("STRING", '"q # not a comment"'),
                     ("PNAME", "ex:p"), ("PUNCT", ".")]


@pytest.mark.parametrize("value", ['x" } UNION { ?a ?b ?c } #', "x\\", "line\nbreak", "'single'", '"""'])
def test_a_literal_is_always_one_token(value: str) -> None:
    term = literal_term(value)
    assert [t.kind for t in tokens(term)] == ["STRING"]
    bound = with_values("SELECT * WHERE { ?s ?p ?o }", {"o": term})
    assert bound.count("{") == value.count("{") + 2


@pytest.mark.parametrize("value", ["http://a/b> } UNION { ?s ?p ?o", "http://a b", "relative/iri", "<http://a>"])
def test_what_is_not_an_iri_is_refused(value: str) -> None:
    with pytest.raises(QueryError):
        iri_term(value)


def test_values_go_into_the_where_group() -> None:
    bound = with_values("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", {"s": "<http://a/b>", "p": None})
    assert bound == "CONSTRUCT { ?s ?p ?o } { VALUES (?s ?p) { (<http://a/b> UNDEF) }\n ?s ?p ?o }"


def test_values_also_go_into_each_union_branch_and_subquery_that_uses_them() -> None:
    text = ("SELECT * WHERE { ?x ?p ?o { ?s ?p ?o } UNION { ?o ?q ?s } "
            "{ SELECT ?t WHERE { ?t ?p ?o FILTER(?o != ?s) } } }")
    bound = with_values(text, {"s": "<http://a/b>"})
    block = "VALUES (?s) { (<http://a/b>) }\n"
    assert bound == ("SELECT * WHERE { " + block + " ?x ?p ?o { " + block + " ?s ?p ?o } UNION { " + block +
                     " ?o ?q ?s } { SELECT ?t WHERE { " + block + " ?t ?p ?o FILTER(?o != ?s) } } }")


def test_every_named_query_in_the_repository_loads() -> None:
    catalog = load_queries(Settings().queries_dir)
    assert len(catalog) >= 10
    assert catalog["city-twins"].parameter("city") is not None


@pytest.mark.parametrize(("text", "message"), [
    ("SELECT * WHERE { ?s ?p ?o }", "summary"),
    ("#+ summary: x\nDELETE WHERE { ?s ?p ?o }", "SELECT"),
    ("#+ summary: x\nSELECT * WHERE { ?s ?p ?o } LIMIT 5", "LIMIT"),
    ("#+ summary: x\nSELECT * WHERE { ?s ?p ?_o_colour }", "unknown type"),
    ("#+ summary: x\n#+ params:\n#+   city: a city\nSELECT * WHERE { ?s ?p ?o }", "does not use"),
    ("#+ summary: [unclosed\nSELECT * WHERE { }", "YAML"),
])
def test_a_bad_named_query_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.rq"
    path.write_text(text)
    with pytest.raises(QueryError, match=message):
        NamedQuery.read(path)


@pytest.mark.parametrize(("accept", "requested", "expected"), [
    (None, [], "json"),
    ("application/json", [], "json"),
    ("text/javascript, application/javascript", [], "json"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.8", [], "xml"),
    ("text/*", [], "csv"),
    ("text/html", [], None),
    ("application/sparql-results+json;q=0", [], None),
    ("application/sparql-results+json;q=0, */*;q=0.1", [], "xml"),
    ("text/csv", ["tsv"], "tsv"),
    ("text/csv", ["text/tab-separated-values"], "tsv"),
    (None, ["pdf"], None),
])
def test_negotiating_results(accept: str | None, requested: list[str], expected: str | None) -> None:
    chosen = media.negotiate(media.RESULT_FORMATS, accept, requested)
    assert (chosen.name if chosen else None) == expected


def test_plain_json_beats_json_ld_for_application_json() -> None:
    assert media.negotiate(media.LOOKUP_FORMATS, "application/json", []) is media.PLAIN_JSON
    assert media.negotiate(media.LOOKUP_FORMATS, "application/ld+json", []) is media.JSONLD
    assert media.negotiate(media.GRAPH_FORMATS, "application/json", []) is media.JSONLD


def test_the_api_package_exports_create_app_and_run() -> None:
    import cityrel.api

    assert cityrel.api.__all__ == sorted(cityrel.api.__all__) == ["create_app", "run"]
