"""Stage 3: an article's extraction as RDF: its own named graph, and what it adds to the reference graph.

A thing that many articles name (a city, a country, a mayor, a municipality,
the mayor's post, a twinning agreement) is described once, in the shared graph
`<base>graph/reference`: what it is, what it is called, how it is built (a
post's member, body and role; an agreement's parties). The article's graph
`<base>graph/<article key>` holds what the article itself says: the article
node, that it states each fact (prov:wasDerivedFrom, with the evidence quoted
from it) and names each entity (crel:mentionedIn), the facts that exist only
in it (meetings, plans, community figures, an agreement's date and
signatories), and the twinnedWith links it asserts.

Why the split: a SPARQL engine's default graph is the union of the named
graphs, and a triple stored in n graphs is n solutions there. A mayor named in
three hundred articles would otherwise make every join through the mayor's
post three hundred times as large.

IRIs are derived from stable keys only, so the same city, person, post or
twinning always gets the same IRI, whichever article names it. The store
removes a thing's reference description when no graph says it anymore
(`SparqlStore.put_articles`); cities, countries, publishers and authors are kept.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple, Protocol

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

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
    Person,
    Plan,
    Post,
    Span,
    Twinning,
)
from cityrel.namespaces import CREL, GEONAMES, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

REFERENCE_GRAPH = "graph/reference"

Triple = tuple[Node, Node, Node]


class TripleSink(Protocol):
    """What triples are written into: a set, or an rdflib Graph."""

    def add(self, triple: Triple, /) -> object: ...


@dataclass(frozen=True)
class ArticleGraph:
    """The RDF of one article: its own named graph, and the reference descriptions of what it names.

    rdf.py writes both as frozensets of rdflib triples: an rdflib Graph indexes every
    triple three ways as it is added, which took two thirds of this stage's time,
    and nothing downstream looks triples up (the gate and the store write them out).
    """

    article: Article
    name: URIRef
    statements: Collection[Triple]
    reference: Collection[Triple]

    @cached_property
    def oxigraph(self) -> OxigraphTriples:
        """Both as pyoxigraph triples, the form the gate and the store write out: converted once, on first use
        (by the gate, in the process that stores the article), for both. ValueError as `oxigraph_triples`."""
        return OxigraphTriples(frozenset(oxigraph_triples(self.statements)),
                               frozenset(oxigraph_triples(self.reference)))


class OxigraphTriples(NamedTuple):
    """An ArticleGraph's statements and reference triples as pyoxigraph triples."""

    statements: frozenset[ox.Triple]
    reference: frozenset[ox.Triple]


