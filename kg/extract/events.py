"""Events of a document: visits (到…调研, 来到, 深入 …), meetings (会见), signings
(签署, 签约) and conferences (…会议: who presided, who attended), with dates.

Reads sentences and mentions; writes :class:`Event` records. A visit's agent is the
person who travels, not those who accompany (陪同, 参加调研); its places are every
named destination; its date comes from the sentence or the article's dateline.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from kg.extract.countries import countries
from kg.extract.world import is_area
from kg.extract.dates import byline_date, day_of_month, find_date
from kg.extract.lexicon import (ACCOMPANY_WORDS, CALL_ON_VERBS, CO_HOST_WORDS, GROUP_LEAD_WORDS, GROUP_TAIL_WORDS,
                                MEETING_BYSTANDER_WORDS, MEETING_VERBS, MOVE_VERBS,
                                PASSIVE_MEETING_WORDS, PERSON_LIST_GLUE, PROVINCE_ABBREVIATIONS, REPORTER_WORDS,
                                COMPANY_TITLES, STATE_TITLES, TALK_CONNECTORS, TALK_VERBS, TITLE_HEADS, TITLE_JUNK,
                                TO_CHINA_WORDS, TOPIC_CUES, TRAILING_TITLES,
                                TRAVELLING_GROUP_HEADS, VISIT_VERBS)
from kg.extract.index import Cover
from kg.extract.mentions import Mentions
from kg.extract.people import is_surname_start
from kg.extract.model import (EVENT_KINDS, PERSON_TYPES, REGION_TYPES, Entity, EntityType, Event,
                              EventType, Mention, SentenceContext)
from kg.extract.regions import load_gazetteer
from kg.extract.segment import Sentence
from kg.extract.stops import MOVING_TO, NEXT_SENTENCES, VILLAGE_COMMITTEE, find_stops, opens_looking

SentenceRule = Callable[[Sentence, list[Mention], dt.date | None, SentenceContext],
                        tuple[list[Event], bool]]

_VISITABLE = REGION_TYPES | {EntityType.PARK, EntityType.PROJECT, EntityType.PLACE,
                             EntityType.COMPANY, EntityType.INSTITUTION,
                             EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
_BROAD = {EntityType.PROVINCE, EntityType.PREFECTURE}
# A region written with its level (平山县, 五星村), not a short form (平山) that opens a company's name.
_REGION_ENDS = ("省", "市", "州", "盟", "县", "区", "旗", "镇", "乡", "街道", "村", "社区", "嘎查", "苏木")
_MOVE_ANY = re.compile("|".join(v if v != "到" else MOVING_TO for v in MOVE_VERBS))
# 慰问 is a visit (看望慰问困难群众) and a noun: condolences sent (致以深切慰问, 转达…的慰问,
# 致慰问电), which take no one anywhere.
_CONDOLENCES = r"(?<!致以)(?<!转达)(?<!表示)(?<!致)(?<!的)(?<!深切)(?<!诚挚)慰问(?![电信函])"
_VISIT_RE = re.compile("|".join(_CONDOLENCES if v == "慰问" else re.escape(v) for v in VISIT_VERBS))
# 县委书记A与来访的B一行座谈: 座谈 with 同/与 is a meeting; a 座谈会 is a conference
_TALK_VERB = "(?:" + "|".join(TALK_VERBS) + ")(?!会)"
# (团拜会, a new-year gathering, is no call)
_MEET_RE = re.compile("|".join(MEETING_VERBS) + "|" + _TALK_VERB + "|(?<!团)(?:" + "|".join(CALL_ON_VERBS) + ")")
_PRONOUN_START = ("他", "她", "随后", "之后", "其间", "期间", "在", "来到", "还", "并", "先后", "走进", "深入")
_HEADLINE_MAX = 60
# 省督导调研组一行先后…, 代表团一行来到…: the group of the visitor named before.
_GROUP_START = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:调研组|督导组|督查组|考察组|检查组|工作组|代表团)?一行"
                          # 刚到红河州，考察团就马不停蹄来到小镇: the group, after a clause, sets off
                          r"|^(?:[^，,。；;]{0,12}[，,])?(?:考察团|调研组|考察组|督导组|代表团)(?:成员)?"
                          r"(?=[^，,。；;]{0,8}?(?:来到|走进|深入|前往|赴|察看|考察|视察|参观|走访))")
# 调研第二站考察了…, 最后一站，…来到…: the tour goes on, its stops counted.
_NEXT_STOP = re.compile(r"^(?:调研|考察|督导|检查|视察)?(?:的)?(?:首站|第[一二三四五六七八九十0-9]{1,2}站|最后一站|下一站)")
# 市领导还前往…, 省领导一行随后来到…: the leaders the page follows, with no name, are the visitor's party.
_LEADERS_START = re.compile(r"^(?:随后|接着|之后|当天|同日)?[，,]?(?:自治区|[省市县区州盟旗])领导(?:们|同志)?(?:一行)?"
                            r"(?:还|又|随后|先后|接着)?(?:来到|走进|深入|前往|赴|到|察看|考察|视察|参观|走访)")
_TRAVELLING_GROUPS = ("代表团", "调研组", "考察团", "考察组", "工作组", "督导组", "一行")
# 18日，考察组一行先后来到…; 15日下午和16日上午调研组一行…: a day of the tour said first, then who goes on.
_LEAD_TIME = re.compile(r"^(?:(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}[日号](?:上午|下午|晚上|晚间|早上|中午|傍晚)?"
                        r"(?:\d{1,2}[时点](?:\d{1,2}分|半)?)?"  # 9月11日19时30分
                        r"|上午|下午|晚上|晚间|早上|中午|傍晚)(?:[和至到、-]|[，,])?)+")
# 离开养殖场，来到沙坝村，村党支部书记何庆…: the sentence sets off again with no subject; those
# named after the stop receive the visitor.
_SETS_OFF_START = ("离开", "来到", "走进", "深入", "前往", "随后来到", "随后走进", "接着来到")
# 在清泉村，村党支部第一书记黄亮汇报了…: who briefs the visitor at a stop is not the visitor.
_BRIEFS = re.compile(r"[^，,。；;]{0,6}?(?:汇报|介绍)")
_HEARS = ("听取", "听了", "听")
# 刘新建带领师党委常委、副政委徐广江…考察组一行赴…: the one named before 带领 leads, those after go along.
# (not 在A带领下，B来到…: there A shows B the way)
_LEADS = re.compile("(?:" + "|".join(w for w in GROUP_LEAD_WORDS if not w.startswith("为")) + ")(?!下)")
# 李凡荣一行来我市考察, 来临湘市调研, 来梅考察: 来 moves when a place and a verb of visiting follow it (not
# 以来, 带来, 前来考察的客商 …)
_COME_TO = r"(?<![前回从带原未将以本后出起进过下上年到历向由迎])来(?=我?[市县区省州镇乡旗](?:考察|调研|视察|参观|访问|指导|洽谈|投资|交流)|我[市县区省州镇乡旗]|[\u4e00-\u9fff]{1,8}?(?:考察|调研|视察|督导|督查|检查|参观|访问|指导))"
_MOVE_ANY = re.compile(_MOVE_ANY.pattern + "|" + _COME_TO)
_COME_RE = re.compile(_COME_TO)


class _Movement:
    """Movement verbs, but not the 到 of a range (从2015年到中央政治局…, 从陕西的苹果到广东的荔枝,
    从主张…，到提议…)."""

    @staticmethod
    def search(text: str, pos: int = 0, endpos: int | None = None):
        for m in _MOVE_ANY.finditer(text, pos, len(text) if endpos is None else endpos):
            clause = re.split("[，,。；;]", text[:m.start()])[-1]
            if m.group(0) == "到" and ("从" in clause or (
                    not clause.strip() and re.search(r"(?:^|[，,；;\s])从", text[:m.start()]))):
                continue  # (从提出…，到倡议…: the range's clauses are cut by a comma)
            if m.group(0) == "深入" and text.startswith(_DEEPLY_DONE, m.end()):
                continue  # 正深入贯彻…精神: 深入 says how deeply, nobody goes anywhere
            return m
        return None


# 深入贯彻, 深入推进: 深入 before a verb of carrying out is an adverb, not a movement.
_DEEPLY_DONE = ("贯彻", "学习", "推进", "实施", "落实", "开展", "推动", "践行", "领会", "挖掘", "研究", "实践",
                "探讨", "交流", "沟通", "研讨", "交换", "分析", "思考")  # (就…进行深入探讨: how they talk)
_MOVE_RE = _Movement()
# 在省委书记王蒙徽和省长王忠林陪同下: those named inside go along, they are not the visitors.
# 在市人大常委会主任A、…，县委书记B，县长C…的陪同下: the escorts' list may run over commas (never
# over another 在: 在福州，张三在李四陪同下 is escorted by 李四 only).
_ESCORTED_BY = re.compile("在(?:[^，,。；;在]{1,40}[，,])*?[^，,。；;在]{1,40}?陪同下")
# 在武汉，华中地区最大的智算中心投入使用: only a visitor, a pronoun or a verb of seeing after
# 在X， makes X a stop of the tour.
_STOP_CLAUSE = re.compile(r"^[^，,。]{0,30}?[，,](?:[\u4e00-\u9fff]{0,8}(?:总书记|他|她|一行|同志|代表团|考察团|调研组|考察组|督导组)|"
                          r"(?:先后|随后|详细|实地|仔细|认真)?(?:察看|查看|了解|听取|考察|调研|参观|走进|观看|看望|慰问|与|同|向)|"
                          r"[^，,。]{0,16}?(?:汇报|介绍))")  # 在清泉村，村党支部书记黄亮汇报…: a stop
# 应马克龙总统邀请: the host who invites does not travel.
_INVITATION = re.compile("应[^，,。]{1,40}?邀请")
_STATE_VISIT = re.compile("进行[^，,。]{0,6}访问")
_CHINA = ("中国", "中华人民共和国")
_TO_CHINA = re.compile("来华|访华|访问中国|对中国进行")
# 近日, 日前: "lately" — the page's date is not the day it happened, and no day is given.
_VAGUE_TIME = re.compile("近日|日前|近期|前不久|最近")
# 贯彻习近平总书记到贵州考察时的重要讲话精神: a visit the sentence recalls, not one of the issue
# day; it keeps its own date if it states one (2015年6月…来到贵州考察).
_RECALLED = re.compile("(?:贯彻|落实|学习|牢记|按照|践行|遵循|重温|回顾|殷殷嘱托)[^。]{0,30}"
                       "(?:考察|视察|调研)[^。]{0,12}(?:重要讲话|重要指示|精神|嘱托|时的|以来|期间)")
# 深入学习贯彻习近平总书记关于…的重要论述, 在习近平总书记亲自指导下, 统一到…重要指示批示精神上来,
# 受习近平总书记嘱托 (受市长委托, 副市长…到…: the one who sends, not the one who goes):
# the person whose words or care a sentence invokes, not a visitor of that sentence.
_INVOKED_AFTER = re.compile(r"[^，,。；;：:]{0,24}?(?:重要讲话|重要指示|重要论述|指示批示|重要回信|殷殷嘱托|"
                            r"亲自指导|亲自部署|亲切关怀|关心关怀|嘱托|委托|提出的)")
_INVOKED_BEFORE = re.compile(r"(?:贯彻|落实|学习|领会|践行|遵循|按照|牢记|笃行|细悟|统一到|以|受)(?:好|了)?$")


def _invoked(s: Sentence, m: Mention) -> bool:
    """Whether the sentence invokes the person's words or care (贯彻习近平总书记关于…的重要论述,
    在习近平总书记亲自指导下) and tells of no trip of theirs (贯彻总书记到贵州考察时的重要讲话精神
    still tells one)."""
    rel, end = m.start - s.start, m.end - s.start
    if _TRIP_TOLD.match(s.text, end):
        return False
    return bool(_INVOKED_AFTER.match(s.text, end)) or bool(_INVOKED_BEFORE.search(s.text, max(0, rel - 3), rel))


# 总书记到贵州考察时的重要讲话, 视察天津重要讲话精神, 视察北京并发表重要讲话: a trip is told too,
# and it stays a visit (the gold of the seeds and of cctv counts such recalled trips).
_TRIP_TOLD = re.compile(r"[^，,。；;：:]{0,14}?(?:考察|视察|调研)")


# Inspection verbs whose object is a subject matter (调研防汛工作), unlike 走访/察看/考察 X,
# whose object is a place or a company.
_TOPIC_VERB_RE = re.compile("调研|督导|检查|督查|指导|调度")
# …调研，随后到岳阳市看望干部职工: 到 alone sets off only after a word of sequence (not 调研到2027年).
_SETS_OFF_AGAIN = re.compile("[，,；;](?:(?:随后|先后|接着|又|还|并)?(?:实地)?(?:" + "|".join(
    ("来到", "走进", "深入", "前往", "走访", "察看", "考察", "视察", "赴")) + ")|(?:随后|接着|之后|又|还|再)到)")
# 在参观东江纵队纪念馆时他表示: seeing a site, during the tour.
_SEEING_AT = re.compile("在(?:参观|参谒|瞻仰)[^，,。]{2,30}时")
# 在猫营镇大河村，马汉成了解…: during a tour, "at <place>, <visitor> …" is a stop.
_TOUR_STOP = re.compile(r"^(?:随后|接着|之后)?[,，]?在[^，,。]{2,40}[，,]")


def find_events(text: str, sentences: list[Sentence], found: Mentions,
                year: int | None, title_spans: list[tuple[int, int]],
                issue: dt.date | None = None) -> list[Event]:
    events: list[Event] = []
    stops = find_stops(sentences, found)
    current_date: dt.date | None = None
    last_agent: str | None = None
    party: list[str] = []  # who travels together (A，B一行): the last visit's agents
    prev_ms: list[Mention] = []
    leaders: list[str] = []  # who leads the travelling group the page names (A率领的代表团)
    pending = None  # a group's visit told before its members: (sentence, mentions, day)
    page_day = _page_day(sentences, year, issue) or byline_date(text)
    if issue is None and page_day is not None:
        year = page_day.year  # the byline's year, not the most named one (2035年远景目标)
    in_a_title = Cover(title_spans).covers
    context = SentenceContext(tuple(title_spans), page_day, frozenset(stops))
    topic: tuple[str, int] | None = None  # the site a paragraph opens with, and its sentence
    prev_end = -1
    named_in_paragraph, carried = False, False  # a person named in the paragraph so far; a topic carried over
    for s in sentences:
        here = _here_of(prev_ms)
        prev_ms = [m for m in found.mentions if s.start <= m.start and m.end <= s.end]
        if s.start != prev_end:
            opened = _paragraph_topic(s, prev_ms)
            if opened is None and topic is not None and not named_in_paragraph and not carried:
                # 黄草湖泵站位于…。该站装机5台…\n刘洁走进泵站内: the paragraph before only told of
                # its site, and the visitor opens this one
                topic, carried = (topic[0], s.index - 1), True
            else:
                topic, carried = opened, False
            named_in_paragraph = False
        named_in_paragraph = named_in_paragraph or any(m.type in PERSON_TYPES for m in prev_ms)
        prev_end = s.end
        if _is_headline(s) and not _caption_of(s, prev_ms, last_agent, year):
            last_agent, party = None, []
            headline_date = find_date(s.text, year)
            current_date = headline_date
        stated = find_date(s.text, year, page_day) or day_of_month(s.text, page_day)
        day = stated or (None if _vague_time(s.text) or _RECALLED.search(s.text)
                         or _in_another_year(s.text, current_date or page_day) else current_date)
        if stated:
            current_date = day
        ms = [m for m in found.in_span(s.start, s.end) if not in_a_title(m.start, m.end)]
        leaders = _group_leaders(s, ms, title_spans) or leaders
        events += _guest_visits(s, ms, day, found, title_spans)
        if pending is not None and pending[0].index == s.index - 1 and (heads := _delegation_heads(s, ms)):
            # …党政代表团到朝阳区调研考察。石景山区委书记常卫，区委副书记、区长李新，…: its leaders
            leaders, told = heads, _group_visit(*pending, heads, stops)
            if told:
                events += told
                last_agent, party = told[-1].agent, heads
        n = len(events)
        goes_on = _sentence_rules(s, ms, day, context, events)
        if leaders and not any(e.type is EventType.MEETING for e in events[n:]):
            events += _met_the_group(s, ms, day or page_day, leaders, title_spans)
        if _GROUP_SUBJECT.match(s.text) and (came := [e.agent for e in events[n:] if e.type is EventType.VISIT]):
            leaders = list(dict.fromkeys(came))  # (…代表团来松江考察，…会见申守勃一行: the group he leads)
        if not goes_on:
            continue
        # (the group's own sentence first: 代表团首先来到… is the visit of each of its leaders)
        visits = _group_visit(s, ms, day, leaders, stops) or _visit(s, ms, day, last_agent, stops, here) \
            or _looks_at_topic(s, ms, day, last_agent, topic)
        pending = (s, ms, day) if not visits and not leaders and _GROUP_SUBJECT.match(s.text) else None
        if visits:
            visits = _with_party(s, visits, party)
            events += visits
            last_agent = visits[-1].agent
            party = [v.agent for v in visits if v.agent]
        elif _sets_out(s):
            # 区委书记张义利赴重点企业调研…: no named stop yet, but the tour has begun, and
            # 在X公司，张义利… or 调研组一行先后… in the sentences after tell its stops
            traveller = _first_traveller(s, ms)
            if traveller:
                last_agent = traveller
                party = _party_of(s, ms, traveller)
        elif events and events[-1].type is EventType.VISIT and events[-1].sentence == s.index - 1:
            # 市领导王芳、陈刚陪同调研。: the sentence after a visit names who went along
            escorts = _escorts(s, ms, events[-1].agent)
            if escorts:
                last = events[-1]
                events[-1] = Event(last.type, last.agent, last.places,
                                   tuple(dict.fromkeys((*last.participants, *escorts))), last.date, last.sentence)
    events = _co_hosts(sentences, found, events, title_spans)
    events = _group_guests(sentences, found, events, title_spans)
    events = _sides_listed(sentences, found, events, title_spans)
    add_place_entities(found, events)
    events = _addressed_guests(sentences, found, events, title_spans)
    return _drop_undated_repeats(_surnamed_guests(sentences, found, events, title_spans))


# 江苏长青…改建项目正在紧锣密鼓地施工中。…。陈曦认真了解项目情况: the tour's visitor opens a
# later sentence of the paragraph looking at what the paragraph opened with.
def _paragraph_topic(s: Sentence, ms: list[Mention]) -> tuple[str, int] | None:
    """The named site (or village) a paragraph's first sentence opens with, as its subject."""
    first = [m for m in ms if m.start == s.start]
    if not first:
        return None
    m = max(first, key=lambda m: m.end)
    if m.type not in _VISITABLE or m.type is EntityType.GOVERNMENT_BODY or (
            m.type in REGION_TYPES and m.type is not EntityType.VILLAGE):
        return None
    if s.text[m.end - s.start:m.end - s.start + 1] in ("，", ",", "、", "和", "与", "及", "的"):
        return None  # 长青公司、…: a list, or a name that only qualifies what follows
    return m.key, s.index


