"""Administrative divisions (GB/T 2260) from the data jionlp maintains, with an alias layer.

Reads jionlp's ``china_location.txt`` (province → prefecture → county with codes,
then townships and villages by name) into :class:`Region` records and indexes
every full name and safe short form (茂名 for 茂名市, 黔西南州 for
黔西南布依族苗族自治州, 紫云自治县 for 紫云苗族布依族自治县).
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.extract.lexicon import TOWNSHIP_SUFFIXES, VILLAGE_SUFFIXES
from kg.extract.model import EntityType, Region

_ETHNIC = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+(自治州|自治县|自治旗)$")
_COUNTY_LEVEL_WORDS = ("自治县", "自治旗", "县", "区", "市", "旗")
_ZONE_SUFFIXES = ("开发区", "园区", "示范区", "管理区", "产业园", "合作区", "试验区", "高新区", "保税区", "聚集区")
COUNTY_LEVEL = {EntityType.COUNTY, EntityType.TOWNSHIP, EntityType.VILLAGE}


def jionlp_data(name: str = "china_location.txt") -> Path:
    """One of jionlp's maintained dictionary files, without jionlp's import-time banner."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or spec.origin is None:
        raise ImportError("jionlp is not installed: pip install jionlp")
    path = Path(spec.origin).parent / "dictionary" / name
    if not path.exists():
        # jionlp unzips its dictionaries on first import and prints a banner: keep stdout clean.
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp  # noqa: F401
    return path


@contextlib.contextmanager
def built_to_last():
    """Build tables that live as long as the process (the gazetteer, the automaton, the
    dictionaries) without the cyclic collector: it would walk the half-built tables again and
    again as their objects are made (a third of the build), and again in every full collection
    after it. Paused while building; after, what is built is moved out of its sight (gc.freeze)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


class _Regions(dict):
    """The regions by key, villages made on first ask: of the 700,000 divisions 650,000 are
    villages, which a page names a handful of. A village's key is ``<township key>/<name>`` and
    the village index holds every village key, so the record follows from the key."""

    def __init__(self, villages: dict[str, list[str]]) -> None:
        super().__init__()
        self._villages = villages

    def _village(self, key: str) -> Region | None:
        township, sep, name = key.rpartition("/")
        if not sep or key not in self._villages.get(name, ()):
            return None
        region = Region(key, name, EntityType.VILLAGE, None, township)
        self[key] = region
        return region

    def __missing__(self, key: str) -> Region:
        region = self._village(key)
        if region is None:
            raise KeyError(key)
        return region

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or (isinstance(key, str) and self._village(key) is not None)

    def get(self, key, default=None):
        return self[key] if key in self else default


@dataclass
class Gazetteer:
    """All regions by key, and every name or alias → the regions it may mean."""

    regions: dict[str, Region]
    by_name: dict[str, list[str]]
    villages: dict[str, list[str]]
    max_len: int

    def candidates(self, name: str) -> list[Region]:
        return [self.regions[k] for k in self.by_name.get(name, ())]

    def ancestors(self, key: str) -> list[str]:
        """Keys from the region itself up to its province."""
        out = []
        current: str | None = key
        while current is not None and current not in out:
            out.append(current)
            current = self.regions[current].parent
        return out

    def ancestor_of_type(self, key: str, level: EntityType) -> str | None:
        for k in self.ancestors(key):
            if self.regions[k].type == level:
                return k
        return None

    def village(self, key: str) -> Region:
        return self.regions[key]

    def scan(self, text: str, villages: bool = True) -> list[tuple[int, int, str, list[str]]]:
        """Longest names left to right, no overlaps, as (start, end, name, keys); with
        ``villages``, village names (…村, …社区) too, where one is longer than every region
        name at its start. One pass of the Aho–Corasick automaton of
        :mod:`kg.extract.annotate` (a page's stages read the page's own scan instead)."""
        from kg.extract.annotate import longest_regions, scan

        return longest_regions(scan(text), 0, len(text), villages)


def _short_forms(name: str, alias: str | None, level: EntityType) -> list[str]:
    """Short forms safe enough to index: the data's alias plus the level-word forms."""
    forms: set[str] = set()
    if alias and alias != name and len(alias) >= 2:
        forms.add(alias)
    m = _ETHNIC.match(name)
    if m:
        stem, tail = m.group(1), m.group(2)
        forms.update({stem + tail[-1], stem + tail})
    if alias and name.endswith(("自治州", "自治县", "自治旗")):
        forms.update({alias + name[-1], alias + name[-3:]})
    if level == EntityType.PREFECTURE and name.endswith("地区") and alias:
        forms.add(alias)
    if name.endswith("特别行政区") and alias:
        forms.add(alias + "特区")  # 香港特区行政长官: the common short form of 香港特别行政区
    return sorted(f for f in forms if f != name and len(f) >= 2)  # not a set's order: PYTHONHASHSEED


