"""Stage 4: the SHACL gate between an article's graph and the store.

`validate(data, source=...)` checks a graph against every shapes file in the
repository's `shapes/` directory with pyshacl and returns a `Report`; it never
raises because data does not conform. `validate_store(store)` reports on every
article graph already stored; `cityrel validate` prints both kinds of findings.

`check_article(graph)` is the ingest gate: it checks one article's own
statements together with the reference triples they point at, and raises
`ShapeViolation` if any finding is a violation. Only violations block, so the
gate looks for nothing else. It runs in two steps:

1. `screen(triples)`: rudof (pyrudof, in Rust, about ten times as fast as
   pyshacl here) checks the triples against the violation shapes (core.ttl),
   and rdflib's reading of each typed literal says whether it is well formed.
   rudof does not check lexical forms ("2026-02-30"^^xsd:date passes it), and
   pyshacl refuses an ill-typed literal under sh:datatype.
2. Only an article that the screen does not pass goes to pyshacl, whose
   verdict decides and whose report (the shapes' own sh:message texts, which
   rudof replaces by its own for sh:or, sh:not and qualified shapes) is what
   the refusal shows. So the gate refuses exactly what pyshacl refuses, as
   long as the screen fails whatever pyshacl refuses: tests/test_validate.py
   runs both over every broken variant of its tables to show it.

Validation runs without inference. The one thing added to the data is the
ontology's rdfs:subClassOf axioms (from `ontology/`), so that a node typed
crel:Embassy counts as a crel:DiplomaticMission and a crel:Municipality as an
org:Organization. Shapes and axioms are read once per process.

The shapes and the ontology are found next to the source tree (see
`resource_dir`): cityrel is installed from a checkout with `pip install -e .`.
"""

from __future__ import annotations

import os
import threading
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyrudof
import pyshacl
from rdflib import Graph, Literal, Node, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from cityrel.errors import CityrelError, ShapeViolation
from cityrel.namespaces import PREFIXES, RDF, RDFS
from cityrel.settings import get_settings

if TYPE_CHECKING:
    from cityrel.rdf import ArticleGraph
    from cityrel.store import SparqlStore

Severity = typing.Literal["Violation", "Warning", "Info"]

_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_LONGEST_VALUE = 60  # characters of a literal shown in a report line; an article text would drown it
_VIOLATION_SHAPES = "core.ttl"
"""The shapes file of the violations, all that the gate's screen checks (warnings.ttl never refuses)."""


@dataclass(frozen=True)
class Finding:
    """One SHACL result: which node breaks which rule, and how.

    `focus`, `path` and `value` are N3 with cityrel's prefixes (`crel:quote`,
    `<https://w3id.org/cityrel/id/person/x>`); `path` and `value` are None
    where the rule concerns the node as a whole.
    """

    severity: Severity
    focus: str
    path: str | None
    message: str
    value: str | None

    def line(self, source: str) -> str:
        """`source: Violation at <…/membership/…> org:role — A post needs … (value: crel:Chair)`."""
        where = " ".join(part for part in (_short(self.focus), self.path) if part)
        value = f" (value: {_short(self.value)})" if self.value else ""
        return f"{source}: {self.severity} at {where} — {self.message}{value}"


@dataclass(frozen=True)
class Report:
    """The findings for one validated graph, violations first; `conforms` means no violations."""

    source: str
    conforms: bool
    findings: tuple[Finding, ...]

    def text(self) -> str:
        """One line per finding; empty when there are none."""
        return "\n".join(finding.line(self.source) for finding in self.findings)


def validate(data: Graph, *, source: str) -> Report:
    """Check `data` against the shapes; `source` names it in the report (a file name, a graph)."""
    return _validate((data,), source)


def check_article(article_graph: ArticleGraph) -> None:
    """The ingest gate: ShapeViolation, with pyshacl's report, unless the article's graph has no violation.

    The graph is its statements with the reference triples they use. An article
    that passes the screen is not shown to pyshacl at all.
    """
    if screen(article_graph):
        return
    source = article_graph.article.source
    data = Graph()
    for part in (article_graph.statements, article_graph.reference):
        data += part
    report = _validate((data,), source)
    if not report.conforms:
        raise ShapeViolation(source, report.text())


