"""Events of a document: visits (到…调研, 来到, 深入 …), meetings (会见), signings
(签署, 签约) and conferences (…会议: who presided, who attended), with dates.

Reads sentences and mentions; writes :class:`Event` records. A visit's agent is the
person who travels, not those who accompany (陪同, 参加调研); its places are every
named destination; its date comes from the sentence or the article's dateline.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.countries import countries
from kg.extract.dates import find_date
from kg.extract.lexicon import (ACCOMPANY_WORDS, TITLE_HEADS, MEETING_VERBS, MOVE_VERBS, TOPIC_CUES,
                                VISIT_VERBS)
from kg.extract.mentions import Mentions
from kg.extract.model import PERSON_TYPES, REGION_TYPES, EntityType, Event, EventType, Mention
from kg.extract.segment import Sentence
from kg.extract.stops import find_stops

_VISITABLE = REGION_TYPES | {EntityType.PARK, EntityType.PROJECT, EntityType.PLACE,
                             EntityType.COMPANY, EntityType.INSTITUTION,
                             EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
_BROAD = {EntityType.PROVINCE, EntityType.PREFECTURE}
# 到 as a verb of movement, not inside 受到, 得到, 达到, 直到 …
_MOVE_ANY = re.compile("|".join(v if v != "到" else "(?<![受得达直感遇看想做提收找迟报签办回])到"
                               for v in MOVE_VERBS))
_VISIT_RE = re.compile("|".join(VISIT_VERBS))
_MEET_RE = re.compile("|".join(MEETING_VERBS))
_PRONOUN_START = ("他", "她", "随后", "之后", "其间", "期间", "在", "来到", "还", "并", "先后", "走进", "深入")
_HEADLINE_MAX = 60
# 省督导调研组一行先后…, 代表团一行来到…: the group of the visitor named before.
_GROUP_START = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:调研组|督导组|督查组|考察组|检查组|工作组|代表团)?一行")
_TRAVELLING_GROUPS = ("代表团", "调研组", "考察团", "考察组", "工作组", "督导组", "一行")
class _Movement:
    """Movement verbs, but not the 到 of a range (从2015年到中央政治局…, 从陕西的苹果到广东的荔枝)."""

    @staticmethod
    def search(text: str, pos: int = 0, endpos: int | None = None):
        for m in _MOVE_ANY.finditer(text, pos, len(text) if endpos is None else endpos):
            clause = re.split("[，,。；;]", text[:m.start()])[-1]
            if m.group(0) == "到" and "从" in clause:
                continue
            return m
        return None


_MOVE_RE = _Movement()
# 在省委书记王蒙徽和省长王忠林陪同下: those named inside go along, they are not the visitors.
_ESCORTED_BY = re.compile("在[^，,。]{1,40}?陪同下")
# 在武汉，华中地区最大的智算中心投入使用: only a visitor, a pronoun or a verb of seeing after
# 在X， makes X a stop of the tour.
_STOP_CLAUSE = re.compile(r"^[^，,。]{0,30}?[，,](?:[\u4e00-\u9fff]{0,8}(?:总书记|他|她|一行|同志)|"
                          r"(?:先后|随后|详细|实地|仔细|认真)?(?:察看|查看|了解|听取|考察|调研|参观|走进|观看|看望|慰问|与|同|向))")
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
# Inspection verbs whose object is a subject matter (调研防汛工作), unlike 走访/察看/考察 X,
# whose object is a place or a company.
_TOPIC_VERB_RE = re.compile("调研|督导|检查|督查|指导|调度")
_SETS_OFF_AGAIN = re.compile("[，,；;](?:随后|先后|接着|又|还|并)?(?:" + "|".join(
    ("来到", "走进", "深入", "前往", "走访", "察看", "考察", "视察", "赴")) + ")")
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
    for s in sentences:
        if _is_headline(s):
            last_agent, party = None, []
            headline_date = find_date(s.text, year)
            current_date = headline_date
        stated = find_date(s.text, year, issue)
        day = stated or (None if _VAGUE_TIME.search(s.text) or _RECALLED.search(s.text)
                         else current_date)
        if stated:
            current_date = day
        ms = [m for m in found.mentions if s.start <= m.start and m.end <= s.end
              and not any(a <= m.start and m.end <= b for a, b in title_spans)]
        meeting = _meeting(s, ms, day)
        if meeting:
            events.append(meeting)
            if not _STATE_VISIT.search(s.text, 0, s.text.find("会")):
                continue  # …对朝鲜进行正式友好访问，在平壤会见…: a visit and a meeting
        signing = _signing(s, ms, day)
        if signing:
            events.append(signing)  # and the sentence may still tell of a visit (…调研，见证签约)
        conference = _conference(s, ms, day)
        if conference:
            events.append(conference)
            continue
        visits = _visit(s, ms, day, last_agent, stops)
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
    return _drop_undated_repeats(events)


def _drop_undated_repeats(events: list[Event]) -> list[Event]:
    """A headline's visit (no date) repeated by the dated article body is the same visit."""
    dated = {(e.agent, p) for e in events if e.date for p in e.places}
    return [e for e in events
            if e.date or e.type is not EventType.VISIT or not all((e.agent, p) in dated for p in e.places)]


