"""All mentions of one document: people, regions and suffix-named things, merged.

Reads the document text; writes :class:`Mention` records and :class:`Entity` records
keyed by a stable key (``person/庄悦群``, ``org/东华能源股份有限公司``, ``region/440902``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.annotate import Annotations, Lexeme, annotate
from kg.extract.lexicon import (DOUBLE_SURNAMES, INTERNATIONAL_ORGANIZATIONS, MOVE_VERBS,
                               NATIONAL_MINISTRIES, OFFICIAL_MARKERS, TITLE_HEADS, TOWNSHIP_SUFFIXES,
                               VISIT_VERBS)
from kg.extract.model import (ORG_TYPES, PERSON_TYPES, Entity, EntityType,
                              Mention, Region)
from kg.extract.countries import find_countries
from kg.extract.credits import find_credited
from kg.extract.index import Cover, SpanIndex
from kg.extract.media import find_media
from kg.extract.names import Span, find_names
from kg.extract.world import find_world_places
from kg.extract.people import (foreign_prefix, PersonSpan, find_leaders, find_listed, find_reporters,
                               find_entitled, find_titled, find_workers, is_surname_start, name_at,
                               with_appointed_posts)
from kg.extract.places import find_regions
from kg.extract.regions import load_gazetteer
from kg.extract.segment import Sentence, tagged

GROUP_OF = {
    **dict.fromkeys(PERSON_TYPES, "person"),
    **dict.fromkeys(ORG_TYPES, "org"),
    EntityType.PARK: "place",
    EntityType.PLACE: "place",
    EntityType.PROJECT: "project",
}


def entity_key(etype: EntityType, label: str) -> str:
    return f"{GROUP_OF[etype]}/{label}"


@dataclass
class Mentions:
    """The mentions of a document, with the entities they name."""

    people: list[PersonSpan]
    mentions: list[Mention]
    entities: dict[str, Entity] = field(default_factory=dict)
    nested_regions: dict[str, Entity] = field(default_factory=dict)
    _index: SpanIndex | None = field(default=None, repr=False, compare=False)

    def entity(self, key: str) -> Entity:
        return self.entities.get(key) or self.nested_regions[key]

    def retype(self, key: str, etype: EntityType) -> None:
        """Give the entity ``key`` and its mentions another type (a person found to hold an
        office is an Official; a site named by its village head is a Village). Each mention
        keeps its place in the list, so the span index stays right."""
        entity = self.entities[key]
        self.entities[key] = Entity(entity.key, etype, entity.label, entity.aliases, entity.region)
        self.mentions[:] = [Mention(m.start, m.end, m.text, etype, m.key) if m.key == key else m
                            for m in self.mentions]

    def in_span(self, start: int, end: int) -> list[Mention]:
        """The mentions inside ``[start, end]``, in list order (by bisection: a sentence's
        mentions cost what the sentence holds, not what the page holds)."""
        if self._index is None or self._index.items is not self.mentions:
            self._index = SpanIndex(self.mentions)
        return self._index.inside(start, end)


def find_mentions(text: str, sentences: list[Sentence], home: str | None,
                  use_tagger: bool = True, notes: Annotations | None = None) -> Mentions:
    """Every mention of the text; ``use_tagger`` adds the CRF's person names to the rules'.
    ``notes``: the text read once (kg.extract.annotate), made here when not given."""
    notes = notes if notes is not None else annotate(text)
    people = _find_people(text, sentences if use_tagger else None, notes)
    heads = _bracket_heads(text)
    people = [p for p in people if p.name not in heads]
    person_offsets = {i for p in people for i in range(p.start, p.end)}
    spans: list[Span] = []
    for s in sentences:
        blocked = {i - s.start for i in range(s.start, s.end) if i in person_offsets}
        words = _words_of(notes, s)
        named = find_names(s.text, words, blocked, _suffixes_of(notes, s))
        named = _over_the_bracket(s.text, words, named, blocked)
        named = [sp for sp in named if sp.text not in NATIONAL_MINISTRIES]
        found = named + _country_spans(s.text, named, blocked)
        found += _world_spans(s.text, words, found, blocked)
        for sp in found + _ministry_spans(s.text, named):
            spans.append(Span(sp.start + s.start, sp.end + s.start, sp.text, sp.type, sp.canonical))
    in_a_name = Cover((sp.start, sp.end) for sp in spans)
    regions = [m for m in find_regions(text, home, notes.regions())
               if not any(i in person_offsets for i in range(m.start, m.end))
               and not _short_township_inside_a_name(m, in_a_name)]
    spans = _without_countries_inside_regions(spans, notes.regions())
    spans += _bodies_sharing_a_region(text, spans, regions)
    result = Mentions(people, [])
    _add_people(result, people)
    _add_regions(result, regions, spans)
    _add_names(result, spans, regions)
    _add_outlets(result, text, in_a_name, person_offsets)
    result.mentions.sort(key=lambda m: (m.start, -m.end))
    return result


# 欧尚元(天津)有限公司, 国展(天津)中央厨房…项目: a trade name, the region it is registered
# in between brackets, and the rest of the name (half-width brackets on most web pages).
_BRACKETED = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,8}?)[(（]([\u4e00-\u9fff]{2,10})[)）]"
                        r"(?=[\u4e00-\u9fffA-Za-z0-9]{0,24}?(?:有限公司|公司|集团|项目|工厂|基地|园))")


def _bracket_heads(text: str) -> set[str]:
    """The trade names written before a bracketed region (欧尚元 in 欧尚元(天津)有限公司):
    a name's head, not a person."""
    gaz = load_gazetteer()
    return {m.group(1) for m in _BRACKETED.finditer(text) if m.group(2) in gaz.by_name}


