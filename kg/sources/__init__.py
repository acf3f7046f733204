"""Sources: files (or request bodies) → the documents in them, told apart by content.

A file is plain text, an HTML page, a JSON Lines or CSV collection of articles (one
document per record), or a WARC web archive (one document per HTML response). Each
reader yields :class:`Record` s (what to read, with what the container says about it)
and :class:`Refusal` s (what could not be read, and why), lazily: a collection or an
archive is streamed, never held whole.

Reading a record's page (decoding, HTML main text) is left to :func:`kg.ingest.record_to_result`
so that it runs on the workers, not in the process that walks the files.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kg.documents import MAX_BYTES, doc_id_for


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    CSV = "csv"
    WARC = "warc"


@dataclass(frozen=True)
class Record:
    """One document to read: ``data`` is a page (plain text or HTML, as ``page`` says) in
    bytes; the other fields are what its collection or archive says about it."""

    doc_id: str
    source: str
    container: Format
    page: Format
    data: bytes
    title: str | None = None
    date: str | None = None
    paper: str | None = None


@dataclass(frozen=True)
class Refusal:
    """Something in a source that is not a document we can read, and why."""

    source: str
    container: Format
    reason: str


Item = Record | Refusal

_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|title|meta|article)\b", re.I)
_HEADER_CELL = re.compile(r"^\s*\"?[A-Za-z_][\w ]{0,30}\"?\s*$")
_TEXT_COLUMNS = {"text", "content"}


def sniff(head: bytes, name: str = "") -> Format:
    """The format of a file from its first bytes (its name only breaks a tie for CSV).

    >>> sniff(b"WARC/1.0\\r\\nWARC-Type: warcinfo")
    <Format.WARC: 'warc'>
    >>> sniff('{"text": "市委书记到茂南区调研"}\\n'.encode())
    <Format.JSONL: 'jsonl'>
    >>> sniff("<!DOCTYPE html><html><p>调研</p>".encode())
    <Format.HTML: 'html'>
    >>> sniff("id,title,text\\n1,调研,市委书记到茂南区调研\\n".encode())
    <Format.CSV: 'csv'>
    """
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.decompress(head)
        except (EOFError, OSError):
            head = _gunzip_head(head)
    text = _head_text(head)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("WARC/"):
        return Format.WARC
    if stripped.startswith("{"):
        return Format.JSONL
    if _HTML.search(stripped[:4096].encode("utf-8", "ignore")):
        return Format.HTML
    first = stripped.split("\n", 1)[0]
    for delimiter in (",", "\t", ";"):
        cells = [c.strip().strip('"').lower() for c in first.split(delimiter)]
        if len(cells) >= 2 and all(_HEADER_CELL.match(c) for c in cells) and (
                _TEXT_COLUMNS & set(cells) or name.lower().endswith((".csv", ".tsv"))):
            return Format.CSV
    if name.lower().endswith((".csv", ".tsv")):
        return Format.CSV
    return Format.TEXT


def _gunzip_head(data: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 8192)
    except zlib.error:
        return data


def _head_text(head: bytes) -> str:
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(encoding, "ignore")
    return head.decode("utf-8", "ignore")


def read_path(path: Path) -> Iterator[Item]:
    """Every document in one file, streamed; a file that cannot be read is one refusal."""
    try:
        with path.open("rb") as f:
            head = f.read(8192)
    except OSError as exc:
        yield Refusal(str(path), Format.TEXT, f"{path}: {exc.strerror}")
        return
    fmt = sniff(head, path.name)
    if fmt is Format.JSONL:
        from kg.sources.jsonl import read_jsonl

        yield from read_jsonl(path)
    elif fmt is Format.CSV:
        from kg.sources.table import read_csv

        yield from read_csv(path)
    elif fmt is Format.WARC:
        from kg.sources.warc import read_warc

        yield from read_warc(path)
    else:
        yield from _read_page(path, fmt)


def _read_page(path: Path, fmt: Format) -> Iterator[Item]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Refusal(str(path), fmt, f"{path}: {size} bytes is over the {MAX_BYTES}-byte limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Refusal(str(path), fmt, f"{path}: {exc.strerror}")
        return
    yield Record(doc_id_for(path), str(path), fmt, fmt, data)


def read_bytes(data: bytes, name: str, doc_id: str | None = None) -> Iterator[Item]:
    """Every document in bytes that came without a file (a request body), read as a file
    named ``name`` would be; a single page's id is ``doc_id``, else made from ``name``."""
    import tempfile

    from kg.documents import doc_id_for_url

    fmt = sniff(data[:8192], name)
    if fmt in (Format.TEXT, Format.HTML):
        yield Record(doc_id or doc_id_for_url(name), name, fmt, fmt, data)
        return
    with tempfile.NamedTemporaryFile(suffix="-" + Path(name).name[-50:]) as f:
        f.write(data)
        f.flush()
        for item in read_path(Path(f.name)):
            yield _renamed(item, f.name, name)


def _renamed(item: Item, temp: str, name: str) -> Item:
    from dataclasses import replace

    if isinstance(item, Record):
        return replace(item, source=item.source.replace(temp, name))
    return replace(item, source=item.source.replace(temp, name),
                   reason=item.reason.replace(temp, name))


def iter_items(paths: list[Path]) -> Iterator[Item]:
    """Every document in every file, in order."""
    for path in paths:
        yield from read_path(path)
