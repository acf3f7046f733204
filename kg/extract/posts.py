"""Posts: each title of a person, with the region it governs and the organisation it is in."""

from __future__ import annotations

import re

from kg.extract.lexicon import COMPANY_TITLES, LEVEL_CHARS, TITLE_HEADS
from kg.extract.people import foreign_prefix
from kg.extract.mentions import Mentions
from kg.extract.model import ORG_TYPES, REGION_TYPES, EntityType, Post
from kg.extract.regions import load_gazetteer
from kg.extract.segment import Sentence

_STRIP_TYPES = ORG_TYPES - {EntityType.GOVERNMENT_BODY} | {EntityType.PARK, EntityType.PLACE}
_LEVEL_PREFIXES = ("常务副", "副", "")
_GENERIC_ORGS = ("该公司", "公司", "集团", "企业", "该企业")


def find_posts(text: str, sentences: list[Sentence], found: Mentions,
               home: str | None) -> list[Post]:
    posts: dict[tuple[str, str], Post] = {}
    for person in found.people:
        if not person.titles:
            continue
        key = next(m.key for m in found.mentions if m.start == person.start and m.end == person.end)
        sentence = _sentence_of(sentences, person.start)
        inherited: dict[str, str] = {}
        for t_start, t_end, _ in person.titles:
            title, region, org = _parse_title(text, t_start, t_end, found)
            if not title:
                continue
            level = _level_char(title)
            if region is None and level:
                region = inherited.get(level) or _context_region(level, t_start, found, home)
            if region and level:
                inherited[level] = region
            if title in COMPANY_TITLES or org and found.entity(org).type == EntityType.COMPANY:
                region = None
            posts.setdefault((key, title), Post(key, title, region, org, sentence))
    return list(posts.values())


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.index
    return 0


def _parse_title(text: str, start: int, end: int, found: Mentions
                 ) -> tuple[str, str | None, str | None]:
    """昌吉州党委书记 → (州党委书记, region/652300, None); 总裁 of a company → org."""
    pos, region, org = start, None, None
    inner = sorted(found.in_span(start, end), key=lambda m: (m.start, -m.end))
    for m in inner:
        if m.start != pos or m.end >= end:
            continue
        if m.type in _STRIP_TYPES:
            if m.type in ORG_TYPES:
                org = m.key
            pos = m.end
        elif m.type in REGION_TYPES:
            region = m.key
            keep_level = m.text[-1] in LEVEL_CHARS and text[m.end] != m.text[-1]
            pos = m.end - 1 if keep_level else m.end
    title = re.sub(r"^[(（][^)）]{1,10}[)）]", "", text[pos:end])
    for generic in _GENERIC_ORGS:
        if title.startswith(generic) and len(title) > len(generic) + 1:
            title = title[len(generic):]  # 公司董事长 → 董事长: "the company" is no part of the title
            break
    if title.endswith("总书记"):
        title = "总书记"
    foreign = foreign_prefix(title[:-2]) if len(title) > 3 else None
    if foreign and title.startswith(foreign) and title[len(foreign):] in TITLE_HEADS:
        title = title[len(foreign):]  # 法国总统 → 总统: a foreign country is no part of the title
    return title, region, org


# 自治区党委书记 governs a province-level region, 自治州州长 a prefecture, 自治县县长 a county.
_AUTONOMOUS = {"自治区": "省", "自治州": "州", "自治县": "县", "自治旗": "旗"}


def _level_char(title: str) -> str | None:
    for prefix in _LEVEL_PREFIXES:
        rest = title[len(prefix):]
        if not title.startswith(prefix) or not rest:
            continue
        if rest[:3] in _AUTONOMOUS and len(rest) > 3:
            return _AUTONOMOUS[rest[:3]]
        if rest[0] in LEVEL_CHARS:
            return rest[0]
    return None


def _context_region(level: str, offset: int, found: Mentions, home: str | None) -> str | None:
    """The region a bare 市长 governs: the paper's own, else the nearest one named before."""
    gaz = load_gazetteer()
    wanted = LEVEL_CHARS[level]
    if home:
        hit = gaz.ancestor_of_type(home, wanted)
        if hit:
            return f"region/{hit}"
    best = None
    for m in found.mentions:
        if m.start >= offset:
            break
        if m.type in REGION_TYPES:
            hit = gaz.ancestor_of_type(found.entity(m.key).region.key, wanted)  # type: ignore[union-attr]
            if hit:
                best = f"region/{hit}"
    return best