@cache
def load_gazetteer() -> Gazetteer:
    """Parse the data file once per process (about a second)."""
    with built_to_last():
        return _parse_gazetteer()


def _parse_gazetteer() -> Gazetteer:
    villages: dict[str, list[str]] = defaultdict(list)
    regions = _Regions(villages)
    by_name: dict[str, list[str]] = defaultdict(list)
    province = prefecture = county = township = None

    def add(key: str, name: str, level: EntityType, code: str | None, parent: str | None,
            alias: str | None = None) -> None:
        if key in regions:
            key = f"{parent}/{name}"
        aliases = tuple(_short_forms(name, alias, level))
        regions[key] = Region(key, name, level, code, parent, aliases)
        by_name[name].append(key)
        for a in aliases:
            by_name[a].append(key)

    with jionlp_data().open(encoding="utf-8") as f:
        for line in f:
            depth = len(line) - len(line.lstrip("\t"))
            parts = line.strip().split("\t")
            if not parts[0]:
                continue
            if depth == 0 and len(parts) == 3:
                province = county = township = None
                name, code, alias = parts
                province = code
                prefecture = None
                add(code, name, EntityType.PROVINCE, code, None, alias)
            elif depth == 1 and len(parts) == 3 and province:
                name, code, alias = parts
                if code == province or name.startswith("省直辖") or name == regions[province].name:
                    prefecture = province
                else:
                    prefecture = code
                    add(code, name, EntityType.PREFECTURE, code, province, alias.split("/")[0])
            elif depth == 2 and len(parts) == 3 and prefecture:
                name, code, alias = parts
                if name.endswith(_ZONE_SUFFIXES) or (len(name) == 2 and name.endswith("区")):
                    county = None  # a development zone or 城区/矿区: not a named division
                    continue
                if name.endswith("直辖行政区划"):
                    county = prefecture  # 东莞市's towns lie in the city itself (it has no counties)
                    continue
                county = code if code not in regions else f"{prefecture}/{name}"
                add(county, name, EntityType.COUNTY, code, prefecture, alias)
            elif depth == 3 and county:
                name = parts[0]
                county_name = regions[county].name
                if name.startswith(county_name) and len(name) - len(county_name) >= 3:
                    name = name[len(county_name):]  # 当阳市两河镇: the table writes some with their county
                township = None
                if name.endswith(TOWNSHIP_SUFFIXES):
                    township = f"{county}/{name}"
                    if township not in regions:
                        stem = name[:-1] if name.endswith(("镇", "乡")) else None
                        # 经济开发区镇's stem is the common noun 经济开发区: no short form
                        add(township, name, EntityType.TOWNSHIP, None, county,
                            stem if stem and len(stem) >= 2 and not stem.endswith(_ZONE_SUFFIXES + ("区",))
                            else None)
            elif depth == 4 and township:
                name = parts[0]
                if name.endswith(VILLAGE_SUFFIXES) and len(name) >= 3:
                    villages[name].append(f"{township}/{name}")
    _add_former_county_names(regions, by_name)
    max_len = max(len(n) for n in by_name)
    regions._villages = dict(villages)
    return Gazetteer(regions, dict(by_name), regions._villages, max_len)


def _add_former_county_names(regions: dict[str, Region], by_name: dict[str, list[str]]) -> None:
    """龙南县 for 龙南市, 梅县 for 梅县区: a county that became a county-level city or a
    district is still written by its former name (older pages, names of companies registered
    before). Indexed when no region carries that name and it means one region only."""
    from dataclasses import replace

    former: dict[str, list[str]] = defaultdict(list)
    for key, r in regions.items():
        if r.type is not EntityType.COUNTY or not r.name.endswith(("市", "区")) or r.name.endswith("自治区"):
            continue
        stems = {r.name[:-1]} | {a for a in r.aliases if len(a) >= 2 and not a.endswith(("市", "区"))}
        for stem in stems:
            if len(stem) >= 2:
                former[stem if stem.endswith("县") else stem + "县"].append(key)
    for name, keys in former.items():
        if name in by_name or len(keys) != 1:
            continue
        key = keys[0]
        by_name[name] = [key]
        regions[key] = replace(regions[key], aliases=(*regions[key].aliases, name))
