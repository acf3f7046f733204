"""What every HTML page of the explorer shares: the frame (head, navigation, language switch),
the interface words in Chinese and English, and the link to a fact's source document.

Pages are Chinese by default; ``?lang=en`` switches to English and is kept in a cookie, so the
choice follows the user from page to page. Every value that comes from the graph is escaped
with :func:`esc` before it is put in a page (labels are data, never markup)."""

from __future__ import annotations

import html
from urllib.parse import quote

from fastapi import Request

LANGS = ("zh", "en")

# One interface word, one entry: {key: (Chinese, English)}. Pages add their own keys here.
WORDS: dict[str, tuple[str, str]] = {
    "app": ("zhkg 新闻知识图谱", "zhkg news knowledge graph"),
    "home": ("首页", "Home"),
    "search": ("搜索", "Search"),
    "visits": ("到访", "Visits"),
    "meetings": ("会见", "Meetings"),
    "signings": ("签约", "Signings"),
    "officials": ("官员", "Officials"),
    "regions": ("地区", "Regions"),
    "graph": ("关系图", "Graph"),
    "query": ("SPARQL 查询", "SPARQL query"),
    "documents": ("文档", "Documents"),
    "source": ("来源", "Source"),
    "confidence": ("置信度", "Confidence"),
    "reports": ("报道数", "Reports"),
    "date": ("日期", "Date"),
    "person": ("人物", "Person"),
    "place": ("地点", "Place"),
    "post": ("职务", "Post"),
    "region": ("地区", "Region"),
    "no_match": ("没有结果", "No match"),
    "error": ("出错了", "Something went wrong"),
    "not_found": ("没有找到", "Not found"),
    "lang_switch": ("English", "中文"),
    # the entity page and the graph views
    "no_date": ("日期不详", "no date"),
    "stops": ("站数", "stops"),
    "counterparts": ("对方", "Counterparts"),
    "aliases": ("又名", "also"),
    "posts_over_time": ("任职", "Posts over time"),
    "itinerary": ("行程", "Itinerary"),
    "map_of_visits": ("到访地区", "Regions visited"),
    "level_province": ("省", "provinces"),
    "level_prefecture": ("市", "prefectures"),
    "level_county": ("县区", "counties"),
    "no_visits_here": ("无到访", "no visit"),
    "office_holders": ("任职者", "Office holders"),
    "visited_by": ("到访者", "Visited by"),
    "projects_partners": ("项目与伙伴", "Projects and partners"),
    "investor": ("投资方", "investor"),
    "class_Official": ("官员", "official"),
    "class_Person": ("人物", "person"),
    "class_GovernmentBody": ("机关", "government body"),
    "class_Company": ("企业", "company"),
    "class_Institution": ("机构", "institution"),
    "class_Organization": ("组织", "organization"),
    "class_Province": ("省级", "province"),
    "class_Prefecture": ("地级", "prefecture"),
    "class_County": ("县级", "county"),
    "class_Township": ("乡镇街道", "township"),
    "class_Village": ("村", "village"),
    "class_Park": ("园区", "park"),
    "class_Place": ("地点", "place"),
    "class_Project": ("项目", "project"),
    "class_Region": ("地区", "region"),
    "edge_visited": ("到访", "visited"),
    "edge_met": ("会见", "met"),
    "edge_investsIn": ("投资", "invests in"),
    "edge_locatedIn": ("位于", "located in"),
    "edge_signed": ("签约", "signed with"),
    "filter_classes": ("类别", "Classes"),
    "filter_dates": ("日期", "Dates"),
    "busiest": ("到访最多的官员", "The officials with the most visits"),
    "graph_help": ("单击打开页面，双击展开", "click opens a page, double-click expands"),
    "all_dates": ("全部日期", "all dates"),
    "examples": ("示例", "Examples"),
    "prefixes_declared": ("已声明的前缀", "Prefixes declared"),
}


def lang_of(request: Request | None) -> str:
    """The page language: ``?lang=`` first, then the cookie, else Chinese."""
    if request is None:
        return "zh"
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    return asked if asked in LANGS else "zh"


def t(key: str, lang: str) -> str:
    """The interface word for ``key`` in ``lang`` (the key itself when no entry exists)."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[LANGS.index(lang)] if lang in LANGS else pair[0]


def esc(value: object) -> str:
    """Graph data as HTML text, quotes included (safe inside attributes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def document_link(doc_id: str, sentence: str | None = None) -> str:
    """The URL of a document's page, with the evidence sentence to highlight."""
    url = "/documents/" + quote(doc_id, safe="")
    return url + ("?hl=" + quote(sentence, safe="") if sentence else "")


_NAV = (("/", "home"), ("/visits", "visits"), ("/graph.html", "graph"), ("/sparql", "query"))

STYLE = """body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;max-width:72em;margin:0 auto;
padding:0 1em;color:#222}nav{display:flex;gap:1.2em;align-items:center;border-bottom:1px solid #ddd;
padding:.6em 0;margin-bottom:1em}nav .app{font-weight:bold;margin-right:auto}nav a{text-decoration:none}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
mark{background:#ffe36e}"""


def page(title: str, body: str, lang: str = "zh", *, head: str = "", request: Request | None = None) -> str:
    """A whole HTML page: ``body`` and ``head`` are markup the caller built (its data escaped);
    ``title`` is text. The language switch keeps the current path and query."""
    other = "en" if lang == "zh" else "zh"
    here = request.url.path if request is not None else "/"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] if request else []
    switch = here + "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in params + [("lang", other)])
    nav = "".join(f'<a href="{href}">{esc(t(key, lang))}</a>' for href, key in _NAV)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)} · zhkg</title><style>{STYLE}</style>{head}</head><body>"
            f'<nav><span class="app">{esc(t("app", lang))}</span>{nav}'
            f'<a class="lang" href="{esc(switch)}">{esc(t("lang_switch", lang))}</a></nav>'
            f"<main>{body}</main></body></html>")
