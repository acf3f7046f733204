"""Names of organisations, parks, projects and places, found by their suffix.

A name is a suffix from :data:`SUFFIX_TO_TYPE` plus the words to its left, up to
a boundary: punctuation, a function word or verb (:data:`BOUNDARY_WORDS`), a
person, a date. Reads one sentence's text and words; writes spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import (BOUNDARY_WORDS, COMMON_ENDINGS, COUNT_PATTERN, DESCRIPTION_LEADS,
                                GENERIC_MODIFIERS, GENERIC_PROJECT_ENDINGS, GOVERNING_VERBS,
                                INTERNATIONAL_ORGANIZATIONS, MEETING_VERBS, MONEY_PATTERN, NATIONAL_NAMES, NOT_NAMES,
                                PARTY_PREFIXES, PLACE_NAME_STOPS,
                                QUANTITY_PATTERN, SUFFIX_TO_TYPE, SUFFIXES, TITLE_HEADS)
from kg.extract.model import EntityType

_NAME_CHAR = re.compile(r"[\u4e00-\u9fff0-9A-Za-z()（）·\-]")
# PM2.5防护电纺过滤材料开发项目: a model number with its decimal point, inside a name
_MODEL_NUMBER = re.compile(r"[A-Za-z]+[0-9]+\.[0-9]+|[0-9]+\.[0-9]+[A-Za-z]+")  # (2.5MW光储充一体化电站项目)
_PHASE = re.compile("[一二三四五六七八九十]+期")
_DATE_WORD = re.compile(r"^\d+[年月日号]$|^[上下]午$")
_SUFFIX_RE = re.compile("|".join(re.escape(s) for s in SUFFIXES))
_TITLES = frozenset(TITLE_HEADS)
_TITLE_MAX = max(len(t) for t in TITLE_HEADS)
MAX_NAME = 30
_STOP_TAGS = frozenset({"p", "c", "r", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: EntityType
    canonical: str | None = None


def find_names(text: str, words: Sequence[tuple[int, int, str, str]], blocked: set[int],
               suffixes: Sequence[tuple[int, int, str]] | None = None) -> list[Span]:
    """Suffix-named spans of one sentence; ``blocked`` holds offsets of known person names;
    ``suffixes``: the sentence's name suffixes as the page's one scan found them, longest
    first without overlaps (found here when not given).

    >>> from kg.extract.segment import tagged
    >>> s = "王雄飞来到位于高州金山片区的奇瑞新能源汽车项目现场"
    >>> [x.text for x in find_names(s, tagged(s), set(range(3)))]
    ['高州金山片区', '奇瑞新能源汽车项目']
    """
    ends = {w[1]: i for i, w in enumerate(words)}
    for i, (ws, we, w, _) in enumerate(words):
        for k in range(1, min(len(w) - 1, _TITLE_MAX) + 1):
            if w[-k:] in _TITLES:
                ends.setdefault(we - k, i)  # 协会会长 is one word: 协会 + 会长
    found: list[Span] = []
    if suffixes is None:
        suffixes = [(m.start(), m.end(), m.group(0)) for m in _SUFFIX_RE.finditer(text)]
    for suffix_start, suffix_end, suffix in suffixes:
        if suffix.endswith("园") and text[suffix_end:suffix_end + 1] == "区" and suffix_end + 1 in ends:
            suffix_end += 1  # 设施农业园区: 农业园 is matched first, the name ends in 园区
        if suffix_end not in ends or suffix_start in blocked:
            continue
        if suffix_end < len(text) and text[suffix_end] in ")）" and "(" not in text[suffix_start:suffix_end]:
            continue
        if words[ends[suffix_end]][2] in COMMON_ENDINGS and words[ends[suffix_end]][1] == suffix_end:
            continue
        if suffix in ("局", "厅") and suffix_start > 0 and text[suffix_start - 1] in _NOT_BUREAU:
            continue  # 布局, 开好局, 统揽全局: not a bureau
        kind = SUFFIX_TO_TYPE[suffix]
        if _after_a_conjunction(words, ends, suffix_start):
            continue  # 了解小镇发展规划和项目推进情况: a bare 项目 in a list of nouns names nothing
        start = _left_edge(text, words, suffix_start, blocked, stop_at_park=kind is EntityType.COMPANY,
                           place_like=kind in _NEEDS_PROPER, joins=kind is EntityType.PROJECT,
                           verbal=_BUILT_BY_AFTER.match(text, suffix_end) is not None)
        if kind is EntityType.PROJECT and start > 0 and text[start - 1] in _JOINERS:
            start = _signed_for_whole(text, words, suffix_start, blocked, start)
        start = _from_the_region(text, words, start, suffix_start)
        if kind is EntityType.PARK:
            start = _after_a_verb_of_the_clause(words, start, suffix_start)
        if kind is EntityType.GOVERNMENT_BODY:
            start = _body_from_its_region(words, start, suffix_start, suffix)
        lead = re.match(r"[(（][^)）]*[)）]", text[start:suffix_end])
        if lead:
            start += lead.end()
        open_paren = max(text.rfind("(", start, suffix_end), text.rfind("（", start, suffix_end))
        if open_paren >= 0 and not re.search(r"[)）]", text[open_paren:suffix_end]):
            start = open_paren + 1  # 低圩河(华附茂南实验学校段): the school starts inside the bracket
        if kind is EntityType.PROJECT:
            start = _after_its_builder(text, start, suffix_start)
        start = _after_going(text, start, suffix_start)
        name = text[start:suffix_end].strip("·-")
        if suffix.endswith("政府") and suffix != "人民政府" and name[:-2] not in _region_names():
            continue  # 临高县政府, 沈阳市政府: a region's government; not 历届县政府, 县委县政府
        if name.endswith("党组") and len(name) > 4:
            name, suffix_end = name[:-2], suffix_end - 2  # 省统计局党组 is 省统计局's party group
        limit = MAX_OWNED if kind is EntityType.PROJECT and _COMPANY_IN.search(
            name[: -len(suffix)]) else MAX_NAME  # 广西…有限责任公司年产25000吨…项目: a registered name
        if (start >= suffix_start or name in NOT_NAMES or len(name) > limit or len(name) < 3
                or _generic_opening(name)):
            continue
        if kind in (EntityType.PROJECT, EntityType.PARK) and _COUNTED_OR_HELD.search(name[: -len(suffix)]):
            continue  # 城陵矶五条高速公路 (a count of roads), 第十二届世界高速铁路(大会): no project's name
        etype = _type_of(name, suffix)
        owned = etype is EntityType.PROJECT and _BY_AN_INVESTOR.search(text, 0, start) is not None
        # 总投资5亿元的铝型材加工项目, …推广应用项目由某某印业投资: a project whose amount or
        # builder the sentence states is one project, however plain its words
        stated = etype is EntityType.PROJECT and (_PRICED.search(text, 0, start) is not None
                                                  or _BUILT_BY_AFTER.match(text, suffix_end) is not None)
        # 南京广顺网络通信设备公司投资20亿元的网络通信设备产业园: a park a company invests a stated
        # sum in is that company's project, however plain its words
        if (etype is EntityType.PARK and _PRICED.search(text, 0, start) is not None
                and _COMPANY_BEFORE_PRICE.search(text, 0, start) is not None):
            etype, stated = EntityType.PROJECT, True
        if etype in (EntityType.PROJECT, EntityType.PARK) and (
                suffix_start - start < 2 or (not owned and _a_kind_not_a_name(name, suffix, words, start,
                                                                              suffix_start))):
            continue
        if suffix in _OWNED_SUFFIXES and not _COMPANY_IN.search(name[: -len(suffix)]):
            continue  # 特种铝合金生产线 is a kind; 天纤棉业公司二期…生产线 is that company's
        if etype is EntityType.COMPANY and _verb_and_company(words, start, suffix_start):
            continue  # 激励公司不断奋进: 公司 after a verb is the company the page is about
        if etype in _NEEDS_PROPER and not owned and not stated and not _has_proper_part(words, start, suffix_start) and not (
                etype is EntityType.PROJECT and _COMPANY_IN.search(text, start, suffix_start)) and not (
                etype is EntityType.PROJECT and _noun_phrase(words, start, suffix_start)) and not (
                etype is EntityType.PROJECT and _a_companys_brand(text, words, start, suffix_start)):
            continue  # 材料基地, 商业街区: a kind of place, not a named one
        found.append(Span(start, suffix_end, name, etype))
    found.extend(_national(text))
    found.extend(_international(text, words))
    found.extend(_listed_companies(text, words, blocked))
    found.extend(_brands_beside_companies(text, words, blocked, found))
    found.extend(_listed_projects(text, words, blocked, found))
    found.extend(_built_by(text, words, blocked))
    found.extend(_quoted(text, words, blocked))
    return _outermost(_with_their_company(text, [sp for sp in found if not _an_honour(text, sp)]))


def _an_honour(text: str, sp: Span) -> bool:
    """是“河南省二星级产业集聚区”“十快产业集聚区”: a park or project named in a row of quoted
    titles is an honour the place holds, not a park of its own."""
    if sp.type not in (EntityType.PARK, EntityType.PROJECT):
        return False
    a, b = sp.start, sp.end
    while a > 0 and text[a - 1] not in "“\"" and b - a < MAX_NAME and text[a - 1] not in "，,。；;":
        a -= 1
    if a == 0 or text[a - 1] not in "“\"":
        return False
    close = text.find("”", sp.end)
    if close < 0 or close - sp.end > 3:
        return False
    return text[close + 1: close + 2] == "“" or (a >= 2 and text[a - 2] == "”")


MAX_OWNED = 50
_COMPANY_SUFFIXES = tuple(k for k, v in SUFFIX_TO_TYPE.items() if v is EntityType.COMPANY)
# 山西某某医疗公司新建年产4亿件医疗器械生产线项目: a company, then what it does (新建, 扩建,
# 投资建设) — the project's name is what follows the verb; the company is its investor.
_BUILDER_AND_VERB = re.compile("(?:" + "|".join(sorted(_COMPANY_SUFFIXES, key=len, reverse=True))
    + r")(?:投资新建|投资建设|投资兴建|新建|扩建|兴建|投建)")


def _after_its_builder(text: str, start: int, suffix_start: int) -> int:
    """Where a project's name starts when a company and a building verb open it."""
    last = None
    for m in _BUILDER_AND_VERB.finditer(text, start, suffix_start):
        last = m
    if last is None or suffix_start - last.end() < 2:
        return start
    return last.end()


