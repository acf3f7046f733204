from kg.documents import load
from kg.ingest import document_quads
from kg.rdf import doc_iri
from kg.store import open_store
from viz.render import render_html


def test_labels_are_escaped_and_nothing_is_fetched():
    store = open_store(None)
    doc = load("记者走进镇雄县，<img src=x onerror=alert(1)>有限公司在坡头镇。".encode(), "x.txt", "x")
    store.replace_graph(doc_iri("x").value, document_quads(doc))
    page = render_html(store)
    assert "<img src=x" not in page
    assert "https://" not in page.split("<script")[0]
