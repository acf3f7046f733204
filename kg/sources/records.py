"""One article record of a collection (a JSON Lines line, a CSV row) → a :class:`Record`."""

from __future__ import annotations

import hashlib

from kg.documents import MAX_BYTES, doc_id_for_url
from kg.sources import Format, Item, Record, Refusal

TEXT_FIELDS = ("text", "content")
PAPER_FIELDS = ("paper", "source")


def record_of(fields: dict, where: str, container: Format) -> Item:
    """A record with ``text`` (or ``content``) and optional ``title``, ``date``, ``url``,
    ``paper`` (or ``source``) and ``id``. The id (else the url, else the text) names its graph,
    so the same record ingested again replaces itself."""
    fields = {str(k).strip().lower(): v for k, v in fields.items() if k is not None}
    text = next((fields[k] for k in TEXT_FIELDS if fields.get(k) not in (None, "")), None)
    if text is None:
        return Refusal(where, container, f"{where}: the record has no text "
                                         f"(give it a 'text' or 'content' field)")
    if not isinstance(text, str):
        return Refusal(where, container, f"{where}: 'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        return Refusal(where, container, f"{where}: the record's text is empty")
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:
        return Refusal(where, container, f"{where}: the text is {len(data)} bytes; the limit is {MAX_BYTES}")
    meta = {k: _str(fields.get(k)) for k in ("id", "title", "date", "url")}
    paper = next((_str(fields[k]) for k in PAPER_FIELDS if _str(fields.get(k))), None)
    url = meta["url"]
    if meta["id"]:
        doc_id = meta["id"]
    elif url:
        doc_id = doc_id_for_url(url)
    else:
        doc_id = "record-" + hashlib.sha1(data).hexdigest()[:16]
    return Record(doc_id, url or where, container, Format.TEXT, data, title=meta["title"],
                  date=meta["date"], paper=paper)


def _str(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