def _with_their_company(text: str, found: list[Span]) -> list[Span]:
    """总投资1.5亿元的卢龙文景科技有限公司装配式装饰产业研发基地项目: a project named right
    after a company is that company's, and its name opens with the company's (as registered
    project names do); the company stays a name of its own (the investor)."""
    companies = {sp.end: sp for sp in found if sp.type is EntityType.COMPANY}
    # 秦皇岛满仓面业有限公司年加工小麦12万吨面粉项目: a yearly capacity between them
    companies.update({sp.end + 1: sp for sp in found if sp.type is EntityType.COMPANY
                      and text[sp.end:sp.end + 1] == "年" and sp.end + 1 not in companies})
    # 某某规划建设有限公司设计分院项目: a project whose name starts inside a company's
    # (its left edge stopped at a verb of the company's name: …规划建设有限公司) opens with the whole company
    inside = [sp for sp in found if sp.type is EntityType.COMPANY]
    out = []
    for sp in found:
        owner = companies.get(sp.start) if sp.type is EntityType.PROJECT else None
        if owner is None and sp.type is EntityType.PROJECT:
            owner = next((c for c in inside if c.start < sp.start < c.end < sp.end), None)
        if owner is not None and sp.end - owner.start <= MAX_OWNED:
            sp = Span(owner.start, sp.end, text[owner.start:sp.end], sp.type, sp.canonical)
        out.append(sp)
    return out


_QUOTED = re.compile(r"[“\"《]([^“”\"《》]{3,%d})[”\"》]" % MAX_NAME)


def _quoted(text: str, words: Sequence[tuple[int, int, str, str]], blocked: set[int]) -> list[Span]:
    """“台江县年产20万吨再生资源综合循环利用项目”: a quoted project or park is named whole,
    verbs in it and all (the quotes, not the words, are its edges)."""
    out = []
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        suffix = next((x for x in SUFFIXES if name.endswith(x)), None)
        if suffix is None or SUFFIX_TO_TYPE[suffix] not in (EntityType.PROJECT, EntityType.PARK):
            continue
        start, end = m.start(1), m.end(1)
        if (any(i in blocked for i in range(start, end)) or name in NOT_NAMES
                or not all(_NAME_CHAR.match(c) for c in name) or name.startswith(GENERIC_MODIFIERS)
                or len(name) - len(suffix) < 2
                or _a_kind_not_a_name(name, suffix, words, start, end - len(suffix))
                or not _has_proper_part(words, start, end - len(suffix))):
            continue
        out.append(Span(start, end, name, SUFFIX_TO_TYPE[suffix]))
    for m in _QUOTED_THEN_HEAD.finditer(text):
        # 签约的“台江县年产20万吨再生资源综合循环利用”项目: the quotes hold the name, the head
        # follows them; the name is written without them (the page's form is its alias). Not a
        # slogan of four characters: “双招双引”项目 are a campaign's projects.
        inner, suffix = m.group(1), m.group(2)
        start, end = m.start(), m.end()
        name = inner + suffix
        if (any(i in blocked for i in range(start, end)) or name in NOT_NAMES or len(inner) < 6
                or not all(_NAME_CHAR.match(c) for c in inner) or name.startswith(GENERIC_MODIFIERS)
                or _COUNTED_OR_HELD.search(inner) or any(sp.start <= m.start(1) < sp.end for sp in out)):
            continue
        out.append(Span(start, end, text[start:end], SUFFIX_TO_TYPE[suffix], name))
    return out


