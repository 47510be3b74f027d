"""The `cityrel` command as a user runs it: real processes, a real store in a temporary directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from cityrel.validate import validate

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
CITYREL = str(Path(sys.executable).with_name("cityrel"))


def run(*args: str, store: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CITYREL_STORE": str(store)}
    result = subprocess.run([CITYREL, *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store")
    run("ingest", str(SAMPLES), store=store)
    return store


@pytest.fixture(scope="module")
def turtle(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    out = tmp_path_factory.mktemp("export") / "graph.ttl"
    run("export", "--format", "turtle", "-o", str(out), store=sample_store)
    return Graph().parse(out, format="turtle")


ANSWERS = {
    "the mayor of İzmir": ("""
        SELECT DISTINCT ?name WHERE { ?post org:role crel:Mayor ; org:member/rdfs:label ?name ;
                                   org:organization/crel:governs/rdfs:label "İzmir"@tr }""", {"Cemil Tugay"}),
    "Kazakhstan's consulate general in İzmir": ("""
        SELECT ?code WHERE { ?mission a crel:ConsulateGeneral ; crel:representsCountry/crel:countryCode ?code ;
                                      crel:locatedIn/rdfs:label "İzmir"@tr }""", {"KZ"}),
    "İzmir and Bakü twinned since 1986": ("""
        SELECT ?year WHERE { ?agreement a crel:SisterCityAgreement ; crel:signedDate ?year ;
                                        crel:party/rdfs:label "İzmir"@tr, "Bakü"@tr }""", {"1986"}),
    "at least 3,000 Kazakhs in İzmir": ("""
        SELECT ?count WHERE { ?stat a crel:CommunityStatistic ; crel:count ?count ; crel:countQualifier "atLeast" ;
                                    crel:nationality/crel:countryCode "KZ" ; crel:residesIn/rdfs:label "İzmir"@tr .
                              FILTER(?count >= 3000) }""", {"3000"}),
}
PREFIXES = """PREFIX crel: <https://w3id.org/cityrel/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.mark.parametrize("question", list(ANSWERS))
def test_exported_turtle_answers(turtle: Graph, question: str) -> None:
    query, expected = ANSWERS[question]
    assert {str(row[0]) for row in turtle.query(PREFIXES + query)} == expected


def test_exported_turtle_conforms_to_the_shapes(turtle: Graph) -> None:
    report = validate(turtle, source="export")
    assert report.conforms, report.text()


def test_query_command_prints_a_table(sample_store: Path) -> None:
    result = run("query", PREFIXES + ANSWERS["the mayor of İzmir"][0], store=sample_store)
    assert "Cemil Tugay" in result.stdout and "(1 row)" in result.stdout


def test_a_query_longer_than_a_file_name_is_read_as_a_query(sample_store: Path) -> None:
    comment = "# " + "the mayor of the city that the articles name " * 8 + "\n"  # no slash: one 370-byte name
    result = run("query", comment + PREFIXES + ANSWERS["the mayor of İzmir"][0], store=sample_store)
    assert "Cemil Tugay" in result.stdout


def test_validate_command_checks_every_article(sample_store: Path) -> None:
    result = run("validate", store=sample_store)
    assert "2 article graph(s) checked, 0 not conforming" in result.stdout


def test_reingesting_changes_nothing(sample_store: Path, tmp_path: Path) -> None:
    before = run("export", "--format", "nquads", store=sample_store).stdout
    result = run("ingest", str(SAMPLES), store=sample_store)
    assert "2 unchanged" in result.stdout
    assert sorted(run("export", "--format", "nquads", store=sample_store).stdout.splitlines()) == sorted(
        before.splitlines())


def test_a_broken_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text((SAMPLES / "seed-kazakhstan-consul.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    (inbox / "latin1.txt").write_bytes("İzmir'de bir gün".encode()[:3] + "ğ".encode("latin-1", "replace")
                                       + b"\xff\xfe broken")
    (inbox / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run("ingest", str(inbox), store=tmp_path / "store", check=False)
    assert result.returncode == 1
    assert "latin1.txt" in result.stderr and "empty.txt" in result.stderr
    assert "1 added" in result.stdout
    stored = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> } }",
                 "--format", "json", store=tmp_path / "store")
    assert json.loads(stored.stdout) == [{"n": "1"}]


def test_a_changed_article_replaces_its_own_graph_only(tmp_path: Path) -> None:
    inbox, store = tmp_path / "inbox", tmp_path / "store"
    inbox.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        (inbox / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    run("ingest", str(inbox), store=store)
    changed = inbox / "seed-kazakhstan-consul.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("3 bini aşkın", "5 bini aşkın"), encoding="utf-8")
    result = run("ingest", str(inbox), store=store)
    assert "1 replaced" in result.stdout and "1 unchanged" in result.stdout
    counts = run("query", "PREFIX crel: <https://w3id.org/cityrel/ontology#> "
                 "SELECT ?n WHERE { ?s crel:count ?n }", "--format", "json", store=store)
    assert json.loads(counts.stdout) == [{"n": "5000"}]


def test_extract_prints_facts_with_quotes_without_a_store(tmp_path: Path) -> None:
    result = run("extract", str(SAMPLES / "seed-kazakhstan-consul.txt"), "--json", store=tmp_path / "unused")
    facts = json.loads(result.stdout)
    assert {"person": "Bauyrzhan Akatayev", "role": "ConsulGeneral"}.items() <= facts["posts"][1].items()
    assert not (tmp_path / "unused").exists()


def test_a_bad_query_is_a_clear_error(sample_store: Path) -> None:
    result = run("query", "SELECT ?x WHERE { ?x ", store=sample_store, check=False)
    assert result.returncode == 1 and result.stderr.startswith("cityrel:")
