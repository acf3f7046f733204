"""HTML pages: the article's main text and its metadata, by trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from kg.documents import decode
from kg.errors import DocumentError

# A label in brackets before a headline ([视频], 【图文】) is the site's, not the article's.
_LABEL = re.compile(r"^\s*[\[【［][^\]】］]{1,8}[\]】］]\s*")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    site: str | None
    url: str | None


def read_html(data: bytes, name: str) -> Page:
    """The main text (paragraphs one a line) with the title, publication date, site name
    and canonical URL the page's metadata gives; a page without main text is refused."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    html = _decode_html(data, name)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False,
                                          deduplicate=False, config=_config())
    except (ValueError, TypeError, RecursionError) as exc:
        raise DocumentError(f"{name}: cannot parse the HTML: {exc}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise DocumentError(f"{name}: no article text found in the HTML page")
    title = _LABEL.sub("", doc.title or "").strip() or None
    return Page(text=text, title=title, date=doc.date, site=doc.sitename, url=doc.url)


@cache
def _config():
    """trafilatura's settings with a lower floor for the main text: its default (250
    characters, else it falls back to the whole page's text) is a full article in Chinese,
    and a short news item's page would come back with its menus and credits."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "5")
    return config


def _decode_html(data: bytes, name: str) -> str:
    """The page's declared charset when it decodes the bytes (GB2312 and GBK read as their
    superset GB18030), else the evidence of :func:`kg.documents.decode`."""
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        declared = "gb18030" if declared in ("gb2312", "gbk", "x-gbk") else declared
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if "\x00" not in text:
                return text
    return decode(data, name)
