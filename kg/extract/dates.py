"""Dates in text, resolved against the page's issue date or reference year."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]")


# Days named relative to the issue: 昨日 in the 18 March paper is 17 March.
_RELATIVE = re.compile(r"(?<![一-龥])(昨日|昨天|前日|前天|今日|今天)(?:上午|下午|晚上|晚|早上)?[，,]")
_OFFSET = {"昨日": -1, "昨天": -1, "前日": -2, "前天": -2, "今日": 0, "今天": 0}


def find_date(text: str, year: int | None, issue: dt.date | None = None) -> dt.date | None:
    """The first full day named in ``text`` (4月8日上午 → 2026-04-08 in a 2026 paper), or,
    given the issue date, one named relative to it (昨日，…).

    >>> find_date("本报讯4月9日上午，市长到高州市", 2026)
    datetime.date(2026, 4, 9)
    >>> find_date("昨日上午，市长到高州市", 2026, dt.date(2026, 3, 18))
    datetime.date(2026, 3, 17)
    >>> find_date("近日，他到高州市", 2026) is None
    True
    """
    if issue is not None:
        rel = _RELATIVE.search(text)
        if rel and not _DAY.search(text, 0, rel.start()):
            return issue + dt.timedelta(days=_OFFSET[rel.group(1)])
    for m in _DAY.finditer(text):
        y = int(m.group(1)) if m.group(1) else year
        if y is None:
            continue
        try:
            return dt.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None