_QUOTED_THEN_HEAD = re.compile(r"[“\"]([^“”\"《》]{4,%d})[”\"](%s)" % (
    MAX_NAME, "|".join(sorted((x for x in SUFFIX_TO_TYPE if SUFFIX_TO_TYPE[x] in (EntityType.PROJECT, EntityType.PARK)),
                              key=len, reverse=True))))


# (…等生产原辅料和企业自用设备: after 和 the list is another one, not of companies)
_COMPANY_LIST = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,8}、)+[\u4e00-\u9fffA-Za-z0-9]{2,8})等"
                           r"[0-9一二三四五六七八九十百多余家个批]*(?:(?![和及与])[\u4e00-\u9fff]){0,6}?(?:企业|公司)")


# 深入天和铜箔、正洋食品、凯威机械、统和木业公司: a list of short names whose last item ends in
# 公司 or 集团 lists companies (two items at least before it, each of two to eight characters).
_COMPANY_LIST_TAIL = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,8}、){2,}[\u4e00-\u9fffA-Za-z0-9]{2,8}?)"
                                r"、[\u4e00-\u9fff]{2,6}(?:公司|集团)(?![\u4e00-\u9fff]{0,2}(?:项目|工程))")


def _company_lists(text: str):
    yield from _COMPANY_LIST.finditer(text)
    yield from _COMPANY_LIST_TAIL.finditer(text)


def company_list_items(text: str) -> list[tuple[int, int]]:
    """Where the items of a list said to be companies (…、…等企业) lie in ``text``."""
    return [(m.start(1), m.end(1)) for m in _company_lists(text)]


def _listed_companies(text: str, words: Sequence[tuple[int, int, str, str]], blocked: set[int]) -> list[Span]:
    """容百锂电、巴斯巴、航锐航空等龙头企业: the items of a list said to be companies."""
    starts = {w[0] for w in words}
    out = []
    for m in _company_lists(text):
        pos = m.start(1)
        items = m.group(1).split("、")
        first_end = pos + len(items[0])
        # the list's first item starts after a verb such as 支持: keep the words after it only
        for s, e, w, tag in words:
            if s >= m.start(1) and e < first_end and (w in GOVERNING_VERBS or w in BOUNDARY_WORDS):
                items[0], pos = text[e:first_end], e
        tail = m.re is _COMPANY_LIST_TAIL
        first_word = next((w for s, e, w, _ in words if e == first_end and s >= pos), items[0])
        if _trades([first_word, *items[1:]]):
            continue  # 发展纺织、制冷、机械等中高端企业: kinds of business, not companies
        if tail and any(_OTHER_KIND.search(item) for item in items):
            continue  # 规划展览馆、前进灯具公司: a list of sites of several kinds, not of companies
        for item in items:
            if len(item) >= 2 and pos in starts and pos not in blocked:
                out.append(Span(pos, pos + len(item), item, EntityType.COMPANY))
            pos += len(item) + 1
    return out


# 先后赴泰田集团、怡和卫浴、东港工贸集团, 万安科技、五金公园、盾安控股: a brand and its trade
# (卫浴, 控股, 科技) listed right beside a company or a park is a company.
_SITE_NEIGHBOURS = (EntityType.COMPANY, EntityType.PARK)
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,12}")


def _brands_beside_companies(text: str, words: Sequence[tuple[int, int, str, str]], blocked: set[int],
                             found: list[Span]) -> list[Span]:
    from kg.extract.segment import word_freq, word_tag

    neighbours = {(sp.start, sp.end) for sp in found if sp.type in _SITE_NEIGHBOURS}
    if not neighbours:
        return []
    starts = {w[0] for w in words}
    items: list[tuple[int, int]] = []
    for m in _LIST_ITEM.finditer(text):
        a, b = m.start(), m.end()
        if text[a - 1:a] == "、" or text[b:b + 1] == "、":
            items.append((a, b))
    out = []
    for k, (a, b) in enumerate(items):
        if (a, b) in neighbours or b - a not in (4, 5, 6) or a in blocked or a not in starts:
            continue
        before = items[k - 1] if k and items[k - 1][1] + 1 == a else None
        after = items[k + 1] if k + 1 < len(items) and b + 1 == items[k + 1][0] else None
        if not ((before and any(ne == before[1] for _, ne in neighbours))
                or (after and any(ns == after[0] for ns, _ in neighbours))):
            continue
        parts = [w for w in words if a <= w[0] and w[1] <= b]
        if sum(w[1] - w[0] for w in parts) != b - a or len(parts) < 2:
            continue
        trade, brand = parts[-1][2], text[a:parts[-1][0]]
        proper = (word_tag(brand) or "nz").startswith(_PROPER_TAGS) or word_freq(brand) < 300
        if len(trade) != 2 or trade == "企业" or any(trade.endswith(x) for x in SUFFIX_TO_TYPE) or not proper \
                or any(sp.start < b and a < sp.end for sp in found):
            continue  # (五金公园 is a park; 重点企业, 城乡建设 no brand)
        out.append(Span(a, b, text[a:b], EntityType.COMPANY))
    return out


# 开工的华贵饮品、武汉久胜、亚星钢构等12个项目: the items of a list said to be projects.
_ITEM = r"[\u4e00-\u9fffA-Za-z0-9()（）/“”·.]{2,30}"
_PROJECT_LIST = re.compile(r"((?:%s、)+%s?)等(?:[0-9]+|[一二三四五六七八九十百两]+)?[个项批]?"
                           r"(?:重点|重大|产业|工业|招商|签约|开工)?项目" % (_ITEM, _ITEM))
_ITEM_LEADS = frozenset({"的", "了", "有", "是", "为", "包括", "涵盖", "及", "和", "新建", "扩建", "续建", "改建"})


