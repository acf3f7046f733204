"""The search page (/search?q=, the query kept in the URL) and the search box every explorer
page can carry: a form that goes to /search, with suggestions as you type (static/search.js)."""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import Request

from api.search import PREFERRED, Hit
from api.ui import esc, lang_of, page, t

STYLE = """<style>.searchbox{position:relative;display:inline-block}.searchbox input{width:28em;
font-size:1.05em;padding:.3em}ul.suggest{position:absolute;z-index:10;left:0;right:0;margin:0;padding:0;
list-style:none;background:#fff;border:1px solid #bbb;box-shadow:0 2px 6px #0002}ul.suggest li{padding:.3em
.5em;cursor:pointer}ul.suggest li.active,ul.suggest li:hover{background:#eef4ff}.cls{color:#fff;
background:#5779a8;border-radius:3px;padding:0 .35em;font-size:.8em;margin:0 .4em}.meta{color:#555;
font-size:.9em}ol.hits li{margin:.5em 0}</style>"""


def words(lang: str) -> str:
    """The interface words the script shows, as JSON safe inside a <script> element."""
    keys = PREFERRED + ["documents_n", "also_called", "no_match"]
    return json.dumps({k: t(k, lang) for k in keys}, ensure_ascii=False).replace("<", "\\u003c")


def box(lang: str, q: str = "", autofocus: bool = True) -> str:
    """The search form: GET /search?q=, suggestions from /entities as you type."""
    return (f'<form class="searchbox" action="/search" method="get" role="search">'
            f'<input id="q" name="q" value="{esc(q)}" placeholder="{esc(t("search_hint", lang))}" '
            f'autocomplete="off" data-suggest{" autofocus" if autofocus else ""}> '
            f'<button type="submit">{esc(t("search", lang))}</button>'
            f'<ul class="suggest" id="suggest" role="listbox" hidden></ul></form>'
            f'<script type="application/json" id="search-words">{words(lang)}</script>'
            f'<script src="/static/search.js"></script>')


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="/@")


def hit_html(h: Hit, lang: str) -> str:
    e = h.entry
    meta = [", ".join(e.posts[:3]), e.region,
            f"{e.documents} {t('documents_n', lang)}" if e.documents else ""]
    alias = (f' <span class="meta">（{esc(t("also_called", lang))}：{esc(h.matched)}）</span>'
             if h.matched != e.label else "")
    return (f'<li class="hit"><a href="{esc(entity_href(e.id))}">{esc(e.label)}</a>'
            f'<span class="cls">{esc(t(e.cls, lang))}</span>{alias}'
            f'<div class="meta">{esc(" · ".join(m for m in meta if m))}</div></li>')


def render(request: Request, q: str, hits: list[Hit]) -> str:
    lang = lang_of(request)
    body = f"<h1>{esc(t('search', lang))}</h1>" + box(lang, q)
    if q.strip():
        body += f'<p id="count">{len(hits)} {esc(t("results", lang))}</p>'
        body += ('<ol class="hits" id="hits">' + "".join(hit_html(h, lang) for h in hits) + "</ol>"
                 if hits else f'<p id="hits">{esc(t("no_match", lang))}</p>')
    title = f"{q} · {t('search', lang)}" if q.strip() else t("search", lang)
    return page(title, body, lang, head=STYLE, request=request)
