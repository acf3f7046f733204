"""Tour stops: the sites a visit lists after its verb (先后来到A、B和C, 调研了X的Y, 走进Z),
named even when no suffix rule knows them (恒达工贸, 服务中心, 韩愈纪念馆, 青石乡柳溪村).

Reads sentences and the mentions found so far; adds an entity and a mention for each listed
site that has none, and returns the (start, end) spans of the mentions that are listed stops, which the
visit rule takes as destinations even after an inspection verb (调研了… is a list of places,
调研防汛工作 a topic).
"""

from __future__ import annotations

import re

from kg.extract.countries import countries
from kg.extract.lexicon import (GENERIC_MODIFIERS, NATIONAL_NAMES, NOT_NAMES, SECTOR_HEADS, SITE_HEADS,
                                STOP_LIST_VERBS, SUFFIX_TO_TYPE)
from kg.extract.mentions import Mentions, entity_key
from kg.extract.model import ORG_TYPES, PERSON_TYPES, REGION_TYPES, Entity, EntityType, Mention
from kg.extract.places import LEVEL_ORDER
from kg.extract.segment import Sentence, is_word, tagged, word_freq, word_tag

# (实地察看了解苏日戈养殖家庭牧场、…等经营运行情况: a second verb of looking may open the list)
_LIST_START = re.compile("(?:" + "|".join(sorted(STOP_LIST_VERBS, key=len, reverse=True)) + ")(?:了解|了|到)?(?:了解|查看)?")
# 到县中医院、杭埠高速路口、高铁东站等地督导: after 到 or 赴, a list that ends with 等地 is of sites.
# 到 as a verb of movement, not the 到 of 受到, 得到, 达到, 直到, 遭到, 谈到, 见到, 考虑到, 调到 (a
# posting) …: the characters before 到 that make such a word.
NOT_MOVING_TO = "(?<![受得达直感遇看想做提收找迟报签办回的遭谈说听见拿用及识虑响系等调升])"
# 到 before a day, a year or a number (10日到11日, 计划到2027年, 到明年, 增长到30%) is the end of a
# span or an amount, never a destination.
NOT_A_TIME_AFTER_TO = ("(?![0-9０-９]|[今明后本去当]年|年[底末中内]|月[底末]|本世纪|"
                       "[一二三四五六七八九十两]+(?:[年月日号时点%]|个?百分点))")
# 统一到党中央决策部署上来, 落实到工作中去: 到 … 上来 / 中去 is where a thought or a task goes.
NOT_AN_AIM_AFTER_TO = "(?![^，,。；;：:、]{2,24}?[上中][来去])"
MOVING_TO = NOT_MOVING_TO + "到" + NOT_A_TIME_AFTER_TO + NOT_AN_AIM_AFTER_TO
_TO_LIST = re.compile(NOT_MOVING_TO + r"(?:到|赴)(?=([^，,。；;：:]{2,80}?)等(?:地|处|单位|企业|场所|点位|村|镇|乡镇))")
# 到龙山工业开发区中小企业孵化器调研了…: what 到 puts before a verb of visiting, in one clause, is a site
# (not in 到文昌市，就乡村振兴工作进行调研: 就 and 对 tell the topic).
_TO_SITE = re.compile(NOT_MOVING_TO + r"(?:到|赴)(?=([^，,。；;：:、到赴就对]{3,40}?)(?:实地|现场)?(?:调研|考察|视察|检查|督导|督查|走访|察看|参观))")
# 对滨江公园、智造产业园等进行实地调研: what 对 puts before 进行 + a verb of visiting is a list of sites.
_FOR_LIST = re.compile(r"(?<![面针相绝])对(?=([^，,。；;：:对]{2,80}?)等?(?:地|处)?(?:进行|开展)了?(?:实地|现场)?(?:调研|考察|察看|视察|督导|走访|参观))")
_QUOTES = "“”\""
_NOT_A_VILLAGE = set("本该全各此每进入邻外他我贵乡山农")
_ITEM_SEP = re.compile("[、，,]|(?<=[\u4e00-\u9fff]{3})(?:和|及|以及)(?=[\u4e00-\u9fff]{3})")
_COUNTED = re.compile(r"^(?:[0-9０-９.]+|[一二三四五六七八九十百千万两几多数]+)[多余]?[个项大批座家处条]")
# 中博建融5000P智算中心: a model number or a brand in Latin letters inside a Chinese name.
# 中国(西部)预制菜之都展览馆, 周宁县康养中心项目(二期): a region or a phase in brackets inside a name.
_NAME_CHARS = "[\u4e00-\u9fff“”\"0-9A-Za-z.·]"
_HAN = re.compile(r"^(?=.*[\u4e00-\u9fff].*[\u4e00-\u9fff])(?=.{2,30}$)" + _NAME_CHARS
                  + r"+(?:\([\u4e00-\u9fff0-9]{1,8}\)" + _NAME_CHARS + "*)?$")
