"""Service settings, from the environment with the KG_ prefix (KG_STORE, KG_QUERY_TIMEOUT …)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KG_")

    store: Path | str = Path("kgdata")  # a folder, or a SPARQL server's query URL
    max_query_bytes: int = 100_000
    max_result_bytes: int = 50_000_000
    max_upload_bytes: int = 50_000_000  # a Graph Store Protocol PUT/POST body
    query_timeout: float = 5.0
    workers: int = 2
    update_token: str | None = None
    cors_origins: list[str] = []
    service_allow: list[str] = []
    warm: bool = True  # build the search index and the visits table at start-up, not on first use