def _over_the_bracket(text: str, words: tuple[tuple[int, int, str, str], ...], named: list[Span],
                      blocked: set[int]) -> list[Span]:
    """A name that starts inside or right after a bracketed region (天津)有限公司 starts at the
    trade name before the bracket: 欧尚元(天津)有限公司."""
    from kg.extract.names import _left_edge

    gaz = load_gazetteer()
    out = []
    for sp in named:
        for m in _BRACKETED.finditer(text, max(0, sp.start - 20), sp.end):
            open_at = m.start(2) - 1
            if not (open_at <= sp.start <= m.end() < sp.end) or m.group(2) not in gaz.by_name:
                continue
            start = _left_edge(text, words, open_at - 1, blocked)
            if start < open_at:
                sp = Span(start, sp.end, text[start:sp.end], sp.type, sp.canonical)
            break
        out.append(sp)
    return out


def _without_countries_inside_regions(spans: list[Span], hits: list[tuple[int, int, str, list[str]]]) -> list[Span]:
    """蒙古 in 内蒙古 is no country: a country's name inside a longer region name (``hits``:
    the gazetteer's names on the page) is part of that name."""
    inside = Cover((a, b) for a, b, _, _ in hits)
    return [sp for sp in spans if not (sp.type is EntityType.PLACE and sp.canonical is not None
                                       and inside.covers(sp.start, sp.end)
                                       and not any((a, b) == (sp.start, sp.end) for a, b, _, _ in hits))]


def _words_of(notes: Annotations, s: Sentence) -> tuple[tuple[int, int, str, str], ...]:
    words = notes.words_in(s.start, s.end)
    return tagged(s.text) if words is None else words


def _suffixes_of(notes: Annotations, s: Sentence) -> list[tuple[int, int, str]]:
    return [(a - s.start, b - s.start, w) for a, b, w in notes.lexicon(Lexeme.SUFFIX, s.start, s.end)]


def _country_spans(text: str, named: list[Span], blocked: set[int]) -> list[Span]:
    """Countries the sentence names (对朝鲜进行访问), outside names and people (法国电力公司),
    and the government of one (美国政府, 葡萄牙政府: a government body, named as written)."""
    out = []
    for a, b, full in find_countries(text):
        if any(sp.start <= a and b <= sp.end for sp in named) or any(i in blocked for i in range(a, b)):
            continue
        out.append(Span(a, b, text[a:b], EntityType.PLACE, full))
        if text.startswith("政府", b) and not any(sp.start < b + 2 and b < sp.end for sp in named):
            out.append(Span(a, b + 2, text[a:b + 2], EntityType.GOVERNMENT_BODY, None))
    return out


def _world_spans(text: str, words: tuple[tuple[int, int, str, str], ...], named: list[Span],
                 blocked: set[int]) -> list[Span]:
    """Foreign cities and divisions, continents, seas and named areas (抵达巴黎, 京津冀协同发展),
    outside names, countries and people."""
    return [Span(a, b, text[a:b], EntityType.PLACE, None) for a, b, _ in find_world_places(text, words)
            if not any(sp.start < b and a < sp.end for sp in named)
            and not any(i in blocked for i in range(a, b))]


