"""Dates in text, resolved against the page's issue date or reference year."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]")


# Days named relative to the issue: 昨日 in the 18 March paper is 17 March.
_RELATIVE = re.compile(r"(?<![一-龥])(昨日|昨天|前日|前天|今日|今天)(?:上午|下午|晚上|晚|早上)?[，,]")
_OFFSET = {"昨日": -1, "昨天": -1, "前日": -2, "前天": -2, "今日": 0, "今天": 0}


# A day named without its year is at most a little after the issue (a schedule announced);
# more than that and it is a day of the year before.
_LATE = dt.timedelta(days=31)


def find_date(text: str, year: int | None, issue: dt.date | None = None) -> dt.date | None:
    """The first full day named in ``text`` (4月8日上午 → 2026-04-08 in a 2026 paper), or,
    given the issue date, one named relative to it (昨日，…).

    >>> find_date("本报讯4月9日上午，市长到高州市", 2026)
    datetime.date(2026, 4, 9)
    >>> find_date("昨日上午，市长到高州市", 2026, dt.date(2026, 3, 18))
    datetime.date(2026, 3, 17)
    >>> find_date("本报11月14日讯 11月12日，省委统战部副部长到临湘市考察", 2014)
    datetime.date(2014, 11, 12)
    >>> find_date("近日，他到高州市", 2026) is None
    True
    >>> find_date("12月29日，市长到高州市", 2027, dt.date(2027, 1, 3))
    datetime.date(2026, 12, 29)
    """
    if issue is not None:
        rel = _RELATIVE.search(text)
        if rel and not _DAY.search(text, 0, rel.start()):
            return issue + dt.timedelta(days=_OFFSET[rel.group(1)])
    days = list(_DAY.finditer(text))
    for i, m in enumerate(days):
        dateline = text.startswith(("讯", "电", "消息"), m.end())
        if dateline and i + 1 < len(days):
            continue  # 临湘站11月14日讯 11月12日，…: the dateline, then the day it happened
        y = int(m.group(1)) if m.group(1) else year
        if y is None:
            continue
        try:
            day = dt.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if dateline:
            # 海口网6月18日消息（记者吴跃）17日下午，…: the day it happened, in the dateline's month
            told = day_of_month(text[m.end():], day)
            if told is not None:
                return told
        if not m.group(1) and issue is not None and day > issue + _LATE:
            # 12月29日 in a paper of 3 January: news tells of days past, in the year before
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:
                continue
        return day
    return None


# The day a web page was put out, in its byline (发布日期:2020-06-01 15:47, 2011-04-28 00:00:00
# 作者:…, 时间:2024年09月14日) or its address (…/2014/11/14/…, …/202304/20/…): most web pages
# have no masthead, and 20日 or 昨日 in the article is counted from that day.
_BYLINE_LABELED = re.compile(r"(?:日期|时间|发布|发表|更新|来源)[^\d\n]{0,4}?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_BYLINE_ISO = re.compile(r"(?<![\d/])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/])")
_BYLINE_TIMED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*\d{1,2}[:：]\d{2}")
# 18.06.2016  18:13 (day, month, year): a web page's time stamp written the European way.
_BYLINE_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})\s+\d{1,2}:\d{2}")
_URL_DATE = re.compile(r"(?:https?://|www\.|\.(?:cn|com|net|org)/)\S*?/(20\d\d)[/-]?([01]\d)[/-]?([0-3]\d)/")
_HEAD_LINES = 25


def byline_date(text: str) -> dt.date | None:
    """The page's own date from its first lines: a labeled or time-stamped byline date,
    else a numeric date (2019-04-22) standing in them, else the date in a page address.

    >>> byline_date("王刚赴金山店镇调研\\n\\n发表日期:2019-04-22    文章来源:\\n\\n20日,…")
    datetime.date(2019, 4, 22)
    >>> byline_date("标题\\nhttp://news.example.cn/c/2014/11/14/4178207.htm\\n正文")
    datetime.date(2014, 11, 14)
    >>> byline_date("2035年远景目标\\n县委书记到乡里调研。") is None
    True
    """
    head = "\n".join(text.split("\n")[:_HEAD_LINES])[:2000]
    for pattern in (_BYLINE_LABELED, _BYLINE_TIMED, _BYLINE_ISO, _BYLINE_DMY, _URL_DATE):
        for m in pattern.finditer(head):
            y, mo, d = (3, 2, 1) if pattern is _BYLINE_DMY else (1, 2, 3)
            try:
                return dt.date(int(m.group(y)), int(m.group(mo)), int(m.group(d)))
            except ValueError:
                continue
    return None


# 20日，市委书记王刚…; 本报讯 28日，…: a day of the month alone (not 5号楼, not 24日报).
_BARE_DAY = re.compile(r"(?<![月\d第])(\d{1,2})(?:日(?![报电讯])|号(?![楼线院文令机车站门]))")
_HAS_MONTH = re.compile(r"\d{1,2}月|[昨前今]日|[昨前今]天")


def day_of_month(text: str, page_day: dt.date | None) -> dt.date | None:
    """A day of the month alone is in the page's month, or in the month before when it is
    later than the page's day (news tells of days past).

    >>> day_of_month("20日，市委书记赴金山店镇调研。", dt.date(2019, 4, 22))
    datetime.date(2019, 4, 20)
    >>> day_of_month("28日，市长到乡里调研。", dt.date(2020, 3, 2))
    datetime.date(2020, 2, 28)
    """
    m = _BARE_DAY.search(text)
    if page_day is None or m is None or _HAS_MONTH.search(text):
        return None
    n = int(m.group(1))
    year, month = page_day.year, page_day.month
    if n > page_day.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return dt.date(year, month, n)
    except ValueError:
        return None
