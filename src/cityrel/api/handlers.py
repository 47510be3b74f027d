"""How errors become responses: cityrel's errors by kind, as JSON, or as plain text on the SPARQL routes.

    QueryError    400  the query, update or parameters are wrong (the engine's message included)
    QueryTimeout  503  the query ran past its deadline and was stopped
    StoreError    503  the store is unreachable or failed
    HTTPException      its own status (404, 406, 401, ...)

SPARQL clients print a plain-text body; everything else gets {"detail": ...}.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

from cityrel.errors import CityrelError, QueryError, QueryTimeout, StoreError

__all__ = ["install_error_handlers", "problem"]

_log = logging.getLogger("cityrel.api")


def problem(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """An error response in the form the route's clients read."""
    if request.url.path.startswith("/sparql"):
        return PlainTextResponse(detail + "\n", status_code=status, headers=headers)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(QueryTimeout, _timeout)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(CityrelError, _cityrel_error)
    app.add_exception_handler(HTTPException, _http_exception)


async def _query_error(request: Request, error: Exception) -> Response:
    return problem(request, 400, str(error))


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
    return problem(request, error.status_code, str(error.detail), dict(error.headers or {}))