_MINISTRY_RE = re.compile("|".join(sorted(NATIONAL_MINISTRIES, key=len, reverse=True)))


def _ministry_spans(text: str, named: list[Span]) -> list[Span]:
    """外交部, 人社部: a ministry of the State Council by its full name, unless another
    country's (俄罗斯外交部) or inside a longer name (省财政厅 is not one)."""
    out = []
    for m in _MINISTRY_RE.finditer(text):
        a, b = m.span()
        if any(sp.start <= a and b <= sp.end and (sp.start, sp.end) != (a, b) for sp in named):
            continue
        if foreign_prefix(text[max(0, a - 8):a]) or (a and re.match(r"[\u4e00-\u9fff]", text[a - 1])
                                                     and text[a - 1] not in "在到赴和与及、同"):
            continue  # 俄罗斯外交部; 市财政部门
        out.append(Span(a, b, m.group(0), EntityType.GOVERNMENT_BODY, NATIONAL_MINISTRIES[m.group(0)]))
    return out


def _tagged_names(sentences: list[Sentence], taken: set[int], notes: Annotations) -> list[PersonSpan]:
    """Person names the CRF tagger finds, sentence by sentence (it was trained on sentences),
    with its model of MSRA's news sentences (person F1 0.96 held out, against 0.83 for
    CLUENER's mixed web text), outside the names the rules found (``taken`` offsets) and outside the items of a list
    the sentence says are companies (廖元和堂 in 支持万胜药业、廖元和堂等企业)."""
    from kg.extract.names import company_list_items
    from kg.extract.tagger import tag

    out = []
    for s in sentences:
        # the CRF's names must pass name_at too: it reads only the clauses where one can
        near = _name_starts(s, taken)
        if not near:
            continue
        listed = {i for a, b in company_list_items(s.text) for i in range(a, b)}
        regions = [(a - s.start, b - s.start, n, k) for a, b, n, k in notes.regions(s.start, s.end, False)]
        counties = {(a, b) for a, b, _, keys in regions if any("/" not in k for k in keys)}
        for start, end, label in tag(s.text, _words_of(notes, s), regions, near, scheme="msra"):
            name = s.text[start:end]
            # MSRA marks a surname and a title as a person (孙会长): the page's holder of the title
            # is found by the rules, not a new person
            if (label == "PER" and 2 <= len(name) <= 3 and is_surname_start(name)
                    and name[1:] not in TITLE_HEADS
                    and name_at(s.text, start) == end and start not in listed
                    and (start, end) not in counties):  # 调研昌平、门头沟: a district, not 昌平 the man
                out.append(PersonSpan(s.start + start, s.start + end, name, ()))
    return out


def _name_starts(s: Sentence, taken: set[int]) -> list[int]:
    """Where in the sentence a person's name could start, outside the names already found:
    the first such place of each clause (the tagger reads whole clauses)."""
    from kg.extract.tagger import clause_end

    text, out, skip_to = s.text, [], 0
    for i in range(len(text) - 1):
        if i >= skip_to and s.start + i not in taken and is_surname_start(text[i:i + 2]) \
                and name_at(text, i):
            out.append(i)
            skip_to = clause_end(text, i)
    return out


def _short_township_inside_a_name(m: Mention, names: Cover) -> bool:
    """金塘 in 茂南金塘产业园 names the park, not 金塘镇: short township forms stand alone or not at
    all (``names``: the spans of the names found)."""
    if m.type is not EntityType.TOWNSHIP or m.text.endswith(TOWNSHIP_SUFFIXES):
        return False
    return names.covers(m.start, m.end)


