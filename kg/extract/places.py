"""Finding administrative regions in text and resolving each to one GB/T 2260 region.

Reads the document text; writes region :class:`Mention` records. Ambiguous names
(several 新华镇 exist) are resolved by the regions the page is about: the paper's
home region and the names that can only mean one region.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kg.extract.index import Cover
from kg.extract.model import EntityType, Mention, Region
from kg.extract.regions import Gazetteer, load_gazetteer
from kg.extract.segment import is_word, line_words, word_freq, word_tag

LEVEL_ORDER = {EntityType.PROVINCE: 0, EntityType.PREFECTURE: 1, EntityType.COUNTY: 2,
                EntityType.TOWNSHIP: 3, EntityType.VILLAGE: 4}


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    text: str
    candidates: tuple[Region, ...]


def _is_place_word(word: str) -> bool:
    """jieba tags it as a place (ns): a short form jieba knows otherwise is risky."""
    return word_tag(word) == "ns"


# jieba's tags of ordinary words (nouns, verbs, adjectives, distinguishing words): a township's
# short form so tagged (建设, 振兴, 同心, 清源, 三营) is read as the word it also is.
_WORD_TAGS = ("n", "v", "vn", "a", "ad", "an", "b")


def common_word(word: str) -> bool:
    return word_tag(word) in _WORD_TAGS


def _among_places(text: str, start: int, end: int) -> bool:
    """An item of a list of places (龙虬、卸甲、八桥; 乐英—新场): beside a 、 or a dash."""
    return (start > 0 and text[start - 1] in "、—") or (end < len(text) and text[end] in "、—")


def _whole_words(text: str, start: int, end: int) -> bool:
    """jieba reads the span as place words of its own (山东|临沂): no word crosses its edges."""
    line_start, _, line_words_, starts = line_words(text, start)
    a, b = start - line_start, end - line_start
    words = []
    for k in range(bisect.bisect_left(starts, a), len(starts)):  # the words inside [a, b]
        if line_words_[k][1] > b:
            break
        words.append(line_words_[k])
    return bool(words) and words[0][0] == a and words[-1][1] == b and all(w[3] == "ns" for w in words)


def _crosses_word(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word straddles the span's edge (平安康 holds 平安: not 安康)."""
    for i in range(max(0, start - 3), start):
        for j in range(start + 1, min(end, i + 4) + 1):
            if j - i >= 2 and is_word(text[i:j]) and j < end:
                return True
    for i in range(max(start, end - 3), end):
        for j in range(end + 1, min(len(text), i + 4) + 1):
            if j - i >= 2 and is_word(text[i:j]):
                return True
    return False


