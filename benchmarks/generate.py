"""A realistic cityrel graph of a chosen size, written as N-Quads and bulk-loaded into a store.

The graph has what a long-running cityrel deployment would hold:

- synthetic articles, one named graph each, in exactly the shapes rdf.py writes:
  the article node with its text, municipalities, missions and associations with
  their mentions, posts, meetings, twinnings, proposals and planned events,
  community statistics, and evidence nodes whose quotes are grounded in the text.
  Cities and countries are real (cityrel's GeoNames gazetteer, ISO countries);
  a city keeps its mayor, a mission its head, from one article to the next, so
  facts repeat across articles as they do in the news;
- the real sample articles of data/articles, through the real pipeline;
- the real twinning network of data/twinning (Wikidata P190, 17 k agreements)
  as the dataset graph that cityrel.imports writes (its own code makes the triples);
- the shared reference graph of cities and countries.

Everything is drawn from one seeded generator, so the same arguments give the
same bytes; the first k articles of a larger graph are the k articles of a
smaller one. The synthetic articles are built as `cityrel.model.Extraction`
values and written by a fast writer that mirrors rdf.py; `--check N` writes the
first N also through rdf.article_graph, compares the triples, and runs the SHACL
gate on them, so the benchmark notices when rdf.py changes shape.

    python benchmarks/generate.py --triples 1000000 [--out var/bench/g.nq --store var/bench/store]

Without --out, the graph and its store go to var/bench/<size>-<seed>-...-<code hash>/ and
are reused by later runs of the same code (`prepared`).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import math
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from _common import table

from cityrel.extract.gazetteer import CityRecord, _city_index, country_by_code
from cityrel.extract.text import slug
from cityrel.model import (
    Article,
    City,
    CommunityStatistic,
    Country,
    Extraction,
    Meeting,
    Mention,
    Organization,
    OrgKind,
    Person,
    Plan,
    PlanKind,
    Post,
    Qualifier,
    Role,
    Span,
    Twinning,
    TwinningKind,
)
from cityrel.rdf import REFERENCE_GRAPH

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
TWINNING = ROOT / "data" / "twinning"
BASE = "https://w3id.org/cityrel/id/"
SEED = 20260101
ANKARA, ISTANBUL, IZMIR = 323786, 745044, 311046
TURKISH_NAMES = {ISTANBUL: "İstanbul"}
"""GeoNames gives some Turkish cities without the dotted capital the news writes."""

# -- Vocabulary (IRIs as N-Triples terms) --------------------------------------

_CREL = "https://w3id.org/cityrel/ontology#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SCHEMA = "https://schema.org/"


def _crel(name: str) -> str:
    return f"<{_CREL}{name}>"


A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
SAME = "<http://www.w3.org/2002/07/owl#sameAs>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
QUOTED_FROM = "<http://www.w3.org/ns/prov#wasQuotedFrom>"
ORG_NS = "http://www.w3.org/ns/org#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def _int(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


# -- The fast writer: rdf._Writer, as N-Quads lines ------------------------------


class QuadWriter:
    """Writes an Extraction as rdf.py would, one N-Quads line per triple.

    Article graphs are written whole as they come; reference triples (cities,
    countries, people, organisations, posts, agreements) are collected and
    written once at the end, as the store would hold them after many articles
    added the same ones.
    """

    def __init__(self, base: str = BASE) -> None:
        self.base = base
        self.reference: dict[str, None] = {}

    def iri(self, *parts: str) -> str:
        return "<" + self.base + "/".join(parts) + ">"

    def article_lines(self, extraction: Extraction) -> list[str]:
        own: dict[str, None] = {}
        a = extraction.article
        article = self.iri("article", a.key)
        graph = self.iri("graph", a.key)
        add = own.setdefault

        def t(s: str, p: str, o: str) -> None:
            add(f"{s} {p} {o} .")

        def evidence(fact: str, spans: tuple[Span, ...]) -> None:
            for span in spans:
                node = f"{fact[:-1]}/evidence/{a.key}/{span.start}-{span.end}>"
                t(fact, _crel("evidence"), node)
                t(node, A, _crel("Evidence"))
                t(node, _crel("quote"), _lit(span.quote))
                t(node, _crel("start"), _int(span.start))
                t(node, _crel("end"), _int(span.end))
                t(node, QUOTED_FROM, article)

        def fact(node: str, cls: str, spans: tuple[Span, ...], *, shared: bool = False) -> str:
            (self._ref if shared else t)(node, A, cls)
            t(node, DERIVED, article)
            evidence(node, spans)
            return node

        def mentioned(node: str) -> str:
            t(node, _crel("mentionedIn"), article)
            return node

        def person(p: Person) -> str:
            node = mentioned(self.iri("person", p.key))
            self._ref(node, A, _crel("Person"))
            self._ref(node, LABEL, _lit(p.name))
            for alt in p.alt_names:
                self._ref(node, ALT, _lit(alt))
            return node

        def organization(org: Organization) -> str:
            node = mentioned(self.iri("org", org.key))
            cls = _crel(org.kind.value) if org.kind.value != "Organization" else f"<{ORG_NS}Organization>"
            ref = self._ref
            ref(node, A, cls)
            ref(node, LABEL, _lit(org.label, "tr"))
            if org.acronym:
                ref(node, _crel("acronym"), _lit(org.acronym))
            if org.city:
                link = "governs" if org.kind.value in ("Municipality", "Governorship") else "locatedIn"
                ref(node, _crel(link), self.city(org.city))
            if org.country:
                ref(node, _crel("representsCountry"), self.country(org.country))
            if org.community:
                ref(node, _crel("community"), self.country(org.community))
            return node

        # the article
        t(article, A, f"<{_SCHEMA}NewsArticle>")
        t(article, f"<{_SCHEMA}text>", _lit(a.text))
        t(article, f"<{_SCHEMA}identifier>", _lit(a.key))
        if a.date:
            t(article, f"<{_SCHEMA}datePublished>", _lit(a.date.isoformat(), datatype=_XSD + "date"))
        if a.title:
            t(article, f"<{_SCHEMA}headline>", _lit(a.title, "tr"))
        if a.url:
            t(article, f"<{_SCHEMA}url>", _lit(a.url, datatype=_XSD + "anyURI"))
        if a.dateline:
            t(article, _crel("dateline"), _lit(a.dateline))
        t(article, f"<{_SCHEMA}inLanguage>", _lit("tr"))
        for prop, name, kind in (("publisher", a.publisher, "publisher"), ("author", a.author, "author")):
            if name:
                agent = self.iri(kind, slug(name))
                t(article, f"<{_SCHEMA}{prop}>", agent)
                self._ref(agent, A, f"<{_SCHEMA}{'Organization' if kind == 'publisher' else 'Person'}>")
                self._ref(agent, f"<{_SCHEMA}name>", _lit(name))
        for mention in extraction.organizations:
            evidence(organization(mention.organization), mention.evidence)
        for p in extraction.people:
            person(p)
        for twinning in extraction.twinnings:
            pair = "--".join(sorted(city.key for city in twinning.cities))
            node = fact(self.iri("twinning", pair), _crel(twinning.kind.value), twinning.evidence, shared=True)
            cities = [self.city(city) for city in twinning.cities]
            for city in cities:
                self._ref(node, _crel("party"), city)
                for other in cities:
                    if other != city:
                        t(city, _crel("twinnedWith"), other)
            if twinning.signed:
                datatype = _XSD + ("date" if len(twinning.signed) == 10 else "gYear")
                t(node, _crel("signedDate"), _lit(twinning.signed, datatype=datatype))
            for signatory in twinning.signatories:
                t(node, _crel("signatory"), person(signatory))
        for post in extraction.posts:
            node = fact(self.iri("membership", post.person.key, post.role.value, post.organization.key),
                        f"<{ORG_NS}Membership>", post.evidence, shared=True)
            self._ref(node, f"<{ORG_NS}member>", person(post.person))
            self._ref(node, f"<{ORG_NS}organization>", organization(post.organization))
            self._ref(node, f"<{ORG_NS}role>", _crel(post.role.value))
        for number, meeting in enumerate(extraction.meetings, start=1):
            node = fact(self.iri("article", a.key, "meeting", str(number)), _crel("Meeting"), meeting.evidence)
            for p in meeting.participants:
                t(node, _crel("participant"), person(p))
            if meeting.host:
                t(node, _crel("host"), person(meeting.host))
            if meeting.date:
                t(node, _crel("date"), _lit(meeting.date.isoformat(), datatype=_XSD + "date"))
            if meeting.venue:
                venue = mentioned(self.iri("venue", slug(meeting.venue)))
                t(node, _crel("venue"), venue)
                self._ref(venue, A, _crel("Venue"))
                self._ref(venue, LABEL, _lit(meeting.venue, "tr"))
            for topic in meeting.topics:
                t(node, _crel("topic"), _crel(topic))
        for plan in extraction.plans:
            node = self.iri("article", a.key, plan.kind.value.lower(), slug(plan.label))
            fact(node, _crel(plan.kind.value), plan.evidence)
            t(node, LABEL, _lit(plan.label, "tr"))
            if plan.proposed_by:
                t(node, _crel("proposedBy"), person(plan.proposed_by))
        for statistic in extraction.communities:
            key = f"{statistic.nationality.key}--{statistic.city.key}--{statistic.count}"
            node = fact(self.iri("article", a.key, "community", key), _crel("CommunityStatistic"),
                        statistic.evidence)
            t(node, _crel("nationality"), self.country(statistic.nationality))
            t(node, _crel("residesIn"), self.city(statistic.city))
            t(node, _crel("count"), _int(statistic.count))
            t(node, _crel("countQualifier"), _lit(statistic.qualifier.value))
        return [line[:-1] + graph + " ." for line in own]

    def country(self, country: Country) -> str:
        node = self.iri("country", country.key)
        self._ref(node, A, _crel("Country"))
        self._ref(node, LABEL, _lit(country.label_tr, "tr"))
        if country.label_en:
            self._ref(node, LABEL, _lit(country.label_en, "en"))
        if country.code:
            self._ref(node, _crel("countryCode"), _lit(country.code))
        return node

    def city(self, city: City) -> str:
        node = self.iri("city", city.key)
        self._ref(node, A, _crel("City"))
        self._ref(node, LABEL, _lit(city.label_tr, "tr"))
        if city.label_en and city.label_en != city.label_tr:
            self._ref(node, LABEL, _lit(city.label_en, "en"))
        for alt in city.alt_labels:
            self._ref(node, ALT, _lit(alt, "tr"))
        if city.geonames_id:
            self._ref(node, SAME, f"<https://sws.geonames.org/{city.geonames_id}/>")
        if city.country:
            self._ref(node, _crel("country"), self.country(city.country))
        return node

    def _ref(self, s: str, p: str, o: str) -> None:
        self.reference.setdefault(f"{s} {p} {o} ")

    def reference_lines(self) -> list[str]:
        graph = self.iri(*REFERENCE_GRAPH.split("/"))
        return [line + graph + " ." for line in self.reference]


# -- Synthetic articles ------------------------------------------------------------

_FIRST_TR = ["Ahmet", "Mehmet", "Mustafa", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Ömer", "Yusuf", "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Selin", "Deniz", "Can", "Burak", "Emre", "Serkan", "Tuncay", "Kemal", "Erdal", "Gökhan", "Oğuz", "Levent", "Nurettin", "Selamettin", "Hakan", "Orhan", "Tülay", "Nilüfer", "Sibel", "Gülşen", "Bülent", "Cengiz", "Rasim", "Neşet", "Uğur", "Oktay", "Sabri", "Metin", "Recep", "Şükrü", "Özlem", "Filiz", "Eda", "Serdar"]
_LAST_TR = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Korkmaz", "Erdoğan", "Güneş", "Aksoy", "Tekin", "Bozkurt", "Uçar", "Altay", "Tarhan", "Sönmez", "Gündoğdu", "Tuna", "Dündar", "Genç", "Alkan", "Kılınç", "Karaca", "Ünal", "Sarı", "Işık", "Avcı", "Keskin", "Ateş", "Taş", "Bulut", "Çakır", "Uzun", "Akova", "Baysak"]
_FIRST_FOREIGN = ["Bauyrzhan", "Nurlan", "Aigerim", "Sadiq", "Tofig", "Rashad", "Giorgi", "Levan", "Nino", "Jovan", "Suzana", "Attila", "Zoltán", "Ivan", "Dmitri", "Olga", "Mekan", "Atabek", "Chyngyz", "Esen", "Nebi", "Constantin", "Mihai", "Elena", "Hilmi", "Rifat", "Mehmed", "Amra", "Naran", "Batbayar", "Klaus", "Anna", "Marco", "Sofia", "Jan", "Piotr", "Ewa", "Kenji", "Wei", "Yerlan"]
_LAST_FOREIGN = ["Akatayev", "Toktobekovic", "Halilov", "Hasanov", "Janjgava", "Manasijevski", "Tuneva", "Berlinger", "Pinter", "Fodorov", "Karaseni", "Telpiz", "Bozov", "Isanguliyev", "Turayev", "Almasbekov", "Shanyev", "Bajraktarevic", "Sala", "Krasnic", "Culuun", "Baypakov", "Raev", "Müller", "Schmidt", "Rossi", "Kowalski", "Nowak", "Novak", "Horvath", "Popescu", "Ionescu", "Petrov", "Ivanov", "Aliyev", "Mammadov", "Tashkentov", "Gurbanov", "Kim", "Lee"]
_PARTNERS = {  # ISO code: weight, from the countries Turkish city diplomacy news talks about most
    "AZ": 10, "KZ": 8, "KG": 5, "UZ": 5, "TM": 4, "GE": 5, "BA": 5, "MK": 4, "XK": 3, "AL": 3, "HU": 3, "BG": 5,
    "RO": 4, "MD": 3, "UA": 3, "RU": 3, "DE": 6, "NL": 2, "FR": 2, "IT": 2, "GR": 2, "PS": 2, "JP": 2, "KR": 3,
    "CN": 3, "MN": 2, "US": 2, "EG": 2, "TN": 1, "MA": 1, "PK": 2, "IR": 2, "IQ": 2, "QA": 1, "PL": 1, "ES": 1,
}
_PUBLISHERS = ("Son Mühür", "Körfez Gazetesi", "Kent Haber", "Anadolu Kent Haber Merkezi", "Yerel Haber",
               "Bursa Kent", "Karadeniz Ekspres", "Boğaziçi Postası", "Başkent Yerel Haber Servisi", "Ege Telgraf")
_VENUES = ("Ay Yıldızlı Konak", "Kültürpark", "Belediye Sarayı", "Tarihi Havagazı Fabrikası", "Kent Konseyi Salonu")
_TOPICS = ("Trade", "Culture", "Education", "Tourism", "UrbanPlanning", "Economy", "Youth")
_PLAN_LABELS = (
    "{partner} Parkı", "{home} Günleri", "{partner} Günleri", "{home}-{partner} kardeş şehir protokolü",
    "kültürel festivaller", "iş forumları", "B2B buluşmalar", "ticaret heyetleri", "{country} Kültür Haftası",
    "gençlik değişim programı", "{partner} Caddesi", "ortak fotoğraf sergisi",
)


@dataclass(frozen=True)
class _Place:
    city: City
    population: int


class _Text:
    """An article's text built piece by piece, giving each piece's code-point span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return Span(start, self.length, piece)

    def sentence(self, *pieces: str) -> list[Span]:
        """Add a sentence; returns the spans of its pieces, then of the whole sentence."""
        if self.length:
            self.add(" ")
        start = self.length
        spans = [self.add(piece) for piece in pieces]
        self.add(".")
        whole = "".join(pieces) + "."
        return [*spans, Span(start, start + len(whole), whole)]

    def paragraph(self) -> None:
        if self.length:
            self.add("\n\n")

    def text(self) -> str:
        return "".join(self.parts)


