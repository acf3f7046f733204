"""Property-based fuzzing of the REST routes: whatever the input, never a 5xx."""

from __future__ import annotations

from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def no_server_error(r: httpx.Response) -> None:
    assert r.status_code < 500, (r.request.url, r.status_code, r.text[:300])


@FUZZ
@given(person=TEXT, place=TEXT, since=TEXT, limit=st.integers(-5, 20_000))
def test_visits(server, person, place, since, limit):
    no_server_error(httpx.get(server + "/visits", params={"person": person, "place": place,
                                                          "from": since, "limit": limit}))


@FUZZ
@given(q=TEXT, entity=TEXT)
def test_entities(server, q, entity):
    no_server_error(httpx.get(server + "/entities", params={"q": q}))
    no_server_error(httpx.get(server + "/entities/" + quote(entity, safe="/"),
                              headers={"Accept": "text/html"}))


@FUZZ
@given(query=TEXT, accept=st.sampled_from(["", "*/*", "text/csv", "application/x-nothing",
                                           "text/turtle;q=0.1, application/json"]))
def test_sparql(server, query, accept):
    no_server_error(httpx.get(server + "/sparql", params={"query": query}, headers={"Accept": accept}))
    no_server_error(httpx.post(server + "/sparql", content=query.encode(),
                               headers={"Content-Type": "application/sparql-query"}))


@FUZZ
@given(focus=TEXT, hops=st.integers(-2, 9), graph=TEXT)
def test_pages(server, focus, hops, graph):
    no_server_error(httpx.get(server + "/graph.html", params={"focus": focus, "hops": hops}))
    no_server_error(httpx.get(server + "/rdf-graphs/service", params={"graph": graph}))