def _find_people(text: str, sentences: list[Sentence] | None, notes: Annotations) -> list[PersonSpan]:
    """People the rules find, then (given ``sentences``) the CRF's names where no rule's are."""
    titled = find_titled(text, notes.lexicon(Lexeme.TITLE_HEAD))
    taken_titled = {i for p in titled for i in range(p.start, p.end)}
    titled += [p for p in find_entitled(text)
               if not any(i in taken_titled for i in range(p.start, p.end))]
    leaders = find_leaders(text)
    reporters = find_reporters(text) + find_workers(text)
    bylined = {i for p in reporters for i in range(p.start, p.end)}
    reporters += [p for p in find_credited(text) if not any(i in bylined for i in range(p.start, p.end))]
    known = {p.name for p in (*titled, *leaders)}
    officials = {p.name for p in (*titled, *leaders) if p.official or _official_titles(p)}
    listed = find_listed(text, known, officials)
    found = [*titled, *leaders, *reporters, *listed]
    taken_now = {i for p in found for i in range(p.start, p.end)}
    found += [p for p in _travellers(text) if not any(i in taken_now for i in range(p.start, p.end))]
    found += _occurrences(text, found)
    found += _addressed(text, found)
    taken = {i for p in found for i in range(p.start, p.end)}
    tagged = _tagged_names(sentences, taken, notes) if sentences is not None else []
    found += [p for p in tagged if not any(i in taken for i in range(p.start, p.end))]
    return with_appointed_posts(text, sorted(found + _occurrences(text, found), key=lambda p: p.start))


def _occurrences(text: str, found: list[PersonSpan]) -> list[PersonSpan]:
    """Every other place a found name occurs (庄悦群强调 after 市委书记庄悦群)."""
    out: list[PersonSpan] = []
    names = {p.name for p in found}
    taken = {i for p in found for i in range(p.start, p.end)}
    where = _where(text, names)
    for name in sorted(names, key=len, reverse=True):
        for pos in where.get(name, ()):
            end = pos + len(name)
            if not any(i in taken for i in range(pos, end)):
                out.append(PersonSpan(pos, end, name, ()))
                taken.update(range(pos, end))
    return out


# 孔书记先后到…, 党书记一行: a surname and the head of a title the page gave one person
_ADDRESS_HEADS = ("书记", "县长", "市长", "区长", "镇长", "乡长", "主任", "主席", "省长", "州长")


def _addressed(text: str, found: list[PersonSpan]) -> list[PersonSpan]:
    """A surname with the head of a title (孔书记, 王县长) names the one person found on the
    page with that surname whose titles end in that head (市委常委、政法委书记孔祥东 … 孔书记强调);
    where two such people share the surname, it names no one."""
    holders: dict[tuple[str, str], set[str]] = {}
    for p in found:
        if not p.titles or len(p.name) not in (2, 3) or p.name[:2] in DOUBLE_SURNAMES:
            continue
        for _, _, title in p.titles:
            for head in _ADDRESS_HEADS:
                if title.endswith(head):
                    holders.setdefault((p.name[0], head), set()).add(p.name)
    if not holders:
        return []
    taken = {i for p in found for i in range(p.start, p.end)}
    out: list[PersonSpan] = []
    for (surname, head), names in holders.items():
        if len(names) != 1:
            continue
        name = next(iter(names))
        for m in re.finditer(re.escape(surname + head), text):
            a, b = m.start(), m.end()
            if a > 0 and "\u4e00" <= text[a - 1] <= "\u9fff":
                continue  # 党委书记, 村支书记, 随后孔书记: only where a clause starts
            if any(i in taken for i in range(a, b)):
                continue
            out.append(PersonSpan(a, b, name, ()))
            taken.update(range(a, b))
    return out


def _where(text: str, names: set[str]) -> dict[str, list[int]]:
    """Every offset where each name occurs (overlaps too), in one pass over the text: at each
    of the names' first characters, a set lookup per name length (searching the text once per
    name cost the page's length times the number of names)."""
    lengths: dict[str, set[int]] = {}
    for name in names:
        if name:
            lengths.setdefault(name[0], set()).add(len(name))
    where: dict[str, list[int]] = {}
    if not lengths:
        return where
    firsts = re.compile("[" + "".join(re.escape(c) for c in lengths) + "]")
    for m in firsts.finditer(text):
        pos = m.start()
        for n in lengths[text[pos]]:
            piece = text[pos:pos + n]
            if len(piece) == n and piece in names:
                where.setdefault(piece, []).append(pos)
    return where


def _official_titles(p: PersonSpan) -> bool:
    return any(any(mark in t[2] for mark in OFFICIAL_MARKERS) for t in p.titles)


def _add_people(result: Mentions, people: list[PersonSpan]) -> None:
    official = {p.name for p in people if p.official or _official_titles(p)}
    for p in people:
        etype = EntityType.OFFICIAL if p.name in official else EntityType.PERSON
        key = entity_key(etype, p.name)
        result.entities.setdefault(key, Entity(key, etype, p.name))
        result.mentions.append(Mention(p.start, p.end, p.name, etype, key))


