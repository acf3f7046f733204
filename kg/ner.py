"""Entity spans for ``kg ner``: JSON Lines in, JSON Lines out (ONTOLOGY.md, end exclusive).

Spans come from the CRF tagger trained on CLUENER2020 (:mod:`kg.extract.tagger`);
where a rule-based mention covers exactly the same span, its finer class is used
(Official for Person, County for a place that is a county). Offsets are on the
text exactly as given.
"""

from __future__ import annotations

import json
from typing import IO

from kg.extract.mentions import find_mentions
from kg.extract.model import EntityType
from kg.extract.segment import split_sentences
from kg.extract.tagger import LABEL_TO_TYPE, tag


def recognise(text: str, scheme: str = "cluener") -> list[dict]:
    """Entity spans of one text, in order, no overlaps, with the classes of ``scheme``'s model
    (cluener: people, government bodies, companies, organisations, titles, places; msra:
    people, places, organisations)."""
    found = find_mentions(text, split_sentences(text), None, use_tagger=False)
    finer = {(m.start, m.end): m.type.value for m in found.mentions}
    # A name the rules read after a title (市委书记庄悦群) has its edges checked against what
    # follows it; where the CRF's name overlaps it with other edges, the rule's are kept.
    titled = [(p.start, p.end) for p in found.people if p.titles]
    out = []
    for start, end, label in tag(text, scheme=scheme):
        if label not in LABEL_TO_TYPE:
            continue
        coarse = LABEL_TO_TYPE[label]
        etype = coarse.value if isinstance(coarse, EntityType) else coarse
        if label in ("name", "PER"):
            start, end = next(((a, b) for a, b in titled if a < end and start < b), (start, end))
        rule_type = finer.get((start, end))
        if rule_type and _same_family(etype, rule_type):
            etype = rule_type
        if out and out[-1]["end"] > start:
            continue  # the rule's wider name already covers this one
        out.append({"start": start, "end": end, "type": etype, "text": text[start:end]})
    return out


# Finer classes that keep the tagger's coarse class (an organisation's rule class may
# disagree with the tagger's, and then the tagger, trained for it, is kept).
_FAMILIES = [{"Person", "Official"},
             {"Place", "Province", "Prefecture", "County", "Township", "Village", "Park"}]


def _same_family(a: str, b: str) -> bool:
    return any(a in f and b in f for f in _FAMILIES)


def run_jsonl(src: IO[str], dst: IO[str], err: IO[str], scheme: str = "cluener") -> int:
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
        dst.write(json.dumps({"id": record.get("id", number), "entities": recognise(text, scheme)},
                             ensure_ascii=False) + "\n")
    return bad
