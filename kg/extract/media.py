"""The papers, sites and apps a web page says it comes from: 来源:红网, 浙江在线7月24日讯,
中国山东网菏泽频道11月3日讯, 您现在的位置: 德清新闻网 >>. Each is an ``Institution``.

Most pages on the web carry no masthead; they name their outlet in a source line, a dateline
or a breadcrumb instead, and outlets' names often end in no suffix a name rule knows (今日高邮,
天眼新闻, 南方+客户端). The name is what such a line holds; an outlet whose name holds a suffix
the name rules know (梅州日报, 嘉祥县人民政府, 滁州市统计局) is left to them.
"""

from __future__ import annotations

import re

from kg.extract.lexicon import SUFFIXES

# Where the page names the paper or site it comes from (also read for the page's region).
SOURCE_LINE = re.compile(r"(?:来源|稿源|信息来源|发布单位|发布机构|来自)\s*[:：]\s*([^\s|｜/]{2,20})")
# 红网临湘站11月14日讯, 青羚网讯, 国际在线吉林消息: an outlet, maybe its local desk, a day, 讯.
_OUTLET_ENDS = "网|在线|客户端|新闻|融媒|报"
_DATELINE = re.compile(r"(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff+]{1,10}?(?:" + _OUTLET_ENDS + r"))"
                       r"(?:[\u4e00-\u9fff]{2,6}?(?:站|频道))?(?:[\u4e00-\u9fff]{2,4}?)??"
                       r"(?:\d{1,2}月\d{1,2}日)?(?:讯|消息)")
_CRUMB = re.compile(r"(?:当前位置|您现在的位置|您的位置|所在位置)\s*[:：]\s*([^\s>»]{2,16})\s*(?:>|»)")
_NOT_OUTLETS = frozenset({"本报", "本网", "网络", "原创", "综合", "互联网", "网友", "首页", "网站首页",
                          "新华网", "人民网"})  # the last two: wire copy, named on many pages
_EDGES = "”“\"《》【】[]()（）"


def find_media(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each outlet the page names as its source (in the first lines
    or in a source line anywhere: a page's foot holds one too)."""
    out = []
    for pattern in (SOURCE_LINE, _DATELINE, _CRUMB):
        for m in pattern.finditer(text):
            if pattern is SOURCE_LINE and not _opens_a_label(text, m.start()):
                continue  # 主要收入来源：种植业 is a sentence, not a source line
            a, b = m.span(1)
            for part_start, name in _parts(text[a:b]):
                start = a + part_start
                if _an_outlet(name):
                    out.append((start, start + len(name), name))
    return sorted(set(out))


def _opens_a_label(text: str, pos: int) -> bool:
    before = text[max(0, pos - 2):pos]
    return not before or not re.match(r"[\u4e00-\u9fff]", before[-1]) or before == "文章"


def _parts(value: str) -> list[tuple[int, str]]:
    """湖南日报·新湖南客户端: two outlets; a closing quote or bracket ends the name."""
    out, pos = [], 0
    for piece in re.split(r"[·・]", value):
        name = re.split(f"[{re.escape(_EDGES)}，,。:：;；]", piece)[0]
        out.append((pos, name))
        pos += len(piece) + 1
    return out


def _an_outlet(name: str) -> bool:
    return (2 <= len(name) <= 12 and name not in _NOT_OUTLETS and not name.endswith("记者")
            and not any(suffix in name for suffix in SUFFIXES) and re.fullmatch(r"[\u4e00-\u9fff+]+", name) is not None)