def _looks_at_topic(s: Sentence, ms: list[Mention], day: dt.date | None, last_agent: str | None,
                    topic: tuple[str, int] | None) -> list[Event]:
    """A tour's visitor, opening one of the next sentences of a paragraph that began with a
    named site, looks at something there (了解, 察看, 询问): the site is a stop of the tour."""
    if last_agent is None or topic is None or not 0 < s.index - topic[1] <= NEXT_SENTENCES:
        return []
    people = [m for m in ms if m.type in PERSON_TYPES]
    if not people or people[0].key != last_agent or not opens_looking(s, people[0]):
        return []
    return [Event(EventType.VISIT, last_agent, (topic[0],), (), day, s.index)]


def add_place_entities(found: Mentions, events: list[Event]) -> None:
    """A province visited that the page names by one character only (在苏期间) is an entity."""
    gaz = load_gazetteer()
    for e in events:
        for k in e.places:
            if k.startswith("region/") and k not in found.entities:
                r = gaz.regions[k.removeprefix("region/")]
                found.entities[k] = Entity(k, r.type, r.name, region=r)


def _sentence_rules(s: Sentence, ms: list[Mention], day: dt.date | None, context: SentenceContext,
                    events: list[Event]) -> bool:
    """Every event type's sentence rule (EVENT_KINDS, in order) on one sentence, adding what
    they find to ``events``; False when one of them says the sentence is told (a meeting's
    sentence holds no visit, a conference's neither)."""
    for find in _rules():
        found, goes_on = find(s, ms, day, context)
        events += found
        if not goes_on:
            return False
    return True


@cache
def _rules() -> tuple[SentenceRule, ...]:
    out = []
    for kind in EVENT_KINDS.values():
        if kind.rule:
            module, _, name = kind.rule.partition(":")
            out.append(getattr(importlib.import_module(module), name))
    return tuple(out)


