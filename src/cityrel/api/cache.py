"""REST answers kept until the store is written to: a city page is read far more often than the graph changes.

A page of İzmir at a million triples asks the engine about a hundred
milliseconds of work (its twins' sources, its bodies' meetings); the graph
changes only when articles or data sets are written. So the lookups and the
named queries keep each answer, under the request's URL and the format it was
answered in, with the store's write count (`WriteCount`) read before the answer
was computed. The answer is given again while the count is unchanged; any
write through any cityrel process (the service, `cityrel ingest`) changes it.
An answer computed while a write was under way is kept under the count read
before it, so it is never given once the write is counted.

A remote store keeps no write count (other programs may write to it), and
nothing is kept. The cache is bounded by the bytes of the answers it holds,
least recently used first out. `X-Cityrel-Cache: hit` marks an answer given
again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.responses import Response

from cityrel.store import WriteCount

__all__ = ["PageCache"]

_HEADER = "X-Cityrel-Cache"


@dataclass(frozen=True)
class _Kept:
    writes: int
    body: bytes
    headers: dict[str, str]


class PageCache:
    """Successful answers by key, valid while the store's write count is unchanged."""

    def __init__(self, writes: WriteCount | None, *, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.writes = writes
        self.max_bytes = max_bytes
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._bytes = 0

    async def answer(self, key: str, compute: Callable[[], Awaitable[Response]]) -> Response:
        """The answer kept under `key` if the store has not been written to since; else `compute()`'s, kept
        if it is a success."""
        if self.writes is None:
            return await compute()
        writes = self.writes.value()
        kept = self._kept.get(key)
        if kept is not None and kept.writes == writes:
            self._kept.move_to_end(key)
            return Response(kept.body, headers={**kept.headers, _HEADER: "hit"})
        response = await compute()
        if response.status_code == 200 and len(response.body) <= self.max_bytes:
            headers = {name: value for name, value in response.headers.items() if name != "content-length"}
            self._keep(key, _Kept(writes, bytes(response.body), headers))
        response.headers[_HEADER] = "miss"
        return response

    def _keep(self, key: str, kept: _Kept) -> None:
        if (old := self._kept.pop(key, None)) is not None:
            self._bytes -= len(old.body)
        self._kept[key] = kept
        self._bytes += len(kept.body)
        while self._bytes > self.max_bytes:
            _, dropped = self._kept.popitem(last=False)
            self._bytes -= len(dropped.body)