class Synthesizer:
    """Synthetic articles (Extractions), drawn deterministically from one seed."""

    def __init__(self, seed: int = SEED) -> None:
        self.seed = seed
        self.home = _turkish_cities()
        self.home_weights = [math.sqrt(p.population) * (3.0 if p.city.geonames_id == IZMIR else 1.0)
                             for p in self.home]
        self.partners = [c for c in _PARTNERS if country_by_code(c)]
        self.partner_weights = [_PARTNERS[c] for c in self.partners]
        self.filler = _filler_sentences()

    # people who keep their posts from one article to the next
    def _person(self, what: str, foreign: bool) -> Person:
        """The person who holds the post `what` (the same in every article)."""
        if what == f"mayor:{IZMIR}":
            return Person("cemil-tugay", "Cemil Tugay")
        r = random.Random(f"{self.seed}:{what}")
        firsts, lasts = (_FIRST_FOREIGN, _LAST_FOREIGN) if foreign else (_FIRST_TR, _LAST_TR)
        name = f"{r.choice(firsts)} {r.choice(lasts)}"
        if r.random() < 0.3:
            name = f"{r.choice(firsts)} {name}"
        return Person(slug(name), name)

    def article(self, number: int) -> Extraction:
        """Synthetic article `number`: a visit to a Turkish city's mayor, and what came of it."""
        rng = random.Random(f"{self.seed}:article:{number}")  # each article on its own: any range can be made alone
        home = rng.choices(self.home, self.home_weights)[0].city
        code = rng.choices(self.partners, self.partner_weights)[0]
        country = country_by_code(code)
        assert country is not None
        partner = _partner_city(code, rng)
        key = f"gen-{number:07d}"
        date = datetime.date(2012, 1, 1) + datetime.timedelta(days=int(5300 * rng.random() ** 0.7))
        story = _Story(self._person, home, partner, country, rng)

        # who called on whom: the opening sentence names everyone with their post
        visitors = [story.visitor(kind) for kind in _visitor_kinds(rng)]
        aides = [story.aide() for _ in range(rng.choices((0, 1, 2), (45, 40, 15))[0])]
        pieces = [f"{home.label_tr} Belediye Başkanı {story.mayor.name}", ", "]
        for index, (person, _role, _org, title) in enumerate(visitors):
            pieces += [("ve " if index else ""), f"{title} {person.name}", " "]
        opening = story.text.sentence(*pieces, "ile makamında bir araya geldi")
        story.hold(story.mayor, Role.MAYOR, story.municipality, opening[0])
        for index, (person, role, org, _title) in enumerate(visitors):
            story.hold(person, role, org, opening[3 + 3 * index], mentioned=rng.random() < 0.5)
        participants = [story.mayor, *(visitor[0] for visitor in visitors)]
        for person, role, title in aides:
            spans = story.text.sentence(f"{home.label_tr} {title} {person.name}", " da görüşmede hazır bulundu")
            story.hold(person, role, story.municipality, spans[0])
            participants.append(person)
        meeting_evidence = [opening[-1]]
        for sentence in rng.sample(self.filler, rng.randint(1, 3)):
            story.text.sentence(sentence)
        if rng.random() < 0.5:
            meeting_evidence.append(story.text.sentence(
                f"Ziyarette {home.label_tr} ile {partner.label_tr} arasındaki iş birliği olanakları ele alındı")[-1])
        meetings = [Meeting(
            tuple(participants), tuple(meeting_evidence), host=story.mayor if rng.random() < 0.8 else None,
            date=date if rng.random() < 0.25 else None,
            venue=rng.choice(_VENUES) if rng.random() < 0.1 else None,
            topics=tuple(sorted(rng.sample(_TOPICS, rng.randint(1, 2)))) if rng.random() < 0.3 else ())]
        if rng.random() < 0.25:  # the guest also called on the governor
            governorship = Organization(f"governorship-{home.key}", OrgKind.GOVERNORSHIP,
                                        f"{home.label_tr} Valiliği", city=home)
            governor = self._person(f"governor:{home.geonames_id}", foreign=False)
            guest = visitors[0][0]
            spans = story.text.sentence(f"{guest.name}, ", f"{home.label_tr} Valisi {governor.name}",
                                        " tarafından da makamında kabul edildi")
            story.hold(governor, Role.GOVERNOR, governorship, spans[1])
            meetings.append(Meeting((guest, governor), (spans[-1],), host=governor))

        story.text.paragraph()
        twinnings: list[Twinning] = []
        if rng.random() < 0.45:
            signed = None
            if rng.random() < 0.4:
                signed = str(rng.randint(1985, date.year))
                if rng.random() < 0.3:
                    day = datetime.date(int(signed), 1, 1) + datetime.timedelta(days=rng.randrange(365))
                    signed = day.isoformat()
            evidence = [story.text.sentence(
                f"{home.label_tr} ile {partner.label_tr} arasındaki kardeş şehir ilişkisi",
                f" {signed[:4]} yılında imzalanan protokole dayanıyor" if signed else " yeni projelerle güçlenecek")[-1]]
            if rng.random() < 0.5:
                evidence.append(story.text.sentence(f"{partner.label_tr} ile kardeşlik bağları güçlü")[-1])
            signatories = (story.mayor, story.partner_mayor) if rng.random() < 0.4 else ()
            for person in signatories:
                story.people.setdefault(person.key, person)
            kind = rng.choices(list(TwinningKind), (5, 80, 5, 10))[0]
            twinnings.append(Twinning(kind, (home, partner), tuple(evidence), signed, signatories))

        plans: list[Plan] = []
        for _ in range(rng.choices((0, 1, 2, 3, 4), (20, 30, 25, 15, 10))[0]):
            label = rng.choice(_PLAN_LABELS).format(home=home.label_tr, partner=partner.label_tr,
                                                    country=country.label_tr)
            if any(slug(plan.label) == slug(label) for plan in plans):
                continue
            evidence = [story.text.sentence("Görüşmede ", label, " gündeme geldi")[1]]
            if rng.random() < 0.4:
                evidence.append(story.text.sentence(f"{story.mayor.name}, ", label, " için çalışma başlatılacağını "
                                                    "söyledi")[1])
            kind_ = PlanKind.PROPOSAL if rng.random() < 0.4 else PlanKind.PLANNED_EVENT
            by = story.mayor if kind_ is PlanKind.PROPOSAL and rng.random() < 0.5 else None
            plans.append(Plan(kind_, label, tuple(evidence), by))

        communities: list[CommunityStatistic] = []
        if rng.random() < 0.12:
            count = rng.choice((25, 150, 500, 1000, 3000, 12000))
            spans = story.text.sentence(f"{home.label_tr}'de {count} {country.label_tr} vatandaşının yaşadığı "
                                        "belirtildi")
            communities.append(CommunityStatistic(country, home, count, rng.choice(list(Qualifier)), (spans[-1],)))
        for sentence in rng.sample(self.filler, rng.randint(1, 4)):
            story.text.sentence(sentence)
        for person in participants:
            story.people.setdefault(person.key, person)

        publisher = rng.choice(_PUBLISHERS) if rng.random() < 0.7 else None
        author = f"{rng.choice(_FIRST_TR)} {rng.choice(_LAST_TR)}" if rng.random() < 0.35 else None
        dateline = _upper_tr(home.label_tr) if rng.random() < 0.5 else None
        article = Article(key=key, source=f"{key}.txt", text=story.text.text(),
                          date=date if rng.random() < 0.6 else None, publisher=publisher, author=author,
                          dateline=dateline)
        return Extraction(article, tuple(story.mentions.values()), tuple(twinnings), tuple(story.posts),
                          tuple(meetings), tuple(plans), tuple(communities), tuple(story.people.values()))


