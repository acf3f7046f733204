"""Posts: each title of a person, with the region it governs and the organisation it is in."""

from __future__ import annotations

import re

from kg.extract.lexicon import (COMPANY_ANAPHORS, COMPANY_TITLES, COUNTRY_ABBREVIATIONS, LEVEL_CHARS, PARTY_PREFIXES,
                                PREFECTURE_OFFICES, STATE_TITLES, SUFFIX_TO_TYPE, SUFFIXES, TITLE_HEADS)
from kg.extract.people import foreign_prefix, opens_abroad
from kg.extract.mentions import Mentions, entity_key
from kg.extract.model import ORG_TYPES, PERSON_TYPES, REGION_TYPES, Entity, EntityType, Mention, Post
from kg.extract.regions import Gazetteer, load_gazetteer
from kg.extract.segment import Sentence

_STRIP_TYPES = ORG_TYPES - {EntityType.GOVERNMENT_BODY} | {EntityType.PARK, EntityType.PLACE}
_LEVEL_PREFIXES = ("常务副", "副", "代理", "代", "")
_OFFICE_HEADS = ("部长", "局长", "主任", "秘书长", "厅长", "处长", "科长", "组长", "院长",
                 "检察长", "书记", "委员", "常委", "主席")
# 市副市长, 县政府县长, 区人民政府副区长: the level word or government before a head that
# already says its level is a stray head (→ 副市长, 县长, 副区长).
# 县十六届人大常委会主任 writes the term without 第 as well.
_TERM = re.compile(r"第[一二三四五六七八九十百零〇0-9]{1,4}届|[一二三四五六七八九十百零〇0-9]{1,4}届"
                   r"(?=人大|政协|人民代表大会|纪委|委员会|县委|市委|区委|省委|党委)")
_STRAY_HEAD = re.compile(r"^([省市州县区旗镇乡])(?:人民政府|政府)?(?=(?:常务)?副?\1长)"
                         r"|^(?:人民政府|政府)(?=(?:常务)?副?[省市州县区旗镇乡]长)")
# 1.中央军委主席, 11.法国总统: the number of a programme's list of items, no part of a title.
_LIST_NUMBER = re.compile(r"^\d{1,2}[.．、]")
# 白杨镇副镇长, 石门乡党委书记, 城南街道党工委书记: a township's name before its level word.
_UNKNOWN_TOWN = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(镇|乡|街道)(?=(?:党委|党工委|人大|人民政府|政府|纪委)?"
                           r"(?:常务)?副?(?:书记|镇长|乡长|主任|主席|委员|办事处主任))")
_NOT_A_TOWN = ("各", "全", "本", "该", "我", "有关", "相关", "所在", "城乡")
# 恩德培市市长: a city the gazetteer does not hold (abroad), its level said twice.
_UNKNOWN_CITY = re.compile(r"^([\u4e00-\u9fff]{2,6}?市)(?=(?:常务)?副?市长$)")
# 中共鞍山市委书记, 民革贵州省委主委: a party named before the title's region.
_PARTIES_LONGEST = sorted(PARTY_PREFIXES, key=len, reverse=True)


