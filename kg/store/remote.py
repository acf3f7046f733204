"""A remote SPARQL 1.1 server as a store (Oxigraph server, Virtuoso, Fuseki …).

Reads with the SPARQL 1.1 Protocol (form POST, JSON/N-Triples results), writes with
SPARQL 1.1 Update: replacing a document's graph is one update request
(``DROP SILENT GRAPH`` then ``INSERT DATA``), which servers apply atomically.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx
from pyoxigraph import (Quad, QueryResultsFormat, RdfFormat, parse, parse_query_results,
                        serialize)

from kg.errors import QueryError, StoreError
from kg.store.oxigraph import PREFIXES, OxigraphStore

BATCH = 20_000


def _prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


class RemoteStore:
    """``query_url`` answers queries; ``update_url`` (default: …/query → …/update) takes updates."""

    def __init__(self, query_url: str, update_url: str | None = None, *, timeout: float = 60.0,
                 union_default_graph: bool = True) -> None:
        self.query_url = query_url
        self.update_url = update_url or (query_url[:-len("/query")] + "/update"
                                         if query_url.endswith("/query") else query_url)
        self.union = union_default_graph
        self.client = httpx.Client(timeout=timeout)

    def _post(self, url: str, data: dict, accept: str) -> httpx.Response:
        try:
            r = self.client.post(url, data=data, headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"the SPARQL server at {url} did not answer: {exc}") from exc
        if r.status_code == 400:
            raise QueryError(r.text.strip()[:2000])
        if r.status_code >= 300:
            raise StoreError(f"the SPARQL server answered {r.status_code}: {r.text.strip()[:500]}")
        return r

    def query(self, sparql: str, **_: object) -> object:
        text = _prefixes() + sparql
        form = {"query": text}
        if self.union:
            form["union-default-graph"] = "true"
        head = text.lstrip().split("{", 1)[0].upper()
        if "CONSTRUCT" in head or "DESCRIBE" in head:
            r = self._post(self.query_url, form, "application/n-triples")
            return list(parse(r.content, format=RdfFormat.N_TRIPLES))
        r = self._post(self.query_url, form, "application/sparql-results+json")
        return parse_query_results(r.content, format=QueryResultsFormat.JSON)

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        result = self.query(sparql)
        names = [v.value for v in result.variables]  # type: ignore[attr-defined]
        return [{n: (None if sol[n] is None else sol[n].value) for n in names} for sol in result]  # type: ignore[attr-defined]

    def update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": _prefixes() + sparql}, "*/*")

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> int:
        quads = list(quads)
        body = serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES) or b""
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n"
                    f"{body.decode()}\n}} }}")
        return len(quads)

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def _local_copy(self) -> OxigraphStore:
        copy = OxigraphStore(None)
        result = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        copy._store.extend(Quad(sol["s"], sol["p"], sol["o"], sol["g"]) for sol in result)  # type: ignore[attr-defined]
        return copy

    def dump(self, fmt: str) -> bytes:
        return self._local_copy().dump(fmt)

    def graphs(self) -> list[str]:
        return sorted(r["g"] or "" for r in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"] or 0)

    def flush(self) -> None:
        """Remote writes are durable when the server answers."""

    def close(self) -> None:
        self.client.close()
