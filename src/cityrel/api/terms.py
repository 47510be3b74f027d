"""What the lookups share: their queries' prefixes, a label chosen in the engine, answers read as JSON.

The lookups read the engine's SPARQL JSON results as they come (`select`): a
value stays the protocol's binding, `{"type": "uri", "value": ...}`, and
becomes the service's JSON in one step (`node_value`). Building rdflib terms
for every value of a city page took longer than the engine took to answer.
"""

from __future__ import annotations

from typing import Any

import orjson

from cityrel.api.proxy import plain_value, read_answer
from cityrel.api.resources import compact, href, locate
from cityrel.store import SparqlStore

__all__ = ["PREFIXES", "RANKED_LABEL", "Binding", "Row", "best_label", "first_label", "node_value", "select",
           "short_id"]

Binding = dict[str, str]
"""One value of a SPARQL JSON result: `type` (uri, literal, typed-literal or bnode), `value`, and for a
literal `datatype` or `xml:lang`."""
Row = dict[str, Binding]
"""One solution: the bound variables' values by name (an unbound variable is absent)."""

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX crel: <https://w3id.org/cityrel/ontology#>
"""

RANKED_LABEL = ('(MIN(CONCAT(IF(LANG(?l) = "tr", "0", IF(LANG(?l) = "", "1", IF(LANG(?l) = "en", "2", "3"))), '
                'STR(?l))) AS ?label)')
"""An aggregate: the best of a group's labels `?l` (Turkish, untagged, English, any other language; then the
first in code point order) behind a one-character rank, as `?label`. Read it with `best_label`.

Chosen in the engine, a node's labels never multiply the rows of an answer."""

_LABEL_RANK = {"tr": 0, "": 1, "en": 2}


async def select(store: SparqlStore, sparql: str) -> list[Row]:
    """The solutions of a SELECT query, as the engine's JSON gives them."""
    answer = await store.query_async(sparql)
    return await read_answer(answer.body, _bindings)


def _bindings(body: bytes) -> list[Row]:
    rows: list[Row] = orjson.loads(body)["results"]["bindings"]
    return rows


def node_value(term: Binding, base: str, label: str | None = None) -> dict[str, Any]:
    """A value as JSON: an IRI with its short id, link and label, or a literal's value (a number or boolean
    where its datatype is one), language and datatype."""
    kind, text = term["type"], term["value"]
    if kind == "uri":
        value: dict[str, Any] = {"iri": text}
        located = locate(text, base)
        if text.startswith(base):
            value["href"] = href(text, base)
        if located:
            value["id"] = located[1]
        if label is not None:
            value["label"] = label
        return value
    if kind == "bnode":
        return {"value": "_:" + text}
    value = {"value": plain_value(term)}
    if "xml:lang" in term:
        value["lang"] = term["xml:lang"]
    if "datatype" in term:
        value["datatype"] = compact(term["datatype"])
    return value


def best_label(ranked: Binding | None) -> str | None:
    """The label chosen by `RANKED_LABEL`, without its rank."""
    return None if ranked is None else ranked["value"][1:]


def first_label(labels: list[Binding]) -> str | None:
    """The best of some label literals, as `RANKED_LABEL` chooses in the engine."""
    if not labels:
        return None
    return min(labels, key=lambda t: (_LABEL_RANK.get(t.get("xml:lang", ""), 3), t["value"]))["value"]


def short_id(iri: str, base: str) -> str | None:
    """The id of `iri` in its collection, if it belongs to one."""
    located = locate(iri, base)
    return located[1] if located else None
