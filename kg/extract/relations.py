"""Binary facts: where companies, parks and projects are; who invests in which project."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kg.extract.lexicon import (ARRIVE_VERBS, COMPANY_ANAPHORS, COUNT_PATTERN, COPULA_PLACE_FOLLOWERS, INVEST_VERBS,
                                INVESTOR_ROLES,
                                LOCATION_VERBS, SITE_PLACE_HEADS, VISIT_VERBS)
from kg.extract.index import Cover
from kg.extract.mentions import Mentions
from kg.extract.names import ZONE_SUFFIXES
from kg.extract.regions import load_gazetteer
from kg.extract.model import REGION_TYPES, EntityType, Event, EventType, Mention, Post, Relation
from kg.extract.segment import Sentence

LOCATED_IN = "locatedIn"
INVESTS_IN = "investsIn"
# Where companies, parks and projects are (ONTOLOGY.md); a bureau's region is in its name already.
_LOCATABLE = {EntityType.COMPANY, EntityType.PARK, EntityType.PROJECT}
_INVEST_RE = re.compile("|".join(INVEST_VERBS) + "|协议")
# 位于高州金山片区的…, 坐落于婺源县江湾镇的…, 落户贵溪经济开发区的…: the place before 的 holds it.
_LOCATED_RE = re.compile("(?:" + "|".join(sorted(LOCATION_VERBS, key=len, reverse=True)) + ")$")
# 4月20日上午，遵义市播州区团溪镇，贵州成黔矿产有限公司…: a feature's place line.
_DATELINE = re.compile(r"(?:\d{1,2}月\d{1,2}日(?:[上下]午|晚)?[,，]?)?(?:[\u4e00-\u9fff]{2,12}(?:省|市|州|县|区|旗|镇|乡|街道))*")


def find_relations(sentences: list[Sentence], found: Mentions, events: list[Event],
                   home: str | None = None, posts: Sequence[Post] = ()) -> list[Relation]:
    """Where things are and who invests in what; ``home`` is the region the page is about
    (its paper's, or the one the caller names), when known; ``posts`` the page's posts (a
    township's official who tours companies tours that township's)."""
    out: list[Relation] = []
    recent_company: tuple[int, str] | None = None
    recent_project: tuple[int, str] | None = None
    by_sentence = []
    for s in sentences:
        ms = found.in_span(s.start, s.end)
        by_sentence.append((s, ms))
        out.extend(_investments(s, ms, recent_company, recent_project))
        companies = [m.key for m in ms if m.type is EntityType.COMPANY]
        if companies:
            recent_company = (s.index, companies[-1])
        targets = [m.key for m in ms if m.type in (EntityType.PROJECT, EntityType.PARK)]
        if targets:
            recent_project = (s.index, targets[-1])
    investors = {r.subject for r in out}
    # the parties of a signing come to the page's region to invest; where they are is their own
    signers = {k for e in events if e.type is EventType.SIGNING for k in e.participants}
    said_of_anaphor = _anaphor_said_to_be_in(by_sentence)
    # a named place a visit went to (a memorial hall, a base, a park) is located as a site is
    sites = {k for e in events if e.type is EventType.VISIT for k in e.places
             if found.entity(k).type is EntityType.PLACE and not _held_by_no_region(found.entity(k).label)}
    located: set[str] = set()
    # (a company named in a sentence that goes nowhere, after the tour came to a county, is
    # as often the visitor's own: 李波一行到乐东考察 … 山东土地集团将…)
    visiting = {e.sentence for e in events if e.type is EventType.VISIT}
    seen = {k for e in events if e.type is EventType.VISIT for k in e.places}
    said = _said_to_be_in(by_sentence)
    for key, where in list(_in_this_place(by_sentence).items()) + list(_park_rolls(by_sentence).items()):
        said.setdefault(key, where)
    towns = {m.key for _, ms in by_sentence for m in ms if m.type is EntityType.TOWNSHIP
             and m.text.endswith(("镇", "乡", "街道"))}  # named by its full name (水口山 is a mine too)
    for article in _articles(sentences):
        page = _page_place(article, found, home)
        tour: str | None = None
        for s in article:
            ms = by_sentence[s.index][1]
            arrivals = _tour_regions(s, ms)
            passed = 0
            for m in ms:
                while passed < len(arrivals) and arrivals[passed][1] <= m.start:
                    tour = arrivals[passed][0]  # 在A县，…；在B县，…: each clause its own county
                    passed += 1
                if m.key in located:
                    continue
                if m.type not in _LOCATABLE and m.key not in sites:
                    where = _stated_place(s, m, ms) if m.text.endswith(SITE_PLACE_HEADS) else None
                    if where and where != m.key:  # 坐落于婺源县江湾镇的篁岭景区
                        located.add(m.key)
                        out.append(Relation(m.key, LOCATED_IN, where, s.index))
                    continue
                embedded = _embedded_place(m, ms)
                if m.type is EntityType.PROJECT or (m.type is EntityType.COMPANY
                                                    and m.key not in investors | signers):
                    # (a company that invests or signs here is where its name says: 秦皇岛X公司
                    # on a page about 卢龙县 is a 秦皇岛 company that comes to build)
                    embedded = _refined(embedded, tour or page)
                where = (_signed_by_government(s, m, ms) or _respective_places(s, m, ms, page) or said.get(m.key) or said_of_anaphor.get(m.key) or embedded
                         or _stated_place(s, m, ms) or _park_before(s, m, ms) or _listed_after(s, m, ms))
                if where and embedded and where != embedded and _inside(embedded, where):
                    where = embedded  # “蒋巷镇城乡一体化建设”项目在南昌县签约: its own town, in that county
                if m.type is EntityType.PARK and (where is None or where == embedded):
                    # 彭阳县王洼产业园区 → 王洼镇, 图克工业项目区 on a tour of 乌审旗 → 图克镇
                    where = _opening_township(m, ms, where or tour or page, towns) or where
                if where is None and m.type is EntityType.PARK:
                    where = _opening_region(m, tour or page)  # 东海经济开发区 → 东海县
                if where is None and m.type is EntityType.PARK and not m.text.endswith(("园", "园区")):
                    where = _opening_province(m, ms)  # 山东自贸试验区, seen on a tour of 寿光市
                if where is None and m.key not in investors and tour and not _came_here(s, m) and (
                        m.type is not EntityType.COMPANY or s.index in visiting or m.key in seen) and (
                        m.type is not EntityType.PARK or _level(tour) is EntityType.COUNTY
                        or _a_towns_park(m, ms, tour)):
                    where = tour  # a site visited after 来到X县 is in X县 (a park, in a county)
                if where is None and m.type is EntityType.PARK:
                    where = _opening_province(m, ms)  # 山东自贸试验区: a province's own zone
                    if (where and page and _related(where, page) and _level(page) in _LOCAL
                            and m.text.endswith(("园", "园区"))):
                        where = page  # 辽宁西柳…产业园 on a page about 海城市: in 海城市
                if where and where != m.key:
                    located.add(m.key)
                    out.append(Relation(m.key, LOCATED_IN, where, s.index))
            if arrivals:
                tour = arrivals[-1][0]
    out.extend(_visited_in_county(events, found, set(located) | investors, sites, _own_townships(posts)))
    located = {r.subject for r in out if r.predicate == LOCATED_IN}
    out.extend(_in_the_articles_county(sentences, found, located | investors | signers, events, home))
    out.extend(_by_its_brand(by_sentence, out))
    out.extend(_where_its_own_project_is(out, found))
    return _unique(out)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _by_its_brand(by_sentence: list[tuple[Sentence, list[Mention]]], relations: list[Relation]) -> list[Relation]:
    """来到拉斯贝姆项目现场，与杭州拉斯贝姆餐饮设备有限公司的总经理…: a project with no investor
    whose name opens with the distinctive word of a company named in its sentence (or the two
    before), that word right after the region the company's name may open with, is that
    company's."""
    from kg.extract.segment import tagged

    has_investor = {r.object for r in relations if r.predicate == INVESTS_IN}
    gaz = load_gazetteer()
    out = []
    recent: list[tuple[int, Mention]] = []
    for s, ms in by_sentence:
        companies = [m for m in ms if m.type is EntityType.COMPANY and not _inside_another(m, ms)]
        recent = [(i, c) for i, c in recent if s.index - i <= 2] + [(s.index, c) for c in companies]
        for p in ms:
            if p.type is not EntityType.PROJECT or p.key in has_investor or _inside_another(p, ms):
                continue
            owners = set()
            for _, c in recent:
                name = c.text
                lead = 0
                for a, b, _, _ in gaz.scan(name, villages=False):
                    if a != lead:
                        break
                    lead = b
                brand = _common_prefix(name[lead:], p.text)
                if len(brand) < 2 or len(brand) > len(p.text) - 2 or gaz.by_name.get(brand):
                    continue
                words = tagged(brand)
                if len(words) == 1 and words[0][3] in ("n", "vn", "v", "nz", "b"):
                    continue  # 新能源, 智能: a common word, no brand
                owners.add(c.key)
            if len(owners) == 1:
                has_investor.add(p.key)
                out.append(Relation(owners.pop(), INVESTS_IN, p.key, s.index))
    return out


# 二期, 扩建, 技改: a company's project that grows a plant it has, where it has it.
_OWN_PLANT = re.compile(r"[二三四五]期|扩建|技改|扩能|改造|提升")


def _where_its_own_project_is(relations: list[Relation], found: Mentions) -> list[Relation]:
    """天纤棉业公司二期20万锭棉纱生产线 in 泾川县: a company whose registered name opens the
    name of a project it builds is where that project is (its own plant), unless its name holds
    a region that does not hold that place (北京某公司棋盘山项目: a Beijing company builds)."""
    where = {r.subject: r.object for r in relations if r.predicate == LOCATED_IN}
    out = []
    for r in relations:
        if r.predicate != INVESTS_IN or r.subject in where or r.object not in where:
            continue
        company, project = found.entity(r.subject), found.entity(r.object)
        if company.type is not EntityType.COMPANY or not project.label.startswith(company.label) \
                or len(project.label) <= len(company.label):
            continue
        place = where[r.object]
        region = place
        while region in where and not region.startswith("region/"):
            region = where[region]  # a park: the region it is in
        if not region.startswith("region/"):
            continue
        gaz = load_gazetteer()
        keys = [k for _, _, _, ks in gaz.scan(company.label, villages=False) for k in ks]
        if keys and not any(_related(f"region/{k}", region) for k in keys):
            continue
        local = any(_related(f"region/{k}", region) and gaz.regions[k].type is not EntityType.PROVINCE
                    for k in keys)  # 卢龙某某公司 on a page about 卢龙县
        if not local and not _OWN_PLANT.search(project.label[len(company.label):]):
            continue  # (国家能源集团, 大唐新能源公司: groups build far from home)
        where[r.subject] = place
        out.append(Relation(r.subject, LOCATED_IN, place, r.sentence))
    return out


# Words after which a region is where the reporter or the visitor is (来到X县, 在X镇，…).
_MOVE_BEFORE = re.compile("(?:" + "|".join(sorted(ARRIVE_VERBS, key=len, reverse=True)) + ")$")
# 在X县，…: a sentence (or a clause after a semicolon) that opens in a place frames what follows
# (在X召开 is a venue, not a tour).
_FRAME_BEFORE = re.compile(r"(?:^|[;；])(?:[^,，。;；]{0,12}[,，])?在$")


def _tour_regions(s: Sentence, ms: list[Mention]) -> list[tuple[str | None, int]]:
    """赴衡阳市常宁市, 来到沙塘镇, 在定远县，: the counties or townships a visit comes to in this
    sentence (the last of each chain), each with where it is named; (None, where) when the
    visit goes on to a list of places or to a wider region (the tour so far is over)."""
    regions = [m for m in ms if m.type in REGION_TYPES and not _inside_another(m, ms)]
    chains: list[list[Mention]] = []
    for i, m in enumerate(regions):
        lead = s.text[: m.start - s.start]
        chained = i > 0 and regions[i - 1].end == m.start and bool(chains) and chains[-1][-1] is regions[i - 1]
        rest = s.text[m.end - s.start:]
        framed = _FRAME_BEFORE.search(lead) and (rest[:1] in ",，" or rest.startswith(VISIT_VERBS))
        if not (_MOVE_BEFORE.search(lead) or framed or chained):
            continue
        after = s.text[m.end - s.start: m.end - s.start + 1]
        a_stop = chained and m.type is EntityType.VILLAGE  # 来到海尾镇沙渔塘社区、宜景农业
        if (after == "、" and not a_stop) or (i + 1 < len(regions) and regions[i + 1].start == m.end + 1
                                             and s.text[m.end - s.start] in "、和与及"):
            return [_chain_arrival(c, s.text, s.start) for c in chains] + [(None, m.end)]  # 来到A镇、B镇: no one place
        if chained:
            chains[-1].append(m)
        else:
            chains.append([m])
    return [_chain_arrival(c, s.text, s.start) for c in chains]


_CAME_HERE = re.compile(r"(?:前来|来到|来|到|赴)[^，,。；;]{0,20}的$")


def _came_here(s: Sentence, m: Mention) -> bool:
    """会见了前来我市投资考察的台湾立碁公司董事长: what the clause says came here is from elsewhere."""
    return _CAME_HERE.search(s.text, 0, m.start - s.start) is not None


def _chain_arrival(chain: list[Mention], text: str, offset: int) -> tuple[str | None, int]:
    """来到海尾镇沙渔塘社区、宜景农业: a chain that ends in a village that is itself a stop of
    the list names the township (or county) of the stops after it."""
    last = chain[-1]
    if last.type is EntityType.VILLAGE and text[last.end - offset: last.end - offset + 1] == "、":
        for m in reversed(chain):
            if m.type is not EntityType.VILLAGE:
                return _arrival(m)[0], last.end
    return _arrival(last)


def _a_towns_park(m: Mention, ms: list[Mention], tour: str) -> bool:
    """在宁条梁镇，…走进小白杏生态观光产业园: a garden-like park (…园) that opens with no region
    of its own, seen on a visit to a township, is in that township (a development zone is a
    county's)."""
    return (_level(tour) is EntityType.TOWNSHIP and m.text.endswith("园")
            and not any(o.start == m.start and o.type in REGION_TYPES for o in ms if o is not m))


def _arrival(last: Mention) -> tuple[str | None, int]:
    if last.type not in (EntityType.PREFECTURE, EntityType.COUNTY, EntityType.TOWNSHIP):
        return None, last.end
    return last.key, last.end


def _level(key: str) -> EntityType:
    return load_gazetteer().regions[key.removeprefix("region/")].type


def _refined(where: str | None, context: str | None) -> str | None:
    """梅州市盛富金属制品有限公司 on a page about 梅县区: a region in a name that holds the
    page's or the visit's own county is made that county (the most specific place known)."""
    if (where is None or context is None or not where.startswith("region/") or where == context
            or _level(where) not in (EntityType.PROVINCE, EntityType.PREFECTURE)
            or _level(context) is not EntityType.COUNTY):
        return where
    return context if _inside(context, where) else where


def _listed_after(s: Sentence, m: Mention, ms: list[Mention]) -> str | None:
    """西卅店镇的众兴菌业、肉羊养殖项目: the items of a list after ``<place>的`` are there."""
    before = sorted((o for o in ms if o.end <= m.start and not _inside_another(o, ms)),
                    key=lambda o: o.start)
    pos = m.start
    for o in reversed(before):
        gap = s.text[o.end - s.start: pos - s.start]
        if o.type in REGION_TYPES | {EntityType.PARK}:
            if gap == "的" and o.type is not EntityType.PROVINCE:
                return o.key
            if gap in ("", "“") and pos == m.start and o.type in (EntityType.TOWNSHIP, EntityType.VILLAGE):
                return o.key  # 城关镇凤凰美丽乡村, 巴城镇“五有”农业服务中心: a township written before a name
            return None
        if o.type not in _LOCATABLE or gap not in ("、", "和", "及", "与"):
            return None
        pos = o.start
    return None


def _page_place(article: list[Sentence], found: Mentions, home: str | None) -> str | None:
    """The county an article is about: the one it names most, at least twice and in two of
    every three mentions of a county (a tour of several counties has none); regions inside a
    company's name (金川集团) do not count. Else the page's home region, if it is a county."""
    start, end = article[0].start, article[-1].end
    ms = found.in_span(start, end)
    in_a_company = Cover((m.start, m.end) for m in ms if m.type is EntityType.COMPANY).covers
    counties = Counter(m.key for m in ms if m.type is EntityType.COUNTY
                       and not in_a_company(m.start, m.end))
    if counties:
        key, n = counties.most_common(1)[0]
        # 吴晓军赴海西州调研 … 乌兰县A、乌兰县B: a page that names the prefecture more often
        # than the county is about the prefecture
        wider = Counter(m.key for m in ms if m.type is EntityType.PREFECTURE
                        and not in_a_company(m.start, m.end) and _related(m.key, key))
        if n >= 2 and n * 3 >= 2 * sum(counties.values()) and not any(c > n for c in wider.values()):
            gaz = load_gazetteer()
            if home is None or home in gaz.ancestors(key.removeprefix("region/")):
                return key
    if home and load_gazetteer().regions[home].type in (EntityType.COUNTY, EntityType.TOWNSHIP):
        return f"region/{home}"  # a county's paper: what it names is in the county
    return None


def _page_county(sentences: list[Sentence], found: Mentions, home: str | None) -> str | None:
    """The county the whole page is about (its articles may each name it too seldom: a
    headline line starts an article of its own); a short report that names one county once
    by its full name, and no other county and no prefecture outside a name, is about that
    county too."""
    if not sentences:
        return None
    key = _page_place(sentences, found, home)
    if key:
        return key
    ms = found.in_span(sentences[0].start, sentences[-1].end)
    in_a_name = Cover((m.start, m.end) for m in ms if m.type not in REGION_TYPES).covers
    free = [m for m in ms if m.type in REGION_TYPES and not in_a_name(m.start, m.end)]
    counties = {m.key for m in free if m.type is EntityType.COUNTY}
    gaz = load_gazetteer()
    if len(counties) != 1 or not any(m.text == gaz.regions[m.key.removeprefix("region/")].name
                                     for m in free if m.type is EntityType.COUNTY):
        return None  # (西湖 once on a national page: a short form is not enough)
    county = next(iter(counties))
    if any(m.type is EntityType.PREFECTURE for m in free):
        return None  # (赴黔东南州调研 … 雷山县茶叶种植园: a tour of the prefecture)
    return county


def _unless_another(article: list[Sentence], found: Mentions, county: str | None) -> str | None:
    """The page's county for an article that names no county or prefecture of another place
    (outside a name)."""
    if county is None:
        return None
    ms = found.in_span(article[0].start, article[-1].end)
    in_a_name = Cover((m.start, m.end) for m in ms if m.type not in REGION_TYPES).covers
    if any(m.type in (EntityType.COUNTY, EntityType.PREFECTURE) and not in_a_name(m.start, m.end)
           and not _related(m.key, county) for m in ms):
        return None
    return county


_COUNTED = re.compile(COUNT_PATTERN)
_GATHERING = re.compile(r"召开|开幕|举行|举办")
_SIGNING_RE = re.compile(r"签约|签署|开工|奠基")
_HELD_AT = re.compile(r"(?:隆重|盛大)?(?:举行|召开|举办)")


def _venue_park(article: list[Sentence], ms: list[Mention]) -> str | None:
    """在海城经济开发区重点项目集中签约仪式上, 开工仪式在金牌港开发区举行: the zone an
    article's signing or ground-breaking is held in (the first such)."""
    for s in article:
        for m in ms:
            if m.type is not EntityType.PARK or not (s.start <= m.start < s.end):
                continue
            lead, after = s.text[: m.start - s.start], s.text[m.end - s.start: m.end - s.start + 1]
            if _HELD_AT.match(s.text, m.end - s.start) and any(
                    o.type in (EntityType.COUNTY, EntityType.PREFECTURE) and o.end <= m.start
                    and s.start <= o.start and not _inside_another(o, ms) for o in ms):
                continue  # 盐湖区重点项目集中开工仪式在高新区举行: the county's projects, the zone its venue
            if lead.endswith("在") and after not in ("和", "、", "及", "与") and _SIGNING_RE.search(s.text):
                return m.key  # (分别在A和B签约: no one venue)
    return None


def _page_town(ms: list[Mention], county: str | None) -> str | None:
    """The township an article is about (a town's own page, or a visit to one town): named at
    least three times, as often as any county, in two of every three mentions of a township,
    and in the article's county when there is one. Names inside a company's do not count."""
    in_a_name = Cover((m.start, m.end) for m in ms if m.type not in REGION_TYPES).covers
    towns = Counter(m.key for m in ms if m.type is EntityType.TOWNSHIP and not in_a_name(m.start, m.end))
    if not towns:
        return None
    key, n = towns.most_common(1)[0]
    counties = Counter(m.key for m in ms if m.type is EntityType.COUNTY and not in_a_name(m.start, m.end))
    if n < 3 or n * 3 < 2 * sum(towns.values()) or (counties and n < max(counties.values())):
        return None
    if county and not _related(key, county):
        return None
    return key


def _in_the_articles_county(sentences: list[Sentence], found: Mentions, located: set[str],
                            events: list[Event], home: str | None = None) -> list[Relation]:
    """A company, project or park an article names with no place of its own lies where the
    article is: the one park it names (at least twice, and no other park), else the county
    the article is about. Not so for investors (a company that signs for a project here is
    often from elsewhere), for companies of an article that visits nothing (the organisers of
    a conference held there), for a name that opens with another region, and for what a
    sentence naming another county says."""
    out = []
    whole = _page_county(sentences, found, home)
    away = _seen_away(events, found)
    for article in _articles(sentences):
        start, end = article[0].start, article[-1].end
        ms = found.in_span(start, end)
        park = _the_one([m for m in ms if not _province_wide(m)], EntityType.PARK)
        county = _page_place(article, found, home) or _unless_another(article, found, whole)
        county = _page_town(ms, county) or county
        venue = _venue_park(article, ms)
        visiting = any(e.type is EventType.VISIT and article[0].index <= e.sentence <= article[-1].index
                       for e in events)
        only_county = _the_one(ms, EntityType.COUNTY)
        if not visiting and any(_GATHERING.search(s.text) for s in article):
            only_county = None  # 大会在兴义市召开: the companies of a meeting held there come to it
        for m in ms:
            place = park if park and m.type is not EntityType.PARK else county
            if venue and m.type is EntityType.PROJECT:
                place = venue  # the projects signed at a zone's ceremony are in that zone
            if m.type is EntityType.COMPANY and place == county and not park:
                place = only_county or (county if visiting else None)
            site = (m.type is EntityType.PLACE and visiting and m.text.endswith(SITE_PLACE_HEADS)
                    and place == county and not _COUNTED.search(m.text))
            if not place or (m.type not in _LOCATABLE and not site) or m.key in located or place == m.key:
                continue
            if place == county and any(not _related(r, place) for r in away.get(m.key, ())):
                continue  # a stop of a tour of another region is not in the page's county
            sentence = next(s for s in article if s.start <= m.start < s.end)
            if place == county and (_opens_with_another_region(_without_its_company(m, ms), place)
                                    or _names_another_county(sentence, ms, place)):
                continue
            located.add(m.key)
            out.append(Relation(m.key, LOCATED_IN, place, sentence.index))
    return out


def _seen_away(events: list[Event], found: Mentions) -> dict[str, set[str]]:
    """赴佛山市、中山市考察 … 先后到A公司、B公司: the things a visit saw, each with the regions
    the tour had last gone to (in that visit or one before), when it named any. (The page's
    tour, whoever leads it: 杨明率考察组 and 杨明一行 are one tour.)"""
    out: dict[str, set[str]] = {}
    last: set[str] = set()
    for e in sorted((e for e in events if e.type is EventType.VISIT), key=lambda e: e.sentence):
        regions = {k for k in e.places if found.entity(k).type in REGION_TYPES}
        if regions:
            last = regions
        for k in e.places:
            if k not in regions and last:
                out.setdefault(k, set()).update(last)
    return out


def _inside(a: str, b: str) -> bool:
    """Whether region ``a`` lies inside region ``b`` (both region keys)."""
    if not (a.startswith("region/") and b.startswith("region/")):
        return False
    return b.removeprefix("region/") in load_gazetteer().ancestors(a.removeprefix("region/"))[1:]


def _related(a: str, b: str) -> bool:
    gaz = load_gazetteer()
    a, b = a.removeprefix("region/"), b.removeprefix("region/")
    return a in gaz.ancestors(b) or b in gaz.ancestors(a)


def _opens_with_another_region(m: Mention, place: str) -> bool:
    """昌吉国家高新区 on a page about 木垒县: a name that opens with another region's name."""
    gaz = load_gazetteer()
    for start, _, _, keys in gaz.scan(m.text, villages=False):
        if start == 0:
            wide = [k for k in keys if gaz.regions[k].type in _WIDE]
            return bool(wide) and not any(_related(f"region/{k}", place) for k in wide)
    return False


_WIDE = (EntityType.PROVINCE, EntityType.PREFECTURE, EntityType.COUNTY)


def _without_its_company(m: Mention, ms: list[Mention]) -> Mention:
    """北京中艺映画文化传媒有限公司棋盘山综合开发项目 → 棋盘山综合开发项目: a project's name
    after the company it opens with (the company's region is not the project's)."""
    if m.type is not EntityType.PROJECT:
        return m
    owner = max((o for o in ms if o.type is EntityType.COMPANY and o.start == m.start and o.end < m.end),
                key=lambda o: o.end, default=None)
    if owner is None:
        return m
    return Mention(owner.end, m.end, m.text[owner.end - m.start:], m.type, m.key)


def _names_another_county(s: Sentence, ms: list[Mention], place: str) -> bool:
    """The sentence itself names a county other than the article's (到高州市、茂南区调研…)."""
    return any(o.type is EntityType.COUNTY and s.start <= o.start < s.end and not _inside_another(o, ms)
               and not _related(o.key, place) for o in ms)


_WHOLE_PROVINCE_ZONES = ("自由贸易港", "自贸港", "自由贸易试验区", "自贸试验区", "自贸区")


def _province_wide(m: Mention) -> bool:
    """海南自由贸易港, 海南自贸港: a zone that is a whole province is no park to place things in
    (its projects are in the cities that host them)."""
    if m.type is not EntityType.PARK or not m.text.endswith(_WHOLE_PROVINCE_ZONES):
        return False
    head = next(z for z in _WHOLE_PROVINCE_ZONES if m.text.endswith(z))
    rest = m.text[: -len(head)]
    return any(r.type is EntityType.PROVINCE for r in load_gazetteer().candidates(rest))


def _the_one(ms: list[Mention], kind: EntityType) -> str | None:
    """The only thing of this kind the article names, if it names it at least twice."""
    named = Counter(m.key for m in ms if m.type is kind)
    if len(named) == 1 and next(iter(named.values())) >= 2:
        return next(iter(named))
    return None


# 本报天台11月17日电, 本报宁波讯: a paper's dateline opens a report of its own (a page may hold
# two reports, from two counties, under one headline).
_DATELINE_OPENS = re.compile(r"\s*(?:本报|本台|新华社)[\u4e00-\u9fff]{0,8}(?:\d{1,2}月\d{1,2}日)?(?:电|讯)")


# 7月13日，万宁市举办…集中开工分会场活动: a paragraph whose subject is a county holding an event
# opens that county's part of a report on several (文昌's projects, then 万宁's).
_REGION_HOLDS = re.compile(r"\s*(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚上)?[,，])?[\u4e00-\u9fff]{1,8}?[市县区旗]"
                           r"(?:举办|举行|召开|启动)")


def _articles(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped into articles: a short line without a final stop starts a new one, and
    so does a paper's dateline."""
    articles: list[list[Sentence]] = [[]]
    for s in sentences:
        short_line = len(s.text) <= 40 and not s.text.endswith(("。", "！", "？", "”", "」"))
        paragraph = bool(articles[-1]) and articles[-1][-1].end != s.start
        if articles[-1] and (short_line or _DATELINE_OPENS.match(s.text)
                             or (paragraph and _REGION_HOLDS.match(s.text))):
            articles.append([])
        articles[-1].append(s)
    return [a for a in articles if a]


def _sentence_index(article: list[Sentence], offset: int) -> int:
    return next((s.index for s in article if s.start <= offset < s.end), article[0].index)


# 二期项目, (三期)建设项目, 扩建工程: what a park's name is followed by when the project builds it.
_PHASE_OF = re.compile(r"[(（]?(?:[一二三四五六七八九十0-9]+期)?[)）]?(?:建设|扩建|续建|改扩建)?(?:项目|工程)")


def _embedded_place(m: Mention, ms: list[Mention]) -> str | None:
    """坝羊镇五星村…项目 → 五星村: the last region or park in the name's leading chain (after
    the company a project's name may open with: 国家能源集团梅县抽水蓄能电站项目 → 梅县区)."""
    pos, best, best_region = m.start + (m.text[:1] in "“\""), None, None  # (“蒋巷镇…”项目)
    for inner in sorted(ms, key=lambda x: (x.start, -x.end)):
        if inner.start != pos or inner.end >= m.end or inner.key == m.key:
            continue
        if inner.type is EntityType.COMPANY and m.type is EntityType.PROJECT and inner.start == m.start:
            pos = inner.end  # 深圳万利加集团300万吨…项目: 深圳 is where the company is from
            continue
        if inner.type in REGION_TYPES:
            if inner.type is not EntityType.PROVINCE:
                best_region = inner.key
            pos = inner.end
        elif inner.type is EntityType.PARK and (m.type is not EntityType.PARK
                                                or inner.text.endswith(ZONE_SUFFIXES)):
            if m.type is EntityType.PROJECT and _PHASE_OF.fullmatch(m.text[inner.end - m.start:]):
                break  # 银港产业园二期项目: the park's own building, where the park is
            best = inner.key
            pos = inner.end
    return best or best_region or _bracketed_region(m, ms)


def _bracketed_region(m: Mention, ms: list[Mention]) -> str | None:
    """国华旅游文化控股(广州)有限公司, 华润风电(海原)有限公司, 莹展(深圳)工业园区: a city or a
    county in brackets after the brand is where the company or the zone is (a province names
    only where it serves: 砂之船(青海)…). A short form that reads as two regions is none."""
    gaz = load_gazetteer()
    for inner in _BRACKETED.finditer(m.text):
        keys = [k for k in gaz.by_name.get(inner.group(1), ())
                if gaz.regions[k].type in (EntityType.PREFECTURE, EntityType.COUNTY)]
        if len(keys) == 1 and inner.start() > 0:
            return f"region/{keys[0]}"
    return None


_BRACKETED = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]")


_LOCATION_VERB_RE = re.compile(r"[,，]?(?:" + "|".join(LOCATION_VERBS) + r")(?:了|在|于)?$")


def _said_to_be_in(by_sentence: list[tuple[Sentence, list[Mention]]]) -> dict[str, str]:
    """…公司位于X县Y镇, …项目落户X市, …园区是X县一个…: what the page says a company, park or
    project is in, right after its name (the last region or park of the chain that follows:
    the most specific); a statement outranks the region a name opens with (苏州…工业园 that
    is 泗阳县的 is in 泗阳县). The first statement of the page counts."""
    out: dict[str, str] = {}
    for s, ms in by_sentence:
        outer = sorted((m for m in ms if not _inside_another(m, ms)), key=lambda m: m.start)
        for i, m in enumerate(outer):
            if m.type not in _LOCATABLE or m.key in out:
                continue
            chain: list[Mention] = []
            for o in outer[i + 1:]:
                gap = s.text[(chain[-1].end if chain else m.end) - s.start: o.start - s.start]
                if o.type not in REGION_TYPES | {EntityType.PARK} or (chain and gap):
                    break
                if not chain:
                    copula = gap.endswith("是") and len(gap) <= 3
                    if not (_LOCATION_VERB_RE.search(gap) and len(gap) <= 6) and not copula:
                        break
                chain.append(o)
            if not chain:
                continue
            after = s.text[chain[-1].end - s.start:]
            gap = s.text[m.end - s.start: chain[0].start - s.start]
            if gap.endswith("是") and not after.startswith(COPULA_PLACE_FOLLOWERS):
                continue
            last = chain[-1]
            if last.type is EntityType.PROVINCE and len(chain) == 1 and m.type is not EntityType.PARK:
                continue  # 位于贵州: a province is no place a company is found by
            out[m.key] = last.key
    return out


_LOCAL = (EntityType.COUNTY, EntityType.TOWNSHIP)
# 来到位于该镇的…公司, 落户本县的…项目: the region of that level the page named last.
_THIS_PLACE = re.compile("(?:" + "|".join(sorted(LOCATION_VERBS, key=len, reverse=True))
                         + r")(?:在|于)?(?:该|本|这个)([镇乡县区市村])的?$")
_LEVEL_OF = {"镇": (EntityType.TOWNSHIP,), "乡": (EntityType.TOWNSHIP,), "县": (EntityType.COUNTY,),
             "区": (EntityType.COUNTY,), "市": (EntityType.COUNTY, EntityType.PREFECTURE),
             "村": (EntityType.VILLAGE,)}


def _in_this_place(by_sentence: list[tuple[Sentence, list[Mention]]]) -> dict[str, str]:
    """…北大湖镇立足林地资源… 调研组来到位于该镇的索特科技有限公司: a company, park or project
    said to be in 该镇 / 本县 is in the township (county, …) last named, in this sentence or before."""
    out: dict[str, str] = {}
    last: dict[EntityType, str] = {}
    for s, ms in by_sentence:
        for m in sorted(ms, key=lambda m: m.start):
            if m.type in REGION_TYPES and not _inside_another(m, ms):
                last[m.type] = m.key
                continue
            if m.type not in _LOCATABLE or m.key in out:
                continue
            hit = _THIS_PLACE.search(s.text[: m.start - s.start])
            if hit:
                where = next((last[t] for t in _LEVEL_OF[hit.group(1)] if t in last), None)
                if where:
                    out[m.key] = where
    return out


def _opening_region(m: Mention, context: str | None) -> str | None:
    """东海经济开发区, 忻州经济开发区: a zone named after a county or a prefecture (its full or
    short name first, then the zone's own words) is in it; an ambiguous short name counts only
    when one of its readings is the page's or the tour's region or holds it."""
    gaz = load_gazetteer()
    for start, end, _, keys in gaz.scan(m.text, villages=False):
        if start != 0 or end >= len(m.text):
            return None
        keys = [k for k in keys if gaz.regions[k].type in (EntityType.PREFECTURE, EntityType.COUNTY)]
        if context:
            near = [k for k in keys if _related(f"region/{k}", context)]
            # 海兴开发区 on a page about 海原县: a name that reads as a region of another
            # province is the zone's own word, not that region
            keys = near or [k for k in keys if len(keys) == 1 and _province(k) == _province(context)]
        return f"region/{keys[0]}" if len(keys) == 1 else None
    return None


_INDUSTRY_PARK_HEADS = ("产业园", "产业园区", "产业基地", "产业带")


def _opening_township(m: Mention, ms: list[Mention], context: str | None, named: set[str]) -> str | None:
    """A zone whose name (after the regions it opens with) opens with the short name of a
    township of its county that the page names (王洼 of 王洼镇 in 彭阳县王洼产业园区) is in that
    township; the county is the last region the name opens with, else the tour's or the page's."""
    pos, county = m.start, None
    for inner in sorted(ms, key=lambda x: (x.start, -x.end)):
        if inner.start == pos and inner.end < m.end and inner.type in REGION_TYPES:
            pos, county = inner.end, inner.key
    county = county or context
    if not county or not county.startswith("region/"):
        return None
    gaz = load_gazetteer()
    county = gaz.ancestor_of_type(county.removeprefix("region/"), EntityType.COUNTY)  # a town's county
    if county is None:
        return None
    rest = m.text[pos - m.start:]
    for n in (3, 2):
        if len(rest) - n < 3:
            continue
        short = rest[:n]
        if rest[n] in "镇乡村" or rest[n:] in _INDUSTRY_PARK_HEADS:
            return None  # (杨梅产业园: the park of an industry, 杨梅 the fruit it grows)
        towns = [k for k in gaz.by_name.get(short, ()) if gaz.regions[k].type is EntityType.TOWNSHIP
                 and gaz.regions[k].name != short and gaz.regions[k].parent == county]
        if len(towns) == 1:
            return f"region/{towns[0]}" if f"region/{towns[0]}" in named else None
    return None


def _province(key: str) -> str:
    return load_gazetteer().ancestors(key.removeprefix("region/"))[-1]


_ANAPHOR_LOCATED = re.compile(r"(?:该公司|该企业|公司|企业|该项目|项目)(?:" + "|".join(
    sorted(LOCATION_VERBS, key=len, reverse=True)) + r")(?:了|在|于)?$")


def _anaphor_said_to_be_in(by_sentence: list[tuple[Sentence, list[Mention]]]) -> dict[str, str]:
    """…来到宏宇新材料有限公司调研。该公司位于余江区中童镇: what 该公司/该项目 位于 says of the
    company or project last named (in this sentence or the two before), the last region or
    park of the chain that follows."""
    out: dict[str, str] = {}
    recent: dict[str, tuple[int, str]] = {}
    for s, ms in by_sentence:
        outer = sorted((m for m in ms if not _inside_another(m, ms)), key=lambda m: m.start)
        for i, m in enumerate(outer):
            if m.type in REGION_TYPES | {EntityType.PARK}:
                lead = s.text[: m.start - s.start]
                hit = _ANAPHOR_LOCATED.search(lead)
                if hit:
                    kind = EntityType.PROJECT if "项目" in hit.group(0) else EntityType.COMPANY
                    if kind in recent and s.index - recent[kind][0] <= 2 and recent[kind][1] not in out:
                        chain = [m]
                        for o in outer[i + 1:]:
                            if o.start != chain[-1].end or o.type not in REGION_TYPES | {EntityType.PARK}:
                                break
                            chain.append(o)
                        if chain[-1].type is not EntityType.PROVINCE:
                            out[recent[kind][1]] = chain[-1].key
            if m.type in (EntityType.COMPANY, EntityType.PROJECT):
                recent[m.type] = (s.index, m.key)
    return out


def _opening_province(m: Mention, ms: list[Mention]) -> str | None:
    """The province a name opens with (山东自贸试验区 → 山东省), when nothing narrower follows."""
    for inner in ms:
        if (inner.start == m.start and inner.end < m.end and inner.type is EntityType.PROVINCE
                and not any(o.start == inner.end and o.type in REGION_TYPES for o in ms)):
            return inner.key
    return None


def _stated_place(s: Sentence, m: Mention, ms: list[Mention]) -> str | None:
    """位于高州金山片区的奇瑞新能源汽车项目 → 高州金山片区."""
    places = sorted((o for o in ms if o.end <= m.start and o.type in REGION_TYPES | {EntityType.PARK}
                     and not _inside_another(o, ms)), key=lambda o: o.start)
    for i, other in enumerate(places):
        lead = s.text[: other.start - s.start]
        if _LOCATED_RE.search(lead):
            last = other  # 坐落于泾县桃花潭镇的…: the last place of the chain that follows
            for nxt in places[i + 1:]:
                if nxt.start != last.end:
                    break
                last = nxt
            if s.text[last.end - s.start: m.start - s.start] in ("的", ""):
                return last.key
    for other in ms:
        if other.end <= m.start and other.type in REGION_TYPES | {EntityType.PARK}:
            lead = s.text[: other.start - s.start]
            gap = s.text[other.end - s.start: m.start - s.start]
            if gap in (",", "，") and _DATELINE.fullmatch(lead) and other.type is not EntityType.PROVINCE:
                return other.key
    if m.type is EntityType.PROJECT:
        return _built_at(s, m, places) or _to_be_built_at(s, m, ms)
    return None


# …项目计划总投资3亿元，将在勤丰镇建设…: where the sentence's project is to be built.
_WILL_BUILD = re.compile(r"(?:将|拟|计划|预计)?(?:投资)?(?:[0-9.]+(?:万|亿)元)?(?:建设|新建|兴建|投建|建成)")


def _to_be_built_at(s: Sentence, m: Mention, ms: list[Mention]) -> str | None:
    """A project that opens its sentence, then ``在<place>建设`` later in it with no other
    project, company or park named between, is built at that place (the last of the chain)."""
    if _inside_another(m, ms) or any(o.type in _LOCATABLE and o.end <= m.start and not _inside_another(o, ms)
                                     for o in ms):
        return None
    later = sorted((o for o in ms if o.start >= m.end and not _inside_another(o, ms)), key=lambda o: o.start)
    for i, o in enumerate(later):
        if o.type in _LOCATABLE or o.type is EntityType.PLACE:
            return None
        if o.type not in REGION_TYPES - {EntityType.PROVINCE} or not s.text[: o.start - s.start].endswith("在"):
            continue
        last = o
        for nxt in later[i + 1:]:
            if nxt.start != last.end or nxt.type not in REGION_TYPES:
                break
            last = nxt
        if _WILL_BUILD.match(s.text, last.end - s.start):
            return last.key
        return None
    return None


# 在集宁区投资建设的锂电池项目, 计划在金山工业区建设…项目: the place a project is built at.
_BUILT_AT = re.compile(r"(?:投资)?(?:建设|新建|兴建|投建|实施|投资)的?")


def _built_at(s: Sentence, m: Mention, places: list[Mention]) -> str | None:
    """在<place>投资建设的<project>: the last place of the chain after 在, right before the verb."""
    for i, other in enumerate(places):
        if not s.text[: other.start - s.start].endswith("在"):
            continue
        last = other
        for nxt in places[i + 1:]:
            if nxt.start != last.end:
                break
            last = nxt
        if _BUILT_AT.fullmatch(s.text[last.end - s.start: m.start - s.start]) and (
                last.type is not EntityType.PROVINCE):
            return last.key
    return None


def _park_before(s: Sentence, m: Mention, ms: list[Mention]) -> str | None:
    """在贵州台江经济开发区，麒麟公司…: a company after a park, with no other place between."""
    if m.type is not EntityType.COMPANY:
        return None
    park = None
    for other in ms:
        if other.end > m.start:
            break
        if other.type is EntityType.PARK:
            gap = s.text[other.end - s.start: m.start - s.start]
            listed = "、" in gap or gap.startswith(("和", "及", "与"))
            # (A投资的B产业园二期项目；C集团…: a park inside a project's name frames nothing)
            park = None if listed or _inside_another(other, ms) else other.key  # 前往A产业园、B公司: side by side
        elif (other.type in REGION_TYPES or other.type is EntityType.PLACE) and park \
                and not _inside_another(other, ms):
            park = None  # a region (or another site: …产业园和X镇统计站) named after the park
        elif park and other.type in _LOCATABLE and not _inside_another(other, ms):
            park = None  # 前往A产业园、B公司: a list's items are side by side, not one in another
    return park


# 苍溪县人民政府与浙江东泰集团有限公司签订…项目: a government (or a zone's committee) with a
# party, then the signing verb and its projects.
_WITH_PARTY_SIGNS = re.compile(r"与[^,，;；。]{2,40}?(?:签订|签署|签约)(?:了)?(?:[^,，;；。、]{1,24}、)*[^,，;；。、]{0,4}$")


def _signed_by_government(s: Sentence, m: Mention, ms: list[Mention]) -> str | None:
    """A project a region's government or a zone's committee signs for with a company is in
    that region or zone: 旺苍县人民政府与A公司签订B项目 → 旺苍县; 广元经济技术开发区管委会
    与A签订B项目 → 广元经济技术开发区; so is one the region or the zone itself signs for
    (镇安县与A公司签订的B项目 → 镇安县). Projects listed after the verb (B、C项目) all count, and
    so do parks (苍溪县人民政府与A公司签订东泰产业园、B项目 → 苍溪县)."""
    if m.type not in (EntityType.PROJECT, EntityType.PARK) or (m.type is EntityType.PARK and _inside_another(m, ms)):
        return None
    clause_start = max((i + 1 for i, ch in enumerate(s.text[: m.start - s.start]) if ch in ",，;；。"), default=0)
    for g in ms:
        if g.start - s.start < clause_start or g.end > m.start:
            continue
        signer = g.type is EntityType.GOVERNMENT_BODY or (
            g.type in REGION_TYPES - {EntityType.PROVINCE} or g.type is EntityType.PARK) and not _inside_another(g, ms)
        if not signer:
            continue
        if not _WITH_PARTY_SIGNS.search(s.text[g.end - s.start: m.start - s.start]):
            continue  # (the items listed before this one, 签订A园、B项目, may stand between)
        if g.type is not EntityType.GOVERNMENT_BODY:
            return g.key  # 镇安县与A公司签订的B项目: the county signs for what is built in it
        inner = [o for o in ms if g.start <= o.start and o.end <= g.end and o is not g
                 and (o.type in REGION_TYPES - {EntityType.PROVINCE} or o.type is EntityType.PARK)]
        if inner:
            return max(inner, key=lambda o: (o.end, o.type is EntityType.PARK)).key
    return None


# A、B等12个项目，分别位于X开发区、Y镇Z村和W经合区: each item is in one of the places.
_RESPECTIVELY_IN = re.compile(r"分别(?:签约)?(?:位于|落户|进入|入驻|落地|布局在|布局于)")


def _respective_places(s: Sentence, m: Mention, ms: list[Mention], page: str | None) -> str | None:
    """Items of a list that are ``分别位于`` several places are each in one of them, so in the
    region all of them lie in (a county, or a prefecture): 华贵饮品、武汉久胜等项目，分别位于
    洪湖经济开发区、乌林镇和新滩经合区 → 洪湖市. The places are the regions and zones named
    after the verb, up to the clause's end; a zone counts by the region it is named after."""
    if m.type not in _LOCATABLE or _inside_another(m, ms):
        return None
    tail = s.text[m.end - s.start:]
    verb = _RESPECTIVELY_IN.search(tail)
    if not verb or re.search(r"[。；;]", tail[: verb.start()]):
        return None
    start = m.end + verb.end()
    stop = re.search(r"[,，;；。]", s.text[start - s.start:])
    end = start + stop.start() if stop else s.end
    gaz = load_gazetteer()
    chains = []
    for o in ms:
        if not (start <= o.start < end) or _inside_another(o, ms):
            continue
        key = o.key if o.type in REGION_TYPES else _opening_region(o, page) if o.type is EntityType.PARK else None
        if key:
            chains.append(gaz.ancestors(key.removeprefix("region/")))
    if len(chains) < 2:
        return None
    common = [k for k in chains[0] if all(k in c for c in chains[1:])]
    if not common or gaz.regions[common[0]].type is EntityType.PROVINCE:
        return None
    return f"region/{common[0]}"


# 武威工业园区开工建设项目117项，…。A公司…生产线、B项目…正在建设: a zone's count of its
# projects or firms opens the roll of them that follows.
_ROLL_HEADER = re.compile(r"(?:共|已)?(?:开工建设|新开工|开工|在建|建设|实施|落户|入驻|引进|签约)(?:各类)?"
                          r"(?:项目|企业)\s*\d+\s*(?:项|个|家)")


def _park_rolls(by_sentence: list[tuple[Sentence, list[Mention]]]) -> dict[str, str]:
    """The companies and projects a zone's roll names are in that zone: from the zone's count
    (``<zone>开工建设项目117项``) to the end of the next sentence, or to the next zone's
    count. The first zone a thing is rolled under holds it."""
    out: dict[str, str] = {}
    park: str | None = None
    until = -1
    for s, ms in by_sentence:
        for m in ms:
            if m.type is EntityType.PARK and not _inside_another(m, ms) and _ROLL_HEADER.match(
                    s.text, m.end - s.start):
                park, until = m.key, s.index + 1
            elif park and s.index <= until and m.type in (EntityType.COMPANY, EntityType.PROJECT):
                out.setdefault(m.key, park)
        if s.index >= until:
            park = None
    return out


def _inside_another(m: Mention, ms: list[Mention]) -> bool:
    return any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o in ms)


