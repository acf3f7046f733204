"""Extraction as a list of named stages, each reading a :class:`Page` and returning it with
what it found added (the model is spaCy's ``Language.__call__``).

    clean → annotate → home → mentions → posts → events → relations → facts → identity → confidence

A stage is a function ``Page -> Page``; :data:`STAGES` runs them in order, and an error
inside one is raised again as :class:`ExtractionError` naming the stage and the document.
To add a stage, write the function and put it in :data:`STAGES` after the stages whose
annotations it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.documents import Document
from kg.errors import ExtractionError
from kg.extract.annotate import Annotations, annotate
from kg.extract.clean import clean
from kg.extract.confidence import assess
from kg.extract.events import find_events
from kg.extract.home import Home, infer_home
from kg.extract.identity import official_keys, rekey
from kg.extract.mentions import Mentions, find_mentions
from kg.extract.lexicon import GENERIC_MODIFIERS, VILLAGE_KINDS, VILLAGE_SUFFIXES
from kg.extract.model import DocumentInfo, Entity, EntityType, Event, Facts, Post, Relation
from kg.extract.places import LEVEL_ORDER
from kg.extract.posts import find_posts, settle_officials
from kg.extract.regions import load_gazetteer
from kg.extract.relations import find_relations

__all__ = ["STAGES", "ExtractionError", "Page", "Stage", "home_region_of", "run"]


@dataclass(frozen=True)
class Page:
    """One document on its way through the stages: what each has added so far."""

    doc: Document
    region: str | None = None  # the region a caller says the page is about (--region)
    notes: Annotations | None = None
    home: Home | None = None
    info: DocumentInfo | None = None
    found: Mentions | None = None
    posts: tuple[Post, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    facts: Facts | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return self.doc.text


Stage = Callable[[Page], Page]


def clean_text(page: Page) -> Page:
    """The text every later offset, sentence and piece of evidence refers to (kg.extract.clean)."""
    return replace(page, doc=replace(page.doc, text=clean(page.doc.text)))


def annotate_text(page: Page) -> Page:
    """Sentences, words and gazetteer/lexicon hits, read once (kg.extract.annotate)."""
    from kg.extract.segment import remember_words

    notes = annotate(page.text)
    remember_words(page.text, notes.words)
    return replace(page, notes=notes)


def find_home(page: Page) -> Page:
    """The region the page is about: the caller's, the masthead's, else read from the page."""
    doc = page.doc
    key = home_region_of(doc.newspaper, page.region)
    home = (Home(key, 1.0, "caller" if page.region else "masthead") if key
            else infer_home(doc.text, _notes(page)))
    info = DocumentInfo(doc.doc_id, doc.source, _title(doc.text), doc.newspaper,
                        doc.issue_date, home.key, home.confidence, home.source)
    return replace(page, home=home, info=info)


def mentions(page: Page) -> Page:
    notes = _notes(page)
    return replace(page, found=find_mentions(page.text, list(notes.sentences), _home(page), notes=notes))


def posts(page: Page) -> Page:
    found = _found(page)
    held = find_posts(page.text, list(_notes(page).sentences), found, _home(page))
    settle_officials(found, held)
    return replace(page, posts=tuple(held))


def events(page: Page) -> Page:
    found = _found(page)
    title_spans = [(t[0], t[1]) for p in found.people for t in p.titles]
    return replace(page, events=tuple(find_events(page.text, list(_notes(page).sentences), found,
                                                  page.doc.year, title_spans, page.doc.issue_date)))


def arrivals(page: Page) -> Page:
    """Guests a host welcomes (对X一行的到来表示欢迎) visit the host's region (kg.extract.arrivals)."""
    from kg.extract.arrivals import find_arrivals

    home = page.home
    sure = home.key if home is not None and home.confidence >= 0.5 else None
    found = _found(page)
    return replace(page, events=page.events + tuple(find_arrivals(
        list(_notes(page).sentences), found, list(page.events), list(page.posts), sure)))


def relations(page: Page) -> Page:
    # where things are: only a home the page states or makes plain (a weak guess of a county
    # would place a city paper's companies in it)
    home = page.home
    sure = home.key if home is not None and home.confidence >= 0.5 else None
    return replace(page, relations=tuple(find_relations(list(_notes(page).sentences), _found(page),
                                                        list(page.events), sure, page.posts)))


