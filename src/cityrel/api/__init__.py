"""cityrel's HTTP service: `create_app(settings)` (see app.py)."""

from cityrel.api.app import create_app

__all__ = ["create_app"]
