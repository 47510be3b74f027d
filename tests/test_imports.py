"""The twinning import on a slice of the real Wikidata P190 files, into a real store: no mocks.

The slice is every row of data/twinning/relations.tsv that names İzmir (Q35997)
or Baku (Q9248), and the Koblenz–Haringey rows (one of which the file holds
twice), with the labels of every item they name. It holds Baku → Honolulu, which Honolulu's item
does not state back, and İzmir–Baku, which the seed article states too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef

from cityrel.imports import (
    WIKIDATA_P190_2016,
    Agreement,
    ImportReport,
    Item,
    check_chunk,
    import_twinning,
    link_items,
    match_label,
    read_twinning,
)
from cityrel.pipeline import ingest
from cityrel.queries import load_queries
from cityrel.settings import Settings
from cityrel.store import Change, ExportFormat, SparqlStore, open_store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "twinning"
SEED = ROOT / "data" / "articles" / "seed-izmir-baku-40.txt"
BASE = "https://w3id.org/cityrel/id/"
IZMIR, BAKU = BASE + "city/geonames-311046", BASE + "city/geonames-587084"
HONOLULU = BASE + "city/geonames-5856195"
IZMIR_BAKU = BASE + "twinning/geonames-311046--geonames-587084"
DATASET = BASE + "dataset/wikidata-p190-2016"
DATASET_GRAPH = BASE + "graph/dataset/wikidata-p190-2016"
ARTICLE = BASE + "article/seed-izmir-baku-40"
PREFIXES = """
PREFIX crel: <https://w3id.org/cityrel/ontology#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def write_slice(directory: Path, qids: set[str], extra: list[str] = ()) -> Path:
    """The real rows naming any of `qids`, then `extra` rows, with the real labels of all they name."""
    relations = [line for line in (DATA / "relations.tsv").read_text(encoding="utf-8").splitlines()
                 if qids & set(line.split("\t"))] + list(extra)
    named = {qid for line in relations for qid in line.split("\t")}
    names = [line for line in (DATA / "names.tsv").read_text(encoding="utf-8").splitlines()
             if line.split("\t")[0] in named]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "relations.tsv").write_text("\n".join(relations) + "\n", encoding="utf-8")
    (directory / "names.tsv").write_text("\n".join(names) + "\n", encoding="utf-8")
    return directory


KOBLENZ_HARINGEY = "Q3104\tQ213560"  # in relations.tsv twice
HARINGEY_KOBLENZ = "Q213560\tQ3104"


@pytest.fixture(scope="module")
def slice_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_slice(tmp_path_factory.mktemp("twinning"), {"Q35997", "Q9248"},
                       extra=[KOBLENZ_HARINGEY, KOBLENZ_HARINGEY, HARINGEY_KOBLENZ])


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(store=tmp_path_factory.mktemp("store"), base_iri=BASE)


@pytest.fixture(scope="module")
def store(settings: Settings) -> Iterator[SparqlStore]:
    with open_store(settings) as store:
        yield store


@pytest.fixture(scope="module")
def report(store: SparqlStore, slice_dir: Path) -> ImportReport:
    """The seed article ingested, then the slice imported."""
    assert ingest([SEED], store, base_iri=BASE).ok
    return import_twinning(slice_dir, store, base_iri=BASE)


def ask(store: SparqlStore, pattern: str) -> bool:
    return store.ask(PREFIXES + f"ASK {{ {pattern} }}")


def twinning_sources(store: SparqlStore, **params: str) -> list[dict[str, Any]]:
    query = load_queries(ROOT / "queries")["twinning-sources"]
    rows = store.select(query.bind(params, base_iri=BASE))
    return [{name: value.toPython() if isinstance(value, Literal) else str(value)
             for name, value in row.items()} for row in rows]


# -- reading ---------------------------------------------------------------------


def test_the_shipped_files_are_the_ones_the_readme_describes() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in ("relations.tsv", "names.tsv"):
        digest = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
        assert f"| {name} |" in readme and digest in readme, name
    assert "CC0" in readme


def test_rows_that_cannot_be_imported_are_counted_and_left_out(tmp_path: Path) -> None:
    directory = write_slice(tmp_path, {"Q35997"}, extra=[
        KOBLENZ_HARINGEY, KOBLENZ_HARINGEY,  # a real duplicate
        "Q35997\tQ35997",                    # a self-loop
        "Q35997\tQ999999999",                # an item names.tsv does not label
        "Q35997 Q9248",                      # no tab
    ])
    rows = read_twinning(directory)
    assert rows.rows == 44 + 5
    assert len(rows.statements) == 44 + 1
    assert rows.problems == {"duplicate statement": 1, "self-loop": 1,
                             "statement about an item without a label": 1, "malformed relation row": 1}
    assert rows.labels["Q35997"] == "Izmir"


