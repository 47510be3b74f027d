"""Is the service up, and what has it done: /health and /metrics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse

from cityrel.api.deps import MetricsDep, SettingsDep, StoreDep
from cityrel.api.schemas import Health
from cityrel.errors import StoreError

router = APIRouter(tags=["service"])

_HEALTH_SECONDS = 5.0


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(store: StoreDep, settings: SettingsDep) -> JSONResponse:
    """Whether the store answers a trivial query."""
    try:
        await store.query_async("ASK {}", timeout=_HEALTH_SECONDS)
    except StoreError as error:
        body = Health(status="unavailable", store=str(error), query_timeout=settings.query_timeout)
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(Health(status="ok", store="reachable", query_timeout=settings.query_timeout).model_dump())


@router.get("/metrics", response_class=PlainTextResponse)
async def metrics(metrics: MetricsDep) -> PlainTextResponse:
    """Request and query counters in the Prometheus text format."""
    return PlainTextResponse(metrics.text(), media_type="text/plain; version=0.0.4")