def _listed_projects(text: str, words: Sequence[tuple[int, int, str, str]], blocked: set[int],
                     found: list[Span]) -> list[Span]:
    """The items of a list said to be projects (…、…等N个项目) that no suffix names: each must
    hold a proper part (a place, a brand, a capacity: 武汉久胜, 锦屏县年产20万方木制品), else it
    names a kind of work (村庄海堤、山塘水库等项目); the first item starts after the verb or
    particle that opens the list (开工投产的华贵饮品)."""
    starts = {w[0] for w in words}
    ends = {w[1] for w in words}
    out = []
    for m in _PROJECT_LIST.finditer(text):
        items, pos = m.group(1).split("、"), m.start(1)
        first_end = pos + len(items[0])
        for s, e, w, tag in words:
            if pos <= s and e < first_end and (w in GOVERNING_VERBS or w in BOUNDARY_WORDS or w in _ITEM_LEADS
                                               or (tag.startswith("v") and len(w) >= 2) or tag in _STOP_TAGS):
                items[0], pos = text[e:first_end], e
        if _trades(items):
            continue
        for item in items:
            a, b = pos, pos + len(item)
            pos = b + 1
            if (len(item) < 3 or a not in starts or b not in ends or any(i in blocked for i in range(a, b))
                    or any(sp.start < b and a < sp.end for sp in found)
                    or item.startswith(GENERIC_MODIFIERS) or not _proper_beyond_its_region(text, words, a, b)
                    or any(j in item for j in _JOINERS) or _ends_in_a_verb(words, b)):
                continue
            out.append(Span(a, b, item, EntityType.PROJECT))
    return out


def _generic_opening(name: str) -> bool:
    """本项目, 重点企业: a name opening with a word that makes it generic; not where a region's
    name opens it (本溪众信冶金炉料有限公司: 本溪, not 本)."""
    lead = next((g for g in GENERIC_MODIFIERS if name.startswith(g)), None)
    if lead is None:
        return False
    regions = _region_names()
    return not any(name[:k] in regions for k in range(len(lead) + 1, min(len(name), 8)))


def _region_names():
    """Every name of the gazetteer's regions (the index its look-ups use)."""
    from kg.extract.regions import load_gazetteer

    return load_gazetteer().by_name


def _proper_beyond_its_region(text: str, words: Sequence[tuple[int, int, str, str]], a: int, b: int) -> bool:
    """武汉久胜, 锦屏县年产20万方木制品, 雷山“鳣的世界”综合文旅: a proper part (a brand, a
    capacity, a quoted name) after the region the item opens with, if any; 黄铎堡镇高标准农田 and
    原州区数字农业 name a kind of work in a place."""
    inside = [(s, e, w, t) for s, e, w, t in words if a <= s and e <= b]
    if inside and inside[0][2] in _region_names():
        inside = inside[1:]
    if not inside:
        return False
    rest = text[inside[0][0]:b]
    return "“" in rest or bool(re.search(r"[0-9]", rest)) or _has_proper_part(inside, inside[0][0], b)


def _ends_in_a_verb(words: Sequence[tuple[int, int, str, str]], end: int) -> bool:
    """黎滩河生态河滨带建设, 可循环再利用发展: an item ending in a verb names work, not a project."""
    return any(e == end and (tag.startswith("v") or w in _INDUSTRY_WORDS) for _, e, w, tag in words)


def _trades(items: list[str]) -> bool:
    """Whether every item of a list is a plain dictionary word (≥ 100, not a name: 纺织, 制冷,
    机械) and one a very common one (≥ 1,000): a list of trades. (联想、小米等企业 reads so too,
    a list of brands that are words; 华为、联想 does not.)"""
    from kg.extract.segment import word_freq, word_tag

    def plain(w: str) -> bool:
        return (word_tag(w) or "x")[:1] in ("n", "v", "a") and not (word_tag(w) or "").startswith(
            ("nr", "ns", "nz", "nt")) and (word_freq(w) or 0) >= 100

    return len(items) >= 2 and all(plain(w) for w in items) and any(word_freq(w) >= 1000 for w in items)


# …项目由中核资源投资建设: who a project's sentence says invests in building it is a company,
# with or without its legal suffix (not a kind: 由中国企业承建, 由中方投资建设).
_BUILT_BY = re.compile(r"(?:项目|工程)[,，]?(?:是)?由([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:投资建设|投资兴建|投资开发)")
_GENERIC_BUILDERS = ("企业", "中企", "公司", "方", "船东", "政府", "部门", "单位", "集团")


def _built_by(text: str, words: Sequence[tuple[int, int, str, str]], blocked: set[int]) -> list[Span]:
    starts = {w[0] for w in words}
    ends = {w[1] for w in words}
    out = []
    for m in _BUILT_BY.finditer(text):
        a, b = m.start(1), m.end(1)
        name = m.group(1)
        if (a not in starts or b not in ends or a in blocked or name.endswith(_GENERIC_BUILDERS)
                or _SUFFIX_RE.search(name) or name.startswith(GENERIC_MODIFIERS) or name in NOT_NAMES):
            continue  # (a name with a suffix of its own is found by it)
        out.append(Span(a, b, name, EntityType.COMPANY))
    return out


# An item that ends in another class's suffix (…馆, …村, …项目) is no short company name.
_OTHER_KIND = re.compile("(?:" + "|".join(sorted(
    (k for k, v in SUFFIX_TO_TYPE.items() if v is not EntityType.COMPANY), key=len, reverse=True))
    + "|[村镇乡县市区旗州省])$")


