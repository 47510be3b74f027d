"""Every request, once answered: one JSON line on the `cityrel.access` logger, and the /metrics counters.

    {"time": "2025-07-29T10:15:02.113Z", "method": "GET", "path": "/sparql", "status": 200,
     "duration_ms": 12.4, "client": "127.0.0.1"}

The path is logged without its query string: a SPARQL query there can be long
and is the client's business. `log_config()` is uvicorn's logging set-up with
this logger writing bare lines to standard output; `cityrel serve` runs uvicorn
with it and with uvicorn's own access log off.
"""

from __future__ import annotations

import copy
import datetime
import json
import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.config import LOGGING_CONFIG

from cityrel.api.metrics import Metrics

__all__ = ["AccessMiddleware", "log_config"]

_log = logging.getLogger("cityrel.access")


class AccessMiddleware:
    """Logs and counts every HTTP request once it is answered (or has failed: status 500).

    Requests are counted by their route template, not their path, which would be unbounded.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.record_request(scope["method"], route, status, seconds)
            if _log.isEnabledFor(logging.INFO):
                _log.info(json.dumps(_entry(scope, status, seconds), ensure_ascii=False))


def _entry(scope: Scope, status: int, seconds: float) -> dict[str, Any]:
    client = scope.get("client")
    now = datetime.datetime.now(datetime.UTC)
    return {"time": now.isoformat(timespec="milliseconds").replace("+00:00", "Z"), "method": scope["method"],
            "path": scope["path"], "status": status,
            "duration_ms": round(seconds * 1000, 1), "client": client[0] if client else None}


def log_config() -> dict[str, Any]:
    """uvicorn's default logging configuration, plus `cityrel.access` as bare JSON lines on standard output."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["cityrel_json_lines"] = {"format": "%(message)s"}
    config["handlers"]["cityrel_access"] = {"class": "logging.StreamHandler", "formatter": "cityrel_json_lines",
                                            "stream": "ext://sys.stdout"}
    config["loggers"]["cityrel.access"] = {"handlers": ["cityrel_access"], "level": "INFO", "propagate": False}
    return config
