"""Countries of the world by their Chinese names (朝鲜, 法国, 沙特阿拉伯王国), from jionlp's
maintained world location table: short name, full official name.

Reads the text of a sentence; gives (start, end, short or full name as written, full name)
for every country named, the full official name being the entity's label.
"""

from __future__ import annotations

import re
from functools import cache


# 中非关系, 中非合作论坛, 中非携手: 中 + a continent's one character is China and that
# continent (中欧, 中拉, 中阿), never the country 中非共和国, which is written out.
_BILATERAL = re.compile("^中[非欧亚美拉阿]$")


@cache
def countries() -> dict[str, str]:
    """Every name a country is written by → its full official name (中国 excepted: the
    national names table gives 中华人民共和国 its own entry)."""
    from kg.extract.regions import jionlp_data

    path = jionlp_data("world_location.txt")
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] == "中国":
            continue
        short, full = parts[0].strip(), parts[1].strip()
        if len(short) >= 2 and not _BILATERAL.match(short):
            names[short] = full
        names[full] = full
    return names


@cache
def _pattern() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, countries()), key=len, reverse=True)))


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, full name) of each country ``text`` names.

    >>> find_countries("王沪宁对朝鲜进行正式友好访问")
    [(4, 6, '朝鲜民主主义人民共和国')]
    """
    return [(m.start(), m.end(), countries()[m.group(0)]) for m in _pattern().finditer(text)]