def _visitor_kinds(rng: random.Random) -> list[str]:
    first = rng.choices(("mayor", "mission", "association"), (45, 35, 20))[0]
    kinds = [first]
    if rng.random() < 0.4:
        kinds.append(rng.choice([k for k in ("mayor", "mission", "association") if k != first]))
    if "mission" in kinds and rng.random() < 0.3:
        kinds.append("consul")
    return kinds


class _Story:
    """The cast and text of one synthetic article, and the posts and mentions it yields."""

    def __init__(self, person: Callable[[str, bool], Person], home: City, partner: City, country: Country,
                 rng: random.Random) -> None:
        self.person, self.home, self.partner, self.country, self.rng = person, home, partner, country, rng
        self.text = _Text()
        self.people: dict[str, Person] = {}
        self.posts: list[Post] = []
        self.mentions: dict[str, Mention] = {}
        self.municipality = Organization(f"municipality-{home.key}", OrgKind.MUNICIPALITY,
                                         f"{home.label_tr} Belediyesi", city=home)
        self.mayor = person(f"mayor:{home.geonames_id}", False)
        self.partner_mayor = person(f"mayor:{partner.geonames_id}", True)
        self.mission: Organization | None = None

    def hold(self, person: Person, role: Role, org: Organization, span: Span, *, mentioned: bool = False) -> None:
        self.people.setdefault(person.key, person)
        self.posts.append(Post(person, role, org, (span,)))
        at = span.quote.find(org.label) if mentioned else -1
        evidence = (Span(span.start + at, span.start + at + len(org.label), org.label),) if at >= 0 else ()
        if org.key not in self.mentions or evidence:
            self.mentions[org.key] = Mention(org, evidence)

    def visitor(self, kind: str) -> tuple[Person, Role, Organization, str]:
        home, partner, country, rng = self.home, self.partner, self.country, self.rng
        if kind == "mayor":
            org = Organization(f"municipality-{partner.key}", OrgKind.MUNICIPALITY, f"{partner.label_tr} Belediyesi",
                               city=partner)
            return self.partner_mayor, Role.MAYOR, org, f"{partner.label_tr} Belediye Başkanı"
        if kind in ("mission", "consul"):
            if self.mission is None:
                seat, org_kind, noun = rng.choice((
                    (ANKARA, OrgKind.EMBASSY, "Ankara Büyükelçiliği"),
                    (ISTANBUL, OrgKind.CONSULATE_GENERAL, "İstanbul Başkonsolosluğu"),
                    (home.geonames_id, OrgKind.CONSULATE_GENERAL, f"{home.label_tr} Başkonsolosluğu"),
                    (home.geonames_id, OrgKind.HONORARY_CONSULATE, f"{home.label_tr} Fahri Konsolosluğu"),
                ))
                seat_city = home if seat == home.geonames_id else _city(seat or 0)
                self.mission = Organization(f"{org_kind.value.lower()}-{country.key}-{seat_city.key}", org_kind,
                                            f"{country.label_tr} {noun}", city=seat_city, country=country)
            org = self.mission
            if kind == "consul":
                return (self.person(f"consul:{org.key}:{rng.randrange(3)}", True), Role.CONSUL, org,
                        f"{country.label_tr} Konsolosu")
            role, title = _HEADS[org.kind]
            return self.person(f"head:{org.key}", True), role, org, f"{org.label.removesuffix(_SUFFIX[org.kind])}{title}"
        label = f"{home.label_tr} {country.label_tr} Dostluk Derneği"
        org = Organization(f"association-{slug(label)}", OrgKind.ASSOCIATION, label, city=home, community=country)
        return self.person(f"president:{org.key}", False), Role.PRESIDENT, org, f"{label} Başkanı"

    def aide(self) -> tuple[Person, Role, str]:
        role, title = self.rng.choice(((Role.DEPUTY_MAYOR, "Belediye Başkan Yardımcısı"),
                                       (Role.SECRETARY_GENERAL, "Belediyesi Genel Sekreteri"),
                                       (Role.COUNCIL_MEMBER, "Belediye Meclis Üyesi"),
                                       (Role.DEPARTMENT_HEAD, "Dış İlişkiler Daire Başkanı")))
        return self.person(f"{role.value}:{self.home.geonames_id}:{self.rng.randrange(4)}", False), role, title