def _left_edge(text: str, words: Sequence[tuple[int, int, str, str]], suffix_start: int,
               blocked: set[int], stop_at_park: bool = False, place_like: bool = False,
               joins: bool = False, verbal: bool = False) -> int:
    """Walk left over words from the suffix until a boundary; return the name's start.
    ``joins``: 和 or 及 between two parts of one project's name (…超薄岩板和8万套整体橱柜
    生产线项目, 锂电池及正极材料项目) is walked over when the part before it ends no name."""
    idx = None
    for i, (s, e, _, _) in enumerate(words):
        if s <= suffix_start < e:
            idx = i
            break
    if idx is None:
        return suffix_start
    start = words[idx][0]
    if start < suffix_start and words[idx][2] in _TITLES:
        return suffix_start
    i = idx - 1
    limit = MAX_NAME
    etc = None
    while i >= 0:
        s, e, w, tag = words[i]
        if joins and _COMPANY_IN.search(w) and w.endswith(_NAME_ENDS):
            limit = MAX_OWNED  # the project's name opens with its company's registered name
        if stop_at_park and _industry_word_in_a_name(words, i, blocked):
            start = s
            i -= 1
            continue
        if joins and _joins_one_name(words, i, blocked, verbal):
            start = s
            i -= 1
            continue
        if joins and _etc_in_a_line(words, i, idx, blocked):
            etc = s  # 年产4万吨特种纸等生产线项目: what the line makes, listed, then the line
            start = s
            i -= 1
            continue
        if (w == "—" and i >= 1 and words[i - 1][3] == "ns" and words[i - 1][0] not in blocked
                and suffix_start - words[i - 1][0] <= limit):
            start = words[i - 1][0]  # 广西—东盟经济技术开发区, 中国—中东欧…示范区: two places, one name
            i -= 2
            continue
        if (joins and w == "、" and 2 <= i < idx and words[i + 1][3] == "m" and words[i - 2][3] == "m"
                and words[i - 1][3].startswith(("n", "eng")) and not words[i - 1][3].startswith("nr")
                and not words[i - 1][2].endswith(_NAME_ENDS) and suffix_start - words[i - 2][0] <= limit
                and _company_before(words, i - 2)):
            start = s  # …公司60万吨PVC、60万吨烧碱产业综合项目: the capacities the one project builds
            i -= 1
            continue
        if (joins and w == "、" and 1 <= i < idx and _PHASE.fullmatch(words[i + 1][2])
                and _PHASE.fullmatch(words[i - 1][2]) and suffix_start - words[i - 1][0] <= limit):
            start = words[i - 1][0]  # 高平方筛二期、三期项目: the phases of one project
            i -= 2
            continue
        if (w == "年" and i >= 2 and words[i - 1][2] == "/" and words[i - 2][3] == "m"
                and suffix_start - words[i - 1][0] <= limit):
            start = words[i - 1][0]  # 11万吨/年可降解…项目: a capacity a year inside the project's name
            i -= 2
            continue
        if len(w) > 1 and w[0] in "日号" and i >= 1 and words[i - 1][2].isdigit():
            # 至17|日率|中国党政代表团: jieba's word opens with the date's 日; what follows it is the clause's
            start = e if w[1:] in BOUNDARY_WORDS else s + 1
            break
        if not joins and _adverb_before_verb(words, i, idx):
            start = words[i + 2][0]  # 将进一步|夯实|东盟经开区: the verb phrase is the clause's
            break
        if (w in BOUNDARY_WORDS or w in _TITLES or s in blocked or _DATE_WORD.match(w)
                or tag in _STOP_TAGS or w in GOVERNING_VERBS
                or not (all(_NAME_CHAR.match(c) for c in w) or _MODEL_NUMBER.fullmatch(w))
                or suffix_start - s > limit
                or (stop_at_park and w.endswith(_PARK_SUFFIXES))
                or (place_like and w in PLACE_NAME_STOPS)
                or _ends_a_meeting_verb(text, s)
                or (tag.startswith("v") and len(w) > 1 and w.endswith(("到", "赴")))  # 30日到|人民银行
                or (tag.startswith("nr") and len(w) >= 3 and w[-1] in _PREPOSITIONS)):
            break  # (化南以临空经济区: jieba's guessed person 化南以 ends in the preposition 以)
        start = s
        i -= 1
    if etc is not None and not text.startswith(_CAPACITY_LEADS, start):
        start = etc + 1  # (纸箱等包装材料生产项目: a kind of project, no capacity to name it by)
    while start < suffix_start and (text[start] in "()（）" or (
            text[start] in _PARTICLES and suffix_start - start > 3)):
        start += 1  # 察看了鑫源电子有限公司: jieba's 了鑫源 is no name's start
    if (start < suffix_start and text[start] in _LEADING_PREPOSITIONS and start > 0
            and text[start - 1] in _CLAUSE_MARKS and suffix_start - start > 4):
        start += 1  # ，与莹展电子科技有限公司签订: jieba's 与莹展 is no name's start
    if start < suffix_start - 1 and text[start] in "到赴":
        start += 1  # 李四到市发展改革委调研: jieba's word 到市 is no name's start
    return start


def _after_a_conjunction(words: Sequence[tuple[int, int, str, str]], ends: dict[int, int], suffix_start: int) -> bool:
    """Whether the word before the suffix is a one-character conjunction jieba reads on its own
    (规划|和|项目; not the 和 of 协和医院, which is inside a word)."""
    i = ends.get(suffix_start)
    return i is not None and words[i][3] == "c" and len(words[i][2]) == 1


def _adverb_before_verb(words: Sequence[tuple[int, int, str, str]], i: int, idx: int) -> bool:
    """A frequent adverb of two or more characters (进一步, 不断, 积极: ≥ 1,000 in jieba's
    dictionary) before a verb (夯实, 打造): a verb phrase, which opens no name; the verb's object
    may be one (…将进一步夯实东盟经开区的基础 → 东盟经开区)."""
    from kg.extract.segment import word_freq

    w, tag = words[i][2], words[i][3]
    return (i + 2 <= idx and len(w) >= 2 and tag in ("d", "ad", "vd") and word_freq(w) >= 1000
            and words[i + 1][3] == "v" and len(words[i + 1][2]) >= 2)


# 还来到保交房项目, 专机抵达巴厘岛…国际机场, 亲切接见陆军军医大学官兵: where jieba cuts a verb of
# going or meeting badly (来|到保) or joins it to an adverb (亲切接见), the walk left takes it in; no
# name holds one.
_GOING = re.compile("来到|抵达|前往|走进|奔赴|赶赴|接见|会见|会晤|看望")


def _after_going(text: str, start: int, suffix_start: int) -> int:
    """The name's start moved past the last verb of going inside it (if any)."""
    last = None
    for m in _GOING.finditer(text, start, suffix_start):
        last = m
    return last.end() if last else start


_COUNTED_OR_HELD = re.compile(r"(?:^|[^\d.万亿千百])(?:\d+|[一二三四五六七八九十两几多数]+)[条个项座批]"
                              r"|^第[\d一二三四五六七八九十百]+[届次期]")


_PARTICLES = "了的着"
_LEADING_PREPOSITIONS = "与同跟"
_CLAUSE_MARKS = ",，;；、。：:"
_PREPOSITIONS = "以为把将对从向被让"
_JOINERS = ("和", "及")


# 年产4万吨特种亚克力保护纸等生产线项目: 等 ends the list of what a plant makes, then the plant.
_LINE_HEADS = frozenset("生产线 生产 加工 深加工 制造 产品 生产基地".split())
_CAPACITY_LEADS = ("年产", "年加工", "年处理", "年生产")