def find_meetings(s: Sentence, ms: list[Mention], day: dt.date | None,
                  context: SentenceContext) -> tuple[list[Event], bool]:
    """The meeting rule of EVENT_KINDS: :func:`_meeting`; the sentence goes on to the other
    rules only when it also tells a visit abroad or a state visit (…对朝鲜进行正式友好访问 /
    访问文莱，在…会见…); else a visit in the clause before the meeting's is taken here
    (李凡荣一行来我市考察，市委书记王立会见了…)."""
    meetings = _meeting(s, ms, day, list(context.title_spans), context.page_day)
    if not meetings:
        return [], True
    verb = _MEET_RE.search(s.text)  # 会见, 会谈, or 座谈 (…考察调研，并与县委书记孙某座谈交流)
    said_before = s.text[:verb.start() if verb else 0]
    # (来华进行国事访问的…总统: the guests' visit, told by _guest_visits)
    if any(not said_before.startswith("的", m.end()) for r in (_STATE_VISIT, _VISIT_ABROAD)
           for m in r.finditer(said_before)):
        return meetings, True
    comma = max(said_before.rfind("，"), said_before.rfind(","))
    if comma > 0 and (_MOVE_RE.search(said_before[:comma]) or _VISIT_RE.search(said_before[:comma])):
        first = replace(s, end=s.start + comma, text=s.text[:comma])
        before = [m for m in ms if m.end <= first.end]
        told = _visit(first, before, day, None, set(context.stops))
        group = _GROUP_SUBJECT.match(first.text) if not told else None
        if group:
            # 庄河市党政代表团来松江考察调研，区委书记王华杰…会见庄河市委书记申守勃一行: the group
            # that came is the guest's, who leads it
            end = re.compile("[，,]|$").search(first.text, group.end()).start()
            clause = replace(s, end=s.start + end, text=s.text[:end])
            guests = dict.fromkeys(p for e in meetings for p in e.participants)
            told = _group_visit(clause, [m for m in ms if m.end <= clause.end], day, list(guests),
                                set(context.stops))
        meetings += told
    return meetings, False


def _drop_undated_repeats(events: list[Event]) -> list[Event]:
    """A headline's visit (no date) repeated by the dated article body is the same visit."""
    dated = {(e.agent, p) for e in events if e.date for p in e.places}
    return [e for e in events
            if e.date or e.type is not EventType.VISIT or not all((e.agent, p) in dated for p in e.places)]


_LOOKS = re.compile("了解|听取|询问|察看|查看")


# 2016年春节前夕，习近平总书记来到…: a year alone, no month and day after it.
_YEAR_ALONE = re.compile(r"((?:19|20)\d{2})年(?![0-9０-９]{1,2}月|[底末]?[至到－—-])")


def _in_another_year(text: str, day: dt.date | None) -> bool:
    """2016年春节前夕，总书记来到神山村 in a 2024 story: the sentence tells a visit of another
    year than the story's, before its verb, and names no day of it; the visit keeps no day of
    the story (计划到2027年, after the verb, is what is planned, not when)."""
    if day is None:
        return False
    acts = [m.start() for m in (_MOVE_RE.search(text), _VISIT_RE.search(text)) if m]
    if not acts:
        return False
    return any(int(m.group(1)) != day.year for m in _YEAR_ALONE.finditer(text, 0, min(acts)))


def _vague_time(text: str) -> bool:
    """近日，市长到…; 县长李华日前赴…: "lately" said of the visit, before its verb. After the
    verb it is what was looked at (了解东坑镇近期工作进展), and the tour's day goes on."""
    vague = _VAGUE_TIME.search(text)
    if vague is None:
        return False
    acts = [m.start() for m in (_MOVE_RE.search(text), _VISIT_RE.search(text), _LOOKS.search(text)) if m]
    return vague.start() < min(acts, default=len(text))


# 察看天通苑文化艺术中心 under a photo of the tour: a line that opens with what the visitor does.
_CAPTION_VERB = re.compile("(?:察看|查看|考察|调研|了解|走访|参观|视察|看望|慰问|听取)")


def _caption_of(s: Sentence, ms: list[Mention], last_agent: str | None, year: int | None) -> bool:
    """李世书（前排右一）在席麻湾镇樱桃产业园调研, 察看文化艺术中心: a short line inside the story
    that names the visitor of the tour being told, or opens with what the visitor does, and has
    no day of its own is a photo caption or a subheading of the same tour, not a new story: the
    tour's visitor and day go on after it."""
    return (last_agent is not None and s.index > 0 and find_date(s.text, year) is None
            and (any(m.key == last_agent for m in ms) or _CAPTION_VERB.match(s.text) is not None))


def _is_headline(s: Sentence) -> bool:
    """A short line with no full stop that says something (8f2d….jpg, a photo's file name left
    in the page, says nothing: the tour told around it goes on)."""
    return len(s.text) <= _HEADLINE_MAX and not s.text.endswith(("。", "！", "？", "”")) \
        and _HAN_PAIR.search(s.text) is not None


_HAN_PAIR = re.compile("[\u4e00-\u9fff]{2}")


def _people(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in PERSON_TYPES]


def _accompanies(s: Sentence, m: Mention) -> bool:
    after = s.text[m.end - s.start: m.end - s.start + 8]
    before = s.text[max(0, m.start - s.start - 4): m.start - s.start]
    return after.startswith(ACCOMPANY_WORDS) or "陪同" in before or "参加" in after[:4]


# 苏州平江历史文化街区距今…。2023年7月，总书记来到这里考察 (来到这里，了解…): 这里 is the site the
# sentence before opens with.
_HERE = re.compile("(?:来到|到|走进|在)这里[，,]?(?:考察|调研|视察|参观|察看|看望|了解|听取|详细|实地|走进)")


def _here_of(prev: list[Mention]) -> str | None:
    """The site a sentence is about: its first named site, or else its first region below a city."""
    sites = [m for m in prev if m.type in _VISITABLE and m.type not in REGION_TYPES
             and m.text not in countries() and m.type is not EntityType.GOVERNMENT_BODY]
    if sites:
        return sites[0].key
    low = [m for m in prev if m.type in REGION_TYPES and m.type not in _BROAD]
    return low[-1].key if low else None


# 6年前来到中山创业, 毕业后回到家乡工作: who comes to live, work or study moves there; it is no
# visit (unless the sentence has a verb of visiting: 来到企业调研工作).
_SETTLES = re.compile(r"([^，,。；;]{1,12}?)(?:创业|就业|工作|务工|打工|定居|安家|落户|扎根|求学|读书|上学|"
                      r"支教|任教|任职|挂职)")
_LOOKS_INTO = re.compile("了解|察看|查看|看望|慰问|指导|检查|调研|考察|听取|询问|督导|部署|推进|开展")


def _settles(text: str, pos: int) -> bool:
    m = _SETTLES.match(text, pos)
    return m is not None and not _LOOKS_INTO.search(m.group(1))


def _only_goes_along(text: str, move) -> bool:
    """县领导A、B，开发区、县自规局等部门负责同志参加调研。: every verb of visiting in the sentence
    is what those named do along with the visitor (参加调研, 陪同检查); nobody sets out."""
    verbs = list(_VISIT_RE.finditer(text))
    return move is None and bool(verbs) and all(
        text[max(0, v.start() - 3):v.start()].endswith(ACCOMPANY_WORDS) for v in verbs)


_PHOTO_CREDIT = re.compile(r"[ \u3000]*(?:摄影|摄)(?![\u4e00-\u9fff])")


def _escorted(s: Sentence) -> list[tuple[int, int]]:
    """The sentence offsets of its 在…陪同下 clauses (the hosts or escorts who go along)."""
    return [(a.start(), a.end()) for a in _ESCORTED_BY.finditer(s.text)]


def _byline(s: Sentence, m: Mention) -> bool:
    """本报讯（记者崔杨）…代表团到朝阳区调研: the reporter of a byline goes on no visit of the story,
    nor the photographer of a caption (…到小营镇五凤村调研  翟宇佳 摄影)."""
    return (s.text[max(0, m.start - s.start - 8):m.start - s.start].rstrip(" \u3000").endswith(REPORTER_WORDS)
            or _PHOTO_CREDIT.match(s.text, m.end - s.start) is not None)


_BODY_GOES = re.compile("(?:一行)?(?:来|到|赴)?[\u4e00-\u9fff]?")
# A对B一行来我市考察表示欢迎: what lies between the welcomer and the verb of coming
_WELCOMES = re.compile(r"[^，,。；;]{0,12}?对[^，,。；;]{1,30}?$")
_WELCOME_AFTER = re.compile(r"[^，,。；;]{0,12}?表示(?:热烈|诚挚|衷心)?(?:欢迎|感谢)")
_BODIES = (EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.INSTITUTION, EntityType.GOVERNMENT_BODY)
# 会见了来吉考察的企业家, 接见前来调研的…一行: the clause tells who the guests are and why they came.
_HOSTS = re.compile("(?:" + "|".join(MEETING_VERBS) + ")")
_MET_VISITORS = re.compile("(?:" + "|".join(MEETING_VERBS) + ")了?(?:前来|专程来|来|到|赴)[^，,。；;的]{0,16}的")