def _investments(s: Sentence, ms: list[Mention], recent: tuple[int, str] | None,
                 recent_project: tuple[int, str] | None) -> list[Relation]:
    """Who invests in which project, clause by clause.

    A company that opens a project's name (安徽济东化工有限公司建设项目) is its investor. Else a
    clause (between commas or semicolons) with an investing verb outside every name pairs its
    companies with its projects; a clause that says 该项目 takes the project last named, one
    that opens with 公司 the company last named."""
    out: list[Relation] = []
    projects = [m for m in ms if m.type is EntityType.PROJECT]
    companies = [m for m in ms if m.type is EntityType.COMPANY
                 and not any(p.start <= m.start and m.end <= p.end for p in projects)]
    for p in projects:
        for c in ms:
            if c.type is EntityType.COMPANY and c.start == p.start and c.end < p.end:
                out.append(Relation(c.key, INVESTS_IN, p.key, s.index))
            elif c.type is EntityType.COMPANY and c.end < p.start and _BUILDS.fullmatch(
                    s.text[c.end - s.start: p.start - s.start]):
                out.append(Relation(c.key, INVESTS_IN, p.key, s.index))  # A公司新建B项目
    out.extend(_by_role(s, ms, companies, recent_project))
    out.extend(_signed_then_named(s, companies, projects))
    paired = _respectively(s, companies, projects)
    if paired:
        out.extend(Relation(c, INVESTS_IN, p, s.index) for c, p in paired)
        return out
    masked = list(s.text)
    for m in ms:
        for i in range(m.start - s.start, m.end - s.start):
            masked[i] = "□"
    masked_text = "".join(masked)
    for a, b in _clauses(masked_text):
        clause = masked_text[a:b]
        verbs = [a + v.start() for v in _INVEST_RE.finditer(clause)]
        if not verbs:
            continue
        here = lambda m: a <= m.start - s.start < b  # noqa: E731
        cs = [(c.key, c.end - s.start) for c in companies if here(c)]
        if len(cs) > 1 and "分别" in clause:
            continue  # 分别与A、B签订了X和Y: each its own, never both for one (see _respectively)
        if not cs and recent and s.index - recent[0] <= 6 and a == 0 \
                and clause.lstrip("□ ").startswith(COMPANY_ANAPHORS):
            cs = [(recent[1], a)]  # 公司还建成了…项目: the company the article is about
        # the company acts: an investing verb stands between it and the project it names;
        # A投资的X项目、B投资的Y项目: the next company with a verb of its own takes what follows
        starts = {c.key: c.start - s.start for c in companies if here(c)}
        for j, (c, c_end) in enumerate(cs):
            reach = len(s.text)
            for c2, c2_end in cs[j + 1:]:
                c2_start = starts.get(c2, c2_end)
                if any(c_end <= v < c2_start for v in verbs) and any(c2_end <= v for v in verbs):
                    reach = c2_start
                    break
            for p in projects:
                if here(p) and p.start - s.start < reach and any(
                        c_end <= v < p.start - s.start for v in verbs):
                    out.append(Relation(c, INVESTS_IN, p.key, s.index))
        for p in projects:  # …项目由中核资源投资建设: the project, then 由 and who builds it
            gap_end = p.end - s.start
            for c in companies:
                lead = s.text[gap_end: c.start - s.start]
                if here(p) and here(c) and _BY_LEAD.fullmatch(lead) and any(
                        c.end - s.start <= v for v in verbs):
                    out.append(Relation(c.key, INVESTS_IN, p.key, s.index))
        if any(here(p) for p in projects) or not any(c_end <= v for _, c_end in cs for v in verbs):
            continue
        # 该项目由…公司投资开发, …项目，由…与…签约: the project this sentence (or the last) is about
        topic = None
        if _PROJECT_ANAPHOR.search(clause) or clause.lstrip("□ ").startswith(("由", "是由")):
            before = [m.key for m in ms if m.end - s.start <= a
                      and m.type in (EntityType.PROJECT, EntityType.PARK)]
            if before:
                topic = before[-1]
            elif recent_project and s.index - recent_project[0] <= 3 and (
                    _PROJECT_ANAPHOR.search(masked_text[:b])):
                topic = recent_project[1]
        if topic:
            out += [Relation(c, INVESTS_IN, topic, s.index) for c, c_end in cs
                    if c != topic and any(c_end <= v for v in verbs)]
    return out