# the bracket a name ends with (项目(二期)) is no part of its head
_BRACKET_END = re.compile(r"\([\u4e00-\u9fff0-9]{1,8}\)$")
_AT_START = re.compile(r"^(?:随后|接着|之后|其间|同日|当天|[^，,。在]{0,14}(?:日|月|上午|下午|晚上|今天|当天)[）)]?[^，,。在]{0,4})?[,，]?在(?=[^，,。]{2,60}[，,])")
# 习近平在余村考察时: the site of 在 right before an inspection verb.
_AT_WHILE = re.compile(r"在(?:参观|考察|调研|视察|察看)?(?=([^，,。在、]{2,20}?)(?:(?:考察|调研|视察)(?:时|期间|调研|工作)|时))")
# …到柳州市考察调研，在柳工集团，他强调: a site the visitor is at, told in the middle of a sentence.
_AT_MIDDLE = re.compile(r"[，,](?:随后|接着|之后)?在(?=([^，,。]{2,30})[，,](?:他|她|总书记|[\u4e00-\u9fff]{0,8}一行))")
_COMMA = re.compile("[，,]")
# After 及 in a list, the works that serve the site before it (…基地及配套设施建设项目): one item.
_GOES_WITH = ("配套", "附属")
# What trails a site in a list: 等 + a kind, the scene, the progress, the work (…项目现场, …进展情况,
# 察看新田港作业).
_TAIL_NOISE = re.compile(r"(?:等[0-9\u4e00-\u9fff]{0,8}(?:[（(][\u4e00-\u9fff]{1,4}[）)])?|建设现场|施工现场|事故现场|现场|进展情况|建设情况|"
                         r"生产情况|情况|一线|作业)$")
# What ends a list: a clause that goes on with a verb (了解, 察看, 听取 …), or a sentence break.
_LIST_END = re.compile("[。；;！？：:]")
# Where the last site of a list gives way to what is done there (…产业园进行实地调研).
_GOES_ON = re.compile("进行|开展|实地|现场(?=察看|查看|调研|了解|指导|督导)|详细|认真|仔细|深入|走进|来到|前往|调研|考察|视察|检查|督导|督查|察看|查看|了解|看望|慰问|指导|参观")
# 天通苑文化艺术中心一经投用便…，温榆河公园是…，蔡奇察看…: sites told as the subjects of the
# clauses before the visitor looks at them.
_SUBJECT_SITE = re.compile(r"(?:^|[，,；;])(?=([^，,。；;、]{3,30}?)(?:是|一经|已经|已|作为|现有|目前|正在|正着力|位于))")
_LOOKS_AT = re.compile(r"[^，,。；;]{0,4}?(?:察看|考察|调研|视察|参观|走访|了解|查看)")
_NAMED_HEADS = ("村", "社区", "屯", "寨", "嘎查")
_VILLAGE_KIND = re.compile(r"([\u4e00-\u9fff]{2,6})村([\u4e00-\u9fff]{1,3}村)")  # a village's own name is no kind: 松林村
_SITE_HEAD_RE = re.compile("(?:" + "|".join(sorted(SITE_HEADS, key=len, reverse=True)) + ")$")


