"""The values that pass from one pipeline stage to the next.

All frozen: a stage never changes what an earlier stage produced. Entity
`key`s are stable across articles and runs (the same city is always
`geonames-311046`); rdf.py turns them into IRIs under the configured base.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: text[start:end] == quote (code points)."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Article:
    """One news article as ingested; `text` is exactly what quotes point into."""

    key: str
    source: str
    text: str
    date: datetime.date | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    dateline: str | None = None
    body_start: int = 0
    """Where the news text starts, past a header line or an opening dateline."""
    body_end: int | None = None
    """Where it ends, before a closing dateline (None: at the end of the text)."""


# -- Entities --------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """A country; `code` is ISO 3166-1 alpha-2 (XK for Kosovo), None where none exists."""

    key: str
    label_tr: str
    label_en: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class City:
    """A city, district or town; linked to GeoNames where the gazetteer knows it."""

    key: str
    label_tr: str
    label_en: str | None = None
    country: Country | None = None
    geonames_id: int | None = None
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    alt_names: tuple[str, ...] = ()


class OrgKind(StrEnum):
    """The kinds of organisation; values are the ontology's class names."""

    MUNICIPALITY = "Municipality"
    GOVERNORSHIP = "Governorship"
    PROVINCIAL_ADMINISTRATION = "ProvincialAdministration"
    EMBASSY = "Embassy"
    CONSULATE_GENERAL = "ConsulateGeneral"
    CONSULATE = "Consulate"
    HONORARY_CONSULATE = "HonoraryConsulate"
    FOREIGN_SERVICE = "ForeignService"
    ASSOCIATION = "Association"
    ORGANIZATION = "Organization"

    @property
    def is_mission(self) -> bool:
        return self in _MISSION_KINDS

    @property
    def governs(self) -> bool:
        """Whether the body governs its city (crel:governs) rather than sits in it (crel:locatedIn)."""
        return self in _GOVERNING_KINDS


_MISSION_KINDS = {OrgKind.EMBASSY, OrgKind.CONSULATE_GENERAL, OrgKind.CONSULATE, OrgKind.HONORARY_CONSULATE}
_GOVERNING_KINDS = {OrgKind.MUNICIPALITY, OrgKind.GOVERNORSHIP, OrgKind.PROVINCIAL_ADMINISTRATION}


@dataclass(frozen=True)
class Organization:
    """A municipality, governorship, diplomatic mission, association or other body.

    `city` is the city it governs (municipality, governorship, provincial administration) or is located in
    (mission, association); `country` the country a mission or foreign service
    represents; `community` the country whose people an association stands for.
    """

    key: str
    kind: OrgKind
    label: str
    acronym: str | None = None
    city: City | None = None
    country: Country | None = None
    community: Country | None = None


# -- Facts -----------------------------------------------------------------


class Role(StrEnum):
    """Posts a person holds; values are the role concepts of the ontology."""

    MAYOR = "Mayor"
    DEPUTY_MAYOR = "DeputyMayor"
    SECRETARY_GENERAL = "SecretaryGeneral"
    COUNCIL_MEMBER = "CouncilMember"
    GOVERNOR = "Governor"
    AMBASSADOR = "Ambassador"
    CONSUL_GENERAL = "ConsulGeneral"
    CONSUL = "Consul"
    HONORARY_CONSUL = "HonoraryConsul"
    PRESIDENT = "President"
    BOARD_MEMBER = "BoardMember"
    MINISTER = "Minister"
    DEPARTMENT_HEAD = "DepartmentHead"


class TwinningKind(StrEnum):
    """Values are the agreement classes of the ontology."""

    TWINNING = "TwinningAgreement"
    SISTER = "SisterCityAgreement"
    FRIENDSHIP = "FriendshipAgreement"
    COOPERATION = "CooperationAgreement"


class PlanKind(StrEnum):
    PROPOSAL = "Proposal"
    PLANNED_EVENT = "PlannedEvent"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "atLeast"
    ABOUT = "about"


@dataclass(frozen=True)
class Mention:
    """An organisation named in the article, with where it is named."""

    organization: Organization
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class Twinning:
    """A twinning agreement that exists or was signed; `signed` is 'YYYY' or 'YYYY-MM-DD'."""

    kind: TwinningKind
    cities: tuple[City, ...]
    evidence: tuple[Span, ...]
    signed: str | None = None
    signatories: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Post:
    """A person's post in an organisation, as of the article."""

    person: Person
    role: Role
    organization: Organization
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class Meeting:
    """A visit, reception or talk that took place."""

    participants: tuple[Person, ...]
    evidence: tuple[Span, ...]
    host: Person | None = None
    date: datetime.date | None = None
    venue: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    """A proposal put forward, or an event announced."""

    kind: PlanKind
    label: str
    evidence: tuple[Span, ...]
    proposed_by: Person | None = None


@dataclass(frozen=True)
class CommunityStatistic:
    """How many people of a nationality live in a city."""

    nationality: Country
    city: City
    count: int
    qualifier: Qualifier
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor read out of one article."""

    article: Article
    organizations: tuple[Mention, ...] = ()
    twinnings: tuple[Twinning, ...] = ()
    posts: tuple[Post, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    plans: tuple[Plan, ...] = ()
    communities: tuple[CommunityStatistic, ...] = ()
    people: tuple[Person, ...] = field(default=())
