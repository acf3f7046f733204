"""Accuracy audit: compare the store with gold annotations (gold/GUIDELINES.md format).

Asks the store the questions of ONTOLOGY.md and reports precision, recall and F1 per
question, plus the missed and spurious facts. Names match when a label or alias
equals a gold name or alias after NFKC, white-space removal and t2s conversion.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.documents import to_simplified
from kg.errors import GoldError
from kg.vocab import sparql_prefixes

ENTITY_CLASSES = ["Person", "Official", "Organization", "GovernmentBody", "Company", "Institution",
                  "Place", "AdminRegion", "Province", "Prefecture", "County", "Township", "Village",
                  "Park", "Project"]
REGION_CLASSES = {"AdminRegion", "Province", "Prefecture", "County", "Township", "Village"}


def norm(text: str) -> str:
    return to_simplified("".join(unicodedata.normalize("NFKC", str(text)).split()))


@dataclass
class Report:
    scores: dict[str, dict] = field(default_factory=dict)
    missed: dict[str, list] = field(default_factory=dict)
    spurious: dict[str, list] = field(default_factory=dict)


def load_gold(path: Path) -> list[dict]:
    try:
        docs = json.loads(path.read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldError(f"{path}: not a gold file with a 'documents' list ({exc})") from exc
    return docs


def _prf(system: set, gold: set) -> dict:
    tp = len(system & gold)
    p = tp / len(system) if system else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "system": len(system), "gold": len(gold)}


# The name fields of each gold section: a name a fact uses that no gold entity lists (a parent
# region or a jurisdiction the page implies) is keyed "?name" on both sides, as score.py does.
_FACT_NAME_FIELDS = {"posts": ["person", "jurisdiction", "org"], "visits": ["agent", "place"],
                     "meetings": ["agent", "participant"], "investments": ["investor", "project"],
                     "located_in": ["entity", "place"], "regions": ["name", "parent"]}


class _Names:
    """Graph nodes and gold names on shared keys, exactly as ``shared/eval/score.py`` keys them:
    the gold canonical name (folded to simplified) when a label matches a gold name or alias,
    else ``?label``."""

    def __init__(self, store, docs: list[dict]) -> None:
        self.alias: dict[str, str] = {}
        for d in docs:
            for e in d.get("entities", []):
                for n in [e["name"], *e.get("aliases", [])]:
                    self.alias.setdefault(norm(n), norm(e["name"]))
        self.unlisted = {norm(r[f]) for d in docs for section, fields in _FACT_NAME_FIELDS.items()
                         for r in d.get(section, []) for f in fields
                         if r.get(f) and norm(r[f]) not in self.alias}
        self.labels: dict[str, set[str]] = defaultdict(set)
        for row in _select(store, "SELECT ?s ?l WHERE { ?s rdfs:label|skos:prefLabel|skos:altLabel ?l }"):
            self.labels[row[0]].add(norm(row[1]))

    def key(self, node: str) -> str:
        names = self.labels.get(node, set())
        for n in sorted(names):
            if n in self.alias:
                return self.alias[n]
        for n in sorted(names):
            if n in self.unlisted:
                return "?" + n
        return "?" + (min(names) if names else node)

    def gold(self, name: str) -> str:
        n = norm(name)
        return self.alias.get(n, "?" + n)


def _select(store, body: str) -> list[list[str]]:
    return [[v or "" for v in row.values()] for row in store.select(sparql_prefixes() + body)]


def evaluate_store(store, gold_path: Path) -> Report:
    docs = load_gold(gold_path)
    names = _Names(store, docs)
    K, G = names.key, names.gold
    report = Report()

    def put(q: str, system: set, gold: set) -> None:
        report.scores[q] = _prf(system, gold)
        report.missed[q] = sorted(gold - system)
        report.spurious[q] = sorted(system - gold)

    gold_entities = {G(e["name"]): e["type"] for d in docs for e in d.get("entities", [])}
    sys_entities: dict[str, set[str]] = defaultdict(set)
    for node, cls in _select(store, "SELECT ?s ?c WHERE { ?s a ?c }"):
        short = cls.rsplit("#", 1)[-1]
        if cls.startswith("https://w3id.org/zhkg/ontology#") and short in ENTITY_CLASSES:
            sys_entities[K(node)].add(short)
    put("entities", set(sys_entities), set(gold_entities))
    put("entity types", {(k, c) for k, cs in sys_entities.items() for c in cs},
        set(gold_entities.items()))

    def pairs(body: str) -> set:
        return {tuple(K(x) for x in row) for row in _select(store, body)}

    def gold_pairs(section: str, *fields: str) -> set:
        return {tuple(G(r[f]) for f in fields) for d in docs for r in d.get(section, [])
                if all(r.get(f) for f in fields)}

    put("visits", pairs("SELECT ?p ?x WHERE { ?p kgo:visited ?x }"), gold_pairs("visits", "agent", "place"))
    dated = {(K(p), K(x), d[:10]) for p, x, d in _select(
        store, "SELECT ?p ?x ?d WHERE { ?v a kgo:Visit ; kgo:agent ?p ; kgo:place ?x ; kgo:date ?d }")}
    gold_dated = {(G(r["agent"]), G(r["place"]), r["date"]) for d in docs
                  for r in d.get("visits", []) if r.get("date")}
    put("visit dates", {t for t in dated if t[:2] in {x[:2] for x in gold_dated}}, gold_dated)
    met = pairs("SELECT ?a ?b WHERE { ?a kgo:met ?b }")
    put("meetings", {tuple(sorted(t)) for t in met},
        {tuple(sorted(t)) for t in gold_pairs("meetings", "agent", "participant")})
    put("investments", pairs("SELECT ?c ?p WHERE { ?c kgo:investsIn ?p }"),
        gold_pairs("investments", "investor", "project"))
    posts = {(K(p), norm(t)) for p, t in _select(
        store, "SELECT ?p ?t WHERE { ?p kgo:holdsPost ?post . ?post kgo:title ?t }")}
    put("posts", posts, {(G(r["person"]), norm(r["title"])) for d in docs for r in d.get("posts", [])})
    jur = {(K(p), norm(t), K(r)) for p, t, r in _select(store, """SELECT ?p ?t ?r WHERE {
        ?p kgo:holdsPost ?post . ?post kgo:title ?t ; kgo:jurisdiction ?r }""")}
    gold_jur = {(G(r["person"]), norm(r["title"]), G(r["jurisdiction"])) for d in docs
                for r in d.get("posts", []) if r.get("jurisdiction")}
    put("post jurisdictions", {t for t in jur if t[:2] in {x[:2] for x in gold_jur}}, gold_jur)
    _locations(store, docs, K, G, pairs, gold_pairs, put)
    # A section marked "partial" in the gold cannot judge precision: F1 is recall there.
    partial = {sec for d in docs for sec in d.get("partial", [])}
    for sec, questions in {"entities": ["entities", "entity types"],
                           "located_in": ["located in"]}.items():
        if sec in partial:
            for q in questions:
                report.scores[q].update(precision=None, f1=report.scores[q]["recall"], partial=True)
    return report


def _locations(store, docs, K, G, pairs, gold_pairs, put) -> None:
    parent = {G(r["name"]): G(r["parent"]) for d in docs for r in d.get("regions", []) if r.get("parent")}

    def ancestors(place: str) -> set:
        seen = {place}
        while place in parent and parent[place] not in seen:
            place = parent[place]
            seen.add(place)
        return seen

    regions = {K(row[0]) for row in _select(store, "SELECT ?s WHERE { ?s a ?c . VALUES ?c { "
                                            + " ".join(f"kgo:{c}" for c in REGION_CLASSES) + " } }")}
    located = pairs("SELECT ?e ?p WHERE { ?e kgo:locatedIn ?p }")
    gold_loc = gold_pairs("located_in", "entity", "place")
    sys_loc = {t for t in located if t[0] not in regions}
    lenient = {t for t in sys_loc
               if not any(t[0] == e and t[1] in ancestors(p) - {p} for e, p in gold_loc)}
    put("located in", lenient, gold_loc)
    put("region parents", {t for t in located if t[0] in regions}, gold_pairs("regions", "name", "parent"))


def format_report(report: Report, show: int = 10) -> str:
    lines = [f"{'question':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'sys':>6}{'gold':>6}"]
    for q, m in report.scores.items():
        p = "    n/a" if m["precision"] is None else f"{m['precision']:>7.3f}"
        lines.append(f"{q:<20}{p}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                     f"{m['tp']:>6}{m['system']:>6}{m['gold']:>6}")
    if show:
        for q in report.scores:
            for kind, items in (("missed", report.missed[q]), ("spurious", report.spurious[q])):
                for item in items[:show]:
                    lines.append(f"  {q} {kind}: {' | '.join(map(str, item if isinstance(item, tuple) else (item,)))}")
    return "\n".join(lines)