def _is_headline(s: Sentence) -> bool:
    return len(s.text) <= _HEADLINE_MAX and not s.text.endswith(("。", "！", "？", "”"))


def _people(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in PERSON_TYPES]


def _accompanies(s: Sentence, m: Mention) -> bool:
    after = s.text[m.end - s.start: m.end - s.start + 8]
    before = s.text[max(0, m.start - s.start - 4): m.start - s.start]
    return after.startswith(ACCOMPANY_WORDS) or "陪同" in before or "参加" in after[:4]


def _visit(s: Sentence, ms: list[Mention], day: dt.date | None,
           last_agent: str | None, stops: set[tuple[int, int]] = frozenset()) -> list[Event]:
    move = _MOVE_RE.search(s.text)
    inspect = _VISIT_RE.search(s.text)
    touring = last_agent is not None and _TOUR_STOP.match(s.text) is not None
    if not move and not inspect and "现场" not in s.text and not touring:
        return []
    invited_by = [(a.start(), a.end()) for a in _INVITATION.finditer(s.text)]
    invited_by += [(a.start(), a.end()) for a in _ESCORTED_BY.finditer(s.text)]
    people = [m for m in _people(ms) if not _accompanies(s, m)
              and not any(a <= m.start - s.start < b for a, b in invited_by)]
    verb_at = min(x.start() for x in (move, inspect) if x) if (move or inspect) else len(s.text)
    agent = None
    before = [p for p in people if p.start - s.start < verb_at]
    fellow: list[str] = []
    if before:
        agent = before[-1].key
        fellow = _fellow_travellers(s, before)
    elif people:
        agent = people[0].key
    elif last_agent and (s.text.startswith(_PRONOUN_START) or _GROUP_START.match(s.text)):
        at_clause = re.split("[，,。]", s.text, maxsplit=1)[0]
        if not (s.text.startswith("在") and not _STOP_CLAUSE.match(s.text)
                and not _VISIT_RE.search(at_clause)):
            agent = last_agent  # 在博罗县郭前村调研时他表示: a stop; 在武汉，…投入使用: not
    if agent is None:
        return []
    agent_at = [p for p in people if p.key == agent]
    places = _destinations(s, ms, move is not None, stops,
                           agent_at[0].end - s.start if agent_at else -99)
    if not places:
        return []
    if not move and not inspect and not last_agent:
        return []
    if touring and not move and not inspect and "现场" not in s.text:
        places = [k for k in places if _is_stop(k, ms)]
    escorts = tuple(dict.fromkeys(_escorts(s, ms, agent)))
    return [Event(EventType.VISIT, a, tuple(dict.fromkeys(places)), escorts, day, s.index)
            for a in (*fellow, agent)]


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
                                       and not re.search("[，,。、]", after[:move.start()])):
            return m.key
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
    out = []
    for m in ms:
        rel = m.start - s.start
        if m.type not in _VISITABLE or m.text.endswith(_TRAVELLING_GROUPS):
            continue  # 率中国党政代表团: the delegation travels, it is not where it goes
        if _visited_country(s.text, m, rel):
            out.append(m.key)  # 很高兴再次对法国进行国事访问: said, and still a visit
            continue
        if rel >= cut or (m.text in _CHINA and not _TO_CHINA.search(s.text)):
            continue  # 中国 is where the pages are, not a stop, unless a guest comes to it
        if (m.start, m.end) in stops:
            out.append(m.key)  # a site the visit lists (先后来到A、B; 调研了X的Y)
            continue
        if skip[0] <= rel < skip[1]:
            continue
        if m.type in _BROAD and any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                                    for a, b in named):
            continue  # 哈尔滨 in 来到哈尔滨工业大学: the university is the stop, not the city
        if s.text[max(0, rel - 2):rel] == "位于":
            continue  # 位于高州金山片区的奇瑞项目: the park locates the project, it is not a stop
        if m.type in _BROAD:
            preceding = s.text[max(0, rel - 2):rel]
            # 习近平总书记考察杭州时: the visitor's own verb takes the city; 贯彻总书记视察广东
            # 重要讲话精神 in another's sentence does not
            own_verb = preceding in ("考察", "视察", "访问") and 0 <= rel - 2 - agent_end <= 4
            if not any(v in preceding for v in ("到", "赴", "在")) and not own_verb:
                continue
        if m.type is EntityType.GOVERNMENT_BODY and not _right_after_move(s.text, rel):
            continue
        out.append(m.key)
    return out


