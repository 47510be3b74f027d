"""Name search with Turkish folding: "izmir" finds İzmir, "baku" Bakü, "kazakistan" Kazakhstan.

SPARQL's LCASE turns "İ" into "i̇" (i and a combining dot), so matching is done
here, on `fold`ed copies of every name in the store (rdfs:label, skos:altLabel,
crel:acronym, schema:name, crel:countryCode). The names are read at start-up
by a background thread, which then compares a count of the naming triples every
`check_seconds` and reads the names again when it changed, or at least every
`max_age_seconds` (a replaced article can change names, or a thing its type,
without changing the count). A request never waits for that check, only for
the first reading, and after `invalidate()` (a write through the service) for
a fresh one.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import URIRef

from cityrel.api.resources import href, locate, type_name
from cityrel.errors import CityrelError
from cityrel.extract.text import fold_name
from cityrel.store import SparqlStore

__all__ = ["Hit", "SearchIndex"]

_log = logging.getLogger("cityrel.api")

_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX crel: <https://w3id.org/cityrel/ontology#>
SELECT ?s ?name ?kind ?type WHERE {
  { ?s rdfs:label ?name BIND("label" AS ?kind) }
  UNION { ?s skos:altLabel ?name BIND("alt" AS ?kind) }
  UNION { ?s crel:acronym ?name BIND("acronym" AS ?kind) }
  UNION { ?s schema:name ?name BIND("label" AS ?kind) }
  UNION { ?s crel:countryCode ?name BIND("code" AS ?kind) }
  OPTIONAL { ?s a ?type }
}
"""
_FINGERPRINT = """
SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o }
  VALUES ?p { <http://www.w3.org/2000/01/rdf-schema#label> <http://www.w3.org/2004/02/skos/core#altLabel>
              <https://w3id.org/cityrel/ontology#acronym> <https://schema.org/name>
              <https://w3id.org/cityrel/ontology#countryCode> }
}
"""
_READ_SECONDS = 300.0
"""The deadline of the index's own queries: at a million triples the names take about a second to read,
and a reading cut at the request deadline would restart the engine under every request in flight."""
_TYPE_BONUS = {"City": 6, "District": 5, "Country": 6, "Municipality": 3, "Governorship": 3,
               "ProvincialAdministration": 3, "Embassy": 3, "ConsulateGeneral": 3, "Consulate": 3,
               "HonoraryConsulate": 3, "Association": 3, "Person": 4}


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

    def __init__(self, store: SparqlStore, base: str, *, check_seconds: float = 5.0,
                 max_age_seconds: float = 60.0) -> None:
        self.store = store
        self.base = base
        self.check_seconds = check_seconds
        self.max_age_seconds = max_age_seconds
        self._reading = threading.Lock()  # one reading of the names at a time
        self._names = _Names()
        self._writes = 0  # writes through the service so far, counted by invalidate()
        self._read_after = -1  # how many of them the names were read after (-1: never read)
        self._fingerprint: int | None = None
        self._loaded = 0.0
        self._stopped = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        """Read the names in the background now, and again whenever the store changes, until `stop()`."""
        self._watcher = threading.Thread(target=self._watch, name="cityrel-search-index", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stopped.set()
        if self._watcher is not None:
            self._watcher.join(timeout=self.check_seconds + 5)

    def invalidate(self) -> None:
        """Forget the names: the next search reads them again (call after a write through the service)."""
        self._writes += 1

    @property
    def _fresh(self) -> bool:
        return self._read_after == self._writes

    def search(self, query: str, *, type_: str | None = None, limit: int = 20) -> list[Hit]:
        """Entities whose names match `query` after folding, best first.

        An exact name beats a name that starts with the query, which beats one
        with a word that starts with it, which beats one that merely contains it;
        among equals, places and people come before facts, shorter names first.
        """
        needle = fold_name(query)
        if not needle:
            return []
        names = self._current()
        best: dict[str, tuple[float, _Entry]] = {}
        for entry in names.containing(max(needle.split(), key=len)):
            score = _score(needle, entry)
            if score <= 0:
                continue
            kind = names.types.get(entry.iri)
            if type_ and (kind or "").lower() != type_.lower():
                continue
            score += _TYPE_BONUS.get(kind or "", 0) - min(len(entry.folded), 60) / 60
            if entry.iri not in best or score > best[entry.iri][0]:
                best[entry.iri] = (score, entry)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[1].folded))[:limit]
        return [self._hit(names, entry, score) for score, entry in ranked]

    def resolve(self, name: str, type_: str) -> str | None:
        """The one entity of type `type_` with exactly this name (folded), if there is exactly one."""
        names = self._current()
        found = {iri for iri in names.by_folded.get(fold_name(name), ())
                 if (names.types.get(iri) or "").lower() == type_.lower()}
        return found.pop() if len(found) == 1 else None

    def _hit(self, names: _Names, entry: _Entry, score: float) -> Hit:
        located = locate(entry.iri, self.base)
        return Hit(iri=entry.iri, id=located[1] if located else None, href=href(entry.iri, self.base),
                   type=names.types.get(entry.iri), label=names.labels.get(entry.iri, entry.name),
                   matched=entry.name, score=round(score, 3))

    def _current(self) -> _Names:
        """The names as last read; read first if they never were, or were invalidated since."""
        if not self._fresh:
            with self._reading:
                if not self._fresh:
                    self._read(self._count_names())
        return self._names

    def _watch(self) -> None:
        while True:
            try:
                with self._reading:
                    fingerprint = self._count_names()
                    aged = time.monotonic() - self._loaded >= self.max_age_seconds
                    if not self._fresh or fingerprint != self._fingerprint or aged:
                        self._read(fingerprint)
            except CityrelError as error:  # the store may be restarting; the next round tries again
                _log.warning("The search index could not read the store: %s", error)
            if self._stopped.wait(self.check_seconds):
                return

    def _count_names(self) -> int:
        """A cheap sign that the names changed: how many naming triples there are."""
        return int(self.store.select(_FINGERPRINT, timeout=_READ_SECONDS)[0]["n"])

    def _read(self, fingerprint: int) -> None:
        writes = self._writes  # taken first: a write during the reading leaves the names stale
        types: dict[str, set[str]] = defaultdict(set)
        names = _Names()
        labels: dict[str, tuple[int, str]] = {}
        seen: set[tuple[str, str, str]] = set()
        for row in self.store.select(_NAMES, timeout=_READ_SECONDS):
            iri, name = row["s"], row["name"]
            if not isinstance(iri, URIRef) or not str(iri).startswith(self.base):
                continue
            if "type" in row:
                types[str(iri)].add(str(row["type"]))
            kind = str(row["kind"])
            if (str(iri), str(name), kind) in seen:  # the same name again, with another type
                continue
            seen.add((str(iri), str(name), kind))
            entry = _Entry(str(iri), str(name), fold_name(str(name)), kind)
            names.entries.append(entry)
            names.by_folded[entry.folded].add(entry.iri)
            if kind == "label":
                rank = {"tr": 0, None: 1, "en": 2}.get(getattr(name, "language", None), 3)
                if str(iri) not in labels or rank < labels[str(iri)][0]:
                    labels[str(iri)] = (rank, str(name))
        names.haystack = _SEPARATOR.join(entry.folded for entry in names.entries)
        names.starts = list(itertools.accumulate((len(entry.folded) + 1 for entry in names.entries[:-1]), initial=0))
        names.labels.update((iri, label) for iri, (_, label) in labels.items())
        names.types.update((iri, type_name(found)) for iri, found in types.items())
        self._names, self._fingerprint, self._loaded, self._read_after = names, fingerprint, time.monotonic(), writes


@dataclass
class _Names:
    """One reading of the store's names: every name, the names by folded form, and each entity's label and type.

    The folded names are also kept end to end in one string (`haystack`, each
    starting at its offset in `starts`): finding the names that contain a word is
    then str.find over one string, instead of a comparison per name in Python
    (75 ms a search over a million triples' names).
    """

    entries: list[_Entry] = field(default_factory=list)
    by_folded: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, str | None] = field(default_factory=dict)
    haystack: str = ""
    starts: list[int] = field(default_factory=list)

    def containing(self, part: str) -> Iterator[_Entry]:
        """The entries whose folded name contains `part`, in order, each once."""
        found = self.haystack.find(part)
        while found >= 0:
            index = bisect.bisect_right(self.starts, found) - 1
            yield self.entries[index]
            following = index + 1
            if following == len(self.starts):
                return
            found = self.haystack.find(part, self.starts[following])


_SEPARATOR = "\0"
"""Between the folded names in `_Names.haystack`: no name contains it, so no match spans two names."""


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
