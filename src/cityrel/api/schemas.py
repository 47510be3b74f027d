"""The JSON the service answers with, as pydantic models (they become the OpenAPI schemas)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cityrel.api import cities, lookups

__all__ = [
    "MAX_OFFSET",
    "ArticleRecord",
    "ArticleWritten",
    "City",
    "Community",
    "Entity",
    "EntityPage",
    "EntitySummary",
    "Health",
    "Link",
    "MeetingSummary",
    "NodeRef",
    "NodeSummary",
    "Organization",
    "Post",
    "Problem",
    "QueryInfo",
    "QueryList",
    "QueryParameterInfo",
    "QueryRows",
    "SearchHit",
    "SearchResults",
    "ShapeReport",
    "Twin",
    "Value",
]


MAX_OFFSET = 1_000_000_000
"""The furthest a page may start (`offset`); the engine refuses offsets past 64 bits."""


class Problem(BaseModel):
    """An error: what went wrong, in words meant for the person sending the request."""

    detail: str


class ShapeReport(BaseModel):
    """An article refused by the SHACL gate: why, and the findings as `cityrel validate` prints them."""

    detail: str
    report: str = Field(description="The SHACL findings, one line each: severity, focus node, message.")


class Health(BaseModel):
    status: str = Field(description='"ok" when the store answers, else "unavailable".')
    store: str = Field(description="Whether the store was reachable, or why not.")
    query_timeout: float = Field(description="Seconds a SPARQL query may run before it is stopped.")


class Value(BaseModel):
    """A property value: an IRI (with short id, link and label where known) or a literal."""

    model_config = ConfigDict(extra="allow")

    iri: str | None = None
    id: str | None = None
    href: str | None = None
    label: str | None = None
    value: Any = None
    lang: str | None = None
    datatype: str | None = None
    quote: str | None = Field(None, description="For evidence: the words quoted from the article.")
    start: int | None = None
    end: int | None = None


class NodeSummary(BaseModel):
    iri: str
    id: str | None = None
    href: str
    type: str | None = None
    label: str | None = None
    properties: dict[str, list[Value]] | None = Field(
        None, description="For a fact (a twinning, post, meeting, ...): its own statements.")


class Link(BaseModel):
    property: str
    node: NodeSummary


class Entity(BaseModel):
    """An entity or fact, with its statements and the nodes that point at it."""

    id: str | None = Field(description="Short id: the IRI without the base and the collection's segment.")
    iri: str
    href: str
    type: str | None = Field(description="The most specific cityrel class, by local name.")
    types: list[str]
    label: str | None = None
    labels: dict[str, str] = Field(description='Labels by language tag ("" for none).')
    properties: dict[str, list[Value]] = Field(
        description=f"Its statements by property, at most {lookups.STATEMENTS_LIMIT} in all.")
    referencedBy: list[Link] = Field(
        description=f"Nodes that point at it, at most {lookups.LINKS_LIMIT} (node, property) pairs; the facts "
                    f"among them with their statements, at most {lookups.DETAILS_LIMIT} in all.")
    referencedByCounts: dict[str, int] = Field(
        default_factory=dict, description="All the nodes that point at it, counted by property.")
    truncated: list[str] = Field(
        default_factory=list, description='The lists cut at their bound, by key ("referencedBy", "twins", '
                                          '"organizations.posts", ...); empty when the description is whole.')


class NodeRef(BaseModel):
    """A node named in a section of a page: its IRI, short id, link to its description, label."""

    iri: str
    id: str | None = None
    href: str
    label: str | None = None


class Twin(NodeRef):
    """A city twinned with this one, and what the graph knows of their agreement."""

    country: NodeRef | None = None
    agreement: NodeRef
    kinds: list[str] = Field(description='Kinds of agreement by class: "SisterCityAgreement", '
                                         '"FriendshipAgreement", "CooperationAgreement", "TwinningAgreement".')
    signed: str | None = Field(None, description="The earliest signing date stated: a year (1986) or a date.")
    year: int | None = Field(None, description="The year of `signed`.")
    sources: int = Field(description="Distinct sources the agreement is derived from: articles, imported datasets.")
    inDataset: bool = Field(description="Whether an imported dataset (the Wikidata twinning network) states it.")


class Post(BaseModel):
    """A person's post in an organisation, as of the articles that state it."""

    person: NodeRef
    role: str = Field(description='The role by local name: "Mayor", "ConsulGeneral", "President", ...')
    current: bool | None = Field(None, description="For a role one person holds at a time (mayor, governor, "
                                                   "head of mission, president, secretary general): whether this "
                                                   "is the holder, the one seen last where there were several. "
                                                   "Unset for other roles.")
    lastSeen: str | None = Field(None, description="Where a role one person holds at a time had several holders: "
                                                   "the latest publication date of the articles stating the post.")


