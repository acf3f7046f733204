"""Service settings, from the environment with the KG_ prefix (KG_STORE, KG_MAX_QUERY_BYTES …)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KG_")

    store: Path = Path("kgdata")
    max_query_bytes: int = 100_000
    max_results: int = 10_000
