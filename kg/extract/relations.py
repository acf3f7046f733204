"""Binary facts: where companies, parks and projects are; who invests in which project."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.lexicon import COMPANY_ANAPHORS, INVEST_VERBS
from kg.extract.mentions import Mentions
from kg.extract.names import ZONE_SUFFIXES
from kg.extract.model import REGION_TYPES, EntityType, Event, EventType, Mention, Relation
from kg.extract.segment import Sentence

LOCATED_IN = "locatedIn"
INVESTS_IN = "investsIn"
# Where companies, parks and projects are (ONTOLOGY.md); a bureau's region is in its name already.
_LOCATABLE = {EntityType.COMPANY, EntityType.PARK, EntityType.PROJECT}
_INVEST_RE = re.compile("|".join(INVEST_VERBS) + "|协议")
_LOCATED_RE = re.compile(r"位于$")
# 4月20日上午，遵义市播州区团溪镇，贵州成黔矿产有限公司…: a feature's place line.
_DATELINE = re.compile(r"(?:\d{1,2}月\d{1,2}日(?:[上下]午|晚)?[,，]?)?(?:[\u4e00-\u9fff]{2,12}(?:省|市|州|县|区|旗|镇|乡|街道))*")


def find_relations(sentences: list[Sentence], found: Mentions, events: list[Event]) -> list[Relation]:
    out: list[Relation] = []
    located: set[str] = set()
    recent_company: tuple[int, str] | None = None
    recent_project: tuple[int, str] | None = None
    for s in sentences:
        ms = [m for m in found.mentions if s.start <= m.start and m.end <= s.end]
        companies = [m.key for m in ms if m.type is EntityType.COMPANY]
        for m in ms:
            if m.type not in _LOCATABLE or m.key in located:
                continue
            where = _embedded_place(m, ms) or _stated_place(s, m, ms) or _park_before(m, ms)
            if where and where != m.key:
                located.add(m.key)
                out.append(Relation(m.key, LOCATED_IN, where, s.index))
        out.extend(_investments(s, ms, recent_company, recent_project))
        if companies:
            recent_company = (s.index, companies[-1])
        targets = [m.key for m in ms if m.type in (EntityType.PROJECT, EntityType.PARK)]
        if targets:
            recent_project = (s.index, targets[-1])
    out.extend(_visited_in_county(events, found, set(located)))
    located = {r.subject for r in out if r.predicate == LOCATED_IN}
    out.extend(_in_the_articles_county(sentences, found, located))
    return _unique(out)


def _in_the_articles_county(sentences: list[Sentence], found: Mentions, located: set[str]) -> list[Relation]:
    """A company an article names with no place of its own lies where the article is: the one
    park it names (at least twice, and no other park), else the one county."""
    out = []
    for article in _articles(sentences):
        start, end = article[0].start, article[-1].end
        ms = [m for m in found.mentions if start <= m.start and m.end <= end]
        place = _the_one(ms, EntityType.PARK) or _the_one(ms, EntityType.COUNTY)
        if place is None:
            continue
        for m in ms:
            if m.type is EntityType.COMPANY and m.key not in located:
                located.add(m.key)
                out.append(Relation(m.key, LOCATED_IN, place, _sentence_index(article, m.start)))
    return out


def _the_one(ms: list[Mention], kind: EntityType) -> str | None:
    """The only thing of this kind the article names, if it names it at least twice."""
    named = Counter(m.key for m in ms if m.type is kind)
    if len(named) == 1 and next(iter(named.values())) >= 2:
        return next(iter(named))
    return None


def _articles(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped into articles: a short line without a final stop starts a new one."""
    articles: list[list[Sentence]] = [[]]
    for s in sentences:
        if len(s.text) <= 40 and not s.text.endswith(("。", "！", "？", "”", "」")) and articles[-1]:
            articles.append([])
        articles[-1].append(s)
    return [a for a in articles if a]


def _sentence_index(article: list[Sentence], offset: int) -> int:
    return next((s.index for s in article if s.start <= offset < s.end), article[0].index)


def _embedded_place(m: Mention, ms: list[Mention]) -> str | None:
    """坝羊镇五星村…项目 → 五星村: the last region or park in the name's leading chain."""
    pos, best, best_region = m.start, None, None
    for inner in sorted(ms, key=lambda x: (x.start, -x.end)):
        if inner.start != pos or inner.end >= m.end or inner.key == m.key:
            continue
        if inner.type in REGION_TYPES:
            if inner.type is not EntityType.PROVINCE:
                best_region = inner.key
            pos = inner.end
        elif inner.type is EntityType.PARK and (m.type is not EntityType.PARK
                                                or inner.text.endswith(ZONE_SUFFIXES)):
            best = inner.key
            pos = inner.end
    return best or best_region


def _stated_place(s: Sentence, m: Mention, ms: list[Mention]) -> str | None:
    """位于高州金山片区的奇瑞新能源汽车项目 → 高州金山片区."""
    for other in ms:
        if other.end <= m.start and other.type in REGION_TYPES | {EntityType.PARK}:
            lead = s.text[: other.start - s.start]
            gap = s.text[other.end - s.start: m.start - s.start]
            if _LOCATED_RE.search(lead) and gap in ("的", ""):
                return other.key
            if gap in (",", "，") and _DATELINE.fullmatch(lead) and other.type is not EntityType.PROVINCE:
                return other.key
    return None


def _park_before(m: Mention, ms: list[Mention]) -> str | None:
    """在贵州台江经济开发区，麒麟公司…: a company after a park, with no other place between."""
    if m.type is not EntityType.COMPANY:
        return None
    park = None
    for other in ms:
        if other.end > m.start:
            break
        if other.type is EntityType.PARK:
            park = other.key
        elif other.type in REGION_TYPES and park and not _inside_another(other, ms):
            park = None  # a region named after the park: the company is there instead
    return park


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
        if not cs and recent and s.index - recent[0] <= 6 and a == 0 \
                and clause.lstrip("□ ").startswith(COMPANY_ANAPHORS):
            cs = [(recent[1], a)]  # 公司还建成了…项目: the company the article is about
        # the company acts: an investing verb stands between it and the project it names
        for c, c_end in cs:
            for p in projects:
                if here(p) and any(c_end <= v < p.start - s.start for v in verbs):
                    out.append(Relation(c, INVESTS_IN, p.key, s.index))
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


def _visited_in_county(events: list[Event], found: Mentions, located: set[str]) -> list[Relation]:
    """Things seen on a visit to exactly one county lie in that county, unless we know better."""
    out = []
    county_of_tour: dict[str, str | None] = {}
    for e in events:
        if e.type is not EventType.VISIT:
            continue
        counties = [k for k in e.places if found.entity(k).type is EntityType.COUNTY]
        if counties:
            county_of_tour[e.agent] = counties[0] if len(counties) == 1 else None
        county = county_of_tour.get(e.agent)
        if county is None:
            continue
        for k in e.places:
            if k not in located and found.entity(k).type in _LOCATABLE:
                out.append(Relation(k, LOCATED_IN, county, e.sentence))
    return out


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in relations:
        if (r.subject, r.predicate, r.object) not in seen:
            seen.add((r.subject, r.predicate, r.object))
            out.append(r)
    return out