def _add_outlets(result: Mentions, text: str, names: Cover, person_offsets: set[int]) -> None:
    """The outlets the page names as its source (来源:红网), as entities without mentions: a
    source line is no sentence of the story, and its outlet no place anyone visits."""
    for a, b, name in find_media(text):
        if not names.covers(a, b) and not any(i in person_offsets for i in range(a, b)):
            key = entity_key(EntityType.INSTITUTION, name)
            result.entities.setdefault(key, Entity(key, EntityType.INSTITUTION, name))


def _add_regions(result: Mentions, regions: list[Mention], spans: list[Span]) -> None:
    """Regions become entities when the page names them on their own somewhere; one seen
    only inside another name (西安 in 西安建筑科技大学) is kept as a mention for locating."""
    gaz = load_gazetteer()

    leading = _leading_chains(regions, spans)
    in_an_org = Cover((sp.start, sp.end) for sp in spans if sp.type in ORG_TYPES)

    def nested(m: Mention) -> bool:
        """Inside an organisation's name and not one of the places its name starts with."""
        if leading.get((m.start, m.end)) is not None and (
                m.text == gaz.regions[m.key].name or leading[(m.start, m.end)] > 0
                or gaz.regions[m.key].type is EntityType.PROVINCE):
            return False
        return in_an_org.covers(m.start, m.end)

    standalone = {m.key for m in regions if not nested(m)}
    for m in regions:
        region = gaz.regions[m.key]
        key = f"region/{region.key}"
        if m.key in standalone:
            entity = result.entities.setdefault(key, Entity(key, region.type, region.name, region=region))
            if m.text != region.name:
                entity.aliases.add(m.text)
        else:
            result.nested_regions[key] = Entity(key, region.type, region.name, region=region)
        result.mentions.append(Mention(m.start, m.end, m.text, region.type, key))


def _leading_chains(regions: list[Mention], spans: list[Span]) -> dict[tuple[int, int], int]:
    """Regions that open a name in a chain (西藏自治区日喀则市 in …农业农村局), with their
    place in the chain (0 for the first)."""
    by_start = {m.start: m for m in regions}
    out: dict[tuple[int, int], int] = {}
    for sp in spans:
        if sp.text in INTERNATIONAL_ORGANIZATIONS:
            continue  # 上海合作组织 is not an organisation of 上海市
        pos, n = sp.start, 0
        while pos in by_start and by_start[pos].end < sp.end:
            out[(by_start[pos].start, by_start[pos].end)] = n
            pos, n = by_start[pos].end, n + 1
    return out


def _add_names(result: Mentions, spans: list[Span], regions: list[Mention]) -> None:
    labels = _canonical_labels(spans)
    regions_at: dict[int, list[Mention]] = {}  # by start, in order
    for m in regions:
        regions_at.setdefault(m.start, []).append(m)
    leading: dict[int, list[tuple[int, Span | None]]] = {}  # (end, park span) by start
    for m in regions:
        leading.setdefault(m.start, []).append((m.end, None))
    for o in spans:
        if o.type is EntityType.PARK:
            leading.setdefault(o.start, []).append((o.end, o))
    for sp in spans:
        label = sp.canonical or labels.get((GROUP_OF[sp.type], sp.text)) \
            or _official_name(sp, regions_at.get(sp.start, ())) or sp.text
        key = entity_key(sp.type, label)
        entity = result.entities.get(key)
        if entity is None:
            entity = result.entities[key] = Entity(key, sp.type, label)
        if sp.text != label:
            entity.aliases.add(sp.text)
        bare = _without_leading_regions(sp, leading)
        if bare and bare != label and len(bare) >= 4:
            entity.aliases.add(bare)
        result.mentions.append(Mention(sp.start, sp.end, sp.text, entity.type, key))


# The party committee, government, congress and CPPCC of a region by their official names:
# 临湘市委 → 中国共产党临湘市委员会, 楚雄州政府 → 楚雄彝族自治州人民政府.
_BODY_OF_REGION = {
    "委": "中国共产党{}委员会", "党委": "中国共产党{}委员会", "纪委": "中国共产党{}纪律检查委员会",
    "政府": "{}人民政府", "人民政府": "{}人民政府", "人大常委会": "{}人民代表大会常务委员会",
    "政协": "中国人民政治协商会议{}委员会",
}