def find_stops(sentences: list[Sentence], found: Mentions) -> set[tuple[int, int]]:
    """Add the listed sites of every sentence to ``found``; return the start offsets of the
    mentions that are listed stops."""
    stops: set[tuple[int, int]] = set()
    for i, s in enumerate(sentences):
        for m in _LIST_START.finditer(s.text):
            stops |= _read_list(s, m.end(), found)
        for m in _TO_LIST.finditer(s.text):
            stops |= _read_list(s, m.end(), found, m.end() + len(m.group(1)))
        for m in _TO_SITE.finditer(s.text):
            stops |= _read_list(s, m.end(), found, m.end() + len(m.group(1)))
        for m in _FOR_LIST.finditer(s.text):
            stops |= _read_list(s, m.end(), found, m.end() + len(m.group(1)))
        for m in _AT_WHILE.finditer(s.text):
            stops |= _read_list(s, m.end(), found, m.end() + len(m.group(1)))
        for m in _AT_MIDDLE.finditer(s.text):
            stops |= _read_list(s, m.end(), found, m.end() + len(m.group(1)))
        for m in _SUBJECT_SITE.finditer(s.text):
            if _looked_at_later(s, m.start(1) + len(m.group(1)), found) or (
                    m.start(1) == 0 and _looked_at_next(sentences, i, found)):
                stops |= _read_list(s, m.start(1), found, m.start(1) + len(m.group(1)))
        for m in _GOES_TO_NAMED.finditer(s.text):
            stops |= _headless_site(s, m.start(1), m.end(1), found)
        at = _AT_START.match(s.text)
        if at:
            # 在佳木斯煤矿机械有限公司、松辽二船厂，张义利…: the stops of a tour, up to the comma
            comma = _COMMA.search(s.text, at.end())
            if comma:
                stops |= _read_list(s, at.end(), found, comma.start())
    if stops:
        # a new sorted list (not sorted in place), so that its index is made again
        found.mentions = sorted(found.mentions, key=lambda m: (m.start, -m.end))
    return stops


# 随后，习近平来到兰台洞库，参观…; 李强前往西安奕斯伟，了解…; 来到浙东运河文化园考察: one place
# after a verb of going, then what the visitor does there, is where the visitor went, though its
# name ends in no head a site rule knows.
_GOES_TO_NAMED = re.compile(r"(?:来到|走进|前往|还到|又到|首先到|随后到)([^，,。；;：:、和与及的在到]{2,12}?)"
                            r"(?=[，,](?:随后|并|还|又|先后|详细|实地|仔细|认真|重点)?(?:了解|考察|参观|察看|"
                            r"查看|听取|观看|调研|看望|慰问|询问|视察)|(?:考察|调研|视察|参观))")
_PROPER_WORD_TAGS = ("ns", "nz", "nr", "nt", "j", "eng", "x")
_NOT_A_PLACE_OPENING = ("这", "那", "他", "她", "我", "各", "全", "有关", "一些", "部分")


def _headless_site(s: Sentence, a: int, b: int, found: Mentions) -> set[tuple[int, int]]:
    """The span of the place ``s.text[a:b]``, named as a mention when nothing names it yet: only
    a name with a proper word in it (兰台|洞库, 文华|堂, 西安|奕斯伟), not 田间地头 or 生产车间, and
    no person, group or region alone (来到他所在的代表团, 来到北京)."""
    name = s.text[a:b]
    if name.startswith(_NOT_A_PLACE_OPENING) or _TAIL_NOISE.search(name) or name.endswith(_GROUPS):
        return set()
    abs_a, abs_b = s.start + a, s.start + b
    inside = found.in_span(abs_a, abs_b)
    whole = [m for m in inside if m.start == abs_a and m.end == abs_b]
    if whole:
        return set() if whole[0].type in PERSON_TYPES else {(abs_a, abs_b)}
    if any(m.type not in REGION_TYPES for m in found.in_span(abs_a - 12, abs_b + 12)
           if m.start < abs_b and abs_a < m.end):
        return set()  # a name found runs into it: the site rules have read it
    words = tagged(name)
    if any(tag == "v" for _, _, _, tag in words):
        return set()  # 来到敦煌感受大漠风情: what the visitor does there, not a name
    if len(words) == 1 and not words[0][3].startswith("ns") and word_freq(name) >= _COMMON:
        return set()  # 来到小镇: a common word, whatever jieba tags it (nr)
    if not any(tag.startswith(_PROPER_WORD_TAGS) for _, _, _, tag in words) or all(
            tag.startswith("ns") for _, _, _, tag in words):
        return set()  # 来到田间地头: no name; 来到兰台: a place word alone is the gazetteer's
    key = entity_key(EntityType.PLACE, name)
    found.entities.setdefault(key, Entity(key, EntityType.PLACE, name))
    found.mentions.append(Mention(abs_a, abs_b, name, EntityType.PLACE, key))
    return {(abs_a, abs_b)}