def test_a_missing_file_is_an_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="names.tsv"):
        read_twinning(tmp_path)


# -- linking -----------------------------------------------------------------------

LABELS = [
    # (label as in names.tsv, GeoNames id or None, the reason given)
    ("Izmir", 311046, "only place of that name"),
    ("Wolgograd", 472757, "only place of that name"),          # a German exonym among the alternate names
    ("Baku", 587084, "much the largest place of that name"),   # beside a Burke, US, of 735 people
    ("Long Beach", 5367929, "much the largest place of that name"),
    ("Frankfurt (Oder)", 2925535, "qualified name"),
    ("Adama (Äthiopien)", 330186, "only place of that name"),  # the qualifier is a country, in German
    ("Alexandria", None, "several places of that name"),       # Egypt's, and Mashhad has it as an old name
    ("Pueblo", None, "several places of that name"),           # Puebla is bigger, Pueblo CO is called so
    ("Niles (Illinois)", None, "qualifier not understood"),
    ("Landkreis Göttingen", None, "administrative unit"),
    ("Ohio", None, "administrative unit"),
    ("Y", None, "name too short to tell"),                     # the French commune, not Susitna North AK
    ("Balmaceda", None, "found only under a name unlike its own"),  # not La Aldea, Mexico
]


@pytest.mark.parametrize(("label", "geonames_id", "reason"), LABELS, ids=[case[0] for case in LABELS])
def test_a_label_is_linked_only_when_geonames_leaves_no_doubt(label: str, geonames_id: int | None,
                                                              reason: str) -> None:
    record, why = match_label(label)
    assert (record.geonames_id if record else None, why) == (geonames_id, reason)


def test_items_that_share_a_label_or_a_city_are_not_linked() -> None:
    items = link_items({"Q1": "Columbus", "Q2": "Columbus", "Q3": "Izmir", "Q4": "İzmir", "Q5": "Baku"})
    assert [items[qid].key for qid in ("Q1", "Q2", "Q3", "Q4", "Q5")] == [
        "wikidata-Q1", "wikidata-Q2", "wikidata-Q3", "wikidata-Q4", "geonames-587084"]


# -- the graph in the store ------------------------------------------------------------


def test_the_report_counts_what_was_imported(report: ImportReport) -> None:
    # 44 rows name İzmir, 51 Baku, 2 of them both; Koblenz → Haringey twice, Haringey → Koblenz once.
    assert (report.rows, report.statements, report.problems) == (93 + 3, 93 + 2, {"duplicate statement": 1})
    # İzmir's 22 partners, Baku's 26 (25 both ways, Honolulu one way), İzmir–Baku once, Koblenz–Haringey.
    assert (report.agreements, report.one_sided) == (22 + 26 - 1 + 1, 1)
    assert report.change is Change.ADDED
    assert report.items == report.linked + sum(n for why, n in report.link_reasons.items()
                                               if why.startswith("not linked"))
    assert "agreements: 48, of which 1 stated by one side only" in report.lines()


def test_a_city_is_the_same_as_its_wikidata_item_and_geonames_city(report: ImportReport,
                                                                   store: SparqlStore) -> None:
    assert ask(store, f"""GRAPH <{DATASET_GRAPH}> {{
        <{IZMIR}> a crel:City ; owl:sameAs <http://www.wikidata.org/entity/Q35997> ;
                  rdfs:label "Izmir"@und }}""")
    assert ask(store, f"""GRAPH <{store.reference_graph}> {{
        <{IZMIR}> owl:sameAs <https://sws.geonames.org/311046/> ;
                  crel:country <{BASE}country/tr> }}""")


def test_a_city_geonames_cannot_tell_keeps_its_wikidata_key(report: ImportReport, store: SparqlStore) -> None:
    alexandria = BASE + "city/wikidata-Q87"
    assert ask(store, f"<{alexandria}> owl:sameAs <http://www.wikidata.org/entity/Q87> ; rdfs:label ?label")
    assert not ask(store, f"<{alexandria}> owl:sameAs ?link FILTER(STRSTARTS(STR(?link), 'https://sws'))")


