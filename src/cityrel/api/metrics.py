"""Request and query counters, served at /metrics in the Prometheus text format (version 0.0.4).

Requests are counted by access.AccessMiddleware, queries by the SPARQL routes.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from cityrel.errors import QueryError, QueryTimeout, StoreError

__all__ = ["Metrics"]


class Metrics:
    """Counters shared by all requests; safe to update from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.seconds: dict[str, float] = {}
        self.counts: Counter[str] = Counter()
        self.queries: Counter[str] = Counter()
        self.started = time.time()

    def record_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[method, route, status] += 1
            self.seconds[route] = self.seconds.get(route, 0.0) + seconds
            self.counts[route] += 1

    @contextmanager
    def query(self) -> Iterator[None]:
        """Count the outcome of one SPARQL query: ok, rejected, timeout or store_error."""
        outcome = "ok"
        try:
            yield
        except QueryTimeout:
            outcome = "timeout"
            raise
        except QueryError:
            outcome = "rejected"
            raise
        except StoreError:
            outcome = "store_error"
            raise
        finally:
            with self._lock:
                self.queries[outcome] += 1

    def text(self) -> str:
        with self._lock:
            lines = [
                "# HELP cityrel_http_requests_total HTTP requests answered, by method, route and status.",
                "# TYPE cityrel_http_requests_total counter",
                *(f'cityrel_http_requests_total{{method="{m}",route="{_escape(r)}",status="{s}"}} {n}'
                  for (m, r, s), n in sorted(self.requests.items())),
                "# HELP cityrel_http_request_duration_seconds Time spent answering requests, by route.",
                "# TYPE cityrel_http_request_duration_seconds summary",
            ]
            for route in sorted(self.counts):
                lines.append(f'cityrel_http_request_duration_seconds_sum{{route="{_escape(route)}"}} '
                             f"{self.seconds[route]:.6f}")
                lines.append(f'cityrel_http_request_duration_seconds_count{{route="{_escape(route)}"}} '
                             f"{self.counts[route]}")
            lines += [
                "# HELP cityrel_sparql_queries_total SPARQL queries run through the proxy, by outcome.",
                "# TYPE cityrel_sparql_queries_total counter",
                *(f'cityrel_sparql_queries_total{{outcome="{o}"}} {n}' for o, n in sorted(self.queries.items())),
                "# HELP cityrel_start_time_seconds When the service started (Unix time).",
                "# TYPE cityrel_start_time_seconds gauge",
                f"cityrel_start_time_seconds {self.started:.3f}",
            ]
        return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
