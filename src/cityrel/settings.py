"""Settings from the environment (CITYREL_*) or a .env file, read once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    host: str = "127.0.0.1"
    port: int = 8000


@lru_cache
def get_settings() -> Settings:
    return Settings()