_HEADS = {OrgKind.EMBASSY: (Role.AMBASSADOR, "Büyükelçisi"), OrgKind.CONSULATE_GENERAL: (Role.CONSUL_GENERAL,
          "Başkonsolosu"), OrgKind.HONORARY_CONSULATE: (Role.HONORARY_CONSUL, "Fahri Konsolosu")}
_SUFFIX = {OrgKind.EMBASSY: "Büyükelçiliği", OrgKind.CONSULATE_GENERAL: "Başkonsolosluğu",
           OrgKind.HONORARY_CONSULATE: "Fahri Konsolosluğu"}


def _upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


@cache
def _turkish_cities() -> list[_Place]:
    _index, records = _city_index()
    found = [r for r in records.values() if r.country == "TR" and r.population >= 30000]
    return [_Place(_city_from(r), r.population) for r in sorted(found, key=lambda r: r.geonames_id)]


@cache
def _country_cities(code: str) -> tuple[list[City], list[float]]:
    _index, records = _city_index()
    found = sorted((r for r in records.values() if r.country == code), key=lambda r: (-r.population, r.geonames_id))
    top = found[:25]
    return [_city_from(r) for r in top], [math.sqrt(r.population + 1) for r in top]


def _partner_city(code: str, rng: random.Random) -> City:
    cities, weights = _country_cities(code)
    return rng.choices(cities, weights)[0]