def _signed_then_named(s: Sentence, companies: list[Mention], projects: list[Mention]) -> list[Relation]:
    """辽阳县与中国一百岁集团签订合作协议，投资30亿元的东北亚…基地项目正式落户: the one
    company of a sentence that signs (与…签订, its clause naming no project) invests in the
    projects the next clause names."""
    if len(companies) != 1:
        return []
    c = companies[0]
    clause_end = next((i for i in range(c.end - s.start, len(s.text)) if s.text[i] in ",，;；"), None)
    if clause_end is None or not s.text[: c.start - s.start].endswith(("与", "和", "同")):
        return []
    if not _SIGNS.search(s.text[c.end - s.start: clause_end]):
        return []
    next_end = next((i for i in range(clause_end + 1, len(s.text)) if s.text[i] in ",，;；"), len(s.text))
    later = [p for p in projects if clause_end < p.start - s.start < next_end]  # the next clause's
    if any(c.end <= p.start and p.start - s.start < clause_end for p in projects) or not later:
        return []
    return [Relation(c.key, INVESTS_IN, p.key, s.index) for p in later]


def _by_role(s: Sentence, ms: list[Mention], companies: list[Mention],
             recent_project: tuple[int, str] | None) -> list[Relation]:
    """…示范园总投资5亿元。投资方A公司负责人介绍: a company named as the investor (投资方,
    建设方) invests in the project named last before it, in its sentence or the one before."""
    out = []
    for c in companies:
        if not s.text[: c.start - s.start].endswith(INVESTOR_ROLES):
            continue
        before = [m.key for m in ms if m.end <= c.start and m.type in (EntityType.PROJECT, EntityType.PARK)]
        if before:
            out.append(Relation(c.key, INVESTS_IN, before[-1], s.index))
        elif recent_project and s.index - recent_project[0] <= 1:
            out.append(Relation(c.key, INVESTS_IN, recent_project[1], s.index))
    return out