def _visit(s: Sentence, ms: list[Mention], day: dt.date | None,
           last_agent: str | None, stops: set[tuple[int, int]] = frozenset(),
           here: str | None = None) -> list[Event]:
    move = _MOVE_RE.search(s.text)
    inspect = _VISIT_RE.search(s.text) or _abroad(s, ms)  # 韩正访问荷兰: 访问 a country
    if _only_goes_along(s.text, move) or (move and not inspect and _settles(s.text, move.end())):
        return []
    met = _MET_VISITORS.search(s.text)
    if met and all(x is None or met.start() <= x.start() < met.end() for x in (move, inspect)):
        return []  # 会见了来吉考察的…企业家: the guests came, the host did not go (named ones: _guest_visits)
    touring = last_agent is not None and _TOUR_STOP.match(s.text) is not None
    if not move and not inspect and "现场" not in s.text and not touring:
        return []
    invited_by = [(a.start(), a.end()) for a in _INVITATION.finditer(s.text)]
    invited_by += _escorted(s)
    people = [m for m in _people(ms) if not _accompanies(s, m) and not _invoked(s, m)
              and not any(a <= m.start - s.start < b for a, b in invited_by)
              and not (last_agent and _briefs(s, m)) and not _byline(s, m)]
    verb_at = min(x.start() for x in (move, inspect) if x) if (move or inspect) else len(s.text)
    agent = None
    before = _leader_first([p for p in people if p.start - s.start < verb_at], s)
    fellow: list[str] = []
    rest = s.text[_lead_time_end(s.text):]
    if before:
        agent = before[-1].key
        fellow = _fellow_travellers(s, before)
    elif people and not (last_agent and rest.startswith(_SETS_OFF_START)) and not any(
            m.type in _BODIES and _BODY_GOES.fullmatch(s.text, m.end - s.start, verb_at) for m in ms):
        agent = people[0].key  # (…赣商联盟来吉考察 胡世忠与企业家座谈: the body goes, not 胡世忠)
    elif last_agent and (rest.startswith(_PRONOUN_START) or _GROUP_START.match(rest)
                         or rest.startswith(_SETS_OFF_START)
                         or _LEADERS_START.match(rest) or _NEXT_STOP.match(rest)):
        at_clause = re.split("[，,。]", s.text, maxsplit=1)[0]
        if not (s.text.startswith("在") and not _STOP_CLAUSE.match(s.text)
                and not _VISIT_RE.search(at_clause) and not _SEEING_AT.match(at_clause)):
            agent = last_agent  # 在博罗县郭前村调研时他表示: a stop; 在武汉，…投入使用: not
    if agent is not None and before and before[-1].key == agent and _WELCOMES.match(
            s.text, before[-1].end - s.start, verb_at) and _WELCOME_AFTER.match(s.text, verb_at):
        agent = None  # 黄某副市长对研习班来肥考察表示欢迎: the one who welcomes stays; the group came
    if agent is None:
        return []
    if (touring and not move and not inspect and last_agent not in (None, agent)
            and any(p.key == agent and _HOSTS.match(s.text, p.end - s.start) for p in people)):
        agent = last_agent  # 在德令哈市，常务副州长王林虎会见代表团一行: the guests' tour goes on, the host stays home
    agent_at = [p for p in people if p.key == agent]
    places = _destinations(s, ms, move is not None, stops,
                           agent_at[0].end - s.start if agent_at else -99)
    led = _LEADS.match(s.text, agent_at[0].end - s.start) if agent_at else None
    if led and move and move.start() > led.end():
        # 刘新建带领…天北新区、天北城投公司等部门单位考察组一行赴伊犁州: the units led go, they are not stops
        places = [k for k in places if not any(m.key == k and led.end() <= m.start - s.start < move.start()
                                               for m in ms) or any(m.key == k and m.start - s.start >= move.start()
                                                                   for m in ms)]
    places = _without_towns_of_a_chain(places, ms, s.text, s.start)
    made = _MADE_UP_OF.search(s.text)
    if made:  # 由中国铁建公司董事甲…等组成的调研组: the members' companies are who they are, not stops
        places = [k for k in places if not all(made.start() <= m.start - s.start < made.end()
                                               for m in ms if m.key == k)]
    escorted = _escorted(s)
    # 在县烟办、县烟草公司等部门领导的陪同下: the escorts' units are who goes along, not stops
    places = [k for k in places if not any(m.key == k for m in ms) or any(
        m.key == k and not any(a <= m.start - s.start < b for a, b in escorted) for m in ms)]
    if not places and here and _HERE.search(s.text):
        places = [here]
    if not places:
        return []
    if not move and not inspect and not last_agent:
        return []
    if touring and not move and not inspect and "现场" not in s.text:
        places = [k for k in places if _is_stop(k, ms)]
    escorts = tuple(dict.fromkeys(_escorts(s, ms, agent)))
    return [Event(EventType.VISIT, a, tuple(dict.fromkeys(places)), escorts, day, s.index)
            for a in (*fellow, agent)]


def _without_towns_of_a_chain(places: list[str], ms: list[Mention], text: str = "",
                              offset: int = 0) -> list[str]:
    """在青石乡柳溪村…, 了解对竹镇塔上村…: the township written right before the village or the
    site visited says where that stop is; the stop is the village (not the township between),
    unless the township is also named alone. So does a village committee before the village
    it holds (石门村委会草果丁村: 草果丁村)."""
    kept = set(places)
    drop = set()
    for m in ms:
        committee = m.text.endswith(VILLAGE_COMMITTEE)  # 青松村委会, named as one
        if (m.type not in _CHAIN_LINKS and not committee) or m.key not in kept:
            continue
        end = m.end + (len(VILLAGE_COMMITTEE) if m.type is EntityType.VILLAGE
                       and text.startswith(VILLAGE_COMMITTEE, m.end - offset) else 0)
        if m.type is not EntityType.TOWNSHIP and end == m.end and not committee:
            continue  # 黄寨子村示范点: a village before its own site is still a stop
        nxt = [n for n in ms if n.start == end and n.key in kept and n.key != m.key
               and (n.type is EntityType.VILLAGE or n.type not in REGION_TYPES)]
        if nxt:
            drop.add(m.key)
    alone = {m.key for m in ms if m.key in drop and m.type is EntityType.TOWNSHIP
             and not any(n.start == m.end and n.key in kept for n in ms)}
    return [k for k in places if k not in drop - alone]


_CHAIN_LINKS = (EntityType.TOWNSHIP, EntityType.VILLAGE)


def _lead_time_end(text: str) -> int:
    """Where a sentence's opening day (18日，; 15日下午和16日上午) ends, else 0."""
    m = _LEAD_TIME.match(text)
    return m.end() if m else 0


def _briefs(s: Sentence, m: Mention) -> bool:
    """黄亮汇报了…, 陈发介绍全镇…: the person tells the visitor about the place."""
    rel = m.end - s.start
    return _BRIEFS.match(s.text, rel) is not None and not s.text[max(0, m.start - s.start - 4):
                                                                 m.start - s.start].endswith(_HEARS)


def _leader_first(before: list[Mention], s: Sentence) -> list[Mention]:
    """The people named before the verb, up to the one who leads (A带领B、C…赴X: A), when
    the ones after 带领 are what A leads, not a list of visitors of their own."""
    for i, p in enumerate(before[:-1]):
        gap = s.text[p.end - s.start:before[i + 1].start - s.start]
        if _LEADS.match(gap) or _LEADS.match(gap.lstrip("一行等同志")):
            return before[:i + 1]
    return before


_TITLE_ENDS = tuple(TITLE_HEADS)
# Between two visitors of one list: a separator, then only the next one's titles.
_FELLOW_GAP = re.compile(r"^[、，,](?:[^，,。；;、：:同与向对]{0,24}、)*[^，,。；;、：:同与向对]{1,24}$")


def _fellow_travellers(s: Sentence, before: list[Mention]) -> list[str]:
    """市人大常委会副主任A、副市长B、市政协副主席C带领…赴昆山市: A and B travel with C."""
    out: list[str] = []
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:])):
        gap = s.text[prev.end - s.start:nxt.start - s.start]
        if not _FELLOW_GAP.match(gap) or not gap.endswith(_TITLE_ENDS) or _MOVE_RE.search(gap) \
                or _VISIT_RE.search(gap) \
                or any(w in gap for w in ACCOMPANY_WORDS):
            break
        out.insert(0, prev.key)
    return out


def _sets_out(s: Sentence) -> bool:
    return bool(_MOVE_RE.search(s.text) or _VISIT_RE.search(s.text))


def _first_traveller(s: Sentence, ms: list[Mention]) -> str | None:
    """The person who sets out: named right before a movement verb (张义利赴…, 王芳一行到…),
    or at the head of a travelling party (…黄继宗一行，对我县…进行督查)."""
    for m in _people(ms):
        after = s.text[m.end - s.start:m.end - s.start + 12]
        move = _MOVE_RE.search(after)
        if after.startswith("一行") or (move and not _accompanies(s, m)
                                       and not re.search("[，,。、对]", after[:move.start()])):
            return m.key  # (黄某副市长对研习班来肥考察表示欢迎: the group sets out, not 黄某)
    return None


def _party_of(s: Sentence, ms: list[Mention], traveller: str) -> list[str]:
    """The traveller and the officials listed with them (市长A，常务副市长B一行)."""
    people = [m for m in _people(ms) if not _accompanies(s, m)]
    upto = [m for m in people if m.start <= next(p.start for p in people if p.key == traveller)]
    return [*_fellow_travellers(s, upto), traveller] if upto else [traveller]


def _with_party(s: Sentence, visits: list[Event], party: list[str]) -> list[Event]:
    """王奋彦一行先后深入…: the party named before goes along, each a visitor."""
    agents = {v.agent for v in visits}
    if len(visits) != 1 or len(party) < 2 or visits[0].agent not in party or "一行" not in s.text:
        return visits
    v = visits[0]
    return [Event(v.type, a, v.places, v.participants, v.date, v.sentence)
            for a in party if a not in agents] + visits


def _escorts(s: Sentence, ms: list[Mention], agent: str | None) -> list[str]:
    """The people of the sentence who go along (…陪同, 县领导王芳、陈刚参加), not the visitor."""
    return [m.key for m in _people(ms) if m.key != agent and (_accompanies(s, m) or _in_escort_list(s, m))]


# 王芳 in 县领导王芳、陈刚陪同: the rest of a 、 list that ends with 陪同 (no clause break in it).
_ESCORT_LIST_REST = re.compile(r"(?:[、，,和及][^、，,。；;]{1,20}?)+?(?=" + "|".join(ACCOMPANY_WORDS) + ")")


def _in_escort_list(s: Sentence, m: Mention) -> bool:
    """An earlier name of a list of people who go along."""
    return _ESCORT_LIST_REST.match(s.text, m.end - s.start) is not None


def _is_stop(key: str, ms: list[Mention]) -> bool:
    return any(m.key == key and m.type is not EntityType.PROVINCE for m in ms)