def check_articles(article_graphs: Sequence[ArticleGraph]) -> list[CityrelError | None]:
    """The ingest gate for a batch of articles: for each, None if it may be stored, or the error saying why not.

    The batch is screened as one graph first, one rudof run for 32 articles (about
    2.5 ms an article, as for one alone since each converts its triples once, in
    `ArticleGraph.oxigraph`). Only when the screen doubts the batch is each article
    checked alone, by check_article. A thing that several
    articles of the batch name is then checked with what all of them say of it,
    which is what the reference graph will hold.
    """
    if len(article_graphs) > 1 and screen(*article_graphs):
        return [None] * len(article_graphs)
    outcomes: list[CityrelError | None] = []
    for graph in article_graphs:
        try:
            check_article(graph)
        except CityrelError as error:
            outcomes.append(error)
        else:
            outcomes.append(None)
    return outcomes


def screen(*article_graphs: ArticleGraph) -> bool:
    """Whether the articles' triples together pass the gate's fast check: no violation found by rudof, and
    every typed literal well formed. False sends them to pyshacl; False for conforming data only costs time."""
    parts = [part for graph in article_graphs for part in (graph.statements, graph.reference)]
    if any(isinstance(o, Literal) and o.ill_typed for part in parts for _s, _p, o in part):
        return False
    try:
        # A set: a thing that several of the articles describe is described once.
        triples = set().union(*(part for graph in article_graphs for part in graph.oxigraph))
    except ValueError:  # a term that N-Triples cannot carry: let pyshacl judge it
        return False
    return _screen().conforms("".join(f"{triple} .\n" for triple in triples))


def validate_store(store: SparqlStore) -> list[Report]:
    """Check every article graph in the store, each with the reference triples it points at."""
    reference = store.graph(store.reference_graph) or Graph()
    reports = []
    for name in store.graph_names():
        statements = store.graph(name) if name != store.reference_graph else None
        if statements is not None:  # None: the reference graph, or a graph deleted meanwhile
            used = _reference_used(statements, reference)
            reports.append(_validate((statements, used), _short(name.n3())))
    return reports


def resource_dir(name: str) -> Path:
    """The directory `name` (shapes, ontology) at the root of the cityrel checkout."""
    path = Path(__file__).resolve().parents[2] / name
    if not path.is_dir():
        raise CityrelError(f"Cannot find the {name}/ directory at {path}: cityrel reads its shapes and "
                           "ontology from the source tree; install it from a checkout (pip install -e .).")
    return path


# -- running rudof ---------------------------------------------------------


class _Screen:
    """One rudof session holding the violation shapes and the class hierarchy; the data is staged per call.

    Reading shapes and axioms takes a while, and pyrudof's first read of data
    sets up its HTTP client (about 60 ms), so the session is kept for the
    process. Each call stages the triples on top of the axioms and rolls them
    back. Calls take turns (the service checks articles on several threads).
    A forked child cannot use a session, nor start one, once rudof has run in
    its parent: it hangs. pipeline.ingest's workers therefore never screen.
    """

    def __init__(self) -> None:
        # rudof spreads a validation over the cores (rayon). For one article that saves little time and
        # costs CPU, which ingest's worker process needs (measured on two cores: 2.6-3.0 ms an article
        # for 3.4-3.7 ms of CPU, against 3.1-3.3 ms on one thread). An explicit setting still wins.
        os.environ.setdefault("RAYON_NUM_THREADS", "1")
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        self._rudof.read_shacl((resource_dir("shapes") / _VIOLATION_SHAPES).read_text(encoding="utf-8"),
                               pyrudof.ShaclFormat.Turtle)
        axioms = _class_hierarchy().serialize(format="nt", encoding="utf-8").decode()
        self._rudof.read_data(axioms, pyrudof.RDFFormat.NTriples, merge=False)

    def conforms(self, ntriples: str) -> bool:
        """Whether the N-Triples `ntriples`, with the class hierarchy, conform; False if rudof cannot tell."""
        if os.getpid() != self._pid:
            raise CityrelError("The SHACL screen cannot run in a process forked from one that used it.")
        if not ntriples:
            return True  # nothing to check (and rudof refuses empty input)
        with self._lock:
            self._rudof.begin_staging()
            try:
                # Strict: a lax reader would drop a triple it cannot read, and the check with it.
                self._rudof.read_data(ntriples, pyrudof.RDFFormat.NTriples, merge=True,
                                      reader_mode=pyrudof.ReaderMode.Strict)
                report = self._rudof.validate_shacl()
            except pyrudof.RudofError:  # data rudof cannot read or check: pyshacl judges it
                return False
            finally:
                self._rudof.rollback_staging()
        return bool(report.conforms)


