"""A statistical entity tagger: a linear-chain CRF over characters, trained by us on CLUENER2020.

Features are the characters around each position, jieba's word boundaries, the
GB/T 2260 gazetteer, surnames and the name suffixes of :mod:`kg.extract.lexicon`.
The model ships inside the package (``kg/models/ner.crfsuite``); nothing is downloaded.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from kg.extract.lexicon import DOUBLE_SURNAMES, SUFFIX_TO_TYPE, SURNAMES, TITLE_HEADS
from kg.extract.model import EntityType

MODEL_FILE = "ner.crfsuite"
LABEL_TO_TYPE = {
    "name": EntityType.PERSON, "government": EntityType.GOVERNMENT_BODY,
    "company": EntityType.COMPANY, "organization": EntityType.ORGANIZATION,
    "address": EntityType.PLACE, "position": "Title",
}
_SUFFIX_MAX = max(len(s) for s in SUFFIX_TO_TYPE)
_TITLE_SET = frozenset(TITLE_HEADS)
# Characters that end the parts of a street address (中关村大街27号, 幸福小区3栋).
_ADDRESS_ENDS = frozenset("路街道巷弄号楼栋层室村镇乡区县市省州旗盟里屯港湾岛桥站场馆厦苑园庄")


def _char_class(c: str) -> str:
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "A"
    if "\u4e00" <= c <= "\u9fff":
        return "C"
    if c.isspace():
        return "S"
    return "P"


def _word_tags(text: str) -> tuple[list[str], list[str], list[str]]:
    """Per character: its place in jieba's word (B/M/E/S + length), the word, its POS tag."""
    from kg.extract.segment import tagged

    tags, words, pos = [""] * len(text), [""] * len(text), [""] * len(text)
    for start, end, word, flag in tagged(text):
        n = end - start
        for i in range(start, end):
            tags[i] = ("S" if n == 1 else ("B" if i == start else ("E" if i == end - 1 else "M"))) + str(min(n, 4))
            words[i] = word
            pos[i] = flag
    return tags, words, pos


def _gazetteer_tags(text: str) -> list[str]:
    from kg.extract.regions import load_gazetteer

    gaz = load_gazetteer()
    tags = [""] * len(text)
    i = 0
    while i < len(text):
        for length in range(min(gaz.max_len, len(text) - i), 1, -1):
            keys = gaz.by_name.get(text[i:i + length])
            if keys:
                level = gaz.regions[keys[0]].type.value[0]
                tags[i] = "B" + level
                for j in range(i + 1, i + length):
                    tags[j] = "I" + level
                i += length - 1
                break
        i += 1
    return tags


def _suffix_tags(text: str) -> list[str]:
    """Where a name suffix (有限公司, 局) or a title head (书记) ends."""
    tags = [""] * len(text)
    for end in range(1, len(text) + 1):
        for length in range(min(_SUFFIX_MAX, end), 0, -1):
            piece = text[end - length:end]
            if piece in SUFFIX_TO_TYPE:
                tags[end - 1] = SUFFIX_TO_TYPE[piece].value[:3] + str(length)
                break
            if length >= 2 and piece in _TITLE_SET:
                tags[end - 1] = "TTL" + str(length)
                break
    return tags


def features(text: str) -> list[dict[str, str | float]]:
    """One feature dict per character of ``text``."""
    (words, word_text, word_pos), gaz, suffix = _word_tags(text), _gazetteer_tags(text), _suffix_tags(text)
    padded = "^^" + text + "$$"
    out = []
    for i, c in enumerate(text):
        p = i + 2
        f: dict[str, str | float] = {
            "b": 1.0, "c": c, "c-1": padded[p - 1], "c+1": padded[p + 1],
            "c-2": padded[p - 2], "c+2": padded[p + 2],
            "c-1c": padded[p - 1:p + 1], "cc+1": padded[p:p + 2],
            "c-2c-1": padded[p - 2:p], "c+1c+2": padded[p + 1:p + 3],
            "c-1cc+1": padded[p - 1:p + 2], "t": _char_class(c),
            "t-1t+1": _char_class(padded[p - 1]) + _char_class(padded[p + 1]),
            "w": words[i], "w-1": words[i - 1] if i else "^", "w+1": words[i + 1] if i + 1 < len(text) else "$",
            "wd": word_text[i], "pos": word_pos[i] + words[i][0],
            "pos-1": word_pos[i - 1] if i else "^", "pos+1": word_pos[i + 1] if i + 1 < len(text) else "$",
            "g": gaz[i], "g-1": gaz[i - 1] if i else "", "g+1": gaz[i + 1] if i + 1 < len(text) else "",
            "sfx": suffix[i], "sfx+1": suffix[i + 1] if i + 1 < len(text) else "",
            "sfx-1": suffix[i - 1] if i else "",
        }
        if c in SURNAMES or padded[p:p + 2] in DOUBLE_SURNAMES:
            f["surname"] = 1.0
        if c in _ADDRESS_ENDS:
            f["addr"] = 1.0
        if padded[p + 1] in _ADDRESS_ENDS:
            f["addr+1"] = 1.0
        out.append(f)
    return out


def model_path() -> Path:
    return Path(str(resources.files("kg") / "models" / MODEL_FILE))


@cache
def _tagger():
    import pycrfsuite

    path = model_path()
    if not path.exists():
        raise FileNotFoundError(f"the NER model is missing at {path}: run `make train-ner`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def spans_from_labels(labels: list[str]) -> list[tuple[int, int, str]]:
    """BIO labels → (start, end, label) spans, end exclusive."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, lab in enumerate([*labels, "O"]):
        if lab.startswith("B-") or lab == "O" or (lab.startswith("I-") and lab[2:] != kind):
            if start is not None and kind is not None:
                out.append((start, i, kind))
            start, kind = (i, lab[2:]) if lab != "O" else (None, None)
    return out


def tag(text: str) -> list[tuple[int, int, str]]:
    """Entity spans of ``text`` as (start, end, CLUENER label)."""
    if not text:
        return []
    return spans_from_labels(_tagger().tag(features(text)))
