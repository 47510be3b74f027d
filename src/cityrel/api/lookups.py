"""What the REST lookups ask the store, and how the answers become JSON.

An entity is described the same way whatever its kind: its own statements (with
the labels of what they point at, and the quotes of their evidence), and the
nodes that point at it; a pointing node that is a fact (one with
prov:wasDerivedFrom, such as a twinning, a post or a meeting) comes with its own
statements, so a city shows its twinnings with their years and a person their
posts with role and organisation. A city adds the sections of `cityrel.api.cities`.
The same description as RDF is the CONSTRUCT of those triples.

How the description is asked for, so that it stays fast on a large store:

- Every query depends on the entity's IRI alone, so all of a description's
  queries are sent at once (`select_all`), and the answer takes about as long
  as the slowest of them rather than their sum. (A city's page may need one
  more round, `cities.follow_up`.)
- Each query answers with distinct rows, one per item: labels and types are
  folded into their item in the engine (the best label by language, the types
  as one string), never joined in as extra rows.
- A pattern that an OPTIONAL would leave open is asked on its own: the engine
  evaluates a multi-pattern OPTIONAL over the whole store before joining it
  (evidence quotes took a second at a million triples that way, 1 ms alone).
- Every list has a bound; a list cut at its bound is named in the description's
  `truncated`, so no answer is silently partial. The nodes pointing at the
  entity are also counted in full, by property (`referencedByCounts`).
- Answers are read as the engine's JSON, not as rdflib terms (`terms.select`).
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from cityrel.api import cities
from cityrel.api.proxy import read_answer
from cityrel.api.resources import CITIES, Collection, compact, href, locate, type_name
from cityrel.api.terms import (
    PREFIXES,
    RANKED_LABEL,
    Binding,
    Row,
    best_label,
    first_label,
    node_value,
    select,
    short_id,
)
from cityrel.namespaces import RDF, RDFS, SCHEMA
from cityrel.queries import iri_term, literal_term, with_values
from cityrel.store import SparqlStore

__all__ = ["CITY_LINKS_LIMIT", "DETAILS_LIMIT", "LINKS_LIMIT", "STATEMENTS_LIMIT", "describe", "describe_triples",
           "description_queries", "list_entities", "node_value", "select_all"]

STATEMENTS_LIMIT = 1000
"""The most statements of an entity described (and labels and quotes for them)."""
LINKS_LIMIT = 100
"""The most (node, property) pairs pointing at an entity that are described."""
CITY_LINKS_LIMIT = 20
"""The same for a city, whose page lists what points at it in its sections (twins, organisations, ...)."""
DETAILS_LIMIT = 2000
"""The most statements of the facts among those nodes."""

_LINKED = "?in ?p ?s FILTER(isIRI(?in) && ?p != prov:wasQuotedFrom)"

_STATEMENTS = PREFIXES + f"""
SELECT DISTINCT ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {STATEMENTS_LIMIT + 1}
"""

_OBJECT_LABELS = PREFIXES + f"""
SELECT ?o {RANKED_LABEL} WHERE {{
  {{ SELECT DISTINCT ?o WHERE {{ ?s ?p ?o FILTER(isIRI(?o) && ?p != crel:twinnedWith) }} LIMIT {STATEMENTS_LIMIT + 1} }}
  ?o rdfs:label|schema:name ?l
}}
GROUP BY ?o
"""
"""Labels of what the entity points at; a city's twins are labelled by its twins section."""

_QUOTES = PREFIXES + f"""
SELECT ?o ?quote ?start ?end WHERE {{
  ?s crel:evidence ?o . ?o crel:quote ?quote ; crel:start ?start ; crel:end ?end
}}
LIMIT {STATEMENTS_LIMIT + 1}
"""

_LINK_COUNTS = PREFIXES + f"""
SELECT ?p (COUNT(DISTINCT ?in) AS ?n) WHERE {{ {_LINKED} }}
GROUP BY ?p
"""


