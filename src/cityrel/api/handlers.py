"""How errors become responses: cityrel's errors by kind, as JSON, or as plain text on the SPARQL routes.

    QueryError      400  the query, update or parameters are wrong (the engine's message included)
    ArticleError    400  a posted article cannot be read (empty, not UTF-8, a broken header, ...)
    ShapeViolation  422  a posted article's graph does not conform: {"detail", "report"}
    QueryTimeout    503  the query ran past its deadline and was stopped
    StoreError      503  the store is unreachable or failed
    HTTPException        its own status (404, 406, 401, ...)

SPARQL clients print a plain-text body; everything else gets {"detail": ...}. A 405
names in Allow every method of the path, not only those of the route that answered
(GET /api/articles and POST /api/articles are routes of different routers).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException
from starlette.routing import Match

from cityrel.errors import ArticleError, CityrelError, QueryError, QueryTimeout, ShapeViolation, StoreError

__all__ = ["install_error_handlers", "problem"]

_log = logging.getLogger("cityrel.api")


def problem(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """An error response in the form the route's clients read."""
    if request.url.path.startswith("/sparql"):
        return PlainTextResponse(detail + "\n", status_code=status, headers=headers)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(ArticleError, _article_error)
    app.add_exception_handler(ShapeViolation, _shape_violation)
    app.add_exception_handler(QueryTimeout, _timeout)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(CityrelError, _cityrel_error)
    app.add_exception_handler(HTTPException, _http_exception)


async def _query_error(request: Request, error: Exception) -> Response:
    return problem(request, 400, str(error))


async def _article_error(request: Request, error: Exception) -> Response:
    return problem(request, 400, str(error))


async def _shape_violation(request: Request, error: Exception) -> Response:
    assert isinstance(error, ShapeViolation)
    detail = f"{error.source}: the article's graph does not conform to the shapes; nothing was stored."
    return JSONResponse({"detail": detail, "report": error.report}, status_code=422)


async def _timeout(request: Request, error: Exception) -> Response:
    return problem(request, 503, f"{error} Simplify the query or narrow it down, then try again.",
                   {"Retry-After": "1"})


async def _store_error(request: Request, error: Exception) -> Response:
    _log.warning("store error on %s: %s", request.url.path, error)
    return problem(request, 503, f"The store is unavailable: {error}", {"Retry-After": "5"})


async def _cityrel_error(request: Request, error: Exception) -> Response:
    _log.error("unexpected cityrel error on %s: %s", request.url.path, error)
    return problem(request, 500, str(error))


async def _http_exception(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem(request, error.status_code, str(error.detail), headers)


def _allowed_methods(request: Request) -> list[str]:
    """The methods of every route whose path matches the request's."""
    allowed: set[str] = set()
    for route in request.app.router.routes:
        methods = getattr(route, "methods", None)
        if methods and route.matches(request.scope)[0] is not Match.NONE:
            allowed |= methods
    return sorted(allowed)
