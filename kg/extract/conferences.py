"""Conferences (…会议召开, 出席, 主持): the sentence rule of the Conference row of EVENT_KINDS.

Reads one sentence and its mentions; writes a :class:`Event` of type Conference.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.lexicon import ATTEND_WORDS, GATHERING_WORDS, PRESIDE_WORDS
from kg.extract.model import PERSON_TYPES, REGION_TYPES, Event, EventType, Mention, SentenceContext
from kg.extract.segment import Sentence

_GATHERING = re.compile("|".join(GATHERING_WORDS))
_ROLE_CLAUSE = re.compile(r"(?:同志|等)?([^，,。；;：:]{0,14})")


def find_conference(s: Sentence, ms: list[Mention], day: dt.date | None,
                    context: SentenceContext) -> tuple[list[Event], bool]:
    """The sentence's conference, if any; a sentence that tells one tells nothing else."""
    conference = _conference(s, ms, day)
    return ([conference], False) if conference else ([], True)


def _conference(s: Sentence, ms: list[Mention], day: dt.date | None) -> Event | None:
    """…会议召开。州党委书记刘某出席会议并讲话，州长张某主持会议: who presided is the agent,
    who attended or spoke are participants, a region named with 在 is where. A name that only
    qualifies a noun (以习近平同志为核心的党中央, 邓小平同志亲属) is neither."""
    if not _GATHERING.search(s.text):
        return None
    agent, attendees = None, []
    waiting: list[str] = []  # 庄悦群，王雄飞，王铭祥出席: a list of people before one verb
    for p in [m for m in ms if m.type in PERSON_TYPES]:
        waiting.append(p.key)
        role = _conference_role(s.text, p.end - s.start)
        if role == "presides":
            agent = agent or p.key
            attendees += waiting[:-1]
            waiting = []
        elif role == "attends":
            attendees += waiting
            waiting = []
        elif not s.text.startswith(("，", ",", "、", "和", "及", "与"), p.end - s.start):
            waiting = []
    if agent is None and not attendees:
        return None
    places = [m.key for m in ms if m.type in REGION_TYPES
              and s.text[max(0, m.start - s.start - 1):m.start - s.start] == "在"]
    return Event(EventType.CONFERENCE, agent, tuple(places),
                 tuple(dict.fromkeys(k for k in attendees if k != agent)), day, s.index)


def _conference_role(text: str, pos: int) -> str | None:
    """What the person named before ``pos`` does at the gathering: "presides" (主持, also in
    参加会见并主持大会), "attends" (出席, 参加, 讲话 …), or None (同志为核心的党中央)."""
    clause = _ROLE_CLAUSE.match(text, pos).group(1)
    if not clause.startswith(PRESIDE_WORDS + ATTEND_WORDS + ("并",)):
        return None
    at = min((clause.find(w) for w in PRESIDE_WORDS if w in clause), default=-1)
    if at >= 0 and "由" not in clause[:at]:
        return "presides"
    return "attends"
