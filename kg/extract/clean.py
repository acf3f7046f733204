"""The text extraction reads: a document's text without the noise real web pages carry.

Real pages hold things that are no part of the news and that the name rules would read as
part of a name: pinyin written after characters (园(yuán)区 → ``n)园区``), markup and HTML
entities, runs of ``???`` or replacement characters left by a bad conversion; and a
half-width full stop between characters, which ends a sentence as 。 does; lines that only
hold a picture's place (图片), which would cut an article in two.
:func:`clean` removes them before sentences are split, and :func:`kg.extract.extract` reads
only the cleaned text, so every offset, sentence and piece of evidence refers to it. Line
breaks stay where they were, so the page's paragraphs and articles are unchanged.

Editor lines (编辑:张烨, 核编 李想 签发 王强) and photo credits ((记者 李明 摄)) are left as
they are: they stand on lines or in brackets of their own, so they glue to no name, and the
people they name are people of the page (the annotation guidelines list them).

    >>> clean("产业园(yuán)区建设")
    '产业园区建设'
"""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# (yuán), （chǎn yè）: letters with at least one tone mark, right after a character.
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]\s*(?=[a-z{_TONED}\s]*[{_TONED}])[a-z{_TONED}]+"
                     rf"(?:\s+[a-z{_TONED}]+)*\s*[)）]")
_MARKUP = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]*)?/?|!--[^<>\n]*--)>")
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|#\d{2,5});")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
# ???, ？？？, replacement characters: what is left of text a converter could not read.
_GARBLED = re.compile(r"[?？]{3,}|\ufffd+")
# A half-width full stop between characters (市委书记到茂南区调研.他强调): the sentence ends there.
_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fff”])\.(?=[\u4e00-\u9fff“\s]|$)", re.M)

# 市长周军,,市委副书记; 党委书记,、董事长; 座谈,。: a comma doubled before another mark by a bad
# conversion; the mark after it is the text's own.
_STRAY_COMMA = re.compile(r"[，,](?=[，,、。；;])")

# A line that only holds a picture's place (图片, 【组图】, 点击查看大图): no article starts there.
_PICTURE_LINE = re.compile(r"^[ \t\u3000]*[\[【(（]?(?:图片|图|组图|视频|点击查看大图|查看大图|点击播放)"
                           r"[\]】)）]?[ \t\u3000]*$", re.M)


def clean(text: str) -> str:
    """``text`` without pinyin glosses, markup, garbled runs and doubled commas; 调研.他 → 调研。他."""
    text = _PINYIN.sub("", text)
    text = _MARKUP.sub("", text)
    text = _ENTITY.sub(lambda m: _ENTITIES.get(m.group(0), " "), text)
    text = _GARBLED.sub("", text)
    text = _HALF_STOP.sub("。", text)
    text = _STRAY_COMMA.sub("", text)
    return _PICTURE_LINE.sub("", text)
