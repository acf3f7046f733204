"""People a page credits: 作者:周一 王二, (责任编辑:李三), 记者/张四, (刘五 摄), 赵六 摄影.

Web pages name who wrote, edited and photographed a story in credit lines; they are people of
the page (``Person``), although nothing else is said of them. A name counts only where the
label and the name's form say so: after a credit label and a colon or slash, or before 摄 /
摄影 that close a bracket or a line.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import CREDIT_WORDS, REPORTER_WORDS
from kg.extract.people import PersonSpan, name_at

_GAP = " \u3000"


@cache
def _labels() -> re.Pattern:
    labels = sorted({*CREDIT_WORDS, *REPORTER_WORDS}, key=len, reverse=True)
    return re.compile(r"(?<![\u4e00-\u9fff])(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：/]\s*")


_PHOTO = re.compile(r"(?<=[(（\s])([\u4e00-\u9fff]{2,3})[ \u3000]*(?:摄影|摄)(?=[)）\s.]|$)")


def find_credited(text: str) -> list[PersonSpan]:
    """The names of the page's credit lines, in page order."""
    out = []
    for m in _labels().finditer(text):
        pos = m.end()
        while pos < len(text):
            end = name_at(text, pos)
            if end is None:
                break
            out.append(PersonSpan(pos, end, text[pos:end], ()))
            pos = end
            while pos < len(text) and text[pos] in _GAP + "、，,":
                pos += 1
    for m in _PHOTO.finditer(text):
        if name_at(text, m.start(1)) == m.end(1):
            out.append(PersonSpan(m.start(1), m.end(1), m.group(1), ()))
    return sorted(out, key=lambda p: p.start)
