"""The floor of a proxy built like cityrel's: what the hop alone costs, with none of cityrel's work.

An ASGI app on the same uvicorn (uvloop, httptools) that sends each request's
body to a SPARQL endpoint as a form with aiohttp, as cityrel's store client
does, and returns the answer as it came: no routing, no checks, no parsing, no
log. The serving benchmark times it beside cityrel's /sparql, so the part of
cityrel's cost that any proxy in Python pays is measured in the same run.

    python benchmarks/forwarder.py http://127.0.0.1:7878/query --port 8899
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import uvicorn

Message = dict[str, Any]


def forwarder(endpoint: str) -> Callable[[Message, Callable[[], Awaitable[Message]],
                                          Callable[[Message], Awaitable[None]]], Awaitable[None]]:
    session: aiohttp.ClientSession | None = None

    async def app(scope: Message, receive: Callable[[], Awaitable[Message]],
                  send: Callable[[Message], Awaitable[None]]) -> None:
        nonlocal session
        if scope["type"] == "lifespan":  # startup, then shutdown
            await receive()
            session = aiohttp.ClientSession()
            await send({"type": "lifespan.startup.complete"})
            await receive()
            await session.close()
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        accept = dict(scope["headers"]).get(b"accept", b"application/sparql-results+json").decode()
        assert session is not None
        async with session.post(endpoint, data={"query": body.decode()}, headers={"Accept": accept}) as answer:
            content = await answer.read()
            status, content_type = answer.status, answer.headers.get("content-type", accept)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", content_type.encode())]})
        await send({"type": "http.response.body", "body": content})

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("endpoint", help="the SPARQL query endpoint to forward to")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(forwarder(args.endpoint), host="127.0.0.1", port=args.port, loop="uvloop", http="httptools",
                log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
