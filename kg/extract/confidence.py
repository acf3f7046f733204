"""How sure the extractor is of each event and post, and which extractor it was.

A confidence is a score in [0.05, 0.99] that the rules give a fact from what they saw; it is
not a calibrated probability. It starts from the kind of fact and moves with the evidence:

Events (start: visit 0.70, meeting 0.75, signing 0.60, conference 0.55)

- raised by 0.10 when the day is written in the sentence itself (4月9日, 昨日 …), by 0.05 when
  the agent's post is stated in the same sentence (市委书记庄悦群到…), by 0.05 when every
  place is a region of the GB/T 2260 gazetteer;
- lowered by 0.20 when no day is known at all (近日, 日前), by 0.15 when no agent is named
  (a signing naming only its parties), by 0.05 for every place beyond the third (long 、
  lists are where place splitting goes wrong).

Posts (start: 0.70)

- raised by 0.15 when the post's region or organization is resolved, by 0.10 when the title is
  written right before the name (市委书记庄悦群);
- lowered by 0.10 when the title is longer than eight characters (a run-on title).

The extractor's version is the package version plus a hash of the extraction rules' sources and
models, so facts made by different rules can be told apart.

>>> from kg.extract.model import Event, EventType
>>> import datetime as dt
>>> event_confidence(Event(EventType.VISIT, "person/x", ("region/440902",), (), dt.date(2026, 4, 9), 0),
...                  "4月9日，王某到茂南区调研。", has_post=False)
0.85
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import replace
from pathlib import Path

from kg.extract.model import EVENT_KINDS, Event, Facts, Post

_RELATIVE_DAY = re.compile(r"昨日|昨天|前天|今天|今日|当天|当日|上午|下午")


def _clamp(x: float) -> float:
    return round(min(0.99, max(0.05, x)), 2)


def event_confidence(event: Event, sentence: str, has_post: bool) -> float:
    score = EVENT_KINDS[event.type].confidence
    if event.date is None:
        score -= 0.20
    elif f"{event.date.month}月{event.date.day}日" in sentence or _RELATIVE_DAY.search(sentence):
        score += 0.10
    if event.agent is None:
        score -= 0.15
    elif has_post:
        score += 0.05
    if event.places and all(p.startswith("region/") for p in event.places):
        score += 0.05
    score -= 0.05 * max(0, len(event.places) - 3)
    return _clamp(score)


def post_confidence(post: Post, sentence: str, person_label: str | None) -> float:
    score = 0.70
    if post.jurisdiction or post.org:
        score += 0.15
    if person_label and f"{post.title}{person_label}" in sentence:
        score += 0.10
    if len(post.title) > 8:
        score -= 0.10
    return _clamp(score)


@functools.cache
def extractor_version() -> str:
    """``zhkg <version>+<8 hex>``: the hash covers every rule, word list and model file."""
    from kg import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    files = sorted(p for p in [*root.rglob("*"), *(root.parent / "models").rglob("*")]
                   if p.is_file() and p.suffix in {".py", ".tsv", ".txt", ".json", ".crfsuite"})
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return f"zhkg {__version__}+{h.hexdigest()[:8]}"


def assess(facts: Facts) -> Facts:
    """Give every event and post of the page its confidence and the page the extractor's version."""
    posted = {(p.person, p.sentence) for p in facts.posts}
    events = [replace(e, confidence=event_confidence(e, facts.sentences[e.sentence],
                                                     (e.agent, e.sentence) in posted))
              for e in facts.events]
    labels = {k: e.label for k, e in facts.entities.items()}
    posts = [replace(p, confidence=post_confidence(p, facts.sentences[p.sentence],
                                                   labels.get(p.person)))
             for p in facts.posts]
    return replace(facts, events=events, posts=posts, extractor=extractor_version())