def _destinations(s: Sentence, ms: list[Mention], moved: bool,
                  stops: set[tuple[int, int]] = frozenset(), agent_end: int = -99) -> list[str]:
    cut = _topic_cut(s.text)
    move = _MOVE_RE.search(s.text)
    topic = _TOPIC_VERB_RE.search(s.text, move.end()) if move else None
    skip = (cut, cut)
    if topic:
        # 到高州市调研金石产业带…: what follows 调研 is the topic, up to a clause that sets off
        # again (…调研，先后来到托克扎克镇、…公司): the stops named there are destinations.
        again = _SETS_OFF_AGAIN.search(s.text, topic.end())
        skip = (topic.start(), again.start() if again and again.start() < cut else cut)
    named = [(m.start, m.end) for m in ms if m.type in _VISITABLE and m.type not in REGION_TYPES]
    resumed = _resumed(s.text, cut)
    out = _away_in(s.text)  # 在苏期间: the province of the stay
    for m in ms:
        rel = m.start - s.start
        if m.type not in _VISITABLE or m.text.endswith(_TRAVELLING_GROUPS) or is_area(m.text):
            continue  # 率中国党政代表团: the delegation travels, it is not where it goes; nor is 京津冀 a stop
        if _visited_country(s.text, m, rel):
            out.append(m.key)  # 很高兴再次对法国进行国事访问: said, and still a visit
            continue
        if (rel >= cut and not resumed[0] <= rel < resumed[1]) or (
                m.text in _CHINA and not _TO_CHINA.search(s.text)):
            continue  # 中国 is where the pages are, not a stop, unless a guest comes to it
        if (m.start, m.end) in stops:
            out.append(m.key)  # a site the visit lists (先后来到A、B; 调研了X的Y)
            continue
        if skip[0] <= rel < skip[1]:
            continue
        if m.type in REGION_TYPES and (m.type in _BROAD or not m.text.endswith(_REGION_ENDS)) and any(
                a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in named):
            continue  # 哈尔滨 in 来到哈尔滨工业大学, 平山 in 平山睿铭新能源科技有限公司: the named site is the stop
        if _DATELINE_AFTER.match(s.text, rel + len(m.text)):
            continue  # 梁平网讯, 大冶讯, 岳阳日报全媒体讯: the outlet's dateline, not where the visitor goes
        if s.text[max(0, rel - 2):rel] == "位于":
            continue  # 位于高州金山片区的奇瑞项目: the park locates the project, it is not a stop
        if m.type in _BROAD:
            preceding = s.text[max(0, rel - 2):rel]
            # 习近平总书记考察杭州时: the visitor's own verb takes the city; 贯彻总书记视察广东
            # 重要讲话精神 in another's sentence does not
            own_verb = preceding in ("考察", "视察", "访问") and 0 <= rel - 2 - agent_end <= 4
            # 在广东深圳、惠州调研: a city right after a region taken, or listed after one
            ends = {p.end - s.start for p in ms if p.type in REGION_TYPES and p.key in out and p.end <= m.start}
            listed = rel in ends or (s.text[rel - 1:rel] in ("、", "和", "及") and rel - 1 in ends)
            # 一行来我市考察: a guest comes to the page's own city (not any city after 来)
            come = preceding.endswith("来") and (m.text.startswith("我") or len(m.text) == 1) \
                and _COME_RE.match(s.text, rel - 1) is not None
            # 赴浙江省对口援青地区——青海省海西州考察: what the dash names is where the visit goes
            described = {p.key for p in ms if p.key in out and p.type in REGION_TYPES
                         and 0 < m.start - p.end <= 12} if preceding.endswith("—") else set()
            dashed = bool(described)
            out = [k for k in out if k not in described]
            if not any(v in preceding for v in ("到", "赴", "在")) and not (own_verb or listed or come or dashed):
                continue
        if m.type is EntityType.GOVERNMENT_BODY and not _right_after_move(s.text, rel) and not (
                s.text[rel - 1:rel] in ("、", "和", "及") and rel - 1 in {
                    p.end - s.start for p in ms if p.key in out and p.type is EntityType.GOVERNMENT_BODY}):
            continue  # 到人民银行、外汇管理局考察: a body listed after one the visitor goes to is a stop too
        out.append(m.key)
    return out


_DATELINE_AFTER = re.compile(r"(?:全媒体|新闻网|网|融媒|在线)?(?:\d{1,2}月\d{1,2}日)?讯"
                             r"|[\u4e00-\u9fff]{0,4}?\d{1,2}月\d{1,2}日电")  # 海南日报文城7月21日电
# …，听取汇报，随后还走访福建某某公司: after listening, the tour sets off again.
_RESUMES = re.compile("[，,；;](?:随后|接着|之后|先后|又|还|并|再)*(?:实地)?(?:来到|走进|深入|前往|走访|察看|考察|视察|赴|到)")


def _resumed(text: str, cut: int) -> tuple[int, int]:
    """The stretch after a topic cut where the tour goes on: the cut is a report listened to
    (，听取…汇报), and a clause after it sets off again; up to the next topic cut."""
    if not text.startswith(("，听取", ",听取"), cut):
        return (0, 0)
    again = _RESUMES.search(text, cut + 3)
    if again is None:
        return (0, 0)
    rest = again.end()
    return (rest, rest + _topic_cut(text[rest:]))


def _visited_country(text: str, m: Mention, rel: int) -> bool:
    """A foreign country right after 访问, or before 进行…访问 (对朝鲜进行正式友好访问)."""
    if m.text in _CHINA or not m.key.startswith("place/") or m.text not in countries():
        return False
    return text[max(0, rel - 2):rel] == "访问" or bool(_STATE_VISIT.match(text, rel + len(m.text)))


_ABBREVIATED = "([" + "".join(PROVINCE_ABBREVIATIONS) + "])"
# 在苏期间; 赴藏考察, 来琼调研: a province named by its one character where one stays or goes.
_AWAY_IN = re.compile("在" + _ABBREVIATED + "期间|(?:来|赴)" + _ABBREVIATED
                      + "(?=考察|调研|视察|参观|访问|指导|洽谈|投资)")


def _away_in(text: str) -> list[str]:
    """在苏期间, 赴藏考察: the province a stay or a trip is in, named by its one character."""
    m = _AWAY_IN.search(text)
    province = _abbreviated_province(m.group(1) or m.group(2)) if m else None
    return [province] if province else []


def _abbreviated_province(char: str) -> str | None:
    """黔 → the key of 贵州省: the province a one-character form names."""
    keys = load_gazetteer().by_name.get(PROVINCE_ABBREVIATIONS[char], ())
    return f"region/{keys[0]}" if keys else None


_VISIT_ABROAD = re.compile("访问(?!团)")


def _abroad(s: Sentence, ms: list[Mention]) -> re.Match | None:
    """访问 with a foreign country right after it (韩正访问荷兰): the verb, or None."""
    for m in _VISIT_ABROAD.finditer(s.text):
        if any(x.start - s.start == m.end() and _visited_country(s.text, x, m.end()) for x in ms):
            return m
    return None


# 来华进行国事访问的斐济总理兰布卡, 在云南考察投资环境的集团董事长王五: the visit is said of the
# person the clause describes, who stands after 的 behind their titles.
_TO_CHINA_CLAUSE = re.compile("(?:" + "|".join(TO_CHINA_WORDS) + ")[^，,。；;的]{0,10}的")
_VISITING_CLAUSE = re.compile("(?:在|来|到|赴)$")
_CLAUSE_VERBS = re.compile("(?:考察|调研|访问|参观|视察)[^，,。；;的]{0,10}的")
_CHINA_KEY = "place/中华人民共和国"


def _guest_visits(s: Sentence, ms: list[Mention], day: dt.date | None, found: Mentions,
                  title_spans: list[tuple[int, int]]) -> list[Event]:
    """Visits told in a clause before the visitor: 会见来华访问的X总统Y (Y visits China), 会见在云南
    考察的…董事长Z (Z visits 云南省)."""
    out: list[Event] = []
    people = _people(ms)
    cover = _chain_cover(s, ms, title_spans)
    for c in _TO_CHINA_CLAUSE.finditer(s.text):
        guest = _described(s, people, cover, c.end())
        if guest:
            found.entities.setdefault(_CHINA_KEY, Entity(_CHINA_KEY, EntityType.PLACE, "中华人民共和国"))
            out.append(Event(EventType.VISIT, guest.key, (_CHINA_KEY,), (), day, s.index))
    for m in ms:
        rel = m.start - s.start
        if m.type not in REGION_TYPES or not _VISITING_CLAUSE.search(s.text, max(0, rel - 1), rel):
            continue
        c = _CLAUSE_VERBS.match(s.text, rel + len(m.text))
        guest = _described(s, people, cover, c.end()) if c else None
        if guest:
            out.append(Event(EventType.VISIT, guest.key, (m.key,), (), day, s.index))
    out += _group_trip_visits(s, ms, people, day)
    return out


# 会见了由天津市政协副主席叶厚荣为团长的…赴黔考察团一行: the group's trip names where it went.
_GROUP_TRIP = re.compile(r"(?:赴|来)([\u4e00-\u9fff]{1,8}?)(?:考察|调研|访问|学习|参观|经贸|投资)+(?:考察)?"
                         r"(?:团|组|代表团)")
_LEADS_IT = re.compile("|".join(GROUP_LEAD_WORDS))  # 为团长, 率领 …: who leads the group


def _group_trip_visits(s: Sentence, ms: list[Mention], people: list[Mention], day: dt.date | None) -> list[Event]:
    """The leader of a travelling group that a meeting receives, named 由A为团长的…赴黔考察团 or
    A率领的…来X考察团, visits the province or region the group's name says it went to."""
    meet = _MEET_RE.search(s.text)
    if meet is None:
        return []
    out = []
    for g in _GROUP_TRIP.finditer(s.text, meet.end()):
        where = g.group(1)
        if len(where) == 1 and where in PROVINCE_ABBREVIATIONS:
            place = _abbreviated_province(where)
        else:
            place = next((m.key for m in ms if m.type in REGION_TYPES and m.start - s.start == g.start(1)
                          and m.end - s.start == g.end(1)), None)
        if place is None:
            continue
        for p in people:
            between = s.text[p.end - s.start:g.start()]
            if meet.end() <= p.start - s.start < g.start() and _LEADS_IT.search(between) \
                    and not _CLAUSE_END.search(between) and len(between) <= 40:
                out.append(Event(EventType.VISIT, p.key, (place,), (), day, s.index))
    return out


def _described(s: Sentence, people: list[Mention], cover: list[bool], pos: int) -> Mention | None:
    """The person right after sentence offset ``pos``, with only titles and names of bodies
    between (…的斐济总理兰布卡)."""
    after = [p for p in people if p.start - s.start >= pos]
    if not after or not 2 <= after[0].start - s.start - pos <= 40:
        return None  # a title first (…的斐济总理兰布卡): not 访华的师生, 访华的有…
    gap = range(pos, after[0].start - s.start)
    return after[0] if all(cover[i] or s.text[i] in "、" for i in gap) else None


def _group_leaders(s: Sentence, ms: list[Mention], title_spans: list[tuple[int, int]]) -> list[str]:
    """A、B率领的文昌市党政代表团, 以C为团长的考察团, D率调研组: the people who lead a travelling
    group, in the order named."""
    made = _MADE_UP_OF.search(s.text)
    if made:  # 由A公司董事甲，B集团董事乙等组成的调研组: its members named, each goes
        inside = [p.key for p in _people(ms) if made.start() < p.start - s.start and p.end - s.start <= made.end()]
        if inside:
            return list(dict.fromkeys(inside))
    led = _LED_BY.search(s.text)
    if led:  # 考察活动由A秘书长带队: the one named between 由 and 带队 leads the group
        inside = [p.key for p in _people(ms) if led.start() < p.start - s.start and p.end - s.start <= led.end()]
        if inside:
            return inside[:1]
    m = _LEADS_GROUP.search(s.text)
    if not m:
        return []
    people = [p for p in _people(ms) if p.end - s.start <= m.start()]
    if not people or _clause_break(s.text, people[-1].end - s.start, m.start()):
        return []
    cover = _chain_cover(s, ms, title_spans)
    return [p.key for p in _host_chain(s, people, cover, people[-1])]


_GROUP_NAMES = "|".join(TRAVELLING_GROUP_HEADS)
_MADE_UP_OF = re.compile(r"由[^。；;]{2,80}?等?(?:[0-9一二三四五六七八九十]+人)?组成的[^，,。；;]{0,24}?(?:"
                         + _GROUP_NAMES + ")")
