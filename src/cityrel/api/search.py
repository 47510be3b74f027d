"""Name search with Turkish folding: "izmir" finds İzmir, "baku" Bakü, "kazakistan" Kazakhstan.

SPARQL's LCASE turns "İ" into "i̇" (i and a combining dot), so matching is done
here, on `fold`ed copies of every name in the store (rdfs:label, skos:altLabel,
crel:acronym, schema:name, crel:countryCode). The names are read once and read
again when the store has changed: a cheap count of the naming triples is
compared at most every `check_seconds`, and everything is re-read at least every
`max_age_seconds` (a replaced article can change names without changing counts).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

from cityrel.api.resources import href, locate, type_name
from cityrel.extract.text import fold_name
from cityrel.store import SparqlStore

__all__ = ["Hit", "SearchIndex"]

_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX crel: <https://w3id.org/cityrel/ontology#>
SELECT ?s ?name ?kind WHERE {
  { ?s rdfs:label ?name BIND("label" AS ?kind) }
  UNION { ?s skos:altLabel ?name BIND("alt" AS ?kind) }
  UNION { ?s crel:acronym ?name BIND("acronym" AS ?kind) }
  UNION { ?s schema:name ?name BIND("label" AS ?kind) }
  UNION { ?s crel:countryCode ?name BIND("code" AS ?kind) }
}
"""
_TYPES = "SELECT DISTINCT ?s ?type WHERE { ?s a ?type . FILTER(isIRI(?s)) }"
_FINGERPRINT = """
SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o }
  VALUES ?p { <http://www.w3.org/2000/01/rdf-schema#label> <http://www.w3.org/2004/02/skos/core#altLabel>
              <https://w3id.org/cityrel/ontology#acronym> <https://schema.org/name>
              <https://w3id.org/cityrel/ontology#countryCode>
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> }
}
"""
_TYPE_BONUS = {"City": 6, "District": 5, "Country": 6, "Municipality": 3, "Governorship": 3, "Embassy": 3,
               "ConsulateGeneral": 3, "Consulate": 3, "HonoraryConsulate": 3, "Association": 3, "Person": 4}


@dataclass(frozen=True)
class Hit:
    """One search result."""

    iri: str
    id: str | None
    href: str
    type: str | None
    label: str
    matched: str
    score: float


@dataclass(frozen=True)
class _Entry:
    iri: str
    name: str
    folded: str
    kind: str


class SearchIndex:
    """Folded names of the store's entities, refreshed when the store changes."""

    def __init__(self, store: SparqlStore, base: str, *, check_seconds: float = 2.0,
                 max_age_seconds: float = 60.0) -> None:
        self.store = store
        self.base = base
        self.check_seconds = check_seconds
        self.max_age_seconds = max_age_seconds
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []
        self._labels: dict[str, str] = {}
        self._types: dict[str, str | None] = {}
        self._fingerprint: int | None = None
        self._loaded = 0.0
        self._checked = 0.0

    def invalidate(self) -> None:
        """Forget the names: the next search reads them again (call after a write through the service)."""
        with self._lock:
            self._fingerprint = None

    def search(self, query: str, *, type_: str | None = None, limit: int = 20) -> list[Hit]:
        """Entities whose names match `query` after folding, best first.

        An exact name beats a name that starts with the query, which beats one
        with a word that starts with it, which beats one that merely contains it;
        among equals, places and people come before facts, shorter names first.
        """
        needle = fold_name(query)
        if not needle:
            return []
        self._refresh()
        best: dict[str, tuple[float, _Entry]] = {}
        for entry in self._entries:
            score = _score(needle, entry)
            if score <= 0:
                continue
            kind = self._types.get(entry.iri)
            if type_ and (kind or "").lower() != type_.lower():
                continue
            score += _TYPE_BONUS.get(kind or "", 0) - min(len(entry.folded), 60) / 60
            if entry.iri not in best or score > best[entry.iri][0]:
                best[entry.iri] = (score, entry)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[1].folded))[:limit]
        return [self._hit(entry, score) for score, entry in ranked]

    def resolve(self, name: str, type_: str) -> str | None:
        """The one entity of type `type_` with exactly this name (folded), if there is exactly one."""
        needle = fold_name(name)
        self._refresh()
        found = {e.iri for e in self._entries
                 if e.folded == needle and (self._types.get(e.iri) or "").lower() == type_.lower()}
        return found.pop() if len(found) == 1 else None

    def _hit(self, entry: _Entry, score: float) -> Hit:
        located = locate(entry.iri, self.base)
        return Hit(iri=entry.iri, id=located[1] if located else None, href=href(entry.iri, self.base),
                   type=self._types.get(entry.iri), label=self._labels.get(entry.iri, entry.name),
                   matched=entry.name, score=round(score, 3))

    def _refresh(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._fingerprint is not None and now - self._checked < self.check_seconds:
                return
            fingerprint = int(self.store.select(_FINGERPRINT)[0]["n"])
            self._checked = now
            if fingerprint == self._fingerprint and now - self._loaded < self.max_age_seconds:
                return
            self._load()
            self._fingerprint, self._loaded = fingerprint, now

    def _load(self) -> None:
        types: dict[str, set[str]] = defaultdict(set)
        for row in self.store.select(_TYPES):
            types[str(row["s"])].add(str(row["type"]))
        entries: list[_Entry] = []
        labels: dict[str, tuple[int, str]] = {}
        for row in self.store.select(_NAMES):
            iri, name = row["s"], row["name"]
            if not isinstance(iri, URIRef) or not str(iri).startswith(self.base):
                continue
            kind = str(row["kind"])
            entries.append(_Entry(str(iri), str(name), fold_name(str(name)), kind))
            if kind == "label":
                rank = {"tr": 0, None: 1, "en": 2}.get(getattr(name, "language", None), 3)
                if str(iri) not in labels or rank < labels[str(iri)][0]:
                    labels[str(iri)] = (rank, str(name))
        self._entries = entries
        self._labels = {iri: label for iri, (_, label) in labels.items()}
        self._types = {iri: type_name(found) for iri, found in types.items()}


def _score(needle: str, entry: _Entry) -> float:
    folded = entry.folded
    if entry.kind == "code":
        return 90.0 if folded == needle else 0.0
    if folded == needle:
        return 100.0
    if folded.startswith(needle):
        return 80.0
    words = folded.split()
    parts = needle.split()
    if all(any(word.startswith(part) for word in words) for part in parts):
        return 60.0
    if needle in folded:
        return 40.0
    return 0.0