def _description(links_limit: int) -> dict[str, str]:
    """The queries of a description whose links are cut at `links_limit`."""
    first_links = f"{{ SELECT DISTINCT ?in ?p WHERE {{ {_LINKED} }} LIMIT {links_limit + 1} }}"
    # the same text in both queries that need the pairs described: one plan, the same rows
    links = PREFIXES + f"""
SELECT ?in ?p (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?types) {RANKED_LABEL} WHERE {{
  {first_links}
  OPTIONAL {{ ?in a ?type }}
  OPTIONAL {{ ?in rdfs:label|schema:name ?l }}
}}
GROUP BY ?in ?p
"""
    fact_details = PREFIXES + f"""
SELECT ?in ?q ?x {RANKED_LABEL} WHERE {{
  {{ SELECT DISTINCT ?in WHERE {{ {first_links} FILTER EXISTS {{ ?in prov:wasDerivedFrom ?source }} }} }}
  ?in ?q ?x FILTER(?q NOT IN (crel:evidence, rdf:type) && !sameTerm(?x, ?s))
  OPTIONAL {{ ?x rdfs:label ?l }}
}}
GROUP BY ?in ?q ?x
LIMIT {DETAILS_LIMIT + 1}
"""
    return {"statements": _STATEMENTS, "labels": _OBJECT_LABELS, "quotes": _QUOTES, "links": links,
            "link counts": _LINK_COUNTS, "fact details": fact_details}


_DESCRIPTION = _description(LINKS_LIMIT)
_CITY_DESCRIPTION = _description(CITY_LINKS_LIMIT) | cities.QUERIES

_CONSTRUCT = PREFIXES + """
CONSTRUCT {
  ?s ?p ?o . ?o rdfs:label ?olabel . ?o crel:quote ?quote ; crel:start ?start ; crel:end ?end .
  ?in ?pin ?s . ?in a ?intype .
}
WHERE {
  { ?s ?p ?o }
  UNION { ?s ?p ?o . ?o rdfs:label ?olabel }
  UNION { ?s crel:evidence ?o . ?o crel:quote ?quote ; crel:start ?start ; crel:end ?end }
  UNION { ?in ?pin ?s FILTER(?pin != prov:wasQuotedFrom) }
  UNION { ?in ?pin ?s FILTER(?pin != prov:wasQuotedFrom) ?in a ?intype }
}
"""
"""The description as RDF; each part its own branch, so that no OPTIONAL is evaluated over the whole store."""

_TYPE, _NAMES = str(RDF.type), {str(RDFS.label), str(SCHEMA.name)}

_PLACEHOLDER = "urn:x-cityrel:subject"
_SUBJECT = re.compile(r"[?$]s\b")


async def list_entities(store: SparqlStore, collection: Collection, base: str, *, limit: int,
                        offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of a collection, ordered by IRI, and the collection's size."""
    classes = " ".join(iri_term(str(c)) for c in collection.classes)
    pattern = f"VALUES ?class {{ {classes} }} ?s a ?class . FILTER(STRSTARTS(STR(?s), {literal_term(base)}))"
    counted, rows = await asyncio.gather(select(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {pattern} }}"),
                                         select(store, PREFIXES + f"""
        SELECT ?s ?type ?label WHERE {{
          {{ SELECT DISTINCT ?s WHERE {{ {pattern} }} ORDER BY ?s LIMIT {int(limit)} OFFSET {int(offset)} }}
          OPTIONAL {{ ?s a ?type }}
          OPTIONAL {{ ?s rdfs:label|schema:name ?label }}
        }}"""))
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, list[Binding]] = defaultdict(list)
    for row in rows:
        iri = row["s"]["value"]
        found = types[iri]  # every item has its entry, with or without types
        if "type" in row:
            found.add(row["type"]["value"])
        if "label" in row:
            labels[iri].append(row["label"])
    page = [{"id": short_id(iri, base), "iri": iri, "href": href(iri, base), "type": type_name(types[iri]),
             "label": first_label(labels[iri])} for iri in sorted(types)]
    return page, int(counted[0]["n"]["value"])


def description_queries(iri: str, base: str) -> dict[str, str]:
    """The queries `describe` sends for `iri` at once, by name, with the IRI bound.

    A city with fewer meetings in dated articles than its page shows is asked one more (`cities.follow_up`)."""
    return _bound(_CITY_DESCRIPTION if _is_city(iri, base) else _DESCRIPTION, iri)