@cache
def _screen() -> _Screen:
    return _Screen()


# -- running pyshacl -------------------------------------------------------


def _validate(parts: Iterable[Graph], source: str) -> Report:
    data = _PreparedQueryGraph()
    for part in parts:
        data += part
    data += _class_hierarchy()
    try:
        _, results, text = pyshacl.validate(data, shacl_graph=_shapes(), inference="none", inplace=True)
    except Exception as error:  # odd data must refuse one article, not take a batch down
        raise CityrelError(f"{source}: the SHACL validator failed: {error!r}") from error
    if not isinstance(results, Graph):  # pyshacl returns its own failures in place of the report graph
        raise CityrelError(f"{source}: the SHACL validator failed: {text}")
    findings = tuple(sorted(_findings(results), key=_sort_key))
    return Report(source, not any(f.severity == "Violation" for f in findings), findings)


class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL query text once per process.

    pyshacl runs a SPARQL-based constraint once per focus node, passing the
    query as text, and rdflib would parse it every time: about 45 ms each,
    more than all the rest of an article's validation. The text is the same
    for every focus node ($this is bound, not substituted into it), so the
    parsed query is kept.
    """

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=64)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


@cache
def _shapes() -> Graph:
    shapes = Graph()
    for path in sorted(resource_dir("shapes").glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


@cache
def _class_hierarchy() -> Graph:
    """The ontology's rdfs:subClassOf axioms, all that SHACL needs of it without inference."""
    ontology = Graph()
    for path in sorted(resource_dir("ontology").glob("*.ttl")):
        ontology.parse(path, format="turtle")
    hierarchy = Graph()
    for axiom in ontology.triples((None, RDFS.subClassOf, None)):
        if isinstance(axiom[2], URIRef):
            hierarchy.add(axiom)
    return hierarchy


def _reference_used(statements: Graph, reference: Graph) -> Graph:
    """The reference triples about the nodes `statements` mentions, and on from those (city → country)."""
    used, todo, seen = Graph(), {term for triple in statements for term in triple}, set()
    while todo:
        node = todo.pop()
        seen.add(node)
        for triple in reference.triples((node, None, None)):
            used.add(triple)
            if triple[2] not in seen:
                todo.add(triple[2])
    return used


# -- reading pyshacl's report ------------------------------------------------


def _findings(results: Graph) -> Iterator[Finding]:
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        focus = results.value(result, SH.focusNode)
        assert isinstance(severity, URIRef) and focus is not None, "pyshacl gives every result both"
        yield Finding(
            severity=_severity(severity),
            focus=_n3(focus),
            path=_optional_n3(results.value(result, SH.resultPath)),
            message=_message(results, result),
            value=_optional_n3(results.value(result, SH.value)),
        )


def _severity(iri: URIRef) -> Severity:
    name = iri.removeprefix(str(SH))
    if name not in _ORDER:
        raise CityrelError(f"A shape has the unknown severity {iri}.")
    return name  # type: ignore[return-value]  # checked against _ORDER just above


def _message(results: Graph, result: Node) -> str:
    """The shape's English message (every shape has one; pyshacl would describe the constraint otherwise)."""
    messages = sorted((m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)),
                      key=lambda message: message.language != "en")
    return str(messages[0]) if messages else ""


def _sort_key(finding: Finding) -> tuple[int, str, str, str]:
    return _ORDER[finding.severity], finding.focus, finding.path or "", finding.message


# -- writing terms -----------------------------------------------------------


@cache
def _names() -> NamespaceManager:
    names = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace)
    return names


def _n3(term: Node) -> str:
    if isinstance(term, Literal) and len(term) > _LONGEST_VALUE:
        term = Literal(str(term)[:_LONGEST_VALUE] + "…", lang=term.language, datatype=term.datatype)
    return term.n3(_names())


def _optional_n3(term: Node | None) -> str | None:
    return None if term is None else _n3(term)


def _short(n3: str) -> str:
    """An IRI under cityrel's base as `<…/person/cemil-tugay>`; anything else as it is."""
    base = "<" + get_settings().base_iri
    return "<…/" + n3.removeprefix(base) if n3.startswith(base) else n3