_COMMON = 100  # jieba's count of a dictionary word read as common, not a name
_GROUPS = ("代表团", "团", "组", "一行", "同志", "群众", "家中", "身边", "中间")


def _looked_at_later(s: Sentence, pos: int, found: Mentions) -> bool:
    """Whether a person named after sentence offset ``pos`` goes on to look at what was told
    (…，蔡奇察看项目建设情况; …，他详细了解园区发展)."""
    people = [m for m in found.in_span(s.start + pos, s.end) if m.type in PERSON_TYPES]
    return any(_LOOKS_AT.match(s.text, m.end - s.start) for m in people)


# …项目正在紧锣密鼓地施工中。项目严格按照…。陈曦认真了解项目情况: the visitor opens a sentence
# of the same paragraph and looks at what its first sentence was about.
# (付旭明在实地调研桥下空间…后指出: having looked at it, the visitor speaks)
_OPENS_LOOKING = re.compile(r"[^，,。；;]{0,4}?(?:察看|考察|视察|参观|走访|了解|查看|询问|走进)"
                            r"|在(?:实地)?(?:调研|考察|察看)[^，,。；;]{0,30}?(?:后|时)")
NEXT_SENTENCES = 2


def opens_looking(t: Sentence, person: Mention) -> bool:
    """Whether ``person`` opens sentence ``t`` and looks at something (陈曦认真了解项目情况)."""
    return person.start - t.start <= 2 and bool(_OPENS_LOOKING.match(t.text, person.end - t.start))


def _looked_at_next(sentences: list[Sentence], i: int, found: Mentions) -> bool:
    """Whether one of the next sentences of the paragraph (no line break between) opens with a
    person who looks at something (陈曦认真了解项目情况, 王芳详细询问…); or, when the paragraph
    only tells of the site and names nobody (黄草湖泵站位于…。该站装机5台…), the first sentence
    of the next paragraph does (刘洁走进泵站内…)."""
    prev, named = sentences[i], False
    opens_paragraph = i == 0 or sentences[i].start != sentences[i - 1].end
    for t in sentences[i + 1:i + 1 + DESCRIPTION_SENTENCES]:
        people = [m for m in found.in_span(t.start, t.end) if m.type in PERSON_TYPES]
        if t.start != prev.end:  # a new paragraph
            return opens_paragraph and not named and bool(people) and opens_looking(t, people[0])
        if t.index - i <= NEXT_SENTENCES and people and opens_looking(t, people[0]):
            return True
        named = named or bool(people)
        if named and t.index - i >= NEXT_SENTENCES:
            return False
        prev = t
    return False


DESCRIPTION_SENTENCES = 6  # the most sentences a paragraph telling of a site is read for


def _read_list(s: Sentence, pos: int, found: Mentions,
               end: int | None = None) -> set[tuple[int, int]]:
    if end is None:
        end_break = _LIST_END.search(s.text, pos)
        end = end_break.start() if end_break else len(s.text)
    out: set[tuple[int, int]] = set()
    start = pos
    pieces = []
    for a in _ITEM_SEP.finditer(s.text[start:end]):
        at = start + a.start()
        if _inside_a_name(found, s.start + at):
            continue  # not 和 of 永和镇
        if a.group(0) in ("和", "及", "以及") and not _ends_a_site(s, (pieces[-1][1] if pieces else start), at, found) \
                and not any(m.start == s.start + start + a.end() for m in found.in_span(s.start + at, s.start + end)):
            continue  # 文渡污水改扩建及清淤工程: one project's name, not two sites
        if a.group(0) in ("和", "及", "以及") and s.text.startswith(_GOES_WITH, start + a.end()):
            continue  # 仓储物流基地及配套基础设施建设项目: what goes with the site is its own project's part
        pieces.append((at, start + a.end()))
    bounds = [start] + [b for _, b in pieces]
    stops_at = [a for a, _ in pieces] + [end]
    after_village = False
    for i, (a, b) in enumerate(zip(bounds, stops_at)):
        item = s.text[a:b]
        if i and (_goes_on_with_verb(item) or _GOES_ON.match(item)):
            break  # …公司，了解企业生产情况: the list is over
        sites = _site(s, a, b, found, after_village)
        goes_on = _GOES_ON.search(s.text, a + 2, b)
        if not sites and goes_on:
            sites = _site(s, a, goes_on.start(), found, after_village)  # …嘉北双创园进行实地调研: up to the verb
        if not sites:
            if i == 0 and (len(bounds) == 1 or len(item) > 15 or _goes_on_with_verb(item)):
                return set()  # 来到田间地头: not a list of named sites (a list may open with a
            continue          # stop that names no site: 镇区外环路改造点、…培育基地、…)
        out.update(sites)
        after_village = s.text[sites[-1][0] - s.start:sites[-1][1] - s.start].endswith(_NAMED_HEADS)
    return out