async def describe(store: SparqlStore, iri: str, base: str) -> dict[str, Any] | None:
    """The entity's statements and the nodes that point at it, as JSON; None if the store says nothing of it.

    A city also has its twins, organisations, latest meetings and communities (`cityrel.api.cities`).
    """
    rows = await select_all(store, description_queries(iri, base))
    statements, links = rows["statements"], rows["links"]
    if not statements and not links:
        return None
    city = _is_city(iri, base)
    links_limit = CITY_LINKS_LIMIT if city else LINKS_LIMIT
    if city:
        rows.update(await select_all(store, _bound(cities.follow_up(rows), iri)))
    truncated = [name for name, count, limit in (
        ("properties", len(statements), STATEMENTS_LIMIT), ("referencedBy", len(links), links_limit),
        ("referencedBy.properties", len(rows["fact details"]), DETAILS_LIMIT)) if count > limit]
    statements = statements[:STATEMENTS_LIMIT]
    types = {row["o"]["value"] for row in statements if row["p"]["value"] == _TYPE}
    names = [row["o"] for row in statements if row["p"]["value"] in _NAMES]
    labels = {row["o"]["value"]: best_label(row["label"]) for row in rows["labels"]}
    if city:
        labels.update(cities.twin_labels(rows))
    quotes = {row["o"]["value"]: row for row in rows["quotes"]}
    entity: dict[str, Any] = {
        "id": short_id(iri, base), "iri": iri, "href": href(iri, base), "type": type_name(types),
        "types": sorted(compact(t) for t in types),
        "label": first_label(names),
        "labels": {name.get("xml:lang", ""): name["value"] for name in reversed(names)},
        "properties": _properties(statements, labels, quotes, base),
        "referencedBy": _links(links[:links_limit], rows["fact details"][:DETAILS_LIMIT], base),
        "referencedByCounts": {compact(row["p"]["value"]): int(row["n"]["value"]) for row in rows["link counts"]},
    }
    if city:
        sections, cut = cities.sections(rows, base)
        entity.update(sections)
        truncated += cut
    entity["truncated"] = truncated
    return entity


def _bound(queries: Mapping[str, str], iri: str) -> dict[str, str]:
    """The queries with `?s` bound to `iri`; those without `?s` as they are."""
    subject = iri_term(iri)
    return {name: subject.join(_binding_template(text)) if _SUBJECT.search(text) else text
            for name, text in queries.items()}


@lru_cache(maxsize=64)
def _binding_template(text: str) -> list[str]:
    """`text` bound by `with_values` to a placeholder IRI, split where the IRI goes.

    `with_values` reads the whole query to find where its VALUES blocks go (a few milliseconds for a city
    page's eleven queries); the lookups' queries are fixed, so that is done once, and each request joins
    the pieces with its own IRI, a term `iri_term` has checked.
    """
    return with_values(text, {"s": iri_term(_PLACEHOLDER)}).split(iri_term(_PLACEHOLDER))


async def select_all(store: SparqlStore, queries: Mapping[str, str]) -> dict[str, list[Row]]:
    """The solutions of several SELECT queries, sent side by side; by the queries' names."""
    answers = await asyncio.gather(*(select(store, text) for text in queries.values()))
    return dict(zip(queries, answers, strict=True))


def _properties(statements: list[Row], labels: dict[str, str | None], quotes: dict[str, Row],
                base: str) -> dict[str, list[dict[str, Any]]]:
    """Statements grouped by property, each value with its label and, for evidence, its quote."""
    properties: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in statements:
        term = row["o"]
        value = node_value(term, base, labels.get(term["value"]) if term["type"] == "uri" else None)
        quoted = quotes.get(term["value"]) if term["type"] == "uri" else None
        if quoted is not None:
            value.update(quote=quoted["quote"]["value"], start=int(quoted["start"]["value"]),
                         end=int(quoted["end"]["value"]))
        properties[compact(row["p"]["value"])].append(value)
    return dict(properties)


def _links(links: list[Row], details: list[Row], base: str) -> list[dict[str, Any]]:
    """The nodes that point at the entity, by property; facts among them with their own statements."""
    facts: dict[str, list[Row]] = defaultdict(list)
    for row in details:
        facts[row["in"]["value"]].append(row)
    result: list[dict[str, Any]] = []
    for row in links:
        node = row["in"]["value"]
        types = row["types"]["value"].split() if "types" in row else []
        summary: dict[str, Any] = {"iri": node, "id": short_id(node, base), "href": href(node, base),
                                   "type": type_name(types), "label": best_label(row.get("label"))}
        if node in facts:
            found = {r["x"]["value"]: best_label(r.get("label")) for r in facts[node]}
            summary["properties"] = _properties([{"p": r["q"], "o": r["x"]} for r in facts[node]], found, {}, base)
        result.append({"property": compact(row["p"]["value"]), "node": summary})
    result.sort(key=lambda link: (link["property"], link["node"]["iri"]))
    return result


async def describe_triples(store: SparqlStore, iri: str) -> list[ox.Triple]:
    """The description of `iri` as triples, for the RDF representations."""
    answer = await store.query_async(with_values(_CONSTRUCT, {"s": iri_term(iri)}), accept="application/n-triples")
    return await read_answer(answer.body, lambda body: list(ox.parse(body, ox.RdfFormat.N_TRIPLES)))


def _is_city(iri: str, base: str) -> bool:
    located = locate(iri, base)
    return located is not None and located[0] is CITIES