class Organization(NodeRef):
    """A body of the city: one that governs it, or a mission or association located in it."""

    type: str | None = Field(None, description='"Municipality", "Governorship", "ConsulateGeneral", '
                                               '"Association", ...')
    relation: Literal["governs", "locatedIn"]
    acronym: str | None = None
    country: NodeRef | None = Field(None, description="For a diplomatic mission: the country it represents.")
    community: NodeRef | None = Field(None, description="For an association: the country whose people it "
                                                        "stands for.")
    posts: list[Post] = Field(description="Who holds a post in it, by role, the latest seen first.")


class MeetingSummary(NodeRef):
    """A meeting, with the people in it."""

    date: str | None = Field(None, description="The meeting's date, where its article states it.")
    published: str | None = Field(None, description="The publication date of its article.")
    article: NodeRef
    host: NodeRef | None = None
    participants: list[NodeRef]
    venue: NodeRef | None = None


class Community(BaseModel):
    """How many people of a nationality live in the city, as an article counts them."""

    iri: str
    id: str | None = None
    href: str
    nationality: NodeRef
    count: int
    qualifier: str | None = Field(None, description='"exact", "atLeast" or "about".')
    article: NodeRef
    published: str | None = Field(None, description="The publication date of the article.")
    quote: str | None = Field(None, description="The words of the article that state it.")


class City(Entity):
    """A city or district: its description, and what an analyst looks for on its page."""

    twins: list[Twin] = Field(description=f"Cities it is twinned with, by name; at most {cities.TWINS_LIMIT}.")
    organizations: list[Organization] = Field(
        description=f"Bodies that govern it or are located in it, at most {cities.ORGANIZATIONS_LIMIT}, with "
                    f"their posts (at most {cities.POSTS_LIMIT} in all).")
    meetings: list[MeetingSummary] = Field(
        description=f"The latest {cities.MEETINGS_LIMIT} meetings with a holder of a post in one of its "
                    "organisations, by their date (else their article's), the latest first.")
    communities: list[Community] = Field(
        description=f"Residents counted by nationality, at most {cities.COMMUNITIES_LIMIT}.")


class EntitySummary(BaseModel):
    id: str | None
    iri: str
    href: str
    type: str | None = None
    label: str | None = None


class EntityPage(BaseModel):
    items: list[EntitySummary]
    total: int
    limit: int
    offset: int
    next: str | None = Field(None, description="The next page, if there is one.")


class SearchHit(BaseModel):
    iri: str
    id: str | None
    href: str
    type: str | None
    label: str = Field(description="The entity's label (Turkish where there is one).")
    matched: str = Field(description="The name that matched: a label, alternative label, acronym or code.")
    score: float


class SearchResults(BaseModel):
    query: str
    results: list[SearchHit]


class QueryParameterInfo(BaseModel):
    name: str
    type: str
    required: bool
    description: str
    example: str | None = None


class QueryInfo(BaseModel):
    name: str
    summary: str
    description: str
    tags: list[str]
    url: str
    parameters: list[QueryParameterInfo]
    example: str | None = Field(None, description="A URL that runs the query with example values.")


class QueryList(BaseModel):
    queries: list[QueryInfo]


class QueryRows(BaseModel):
    """A named query's answer: one object per row, plain values (IRIs and strings as text, numbers as numbers)."""

    query: str
    columns: list[str]
    rows: list[dict[str, Any]]
    limit: int
    offset: int
    next: str | None = None


class ArticleRecord(BaseModel):
    """One article as JSON, as a line of a .jsonl file: only `text` is required."""

    text: str = Field(min_length=1, description="The article as published; a first-line header and "
                                                "datelines are read from it.")
    url: str | None = Field(None, description="Where it was published; with it, the key is stable across "
                                               "revisions and a revised text replaces the old one.")
    title: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD, or an ISO datetime whose date part is kept.")
    source: str | None = Field(None, description="The publisher.")
    author: str | None = None


class ArticleWritten(BaseModel):
    """What storing an article did, and the facts read from it."""

    key: str = Field(description="The article's key: its id under /api/articles.")
    iri: str
    graph: str = Field(description="The named graph holding the article's statements.")
    href: str
    change: Literal["added", "replaced", "unchanged"]
    facts: dict[str, Any] = Field(description="The facts found, each with its quote and offsets "
                                              "(as `cityrel extract --json` prints them).")
