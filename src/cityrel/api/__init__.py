"""cityrel's HTTP service: `create_app(settings)`, and `run(settings, host=, port=)` to serve it (see app.py)."""

from cityrel.api.app import create_app, run

__all__ = ["create_app", "run"]
