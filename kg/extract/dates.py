"""Dates in text, resolved against the page's issue date or reference year."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]")


def find_date(text: str, year: int | None) -> dt.date | None:
    """The first full day named in ``text`` (4月8日上午 → 2026-04-08 in a 2026 paper).

    >>> find_date("本报讯4月9日上午，市长到高州市", 2026)
    datetime.date(2026, 4, 9)
    >>> find_date("近日，他到高州市", 2026) is None
    True
    """
    for m in _DAY.finditer(text):
        y = int(m.group(1)) if m.group(1) else year
        if y is None:
            continue
        try:
            return dt.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None