def _ends_a_site(s: Sentence, a: int, b: int, found: Mentions) -> bool:
    """Whether ``s.text[a:b]``, the words before a 和 or 及 of a list, name a site of their own:
    a name found ends there, or they end with the head of a kind of site."""
    return bool(_SITE_HEAD_RE.search(s.text, a, b)) or any(
        m.end == s.start + b and m.start >= s.start + a for m in found.in_span(s.start + a, s.start + b))


def _inside_a_name(found: Mentions, pos: int) -> bool:
    """Whether text offset ``pos`` is inside (not at the edge of) a name found."""
    return any(m.start < pos < m.end for m in found.in_span(max(0, pos - 20), pos + 20))


def _goes_on_with_verb(item: str) -> bool:
    words = tagged(item[:6])
    # 都梁科技企业孵化器等地调研: the last site of a list, before 等地, ends with the head of a site
    listed = _LIST_TAIL.search(item)
    return bool(words) and words[0][3] in ("v", "vd", "vn", "d", "p", "c", "ad") and \
        not _SITE_HEAD_RE.search(item) and not (listed and _SITE_HEAD_RE.search(item[:listed.start()]))


_LIST_TAIL = re.compile("等(?:地|处|单位|企业|场所|点位)")
# 草果丁村 of 草果丁村热情果种植基地: a village's name and head, then more of the chain
_VILLAGE_PIECE = re.compile("[\u4e00-\u9fff]{1,5}?(?:村委会|居委会|村|社区|嘎查)(?=[\u4e00-\u9fff]{2})")
VILLAGE_COMMITTEE = "委会"  # 石门村委会: the village committee, written with the village's name


