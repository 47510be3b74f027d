"""What the REST lookups ask the store, and how the answers become JSON.

An entity is described the same way whatever its kind: its own statements (with
the labels of what they point at, and the quotes of their evidence), and the
nodes that point at it; a pointing node that is a fact (one with
prov:wasDerivedFrom, such as a twinning, a post or a meeting) comes with its own
statements, so a city shows its twinnings with their years and a person their
posts with role and organisation. The same description as RDF is the CONSTRUCT
of those triples.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal

from cityrel.api.resources import Collection, compact, href, locate, type_name
from cityrel.queries import iri_term, literal_term, with_values
from cityrel.store import SparqlStore, Term

__all__ = ["describe", "describe_triples", "list_entities", "node_value"]

_PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX crel: <https://w3id.org/cityrel/ontology#>
"""

_OUTGOING = _PREFIXES + """
SELECT ?p ?o ?label ?quote ?start ?end WHERE {
  ?s ?p ?o .
  OPTIONAL { ?o rdfs:label|schema:name ?label }
  OPTIONAL { ?o crel:quote ?quote ; crel:start ?start ; crel:end ?end }
}
"""

_INCOMING = _PREFIXES + """
SELECT ?in ?p ?type ?label WHERE {
  ?in ?p ?s .
  FILTER(?p != prov:wasQuotedFrom && isIRI(?in))
  OPTIONAL { ?in a ?type }
  OPTIONAL { ?in rdfs:label|schema:name ?label }
}
LIMIT 5000
"""

_FACT_DETAILS = _PREFIXES + """
SELECT ?in ?q ?x ?label WHERE {
  ?in ?p ?s ; prov:wasDerivedFrom ?article ; ?q ?x .
  FILTER(?q NOT IN (crel:evidence, rdf:type) && ?x != ?s)
  OPTIONAL { ?x rdfs:label|schema:name ?label }
}
LIMIT 5000
"""

_CONSTRUCT = _PREFIXES + """
CONSTRUCT {
  ?s ?p ?o . ?o rdfs:label ?olabel . ?o crel:quote ?quote ; crel:start ?start ; crel:end ?end .
  ?in ?pin ?s . ?in a ?intype .
}
WHERE {
  { ?s ?p ?o OPTIONAL { ?o rdfs:label ?olabel } OPTIONAL { ?o crel:quote ?quote ; crel:start ?start ; crel:end ?end } }
  UNION
  { ?in ?pin ?s FILTER(?pin != prov:wasQuotedFrom) OPTIONAL { ?in a ?intype } }
}
"""

_LABEL_RANK = {"tr": 0, None: 1, "en": 2}


def list_entities(store: SparqlStore, collection: Collection, base: str, *, limit: int,
                  offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of a collection, ordered by IRI, and the collection's size."""
    classes = " ".join(iri_term(str(c)) for c in collection.classes)
    pattern = f"VALUES ?class {{ {classes} }} ?s a ?class . FILTER(STRSTARTS(STR(?s), {literal_term(base)}))"
    total = int(store.select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {pattern} }}")[0]["n"])
    rows = store.select(_PREFIXES + f"""
        SELECT ?s ?type ?label WHERE {{
          {{ SELECT DISTINCT ?s WHERE {{ {pattern} }} ORDER BY ?s LIMIT {int(limit)} OFFSET {int(offset)} }}
          OPTIONAL {{ ?s a ?type }}
          OPTIONAL {{ ?s rdfs:label|schema:name ?label }}
        }}""")
    items: dict[str, dict[str, Any]] = {}
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, list[Term]] = defaultdict(list)
    for row in rows:
        iri = str(row["s"])
        items.setdefault(iri, {})
        if "type" in row:
            types[iri].add(str(row["type"]))
        if "label" in row:
            labels[iri].append(row["label"])
    page = [{"id": _short_id(iri, base), "iri": iri, "href": href(iri, base), "type": type_name(types[iri]),
             "label": _best_label(labels[iri])} for iri in sorted(items)]
    return page, total