def _city(geonames_id: int) -> City:
    _index, records = _city_index()
    return _city_from(records[geonames_id])


def _city_from(record: CityRecord) -> City:
    label = TURKISH_NAMES.get(record.geonames_id, record.name)
    return City(key=f"geonames-{record.geonames_id}", label_tr=label, label_en=record.name,
                country=country_by_code(record.country), geonames_id=record.geonames_id)


def _filler_sentences() -> list[str]:
    """Sentences of the real sample articles: realistic Turkish text around the synthetic facts."""
    sentences = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            for sentence in paragraph.split(". "):
                sentence = sentence.strip().rstrip(".")
                if 40 <= len(sentence) <= 300 and not sentence.startswith("date ") and " - " not in sentence:
                    sentences.append(sentence)
    return sentences


# -- The real data: sample articles and the twinning network ------------------------


def sample_lines(base: str = BASE) -> tuple[list[str], list[str]]:
    """The sample articles through the real pipeline (extract, rdf.py, SHACL): their quads and reference quads."""
    from cityrel.article import read_articles
    from cityrel.pipeline import prepare

    own, reference = [], []
    for article in read_articles([SAMPLES]):
        if isinstance(article, Exception):
            raise article
        _extraction, graph = prepare(article, base)
        name = graph.name.n3()
        own += [f"{s.n3()} {p.n3()} {_nt(o)} {name} ." for s, p, o in graph.statements]
        reference += [f"{s.n3()} {p.n3()} {_nt(o)} " for s, p, o in graph.reference]
    return own, reference


