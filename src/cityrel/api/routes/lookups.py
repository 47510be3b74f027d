"""REST lookups: one router per collection (/api/cities, /api/countries, ...), /api/resources and /api/search.

JSON by default; the same description as JSON-LD (application/ld+json), Turtle
(text/turtle) and the other RDF formats by Accept or `format`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from cityrel.api import media
from cityrel.api.cache import PageCache
from cityrel.api.deps import FormatsDep, PagesDep, SearchDep, SettingsDep, StoreDep
from cityrel.api.lookups import describe, describe_triples, list_entities
from cityrel.api.proxy import graph_bytes
from cityrel.api.resources import CITIES, COLLECTIONS, COUNTRIES, Collection, is_iri, locate
from cityrel.api.schemas import MAX_OFFSET, City, Entity, EntityPage, Problem, SearchHit, SearchResults
from cityrel.errors import QueryError
from cityrel.queries import iri_term
from cityrel.store import SparqlStore

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such entity."},
              406: {"model": Problem, "description": "None of the accepted formats can be served."}}
_RDF: dict[str, Any] = {f.media_type: {} for f in media.LOOKUP_FORMATS if f is not media.PLAIN_JSON}

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def collection_router(collection: Collection) -> APIRouter:
    """GET /api/<collection> (a page of entities) and GET /api/<collection>/<id> (one, described)."""
    router = APIRouter(prefix=f"/api/{collection.name}", tags=[collection.name])
    singular = collection.segment if collection.segment != "article" or not collection.nested else "event"

    async def list_page(request: Request, store: StoreDep, settings: SettingsDep, limit: Limit = 50,
                  offset: Offset = 0) -> EntityPage:
        items, total = await list_entities(store, collection, settings.base_iri, limit=limit, offset=offset)
        more = offset + limit < total
        next_url = str(request.url.include_query_params(offset=offset + limit)) if more else None
        return EntityPage.model_validate({"items": items, "total": total, "limit": limit, "offset": offset,
                                          "next": next_url})

    async def one(id: str, request: Request, store: StoreDep, pages: PagesDep, settings: SettingsDep,
                  formats: FormatsDep) -> Response:
        if collection is COUNTRIES:
            id = id.lower()
        iri = collection.iri(settings.base_iri, id)
        missing = f"There is no {singular} {id!r}."
        located = locate(iri, settings.base_iri)
        if located is None or located[0] is not collection or not is_iri(iri):
            raise HTTPException(404, missing)
        return await _describe(request, store, pages, iri, settings.base_iri, formats, missing)

    list_page.__doc__ = f"{collection.title}, a page at a time, ordered by IRI."
    one.__doc__ = f"One {singular}: its statements, and the facts and entities that point at it."
    if collection is CITIES:
        one.__doc__ += " Also its twins, organisations and their people, latest meetings and communities."
    path = "/{id:path}" if collection.nested else "/{id}"
    router.add_api_route("", list_page, methods=["GET"], response_model=EntityPage,
                         summary=f"List {collection.name}")
    router.add_api_route(path, one, methods=["GET"], response_model=City if collection is CITIES else Entity,
                         responses={
        **_NOT_FOUND, 200: {"content": _RDF}}, summary=f"Describe one {singular}")
    return router


resources = APIRouter(prefix="/api", tags=["resources"])


@resources.get("/resources", response_model=Entity, responses={
    **_NOT_FOUND, 200: {"content": _RDF}, 400: {"model": Problem, "description": "Not an absolute IRI."}})
async def resource(request: Request, store: StoreDep, pages: PagesDep, settings: SettingsDep, formats: FormatsDep,
             iri: Annotated[str, Query(min_length=1, json_schema_extra={"format": "iri"},
                                       description="Any IRI in the store: a twinning, a post, an evidence node.")],
             ) -> Response:
    """Describe any node of the graph by its IRI."""
    iri_term(iri)
    if not is_iri(iri):
        raise QueryError(f"{iri!r} is not an absolute IRI.")
    return await _describe(request, store, pages, iri, settings.base_iri, formats,
                           f"The store says nothing about <{iri}>.")


search_router = APIRouter(prefix="/api", tags=["search"])


@search_router.get("/search", response_model=SearchResults)
async def search(index: SearchDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description='Name to look for: "izmir", "baku".')],
           type: Annotated[str | None, Query(description='Only this type: "City", "Country", "Person", ...')] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> SearchResults:
    """Find entities by name, folding case and diacritics the Turkish way; best matches first."""
    hits = index.search(q, type_=type, limit=limit)
    return SearchResults(query=q, results=[SearchHit(**hit.__dict__) for hit in hits])


async def _describe(request: Request, store: SparqlStore, pages: PageCache, iri: str, base: str, formats: list[str],
                    missing: str) -> Response:
    fmt = media.negotiate(media.LOOKUP_FORMATS, request.headers.get("accept"), formats)
    if fmt is None:
        names = ", ".join(f.media_type for f in media.LOOKUP_FORMATS)
        raise HTTPException(406, f"This resource is available as {names}.")

    async def description() -> Response:
        if fmt is media.PLAIN_JSON:
            found: dict[str, Any] | None = await describe(store, iri, base)
            if found is None:
                raise HTTPException(404, missing)
            model = City if "twins" in found else Entity
            return JSONResponse(model.model_validate(found).model_dump(exclude_none=True), headers={"Vary": "Accept"})
        triples = await describe_triples(store, iri)
        if not triples:
            raise HTTPException(404, missing)
        return Response(graph_bytes(triples, fmt), media_type=fmt.content_type, headers={"Vary": "Accept"})

    return await pages.answer(f"{fmt.media_type} {iri}", description)


routers = [collection_router(collection) for collection in COLLECTIONS]
