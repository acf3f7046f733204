"""The embedded store's write path: a page's graph and the per-region visit counts change
together, and the materialised region closure answers what the property path answers."""

from __future__ import annotations

from kg.documents import load
from kg.ingest import document_quads
from kg.rdf import doc_iri
from kg.store import open_store
from kg.store.graph_update import STATS_GRAPH

PAGE_ONE = "4月8日，市委书记王建国到高州市根子镇调研荔枝产业。"
PAGE_TWO = PAGE_ONE + "4月9日，王建国到化州市调研。4月10日，市长李明到高州市检查防汛工作。"


def counts(store) -> dict[str, int]:
    rows = store.select(f"""SELECT ?label ?n WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?r kgo:visitCount ?n }}
                            ?r rdfs:label ?label }}""")
    return {r["label"]: int(r["n"]) for r in rows}


def write(store, text: str) -> None:
    doc = load(text.encode(), "page.txt", "page", newspaper="茂名日报")
    store.replace_graph(doc_iri("page").value, document_quads(doc))


def test_visit_counts_follow_ingest_reingest_and_removal(tmp_path):
    store = open_store(tmp_path / "kg")
    write(store, PAGE_ONE)  # one visit, two stops (高州市, its 根子镇): two visits in 高州市
    assert counts(store)["高州市"] == 2 and counts(store)["茂名市"] == 2
    write(store, PAGE_ONE)  # the same page again: replaced, not added
    assert counts(store)["高州市"] == 2
    write(store, PAGE_TWO)  # a corrected page: its old visits leave, its new ones count
    assert counts(store)["高州市"] == 3 and counts(store)["化州市"] == 1 and counts(store)["茂名市"] == 4
    store.remove_graph(doc_iri("page").value)
    assert store.select(f"SELECT ?n WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?r ?p ?n }} }}") == []
    assert store.graphs() == [] and len(store) == 0  # nothing of the page is left


def test_in_region_closure_answers_like_the_locatedin_path(seed_store):
    closure = {r["who"] for r in seed_store.select("""SELECT DISTINCT ?who WHERE {
        ?who kgo:visited ?x . ?x kgo:inRegion ?p . ?p rdfs:label "广东省"@zh }""")}
    path = {r["who"] for r in seed_store.select("""SELECT DISTINCT ?who WHERE {
        ?who kgo:visited ?x . ?x (kgo:locatedIn|kgo:parentRegion)* ?p . ?p rdfs:label "广东省"@zh }""")}
    assert closure == path and len(closure) >= 2


def test_stored_counts_equal_counting_the_visits(seed_store):
    stored = {r["r"]: int(r["n"]) for r in seed_store.select(
        f"SELECT ?r ?n WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?r kgo:visitCount ?n }} }}")}
    counted = {r["r"]: int(r["n"]) for r in seed_store.select("""SELECT ?r (COUNT(DISTINCT ?v) AS ?n) WHERE {
        ?v a kgo:Visit ; kgo:place ?x . ?x kgo:inRegion ?r } GROUP BY ?r""")}
    assert stored == counted and max(stored.values()) >= 5
