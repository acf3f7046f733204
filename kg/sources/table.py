"""CSV collections: a header row naming the columns, then one article a row, streamed."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from kg.documents import MAX_BYTES, legacy_encoding
from kg.errors import DocumentError
from kg.sources import Format, Item, Refusal
from kg.sources.records import TEXT_FIELDS, record_of


def read_csv(path: Path) -> Iterator[Item]:
    """Rows as records (see :func:`kg.sources.records.record_of`); the encoding is told from
    the first 64 KB, the delimiter (comma, tab, semicolon) from the header line."""
    try:
        encoding = _encoding(path)
    except DocumentError as exc:
        yield Refusal(str(path), Format.CSV, str(exc))
        return
    csv.field_size_limit(MAX_BYTES)
    with path.open("r", encoding=encoding, newline="") as f:
        header = f.readline()
        delimiter = max(",\t;", key=header.count)
        columns = next(csv.reader([header], delimiter=delimiter), [])
        names = {c.strip().lower() for c in columns}
        if not names & set(TEXT_FIELDS):
            yield Refusal(str(path), Format.CSV,
                          f"{path}: no text column (the header has {', '.join(columns) or 'nothing'}; "
                          f"name the article text column 'text' or 'content')")
            return
        rows = csv.DictReader(f, fieldnames=columns, delimiter=delimiter)
        number = 1
        try:
            for number, row in enumerate(rows, 2):
                yield record_of({k: v for k, v in row.items() if isinstance(k, str)},
                                f"{path}:{number}", Format.CSV)
        except (UnicodeDecodeError, csv.Error) as exc:
            yield Refusal(f"{path}:{number + 1}", Format.CSV,
                          f"{path}: unreadable after row {number}: {exc}; the rest of the file is skipped")


def _encoding(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(65536)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if b"\x00" in head:
        raise DocumentError(f"{path}: binary content (NUL bytes), not a CSV file")
    for cut in range(4):  # the sample may end inside a character
        try:
            head[:len(head) - cut].decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            continue
    encoding = legacy_encoding(head, sample=True)
    if encoding is None:
        raise DocumentError(f"{path}: cannot detect the text encoding (not UTF-8, GB18030 or Big5)")
    return encoding
