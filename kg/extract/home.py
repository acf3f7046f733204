"""The page's home region when no masthead or caller names it: read from the page itself.

Most web pages carry no masthead, yet make their region plain: the source line (来源：今日高邮),
the breadcrumb (大冶要闻), a dateline (新华社南宁5月13日电), the regions the body names and how
often, the deixis of a local writer (我县, 全市) and the bare titles of its own officials (县委书记,
副市长), and one-character forms of its name (来泾督查, 在通发展). :func:`infer_home` weighs
these into one region and says how sure it is (:class:`Home`): a share of the page's region
evidence that agrees with the answer, times how much evidence there is.

Reads the raw text and the gazetteer (one scan of region names); writes nothing.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.lexicon import HOME_DEIXIS_WORDS, LEVEL_CHARS, OWN_OFFICE_HEADS, SURNAMES, TITLE_HEADS
from kg.extract.media import SOURCE_LINE
from kg.extract.model import EntityType, Region
from kg.extract.places import LEVEL_ORDER
from kg.extract.regions import Gazetteer, load_gazetteer
from kg.extract.segment import is_word, word_freq, word_tag

if TYPE_CHECKING:
    from kg.extract.annotate import Annotations


@dataclass(frozen=True)
class Home:
    """A home region key (None: the page does not say), how sure (0–1) and from what."""

    key: str | None
    confidence: float
    source: str


NO_HOME = Home(None, 0.0, "none")

_BREADCRUMB = re.compile(r"(?:当前位置|您所在的位置|您的位置|所在位置)\s*[:：]?([^\n]{2,80})")
# 新华社南宁5月13日电, 本报南宁讯, 中新网昆明3月1日电: the place the story was filed from.
_DATELINE = re.compile(r"(?:新华社|中新社|中新网|人民网|央视网|本报|本网)([\u4e00-\u9fff]{2,8}?)"
                       r"(?:\d{1,2}月\d{1,2}日)?(?:电|讯)")
# 来泾督查, 在通发展: the one-character form of the writer's own place after a verb of place.
_ONE_CHAR = re.compile(r"(?=([来在赴驻回返留抵扎])([\u4e00-\u9fff])[后发投创考调工期督就兴落，。、 ])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEVELS = "".join(LEVEL_CHARS)
_HOME_DEIXIS = re.compile(f"(?:{'|'.join(HOME_DEIXIS_WORDS)})([{_LEVELS}])")
_OWN_OFFICE_WORDS = re.compile(f"([{_LEVELS}])(?:{'|'.join(OWN_OFFICE_HEADS)})")

_FULL, _SHORT, _TOWN_SHORT = 1.0, 0.6, 0.25  # weight of one mention, by how it is written
_HEADER, _SOURCE, _DATELINE_W, _ONE_CHAR_W = 2.0, 4.0, 3.0, 1.0
_HEADER_LINES = 6


def infer_home(text: str, notes: Annotations | None = None) -> Home:
    """The region ``text`` is about, from the text alone.

    >>> infer_home("县委书记到镇里调研。我县位于紫阳县……紫阳县向阳镇、洄水镇").key
    '610924'
    """
    gaz = load_gazetteer()
    evidence = _Evidence(gaz)
    hits = notes.regions(villages=False) if notes is not None else gaz.scan(text, villages=False)
    _weigh_mentions(text, hits, evidence)
    header_end = _header_end(text)
    for start, end, name, keys in hits:
        if start < header_end:
            evidence.add(keys, _HEADER * _written_weight(text, start, end, name, keys, gaz))
    for span_text, weight in _named_sources(text):
        for _, _, name, keys in gaz.scan(span_text, villages=False):
            if len(name) > 1 and _usable(span_text, 0, len(name), name, keys, gaz):
                evidence.add(keys, weight)
    _weigh_one_char_forms(text, evidence)
    levels = _level_signals(text, hits)
    return evidence.decide(levels)


class _Evidence:
    """Weighted votes per region key; a vote for a region is a vote for its ancestors."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.direct: dict[str, float] = defaultdict(float)
        self.pending: list[tuple[list[str], float]] = []

    def add(self, keys: list[str], weight: float) -> None:
        if len(keys) == 1:
            self.direct[keys[0]] += weight
        else:
            self.pending.append((keys, weight))

    def rolled(self) -> dict[str, float]:
        """Each key's votes plus its descendants'; ambiguous names split by the support their
        candidates' ancestors have from the page's unambiguous names."""
        out: dict[str, float] = defaultdict(float)
        for key, w in self.direct.items():
            for a in self.gaz.ancestors(key):
                out[a] += w
        prior = dict(out)
        for keys, w in self.pending:
            support = [1.0 + 4.0 * sum(prior.get(a, 0.0) for a in self.gaz.ancestors(k)[1:])
                       for k in keys]
            total = sum(support)
            for k, s in zip(keys, support):
                for a in self.gaz.ancestors(k):
                    out[a] += w * s / total
        return out

    def decide(self, levels: dict[str, float]) -> Home:
        rolled = self.rolled()
        regions = self.gaz.regions
        total = sum(w for k, w in rolled.items() if regions[k].parent is None)
        if total < 0.5:
            return NO_HOME
        chain = _descend(rolled, regions)
        wanted = _wanted_level(levels)
        key = _pick_level(chain, rolled, self.gaz, wanted, self.direct) or (chain[-1] if chain else None)
        if key is None:
            return NO_HOME
        # Votes for the home's ancestors agree with it too (湖南省 on a page about 常宁市).
        agreeing = rolled[key] + sum(self.direct.get(a, 0.0) for a in self.gaz.ancestors(key)[1:])
        share = agreeing / total
        amount = 1.0 - math.exp(-rolled[key] / 3.0)
        agrees = (wanted is None or _fits(regions[key], wanted)
                  or LEVEL_ORDER[LEVEL_CHARS[wanted]] < LEVEL_ORDER[regions[key].type])
        confidence = share * amount * (1.0 if agrees else 0.6)
        reasons = [f"{agreeing:.1f} of {total:.1f} region votes"]
        if wanted:
            reasons.append(f"own-level words {wanted}")
        return Home(key, round(min(confidence, 0.95), 2), "page: " + ", ".join(reasons))


