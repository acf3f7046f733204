"""Signings (签署, 签订, 签约): the sentence rule of the Signing row of EVENT_KINDS.

Reads one sentence and its mentions; writes a :class:`Event` of type Signing.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.model import PERSON_TYPES, EntityType, Event, EventType, Mention, SentenceContext
from kg.extract.segment import Sentence

_SIGN_RE = re.compile("签署|签订|签约")
_PARTY_TYPES = {EntityType.COMPANY, EntityType.GOVERNMENT_BODY, EntityType.INSTITUTION,
                EntityType.ORGANIZATION}


def find_signing(s: Sentence, ms: list[Mention], day: dt.date | None,
                 context: SentenceContext) -> tuple[list[Event], bool]:
    """The sentence's signing, if any; the sentence may still tell of a visit (…调研，见证签约)."""
    signing = _signing(s, ms, day)
    return ([signing] if signing else []), True


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
    witnesses = [m for m in ms if m.type in PERSON_TYPES and m.start - s.start < verb.start()]
    agent = witnesses[0].key if witnesses else None
    others = [m.key for m in witnesses[1:]]
    return Event(EventType.SIGNING, agent, tuple(dict.fromkeys(projects)),
                 tuple(dict.fromkeys(parties + others)), day, s.index)
