"""The visits table as an HTML page (/visits in a browser) and its downloads (CSV, Excel).

The filters are a GET form, so a filtered, sorted page is a URL to share; each row carries
its reports underneath (sentence, confidence, newspaper, date, link to the document page with
the sentence highlighted). Every value from the graph is escaped."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from fastapi import Request

from api.search_page import entity_href
from api.ui import document_link, esc, lang_of, page, t
from api.visits_table import EVENT_TYPES, HEADER, Column, Filters, Report, Row, VisitsTable, as_record
from kg.vocab import KGR

SIZES = (25, 50, 100, 500)
STYLE = """<style>form.filters{display:flex;flex-wrap:wrap;gap:.6em 1em;align-items:end;margin-bottom:.8em}
form.filters label{display:flex;flex-direction:column;font-size:.85em;color:#444}
table.visits{width:100%}table.visits th a{text-decoration:none;color:#223}tr.reports td{border-top:none;
background:#fafafa;font-size:.9em}tr.reports ol{margin:.2em 0;padding-left:1.5em}.meta{color:#555}
.pager{margin:.6em 0;display:flex;gap:1em;align-items:center}td.num{text-align:right}</style>"""


def _entity_link(iri: str, label: str) -> str:
    if not iri.startswith(KGR):
        return esc(label)
    return f'<a href="{esc(entity_href(iri[len(KGR):]))}">{esc(label)}</a>'


def _links(iris: tuple[str, ...], labels: tuple[str, ...]) -> str:
    return "、".join(_entity_link(i, label) for i, label in zip(iris, labels))


def _report(r: Report, lang: str) -> str:
    where = " · ".join(x for x in (r.newspaper, r.issued, r.title) if x)
    conf = f" · {t('confidence', lang)} {r.confidence:.2f}" if r.confidence is not None else ""
    return (f'<li><a href="{esc(document_link(r.doc_id, r.evidence))}">{esc(r.evidence)}</a>'
            f' <span class="meta">{esc(where)}{esc(conf)}</span></li>')


def _row(r: Row, said: list[Report], lang: str) -> str:
    conf = f"{r.confidence:.2f}" if r.confidence is not None else ""
    main = (f'<tr class="row"><td>{esc(r.date or t("undated", lang))}</td><td>{esc(t(r.type, lang))}</td>'
            f"<td>{_entity_link(r.person, r.person_label)}</td><td>{_links(r.places, r.place_labels)}</td>"
            f"<td>{_links(r.partners, r.partner_labels)}</td><td class=\"num\">{conf}</td>"
            f'<td class="num">{r.reports}</td></tr>')
    under = (f'<tr class="reports"><td colspan="7"><details><summary>{esc(t("source", lang))} ({len(said)})'
             f'</summary><ol>{"".join(_report(rep, lang) for rep in said)}</ol></details></td></tr>')
    return main + under


def _url(params: dict, **change) -> str:
    merged = {k: v for k, v in {**params, **change}.items() if v not in (None, "")}
    return "/visits?" + urlencode(merged)


def _form(params: dict, lang: str) -> str:
    def field(name: str, label: str, kind: str = "text", hint: str = "", extra: str = "") -> str:
        return (f'<label>{esc(t(label, lang))}<input type="{kind}" name="{name}" value="{esc(params.get(name) or "")}"'
                f' placeholder="{esc(hint)}"{extra}></label>')

    chosen = params.get("type") or "Visit"
    options = "".join(f'<option value="{v}"{" selected" if v == chosen else ""}>{esc(t(v, lang))}</option>'
                      for v in (*EVENT_TYPES, "all"))
    options = options.replace(">all<", f">{esc(t('all_types', lang))}<")
    # Empty fields stay out of the URL (the filters' types refuse an empty value).
    return ('<form class="filters" method="get" action="/visits" '
            'onsubmit="for (const e of this.elements) if (!e.value) e.disabled = true">'
            + field("person", "person", hint=t("person_hint", lang))
            + field("place", "place", hint=t("place_hint", lang))
            + field("from", "from", "date") + field("to", "to", "date")
            + f'<label>{esc(t("event_type", lang))}<select name="type">{options}</select></label>'
            + field("min_confidence", "min_confidence", "number", extra=' min="0" max="1" step="0.05"')
            + f'<input type="hidden" name="sort" value="{esc(params.get("sort") or "")}">'
            + f'<input type="hidden" name="order" value="{esc(params.get("order") or "")}">'
            + f'<button type="submit">{esc(t("filter", lang))}</button>'
            + f'<a href="/visits">{esc(t("reset", lang))}</a></form>')


def render(request: Request, table: VisitsTable, f: Filters, sort: Column, descending: bool,
           number: int, size: int) -> str:
    """One page of the table for ``f``."""
    lang = lang_of(request)
    params = {k: v for k, v in request.query_params.items() if k != "lang"}
    total, rows = table.page(f, sort, descending, (number - 1) * size, size)
    heads = ""
    for col, key in ((Column.DATE, "date"), (Column.TYPE, "type"), (Column.PERSON, "person"),
                     (Column.PLACE, "place"), (Column.WITH, "with"), (Column.CONFIDENCE, "confidence"),
                     (Column.REPORTS, "reports")):
        flip = "asc" if (col == sort and descending) else "desc"
        arrow = (" ▼" if descending else " ▲") if col == sort else ""
        heads += (f'<th><a href="{esc(_url(params, sort=col.value, order=flip, page=None))}" '
                  f'data-sort="{col.value}">{esc(t(key, lang))}{arrow}</a></th>')
    pages = max(1, -(-total // size))
    pager = (f'<div class="pager"><span id="total">{total} {esc(t("rows", lang))}</span>'
             f'<span>{esc(t("page", lang))} {number} / {pages}</span>'
             + (f'<a rel="prev" href="{esc(_url(params, page=number - 1))}">{esc(t("prev", lang))}</a>'
                if number > 1 else "")
             + (f'<a rel="next" href="{esc(_url(params, page=number + 1))}">{esc(t("next", lang))}</a>'
                if number < pages else "")
             + f'<a id="csv" href="{esc(_download(params, "csv"))}" download>{esc(t("download_csv", lang))}</a>'
             + f'<a id="xlsx" href="{esc(_download(params, "xlsx"))}" download>{esc(t("download_xlsx", lang))}</a>'
             + "</div>")
    body = (f"<h1>{esc(t('visits_title', lang))}</h1>{_form(params, lang)}{pager}"
            f'<table class="visits" id="visits"><thead><tr>{heads}</tr></thead><tbody>'
            + "".join(_row(r, table.reports_of(r), lang) for r in rows) + "</tbody></table>"
            + (pager if rows else f"<p>{esc(t('no_match', lang))}</p>"))
    return page(t("visits_title", lang), body, lang, head=STYLE, request=request)


def _download(params: dict, kind: str) -> str:
    kept = {k: v for k, v in params.items() if k not in ("page", "size") and v}
    return f"/visits.{kind}" + ("?" + urlencode(kept) if kept else "")


def to_csv(table: VisitsTable, rows) -> bytes:
    """Every row asked for, UTF-8 with a byte-order mark (so that Excel reads the Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow([_cell(v) for v in as_record(r, table.reports_of(r))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: VisitsTable, rows) -> bytes:
    """Every row asked for, one sheet (openpyxl, streamed: write-only mode)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("visits")
    sheet.append(HEADER)
    for r in rows:
        sheet.append([_cell(v) for v in as_record(r, table.reports_of(r))])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value):
    """Text that a spreadsheet would read as a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
