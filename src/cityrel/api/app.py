"""The HTTP service: SPARQL endpoint, named queries, REST lookups, search, export.

`create_app(settings)` wires the parts together and nothing else; the store is
opened when the app starts (`open_store` starts or joins the Oxigraph engine
on settings.store) and closed when it stops.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from cityrel.api.handlers import install_error_handlers
from cityrel.api.metrics import Metrics, MetricsMiddleware
from cityrel.api.routes import export, health, lookups, sparql
from cityrel.api.routes.ids import ids_router
from cityrel.api.routes.queries import queries_router
from cityrel.api.search import SearchIndex
from cityrel.queries import load_queries
from cityrel.settings import Settings
from cityrel.store import open_store

__all__ = ["create_app"]

_DESCRIPTION = """\
A knowledge graph of international municipal relations, read from Turkish news.

* **/sparql**: the SPARQL 1.1 Protocol (read-only; the default graph is the union of all graphs).
* **/api/queries**: named analyst queries with typed parameters.
* **/api/cities**, **/api/countries**, ...: lookups, as JSON, JSON-LD or Turtle.
* **/api/search**: find entities by name ("izmir", "baku", "kazakistan").
* **/export**: the whole store or one article's graph as a file.
"""


def create_app(settings: Settings) -> FastAPI:
    """The service over the store of `settings`."""
    catalog = load_queries(settings.queries_dir)
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with open_store(settings) as store:
            app.state.store = store
            app.state.search = SearchIndex(store, settings.base_iri)
            yield

    app = FastAPI(title="cityrel", version=_version(), description=_DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.catalog = catalog
    app.state.metrics = metrics
    for router in (health.router, sparql.router, export.router, queries_router(catalog, settings.max_rows),
                   *lookups.routers, lookups.resources, lookups.search_router, ids_router(settings.base_iri)):
        app.include_router(router)
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Accept", "Authorization", "Content-Type"],
                           expose_headers=["Link", "X-Cityrel-Truncated"])
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    return app


def _version() -> str:
    try:
        return version("cityrel")
    except PackageNotFoundError:
        return "0"