def _visited_country(text: str, m: Mention, rel: int) -> bool:
    """A foreign country right after 访问, or before 进行…访问 (对朝鲜进行正式友好访问)."""
    if m.text in _CHINA or not m.key.startswith("place/") or m.text not in countries():
        return False
    return text[max(0, rel - 2):rel] == "访问" or bool(_STATE_VISIT.match(text, rel + len(m.text)))


def _right_after_move(text: str, rel: int) -> bool:
    return any(text[max(0, rel - len(v)):rel] == v for v in ("来到", "走进", "到", "深入"))


def _topic_cut(text: str) -> int:
    """Offset where the clause about the topic (就…, 强调…) starts; places after it are topics."""
    cut = len(text)
    for cue in TOPIC_CUES:
        for prefix in ("，", ","):
            i = text.find(prefix + cue)
            if i >= 0:
                cut = min(cut, i)
    for cue in ("强调", "指出", "要求", "表示"):
        i = text.find(cue)
        if i >= 0:
            cut = min(cut, i)
    return cut


def _meeting(s: Sentence, ms: list[Mention], day: dt.date | None) -> Event | None:
    verb = _MEET_RE.search(s.text)
    if not verb:
        return None
    people = _people(ms)
    hosts = [p for p in people if p.start - s.start < verb.start()]
    guests = [p for p in people if p.start - s.start >= verb.end() and not _accompanies(s, p)]
    if not hosts or not guests:
        return None
    places = [m.key for m in ms if m.type in REGION_TYPES and m.start - s.start < verb.start()
              and m.start > hosts[-1].start]
    return Event(EventType.MEETING, hosts[-1].key, tuple(places),
                 tuple(dict.fromkeys(g.key for g in guests)), day, s.index)


_SIGN_RE = re.compile("签署|签订|签约")
_PARTY_TYPES = {EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.INSTITUTION,
                EntityType.ORGANIZATION}


def _signing(s: Sentence, ms: list[Mention], day: dt.date | None) -> Event | None:
    """茂名市人民政府与东华能源股份有限公司签署《…项目合作协议》: the parties (organisations)
    are participants, the projects named in the sentence are its places, and the official
    who witnessed or attended, if any, is its agent."""
    verb = _SIGN_RE.search(s.text)
    if not verb:
        return None
    parties = [m.key for m in ms if m.type in _PARTY_TYPES]
    if not parties:
        return None
    projects = [m.key for m in ms if m.type is EntityType.PROJECT]
    witnesses = [m for m in _people(ms) if m.start - s.start < verb.start()]
    agent = witnesses[0].key if witnesses else None
    others = [m.key for m in witnesses[1:]]
    return Event(EventType.SIGNING, agent, tuple(dict.fromkeys(projects)),
                 tuple(dict.fromkeys(parties + others)), day, s.index)


_GATHERING = re.compile("会议|大会|座谈会|推进会|调度会|推介会|读书班|论坛|常委会|全会|发布会")
_PRESIDES = ("主持",)
_ATTENDS = ("出席", "参加", "讲话", "作报告", "致辞", "发言")


def _conference(s: Sentence, ms: list[Mention], day: dt.date | None) -> Event | None:
    """…会议召开。州党委书记刘某出席会议并讲话，州长张某主持会议: who presided is the agent,
    who attended or spoke are participants, a region named with 在 is where."""
    if not _GATHERING.search(s.text):
        return None
    agent, attendees = None, []
    waiting: list[str] = []  # 庄悦群，王雄飞，王铭祥出席: a list of people before one verb
    for p in _people(ms):
        waiting.append(p.key)
        after = s.text[p.end - s.start: p.end - s.start + 6]
        if after.startswith(_PRESIDES):
            agent = agent or p.key
            waiting = []
        elif after.startswith(_ATTENDS) or after.startswith(("并", "同志")):
            attendees += waiting
            waiting = []
        elif not after.startswith(("，", ",", "、", "和", "及", "与")):
            waiting = []
    if agent is None and not attendees:
        return None
    places = [m.key for m in ms if m.type in REGION_TYPES and s.text[max(0, m.start - s.start - 1):m.start - s.start] == "在"]
    return Event(EventType.CONFERENCE, agent, tuple(places),
                 tuple(dict.fromkeys(k for k in attendees if k != agent)), day, s.index)
