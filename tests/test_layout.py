"""Every fact once: the same entities and the same visit stated by 60 documents are stored once,
COUNT queries over the default graph count distinct facts, and removing and re-adding
documents keeps the shared facts, the support and the counts right — on the embedded store
and on two SPARQL servers (the Oxigraph server and Virtuoso) that the tests start here."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from pyoxigraph import NamedNode

from conftest import oxigraph_server, virtuoso_server
from kg.documents import load
from kg.ingest import document_quads, remove_documents
from kg.rdf import doc_iri
from kg.store import open_store
from kg.store.remote import RemoteStore
from kg.vocab import FACTS_GRAPH, KGO, KGR, RDF, STATS_GRAPH

DOCS = 60
VISIT = "4月8日，市委书记王建国到高州市根子镇调研荔枝产业。"
SECOND = "4月9日，王建国到化州市调研。"
MAYOR = "4月10日，市长李明到信宜市检查防汛工作。"


def text_of(i: int) -> str:
    """Every page states the same visit (every seventh twice, headline and body); every third
    adds a second visit, every fifth a visit by someone no other page names."""
    return (VISIT * (2 if i % 7 == 0 else 1) + (SECOND if i % 3 == 0 else "")
            + (MAYOR if i % 5 == 0 else ""))


@pytest.fixture(scope="module")
def corpus():
    """doc id → its quads, made by the real extraction."""
    out = {}
    for i in range(DOCS):
        doc_id = f"page-{i:02d}"
        doc = load(text_of(i).encode(), f"{doc_id}.txt", doc_id, newspaper="茂名日报",
                   issue_date=dt.date(2026, 4, 10) + dt.timedelta(days=i % 9))
        out[doc_id] = document_quads(doc)
    return out


@pytest.fixture(scope="module", params=["embedded", "oxigraph", "virtuoso"])
def make_store(request, tmp_path_factory):
    """A function returning an empty store of the given kind (a fresh server database each time
    for the servers is too slow: they are emptied instead)."""
    if request.param == "embedded":
        yield lambda: open_store(tmp_path_factory.mktemp("embedded") / "kg")
        return
    folder = tmp_path_factory.mktemp(request.param)
    server = oxigraph_server(folder) if request.param == "oxigraph" else virtuoso_server(folder)
    with server as base:
        url = base + "/query" if request.param == "oxigraph" else base

        def empty() -> RemoteStore:
            store = RemoteStore(url)
            for g in store.select(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                                  f'FILTER(STRSTARTS(STR(?g), "{KGR}")) }}'):
                store.update(f"DROP SILENT GRAPH <{g['g']}>")
            return store

        yield empty


def ingest(store, corpus, ids) -> None:
    for doc_id in ids:
        store.replace_graph(doc_iri(doc_id).value, corpus[doc_id])


def count(store, where: str) -> int:
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def shared_facts(corpus, ids) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for i in ids for q in corpus[i]
            if q.graph_name == NamedNode(FACTS_GRAPH)}


def stored_facts(store) -> set[tuple[str, str, str]]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}")
    return {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}


def expected_counts(facts: set[tuple[str, str, str]]) -> dict[str, int]:
    visits = {s for s, p, o in facts if p == f"<{RDF}type>" and o == f"<{KGO}Visit>"}
    return dict(Counter(o[1:-1] for s, p, o in facts if p == f"<{KGO}inRegion>" and s in visits))


def check(store, corpus, ids) -> None:
    """The store holds exactly the union of the documents' shared facts, each once."""
    facts = shared_facts(corpus, ids)
    assert stored_facts(store) == facts
    ours = f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KGR}"))'
    assert count(store, ours) == count(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {ours} }}")
    visits = {s for s, p, o in facts if p == f"<{RDF}type>" and o == f"<{KGO}Visit>"}
    assert count(store, "?v a kgo:Visit ; kgo:agent ?a ; kgo:place ?x ; kgo:date ?d") == len(visits)
    labels = {(s, o) for s, p, o in facts if p.endswith("#label>")}
    assert count(store, "?e rdfs:label ?l") == len(labels)
    assert count(store, '?p rdfs:label "王建国"@zh ; kgo:visited ?x') == len(
        {o for s, p, o in facts if p == f"<{KGO}visited>"
         and (s, '"王建国"@zh') in labels})
    stored = {r["r"]: int(r["n"]) for r in store.select(
        f"SELECT ?r ?n WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?r kgo:visitCount ?n }} }}")}
    assert stored == expected_counts(facts)
    reports = Counter(str(q.object) for i in ids for q in corpus[i] if q.predicate.value == KGO + "reportOf")
    counted = {f"<{r['e']}>": int(r["n"]) for r in store.select(
        f"SELECT ?e ?n WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?e kgo:reportCount ?n }} }}")}
    assert counted == dict(reports)


