"""Entity search: an index in memory over the entities the store's facts graph describes.

Every entity with a label (people, places, organizations, projects, regions; not posts,
events or reports) is one :class:`Entry`, found by any part of any of its names:

- its label or an alias (``skos:altLabel``), simplified or traditional: the query is turned
  into simplified characters (OpenCC, as ingest does with pages) — 莊悦群 finds 庄悦群;
- anywhere in the name, not only at its start: 悦群 and 电白 find 庄悦群 and 电白区,
  茂名 finds 广东茂名滨海新区;
- its pinyin without tones (``zhuangyuequn``, ``yuequn``) or the initials of its syllables
  (``zyq``), from pypinyin, in its reading and in readings with one character read otherwise
  (曾 ceng or zeng, 单 dan or shan).

The best hits first: a whole name before a name that starts with the query, before one that
holds it; then the entities more documents name. What tells people apart comes with each hit:
the posts they were seen in, their region (a post's jurisdiction, else where the entity is),
and the number of documents that name them.

The index is built from five SELECTs over the union of the graphs (where each of these facts is
stored once, in ``kgr:graph/facts``; ``kgr:graph/support`` gives the documents) and kept by
:mod:`api.fresh`, rebuilt when the store changes; a search is then a few string scans
in memory, whatever the store's size.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kg.vocab import KGR, SUPPORT_GRAPH, sparql_prefixes

MAX_SCAN = 2000  # entities a substring scan collects (in order of documents) before ranking
_NOT_ENTITIES = ("Post", "Report", "Document", "Event", "Visit", "Meeting", "Signing", "Conference")
# The most specific class first: an Official is a Person, a County an AdminRegion.
PREFERRED = ["Official", "Person", "Village", "Township", "County", "Prefecture", "Province",
             "AdminRegion", "Park", "Project", "Company", "Institution", "GovernmentBody",
             "Organization", "Place"]
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Entry:
    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...]
    posts: tuple[str, ...]  # "市委书记（茂名市）", the most reported first
    region: str  # "茂名市 · 广东省"
    documents: int  # documents that name the entity

    @property
    def id(self) -> str:
        return self.iri[len(KGR):] if self.iri.startswith(KGR) else self.iri


@dataclass(frozen=True)
class Hit:
    entry: Entry
    matched: str  # the name (label or alias) the query was found in
    rank: int  # 0 whole name, 1 start of a name, 2 inside a name (pinyin the same, +3)


def simplified(text: str) -> str:
    from kg.documents import to_simplified

    return to_simplified(text).lower()


_PINYIN: dict[str, list[tuple[str, str]]] = {}  # name -> [(pinyin, initials)], kept across rebuilds
MAX_SPELLINGS = 6  # a name's readings indexed: pypinyin's, and others with one character read otherwise


def _spelled(syllables: list[str]) -> tuple[str, str]:
    """``[zhuang, yue, qun]`` -> ``("zhuangyuequn", "zyq")``; letters and digits kept as they are."""
    syllables = [s.lower() for s in syllables if s.strip()]
    return "".join(syllables), "".join(s[0] for s in syllables if s[0].isalnum())


def spellings_of(name: str) -> list[tuple[str, str]]:
    """pypinyin's reading of ``name`` first (it reads known words in context: 六安 lu'an), then
    the readings with one character read another way (曾庆红: ceng…, zeng…; 单县: dan…, shan…),
    since a surname or a place name is often read otherwise than the common word."""
    if name not in _PINYIN:
        from pypinyin import Style, lazy_pinyin, pinyin

        first = lazy_pinyin(name)
        out = [_spelled(first)]
        readings = pinyin(name, style=Style.NORMAL, heteronym=True)
        if len(readings) == len(first):
            for i, options in enumerate(readings):
                for other in options:
                    if other != first[i] and len(out) < MAX_SPELLINGS:
                        spelled = _spelled(first[:i] + [other] + first[i + 1:])
                        if spelled not in out:
                            out.append(spelled)
        _PINYIN[name] = out
    return _PINYIN[name]


class _Blob:
    """Names joined by newlines, with the entity each belongs to: a substring scan is str.find."""

    def __init__(self, keys: list[tuple[str, int, str]]) -> None:
        self.text = "\n".join(k for k, _, _ in keys) + "\n"
        self.starts: list[int] = []
        pos = 0
        for key, _, _ in keys:
            self.starts.append(pos)
            pos += len(key) + 1
        self.owners = [(entry, name) for _, entry, name in keys]

    def scan(self, needle: str, limit: int):
        """(entry index, name, offset of the needle in the key, the key's length) of the keys
        holding ``needle``, until ``limit`` entries are found."""
        from bisect import bisect_right

        found, seen, at = [], set(), self.text.find(needle)
        while at >= 0 and len(seen) < limit:
            k = bisect_right(self.starts, at) - 1
            entry, name = self.owners[k]
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            found.append((entry, name, at - self.starts[k], end - 1 - self.starts[k]))
            seen.add(entry)
            at = self.text.find(needle, end)
        return found


class SearchIndex:
    """Every entry's names as simplified text, pinyin and initials, in order of documents."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: (-e.documents, e.label, e.iri))
        names, spelled, initials = [], [], []
        for i, e in enumerate(self.entries):
            for name in dict.fromkeys((e.label, *e.aliases)):
                if "\n" in name or not name:
                    continue
                names.append((simplified(name), i, name))
                for full, first in spellings_of(name):
                    spelled.append((full, i, name))
                    initials.append((first, i, name))
        self.names, self.spelled, self.initials = _Blob(names), _Blob(spelled), _Blob(initials)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """The best ``limit`` entries for ``text`` (see the module's docstring)."""
        query = simplified(text.strip())
        if not query:
            return []
        best: dict[int, Hit] = {}

        def add(found, needle: str, extra: int) -> None:
            for i, name, offset, key_len in found:
                rank = extra + (0 if offset == 0 and key_len == len(needle) else 1 if offset == 0 else 2)
                if i not in best or rank < best[i].rank:
                    best[i] = Hit(self.entries[i], name, rank)

        add(self.names.scan(query, MAX_SCAN), query, 0)
        letters = re.sub(r"[\s'’·-]+", "", query)
        if _LETTERS.fullmatch(letters):
            add(self.spelled.scan(letters, MAX_SCAN), letters, 3)
            add(self.initials.scan(letters, MAX_SCAN), letters, 3)
        hits = sorted(best.items(), key=lambda kv: (kv[1].rank, kv[0]))  # kv[0]: order of documents
        return [h for _, h in hits[:limit]]


def _q(body: str) -> str:
    return sparql_prefixes() + body


_NAMES = _q("""SELECT ?e ?l ?t WHERE { { ?e rdfs:label ?l OPTIONAL { ?e a ?t } } }""")
_ALIASES = _q("""SELECT ?e ?a WHERE { { ?e skos:altLabel ?a } }""")
_POSTS = _q("""SELECT ?e ?title ?where ?n WHERE { { ?e kgo:holdsPost ?p . ?p kgo:title ?title
  OPTIONAL { ?p kgo:jurisdiction ?where } } OPTIONAL { ?p kgo:reportCount ?n } }""")
_PARENTS = _q("""SELECT ?e ?up WHERE { { ?e kgo:locatedIn ?up } }""")
_DOCUMENTS = _q("""SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {
  GRAPH <""" + SUPPORT_GRAPH + """> { ?st rdf:subject ?e ; rdf:predicate rdfs:label }
  ?d kgo:supports ?st } GROUP BY ?e""")


def build_index(runner) -> SearchIndex:
    """Read the entities of the store behind ``runner`` into a :class:`SearchIndex`."""
    from api.fresh import select_all

    labels: dict[str, str] = {}
    classes: dict[str, set[str]] = defaultdict(set)
    for r in select_all(runner, _NAMES):
        e = r["e"] or ""
        labels[e] = min(labels.get(e, r["l"] or ""), r["l"] or "") if e in labels else (r["l"] or "")
        if r["t"]:
            classes[e].add(r["t"].rsplit("#", 1)[-1])
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in select_all(runner, _ALIASES):
        aliases[r["e"] or ""].add(r["a"] or "")
    posts: dict[str, list[tuple[int, str, str | None]]] = defaultdict(list)
    for r in select_all(runner, _POSTS):
        posts[r["e"] or ""].append((int(float(r["n"] or 0)), r["title"] or "", r["where"]))
    parent = {r["e"] or "": r["up"] or "" for r in select_all(runner, _PARENTS)}
    documents = {r["e"] or "": int(r["n"] or 0) for r in select_all(runner, _DOCUMENTS)}
    entries = []
    for iri, label in labels.items():
        cls = _class_of(iri, classes.get(iri, set()))
        if cls is None:
            continue
        entries.append(Entry(iri, label, cls, tuple(sorted(aliases.get(iri, set()) - {label})),
                             _posts(posts.get(iri, []), labels), _region(iri, posts.get(iri, []), parent, labels),
                             documents.get(iri, 0)))
    return SearchIndex(entries)


def _class_of(iri: str, classes: set[str]) -> str | None:
    """The most specific class, AdminRegion for a region named only as another's parent, None
    for what is no entity (a post, an event, a report)."""
    if classes & set(_NOT_ENTITIES):
        return None
    if not classes:
        return "AdminRegion" if iri.startswith(KGR + "region/") else None
    return next((c for c in PREFERRED if c in classes), min(classes))


def _posts(held: list[tuple[int, str, str | None]], labels: dict[str, str]) -> tuple[str, ...]:
    ordered = sorted(held, key=lambda p: (-p[0], p[1], p[2] or ""))
    out = [title + (f"（{labels[where]}）" if where in labels else "") for _, title, where in ordered]
    return tuple(dict.fromkeys(out))


def _region(iri: str, held, parent: dict[str, str], labels: dict[str, str]) -> str:
    """A person's: the regions of the posts, else the region the key names (person/X@440000);
    anything else's: the places above it, nearest first (茂名市 · 广东省)."""
    if held:
        names = [labels[w] for _, _, w in sorted(held, key=lambda p: -p[0]) if w in labels]
        if names:
            return " · ".join(dict.fromkeys(names))
    if "@" in iri:
        code = iri.rsplit("@", 1)[1]
        return labels.get(KGR + "region/" + code, "")
    chain, node, seen = [], parent.get(iri), {iri}
    while node and node not in seen and len(chain) < 3:
        seen.add(node)
        if node in labels:
            chain.append(labels[node])
        node = parent.get(node)
    return " · ".join(chain)