def _descend(rolled: dict[str, float], regions: dict[str, Region]) -> list[str]:
    """From the best province down while one child holds most of its siblings' votes, to the
    county at most; a township page's own words (我镇) lead below it (:func:`_pick_level`)."""
    children: dict[str | None, list[str]] = defaultdict(list)
    for k in rolled:
        children[regions[k].parent].append(k)
    chain: list[str] = []
    current: str | None = None
    while True:
        options = [k for k in children.get(current, ())
                   if LEVEL_ORDER[regions[k].type] <= LEVEL_ORDER[EntityType.COUNTY]]
        if not options:
            return chain
        best = max(options, key=lambda k: rolled[k])
        siblings = sum(rolled[k] for k in options)
        # A child leads when it holds most of its siblings' votes and a fair part of its
        # parent's own (a page naming 湖南省 twenty times and 长沙 once is about the province).
        if current is not None and (rolled[best] < 0.5 * siblings or rolled[best] < 0.9
                                    or rolled[best] < 0.3 * rolled[current]):
            return chain
        chain.append(best)
        current = best


def _wanted_level(levels: dict[str, float]) -> str | None:
    """The level the writer speaks from: the lowest level word it uses as its own. Not the
    province's: 省委 and 全省 are on every page of a province, whatever its level."""
    for char in ("镇", "乡", "县", "旗", "区", "市", "州", "盟"):
        if levels.get(char, 0.0) >= 1.0:
            return char
    return None


def _fits(region: Region, char: str) -> bool:
    """Whether a writer whose own level word is ``char`` can be speaking from ``region``
    (市: a prefecture or a county-level city; 县: a county whose name ends in 县)."""
    level = LEVEL_CHARS[char]
    if char == "市":
        return region.name.endswith("市") and region.type in (EntityType.PREFECTURE,
                                                               EntityType.COUNTY)
    if char in ("县", "区", "旗", "州"):
        return region.type == level and region.name.endswith(char)
    return region.type == level


