"""The query editor for browsers: GET /sparql asking for HTML is YASGUI, preloaded with the named queries.

Everything the page needs is served from static/: static/yasgui/ holds the built
files of the npm package @zazuko/yasgui (yasgui.min.js and yasgui.min.css,
unchanged; licences in its LICENSE.txt), static/editor.js and editor.css are
cityrel's own. Nothing is fetched from elsewhere, so the editor works offline.
To update YASGUI: `npm pack @zazuko/yasgui@VERSION`, copy build/yasgui.min.js and
build/yasgui.min.css over the old ones, and change the version in LICENSE.txt.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.responses import HTMLResponse

from cityrel.errors import QueryError
from cityrel.queries import NamedQuery

__all__ = ["STATIC_DIR", "editor_page", "examples"]

STATIC_DIR = Path(__file__).resolve().parent / "static"

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cityrel · SPARQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{static}/yasgui/yasgui.min.css">
<link rel="stylesheet" href="{static}/editor.css">
</head>
<body>
<header>
  <strong>cityrel</strong> <span>SPARQL endpoint</span>
  <label>Example queries
    <select id="cityrel-examples"><option value="">Open an example in a new tab…</option>{options}</select>
  </label>
  <nav><a href="{docs}">API</a> <a href="{queries}">Named queries</a></nav>
</header>
<main id="yasgui"></main>
<script id="cityrel-editor" type="application/json">{config}</script>
<script src="{static}/yasgui/yasgui.min.js"></script>
<script src="{static}/editor.js"></script>
</body>
</html>
"""


def editor_page(request: Request, catalog: Mapping[str, NamedQuery], base_iri: str) -> HTMLResponse:
    """The editor, with this endpoint and the named queries (their example values bound) as examples."""
    found = examples(catalog, base_iri)
    options = "".join(f'<option value="{number}">{html.escape(example["summary"])}</option>'
                      for number, example in enumerate(found))
    static = request.url_for("static", path="").path.rstrip("/")
    page = _PAGE.format(static=html.escape(static), options=options, config=_script_json({"examples": found}),
                        docs=html.escape(request.url_for("swagger_ui_html").path),
                        queries=html.escape(request.url_for("list_queries").path))
    return HTMLResponse(page, headers={"Vary": "Accept"})


def examples(catalog: Mapping[str, NamedQuery], base_iri: str) -> list[dict[str, Any]]:
    """Each named query as a runnable query: its example values bound where it has them."""
    found = []
    for query in catalog.values():
        text = query.text
        if query.example:
            try:
                text = query.bind(dict(parse_qsl(query.example)), base_iri=base_iri)
            except QueryError:
                pass  # an example that needs the search index to resolve a name: show the query as written
        found.append({"name": query.name, "summary": query.summary, "query": text})
    return found


def _script_json(value: object) -> str:
    """JSON that cannot end the <script> element it is written in."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
