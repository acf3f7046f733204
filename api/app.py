"""``create_app()`` assembles the service from its routers."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse

from api.config import Settings
from api.routes import entities, pages, sparql, visits
from kg import __version__
from kg.errors import KgError, QueryError
from kg.store import open_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = open_store(settings.store, read_only=True)
        yield

    app = FastAPI(title="zhkg", version=__version__, lifespan=lifespan,
                  description="Knowledge graph of Chinese regional news: SPARQL 1.1 and friendly routes.")
    app.state.settings = settings
    for module in (sparql, visits, entities, pages):
        app.include_router(module.router)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": f"malformed SPARQL: {exc}"}, status_code=400)

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": exc.errors()}, status_code=422)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def read_home() -> str:
        return _HOME

    return app


_HOME = """<!doctype html><html lang="zh"><meta charset="utf-8"><title>zhkg</title>
<body style="font-family:sans-serif;max-width:50em;margin:2em auto">
<h1>zhkg</h1><p>Knowledge graph of Chinese regional news.</p><ul>
<li><a href="/visits">/visits</a> — who visited where (?person=, ?place=, ?from=, ?to=)</li>
<li><a href="/entities?q=%E5%BA%84">/entities?q=</a> — search entities by name prefix</li>
<li><a href="/graph.html">/graph.html</a> — interactive graph (?focus=NAME&amp;hops=2)</li>
<li><a href="/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%2010">/sparql</a> — SPARQL 1.1 endpoint</li>
<li><a href="/export.ttl">/export.ttl</a> — the whole graph as Turtle</li>
<li><a href="/docs">/docs</a> — OpenAPI</li></ul></body></html>"""