def _pick_level(chain: list[str], rolled: dict[str, float], gaz: Gazetteer,
                wanted: str | None, direct: dict[str, float] | None = None) -> str | None:
    """The region of the level the writer speaks from: on the dominant chain, else the best
    voted region of that level under the chain's deepest region that has one."""
    if wanted is None or not chain:
        return None
    regions = gaz.regions
    fitting = [k for k, w in rolled.items() if w >= 0.2 and _fits(regions[k], wanted)]
    # (a city only: the guests of a city's leaders come from other provinces; a district's
    # writer names its own city's districts around it)
    anywhere = max(fitting, key=lambda k: rolled[k], default=None) if wanted == "市" else None
    for key in reversed(chain):
        if _fits(regions[key], wanted):
            # 市委书记 on a page naming 周口市 six times and a visiting county of 哈密 more: a
            # city the page never names, only above a county it does, is not the writer's when
            # another city is named often in its own name.
            named = max((k for k in fitting if k != key), key=lambda k: (direct or {}).get(k, 0.0),
                        default=None) if wanted == "市" and direct is not None else None
            if (named and not direct.get(key) and direct.get(named, 0.0) >= 2.0
                    and key not in gaz.ancestors(named)):
                return named
            return key
    for top in reversed(chain):
        below = [k for k in fitting if top in gaz.ancestors(k)]
        if below:
            best = max(below, key=lambda k: rolled[k])
            # 宁波 named five times beside a visiting province and its capital named once: a
            # city of the writer's level the page names far more often than any under the
            # province is the writer's own (the province is the guests').
            if anywhere and rolled[anywhere] >= 2.0 * rolled[best] + 1.0:
                return anywhere
            return best
    # 市长 on a page whose most named region is a visiting prefecture (黔西南州): a city the
    # page names often enough is the writer's, as no region on the dominant chain can be.
    return anywhere if anywhere and rolled[anywhere] >= 2.0 else None


def _weigh_mentions(text: str, hits: list, evidence: _Evidence) -> None:
    gaz = evidence.gaz
    # 与来访的黑河市委书记A座谈 … 珠海与黑河同属…: once the page names a region as the guests',
    # its other mentions are the guests' too.
    guests = {keys[0] for start, end, name, keys in hits
              if len(keys) == 1 and _surely_visitors(text, start, end)}
    for start, end, name, keys in hits:
        w = _written_weight(text, start, end, name, keys, gaz)
        if w and (_visitors_region(text, start, end) or guests.intersection(keys)):
            w *= _VISITORS
        if w:
            evidence.add(keys, w)


# 会见了来访的黑河市委书记A; 辽宁省政府代表团来甬考察: a region that names the visiting party
# (in the title of the one met, before the delegation's word) is the guests' home, not the page's.
_VISITORS = 0.25
_GUEST_BEFORE = re.compile(r"(?:会见了?|会谈|座谈|接见了?|会晤|与|同)(?:来访的|到访的|前来[^，,。]{0,6}的)?$")
_PARTY_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:党政代表团|代表团|考察团|访问团|客人)")


def _surely_visitors(text: str, start: int, end: int) -> bool:
    """来访的黑河市委书记, 辽宁省政府代表团: said of the guests in so many words (not only after
    与 or 同, which join the two sides alike)."""
    return bool(re.search(r"(?:来访的|到访的|前来[^，,。]{0,6}的)$", text[max(0, start - 12):start])
                or _PARTY_AFTER.match(text[end:end + 12]))


def _visitors_region(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start]
    return bool(_GUEST_BEFORE.search(before) or re.search(r"(?:来访的|到访的)$", before)
                or _PARTY_AFTER.match(text[end:end + 12]))


def _written_weight(text: str, start: int, end: int, name: str, keys: list[str],
                    gaz: Gazetteer) -> float:
    """A full name counts whole; a short form less, a township's short form little, and a
    short form that is a common word (发展, 建设) or straddles one not at all."""
    regions = [gaz.regions[k] for k in keys]
    if any(r.name == name for r in regions):
        # 代理县长 holds 理县: a two-character full name that straddles a word counts nothing
        return 0.0 if len(name) == 2 and _straddles(text, start, end) else _FULL
    if not _usable(text, start, end, name, keys, gaz) or _in_a_persons_name(text, start, end):
        return 0.0
    if all(r.type in (EntityType.TOWNSHIP, EntityType.VILLAGE) for r in regions):
        return _TOWN_SHORT
    return _SHORT