def _etc_in_a_line(words: Sequence[tuple[int, int, str, str]], i: int, suffix_idx: int, blocked: set[int]) -> bool:
    """Whether words[i] is 等 between the products of a project's name and the line that makes
    them: a noun before it, a production head (生产线, 加工) after it and before the suffix. The
    name must open with its capacity (年产…), else the 等 ends a list (see :func:`_left_edge`)."""
    if words[i][2] != "等" or i == 0 or i + 1 >= suffix_idx:
        return False
    s, _, w, tag = words[i - 1]
    return (words[i + 1][2] in _LINE_HEADS and tag.startswith(("n", "m", "eng")) and not tag.startswith("nr")
            and s not in blocked and not w.endswith(_NAME_ENDS) and w not in BOUNDARY_WORDS)


def _company_before(words: Sequence[tuple[int, int, str, str]], i: int) -> bool:
    """Whether the numbers right before words[i] follow a company's name (…有限责任公司|60万吨)."""
    while i > 0 and words[i - 1][3] == "m":
        i -= 1
    return i > 0 and words[i - 1][2].endswith(_COMPANY_SUFFIXES)


def _joins_one_name(words: Sequence[tuple[int, int, str, str]], i: int, blocked: set[int],
                    verbal: bool = False) -> bool:
    """Whether words[i] is 和 or 及 inside one project's name: a noun or a number comes
    right before it and that word ends no name (A公司和B项目, 产业园及配套项目 are two things);
    ``verbal``: a verbal noun may too (数字印章生产及推广应用项目由…投资: a project its builder
    is named for is one thing)."""
    if words[i][2] not in _JOINERS or i == 0:
        return False
    s, _, w, tag = words[i - 1]
    if i + 1 < len(words) and words[i + 1][2] == "配套" and s not in blocked and not w.endswith(_COMPANY_SUFFIXES):
        return True  # 仓储物流基地及配套基础设施建设项目: one project with its facilities
    kinds = ("n", "m", "eng", "vn") if verbal else ("n", "m", "eng")
    return (tag.startswith(kinds) and not tag.startswith("nr") and s not in blocked
            and not w.endswith(_NAME_ENDS) and w not in BOUNDARY_WORDS)


def _signed_for_whole(text: str, words: Sequence[tuple[int, int, str, str]], suffix_start: int,
                      blocked: set[int], start: int) -> int:
    """与…公司签订废矿物油集中处置及综合利用项目, 总投资2亿元的研发及产业化项目: a project's
    name cut at 和 or 及 after a verbal noun (处置, 研发) is one name when, walked over the
    conjunction, a company that signs for it or invests in it, or its stated sum, comes right
    before it (as a project its builder names after it is, see :func:`_joins_one_name`)."""
    before = text[:start - 1]
    if not before or before.endswith(_NAME_ENDS) or start - 1 in blocked:
        return start
    whole = _left_edge(text, words, start - 1, blocked, place_like=True, joins=True)
    if whole < start - 1 and (_BY_AN_INVESTOR.search(text, 0, whole) or _PRICED.search(text, 0, whole)):
        return whole
    return start


def _ends_a_meeting_verb(text: str, s: int) -> bool:
    """张工会见中国建筑集团: jieba reads 张|工会|见, and the lone 见 is the end of 会见, no
    part of the company's name."""
    return any(text.startswith(v, s - len(v) + 1) for v in MEETING_VERBS)


# Words that are verbs in a sentence but the trade in a company's name: 中国电力建设集团,
# 城市建设投资集团有限公司, 贵州乌江水电开发有限责任公司.
_NAME_ENDS = tuple(SUFFIXES)
_INDUSTRY_WORDS = frozenset("建设 投资 发展 开发 建工 实业 控股 经营 管理 服务 运营".split())


def _industry_word_in_a_name(words: Sequence[tuple[int, int, str, str]], i: int, blocked: set[int]) -> bool:
    """Whether words[i] is such a trade word inside a name: the nearest word before the run
    of trade words is a noun (电力, 城市, 水电), not a verb (加快建设, 投资建设)."""
    if not _a_trade_word(words, i):
        return False
    j = i - 1
    while j >= 0 and _a_trade_word(words, j):
        j -= 1
    if j < 0:
        return False
    s, _, w, tag = words[j]
    if tag.startswith("nr") and s not in blocked and len(w) == 2 and j > 0 and _a_region_word(words[j - 1]):
        return True  # 山东腾飞建设机械工程有限公司: a region, a brand jieba guesses is a name, the trade
    return (tag.startswith(("n", "j")) and not tag.startswith("nr") and s not in blocked
            and w not in BOUNDARY_WORDS and w not in GOVERNING_VERBS and w not in _TITLES
            and not w.endswith(_NAME_ENDS))  # 公司投资建设…: a name that ends is a subject


def _a_trade_word(words: Sequence[tuple[int, int, str, str]], i: int) -> bool:
    """建设, 管理 …; and 企业 before one of them (银港企业管理集团, …企业服务有限公司: the trade of
    managing companies, not 企业 the generic word that ends a name)."""
    w = words[i][2]
    return w in _INDUSTRY_WORDS or (w == "企业" and 0 < i < len(words) - 1 and words[i + 1][2] in _INDUSTRY_WORDS
                                    and words[i - 1][3].startswith(_PROPER_TAGS))


def _a_region_word(word: tuple[int, int, str, str]) -> bool:
    """A province's, a city's or a county's name as one word (山东, 滕州市), as registered
    company names open."""
    from kg.extract.regions import load_gazetteer

    gaz = load_gazetteer()
    return word[3].startswith("ns") and any(gaz.regions[k].type.value in ("Province", "Prefecture", "County")
                                            for k in gaz.by_name.get(word[2], ()))


def _after_a_verb_of_the_clause(words: Sequence[tuple[int, int, str, str]], start: int, suffix_start: int) -> int:
    """以纳入湘江新区新片区为契机 → 湘江新区, 携手开创横琴粤澳深度合作区 → 横琴粤澳深度合作区: a
    frequent verb (≥ 1,000) opening a park's name is the clause's, not the park's (no park of
    the gold sets opens with one)."""
    from kg.extract.segment import word_freq

    inside = [w for w in words if start <= w[0] and w[1] <= suffix_start]
    if len(inside) >= 2 and inside[0][3] == "v" and len(inside[0][2]) >= 2 \
            and word_freq(inside[0][2]) >= 1000 and inside[1][3].startswith(("n", "j")):
        return inside[1][0]
    return start


def _from_the_region(text: str, words: Sequence[tuple[int, int, str, str]], start: int, head_end: int) -> int:
    """矿石便运抵遵义铝业股份有限公司 → 遵义铝业股份有限公司: a name that opens with a
    region (as registered names do) does not take in a clause before it that has a verb
    (a dictionary verb: 华附, an abbreviation jieba guesses is a verb, is not one)."""
    from kg.extract.regions import load_gazetteer
    from kg.extract.segment import is_word

    gaz = load_gazetteer()
    for region_start, _, _, keys in gaz.scan(text[start:head_end], villages=False):
        if region_start == 0:
            return start
        if gaz.regions[keys[0]].type.value not in ("Province", "Prefecture", "County"):
            continue
        cut = start + region_start
        if any(tag.startswith("v") and len(w) >= 2 and is_word(w)
               for s, e, w, tag in words if start <= s and e <= cut):
            return cut
        return start
    return start