def test_every_fact_once_through_removal_and_readding(make_store, corpus):
    store = make_store()
    ids = sorted(corpus)
    ingest(store, corpus, ids)
    check(store, corpus, ids)
    # The issue's query: one row per (who, where), counting distinct visits, not graphs.
    rows = store.select("""SELECT ?who ?where (COUNT(*) AS ?n) WHERE { ?v a kgo:Visit ;
        kgo:agent/rdfs:label ?who ; kgo:place/rdfs:label ?where } GROUP BY ?who ?where""")
    assert rows and {r["n"] for r in rows} == {"1"}
    visit = store.select("""SELECT ?v ?n WHERE { ?v a kgo:Visit ; kgo:place/rdfs:label "根子镇"@zh ;
                            kgo:reportCount ?n }""")
    assert len(visit) == 1 and int(visit[0]["n"]) == DOCS + len(range(0, DOCS, 7))
    assert count(store, f"<{visit[0]['v']}> prov:wasDerivedFrom ?d") == DOCS

    # Removing the pages that name 李明: he disappears, the rest stays, counts follow.
    gone = [i for n, i in enumerate(ids) if n % 5 == 0]
    assert remove_documents(store, gone) == len(gone)
    left = [i for i in ids if i not in gone]
    check(store, corpus, left)
    assert count(store, '?m rdfs:label "李明"@zh') == 0
    assert count(store, '?m rdfs:label "信宜市"@zh') == 0

    # Re-adding them, in another order, gives back the same store.
    ingest(store, corpus, reversed(gone))
    check(store, corpus, ids)


def test_replacing_a_document_with_itself_changes_nothing(tmp_path, corpus):
    store = open_store(tmp_path / "kg")
    ids = sorted(corpus)[:8]
    ingest(store, corpus, ids)
    before = sorted(store.dump("nquads").splitlines())
    ingest(store, corpus, ids[::-1])
    assert sorted(store.dump("nquads").splitlines()) == before
    assert remove_documents(store, ids) == len(ids)
    assert len(store) == 0, store.dump("nquads")[:2000]
    assert remove_documents(store, ["no-such-page"]) == 0


def test_bulk_loading_documents_stores_what_one_by_one_ingest_stores(tmp_path, corpus):
    """A store built at bulk-load speed (for building large stores) holds quad for quad what
    the per-document transactions give, counts included; and the per-document updates go on
    from it: removing and re-adding then gives the same store as one-by-one ingest."""
    ids = sorted(corpus)
    one_by_one = open_store(tmp_path / "one")
    ingest(one_by_one, corpus, ids)
    bulk = open_store(tmp_path / "bulk")
    ingest(bulk, corpus, ids[:10])  # a store that already holds some documents
    bulk.bulk_add((doc_iri(i).value, corpus[i]) for i in ids[10:])
    assert sorted(bulk.dump("nquads").splitlines()) == sorted(one_by_one.dump("nquads").splitlines())
    check(bulk, corpus, ids)
    gone = ids[::4]
    assert remove_documents(bulk, gone) == remove_documents(one_by_one, gone) == len(gone)
    check(bulk, corpus, [i for i in ids if i not in gone])
    ingest(bulk, corpus, gone)
    ingest(one_by_one, corpus, gone)
    assert sorted(bulk.dump("nquads").splitlines()) == sorted(one_by_one.dump("nquads").splitlines())
    with pytest.raises(Exception, match="new documents only"):
        bulk.bulk_add([(doc_iri(ids[0]).value, corpus[ids[0]])])
