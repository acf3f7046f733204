"""Arrivals a host welcomes: 孙涛代表市委、市政府对朱军一行的到来表示欢迎.

A page about a meeting rarely says that the guests travelled, but when the host welcomes their
到来 it does: the guests came to the host's region. Each such guest visits that region (the
jurisdiction of the welcoming host's post, else the region the page is surely about). A
welcomed group with no name in the clause (对代表团一行的到来) is the page's guests: those of
its meetings.
"""

from __future__ import annotations

import re

from kg.extract.events import add_place_entities
from kg.extract.mentions import Mentions
from kg.extract.model import PERSON_TYPES, Event, EventType, Post
from kg.extract.places import LEVEL_ORDER
from kg.extract.regions import load_gazetteer
from kg.extract.segment import Sentence

# 对X一行的到来表示欢迎, 对代表团的到来表示热烈欢迎: the welcomed, between 对 and 的到来.
_WELCOMED = re.compile(r"对([^，,。；;]{2,40}?)的到来表示[\u4e00-\u9fff]{0,4}欢迎")
_GROUP = re.compile("一行|代表团|考察团|客人|嘉宾")


def find_arrivals(sentences: list[Sentence], found: Mentions, events: list[Event],
                  posts: list[Post], home: str | None) -> list[Event]:
    """Visits of the guests a host welcomes to the host's region (see the module)."""
    out: list[Event] = []
    guests_of_meetings = [p for e in events if e.type is EventType.MEETING for p in e.participants]
    for s in sentences:
        people = [m for m in found.in_span(s.start, s.end) if m.type in PERSON_TYPES]
        for w in _WELCOMED.finditer(s.text):
            a, b = s.start + w.start(1), s.start + w.end(1)
            named = [m.key for m in people if a <= m.start and m.end <= b]
            if not named and _GROUP.search(w.group(1)):
                named = list(dict.fromkeys(guests_of_meetings))
            hosts = [m for m in people if m.end <= a]
            region = _region_of(hosts[-1].key if hosts else None, posts) or home
            if not region or not region.startswith("region/"):
                continue
            day = next((e.date for e in reversed(events) if e.sentence <= s.index and e.date), None)
            out += [Event(EventType.VISIT, g, (region,), (), day, s.index) for g in named
                    if not _region_of(g, posts) == region]
    add_place_entities(found, out)
    return out


def _region_of(person: str | None, posts: list[Post]) -> str | None:
    """The most local region of the person's posts (省委常委、三亚市委书记 → 三亚市)."""
    regions = load_gazetteer().regions
    held = [p.jurisdiction for p in posts if p.person == person and p.jurisdiction
            and p.jurisdiction.removeprefix("region/") in regions]
    return max(held, key=lambda k: LEVEL_ORDER.get(regions[k.removeprefix("region/")].type, -1), default=None)