def _nt(term: object) -> str:
    from rdflib import Literal

    if isinstance(term, Literal):
        return _lit(str(term), term.language, str(term.datatype) if term.datatype else None)
    return term.n3()  # type: ignore[attr-defined]


def twinning_lines(writer: QuadWriter) -> list[str]:
    """The real twinning network (data/twinning) as `cityrel import-twinning` writes it: the dataset graph,
    and its reference triples added to the writer's.

    The triples come from cityrel.imports itself (reading, GeoNames linking, one agreement
    per pair, its writer), without the SHACL gate and the store, which the bulk loader
    replaces here.
    """
    from cityrel.imports import WIKIDATA_P190_2016, _Triples, agreements, link_items, read_twinning
    from cityrel.rdf import Minter

    rows = read_twinning(TWINNING)
    items = link_items(rows.labels)
    found = agreements(rows.statements, items)
    mint = Minter(writer.base)
    triples = _Triples(WIKIDATA_P190_2016, mint)
    graph = WIKIDATA_P190_2016.graph(mint).n3()
    used = sorted({qid for statement in rows.statements for qid in statement}, key=lambda qid: items[qid].key)
    own = [*triples.describe_dataset()]
    for qid in used:
        own += triples.city(items[qid])
        for s, p, o in triples.reference(items[qid]):
            writer.reference.setdefault(f"{s.n3()} {p.n3()} {_nt(o)} ")
    for agreement in found:
        own += triples.agreement(agreement)
    return list(dict.fromkeys(f"{s.n3()} {p.n3()} {_nt(o)} {graph} ." for s, p, o in own))


