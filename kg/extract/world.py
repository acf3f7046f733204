"""Places that are no region of China's gazetteer: foreign cities and first-level divisions
(巴黎, 平壤市, 北海道, 明尼苏达州), continents (欧洲), oceans and seas (太平洋), and the named areas
news writes of (京津冀, 长江经济带, 粤港澳大湾区). Each is a ``Place``; countries have their own
module (:mod:`kg.extract.countries`), as they are labelled by their full official names.

The names come from maintained tables: jionlp's world location table (continents, each
country's capital and main cities), pycountry's Chinese names of ISO 3166-2 subdivisions
(the first-level ones, of countries other than China), and ``words/named_areas.txt``.

A short name is a common word as often as a place (万象更新, 金边, 马赛克): a name counts only
where the tokenizer's words begin and end with it (or with it and 市), and a name
of two characters only where the tokenizer took it for a name; a name the Chinese gazetteer
knows (a county's short form) is left to the gazetteer.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import NAMED_AREAS

# jieba's tags of names: places, people (foreign places are often tagged as people), other
# proper nouns, and place words.
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "s", "nt"})
_CHINA = ("CN", "TW", "HK", "MO")
# Level words of foreign first-level divisions as Chinese writes them.
_DIVISION_ENDS = ("州", "省", "县", "道", "府", "都", "邦", "郡")


@cache
def areas() -> frozenset[str]:
    """Continents, oceans, seas and named areas: places no one travels to as a destination
    (在京津冀调研 is a visit to the places it goes on to name) and no region holds."""
    from kg.extract.regions import jionlp_data

    continents = {line[:-1].strip() for line in
                  jionlp_data("world_location.txt").read_text(encoding="utf-8").splitlines()
                  if line.endswith(":")}  # a continent's heading (亚洲:)
    return NAMED_AREAS | continents


def is_area(name: str) -> bool:
    return name in areas()


@cache
def world_places() -> frozenset[str]:
    """Every name of the tables above, two characters or more."""
    from kg.extract.countries import countries
    from kg.extract.regions import jionlp_data, load_gazetteer

    names: set[str] = set(areas())
    for line in jionlp_data("world_location.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0] != "中国":
            names.add(parts[2].strip())
            if len(parts) >= 4:
                names.update(c.strip() for c in parts[3].split("/"))
    names.update(_divisions())
    gazetteer = load_gazetteer().by_name
    return frozenset(n for n in names if len(n) >= 2 and n not in gazetteer and n not in countries())


def is_abroad(name: str) -> bool:
    """A foreign city or division by the tables (平壤市 as 平壤)."""
    return name in world_places() and name not in areas() or (
        name.endswith("市") and name[:-1] in world_places())


def _divisions() -> set[str]:
    """Chinese names of other countries' first-level divisions (pycountry's translations)."""
    import gettext

    import pycountry

    try:
        zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:
        return set()
    out = set()
    for division in pycountry.subdivisions:
        if division.country_code in _CHINA or division.parent_code is not None:
            continue
        name = zh.gettext(division.name)
        # Only names that say they are a division (明尼苏达州, 北海道, 青森县) or are long enough
        # not to be a common word: the table's two-character ones (萨尔, 德文) are too often words.
        if name != division.name and re.fullmatch(r"[\u4e00-\u9fff]+", name) and (
                name.endswith(_DIVISION_ENDS) and len(name) >= 3 or len(name) >= 4):
            out.add(name)
    return out


@cache
def _pattern() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, world_places()), key=len, reverse=True)))


def find_world_places(text: str, words_of_text: tuple[tuple[int, int, str, str], ...]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each place of the tables ``text`` names, ``words_of_text`` being
    its words and tags (start, end, word, tag). A city written with 市 is labelled so (平壤市).

    >>> find_world_places("抵达巴黎", ((0, 2, "抵达", "v"), (2, 4, "巴黎", "ns")))
    [(2, 4, '巴黎')]
    """
    starts = {a: (b, tag) for a, b, _, tag in words_of_text}
    ends = {b for _, b, _, _ in words_of_text}
    out = []
    for m in _pattern().finditer(text):
        a, b = m.span()
        word = starts.get(a)
        if word is None:
            continue
        end, tag = word
        with_city = b < len(text) and text[b] == "市" and b + 1 in ends and (end == b + 1 or b in ends)
        if b not in ends and not with_city:
            continue  # inside a longer word: 马赛克, 万象更新
        if "·" in text[max(0, a - 1):b + 1]:
            continue  # 亚历山大·卢卡申科: a part of a foreign person's name
        if len(m.group(0)) == 2 and tag not in _NAME_TAGS and not with_city:
            continue  # 金边 (n), 万象 (n): a common word here
        out.append((a, b + 1, m.group(0) + "市") if with_city else (a, b, m.group(0)))
    return out
