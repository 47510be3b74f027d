"""The SPARQL 1.1 Protocol: queries at /sparql, updates (with the bearer token) at /sparql/update."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from cityrel.api import media
from cityrel.api.bodies import content_type, read_body
from cityrel.api.deps import (
    CatalogDep,
    FormatsDep,
    MetricsDep,
    SearchDep,
    SettingsDep,
    StoreDep,
    UpdateAllowed,
)
from cityrel.api.editor import editor_page
from cityrel.api.metrics import Metrics
from cityrel.api.proxy import Dataset, check_remote, execute, graph_bytes
from cityrel.errors import QueryError
from cityrel.queries import Form, iri_term, query_form, remote_iris
from cityrel.settings import Settings
from cityrel.store import SparqlStore

router = APIRouter(prefix="/sparql", tags=["sparql"])

_QUERY_TYPES = ("application/sparql-query",)
_FORM = "application/x-www-form-urlencoded"
_UPDATE_ELSEWHERE = "This endpoint answers queries only; send updates to /sparql/update."
_QUERY_BODY = {
    "requestBody": {
        "description": "The query, as `application/sparql-query` or as a form field `query` "
                       "(with `default-graph-uri` and `named-graph-uri` fields).",
        "required": True,
        "content": {"application/sparql-query": {"schema": {"type": "string", "minLength": 1}},
                    _FORM: {"schema": {"type": "object", "properties": {"query": {"type": "string"}},
                                       "required": ["query"]}}},
    }
}


def _plain(description: str) -> dict[str, Any]:
    """An error answer: SPARQL clients get the message as plain text."""
    return {"description": description, "content": {"text/plain": {"schema": {"type": "string"}}}}


_ANSWER_TYPES: dict[str, Any] = {f.media_type: {} for f in (*media.RESULT_FORMATS, *media.GRAPH_FORMATS)}
_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "Solutions (JSON, XML, CSV, TSV) or a graph (Turtle, N-Triples, JSON-LD, TriG, ...).",
          "content": _ANSWER_TYPES},
    400: _plain("A syntax error (the parser's message), an update, or a refused SERVICE."),
    406: _plain("The answer cannot be given in any format the request accepts."),
    503: _plain("The query ran past the deadline and was stopped, or the store is unavailable."),
}
_POSTED: dict[int | str, dict[str, Any]] = {
    413: _plain("The body is larger than CITYREL_MAX_REQUEST_BYTES."),
    415: _plain("A body of another media type."),
}


@router.get("", response_class=Response, responses={
    **_ANSWERS, 200: {**_ANSWERS[200], "content": {**_ANSWER_TYPES, media.HTML.media_type: {}},
                      "description": f"{_ANSWERS[200]['description']} Without a query: the service "
                                     "description, or for a browser the query editor (HTML)."}})
async def query_get(
    request: Request, store: StoreDep, settings: SettingsDep, metrics: MetricsDep, formats: FormatsDep,
    catalog: CatalogDep,
    query: Annotated[str | None, Query(description="The SPARQL query; without it, the service description "
                                                   "(or, for a browser, the query editor).")] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006 - FastAPI copies
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
) -> Response:
    """Run a SPARQL query (GET ?query=); without one, describe the service, or open the query editor (HTML)."""
    if "update" in request.query_params:
        raise QueryError(_UPDATE_ELSEWHERE)
    if len(request.query_params.getlist("query")) > 1:
        raise QueryError("Send one query per request.")
    if query is None:
        if media.negotiate((*media.GRAPH_FORMATS, media.HTML), request.headers.get("accept"), formats) is media.HTML:
            return editor_page(request, catalog, settings.base_iri)
        return _service_description(request, settings, formats)
    return await _answer(request, store, settings, metrics, formats, query,
                         Dataset(tuple(default_graph_uri), tuple(named_graph_uri)))


@router.post("", response_class=Response, responses={**_ANSWERS, **_POSTED}, openapi_extra=_QUERY_BODY)
async def query_post(request: Request, store: StoreDep, settings: SettingsDep, metrics: MetricsDep,
                     formats: FormatsDep) -> Response:
    """Run a SPARQL query sent as a form (query=...) or directly as application/sparql-query."""
    kind = content_type(request)
    body = await read_body(request, settings)
    url = request.query_params
    if kind == _FORM:
        fields = _form(body)
        if "update" in fields:
            raise QueryError(_UPDATE_ELSEWHERE)
        formats = [*formats, *fields.get("format", []), *fields.get("output", [])]
        queries = fields.get("query", [])
        if len(queries) != 1:
            raise QueryError("The form needs exactly one 'query' field.")
        query = queries[0]
        default_graphs = fields.get("default-graph-uri", []) + url.getlist("default-graph-uri")
        named_graphs = fields.get("named-graph-uri", []) + url.getlist("named-graph-uri")
    elif kind in _QUERY_TYPES:
        query = _text(body)
        default_graphs, named_graphs = url.getlist("default-graph-uri"), url.getlist("named-graph-uri")
    elif kind == "application/sparql-update":
        raise QueryError(_UPDATE_ELSEWHERE)
    else:
        raise HTTPException(415, f"Send a query as {_FORM} or application/sparql-query, not {kind or 'no type'}.")
    return await _answer(request, store, settings, metrics, formats, query,
                         Dataset(tuple(default_graphs), tuple(named_graphs)))


@router.post("/update", status_code=204, dependencies=[UpdateAllowed],
             responses={400: _plain("A syntax error, a query, or a refused LOAD/SERVICE."),
                        401: _plain("No or a wrong bearer token."),
                        403: _plain("Updates are disabled: no token is configured."),
                        **_POSTED, 503: _ANSWERS[503]},
             openapi_extra={"requestBody": {"content": {
                 "application/sparql-update": {"schema": {"type": "string", "minLength": 1}},
                 _FORM: {"schema": {"type": "object", "properties": {"update": {"type": "string"}},
                                    "required": ["update"]}}}, "required": True}})
async def update(request: Request, store: StoreDep, settings: SettingsDep, search: SearchDep) -> Response:
    """Run a SPARQL Update; needs the service's bearer token."""
    kind = content_type(request)
    body = await read_body(request, settings)
    if kind == _FORM:
        fields = _form(body)
        if "query" in fields:
            raise QueryError("This endpoint runs updates only; send queries to /sparql.")
        updates = fields.get("update", [])
        if len(updates) != 1:
            raise QueryError("The form needs exactly one 'update' field.")
        text = updates[0]
    elif kind == "application/sparql-update":
        text = _text(body)
    else:
        raise HTTPException(415, f"Send an update as {_FORM} or application/sparql-update.")
    if any(name in request.query_params for name in ("using-graph-uri", "using-named-graph-uri")):
        raise QueryError("using-graph-uri and using-named-graph-uri are not supported; write USING in the update.")
    if query_form(text) not in (Form.UPDATE, Form.UNKNOWN):
        raise QueryError("This endpoint runs updates only; send queries to /sparql.")
    check_remote(remote_iris(text), settings.service_allowlist)
    try:
        await run_in_threadpool(store.update, text)
    finally:
        search.invalidate()
    return Response(status_code=204)