def facts(page: Page) -> Page:
    """The page's facts, with the regions its posts, relations and events name."""
    found = _found(page)
    referenced = [p.jurisdiction for p in page.posts] + [r.object for r in page.relations]
    referenced += [k for e in page.events for k in e.places]
    _add_referenced_regions(found.entities, referenced)
    _type_villages(found)
    assert page.info is not None, "the home stage sets info"
    out = Facts(info=page.info, sentences=[s.text for s in _notes(page).sentences],
                entities=found.entities, mentions=found.mentions, posts=list(page.posts),
                events=list(page.events), relations=list(page.relations), text=page.text)
    return replace(page, facts=out)


def identity(page: Page) -> Page:
    """One key per official across pages (kg.extract.identity)."""
    assert page.facts is not None, "the facts stage sets facts"
    return replace(page, facts=rekey(page.facts, official_keys(page.facts)))


def confidence(page: Page) -> Page:
    """How sure each rule is, and the extractor's version (kg.extract.confidence)."""
    assert page.facts is not None, "the facts stage sets facts"
    return replace(page, facts=assess(page.facts))


STAGES: list[tuple[str, Stage]] = [
    ("clean", clean_text),
    ("annotate", annotate_text),
    ("home", find_home),
    ("mentions", mentions),
    ("posts", posts),
    ("events", events),
    ("relations", relations),
    ("arrivals", arrivals),  # after relations: a guest's arrival places none of its companies
    ("facts", facts),
    ("identity", identity),
    ("confidence", confidence),
]


def run(page: Page, stages: list[tuple[str, Stage]] | None = None) -> Page:
    """``page`` through every stage in order; a stage's error comes back as ExtractionError."""
    for name, stage in STAGES if stages is None else stages:
        try:
            page = stage(page)
        except ExtractionError:
            raise
        except Exception as exc:  # any stage's failure, told with the stage's name
            raise ExtractionError(name, page.doc.doc_id, exc) from exc
    return page


def home_region_of(newspaper: str | None, region_name: str | None = None) -> str | None:
    """The region a paper is about: 茂名日报 → 茂名市 (440900), or the region a caller names."""
    name = region_name or newspaper
    if not name:
        return None
    gaz = load_gazetteer()
    for length in range(min(len(name), gaz.max_len), 1, -1):
        candidates = gaz.candidates(name[:length])
        if candidates:
            return min(candidates, key=lambda r: LEVEL_ORDER[r.type]).key
    return None


def _notes(page: Page) -> Annotations:
    assert page.notes is not None, "the annotate stage sets notes"
    return page.notes


def _found(page: Page) -> Mentions:
    assert page.found is not None, "the mentions stage sets found"
    return page.found


def _home(page: Page) -> str | None:
    return page.home.key if page.home is not None else None


def _add_referenced_regions(entities: dict[str, Entity], keys: list[str | None]) -> None:
    """A post may govern a region the page never names (市长 in 云浮日报): add it."""
    gaz = load_gazetteer()
    for key in keys:
        if key and key not in entities and key.startswith("region/"):
            region = gaz.regions[key.removeprefix("region/")]
            entities[key] = Entity(key, region.type, region.name, region=region)


def _type_villages(found: Mentions) -> None:
    """A site the rules named by its village head (西城镇联建村、团结村; 金滩镇卧虎岭村) that the
    gazetteer does not hold is a Village all the same: a short name that is one village's
    (no level word of a chain inside it, no kind of village: 美丽乡村, 示范村). Typed after the
    rules have read it as a site, so that where they locate it (its township) stays."""
    gaz = load_gazetteer()
    for key, entity in list(found.entities.items()):
        name = entity.label
        if entity.type is not EntityType.PLACE or entity.region is not None or not name.endswith(VILLAGE_SUFFIXES) \
                or len(name) > 7 or any(c in name[:-1] for c in "省市县区镇乡旗") or "街道" in name or any(c in name for c in "和与及、") \
                or name.endswith(VILLAGE_KINDS) or name.startswith(GENERIC_MODIFIERS) \
                or any(a == 0 and b < len(name) and any(LEVEL_ORDER[gaz.regions[k].type] <= LEVEL_ORDER[EntityType.COUNTY]
                                                   for k in keys)
                       for a, b, _, keys in gaz.scan(name, villages=False)):  # 安吉余村: a county, its village
            continue
        found.retype(key, EntityType.VILLAGE)


def _title(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip(" #*")
        if len(line) >= 6:
            return line[:80]
    return None