def test_the_dataset_is_described_as_the_source_of_its_agreements(report: ImportReport,
                                                                  store: SparqlStore) -> None:
    assert ask(store, f"""<{DATASET}> a dcat:Dataset , prov:Entity , crel:ImportedDataset ;
        dct:license <https://creativecommons.org/publicdomain/zero/1.0/> ;
        dct:source <https://github.com/L3viathan/sister-cities> ;
        dct:created "2016-09-10"^^<http://www.w3.org/2001/XMLSchema#date> ; dct:title ?title""")


def test_an_article_and_the_dataset_state_one_agreement_with_two_sources(report: ImportReport,
                                                                         store: SparqlStore) -> None:
    assert ask(store, f"<{IZMIR_BAKU}> prov:wasDerivedFrom <{ARTICLE}> , <{DATASET}>")
    assert ask(store, f"<{IZMIR_BAKU}> a crel:SisterCityAgreement , crel:TwinningAgreement")
    rows = twinning_sources(store, city="geonames-311046")
    assert len(rows) == 22
    assert {row["city"] for row in rows} == {IZMIR}  # the city asked for comes first
    assert rows[0]["agreement"] == IZMIR_BAKU  # the best-sourced comes first
    baku = rows[0]
    assert {baku["city"], baku["twin"]} == {IZMIR, BAKU}
    assert {baku["cityLabel"], baku["twinLabel"]} == {"İzmir", "Bakü"}
    assert (baku["sources"], baku["articles"], baku["datasets"], baku["listings"], baku["oneSided"]) == (
        2, 1, 1, 2, False)
    assert {(row["sources"], row["datasets"], row["listings"]) for row in rows[1:]} == {(1, 1, 2)}


def test_a_twinning_only_one_side_lists_is_one_sided(report: ImportReport, store: SparqlStore) -> None:
    one_sided = twinning_sources(store, oneSided="true")
    assert [({row["city"], row["twin"]}, row["listedBy"], row["listings"]) for row in one_sided] == [
        ({BAKU, HONOLULU}, BAKU, 1)]
    assert ask(store, f"""?agreement crel:party <{BAKU}> , <{HONOLULU}> ;
        prov:qualifiedDerivation [ prov:entity <{DATASET}> ; crel:statedBy <{BAKU}> ]""")
    assert not ask(store, f"?twinning prov:qualifiedDerivation/crel:statedBy <{HONOLULU}>")


def test_importing_again_changes_nothing(report: ImportReport, store: SparqlStore, slice_dir: Path) -> None:
    before = set(b"".join(store.export(ExportFormat.NQUADS)).splitlines())
    again = import_twinning(slice_dir, store, base_iri=BASE)
    after = set(b"".join(store.export(ExportFormat.NQUADS)).splitlines())
    assert again.change is Change.UNCHANGED
    assert after == before
    assert json.dumps(again.link_reasons, sort_keys=True) == json.dumps(report.link_reasons, sort_keys=True)


# -- the gate ------------------------------------------------------------------------


IZMIR_ITEM = Item("Q35997", "Izmir", "geonames-311046")
BAKU_ITEM = Item("Q9248", "Baku", "geonames-587084")
BREMEN_ITEM = Item("Q24879", "Bremen", "geonames-2944388")


def test_a_twinning_stated_by_a_city_not_party_to_it_is_refused() -> None:
    izmir, baku, bremen = IZMIR_ITEM, BAKU_ITEM, BREMEN_ITEM
    chunk = [Agreement((izmir, baku), stated_by=(bremen,)),
             Agreement((baku, bremen), stated_by=(baku, bremen))]
    report = check_chunk(WIKIDATA_P190_2016, BASE, chunk, "test")
    assert not report.conforms
    assert [(f.path, f.message) for f in report.findings if f.severity == "Violation"] == [
        ("crel:statedBy", "A twinning's crel:statedBy must name one of its parties (crel:party).")]


def test_the_twinning_of_an_import_conforms() -> None:
    izmir, baku = IZMIR_ITEM, BAKU_ITEM
    chunk = [Agreement((izmir, baku), stated_by=(izmir, baku))]
    report = check_chunk(WIKIDATA_P190_2016, BASE, chunk, "test")
    assert report.conforms, report.text()
    assert {f.message[:40] for f in report.findings} == {"A city should be owl:sameAs its GeoNames"}


def test_nodes_are_iris(report: ImportReport, store: SparqlStore) -> None:
    assert not ask(store, f"GRAPH <{DATASET_GRAPH}> {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }}")
    assert URIRef(DATASET_GRAPH) in store.graph_names()