_LED_BY = re.compile(r"(?:考察|调研|访问|参访)(?:活动|团)?由[^，,。；;]{2,24}?带队")
_LEADS_GROUP = re.compile(r"(?:率领的|带领的|为团长的|率|带领)[^，,。；;]{0,16}?(?:" + _GROUP_NAMES + ")")
# 在三亚期间，文昌市党政代表团先后到…: the group is the subject, no person named.
_GROUP_SUBJECT = re.compile(r"^(?:[^，,。]{0,30}[，,])?[\u4e00-\u9fff]{0,14}?(?:" + _GROUP_NAMES
                            + r")(?:一行|成员)?(?:还|先后|随后|又|也|一同|分别)?")


# 区委书记常卫，区委副书记、区长李新: the secretary and the head of government a members' list names.
_HEAD_OF_GROUP = re.compile(r"(?<!副)(?:书记|(?:省|市|州|县|区|旗|盟)长)$")


def _delegation_heads(s: Sentence, ms: list[Mention]) -> list[str]:
    """The first party secretary and the first head of government of a list of the group's
    members opening the sentence after the group's visit: who lead it."""
    heads: list[str] = []
    kinds: set[bool] = set()
    for p in _people(ms):
        lead = re.split("[，,、；;]", s.text[:p.start - s.start])[-1]
        if not lead or not _HEAD_OF_GROUP.search(lead):
            if not heads:
                return []  # the list opens with its leaders, or it is no list of them
            continue
        kind = lead.endswith("书记")
        if kind not in kinds:
            kinds.add(kind)
            heads.append(p.key)
    return heads


def _clause_break(text: str, a: int, b: int) -> bool:
    return bool(re.search("[。；;]", text[a:b])) or len(text[a:b]) > 30


_ARRIVES = re.compile("(?:先后|随后|又|还)?(?:抵达|到达)")
_GROUP_SEES = re.compile("(?:实地)?(?:参观考察|考察调研|考察|参观|走访|察看|视察)了?(?=[\u4e00-\u9fff])")


def _group_visit(s: Sentence, ms: list[Mention], day: dt.date | None, leaders: list[str],
                 stops: set[tuple[int, int]]) -> list[Event]:
    """在三亚期间，文昌市党政代表团先后到A、B: a sentence whose subject is the travelling group
    the page named before, and no person: each of its leaders visits."""
    escorted = _escorted(s)
    subject = _GROUP_SUBJECT.match(s.text) if leaders and not [
        p for p in _people(ms) if not _byline(s, p) and not _accompanies(s, p)
        and not any(a <= p.start - s.start < b for a, b in escorted)] else None  # (在…的陪同下: the hosts)
    if subject is None:
        return []
    move = _MOVE_RE.search(s.text, subject.end())
    if not move or move.start() - subject.end() > 8:
        move = _ARRIVES.match(s.text, subject.end()) if "成员" not in subject.group(0) else None  # 代表团一行抵达嘉峪关
    if not move:
        # …代表团一行还考察了云间会堂文化艺术中心、正泰电气股份有限公司: the group sees sites
        move = _GROUP_SEES.match(s.text, subject.end())
    if not move:
        return []  # the group itself goes (…代表团先后到A、B), not 代表团成员抵达，成员包括…
    before = re.split("[，,]", s.text[:subject.end()])[0] if s.text[:1] == "在" else ""
    ms = [m for m in ms if m.start - s.start >= move.end()
          or (m.end - s.start <= len(before) and m.type in REGION_TYPES)]  # 在三亚期间
    places = _without_towns_of_a_chain(_destinations(s, ms, True, stops), ms, s.text, s.start)
    if not places:
        return []
    return [Event(EventType.VISIT, a, tuple(dict.fromkeys(places)), (), day, s.index) for a in leaders]


def _right_after_move(text: str, rel: int) -> bool:
    """Whether a verb of going ends right at ``rel`` (by :data:`_MOVE_RE`'s rules: not the 到 of
    从党的二十届三中全会到中央政治局…, of 受到, of 到2027年)."""
    for v in ("来到", "走进", "到", "深入"):
        if text[max(0, rel - len(v)):rel] == v:
            m = _MOVE_RE.search(text, rel - len(v), rel)
            return m is not None and m.end() == rel
    return False


def _topic_cut(text: str) -> int:
    """Offset where the clause about the topic (就…, 强调…) starts; places after it are topics."""
    cut = len(text)
    for cue in TOPIC_CUES:
        for prefix in ("，", ","):
            i = text.find(prefix + cue)
            if i >= 0:
                cut = min(cut, i)
    for cue in ("强调", "指出", "要求", "表示"):
        for hit in re.finditer(cue, text):
            if not _FRAMED.search(re.split("[，,。；;]", text[:hit.start()])[-1]):
                cut = min(cut, hit.start())
                break
    return cut


# 按照省委的要求，…来到…: the request the visit follows, not what the visitor says.
_FRAMED = re.compile("^(?:按照|根据|遵照|依照|按|依据|落实)")


def _meeting(s: Sentence, ms: list[Mention], day: dt.date | None,
             title_spans: list[tuple[int, int]] = (), page_day: dt.date | None = None) -> list[Event]:
    """会见, 会谈, 接见: one event per host, its participants the guests.

    The hosts are the last person before the verb and the people listed before them with only
    titles between (市委书记A，市长B会见…); the guests are the people right after it, each
    behind any chain of titles (…公司董事长C，…集团党委委员、副总裁D). With 同/与 and no
    object (李强同奥利举行会谈) the other side is named before the verb; 会见X时，Y表示 puts the
    host after. People present (参加会见, 在座, 陪同) are neither hosts nor guests."""
    people = _people(ms)
    if not people:
        return []
    cover = _chain_cover(s, ms, title_spans)
    day = day_of_month(s.text, page_day) or day
    out: list[Event] = []
    earlier_hosts: list[Mention] = []
    earlier_guests: set[int] = set()
    for verb in _MEET_RE.finditer(s.text):
        v, ve = verb.start(), verb.end()
        before = s.text[max(0, v - 4):v]
        if any(w in before for w in MEETING_BYSTANDER_WORDS) or s.text.startswith(("时在座",), ve):
            continue  # 王毅参加会见; 陪同或会见
        if before.endswith(CO_HOST_WORDS) and not _guests(s, people, cover, ve):
            continue  # 胥健、罗冬灵一同会见。: hosts of a meeting told next to it
        hosts, guests = _meeting_sides(s, [p for p in people if p.start not in earlier_guests],
                                       cover, v, ve, earlier_hosts, talk_only=verb.group() in TALK_VERBS)
        if not hosts or not guests:
            continue
        if verb.group() in CALL_ON_VERBS:
            hosts, guests = guests, hosts  # A一行拜会了B: B receives the callers
        earlier_hosts = hosts
        earlier_guests |= {g.start for g in guests}
        host_end = max(h.end for h in hosts)
        places = [m.key for m in ms if m.type in REGION_TYPES and host_end <= m.start < s.start + v]
        keys = tuple(dict.fromkeys(g.key for g in guests if g.key not in {h.key for h in hosts}))
        for h in hosts:
            if keys and not any(e.agent == h.key and e.participants == keys for e in out):
                out.append(Event(EventType.MEETING, h.key, tuple(places), keys, day, s.index))
    return out


_GROUP_TALKS = re.compile(r"(?:(?:与|同)[^，,。；;]{0,12}?(?:" + _GROUP_NAMES + r")一行(?:进行了?|举行了?)?"
                          r"(?:友好)?(?:座谈|会谈|会见)|(?:会见|接见)了?[^，,。；;]{0,12}?(?:" + _GROUP_NAMES + r")一行)")


def _met_the_group(s: Sentence, ms: list[Mention], day: dt.date | None, leaders: list[str],
                   title_spans: list[tuple[int, int]]) -> list[Event]:
    """副市长尉某与调研组一行座谈, 区委书记C，区长D会见考察团一行: a host who meets the group
    whose members or leaders the page named (由A、B等组成的调研组, A、B率企业考察团一行来梅考察,
    in this sentence or before) meets them."""
    m = _GROUP_TALKS.search(s.text)
    if m is None:
        return []
    people = [p for p in _people(ms) if p.end - s.start <= m.start() and p.key not in leaders]
    if not people or _clause_break(s.text, people[-1].end - s.start, m.start()) \
            or re.search("[，,]", s.text[people[-1].end - s.start:m.start()]):
        return []
    hosts = _host_chain(s, _people(ms), _chain_cover(s, ms, title_spans), people[-1])
    return [Event(EventType.MEETING, h.key, (), tuple(leaders), day_of_month(s.text, day) or day, s.index)
            for h in hosts if h.key not in leaders]


def _page_day(sentences: list[Sentence], year: int | None, issue: dt.date | None) -> dt.date | None:
    """The day the page is from: its issue date, else a full date in its first lines
    (新闻联播 2024年9月3日)."""
    if issue:
        return issue
    for s in sentences[:2]:
        if re.search(r"\d{4}年\d{1,2}月\d{1,2}日", s.text) and _is_headline(s):
            return find_date(s.text, year)
    return None


_CLAUSE_END = re.compile("[。；;！？!?]")
_LIST_GLUE = "(?:" + "|".join(sorted(PERSON_LIST_GLUE, key=len, reverse=True)) + ")*"
_HOST_GLUE = re.compile(_LIST_GLUE)
_GUEST_GLUE = re.compile(
    "(?:(?:" + "|".join(GROUP_LEAD_WORDS) + r")的?[^，,、。；;]{0,16}?)?"  # 率领的代表团
    "(?:" + "|".join(GROUP_TAIL_WORDS) + ")?" + _LIST_GLUE)  # 一行，


def _chain_cover(s: Sentence, ms: list[Mention], title_spans) -> list[bool]:
    """Per character of the sentence: inside a title or a name of something other than a
    person (董事长, 碧桂园集团) — what may stand between two people of one list."""
    cover = [False] * len(s.text)
    spans = [(a + _junk_len(s.text[a - s.start:b - s.start]), b)
             for a, b in title_spans if s.start <= a < s.end]
    spans += [(m.start, m.end) for m in ms if m.type not in PERSON_TYPES]
    for a, b in spans:
        for i in range(max(a, s.start), min(b, s.end)):
            cover[i - s.start] = True
    return cover


def _junk_len(title: str) -> int:
    """Length of the words before a title that are no part of it (对市商务局局长: 对)."""
    for w in _TITLE_JUNK:
        if title.startswith(w) and len(title) > len(w):
            return len(w)
    return 0


_TITLE_JUNK = sorted(TITLE_JUNK, key=len, reverse=True)


def _listed(s: Sentence, cover: list[bool], a: int, b: int, glue: re.Pattern = _HOST_GLUE) -> bool:
    """Only titles, names and list marks between sentence offsets a and b (龙卫东，市委副书记、
    市长曹树育): the people on either side belong to one list."""
    rest = "".join(s.text[i] for i in range(a, b) if not cover[i])
    return glue.fullmatch(rest) is not None


def _bystander(s: Sentence, p: Mention) -> bool:
    """王五、赵六参加会见 / 在座: the person (or a list they open) is present, not a guest."""
    return _BYSTANDER_AFTER.match(s.text, p.end - s.start) is not None


