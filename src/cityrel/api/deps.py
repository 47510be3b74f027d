"""Dependencies of the routes, as `Annotated` aliases: the store, settings, search index, page cache, metrics.

They are coroutines although none of them waits: FastAPI runs a plain function
dependency in a worker thread, and those hand-offs cost a SPARQL point lookup
more than the lookup itself (py-spy: most of the proxy's time went to them).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from cityrel.api.cache import PageCache
from cityrel.api.metrics import Metrics
from cityrel.api.search import SearchIndex
from cityrel.queries import NamedQuery
from cityrel.settings import Settings
from cityrel.store import SparqlStore

__all__ = [
    "CatalogDep",
    "FormatsDep",
    "MetricsDep",
    "PagesDep",
    "SearchDep",
    "SettingsDep",
    "StoreDep",
    "UpdateAllowed",
]


async def get_store(request: Request) -> SparqlStore:
    store: SparqlStore = request.app.state.store
    return store


async def get_pages(request: Request) -> PageCache:
    pages: PageCache = request.app.state.pages
    return pages


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_search(request: Request) -> SearchIndex:
    index: SearchIndex = request.app.state.search
    return index


async def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


async def get_catalog(request: Request) -> dict[str, NamedQuery]:
    catalog: dict[str, NamedQuery] = request.app.state.catalog
    return catalog


async def requested_formats(request: Request) -> list[str]:
    """The values of the `format` (and SPARQLWrapper's `output`) query parameters."""
    return [*request.query_params.getlist("format"), *request.query_params.getlist("output")]


StoreDep = Annotated[SparqlStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PagesDep = Annotated[PageCache, Depends(get_pages)]
SearchDep = Annotated[SearchIndex, Depends(get_search)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
CatalogDep = Annotated[dict[str, NamedQuery], Depends(get_catalog)]
FormatsDep = Annotated[list[str], Depends(requested_formats)]

_bearer = HTTPBearer(auto_error=False, description="The update token (CITYREL_UPDATE_TOKEN).")


async def require_update_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> None:
    """Let the request through only with the configured bearer token; without one configured, refuse all."""
    token = settings.update_token.get_secret_value() if settings.update_token else ""
    if not token:
        raise HTTPException(403, "Updates are disabled: this service has no update token configured.")
    if credentials is None or not hmac.compare_digest(credentials.credentials.encode(),
                                                      token.encode()):
        raise HTTPException(401, "An update needs the service's bearer token (Authorization: Bearer ...).",
                            headers={"WWW-Authenticate": 'Bearer realm="cityrel"'})


UpdateAllowed = Depends(require_update_token)