# 与A、B、C分别签订了X、Y、Z; 分别与A、B签约X和Y项目: the n-th party signs for the n-th project.
_SIGNS = re.compile(r"签订|签署|签约|达成")
_LIST_JOINS = ("、", "和", "及", "与", "以及", ",", "，")


def _name_list(s: Sentence, ms: list[Mention], first: int) -> list[Mention]:
    """The mentions of ``ms`` (sorted) from index ``first`` that follow one another joined by
    a list's joining words."""
    run = [ms[first]]
    for m in ms[first + 1:]:
        gap = s.text[run[-1].end - s.start: m.start - s.start]
        if gap not in _LIST_JOINS:
            break
        run.append(m)
    return run


def _respectively(s: Sentence, companies: list[Mention], projects: list[Mention]) -> list[tuple[str, str]]:
    """Pairs of a 分别 sentence: a list of parties, a signing verb, then as many projects; or
    two lists as long as each other with a verb of investing between (see _INVESTS_IN_LIST)."""
    if len(companies) < 2 or len(projects) < 2:
        return []
    cs = sorted(companies, key=lambda m: m.start)
    ps = sorted((p for p in projects if p.start >= cs[0].end), key=lambda m: m.start)
    if not ps:
        return []
    parties = _name_list(s, cs, 0)
    items = _name_list(s, ps, 0)
    between = s.text[parties[-1].end - s.start: items[0].start - s.start]
    lead = s.text[max(0, parties[0].start - s.start - 4): parties[0].start - s.start]
    if len(parties) != len(items) or len(between) > 12 or re.search(r"[。；;]", between):
        return []
    if "分别" in between or "分别" in lead:
        paired = _SIGNS.search(between) is not None
    else:  # two lists, no 分别: within one clause, an investing verb between them
        paired = len(parties) >= 2 and not re.search(r"[，,]", between) and _INVESTS_IN_LIST.search(between) is not None
    return [(c.key, p.key) for c, p in zip(parties, items)] if paired else []