def describe(store: SparqlStore, iri: str, base: str) -> dict[str, Any] | None:
    """The entity's statements and the nodes that point at it, as JSON; None if the store says nothing of it."""
    subject = {"s": iri_term(iri)}
    outgoing = store.select(with_values(_OUTGOING, subject))
    incoming = store.select(with_values(_INCOMING, subject))
    if not outgoing and not incoming:
        return None
    types = {str(row["o"]) for row in outgoing if compact(str(row["p"])) == "rdf:type"}
    names = [row["o"] for row in outgoing if compact(str(row["p"])) in ("rdfs:label", "schema:name")]
    return {
        "id": _short_id(iri, base), "iri": iri, "href": href(iri, base), "type": type_name(types),
        "types": sorted(compact(t) for t in types),
        "label": _best_label(names),
        "labels": {getattr(name, "language", None) or "": str(name) for name in reversed(names)},
        "properties": _properties(outgoing, "p", "o", base),
        "referencedBy": _incoming(store, iri, base, incoming),
    }


def _properties(rows: list[dict[str, Term]], prop_key: str, value_key: str,
                base: str) -> dict[str, list[dict[str, Any]]]:
    """Rows of (property, value, label?, quote?) grouped by property, each value once, with its best label."""
    grouped: dict[str, dict[Term, list[dict[str, Term]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        grouped[compact(str(row[prop_key]))][row[value_key]].append(row)
    properties: dict[str, list[dict[str, Any]]] = {}
    for prop, values in grouped.items():
        properties[prop] = []
        for term, term_rows in values.items():
            value = node_value(term, base, _best_label([r["label"] for r in term_rows if "label" in r]))
            quoted = next((r for r in term_rows if "quote" in r), None)
            if quoted is not None:
                value.update(quote=str(quoted["quote"]), start=int(quoted["start"]), end=int(quoted["end"]))
            properties[prop].append(value)
    return properties


def _incoming(store: SparqlStore, iri: str, base: str, rows: list[dict[str, Term]]) -> list[dict[str, Any]]:
    """The nodes that point at `iri`, by property; facts among them with their own statements."""
    links: set[tuple[str, str]] = set()
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, list[Term]] = defaultdict(list)
    for row in rows:
        node = str(row["in"])
        links.add((compact(str(row["p"])), node))
        if "type" in row:
            types[node].add(str(row["type"]))
        if "label" in row:
            labels[node].append(row["label"])
    facts: dict[str, list[dict[str, Term]]] = defaultdict(list)
    for row in store.select(with_values(_FACT_DETAILS, {"s": iri_term(iri)})):
        facts[str(row["in"])].append(row)
    result = []
    for prop, node in sorted(links):
        summary: dict[str, Any] = {"iri": node, "id": _short_id(node, base), "href": href(node, base),
                                   "type": type_name(types[node]), "label": _best_label(labels[node])}
        if node in facts:
            summary["properties"] = _properties(facts[node], "q", "x", base)
        result.append({"property": prop, "node": summary})
    return result


def describe_triples(store: SparqlStore, iri: str) -> list[ox.Triple]:
    """The description of `iri` as triples, for the RDF representations."""
    answer = store.query(with_values(_CONSTRUCT, {"s": iri_term(iri)}), accept="application/n-triples")
    return list(ox.parse(answer.body, ox.RdfFormat.N_TRIPLES))


def node_value(term: Term, base: str, label: str | None = None) -> dict[str, Any]:
    """A term as JSON: an IRI with its short id, link and label, or a literal's value."""
    if isinstance(term, Literal):
        value: dict[str, Any] = {"value": term.toPython() if term.datatype else str(term)}
        if not isinstance(value["value"], (str, int, float, bool)):
            value["value"] = str(term)
        if term.language:
            value["lang"] = term.language
        if term.datatype:
            value["datatype"] = compact(str(term.datatype))
        return value
    if isinstance(term, BNode):
        return {"value": "_:" + str(term)}
    iri = str(term)
    value = {"iri": iri}
    located = locate(iri, base)
    if iri.startswith(base):
        value["href"] = href(iri, base)
    if located:
        value["id"] = located[1]
    if label is not None:
        value["label"] = label
    return value


def _short_id(iri: str, base: str) -> str | None:
    located = locate(iri, base)
    return located[1] if located else None


def _best_label(labels: list[Term]) -> str | None:
    if not labels:
        return None
    return str(min(labels, key=lambda t: (_LABEL_RANK.get(getattr(t, "language", None), 3), str(t))))