def _site(s: Sentence, a: int, b: int, found: Mentions,
          after_village: bool = False) -> list[tuple[int, int]]:
    """The spans of the mentions that name the item ``s.text[a:b]``, adding one if the
    item is a site no rule named: one span, or the last village of a chain and then the site
    (黄茅岭乡石门村委会草果丁村热情果种植基地: 草果丁村 and 热情果种植基地; the committee before
    the village says where it is). ``after_village``:
    the item before in the list was a village (西城镇联建村、团结村), so a name of the same
    kind is a village's own name even where it reads as a verb."""
    text = s.text
    de = text.rfind("的", a, b)
    if de >= 0:
        a = de + 1  # 西卅店镇的众兴菌业: the site is what follows 的
    kind = _VILLAGE_KIND.match(text, a, b)
    if kind and is_word(kind.group(1)) and kind.end() == b:
        # 少数民族村郎村, 示范村石门村: a kind of village before the village's own name
        for m in found.in_span(s.start + a, s.start + b):
            if m.start == s.start + a and m.type not in REGION_TYPES:
                _unname(found, m)
        a = kind.start(2)
    tail_noise = _TAIL_NOISE.search(text, a, b)
    if tail_noise:
        b = tail_noise.start()  # …等项目现场, …项目进展情况: the site, not the scene
    # “绿电小镇”项目: quotes around a part of the name belong to the span, not to the label
    quoted_part = any(q in text[a + 1:b - 1] for q in _QUOTES)
    while a < b and text[a] in "“\"" and not quoted_part:
        a += 1
    while b > a and text[b - 1] in "”\"" and not quoted_part:
        b -= 1
    abs_a, abs_b = s.start + a, s.start + b
    inside = found.in_span(abs_a, abs_b)
    whole = [m for m in inside if m.start == abs_a and m.end == abs_b]
    if whole and _swallows_a_village_chain(whole[0], inside):
        _unname(found, whole[0])  # 黄茅岭乡石门村委会草果丁村热情果种植基地: read as a chain below
        inside = [m for m in inside if m is not whole[0]]
    elif whole:
        return [] if _generic(whole[0].text) else [(whole[0].start, whole[0].end)]
    # 阳山县韩愈纪念馆: a full region name before the site is where it is, not its name;
    # a short form (连南瑶族博物馆) is part of the name.
    # 阳山大崀镇松林村: a short form that opens a chain of regions is where the site is too
    # (a county's, before its town: not 宁波 of 宁波舟山港)
    lower_at = {m.start: LEVEL_ORDER[m.type] for m in inside if m.type in REGION_TYPES}
    for m in sorted(inside, key=lambda m: m.start):
        if m.start == abs_a and m.type in REGION_TYPES and m.end < abs_b and (
                m.text == found.entity(m.key).label or lower_at.get(m.end, -1) > LEVEL_ORDER[m.type]):
            abs_a = m.end
            if m.type is EntityType.VILLAGE and text.startswith(VILLAGE_COMMITTEE, abs_a - s.start):
                abs_a += len(VILLAGE_COMMITTEE)  # 戈它村委会丫勒村: past the committee too
    chained = abs_a > s.start + a
    villages = _chain_villages(s, found, abs_a, abs_b) if chained else []
    if villages:
        abs_a = villages[-1][1]
        for m in [m for m in inside if m.type not in REGION_TYPES and m.type is not EntityType.PROJECT
                  and m.start < abs_a < m.end]:
            _unname(found, m)  # 委会丫勒村韭菜种植基地: a name that ran across the chain
            inside = [n for n in inside if n is not m]
    name = text[abs_a - s.start:abs_b - s.start]
    if chained and not villages and not name.endswith(_NAMED_HEADS) and (
            is_word(name) or (is_word(name[:-1]) and name[-1] in SITE_HEADS) or _a_kind_of_park(name)):
        # 临淮关镇统计站, 桑墟镇工业集中区: what is left is a kind (统计站, 工业集中区), the region's
        # name is part of the site's
        abs_a, name = s.start + a, text[a:b]
    rest = [m for m in inside if m.start == abs_a and m.end == abs_b]
    if rest:
        return [*villages[-1:], (rest[0].start, rest[0].end)]  # 猫营镇大河村: the village, in the town
    etype = _site_type(name)
    # 西城镇联建村, 开边镇解放村: right after its township (or its fellow in a list) a village's
    # own name may read as a verb (联建, 解放, 团结); it is still a name
    own_village = (chained or after_village) and name.endswith(_NAMED_HEADS) and len(name) <= 5
    # 兴达模具, 建新铸造: a two-character brand before an industry's head names a company,
    # though jieba reads the brand as a verb (兴达, 建新)
    head = _SITE_HEAD_RE.search(name)
    brand = etype is EntityType.COMPANY and head is not None and head.start() == 2
    # 天纤棉业公司二期…生产线: a company's name may open the name of its project (and a park's,
    # the name of its incubator or centre: 龙山工业开发区中小企业孵化器)
    owner = [m for m in inside if m.start == abs_a and m.end < abs_b and (
        m.type in ORG_TYPES or m.type in (EntityType.PROJECT, EntityType.PARK))]
    if etype is None or not _HAN.match(name) or (
            _generic(name, _region_lead(inside, abs_a)) if not (own_village or brand) else name in NOT_NAMES) or any(
            m.start < abs_b and abs_a < m.end and m.type not in REGION_TYPES and m not in owner
            and not (m.start == abs_a and m.type is EntityType.PLACE and (
                m.text in countries() or NATIONAL_NAMES.get(m.text, ("", None))[1] is EntityType.PLACE))  # 中国(西部)…馆
            for m in inside) or (owner and etype is not EntityType.PROJECT
                                 and not (etype is EntityType.PLACE and owner[0].type not in ORG_TYPES)
                                 and not (etype is EntityType.INSTITUTION and owner[0].type is EntityType.PARK)):
        return villages[-1:]  # 黄寨子村东西部协作乡村振兴示范村: the village, and no named site
    label = "".join(c for c in name if c not in _QUOTES)
    key = entity_key(etype, label)
    entity = found.entities.setdefault(key, Entity(key, etype, label))
    full = text[a:b]
    if full != name and _HAN.match(full):
        entity.aliases.add(full)  # 城关镇凤凰美丽乡村, as the page wrote it
    found.mentions.append(Mention(abs_a, abs_b, name, etype, key))
    return [*villages[-1:], (abs_a, abs_b)]