def find_posts(text: str, sentences: list[Sentence], found: Mentions,
               home: str | None) -> list[Post]:
    posts: dict[tuple[str, str], Post] = {}
    titled = _regions_in_titles(found)
    bodies: dict[int, tuple[str, str]] = {}  # sentence → (body, bare head) of its last office title
    for person in found.people:
        if not person.titles:
            continue
        key = next(m.key for m in found.in_span(person.start, person.end)
                   if m.start == person.start and m.end == person.end)
        sentence = _sentence_of(sentences, person.start)
        opening = sentences[sentence].start if sentences else 0
        inherited: dict[str, str] = {}
        last_region: str | None = None
        last_title: str | None = None
        last_org: str | None = None
        in_company = any(t.endswith(tuple(COMPANY_TITLES)) for _, _, t in person.titles)
        for t_start, t_end, _ in person.titles:
            title, region, org = _parse_title(text, t_start, t_end, found)
            if not title:
                continue
            if region is None and org is None:
                title, org = _company_prefix(text, t_end, title, found, in_company)
            elif org is None and not _level_char(title):
                # 安徽路港公司党委书记: a company named after its province, not the province's post
                whole, org = _company_prefix(text, t_end, text[t_start:t_end], found, False)
                if org:
                    title, region = whole, None
            if org is None and region is None and last_org and (
                    title in COMPANY_TITLES or title.startswith(_PARTY_WORDS)):
                org = last_org  # 中国铁建党委书记、董事长: the same company's chairman
            last_org = org
            title = _with_body(title, last_title, bodies.get(sentence))
            body = _office_body(title)
            if body:
                bodies[sentence] = body
            last_title = title
            level = _level_char(title)
            if region is None and level and opens_abroad(text[t_start:t_end]):
                level = None  # 巴黎市长: a foreign city's mayor governs no region of ours
            if region is None and level:
                region = (inherited.get(level)
                          or _listed_region(level, opening, t_start, titled)
                          or _led_group_region(text, person.end, level, found)
                          or _context_region(level, t_start, found, home))
            elif region is None and org is None and last_region and _office_title(title):
                region = last_region  # 市委常委、宣传部长: the office is the same city's
            if region and level:
                inherited[level] = region
            if title in COMPANY_TITLES or org and found.entity(org).type == EntityType.COMPANY:
                region = None
            last_region = region or last_region
            posts.setdefault((key, title), Post(key, title, region, org, sentence))
            if (t_start, t_end) == person.titles[-1][:2] and _shared(title):
                for other in _listed_after(text, person, found):
                    posts.setdefault((other, title), Post(other, title, region, org, sentence))
    return list(posts.values())


_PARTY_WORDS = ("党委", "党组")
_PARTY_HEADS = ("书记", "副书记", "常委", "委员", "成员", "副书记兼")
_BODY_TAILS = ("局", "委", "厅", "办", "院", "部", "会", "中心", "处", "所", "站", "队", "政府")
_COMPANY_SUFFIXES = tuple(x for x in SUFFIXES if SUFFIX_TO_TYPE[x] == EntityType.COMPANY)
# Bodies that are no government's: a title after one of these names is held in that body
# (重庆市浙江企业联合会党委书记 → 党委书记 of the 联合会; 西安建筑科技大学校长 → 校长).
_ORG_SUFFIXES = tuple(x for x in SUFFIXES if SUFFIX_TO_TYPE[x] in ORG_TYPES - {EntityType.GOVERNMENT_BODY})
# 重庆钢铁(集团), 福建冶金（控股）: a company whose legal form stands in brackets.
_BRACKETED_FORM = re.compile(r"[(（](?:集团|控股|股份)[)）]$")
# A level word before a body's name is the body's own (市城投公司) unless the name is long.
_SHORT_LEVEL_NAME = 6
_ALL_HEADS = frozenset(TITLE_HEADS) | frozenset(COMPANY_TITLES)
_ALL_HEADS_LONGEST = sorted(_ALL_HEADS, key=len, reverse=True)
_NAME_PIECE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{2,14}$")
# A name that ends in its suffix may be long (中国电建集团西北勘测设计研究院有限公司).
_SUFFIXED_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{2,26}$")


