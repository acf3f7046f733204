"""Entity spans for ``kg ner``: JSON Lines in, JSON Lines out (ONTOLOGY.md, end exclusive).

Spans come from the same recognisers the extraction pipeline uses: titles, people,
regions and suffix-named organisations, parks, projects and places. Offsets are
on the text exactly as given.
"""

from __future__ import annotations

import json
from typing import IO

from kg.extract.mentions import find_mentions
from kg.extract.segment import split_sentences


def recognise(text: str) -> list[dict]:
    """Entity spans of one text, outermost first, no overlaps."""
    sentences = split_sentences(text)
    found = find_mentions(text, sentences, None)
    spans = [(m.start, m.end, m.type.value) for m in found.mentions]
    for p in found.people:
        spans += [(s, e, "Title") for s, e, _ in p.titles]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[dict] = []
    last_end = -1
    for start, end, etype in spans:
        if start < last_end:
            continue
        out.append({"start": start, "end": end, "type": etype, "text": text[start:end]})
        last_end = end
    return out


def run_jsonl(src: IO[str], dst: IO[str], err: IO[str]) -> int:
    """Process every line; a bad line is reported on ``err`` and skipped. Returns bad lines."""
    bad = 0
    for number, line in enumerate(src, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
        except (ValueError, KeyError, TypeError) as exc:
            bad += 1
            err.write(f"kg ner: line {number}: {exc.__class__.__name__}: {exc} (want {{\"id\", \"text\"}})\n")
            continue
        dst.write(json.dumps({"id": record.get("id", number), "entities": recognise(text)},
                             ensure_ascii=False) + "\n")
    return bad