_LEVEL_WORD = re.compile(r"^[省市州县区旗镇乡](?:委|委会)?$")
_CITY_LEVELS = (EntityType.PROVINCE, EntityType.PREFECTURE, EntityType.COUNTY)
_BODY_LEADS = ("中国人民政治协商会议", "政协")


def _body_from_its_region(words: Sequence[tuple[int, int, str, str]], start: int, suffix_start: int,
                          suffix: str) -> int:
    """A government body's name opens with its region (and the party before it: 中共鞍山市委,
    民革贵州省委): 认真落实市委, 任命县委, 代理通州区人民政府, 报送市人大常委会 → the words
    before the region or level word are the clause's (市委, 通州区人民政府, 市人大常委会).
    Walking left from the suffix, once a region or a level word is passed, only regions, level
    words, parties and names (国家税务总局北京市税务局, 中国人民银行昌吉州分行, 中央人民政府驻…)
    may come before it."""
    from kg.extract.places import common_word
    from kg.extract.regions import load_gazetteer

    gaz = load_gazetteer()
    anchored = suffix[:1] in "省市州县区旗" and suffix.endswith("委")
    inside = [w for w in words if start <= w[0] and w[1] <= suffix_start]
    chain = False  # the word to the right is a region
    after = suffix[:1]  # the level word right of the word (周口|市委, 楚雄|州委: a region of that level)

    def named(w: str) -> bool:
        return any(gaz.regions[k].name == w for k in gaz.by_name.get(w, ()))

    for s, e, w, tag in reversed(inside):
        region = _LEVEL_WORD.match(w) is not None or named(w) or any(
            gaz.regions[k].name.endswith(after) or (gaz.regions[k].type in _CITY_LEVELS
                                                    and (chain or not common_word(w)))
            for k in gaz.by_name.get(w, ()))  # 茂名|滨海新区管委会 (a chain); not 振兴 in 乡村振兴局
        after, chain = w[:1], region
        if anchored and not (region or w in PARTY_PREFIXES or w.startswith(_BODY_LEADS)
                             or w.endswith(_NAME_ENDS) or w in "()（）" or w.startswith("驻")):
            return e
        anchored = anchored or region
    return start


_PARK_SUFFIXES = tuple(k for k, v in SUFFIX_TO_TYPE.items() if v is EntityType.PARK)
_NOT_BUREAU = set("布格全大开变结当时残僵骗赌棋饭好败定终胜入出破平战政")
_NEEDS_PROPER = (EntityType.PROJECT, EntityType.PARK, EntityType.PLACE)
_PROPER_TAGS = ("nr", "ns", "nz", "nt", "j", "eng")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")


def _has_proper_part(words: Sequence[tuple[int, int, str, str]], start: int, end: int) -> bool:
    """Whether the words before the suffix hold a proper name: a place, a brand, a number."""
    from kg.extract.regions import load_gazetteer

    names = load_gazetteer().by_name
    for s, e, w, tag in words:
        if s <= start < e and end < e and tag.startswith(("ns", "nt")) and w[: end - s] in names:
            return True  # 厦门经济特区 is one word of jieba's: a region opens it
        if s < start or e > end:
            continue
        if tag.startswith(_PROPER_TAGS) or w in names or _ASCII_ALNUM.search(w):
            return True
    return False


def _a_companys_brand(text: str, words: Sequence[tuple[int, int, str, str]], start: int,
                      suffix_start: int) -> bool:
    """与浩然实业有限公司签订了浩然鞋材生产项目: a project's first word that is the distinctive
    word of a company the sentence names elsewhere is that company's brand, a proper part."""
    first = next((w for s, e, w, _ in words if s == start and e <= suffix_start), None)
    if not first or len(first) < 2 or not all(_NAME_CHAR.match(c) for c in first):
        return False
    for m in re.finditer(re.escape(first), text):
        if m.start() == start:
            continue
        tail = text[m.end(): m.end() + 10]
        if _COMPANY_AFTER.match(tail):
            return True
    return False


def _noun_phrase(words: Sequence[tuple[int, int, str, str]], start: int, end: int) -> bool:
    """香雪制药 (项目): four or more characters of nouns only, a name more than a description."""
    inside = [(w, tag) for s, e, w, tag in words if s >= start and e <= end]
    return end - start >= 4 and all(tag.startswith(("n", "m")) for _, tag in inside)


# Suffixes that name one thing only with its owner's name in front (…公司二期…生产线).
_OWNED_SUFFIXES = ("生产线",)
# 鑫荣智能装备有限公司投资的智能机器人制造项目: a project its investor names is a named one,
# however plain its words.
# …公司在商都县投资建设的净菜加工系列产品项目: and where it builds it may stand between.
# 与四川圆融石油化工有限公司签订废矿物油集中处置及综合利用项目: and the project a company signs for.
_BY_AN_INVESTOR = re.compile(r"(?:公司|集团)(?:(?:在[\u4e00-\u9fff]{2,12}?)?(?:投资建设|投资|投建|建设|实施|承建|引进)的"
                             r"|(?:签订|签署)了?|(?:投资)?(?:新建|扩建|兴建|投建))$")
_COMPANY_IN = re.compile("|".join(_COMPANY_SUFFIXES))
# a company's legal suffix, right away or after up to six more characters of its name
_COMPANY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + _COMPANY_IN.pattern + ")")
_PRICED = re.compile(r"(?:总投资|计划投资|投资|投资额|总投资额)(?:约|达|近|超)?[0-9.]+(?:万|亿)?(?:元|美元)(?:人民币)?的$")
_COMPANY_BEFORE_PRICE = re.compile(r"(?:公司|集团)(?:投资|计划投资|总投资)[^，,。；;的]{1,16}的$")
_BUILT_BY_AFTER = re.compile(r"[,，]?(?:是)?由[\u4e00-\u9fffA-Za-z0-9()（）]{2,30}?(?:投资|建设|承建|开发|实施)")
_QUANTITY = re.compile(QUANTITY_PATTERN)
_COUNT = re.compile(COUNT_PATTERN)
_MONEY = re.compile(MONEY_PATTERN)