def _company_prefix(text: str, t_end: int, title: str, found: Mentions,
                    in_company: bool) -> tuple[str, str | None]:
    """中国铁建党委书记 → (党委书记, the company 中国铁建); 正威集团金融委员会副主席 →
    (金融委员会副主席, 正威集团); 中船重工董事长 → (董事长, 中船重工): the company a title
    names before its head is the post's organisation, not part of the title. Without a
    company suffix (集团, 公司) the person's chain must hold a company title (董事长, 总经理)."""
    if not text[:t_end].endswith(title) or title in _ALL_HEADS:
        return title, None
    name, rest = None, ""
    for i in range(len(title) - 2, 1, -1):  # a prefix ending in an organisation's suffix
        suffix = _org_suffix(title[:i])
        if suffix and title[:i] not in COMPANY_ANAPHORS and i > len(suffix) + 1 and _is_title(title[i:]):
            if title[:1] not in LEVEL_CHARS or i >= _SHORT_LEVEL_NAME:
                name, rest = title[:i], title[i:]
            break
    if title[:1] in LEVEL_CHARS and name is None:
        return title, None
    if name is None and in_company:
        head = next((h for h in _ALL_HEADS_LONGEST if title.endswith(h) and len(title) > len(h)), None)
        if head:
            stem = title[:-len(head)]
            for party in _PARTY_WORDS:
                if stem.endswith(party) and head in _PARTY_HEADS:
                    stem, head = stem[:-len(party)], party + head
            if (head in COMPANY_TITLES or head[:2] in _PARTY_WORDS) and _NAME_PIECE.match(stem) \
                    and not stem.endswith(_BODY_TAILS) and not _ordinary_word(stem):
                name, rest = stem, head
    if name is None or not (_SUFFIXED_NAME if rest and _org_suffix(name) else _NAME_PIECE).match(
            re.sub(r"[(（][^)）]{1,6}[)）]", "", name)):
        return title, None
    start = t_end - len(title)
    suffix = _org_suffix(name)
    kind = SUFFIX_TO_TYPE.get(suffix or "", EntityType.COMPANY)
    return rest, _company_entity(found, start, start + len(name), name, kind)


def _org_suffix(name: str) -> str | None:
    """The suffix that makes ``name`` a company's, an institution's or an association's."""
    bracket = _BRACKETED_FORM.search(name)
    if bracket:
        return bracket.group()
    return next((x for x in _ORG_SUFFIXES if name.endswith(x)), None)


def _ordinary_word(word: str) -> bool:
    """销售总监, 技术总监: a dictionary word that is no proper name is the title's own part."""
    from kg.extract.segment import word_tag

    tag = word_tag(word)
    return tag is not None and not tag.startswith(("nt", "nz", "ns", "nr", "j"))


def _is_title(piece: str) -> bool:
    return piece.endswith(tuple(TITLE_HEADS) + tuple(COMPANY_TITLES)) and piece[:1] not in "、，,"


def _company_entity(found: Mentions, start: int, end: int, name: str,
                    kind: EntityType = EntityType.COMPANY) -> str:
    """The key of the company (or other body of ``kind``) named at ``[start, end)``; a party
    body or board read as a government body over the same words (中国铁建党委) gives way to it."""
    for m in list(found.in_span(start, end + 6)):
        if m.start == start and m.end > end and m.type == EntityType.GOVERNMENT_BODY:
            found.mentions.remove(m)
            if not any(o.key == m.key for o in found.mentions):
                found.entities.pop(m.key, None)
    key = next((k for k, e in found.entities.items() if e.label == name and e.type in ORG_TYPES),
               entity_key(kind, name))
    if key not in found.entities:
        found.entities[key] = Entity(key, kind, name)
    if not any(m.start == start and m.end == end for m in found.mentions):
        found.mentions.append(Mention(start, end, name, found.entities[key].type, key))
        found.mentions.sort(key=lambda m: (m.start, -m.end))
    found._index = None
    return key


# Bare office titles that take the body of the title before them (市统计局党组书记、局长 →
# 市统计局局长; 县人大常委会主任A主持，副主任B → 县人大常委会副主任).
_BARE_OFFICES = ("局长", "副局长", "主任", "副主任", "常务副主任", "厅长", "副厅长", "处长", "副处长",
                 "院长", "副院长", "党组书记", "党组副书记")
_BODY_ENDS = ("局", "委员会", "常委会", "厅", "院", "办公室", "中心", "管委会")
_HEADS_LONGEST = sorted(TITLE_HEADS, key=len, reverse=True)


def _office_body(title: str) -> tuple[str, str] | None:
    """(body, head) of a title naming its office: 市统计局党组书记 → (市统计局, 党组书记)."""
    for head in _HEADS_LONGEST:
        if title.endswith(head) and len(title) > len(head):
            body = title[:-len(head)]
            if body.endswith("常务"):  # 县人大常委会常务副主任: 常务 is the head's rank
                body, head = body[:-2], "常务" + head
            if body.endswith(_PARTY_WORDS) and body[:-2].endswith(_BODY_ENDS):
                body = body[:-2]  # 省人大常委会党组副书记、副主任: the deputy head of the 常委会
            for end in _BODY_ENDS:
                if body.endswith(end):
                    return body, head
            return None
    return None


