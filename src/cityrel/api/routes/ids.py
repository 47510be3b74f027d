"""Dereferencing cityrel's own IRIs: GET /id/city/<key> is a 303 to the document that describes it.

The IRIs are minted under settings.base_iri (https://w3id.org/cityrel/id/);
w3id.org forwards <base>X to this service's /id/X, keeping the Accept header,
and the lookup the 303 points at answers JSON, JSON-LD or Turtle by that Accept.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from cityrel.api.resources import href
from cityrel.api.schemas import Problem


def ids_router(base_iri: str) -> APIRouter:
    router = APIRouter(prefix="/id", tags=["linked data"])

    @router.get("/{path:path}", status_code=303, response_class=RedirectResponse,
                responses={303: {"description": "See the document that describes this IRI."},
                           404: {"model": Problem, "description": "A path no IRI of cityrel's can have "
                                                                  "(a line break, say)."}})
    async def dereference(path: str, request: Request) -> RedirectResponse:
        """Redirect (303 See Other) from a cityrel IRI to the document that describes it."""
        location = href(base_iri + path, base_iri)
        if request.url.query:
            location += ("&" if "?" in location else "?") + request.url.query
        return RedirectResponse(location, status_code=303, headers={"Vary": "Accept"})

    return router