_BYSTANDER_AFTER = re.compile(r"(?:[、和及][^、，,。；;]{1,20}?)*?(?:等|同志)?(?:"
                              + "|".join(MEETING_BYSTANDER_WORDS) + ")")


def _host_chain(s: Sentence, people: list[Mention], cover: list[bool], last: Mention) -> list[Mention]:
    """``last`` and the people listed right before it (省委常委、市委书记A，市委副书记、市长B)."""
    chain = [last]
    for p in reversed([q for q in people if q.end <= last.start]):
        if not _listed(s, cover, p.end - s.start, chain[0].start - s.start):
            break
        chain.insert(0, p)
    return chain


def _guests(s: Sentence, people: list[Mention], cover: list[bool], pos: int) -> list[Mention]:
    """The people of the object after sentence offset ``pos``: the first within the clause, then
    each one listed after it; those present only (…参加会见) are not guests."""
    after = [p for p in people if p.start - s.start >= pos]
    if not after:
        return []
    first = after[0]
    gap = s.text[pos:first.start - s.start]
    if _CLAUSE_END.search(gap) or len(gap) > 80 or not all(
            piece.endswith(_TITLE_ENDS) for piece in re.split("[，,]", gap)[:-1]):
        return []  # a comma only inside the guest's chain of titles (集团党委委员、副总经理，公司董事长C)
    chain = [first]
    for p in after[1:]:
        if not (_listed(s, cover, chain[-1].end - s.start, p.start - s.start, _GUEST_GLUE)
                or _DESCRIBED_NEXT.fullmatch(s.text, chain[-1].end - s.start, p.start - s.start)):
            break
        chain.append(p)
    out = []
    for p in chain:
        if _bystander(s, p):
            break
        if not _unsure_in_headline(s, p):
            out.append(p)
    return out


# 会见…总裁柳青、中国女子乒乓球大满贯奥运冠军李晓霞、…: the next guest of a 、 list, described by
# what they are rather than by a title the rules know.
_DESCRIBED_NEXT = re.compile(r"、[^、，,。；;：:“”()（）]{0,20}")


def _unsure_in_headline(s: Sentence, p: Mention) -> bool:
    """习近平会见吉布提总统: a country or a name before the title? The article says it in full."""
    return _is_headline(s) and _TITLE_AFTER.match(s.text, p.end - s.start) is not None


_TITLE_AFTER = re.compile("副?(?:" + "|".join(sorted(STATE_TITLES | TRAILING_TITLES, key=len, reverse=True))
                          + ")(?:$|[和及、]|举行|" + "|".join(MEETING_VERBS) + ")")


def _meeting_sides(s: Sentence, people: list[Mention], cover: list[bool], v: int, ve: int,
                   earlier_hosts: list[Mention], talk_only: bool = False
                   ) -> tuple[list[Mention], list[Mention]]:
    """(hosts, guests) of the meeting verb at sentence offsets v..ve; ``talk_only``: the verb
    (座谈) takes its other side only after 同 / 与, never an object."""
    guests = [] if talk_only else _guests(s, people, cover, ve)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(s.text, 0, v)), default=0)
    before = [p for p in people if clause_start <= p.start - s.start and p.end - s.start <= v]
    if not guests and not talk_only and before and _RECALLED_MEETING.match(s.text, ve):
        hosts = _host_chain(s, people, cover, before[-1])
        subject = _subject(s, people, cover)
        if subject is not None and subject not in hosts:
            return hosts, [subject]  # A落实好B书记会见时提出的…: A was B's guest
    if not guests and before and not talk_only:
        passive = _passive_guests(s, people, cover, before[-1], v, clause_start)
        if passive:  # 受到了省委书记A、省长B的亲切会见: both host
            return [h for h in _host_chain(s, people, cover, before[-1]) if h not in passive], passive
    if not guests:
        # 李强同奥利举行会谈; 同法国总统马克龙会谈后: the other side stands after 同 / 与.
        in_name = {i for p in before for i in range(p.start - s.start, p.end - s.start)}
        for c in range(v - 1, clause_start - 1, -1):
            if s.text[c] in "，,":
                break
            if s.text[c] in TALK_CONNECTORS and s.text[c - 1:c + 1] not in ("共同", "一同") \
                    and c not in in_name:  # 与张保同一行座谈: the 同 of a name joins no one
                other = [p for p in before if p.start - s.start > c and not _unsure_in_headline(s, p)]
                if not other:
                    break
                guests = other
                own = [p for p in before if p.end - s.start <= c]
                in_clause = [p for p in own if "，" not in s.text[p.end - s.start:c]
                             and "," not in s.text[p.end - s.start:c]]
                if in_clause:
                    return _host_chain(s, people, cover, in_clause[-1]), guests
                calling = _calling_party(s, own, c)
                if calling:  # 钱某一行拜访县人民政府，与县委书记程某举行会谈: the caller is the guest
                    return guests, _host_chain(s, people, cover, calling)
                if earlier_hosts:
                    return earlier_hosts, guests
                return _host_after_when(s, people, ve), guests
        return [], []
    if before:
        return _host_chain(s, people, cover, before[-1]), guests
    if earlier_hosts:
        return earlier_hosts, guests
    return _host_after_when(s, people, max(g.end for g in guests) - s.start), guests


# 会见时提出的, 会见时强调的: a meeting the sentence recalls, its guest the one who recalls it.
_RECALLED_MEETING = re.compile(r"时[^，,。；;“”]{0,6}的")


def _subject(s: Sentence, people: list[Mention], cover: list[bool]) -> Mention | None:
    """The person the sentence opens with, behind nothing but a chain of titles."""
    if not people:
        return None
    first = people[0]
    return first if all(cover[i] or s.text[i] in " 　" for i in range(first.start - s.start)) else None


_CALLS_ON = re.compile(r"[^。；;]{0,12}?(?:一行)?(?:(?:拜访|拜会|到访|走访|来访)[^。；;，,]{2,24}"
                       r"|(?:到|来|赴)[^。；;，,]{1,12}?(?:考察|调研|视察|参观|访问|洽谈)[^。；;，,]{0,12})[，,]并?$")


def _calling_party(s: Sentence, own: list[Mention], c: int) -> Mention | None:
    """The person who opens the clause of 拜访/到访 before ``c`` (钱某一行拜访县人民政府，与…),
    or of a trip (李某一行到乐东考察调研，并与县委书记孙某座谈): the one who called on the other
    side of the talks after 与."""
    if not own:
        return None
    first = own[-1]
    return first if _CALLS_ON.match(s.text, first.end - s.start, c) else None


_PASSIVE = re.compile("(?:" + "|".join(PASSIVE_MEETING_WORDS) + r")[^，,。；;]{0,40}的(?:亲切|热情)?$")


def _passive_guests(s: Sentence, people: list[Mention], cover: list[bool], host: Mention,
                    v: int, clause_start: int) -> list[Mention]:
    """王五、李六一行受到省委书记赵七的亲切接见: the people before 受到 are the guests."""
    m = _PASSIVE.search(s.text, clause_start, v)
    if m is None or not m.start() < host.start - s.start or s.text[host.end - s.start:v] not in (
            "的", "的亲切", "的热情"):
        return []
    guests = [p for p in people if p.end - s.start <= m.start()]
    return _host_chain(s, people, cover, guests[-1]) if guests else []


_WHEN = re.compile(r"[^，,。；;]{0,12}?时[，,]")


def _host_after_when(s: Sentence, people: list[Mention], pos: int) -> list[Mention]:
    """会见金正恩时，王沪宁表示: the host is the one who speaks after 时."""
    m = _WHEN.match(s.text, pos)
    if not m:
        return []
    return [p for p in people if p.start - s.start >= m.end()][:1]


def _co_hosts(sentences: list[Sentence], found: Mentions, events: list[Event],
              title_spans: list[tuple[int, int]]) -> list[Event]:
    """市人大常委会主任胥健、市委副书记罗冬灵一同会见。: a sentence naming only hosts who joined
    a meeting told right before or after it adds them as hosts of that meeting."""
    meetings = [e for e in events if e.type is EventType.MEETING]
    by_sentence: dict[int, list[Event]] = {}
    for e in meetings:
        by_sentence.setdefault(e.sentence, []).append(e)
    in_a_title = Cover(title_spans).covers
    added: list[Event] = []
    for s in sentences:
        if not _JOINT_MEETING.search(s.text):
            continue
        if s.index in by_sentence:
            continue
        near = sorted((e for i in range(s.index - 2, s.index + 3) for e in by_sentence.get(i, ())),
                      key=lambda e: (abs(e.sentence - s.index), e.sentence > s.index))
        if not near:
            continue
        ms = [m for m in found.in_span(s.start, s.end) if not in_a_title(m.start, m.end)]
        people = _people(ms)
        verb = _JOINT_MEETING.search(s.text)
        hosts = [p for p in people if p.end - s.start <= verb.start()]
        if not hosts:
            continue
        target = near[0]
        cover = _chain_cover(s, ms, title_spans)
        for h in _host_chain(s, people, cover, hosts[-1]):
            if h.key != target.agent and h.key not in target.participants:
                added.append(Event(EventType.MEETING, h.key, target.places, target.participants,
                                   target.date, target.sentence))
    return events + added


def _addressed_guests(sentences: list[Sentence], found: Mentions, events: list[Event],
                      title_spans: list[tuple[int, int]]) -> list[Event]:
    """习近平主席同总理先生举行会晤: the guest is named by a title and 先生/女士; the page's one
    person with that title (尼泊尔总理奥利) is the guest."""
    added: list[Event] = []
    in_a_title = Cover(title_spans).covers
    for s in sentences:
        for m in _ADDRESSED.finditer(s.text):
            title = m.group(1)
            holders = {_key_at(found, p.start, p.end) for p in found.people
                       if any(t[2].endswith(title) for t in p.titles)}
            holders.discard(None)
            if not holders:
                # 李强同奥利举行会谈 … 习近平主席同总理先生举行会晤: no one is written with the
                # title, but the page's one guest is the one so addressed
                holders = {g for e in events if e.type is EventType.MEETING for g in e.participants}
            if len(holders) != 1:
                continue
            ms = [x for x in found.in_span(s.start, s.end) if not in_a_title(x.start, x.end)]
            hosts = [p for p in _people(ms) if p.end - s.start <= m.start()]
            guest = holders.pop()
            if hosts and hosts[-1].key != guest and not any(
                    e.type is EventType.MEETING and {e.agent, guest} <= {hosts[-1].key, *e.participants}
                    for e in events + added):
                added.append(Event(EventType.MEETING, hosts[-1].key, (), (guest,), None, s.index))
    return events + added


