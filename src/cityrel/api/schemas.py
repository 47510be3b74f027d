"""The JSON the service answers with, as pydantic models (they become the OpenAPI schemas)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "MAX_OFFSET",
    "ArticleRecord",
    "ArticleWritten",
    "Entity",
    "EntityPage",
    "EntitySummary",
    "Health",
    "Link",
    "NodeSummary",
    "Problem",
    "QueryInfo",
    "QueryList",
    "QueryParameterInfo",
    "QueryRows",
    "SearchHit",
    "SearchResults",
    "ShapeReport",
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
    properties: dict[str, list[Value]]
    referencedBy: list[Link]


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
