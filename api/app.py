"""``create_app()`` assembles the service from its routers; errors map to status codes
through the one table in :mod:`api.errors`."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from api import errors
from api.config import Settings
from api.fresh import warm
from api.search import build_index
from api.visits_table import build_table
from api.pages import home_page
from api.ui import LANGS
from api.routes import documents, entities, graph_store, pages, sparql, visits
from kg import __version__
from kg.store.open import open_runner

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.pool, app.state.reader = open_runner(
            settings.store, read_only=not settings.update_token, workers=settings.workers,
            timeout=settings.query_timeout, allow_network=bool(settings.service_allow))
        if settings.warm:
            warm(app, "search_index", build_index)
            warm(app, "visits_table", build_table)
        yield
        app.state.pool.close()

    app = FastAPI(title="zhkg", version=__version__, lifespan=lifespan,
                  description="Knowledge graph of Chinese regional news: SPARQL 1.1 and friendly routes.")
    app.state.settings = settings
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_credentials=False)
    for module in (sparql, graph_store, visits, entities, pages, documents):
        app.include_router(module.router)
    errors.install(app)
    # Scripts, styles and map files the pages use, served by the service itself (never a CDN);
    # third-party ones are vendored from the npm registry by `make install` into static/vendor.
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    @app.middleware("http")
    async def cache_vendored_files(request: Request, call_next):
        response = await call_next(request)
        if request.url.path.startswith("/static/vendor/") and response.status_code == 200:
            # the vendored packages change only with `make install`: a day without revalidation
            # (the explorer's own scripts are revalidated on every load)
            response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    @app.middleware("http")
    async def remember_language(request: Request, call_next):
        response = await call_next(request)
        lang = request.query_params.get("lang")
        if lang in LANGS:
            response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def read_home(request: Request) -> str:
        return home_page(request)

    return app