def _in_a_persons_name(text: str, start: int, end: int) -> bool:
    """免除路正阳同志…一职, 常务副县长路正阳: a short form (正阳) after a surname, the two a name
    that 同志 follows or a title precedes, names a person, not the region (正阳县)."""
    if start < 1 or text[start - 1] not in SURNAMES or end - start != 2:
        return False
    return text.startswith("同志", end) or text[max(0, start - 8):start - 1].endswith(_TITLE_HEADS)


_TITLE_HEADS = tuple(TITLE_HEADS)


def _usable(text: str, start: int, end: int, name: str, keys: list[str], gaz: Gazetteer) -> bool:
    if any(gaz.regions[k].name == name for k in keys):
        return True
    tag = word_tag(name) or ""
    freq = word_freq(name)
    if tag != "ns" and (freq >= 1000 or (tag[:1] in ("v", "a", "d", "c") and freq >= 100)):
        return False
    return not _straddles(text, start, end)


def _straddles(text: str, start: int, end: int) -> bool:
    """Whether the name's first character ends a word before it, or its last starts one."""
    left = text[start - 1:start + 1] if start > 0 else ""
    right = text[end - 1:end + 1] if end < len(text) else ""
    return ((len(left) == 2 and _CJK.match(left[0]) and is_word(left))
            or (len(right) == 2 and _CJK.match(right[1]) and is_word(right)))


def _header_end(text: str) -> int:
    """The end of the page's head: its first few short lines (headline, breadcrumb, byline)."""
    pos = 0
    for i, line in enumerate(text.split("\n")):
        if i >= _HEADER_LINES or len(line) > 60:
            break
        pos += len(line) + 1
    return pos


def _named_sources(text: str) -> list[tuple[str, float]]:
    """Spans that name the page's own paper, site or filing place, with their weight."""
    out = [(m.group(1), _SOURCE) for m in SOURCE_LINE.finditer(text[:3000])]
    out += [(m.group(1), _HEADER) for m in _BREADCRUMB.finditer(text[:3000])]
    out += [(m.group(1), _DATELINE_W) for m in _DATELINE.finditer(text[:3000])]
    return out


def _weigh_one_char_forms(text: str, evidence: _Evidence) -> None:
    """来泾督查: one character of a county's or city's name, after a verb of place, votes for
    the regions with some votes already whose two-character stem holds it."""
    gaz = evidence.gaz
    seen: dict[str, float] = defaultdict(float)
    for m in _ONE_CHAR.finditer(text):
        i = m.start(2)
        if not is_word(text[i - 1:i + 1]):
            # 来 (come here) speaks from the place; 在, 赴, 驻 only name it
            seen[text[i]] += 2.0 if m.group(1) == "来" else 1.0
    if not seen:
        return
    rolled = evidence.rolled()
    for key, votes in rolled.items():
        region = gaz.regions[key]
        if region.type not in (EntityType.PREFECTURE, EntityType.COUNTY) or votes <= 0:
            continue
        stem = region.name[:2]
        for char in {stem[0], stem[1]}:
            if seen.get(char):
                evidence.direct[key] += _ONE_CHAR_W * seen[char]


def _level_signals(text: str, hits: list) -> dict[str, float]:
    """How strongly the writer speaks from each level: 我县/全县/本县 (a vote each) and bare
    titles of its own offices (县委书记, 副县长, 县政府 — half a vote each)."""
    in_name = {end - 1 for _, end, _, _ in hits}
    out: dict[str, float] = defaultdict(float)
    for m in _HOME_DEIXIS.finditer(text):
        out[m.group(1)] += 1.0
    for m in _OWN_OFFICE_WORDS.finditer(text):
        i = m.start(1)
        if i in in_name:
            continue
        if i > 0 and _CJK.match(text[i - 1]) and text[i - 1] not in "副、和与及暨兼任驻":
            continue
        out[m.group(1)] += 0.5
    return out