def _with_body(title: str, last_title: str | None, sentence_body: tuple[str, str] | None) -> str:
    """A bare 局长 after the same person's 市统计局党组书记, or a bare 副主任 after another's
    县人大常委会主任 in the same sentence, is an office of that body."""
    if title not in _BARE_OFFICES:
        return title
    own = _office_body(last_title) if last_title else None
    if own:
        return own[0] + title
    if sentence_body and _rank_free(title) == _rank_free(sentence_body[1]):
        # 县人大常委会副主任A主持会议，副主任B、C参加: the same body's other deputies too
        return sentence_body[0] + title
    return title


def _rank_free(head: str) -> str:
    """常务副主任, 副主任, 主任 → 主任: the head without its rank."""
    return head.removeprefix("常务").removeprefix("副")


def _shared(title: str) -> bool:
    """Titles several people hold at once (副区长, 县委常委, 副主任): a list of names after one
    such title all hold it (副区长梁栋、陈平、艾正兵)."""
    return "副" in title or title.endswith(("常委", "委员", "成员", "调研员", "巡视员"))


def _listed_after(text: str, person, found: Mentions) -> list[str]:
    """Keys of the people named right after ``person`` in a 、 list, with no title of their own."""
    by_start = {p.start: p for p in found.people}
    keys = {(m.start, m.end): m.key for m in found.mentions if m.type in PERSON_TYPES}
    out, pos = [], person.end
    while pos < len(text) and text[pos] == "、":
        nxt = by_start.get(pos + 1)
        if nxt is None or nxt.titles or (nxt.start, nxt.end) not in keys:
            break
        out.append(keys[(nxt.start, nxt.end)])
        pos = nxt.end
    return out


def _regions_in_titles(found: Mentions) -> list[tuple[int, str]]:
    """(offset, region key) of each region named inside a title (文昌市委书记), in text order."""
    spans = [(t[0], t[1]) for p in found.people for t in p.titles]
    return sorted((m.start, found.entity(m.key).region.key)  # type: ignore[union-attr]
                  for m in found.mentions if m.type in REGION_TYPES
                  and any(a <= m.start and m.end <= b for a, b in spans))


def _listed_region(level: str, opening: int, offset: int,
                   titled: list[tuple[int, str]]) -> str | None:
    """The region of a bare 市长 listed after another official's title that names its city in
    the same sentence (会见了文昌市委书记龙卫东，市委副书记、市长曹树育; 定远县委书记万瑞健、
    常务副县长陶学功): the delegation's, not the page's."""
    gaz = load_gazetteer()
    wanted = LEVEL_CHARS[level]
    best = None
    for start, key in titled:
        if start >= offset:
            break
        if start >= opening:
            hit = _of_level(gaz, key, level, wanted)
            if hit:
                best = f"region/{hit}"
    return best


_LEADS_GROUP = re.compile(r"(?:率领的|带领的|为团长的|率领|带领|率)(?:的)?")


def _led_group_region(text: str, end: int, level: str, found: Mentions) -> str | None:
    """由县长A率领的新疆伊吾县政府考察团: the bare title of a group's leader governs the region
    that names the group right after him, not the page's."""
    m = _LEADS_GROUP.match(text, end)
    if m is None:
        return None
    gaz = load_gazetteer()
    wanted = LEVEL_CHARS[level]
    for r in found.in_span(m.end(), m.end() + 12):
        if r.type in REGION_TYPES and not re.search("[，,。；;、]", text[m.end():r.start]):
            hit = _of_level(gaz, found.entity(r.key).region.key, level, wanted)  # type: ignore[union-attr]
            if hit:
                return f"region/{hit}"
    return None


