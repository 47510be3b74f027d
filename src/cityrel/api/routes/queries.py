"""Named queries: every queries/*.rq is GET /api/queries/<name>, with its parameters in the OpenAPI document.

No `from __future__ import annotations` here: each query's endpoint is defined
in a function, and FastAPI must see its `limit` bound (a local) as a value.
"""

from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any

import orjson
import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

from cityrel.api import media
from cityrel.api.deps import CatalogDep, FormatsDep, PagesDep, SearchDep, SettingsDep, StoreDep
from cityrel.api.proxy import convert_results, plain_rows, read_answer
from cityrel.api.schemas import MAX_OFFSET, QueryInfo, QueryList, QueryParameterInfo, QueryRows
from cityrel.errors import QueryError
from cityrel.queries import NamedQuery, Parameter

_RESERVED = {"limit", "offset", "format", "output"}
DEFAULT_LIMIT = 100


def queries_router(catalog: Mapping[str, NamedQuery], max_rows: int) -> APIRouter:
    """A router with the list of named queries, their texts, and one route per query."""
    router = APIRouter(prefix="/api/queries", tags=["queries"])
    router.add_api_route("", list_queries, methods=["GET"], response_model=QueryList,
                         summary="List the named queries")
    router.add_api_route("/{name}.rq", query_text, methods=["GET"], response_class=PlainTextResponse,
                         summary="The SPARQL text of a named query",
                         responses={200: {"content": {"application/sparql-query": {"schema": {"type": "string"}}}},
                                    404: {"description": "No such named query."}})
    for query in catalog.values():
        router.add_api_route(
            f"/{query.name}", _runner(query, max_rows), methods=["GET"], response_model=QueryRows,
            name=f"query:{query.name}", summary=query.summary, description=_description(query),
            openapi_extra={"parameters": [_openapi(parameter) for parameter in query.parameters]},
            responses={200: {"content": {"application/sparql-results+json": {}, "text/csv": {}}},
                       400: {"description": "A missing, unknown or ill-typed parameter."},
                       406: {"description": "Neither JSON nor CSV is acceptable."}})
    return router


async def list_queries(catalog: CatalogDep) -> QueryList:
    """Every named query with its parameters."""
    return QueryList(queries=[_info(query) for query in catalog.values()])


async def query_text(name: str, catalog: CatalogDep) -> PlainTextResponse:
    """The query as written in queries/<name>.rq."""
    if name not in catalog:
        raise HTTPException(404, f"There is no named query {name!r}.")
    return PlainTextResponse(catalog[name].text, media_type="application/sparql-query")


def _runner(query: NamedQuery, max_rows: int) -> Callable[..., Awaitable[Response]]:
    async def run(
        request: Request, store: StoreDep, pages: PagesDep, settings: SettingsDep, search: SearchDep,
        formats: FormatsDep,
        limit: Annotated[int, Query(ge=1, le=max_rows, description="Rows per page.")] = DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
    ) -> Response:
        fmt = media.negotiate(media.ROWS_FORMATS, request.headers.get("accept"), formats)
        if fmt is None:
            raise HTTPException(406, "Named queries answer as application/json, "
                                     "application/sparql-results+json or text/csv.")
        values = _values(request)
        text = query.bind(values, base_iri=settings.base_iri, limit=limit + 1, offset=offset, resolve=search.resolve)
        next_url = str(request.url.include_query_params(offset=offset + limit))

        async def page() -> Response:
            answer = await store.query_async(text)
            return await read_answer(answer.body, lambda body: _page(query, body, fmt, limit, offset, next_url))

        return await pages.answer(f"{fmt.media_type} {request.url}", page)

    run.__name__ = "run_" + query.name.replace("-", "_")
    run.__doc__ = query.summary
    return run


def _page(query: NamedQuery, body: bytes, fmt: media.Format, limit: int, offset: int, next_url: str) -> Response:
    """One page of a named query's answer (asked for `limit` + 1 rows) in `fmt`, linking to the next if there
    is one."""
    document = orjson.loads(body)
    bindings = document["results"]["bindings"]
    more = len(bindings) > limit
    document["results"]["bindings"] = bindings[:limit]
    headers = {"Vary": "Accept"} | ({"Link": f'<{next_url}>; rel="next"'} if more else {})
    if fmt in (media.SPARQL_JSON, media.CSV):
        body = orjson.dumps(document)
        if fmt is media.SPARQL_JSON:
            return Response(body, media_type=fmt.media_type, headers=headers)
        return Response(convert_results(body, ox.QueryResultsFormat.CSV), media_type=fmt.content_type,
                        headers=headers)
    columns, rows = plain_rows(document)
    page = QueryRows(query=query.name, columns=columns, rows=rows, limit=limit, offset=offset,
                     next=next_url if more else None)
    return JSONResponse(page.model_dump(), headers=headers)


def _values(request: Request) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in request.query_params:
        if name in _RESERVED:
            continue
        given = request.query_params.getlist(name)
        if len(given) > 1:
            raise QueryError(f"Give the parameter {name!r} once, not {len(given)} times.")
        values[name] = given[0]
    return values


def _openapi(parameter: Parameter) -> dict[str, Any]:
    """The parameter's OpenAPI object; a required text parameter cannot be empty (it would be missing)."""
    spec = parameter.openapi()
    if parameter.required and spec["schema"].get("type") == "string":
        spec["schema"] = {"minLength": 1, "pattern": r"\S", **spec["schema"]}
    return spec


def _info(query: NamedQuery) -> QueryInfo:
    url = f"/api/queries/{query.name}"
    return QueryInfo(
        name=query.name, summary=query.summary, description=query.description, tags=list(query.tags), url=url,
        parameters=[QueryParameterInfo(name=p.name, type=p.type.value, required=p.required,
                                       description=p.description, example=p.example)
                    for p in query.parameters],
        example=f"{url}?{query.example}" if query.example else url)


def _description(query: NamedQuery) -> str:
    lines: list[Any] = [query.description or query.summary]
    if query.example:
        lines.append(f"Example: `/api/queries/{query.name}?{query.example}`")
    lines.append(f"The SPARQL text: `/api/queries/{query.name}.rq`.")
    return "\n\n".join(lines)