# -- Writing and loading -------------------------------------------------------------


@dataclass(frozen=True)
class Generated:
    path: Path
    articles: int
    """Synthetic articles (the samples come on top)."""
    triples: int
    seconds: float


def generate(path: Path, *, triples: int | None = None, articles: int | None = None, seed: int = SEED,
             twinning: bool = True, workers: int | None = None) -> Generated:
    """Write a graph of about `triples` triples (or exactly `articles` synthetic articles) to `path` (N-Quads).

    Articles are made in parallel (one process per core) and written in order.
    """
    if (triples is None) == (articles is None):
        raise ValueError("give triples or articles")
    started = time.perf_counter()
    writer = QuadWriter()
    path.parent.mkdir(parents=True, exist_ok=True)
    count = number = 0
    workers = workers or len(os.sched_getaffinity(0))
    with path.open("w", encoding="utf-8") as out, multiprocessing.get_context("fork").Pool(workers) as pool:
        own, reference = sample_lines()
        for line in reference:
            writer.reference.setdefault(line)
        fixed = own + (twinning_lines(writer) if twinning else [])
        out.write("\n".join(fixed) + "\n")
        count += len(fixed)
        chunks = ((start, seed) for start in itertools.count(0, _CHUNK))
        for made in pool.imap(_articles, chunks):
            for block, lines, reference_lines in made:
                if (articles is not None and number >= articles) or (
                        triples is not None and count + len(writer.reference) >= triples):
                    break
                out.write(block)
                count += lines
                number += 1
                for line in reference_lines:
                    writer.reference.setdefault(line)
            else:
                continue
            break  # enough: the pool is terminated on leaving the block
        tail = writer.reference_lines()
        out.write("\n".join(tail) + "\n")
        count += len(tail)
    return Generated(path, number, count, time.perf_counter() - started)


_CHUNK = 100


def _articles(task: tuple[int, int]) -> list[tuple[str, int, list[str]]]:
    """Articles start .. start+_CHUNK-1 as N-Quads text, with the reference lines each needs (in a worker)."""
    start, seed = task
    synthesizer, made = Synthesizer(seed), []
    for number in range(start, start + _CHUNK):
        writer = QuadWriter()
        lines = writer.article_lines(synthesizer.article(number))
        made.append(("\n".join(lines) + "\n", len(lines), list(writer.reference)))
    return made


@dataclass(frozen=True)
class Prepared:
    """A generated graph and the store loaded from it, kept under var/bench/ for later runs."""

    data: Path
    store: Path
    articles: int
    triples: int
    generate_seconds: float
    load_seconds: float
    cached: bool