# 引进A、B等企业到我州投资新建X、Y等项目: two lists as long as each other, an investing verb
# between, pair in order as 分别 says they do.
_INVESTS_IN_LIST = re.compile(r"投资(?:新建|建设|兴建)|新建|签约|签订")


# …项目由中核资源投资, …项目是由浙江百强科技企业一百岁集团在辽中区投资兴建: 由, then at most a
# short description of the builder (no punctuation), then the builder.
_BY_LEAD = re.compile(r"[,，]?(?:是)?由[\u4e00-\u9fff]{0,10}")
# 某某公司新建年产…项目, 某某集团扩建…项目: the verb that joins a company to the project it builds.
_BUILDS = re.compile(r"(?:投资)?(?:新建|扩建|兴建|投建)|投资建设")
_CLAUSE_END = re.compile(r"[,，;；:：。！？!?]")
_PROJECT_ANAPHOR = re.compile(r"该项目|此项目|项目(?:由|是由)")


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches between commas, semicolons and stops."""
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _held_by_no_region(label: str) -> bool:
    """A country, a place abroad or an area (太平洋, 京津冀): nothing a Chinese region holds."""
    from kg.extract.countries import countries
    from kg.extract.world import is_abroad, is_area

    return label in countries().values() or label == "中华人民共和国" or is_area(label) or is_abroad(label)


def _own_townships(posts: Sequence[Post]) -> dict[str, str]:
    """The township each person holds a post of, where it is one (善南街道党工委副书记 → 善南街道)."""
    towns: dict[str, set[str]] = {}
    for p in posts:
        if p.jurisdiction and p.jurisdiction.removeprefix("region/") in load_gazetteer().regions \
                and _level(p.jurisdiction) is EntityType.TOWNSHIP:
            towns.setdefault(p.person, set()).add(p.jurisdiction)
    return {person: next(iter(keys)) for person, keys in towns.items() if len(keys) == 1}


def _visited_in_county(events: list[Event], found: Mentions, located: set[str],
                       sites: set[str], own_towns: dict[str, str]) -> list[Relation]:
    """Things seen on a visit to exactly one county lie in that county, unless we know better;
    a township's official who tours without naming a place (到企业调研，先后来到A公司、B公司)
    tours the township's own (``own_towns``: the township each person holds a post of)."""
    out = []
    county_of_tour: dict[str, str | None] = {}
    town_of_tour: dict[str, str | None] = {}
    for e in events:
        if e.type is not EventType.VISIT:
            continue
        if e.agent not in town_of_tour and e.agent in own_towns and not any(
                found.entity(k).type in REGION_TYPES for k in e.places):
            town_of_tour[e.agent] = own_towns[e.agent]
        counties = [k for k in e.places if found.entity(k).type is EntityType.COUNTY]
        towns = [k for k in e.places if found.entity(k).type is EntityType.TOWNSHIP]
        before = town_of_tour.get(e.agent) or county_of_tour.get(e.agent)
        # 前往A产业园、B公司，乌兰县C园: a county named inside a list covers what follows it
        first = e.places.index(counties[0]) if counties else 0
        if counties:
            county_of_tour[e.agent] = counties[0] if len(counties) == 1 else None
            town = town_of_tour.get(e.agent)
            if town and not (len(counties) == 1 and _related(town, counties[0])):
                town_of_tour[e.agent] = None  # the tour has gone on to another county
        if towns and all(k in towns or k in counties for k in e.places):
            # 在钟管镇调研 … 先后来到A公司、B公司: a visit to one township (named as the
            # destination, not as one stop of a list) sees what is in it
            town_of_tour[e.agent] = towns[0] if len(towns) == 1 else None
        where = town_of_tour.get(e.agent) or county_of_tour.get(e.agent)
        for i, k in enumerate(e.places):
            here = before if i < first else where
            if here and k not in located and k != here and (found.entity(k).type in _LOCATABLE or k in sites):
                out.append(Relation(k, LOCATED_IN, here, e.sentence))
    return out


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in relations:
        if (r.subject, r.predicate, r.object) not in seen:
            seen.add((r.subject, r.predicate, r.object))
            out.append(r)
    return out
