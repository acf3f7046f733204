"""The one table from zhkg's errors (:mod:`kg.errors`) to HTTP status codes, and the
handlers that apply it. Routes raise :mod:`kg.errors` exceptions, never HTTPException."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from kg.errors import (Forbidden, KgError, NotAcceptable, NotFound, ProtectedGraph, QueryError,
                       QueryTimeout, RequestError, ResultTooLarge, StoreError, Unauthorized,
                       UnsupportedMedia)

# Most specific first: the first class the error is an instance of decides.
ERROR_TO_STATUS: list[tuple[type[KgError], int]] = [
    (RequestError, 400),
    (QueryError, 400),
    (Unauthorized, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (NotAcceptable, 406),
    (ProtectedGraph, 409),
    (ResultTooLarge, 413),
    (UnsupportedMedia, 415),
    (QueryTimeout, 503),
    (StoreError, 503),
]
# A bare KgError (the graph pages raise one for "no entity named …") is a 404.
DEFAULT_STATUS = 404
MAX_ECHO = 200  # characters of a rejected input that a 422 answer may repeat


def status_of(exc: KgError) -> int:
    return next((code for cls, code in ERROR_TO_STATUS if isinstance(exc, cls)), DEFAULT_STATUS)


def _message(exc: KgError) -> str:
    text = str(exc)
    if type(exc) is QueryError and "error at" in text:
        text = f"malformed SPARQL: {text}"
    return text[:4000]


def _trim(value):
    if isinstance(value, str) and len(value) > MAX_ECHO:
        return value[:MAX_ECHO] + f"… ({len(value)} characters)"
    if isinstance(value, (list, tuple)):
        return [_trim(v) for v in value[:20]]
    if isinstance(value, dict):
        return {k: _trim(v) for k, v in list(value.items())[:20]}
    return value


def install(app: FastAPI) -> None:
    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> JSONResponse:
        status = status_of(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"detail": _message(exc)}, status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{k: _trim(v) for k, v in e.items() if k in ("type", "loc", "msg", "input")}
                  for e in exc.errors()[:20]]
        return JSONResponse({"detail": errors}, status_code=422)
