"""The one table from zhkg's errors (:mod:`kg.errors`) to HTTP status codes, and the
handlers that apply it. Routes raise :mod:`kg.errors` exceptions, never HTTPException.

Every error answers by content negotiation: a browser (it asks for text/html before JSON)
gets an explorer page in its language with the status and the message as text; an API
client keeps the JSON ``{"detail": …}`` it always had."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.ui import esc, lang_of, page, t, wants_html

from kg.errors import (ExtractionError, Forbidden, KgError, NotAcceptable, NotFound, ProtectedGraph,
                       QueryError, QueryTimeout, RequestError, ResultTooLarge, StoreError, Unauthorized,
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
    (ExtractionError, 500),  # a bug of ours on that page, not a missing thing
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


_TITLE = {404: "not_found"}

# What a rejected parameter was, in Chinese, by pydantic's error type ({…} from the error's ctx).
_INVALID_ZH = {
    "missing": "缺少此参数",
    "int_parsing": "应为整数",
    "float_parsing": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "greater_than_equal": "应不小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "应不大于 {le}",
    "less_than": "应小于 {lt}",
    "literal_error": "应为以下之一：{expected}",
    "enum": "应为以下之一：{expected}",
    "string_pattern_mismatch": "格式不对",
}
_WHERE_ZH = {"query": "参数", "path": "路径", "body": "请求体", "header": "请求头"}


def _invalid_line(error: dict, lang: str) -> str:
    """One rejected input, as "where: what was wrong" (in Chinese for a Chinese page)."""
    loc = [str(p) for p in error.get("loc", ())]
    if lang != "zh":
        return f"{'.'.join(loc)}: {error.get('msg', '')}"
    where = (_WHERE_ZH.get(loc[0], loc[0]) + " " + ".".join(loc[1:])) if loc else ""
    template = _INVALID_ZH.get(error.get("type", ""))
    try:
        what = template.format(**error.get("ctx", {})) if template else error.get("msg", "")
    except (KeyError, IndexError):
        what = error.get("msg", "")
    return f"{where}：{what}"


def _html(request: Request, status: int, detail, headers=None) -> HTMLResponse:
    lang = lang_of(request)
    if isinstance(detail, list):  # validation errors: where, and what was wrong
        lines = [_invalid_line(e, lang) for e in detail]
    elif isinstance(detail, dict):
        lines = [str(detail.get("message", detail))]
    else:
        lines = [str(detail)]
    title = t(_TITLE.get(status, "error"), lang)
    body = (f'<h1>{status} · {esc(title)}</h1><ul id="error">'
            + "".join(f"<li>{esc(line)}</li>" for line in lines)
            + f'</ul><p><a href="/">{esc(t("home", lang))}</a> · <a href="/search">{esc(t("search", lang))}</a></p>')
    return HTMLResponse(page(f"{status} {title}", body, lang, request=request), status_code=status,
                        headers=headers)


def answer(request: Request, status: int, detail, headers=None) -> Response:
    """The error as a page for a browser, as JSON for an API client."""
    if wants_html(request):
        return _html(request, status, detail, headers)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> Response:
        status = status_of(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return answer(request, status, _message(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{k: _trim(v) for k, v in e.items() if k in ("type", "loc", "msg", "input")}
                  for e in exc.errors()[:20]]
        if wants_html(request):  # the page words the error in its language (ctx: the limits)
            with_ctx = [{**e, "ctx": {k: _trim(str(v)) for k, v in (raw.get("ctx") or {}).items()}}
                        for e, raw in zip(errors, exc.errors())]
            return _html(request, 422, with_ctx)
        return answer(request, 422, errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return answer(request, exc.status_code, exc.detail, getattr(exc, "headers", None))
