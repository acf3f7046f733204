"""WARC web archives: each HTML response a document named by its target URI, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.documents import MAX_BYTES, doc_id_for_url
from kg.sources import Format, Item, Record, Refusal


def read_warc(path: Path) -> Iterator[Item]:
    """HTML ``response`` records (and ``resource`` records of HTML); other records are
    skipped. A damaged or truncated archive keeps what was read before the damage and
    is refused from there on."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    read = 0
    try:
        with path.open("rb") as f:
            for rec in ArchiveIterator(f):
                if rec.rec_type not in ("response", "resource"):
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{path}#{read + 1}"
                where = f"{path} {uri}"
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers
                         else rec.rec_headers.get_header("Content-Type")) or ""
                if "html" not in ctype.lower():
                    continue
                status = rec.http_headers.get_statuscode() if rec.http_headers else "200"
                body = rec.content_stream().read(MAX_BYTES + 1)
                read += 1
                if _cut_short(rec):
                    yield Refusal(where, Format.WARC, f"{path}: truncated WARC: the record of "
                                                      f"{uri} ends before its length")
                    return
                if status and not status.startswith("2"):
                    yield Refusal(where, Format.WARC, f"{where}: HTTP status {status}, not a page")
                elif len(body) > MAX_BYTES:
                    yield Refusal(where, Format.WARC, f"{where}: over the {MAX_BYTES}-byte limit")
                else:
                    yield Record(doc_id_for_url(uri), uri, Format.WARC, Format.HTML, body)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield Refusal(str(path), Format.WARC,
                      f"{path}: damaged or truncated WARC after {read} page(s): {exc}")


def _cut_short(rec) -> bool:
    """warcio reads a record cut by the end of the file without complaint: check its length."""
    rest = rec.raw_stream
    while rest.read(65536):
        pass
    return getattr(rest, "limit", 0) > 0
