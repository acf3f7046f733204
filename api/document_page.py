"""The page of one document: newspaper, headline, issue date, URL, the article as ingested with
the evidence sentence of the fact the reader came from highlighted (``?hl=``), and every fact
the document reports. Every source link of the explorer comes here (``api.ui.document_link``)."""

from __future__ import annotations

from fastapi import Request

from api.ui import document_link, esc, lang_of, page, t

STYLE = """<style>dl.doc{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.doc dt{color:#555}
dl.doc dd{margin:0}#text{white-space:pre-wrap;line-height:1.7;border-left:3px solid #ddd;padding-left:1em}
mark#hl{padding:0 .1em}ul.reports li{margin:.3em 0}.meta{color:#555;font-size:.9em}.cls{color:#fff;background:#5779a8;
border-radius:3px;padding:0 .35em;font-size:.8em}</style>"""
SCROLL = "<script>const m=document.getElementById('hl');if(m)m.scrollIntoView({block:'center'});</script>"


def _span(text: str, sentence: str | None, length: int | None = None) -> tuple[int, int] | None:
    """Where ``sentence`` is in ``text`` (first place; spaces inside it may differ); with
    ``length``, ``sentence`` is the start of a sentence that long."""
    if not sentence:
        return None
    at = text.find(sentence)
    if at >= 0:
        return at, min(len(text), at + max(len(sentence), length or 0))
    trimmed = sentence.strip()
    at = text.find(trimmed) if trimmed else -1
    return (at, at + len(trimmed)) if at >= 0 else None


def article(text: str, sentence: str | None, length: int | None = None) -> tuple[str, bool]:
    """The text as HTML (escaped) with the sentence in <mark id="hl">; whether it was found."""
    span = _span(text, sentence, length)
    if span is None:
        return esc(text), False
    start, end = span
    return esc(text[:start]) + '<mark id="hl">' + esc(text[start:end]) + "</mark>" + esc(text[end:]), True


def _url(source: str | None) -> str:
    if source and source.startswith(("http://", "https://")):
        return f'<a href="{esc(source)}" rel="noreferrer noopener">{esc(source)}</a>'
    return esc(source or "")


def render(request: Request, doc, hl: str | None, hn: int | None = None) -> str:
    lang = lang_of(request)
    fields = [("headline", esc(doc.title or "")), ("newspaper", esc(doc.newspaper or "")),
              ("issue_date", esc(doc.date.isoformat() if doc.date else "")),
              ("region", esc(doc.region or "")), ("url", _url(doc.source))]
    meta = "".join(f"<dt>{esc(t(k, lang))}</dt><dd id=\"doc-{k}\">{v}</dd>" for k, v in fields if v)
    if doc.text:
        text, found = article(doc.text, hl, hn)
        body_text = ("" if found or not hl else f'<p class="meta" id="hl-missing">{esc(t("hl_missing", lang))}</p>')
        body_text += f'<div id="text" lang="zh">{text}</div>'
    else:
        body_text = f'<p class="meta" id="no-text">{esc(t("no_text", lang))}</p>'
    reports = "".join(
        f'<li><span class="cls">{esc(t(r.type, lang))}</span> {esc(r.agent or "")} '
        f'<a href="{esc(document_link(doc.id, r.evidence))}">{esc(r.evidence)}</a>'
        + (f' <span class="meta">{esc(t("confidence", lang))} {r.confidence:.2f}</span>' if r.confidence is not None else "")
        + "</li>" for r in doc.reports)
    body = (f"<h1>{esc(doc.title or doc.id)}</h1><dl class=\"doc\">{meta}</dl>"
            f"<h2>{esc(t('article', lang))}</h2>{body_text}"
            + (f"<h2>{esc(t('facts_here', lang))}</h2><ul class=\"reports\" id=\"reports\">{reports}</ul>" if reports else "")
            + SCROLL)
    return page(doc.title or doc.id, body, lang, head=STYLE, request=request)