def _office_title(title: str) -> bool:
    """A party or government office without a level word of its own (宣传部长, 局长, 办公室主任,
    管委会主任): it belongs to the region of the title before it."""
    return title.endswith(_OFFICE_HEADS) and title not in COMPANY_TITLES


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.index
    return 0


def _parse_title(text: str, start: int, end: int, found: Mentions
                 ) -> tuple[str, str | None, str | None]:
    """昌吉州党委书记 → (州党委书记, region/652300, None); 总裁 of a company → org."""
    pos, region, org = start, None, None
    region_end = -1  # 北京市石景山区委副书记: a region named right after another is the title's
    inner = sorted(found.in_span(start, end), key=lambda m: (m.start, -m.end))
    party = next((w for w in _PARTIES_LONGEST if text.startswith(w, start)), None)
    if party and any(m.start == start + len(party) and m.type in REGION_TYPES and m.end < end for m in inner):
        pos = start + len(party)  # 中共鞍山市委书记 → 市委书记; 民革贵州省委主委 → 民革省委主委
    elif party and PARTY_PREFIXES[party] == "org" and end - start > len(party) + 1:
        pos = start + len(party)  # 中国国民党荣誉副主席 → 荣誉副主席, of the party
        org = next((m.key for m in inner if m.start == start and m.end == pos and m.type in ORG_TYPES), None)
    for m in inner:
        if m.start not in (pos, region_end) or m.end >= end:
            continue
        if m.start == region_end and m.type not in REGION_TYPES:
            continue
        if m.type in _STRIP_TYPES:
            if m.type in ORG_TYPES:
                org = m.key
            pos = m.end
        elif m.type in REGION_TYPES:
            region = m.key
            keep_level = m.text[-1] in LEVEL_CHARS and text[m.end] != m.text[-1] \
                and not m.text.endswith(("特区", "特别行政区"))  # 香港特区行政长官 → 行政长官
            # 宁夏回族自治区党委副书记 → 自治区党委副书记: the level word of a province-level
            # autonomous region is 自治区, never a bare 区 (区党委 is a district's)
            kept = 3 if m.text.endswith("自治区") else 1
            pos = m.end - kept if keep_level else m.end
            region_end = m.end
    title = re.sub(r"^[(（][^)）]{1,10}[)）]", "", text[pos:end])
    if region is None and org is None and pos == start:
        town = _UNKNOWN_TOWN.match(title)
        if town and not town.group(1).startswith(_NOT_A_TOWN):
            # 青石镇党委书记 (a town the gazetteer does not hold): 镇党委书记 of that town
            name = town.group(1) + town.group(2)
            region = next((k for k, e in found.entities.items()
                           if e.type == EntityType.TOWNSHIP and e.label == name), None)
            title = title[len(town.group(1)):]
    city = _UNKNOWN_CITY.match(title) if region is None else None
    if city:
        # (乌干达)恩德培市市长, a city abroad: 市长 of that city, its place entity when named
        region = next((k for k, e in found.entities.items()
                       if e.type == EntityType.PLACE and e.label == city.group(1)), None)
        title = title[len(city.group(1)):]
    if party and pos > start and PARTY_PREFIXES[party] == "keep":
        title = party + title
    title = _TERM.sub("", title)  # 省第十二届人大常委会主任 → 省人大常委会主任: the term is no part
    title = _STRAY_HEAD.sub("", _LIST_NUMBER.sub("", title))
    for generic in COMPANY_ANAPHORS:
        if title.startswith(generic) and len(title) > len(generic) + 1:
            title = title[len(generic):]  # 公司董事长 → 董事长: "the company" is no part of the title
            break
    if title.endswith("总书记"):
        title = "总书记"
    foreign = foreign_prefix(title[:-2]) if len(title) > 3 else None
    if foreign and title.startswith(foreign) and title[len(foreign):] in TITLE_HEADS:
        title = title[len(foreign):]  # 法国总统 → 总统: a foreign country is no part of the title
    elif title[:1] in COUNTRY_ABBREVIATIONS and title[1:] in STATE_TITLES and region is None:
        title = title[1:]  # 俄总统 → 总统: a country's one-character short form
    return title, region, org