def _surnamed_guests(sentences: list[Sentence], found: Mentions, events: list[Event],
                     title_spans: list[tuple[int, int]]) -> list[Event]:
    """区委书记A、代区长B会见了陈会长一行: the guest is named by surname and title; the page's
    one person of that surname who holds that title (会长陈某某) is the guest, and the hosts
    are those of the clause before the verb."""
    added: list[Event] = []
    in_a_title = Cover(title_spans).covers
    for s in sentences:
        ms = [x for x in found.in_span(s.start, s.end) if not in_a_title(x.start, x.end)]
        people = _people(ms)
        for m in [*_SURNAMED.finditer(s.text), *_RECEIVED_FOR_TALKS.finditer(s.text)]:
            surname, title = m.group(1), m.group(2)
            if not is_surname_start(surname) or any(m.start(1) <= p.start - s.start < m.end() for p in people):
                continue
            holders = {_key_at(found, p.start, p.end) for p in found.people
                       if p.name.startswith(surname) and len(p.name) > len(surname)
                       and any(t[2].endswith(title) for t in p.titles)}
            holders.discard(None)
            if len(holders) > 1:  # 王区长: 区长王锋, not 副区长王宏基 too
                holders = {_key_at(found, p.start, p.end) for p in found.people
                           if p.name.startswith(surname) and len(p.name) > len(surname)
                           and any(t[2].endswith(title) and not t[2].endswith("副" + title) for t in p.titles)}
                holders.discard(None)
            clause_start = max((c.end() for c in _CLAUSE_END.finditer(s.text, 0, m.start())), default=0)
            before = [p for p in people if clause_start <= p.start - s.start and p.end - s.start <= m.start()]
            if len(holders) != 1 or not before or _bystander(s, before[-1]):
                continue
            guest = holders.pop()
            cover = _chain_cover(s, ms, title_spans)
            for h in _host_chain(s, people, cover, before[-1]):
                if h.key != guest and not any(e.type is EventType.MEETING and e.agent == h.key
                                              and guest in e.participants for e in events + added):
                    added.append(Event(EventType.MEETING, h.key, (), (guest,), None, s.index))
    return events + added


# 会见了陈会长一行, 接见了王董事长: a surname of one or two characters, then a title.
_SURNAMED = re.compile("(?:" + "|".join(MEETING_VERBS) + ")了?([\u4e00-\u9fff]{1,2}?)("
                       + "|".join(sorted(set(TITLE_HEADS) | set(COMPANY_TITLES), key=len, reverse=True))
                       + ")(?=一行|等|[，,。；;、]|$)")


# 商会会长A接待了王区长一行，并进行了座谈交流: receiving a group and holding talks with it is a
# meeting (接待 alone, a reception, is not).
_RECEIVED_FOR_TALKS = re.compile("接待了?([\u4e00-\u9fff]{1,2}?)("
                                 + "|".join(sorted(set(TITLE_HEADS) | set(COMPANY_TITLES), key=len, reverse=True))
                                 + r")(?=一行[，,]?并?(?:进行了?|举行了?)?(?:友好)?(?:座谈|会谈))")


def _key_at(found: Mentions, start: int, end: int) -> str | None:
    return next((m.key for m in found.in_span(start, end) if (m.start, m.end) == (start, end)
                 and m.type in PERSON_TYPES), None)


_ADDRESSED = re.compile("[同与和](" + "|".join(sorted(STATE_TITLES | TRAILING_TITLES, key=len, reverse=True))
                        + ")(?:先生|女士)(?:举行|进行)?(?:" + "|".join(MEETING_VERBS) + ")")


_JOINT_MEETING = re.compile("(?:" + "|".join(CO_HOST_WORDS) + ")(?:" + "|".join(MEETING_VERBS)
                            + ")(?=[。；;，,]|$)")


# 区长A、区人大主任B也分别会见了代表团成员; 市委书记C会见了考察团一行: the object is the
# travelling group itself, with no person named in it.
_GROUP_OBJECT = re.compile(r"了?(?:[\u4e00-\u9fff]{0,16}?(?:" + _GROUP_NAMES + r"|访华团|参访团|客人|客商|[团组])"
                           r"(?:全体|主要)?(?:成员|一行|全体成员)?|[\u4e00-\u9fff]{0,4}一行)(?=[。；;，,]|并|$)")


def _group_guests(sentences: list[Sentence], found: Mentions, events: list[Event],
                  title_spans: list[tuple[int, int]]) -> list[Event]:
    """A meeting whose guest is the travelling group the page named (…也分别会见了代表团成员):
    its guests are those of the meeting told just before (same sentence or the three before
    it), else the leaders of the last group the page named (A率领的代表团)."""
    in_a_title = Cover(title_spans).covers
    meetings = [e for e in events if e.type is EventType.MEETING]
    added: list[Event] = []
    leaders: list[str] = []
    for s in sentences:
        ms = [m for m in found.in_span(s.start, s.end) if not in_a_title(m.start, m.end)]
        people = _people(ms)
        cover = _chain_cover(s, ms, title_spans)
        for verb in _MEET_RE.finditer(s.text):
            v, ve = verb.start(), verb.end()
            obj = _GROUP_OBJECT.match(s.text, ve)
            if obj is None or any(ve <= p.start - s.start < obj.end() for p in people):
                continue
            if any(w in s.text[max(0, v - 4):v] for w in MEETING_BYSTANDER_WORDS):
                continue
            clause_start = max((m.end() for m in _CLAUSE_END.finditer(s.text, 0, v)), default=0)
            clause_start = max([clause_start] + [m.end() for m in re.finditer("[，,]", s.text[:v])
                                                 if _own_clause(s.text, m.end(), v)])
            before = [p for p in people if clause_start <= p.start - s.start and p.end - s.start <= v]
            if not before:
                continue
            hosts = [h.key for h in _host_chain(s, people, cover, before[-1])]
            earlier = [e for e in meetings + added if s.index - 3 <= e.sentence <= s.index
                       and e.agent not in hosts and not set(hosts) & set(e.participants)]
            earlier = [e for e in earlier if e.sentence < s.index or _told_before(e, s, found, v)]
            guests = earlier[-1].participants if earlier else tuple(leaders) or _heads_named_after(
                sentences, found, s.index)
            guests = tuple(g for g in guests if g not in hosts)
            if not guests:
                continue
            day = earlier[-1].date if earlier and earlier[-1].sentence == s.index else None
            for h in hosts:
                if not any(e.type is EventType.MEETING and e.agent == h and set(guests) <= set(e.participants)
                           for e in events + added):
                    added.append(Event(EventType.MEETING, h, (), guests, day, s.index))
        leaders = _group_leaders(s, ms, title_spans) or leaders
    return events + added


def _own_clause(text: str, start: int, v: int) -> bool:
    """Whether text[start:v] opens a clause of its own that holds the subject of the verb at
    ``v`` (…全体成员，宾主间进行了友好交谈，代表团在昌期间，区长A…会见): a comma that a title chain
    does not need."""
    piece = text[start:v]
    return not piece.startswith(tuple(TITLE_HEADS)) and "、" not in piece[:1]


def _told_before(e: Event, s: Sentence, found: Mentions, v: int) -> bool:
    """Whether the meeting ``e`` of sentence ``s`` names its host before offset ``v``."""
    return any(m.key == e.agent and m.end - s.start <= v for m in found.in_span(s.start, s.end))


def _heads_named_after(sentences: list[Sentence], found: Mentions, index: int) -> tuple[str, ...]:
    """会见了俄罗斯社会各界访华团一行。…访华团团长A对…表示感谢: the head of the group, named by
    a title ending in 团长 in the six sentences after the meeting."""
    if index + 1 >= len(sentences):
        return ()
    start, end = sentences[index + 1].start, sentences[min(index + 6, len(sentences) - 1)].end
    for p in found.people:
        if start <= p.start < end and any(t.endswith("团长") and not t.endswith("副团长")
                                           for _, _, t in p.titles):
            key = _key_at(found, p.start, p.end)
            if key:
                return (key,)
    return ()


# 海棠区与招商引资重点企业举行工作座谈。: two sides hold talks, no person named yet …
def _officials_then_others(found: Mentions, people: list[Mention]) -> tuple[list[str], tuple[str, ...]]:
    """(hosts, guests) of a list of those present: the officials that open it, then the people
    after them who hold no public post (company heads); nothing when the list is not so ordered."""
    official = [found.entity(p.key).type is EntityType.OFFICIAL for p in people]
    first_other = next((i for i, o in enumerate(official) if not o), None)
    if not first_other:
        return [], ()
    hosts = [p.key for p in people[:first_other]]
    guests = tuple(dict.fromkeys(p.key for p, o in zip(people[first_other:], official[first_other:])
                                 if not o and p.key not in hosts))
    return hosts, guests


_SIDES_TALK = re.compile(r"^(?:[^，,。；;]{0,12}[，,])?[^，,。；;]{0,20}?[与同][^，,。；;]{2,30}?(?:举行|进行|开展)?(?:工作)?(?:"
                         + "|".join(MEETING_VERBS + TALK_VERBS) + r")(?!会)")
# … 区委书记A；中国贸促会处长B，公司总经理C出席。: the hosts, a semicolon, the guests.
_SIDES_PRESENT = re.compile(r"(?:出席|参加)(?:座谈|会谈|洽谈|活动|会议)?(?:[。；;]|$)")


def _sides_listed(sentences: list[Sentence], found: Mentions, events: list[Event],
                  title_spans: list[tuple[int, int]]) -> list[Event]:
    """A sentence of talks between two sides that names no one (X区与企业举行工作座谈), then one
    listing the people present with a semicolon between the sides (A；B，C出席): the host side
    (before the semicolon) meets the other. Without a semicolon (A，B，C出席) the officials named
    first are the hosts and the people after them who hold no public post the guests."""
    in_a_title = Cover(title_spans).covers
    added: list[Event] = []
    for prev, s in zip(sentences, sentences[1:]):
        talk = _SIDES_TALK.match(prev.text)
        if talk is None or _people([m for m in found.in_span(prev.start, prev.end)
                                    if not in_a_title(m.start, m.end)]):
            continue
        people = _people([m for m in found.in_span(s.start, s.end) if not in_a_title(m.start, m.end)])
        semi = re.search("[；;]", s.text)
        if semi is not None and _SIDES_PRESENT.search(s.text, semi.end()):
            hosts = [p.key for p in people if p.end - s.start <= semi.start()]
            guests = tuple(dict.fromkeys(p.key for p in people if p.start - s.start >= semi.end()
                                         and p.key not in hosts))
        elif semi is None and _SIDES_PRESENT.search(s.text):
            hosts, guests = _officials_then_others(found, people)
        else:
            continue
        if not hosts or not guests or any(e.type is EventType.MEETING and e.sentence in (prev.index, s.index)
                                          for e in events):
            continue
        for h in hosts:
            added.append(Event(EventType.MEETING, h, (), guests, None, s.index))
    return events + added
