"""The REST collections and the IRIs they serve: `city/<key>` is /api/cities/<key>, and so on.

An entity's short id is its IRI with the base and the collection's segment
taken off; it is stable because the IRI is (rdf.py mints IRIs from stable keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import URIRef

from cityrel.namespaces import CREL, ORG, PREFIXES, SCHEMA

__all__ = ["COLLECTIONS", "Collection", "compact", "href", "is_iri", "locate", "type_name"]


@dataclass(frozen=True)
class Collection:
    """A kind of entity served under /api/<name>/<id>."""

    name: str
    segment: str
    """The IRI path segment under the base: city, country, org, person, article."""
    classes: tuple[URIRef, ...]
    title: str
    nested: bool = False
    """Whether ids contain slashes (events: `<article key>/meeting/1`)."""

    def iri(self, base: str, id_: str) -> str:
        return f"{base}{self.segment}/{id_}"


CITIES = Collection("cities", "city", (CREL.City, CREL.District), "Cities and districts")
COUNTRIES = Collection("countries", "country", (CREL.Country,), "Countries")
ORGANIZATIONS = Collection("organizations", "org", (
    ORG.Organization, CREL.Municipality, CREL.Governorship, CREL.ProvincialAdministration, CREL.DiplomaticMission,
    CREL.Embassy, CREL.ConsulateGeneral, CREL.Consulate, CREL.HonoraryConsulate, CREL.ForeignService,
    CREL.Association),
    "Municipalities, governorships, provincial administrations, diplomatic missions and associations")
PEOPLE = Collection("people", "person", (CREL.Person,), "People")
EVENTS = Collection("events", "article", (CREL.Meeting, CREL.PlannedEvent, CREL.Proposal),
                    "Meetings, planned events and proposals", nested=True)
ARTICLES = Collection("articles", "article", (SCHEMA.NewsArticle,), "News articles")
COLLECTIONS = (CITIES, COUNTRIES, ORGANIZATIONS, PEOPLE, EVENTS, ARTICLES)


def is_iri(iri: str) -> bool:
    """Whether the engine reads `iri` as an absolute IRI (its parser is stricter than RFC 3987's grammar)."""
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


_CACHED = 1 << 15
"""IRIs whose collection, link and compact form are kept: a city page names thousands of IRIs, most of them
on every request (its twins, their countries, its organisations)."""


@lru_cache(maxsize=_CACHED)
def locate(iri: str, base: str) -> tuple[Collection, str] | None:
    """The collection an IRI belongs to by its form, and its short id."""
    if not iri.startswith(base):
        return None
    segment, _, rest = iri[len(base):].partition("/")
    if not rest:
        return None
    for collection in COLLECTIONS:
        if collection.segment == segment and ("/" in rest) == collection.nested:
            if collection is EVENTS and rest.split("/")[1:2] not in (["meeting"], ["plannedevent"], ["proposal"]):
                return None
            return collection, rest
    return None


@lru_cache(maxsize=_CACHED)
def href(iri: str, base: str) -> str:
    """The service path that describes `iri`."""
    found = locate(iri, base)
    if found is None:
        return "/api/resources?iri=" + quote(iri, safe="")
    collection, id_ = found
    return f"/api/{collection.name}/{quote(id_, safe='/')}"


_BY_NAMESPACE = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


@lru_cache(maxsize=_CACHED)
def compact(iri: str) -> str:
    """`crel:City` for the ontology's IRI, and likewise for the other known prefixes; else the IRI."""
    for namespace, prefix in _BY_NAMESPACE:
        if iri.startswith(namespace) and "/" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


_TYPE_ORDER = [str(c) for c in (
    CREL.District, CREL.City, CREL.Country, CREL.Municipality, CREL.Governorship, CREL.ProvincialAdministration,
    CREL.Embassy,
    CREL.ConsulateGeneral, CREL.Consulate, CREL.HonoraryConsulate, CREL.ForeignService, CREL.DiplomaticMission,
    CREL.Association, ORG.Organization, CREL.Person, CREL.SisterCityAgreement, CREL.FriendshipAgreement,
    CREL.CooperationAgreement, CREL.TwinningAgreement, ORG.Membership, CREL.Meeting, CREL.Proposal,
    CREL.PlannedEvent, CREL.CommunityStatistic, SCHEMA.NewsArticle, CREL.Venue, CREL.Evidence,
    SCHEMA.Organization, SCHEMA.Person)]


def type_name(types: set[str] | list[str]) -> str | None:
    """The most specific known type among `types`, by its local name ("ConsulateGeneral")."""
    known = [t for t in _TYPE_ORDER if t in types]
    chosen = known[0] if known else min(types, default=None)
    if chosen is None:
        return None
    return chosen.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