# 自治区党委书记 governs a province-level region, 自治州州长 a prefecture, 自治县县长 a county.
_AUTONOMOUS = {"自治区": "省", "自治州": "州", "自治县": "县", "自治旗": "旗"}


def _level_char(title: str) -> str | None:
    party = next((w for w in _PARTIES_LONGEST if title.startswith(w) and len(title) > len(w) + 1), None)
    if party and PARTY_PREFIXES[party] == "keep":
        title = title[len(party):]  # 民建市委会主委: the party's committee of the city
    if title.startswith(PREFECTURE_OFFICES):
        return "州"  # 地委书记, 行署专员: the prefecture's
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
        hit = _of_level(gaz, home, level, wanted)
        if hit:
            return f"region/{hit}"
    best = None
    for m in found.mentions:
        if m.start >= offset:
            break
        if m.type in REGION_TYPES:
            hit = _of_level(gaz, found.entity(m.key).region.key, level, wanted)  # type: ignore[union-attr]
            if hit:
                best = f"region/{hit}"
    return best


def _of_level(gaz: Gazetteer, key: str, level: str, wanted: EntityType) -> str | None:
    """The region of ``key``'s chain a title of that level word governs: 市 in a county-level
    city (大冶市, 高邮市) is that city, not the prefecture above it."""
    if level == "市":
        county = gaz.ancestor_of_type(key, EntityType.COUNTY)
        if county and gaz.regions[county].name.endswith("市"):
            return county
        if gaz.ancestor_of_type(key, wanted) is None:
            # 天津市, 重庆市: a municipality has no prefecture; its 市长 governs the
            # province-level city itself
            province = gaz.ancestor_of_type(key, EntityType.PROVINCE)
            if province and gaz.regions[province].name.endswith("市"):
                return province
    return gaz.ancestor_of_type(key, wanted)


_CONGRESS = ("人大", "政协", "人民代表大会")
_REGION_LEVELS = "省市州县区旗镇乡"


def _company_post(post: Post, found: Mentions) -> bool:
    org = found.entities.get(post.org) if post.org else None
    return post.title.endswith(tuple(COMPANY_TITLES)) or (org is not None and org.type is EntityType.COMPANY)


def _office_post(post: Post, found: Mentions) -> bool:
    """A party, government, congress or CPPCC office (县长, 市政协副主席, 区法院院长), not one
    held in a company or another body that is no government's."""
    from kg.extract.lexicon import OFFICIAL_MARKERS

    org = found.entities.get(post.org) if post.org else None
    if org is not None and org.type is not EntityType.GOVERNMENT_BODY:
        return False
    # 市住建委主任, 县烟办主任: a title that opens with its level word is an office of that region's
    return not _company_post(post, found) and (any(mark in post.title for mark in OFFICIAL_MARKERS)
                                               or post.title[:1] in _REGION_LEVELS)


def settle_officials(found: Mentions, posts: list[Post]) -> None:
    """Whether each person with posts is an Official, from all his posts on the page: one who
    holds an office is, also when the title was read for the list he stands in (副区长梁栋、陈平:
    陈平's post is the first name's title); one who holds a company title (董事长, 总经理) is
    an executive, whose party titles (中国铁建党委书记、董事长) are his company's, unless
    another post of his governs a region or sits in a congress or CPPCC (全国政协常委)."""
    held: dict[str, list[Post]] = {}
    for post in posts:
        held.setdefault(post.person, []).append(post)
    for person, own in held.items():
        entity = found.entities.get(person)
        if entity is None or entity.type not in PERSON_TYPES:
            continue
        if any(_company_post(p, found) for p in own):
            official = any(_office_post(p, found) and not p.title.startswith(_PARTY_WORDS)
                           and (p.jurisdiction or any(w in p.title for w in _CONGRESS)) for p in own)
        else:
            official = entity.type is EntityType.OFFICIAL or any(_office_post(p, found) for p in own)
        etype = EntityType.OFFICIAL if official else EntityType.PERSON
        if etype is not entity.type:
            found.retype(person, etype)