# Regions whose governments are not 人民政府: 香港特别行政区政府, 澳门特别行政区政府, and Taiwan's.
_OWN_GOVERNMENTS = frozenset({"810000", "820000", "710000"})


# 三亚市委、市政府 / 县委县政府: a body written after another with only its level word.
_NEXT_BODY = re.compile(r"[、和及与]?(省|市|县|区|州|盟|旗|镇|乡)(党委|委|政府|人民政府|人大常委会|人大|政协)")
_NEXT_FORMS = {**_BODY_OF_REGION, "人大": "{}人民代表大会"}


def _bodies_sharing_a_region(text: str, spans: list[Span], regions: list[Mention]) -> list[Span]:
    """三亚市委、市政府 → 中国共产党三亚市委员会 and 三亚市人民政府; 楚雄州委州政府 → the
    prefecture's committee and government: the second body is of the first one's region when
    its level word is that region's."""
    by_start: dict[int, list[Mention]] = {}
    for m in regions:
        by_start.setdefault(m.start, []).append(m)
    taken = Cover((sp.start, sp.end) for sp in spans)
    out: list[Span] = []
    for sp in spans:
        hit = _region_body(sp, by_start.get(sp.start, ()))
        if hit is None:
            continue
        region, end = hit[0], sp.end
        while (m := _NEXT_BODY.match(text, end)) and region.name.endswith(m.group(1)) \
                and not taken.covers(m.start(1), m.end()):
            out.append(Span(m.start(1), m.end(), text[m.start(1):m.end()], EntityType.GOVERNMENT_BODY,
                            _NEXT_FORMS[m.group(2)].format(region.name)))
            end = m.end()
    return out


def _region_body(sp: Span, regions: Iterable[Mention]) -> tuple[Region, str] | None:
    """The region a body written short belongs to and the form of its official name
    (临湘市委 → 临湘市, 中国共产党{}委员会); ``regions``: the region mentions that start where
    the name does, in order."""
    if sp.type is not EntityType.GOVERNMENT_BODY:
        return None
    gaz = load_gazetteer()
    for m in regions:
        if m.start == sp.start and m.end < sp.end:
            form = _BODY_OF_REGION.get(sp.text[m.end - sp.start:])
            region = gaz.regions.get(m.key.removeprefix("region/"))
            if form == "{}人民政府" and region and region.code in _OWN_GOVERNMENTS:
                return None  # 香港特别行政区政府 is its official name
            if form and region:
                return region, form
    return None


def _official_name(sp: Span, regions: Iterable[Mention]) -> str | None:
    """The official name of a region's party committee or government written short
    (``regions``: the region mentions that start where the name does, in order)."""
    hit = _region_body(sp, regions)
    return hit[1].format(hit[0].name) if hit else None


def _without_leading_regions(sp: Span, leading: dict[int, list[tuple[int, Span | None]]]) -> str | None:
    """高州蒲康工业园万洋众创城项目 → 万洋众创城项目: the name without its leading places
    (``leading``: the ends of the region mentions and park names, and the park's span, by
    where they start)."""
    pos = sp.start
    while True:
        ends = [end for end, o in leading.get(pos, ()) if o is not sp and end < sp.end]
        if not ends:
            break
        pos = max(ends)
    return sp.text[pos - sp.start:] if pos > sp.start else None


