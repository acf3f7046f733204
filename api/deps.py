"""Dependencies shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.config import Settings
from kg.store.pool import PooledStore, QueryPool


def get_reader(request: Request) -> PooledStore:
    return request.app.state.reader


def get_pool(request: Request) -> QueryPool:
    return request.app.state.pool


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


ReaderDep = Annotated[PooledStore, Depends(get_reader)]
PoolDep = Annotated[QueryPool, Depends(get_pool)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
