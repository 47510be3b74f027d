"""Writing articles over HTTP: POST runs one article through the ingest pipeline, DELETE removes its graph.

Both need the service's bearer token, like /sparql/update. POST is `cityrel
ingest` for one article: the same stages (pipeline.prepare, then
store.put_article), the same refusals, the same answer to a repeated or revised
article (unchanged, replaced).
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from cityrel.api.bodies import content_type, read_body
from cityrel.api.deps import SearchDep, SettingsDep, StoreDep, UpdateAllowed
from cityrel.api.resources import href
from cityrel.api.schemas import ArticleRecord, ArticleWritten, Problem, ShapeReport
from cityrel.article import article_from_record, article_from_text
from cityrel.errors import ArticleError
from cityrel.model import Article
from cityrel.pipeline import prepare
from cityrel.rdf import Minter
from cityrel.report import extraction_record
from cityrel.store import Change

router = APIRouter(prefix="/api/articles", tags=["articles"])

_SOURCE = "request body"
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEY_LENGTH = 200
_JSON = "application/json"
_TEXT = "text/plain"

_AUTH: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No or a wrong bearer token."},
    403: {"model": Problem, "description": "Writes are disabled: no token is configured."},
}
_POST_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"model": ArticleWritten, "description": "The article was stored before: its graph was replaced "
                                                  "(its text changed) or left as it was."},
    201: {"model": ArticleWritten, "description": "A new article: its graph was added."},
    400: {"model": Problem, "description": "The article cannot be read: empty, not UTF-8, a broken header, "
                                           "a bad record field, or a missing or malformed key."},
    **_AUTH,
    413: {"model": Problem, "description": "The body is larger than CITYREL_MAX_REQUEST_BYTES."},
    415: {"model": Problem, "description": "Neither text/plain nor application/json."},
    422: {"model": ShapeReport, "description": "The article's graph does not conform to the SHACL shapes."},
    503: {"model": Problem, "description": "The store is unavailable."},
}
_POST_BODY = {"requestBody": {"required": True, "content": {
    _TEXT: {"schema": {"type": "string", "minLength": 1},
            "example": " date 2025-07-29 Ege Telgraf / Mehmet Kaya - İzmir ile Bakü arasındaki kardeş şehir ..."},
    _JSON: {"schema": ArticleRecord.model_json_schema()},
}}}


@router.post("", status_code=201, response_model=ArticleWritten, responses=_POST_ANSWERS,
             dependencies=[UpdateAllowed], openapi_extra=_POST_BODY)
async def post_article(
    request: Request, store: StoreDep, settings: SettingsDep, search: SearchDep,
    key: Annotated[str | None, Query(
        description="The article's key, for a text/plain body (lower-case letters, digits and hyphens); "
                    "posting another text under the same key replaces the article. A JSON record's key "
                    "comes from its url (else its title), so a record takes no key.",
        examples=["izmir-baku-40"],
        # Documented, and checked by _article (400), not by FastAPI (422 is the SHACL gate's answer here).
        json_schema_extra={"pattern": f"^{_KEY.pattern}$", "maxLength": _KEY_LENGTH})] = None,
) -> JSONResponse:
    """Read, extract, validate and store one article, as `cityrel ingest` does; needs the bearer token."""
    article = _article(content_type(request), await read_body(request, settings), key)
    mint = Minter(settings.base_iri)
    if mint.graph(article) == store.reference_graph:
        raise ArticleError(_SOURCE, f"the key {article.key!r} is reserved for the shared reference graph")
    extraction, graph = await run_in_threadpool(prepare, article, settings.base_iri)
    try:
        change = await run_in_threadpool(store.put_article, graph)
    finally:
        search.invalidate()
    iri = str(mint.article(article))
    written = ArticleWritten(key=article.key, iri=iri, graph=str(graph.name), href=href(iri, settings.base_iri),
                             change=change.value, facts=extraction_record(extraction))
    return JSONResponse(written.model_dump(), status_code=201 if change is Change.ADDED else 200,
                        headers={"Location": written.href})


@router.delete("/{id}", status_code=204, dependencies=[UpdateAllowed],
               responses={**_AUTH, 404: {"model": Problem, "description": "No such article."},
                          503: {"model": Problem, "description": "The store is unavailable."}})
async def delete_article(id: str, store: StoreDep, settings: SettingsDep, search: SearchDep) -> Response:
    """Remove one article's graph (its statements and quotes); needs the bearer token."""
    missing = HTTPException(404, f"There is no article {id!r}.")
    if not _is_key(id):
        raise missing  # no article has such a key, and it would not make an IRI
    name = Minter(settings.base_iri)("graph", id)  # as Minter.graph names an article's graph
    if name == store.reference_graph:
        raise missing
    try:
        existed = await run_in_threadpool(store.delete_graph, name)
    finally:
        search.invalidate()
    if not existed:
        raise missing
    return Response(status_code=204)


def _article(kind: str, body: bytes, key: str | None) -> Article:
    """The posted article: plain text under `key`, or one JSON record."""
    if kind == _TEXT:
        if key is None:
            raise ArticleError(_SOURCE, "a text/plain article needs a key: POST /api/articles?key=...")
        if not _is_key(key):
            raise ArticleError(_SOURCE, f"the key {key!r} is not lower-case letters, digits and hyphens "
                                        f"of at most {_KEY_LENGTH} characters")
        return article_from_text(_decode(body), key=key, source=_SOURCE)
    if kind == _JSON:
        if key is not None:
            raise ArticleError(_SOURCE, "a JSON record's key comes from its url or title; leave out ?key=")
        try:
            record = json.loads(_decode(body).removeprefix("\ufeff"))
        except json.JSONDecodeError as error:
            raise ArticleError(_SOURCE, f"is not valid JSON: {error.msg} at column {error.colno}") from None
        if not isinstance(record, dict):
            raise ArticleError(_SOURCE, f"is a JSON {type(record).__name__}, not an object")
        return article_from_record(record, source=_SOURCE)
    raise HTTPException(415, f"Send an article as {_TEXT} (with ?key=) or as one {_JSON} record, "
                             f"not {kind or 'no type'}.")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = body[error.start:error.end].hex(" ")
        raise ArticleError(_SOURCE, f"is not UTF-8 text (bytes {bad} at offset {error.start})") from None


def _is_key(key: str) -> bool:
    return len(key) <= _KEY_LENGTH and _KEY.fullmatch(key) is not None