def _canonical_labels(spans: list[Span]) -> dict[tuple[str, str], str]:
    """Short forms met beside a fuller name of the same kind → the fuller name.

    A name that is the end of a longer one (金山片区 → 高州金山片区) or whose
    distinctive head starts the longer one's (正合集团 → 贵州正合铝业集团) is taken
    as the same thing; a name literally inside the longer one at its start is not
    (天能集团 owns 天能集团贵州能源科技有限公司, it is not it).
    """
    # the names of each group in the order the page first names them (a dict, not a set: a
    # set's order changes with PYTHONHASHSEED, and so would the winner of a tie below)
    by_group: dict[str, dict[str, None]] = {}
    for sp in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        if sp.canonical is None:
            by_group.setdefault(GROUP_OF[sp.type], {})[sp.text] = None
    out: dict[tuple[str, str], str] = {}
    for group, names in by_group.items():
        # Which longer names each one could stand for, found through indexes of the names'
        # ends and (for organisations) of their cores' beginnings rather than by comparing
        # every pair; each list in the page's order, so that the longest (the first named
        # of them on a tie) is the same on every run.
        order = {n: i for i, n in enumerate(names)}
        ending: dict[str, list[str]] = {}  # a name of 4+ characters → the longer ones it ends
        for n in names:
            for k in range(1, len(n) - 3):
                if n[k:] in names:
                    ending.setdefault(n[k:], []).append(n)
        heads = {h: _head(h) for h in names} if group == "org" else {}
        wanted = {h for h in heads.values() if h}
        opening: dict[str, list[str]] = {}  # a head → the names whose core it begins
        for n in (names if wanted else ()):
            core = _core(n)
            for k in range(2, len(core)):
                if core[:k] in wanted:
                    opening.setdefault(core[:k], []).append(n)
        for short in names:
            longer = list(ending.get(short, ()))
            if group == "org":
                longer += [n for n in opening.get(heads[short] or "", ())
                           if len(n) > len(short) and not n.startswith(short)]
                longer += sorted((short + form for form in _LEGAL_FORMS if short + form in names),
                                 key=order.__getitem__)
            if group == "place":
                longer += _zone_written_out(short, names)
            if longer:
                out[(group, short)] = max(longer, key=len)
            full = INTERNATIONAL_ORGANIZATIONS.get(short)
            if full and full != short and full in names:
                out[(group, short)] = full  # 世卫组织 on a page that also writes 世界卫生组织
    return out


# 小蓝经开区 is 小蓝经济技术开发区, 凤阳县经开区 is 凤阳经济开发区: a zone's short form and the
# forms it stands for.
_ZONE_FORMS = {"经开区": ("经济技术开发区", "经济开发区"), "高新区": ("高新技术产业开发区", "高新技术开发区"),
               "综保区": ("综合保税区",), "自贸区": ("自由贸易试验区", "自由贸易区")}


def _zone_written_out(short: str, names: dict[str, None]) -> list[str]:
    """The page's names that write out a zone named short (东盟经开区 → 广西—东盟经济技术开发区),
    in the page's order; the short form's own name may keep its level character (凤阳县)."""
    abbr = next((a for a in _ZONE_FORMS if short.endswith(a)), None)
    if abbr is None or len(short) - len(abbr) < 2:
        return []
    own = short[:-len(abbr)]
    owns = {own, own[:-1]} if own[-1] in "省市县区" and len(own) > 2 else {own}
    forms = tuple(o + f for o in owns for f in _ZONE_FORMS[abbr])
    return [n for n in names if n != short and n.endswith(forms)]


_ORG_TAILS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
# 浪潮集团 and 浪潮集团有限公司 on one page: the same company, once with its legal form.
_LEGAL_FORMS = ("有限公司", "股份有限公司", "有限责任公司", "股份公司")


def _head(short: str) -> str | None:
    """正合集团 → 正合: a short organisation name without its tail, which stands for a full
    name whose core (:func:`_core`) it begins (贵州正合铝业集团); None if it has no tail or
    too little is left."""
    head = short
    for tail in _ORG_TAILS:
        if head.endswith(tail):
            head = head[: -len(tail)]
            break
    return None if len(head) < 2 or head == short else head


def _core(full: str) -> str:
    """贵州正合铝业集团 → 正合铝业集团: a full name without a leading region name."""
    gaz = load_gazetteer()
    for length in range(min(len(full), 9), 1, -1):
        if full[:length] in gaz.by_name:
            return full[length:]
    return full


# 张前锋一行来到…, 李明一行先后深入…: a name right before 一行 and a verb of going (the page named
# the traveller's titles elsewhere, or never).
_TRAVELLER = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})一行(?=[^，,。；;]{0,4}?(?:"
                        + "|".join(sorted({*MOVE_VERBS, *VISIT_VERBS}, key=len, reverse=True)) + "))")


def _travellers(text: str) -> list[PersonSpan]:
    """People named at the start of a clause right before 一行 and a movement or visit verb."""
    out = []
    for m in _TRAVELLER.finditer(text):
        a, b = m.span(1)
        if is_surname_start(m.group(1)) and name_at(text, a) == b:
            out.append(PersonSpan(a, b, m.group(1), ()))
    return out
