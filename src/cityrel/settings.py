"""Settings from the environment (CITYREL_*) or a .env file, read once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a deployment may change; the defaults run on one laptop."""

    model_config = SettingsConfigDict(env_prefix="CITYREL_", env_file=".env", extra="ignore")

    store: Path = Path("var/cityrel")
    """cityrel's store directory; the engine's database is in `oxigraph/` under it."""
    base_iri: str = "https://w3id.org/cityrel/id/"
    """Namespace under which cityrel mints IRIs for articles, entities and facts."""
    query_timeout: float = 30.0
    """Seconds a SPARQL query may run before the proxy stops it and answers 503."""
    engine_memory_mb: int | None = None
    """Most memory the embedded engine may allocate (its data segment, RLIMIT_DATA); unset: half of
    this machine's memory. A query that needs more stops the engine, and cityrel starts it again."""
    host: str = "127.0.0.1"
    port: int = 8000
    update_token: SecretStr | None = None
    """Bearer token that /sparql/update requires; unset: no updates at all."""
    cors_origins: list[str] = []
    """Origins allowed to call the service from a browser; empty: no CORS headers."""
    service_allowlist: list[str] = []
    """Endpoints that SERVICE clauses (and LOAD) may reach; empty: none."""
    max_rows: int = 10_000
    """Most solutions (or triples) one /sparql answer carries; more are cut off, and a header says so."""
    max_request_bytes: int = 1_000_000
    """Largest request body (a query or an update) accepted."""
    queries_dir: Path = Path(__file__).resolve().parents[2] / "queries"
    """Directory of the named queries (*.rq) served under /api/queries."""

    # A remote SPARQL 1.1 server instead of the embedded Oxigraph engine (README: Remote SPARQL servers).
    sparql_query_url: str | None = None
    """The server's query endpoint; set, cityrel uses that server and starts no engine of its own."""
    sparql_update_url: str | None = None
    """Its update endpoint; unset: the query endpoint."""
    sparql_store_url: str | None = None
    """Its Graph Store Protocol endpoint; required with sparql_query_url."""
    sparql_user: str | None = None
    """User for the server, sent as HTTP Basic or Digest as the server asks; unset: none."""
    sparql_password: SecretStr | None = None
    sparql_timeout_parameter: str | None = None
    """A query parameter for the server's own per-query limit, e.g. "timeout={ms}" (Virtuoso)."""
    sparql_keep_alive: bool = True
    """Send each request on a connection kept from the last; false for a server that answers a kept
    connection only after the client's delayed acknowledgement (Virtuoso 7.2: 40 ms an answer)."""


@lru_cache
def get_settings() -> Settings:
    return Settings()
