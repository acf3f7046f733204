"""The answers the service keeps in memory (api.visits_table.Facts: every event, its labels,
stats and first report) are the store's own SPARQL answers: ``/visits`` row for row, and every
entity page fact for fact and byte for byte, on the seeds ingested into a real store and read
through the service's real query workers."""

from __future__ import annotations

import datetime as dt

import pytest

COLUMNS = ("visit", "person", "personLabel", "place", "placeLabel", "date", "confidence", "reports",
           "doc", "source", "extractor", "evidence")


@pytest.fixture(scope="module")
def kept(seed_store_path):
    from api.visits_table import build_table
    from kg.store.open import open_runner

    pool, reader = open_runner(seed_store_path, read_only=True, workers=1, timeout=60)
    try:
        yield reader, build_table(pool)
    finally:
        pool.close()


@pytest.mark.parametrize("asked", [
    {}, {"person": "庄悦群"}, {"place": "茂名市"}, {"place": "广东省"}, {"place": "电白区"},
    {"min_confidence": 0.8}, {"since": dt.date(2026, 4, 9)}, {"until": dt.date(2026, 4, 8)},
    {"person": "庄悦群", "place": "茂名市", "since": dt.date(2026, 4, 1)}, {"person": "无此人"}])
def test_visits_from_memory_are_the_sparql_rows(kept, asked):
    from kg.queries import select_visits

    reader, table = kept
    for limit in (1, 3, 1000):
        sparql = select_visits(reader.select, limit=limit, **asked)
        memory = table.facts.visit_rows(table.resolve(asked.get("person")), table.resolve(asked.get("place")),
                                        asked.get("since"), asked.get("until"), limit,
                                        asked.get("min_confidence"))
        assert [[r[c] for c in COLUMNS] for r in memory] == [[r[c] for c in COLUMNS] for r in sparql]
    if not asked:
        assert len(sparql) > 10  # the seeds have visits to compare


def test_entity_pages_from_memory_are_the_sparql_pages(kept):
    from api import entity_page
    from kg.vocab import sparql_prefixes

    reader, table = kept
    people = reader.select(sparql_prefixes() + """SELECT DISTINCT ?e WHERE {
        { ?v kgo:agent ?e } UNION { ?v kgo:participant ?e } } ORDER BY ?e""")
    places = reader.select(sparql_prefixes() + "SELECT DISTINCT ?e WHERE { ?v kgo:inRegion ?e } ORDER BY ?e")
    chosen = [r["e"] for r in people[:12] + places[:8]]
    assert len(chosen) >= 10
    shown = 0
    for iri in chosen:
        asked, kept_facts = entity_page.gather(reader, iri), entity_page.gather(reader, iri, index=table.facts)
        for key in asked:
            if key != "with":
                assert kept_facts[key] == asked[key], (iri, key)
        # "with" (the counterparts of the listed events) is kept for those events only
        listed = {e["ev"] for e in asked["events"]}
        def pick(rows):
            return sorted((w["ev"], w["role"], w["with"], w["withLabel"]) for w in rows if w["ev"] in listed)

        assert pick(kept_facts["with"]) == pick(asked["with"]), iri
        entity = {"id": "x", "iri": iri, "labels": ["x"], "aliases": [], "types": ["Official"]}
        assert entity_page.render(entity, kept_facts, lang="zh") == entity_page.render(entity, asked, lang="zh")
        shown += bool(asked["events"] or asked["visitors"])
    assert shown >= 5


def test_an_entity_page_lists_its_latest_events_and_maps_and_counts_every_visit(kept):
    """An official with thousands of events: the page lists the latest ones (from memory and
    from SPARQL alike), counts every one and maps every visit; ?days=all lists them all."""
    from api import entity_page
    from kg.vocab import sparql_prefixes

    reader, table = kept
    busiest = reader.select(sparql_prefixes() + """SELECT ?e (COUNT(DISTINCT ?v) AS ?n) WHERE {
        ?v a kgo:Visit ; kgo:agent ?e } GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1""")[0]["e"]
    for index in (None, table.facts):
        every = entity_page.gather(reader, busiest, limit=None, index=index)
        latest = entity_page.gather(reader, busiest, limit=3, index=index)
        assert len(every["events"]) > 3
        assert latest["events"] == every["events"][-3:]
        assert latest["counts"] == every["counts"] and sum(every["counts"].values()) == len(every["events"])
        assert latest["regions"] == every["regions"] and every["regions"]
        assert {w["ev"] for w in latest["with"]} <= {e["ev"] for e in latest["events"]}
        entity = {"id": "x", "iri": busiest, "labels": ["x"], "aliases": [], "types": ["Official"]}
        page = entity_page.render(entity, latest, lang="zh")
        assert f"最近的 3 项活动（共 {len(every['events'])} 项）" in page and 'href="?days=all"' in page
        assert "最近的" not in entity_page.render(entity, every, lang="zh")
