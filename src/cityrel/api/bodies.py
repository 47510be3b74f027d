"""Reading request bodies: their media type, and their bytes within the size cap (settings.max_request_bytes)."""

from __future__ import annotations

from fastapi import HTTPException, Request

from cityrel.settings import Settings

__all__ = ["content_type", "read_body"]


def content_type(request: Request) -> str:
    """The request's media type without parameters, in lower case ("" when none is given)."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read_body(request: Request, settings: Settings) -> bytes:
    """The request body, refused (413) beyond the size cap without reading the rest."""
    limit = settings.max_request_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"The request body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)
