"""JSON Lines collections: one article object a line, streamed line by line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.sources import Format, Item, Refusal
from kg.sources.records import record_of


def read_jsonl(path: Path) -> Iterator[Item]:
    """Each line a JSON object (see :func:`kg.sources.records.record_of`); blank lines are
    skipped, a line that is not a JSON object is refused with its number."""
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                value = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                yield Refusal(where, Format.JSONL, f"{where}: not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Refusal(where, Format.JSONL, f"{where}: not JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(value, dict):
                yield Refusal(where, Format.JSONL, f"{where}: a record must be a JSON object, "
                                                   f"not {type(value).__name__}")
                continue
            yield record_of(value, where, Format.JSONL)
