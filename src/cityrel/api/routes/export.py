"""Downloads of the whole store or of one named graph, streamed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse
from rdflib import URIRef

from cityrel.api.deps import SettingsDep, StoreDep
from cityrel.queries import iri_term
from cityrel.store import ExportFormat

router = APIRouter(prefix="/export", tags=["export"])

_EXTENSIONS = {ExportFormat.TURTLE: "ttl", ExportFormat.TRIG: "trig", ExportFormat.NQUADS: "nq",
               ExportFormat.NTRIPLES: "nt", ExportFormat.JSONLD: "jsonld"}


@router.get("", response_class=StreamingResponse,
            responses={200: {"description": "The data, as a file download.",
                             "content": {f.media_type: {} for f in ExportFormat}},
                       400: {"description": "TriG or N-Quads asked for one graph, or the graph is not an IRI."},
                       404: {"description": "No such graph."},
                       503: {"description": "The store is unavailable."}})
def export(
    store: StoreDep, settings: SettingsDep,
    format: Annotated[ExportFormat, Query(description="TriG, N-Quads and JSON-LD keep the named graphs.")]
    = ExportFormat.TURTLE,
    graph: Annotated[str | None, Query(description="Only this named graph: its IRI, or an article key.")] = None,
) -> StreamingResponse:
    """Download the whole store, or one named graph, in an RDF format."""
    name = None
    if graph is not None:
        name = URIRef(graph if ":" in graph else f"{settings.base_iri}graph/{graph}")
        iri_term(str(name))
        if name not in store.graph_names():
            raise HTTPException(404, f"The store has no graph {name}.")
    chunks = store.export(format, name)  # sends the request now: errors come before the first byte
    stem = "cityrel" if name is None else "cityrel-" + str(name).rstrip("/").rsplit("/", 1)[-1]
    return StreamingResponse(chunks, media_type=format.media_type, headers={
        "Content-Disposition": f'attachment; filename="{_safe(stem)}.{_EXTENSIONS[format]}"'})


def _safe(stem: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)
