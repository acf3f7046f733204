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
    "earlier_days": ("更早的到访日", "earlier days with visits:"),
    "show_all": ("全部显示", "show all"),
    "latest_events": ("本页列出最近的 {shown} 项活动（共 {total} 项）：", "the latest {shown} of {total} events are listed:"),
    "latest_visitors": ("以上是最近的 {shown} 次到访。", "the latest {shown} visits are listed."),
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
    # search
    "search_hint": ("姓名、地名、机构或拼音（庄悦群、莊悦群、电白、zyq）",
                    "A name, place or organization, or its pinyin (庄悦群, 莊悦群, 电白, zyq)"),
    "results": ("条结果", "results"),
    "also_called": ("别名", "Also called"),
    "documents_n": ("篇报道提到", "documents name it"),
    "matched": ("匹配", "matched"),
    "type": ("类别", "Type"),
    "intro": ("中国地方新闻的知识图谱：官员的到访、会见与签约，每条事实都有来源。",
              "A knowledge graph of Chinese regional news: officials' visits, meetings and signings, "
              "each fact with its sources."),
    "api": ("接口", "API"),
    "export": ("导出全部数据（Turtle）", "The whole graph (Turtle)"),
    # visits table
    "visits_title": ("到访记录", "Visits"),
    "event_type": ("事件类型", "Event type"),
    "all_types": ("全部", "All"),
    "from": ("起始日期", "From"),
    "to": ("截止日期", "To"),
    "min_confidence": ("最低置信度", "Minimum confidence"),
    "filter": ("筛选", "Filter"),
    "reset": ("清除", "Clear"),
    "with": ("对方", "With"),
    "rows": ("行", "rows"),
    "page": ("页", "Page"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel", "Download Excel"),
    "evidence": ("原文句子", "Sentence"),
    "newspaper": ("报纸", "Newspaper"),
    "undated": ("无日期", "undated"),
    "person_hint": ("官员姓名", "An official's name"),
    "place_hint": ("地点或地区（省含下属市县）", "A place or region (a province includes its counties)"),
    # document page
    "headline": ("标题", "Headline"),
    "issue_date": ("出版日期", "Issue date"),
    "url": ("网址或文件", "URL or file"),
    "article": ("正文", "Article"),
    "no_text": ("本库没有保存这篇文档的正文（在保存正文之前导入）。",
                "The store holds no text for this document (it was ingested before texts were kept)."),
    "facts_here": ("本文报道的事实", "What this document reports"),
    "hl_missing": ("要突出显示的句子不在正文中。", "The sentence to highlight is not in the text."),
    # classes
    "Official": ("官员", "Official"),
    "Person": ("人物", "Person"),
    "Province": ("省级行政区", "Province"),
    "Prefecture": ("地级行政区", "Prefecture"),
    "County": ("县级行政区", "County"),
    "Township": ("乡镇街道", "Township"),
    "Village": ("村", "Village"),
    "AdminRegion": ("行政区划", "Region"),
    "Park": ("园区", "Park"),
    "Project": ("项目", "Project"),
    "Company": ("企业", "Company"),
    "Institution": ("事业单位与社会团体", "Institution"),
    "GovernmentBody": ("党政机关", "Government body"),
    "Organization": ("组织", "Organization"),
    "Place": ("地点", "Place"),
    "Visit": ("调研考察", "Visit"),
    "Meeting": ("会见", "Meeting"),
    "Signing": ("签约", "Signing"),
    "Conference": ("会议", "Conference"),
}


def lang_of(request: Request | None) -> str:
    """The page language: ``?lang=`` first, then the cookie, else Chinese."""
    if request is None:
        return "zh"
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    return asked if asked in LANGS else "zh"


def wants_html(request: Request) -> bool:
    """A browser's request: it asks for HTML before JSON (an API client's */* or JSON does not)."""
    accept = request.headers.get("accept", "")
    html_at = accept.find("text/html")
    json_at = accept.find("application/json")
    return html_at >= 0 and (json_at < 0 or html_at < json_at)


def t(key: str, lang: str) -> str:
    """The interface word for ``key`` in ``lang`` (the key itself when no entry exists)."""
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[LANGS.index(lang)] if lang in LANGS else pair[0]


def esc(value: object) -> str:
    """Graph data as HTML text, quotes included (safe inside attributes too)."""
    return html.escape("" if value is None else str(value), quote=True)


HL_HEAD = 16  # characters of a long sentence a link carries: its start and its length find it


def document_link(doc_id: str, sentence: str | None = None) -> str:
    """The URL of a document's page, with the evidence sentence to highlight: a long sentence
    as its first characters and its length (?hl=…&hn=…), so that a page listing hundreds of
    facts does not carry every sentence again, percent-encoded, in its links."""
    url = "/documents/" + quote(doc_id, safe="")
    if not sentence:
        return url
    if len(sentence) <= HL_HEAD:
        return url + "?hl=" + quote(sentence, safe="")
    return url + "?hl=" + quote(sentence[:HL_HEAD], safe="") + f"&hn={len(sentence)}"


_NAV = (("/", "home"), ("/search", "search"), ("/visits", "visits"), ("/graph.html", "graph"),
        ("/sparql", "query"))

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
