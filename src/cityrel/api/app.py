"""The HTTP service: SPARQL endpoint, named queries, REST lookups, search, export.

`create_app(settings)` wires the parts together and nothing else; the store is
opened when the app starts (`open_store` starts or joins the Oxigraph engine
on settings.store) and closed when it stops. `run(settings)` serves it with
uvicorn, logging each request as a JSON line (see access.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from cityrel.api.access import AccessMiddleware, log_config
from cityrel.api.cache import PageCache
from cityrel.api.editor import STATIC_DIR
from cityrel.api.handlers import install_error_handlers
from cityrel.api.metrics import Metrics
from cityrel.api.routes import articles, export, health, lookups, sparql
from cityrel.api.routes.ids import ids_router
from cityrel.api.routes.queries import queries_router
from cityrel.api.search import SearchIndex
from cityrel.queries import load_queries
from cityrel.settings import Settings
from cityrel.store import open_store

__all__ = ["create_app", "run"]

_DESCRIPTION = """\
A knowledge graph of international municipal relations, read from Turkish news.

* **/sparql**: the SPARQL 1.1 Protocol (read-only; the default graph is the union of all graphs);
  opened in a browser, a query editor with the named queries as examples.
* **/api/queries**: named analyst queries with typed parameters.
* **/api/cities**, **/api/countries**, ...: lookups, as JSON, JSON-LD or Turtle.
* **/api/search**: find entities by name ("izmir", "baku", "kazakistan").
* **/export**: the whole store or one article's graph as a file.
* **POST /api/articles**, **DELETE /api/articles/{id}**: add, revise or remove an article (bearer token).
"""


def create_app(settings: Settings) -> FastAPI:
    """The service over the store of `settings`."""
    catalog = load_queries(settings.queries_dir)
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with open_store(settings) as store:
            app.state.store = store
            app.state.pages = PageCache(store.writes)
            app.state.search = SearchIndex(store, settings.base_iri)
            app.state.search.start()
            try:
                yield
            finally:
                app.state.search.stop()
                await store.aclose()

    # /docs is Swagger UI from static/swagger-ui/, not FastAPI's default, which loads it from a CDN;
    # no ReDoc, which has no offline bundle here.
    app = FastAPI(title="cityrel", version=_version(), description=_DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.catalog = catalog
    app.state.metrics = metrics
    for router in (health.router, sparql.router, export.router, queries_router(catalog, settings.max_rows),
                   articles.router, *lookups.routers, lookups.resources, lookups.search_router,
                   ids_router(settings.base_iri)):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_api_route("/docs", _docs, methods=["GET"], include_in_schema=False, name="swagger_ui_html")
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Accept", "Authorization", "Content-Type"],
                           expose_headers=["Link", "Location", "X-Cityrel-Truncated"])
    app.add_middleware(AccessMiddleware, metrics=metrics)
    return app


async def _docs(request: Request) -> HTMLResponse:
    """The OpenAPI page: Swagger UI 5 (swagger-ui-dist, Apache-2.0), served by the app itself."""
    static = request.url_for("static", path="swagger-ui").path
    return get_swagger_ui_html(openapi_url=request.url_for("openapi").path, title="cityrel API",
                               swagger_js_url=f"{static}/swagger-ui-bundle.js",
                               swagger_css_url=f"{static}/swagger-ui.css",
                               swagger_favicon_url=f"{static}/favicon-32x32.png")


def run(settings: Settings, *, host: str, port: int) -> None:
    """Serve the app until interrupted, with cityrel's JSON access log instead of uvicorn's."""
    import uvicorn

    # uvloop and httptools: the pure-Python event loop and HTTP parser cost more per request than
    # everything cityrel itself does for a point lookup (measured with py-spy).
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False,
                log_config=log_config(), loop="uvloop", http="httptools")


def _version() -> str:
    try:
        return version("cityrel")
    except PackageNotFoundError:
        return "0"
