"""A deterministic generator of newspaper pages in the genre zhkg reads.

Pages are composed from sentence templates of the kind the seeds and CLUENER hold
(datelines, titled officials visiting counties and companies, meetings, signings,
plain policy prose), filled with regions from the GB/T 2260 data, invented names
and invented companies. ``generate(chars, seed)`` yields (name, text) pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from kg.extract.lexicon import SURNAMES
from kg.extract.model import EntityType
from kg.extract.regions import load_gazetteer

GIVEN = "志伟建华明军丽敏静强磊洋艳勇杰娟涛超秀霞平刚桂英华玉兰芳燕红斌波宇浩凯健俊帆鹏辉"
TRADES = ["新材料科技", "电子信息", "农业发展", "生物医药", "智能制造", "新能源", "物流", "文化旅游"]
PROSE = [
    "会议强调，要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
    "要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。",
    "当地持续优化营商环境，推动产业转型升级，不断增强人民群众的获得感幸福感安全感。",
    "近年来，各地聚焦主责主业，扎实推进乡村振兴，努力为人民出政绩、以实干出政绩。",
]


class _Pick:
    def __init__(self, rng: random.Random) -> None:
        gaz = load_gazetteer()
        self.rng = rng
        self.counties = [r for r in gaz.regions.values() if r.type is EntityType.COUNTY]
        self.gaz = gaz

    def name(self) -> str:
        return self.rng.choice(sorted(SURNAMES)[:120]) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    def county(self):
        county = self.rng.choice(self.counties)
        prefecture = self.gaz.regions[county.parent] if county.parent else county
        return county, prefecture

    def company(self, place: str) -> str:
        return place[:2] + self.rng.choice("恒泰华鑫瑞丰宏达盛源") + self.rng.choice("科创远兴通") + \
            self.rng.choice(TRADES) + "有限公司"


def _page(pick: _Pick, rng: random.Random, year: int) -> str:
    county, prefecture = pick.county()
    pref = prefecture.name
    paper = (prefecture.aliases[0] if prefecture.aliases else pref[:2]) + "日报"
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    secretary, mayor, boss = pick.name(), pick.name(), pick.name()
    company = pick.company(county.name)
    project = county.name[:2] + rng.choice(["年产10万吨", "智慧", "绿色"]) + rng.choice(TRADES) + "项目"
    lines = [paper, f"{year}年{month}月{day}日", "",
             f"{secretary}到{county.name}调研",
             f"本报讯 {month}月{day}日上午，{pref[:-1] if pref.endswith('市') else pref}市委书记{secretary}"
             f"到{county.name}调研产业发展工作。{secretary}来到{company}，了解企业生产经营情况。",
             f"在{project}现场，{secretary}详细询问项目建设进度。市领导{pick.name()}参加调研。",
             f"{month}月{day}日，市长{mayor}会见{company}董事长{boss}一行。",
             f"{company}与{county.name}签约{project}，总投资{rng.randint(2, 90)}亿元。",
             *rng.sample(PROSE, 3)]
    return "\n\n".join(lines) + "\n"


def generate(chars: int, seed: int = 7, year: int = 2026) -> Iterator[tuple[str, str]]:
    """Pages until ``chars`` characters have been produced; the same seed gives the same pages."""
    rng = random.Random(seed)
    pick = _Pick(rng)
    total = i = 0
    while total < chars:
        text = _page(pick, rng, year)
        total += len(text)
        yield f"page_{i:06d}.txt", text
        i += 1
