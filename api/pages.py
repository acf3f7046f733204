"""HTML of the service: the explorer home page (no CDN)."""

from __future__ import annotations

from fastapi import Request

from api import search_page
from api.ui import esc, lang_of, page, t


def home_page(request: Request) -> str:
    """The explorer's home: search (suggestions as you type) and where to go next."""
    lang = lang_of(request)
    links = [("/visits", "visits_title", "/visits?person=&place=&from=&to="),
             ("/graph.html", "graph", "/graph.html?focus=&hops=2"),
             ("/sparql", "query", "SPARQL 1.1"),
             ("/export.ttl", "export", "/export.ttl"),
             ("/docs", "api", "OpenAPI")]
    items = "".join(f'<li><a href="{href}">{esc(t(key, lang))}</a> <span class="meta">{esc(note)}</span></li>'
                    for href, key, note in links)
    body = (f"<h1>{esc(t('app', lang))}</h1><p>{esc(t('intro', lang))}</p>"
            f"{search_page.box(lang)}<ul id=\"links\">{items}</ul>")
    return page(t("home", lang), body, lang, head=search_page.STYLE, request=request)
