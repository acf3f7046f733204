"""``create_app()`` assembles the service from its routers and maps errors to status codes."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse

from api.config import Settings
from api.pages import HOME_PAGE
from api.routes import documents, entities, pages, sparql, visits
from kg import __version__
from kg.errors import KgError, QueryError, StoreError
from kg.store.pool import NotAcceptable, PooledStore, QueryPool, QueryTimeout, ResultTooLarge

ERROR_TO_STATUS: dict[type[KgError], int] = {
    QueryError: 400,
    NotAcceptable: 406,
    ResultTooLarge: 413,
    QueryTimeout: 503,
    StoreError: 503,
}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if isinstance(settings.store, str) and settings.store.startswith(("http://", "https://")):
            from kg.store.remote import RemoteRunner, RemoteStore

            remote = RemoteStore(settings.store, timeout=settings.query_timeout)
            app.state.pool, app.state.reader = RemoteRunner(remote, settings.query_timeout), remote
        else:
            writable = bool(settings.update_token)
            pool = QueryPool(Path(settings.store), size=1 if writable else max(1, settings.workers),
                             read_only=not writable, timeout=settings.query_timeout)
            app.state.pool, app.state.reader = pool, PooledStore(pool)
        yield
        app.state.pool.close()

    app = FastAPI(title="zhkg", version=__version__, lifespan=lifespan,
                  description="Knowledge graph of Chinese regional news: SPARQL 1.1 and friendly routes.")
    app.state.settings = settings
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_credentials=False)
    for module in (sparql, visits, entities, pages, documents):
        app.include_router(module.router)

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> JSONResponse:
        status = next((code for cls, code in ERROR_TO_STATUS.items() if isinstance(exc, cls)), 400)
        message = f"malformed SPARQL: {exc}" if type(exc) is QueryError and "error at" in str(exc) \
            else str(exc)
        return JSONResponse({"detail": message}, status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def read_home() -> str:
        return HOME_PAGE

    return app