def _swallows_a_village_chain(m: Mention, inside: list[Mention]) -> bool:
    """A site's name found whole that opens with a region and goes on with a village
    (沙拉托乡金银花种植基地 does not; 黄茅岭乡石门村委会草果丁村热情果种植基地 does). A project
    keeps its chain: 坝羊镇五星村高标准农田建设项目 is the project's own name."""
    head = [r for r in inside if r.start == m.start and r.end < m.end and r.type in REGION_TYPES]
    return m.type not in REGION_TYPES and m.type is not EntityType.PROJECT and bool(head) and bool(
        _VILLAGE_PIECE.match(m.text, max(r.end for r in head) - m.start))


def _unname(found: Mentions, m: Mention) -> None:
    """Take back a mention, and its entity when nothing else names it."""
    found.mentions = [n for n in found.mentions if n is not m]
    if not any(n.key == m.key for n in found.mentions):
        found.entities.pop(m.key, None)


def _chain_villages(s: Sentence, found: Mentions, pos: int, end: int) -> list[tuple[int, int]]:
    """The villages a chain of regions goes on with before its site (…乡草果丁村热情果种植基地:
    草果丁村), each added as a mention when none names it; their spans, in order."""
    out: list[tuple[int, int]] = []
    while True:
        hit = _VILLAGE_PIECE.match(s.text, pos - s.start, end - s.start)
        if not hit:
            return out
        piece = hit.group(0)
        if piece[0] in _NOT_A_VILLAGE or is_word(piece) or piece in NOT_NAMES:
            return out
        a, b = s.start + hit.start(), s.start + hit.end()
        if not any(m.start == a and m.end == b for m in found.in_span(a, b)):
            if any(m.start < b and a < m.end for m in found.in_span(a, b)):
                return out  # a name found runs across: not a village of the chain
            etype = _site_type(piece) or EntityType.PLACE
            key = entity_key(etype, piece)
            found.entities.setdefault(key, Entity(key, etype, piece))
            found.mentions.append(Mention(a, b, piece, etype, key))
        out.append((a, b))
        pos = b


def _a_kind_of_park(name: str) -> bool:
    """工业集中区, 产业园区: a park's head after one common word (a field), no name of its own."""
    hit = _SITE_HEAD_RE.search(name)
    if not hit or SITE_HEADS[hit.group(0)] is not EntityType.PARK:
        return False
    lead = name[: hit.start()]
    return not lead or (is_word(lead) and word_tag(lead) in ("n", "vn", "v"))


def _generic(name: str, region_lead: int = 0) -> bool:
    """在建项目, 一批重点项目, 12个项目, 三大园区: a kind of site, not a named one (``region_lead``:
    the length of the region's name it opens with: 大同 of 大同平型关大捷纪念馆 is an adverb to
    jieba, and no verb opens that name)."""
    return (name in NOT_NAMES or name in SUFFIX_TO_TYPE or name.startswith(GENERIC_MODIFIERS)
            or bool(_COUNTED.search(name)) or _starts_with_verb(name, region_lead))


def _region_lead(inside: list[Mention], start: int) -> int:
    """The length of the region mention that opens a name at ``start``, else 0."""
    return max((m.end - m.start for m in inside if m.start == start and m.type in REGION_TYPES), default=0)


def _starts_with_verb(name: str, region_lead: int = 0) -> bool:
    """来到在建项目, 来到他们村: a verb, adverb, preposition, conjunction or pronoun (他们, 这个)
    opens no site's name; a word that is the region the name opens with is none of them."""
    words = tagged(name)
    return bool(words) and words[0][3] in ("v", "vd", "d", "p", "c", "r") and words[0][1] != region_lead


def _site_type(name: str) -> EntityType | None:
    name = _BRACKET_END.sub("", name)
    hit = _SITE_HEAD_RE.search(name)
    if not hit:
        return None
    if len(name) - len(hit.group(0)) < 2 and not (
            hit.group(0) == "村" and len(name) == 2 and name[0] not in _NOT_A_VILLAGE):
        return None  # 余村 is a village's name; 本村, 进村 are not
    if hit.group(0) in SECTOR_HEADS and is_word(name[:-len(hit.group(0))]):
        return None  # 特色农业 is a field; 宜景农业 a company
    return SITE_HEADS[hit.group(0)]