class Minter:
    """Mints cityrel's IRIs under one base."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def article(self, article: Article) -> URIRef:
        return self("article", article.key)

    def graph(self, article: Article) -> URIRef:
        return self("graph", article.key)

    def city(self, key: str) -> URIRef:
        return self("city", key)

    def country(self, key: str) -> URIRef:
        return self("country", key)

    def twinning(self, city_keys: Iterable[str], *, another: str | None = None) -> URIRef:
        """The one agreement between these cities, whoever states it: their sorted keys joined by "--".
        `another` names a further agreement of theirs that an article tells apart ("friendship-2011")."""
        pair = "--".join(sorted(city_keys))
        return self("twinning", pair, another) if another else self("twinning", pair)

    def reference_graph(self) -> URIRef:
        return URIRef(self.base + REFERENCE_GRAPH)


def article_graph(extraction: Extraction, base: str) -> ArticleGraph:
    """Turn one extraction into its named graph and the reference descriptions it relies on."""
    writer = _Writer(extraction.article, Minter(base))
    writer.add_article()
    for mention in extraction.organizations:
        writer.add_mention(mention)
    for person in extraction.people:
        writer.person(person)
    for twinning in extraction.twinnings:
        writer.add_twinning(twinning)
    for post in extraction.posts:
        writer.add_post(post)
    for number, meeting in enumerate(extraction.meetings, start=1):
        writer.add_meeting(meeting, number)
    for plan in extraction.plans:
        writer.add_plan(plan)
    for statistic in extraction.communities:
        writer.add_community(statistic)
    return ArticleGraph(extraction.article, writer.mint.graph(extraction.article), frozenset(writer.own),
                        frozenset(writer.reference))


def oxigraph_triples(triples: Iterable[Triple]) -> list[ox.Triple]:
    """`triples` as pyoxigraph triples, the form the gate and the store write out as N-Triples.

    ValueError for a triple that RDF cannot hold: a relative or malformed IRI, a
    bad language tag, a literal as subject.
    """
    converted = []
    for subject, predicate, value in triples:
        try:
            converted.append(ox.Triple(_resource(subject), _iri(predicate), _term(value)))
        except (TypeError, ValueError) as error:
            shown = " ".join(f"<{term}>" if isinstance(term, URIRef) else repr(term)
                             for term in (subject, predicate, value))
            raise ValueError(f"Cannot write {shown}: {error}") from None
    return converted


def _term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    return _resource(term)


def _resource(term: Node) -> ox.NamedNode | ox.BlankNode:
    if type(term) is URIRef:  # the common case first: every triple's subject passes here
        return _named_node(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return _iri(term)


def _iri(term: Node) -> ox.NamedNode:
    if not isinstance(term, URIRef):
        raise TypeError(f"{term!r} stands where RDF takes an IRI")
    return _named_node(str(term))


@lru_cache(maxsize=1 << 16)  # classes, properties and the cities and countries recur in every article
def _named_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def describe_country(graph: TripleSink, mint: Minter, country: Country) -> URIRef:
    """Add the reference description of `country` to `graph` and return its IRI."""
    node = mint.country(country.key)
    graph.add((node, RDF.type, CREL.Country))
    graph.add((node, RDFS.label, Literal(country.label_tr, lang="tr")))
    if country.label_en:
        graph.add((node, RDFS.label, Literal(country.label_en, lang="en")))
    if country.code:
        graph.add((node, CREL.countryCode, Literal(country.code)))
    return node


class _Writer:
    """Writes one article's triples: its own graph (`own`) and the reference descriptions (`reference`)."""

    def __init__(self, article: Article, mint: Minter) -> None:
        self.article = article
        self.mint = mint
        self.article_iri = mint.article(article)
        self.own: set[Triple] = set()
        self.reference: set[Triple] = set()
        self._twinned: set[frozenset[str]] = set()

    # -- the article -------------------------------------------------------

    def add_article(self) -> None:
        a, add = self.article, self.own.add
        node = self.article_iri
        add((node, RDF.type, SCHEMA.NewsArticle))
        add((node, SCHEMA.text, Literal(a.text)))
        add((node, SCHEMA.identifier, Literal(a.key)))
        if a.date:
            add((node, SCHEMA.datePublished, Literal(a.date.isoformat(), datatype=XSD.date)))
        if a.title:
            add((node, SCHEMA.headline, Literal(a.title, lang="tr")))
        if a.url:
            add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.dateline:
            add((node, CREL.dateline, Literal(a.dateline)))
        add((node, SCHEMA.inLanguage, Literal("tr")))
        for prop, name, kind in ((SCHEMA.publisher, a.publisher, "publisher"), (SCHEMA.author, a.author, "author")):
            if name:
                agent = self.mint(kind, slug(name))
                add((node, prop, agent))
                self.reference.add((agent, RDF.type, SCHEMA.Organization if kind == "publisher" else SCHEMA.Person))
                self.reference.add((agent, SCHEMA.name, Literal(name)))

    def evidence(self, fact: URIRef, spans: Iterable[Span]) -> None:
        for span in spans:
            node = URIRef(f"{fact}/evidence/{self.article.key}/{span.start}-{span.end}")
            self.own.add((fact, CREL.evidence, node))
            self.own.add((node, RDF.type, CREL.Evidence))
            self.own.add((node, CREL.quote, Literal(span.quote)))
            self.own.add((node, CREL.start, Literal(span.start, datatype=XSD.integer)))
            self.own.add((node, CREL.end, Literal(span.end, datatype=XSD.integer)))
            self.own.add((node, PROV.wasQuotedFrom, self.article_iri))

    def fact(self, node: URIRef, cls: URIRef, spans: Iterable[Span], *, shared: bool = False) -> URIRef:
        """A fact node derived from this article; a `shared` one (a post, an agreement) is typed in the reference."""
        (self.reference if shared else self.own).add((node, RDF.type, cls))
        self.own.add((node, PROV.wasDerivedFrom, self.article_iri))
        self.evidence(node, spans)
        return node

    def mentioned(self, node: URIRef) -> URIRef:
        self.own.add((node, CREL.mentionedIn, self.article_iri))
        return node

    # -- entities: described in the reference graph --------------------------

    def country(self, country: Country) -> URIRef:
        return describe_country(self.reference, self.mint, country)

    def city(self, city: City) -> URIRef:
        node = self.mint.city(city.key)
        add = self.reference.add
        add((node, RDF.type, CREL.City))
        add((node, RDFS.label, Literal(city.label_tr, lang="tr")))
        if city.label_en and city.label_en != city.label_tr:
            add((node, RDFS.label, Literal(city.label_en, lang="en")))
        for alt in city.alt_labels:
            add((node, SKOS.altLabel, Literal(alt, lang="tr")))
        if city.geonames_id:
            add((node, OWL.sameAs, GEONAMES[f"{city.geonames_id}/"]))
        if city.country:
            add((node, CREL.country, self.country(city.country)))
        return node

    def person(self, person: Person) -> URIRef:
        node = self.mentioned(self.mint("person", person.key))
        self.reference.add((node, RDF.type, CREL.Person))
        self.reference.add((node, RDFS.label, Literal(person.name)))
        for alt in person.alt_names:
            self.reference.add((node, SKOS.altLabel, Literal(alt)))
        return node

    def organization(self, org: Organization) -> URIRef:
        node = self.mentioned(self.mint("org", org.key))
        add = self.reference.add
        add((node, RDF.type, CREL[org.kind.value] if org.kind.value != "Organization" else ORG.Organization))
        add((node, RDFS.label, Literal(org.label, lang="tr")))
        if org.acronym:
            add((node, CREL.acronym, Literal(org.acronym)))
        if org.city:
            place_link = CREL.governs if org.kind.governs else CREL.locatedIn
            add((node, place_link, self.city(org.city)))
        if org.country:
            add((node, CREL.representsCountry, self.country(org.country)))
        if org.community:
            add((node, CREL.community, self.country(org.community)))
        return node

    def add_mention(self, mention: Mention) -> None:
        node = self.organization(mention.organization)
        self.evidence(node, mention.evidence)

    # -- facts -------------------------------------------------------------

    def add_twinning(self, twinning: Twinning) -> None:
        keys = frozenset(city.key for city in twinning.cities)
        # The first agreement of a pair is the one every source shares; an article that tells of an
        # earlier one of another kind ("a friendship protocol in 2011, now sister cities") keeps it apart.
        another = f"{twinning.kind.value}-{twinning.signed or 'undated'}".lower() if keys in self._twinned else None
        self._twinned.add(keys)
        node = self.fact(self.mint.twinning(keys, another=another), CREL[twinning.kind.value],
                         twinning.evidence, shared=True)
        cities = [self.city(city) for city in twinning.cities]
        for city in cities:
            self.reference.add((node, CREL.party, city))
            for other in cities:
                if other != city:  # the article's claim: its graph, so that it goes when the article goes
                    self.own.add((city, CREL.twinnedWith, other))
        if twinning.signed:
            datatype = XSD.date if len(twinning.signed) == 10 else XSD.gYear
            self.own.add((node, CREL.signedDate, Literal(twinning.signed, datatype=datatype)))
        for person in twinning.signatories:
            self.own.add((node, CREL.signatory, self.person(person)))

    def add_post(self, post: Post) -> None:
        parts = (post.person.key, post.role.value, post.organization.key)
        node = self.fact(self.mint("membership", *parts), ORG.Membership, post.evidence, shared=True)
        self.reference.add((node, ORG.member, self.person(post.person)))
        self.reference.add((node, ORG.organization, self.organization(post.organization)))
        self.reference.add((node, ORG.role, CREL[post.role.value]))

    def add_meeting(self, meeting: Meeting, number: int) -> None:
        node = self.fact(self.mint("article", self.article.key, "meeting", str(number)), CREL.Meeting,
                         meeting.evidence)
        for person in meeting.participants:
            self.own.add((node, CREL.participant, self.person(person)))
        if meeting.host:
            self.own.add((node, CREL.host, self.person(meeting.host)))
        if meeting.date:
            self.own.add((node, CREL.date, Literal(meeting.date.isoformat(), datatype=XSD.date)))
        if meeting.venue:
            venue = self.mentioned(self.mint("venue", slug(meeting.venue)))
            self.own.add((node, CREL.venue, venue))
            self.reference.add((venue, RDF.type, CREL.Venue))
            self.reference.add((venue, RDFS.label, Literal(meeting.venue, lang="tr")))
        for topic in meeting.topics:
            self.own.add((node, CREL.topic, CREL[topic]))

    def add_plan(self, plan: Plan) -> None:
        node = self.mint("article", self.article.key, plan.kind.value.lower(), slug(plan.label))
        self.fact(node, CREL[plan.kind.value], plan.evidence)
        self.own.add((node, RDFS.label, Literal(plan.label, lang="tr")))
        if plan.proposed_by:
            self.own.add((node, CREL.proposedBy, self.person(plan.proposed_by)))

    def add_community(self, statistic: CommunityStatistic) -> None:
        node = self.mint("article", self.article.key, "community",
                         f"{statistic.nationality.key}--{statistic.city.key}--{statistic.count}")
        self.fact(node, CREL.CommunityStatistic, statistic.evidence)
        self.own.add((node, CREL.nationality, self.country(statistic.nationality)))
        self.own.add((node, CREL.residesIn, self.city(statistic.city)))
        self.own.add((node, CREL["count"], Literal(statistic.count, datatype=XSD.integer)))
        self.own.add((node, CREL.countQualifier, Literal(statistic.qualifier.value)))
