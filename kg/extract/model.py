"""Plain, frozen records that extraction produces; no RDF here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """The entity classes of ONTOLOGY.md (without the kgo: prefix)."""

    PERSON = "Person"
    OFFICIAL = "Official"
    ORGANIZATION = "Organization"
    GOVERNMENT_BODY = "GovernmentBody"
    COMPANY = "Company"
    INSTITUTION = "Institution"
    PLACE = "Place"
    PROVINCE = "Province"
    PREFECTURE = "Prefecture"
    COUNTY = "County"
    TOWNSHIP = "Township"
    VILLAGE = "Village"
    PARK = "Park"
    PROJECT = "Project"


REGION_TYPES = frozenset(
    {EntityType.PROVINCE, EntityType.PREFECTURE, EntityType.COUNTY,
     EntityType.TOWNSHIP, EntityType.VILLAGE}
)
PERSON_TYPES = frozenset({EntityType.PERSON, EntityType.OFFICIAL})
ORG_TYPES = frozenset(
    {EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.COMPANY,
     EntityType.INSTITUTION}
)


class EventType(StrEnum):
    VISIT = "Visit"
    MEETING = "Meeting"
    SIGNING = "Signing"
    CONFERENCE = "Conference"


@dataclass(frozen=True)
class Region:
    """An administrative division from the GB/T 2260 data.

    ``key`` is stable: the 6-digit code for provinces, prefectures and
    counties; ``<county code>/<name>`` below that, where the data has no code.
    """

    key: str
    name: str
    type: EntityType
    code: str | None
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of the document text that names an entity (end exclusive)."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str


@dataclass
class Entity:
    """One thing the document talks about, with every name it used for it."""

    key: str
    type: EntityType
    label: str
    aliases: set[str] = field(default_factory=set)
    region: Region | None = None


@dataclass(frozen=True)
class Post:
    """``person`` holds ``title`` (as written, proper place name taken off)."""

    person: str
    title: str
    jurisdiction: str | None
    org: str | None
    sentence: int
    confidence: float = 0.5  # set by kg.extract.confidence: how sure the rule is (0–1)


@dataclass(frozen=True)
class Event:
    type: EventType
    agent: str | None  # a signing may name only the parties
    places: tuple[str, ...]
    participants: tuple[str, ...]
    date: dt.date | None
    sentence: int
    confidence: float = 0.5  # set by kg.extract.confidence: how sure the rule is (0–1)


@dataclass(frozen=True)
class Relation:
    """A binary fact between two entities: locatedIn or investsIn."""

    subject: str
    predicate: str
    object: str
    sentence: int


@dataclass(frozen=True)
class DocumentInfo:
    """What we know about a document before reading its content, and the region it is about:
    ``home_source`` says where that came from (caller, masthead, or read from the page) and
    ``home_confidence`` how sure it is (1.0 when a caller or masthead names it)."""

    doc_id: str
    source: str
    title: str | None
    newspaper: str | None
    issue_date: dt.date | None
    home_region: str | None
    home_confidence: float = 0.0
    home_source: str = "none"


@dataclass
class Facts:
    """Everything extracted from one document."""

    info: DocumentInfo
    sentences: list[str]
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    extractor: str = ""  # the extractor's version (kg.extract.confidence.extractor_version)
    text: str = ""  # the cleaned text every offset and sentence refers to (kept on the document)