async def _answer(request: Request, store: SparqlStore, settings: Settings, metrics: Metrics,
                  formats: list[str], query: str, dataset: Dataset) -> Response:
    """Check the query, choose the format, and run it."""
    form = query_form(query)
    if form is Form.UPDATE:
        raise QueryError(_UPDATE_ELSEWHERE)
    check_remote(remote_iris(query), settings.service_allowlist)  # before any connection is made
    choices = media.GRAPH_FORMATS if form.gives_graph else media.RESULT_FORMATS
    fmt = media.negotiate(choices, request.headers.get("accept"), formats)
    if fmt is None and form is Form.UNKNOWN:
        fmt = media.JSON  # most likely a syntax error: let the engine's parser say what is wrong
    if fmt is None:
        names = ", ".join(f.media_type for f in choices)
        raise HTTPException(406, f"A {form.value} query can be answered as {names}; the request accepts none of them.")
    with metrics.query():
        answer = await execute(store, query, form, fmt, dataset=dataset, max_rows=settings.max_rows)
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["X-Cityrel-Truncated"] = f"cut off at {settings.max_rows} rows"
    return Response(answer.body, media_type=fmt.content_type, headers=headers)


def _service_description(request: Request, settings: Settings, formats: list[str]) -> Response:
    """The SPARQL Service Description of this endpoint, for RDF clients."""
    fmt = media.negotiate(media.GRAPH_FORMATS, request.headers.get("accept"), formats) or media.TURTLE
    endpoint = iri_term(str(request.url.replace(query="")))
    federation = " , sd:BasicFederatedQuery" if settings.service_allowlist else ""
    turtle = f"""
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
<#service> a sd:Service ;
  sd:endpoint {endpoint} ;
  sd:supportedLanguage sd:SPARQL10Query , sd:SPARQL11Query ;
  sd:feature sd:UnionDefaultGraph{federation} ;
  sd:resultFormat formats:SPARQL_Results_JSON , formats:SPARQL_Results_XML , formats:SPARQL_Results_CSV ,
    formats:SPARQL_Results_TSV , formats:Turtle , formats:N-Triples , formats:JSON-LD , formats:TriG ,
    formats:N-Quads , formats:RDF_XML ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""
    triples = list(ox.parse(turtle, ox.RdfFormat.TURTLE, base_iri=endpoint[1:-1]))
    prefixes = {"sd": "http://www.w3.org/ns/sparql-service-description#", "formats": "http://www.w3.org/ns/formats/"}
    return Response(graph_bytes(triples, fmt, prefixes), media_type=fmt.content_type, headers={"Vary": "Accept"})


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(f"The request body is not UTF-8: {error}") from None


def _form(body: bytes) -> dict[str, list[str]]:
    return parse_qs(_text(body), keep_blank_values=True)