def _cut_on_the_left(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word begins before the span and ends inside it (提高|城乡 holds
    高城乡, which is no township there)."""
    return any(is_word(text[i:j]) for i in range(max(0, start - 3), start)
               for j in range(start + 1, min(end, i + 4)) if j - i >= 2)


def _scan(text: str, gaz: Gazetteer, hits: list[tuple[int, int, str, list[str]]] | None) -> list[_Match]:
    """Longest gazetteer names, left to right, no overlaps."""
    return [_Match(start, end, name, tuple(gaz.regions[k] for k in keys))
            for start, end, name, keys in (gaz.scan(text) if hits is None else hits)]


# 副主任熊德蓉和县乡村振兴指挥部, 张三和县委副书记, 乡镇、开发区和县直单位: 和 joins, and 县 opens a
# word of the county's own (县委, 县乡, 县直, 县域); 和县 the county is written 和县县委, 安徽和县.
_LEVEL_WORD_AFTER = ("委", "乡", "直", "域", "级", "城", "人大", "政府", "政协", "领导", "长")


def _conjunction_and_level(text: str, match: _Match) -> bool:
    return (len(match.text) == 2 and match.text[0] in "和与及同并" and match.text[1] in "县区市"
            and text.startswith(_LEVEL_WORD_AFTER, match.end))


def _is_short(match: _Match) -> bool:
    return all(match.text != r.name for r in match.candidates)


def _a_frequent_verb(match: _Match) -> bool:
    """同甘肃合作, 扩大在甘肃的合作领域: a short form that is a frequent verb (合作, ≥ 1,000 in
    jieba's dictionary) is the verb, not 合作市 (jieba also tags 遵义 a verb: it is rare)."""
    return (_is_short(match) and word_tag(match.text) in ("v", "vn") and word_freq(match.text) >= 1000
            and all(r.type in (EntityType.COUNTY, EntityType.TOWNSHIP, EntityType.VILLAGE)
                    for r in match.candidates))  # (河南开封: a city's short form is written as often)


def find_regions(text: str, home: str | None = None,
                 hits: list[tuple[int, int, str, list[str]]] | None = None) -> list[Mention]:
    """Region mentions of ``text``, each resolved to one region key (``hits``: the names
    ``Gazetteer.scan(text)`` finds, when the page's one scan has them).

    >>> [m.key for m in find_regions("茂名市茂南区")]
    ['440900', '440902']
    """
    gaz = load_gazetteer()
    in_a_title = Cover((t.start(), t.end()) for t in _TITLE.finditer(text)).covers
    matches = [m for m in _scan(text, gaz, hits)  # strictly inside a title: a < start, end < b
               if not ((_is_short(m) or len(m.text) <= 2) and in_a_title(m.start - 1, m.end + 1))
               and not _in_a_slogan(text, m) and text[m.end:m.end + 1] != "们"  # 同老乡们: people
               and not _a_frequent_verb(m) and not _conjunction_and_level(text, m)]
    context: Counter[str] = Counter()
    if home:
        context.update(gaz.ancestors(home))
    for m in matches:
        if len(m.candidates) == 1 and not _is_short(m) and m.candidates[0].type != EntityType.VILLAGE:
            context.update(gaz.ancestors(m.candidates[0].key))
    # 西城镇联建村、团结村: the townships whose villages the page names, for a township's name
    # many counties have
    towns: Counter[str] = Counter(r.parent for m in matches for r in m.candidates
                                  if r.type is EntityType.VILLAGE and r.parent)
    out: list[Mention] = _deixis(text, home, gaz) + _home_by_one_character(text, home, gaz) if home else []
    previous: Mention | None = None
    heads = _heads_of_chains(matches)
    for m in matches:
        before = previous if previous is not None and previous.end == m.start else None
        if before is not None:
            # 湖南嘉禾, 广东茂名: a region right after another is inside it, or is not that region
            # (茂名滨海新区 is 茂名's own zone, not 天津's 滨海新区).
            inside = tuple(r for r in m.candidates
                           if r.key != before.key and before.key in gaz.ancestors(r.key))
            if inside and all(r.type is EntityType.TOWNSHIP and m.text != r.name and r.parent != before.key
                              for r in inside) and word_tag(m.text) not in (None, "ns"):
                region = None  # 贵州大地: a township's short form that is a common word, only after its county
            elif inside:
                region = inside[0] if len(inside) == 1 else _resolve(
                    _Match(m.start, m.end, m.text, inside), gaz, context, text, towns)
            elif all(LEVEL_ORDER[r.type] > LEVEL_ORDER[before.type] for r in m.candidates):
                region = None
            else:
                region = _resolve(m, gaz, context, text, towns)
        else:
            region = _resolve(m, gaz, context, text, towns)
            if region is None and m.start in heads:
                region = _resolve(_Match(m.start, m.end, m.text, heads[m.start]), gaz, context, text, towns,
                                  heads_a_chain=True)
        if region is not None:
            previous = Mention(m.start, m.end, m.text, region.type, region.key)
            out.append(previous)
            context.update(gaz.ancestors(region.key))
        else:
            previous = None
    out = _rescue_list_items(matches, out, text)
    return _with_written_level(_drop_odd_ones_in_lists(out, text, gaz), text, gaz)


def _heads_of_chains(matches: list[_Match]) -> dict[int, tuple[Region, ...]]:
    """广西南宁, 辽宁大连: where the next name, right after this one, is one of its own regions (a
    province's city, a city's county), the start of this one and the regions it can be there
    (江西 of 江西南昌 is the province, not 南宁's 江西镇). jieba reads such a pair as one word
    (广西南宁) or cuts a word across it (西南): the pair still says the place."""
    out = {}
    for m, after in zip(matches, matches[1:]):
        if after.start == m.end:
            parents = {r.parent for r in after.candidates}
            heads = tuple(c for c in m.candidates if c.key in parents)
            if heads:
                out[m.start] = heads
    return out


def _with_written_level(found: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """定日县曲当镇 where the gazetteer still has 曲当乡 (a 乡 made a 镇, or the other way): the
    township's short form and the level word the page writes are its name there."""
    out = []
    for m in found:
        name = gaz.regions[m.key].name
        level = text[m.end:m.end + 1]
        if m.type is EntityType.TOWNSHIP and level in ("镇", "乡") and name[-1] in ("镇", "乡") \
                and name[-1] != level and name == m.text + name[-1]:
            m = Mention(m.start, m.end + 1, m.text + level, m.type, m.key)
        out.append(m)
    return out


def _in_a_slogan(text: str, m: _Match) -> bool:
    """科教兴县, 工业强县: a two-character county (兴县) that a common noun right before it
    makes the end of a slogan, not a place."""
    if len(m.text) != 2 or m.start < 2 or not any(r.name == m.text for r in m.candidates):
        return False
    tag = word_tag(text[m.start - 2:m.start])
    return tag is not None and tag.startswith(("n", "vn")) and not tag.startswith(("ns", "nr", "nt"))


def _rescue_list_items(matches: list[_Match], found: list[Mention], text: str) -> list[Mention]:
    """上海、宁波、银川、成都: an item of a 、 list next to a place that was resolved is a place
    of the same kind, though alone it was too ambiguous (银川乡?) or looked like part of a
    word (登陆上海: 陆上)."""
    by_start = {m.start: m for m in found}
    by_end = {m.end: m for m in found}
    taken = {i for m in found for i in range(m.start, m.end)}
    changed = True
    while changed:
        changed = False
        for m in matches:
            if m.start in by_start or any(i in taken for i in range(m.start, m.end)):
                continue
            item_before, item_after = _list_sides(text, m.start, m.end)
            neighbour = (by_start.get(m.end + 1) if item_after else None) or (
                by_end.get(m.start - 1) if item_before else None)
            # Only cities and provinces vouch: a list of counties is as often a list of brands.
            if neighbour is None or LEVEL_ORDER[neighbour.type] > LEVEL_ORDER[EntityType.PREFECTURE]:
                continue
            near = [r for r in m.candidates
                    if abs(LEVEL_ORDER[r.type] - LEVEL_ORDER[neighbour.type]) <= 1
                    and LEVEL_ORDER[r.type] <= LEVEL_ORDER[EntityType.PREFECTURE]]
            if not near:
                continue
            region = min(near, key=lambda r: abs(LEVEL_ORDER[r.type] - LEVEL_ORDER[neighbour.type]))
            mention = Mention(m.start, m.end, m.text, region.type, region.key)
            by_start[m.start] = by_end[m.end] = mention
            taken.update(range(m.start, m.end))
            changed = True
    return sorted(by_start.values(), key=lambda x: x.start)


# 《跨江贺岁·家国长安》: a work's title; a short place form inside it is wordplay, not a place.
_TITLE = re.compile(r"《[^《》]{1,80}》")
_ITEM_ENDS = frozenset("、等和及与，。；）)")


def _list_sides(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether text[start:end] is a 、 list item with an item before it (、X followed by an
    item end: 、 等 和 ， …) and whether it has one after it (X、)."""
    after = end < len(text) and text[end] == "、"
    before = start > 0 and text[start - 1] == "、" and (end == len(text) or text[end] in _ITEM_ENDS)
    return before, after


def _drop_odd_ones_in_lists(found: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """长安 in 与长安、吉利、宁德时代: a short form standing as an item of a 、 list whose
    neighbouring items are not places is one of those things (a brand), not the county."""
    starts = {m.start for m in found}
    ends = {m.end for m in found}

    def odd(m: Mention) -> bool:
        if m.text == gaz.regions[m.key].name and len(m.text) > 2:
            return False
        before, after = _list_sides(text, m.start, m.end)
        if not (after or before):
            return False
        return not ((after and m.end + 1 in starts) or (before and m.start - 1 in ends))

    return [m for m in found if not odd(m)]


# 我县, 本市; 欢迎X一行来区考察: the one level character after 来 before a verb of visiting too.
_CAME_TO_DO = "(?=考察|调研|视察|参观|访问|指导|洽谈|投资|交流)"  # 来X考察: what a guest comes to X for
_DEIXIS = re.compile(r"(?:我|本)(省|市|州|县|区|旗|镇|乡)(?![域场份])"  # not 本区域, 本市场, 本省份
                     r"|(?<=来)(省|市|州|县|区|旗|镇|乡)" + _CAME_TO_DO)


def _deixis(text: str, home: str, gaz: Gazetteer) -> list[Mention]:
    """我县, 本市: the paper's own region, or the nearest region above it that the word names.

    The level character is read against the names of the home's chain first: on a
    county-level city's page (寿光市 under 潍坊市) 我市 is the city itself, not the prefecture
    above it; on a district's page 我市 is the prefecture; 我区 in a 自治区 is the province.
    Only where no region of the chain ends with that character does the level decide."""
    from kg.extract.lexicon import LEVEL_CHARS

    chain = gaz.ancestors(home)
    out = []
    for m in _DEIXIS.finditer(text):
        char = m.group(1) or m.group(2)
        level = LEVEL_CHARS[char]
        key = next((k for k in chain if gaz.regions[k].name.endswith(char)
                    and LEVEL_ORDER[gaz.regions[k].type] <= LEVEL_ORDER[EntityType.TOWNSHIP]), None)
        if key is None:
            key = gaz.ancestor_of_type(home, level)
        if key is None and level is EntityType.PREFECTURE:
            key = gaz.ancestor_of_type(home, EntityType.COUNTY)  # 我市 in a county-level city
        if key is not None:
            out.append(Mention(m.start(), m.end(), m.group(0), gaz.regions[key].type, key))
    return sorted(out, key=lambda x: x.start)


# 来梅考察, 来吉考察, 来荆调研: a guest comes to the paper's own city or county, named by one of
# its characters (a province's one character is read by the visit rules: 来黔考察).
_HOME_CHAR = re.compile(r"(?<=来)([\u4e00-\u9fff])" + _CAME_TO_DO)


_NOT_A_HOME_CHAR = set("我本这此该华校企厂园村社馆院所站司")


def _home_by_one_character(text: str, home: str, gaz: Gazetteer) -> list[Mention]:
    """来梅考察 on a page of 梅县区: the lowest region of the home's chain below the province
    whose name (its level word left out) holds the character."""
    from kg.extract.lexicon import LEVEL_CHARS, PROVINCE_ABBREVIATIONS

    chain = [k for k in gaz.ancestors(home) if gaz.regions[k].type in (EntityType.PREFECTURE, EntityType.COUNTY)]
    out = []
    for m in _HOME_CHAR.finditer(text):
        char = m.group(1)
        if char in LEVEL_CHARS or char in PROVINCE_ABBREVIATIONS or char in _NOT_A_HOME_CHAR:
            continue  # (来华考察 is China's on a page of 华阴市; 来校, 来企, 来村 are a school's, …)
        key = next((k for k in chain if char in gaz.regions[k].name[:-1]), None)
        if key is not None:
            out.append(Mention(m.start(), m.end(), char, gaz.regions[key].type, key))
    return out


# 恩施州委, 铜仁市委: a level word and 委 make a word of their own that does not unmake the place.
_PARTY_COMMITTEES = frozenset(c + "委" for c in "省市州县区旗盟")


def _resolve(m: _Match, gaz: Gazetteer, context: Counter[str], text: str,
             towns: Counter[str] | None = None, heads_a_chain: bool = False) -> Region | None:
    """``heads_a_chain``: one of the region's own regions follows it (see :func:`_heads_of_chains`);
    then no word the tokenizer cuts across it unmakes it."""
    def support(r: Region) -> int:
        """How many of the region's own chain (itself up to, not with, the province) the page names;
        a county a province governs itself (临高县, 仙桃市) has the province as its next level (not
        a city's district: 大兴 of 大兴调查研究 is no 大兴区 for being in Beijing's news)."""
        chain = gaz.ancestors(r.key)
        return sum(1 for k in chain if context[k] and (
            gaz.regions[k].type != EntityType.PROVINCE
            or r.type is EntityType.COUNTY and r.parent == k and not gaz.regions[k].name.endswith("市")))

    towns = towns or Counter()
    # two villages of the page under one township outweigh a guessed home's chain
    ranked = sorted(m.candidates, key=lambda r: (-(towns[r.key] >= 2), -support(r), -towns[r.key],
                                                 LEVEL_ORDER[r.type]))
    best = ranked[0]
    short = _is_short(m)
    if len(m.text) <= 2 or short:
        if not heads_a_chain and not _whole_words(text, m.start, m.end) and _crosses_word(text, m.start, m.end) \
                and text[m.end - 1:m.end + 1] not in _PARTY_COMMITTEES:
            return None
    if best.type in (EntityType.TOWNSHIP, EntityType.VILLAGE) and _cut_on_the_left(text, m.start, m.end):
        return None  # 提高城乡: 高城乡 begins inside the word 提高
    if best.type is EntityType.TOWNSHIP and m.text.endswith("乡") and text[m.end:m.end + 1] in ("村", "镇"):
        return None  # 振兴乡村, 宜居乡村, 同心乡镇: the words 乡村 and 乡镇, not 振兴乡
    if best.type == EntityType.VILLAGE:
        return best if support(best) else None
    if short and len(m.candidates) == 1 and len(m.text) >= 3 and m.text[-1] in "县区市州旗":
        return best  # 紫云自治县, 木垒县: a level word makes a unique short form safe
    if short and best.type is EntityType.TOWNSHIP:
        county = best.parent
        if common_word(m.text) and not _among_places(text, m.start, m.end):
            return None  # 建设花生批发市场, 同心工程, 乡村振兴: a word, though its county is named
        return best if county and context[county] else None  # 官桥 only beside its county
    if (short or len(m.text) <= 2) and best.type in (EntityType.COUNTY, EntityType.TOWNSHIP):
        return best if support(best) else None
    if short and best.type == EntityType.PREFECTURE and not _is_place_word(m.text):
        # 铜仁 in a page about 贵州: the province the page names vouches for its prefectures
        return best if support(best) or context[best.parent or ""] else None
    if len(m.candidates) > 1 and best.type == EntityType.TOWNSHIP and not support(best):
        # unless two villages the page names are this one's (西城镇联建村、团结村) and no other's
        others = max((towns[r.key] for r in m.candidates if r is not best), default=0)
        return best if towns[best.key] >= 2 and others < towns[best.key] else None
    return best