def prepared(*, triples: int | None = None, articles: int | None = None, seed: int = SEED, twinning: bool = True,
             work: Path = ROOT / "var" / "bench") -> Prepared:
    """The graph and store of these parameters: made now, or found from an earlier run of the same code.

    The cache key covers this file and rdf.py, whose shapes the generator copies.
    Treat the store as read-only (serve it, export it); copy it to write to it.
    """
    fingerprint = hashlib.sha256(Path(__file__).read_bytes() + (ROOT / "src" / "cityrel" / "rdf.py").read_bytes())
    size = f"a{articles}" if articles is not None else f"t{triples}"
    home = work / f"{size}-s{seed}-{'twinning' if twinning else 'articles'}-{fingerprint.hexdigest()[:10]}"
    manifest = home / "manifest.json"
    if manifest.exists():
        found = json.loads(manifest.read_text())
        return Prepared(home / "graph.nq", home / "store", found["articles"], found["triples"],
                        found["generate_seconds"], found["load_seconds"], cached=True)
    if home.exists():
        shutil.rmtree(home)
    made = generate(home / "graph.nq", triples=triples, articles=articles, seed=seed, twinning=twinning)
    seconds = load(made.path, home / "store")
    manifest.write_text(json.dumps({"articles": made.articles, "triples": made.triples,
                                    "generate_seconds": made.seconds, "load_seconds": seconds}) + "\n")
    return Prepared(made.path, home / "store", made.articles, made.triples, made.seconds, seconds, cached=False)


def oxigraph_binary() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise SystemExit("the oxigraph executable is not installed (pip install oxigraph)")
    return found


def load(path: Path, store: Path) -> float:
    """Bulk-load `path` into a new cityrel store directory (its engine database is store/oxigraph); seconds taken."""
    if store.exists():
        shutil.rmtree(store)
    database = store / "oxigraph"
    database.mkdir(parents=True)
    started = time.perf_counter()
    subprocess.run([oxigraph_binary(), "load", "--location", str(database), "--file", str(path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def check(count: int, seed: int = SEED) -> int:
    """Write the first `count` synthetic articles also with rdf.py and the SHACL gate; raise on any difference."""
    import pyoxigraph as ox

    from cityrel.rdf import article_graph, oxigraph_triples
    from cityrel.validate import check_article

    synthesizer, writer = Synthesizer(seed), QuadWriter()
    for number in range(count):
        extraction = synthesizer.article(number)
        fast = set(ox.parse("\n".join(writer.article_lines(extraction)).encode(), ox.RdfFormat.N_QUADS))
        graph = article_graph(extraction, BASE)
        name = ox.NamedNode(str(graph.name))
        slow = {ox.Quad(t.subject, t.predicate, t.object, name) for t in oxigraph_triples(graph.statements)}
        if fast != slow:
            missing, extra = sorted(map(str, slow - fast))[:5], sorted(map(str, fast - slow))[:5]
            raise SystemExit(f"article {number}: the generator and rdf.py differ.\n"
                             f"  only in rdf.py: {missing}\n  only here: {extra}")
        reference = {quad.triple for quad in ox.parse("".join(line + ".\n" for line in writer.reference).encode(),
                                                      ox.RdfFormat.N_TRIPLES)}
        if missing_reference := set(oxigraph_triples(graph.reference)) - reference:
            raise SystemExit(f"article {number}: reference triples of rdf.py that the generator lacks: "
                             f"{sorted(map(str, missing_reference))[:5]}")
        check_article(graph)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--triples", type=int, help="about this many triples in all")
    size.add_argument("--articles", type=int, help="exactly this many synthetic articles")
    parser.add_argument("--out", type=Path, help="write the graph here (default: the var/bench cache)")
    parser.add_argument("--store", type=Path, help="with --out: also bulk-load it into this store directory")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-twinning", action="store_true", help="leave out the real twinning network")
    parser.add_argument("--check", type=int, default=0, metavar="N",
                        help="first compare N synthetic articles with rdf.py and the SHACL gate")
    args = parser.parse_args()
    if args.check:
        started = time.perf_counter()
        check(args.check, args.seed)
        print(f"checked: {args.check} articles identical to rdf.py's and conforming "
              f"({time.perf_counter() - started:.1f} s)")
    twinning = not args.no_twinning
    if args.out is None:
        found = prepared(triples=args.triples, articles=args.articles, seed=args.seed, twinning=twinning)
        made = Generated(found.data, found.articles, found.triples, found.generate_seconds)
        loaded: float | None = found.load_seconds
        print(f"{'cached' if found.cached else 'made'}: {found.data.parent}")
    else:
        made = generate(args.out, triples=args.triples, articles=args.articles, seed=args.seed, twinning=twinning)
        loaded = load(args.out, args.store) if args.store else None
    print(table(["step", "articles", "triples", "seconds", "triples/s"], [
        ["generate", made.articles, made.triples, made.seconds, made.triples / made.seconds],
        *([["bulk load (oxigraph load)", made.articles, made.triples, loaded, made.triples / loaded]]
          if loaded else [])]))


if __name__ == "__main__":
    main()
