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
    """The event classes of ONTOLOGY.md (kgo:Visit …); each has one row in EVENT_KINDS."""

    VISIT = "Visit"
    MEETING = "Meeting"
    SIGNING = "Signing"
    CONFERENCE = "Conference"


class EventField(StrEnum):
    PLACES = "places"
    PARTICIPANTS = "participants"


@dataclass(frozen=True)
class EventKind:
    """Everything about one event type that is not its ontology terms.

    ``rule`` is the sentence rule that finds it, as ``module:function``: the function takes
    (sentence, its mentions, its day, :class:`SentenceContext`) and returns
    (events, whether later rules may still read the sentence); empty for visits, which the
    tour logic of kg.extract.events follows across sentences. ``confidence`` is the base
    confidence of one report (kg.extract.confidence). The rest is how kg.rdf writes it:
    ``one_per`` makes one event per place (a tour's stops) or per participant (a meeting's
    guests); ``ignores`` is a field that does not tell two events apart (a visit's companions);
    ``agent_to_place`` links the agent to each place (kgo:visited, with kgo:visitedIn and the
    event's kgo:inRegion at every level); ``mutual`` links agent and each participant both ways
    (kgo:met)."""

    type: EventType
    rule: str
    confidence: float
    one_per: EventField | None = None
    ignores: EventField | None = None
    agent_to_place: str | None = None
    mutual: str | None = None


@dataclass(frozen=True)
class SentenceContext:
    """What a sentence rule may need beyond its sentence: the page's title spans (offsets of
    the titles its people hold), the day the page is from and the tour stops the page lists."""

    title_spans: tuple[tuple[int, int], ...] = ()
    page_day: dt.date | None = None
    stops: frozenset[tuple[int, int]] = frozenset()


# One row per event type. A new type: its EventType member, its row here, its rule module
# and its class in ontology/zhkg.ttl (+ a shape in ontology/shapes.ttl).
EVENT_KINDS: dict[EventType, EventKind] = {k.type: k for k in (
    EventKind(EventType.MEETING, "kg.extract.events:find_meetings", 0.75,
              one_per=EventField.PARTICIPANTS, ignores=EventField.PLACES, mutual="met"),
    EventKind(EventType.SIGNING, "kg.extract.signings:find_signing", 0.60),
    EventKind(EventType.CONFERENCE, "kg.extract.conferences:find_conference", 0.55),
    EventKind(EventType.VISIT, "", 0.70, one_per=EventField.PLACES, ignores=EventField.PARTICIPANTS,
              agent_to_place="visited"),
)}


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


@dataclass(frozen=True)
class Entity:
    """One thing the document talks about, with every name it used for it (``aliases`` is
    filled while the page is read; the facts stage hands it on as it is)."""

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


@dataclass(frozen=True)
class Facts:
    """Everything extracted from one document (``dataclasses.replace`` makes a changed copy)."""

    info: DocumentInfo
    sentences: list[str]
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    extractor: str = ""  # the extractor's version (kg.extract.confidence.extractor_version)
    text: str = ""  # the cleaned text every offset and sentence refers to (kept on the document)
