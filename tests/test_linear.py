"""Reading a document costs work linear in its length: a line without stops and a file of
many stories run together. Not timed: the work is counted as the lines of extraction code
Python executes (each loop iteration is one), which a loop comparing every mention with every
other makes grow with the square of the length. The indexes that replaced those loops give
the same answers as the loops did (checked here against the loops themselves)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kg.extract.index import Cover, SpanIndex

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = str(ROOT / "kg" / "extract")
CCTV = ROOT.parent / "shared" / "data" / "cctv_news"


class _S:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def test_span_index_and_cover_answer_as_the_loops_they_replace():
    rng = random.Random(7)
    items = [_S(a, a + rng.randint(0, 12)) for a in sorted(rng.randint(0, 500) for _ in range(300))]
    index = SpanIndex(items)
    for _ in range(100):  # rules append mentions after the index is made, out of order too
        if rng.random() < 0.3:
            a = rng.randint(0, 500)
            items.append(_S(a, a + rng.randint(0, 12)))
        a = rng.randint(-5, 505)
        b = a + rng.randint(0, 80)
        assert index.inside(a, b) == [x for x in items if a <= x.start and x.end <= b]
    spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 500) for _ in range(60))]
    cover = Cover(spans)
    for _ in range(500):
        a = rng.randint(-5, 530)
        b = a + rng.randint(0, 20)
        assert cover.covers(a, b) == any(x <= a and b <= y for x, y in spans)
    assert not Cover([]).covers(0, 1)


def _canonical_by_pairs(spans):
    """The pairwise comparison _canonical_labels used to make (kept here as the reference)."""
    from kg.extract.mentions import GROUP_OF, _LEGAL_FORMS, _core, _head

    by_group: dict[str, dict[str, None]] = {}  # in the page's order, as _canonical_labels keeps them
    for sp in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        if sp.canonical is None:
            by_group.setdefault(GROUP_OF[sp.type], {})[sp.text] = None
    out = {}
    for group, names in by_group.items():
        for short in names:
            longer = [n for n in names if len(n) > len(short) and n.endswith(short) and len(short) >= 4]
            if group == "org":
                head = _head(short)
                longer += [n for n in names if len(n) > len(short) and not n.startswith(short)
                           and head is not None and _core(n).startswith(head) and _core(n) != head]
                longer += [n for n in names if n.startswith(short) and n[len(short):] in _LEGAL_FORMS]
            if longer:
                out[(group, short)] = max(longer, key=len)
    return out


def test_short_names_meet_the_same_fuller_names_as_by_comparing_every_pair():
    from kg.extract.mentions import _canonical_labels
    from kg.extract.model import EntityType
    from kg.extract.names import Span

    rng = random.Random(3)
    heads = ["正合", "浪潮", "天能", "恒泰", "华鑫", "金山", "蒲康"]
    places = ["", "贵州", "高州", "茂名市", "山东"]
    tails = ["集团", "有限公司", "股份有限公司", "铝业集团", "科技有限公司", "片区", "工业园"]
    texts = {rng.choice(places) + rng.choice(heads) + rng.choice(["", "新材料", "能源"]) + rng.choice(tails)
             for _ in range(400)}
    spans = [Span(0, len(t), t, EntityType.COMPANY if t.endswith(("集团", "公司")) else EntityType.PARK, None)
             for t in sorted(texts)]
    labels = _canonical_labels(spans)
    assert labels == _canonical_by_pairs(spans)
    assert labels  # the names above do meet their fuller forms


def _lines_run(text: str) -> int:
    """Lines of kg/extract code executed to extract ``text`` (the CRF tagger, which reads one
    sentence at a time, left out: it is linear by construction and the bulk of the count)."""
    from kg.documents import from_text
    from kg.extract import extract, warm_up

    warm_up()
    doc = from_text(text, "long.txt", "long")
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        if name.startswith(EXTRACT) and not name.endswith("tagger.py"):
            return local
        return None

    sys.settrace(tracer)
    try:
        extract(doc)
    finally:
        sys.settrace(None)
    return count


def _stories() -> str:
    if not (CCTV / "news").is_dir():
        pytest.skip("the shared CCTV transcripts are not beside the clone")
    texts = [p.read_text(encoding="utf-8") for p in sorted((CCTV / "news").glob("2026*.md"))[:12]]
    return "\n".join(t.replace("*", "").replace("#", "") for t in texts)


@pytest.mark.parametrize("kind", ["one line without stops", "stories in one file"])
def test_the_work_of_reading_a_document_grows_linearly_with_its_length(kind):
    stories = _stories()
    if kind == "one line without stops":
        stories = stories.replace("\n", "").replace("。", "").replace("，", "")
    n = 12_000
    assert len(stories) >= 2 * n
    small, large = _lines_run(stories[:n]), _lines_run(stories[:2 * n])
    # twice the text, about twice the work (quadratic loops made it 3.5 to 4 times)
    assert large / small < 2.5, f"{small} lines for {n} characters, {large} for {2 * n}"


def _long_document(n: int, kind: str):
    from kg.documents import from_text

    stories = _stories()
    if kind == "one line without stops":
        stories = stories.replace("\n", "").replace("。", "").replace("，", "")
    assert len(stories) >= n
    return from_text(stories[:n], "long.txt", "long")


def _peak_while_ingesting(doc, window: int, folder: Path) -> int:
    """Peak bytes Python holds while ``doc`` is ingested serially into a real store, a window
    at a time (its bytes made before)."""
    import gc
    import tracemalloc

    from kg.ingest import Options, ingest_items
    from kg.sources import Format, Record
    from kg.store.oxigraph import OxigraphStore

    record = Record("long", "long.txt", Format.TEXT, Format.TEXT, doc.text.encode())
    store = OxigraphStore(folder)
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        ingest_items(store, [record], Options(window=window))
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
        store.close()


@pytest.mark.parametrize("kind", ["one line without stops", "stories in one file"])
def test_a_long_document_is_ingested_in_memory_bounded_by_the_window(kind, tmp_path: Path):
    from kg.extract import warm_up

    warm_up()
    n, window = 12_000, 3_000
    _peak_while_ingesting(_long_document(n, kind), window, tmp_path / "first")  # first-use costs
    small = _peak_while_ingesting(_long_document(n, kind), window, tmp_path / "small")
    large = _peak_while_ingesting(_long_document(3 * n, kind), window, tmp_path / "large")
    # three times the text, the same window: about the same peak (read whole, or with the
    # words of every sentence kept, it was 2.5 to 3 times; with every window's N-Quads and
    # text kept until the document was stored, 1.5 times)
    assert large < 1.4 * small, f"peak {small} bytes for {n} characters, {large} for {3 * n}"


def test_the_parts_of_a_long_document_state_its_facts_once_with_unique_reports():
    from collections import Counter

    from pyoxigraph import NamedNode

    from kg.extract.clean import clean
    from kg.ingest import document_facts, document_parts, windows
    from kg.rdf import to_quads
    from kg.vocab import DCTERMS, FACTS_GRAPH, KGO

    doc = _long_document(20_000, "stories in one file")
    parts = list(document_parts(doc, window=6_000))
    assert len(parts) >= 4
    quads = [q for part in parts for q in part]
    g = NamedNode(f"https://w3id.org/zhkg/id/doc/{doc.doc_id}")
    said = Counter(q.predicate.value for q in quads if q.subject == g)
    assert said[DCTERMS + "title"] == 1 and said[KGO + "text"] == 0
    # each window says its piece of the text: joined, the whole document as its pieces were read
    from kg.ingest import joined_text
    from kg.rdf import part_iri

    texts = [(q.subject.value, q.object.value) for q in quads if q.predicate.value == KGO + "text"]
    assert [s for s, _ in texts] == [part_iri(g.value, k).value for k in range(1, len(parts))]
    text = joined_text(reversed(texts))
    assert text == clean(doc.text).strip()
    evidence = [(q.subject, q.object.value) for q in quads
                if q.predicate.value == KGO + "evidence" and q.graph_name == g]
    assert evidence and len({s for s, _ in evidence}) == len(evidence)  # one report, one sentence
    assert all(sentence in text for _, sentence in evidence)
    # the shared facts are those of the pieces, each read as a document of its own
    from dataclasses import replace

    pieces = [to_quads(document_facts(replace(doc, text=p))) for p in windows(doc.text, 6_000)]
    facts = {q for q in quads if q.graph_name.value == FACTS_GRAPH}
    assert facts == {q for p in pieces for q in p if q.graph_name.value == FACTS_GRAPH}
    # a page up to the window is read whole, as it always was
    page = replace(doc, text=doc.text[:5_000])
    assert list(document_parts(page, window=6_000)) == [to_quads(document_facts(page))]


def test_a_long_document_is_stored_a_window_a_graph_and_a_shorter_version_drops_the_rest(tmp_path: Path):
    """Each window of a long document is a graph (and a transaction) of its own, listed by
    the document's graph: what one write holds is bounded by the window. Its facts are those
    of the whole document; ingested again shorter, the windows it no longer has go; removed,
    nothing of it is left."""
    from kg.ingest import Options, ingest_items, remove_documents
    from kg.sources import Format, Record
    from kg.store.oxigraph import OxigraphStore
    from kg.store.graph_update import SYSTEM_GRAPHS
    from kg.vocab import KGO

    doc = _long_document(20_000, "stories in one file")
    store = OxigraphStore(tmp_path / "s")

    def ingest(text: str):
        record = Record("long", "long.txt", Format.TEXT, Format.TEXT, text.encode())
        return ingest_items(store, [record], Options(window=6_000))

    report = ingest(doc.text)
    g = "https://w3id.org/zhkg/id/doc/long"
    parts = [r["p"] for r in store.select(f"SELECT ?p WHERE {{ GRAPH <{g}> {{ <{g}> <{KGO}hasPart> ?p }} }}")]
    assert report.documents == 1 and len(parts) >= 4
    assert set(store.graphs()) == {g, *parts}
    # every report of the document is in one of its windows, the description in its own graph
    (row,) = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?r <{KGO}reportOf> ?x }} }}")
    assert row["n"] == "0"
    (row,) = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?p {{ ?r <{KGO}reportOf> ?x }} "
                          f"GRAPH <{g}> {{ <{g}> <{KGO}hasPart> ?p }} }}")
    from kg.ingest import document_parts

    expected = {q.subject for part in document_parts(doc, window=6_000) for q in part
                if q.predicate.value == KGO + "reportOf"}
    assert int(row["n"]) == len(expected) > 5

    def reports() -> int:
        (row,) = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?p {{ ?r <{KGO}reportOf> ?x }} }}")
        return int(row["n"])

    assert reports() == len(expected)
    ingest(doc.text[:7_000])  # two windows now
    shorter = [r["p"] for r in store.select(f"SELECT ?p WHERE {{ GRAPH <{g}> {{ <{g}> <{KGO}hasPart> ?p }} }}")]
    assert len(shorter) == 2 and set(store.graphs()) == {g, *shorter}
    from dataclasses import replace

    assert reports() == len({q.subject for part in document_parts(replace(doc, text=doc.text[:7_000]),
                                                                  window=6_000)
                             for q in part if q.predicate.value == KGO + "reportOf"}) < len(expected)

    assert remove_documents(store, ["long"]) == 1
    assert store.graphs() == []
    left = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                        f"FILTER(?g NOT IN ({', '.join(f'<{x}>' for x in SYSTEM_GRAPHS)})) }}")
    assert left[0]["n"] == "0"
    (row,) = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?v a <{KGO}Visit> }}")
    assert row["n"] == "0"
    store.close()


def test_a_long_document_s_text_is_stored_a_window_at_a_time_and_read_whole(tmp_path: Path):
    """Each window's graph holds its piece of the text (no write holds the whole of a 20 MB
    document's text); the document page joins them: the article as read, every evidence
    sentence in it, highlighted where asked."""
    from api.config import Settings
    from conftest import running_server

    import httpx

    from kg.extract.clean import clean
    from kg.ingest import Options, ingest_items
    from kg.sources import Format, Record
    from kg.store.oxigraph import OxigraphStore
    from kg.vocab import KGO

    doc = _long_document(20_000, "stories in one file")
    store = OxigraphStore(tmp_path / "s")
    ingest_items(store, [Record("long", "long.txt", Format.TEXT, Format.TEXT, doc.text.encode())],
                 Options(window=6_000))
    g = "https://w3id.org/zhkg/id/doc/long"
    rows = store.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{KGO}text> ?t }} }} GROUP BY ?g")
    assert len(rows) >= 4 and all(r["n"] == "1" and r["g"].startswith(g + "/part/") for r in rows)
    store.close()
    with running_server(Settings(store=tmp_path / "s")) as base:
        data = httpx.get(base + "/documents/long").json()
        assert data["text"] == clean(doc.text).strip()
        assert len(data["reports"]) > 5 and all(r["evidence"] in data["text"] for r in data["reports"])
        last = data["reports"][-1]["evidence"]
        page = httpx.get(base + "/documents/long", params={"hl": last}, headers={"Accept": "text/html"}).text
        assert 'id="hl"' in page and 'id="no-text"' not in page
