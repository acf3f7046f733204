"""Who is who across pages: an official's node is named by name and province.

马汉成 in 贵州日报 on two days is one node (same name, same province); two officials
who share a name but govern in different provinces stay two. The province comes from
the regions the person's posts govern, else, for an official or a visitor, from the
paper's home region (for a visitor who holds no post on the page, only a home the page
states: a national story's home is where the visit went, not where the visitor is from —
习近平在广东考察 must not make a 习近平@440000 beside the 习近平 of every other story). An executive is keyed by name and company (总经理张伟 of two
companies is two people). People with neither (reporters) are keyed by name alone, and so
are holders of national posts (习近平 is one node in every province's paper).
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.model import EntityType, Event, Facts, Post, Relation
from kg.extract.regions import load_gazetteer


# Posts of the centre (总书记, 国家主席, 国务院总理 …): such a person is one node everywhere.
_NATIONAL = ("中央", "国家", "全国", "国务院", "中共中央")


def official_keys(facts: Facts) -> dict[str, str]:
    """Old person key → key qualified by province (person/马汉成 → person/马汉成@520000)."""
    gaz = load_gazetteer()
    province: dict[str, str] = {}
    for post in facts.posts:
        if post.jurisdiction and post.person not in province:
            hit = gaz.ancestor_of_type(post.jurisdiction.removeprefix("region/"), EntityType.PROVINCE)
            if hit:
                province[post.person] = hit
    home = facts.info.home_region
    home_province = gaz.ancestor_of_type(home, EntityType.PROVINCE) if home else None
    stated_home = facts.info.home_confidence >= 1.0  # a masthead or --region names it
    visitors = {e.agent for e in facts.events}
    national = {p.person for p in facts.posts if p.title.startswith(_NATIONAL) or p.title == "总书记"}
    company = {}
    for post in facts.posts:
        if post.org and post.org.startswith("org/") and post.person not in company:
            company[post.person] = post.org.removeprefix("org/")
    out = {}
    for key, entity in facts.entities.items():
        if entity.type not in (EntityType.OFFICIAL, EntityType.PERSON) or key in national:
            continue
        official_like = entity.type is EntityType.OFFICIAL or (key in visitors and stated_home)
        code = province.get(key) or (home_province if official_like else None)
        if key in company and entity.type is EntityType.PERSON and key not in province:
            out[key] = f"{key}@{company[key]}"  # a visiting executive is his company's
        elif code:
            out[key] = f"{key}@{code}"
        elif key in company:
            out[key] = f"{key}@{company[key]}"
    return out


def rekey(facts: Facts, mapping: dict[str, str]) -> Facts:
    """The same facts with entity keys renamed everywhere they occur."""
    if not mapping:
        return facts

    def k(key: str | None) -> str | None:
        return mapping.get(key, key) if key else key

    entities = {}
    for key, entity in facts.entities.items():
        renamed = replace(entity, key=k(key) or key)
        entities[renamed.key] = renamed
    return replace(
        facts, entities=entities,
        mentions=[replace(m, key=k(m.key)) for m in facts.mentions],
        posts=[Post(k(p.person) or p.person, p.title, p.jurisdiction, k(p.org), p.sentence)
               for p in facts.posts],
        events=[Event(e.type, k(e.agent) or e.agent, tuple(k(x) or x for x in e.places),
                      tuple(k(x) or x for x in e.participants), e.date, e.sentence)
                for e in facts.events],
        relations=[Relation(k(r.subject) or r.subject, r.predicate, k(r.object) or r.object,
                            r.sentence) for r in facts.relations])