_YEAR_LEAD = re.compile(r"(?:19|20)\d{2}年")
# Suffixes that say only "a project" (郑州机场, 兴泉铁路 are named by their region: not these).
_PLAIN_PROJECT_SUFFIXES = ("项目", "工程")
# A company's name and 项目 and nothing between (A有限公司项目): what it does is not named.
_COMPANY_ONLY = ("有限公司", "有限责任公司", "股份公司", "公司", "集团")


def _only_a_region(modifier: str) -> bool:
    """辽中区 (项目): the words before the suffix are one region's name and nothing else."""
    from kg.extract.regions import load_gazetteer

    return modifier in load_gazetteer().by_name


def _one_verb(modifier: str, words: Sequence[tuple[int, int, str, str]], start: int, suffix_start: int) -> bool:
    """建设 (项目), 重建 (项目): one verb of two characters before the suffix."""
    inside = [(w, t) for s, e, w, t in words if s >= start and e <= suffix_start]
    return len(modifier) <= 2 and len(inside) == 1 and inside[0][1].startswith("v")


def _a_kind_not_a_name(name: str, suffix: str, words: Sequence[tuple[int, int, str, str]],
                       start: int, suffix_start: int) -> bool:
    """12个项目, 三大项目, 20亿元以上项目, 一批重点招商项目, 3000亩产业园, 金昌市招商引资项目,
    装机容量180万千瓦抽水蓄能电站项目: a counted, priced or generic phrase names a kind of
    project or park, not one. A capacity (30万吨锌冶炼项目) is part of a project's name."""
    modifier = name[: len(name) - len(suffix)]
    if _COUNT.search(modifier) or _MONEY.search(modifier) or name.startswith(DESCRIPTION_LEADS):
        return True
    if SUFFIX_TO_TYPE[suffix] is EntityType.PROJECT and (
            _YEAR_LEAD.match(modifier) or (suffix in _PLAIN_PROJECT_SUFFIXES and (
                _only_a_region(modifier) or _one_verb(modifier, words, start, suffix_start)))):
        return True  # 2022年度外资项目, 辽中区项目, 建设项目 / 重建项目: no project's own name
    if suffix == "项目" and modifier.endswith(_COMPANY_ONLY):
        return True  # 国动控股有限公司项目合作: a company's projects, no project named
    if name.endswith(GENERIC_PROJECT_ENDINGS):
        return True
    if _QUANTITY.search(modifier):
        rest = _QUANTITY.sub("", modifier)
        cut = [(s, e, w, t) for s, e, w, t in words
               if start <= s and e <= suffix_start and not _QUANTITY.fullmatch(w) and not t.startswith(("m", "q"))]
        return not rest or not _has_proper_part(cut, start, suffix_start) and not any(
            t.startswith(_PROPER_TAGS) for _, _, _, t in cut)
    return False


def _verb_and_company(words: Sequence[tuple[int, int, str, str]], start: int, suffix_start: int) -> bool:
    """One verb and 公司 (激励公司, 推动公司): no company's name."""
    inside = [(w, t) for s, e, w, t in words if s >= start and e <= suffix_start]
    return len(inside) == 1 and inside[0][1].startswith("v") and suffix_start - start <= 2


def _type_of(name: str, suffix: str) -> EntityType:
    if "人民银行" in name:
        return EntityType.GOVERNMENT_BODY
    if suffix in ("日报", "晚报") and not name.endswith("社"):
        return EntityType.INSTITUTION
    return SUFFIX_TO_TYPE[suffix]


def _national(text: str) -> list[Span]:
    out = []
    for short, (full, etype) in NATIONAL_NAMES.items():
        for m in re.finditer(re.escape(short), text):
            out.append(Span(m.start(), m.end(), short, etype, full))
    return out


@cache
def _international_re() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, INTERNATIONAL_ORGANIZATIONS), key=len, reverse=True)))


def _international(text: str, words: Sequence[tuple[int, int, str, str]]) -> list[Span]:
    """联合国, 世卫组织, 上海合作组织: international organizations by the table, as written (a
    page that also writes the full name is given it by the mentions' labelling), where the
    tokenizer's words begin and end with the name (not 北约 in 北约束)."""
    starts = {w[0] for w in words}
    ends = {w[1] for w in words}
    return [Span(m.start(), m.end(), m.group(0), EntityType.ORGANIZATION)
            for m in _international_re().finditer(text) if m.start() in starts and m.end() in ends]


ZONE_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区", "经开区", "高新区",
                 "示范区", "自贸区", "保税区")


def _zone_within(inner: Span, outer: Span) -> bool:
    """贵州和平(苟江)经开区 opening …经开区铝产业园区: a development zone holding a smaller park."""
    return (inner.type is EntityType.PARK and inner.text.endswith(ZONE_SUFFIXES)
            and inner.start == outer.start and inner.end < outer.end)


_ORG = (EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.INSTITUTION, EntityType.ORGANIZATION)
_PROJECT_SUFFIXES = tuple(k for k, v in SUFFIX_TO_TYPE.items() if v is EntityType.PROJECT)


def _what_the_project_builds(inner: Span, outer: Span) -> bool:
    """生物医药研发基地 in 生物医药研发基地项目: a park or place that is all of a project's name
    but its suffix."""
    return (outer.type is EntityType.PROJECT and inner.type in (EntityType.PARK, EntityType.PLACE)
            and inner.start == outer.start and outer.text[len(inner.text):] in _PROJECT_SUFFIXES)


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop spans inside a longer one, keeping nested parks and places (名称中的园区)."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for sp in spans:
        inside = [o for o in out if o.start <= sp.start and sp.end <= o.end]
        if inside and sp.canonical is not None:
            continue  # 中国 in 中国电子科技集团有限公司 is part of the company's name
        if any(_what_the_project_builds(sp, o) for o in inside):
            continue  # 申通物流园 in 申通物流园项目: the project and what it builds are one name
        if sp.type is EntityType.PROJECT and any(o.type in _ORG for o in inside):
            continue  # 矿山工程 in 金川集团矿山工程有限公司 is the company's trade
        if sp.type is EntityType.COMPANY and inside and all(
                o.type in (EntityType.PROJECT, EntityType.PLACE) and o.start == sp.start for o in inside) and any(
                o.type is EntityType.PROJECT for o in inside):
            # 安徽济东化工有限公司 opening its 建设项目: the investor (also where the project's
            # name holds a site's: 云南某某园艺有限公司智能花卉种植基地建设项目)
            out.append(sp)
            continue
        if inside and (sp.type not in (EntityType.PARK, EntityType.PLACE, EntityType.PROJECT)
                       or any(o.type is sp.type and not _zone_within(sp, o) for o in inside)):
            continue
        if any(o.start < sp.start < o.end < sp.end for o in out):
            continue
        out.append(sp)
    return out
