"""Dependencies shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kg.store.oxigraph import OxigraphStore


def get_store(request: Request) -> OxigraphStore:
    return request.app.state.store


StoreDep = Annotated[OxigraphStore, Depends(get_store)]
